"""A generator sweep's pass counts per value of each of its dimensions, and how a sweep prints them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence


class Rates:
    def __init__(self, dimensions: Sequence[str]):
        self.dimensions = dimensions
        self.counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))

    def add(self, values: Mapping[str, str], ok: bool) -> None:
        """One case drawn with these dimension values, read right or not."""
        for dim in self.dimensions:
            counts = self.counts[dim][values[dim]]
            counts[0] += ok
            counts[1] += 1

    def total(self, dim: str) -> int:
        return sum(n for _, n in self.counts[dim].values())

    def print(self, width: int = 10) -> None:
        """A line per dimension, its values worst first: `form  cells 77/129  pipes 131/140 …`."""
        for dim in self.dimensions:
            parts = sorted(self.counts[dim].items(), key=lambda kv: kv[1][0] / kv[1][1])
            print(f"{dim:{width}} " + "  ".join(f"{value} {ok}/{n}" for value, (ok, n) in parts))
