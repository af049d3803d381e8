"""Table shapes of issue 17's part D, on made-up notices (tables.py): group rows between rows of a
one-cell-per-line table (numbering starting again under them, groups with no rows of their own),
row numbers printed with a point (1.), a leader cell merged over several rows, and a fragment of
delimited rows printed straight after 附件 with no header and no title."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某县人民政府办公室关于印发2021年重点工作任务分解表的通知\n"
        "各乡镇人民政府,县直各单位:\n现将分解表印发给你们。\n某某县人民政府办公室\n2021年3月1日\n附件\n")
HEADER = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
ROW1 = ["1", "新建城区污水处理厂。", "县住建局", "县发改局、县财政局", "12月底前"]
ROW2 = ["2", "改造农村公路100公里。", "县交通局", "各乡镇", "2021年"]
ROW3 = ["3", "新增城镇就业2000人。", "县人社局", "县财政局", "全年"]


def imported(tmp_path, body):
    return import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")


def tasks(result):
    return [(t.get("number"), t["text"], [u["name"] for u in t.get("units", [])], t.get("leader"),
             t.get("deadline")) for t in iter_tasks(result.data)]


def sections(result):
    return [(s["heading"], [t.get("number") for t in s.get("tasks", [])])
            for s in result.data["attachments"][0]["sections"]]


def cells(*cells):
    return "\n".join(cells)


def test_numbering_starts_again_under_a_group_row(tmp_path):
    result = imported(tmp_path, cells(*HEADER, "一、经济发展", *ROW1, *ROW2, "二、民生保障", "1", *ROW3[1:]))
    assert sections(result) == [("一、经济发展", ["1", "2"]), ("二、民生保障", ["1"])]
    assert tasks(result)[1][4] == "2021年"  # the group row is no part of the deadline cell above it
    assert tasks(result)[2][:3] == ("1", "新增城镇就业2000人。", ["县人社局", "县财政局"])


def test_group_rows_with_no_rows_of_their_own(tmp_path):
    body = cells(*HEADER, "一、经济发展", "二、城市建设", *ROW1, "三、社会事业", "四、民生保障", "5", *ROW2[1:])
    result = imported(tmp_path, body)
    assert sections(result) == [("一、经济发展", []), ("二、城市建设", ["1"]), ("三、社会事业", []),
                                ("四、民生保障", ["5"])]
    assert [t[4] for t in tasks(result)] == ["12月底前", "2021年"]


@pytest.mark.parametrize("mark", [".", "、"])
def test_a_row_number_printed_with_a_point_or_a_comma(tmp_path, mark):
    # 1、 alone on its line is joined to the text after it by extraction: it is still the row's number
    result = imported(tmp_path, cells(*HEADER, "1" + mark, *ROW1[1:], "2" + mark, *ROW2[1:]))
    assert [(t[0], t[1]) for t in tasks(result)] == [("1", "新建城区污水处理厂。"), ("2", "改造农村公路100公里。")]


def test_a_leader_cell_merged_over_rows_is_carried_down_within_its_group(tmp_path):
    body = cells("序号", "重点工作", "牵头领导", "牵头单位", "配合单位",
                 "一、经济发展", "1", "新建城区污水处理厂。", "张三", "县住建局", "县发改局",
                 "2", "改造农村公路100公里。", "县交通局", "各乡镇",
                 "二、民生保障", "3", "新增城镇就业2000人。", "县人社局", "县财政局")
    assert [t[3] for t in tasks(imported(tmp_path, body))] == ["张三", "张三", None]


def test_delimited_rows_straight_after_the_attachment_line_are_rows_not_a_title(tmp_path):
    result = imported(tmp_path, "\n".join("\t".join(r) for r in (ROW2, ROW3)))
    assert [(t[0], t[2]) for t in tasks(result)] == [("2", ["县交通局", "各乡镇"]), ("3", ["县人社局", "县财政局"])]


def test_a_one_cell_a_line_fragment_without_its_header_is_read_by_content(tmp_path):
    result = imported(tmp_path, cells("(续表)", *ROW2, *ROW3))
    assert tasks(result) == [("2", "改造农村公路100公里。", ["县交通局", "各乡镇"], None, "2021年"),
                             ("3", "新增城镇就业2000人。", ["县人社局", "县财政局"], None, "全年")]
    roles = [[u.get("role") for u in t.get("units", [])] for t in iter_tasks(result.data)]
    assert roles == [["责任", "责任"], ["责任", "责任"]]  # one cell a line, no header: no column is known to lead


def test_a_one_cell_a_line_table_without_a_number_column(tmp_path):
    body = "2021年重点工作任务分解表\n" + cells(*HEADER[1:], "一、经济发展", *ROW1[1:], *ROW2[1:],
                                                 "二、民生保障", *ROW3[1:])
    result = imported(tmp_path, body)
    assert tasks(result) == [(None, "新建城区污水处理厂。", ["县住建局", "县发改局", "县财政局"], None, "12月底前"),
                             (None, "改造农村公路100公里。", ["县交通局", "各乡镇"], None, "2021年"),
                             (None, "新增城镇就业2000人。", ["县人社局", "县财政局"], None, "全年")]
    assert [s[0] for s in sections(result)] == ["一、经济发展", "二、民生保障"]
    assert result.data["attachments"][0]["title"] == "2021年重点工作任务分解表"


def test_lines_between_two_separators_are_one_cell(tmp_path):
    # a rule after every cell: 县交通局 / 县水利局 with no rule between them are the one 牵头单位 cell
    body = "\n---\n".join(HEADER + ROW1[:3] + ["县发改局\n县财政局"] + ROW1[4:]
                          + ROW2[:2] + ["县交通局\n县水利局"] + ROW2[3:]) + "\n---"
    result = imported(tmp_path, body)
    roles = [[(u["name"], u.get("role")) for u in t.get("units", [])] for t in iter_tasks(result.data)]
    assert roles == [[("县住建局", "牵头"), ("县发改局", "配合"), ("县财政局", "配合")],
                     [("县交通局", "牵头"), ("县水利局", "牵头"), ("各乡镇", "配合")]]
