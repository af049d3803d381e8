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
from .text import Line, paren_depth
from .units import NOT_A_NAME, UNIT_SUFFIX, looks_like_unit
from .variants import compile_both, simplified

LABEL_END = compile_both(r"(序号|编号|事项|类别|分类|部门|单位|时限|领导|内容|任务|备注|措施|目标|名称|时间|进度|项目"
                         r"|工作|节点|情况|安排|举措|主体|责任人|负责人|联系人|总投资|要求|指标|期限|类型)$")
MERGED_KINDS = ("text", "deadline", "number", "progress", "notes")  # 工作 + 任务, 时间 + 节点: one column
DATE_START = compile_both(r"^(\d{4}年)?(\d{1,2}月|年底|年内|年末|全年|长期|持续|常态|[一二三四]季度|上半年|下半年)"
                          r"|^\d{4}年(底|内|末|前)?")
NUMBER_RUN = re.compile(r"^(\d{1,4})[.、．]?")
ROW_START = re.compile(r"^\d{1,4}[.、．]?(?![\d年月日个万亿%.．])[\u4e00-\u9fff]")
HEADER_START = compile_both(r"^(序号|编号|[Nn][Oo]\.?)")  # the shapes read here start with the number's label
# how a unit cell's first name starts (…领导小组各成员单位: the group's members, one name with it)
CELL_START = compile_both(r"^(市|区|县|省|州|各(?!成员)|团|相关|有关)")
FIRST_START = compile_both(r"^(镇|乡|街道)")  # a cell's first name may be the towns (镇(街道)、区委组织部…)
MAX_HEADER = 80
GROUP_MAX = 40
STRONG_END = compile_both(r"(局|委|办|厅|中心|公司|集团)$")  # no longer name goes on after these
SUFFIX_GOES_ON = ("会", "员会", "公室", "事处")  # …管委 / 会, …办 / 公室: the suffix is longer
BRACKET_END = re.compile(r"[(（][^()（）]*[)）]$")
# a bracket of levels inside a collective's name (各区(市)县政府, 各县(市、区)政府): the name goes on after it
LEVEL_BRACKET_END = re.compile(r"[(（][市区县旗、]+[)）]$")
# what a unit cell prints after a name and is no name: 等 (部门), or the remark that each is responsible
# (市文广旅局等部门,各区…; 区委组织部等按职责分工负责)
_TAIL = r"(等(有关|相关)?(部门|单位)?(按职责分工负责|分别负责)?|按职责分工负责|分别负责)"
NAME_TAIL = compile_both(_TAIL)
NAME_TAIL_END = compile_both(_TAIL + "$")
COLLECTIVE_NAME = compile_both(r"(有关|相关|各)(部门|单位)$")  # 省直有关部门: a name no unit's suffix ends
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
            for piece in _unknown_label_apart(current, kind):
                piece_kind = label_kind(piece)
                if labels and piece_kind == kinds[-1] and piece_kind in MERGED_KINDS:
                    labels[-1] += piece
                else:
                    labels.append(piece)
                    kinds.append(piece_kind)
            current = ""
    if current or len(labels) < 3 or not is_header_row(labels):
        return None
    return labels


UNKNOWN_LABEL_MIN = 3  # a label no word tells (民生实事) is this long at least; 完成 of 完成时限 is shorter
KNOWN_LABEL_MIN = 4  # and the label after it says its kind in a word and more (完成时间, 实施单位)


# who the label's column belongs to (区政府分管领导, 市级牵头单位, 县委责任部门): part of the label, no column
QUALIFIER = compile_both(r"(政府|级|党委|[省市县区乡镇委局办])$")


def _unknown_label_apart(current: str, kind: str) -> list[str]:
    """民生实事完成时间: a label no word tells (the task's column, named after the notice's kind of tasks) run into
    the next label, which closed it: the two labels, the first one a column of its own; else the label."""
    for at in range(len(current) - KNOWN_LABEL_MIN, UNKNOWN_LABEL_MIN - 1, -1):  # the shortest label after it
        head, rest = current[:at], current[at:]
        if label_kind(rest) == kind and LABEL_END.search(rest) and not QUALIFIER.search(head) and not any(
                label_kind(head[:k]) for k in range(2, len(head) + 1)):
            return [head, rest]
    return [current]


