"""Readers for the files governments publish: bytes -> Document (paragraphs and tables).

The format is told by content (magic bytes, markup), the suffix only breaking
ties; each reader lives in its own module and is imported only when needed.
"""

from __future__ import annotations

import re
from functools import partial

from ...core.errors import SitegenError
from .document import Document, Paragraph, Table

__all__ = ["FORMATS", "Document", "Paragraph", "Table", "detect", "read_document"]

FORMATS = ("plain text (.txt), web pages (.html/.htm/.mht), Word (.docx, .doc, .wps), OpenDocument text (.odt), "
           "RTF (.rtf), PDF (.pdf), OFD (.ofd), spreadsheets (.xlsx, .xls)")
ODT = b"application/vnd.oasis.opendocument.text"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|table|div|p|title)[\s>/]", re.I)


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def detect(data: bytes, suffix: str = "") -> str:
    """'text', 'html', 'docx', 'xlsx', 'pdf', 'ofd', 'doc', 'xls', 'wps', 'odt', 'rtf', 'mhtml', or a SitegenError."""
    suffix = suffix.lower().lstrip(".")
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-" or data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        from ...core.zipcheck import member_names
        names = member_names(data)
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.lstrip("/").lower() == "ofd.xml" for n in names):
            return "ofd"
        if "mimetype" in names and data[30:200].find(ODT) >= 0:  # stored first and uncompressed, by the standard
            return "odt"
        if names:
            raise SitegenError(f"a zip archive that is none of Word (.docx), OpenDocument text (.odt), Excel (.xlsx) "
                           f"and OFD; "
                               f"sitegen import reads {FORMATS}")
        return {"docx": "docx", "docm": "docx", "xlsx": "xlsx", "xlsm": "xlsx", "ofd": "ofd"}.get(suffix, "zip")
    if data[:8] == OLE2:
        if _utf16("EncryptedPackage") in data:
            return "encrypted"
        if _utf16("WordDocument") in data:
            return "wps" if suffix == "wps" else "doc"
        if _utf16("Workbook") in data or _utf16("Book") in data:
            return "xls"
        return suffix if suffix in ("doc", "wps", "xls") else "ole"
    sample = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if sample.startswith(b"{\\rtf"):
        return "rtf"
    if _web_archive(sample):
        return "mhtml"
    if _HTML.search(sample[:2048]) and (sample[:1] == b"<" or suffix in ("html", "htm")):
        return "html"
    return "text"


def _web_archive(sample: bytes) -> bool:
    """A page saved as one file (.mht; Word's "single file web page", often named .doc): a MIME header."""
    header = re.split(rb"\r?\n\r?\n", sample, maxsplit=1)[0].lower()
    return header[:1].isalpha() and b"mime-version:" in header and b"multipart/" in header


def read_document(data: bytes, name: str, suffix: str = "") -> tuple[str, Document | None]:
    """The format and, for anything but plain text, the document read from it."""
    kind = detect(data, suffix)
    if kind == "text":
        return kind, None
    if kind == "html":
        from .html import read_html as reader
    elif kind == "mhtml":
        from .html import read_mhtml as reader
    elif kind == "docx":
        from .docx import read_docx as reader
    elif kind == "xlsx":
        from .xlsx import read_xlsx as reader
    elif kind == "pdf":
        from .pdf import read_pdf as reader
    elif kind == "ofd":
        from .ofd import read_ofd as reader
    elif kind == "xls":
        from .xls import read_xls as reader
    elif kind in ("doc", "wps", "odt", "rtf"):
        from .office import read_doc
        reader = partial(read_doc, kind=kind)
    elif kind == "encrypted":
        raise SitegenError(f"{name}: is an encrypted (password-protected) Office file; "
                           "save an unprotected copy and import that")
    else:
        raise SitegenError(f"{name}: is a {'zip archive' if kind == 'zip' else 'binary file'} of an unknown "
                           f"kind; sitegen import reads {FORMATS}")
    document = reader(data, name)
    document.name = name
    return kind, document
