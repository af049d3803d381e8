"""An OFD (GB/T 33190, China's fixed-layout format for official documents) -> Document.

An OFD is a zip of XML pages whose text objects and paths are placed in millimetres from the page's top
left, exactly as a PDF places them. Each page is drawn into a PDF (reportlab) with a font that has every
character, so the PDF reader's layout reading does the rest: reading order, running headers and page
numbers, ruled tables across page breaks (one mechanism for both fixed-layout formats). Fonts, images,
seals and annotations carry no text a notice needs and are not drawn.
"""

from __future__ import annotations

import functools
import hashlib
import io
import itertools
import math
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ...core import limits
from ...core.errors import SitegenError
from ...core.zipcheck import open_zip
from .document import Document

MM = 72 / 25.4  # OFD's unit is the millimetre, PDF's the point
DEFAULT_LINE_WIDTH = 0.353  # GB/T 33190 §9.1: a path's default stroke, in mm
PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
# command -> how many numbers it takes (GB/T 33190 table 37); C closes the figure
PATH_ARGS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
MAX_NESTING = 32  # page blocks and composite units inside one another
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Damaged(Exception):
    """A part missing or unreadable: the file is reported as damaged."""


def read_ofd(data: bytes, name: str) -> Document:
    from .pdf import read_pdf

    return read_pdf(ofd_to_pdf(data, name), name)


