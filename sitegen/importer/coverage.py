"""Coverage: every character of the source that is not page furniture must land in the output.

Each piece of source text is handed to the ledger together with the thing it
went into (a task, a section, the header…). At the end the ledger checks that
the piece's letters, digits and ideographs really are in that thing's output
text, so a parser bug that drops or garbles text shows up in the report
instead of silently losing a commitment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .text import squash


@dataclass
class Miss:
    line: int
    text: str
    why: str


@dataclass
class Ledger:
    entries: list[tuple[str, int, Any]] = field(default_factory=list)  # (text, line, owner with all_text())
    misses: list[Miss] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)

    def place(self, text: str, nos, owner) -> None:
        self.entries.append((text, nos[0] if nos else 0, owner))
        self.seen.update(nos)

    def unplaced(self, text: str, nos, why: str) -> None:
        self.misses.append(Miss(nos[0] if nos else 0, text, why))
        self.seen.update(nos)

    def result(self, all_lines: dict[int, str]) -> Coverage:
        misses = list(self.misses) + [Miss(no, text, "not read by any part of the importer")
                                      for no, text in all_lines.items() if no not in self.seen]
        total = sum(len(squash(miss.text)) for miss in misses)  # text that never reached the output
        landed = 0
        cache: dict[int, str] = {}
        where: dict[int, int] = {}  # per owner: where its last piece landed
        for text, no, owner in self.entries:
            target = cache.get(id(owner))
            if target is None:
                target = cache[id(owner)] = squash(owner.all_text())
            whole = squash(text)
            size = len(whole)
            total += size
            found, where[id(owner)] = _landed(text, whole, target, where.get(id(owner), 0))
            landed += found
            if found < size:
                misses.append(Miss(no, text, "only partly found in the output"))
        return Coverage(total, landed, sorted(misses, key=lambda m: m.line))


# an owner's pieces land in its text in order: a text longer than this is searched only this far around where
# the last piece landed, so that thousands of lines run into one cell cost each a window, not the whole text
WINDOW = 2000
PIECES = re.compile(r"[,,。;;、::()()\s]+")


def _landed(text: str, whole: str, target: str, last: int) -> tuple[int, int]:
    """How much of text (squashed: whole) is in target, and where it landed (last: where the owner's previous
    piece did)."""
    lo, hi = (0, len(target)) if len(target) <= WINDOW else (max(0, last - WINDOW), last + len(whole) + WINDOW)
    at = target.find(whole, lo, hi)
    if at >= 0:
        return len(whole), at + len(whole)
    parts = (squash(p) for p in PIECES.split(text))
    return sum(len(c) for c in parts if c and target.find(c, lo, hi) >= 0), last


@dataclass
class Coverage:
    total: int
    landed: int
    misses: list[Miss]

    @property
    def percent(self) -> float:
        return 100.0 if not self.total else 100.0 * self.landed / self.total
