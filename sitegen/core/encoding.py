"""The encodings Chinese notices are saved in: UTF-8, GB18030 (GBK, GB2312), Big5 and UTF-16.

One decoder for plain text and web pages. A byte-order mark or a declared
charset is taken at its word; otherwise UTF-8, then UTF-16 told by its zero
bytes, then the legacy Chinese encodings. GBK text rarely decodes as Big5 and
Big5 text nearly always decodes as GB18030, so when both decode the choice is
charset-normalizer's (it reads which one makes Chinese), GB18030 on a tie:
mainland notices are the many.
"""

from __future__ import annotations

import codecs

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
LEGACY = ("gb18030", "big5")
ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
           "cp936": "gb18030", "euc-cn": "gb18030", "big5-hkscs": "big5hkscs", "x-x-big5": "big5"}


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str] | None:
    """(text, codec) or None when the bytes are none of the encodings above."""
    marked = mark(data)
    if marked:
        return _strict(data, marked)
    if declared:  # pages declared gb2312 often hold GBK characters: read by the superset
        found = _strict(data, ALIASES.get(declared.lower(), declared.lower()))
        if found:
            return found
    return _strict(data, "utf-8") or _utf16(data) or _legacy(data)


def mark(data: bytes) -> str | None:
    """The codec a byte-order mark names."""
    return next((codec for bom, codec in BOMS if data.startswith(bom)), None)


def _strict(data: bytes, codec: str) -> tuple[str, str] | None:
    try:
        return data.decode(codec), codec
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16(data: bytes) -> tuple[str, str] | None:
    sample = data[:4096]
    sample = sample[:len(sample) // 2 * 2]
    if b"\x00" not in sample:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        found = _strict(sample, codec)
        if found and _readable(found[0]):
            return _strict(data[:len(data) // 2 * 2], codec)
    return None


def _readable(text: str) -> bool:
    shown = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return shown > 0.95 * len(text) and (_han(text) > 0.2 * len(text) or text.isascii())


def _legacy(data: bytes) -> tuple[str, str] | None:
    found = [f for f in (_strict(data, codec) for codec in LEGACY) if f]
    if len(found) < 2:
        return found[0] if found else None
    from charset_normalizer import from_bytes
    best = from_bytes(data, cp_isolation=list(LEGACY)).best()
    codec = best.encoding if best is not None and best.encoding in LEGACY else LEGACY[0]
    return next(f for f in found if f[1] == codec)


def han_share(text: str) -> float:
    return _han(text) / max(len(text.strip()), 1)


def _han(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
