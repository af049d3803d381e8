"""An Excel 97-2003 .xls -> Document, read by xlrd with its merged ranges."""

from __future__ import annotations

from datetime import datetime

import xlrd
from xlrd.biffh import XLRDError

from ...core import limits
from ...core.errors import SitegenError
from .document import Budget, Document
from .xlsx import cell_text, damaged_as_error, grid


def read_xls(data: bytes, name: str) -> Document:
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise SitegenError(f"{name}: is an encrypted (password-protected) Excel file; "
                               "save an unprotected copy and import that") from None
        raise SitegenError(f"{name}: is a damaged Excel file ({exc}); open it and save it again") from None
    except Exception as exc:
        raise SitegenError(f"{name}: is a damaged Excel file ({type(exc).__name__}: {exc})") from None
    if book.nsheets > limits.MAX_SHEETS:
        raise SitegenError(f"{name}: has {book.nsheets} sheets (limit {limits.MAX_SHEETS}); is this one notice?")
    document = Document(name=name)
    budget = Budget(name)
    with damaged_as_error(name, book.release_resources):
        for index in range(book.nsheets):
            sheet = book.get_sheet(index)
            if sheet.nrows > limits.MAX_ROWS:
                raise SitegenError(f"{name}: sheet {sheet.name} has more than {limits.MAX_ROWS:,} rows")
            cells: dict[tuple[int, int], str] = {}
            for r in range(sheet.nrows):
                for c, cell in enumerate(sheet.row(r)):
                    value = _value(cell, book.datemode)
                    if value:
                        budget.take()
                        cells[(r + 1, c + 1)] = value
            merges = [_ref(rlo, rhi, clo, chi) for rlo, rhi, clo, chi in sheet.merged_cells]
            document.add_table(grid(cells, merges, budget))
            book.unload_sheet(index)
    return document


def _value(cell, datemode) -> str:
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return cell_text(datetime(*xlrd.xldate_as_tuple(cell.value, datemode)))
        except (ValueError, xlrd.xldate.XLDateError):
            return cell_text(cell.value)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    return cell_text(cell.value)


def _ref(rlo: int, rhi: int, clo: int, chi: int) -> str:
    from openpyxl.utils import get_column_letter
    return f"{get_column_letter(clo + 1)}{rlo + 1}:{get_column_letter(chi)}{rhi}"
