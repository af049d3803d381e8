"""Issue 17: tables as real converters turn them into text (tests/importer_convfuzz.py). A few cheap cases
(a browser's copy, a tag stripper's text, pdftotext -layout of Chromium's print) must import to the gold;
the cases still read wrong are strict xfails, so a fix shows up as an unexpected pass and leaves the list.

`python tests/importer_convfuzz.py --seeds 200` measures every route, LibreOffice's included."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from importer_convfuzz import case, render, run_case

SEEDS = (0, 1, 2, 3)
ROUTES = ("html-copy", "html-strip", "pdf-layout")
KNOWN: dict[tuple[int, str], str] = {}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    """Every sample case rendered once, in one Chromium session (a fresh cache: nothing from a sweep)."""
    folder = tmp_path_factory.mktemp("convfuzz")
    return render([case(seed) for seed in SEEDS], list(ROUTES), folder, cache=folder / "cache")


def cases():
    for seed in SEEDS:
        for route in ROUTES:
            reason = KNOWN.get((seed, route))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            yield pytest.param(seed, route, marks=marks, id=f"{seed}-{route}")


@pytest.mark.parametrize(("seed", "route"), list(cases()))
def test_a_converted_table_imports_to_the_gold(texts, tmp_path, seed, route):
    assert run_case(case(seed), route, texts[seed, route], tmp_path) == []


def test_the_generator_is_deterministic():
    assert case(17).key() == case(17).key() and case(17).want == case(17).want
    assert case(17).key() != case(18).key()
