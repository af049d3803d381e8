"""A file-driven table generator for issue 17: the converted-table generator's cases
(tests/importer_convfuzz.py) made into the files governments publish and imported as those files.

importer_convfuzz.py turns each case's files into text with converters and imports the text; here each
file is imported directly (`sitegen import FILE`), so what is measured is sitegen's own readers
(sitegen/importer/readers/): pdfplumber's ruled tables across page breaks, python-docx's merged cells, lxml's
rowspan and colspan, openpyxl's merged ranges, LibreOffice's .doc conversion. The case is convfuzz's (its
seed picks the table and the dimensions: header synonyms, spaced labels, column order, merged runs, groups,
an extra column, a title row or a note, script, font size, orientation, the text column's width) and so is
the check (importer_matrix.differences against the case's rows).

Routes (file kinds): the bare web page, the same notice in a government site's page, the .docx, Chromium's
print of the page to PDF, LibreOffice's export of the .docx to PDF, each PDF made into an OFD (GB/T 33190) in
one of the ways converters write them, the .xlsx, and a .doc LibreOffice saves from the page. Made files are
cached per seed under CACHE, keyed by the case's content (a stale file is made again), so a re-run after a
reader change only re-imports.

`python tests/importer_filefuzz.py --seeds 200 [--start S] [route=pdf …]` prints the pass rate per route,
per dimension and per first failure class; `--show SEED ROUTE` prints the file's text as the reader gives
it and what the import got wrong; `--failures` lists every failing case.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import importer_tablefuzz as fuzz
from formats import Printer, office_convert, to_html, to_xlsx
from importer_convfuzz import DIMENSIONS, Case, case, make_docx, page_html, record
from importer_matrix import differences
from ofdmaker import STYLES, pdf_to_ofd
from rates import Sweep, command

CACHE = Path(tempfile.gettempdir()) / "sitegen-filefuzz"
# route -> (file suffix, how the file is made)
ROUTES = {
    "html": ("html", "the notice alone as a web page (the case's font, orientation, column widths)"),
    "html-site": ("html", "the notice inside a government site's page: menus, breadcrumb, footer"),
    "docx": ("docx", "python-docx: merged runs as vMerge, a title or group row as gridSpan, unit lists one a line"),
    "pdf": ("pdf", "Chromium's print of the page: running header, page numbers, rows across page breaks"),
    "lo-pdf": ("pdf", "the .docx exported to PDF by LibreOffice"),
    "ofd": ("ofd", "Chromium's PDF made into an OFD the way a converter writes one (tests/ofdmaker.py, style by seed)"),
    "lo-ofd": ("ofd", "LibreOffice's PDF made into an OFD (tests/ofdmaker.py, style by seed)"),
    "xlsx": ("xlsx", "openpyxl: merged ranges, unit lists one a line in a wrapped cell"),
    "doc": ("doc", "the page saved as Word 97 by LibreOffice (read back through LibreOffice)"),
}


def folder_of(c: Case, cache: Path) -> Path:
    return cache / f"{c.seed}-{c.key()}"


def file_of(c: Case, route: str, cache: Path) -> Path:
    return folder_of(c, cache) / f"{route}.{ROUTES[route][0]}"


def make(cases: list[Case], routes: list[str], cache: Path = CACHE) -> dict[tuple[int, str], Path]:
    """Each case's file for each route, from the cache where it is there, else made (batched by tool)."""
    needed = {"ofd": "pdf", "lo-ofd": "lo-pdf"}  # an OFD is made from its PDF
    routes = [*routes, *(needed[r] for r in routes if r in needed and needed[r] not in routes)]
    missing = {r: [c for c in cases if not file_of(c, r, cache).exists()] for r in routes}
    for c in {c.seed: c for todo in missing.values() for c in todo}.values():
        folder_of(c, cache).mkdir(parents=True, exist_ok=True)
    for c in missing.get("html", []):
        file_of(c, "html", cache).write_bytes(page_html(c, for_print=False))
    for c in missing.get("html-site", []):
        file_of(c, "html-site", cache).write_bytes(to_html(c.blocks))
    for c in missing.get("xlsx", []):
        to_xlsx(c.blocks, file_of(c, "xlsx", cache))
    for c in {c.seed: c for c in missing.get("docx", []) + missing.get("lo-pdf", [])}.values():
        make_docx(c, file_of(c, "docx", cache))
    if missing.get("pdf"):
        with Printer() as printer:
            for c in missing["pdf"]:
                printer.pdf(page_html(c, for_print=True), file_of(c, "pdf", cache))
    _office(missing.get("lo-pdf", []), lambda c: file_of(c, "docx", cache), "lo-pdf", "pdf", cache)
    for route, source in needed.items():
        for c in missing.get(route, []):
            pdf_to_ofd(file_of(c, source, cache), file_of(c, route, cache), STYLES[c.seed % len(STYLES)])
    for c in missing.get("doc", []):  # LibreOffice's .docx -> .doc drops python-docx tables: from the page
        _page_for_doc(c, cache).write_bytes(to_html(c.blocks, bare=True))
    _office(missing.get("doc", []), lambda c: _page_for_doc(c, cache), "doc", "doc:MS Word 97", cache)
    return {(c.seed, r): file_of(c, r, cache) for c in cases for r in routes}


