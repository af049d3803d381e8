"""Shapes of the ninth sweep of real notices (centre and west, mine9b): each in a small notice written here, in
general form.

A list whose tasks are followed by label lines prints, after the unit field, other fields of the task: the
persons in charge (责任人:…) and a requirement (工作要求:由X牵头,并负责报进度。). A requirement that says which of the
task's units leads marks that unit as leading; all the fields stay the task's, wherever the leader's line falls.
"""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = "某某市人民政府办公室关于印发重点工作分解落实意见的通知\n各县、区人民政府,市政府各部门:\n现将重点工作分解印发给你们。\n一、重点项目建设\n"
TASK_ONE = ("1.加快推进重点项目建设,确保计划竣工项目按期投产。\n责任领导:张某某\n责任单位:市发改委 各县区政府 开发区管委会\n"
            "责 任 人:王某某 各县县长 李某某\n工作要求:由市发改委牵头,并负责报进度。\n")
TASK_TWO = "2.加快高速公路建设,年底前建成通车。\n责任领导:赵某某\n责任单位:市交通局、市财政局\n"


def _tasks(text, tmp_path):
    result = import_text(text, tmp_path, stem="t", jurisdiction="某某市", parent="某某省")
    return list(iter_tasks(result.data))


def test_a_requirement_field_naming_the_lead_marks_it(tmp_path):
    first, second = _tasks(HEAD + TASK_ONE + TASK_TWO, tmp_path)
    assert [(u["name"], u["role"]) for u in first["units"]] == [
        ("市发改委", "牵头"), ("各县区政府", "责任"), ("开发区管委会", "责任")]
    assert "工作要求:由市发改委牵头" in first.get("notes", "")  # the field stays the task's, not its section's
    assert first["leader"] == "张某某" and second["leader"] == "赵某某"
    assert all(u["role"] == "责任" for u in second["units"])  # the next task's units are its own


def test_a_requirement_field_names_no_unit_of_its_own(tmp_path):
    text = HEAD + TASK_ONE.replace("由市发改委牵头", "由市财政局牵头")
    (task,) = _tasks(text, tmp_path)
    assert [u["name"] for u in task["units"]] == ["市发改委", "各县区政府", "开发区管委会"]
    assert all(u["role"] == "责任" for u in task["units"])
