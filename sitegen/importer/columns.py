"""Table columns: what each holds, from its header label or, without one, from its cells.

Header labels vary from notice to notice (工作任务 / 重点任务 / 具体事项 …); each
kind is recognised by the words its labels are built from, not by a fixed list
of whole labels, so 主要工作任务 and 重点工作内容 are read like 工作任务.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from .leaders import BRACKETED_POSTS, NAME_TITLE, NOT_NAMES, ONLY_POSTS, POSTS, person_name, titled_name
from .markers import DUE_START
from .units import ROLE_END, looks_like_unit, split_items, split_outside_brackets
from .variants import compile_both, simplified

START_LABEL = r"(开工|开始|启动|起始)(时间|日期)$"
# (kind, label pattern) in the order they are tried: the more specific words first
KINDS = [
    ("number", r"^(序号|编号|序|号|项次|[Nn][Oo]\.?)$"),
    ("leader", r"领导|责任人|负责人|(市|县|区)长$|包保|联系人"),
    # 开工时间 beside 竣工时间: when the work starts is no date it must be done by (Column.starts)
    ("notes", START_LABEL),
    ("deadline", r"时限|时间|期限|时间节点|进度安排|进度要求|日期|截止|节点|(目标|计划|序时)进度$"),
    # 是否达序(时进度): on schedule or not; 完成状态: where the work stands
    ("progress", r"进展|完成情况|落实情况|进度|推进情况|执行情况|达序|状态$"),
    # 评分部门: scores the work, does none of it; 下一步措施: what comes after the task, not the task
    ("notes", r"备注|说明|评分|考评|(考核|评价)(单位|部门)|^下一?步"),
    ("category", r"类别|类型|性质"),
    ("lead", r"牵头|主办|主责|主抓"),
    ("assist", r"配合|协办|参与|协同|协助"),
    # bodies by their kind of office (科室, 处室, 股室) or by their part (责任分工, 负责方)
    ("units", r"单位|部门|责任主体|主体|承办|落实|实施|[科处股]室$|分工$|[责负]责方$"),
    ("section", r"^(领域|板块|方面|专项|分类|类目|篇目|部分)$|^(工作)?领域|^重点领域|^[\u4e00-\u9fff]{1,4}分类$"),
    ("text", r"任务|事项|措施|内容|工作|目标|项目|举措|要求|名称|指标|重点"),
]
KIND_PATTERNS = [(kind, compile_both(p)) for kind, p in KINDS]
STARTS = compile_both(START_LABEL)
LEVEL = compile_both(r"^(省|市|区|县)级")
DATE_CELL = compile_both(rf"^(?:{DUE_START}|\d{{4}}年)")
NUMBER_CELL = re.compile(r"^(?:[((]?\d{1,4}[))]?[.、．]?|[一二三四五六七八九十]{1,3})$")
LEADER_SPLIT = re.compile(r"[、,,;;/\s]+")


NAME_START = compile_both(r"^(市|区|县|省|州|各|团|相关|有关|\d)")  # how a unit's name starts
NUMBER_LABEL = compile_both(r"^(序号|编号|项次|[Nn][Oo]\.?)$")  # a 序号 column's label, whole


def is_number_label(text: str) -> bool:
    return bool(NUMBER_LABEL.match(re.sub(r"\s+", "", simplified(text))))


def unit_list_cell(cell: str) -> bool:
    """A cell of units, where a name the suffix list does not know (高新园(邹区镇)) stands among names
    it knows: a 、 list of short items, at least half of them units, no sentence in it."""
    inner = cell.strip(",，;；、")  # ，县护城河指挥部: a list's line after its break
    if looks_like_unit(cell) and (not re.search(r"[,，;；]", inner) or unit_list(inner) is not None):
        return True  # parted by commas, a list of names (1个,总投资1160 is none)
    listed = unit_list(cell)  # 、 lists parted by commas too (X、Y牵头,Z配合)
    if listed is not None or re.search(r"[。;；!?]", cell) or "、" not in cell:
        return listed is not None
    items = split_items(cell)
    return len(items) >= 2 and all(len(i) <= 16 for i in items) and \
        sum(1 for i in items if looks_like_unit(i)) * 2 >= len(items)


# a rate or a decimal figure (6.2%左右), a numbered point opening the item ((1)已确定…): in no body's name
NO_NAME = re.compile(r"\d(\.\d+)?%|\d\.\d|^(?:[(（]\d{1,2}[)）]|\d{1,2}[.、．](?!\d)|[①-⑳])")


def unit_list(cell: str) -> str | None:
    """A unit cell listed with , ; or spaces instead of 、 (招商工作部;安商工作部, 经开区,高新园(邹区镇)), as a
    、 list; None when the cell is no list of short names, at least half of them units (a sentence, a
    date, a text that names a unit in passing)."""
    if re.search(r"[。!?]", cell) or not re.search(r"[,;，；\s]", cell.strip()):
        return None
    groups = [g.strip() for g in split_outside_brackets(cell.strip(), ",;，； \t\u3000") if g.strip()]
    # a role clause's words end a group (X、Y牵头,Z按职能分工落实): the names before them are the list's items
    items = [ROLE_END.sub("", i) or i for g in groups for i in split_items(g)]
    if len(groups) < 2 or any(len(i) > 16 or not re.search(r"[\u4e00-\u9fff]", i) or NO_NAME.search(i)
                              for i in items) or \
            sum(1 for i in items if looks_like_unit(i)) * 2 < len(items) or not looks_like_unit(items[-1]):
        return None
    return "、".join(groups)


def task_and_units(cells: list[str]) -> bool:
    """Two cells a wide gap apart, a text and then a unit list: a row of a two-column table (工作任务 /
    责任单位), never a sentence with a gap in it."""
    return len(cells) == 2 and unit_list_cell(cells[1]) and not unit_list_cell(cells[0]) and len(cells[0]) >= 4


def looks_like_leader(cell: str) -> bool:
    """张三 / 张三副市长 / 张三、李四: names (a surname first, leaders.person_name), not a unit or a date; a
    label (分管副县长) only where it names a person (李丹副区长). 张三(副县长) is 副县长张三."""
    cell = BRACKETED_POSTS.sub(r"\g<posts>\g<name>", cell.strip())
    names = [n for n in LEADER_SPLIT.split(cell) if n and not ONLY_POSTS.match(n)]  # 县委常委、副县长张三
    return bool(names) and all(NAME_TITLE.match(n) or titled_name(n) or person_name(n) for n in names) \
        and not looks_like_unit(cell) and not DATE_CELL.match(cell) \
        and (label_kind(cell) is None or any(_titled_person(n) for n in names))


# a post alone with the duty it is named by (分管副县长, 联系副市长: whoever holds the post)
DUTY_POST = compile_both(rf"^(?:分管|联系|挂钩|包抓|包保|主管|牵头|责任)(?:{POSTS})$")


def leader_cell(cell: str) -> bool:
    """A cell that stands in a leader column: names, or a post alone (常务副县长, 分管副县长: whoever holds it;
    the gold keeps it). A post alone reads like a label elsewhere, so only a column already known to hold
    leaders takes it."""
    return looks_like_leader(cell) or bool(ONLY_POSTS.match(cell.strip()) or DUTY_POST.match(cell.strip()))


def _titled_person(text: str) -> bool:
    """李丹副区长: a name before a post (分管副县长, 联系副市长 are labels: the post of whoever it is)."""
    m = NAME_TITLE.match(text)
    return m is not None and m.end() == len(text) and m.group("name") not in NOT_NAMES \
        and label_kind(m.group("name")) is None


class Column:
    def __init__(self, printed: str, kind: str | None = None):
        self.name = printed
        name = re.sub(r"\s+", "", simplified(printed))
        level = LEVEL.match(name)
        self.level = level.group(0) if level else None
        found = kind or label_kind(name)
        self.known = found is not None  # False: a label no rule reads, its kind to be told by its cells
        self.kind = found or "text"
        self.role = _role(name, self.kind)

    def __repr__(self) -> str:  # pragma: no cover - for debugging
        return f"Column({self.name!r}, {self.kind})"

    @property
    def holds_units(self) -> bool:
        return self.kind in ("lead", "assist", "units")

    @property
    def starts(self) -> bool:
        """开工时间: a column of the dates the work starts, kept as notes."""
        return self.kind == "notes" and bool(STARTS.search(re.sub(r"\s+", "", self.name)))


def _role(name: str, kind: str) -> str | None:
    if kind == "lead":
        return "主办" if "主办" in name else "牵头"
    if kind == "assist":
        return "协办" if "协办" in name else "配合"
    return "责任" if kind == "units" else None


@lru_cache(maxsize=8192)  # asked of each short line once per window that scans it for a header
def label_kind(label: str) -> str | None:
    """The kind of a header label, None when it is no known label."""
    label = re.sub(r"\s+", "", simplified(label))
    if not label or len(label) > 12:
        return None
    for kind, pattern in KIND_PATTERNS:
        if pattern.search(label):
            return kind
    return None


def is_header_row(cells: list[str]) -> bool:
    """Most cells are labels, and they name a task or a unit column; or half of them are, and the others
    are shaped like labels (优先级, 交付成果: a few characters that are no name, date or unit list)."""
    filled = [c for c in cells if c.strip()]
    kinds = [label_kind(c) for c in filled]
    known = [k for k in kinds if k]
    most = len(known) * 3 >= len(filled) * 2 or \
        (len(known) * 2 >= len(filled) and all(label_shaped(c) for c, k in zip(filled, kinds, strict=True) if not k))
    return len(filled) >= 2 and most and \
        bool({"text", "lead", "units", "assist"} & set(known)) and len(set(known)) >= 2


def label_shaped(cell: str) -> bool:
    """A few ideographs that are no name, date, category or unit list: how a label no word tells looks."""
    text = re.sub(r"\s+", "", simplified(cell))
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,6}", text)) and cell_kind(text) == "text"


def header_columns(rows: list[list[str]]) -> list[Column]:
    """Columns from one or more header rows (a merged 责任单位 over 牵头单位 / 配合单位): the lowest
    label that says something decides, the ones above it only add a level (市级)."""
    if len(rows) == 2:
        rows = spread_under_units(rows[0], rows[1]) or rows
    width = max(len(r) for r in rows)
    if len(rows) == 2 and len(rows[0]) < len(rows[1]):
        rows = [align_header(rows[0], rows[1]) or rows[0], rows[1]]
    columns = []
    for i in range(width):
        labels = [r[i] for r in rows if i < len(r) and r[i].strip()]
        printed = "".join(dict.fromkeys(labels))  # merged cells repeat their label: once is enough
        kind = next((label_kind(label) for label in reversed(labels) if label_kind(label)), None)
        if len(labels) > 1 and len(labels[-1]) <= 2 and label_kind(printed):
            kind = label_kind(printed)  # 牵头 / 单位, 完成 / 时限: one label broken over two lines
        columns.append(Column(printed, kind))
    return first_unit_column_leads(columns)


def by_content(columns: list[Column], rows: list[list[str]]) -> list[Column]:
    """Columns whose labels no rule reads (优先级, 存在问题, 交付成果) told by their cells, as a table printed
    without a header is: a column of dates, of names, of unit lists; a column of text beside the task's
    text column, or of numbers beside the 序号 column, is notes."""
    unknown = [i for i, c in enumerate(columns) if not c.known]
    rows = [r for r in rows if len(r) == len(columns)]  # cells in their columns only
    if not rows:
        return columns
    for i in unknown:
        kind = _content_kind([r[i] for r in rows if r[i].strip()])
        taken = any(c.kind == kind for j, c in enumerate(columns) if j != i and c.known)
        if kind in ("text", "number") and taken:
            kind = "notes"
        columns[i].kind, columns[i].role = kind, _role(columns[i].name, kind)
    return first_unit_column_leads(_units_by_content(_sentences_under_units(columns, rows), rows))


def _sentences_under_units(columns: list[Column], rows: list[list[str]]) -> list[Column]:
    """细化分工 (the work divided in detail) before 责任处室: a label read as a unit column's, over cells that
    are sentences longer than any name, none a unit list, beside another unit column: the column holds text
    (the task's measures)."""
    units = [i for i, c in enumerate(columns) if c.holds_units]
    for i in list(units):  # a copy: the loop takes columns out of units
        cells = [r[i] for r in rows if r[i].strip()]
        if len(units) >= 2 and len(cells) >= 2 and all(_sentence(c) for c in cells):
            columns[i].kind, columns[i].role = "text", None
            units.remove(i)
    return columns


def _sentence(cell: str) -> bool:
    """Longer than any name, parted by punctuation, and no unit list (名单 glued without separators is no
    sentence: the spaces between its names were dropped)."""
    return len(cell) > NAME_CELL and bool(re.search(r"[,，。;；、:：]", cell)) and cell_kind(cell) == "text"


def _units_by_content(columns: list[Column], rows: list[list[str]]) -> list[Column]:
    """A table whose labels name no unit column (项目名称 | 建设内容 | 项目…): a column after the task's text,
    its label read as text, whose cells are unit lists is the units' (a task table names who does it)."""
    if any(c.holds_units for c in columns):
        return columns
    for i in [i for i, c in enumerate(columns) if c.kind == "text"][1:]:
        if _content_kind([r[i] for r in rows if r[i].strip()]) == "units":
            columns[i].kind, columns[i].role = "units", _role(columns[i].name, "units")
    return columns


UNIT_KINDS = ("lead", "assist", "units")


def spread_under_units(top: list[str], bottom: list[str]) -> list[list[str]] | None:
    """责任单位 over 牵头单位 | 配合单位, the lower row printed with only its own cells (a pipe row drops the
    cells under the labels that span both rows): the one unit label above spans the unit labels below, so each
    column gets its own (序号 | 工作任务 | 责任单位 | 完成时限 over 牵头单位 | 配合单位 are five columns). None
    where the lower labels already stand under it, or are no unit labels, or no single unit label spans them."""
    below = [c for c in bottom if c.strip()]
    spans = [i for i, c in enumerate(top) if label_kind(c) in UNIT_KINDS]
    if len(below) < 2 or len(spans) != 1 or any(label_kind(c) not in UNIT_KINDS for c in below):
        return None
    at = spans[0]
    merged = len(list(itertools.takewhile(lambda c: not c.strip(), top[at + 1:at + len(below)])))
    if len(bottom) == len(top) and bottom[at:at + len(below)] == below:
        return None  # the lower row keeps its empty cells: its labels stand in their columns already
    spread = top[:at] + [top[at]] * len(below) + top[at + 1 + merged:]
    return [spread, [""] * at + below + [""] * (len(spread) - at - len(below))]


def align_header(top: list[str], bottom: list[str]) -> list[str] | None:
    """The first halves of a header's labels over the second halves, where spaces separate the cells and
    a label printed whole on the lower line left no cell above it (工作 责任 / 编号 内容 单位): each upper
    piece over the lower cell it makes a label with (工作内容, 责任单位, never 工作编号), in order; None
    when no such placing makes more labels than it spoils."""
    n, m = len(top), len(bottom)
    if n > m or n == 0:
        return None
    score = [[_joins(t, b) for b in bottom] for t in top]
    best = [[0] * (m + 1) for _ in range(n + 1)]  # best[i][j]: top[i:] placed over bottom[j:]
    for i in range(n - 1, -1, -1):
        best[i][m] = -10 * (n + 1)  # pieces left and no cell below: impossible
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i][j + 1], score[i][j] + best[i + 1][j + 1])
    if best[0][0] <= 0:
        return None
    out, j = [""] * m, 0
    for i in range(n):
        while best[i][j] != score[i][j] + best[i + 1][j + 1]:
            j += 1
        out[j] = top[i]
        j += 1
    return out


