"""A PDF -> Document: text in reading order, wrapped lines re-joined, ruled tables as tables.

Dropped: running headers and footers (a line repeated at the top or bottom of
most pages) and page numbers (— 3 —, 第3页, 3/10). A ruled table continued on
the next page is joined to its first part: a repeated header row is dropped and
a row broken by the page break is put back together.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

import pdfplumber
from pdfplumber import utils

from ...core import limits
from ...core.errors import SitegenError
from ..units import CLOSERS, OPENERS, UNIT_SUFFIX, looks_like_unit
from ..variants import compile_both
from .document import MARKER, Budget, Document, glue, join_lines

PAGE_NUMBER = re.compile(r"^[-—–_~·\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[//]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–_~·\s]*$"
                         r"|^[-—–\s]*(page\s*)?\d{1,4}(\s*of\s*\d{1,4})?[-—–\s]*$", re.I)
CLOSED = tuple("。!！?？;；)）")  # a sentence or an attribution closed
NO_LINE_START = set("，,。.、；;：:！!？?）)》」』】”’")
MAX_LINE_PITCH = 2.1  # line distance in font sizes: 公文 print 16 pt on 28-29 pt lines (1.8)
TERMINAL = tuple("。!！?？")  # a sentence ended (a colon or semicolon may end a line mid-paragraph)
# Word's tab after a list number
MARKER_GAP = re.compile(r"^(\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|"
                        r"\d{1,3}[.、．](?!\d)|[①-⑳]))\s+")
RADICALS = re.compile("[\u2329\u232a\u2e80-\u2fdf\uf900-\ufaff]")
# One glyph for two code points in Noto CJK SC (户 戶): the text layer names the traditional one
SHARED_GLYPHS = {"戶": "户"}
SIMPLIFIED_ONLY = re.compile("[们这国发为会对时说过还进经现区门长东车让认义务]")
# CJK Radicals Supplement -> the ideograph (Unicode's EquivalentUnifiedIdeograph.txt); NFKC maps only 2F00-2FDF
SUPPLEMENT = dict(zip(
    "⺌⺍⺕⺗⺘⺙⺛⺟⺠⺤⺦⺨⺪⺮⺳⺶⺷⺻⺼⺾⻃⻄⻅⻆⻈⻉⻋⻌⻏⻑⻒⻓⻔⻖⻗⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳",
    "小小彐心扌攵旡母民爫丬犭疋竹罒羊羊聿肉艹覀西见角讠贝车辶阝長镸长门阝雨青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟",
    strict=False))
LATIN_WORD = re.compile(r"([(（\[]?)([A-Za-z0-9\u00c0-\u024f.,%:/\-]+)([)）\]]?)")
SEPARATORS = re.compile(r"[\s、，,;；]+")  # between the names of a list of units
EDGE = 0.1  # headers and footers live in the top and bottom tenth of a page
# two-character words whose first character also ends unit names: a line ending in one whose next line opens
# with the word's second character was wrapped inside a name (人力资源社 / 会保障部, 区综合行 / 政执法局)
GOES_ON = compile_both("社会|社区|行政|部门|区域|乡镇|委员|委会|办公|办事|组织|联合")


@dataclass
class _Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass
class _Table:
    rows: list[list[str]]
    page: int
    top: float
    bottom: float
    cells: list[list[tuple]]  # which printed cell covers each grid position: a merged cell covers several
    # each cell's room: what its last line left to the right edge, and what its first line's first piece needs
    # (a cell the page break cut goes on where the room left did not hold the next part's first piece)
    rooms: dict[tuple, tuple[float, float]]
    columns: int = field(init=False)
    lines: list[_Line] | None = None  # a one-row table's text, read as lines unless it continues a table

    def __post_init__(self):
        self.columns = max((len(r) for r in self.rows), default=0)


def read_pdf(data: bytes, name: str) -> Document:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings are not the user's business
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception as exc:  # pdfminer raises many kinds on a damaged or encrypted file
        kind = type(exc).__name__
        if "Password" in kind or "Encrypt" in kind or "password" in str(exc).lower():
            raise SitegenError(f"{name}: is an encrypted (password-protected) PDF; "
                               "save an unprotected copy and import that") from None
        raise SitegenError(f"{name}: is a damaged PDF ({kind}: {exc}); download it again") from None
    with pdf:
        if len(pages) > limits.MAX_PDF_PAGES:
            raise SitegenError(f"{name}: has {len(pages)} pages (limit {limits.MAX_PDF_PAGES}); "
                               "is this really one notice?")
        budget = Budget(name)
        blocks: list = []
        heights: list[float] = []
        chars = unmapped = 0
        try:
            for number, page in enumerate(pages):
                page_blocks, page_chars = _page(page, number, budget)
                chars += page_chars
                unmapped += sum(1 for c in page.chars if _unmapped(c["text"]))
                blocks.append(page_blocks)
                heights.append(float(page.height))
        except SitegenError:
            raise
        except Exception as exc:
            raise SitegenError(f"{name}: is a damaged PDF ({type(exc).__name__}: {exc})") from None
    if chars < 20:
        raise SitegenError(f"{name}: has no text layer (a scan or photo of the notice); it needs OCR first "
                           "(for example: ocrmypdf -l chi_sim FILE.pdf OUT.pdf), then import OUT.pdf")
    if unmapped > chars / 2:
        raise SitegenError(f"{name}: its fonts carry no map from their glyphs to characters (the text comes out as "
                           "(cid:…) codes or private-use characters), so no text can be read from it; import the "
                           "notice's Word file or web page, or OCR the PDF first (for example: ocrmypdf "
                           "--force-ocr -l chi_sim FILE.pdf OUT.pdf)")
    flat = _drop_furniture(blocks, heights)
    flat = _join_tables(flat)
    if _simplified(flat):
        flat = [_unshare(b) for b in flat]
    document = Document(name=name)
    for block in _paragraphs(flat):
        if isinstance(block, _Table):
            document.add_table(block.rows)
        else:
            document.add_paragraph(block)
    return document


def _unmapped(text: str) -> bool:
    """A glyph pdfminer could not name: its code, or a private-use character a converter mapped it to."""
    return text.startswith("(cid:") or "\ue000" <= text[:1] <= "\uf8ff"


def _page(page, number: int, budget: Budget) -> tuple[list, int]:
    tables = []
    if page.rects or page.lines or page.curves:  # a ruled table needs rules
        for table in page.find_tables(_settings(page)):
            ruled = _ruled(table, number)
            if ruled.columns >= 2:
                budget.take(sum(len(r) for r in ruled.rows))
                tables.append(ruled)
                if len(ruled.rows) == 1:  # the rest of a row the page break cut, or a ruled line of text
                    tables[-1].lines = _text_lines(page.within_bbox(table.bbox), number)
    found = [(t.top, t.bottom) for t in tables]

    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        middle = (obj["top"] + obj["bottom"]) / 2
        return not any(top - 1 <= middle <= bottom + 1 for top, bottom in found)

    lines = _text_lines(page.filter(outside) if tables else page, number)
    budget.take(len(lines))
    blocks: list[_Line | _Table] = sorted([*lines, *tables], key=lambda b: b.top)
    return blocks, len(page.chars)


def _text_lines(page, number: int) -> list[_Line]:
    return [_Line(unradical(line["text"]), number, line["x0"], line["x1"], line["top"], line["bottom"])
            for line in page.extract_text_lines(return_chars=False) if line["text"].strip()]


def _settings(page) -> dict:
    """A row broken by the page break has no rule where the page ends: the column rules' ends stand in."""
    rules = [e for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 5]
    if not rules:
        return {}
    return {"explicit_horizontal_lines": [min(e["top"] for e in rules), max(e["bottom"] for e in rules)]}


