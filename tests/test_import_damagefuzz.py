"""A sample of real notices damaged the way pages and copying damage text (tests/importer_damagefuzz.py): each
damaged notice imports to every task, unit, lead unit, leader and deadline its undamaged text imports right.

The cases in KNOWN lose something today, filed under their first damage: they are expected to fail (strict, so a
fix shows up as an unexpected pass and its entry must go)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import importer_damagefuzz
from importer_damagefuzz import DAMAGES, case, every_case, lost
from known import by_class, check_filed, sample

# every notice × each first damage runs over about 1,500 cases; 12 of them: the first case of each first damage in
# the order of its name's SHA-1, and the second of the two costliest damages. Named by notice and damages, they stay
# the same cases when the development part grows
CASES = ["changxing-2023-zhongdian:punctuation", "fangxian-2023-yingshang:hard_wrap", "ewenke-2022-fengong:web_page",
         "wuhan-2018-shengbaogao:running_header", "wuxi-2011-zhongdian:running_header+punctuation",
         "taishan-2021-wenlvzhengwu:indentation", "jiangxi-2009-wenzengzhang:blank_lines",
         "yunnan-2017-wenzengzhang:truncated", "wansheng-2026-minsheng:reflow_table+blank_lines",
         "anshan-2024-fengong:page_numbers", "yuanzhou-2023-minsheng:continued_table",
         "jiaxing-2006-shiyiwu:continued_table"]
CLASSES = {
    "continued_table": "a 续表 marker after the last line of an excerpt that prints its table's cells run together "
                       "on one line is read as a row of that table, which then has no last row and is refused",
}
KNOWN: dict[str, tuple[str, ...]] = {"continued_table": ("jiaxing-2006-shiyiwu:continued_table",)}


@pytest.mark.parametrize("key", list(sample(CASES, by_class(KNOWN, CLASSES))))
def test_a_damaged_real_notice_imports_as_its_undamaged_text_does(key):
    assert lost(case(key))[2] == []


def test_the_known_failures_are_filed_under_their_first_damage():
    check_filed(KNOWN, CLASSES, lambda key: case(key).damages[0])
    assert set(CLASSES) <= set(DAMAGES)


def test_a_case_is_named_by_its_notice_and_damages_not_by_its_place(monkeypatch):
    assert case(CASES[0]).text == case(CASES[0]).text != case(CASES[1]).text
    cut = case(CASES[7])
    assert cut.damages == ("truncated",) and cut.gold["complete"] is False
    every = every_case()
    assert set(CASES) <= set(every)
    # a notice more (or less) in the development part re-deals no other notice's case
    first, *others = importer_damagefuzz.DEV
    monkeypatch.setattr(importer_damagefuzz, "DEV", others)
    assert set(every_case()) == {key for key in every if not key.startswith(first.stem + ":")}


def _tasks(text: str, site: Path) -> list[dict]:
    from importer_prosefuzz import tasks_of

    from sitegen.importer import import_text

    return list(tasks_of(import_text(text, site, stem="damaged", force=True, jurisdiction="某某县").data))


def test_a_table_a_cell_a_line_indented_with_tabs_keeps_its_cells(tmp_path):
    # no tab between two printed characters: the tabs opening the lines indent them, no empty first cells
    cells = ["某某县2024年民生实事项目进度表", "序号", "项目内容", "牵头单位", "备注",
             "1", "新建公办幼儿园5所,新增学位1000个。", "县教育局", "县民生实事",
             "2", "建设农村公路55公里。", "县交通局", "县民生实事"]
    tasks = _tasks("\n\n".join("\t" + cell for cell in cells), tmp_path)
    assert [[u["name"] for u in t["units"]] for t in tasks] == [["县教育局"], ["县交通局"]]


def test_a_running_header_beside_the_page_numbers_is_furniture(tmp_path):
    header = "某某县人民政府办公室"
    notice = "\n".join([
        "关于印发重点工作任务分解的通知", "",
        "1.推进农村公路提升改造工程建设。(牵头单位:县交通运输局;配合单位:", "- 1 -", header,
        "县财政局、县自然资源局)",
        "2.完成城区污水管网改造十公里,建设雨污分流管道。", "- 2 -", header,
        "(牵头单位:县住房和城乡建设局;配合单位:县生态环境分局)", "", header, "2024年3月1日"])
    tasks = _tasks(notice, tmp_path)
    assert [[u["name"] for u in t["units"]] for t in tasks] == [
        ["县交通运输局", "县财政局", "县自然资源局"], ["县住房和城乡建设局", "县生态环境分局"]]


def test_a_web_page_s_buttons_and_footer_after_the_last_task_are_furniture(tmp_path):
    notice = "\n".join([
        "关于印发重点工作任务分解的通知", "",
        "1.推进农村公路提升改造工程建设。(牵头单位:县交通运输局;配合单位:县财政局)",
        "2.完成城区污水管网改造十公里,建设雨污分流管道", "【打印】【关闭】",
        "主办单位:某某县人民政府办公室 网站标识码:1234000001", "皖ICP备05002151号"])
    tasks = _tasks(notice, tmp_path)
    assert tasks[-1]["text"].endswith("雨污分流管道")
