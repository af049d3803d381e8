"""The parsed notice as content: the mapping written to content/notices/<id>.yaml."""

from __future__ import annotations

import re
from datetime import date

from ..content.model import printed_order
from ..content.schema import SLUG
from ..content.slugs import fit_id, slugify
from .header import short_title
from .items import Attachment, Parsed, Section, Task, Unit
from .markers import cn_to_int
from .registry import UniqueIds
from .writer import Flow


def notice_id(stem: str | None, jurisdiction: str, year: int | None, doc_number: str | None) -> str:
    """The file's stem when it is a slug; else jurisdiction-year-文号 (jinan-2017-jizhengbanzi-22)."""
    if stem:
        slug = stem.lower()
        if SLUG.fullmatch(slug):
            return slug
        return slugify(stem)
    parts = [jurisdiction, str(year) if year else None]
    m = re.match(r"^(?P<code>[\u4e00-\u9fff]+)\s*[〔\[(【(]\s*\d{4}\s*[〕\])】)]\s*(?P<n>\d+)", doc_number or "")
    if m:
        parts += [slugify(m.group("code")).replace("-", ""), m.group("n")]
    return "-".join(p for p in parts if p)


def assign_ids(parsed: Parsed) -> None:
    """<attachment>-<number>, unnumbered <attachment>-u<k>: stable across re-imports. Unique over the notice: the
    notice's own list (by position, 1) and its 附件1 share a prefix."""
    ids = UniqueIds()
    for position, att in enumerate(parsed.attachments, 1):
        prefix = att.number or str(position)
        unnumbered = 0
        for task in att.all_tasks():
            if task.number is None:
                unnumbered += 1
                base = f"{prefix}-u{unnumbered}"
            else:
                value = cn_to_int(task.number)
                base = fit_id(f"{prefix}-{value if value is not None else slugify(task.number)}", task.number, room=8)
            task.id = ids.take(base)


def notice_data(parsed: Parsed, nid: str, jurisdiction: str, source_file: str | None,
                place: str | None = None, source_url: str | None = None) -> dict:
    h = parsed.header
    data: dict = {"id": nid, "title": h.title}
    short = short_title(h.title, place)
    if short and short != h.title:
        data["short_title"] = short
    if h.doc_number:
        data["doc_number"] = h.doc_number
    data["issuer"] = h.issuer
    data["jurisdiction"] = jurisdiction
    if h.year:
        data["year"] = h.year
    for key in ("published", "effective"):
        if getattr(h, key):
            data[key] = date.fromisoformat(getattr(h, key))
            if key == "published" and h.date_label:
                data["date_label"] = h.date_label
    data.update(_present(validity=h.validity, source_url=source_url, source_file=source_file,
                         body=_md(parsed.body.paragraphs)))
    data["attachments"] = [_attachment(a) for a in parsed.attachments]
    return data


def _present(**fields) -> dict:
    """The fields that have a value, in the order given: empty ones are left out of the content."""
    return {key: value for key, value in fields.items() if value}


def _md(paragraphs: list[str]) -> str | None:
    return "\n\n".join(paragraphs) + "\n" if paragraphs else None


def _attachment(att: Attachment) -> dict:
    return {**_present(number=att.number), "title": att.title,
            **_present(origin=att.origin, rule=att.rule, columns=att.columns, preamble=_md(att.preamble),
                       sections=[_section(s, len(att.tasks)) for s in att.sections],
                       tasks=[_task(t) for t in att.tasks], footer=_md(att.footer))}


def _section(section: Section, tasks_beside: int) -> dict:
    """A section; `tasks_beside`: its container's tasks, which it is printed after unless after_tasks says."""
    after = section.after_tasks if section.after_tasks is not None and section.after_tasks < tasks_beside else None
    return {**_present(number=section.number), "heading": section.heading,
            **_present(leader=section.leader, assisting_leaders=list(section.assisting_leaders),
                       text=_md(section.text), sections=[_section(s, len(section.tasks)) for s in section.sections],
                       tasks=[_task(t) for t in section.tasks]),
            **({"after_tasks": after} if after is not None else {})}


def _task(task: Task) -> dict:
    out: dict = {"id": task.id}
    if task.number is not None:
        out["number"] = task.number
    return {**out, **_present(title=task.title), "text": task.text,
            **_present(deadline=task.deadline, attribution=task.attribution,
                       units=[_unit(u) for u in task.units], category=task.category, leader=task.leader,
                       assisting_leaders=list(task.assisting_leaders), notes="\n".join(task.notes))}


def _unit(unit: Unit) -> Flow:
    return Flow(name=unit.name, **_present(role=unit.role, jurisdiction=unit.jurisdiction, level=unit.level))


def children(container: dict) -> list[tuple[str, dict]]:
    """A content mapping's ("task", …) and ("section", …) entries in printed order (its sections' after_tasks)."""
    return printed_order(container.get("tasks") or [], container.get("sections") or [],
                         lambda section: section.get("after_tasks"))


def iter_tasks(data: dict):
    """Every task mapping of a notice mapping, in printed order."""
    def walk(container):
        for kind, child in children(container):
            if kind == "task":
                yield child
            else:
                yield from walk(child)
    for att in data.get("attachments") or []:
        yield from walk(att)
