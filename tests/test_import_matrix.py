"""Issue 17, item 1: every table of the real development notices, re-rendered into every plain-text
form (tests/importer_matrix.py), imports to the same tasks, numbers, units in printed order, lead
units, leader and deadline as its gold."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


from importer_matrix import RENDERINGS, run, tables

TABLES = {table.name: table for table in tables()}


@pytest.mark.parametrize("rendering", list(RENDERINGS))
@pytest.mark.parametrize("table", list(TABLES))
def test_every_rendering_imports_to_the_gold(tmp_path, table, rendering):
    problems = run(TABLES[table], rendering, tmp_path)
    if problems is None:
        pytest.skip(f"{rendering} does not apply to {table}")
    assert problems == []