def is_run_together_header(line: Line) -> bool:
    raw = (line.raw or line.text).strip()
    return " " not in raw and len(raw) <= MAX_HEADER and bool(HEADER_START.match(raw)) \
        and header_labels(line.text) is not None


def starts_row(text: str) -> bool:
    """1加快建设…: a row of a run-together table starts with its number, the text straight after it; its header
    starts a line too."""
    return bool(ROW_START.match(text)) or (bool(HEADER_START.match(text)) and header_labels(text) is not None)


def run_together_table(lines: list[Line], notes: list[str]) -> tuple[int, list[Line]] | None:
    """Where a run-together table starts, and the lines with its lines as TAB rows (the header first); None when
    there is none, or a row of it does not split one way only: the table is then left unread, and `notes` says so."""
    at = next((i for i, line in enumerate(lines) if is_run_together_header(line)), None)
    if at is None:
        return spaced_header_table(lines)
    labels = header_labels(lines[at].text)
    assert labels is not None  # (is_run_together_header)
    end = at + 1
    while end < len(lines) and (NUMBER_RUN.match(lines[end].text) or _group_row(lines, end)):
        end += 1  # the rows, each starting with its number, and group rows between them
    if end == len(lines) and (end - at > 3 or (end - at == 3 and _short_of_cells(lines[-1].text, labels))) \
            and _cut_off(lines[-1].text, labels):
        end -= 1  # the text stops inside its last row (a preview's end): the row stays text after the table
        notes.append(f"{RUN_TOGETHER}: its last row (line {lines[-1].nos[0]}: {lines[-1].text[:20]}…) does not split "
                     "into the columns and ends the text; it was read as text, not as a task")
    rows = split_rows(lines[at:end], labels, notes)
    return (at, lines[:at] + rows + lines[end:]) if rows is not None else None


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
        rows = row_cells(line.text, kinds, previous)
        if rows is None:
            notes.append(f"{RUN_TOGETHER} (line {lines[0].nos[0]}: {'/'.join(labels)}) was left unread: "
                         f"line {line.nos[0]} ({line.text[:20]}…) does not split into those columns one way only; "
                         "put a TAB or two spaces between its cells")
            return None
        previous = int(rows[0][kinds.index("number")]) if "number" in kinds else None
        out.extend(Line(line.text if i == 0 else cells[1], line.nos, "\t".join(cells), line.blank_before and i == 0)
                   for i, cells in enumerate(rows))
    return out if any("\t" in line.raw for line in out[1:]) else None


# A header of labels a space apart ending a line, after the attachment's title and without 序号 (a document-sharing
# site's text of a file: …分工方案 主要任务 建设重点 牵头部门 配合部门), over group rows (一、… / (一)…) and numbered
# rows whose cells a space or nothing parts (1、推进….省科技厅 省直有关部门,长沙市、株洲市政府): the rows are read as
# above; the table ends before the first line that is neither a group row nor a row that splits (the text's cut end).
ENDING_LABELS_MAX = 6  # labels a header ending a line may hold
ENDING_LABEL_SIZE = 8  # and the size of each
GROUP_HEADING = compile_both(r"^([一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十]{1,3}[))])")


def header_ending(raw: str) -> tuple[str, list[str]] | None:
    """The text before a header of spaced labels that ends the line, and the labels; None when the line ends in no
    such header (three labels at least, one of them a column of units)."""
    words = raw.split()
    labels: list[str] = []
    while words and len(labels) < ENDING_LABELS_MAX and len(words[-1]) <= ENDING_LABEL_SIZE \
            and label_kind(words[-1]) is not None:
        labels.insert(0, words.pop())
    if len(labels) < 3 or not any(label_kind(label) in ("lead", "units", "assist") for label in labels) \
            or not is_header_row(labels):
        return None
    return " ".join(words), labels


