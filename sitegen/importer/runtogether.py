"""A table whose cells ran together with nothing between them (a PDF's text layer):
序号工作任务牵头单位配合单位完成时限 / 1加快建设数字政府市大数据局市发改委、市财政局2023年底前.

The header is split into its labels (each ends like a column's label). A row is split by what its
cells hold, in the header's order: the number (the next one, or the same again under a merged cell),
the deadline at the end (a date and what follows it, after a unit's name), a leader's name after the
units, and the units: a run of unit names at the end of the text, where a name that starts straight
after another (no 、 between) starts the next unit cell. It is split only when that reading is the one
reading: a row it cannot split leaves the table unread, and the import says so.
"""

from __future__ import annotations

import re

from .columns import is_header_row, is_number_label, label_kind, looks_like_leader
from .text import Line
from .units import UNIT_SUFFIX, looks_like_unit
from .variants import compile_both, simplified

LABEL_END = compile_both(r"(序号|编号|事项|类别|分类|部门|单位|时限|领导|内容|任务|备注|措施|目标|名称|时间|进度|项目"
                         r"|工作|节点|情况|安排|举措|主体|责任人|要求|指标|期限|类型)$")
MERGED_KINDS = ("text", "deadline", "number", "progress", "notes")  # 工作 + 任务, 时间 + 节点: one column
DATE_START = compile_both(r"^(\d{4}年)?(\d{1,2}月|年底|年内|年末|全年|长期|持续|常态|[一二三四]季度|上半年|下半年)"
                          r"|^\d{4}年(底|内|末|前)?")
NUMBER_RUN = re.compile(r"^(\d{1,4})[.、．]?")
ROW_START = re.compile(r"^\d{1,4}[.、．]?(?![\d年月日个万亿%.．])[\u4e00-\u9fff]")
HEADER_START = compile_both(r"^(序号|编号|[Nn][Oo]\.?)")  # the shapes read here start with the number's label
CELL_START = compile_both(r"^(市|区|县|省|州|各|团|相关|有关)")  # how a unit cell's first name starts
MAX_HEADER = 80
GROUP_MAX = 40
STRONG_END = compile_both(r"(局|委|办|厅|中心|公司|集团)$")  # no longer name goes on after these
SUFFIX_GOES_ON = ("会", "员会", "公室", "事处")  # …管委 / 会, …办 / 公室: the suffix is longer
BRACKET_END = re.compile(r"[(（][^()（）]*[)）]$")
RUN_TOGETHER = "a table whose cells run together"
MAX_NAME = 16
MIN_TEXT = 4
MAX_ROW = 600  # longer lines are no row of such a table: left unread, so splitting stays linear


def header_labels(text: str) -> list[str] | None:
    """The labels of a header row printed with no space between them, or None when the line is not one."""
    plain = simplified(re.sub(r"\s+", "", text))
    if len(plain) > MAX_HEADER or not plain:
        return None
    labels: list[str] = []
    kinds: list[str | None] = []
    current = ""
    for ch in plain:
        current += ch
        kind = label_kind(current)
        if kind and (LABEL_END.search(current) or is_number_label(current)):
            if labels and kind == kinds[-1] and kind in MERGED_KINDS:
                labels[-1] += current
            else:
                labels.append(current)
                kinds.append(kind)
            current = ""
    if current or len(labels) < 3 or not is_header_row(labels):
        return None
    return labels


def is_run_together_header(line: Line) -> bool:
    raw = (line.raw or line.text).strip()
    return " " not in raw and len(raw) <= MAX_HEADER and bool(HEADER_START.match(raw)) \
        and header_labels(line.text) is not None


def starts_row(text: str) -> bool:
    """1加快建设…: a row of a run-together table starts with its number, the text straight after it."""
    return bool(ROW_START.match(text))


