"""A rendering matrix for issue 17, item 1: the task tables of the real development notices, re-rendered
into every plain-text form a table reaches a staff member in.

Each table is taken from its gold (tests/importer_corpus/real/dev/*.gold.yaml): rows of cells — the
number, the task's text (its printed start), the lead units, the other units in printed order, the
leader and the deadline. The one default notice printed as a table (武昌) is taken from its committed
content the same way. Every rendering of a table must import to the same tasks; nothing here is
random, so a case fails the same way every time.

Used by tests/test_import_matrix.py; `python tests/importer_matrix.py` prints the pass rate per
rendering (the figure the issue's note reports).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "importer_corpus" / "real" / "dev"
# the dev notices whose tasks are the rows of a table (their layouts say so)
TABLE_NOTICES = ["dazhu-2016-minsheng", "guowuyuan-2016-lianghua", "huoshan-2025-kaifaqu", "jiangbei-2023-minsheng",
                 "jindong-2024-minsheng", "shangcheng-2019-mubiao", "xuhui-2006-shiyiwu", "yuanzhou-2023-minsheng",
                 "zhonglou-2021-minsheng"]
DEFAULT_TABLE = ROOT / "content" / "notices" / "wuchang-2017-wuchangzhengban-1.yaml"
DEFAULT_ROWS = 8
LEAD_ROLES = ("牵头", "主办")


@dataclass(frozen=True)
class Row:
    number: str
    text: str
    lead: tuple[str, ...]
    others: tuple[str, ...]  # the units after the lead units, in printed order
    leader: str
    deadline: str
    group: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    government: str
    parent: str | None
    title: str
    rows: tuple[Row, ...]

    @property
    def leads(self) -> bool:
        return any(row.lead for row in self.rows)

    def has(self, kind: str) -> bool:
        return any(getattr(row, kind) for row in self.rows)


@dataclass(frozen=True)
class Expected:
    number: str
    text: str
    units: list[str]
    leads: list[str] | None  # None: not recoverable from this rendering (no header, cells vanish)
    leader: str | None
    deadline: str | None


# -- the tables --------------------------------------------------------------------------------

def gold_table(slug: str) -> Table:
    gold = yaml.safe_load((DEV / f"{slug}.gold.yaml").read_text(encoding="utf-8"))
    sections = {tuple(t["section"]) for t in gold["tasks"]}
    rows = []
    for task in gold["tasks"]:
        units, lead = list(task["units"]), list(task["lead_units"])
        assert units[:len(lead)] == lead, slug  # lead units printed first: a lead column, then the others
        group = task["section"][-1] if len(sections) > 1 and task["section"] else ""
        rows.append(Row(task["number"], task["text_start"], tuple(lead), tuple(units[len(lead):]),
                        task["leader"] or "", task["deadline"] or "", group))
    title = next(iter(sections))[-1] if len(sections) == 1 and next(iter(sections)) else "重点工作任务分解表"
    return Table(slug, gold["government"], gold.get("parent"), title, tuple(rows))


def default_table() -> Table:
    """武昌's attachment with the most rows naming units, its first rows: one 责任单位 column, its units
    in printed order."""
    data = yaml.safe_load(DEFAULT_TABLE.read_text(encoding="utf-8"))
    att = max(data["attachments"], key=lambda a: sum(1 for t in a.get("tasks") or [] if t.get("units")))
    rows = [Row(task["number"], task["text"], (), tuple(u["name"] for u in task["units"]), "", "")
            for task in att["tasks"] if task.get("units")][:DEFAULT_ROWS]
    return Table("wuchang-2017-default", "武昌区", "武汉市", "目标责任分解表", tuple(rows))


def tables() -> list[Table]:
    return [gold_table(slug) for slug in TABLE_NOTICES] + [default_table()]


# -- columns -------------------------------------------------------------------------------------

# header labels, one list per column kind; synonym set k takes the k-th label of each (wrapping round)
LABELS = {
    "number": ["序号", "编号", "No.", "序号", "编号"],
    "text": ["工作任务", "重点任务", "目标任务", "主要内容", "工作内容"],
    "lead": ["牵头单位", "主办单位", "主责单位", "责任主体", "牵头部门"],
    "others": ["配合单位", "协办单位", "参与单位", "责任单位", "责任部门"],
    "units": ["责任单位", "责任部门", "责任单位", "责任部门", "责任单位"],  # the only unit column: responsible
    "leader": ["责任领导", "牵头领导", "分管领导", "县领导", "联系领导", "包抓领导", "市领导"],
    "deadline": ["完成时限", "时间节点", "完成时间", "进度安排", "完成时限"],
    "progress": ["进展情况"],
}
SYNONYM_SETS = 5
ORDERS = {
    "standard": ["number", "text", "lead", "others", "leader", "deadline"],
    "leader_first": ["number", "leader", "text", "lead", "others", "deadline"],
    "lead_before_text": ["number", "lead", "text", "others", "leader", "deadline"],
    "deadline_before_units": ["number", "text", "deadline", "lead", "others", "leader"],
}


def columns(table: Table, order: str = "standard", progress: bool = False) -> list[str]:
    kinds = []
    for kind in ORDERS[order]:
        if kind == "lead" and not table.leads:
            continue
        if kind in ("leader", "deadline") and not table.has(kind):
            continue
        kinds.append("units" if kind == "others" and not table.leads else kind)
    return kinds + (["progress"] if progress else [])


def labels(kinds: list[str], synonyms: int = 0) -> list[str]:
    return [LABELS[kind][synonyms % len(LABELS[kind])] for kind in kinds]


def cell(row: Row, kind: str) -> str:
    if kind == "lead":
        return "、".join(row.lead)
    if kind in ("others", "units"):
        return "、".join(row.others)
    if kind == "progress":
        return "正在推进" if int(row.number or 0) % 2 else ""
    return getattr(row, kind)


def grid(table: Table, kinds: list[str], rows: tuple[Row, ...] | None = None,
         once: tuple[str, ...] = ()) -> list[list[str]]:
    """The body as rows of cells, a group row (one cell, the rest empty) where the group changes.
    once: the kinds of cell printed in the first row they cover only, when merged over rows that repeat it."""
    out: list[list[str]] = []
    group, above = None, None
    for row in rows if rows is not None else table.rows:
        if row.group and row.group != group:
            out.append([row.group] + [""] * (len(kinds) - 1))
            above = None
        group = row.group
        cells = [cell(row, kind) for kind in kinds]
        if above is not None:
            for i, kind in enumerate(kinds):
                if kind in once and cells[i] and cells[i] == cell(above, kind):
                    cells[i] = ""
        out.append(cells)
        above = row
    return out


# -- the renderings -----------------------------------------------------------------------------

def one_per_line(header: list[str] | None, body: list[list[str]], after: str | None = None) -> str:
    lines = []
    for cells in ([header] if header else []) + body:
        for value in cells:
            if value:
                lines.append(value)
                if after is not None:
                    lines.append(after)
    return "\n".join(lines)


def piped(header: list[str] | None, body: list[list[str]], outer: bool = True, rule: bool = False,
          bar: str = "|") -> str:
    def line(cells: list[str]) -> str:
        inner = f" {bar} ".join(cells)
        return f"{bar} {inner} {bar}" if outer else inner
    lines = []
    if header:
        lines.append(line(header))
        if rule:
            lines.append(line(["---"] * len(header)))
    lines += [line(cells) for cells in body]
    return "\n".join(lines)


def boxed(header: list[str] | None, body: list[list[str]], bar: str = "│") -> str:
    width = len(body[0]) if body else len(header or [])
    heavy = bar == "┃"
    h = "━" if heavy else "─"
    corners = "┏┳┓┣╋┫┗┻┛" if heavy else "┌┬┐├┼┤└┴┘"

    def border(left: str, middle: str, right: str) -> str:
        return left + middle.join(h * 4 for _ in range(width)) + right
    top, rule, bottom = border(*corners[0:3]), border(*corners[3:6]), border(*corners[6:9])
    lines = [top]
    for cells in ([header] if header else []) + body:
        lines += [bar + bar.join(cells) + bar, rule]
    lines[-1] = bottom
    return "\n".join(lines)


def spaced(header: list[str] | None, body: list[list[str]], gap: str = "   ") -> str:
    return "\n".join(gap.join(c for c in cells if c) for cells in ([header] if header else []) + body)


def tabbed(header: list[str] | None, body: list[list[str]]) -> str:
    return "\n".join("\t".join(cells) for cells in ([header] if header else []) + body)


def pieces(value: str, width: int) -> list[str]:
    return [value[i:i + width] for i in range(0, len(value), width)] or [""]


def wrap_rows(body: list[list[str]], kinds: list[str], width: int = 9) -> list[list[str]]:
    """A long text or unit list continued on the next line(s) in its own column, the other cells empty."""
    out = []
    for cells in body:
        if len([c for c in cells if c]) == 1 and cells[0]:
            out.append(cells)  # a group row
            continue
        wrapped = [pieces(c, width) if kinds[i] in ("text", "lead", "others", "units") else [c]
                   for i, c in enumerate(cells)]
        for k in range(max(len(w) for w in wrapped)):
            out.append([w[k] if k < len(w) else "" for w in wrapped])
    return out


def broken_cells(body: list[list[str]], kinds: list[str], width: int = 2) -> list[list[str]]:
    """One-cell-a-line with each unit cell broken a few characters a line (市发 / 改委)."""
    return [[c if kinds[i] not in ("lead", "others", "units") else "\n".join(pieces(c, width))
             for i, c in enumerate(cells)] if not (len([c for c in cells if c]) == 1 and cells[0]) else cells
            for cells in body]


MERGED = ("number", "lead", "leader")
MERGED_UNPLACED = ("number", "leader")  # where empty cells vanish, a lead cell printed once reads as none
Rendering = Callable[[Table], tuple[str, list[Expected]] | None]  # None: the form does not apply


def expected(table: Table, rows: tuple[Row, ...] | None = None, leads: bool = True) -> list[Expected]:
    return [Expected(r.number, r.text, [*r.lead, *r.others], list(r.lead) if leads else None,
                     r.leader or None, r.deadline or None) for r in (rows if rows is not None else table.rows)]


def simple(form: Callable[[list[str], list[list[str]]], str], synonyms: int = 0, order: str = "standard",
           once: tuple[str, ...] = (), progress: bool = False) -> Rendering:
    def render(table: Table) -> tuple[str, list[Expected]]:
        kinds = columns(table, order, progress)
        return form(labels(kinds, synonyms), grid(table, kinds, once=once)), expected(table)
    return render


def wrapped(form: Callable[[list[str], list[list[str]]], str]) -> Rendering:
    def render(table: Table) -> tuple[str, list[Expected]]:
        kinds = columns(table)
        return form(labels(kinds), wrap_rows(grid(table, kinds), kinds)), expected(table)
    return render


def broken(form: Callable[[list[str], list[list[str]]], str]) -> Rendering:
    def render(table: Table) -> tuple[str, list[Expected]]:
        kinds = columns(table)
        return form(labels(kinds), broken_cells(grid(table, kinds), kinds)), expected(table)
    return render


def midway(form: Callable[[list[str] | None, list[list[str]]], str], marker: str, keeps_columns: bool) -> Rendering:
    """The second half of the table, after a continuation marker (or none), without its header row.
    keeps_columns: empty cells keep their place (delimited rows), so the lead column is known."""
    def render(table: Table) -> tuple[str, list[Expected]]:
        kinds = columns(table)
        rows = table.rows[len(table.rows) // 2:] if len(table.rows) >= 4 else table.rows
        rows = tuple(replace(r, group="") for r in rows)
        if len(rows) < 2 and not marker and not keeps_columns:
            return None  # a number, a text and a unit, one a line, alone: nothing says they are a table's
        body = form(None, grid(table, kinds, rows))
        # without the header, a lead column is known only where a second unit column stands beside it
        leads = not table.leads or (keeps_columns and any(r.others for r in rows))
        return (marker + "\n" if marker else "") + body, expected(table, rows, leads)
    return render


def run_together(table: Table) -> tuple[str, list[Expected]]:
    """Every row one line, its cells run together with nothing between them (a PDF's text layer)."""
    kinds = columns(table)
    return "\n".join("".join(cells) for cells in [labels(kinds), *grid(table, kinds)]), expected(table)


RENDERINGS: dict[str, Rendering] = {
    "cells": simple(lambda h, b: one_per_line(h, b)),
    "cells+dashes": simple(lambda h, b: one_per_line(h, b, "----")),
    "cells+em-dashes": simple(lambda h, b: one_per_line(h, b, "—— ——")),
    "cells+blank": simple(lambda h, b: one_per_line(h, b, "")),
    "cells+pipe": simple(lambda h, b: one_per_line(h, b, "|")),
    "cells+box-bar": simple(lambda h, b: one_per_line(h, b, "│")),
    "pipes": simple(piped),
    "pipes-no-outer": simple(lambda h, b: piped(h, b, outer=False)),
    "markdown": simple(lambda h, b: piped(h, b, rule=True)),
    "box": simple(boxed),
    "box-heavy": simple(lambda h, b: boxed(h, b, "┃")),
    "spaces": simple(spaced),
    "tabs": simple(tabbed),
    "wrapped-pipes": wrapped(piped),
    "wrapped-box": wrapped(boxed),
    "wrapped-tabs": wrapped(tabbed),
    "broken-cells": broken(lambda h, b: one_per_line(h, b)),
    # delimited rows keep an empty cell's place, so a lead cell printed once can be told from none
    "merged-pipes": simple(piped, once=MERGED),
    "merged-box": simple(boxed, once=MERGED),
    "merged-tabs": simple(tabbed, once=MERGED),
    "merged-cells": simple(lambda h, b: one_per_line(h, b), once=MERGED_UNPLACED),
    "merged-spaces": simple(spaced, once=MERGED_UNPLACED),
    "continued-pipes": midway(lambda h, b: piped(h, b), "续表", True),
    "continued-tabs": midway(tabbed, "(续)", True),
    "continued-cells": midway(lambda h, b: one_per_line(h, b), "续表", False),
    "headless-pipes": midway(lambda h, b: piped(h, b), "", True),
    "headless-cells": midway(lambda h, b: one_per_line(h, b), "", False),
    "progress-pipes": simple(piped, progress=True),
    "progress-cells": simple(lambda h, b: one_per_line(h, b), progress=True),
    **{f"synonyms{k}-pipes": simple(piped, synonyms=k) for k in range(1, SYNONYM_SETS)},
    **{f"synonyms{k}-cells": simple(lambda h, b: one_per_line(h, b), synonyms=k) for k in range(1, SYNONYM_SETS)},
    **{f"{order}-pipes": simple(piped, order=order) for order in ORDERS if order != "standard"},
    **{f"{order}-cells": simple(lambda h, b: one_per_line(h, b), order=order)
       for order in ORDERS if order != "standard"},
    "run-together": run_together,
}


def notice(table: Table, body: str) -> str:
    """The table as the attachment of a notice of the table's government."""
    issuer = f"{table.government}人民政府办公室" if table.government != "国务院" else "国务院办公厅"
    return (f"{issuer}关于印发重点工作任务分解表的通知\n各有关单位:\n现将任务分解表印发给你们,请认真贯彻落实。\n"
            f"{issuer}\n2021年3月1日\n附件\n{table.title}\n{body}\n")


# -- checking ----------------------------------------------------------------------------------

def compact(text: str | None) -> str:
    return "".join((text or "").split())


def got(task: dict) -> Expected:
    units = task.get("units") or []
    return Expected(task.get("number") or "", compact((task.get("title") or "") + task.get("text", "")),
                    [u["name"] for u in units], [u["name"] for u in units if u.get("role") in LEAD_ROLES],
                    task.get("leader"), task.get("deadline"))


def differences(want: list[Expected], tasks: list[dict]) -> list[str]:
    """What the import got wrong, one line each; empty when it read every row right."""
    out = []
    have = [got(t) for t in tasks]
    if len(have) != len(want):
        out.append(f"{len(have)} tasks, expected {len(want)}: " + ", ".join(f"{h.number} {h.text[:10]}" for h in have))
    for w, h in zip(want, have, strict=False):
        label = f"row {w.number} {w.text[:10]}"
        if h.number != w.number:
            out.append(f"{label}: number {h.number!r}")
        if not h.text.startswith(compact(w.text)):
            out.append(f"{label}: text {h.text[:30]!r}")
        if h.units != w.units:
            out.append(f"{label}: units {h.units}, expected {w.units}")
        if w.leads is not None and h.leads != w.leads:
            out.append(f"{label}: leads {h.leads}, expected {w.leads}")
        if h.leader != w.leader:
            out.append(f"{label}: leader {h.leader!r}, expected {w.leader!r}")
        if compact(h.deadline) != compact(w.deadline):
            out.append(f"{label}: deadline {h.deadline!r}, expected {w.deadline!r}")
    return out


def run(table: Table, rendering: str, site: Path) -> list[str] | None:
    """What the import of one table in one rendering got wrong; None when the rendering does not apply."""
    from sitegen.core.errors import SitegenError
    from sitegen.importer import import_text
    from sitegen.importer.content import iter_tasks

    rendered = RENDERINGS[rendering](table)
    if rendered is None:
        return None
    body, want = rendered
    try:
        result = import_text(notice(table, body), site, stem="matrix", force=True,
                             jurisdiction=table.government, parent=table.parent)
    except SitegenError as error:
        return [f"refused: {error}"]
    return differences(want, list(iter_tasks(result.data)))


def main(argv: list[str]) -> int:
    """Pass rate per rendering; `--show NAME` prints one rendering's failures."""
    import tempfile

    show = argv[argv.index("--show") + 1] if "--show" in argv else None
    every = "--failures" in argv
    all_tables = tables()
    total = passed = 0
    for rendering in RENDERINGS:
        if show and rendering != show:
            continue
        ok = cases = 0
        for table in all_tables:
            with tempfile.TemporaryDirectory() as tmp:
                problems = run(table, rendering, Path(tmp))
            if problems is None:
                continue
            cases += 1
            ok += not problems
            if (show or every) and problems:
                print(f"  {rendering} {table.name}: " + "; ".join(problems[:3])[:400])
        total += cases
        passed += ok
        print(f"{rendering:28} {ok}/{cases}")
    print(f"{'all':28} {passed}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
