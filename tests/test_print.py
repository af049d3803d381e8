"""Print pages as HTML, the `sitegen progress form` command and the --pdf failure path (no browser)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml
from openpyxl import load_workbook

from conftest import read_tree, run
from printing_fixtures import NOTICE_ID, add_long_notice

UNIT = "units/ceshi-shi/shi-fa-gai-wei"


def build(site: Path, out: Path, *flags) -> Path:
    result = run("build", "--site", site, "--output", out, "--no-search", *flags)
    assert result.exit_code == 0, result.output
    return out


def page(out: Path, path: str) -> str:
    return (out / path / "index.html").read_text(encoding="utf-8")


def cells(html: str, cls: str) -> list[str]:
    found = re.findall(rf'<td class="{cls}">(.*?)</td>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in found]


def test_every_unit_notice_and_leader_has_a_print_page_linked_from_its_page(mini, tmp_path):
    out = build(mini, tmp_path / "out")
    for owner in [UNIT, "units/ceshi-shi/shi-huan-bao-ju", "notices/ceshi-2019-1", "leaders/ceshi-shi/zhang-san"]:
        assert (out / owner / "print/index.html").is_file(), owner
        assert f'href="/{owner}/print/"' in page(out, owner), owner


def test_unit_print_page_heading_columns_roles_and_date(mini, tmp_path):
    html = page(build(mini, tmp_path / "out"), UNIT + "/print")
    assert "<h1>市发改委承担的《测试市2019年重点工作分工》重点工作任务清单</h1>" in html
    headers = re.findall(r'<th scope="col">(.*?)</th>', html)
    assert headers == ["序号", "任务内容", "角色", "分管领导", "完成时限", "当前状态"]
    assert cells(html, "role") == ["牵头", "责任"]  # 1-1: 牵头; 1-2: no role printed
    assert cells(html, "num") == ["1", "2"]
    assert "治理水污染,6月底前完成整治。" in html and "加强财政预算管理。" in html
    assert cells(html, "deadline")[0] == "6月底前"
    assert "已完成" in cells(html, "status")[0] and "100%" in cells(html, "status")[0]
    assert "2020年1月15日" in html
    assert "虚构示例数据" in html


def test_role_as_the_notice_gives_it(mini, tmp_path):
    out = build(mini, tmp_path / "out")
    assert cells(page(out, "units/ceshi-shi/ge-qu-xian-zheng-fu/print"), "role") == ["主办"]
    assert cells(page(out, "units/ceshi-shi/shi-huan-bao-ju/print"), "role") == ["协办"]


def test_print_page_has_no_site_navigation_and_is_not_indexed(mini, tmp_path):
    html = page(build(mini, tmp_path / "out"), UNIT + "/print")
    assert 'class="site-header"' not in html and 'class="site-nav"' not in html and "<script" not in html
    assert '<meta name="robots" content="noindex">' in html
    assert re.search(r'href="/assets/print\.[0-9a-f]{10}\.css"', html) and "style.css" not in html
    assert 'class="screen-only toolbar"' in html  # the back link, hidden when printing


def test_print_css_sets_a4_page_numbers_repeated_header_and_fixed_columns(mini, tmp_path):
    css = (build(mini, tmp_path / "out") / "static/print.css").read_text(encoding="utf-8")
    assert "size: A4 portrait" in css
    assert "counter(page)" in css and "counter(pages)" in css
    assert "thead { display: table-header-group; }" in css
    assert "table-layout: fixed" in css and "overflow-wrap: anywhere" in css
    assert re.search(r"@media print \{\s*\.screen-only \{ display: none; \}", css)


def test_print_page_is_one_page_even_for_a_long_list(mini, tmp_path):
    tasks = add_long_notice(mini, 150)  # more than a listing page (100) holds
    out = build(mini, tmp_path / "out")
    html = page(out, UNIT + "/print")
    assert not (out / UNIT / "print/page/2").exists()
    assert (out / UNIT / "page/2/index.html").is_file()  # the unit page itself is paginated
    for task in tasks:
        assert task["text"] in html
    # grouped by notice: one table per notice, a heading for the whole list
    assert html.count('<table class="tasks unit">') == 2
    assert "<h1>测试市市发改委承担的重点工作任务清单</h1>" in html
    assert "<h2>市发改委承担的《测试市重点工作长清单》重点工作任务清单</h2>" in html


def test_notice_and_leader_print_pages(mini, tmp_path):
    out = build(mini, tmp_path / "out")
    notice = page(out, "notices/ceshi-2019-1/print")
    assert "<h1>《测试市2019年重点工作分工》重点工作任务清单</h1>" in notice
    assert "一、张三市长牵头重点工作" in notice and "二、其他工作" in notice  # section rows
    assert cells(notice, "num") == ["1", "2", "3"]
    leader = page(out, "leaders/ceshi-shi/li-si/print")
    assert "副市长李四分管和协助推进的《测试市2019年重点工作分工》重点工作任务清单" in leader
    assert len(cells(leader, "num")) == 3  # leads 1-3, assists 1-1 and 1-2, in notice order
    assert "治理水污染" in leader.split("改善生态")[0]


def test_no_pdf_or_form_links_without_pdf(mini, tmp_path):
    out = build(mini, tmp_path / "out")
    for path in [UNIT, UNIT + "/print", "notices/ceshi-2019-1", "notices/ceshi-2019-1/print"]:
        html = page(out, path)
        assert "list.pdf" not in html and "form.xlsx" not in html, path
    assert not list(out.rglob("*.pdf")) and not list(out.rglob("*.xlsx"))


def test_pdf_without_chromium_is_a_clear_error_and_keeps_the_previous_site(mini, tmp_path, monkeypatch):
    out = build(mini, tmp_path / "out")
    before = read_tree(out)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    monkeypatch.delenv("SITEGEN_CHROMIUM", raising=False)
    result = run("build", "--site", mini, "--output", out, "--no-search", "--pdf")
    assert result.exit_code == 1
    assert "--pdf needs Chromium: apt-get install chromium" in result.output
    assert "Traceback" not in result.output
    assert read_tree(out) == before
    assert not [p for p in tmp_path.iterdir() if ".staging-" in p.name]


# --- sitegen progress form ------------------------------------------------------

def test_progress_form_command_writes_the_units_form(mini, tmp_path):
    target = tmp_path / "form.xlsx"
    result = run("progress", "form", "ceshi-shi/shi-fa-gai-wei", "--site", mini, "--output", target)
    assert result.exit_code == 0, result.output
    assert "2 tasks" in result.output
    rows = list(load_workbook(target).worksheets[0].iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in rows] == ["ceshi-2019-1/1-1", "ceshi-2019-1/1-2"]


def test_progress_form_is_byte_identical_for_the_same_content(mini, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run("progress", "form", "ceshi-shi/shi-fa-gai-wei", "--site", mini, "--output", first).exit_code == 0
    assert run("progress", "form", "ceshi-shi/shi-fa-gai-wei", "--site", mini, "--output", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert load_workbook(first).properties.created.date().isoformat() == "2020-01-15"


def test_progress_form_default_file_name(mini, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("progress", "form", "ceshi-shi/shi-cai-zheng-ju", "--site", mini).exit_code == 0
    assert (tmp_path / "ceshi-shi-shi-cai-zheng-ju-form.xlsx").is_file()


def test_progress_form_unknown_unit(mini, tmp_path):
    result = run("progress", "form", "市发改委", "--site", mini, "--output", tmp_path / "f.xlsx")
    assert result.exit_code == 1
    assert "write <jurisdiction-id>/<unit-id>: ceshi-shi/shi-fa-gai-wei" in result.output
    result = run("progress", "form", "ceshi-shi/shi-fa-gai", "--site", mini, "--output", tmp_path / "f.xlsx")
    assert result.exit_code == 1 and "did you mean ceshi-shi/shi-fa-gai-wei?" in result.output
    assert run("progress", "form", "--site", mini).exit_code == 2  # no UNIT_ID: usage error


def test_filled_form_imports_back_as_exactly_those_updates(mini, tmp_path):
    add_long_notice(mini, 45)
    form = tmp_path / "filled.xlsx"
    assert run("progress", "form", "ceshi-shi/shi-fa-gai-wei", "--site", mini, "--output", form).exit_code == 0
    workbook = load_workbook(form)
    sheet = workbook.worksheets[0]
    header = [c.value for c in sheet[2]]
    col = {name: header.index(name) + 1 for name in ("任务编号", "日期(YYYY-MM-DD)", "状态", "进度(0-100)", "进展情况", "来源")}
    filled = {}
    for row in range(3, sheet.max_row + 1):
        task = sheet.cell(row, col["任务编号"]).value
        if not task.startswith(NOTICE_ID) or int(task.rsplit("-", 1)[1]) % 10:
            continue  # a unit fills in only some rows; the rest stay empty
        number = int(task.rsplit("-", 1)[1])
        sheet.cell(row, col["日期(YYYY-MM-DD)"]).value = "2019-12-31"
        sheet.cell(row, col["状态"]).value = "达进度"
        sheet.cell(row, col["进度(0-100)"]).value = number
        sheet.cell(row, col["进展情况"]).value = f"第{number}项已推进。"
        filled[task.split("/")[1]] = number
    workbook.save(form)
    assert len(filled) == 4

    result = run("progress", "import", form, "--site", mini)
    assert result.exit_code == 0, result.output
    recorded = yaml.safe_load((mini / "content/progress" / f"{NOTICE_ID}.yaml").read_text(encoding="utf-8"))
    assert recorded == {
        task: [{"date": dt.date(2019, 12, 31), "status": "on-track", "percent": number,
                "text": f"第{number}项已推进。", "unit": "市发改委"}]
        for task, number in filled.items()
    }
    # the other notice's progress is untouched, and a second import adds nothing
    before = (mini / "content/progress/ceshi-2019-1.yaml").read_bytes()
    assert run("progress", "import", form, "--site", mini).exit_code == 0
    assert (mini / "content/progress/ceshi-2019-1.yaml").read_bytes() == before
