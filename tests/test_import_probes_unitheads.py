"""Headings that name the unit in charge of the tasks under them (sitegen/importer/headings.py): the unit alone
(一、县发改局(3项), (一)市教育局, 县住建局:, 【市水务局】), its share (X负责的工作, X承担的任务, X责任清单), a lead
mark (X(牵头单位), X牵头:), labelled fields as the heading, a leader beside the unit; and the traps."""

from __future__ import annotations

from sitegen.importer.document import parse_document
from sitegen.importer.headings import HeadingLines, unit_heading
from sitegen.importer.items import Task


def tasks(text: str) -> list[Task]:
    parsed, _, _ = parse_document(text)
    return [task for att in parsed.attachments for task in att.all_tasks()]


def roles(task: Task) -> list[tuple[str, str | None]]:
    return [(u.name, u.role) for u in task.units]


def test_a_heading_that_is_the_unit_alone_makes_it_responsible_for_each_task_under_it():
    found = tasks("各乡镇人民政府,县直有关单位:\n现将任务分解如下。\n一、县发展和改革局(2项)\n1.完成投资85亿元。\n"
                  "2.争取专项债券12亿元。\n二、县教育局(1项)\n3.新建城区第三小学。\n")
    assert [t.number for t in found] == ["1", "2", "3"]
    assert [roles(t) for t in found] == [[("县发展和改革局", "责任")]] * 2 + [[("县教育局", "责任")]]


def test_the_share_words_after_the_unit_name_it_responsible_and_a_lead_mark_leading():
    assert [(u.name, u.role) for u in unit_heading("区农业农村局负责的工作(3项)")] == [("区农业农村局", "责任")]
    assert [(u.name, u.role) for u in unit_heading("市科技局承担的工作任务")] == [("市科技局", "责任")]
    assert [(u.name, u.role) for u in unit_heading("县市场监督管理局责任清单")] == [("县市场监督管理局", "责任")]
    assert [(u.name, u.role) for u in unit_heading("区卫生健康委任务(3项)")] == [("区卫生健康委", "责任")]
    assert [(u.name, u.role) for u in unit_heading("县自然资源局(牵头单位)")] == [("县自然资源局", "牵头")]
    assert [(u.name, u.role) for u in unit_heading("县公安局牵头:")] == [("县公安局", "牵头")]
    assert [u.name for u in unit_heading("城关镇(2项)")] == ["城关镇"]
    assert [u.name for u in unit_heading("综合统计股")] == ["综合统计股"]
    assert [u.name for u in unit_heading("县交通运输局承担的民生实事(2件)")] == ["县交通运输局"]
    assert [u.name for u in unit_heading("县发改局(分管领导:张建华)")] == ["县发改局"]


def test_topic_headings_and_the_addressees_are_no_unit_headings():
    for heading in ("支持县经济开发区高质量发展", "建设区域性物流中心", "县城市政设施建设", "扩大有效投资", "统筹城乡",
                    "加强学科", "工作要求"):
        assert unit_heading(heading) == [], heading
    for line in ("各乡镇人民政府,县直有关单位:", "市政府各部门:", "各乡镇人民政府、县直各单位:"):
        assert HeadingLines().units(line, before_tasks=True) == [], line
    assert [u.name for u in unit_heading("各乡镇(街道)(1项)")] == ["各乡镇(街道)"]  # numbered: a group of its own


def test_a_unit_heading_line_without_a_number_heads_the_tasks_below_it():
    found = tasks("县住建局:\n1.完成老旧小区改造12个。\n2.新建停车位800个。\n县水利局:\n1.治理中小河流2处。\n")
    assert [roles(t) for t in found] == [[("县住建局", "责任")]] * 2 + [[("县水利局", "责任")]]


def test_square_bracket_unit_lines_are_headings_only_where_the_first_comes_before_any_task():
    assert [u.name for u in HeadingLines().units("【市水务局】", before_tasks=True)] == ["市水务局"]
    lines = HeadingLines()
    assert lines.units("【市水务局】", before_tasks=False) == []  # 1.… / 【市水务局】: the task's attribution
    assert lines.units("【市交通运输局】", before_tasks=True) == []  # …and so are the list's later ones
    found = tasks("2025年为民办实事项目\n【市交通运输局】\n1.新辟公交线路10条。\n2.完成防护工程200公里。\n"
                  "【市水务局】\n1.完成农村供水保障工程。\n")
    assert [roles(t) for t in found] == [[("市交通运输局", "责任")]] * 2 + [[("市水务局", "责任")]]


def test_the_unit_of_a_bare_heading_leads_where_a_task_names_its_supporting_units():
    found = tasks("一、县财政局\n1.一般公共预算收入增长5%。(配合单位:县税务局)\n2.压减一般性支出10%以上。\n")
    assert roles(found[0]) == [("县财政局", "牵头"), ("县税务局", "配合")]
    assert roles(found[1]) == [("县财政局", "责任")]


def test_a_heading_of_labelled_fields_gives_each_task_under_it_those_units():
    found = tasks("一、促进消费\n(一)牵头单位:县商务局;配合单位:县财政局\n1.发放消费券500万元。\n"
                  "2.举办促消费活动4场。\n")
    assert [t.number for t in found] == ["1", "2"]
    assert [roles(t) for t in found] == [[("县商务局", "牵头"), ("县财政局", "配合")]] * 2


def test_short_topic_headings_between_a_unit_heading_and_its_items_group_the_tasks():
    found = tasks("一、县发展和改革局\n(一)项目建设\n1.储备项目200个。\n2.争取资金2亿元。\n(二)价格监管\n"
                  "3.调整停车收费标准。\n")
    assert [(t.number, roles(t)) for t in found] == [(n, [("县发展和改革局", "责任")]) for n in "123"]


def test_the_items_right_under_a_unit_heading_are_its_tasks_and_their_numbered_parts_sub_items():
    found = tasks("一、县教育局牵头的工作(2项)\n1.推进学校建设。\n(1)新建实验小学南校区;\n(2)改扩建第二中学教学楼。\n"
                  "2.实施县中崛起行动。\n")
    assert [t.number for t in found] == ["1", "2"]
    assert "新建实验小学" in found[0].text


def test_a_leader_printed_beside_the_unit_leads_the_tasks_under_it():
    parsed, _, _ = parse_document("一、刘洪涛副县长、县发改局\n1.推进抽水蓄能电站项目前期工作。\n"
                                  "2.完成冷链物流中心建设。\n")
    section = parsed.attachments[0].sections[0]
    assert section.leader == "刘洪涛"
    assert [roles(t) for t in section.tasks] == [[("县发改局", "责任")]] * 2
    assert [leader.name for leader in parsed.leaders] == ["刘洪涛"]
