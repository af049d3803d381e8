"""Issue 17: prose notices printed to PDF and turned back into text by pdftotext (tests/importer_proseconv.py).
A few cases of each route must import to the gold; the cases still read wrong are strict xfails, so a fix
shows up as an unexpected pass and leaves the list.

`python tests/importer_proseconv.py --seeds 200` measures every route on many more seeds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from importer_proseconv import ROUTES, case, render, run_case
from known import joined, sample

SEEDS = (1, 2, 3, 5, 13)
CUT_AT_THE_WIDTH = "a line broken by the page's width inside "
KNOWN: dict[tuple[int, str], str] = {
    (13, "pdf"): CUT_AT_THE_WIDTH + "a unit list after the level (自治区 / 发展改革委) ends the list",
    (13, "pdf-raw"): CUT_AT_THE_WIDTH + "a unit list after the level (自治区 / 发展改革委) ends the list",
    (13, "lo-pdf"): CUT_AT_THE_WIDTH + "a unit list after the level (自治区 / 经济和信息化委) ends the list",
    (1, "pdf-paragraphs"): "too few printed lines to show the page's width: the blank lines still part paragraphs",
    (3, "pdf-paragraphs"): "too few printed lines to show the page's width: the blank lines still part paragraphs",
    (13, "pdf-paragraphs"): "a second labelled field after a space (協同單位:立山經濟開發區) is lost between paragraphs",
}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    """Every sample case rendered once (a fresh cache: nothing from a sweep)."""
    folder = tmp_path_factory.mktemp("proseconv")
    return render([case(seed) for seed in SEEDS], list(ROUTES), folder, cache=folder / "cache")


def test_the_sample_is_of_printed_notices():
    assert all(case(seed).dims.get("one-line") != "yes" for seed in SEEDS)


@pytest.mark.parametrize(("seed", "route"), list(sample([(s, r) for s in SEEDS for r in ROUTES], KNOWN.get, joined)))
def test_a_printed_notice_imports_to_the_gold(texts, tmp_path, seed, route):
    assert run_case(case(seed), texts[seed, route], tmp_path) == []