def spaced_header_table(lines: list[Line]) -> tuple[int, list[Line]] | None:
    """Where a table under a header ending a line starts (the header, after the text before it on its line), and
    the lines with its lines as TAB rows (the header first); None when no such header has two rows after it."""
    for at, line in enumerate(lines):
        found = header_ending(line.raw or line.text)
        if found is None:
            continue
        before, labels = found
        columns = _columns(labels)
        rows = _spaced_rows(lines, at + 1, [label_kind(label) or "text" for label in columns])
        if rows is None:
            continue
        header = Line(" ".join(labels), line.nos, "\t".join(columns), line.blank_before)
        head = [Line(before, line.nos, before, line.blank_before)] if before else []
        return at + len(head), [*lines[:at], *head, header, *rows[0], *lines[at + 1 + rows[1]:]]
    return None


def _columns(labels: list[str]) -> list[str]:
    """The header's columns: 序号 first (each row starts with its number), labels of the task's text one column."""
    columns = ["序号"]
    for label in labels:
        if label_kind(label) == "text" and label_kind(columns[-1]) == "text":
            columns[-1] += label
        else:
            columns.append(label)
    return columns


def _spaced_rows(lines: list[Line], start: int, kinds: list[str]) -> tuple[list[Line], int] | None:
    """The group rows and rows after the header as TAB rows, and how many lines they took; None when fewer than
    two rows split."""
    out: list[Line] = []
    taken = 0
    previous: int | None = None
    for line in lines[start:]:
        if GROUP_HEADING.match(line.text) and len(line.text) <= GROUP_MAX:
            out.append(line)
            continue
        text = re.sub(r"\s+", "", line.text)  # the spaces a cell ended at: the split goes by the names
        cells = split_row(text, kinds, previous) if NUMBER_RUN.match(text) else None
        if cells is None:
            break
        previous = int(cells[0])
        out.append(Line(line.text, line.nos, "\t".join(cells), line.blank_before))
        taken = len(out)
    rows = out[:taken]  # group rows after the last row belong to the text after the table
    return (rows, taken) if sum(1 for row in rows if "\t" in row.raw) >= 2 else None


def _cut_off(text: str, labels: list[str]) -> bool:
    """The text's last line, a row that does not split and ends inside a sentence: the text was cut there."""
    kinds = [label_kind(label) or "text" for label in labels]
    return not text.endswith(("。", ";")) and row_cells(text, kinds, None) is None


def _short_of_cells(text: str, labels: list[str]) -> bool:
    """A row cut inside its cells: an open bracket or a list going on at its end, or no date where the header
    ends with the deadline (…镇(街道)): one whole row above it is then enough to read the table."""
    kinds = [label_kind(label) or "text" for label in labels]
    return text.endswith(("、", ",")) or paren_depth(text) > 0 or \
        (kinds[-1] == "deadline" and not _deadline(text, "leader" in kinds)[1])


def _group_row(lines: list[Line], at: int) -> bool:
    """A short line with a row after it: a group row of the table, not the text after it."""
    return len(lines[at].text) <= GROUP_MAX and at + 1 < len(lines) and bool(NUMBER_RUN.match(lines[at + 1].text))


def row_cells(text: str, kinds: list[str], previous: int | None) -> list[list[str]] | None:
    """The rows one numbered run-together row holds (more than one under a merged number cell), each its
    cells in the header's order; None where its content is ambiguous."""
    cells = split_row(text, kinds, previous)
    return [cells] if cells is not None else _leader_first_rows(text, kinds, previous)


