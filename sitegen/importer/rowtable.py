"""A table whose rows are lines (TAB, pipe, box-drawing or space-separated cells) -> tasks.

The table model is rows of cells in columns. A row becomes a task; a row whose
only text is one value (repeated across a merged row, or alone in it) is a
group heading; a row without its number in a pipe, box or space rendering is
the previous row wrapped over another line; a row repeating the header is a
header printed again on a new page. Merged cells: the readers repeat a merged
value in every row it covers, so TAB rows carry nothing; other renderings print
it once, so an empty lead-unit, leader or section cell is carried down from the
row above.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations, pairwise

from . import attribution as attr
from .columns import (
    CATEGORY_CELL,
    DATE_CELL,
    NUMBER_CELL,
    TIME_WORD,
    Column,
    cell_kind,
    header_columns,
    is_header_row,
    label_kind,
    leader_cell,
    name_cell,
    unit_list,
    unit_list_cell,
)
from .coverage import Ledger
from .header import ORG, SIGNATURE_DATE
from .items import Attachment, Section, Task
from .leaders import equal_leaders, lead_section
from .markers import FOOTER_START, Marker, marker
from .rows import PIPES, is_delimited
from .structure import apply_heading_units, heading_units
from .text import Line, paren_depth
from .units import UNIT_SUFFIX, looks_like_unit, parse_group
from .variants import compile_both, simplified

POINTS = ("num", "pnum", "circled", "dotted")  # how a cell numbers the points inside it
CARRIED = ("lead", "leader", "section")  # merged down in print, so an empty cell repeats the one above
MERGED_DOWN = (*CARRIED, "assist", "units", "deadline", "category")  # a left-out cell of these repeats
WEAK_FIT = ("section", "progress", "notes")  # columns whose cells are any text
UNNAMED = ("units", "deadline")  # what a row naming nobody, one cell a line, shares with the row above
GROUP_MARKERS = ("part", "ordinal", "cn", "pcn")  # 一、… / (一)… / 第一部分: a group's heading
ITEM_MARKERS = ("num", "pnum", "nitem")  # 1.… / (1)… / 第1项: an item's number
GROUP_VOTES = 2  # short rows that leave out the first text column before it is taken for a group's
SHORT_CELL = 10  # the most a unit's name or a date runs that a text column's cell would not
SHORT_ROW_SPAN = 12  # the most columns a short row is aligned over by look (the placements grow as C(n, k))
ROLE_WORDS = {"主办", "协办", "牵头", "配合", "参与", "责任"}
CONTINUED = compile_both(r"^[((]?续(表|上表|前表)?[))]?")
# 附表 / 附件2 / 表3 / 单位:万元 / …完成情况汇总表 alone on a line after the rows: another table's caption, no
# part of the last row's cell
TABLE_CAPTION = compile_both(r"^(?:(?:附表|附件)\s*\d{0,2}\s*[::]?|表\s*\d{1,2}\s*[::]?|(?:计量)?单位\s*[::].{1,12})$")
# a table's title (…1-9月重点项目投资完成情况汇总表): dated, or standing apart; a wrapped cell may end in 情况表 too
TABLE_TITLE = compile_both(r"^[^。;]{2,40}(?:汇总表|统计表|情况表|一览表)$")
TITLE_DATE = compile_both(r"\d{4}年|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月|[一二三四]季度|上半年|全年")
PIECE = re.compile(r"\S+(?: \S+)*")  # a run of words apart by single spaces: a cell, in columns of spaces
ALIGNED = 0.8  # the share of a table's pieces that start at its columns' edges when it is in columns
SLACK = 2  # how far a converter's rounding of positions moves a piece from its column's edge
SPLIT_REACH = 24  # how far from a column's edge a packed line's cells part
IDEOGRAPHS_APART = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")
DIGIT_EDGE = re.compile(r"^[\u4e00-\u9fff]\d|^\d[\u4e00-\u9fff]")


def _caption(line: Line) -> bool:
    """附表 / 单位:万元 / a dated or set-apart …汇总表: another table's caption after the rows."""
    text = line.text.strip()
    return bool(TABLE_CAPTION.match(text)) or (bool(TABLE_TITLE.match(text))
                                               and (line.blank_before or bool(TITLE_DATE.search(text))))


