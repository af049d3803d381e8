"""A sample of real notices damaged the way pages and copying damage text (tests/importer_damagefuzz.py): each
damaged notice imports to every task, unit, lead unit, leader and deadline its undamaged text imports right.

The seeds in KNOWN lose something today, filed under their first damage: they are expected to fail (strict, so a
fix shows up as an unexpected pass and its entry must go)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from importer_damagefuzz import DAMAGES, case, lost
from known import by_class, check_filed, sample

SAMPLE = range(0, 1670, 139)  # every notice × each first damage runs over 1,670 seeds; 12 of them
CLASSES = {
    "blank_lines": "blank lines and page numbers between a one-cell-a-line table's rows (惠州 2022): a row takes the "
                   "next row's unit cell",
    "web_page": "a web page's furniture around a notice on one line, hard-wrapped (鄂尔多斯 2025): refused",
}
# a seed names a notice by its place in the development part: a notice added there re-deals the seeds, so KNOWN is
# re-read then (`python tests/importer_damagefuzz.py --failures`; re-read when part R-tables added two notices)
KNOWN: dict[str, tuple[int, ...]] = {"blank_lines": (973,), "web_page": (1112,)}


@pytest.mark.parametrize("seed", list(sample(SAMPLE, by_class(KNOWN, CLASSES), lambda seed: f"seed{seed}")))
def test_a_damaged_real_notice_imports_as_its_undamaged_text_does(seed):
    c = case(seed)
    assert lost(c)[2] == [], (c.stem, c.damages)


def test_the_known_failures_are_filed_under_their_first_damage():
    check_filed(KNOWN, CLASSES, lambda seed: case(seed).damages[0])
    assert set(CLASSES) <= set(DAMAGES)


def test_the_damage_is_seeded_and_keeps_the_text():
    assert case(7).text == case(7).text
    assert case(7).text != case(8).text
    cut = case(next(s for s in range(1670) if case(s).damages == ("truncated",)))
    assert cut.gold["complete"] is False


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
