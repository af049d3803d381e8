"""Open data: the exports every build writes (BRIEF's public contract).

Field lists here are the contract; the data page documents each one and a test
fails when one is undocumented.
"""

from __future__ import annotations

import csv
import io
import itertools
import json

from ..content.model import Site, Task, Unit
from ..render.markup import plain_text
from ..render.rollup import task_state

TASK_FIELDS = ("id", "notice", "number", "title", "text", "section", "leader", "assisting_leaders",
               "lead_units", "units", "units_printed", "roles", "deadline", "deadline_date", "themes",
               "status", "status_label", "progress", "overdue", "jurisdiction", "url")
NOTICE_FIELDS = ("id", "title", "doc_number", "issuer", "jurisdiction", "year", "published", "source_url",
                 "fictional", "url", "task_count")
UNIT_FIELDS = ("id", "name", "jurisdiction", "aliases", "kind", "url", "print_url", "tasks", "lead_tasks")


def task_record(site: Site, task: Task) -> dict:
    state = task_state(site, task)
    return {
        "id": task.id, "notice": task.notice.id, "number": task.number, "title": task.title,
        "text": plain_text(task.text), "section": task.headings,
        "leader": task.leader_printed or (task.leader.name if task.leader else None),
        "assisting_leaders": [leader.name for leader in task.assisting_leaders],
        "lead_units": [u.name for u in task.lead_units], "units": [u.unit.name for u in task.units],
        "units_printed": [u.printed for u in task.units], "roles": [u.role or "" for u in task.units],
        "deadline": task.deadline,
        "deadline_date": state.deadline.date.isoformat() if state.deadline and state.deadline.date else None,
        "themes": [t.name for t in task.themes], "status": state.status.id, "status_label": state.status.label,
        "progress": state.percent, "overdue": state.overdue, "jurisdiction": task.notice.jurisdiction.name,
        "url": task.url,
    }


def notice_record(notice) -> dict:
    return {
        "id": notice.id, "title": notice.title, "doc_number": notice.doc_number, "issuer": notice.issuer,
        "jurisdiction": notice.jurisdiction.name, "year": notice.year,
        "published": notice.published.isoformat() if notice.published else None,
        "source_url": notice.source_url, "fictional": notice.fictional, "url": notice.url,
        "task_count": len(notice.tasks),
    }


def unit_record(unit: Unit) -> dict:
    return {
        "id": f"{unit.jurisdiction.id}/{unit.id}", "name": unit.name, "jurisdiction": unit.jurisdiction.name,
        "aliases": list(unit.aliases), "kind": unit.kind, "url": unit.url, "print_url": unit.print_url,
        "tasks": [t.id for t in unit.tasks], "lead_tasks": [t.id for t in unit.lead_tasks],
    }


def to_json(records: list) -> bytes:
    """A JSON array, one record per line: readable, diff-friendly, and written by the C encoder
    (json.dumps with indent falls back to the much slower pure-Python one)."""
    return _json_file([json.dumps(record, ensure_ascii=False) for record in records])


def _json_file(lines: list) -> bytes:
    return ("[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n").encode("utf-8")


def _csv_file(fields, rows: list) -> bytes:
    """UTF-8 with BOM so Excel and WPS open it correctly; lists joined with 、."""
    return ("\ufeff" + _csv_row(dict(zip(fields, fields, strict=False)), fields) + "".join(rows)).encode("utf-8")


def _csv_row(record: dict, fields) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([_cell(record[f]) for f in fields])
    return buffer.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return csv_text("、".join(str(v) for v in value))
    return csv_text(str(value))


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    """A text cell that no spreadsheet takes for a formula (OWASP's CSV injection advice): a text that
    starts with = + - @ tab or carriage return gets a leading '. Every CSV sitegen writes goes through
    here; the data page says so."""
    return "'" + text if text.startswith(FORMULA_START) else text