class RowTable:
    def __init__(self, att: Attachment, columns: list[Column], ledger: Ledger, leader_sink, rule: str | None):
        self.att, self.ledger, self.leader_sink, self.rule = att, ledger, leader_sink, rule
        self.set_columns(columns)
        self.group: Section | None = None  # from a heading row
        self.area: Section | None = None  # from a section column
        self.cells: list[str] | None = None  # the open row, one text per column
        self.first: set[int] = set()  # the columns the open row's first line filled
        self.ended: set[int] = set()  # the columns of the open row a line has left empty since (spaces)
        self.cut: set[int] = set()  # unit columns wrapped at their width (survey)
        self.wraps = False  # some cell of the table is wrapped over lines (survey)
        self.always: set[int] = set()  # the columns every numbered row prints (survey)
        self.parts: list[list[str]] = []  # the open row's cells line by line
        self.piece: list[str] = []  # the cells of the open row's last line
        self.lines: list[Line] = []
        self.previous: list[str] = []
        self.footer = False
        self.again = False  # the header printed again (a new page) just before this line
        self.captioned = False  # the rows ended at another table's caption: what follows is no row of this one
        self.tabbed = True
        self.once = False  # rows read from one cell a line (cellrows): a merged cell is printed once, as in spaces
        self.left_out: set[int] = set()  # the columns a short row left out (_by_look): merged with the row above
        self.ruled = False  # rows drawn between rules: a line with no rule before it goes on the row above
        self.drawn = False  # the same, told by the rules alone: a line after a rule starts the next row
        # the header's lines as printed (cells without spaces): one printed again after 续表 is no row, even
        # where the header is broken over lines (联系 / 领导) so that no line of it reads as a header alone
        self.header_lines: set[tuple[str, ...]] = set()

    def set_columns(self, columns: list[Column]) -> None:
        self.columns = columns
        self.width = len(columns)
        self.header = [re.sub(r"\s+", "", c.name) for c in columns]
        self.number_at = next((i for i, c in enumerate(columns) if c.kind == "number"), None)
        self.text_at = [i for i, c in enumerate(columns) if c.kind == "text"]

    # -- feeding -----------------------------------------------------------
    def feed(self, cells: list[str] | None, line: Line, tabbed: bool, placed: bool = False) -> None:
        """placed: the cells were cut by where the line's words stand (columns of spaces, column_edges)."""
        if cells is not None:
            self.tabbed = tabbed  # the table's rendering; a paragraph line after it has no TAB either way
        if placed and cells is not None and self._goes_on_below(cells):
            self.ended |= {i for i, c in enumerate(cells) if not c}  # a cell that stopped does not go on
            self._merge(cells)
            self._place(line)
        elif self.captioned and cells is not None and is_header_row(cells):
            self.footer = self.captioned = False  # the table after the caption is a task table: its rows
            self._row(cells, line)
        elif cells is None and self.cells is not None and _caption(line):
            self._close()  # a figures table (项目个数 | 年投资计划 …) under its caption holds no tasks
            self.footer = self.captioned = True
            self.att.footer.append(line.text)
            self.ledger.place(line.text, line.nos, self.att)
        elif self.footer or (cells is None and (FOOTER_START.match(line.text) or _signature(line.text))):
            self._close()
            self.footer = True
            self.att.footer.append(line.text)
            self.ledger.place(line.text, line.nos, self.att)
        elif cells is None:
            self._text_line(line)
        else:
            # placed without a number column, a line that does not go on starts the next row
            self._row(cells, line, fresh=placed and self.number_at is None)

    def _text_line(self, line: Line) -> None:
        text = line.text
        if CONTINUED.match(text) and len(text) <= 12:
            self.ledger.place(text, line.nos, self.att)
        elif self._counts_on(text.strip(PIPES + " \u3000")):
            # | 2.… | alone: the next row, every other cell merged with the row above's
            self._row([text.strip(PIPES + " \u3000")], line)
        elif self.cells is not None and not self.tabbed and not marker(text) and self.text_at:
            self.cells[self.text_at[0]] += text  # a wrapped cell that lost its column position
            self._place(line)
        elif self._last_list_goes_on(text):
            self.cells[-1] += "、" + text  # type: ignore[index]  # a unit list one name a line in the last cell
            self.parts[-1].append(text)
            self._place(line)
        elif (len(text) <= 40 and not text.endswith(("。", ";"))) or marker(text):
            self._heading(text, line)
        else:
            self._close()  # a paragraph between or after the rows: the text of the group it is in
            target = self.group or self.att
            if isinstance(target, Section):
                target.text.append(text)
            else:
                (target.footer if target.all_tasks() else target.preamble).append(text)
            self.ledger.place(text, line.nos, target)

    def _last_list_goes_on(self, text: str) -> bool:
        """A unit's name alone on a line under a TAB row whose last cell is a unit list: the cell held
        line breaks (a browser's copy of a web table, names one a line), so its next names follow the row's
        line without a TAB. A group row's name (打造区域教育高地) reads as no unit."""
        return self.cells is not None and self.tabbed and self.columns[-1].holds_units and bool(self.cells[-1]) \
            and len(self.cells) == self.width and not marker(text) and unit_list_cell(text)

    def _goes_on_below(self, cells: list[str]) -> bool:
        """A line of a table in columns of spaces: the open row's cells wrapped inside their columns, where
        it has no number under a numbered row; without a number column, where it fills only columns the
        row's first line filled and its lines have filled since without a break (every cell of a row starts
        on the row's first line, and goes on line after line: a word in another column starts the next row).
        The header printed again is no part of a row."""
        if self.cells is None or not any(cells) or is_header_row([c for c in cells if c]):
            return False
        if self.number_at is not None:
            return not cells[self.number_at]
        return {i for i, c in enumerate(cells) if c} <= self.first - self.ended

    def _row(self, cells: list[str], line: Line, fresh: bool = False) -> None:
        if tuple(re.sub(r"\s+", "", c) for c in cells) in self.header_lines and any(cells):
            self._close()
            self.ledger.place(line.text, line.nos, self.att)
            self.again = True
            return
        if is_header_row(cells):
            self._close()
            if [re.sub(r"\s+", "", c) for c in cells] != self.header:
                self.set_columns(header_columns([cells]))  # another table, with its own columns
                self.att.columns = self.att.columns or [c.name for c in self.columns]
            self.ledger.place(line.text, line.nos, self.att)
            return
        cells, self.left_out = self._fit(cells, is_delimited(line.raw or ""))
        heading = self._heading_value(cells, line)
        if heading is not None:
            self._heading(heading, line)
            return
        number = cells[self.number_at] if self.number_at is not None else ""
        if self.cells is not None and not fresh and self._goes_on(cells, number, line):
            self._merge(cells)
            self._place(line)
            self.piece = cells
            return
        if self.cells is not None and not number and self.number_at is not None:
            cells[self.number_at] = self.cells[self.number_at]  # a row under a merged number cell
        elif self.again and not number and self.number_at is not None and self.previous:
            cells[self.number_at] = self.previous[self.number_at]  # the merged number goes on after 续表
        self.again = False
        self._close()
        self.first, self.piece, self.ended = {i for i, c in enumerate(cells) if c}, list(cells), set()
        self.parts = [[c] if c else [] for c in cells]
        self._carry(cells)
        self.cells, self.lines = cells, [line]

    def _fit(self, cells: list[str], delimited: bool) -> tuple[list[str], set[int]]:
        """The row's cells in their columns, and the columns it left out (merged with the row above)."""
        printed = list(cells)
        while delimited and printed and not printed[-1]:
            printed.pop()  # 3.… | 各科室 | |: a mirror pads a short row with empty cells at the end
        placed = self._as_printed(cells, printed, delimited)
        # a row printed short, or read from one cell a line: its cells may stand elsewhere (a row as long as
        # the header, its last cells empty, keeps its cells where they stand: a box or a TAB keeps empty cells)
        return self._by_look(printed, placed) if len(cells) < self.width or self.once else (placed, set())

    def _as_printed(self, cells: list[str], printed: list[str], delimited: bool) -> list[str]:
        if delimited and len(cells) == self.width and not cells[-1] and len(printed) >= 2 \
                and self._merged_above(printed):
            # the row padded at the end left out its merged first cell: printed, it is the shorter row below
            return [""] * (self.width - len(printed)) + printed
        if len(cells) == self.width:
            return list(cells)
        if len(cells) > self.width:
            if delimited or not self.text_at:
                return [*cells[:self.width - 1], "".join(cells[self.width - 1:])]
            # spaces inside the task's text split it too: the text column takes what is left over
            at, after = self.text_at[0], self.width - self.text_at[0] - 1
            return [*cells[:at], " ".join(cells[at:len(cells) - after]), *cells[len(cells) - after:]]
        if delimited:
            missing = [""] * (self.width - len(cells))
            # a numbered row that leaves out the cells merged from the row above (a pipe table's rowspan)
            # still ends in the last column: its unit list is the units column's (a line of a row wrapped
            # over lines, numberless, fills the columns from the left)
            merged_above = len(cells) >= 2 and self._merged_above(cells)
            return missing + list(cells) if merged_above else list(cells) + missing
        return _align(cells, self.columns)

    def _by_look(self, printed: list[str], placed: list[str]) -> tuple[list[str], set[int]]:
        """A numbered row printed with fewer cells than the header has columns, where the reading as printed
        puts a cell where it does not fit: a flattened web table leaves out each cell merged down from a row
        above (a rowspan) with no empty cell in its place, so the cells after it shift. Its cells go, in
        order, where they look like they stand — its number in the number column, its numbered text in the
        text column whose cell above is numbered alike, each other cell in a column its content fits; of
        placements that fit alike, the one that leaves out the columns merged in print (a group, a lead unit,
        a leader, the only unit column). The columns left out are carried down from the row above (_carry)."""
        first = printed[0] if printed else ""
        if not (NUMBER_CELL.match(first) or _item(first)) or len(printed) >= self.width \
                or self.width > SHORT_ROW_SPAN or not all(printed):
            return placed, set()  # an empty cell inside the row keeps its place: so do the cells around it
        above = self.cells or self.previous
        fits = [[self._looks(cell, i, above) for i in range(self.width)] for cell in printed]
        merged = [self._merged_kind(column) for column in self.columns]
        # a group's name merged over its rows is a text column before the row's own text
        mergeable = [c.kind in MERGED_DOWN or (c.kind == "text" and i != self.text_at[-1])
                     for i, c in enumerate(self.columns)]
        shaped = [[self._shaped(cell, i) for i in range(self.width)] for cell in printed]
        best, chosen = None, None
        for at in combinations(range(self.width), len(printed)):
            # the row's number or numbered text stands where such a cell does, the row prints its text, and
            # every column it leaves out before its last cell is one that merges over rows (after it, the
            # row's empty last cells went unprinted)
            if fits[0][at[0]] and set(at) & set(self.text_at) \
                    and all(mergeable[c] for c in range(at[-1]) if c not in at):
                score = (sum(fits[i][c] for i, c in enumerate(at)),
                         sum(merged[c] for c in range(self.width) if c not in at),
                         sum(shaped[i][c] for i, c in enumerate(at)))
                if best is None or score > best:
                    best, chosen = score, at
        as_printed = sum(self._looks(cell, i, above) for i, cell in enumerate(placed) if cell)
        if chosen is None or best is None or best[0] <= as_printed:
            return placed, set()
        out = [""] * self.width
        for cell, column in zip(printed, chosen, strict=True):
            out[column] = cell
        return out, {c for c in range(self.width) if c not in chosen}

    def _looks(self, cell: str, at: int, above: list[str]) -> int:
        """How well a cell fits a column: a number only the number column, a numbered text a text column
        (better where the cell above is numbered alike), any other the column its content fits."""
        column = self.columns[at]
        if NUMBER_CELL.match(cell):
            return int(column.kind == "number")
        found = _item(cell)
        if found is not None:
            alike = at < len(above) and _same_type(found, _item(above[at]))
            return (1 + int(alike)) if column.kind == "text" else 0
        if column.kind in WEAK_FIT:
            return 0  # any text stands there: a cell there tells nothing of where the row's cells stand
        if column.kind == "text" and cell_kind(cell) != "text" and len(cell) <= SHORT_CELL:
            return 0  # a unit, a date, a name: some other column's cell (a longer text may end like a name:
            # …建设工程袁州区)
        return int(fits_column(cell, column))

    def _shaped(self, cell: str, at: int) -> int:
        """Of two text columns, a name (医卫基础设施建设工程) stands in the first (the task's or a group's
        name), a sentence in a later one (its content, its detailed measures)."""
        if len(self.text_at) < 2 or at not in self.text_at:
            return 0
        return int((at == self.text_at[0]) == name_cell(cell))

    def _merged_kind(self, column: Column) -> bool:
        """A column whose cells print once over the rows they cover: a group's, a lead unit's, a leader's,
        or the table's only unit column (its rows' units alike, row after row)."""
        units = [c for c in self.columns if c.holds_units and not c.level]
        return column.kind in CARRIED or (units == [column])

    def _merged_above(self, cells: list[str]) -> bool:
        """A delimited row printed without its first cells (merged from the row above): it opens with its
        item's number and ends with a unit list, under a header whose last column holds units."""
        return bool(marker(cells[0])) and unit_list_cell(cells[-1]) and self.columns[-1].holds_units


    def _heading_value(self, cells: list[str], line: Line) -> str | None:
        filled = [c for c in cells if c]
        values = set(filled)
        if len(values) != 1:
            return None
        value = filled[0]
        if NUMBER_CELL.match(value) or looks_like_unit(value) or simplified(value) in ROLE_WORDS:
            return None
        spread = len(filled) >= 2 and self.width >= 2  # a merged row repeats its value in every cell
        first = cells[0] == value and (self.number_at == 0 or not self.text_at or self.text_at[0] != 0)
        heading = bool(marker(value)) and len(value) <= 40 and not self._point(cells, value, line) \
            and not self._counts_on(value)
        return value if spread or first or heading \
            or (self._group_name(cells, value) and (self.cells is None or line.blank_before)) else None

    def _counts_on(self, text: str) -> bool:
        """2.… after the row numbered 1.… in the task's text column: the next task, whatever else its row
        leaves out (its cells merged with the row above's), never a group's heading."""
        above = self.cells or self.previous
        if not self.text_at or not above or len(above) <= self.text_at[0]:
            return False
        return numbered_on(text, above[self.text_at[0]])

    def _point(self, cells: list[str], value: str, line: Line) -> bool:
        """1.… / (1)… / ①… alone on a line under an open row: a numbered point of one of the row's cells (a
        具体措施 cell, the task's text with its sub-items) wrapped onto the line, no group row — where the rows
        carry numbers of their own, rules part the rows and none comes before the line, or the point stands
        in a column after the task's text."""
        m = marker(value)
        if self.cells is None or m is None or m.type not in POINTS:
            return False
        return self.number_at is not None or (self.drawn and not line.blank_before) \
            or (bool(self.text_at) and cells.index(value) > self.text_at[0])

    def _group_name(self, cells: list[str], value: str) -> bool:
        """稳增长 alone in the text column of a table without numbers, every other cell empty: a group row
        (a task's row prints its units, or carries a merged lead with its own text, a sentence of some
        length); a short name without figures or punctuation is a group's, where it starts a row (after a rule or
        a blank line: otherwise it may be the row above wrapped)."""
        return self.number_at is None and bool(self.text_at) and cells[self.text_at[0]] == value \
            and len(value) <= 12 and not re.search(r"[\d。;；,，:：、]", value)

    def _goes_on(self, cells: list[str], number: str, line: Line) -> bool:
        """Rows drawn between rules: a line with no rule before it is the row above wrapped, one after a rule
        the next row (or the same merged number and task printed again); otherwise the cells tell. A text
        numbered on from the row's starts the next row, however much of it is merged with the row above."""
        if not number and self.text_at and self._counts_on(cells[self.text_at[0]]):
            return False
        if self.drawn:
            return not line.blank_before or bool(number and self._continues(cells, number, line))
        return self._continues(cells, number, line) or (self.ruled and not line.blank_before)

    def _continues(self, cells: list[str], number: str, line: Line) -> bool:
        assert self.cells is not None  # called with a row open
        if number:
            same = self.number_at is not None and number == self.cells[self.number_at]
            # a merged number and task over several rows: one task
            return bool(same and self.text_at and cells[self.text_at[0]] in ("", self.cells[self.text_at[0]]))
        if self.tabbed:  # the readers write a row a line: a line without its number is the next row
            return self.number_at is not None and not self._next_row(cells)
        wrapped = self._wrapped(cells, line)
        if wrapped is not None:
            return wrapped
        return self._lacks(cells) or not self._next_row(cells)

    def _lacks(self, cells: list[str]) -> bool:
        """A line without its number that leaves empty a cell every numbered row of the table prints (its
        lead unit, its leader, where none of them is merged): no row of its own, the row above wrapped —
        unless it prints a unit list of its own after a list the line above closed whole (高新园(邹区镇)、各街道
        under one: a list wrapped at the column's width breaks after a separator or inside a name, so this
        is the next row, its lead merged with the one above)."""
        if any(self.columns[i].holds_units and re.search(r"[、,，;；]", c) and self.piece[i]
               and not _goes_on(c) and self.piece[i][-1] not in "、,，;；" for i, c in enumerate(cells) if c):
            return False
        return any(not cells[i] for i in self.always if i != self.number_at and i < len(cells))

    def _wrapped(self, cells: list[str], line: Line) -> bool | None:
        """A line without a number, in a rendering that wraps cells: the row's cells wrapped (True) where
        it leaves empty a column every row fills and merged cells never leave empty (the task's text, a
        unit list that is not the lead's), and fills no cell a row prints once (a date, a category, a
        leader); the next row (False) where it fills such a cell, or one the row's first line did not, or
        follows a rule or a blank line in a table without numbers; None where the cells do not tell."""
        filled = {i for i, c in enumerate(cells) if c}
        if not filled:
            return None
        if any(self.columns[i].kind in ("deadline", "category", "leader") for i in filled) \
                or not filled <= self.first or (self.number_at is None and line.blank_before):
            return False
        telling = {self.text_at[0]} if self.text_at else set()
        telling |= {i for i, c in enumerate(self.columns) if c.holds_units and c.kind != "lead"}
        if (self.first - filled) & telling:
            return True
        if self.number_at is not None:
            return None
        if not self.wraps:
            return False  # no number column, and nothing in the table shows a cell wrapped: a row a line
        # no number column, and no cell empty that tells: a piece of a wrapped cell is never wider than
        # the cell's first line, and follows no sentence's end
        at = self.text_at[0] if self.text_at else None
        if at is not None and (len(cells[at]) > len(self.piece[at]) or self.piece[at].endswith(("。", ";", "；"))):
            return False
        return not self._next_row(cells)

    def _next_row(self, cells: list[str]) -> bool:
        """A row without its number is the row above wrapped over another line, unless it has a text of
        its own and a cell that cannot go on from the one above it — a date or a name where the row above
        has one, a unit list where the row above's ends with a whole name: then it is the next row under
        a merged number cell (printed once, empty below)."""
        above = self.cells
        assert above is not None  # called with a row open
        if not self.text_at or not cells[self.text_at[0]] or _goes_on(cells[self.text_at[0]]):
            return False
        evidence = False
        for i, column in enumerate(self.columns):
            if not cells[i] or column.kind in ("number", "text") or not above[i]:
                continue
            if column.holds_units:
                if not _whole_name(re.split(r"[、,，]", above[i])[-1]) or not _whole_start(cells[i]) \
                        or _word_across(above[i], cells[i]):
                    return False  # 市财政局、 / 市自然资源局 or 相关部 / 门: the list goes on
                evidence = True
            elif column.kind in ("deadline", "leader"):
                evidence = True
        return evidence

    def survey(self, rows: list[list[str]]) -> None:
        """The unit columns wrapped at their width, from all the table's lines: a piece of one that is no
        unit list (人力资 / 源社会, 13个), or starts or ends at a separator, is part of a name or a list
        cut by the width, so its pieces join as printed, never as names one a line."""
        self._group_column(rows)
        numbered: list[list[str]] = []
        for cells in rows:
            if is_header_row(cells):
                continue  # the header printed again (续表): its labels are no pieces of the unit columns
            fitted = self._fit(cells, True)[0] if len(cells) != self.width else cells
            if self.number_at is not None and NUMBER_CELL.match(fitted[self.number_at]):
                numbered.append(fitted)
            units = any(c and self.columns[i].holds_units for i, c in enumerate(fitted))
            if self.text_at and not fitted[self.text_at[0]] and units:
                self.wraps = True  # a unit cell that goes on below the row's text
            for i, cell in enumerate(fitted):
                if cell and self.columns[i].holds_units and (_goes_on(cell) or cell[-1] in "、,，;；"
                                                          or not _unit_piece(cell)):
                    self.cut.add(i)
                    self.wraps = True
        if numbered:
            self.always = {i for i in range(self.width) if all(row[i] for row in numbered)}

    def _group_column(self, rows: list[list[str]]) -> None:
        """工作任务 | 细化分工, both the task's text by their labels: where numbered rows printed short leave out
        the first and print a sentence in the second, the first is a group's cell merged over its rows (a
        rowspan), so it groups the rows as a section column does, and the second is each row's task."""
        if len(self.text_at) < 2:
            return
        first, votes = self.text_at[0], 0
        for cells in rows:
            if len(cells) < self.width and not is_header_row(cells):
                fitted, left_out = self._fit(cells, True)
                votes += first in left_out and any(fitted[i] and not name_cell(fitted[i]) for i in self.text_at)
        if votes >= GROUP_VOTES:
            self.columns[first].kind = "section"
            self.set_columns(self.columns)

    def _cut(self, i: int, parts: list[str]) -> bool:
        """Are the lines of a unit cell pieces of names cut by the column's width (人力资 / 源社会保障部),
        not names one a line? A line that is a list itself (区国投集团、各有关 / 乡镇(街道)) or no whole name,
        or a piece that is no unit or starts at a separator says so; in a column cut elsewhere, so does a
        piece that is no whole name (13个 / 街道、镇)."""
        if any(_word_across(a, b) for a, b in pairwise(parts)):
            return True  # 人力资源社 / 会保障部: a word of a name (社会) runs across the break
        if any(re.search(LIST_SEP, p) or paren_depth(p) > 0 or not _whole_item(p) for p in parts[:-1]) \
                or any(_goes_on(p) or not _unit_piece(p) for p in parts) \
                or any(not _whole_item(re.split(LIST_SEP, p)[0]) for p in parts[1:]):
            return True  # 区国投集团,各有 / 关乡镇(街道), 区总工 / 会: a name cut where the line ends
        return i in self.cut and not all(_whole_start(p) or (looks_like_unit(p) and (
            UNIT_SUFFIX.search(p) or p.endswith(("部门", "单位")))) for p in parts)

    def _merge(self, cells: list[str]) -> None:
        assert self.cells is not None  # called with a row open
        for i, cell in enumerate(cells):
            if cell and cell != self.cells[i]:
                self.parts[i].append(cell)
                # units one a line are a list; a 、 list wrapped at the column's width goes on where it broke
                joiner = "、" if self.columns[i].holds_units and self.cells[i] and "、" not in self.cells[i] \
                    and not _goes_on(cell) and paren_depth(self.cells[i]) == 0 and cell[:1] not in "(（" \
                    and looks_like_unit(self.cells[i]) and looks_like_unit(cell) else ""
                self.cells[i] += joiner + cell

    def _carry(self, cells: list[str]) -> None:
        """Merged cells printed once: an empty lead-unit, leader or section cell repeats the one above, and so
        do the cells a short row left out, the only unit column left empty, and, in rows read from one cell
        a line, the 责任单位 and date cells of a row that names nobody (2.… | ||: an empty cell there leaves
        no trace, so only a merged one is empty; a 配合 cell may be empty). The readers repeat a merged value
        in every row, so their rows have nothing to carry."""
        if not self.previous:
            return
        units = [i for i, c in enumerate(self.columns) if c.holds_units and not c.level]
        text = cells[self.text_at[0] if self.text_at else 0]
        nobody = self.once and bool(text) and not any(c for c, column in zip(cells, self.columns, strict=False)
                                                      if column.holds_units)
        for i, column in enumerate(self.columns):
            if not cells[i] and i < len(self.previous) and (column.kind in CARRIED or (
                    i in self.left_out and column.kind in MERGED_DOWN) or (
                    nobody and column.kind in UNNAMED and not column.level)):
                cells[i] = self.previous[i]
        if len(units) == 1 and not self.tabbed and not cells[units[0]] and text:
            cells[units[0]] = self.previous[units[0]]  # the only unit column, empty under a merged cell printed once

    def _place(self, line: Line) -> None:
        self.lines.append(line)

    def _heading(self, text: str, line: Line) -> None:
        self._close()
        if re.search(r"[\u4e00-\u9fff]", text):
            self.previous = []  # a group row spans the table: no merged cell goes on below it (a page's number may)
        self.group = group_section(text, self.leader_sink)
        self.att.sections.append(self.group)
        self.area = None
        self.ledger.place(text, line.nos, self.group)

    # -- closing a row -----------------------------------------------------
    def _close(self) -> None:
        if self.cells is None:
            return
        cells, lines = self.cells, self.lines
        for i, parts in enumerate(self.parts):
            if len(parts) >= 2 and self.columns[i].holds_units:
                # a name or a list wrapped at the column's width goes on as printed; names one a line are a list
                parts = _bracket_joined(parts)
                cells[i] = "".join(parts) if len(parts) > 1 and self._cut(i, parts) else "、".join(parts)
        self.previous, self.cells, self.lines, self.parts = cells, None, [], []
        task = self._task(cells)
        if task is None:
            return
        container = self._container(cells)
        container.tasks.append(task)
        for line in lines:
            self.ledger.place(line.text, line.nos, task)

    def _container(self, cells: list[str]):
        at = next((i for i, c in enumerate(self.columns) if c.kind == "section"
                   or (c.kind == "category" and cells[i] and simplified(cells[i]) not in ROLE_WORDS)), None)
        value = cells[at] if at is not None else ""  # a 领域 column, or a 类别 column of topics, groups rows
        if value:
            if self.area is None or self.area.heading != value:
                self.area = Section(number=None, heading=value)
                (self.group.sections if self.group else self.att.sections).append(self.area)
            return self.area
        if self.area is not None and any(c.kind == "category" and not cells[i] for i, c in enumerate(self.columns)):
            return self.area  # a 类别 cell merged over the rows below it, printed in the first of them only
        return self.group or self.att

    def _task(self, cells: list[str]) -> Task | None:
        task = Task(line=self.lines[0].nos[0] if self.lines else 0)
        category = self._category(cells)
        for cell, column in zip(cells, self.columns, strict=False):
            task.cells.append(cell)
            if cell:
                self._cell(task, cell, column, category)
        if not task.text:
            if not task.units:
                return None
            task.text = next((c for c in cells if c), "")
        attr.apply_rule(task.units, self.rule)
        return task

    def _category(self, cells: list[str]) -> str | None:
        for cell, column in zip(cells, self.columns, strict=False):
            if column.kind == "category" and simplified(cell) in ROLE_WORDS:
                return cell
        return None

    def _cell(self, task: Task, cell: str, column: Column, category: str | None) -> None:
        kind = column.kind
        if kind == "number" and not _words(cell):
            task.number = cell.strip("()().、．")
        elif kind in ("text", "number"):  # a 序号 cell printing words holds the row's text, shifted into it
            task.text += ("\n\n" if task.text else "") + cell
        elif kind == "category":
            if simplified(cell) in ROLE_WORDS:
                task.category = cell
        elif kind == "deadline":
            task.deadline = cell
        elif kind == "leader":
            self._leaders(task, cell)
        elif column.holds_units:
            self._units(task, cell, column, category)
        elif kind in ("progress", "notes"):
            task.notes.append(cell)

    def _units(self, task: Task, cell: str, column: Column, category: str | None) -> None:
        role = category if category and not column.level else column.role
        if column.level:
            inner = [c.level for c in self.columns if c.holds_units and c.level]
            role = category if inner and column.level == inner[-1] else None
        parsed = attr.parse(cell) if attr.is_attribution(cell) else cell_units(cell, role)
        for unit in parsed.units:
            unit.level = column.level
            if unit.role is None and not column.level:
                unit.role = role
        task.units.extend(parsed.units)
        task.notes.extend(parsed.notes)
        task.attribution = task.attribution if task.attribution else None

    def _leaders(self, task: Task, cell: str) -> None:
        cell_leaders(task, cell, self.leader_sink)

    def finish(self) -> None:
        if self.cells is not None and self.text_at and self.first == {self.text_at[0]} and len(self.lines) == 1 \
                and self._group_name(self.piece, self.piece[self.text_at[0]]):
            line, self.cells = self.lines[0], None  # a group's name after the last row: a group left empty
            self._heading(self.piece[self.text_at[0]], line)
        self._close()
        apply_heading_units(self.att.sections, [])


