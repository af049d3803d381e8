"""The same notices as a web page, Word, PDF and Excel file import to the same tasks as their text.

Each file is made here from the notice's text (tests/formats.py): the page by
templating, the .docx with python-docx (numbered lines as Word's automatic
numbering, tables with merged cells), the PDF by Chromium's print of the page
(a running header, page numbers, tables broken over pages), the .xlsx with
openpyxl (merged title row, row-group headings and unit cells). Nothing binary
is committed: every file is reproducible from the texts.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from formats import Printer, agreement, blocks_of, has_table, task_view, to_docx, to_html, to_xlsx  # noqa: E402

from sitegen.importer import import_notice  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "content" / "sources").glob("*.txt")) + \
    sorted((ROOT / "tests" / "importer_corpus").glob("*.txt")) + sorted((ROOT / "tests" / "formats_corpus").glob("*.txt"))
FORMATS = ("html", "docx", "pdf", "xlsx")


@pytest.fixture(scope="module")
def printer():
    with Printer() as p:
        yield p


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    """Each notice imported from its text: the reference the other formats must match."""
    out = {}
    for text in TEXTS:
        site = tmp_path_factory.mktemp(f"text-{text.stem}")
        out[text.stem] = task_view(import_notice(str(text), site).data)
    return out


def make(fmt: str, text: Path, folder: Path, printer=None) -> Path | None:
    blocks = blocks_of(text.read_text(encoding="utf-8"))
    path = folder / f"{text.stem}.{fmt}"
    if fmt == "html":
        # every other notice as GBK, the charset many government sites still declare
        path.write_bytes(to_html(blocks, charset="gbk" if TEXTS.index(text) % 2 else "utf-8"))
    elif fmt == "docx":
        to_docx(blocks, path)
    elif fmt == "xlsx":
        if not has_table(blocks):
            return None
        to_xlsx(blocks, path)
    else:
        printer.pdf(to_html(blocks, for_print=True), path)
    return path


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("text", TEXTS, ids=lambda p: p.stem)
def test_same_tasks_as_the_text(fmt, text, tmp_path, expected, request):
    printer = request.getfixturevalue("printer") if fmt == "pdf" else None
    path = make(fmt, text, tmp_path, printer)
    if path is None:
        return  # a notice without a table is not published as a spreadsheet
    site = tmp_path / "site"
    result = import_notice(str(path), site)
    figures = agreement(expected[text.stem], task_view(result.data))
    assert figures["f1"] >= 0.95 and figures["units"] >= 0.9 and figures["leads"] >= 0.9, figures
    kept = site / "content" / "sources" / f"{result.notice_id}.{fmt}"
    assert kept.read_bytes() == path.read_bytes()
    assert result.data["source_file"] == kept.name


def test_at_least_ten_notices_and_the_table_notices_as_spreadsheets():
    assert len(TEXTS) >= 10
    assert sum(has_table(blocks_of(t.read_text(encoding="utf-8"))) for t in TEXTS) >= 3
