"""The overlay: a `--cache` build's search index after a few notice edits, without a shard indexed again.

Pagefind cannot take records out of an index. So instead of indexing again the shard that holds an edited
notice (its thousands of records, for the sake of a hundred), the edited notices' records are indexed on
their own into a small bundle, pagefind/overlay/, and their records in the shards are masked: the
manifest (pagefind/shards.json, "overlay") lists the masked records' ids, which the search page drops
from every result, and what they counted in each filter, which it takes off the filters' counts
(themes/default/static/search.js). The overlay's records carry a marker, so none has the id of a
record it replaces.

The overlay holds every notice edited since the shards were last made, and grows with each `--cache`
build, up to `PAGES` records; past that (or when the shards are cut anew) the build indexes again the
shards that hold its notices and leaves no overlay: the index is then byte for byte a clean build's.
Under an overlay, only pagefind/ differs from a clean build's output, and the search page's answers do
not (tests/test_search_overlay.py); docs/search.md has the format, docs/performance.md the costs.
"""

from __future__ import annotations

import gzip
import json
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..core.errors import SitegenError
from .searchbundle import SIGNATURE

PATH = "overlay/"  # the bundle's folder, relative to pagefind/
NAME = PATH.rstrip("/")
# Most records the overlay holds: its indexing stays a fraction of a shard's, and the masked ids it lists,
# which every reader's first query fetches with the manifest, stay a few kilobytes. SITEGEN_SEARCH_OVERLAY
# overrides it; 0 turns the overlay off (every --cache index byte for byte a clean build's).
PAGES = 512
ENV_PAGES = "SITEGEN_SEARCH_OVERLAY"
# The marker: a filter of the overlay's own, its record's date (or "-"), which also lets the search page
# place the overlay's records among the shards' when it sorts by date.
MARKER = '<div data-pagefind-ignore><span data-pagefind-filter="overlay">{}</span></div>'


def pages() -> int:
    """The most records the overlay holds: SITEGEN_SEARCH_OVERLAY if set, else PAGES."""
    value = os.environ.get(ENV_PAGES, "").strip()
    if not value:
        return PAGES
    if not value.isdigit():
        raise SitegenError(f"{ENV_PAGES}={value!r}: expected a whole number of records (0: no overlay)")
    return int(value)


@dataclass
class State:
    """What the manifest's "overlay" says: the notices in the overlay with the (date, records) the shards
    were cut with, the ids of their records in the shards, and what those records count in the filters."""

    notices: dict[str, tuple[str, int]] = field(default_factory=dict)
    masked: list[str] = field(default_factory=list)
    uncount: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, manifest: dict | None) -> State:
        """The state a manifest holds (none for a manifest without an overlay or one that cannot be read)."""
        about = (manifest or {}).get("overlay")
        if not isinstance(about, dict):
            return cls()
        try:
            notices = {str(k): (str(v[0]), int(v[1])) for k, v in about["notices"].items()}
            masked = [str(i) for i in about["masked"]]
            uncount = {str(k): {str(v): int(n) for v, n in values.items()} for k, values in about["uncount"].items()}
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return cls()
        return cls(notices, masked, uncount)

    def add(self, notices: dict[str, tuple[str, int]], masked: list[str], uncount: dict) -> None:
        """Notices newly in the overlay: their shard (date, records), their records' ids and filter counts."""
        self.notices.update(notices)
        self.masked = sorted(set(self.masked) | set(masked))
        for name, values in uncount.items():
            into = self.uncount.setdefault(name, {})
            for value, count in values.items():
                into[value] = into.get(value, 0) + count

    def entry(self, pages: int, days: list[str]) -> dict:
        """The manifest's "overlay": the bundle's path, its records and their dates ("-": none), the state."""
        return {"path": PATH, "pages": pages, "days": sorted({d or "-" for d in days}),
                "notices": {k: list(v) for k, v in sorted(self.notices.items())},
                "masked": self.masked,
                "uncount": {k: dict(sorted(v.items())) for k, v in sorted(self.uncount.items())}}


def base(found: list, state: State) -> list:
    """`found` (index.IndexedNotice, in date order) as the shards were cut: each overlay notice with the date
    and record count it had then."""
    out = [replace(n, date=state.notices[n.name][0], pages=state.notices[n.name][1]) if n.name in state.notices else n
           for n in found]
    return sorted(out, key=lambda n: (n.date, n.name))


def marked(records, date: str):
    """The overlay's records of a notice of `date`: each with the marker, so that its id is never a masked
    record's."""
    mark = "<body>" + MARKER.format(date or "-")
    for url, html in records:
        yield url, html.replace("<body>", mark, 1)


def masked_records(bundle: Path, prefixes: tuple[str, ...]) -> tuple[list[str], dict]:
    """The records of one bundle folder (pagefind/ or pagefind/<n>/) whose URL starts with one of
    `prefixes` (the notices' URLs: their tasks' are under them): their ids (the fragments' names, as the
    search page gets them) and how many of them hold each filter value."""
    ids: list[str] = []
    uncount: dict[str, Counter] = {}
    folder = bundle / "fragment"
    for name in sorted(os.listdir(folder)) if folder.is_dir() else ():
        data = gzip.decompress((folder / name).read_bytes())
        fragment = json.loads(data[len(SIGNATURE):] if data.startswith(SIGNATURE) else data)
        if not fragment.get("url", "").startswith(prefixes):
            continue
        ids.append(name.removesuffix(".pf_fragment"))
        for key, values in fragment.get("filters", {}).items():
            uncount.setdefault(key, Counter()).update(values)
    return ids, {k: dict(v) for k, v in uncount.items()}
