"""Real dev notices in the formats governments publish score as their text does, against the same gold.

A fixed sample of tests/importer_corpus/real/dev is made into every format
benchmarks/import_quality.py measures (a web page, Word .docx and .doc, a
Chromium and a LibreOffice PDF, a spreadsheet for the notice with a table) by
tests/formats.py's producers, then imported, built and scored by the
benchmark's own code (`import_quality.evaluate`: init, import, build through
the command line, scored from data/tasks.json). Each format's figures must be
within MARGIN of the text import's on the same notices. The sample (small, to
keep the test short; the benchmark measures all 71): a table with leader, unit
and deadline columns and a two-unit cell (huoshan), labelled lines with a
leader field (anhui).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import import_quality as quality  # noqa: E402

SAMPLE = ["huoshan-2025-kaifaqu", "anhui-2022-zhongdian"]
MARGIN = 0.05
MEASURES = ("precision", "recall", "f1", "units_exact", "leads_exact", "leader", "deadline")


def totals(results) -> dict[str, quality.Score]:
    return {r.slug: r.score for r in results}


@pytest.fixture(scope="module")
def text_scores():
    scores = totals(quality.evaluate("dev", SAMPLE, "text"))
    assert sorted(scores) == sorted(SAMPLE)
    return scores


@pytest.mark.parametrize("fmt", [f for f in quality.FORMATS if f != "text"])
def test_each_format_scores_as_the_text_of_the_same_notices(fmt, text_scores):
    scores = totals(quality.evaluate("dev", SAMPLE, fmt))
    expected = SAMPLE if fmt != "xlsx" else ["huoshan-2025-kaifaqu"]  # a spreadsheet only for a table
    assert sorted(scores) == sorted(expected)
    got, want = quality.Score(), quality.Score()
    for slug, score in scores.items():
        assert not score.failed, slug
        got.add(score)
        want.add(text_scores[slug])
    mine, theirs = got.ratios(), want.ratios()
    assert want.matched and theirs["f1"] is not None
    for measure in MEASURES:
        if theirs[measure] is not None:
            assert mine[measure] is not None and mine[measure] >= theirs[measure] - MARGIN, \
                (fmt, measure, mine[measure], theirs[measure])
