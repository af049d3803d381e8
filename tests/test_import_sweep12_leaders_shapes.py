"""Leader forms found by the twelfth sweep's vocabulary study (branch leaders; benchmarks/import_sweep.md, "Twelfth
sweep (leaders)"): the ways real notices name the official who leads a task. Each input is a small notice written
here, each form in three wordings as different governments print it."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import children

HEAD = ("某某县人民政府办公室关于印发2023年县政府工作报告重点工作任务分解的通知\n各乡镇人民政府,县政府各部门:\n"
        "现将重点工作任务分解印发给你们,请认真落实。\n某某县人民政府办公室\n2023年2月1日\n")


def tasks_of(tmp_path, body):
    """(number, leader, unit names) of every task, a task without a leader of its own taking its section's."""
    data = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县").data

    def walk(container, leader):
        for kind, child in children(container):
            if kind == "task":
                yield child.get("number"), child.get("leader") or leader, [u["name"] for u in child.get("units", [])]
            else:
                yield from walk(child, child.get("leader") or leader)
    return [task for att in data.get("attachments") or [] for task in walk(att, att.get("leader"))]


def bracketed(label):
    return (f"一、重点项目\n1.建成县人民医院新院区。({label}:王某某;责任单位:县卫健局)\n"
            f"2.建成城北污水处理厂。({label}:李某;责任单位:县住建局)")


READ = [("1", "王某某", ["县卫健局"]), ("2", "李某", ["县住建局"])]


# the level said with 级 or 政府, or as the governments of minority regions print it (旗, 州, 盟), before or after
# what the leader does, and two words of what the leader does: a label each (the notice was refused)
@pytest.mark.parametrize("label", ["包抓县级领导", "县级包抓领导", "牵头市级领导", "联系县级领导", "牵头旗领导", "责任州领导",
                                   "牵头盟领导", "牵头县政府领导", "包抓责任领导", "包保领导干部", "牽頭縣級領導"])
def test_a_leader_label_names_the_level_and_what_the_leader_does_in_any_order(tmp_path, label):
    assert tasks_of(tmp_path, bracketed(label)) == READ


# a post said with what its holder does is a leader's label too (the notice was refused)
@pytest.mark.parametrize("label", ["分管副县长", "责任副市长", "牵头常务副区长"])
def test_a_post_with_its_duty_labels_the_leader(tmp_path, label):
    assert tasks_of(tmp_path, bracketed(label)) == READ


def test_a_post_alone_is_no_label(tmp_path):
    body = "一、重点项目\n1.建成县人民医院新院区。(责任单位:县卫健局)\n2.建成城北污水处理厂。(责任单位:县住建局)\n县长:王某某"
    assert [leader for _, leader, _ in tasks_of(tmp_path, body)] == [None, None]


# a leader field on the line under a heading leads the heading's tasks; it was given to the task printed before
# the heading, or to none
@pytest.mark.parametrize("field, leader", [("牵头领导:成某", "成某"), ("责任领导:成某、柯某某", "成某、柯某某"),
                                           ("联系县领导:副县长成某", "成某")])
def test_a_leader_field_under_a_heading_leads_its_tasks(tmp_path, field, leader):
    body = (f"一、主要经济指标\n{field}\n1.地区生产总值增长8%。(责任单位:县发改局)\n2.规上工业增加值增长10%。(责任单位:县经信局)\n"
            "二、乡村振兴\n牵头领导:张某\n3.粮食播种面积稳定在30万亩。(责任单位:县农业农村局)")
    assert tasks_of(tmp_path, body) == [("1", leader, ["县发改局"]), ("2", leader, ["县经信局"]),
                                        ("3", "张某", ["县农业农村局"])]


def test_a_leader_field_after_a_task_stays_the_tasks(tmp_path):
    body = ("一、主要经济指标\n1.地区生产总值增长8%。\n责任单位:县发改局\n责任领导:成某\n"
            "2.规上工业增加值增长10%。\n责任单位:县经信局\n责任领导:柯某")
    assert tasks_of(tmp_path, body) == [("1", "成某", ["县发改局"]), ("2", "柯某", ["县经信局"])]


# a field the importer has no role for, after the leader's names in one bracket, is no part of the names
@pytest.mark.parametrize("other", ["联系人:赵某", "联系电话:0713-1234567", "督导组长:赵某"])
def test_a_field_of_no_role_after_the_leaders_names_ends_them(tmp_path, other):
    body = (f"一、重点项目\n1.建成县人民医院新院区。\n(牵头领导:王某某,{other},责任单位:县卫健局)\n"
            f"2.建成城北污水处理厂。\n(牵头领导:李某,{other},责任单位:县住建局)")
    assert tasks_of(tmp_path, body) == READ


