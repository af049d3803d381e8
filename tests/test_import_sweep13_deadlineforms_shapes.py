"""Deadline and leader forms found by the thirteenth sweep's study (branch deadlineforms; benchmarks/import_sweep.md,
"Thirteenth sweep: deadlineforms", and the catalogue benchmarks/forms_deadlineforms.py): the ways real notices print
when a task is due and who leads it, read by their parts. Each input is a small notice written here, each cause in
three wordings or more."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import children

HEAD = ("某某县人民政府办公室关于印发2024年重点工作任务分解方案的通知\n各乡镇人民政府,县政府各部门:\n"
        "现将《2024年重点工作任务分解方案》印发给你们,请认真贯彻落实。\n某某县人民政府办公室\n2024年2月1日\n")
TASKS = (("建成县人民医院新院区", "县卫健局"), ("实施城北污水处理厂提标改造工程", "县住建局"),
         ("新增城镇就业3000人以上", "县人社局"))


def tasks_of(tmp_path, body):
    """(number, leader, unit names, deadline) of every task, a task without a leader of its own taking its
    section's."""
    data = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县").data

    def walk(container, leader):
        for kind, child in children(container):
            if kind == "task":
                yield (child.get("number"), child.get("leader") or leader,
                       [u["name"] for u in child.get("units", [])], child.get("deadline"))
            else:
                yield from walk(child, child.get("leader") or leader)
    return [task for att in data.get("attachments") or [] for task in walk(att, att.get("leader"))]


def prose(line):
    """Three numbered tasks, each printed with `line` ({t} its text, {u} its unit, {a} its leader)."""
    people = ("王某某", "李某", "张某某")
    return "一、重点工作\n" + "\n".join(f"{i}." + line.format(t=t, u=u, a=people[i - 1])
                                    for i, (t, u) in enumerate(TASKS, 1))


def table(header, value):
    """A table printed a cell a line, its last column `header`, each row's cell there `value`."""
    rows = "\n".join(f"{i}\n{t}\n{u}\n{value}" for i, (t, u) in enumerate(TASKS, 1))
    return f"序号\n工作任务\n牵头单位\n{header}\n{rows}"


def deadlines(tasks):
    return [deadline for *_, deadline in tasks]


# a time label read by its parts: what is timed (完成, 计划完成, 办结), the word for the time (时间, 时限, 节点,
# 日期) and how it is set (要求, 安排); 时间 alone; the schedule said as progress (进度安排, 序时进度). These labels
# were read as units (计划 of 计划完成时间) or not at all
@pytest.mark.parametrize("label", ["计划完成时间", "完成节点", "完成时间要求", "完成日期", "时间", "进度安排",
                                   "序时进度"])
@pytest.mark.parametrize("place", ["{t}。(牵头单位:{u};{label}:2024年6月底前)",
                                   "{t}。\n牵头单位:{u}\n{label}:2024年6月底前",
                                   "{t}。(牵头单位:{u})({label}:2024年6月底前)"])
def test_a_time_label_is_read_by_its_parts(tmp_path, label, place):
    tasks = tasks_of(tmp_path, prose(place.replace("{label}", label)))
    assert [(n, units, d) for n, _, units, d in tasks] == [(str(i), [u], "2024年6月底前")
                                                          for i, (_, u) in enumerate(TASKS, 1)]


# a table's date cell says how often or how long the work goes on, or spans years (每季度, 常态化, 立行立改,
# 2023—2025年): the readers of cells a line took such a cell for no date (the deadline was lost)
@pytest.mark.parametrize("value", ["每季度", "每年12月底前", "常态化", "常态化推进", "立行立改", "2023—2025年",
                                   "2024-2025年", "第三季度"])
def test_a_date_cell_of_periods_and_ranges(tmp_path, value):
    assert deadlines(tasks_of(tmp_path, table("完成时限", value))) == [value] * 3


# 每 opens a task's sentence too: a cell that goes on after the period is a text, not a date
@pytest.mark.parametrize("text", ["每年开展一次安全生产大检查", "每季度召开一次联席会议研究解决",
                                  "常态化开展扫黑除恶专项斗争"])
