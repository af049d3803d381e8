"""Tables flattened to text: one row per line (rowtable.py) or one cell per line (武昌, here).

Empty cells simply vanish in a one-cell-per-line table, so cells are told apart
by what they hold: the number, the task text (the first cell after it), 主办/协办,
unit-looking names, and row-group headers (今后五年工作展望) that sit between rows.
Rows of cells handed over directly (a reader of spreadsheets) go through
parse_rows, the same model as the rows of text.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import replace
from itertools import pairwise

from .attribution import apply_rule
from .cellrows import DATE_INSIDE, TOPIC, bracketed_unit, cell_rows, headless, lists_joined, separated, signer
from .columns import (
    NAME_START,
    NUMBER_CELL,
    UNIT_KINDS,
    Column,
    align_header,
    by_content,
    content_columns,
    first_unit_column_leads,
    header_columns,
    headless_rows,
    is_header_row,
    is_number_label,
    label_kind,
    label_shaped,
    leader_cell,
    looks_like_leader,
    spread_under_units,
    task_and_units,
    unit_list,
    unit_list_cell,
    word_across,
)
from .coverage import Ledger
from .header import SIGNATURE_DATE
from .items import Attachment, Section, Task
from .markers import DUE_START, FOOTER_START, MARKERS, cn_to_int, marker
from .rows import (
    PIPES,
    aligned,
    bare_pipes,
    is_delimited,
    open_left,
    padded,
    raw_cells,
    split_bare,
    split_row,
    split_spaced,
    unpadded,
)
from .rowtable import (
    CONTINUED,
    GROUP_MARKERS,
    ITEM_MARKERS,
    PIECE,
    RowTable,
    cell_leaders,
    cell_units,
    column_edges,
    cut_at,
    fits_column,
    group_section,
    top_aligned,
)
from .structure import apply_heading_units
from .text import CONTINUED_MARK, Line, clean, paren_depth
from .units import looks_like_unit
from .variants import compile_both, simplified

COLUMN_END = ("序号", "事项", "类别", "分类", "总投资", "部门", "单位", "时限", "领导", "内容", "任务", "备注", "措施",
              "目标", "名称", "时间", "进度", "项目", "编号", "工作", "节点", "情况", "安排", "举措", "主体",
              "责任人", "负责人", "联系人", "要求", "指标", "期限", "类型", "县长", "市长", "区长",
              "科室", "处室", "股室", "负责方", "责任方", "分工", "日期", "状态")  # columns.KINDS' word ends
CATEGORIES = {"主办", "协办", "牵头", "配合", "参与", "责任"}
ROLE_LABELS = {"牵头", "配合", "协办", "主办"}  # a role alone is a label of its own under 责任单位 (牵头 / 配合)
SUB_ITEM_NEXT = "②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
BODIES_LABEL = compile_both(r"部门|单位")  # a column's label naming bodies (评分部门)
# a row's number cell: 1 / 1. / 1、 / (1), or a numeral alone (一: no 、 and no text, so no heading)
NUMBER = re.compile(r"^(?:\d{1,4}[.、．]?|[((]\d{1,4}[))]|[一二三四五六七八九十]{1,3})$")
# a group row printed like a heading (一、… / (一)… / 第一部分): never a broken cell of the row above
HEADING_CELL = [pattern for kind, pattern in MARKERS if kind in ("part", "ordinal", "cn", "pcn")]
# what follows a figure (a year, a date, a count), never a task's first word after its row's number
MEASURE_WORD = compile_both(r"^(?:[个项家万亿座吨年月日%]|公里|平方米)")
NUMBERED_TEXT = re.compile(r"^(\d{1,4})[.、．](?!\d)\s*(\S.*)$")
AMOUNT = re.compile(r"^\d+(\.\d+)?$")
FIGURE = re.compile(r"^\d+(\.\d+)?%?$")  # 95% or 1360 in a progress or money column: a whole cell
PROGRESS_CELL = compile_both(r"^(\d+(\.\d+)?%|已完成|已开工|未开工|已竣工|正在|基本完成|完成\d)")
# a date cell; a bare year (2017年重点工作) is a heading between rows, not a date; a longer cell opened by
# 持续 / 长期 that names no date is a task's text (持续推进反垄断执法信息公开…), as columns.DATE_CELL tells
DEADLINE_CELL = compile_both(r"^(?!(?:长期|持续|常态|每)(?!.*(?:\d月|年底|年内|年末|季度|半年)).{7})"
                             rf"(?:{DUE_START})"
                             r"|^\d{4}年(底|内|末|前|以前|以内)?$")  # a cell that is a year and nothing else


def is_table_start(line: Line) -> bool:
    """A header row: 序号 alone (one cell per line follows) or a row of column labels."""
    if is_number_label(line.text):
        return True
    cells = split_row(line.raw) if line.raw else None
    if not cells:
        return spaced_header(line)
    return (len(cells) >= 3 and is_number_label(cells[0])) or is_header_row(cells)


def broken_header_above(lines: list[Line], at: int) -> bool:
    """重点工作 / 责任 / 完成 over 单位 / 时限: the row above a header row holds the first halves of its
    labels (a row of its own that is no header: its fragments say nothing alone)."""
    above = split_row(lines[at - 1].raw) if at > 0 and lines[at - 1].raw else None
    below = split_row(lines[at].raw) if lines[at].raw else None
    if above and below and len(above) < len(below) and not is_delimited(lines[at].raw):
        above = align_header(above, below)  # spaces between cells: a label whole below left no cell above
    if not above or not below or len(above) != len(below):
        return False
    joined = [clean(a) + clean(b) for a, b in zip(above, below, strict=True)]
    return all(len(clean(a)) <= 12 for a in above) and is_header_row(joined) and \
        sum(1 for a, b in zip(above, below, strict=True) if clean(a) and clean(b)) >= 1


def spaced_header(line: Line) -> bool:
    """A header row whose labels are split by single spaces (序号 工 作 任 务 牵头负责部门)."""
    if not line.raw or " " not in line.raw.strip():
        return False
    cells = split_spaced(line.raw)
    return len(cells) >= 3 and is_number_label(cells[0]) and is_header_row(cells)


def _spaced_cells(line: Line) -> list[str] | None:
    """A row of a single-space table: it starts with its number; other lines are text. A converter spaces
    digits from ideographs: a figure and its measure word (2010 年, 12 月底前, 17 家) are a cell's words."""
    cells = split_spaced(line.raw) if line.raw else []
    if len(cells) >= 2 and cells[0].isdigit() and MEASURE_WORD.match(cells[1]):
        return None
    return cells if len(cells) >= 2 and NUMBER.match(cells[0]) else None


def is_column_label(line: Line) -> bool:
    """A short line that is a column's label (工作任务, 牵头单位): a header cell, never a title line."""
    return len(line.text) <= 6 and _label_line(line.text)


def _label_line(text: str) -> bool:
    return label_kind(text) is not None and simplified(text).endswith(COLUMN_END)


def is_table_row(line: Line) -> bool:
    """A line holding three or more delimited cells, or a task's text and its units apart by a wide gap
    (a row of a table, never a title)."""
    pair = _as_row(line, 2)
    return pair is not None and (len(pair) >= 3 or is_delimited(line.raw) or task_and_units(pair))


def parse_table(att: Attachment, lines: list[Line], ledger: Ledger, leader_sink=None,
                rule: str | None = None, columns: list[Column] | None = None) -> None:
    """Fill att from the lines of a table; `columns` when the header was not printed."""
    sink = leader_sink or (lambda name, title: None)
    least = HEADLESS_MIN_CELLS if columns is not None else 3  # no header: rows were found by their cells
    first = split_row(lines[0].raw, least) if lines[0].raw else None
    if columns is not None and first is None:  # one cell a line, no header (headless_cells)
        found, given = headless(lines), columns

        def by_cases(target: Attachment, book: Ledger, names) -> None:
            target.columns = [c.name for c in given]
            cells = [([spaced_units(line.raw) or line.text], line) for line in lines]
            Table(target, given, book, names, rule).run(cells)
        _one_cell(att, lines, ledger, sink, rule, found[1] if found and found[0] == 0 else columns, by_cases)
        return
    if columns is None and first is None and spaced_header(lines[0]):
        _spaced_table(att, lines, ledger, sink, rule)
        return
    if columns is not None or (first and len(first) >= 2):
        lines = _empty_first_cells(lines)
        header_rows = _header_rows(lines) if columns is None else 0
        labelled = columns is None  # a header read here: its columns' kinds are read from the body too
        columns = header_columns(_header_labels(lines[:header_rows])) if columns is None else columns
        body_rows = _body_cells(lines[header_rows:], len(columns), least)
        columns = _grouping_text(by_content(columns, body_rows) if labelled else columns, body_rows)
        for line in lines[:header_rows]:
            ledger.place(line.text, line.nos, att)
        att.columns = [c.name for c in columns if c.name]
        table = RowTable(att, columns, ledger, sink, rule)
        table.ruled = _ruled(lines[header_rows:], table.number_at)
        table.drawn = _drawn(lines[header_rows:], table.number_at)
        table.header_lines = {_cells_key([clean(c) for c in split_row(line.raw) or []])
                              for line in lines[:header_rows]}
        bare = bare_pipes(lines[0].raw) or (header_rows == 0 and any(open_left(line.raw) for line in lines[:9]))
        printed: list[tuple[list[str] | None, Line]] = []
        spaced = _spaced_lists(lines[header_rows:], columns, bare)
        header = _full_header_line(lines[:header_rows], len(columns))
        edges = column_edges(lines[header_rows:], len(columns), header) if not is_delimited(lines[0].raw or "") else {}
        for line in lines[header_rows:]:
            if line.nos in edges:
                printed.append((_placed_cells(cut_at(line.raw, edges[line.nos], columns), columns), line))
                continue
            cells = split_row(line.raw, least) if line.raw else None
            if cells and bare and line.raw.strip(" \u3000")[:1] in PIPES:
                cells = split_bare(line.raw)  # the header has no outer bars: neither have the rows
            values = [spaced_units(c) or clean(c) for c in cells] if cells else None
            if values and line.nos in spaced:
                values = [spaced[line.nos].get(i, v) for i, v in enumerate(values)]
            printed.append((values, line))
        table.survey([cells for cells, line in printed if cells and is_delimited(line.raw)])
        printed = top_aligned(printed, set(edges), table.number_at)
        for cells, line in printed:
            table.feed(cells, line, "\t" in (line.raw or ""), placed=line.nos in edges or not line.raw)
        table.finish()
        return
    else:
        columns, used = _header_cells(lines)
        for line in lines[:used]:
            ledger.place(line.text, line.nos, att)
        body = _cells_alone(lines[used:])
        columns = _grouping_cells(_unlabelled_numbers(columns, body), body)
        numbered = bool(columns) and columns[0].kind == "number"  # a header of no columns: pdftotext's column order
        columns = by_content(columns, _numbered_rows(body, len(columns)) if numbered else [])

        def by_lines(target: Attachment, book: Ledger, names) -> None:
            target.columns = [c.name for c in columns]
            rows = _separated_cells([([spaced_units(line.raw) or line.text], line) for line in body])
            Table(target, columns, book, names, rule).run(rows)
        _one_cell(att, body, ledger, sink, rule, columns, by_lines)


