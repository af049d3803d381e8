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

from . import attribution as attr
from .columns import (
    DATE_CELL,
    NUMBER_CELL,
    Column,
    header_columns,
    is_header_row,
    label_kind,
    looks_like_leader,
    unit_list,
    unit_list_cell,
)
from .coverage import Ledger
from .header import ORG, SIGNATURE_DATE
from .items import Attachment, Section, Task
from .leaders import equal_leaders, heading_leaders
from .markers import FOOTER_START, marker
from .rows import is_delimited
from .structure import apply_heading_units, heading_units
from .text import Line, paren_depth
from .units import UNIT_SUFFIX, looks_like_unit, parse_group
from .variants import compile_both, simplified

CARRIED = ("lead", "leader", "section")  # merged down in print, so an empty cell repeats the one above
ROLE_WORDS = {"主办", "协办", "牵头", "配合", "参与", "责任"}
CONTINUED = compile_both(r"^[((]?续(表|上表|前表)?[))]?")


class RowTable:
    def __init__(self, att: Attachment, columns: list[Column], ledger: Ledger, leader_sink, rule: str | None):
        self.att, self.ledger, self.leader_sink, self.rule = att, ledger, leader_sink, rule
        self.set_columns(columns)
        self.group: Section | None = None  # from a heading row
        self.area: Section | None = None  # from a section column
        self.cells: list[str] | None = None  # the open row, one text per column
        self.lines: list[Line] = []
        self.previous: list[str] = []
        self.footer = False
        self.tabbed = True
        self.ruled = False  # rows drawn between rules: a line with no rule before it goes on the row above
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
    def feed(self, cells: list[str] | None, line: Line, tabbed: bool) -> None:
        if cells is not None:
            self.tabbed = tabbed  # the table's rendering; a paragraph line after it has no TAB either way
        if self.footer or (cells is None and (FOOTER_START.match(line.text) or _signature(line.text))):
            self._close()
            self.footer = True
            self.att.footer.append(line.text)
            self.ledger.place(line.text, line.nos, self.att)
        elif cells is None:
            self._text_line(line)
        else:
            self._row(cells, line)

    def _text_line(self, line: Line) -> None:
        text = line.text
        if CONTINUED.match(text) and len(text) <= 12:
            self.ledger.place(text, line.nos, self.att)
        elif self.cells is not None and not self.tabbed and not marker(text) and self.text_at:
            self.cells[self.text_at[0]] += text  # a wrapped cell that lost its column position
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

    def _row(self, cells: list[str], line: Line) -> None:
        if tuple(re.sub(r"\s+", "", c) for c in cells) in self.header_lines and any(cells):
            self._close()
            self.ledger.place(line.text, line.nos, self.att)
            return
        if is_header_row(cells):
            self._close()
            if [re.sub(r"\s+", "", c) for c in cells] != self.header:
                self.set_columns(header_columns([cells]))  # another table, with its own columns
                self.att.columns = self.att.columns or [c.name for c in self.columns]
            self.ledger.place(line.text, line.nos, self.att)
            return
        cells = self._fit(cells, is_delimited(line.raw or ""))
        heading = self._heading_value(cells)
        if heading is not None:
            self._heading(heading, line)
            return
        number = cells[self.number_at] if self.number_at is not None else ""
        if self.cells is not None and (self._continues(cells, number) or (self.ruled and not line.blank_before)):
            self._merge(cells)
            self._place(line)
            return
        if self.cells is not None and not number and self.number_at is not None:
            cells[self.number_at] = self.cells[self.number_at]  # a row under a merged number cell
        self._close()
        self._carry(cells)
        self.cells, self.lines = cells, [line]

    def _fit(self, cells: list[str], delimited: bool) -> list[str]:
        if len(cells) == self.width:
            return list(cells)
        if len(cells) > self.width:
            if delimited or not self.text_at:
                return [*cells[:self.width - 1], "".join(cells[self.width - 1:])]
            # spaces inside the task's text split it too: the text column takes what is left over
            at, after = self.text_at[0], self.width - self.text_at[0] - 1
            return [*cells[:at], " ".join(cells[at:len(cells) - after]), *cells[len(cells) - after:]]
        if delimited:
            return list(cells) + [""] * (self.width - len(cells))
        return _align(cells, self.columns)

    def _heading_value(self, cells: list[str]) -> str | None:
        filled = [c for c in cells if c]
        values = set(filled)
        if len(values) != 1:
            return None
        value = filled[0]
        if NUMBER_CELL.match(value) or looks_like_unit(value) or simplified(value) in ROLE_WORDS:
            return None
        spread = len(filled) >= 2 and self.width >= 2  # a merged row repeats its value in every cell
        first = cells[0] == value and (self.number_at == 0 or not self.text_at or self.text_at[0] != 0)
        return value if spread or first or (bool(marker(value)) and len(value) <= 40) else None

    def _continues(self, cells: list[str], number: str) -> bool:
        if self.number_at is None:
            return False
        assert self.cells is not None  # called with a row open
        same = number and number == self.cells[self.number_at]
        if same and self.text_at and cells[self.text_at[0]] in ("", self.cells[self.text_at[0]]):
            return True  # a merged number and task over several rows: one task
        return not number and not self._next_row(cells)

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
                if not _whole_name(re.split(r"[、,，]", above[i])[-1]) or not _whole_start(cells[i]):
                    return False  # 市财政局、 / 市自然资源局 or 相关部 / 门: the list goes on
                evidence = True
            elif column.kind in ("deadline", "leader"):
                evidence = True
        return evidence

    def _merge(self, cells: list[str]) -> None:
        assert self.cells is not None  # called with a row open
        for i, cell in enumerate(cells):
            if cell and cell != self.cells[i]:
                # units one a line are names of their own (cell_units reads each line alone); a 、 list
                # wrapped at the column's width goes on where it broke
                last = re.split(r"[、,，;；\n]", self.cells[i])[-1]
                joiner = "\n" if self.columns[i].holds_units and self.cells[i] \
                    and not _goes_on(cell) and paren_depth(self.cells[i]) == 0 and cell[:1] not in "(（" \
                    and (_whole_name(last) or _bracketed_name(last)) and _name_start(cell) else ""
                self.cells[i] += joiner + cell

    def _carry(self, cells: list[str]) -> None:
        """Merged cells printed once: an empty lead-unit, leader or section cell repeats the one above (the
        readers repeat a merged value in every row, so their rows have nothing to carry)."""
        if not self.previous:
            return
        for i, column in enumerate(self.columns):
            if not cells[i] and column.kind in CARRIED and i < len(self.previous):
                cells[i] = self.previous[i]

    def _place(self, line: Line) -> None:
        self.lines.append(line)

    def _heading(self, text: str, line: Line) -> None:
        self._close()
        self.group = group_section(text, self.leader_sink)
        self.att.sections.append(self.group)
        self.area = None
        self.ledger.place(text, line.nos, self.group)

    # -- closing a row -----------------------------------------------------
    def _close(self) -> None:
        if self.cells is None:
            return
        cells, lines = self.cells, self.lines
        self.previous, self.cells, self.lines = cells, None, []
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
        if task.number is None and self.number_at is None:
            task.number = None
        attr.apply_rule(task.units, self.rule)
        return task

    def _category(self, cells: list[str]) -> str | None:
        for cell, column in zip(cells, self.columns, strict=False):
            if column.kind == "category" and simplified(cell) in ROLE_WORDS:
                return cell
        return None

    def _cell(self, task: Task, cell: str, column: Column, category: str | None) -> None:
        kind = column.kind
        if kind == "number":
            task.number = cell.strip("()().、．")
        elif kind == "text":
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
        """The names in one leader cell are equals (张三、李四); a second leader column's assist."""
        form, people = equal_leaders(cell, "领导")
        if task.leader is None and people:
            task.leader = form
        elif people:
            leading = {name for name, _ in equal_leaders(task.leader or "", "领导")[1]}
            task.assisting_leaders.extend(name for name, _ in people if name not in leading)
        for name, title in people:
            self.leader_sink(name, title)

    def finish(self) -> None:
        self._close()
        apply_heading_units(self.att.sections, [])


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
    lead, assisting = heading_leaders(text)
    if lead:
        section.leader = lead[0]
        leader_sink(*lead)
    for name, title in assisting:
        section.assisting_leaders.append(name)
        leader_sink(name, title)
    section.lead_units = heading_units(text)
    return section


