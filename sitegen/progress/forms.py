"""Spreadsheets for progress: the per-unit XLSX form, and reading CSV/XLSX rows back.

Units fill in forms in Excel or WPS and send them back to the 督查室; the
form's column headers are the intake's header names, so a filled form imports
as it is.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..content.statuses import NOT_REPORTED
from ..core import limits, zipcheck
from ..core.encoding import LEGACY, decode_text, mark
from ..core.errors import Problems

# Canonical column -> accepted header names (compared after _header_key).
COLUMNS = {
    "task": ("任务编号", "任务id", "task", "taskid", "task_id", "id"),
    "date": ("日期", "填报日期", "报告日期", "date"),
    "status": ("状态", "进展状态", "status"),
    "percent": ("进度", "完成进度", "完成比例", "percent", "progress"),
    "text": ("进展情况", "工作进展", "进展", "text"),
    "source": ("来源", "佐证", "source"),
    "unit": ("填报单位", "unit"),
}
# Descriptive columns of the form: read past without a warning.
IGNORED = ("通知", "序号", "任务内容", "职责", "完成时限", "当前状态", "number", "title", "role", "deadline",
           "currentstatus", "备注")

# The headers the form writes (hints in parentheses are ignored when reading).
FORM_HEADERS = ("任务编号", "通知", "序号", "任务内容", "职责", "完成时限", "当前状态",
                "日期(YYYY-MM-DD)", "状态", "进度(0-100)", "进展情况", "来源", "填报单位")
UPDATE_COLUMNS = ("date", "status", "percent", "text", "source")


def _header_key(value) -> str:
    text = str(value or "").replace("\u3000", " ").strip().lower()
    text = re.sub(r"[(（\[【].*?[)）\]】]", "", text)  # 进度(%) → 进度
    return re.sub(r"[\s*:：]", "", text)


_LOOKUP = {_header_key(name): column for column, names in COLUMNS.items() for name in names}


@dataclass
class Row:
    number: int  # the spreadsheet row number people see
    cells: dict  # canonical column -> raw value
    headers: dict  # canonical column -> header as printed
    is_xlsx: bool = False

    def get(self, column: str):
        value = self.cells.get(column)
        return value.strip() if isinstance(value, str) else value

    def header(self, column: str) -> str:
        return self.headers.get(column, column)

    def is_blank(self) -> bool:
        """No update written: a form row the unit left empty, or a spacer row."""
        return all(self.get(c) in (None, "") for c in UPDATE_COLUMNS)


def read_rows(file: Path, shown: str, problems: Problems) -> list[Row]:
    """The rows of a CSV or XLSX file that carry an update; problems are added, not raised."""
    suffix = file.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt", ".tsv"):
        hint = "save it as .xlsx" if suffix in (".xls", ".et", ".ods") else "use a .csv or .xlsx file"
        problems.add(shown, 0, 0, "", f"cannot read {suffix or 'this'} files", hint)
        return []
    try:
        if not file.is_file():
            problems.add(shown, 0, 0, "", "is not a regular file", "give a .csv or .xlsx file")
            return []
        if file.stat().st_size > limits.MAX_SHEET_BYTES:
            problems.add(shown, 0, 0, "", f"the file is larger than {limits.MAX_SHEET_BYTES // 2**20} MiB",
                         "import the updates in several files")
            return []
        if suffix in (".xlsx", ".xlsm"):
            table, is_xlsx = _xlsx_table(file, shown, problems), True
        else:
            table, is_xlsx = _csv_table(file, shown, problems), False
    except OSError as error:
        problems.add(shown, 0, 0, "", f"cannot read the file: {error.strerror or error}")
        return []
    return _rows(table, shown, problems, is_xlsx) if table is not None else []


def _rows(table: list, shown: str, problems: Problems, is_xlsx: bool) -> list[Row]:
    """`table`: (row number as people see it, cell values) of the rows that have any."""
    start = _header_row(table)
    if start is None:
        problems.add(shown, 1, 0, "", "no header row with 任务编号, 日期 and 状态 columns",
                     "the first row names the columns: 任务编号, 日期, 状态, 进度, 进展情况, 来源")
        return []
    number, values = table[start]
    columns, headers = _map_headers(values, number, shown, problems)
    rows = []
    for number, values in table[start + 1:]:
        cells = {columns[i]: v for i, v in enumerate(values) if i in columns}
        row = Row(number, cells, headers, is_xlsx)
        if not row.is_blank():
            rows.append(row)
    return rows


def _sized(rows, shown: str, problems: Problems) -> list | None:
    """(row number, values) of the rows with any value, within the limits (rows, characters of a cell);
    None after a problem."""
    table: list = []
    for number, values in rows:
        end = len(values)
        while end and values[end - 1] in (None, ""):  # trailing empty cells (a sheet's far corner)
            end -= 1
        if not end:
            continue
        values = values[:end]
        if len(table) >= limits.MAX_SHEET_ROWS:
            problems.add(shown, number, 0, "", f"more than {limits.MAX_SHEET_ROWS:,} rows",
                         "import the updates in several files")
            return None
        for index, value in enumerate(values):
            if isinstance(value, str) and len(value) > limits.MAX_CELL_CHARS:
                problems.add(shown, number, index + 1, "", f"a cell of {len(value):,} characters "
                             f"(at most {limits.MAX_CELL_CHARS:,})", "shorten it; link a longer report by its address")
                return None
        table.append((number, list(values)))
    return table


def _header_row(table: list) -> int | None:
    # A title row or two may stand above the header (the form has one).
    for index, (_, values) in enumerate(table[:10]):
        found = {_LOOKUP.get(_header_key(v)) for v in values}
        if {"task", "date", "status"} <= found:
            return index
    return None


def _map_headers(values, line: int, shown: str, problems: Problems) -> tuple[dict, dict]:
    columns: dict = {}
    headers: dict = {}
    for index, value in enumerate(values):
        key = _header_key(value)
        column = _LOOKUP.get(key)
        if column is None:
            if key and key not in map(_header_key, IGNORED):
                problems.warn(shown, line, index + 1, str(value), "this column is not read",
                              "known columns: " + "、".join(names[0] for names in COLUMNS.values()))
            continue
        if column in headers:
            problems.add(shown, line, index + 1, str(value), f"a second {headers[column]} column",
                         "keep one column per field")
            continue
        columns[index], headers[column] = column, str(value).strip()
    return columns, headers


# --- CSV --------------------------------------------------------------------

def _csv_table(file: Path, shown: str, problems: Problems) -> list | None:
    text = _decode(file.read_bytes(), shown, problems)
    if text is None:
        return None
    first = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first.count) if any(d in first for d in ",\t;") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered = enumerate(reader, start=1)  # record numbers: the rows Excel shows, a multi-line cell in one
    try:
        return _sized(numbered, shown, problems)
    except csv.Error as error:  # a NUL, a cell beyond the csv module's own limit (128 K) …
        problems.add(shown, reader.line_num, 0, "", f"cannot read line {reader.line_num} as CSV ({error})",
                     f"cells hold at most {limits.MAX_CELL_CHARS:,} characters; save the file again as CSV UTF-8")
        return None


def _decode(raw: bytes, shown: str, problems: Problems) -> str | None:
    """UTF-8 with or without BOM, UTF-16, or GBK/GB18030 or Big5 with a warning (core/encoding.py)."""
    found = decode_text(raw)
    if found is None:
        marked = mark(raw)
        problems.add(shown, 0, 0, "", f"the file starts as {marked.upper()} text but is not" if marked else
                     "the file is none of UTF-8, UTF-16, GBK and Big5 text", "save it again as CSV UTF-8")
        return None
    text, codec = found
    if codec in LEGACY:
        problems.warn(shown, 0, 0, "", f"the file is {'GBK' if codec == 'gb18030' else 'Big5'}-encoded; it was "
                      f"read as {codec.upper()}",
                      "save it as \"CSV UTF-8\" to be sure every character is read as meant")
    return text


# --- XLSX -------------------------------------------------------------------

def _xlsx_table(file: Path, shown: str, problems: Problems) -> list | None:
    """The first worksheet's rows: only the cells the file holds are read (openpyxl's read-only mode; a
    cell at XFD1048576 is one cell, not 17 billion), after the zip's uncompressed size is checked."""
    from openpyxl import load_workbook

    why = _zip_bomb(file)
    if why:
        problems.add(shown, 0, 0, "", why, "save the sheet again as .xlsx; import large sets in several files")
        return None
    workbooks = []
    try:
        workbooks.append(load_workbook(file, read_only=True, data_only=True))
        values = _sheet_values(workbooks[0], shown, problems)
        if values is None:
            return None
        table = _sized(values, shown, problems)
        if table is not None:
            workbooks.append(load_workbook(file, read_only=True))
            _formulas_without_values(workbooks[1], table, shown, problems)
        return table
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError, TypeError, IndexError,
            AttributeError, SyntaxError) as error:  # SyntaxError: broken XML (ElementTree's ParseError)
        problems.add(shown, 0, 0, "", f"cannot read the file as XLSX ({error})", "save it again as .xlsx")
        return None
    finally:
        for workbook in workbooks:
            workbook.close()


