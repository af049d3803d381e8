"""Size limits on what sitegen reads, in one place.

Each limit admits the largest real input seen with a wide margin (a 50-page
PDF, a 2,000-row task sheet) and stops a hostile or broken file before it
exhausts memory or time.
"""

from __future__ import annotations

# Imported notices (sitegen import FILE)
MAX_IMPORT_BYTES = 64 * 1024 * 1024  # the file as given, any format
MAX_PDF_PAGES = 500
MAX_SHEETS = 100  # spreadsheet sheets read
MAX_ROWS = 100_000  # rows of one sheet or one table
MAX_CELLS = 2_000_000  # non-empty cells of a whole workbook or document
MAX_ZIP_MEMBERS = 5_000  # parts of a .docx/.xlsx
MAX_ZIP_MEMBER_BYTES = 256 * 1024 * 1024  # uncompressed size of one part
MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024  # uncompressed size of all parts
MAX_ZIP_RATIO = 200  # uncompressed / compressed size of a part larger than 1 MB (zip bombs)
MAX_TEXT_CHARS = 20_000_000  # characters of text read out of any document
CONVERT_SECONDS = 60  # LibreOffice converting one .doc/.wps
