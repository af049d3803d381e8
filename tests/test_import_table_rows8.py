"""Task tables' rows as unseen notices print them (issue 17, session 21): progress and amount cells kept out
of the units, leaders in tables. Each rule on a made-up table; `python tests/importer_tableshapes.py` (held
out) and `python tests/importer_cellfuzz.py --seeds 500` give the rates."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from test_import_table_rows7 import piped, tasks


def one_a_line(*cells: str) -> str:
    """Cells one a line with a blank line between them, as a page's table pasted as text prints them."""
    return "\n\n".join(cells)


# -- a progress cell one a line, right above the unit cell --------------------------------------------------

def test_a_progress_cell_above_a_unit_cell_one_a_line_is_no_part_of_the_units(tmp_path):
    body = one_a_line("指标名称", "年度目标", "完成情况", "责任部门",
                      "1、新增企业上市数", "2家", "年度指标", "县金融办",
                      "2、城乡登记失业人数", "3000人", "2919人", "县人社局",
                      "3、新认定高新技术企业", "30家", "12家", "县科技局")
    read = tasks(tmp_path, body)
    assert [[u["name"] for u in t["units"]] for t in read] == [["县金融办"], ["县人社局"], ["县科技局"]]


# -- a post alone, named by its duty, in the leader column ------------------------------------------------

def test_a_post_named_by_its_duty_alone_in_the_leader_column_is_the_leader(tmp_path):
    body = one_a_line("序号", "工作任务", "牵头领导", "牵头单位", "责任单位",
                      "1", "新建城区污水处理厂,年底前投入使用。", "分管副县长", "县住建局", "县水务局",
                      "2", "改造农村公路100公里,完善道路安全设施。", "联系副县长", "县交通局", "县财政局")
    read = tasks(tmp_path, body)
    assert [t.get("leader") for t in read] == ["分管副县长", "联系副县长"]
    assert [[u["name"] for u in t["units"]] for t in read] == [["县住建局", "县水务局"], ["县交通局", "县财政局"]]


# -- a table whose labels name no unit column -----------------------------------------------------------

def test_a_column_of_unit_lists_labelled_like_a_text_holds_the_units_where_no_label_names_them(tmp_path):
    body = piped("序号/项目名称/建设内容/总投资(万元)/项目承建",
                 "1/城区污水处理厂/新建日处理2万吨污水处理厂一座。/12000/县住建局、县水务局",
                 "2/农村公路改造/改造农村公路100公里,完善安全设施。/8353/县交通局")
    read = tasks(tmp_path, body)
    assert [[u["name"] for u in t["units"]] for t in read] == [["县住建局", "县水务局"], ["县交通局"]]
    assert ["".join(t["text"].split())[:10] for t in read] == ["城区污水处理厂新建日", "农村公路改造改造农村"]


def test_a_header_broken_over_two_rows_keeps_the_bracketed_measure_under_its_label(tmp_path):
    body = piped("/项目/建设规/总投资/项目",
                 "序号/名称/模及内容/(万元)/承建",
                 "1/城区污水处理厂/新建日处理2万吨污水处理厂一座。/12000/县住建局",
                 "2/农村公路改造/改造农村公路100公里,完善安全设施。/8353/县交通局")
    read = tasks(tmp_path, body)
    assert [t["number"] for t in read] == ["1", "2"]
    assert [[u["name"] for u in t["units"]] for t in read] == [["县住建局"], ["县交通局"]]


# -- a 类别 cell merged over rows, printed once above the first -----------------------------------------------

def test_a_category_printed_once_above_its_first_row_is_no_part_of_that_rows_text(tmp_path):
    body = one_a_line("类别", "指标名称", "年度目标", "完成情况", "责任部门",
                      "经济发展", "1、规模以上工业增加值增长率", "与省保持同步", "8.5%", "县工信局",
                      "2、固定资产投资增长率", "10%以上", "12.3%", "县发改局",
                      "3、社会消费品零售总额增长率", "8%", "9.1%", "县商务局")
    read = tasks(tmp_path, body)
    assert ["".join(t["text"].split())[:8] for t in read] == ["1、规模以上工业", "2、固定资产投资", "3、社会消费品零"]


