"""Hostile content: HTML and JavaScript in any field never runs in a reader's browser."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, run

sys.path.insert(0, str(ROOT / "benchmarks"))
from search_browser import chromium, serve  # noqa: E402

PAYLOADS = {
    "script": "<script>window.__pwned = 1</script>",
    "img": '<img src=x onerror="window.__pwned = 2">',
    "svg": "<svg onload=\"window.__pwned = 3\"></svg>",
    "attr": '"><script>window.__pwned = 4</script>',
    "link": "[点我](javascript:window.__pwned=5)",
    "iframe": '<iframe src="javascript:window.__pwned=6"></iframe>',
}
ALL = " ".join(PAYLOADS.values())


def hostile_site(mini):
    notice = mini / "content/notices/ceshi-2019-1.yaml"
    text = notice.read_text(encoding="utf-8")
    quoted = ALL.replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("text: 治理水污染,6月底前完成整治。", f'text: "治理水污染 {quoted}"')
    text = text.replace("title: 改善生态", f'title: "改善生态 {quoted}"')
    text = text.replace("short_title: 测试市2019年重点工作分工", f'short_title: "测试 {quoted}"')
    text = text.replace("  现印发给你们,请认真贯彻执行。", "  现印发给你们 " + ALL)
    text = text.replace("attribution: 责任单位:市发改委、财政局", f'attribution: "{quoted}"')
    notice.write_text(text, encoding="utf-8")
    progress = mini / "content/progress/ceshi-2019-1.yaml"
    progress.write_text(progress.read_text(encoding="utf-8").replace(
        "source: https://example.org/report", "source: javascript:window.__pwned=7").replace(
        "text: 已完成整治。", f'text: "已完成整治 {quoted}"'), encoding="utf-8")
    units = mini / "content/units/ceshi-shi.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace(
        "aliases: [发改委, 市发展改革委]", f'aliases: [发改委, 市发展改革委, "{quoted}"]'), encoding="utf-8")
    return mini


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import shutil

    mini = tmp_path_factory.mktemp("hostile") / "mini"
    shutil.copytree(ROOT / "tests/fixtures/mini", mini)
    hostile_site(mini)
    out = mini.parent / "out"
    result = run("build", "--site", mini, "--output", out, "--no-search")
    assert result.exit_code == 0, result.output
    return out


def test_no_payload_survives_as_markup(built):
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html, page
        assert "<img src=x" not in html and "<svg onload" not in html and "<iframe" not in html, page
        assert 'href="javascript:' not in html.lower(), page


@pytest.mark.browser
def test_no_script_runs_in_chromium(built):
    pages = ["notices/ceshi-2019-1/", "notices/ceshi-2019-1/1-1/", "notices/ceshi-2019-1/1-3/",
             "units/ceshi-shi/shi-fa-gai-wei/", "units/", "data/", ""]
    with serve(built) as base, chromium() as browser:
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in pages:
            page.goto(f"{base}/{path}")
            page.wait_for_load_state("load")
            for link in page.locator("a").all():
                href = link.get_attribute("href") or ""
                assert not href.lower().startswith("javascript:"), (path, href)
            assert page.evaluate("() => window.__pwned") is None, path
            assert page.locator("script:not([src])").count() <= 1, path
        assert dialogs == []
