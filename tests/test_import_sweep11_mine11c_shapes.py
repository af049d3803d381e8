"""Shapes found by the eleventh sweep of real notices, east (issue 17, branch mine11c; benchmarks/import_sweep.md,
"Eleventh sweep (east, mine11c)"). Each input is a small notice written here, in the layout and wordings those
notices print."""

from __future__ import annotations

from test_import_sweep9_mine9c_shapes import sections_of

from sitegen.importer import import_text
from sitegen.importer.columns import label_kind
from sitegen.importer.content import iter_tasks

HEAD = "某某省民生工作领导小组办公室关于2023年实施民生实事的通知\n各市人民政府,省有关单位:\n经省政府同意,具体安排如下:\n"


def tasks_of(tmp_path, body, head=HEAD):
    result = import_text(head + body + "\n", tmp_path, stem="t", jurisdiction="某某省")
    return [{"text": (t.get("title") or "") + t["text"], "deadline": t.get("deadline"),
             "units": [(u["name"], u.get("role")) for u in t.get("units", [])]} for t in iter_tasks(result.data)]


# 安徽 2023 (a province's 民生实事 on a county's site): each section's heading counts its items in a bracket and
# its first item follows the bracket on the same line, the items run together after their attributions
COUNTED = ("一、促进就业(3项)1.促进重点群体稳定就业,城镇新增就业68万人。(牵头单位:省人力资源社会保障厅)"
           "2.支持毕业生求职创业,按标准发放求职创业补贴。(牵头单位:省人力资源社会保障厅)"
           "3.培训家政服务人员60万人次。(牵头单位:省商务厅)\n"
           "二、社会保障(2项)4.农村低保标准年均增幅不低于4.5%。(牵头单位:省民政厅、省财政厅)"
           "5.新增2500个城乡老年食堂(助餐点)。(牵头单位:省民政厅)\n")


def test_the_first_item_after_a_heading_counting_its_items_is_a_task(tmp_path):
    tasks = tasks_of(tmp_path, COUNTED)
    assert [t["text"][:6] for t in tasks] == ["促进重点群体", "支持毕业生求", "培训家政服务", "农村低保标准", "新增2500"]
    assert tasks[0]["units"] == [("省人力资源社会保障厅", "牵头")]
    assert tasks[3]["units"] == [("省民政厅", "牵头"), ("省财政厅", "牵头")]


def test_the_heading_keeps_its_count_and_nothing_of_the_item(tmp_path):
    assert sections_of(tmp_path, HEAD + COUNTED) == ["促进就业(3项)", "社会保障(2项)"]


def test_a_count_bracket_inside_a_sentence_is_no_heading(tmp_path):
    # (3项) closing a task's own sentence, a numbered item after it: the task is not cut into a heading
    body = ("一、促进就业\n1.完成职业技能培训(3项)2.新增就业岗位。(牵头单位:省人力资源社会保障厅)\n")
    tasks = tasks_of(tmp_path, body)
    assert tasks[0]["text"].startswith("完成职业技能培训")


def test_a_start_date_column_is_no_deadline():
    # 开工时间 beside 竣工时间 (a project table): the work must be done by its completion date, not its start
    assert label_kind("开工时间") != "deadline"
    assert label_kind("计划开工时间") != "deadline"
    assert label_kind("开始日期") != "deadline"
    assert label_kind("竣工时间") == "deadline"
    assert label_kind("完成时间") == "deadline"


def test_a_project_table_takes_its_completion_date_for_the_deadline(tmp_path):
    # 九江 2025: 序号 / 项目名称 / 项目内容 / 责任单位 / 开工时间 / 竣工时间 / 总投资 / 项目进展情况, one cell a line,
    # the date labels broken over two lines and several units a line each
    cells = ["序号", "项目名称", "项目内容", "责任单位", "开工", "时间", "竣工", "时间", "总投资", "(万元)", "项目进展情况",
             "1", "中心城区完整社区建设项目", "完成两个完整社区建设项目,建设面积约15万平方米。", "市住建局", "柴桑区政府",
             "2025年3月", "2025年12月", "23000", "正在进行雨污管网铺设施工。",
             "2", "打通断头路项目", "建成武装部南侧道路,全长190米。", "市城管局", "市城发集团",
             "2024年7月", "2025年10月", "7300", "已全面完工。"]
    tasks = tasks_of(tmp_path, "\n\n".join(cells), head="2025年民生实事项目进展情况表\n\n")
    assert [t["deadline"] for t in tasks] == ["2025年12月", "2025年10月"]
    assert tasks[0]["units"] == [("市住建局", "责任"), ("柴桑区政府", "责任")]


# 繁昌 2023: one cell a line, a 重点工作 column of group headings merged over its rows (printed in the group's
# first row only, after the row's number) before the row's numbered item
GROUPED = ["序号", "重点工作", "工作内容", "完成时限", "牵头单位", "责任单位",
           "1", "一、全年主要预期目标", "1.地区生产总值增长8.5%左右", "12月底前", "区发展改革委", "区统计局、区商务局",
           "2", "2.一般公共预算收入增长5%", "12月底前", "区财政局", "区税务局",
           "3", "二、扎实推进产业发展", "3.新增规上工业企业30家", "12月底前", "区经信局", "各镇"]
GROUPED_HEAD = "某区2023年区政府重点工作任务\n\n"


def test_a_group_cell_printed_in_its_first_row_heads_the_rows(tmp_path):
    body = "\n\n".join(GROUPED)
    tasks = tasks_of(tmp_path / "a", body, head=GROUPED_HEAD)
    assert [t["text"][:6] for t in tasks] == ["1.地区生产", "2.一般公共", "3.新增规上"]
    assert [t["units"][0] for t in tasks] == [("区发展改革委", "牵头"), ("区财政局", "牵头"), ("区经信局", "牵头")]
    assert [t["deadline"] for t in tasks] == ["12月底前"] * 3
    assert sections_of(tmp_path / "b", GROUPED_HEAD + body) == ["一、全年主要预期目标", "二、扎实推进产业发展"]
