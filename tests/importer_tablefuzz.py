"""A combinatorial table generator for issue 17, item 1: the task tables of the development notices (and
武昌's default table) rendered with every dimension of a real table varied independently by a seed.

tests/importer_matrix.py renders each table in a few dozen fixed forms, one dimension at a time. Real
tables combine them: a separator line after each cell AND a 牵头单位 column under a synonym AND a page
number between rows AND numbers with gaps. Here a case is (table, seed); the seed picks each dimension:

- form: one cell per line; cell + separator line (many kinds and lengths, or a blank line); one row a line
  with a separator line between rows; pipes with or without outer bars; Markdown; ASCII grids; box
  drawing (light, heavy, double); columns of spaces, TABs or full-width spaces.
- header: printed, absent, labels spaced out (牵 头 单 位) or broken over two lines; each label drawn
  from the synonyms real notices use; extra columns (进展情况, 备注, 工作目标, 类别).
- order: the columns in an order real tables use.
- numbering: 1 / 1. / 1、 / (1) / 一 / none; all rows, an excerpt with gaps, restarting per group.
- groups, group rows with no rows under them (a group an excerpt left empty, before, between and after the
  groups it kept), merged cells printed once, long text or unit lists wrapped over 2-4 lines, units with or
  without their level prefix, units separated by 、 , ， ; a space or one per line.
- furniture (a page number line, 续表 and the header again, 附件1 and a title, a note after) and a
  fragment (the table starting mid-way without its header).
- script: the whole notice in traditional characters (OpenCC s2t, s2hk, s2tw), as mirror sites print it.

The expected tasks are derived from the gold as importer_matrix.expected does: leads are None where the
rendering cannot show them. `python tests/importer_tablefuzz.py --seeds 2000` prints the pass rate
overall and per value of each dimension, then the failure classes with their first seeds;
`--show SEED` prints one case's text and what the import got wrong.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from importer_matrix import Expected, Row, Table, differences, tables
from importer_prosefuzz import convert
from rates import Rates

# -- dimensions ---------------------------------------------------------------------------------------

# one cell a line, cells vanish when empty; one row a line (delimited keeps empty cells in place)
VANISHING = ("cells", "cells+sep", "rowsep-spaces", "spaces", "fullwidth")
ONE_LINE_ROWS = ("rowsep-spaces", "rowsep-tabs", "spaces", "tabs", "fullwidth")
FORMS = ("cells", "cells+sep", "rowsep-spaces", "rowsep-tabs", "pipes", "pipes-no-outer", "markdown",
         "ascii", "box-light", "box-heavy", "box-double", "spaces", "tabs", "fullwidth")
SEPARATORS = ("----", "———————", "－－－", "＿＿", "====", "···", "┄┄", "──────", "|", "│", "blank", "two-blanks",
              "varied")
VARIED = ("---", "------", "——", "————————", "-----------")
LABELS = {
    "number": ["序号", "编号", "序号"],
    "text": ["工作任务", "重点任务", "主要任务", "工作内容", "具体任务", "任务内容", "目标任务", "项目名称", "事项"],
    "lead": ["牵头单位", "牵头部门", "主责单位", "责任主体", "主办单位", "牵头责任单位", "牵头负责单位",
             "责任牵头单位"],
    "others": ["配合单位", "协办单位", "参与单位", "协同单位", "配合部门", "责任单位", "参加单位"],
    "units": ["责任单位", "责任部门", "承办单位", "落实单位"],  # the only unit column: responsible
    "leader": ["责任领导", "牵头领导", "分管领导", "联系领导", "牵头市领导", "分管副县长", "县级领导"],
    "deadline": ["完成时限", "时间节点", "完成时间", "时限要求", "办结时限", "进度安排"],
    "progress": ["进展情况"],
    "notes": ["备注"],
    "target": ["工作目标"],
    "category": ["类别"],
}
# Held-out labels (--labels heldout): synonyms real task tables and the notices that ask for them print, found
# in stored public pages (search corpus `pages`, none of them a test-part source) and never in LABELS above nor
# in the importer's lists when they were collected, so that a sweep with them measures labels the importer was
# not tuned on. Tune nothing on them: a rule that reads one of them must come from what labels are made of.
# Sources: 78911.com.cn/DangKeXinDeTiHui/665613-3.html (责任科室, 完成时间节点); dyerandpostasalon.com/rule/
# 217028.html (具体措施); 1651624.live/hbgovinfo/…/t20200123_304093.html (具体工作内容, 分管负责人, 完成时间节点);
# dawa.gov.cn/2021_02/01_16/content-307974.html (具体责任人, 形象进度); news.hbezg.com/bzwd/202512/405105.html
# (内容名称, 时间安排, 责任分工); zhujihailiang.com/nwwd/202508/295314.html (任务名称, 交付成果);
# xyexam.com/html/2509/2021-05-25/content-93597.html (工作举措, 分管市领导, 相关单位); m.cqtzb.org.cn/jxfw/
# 202506/321641.html (具体任务内容, 推进目标); z.hangzhou.com.cn/2020/hzrmzfgb/content/content_7745055.html
# (汇总单位, 存在问题, 下一步措施); cxcy.gzmu.edu.cn/info/1045/1320.htm (承担科室, 主要负责方); zzkailai.com/
# newdetail-620661.html (联系市领导); bbs.5imtv.com/jxfw/202507/273624.html (包保领导); renrendoc.com/paper/
# 508200881.html (挂点领导); wsxjcy.com/portal.php?aid=6996 (帮包责任人); sjj.ningbo.gov.cn/art/2023/1/6/
# art_1229055570_58921710.html (实施单位); seeyon.com.cn/News/desc/id/5934.html (截止日期, 任务进展, 优先级);
# docs.pingcode.com/ask/1357479.html (计划完成时间, 阻塞问题, 验收标准), 1358528.html (完成状态), 1363619.html
# (进度状态); the brief (县级责任领导).
HELDOUT_LABELS = {
    "number": ["序号"],  # no page printed another
    "text": ["具体措施", "具体工作内容", "工作举措", "具体任务内容", "内容名称", "任务名称"],
    "lead": ["汇总单位", "主要负责方", "牵头科室"],
    "others": ["相关单位", "承担科室", "合作单位"],
    "units": ["责任科室", "实施单位", "责任分工", "承担科室"],
    "leader": ["分管负责人", "具体责任人", "帮包责任人", "联系市领导", "分管市领导", "包保领导", "挂点领导",
               "县级责任领导"],
    "deadline": ["完成时间节点", "时间安排", "截止日期", "计划完成时间"],
    "progress": ["形象进度", "进度状态", "完成状态", "任务进展"],
    "notes": ["存在问题", "下一步措施", "阻塞问题"],
    "target": ["推进目标", "验收标准", "交付成果"],
    "category": ["优先级"],
}
VOCABULARIES = {"tuning": LABELS, "heldout": HELDOUT_LABELS}
ORDERS = {
    "standard": ["number", "text", "lead", "others", "leader", "deadline"],
    "leader_first": ["number", "leader", "text", "lead", "others", "deadline"],
    "lead_before_text": ["number", "lead", "text", "others", "leader", "deadline"],
    "deadline_before_units": ["number", "text", "deadline", "lead", "others", "leader"],
}
NUMBERING = ("1", "1.", "1、", "(1)", "一", "none")
EXCERPTS = ("all", "gaps", "restart")
GROUPS = ("gold", "none", "added")
MERGED = ("none", "number", "leader", "lead")
WRAPS = ("none", "text", "units", "both")
PREFIXES = ("kept", "stripped")
UNIT_SEPS = ("、", "，", ",", ";", " ", "lines")
FURNITURE = ("none", "page-number", "continued", "title", "note")
PAGE_LINES = ("— 3 —", "- 3 -", "第3页", "3", "-3-")
NOTES = ("说明：表中时限为最迟完成时间，各责任单位每季度末报送进展情况。", "备注：牵头单位负责统筹协调。",
         "注：1.各单位按季度报送进展情况；2.未列明时限的为年内完成。")
EXTRAS = ("none", "progress", "notes", "target", "category")
CN = "一二三四五六七八九十"
LEVEL_CHARS = "市区县省區縣"


@dataclass
class Case:
    seed: int
    table: str
    dims: dict[str, str]
    text: str
    want: list[Expected]


def _cn(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    return ("" if n < 20 else CN[n // 10 - 1]) + "十" + (CN[n % 10 - 1] if n % 10 else "")


def _strip_level(unit: str) -> str:
    """市发改委 -> 发改委: a unit printed without its level (not 各…, nor a name too short without it)."""
    if unit[:1] in LEVEL_CHARS and len(unit) >= 4 and unit[1:2] not in "(（各":
        return unit[1:]
    return unit


def _stripped(units: tuple[str, ...]) -> tuple[str, ...]:
    """The list without level prefixes, or as it was where one name keeps its level: after 区妇联, a bare
    教体局 reads as 区教体局 (a shared prefix distributes), so a list mixing both is no other rendering."""
    bare = tuple(map(_strip_level, units))
    return units if any(u[:1] in LEVEL_CHARS for u in bare) else bare


def _rows(table: Table, rng: random.Random, dims: dict[str, str]) -> list[Row]:
    """The rows the case prints: all, an excerpt with gaps, or renumbered per group; groups as chosen."""
    rows = list(table.rows)
    groups = dims["groups"]
    if groups == "none":
        rows = [replace(r, group="") for r in rows]
    elif groups == "added" and len(rows) >= 2 and not any(r.group for r in rows):
        half = (len(rows) + 1) // 2
        while 0 < half < len(rows) - 1 and rows[half].number == rows[half - 1].number:
            half += 1  # a merged number cell never spans a group row
        names = rng.choice([("一、经济发展", "二、民生保障"), ("（一）重点项目", "（二）民生实事"),
                            ("稳增长", "惠民生"), ("第一部分 重点工作", "第二部分 民生工程")])
        rows = [replace(r, group=names[0] if i < half else names[1]) for i, r in enumerate(rows)]
    elif groups == "added":
        dims["groups"] = "gold"
    if dims["prefix"] == "stripped":
        rows = [replace(r, lead=_stripped(r.lead), others=_stripped(r.others)) for r in rows]
    excerpt = dims["excerpt"]
    if excerpt == "gaps" and len(rows) >= 4:
        keep = sorted(rng.sample(range(len(rows)), max(2, len(rows) * 2 // 3)))
        if keep == list(range(keep[0], keep[0] + len(keep))):
            keep = [*keep[:-1], min(len(rows) - 1, keep[-1] + 1)] if keep[-1] + 1 < len(rows) else keep
        rows = [rows[i] for i in sorted(set(keep))]
    elif excerpt == "gaps":
        dims["excerpt"] = "all"
    elif excerpt == "restart":
        if not any(r.group for r in rows) or not all(r.number for r in rows):
            dims["excerpt"] = "all"
        else:
            out, group, count, last = [], None, 0, None
            for r in rows:
                if r.group != group:
                    group, count, last = r.group, 0, None
                if r.number != last:
                    count += 1
                    last = r.number
                out.append(replace(r, number=str(count)))
            rows = out
    if dims["fragment"] == "yes":
        rows = rows[len(rows) // 2:] if len(rows) >= 4 else rows
        rows = [replace(r, group="") for r in rows]
    return rows


def _number(row: Row, style: str) -> str:
    if not row.number or style == "none" or not row.number.isdigit():
        return "" if style == "none" else row.number
    n = int(row.number)
    return {"1": str(n), "1.": f"{n}.", "1、": f"{n}、", "(1)": f"（{n}）", "一": _cn(n) if n <= 99 else str(n)}[style]


def _expected_number(row: Row, style: str) -> str:
    if style == "none":
        return ""
    if style == "一" and row.number.isdigit() and int(row.number) <= 99:
        return _cn(int(row.number))
    return row.number


def _kinds(table: Table, rows: list[Row], dims: dict[str, str]) -> list[str]:
    kinds = []
    leads = any(r.lead for r in rows) if dims["fragment"] == "yes" else table.leads
    for kind in ORDERS[dims["order"]]:
        if kind == "number" and dims["numbering"] == "none":
            continue
        if kind == "lead" and not leads:
            continue
        if kind in ("leader", "deadline") and not any(getattr(r, kind) for r in rows):
            continue
        kinds.append("units" if kind == "others" and not leads else kind)
    extra = dims["extra"]
    if extra == "target":
        kinds.insert(kinds.index("text") + 1, "target")
    elif extra == "category":
        kinds.insert(1 if kinds[0] == "number" else 0, "category")
    elif extra in ("progress", "notes"):
        kinds.append(extra)
    return kinds


def _cell(row: Row, kind: str, index: int, dims: dict[str, str], sep: str) -> str:
    if kind == "number":
        return _number(row, dims["numbering"])
    if kind in ("lead", "others", "units"):
        return sep.join(row.lead if kind == "lead" else row.others)
    if kind == "progress":
        return "正在推进" if index % 2 else ""
    if kind == "notes":
        return "列入考核" if index % 3 == 1 else ""
    if kind == "target":
        return "按期完成年度目标" if index % 2 else ""
    if kind == "category":
        return ("民生类", "发展类")[index % 2]
    return getattr(row, kind)


def _unit_sep(dims: dict[str, str]) -> str:
    value = dims["unitsep"]
    return "\n" if value == "lines" else value


def _body(rows: list[Row], kinds: list[str], dims: dict[str, str]) -> list[list[str] | str]:
    """The table's body: rows of cells (a cell may hold \\n: lines of one cell), and group headings."""
    out: list[list[str] | str] = []
    group, above = None, None
    once = {"number": ("number",), "leader": ("leader",), "lead": ("lead",), "none": ()}[dims["merged"]]
    sep = _unit_sep(dims)
    empty = list(EMPTY_GROUPS) if dims["emptygroups"] == "yes" else []
    for index, row in enumerate(rows):
        if row.group and row.group != group and empty:
            out.append(empty.pop(0))  # a group the excerpt kept no row of, before or between kept ones
        if row.group and row.group != group:
            out.append(row.group)
            above = None
        group = row.group
        cells = [_cell(row, kind, index, dims, sep) for kind in kinds]
        if above is not None:
            for i, kind in enumerate(kinds):
                if kind in once and cells[i] and cells[i] == _cell(above, kind, index, dims, sep):
                    cells[i] = ""
        out.append(cells)
        above = row
    if empty:
        out.append(empty[-1])  # the table's last group, left empty
    return out


