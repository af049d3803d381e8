"""Shapes found by the thirteenth sweep's study of who does a task (branch headforms; benchmarks/import_sweep.md
"Thirteenth sweep: headforms", catalogue benchmarks/forms_headforms.py). Each input is a small notice written here,
in the wordings other governments print the shape in, not the page the sweep found it on."""

from __future__ import annotations

import pytest

from sitegen.core.errors import SitegenError
from sitegen.importer import import_text
from sitegen.importer.attribution import head_clauses
from sitegen.importer.content import iter_tasks

HEAD = ("某某县人民政府办公室关于印发重点工作任务分工的通知\n各乡镇人民政府,县政府各部门:\n"
        "现将重点工作任务分工印发给你们,请认真抓好落实。\n")


def tasks_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return [((t.get("title") or "") + t["text"], [(u["name"], u.get("role")) for u in t.get("units", [])])
            for t in iter_tasks(result.data)]


def units_of(tmp_path, body):
    return [units for _, units in tasks_of(tmp_path, body)]


# -- a numbered item opening with the unit that acts, its role word, then the work --------------------------------
# (苍溪 2019: 县发改局负责做好项目的立项审批; 县财政局负责会同…抓好资金管理; 县审计局要负责对…进行监督审计;
# a 创卫 plan: 宣传部负责媒体宣传的组织协调和领导工作 — the whole plan was refused)

OPENING_SUBJECT = [
    ("1.县发改局负责做好项目的立项审批。\n2.县财政局负责统筹拨付项目资金。",
     [[("县发改局", "责任")], [("县财政局", "责任")]]),
    ("(一)县审计局要负责对整合资金的使用情况进行监督审计。\n(二)县发改局应负责做好项目申报。",
     [[("县审计局", "责任")], [("县发改局", "责任")]]),
    ("1、甲镇、乙乡负责做好项目规划、实施、验收等工作。\n2、县卫健局指导各乡镇卫生院开展签约服务。",
     [[("甲镇", "责任"), ("乙乡", "责任")], [("县卫健局", "责任")]]),
    ("1.县市场监管局督促食品生产企业落实主体责任。\n2.县农技推广指导站负责推广农业新技术。",
     [[("县市场监管局", "责任")], [("县农技推广指导站", "责任")]]),
]


@pytest.mark.parametrize("body, units", OPENING_SUBJECT)
def test_an_item_opening_with_the_unit_that_acts_names_it(tmp_path, body, units):
    got = tasks_of(tmp_path, "一、工作任务\n" + body)
    assert [u for _, u in got] == units
    assert all(text[:2] in body for text, _ in got)  # the text keeps its first words as printed


TOGETHER = [
    "1.县住建局会同县财政局制定老旧小区改造实施方案。\n2.县人社局会同县教育局、县团委做好高校毕业生就业工作。",
    "1.县住建局负责会同县财政局制定老旧小区改造实施方案。\n2.由县人社局会同县教育局、县团委做好高校毕业生就业工作。",
    "1.县住建局会同县财政局等部门制定老旧小区改造实施方案。\n2.县人社局会同县教育局和县团委共同做好就业工作。",
]


@pytest.mark.parametrize("body", TOGETHER)
def test_the_unit_that_works_with_others_leads_them(tmp_path, body):
    assert units_of(tmp_path, "一、工作任务\n" + body) == [
        [("县住建局", "牵头"), ("县财政局", "配合")],
        [("县人社局", "牵头"), ("县教育局", "配合"), ("县团委", "配合")]]


@pytest.mark.parametrize("rest, role", [("各乡镇配合落实", "配合"), ("县财政局协助", "配合"), ("各乡镇参与", "配合")])
def test_the_role_clauses_after_the_opening_subject_are_its_attribution(tmp_path, rest, role):
    body = f"一、工作任务\n1.县人社局牵头制定就业帮扶政策,{rest}。\n2.县商务局牵头举办消费促进活动。"
    got = units_of(tmp_path, body)
    assert got[0][0] == ("县人社局", "牵头") and got[0][1][1] == role
    assert got[1] == [("县商务局", "牵头")]


@pytest.mark.parametrize("text", [
    "区政府督查室负责定期督查,督查结果在全区通报。",  # the notice's own machinery for following its tasks up
    "县政府督查室负责跟踪督办,每季度通报一次。",
    "县统计局负责汇总各单位进展情况。",
    "县住建局牵头的任务",  # a heading's share
    "县发改局负责(3项)",
    "各牵头单位要按照分解表的要求,做好细化实施方案。",  # 牵头 names the units the notice addresses
    "各部门要负责本系统的安全生产工作。",  # the notice asks every unit, it assigns nothing
    "各乡镇应督促村级组织落实整改。",
])
def test_following_the_notice_up_or_naming_a_share_opens_no_task(text):
    assert head_clauses(text) is None


