"""A converter-driven table generator for issue 17: the table generator's tables (tests/importer_tablefuzz.py)
made into real files and turned back into text by the tools that really do it.

The table generator writes its text renderings itself, in shapes the importer already reads. The text of a
table reaches a staff member through converters instead: a PDF's text from pdftotext (default reading order,
-raw, -layout with each cell wrapped inside its column), a web page's table copied from a browser (tabs) or
stripped of its tags (one cell a line), Word's table saved as text by LibreOffice. Those make the shapes no
hand-written renderer does: a merged cell's text centred in its span (blank above and below), a cell's text
wrapped over lines while the next columns go on, column widths that drift from page to page, the running
header and page number of a printed page between two rows.

A case is (seed, route). The seed picks a development table (and 武昌's default one) and the dimensions a
file varies: header labels (synonyms, spaced out), column order, numbering, excerpts, groups, empty groups,
merged runs of equal cells (rowspan / vMerge), unit separators (、 lists one name a line), an extra column,
a title row inside the table or a note after it, script (OpenCC), and the page: font size, orientation and
the text column's width. The file is made by tests/formats.py's producers (to_html, to_docx, Printer,
office_convert); each route turns it into text. Rendered texts are cached per seed and route under
CACHE (keyed by the case's content), so a re-run after a parser change only re-imports.

`python tests/importer_convfuzz.py --seeds 200` prints the pass rate per route, per dimension and per first
failure class; `--show SEED ROUTE` prints one text and what the import got wrong; `--failures` lists them.
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import importer_tablefuzz as fuzz
from formats import Printer, Table, office_convert, to_docx, to_html
from importer_matrix import Expected, differences
from importer_prosefuzz import convert
from rates import Sweep, command

CACHE = Path(tempfile.gettempdir()) / "sitegen-convfuzz"
# route -> (file, how it becomes text)
ROUTES = {
    "html-copy": "a browser's select-all copy of the page (Chromium, inner_text)",
    "html-strip": "the page's tags stripped, a line break at each block tag (lxml)",
    "pdf": "Chromium's print of the page, pdftotext",
    "pdf-raw": "Chromium's print of the page, pdftotext -raw",
    "pdf-layout": "Chromium's print of the page, pdftotext -layout",
    "lo-pdf": "the .docx exported to PDF by LibreOffice, pdftotext",
    "lo-pdf-raw": "the .docx exported to PDF by LibreOffice, pdftotext -raw",
    "lo-pdf-layout": "the .docx exported to PDF by LibreOffice, pdftotext -layout",
    "lo-txt": "the .docx saved as text by LibreOffice",
}
# routes whose text keeps no trace of an empty cell and prints a cell's lines one after another: a lead
# cell's names one a line then the others' (a 、 list in a unit column is printed one name a line) cannot part
ONE_CELL_A_LINE = ("html-strip", "pdf", "pdf-raw", "lo-pdf", "lo-pdf-raw", "lo-txt")
FONTS = ("10pt", "12pt", "14pt")
ORIENTATIONS = ("portrait", "portrait", "landscape")
WIDTHS = ("auto", "text-wide")
UNIT_SEPS = ("、", "、", "，", ";", " ")


@dataclass
class Case:
    seed: int
    table: str
    dims: dict[str, str]
    blocks: list  # paragraphs (str) and one formats.Table, as tests/formats.py's producers take them
    want: list[Expected]

    def key(self) -> str:
        """What the rendered texts depend on: a cache entry made from other content is stale."""
        model = [b if isinstance(b, str) else [b.title, b.header, b.rows, b.spans()] for b in self.blocks]
        page = [self.dims[k] for k in ("font", "orientation", "widths")]
        return hashlib.sha1(json.dumps([model, page], ensure_ascii=False).encode()).hexdigest()[:16]


class Unmerged(Table):
    """A table whose equal cells are each printed (no rowspan)."""

    def spans(self) -> list[list[int]]:
        return [[1] * self.width if isinstance(r, list) else None for r in self.rows]  # type: ignore[misc]


# -- a case ------------------------------------------------------------------------------------------

def _choose(rng: random.Random) -> dict[str, str]:
    return {
        "header": rng.choice(("printed", "printed", "spaced")),
        "order": rng.choice(tuple(fuzz.ORDERS)),
        "numbering": rng.choice(fuzz.NUMBERING),
        "excerpt": rng.choice(fuzz.EXCERPTS),
        "groups": rng.choice(fuzz.GROUPS),
        "emptygroups": rng.choice(("no", "no", "no", "yes")),
        "merged": rng.choice(("runs", "none")),
        "prefix": rng.choice(fuzz.PREFIXES),
        "unitsep": rng.choice(UNIT_SEPS),
        "furniture": rng.choice(("none", "title", "note")),
        "extra": rng.choice(fuzz.EXTRAS),
        "font": rng.choice(FONTS),
        "orientation": rng.choice(ORIENTATIONS),
        "widths": rng.choice(WIDTHS),
        "script": rng.choice(fuzz.SCRIPTS),
        "fragment": "no",
    }


def _lines_part(dims: dict[str, str], made: Table, kinds: list[str]) -> bool:
    """Does a unit cell print its 、 list one name a line (tests/formats.py does so in a column whose label
    ends 单位 or 部门) beside another unit cell? Then a route printing cells one after another shows nothing
    where the lead units end and the others begin."""
    split = {kinds[c] for c in made.unit_columns()}
    return dims["unitsep"] == "、" and {"lead", "others"} <= set(kinds) and bool(split & {"lead", "others"})


def case(seed: int) -> Case:
    rng = random.Random(seed)
    table = fuzz.TABLES[rng.randrange(len(fuzz.TABLES))]
    dims = _choose(rng)
    if dims["groups"] == "none":
        dims["emptygroups"] = "no"
    rows = fuzz._rows(table, rng, dims)
    if dims["numbering"] != "none" and not all(r.number for r in rows):
        dims["numbering"] = "1"
    kinds = fuzz._kinds(table, rows, dims)
    header = fuzz._header(kinds, table, dims, rng)
    body = fuzz._body(rows, kinds, {**dims, "merged": "none"})
    script = dims["script"]

    def s(text: str) -> str:
        return text if script == "simplified" else convert(script, text)

    made = (Unmerged if dims["merged"] == "none" else Table)(
        s(table.title) if dims["furniture"] == "title" else None, [s(h) for h in header],
        [s(r) if isinstance(r, str) else [s(c) for c in r] for r in body])
    issuer = f"{table.government}人民政府办公室" if table.government != "国务院" else "国务院办公厅"
    blocks: list = [s(line) for line in (f"{issuer}关于印发重点工作任务分解表的通知", "各有关单位:",
                                         "现将任务分解表印发给你们,请认真贯彻落实。", issuer, "2021年3月1日",
                                         "附件1" if dims["furniture"] == "title" else "附件")]
    if dims["furniture"] != "title":
        blocks.append(s(table.title))
    blocks.append(made)
    if dims["furniture"] == "note":
        blocks.append(s(rng.choice(fuzz.NOTES)))
    want = [Expected(fuzz._expected_number(r, dims["numbering"]), s(r.text), [s(u) for u in (*r.lead, *r.others)],
                     [s(u) for u in r.lead], s(r.leader) or None, s(r.deadline) or None) for r in rows]
    dims["kinds"] = ",".join(kinds)
    dims["leadlines"] = "yes" if _lines_part(dims, made, kinds) else "no"
    return Case(seed, table.name, dims, blocks, want)


def expected(c: Case, route: str) -> list[Expected]:
    """The case's tasks; leads unknown where the route's text cannot show them."""
    if route in ONE_CELL_A_LINE and c.dims["leadlines"] == "yes":
        return [replace(w, leads=None) for w in c.want]
    return c.want


# -- the files and the routes ------------------------------------------------------------------------

def _page_css(dims: dict[str, str]) -> str:
    css = f"table{{font-size:{dims['font']}}}"
    if dims["orientation"] == "landscape":
        css += "@page{size:A4 landscape}"
    if dims["widths"] == "text-wide":
        css += f"td:nth-child({_text_column(dims) + 1}){{width:40%}}"
    return css


def _text_column(dims: dict[str, str]) -> int:
    return dims["kinds"].split(",").index("text")


def page_html(c: Case, for_print: bool) -> bytes:
    page = to_html(c.blocks, for_print=for_print, bare=not for_print).decode()
    style = _page_css(c.dims)
    page = page.replace("</style>", style + "</style>") if "</style>" in page else \
        page.replace("</head>", f"<style>{style}</style></head>")
    return page.encode()


def stripped(page: bytes) -> str:
    """The page's text as a tag stripper gives it: a line break after each block element and <br>."""
    import lxml.html

    root = lxml.html.fromstring(page)
    for element in root.xpath("//style|//script"):
        element.drop_tree()  # not text: a stripper that keeps them is no tool anyone uses
    for element in root.iter():
        if element.tag in ("p", "h1", "div", "tr", "td", "th", "br", "li", "table"):
            element.tail = "\n" + (element.tail or "")
    return root.text_content()


