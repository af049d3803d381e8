"""Plain text and web pages in the encodings Chinese notices are saved in read as their UTF-8 original does."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from sitegen.content.originals import _decode as original_text
from sitegen.core.encoding import decode_text
from sitegen.importer import import_notice

CORPUS = Path(__file__).parent / "importer_corpus"
NOTICE = (CORPUS / "inline.txt").read_text(encoding="utf-8")
TRADITIONAL = opencc.OpenCC("s2tw").convert(NOTICE)


def imported(tmp_path: Path, name: str, data: bytes) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    notice = import_notice(str(path), tmp_path / name.replace(".", "-")).data
    return [notice["title"], notice["attachments"]]


@pytest.mark.parametrize("codec", ["gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_text_in_any_chinese_encoding_imports_as_utf8_does(tmp_path, codec):
    assert imported(tmp_path, f"{codec}.txt", NOTICE.encode(codec)) == \
        imported(tmp_path, "utf8.txt", NOTICE.encode("utf-8"))


def test_big5_text_is_told_from_gbk(tmp_path):
    data = TRADITIONAL.encode("big5", errors="ignore")
    assert data.decode("gb18030")  # GB18030 decodes it too, into nonsense: the choice must be read
    assert decode_text(data) == (data.decode("big5"), "big5")
    assert imported(tmp_path, "big5.txt", data) == imported(tmp_path, "utf8.txt", data.decode("big5").encode())


@pytest.mark.parametrize("text", [NOTICE[:40], NOTICE[:120], NOTICE])
def test_gbk_that_also_decodes_as_big5_stays_gbk(text):
    data = text.encode("gbk")
    assert decode_text(data) == (text, "gb18030")


def test_web_page_declared_gb2312_holding_gbk_characters():
    page = "<html><head><meta charset=gb2312></head><body><p>镕基同志牵头</p></body></html>"
    assert decode_text(page.encode("gbk"), "gb2312") == (page, "gb18030")


def test_kept_original_shown_in_the_encoding_it_was_read_in():
    assert original_text(TRADITIONAL.encode("big5", errors="ignore")).startswith(TRADITIONAL[:10])
