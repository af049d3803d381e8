"""Tables flattened to text: one cell per line (武昌) or one row per line (tab or spaces).

Empty cells simply vanish in a one-cell-per-line table, so cells are told apart
by what they hold: the number, the task text (the first cell after it), 主办/协办,
unit-looking names, and row-group headers (今后五年工作展望) that sit between rows.
"""

from __future__ import annotations

import re

from .coverage import Ledger
from .header import ORG, SIGNATURE_DATE
from .items import Attachment, Section, Task
from .markers import FOOTER_START
from .text import ROW_CELLS, Line, clean
from .units import looks_like_unit, parse_group
from .variants import compile_both, simplified

COLUMN_END = ("序号", "事项", "类别", "部门", "单位", "时限", "领导", "内容", "任务", "备注", "措施",
              "目标", "名称", "时间", "进度", "项目", "编号")
CATEGORIES = {"主办", "协办", "牵头", "配合", "参与", "责任"}
NUMBER = re.compile(r"^\d{1,4}$")
DEADLINE_CELL = compile_both(r"^(\d{4}年)?(\d{1,2}月|年底|年内|长期|持续|[一二三四]季度)")


def is_table_start(line: Line) -> bool:
    if "序" not in line.text[:2]:
        return False  # the header row starts with 序号
    if simplified(line.text) == "序号":
        return True
    cells = row_cells(line)
    return len(cells) >= 3 and simplified(cells[0]) == "序号"


def row_cells(line: Line) -> list[str]:
    return [clean(c) for c in ROW_CELLS.split(line.raw.strip())] if line.raw else [line.text]


class Column:
    def __init__(self, printed: str):
        self.name = printed
        name = simplified(printed)
        level = re.match(r"^(省|市|区|县)级", name)
        self.level = level.group(0) if level else None
        if re.search(r"序号|编号", name):
            self.kind = "number"
        elif re.search(r"类别", name):
            self.kind = "category"
        elif re.search(r"时限|时间|期限|进度", name):
            self.kind = "deadline"
        elif "领导" in name:
            self.kind = "leader"
        elif "备注" in name:
            self.kind = "notes"
        elif re.search(r"部门|单位", name):
            self.kind = "units"
        else:
            self.kind = "text"
        self.role = next((r for k, r in (("牵头", "牵头"), ("主办", "主办"), ("协办", "配合"), ("配合", "配合"),
                                         ("责任", "责任")) if k in name), "责任") if self.kind == "units" else None


def parse_table(att: Attachment, lines: list[Line], ledger: Ledger) -> None:
    rows_per_line = len(row_cells(lines[0])) >= 3
    if rows_per_line:
        columns = [Column(c) for c in row_cells(lines[0])]
        cells = [(row_cells(l), l) for l in lines[1:]]
        ledger.place(lines[0].text, lines[0].nos, att)
        body = lines[1:]
    else:
        columns, used = _header_cells(lines)
        for l in lines[:used]:
            ledger.place(l.text, l.nos, att)
        body = lines[used:]
        cells = [([l.text], l) for l in body]
    att.columns = [c.name for c in columns]
    Table(att, columns, ledger).run(cells)


def _header_cells(lines: list[Line]) -> tuple[list[Column], int]:
    """序号 / 责任事项 / 责任 / 类别 / 市级 / 责任部门 …: fragments joined into column names."""
    columns, current = [], ""
    for i, line in enumerate(lines):
        if NUMBER.match(line.text) or len(line.text) > 12:
            return [Column(c) for c in columns], i - (1 if current else 0)
        current += line.text
        if simplified(current).endswith(COLUMN_END):
            columns.append(current)
            current = ""
    return [Column(c) for c in columns], len(lines)


