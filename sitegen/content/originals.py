"""A notice's original as published (content/sources/<source_file>), offered to readers.

A text is shown on its own page (/notices/<id>/original/) and offered as a .txt; a saved web page is
shown and offered as its text only (its HTML is never published: it would run on this site's origin);
a Word, PDF or spreadsheet file is offered for download as it is.
"""

from __future__ import annotations

import html.parser
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.encoding import decode_text
from .model import Notice, Site

SOURCES = Path("content") / "sources"
TEXT = {".txt", ".text", ".md", ".csv"}
HTML = {".html", ".htm", ".xhtml", ".shtml"}
DOWNLOAD = {".pdf": "PDF 文件", ".ofd": "OFD 文件", ".docx": "Word 文件", ".doc": "Word 文件", ".xlsx": "Excel 表格",
            ".xls": "Excel 表格", ".wps": "WPS 文件", ".et": "WPS 表格", ".odt": "ODF 文件", ".ods": "ODF 表格",
            ".rtf": "RTF 文件", ".mht": "网页存档", ".mhtml": "网页存档"}


@dataclass(frozen=True)
class Original:
    notice: Notice
    suffix: str  # of the source file, lower case
    text: str | None  # shown on the page (a text, or a web page's text); None for a download
    data: bytes  # the file offered for download: the text as UTF-8, or the Word/PDF/spreadsheet file

    @property
    def kind_label(self) -> str:
        if self.suffix in HTML:
            return "网页正文的纯文本"
        return DOWNLOAD.get(self.suffix, "纯文本")

    @property
    def file_name(self) -> str:
        """The published file's name, in the original page's folder."""
        return f"{self.notice.id}{'.txt' if self.text is not None else self.suffix}"

    @property
    def file_url(self) -> str:
        return self.notice.original_url + self.file_name


def original(site: Site, notice: Notice) -> Original | None:
    """The notice's original, read once per build; None when no readable file is named."""
    found = site.__dict__.setdefault("_originals", {})
    if notice.id not in found:
        found[notice.id] = _read(site.root, notice)
    return found[notice.id]


def _read(root: Path, notice: Notice) -> Original | None:
    if not notice.source_file:
        return None
    name = Path(notice.source_file).name  # a file in content/sources/, never a path elsewhere
    path = Path(root) / SOURCES / name
    suffix = path.suffix.lower()
    if suffix not in TEXT | HTML | DOWNLOAD.keys():
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if suffix in DOWNLOAD:
        return Original(notice, suffix, None, data)
    text = _decode(data)
    if suffix in HTML:
        text = html_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Original(notice, suffix, text, text.encode("utf-8"))


def _decode(data: bytes) -> str:
    found = decode_text(data)  # the encodings the importer read it in
    return found[0] if found else data.decode("utf-8", "replace")


class _Text(html.parser.HTMLParser):
    BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
                        "article", "blockquote", "pre", "hr", "dt", "dd"})
    SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_text(source: str) -> str:
    """A saved web page's visible text, one block a line (script, style and markup dropped)."""
    parser = _Text()
    parser.feed(source)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def files(site: Site, notices=None):
    """(path, bytes) of each notice's published original file (the build's data files)."""
    for notice in site.notices if notices is None else notices:
        found = original(site, notice)
        if found is not None:
            yield found.file_url.lstrip("/"), found.data
