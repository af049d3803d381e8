"""Each hand-written probe (tests/importer_corpus/probes/) imports exactly as its gold says.

A probe is an ordinary notice form written by hand; the test runs the real pipeline (init → import →
build) through benchmarks/import_quality.py and fails on any missed or extra task or wrong field.
A probe whose gold carries `known_failure: why` is expected to fail (strict: fixing it fails the
test until the line is removed).
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PROBES = ROOT / "tests" / "importer_corpus" / "probes"
REQUIRED = {"government", "parent", "issuer", "title", "layouts", "complete", "tasks", "form"}
ALLOWED = REQUIRED | {"source_url", "not_tasks", "known_failure"}


sys.path.insert(0, str(ROOT / "benchmarks"))
import import_quality as QUALITY  # noqa: E402  (scored exactly as the real corpus is)

options = functools.cache(QUALITY.import_options)
TEXTS = sorted(p for p in PROBES.iterdir() if p.suffix in QUALITY.SOURCE_SUFFIXES)


def gold_of(text: Path) -> dict:
    return yaml.safe_load(text.with_name(text.stem + ".gold.yaml").read_text(encoding="utf-8"))


def test_probes_exist_and_each_has_its_gold():
    assert len(TEXTS) >= 3
    golds = {p.name.removesuffix(".gold.yaml") for p in PROBES.glob("*.gold.yaml")}
    assert golds == {p.stem for p in TEXTS}


@pytest.mark.parametrize("text", TEXTS, ids=[p.stem for p in TEXTS])
def test_probe_gold_is_well_formed(text):
    gold = gold_of(text)
    assert REQUIRED <= set(gold) <= ALLOWED, set(gold) ^ REQUIRED
    assert text.stem.startswith("probe-")
    # a row's name and content cells read as one text_start (the README's rule), so cell bars are not text here
    body = re.sub(r"[|│┃]", "", QUALITY.start_key(QUALITY.source_text(text)))
    for task in gold["tasks"]:
        assert QUALITY.start_key(task["text_start"]) in body, task["text_start"]
        assert all(unit in task["units"] for unit in task["lead_units"]), task


@pytest.mark.parametrize("text", TEXTS, ids=[p.stem for p in TEXTS])
def test_probe_imports_as_its_gold_says(text, request):
    gold = gold_of(text)
    if gold.get("known_failure"):
        request.applymarker(pytest.mark.xfail(reason=gold["known_failure"], strict=True))
    output, error = QUALITY.imported_tasks(text, gold, options())
    assert error is None, error
    score, failures = QUALITY.score_notice(gold, QUALITY.source_text(text), output)
    failures = [f for f in failures if not f.startswith("tail ")]
    assert not failures, "\n".join(failures)
    assert score.matched == score.gold_tasks == score.output_tasks
