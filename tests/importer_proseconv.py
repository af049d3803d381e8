"""Prose notices through real converters, for issue 17: the prose generator's notices
(tests/importer_prosefuzz.py) printed to PDF and turned back into text the way a mirror site or a staff member
gets them.

The prose generator writes its own text, with the hard wraps and page furniture it chooses. A notice printed to
PDF and extracted by pdftotext is broken at every line's end wherever the page's width falls (inside a unit's
name, a label, a number), with the running header and page number between two lines of a paragraph; LibreOffice
prints a .docx with its own line breaks. Those are the shapes of the `title-broken` and catalogue-copied texts
the frozen test part reads worst.

A staff member imports the file itself: the `file-` routes give sitegen's own readers (readers/pdf.py,
readers/document.py) the PDF or the .docx, kept in the cache, so a reader change is measured on a re-run.

A case is (seed, route). The seed is the prose generator's seed (its notice and answers); the page is drawn from
the seed too: font size (the 三号 of 公文 down to a web page's 12 pt) and the paragraph indent. Rendered texts are
cached per seed under CACHE (keyed by the text and page), so a re-run after a parser change only re-imports.

`python tests/importer_proseconv.py --seeds 100 [--start S] [route=pdf …]` prints the pass rate per route, per
prose dimension and per first failure class; `--show SEED ROUTE` prints one text and what the import got wrong.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import importer_prosefuzz as prose
from formats import Printer, office_convert, to_docx, to_html
from importer_convfuzz import _pdftotext
from rates import Sweep, command

CACHE = Path(tempfile.gettempdir()) / "sitegen-proseconv"
ROUTES = {
    "pdf": "Chromium's print of the page, pdftotext",
    "pdf-raw": "Chromium's print of the page, pdftotext -raw",
    "lo-pdf": "the .docx exported to PDF by LibreOffice, pdftotext",
    "pdf-paragraphs": "Chromium's print, pdftotext, each printed line a paragraph (a PDF made into a web page)",
    "file-pdf": "Chromium's print of the page, imported as the PDF file (sitegen's reader)",
    "file-lo-pdf": "the .docx exported to PDF by LibreOffice, imported as the PDF file",
    "file-docx": "the .docx, imported as the file",
}
# the file routes: the file a staff member imports, kept in the cache (the reader runs on it each time)
FILES = {"file-pdf": "pdf", "file-lo-pdf": "pdf", "file-docx": "docx"}
FONTS = ("12pt", "14pt", "16pt")


@dataclass
class Case:
    seed: int
    text: str
    want: list
    dims: dict[str, str]

    @property
    def blocks(self) -> list[str]:
        return [line for line in self.text.splitlines() if line.strip()]

    def key(self) -> str:
        return hashlib.sha1(json.dumps([self.text, self.dims["font"]], ensure_ascii=False).encode()).hexdigest()[:16]


def case(seed: int) -> Case:
    text, want, layout = prose.generate(seed)
    dims = {k: str(v) for k, v in layout.dims.items()}
    dims["font"] = random.Random(seed).choice(FONTS)
    return Case(seed, text, want, dims)


def _page(c: Case) -> bytes:
    page = to_html(c.blocks, for_print=True).decode()
    style = f"p,h1{{font-size:{c.dims['font']};line-height:1.6}}"
    return page.replace("</style>", style + "</style>", 1).encode()


def render(cases: list[Case], routes: list[str], folder: Path, cache: Path = CACHE) -> dict[tuple[int, str], str]:
    """Each case's text by each route: a converter's from the cache where its key matches, else made (batched
    by tool); a file route's as sitegen's reader gives it, from the file (cached likewise)."""
    from sitegen.importer.source import read_source

    texts = [r for r in routes if r not in FILES and r != "pdf-paragraphs"]
    out = _converted(cases, sorted({*texts, "pdf"}) if "pdf-paragraphs" in routes else texts, folder, cache)
    if "pdf-paragraphs" in routes:
        out.update({(c.seed, "pdf-paragraphs"): "\n\n".join(line for line in out[c.seed, "pdf"].splitlines()
                                                            if line.strip()) for c in cases})
    files = [r for r in routes if r in FILES]
    _make_files([c for c in cases if any(not _file(c, r, cache).exists() for r in files)], files, folder, cache)
    out.update({(c.seed, r): read_source(str(_file(c, r, cache))).text for c in cases for r in files})
    return out


def _file(c: Case, route: str, cache: Path) -> Path:
    return cache / "files" / f"{c.seed}-{c.key()}-{route}.{FILES[route]}"


def _make_files(cases: list[Case], routes: list[str], folder: Path, cache: Path) -> None:
    if not cases:
        return
    (cache / "files").mkdir(parents=True, exist_ok=True)
    if "file-pdf" in routes:
        with Printer() as printer:
            for c in cases:
                printer.pdf(_page(c), _file(c, "file-pdf", cache))
    docs = [to_docx(c.blocks, folder / f"{c.seed}.docx", numbering=False) for c in cases]
    for c, doc in zip(cases, docs, strict=True):
        _file(c, "file-docx", cache).write_bytes(doc.read_bytes())
    if "file-lo-pdf" in routes:
        pdfs = office_convert(docs, "pdf", folder / "lo-files")
        for c in cases:
            _file(c, "file-lo-pdf", cache).write_bytes((pdfs / f"{c.seed}.pdf").read_bytes())


def _converted(cases: list[Case], routes: list[str], folder: Path, cache: Path) -> dict[tuple[int, str], str]:
    """Each case's text by each converter route, from the cache where its key matches, else made."""
    out: dict[tuple[int, str], str] = {}
    if not routes:
        return out
    todo = []
    for c in cases:
        entry = cache / f"{c.seed}.json"
        data = json.loads(entry.read_text(encoding="utf-8")) if entry.exists() else None
        if data and data["key"] == c.key() and all(r in data["texts"] for r in routes):
            out.update({(c.seed, r): data["texts"][r] for r in routes})
        else:
            todo.append(c)
    made: dict[int, dict[str, str]] = defaultdict(dict)
    if todo and any(r.startswith("pdf") for r in routes):
        with Printer() as printer:
            for c in todo:
                pdf = printer.pdf(_page(c), folder / f"{c.seed}.pdf")
                made[c.seed].update({"pdf": _pdftotext(pdf, ""), "pdf-raw": _pdftotext(pdf, "-raw")})
    if todo and "lo-pdf" in routes:
        docs = [to_docx(c.blocks, folder / f"{c.seed}.docx", numbering=False) for c in todo]
        pdfs = office_convert(docs, "pdf", folder / "lo")
        for c in todo:
            made[c.seed]["lo-pdf"] = _pdftotext(pdfs / f"{c.seed}.pdf", "")
    cache.mkdir(parents=True, exist_ok=True)
    for c in todo:
        texts = made[c.seed]
        (cache / f"{c.seed}.json").write_text(json.dumps({"key": c.key(), "texts": texts}, ensure_ascii=False),
                                              encoding="utf-8")
        out.update({(c.seed, r): texts[r] for r in routes})
    return out


