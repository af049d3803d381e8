"""Table columns: what each holds, from its header label or, without one, from its cells.

Header labels vary from notice to notice (工作任务 / 重点任务 / 具体事项 …); each
kind is recognised by the words its labels are built from, not by a fixed list
of whole labels, so 主要工作任务 and 重点工作内容 are read like 工作任务.
"""

from __future__ import annotations

import re

from .leaders import NAME_TITLE
from .units import looks_like_unit, split_items, split_outside_brackets
from .variants import compile_both, simplified

# (kind, label pattern) in the order they are tried: the more specific words first
KINDS = [
    ("number", r"^(序号|编号|序|号|项次|[Nn][Oo]\.?)$"),
    ("leader", r"领导|责任人|负责人|(市|县|区)长$|包保|联系人"),
    ("deadline", r"时限|时间|期限|时间节点|进度安排|进度要求|完成日期|节点|(目标|计划|序时)进度$"),
    ("progress", r"进展|完成情况|落实情况|进度"),
    ("notes", r"备注|说明"),
    ("category", r"类别|类型|性质"),
    ("lead", r"牵头|主办|主责|主抓"),
    ("assist", r"配合|协办|参与|协同|协助"),
    ("units", r"单位|部门|责任主体|主体|承办|落实|实施"),
    ("section", r"^(领域|板块|方面|专项|分类|类目|篇目|部分)$|^(工作)?领域|^重点领域|^[\u4e00-\u9fff]{1,4}分类$"),
    ("text", r"任务|事项|措施|内容|工作|目标|项目|举措|要求|名称|指标|重点"),
]
KIND_PATTERNS = [(kind, compile_both(p)) for kind, p in KINDS]
LEVEL = compile_both(r"^(省|市|区|县)级")
DATE_CELL = compile_both(r"^(\d{4}年)?"
                         r"(\d{1,2}月|年底|年内|年末|全年|长期|持续|常态|[一二三四]季度|上半年|下半年|\d{4}年)")
NUMBER_CELL = re.compile(r"^(?:[((]?\d{1,4}[))]?[.、．]?|[一二三四五六七八九十]{1,3})$")
LEADER_SPLIT = re.compile(r"[、,,;;/\s]+")
PERSON = re.compile(r"^[\u4e00-\u9fff]{2,3}$")  # a bare name: 张三, 欧阳明


NAME_START = compile_both(r"^(市|区|县|省|州|各|团|相关|有关|\d)")  # how a unit's name starts
NUMBER_LABEL = compile_both(r"^(序号|编号|项次|[Nn][Oo]\.?)$")  # a 序号 column's label, whole


def is_number_label(text: str) -> bool:
    return bool(NUMBER_LABEL.match(re.sub(r"\s+", "", simplified(text))))


def unit_list_cell(cell: str) -> bool:
    """A cell of units, where a name the suffix list does not know (高新园(邹区镇)) stands among names
    it knows: a 、 list of short items, at least half of them units, no sentence in it."""
    if looks_like_unit(cell):
        return True
    if re.search(r"[。;；!?]", cell) or "、" not in cell:
        return unit_list(cell) is not None
    items = split_items(cell)
    return len(items) >= 2 and all(len(i) <= 16 for i in items) and \
        sum(1 for i in items if looks_like_unit(i)) * 2 >= len(items)


def unit_list(cell: str) -> str | None:
    """A unit cell listed with , ; or spaces instead of 、 (招商工作部;安商工作部, 经开区,高新园(邹区镇)), as a
    、 list; None when the cell is no list of short names, at least half of them units (a sentence, a
    date, a text that names a unit in passing)."""
    if re.search(r"[。!?]", cell) or not re.search(r"[,;，；\s]", cell.strip()):
        return None
    groups = [g.strip() for g in split_outside_brackets(cell.strip(), ",;，； \t\u3000") if g.strip()]
    items = [i for g in groups for i in split_items(g)]
    if len(groups) < 2 or any(len(i) > 16 or not re.search(r"[\u4e00-\u9fff]", i) for i in items) or \
            sum(1 for i in items if looks_like_unit(i)) * 2 < len(items) or not looks_like_unit(items[-1]):
        return None
    return "、".join(groups)


def looks_like_leader(cell: str) -> bool:
    """张三 / 张三副市长 / 张三、李四: short names, not a unit or a date."""
    names = [n for n in LEADER_SPLIT.split(cell) if n]
    return bool(names) and all(NAME_TITLE.match(n) or PERSON.match(n) for n in names) \
        and not looks_like_unit(cell) and not DATE_CELL.match(cell) and label_kind(cell) is None


