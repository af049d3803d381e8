"""Readable ASCII slugs for URLs, from Chinese names through pinyin."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata


@functools.cache
def _pinyin():
    """pypinyin's lazy_pinyin and plain style, imported on first use: the import costs ~0.2-0.3 s,
    and a build whose names all have pinned slugs never needs it."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin, Style.NORMAL


def slugify(name: str) -> str:
    """`市发改委` -> `shi-fa-gai-wei`; ASCII words are kept, everything else dropped."""
    lazy_pinyin, normal = _pinyin()
    parts = lazy_pinyin(unicodedata.normalize("NFKC", name), style=normal, errors="default")
    words = re.findall(r"[a-z0-9]+", "-".join(parts).lower().replace("ü", "v"))
    return "-".join(words) or short_hash(name)


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def unique_slugs(names: dict[str, str | None]) -> dict[str, str]:
    """Slugs for names (name -> pinned slug or None) that never collide.

    A pinned slug is kept. A derived slug that collides gets a suffix made from
    the name itself, so it does not depend on which other names exist.
    """
    derived = {name: pinned or slugify(name) for name, pinned in names.items()}
    counts: dict[str, int] = {}
    for slug in derived.values():
        counts[slug] = counts.get(slug, 0) + 1
    return {
        name: slug if names[name] or counts[slug] == 1 else f"{slug}-{short_hash(name)}"
        for name, slug in derived.items()
    }