def run_case(c: Case, text: str, site: Path) -> list[tuple[str, str]]:
    from sitegen.core.errors import SitegenError
    from sitegen.importer import import_text

    try:
        result = import_text(text, site, stem="proseconv", force=True, jurisdiction="某某县", parent="某某市")
    except SitegenError as error:
        return [("refused", str(error)[:200])]
    except Exception as error:  # a crash is a failure class of its own, counted like the rest
        return [("crash", f"{type(error).__name__}: {error}")]
    return prose.differences(c.want, list(prose.tasks_of(result.data)))


def sweep(seeds: range, routes: list[str], verbose: bool = False) -> dict[tuple[int, str], list]:
    drawn = [case(seed) for seed in seeds]
    cases = [c for c in drawn if c.dims.get("one-line") != "yes"]
    print(f"{len(drawn) - len(cases)} of {len(drawn)} seeds skipped: a notice run onto one line is a web page's "
          "text, not what a printed page gives")
    dimensions = ("route", *sorted({d for c in cases for d in c.dims}))
    result = Sweep(dimensions)
    with tempfile.TemporaryDirectory() as tmp:
        texts = render(cases, routes, Path(tmp))
        for c in cases:
            for route in routes:
                problems = run_case(c, texts[c.seed, route], Path(tmp))
                values = defaultdict(lambda: "-", {"route": route, **c.dims})
                result.add(c.seed, route, values, problems, problems[0][0] if problems else "")
    result.print(width=16, verbose=verbose, detail=lambda ps: "; ".join(f"{k}: {d}" for k, d in ps))
    return result.failures


def show(seed: int, route: str) -> None:
    c = case(seed)
    print(c.dims)
    with tempfile.TemporaryDirectory() as tmp:
        text = render([c], [route], Path(tmp))[seed, route]
        print(text)
        for kind, detail in run_case(c, text, Path(tmp)):
            print(f"  {kind}: {detail}")


def main(argv: list[str]) -> int:
    return command(argv, list(ROUTES), sweep, show, seeds=100)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
