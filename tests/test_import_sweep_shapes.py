"""Shapes found by the sweep of issue 17 over real notices the importer had not seen (benchmarks/import_sweep.md).
Each input is a small notice written here, in the wordings and punctuation those notices print."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某市人民政府关于进一步做好就业创业工作的意见\n各县(市、区)人民政府,市政府各部门:\n"
        "现提出以下意见,请认真贯彻落实。\n某某市人民政府\n2015年8月6日\n")


def tasks_of(tmp_path, body, head=HEAD):
    result = import_text(head + body + "\n", tmp_path, stem="t", jurisdiction="某某市")
    return [{"number": t.get("number"), "text": (t.get("title") or "") + t["text"],
             "units": [(u["name"], u.get("role")) for u in t.get("units", [])]} for t in iter_tasks(result.data)]


@pytest.mark.parametrize("verb", ["参加", "參加"])
def test_units_that_take_part_cooperate(tmp_path, verb):
    body = (f"一、深入实施就业优先战略\n1.坚持就业优先发展战略。完善经济发展与扩大就业联动机制。(市发展改革委、"
            f"市人力资源社会保障局牵头,市财政局、国家统计局某某调查队{verb})\n"
            f"2.发挥小微企业就业主渠道作用。落实税收优惠政策。(市财政局牵头,市税务局{verb})")
    tasks = tasks_of(tmp_path, body)
    assert [t["units"] for t in tasks] == [
        [("市发展改革委", "牵头"), ("市人力资源社会保障局", "牵头"), ("市财政局", "配合"), ("国家统计局某某调查队", "配合")],
        [("市财政局", "牵头"), ("市税务局", "配合")]]


def test_a_label_for_units_that_take_part(tmp_path):
    body = "一、重点任务\n1.建立就业监测制度。(牵头单位:市人力资源社会保障局;参加单位:市统计局、市税务局)"
    assert tasks_of(tmp_path, body)[0]["units"] == [
        ("市人力资源社会保障局", "牵头"), ("市统计局", "配合"), ("市税务局", "配合")]


@pytest.mark.parametrize("line", [
    "(一)地区生产总值增长11%左右。(市发改委负责)(二)一般公共预算收入增长8%。(市财政局主办,市税务局协办)",
    "(一)地区生产总值增长11%左右。(市发改委负责) (二)一般公共预算收入增长8%。(市财政局主办,市税务局协办)",
    "一、地区生产总值增长11%左右。(市发改委负责)二、一般公共预算收入增长8%。(市财政局主办,市税务局协办)",
])
def test_items_run_on_after_an_attribution(tmp_path, line):
    tasks = tasks_of(tmp_path, "一、主要目标\n" + line if line.startswith("(") else "主要目标\n" + line)
    assert [t["text"][:9] for t in tasks] == ["地区生产总值增长1", "一般公共预算收入增"]
    assert [t["units"] for t in tasks] == [[("市发改委", "责任")], [("市财政局", "主办"), ("市税务局", "协办")]]


def test_numbered_items_run_on_after_an_attribution(tmp_path):
    body = ("一、推进产业项目建设\n1.抓好600个重点产业项目。(市发改委主办,市工信委协办)2.重点抓好一批技术领先的项目,"
            "促进尽快落地。(市工信委主办,市发改委协办)")
    tasks = tasks_of(tmp_path, body)
    assert [t["number"] for t in tasks] == ["1", "2"]
    assert tasks[1]["units"] == [("市工信委", "主办"), ("市发改委", "协办")]


@pytest.mark.parametrize("text", [
    "1.完善预案体系(一)(二)类事件分别制定。(市应急局负责)",
    "1.编制专项规划(见附件1)2.项目清单另行印发。(市发改委负责)",
])
def test_brackets_that_say_nothing_of_units_keep_their_line(tmp_path, text):
    tasks = tasks_of(tmp_path, "一、重点任务\n" + text)
    assert len(tasks) == 1


PROGRESS_TABLE = """2022年度民生实事项目进度表

序号

项目内容

当前进度

牵头单位

备注

1

新建公办幼儿园5所,新增学位1000个。

80%(实验幼儿园进度滞后)

县教育局

市民生实事

2

建设四好农村路55公里。

95%

县交通局

县民生实事

3

完成农村公路大中修70公里。

90%

县交通局