CLOSED_ROWS_SEEN = 12  # the table's first lines tell how its rows are printed


def _empty_first_cells(lines: list[Line]) -> list[Line]:
    """1 | 新建… | 县教育局 | / | 所,新增学位… | | : a table whose rows print each cell closed by a bar and no
    bar before the first — a line that starts with a bar there has an empty first cell (a row's text wrapped
    onto a line of its own, a header's unlabelled 序号), not the table's left edge. Such a line is printed
    again with both edges, so its empty first cell is a cell."""
    if lines and bare_pipes(lines[0].raw or ""):
        return lines  # a header with no bar at either edge: its rows' bars at the start part empty cells already
    seen = [(line.raw or "").strip(" \u3000") for line in lines[:CLOSED_ROWS_SEEN]]
    piped = [raw for raw in seen if raw and "\t" not in raw and any(p in raw for p in PIPES)]
    # a closed row's last cell holds text before its bar (a row padded with empty cells, `一、… | | |`, is no sign)
    closed = sum(1 for raw in piped if raw[0] not in PIPES and raw[-1] in PIPES
                 and raw[:-1].rstrip(" \u3000")[-1:] not in PIPES)
    opened = [raw for raw in piped if raw[0] in PIPES]
    if closed < 2 or closed <= len(opened) or not opened:
        return lines
    return [dataclasses.replace(line, raw="|" + line.raw.strip(" \u3000"))
            if (line.raw or "").strip(" \u3000")[:1] in PIPES and "\t" not in line.raw else line for line in lines]


ROW_NUMBER = re.compile(r"^(\d{1,3})[.、．]?$")
CELL_THEN_EMPTIES = re.compile(rf"^([^{PIPES}]*[^{PIPES}\s])\s*[{PIPES}][{PIPES}\s]*$")


def _cells_alone(lines: list[Line]) -> list[Line]:
    """2.… | || in a table one cell a line: the cell, its separator and the empty cells after it, the row's
    other cells merged with the row above's (a flattened rowspan). One cell a line, an empty cell leaves no
    trace: the cell alone, its separator closing it as a lone bar does (text.py), so the next line starts
    a cell of its own."""
    out, closed = [], False
    for line in lines:
        found = CELL_THEN_EMPTIES.match(line.text)
        out.append(replace(line, text=found.group(1) if found else line.text, ruled=line.ruled or closed))
        closed = found is not None
    return out


def _unlabelled_numbers(columns: list[Column], body: list[Line]) -> list[Column]:
    """A header printed without a 序号 label (工作任务 / 具体要求 / 责任科室) over rows that print their numbers
    anyway, a line each and counting 1, 2, 3 …: the numbers are a column of their own, the first (a group's
    cell printed before a row's number is then its group row, as under a 序号 label)."""
    if not columns or any(c.kind == "number" for c in columns):
        return columns
    values = [int(m.group(1)) for line in body if (m := ROW_NUMBER.match(line.text))]
    if len(values) < 3 or values != list(range(1, len(values) + 1)):
        return columns
    return [Column("", "number"), *columns]




def _grouping_text(columns: list[Column], rows: list[list[str]]) -> list[Column]:
    """工作任务 | 具体要求 | 责任单位, both labels read as the task's text: where every row printing all its
    cells has a group's heading in the first text column (一、做好财政信息公开。) and a numbered item in the
    second (1.积极推进…), the first groups the rows (merged over them in print) and the second is the task."""
    texts = [i for i, c in enumerate(columns) if c.kind in ("text", "notes")]  # a headless table: notes too
    full = [r for r in rows if all(c.strip() for c in r)]
    if len(texts) < 2 or len(full) < 2:
        return columns
    first, second = texts[0], texts[1]
    if all(_group_over_item(r[first], r[second]) for r in full) and columns[second].kind == "text":
        columns[first].kind = "section"
    return columns


def _grouping_cells(columns: list[Column], body: list[Line]) -> list[Column]:
    """The same one cell a line (1 / 一、全年主要预期目标 / 1.地区生产总值 / …): where each group heading printed
    right after a row's number comes before a numbered item, the first text column groups the rows, its cell
    merged over them and printed in the first one only."""
    texts = [i for i, c in enumerate(columns) if c.kind == "text"]
    if len(texts) < 2 or texts[0] != 1 or columns[0].kind != "number":
        return columns
    cells = [line.text for line in body]
    opening = [k for k in range(1, len(cells) - 1) if NUMBER.match(cells[k - 1]) and _heading_cell(cells[k])]
    if opening and all(_group_over_item(cells[k], cells[k + 1]) for k in opening):
        columns[texts[0]].kind = "section"
    return columns


def _group_over_item(group: str, item: str) -> bool:
    """一、做好财政信息公开。 then 1.积极推进…: a group's heading, then a numbered item under it."""
    a, b = marker(group), marker(item)
    return bool(a and a.type in GROUP_MARKERS and b and b.type in ITEM_MARKERS)


def _body_cells(lines: list[Line], width: int, least: int) -> list[list[str]]:
    """The body's rows of cells where each cell stands in its column: delimited rows (an empty last cell
    may go unprinted) and rows of as many cells as the header has columns."""
    rows, whole = [], []
    for line in lines:
        cells = [clean(c) for c in split_row(line.raw, least) or []] if line.raw else []
        if len(cells) == width or (cells and len(cells) < width and is_delimited(line.raw)):
            rows.append(cells + [""] * (width - len(cells)))
            if len(cells) >= width - 1:
                whole.append(rows[-1])
    # a row short by more than its last cell may have left out a merged cell, its cells shifted: where rows
    # printed whole are enough to tell the columns, they alone tell them
    return whole if len(whole) >= WHOLE_ROWS else rows


WHOLE_ROWS = 2


def _numbered_rows(lines: list[Line], width: int) -> list[list[str]]:
    """Rows of a table one cell a line whose cells are a line each: from a row's number to the next one,
    as many lines as there are columns (a wrapped cell makes more: that row tells nothing)."""
    starts = [i for i, line in enumerate(lines) if NUMBER.match(line.text)] + [len(lines)]
    return [[line.text for line in lines[a:b]] for a, b in pairwise(starts) if b - a == width]


def _one_cell(att: Attachment, body: list[Line], ledger: Ledger, sink, rule: str | None, columns: list[Column],
              by_cases) -> None:
    """One cell a line: read by aligning each row's lines with the columns (cellrows.py) — the lines as
    printed, and with a cell broken a few characters a line in a narrow column joined first — and by the
    reader by cases (Table, below); the reading whose rows look more like a table's rows is kept (each row a
    text and units that read as names, a date that reads as one); where they look alike, the one with more
    rows, else the alignment."""
    def quiet(name: str, title: str) -> None:
        return None

    def cell(raw: str, text: str) -> str:
        return spaced_units(raw) or text

    readings = []
    kinds = {c.kind for c in columns}
    joined = _narrow_joined(body, columns)
    for order, lines in enumerate([body] if len(joined) == len(body) else [body, joined]):  # nothing joined: once
        entries = cell_rows(lines, columns, cell)
        if entries is not None:
            trial = Attachment(title=att.title)
            _aligned(trial, columns, entries, Ledger(), quiet, rule)
            readings.append((_plausible(trial, kinds), len(trial.all_tasks()), order, entries))
    if readings:
        cases = Attachment(title=att.title)
        by_cases(cases, Ledger(), quiet)
        best = max(readings, key=lambda r: (r[0], r[2]))
        # alike: the reading with more rows (two rows run into one look like one row), else the alignment
        if best[:2] >= (_plausible(cases, kinds), len(cases.all_tasks())):
            _aligned(att, columns, best[3], ledger, sink, rule)
            return
    by_cases(att, ledger, sink)


def _narrow_joined(body: list[Line], columns: list[Column]) -> list[Line]:
    """The lines with cells broken in a narrow column (县水 / 务局, 市发改委、市 / 财政局) joined, as the reader
    by cases joins them; the lines themselves where separators part the cells."""
    rows = [([spaced_units(line.raw) or line.text], line) for line in body]
    if _separated(rows) or separated(body):
        return body
    return [line for _, line in _rejoined(rows, columns)]


def _rejoined(rows: list[tuple[list[str], Line]], columns: list[Column]) -> list[tuple[list[str], Line]]:
    """Cells broken over lines in a narrow column, then cells broken a few characters a line, joined."""
    kinds = [c.kind for c in columns]
    first_units = next((i for i, c in enumerate(columns) if c.holds_units), len(kinds))
    rows = _rejoin_narrow_cells(rows, "leader" in kinds[:first_units], "leader" in kinds)
    return _rejoin_broken_cells(rows, "leader" in kinds)