def exports(site: Site):
    """(path, bytes-like) of every data file: the summaries, one pair per notice and per unit, and the
    site-wide pair. A task shows in the site-wide files, its notice's and each of its units': it is
    encoded once. One government is encoded at a time (a unit's tasks are its government's, but for
    the odd task naming another's unit), and the site-wide pair grows as the notices go by (site.tasks
    is the notices' tasks in order): every task's lines at once would grow with the site (docs/performance.md)."""
    yield from summaries(site)
    json_all, csv_all = bytearray(), bytearray(_csv_file(TASK_FIELDS, []))
    units = _grouped(site.units, lambda unit: unit.jurisdiction)
    for government, group in itertools.groupby(site.notices, key=lambda notice: notice.jurisdiction):
        notices = list(group)
        json_lines, csv_rows = encoded(site, [t for notice in notices for t in notice.tasks])
        for notice in notices:
            yield from pair(notice.data_url, notice.tasks, json_lines, csv_rows)
            for task in notice.tasks:
                json_all += b",\n" if json_all else b"[\n"
                json_all += json_lines[task.id].encode("utf-8")
                csv_all += csv_rows[task.id].encode("utf-8")
        yield from _unit_files(site, units.pop(id(government), []), json_lines, csv_rows)
    for rest in units.values():  # units of governments without notices of their own
        yield from _unit_files(site, rest, {}, {})
    json_all += b"\n]\n" if json_all else b"[]\n"
    yield "data/tasks.json", json_all
    del json_all
    yield "data/tasks.csv", csv_all


def _grouped(items, key) -> dict:
    groups: dict = {}
    for item in items:
        groups.setdefault(id(key(item)), []).append(item)
    return groups


def _unit_files(site: Site, units: list, json_lines: dict, csv_rows: dict):
    for unit in units:
        others = [t for t in unit.tasks if t.id not in json_lines]  # tasks of another government's notices
        if others:  # kept for the government's other units (the dicts are this loop's own)
            more_json, more_csv = encoded(site, others)
            json_lines.update(more_json)
            csv_rows.update(more_csv)
        yield from pair(unit.data_url, unit.tasks, json_lines, csv_rows)


def encoded(site: Site, tasks) -> tuple[dict, dict]:
    """Each task's JSON line and CSV row, by task id."""
    records = [task_record(site, t) for t in tasks]
    return ({r["id"]: json.dumps(r, ensure_ascii=False) for r in records},
            {r["id"]: _csv_row(r, TASK_FIELDS) for r in records})


def pair(data_url: str, tasks, json_lines: dict, csv_rows: dict):
    """The .json and .csv file of `tasks` ('/data/units/jinan/x' + suffix)."""
    stem = data_url.lstrip("/")
    yield f"{stem}.json", _json_file([json_lines[t.id] for t in tasks])
    yield f"{stem}.csv", _csv_file(TASK_FIELDS, [csv_rows[t.id] for t in tasks])


def summaries(site: Site):
    """data/notices.json and data/units.json."""
    yield "data/notices.json", notices_file(site)
    yield "data/units.json", units_file(site)


def notices_file(site: Site) -> bytes:
    return to_json([notice_record(n) for n in site.notices])


def units_file(site: Site, previous: bytes | None = None, changed_units=()) -> bytes:
    """data/units.json; with the previous one (the same units) only the `changed_units`' records are made
    again (sitegen/write/datafiles.py)."""
    lines = previous.decode("utf-8").split("\n")[1:-2] if previous else []  # '[', records, ']', ''
    if len(lines) != len(site.units):
        return to_json([unit_record(u) for u in site.units])
    changed = {id(u) for u in changed_units}
    return _json_file([json.dumps(unit_record(u), ensure_ascii=False) if id(u) in changed
                       else line.removesuffix(",") for u, line in zip(site.units, lines, strict=False)])


def joined(files: list) -> tuple[bytes, bytes]:
    """The site-wide pair from the notices' own pairs [(json bytes, csv bytes)] in the site's order: the
    same records in the same order (site.tasks is the notices' tasks one notice after another), so
    `sitegen build --cache` need not encode the tasks of notices that did not change."""
    head = _csv_file(TASK_FIELDS, [])
    json_bodies, csv_bodies = [], []
    for json_file, csv_file in files:
        if not ((json_file.startswith(b"[\n") and json_file.endswith(b"\n]\n")) or json_file == b"[]\n") \
                or not csv_file.startswith(head):
            raise ValueError("not a data file of this version")
        if json_file != b"[]\n":  # views, not copies: the bodies are most of the site's data
            json_bodies.append(memoryview(json_file)[2:-3])
        csv_bodies.append(memoryview(csv_file)[len(head):])
    json_all = b"[\n" + b",\n".join(json_bodies) + b"\n]\n" if json_bodies else b"[]\n"
    return json_all, head + b"".join(csv_bodies)
