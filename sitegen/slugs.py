"""Readable ASCII slugs for URLs, from Chinese names through pinyin."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from .limits import MAX_ID_LENGTH


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
    slug = "-".join(words) or short_hash(name)
    if len(slug) > MAX_ID_LENGTH:  # a very long name: its slug cut short, made unique by the name's hash
        slug = slug[:MAX_ID_LENGTH - 7].rstrip("-") + "-" + short_hash(name)
    return slug


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:6]


def unique_slugs(names: dict[str, str | None], taken=()) -> dict[str, str]:
    """Slugs for names (name -> pinned slug or None, in registry order) that never collide, nor with `taken`.

    A pinned slug is kept. A derived slug is kept by the first name (in the given order) that derives
    it; a later name deriving the same, or a reserved name (schema.RESERVED_ROUTES …), gets a suffix made
    from the name itself. So adding a unit never moves the URL of one published before it.
    """
    from .schema import id_problem

    used = set(taken) | {pinned for pinned in names.values() if pinned}
    slugs = {}
    for name, pinned in names.items():
        slug = pinned
        if not slug:
            slug = plain = slugify(name)
            if slug in used or id_problem(slug):
                slug = f"{plain}-{short_hash(name)}"
            used.add(slug)
        slugs[name] = slug
    return slugs