def cell_leaders(task: Task, cell: str, sink) -> None:
    """The names in one leader cell are equals (张三、李四: the leader as printed, titles dropped); a second
    leader column's assist."""
    form, people = equal_leaders(cell, "领导")
    if task.leader is None and people:
        task.leader = form
    elif people:
        leading = {name for name, _ in equal_leaders(task.leader or "", "领导")[1]}
        task.assisting_leaders.extend(name for name, _ in people if name not in leading)
    for name, title in people:
        sink(name, title)


def cell_units(cell: str, role: str | None) -> attr.Attribution:
    """The units of a unit column's cell; a list the suffixes do not all recognise is still units there."""
    if "\n" in cell:  # units printed one a line: each a name of its own, no prefix shared
        parts = [_line_units(part, role) for part in cell.split("\n") if part]
        return attr.Attribution(units=[u for p in parts for u in p.units], notes=[n for p in parts for n in p.notes])
    listed = unit_list(cell) if not attr.ROLE_WORD.search(cell) else None
    cell = listed or cell  # , ; or spaces in place of 、: every name of the list is a unit of the cell
    parsed = attr.parse_units(cell, role)
    if not parsed.units and unit_list_cell(cell):
        return attr.Attribution(units=parse_group(cell, role))
    return parsed


def _line_units(line: str, role: str | None) -> attr.Attribution:
    """One line of a unit cell: its names; a short name the suffixes do not know (高新园(邹区镇)) is one
    too, standing in a unit column on a line of its own."""
    parsed = cell_units(line, role)
    if not parsed.units and len(line) <= 16 and not re.search(r"[。;；:：]", line):
        return attr.Attribution(units=parse_group(line, role))
    return parsed


