"""Table rows as they reach plain text: the cells of one printed line.

Renderings: TAB-separated cells (what the readers of HTML, Word, PDF and
spreadsheets write: one row a line, merged cells repeated, empty cells kept),
pipe-delimited rows (| a | b |, Markdown included), box-drawing rows (│ a │ b │)
and columns separated by runs of spaces. Border and separator lines (----,
├──┼──┤, |---|---|) carry no text: they only separate rows or cells.
"""

from __future__ import annotations

import re
from functools import lru_cache

PIPES = "|｜│┃║"
# rule characters: ASCII and full-width dashes, underscores and equals, every box-drawing character (light,
# heavy, double and dashed lines, corners and crossings), dots; a line of nothing else is a rule
SEPARATOR_LINE = re.compile(r"^[\s\-—=＝_＿+＋|｜\u2500-\u257f－﹣‐‑–~～﹏:：.·…]*$")
PIPE_SPLIT = re.compile(f"[{PIPES}]")
SPACE_SPLIT = re.compile(r"(?:[ \u3000]{2,}|\t)")
MIN_CELLS = 3  # fewer space-separated pieces are a sentence with a wide gap, not a row


def is_separator(raw: str) -> bool:
    """A border or rule line: no letters, digits or ideographs, at least two rule characters (＿＿, ┄┄ are
    drawn as short as a narrow column)."""
    stripped = raw.strip()
    return len(stripped) >= 2 and bool(SEPARATOR_LINE.match(stripped))


def split_row(raw: str, min_cells: int = MIN_CELLS) -> list[str] | None:
    """The cells of a printed row, or None when the line is not a row.

    TAB cells are split on each TAB, so an empty cell keeps its column; runs of
    spaces cannot tell an empty cell from a wide gap, so they collapse. `min_cells` is lower inside a
    table whose other rows show it is one (a task and its unit, two cells).
    """
    cells = _cells(raw, min_cells)
    return None if cells is None else list(cells)  # a list of its own: callers may change it


@lru_cache(maxsize=65536)  # each line is asked again by each stage that looks for tables
def _cells(raw: str, min_cells: int) -> tuple[str, ...] | None:
    stripped = raw.strip(" \u3000\r\n")
    if not stripped:
        return None
    if "\t" in stripped:
        cells = [c.strip() for c in stripped.split("\t")]
        return tuple(cells) if sum(1 for c in cells if c) >= 1 and len(cells) >= 2 else None
    if stripped[0] in PIPES or stripped[-1] in PIPES or sum(stripped.count(p) for p in PIPES) >= 2:
        inner = stripped[1:] if stripped[0] in PIPES else stripped
        inner = inner[:-1] if inner and inner[-1] in PIPES else inner
        cells = [c.strip() for c in PIPE_SPLIT.split(inner)]
        return tuple(cells) if len(cells) >= 2 else None
    if _gap_in_brackets(stripped):
        return None  # (…(牵头单位:X  责任单位:Y): a wide gap inside a bracket parts two fields of one sentence)
    pieces = [c.strip() for c in SPACE_SPLIT.split(stripped) if c.strip()]
    return tuple(pieces) if len(pieces) >= min_cells else None


OPEN_BRACKETS, CLOSE_BRACKETS = "(（〔［[【", ")）〕］]】"


def _gap_in_brackets(text: str) -> bool:
    """A run of spaces between a bracket and its closer, on a line whose brackets all close: no column edge (a
    cell that wraps leaves its bracket open at the line's end)."""
    if sum(c in OPEN_BRACKETS for c in text) != sum(c in CLOSE_BRACKETS for c in text):
        return False
    depth = 0
    for i, char in enumerate(text):
        depth += (char in OPEN_BRACKETS) - (char in CLOSE_BRACKETS)
        if depth > 0 and SPACE_SPLIT.match(text, i):
            return True
    return False


def is_delimited(raw: str) -> bool:
    """TAB or pipe rows keep their empty cells, so their cells stand in fixed columns."""
    stripped = raw.strip(" \u3000\r\n")  # a TAB at the start is an empty first cell
    return "\t" in stripped or any(p in stripped for p in PIPES)


def split_spaced(raw: str) -> list[str]:
    """Cells split by single spaces (国办: 序号 工 作 任 务 牵头负责部门 / 1 居民消费价格涨幅3%左右 发展改革委):
    only for a table whose header is printed so; a label spaced out letter by letter is one cell."""
    out: list[str] = []
    single = False
    for token in raw.split():
        if len(token) == 1 and single and not token.isdigit():
            out[-1] += token
            continue
        out.append(token)
        single = len(token) == 1 and not token.isdigit()
    return out


def bare_pipes(raw: str) -> bool:
    """A pipe row printed without outer bars (序号 | 工作任务 | 责任单位)."""
    stripped = raw.strip(" \u3000\r\n")
    return bool(stripped) and "\t" not in stripped and stripped[0] not in PIPES and stripped[-1] not in PIPES \
        and any(p in stripped for p in PIPES)