def _joins(upper: str, lower: str) -> int:
    """How well an upper piece goes over a lower cell: a label of the lower's kind (or a kind the lower
    cell alone has not), better still where a label word runs across the break (责任牵 / 头单位), and a
    little better over a lower cell that is a label word itself (工作 over 举措, not over 优先级, a label
    no word tells printed whole below)."""
    joined, alone = label_kind(upper + lower), label_kind(lower)
    if joined is None:
        return -2
    if not (alone is None or alone == joined or (alone in UNIT_KINDS and joined in UNIT_KINDS)):
        return -2
    return (4 if word_across(upper, lower) else 2) + (alone is not None)


def word_across(upper: str, lower: str) -> bool:
    """Does a label word run across the break between two pieces (责任牵 / 头单位: one label broken)?"""
    text = simplified(upper + lower)
    return any(m.start() < len(upper) < m.end() for _, pattern in KIND_PATTERNS for m in pattern.finditer(text))


MEASURE = compile_both(r"^(计量)?单位$")


def first_unit_column_leads(columns: list[Column]) -> list[Column]:
    """责任主体 / 责任单位 before 配合单位 or a second 责任单位, with no 牵头 column: the first unit column is
    the one in charge, as a 牵头 column would be (columns of levels, 市级 / 区级, are no such pair)."""
    _measure_columns(columns)
    units = [c for c in columns if c.holds_units and not c.level]
    if len(units) >= 2 and units[0].kind == "units" and not any(c.kind == "lead" for c in columns):
        units[0].kind, units[0].role = "lead", "牵头"
    return columns


