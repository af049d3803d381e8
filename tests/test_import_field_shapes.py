"""Shapes of issue 17 met in the real development notices of part F (tests/importer_corpus/real/dev):
a unit heading that carries a count, labelled fields run onto one line, a field the importer has no role
for among a task's label lines, 责任单位 beside 配合单位, a table in space columns printed right after a
field, and the traditional forms 為 and 爲 of 为. Each input is a small notice written here."""

from __future__ import annotations

import pytest

from sitegen.core.errors import SitegenError
from sitegen.importer import import_text
from sitegen.importer.attribution import RULE
from sitegen.importer.content import iter_tasks
from sitegen.importer.variants import both

HEAD = ("某某县人民政府办公室关于印发2021年重点工作分工的通知\n各乡镇人民政府,县政府各部门:\n现将分工印发给你们。\n"
        "某某县人民政府办公室\n2021年3月1日\n")


def tasks_of(tmp_path, body, head=HEAD):
    result = import_text(head + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return [t for t in iter_tasks(result.data)]


def units(task):
    return [(u["name"], u.get("role")) for u in task.get("units", [])]


def test_a_unit_heading_that_carries_a_count_heads_the_numbered_tasks_under_it(tmp_path):
    tasks = tasks_of(tmp_path, "附件1\n2025年县政府工作报告任务清单\n一、县示范区管委会牵头工作(8项)\n"
                               "1.投资3000万元建设养殖基地。\n2.打造食用菌生产基地。\n"
                               "二、县发改局牵头工作(共2项)\n1.推进项目建设。\n")
    assert [(t["number"], units(t)) for t in tasks] == [
        ("1", [("县示范区管委会", "牵头")]), ("2", [("县示范区管委会", "牵头")]), ("1", [("县发改局", "牵头")])]


ONE_LINE = ("2014年市政府民生实事项目共有42项任务,内容涉及交通出行、养老服务、住房保障、村庄整治等方面,"
            "各责任单位高度重视,实事项目总体进展情况良好。现将实事项目1—6月份进展情况予以公示,接受社会监督。 "
            "1.轨道交通1号线一期工程投入试运营。 牵头领导:林某某 责任单位:市轨道交通工程建设指挥部 "
            "项目责任人:尹某 实际完成情况:已于2014年5月30日通车试运营。 "
            "2.新增安装300套路口交通信息视频采集设备。 牵头领导:王某某 责任单位:市公安局 项目责任人:王某 "
            "配合单位:市城管局、市财政局 实际完成情况:整体进度已完成年度目标任务的55%。 "
            "3.新辟公交线路10条。 牵头领导:王某某 责任单位:市交通委 项目责任人:劳某 "
            "配合单位:市公安局、市城管局,各区政府 鄞州 海曙 江北 镇海 合计 新辟线路年度目标 2 5 1 2 10")


def test_labelled_fields_run_onto_one_line_are_a_field_each(tmp_path):
    tasks = tasks_of(tmp_path, ONE_LINE, head="")
    assert [(t["number"], t.get("leader"), units(t)) for t in tasks] == [
        ("1", "林某某", [("市轨道交通工程建设指挥部", "责任")]),
        ("2", "王某某", [("市公安局", "牵头"), ("市城管局", "配合"), ("市财政局", "配合")]),
        ("3", "王某某", [("市交通委", "牵头"), ("市公安局", "配合"), ("市城管局", "配合"), ("各区政府", "配合")])]
    # the fields the importer has no role for stay with their task, in its notes
    assert "项目责任人:王某" in tasks[1]["notes"] and "实际完成情况" in tasks[1]["notes"]
    assert "鄞州" in tasks[2]["notes"]


def test_a_field_without_a_role_among_label_lines_is_no_task_of_its_own(tmp_path):
    tasks = tasks_of(tmp_path, "1.新建公共自行车网点100个。\n责任单位:县交通局\n项目责任人:张某\n配合单位:县城管局\n"
                               "完成情况:已建成60个。\n2.改造老旧小区5个。\n责任单位:县住建局\n")
    assert [(t["number"], units(t)) for t in tasks] == [
        ("1", [("县交通局", "牵头"), ("县城管局", "配合")]), ("2", [("县住建局", "责任")])]
    assert "项目责任人:张某" in tasks[0]["notes"]


@pytest.mark.parametrize("attribution, expected", [
    ("(责任单位:县教育局;配合单位:县财政局)", [("县教育局", "牵头"), ("县财政局", "配合")]),
    ("(责任单位:县教育局、县财政局)", [("县教育局", "责任"), ("县财政局", "责任")]),
    ("(牵头单位:县教育局;责任单位:县财政局;配合单位:各乡镇)", [("县教育局", "牵头"), ("县财政局", "责任"),
                                                    ("各乡镇", "配合")]),
])
def test_responsible_units_lead_where_co_operating_units_are_printed_beside_them(tmp_path, attribution, expected):
    tasks = tasks_of(tmp_path, "1.新建幼儿园3所。" + attribution + "\n2.改造农村公路20公里。(责任单位:县交通局)\n")
    assert units(tasks[0]) == expected


def test_a_field_followed_by_a_space_column_table_keeps_only_its_units(tmp_path):
    tasks = tasks_of(tmp_path, "1.新辟公交线路10条。\n责任单位:县交通局\n"
                               "配合单位:县公安局、各乡镇政府 城关 新城 开发区 合计 2 5 1 8\n")
    assert units(tasks[0]) == [("县交通局", "牵头"), ("县公安局", "配合"), ("各乡镇政府", "配合")]
    assert "城关 新城" in tasks[0]["notes"]


def test_both_traditional_forms_of_a_character_are_read():
    # s2t prints 为 as 爲; Taiwan and Hong Kong print 為, and so do most traditional pages
    assert set(both("为")) >= {"为", "為", "爲"}
    for clause in ("排在首位的為牽頭單位", "排在首位的爲牽頭單位", "列第一位者为牵头单位"):
        assert RULE.search(clause), clause


def test_catalogue_fields_and_the_notices_own_requirements_are_no_tasks(tmp_path):
    text = ("索引號: | 002489401/2022-266118 | 公開方式: | 主動公開 |\n"
            "文號: | 杭政辦函〔2022〕20號 | 成文日期: | 2022-04-07 |\n"
            "發布單位: | 市政府辦公廳 | 主題分類: | 綜合政務/其他 |\n"
            "各區、縣(市)人民政府,市政府各部門:\n為確保10件民生實事如期完成,現將有關要求通知如下:\n"
            "一、細化量化,壓實工作責任。各地各有關部門要細化目標任務。\n"
            "二、精心組織,加強統籌協調。牽頭單位要加強統籌謀劃;配合單位要全力支持配合牽頭單位推進項目落實。\n"
            "三、提升質效,強化督查考評。市政府民生實事工作推進領導小組辦公室要發揮好牽頭抓總和督促考核作用。\n")
    with pytest.raises(SitegenError, match="found no tasks"):
        import_text(text, tmp_path, stem="t", jurisdiction="某某市")


def test_groups_that_number_their_tasks_each_in_their_own_way_lose_no_task(tmp_path):
    tasks = tasks_of(tmp_path, "一、稳定经济增长\n1、推进重大项目建设。(县发改局负责)\n"
                               "2、加快工业转型升级。(县工信局负责)\n二、保障改善民生\n"
                               "(1)新建改扩建学校3所。(县教育局负责)\n(2)实施老旧小区改造10个。(县住建局负责)\n"
                               "三、加强生态环境保护\n①完成造林1万亩。(县林业局负责)\n"
                               "②整治黑臭水体2条。(县生态环境分局负责)\n")
    assert [(t["number"], t["text"][:6], units(t)) for t in tasks] == [
        ("1", "推进重大项目", [("县发改局", "责任")]), ("2", "加快工业转型", [("县工信局", "责任")]),
        ("1", "新建改扩建学", [("县教育局", "责任")]), ("2", "实施老旧小区", [("县住建局", "责任")]),
        ("①", "完成造林1万", [("县林业局", "责任")]), ("②", "整治黑臭水体", [("县生态环境分局", "责任")])]


def test_numbers_with_gaps_keep_every_task(tmp_path):
    tasks = tasks_of(tmp_path, "3.推进重大项目建设。(县发改局牵头,县财政局配合)\n7.加快工业转型升级。(县工信局负责)\n"
                               "12.新建改扩建学校3所。(县教育局负责)\n")
    assert [t["number"] for t in tasks] == ["3", "7", "12"]


@pytest.mark.parametrize("body", [
    "一、经济发展\n以下工作由县发改局牵头,县财政局、县统计局配合:\n1.推进重大项目建设。\n2.加快工业转型升级。\n",
    "一、经济发展\n1.推进重大项目建设。\n2.加快工业转型升级。\n以上工作由县发改局牵头,县财政局、县统计局配合。\n",
])
def test_a_lead_sentence_before_or_after_the_items_assigns_each_of_them(tmp_path, body):
    tasks = tasks_of(tmp_path, body + "二、民生保障\n1.新建改扩建学校3所。(县教育局负责)\n")
    lead = [("县发改局", "牵头"), ("县财政局", "配合"), ("县统计局", "配合")]
    assert [(t["text"], units(t)) for t in tasks] == [
        ("推进重大项目建设。", lead), ("加快工业转型升级。", lead), ("新建改扩建学校3所。", [("县教育局", "责任")])]


def test_tasks_numbered_with_circled_digits_import(tmp_path):
    tasks = tasks_of(tmp_path, "①完成造林1万亩。(县林业局负责)\n②整治黑臭水体2条。(县生态环境分局负责)\n")
    assert [(t["number"], t["id"].rsplit("-", 1)[-1]) for t in tasks] == [("①", "1"), ("②", "2")]


def test_unnumbered_paragraphs_that_end_in_labelled_fields_are_a_task_each(tmp_path):
    tasks = tasks_of(tmp_path, "一、稳定经济增长\n推进重大项目建设,全年新开工项目50个。责任单位:县发改局\n"
                               "加快工业转型升级,新增规上企业20家。牵头单位:县工信局;配合单位:县财政局\n"
                               "二、保障改善民生\n新建改扩建学校3所。责任单位:县教育局\n")
    assert [(t["text"], units(t)) for t in tasks] == [
        ("推进重大项目建设,全年新开工项目50个。", [("县发改局", "责任")]),
        ("加快工业转型升级,新增规上企业20家。", [("县工信局", "牵头"), ("县财政局", "配合")]),
        ("新建改扩建学校3所。", [("县教育局", "责任")])]


def test_page_furniture_around_the_notice_is_no_task_and_no_title(tmp_path):
    text = ("首页 > 政务公开 > 政府文件\n某某县人民政府办公室关于印发2021年重点工作分工的通知\n"
            "发布时间:2021-03-01 来源:县政府办 浏览次数: 字体:[大 中 小]\n分享到:微信 微博 QQ空间\n"
            "各乡镇人民政府,县政府各部门:\n现将分工印发给你们,请认真贯彻落实。\n"
            "一、高度重视。各单位要高度重视。\n二、加强督查。县政府督查室要加强督查。\n"
            "某某县人民政府办公室\n2021年3月1日\n"
            "推进重大项目建设,全年新开工项目50个。(县发改局牵头,县财政局配合)\n"
            "新建改扩建学校3所。(县教育局负责)\n【打印本页】【关闭窗口】\n"
            "上一篇:关于做好春耕生产的通知\n下一篇:关于印发安全生产工作要点的通知\n")
    result = import_text(text, tmp_path, stem="t", jurisdiction="某某县")
    assert result.data["title"] == "某某县人民政府办公室关于印发2021年重点工作分工的通知"
    assert [t["text"] for t in iter_tasks(result.data)] == ["推进重大项目建设,全年新开工项目50个。",
                                                        "新建改扩建学校3所。"]
