"""Issue 17, item 1: tables a row a line, on made-up notices — without a header (columns from the
cells of all rows), with cells wrapped over lines, with columns separated only by spaces (empty cells
leave no trace), and with a header broken over two lines of space-separated labels."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.columns import align_header, content_columns
from sitegen.importer.content import iter_tasks

HEAD = ("某某县人民政府办公室关于印发2021年重点工作任务分解表的通知\n"
        "各乡镇人民政府,县直各单位:\n现将分解表印发给你们。\n某某县人民政府办公室\n2021年3月1日\n附件\n"
        "重点工作任务分解表\n")


def imported(tmp_path, body: str):
    return import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")


def rows(result):
    return [(t.get("number"), t["text"], [u["name"] for u in t.get("units", [])],
             [u["name"] for u in t.get("units", []) if u.get("role") in ("牵头", "主办")],
             t.get("leader"), t.get("deadline")) for t in iter_tasks(result.data)]


# -- without a header -------------------------------------------------------------------------------

def test_space_rows_without_a_header_place_cells_by_the_columns_of_all_rows(tmp_path):
    # the 工作目标 cell is printed in one row only: no row's cells shift into the wrong column
    body = "\n".join([
        "1　　新建城区污水处理厂　　县住建局　　县发改局、县财政局　　张三",
        "2　　改造农村公路100公里　　按期完成年度目标　　县交通局　　各乡镇　　李四",
        "3　　新增城镇就业2000人　　县人社局　　县财政局　　张三",
    ])
    got = rows(imported(tmp_path, body))
    assert [r[:3] for r in got] == [("1", "新建城区污水处理厂", ["县住建局", "县发改局", "县财政局"]),
                                    ("2", "改造农村公路100公里", ["县交通局", "各乡镇"]),
                                    ("3", "新增城镇就业2000人", ["县人社局", "县财政局"])]
    assert [r[4] for r in got] == ["张三", "李四", "张三"]


def test_a_text_that_ends_like_a_unit_name_is_still_the_text(tmp_path):
    body = "\n".join([
        "1  县教体局  公办教育资源扩容提质惠民工程  县国投集团、各有关乡镇  杨宜",
        "2  慈化镇  医卫基础设施建设工程袁州区  按期完成年度目标  杨宜",
    ])
    got = rows(imported(tmp_path, body))
    assert [r[1] for r in got] == ["公办教育资源扩容提质惠民工程", "医卫基础设施建设工程袁州区"]
    assert got[0][2] == ["县教体局", "县国投集团", "各有关乡镇"]


def test_two_cells_a_line_a_task_and_its_unit_are_a_table(tmp_path):
    body = "\n".join([
        "地区生产总值增长9%以上。固定资产投资增长10%以上。　　县发改委",
        "地方公共财政预算收入增长10%以上。　　县财政局",
        "加强创新园区、众创空间三级载体建设,新增面积10万平方米。　　县科技局、县财政局",
    ])
    got = rows(imported(tmp_path, body))
    assert [r[1][:8] for r in got] == ["地区生产总值增长", "地方公共财政预算", "加强创新园区、众"]
    assert [r[2] for r in got] == [["县发改委"], ["县财政局"], ["县科技局", "县财政局"]]


def test_a_category_column_is_no_leader_and_a_column_of_time_phrases_is_the_deadline(tmp_path):
    body = "\n".join([
        "1\t民生类\t新建城区污水处理厂\t县住建局\t7月底具备通水条件",
        "2\t发展类\t实施城东路提升\t县交通局\t泵站改造3月开工,7月完工。",
        "3\t民生类\t新增城镇就业2000人\t县人社局\t年内完成",
    ])
    got = rows(imported(tmp_path, body))
    assert [r[4] for r in got] == [None, None, None]
    assert [r[5] for r in got] == ["7月底具备通水条件", "泵站改造3月开工,7月完工。", "年内完成"]


def test_columns_from_cells_lead_before_others_and_one_text_column():
    kinds = [c.kind for c in content_columns([
        ["1", "新建城区污水处理厂", "按期完成", "县住建局", "县发改局、县财政局"],
        ["2", "改造农村公路100公里", "", "县交通局", "各乡镇"],
    ])]
    assert kinds == ["number", "text", "notes", "lead", "units"]


# -- wrapped cells --------------------------------------------------------------------------------

def test_wrapped_rows_without_a_number_column(tmp_path):
    body = "\n".join([
        "| 工作任务 | 责任单位 | 完成时限 |",
        "| 新建城区污水 | 县住建局 | 12月底前 |",
        "| 处理厂 |  |  |",
        "| 改造农村公路 | 县交通局 | 2021年 |",
        "| 100公里 |  |  |",
    ])
    got = rows(imported(tmp_path, body))
    assert [(r[1], r[2], r[5]) for r in got] == [("新建城区污水处理厂", ["县住建局"], "12月底前"),
                                                 ("改造农村公路100公里", ["县交通局"], "2021年")]


@pytest.mark.parametrize("form", ["| {} | {} | {} | {} |", "┃{}┃{}┃{}┃{}┃"])
def test_a_unit_cell_wrapped_at_the_column_width_or_one_name_a_line(tmp_path, form):
    lines = [("1", "居民消费价格涨幅3%左右", "人力资", "发展改革委"), ("", "", "源社会", "财政部"),
             ("", "", "保障部", ""), ("2", "城镇新增就业1000万人", "财政部", "县国投集团、各有"),
             ("", "", "", "关乡镇")]
    rule = "┣━━━━╋━━━━╋━━━━╋━━━━┫" if form.startswith("┃") else "|---|---|---|---|"
    body = "\n".join([form.format("序号", "工作任务", "牵头单位", "配合单位"), rule,
                      *(form.format(*cells) for cells in lines)])
    got = rows(imported(tmp_path, body))
    assert [r[2] for r in got] == [["人力资源社会保障部", "发展改革委", "财政部"],
                                   ["财政部", "县国投集团", "各有关乡镇"]]
    assert [r[3] for r in got] == [["人力资源社会保障部"], ["财政部"]]


# -- space columns and broken headers -------------------------------------------------------------------

def test_a_header_broken_over_two_lines_of_space_separated_labels(tmp_path):
    body = "\n".join([
        "工作    责任    进展",
        "编号   内容   单位   情况",
        "1.  新建城区污水处理厂。  县住建局",
        "2.  改造农村公路100公里。  县交通局、各乡镇  正在推进",
    ])
    got = rows(imported(tmp_path, body))
    assert [r[:3] for r in got] == [("1", "新建城区污水处理厂。", ["县住建局"]),
                                    ("2", "改造农村公路100公里。", ["县交通局", "各乡镇"])]


def test_upper_label_halves_go_over_the_cells_they_make_labels_with():
    assert align_header(["工作", "责任", "进展"], ["编号", "内容", "单位", "情况"]) == ["", "工作", "责任", "进展"]
    assert align_header(["责任牵", "配合"], ["序号", "内容", "头单位", "部门"]) == ["", "", "责任牵", "配合"]
    assert align_header(["城区", "供水"], ["1.", "新建", "县住建局"]) is None  # a row, no label halves


def test_a_merged_number_goes_on_after_the_header_printed_again(tmp_path):
    header = "编号　　主要任务　　牵头部门　　协办单位"
    body = "\n".join([
        header,
        "（1）　　新建城区污水处理厂　　县住建局　　县发改局",
        "- 3 -",
        "续表",
        header,
        "改造城区供水管网　　县水务局　　县财政局",
        "（2）　　新增城镇就业2000人　　县人社局　　县财政局",
    ])
    got = rows(imported(tmp_path, body))
    assert [(r[0], r[1]) for r in got] == [("1", "新建城区污水处理厂"), ("1", "改造城区供水管网"),
                                           ("2", "新增城镇就业2000人")]