def _plausible(att: Attachment, kinds: set[str]) -> float:
    """How much a reading looks like a table's rows, on average per row: two points for a row with a text
    and units, less one for each part that reads as something else (a unit's name that is none, a text
    that is a unit list, a few characters or starts with 续上表, a deadline that names no date, a leader that
    is no name), less a half for a row without the date or leader the table has a column for, and for a
    text of two sentences."""
    score, tasks = 0.0, att.all_tasks()
    deadlines = "deadline" in kinds or any(t.deadline for t in tasks)
    leaders = "leader" in kinds or any(t.leader for t in tasks)
    for task in tasks:
        # a row without the date or leader its column gives the others: a cell taken by another column
        score -= 0.5 * ((deadlines and not task.deadline) + (leaders and not task.leader))
        score += 2 if task.text and task.units else -2
        score -= sum(1 for unit in task.units if len(unit.name) < 2 or len(unit.name) > 14
                     or (not looks_like_unit(unit.name) and not unit_list_cell(unit.name)
                         and not bracketed_unit(unit.name)))
        if len(task.text) < 6 or CONTINUED.match(task.text):
            score -= 1  # a few characters, or 续上表 run into the text: no cell of its own
        if "。" in task.text.rstrip("。") and len(tasks) > 1:
            score -= 0.5  # two sentences: more likely two rows' texts run together than one long text
        if task.text and (unit_list_cell(task.text) or bracketed_unit(task.text)) and len(task.text) <= 8:
            score -= 1
        if task.deadline and not DEADLINE_CELL.match(task.deadline) and not DATE_INSIDE.search(task.deadline):
            score -= 1
        if task.leader and not all(looks_like_leader(n) and not TOPIC.match(n)
                                   for n in re.split(r"[、 ]", task.leader) if n):
            score -= 1
    return score / len(tasks) if tasks else -2.0


def _aligned(att: Attachment, columns: list[Column], entries, ledger: Ledger, sink, rule: str | None) -> None:
    """Fill att from the rows the alignment read (cellrows.cell_rows), through the row model."""
    att.columns = [c.name for c in columns]
    table = RowTable(att, columns, ledger, sink, rule)
    table.once = True
    for kind, cells, line in entries:
        if kind == "skip":
            ledger.place(line.text, line.nos, att)
        else:
            table.feed(cells, line, True)
    table.finish()


def _spaced_lists(lines: list[Line], columns: list[Column], bare: bool) -> dict[tuple[int, ...], dict[int, str]]:
    """Unit cells of delimited rows that list names apart by spaces (区财政局 区商务局), wrapped over lines at
    the column's width: each line's names as a 、 list, with a 、 at its start or end where a space stands
    there (the list broke at a separator, 招商工作部 / 安商工作部), none where a name was cut (区文 / 化和…),
    so that the lines join back as printed. Where cells are padded to the column's width, an edge space
    says nothing and only the spaces inside a line part names."""
    rows = [(line, raw_cells(line.raw, bare)) for line in lines
            if line.raw and is_delimited(line.raw) and "\t" not in line.raw]
    rows = [(line, cells) for line, cells in rows if len(cells) == len(columns)]
    pad = padded([cells for _, cells in rows])
    units = [i for i, c in enumerate(columns) if c.holds_units]
    inner = {i: [unpadded(cells[i], pad) for _, cells in rows] for i in units}
    out: dict[tuple[int, ...], dict[int, str]] = {}
    edges = not aligned([unpadded(cell, pad) for _, cells in rows for cell in cells])
    for i in units:
        if not any(_names_apart(cell.strip()) or (edges and cell.strip() and cell != cell.strip())
                   for cell in inner[i]):
            continue  # no line of the column lists names apart by spaces
        for (line, _), cell in zip(rows, inner[i], strict=True):
            value = _spaced_list(cell, edges)
            if value is not None:
                out.setdefault(line.nos, {})[i] = value
    return out


def _placed_cells(cells: list[str], columns: list[Column]) -> list[str]:
    """Cells cut by position, as values: names apart by spaces in a unit column are a list, even where the
    line cuts a name (县水务局 县 / 住建局: the pieces join where the cell broke)."""
    return [((_spaced_list(c, False) or spaced_units(c)) if column.holds_units else None) or clean(c)
            for c, column in zip(cells, columns, strict=True)]


def _names_apart(cell: str) -> bool:
    """县发改局 县财政局: two or more pieces apart by spaces, half of them or more names of two characters or
    more (部 安商: a list cut by the width on both sides)."""
    pieces = cell.split()
    return len(pieces) >= 2 and sum(1 for p in pieces if len(clean(p)) >= 2) * 2 >= len(pieces) \
        and any(looks_like_unit(clean(p)) for p in pieces)


def _spaced_list(cell: str, edges: bool) -> str | None:
    pieces = [clean(p) for p in cell.split()]
    if not pieces or any(p[0] in "、,，;；" or p[-1] in "、,，;；" for p in pieces):
        return None  # spaces beside separators (区财政局、 区商务局) are spacing only
    start = "、" if edges and cell[:1].isspace() else ""
    end = "、" if edges and cell[-1:].isspace() else ""
    if (len(pieces) == 1 and not (start or end)) or sum(1 for p in pieces if len(p) == 1) * 2 > len(pieces):
        return None  # one name alone, or a label spaced out letter by letter (责 任 部 门)
    return start + "、".join(pieces) + end


def _cells_key(cells: list[str]) -> tuple[str, ...]:
    """A row's cells without spaces: how a header line printed again on a continuation page is known."""
    return tuple(re.sub(r"\s+", "", c) for c in cells)


def _ruled(lines: list[Line], number_at: int | None) -> bool:
    """Rows drawn between rules (a box or an ASCII grid): a rule before every row that prints its number,
    so a line that follows a row with no rule between is that row's cells wrapped."""
    if number_at is None:
        return False
    numbered = []
    for line in lines:
        cells = split_row(line.raw) if line.raw else None
        if cells and is_delimited(line.raw) and number_at < len(cells) and NUMBER_CELL.match(clean(cells[number_at])):
            numbered.append(line)
    return len(numbered) >= 2 and all(line.blank_before for line in numbered)


def _drawn(lines: list[Line], number_at: int | None) -> bool:
    """Rows drawn between rules, told by the rules themselves: two or more between the body's delimited
    lines (three in a grid of | and +, as a Markdown table continued on a page prints two; one over a single
    boxed row), some lines with none before them (the lines of a row wrapped),
    and no run between two rules printing two row numbers (rules drawn only between groups of rows). A rule
    before every line tells nothing: the cells do."""
    runs: list[list[str]] = []
    rules = bare = 0
    boxed = False
    for line in lines:
        cells = split_row(line.raw) if line.raw else None
        if not cells or not is_delimited(line.raw):
            continue
        boxed = boxed or any(bar in line.raw for bar in BOX_BARS)
        rules += line.ruled
        bare += not line.ruled and bool(runs)
        if line.ruled or not runs:
            runs.append([])
        if number_at is not None and number_at < len(cells) and NUMBER_CELL.match(clean(cells[number_at])):
            runs[-1].append(line.text)
    single = boxed and len(runs) == 1 and number_at is not None and len(runs[0]) == 1
    return (rules >= 3 or (boxed and rules == 2) or single) and bare >= 1 and all(len(n) <= 1 for n in runs)


BOX_BARS = "│┃║"


def _spaced_table(att: Attachment, lines: list[Line], ledger: Ledger, sink, rule: str | None) -> None:
    columns = header_columns([split_spaced(lines[0].raw)])
    ledger.place(lines[0].text, lines[0].nos, att)
    att.columns = [c.name for c in columns]
    table = RowTable(att, columns, ledger, sink, rule)
    for cells, line in _spaced_rows(lines[1:], columns):
        table.feed(cells, line, False)
    table.finish()


def _spaced_rows(lines: list[Line], columns: list[Column]):
    """The rows of a single-space table, each with its cells. A row whose text cell wraps goes on over the
    lines up to the next number (pdftotext -raw prints a cell's lines one after another, the number alone on
    a line where the row is centred): the cells after the text stand at the end of its last line, apart by
    spaces, and the lines before are the text's."""
    row: list[Line] = []
    for line in [*lines, None]:
        opens = line is not None and (_spaced_cells(line) is not None or bool(NUMBER.match(line.text)))
        if line is not None and row and not opens and _open_row(row[0], columns) and not _heading_cell(line.text) \
                and not FOOTER_START.match(line.text) and not is_header_row(split_spaced(line.raw or line.text)):
            row.append(line)
            continue
        if row:
            yield _spaced_row(row, columns)
            row = []
        if line is None:
            break
        if opens:
            row = [line]
        else:
            yield None, line


def _open_row(line: Line, columns: list[Column]) -> bool:
    """Does the row's first line leave its cells to the lines below: its number alone, or its number and the
    text right after it with no cell after that (a row printed whole on its line ends with a cell of the
    columns after the text)? Where other cells stand before the text, the line is read as ever."""
    cells = _spaced_cells(line)
    if cells is None:
        return True
    return len(cells) == 2 and _text_at(columns) == 1 and \
        not any(fits_column(cells[-1], column) for column in columns[2:])


def _text_at(columns: list[Column]) -> int:
    return next((i for i, c in enumerate(columns) if c.kind == "text"), 1)


def _spaced_row(row: list[Line], columns: list[Column]) -> tuple[list[str] | None, Line]:
    """A row's lines read as one line of cells: the number, the text run over the lines, and the cells
    after it from the end of the last line."""
    first = _spaced_cells(row[0])
    if len(row) == 1:
        return ([spaced_units(c) or clean(c) for c in _figures_rejoined(first, len(columns))] if first else None), \
            row[0]
    whole = Line("".join(line.text for line in row), tuple(n for line in row for n in line.nos),
                 row[0].raw + "".join(line.raw.strip() for line in row[1:]), row[0].blank_before, joined=True)
    text_at = _text_at(columns)
    cells = [""] * len(columns)
    words = split_spaced(row[-1].raw or row[-1].text)
    at = len(columns) - 1
    while words and at > text_at:  # the cells after the text, right to left, each where it fits
        if fits_column(words[-1], columns[at]):
            word = words.pop()
            cells[at] = spaced_units(word) or clean(word)
        at -= 1
    pieces = [*(first[1:] if first else []), *(line.text for line in row[1:-1]), " ".join(words)]
    cells[0] = first[0] if first else row[0].text
    cells[text_at] = "".join(clean(p) for p in pieces if p)
    return cells, whole


