"""Prose forms of issue 17 item 2 and the not-tasks of item 3, each in a small notice written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

CORPUS = Path(__file__).parent / "importer_corpus"
HEAD = ("某某市人民政府办公室关于印发2021年重点工作责任分工的通知\n某政办发〔2021〕3号\n各县(市、区)人民政府,市政府各部门:\n"
        "现将分工印发给你们。\n某某市人民政府办公室\n2021年3月1日\n附件\n2021年重点工作责任分工\n")
LEAD_AND_COOP = [("市发改委", "牵头"), ("市财政局", "配合")]


def tasks_of(tmp_path, body, head=HEAD):
    result = import_text(head + body + "\n", tmp_path, stem="t")
    return result, [(t.get("number"), (t.get("title") or "") + t["text"], [(u["name"], u.get("role")) for u in t.get("units", [])],
                     t.get("leader"), t.get("deadline")) for t in iter_tasks(result.data)]


@pytest.mark.parametrize("attribution", [
    "【牵头单位:市发改委;配合单位:市财政局】", "[牵头单位:市发改委;配合单位:市财政局]", "〔市发改委牵头,市财政局配合〕",
    "(市发改委牵头,市财政局配合)", "(牵头单位：市发改委；配合单位：市财政局)",  # full-width colon and semicolon
])
def test_attribution_in_any_bracket_after_the_task_or_on_the_next_line(tmp_path, attribution):
    for separator in ("", "\n"):
        _, tasks = tasks_of(tmp_path / str(len(separator)), f"一、扩大投资\n1.实施项目攻坚,完成投资500亿元。{separator}{attribution}")
        assert tasks == [("1", "实施项目攻坚,完成投资500亿元。", LEAD_AND_COOP, None, None)]


def test_labelled_fields_in_the_paragraph(tmp_path):
    _, tasks = tasks_of(tmp_path, "一、扩大投资\n1.实施项目攻坚,完成投资500亿元。牵头单位:市发改委;配合单位:市财政局;"
                                  "责任领导:张三;完成时限:2021年12月底。")
    assert tasks == [("1", "实施项目攻坚,完成投资500亿元。", LEAD_AND_COOP, "张三", "2021年12月底")]


@pytest.mark.parametrize("sentence, units", [
    ("由市发改委牵头,市财政局配合。", LEAD_AND_COOP),
    ("市发改委牵头负责,市财政局配合。", LEAD_AND_COOP),
    ("市人社局等负责。", [("市人社局", "责任")]),
    ("各县(市、区)政府、市直各部门按职责分工负责。", [("各县(市、区)政府", "责任"), ("市直各部门", "责任")]),
])
def test_a_sentence_that_divides_the_work(tmp_path, sentence, units):
    _, tasks = tasks_of(tmp_path, f"一、扩大投资\n1.实施项目攻坚,完成投资500亿元。{sentence}")
    assert tasks[0][2] == units


def test_leader_and_lead_unit_headings_apply_to_the_tasks_under_them(tmp_path):
    result, tasks = tasks_of(tmp_path, "一、张三副市长牵头负责的工作\n(一)市发改委牵头的工作\n1.实施项目攻坚。(配合单位:市财政局)\n"
                                       "2.推进价格改革,完善价格机制。\n(二)牵头单位:市住建局\n推进城市更新,改造老旧小区。")
    assert [t[2] for t in tasks] == [LEAD_AND_COOP, [("市发改委", "牵头")], [("市住建局", "牵头")]]
    assert result.data["attachments"][0]["sections"][0]["leader"] == "张三"


@pytest.mark.parametrize("clause", ["说明:各项任务中排在首位的为牵头单位。", "列第一位的责任单位为牵头单位。",
                                    "第一个单位为牵头单位。"])
def test_a_first_listed_leads_clause_in_any_wording(tmp_path, clause):
    _, tasks = tasks_of(tmp_path, f"{clause}\n一、扩大投资\n1.实施项目攻坚。(市发改委、市财政局)")
    assert tasks[0][2] == [("市发改委", "牵头"), ("市财政局", "责任")]


def test_numbered_requirements_and_questions_are_left_out_and_reported(tmp_path):
    result, tasks = tasks_of(tmp_path, "一、扩大投资\n1.实施项目攻坚。(牵头单位:市发改委)\n二、工作要求\n1.加强组织领导。"
                                       "各单位要高度重视。\n2.强化督查考核。市政府督查室要加强督查。\n三、征求意见\n1.您认为哪些任务最重要?")
    assert [t[1] for t in tasks] == ["实施项目攻坚。"]
    assert len([r for r in result.data["review"] if r.startswith("left out")]) == 3
    assert "Numbered paragraphs not taken as tasks" in result.report_text
    assert "(100.0%)" in result.report_text  # what was left out is still in the notice's text


@pytest.mark.parametrize("name", ["inline", "separate_lines", "traditional", "ordinal"])
def test_a_whole_notice_on_one_line(tmp_path, name):
    lines = [l for l in (CORPUS / f"{name}.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    apart = import_text("\n".join(lines), tmp_path / "a", stem="t")
    together = import_text(" ".join(lines), tmp_path / "b", stem="t")
    view = lambda r: [(t.get("number"), t["text"], t.get("units")) for t in iter_tasks(r.data)]  # noqa: E731
    assert view(together) == view(apart)
    assert (together.data["title"], together.data.get("published")) == (apart.data["title"], apart.data.get("published"))
