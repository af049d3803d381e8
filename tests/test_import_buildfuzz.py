"""A sample of damaged real notices (tests/importer_buildfuzz.py): each import refuses with a message or
writes content that `sitegen build` accepts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from importer_buildfuzz import damaged, violation

SEEDS = range(0, 400, 40)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_damaged_notice_imports_to_content_build_accepts_or_is_refused(seed):
    assert violation(seed) is None


def test_the_damage_is_seeded():
    assert damaged(7) == damaged(7)
    assert damaged(7) != damaged(8)