def group_section(text: str, leader_sink) -> Section:
    """A heading row between a table's rows; one naming a leader or a lead unit assigns the rows under it."""
    section = Section(number=None, heading=text)
    m = marker(text)  # ((一)刘忻市长牵头重点工作: the leader is named after the row's number)
    named = m.rest if m else text
    lead_section(section, named, leader_sink)
    section.lead_units = heading_units(named)
    return section


def _goes_on(cell: str) -> bool:
    """A piece that starts with a separator or a closing bracket continues the cell above it."""
    return cell[:1] in "、,，;；)）"


LIST_SEP = r"[、,，;；\s]+"
# words inside units' names whose first character ends a name too (人力资源社会保障部, 相关部门, 发展和改革委员会):
# where a line ends with the first and the next starts with the rest, one name was cut by the column's width
WORDS_ACROSS = ("社会", "部门", "委员")


def _bracket_joined(parts: list[str]) -> list[str]:
    """A unit cell's lines, a line that opens with a bracket joined to the name above it (各有关乡镇 /
    (街道)): the bracket says nothing of how the other lines break, names one a line or cut by the width."""
    out = [parts[0]]
    for piece in parts[1:]:
        if piece[:1] in "(（" and paren_depth(out[-1]) == 0:
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _word_across(above: str, piece: str) -> bool:
    return bool(above and piece) and any(above.endswith(w[0]) and piece.startswith(w[1:]) for w in WORDS_ACROSS)


