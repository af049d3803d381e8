"""Issue 17, item 1: tables in any text rendering, by the combinatorial generator of
tests/importer_tablefuzz.py. A fixed sample of seeds must import to the gold; the seeds of the sample
that are still read wrong are listed by their open class (importer_tablefuzz.CLASSES says what each
class is), each a strict xfail, so a fix shows up as an unexpected pass and the seed leaves the list.

`python tests/importer_tablefuzz.py --seeds 2000` gives the rates per dimension and per class."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from importer_tablefuzz import CLASSES, case, classify, run_case
from known import by_class, check_filed, sample

SAMPLE = range(300)
KNOWN: dict[str, tuple[int, ...]] = {
    "one-cell": (
        52, 59, 73, 106, 140, 153, 184, 210, 226, 260, 261, 267,
    ),
    "headless": (
        8, 111, 172, 299,
    ),
    "wrapped": (
        13, 211, 230,
    ),
    "broken-header": (
        270,
    ),
}


@pytest.mark.parametrize("seed", list(sample(SAMPLE, by_class(KNOWN, CLASSES))))
def test_every_case_of_the_sample_imports_to_the_gold(tmp_path, seed):
    assert run_case(case(seed), tmp_path) == []


def test_known_failures_are_filed_under_their_class():
    check_filed(KNOWN, CLASSES, lambda seed: classify(case(seed).dims))


def test_the_generator_is_deterministic():
    assert case(17).text == case(17).text and case(17).want == case(17).want
    assert case(17).text != case(18).text
