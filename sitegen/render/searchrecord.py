"""The search records Pagefind indexes: one per task, one per notice, made from the model and fed to
Pagefind's service as small HTML documents (sitegen/index/index.py); docs/search.md says what each part is for.

A record is its filters, sort key and result metadata (hidden spans, as Pagefind reads them from a
page) and then its searchable text, one character per word (`棚 户 区 改 造`), in weighted parts:
the search page searches any run of characters as an exact phrase of single characters, which finds
it whatever a word segmenter would make of it, and ranks with the same characters' weighted scores.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..content.model import unique
from . import rollup, searchvariants
from .markup import plain_text
from .templating import escape_html

_IGNORE_CASE = str.lower
# Weights of a record's parts (docs/search.md): what a task sits under ranks it above a task that
# only mentions the words; its own words next; what it shares with every task of its notice last.
HEADINGS, OWN, SHARED = 3, 1, 0.1
NOTICE_TITLE, NOTICE_TEXT = 5, 0.5
COLLECTIVE = ("collective", "government")  # 各区 / 各区县政府: always say whose


class FilterNames:
    """Unit and leader filter values: the name, and the government's full name after it when the same
    name belongs to several governments or the unit is a collective entry ("各区（湖北省武汉市武昌区）"),
    the rule of the unit index, which lists units under their government's full name."""

    def __init__(self, site):
        self._units = Counter(name for name, _ in {(u.name, u.jurisdiction.id) for u in site.units})
        self._leaders = Counter(name for name, _ in {(p.name, p.jurisdiction.id) for p in site.leaders})

    def unit(self, unit) -> str:
        if self._units[unit.name] > 1 or unit.kind in COLLECTIVE:
            return f"{unit.name}（{unit.jurisdiction.full_name}）"
        return unit.name

    def leader(self, leader) -> str:
        if self._leaders[leader.name] > 1:
            return f"{leader.name}（{leader.jurisdiction.full_name}）"
        return leader.name


def pages(site, notice, names: FilterNames):
    """(url, html) of the notice's record, then of each of its tasks'."""
    yield notice.url, document(record(site, None, notice, names))
    for task in notice.tasks:
        yield task.url, document(record(site, task, notice, names))


def document(body: str) -> str:
    return f'<!DOCTYPE html><html lang="zh-CN"><body>{body}</body></html>'


def record(site, task, notice, names: FilterNames) -> str:
    """The record of a task (or of the notice when `task` is None), as HTML."""
    parts = ["<div data-pagefind-ignore>"]
    parts += _notice_fields(notice)
    parts += _task_fields(site, task, names) if task is not None else _notice_only_fields(notice)
    parts.append("</div>")
    for weight, texts in search_text(site, task, notice):
        words = " ".join(searchable(t) for t in texts)
        if words:
            parts.append(f'<p data-pagefind-weight="{weight}">{escape(words)}</p>')
    return "".join(parts)


def search_text(site, task, notice) -> list[tuple[float, list]]:
    """What a record is found by, in weighted parts. A task: its number as cited (第8项), its
    attachment's title and section headings (and their leaders); its own title, text, units as printed with
    every alias of each unit, leader; then what it shares with its notice's other tasks (文号, government) and the rest
    (deadline, roles, status, themes, progress). The notice's title is in the notice's own record only:
    Pagefind's time grows with every character indexed, and the title's words are in every task of the
    notice (docs/performance.md). A notice: its title and 文号, then its issuer, government and text."""
    if task is None:
        return [(NOTICE_TITLE, _distinct([notice.title, notice.name, notice.doc_number])),
                (NOTICE_TEXT, _distinct([notice.issuer, notice.jurisdiction.full_name, plain_text(notice.body)]))]
    headings = [task.label, task.attachment.title] + [s.full_heading for s in task.sections]
    for section in task.sections:
        headings += [leader.name for leader in [section.leader, *section.co_leaders, *section.assisting_leaders]
                     if leader]
    own = [task.title, plain_text(task.text)]
    for tu in task.units:
        own += [tu.printed, tu.unit.name, *tu.unit.aliases]
    own += [leader.name for leader in task.leaders]
    shared = [notice.doc_number, notice.jurisdiction.full_name,
              task.deadline, task.category, task.notes, rollup.task_state(site, task).status.label]
    for tu in task.units:
        shared += [tu.role, tu.level]
    shared += [leader.title for leader in task.leaders]
    for leader in task.assisting_leaders:
        shared += [leader.name, leader.title]
    shared += [t.name for t in task.themes]
    for update in task.updates:
        shared.append(plain_text(update.text))
    headings = _distinct(headings)
    own = _distinct(own, headings)
    return [(HEADINGS, headings), (OWN, own), (SHARED, _distinct(shared, headings + own))]


