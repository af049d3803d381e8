"""Real table shapes, held out (issue 17): the column sets, orders and labels of task tables read from public
pages (tests/importer_tableshapes_heldout.yaml, gathered before any parser change and never tuned on), filled
with the held-out cell texts of tests/importer_cellfuzz.py and printed in tablefuzz's forms.

A seed draws a shape and, besides tablefuzz's form and separators:
- header: printed, or its labels broken over two lines (`责任` / `领导`);
- merged: the leader cell printed once over the 1-4 rows it covers (a shape with a leader column);
- groups: the shape's grouping headings printed as rows across the table (where the page groups its tasks);
- numbering and wrapped cells as the cell generator draws them.

The expected tasks follow the corpus gold (tests/importer_corpus/real/README.md): name + content where both
columns print; a figure, progress, target or notes column is no part of the task and no unit; the
leader from the leader column, carried down its merged cell; the lead units from a 牵头 column (the only unit
column a 牵头 column: all its units lead), none where only 责任单位 print.

`python tests/importer_tableshapes.py --seeds 400` prints the pass rate overall, per shape and per dimension,
then the failure classes; `--show SEED` prints one case.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from functools import cache
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from importer_cellfuzz import TEXT_START, _choose, _fill, _wrapped, finished, show_case, sweep_cases
from importer_matrix import Row
from importer_tablefuzz import TABLES, Case
from rates import Sweep, command

HERE = Path(__file__).parent
DIMENSIONS = ("route", "shape", "form", "header", "merged", "groups", "numbering", "wrap")


@cache
def shapes() -> dict:
    return yaml.safe_load((HERE / "importer_tableshapes_heldout.yaml").read_text(encoding="utf-8"))


def _units(rows: list[Row], kinds: list[str]) -> list[Row]:
    """The rows' units laid out for the shape's unit columns: a lead and an other column part them at the lead
    (the first unit where a table marks none), a lone 牵头 column holds them all as leads, a lone 责任 column
    marks none."""
    if "lead" in kinds and "others" in kinds:
        return [r if r.lead else replace(r, lead=r.others[:1], others=r.others[1:]) for r in rows]
    if "lead" in kinds:
        return [replace(r, lead=r.lead + r.others, others=()) for r in rows]
    return [replace(r, lead=(), others=r.lead + r.others) for r in rows]


def _merge_leader(body: list[list[str]], wants: list[tuple], at: int, rng: random.Random) -> None:
    """The leader cell printed once over each span of rows: the rows under it carry the span's leader."""
    starts = set()
    index = 0
    while index < len(body):
        starts.add(index)
        index += rng.choice((1, 2, 3, 4))
    for index in range(len(body)):
        if index not in starts:
            body[index][at] = ""
            top = max(s for s in starts if s < index)
            wants[index] = (wants[index][0], wants[top][1], wants[index][2])


def _grouped(body: list[list[str]], names: list[str], rng: random.Random) -> list[list[str] | str]:
    """Grouping headings printed as rows across the table: one before the first row, one midway."""
    half = max(1, len(body) // 2)
    first, second = rng.sample(names, 2)
    out: list[list[str] | str] = [first, *body[:half]]
    return out + ([second, *body[half:]] if body[half:] else [])


def _dims(rng: random.Random, shape: dict, index: int) -> dict[str, str]:
    dims = _choose(rng, "heldout")
    kinds = [kind for kind, _ in shape["columns"]]
    dims.update(shape=str(index), text="name+content" if "content" in kinds else "plain", merged="none",
                layout="category-each" if "category" in kinds else "none", extra="none", leader="none",
                deadline="none", header=rng.choice(("printed", "printed", "broken")),
                groups="yes" if shape.get("groups") else "no")
    if "leader" in kinds and rng.random() < 0.4:
        dims["merged"] = "leader"
    if "number" not in kinds:
        dims["numbering"] = "none"
    elif dims["numbering"] == "none":
        dims["numbering"] = "1"  # the shapes print their 序号
    return dims


def case(seed: int, which: str = "heldout") -> Case:
    rng = random.Random(seed)
    data = shapes()
    index = rng.randrange(len(data["shapes"]))
    shape = data["shapes"][index]
    kinds = [kind for kind, _ in shape["columns"]]
    header = [label for _, label in shape["columns"]]
    dims = _dims(rng, shape, index)
    table = TABLES[rng.randrange(len(TABLES))]
    first = rng.randrange(max(1, len(table.rows) - 5))
    rows = _units([replace(r, number=str(i + 1), group="") for i, r in enumerate(table.rows[first:first + 6])],
                  kinds)
    body, wants = _fill(rows, kinds, dims, rng, more={"figure": data["figures"]})
    if "name" in kinds and "content" not in kinds:  # a name column alone: the name is the task's text
        at = kinds.index("name")
        wants = [(cells[at][:TEXT_START], *want[1:]) for cells, want in zip(body, wants, strict=True)]
    body = [[_wrapped(cell, kind, dims, rng) for cell, kind in zip(cells, kinds, strict=True)] for cells in body]
    if dims["merged"] == "leader":
        _merge_leader(body, wants, kinds.index("leader"), rng)
    printed = _grouped(body, data["groups"], rng) if dims["groups"] == "yes" else body
    return finished(seed, table, dims, (kinds, header, printed), rows, wants, rng)


def sweep(seeds: range, routes: list[str], verbose: bool = False) -> Sweep:
    return sweep_cases(case, DIMENSIONS, seeds, routes, verbose)


def show(seed: int, which: str) -> None:
    show_case(case(seed, which))


if __name__ == "__main__":
    sys.exit(command(sys.argv[1:], ("heldout",), sweep, show, seeds=400))
