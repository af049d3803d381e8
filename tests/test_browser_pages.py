"""The default site's pages in real Chromium: phones, no JavaScript, accessible tables."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, run

sys.path.insert(0, str(ROOT / "benchmarks"))
from search_browser import chromium, serve  # noqa: E402

pytestmark = pytest.mark.browser

PAGES = ["", "notices/", "notices/huzhou-2019-huzhengbanfa-9/", "notices/wuchang-2017-wuchangzhengban-1/",
         "notices/jinan-2017-jizhengbanzi-22/1-23/", "notices/demo-2026-shifan/1-2/", "units/",
         "units/jinan/shi-fa-gai-wei/", "themes/", "themes/sheng-tai-huan-jing/", "leaders/",
         "jurisdictions/huzhou/", "data/", "404.html", "units/jinan/shi-fa-gai-wei/print/"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("pages") / "out"
    result = run("build", "--site", ROOT, "--output", out, "--no-search")
    assert result.exit_code == 0, result.output
    with serve(out) as base:
        yield base


@pytest.fixture(scope="module")
def phone():
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
        yield context.new_page()
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_reads_on_a_phone_without_javascript(site, phone, path):
    response = phone.goto(f"{site}/{path}")
    assert response.status == 200
    assert phone.locator("html").get_attribute("lang") == "zh-CN"
    overflow = phone.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 390px"
    assert phone.locator("h1").count() >= 1


@pytest.mark.parametrize("path", ["units/", "leaders/", "themes/", "data/"])
def test_tables_have_captions_and_header_scopes(site, phone, path):
    phone.goto(f"{site}/{path}")
    tables = phone.locator("main table")
    assert tables.count() >= 1
    for i in range(tables.count()):
        table = tables.nth(i)
        assert table.locator("caption").count() == 1, path
        headers = table.locator("th")
        assert all(headers.nth(j).get_attribute("scope") in ("col", "row", "rowgroup") for j in range(headers.count())), path


def test_every_unit_leader_and_theme_name_links_to_its_page(site, phone):
    phone.goto(f"{site}/notices/huzhou-2019-huzhengbanfa-9/1-11/")
    hrefs = phone.eval_on_selector_all("main a", "els => els.map(e => e.getAttribute('href'))")
    assert any(h.startswith("/units/huzhou/") for h in hrefs)
    assert any(h.startswith("/leaders/huzhou/") for h in hrefs)
    assert any(h.startswith("/themes/") for h in hrefs)
