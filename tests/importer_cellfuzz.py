"""Table cells as real tables fill them (issue 17): the dev tables' units, rows and renderings
(tests/importer_tablefuzz.py) with the cells that real task tables print beside the task, drawn from
texts gathered from public pages (tests/importer_cellvocab_tuning.yaml / _heldout.yaml).

tablefuzz fills its extra columns with toys (正在推进, 民生类); real tables fill them with sentences that
carry dates, figures and numbered points. A seed picks, besides tablefuzz's form and separators:

- text: the task cell alone; a name column beside a content column (项目名称 | 主要内容); a task column with a
  具体措施 column of numbered points; numbered sub-items inside the task cell itself.
- merged: a name cell (or a 类别 cell) printed once over the 2-4 rows it covers.
- extra: a 进展情况/完成情况 column of real progress text, a 工作目标 column, a 备注 column, or none.
- points: how numbered points are numbered (1. / （1） / 1、 / ①).
- numbering: 1 / 1. / 1、 / none (unnumbered rows); leader: a name, a title and a name, two names, a post
  alone; deadline column or none; long cells wrapped over lines.
- layout (drawn apart: a seed drawn "none" is the case it was before): a 类别 cell printed in every row, a
  责任领导 column between the lead and the other units, a progress column before the units, the last column
  (the deadline) empty in every other row.

The expected tasks follow the corpus gold (tests/importer_corpus/real/README.md): a row with a name column and
a content column starts name + content; a row continuing a merged name cell starts with its own content; a
progress, target or notes column is no part of the task; a leader is kept without the title.

`python tests/importer_cellfuzz.py --seeds 500 [--vocab tuning|heldout]` prints the pass rate overall and per
value of each dimension, then the failure classes with their first seeds; `--show SEED [VOCAB]` prints one case.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from functools import cache
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from importer_matrix import Expected, Row, pieces
from importer_tablefuzz import (
    FORMS,
    ONE_LINE_ROWS,
    SEPARATORS,
    TABLES,
    Case,
    _expected_number,
    _furnish,
    _leads_known,
    _notice,
    _number,
    problem_kind,
    render,
    run_case,
)
from rates import Sweep, command

HERE = Path(__file__).parent
VOCABS = ("tuning", "heldout")
TEXTS = ("plain", "name+content", "measures", "sub-items")
MERGED = ("none", "name", "category")
EXTRAS = ("none", "progress", "target", "notes")
POINTS = ("1.", "（1）", "1、", "①")
NUMBERING = ("1", "1.", "1、", "none")
LEADERS = ("none", "none", "cell")
WRAPS = ("none", "long")
# how real tables lay out their columns besides (drawn apart from the other dimensions, so a seed drawn "none"
# is the case it was before the dimension came): a 类别 cell printed in every row, a 责任领导 column between the
# lead and the other units, a progress column before the units, the last column empty in some rows
LAYOUTS = ("none",) * 4 + ("category-each", "leader-between", "progress-before", "last-empty")
LABELS = {
    "number": ["序号", "编号"],
    "text": ["工作任务", "重点任务", "主要任务", "具体任务", "任务内容"],
    "name": ["项目名称", "指标名称", "任务名称", "工作任务", "重点任务"],
    "content": ["主要内容", "建设内容", "具体内容", "工作内容", "项目内容", "目标任务"],
    "measures": ["具体措施", "工作措施", "推进措施", "主要举措"],
    "progress": ["进展情况", "完成情况", "推进情况", "1-9月进展情况", "进展与成效"],
    "target": ["工作目标", "年度目标", "预期目标"],
    "notes": ["备注"],
    "category": ["类别", "项目类别", "类型"],
    "lead": ["牵头单位", "牵头部门"],
    "others": ["配合单位", "责任单位", "协办单位"],
    "units": ["责任单位", "责任部门"],
    "leader": ["责任领导", "分管领导", "牵头领导", "县级领导"],
    "deadline": ["完成时限", "时间节点", "完成时间"],
}
CIRCLED = "①②③④⑤⑥⑦⑧⑨"
DIMENSIONS = ("route", "table", "form", "text", "merged", "extra", "points", "numbering", "leader", "deadline",
              "wrap", "header", "layout")
TEXT_START = 14  # the gold's text_start: the first 10-16 characters


@cache
def vocab(which: str) -> dict:
    return yaml.safe_load((HERE / f"importer_cellvocab_{which}.yaml").read_text(encoding="utf-8"))


def _points(points: list[str], style: str) -> str:
    """Numbered points as a cell prints them, one a line: 1.…； / （1）…； / ①…。"""
    marks = [{"1.": f"{n}.", "（1）": f"（{n}）", "1、": f"{n}、", "①": CIRCLED[n - 1]}[style]
             for n in range(1, len(points) + 1)]
    ends = ["；"] * (len(points) - 1) + ["。"]
    return "\n".join(m + p + end for m, p, end in zip(marks, points, ends, strict=True))


def _spans(count: int, rng: random.Random) -> list[int]:
    """Where a merged cell starts: the row indexes each 2-4 row span begins at (a span may be 1 row)."""
    starts, at = [], 0
    while at < count:
        starts.append(at)
        at += rng.choice((1, 2, 3, 4))
    return starts


def _choose(rng: random.Random, which: str) -> dict[str, str]:
    dims = {
        "route": which,
        "form": rng.choice(FORMS),
        "sep": rng.choice(SEPARATORS),
        "text": rng.choice(TEXTS),
        "merged": rng.choice(MERGED),
        "extra": rng.choice(EXTRAS),
        "points": rng.choice(POINTS),
        "numbering": rng.choice(NUMBERING),
        "leader": rng.choice(LEADERS),
        "deadline": rng.choice(("none", "column")),
        "wrap": rng.choice(WRAPS),
        "header": rng.choice(("printed", "printed", "printed", "absent")),
    }
    if dims["form"] not in ("cells+sep",) and not dims["form"].startswith("rowsep"):
        dims["sep"] = "-"
    if dims["form"].startswith("rowsep") and dims["sep"] in ("|", "│"):
        dims["sep"] = "----"
    if dims["form"] in ONE_LINE_ROWS:
        dims["wrap"] = "none"  # a row on one line has no room for a cell over lines
    if dims["merged"] == "name" and dims["text"] != "name+content":
        dims["merged"] = "none"
    return dims


def _kinds(dims: dict[str, str], leads: bool) -> list[str]:
    layout = dims["layout"]
    kinds = [] if dims["numbering"] == "none" else ["number"]
    kinds += ["category"] if dims["merged"] == "category" or layout == "category-each" else []
    kinds += {"name+content": ["name", "content"], "measures": ["text", "measures"]}.get(dims["text"], ["text"])
    kinds += ["target"] if dims["extra"] == "target" else []
    kinds += ["progress"] if layout == "progress-before" else []
    kinds += ["lead", "leader", "others"] if layout == "leader-between" else ["lead", "others"] if leads else ["units"]
    kinds += ["leader"] if dims["leader"] == "cell" and layout != "leader-between" else []
    after = [dims["extra"]] if dims["extra"] in ("progress", "notes") and layout != "progress-before" else []
    ending = ["deadline"] if dims["deadline"] == "column" else []
    return kinds + (after + ending if layout == "last-empty" else ending + after)


def _layout(dims: dict[str, str], leads: bool) -> None:
    """The layout a case can print (recorded as printed): a leader between unit columns needs two of them
    and a leader, the last column empty needs a deadline column to leave empty."""
    layout = dims["layout"]
    if layout == "leader-between" and not leads:
        dims["layout"] = "none"
    elif layout == "leader-between":
        dims["leader"] = "cell"
    elif layout == "last-empty":
        dims["deadline"] = "column"
    elif layout == "category-each" and dims["merged"] == "name":
        dims["layout"] = "none"  # a name merged over rows under a category printed in each: no such table


def _fill(rows: list[Row], kinds: list[str], dims: dict[str, str], rng: random.Random,
          more: dict[str, list[str]] | None = None) -> tuple[list, list]:
    """The body's rows of cells and each row's expected (text, leader, deadline); `more`: the values of kinds
    the cell vocabulary has none of (tests/importer_tableshapes.py), drawn only where given."""
    words = vocab(dims["route"])
    merged = set(_spans(len(rows), rng)) if dims["merged"] != "none" else set(range(len(rows)))
    # a 类别 printed in every row names the span of rows it groups each time
    topics = sorted(_spans(len(rows), rng)) if dims["layout"] == "category-each" and dims["merged"] == "none" \
        else sorted(merged)
    names, contents = rng.sample(words["names"], len(words["names"])), rng.sample(words["contents"],
                                                                                  len(words["contents"]))
    body, wants = [], []
    for index, row in enumerate(rows):
        starts = index in merged
        name, content = names[index % len(names)]
        if dims["text"] != "name+content" or not starts:
            content = contents[index % len(contents)]
        leader = rng.choice(words["leaders"])
        deadline = rng.choice(words["deadlines"])
        cells = {
            "number": _number(row, dims["numbering"]),
            "category": words["categories"][len([i for i in topics if i <= index]) % len(words["categories"])]
            if starts or dims["layout"] == "category-each" else "",
            "name": name if starts else "",
            "content": content,
            "text": content + ("\n" + _points(rng.choice(words["measures"]), dims["points"])
                               if dims["text"] == "sub-items" else ""),
            "measures": _points(rng.choice(words["measures"]), dims["points"]),
            "progress": rng.choice(words["progress"]) if index % 3 != 2 else "",
            "target": rng.choice(words["targets"]),
            "notes": rng.choice(words["notes"]) if index % 2 else "",
            "lead": "、".join(row.lead),
            "others": "、".join(row.others),
            "units": "、".join(row.lead + row.others),
            "leader": leader[0],
            "deadline": "" if dims["layout"] == "last-empty" and index % 2 else deadline,
        }
        cells.update({kind: rng.choice(values) for kind, values in (more or {}).items()})
        body.append([_wrapped(cells[k], k, dims, rng) for k in kinds])
        text = (name if dims["text"] == "name+content" and starts else "") + content
        wants.append((text[:TEXT_START], leader[1] if "leader" in kinds else None,
                      cells["deadline"] or None if "deadline" in kinds else None))
    return body, wants


def _wrapped(value: str, kind: str, dims: dict[str, str], rng: random.Random) -> str:
    """A long cell over lines at the column's width (a cell's own lines are kept)."""
    if dims["wrap"] == "none" or kind in ("number", "lead", "others", "units") or len(value) < 16:
        return value
    width = rng.choice((8, 10, 12, 16))
    return "\n".join(piece for line in value.split("\n") for piece in pieces(line, width))


def case(seed: int, which: str = "tuning") -> Case:
    rng = random.Random(seed)
    table = TABLES[rng.randrange(len(TABLES))]
    dims = _choose(rng, which)
    first = rng.randrange(max(1, len(table.rows) - 5))
    rows = [replace(r, number=str(i + 1), group="") for i, r in enumerate(table.rows[first:first + 6])]
    leads = any(r.lead for r in rows)
    dims["layout"] = random.Random(seed + 3_000_017).choice(LAYOUTS)
    _layout(dims, leads)
    kinds = _kinds(dims, leads)
    body, wants = _fill(rows, kinds, dims, rng)
    header = [rng.choice(LABELS[k]) for k in kinds] if dims["header"] == "printed" else None
    return finished(seed, table, dims, (kinds, header, body), rows, wants, rng)


def finished(seed: int, table, dims: dict[str, str], printed: tuple, rows: list[Row], wants: list[tuple],
             rng: random.Random) -> Case:
    """The case: the (kinds, header, body) printed in its form inside a notice, each row's expected task."""
    kinds, header, body = printed
    dims.update(furniture="none", fragment="no", unitsep="、")
    lines = _furnish(render(header, body, dims["form"], dims, rng), header, dims, rng)
    known = _leads_known({**dims, "wrap": "none"}, rows, kinds)
    want = [Expected(_expected_number(r, dims["numbering"]), text, [*r.lead, *r.others],
                     list(r.lead) if known else None, leader, deadline)
            for r, (text, leader, deadline) in zip(rows, wants, strict=True)]
    return Case(seed, table.name, dims, _notice(table, lines, dims), want)


