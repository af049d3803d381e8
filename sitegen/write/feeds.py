"""Atom feeds of progress updates: the whole site's and each unit's.

Entries are ordered newest first and carry stable ids (tag URIs built from the
task id and the update's date), so feed readers never show an update twice.
"""

from __future__ import annotations

import heapq

from ..content.model import Site
from ..render.markup import render_markdown
from .escaping import xml_attr, xml_text

MAX_ENTRIES = 50


def feed_files(site: Site):
    """(path, bytes) of feeds/updates.xml and one feed per unit with updates."""
    yield site_feed(site)
    for unit in site.units:
        feed = unit_feed(site, unit)
        if feed is not None:
            yield feed


def site_feed(site: Site) -> tuple:
    return "feeds/updates.xml", atom(site, "进展更新", "/feeds/updates.xml", "/", _updates(site.tasks.values()))


def unit_feed(site: Site, unit) -> tuple | None:
    """(path, bytes) of a unit's feed, or None when its tasks have no updates."""
    updates = _updates(unit.tasks)
    if not updates:
        return None
    return unit.feed_url.lstrip("/"), atom(site, f"{unit.name} · 进展更新", unit.feed_url, unit.url, updates)


def _updates(tasks) -> list:
    # the newest MAX_ENTRIES, as sorted(…, reverse=True)[:MAX_ENTRIES] gives them, without sorting them all
    return heapq.nlargest(MAX_ENTRIES, (u for task in tasks for u in task.updates), key=lambda u: (u.date, u.task.id))


def atom(site: Site, title: str, self_path: str, alternate: str, updates: list) -> bytes:
    base = _base(site)
    updated = max((u.date for u in updates), default=site.as_of)
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">\n'
        f"<title>{xml_text(title)} · {xml_text(site.config.title)}</title>\n"
        f"<id>{xml_text(_feed_id(base, self_path))}</id>\n"
        f"<link rel=\"self\" href=\"{xml_attr(base + self_path.lstrip('/'))}\"/>\n"
        f"<link rel=\"alternate\" type=\"text/html\" href=\"{xml_attr(base + alternate.lstrip('/'))}\"/>\n"
        f"<updated>{updated.isoformat()}T00:00:00Z</updated>\n"
        f"<author><name>{xml_text(site.config.title)}</name></author>\n"
    )
    return (head + "".join(_entry(base, u) for u in updates) + "</feed>\n").encode("utf-8")


def _entry(base: str, update) -> str:
    task = update.task
    label = f"{task.label}{' ' + task.title if task.title and task.number else ''}"
    fictional = "（虚构示例）" if task.notice.fictional else ""
    title = f"{update.status.label}：{task.notice.name} {label}{fictional}"
    lines = [f"<p>{update.status.icon} {xml_text(update.status.label)}"
             + (f"，完成 {update.percent}%" if update.percent is not None else "") + "</p>",
             render_markdown(update.text)]
    if update.source:
        lines.append(f"<p>来源：{xml_text(update.source)}</p>")
    content = "\n".join(line for line in lines if line)
    return (
        "<entry>\n"
        f"<title>{xml_text(title)}</title>\n"
        f"<id>tag:sitegen,{update.date.isoformat()}:{xml_text(task.id)}/{update.status.id}</id>\n"
        f"<link rel=\"alternate\" type=\"text/html\" href=\"{xml_attr(base + task.url.lstrip('/'))}\"/>\n"
        f"<updated>{update.date.isoformat()}T00:00:00Z</updated>\n"
        f"<content type=\"html\">{xml_text(content)}</content>\n"
        "</entry>\n"
    )


def _feed_id(base: str, path: str) -> str:
    """A permanent IRI: the feed's address when absolute, else a tag URI (Atom ids must be absolute)."""
    return base + path.lstrip("/") if "://" in base else f"tag:sitegen,2026:{path}"


def _base(site: Site) -> str:
    """Absolute base for feed links when known; else a root-relative one (readers resolve it)."""
    return site.config.absolute_base or site.config.base_path