def _measure_columns(columns: list[Column]) -> None:
    """单位 alone between two columns of text (考核内容 / 单位 / 年度目标), where a 责任部门 column names the
    bodies: the unit a target is measured in (万亩, %), no body's name."""
    if sum(1 for c in columns if c.holds_units) < 2:
        return
    for i, column in enumerate(columns[1:-1], start=1):
        if column.kind == "units" and MEASURE.match(re.sub(r"\s+", "", column.name)) \
                and columns[i - 1].kind not in UNIT_KINDS and columns[i + 1].kind not in UNIT_KINDS:
            column.kind, column.role = "notes", None


def content_columns(rows: list[list[str]], vanishing: bool = False) -> list[Column]:
    """Columns of a table printed without its header row, from what their cells hold across all rows.

    Delimited rows keep their empty cells, so a column is a position and its kind the one most of its
    cells have. Rows of space-separated cells lose their empty cells, so positions mean nothing: the
    columns are the shortest sequence of kinds every row's cells fit into in order (number, text,
    units, units, leader merged with number, text, units, leader, notes)."""
    if vanishing:
        kinds = _merged_kinds(rows)
    else:
        rows = _unwrapped(rows)
        # a row of one value is a group's name (稳增长) spanning the row, in no column of its own
        rows = [r for r in rows if sum(1 for c in r if c.strip()) >= 2] or rows
        width = max(len(r) for r in rows)
        kinds = [_content_kind([r[i] for r in rows if i < len(r) and r[i].strip()]) for i in range(width)]
    return [Column("", kind) for kind in _settle(kinds, rows, vanishing)]


