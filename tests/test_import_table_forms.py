"""One table, every text rendering: each imports to the same tasks (rowtable.py, tables.py).

The TAB form is the readers' contract (HTML, Word, PDF, XLSX tables: one row a
line, cells split by a TAB, merged cells repeated, the header row first).
"""

from __future__ import annotations

import pytest

from sitegen.core.errors import SitegenError
from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks
from sitegen.importer.tables import parse_rows

HEAD = ("某某市人民政府办公室关于印发2021年重点工作任务分解表的通知\n某政办发〔2021〕3号\n"
        "各县(市、区)人民政府,市政府各部门:\n现将分解表印发给你们。\n某某市人民政府办公室\n2021年3月1日\n"
        "附件\n2021年重点工作任务分解表\n")
HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "责任领导", "完成时限"]
GROUP1, GROUP2 = "一、扩大有效投资", "二、保障改善民生"
ROW1 = ["1", "实施重大项目攻坚,完成投资500亿元。", "市发改委", "市财政局、市自然资源局", "张三", "2021年12月底"]
ROW2 = ["2", "推进城市更新,改造老旧小区30个。", "市住建局", "各县(市、区)政府", "张三", "2021年11月底"]
ROW3 = ["3", "新增城镇就业2万人。", "市人社局", "", "李四", "2021年12月底"]
EXPECTED = [
    ("1", "实施重大项目攻坚,完成投资500亿元。", [("市发改委", "牵头"), ("市财政局", "配合"), ("市自然资源局", "配合")],
     "张三", "2021年12月底"),
    ("2", "推进城市更新,改造老旧小区30个。", [("市住建局", "牵头"), ("各县(市、区)政府", "配合")], "张三", "2021年11月底"),
    ("3", "新增城镇就业2万人。", [("市人社局", "牵头")], "李四", "2021年12月底"),
]


def tab():
    return "\n".join("\t".join(r) for r in [HEADER, [GROUP1] * 6, ROW1, ROW2, [GROUP2] * 6, ROW3])


def pipes():
    rows = [HEADER, ["---"] * 6, [GROUP1] + [""] * 5, ROW1, ROW2[:4] + [""] + ROW2[5:], [GROUP2] + [""] * 5, ROW3]
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


def box():
    border = "├" + "┼".join("────" for _ in HEADER) + "┤"
    rows = [HEADER, [GROUP1] + [""] * 5, ROW1, ["", "", "", "", "", ""], ROW2, [GROUP2] + [""] * 5, ROW3]
    out = ["┌" + "┬".join("────" for _ in HEADER) + "┐"]
    for r in rows:
        out += ["│" + "│".join(r) + "│", border]
    return "\n".join(out)


def wrapped_pipes():
    first = ["1", "实施重大项目攻坚,", "市发改委", "市财政局、", "张三", "2021年12月底"]
    rest = ["", "完成投资500亿元。", "", "市自然资源局", "", ""]
    rows = [HEADER, [GROUP1] + [""] * 5, first, rest, ROW2, [GROUP2] + [""] * 5, ROW3]
    return "\n".join("|" + "|".join(r) + "|" for r in rows)


def spaces():
    rows = [HEADER, ROW1, ROW2, ROW3]
    lines = ["    ".join(c for c in r if c) for r in rows]
    return "\n".join([lines[0], GROUP1, lines[1], lines[2], GROUP2, lines[3]])


def single_spaces():
    """国办 style: cells split by one space, the header's labels spaced out letter by letter."""
    header = "序号 重 点 任 务 牵头单位 配合单位 责任领导 完成时限"
    rows = [" ".join(c for c in r if c) for r in (ROW1, ROW2, ROW3)]
    return "\n".join([header, GROUP1, rows[0], rows[1], GROUP2, rows[2]])


def cells_per_line(separator: str = ""):
    cells = HEADER + [GROUP1] + ROW1 + ROW2 + [GROUP2] + [c for c in ROW3 if c]
    return "\n".join(c + (f"\n{separator}" if separator else "") for c in cells)


RENDERINGS = {"tab": tab, "pipes": pipes, "box": box, "wrapped": wrapped_pipes, "spaces": spaces,
              "single_spaces": single_spaces,
              "cells": cells_per_line, "cells_and_rules": lambda: cells_per_line("—" * 8)}