def make_docx(c: Case, path: Path) -> Path:
    """The .docx of formats.to_docx with the case's page: font size, orientation, the text column's width."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    to_docx(c.blocks, path, numbering=False)
    doc = Document(str(path))
    section = doc.sections[0]
    if c.dims["orientation"] == "landscape":
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    usable = (section.page_width - section.left_margin - section.right_margin) / Cm(1)
    for grid in doc.tables:
        width = len(grid.columns)
        text = _text_column(c.dims)
        shares = [0.4 if i == text else 0.6 / (width - 1) for i in range(width)] \
            if c.dims["widths"] == "text-wide" and width > 1 else [1 / width] * width
        for row in grid.rows:
            for i, cell in enumerate(row.cells[:width]):
                cell.width = Cm(usable * shares[i])
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(int(c.dims["font"][:-2]))
    doc.save(str(path))
    return path


def _pdftotext(pdf: Path, mode: str) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *([mode] if mode else []), str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True, timeout=60).stdout.decode("utf-8")


PDF_MODES = {"": "", "-raw": "-raw", "-layout": "-layout"}


def render(cases: list[Case], routes: list[str], folder: Path, cache: Path = CACHE) -> dict[tuple[int, str], str]:
    """Each case's text by each route, from the cache where its key matches, else made (batched by tool)."""
    out: dict[tuple[int, str], str] = {}
    todo: list[Case] = []
    for c in cases:
        cached = _cached(c, routes, cache)
        if cached is None:
            todo.append(c)
        else:
            out.update({(c.seed, r): t for r, t in cached.items()})
    if not todo:
        return out
    made: dict[int, dict[str, str]] = defaultdict(dict)
    if any(r.startswith(("html", "pdf")) for r in routes):
        with Printer() as printer:
            for c in todo:
                made[c.seed].update(_browser_routes(c, printer, folder))
    if any(r.startswith("lo") for r in routes):
        for c, texts in zip(todo, _office_routes(todo, folder), strict=True):
            made[c.seed].update(texts)
    for c in todo:
        texts = made[c.seed]
        entry = cache / f"{c.seed}.json"
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(json.dumps({"key": c.key(), "texts": texts}, ensure_ascii=False), encoding="utf-8")
        out.update({(c.seed, r): texts[r] for r in routes if r in texts})
    return out


