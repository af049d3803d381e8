"""What readers see on the built default site (issue 22): honest progress, context, provenance,
navigation and the small things. Layout, wrapping and accessibility are in test_browser_readers.py."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml

from conftest import ROOT, run

REAL = ["jinan-2017-jizhengbanzi-22", "jiyang-2023", "ezhou-2014-ezhouzhengbanfa-4", "huzhou-2019-huzhengbanfa-9",
        "wuchang-2017-wuchangzhengban-1"]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    target = tmp_path_factory.mktemp("readers") / "out"
    result = run("build", "--site", ROOT, "--output", target, "--no-search")
    assert result.exit_code == 0, result.output
    return target


def page(out, path: str) -> str:
    return (out / path.strip("/") / "index.html").read_text(encoding="utf-8") if path.strip("/") else \
        (out / "index.html").read_text(encoding="utf-8")


def text(markup: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup)))


def part(markup: str, pattern: str) -> str:
    found = re.search(pattern, markup, re.S)
    assert found, pattern
    return found.group(0)


# --- 1. progress framing ------------------------------------------------------------------------

@pytest.mark.parametrize("path", [f"notices/{REAL[0]}/", f"notices/{REAL[3]}/", "units/jinan/shi-fa-gai-wei/",
                                  "themes/sheng-tai-huan-jing/", "jurisdictions/huzhou/"])
def test_nothing_reported_says_no_data_instead_of_a_zero_bar(out, path):
    markup = page(out, path)
    assert "暂无进展数据" in text(markup)
    assert "已完成 0 项（0%）" not in text(markup)
    assert '<svg class="bar"' not in markup
    assert 'href="/status/"' in markup


def test_the_fictional_notice_still_draws_its_bar_with_a_legend_linking_the_explanation(out):
    markup = page(out, "notices/demo-2026-shifan/")
    figure = part(markup, r'<figure class="rollup">.*?</figure>')
    assert '<svg class="bar"' in figure and 'href="/status/"' in figure


def test_home_counts_real_tasks_and_labels_the_fictional_ones(out):
    home = page(out, "/")
    site_tasks = json.loads((out / "data" / "tasks.json").read_text(encoding="utf-8"))
    demo_done = sum(1 for t in site_tasks if t["notice"] == "demo-2026-shifan" and t["status"] == "completed")
    assert demo_done > 0
    chip = text(part(home, r'<a href="/status/completed/">.*?</a>'))
    assert "已完成 0" in chip and f"虚构示例 {demo_done}" in chip
    assert "全部任务进展（不含虚构示例）" in text(home) or "暂无进展数据" in text(home)


def test_status_page_explains_every_status_the_two_deadline_terms_and_the_source_of_data(out):
    markup = text(page(out, "status/"))
    for label in ("已完成", "超进度", "达进度", "欠进度", "未启动", "未报告"):
        assert label in markup
    assert "时限已过" in markup and "逾期" in markup and "进展数据从何而来" in markup
    assert "没有任何进展报告" in markup and "有进展报告" in markup


def test_a_status_listing_counts_fictional_tasks_apart(out):
    markup = text(page(out, "status/completed/"))
    assert re.search(r"共 0 项，另有虚构示例 \d+ 项", markup), markup[:600]


# --- 2. context --------------------------------------------------------------------------------

def test_a_task_names_its_notice_attachment_and_whose_report_in_heading_and_breadcrumbs(out):
    markup = page(out, f"notices/{REAL[4]}/1-1/")
    heading = text(part(markup, r"<h1>.*?</h1>"))
    crumbs = text(part(markup, r'<nav class="crumbs".*?</nav>'))
    for shown in (heading, crumbs):
        assert "湖北省政府工作报告" in shown
        assert "2017年省《政府工作报告》确定目标责任分解表" in shown
        assert "武昌区2017年省、市、区政府工作报告" in shown
    assert "武昌区政府工作报告" in text(part(page(out, f"notices/{REAL[4]}/4-1/"), r"<h1>.*?</h1>"))


def test_the_attachment_origin_is_content_and_documented():
    notice = yaml.safe_load((ROOT / "content" / "notices" / f"{REAL[4]}.yaml").read_text(encoding="utf-8"))
    assert [a.get("origin") for a in notice["attachments"]][:2] == ["hubei", "wuhan"]
    assert "`origin`" in (ROOT / "docs" / "content-format.md").read_text(encoding="utf-8")


# --- 3. provenance -----------------------------------------------------------------------------

@pytest.mark.parametrize("notice", REAL)
def test_each_real_notice_links_its_original_text_shown_escaped(out, notice):
    markup = page(out, f"notices/{notice}/")
    assert f'href="/notices/{notice}/original/"' in markup
    source = (ROOT / "content" / "sources" / f"{notice}.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
    original = page(out, f"notices/{notice}/original/")
    shown = part(original, r'<pre class="original"[^>]*>(.*?)</pre>')
    shown = re.sub(r'^<pre[^>]*>|</pre>$', "", shown)
    assert html.unescape(shown) == source
    assert (out / "notices" / notice / "original" / f"{notice}.txt").read_text(encoding="utf-8") == source


def test_a_notice_without_a_source_says_so(out):
    assert "原文来源未提供" in text(page(out, "notices/demo-2026-shifan/"))
    assert not (out / "notices" / "demo-2026-shifan" / "original").exists()


def test_a_web_page_source_is_shown_as_text_and_never_published_as_html(mini, tmp_path):
    notice_file = next((mini / "content" / "notices").glob("*.yaml"))
    data = notice_file.read_text(encoding="utf-8")
    notice_id = yaml.safe_load(data).get("id") or notice_file.stem
    sources = mini / "content" / "sources"
    sources.mkdir(exist_ok=True)
    (sources / f"{notice_id}.html").write_text(
        "<html><head><title>t</title><script>alert('x')</script></head><body><p>第一段&amp;正文</p>"
        "<table><tr><td>序号</td><td>责任事项</td></tr></table><img src=x onerror=alert(1)></body></html>",
        encoding="utf-8")
    notice_file.write_text(f"source_file: {notice_id}.html\n" + data, encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", "--site", mini, "--output", out, "--no-search")
    assert result.exit_code == 0, result.output
    folder = out / "notices" / notice_id / "original"
    assert sorted(p.name for p in folder.iterdir()) == sorted(["index.html", f"{notice_id}.txt"])
    shown = (folder / "index.html").read_text(encoding="utf-8")
    assert "第一段&amp;正文" in shown and "alert" not in shown and "onerror" not in shown
    assert "网页" in text(shown)


def test_a_pdf_source_is_offered_for_download_as_it_is(mini, tmp_path):
    notice_file = next((mini / "content" / "notices").glob("*.yaml"))
    data = notice_file.read_text(encoding="utf-8")
    notice_id = yaml.safe_load(data).get("id") or notice_file.stem
    (mini / "content" / "sources").mkdir(exist_ok=True)
    pdf = b"%PDF-1.4\n% a notice\n%%EOF\n"
    (mini / "content" / "sources" / f"{notice_id}.pdf").write_bytes(pdf)
    notice_file.write_text(f"source_file: {notice_id}.pdf\n" + data, encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", "--site", mini, "--output", out, "--no-search").exit_code == 0
    assert (out / "notices" / notice_id / "original" / f"{notice_id}.pdf").read_bytes() == pdf
    shown = (out / "notices" / notice_id / "original" / "index.html").read_text(encoding="utf-8")
    assert f'href="/notices/{notice_id}/original/{notice_id}.pdf" download' in shown
    assert "<pre" not in shown


# --- 4. navigation ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [f"notices/{REAL[3]}/", f"notices/{REAL[4]}/", "themes/sheng-tai-huan-jing/",
                                  "leaders/huzhou/xu-ji-qing/", "jurisdictions/huzhou/", "units/"])
def test_long_pages_open_with_a_contents_list_whose_links_resolve(out, path):
    markup = page(out, path)
    toc = part(markup, r'<nav class="toc".*?</nav>')
    targets = re.findall(r'href="#([^"]+)"', toc)
    assert len(targets) >= 2, path
    ids = set(re.findall(r'\bid="([^"]+)"', markup))
    assert [t for t in targets if t not in ids] == []


def test_the_unit_index_is_grouped_by_government_in_pinyin_order_with_jump_links(out):
    from pypinyin import lazy_pinyin

    markup = page(out, "units/")
    units = json.loads((out / "data" / "units.json").read_text(encoding="utf-8"))
    for section in re.findall(r'<section aria-labelledby="j-([a-z0-9-]+)">(.*?)</section>', markup, re.S):
        jid, body = section
        names = [html.unescape(n) for n in re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', body)]
        assert sorted(names) == sorted(u["name"] for u in units if u["id"].startswith(jid + "/")), jid
        letters = re.findall(r'<th colspan="4" scope="rowgroup">([A-Z#])</th>', body)
        assert letters == sorted(letters, key=lambda l: (l == "#", l)), jid
        jumps = re.findall(rf'href="#(j-{jid}-[A-Za-z]+)"', body)
        assert jumps and all(f'id="{j}"' in body for j in jumps), jid
        for group in re.split(r'<th colspan="4" scope="rowgroup">', body)[1:]:
            letter = group[0]
            for name in re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', group):
                core = re.sub(r"^(济南市|济阳区|鄂州市|湖州市|武汉市|武昌区|示范市|市|区|县|省)(?=..)", "", html.unescape(name))
                assert "".join(lazy_pinyin(core))[0].upper() == letter or letter == "#", (jid, name, letter)
    assert "<script" not in markup


# --- 5. themes: see test_themes_review.py --------------------------------------------------------

# --- 7. small things ----------------------------------------------------------------------------

def test_a_task_without_units_says_the_notice_names_none(out):
    tasks = json.loads((out / "data" / "tasks.json").read_text(encoding="utf-8"))
    bare = [t for t in tasks if not t["units"]]
    assert bare
    for task in bare:
        markup = (out / task["url"].strip("/") / "index.html").read_text(encoding="utf-8")
        assert re.search(r"<dt>责任单位</dt><dd><span class=\"muted\">原文未列明</span>", markup), task["id"]


def test_no_plain_responsibility_tag_only_leads_and_differing_roles(out):
    for path in (f"notices/{REAL[0]}/", f"notices/{REAL[4]}/", "units/jinan/shi-fa-gai-wei/", f"notices/{REAL[0]}/1-23/"):
        markup = page(out, path)
        assert '<span class="tag">责任</span>' not in markup, path
        assert "&nbsp;<span class=\"tag lead\">" in markup or path.endswith("1-23/"), path


def test_print_pages_show_no_internal_ids(out):
    for printed in (out / "units").glob("*/*/print/index.html"):
        shown = text(printed.read_text(encoding="utf-8"))
        assert not re.search(r"\b\d+-u\d+\b", shown), printed
    assert not re.search(r"\b\d+-u\d+\b", text(page(out, "notices/jiyang-2023/print/")))


def test_favicon_ico_at_the_root_and_a_logo_that_is_not_three_bars(out):
    ico = (out / "favicon.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and b"PNG" in ico
    assert 'href="/favicon.ico"' in page(out, "/")
    svg = (ROOT / "themes" / "default" / "static" / "favicon.svg").read_text(encoding="utf-8")
    assert "M8 9h16M8 16h16" not in svg  # the old logo: three horizontal strokes, read as a menu button


def test_a_central_bank_office_is_not_an_enterprise(out):
    units = json.loads((out / "data" / "units.json").read_text(encoding="utf-8"))
    kinds = {u["name"]: u["kind"] for u in units}
    assert kinds["人民银行济南分行营管部"] != "enterprise"
    from sitegen.importer.units import kind_of

    assert kind_of("人民银行济南分行营管部") != "enterprise" and kind_of("济南农商银行") == "enterprise"


def test_a_portal_date_is_labelled_as_printed_and_notices_sort_by_their_year(out):
    facts = text(part(page(out, f"notices/{REAL[4]}/"), r'<dl class="facts".*?</dl>'))
    assert "公开日期 2019年3月3日" in facts and "发布日期" not in facts
    assert "发布日期 2017年4月18日" in text(part(page(out, f"notices/{REAL[0]}/"), r'<dl class="facts".*?</dl>'))
    home = page(out, "/")
    recent = re.findall(r'class="notice-name" href="/notices/([^/]+)/"', part(home, r"<h2>最新通知</h2>.*?</ul>"))
    years = [json.loads((out / "data" / "notices.json").read_text(encoding="utf-8")) for _ in [0]][0]
    by_id = {n["id"]: n for n in years}
    assert [by_id[i]["year"] for i in recent] == sorted((by_id[i]["year"] for i in recent), reverse=True)
    assert recent.index(REAL[3]) < recent.index(REAL[4])  # 湖州 2019 before 武昌 2017, published online in 2019


def test_as_of_defaults_to_the_newest_date_in_the_content(mini, tmp_path):
    config = mini / "site.yaml"
    config.write_text(re.sub(r"(?m)^as_of:.*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    first, second = tmp_path / "a", tmp_path / "b"
    assert run("build", "--site", mini, "--output", first, "--no-search").exit_code == 0
    assert run("build", "--site", mini, "--output", second, "--no-search").exit_code == 0
    from sitegen.content.loadsite import load_site
    from sitegen.content.model import newest_date

    site = load_site(mini)
    assert site.as_of == newest_date(site.notices) is not None
    footer = text(part((first / "index.html").read_text(encoding="utf-8"), r'<footer class="site-footer">.*?</footer>'))
    assert f"数据截至 {site.as_of.year}年{site.as_of.month}月{site.as_of.day}日" in footer
    from conftest import read_tree

    assert read_tree(first) == read_tree(second)
