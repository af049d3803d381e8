"""A page's search record for Pagefind: the hidden filters, sort key, metadata and search hint of a
task or notice page (search_record.html includes it; docs/search.md says what each part is for).

It is written here rather than in a template because it is plumbing for the index, not design, and
one of the largest parts of a task page: as a template it took 28% of the task pages' rendering at
10,000 tasks (benchmarks/template_ab.py). The output is byte for byte what the template it replaced
wrote (tests/test_search.py renders that template, kept in tests/fixtures, against this module).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import rollup
from .markup import plain_text
from .templating import escape_html

_IGNORE_CASE = str.lower


@dataclass
class SearchHint:
    """The words of a page's search record, in two weights (docs/search.md)."""

    strong: list
    weak: list


def search_hint(site, task, notice) -> SearchHint:
    """A task's own words (title, text, units, leader) weigh more than what it shares with other
    records (its notice's title and 文号, deadline, roles, progress); a notice's title and 文号 more
    than its issuer and body. Empty parts and repeats (ignoring case) are left out."""
    if task is None:
        return SearchHint(_distinct([notice.title, notice.name, notice.doc_number]),
                          _distinct([notice.issuer, notice.jurisdiction.full_name, plain_text(notice.body)]))
    strong = [task.title, plain_text(task.text)]
    weak = [task.deadline, task.category, task.notes, task.attribution, rollup.task_state(site, task).status.label,
            notice.title, notice.name, notice.doc_number, notice.issuer]
    for tu in task.units:
        strong += [tu.unit.name, tu.printed]
        weak += [tu.role, tu.level]
    if task.leader:
        strong.append(task.leader.name)
        weak.append(task.leader.title)
    for leader in task.assisting_leaders:
        weak += [leader.name, leader.title]
    weak += [t.name for t in task.themes]
    for update in task.updates:
        weak += [plain_text(update.text), update.unit]
    return SearchHint(_distinct(strong), _distinct(weak))


def _distinct(parts: list) -> list:
    seen, out = set(), []
    for part in parts:
        key = part.lower() if isinstance(part, str) else part
        if part and key not in seen:
            seen.add(key)
            out.append(part)
    return out


def record(site, task, notice) -> str:
    """The record of a task page (`task`) or a notice page (task None), as HTML."""
    parts = ['<div hidden data-pagefind-ignore>\n']
    parts += _notice_fields(notice)
    parts += _task_fields(site, task) if task is not None else _notice_only_fields(notice)
    parts.append("</div>")
    parts += _hint(search_hint(site, task, notice), task is None)
    return "".join(parts)


def _span(attribute: str, name: str, value) -> str:
    return f'<span data-pagefind-{attribute}="{name}">{escape(value)}</span>'


# What markupsafe.escape writes, text not wrapped in a Markup: a record escapes some 45 values, and a
# Markup object for each took longer than the rest of the record.
escape = escape_html


def _notice_fields(notice) -> list:
    year = notice.year or (notice.published.year if notice.published else None)
    parts = [_span("filter", "government", notice.jurisdiction.name), "\n",
             _span("filter", "notice", notice.name), "\n"]
    if year:
        parts.append(_span("filter", "year", year))
    if notice.published:
        day = notice.published
        parts += [_span("sort", "date", day.isoformat()), "\n",
                  _span("meta", "date", f"{day.year}年{day.month}月{day.day}日")]
    parts += [_span("meta", "notice", notice.name), "\n"]
    if notice.doc_number:
        parts.append(_span("meta", "doc_number", notice.doc_number))
    return parts


def _task_fields(site, task) -> list:
    state = rollup.task_state(site, task)
    text = plain_text(task.text)
    names = _unique([tu.unit.name for tu in task.units])
    parts = [_span("meta", "kind", "task"), "\n",
             _span("meta", "title", f"{task.label} {task.title or _truncate(text, 40)}"), "\n"]
    if task.title or len(text) > 40:
        parts.append(_span("meta", "text", _truncate(text, 160)))
    parts += [_span("filter", "unit", name) for name in names]
    if task.leader:
        parts.append(_span("filter", "leader", task.leader.name))
    parts += [_span("filter", "leader", leader.name) for leader in task.assisting_leaders
              if leader is not task.leader]
    parts += [_span("filter", "theme", theme.name) for theme in task.themes]
    status = state.status
    parts += [_span("filter", "status", status.label), "\n", _span("meta", "status", status.label), "\n",
              _span("meta", "status_icon", status.icon), "\n", _span("meta", "status_id", status.id), "\n"]
    if state.overdue:
        parts.append(_span("meta", "overdue", "逾期"))
    if names:
        parts.append(_span("meta", "units", "、".join(names)))
    if task.leader:
        parts.append(_span("meta", "leader", task.leader.name))
    if task.deadline:
        parts.append(_span("meta", "deadline", task.deadline))
    return parts


def _notice_only_fields(notice) -> list:
    return [_span("meta", "kind", "notice"), "\n", _span("meta", "title", notice.title), "\n",
            _span("meta", "tasks", len(notice.tasks)), "\n"]


def _hint(hint: SearchHint, of_notice: bool) -> list:
    """The record's text again, one character per word, so that the search page can find any run of
    Chinese characters as an exact phrase of single characters whatever the word segmenter made of it
    (docs/search.md); the record's own words weigh more than what it shares with others. Kept between
    two U+2063 marks so tools can tell it apart from the text; on notice pages it is indexed (body)."""
    parts = ['<div hidden data-pagefind-body>&#x2063;\n<div data-pagefind-weight="5">\n' if of_notice
             else '<div hidden>&#x2063;\n<div data-pagefind-weight="1">\n']
    parts += [f"<p>{escape(spaced(part))}</p>\n" for part in hint.strong]
    parts.append('</div>\n<div data-pagefind-weight="0.1">\n')
    parts += [f"<p>{escape(spaced(part))}</p>\n" for part in hint.weak]
    parts.append("</div>\n&#x2063;</div>")
    return parts


def spaced(value) -> str:
    """'黄河流域' -> '黄 河 流 域': text as one word per character (the `spaced` filter)."""
    return " ".join(str(value))


def _truncate(text: str, length: int) -> str:
    """Jinja's truncate(length, killwords=True, end='…') with its default leeway of 5 characters."""
    return text if len(text) <= length + 5 else text[:length - 1] + "…"


def _unique(names: list) -> list:
    """Jinja's unique filter: the first of each name, ignoring case."""
    seen, out = set(), []
    for name in names:
        key = _IGNORE_CASE(name) if isinstance(name, str) else name
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out