def _figures_rejoined(cells: list[str], width: int) -> list[str]:
    """A converter spaces a figure from the word before it (规模工业增加值增长 11.9%): a row of more pieces than the
    header has columns puts its figures back onto the words before them, from the right, until it has as many (a
    figure alone stays a cell of its own where the row has no piece too many: 95% in a progress column)."""
    out = list(cells)
    at = len(out) - 1
    while len(out) > width and at > 1:
        if FIGURE.match(out[at]) and not FIGURE.match(out[at - 1]):
            out[at - 1] += out.pop(at)
        at -= 1
    return out


def headless_table(lines: list[Line]) -> tuple[int, list[Column]] | None:
    """Where a table printed without its header row starts (a continuation page, a fragment), and its
    columns read from the cells: the first run of two or more rows that has a text and a unit column, or
    of one row that starts with its number (a fragment of a single row)."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _as_row(lines[j], HEADLESS_MIN_CELLS):
            j += 1
        first = _as_row(lines[i], HEADLESS_MIN_CELLS) or [""] if j - i == 1 else []
        single = j - i == 1 and NUMBER.match(first[0])  # one row alone: numbered (a fragment of one row)
        if j - i >= 2 or single:
            vanishing = not all(is_delimited(line.raw) for line in lines[i:j])
            # the columns from every row of the same rendering to the table's end (a page number or a
            # group heading between rows does not end it), so that a column filled only further down counts
            bare = any(open_left(line.raw) for line in lines[i:j])  # no outer bars: a bar first is an empty cell
            rows = [[clean(c) for c in split_bare(line.raw)] if bare and line.raw.strip(" \u3000")[:1] in PIPES
                    else row for line in lines[i:i + HEADLESS_SCAN] if (row := _as_row(line, HEADLESS_MIN_CELLS))
                    and is_delimited(line.raw) != vanishing]
            if (j - i >= 2 or len(rows[0]) >= 3) and headless_rows(rows, vanishing):
                return i, content_columns(rows, vanishing)
        i = max(j, i + 1)
    return None


BARE_UNIT_MAX = 8  # a short name: a unit cell's, never a wrapped text's tail
HEADLESS_MIN_CELLS = 2  # a run of lines of a task and its units, two cells each, is a table too


def headless_start(lines: list[Line], i: int) -> bool:
    """A table without its header starts at line i (a continuation page copied alone: 5 / 任务 / 单位 …, or
    | 9 | 任务 | 单位 |): its first row's number alone on the line or a delimited row, and the rows from there
    read as a headless table's. Only the lines a few rows take are read, and only near the text's top, where
    such a page starts: a bounded cost however long the text."""
    line = lines[i]
    if i >= HEADLESS_TOP or not (NUMBER.match(line.text) or (line.raw and is_delimited(line.raw))):
        return False
    window = lines[i:i + HEADLESS_WINDOW]
    found = headless_table(window) or headless_cells(window)
    return found is not None and found[0] == 0


HEADLESS_WINDOW = 24  # three rows of one cell a line (HEADLESS_ROW_CELLS each)
HEADLESS_TOP = 60  # lines a page's furniture and title take above a continuation table, at most
HEADLESS_SCAN = 400  # lines read for a headless table's columns: plenty to tell them, and linear however many


def unnumbered_header(lines: list[Line]) -> int | None:
    """Where a one-cell-per-line table without a 序号 column starts: three or more short lines in a row
    that are all column labels, naming the task and its units (工作任务 / 牵头单位 / 配合单位); a label may be
    broken over lines a few characters each (责任 / 单位, 完成 / 时限)."""
    i = 0
    while i < len(lines):
        j, found = _header_run(lines, i)
        if found:
            return i
        i = max(j, i + 1)
    return None


def header_starts(lines: list[Line], i: int, scan: int) -> bool:
    """Whether such a header starts at line i, within `scan` lines (unnumbered_header(lines[i:i + scan]) == 0,
    without looking for one further on)."""
    return _header_run(lines[i:i + scan], 0)[1]


def _header_run(lines: list[Line], i: int) -> tuple[int, bool]:
    j, labels = _labels_from(lines, i)
    kinds = {label_kind(label) for label in labels}
    return j, len(labels) >= 3 and "text" in kinds and bool(kinds & {"lead", "units", "assist"}) \
        and "number" not in kinds


def _labels_from(lines: list[Line], i: int) -> tuple[int, list[str]]:
    """(the end, the labels) of the run of column labels from line i, fragments joined."""
    labels, current, end = [], "", i
    for j in range(i, len(lines)):
        text = lines[j].text
        if len(text) > 8 or len(current + text) > 12 or not (current or _label_line(text) or len(text) <= 4):
            break
        current += text
        if _label_line(current):
            labels.append(current)
            current, end = "", j + 1
    return end, labels


def headless_cells(lines: list[Line]) -> tuple[int, list[Column]] | None:
    """Where a one-cell-per-line table printed without its header starts (an excerpt or page that
    begins between rows), and its columns read from the cells: two or more rows in a row, each a
    number alone on its line, then the task's text, then at least one unit cell, numbers going up."""
    if separated(lines):
        return headless(lines)  # the lines between two separators are one cell
    rows: list[list[str]] = []
    start = None
    i = 0
    while i < len(lines):
        if not NUMBER.match(lines[i].text):
            if rows and len(rows) < 2:
                rows, start = [], None
            i += 1
            continue
        if i + 1 < len(lines) and NUMBER.match(lines[i + 1].text):
            i += 1  # a page's number right before a row's: no row, and no end of the rows
            continue
        j = i + 1
        while j < len(lines) and j - i <= HEADLESS_ROW_CELLS and not NUMBER.match(lines[j].text):
            j += 1
        cells = lists_joined([line.text for line in lines[i + 1:j]])  # 水务局、 / 住建局、: one list
        previous = _value(rows[-1][0]) if rows else None
        # numbers going up, or the same again (a second row under a merged number)
        fits = _headless_row(cells) and (previous is None or 0 <= (_value(lines[i].text) or 0) - previous <= 3)
        if fits:
            start = i if start is None else start
            rows.append([lines[i].text, *cells])
        elif len(rows) >= 2:
            break
        else:
            rows, start = [], None
        i = j
    if start is None or (len(rows) < 2 and not (start and CONTINUED.match(lines[start - 1].text))):
        return headless(lines)  # one row alone is a table's only after a continuation marker (续表)
    columns = [Column("", "number"), Column("", "text"), Column("", "units")]
    tails = [cell for row in rows for cell in row[2:] if not looks_like_unit(cell)]
    if any(looks_like_leader(cell) for cell in tails):
        columns.insert(2, Column("", "leader"))
    if any(DEADLINE_CELL.match(cell) for cell in tails):
        columns.append(Column("", "deadline"))
    return start, columns


HEADLESS_ROW_CELLS = 8


def _headless_row(cells: list[str]) -> bool:
    """The cells after a row's number: its text first (no unit, no date), then a unit cell."""
    # a text that ends like a unit's name (…建设工程袁州区) is still the text when a unit cell follows it
    if len(cells) < 2:
        return False
    text = not looks_like_unit(cells[0]) or (unit_list_cell(cells[1]) and len(cells[0]) > len(cells[1]))
    return text and not DEADLINE_CELL.match(cells[0]) \
        and len(cells[0]) >= 4 and any(unit_list_cell(c) and not re.search("[::]", c) for c in cells[1:])
    # a labelled line (责任单位:…) belongs to a numbered paragraph, not to a table's cells


def _as_row(line: Line, min_cells: int = 3) -> list[str] | None:
    cells = split_row(line.raw, min_cells) if line.raw else None
    if not cells or (len(cells) < min_cells and not is_delimited(line.raw)):
        return None
    return [clean(c) for c in cells]


def _label_ends(cells: list[str]) -> bool:
    """单位 / 单位 / 时限 under 牵头 / 配合 / 完成: a row of nothing but the ends of the labels above."""
    filled = [clean(c) for c in cells if c.strip()]
    return bool(filled) and all(len(c) <= 4 and label_kind(c) for c in filled)


def _header_rows(lines: list[Line]) -> int:
    """The header row and those under it that are labels too (a merged 责任单位 over 牵头 / 配合), or the
    ends of labels wrapped inside their columns of spaces (目标任 / 务)."""
    count = 1
    while count < len(lines) and (_labels_below(lines[count - 1], lines[count])
                                  or _wrapped_labels(lines[:count + 1])):
        count += 1
    return count


def _labels_below(above_line: Line, line: Line) -> bool:
    """A line of labels under the header row: labels of its own, or the ends of those above it."""
    cells = [clean(c) for c in split_row(line.raw) or []] if line.raw else []
    above = [clean(c) for c in split_row(above_line.raw) or []] if above_line.raw else []
    return bool(cells) and (is_header_row(cells) or _label_ends(cells)
                            or (not line.blank_before and _label_halves(above, cells)))


def _full_header_line(lines: list[Line], width: int) -> Line | None:
    """The header's line that prints a label for every column (its pieces stand where the columns do): the
    lowest such, else the lowest (a label wrapped inside its column leaves fewer pieces below)."""
    return next((line for line in reversed(lines) if len(PIECE.findall(line.raw or "")) == width),
                lines[-1] if lines else None)


def _header_labels(lines: list[Line]) -> list[list[str]]:
    """The header's rows of cells; in columns of spaces, the lines of labels wrapped inside their columns
    placed under the first line's labels, so each column's pieces make its label (责任牵头 / 单位)."""
    placed = _placed_labels(lines) if len(lines) > 1 else None
    return placed or [[clean(c) for c in split_row(line.raw) or []] for line in lines]


LABEL_END = 3  # the most of a label a narrow column wraps onto the header's next line


def _wrapped_labels(lines: list[Line]) -> bool:
    """Is the last line the ends of the labels above it, wrapped inside their columns of spaces (序号 责任牵头
    目标任 / 单位 务: fewer pieces, each under a label it ends)? Each piece then makes a label with the ones
    above it, and the joined labels are a header."""
    placed = _placed_labels(lines)
    if placed is None or lines[-1].blank_before or _heading_cell(lines[-1].text):
        return False  # a group's name under the header (第一部分 重点工作) ends no label
    above = ["".join(parts) for parts in zip(*placed[:-1], strict=True)]
    # what a label's column has no room for on the line above: a few characters (务, 单位, 时限)
    return all(len(end) <= LABEL_END for end in placed[-1]) and _label_halves(above, placed[-1])