def split_row(text: str, kinds: list[str], previous: int | None) -> list[str] | None:
    """The cells of one run-together row, in the header's order; None where its content is ambiguous."""
    if len(text) > MAX_ROW:
        return None
    remark = kinds[-1:] == ["notes"] and len(kinds) > 1  # 备注 last: empty in the rows (a remark would read as units)
    if remark:
        cells = split_row(text, kinds[:-1], previous)
        return [*cells, ""] if cells is not None else None
    if kinds[2:3] == ["deadline"] and kinds[:2] == ["number", "text"] and "deadline" not in kinds[3:]:
        cells = split_row(text, kinds[:2] + kinds[3:], previous)  # 完成时间 before the units: the text's end
        dated = _dated_end(cells[1]) if cells is not None else None
        return [cells[0], *dated, *cells[2:]] if cells is not None and dated is not None else None
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


DEADLINE_CELL_MAX = 16  # 2023年12月底前, 2023年6月底前完成, 长期坚持: a deadline cell is short


def _dated_end(body: str) -> list[str] | None:
    """新建…900个。2023年12月底前: the text and the deadline cell printed after it (a date after the text's last
    sentence, the rest of the body); None where no date ends the body after a sentence's end."""
    for at in range(MIN_TEXT, len(body)):
        rest = body[at:]
        if body[at - 1] in SENTENCE_END + "；" and DATE_START.match(rest) and len(rest) <= DEADLINE_CELL_MAX \
                and not re.search(r"[。;,，]", rest):
            return [body[:at], rest]
    return None


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
        if DATE_START.match(text[at:]) and (UNIT_SUFFIX.search(_tail_dropped(text[:at])) or (leader and any(
                looks_like_leader(text[at - size:at]) and UNIT_SUFFIX.search(text[:at - size]) for size in (2, 3)))):
            return text[:at], text[at:]
    return text, ""


def _tail_dropped(text: str) -> str:
    """区委组织部等按职责分工负责: the units' text without what follows the last name."""
    tail = NAME_TAIL_END.search(text)
    return text[:tail.start()] if tail else text


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
        if CELL_START.match(text[at:]) or FIRST_START.match(text[at:]):
            cells = _unit_cells(text[at:])
            first = len(cells[0].split("、")[0]) if cells else 0
            cells = _folded(cells, columns)
            if cells is not None and (text[at - 1] in SENTENCE_END or not _starts_inside(text, at, first)):
                # a text ending in a list (…澧浦镇、) or like a unit (…教育局经开区) may hold units that did
                # not read: no one place to split
                return (text[:at], cells) if not _unit_tail(text[:at]) else None
    return None


SENTENCE_END = "。.;"  # the text ended a sentence: the name after it is whole (…试验区建设.省两型试验区管委会)


def _folded(cells: list[str] | None, columns: int) -> list[str] | None:
    """市发展改革委市经贸委市规划建设局、市统计局: more names run together than unit columns — the single names
    before the cells that fit are the first cell's (a cell printed a name a line); None when they are lists."""
    if cells is None or len(cells) <= columns:
        return cells
    extra = len(cells) - columns + 1
    if any("、" in cell or "," in cell for cell in cells[:extra]):
        return None
    return ["、".join(cells[:extra]), *cells[extra:]]


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
        tail = NAME_TAIL.match(text, at)
        if tail and (tail.end() == len(text) or text[tail.end()] in "、,"):
            current += tail.group()  # 等部门, 按职责分工负责: the unit list's reader drops it
            at = tail.end()
    if current.endswith(("、", ",")):
        return None
    return [*cells, current] if current else cells


def _name_at(text: str, at: int, after_separator: bool) -> int | None:
    """The length of the unit name at `at`: the shortest that ends like a unit and is followed by the
    end, a 、, or the start of another name; a name after no 、 must start with its level or 各."""
    if not after_separator and not CELL_START.match(text[at:]) and not (at == 0 and FIRST_START.match(text)):
        return None
    whole_inside = False
    for size in range(2, min(MAX_NAME, len(text) - at) + 1):
        name = text[at:at + size]
        if whole_inside:
            return None  # 区教体局东孝街道: a whole name, then more with nothing between: no one reading
        rest = text[at + size:]
        whole_inside = size >= 3 and bool(STRONG_END.search(name)) and looks_like_unit(name) \
            and not rest.startswith(SUFFIX_GOES_ON) and not paren_depth(name) > 0  # 市委某部(市某办: not yet
        bare = BRACKET_END.sub("", name)  # 各乡镇(街道): the suffix stands before the bracket
        if bare and (UNIT_SUFFIX.search(bare) or COLLECTIVE_NAME.search(bare)) and looks_like_unit(name) and \
                (not rest or rest[0] in "、," or NAME_TAIL.match(rest)
                 or (CELL_START.match(rest) and not LEVEL_BRACKET_END.search(name))):
            return size
    return None


