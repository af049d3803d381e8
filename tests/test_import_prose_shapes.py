"""Prose shapes of issue 17 item 2 met in real excerpts: lists joined by 和/及, level prefixes, roles named
in other words, unnumbered tasks with the attribution on the next line, excerpts that start or end inside a
task, lines broken inside a bracket or a name, catalogue fields printed as lists or | cells. Each input is
a small notice written here."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.attribution import cut_attribution
from sitegen.importer.content import iter_tasks
from sitegen.importer.units import parse_group

HEAD = ("某某县人民政府办公室关于印发2021年重点工作分工的通知\n各乡镇人民政府,县政府各部门:\n现将分工印发给你们。\n"
        "某某县人民政府办公室\n2021年3月1日\n")


def tasks_of(tmp_path, body, head=HEAD):
    result = import_text(head + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return result, [(t.get("number"), (t.get("title") or "") + t["text"], [(u["name"], u.get("role")) for u in t.get("units", [])])
                    for t in iter_tasks(result.data)]


def names(group):
    return [u.name for u in parse_group(group)]


def test_a_list_joined_by_and_before_a_collective_or_a_named_place(tmp_path):
    _, tasks = tasks_of(tmp_path, "一、能源\n(一)建设能源基地。(自治区能源局牵头,自治区发展改革委、水利厅和内蒙古电力公司及相关盟市配合)")
    assert tasks[0][2] == [("自治区能源局", "牵头"), ("自治区发展改革委", "配合"), ("自治区水利厅", "配合"),
                           ("内蒙古电力公司", "配合"), ("相关盟市", "配合")]


def test_a_level_prefix_of_several_characters_is_shared_by_the_list():
    assert names("自治区发展改革委、经济和信息化委、农牧厅") == ["自治区发展改革委", "自治区经济和信息化委", "自治区农牧厅"]
    assert names("自治州教育局、财政局") == ["自治州教育局", "自治州财政局"]


@pytest.mark.parametrize("group, expected", [
    ("省发展改革委、财政厅、住房城乡建设厅", ["省发展改革委", "省财政厅", "省住房城乡建设厅"]),
    ("区投资促进局、生态环境局某某分局、区住房和城乡建设局", ["区投资促进局", "生态环境局某某分局", "区住房和城乡建设局"]),
    ("市发改委、住房和城市建设局", ["市发改委", "市住房和城市建设局"]),
])
def test_town_and_country_words_are_not_a_place_that_stops_the_prefix(group, expected):
    assert names(group) == expected


@pytest.mark.parametrize("attribution, units", [
    ("(县商务局为牵头单位,县财政局为配合单位)", [("县商务局", "牵头"), ("县财政局", "配合")]),
    ("(县农业农村局负责牵头,各乡镇协助)", [("县农业农村局", "牵头"), ("各乡镇", "配合")]),
    ("(由县文旅局负责,县交通局、县财政局配合)", [("县文旅局", "牵头"), ("县交通局", "配合"), ("县财政局", "配合")]),
    ("(县文旅局、县交通局负责)", [("县文旅局", "责任"), ("县交通局", "责任")]),  # nobody supports: nobody leads
    ("(县应急局负责,县住建局按职责分工负责)", [("县应急局", "责任"), ("县住建局", "责任")]),
])
def test_roles_named_in_other_words(tmp_path, attribution, units):
    _, tasks = tasks_of(tmp_path, f"一、稳定增长\n1.推进重大项目建设。{attribution}")
    assert tasks[0][2] == units


def test_unnumbered_tasks_with_the_attribution_on_the_next_line(tmp_path):
    result, tasks = tasks_of(tmp_path, "一、稳定经济增长\n坚持调优调强,推进产业高端化发展。\n推进重大项目建设,全年完成投资50亿元。\n"
                                       "(县发改局牵头,县财政局配合)\n加快园区基础设施建设,新建厂房10万平方米。\n(县工信局负责)")
    assert tasks == [(None, "推进重大项目建设,全年完成投资50亿元。", [("县发改局", "牵头"), ("县财政局", "配合")]),
                     (None, "加快园区基础设施建设,新建厂房10万平方米。", [("县工信局", "责任")])]
    assert result.data["attachments"][0]["sections"][0]["text"].strip() == "坚持调优调强,推进产业高端化发展。"


@pytest.mark.parametrize("start", ["目建设,全年完成投资50亿元。(县发改局牵头,县财政局配合)",
                                   "目建设,全年完成投资50亿元。\n(县发改局牵头,县财政局配合)"])
def test_an_excerpt_that_starts_inside_a_task(tmp_path, start):
    _, tasks = tasks_of(tmp_path, start + "\n2.加快园区建设。(县工信局)\n3.做好招商引资。(县商务局)", head="")
    assert tasks == [(None, "目建设,全年完成投资50亿元。", [("县发改局", "牵头"), ("县财政局", "配合")]),
                     ("2", "加快园区建设。", [("县工信局", "责任")]), ("3", "做好招商引资。", [("县商务局", "责任")])]


@pytest.mark.parametrize("end, units", [
    ("(县工信局牵头,县财政局、县自", [("县工信局", "牵头"), ("县财政局", "责任")]),
    ("(牵头单位:县工信局;责任单位:县财", [("县工信局", "牵头")]),
])
def test_an_excerpt_that_ends_inside_an_attribution_keeps_the_names_printed_in_full(tmp_path, end, units):
    result, tasks = tasks_of(tmp_path, f"一、稳定增长\n1.推进重大项目建设。(县发改局牵头)\n2.加快园区建设,新建厂房。{end}")
    assert tasks[1] == ("2", "加快园区建设,新建厂房。", units)
    assert "ends inside the attribution" in result.report_text


@pytest.mark.parametrize("text", ["建设一期工程(含配套", "推进改革(县发改局", "任务。(牵头单位:县", "任务(县发改局牵头,县财政局配合)"])
def test_what_is_not_a_cut_attribution(text):
    assert cut_attribution(text) is None


def test_lines_broken_inside_a_bracket_or_a_name(tmp_path):
    _, tasks = tasks_of(tmp_path, "一、稳定增长\n\n1.推进重大项目建设。(牵头单位:县发改局;责任单位:县财政局、县自然资\n\n源局、县住建局)\n\n"
                                  "2.加快园区建设。\n牵头单位:县工信局\n责任单位:县财政局、县住\n建局、县交通运输局\n3.做好招商引资。\n"
                                  "责任单位:县商务局\n")
    assert [t[2] for t in tasks] == [
        [("县发改局", "牵头"), ("县财政局", "责任"), ("县自然资源局", "责任"), ("县住建局", "责任")],
        [("县工信局", "牵头"), ("县财政局", "责任"), ("县住建局", "责任"), ("县交通运输局", "责任")],
        [("县商务局", "责任")]]


@pytest.mark.parametrize("catalogue", [
    "  • 索引号:1234/2021-00001\n  • 发布机构:某某县人民政府办公室\n  • 生成日期:2021-03-23\n",
    "标 题 | 某某县人民政府办公室关于印发2021年重点工作分工的通知 |\n发布机构 | 某某县人民政府办公室 | 有 效 性 | 有效 |\n",
])
def test_catalogue_fields_printed_as_a_list_or_as_cells(tmp_path, catalogue):
    result, tasks = tasks_of(tmp_path, "一、稳定增长\n1.推进重大项目建设。(县发改局牵头)",
                             head=catalogue + "某某县人民政府办公室关于印发2021年重点工作分工的通知\n各乡镇人民政府,县政府各部门:\n")
    assert result.data["title"] == "某某县人民政府办公室关于印发2021年重点工作分工的通知"
    assert result.data["issuer"] == "某某县人民政府办公室"
    assert tasks == [("1", "推进重大项目建设。", [("县发改局", "牵头")])]


@pytest.mark.parametrize("attribution, units", [
    ("(县发改局(牵头)、县财政局(配合))", [("县发改局", "牵头"), ("县财政局", "配合")]),
    ("(责任单位:县发改局(牵头)、县财政局)", [("县发改局", "牵头"), ("县财政局", "责任")]),
    ("(县发改局、县财政局按职责分工分别负责)", [("县发改局", "责任"), ("县财政局", "责任")]),
    ("(县发改局牵头,县直相关部门协同)", [("县发改局", "牵头"), ("县直相关部门", "配合")]),
])
def test_roles_printed_after_a_name_or_in_longer_wordings(tmp_path, attribution, units):
    _, tasks = tasks_of(tmp_path, f"一、稳定增长\n1.推进重大项目建设。{attribution}")
    assert tasks[0][2] == units


def test_label_lines_after_an_unnumbered_paragraph_under_a_heading(tmp_path):
    _, tasks = tasks_of(tmp_path, "一、稳定增长\n扩大有效投资。推进项目建设。\n牵头单位:县发改局\n配合单位:县财政局\n"
                                  "壮大园区经济。加快园区建设。\n责任单位:县工信局")
    assert tasks == [(None, "扩大有效投资。推进项目建设。", [("县发改局", "牵头"), ("县财政局", "配合")]),
                     (None, "壮大园区经济。加快园区建设。", [("县工信局", "责任")])]


def test_unnumbered_tasks_under_headings_that_name_the_lead_unit(tmp_path):
    _, tasks = tasks_of(tmp_path, "一、县发改局牵头的工作\n推进项目建设。\n做好项目储备。\n二、县人社局牵头的工作\n新增城镇就业3000人。")
    assert tasks == [(None, "推进项目建设。", [("县发改局", "牵头")]), (None, "做好项目储备。", [("县发改局", "牵头")]),
                     (None, "新增城镇就业3000人。", [("县人社局", "牵头")])]


def test_the_assignment_in_the_last_clauses_of_the_sentence(tmp_path):
    _, tasks = tasks_of(tmp_path, "一、工作分工\n(一)关于“严守耕地保护红线”的问题,由县国土局会同县农业局、县财政局等部门研究提出落实意见。\n"
                                  "(二)关于“落实米袋子责任制”的问题,由县粮食局负责。\n(三)推进重大项目建设,由县发改局牵头,县财政局配合。\n"
                                  "(四)完善补助政策,由县财政局给予每户补助。(县民政局负责)")
    assert tasks == [("一", "关于“严守耕地保护红线”的问题,", [("县国土局", "牵头"), ("县农业局", "配合"), ("县财政局", "配合")]),
                     ("二", "关于“落实米袋子责任制”的问题,", [("县粮食局", "责任")]),
                     ("三", "推进重大项目建设,", [("县发改局", "牵头"), ("县财政局", "配合")]),
                     ("四", "完善补助政策,由县财政局给予每户补助。", [("县民政局", "责任")])]
