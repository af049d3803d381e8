"""Stage 2, model: validated, cross-referenced objects the templates and exports read.

Every reference (unit, leader, theme, jurisdiction, status) is resolved here;
what does not resolve becomes a located problem with a did-you-mean hint.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .schema import LEAD_ROLES
from .statuses import NOT_REPORTED, Status


@dataclass(eq=False)
class Config:
    title: str
    description: str
    base_url: str
    language: str
    as_of: dt.date
    theme: str
    theme_dir: str
    allow_unregistered_units: bool
    as_of_from_content: bool = False  # neither site.yaml nor --as-of set it: the newest date in the content
    search_synonyms: tuple = ()  # site.yaml's extra synonym groups ('棚改=棚户区改造'), searchvariants.py
    extra_css: tuple[str, ...] = ()  # stylesheets of the theme's static/ folder linked after the theme's own

    @property
    def base_path(self) -> str:
        """The path part of base_url, always ending in '/': '/' or '/tasks/'."""
        url = self.base_url
        if "://" in url:
            url = "/" + url.split("://", 1)[1].partition("/")[2]
        return url.rstrip("/") + "/"

    @property
    def absolute_base(self) -> str | None:
        """base_url ending in '/' when it names a host ('https://x.org/tasks/'), else None: a site
        published at a bare path has no absolute URLs (no canonical links, no sitemap)."""
        return self.base_url.rstrip("/") + "/" if "://" in self.base_url else None


@dataclass(eq=False)
class Jurisdiction:
    id: str
    name: str
    level: str
    fictional: bool = False
    parent: Jurisdiction | None = None
    children: list = field(default_factory=list)
    units: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    leaders: list = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"/jurisdictions/{self.id}/"

    @property
    def ancestors(self) -> list[Jurisdiction]:
        chain: list[Jurisdiction] = []
        node = self.parent
        while node is not None and node not in chain:
            chain.insert(0, node)
            node = node.parent
        return chain

    @property
    def full_name(self) -> str:
        return "".join(j.name for j in [*self.ancestors, self])

    @property
    def tasks(self) -> list:
        return [t for n in self.notices for t in n.tasks]


@dataclass(eq=False)
class Unit:
    id: str
    name: str
    jurisdiction: Jurisdiction
    aliases: tuple = ()
    kind: str = "department"
    review: bool = False
    roles: list = field(default_factory=list)  # TaskUnit entries, in task order

    @property
    def url(self) -> str:
        return f"/units/{self.jurisdiction.id}/{self.id}/"

    @property
    def print_url(self) -> str:
        return self.url + "print/"

    @property
    def data_url(self) -> str:
        """Its tasks as open data: add .json or .csv."""
        return f"/data/units/{self.jurisdiction.id}/{self.id}"

    @property
    def badge_url(self) -> str:
        return f"/badges/units/{self.jurisdiction.id}/{self.id}.svg"

    @property
    def feed_url(self) -> str:
        """Atom feed of its progress updates (written when it has any)."""
        return f"/feeds/units/{self.jurisdiction.id}/{self.id}.xml"

    @property
    def tasks(self) -> list:
        return unique(r.task for r in self.roles)

    @property
    def lead_tasks(self) -> list:
        return unique(r.task for r in self.roles if r.lead)


@dataclass(eq=False)
class Leader:
    id: str
    name: str
    title: str
    jurisdiction: Jurisdiction
    tasks: list = field(default_factory=list)
    assisting_tasks: list = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"/leaders/{self.jurisdiction.id}/{self.id}/"

    @property
    def print_url(self) -> str:
        return self.url + "print/"

    @property
    def all_tasks(self) -> list:
        return unique(self.tasks + self.assisting_tasks)


@dataclass(eq=False)
class Theme:
    id: str
    name: str
    description: str = ""
    keywords: tuple = ()
    tasks: list = field(default_factory=list)
    exclude: tuple = ()  # phrases in which a keyword does not count (学习教育 is not 教育)

    @property
    def url(self) -> str:
        return f"/themes/{self.id}/"


@dataclass(eq=False)
class TaskUnit:
    """One unit as a task names it: the resolved unit, the printed name, the role."""

    unit: Unit
    printed: str
    role: str | None
    level: str | None
    task: Task

    @property
    def lead(self) -> bool:
        return self.role in LEAD_ROLES


@dataclass(eq=False)
class Update:
    date: dt.date
    status: Status
    percent: int | None
    text: str
    source: str | None
    unit: str | None
    task: Task


@dataclass(eq=False)
class Section:
    number: str | None
    heading: str
    leader: Leader | None = None
    assisting_leaders: list = field(default_factory=list)
    text: str | None = None
    sections: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    depth: int = 0
    anchor: str = ""
    co_leaders: list = field(default_factory=list)  # printed as equals of `leader` (责任领导:张三、李四)
    leader_printed: str | None = None  # the leader field as printed when it names several
    after_tasks: int | None = None  # printed after this many of its container's tasks (None: after them all)

    @property
    def children(self) -> list[tuple[str, Any]]:
        return printed_order(self.tasks, self.sections)

    @property
    def full_heading(self) -> str:
        """The heading as printed: 一、…, (一)…, 1.… whether or not `number` kept its punctuation."""
        if not self.number:
            return self.heading
        return f"{self.number}{_number_separator(self.number)}{self.heading}"

    @property
    def all_tasks(self) -> list:
        return tasks_in_order(self.tasks, self.sections)


def printed_order(tasks: list, sections: list, after=lambda section: section.after_tasks) -> list[tuple[str, Any]]:
    """A container's tasks and sections as printed: ("task", task) and ("section", section) pairs, each section
    after the number of tasks its `after_tasks` says (a notice may print tasks between its headings). `after`
    reads it (content mappings and the importer's sections use this too)."""
    out: list[tuple[str, Any]] = []
    placed = 0
    for section in sections:
        n = after(section)
        upto = len(tasks) if n is None else max(placed, min(n, len(tasks)))
        out += [("task", t) for t in tasks[placed:upto]]
        out.append(("section", section))
        placed = upto
    out += [("task", t) for t in tasks[placed:]]
    return out


def tasks_in_order(tasks: list, sections: list) -> list:
    return [t for kind, child in printed_order(tasks, sections)
            for t in ([child] if kind == "task" else tasks_in_order(child.tasks, child.sections))]


@dataclass(eq=False)
class Attachment:
    number: str | None
    title: str
    preamble: str | None = None
    origin: Jurisdiction | None = None
    rule: str | None = None
    columns: tuple = ()
    sections: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    footer: str | None = None
    anchor: str = ""

    @property
    def label(self) -> str:
        return f"附件{self.number}" if self.number else "附件"

    @property
    def children(self) -> list[tuple[str, Any]]:
        return printed_order(self.tasks, self.sections)

    @property
    def all_tasks(self) -> list:
        return tasks_in_order(self.tasks, self.sections)


@dataclass(eq=False)
class Task:
    notice: Notice
    attachment: Attachment
    sections: list  # enclosing sections, outermost first
    local_id: str
    number: str | None
    title: str | None
    text: str
    attribution: str | None = None
    category: str | None = None
    leader: Leader | None = None
    assisting_leaders: list = field(default_factory=list)
    deadline: str | None = None
    notes: str | None = None
    units: list = field(default_factory=list)  # TaskUnit
    themes: list = field(default_factory=list)
    updates: list = field(default_factory=list)  # oldest first
    line: int = 0
    co_leaders: list = field(default_factory=list)  # printed as equals of `leader` (责任领导:张三、李四)
    leader_printed: str | None = None  # the leader field as printed when it names several

    @property
    def leaders(self) -> list:
        """The leaders in charge: `leader` and those printed as its equals."""
        return [self.leader, *self.co_leaders] if self.leader else []

    @property
    def id(self) -> str:
        return f"{self.notice.id}/{self.local_id}"

    @property
    def url(self) -> str:
        return f"/notices/{self.notice.id}/{self.local_id}/"

    @property
    def badge_url(self) -> str:
        return f"/badges/tasks/{self.notice.id}/{self.local_id}.svg"

    @property
    def lead_units(self) -> list:
        return unique(u.unit for u in self.units if u.lead)

    @property
    def headings(self) -> list[str]:
        """Enclosing headings, outermost first: the attachment, then its sections."""
        return [self.attachment.title] + [s.full_heading for s in self.sections]

    @property
    def latest(self) -> Update | None:
        return self.updates[-1] if self.updates else None

    @property
    def label(self) -> str:
        """How people refer to the task: its printed number, else its title."""
        if self.number:
            return f"第{self.number}项" if self.number.isdigit() else self.number
        return self.title or self.local_id


@dataclass(eq=False)
class Notice:
    id: str
    title: str
    short_title: str | None
    doc_number: str | None
    issuer: str
    jurisdiction: Jurisdiction
    year: int | None
    published: dt.date | None
    effective: dt.date | None
    validity: str | None
    source_url: str | None
    source_file: str | None
    fictional: bool
    body: str
    attachments: list = field(default_factory=list)
    file: str = ""
    date_label: str | None = None  # what `published` is, as the source says (公开日期 on a portal); default 发布日期

    @property
    def url(self) -> str:
        return f"/notices/{self.id}/"

    @property
    def original_url(self) -> str:
        """Its source as published, as readable text (written when `source_file` names a file)."""
        return self.url + "original/"

    @property
    def print_url(self) -> str:
        return self.url + "print/"

    @property
    def data_url(self) -> str:
        """Its tasks as open data: add .json or .csv."""
        return f"/data/notices/{self.id}"

    @property
    def name(self) -> str:
        return self.short_title or self.title

    @property
    def tasks(self) -> list:
        return [t for a in self.attachments for t in a.all_tasks]


@dataclass(eq=False)
class Site:
    root: Path
    config: Config
    statuses: list
    jurisdictions: dict
    units: list
    leaders: list
    themes: list
    notices: list
    tasks: dict  # global id -> Task, in notice order
    warnings: list = field(default_factory=list)

    @functools.cached_property
    def status_map(self) -> dict:
        return {s.id: s for s in self.statuses}

    def status_of(self, task: Task) -> Status:
        return task.latest.status if task.latest else self.status_map[NOT_REPORTED]

    @property
    def as_of(self) -> dt.date:
        return self.config.as_of


def notice_order(notice: Notice) -> tuple:
    """Notices in the site's order: by government, then by the year of the report they break down (a
    portal's later 公开日期 does not move a 2017 notice after a 2019 one), then by date."""
    return (notice.jurisdiction.id, notice.year or (notice.published.year if notice.published else 0),
            notice.published or dt.date.min, notice.id)


def newest_date(notices) -> dt.date | None:
    """The newest date the content states (a notice's publication or effect, a progress update): the
    default `as_of`, so the same content builds the same bytes on any day."""
    dates = [d for n in notices for d in (n.published, n.effective) if d]
    dates += [u.date for n in notices for t in n.tasks for u in t.updates]
    return max(dates, default=None)


def _number_separator(number: str) -> str:
    if number[-1] in "、.．)）】]①②③④⑤⑥⑦⑧⑨⑩":
        return ""
    if number.isascii() and number.isdigit():
        return "."
    if all(c in "一二三四五六七八九十百零〇" for c in number):
        return "、"
    return " "


def unique(items) -> list:
    """The items in order, each object once (by identity: units and tasks of a site are one object each)."""
    seen, out = set(), []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            out.append(item)
    return out
