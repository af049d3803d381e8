"""A generator sweep's pass counts per value of each of its dimensions, and how a sweep prints them."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path


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


class Sweep:
    """A sweep of (seed, route) cases: the rates per dimension, the failures and their first problem's class."""

    def __init__(self, dimensions: Sequence[str]):
        self.rates = Rates(dimensions)
        self.failures: dict[tuple[int, str], list] = {}
        self.classes: dict[str, list[str]] = defaultdict(list)

    def add(self, seed: int, route: str, values: Mapping[str, str], problems: list, kind: str = "") -> None:
        """One case's problems (none: read right); `kind` names the first problem's class."""
        self.rates.add(values, not problems)
        if problems:
            self.failures[seed, route] = problems
            self.classes[f"{kind} / {route}"].append(str(seed))

    def print(self, width: int = 11, verbose: bool = False, detail: Callable[[list], str] = str) -> None:
        total = self.rates.total("route")
        passed = total - len(self.failures)
        print(f"all: {passed}/{total} ({passed / max(1, total):.3f})")
        self.rates.print(width=width)
        print("failure classes (first problem / route): count, first seeds")
        for name, seeds in sorted(self.classes.items(), key=lambda kv: -len(kv[1])):
            print(f"  {name:28} {len(seeds):4}  {' '.join(seeds[:10])}")
        if verbose:
            for (seed, route), problems in self.failures.items():
                print(f"  {seed} {route}: " + detail(problems[:3])[:300])


def command(argv: list[str], routes: Sequence[str], sweep: Callable, show: Callable, seeds: int = 200) -> int:
    """A (seed, route) generator's command line: `--seeds N --start S [route=R …] [--failures]` sweeps,
    `--show SEED [ROUTE]` prints one case."""
    chosen = [a.split("=", 1)[1] for a in argv if a.startswith("route=")] or list(routes)
    if "--show" in argv:
        at = argv.index("--show")
        route = argv[at + 2] if len(argv) > at + 2 and argv[at + 2] in routes else chosen[0]
        show(int(argv[at + 1]), route)
        return 0
    count = int(argv[argv.index("--seeds") + 1]) if "--seeds" in argv else seeds
    start = int(argv[argv.index("--start") + 1]) if "--start" in argv else 0
    sweep(range(start, start + count), chosen, "--failures" in argv)
    return 0


class TextGenerator:
    """A generator of notices as text, one route: `generate(seed)` gives (text, expected, dimensions), `check(text,
    expected, site)` the problems of importing it; its run, sweep and show for `command`."""

    def __init__(self, generate: Callable, check: Callable, show_case: Callable, dimensions: Sequence[str]):
        self.generate, self.check, self.show_case, self.dimensions = generate, check, show_case, dimensions

    @classmethod
    def of_notices(cls, notice: Callable, check: Callable, show_case: Callable, dimensions: Sequence[str]):
        """For a class whose instance is a seed's notice: `build()` gives (text, expected), `dims` its dimensions."""
        def generate(seed: int) -> tuple:
            drawn = notice(seed)
            text, want = drawn.build()
            return text, want, drawn.dims
        return cls(generate, check, show_case, dimensions)

    def run(self, seed: int, site: Path) -> tuple[list, dict[str, str]]:
        text, want, dims = self.generate(seed)
        return self.check(text, want, site), dims

    def sweep(self, seeds, routes, verbose: bool) -> None:
        result = Sweep(self.dimensions)
        for seed in seeds:
            with tempfile.TemporaryDirectory() as tmp:
                problems, dims = self.run(seed, Path(tmp))
            result.add(seed, "text", dims, [detail for _, detail in problems], problems[0][0] if problems else "")
        result.print(verbose=verbose)

    def show(self, seed: int, route: str) -> None:
        text, want, dims = self.generate(seed)
        with tempfile.TemporaryDirectory() as tmp:
            self.show_case(dims, text, want, self.check(text, want, Path(tmp)))