def _whole_item(name: str) -> bool:
    """A name a line can end or start with: three characters or more, or two that end like a unit (残联)."""
    return (len(name) >= 3 and _unit_piece(name)) or (len(name) == 2 and bool(UNIT_SUFFIX.search(name)))


def _unit_piece(piece: str) -> bool:
    """A line of a unit cell that names units: 高新园(邹区镇) too, a place named with the unit it is."""
    placed = re.match(r"^[\u4e00-\u9fff]{2,}[((（]([^()（）]+)[)）]$", piece)
    return looks_like_unit(piece) or unit_list_cell(piece) or attr.is_attribution(piece) or _whole_start(piece) \
        or bool(placed and looks_like_unit(placed.group(1)))


def _whole_name(name: str) -> bool:
    """A unit's name that is whole, not the piece of one a wrapped line cut (县 / 政务服务中心, 相关部 / 门,
    各有关 / 乡镇): three characters or more, ending like a unit, not starting like the rest of one."""
    return len(name) >= 3 and bool(UNIT_SUFFIX.search(name)) and looks_like_unit(name)


def _whole_start(cell: str) -> bool:
    """A unit list whose first name is whole: 高新园(邹区镇)、各街道 starts whole, 门、13个街道 does not."""
    first = re.split(r"[、,，]", cell)[0]
    bare = re.sub(r"[(（][^()（）]*[)）]$", "", first)
    return _whole_name(first) or (bare != first and len(bare) >= 3 and unit_list_cell(cell))


