"""An attachment's sections and tasks, from headings, numbered items and paragraphs.

Which marker type is a task is decided per attachment: the type of the items
that carry attributions (济南: 1.; 济阳: unnumbered paragraphs). Marker types
above it are section headings, below it part of the task's text.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter

from ..content.schema import LEAD_ROLES
from . import attribution as attr
from .coverage import Ledger
from .headings import HEADING_COUNT, HeadingLines, leader_beside, unit_heading
from .items import Attachment, Leader, Section, Task, Unit
from .leaders import equal_leaders, heading_leaders, lead_section
from .markers import (
    ATTRIBUTION_LINE,
    BULLET,
    DEADLINE_LINE,
    FIELD_LABEL,
    FOOTER_START,
    LEADER_LINE,
    NOTE_START,
    PARAGRAPH,
    RANK,
    cn_to_int,
    marker,
)
from .text import Line
from .units import looks_like_unit, parse_group
from .variants import compile_both

# a task's label lines (牵头单位: / 配合单位: / 责任领导: / 完成时限: …) read again together as each is added, so
# that a later line can set the roles of an earlier one; beyond this many each is read alone
LABEL_LINES_TOGETHER = 12

NUMERIC = ("num", "nitem", "dotted", "pnum", "circled")
TITLE_MAX = 20  # a title is a short first sentence: 精准招引项目。
TITLE_SHARE = 0.6  # …and only where most tasks of the attachment have one
# the title keeps its printed full stop, so title + text is the paragraph as printed
TITLE_SPLIT = re.compile(rf"^([^。!?!?]{{2,{TITLE_MAX}}}[。!?!?])(.+)$", re.S)


def task_type(lines: list[Line], counts: Counter | None = None) -> str:
    counts = _attributed_types(lines) if counts is None else counts
    if counts:  # on a tie numbered items are the tasks: an excerpt may start inside an unnumbered piece
        return max(counts, key=lambda t: (counts[t], t != PARAGRAPH))
    marks = [m for m in map(marker, (line.text for line in lines)) if m]
    # a level whose headings name the unit or leader in charge (一、县发改局牵头的工作) heads the tasks
    units = {m.type for m in marks if heading_units(m.rest)}
    present = {m.type for m in marks} - units - {m.type for m in marks if heading_leaders(m.rest)[0]}
    below = [t for t in present if units and RANK[t] > max(map(RANK.__getitem__, units))]
    if below:  # the items right under a unit's heading are its tasks, what is numbered under them their sub-items;
        # a level of short headings between (一、县发改局 / (一)项目建设 / 1.…) groups them
        worded = {m.type for m in marks if m.type in below and not _heading_like(m.rest)}
        return min(worded or below, key=RANK.__getitem__)
    numeric = [t for t in present if t in NUMERIC]
    if numeric or present:
        return max(numeric or present, key=RANK.__getitem__)  # every marker type has a rank
    return PARAGRAPH


def _attributed_types(lines: list[Line]) -> Counter:
    """How many items of each marker type carry an attribution."""
    return _attributed_items(lines)[0]


def _attributed_items(lines: list[Line]) -> tuple[Counter, list[list]]:
    """The counts of _attributed_types, and every item in printed order as [type, carries an attribution,
    its line's index] (unnumbered lines as PARAGRAPH)."""
    counts: Counter = Counter()
    items: list[list] = []
    last, previous_attribution, previous, headings = None, False, None, set()
    group, unit_lines, numbered = _SubItems(), HeadingLines(), False

    def count(kind: str) -> None:
        counts[kind] += 1
        if items:
            items[-1][1] = True

    for at, line in enumerate(lines):
        m = marker(line.text)
        numbered = numbered or (m is not None and m.type in NUMERIC)
        if m is None and unit_lines.units(line.text, not numbered):  # 县住建局: heads items, as 一、 does
            previous_attribution, last, group = False, None, _SubItems()
            continue
        preceding: tuple[int, str] | None = None if m or previous is None else preceding_units(line.text)
        if preceding:  # 4项目标的责任单位均为X。: the items just before it carry an attribution
            counts[previous] += preceding[0]
            for item in itertools.islice(reversed(items), preceding[0]):  # (each of them: no run of sub-items
                item[1] = True                                            # closed by its last one)
            previous_attribution, last = True, None
            continue
        if not m and not ATTRIBUTION_LINE.match(line.text) and (_lead_sentence_units([line.text])
                                                                or _rule_alone(line.text)):
            # 以上工作由X牵头。/ a legend: the section's own text, for all its items
            items.append([PARAGRAPH, False, at])
            previous_attribution, previous, last = False, PARAGRAPH, None
            continue
        if ATTRIBUTION_LINE.match(line.text):
            if not previous_attribution and _unit_line(line.text):
                # 牵头单位: / 配合单位: lines of one task count once, for the item they follow: a paragraph
                # after a heading (一、稳定增长 / 扩大投资。… / 牵头单位:) is an unnumbered task; after the
                # sub-items of a short item (1.完善预案体系 / (1)… / (2)… / (责任单位:X)), for that item
                owner = group.owner()
                count(owner or (PARAGRAPH if previous == PARAGRAPH and last in headings else last or PARAGRAPH))
                last = None
            # a leader's line right under its numbered item (1.… / 牵头领导:张三 / 牵头单位:X): the units' line
            # after it counts the item (not under a line that may be the item's hard-wrapped rest)
            previous_attribution = previous_attribution or previous in (None, PARAGRAPH) \
                or not LEADER_LINE.match(line.text) or _unit_line(line.text)
            group = _SubItems()
            continue
        on_line = items_on_line(m) if m else 1
        group.feed(m, on_line)
        if previous is not None and not previous_attribution and not m and attr.whole_attribution(line.text):
            count(previous)  # (X牵头,Y配合) alone on the line after its task, numbered or not
            previous_attribution, last = True, None
            continue
        previous_attribution = False
        previous = m.type if m else PARAGRAPH
        items.append([previous, False, at])
        if m and not attr.inline_attribution(line.text):
            items.extend([m.type, False, at] for _ in range(on_line - 1))
        if (attr.inline_attribution(line.text) or attr.item_head(line.text)) \
                and not (m and (_labelled_units(m.rest) or unit_heading(m.rest) or _unit_and_partners(m.rest))):
            # (一)道路畅通工程。加快… / its paragraphs / 进一步…。(X牵头,Y配合): the first attribution after an item
            # that is no heading closes that item's text, as a label line there would
            count(m.type if m else (last if last is not None and last not in headings else PARAGRAPH))
            last = None
            group = _SubItems()
        elif m:
            last = m.type
            if _heading_like(m.rest):
                headings.add(m.type)
            else:
                headings.discard(m.type)
    return counts, items


def section_sentence(text: str) -> bool:
    """以上工作由X牵头。/ a legend: the section's own text, for all its items, not a task's paragraph."""
    return bool(_lead_sentence_units([text]) or _rule_alone(text))


def _rule_alone(text: str) -> bool:
    """注:第一个单位为牵头单位。 on a line of its own: a legend for every unit list, no item's attribution."""
    return len(text) <= RULE_LINE_MAX and bool(attr.RULE.search(text)) and not attr.LABEL.search(text)


RULE_LINE_MAX = 40


def sub_items(lines: list[Line], kind: str, items: list[list] | None = None) -> str | None:
    """The type of the items that own sub-items of `kind`: 1.推进…。 / (1)…; / (2)…。(牵头单位:X) — the
    attribution closes the last sub-item of each run, the runs start again under each item above, and
    those items carry none of their own: the item above is the task, its sub-items part of its text."""
    if kind == PARAGRAPH:
        return None
    items = _attributed_items(lines)[1] if items is None else items
    runs: list[tuple[str, list[bool]]] = []
    for type_, attributed, _ in items:
        if type_ == kind:
            if runs:
                runs[-1][1].append(attributed)
        elif type_ == PARAGRAPH or RANK.get(type_, 99) < RANK[kind]:
            runs.append((type_, []))
    if runs and any(runs[-1][1]):  # items after the last attribution name nobody: they close no run
        flags = runs[-1][1]
        del flags[max(i for i, f in enumerate(flags) if f) + 1:]
    owned = [(owner, flags) for owner, flags in runs if any(flags)]  # (runs naming nobody: requirements)
    if len(owned) > 1 and owned[0][0] == PARAGRAPH:
        owned[0] = (owned[1][0], owned[0][1])  # an excerpt that starts inside a task, above its sub-items
    owners = {owner for owner, _ in owned}
    if len(owners) != 1 or not any(len(flags) > 1 for _, flags in owned):
        return None
    owner = owners.pop()
    if any(attributed for type_, attributed, _ in items if type_ == owner):
        return None
    return owner if all(flags[-1] and not any(flags[:-1]) for _, flags in owned) else None


def _item_kinds(lines: list[Line], items: list[list], kind: str, sub: str | None) -> dict[int, str]:
    """Line index → the task level its item's lines are read at, where one item departs from the attachment's:
    - a task-level item whose sub-items each carry an attribution of their own heads them (1.扩大有效投资 /
      (1)…(X牵头) / (2)…(Y牵头)): they are the tasks;
    - an item above the task level that carries its own attribution while nothing under it does
      ((四)加强市场体系建设。(X负责) / ①… / ②…) is a task, what is under it its text; so is one that is a
      sentence, not a heading, over sub-items of which only the last carries an attribution, the run's
      (7、完善政策体系。 / (1)… / (2)… / (X牵头));
    - a numbered item over bulleted paragraphs of which only the last carries an attribution (1.… / ■… /
      ■…(X牵头)) owns them, as it owns numbered sub-items (sub_items)."""
    out: dict[int, str] = {}
    for k, (type_, attributed, at) in enumerate(items):
        if type_ in (PARAGRAPH, sub):
            continue
        end = next((j for j in range(k + 1, len(items))
                    if items[j][0] != PARAGRAPH and RANK[items[j][0]] <= RANK[type_]), len(items))
        below = items[k + 1:end]
        level = _item_level(lines, lines[at].text, (type_, attributed), below, (kind, sub))
        if level is not None:
            stop = items[end][2] if end < len(items) else len(lines)
            out.update(dict.fromkeys(range(at, stop), level))
    return out


def _item_level(lines: list[Line], text: str, item: tuple[str, bool], below: list[list],
                levels: tuple[str, str | None]) -> str | None:
    """The level of _item_kinds for one item (its text, type and attribution) and the items under it, or None
    where it keeps the attachment's (`levels`: its task type and sub-item type)."""
    (type_, attributed), (kind, sub) = item, levels
    named = [t for t, flag, _ in below if flag]
    if type_ == kind and not attributed and len(named) >= 2:
        deeper = Counter(named).most_common(1)[0][0]
        if deeper != sub and all(flag for t, flag, _ in below if t == deeper):
            return deeper
    m = marker(text)
    rest = m.rest if m else text
    if RANK[type_] < RANK.get(kind, len(RANK)):  # an item above the task level
        if attributed and not named and not (heading_units(rest) or heading_leaders(rest)[0]):
            return type_
        if not attributed and len(below) >= 2 and named == [below[-1][0]] and below[-1][1] \
                and not _heading_like(rest):
            return type_
    if kind == PARAGRAPH and not attributed and len(below) >= 2 and len(named) == 1 and below[-1][1] \
            and all(t == PARAGRAPH and BULLET.match(lines[at].text) for t, _, at in below):
        return type_
    return None


ITEMS_APART = re.compile(r"[;；。]\s*")


def items_on_line(m) -> int:
    """(1)加快前期工作;(2)加快项目进度。: the items a line holds, each after the previous one's ; or 。 and
    numbered next (a sub-item run onto its neighbour's line is one of the run all the same)."""
    count, first = 1, cn_to_int(m.number)
    if first is None:
        return count
    for piece in ITEMS_APART.split(m.rest)[1:]:
        nxt = marker(piece)
        if nxt is None or nxt.type != m.type or cn_to_int(nxt.number) != first + count:
            break
        count += 1
    return count


class _SubItems:
    """A short numbered item (1.完善应急预案体系) and the run of deeper numbered sub-items under it
    ((1)… (2)… (3)…), none with an attribution of its own: an attribution alone after the run is the item's."""

    def __init__(self) -> None:
        self.parent: str | None = None
        self.child: str | None = None
        self.count = 0

    def feed(self, m, on_line: int) -> None:
        """The next line's marker (None: a paragraph) and how many items the line holds (items_on_line)."""
        if m is None:
            self.parent = None  # a paragraph of text between the items: no run of sub-items
        elif self._sub_item(m):
            self.child, self.count = m.type, self.count + on_line
        elif _heading_like(m.rest) and m.type in NUMERIC and not heading_units(m.rest):
            # a short numbered item (1.完善应急预案体系): the parent of the (1) (2) … under it; 一、/(一) levels and
            # headings naming the unit in charge ((三)省编办牵头的工作) head tasks, not sub-items
            self.parent, self.child, self.count = m.type, None, 0
        else:
            self.parent = None

    def _sub_item(self, m) -> bool:
        if not self.parent:
            return False
        if self.child:
            return m.type == self.child
        return m.type in NUMERIC and RANK[m.type] > RANK[self.parent] and not _heading_like(m.rest)

    def owner(self) -> str | None:
        return self.parent if self.parent and self.count >= 2 else None


def _segment_types(lines: list[Line], kind: str, sub: str | None = None) -> list[tuple[list[Line], str]]:
    """Groups that number their tasks each in their own way (一、 1、… / 二、 (1)… / 三、 ①…): the
    attachment is cut at its outermost headings, and a group in which no item of the attachment's task
    type carries an attribution takes the type of the items that do, if they sit below its heading."""
    if kind == PARAGRAPH:
        return [(lines, kind)]
    marks = [marker(line.text) for line in lines]
    above = {m.type for m in marks if m and m.type != PARAGRAPH and RANK.get(m.type, 99) < RANK[kind]}
    if not above:
        return [(lines, kind)]
    top = min(above, key=RANK.__getitem__)
    cuts = [i for i, m in enumerate(marks) if m and m.type == top]
    bounds = [0, *[c for c in cuts if c > 0], len(lines)]
    out: list[tuple[list[Line], str]] = []
    for start, end in itertools.pairwise(bounds):
        segment = lines[start:end]
        counts = _attributed_types(segment)
        own = max(counts, key=lambda t: (counts[t], t != PARAGRAPH)) if counts else kind
        own = kind if own == sub else own  # sub-items of the tasks, not tasks of their own
        deeper = own != PARAGRAPH and RANK.get(own, 99) > RANK[top]
        out.append((segment, own if not counts[kind] and deeper else kind))
    return out


def _numbered_by(m) -> bool:
    """(1)打造生产基地。: a numbered item, though its number's bracket opens the line as an attribution's would."""
    return m is not None and m.type in NUMERIC


def _heading_like(rest: str) -> bool:
    """一、稳定经济增长: short, no sentence of its own."""
    return len(rest) <= 30 and not any(c in rest for c in "。;;")


class Builder:
    """Walks an attachment's lines, building sections and tasks."""

    def __init__(self, att: Attachment, ledger: Ledger, leaders: list[Leader], rule: str | None,
                 notes: list[str]):
        self.att, self.ledger, self.leaders, self.notes = att, ledger, leaders, notes
        self.stack: list[Section] = []
        self.task: Task | None = None  # the task still open for text
        self.last: Task | None = None  # the task a leader or deadline line belongs to
        self.pending: list[Line] = []
        self.closed = False  # the open task already has its attribution
        self.after_attribution = False
        self.footer = False
        self.footer_note = False  # the footer opened with a note (注:, 说明:), which a list may go on after
        self.rule = rule
        self.rule_carries = False
        self.sub: str | None = None  # the marker type of sub-items inside tasks
        self.unit_lines = HeadingLines()

    # -- containers --------------------------------------------------------
    def _container(self):
        return self.stack[-1] if self.stack else self.att

    def _add_task(self, task: Task) -> None:
        self._container().tasks.append(task)
        self.task = self.last = task

    def _flush(self, closing: bool = False) -> None:
        """Pending paragraphs: a section's text, or, when `closing` a section headed by its lead unit that
        has no numbered task (山西: (一)省监察厅牵头的工作 / 加强行政监察工作…), its tasks."""
        if not self.pending:
            return
        target = self.stack[-1] if self.stack else None
        if closing and target is not None and target.lead_units and not target.tasks and not target.sections:
            for line in self.pending:
                task = Task(line=line.nos[0], text=line.text)
                target.tasks.append(task)
                self.ledger.place(line.text, line.nos, task)
            self.pending = []
            return
        for line in self.pending:
            if target is not None:
                target.text.append(line.text)
                self.ledger.place(line.text, line.nos, target)
            elif not self.att.all_tasks():
                self.att.preamble.append(line.text)
                self.ledger.place(line.text, line.nos, self.att)
            else:
                self.att.footer.append(line.text)
                self.ledger.place(line.text, line.nos, self.att)
        self.pending = []

    # -- lines -------------------------------------------------------------
    def feed(self, line: Line, kind: str) -> None:
        text = line.text
        self.after_attribution, was_attribution = False, self.after_attribution
        if self.footer and self._list_goes_on(text, kind):
            self.footer = False  # 注:带★的为省重点项目。 between two items: a note, and the list goes on after it
        elif self.footer or (FOOTER_START.match(text) and self.att.all_tasks()):  # 说明: before the tasks is preamble
            self._flush()
            self.footer_note = self.footer_note if self.footer else bool(NOTE_START.match(text))
            self.footer = True
            self.task = None
            self.att.footer.append(text)
            self.ledger.place(text, line.nos, self.att)
            return
        m = marker(text)
        if m and m.type == self.sub:
            self._sub_item(line)
        elif m and m.type != PARAGRAPH and RANK.get(m.type, 99) < RANK.get(kind, 99):
            self._heading(line, m)
        elif m and m.type == kind:
            self._numbered(line, m)
        elif not m and self._bracket_open():
            self._bracket_line(line)
        elif not m and self._container().tasks and (preceding := preceding_units(text)):
            self._preceding(line, *preceding)
        elif not m and _lead_sentence_units([text]):
            self._lead_sentence(line)
        elif not m and kind != PARAGRAPH and (units := self.unit_lines.units(text, self.last is None)):
            self._line_heading(line, units, kind)
        elif _unit_line(text) or (attr.whole_attribution(text) and not was_attribution and not _numbered_by(m)
                                  and ((self.task is not None and not self.closed) or self.pending)):
            self._attribution_line(line, was_attribution, kind)
        elif LEADER_LINE.match(text) and (section := self._headed()) is not None:
            self._section_leader_line(section, line)
        elif LEADER_LINE.match(text) and self.last:
            self._leader_line(line)
            self.after_attribution = was_attribution  # 责任单位:X / 责任人:Y / 工作要求:…: one block of fields
        elif (deadline := DEADLINE_LINE.match(text)) and self.last:
            self.last.deadline = deadline.group("d").strip()
            self.last.cells.append(text)
            self.ledger.place(text, line.nos, self.last)
            self.after_attribution = was_attribution
        elif was_attribution and self.task is not None and kind != PARAGRAPH and FIELD_LINE.match(text):
            self._field_line(line)
        else:
            self._paragraph(line, deeper=bool(m))

    def _list_goes_on(self, text: str, kind: str) -> bool:
        """After a note (注:, 说明:, 备注:; not 抄送 or 印发, which end a document), the next item of the list: the
        tasks' kind, numbered on from the last task."""
        m = marker(text)
        if not self.footer_note or m is None or m.type != kind or self.last is None or not self.last.number:
            return False
        last, number = cn_to_int(self.last.number), cn_to_int(m.number)
        return last is not None and number == last + 1

    def _bracket_open(self) -> bool:
        """Does the open task, still without its attribution, end inside a bracket opened near its end (…兜牢民生
        底线。(牵 / 头单位:市商务局 责任单位:市编办、市发 / 改委、…): a page wrapped at a fixed width?"""
        task = self.task
        if task is None or self.closed or not attr.still_open(tail := task.text[-BRACKET_REACH:]):
            return False
        return attr.opens_attribution(tail[max(tail.rfind(c) for c in attr.OPENERS) + 1:].strip())

    def _bracket_line(self, line: Line) -> None:
        """A line continuing the open task's bracket: joined to it; once it closes the bracket at its end, the
        bracket is read as the task's attribution when it is one (it stays the task's text when it is not)."""
        task = self.task
        assert task is not None
        task.text += line.text
        self.ledger.place(line.text, line.nos, task)
        tail = attr.trailing_paren(task.text[-BRACKET_REACH - len(line.text):])
        if tail and tail[0].strip() and attr.is_attribution(tail[1]):
            task.text = task.text[:task.text.rfind(tail[1])].rstrip()
            self._attribute(task, tail[1])

    def _sub_item(self, line: Line) -> None:
        """(1)…; / (2)…。(X牵头): part of the open task; under an unnumbered task (or the start of an excerpt)
        still pending, part of that paragraph, which becomes a task once the attribution that closes its last
        sub-item is read."""
        if (self.task is not None and not self.closed) or not self.pending:
            self._paragraph(line, deeper=True)
            return
        last = self.pending.pop()
        merged = Line(last.text + "\n\n" + line.text, last.nos + line.nos, last.raw)
        if not attr.inline_attribution(line.text):
            self.pending.append(merged)
            return
        self._flush()
        task = Task(line=merged.nos[0])
        self._set_text(task, merged.text)
        self._add_task(task)
        self.closed = True
        self.ledger.place(merged.text, merged.nos, task)

    def _heading(self, line: Line, m) -> None:
        heading, text = _split_heading(m.rest)
        section = Section(number=m.printed, heading=heading, rank=RANK[m.type])
        if text:
            section.text.append(text)
        lead_section(section, heading, self._leader)
        beside = None if section.leader else leader_beside(heading)
        if beside:  # 一、刘洪涛副县长、县发改局: the leader of every task under it, beside their unit
            section.leader = beside[0]
            self._leader(*beside)
        section.lead_units = heading_units(heading)
        self._open(section, line.nos, m.rest)

    def _line_heading(self, line: Line, units: list[Unit], kind: str) -> None:
        """县住建局: / 【市水务局】 alone on a line over numbered tasks: a heading just above the tasks' level, under
        any numbered heading open above it."""
        self._open(Section(number=None, heading=line.text, rank=RANK[kind] - 0.5, lead_units=units), line.nos,
                   line.text)

    def _open(self, section: Section, nos: tuple[int, ...], printed: str) -> None:
        """A heading's section, closing the open sections of its rank or below and opening under the rest."""
        self._flush(closing=True)
        self._cut_bracket()
        self.task = None
        while self.stack and self.stack[-1].rank >= section.rank:
            self.stack.pop()
        container = self.stack[-1] if self.stack else self.att
        section.after_tasks = len(container.tasks)
        container.sections.append(section)
        self.stack.append(section)
        self.ledger.place(printed, nos, section)

    def _numbered(self, line: Line, m) -> None:
        self._cut_bracket()
        self._flush()
        while self.stack and self.stack[-1].rank >= RANK[m.type]:  # an item of this level read as a heading
            self.stack.pop()
        task = Task(number=m.number, line=line.nos[0])
        self._set_text(task, m.rest)
        head = attr.head_clauses(m.rest) if task.attribution is None else None
        if head:
            self._attribute(task, head[1])  # 1.由X会同Y负责,推行…: the text keeps the clauses, its first words
        self._add_task(task)
        self.closed = task.attribution is not None
        self.ledger.place(m.rest, line.nos, task)

    def _set_text(self, task: Task, text: str) -> None:
        inline = attr.inline_attribution(text)
        if inline:
            task.text += inline[0].strip()
            self._inner(task, inline[0])
            self._attribute(task, inline[1])
        else:
            task.text += text

    def _inner(self, task: Task, text: str) -> None:
        """Attributions inside the text come first in printed order; the text keeps them as printed."""
        for raw in attr.inner_attributions(text):
            self._attribute(task, raw)
            task.attribution = None

    def _attribution_line(self, line: Line, was_attribution: bool, kind: str = "") -> None:
        """An attribution on a line of its own: the open task's (its label lines read again together, up to
        LABEL_LINES_TOGETHER of them), or the pending paragraphs' as an unnumbered task."""
        task = self.task
        text, rest = _before_spaced_run(line)
        if task is not None and was_attribution and task.attribution:
            task.attribution += "\n" + text  # 牵头单位: / 配合单位: on lines of their own
            task.attribution_lines += 1
            if task.attribution_lines <= LABEL_LINES_TOGETHER:
                task.units = []
                self._attribute(task, task.attribution, replace=True)
            else:  # more label lines than any task has fields: each read alone, so the import stays linear
                self._attribute(task, text)
        elif task is not None and not self.closed:
            self._attribute(task, text)
        elif self.pending:
            if kind == PARAGRAPH and len(self.pending) > 1:  # unnumbered tasks are a paragraph each: what
                last = self.pending.pop()                     # came before is the section's own text
                self._flush()
                self.pending = [last]
            task = Task(line=self.pending[0].nos[0])
            for p in self.pending:
                task.text += p.text
                self.ledger.place(p.text, p.nos, task)
            self.pending = []
            self._add_task(task)
            self._attribute(task, text)
        else:
            self.ledger.unplaced(line.text, line.nos, "an attribution with no task before it")
            return
        if rest:
            task.notes.append(rest)
        self.closed = True
        self.after_attribution = True
        self.ledger.place(line.text, line.nos, task)

    def _preceding(self, line: Line, count: int, raw: str) -> None:
        """4项目标的责任单位均为X。/ 该目标责任单位为X。: the attribution of the items printed just before it (as
        many as it counts) that name no units of their own; no task's text."""
        tasks = self._container().tasks[-count:]
        for task in tasks:
            if not task.units:
                self._attribute(task, raw)
        self.closed = True
        self.ledger.place(line.text, line.nos, tasks[-1])

    def _lead_sentence(self, line: Line) -> None:
        """以上工作由X牵头,Y配合。: the section's own text, for every item of it (apply_lead_sentences),
        never the attribution of the item printed just before it."""
        self._flush()
        self.task = None
        if self.stack:
            self.stack[-1].text.append(line.text)
            self.ledger.place(line.text, line.nos, self.stack[-1])
        else:
            (self.att.footer if self.att.all_tasks() else self.att.preamble).append(line.text)
            self.ledger.place(line.text, line.nos, self.att)

    def _field_line(self, line: Line) -> None:
        """项目责任人:X / 实际完成情况:… among a task's label lines: one more field of that task (kept
        in its notes), never the start of another task; label lines after it still belong to the task."""
        assert self.task is not None
        self.task.notes.append(line.text)
        field = FIELD_LINE.match(line.text)
        _lead_from_field(self.task.units, line.text[field.end():] if field else line.text)
        self.ledger.place(line.text, line.nos, self.task)
        self.after_attribution = True

    def _attribute(self, task: Task, raw: str, replace: bool = False) -> None:
        parsed = attr.parse(raw)
        if parsed.rule:
            self.rule, self.rule_carries = parsed.rule, parsed.rule_carries
            self.att.rule = self.att.rule or parsed.rule
        task.attribution = raw if replace or task.attribution is None else task.attribution
        names = {u.name for u in task.units}
        task.units.extend(u for u in parsed.units if u.name not in names)  # a unit named twice is one unit
        _responsible_lead(task.units)
        attr.apply_rule(task.units, self.rule)
        task.notes.extend(parsed.notes)
        if parsed.deadline:
            task.deadline = parsed.deadline
        for printed in parsed.leaders:
            self._task_leaders(task, printed, "领导")
        for printed in parsed.assisting:
            self._assisting(task, printed, "领导")
        self.closed = True
        if attr.LABEL.match(raw.lstrip()):
            self.after_attribution = True  # …。牵头单位:X then 配合单位:Y on the next line: one attribution

    def _headed(self) -> Section | None:
        """The section whose heading is the last thing read (no task, paragraph or heading under it yet): a
        leader field printed on the line under a heading (二、乡村振兴 / 牵头领导:张三) leads that section."""
        section = self.stack[-1] if self.stack and self.task is None and not self.pending else None
        return section if section is not None and not section.tasks and not section.sections else None

    def _section_leader_line(self, section: Section, line: Line) -> None:
        m = LEADER_LINE.match(line.text)
        assert m is not None  # as _line() found it
        form, people = equal_leaders(m.group("names"), m.group("label"))
        assisting = attr.ASSISTING.search(m.group("label"))
        if not assisting and section.leader is None and people:
            section.leader = form
        for name, title in people:
            if assisting and name not in section.assisting_leaders:
                section.assisting_leaders.append(name)
            self._leader(name, title)
        self.ledger.place(line.text, line.nos, section)

    def _leader_line(self, line: Line) -> None:
        m = LEADER_LINE.match(line.text)
        assert m is not None and self.last is not None  # as _line() found them
        if attr.ASSISTING.search(m.group("label")):
            self._assisting(self.last, m.group("names"), m.group("label"))
        else:
            self._task_leaders(self.last, m.group("names"), m.group("label"))
        self.last.cells.append(line.text)
        self.ledger.place(line.text, line.nos, self.last)

    def _task_leaders(self, task: Task, printed: str, label: str) -> None:
        """The names of one leader field are equals (张三、李四); a later field's (分管领导:王五) assist."""
        form, people = equal_leaders(printed, label)
        if not people:
            return
        if task.leader is None:
            task.leader = form
            for name, title in people:
                self._leader(name, title)
        else:
            self._assisting(task, printed, label)

    def _assisting(self, task: Task, printed: str, label: str) -> None:
        leading = {name for name, _ in equal_leaders(task.leader or "", label)[1]}
        for name, title in equal_leaders(printed, label)[1]:
            if name not in leading and name not in task.assisting_leaders:
                task.assisting_leaders.append(name)
            self._leader(name, title)

    def _leader(self, name: str, title: str) -> None:
        known = next((leader for leader in self.leaders if leader.name == name), None)
        if known is None:
            self.leaders.append(Leader(name, title))
        elif known.title != title:
            self.notes.append(f"{name} is printed as {title} here and as {known.title} before; "
                              f"kept {known.title}")

    def _paragraph(self, line: Line, deeper: bool) -> None:
        text = line.text
        inline = attr.inline_attribution(text)
        if self.task is not None and (not self.closed or deeper):
            before = inline[0].strip() if inline and not self.closed else text
            self.task.text += ("\n\n" if deeper else "") + before
            if inline and not self.closed:
                self._inner(self.task, inline[0])
                self._attribute(self.task, inline[1])
            self.ledger.place(text, line.nos, self.task)
        elif inline:
            self._flush()
            task = Task(line=line.nos[0])
            self._set_text(task, text)
            self._add_task(task)
            self.closed = True
            self.ledger.place(text, line.nos, task)
        else:
            self.pending.append(line)

    def finish(self) -> None:
        self._flush(closing=True)
        self._cut_bracket()
        for task in self.att.all_tasks():
            if not task.number:  # ●推进…: the bullet marks the item, as a number would
                task.text = BULLET.sub("", task.text, count=1)
        apply_heading_units(self.att.sections, [])
        apply_lead_sentences(self.att)

    def _cut_bracket(self) -> None:
        """The open task ends inside its attribution's bracket, never closed before the next item or the end (an
        excerpt cut off, a page lost): what it names in full still counts."""
        task = self.task
        if task is None or task.units or self.closed:
            return
        cut = attr.cut_attribution(task.text)
        if cut:
            task.text = cut[0].strip()
            self._attribute(task, cut[1])
            self.notes.append(f"the text ends inside the attribution of task {task.number or task.text[:12]} (its "
                              "bracket never closes); units named in full were kept")


# characters: an attribution's bracket is short; one opened further back is the task's own text (read linearly)
BRACKET_REACH = 300


HEADING_UNITS = compile_both(r"^(?:由)?(?P<units>.+?)(?:牵头|主办|主抓|牵头负责)(?:的|负责的)?(?:重点)?"
                             r"(?:工作|任务|事项|项目)?" + HEADING_COUNT + r"[。::]?$")


# 以下工作由县发改局牵头,县财政局配合: / 以上各项工作均由X负责。: a sentence of a section's own text
# (before or after its items) that assigns every item of the section
LEAD_SENTENCE = compile_both(r"^(?:以下|以上|下列|上述|本部分|本项)(?:各项|几项|[0-9一二三四五六七八九十]+项)?"
                             r"(?:工作|任务|事项|内容)?(?:均|统一|全部)?(?:由)?(?P<attribution>[^::。]+?)[::。]?$")


# 4项目标的责任单位均为市发展改革委。/ 该项目标责任单位为X。: a sentence after a run of items naming the units of
# the items just before it, as many as it counts (该 / 此: the one item before it)
PRECEDING_UNITS = compile_both(r"^(?:(?P<count>[0-9]{1,2}|[一二三四五六七八九十]{1,3})项|[该此]项?)"
                               r"(?:目标|任务|工作|指标|事项)?的?(?P<label>(?:责任|牵头)(?:单位|部门))(?:均|都)?为"
                               r"(?P<units>[^。;;::]+)[。;;]?$")


def preceding_units(text: str) -> tuple[int, str] | None:
    """How many items a sentence naming the units of the items before it covers, and its attribution
    rewritten as a field (责任单位:X); None for any other line."""
    m = PRECEDING_UNITS.match(text.strip())
    if not m or not looks_like_unit(m.group("units")):
        return None
    count = cn_to_int(m.group("count")) if m.group("count") else 1
    return (count, f"{m.group('label')}:{m.group('units')}") if count else None


def _lead_sentence_units(lines: list[str]) -> list[Unit]:
    for text in lines:
        m = LEAD_SENTENCE.match(text.strip())
        if m and attr.is_attribution(m.group("attribution")):
            parsed = attr.parse(m.group("attribution"))
            if parsed.units and not parsed.notes:
                return parsed.units
    return []


def apply_lead_sentences(att: Attachment) -> None:
    """Items that name nobody take the units of their section's lead sentence (a section's own, else
    the nearest enclosing one's, else the attachment's); items that name their own units keep them."""
    def give(tasks: list[Task], units: list[Unit]) -> None:
        for task in tasks:
            if units and not task.units:
                task.units = [dataclasses.replace(u) for u in units]

    def walk(sections: list[Section], above: list[Unit]) -> None:
        for section in sections:
            units = _lead_sentence_units(section.text) or above
            give(section.tasks, units)
            walk(section.sections, units)

    units = _lead_sentence_units(att.preamble + att.footer)
    give(att.tasks, units)
    walk(att.sections, units)


def _lead_from_field(units: list[Unit], value: str) -> None:
    """工作要求:由X牵头,并负责报进度: a field among a task's label lines that says which of its units leads
    marks that unit as leading; the field names no unit of its own (the task's units are its label's)."""
    named = {u.name: u for u in units}
    for unit in attr.parse(value).units:
        if unit.role in attr.LEAD_ROLES and unit.name in named:
            named[unit.name].role = unit.role


def _responsible_lead(units: list[Unit]) -> None:
    """责任单位:X with 配合单位:Y (on one line or on lines of their own): X is in charge of the work Y
    supports, so X leads, as 主要责任单位 does over 协同配合单位. Without a 配合 unit nobody is marked."""
    roles = {u.role for u in units}
    if roles & {"配合", "协办"} and not roles & set(attr.LEAD_ROLES):
        for unit in units:
            if unit.role == "责任":
                unit.role = "牵头"


def _before_spaced_run(line: Line) -> tuple[str, str]:
    """配合单位:市公安局、各区政府 鄞州 海曙 镇海 合计 2 5 1: a table in space-separated columns printed
    right after the field (the spaces are lost when the line is cleaned). The field is the part before
    the run, where that part names units and the whole line does not; the run is kept as a note."""
    pieces = line.raw.strip().split(None, 1)
    if len(pieces) < 2 or len(pieces[1].split()) < 3:
        return line.text, ""
    whole, first = attr.parse(line.text), attr.parse(pieces[0])
    if whole.notes and first.units and not first.notes:
        return pieces[0], pieces[1]
    return line.text, ""


# a labelled field of its own: a short label, a colon, its value (项目责任人:尹文德, 完成情况:…)
FIELD_LINE = re.compile(r"^[\u4e00-\u9fff]{2,8}[::]\s*(?=\S)")  # its end: where the value starts


def heading_units(heading: str) -> list[Unit]:
    """A heading that names the unit leading every task under it: 省编办牵头的工作, 牵头单位:市住建局."""
    m = HEADING_UNITS.match(heading)
    if m and looks_like_unit(m.group("units")):
        return parse_group(m.group("units"), "牵头")
    return _labelled_units(heading) or _bracket_leads(heading) or unit_heading(heading) or _unit_and_partners(heading)


def _unit_and_partners(heading: str) -> list[Unit]:
    """一、县发改局(配合单位:县财政局) / (一)县教育局(县人社局配合): a unit heading with the units that co-operate on
    every task under it in its last bracket; the heading's unit is then in charge of the work the others support."""
    tail = attr.trailing_paren(heading)
    if not tail or not tail[0].strip() or not attr.is_attribution(tail[1]):
        return []
    own = unit_heading(tail[0].strip())
    parsed = attr.parse(tail[1])
    if not own or not parsed.units or parsed.leaders or any(u.role not in ("配合", "协办") for u in parsed.units):
        return []
    return [*own, *parsed.units]


def _labelled_units(heading: str) -> list[Unit]:
    """牵头单位:市住建局 / 牵头单位:县商务局;配合单位:县财政局 as a heading: its fields name the units of every
    task under it, in their roles; a heading with a field of another kind (a leader, a remark) is none."""
    if not _unit_line(heading):
        return []
    parsed = attr.parse(heading)
    return parsed.units if parsed.units and not (parsed.notes or parsed.leaders or parsed.deadline) else []


def _bracket_leads(heading: str) -> list[Unit]:
    """一、强化科技创新(区科技局牵头) / (由市科技局牵头): a heading's last bracket naming only the units that lead
    (a bracket naming others too assigns that one item, as a task's does; after a sentence, 投资建设…基地。(X牵头负责),
    the item is a task)."""
    tail = attr.trailing_paren(heading)
    if not tail or not tail[0].strip() or not _heading_like(tail[0].strip()) or not attr.is_attribution(tail[1]):
        return []
    parsed = attr.parse(tail[1])
    if parsed.units and all(u.role in LEAD_ROLES for u in parsed.units) and not parsed.leaders:
        return parsed.units
    return []


def apply_heading_units(sections: list[Section], above: list[Unit]) -> None:
    """Each task under a unit heading starts with that unit, unless printed among its own units: leading where the
    heading says it leads (县发改局牵头的工作), else responsible — and then leading the task's 配合 units, as a
    责任单位 field does."""
    for section in sections:
        leads = section.lead_units or above
        for task in section.tasks:
            for unit in reversed(leads):
                own = next((u for u in task.units if u.name == unit.name), None)
                if own is None:
                    task.units.insert(0, Unit(unit.name, unit.role, printed=unit.printed))
                elif unit.role in LEAD_ROLES:
                    own.role = unit.role
            _responsible_lead(task.units)
        apply_heading_units(section.sections, leads)


def _unit_line(text: str) -> bool:
    """牵头单位: / 责任单位: … on a line of its own (not a leader or deadline line); a leader's field may open it
    ((牵头领导:张三,责任单位:县政府办): the units follow the names)."""
    leader = LEADER_LINE.match(text)
    return bool(ATTRIBUTION_LINE.match(text)) and not DEADLINE_LINE.match(text) \
        and not (leader and not FIELD_LABEL.search(leader.group("names")))


def _split_heading(rest: str) -> tuple[str, str]:
    """(一)提高政治站位。《…》是… -> heading 提高政治站位。 and the text after it."""
    idx = rest.find("。")
    if 0 < idx <= 40 and idx < len(rest) - 1:
        return rest[:idx + 1], rest[idx + 1:].strip()
    return rest, ""


def parse_items(att: Attachment, lines: list[Line], ledger: Ledger, leaders: list[Leader],
                rule: str | None, notes: list[str]) -> tuple[str | None, bool]:
    """Fill att from lines; returns the list rule in force afterwards and whether it carries on."""
    counts, items = _attributed_items(lines)
    kind = task_type(lines, counts)
    owner = sub_items(lines, kind, items)
    att.rule = rule  # a rule carried over from an earlier attachment (下同)
    builder = Builder(att, ledger, leaders, rule, notes)
    sub = None
    if owner is not None:
        sub, kind = kind, owner
        builder.sub = sub
    levels = _item_kinds(lines, items, kind, sub)
    at = 0
    for segment, segment_kind in _segment_types(lines, kind, sub):
        for line in segment:
            builder.feed(line, levels.get(at, segment_kind))
            at += 1
    builder.finish()
    return builder.rule, builder.rule_carries


def add_titles(att: Attachment) -> None:
    """Short first sentences become titles where most tasks of the attachment have one."""
    tasks = att.all_tasks()
    split = {id(t): _title_split(t.text) for t in tasks}
    if not tasks or sum(1 for s in split.values() if s) < TITLE_SHARE * len(tasks):
        return
    for task in tasks:
        found = split[id(task)]
        if found:
            task.title, task.text = found


def _title_split(text: str) -> tuple[str, str] | None:
    m = TITLE_SPLIT.match(text)
    return (m.group(1), m.group(2).strip()) if m and m.group(2).strip() else None


def add_deadlines(att: Attachment) -> None:
    for task in att.all_tasks():
        if not task.deadline:
            task.deadline = attr.deadline_in(task.text)


def merge_repeated_units(att: Attachment) -> None:
    """A unit printed twice for one task (a 牵头单位 column or field naming one of the 责任单位 listed before it)
    is one unit, at its first place, leading where either printing leads."""
    for task in att.all_tasks():
        first: dict[tuple, Unit] = {}
        for unit in task.units:
            kept = first.setdefault((unit.name, unit.jurisdiction, unit.level), unit)
            if kept is not unit and unit.role in LEAD_ROLES and kept.role not in LEAD_ROLES:
                kept.role = unit.role
        task.units = list(first.values())
