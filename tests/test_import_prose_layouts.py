"""Prose layouts of issue 17 items 2 and 3 that tests/importer_prosefuzz.py now also draws: unnumbered tasks opened
by a bullet or printed as a heading line, numbers 1.1 / 1-1 / 第1项, a bracket per field, a table of contents, page
footers and a title repeated at the top of each page, a signature between two parts of tasks. Each input is a small
notice written here."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks
from sitegen.importer.markers import marker

HEAD = ("某某县人民政府办公室关于印发2021年重点工作分工的通知\n各乡镇人民政府,县政府各部门:\n现将分工印发给你们。\n"
        "某某县人民政府办公室\n2021年3月1日\n")


def tasks_of(tmp_path, body, head=HEAD):
    result = import_text(head + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return [(t.get("number"), (t.get("title") or "") + t["text"],
             [(u["name"], u.get("role")) for u in t.get("units", [])], t.get("leader"), t.get("deadline"))
            for t in iter_tasks(result.data)]


@pytest.mark.parametrize("bullet", ["●", "◆", "■", "★", "▲", "·", "•", "——"])
def test_a_bullet_opens_an_unnumbered_task_and_is_not_its_text(tmp_path, bullet):
    tasks = tasks_of(tmp_path, f"附件\n一、稳定增长\n{bullet}推进重大项目建设。(牵头单位:县发改局)\n"
                               f"{bullet}扩大有效投资。(责任单位:县财政局、县商务局)")
    assert [(t[0], t[1], t[2]) for t in tasks] == [
        (None, "推进重大项目建设。", [("县发改局", "牵头")]),
        (None, "扩大有效投资。", [("县财政局", "责任"), ("县商务局", "责任")])]


def test_bulleted_tasks_parted_only_by_their_attributions_are_split_there(tmp_path):
    tasks = tasks_of(tmp_path, "附件\n一、稳定增长\n"
                               "●推进重大项目建设。【牵头单位:县发改局】●扩大有效投资。【责任单位:县财政局】")
    assert [t[1] for t in tasks] == ["推进重大项目建设。", "扩大有效投资。"]
    assert tasks[1][2] == [("县财政局", "责任")]


@pytest.mark.parametrize("printed, number", [("1.2 ", "1.2"), ("1-2", "1-2"), ("2.1.3、", "2.1.3"), ("第2项", "2")])
def test_numbers_under_a_number_and_counted_in_words_are_markers(printed, number):
    found = marker(f"{printed}推进重大项目建设。")
    assert found is not None and found.number == number and found.rest.startswith("推进")


@pytest.mark.parametrize("text", ["1.5万亩高标准农田建成。", "1-2月完成招标。", "3.5倍于上年。"])
def test_a_decimal_or_a_range_before_a_quantity_is_no_marker(text):
    assert marker(text) is None


def test_tasks_numbered_1_1_under_their_group(tmp_path):
    tasks = tasks_of(tmp_path, "附件\n1.稳定增长\n1.1推进重大项目建设。(牵头单位:县发改局)\n"
                               "1.2扩大有效投资。(牵头单位:县财政局)\n2.改善民生\n2.1办好民生实事。(牵头单位:县民政局)")
    assert [(t[0], t[1]) for t in tasks] == [("1.1", "推进重大项目建设。"), ("1.2", "扩大有效投资。"),
                                             ("2.1", "办好民生实事。")]


def test_a_bracket_per_field_is_one_attribution(tmp_path):
    tasks = tasks_of(tmp_path, "附件\n一、稳定增长\n1.推进重大项目建设。【牵头单位:县发改局】【配合单位:县财政局】"
                               "【分管领导:张三副县长】【完成时限:12月底前】\n"
                               "2.扩大有效投资。\n(牵头单位:县商务局)(配合单位:县财政局)")
    assert tasks[0][2:] == ([("县发改局", "牵头"), ("县财政局", "配合")], "张三", "12月底前")
    assert tasks[1][2] == [("县商务局", "牵头"), ("县财政局", "配合")]


def test_a_task_printed_as_a_heading_line_with_its_attribution_under_it(tmp_path):
    tasks = tasks_of(tmp_path, "附件1\n2021年重点工作任务分解表\n推进乡村振兴\n牵头单位:县农业农村局\n"
                               "扩大有效投资\n责任单位:县发改局")
    assert [(t[1], t[2]) for t in tasks] == [("推进乡村振兴", [("县农业农村局", "牵头")]),
                                             ("扩大有效投资", [("县发改局", "责任")])]


def test_a_table_of_contents_is_furniture(tmp_path):
    tasks = tasks_of(tmp_path, "附件\n2021年重点工作任务分解表\n目　　录\n一、稳定经济增长…………………………3\n"
                               "二、改善民生..............5\n一、稳定经济增长\n1.推进重大项目建设。(牵头单位:县发改局)\n"
                               "二、改善民生\n1.办好民生实事。(牵头单位:县民政局)")
    assert [(t[0], t[1]) for t in tasks] == [("1", "推进重大项目建设。"), ("1", "办好民生实事。")]


@pytest.mark.parametrize("footer", ["·3·", "第3页 共9页", "- 3 -"])
def test_page_footers_between_paragraphs_are_furniture(tmp_path, footer):
    tasks = tasks_of(tmp_path, f"附件\n一、稳定增长\n1.推进重大项目建设。\n{footer}\n(牵头单位:县发改局)\n"
                               "2.扩大有效投资。(牵头单位:县财政局)")
    assert [(t[1], t[2]) for t in tasks] == [("推进重大项目建设。", [("县发改局", "牵头")]),
                                             ("扩大有效投资。", [("县财政局", "牵头")])]


def test_the_title_printed_at_the_top_of_every_page_is_a_running_header(tmp_path):
    title = "2021年重点工作任务分解表"
    tasks = tasks_of(tmp_path, f"附件\n{title}\n一、稳定增长\n1.推进重大项目建设。(牵头单位:县发改局)\n{title}\n"
                               f"2.扩大有效投资。(牵头单位:县财政局)\n{title}\n3.办好民生实事。(牵头单位:县民政局)")
    assert [t[1] for t in tasks] == ["推进重大项目建设。", "扩大有效投资。", "办好民生实事。"]


def test_tasks_signed_and_dated_before_the_next_attachment_are_a_part_of_their_own(tmp_path):
    tasks = tasks_of(tmp_path, "一、稳定增长\n1.推进重大项目建设。(牵头单位:县发改局)\n"
                               "2.扩大有效投资。(牵头单位:县财政局)\n某某县人民政府办公室\n2021年3月1日\n附件2\n2021年民生实事项目清单\n"
                               "3.办好民生实事。(牵头单位:县民政局)", head="")
    assert [t[1] for t in tasks] == ["推进重大项目建设。", "扩大有效投资。", "办好民生实事。"]


def test_a_page_number_inside_a_notice_run_onto_one_line_is_dropped(tmp_path):
    body = " ".join(["附件 2021年重点工作任务分解表 一、稳定增长",
                     "1.推进重大项目建设,加快产业转型升级,确保完成年度投资任务。", "·2·",
                     "(牵头单位:县发改局;完成时限:12月底前) ·3·",
                     "2.扩大有效投资,推动一批重大项目开工建设,形成更多实物工作量。(牵头单位:县财政局)",
                     "3.办好民生实事,推进十项民生工程建设,提升群众获得感和幸福感。(牵头单位:县民政局)", "— 4 —",
                     "4.加强生态环境保护,深入打好蓝天碧水净土保卫战,持续改善环境质量。(牵头单位:县生态环境分局)"])
    tasks = tasks_of(tmp_path, body)
    assert [t[4] for t in tasks] == ["12月底前", None, None, None]
    assert tasks[3][2] == [("县生态环境分局", "牵头")]
    assert tasks[0][2] == [("县发改局", "牵头")]


def test_page_numbers_out_of_a_total_run_up_while_a_date_in_a_cell_does_not(tmp_path):
    tasks = tasks_of(tmp_path, "附件\n一、稳定增长\n1.推进重大项目建设。\n2/9\n(牵头单位:县发改局)\n"
                               "2.扩大有效投资。(牵头单位:县财政局)\n3/9\n3.办好民生实事。(牵头单位:县民政局)")
    assert [(t[1], t[2]) for t in tasks] == [("推进重大项目建设。", [("县发改局", "牵头")]),
                                             ("扩大有效投资。", [("县财政局", "牵头")]),
                                             ("办好民生实事。", [("县民政局", "牵头")])]
    from sitegen.importer.text import split_lines
    assert [line.text for line in split_lines("完成时限\n6/30\n")[0]] == ["完成时限", "6/30"]
