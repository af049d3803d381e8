"""Reading the notice: a path or `-` for standard input, as plain text.

A web page, Word, PDF or spreadsheet file is read by its reader (readers/,
told by content) and rendered as the plain text the importer parses. Plain text is read in the
encodings notices are saved in (UTF-8, GB18030/GBK, Big5, UTF-16:
core/encoding.py); anything else (empty, binary, text in no such encoding or
not Chinese) is refused with a message that says what the file is, since a
wrongly decoded notice would silently put garbage on a public site.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ..core.encoding import LEGACY, decode_text, han_share
from ..core.errors import SitegenError
from ..core.limits import MAX_IMPORT_BYTES as MAX_BYTES
from .readers import FORMATS, read_document

EXTENSIONS = {"text": "txt", "html": "html", "docx": "docx", "xlsx": "xlsx", "pdf": "pdf", "xls": "xls",
              "doc": "doc", "wps": "wps", "ofd": "ofd", "odt": "odt", "rtf": "rtf", "mhtml": "mht"}
KEPT_SUFFIXES = (*EXTENSIONS.values(), "htm", "text", "docm", "xlsm", "mhtml")  # what a kept original can be called


@dataclass
class Source:
    text: str
    name: str  # what people call it in messages
    stem: str | None  # file name without suffix; None for standard input
    data: bytes = b""  # the file as given, kept with the notice
    kind: str = "text"  # text, html, mhtml, docx, xlsx, pdf, ofd, xls, doc, wps, odt, rtf

    @property
    def extension(self) -> str:
        """The suffix the kept copy gets: the file's own when it names the format, else the format's."""
        own = Path(self.name).suffix.lower().lstrip(".")
        same = {"html": ("html", "htm"), "text": ("txt", "text"), "docx": ("docx", "docm"),
                "xlsx": ("xlsx", "xlsm"), "mhtml": ("mht", "mhtml")}.get(self.kind, (EXTENSIONS[self.kind],))
        return own if own in same else EXTENSIONS[self.kind]


def read_source(source: str) -> Source:
    if source == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise SitegenError(f"standard input: larger than {MAX_BYTES // 2**20} MB; is this really one notice?")
        return _read(data, "standard input", None, "")
    path = Path(source)
    shown = source.encode("utf-8", "backslashreplace").decode("utf-8") if _undecodable(source) else source
    if _undecodable(source):  # the file name's bytes are not UTF-8: it would become source_file and the id
        raise SitegenError(f"{shown}: the file name is not valid UTF-8 text; rename the file (e.g. notice.txt)")
    try:
        if not path.exists():
            raise SitegenError(f"{source}: no such file")
        if path.is_dir():
            raise SitegenError(f"{source}: is a folder; give the notice's text file")
        if not path.is_file():  # a device (/dev/zero), a pipe: no end, or no size to check
            raise SitegenError(f"{source}: is not a regular file; give the notice's text file, or - to read "
                               "standard input")
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # never more than the limit, whatever the size says
    except OSError as error:
        raise SitegenError(f"{source}: cannot read: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise SitegenError(f"{source}: larger than {MAX_BYTES // 2**20} MB; is this really one notice?")
    return _read(data, source, path.stem, path.suffix)


def _read(data: bytes, name: str, stem: str | None, suffix: str) -> Source:
    kind, document = read_document(data, name, suffix) if data.strip() else ("text", None)
    text = decode(data, name) if document is None else document.text()
    return Source(text, name, stem, data, kind)


def _undecodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: a byte of the name that is not UTF-8 (surrogateescape)
        return True
    return False


def decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise SitegenError(f"{name}: is empty; expected the text of a notice")
    found = decode_text(data)
    if not (found and found[1].startswith("utf-16")) and _binary(data[:8192]):
        raise SitegenError(f"{name}: looks like a binary file of a kind sitegen import does not read; "
                           f"it reads {FORMATS}")
    if found and (found[1] not in LEGACY or han_share(found[0]) >= 0.2):  # legacy bytes decode as anything
        return found[0]
    raise SitegenError(f"{name}: is text in none of the encodings notices are saved in (UTF-8, GB18030/GBK, "
                       "Big5, UTF-16); save the notice as UTF-8")


def _binary(sample: bytes) -> bool:
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in sample or controls > 0.05 * max(len(sample), 1)
