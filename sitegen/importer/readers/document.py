"""What every reader returns: a document as paragraphs and tables, and its plain text.

The plain text is what the text importer reads (the contract with tables.py):
paragraphs one per line with a blank line after each (the importer then never
runs two of them together: a reader knows where its paragraphs end); a table row one line with its cells separated by a
TAB, a merged cell's value repeated in every cell it covers, line breaks
inside a cell joined; a row that is one cell spanning the whole table (a
title above the header, a row-group heading such as 一、稳增长) a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...core import limits
from ...core.errors import SitegenError

CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_BREAK = re.compile(r"\s*\n\s*")
_CJK_END = re.compile(f"[{CJK}]$")
_CJK_START = re.compile(f"^[{CJK}]")
_MID_SENTENCE = re.compile(r"[\u3400-\u9fffA-Za-z0-9、,，]$")  # ends in a word or a comma: not a sentence's end
_PROSE = re.compile(r"[。,，;；]")
BROKEN_LENGTH = 40  # characters: longer than a heading, a title or a signature line
# the start of a numbered item, a part or an attachment
MARKER = re.compile(r"^\s*(第[一二三四五六七八九十百]+[部分章节条]|[一二三四五六七八九十]+[、.．]|"
                    r"[(（][一二三四五六七八九十\d]+[)）]|"
                    r"\d{1,3}[.、．](?!\d)|[①-⑳]|附件|附表)")


@dataclass
class Paragraph:
    text: str


@dataclass
class Table:
    rows: list[list[str]]  # a rectangle: merged cells already carried into every cell they cover


@dataclass
class Document:
    blocks: list = field(default_factory=list)
    name: str = "document"

    def add_paragraph(self, text: str) -> None:
        text = text.strip()
        if text:
            self.blocks.append(Paragraph(text))

    def add_table(self, rows: list[list[str]]) -> None:
        rows = [[join_cell(c) for c in row] for row in rows]
        rows = [r for r in rows if any(r)]
        if not rows:
            return
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        while width > 1 and not any(r[width - 1] for r in rows):  # empty columns at the right
            rows = [r[:-1] for r in rows]
            width -= 1
        if width == 1:
            for r in rows:
                self.add_paragraph(r[0])
        else:
            self.blocks.append(Table(rows))

    def text(self) -> str:
        lines: list[str] = []
        for block, after in zip(self.blocks, [*self.blocks[1:], None], strict=True):
            if isinstance(block, Paragraph):
                lines.extend(line.strip() for line in block.text.splitlines() if line.strip())
                if isinstance(after, Paragraph) and _broken(block.text, after.text):
                    continue  # no paragraph end: the text parser joins or parts the two as in a plain text
            else:
                lines.extend(_row_line(row) for row in block.rows)
            lines.append("")
        text = "\n".join(lines) + "\n"
        if len(text) > limits.MAX_TEXT_CHARS:
            raise SitegenError(f"{self.name}: more than {limits.MAX_TEXT_CHARS:,} characters of text; "
                               "is this really one notice?")
        return text


def _broken(text: str, after: str) -> bool:
    """A paragraph of prose stopping mid-sentence before one that opens no item: one paragraph broken in
    two (a page or a file made from a PDF's lines breaks them so). A title, a heading, a catalogue line
    or a table's cell printed as a line has no sentence punctuation or is short."""
    return (len(text) >= BROKEN_LENGTH and bool(_MID_SENTENCE.search(text)) and bool(_PROSE.search(text))
            and not MARKER.match(after))


def _row_line(row: list[str]) -> str:
    if len(set(row)) == 1 or not any(row[1:]):
        return row[0]  # one cell spanning the table (a title, a row-group heading) or a line of text
    return "\t".join(c.replace("\t", " ") for c in row)


def join_lines(text: str | None) -> str:
    """Line breaks inside a cell: nothing between two CJK characters, a space otherwise."""
    if not text:
        return ""
    parts = [p for p in _BREAK.split(text.strip()) if p]
    out = parts[0] if parts else ""
    for part in parts[1:]:
        out += glue(out, part) + part
    return out.replace("\u00a0", " ").strip()


def glue(before: str, after: str) -> str:
    """What stands between two lines of one paragraph or cell: nothing beside a CJK character, else a space."""
    return "" if _CJK_END.search(before) or _CJK_START.search(after) else " "


def join_cell(text: str | None) -> str:
    """A cell's lines as one value. A cell that is a list of units printed one name a line, each name
    perhaps wrapped by a narrow column (县农业农 / 村局 / 县林业水 / 利局), keeps the names apart
    (县农业农村局、县林业水利局): lines are gathered until they make a unit's name. Any other cell is
    joined as join_lines does (a wrapped sentence, a name broken over two lines: 区新兴产业 / 服务中心)."""
    if not text or "\n" not in text:
        return join_lines(text)
    names = _names_by_line(text)
    return "、".join(names) if names else join_lines(text)


def _names_by_line(text: str) -> list[str] | None:
    """The unit names a cell's lines make, when they make two or more and nothing else; else None."""
    from ..units import looks_like_unit

    def unit(name: str) -> bool:
        return len(name) >= 3 and not name[0].isdigit() and looks_like_unit(name)

    names, current = [], ""
    for line in (join_lines(line) for line in _BREAK.split(text.strip())):
        if current.endswith((")", "）")) and unit(line.rstrip("、,,")):
            names.append(current)  # a name closed by its bracketed alias (高新园(邹区镇)), a whole name after it
            current = ""
        current += line
        name = current.rstrip("、,,")
        if unit(name):
            names.append(name)
            current = ""
    return names if len(names) > 1 and not current else None


class Budget:
    """Counts cells read so a crafted file stops at limits.MAX_CELLS, not at the end of memory."""

    def __init__(self, name: str):
        self.name, self.cells = name, 0

    def take(self, n: int = 1) -> None:
        self.cells += n
        if self.cells > limits.MAX_CELLS:
            raise SitegenError(f"{self.name}: more than {limits.MAX_CELLS:,} cells; "
                               "is this really one notice?")
