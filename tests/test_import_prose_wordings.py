"""Prose attributions in wordings the importer was not tuned on (issue 17; branch prose7): labels read by how they end
(…单位/部门/科室, …领导/责任人, …时限/期限/时间节点) and by the role word alone (主办:X), two fields whose labels name
no role (the first one leads), a label opened by 主; role clauses whose 牵头 is followed by what the units do (牵头督办)
or said as 各…其… with 要 before it; deadlines opened by 力争于 and closed by an adverb and a verb; leaders whose posts
are worded in any way, before the name or in brackets after it, in fields and in headings; a heading's bracket naming
the unit that leads. The wordings here are not those of tests/importer_prosevocab_heldout.yaml (which measures whether
these rules transfer): each shows one shape, and each test fails under the importer before these rules."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.attribution import TIME_CLAUSE, inline_attribution, parse
from sitegen.importer.content import iter_tasks
from sitegen.importer.leaders import equal_leaders, heading_leaders
from sitegen.importer.structure import heading_units

HEAD = ("某某县人民政府办公室关于印发2021年重点工作分工的通知\n各乡镇人民政府,县政府各部门:\n现将分工印发给你们。\n"
        "某某县人民政府办公室\n2021年3月1日\n附件\n")


def tasks_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return [((t.get("title") or "") + t["text"], [(u["name"], u.get("role")) for u in t.get("units", [])],
             t.get("leader"), t.get("deadline")) for t in iter_tasks(result.data)]


def roles(raw):
    return [(u.name, u.role) for u in parse(raw).units]


def test_a_label_is_read_by_its_ending_and_its_field_by_what_the_ending_says(tmp_path):
    tasks = tasks_of(tmp_path, "1.推进重大项目建设。(承建单位:县住建局;包联领导:王建国;办结期限:10月底前)\n"
                               "2.扩大有效投资。(承建单位:县财政局)")
    assert tasks[0][1:] == ([("县住建局", "责任")], "王建国", "10月底前")
    assert tasks[1][1] == [("县财政局", "责任")]


def test_of_two_unit_fields_whose_labels_name_no_role_the_first_leads():
    assert roles("(承建单位:县住建局;协作单位:县财政局、县自然资源局)") == [
        ("县住建局", "牵头"), ("县财政局", "责任"), ("县自然资源局", "责任")]
    assert roles("(责任单位:县财政局;配合单位:县发改局)") == [("县财政局", "责任"), ("县发改局", "配合")]


def test_a_role_word_alone_is_a_label_and_a_label_opened_by_zhu_names_the_unit_that_leads():
    assert roles("(主办:县文旅局;协同:县财政局)") == [("县文旅局", "主办"), ("县财政局", "配合")]
    assert roles("(主管部门:县水利局)") == [("县水利局", "牵头")]
    assert roles("(建设单位:县水利局)") == [("县水利局", "责任")]  # (业主, 建设: no 主 opening the label)


def test_a_unit_printed_right_before_a_new_label_keeps_its_last_character(tmp_path):
    tasks = tasks_of(tmp_path, "1.抓好粮食生产。责任单位:省农业厅 包联领导:王建国\n2.推进果业转型。责任单位:省林业厅")
    assert tasks[0][1:3] == ([("省农业厅", "责任")], "王建国")


@pytest.mark.parametrize("clause, units", [
    ("县商务局牵头督办,县财政局配合", [("县商务局", "牵头"), ("县财政局", "配合")]),
    ("县发改局、县财政局各尽其责", [("县发改局", "责任"), ("县财政局", "责任")]),
    ("县发改局、县财政局要各司其职", [("县发改局", "责任"), ("县财政局", "责任")]),
])
def test_a_role_clause_is_read_by_its_verb(clause, units):
    assert inline_attribution(f"推进重大项目建设。{clause}。") is not None
    assert roles(f"({clause})") == units


def test_a_sentence_of_the_notice_ending_in_a_wider_role_word_stays_its_text():
    assert inline_attribution("市政府将定期对落实情况进行督促检查。") is None


@pytest.mark.parametrize("clause", ["力争于10月底前基本建成", "到2023年底前", "确保在6月底前全部完工"])
def test_a_time_clause_may_open_with_by_and_close_with_an_adverb_and_a_verb(clause):
    assert TIME_CLAUSE.match(clause)
    assert parse(f"(县住建局负责,{clause})").deadline == clause


@pytest.mark.parametrize("printed, name, post", [
    ("王建国(县委常委、宣传部长)", "王建国", "县委常委、宣传部长"),
    ("县政协副主席李明", "李明", "县政协副主席"),
    ("宣传部长王建国", "王建国", "宣传部长"),
])
def test_a_leader_is_told_from_posts_worded_in_any_way(printed, name, post):
    assert equal_leaders(printed, "领导") == (name, [(name, post)])


def test_a_heading_names_its_leader_after_posts_worded_in_any_way():
    assert heading_leaders("县委常委、宣传部长王建国牵头的重点工作")[0] == "王建国"
    assert heading_leaders("王建国同志(县委常委、宣传部长)负责的工作")[0] == "王建国"


def test_a_headings_last_bracket_naming_the_unit_that_leads_heads_its_tasks(tmp_path):
    tasks = tasks_of(tmp_path, "一、深化教育改革(县教育局牵头)\n1.推进集团化办学。(县财政局配合)\n"
                               "2.改善办学条件。(县住建局配合)\n二、稳定经济增长(县发改局牵头)\n1.扩大有效投资。(县财政局配合)")
    assert [t[1] for t in tasks] == [[("县教育局", "牵头"), ("县财政局", "配合")],
                                     [("县教育局", "牵头"), ("县住建局", "配合")],
                                     [("县发改局", "牵头"), ("县财政局", "配合")]]


def test_a_bracket_per_field_may_hold_a_leaders_posts_in_a_bracket_of_its_own():
    raw = "(承建单位:县水利局)(联系领导:王建国(副县长))(办结期限:年底前)"
    assert roles(raw) == [("县水利局", "责任")]
    assert parse(raw).leaders == ["王建国(副县长)"] and parse(raw).deadline == "年底前"


def test_an_item_whose_sentence_ends_in_a_bracket_naming_only_lead_units_is_no_heading():
    assert [u.name for u in heading_units("深化教育改革(县教育局牵头)")] == ["县教育局"]
    assert heading_units("地区生产总值增长8%。(县发改局、县统计局牵头负责)") == []


@pytest.mark.parametrize("label", ["截止日期", "截止时间", "完成截止时间"])
def test_a_cut_off_date_label_is_a_deadline_field(tmp_path, label):
    # 截止 (cut off) says when; 日期 alone ends catalogue fields too (成文日期), so only 截止 tells it
    got = tasks_of(tmp_path, f"1.新建高标准农田5万亩。\n牵头单位:县农业农村局\n{label}:2024年10月底")
    assert got[0][1:] == ([("县农业农村局", "牵头")], None, "2024年10月底")


@pytest.mark.parametrize("raw", ["(汇总单位:县发改局、县统计局)", "(汇总单位:县发改局、县统计局;时间安排:年底前)",
                                 "(彙總單位:縣發改局、縣統計局)"])
def test_the_unit_that_gathers_the_others_work_leads(raw):
    # 牵头单位或汇总单位, 由X牵头汇总: the 汇总 unit is the lead, alone or before other fields
    assert [role for _, role in roles(raw)] == ["牵头", "牵头"]
    assert roles("(汇总单位:县发改局;包抓单位:县财政局)") == [("县发改局", "牵头"), ("县财政局", "责任")]


@pytest.mark.parametrize("ending", ["抓好落实", "确保按期完成", "确保取得实效", "形成合力"])
def test_roles_said_in_a_sentence_then_a_word_urging_them_on_are_the_attribution(tmp_path, ending):
    # the notice's own words on sharing the work open with a role too, but go on to say more than roles
    got = tasks_of(tmp_path, f"1.新建高标准农田5万亩。县农业农村局牵头,县财政局配合,{ending}。\n"
                             f"2.推进集团化办学。县教育局负责,{ending}。")
    assert [t[1] for t in got] == [[("县农业农村局", "牵头"), ("县财政局", "配合")], [("县教育局", "责任")]]


@pytest.mark.parametrize("manner", ["认真", "切实", "全力", "扎实"])
def test_a_manner_word_before_the_urging_verb_is_no_unit(tmp_path, manner):
    got = tasks_of(tmp_path, f"1.新建高标准农田5万亩。由县农业农村局牵头,县财政局配合,{manner}抓好落实。")
    assert got[0][1] == [("县农业农村局", "牵头"), ("县财政局", "配合")]


@pytest.mark.parametrize("raw,leaders,deadline", [
    ("(县发改局牵头,县财政局、县住建局配合;责任领导:张三)", ["张三"], None),
    ("(县发改局牵头,县财政局、县住建局配合;完成时限:2024年底)", [], "2024年底"),
])
def test_roles_said_then_fields_after_a_semicolon(raw, leaders, deadline):
    got = parse(raw)
    assert roles(raw) == [("县发改局", "牵头"), ("县财政局", "配合"), ("县住建局", "配合")]
    assert got.leaders == leaders and got.deadline == deadline


def test_a_lasting_task_said_at_the_end_of_its_roles_is_its_deadline(tmp_path):
    got = tasks_of(tmp_path, "1.新建高标准农田5万亩。(县农业农村局牵头,各乡镇配合,长期坚持)")
    assert got[0][1:] == ([("县农业农村局", "牵头"), ("各乡镇", "配合")], None, "长期坚持")