class Column:
    def __init__(self, printed: str, kind: str | None = None):
        self.name = printed
        name = re.sub(r"\s+", "", simplified(printed))
        level = LEVEL.match(name)
        self.level = level.group(0) if level else None
        self.kind = kind or label_kind(name) or "text"
        self.role = _role(name, self.kind)

    def __repr__(self) -> str:  # pragma: no cover - for debugging
        return f"Column({self.name!r}, {self.kind})"

    @property
    def holds_units(self) -> bool:
        return self.kind in ("lead", "assist", "units")


def _role(name: str, kind: str) -> str | None:
    if kind == "lead":
        return "主办" if "主办" in name else "牵头"
    if kind == "assist":
        return "协办" if "协办" in name else "配合"
    return "责任" if kind == "units" else None


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
    """Most cells are labels, and they name a task or a unit column."""
    filled = [c for c in cells if c.strip()]
    kinds = [label_kind(c) for c in filled]
    known = [k for k in kinds if k]
    return len(filled) >= 2 and len(known) * 3 >= len(filled) * 2 and \
        bool({"text", "lead", "units", "assist"} & set(known)) and len(set(known)) >= 2


def header_columns(rows: list[list[str]]) -> list[Column]:
    """Columns from one or more header rows (a merged 责任单位 over 牵头单位 / 配合单位): the lowest
    label that says something decides, the ones above it only add a level (市级)."""
    width = max(len(r) for r in rows)
    columns = []
    for i in range(width):
        labels = [r[i] for r in rows if i < len(r) and r[i].strip()]
        printed = "".join(dict.fromkeys(labels))  # merged cells repeat their label: once is enough
        kind = next((label_kind(label) for label in reversed(labels) if label_kind(label)), None)
        if len(labels) > 1 and len(labels[-1]) <= 2 and label_kind(printed):
            kind = label_kind(printed)  # 牵头 / 单位, 完成 / 时限: one label broken over two lines
        columns.append(Column(printed, kind or "text"))
    return first_unit_column_leads(columns)


def first_unit_column_leads(columns: list[Column]) -> list[Column]:
    """责任主体 / 责任单位 before 配合单位 or a second 责任单位, with no 牵头 column: the first unit column is
    the one in charge, as a 牵头 column would be (columns of levels, 市级 / 区级, are no such pair)."""
    units = [c for c in columns if c.holds_units and not c.level]
    if len(units) >= 2 and units[0].kind == "units" and not any(c.kind == "lead" for c in columns):
        units[0].kind, units[0].role = "lead", "牵头"
    return columns


def content_columns(rows: list[list[str]]) -> list[Column]:
    """Columns of a table printed without its header row, from what their cells hold."""
    width = max(len(r) for r in rows)
    kinds = []
    for i in range(width):
        cells = [r[i] for r in rows if i < len(r) and r[i].strip()]
        kinds.append(_content_kind(cells))
    texts = [i for i, k in enumerate(kinds) if k == "text"]
    if not texts and width:
        longest = max(range(width), key=lambda i: sum(len(r[i]) for r in rows if i < len(r)))
        kinds[longest] = "text"
    unit_columns = [i for i, k in enumerate(kinds) if k == "units"]
    if len(unit_columns) >= 2:
        kinds[unit_columns[0]] = "lead"  # 牵头单位 before 责任单位 / 配合单位: the usual order of such tables
    return [Column("", kind) for kind in kinds]


def headless_rows(rows: list[list[str]]) -> bool:
    """Do rows printed without a header look like a task table (a text column and a unit column)?"""
    kinds = {c.kind for c in content_columns(rows)}
    return "text" in kinds and bool(kinds & {"units", "lead"})


def _content_kind(cells: list[str]) -> str:
    if not cells:
        return "notes"

    def share(test) -> float:
        return sum(1 for c in cells if test(c)) / len(cells)

    if share(lambda c: bool(NUMBER_CELL.match(c))) >= 0.8:
        return "number"
    if share(lambda c: bool(DATE_CELL.match(c)) and len(c) <= 20) >= 0.6:
        return "deadline"
    if share(looks_like_leader) >= 0.6:
        return "leader"
    if share(unit_list_cell) >= 0.6:
        return "units"
    return "text"