def _item(cell: str) -> Marker | None:
    """The item number a cell opens with (1.… / (1)… / 第1项), not a group's (一、…)."""
    found = marker(cell) if cell else None
    return found if found is not None and found.type in ITEM_MARKERS else None


def numbered_on(text: str, above: str) -> bool:
    """A text numbered one on from the one above it (2.… under 1.…, (3)… under (2)…)."""
    found, before = _item(text), _item(above)
    return found is not None and before is not None and _same_type(found, before) \
        and found.number.isdigit() and before.number.isdigit() and int(found.number) == int(before.number) + 1


def _same_type(found: Marker, other: Marker | None) -> bool:
    return other is not None and other.type == found.type


def _signature(text: str) -> bool:
    return bool(ORG.match(text) or SIGNATURE_DATE.match(text))


def _align(cells: list[str], columns: list[Column]) -> list[str]:
    """Space-separated cells, where empty cells left no trace: each cell goes to the next column
    whose kind its content fits (a number, a date, a name with a title, a unit list, else text)."""
    out = [""] * len(columns)
    at = 0
    for index, cell in enumerate(cells):
        following = cells[index + 1] if index + 1 < len(cells) else ""
        while at < len(columns) - 1 and (_units_further(cell, columns, at, out) or not (
                fits_column(cell, columns[at]) or _topic_before(cell, columns[at], following))):
            at += 1
        out[at] = out[at] + cell if out[at] else cell
        at = min(at + 1, len(columns) - 1)
    return out


def _topic_before(cell: str, column: Column, following: str) -> bool:
    """民生福地项目 before the row's text: a 类别 column's topic, a short name (no 类 word tells it) the row's
    text follows; a row without it (the cell merged from the row above) starts with its text."""
    return column.kind == "category" and name_cell(cell) and cell_kind(cell) == "text" \
        and cell_kind(following) == "text" and not name_cell(following)


def _units_further(cell: str, columns: list[Column], at: int, out: list[str]) -> bool:
    """发改委 after the task's text in 序号 名称 工作任务 牵头责任单位 (the 名称 cell left empty): a unit list
    that would fill a second text column, the row's text already placed, goes on to the unit column printed
    further right. The first text cell stays text, whatever its last word (…建设工程袁州区)."""
    return columns[at].kind == "text" and any(out[i] for i in range(at) if columns[i].kind == "text") \
        and unit_list_cell(cell) and any(c.holds_units for c in columns[at + 1:])