def _row_once(cell: str, above: str) -> bool:
    """A cell a row prints once, under one of the same kind: a date, a category, the same name again
    (a wrapped text's pieces, 加大安 / 居保障, look like names too, but never the same one)."""
    kind = cell_kind(cell)
    return kind == cell_kind(above) and (kind in ("deadline", "category") or (kind == "leader" and cell == above))


def _unwrapped(rows: list[list[str]]) -> list[list[str]]:
    """Delimited rows with their wrapped lines joined back (a line filling only some of the cells the
    line that opened its row filled, its first cell, a number, empty, and no cell a row prints once, a
    date or a name, filled, goes on from it), so that a unit list cut by the column's width (区住房和 /
    城建局) reads as units. A row under a merged number may join the one above: the kinds of the cells
    are all this is for."""
    out: list[list[str]] = []
    opened: set[int] = set()
    for row in rows:
        filled = {i for i, c in enumerate(row) if c.strip()}
        if out and filled < opened and min(opened) not in filled \
                and not any(_row_once(row[i], out[-1][i]) for i in filled):
            out[-1] = [_rejoined(a, row[i] if i < len(row) else "") for i, a in enumerate(out[-1])]
        else:
            out.append(list(row) + [""] * max(0, len(out[-1]) - len(row) if out else 0))
            opened = filled
    return out


