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


# -- delimited rows read as a person reads them (pipes, Markdown, box drawing, ASCII grids) ----------------

def _groups(result) -> list[str | None]:
    """The heading of the group each task stands in (None: directly in the attachment), in order."""
    def walk(sections):
        for section in sections or []:
            yield from (section.get("heading") for _ in section.get("tasks") or [])
            yield from walk(section.get("sections"))
    out: list[str | None] = []
    for att in result.data.get("attachments") or []:
        out += [None for _ in att.get("tasks") or []]
        out += list(walk(att.get("sections")))
    return out


def _boxed(rows: list[list[str]]) -> str:
    """Rows as a light box drawing, a rule between rows; a row's cells may hold several lines (\\n)."""
    width = len(rows[0])
    rule = "├" + "┼".join("────" for _ in range(width)) + "┤"
    out = ["┌" + "┬".join("────" for _ in range(width)) + "┐"]
    for index, cells in enumerate(rows):
        parts = [c.split("\n") for c in cells]
        for k in range(max(len(p) for p in parts)):
            out.append("│" + "│".join(p[k] if k < len(p) else "" for p in parts) + "│")
        out.append(rule if index < len(rows) - 1 else "└" + "┴".join("────" for _ in range(width)) + "┘")
    return "\n".join(out)


def test_rows_drawn_between_rules_are_told_by_the_rules_without_a_number_column(tmp_path):
    # lines with no rule between them are one row, whatever their cells; a name alone is a group row
    body = _boxed([["工作任务", "牵头单位", "配合单位"], ["稳增长", "", ""],
                   ["居民消\n费价格\n涨幅3%", "发展改革委", ""], ["城镇新增就业1\n000万人以上", "人力资源社会保障部", ""],
                   ["惠民生", "", ""], ["推进5万个行\n政村通光纤", "工业和信息化部", "财政部"]])
    result = imported(tmp_path, body)
    got = rows(result)
    assert [r[1] for r in got] == ["居民消费价格涨幅3%", "城镇新增就业1000万人以上", "推进5万个行政村通光纤"]
    assert [r[3] for r in got] == [["发展改革委"], ["人力资源社会保障部"], ["工业和信息化部"]]
    assert _groups(result) == ["稳增长", "稳增长", "惠民生"]


def test_a_header_broken_over_two_delimited_rows_is_one_header(tmp_path):
    body = _boxed([["\n编号", "目标\n任务", "承办\n单位", "进度\n安排"], ["1", "新建2座人\n行天桥。", "县住建局", "9月投入使用"],
                   ["2", "启动县图书馆\n新馆建设。", "县文体广新局", "12月底前"]])
    got = rows(imported(tmp_path, body))
    assert [(r[0], r[1], r[2], r[5]) for r in got] == [("1", "新建2座人行天桥。", ["县住建局"], "9月投入使用"),
                                                     ("2", "启动县图书馆新馆建设。", ["县文体广新局"], "12月底前")]


def test_a_headless_boxed_table_with_group_rows_keeps_its_number_column(tmp_path):
    body = _boxed([["稳增长", "", ""], ["一", "居民消费价\n格涨幅3%", "发展改革委"], ["三", "安排财政赤字\n2.18万亿元", "财政部"],
                   ["惠民生", "", ""], ["六", "推进5万个行\n政村通光纤", "工业和信息化部"]])
    got = rows(imported(tmp_path, body))
    assert [(r[0], r[1]) for r in got] == [("一", "居民消费价格涨幅3%"), ("三", "安排财政赤字2.18万亿元"),
                                           ("六", "推进5万个行政村通光纤")]


def test_a_line_leaving_empty_the_lead_every_numbered_row_prints_goes_on_the_row_above(tmp_path):
    # text wrapped and the others' units one a line: no row under a merged number, though each line holds a name
    body = "\n".join([
        "| 编号 | 分管领导 | 工作任务 | 牵头部门 | 参与单位 |",
        "| 1 | 何海平 | 增加教育 | 教育局 | 经开区 |",
        "|  |  | 资源供给 |  | 各街道 |",
        "| 3 | 何海平 | 老城厢复兴发 | 文体旅局 | 晋陵公司 |",
        "|  |  | 展完成瞿秋白 |  | 轨道公司 |",
        "|  | 芮春祥 | 推进大庙弄核心 | 住建局 | 五星街道 |",
        "|  |  | 区改造 |  | 南大街街道 |",
    ])
    got = rows(imported(tmp_path, body))
    assert [(r[0], r[1], r[2], r[4]) for r in got] == [
        ("1", "增加教育资源供给", ["教育局", "经开区", "各街道"], "何海平"),
        ("3", "老城厢复兴发展完成瞿秋白", ["文体旅局", "晋陵公司", "轨道公司"], "何海平"),
        ("3", "推进大庙弄核心区改造", ["住建局", "五星街道", "南大街街道"], "芮春祥")]


@pytest.mark.parametrize("padded", [True, False])
def test_a_unit_list_parted_by_spaces_joins_where_it_broke(tmp_path, padded):
    # a space at a line's edge is where the list broke between names; none is a name cut by the width
    cells = [["序号", "重点任务", "牵头单位", "参加单位"],
             ["1", "地区生产总值增长5.5%", "区发改局", "区财政局 区住房和城建局 区商"],
             ["", "", "", "务局 区文化和广电旅游体育局 "],
             ["", "", "", "区统计局"],
             ["2", "坚持服务跟着项目走", "招商工", "区投促局"],
             ["", "", "作部 ", ""],
             ["", "", "安商工", ""],
             ["", "", "作部", ""]]
    bar = "|" if padded else "│"
    body = "\n".join(bar + bar.join(f" {c} " if padded else c for c in row) + bar for row in cells)
    got = rows(imported(tmp_path, body))
    assert [r[2] for r in got] == [["区发改局", "区财政局", "区住房和城建局", "区商务局", "区文化和广电旅游体育局", "区统计局"],
                                   ["招商工作部", "安商工作部", "区投促局"]]


def test_the_only_unit_column_empty_under_a_merged_cell_carries_down(tmp_path):
    body = "\n".join([
        "| 1. | 安排财政赤字2.18万亿元 | 财政部 |",
        "| 2. | 安排地方专项债券4000亿元 |  |",
        "| 3. | 推进5万个行政村通光纤 | 工业和信息化部 |",
    ])
    got = rows(imported(tmp_path, body))
    assert [r[2] for r in got] == [["财政部"], ["财政部"], ["工业和信息化部"]]


def test_group_rows_an_excerpt_left_empty_hold_no_rows(tmp_path):
    body = "\n".join([
        "| 工作任务 | 牵头单位 | 配合单位 |",
        "| --- | --- | --- |",
        "| 一、经济发展 |  |  |",
        "| 二、民生保障 |  |  |",
        "| 新增城镇就业2000人 | 县人社局 |  |",
        "| 改造农村公路100公里 | 县交通局 |  |",
        "| 其他工作 |  |  |",
    ])
    result = imported(tmp_path, body)
    got = rows(result)
    assert [(r[1], r[3]) for r in got] == [("新增城镇就业2000人", ["县人社局"]), ("改造农村公路100公里", ["县交通局"])]
    assert _groups(result) == ["二、民生保障", "二、民生保障"]