def _goes_on(cell: str) -> bool:
    """A piece that starts with a separator or a closing bracket continues the cell above it."""
    return cell[:1] in "、,，;；)）"


def _whole_name(name: str) -> bool:
    """A unit's name that is whole, not the piece of one a wrapped line cut (县 / 政务服务中心, 相关部 / 门,
    各有关 / 乡镇): three characters or more, ending like a unit, not starting like the rest of one."""
    return len(name) >= 3 and bool(UNIT_SUFFIX.search(name)) and looks_like_unit(name)


def _whole_start(cell: str) -> bool:
    """A unit list whose first name is whole: 高新园(邹区镇)、各街道 starts whole, 门、13个街道 does not."""
    first = re.split(r"[、,，]", cell)[0]
    bare = re.sub(r"[(（][^()（）]*[)）]$", "", first)
    return _whole_name(first) or (bare != first and len(bare) >= 3 and unit_list_cell(cell))


def _bracketed_name(name: str) -> bool:
    """高新园(邹区镇), 各乡镇(街道): a name closed by a bracketed remark is whole."""
    bare = re.sub(r"[(（][^()（）]*[)）]$", "", name)
    return bare != name and len(bare) >= 2


def _name_start(cell: str) -> bool:
    """A line of a unit cell that starts a name of its own (高新园(邹区镇), 各街道), not the end of one (镇(街道),
    局): a short name, two characters or more before a bracket, no sentence."""
    first = re.split(r"[、,，;；]", cell)[0]
    bare = re.sub(r"[(（][^()（）]*[)）]$", "", first)
    return len(bare) >= 2 and len(first) <= 16 and not re.search(r"[。;；]", cell) \
        and (looks_like_unit(first) or bare != first or unit_list_cell(cell))