# group rows printed with no row under them: the excerpt kept none of their rows (names no table's gold uses)
EMPTY_GROUPS = ("（三）社会治理", "五、改革创新", "其他工作")


GLOSS = re.compile(r"[(（][a-zü\u00c0-\u024f]+[)）]")


def _wrap(value: str, rng: random.Random) -> str:
    """A cell's text over 2-4 lines at the column's width; a mirror site's pinyin gloss (區(qū)) was added
    after the page was laid out, so it stays with its character."""
    lines = rng.choice((2, 3, 4))
    chars = re.findall(r".(?:[(（][a-zü\u00c0-\u024f]+[)）])?", value)
    width = max(2, -(-len(chars) // lines))
    return "\n".join("".join(chars[i:i + width]) for i in range(0, len(chars), width))


def _wrapped(body: list[list[str] | str], kinds: list[str], dims: dict[str, str], rng: random.Random):
    wrap = dims["wrap"]
    which = {"none": (), "text": ("text",), "units": ("lead", "others", "units"),
             "both": ("text", "lead", "others", "units")}[wrap]
    out: list[list[str] | str] = []
    for cells in body:
        if isinstance(cells, str):
            out.append(cells)
            continue
        out.append([_wrap(c, rng) if kinds[i] in which and len(c) >= 6 and "\n" not in c else c
                    for i, c in enumerate(cells)])
    return out


def _header(kinds: list[str], table: Table, dims: dict[str, str], rng: random.Random) -> list[str]:
    labels = []
    vocabulary = VOCABULARIES[dims.get("labels", "tuning")]
    for kind in kinds:
        choices = [c for c in vocabulary[kind] if c not in labels]  # two columns never print one label
        labels.append(rng.choice(choices))
    if dims["header"] == "spaced":
        labels = [" ".join(label) if len(label) <= 4 else label for label in labels]
    return labels


# -- renderings ---------------------------------------------------------------------------------------

def _separator(dims: dict[str, str], rng: random.Random) -> list[str]:
    kind = dims["sep"]
    if kind == "blank":
        return [""]
    if kind == "two-blanks":
        return ["", ""]
    if kind == "varied":
        return [rng.choice(VARIED)]
    return [kind]


def _block_cells(cells: list[str], dims: dict[str, str], rng: random.Random, sep: bool) -> list[str]:
    lines: list[str] = []
    for value in cells:
        if value:
            lines += value.split("\n")
            if sep:
                lines += _separator(dims, rng)
    return lines


def _one_line(cells: list[str], form: str, rng: random.Random) -> str:
    flat = [c.replace("\n", "") for c in cells]
    if form in ("rowsep-tabs", "tabs"):
        return "\t".join(flat)
    gap = "\u3000\u3000" if form == "fullwidth" else rng.choice(("  ", "   ", "    "))
    return gap.join(c for c in flat if c)


def _split_lines(cells: list[str]) -> list[list[str]]:
    """A row whose cells hold several lines, as printed lines of the row (the other cells empty)."""
    parts = [c.split("\n") for c in cells]
    return [[p[k] if k < len(p) else "" for p in parts] for k in range(max(len(p) for p in parts))]


def _grid_line(cells: list[str], form: str) -> str:
    if form == "pipes-no-outer":
        return " | ".join(cells)
    bar = {"box-light": "│", "box-heavy": "┃", "box-double": "║"}.get(form, "|")
    return bar + bar.join(f" {c} " if form in ("pipes", "markdown", "ascii") else c for c in cells) + bar


def _rule(width: int, form: str, where: str) -> str | None:
    if form == "ascii":
        return "+" + "+".join("-" * 6 for _ in range(width)) + "+"
    if form.startswith("box"):
        h, corners = {"box-light": ("─", "┌┬┐├┼┤└┴┘"), "box-heavy": ("━", "┏┳┓┣╋┫┗┻┛"),
                      "box-double": ("═", "╔╦╗╠╬╣╚╩╝")}[form]
        at = {"top": 0, "mid": 3, "bottom": 6}[where]
        return corners[at] + corners[at + 1].join(h * 4 for _ in range(width)) + corners[at + 2]
    if form == "markdown" and where == "header":
        return "|" + "|".join(" --- " for _ in range(width)) + "|"
    return None


def _render_row(cells: list[str], form: str, dims: dict[str, str], rng: random.Random) -> list[str]:
    """The printed lines of one row (or of the header) in the case's form, without rules between rows."""
    if form == "cells":
        return _block_cells(cells, dims, rng, False)
    if form == "cells+sep":
        return _block_cells(cells, dims, rng, True)
    if form in ONE_LINE_ROWS:
        return [_one_line(cells, form, rng)]
    return [_grid_line(line, form) for line in _split_lines(cells)]


def _group_line(name: str, width: int, form: str, dims: dict[str, str], rng: random.Random) -> list[str]:
    if form == "cells+sep":
        return _block_cells([name], dims, rng, True)
    if form == "cells" or (form in ONE_LINE_ROWS and form not in ("rowsep-tabs", "tabs")):
        return [name]
    if form in ("rowsep-tabs", "tabs"):
        return ["\t".join([name] + [""] * (width - 1))]
    return [_grid_line([name] + [""] * (width - 1), form)]


def _header_lines(header: list[str], form: str, dims: dict[str, str], rng: random.Random) -> list[str]:
    if dims["header"] != "broken":
        return _render_row(header, form, dims, rng)
    if form in ("cells", "cells+sep"):
        split = [[label[:len(label) // 2], label[len(label) // 2:]] if len(label) >= 4 else [label]
                 for label in header]
        return _block_cells(["\n".join(parts) for parts in split], dims, rng, form == "cells+sep")
    top = [label[:len(label) // 2] if len(label) >= 4 else "" for label in header]
    bottom = [label[len(label) // 2:] if len(label) >= 4 else label for label in header]
    return _render_row(top, form, dims, rng) + _render_row(bottom, form, dims, rng)


def render(header: list[str] | None, body: list[list[str] | str], form: str, dims: dict[str, str],
           rng: random.Random) -> list[list[str]]:
    """The table as blocks of lines: the header block (or none), then one block per row or group row.
    Furniture goes between blocks."""
    width = len(header) if header else max(len(c) for c in body if not isinstance(c, str))
    blocks: list[list[str]] = []
    between = _rule(width, form, "mid") if form.startswith("box") or form == "ascii" else None
    if form.startswith("rowsep"):
        row_sep = _separator(dims, rng)
    first = _rule(width, form, "top")
    if header:
        lines = ([first] if first else []) + _header_lines(header, form, dims, rng)
        after = _rule(width, form, "header") if form == "markdown" else between
        blocks.append(lines + ([after] if after else []))
    for index, cells in enumerate(body):
        if isinstance(cells, str):
            lines = _group_line(cells, width, form, dims, rng)
        else:
            lines = _render_row(cells, form, dims, rng)
        if not header and index == 0 and first:
            lines = [first, *lines]
        if between and index < len(body) - 1:
            lines.append(between)
        elif form.startswith("box") and index == len(body) - 1:
            lines.append(_rule(width, form, "bottom") or "")
        elif form == "ascii" and index == len(body) - 1:
            lines.append(between or "")
        if form.startswith("rowsep") and index < len(body) - 1:
            lines += row_sep
        blocks.append(lines)
    return blocks


# -- a case -------------------------------------------------------------------------------------------

def _choose(rng: random.Random) -> dict[str, str]:
    dims = {
        "form": rng.choice(FORMS),
        "sep": rng.choice(SEPARATORS),
        "header": rng.choice(("printed", "printed", "printed", "absent", "spaced", "broken")),
        "order": rng.choice(tuple(ORDERS)),
        "numbering": rng.choice(NUMBERING),
        "excerpt": rng.choice(EXCERPTS),
        "groups": rng.choice(GROUPS),
        "merged": rng.choice(MERGED),
        "wrap": rng.choice(WRAPS),
        "prefix": rng.choice(PREFIXES),
        "unitsep": rng.choice(UNIT_SEPS),
        "furniture": rng.choice(FURNITURE),
        "fragment": rng.choice(("no", "no", "no", "yes")),
        "extra": rng.choice(EXTRAS),
    }
    return dims


def _applicable(dims: dict[str, str], table: Table) -> None:
    """Set aside values that do not apply to the form (recorded as what is printed)."""
    form = dims["form"]
    if form not in ("cells+sep",) and not form.startswith("rowsep"):
        dims["sep"] = "-"
    if form.startswith("rowsep") and dims["sep"] in ("|", "│"):
        dims["sep"] = "----"  # a bar alone between one-line rows is no rule anyone prints
    if form in ONE_LINE_ROWS:
        # a row printed on one line has no room for a cell over lines; its units are a list on the line
        dims["wrap"] = "none"
        if dims["unitsep"] in ("lines", " "):
            dims["unitsep"] = "、"
    if form in VANISHING and dims["merged"] == "lead":
        dims["merged"] = "none"  # empty cells leave no trace: a lead cell printed once reads as no lead
    if dims["fragment"] == "yes" or dims["groups"] == "none":
        dims["emptygroups"] = "no"  # a fragment starts between rows; a table without groups has none empty
    if dims["fragment"] == "yes":
        dims["header"] = "absent"
        if len(table.rows) < 2:
            dims["fragment"] = "no"
    if dims["header"] == "absent" and dims["furniture"] == "continued":
        dims["furniture"] = "page-number"


def _leads_known(dims: dict[str, str], rows: list[Row], kinds: list[str]) -> bool:
    """Can a reader tell the lead units from the others in this rendering?"""
    if not any(r.lead for r in rows):
        return True  # nobody leads: an empty lead list is right whatever the rendering
    vanishing = dims["form"] in VANISHING
    if dims["header"] == "absent":
        # without the header, a lead column is known only where a second unit column stands beside it
        return not vanishing and any(r.others for r in rows)
    if vanishing and dims["unitsep"] == "lines" and dims["form"] != "cells+sep":
        return False  # a lead cell's units one a line, then the others': nothing shows where they part
    # the same where a wrapped unit cell runs into the next one
    return not (vanishing and dims["wrap"] in ("units", "both") and dims["form"] != "cells+sep")


def case(seed: int, all_tables: list[Table] | None = None, labels: str = "tuning") -> Case:
    """The case of a seed; `labels` the vocabulary its header draws from (tuning: the synonyms the importer
    knows; heldout: HELDOUT_LABELS), recorded in its dimensions when it is not the default."""
    rng = random.Random(seed)
    pool = all_tables if all_tables is not None else TABLES
    table = pool[rng.randrange(len(pool))]
    dims = _choose(rng)
    if labels != "tuning":
        dims["labels"] = labels
    # drawn apart, so that adding the dimension left every other dimension of a seed as it was
    dims["emptygroups"] = random.Random(seed + 1_000_003).choice(("no", "no", "no", "yes"))
    _applicable(dims, table)
    rows = _rows(table, rng, dims)
    if dims["numbering"] != "none" and not all(r.number for r in rows):
        dims["numbering"] = "1"
    kinds = _kinds(table, rows, dims)
    header = _header(kinds, table, dims, rng) if dims["header"] != "absent" else None
    body = _wrapped(_body(rows, kinds, dims), kinds, dims, rng)
    blocks = render(header, body, dims["form"], dims, rng)
    lines = _furnish(blocks, header, dims, rng)
    leads = _leads_known(dims, rows, kinds)
    want = [Expected(_expected_number(r, dims["numbering"]), r.text, [*r.lead, *r.others],
                     list(r.lead) if leads else None, r.leader or None, r.deadline or None) for r in rows]
    text = _notice(table, lines, dims)
    # drawn apart like emptygroups: the whole notice in traditional characters (OpenCC), as mirror sites print it
    dims["script"] = script = random.Random(seed + 2_000_003).choice(SCRIPTS)
    if script != "simplified":
        text = convert(script, text)
        want = [replace(w, text=convert(script, w.text), units=[convert(script, u) for u in w.units],
                        leads=None if w.leads is None else [convert(script, u) for u in w.leads],
                        leader=w.leader and convert(script, w.leader),
                        deadline=w.deadline and convert(script, w.deadline)) for w in want]
    return Case(seed, table.name, dims, text, want)


SCRIPTS = ("simplified",) * 5 + ("s2t", "s2hk", "s2tw")


def _furnish(blocks: list[list[str]], header: list[str] | None, dims: dict[str, str],
             rng: random.Random) -> list[str]:
    furniture = dims["furniture"]
    rows_at = 1 if header else 0
    # between two row blocks, never right after the header
    at = rng.randrange(rows_at + 1, len(blocks)) if len(blocks) - rows_at >= 2 else None
    if furniture in ("page-number", "continued") and at is None:
        dims["furniture"] = furniture = "none"
    lines: list[str] = []
    for index, block in enumerate(blocks):
        if index == at and furniture == "page-number":
            lines += ["", rng.choice(PAGE_LINES), ""]
        elif index == at and furniture == "continued":
            lines += [rng.choice(PAGE_LINES), rng.choice(("续表", "（续）", "续上表"))] + blocks[0]
        lines += block
    if furniture == "note":
        lines += ["", rng.choice(NOTES)]
    if dims["fragment"] == "yes":
        lines = [rng.choice(PAGE_LINES), *lines]
    return lines


def _notice(table: Table, lines: list[str], dims: dict[str, str]) -> str:
    issuer = f"{table.government}人民政府办公室" if table.government != "国务院" else "国务院办公厅"
    start = f"{issuer}关于印发重点工作任务分解表的通知\n各有关单位:\n现将任务分解表印发给你们,请认真贯彻落实。\n" \
            f"{issuer}\n2021年3月1日\n"
    if dims["furniture"] == "title":
        start += f"附件1\n{table.title}\n"
    elif dims["fragment"] == "yes":
        start += "附件\n"
    else:
        start += f"附件\n{table.title}\n"
    return start + "\n".join(lines) + "\n"


# -- checking -----------------------------------------------------------------------------------------

def run_case(c: Case, site: Path) -> list[str]:
    from sitegen.core.errors import SitegenError
    from sitegen.importer import import_text
    from sitegen.importer.content import iter_tasks

    table = TABLE_BY_NAME[c.table]
    try:
        result = import_text(c.text, site, stem="fuzz", force=True, jurisdiction=table.government,
                             parent=table.parent)
    except SitegenError as error:
        return [f"refused: {error}"]
    except Exception as error:  # a crash is a failure class of its own, counted like the rest
        return [f"crash: {type(error).__name__}: {error}"]
    return differences(c.want, list(iter_tasks(result.data)))


def problem_kind(problem: str) -> str:
    """refused / count / number / text / units / leads / leader / deadline: the class of a difference."""
    if problem.startswith(("refused", "crash")):
        return problem.split(":", 1)[0]
    if " tasks, expected " in problem:
        return "count"
    return problem.split(": ", 1)[1].split(" ", 1)[0] if ": " in problem else "other"


# The failure classes still open, most general first: a failing case belongs to the first class it fits.
CLASSES: dict[str, str] = {
    "one-cell": "one cell a line (with or without separator lines): with extra columns, punctuated or missing "
                "numbers, a repeated header or wrapped cells, cells run into the wrong column",
    "headless": "no header row: columns are read from the cells alone, and an extra column (类别, 工作目标, 备注) "
                "or a numberless row is read as text or as another row",
    "wrapped": "a text or unit cell wrapped over 2-4 lines in rows without rules between them: a continuation "
               "line whose unit cell starts a whole name reads as a row under a merged number",
    "space-columns": "columns of spaces: empty cells leave no trace, so a cell is placed by its content alone",
    "broken-header": "header labels broken over two rows of a delimited table",
    "units-one-a-line": "a unit cell's names one a line in a delimited table",
    "target": "a 工作目标 column beside the task's text",
}


def classify(dims: dict[str, str]) -> str:
    """The open failure class a case's dimensions put it in ("other" when none)."""
    tests = {
        "one-cell": dims["form"] in ("cells", "cells+sep"),
        "headless": dims["header"] == "absent",
        "wrapped": dims["wrap"] != "none",
        "space-columns": dims["form"] in ("spaces", "fullwidth", "rowsep-spaces"),
        "broken-header": dims["header"] == "broken",
        "units-one-a-line": dims["unitsep"] == "lines",
        "target": dims["extra"] == "target",
    }
    return next((name for name in CLASSES if tests[name]), "other")


TABLES = tables()
TABLE_BY_NAME = {t.name: t for t in TABLES}
DIMENSIONS = ("table", "form", "sep", "header", "order", "numbering", "excerpt", "groups", "emptygroups", "merged",
              "wrap", "prefix", "unitsep", "furniture", "fragment", "extra", "script")


def sweep(seeds: range, verbose: bool = False, where: dict[str, str] | None = None,
          labels: str = "tuning") -> dict[int, list[str]]:
    """Import every case of the seeds (those whose dimensions match `where`), print the rates."""
    import tempfile

    failures: dict[int, list[str]] = {}
    rates = Rates(DIMENSIONS)
    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    classes: dict[str, list[int]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            c = case(seed, labels=labels)
            if where and any(({"table": c.table, **c.dims}).get(k) != v for k, v in where.items()):
                continue
            problems = run_case(c, Path(tmp))
            ok = not problems
            by_class[classify(c.dims)][0] += ok
            by_class[classify(c.dims)][1] += 1
            rates.add({"table": c.table, **c.dims}, ok)
            if problems:
                failures[seed] = problems
                kind = problem_kind(problems[0])
                classes[f"{kind} / {c.dims['form']}"].append(seed)
    total = rates.total("form")
    passed = total - len(failures)
    print(f"all: {passed}/{total} ({passed / max(1, total):.3f})")
    rates.print()
    print("open classes (tests/test_import_tablefuzz.py): " +
          "  ".join(f"{name} {ok}/{n}" for name, (ok, n) in sorted(by_class.items())))
    kinds = Counter({k: len(v) for k, v in classes.items()})
    print("failure classes (first problem / form): count, first seeds")
    for name, count in kinds.most_common():
        print(f"  {name:28} {count:4}  {classes[name][:8]}")
    if verbose:
        for seed, problems in failures.items():
            print(f"  seed {seed}: " + "; ".join(problems[:3])[:300])
    return failures


def main(argv: list[str]) -> int:
    labels = argv[argv.index("--labels") + 1] if "--labels" in argv else "tuning"  # tuning | heldout
    if "--show" in argv:
        import tempfile

        c = case(int(argv[argv.index("--show") + 1]), labels=labels)
        print(c.table, c.dims)
        print(c.text)
        with tempfile.TemporaryDirectory() as tmp:
            for problem in run_case(c, Path(tmp)) or ["(passes)"]:
                print("  " + problem[:400])
        return 0
    count = int(argv[argv.index("--seeds") + 1]) if "--seeds" in argv else 2000
    start = int(argv[argv.index("--start") + 1]) if "--start" in argv else 0
    where = dict(arg.split("=", 1) for arg in argv if "=" in arg and not arg.startswith("-"))
    sweep(range(start, start + count), "--failures" in argv, where, labels)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
