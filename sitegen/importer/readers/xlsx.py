"""An Excel .xlsx -> Document: every sheet a table, merged cells carried into every cell they cover.

The sheets are streamed by openpyxl's read-only parser, which yields only the
cells present in the file: a sheet whose dimension claims XFD1048576 costs
what it holds, not what it claims.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from datetime import date, datetime, time

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._reader import WorkSheetParser

from ...core import limits
from ...core.errors import SitegenError
from ...core.zipcheck import open_zip
from .document import Budget, Document


def read_xlsx(data: bytes, name: str) -> Document:
    open_zip(data, name)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False, keep_vba=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged part
        raise SitegenError(f"{name}: is a damaged Excel file ({type(exc).__name__}: {exc}); "
                           "open it and save it again") from None
    document = Document(name=name)
    budget = Budget(name)
    with damaged_as_error(name, book.close):
        sheets = book.worksheets
        if len(sheets) > limits.MAX_SHEETS:
            raise SitegenError(f"{name}: has {len(sheets)} sheets (limit {limits.MAX_SHEETS}); is this one notice?")
        for sheet in sheets:
            if hasattr(sheet, "_get_source"):  # chartsheets have no cells
                document.add_table(_sheet_rows(book, sheet, budget, name))
    return document


@contextmanager
def damaged_as_error(name: str, close):
    """Reading a workbook's sheets: whatever its library raises on a damaged part becomes a message naming
    the file; the workbook is closed after (`close`), read or not. Shared by the .xlsx and .xls readers."""
    try:
        yield
    except SitegenError:
        raise
    except Exception as exc:
        raise SitegenError(f"{name}: is a damaged Excel file ({type(exc).__name__}: {exc})") from None
    finally:
        close()


def _sheet_rows(book, sheet, budget: Budget, name: str) -> list[list[str]]:
    cells: dict[tuple[int, int], str] = {}
    with sheet._get_source() as src:
        parser = WorkSheetParser(src, book.shared_strings, data_only=True, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for count, (_, row) in enumerate(parser.parse()):
            if count >= limits.MAX_ROWS:
                raise SitegenError(f"{name}: sheet {sheet.title} has more than {limits.MAX_ROWS:,} rows; "
                                   "is this really one notice?")
            for cell in row:
                value = cell_text(cell["value"])
                if value:
                    budget.take()
                    cells[(cell["row"], cell["column"])] = value
        merges = [m.ref for m in parser.merged_cells.mergeCell] if parser.merged_cells else []
    return grid(cells, merges, budget)


def grid(cells: dict[tuple[int, int], str], merges: list[str], budget: Budget) -> list[list[str]]:
    """Cells by (row, column), 1-based, and merged ranges -> rows; empty rows and columns left out."""
    for ref in merges:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if min_col is None or min_row is None or max_col is None or max_row is None:
            continue  # a whole row or column (A:A): no merged cell
        value = cells.get((min_row, min_col))
        if not value:
            continue
        budget.take((max_row - min_row + 1) * (max_col - min_col + 1))
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                cells[(r, c)] = value
    if not cells:
        return []
    rows = sorted({r for r, _ in cells})
    columns = sorted({c for _, c in cells})
    return [[cells.get((r, c), "") for c in columns] for r in rows]


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return f"{value.year}年{value.month}月{value.day}日" if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value).strip()