def _distinct(parts: list, above: Sequence = ()) -> list:
    """The parts without empty ones, repeats, and those inside another part or inside a part of a heavier
    weight (`above`: 发改委 beside 市发改委, an issuer inside the title, a leader named in a heading): the page
    matches runs of characters, so they would find nothing more, and every character costs Pagefind time
    (docs/performance.md)."""
    seen, out = set(), []
    for part in parts:
        part = str(part) if part else part
        key = part.lower() if part else part
        if part and key not in seen:
            seen.add(key)
            out.append(part)
    keys = [p.lower() for p in out]
    heavier = [str(p).lower() for p in above]
    return [p for p, k in zip(out, keys, strict=False)
            if not any(k in other and k != other for other in keys) and not any(k in other for other in heavier)]


def _span(attribute: str, name: str, value) -> str:
    return f'<span data-pagefind-{attribute}="{name}">{escape(value)}</span>'


escape = escape_html


def _notice_fields(notice) -> list:
    year = notice.year or (notice.published.year if notice.published else None)
    parts = [_span("filter", "government", notice.jurisdiction.name), _span("filter", "notice", notice.name)]
    if year:
        parts.append(_span("filter", "year", year))
    if notice.published:
        day = notice.published
        parts += [_span("sort", "date", day.isoformat()),
                  _span("meta", "date", f"{day.year}年{day.month}月{day.day}日")]
    parts.append(_span("meta", "notice", notice.name))
    if notice.doc_number:
        parts.append(_span("meta", "doc_number", notice.doc_number))
    return parts


def _task_fields(site, task, names: FilterNames) -> list:
    state = rollup.task_state(site, task)
    text = plain_text(task.text)
    title = task.title or _truncate(text, 40)
    parts = [_span("meta", "kind", "task"), _span("meta", "title", f"{task.label} {title}")]
    if task.title:
        parts.append(_span("meta", "text", _truncate(text, 160)))
    elif title != text:  # an untitled task's opening words are its title: the text goes on from there
        parts.append(_span("meta", "text", "…" + _truncate(text[len(title) - 1:], 160)))
    parts += [_span("filter", "unit", names.unit(unit)) for unit in unique([tu.unit for tu in task.units])]
    leaders = list(task.leaders)
    leaders += [leader for leader in task.assisting_leaders if leader not in task.leaders]
    parts += [_span("filter", "leader", names.leader(leader)) for leader in leaders]
    parts += [_span("filter", "theme", theme.name) for theme in task.themes]
    status = state.status
    parts += [_span("filter", "status", status.label), _span("meta", "status", status.label),
              _span("meta", "status_icon", status.icon), _span("meta", "status_id", status.id)]
    if state.overdue:
        parts.append(_span("meta", "overdue", "逾期"))
    shown = _unique([tu.unit.name for tu in task.units])
    if shown:
        parts.append(_span("meta", "units", "、".join(shown)))
    if task.leader:
        parts.append(_span("meta", "leader", task.leader_printed or task.leader.name))
    if task.deadline:
        parts.append(_span("meta", "deadline", task.deadline))
    return parts


def _notice_only_fields(notice) -> list:
    return [_span("meta", "kind", "notice"), _span("meta", "title", notice.title),
            _span("meta", "tasks", len(notice.tasks))]


def searchable(value) -> str:
    """What the index holds of a text: its letters and digits in simplified characters, one word each
    ('棚户区改造，2019年' -> '棚 户 区 改 造 2 0 1 9 年'). Punctuation is left out: the search page cuts a
    query at it (search.js `parts`), so no search looks for it, and each character costs Pagefind time."""
    return " ".join(c for c in searchvariants.simplified(value) if c.isalnum())


def spaced(value) -> str:
    """'黄河流域' -> '黄 河 流 域': text as one word per character (the `spaced` filter)."""
    return " ".join(str(value))


def _truncate(text: str, length: int) -> str:
    """Jinja's truncate(length, killwords=True, end='…') with its default leeway of 5 characters."""
    return text if len(text) <= length + 5 else text[:length - 1] + "…"


def _unique(names: list) -> list:
    """The first of each name, ignoring case."""
    seen, out = set(), []
    for name in names:
        key = _IGNORE_CASE(name) if isinstance(name, str) else name
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


