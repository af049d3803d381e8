"""The real importer corpus (tests/importer_corpus/real/) is well formed.

Checks the gold files against their texts and the format described in
tests/importer_corpus/real/README.md; fails on a broken or shrunken corpus. These tests read
test/ only mechanically (fields, types, that a task's start occurs in its text); they say nothing
about what the importer makes of it.
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REAL = Path(__file__).parent / "importer_corpus" / "real"
PARTS = ("dev", "test")
ROOT = Path(__file__).resolve().parent.parent

# Reached by part A (issue 17); part B only adds.
MIN_NOTICES = 35
MIN_GOVERNMENTS = 32
MIN_TEST_NOTICES = 20
MIN_TASKS = 123
EXCLUDED_GOVERNMENTS = {"济南市", "济阳区", "鄂州市", "湖州市", "武昌区"}

TOP_FIELDS = {"source_url", "government", "parent", "issuer", "title", "layouts", "complete", "tasks"}
OPTIONAL_FIELDS = {"not_tasks"}
TASK_FIELDS = {"number", "text_start", "section", "leader", "lead_units", "units", "deadline"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*-(20[0-2][0-9])-[a-z0-9]+(?:-[a-z0-9]+)*$")


def squeeze(text: str) -> str:
    """Whitespace and table rules removed: a task's start may run from its name cell into its content cell."""
    return re.sub(r"[\s|│┃┆┊]+", "", text)


def layout_tags() -> set[str]:
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Layout tags", 1)[1].split("\n## ", 1)[0]
    pairs = re.findall(r"^- `([a-z0-9-]+)`(?: / `([a-z0-9-]+)`)?", section, re.M)
    return {tag for pair in pairs for tag in pair if tag}


SOURCE_SUFFIXES = (".txt", ".html")


def sources(part: str) -> list[Path]:
    """The notices' source files: text as the source gave it, or the published page kept as .html."""
    return sorted(p for p in (REAL / part).iterdir() if p.suffix in SOURCE_SUFFIXES)


def source_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix != ".html":
        return raw
    import lxml.html

    return lxml.html.fromstring(raw).text_content()


def notices() -> list[tuple[str, Path]]:
    return [(part, path) for part in PARTS for path in sources(part)]


def gold_of(txt: Path) -> dict:
    return yaml.safe_load(txt.with_name(txt.stem + ".gold.yaml").read_text(encoding="utf-8"))


NOTICES = notices()


def test_every_text_has_gold_and_every_gold_a_text():
    for part in PARTS:
        texts = [p.stem for p in sources(part)]
        assert len(texts) == len(set(texts)), "a notice kept both as .txt and .html"
        texts = set(texts)
        golds = {p.name[: -len(".gold.yaml")] for p in (REAL / part).glob("*.gold.yaml")}
        assert texts == golds, (part, texts ^ golds)


def test_slugs_are_unique_and_well_formed():
    slugs = [path.stem for _, path in NOTICES]
    assert len(slugs) == len(set(slugs)), sorted(s for s in slugs if slugs.count(s) > 1)
    for slug in slugs:
        match = SLUG.match(slug)
        assert match, slug
        assert 2006 <= int(match.group(1)) <= datetime.date.today().year, slug  # (a notice of this year too)


def test_corpus_size_and_spread():
    golds = [gold_of(path) for _, path in NOTICES]
    assert len(golds) >= MIN_NOTICES
    assert len({g["government"] for g in golds}) >= MIN_GOVERNMENTS
    assert sum(part == "test" for part, _ in NOTICES) >= MIN_TEST_NOTICES
    assert sum(len(g["tasks"]) for g in golds) >= MIN_TASKS
    assert not {g["government"] for g in golds} & EXCLUDED_GOVERNMENTS


def test_layout_tag_list_is_readable():
    tags = layout_tags()
    assert {"table-cells-per-line", "table-pipe-rows", "prose-label-lines", "lead-field"} <= tags


@pytest.mark.parametrize("part,path", NOTICES, ids=[p.stem for _, p in NOTICES])
def test_gold_fields_and_types(part, path):
    text = source_text(path)
    assert text.strip()
    gold = gold_of(path)
    assert TOP_FIELDS <= set(gold) <= TOP_FIELDS | OPTIONAL_FIELDS, set(gold) ^ TOP_FIELDS
    assert isinstance(gold["source_url"], str) and gold["source_url"].startswith(("http://", "https://"))
    assert isinstance(gold["government"], str) and gold["government"]
    for field in ("parent", "issuer", "title"):
        assert gold[field] is None or (isinstance(gold[field], str) and gold[field]), field
    assert isinstance(gold["complete"], bool)
    assert isinstance(gold["layouts"], list) and gold["layouts"]
    unknown = set(gold["layouts"]) - layout_tags()
    assert not unknown, f"layout tags not listed in README.md: {unknown}"
    assert isinstance(gold["tasks"], list)
    for task in gold["tasks"]:
        assert set(task) == TASK_FIELDS, set(task) ^ TASK_FIELDS
        assert task["number"] is None or (isinstance(task["number"], str) and task["number"])
        assert isinstance(task["text_start"], str) and 1 <= len(task["text_start"]) <= 16, task["text_start"]
        assert isinstance(task["section"], list) and all(isinstance(s, str) and s for s in task["section"])
        for field in ("leader", "deadline"):
            assert task[field] is None or (isinstance(task[field], str) and task[field]), field
        for field in ("lead_units", "units"):
            assert isinstance(task[field], list) and all(isinstance(u, str) and u for u in task[field]), field
    for start in gold.get("not_tasks") or []:
        assert isinstance(start, str) and start


@pytest.mark.parametrize("part,path", NOTICES, ids=[p.stem for _, p in NOTICES])
def test_gold_agrees_with_its_text(part, path):
    text = squeeze(source_text(path))
    gold = gold_of(path)
    position = 0
    for task in gold["tasks"]:
        start = squeeze(task["text_start"])
        found = text.find(start, position)
        assert found >= 0, f"text_start {task['text_start']!r} not in the text (in task order)"
        position = found + 1
        for heading in task["section"]:
            assert squeeze(heading) in text, heading
        for field in ("leader", "deadline"):
            if task[field]:
                assert squeeze(task[field]) in text, (field, task[field])
        lead, units = task["lead_units"], task["units"]
        assert all(unit in units for unit in lead), (lead, units)
        assert [u for u in units if u in lead] == lead, "lead units out of their printed order"
    for start in gold.get("not_tasks") or []:
        assert squeeze(start) in text, start
    if gold["title"]:
        assert squeeze(gold["title"]) in text, gold["title"]
    if gold["issuer"]:
        assert squeeze(gold["issuer"]) in text, gold["issuer"]


def test_benchmark_prints_its_table_for_one_small_notice(tmp_path):
    out = tmp_path / "scores.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "import_quality.py"), "--part", "dev",
         "--only", "quzhou-2021-zerenfenjie", "--json", str(out), "--show-failures"],
        capture_output=True, text=True, encoding="utf-8", timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "quzhou-2021-zerenfenjie" in run.stdout
    lines = run.stdout.splitlines()
    header = next(line for line in lines if line.startswith("| layout"))
    for column in ("notices", "tasks", "precision", "recall", "F1", "units exact", "leads exact", "leader", "deadline"):
        assert column in header, column
    assert any(line.startswith("| total") for line in lines), run.stdout
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert scores["dev"]["total"]["gold_tasks"] == 1
    assert [n["slug"] for n in scores["dev"]["notices"]] == ["quzhou-2021-zerenfenjie"]
