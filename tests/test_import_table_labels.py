"""Table columns under header labels the importer has no list of (issue 17, columns.py): a label is read
by the words it is made of (科室 / 处室: bodies; 日期 / 截止: a date; 状态: progress; 下一步: notes), and a
label no word tells (优先级, 存在问题, 交付成果) leaves its column to be told by its cells, in a header the
other labels make one. The labels here are made up or taken from tests/importer_tablefuzz.HELDOUT_LABELS'
kind of page; `python tests/importer_tablefuzz.py --labels heldout` measures the whole held-out vocabulary."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.columns import align_header, header_columns, is_header_row, label_kind
from sitegen.importer.content import iter_tasks

HEAD = ("某某县人民政府办公室关于印发2021年重点工作任务分解表的通知\n"
        "各乡镇人民政府,县直各单位:\n现将分解表印发给你们。\n某某县人民政府办公室\n2021年3月1日\n附件\n")
ROWS = [["1", "民生类", "新建城区污水处理厂。", "县住建局", "12月底前"],
        ["2", "发展类", "改造农村公路100公里。", "县交通局、各乡镇", "2021年底"]]


def imported(tmp_path, header, rows=ROWS):
    body = "\n".join("| " + " | ".join(cells) + " |" for cells in [header, *rows])
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return [(t["text"], [u["name"] for u in t.get("units", [])], t.get("deadline"))
            for t in iter_tasks(result.data)]


@pytest.mark.parametrize(("label", "kind"), [
    ("责任科室", "units"), ("承担处室", "units"), ("责任分工", "units"), ("主要负责方", "units"),
    ("截止日期", "deadline"), ("完成状态", "progress"), ("下一步措施", "notes"),
])
def test_a_label_is_read_by_the_words_it_ends_in(label, kind):
    assert label_kind(label) == kind


def test_a_header_with_a_label_no_word_tells_is_still_a_header():
    assert is_header_row(["序号", "优先级", "工作任务", "责任单位", "交付成果", "验收标准"])
    # a row of cells is no header: its unknown cells are names, units and dates, not label-shaped words
    assert not is_header_row(["1", "民生类", "新建污水处理厂", "县住建局", "杨宜"])


def test_a_column_under_an_unknown_label_is_told_by_its_cells(tmp_path):
    # 优先级 over 民生类 / 发展类: a category, no part of the task's text
    assert imported(tmp_path, ["序号", "优先级", "具体工作内容", "责任科室", "截止日期"]) == [
        ("新建城区污水处理厂。", ["县住建局"], "12月底前"),
        ("改造农村公路100公里。", ["县交通局", "各乡镇"], "2021年底")]


def test_an_unknown_column_of_text_beside_the_task_is_notes(tmp_path):
    rows = [[*r[:1], r[2], r[3], "资金缺口较大"] for r in ROWS]
    assert [t[:2] for t in imported(tmp_path, ["序号", "工作任务", "责任单位", "存在问题"], rows)] == [
        ("新建城区污水处理厂。", ["县住建局"]), ("改造农村公路100公里。", ["县交通局", "各乡镇"])]


def test_a_label_alone_unread_keeps_the_kind_its_words_give():
    kinds = [c.kind for c in header_columns([["序号", "工作任务", "牵头科室", "配合科室", "截止日期"]])]
    assert kinds == ["number", "text", "lead", "assist", "deadline"]


def test_one_cell_a_line_an_unknown_label_before_a_whole_one_is_a_column(tmp_path):
    body = "\n".join(["序号", "优先级", "工作任务", "责任单位", "完成时限", *ROWS[0], *ROWS[1]])
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    assert [t["text"] for t in iter_tasks(result.data)] == ["新建城区污水处理厂。", "改造农村公路100公里。"]


def test_a_broken_labels_upper_half_goes_over_a_label_word():
    # 工作 makes a label with 优先级 as well as with 举措: it goes over the cell that is a label word itself
    assert align_header(["工作", "截止"], ["优先级", "举措", "日期"]) == ["", "工作", "截止"]


def test_a_row_without_its_empty_last_cell_still_tells_an_unknown_column(tmp_path):
    # rows without a bar at either end leave an empty last cell unprinted: the cells before stay in place
    lines = ["序号 | 优先级 | 工作任务 | 责任单位 | 备注"] + [" | ".join(r[:4]) + " | " for r in ROWS]
    result = import_text(HEAD + "\n".join(lines) + "\n", tmp_path, stem="t", jurisdiction="某某县")
    assert [t["text"] for t in iter_tasks(result.data)] == ["新建城区污水处理厂。", "改造农村公路100公里。"]
