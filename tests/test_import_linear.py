"""Importing stays linear: adversarial inputs import, and re-joining broken lines is bounded.

Speed itself is measured by benchmarks/import_adversarial.py and bench_import.py, never asserted
here. These tests feed every adversarial run at 30 kB: a pattern that backtracks quadratically on
one long line would need about 10^9 steps here and hold the suite up visibly, and the join cap is
checked structurally.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from sitegen.core.errors import SitegenError
from sitegen.importer import import_text
from sitegen.importer.text import MAX_JOINED, join_broken, split_lines

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "import_adversarial.py"
spec = importlib.util.spec_from_file_location("import_adversarial", BENCH)
adversarial = importlib.util.module_from_spec(spec)
spec.loader.exec_module(adversarial)


@pytest.mark.parametrize("run", sorted([*adversarial.RUNS, *adversarial.BEFORE]))
def test_adversarial_inputs_import_or_are_refused(tmp_path, run):
    text = adversarial.notice(run, 30_000)
    try:
        result = import_text(text, tmp_path, stem="adversarial")
    except SitegenError as error:
        assert str(error)  # a message for people, not a traceback
        return
    assert result.task_count >= 1


def test_lines_that_never_end_a_sentence_are_joined_in_bounded_runs():
    lines, _ = split_lines("推进重点项目建设完成投资目标任务推进重点项目建设完成投资目标\n" * 2000)
    joined, _ = join_broken(lines, lambda text, heading_only=False: False)
    assert max(len(line.nos) for line in joined) == MAX_JOINED
    assert len(joined) == -(-2000 // MAX_JOINED)


def test_a_run_of_label_lines_is_read_in_bounded_groups(tmp_path, monkeypatch):
    """牵头单位: printed a thousand times: each label line used to re-read the task's whole attribution."""
    from sitegen.importer import attribution

    read = [0]
    parse = attribution.parse

    def counting(raw):
        read[0] += len(raw)
        return parse(raw)

    monkeypatch.setattr(attribution, "parse", counting)
    text = adversarial.notice("labels", 30_000)
    import_text(text, tmp_path, stem="adversarial")
    assert read[0] < 20 * len(text)


def test_label_lines_after_the_bound_still_add_their_units(tmp_path):
    fields = "".join(f"配合单位:县局{i:02d}\n" for i in range(20))
    text = ("某某县人民政府办公室关于印发重点工作分工的通知\n一、扩大投资\n1.实施项目攻坚。\n牵头单位:县发改局\n" + fields
            + "2.推进城市更新。\n牵头单位:县住建局\n")
    result = import_text(text, tmp_path, stem="labels")
    notice = (tmp_path / "content" / "notices").glob("*.yaml")
    assert result.task_count == 2
    body = next(notice).read_text(encoding="utf-8")
    assert "县局00" in body and "县局19" in body


def test_each_line_before_a_notices_first_item_is_tried_as_a_header_once(monkeypatch):
    """A page of short lines and no item (a 序号 column alone): each start was tried with a 16-line window."""
    from sitegen.importer import tables
    from sitegen.importer.document import parse_document

    tried = [0]
    labels_from = tables._labels_from

    def counting(lines, i):
        tried[0] += 1
        return labels_from(lines, i)

    monkeypatch.setattr(tables, "_labels_from", counting)
    parse_document("".join(f"{i}\n" for i in range(1, 2001)))
    assert 2000 <= tried[0] <= 3 * 2000


class _Owner:
    def __init__(self, text: str):
        self.text = text

    def all_text(self) -> str:
        return self.text


def test_coverage_of_many_lines_run_into_one_long_cell_finds_each_where_it_landed():
    """Thousands of lines landing in one owner's text (a table's 序号 column run into one cell): each is
    looked for near where the one before it landed (the whole text each time made the check quadratic),
    and a line the output lost is still reported."""
    from sitegen.importer.coverage import WINDOW, Ledger

    lines = [f"{i}项" for i in range(1, 5001)]
    owner = _Owner("".join(lines))
    assert len(owner.text) > 10 * WINDOW
    ledger = Ledger()
    for no, line in enumerate(lines, start=1):
        ledger.place(line, (no,), owner)
    ledger.place("不在输出里的一行", (5001,), owner)
    coverage = ledger.result({})
    assert coverage.landed == sum(len(line) for line in lines)
    assert [miss.line for miss in coverage.misses] == [5001]