# A table run into one paragraph with its header (a document-sharing site's text of a file: …分解表序号项目名称
# 牵头单位配合单位1增加教育资源供给…。教育局经开区2促进就业…): the header, each group row (一、主要发展指标) and
# each row stand as lines of their own, then read as above.
HEADER_INSIDE = compile_both(r"序号|编号")
PARAGRAPH_MIN = 40  # a paragraph holding a header and two rows at least
# where a row's last cell may end, besides a unit's name
CELL_END = compile_both(r"(。|;|\)|年底|年内|年末|前|月|底|全年|长期|常态|持续推进)$")
GROUP_OPEN = compile_both(r"[一二三四五六七八九十]{1,3}、")
PAGE_MARK_INSIDE = re.compile(r"[-—–－]{1,2}\s?(\d{1,3})\s?[-—–－]{1,2}")
CANDIDATES = 4  # places tried for a row's end: a bounded search keeps the split linear


# A document-sharing site's preview prints the file's text in chunks of a fixed size, each opened by its page's
# number (1、…300 characters… / 2、…): a chunk cuts a word or a name (市商务局,市 / 2、住建局), so a table's paragraph
# runs on over the chunks, their numbers dropped.
PAGE_CHUNK = re.compile(r"^(\d{1,2})、")
CHUNK_MIN = 200  # a chunk's size (a numbered paragraph is seldom this long and ends a sentence)
SENTENCE_ENDS = "。;;!!??::"


def tables_apart(lines: list[Line]) -> list[Line]:
    """The lines, each holding a run-together table inside a paragraph split into the text before the
    table, the header and the table's rows; a line whose table does not split row by row stays as it was."""
    out: list[Line] = []
    for line in _page_chunks_joined(lines):
        pieces = _table_pieces(line.text, line.raw or line.text) if len(line.text) >= PARAGRAPH_MIN else None
        out.extend(Line(p, line.nos, p, line.blank_before and i == 0) for i, p in enumerate(pieces)) \
            if pieces else out.append(line)
    return out


def _page_chunks_joined(lines: list[Line]) -> list[Line]:
    """A preview's chunks (1、… 2、… 3、…, each but the last a chunk's size, cut inside a sentence) as one line,
    where the first holds a table's header."""
    out: list[Line] = []
    at = 0
    while at < len(lines):
        end = at + 1
        if _chunk_number(lines[at]) == 1 and HEADER_INSIDE.search(lines[at].text):
            while end < len(lines) and _chunk_number(lines[end]) == end - at + 1 and _cut_chunk(lines[end - 1]):
                end += 1
        if end - at < 2:
            out.append(lines[at])
        else:
            texts = [PAGE_CHUNK.sub("", line.text) for line in lines[at:end]]
            nos = tuple(n for line in lines[at:end] for n in line.nos)
            out.append(Line("".join(texts), nos, "".join(texts), lines[at].blank_before))
        at = end
    return out


def _chunk_number(line: Line) -> int | None:
    m = PAGE_CHUNK.match(line.text)
    return int(m.group(1)) if m else None


def _cut_chunk(line: Line) -> bool:
    return len(line.text) >= CHUNK_MIN and line.text.rstrip()[-1:] not in SENTENCE_ENDS