def _placed_labels(lines: list[Line]) -> list[list[str]] | None:
    """The header's lines cut under the first line's labels: each piece of a lower line goes to the label
    it stands under (a converter sets a label from its column's left edge or centres it: the most overlap,
    else the nearest); None where the lines are delimited or two pieces stand under one label."""
    if any(not line.raw or is_delimited(line.raw) for line in lines):
        return None
    labels = _label_spans(lines[0].raw)
    rows = [[clean(lines[0].raw[start:end]) for start, end in labels]]
    for line in lines[1:]:
        row = [""] * len(labels)
        for start, end in _label_spans(line.raw):
            at = max(range(len(labels)), key=lambda i: (min(end, labels[i][1]) - max(start, labels[i][0]),
                                                         -abs(start + end - sum(labels[i]))))
            if row[at]:
                return None
            row[at] = clean(line.raw[start:end])
        rows.append(row)
    return rows


def _label_spans(raw: str) -> list[tuple[int, int]]:
    """Where a header line's labels stand: words apart by spaces, one space enough (a converter packs a full
    line: 序号 类别), a label spaced out letter by letter (完 成 时 限) one label."""
    spans: list[tuple[int, int]] = []
    single = False
    for m in re.finditer(r"\S+", raw):
        alone = len(m.group()) == 1 and not m.group().isdigit()
        if alone and single and m.start() - spans[-1][1] == 1:
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append((m.start(), m.end()))
        single = alone
    return spans


def _label_halves(above: list[str], cells: list[str]) -> bool:
    """目标 / 任务, 进度 / 安排 under a header row: the second halves of labels broken over two rows of a
    delimited table, each making a label with the cell above it (or one alone, 编号 under an empty cell), with
    no rule between the two rows (a rule closes the header: the row under it is the first row of cells)."""
    if len(above) != len(cells) or not any(cells):
        return False
    joined = [a + c for a, c in zip(above, cells, strict=True)]
    return all(len(c) <= 4 and (label_kind(j) or label_kind(c) or MEASURE_BRACKET.match(c))
               for c, j in zip(cells, joined, strict=True) if c) and is_header_row(joined)


# 总投资 / (万元): the unit a column's figures are in; a number in brackets ((1), (一)) is a row's
MEASURE_BRACKET = re.compile(r"^[(（][^()（）\d一二三四五六七八九十]{1,3}[)）]$")


def parse_rows(rows: list[list[str]], title: str = "", rule: str | None = None) -> Attachment:
    """Rows of cells handed over directly (the first row(s) the printed header, merged cells repeated)."""
    att = Attachment(title=title)
    lines = [Line("".join(r), (i,), "\t".join(c.replace("\t", " ") for c in r)) for i, r in enumerate(rows, 1)]
    parse_table(att, lines, Ledger(), rule=rule)
    return att


def _header_cells(lines: list[Line]) -> tuple[list[Column], int]:
    """序号 / 责任事项 / 责任 / 类别 / 市级 / 责任部门 …: fragments joined into column names."""
    columns, used = _header_cell_labels(lines)
    return first_unit_column_leads([Column(c) for c in _second_row_spread(columns)]), used


def _second_row_spread(labels: list[str]) -> list[str]:
    """序号 / 工作任务 / 责任单位 / 完成时限 / 牵头单位 / 配合单位: a header of two rows printed one cell a line, the
    lower row's unit labels after the upper row's, the unit label above spanning them (columns.spread_under_units):
    the lower labels take its place. Only where another label stands between the two (责任单位 / 牵头单位 /
    配合单位 side by side may be three columns)."""
    run = len(list(itertools.takewhile(lambda c: label_kind(c) in ("lead", "assist"), reversed(labels))))
    top, bottom = labels[:len(labels) - run], labels[len(labels) - run:]
    if run < 2 or not top or label_kind(top[-1]) in UNIT_KINDS:
        return labels
    spread = spread_under_units(top, bottom)
    return [b or t for t, b in zip(*spread, strict=True)] if spread else labels


def _header_cell_labels(lines: list[Line]) -> tuple[list[str], int]:
    """The header's labels, one cell a line, and how many lines they take."""
    columns: list[str] = []
    current = ""
    start = 0
    apart = separated(lines)  # a separator after each cell: the lines between two are one label
    for i, line in enumerate(lines):
        if NUMBER.match(line.text) or len(line.text) > 12 or (len(columns) >= 2 and _heading_cell(line.text)) \
                or (len(columns) >= 2 and not current and (
                    (len(line.text) > 6 and label_kind(line.text) is None) or looks_like_leader(line.text))):
            # a cell too long for a label fragment, and no label, or a person's name (叶林): the first row's
            # cells (no 序号 column)
            return columns, i - (1 if current else 0)
        if columns and not current and re.match(r"^[((][^()()]{1,6}[))]$", line.text):
            columns[-1] += line.text  # 总投资 / (万元): the unit of the label above
            continue
        start = i if not current else start
        current += line.text
        following = lines[i + 1] if i + 1 < len(lines) else None
        if apart and following is not None and not (following.blank_before or following.ruled) \
                and not NUMBER.match(following.text):
            continue  # no separator before the next line: the label goes on (目标 / 任务)
        if len(columns) >= 2 and label_kind(current) is None and (apart or len(current) > 12):
            break  # a whole cell, or lines longer than a label, that are no label: the first row's (no 序号)
        if ((simplified(current).endswith(COLUMN_END) or simplified(current) in ROLE_LABELS)
                and not (not apart and _label_goes_on(current, following))) \
                or is_number_label(current) or (apart and label_kind(current)) or _unknown_label(current, following):
            columns.append(current)
            current = ""
    else:
        return columns, len(lines)
    return columns, start


def _unknown_label(current: str, following: Line | None) -> bool:
    """优先级 / 具体工作内容: a label no word tells, whole (three ideographs or more, no first half of a
    label broken over lines, 主要 / 负责方, 责任牵 / 头单位), before a label of its own: a column's label too."""
    return len(current) >= 3 and label_kind(current) is None and label_shaped(current) \
        and following is not None and _label_line(following.text) and not word_across(current, following.text)


LABEL_TAILS = ("单位", "部门", "任务", "内容", "目标", "领导", "时限", "时间", "节点", "要求", "安排", "名称", "主体",
               "措施", "举措", "期限", "指标")


def _label_goes_on(current: str, following: Line | None) -> bool:
    """目标 / 任务, 牵头 / 领导: a label broken over two lines a few characters each, where the first half
    is a label of its own too; the second half is the end of a label, and the two make one."""
    if following is None or len(current) > 3 or len(following.text) > 3 or is_number_label(current):
        return False
    return simplified(following.text) in LABEL_TAILS and label_kind(current + following.text) is not None