def _ruled(table, page: int) -> _Table:
    """pdfplumber's cells on a grid: a merged cell's text in every grid position it covers; and which cell
    (page, index) covers each position."""
    cells = [tuple(c) for c in table.cells]
    texts, rooms = _cell_texts(table, cells)
    xs = sorted({round(c[0], 1) for c in cells} | {round(c[2], 1) for c in cells})
    ys = sorted({round(c[1], 1) for c in cells} | {round(c[3], 1) for c in cells})
    xs, ys = _distinct(xs), _distinct(ys)
    grid = [[""] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    covers = [[(page, -1)] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    for index, cell in enumerate(cells):
        x0, x1 = bisect_left(xs, cell[0] - 1.5), bisect_right(xs, cell[2] + 1.5) - 1
        y0, y1 = bisect_left(ys, cell[1] - 1.5), bisect_right(ys, cell[3] + 1.5) - 1
        value = texts[cell]  # its lines are joined by Document.add_table
        for r in range(max(y0, 0), min(y1, len(grid))):
            for c in range(max(x0, 0), min(x1, len(grid[r]))):
                grid[r][c] = value
                covers[r][c] = (page, index)
    return _Table(grid, page, table.bbox[1], table.bbox[3], covers,
                  {(page, cells.index(c)): room for c, room in rooms.items()})


def _cell_texts(table, cells: list[tuple]) -> tuple[dict[tuple, str], dict[tuple, tuple[float, float]]]:
    """Each cell's text, its lines apart only where the cell's text broke them (a list of units one name a
    line): a line the cell's width wrapped is joined to the next. pdfplumber breaks a cell's text at every
    printed line, and a wrapped unit name read as two names (区综合行政 / 执法局) is a unit that does not exist."""
    x0, top, x1, bottom = table.bbox
    chars = sorted((c for c in table.page.chars if x0 <= _mid(c, "x") < x1 and top <= _mid(c, "y") < bottom),
                   key=lambda c: _mid(c, "y"))
    middles = [_mid(c, "y") for c in chars]
    lines = {}
    for cell in cells:
        inside = chars[bisect_left(middles, cell[1]):bisect_left(middles, cell[3])]
        lines[cell] = _lines([c for c in inside if cell[0] <= _mid(c, "x") < cell[2]])
    # the cell padding: the least distance of a line from its cell's left rule (text is left-aligned or
    # centred; either way some line starts at the padding), the same on the right
    padding = max(0.0, min((line[0]["x0"] - cell[0] for cell in cells for line in lines[cell][:1]), default=0.0))
    texts = {cell: _joined(lines[cell], cell[2] - padding) for cell in cells}
    rooms = {c: (c[2] - padding - lines[c][-1][-1]["x1"], _needs(lines[c][0])) for c in cells if lines[c]}
    return texts, rooms


def _mid(char: dict, axis: str) -> float:
    return (char["x0"] + char["x1"]) / 2 if axis == "x" else (char["top"] + char["bottom"]) / 2


def _lines(chars: list[dict]) -> list[list[dict]]:
    """A cell's characters as its printed lines, top to bottom, each left to right."""
    clusters = utils.cluster_objects(chars, lambda c: c["top"], tolerance=3, preserve_order=False)
    return [sorted(line, key=lambda c: c["x0"]) for line in clusters]


def _joined(lines: list[list[dict]], right: float) -> str:
    """The lines' text: a line that stops short of the cell's right edge by less than the next line's first
    unbreakable piece was wrapped there (joined), any other ends where the text broke it (a line break).
    In a cell printed one name a line (no separator on any line), a line that is a unit's whole name keeps
    its break though it fills the width: the name filled its line; document.join_cell tells the names."""
    texts = [unradical(utils.extract_text(line).strip()) for line in lines]
    listed = not any(SEPARATORS.search(text) for text in texts)
    out = ""
    for line, text, after, next_text in itertools.zip_longest(lines, texts, lines[1:], texts[1:]):
        out += text
        if after is None:
            continue
        full = right - line[-1]["x1"] < _needs(after)
        if line[-1]["text"].isspace():
            out += " "  # the text wrapped at its space (a list of names apart by spaces): the space is kept
        elif full and not (listed and is_name(text, next_text)):
            out += glue(out, next_text)
        else:
            out += "\n"
    return out


def is_name(text: str, after: str = "") -> bool:
    """A line that is a unit's whole name (市发改委, 高新园(邹区镇) closed by its alias), not a piece of one
    (区综合行政, 高新园(邹区, 人力资源社 before 会保障部): `after` is the next line's text."""

    open_brackets = sum(text.count(c) for c in OPENERS) - sum(text.count(c) for c in CLOSERS)
    if len(text) < 3 or open_brackets > 0 or GOES_ON.match(text[-1] + after[:1]):
        return False
    closed = text[-1] in CLOSERS and not open_brackets and text[0] not in OPENERS
    return closed or (bool(UNIT_SUFFIX.search(text)) and looks_like_unit(text))


def _needs(line: list[dict]) -> float:
    """The room a line's first piece needed at the end of the line before it (with a little slack)."""
    return _first_piece(line) + 0.3 * _size(line[0])


def _first_piece(line: list[dict]) -> float:
    """The width of a line's first unbreakable piece: a Latin word or number, bracketed or not, or a
    character; with the punctuation that may not start a line after it."""
    word = LATIN_WORD.match("".join(c["text"] for c in line[:40]))
    end = max(1, word.end()) if word else 1  # a bracketed word too: a pinyin gloss (chǎn)
    start = end
    while end < len(line) and line[end]["text"] in NO_LINE_START:
        end += 1
    after = LATIN_WORD.match("".join(c["text"] for c in line[end:end + 40])) if end > start else None
    if after:  # no break between the punctuation and a number or word right after it (门，13个街道)
        end += after.end()
    return line[end - 1]["x1"] - line[0]["x0"]


def _size(char: dict) -> float:
    return max(char["bottom"] - char["top"], 1.0)


def unradical(text: str) -> str:
    """Kangxi radicals and compatibility ideographs -> the ideographs printed: fonts such as Noto CJK
    map glyphs shared with a radical (⼈, ⽂) to the radical's code point in the PDF's text layer."""
    return RADICALS.sub(lambda m: SUPPLEMENT.get(m.group(0)) or unicodedata.normalize("NFKC", m.group(0)), text)


def _simplified(blocks: list) -> bool:
    sample = "".join(b.text for b in blocks[:200] if isinstance(b, _Line))
    return len(SIMPLIFIED_ONLY.findall(sample)) >= 5


def _unshare(block):
    table = str.maketrans(SHARED_GLYPHS)
    if isinstance(block, _Line):
        block.text = block.text.translate(table)
    else:
        block.rows = [[c.translate(table) for c in row] for row in block.rows]
    return block


def _distinct(values: list[float]) -> list[float]:
    """Rule positions closer than 2 pt are one rule."""
    out: list[float] = []
    for v in values:
        if not out or v - out[-1] > 2:
            out.append(v)
    return out


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_furniture(pages: list[list], heights: list[float]) -> list:
    """Page numbers, and lines repeated at the top or bottom of at least half the pages.

    A bare number (3) is a page number only where the numbers of the pages form a
    sequence (page index + a constant), at most one a page: in a table printed one
    cell per line, a task's number can stand at the foot of a page too.
    """
    def edge(block, height) -> bool:
        return isinstance(block, _Line) and (block.top < height * EDGE or block.bottom > height * (1 - EDGE))

    repeated: Counter[str] = Counter()
    for blocks, height in zip(pages, heights, strict=False):
        repeated.update({_key(b.text) for b in blocks if edge(b, height)})
    running = {k for k, n in repeated.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    bare: dict[int, list] = {}
    for number, (blocks, height) in enumerate(zip(pages, heights, strict=False)):
        for b in blocks:
            if edge(b, height) and b.text.strip().isdigit():
                bare.setdefault(number, []).append(b)
    offsets = Counter(int(b.text) - n for n, found in bare.items() for b in found)
    offset, support = offsets.most_common(1)[0] if offsets else (None, 0)
    numbered = set()
    if support >= max(2, len(pages) / 2):
        for n, found in bare.items():
            found = [b for b in found if int(b.text) - n == offset]
            if found:
                numbered.add(id(max(found, key=lambda b: abs(b.top - heights[n] / 2))))
    flat = []
    for blocks, height in zip(pages, heights, strict=False):
        for b in blocks:
            if edge(b, height):
                text = b.text.strip()
                if id(b) in numbered or (not text.isdigit() and PAGE_NUMBER.match(text)) or \
                        (_key(text) in running and not text.isdigit()):
                    continue
            flat.append(b)
    return flat


def _join_tables(blocks: list) -> list:
    """A table that opens a page right after one that closed the previous page, with as many columns, continues
    it. A lone row is a ruled line of text unless a table continues it: a header at the foot of a page that had
    no room for a row under it, or the rest of a row the page break cut."""
    out: list = []
    for b in blocks:
        prev = out[-1] if out else None
        if isinstance(b, _Table) and isinstance(prev, _Table) and b.page == prev.page + 1 and \
                b.columns == prev.columns:
            _continue(prev, b)
        else:
            out.append(b)
    return [line for b in out
            for line in (b.lines if isinstance(b, _Table) and b.lines is not None and len(b.rows) == 1 else [b])]


def _continue(prev: _Table, b: _Table) -> None:
    """The table's part on the next page joined to it."""
    rows = b.rows
    repeated = 0
    while repeated < min(len(rows), len(prev.rows), 3) and rows[repeated] == prev.rows[repeated]:
        repeated += 1
    rows, cells = rows[repeated:], b.cells[repeated:]  # the header (and title) rows repeated on the new page
    if prev.lines is None or len(prev.rows) > 1:  # not a header alone: the last row may go on
        goes_on = [_goes_on(prev, b, above, below) for above, below in zip(prev.cells[-1], cells[0] if cells else [],
                                                                          strict=False)]
        broken = bool(rows) and (not rows[0][0] or _cut(prev.rows[-1], rows[0], goes_on))
        _carry_merged(prev, rows, cells)
        if broken and any(rows[0]):
            prev.rows[-1] = [_run_on(a, c, full) if c and c != a else a
                             for a, c, full in zip(prev.rows[-1], rows[0], goes_on, strict=False)]
            rows, cells = rows[1:], cells[1:]  # a row broken by the page break
    prev.rows.extend(rows)
    prev.cells.extend(cells)
    prev.page, prev.bottom = b.page, b.bottom


def _goes_on(prev: _Table, b: _Table, above: tuple, below: tuple) -> bool:
    """The cell's text on the next page goes on from its last line: that line had no room for its first piece."""
    return above in prev.rooms and below in b.rooms and prev.rooms[above][0] < b.rooms[below][1]


def _cut(last: list[str], first: list[str], goes_on: list[bool]) -> bool:
    """The first row of a table's next part is the rest of the last row the page break cut (a table with no
    number column to tell): a cell's text goes on from the last row's, and a cell whose text ended on the
    first page is empty. A row that opens with its number is a row of its own."""
    from ..columns import NUMBER_CELL

    if NUMBER_CELL.match(unicodedata.normalize("NFKC", first[0]).strip()):
        return False
    return any(on and below for on, below in zip(goes_on, first, strict=False)) and \
        any(above and not below for above, below in zip(last, first, strict=False))


def _carry_merged(prev: _Table, rows: list[list[str]], cells: list[list[tuple]]) -> None:
    """A merged cell cut by the page break: its text is printed on the first page only, and the rest of
    it opens the next page blank. An empty cell at the top of the continued part is the merged cell's
    rest where either part of it spans rows, or where the column has no other empty cell (a single empty
    cell in a column that has some is as likely an empty cell)."""
    if not rows:
        return
    for column, (value, above) in enumerate(zip(prev.rows[-1], prev.cells[-1], strict=False)):
        below = cells[0][column] if column < len(cells[0]) else None
        if below is None or rows[0][column] or not value:
            continue
        spans = (sum(row[column] == above for row in prev.cells), sum(row[column] == below for row in cells))
        blank = sum(not row[column] for row in [*prev.rows, *rows] if column < len(row))
        if max(spans) >= 2 or blank == 1:
            for row, covered in zip(rows, cells, strict=False):
                for c, cell in enumerate(covered):
                    if cell == below:
                        row[c] = value


def _run_on(before: str, after: str, full: bool) -> str:
    """A cell's text broken by the page break: the sentence runs on where the last page's line was full,
    a list one name a line goes on with its next name."""
    last = before.rsplit("\n", 1)[-1]
    if not full or (is_name(last, after) and not SEPARATORS.search(last)):
        return f"{before}\n{after}"
    return before + glue(last, after) + after


def _paragraphs(blocks: list) -> list:
    """Lines wrapped by the page width joined into their paragraph; tables passed through."""
    lines = [b for b in blocks if isinstance(b, _Line)]
    if not lines:
        return blocks
    left = _left(lines)
    right = max(line.x1 for line in lines)
    pitches = [(b.top - a.top) / a.size for a, b in itertools.pairwise(lines)
               if a.page == b.page and 0 < b.top - a.top < 3 * a.size and abs(a.size - b.size) < 1]
    # the line distance inside a paragraph, in font sizes: the tight end of the distances seen
    pitch = sorted(pitches)[len(pitches) // 5] if pitches else None
    out: list = []
    current: _Line | None = None
    text = ""
    for b in blocks:
        if isinstance(b, _Table):
            if current:
                out.append(text)
            out.append(b)
            current, text = None, ""
            continue
        if current is not None and _continues(current, b, left, right, pitch):
            text = join_lines(f"{text}\n{b.text}")
        else:
            if current is not None:
                out.append(text)
            text = MARKER_GAP.sub(r"\1", b.text)
        current = b
    if current is not None:
        out.append(text)
    return out


def _continues(a: _Line, b: _Line, left: float, right: float, pitch: float | None) -> bool:
    size = a.size
    short = right - a.x1
    if short > _room(b.text) * size or (short > 1.2 * size and a.text.rstrip().endswith(TERMINAL)):
        return False  # the line stopped short of the margin by more than the next line's first word
    centred = (abs((b.x0 + b.x1) / 2 - (left + right) / 2) < size and b.x0 > left + 2 * size and
               b.x1 < right - 2 * size and abs(b.size - size) < 0.5 and a.page == b.page)
    if b.x0 > left + 0.8 * size and not centred:
        return False  # the next line is indented (not the centred rest of a title): a new paragraph
    if MARKER.match(b.text) and (short > size or a.text.rstrip().endswith(CLOSED)):
        return False  # the next line starts a numbered item
    if a.page == b.page and pitch and (b.top - a.top) / size > pitch * 1.3:
        return False  # space between paragraphs
    if a.page == b.page and (b.top - a.top) / size > MAX_LINE_PITCH:
        return False  # further apart than lines of one paragraph ever are: every paragraph is spaced
    return b.page in (a.page, a.page + 1)


def _room(text: str) -> float:
    """How far (in font sizes) a full line may stop short of the margin when `text` follows it: the next
    line's first unbreakable piece (a number or word, bracketed or not: (GDP), a pinyin gloss (chuàng);
    a character and the punctuation that may not start a line) did not fit."""
    word = LATIN_WORD.match(text)
    if word:
        return 0.6 * len(word.group(2)) + len(word.group(1)) + len(word.group(3)) + 1.2
    return 3.0 if len(text) > 1 and text[1] in NO_LINE_START else 2.2



def _left(lines: list[_Line]) -> float:
    """The left margin: the smallest start shared by at least two lines (one stray line does not count)."""
    counts = Counter(round(line.x0) for line in lines)
    shared = [x for x, n in counts.items() if n >= 2]
    return float(min(shared) if shared else min(counts))