def _table_pieces(text: str, raw: str) -> list[str] | None:
    """The pieces of a paragraph holding a run-together table; None when it holds none. A header printed with
    spaces or TABs between its labels is another reader's (a table in spaces run onto one line). Only the first
    header is tried (its rows run to the paragraph's end), so the split stays linear."""
    text = page_marks_dropped(text)
    for m in HEADER_INSIDE.finditer(text):
        found = _header_at(text, m.start())
        if found is not None:
            labels, end = found
            rows = _rows(text[end:], text[m.start():end], labels) if text[m.start():end] in raw else None
            return [*([text[:m.start()]] if m.start() else []), text[m.start():end], *rows] if rows else None
    return None


def _header_at(text: str, at: int) -> tuple[list[str], int] | None:
    """The header's labels and where it ends: the first row (1…) or group row (一、…) follows it."""
    for end in range(at + 6, min(len(text), at + MAX_HEADER) + 1):
        rest = text[end:end + 3]
        if (rest.startswith("1") and starts_row(rest + "一")) or GROUP_OPEN.match(rest):
            labels = header_labels(text[at:end])
            if labels is not None:
                return labels, end
    return None


def page_marks_dropped(text: str) -> str:
    """—1— … —2— …: page numbers printed inside a paragraph, in order from 1 (or from the first), are dropped; the
    text on either side runs on."""
    marks = list(PAGE_MARK_INSIDE.finditer(text))
    numbers = [int(m.group(1)) for m in marks]
    if not marks or numbers != list(range(numbers[0], numbers[0] + len(numbers))) or \
            (len(marks) == 1 and marks[0].start() > 0):
        return text
    return PAGE_MARK_INSIDE.sub("", text)


def _rows(text: str, header: str, labels: list[str]) -> list[str] | None:
    """The rows (and group rows) of a run-together table, each cut where the next number follows a place a
    cell can end (。, a unit's name, a date) and the row before it splits into the columns; the text after the
    last row that splits is a line of its own. None when fewer than two rows split."""
    kinds = [label_kind(label) or "text" for label in labels]
    text = text.replace(header, "")  # the header printed again at the top of a page
    rows: list[str] = []
    number, at = 1, 0
    while at < len(text):
        group = GROUP_OPEN.match(text, at)
        if group:
            end = text.find(str(number), group.end(), group.end() + GROUP_MAX)
            if end < 0 or not starts_row(text[end:end + 3] + "一"):
                break
            rows.append(text[at:end])
            at = end
            continue
        row_end = _row_end(text, at, number, kinds)
        if row_end is None:
            break
        rows.append(text[at:row_end])
        at, number = row_end, number + 1
    numbered = sum(1 for row in rows if NUMBER_RUN.match(row))
    if numbered < 2 and not (numbered == 1 and starts_row(text[at:at + 8]) and text.startswith(str(number), at)):
        return None  # one row only where the next row starts after it, cut by the text's end
    return [*rows, text[at:]] if at < len(text) else rows


def _row_end(text: str, at: int, number: int, kinds: list[str]) -> int | None:
    """Where the row starting at `at` ends: before the next row's number or a group row, or at the text's end."""
    pattern = re.compile(rf"(?<!\d)({number + 1}|[一二三四五六七八九十]{{1,3}}、)")
    tried = 0
    for m in pattern.finditer(text, at + MIN_TEXT, min(len(text), at + MAX_ROW) + 1):
        before = text[max(at, m.start() - MAX_NAME):m.start()]
        if not (CELL_END.search(before) or UNIT_SUFFIX.search(before)):
            continue
        if m.group(1)[0].isdigit() and not starts_row(text[m.start():m.start() + 8]):
            continue
        if row_cells(text[at:m.start()], kinds, number - 1 if number > 1 else None) is not None:
            return m.start()
        tried += 1
        if tried >= CANDIDATES:
            return None
    end = len(text)
    if end - at <= MAX_ROW and row_cells(text[at:], kinds, number - 1 if number > 1 else None) is not None:
        return end
    return None


