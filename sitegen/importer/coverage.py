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
        for text, no, owner in self.entries:
            target = cache.get(id(owner))
            if target is None:
                target = cache[id(owner)] = squash(owner.all_text())
            whole = squash(text)
            size = len(whole)
            total += size
            found = _landed(text, whole, target)
            landed += found
            if found < size:
                misses.append(Miss(no, text, "only partly found in the output"))
        return Coverage(total, landed, sorted(misses, key=lambda m: m.line))


def _landed(text: str, whole: str, target: str) -> int:
    """How much of text (squashed: whole) is in target."""
    if whole in target:
        return len(whole)
    return sum(len(c) for c in (squash(p) for p in re.split(r"[,,。;;、::()()\s]+", text)) if c and c in target)


@dataclass
class Coverage:
    total: int
    landed: int
    misses: list[Miss]

    @property
    def percent(self) -> float:
        return 100.0 if not self.total else 100.0 * self.landed / self.total