def run_together_table(lines: list[Line], notes: list[str]) -> tuple[int, list[Line]] | None:
    """Where a run-together table starts, and its lines as TAB rows (the header first); None when there is
    none, or a row of it does not split one way only: the table is then left unread, and `notes` says so."""
    at = next((i for i, line in enumerate(lines) if is_run_together_header(line)), None)
    if at is None:
        return None
    labels = header_labels(lines[at].text)
    assert labels is not None  # (is_run_together_header)
    end = at + 1
    while end < len(lines) and (NUMBER_RUN.match(lines[end].text) or _group_row(lines, end)):
        end += 1  # the rows, each starting with its number, and group rows between them
    rows = split_rows(lines[at:end], labels, notes)
    return (at, rows + lines[end:]) if rows is not None else None


def split_rows(lines: list[Line], labels: list[str], notes: list[str]) -> list[Line] | None:
    """The rows after a run-together header as TAB rows (the header first), or None when a row does not
    split one way only."""
    kinds = [label_kind(label) or "text" for label in labels]
    out = [Line(lines[0].text, lines[0].nos, "\t".join(labels), lines[0].blank_before)]
    previous: int | None = None
    for line in lines[1:]:
        if not NUMBER_RUN.match(line.text):
            out.append(line)  # a group row (打造区域教育高地) between the rows
            continue
        cells = split_row(line.text, kinds, previous)
        if cells is None:
            notes.append(f"{RUN_TOGETHER} (line {lines[0].nos[0]}: {'/'.join(labels)}) was left unread: "
                         f"line {line.nos[0]} ({line.text[:20]}…) does not split into those columns one way only; "
                         "put a TAB or two spaces between its cells")
            return None
        previous = int(cells[kinds.index("number")]) if "number" in kinds else None
        out.append(Line(line.text, line.nos, "\t".join(cells), line.blank_before))
    return out if any("\t" in line.raw for line in out[1:]) else None


def _group_row(lines: list[Line], at: int) -> bool:
    """A short line with a row after it: a group row of the table, not the text after it."""
    return len(lines[at].text) <= GROUP_MAX and at + 1 < len(lines) and bool(NUMBER_RUN.match(lines[at + 1].text))


def split_row(text: str, kinds: list[str], previous: int | None) -> list[str] | None:
    """The cells of one run-together row, in the header's order; None where its content is ambiguous."""
    if len(text) > MAX_ROW:
        return None
    order = [k for k in kinds if k not in ("progress", "notes")]
    units = [i for i, k in enumerate(kinds) if k in ("lead", "units", "assist")]
    if order[:2] != ["number", "text"] or not units or len(order) != len(kinds):
        return None  # the shapes this reads: 序号, the text, the units, then a leader and a deadline
    tail = order[2 + len(units):]
    if order[2:2 + len(units)] != [kinds[i] for i in units] or tail not in ([], ["deadline"], ["leader"],
                                                                         ["leader", "deadline"]):
        return None
    number, rest = _number(text, previous)
    if number is None:
        return None
    deadline = leader = ""
    if tail and tail[-1] == "deadline":
        rest, deadline = _deadline(rest, "leader" in tail)
        if not deadline:
            return None
    if "leader" in tail:
        rest, leader = _leader(rest)
        if not leader:
            return None
    found = _units(rest, len(units))
    if found is None:
        return None
    body, unit_cells = found
    cells = [number, body, *unit_cells, *([""] * (len(units) - len(unit_cells)))]
    if "leader" in tail:
        cells.append(leader)
    if tail and tail[-1] == "deadline":
        cells.append(deadline)
    return cells


def _number(text: str, previous: int | None) -> tuple[str | None, str]:
    m = NUMBER_RUN.match(text)
    if not m:
        return None, text
    digits = m.group(1)
    if previous is not None:  # 1113-6岁…: the row's number is the next one (or the same, a merged cell)
        for size in range(1, len(digits) + 1):
            if int(digits[:size]) in (previous + 1, previous):
                after = text[size:]
                return digits[:size], after[1:] if after[:1] in ".、．" else after
        return None, text
    return (digits, text[m.end():]) if len(digits) <= 2 else (None, text)


