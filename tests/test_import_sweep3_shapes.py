"""Shapes found by the third sweep of real notices (issue 17, part I; benchmarks/import_sweep.md).
Each input is a small notice written here, in the layout and wordings those notices print."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = "某某市民生工程实施进度通报\n现将1至7月民生工程实施进度通报如下:\n二、部分项目进展情况\n"


def tasks_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某市")
    return [{"text": (t.get("title") or "") + t["text"],
             "units": [(u["name"], u.get("role")) for u in t.get("units", [])]} for t in iter_tasks(result.data)]


def test_a_field_inside_the_paragraph_ends_at_the_sentence_end(tmp_path):
    # 项目,牵头部门:X。 then what the progress is: the sentence after the field names no unit
    body = ("1、农村道路畅通工程,牵头部门:市交通局。建设进度相对较慢的县区为甲县。\n"
            "2、城乡困难群体法律援助,牵头单位:市司法局。其中,未完成援助任务的县区为甲县、乙县。\n"
            "3、棚户区改造,牵头部门:市住建委。新开工,完成进度相对较慢的为开发区和市本级。 某某市民生办")
    tasks = tasks_of(tmp_path, body)
    assert [t["units"] for t in tasks] == [[("市交通局", "牵头")], [("市司法局", "牵头")], [("市住建委", "牵头")]]
    assert tasks[0]["text"].startswith("农村道路畅通工程") and "甲县" in tasks[0]["text"]  # the prose stays the task's


def test_fields_after_one_another_stay_one_attribution(tmp_path):
    # a 。 between fields, or a sentence that says who does the work, does not end the fields
    body = ("1、建设城市书房10家。牵头单位:市文旅局。配合单位:市财政局、各区政府。\n"
            "2、新增养老床位500张。责任单位:市民政局。各区政府负责落实。")
    tasks = tasks_of(tmp_path, body)
    assert tasks[0]["units"] == [("市文旅局", "牵头"), ("市财政局", "配合"), ("各区政府", "配合")]
    assert tasks[1]["units"][0] == ("市民政局", "责任")
