"""The same notices as a web page, Word, PDF and Excel file import to the same tasks as their text.

Each file is made here from the notice's text (tests/formats.py): the page by
templating, the .docx with python-docx (numbered lines as Word's automatic
numbering, tables with merged cells), the PDF by Chromium's print of the page
(a running header, page numbers, tables broken over pages) and, from a second
producer closer to a Word or WPS export, by LibreOffice from the .docx
("lo.pdf"), the .xlsx with openpyxl (merged title row, row-group headings and
unit cells). Nothing binary
is committed: every file is reproducible from the texts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from formats import Printer, agreement, blocks_of, has_table, task_view, to_docx, to_html, to_xlsx  # noqa: E402

from sitegen.importer import import_notice  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "content" / "sources").glob("*.txt")) + \
    sorted((ROOT / "tests" / "importer_corpus").glob("*.txt")) + sorted((ROOT / "tests" / "formats_corpus").glob("*.txt"))
FORMATS = ("html", "docx", "pdf", "lo.pdf", "xlsx")
GOVERNMENT = {"excerpt_table": "桐庐县"}  # excerpts that do not name their government: given, as a user would


def imported(path: Path, stem: str, site: Path):
    return import_notice(str(path), site, jurisdiction=GOVERNMENT.get(stem))


@pytest.fixture(scope="module")
def printer():
    with Printer() as p:
        yield p


@pytest.fixture(scope="module")
def office_pdfs(tmp_path_factory):
    """Every notice's .docx exported to PDF by LibreOffice, in one run of soffice."""
    folder = tmp_path_factory.mktemp("lo-pdf")
    docs = [make("docx", text, folder) for text in TEXTS]
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder / "pdf"),
                    *map(str, docs)], check=True, capture_output=True, timeout=600, env={**os.environ, "HOME": str(folder)})
    return folder / "pdf"


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    """Each notice imported from its text: the reference the other formats must match."""
    out = {}
    for text in TEXTS:
        site = tmp_path_factory.mktemp(f"text-{text.stem}")
        out[text.stem] = task_view(imported(text, text.stem, site).data)
    return out


def make(fmt: str, text: Path, folder: Path, tool=None) -> Path | None:
    """The notice in format fmt; tool: the Chromium printer for pdf, LibreOffice's output folder for lo.pdf."""
    blocks = blocks_of(text.read_text(encoding="utf-8"))
    path = folder / f"{text.stem}.{fmt}"
    if fmt == "lo.pdf":
        path = folder / f"{text.stem}.pdf"
        path.write_bytes((tool / f"{text.stem}.pdf").read_bytes())
    elif fmt == "html":
        # every other notice as GBK, the charset many government sites still declare
        path.write_bytes(to_html(blocks, charset="gbk" if TEXTS.index(text) % 2 else "utf-8"))
    elif fmt == "docx":
        to_docx(blocks, path)
    elif fmt == "xlsx":
        if not has_table(blocks):
            return None
        to_xlsx(blocks, path)
    else:
        tool.pdf(to_html(blocks, for_print=True), path)
    return path


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("text", TEXTS, ids=lambda p: p.stem)
def test_same_tasks_as_the_text(fmt, text, tmp_path, expected, request):
    tool = request.getfixturevalue({"pdf": "printer", "lo.pdf": "office_pdfs"}[fmt]) if "pdf" in fmt else None
    path = make(fmt, text, tmp_path, tool)
    if path is None:
        return  # a notice without a table is not published as a spreadsheet
    site = tmp_path / "site"
    result = imported(path, text.stem, site)
    figures = agreement(expected[text.stem], task_view(result.data))
    assert figures["f1"] >= 0.95 and figures["units"] >= 0.9 and figures["leads"] >= 0.9, figures
    kept = site / "content" / "sources" / f"{result.notice_id}{path.suffix}"
    assert kept.read_bytes() == path.read_bytes()
    assert result.data["source_file"] == kept.name


def test_at_least_ten_notices_and_the_table_notices_as_spreadsheets():
    assert len(TEXTS) >= 10
    assert sum(has_table(blocks_of(t.read_text(encoding="utf-8"))) for t in TEXTS) >= 3
