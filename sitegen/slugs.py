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


def pinyin_key(name: str, place: str = "") -> tuple[str, str]:
    """How a unit index sorts a name: by the pinyin of the name without its government's prefix
    (市发改委 under F, beside 发展改革委, not under S with every 市…), then by the name itself."""
    core = unicodedata.normalize("NFKC", name)
    for prefix in (place, "市", "区", "县", "省"):
        if prefix and core.startswith(prefix) and len(core) - len(prefix) >= 2:
            core = core[len(prefix):]
            break
    lazy_pinyin, normal = _pinyin()
    spelled = "".join(lazy_pinyin(core, style=normal, errors="default")).lower().replace("ü", "v")
    return spelled, name


def by_initial(items, name=lambda item: item.name, place: str = "") -> list[tuple[str, list]]:
    """[(initial letter A-Z or #, items)] in pinyin order (pinyin_key)."""
    keyed = sorted(((pinyin_key(name(item), place), index, item) for index, item in enumerate(items)),
                   key=lambda entry: entry[:2])
    groups: dict[str, list] = {}
    for (spelled, _), _, item in keyed:
        letter = spelled[:1].upper()
        groups.setdefault(letter if "A" <= letter <= "Z" else "#", []).append(item)
    return sorted(groups.items(), key=lambda group: (group[0] == "#", group[0]))