class Table:
    @property
    def _last_kind(self) -> str | None:
        """The last column's kind; None where the header gave no columns (a text whose table is not one)."""
        return self.columns[-1].kind if self.columns else None

    def __init__(self, att: Attachment, columns: list[Column], ledger: Ledger, leader_sink, rule: str | None = None):
        self.att, self.columns, self.ledger, self.leader_sink = att, columns, ledger, leader_sink
        self.rule = rule
        self.kinds = {c.kind for c in columns}
        kinds = [c.kind for c in columns]  # 开工时间 before 竣工时间: a row's first date is its start
        starts = [i for i, c in enumerate(columns) if c.starts]
        self.start_first = bool(starts) and "deadline" in kinds and starts[0] < kinds.index("deadline")
        self.started: set[int] = set()  # the rows whose start date was put aside
        levels = [c.level for c in columns if c.holds_units and c.level]
        self.inner_level = levels[-1] if levels else None  # the innermost level's column carries 主办/协办
        self.section: Section | None = None
        self.row: Task | None = None
        self.unit_cells: list[str] = []
        self.last_unit_cells: list[str] = []
        self.carried: list[str] = []
        self.footer = False
        unit_at = [i for i, c in enumerate(columns) if c.holds_units]
        # text-holding columns printed after the last unit column (progress, notes): their cells read
        # like task text but belong to the row
        self.trailing = sum(1 for c in columns[unit_at[-1] + 1:] if c.kind in ("progress", "notes")) if unit_at else 0
        self.trailing_filled = 0
        # 责任部门 / 评分部门: a notes column of bodies after the unit column takes a row's last name
        self.scoring = bool(unit_at) and any(c.kind == "notes" and BODIES_LABEL.search(c.name)
                                             for c in columns[unit_at[-1] + 1:])
        first_unit = unit_at[0] if unit_at else len(columns)
        self.text_after_units = any(c.kind == "text" for c in columns[first_unit + 1:])
        self.progress_before_units = any(c.kind == "progress" for c in columns[:first_unit])
        self.content_filled = False
        self.after_group = False
        self.last_leader: tuple[str, list[str]] | None = None
        self.leader_done: Task | None = None
        self.following = self.then = ""
        self.separated = False

    def run(self, rows: list[tuple[list[str], Line]]) -> None:
        self.separated = _separated(rows)
        if not self.separated:  # cells a separator parts are never one cell broken over lines
            rows = _rejoined(rows, self.columns)
        rows = self._drop_repeated_headers(rows)
        rows = self._section_cells_first(rows)
        for index, (cells, line) in enumerate(rows):
            if len(cells) != len(self.columns):
                cells = [c for c in cells if c]  # empty cells are only kept where positions tell
            next_cells = rows[index + 1][0] if index + 1 < len(rows) else []
            self._line(cells, line, next_cells, rows[index + 1:index + 3])
        self._end_row()
        self._drop_bare_number()
        apply_heading_units(self.att.sections, [])

    def _drop_repeated_headers(self, rows):
        """续表 / 序号 / 项目 / … / 完成 / 时间 printed again between rows (a new page): the mark, and the header's
        labels, one a line, spelling the columns once more, are no cells of the row above."""
        labels = re.sub(r"\s", "", "".join(c.name for c in self.columns))
        number = next((c.name for c in self.columns if c.kind == "number"), "")
        spelled = is_number_label(number) and labels.startswith(re.sub(r"\s", "", number))
        out: list = []
        i = 0
        while i < len(rows):
            cells, line = rows[i]
            # (after a bare number the mark stays: a page's number, or a row's number whose cells go on after it)
            if len(cells) == 1 and CONTINUED_MARK.match(cells[0]) and not (
                    out and len(out[-1][0]) == 1 and NUMBER.match(out[-1][0][0])):
                self.ledger.place(line.text, line.nos, self.att)
                i += 1
                continue
            if spelled and out and len(cells) == 1 and is_number_label(cells[0]):
                joined, j = "", i
                while j < len(rows) and len(rows[j][0]) == 1 and len(joined) < len(labels):
                    joined += re.sub(r"\s", "", simplified(rows[j][0][0]))
                    j += 1
                if joined == simplified(labels):
                    for _, header_line in rows[i:j]:
                        self.ledger.place(header_line.text, header_line.nos, self.att)
                    i = j
                    continue
            out.append((cells, line))
            i += 1
        return out

    def _section_cells_first(self, rows):
        """A 事项分类 / 领域 column before the task's own columns: its merged cell is printed in the first
        row of its group only, so a row with one text cell more than the text columns opens a group — the
        cell is moved before the row's number, where it reads as the group's heading row."""
        kinds = [c.kind for c in self.columns]
        if "section" not in kinds or kinds.index("section") > 1:
            return rows
        texts = sum(1 for k in kinds[kinds.index("section") + 1:] if k == "text")
        out, i = [], 0
        while i < len(rows):
            cells, line = rows[i]
            if len(cells) == 1 and NUMBER.match(cells[0]):
                ahead = []
                for following, _ in rows[i + 1:i + 3 + texts]:
                    if len(following) != 1 or NUMBER.match(following[0]):
                        break
                    ahead.append(following[0])
                # the row's text cells: up to the last one closing a sentence (a project's name may end
                # like a unit's: 新(改)建村卫生室), else up to the first unit
                closed = [k for k, cell in enumerate(ahead) if cell.endswith(("。", ";", "；"))]
                count = closed[-1] + 1 if closed else next(
                    (k for k, cell in enumerate(ahead) if looks_like_unit(cell) or DEADLINE_CELL.match(cell)),
                    len(ahead))
                if count > texts >= 1:
                    out.append(rows[i + 1])
                    out.append(rows[i])
                    i += 2
                    continue
            out.append((cells, line))
            i += 1
        return out

    def _drop_bare_number(self) -> None:
        """The last row of an excerpt cut off after its number (… / 122) holds no task."""
        tasks = self.section.tasks if self.section else self.att.tasks
        if tasks and not tasks[-1].text and not tasks[-1].units:
            tasks.pop()

    def _line(self, cells: list[str], line: Line, next_cells: list[str], ahead) -> None:
        self.following = next_cells[0] if len(next_cells) == 1 else ""  # the next line's cell, one a line
        self.then = ahead[1][0][0] if len(ahead) > 1 and len(ahead[1][0]) == 1 else ""  # and the one after
        first = cells[0] if cells else ""
        numbered = NUMBERED_TEXT.match(first) if len(cells) == 1 and "number" in self.kinds else None
        if numbered and self._next_number(numbered.group(1)) and \
                (self.row is None or self.unit_cells or self.row.units or self.row.deadline):
            cells = [numbered.group(1), numbered.group(2)]  # 1、 joined to the text cell after it
            first = cells[0]
        cells = cells if NUMBER.match(first) else [c for c in cells if c]
        if self.footer or FOOTER_START.match(first) or self._signature(line, ahead):
            self._end_row()
            self.footer = True
            self.att.footer.append(line.text)
            self.ledger.place(line.text, line.nos, self.att)
        elif NUMBER.match(first) and (self._next_number(first) or self._number_again(first, next_cells)):
            self._end_row()
            self.trailing_filled = 0
            self.content_filled = False
            self.after_group = False
            self.row = Task(number=_digits(first), line=line.nos[0])
            self.row.cells.append(first)
            (self.section.tasks if self.section else self.att.tasks).append(self.row)
            self._cells(cells[1:], positional=len(cells) == len(self.columns) > 1)
            self.ledger.place(line.text, line.nos, self.row)
        elif self.row is None and "number" not in self.kinds and not _heading_cell(first) \
                and not looks_like_unit(first) and not DEADLINE_CELL.match(first):
            self.row = Task(number=None, line=line.nos[0], text=first)  # a table without a 序号 column
            self.row.cells.append(first)
            self.content_filled = False
            (self.section.tasks if self.section else self.att.tasks).append(self.row)
            self._cells(cells[1:], positional=False)
            self.ledger.place(line.text, line.nos, self.row)
        elif self._group_header(first, next_cells, len(cells)):
            self._end_row()
            self.section = group_section(first, self.leader_sink)
            self.after_group = True
            self.last_leader = None  # a merged leader cell never spans a group row
            self.att.sections.append(self.section)
            self.ledger.place(line.text, line.nos, self.section)
        elif self.row is not None:
            self._cells(cells, positional=False)
            self.ledger.place(line.text, line.nos, self.row)
        else:
            self.att.preamble.append(line.text)
            self.ledger.place(line.text, line.nos, self.att)

    def _before_text(self, row: Task, cell: str) -> bool:
        """A leader's name or a unit list where the header prints that column before the text's."""
        at = next((i for i, c in enumerate(self.columns) if c.kind == "text"), 0)
        kinds = {c.kind for c in self.columns[:at]}
        if "category" in kinds and not row.notes and not row.category and _category_cell(cell) \
                and ("leader" not in kinds or row.leader or not looks_like_leader(cell)):  # 民生类 reads like a name
            if simplified(cell) in CATEGORIES:
                row.category = cell  # 主办 / 协办: the role of the row's units
            else:
                row.notes.append(cell)  # 民生类: a 类别 column of topics before the text
            return True
        if "leader" in kinds and not row.leader and looks_like_leader(cell):
            self._leaders(row, cell)
            return True
        if len(self.unit_cells) < sum(1 for c in self.columns[:at] if c.holds_units) and unit_list_cell(cell):
            self.unit_cells.append(cell)
            return True
        return False

    def _text_due(self) -> bool:
        """Every unit column printed before the text has its cell: the next cell is the text."""
        at = next((i for i, c in enumerate(self.columns) if c.kind == "text"), 0)
        before = sum(1 for c in self.columns[:at] if c.holds_units)
        return before > 0 and len(self.unit_cells) >= before

    def _next_row_first(self, row: Task, cell: str) -> bool:
        """A leader or a unit cell of a column printed before the text, after this row's own: the first cell
        of the next row under a merged number cell."""
        at = next((i for i, c in enumerate(self.columns) if c.kind == "text"), 0)
        if not row.text or at == 0:
            return False
        if any(c.kind == "leader" for c in self.columns[:at]):
            return bool(row.leader) and looks_like_leader(cell)
        units = sum(1 for c in self.columns if c.holds_units)
        return any(c.holds_units for c in self.columns[:at]) and len(self.unit_cells) >= units \
            and unit_list_cell(cell)

    def _merged_text(self, row: Task, cell: str) -> bool:
        """A text cell after the row's units (and its date, when the table has a date column), followed by
        a unit cell: the text of the next row, whose number cell was merged with this one's — unless a text
        follows that unit (7月底 / 具备挡水条件 / 慈城镇 / 实施保黎路…: the date goes on, the unit is the next
        row's, printed before its text)."""
        done = bool(self.unit_cells or row.units) and (row.deadline is not None or "deadline" not in self.kinds
                                                        or self._last_kind != "deadline")
        return done and len(cell) >= 6 and not unit_list_cell(cell) and not DEADLINE_CELL.match(cell) \
            and not looks_like_leader(cell) and not NUMBER.match(cell) and unit_list_cell(self.following) \
            and not (_text_cell(self.then) and not ("deadline" in self.kinds and DATE_INSIDE.search(self.then))) \
            and self.trailing_filled >= self.trailing and not (self.text_after_units and not self.content_filled)

    def _late_deadline(self, row: Task, cell: str) -> bool:
        """A cell of the deadline column that names its date inside (泵站改造3月开工…): printed last (a
        progress or notes column aside), after the units; or printed between the text and the units."""
        if not row.text or row.deadline or not DATE_INSIDE.search(cell) or looks_like_unit(cell):
            return False
        kinds = [c.kind for c in self.columns if c.kind not in ("progress", "notes")]
        if not kinds:
            return False  # a header of progress and notes alone (a page's text read column by column)
        if kinds[-1] == "deadline":
            return bool(self.unit_cells or row.units) and (not self.text_after_units or self.content_filled)
        at = kinds.index("deadline") if "deadline" in kinds else 0
        return at > 0 and kinds[at - 1] == "text" and not (self.unit_cells or row.units)

    def _next_number(self, cell: str) -> bool:
        """A row's number: the first, or a little above the row before's (a gap where rows were left
        out); 1000 after row 1 is an amount in a money column."""
        number = self.row.number if self.row is not None else None
        if number is None or _value(number) is None or self.after_group:
            return True  # numbering may start again under a group row
        return 0 < (_value(cell) or 0) - (_value(number) or 0) <= 30

    def _number_again(self, cell: str, next_cells: list[str]) -> bool:
        """The open row's number printed again before a task's text: a second row under a merged number
        cell whose number each row repeats (1 / 完善交通… / 区住建局 / 6月开工 / 1 / 实施寺慈线…)."""
        row = self.row
        following = next_cells[0] if next_cells else ""
        return row is not None and row.number == _digits(cell) and bool(row.text) \
            and bool(self.unit_cells or row.units or row.deadline) and len(following) >= 4 \
            and not NUMBER.match(following) and not looks_like_unit(following) and not DEADLINE_CELL.match(following)

    def _signature(self, line: Line, ahead) -> bool:
        """The notice's closing signature after the last row (武汉市武昌区人民政府办公室 / 2017年3月1日)."""
        if SIGNATURE_DATE.match(line.text) and self.att.footer == [] and len(ahead) == 0:
            return True
        return signer(line.text) and len(ahead) == 1 and bool(SIGNATURE_DATE.match(ahead[0][1].text))

    def _group_header(self, cell: str, next_cells: list[str], width: int) -> bool:
        if self.row is not None and self._late_deadline(self.row, cell):
            return False
        if width != 1 or unit_list_cell(cell) or simplified(cell) in CATEGORIES or DEADLINE_CELL.match(cell) \
                or ("leader" in self.kinds and leader_cell(cell)):
            return False  # a unit, role, date or name cell of the row, not a heading between rows
        row_done = self.row is None or (bool(self.unit_cells or self.row.category or self.row.units)
                                        and bool(self.row.text))  # a merged row still waiting for its text
        if row_done and self.row is not None and self.trailing_filled < self.trailing and not _heading_cell(cell):
            return False  # 县民生实事 in a 备注 column after the units: the row's own last cell
        if row_done and _heading_cell(cell) and "number" not in self.kinds:
            return True  # a table without a 序号 column: a heading-shaped cell between rows is a group row
        if row_done and _heading_cell(cell) and next_cells:
            # 二、民生保障 then 1 (numbering starts again) or then 三、… (a group row with no rows of its own)
            return bool(NUMBER.match(next_cells[0])) or _heading_cell(next_cells[0])
        return row_done and bool(next_cells) and bool(NUMBER.match(next_cells[0])) \
            and self._next_number(next_cells[0])

    def _cells(self, cells: list[str], positional: bool) -> None:
        row = self.row
        assert row is not None  # a row's cells come after its number
        if positional:
            for cell, column in zip(cells, self.columns[1:], strict=False):
                self._positional(cell, column)
            return
        for cell in cells:
            row.cells.append(cell)
            if cell[:1] in SUB_ITEM_NEXT and row.text:
                # ②… after ①…: the next sub-item of the same cell, split from it as an item of its own
                if row.notes and self.trailing_filled:
                    row.notes[-1] += cell
                elif not self.unit_cells and not row.units:
                    row.text += cell
                else:
                    row.notes.append(cell)
                continue
            if row.deadline and row.deadline.endswith((",", "、")) and not unit_list_cell(cell) \
                    and not looks_like_leader(cell):
                row.deadline += cell  # …完成工程量的50%, / 通惠路…: a date cell broken after its comma
                continue
            if self._next_row_first(row, cell):
                row = self._merged_row("")
                if not self._before_text(row, cell):
                    row.notes.append(cell)
                continue
            if row.text and self._last_kind == "deadline" and row.deadline and looks_like_unit(cell):
                row = self._merged_row("")  # a unit after the row's last column: the row under a merged cell
                self.unit_cells.append(cell)
                continue
            if not row.text and self.unit_cells and looks_like_unit(cell) and not self._text_due():
                self.unit_cells.append(cell)  # a merged row's second unit, before its text
                continue
            if self._late_deadline(row, cell):
                row.deadline = cell  # 泵站改造3月开工…: the last column's cell, not starting with its date
                continue
            if row.text and self.progress_before_units and not (self.unit_cells or row.units) \
                    and (PROGRESS_CELL.match(cell) or (self.separated and not unit_list_cell(cell))):
                # 95% / 80%(…进度滞后) in a 当前进度 column printed before the units; where a blank line
                # parts every cell, any cell between the text and the units (从1-2月主要经济指标完成情况看…)
                row.notes.append(cell)
                continue
            if not row.text and self._before_text(row, cell):
                continue
            if not row.text:
                row.text = cell
                self.content_filled = self.content_filled or bool(row.units or self.unit_cells)
            elif AMOUNT.match(cell):
                row.notes.append(cell)  # 48414 (万元) in an investment column
            elif self._merged_text(row, cell):
                row = self._merged_row(cell)  # the next row's text, under a merged number: its units follow
            elif row.deadline and self._last_kind == "deadline" and not looks_like_unit(cell) \
                    and not _texty(cell) and len(cell) <= 12 and not _heading_cell(cell):
                row.deadline += cell  # 7月底 / 具备挡水条件: the deadline cell broken over lines
            elif "category" in self.kinds and simplified(cell) in CATEGORIES and not row.category:
                row.category = cell
            elif unit_list_cell(cell) or self._bare_unit(row, cell):
                self.unit_cells.append(cell)
            elif "deadline" in self.kinds and DEADLINE_CELL.match(cell) and not row.deadline:
                row.deadline = cell
            elif self.start_first and row.deadline and DEADLINE_CELL.match(cell) and id(row) not in self.started:
                self.started.add(id(row))  # the second date: the one taken was when the work starts
                row.notes.append(row.deadline)
                row.deadline = cell
            elif "leader" in self.kinds and leader_cell(cell) and not row.leader:
                self._leaders(row, cell)
            elif self.text_after_units and self.unit_cells and not self.content_filled and not row.deadline \
                    and not DEADLINE_CELL.match(cell):
                self.content_filled = True  # 项目 / 责任单位 / 建设内容: the task's content after its units
                row.text += cell
            elif (self.unit_cells or row.deadline) and _texty(cell) and self.trailing_filled < self.trailing:
                self.trailing_filled += 1  # a 进展情况 / 备注 column after the units: no new row
                row.notes.append(cell)
            elif (self.unit_cells or row.deadline) and _texty(cell):
                row = self._merged_row(cell)  # the row under a merged number and unit cell
            elif not self.unit_cells and not row.category:
                row.text += cell  # the task text, broken over cells
            else:
                row.notes.append(cell)

    def _bare_unit(self, row: Task, cell: str) -> bool:
        """基建股 / 城建科 after the row's text, its date or the next row's number after it: the row's unit cell,
        a short name whose ending the unit vocabulary leaves out (a section of a county's bureau), standing
        where the unit column's cell stands."""
        after = self.following
        return bool(row.text) and not (self.unit_cells or row.units) and len(cell) <= BARE_UNIT_MAX \
            and any(c.holds_units for c in self.columns) and looks_like_unit(cell, bounded=True) \
            and (not after or bool(DEADLINE_CELL.match(after) or NUMBER.match(after)))

    def _positional(self, cell: str, column: Column) -> None:
        row = self.row
        assert row is not None  # a row's cells come after its number
        row.cells.append(cell)
        if not cell:
            return
        if column.kind == "text":
            row.text += cell
        elif column.kind == "category":
            row.category = cell
        elif column.kind == "deadline":
            row.deadline = cell
        elif column.kind == "leader":
            self._leaders(row, cell)
        elif column.holds_units:
            row.units.extend(self._units(cell, column))
        else:
            row.notes.append(cell)

    def _leaders(self, row: Task, cell: str) -> None:
        cell_leaders(row, cell, self.leader_sink)  # 县委常委、副县长张三: one person's posts before the name

    def _units(self, cell: str, column: Column):
        row = self.row
        assert row is not None  # a row's cells come after its number
        if column.level:
            role = row.category if column.level == self.inner_level else None
        else:
            role = row.category or column.role
        units = cell_units(cell, role).units  # 、 lists, "," groups, X等相关部门
        for unit in units:
            unit.level = column.level
        return units

    def _merged_row(self, text: str) -> Task:
        """A task text after the row's last cells: a new row whose number and unit cells were merged
        with the row above (大竹: 5 / 开工建设县老年养护楼。/ 县民政局 / … / 开工建设老年大学。/ 12月底前)."""
        above = self.row
        assert above is not None  # a merged row follows the row it was merged with
        self._end_row()
        self.trailing_filled = 0
        self.content_filled = bool(text)
        self.carried = list(self.last_unit_cells)
        self.row = Task(number=above.number, line=above.line, text=text)
        self.row.cells.append(text)
        (self.section.tasks if self.section else self.att.tasks).append(self.row)
        return self.row

    def _end_row(self) -> None:
        self._carry_leader()
        if self.row is not None and not self.unit_cells and self.carried:
            self.unit_cells = self.carried
        self.carried = []
        self.last_unit_cells = list(self.unit_cells)
        if self.row is None or not self.unit_cells:
            self.unit_cells = []
            return
        unit_columns = [c for c in self.columns if c.holds_units]
        if self.scoring and len(self.unit_cells) >= 2:
            self.row.notes.append(self.unit_cells.pop())
        for cell, column in zip(self.unit_cells, _assign(self.unit_cells, unit_columns), strict=False):
            self.row.units.extend(self._units(cell, column))
        apply_rule(self.row.units, self.rule)  # 区政府办公室*、区财政局: the marked unit leads
        self.unit_cells = []


    def _carry_leader(self) -> None:
        """A leader column's cell merged over several rows is printed in the first of them only: a row
        without a leader cell has the leader of the row above (never across a group row)."""
        row = self.row
        if row is None or "leader" not in self.kinds or row is self.leader_done:
            return
        self.leader_done = row  # _end_row runs again for the same row after a group row
        if row.leader:
            self.last_leader = (row.leader, list(row.assisting_leaders))
        elif self.last_leader:
            row.leader = self.last_leader[0]
            row.assisting_leaders.extend(self.last_leader[1])


