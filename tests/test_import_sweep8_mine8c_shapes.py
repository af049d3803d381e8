"""Shapes found by the eighth sweep of the `pages` corpus, east and south-east (branch mine8c;
benchmarks/import_sweep.md, "Eighth sweep (east and south-east)"). Each input is a small notice written here,
in the wordings those pages print."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = "某市人民政府办公室关于印发2021年政务公开工作要点的通知\n各镇人民政府、街道办事处,市直各单位:\n现印发给你们。\n"


def tasks_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某市")
    return [{"units": [u["name"] for u in t.get("units", [])],
             "lead": [u["name"] for u in t.get("units", []) if u.get("role") == "牵头"]}
            for t in iter_tasks(result.data)]


def test_units_that_follow_the_work_as_a_model_are_responsible(tmp_path):
    # 各镇(街)参照落实, 各县(市、区)参照执行: the units follow the work in their own place; 参照 is no part of
    # their name
    body = ("一、做好财政信息公开\n"
            "1.积极推进部门预算公开。(市财政局牵头,市直各部门落实;各镇(街)参照落实)\n"
            "2.加强行政执法信息公开。(市司法局牵头,各县(市、区)参照执行)\n"
            "3.推进惠民资金信息公开。(市民政局负责,各镇(街)参照实施)")
    tasks = tasks_of(tmp_path, body)
    assert [t["units"] for t in tasks] == [["市财政局", "市直各部门", "各镇(街)"], ["市司法局", "各县(市、区)"],
                                           ["市民政局", "各镇(街)"]]
    assert [t["lead"] for t in tasks] == [["市财政局"], ["市司法局"], []]


def test_a_figure_spaced_from_its_word_stays_in_its_cell(tmp_path):
    # a single-space table (霍邱 2025's 完成情况): the converter printed 增长 11.9% with a space, one piece too many for
    # the header's columns; the figure goes back onto its word and the unit cell stays the unit's
    body = ("2025年县政府重点工作任务一季度完成情况\n"
            "序号 重点工作任务 牵头责任单位 一季度完成情况\n"
            "1 地区生产总值增长6%以上。 县发改委 一季度地区生产总值增长6.8%\n"
            "2 规模工业增加值增长4.5%。 县工信局 规模工业增加值增长 11.9%\n"
            "3 财政一般公共预算收入增长3.7%以上。 县财政局、县税务局 财政一般公共预算收入增长4.8%\n")
    tasks = tasks_of(tmp_path, body)
    assert [t["units"] for t in tasks] == [["县发改委"], ["县工信局"], ["县财政局", "县税务局"]]