def ofd_to_pdf(data: bytes, name: str) -> bytes:
    """The OFD's pages drawn into a PDF: its text at its places, its paths as paths."""
    archive = open_zip(data, name)  # sizes checked before anything is unpacked
    try:
        pages = list(itertools.islice(_pages(_Package(archive)), limits.MAX_PDF_PAGES + 1))  # parsed lazily
        if len(pages) > limits.MAX_PDF_PAGES:
            raise SitegenError(f"{name}: has more than {limits.MAX_PDF_PAGES} pages; is this really one notice?")
        return _draw(pages)
    except (Damaged, etree.XMLSyntaxError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise SitegenError(f"{name}: is a damaged OFD file ({exc}); open it in an OFD reader "
                           "and save or export it again") from None


class _Package:
    """The zip's parts, located as GB/T 33190 §7.5 locates them: relative to the part that names them,
    or from the package root when they start with /."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.names = {n.lstrip("/").lower(): n for n in archive.namelist()}

    def xml(self, path: str) -> etree._Element:
        real = self.names.get(path.lstrip("/").lower())  # some writers differ in case (TPLS/Tpls)
        if real is None:
            raise Damaged(f"part {path} is missing")
        return etree.fromstring(self.archive.read(real), PARSER)

    @staticmethod
    def resolve(base: str, location: str) -> str:
        location = location.strip().replace("\\", "/")
        if location.startswith("/"):
            return posixpath.normpath(location.lstrip("/"))
        return posixpath.normpath(posixpath.join(posixpath.dirname(base), location))


@dataclass
class _Page:
    width: float  # mm
    height: float
    layers: list[etree._Element]  # templates drawn first (background), then the page's own content
    units: dict[str, etree._Element]  # composite graphic units by ID (GB/T 33190 §13): drawn where used


def _pages(package: _Package) -> Iterator[_Page]:
    root = package.xml("OFD.xml")
    for doc_root in _all(root, "DocBody/DocRoot"):
        base = package.resolve("OFD.xml", doc_root.text or "")
        document = package.xml(base)
        box = _box(_text(_first(document, "CommonData/PageArea/PhysicalBox")), (0, 0, 210, 297))
        templates = {t.get("ID", ""): package.resolve(base, t.get("BaseLoc", ""))
                     for t in _all(document, "CommonData/TemplatePage")}
        units = _units(package, base, document)
        for page in _all(document, "Pages/Page"):
            where = package.resolve(base, page.get("BaseLoc", ""))
            yield _page(package, package.xml(where), box, templates, units)


def _units(package: _Package, base: str, document: etree._Element) -> dict[str, etree._Element]:
    found = {}
    for res in _all(document, "CommonData/PublicRes") + _all(document, "CommonData/DocumentRes"):
        resources = package.xml(package.resolve(base, res.text or ""))
        for unit in _all(resources, "CompositeGraphicUnits/CompositeGraphicUnit"):
            found[unit.get("ID", "")] = unit
    return found


def _page(package: _Package, page: etree._Element, box: tuple, templates: dict[str, str],
          units: dict[str, etree._Element]) -> _Page:
    box = _box(_text(_first(page, "Area/PhysicalBox")), box)
    layers = []
    for use in _all(page, "Template"):
        where = templates.get(use.get("TemplateID", ""))
        if where:
            layers.extend(_all(package.xml(where), "Content/Layer"))
    layers.extend(_all(page, "Content/Layer"))
    return _Page(box[2], box[3], layers, units)


def _all(element: etree._Element, path: str) -> list[etree._Element]:
    """Children along a path of local names: OFD writers use more than one namespace URI (ofdspec.org,
    ofdspec.org/2016) and some none."""
    found = [element]
    for step in path.split("/"):
        found = [c for e in found for c in e if isinstance(c.tag, str) and etree.QName(c).localname == step]
    return found


def _first(element: etree._Element, path: str) -> etree._Element | None:
    found = _all(element, path)
    return found[0] if found else None


def _text(element: etree._Element | None) -> str | None:
    return element.text if element is not None else None


def _box(text: str | None, default: tuple) -> tuple:
    """x, y, width, height (mm) from an ST_Box."""
    numbers = _numbers(text)
    return tuple(numbers) if len(numbers) == 4 else default


def _numbers(text: str | None) -> list[float]:
    return [float(t) for t in (text or "").split()]


def _matrix(text: str | None) -> Matrix:
    numbers = _numbers(text)
    return (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]) if len(numbers) == 6 else IDENTITY


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _then(inner: Matrix, outer: Matrix) -> Matrix:
    """inner applied first, then outer."""
    a, b, c, d, e, f = inner
    return (*_apply((*outer[:4], 0.0, 0.0), a, b), *_apply((*outer[:4], 0.0, 0.0), c, d), *_apply(outer, e, f))


def _scale(m: Matrix) -> float:
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))


# -- drawing ------------------------------------------------------------------------------------------

def _draw(pages: list[_Page]) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pageCompression=0, invariant=1)
    for page in pages:
        pdf.setPageSize((page.width * MM, page.height * MM))
        painter = _Painter(pdf, page.units)
        # page millimetres, y down from the top -> PDF points, y up from the bottom
        to_pdf = (MM, 0.0, 0.0, -MM, 0.0, page.height * MM)
        for layer in page.layers:
            painter.objects(layer, to_pdf, depth=0)
        _write(pdf, painter.glyphs)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


class _Painter:
    """Draws one page's objects. Every object is placed by its Boundary's corner and its CTM inside the
    space of what holds it (the page, a page block, a composite unit's content); `outer` takes that space to
    the PDF's points."""

    def __init__(self, pdf, units: dict[str, etree._Element]):
        self.pdf = pdf
        self.units = units
        self.glyphs: list[_Glyph] = []  # drawn last, when each one's neighbour on its line is known

    def objects(self, container: etree._Element, outer: Matrix, depth: int) -> None:
        if depth > MAX_NESTING:  # a unit that uses itself
            raise Damaged("composite graphic units nest too deep")
        for element in container:
            if not isinstance(element.tag, str):
                continue
            kind = etree.QName(element).localname
            if kind == "PageBlock":  # a group of objects, drawn as if listed in its place
                self.objects(element, outer, depth + 1)
            elif kind in ("TextObject", "PathObject", "CompositeObject"):
                x, y, width = _box(element.get("Boundary"), (0, 0, 0, 0))[:3]
                framed = _then((1.0, 0.0, 0.0, 1.0, x, y), outer)
                placed = _then(_matrix(element.get("CTM")), framed)
                if kind == "TextObject":
                    self.text(element, placed, _apply(framed, width, 0)[0])
                elif kind == "PathObject":
                    self.path(element, placed)
                else:
                    self.composite(element, placed, depth)

    def text(self, element: etree._Element, placed: Matrix, right: float) -> None:
        """right: where the object's Boundary ends, the end of its last character's box."""
        size = float(element.get("Size") or 3.5)
        if size * _scale(placed) > 0:
            for ch, x, y in _glyphs(element, size):
                self.glyphs.append(_Glyph(ch, *_apply(placed, x, y), size * _scale(placed), right))

    def path(self, element: etree._Element, placed: Matrix) -> None:
        data = _first(element, "AbbreviatedData")
        stroke = element.get("Stroke", "true") != "false"
        fill = element.get("Fill", "false") == "true"
        if data is None or not (stroke or fill):
            return
        path = self.pdf.beginPath()
        for command, args in _commands(data.text):
            _extend(path, command, [_apply(placed, *args[i:i + 2]) for i in range(0, len(args), 2)])
        self.pdf.setLineWidth(float(element.get("LineWidth") or DEFAULT_LINE_WIDTH) * _scale(placed))
        self.pdf.drawPath(path, stroke=int(stroke), fill=int(fill))

    def composite(self, element: etree._Element, placed: Matrix, depth: int) -> None:
        unit = self.units.get(element.get("ResourceID", ""))
        content = _first(unit, "Content") if unit is not None else None
        if content is not None:
            self.objects(content, placed, depth + 1)


@dataclass
class _Glyph:
    ch: str
    x: float  # PDF points, the baseline's start
    y: float
    size: float
    right: float  # its text object's right edge


def _write(pdf, glyphs: list[_Glyph]) -> None:
    """The page's characters, each as wide as its step to the next one on its line: the gaps the layout
    reading sees (a space between words, a column's edge) are then the file's, not our font's."""
    ordered = [g for line in _lines(glyphs) for g in line]
    if not ordered:
        return
    font = _font(frozenset(g.ch for g in ordered))
    text = pdf.beginText()
    for glyph, after in zip(ordered, [*ordered[1:], None], strict=True):
        natural = glyph.size * _em(glyph.ch)
        on_line = after is not None and abs(after.y - glyph.y) < glyph.size / 2 and after.x < glyph.right
        step = after.x - glyph.x if after is not None and on_line else glyph.right - glyph.x
        text.setFont(font, glyph.size)
        # Chinese glyphs are a full size wide in every font; a Latin one is up to 0.85 of it (a wider digit
        # or capital than ours): a step past that is a gap
        width = min(step, max(natural, 0.85 * glyph.size))
        text.setHorizScale(100 * max(width / natural, 0.5) if step > 0 else 100)
        text.setTextOrigin(glyph.x, glyph.y)
        text.textOut(glyph.ch)
    pdf.drawText(text)


def _em(ch: str) -> float:
    """A character's width in sizes: Chinese and full-width forms one, the rest half."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 0.5


def _font(chars: frozenset[str]) -> str:
    """A font registered for one page's characters. reportlab keeps a font's subsets per document in the
    font object, so each page gets an object of its own (a reused one can carry a freed document's codes)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = f"sitegen-ofd-{next(_FONT_NUMBERS)}"
    pdfmetrics.registerFont(TTFont(name, io.BytesIO(_font_file(chars))))
    return name


_FONT_NUMBERS = itertools.count()


@functools.lru_cache(maxsize=16)
def _font_file(chars: frozenset[str]) -> bytes:
    """A TrueType font made for these characters (fontTools): an empty glyph of the right width for each,
    so the PDF's text layer maps every character back to itself. No installed font covers every character
    a notice prints (①-⑳, ·, •, Latin accents); the reader needs the text, not the shapes."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    ordered = sorted(chars)
    names = [".notdef", *(f"g{ord(ch):X}" for ch in ordered)]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(ch): name for ch, name in zip(ordered, names[1:], strict=True)})
    builder.setupGlyf({name: TTGlyphPen(None).glyph() for name in names})
    widths = [1000, *(round(1000 * _em(ch)) for ch in ordered)]
    builder.setupHorizontalMetrics({name: (width, 0) for name, width in zip(names, widths, strict=True)})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    # reportlab shares a face among fonts by its name: one name per character set
    face = f"sitegen-ofd-{hashlib.sha1(''.join(ordered).encode()).hexdigest()[:12]}"
    builder.setupNameTable({"familyName": face, "styleName": "Regular", "psName": face})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    data = io.BytesIO()
    builder.save(data)
    return data.getvalue()


def _lines(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Glyphs on one line (baselines apart by less than a third of the size: a Latin font's baseline
    differs a little from a Chinese one's), top to bottom, each line left to right."""
    lines: list[list[_Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: -g.y):
        if lines and abs(lines[-1][0].y - glyph.y) < glyph.size / 3:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return [sorted(line, key=lambda g: g.x) for line in lines]


def _glyphs(element: etree._Element, size: float) -> Iterator[tuple[str, float, float]]:
    """Each character with its place inside the text object: a text code starts at its X, Y (or where the
    last one left off) and steps by its DeltaX / DeltaY (GB/T 33190 §11.3, 'g N d' = N steps of d); without
    DeltaX by the character's width (a full em for Chinese, half for Latin)."""
    x = y = 0.0
    for code in _all(element, "TextCode"):
        text = code.text or ""
        x = float(code.get("X", x))
        y = float(code.get("Y", y))
        across = (_deltas(code.get("DeltaX"), len(text)) if code.get("DeltaX")
                  else [size * (0.5 if ch.isascii() else 1.0) for ch in text])
        steps = zip(across, _deltas(code.get("DeltaY"), len(text)), strict=True)
        for ch, (step_x, step_y) in zip(text, steps, strict=True):
            yield ch, x, y
            x, y = x + step_x, y + step_y


def _deltas(text: str | None, count: int) -> list[float]:
    """The steps after each of count characters; a missing step repeats the last (0 when there is none).
    Expanded only as far as the text goes, so a 'g 999999999 1' costs nothing."""
    tokens = (text or "").split()
    out: list[float] = []
    i = 0
    while i < len(tokens) and len(out) < count:
        if tokens[i] == "g" and i + 2 < len(tokens):
            out.extend([float(tokens[i + 2])] * min(int(tokens[i + 1]), count - len(out)))
            i += 3
        else:
            out.append(float(tokens[i]))
            i += 1
    return out + [out[-1] if out else 0.0] * (count - len(out))


def _commands(text: str | None) -> Iterator[tuple[str, list[float]]]:
    """AbbreviatedData as (command, its numbers); an unknown command ends the path."""
    tokens = PATH_TOKEN.findall(text or "")
    i = 0
    while i < len(tokens):
        command, count = tokens[i], PATH_ARGS.get(tokens[i])
        if count is None:
            return
        args = [float(t) for t in tokens[i + 1:i + 1 + count]]
        if len(args) < count:
            return
        # an arc's end point is where it goes: its radii, angle and flags do not move a table's rule
        yield command, args[-2:] if command == "A" else args
        i += 1 + count


def _extend(path, command: str, points: list[tuple[float, float]]) -> None:
    if command in ("S", "M"):
        path.moveTo(*points[0])
    elif command in ("L", "A"):
        path.lineTo(*points[0])
    elif command == "Q":  # a quadratic curve drawn through its control point is close enough for rules
        path.curveTo(*points[0], *points[0], *points[1])
    elif command == "B":
        path.curveTo(*points[0], *points[1], *points[2])
    elif command == "C":
        path.close()