def _digits(cell: str) -> str:
    """The row's number as printed without its punctuation: 1. -> 1, (1) -> 1, 一 -> 一."""
    return cell.strip("()().、． ")


def _value(number: str) -> int | None:
    return cn_to_int(_digits(number)) or None


def _category_cell(cell: str) -> bool:
    """A 类别 cell: a short word, no unit, date or sentence (民生类, 重点项目, 主办)."""
    return len(cell) <= 6 and not re.search(r"[。;；,，、]", cell) and not looks_like_unit(cell) \
        and not DEADLINE_CELL.match(cell) and not NUMBER.match(cell)


def _heading_cell(cell: str) -> bool:
    return any(pattern.match(cell) for pattern in HEADING_CELL)


def spaced_units(raw: str) -> str | None:
    """县发改局 县财政局: unit names a cell separates with spaces, as a 、 list (clean() would run
    them together)."""
    pieces = raw.split()
    if len(pieces) < 2:
        return None
    if all(looks_like_unit(clean(p)) for p in pieces):
        return "、".join(clean(p) for p in pieces)
    return unit_list(" ".join(clean(p) for p in pieces))  # 高新园(邹区镇) 各街道: a name the suffixes miss


def _rejoin_broken_cells(rows, leaders: bool):
    """市发改委、市 / 财政局 or 县发 / 改局: a cell broken over lines a few characters each goes on in the
    next line when it ends with a list separator, or when it is no cell on its own and the two make a
    unit list."""
    out: list = []
    for cells, line in rows:
        if out and len(out[-1][0]) == 1 and len(cells) == 1 and _goes_on(out[-1][0][0], cells[0]) \
                and not (leaders and looks_like_leader(out[-1][0][0])) \
                and not (_wrapped_end(out) and _whole_units(cells[0].strip("、,;，；"))):
            # 叶林 / 招商工作部: a name, then a unit; 提质惠民 / 工程 / 教体局: a text's end, then a whole unit
            before, first = out[-1]
            joined = Line(first.text + line.text, first.nos + line.nos, first.raw + line.raw)
            out[-1] = ([before[0] + cells[0]], joined)
        else:
            out.append((cells, line))
    return out


