"""Shapes of the seventh sweep of real notices (north): each in a small notice written here, in general form."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某市人民政府关于印发2018年重点任务分解方案的通知\n某政发〔2018〕6号\n各县区人民政府,市政府各工作部门:\n"
        "现将分解方案印发给你们。\n某某市人民政府\n2018年2月28日\n重点任务分解方案\n一、扩大有效投资\n")


def units_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t")
    return [[(u["name"], u.get("role")) for u in t.get("units", [])] for t in iter_tasks(result.data)]


@pytest.mark.parametrize("attribution, units", [
    # 分工负责 closes the list: each unit is responsible for its share, and the lead is printed with 牵头
    ("(市发改委牵头,各县区政府、市政府有关部门分工负责)",
     [("市发改委", "牵头"), ("各县区政府", "责任"), ("市政府有关部门", "责任")]),
    ("(市发改委、市交通局牵头,有关县区政府分工负责)",
     [("市发改委", "牵头"), ("市交通局", "牵头"), ("有关县区政府", "责任")]),
    # with no 牵头 in the bracket, nobody leads
    ("(某某区政府、某某县政府、某某供电局分工负责)",
     [("某某区政府", "责任"), ("某某县政府", "责任"), ("某某供电局", "责任")]),
])
def test_units_dividing_the_work_among_them(tmp_path, attribution, units):
    assert units_of(tmp_path, f"1.实施一批市级重点项目,完成年度投资。{attribution}") == [units]