def _cached(c: Case, routes: list[str], cache: Path) -> dict[str, str] | None:
    entry = cache / f"{c.seed}.json"
    if not entry.exists():
        return None
    data = json.loads(entry.read_text(encoding="utf-8"))
    if data["key"] != c.key() or any(r not in data["texts"] for r in routes):
        return None
    return {r: data["texts"][r] for r in routes}


def _browser_routes(c: Case, printer: Printer, folder: Path) -> dict[str, str]:
    source = folder / f"{c.seed}.html"
    source.write_bytes(page_html(c, for_print=False))
    page = printer.browser.new_page()
    page.goto(source.as_uri())
    texts = {"html-copy": page.inner_text("body"), "html-strip": stripped(source.read_bytes())}
    page.close()
    pdf = printer.pdf(page_html(c, for_print=True), folder / f"{c.seed}.pdf")
    for mode in PDF_MODES:
        texts["pdf" + mode] = _pdftotext(pdf, mode)
    return texts


def _office_routes(cases: list[Case], folder: Path) -> list[dict[str, str]]:
    """The .docx of every case exported to PDF and to text, one LibreOffice run each."""
    docs = [make_docx(c, folder / f"{c.seed}.docx") for c in cases]
    pdfs = office_convert(docs, "pdf", folder / "pdf")
    texts = office_convert(docs, "txt:Text (encoded):UTF8", folder / "txt")
    out = []
    for c in cases:
        entry = {"lo-txt": (texts / f"{c.seed}.txt").read_text(encoding="utf-8-sig")}
        for mode in PDF_MODES:
            entry["lo-pdf" + mode] = _pdftotext(pdfs / f"{c.seed}.pdf", mode)
        out.append(entry)
    return out


