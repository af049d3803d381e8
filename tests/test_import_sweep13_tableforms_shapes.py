"""Table forms found by the thirteenth sweep's study of the tables real pages print (branch tableforms;
benchmarks/import_sweep.md, "Thirteenth sweep: tableforms"; the catalogue is benchmarks/forms_tableforms.py).
Each input is a small notice written here, each form in three wordings: other labels, other renderings."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某县人民政府办公室关于印发2023年重点工作任务清单的通知\n各乡镇人民政府,县政府各部门:\n"
        "现将重点工作任务清单印发给你们,请认真抓好落实。\n某某县人民政府办公室\n2023年2月1日\n附件\n重点工作任务清单\n")


def tasks_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return [{"number": t.get("number"), "text": t["text"], "leader": t.get("leader"), "deadline": t.get("deadline"),
             "units": [u["name"] for u in t.get("units", [])],
             "leads": [u["name"] for u in t.get("units",
                       []) if u.get("role") == "牵头"]} for t in iter_tasks(result.data)]


ROWS = [("1", "新建城区公办幼儿园3所,新增学位900个。", "县教育局", "县住建局、县财政局", "2023年12月底前", "王某某"),
        ("2", "改造老旧小区12个,惠及居民2400户。", "县住建局", "各乡镇", "2023年10月底前", "李某"),
        ("3", "实施农村公路提质改造100公里。", "县交通运输局", "县财政局", "2023年11月底前", "张某某")]


# -- a header printed as a row or two of pipes above a body printed one cell a line ------------------------------
# (高新区 2022: 序号 | 重点任务 | / 完成时间 | 责任人 | 责任部门 | 进展情况 | / 7 | / 完善园区骨架路网… | / …)

@pytest.mark.parametrize("header", [
    "序号 | 重点任务 |\n完成时间 | 责任人 | 责任单位 | 进展情况 |",
    "序号 | 重点任务 | 完成时间 |\n责任人 | 责任单位 | 进展情况 |",
    "序号 | 工作任务 | 完成时限 | 责任领导 | 责任部门 | 推进情况 |",
])
def test_a_header_in_pipe_rows_over_a_body_one_cell_a_line(tmp_path, header):
    body = [f"{cell} |" for n, text, lead, others, deadline, leader in ROWS
            for cell in (n, text, deadline, leader, lead, "已完成年度任务的60%。")]
    tasks = tasks_of(tmp_path, header + "\n" + "\n".join(body))
    assert [(t["number"], t["text"], t["units"], t["leader"], t["deadline"]) for t in tasks] == [
        (n, text, [lead], leader, deadline) for n, text, lead, _, deadline, leader in ROWS]


# -- 责任单位 over 牵头 | 配合, the lower header row printed with its own cells only -----------------------------------

@pytest.mark.parametrize("top, sub", [
    ("序号 | 工作任务 | 责任单位 | 完成时限 |", "牵头单位 | 配合单位 |"),
    ("| 序号 | 重点任务 | 责任部门 | 完成时间 |", "| 牵头部门 | 协办部门 |"),
    ("序号 | 工作任务 | 责任单位 | | 完成时限 |", " | 牵头 | 配合 | "),
])
def test_a_unit_label_over_lead_and_assist_labels(tmp_path, top, sub):
    wrap = (lambda r: "| " + " | ".join(r) + " |") if top.startswith("|") else (lambda r: " | ".join(r) + " |")
    rows = [wrap([n, text, lead, others, deadline]) for n, text, lead, others, deadline, _ in ROWS]
    tasks = tasks_of(tmp_path, "\n".join([top, sub, *rows]))
    assert [(t["number"], t["text"], t["units"], t["leads"], t["deadline"]) for t in tasks] == [
        (n, text, [lead, *others.split("、")], [lead], deadline) for n, text, lead, others, deadline, _ in ROWS]


# -- a figures table under its caption after the task table: no rows of the task table, no text of its last row ---
# (湘西 2021: 单位:个、亿元 / 隶 属 | 项目个数 | 年投资计划 | …; 云浮 2017: the same one cell a line)

SUMMARIES = [
    "附表\n单位:个、亿元\n隶 属 | 项目个数 | 年投资计划 | 完成投资额 | 完成率 |\n某某镇 | 57 | 82.5 | 65.1 | 78.9% |",
    "2023年1-9月全县重点项目投资完成情况汇总表\n地区\n重点项目个数\n年度计划投资金额(亿元)\n全县\n116\n195.82",
    "表2\n| 乡镇 | 项目个数 | 年投资计划 |\n| 某某镇 | 57 | 82.5 |\n| 某某乡 | 27 | 42.6 |",
]


@pytest.mark.parametrize("summary", SUMMARIES)
def test_a_figures_table_after_the_task_table_holds_no_tasks(tmp_path, summary):
    rows = [" | ".join([n, text, lead, others, deadline]) + " |" for n, text, lead, others, deadline, _ in ROWS]
    body = "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |\n" + "\n".join(rows) + "\n" + summary
    tasks = tasks_of(tmp_path, body)
    assert [(t["number"], t["text"]) for t in tasks] == [(n, text) for n, text, *_ in ROWS]


def test_a_task_table_after_a_caption_is_read(tmp_path):
    rows = [" | ".join([n, text, lead, others, deadline]) + " |" for n, text, lead, others, deadline, _ in ROWS]
    head = "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |"
    body = "\n".join([head, *rows[:2], "附表2", head, rows[2]])
    assert [t["number"] for t in tasks_of(tmp_path, body)] == ["1", "2", "3"]


# -- the last header label before the first row's number, whatever word ends it (主要负责人 / 1) -------------------
# (湛江 2013: 推进时间节点和完成时间、实施单位和主要负责人; a table one cell a line)

@pytest.mark.parametrize("label", ["主要负责人", "项目负责人", "联系人"])
def test_the_last_label_one_cell_a_line_before_the_first_number(tmp_path, label):
    body = ["序号", "民生实事", "完成时间", "实施单位", label]
    for n, text, lead, _, deadline, leader in ROWS:
        body += [n, text, deadline, lead, leader]
    tasks = tasks_of(tmp_path, "\n".join(body))
    assert [(t["text"], t["units"], t["leader"], t["deadline"]) for t in tasks] == [
        (text, [lead], leader, deadline) for _, text, lead, _, deadline, leader in ROWS]


# -- a leader cell of two names parted by a space, one cell a line (高新区 2022: 王广部 王鹏伟 |) --------------------

@pytest.mark.parametrize("names, closer", [("王某 李某某", " |"), ("王某某  李某", ""), ("欧阳某某 李某", " |")])
def test_two_leaders_parted_by_a_space_one_cell_a_line(tmp_path, names, closer):
    body = ["序号", "重点任务", "完成时间", "责任人", "责任部门"]
    for k, (n, text, lead, _, deadline, leader) in enumerate(ROWS):
        body += [n, text, deadline, names if k == 0 else leader, lead]
    tasks = tasks_of(tmp_path, "\n".join(cell + closer for cell in body))
    assert [(t["text"], t["units"]) for t in tasks] == [(text, [lead]) for _, text, lead, *_ in ROWS]
    assert [t["leader"].split() for t in tasks] == [names.split(), ["李某"], ["张某某"]]


# -- a header of two rows printed one cell a line: 责任单位 spans the lower row's 牵头 / 配合 labels printed after ----

@pytest.mark.parametrize("header", [
    ["序号", "工作任务", "责任单位", "完成时限", "牵头单位", "配合单位"],
    ["序号", "重点任务", "责任部门", "完成时间", "牵头部门", "协办部门"],
    ["序号", "工作任务", "责任单位", "时间节点", "牵头", "配合"],
])
def test_a_two_row_header_one_cell_a_line(tmp_path, header):
    body = list(header)
    for n, text, lead, others, deadline, _ in ROWS:
        body += [n, text, lead, others, deadline]
    tasks = tasks_of(tmp_path, "\n".join(body))
    assert [(t["number"], t["units"], t["leads"], t["deadline"]) for t in tasks] == [
        (n, [lead, *others.split("、")], [lead], deadline) for n, _, lead, others, deadline, _ in ROWS]


def test_a_unit_label_beside_lead_and_assist_labels_stays_a_column(tmp_path):
    body = ["序号", "工作任务", "责任单位", "牵头单位", "配合单位"]
    for n, text, lead, others, _, _ in ROWS:
        body += [n, text, "县政府办", lead, others]
    tasks = tasks_of(tmp_path, "\n".join(body))
    assert [t["leads"] for t in tasks] == [[lead] for _, _, lead, *_ in ROWS]


# -- a table's cells run together (a PDF's text layer), its task column named by a label no word tells, the
# deadline between the text and the units (湛江 2013: 序号 民生实事 完成时间 实施单位 主要负责人) ---------------------

@pytest.mark.parametrize("header", [
    "序号民生实事完成时间实施单位主要负责人",
    "序号实事项目完成时限责任单位责任领导",
    "序号惠民工程完成时间实施单位联系人",
])
def test_run_together_rows_with_the_deadline_before_the_units(tmp_path, header):
    rows = [f"{n}{text}{deadline}{lead}、{others}{leader}" for n, text, lead, others, deadline, leader in ROWS]
    tasks = tasks_of(tmp_path, "\n".join([header, *rows]))
    assert [(t["number"], t["text"], t["units"], t["leader"], t["deadline"]) for t in tasks] == [
        (n, text, [lead, *others.split("、")], leader, deadline) for n, text, lead, others, deadline, leader in ROWS]


def test_a_date_inside_the_text_of_a_run_together_row_stays_text(tmp_path):
    rows = ["1完成2023年度城区绿化提升改造县住建局王某", "2推进老旧小区改造县住建局、各乡镇李某"]
    tasks = tasks_of(tmp_path, "\n".join(["序号工作任务责任单位责任领导", *rows]))
    assert [(t["text"], t["units"]) for t in tasks] == [("完成2023年度城区绿化提升改造", ["县住建局"]),
                                                         ("推进老旧小区改造", ["县住建局", "各乡镇"])]


# -- rows printed cell by cell, each closed by a bar and none before the first (1 | 新建… | 县教育局 |): a line
# opening with a bar has an empty first cell — a wrapped row's second line, a header's unlabelled 序号 -----------

def _closed(cells):
    return " | ".join(cells) + " |"


@pytest.mark.parametrize("cut", [9, 5, 12])
def test_a_row_wrapped_onto_a_line_of_its_own_in_closed_rows(tmp_path, cut):
    lines = [_closed(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"])]
    for n, text, lead, others, deadline, _ in ROWS:
        lines += [_closed([n, text[:cut], lead, others, deadline]), _closed(["", text[cut:], "", "", ""])]
    tasks = tasks_of(tmp_path, "\n".join(lines))
    assert [(t["number"], t["text"], t["units"]) for t in tasks] == [
        (n, text, [lead, *others.split("、")]) for n, text, lead, others, *_ in ROWS]


@pytest.mark.parametrize("header", [
    ["", "工作任务", "牵头单位", "配合单位", "完成时限"],
    ["", "重点任务", "责任单位", "协办单位", "完成时间"],
    ["", "具体措施", "牵头部门", "配合部门", "时间节点"],
])
def test_an_unlabelled_number_column_in_closed_rows(tmp_path, header):
    lines = [_closed(header)] + [_closed([n, text, lead, others, deadline]) for n, text, lead, others, deadline,
             _ in ROWS]
    tasks = tasks_of(tmp_path, "\n".join(lines))
    assert [(t["number"], t["text"], t["leads"], t["deadline"]) for t in tasks] == [
        (n, text, [lead], deadline) for n, text, lead, _, deadline, _ in ROWS]


def test_a_header_label_wrapped_onto_a_closed_line_of_its_own(tmp_path):
    lines = ["序号 | 工作 | 牵头 | 配合 | 完成 |", " | 任务 | 单位 | 单位 | 时限 |"]
    lines += [_closed([n, text, lead, others, deadline]) for n, text, lead, others, deadline, _ in ROWS]
    tasks = tasks_of(tmp_path, "\n".join(lines))
    assert [(t["number"], t["leads"], t["deadline"]) for t in tasks] == [
        (n, [lead], deadline) for n, _, lead, _, deadline, _ in ROWS]


def test_a_wrapped_cell_ending_like_a_table_title_stays_the_cell(tmp_path):
    body = "\n".join(["序号 | 工作任务 | 牵头单位 | 完成时限 |", "1 | 每月报送重点项目建设 | 县发改局 | 每月10日前 |",
                      "进展情况表", "2 | 推进老旧小区改造 | 县住建局 | 2023年10月底前 |"])
    tasks = tasks_of(tmp_path, body)
    assert [(t["number"], t["text"]) for t in tasks] == [("1", "每月报送重点项目建设进展情况表"), ("2",
            "推进老旧小区改造")]


@pytest.mark.parametrize("header, leader_label", [
    ("序号项目名称主要内容区政府分管领导牵头单位配合单位", "区政府分管领导"),
    ("序号项目名称主要内容县级包抓领导牵头单位配合单位", "县级包抓领导"),
    ("序号项目名称主要内容市委联系领导牵头单位配合单位", "市委联系领导"),
])
def test_a_level_before_a_run_together_label_is_part_of_it(header, leader_label):
    from sitegen.importer.runtogether import header_labels
    assert header_labels(header) == ["序号", "项目名称主要内容", leader_label, "牵头单位", "配合单位"]


@pytest.mark.parametrize("group", ["一、经济发展 |  |  |  |  | ", "一、经济发展 | | | | |",
                                   "(一)经济发展 |  |  |  |  |"])
def test_rows_with_no_bars_padded_with_empty_cells_are_no_closed_rows(tmp_path, group):
    body = "\n".join(["编号 | 牵头单位 | 主要任务 | 配合单位 | 分管领导 | 进展情况", group,
                      "1 | 县教体局 | 公办教育资源扩容提质惠民工程 | 县国投集团 | 杨某 | ",
                      " |  |  | 各有关乡镇(街道) |  | ", "2 | 县卫健委 | 医卫基础设施建设工程 |  | 杨某 | 正在推进"])
    tasks = tasks_of(tmp_path, body)
    assert [(t["number"], t["units"], t["leader"]) for t in tasks] == [
        ("1", ["县教体局", "县国投集团", "各有关乡镇(街道)"], "杨某"), ("2", ["县卫健委"], "杨某")]
