"""What the importer finds in a notice, before it is written as content."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content.model import tasks_in_order


@dataclass
class Unit:
    name: str  # as printed after prefix expansion and a trailing 等 dropped
    role: str | None = None
    jurisdiction: str | None = None  # only when not the notice's
    level: str | None = None  # the table column it was printed in (市级, 区级)
    printed: str = ""  # exactly as printed, before expansion
    kind_hint: str | None = None  # collective when it follows 各… in its list
    marked: bool = False  # printed with a mark (县发改局*, ▲县财政局) that the notice's legend explains


@dataclass
class Task:
    id: str = ""
    number: str | None = None
    title: str | None = None
    text: str = ""
    units: list[Unit] = field(default_factory=list)
    attribution: str | None = None
    attribution_lines: int = 1  # label lines of the attribution, parsed again together (structure.py)
    category: str | None = None
    leader: str | None = None
    assisting_leaders: list[str] = field(default_factory=list)
    deadline: str | None = None
    notes: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)  # table cells placed here, for coverage
    line: int = 0  # first source line, for the report

    def all_text(self) -> str:
        parts = [self.number or "", self.title or "", self.text, self.attribution or "",
                 self.category or "", self.leader or "", *self.assisting_leaders,
                 self.deadline or "", *self.notes, *self.cells, *(u.printed for u in self.units)]
        return "".join(parts)


@dataclass
class Section:
    number: str | None
    heading: str
    rank: float = 0  # a marker type's RANK; an unnumbered heading sits between two (Builder._line_heading)
    leader: str | None = None
    assisting_leaders: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    lead_units: list[Unit] = field(default_factory=list)  # (一)省编办牵头的工作: leads every task under it
    after_tasks: int | None = None  # printed after this many of its container's tasks (None: after them all)

    def all_text(self) -> str:
        return (self.number or "") + self.heading + "".join(self.text)


@dataclass
class Attachment:
    number: str | None = None
    title: str = ""
    preamble: list[str] = field(default_factory=list)
    origin: str | None = None
    rule: str | None = None
    columns: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)

    def all_text(self) -> str:
        return "".join([self.number or "", self.title, *self.preamble, *self.columns, *self.footer])

    def all_tasks(self) -> list[Task]:
        return tasks_in_order(self.tasks, self.sections)


@dataclass
class Header:
    title: str = ""
    doc_number: str | None = None
    issuer: str | None = None
    issuer_label: str | None = None
    published: str | None = None  # ISO date
    date_label: str | None = None  # the label of `published` when it is not a publication date (公开日期)
    effective: str | None = None
    validity: str | None = None
    year: int | None = None
    printed: list[str] = field(default_factory=list)  # every value taken from the header

    def all_text(self) -> str:
        return "".join([self.title, self.doc_number or "", *self.printed])


@dataclass
class Body:
    paragraphs: list[str] = field(default_factory=list)

    def all_text(self) -> str:
        return "".join(self.paragraphs)


@dataclass
class Leader:
    name: str
    title: str


@dataclass
class Parsed:
    header: Header
    body: Body
    attachments: list[Attachment]
    leaders: list[Leader]
    notes: list[str] = field(default_factory=list)  # things the report should mention
    left_out: list[str] = field(default_factory=list)  # numbered paragraphs not taken as tasks, and why
