"""Issue 17, item 1: every table of the real development notices, re-rendered into every plain-text
form (tests/importer_matrix.py), imports to the same tasks, numbers, units in printed order, lead
units, leader and deadline as its gold.

The cases in KNOWN are read wrong today, each for the reason given: they are expected to fail (strict,
so a fix shows up as an unexpected pass). A run-together row whose units do not start with their level
must be refused with a message naming the table, never imported wrong."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from importer_matrix import RENDERINGS, run, tables
from known import joined, sample

TABLES = {table.name: table for table in tables()}
NO_LEVEL = "a unit name without its level (教育局, 发展改革委, 招商工作部, 东孝街道) gives no place to split run-together cells"
KNOWN = {
    ("xuhui-2006-shiyiwu", "broken-cells"): "a unit cell broken after 13 (13 / 个街 / 道、镇): a number alone on its "
                                           "line reads as the next row's",
    ("guowuyuan-2016-lianghua", "run-together"): NO_LEVEL,
    ("huoshan-2025-kaifaqu", "run-together"): NO_LEVEL,
    ("jindong-2024-minsheng", "run-together"): NO_LEVEL,
    ("xuhui-2006-shiyiwu", "run-together"): NO_LEVEL,
    ("yuanzhou-2023-minsheng", "run-together"): NO_LEVEL + " (慈化镇)",
    ("zhonglou-2021-minsheng", "run-together"): NO_LEVEL,
    ("jiangbei-2023-minsheng", "run-together"): NO_LEVEL + " (慈城镇)",
}


@pytest.mark.parametrize(("table", "rendering"),
                         list(sample([(t, r) for t in TABLES for r in RENDERINGS], KNOWN.get, joined)))
def test_every_rendering_imports_to_the_gold(tmp_path, table, rendering):
    problems = run(TABLES[table], rendering, tmp_path)
    if problems is None:
        pytest.skip(f"{rendering} does not apply to {table}")
    assert problems == []


@pytest.mark.parametrize("table", sorted(t for t, r in KNOWN if r == "run-together"))
def test_run_together_rows_that_do_not_split_are_refused_with_a_message(tmp_path, table):
    problems = run(TABLES[table], "run-together", tmp_path)
    assert problems and problems[0].startswith("refused:"), problems
    assert "a table whose cells run together" in problems[0] and "put a TAB or two spaces" in problems[0]