def _page_for_doc(c: Case, cache: Path) -> Path:
    return folder_of(c, cache) / "doc-source.html"


def _office(cases: list[Case], source_of: Callable[[Case], Path], route: str, target: str, cache: Path) -> None:
    """The cases' source files converted to the route's file by one LibreOffice run."""
    if not cases:
        return
    with tempfile.TemporaryDirectory() as tmp:
        staged = []
        for c in cases:  # LibreOffice names its output after its input: one input name per case
            source = source_of(c)
            staged.append(Path(tmp) / f"{c.seed}{source.suffix}")
            staged[-1].write_bytes(source.read_bytes())
        out = office_convert(staged, target, Path(tmp))
        for c in cases:
            file_of(c, route, cache).write_bytes((out / f"{c.seed}.{ROUTES[route][0]}").read_bytes())


# -- checking -----------------------------------------------------------------------------------------

def run_case(c: Case, path: Path, site: Path) -> list[str]:
    """What importing the file got wrong (convfuzz's check: every cell's content is in a file's table)."""
    from sitegen.core.errors import SitegenError
    from sitegen.importer import import_notice
    from sitegen.importer.content import iter_tasks

    table = fuzz.TABLE_BY_NAME[c.table]
    try:
        result = import_notice(str(path), site, force=True, jurisdiction=table.government, parent=table.parent)
    except SitegenError as error:
        return [f"refused: {error}"]
    except Exception as error:  # a crash is a failure class of its own, counted like the rest
        return [f"crash: {type(error).__name__}: {error}"]
    return differences(c.want, list(iter_tasks(result.data)))


def sweep(seeds: range, routes: list[str], verbose: bool = False) -> dict[tuple[int, str], list]:
    """Make (or take from the cache) and import every case's files; print the rates per route and dimension."""
    cases = [case(seed) for seed in seeds]
    files = make(cases, routes)
    result = Sweep(DIMENSIONS)
    with tempfile.TemporaryDirectory() as tmp:
        for c in cases:
            for route in routes:
                record(result, c, route, run_case(c, files[c.seed, route], Path(tmp)))
    result.print(verbose=verbose, detail="; ".join)
    return result.failures


def show(seed: int, route: str) -> None:
    """The file's text as sitegen's reader gives it, and what the import got wrong."""
    from sitegen.importer.source import read_source

    c = case(seed)
    path = make([c], [route])[seed, route]
    print(c.table, route, path, c.dims)
    print(read_source(str(path)).text)
    with tempfile.TemporaryDirectory() as tmp:
        for problem in run_case(c, path, Path(tmp)) or ["(passes)"]:
            print("  " + problem[:400])


def main(argv: list[str]) -> int:
    return command(argv, list(ROUTES), sweep, show)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
