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
