"""Issue 17, which paragraphs are tasks as unseen notices lay them out (branch structure8): the plan's own words on
how work is shared are no attribution, numbered titles without a full stop over one paragraph title their task,
items run together after an attribution said as a sentence or in 【】 part. tests/importer_skeletons.py fills real
notice skeletons never tuned on (tests/importer_skeletons_heldout.yaml); a sample of its seeds runs here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_import_sweep2_shapes import tasks_of

sys.path.insert(0, str(Path(__file__).parent))

from importer_skeletons import run as skeleton_run

HEAD = "某某县2021年重点工作实施方案\n"
TASKS = ("二、重点任务\n(一)扩大有效投资。实施重点项目100个。(牵头单位:县发改局)\n"
         "(二)促进消费回升。社会消费品零售总额增长9%。(牵头单位:县商务局)\n")


def _starts(tasks):
    return [t["text"][:6] for t in tasks]


def _units(tasks):
    return [[name for name, _ in t["units"]] for t in tasks]


def test_the_plans_own_words_on_who_organises_are_no_task(tmp_path):
    body = ("一、总体要求\n(一)基本原则\n坚持问题导向,统筹推进。\n(二)主要工作\n"
            "县市场监管局负责牵头组织,指导各乡镇做好相关工作;各责任单位要按照职责分工,主动作为,形成合力。\n" + TASKS)
    tasks = tasks_of(tmp_path, body, HEAD)
    assert _starts(tasks) == ["扩大有效投资", "促进消费回升"]


def test_a_principle_naming_every_department_in_its_remit_is_no_task(tmp_path):
    body = ("一、总体要求\n(一)基本原则\n坚持政府主导、多方协同。各有关部门各司其职,各乡镇因地制宜,形成工作合力。\n"
            "坚持以人为本、人人尽责。倡导每个人是自己健康第一责任人的理念。\n" + TASKS)
    tasks = tasks_of(tmp_path, body, HEAD)
    assert _starts(tasks) == ["扩大有效投资", "促进消费回升"]


def test_a_role_sentence_ending_in_a_time_clause_still_attributes(tmp_path):
    body = "1.实施重点项目100个。县发改局牵头,县财政局配合,确保年底前完成。\n2.扩大制造业投资。县经信局负责。\n"
    tasks = tasks_of(tmp_path, body, HEAD)
    assert _units(tasks) == [["县发改局", "县财政局"], ["县经信局"]]


def test_numbered_titles_without_a_full_stop_title_their_one_paragraph(tmp_path):
    body = ("一、围绕深化改革推进公开\n(一)推进权力清单和责任清单公开\n对权力清单进行动态调整,公布权力清单。(责任单位:县编办)\n"
            "(二)推进行政审批信息公开\n全面公开行政审批事项目录。(责任单位:县政务服务中心)\n")
    tasks = tasks_of(tmp_path, body, HEAD)
    assert [t["number"] for t in tasks] == ["一", "二"]
    assert _starts(tasks) == ["推进权力清单", "推进行政审批"]


def test_a_numbered_title_over_a_paragraph_naming_nobody_heads_its_section(tmp_path):
    body = ("(一)稳定经济增长\n全年地区生产总值增长7%左右。\n1.实施重点项目100个。(牵头单位:县发改局)\n"
            "(二)推进乡村振兴\n全面推进乡村振兴。(责任单位:县农业农村局)\n")
    tasks = tasks_of(tmp_path, body, HEAD)
    assert [t["number"] for t in tasks] == ["1", None]


def test_items_run_together_after_a_role_sentence_part(tmp_path):
    body = ("1.实施重点项目100个。县发改局、县财政局等按职责分工负责。2.扩大制造业投资。县经信局牵头负责,年底前完成。"
            "3.促进消费回升。县商务局负责。\n")
    tasks = tasks_of(tmp_path, body, HEAD)
    assert [t["number"] for t in tasks] == ["1", "2", "3"]
    assert _units(tasks) == [["县发改局", "县财政局"], ["县经信局"], ["县商务局"]]


def test_items_run_together_after_a_square_bracket_part(tmp_path):
    body = "(一)实施重点项目100个。【县发改局负责】(二)扩大制造业投资。【县经信局负责】\n"
    assert [t["number"] for t in tasks_of(tmp_path, body, HEAD)] == ["一", "二"]


def test_items_numbered_in_brackets_run_together_after_a_role_sentence_part(tmp_path):
    body = "(1)促进消费回升。县商务局负责。(2)优化营商环境。县政务服务中心负责。\n"
    assert [t["number"] for t in tasks_of(tmp_path, body, HEAD)] == ["1", "2"]


@pytest.mark.parametrize("seed", range(0, 600, 20))
def test_real_notice_skeletons_import_to_the_gold(tmp_path, seed):
    problems, _ = skeleton_run(seed, tmp_path)
    assert problems == []


@pytest.mark.parametrize("sub", [("(1)", "(2)"), ("①", "②")])
def test_sub_items_run_onto_one_line_under_a_short_item_are_its_text(tmp_path, sub):
    # 1.推进…。 / (1)…;(2)…。 / attribution: the short item is the task, as when each sub-item has its own line
    one, two = sub
    body = (f"1.推进重大项目建设。\n{one}加快前期工作;{two}加快项目进度。\n(县发改局牵头,县财政局配合)\n"
            f"2.优化营商环境。\n{one}深化改革;{two}提升服务。\n(县政务服务中心牵头)\n")
    tasks = tasks_of(tmp_path, body, HEAD)
    assert [t["number"] for t in tasks] == ["1", "2"] and _starts(tasks) == ["推进重大项目", "优化营商环境"]