def fits_column(cell: str, column: Column) -> bool:
    """Could the cell stand in the column: its content is of the column's kind."""
    kind = column.kind
    if kind == "number":
        return bool(NUMBER_CELL.match(cell))
    if kind == "deadline":  # a date, or a phrase that says when (泵站改造3月开工)
        return bool(DATE_CELL.match(cell)) or (bool(TIME_WORD.search(cell)) and cell_kind(cell) == "text")
    if kind == "leader":
        return leader_cell(cell)
    if column.holds_units:
        return unit_list_cell(cell) or attr.is_attribution(cell)
    if kind == "category":
        return simplified(cell) in ROLE_WORDS or bool(CATEGORY_CELL.match(simplified(cell)))
    if kind != "text":  # 备注, 进展, 工作目标: a remark, never a cell some other column's kind claims
        return cell_kind(cell) == "text"
    return label_kind(cell) is None or len(cell) > 6  # a column's label is short; a task's text (…落实就业) is not


def column_edges(lines: list[Line], width: int, header: Line | None) -> dict[tuple[int, ...], list[int]]:
    """Where each of the table's columns starts, for the lines of a table in columns of spaces (pdftotext
    -layout, a sheet printed to text), keyed by line: a cell's text is set from its column's left edge, so
    each edge is where many of the lines' pieces start (a wrapped cell's lines all start there). A blank
    line (a page break) may move the columns: each stretch of lines between blank lines is measured apart.
    Lines of a stretch whose columns cannot be told are not in the answer."""
    labels = [m.start() for m in PIECE.finditer(header.raw)] if header is not None and header.raw else []
    out: dict[tuple[int, ...], list[int]] = {}
    stretch: list[Line] = []
    ending = next((i for i, line in enumerate(lines) if FOOTER_START.match(line.text)), len(lines))
    for line in [*lines[:ending], None]:  # a note after the table (注: …) stands in no column
        if line is None or (line.blank_before and stretch):
            edges = _edges(stretch, width, labels if len(labels) == width else None)
            if edges:
                out.update({member.nos: edges for member in stretch})
            stretch = []
        if line is not None and line.raw and not is_delimited(line.raw):
            stretch.append(line)
    return out


def _edges(lines: list[Line], width: int, labels: list[int] | None) -> list[int] | None:
    """The columns' edges: the places where pieces start, those within SLACK of each other one place. As
    many places as columns; more (a stray piece), the columns' those where most lines start; fewer (a
    column empty all along), each place under the first label at or right of it (a label is centred over
    its column, the cells set from its left edge), an empty column's edge its label's start. None where the
    pieces do not start at the edges: cells apart by a few spaces (居民消费价格涨幅3%   发展改革委) start
    anywhere, in columns nearly every piece starts at an edge (a packed line's drift aside)."""
    if len(lines) < 3:
        return None
    starts = Counter(m.start() for line in lines for m in PIECE.finditer(line.raw))
    clusters: list[list[int]] = []
    for at in sorted(starts):
        if clusters and at - clusters[-1][0] <= SLACK:
            clusters[-1].append(at)
        else:
            clusters.append([at])
    counted = sorted(((sum(starts[a] for a in c), max(c, key=lambda a: starts[a])) for c in clusters), reverse=True)
    if labels is not None and len(counted) < width:
        edges = _under_labels([at for _, at in counted], labels)
    elif len(counted) < width or (len(counted) > width and counted[width - 1][0] < 2):
        return None
    else:
        edges = sorted(at for _, at in counted[:width])
    if edges is None:
        return None
    near = sum(n for at, n in starts.items() if any(abs(at - edge) <= SLACK for edge in edges))
    # and a cell wraps inside its column: a line starting right of the first column (else each line is a
    # row, read as ever)
    wraps = any(len(line.raw) - len(line.raw.lstrip()) > edges[0] + SLACK for line in lines)
    return edges if wraps and near >= ALIGNED * sum(starts.values()) else None


def _under_labels(places: list[int], labels: list[int]) -> list[int] | None:
    """Each place under the first header label at or right of it; a column no place is under starts at its
    label. None where the places do not keep the columns' order."""
    edges = list(labels)
    for at in sorted(places):
        column = next((j for j, label in enumerate(labels) if label >= at - SLACK), None)
        if column is None:
            return None
        edges[column] = min(edges[column], at)
    return edges if edges == sorted(edges) else None


def cut_at(raw: str, edges: list[int], columns: list[Column]) -> list[str]:
    """A line's cells by where its pieces stand: each piece (words apart by single spaces) goes to the
    column whose edge is nearest its start, right of the piece before it (a converter's positions drift a
    few places, never across a cell). A converter packs a full line tight, one space between cells: a piece
    reaching over the next column's edge, or two words of ideographs apart outside a unit column (names
    apart by spaces are a list), is parted at the space where what follows fits the next column (2010 年 a
    date, in 人口计生 2010 年; 教育局 a unit, in 义务教育 教育局)."""
    out = [""] * len(columns)
    after = 0  # the first column the next piece may go to
    for piece in PIECE.finditer(raw):
        start, text = piece.start(), piece.group()
        while True:
            at = min(range(min(after, len(edges) - 1), len(edges)), key=lambda i: abs(edges[i] - start))
            nxt = at + 1
            reaches = start + len(text) > edges[nxt] if nxt < len(edges) else False
            # two words of ideographs apart in a text, a date or a name's cell: two cells, packed tight (a
            # group row's 第二部分 民生工程 stands in the number column: one heading)
            apart = not columns[at].holds_units and columns[at].kind != "number" \
                and bool(IDEOGRAPHS_APART.search(text))
            split = _split_at(text, start, edges[nxt], columns[nxt]) if reaches or (apart and nxt < len(edges)) \
                else None
            if split is None:
                break
            out[at] = _glued(out[at], text[:split])
            start, text, after = start + split + 1, text[split + 1:], nxt
        out[at] = _glued(out[at], text)
        after = at + 1
    return out


def _split_at(text: str, start: int, edge: int, column: Column) -> int | None:
    """Where a piece reaching over a column's edge parts: at the space after which what follows fits the
    column (a date for a date's column), nearest the edge."""
    def rank(at: int) -> tuple[bool, int]:
        rest = _glued("", text[at + 1:])
        fits = DATE_CELL.match(rest) if column.kind == "deadline" else fits_column(rest, column)
        return not fits, abs(start + at + 1 - edge)

    # a cell is a few words: the spaces near the edge (a line of endless words costs no more than a cell)
    spaces = [m.start() for m in re.finditer(" ", text) if abs(start + m.start() + 1 - edge) <= SPLIT_REACH]
    best = min(spaces, key=rank, default=None)
    return best if best is not None and fits_column(_glued("", text[best + 1:]), column) else None