def _rejoined(above: str, piece: str) -> str:
    """A wrapped cell's next line joined on: names one a line (区财政局 / 区住房和城建局) as a list, so the cell
    still reads as units; the pieces of a name or a text cut by the width as printed."""
    if above and piece and looks_like_unit(re.split(r"[、,，;；]", above)[-1]) and looks_like_unit(piece) \
            and above[-1] not in "、,，;；" and piece[0] not in "、,，;；)）":
        return above + "、" + piece
    return above + piece


def _settle(kinds: list[str], rows: list[list[str]], vanishing: bool) -> list[str]:
    """One column holds the task's text (the longest cells); other text-like columns (工作目标, 进展,
    备注) are notes. Of two unit columns the first leads (牵头单位 before 配合单位, the order tables use)."""
    texts = [i for i, k in enumerate(kinds) if k == "text"]
    if not vanishing and len(texts) != 1 and kinds:
        width = len(kinds)
        lengths = [sum(len(r[i]) for r in rows if i < len(r)) for i in range(width)]
        plain = [i for i in texts if not _timed(r[i] for r in rows if i < len(r))
                 and not _pointed([r[i] for r in rows if i < len(r)])]
        main = max(plain or texts or range(width), key=lambda i: lengths[i])
        # 项目名称 | 主要内容: a name column printed before the content starts the task's text
        before = main - 1 if main and kinds[main - 1] == "text" else None
        name = before if before is not None and _names([r[before] for r in rows if main <= len(r)]) \
            and not _names([r[main] for r in rows if main < len(r)]) else None
        grouping = [i for i in texts if i < main and _grouping([r[i] for r in rows if main < len(r)])]
        kinds = ["notes" if k == "text" and i not in (main, name) else k for i, k in enumerate(kinds)]
        kinds[main] = "text"
        if name is not None and grouping == [name]:
            kinds[name] = "category"  # the only column grouping the rows; under a 类别 column, a merged name
        if "deadline" not in kinds:  # 7月底具备挡水条件 / 泵站改造3月开工…: a column of time phrases
            kinds = ["deadline" if k == "notes" and _timed(r[i] for r in rows if i < len(r)) else k
                     for i, k in enumerate(kinds)]
    elif vanishing and len(texts) > 1:
        full = [r for r in rows if len([c for c in r if c.strip()]) == len(kinds)]  # rows printing every cell
        # a column of names before a column of sentences (项目名称 | 主要内容), not two short ones (任务 | 工作目标)
        named = texts[1] == texts[0] + 1 and _names([r[texts[0]] for r in full]) \
            and not _names([r[texts[1]] for r in full])
        keep = texts[:2] if named else texts[:1]
        kinds = ["notes" if k == "text" and i not in keep else k for i, k in enumerate(kinds)]
        if named and _grouping(_named_cells(rows)):
            kinds[texts[0]] = "category"  # printed over the rows it groups, its cell vanishing from the rest
    elif not texts and kinds:
        kinds[0 if kinds[0] != "number" or len(kinds) == 1 else 1] = "text"
    unit_columns = [i for i, k in enumerate(kinds) if k == "units"]
    if len(unit_columns) >= 2:
        kinds[unit_columns[0]] = "lead"
    return kinds


