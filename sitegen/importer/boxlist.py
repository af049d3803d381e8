"""A list drawn in a box whose columns no table reader knows: its rows read as the lines they print.

A project list grouped by the unit responsible, printed as a box (`│ │ (十一)省轻纺集团总公司 │ │ │` over
`│ 1 │ 福建纺织化纤集团PVA扩建项目 │`), often two lists side by side (`│ │ 在建项目 │ │ 预备项目 │`): no column is
labelled as a task or a unit, so neither a header nor a headless table is found, and the bars hide the unit
headings and the numbers from the readers of numbered items, so the notice was refused. Its rows are read as the
lines of their cells instead: a cell alone is a line (a heading, a header label), a number cell opens the item
in the cell after it (`1 │ 项目` → `1.项目`). The unit headings then give their items a unit (headings.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .rows import split_row
from .tables import headless_table, is_table_start
from .text import Line, clean

BOX_BARS = "│┃║"  # box-drawing bars only: a table of ASCII pipes is read by the table readers as it is
NUMBER_CELL = re.compile(r"^\d{1,3}$")


def box_rows_as_lines(lines: list[Line]) -> list[Line]:
    """`lines` with each box-drawn row replaced by the lines of its cells, when the notice's box has no
    header a table reader knows (a row of column labels) and no headless table is found in it."""
    if not any(_boxed(line) for line in lines):
        return lines
    if any(is_table_start(line) for line in lines) or headless_table(lines):
        return lines
    out: list[Line] = []
    for line in lines:
        cells = split_row(line.raw) if _boxed(line) else None
        if not cells:
            out.append(line)
            continue
        out.extend(replace(line, text=text, raw=text) for text in cell_lines(cells))
    return out


def cell_lines(cells: list[str]) -> list[str]:
    """The lines a row's cells print: each filled cell a line, a number cell joined to the cell after it."""
    filled = [text for text in map(clean, cells) if text]
    lines: list[str] = []
    for cell in filled:
        if lines and NUMBER_CELL.match(lines[-1]) and not NUMBER_CELL.match(cell):
            lines[-1] = f"{lines[-1]}.{cell}"
        else:
            lines.append(cell)
    return lines


def _boxed(line: Line) -> bool:
    return any(bar in line.raw for bar in BOX_BARS)
