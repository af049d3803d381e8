"""Issue 17, items 2-4: prose notices laid out by a seeded combinatorial generator
(tests/importer_prosefuzz.py: frame, numbering in every form (bullets, 1.1, 第1项 …), sub-items and 一是 points,
attribution in every form (a bracket per field, responsible-only, units under their label), furniture (a table of
contents, 版记 lines, page footers, a signature between parts), traditional script, one line, and the shapes real
notices showed beyond those (a report's lead, an infobox or a document site's banner before an excerpt, 一是
principles in the preamble and 一是 opening unnumbered tasks, a title sentence before a colon or on its own line,
lines broken by the page's width, notes between tasks, a leader's role sentence, a signature, contact line or
attachment list after the tasks, a title broken over lines) import to the tasks they print: numbers, text,
units in printed order, lead units, leader and deadline. A fixed sample of seeds must pass.

The seeds in KNOWN are read wrong today, each for the named reason: they are expected to fail (strict,
so a fix shows up as an unexpected pass).

A second sample draws every attribution in the held-out wordings (tests/importer_prosevocab_heldout.yaml, never
tuned on): it measures whether rules read by what wordings are made of transfer; its own KNOWN set names the wordings
not read yet."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from importer_prosefuzz import run
from known import by_class, sample

SAMPLE = range(200)
KNOWN: dict[int, str] = {}  # every seed of the sample reads right today


@pytest.mark.parametrize("seed", list(sample(SAMPLE, KNOWN.get, lambda seed: f"seed{seed}")))
def test_a_generated_prose_notice_imports_to_the_tasks_it_prints(tmp_path, seed):
    problems, layout = run(seed, tmp_path)
    assert problems == [], (layout.dims, problems[:3])


HELDOUT_SAMPLE = range(100)
HELDOUT_CLASSES = {
    "date-label": "a deadline said as 按时间节点 (a value, no label of its own) is not read, nor the field before it",
    "excerpt": "an excerpt opening inside a task whose attribution is a held-out sentence is not taken for a task",
    "other": "one heading-unit excerpt from the second section reads the requirements as a task",
}
HELDOUT_KNOWN = {
    "date-label": (9, 14, 38, 56, 75, 81),
    "excerpt": (1, 10, 66),
    "other": (69,),
}


@pytest.mark.parametrize("seed", list(sample(HELDOUT_SAMPLE, by_class(HELDOUT_KNOWN, HELDOUT_CLASSES),
                                             lambda seed: f"heldout{seed}")))
def test_a_notice_in_held_out_wordings_imports_to_the_tasks_it_prints(tmp_path, seed):
    problems, layout = run(seed, tmp_path, "heldout")
    assert problems == [], (layout.dims, problems[:3])
