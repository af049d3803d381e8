"""Issue 22 in real Chromium: axe-core over every page type at 390 and 1280 px, role tags that never
wrap away from their unit on a phone, the contents and jump links without JavaScript, and the
search page and its filters used with the keyboard alone."""

from __future__ import annotations

import sys
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT, run

sys.path.insert(0, str(ROOT / "benchmarks"))
from search_browser import chromium, serve  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.search]

# One page of every type the build writes.
PAGE_TYPES = {
    "home": "", "notices": "notices/", "notice": "notices/huzhou-2019-huzhengbanfa-9/",
    "notice (fictional)": "notices/demo-2026-shifan/", "task": "notices/wuchang-2017-wuchangzhengban-1/1-1/",
    "task (fictional)": "notices/demo-2026-shifan/1-2/", "original": "notices/jinan-2017-jizhengbanzi-22/original/",
    "units": "units/", "units of a government": "units/jinan/", "unit": "units/jinan/shi-fa-gai-wei/",
    "themes": "themes/", "theme": "themes/sheng-tai-huan-jing/", "leaders": "leaders/",
    "leader": "leaders/huzhou/xu-ji-qing/", "jurisdiction": "jurisdictions/huzhou/", "statuses": "status/",
    "status": "status/completed/", "data": "data/", "search": "search/?q=%E6%B1%A1%E6%B0%B4", "404": "404.html",
    "print": "units/jinan/shi-fa-gai-wei/print/",
}
SETTLED = "() => /^(找到|共|没有)/.test(document.getElementById('search-status').textContent)"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    out = tmp_path_factory.mktemp("readers-browser") / "out"
    result = run("build", "--site", ROOT, "--output", out)
    assert result.exit_code == 0, result.output
    with serve(out) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_no_serious_or_critical_violation_on_any_page_type(browser, base, axe, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = context.new_page()
    found = {}
    try:
        for kind, path in PAGE_TYPES.items():
            page.goto(f"{base}/{path}")
            if kind == "search":
                page.wait_for_function(SETTLED, timeout=15000)
                page.click("#search-filters summary")  # the filters too
                page.wait_for_function("() => document.getElementById('search-filters').dataset.loaded === 'true'")
            violations = axe.run(page).response["violations"]
            bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
                   for v in violations if v["impact"] in ("serious", "critical")]
            if bad:
                found[kind] = bad
    finally:
        context.close()
    assert found == {}


# Each role tag must sit on the same line as the end of its unit's name.
TAGS_OFF_THEIR_LINE = """() => {
  const off = [];
  for (const tag of document.querySelectorAll('.unit .tag')) {
    const unit = tag.closest('.unit');
    const range = document.createRange();
    range.setStart(unit, 0);
    range.setEndBefore(tag);
    const rects = [...range.getClientRects()].filter(r => r.width > 0);
    const last = rects[rects.length - 1];
    const box = tag.getBoundingClientRect();
    if (!last || box.top >= last.bottom || box.bottom <= last.top) off.push(unit.textContent.trim());
  }
  return [document.querySelectorAll('.unit .tag').length, off];
}"""


@pytest.mark.parametrize("path", ["notices/wuchang-2017-wuchangzhengban-1/", "notices/jinan-2017-jizhengbanzi-22/",
                                  "notices/huzhou-2019-huzhengbanfa-9/", "notices/wuchang-2017-wuchangzhengban-1/2-1/",
                                  "notices/jinan-2017-jizhengbanzi-22/1-21/"])
def test_role_tags_never_wrap_away_from_their_unit_on_a_phone(browser, base, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    try:
        for width in (390, 360, 320):
            page.set_viewport_size({"width": width, "height": 844})
            page.goto(f"{base}/{path}")
            count, off = page.evaluate(TAGS_OFF_THEIR_LINE)
            assert count > 0, path
            assert off == [], f"{path} at {width}px: {off[:5]}"
    finally:
        context.close()


def test_contents_and_unit_jump_links_work_without_javascript(browser, base):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{base}/units/")
        jump = page.locator("ul.jump a").nth(5)
        target = jump.get_attribute("href")
        jump.click()
        assert page.url.endswith(target)
        top = page.evaluate(f"() => document.getElementById('{target[1:]}').getBoundingClientRect().top")
        assert -2 <= top < 100
        page.goto(f"{base}/notices/huzhou-2019-huzhengbanfa-9/")
        link = page.locator("nav.toc a").nth(3)
        target = link.get_attribute("href")
        link.click()
        top = page.evaluate(f"() => document.getElementById('{target[1:]}').getBoundingClientRect().top")
        assert -2 <= top < 100
        height = page.evaluate("() => document.documentElement.scrollHeight")
        assert page.evaluate("() => window.scrollY") > height / 10  # it moved well down the long page
    finally:
        context.close()


def _tab_to(page, selector: str, limit: int = 40) -> int:
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement && document.activeElement.matches({selector!r})"):
            return presses
    raise AssertionError(f"Tab never reached {selector}")


def test_search_and_its_filters_work_from_the_keyboard(browser, base):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{base}/search/")
        page.wait_for_function("() => !document.getElementById('search-filters').hidden")
        _tab_to(page, "#search-q")
        page.keyboard.type("改造")
        page.keyboard.press("Enter")
        page.wait_for_function(SETTLED, timeout=15000)
        before = page.locator("#search-results > li").count()
        assert before > 0
        _tab_to(page, "#search-filters summary")
        page.keyboard.press("Enter")  # opens the filters
        page.wait_for_function("() => document.getElementById('search-filters').dataset.loaded === 'true'")
        _tab_to(page, "#filter-government")
        options = page.locator("#filter-government option").all_inner_texts()
        wanted = next(i for i, o in enumerate(options) if o.startswith("湖州市"))
        for _ in range(wanted):
            page.keyboard.press("ArrowDown")
        page.wait_for_function("() => location.search.includes('government=')", timeout=15000)
        page.wait_for_function(SETTLED, timeout=15000)
        assert parse_qs(urlsplit(page.url).query)["government"] == ["湖州市"]
        shown = page.locator("#search-results > li h2 a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
        assert shown and all("/notices/huzhou-" in h for h in shown)
        _tab_to(page, "#search-results > li h2 a")  # the results are reachable too
        focused = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert focused != "none"  # and the focus is visible
    finally:
        context.close()