# -- a decimal figure cut after its point, one cell a line ----------------------------------------------

def test_a_decimal_cut_after_its_point_at_the_columns_width_is_no_rows_number(tmp_path):
    body = "\n".join(["序号", "工作任务", "责任单位",
                      "1", "新建城区污水处理厂,总投资", "3.", "5亿元,年底前投入使用。", "县住建局",
                      "2", "改造农村公路100公里,完善道路安全设施。", "县交通局"])
    read = tasks(tmp_path, body)
    assert [t["number"] for t in read] == ["1", "2"]
    assert [[u["name"] for u in t["units"]] for t in read] == [["县住建局"], ["县交通局"]]


# -- two leaders in one cell, however the rows are read ----------------------------------------------------

def test_two_names_in_one_leader_cell_are_equals_where_a_cell_wraps_over_many_lines(tmp_path):
    body = "\n".join(["序号", "工作任务", "牵头领导", "责任单位",
                      "1", "实施乡镇污水处理", "站建", "设,城区公办幼儿", "园建", "设,乡镇加油站建", "设。",
                      "张建国、李明华", "县住建局",
                      "2", "改造农村公路100公里。", "王立新", "县交通局"])
    assert [t.get("leader") for t in tasks(tmp_path, body)] == ["张建国、李明华", "王立新"]


# -- a header whose first label stands before 序号 ------------------------------------------------------

def test_a_header_with_a_label_before_its_number_column_keeps_that_column(tmp_path):
    rows = [["类别", "序号", "项目名称", "工作标准", "责任单位"],
            ["民生保障", "1、", "城区污水处理厂", "新建日处理2万吨污水处理厂一座。", "县住建局"],
            ["产业发展", "2、", "工业园区建设", "新增规模以上工业企业10家以上。", "县工信局"]]
    read = tasks(tmp_path, "\n".join("    ".join(row) for row in rows))
    assert [t["number"] for t in read] == ["1", "2"]
    assert ["".join(t["text"].split())[:9] for t in read] == ["城区污水处理厂新建", "工业园区建设新增规"]


def test_a_leader_cell_one_a_line_is_never_the_start_of_the_unit_name_under_it(tmp_path):
    body = "\n".join(["序号", "工作任务", "牵头领导", "牵头单位",
                      "1", "新建城区污水处理厂,年底前投入使用。", "县委副书记 张建国", "城关镇",
                      "2", "改造农村公路100公里,完善安全设施。", "王立新", "县交通局"])
    read = tasks(tmp_path, body)
    assert [t.get("leader") for t in read] == ["张建国", "王立新"]
    assert [[u["name"] for u in t["units"]] for t in read] == [["城关镇"], ["县交通局"]]


def test_a_first_row_numbered_in_brackets_under_the_header_is_no_half_of_its_labels(tmp_path):
    body = piped("序号/主要任务/主办单位/责任单位",
                 "（1）/新(改、/区教体局/东孝街道",
                 "/扩)建一/ /孝顺镇",
                 "（2）/建设献血屋1个。/区卫健局/区红十字会")
    assert [t["number"] for t in tasks(tmp_path, body)] == ["1", "2"]


# -- a leader cell with its post in brackets after the name -------------------------------------------------

def test_a_leader_cell_with_the_post_bracketed_after_the_name_is_no_part_of_the_text(tmp_path):
    body = one_a_line("序号", "工作任务", "责任领导", "责任单位",
                      "1", "完成固定资产投资50亿元。", "张三(副县长)", "县发改局",
                      "2", "新开工项目30个。", "李四(县委常委、副县长)", "县住建局")
    read = tasks(tmp_path, body)
    assert [t["text"] for t in read] == ["完成固定资产投资50亿元。", "新开工项目30个。"]
    assert [t.get("leader") for t in read] == ["张三", "李四"]
