"""Shapes found by the thirteenth sweep's study of where tasks start and end (branch boundforms; benchmarks/
import_sweep.md "Thirteenth sweep: boundforms", benchmarks/forms_boundforms.py). Each input is a small notice
written here in the wordings real pages print the shape in, not any one notice's text."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某市人民政府办公室关于印发重点工作任务的通知\n各县(市、区)人民政府,市人民政府各部门:\n"
        "现将重点工作任务印发给你们,请认真落实。\n")
FIRST = "加快推进综合交通网络建设。构建城际交通网络。(责任单位:市交通运输局)"
SECOND = "推进城乡供水一体化。新建改造供水管网。(责任单位:市水利局)"


def tasks_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某市")
    return [(t.get("number"), ((t.get("title") or "") + t["text"])[:6], [u["name"] for u in t.get("units", [])])
            for t in iter_tasks(result.data)]


TWO = [("1", "加快推进综合", ["市交通运输局"]), ("2", "推进城乡供水", ["市水利局"])]


# -- a heading run straight into its first item (a copy that lost the line break) -------------------------------
# (一、经济发展1.加快… read as one task holding the whole list; the heading is a heading, the items the tasks)

@pytest.mark.parametrize("heading", ["一、经济发展", "一、稳增长:", "(一)强化基础设施支撑。", "二、扩大有效投资"])
def test_a_heading_run_into_its_first_item_stands_apart(tmp_path, heading):
    assert tasks_of(tmp_path, f"{heading}1.{FIRST}\n2.{SECOND}") == TWO


def test_a_heading_run_into_its_first_paren_item_stands_apart(tmp_path):
    body = f"一、经济发展(一){FIRST}\n(二){SECOND}"
    assert tasks_of(tmp_path, body) == [("一", "加快推进综合", ["市交通运输局"]), ("二", "推进城乡供水", ["市水利局"])]


@pytest.mark.parametrize("line", ["一、全年新增就业1.2万人。(责任单位:市人社局)",
                                  "一、完成投资1、2期工程。(责任单位:市住建局)",
                                  "一、开通5G基站1.5万个。(责任单位:市通信办)"])
def test_a_number_inside_a_tasks_text_is_no_item(tmp_path, line):
    got = tasks_of(tmp_path, line + "\n二、新建城市公园。(责任单位:市园林局)")
    assert [number for number, *_ in got] == ["一", "二"]


# -- a note between two items: the list goes on after it -----------------------------------------------------------
# (注:带★的为省重点项目。 ended the list: every item after it was lost)

@pytest.mark.parametrize("note", ["注:带★的为省重点项目。", "备注:★为市级重点。", "说明:以下任务均需各乡镇配合落实。"])
def test_the_list_goes_on_after_a_note(tmp_path, note):
    assert tasks_of(tmp_path, f"一、重点任务\n1.{FIRST}\n{note}\n2.{SECOND}") == TWO


def test_a_note_after_the_last_item_still_ends_the_list(tmp_path):
    body = f"一、重点任务\n1.{FIRST}\n2.{SECOND}\n说明:1.牵头单位负总责。\n2.配合单位积极配合。"
    assert tasks_of(tmp_path, body) == TWO


# -- 附件: alone after the tasks, the attachments' names below it ---------------------------------------------------
# (1.2023年重点项目表 / 2.… read as two more tasks)

@pytest.mark.parametrize("names", [["1.2023年重点项目表", "2.2023年民生实事表"],
                                   ["1.《重点项目表》", "2.《民生实事表》", "3.《招商引资任务表》"],
                                   ["1.重点项目清单", "2.民生实事清单", "某某市人民政府办公室", "2023年3月1日"]])
def test_an_attachment_list_after_the_tasks_is_no_task(tmp_path, names):
    body = "\n".join(["一、重点任务", f"1.{FIRST}", f"2.{SECOND}", "附件:", *names])
    assert tasks_of(tmp_path, body) == TWO


def test_an_attachments_first_task_under_a_lone_label_stays_a_task(tmp_path):
    body = "附件:\n1.地区生产总值增长6%左右\n牵头单位:市发改委\n2.规模以上工业增加值增长5%\n牵头单位:市工信局"
    assert [number for number, *_ in tasks_of(tmp_path, body)] == ["1", "2"]


# -- a numbered requirement addressed to the units, after the tasks ------------------------------------------------
# (3.各牵头单位要于每季度末… read as a task naming nobody)

@pytest.mark.parametrize("item", ["3.各牵头单位要于每季度末将工作进展情况报市政府办公室。",
                                  "3.各责任单位须于每月5日前报送工作进展情况。",
                                  "3.请各单位于12月20日前报送全年工作总结。",
                                  "3.各乡镇、各部门务必高度重视,确保按时完成。"])
def test_a_requirement_addressed_to_the_units_is_no_task(tmp_path, item):
    assert tasks_of(tmp_path, f"一、重点任务\n1.{FIRST}\n2.{SECOND}\n{item}") == TWO


def test_an_item_naming_its_units_stays_a_task_whatever_it_opens_with(tmp_path):
    body = f"一、重点任务\n1.{FIRST}\n2.各乡镇要完成植树造林任务。(责任单位:市林业局、各乡镇)"
    assert [number for number, *_ in tasks_of(tmp_path, body)] == ["1", "2"]


# -- a web page's links to download the attachments, after the tasks ----------------------------------------------
# (附件下载: / 1.…分解表.doc read as tasks; a file's name is never an assignment)

@pytest.mark.parametrize("files", [["附件下载:", "1.2023年重点工作任务分解表.doc", "2.2023年民生实事项目表.xls"],
                                   ["相关附件:", "1.重点工作任务分解表.docx"],
                                   ["1.2023年重点工作任务分解表.pdf", "2.2023年民生实事项目表.wps"]])
def test_links_to_attachments_are_no_tasks(tmp_path, files):
    body = "\n".join(["一、重点任务", f"1.{FIRST}", f"2.{SECOND}", *files])
    assert tasks_of(tmp_path, body) == TWO
