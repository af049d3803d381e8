"""The search page of the default site (the five real notices), in real Chromium.

One build of the repository's own site per test session, served on 127.0.0.1
from a thread; Playwright drives Debian's /usr/bin/chromium. Expectations are
computed from the build's own records where the content may still change
(which tasks contain a query), and fixed where the notices fix them.
"""

from __future__ import annotations

import json
import sys
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from conftest import ROOT, run

sys.path.insert(0, str(ROOT / "benchmarks"))
from search_browser import chromium, fragments, serve  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.search]

RESULTS = "#search-results > li"
SETTLED = r"""() => {
  const s = document.getElementById('search-status').textContent;
  return /(找到 \d+ 条|共 \d+ 条|没有)/.test(s);
}"""


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("default-site") / "out"
    result = run("build", "--site", ROOT, "--output", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def base(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")  # closed with the module: Playwright cannot nest, and later modules start their own
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def records(site):
    """url -> indexed text of every task record."""
    return {url: r["content"] for url, r in fragments(site).items() if url.count("/") == 4}


@pytest.fixture(scope="session")
def tasks(site):
    return json.loads((site / "data" / "tasks.json").read_text(encoding="utf-8"))


def open_search(page, base, query: str = "", **filters) -> list[str]:
    params = "&".join([f"q={quote(query)}"] * bool(query) + [f"{k}={quote(v)}" for k, v in filters.items()])
    page.goto(f"{base}/search/?{params}")
    page.wait_for_function(SETTLED, timeout=15000)
    return result_urls(page)


def result_urls(page) -> list[str]:
    """Every result's URL, loading all pages of results."""
    while page.locator("#search-more").is_visible():
        count = page.locator(RESULTS).count()
        page.click("#search-more")
        page.wait_for_function(f"document.querySelectorAll('{RESULTS}').length > {count}")
    return [urlsplit(h).path for h in page.locator(f"{RESULTS} h2 a").evaluate_all("els => els.map(a => a.href)")]


def containing(records, text):
    return {url for url, content in records.items() if text in content}


@pytest.mark.parametrize("query", ["棚户区改造", "停车位", "市城市更新局", "钱三雄", "养老服务"])
def test_chinese_query_returns_the_tasks_that_contain_it(page, base, records, query):
    # or a synonym of it (searchvariants.DEFAULT_SYNONYMS: 棚户区改造 = 棚改)
    expected = containing(records, query) | (containing(records, "棚改") if query == "棚户区改造" else set())
    assert expected, f"the default content has no task with {query}"
    urls = open_search(page, base, query)
    tasks_found = [u for u in urls if u in records]
    assert set(tasks_found) == expected
    assert set(urls[:len(expected)]) <= expected | {u for u in urls if u not in records}  # tasks first, only notices besides


def test_known_tasks_are_found(page, base, tasks):
    by_id = {t["id"]: t["url"] for t in tasks}
    assert by_id["jinan-2017-jizhengbanzi-22/1-36"] in open_search(page, base, "棚户区改造")
    qian = open_search(page, base, "钱三雄")
    led = {t["url"] for t in tasks if t["leader"] == "钱三雄"}
    assert len(led) >= 5 and led <= set(qian)
    assert set(qian[:len(led)]) == led  # the tasks he leads come first


def test_doc_number_finds_the_notice_and_its_tasks(page, base, tasks):
    urls = open_search(page, base, "湖政办发〔2019〕9号")
    notice = "/notices/huzhou-2019-huzhengbanfa-9/"
    huzhou = {t["url"] for t in tasks if t["notice"] == "huzhou-2019-huzhengbanfa-9"}
    assert set(urls) == huzhou | {notice}  # the notice's tasks, and the notice itself, and nothing else


def test_results_show_notice_status_and_units(page, base):
    open_search(page, base, "停车位")
    first = page.locator(RESULTS).first
    assert first.locator(".badge").inner_text().strip()  # status badge: icon and label
    text = first.inner_text()
    assert "责任单位" in text and "出自" in text
    assert first.locator("mark").first.inner_text() == "停车位"


def test_a_filter_narrows_the_results_and_goes_into_the_url(page, base, tasks):
    all_urls = open_search(page, base, "改造")
    assert len(all_urls) > 5
    assert page.locator("#filter-government option").count() == 1  # filter values load when the filters open
    page.click("#search-filters summary")
    page.wait_for_function("() => document.getElementById('search-filters').dataset.loaded === 'true'")
    assert page.locator("#filter-government option").count() > 3
    page.select_option("#filter-government", "湖州市")
    page.wait_for_function(SETTLED)
    page.wait_for_function("() => location.search.includes('government=')")
    narrowed = result_urls(page)
    assert 0 < len(narrowed) < len(all_urls)
    assert all(u.startswith("/notices/huzhou-") for u in narrowed)
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"q": ["改造"], "government": ["湖州市"]}


def test_the_url_restores_query_and_filters(page, base, tasks):
    unit = "市城市更新局"
    urls = open_search(page, base, "改造", unit=unit, sort="date-desc")
    assert page.input_value("#search-q") == "改造"
    assert page.locator("#search-filters").get_attribute("open") is not None
    assert page.input_value("#filter-unit") == unit
    assert page.input_value("#search-sort") == "date-desc"
    expected = {t["url"] for t in tasks if unit in t["units"] and "改造" in t["text"]}
    assert expected and expected <= set(urls)
    units_shown = page.locator(f"{RESULTS} .meta").all_inner_texts()
    assert all(unit in u for u in units_shown)
    # the address the page keeps is the one it was opened with: sharing it gives the same search
    assert parse_qs(urlsplit(page.url).query) == {"q": ["改造"], "unit": [unit], "sort": ["date-desc"]}
    again = open_search(page, base, "改造", unit=unit, sort="date-desc")
    assert again == urls


def test_typing_a_query_updates_the_address(page, base):
    page.goto(f"{base}/search/")
    page.wait_for_function("() => !document.getElementById('search-filters').hidden")
    page.fill("#search-q", "停车位")
    page.press("#search-q", "Enter")
    page.wait_for_function(SETTLED)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["停车位"]}
    assert len(result_urls(page)) >= 1