def _names(cells: list[str]) -> bool:
    """A column of short names (人均地区生产总值, 翠竹路改造工程): no cell a sentence or a list."""
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(name_cell(c) for c in filled)


def name_cell(cell: str) -> bool:
    """A short name (人均地区生产总值, 翠竹路改造工程): no sentence, no list."""
    return len(cell) <= NAME_CELL and not re.search(r"[,，;；。:：、]", cell)


def _named_cells(rows: list[list[str]]) -> list[str]:
    """Each row's name printed before its text where empty cells vanish: the row's first text cell when it is
    a short name and a text follows, else nothing (the row's text comes first)."""
    out = []
    for row in rows:
        cells = [c for c in row if c.strip() and cell_kind(c) != "number"]  # a name may end like a unit (…中心)
        out.append(cells[0] if len(cells) >= 2 and name_cell(cells[0]) and cell_kind(cells[1]) == "text"
                   and not name_cell(cells[1]) else "")
    return out


def _grouping(cells: list[str]) -> bool:
    """A column of short names that groups the rows (民生福地项目 over the rows it covers): printed once over
    them, a merged cell (some rows empty), or the same name again, never a row's own name before its text."""
    filled = [c for c in cells if c.strip()]
    return len(filled) < len(cells) or len(set(filled)) < len(filled)


def _pointed(cells: list[str]) -> bool:
    """Most of a column's filled cells open with a numbered point (1、… / (1)… / ①…): the 具体措施 beside
    the task, not the task's own text, however much longer."""
    filled = [c for c in cells if c.strip()]
    return bool(filled) and sum(1 for c in filled if POINT.match(c)) * 2 > len(filled)


POINT = re.compile(r"^(?:\d{1,2}[.、．](?!\d)|[(（]\d{1,2}[)）]|[①-⑳])")
NAME_CELL = 16  # the longest a name cell runs (实施新时代文明实践提质增效工程)
TIME_WORD = compile_both(r"\d{1,2}月|年底|年内|年末|[一二三四]季度|上半年|下半年|\d{4}年")


def _timed(cells) -> bool:
    """Most of a column's filled cells say when (a deadline column that prints more than dates)."""
    filled = [c for c in cells if c.strip()]
    return bool(filled) and sum(1 for c in filled if TIME_WORD.search(c)) >= 0.6 * len(filled)