# The failure classes still open, most general first: a failing case belongs to the first class it fits.
CLASSES: dict[str, str] = {
    "headless": "no header row: a 类别 or name column, a measures column or numbered points are read from the "
                "cells alone, where a category, a name and the task's text look alike",
    "one-cell": "one cell a line, empty cells vanishing: a cell's numbered points, a post alone or a merged name "
                "cell read as cells of their own",
    "one-line": "a row on one line in columns of spaces or TABs: a cell placed by its content (a post alone in the "
                "leader column, a unit cell missing)",
    "wrapped": "cells wrapped over lines in a delimited table: in rows without numbers a wrapped line or a "
               "numbered point reads as the next row",
    "merged-name": "a name cell merged over rows in a delimited table without numbers: its empty cell under the "
                   "rows reads as the row above wrapped",
}


def classify(dims: dict[str, str]) -> str:
    """The open failure class a case's dimensions put it in ("other" when none)."""
    tests = {
        "headless": dims["header"] == "absent",
        "one-cell": dims["form"] in ("cells", "cells+sep"),
        "one-line": dims["form"] in ONE_LINE_ROWS,
        "wrapped": dims["wrap"] == "long",
        "merged-name": dims["merged"] == "name" and dims["numbering"] == "none",
    }
    return next((name for name in CLASSES if tests[name]), "other")


