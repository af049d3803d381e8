"""Issue 17, items 2-4: prose notices laid out by a seeded combinatorial generator
(tests/importer_prosefuzz.py: frame, numbering, sub-items, attribution in every form, furniture,
traditional script, one line) import to the tasks they print: numbers, text, units in printed order,
lead units, leader and deadline. A fixed sample of seeds must pass.

The seeds in KNOWN are read wrong today, each for the named reason: they are expected to fail (strict,
so a fix shows up as an unexpected pass)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from importer_prosefuzz import run

SAMPLE = range(150)
RUNNING_HEADER = ("a running header (某某县人民政府公报, 2021年第3期) printed between paragraphs is read as text: "
                  "a short line repeated on every page is not recognised as furniture")
ONE_LINE = ("a notice run onto one line with unnumbered paragraphs or an unnumbered heading (工作要求): only a "
            "space parts a heading, a field's last value or a paragraph from the next, and the line is not split there")
SUB_ITEMS_RULE = "sub-items under 第一条 tasks with a first-listed rule line above them are read as tasks"
KNOWN = {
    **{seed: RUNNING_HEADER for seed in (4, 24, 52, 84, 85, 114, 115, 119, 124, 126)},
    **{seed: ONE_LINE for seed in (0, 21, 65, 74, 105, 132, 148)},
    117: SUB_ITEMS_RULE,
}


def cases():
    for seed in SAMPLE:
        reason = KNOWN.get(seed)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        yield pytest.param(seed, marks=marks, id=f"seed{seed}")


@pytest.mark.parametrize("seed", list(cases()))
def test_a_generated_prose_notice_imports_to_the_tasks_it_prints(tmp_path, seed):
    problems, layout = run(seed, tmp_path)
    assert problems == [], (layout.dims, problems[:3])
