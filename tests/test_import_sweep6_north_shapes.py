"""Shapes found by the sixth sweep (north) of issue 17 over real notices the importer had not seen
(benchmarks/import_sweep.md, "Sixth sweep (north)"). Each input is a small notice written here, in the wordings and
punctuation those notices print."""

from __future__ import annotations

import pytest
from test_import_sweep_shapes import tasks_of as sweep_tasks_of

from sitegen.importer.units import parse_group

HEAD = ("某某市人民政府办公室关于印发2020年重点任务清单的通知\n各县区人民政府,市政府有关部门:\n"
        "现将《2020年重点任务清单》印发给你们,请认真组织实施。\n某某市人民政府办公室\n2020年10月9日\n")


def tasks_of(tmp_path, body):
    return sweep_tasks_of(tmp_path, body, HEAD)


@pytest.mark.parametrize("group,names", [
    # places printed with their level before a place's body share the body
    ("海东市、兰州市、临夏州发展改革部门", ["海东市发展改革部门", "兰州市发展改革部门", "临夏州发展改革部门"]),
    ("广州市、深圳市发展改革委", ["广州市发展改革委", "深圳市发展改革委"]),
    # cities printed with their 市 before a 市人民政府 take the suffix, not a second 市
    ("银川市、石嘴山市、吴忠市人民政府", ["银川市人民政府", "石嘴山市人民政府", "吴忠市人民政府"]),
    ("銀川市、石嘴山市、吳忠市人民政府", ["銀川市人民政府", "石嘴山市人民政府", "吳忠市人民政府"]),
    # a zone's committee named after its place takes no shared prefix
    ("自治区发展改革委、自然资源厅、宁东管委会", ["自治区发展改革委", "自治区自然资源厅", "宁东管委会"]),
])
def test_places_in_a_list_share_what_follows_them(group, names):
    assert [u.name for u in parse_group(group)] == names


@pytest.mark.parametrize("group,names", [
    ("银川市、固原市", ["银川市", "固原市"]),  # places alone are units of their own
    ("哈尔滨、黑河、绥芬河市政府", ["哈尔滨市政府", "黑河市政府", "绥芬河市政府"]),
    ("市发改委、高新管委会", ["市发改委", "市高新管委会"]),  # the level's own zone
])
def test_lists_the_sharing_rules_leave_alone(group, names):
    assert [u.name for u in parse_group(group)] == names


def test_a_label_line_after_a_field_of_its_own_with_places(tmp_path):
    body = ("一、重点规划衔接融合方面\n1. 做好“十四五”规划等重大规划的有效衔接。\n"
            "工作成果:坚持规划先行,推动各领域规划的有序衔接。\n责任单位:海东市、兰州市、临夏州发展改革部门\n"
            "二、重大基础设施互联互通方面\n2. 积极配合开展兰新高铁达速改造。\n"
            "工作成果:达速改造可研获批。\n责任单位:海东市、兰州市交通运输部门")
    tasks = tasks_of(tmp_path, body)
    assert [t["number"] for t in tasks] == ["1", "2"]
    assert [[name for name, _ in t["units"]] for t in tasks] == [
        ["海东市发展改革部门", "兰州市发展改革部门", "临夏州发展改革部门"],
        ["海东市交通运输部门", "兰州市交通运输部门"]]


@pytest.mark.parametrize("simplified", [True, False])
def test_a_sentence_naming_the_units_of_the_items_before_it(tmp_path, simplified):
    body = ("一、关于目标体系设置\n(一)跨越式发展目标。主要针对今年的目标任务,包括5项。\n"
            "1.地区生产总值增长15%;\n2.第三产业增加值达到1000亿元;\n2项目标的责任单位均为市发展改革委。\n"
            "3.规模以上工业销售收入达到3000亿元;\n该目标责任单位为市经委。\n"
            "4.地方财政收入净增50亿元;\n5.社会消费品零售总额增长16%;\n"
            "该项目标责任单位为市财政局、商务局。\n"
            "(二)节能降耗目标。\n1.万元生产总值能耗下降5%;\n该项目标责任单位为市发展改革委、统计局。")
    if not simplified:
        body = body.translate(str.maketrans("关标设这发产业达规销收财零务节项该为责单统计经",
                                            "關標設這發產業達規銷收財零務節項該為責單統計經"))
    tasks = tasks_of(tmp_path, body)
    assert [t["number"] for t in tasks] == ["1", "2", "3", "4", "5", "1"]
    units = [[name for name, _ in t["units"]] for t in tasks]
    if simplified:
        assert units == [["市发展改革委"], ["市发展改革委"], ["市经委"], [], ["市财政局", "市商务局"],
                         ["市发展改革委", "市统计局"]]
    assert all(role == "责任" for t in tasks for _, role in t["units"])


def test_a_count_sentence_never_reaches_past_its_section(tmp_path):
    body = ("(一)主要目标。\n1.地区生产总值增长8%;\n该目标责任单位为市发改委。\n"
            "(二)约束性目标。\n1.化学需氧量下降4%;\n2.二氧化硫排放量下降4%;\n3项目标的责任单位均为市环保局。")
    tasks = tasks_of(tmp_path, body)
    assert [[name for name, _ in t["units"]] for t in tasks] == [["市发改委"], ["市环保局"], ["市环保局"]]


def test_an_items_paragraphs_and_sub_items_closed_by_one_attribution(tmp_path):
    body = ("一、基础设施互联互通\n(一)道路畅通工程。加快建设都市圈快速通道,推进构建道路交通运输体系。\n"
            "全面规划都市圈快速通道路网,\n?2019年建成典农河至沙湖旅游公路等项目;\n?加快建设银川东线公路等项目。\n"
            "进一步规范道路限高、限宽等交通设施,保障道路安全畅通。(自治区交通运输厅牵头,自治区发展改革委、"
            "银川市、石嘴山市人民政府配合)\n"
            "(二)城际公交工程。加快城际公交一体化进程。\n?制定都市圈城际公交开通实施方案。\n"
            "推进公共交通同城化。(自治区交通运输厅牵头,银川市人民政府配合)")
    tasks = tasks_of(tmp_path, body)
    assert [t["number"] for t in tasks] == ["一", "二"]
    assert tasks[0]["text"].startswith("道路畅通工程。加快建设")
    assert tasks[0]["units"] == [("自治区交通运输厅", "牵头"), ("自治区发展改革委", "配合"),
                                 ("银川市人民政府", "配合"), ("石嘴山市人民政府", "配合")]


def test_paragraphs_under_a_heading_stay_tasks_of_their_own(tmp_path):
    body = ("一、“互联网+”创业创新\n充分发挥互联网的创新驱动作用。(牵头单位:市科技局)\n"
            "推动众创空间发展。(牵头单位:市人社局)")
    tasks = tasks_of(tmp_path, body)
    assert [t["text"][:8] for t in tasks] == ["充分发挥互联网的", "推动众创空间发展"]
