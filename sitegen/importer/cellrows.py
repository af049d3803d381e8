"""One cell a line -> rows of cells, by aligning the cells with the table's columns.

In a table flattened one cell a line, empty cells vanish, a cell's text may wrap
over several short lines, a unit cell may list its units one a line, and a
separator line (a rule or a blank line) may follow each cell. Instead of telling
cells apart one case at a time, each row's lines are aligned with the columns in
their printed order (a best-cost alignment, as for two sequences): each cell goes
to the column its content fits (a number, a unit list, a name with a title, a
date, a text), columns may be skipped (an empty cell, a merged cell printed
once), and a column takes several lines in a row when they are one cell wrapped.
Where separators are drawn, the lines between two of them are one cell. A number
cell starts a row; a second text and unit cells after a row's last column are the
next row under a merged number. Rows come out full width, for the row model of
rowtable.py; a table the alignment cannot read (a cell that fits no column) is
left to the reader by cases in tables.py.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from . import attribution as attr
from .columns import NAME_START, Column, label_kind, leader_cell, looks_like_leader, unit_list_cell
from .header import ORG, SIGNATURE_DATE
from .markers import DUE_START, FOOTER_START, MARKERS, cn_to_int
from .rowtable import CONTINUED
from .text import Line
from .units import looks_like_unit, split_items
from .variants import compile_both, simplified

NUMBER = re.compile(r"^(?:\d{1,4}[.、．]?|[((]\d{1,4}[))]|[一二三四五六七八九十]{1,3})$")
HEADING_CELL = [pattern for kind, pattern in MARKERS if kind in ("part", "ordinal", "cn", "pcn")]
DEADLINE = compile_both(rf"^(?:{DUE_START})|^\d{{4}}年(底|内|末|前|以前|以内)?$")
ONGOING = compile_both(r"^(长期|持续|常态|每)")  # 持续推进 says when; 持续提升园区承载能力,加快… is a task
ONGOING_MAX = 8
DATE_INSIDE = compile_both(r"\d{1,2}月|年底|年内|年末|[一二三四]季度|上半年|下半年")
PROGRESS = compile_both(r"^(\d+(\.\d+)?%|已完成|已开工|未开工|已竣工|已完工|正在|基本完成|推进中|进行中|完成\d)")
CATEGORIES = {"主办", "协办", "牵头", "配合", "参与", "责任"}
SUB_ITEMS = "②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"  # ②… after ①…: the same cell's next sub-item, never a cell of its own
CJK = re.compile(r"[\u4e00-\u9fff]")
# a text's full stop wrapped onto a line of its own (…服务中心 / 。), a figure cut at a wrap (增长5. / 5%)
STOPS = re.compile(r"^[。，、；,;]+$|\d")
EMPTY = re.compile(r"^[/／\\—–\-－~～]{1,2}$|^无$")  # what an empty cell prints
AMOUNT = re.compile(r"^\d+(\.\d+)?%?$")  # 48414 (万元), 95%: a figure, a cell of its own
GLOSS = re.compile(r"[((][a-zü\u00c0-\u024f]+[))]")

LIST_SEPARATORS = "、,;，；"
NO = 100.0  # a cell that does not fit the column at all
CROWDED = 0.3  # a list in a lead column: costs less than any other misfit, so it only breaks ties
MAX_SPAN = 12  # lines of one cell without separators (a unit cell one name a line)
MAX_WRAP = 4  # lines of any other cell wrapped at its column's width
MAX_CHUNK = 400  # lines aligned at once (between two numbers, or a numberless table's group): linear time
# what an empty cell costs, by the column's kind: a row always has its text, nearly always its units; a
# merged number, leader or date cell is printed once, other columns are often left empty
SKIP = {"number": 2.5, "text": 8.0, "lead": 2.0, "assist": 0.8, "units": 2.0, "leader": 0.5, "deadline": 0.6}
SKIP_OTHER = 0.2
NEW_ROW = 0.5


@dataclass
class Piece:
    text: str
    lines: list[Line]
    raw: str = ""
    closed: bool = False  # a whole cell, between two separators
    names: str = ""  # a closed cell's lines read as a unit cell (a name a line, or a name wrapped)


def cell_rows(lines: list[Line], columns: list[Column], cell_text) -> list[tuple[str, list[str] | None, Line]] | None:
    """The table's body as ("row", cells, line) / ("text", None, line) / ("skip", None, line) entries, or None
    when some cell fits no column (the reader by cases takes the table then)."""
    if not columns or not any(c.kind == "text" for c in columns) or any(c.kind == "section" for c in columns):
        return None  # a 事项分类 column merged over a group's rows: the reader by cases moves it before the row
    numbered = any(c.kind == "number" for c in columns)
    body, tail = _body_and_tail(lines)
    pieces, out = _pieces(body, columns, cell_text)
    if pieces is None or any(not CJK.search(p.text) and not NUMBER.match(p.text) and not AMOUNT.match(p.text)
                             and not STOPS.search(p.text) for p in pieces):
        return None  # qū / (c / hǎ: a mirror's pinyin glosses broken over lines say nothing of their cell
    chunks, heads = _chunks(pieces, numbered)
    for chunk, before in zip(chunks, heads, strict=True):
        for piece in before:
            out.extend(("text", None, line) for line in _one_line(piece))
        if not chunk:
            continue
        rows = _align(chunk, columns, cell_text)
        if rows is None:
            return None
        out.extend(rows)
    out.extend(("text", None, line) for line in tail)
    return out


def _one_line(piece: Piece) -> list[Line]:
    first = piece.lines[0]
    return [Line(piece.text, tuple(n for line in piece.lines for n in line.nos), first.raw, first.blank_before)]


def signer(text: str) -> bool:
    """Who signs a notice above its date: a government or its office (ORG), or the office that reports on
    the tasks (县政府督查室, 市重点工作推进办: a progress report's signature after its table)."""
    return bool(ORG.match(text) or REPORTING_OFFICE.match(text))


REPORTING_OFFICE = compile_both(r"^[\u4e00-\u9fff]{2,20}(?:督查室|督查办|督办室|推进办|督查局|考评办|指挥部)$")


def _body_and_tail(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The rows, and a note or the notice's signature after them (说明:…, 注:…; 某某办公室 / 2017年3月1日)."""
    end = len(lines)
    if lines and SIGNATURE_DATE.match(lines[-1].text):
        end = len(lines) - 2 if len(lines) >= 2 and signer(lines[-2].text) else len(lines) - 1
    for i, line in enumerate(lines[:end]):
        if FOOTER_START.match(line.text):
            return lines[:i], lines[i:]
    return lines[:end], lines[end:]


def separated(lines: list[Line]) -> bool:
    """A separator after each cell: nearly every line has one before it, or every number cell has one before
    and after it (the lines of a wrapped cell have none between them)."""
    if len(lines) < 4 or (all(line.blank_before for line in lines[1:]) and not any(line.ruled for line in lines)):
        return False  # a blank line after every line (a page's paragraph spacing) parts no cell from another
    apart = sum(1 for line in lines if _apart(line))
    if apart >= 0.8 * len(lines):
        return True
    if sum(1 for line in lines if line.ruled) >= max(3, 0.3 * len(lines)):
        return True  # rules drawn between cells, the lines of a wrapped cell without: no spacing does that
    # the rows' numbers (a figure inside a wrapped cell, 4000 / 亿元, has no separator before it); a single
    # row counts where it shows its text and units apart too (three separators at least)
    numbers = [i for i, line in enumerate(lines[:-1]) if NUMBER.match(line.text) and _apart(line)]
    return bool(numbers) and (len(numbers) >= 2 or apart >= 3) and all(_apart(lines[i + 1]) for i in numbers)


def _apart(line: Line) -> bool:
    """A separator before the line: a blank line, a rule, or a | closing the cell above."""
    return line.blank_before or line.ruled


def _pieces(lines: list[Line], columns: list[Column], cell_text) -> tuple[list[Piece] | None, list]:
    """Lines -> cells: between separators when they are drawn, else one a line; a repeated header, 续表
    and page numbers set aside."""
    skipped: list = []
    labels = re.sub(r"\s", "", simplified("".join(c.name for c in columns)))
    kept: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if CONTINUED.match(line.text) and len(line.text) <= 12:
            skipped.append(("skip", None, line))
            i += 1
            continue
        end = _repeated_header(lines, i, labels)
        if end:
            skipped.extend(("skip", None, h) for h in lines[i:end])
            i = end
            continue
        if EMPTY.match(line.text):
            skipped.append(("skip", None, line))  # / or — printed in an empty cell
        else:
            kept.append(line)
        i += 1
    # a number followed by a number: the first is a page's number between rows
    kept = [line for k, line in enumerate(kept) if not (NUMBER.match(line.text) and k + 1 < len(kept)
                                                        and NUMBER.match(kept[k + 1].text))] \
        if any(c.kind == "number" for c in columns) else \
        [line for k, line in enumerate(kept) if not (NUMBER.match(line.text) and line.blank_before and (
            k + 1 == len(kept) or kept[k + 1].blank_before))]  # a page's number, set apart by blank lines
    dropped = {id(line) for line in lines} - {id(line) for line in kept} - {id(e[2]) for e in skipped}
    skipped.extend(("skip", None, line) for line in lines if id(line) in dropped)
    if separated(kept):
        pieces: list[Piece] = []
        for line in kept:
            if pieces and (not _apart(line) or line.text[:1] in SUB_ITEMS) and not _two_numbers(pieces[-1].lines, line):
                pieces[-1].lines.append(line)
            else:
                pieces.append(Piece("", [line]))
        for piece in pieces:
            piece.text, piece.raw = _glued(piece.lines, cell_text, False)
            piece.names = _glued(piece.lines, cell_text, True)[0]
            piece.closed = True
        return pieces, skipped
    return [Piece(cell_text(line.raw, line.text), [line], raw=line.raw.strip()) for line in kept], skipped


def _glued(lines: list[Line], cell_text, units: bool) -> tuple[str, str]:
    """The text of a cell printed over several lines: units one a line as a 、 list, else the lines run on
    (a text or a unit list wrapped at the column's width, its spaces kept for a list split by spaces)."""
    raw = _joined_raw([line.raw for line in lines])
    text = "".join(line.text for line in lines)
    if units:
        spaced = cell_text(raw, text)
        if spaced != text and any(line.raw[:1] in " \u3000" for line in lines[1:]):
            return spaced, raw  # names parted by spaces, one of them at a wrap (五星街道 / 南大街 / 街道 荷)
        parts = _name_lines([cell_text(line.raw, line.text) for line in lines])
        if len(parts) > 1:
            return "\n".join(parts), "\n".join(parts)
    return cell_text(raw, text), raw


def _open_bracket(text: str) -> bool:
    """各乡镇(街道 / ): a bracket the next line closes."""
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def _joined_raw(raws: list[str]) -> str:
    """Lines of one cell as printed, run on; a space at a line's edge stays one space (五星街道 / 南大街 /
    街道 荷: names parted by spaces and wrapped at the column's width keep the space that fell at the wrap)."""
    out = raws[0].strip()
    for before, raw in itertools.pairwise(raws):
        edge = raw[:1] in " \u3000" or before[-1:] in " \u3000"
        out += (" " if edge and out and raw.strip() else "") + raw.strip()
    return out


def _name_lines(texts: list[str]) -> list[str]:
    """Unit lines: a line after one that ends with a whole name starts a name of its own (水务局 / 住建局);
    after one that does not, it goes on with the name (护城河指 / 挥部), and so does a list wrapped at its
    column's width (;区 / 建委, 13个街 / 道、镇, 相关部 / 门: a separator at the break, or a name's last
    character) or inside a bracket (各乡镇 / (街道 / ))."""
    out = [texts[0]]
    for text in texts[1:]:
        goes_on = text[:1] in LIST_SEPARATORS or out[-1][-1:] in LIST_SEPARATORS or \
            len(re.split(r"[、,;，；]", text)[0]) < 2 or text[:1] in "(（)）" or _open_bracket(out[-1])
        if (_whole_unit(out[-1]) or bracketed_unit(out[-1])) and not goes_on:  # 高新园(邹区镇) / 各街道
            out.append(text)
        else:
            out[-1] += text
    return out


def _repeated_header(lines: list[Line], i: int, labels: str) -> int:
    """序号 / 工作任务 / … printed again on a new page: the end of the run of lines spelling the labels."""
    if not labels or not label_kind(lines[i].text):
        return 0
    joined, j = "", i
    while j < len(lines) and len(joined) < len(labels):
        joined += re.sub(r"\s", "", simplified(lines[j].text))
        j += 1
        if joined == labels:
            return j
        if not labels.startswith(joined):
            return 0
    return 0


def _value(number: str) -> int | None:
    return cn_to_int(number.strip("()().、． ")) or None


def _chunks(pieces: list[Piece], numbered: bool) -> tuple[list[list[Piece]], list[list[Piece]]]:
    """Pieces cut before each row's number (numbers going up, or starting again), and before a heading
    printed like one (一、… / (一)… / 第一部分) in a table without numbers; with the headings before each."""
    chunks: list[list[Piece]] = [[]]
    heads: list[list[Piece]] = [[]]
    previous: int | None = None
    for at, piece in enumerate(pieces):
        text = piece.text
        starts = numbered and NUMBER.match(text) and len(piece.lines) == 1 and _goes_up(previous, _value(text)) \
            and not _decimal_cut(text, pieces[at + 1].text if at + 1 < len(pieces) else "", previous)
        if starts:
            previous = _value(text)
            chunks.append([piece])
            heads.append([])
        elif not numbered and _heading(text):
            chunks.append([])
            heads.append([piece])
        elif numbered and not chunks[-1] and len(chunks) == 1:
            heads[-1].append(piece)  # a group heading (or text) before the first row
        else:
            chunks[-1].append(piece)
    return chunks, heads


def _decimal_cut(text: str, following: str, previous: int | None) -> bool:
    """2. / 75千米: a decimal figure cut after its point at the column's width, not the next row's number (a
    row's number goes on from the last one's; the line after it opens with its text)."""
    return text[-1:] in ".．" and following[:1].isdigit() and previous is not None \
        and _value(text) != previous + 1


def _goes_up(previous: int | None, value: int | None) -> bool:
    if previous is None or value is None:
        return True
    return value == previous or 0 < value - previous <= 30 or value == 1  # numbering may start again


def _heading(text: str) -> bool:
    return any(p.match(text) for p in HEADING_CELL) and len(text) <= 40


@functools.lru_cache(maxsize=4096)
def _whole_unit(text: str) -> bool:
    """A unit, or a list of them, whose last name is whole (县住建局, not 县住建 or 各有)."""
    last = GLOSS.sub("", re.split(r"[、,;，；]", text)[-1])
    size = len(last) >= 3 or (len(last) == 2 and last[1] in "联委办局")  # 残联, 团委 are whole; 各乡, 业服 are not
    return size and looks_like_unit(last) and unit_list_cell(text)


LEVEL_START = compile_both(r"^[省市区县州]")


def _own_name(text: str) -> bool:
    """A line that opens a unit's name of its own (区金融办 under 年度指标, 7919人): a whole name that starts
    with its level; the rest of a name wrapped at its column's width starts inside it (县自然 / 资源局)."""
    return bool(LEVEL_START.match(text)) and _whole_unit(text)


def _names_among_names(texts: list[str]) -> bool:
    """Names one a line where one the suffixes do not know stands among whole names: a name with the unit
    it is in brackets (高新园(邹区镇))."""
    return len(texts) >= 2 and any(_whole_unit(t) for t in texts) \
        and all(_whole_unit(t) or bracketed_unit(t) for t in texts)


BRACKETED = re.compile(r"^[^()]{2,}\(([^()]{2,})\)$")


def bracketed_unit(name: str) -> bool:
    """高新园(邹区镇): a name the suffixes do not know, with the unit it is in brackets."""
    m = BRACKETED.match(name)
    return m is not None and looks_like_unit(m.group(1))


@functools.lru_cache(maxsize=4096)
def _unit_piece(text: str) -> bool:
    """A line that can be part of a wrapped unit cell: short, or naming a unit (按期完成年度目标 is neither)."""
    if TOPIC.match(text) or simplified(text) in CATEGORIES:
        return False  # 民生类 / 财政部: a 类别 cell, then a unit
    if re.search(r"[“”《》。]", text):
        return False  # 优化“重点项 / 招商工作部: quotes and a full stop are a text's, never in a unit's name
    return len(GLOSS.sub("", text)) <= 6 or any(looks_like_unit(i) for i in re.split(r"[、,;，；\s]", text) if i)


# -- the alignment ---------------------------------------------------------------------------------------

def _align(chunk: list[Piece], columns: list[Column], cell_text) -> list | None:
    """The rows of a chunk (a number's row, any rows under it with the number merged, a heading after
    them) by the alignment of least cost; None when a cell fits no column."""
    n, width = len(chunk), len(columns)
    if n > MAX_CHUNK:
        return None
    inf = float("inf")
    # best[i][s]: least cost having read i pieces, s = the last column filled + 1 (0: between rows)
    best = [[inf] * (width + 1) for _ in range(n + 1)]
    back: list[list[tuple | None]] = [[None] * (width + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    fits: dict[tuple[int, int, int], tuple[float, str]] = {}
    skip = [SKIP.get(c.kind, SKIP_OTHER) if c.kind != "text" else SKIP_OTHER for c in columns]
    text_at = next(i for i, c in enumerate(columns) if c.kind == "text")
    numbered = any(c.kind == "number" for c in columns)
    # a row's text: its first text column, unless another holds it (項目 merged over rows, 建设内容 each row's)
    skip[text_at] = SKIP["text"] if sum(1 for c in columns if c.kind == "text") == 1 else 1.0
    cut = [_cut_cost(chunk, i) for i in range(n)]
    for i in range(n + 1):
        # closing a row: the columns after its last are empty
        for s in range(1, width + 1):
            if best[i][s] < inf:
                cost = best[i][s] + sum(skip[s:])
                if cost < best[i][0]:
                    best[i][0], back[i][0] = cost, ("end", i, s)
        if i == n:
            break
        if best[i][0] < inf and i > 0:  # a heading between rows
            cost = best[i][0] + _heading_cost(chunk, i, numbered)
            if cost < best[i + 1][0]:
                best[i + 1][0], back[i + 1][0] = cost, ("head", i, 0)
        for s in range(width + 1):
            if best[i][s] == inf:
                continue
            for c in range(s, width):
                if columns[c].kind == "number" and s != 0:
                    continue
                gap = sum(skip[s:c]) + (NEW_ROW if s == 0 else 0.0) + cut[i]
                span = 1 if chunk[i].closed else MAX_SPAN if columns[c].holds_units else MAX_WRAP
                for j in range(i + 1, min(n, i + span) + 1):
                    key = (i, j, c)
                    if key not in fits:
                        fits[key] = _fit(chunk[i:j], columns[c], c == text_at, cell_text, i == 0)
                    fit, _ = fits[key]
                    if fit >= NO:
                        continue
                    cost = best[i][s] + gap + fit
                    if cost < best[j][c + 1]:
                        best[j][c + 1], back[j][c + 1] = cost, ("cell", i, s, c)
    if best[n][0] == inf:
        return None
    return _rows(chunk, columns, back, fits, n)


def _rows(chunk: list[Piece], columns: list[Column], back, fits, n: int) -> list:
    steps = []
    i, s = n, 0
    while i > 0 or s != 0:
        step = back[i][s]
        if step is None:
            return None  # type: ignore[return-value]
        steps.append((step, i, s))
        if step[0] == "end":
            i, s = step[1], step[2]
        elif step[0] == "head":
            i, s = step[1], 0
        else:
            i, s = step[1], step[2]
    steps.reverse()
    out: list = []
    cells: list[str] | None = None
    lines: list[Line] = []
    number = ""
    number_at = next((k for k, c in enumerate(columns) if c.kind == "number"), None)

    def close():
        if cells is None:
            return
        merged = number_at is not None and not cells[number_at]
        if merged and out and out[-1][0] == "row" and not any(
                cells[k] for k, c in enumerate(columns) if c.holds_units or c.kind in ("leader", "deadline")):
            above = out[-1][1]  # a text after the last row's cells, with nothing of a row of its own: more of it
            last = max(k for k, cell in enumerate(above) if cell)
            above[last] += "".join(cell for cell in cells if cell)
            line = out[-1][2]
            out[-1] = ("row", above, Line(line.text + "".join(x.text for x in lines),
                                          line.nos + tuple(n for x in lines for n in x.nos), "\t".join(above)))
            return
        if merged and number_at is not None:
            cells[number_at] = number  # a row under a merged number cell
        nos = tuple(no for line in lines for no in line.nos)
        text = "".join(line.text for line in lines)
        out.append(("row", list(cells), Line(text, nos, "\t".join(cells), lines[0].blank_before)))

    for step, j, _ in steps:
        if step[0] == "cell":
            i, s, c = step[1], step[2], step[3]
            if s == 0:
                close()
                cells, lines = [""] * len(columns), []
            assert cells is not None
            cells[c] = fits[(i, j, c)][1]
            if c == number_at:
                number = cells[c]
            lines.extend(line for piece in chunk[i:j] for line in piece.lines)
        elif step[0] == "head":
            close()
            cells, lines = None, []
            out.extend(("text", None, line) for line in _one_line(chunk[step[1]]))
    close()
    return out


def _cut_cost(chunk: list[Piece], i: int) -> float:
    """A cell starting at line i where the line before is just as long and neither is a whole cell of
    its own (a unit, a date, a sentence's end): more likely one cell wrapped at its column's width."""
    if i == 0 or chunk[i].closed or chunk[i - 1].closed:
        return 0.0
    before, here = chunk[i - 1].text, chunk[i].text
    if here[:1] in "、,，;；)）。" or here[:1] in SUB_ITEMS:
        return 5.0  # 、太 / 慈城镇: a line starting with a separator goes on from the line above
    if before[-1:].isdigit() and FIGURE_GOES_ON.match(here):
        return 5.0  # 项目21 / 1个, 1160 / .04亿元: a figure cut at the column's width
    if DEADLINE.match(here) and len(here) <= 12:
        return 0.0  # …南洋中学、 / 2010年: a date cell after a text cut at its list's comma
    if before.endswith((",", "，")) or (before.endswith("、") and not _whole_unit(here)):
        return 3.0  # …完成工程量的50%, / 通惠路…: a cell broken after its comma goes on
    width = len(GLOSS.sub("", before))
    if width < 4 or width != len(GLOSS.sub("", here)) or before.endswith(("。", ";", "；")):
        return 0.0
    if any(_whole_unit(t) or DEADLINE.match(t) or NUMBER.match(t) or leader_cell(t) for t in (before, here)):
        return 0.0
    return 1.5


FIGURE_GOES_ON = re.compile(r"\d|[.．]\d|%")  # how the rest of a figure cut after a digit starts


def _heading_cost(chunk: list[Piece], i: int, numbered: bool = True) -> float:
    text = chunk[i].text
    if _heading(text):
        return 0.0
    if len(text) > 30 or text.endswith(("。", ";")) or looks_like_unit(text) or DEADLINE.match(text) \
            or NUMBER.match(text):
        return NO
    following = chunk[i + 1].text if i + 1 < len(chunk) else None
    if following is None:
        return 1.2  # the last piece before the next number: a heading or the row's last cell
    if _heading(following):
        return 3.0
    # without numbers, a group's name (稳增长 / 惠民生) stands between two rows as a cell would: a short
    # phrase that reads as no other cell (no name, unit, date or 类别 word)
    return 1.5 if not numbered and _group_name(text) else NO


def _group_name(text: str) -> bool:
    return 2 <= len(text) <= 12 and not re.search(r"[,，、;；。:：]", text) and not looks_like_leader(text) \
        and not unit_list_cell(text) and not TOPIC.match(text) and simplified(text) not in CATEGORIES \
        and not CHUNK_AMOUNT.search(text)


CHUNK_AMOUNT = re.compile(r"\d")  # a figure belongs to a task's text (新建2座…), never to a group's name


def _joined(pieces: list[Piece], units: bool, cell_text, main_text: bool = True) -> tuple[str, float]:
    """Lines of one cell: units one a line are a 、 list; a wrapped text or name goes on where it broke
    (cheaper when its lines are equally long, the last no longer: a column's width)."""
    texts = [p.text for p in pieces]
    # 48414 in a 总投资 column: a cell of its own; a rate ending a task's sentence (增长 / 5.5%) is its end
    rate = main_text and not units and re.search(r"[.%]", texts[-1]) and AMOUNT.match(texts[-1]) \
        and not any(AMOUNT.match(t) for t in texts[:-1])
    if len(texts) > 1 and any(AMOUNT.match(t) for t in texts) and not rate:
        return "", NO
    if len(texts) == 1:
        return (pieces[0].names or texts[0]) if units else texts[0], 0.0
    if any(p.closed for p in pieces) or (len(texts) > MAX_WRAP and not units):
        return "", NO  # cells the separators part are never one
    if not units and any(TOPIC.match(t) or simplified(t) in CATEGORIES for t in texts):
        return "", NO  # 发展类 / 杨宜: a 类别 word is a cell of its own, never a line of a wrapped text
    if units and (all(_whole_unit(t) for t in texts) or _names_among_names(texts)):
        return "\n".join(texts), 0.1 * (len(texts) - 1)  # one a line: rowtable.cell_units reads each alone
    if units and (not all(_unit_piece(t) for t in texts[:-1])
                  or (not _whole_unit(re.split(r"[、,;，；\s]", texts[0])[0]) and len(texts[0]) > 6)
                  or any(DEADLINE.match(t) for t in texts[1:])
                  or any(_whole_unit(re.split(r"[、,;，；\s]", t)[-1]) for t in texts[:-1])
                  or any(_own_name(t) for t in texts[1:])):
        return "", NO  # a unit list wrapped inside a name: no piece but the last ends with a whole name

    lengths = [len(GLOSS.sub("", t)) for t in texts]
    even = len(set(lengths[:-1])) == 1 and lengths[-1] <= lengths[0]
    after_comma = all(t.endswith((",", "，", "、")) for t in texts[:-1])  # …50%, / 通惠路…: broken after a comma
    if not units and not main_text and not after_comma and (not even or any(NAME_START.match(t) for t in texts[1:])):
        return "", NO  # a date or a name wraps at its column's width, and never onto a unit's name
    per = 0.3 if even else 1.0
    if not units and not main_text and not after_comma:
        per = 1.2  # a date or a name over lines: rarer than a remark in the column after it
    return cell_text(_joined_raw([line.raw for p in pieces for line in p.lines]), "".join(texts)), \
        per * (len(texts) - 1)


def _fit(pieces: list[Piece], column: Column, main_text: bool, cell_text, first: bool = True) -> tuple[float, str]:
    """How well lines fit a column as one cell (0 best, NO not at all), and the cell's text."""
    kind = column.kind
    if kind == "number":
        if len(pieces) > 1 or not NUMBER.match(pieces[0].text) or not first:
            return NO, ""  # a chunk starts with its row's number; a row under a merged number has none
        return 0.0, pieces[0].text
    text, join = _joined(pieces, column.holds_units, cell_text, main_text or column.kind == "text")
    if join >= NO or not text:
        return NO, ""
    if "\n" in text and not column.holds_units:
        return NO, ""  # names one a line are a unit cell
    if (NUMBER.match(text) and (kind != "text" or main_text)) or (any(NUMBER.match(p.text) for p in pieces)
                                                                  and kind != "text"):
        return NO, ""  # 铁路投资 / 8000 / 亿元以上: a number inside a wrapped text; 1000 in a 总投资 column
    if column.holds_units:
        listed = text.replace("\n", "、")
        parts = text.split("\n")
        if "\n" in text and not all(unit_list_cell(part) for part in parts) and not _names_among_names(parts):
            return NO, text
        ok = (unit_list_cell(listed) or attr.is_attribution(listed)) and simplified(text) not in CATEGORIES
        levels = {simplified(p.text)[:1] for p in pieces}  # 区环保局 in the 市级 column: another level's
        other = bool(column.level) and any(lv in "省市区县" and lv != (column.level or "")[:1] for lv in levels)
        broken = any(len(i) < 2 for i in re.split(r"[、,;，；\n]", listed)[:1])  # 道、镇: a name's end
        # a row short of a unit cell (the lead's merged over rows, printed once): a list of several names is
        # the 责任单位 cell, a lead cell names one as a rule
        crowded = kind == "lead" and len(split_items(listed)) >= 2
        return (join + (3.0 if other else 0.0) + (2.0 if broken else 0.0) + (CROWDED if crowded else 0.0)
                if ok else NO), text
    if kind == "leader":
        return (join if leader_cell(text) else NO), text
    if kind == "deadline":
        if DEADLINE.match(text) and not (ONGOING.match(text) and len(text) > ONGOING_MAX):
            return join, text
        return (join + 1.5 if DATE_INSIDE.search(text) and not looks_like_unit(text) else NO), text
    if kind == "category":
        if simplified(text) in CATEGORIES or TOPIC.match(text):
            return join + 0.1, text  # 主办 / 协办 (协办 ends like a unit's name: 市政府办), 民生类
        short = len(text) <= 6 and not re.search(r"[。;,、]", text) and not looks_like_unit(text)
        return (join + 0.3 if short else NO), text
    if kind == "text" and main_text:
        cost = join + (2.0 if len(text) <= 3 else 0.0) + (5.0 if TOPIC.match(text) else 0.0)
        if DEADLINE.match(text) and len(text) <= 12:
            cost += 5
        elif looks_like_leader(text):
            cost += 4
        elif unit_list_cell(text):
            cost += 3 if len(text) <= 8 else 1  # a long text may end like a name (…建设工程袁州区, …中小学校)
        return cost, text
    # progress, notes, a second text column, a section: anything that reads as no other column's
    short = len(text) <= 12 and not text.endswith(("。", ";", "；"))
    cost = join + (0.3 if (kind == "progress" and PROGRESS.match(text)) or AMOUNT.match(text)
                   else 0.4 if kind == "section" and short else 0.2 if kind == "text" else 1.0)
    if unit_list_cell(text) or DEADLINE.match(text) or leader_cell(text):
        cost += 4
    return cost, text


# -- a table printed without its header -----------------------------------------------------------------

HEADLESS_GAP = 40  # lines between two row numbers, at most
# a numbered paragraph (1.推进…, (1)加快…, 三、加强…), or an attribution in brackets on its line ([X负责])
CN_ITEM = r"[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十]{1,3}[))]"
ITEM = re.compile(rf"^(\d{{1,3}}[.、．]|[((]\d{{1,3}}[))]|[①-⑳]|{CN_ITEM})\s*\S|^[\[【〔(（].*[\]】〕)）]$")
TOPIC = compile_both(r"^[\u4e00-\u9fff]{1,4}类$")  # 民生类: a 类别 cell, not a person's name


def headless(lines: list[Line]) -> tuple[int, list[Column]] | None:
    """Where a one-cell-a-line table printed without its header starts, and its columns in the order the
    cells show them: two or more rows in a row (one after a 续表 marker, or one alone that runs to the end
    of the attachment), each a number alone on its line (going up), then cells among which a unit list;
    each row's cells classed by content (a unit list, a name with a title, a date, a 类别 word, else text)
    and the classes ordered as the rows print them. Where a separator follows each cell, the lines between
    two separators are one cell. A table without numbers: see _numberless."""
    cells, starts = _separated_cells(lines)
    numbers = [i for i, line in enumerate(cells) if NUMBER.match(line.text)]
    run: list[int] = []
    best: list[int] = []
    for k, i in enumerate(numbers):
        end = numbers[k + 1] if k + 1 < len(numbers) else min(len(cells), i + HEADLESS_GAP)
        if end == i + 1:
            continue  # a page's number right before a row's: no row of its own, and no end of the run
        ok = end - i <= HEADLESS_GAP and _row_like(cells[i + 1:end])
        if ok and run and not _goes_up(_value(cells[run[-1]].text), _value(cells[i].text)):
            ok = False
        if ok:
            run.append(i)
        else:
            if len(run) > len(best):
                best = run
            run = [i] if ok else []
    best = max(best, run, key=len)
    if not best:
        kinds = _numberless(cells)
        return (starts[0], [Column("", kind) for kind in kinds]) if kinds else None
    start = best[0]
    if len(best) < 2 and not (start and CONTINUED.match(cells[start - 1].text)) and not _last_row(cells, start):
        return None
    apart = len(cells) < len(lines)  # separators part the cells: two unit cells in a row are two columns
    # between separators a second text is a cell of its own (a 工作目标, a 备注) and stands where printed
    kinds = _kind_order([_classes(cells[i + 1:j], apart)
                         for i, j in zip(best, [*best[1:], len(cells)], strict=False)], notes_last=not apart)
    if not kinds:
        return None
    return starts[start], [Column("", "number"), *(Column("", kind) for kind in kinds)]


def _separated_cells(lines: list[Line]) -> tuple[list[Line], list[int]]:
    """The cells of lines (each cell's text, and the index of its first line): where a separator follows
    each cell, the lines between two separators (units one a line as a 、 list), else each line."""
    if not separated(lines):
        return lines, list(range(len(lines)))
    groups: list[list[Line]] = []
    starts: list[int] = []
    for i, line in enumerate(lines):
        if groups and not _apart(line) and not _two_numbers(groups[-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
            starts.append(i)
    return [_one_cell_line(group) for group in groups], starts


def _one_cell_line(group: list[Line]) -> Line:
    """A cell's lines as one (names one a line as a 、 list), joined once: linear however long the cell."""
    texts = [group[0].text]
    tail = group[0].text[-NAME_TAIL:]  # the end of the text so far: a unit's name is never longer
    for line in group[1:]:
        whole = _whole_unit(tail) or bracketed_unit(re.split(r"[、,;，；]", tail)[-1])  # 高新园(邹区镇) / 各街道
        glue = "、" if whole and looks_like_unit(line.text) else ""
        texts.append(glue + line.text)
        tail = (tail + glue + line.text)[-NAME_TAIL:]
    return Line("".join(texts), tuple(n for line in group for n in line.nos), "".join(line.raw for line in group))


NAME_TAIL = 32


def _two_numbers(above: list[Line], line: Line) -> bool:
    """A number under a number alone (a page's number, then a row's): never one cell."""
    return len(above) == 1 and bool(NUMBER.match(above[0].text)) and bool(NUMBER.match(line.text))


def _last_row(cells: list[Line], start: int) -> bool:
    """One numbered row, the last number of the attachment, with its cells to the end (an excerpt of a
    single row)."""
    return len(cells) - start <= HEADLESS_GAP and not any(NUMBER.match(c.text) for c in cells[start + 1:])


def _numberless(cells: list[Line]) -> list[str]:
    """The columns of a table without numbers and without its header: each row has one task text (a text no
    other row repeats: a repeated one is a remark, 按期完成年度目标); the cells before the first text are
    the columns printed before it, and each row runs to the next text less those cells. Two rows at least,
    every row with units; otherwise no table ([])."""
    end = next((k for k, c in enumerate(cells) if FOOTER_START.match(c.text)), len(cells))
    texts = [c.text for c in cells[:end] if not _heading(c.text)]
    if any(ITEM.match(t) or re.search("[::]", t) for t in texts):
        return []  # numbered paragraphs, label lines (责任单位:…): prose, not cells
    if sum(1 for t in texts if re.match(r"\d", t)) * 2 > len(texts):
        return []  # 108继续全面推进…教育局…: rows run together on their lines, each opened by its number
    seen: dict[str, int] = {}
    for text in texts:
        seen[text] = seen.get(text, 0) + 1
    classes: list[str] = []
    kinds = [_cell_class(text) for text in texts]
    for k, text in enumerate(texts):
        kind = kinds[k]
        # a short remark after a row's units, before the next row's text (正在推进 / 推进…)
        remark = len(text) <= 8 and k and kinds[k - 1] != "text" and kinds[k + 1:k + 2] == ["text"]
        kind = "notes" if kind == "text" and (seen[text] > 1 or remark) else kind
        if not classes or classes[-1] != kind:
            classes.append(kind)
    at = [k for k, kind in enumerate(classes) if kind == "text"]
    if len(at) < 2:
        return []
    prefix = classes[:at[0]]
    rows = []
    for k, i in enumerate(at):
        segment = classes[i + 1:at[k + 1]] if k + 1 < len(at) else classes[i + 1:]
        if prefix and k + 1 < len(at) and segment[-len(prefix):] == prefix:
            segment = segment[:-len(prefix)]
        rows.append((prefix if k == 0 else []) + ["text"] + segment)
    if sum(1 for row in rows if "units" in row) < len(rows) - 1 or any(len(row) > 8 for row in rows):
        return []
    # the cells before the first text are the columns printed before it (in every row, printed or empty);
    # a remark told by its value stands where it is printed
    order = _kind_order(rows, notes_last=False)
    return [*prefix, *(kind for kind in order if kind not in prefix)] if order else []


def _row_like(lines: list[Line]) -> bool:
    """The cells of a row: a text and a unit list (a labelled line, 责任单位:…, is a paragraph's)."""
    texts = lists_joined([line.text for line in lines if not FOOTER_START.match(line.text)])
    units = [t for t in texts if unit_list_cell(t) and not re.search("[::]", t)]
    kinds = _row_classes(texts)
    return bool(units) and "text" in kinds and "units" in kinds and len(texts) >= 2


def lists_joined(texts: list[str]) -> list[str]:
    """A unit list wrapped after its separators, one line a name (水务局、 / 住建局、 / 护城河指), as one cell."""
    out: list[str] = []
    for text in texts:
        if out and (out[-1][-1:] in LIST_SEPARATORS or text[:1] in LIST_SEPARATORS):
            out[-1] += text
        else:
            out.append(text)
    return out


def _row_classes(texts: list[str]) -> list[str]:
    """The classes of a row's cells; in a row with no text but two unit cells, a long single name is the
    text (医卫基础设施建设工程袁州区 / 慈化镇)."""
    kinds = [_cell_class(t) for t in texts]
    if "text" not in kinds and kinds.count("units") >= 2:
        long = [k for k, t in enumerate(texts) if kinds[k] == "units" and len(t) >= LONG_NAME
                and not re.search(r"[、,;，；]", BRACKETS.sub("", t))]  # 新(改、扩)建一批中小学校: one name
        if long:
            kinds[max(long, key=lambda k: len(texts[k]))] = "text"
    return kinds


LONG_NAME = 10
BRACKETS = re.compile(r"[(（][^()（）]*[)）]")


def _cell_class(text: str) -> str:
    if DEADLINE.match(text) and len(text) <= 40 and not (ONGOING.match(text) and len(text) > ONGOING_MAX):
        return "deadline"
    if TOPIC.match(text) or simplified(text) in CATEGORIES:
        return "category"
    if looks_like_leader(text):
        return "leader"
    if unit_list_cell(text) and not text.endswith(("。", ";")):
        return "units"
    return "text"


def _classes(lines: list[Line], apart: bool = False) -> list[str]:
    """A row's cells by class, a cell wrapped over lines once (text / text -> text); where separators part
    the cells (`apart`), two unit cells in a row are two (教育局 / 经开区;各街道: a lead, then the others), and
    two texts are two (a task, then its 工作目标 or 备注)."""
    texts: list[str] = []
    for line in lines:
        if FOOTER_START.match(line.text) or _heading(line.text):
            break
        texts.append(line.text)
    kinds = _row_classes(texts)
    for k, kind in enumerate(kinds):
        # the row's last line is no wrapped text's: a group's name before the next row's number (惠民生)
        near = [texts[m] for m in (k - 1, k + 1) if 0 <= m < len(texts) - (m > k) and kinds[m] in ("text", "leader")]
        if kind == "leader" and any(len(t) <= 4 for t in near):
            kinds[k] = "text"  # 實施保 / 黎路下 / 穿立交: a text wrapped a few characters a line, no names
    out: list[str] = []
    for kind in kinds:
        if not out or out[-1] != kind or (apart and kind in ("units", "text")):
            out.append(kind)
    return out


def _kind_order(rows: list[list[str]], notes_last: bool = True) -> list[str]:
    """The columns: the classes in the order most rows print them (a class before another in more rows
    comes first); a text after the row's text is a notes column (or the next row under a merged number:
    the alignment tells), two unit cells in a row are two unit columns."""
    named: list[list[str]] = []
    for row in rows:
        seen: list[str] = []
        for kind in row:
            if kind == "text" and "text" in seen:
                kind = "notes"
            if kind in ("units", "assist") and "units" in seen:
                kind = "assist"
            if kind not in seen:
                seen.append(kind)
        named.append(seen)
    kinds = list(dict.fromkeys(k for row in named for k in row))
    if "text" not in kinds or "units" not in kinds:
        return []

    def score(kind: str) -> int:  # rows printing it before another class, less rows printing it after
        return sum((row.index(kind) < row.index(other)) - (row.index(kind) > row.index(other))
                   for other in kinds for row in named if kind in row and other in row)

    return sorted(kinds, key=lambda k: -score(k) + (1000 if k == "notes" and notes_last else 0))