def test_filters_alone_list_tasks(page, base, tasks):
    urls = open_search(page, base, leader="钱三雄")
    led = {t["url"] for t in tasks if t["leader"] == "钱三雄" or "钱三雄" in (t.get("assisting_leaders") or [])}
    assert set(urls) == led


def test_search_is_in_every_header(page, base):
    for path in ["/", "/notices/", "/units/", "/notices/huzhou-2019-huzhengbanfa-9/1-1/"]:
        page.goto(base + path)
        link = page.locator("header.site-header nav a", has_text="搜索")
        assert link.get_attribute("href") == "/search/"


def test_usable_at_390_px_without_horizontal_overflow(browser, base):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        open_search(page, base, "改造", unit="市城市更新局")
        assert page.locator(RESULTS).count() > 0
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{overflow}px of horizontal overflow at 390px"
        box = page.locator("#search-q").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert page.locator("#filter-unit").is_visible()
    finally:
        context.close()
    assert errors == []


# --- the failure classes of issue 21, each with queries that failed before ----------------------


def task_urls(urls: list[str]) -> list[str]:
    return [u for u in urls if u.count("/") == 4]


def test_an_attachment_title_returns_its_tasks_first(page, base, tasks):
    # 民生实事 is also in the notice's title: every Huzhou task matches, the attachment's 10 come first
    attachment = {t["url"] for t in tasks if t["notice"] == "huzhou-2019-huzhengbanfa-9" and "十方面民生实事责任分解" in t["section"]}
    assert len(attachment) == 10
    assert set(task_urls(open_search(page, base, "民生实事"))[:10]) == attachment
    ten = {t["url"] for t in tasks if any("十件实事" in s for s in t["section"])}
    assert set(task_urls(open_search(page, base, "十件实事"))[:len(ten)]) == ten


def test_a_heading_returns_the_tasks_under_it(page, base, tasks):
    under = {t["url"] for t in tasks if any("乡村振兴" in s for s in t["section"])}
    assert len(under) == 3
    assert under <= set(task_urls(open_search(page, base, "乡村振兴"))[:len(under)])


def test_traditional_characters_find_simplified_text(page, base):
    simplified = open_search(page, base, "营商环境")
    assert simplified
    assert open_search(page, base, "營商環境") == simplified
    assert "营商环境" in page.locator("#search-status").inner_text()  # the page says what it searched


