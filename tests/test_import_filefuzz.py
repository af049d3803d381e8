"""Issue 17: the converted-table generator's cases imported as the files they are made into
(tests/importer_filefuzz.py). A few cheap cases (the web page, the .docx, the .xlsx; Chromium's PDF of a few)
must import to the gold; the cases still read wrong are strict xfails, so a fix shows up as an unexpected pass
and leaves the list.

`python tests/importer_filefuzz.py --seeds 200` measures every file kind, LibreOffice's PDF and .doc included."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from importer_convfuzz import case
from importer_filefuzz import make, run_case
from known import joined, sample

SEEDS = (1, 6, 13, 48)
ROUTES = ("html", "docx", "xlsx")
PDF_SEEDS = (1, 6, 13)
KNOWN: dict[tuple[int, str], str] = {}  # every sampled case reads right


@pytest.mark.parametrize(("seed", "route"), list(sample([(s, r) for s in SEEDS for r in ROUTES], KNOWN.get, joined)))
def test_a_file_imports_to_the_gold(tmp_path, seed, route):
    c = case(seed)
    path = make([c], [route], cache=tmp_path / "cache")[seed, route]
    assert run_case(c, path, tmp_path / "site") == []


@pytest.mark.browser
@pytest.mark.parametrize("seed", PDF_SEEDS)
def test_a_printed_table_imports_to_the_gold(tmp_path, seed):
    c = case(seed)
    path = make([c], ["pdf"], cache=tmp_path / "cache")[seed, "pdf"]
    assert run_case(c, path, tmp_path / "site") == []


def test_the_cache_is_keyed_by_the_case(tmp_path):
    first = make([case(17)], ["html"], cache=tmp_path)[17, "html"]
    assert first.exists() and first.parent.name == f"17-{case(17).key()}"
    assert make([case(17)], ["html"], cache=tmp_path)[17, "html"] == first
