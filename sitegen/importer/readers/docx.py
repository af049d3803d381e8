"""A Word .docx -> Document: paragraphs with their list numbers as printed, tables in body order."""

from __future__ import annotations

import io

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable

from ...core import limits
from ...core.errors import SitegenError
from ...core.zipcheck import open_zip
from .document import Budget, Document
from .numbering import Numbering


def read_docx(data: bytes, name: str) -> Document:
    open_zip(data, name)  # sizes checked before anything is unpacked
    try:
        word = open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged part
        raise SitegenError(f"{name}: is a damaged Word file ({type(exc).__name__}: {exc}); "
                           "open it in Word or WPS and save it again") from None
    numbering = Numbering(word)
    document = Document(name=name)
    budget = Budget(name)
    for element in _body_blocks(word.element.body):
        if element.tag == qn("w:p"):
            text = paragraph_text(element)
            label = numbering.label(element)
            document.add_paragraph(f"{label}{text}" if text.strip() else "")
        else:
            document.add_table(_rows(DocxTable(element, word), budget))
    return document


HIDDEN = {qn("w:del"), qn("w:moveFrom"), qn("w:p"), qn("w:txbxContent")}


def paragraph_text(p) -> str:
    """The paragraph as Word shows it: runs in hyperlinks, fields, content controls and tracked
    insertions included (python-docx reads only direct runs), deletions and nested text boxes left out."""
    out = []
    for run in p.iter(qn("w:r")):
        ancestor = run.getparent()
        while ancestor is not p and ancestor is not None and ancestor.tag not in HIDDEN:
            ancestor = ancestor.getparent()
        if ancestor is p:
            out.append(run.text)
    return "".join(out)


def _body_blocks(container):
    for child in container.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):  # content controls wrap ordinary paragraphs
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_blocks(content)


def _rows(table: DocxTable, budget: Budget) -> list[list[str]]:
    """python-docx repeats a merged cell (gridSpan, vMerge) in every grid position it covers."""
    rows = []
    for r, row in enumerate(table.rows):
        if r >= limits.MAX_ROWS:
            raise SitegenError(f"a table with more than {limits.MAX_ROWS:,} rows; is this really one notice?")
        try:
            cells = row.cells
        except (IndexError, ValueError):
            rows.append([_tc_text(tc) for tc in row._tr.tc_lst])  # an irregular grid: cells as found
            continue
        budget.take(len(cells))
        rows.append([c.text for c in cells])
    return rows


def _tc_text(tc) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))