def test_a_text_opening_with_a_period_is_no_date(tmp_path, text):
    body = (f"序号\n工作任务\n牵头单位\n完成时限\n1\n{text}\n县应急局\n年底前\n"
            "2\n建成县人民医院新院区\n县卫健局\n6月底前")
    tasks = tasks_of(tmp_path, body)
    assert [(units, d) for _, _, units, d in tasks] == [(["县应急局"], "年底前"), (["县卫健局"], "6月底前")]


# a date cell the page's width broke before its end (2024年6月 / 底前): the end was lost
@pytest.mark.parametrize("first, rest", [("2024年6月", "底前"), ("2024年9月", "中旬"), ("2024年", "底前"),
                                         ("10月", "上旬前")])
def test_a_date_cell_broken_over_lines_is_joined(tmp_path, first, rest):
    assert deadlines(tasks_of(tmp_path, table("完成时限", f"{first}\n{rest}"))) == [first + rest] * 3


# a field printed after the unit bracket, outside it: the task was refused
@pytest.mark.parametrize("after, leader, deadline", [
    ("责任领导:{a}", True, None), ("完成时限:2024年底前。", False, "2024年底前"), (";责任领导:{a}。", True, None),
    (" 责任人:{a}", True, None)])
def test_a_field_after_the_unit_bracket_belongs_to_it(tmp_path, after, leader, deadline):
    tasks = tasks_of(tmp_path, prose("{t}。(牵头单位:{u})" + after))
    people = ["王某某", "李某", "张某某"] if leader else [None] * 3
    assert tasks == [(str(i), people[i - 1], [u], deadline) for i, (_, u) in enumerate(TASKS, 1)]


# the leader in charge said as a clause, in a bracket of its own or before the labelled fields (张三同志负责,
# 副县长张三负责, 张三同志牵头负责): the leader was lost, or the notice refused
@pytest.mark.parametrize("form", ["{t}。({a}同志负责)(责任单位:{u})", "{t}。(副县长{a}负责)(责任单位:{u})",
                                  "{t}。({a}同志负责;责任单位:{u})", "{t}。({a}同志牵头负责;牵头单位:{u})",
                                  "{t}。(副县长{a}牵头负责,责任单位:{u})"])
def test_a_leader_clause_before_the_fields(tmp_path, form):
    assert [(leader, units) for _, leader, units, _ in tasks_of(tmp_path, prose(form))] == [
        ("王某某", ["县卫健局"]), ("李某", ["县住建局"]), ("张某某", ["县人社局"])]


# a person's bare name in charge, in an attribution whose other clauses name units with their roles
@pytest.mark.parametrize("form", ["{t}。({a}负责,{u}牵头,县财政局配合)", "{t}。({u}牵头,县财政局配合,{a}负责)",
                                  "{t}。({a}牵头,{u}、县财政局负责)"])
def test_a_bare_name_in_charge_among_units_is_the_leader(tmp_path, form):
    tasks = tasks_of(tmp_path, prose(form))
    assert [(leader, units[:1]) for _, leader, units, _ in tasks] == [
        ("王某某", ["县卫健局"]), ("李某", ["县住建局"]), ("张某某", ["县人社局"])]
    assert all("县财政局" in units for _, _, units, _ in tasks)


# a unit's short name that could be read as a person's (文明办: 文 is a surname) stays a unit
@pytest.mark.parametrize("short", ["文明办", "金融办", "史志办"])
def test_a_short_unit_in_charge_is_no_person(tmp_path, short):
    tasks = tasks_of(tmp_path, prose("{t}。(县" + short + "负责,{u}配合)"))
    assert [(leader, units) for _, leader, units, _ in tasks] == [
        (None, ["县" + short, u]) for _, u in TASKS]


# 第一责任人 / 具体责任人 / 直接责任人 / 主要负责人: what qualifies the person names no unit (具体 was read as one)
@pytest.mark.parametrize("label", ["第一责任人", "具体责任人", "直接责任人", "主要负责人"])
@pytest.mark.parametrize("place", ["{t}。({label}:{a};责任单位:{u})", "{t}。(责任单位:{u};{label}:{a})",
                                   "{t}。\n责任单位:{u}\n{label}:{a}"])
def test_a_qualified_person_label_names_the_leader(tmp_path, label, place):
    tasks = tasks_of(tmp_path, prose(place.replace("{label}", label)))
    assert [(leader, units) for _, leader, units, _ in tasks] == [
        ("王某某", ["县卫健局"]), ("李某", ["县住建局"]), ("张某某", ["县人社局"])]