def _signature(text: str) -> bool:
    return bool(ORG.match(text) or SIGNATURE_DATE.match(text))


def _align(cells: list[str], columns: list[Column]) -> list[str]:
    """Space-separated cells, where empty cells left no trace: each cell goes to the next column
    whose kind its content fits (a number, a date, a name with a title, a unit list, else text)."""
    out = [""] * len(columns)
    at = 0
    for cell in cells:
        while at < len(columns) - 1 and (not _fits(cell, columns[at]) or _units_further(cell, columns, at, out)):
            at += 1
        out[at] = out[at] + cell if out[at] else cell
        at = min(at + 1, len(columns) - 1)
    return out


def _units_further(cell: str, columns: list[Column], at: int, out: list[str]) -> bool:
    """发改委 after the task's text in 序号 名称 工作任务 牵头责任单位 (the 名称 cell left empty): a unit list
    that would fill a second text column, the row's text already placed, goes on to the unit column printed
    further right. The first text cell stays text, whatever its last word (…建设工程袁州区)."""
    return columns[at].kind == "text" and any(out[i] for i in range(at) if columns[i].kind == "text") \
        and unit_list_cell(cell) and any(c.holds_units for c in columns[at + 1:])


def _fits(cell: str, column: Column) -> bool:
    kind = column.kind
    if kind == "number":
        return bool(NUMBER_CELL.match(cell))
    if kind == "deadline":
        return bool(DATE_CELL.match(cell))
    if kind == "leader":
        return looks_like_leader(cell)
    if column.holds_units:
        return unit_list_cell(cell) or attr.is_attribution(cell)
    if kind == "category":
        return simplified(cell) in ROLE_WORDS
    return label_kind(cell) is None or len(cell) > 6  # a column's label is short; a task's text (…落实就业) is not