def imported(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t")
    tasks = [(t.get("number"), t["text"], [(u["name"], u.get("role")) for u in t.get("units", [])],
              t.get("leader"), t.get("deadline")) for t in iter_tasks(result.data)]
    return result, tasks


@pytest.mark.parametrize("name", sorted(RENDERINGS))
def test_every_rendering_gives_the_same_tasks(tmp_path, name):
    result, tasks = imported(tmp_path, RENDERINGS[name]())
    assert tasks == EXPECTED
    headings = [s["heading"] for s in result.data["attachments"][0]["sections"]]
    assert headings == [GROUP1, GROUP2]
    assert "(100.0%)" in result.report_text, result.report_text


def test_a_fragment_without_its_header_is_read_by_content(tmp_path):
    body = "(续表)\n" + "\n".join("\t".join(r) for r in [ROW2, ROW3])
    _, tasks = imported(tmp_path, body)
    assert tasks == [EXPECTED[1][:2] + ([("市住建局", "牵头"), ("各县(市、区)政府", "责任")],) + EXPECTED[1][3:],
                     EXPECTED[2]]  # without the header: the first unit column leads, the others are 责任


def test_a_two_row_header_and_a_merged_number_over_rows(tmp_path):
    top = ["序号", "工作任务", "责任单位", "责任单位", "完成时间"]
    bottom = ["序号", "工作任务", "牵头单位", "协办单位", "完成时间"]
    rows = [top, bottom, ["1", "建设数字政府。", "市大数据局", "市财政局", "2021年底"],
            ["1", "建设数字政府。", "市大数据局", "市人社局", "2021年底"]]
    _, tasks = imported(tmp_path, "\n".join("\t".join(r) for r in rows))
    assert tasks == [("1", "建设数字政府。", [("市大数据局", "牵头"), ("市财政局", "协办"), ("市人社局", "协办")],
                      None, "2021年底")]


def test_rows_handed_over_directly():
    att = parse_rows([HEADER, ROW1, ROW3])
    assert [(t.number, [u.name for u in t.units], t.leader) for t in att.all_tasks()] == [
        ("1", ["市发改委", "市财政局", "市自然资源局"], "张三"), ("3", ["市人社局"], "李四")]


def test_a_heading_row_naming_a_leader_and_a_unit_cell_broken_after_its_separator(tmp_path):
    cells = ["序号", "重点任务", "责任单位", "完成时限", "张三副市长牵头", "1", "实施重大项目攻坚,完成投资500亿元。",
             "市发改委、市", "财政局", "2021年12月底", "2", "推进城市更新。", "市住建局", "2021年11月底"]
    result, tasks = imported(tmp_path, "\n".join(cells))
    assert [t[2] for t in tasks] == [[("市发改委", "责任"), ("市财政局", "责任")], [("市住建局", "责任")]]
    assert result.data["attachments"][0]["sections"][0]["leader"] == "张三"


def test_tab_rows_with_a_topic_column_and_a_paragraph_after_the_table(tmp_path):
    rows = [["类别", "重点任务", "牵头单位"], ["经济发展", "实施重大项目攻坚。", "市发改委"],
            ["经济发展", "推进城市更新。", "市住建局"], ["民生保障", "新增城镇就业2万人。", "市人社局"]]
    body = "\n".join("\t".join(r) for r in rows) + "\n各单位要按时报送进展情况,确保各项任务按期完成,市政府督查室将定期通报。"
    result, tasks = imported(tmp_path, body)
    assert [t[1] for t in tasks] == ["实施重大项目攻坚。", "推进城市更新。", "新增城镇就业2万人。"]
    assert [s["heading"] for s in result.data["attachments"][0]["sections"]] == ["经济发展", "民生保障"]
    assert "督查室" not in "".join(t[1] for t in tasks)


def test_cells_run_together_are_split_by_what_they_hold(tmp_path):
    """A PDF's text layer with nothing between the cells: the number, the units starting with their level
    (a name straight after another starts the next cell), the leader's name, the date at the end."""
    rows = ["序号工作任务牵头单位配合单位责任领导完成时限",
            "1加快建设数字政府市大数据局市发改委、市财政局张三2023年底前",
            "2推进市区道路改造市住建局各区政府李四2023年10月底前"]
    _, tasks = imported(tmp_path, "\n".join(rows))
    assert tasks == [("1", "加快建设数字政府", [("市大数据局", "牵头"), ("市发改委", "配合"), ("市财政局", "配合")],
                      "张三", "2023年底前"),
                     ("2", "推进市区道路改造", [("市住建局", "牵头"), ("各区政府", "配合")], "李四", "2023年10月底前")]


def test_cells_run_together_that_split_two_ways_are_refused_with_a_message(tmp_path):
    rows = ["序号工作任务牵头单位配合单位", "1加快建设数字政府市大数据局市发改委、市财政局",
            "2建设养老服务中心教育局经开区各街道"]  # 教育局经开区: no level to say where a name starts
    with pytest.raises(SitegenError, match=r"a table whose cells run together .*line 11 .*put a TAB"):
        imported(tmp_path, "\n".join(rows))