# -- sweeping -----------------------------------------------------------------------------------------

def sweep(seeds: range, routes: list[str], verbose: bool = False) -> Sweep:
    return sweep_cases(case, DIMENSIONS, seeds, routes, verbose, lambda c: c.dims["text"])


def sweep_cases(make, dimensions, seeds: range, routes: list[str], verbose: bool = False, detail=None) -> Sweep:
    """Each (seed, route) case `make` draws, imported and scored; `detail` adds to a failure's class."""
    import tempfile

    result = Sweep(dimensions)
    with tempfile.TemporaryDirectory() as tmp:
        for which in routes:
            for seed in seeds:
                c = make(seed, which)
                problems = run_case(c, Path(tmp))
                kind = problem_kind(problems[0]) if problems else ""
                result.add(seed, which, {"table": c.table, **c.dims}, problems,
                           f"{kind} / {detail(c)}" if detail else kind)
    result.print(verbose=verbose, detail="; ".join)
    return result


def show(seed: int, which: str) -> None:
    show_case(case(seed, which))


def show_case(c: Case) -> None:
    import tempfile

    print(c.table, c.dims)
    print(c.text)
    with tempfile.TemporaryDirectory() as tmp:
        for problem in run_case(c, Path(tmp)) or ["(passes)"]:
            print("  " + problem[:400])


def main(argv: list[str]) -> int:
    if "--vocab" in argv:  # the vocabulary is the sweep's route
        at = argv.index("--vocab")
        argv = [*argv[:at], f"route={argv[at + 1]}", *argv[at + 2:]]
    return command(argv, VOCABS, sweep, show, seeds=500)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