县民生实事
"""


def test_a_progress_column_before_the_units_and_notes_after_them(tmp_path):
    result = import_text(PROGRESS_TABLE, tmp_path, stem="t", jurisdiction="某某县")
    tasks = list(iter_tasks(result.data))
    assert [t["text"] for t in tasks] == ["新建公办幼儿园5所,新增学位1000个。", "建设四好农村路55公里。",
                                          "完成农村公路大中修70公里。"]
    assert [[u["name"] for u in t["units"]] for t in tasks] == [["县教育局"], ["县交通局"], ["县交通局"]]
    # 县民生实事 is the 备注 cell of each row, not a group row between rows; 95% is no part of a unit's name
    assert [t["notes"] for t in tasks] == ["80%(实验幼儿园进度滞后)\n市民生实事", "95%\n县民生实事", "90%\n县民生实事"]
    assert not any(att.get("sections") for att in result.data["attachments"])


def test_and_after_a_collective_of_member_units(tmp_path):
    body = ("一、加快推进重大项目建设\n(一)全力推进生态经济区建设。责任单位:省发改委牵头,生态经济区建设领导小组成员单位及"
            "省地震局配合。")
    assert tasks_of(tmp_path, body)[0]["units"] == [
        ("省发改委", "牵头"), ("生态经济区建设领导小组成员单位", "配合"), ("省地震局", "配合")]


SUB_ITEMS = """(一)“一案三制”建设
1.完善应急预案体系
(1)加强应急预案管理,规范应急预案编制、审批、发布工作。
(2)推进政府及其部门应急预案“精编化”,及时修订完善现有应急预案。
(3)加强应急预案演练,完善演练管理制度。
(责任单位:市直各有关单位、各县(市、区)人民政府)
2.健全应急管理体制和运行机制
(1)深入推进三级政府应急管理办事机构建设。
(2)加强专项预案牵头部门的应急机构建设。
(责任单位:市应急局、各县(市、区)人民政府)
"""


def test_an_attribution_after_sub_items_is_the_short_item_s_above_them(tmp_path):
    tasks = tasks_of(tmp_path, SUB_ITEMS)
    assert [(t["number"], t["text"][:8]) for t in tasks] == [("1", "完善应急预案体系"), ("2", "健全应急管理体制")]
    assert [[u for u, _ in t["units"]] for t in tasks] == [
        ["市直各有关单位", "各县(市、区)人民政府"], ["市应急局", "各县(市、区)人民政府"]]
    assert "(3)加强应急预案演练" in tasks[0]["text"]


def test_sub_items_with_attributions_of_their_own_stay_tasks(tmp_path):
    body = ("一、重点任务\n1.完善应急预案体系\n(1)加强应急预案管理。(市应急局负责)\n(2)推进应急预案精编化。\n"
            "(市应急局、市司法局负责)")
    assert [t["number"] for t in tasks_of(tmp_path, body)] == ["1", "2"]


SPACED_AFTER_PARAGRAPH = ("某某市人民政府办公室关于分解落实2018年政府工作任务的通知 各镇人民政府,市各委办局: 根据市人大会议确定的"
                          "目标任务,市政府将2018年政府工作分解为11项工作目标,现下达给你们,请认真组织实施. 附件:某某市2018年"
                          "政府工作任务分解表 某某市人民政府办公室 2018年2月24日 某某市2018年政府工作任务分解表 "
                          "序号 名称 工作任务 牵头责任单位\n\n一、经济社会发展主要预期目标分解(11项)\n\n"
                          "1 地区生产总值增长7%以上,服务业增加值占GDP比重47.1%. 发改委\n\n"
                          "2 一般公共预算收入增长8%以上. 财政局\n\n"
                          "3 全社会固定资产投资额550亿元,其中:工业技改投资增长10%. 发改委、经信委、科技局\n")


def test_a_spaced_table_whose_header_ends_the_paragraph_above(tmp_path):
    """序号 名称 工作任务 牵头责任单位 at the end of a run-on paragraph, the 名称 cells left empty: the unit after
    the task's text stands in the unit column, not in the second text column."""
    result = import_text(SPACED_AFTER_PARAGRAPH, tmp_path, stem="t", jurisdiction="某某市")
    tasks = list(iter_tasks(result.data))
    assert [t["text"][:8] for t in tasks] == ["地区生产总值增长", "一般公共预算收入", "全社会固定资产投"]
    assert [[u["name"] for u in t["units"]] for t in tasks] == [["发改委"], ["财政局"], ["发改委", "经信委", "科技局"]]
