"""The parsed notice as content: the mapping written to content/notices/<id>.yaml."""

from __future__ import annotations

import re

from .header import short_title
from ..slugs import slugify
from .items import Attachment, Parsed, Section, Task, Unit
from .markers import cn_to_int
from .writer import Flow


def notice_id(stem: str | None, jurisdiction: str, year: int | None, doc_number: str | None) -> str:
    """The file's stem when it is a slug; else jurisdiction-year-文号 (jinan-2017-jizhengbanzi-22)."""
    if stem:
        slug = stem.lower()
        if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
            return slug
        return slugify(stem)
    parts = [jurisdiction, str(year) if year else None]
    m = re.match(r"^(?P<code>[\u4e00-\u9fff]+)\s*[〔\[(【(]\s*\d{4}\s*[〕\])】)]\s*(?P<n>\d+)", doc_number or "")
    if m:
        parts += [slugify(m.group("code")).replace("-", ""), m.group("n")]
    return "-".join(p for p in parts if p)


def assign_ids(parsed: Parsed) -> None:
    """<attachment>-<number>, unnumbered <attachment>-u<k>: stable across re-imports."""
    for position, att in enumerate(parsed.attachments, 1):
        prefix = att.number or str(position)
        taken: set[str] = set()
        unnumbered = 0
        for task in att.all_tasks():
            if task.number is None:
                unnumbered += 1
                base = f"{prefix}-u{unnumbered}"
            else:
                value = cn_to_int(task.number)
                base = f"{prefix}-{value if value is not None else slugify(task.number)}"
            tid, n = base, 2
            while tid in taken:
                tid, n = f"{base}-{n}", n + 1
            taken.add(tid)
            task.id = tid


def notice_data(parsed: Parsed, nid: str, jurisdiction: str, source_file: str | None,
                place: str | None = None) -> dict:
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
            data[key] = _date(getattr(h, key))
    if h.validity:
        data["validity"] = h.validity
    if source_file:
        data["source_file"] = source_file
    if parsed.body.paragraphs:
        data["body"] = "\n\n".join(parsed.body.paragraphs) + "\n"
    data["attachments"] = [_attachment(a) for a in parsed.attachments]
    return data


def _date(iso: str):
    from datetime import date
    return date.fromisoformat(iso)


def _md(paragraphs: list[str]) -> str | None:
    return "\n\n".join(paragraphs) + "\n" if paragraphs else None


def _attachment(att: Attachment) -> dict:
    out: dict = {}
    if att.number:
        out["number"] = att.number
    out["title"] = att.title
    for key, value in (("origin", att.origin), ("rule", att.rule), ("columns", att.columns or None),
                       ("preamble", _md(att.preamble))):
        if value:
            out[key] = value
    if att.sections:
        out["sections"] = [_section(s) for s in att.sections]
    if att.tasks:
        out["tasks"] = [_task(t) for t in att.tasks]
    if att.footer:
        out["footer"] = _md(att.footer)
    return out


def _section(section: Section) -> dict:
    out: dict = {}
    if section.number:
        out["number"] = section.number
    out["heading"] = section.heading
    if section.leader:
        out["leader"] = section.leader
    if section.assisting_leaders:
        out["assisting_leaders"] = list(section.assisting_leaders)
    if section.text:
        out["text"] = _md(section.text)
    if section.sections:
        out["sections"] = [_section(s) for s in section.sections]
    if section.tasks:
        out["tasks"] = [_task(t) for t in section.tasks]
    return out


def _task(task: Task) -> dict:
    out: dict = {"id": task.id}
    if task.number is not None:
        out["number"] = task.number
    if task.title:
        out["title"] = task.title
    out["text"] = task.text
    if task.deadline:
        out["deadline"] = task.deadline
    if task.attribution:
        out["attribution"] = task.attribution
    if task.units:
        out["units"] = [_unit(u) for u in task.units]
    if task.category:
        out["category"] = task.category
    if task.leader:
        out["leader"] = task.leader
    if task.assisting_leaders:
        out["assisting_leaders"] = list(task.assisting_leaders)
    if task.notes:
        out["notes"] = "\n".join(task.notes)
    return out


def _unit(unit: Unit) -> Flow:
    out = Flow(name=unit.name)
    if unit.role:
        out["role"] = unit.role
    if unit.jurisdiction:
        out["jurisdiction"] = unit.jurisdiction
    if unit.level:
        out["level"] = unit.level
    return out


def iter_tasks(data: dict):
    """Every task mapping of a notice mapping, in order."""
    def walk(sections):
        for section in sections or []:
            yield from section.get("tasks") or []
            yield from walk(section.get("sections"))
    for att in data.get("attachments") or []:
        yield from att.get("tasks") or []
        yield from walk(att.get("sections"))
