"""Limits on what sitegen reads, in one place: the loader, the importer and the progress intake use these.

Each admits the largest real input with a wide margin (docs/security.md gives their sizes) and stops a
hostile or broken file before it exhausts memory or time. docs/security.md lists them with the test that
holds each.
"""

from __future__ import annotations

# --- content files (sitegen/content/load.py: every YAML file sitegen reads) ---
MAX_FILE_BYTES = 50 * 1024 * 1024  # one YAML file: fifty times the largest real notice
MAX_DEPTH = 40  # nesting of mappings and lists: a notice's sections nest 4-5 deep (about 12 levels of YAML)
MAX_ALIAS_NODES = 100_000  # values added by aliases (*name) in one file; importer output uses none
MAX_ID_LENGTH = 200  # characters of an id: ids name files (255 bytes at most on common systems, less a suffix)
MIN_YEAR, MAX_YEAR = 1949, 2200  # a notice's year: the People's Republic's notices, not typos like 0 or 20177

# --- spreadsheets read by `sitegen progress import` (sitegen/progress/forms.py) ---
MAX_SHEET_BYTES = 50 * 1024 * 1024  # a CSV or XLSX as given: far above a filled 2,000-row form
MAX_SHEET_ROWS = 200_000  # rows with content: one per task of a 100,000-task site, twice over
MAX_CELL_CHARS = 32_767  # characters of one cell: Excel's own limit

# --- notices imported by `sitegen import FILE` (sitegen/importer/readers/) ---
MAX_IMPORT_BYTES = 64 * 1024 * 1024  # the file as given, any format
MAX_PDF_PAGES = 500
MAX_SHEETS = 100  # spreadsheet sheets read
MAX_ROWS = 100_000  # rows of one sheet or one table
MAX_CELLS = 2_000_000  # non-empty cells of a whole workbook or document
MAX_ZIP_MEMBERS = 5_000  # parts of a .docx/.xlsx (imported, or a progress sheet: sitegen/core/zipcheck.py)
MAX_ZIP_MEMBER_BYTES = 256 * 1024 * 1024  # uncompressed size of one part
MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024  # uncompressed size of all parts
MAX_ZIP_RATIO = 200  # uncompressed / compressed size of a large part (zip bombs; sitegen/core/zipcheck.py)
MAX_TEXT_CHARS = 20_000_000  # characters of text read out of any document
CONVERT_SECONDS = 60  # LibreOffice converting one .doc/.wps

# --- the search index (sitegen/index/index.py): Pagefind's services side by side ---
# Shards are indexed up to one per usable core at a time, while the memory Pagefind is expected to take
# for the shards being indexed (PAGEFIND_SERVICE_BYTES each, plus PAGEFIND_RECORD_BYTES per record) stays
# within PAGEFIND_MEMORY_BYTES; one shard always runs, whatever its size. That keeps the whole build,
# Pagefind's processes included, within issue 21's memory targets at 10,000 and 100,000 tasks: at 100,000
# the shards are 8,000 records and go one at a time. docs/performance.md has the measurements.
PAGEFIND_SERVICE_BYTES = 64 * 1024 * 1024  # one Pagefind service, whatever its shard
PAGEFIND_RECORD_BYTES = 128 * 1024  # and its peak memory per record of the shard it indexes
PAGEFIND_MEMORY_BYTES = 600 * 1024 * 1024  # Pagefind's services together
