"""A web page saved as one file (.mht, Word's "single file web page", often published named .doc)
imports as the page itself does."""

from __future__ import annotations

import quopri
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from formats import blocks_of, task_view, to_html  # noqa: E402

from sitegen.importer import import_notice  # noqa: E402
from sitegen.importer.readers import detect  # noqa: E402

CORPUS = Path(__file__).parent / "importer_corpus"
TEXTS = [CORPUS / "inline.txt", CORPUS / "table_cells.txt"]
BOUNDARY = "----=_NextPart_01DA2B3C.4D5E6F70"


def word_archive(page: bytes, charset: str = "gb2312", newline: bytes = b"\r\n") -> bytes:
    """Laid out as Word writes it: the header, a preamble, the page quoted-printable, its files list."""
    parts = [b"MIME-Version: 1.0", f'Content-Type: multipart/related; boundary="{BOUNDARY}"'.encode(), b"",
             "此文档为“单个文件网页”，也称为“Web 档案”文件。".encode("gb18030"), b"",
             f"--{BOUNDARY}".encode(), b"Content-Location: file:///C:/8A1B/notice.htm",
             b"Content-Transfer-Encoding: quoted-printable", f'Content-Type: text/html; charset="{charset}"'.encode(),
             b"", quopri.encodestring(page).replace(b"\n", newline), b"",
             f"--{BOUNDARY}".encode(), b"Content-Location: file:///C:/8A1B/notice.files/filelist.xml",
             b'Content-Type: text/xml; charset="utf-8"', b"",
             b'<xml xmlns:o="urn:schemas-microsoft-com:office:office"><o:File HRef="filelist.xml"/></xml>', b"",
             f"--{BOUNDARY}--".encode(), b""]
    return newline.join(parts)


@pytest.mark.parametrize("suffix", ["mht", "doc"])
@pytest.mark.parametrize("text", TEXTS, ids=lambda p: p.stem)
def test_word_web_archive_imports_as_its_page(text, suffix, tmp_path):
    blocks = blocks_of(text.read_text(encoding="utf-8"))
    page = tmp_path / "page.html"
    page.write_bytes(to_html(blocks, charset="gbk"))
    archive = tmp_path / f"notice.{suffix}"
    archive.write_bytes(word_archive(page.read_bytes()))
    assert detect(archive.read_bytes(), suffix) == "mhtml"
    got = import_notice(str(archive), tmp_path / "a")
    want = import_notice(str(page), tmp_path / "b")
    assert task_view(got.data) == task_view(want.data) and got.task_count > 0
    assert got.data["source_file"].endswith(".mht")  # kept as what it is, whatever it was called


def test_utf8_archive_with_unix_lines(tmp_path):
    blocks = blocks_of(TEXTS[0].read_text(encoding="utf-8"))
    archive = tmp_path / "notice.mhtml"
    archive.write_bytes(word_archive(to_html(blocks), charset="utf-8", newline=b"\n"))
    assert import_notice(str(archive), tmp_path / "a").task_count > 0


def test_archive_without_a_page_is_refused(tmp_path):
    archive = tmp_path / "notice.mht"
    archive.write_bytes(word_archive(b"x").replace(b"text/html", b"text/plain"))
    with pytest.raises(Exception, match="no web page in it"):
        import_notice(str(archive), tmp_path / "a")