# the bracket on the line after each item opens with the leader's field, the units after it; the items are the
# tasks (the headings, which carry a leader field of their own, were taken for the tasks and the items lost)
@pytest.mark.parametrize("heading, field", [("(牵头领导:张某、赵某某)", "牵头领导"), ("(责任领导:张某、赵某某)", "责任领导"),
                                            ("【包抓领导:张某、赵某某】", "包抓领导")])
def test_items_whose_next_line_bracket_opens_with_the_leader_are_the_tasks(tmp_path, heading, field):
    body = (f"二、重点项目(牵头领导:王某)\n1.建成县人民医院。\n({field}:王某,责任单位:县卫健局)\n"
            f"三、保障措施{heading}\n2.加强组织领导。\n({field}:张某,责任单位:县政府办)\n"
            f"3.强化资金保障。\n({field}:赵某某,责任单位:县财政局)")
    assert tasks_of(tmp_path, body) == [("1", "王某", ["县卫健局"]), ("2", "张某", ["县政府办"]),
                                        ("3", "赵某某", ["县财政局"])]


# label lines that open with the leader's field count their item as attributed, as the units' line does, where
# another item of the page carries an attribution (an excerpt opening with the cut-off task's last field, a
# heading with a leader field): the items were lost, or the notice refused
@pytest.mark.parametrize("first", ["协同责任单位:县经信局、县商务局。", "牵头单位:县卫健局", "一、主要目标(牵头领导:王某)"])
def test_label_lines_opening_with_the_leader_count_their_item(tmp_path, first):
    body = (f"{first}\n2. 财政收入增长8%左右。\n牵头负责领导:金某。\n牵头责任单位:县财政局。\n协同责任单位:县税务局。\n"
            "3. 固定资产投资增长10%。\n牵头负责领导:姚某。\n牵头责任单位:县发改委。")
    assert tasks_of(tmp_path, body) == [("2", "金某", ["县财政局", "县税务局"]), ("3", "姚某", ["县发改委"])]


# 主要责任单位 (the main responsible unit) on a label line of its own, as a bracket already read it
@pytest.mark.parametrize("label", ["主要责任单位", "主要牵头单位", "主要承办单位"])
def test_a_main_units_label_line_names_the_units(tmp_path, label):
    body = (f"一、主要目标\n1.地区生产总值增长4.5%以上。\n牵头领导:常务副县长\n{label}:县发展改革委\n"
            f"2.一般公共预算收入增长5%。\n牵头领导:常务副县长\n{label}:县财政局")
    assert tasks_of(tmp_path, body) == [("1", "常务副县长", ["县发展改革委"]), ("2", "常务副县长", ["县财政局"])]


# a heading naming the post of the government's head alone leads the tasks under it, the post as printed (as a leader
# field printing the post alone does); a heading naming a leader and nothing else (a count at most) does too
@pytest.mark.parametrize("heading, leader", [("常务副县长牵头负责的工作", "常务副县长"), ("分管农业副县长负责的工作", "分管农业副县长"),
                                             ("由常务副市长负责的重点工作", "常务副市长"), ("王某某副县长(2项)", "王某某"),
                                             ("李某副市长", "李某"), ("张某某常务副区长(3项)", "张某某")])
def test_a_heading_naming_a_post_or_a_leader_alone_leads_its_tasks(tmp_path, heading, leader):
    body = (f"一、{heading}\n1.一般公共预算收入增长5%。(责任单位:县财政局)\n2.固定资产投资增长10%。(责任单位:县发改局)\n"
            "二、其他工作\n3.粮食播种面积稳定。(责任单位:县农业农村局)")
    assert tasks_of(tmp_path, body) == [("1", leader, ["县财政局"]), ("2", leader, ["县发改局"]),
                                        ("3", None, ["县农业农村局"])]


@pytest.mark.parametrize("heading", ["县长负责制", "市长热线(2项)", "主任负责的工作"])
def test_a_rule_or_a_post_of_no_government_head_is_no_leader(tmp_path, heading):
    body = f"一、{heading}\n1.一般公共预算收入增长5%。(责任单位:县财政局)\n2.固定资产投资增长10%。(责任单位:县发改局)"
    assert [leader for _, leader, _ in tasks_of(tmp_path, body)] == [None, None]