# -- checking -----------------------------------------------------------------------------------------

def run_case(c: Case, route: str, text: str, site: Path) -> list[str]:
    from sitegen.core.errors import SitegenError
    from sitegen.importer import import_text
    from sitegen.importer.content import iter_tasks

    table = fuzz.TABLE_BY_NAME[c.table]
    try:
        result = import_text(text, site, stem="conv", force=True, jurisdiction=table.government,
                             parent=table.parent)
    except SitegenError as error:
        return [f"refused: {error}"]
    except Exception as error:  # a crash is a failure class of its own, counted like the rest
        return [f"crash: {type(error).__name__}: {error}"]
    return differences(expected(c, route), list(iter_tasks(result.data)))


DIMENSIONS = ("route", "table", "header", "order", "numbering", "excerpt", "groups", "emptygroups", "merged",
              "prefix", "unitsep", "furniture", "extra", "font", "orientation", "widths", "script")


def record(result: Sweep, c: Case, route: str, problems: list[str]) -> None:
    """One case's problems in a sweep, under its dimensions, classed by the first problem."""
    kind = fuzz.problem_kind(problems[0]) if problems else ""
    result.add(c.seed, route, {"route": route, "table": c.table, **c.dims}, problems, kind)


def sweep(seeds: range, routes: list[str], verbose: bool = False) -> dict[tuple[int, str], list]:
    """Render (or take from the cache) and import every case; print the rates per route and dimension."""
    cases = [case(seed) for seed in seeds]
    result = Sweep(DIMENSIONS)
    with tempfile.TemporaryDirectory() as tmp:
        texts = render(cases, routes, Path(tmp))
        for c in cases:
            for route in routes:
                record(result, c, route, run_case(c, route, texts[c.seed, route], Path(tmp)))
    result.print(verbose=verbose, detail="; ".join)
    return result.failures


def show(seed: int, route: str) -> None:
    c = case(seed)
    with tempfile.TemporaryDirectory() as tmp:
        text = render([c], list(ROUTES), Path(tmp))[c.seed, route]
        print(c.table, route, c.dims)
        print(text)
        for problem in run_case(c, route, text, Path(tmp)) or ["(passes)"]:
            print("  " + problem[:400])


def main(argv: list[str]) -> int:
    return command(argv, list(ROUTES), sweep, show)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
