"""Prose forms the hand-written probes (tests/importer_corpus/probes/) found misread: a task opening with a year
after its number, tasks run together after bare unit brackets and a list's stop, an attribution opening the task's
sentence (由X会同Y负责,推行…)."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.attribution import head_clauses, item_head
from sitegen.importer.content import iter_tasks
from sitegen.importer.markers import marker
from sitegen.importer.text import ONE_LINE_MIN

HEAD = "清河县人民政府办公室关于印发2024年重点工作任务分解的通知\n各乡镇人民政府,县直有关单位:\n现将任务分解如下。\n"


def imported(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t")
    return [(t.get("number"), t["text"][:8], [(u["name"], u.get("role")) for u in t.get("units", [])])
            for t in iter_tasks(result.data)]


def test_a_year_after_the_number_opens_the_task_a_decimal_does_not():
    assert marker("1.2024年6月底前完成管网改造。").number == "1"
    assert marker("12.2019年底前建成。").number == "12"
    assert marker("1.5万亩高标准农田。") is None


def test_a_task_opening_with_a_year_keeps_its_number(tmp_path):
    tasks = imported(tmp_path, "1.2024年6月底前完成管网改造。(县水务局牵头,县财政局配合)\n"
                               "2.年底前建成数据平台。(县大数据局牵头,县直各部门配合)")
    assert [t[:2] for t in tasks] == [("1", "2024年6月底"), ("2", "年底前建成数据平")]


def test_tasks_run_together_after_bare_unit_brackets_and_a_stop(tmp_path):
    tasks = imported(tmp_path, "一、城市建设\n(1)完成主干道改造8公里(县住建局);(2)新建停车场3处(县城管局、县交警大队);"
                               "(3)完成亮化工程20条(县城管局)。")
    assert [(t[1], t[2]) for t in tasks] == [
        ("完成主干道改造8", [("县住建局", "责任")]),
        ("新建停车场3处", [("县城管局", "责任"), ("县交警大队", "责任")]),
        ("完成亮化工程20", [("县城管局", "责任")])]


def test_an_attribution_opening_the_sentence_is_read_and_kept_in_the_text(tmp_path):
    tasks = imported(tmp_path, "1.由县行政审批局会同县市场监管局负责,推行企业开办全程网办。\n"
                               "2.县发改局牵头,县财政局、县税务局配合,全面落实减税降费政策。")
    assert tasks == [
        ("1", "由县行政审批局会", [("县行政审批局", "牵头"), ("县市场监管局", "配合")]),
        ("2", "县发改局牵头,县", [("县发改局", "牵头"), ("县财政局", "配合"), ("县税务局", "配合")])]


def test_only_role_clauses_open_a_task():
    text = "由县司法局牵头,开展法治政府建设示范创建活动。"
    assert head_clauses(text) == (text, "由县司法局牵头")
    assert head_clauses("区政府督查室负责定期督查,督查结果在全区通报。") is None
    assert head_clauses("加强组织领导,各牵头单位要制定实施方案。") is None


def test_a_short_notice_on_one_line_breaks_at_its_items_and_fields(tmp_path):
    line = ("一、教育 1.新建县第三小学。牵头单位:县教育局 责任单位:县住建局、县财政局 完成时限:2024年9月 "
            "2.为农村学校配备校车20辆。牵头单位:县教育局 责任单位:县交通运输局 完成时限:2024年8月")
    assert len(line) < ONE_LINE_MIN
    assert imported(tmp_path, line) == [
        ("1", "新建县第三小学。", [("县教育局", "牵头"), ("县住建局", "责任"), ("县财政局", "责任")]),
        ("2", "为农村学校配备校", [("县教育局", "牵头"), ("县交通运输局", "责任")])]


def test_the_deadline_in_a_bracket_of_its_own_after_the_attribution(tmp_path):
    result = import_text(HEAD + "1.完成供水管网改造20公里。(县住建局牵头,县财政局配合)(2024年6月底前)\n"
                                "2.建成污水处理站15座。(县生态环境分局牵头,各乡镇人民政府配合)\n", tmp_path, stem="t")
    tasks = [(t["text"][:8], [(u["name"], u.get("role")) for u in t["units"]], t.get("deadline"))
             for t in iter_tasks(result.data)]
    assert tasks == [("完成供水管网改造", [("县住建局", "牵头"), ("县财政局", "配合")], "2024年6月底前"),
                     ("建成污水处理站1", [("县生态环境分局", "牵头"), ("各乡镇人民政府", "配合")], None)]


def test_an_unnumbered_paragraph_opening_with_roles_is_no_task(tmp_path):
    """县发展改革局负责牵头组织,指导…: a paragraph under a heading says how the work is organised as often as it
    assigns a task; only a numbered item's opening clauses are read."""
    tasks = imported(tmp_path, "一、稳定增长\n县发展改革局负责牵头组织,指导各乡镇做好相关工作。\n"
                               "1.新建停车场3处。(县城管局牵头,县交警大队配合)\n2.改造道路8公里。(县住建局牵头,县财政局配合)")
    assert [t[0] for t in tasks] == ["1", "2"]
    assert item_head("县发展改革局负责牵头组织,指导各乡镇做好相关工作。") is None
    assert item_head("1.县发改局牵头,县财政局配合,全面落实减税降费政策。") is not None