def _sheet_values(workbook, shown: str, problems: Problems):
    if not workbook.worksheets:
        problems.add(shown, 0, 0, "", "the workbook has no worksheet", "fill in the progress form's sheet")
        return None
    sheet = workbook.worksheets[0]
    sheet.reset_dimensions()  # the dimension the file states is not trusted: rows are read as they come
    return enumerate(sheet.iter_rows(values_only=True), start=1)


def _formulas_without_values(workbook, table: list, shown: str, problems: Problems) -> None:
    """A row whose cells are formulas with no saved result (a file written by a program, never opened
    in Excel or WPS) would read as empty and be skipped as 'nothing new': said instead."""
    values = dict(table)
    sheet = workbook.worksheets[0]
    sheet.reset_dimensions()
    for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
        saved = values.get(number, [])
        for index, cell in enumerate(cells):
            if isinstance(cell, str) and cell.startswith("=") and (index >= len(saved) or saved[index] is None):
                problems.add(shown, number, index + 1, "", "a formula with no saved value",
                             "open the file in Excel or WPS and save it, or paste the values instead of formulas")
                return


def _zip_bomb(file: Path) -> str | None:
    """Why the XLSX's parts are refused (sitegen/core/zipcheck.py), or None."""
    try:
        with zipfile.ZipFile(file) as archive:
            return zipcheck.refusal(archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # openpyxl says what is wrong with it


# --- the per-unit form --------------------------------------------------------

# Column widths in characters, in FORM_HEADERS order; the long texts wrap.
_WIDTHS = (22, 16, 6, 60, 8, 14, 10, 16, 10, 10, 50, 24, 16)
_INLINE_LIST_MAX = 250  # Excel's limit for a list typed into the validation itself


def write_unit_form(site, unit, path: Path) -> Path:
    """An XLSX progress form for one unit: its tasks pre-filled, the period's columns empty."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    unit_form(site, unit).save(path)
    return path


def unit_form(site, unit):
    """The workbook of write_unit_form."""
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook's one sheet
    sheet.title = "进展填报"
    _title_row(sheet, site, unit)
    _as_text(sheet[1])
    sheet.append(list(FORM_HEADERS))
    for task in unit.tasks:
        sheet.append(_task_row(site, unit, task))
        _as_text(sheet[sheet.max_row])
    _layout(sheet)
    _validations(sheet, workbook, site.statuses)
    return workbook


def _title_row(sheet, site, unit) -> None:
    from openpyxl.styles import Font

    sheet.append([f"{unit.jurisdiction.name} {unit.name} 重点工作进展填报表(截至 {site.as_of})"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(FORM_HEADERS))
    sheet["A1"].font = Font(bold=True, size=14)


def _task_row(site, unit, task) -> list:
    roles = [tu.role for tu in task.units if tu.unit is unit and tu.role]
    return [
        task.id, task.notice.name, task.number or "", _plain(task.title, task.text),
        "、".join(dict.fromkeys(roles)), task.deadline or "", site.status_of(task).label,
        None, None, None, None, None, unit.name,
    ]


def _as_text(cells) -> None:
    # openpyxl stores a string starting with "=" as a formula; no text of the content is one: every text
    # cell is written as text (data type 's'), so a unit name or task text never runs in Excel or WPS.
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _plain(title, text: str) -> str:
    # Cells show plain text: drop Markdown emphasis and link syntax, keep the words.
    body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text or "")
    body = re.sub(r"[*_`#>]+", "", body).strip()
    return f"{title}。{body}" if title and not body.startswith(title) else body


def _layout(sheet) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    header_fill = PatternFill("solid", fgColor="DDE3EA")
    for cell in sheet[2]:
        cell.font, cell.fill = Font(bold=True), header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    wrap = Alignment(wrap_text=True, vertical="top")
    date_column = FORM_HEADERS.index("日期(YYYY-MM-DD)") + 1
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = wrap
        row[date_column - 1].number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "B3"  # the title and header rows and the task id stay in view


def _validations(sheet, workbook, statuses) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    last = max(sheet.max_row, 3) + 200  # room for extra rows a unit adds by hand

    def column(header: str) -> str:
        letter = get_column_letter(FORM_HEADERS.index(header) + 1)
        return f"{letter}3:{letter}{last}"

    checks = [
        (DataValidation(type="list", formula1=_status_list(workbook, statuses), allow_blank=True,
                        error="请从下拉列表中选择状态", errorTitle="状态"), column("状态")),
        (DataValidation(type="whole", operator="between", formula1="0", formula2="100", allow_blank=True,
                        error="进度填写0到100的整数", errorTitle="进度"), column("进度(0-100)")),
        (DataValidation(type="date", operator="lessThanOrEqual", formula1="TODAY()", allow_blank=True,
                        error="日期填写为YYYY-MM-DD,且不晚于今天", errorTitle="日期"), column("日期(YYYY-MM-DD)")),
    ]
    for validation, cells in checks:
        validation.showErrorMessage = True
        validation.add(cells)
        sheet.add_data_validation(validation)


def _status_list(workbook, statuses) -> str:
    # "未报告" means no update at all, so it is not something a unit reports.
    labels = [s.label for s in statuses if s.id != NOT_REPORTED]
    inline = ",".join(labels)
    if len(inline) <= _INLINE_LIST_MAX and not any("," in label or '"' in label for label in labels):
        return f'"{inline}"'
    # Too long (or awkward) to type into the validation: list the labels on a sheet of their own.
    sheet = workbook.create_sheet("状态")
    for label in labels:
        sheet.append([label])
    return f"'状态'!$A$1:$A${len(labels)}"