def test_an_abbreviation_finds_what_it_stands_for(page, base, tasks):
    urls = open_search(page, base, "棚改")
    spelled_out = {t["url"] for t in tasks if "棚户区改造" in t["text"]}
    assert spelled_out and spelled_out <= set(urls)
    assert "已同时搜索“棚户区改造”" in page.locator("#search-status").inner_text()


def test_a_run_with_no_match_is_retried_as_words_and_the_page_says_so(page, base, tasks):
    urls = task_urls(open_search(page, base, "垃圾分类"))
    both = {t["url"] for t in tasks if "垃圾" in t["text"] and "分类" in t["text"]}
    assert both and set(urls) == both
    status = page.locator("#search-status").inner_text()
    assert "未找到“垃圾分类”，已改为搜索“垃圾”“分类”" in status
    assert task_urls(open_search(page, base, "湖州养老服务"))[0] == "/notices/huzhou-2019-huzhengbanfa-9/2-8/"


def test_a_unit_by_its_other_name(page, base, tasks):
    urls = set(open_search(page, base, "市住建局"))
    assert {t["url"] for t in tasks if "市住房城乡建设局" in t["units"]} <= urls


def test_unit_filter_values_name_their_government_when_names_repeat(page, base):
    open_search(page, base, "改造")
    page.click("#search-filters summary")
    page.wait_for_function("() => document.getElementById('search-filters').dataset.loaded === 'true'")
    values = page.locator("#filter-unit option").evaluate_all("os => os.map(o => o.value)")
    fagaiwei = [v for v in values if v.startswith("市发改委")]
    assert len(fagaiwei) >= 2 and all("（" in v for v in fagaiwei)
    assert not any(v == "各区" for v in values)


def test_an_untitled_task_shows_its_opening_words_once(page, base):
    open_search(page, base, "湖州 老旧小区")
    first = page.locator(RESULTS).first
    title = first.locator("h2").inner_text().split(" ", 1)[1].rstrip("…")
    excerpt = first.locator(".sg-excerpt").inner_text() if first.locator(".sg-excerpt").count() else ""
    assert title[:15] not in excerpt


def test_an_old_link_with_a_bare_unit_name_selects_every_government_of_that_name(page, base, tasks):
    """Links shared before unit filter values named their government carry the bare name (?unit=市发改委):
    it stands for the unit of that name of every government, and the address keeps it as it was."""
    urls = open_search(page, base, unit="市发改委")
    expected = {t["url"] for t in tasks if "市发改委" in t["units"]}
    governments = {t["notice"].split("-")[0] for t in tasks if "市发改委" in t["units"]}
    assert len(governments) >= 2  # the name is ambiguous on the default site
    assert set(urls) == expected
    assert page.input_value("#filter-unit") == "市发改委"
    label = page.locator("#filter-unit option:checked").inner_text()
    assert f"{len(governments)} 个政府" in label
    assert parse_qs(urlsplit(page.url).query) == {"unit": ["市发改委"]}
    narrowed = open_search(page, base, "改革", unit="市发改委")
    assert narrowed and set(narrowed) <= expected


def test_an_old_link_with_a_bare_unit_name_selects_the_one_unit_of_that_name(page, base, tasks):
    """A bare name that one government's unit has selects that unit's filter value, which the address then carries."""
    urls = open_search(page, base, unit="各区")
    expected = {t["url"] for t in tasks if "各区" in t["units"]}
    assert expected and set(urls) == expected
    value = page.input_value("#filter-unit")
    assert value.startswith("各区（") and value.endswith("鄂州市）")
    assert parse_qs(urlsplit(page.url).query) == {"unit": [value]}


def test_a_bare_name_matches_only_a_government_in_brackets(page, base):
    open_search(page, base, "改造")
    named = page.evaluate("""() => SitegenSearch.named("市政府办公室", {
        "市政府办公室（市金融办）": 2, "市政府办公室（浙江省湖州市）": 3, "市政府办公室（湖北省鄂州市）": 1},
        ["浙江省湖州市", "湖北省鄂州市"])""")
    assert named == ["市政府办公室（浙江省湖州市）", "市政府办公室（湖北省鄂州市）"]
    assert page.evaluate("() => SitegenSearch.named('市审计局', {'市审计局': 2}, [])") == ["市审计局"]
    assert page.evaluate("() => SitegenSearch.named('市审计局', {'市统计局': 2}, [])") == []
