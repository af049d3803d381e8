"""Readable ASCII slugs for URLs, from Chinese names through pinyin."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from ..core.limits import MAX_ID_LENGTH


@functools.cache
def _pinyin():
    """pypinyin's lazy_pinyin and plain style, imported on first use: the import is slow
    (docs/performance.md), and a build whose names all have pinned slugs never needs it."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin, Style.NORMAL


def slugify(name: str) -> str:
    """`市发改委` -> `shi-fa-gai-wei`; ASCII words are kept, everything else dropped."""
    lazy_pinyin, normal = _pinyin()
    parts = lazy_pinyin(unicodedata.normalize("NFKC", name), style=normal, errors="default")
    words = re.findall(r"[a-z0-9]+", "-".join(parts).lower().replace("ü", "v"))
    return fit_id("-".join(words) or short_hash(name), name)


def fit_id(slug: str, name: str, room: int = 0) -> str:
    """An id no longer than ids may be (they name files), less `room` for a suffix to come (-2): a long one cut
    short, made unique by the name's hash."""
    if len(slug) <= MAX_ID_LENGTH - room:
        return slug
    return slug[:MAX_ID_LENGTH - room - 7].rstrip("-") + "-" + short_hash(name)


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