def _glued(cell: str, words: str) -> str:
    """Words of one cell on one line. A converter spaces digits from ideographs (2010 年, 新建 2 座): no
    space there; a space between two ideographs parts names (县水务局 县住建局) and stays."""
    for word in words.split(" "):
        apart = cell and not (DIGIT_EDGE.search(cell[-1] + word[:1]) or DIGIT_EDGE.search(word[:1] + cell[-1]))
        cell += (" " if apart else "") + word
    return cell


# -- cells centred in their rows ---------------------------------------------------------------------
Placed = list[tuple[list[str] | None, Line]]


def top_aligned(printed: Placed, placed: set[tuple[int, ...]], number_at: int | None) -> Placed:
    """The lines of a table in columns of spaces whose cells are centred in their rows (a browser's or a
    word processor's print: a row's number and its one-line cells on the row's middle line, a taller cell's
    lines above and below it) set as if each cell started on its row's first line, which is how the rows are
    read. Told by the shape: tall cells reaching above their number's line. Each column's run of lines goes
    to the row whose number it holds (a run two cells high parts where the upper cell, centred on its
    number, ends), else to the nearest number."""
    if number_at is None:
        return printed
    stretches: list[tuple[bool, Placed]] = []  # runs of lines in columns, and the lines between them
    for cells, line in printed:
        inside = cells is not None and line.nos in placed and not _barrier(cells, number_at)
        if stretches and stretches[-1][0] == inside and inside:
            stretches[-1][1].append((cells, line))
        else:
            stretches.append((inside, [(cells, line)]))
    if not _centred([s for inside, s in stretches if inside], number_at):
        return printed
    return [entry for inside, s in stretches for entry in (_realigned(s, number_at) if inside else s)]


def _barrier(cells: list[str], number_at: int) -> bool:
    """A line no row goes across: the header printed again, a group's name alone in the number column."""
    filled = [i for i, c in enumerate(cells) if c]
    return is_header_row([c for c in cells if c]) or \
        (filled == [number_at] and not NUMBER_CELL.match(cells[number_at]))


def _numbers(stretch: Placed, number_at: int) -> list[int]:
    return [k for k, (cells, _) in enumerate(stretch) if cells and NUMBER_CELL.match(cells[number_at])]


def _centred(stretches: list[Placed], number_at: int) -> bool:
    """Are the cells centred in their rows? The table's first row then prints its taller cells' first lines
    above its number (set from the row's top, every cell starts on the number's line: nothing comes before
    it but the header); and most cells three or more lines high beside one number (a run of lines holding
    no other) reach above it (where there are any)."""
    first = _numbers(stretches[0], number_at)[:1] if stretches else []
    if not first or not any(any(c for i, c in enumerate(cells or []) if i != number_at)
                            for cells, _ in stretches[0][:first[0]]):
        return False
    tall = above = 0
    for stretch in stretches:
        numbers = _numbers(stretch, number_at)
        width = len(stretch[numbers[0]][0] or []) if numbers else 0
        for column in range(width):
            for start, end in _runs([(cells or [""] * width)[column] for cells, _ in stretch]):
                held = [n for n in numbers if start <= n <= end]
                if len(held) == 1 and end - start >= 2:
                    tall += 1
                    above += start < held[0]
    return above * 2 >= tall  # none such: the first row says it alone


def _realigned(stretch: Placed, number_at: int) -> Placed:
    numbers = _numbers(stretch, number_at)
    if not numbers or len(stretch) < 2:
        return stretch
    width = len(stretch[numbers[0]][0] or [])
    rows: list[list[list[str]]] = [[[] for _ in range(width)] for _ in numbers]
    owners: list[list[int]] = [[] for _ in numbers]
    for column in range(width):
        for start, end in _runs([(cells or [""] * width)[column] for cells, _ in stretch]):
            for row, first, last in _run_rows(start, end, numbers):
                rows[row][column].extend((stretch[k][0] or [""] * width)[column] for k in range(first, last + 1))
                owners[row].extend(range(first, last + 1))
    out: Placed = []
    for row, cells in enumerate(rows):
        lines = [stretch[k][1] for k in sorted(set(owners[row]))]
        height = max(len(c) for c in cells)
        for k in range(height):
            part = [c[k] if k < len(c) else "" for c in cells]
            source = lines[k:] if k == height - 1 else lines[k:k + 1]
            nos = tuple(n for line in source for n in line.nos)
            out.append((part, Line("".join(part), nos, raw="")))
    return out


def _runs(column: list[str]) -> list[tuple[int, int]]:
    """The runs of lines a column fills, first and last line of each."""
    runs: list[tuple[int, int]] = []
    for k, cell in enumerate(column):
        if cell and runs and runs[-1][1] == k - 1:
            runs[-1] = (runs[-1][0], k)
        elif cell:
            runs.append((k, k))
    return runs


def _run_rows(start: int, end: int, numbers: list[int]) -> list[tuple[int, int, int]]:
    """The rows a column's run of lines belongs to, and the lines of each: the rows whose number line it
    holds, each cell as near centred on its number as the run can be parted (a converter rounds a cell of
    an even number of lines up or down: as many lines below the number as above, or one more); a run
    holding no number, the row of the nearest."""
    held = [i for i, n in enumerate(numbers) if start <= n <= end]
    if not held:
        return [(min(range(len(numbers)), key=lambda i: (abs(2 * numbers[i] - start - end), i)), start, end)]
    # for each row held, the ways its part may end: last line -> (cost so far, the line the part before ended)
    levels: list[dict[int, tuple[float, int]]] = []
    ways: dict[int, tuple[float, int]] = {start - 1: (0.0, start - 1)}
    for j, row in enumerate(held):
        number = numbers[row]
        limit = end if j == len(held) - 1 else numbers[held[j + 1]] - 1
        following: dict[int, tuple[float, int]] = {}
        for before, (cost, _) in ways.items():
            first = before + 1
            # the ends near centred, within the lines before the next number: a few each, so linear
            near = {min(max(2 * number - first + d, number), limit) for d in (-1, 0, 1, 2)}
            for last in [end] if j == len(held) - 1 else sorted(near):
                total = cost + abs((last - number) - (number - first) - 0.5)
                if first <= number and (last not in following or total < following[last][0]):
                    following[last] = (total, before)
        levels.append(following)
        ways = following
    out, last = [], end
    for row, level in zip(reversed(held), reversed(levels), strict=True):
        before = level[last][1]
        out.append((row, before + 1, last))
        last = before
    return out[::-1]


def _words(cell: str) -> bool:
    """A number cell holding a sentence, not a number (1, (一), 1-2, 新增): eight or more Chinese characters."""
    return len(re.findall(r"[\u4e00-\u9fff]", cell)) >= 8
