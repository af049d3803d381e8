"""Traditional characters: patterns that match 牵头单位 also match 牽頭單位.

Notices are parsed as printed (names stay in the characters they were printed
in), so every keyword pattern accepts both forms of its characters. The
traditional forms come from OpenCC, not from a hand-made table.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_S2T: list[opencc.OpenCC] = []
_T2S: opencc.OpenCC | None
try:
    import opencc
    # each printing tradition has its own form of some characters: 为 is 爲 (s2t) and 為 (Taiwan, Hong
    # Kong), 着 is 著 in Taiwan; a pattern accepts all of them
    _S2T = [opencc.OpenCC(config) for config in ("s2t", "s2tw", "s2hk")]
    _T2S = opencc.OpenCC("t2s")
except Exception:  # pragma: no cover - opencc is a declared dependency
    _S2T, _T2S = [], None

EXTRA = {"于": "於", "台": "臺", "里": "裏"}  # characters s2t leaves alone in isolation


@lru_cache(maxsize=65536)
def simplified(text: str) -> str:
    return _T2S.convert(text) if _T2S else text


@cache
def _traditional(ch: str) -> str:
    forms = {convert.convert(ch) for convert in _S2T} | {ch, EXTRA.get(ch, ch)}
    return "".join(sorted(f for f in forms if f != ch and len(f) == 1))


@cache
def both(pattern: str) -> str:
    """A regex source whose Chinese characters also match their traditional forms."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        alt = _traditional(ch) if "\u4e00" <= ch <= "\u9fff" else ""
        out.append(ch + alt if in_class or not alt else f"[{ch}{alt}]")
        i += 1
    return "".join(out)


def compile_both(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(both(pattern), flags)
