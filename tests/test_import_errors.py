"""Bad input and safety: clear messages, exit status 1, no traceback, progress kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.cli import main
from sitegen.core.errors import SitegenError
from sitegen.importer import import_notice

CORPUS = Path(__file__).parent / "importer_corpus"
NOTICE = (CORPUS / "inline.txt").read_text(encoding="utf-8")


def run(args, stdin=None):
    return CliRunner().invoke(main, args, input=stdin)


@pytest.mark.parametrize("name,data,words", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b" \n\n \n", "is empty"),
    ("binary.txt", bytes(range(256)) * 8, "binary"),
    ("latin1.txt", "Grüße aus Köln, à bientôt.\n".encode("latin-1") * 40, "none of the encodings"),
    ("english.txt", b"Dear all,\nplease find the minutes attached.\n" * 20, "no Chinese text"),
    ("novel.txt", ("他走进房间,看见窗外的雨。" * 40 + "\n").encode() * 3, "found no tasks"),
])
def test_bad_input(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SitegenError, match=words):
        import_notice(str(path), tmp_path / "site")
    result = run(["import", str(path), "--site", str(tmp_path / "site")])
    assert result.exit_code == 1
    assert words in result.output and "Traceback" not in result.output
    assert not (tmp_path / "site" / "content" / "notices").exists()


def test_missing_file_and_unknown_jurisdiction(tmp_path):
    result = run(["import", str(tmp_path / "nope.txt"), "--site", str(tmp_path)])
    assert result.exit_code == 1 and "no such file" in result.output
    result = run(["import", str(CORPUS / "inline.txt"), "--site", str(tmp_path), "--jurisdiction", "atlantis"])
    assert result.exit_code == 1 and "--jurisdiction atlantis" in result.output


def test_module_entry_point_exit_status(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = subprocess.run([sys.executable, "-m", "sitegen", "import", str(empty), "--site", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "is empty" in proc.stderr and "Traceback" not in proc.stderr


def test_existing_notice_needs_force_and_keeps_progress(tmp_path):
    source = CORPUS / "inline.txt"
    first = run(["import", str(source), "--site", str(tmp_path)])
    assert first.exit_code == 0, first.output
    notice = tmp_path / "content" / "notices" / "inline.yaml"
    progress = tmp_path / "content" / "progress" / "inline.yaml"
    progress.parent.mkdir(parents=True)
    progress.write_text('"1-1":\n  - date: 2021-06-30\n    status: on-track\n', encoding="utf-8")
    before = notice.read_text(encoding="utf-8")
    again = run(["import", str(source), "--site", str(tmp_path)])
    assert again.exit_code == 1 and "already exists" in again.output and "--force" in again.output
    forced = run(["import", str(source), "--site", str(tmp_path), "--force"])
    assert forced.exit_code == 0
    assert notice.read_text(encoding="utf-8") == before  # same ids, same bytes
    assert progress.read_text(encoding="utf-8") == '"1-1":\n  - date: 2021-06-30\n    status: on-track\n'
    assert (tmp_path / "content" / "notices" / "inline.review.md").read_text(encoding="utf-8") == forced.output.rstrip("\n") + "\n"


def test_standard_input_gets_an_id_from_jurisdiction_year_and_number(tmp_path):
    result = run(["import", "-", "--site", str(tmp_path)], stdin=NOTICE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "content" / "notices" / "hefei-2021-hezhengbanmi-3.yaml").exists()


def test_jurisdiction_option_overrides(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "jurisdictions.yaml").write_text("- id: hf\n  name: 合肥市\n  level: city\n", encoding="utf-8")
    result = run(["import", str(CORPUS / "inline.txt"), "--site", str(tmp_path), "--jurisdiction", "hf"])
    assert result.exit_code == 0, result.output
    assert "jurisdiction: hf\n" in (tmp_path / "content" / "notices" / "inline.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "content" / "units" / "hf.yaml").exists()
