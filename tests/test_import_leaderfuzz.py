"""Issue 17, leaders: notices that print a leader as real pages print one (tests/importer_leaderfuzz.py, the held-out
people of tests/importer_leadervocab_heldout.yaml in a label line, a bracket, a sentence, a heading, a post alone or a
padded name) import with each task's leader right and its units exact. A fixed sample of seeds must pass; the seeds
in KNOWN are read wrong today, each for the named reason (strict: a fix shows up as an unexpected pass)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from importer_leaderfuzz import generate, problems_of
from known import sample

SAMPLE = range(70)  # ten seeds of each frame class
KNOWN = {23: "a name whose surname is left out of the list (国, which opens common words) is no person in a clause"}


@pytest.mark.parametrize("seed", list(sample(SAMPLE, KNOWN.get, lambda seed: f"seed{seed}")))
def test_a_notice_printing_a_leader_as_real_pages_do_imports_its_leader(tmp_path, seed):
    text, want, dims = generate(seed)
    assert problems_of(text, want, tmp_path) == [], dims
