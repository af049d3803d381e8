"""Task tables' rows as real tables fill them (issue 17, session 20): which columns make a task's text, a
post alone in the leader column. Each rule on a made-up table; `python tests/importer_cellfuzz.py --seeds 500
--vocab tuning|heldout` gives the rates."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.columns import content_columns, unit_list_cell
from sitegen.importer.content import iter_tasks

HEAD = ("某某县人民政府办公室关于印发2021年重点工作任务分解表的通知\n"
        "各乡镇人民政府,县直各单位:\n现将分解表印发给你们。\n某某县人民政府办公室\n2021年3月1日\n附件\n")


def tasks(tmp_path, body: str) -> list[dict]:
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return list(iter_tasks(result.data))


def piped(*rows: str) -> str:
    return "\n".join(f"| {' | '.join(row.split('/'))} |" for row in rows)


# -- a column grouping the rows, printed without a header ------------------------------------------------

MERGED_CATEGORY = [["1", "民生福地项目", "新建城区污水处理厂,年底前投入使用。", "县住建局"],
                   ["2", "", "改造农村公路100公里,完善道路安全设施。", "县交通局"],
                   ["3", "产业高地项目", "新增规模以上工业企业10家以上。", "县工信局"],
                   ["4", "", "建成区域性养老服务中心3个。", "县民政局"]]


@pytest.mark.parametrize("rows", [
    MERGED_CATEGORY,  # printed once over the rows it covers
    [[*r[:1], r[1] or MERGED_CATEGORY[i - 1][1], *r[2:]] for i, r in enumerate(MERGED_CATEGORY)],  # repeated
])
def test_a_column_of_short_names_grouping_the_rows_is_no_part_of_the_text(rows):
    assert [c.kind for c in content_columns(rows)] == ["number", "category", "text", "units"]


def test_a_column_of_names_each_row_its_own_still_starts_the_text():
    rows = [["1", "人均地区生产总值", "增长6%左右,高于全省平均水平。", "县发改局"],
            ["2", "规模以上工业增加值", "增长8%,高于全市平均水平。", "县工信局"]]
    assert [c.kind for c in content_columns(rows)] == ["number", "text", "text", "units"]


def test_a_name_column_under_a_category_column_both_merged_is_the_name(tmp_path):
    body = piped("1/民生福地项目/完善应急预案体系/加强应急预案管理,规范预案编制和备案。/县应急局",
                 "2///推进应急预案演练,强化针对性和实战性。/县应急局",
                 "3/产业高地项目/提升县域生态环境/连通城区河道水系,新开引水河道。/县水务局")
    assert ["".join(t["text"].split())[:10] for t in tasks(tmp_path, body)] == [
        "完善应急预案体系加强", "推进应急预案演练,强", "提升县域生态环境连通"]


def test_rows_under_a_merged_category_cell_without_a_header_start_with_their_own_text(tmp_path):
    body = piped(*("/".join(row) for row in MERGED_CATEGORY))
    read = tasks(tmp_path, body)
    assert [t["text"][:6] for t in read] == ["新建城区污水", "改造农村公路", "新增规模以上", "建成区域性养"]
    assert [t["number"] for t in read] == ["1", "2", "3", "4"]


# -- a post alone in the leader column --------------------------------------------------------------------

ROWS_WITH_A_POST = [("1", "新建城区污水处理厂,年底前投入使用。", "县住建局", "副县长 张建国", "已完成主体工程。"),
                    ("2", "改造农村公路100公里。", "县交通局", "常务副县长")]  # no progress yet: the cell vanishes


@pytest.mark.parametrize("form", ["fullwidth", "cells"])
def test_a_post_alone_in_the_leader_column_is_the_row_s_leader(tmp_path, form):
    header = ("序号", "工作任务", "责任单位", "责任领导", "进展情况")
    if form == "cells":
        body = "\n".join(cell for row in (header, *ROWS_WITH_A_POST) for cell in row)
    else:
        body = "\n".join("\u3000\u3000".join(row) for row in (header, *ROWS_WITH_A_POST))
    assert [t.get("leader") for t in tasks(tmp_path, body)] == ["张建国", "常务副县长"]


# -- a cell wrapped inside a figure, one cell a line ------------------------------------------------------

@pytest.mark.parametrize("cell", ["6.2%左右,固定资产投", "1个,总投资1160", "(1)已确定建设地址,初定城东公园内一处"])
def test_pieces_of_a_wrapped_text_with_a_rate_a_count_or_a_point_are_no_unit_list(cell):
    assert not unit_list_cell(cell)


def test_a_unit_list_parted_by_commas_is_still_one():
    assert unit_list_cell("机管局,房地局,规划局,相关部门,13个街道、镇")


def test_a_text_cell_wrapped_inside_its_figures_is_one_cell(tmp_path):
    body = "\n".join(["序号", "工作任务", "牵头单位", "责任领导",
                      "1", "实施重点建设项目21", "1个,总投资1160", ".04亿元,年度计划", "投资405.34亿元", "。",
                      "县发改局", "张建国",
                      "2", "努力实现地区生产总值增长", "6.2%左右,固定资产投", "资增长15%左右。", "县统计局", "李明"])
    read = [("".join(t["text"].split()), [u["name"] for u in t["units"]]) for t in tasks(tmp_path, body)]
    assert [units for _, units in read] == [["县发改局"], ["县统计局"]]
    assert read[0][0].startswith("实施重点建设项目211个,总投资1160.04亿元")
    assert read[1][0].startswith("努力实现地区生产总值增长6.2%左右")


def test_a_pipe_row_leaving_out_its_merged_first_cells_still_ends_in_the_units_column(tmp_path):
    """A pipe table's rowspan (台山 2021, development part): the rows under a merged 工作任务 cell print only
    their own cells (`2.… | units |`); their unit list is the last column's, not the text's."""
    from pathlib import Path

    notice = Path(__file__).parent / "importer_corpus" / "real" / "dev" / "taishan-2021-zhengwugongkai.txt"
    body = "\n".join(notice.read_text(encoding="utf-8").splitlines()[:9])
    result = import_text(body, tmp_path, stem="t", jurisdiction="台山市")
    got = {t["text"][:2]: [u["name"] for u in t.get("units") or []] for t in iter_tasks(result.data)}
    assert list(got) == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    assert got["2."] == ["市政府办公室", "市发展和改革局", "市直有关部门", "各镇(街)"]
    assert got["5."] == ["市直有关部门", "各镇(街)"]