class Table:
    def __init__(self, att: Attachment, columns: list[Column], ledger: Ledger):
        self.att, self.columns, self.ledger = att, columns, ledger
        self.kinds = {c.kind for c in columns}
        levels = [c.level for c in columns if c.kind == "units" and c.level]
        self.inner_level = levels[-1] if levels else None  # the innermost level's column carries 主办/协办
        self.section: Section | None = None
        self.row: Task | None = None
        self.unit_cells: list[str] = []
        self.footer = False

    def run(self, rows: list[tuple[list[str], Line]]) -> None:
        for index, (cells, line) in enumerate(rows):
            if len(cells) != len(self.columns):
                cells = [c for c in cells if c]  # empty cells are only kept where positions tell
            next_cells = rows[index + 1][0] if index + 1 < len(rows) else []
            self._line(cells, line, next_cells, rows[index + 1:index + 3])
        self._end_row()

    def _line(self, cells: list[str], line: Line, next_cells: list[str], ahead) -> None:
        first = cells[0] if cells else ""
        cells = cells if NUMBER.match(first) else [c for c in cells if c]
        if self.footer or FOOTER_START.match(first) or self._signature(line, ahead):
            self._end_row()
            self.footer = True
            self.att.footer.append(line.text)
            self.ledger.place(line.text, line.nos, self.att)
        elif NUMBER.match(first):
            self._end_row()
            self.row = Task(number=first, line=line.nos[0])
            self.row.cells.append(first)
            (self.section.tasks if self.section else self.att.tasks).append(self.row)
            self._cells(cells[1:], positional=len(cells) == len(self.columns) > 1)
            self.ledger.place(line.text, line.nos, self.row)
        elif self._group_header(first, next_cells, len(cells)):
            self._end_row()
            self.section = Section(number=None, heading=first)
            self.att.sections.append(self.section)
            self.ledger.place(line.text, line.nos, self.section)
        elif self.row is not None:
            self._cells(cells, positional=False)
            self.ledger.place(line.text, line.nos, self.row)
        else:
            self.att.preamble.append(line.text)
            self.ledger.place(line.text, line.nos, self.att)

    def _signature(self, line: Line, ahead) -> bool:
        """The notice's closing signature after the last row (武汉市武昌区人民政府办公室 / 2017年3月1日)."""
        if SIGNATURE_DATE.match(line.text) and self.att.footer == [] and len(ahead) == 0:
            return True
        return bool(ORG.match(line.text) and len(ahead) == 1 and SIGNATURE_DATE.match(ahead[0][1].text))

    def _group_header(self, cell: str, next_cells: list[str], width: int) -> bool:
        if width != 1 or looks_like_unit(cell) or simplified(cell) in CATEGORIES:
            return False
        row_done = self.row is None or bool(self.unit_cells or self.row.category or self.row.units)
        return row_done and bool(next_cells) and bool(NUMBER.match(next_cells[0]))

    def _cells(self, cells: list[str], positional: bool) -> None:
        row = self.row
        if positional:
            for cell, column in zip(cells, self.columns[1:]):
                self._positional(cell, column)
            return
        for cell in cells:
            row.cells.append(cell)
            if not row.text:
                row.text = cell
            elif "category" in self.kinds and simplified(cell) in CATEGORIES and not row.category:
                row.category = cell
            elif looks_like_unit(cell):
                self.unit_cells.append(cell)
            elif "deadline" in self.kinds and DEADLINE_CELL.match(cell) and not row.deadline:
                row.deadline = cell
            elif not self.unit_cells and not row.category:
                row.text += cell  # the task text, broken over cells
            else:
                row.notes.append(cell)

    def _positional(self, cell: str, column: Column) -> None:
        row = self.row
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
            row.leader = cell
        elif column.kind == "notes":
            row.notes.append(cell)
        else:
            row.units.extend(self._units(cell, column))

    def _units(self, cell: str, column: Column):
        if column.level:
            role = self.row.category if column.level == self.inner_level else None
        else:
            role = self.row.category or column.role
        units = parse_group(cell, role)
        for unit in units:
            unit.level = column.level
        return units

    def _end_row(self) -> None:
        if self.row is None or not self.unit_cells:
            self.unit_cells = []
            return
        unit_columns = [c for c in self.columns if c.kind == "units"]
        for cell, column in zip(self.unit_cells, _assign(self.unit_cells, unit_columns)):
            self.row.units.extend(self._units(cell, column))
        self.unit_cells = []


def _assign(cells: list[str], columns: list[Column]) -> list[Column]:
    """Which column each unit cell stood in, when empty cells left no trace."""
    if not columns:
        return [Column("责任单位")] * len(cells)
    if len(columns) == 1:
        return [columns[0]] * len(cells)
    levelled = [c for c in columns if c.level]
    if len(levelled) >= 2:
        outer, inner = levelled[0], levelled[-1]
        split = next((i for i, c in enumerate(cells) if simplified(c).startswith(inner.level[0])), None)
        if split is None:
            if len(cells) == 1:
                split = 0 if not simplified(cells[0]).startswith(outer.level[0]) else 1
            else:
                split = len(cells) - 1
        return [outer] * split + [inner] * (len(cells) - split)
    # 牵头单位 / 配合单位 columns: the first cell leads, the rest follow in order
    return [columns[min(i, len(columns) - 1)] for i in range(len(cells))]