def _wrapped_end(out) -> bool:
    """The last line ends a cell wrapped at its column's width: the two lines above it are of one width,
    wider than it (公办教育 / 资源扩容 / 提质惠民 / 工程); it starts no unit's name (县发 / 改局 after a text)."""
    above = [cells[0] for cells, _ in out[-3:-1] if len(cells) == 1]
    last = out[-1][0][0] if len(out[-1][0]) == 1 else ""
    return len(above) == 2 and bool(last) and len(above[0]) == len(above[1]) > len(last) \
        and not NAME_START.match(last)


NARROW = 6  # a line of a cell broken in a narrow column: a few characters
NARROW_RUN = 40


def _rejoin_narrow_cells(rows, leader_first: bool, leaders: bool):
    """县水 / 务局 / 、县 / 住建 / 局: a unit cell printed in a narrow column, a few characters a line. A run of
    short lines that starts with no whole name is joined up to where it first makes a whole unit list
    that does not go on (no 、 at its end or at the next line's start)."""
    out: list = []
    pieces = [_narrow_piece(cells) for cells, _ in rows]  # once each: runs look at a line many times
    i = 0
    while i < len(rows):
        end = i if _wrapped_end([*out[-2:], rows[i]]) and _whole_units(
            (pieces[i + 1] if i + 1 < len(pieces) else None) or "") \
            else _narrow_run_end(pieces, i, leader_first, leaders)  # (the last lines only: linear time)
        if end > i + 1:
            run = rows[i:end]
            first = run[0][1]
            joined = Line("".join(p[1].text for p in run), tuple(n for p in run for n in p[1].nos),
                          "".join(p[1].raw.strip() for p in run), first.blank_before)
            out.append((["".join(p[0][0] for p in run)], joined))
            i = end
        else:
            out.append(rows[i])
            i += 1
    return out


def _narrow_piece(cells: list[str]) -> str | None:
    piece = cells[0] if len(cells) == 1 else ""
    return piece if piece and len(piece) <= NARROW and not NUMBER.match(piece) and not FIGURE.match(piece) \
        and not DEADLINE_CELL.match(piece) and not re.search(r"[“”《》。]", piece) \
        and not (_label_line(piece) and (len(piece) >= 4 or is_number_label(piece))) else None  # 序号 / 牵头单位


def _narrow_run_end(pieces: list[str | None], i: int, leader_first: bool, leaders: bool) -> int:
    first = pieces[i]
    goes_on = (pieces[i + 1] or "").startswith(("、", ",")) if i + 1 < len(pieces) else False
    if first is None or first[:1] in "、,)）" or (_whole_units(first) and not goes_on) or \
            simplified(first) in CATEGORIES or (leader_first and looks_like_leader(first)):
        return i  # 叶林 / 招商工作部: a name, then a unit; 区科产局 / 、区 / 建委 (joined above, the list goes on)
    joined, k, best = first, i + 1, i
    while k < len(pieces) and k - i < NARROW_RUN and (piece := pieces[k]) is not None:
        joined += piece
        k += 1
        following = (pieces[k] if k < len(pieces) else None) or ""
        whole = _whole_units(joined)
        if whole and not following.startswith(("、", ",")):
            best = k
        # whole, and the next line starts no more of it: a name starts with its level or 各 (人力资源社会 /
        # 保障部, 金义新区 / 发展集团 go on), or a leader's name follows in a leader table
        if whole and \
                (not following or NAME_START.match(following) or (leaders and looks_like_leader(following))):
            return k if _narrow_shape(pieces, i, k) else i
    return best if _narrow_shape(pieces, i, best) else i  # ran on: up to where it last made a whole list


def _narrow_shape(lines: list[str | None], i: int, end: int) -> bool:
    """A cell broken by its column's width: it starts like a unit's name (县水 / 务局), or its lines but the
    last are equally long, the last no longer (人力 / 资源 / 社会 / 保障 / 部, 改革 / 办); 具备挡水条件 / 慈城镇
    is a date's end and a unit."""
    pieces = [p for p in lines[i:end] if p is not None]
    if len(pieces) < 2:
        return False
    plain = [p for p in pieces[:-1] if not re.search(r"[()（）]", p)]  # 园( / 邹区 / 镇) come joined at the bracket
    even = len({len(p) for p in plain}) <= 1 and len(pieces[-1]) <= len(pieces[0])
    # two lines alone: the second the rest of the first (教育 / 局, 文体 / 旅局; 教育提升 / 新建学校 are two cells)
    two = len(pieces[1]) < len(pieces[0]) <= 4 or len(pieces[0]) == len(pieces[1]) <= 2
    return bool(NAME_START.match(pieces[0])) or (even and (len(pieces) >= 3 or two))


def _whole_units(text: str) -> bool:
    """A unit list whose last name is whole (县住建局, not 县住建 or 县)."""
    last = text[max(text.rfind("、"), text.rfind(",")) + 1:]  # (empty after a separator at the end)
    return len(last) >= 3 and looks_like_unit(last) and paren_depth(last) == 0 and unit_list_cell(text)


def _separated_cells(rows):
    """Cells each followed by a separator (a rule or a blank line) nearly everywhere: a line that comes
    with no separator before it is more of the cell above (a second unit of a 牵头单位 cell, a text
    wrapped at the page's width), so the lines between two separators are one cell."""
    if not _separated(rows):
        return rows
    out: list = []
    for cells, line in rows:
        if out and not line.blank_before and not NUMBER.match(cells[0]) and not NUMBER.match(out[-1][0][0]):
            before, first = out[-1]
            glue = "、" if looks_like_unit(before[0]) and looks_like_unit(cells[0]) else ""
            joined = Line(first.text + glue + line.text, first.nos + line.nos, first.raw + glue + line.raw,
                          first.blank_before)
            out[-1] = ([before[0] + glue + cells[0]], joined)
        else:
            out.append((cells, line))
    return out


SEPARATED_MIN = 8


def _separated(rows) -> bool:
    """Each cell followed by a separator (a rule or a blank line) nearly everywhere."""
    return len(rows) >= SEPARATED_MIN and sum(1 for _, line in rows if line.blank_before) >= 0.8 * len(rows)


# what ends a date a page's width broke off: 2024年6月 / 底前, 9月 / 中旬, 年底 / 前
DATE_END = compile_both(r"^(?:底|末|初|中旬|上旬|下旬|\d{1,2}日)?(?:前|以前)?(?:完成|建成|完工)?$")


def _goes_on(cell: str, following: str) -> bool:
    if DEADLINE_CELL.match(cell) and following and DATE_END.match(following) and len(cell) <= 12:
        return True
    if cell.endswith(("、", ",")):  # a unit list broken after its separator, not a text that lists things
        return not NUMBER.match(following) and looks_like_unit(re.split(r"[、,]", cell[:-1])[-1])
    if len(cell) > 8 or NUMBER.match(cell) or FIGURE.match(cell) or looks_like_unit(cell) or DEADLINE_CELL.match(cell) \
            or simplified(cell) in CATEGORIES or TOPIC.match(cell) or NUMBER.match(following):
        return False
    if NAME_START.match(following) and _whole_units(following):
        return False  # 設 / 區新興產業服務中心: a whole name of its own after a text's last characters
    # a list broken inside (市发改委、市 / 财政局) or a name broken after a few characters (县发 / 改局);
    # a short task text (烟花爆竹) followed by its unit is neither
    if ("、" in cell or len(cell) <= 3) and looks_like_unit(cell + following):
        return True
    # 区新兴产业 / 服务中心: a unit's name broken where the cell was too narrow — the first part starts like
    # a unit (区, 市 …) but ends like none, the second starts like no unit of its own
    return simplified(cell)[:1] in "市区县省州镇乡" and len(following) <= 8 \
        and simplified(following)[:1] not in "市区县省州镇乡各" and looks_like_unit(cell + following)


def _text_cell(cell: str) -> bool:
    return len(cell) >= 8 and not unit_list_cell(cell) and not DEADLINE_CELL.match(cell) and not NUMBER.match(cell)


def _texty(cell: str) -> bool:
    """A cell that reads as a task's text rather than a unit, a date or a name."""
    return len(cell) >= 8 and cell.endswith(("。", ";", "；")) and not looks_like_unit(cell) \
        and not DEADLINE_CELL.match(cell) and not looks_like_leader(cell)


def _assign(cells: list[str], columns: list[Column]) -> list[Column]:
    """Which column each unit cell stood in, when empty cells left no trace."""
    if not columns:
        return [Column("责任单位")] * len(cells)
    if len(columns) == 1:
        return [columns[0]] * len(cells)
    levelled = [c for c in columns if c.level]
    if len(levelled) >= 2:
        outer, inner = levelled[0], levelled[-1]
        assert outer.level and inner.level  # levelled
        split = next((i for i, c in enumerate(cells) if simplified(c).startswith(inner.level[0])), None)
        if split is None:
            if len(cells) == 1:
                split = 0 if not simplified(cells[0]).startswith(outer.level[0]) else 1
            else:
                split = len(cells) - 1
        return [outer] * split + [inner] * (len(cells) - split)
    # 牵头单位 / 配合单位 columns: the first cell leads, the rest follow in order
    return [columns[min(i, len(columns) - 1)] for i in range(len(cells))]