def test_a_plan_whose_items_open_with_the_unit_that_acts_is_read_not_refused(tmp_path):
    body = ("(二)工作安排\n1、由县委宣传部牵头,县统计局及各乡镇配合,在全县组织一次创卫知识小测试。\n"
            "2、县委宣传部负责媒体宣传的组织协调和领导工作,加大对外宣传力度。\n"
            "3、县住建局负责在市容环境卫生方面加强管理,根据有关规定制定罚则。")
    assert units_of(tmp_path, body) == [
        [("县委宣传部", "牵头"), ("县统计局", "配合"), ("各乡镇", "配合")],
        [("县委宣传部", "责任")], [("县住建局", "责任")]]


def test_a_requirement_paragraph_dividing_the_work_stays_no_task(tmp_path):
    body = ("一、加强统筹协调。各参建乡镇和部门要加强统筹协调,加快项目实施进度。\n"
            "二、明确工作责任。甲镇、乙乡负责做好项目规划等工作;县发改局负责做好项目的立项审批。\n"
            "三、严肃追责问责。对项目推进工作不力的,县纪委监委将严肃追责问责。")
    with pytest.raises(SitegenError):
        tasks_of(tmp_path, body)


# -- the last clause of the item: units and a role word -----------------------------------------------------------

@pytest.mark.parametrize("clause, units", [
    ("各乡镇按职责抓好落实", [("各乡镇", "责任")]),
    ("县住建局、县城管局按职能落实", [("县住建局", "责任"), ("县城管局", "责任")]),
    ("县卫健局负责", [("县卫健局", "责任")]),
])
def test_a_last_clause_of_units_and_a_role_names_them(tmp_path, clause, units):
    body = f"一、重点任务\n1.推进农村厕所改造,{clause}。\n2.建设城乡供水一体化工程。(县水利局负责)"
    assert units_of(tmp_path, body) == [units, [("县水利局", "责任")]]


@pytest.mark.parametrize("clause", ["确保各项工作落实", "形成齐抓共管合力", "市县联动落实"])
def test_a_last_clause_naming_no_unit_names_nobody(tmp_path, clause):
    body = f"一、重点任务\n1.推进农村厕所改造,{clause}。(县农业农村局负责)\n2.建设城乡供水一体化工程。(县水利局负责)"
    assert units_of(tmp_path, body) == [[("县农业农村局", "责任")], [("县水利局", "责任")]]


# -- 承办: the unit that undertakes the work -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, units", [
    ("县卫健局承办,各乡镇参与", [("县卫健局", "牵头"), ("各乡镇", "配合")]),
    ("由县教育局承办", [("县教育局", "责任")]),
    ("县文旅局、县体育中心承办", [("县文旅局", "责任"), ("县体育中心", "责任")]),
])
def test_the_unit_that_undertakes_the_work_is_in_charge(tmp_path, sentence, units):
    body = f"一、重点任务\n1.举办全民健身运动会。{sentence}。\n2.推进公办幼儿园建设。(县教育局负责)"
    assert units_of(tmp_path, body) == [units, [("县教育局", "责任")]]


# -- a role label closed by a semicolon (扶余: (责任单位;住建局、畜牧局、各乡镇场)) ------------------------------------

@pytest.mark.parametrize("bracket, units", [
    ("(责任单位;县住建局、县畜牧局、各乡镇)", [("县住建局", "责任"), ("县畜牧局", "责任"), ("各乡镇", "责任")]),
    ("(牵头单位;县住建局;配合单位:各乡镇)", [("县住建局", "牵头"), ("各乡镇", "配合")]),
    ("〔责任单位;县住建局〕", [("县住建局", "责任")]),
])
def test_a_role_label_closed_by_a_semicolon_is_a_label(tmp_path, bracket, units):
    body = f"一、重点督办事项\n1.推进农村危房改造。{bracket}\n2.推进村村通工程。(责任单位:县交通局)"
    assert units_of(tmp_path, body) == [units, [("县交通局", "责任")]]


# -- a unit heading with the units that co-operate on every task under it -----------------------------------------

@pytest.mark.parametrize("partner", ["(配合单位:{p})", "({p}配合)", "(协办单位:{p})"])
def test_a_unit_heading_with_its_partners_gives_every_task_both(tmp_path, partner):
    first, second = partner.format(p="县财政局"), partner.format(p="县人社局")
    body = (f"一、县发改局{first}\n1.推进重大项目建设。\n2.做好粮食安全保障工作。\n"
            f"二、县教育局{second}\n3.新建中小学校5所。")
    got = tasks_of(tmp_path, body)
    assert [text[:4] for text, _ in got] == ["推进重大", "做好粮食", "新建中小"]
    role = "协办" if "协办" in partner else "配合"
    assert [units for _, units in got] == [[("县发改局", "牵头"), ("县财政局", role)]] * 2 \
        + [[("县教育局", "牵头"), ("县人社局", role)]]
