"""The site's registries: jurisdictions, units per jurisdiction, leaders.

New names are appended in order of first appearance with `review: true`; what
a person already wrote (ids, aliases, kinds) is kept as it is.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from ..content.slugs import slugify
from ..core.errors import SitegenError
from .jurisdiction import slug_for
from .units import kind_of
from .variants import simplified
from .writer import FileSet, dump, load


class UniqueIds:
    """Ids that never repeat: base, else base-2, base-3 …, the first not taken. Each base remembers the
    number it reached, so n items numbered alike cost n steps, not n²/2."""

    def __init__(self, taken=()):
        self.taken = set(taken)
        self.reached: dict[str, int] = {}

    def take(self, base: str) -> str:
        candidate = base
        if candidate in self.taken:
            n = self.reached.get(base, 2)
            candidate = f"{base}-{n}"
            while candidate in self.taken:
                n += 1
                candidate = f"{base}-{n}"
            self.reached[base] = n + 1
        self.taken.add(candidate)
        return candidate


@dataclass
class _ListFile:
    """A content file that is a list of mappings, rewritten only when something was added."""

    FILE = ""
    path: Path
    items: list[dict] = field(default_factory=list)
    changed: bool = False

    @classmethod
    def open(cls, site: Path):
        path = site / "content" / cls.FILE
        data = load(path) or []
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise SitegenError(f"{path}: expected a list of {cls.FILE.removesuffix('.yaml')}, each a mapping "
                               "(see docs/content-format.md)")
        return cls(path, list(data))

    def save(self, files: FileSet) -> None:
        if self.changed:
            files.add(self.path, dump(self.items))


class Jurisdictions(_ListFile):
    FILE = "jurisdictions.yaml"

    def by_id(self, jid: str) -> dict | None:
        return next((j for j in self.items if j.get("id") == jid), None)

    def ensure_chain(self, chain: list[dict]) -> list[str]:
        """Ids for the chain (outermost first), adding missing jurisdictions."""
        ids, parent = [], None
        for link in chain:
            found = next((j for j in self.items if j.get("name") == link["name"]
                          and (parent is None or j.get("parent") in (None, parent))), None)
            if found is None:
                jid = slug_for(link["name"])
                if self.by_id(jid):
                    jid = f"{parent}-{jid}" if parent else f"{jid}-{link['level']}"
                found = {"id": jid, "name": link["name"]}
                if parent:
                    found["parent"] = parent
                found["level"] = link["level"]
                self.items.append(found)
                self.changed = True
            ids.append(found["id"])
            parent = found["id"]
        return ids

    def add_under(self, name: str, level: str, parent: str) -> str:
        """The id of `name` under `parent`, added when missing."""
        found = next((j for j in self.items if j.get("name") == name and j.get("parent") == parent), None)
        if found:
            return found["id"]
        jid = slug_for(name)
        if self.by_id(jid):
            jid = f"{parent}-{jid}"
        self.items.append({"id": jid, "name": name, "parent": parent, "level": level})
        self.changed = True
        return jid

    def ancestors(self, jid: str) -> list[dict]:
        out, seen = [], set()
        node = self.by_id(jid)
        while node and node["id"] not in seen:
            seen.add(node["id"])
            out.append(node)
            parent = node.get("parent")
            node = self.by_id(parent) if parent else None
        return out


@dataclass
class UnitRegistry:
    path: Path
    jurisdiction: str
    units: list[dict] = field(default_factory=list)
    changed: bool = False
    index: dict[str, dict] = field(default_factory=dict)
    ids: UniqueIds = field(default_factory=UniqueIds)

    @classmethod
    def open(cls, site: Path, jurisdiction: str) -> UnitRegistry:
        path = site / "content" / "units" / f"{jurisdiction}.yaml"
        data = load(path) or {"jurisdiction": jurisdiction, "units": []}
        units = data.get("units") if isinstance(data, dict) else None
        if not isinstance(units or [], list) or not all(isinstance(unit, dict) for unit in units or []):
            raise SitegenError(f"{path}: expected 'jurisdiction:' and 'units:', a list of mappings "
                               "(see docs/content-format.md)")
        registry = cls(path, jurisdiction, list(units or []))
        registry.ids = UniqueIds(u.get("id") for u in registry.units)
        for unit in registry.units:
            for name in [unit.get("name"), *(unit.get("aliases") or [])]:
                if name:
                    registry.index.setdefault(name, unit)
        return registry

    def find(self, name: str) -> dict | None:
        return self.index.get(name)

    def closest(self, name: str, exclude: set[str]) -> list[str]:
        names = [u["name"] for u in self.units if u["name"] not in exclude]
        return difflib.get_close_matches(name, names, n=3, cutoff=0.5)

    def resolve(self, printed: str, hint: str | None) -> tuple[dict, str]:
        """(unit, how): how is 'known', 'alias' (traditional form added) or 'new'."""
        unit = self.find(printed)
        if unit is not None:
            return unit, "known"
        plain = simplified(printed)
        unit = self.find(plain) if plain != printed else None
        if unit is not None:
            unit.setdefault("aliases", []).append(printed)
            self.index[printed] = unit
            self.changed = True
            return unit, "alias"
        unit = {"id": self.ids.take(slugify(plain)), "name": plain}
        if plain != printed:
            unit["aliases"] = [printed]
        unit["kind"] = kind_of(plain, hint)
        unit["review"] = True
        self.units.append(unit)
        for name in {printed, plain}:
            self.index[name] = unit
        self.changed = True
        return unit, "new"

    def save(self, files: FileSet) -> None:
        if self.changed:
            files.add(self.path, dump({"jurisdiction": self.jurisdiction, "units": self.units}))


class Leaders(_ListFile):
    FILE = "leaders.yaml"
    ids = None  # UniqueIds, made on the first new leader

    def ensure(self, name: str, title: str, jurisdiction: str) -> str | None:
        """Add a leader; returns a note when the printed title differs from the registered one."""
        found = next((item for item in self.items
                      if item.get("name") == name and item.get("jurisdiction") == jurisdiction), None)
        if found:
            if found.get("title") != title:
                return f"{name}: printed as {title}, registered as {found.get('title')}"
            return None
        if self.ids is None:
            self.ids = UniqueIds(item.get("id") for item in self.items)
        lid = self.ids.take(slugify(name))
        self.items.append({"id": lid, "name": name, "title": title, "jurisdiction": jurisdiction})
        self.changed = True
        return None