def _merged_kinds(rows: list[list[str]]) -> list[str]:
    """The shortest common supersequence of the rows' cell kinds, the most common and fullest rows
    first: a cell left empty leaves a row a kind short, never out of order. A long single name
    (…建设工程袁州区) may be a unit or the task's text: it matches either. Where three rows or more tell
    the columns, a kind sequence printed once that neither holds the others nor fits in them is a misread
    cell, not a column."""
    patterns: dict[tuple[frozenset[str], ...], int] = {}
    for row in rows:
        pattern = _row_kinds([c for c in row if c.strip()])
        patterns[pattern] = patterns.get(pattern, 0) + 1
    merged: Kinds = []
    for pattern, count in sorted(patterns.items(), key=lambda pc: (-pc[1], -len(pc[0]))):
        longer = _supersequence(merged, list(pattern))
        if len(longer) in (len(merged), len(pattern)) or count >= 2 or len(rows) <= 3:
            merged = longer
    kinds = [next(iter(k)) if len(k) == 1 else "deadline" if "deadline" in k else "units" for k in merged]
    if "text" not in kinds and any(len(k) > 1 for k in merged):
        kinds[next(i for i, k in enumerate(merged) if len(k) > 1)] = "text"
    return kinds


def _row_kinds(cells: list[str]) -> tuple[frozenset[str], ...]:
    kinds = [_cell_kinds(c) for c in cells]
    first = next((i for i, k in enumerate(kinds) if k == {"text"}), None)
    # a text after the row's text that says when may be its deadline (泵站改造3月开工…)
    return tuple(frozenset(("text", "deadline")) if k == {"text"} and first is not None and i > first
                 and TIME_WORD.search(c) else k for i, (k, c) in enumerate(zip(kinds, cells, strict=True)))


def _cell_kinds(cell: str) -> frozenset[str]:
    kind = cell_kind(cell)
    if kind == "units" and len(cell) >= 8 and not re.search(r"[、,，;；\s]", cell):
        return frozenset(("units", "text"))
    return frozenset((kind,))


Kinds = list[frozenset[str]]


def _supersequence(a: Kinds, b: Kinds) -> Kinds:
    """The shortest sequence holding a and b in order, where kinds match when they share one (a table's
    handful of columns: quadratic is cheap)."""
    if len(a) * len(b) > 400:
        return a if len(a) >= len(b) else b  # no table is this wide: a paragraph's pieces, left as they are
    m, n = len(a), len(b)
    lcs = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            lcs[i][j] = lcs[i + 1][j + 1] + 1 if a[i] & b[j] else max(lcs[i + 1][j], lcs[i][j + 1])
    out, i, j = [], 0, 0
    while i < m and j < n:
        if a[i] & b[j]:
            out.append(a[i] & b[j])
            i, j = i + 1, j + 1
        elif lcs[i + 1][j] >= lcs[i][j + 1]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out + a[i:] + b[j:]


def headless_rows(rows: list[list[str]], vanishing: bool = False) -> bool:
    """Do rows printed without a header look like a task table (a text column and a unit column)?"""
    kinds = {c.kind for c in content_columns(rows, vanishing)}
    return "text" in kinds and bool(kinds & {"units", "lead"})


CATEGORY_CELL = compile_both(r"^(?:主办|协办|牵头|配合|参与|责任|[\u4e00-\u9fff]{1,4}类)$")  # 主办 / 民生类


def cell_kind(cell: str) -> str:
    """What one cell holds: a number, a date, a category, names of officials, a unit list, else text."""
    if NUMBER_CELL.match(cell):
        return "number"
    if DATE_CELL.match(cell) and len(cell) <= 20:
        return "deadline"
    if CATEGORY_CELL.match(simplified(cell)):
        return "category"
    if looks_like_leader(cell):
        return "leader"
    return "units" if unit_list_cell(cell) else "text"


def _content_kind(cells: list[str]) -> str:
    if not cells:
        return "notes"

    def share(test) -> float:
        return sum(1 for c in cells if test(c)) / len(cells)

    if share(lambda c: bool(NUMBER_CELL.match(c))) >= 0.8:
        return "number"
    if share(lambda c: bool(DATE_CELL.match(c)) and len(c) <= 20) >= 0.6:
        return "deadline"
    if share(lambda c: bool(CATEGORY_CELL.match(simplified(c)))) >= 0.8:
        return "category"
    if share(looks_like_leader) >= 0.6:
        return "leader"
    if share(unit_list_cell) >= 0.6:
        return "units"
    return "text"