# A leader column before the unit columns (序号 项目 内容 分管领导 牵头单位 配合单位): a row's text ends a sentence,
# then the leader's name and the unit names follow with nothing between them (…4580个。何海平教育局经开区各街道)
RUN_NAME_MAX = 7  # a name in such a run is short (教育局, 晋陵公司, 高新园(邹区镇)); a longer one is the next text
# and three characters at least (人社 + 局… is no name: the shortest reading would cut 人社局)
WHO_AFTER = "。;"


def _leader_first_rows(text: str, kinds: list[str], previous: int | None) -> list[list[str]] | None:
    """The rows of one numbered row under a leader-first header: the text, the leader, the units; text after
    the unit names is a second row under the same (merged) number; a text with no one after it keeps the
    leader and units above (merged cells)."""
    order = [k for k in kinds if k not in ("progress", "notes")]
    columns = len(order) - 3
    if len(text) > MAX_ROW or len(order) != len(kinds) or order[:3] != ["number", "text", "leader"] or columns < 1 \
            or any(k not in ("lead", "units", "assist") for k in order[3:]):
        return None
    number, rest = _number(text, previous)
    if number is None:
        return None
    rows: list[list[str]] = []
    at = 0
    while at < len(rest):
        found = _who_after(rest, at)
        if found is None:
            if not rows:
                return None
            rows.append([number, rest[at:], *rows[-1][2:]])  # nobody after it: the merged cells above
            break
        start, leader, names, end = found
        cells = [*names[:columns - 1], "、".join(names[columns - 1:])]
        rows.append([number, rest[at:start], leader, *cells, *([""] * (columns - len(cells)))])
        at = end
    return rows


def _who_after(text: str, at: int) -> tuple[int, str, list[str], int] | None:
    """The first leader's name and unit names after a sentence's end: where they start, the name, the unit
    names and where they end."""
    for start in range(at + MIN_TEXT, len(text)):
        if text[start - 1] not in WHO_AFTER:
            continue
        for size in (3, 2):  # 何海平教育局: a three-character name, unless its unit would be a stub (张菁民政局)
            names, end = _name_run(text, start + size)
            if looks_like_leader(text[start:start + size]) and names and (size == 2 or len(names[0]) >= 3):
                return start, text[start:start + size], names, end
    return None


def _name_run(text: str, at: int) -> tuple[list[str], int]:
    """Unit names straight after one another from `at`: each the shortest short name that ends like a unit,
    or a short name with a unit in brackets after it (高新园(邹区镇)); the run ends where no such name starts.
    A name ending in a word's character (推进社|区食堂: 社, 站, 行 …) is one only before another name or the end."""
    names: list[str] = []
    while at < len(text):
        size = _run_name_size(text, at)
        if size is None or (text[at + size - 1] in WEAK_END and at + size < len(text)
                            and _run_name_size(text, at + size) is None):
            break
        names.append(text[at:at + size])
        at += size
    return names, at


def _run_name_size(text: str, at: int) -> int | None:
    size = next((size for size in range(3, RUN_NAME_MAX + 1) if _run_name(text[at:at + size], text[at + size:])), None)
    if size is None:
        return None
    bracket = RUN_BRACKET.match(text, at + size)
    return size + (len(bracket.group()) if bracket and looks_like_unit(bracket.group(1)) else 0)


WEAK_END = "处室所院队站社联行馆组团校"
RUN_BRACKET = re.compile(r"[(（]([^()（）]{2,8})[)）]")


def _run_name(name: str, after: str) -> bool:
    """A name in a run: no punctuation, and no unit's ending inside it (政局高新园: 民政局's end, then a name)."""
    if not re.fullmatch(r"[\u4e00-\u9fff]+", name) or any(STRONG_END.search(name[:end]) for end in range(2, len(name))):
        return False
    bracket = RUN_BRACKET.match(after)
    return (bool(UNIT_SUFFIX.search(name)) and looks_like_unit(name, bounded=True)) \
        or (bracket is not None and looks_like_unit(bracket.group(1)) and not NOT_A_NAME.search(name))