def open_left(raw: str) -> bool:
    """A pipe row with no bar at its start (1. | 居民消费价格 | 发展改革委 | ): a row of a table without outer
    bars, though a last empty cell leaves a bar at its end."""
    stripped = raw.strip(" \u3000\r\n")
    return bool(stripped) and "\t" not in stripped and stripped[0] not in PIPES and any(p in stripped for p in PIPES)


def split_bare(raw: str) -> list[str]:
    """The cells of a row of a table without outer bars: a bar at the start or the end of the line is
    between an empty cell and the next, not the table's edge ( | | 县住建局 | : two empty cells first)."""
    return [c.strip() for c in PIPE_SPLIT.split(raw.strip("\r\n"))]



def raw_cells(raw: str, bare: bool = False) -> list[str]:
    """A delimited row's cells as printed, spaces kept (split_row strips them): where a cell's lines begin
    or end with a space tells whether a list separated by spaces broke at a separator."""
    line = raw.strip("\r\n")
    if "\t" in line.strip(" \u3000"):
        return line.strip(" \u3000").split("\t")
    if bare:
        return PIPE_SPLIT.split(line)
    stripped = line.strip(" \u3000")
    inner = stripped[1:] if stripped[:1] in PIPES else stripped
    inner = inner[:-1] if inner and inner[-1] in PIPES else inner
    return PIPE_SPLIT.split(inner)


def padded(cells: list[list[str]]) -> bool:
    """Cells printed with one space inside each bar (| a | b |, Markdown's and most converters' way)."""
    filled = [c for row in cells for c in row if c.strip()]
    return bool(filled) and sum(1 for c in filled if c[:1] == " " and c[-1:] == " ") * 2 > len(filled)


def unpadded(cell: str, pad: bool) -> str:
    """A padded cell without its one space each side (a first or last cell of a row without outer bars
    has only one of them)."""
    if pad:
        cell = cell[1:] if cell[:1] == " " else cell
        cell = cell[:-1] if cell[-1:] == " " else cell
    return cell


def aligned(cells: list[str]) -> bool:
    """Cells padded to their column's width (spaces at a cell's edges on many lines): edge spaces there
    say nothing of where a list broke."""
    filled = [c for c in cells if c.strip()]
    return bool(filled) and sum(1 for c in filled if c != c.strip()) * 5 > len(filled)


BROKEN_CELL_LINES = 20  # the most lines one cell of a TAB row is broken over (a unit list one name a line)
TABS_AROUND = 40  # how far (in lines, about) a TAB row looks for the table's full rows


def tab_rows_rejoined(text: str) -> tuple[str, list[tuple[int, ...]] | None]:
    """TAB rows whose cell held line breaks, one line again, and the source line numbers of each line (None
    where nothing was joined). A browser's copy of a web table, or a sheet saved as text, ends the row's
    line inside the cell (a unit list one name a line) and goes on with the cell's next lines, the last of
    them carrying the row's remaining cells: a line short of the table's TABs, lines without a TAB, then a
    line whose TABs make up the count exactly, are one row; the cell's lines are parted by a space (names
    apart, a sentence's pieces joined by clean). A short line that nothing makes up (its cells covered by a
    merged cell above) stays as it is. Done on the text, before its lines are cleaned: the TABs that close a
    line are the empty cells that count."""
    lines = text.splitlines()
    tabs = [line.strip(" \u3000").count("\t") for line in lines]
    if not any(tabs):
        return text, None
    blocks = [max(tabs[b:b + TABS_AROUND]) for b in range(0, len(tabs), TABS_AROUND)]
    out: list[str] = []
    origins: list[tuple[int, ...]] = []
    i = 0
    while i < len(lines):
        block = i // TABS_AROUND  # the table's full rows: the most TABs a line around this one has
        full = max(blocks[max(0, block - 1):block + 2])
        end = _broken_row_end(lines, tabs, i, full)
        end = i if end is None else end
        out.append(" ".join([lines[i].rstrip(" \u3000"), *(line.strip(" \u3000") for line in lines[i + 1:end + 1])]))
        origins.append(tuple(range(i + 1, end + 2)))
        i = end + 1
    return ("\n".join(out), origins) if len(out) < len(lines) else (text, None)


def _broken_row_end(lines: list[str], tabs: list[int], i: int, full: int) -> int | None:
    """The last line of the TAB row broken at lines[i], or None where lines[i] is no broken row."""
    count = tabs[i]
    if not count or count >= full:
        return None
    for j in range(i + 1, min(len(lines), i + BROKEN_CELL_LINES + 1)):
        if not lines[j].strip() or is_separator(lines[j]):
            return None  # a blank line or a rule ends a row
        count += tabs[j]
        if tabs[j]:
            return j if count == full else None
    return None