def _deadline(text: str, leader: bool) -> tuple[str, str]:
    """The deadline at the end: from the first date that follows a unit's name (or a leader's after it)."""
    for at in range(MIN_TEXT, len(text)):
        if DATE_START.match(text[at:]) and (UNIT_SUFFIX.search(text[:at]) or (leader and any(
                looks_like_leader(text[at - size:at]) and UNIT_SUFFIX.search(text[:at - size]) for size in (2, 3)))):
            return text[:at], text[at:]
    return text, ""


def _leader(text: str) -> tuple[str, str]:
    """A leader's name after the units: two or three characters; both fitting is no reading."""
    fits = [size for size in (2, 3) if len(text) > size and looks_like_leader(text[-size:])
            and UNIT_SUFFIX.search(text[:-size]) and looks_like_unit(_last_name(text[:-size]))]
    return (text[:-fits[0]], text[-fits[0]:]) if len(fits) == 1 else (text, "")


def _last_name(text: str) -> str:
    return re.split(r"[、,]", text)[-1][-MAX_NAME:]


def _units(text: str, columns: int) -> tuple[str, list[str]] | None:
    """Where the text ends and its unit cells start: the first place from which the rest reads as unit
    names, the first starting with a level (市…, 区…, 县…) or 各…; a name right after another starts a
    new cell, so the cells are no more than the unit columns."""
    for at in range(MIN_TEXT, len(text) - 1):
        if CELL_START.match(text[at:]):
            cells = _unit_cells(text[at:])
            first = len(cells[0].split("、")[0]) if cells else 0
            if cells is not None and len(cells) <= columns and not _starts_inside(text, at, first):
                # a text ending in a list (…澧浦镇、) or like a unit (…教育局经开区) may hold units that did
                # not read: no one place to split
                return (text[:at], cells) if not _unit_tail(text[:at]) else None
    return None


def _unit_tail(text: str) -> bool:
    if text.endswith(("、", ",")):
        return True
    return any(UNIT_SUFFIX.search(text[-size:]) and looks_like_unit(text[-size:]) and not text.endswith("政府")
               for size in range(2, 7))  # 建设数字政府: a task's word, not a unit


def _starts_inside(text: str, at: int, size: int) -> bool:
    """区段综合治理县水务局: a first name holding the start of a reading of its own is the text's end and a
    name, not one name."""
    return any(CELL_START.match(text[inner:]) and _unit_cells(text[inner:]) is not None
               for inner in range(at + 1, at + size))


def _unit_cells(text: str) -> list[str] | None:
    cells: list[str] = []
    current = ""
    at = 0
    while at < len(text):
        if text[at] in "、,":
            if not current or current.endswith(("、", ",")):
                return None
            current += text[at]
            at += 1
            continue
        size = _name_at(text, at, after_separator=current.endswith(("、", ",")))
        if size is None:
            return None
        if current and not current.endswith(("、", ",")):
            cells.append(current)  # a name straight after another: the next cell
            current = ""
        current += text[at:at + size]
        at += size
    if current.endswith(("、", ",")):
        return None
    return [*cells, current] if current else cells


def _name_at(text: str, at: int, after_separator: bool) -> int | None:
    """The length of the unit name at `at`: the shortest that ends like a unit and is followed by the
    end, a 、, or the start of another name; a name after no 、 must start with its level or 各."""
    if not after_separator and not CELL_START.match(text[at:]):
        return None
    whole_inside = False
    for size in range(2, min(MAX_NAME, len(text) - at) + 1):
        name = text[at:at + size]
        if whole_inside:
            return None  # 区教体局东孝街道: a whole name, then more with nothing between: no one reading
        whole_inside = size >= 3 and bool(STRONG_END.search(name)) and looks_like_unit(name) \
            and not text[at + size:].startswith(SUFFIX_GOES_ON)
        rest = text[at + size:]
        bare = BRACKET_END.sub("", name)  # 各乡镇(街道): the suffix stands before the bracket
        if bare and UNIT_SUFFIX.search(bare) and looks_like_unit(name) and \
                (not rest or rest[0] in "、," or CELL_START.match(rest)):
            return size
    return None
