"""An import never writes content that `sitegen build` rejects (issue 17 item 5).

Every notice of the synthetic corpus and of the real corpus's development part is imported into
one site as a staff member would (the government by name where the gold names it), then the site
is built once. A notice whose gold has no task may be refused, with a message, and only that.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from sitegen.cli import main

CORPUS = Path(__file__).parent / "importer_corpus"
# layouts the importer does not read yet (docs/importing.md): such a notice is refused with a message
NOT_YET_READ = {"table-run-together", "spun-text", "page-markers"}


def run(args):
    return CliRunner().invoke(main, args)


def test_every_corpus_import_builds(tmp_path):
    site = tmp_path / "site"
    assert run(["init", str(site)]).exit_code == 0
    imported = 0
    real = sorted(p for p in (CORPUS / "real" / "dev").iterdir() if p.suffix in (".txt", ".html"))  # .html: a kept page
    for text in sorted(CORPUS.glob("*.txt")) + real:
        gold_path = text.with_name(text.stem + ".gold.yaml")
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
        options = ["--jurisdiction", gold["government"]] if gold.get("government") else []
        options += ["--parent", gold["parent"]] if gold.get("parent") else []
        options += ["--jurisdiction", "某某县"] if text.stem == "excerpt_table" else []
        result = run(["import", str(text), "--site", str(site), *options])
        if gold and (not gold.get("tasks") or NOT_YET_READ & set(gold.get("layouts") or [])):
            assert result.exit_code in (0, 1) and "Traceback" not in result.output
            continue
        assert result.exit_code == 0, f"{text.name}: {result.output}"
        imported += 1
    assert imported >= 25
    built = run(["build", "--site", str(site), "--no-search"])
    assert built.exit_code == 0, built.output
    assert (site / "output" / "data" / "tasks.json").exists()
