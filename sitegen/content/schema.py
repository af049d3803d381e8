"""The typed schema of configuration and content.

Each record lists its fields once; validation, defaults and the documentation
test (every field must appear in docs/content-format.md) all read it from here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..core import limits, urls
from ..core.errors import Problems, did_you_mean
from .load import Located, LocatedList

# \Z, not $: '$' also matches before a final newline, and "1-3\n" would name a folder
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\Z")
COLOR = re.compile(r"^#[0-9a-fA-F]{6}\Z")
# Ids name folders and files: no name Windows reserves (a checkout of the site would fail there), and none
# of the site's own route names (a task 'print' would be its notice's print page).
WINDOWS_RESERVED = frozenset(["con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                              *(f"lpt{i}" for i in range(10))])
RESERVED_ROUTES = frozenset(["print", "page", "data", "assets", "static", "search", "feeds", "badges", "pagefind"])
RESERVED = WINDOWS_RESERVED | RESERVED_ROUTES
MAX_ID_LENGTH = limits.MAX_ID_LENGTH

ROLES = ("牵头", "责任", "配合", "主办", "协办")
LEAD_ROLES = ("牵头", "主办")
UNIT_KINDS = ("department", "government", "enterprise", "collective", "other")
LEVELS = ("national", "province", "city", "district", "county", "town")

EXPECTED = {
    "str": "text", "text": "Markdown text", "int": "a whole number", "count": "a whole number, 0 or more",
    "bool": "true or false",
    "date": "a date written YYYY-MM-DD", "slug": "an id of lowercase ASCII letters, digits and -",
    "enum": "one of", "strlist": "a list of texts", "list": "a list", "record": "a mapping",
    "color": "a colour written #rrggbb", "char": "one character", "url": urls.EXPECTED,
    "base_url": urls.EXPECTED + ", with no ? or #",
    "percent": "a whole number from 0 to 100",
    "year": f"a year from {limits.MIN_YEAR} to {limits.MAX_YEAR}",
}


def id_problem(value: str) -> str | None:
    """Why a well-formed slug cannot be an id, or None."""
    if len(value) > limits.MAX_ID_LENGTH:
        return f"an id has at most {limits.MAX_ID_LENGTH} characters (it names a file)"
    if value in WINDOWS_RESERVED:
        return f"'{value}' is a name Windows reserves for a device: choose another id"
    if value in RESERVED_ROUTES:
        return f"'{value}' is a page of the site's own ({', '.join(sorted(RESERVED_ROUTES))}): choose another id"
    return None


@dataclass(frozen=True)
class F:
    """One field of a record."""

    name: str
    kind: str
    required: bool = False
    choices: tuple = ()
    of: Record | None = None
    default: Any = None


@dataclass(frozen=True)
class Record:
    """A mapping with known fields; `bare` names the field a plain string fills."""

    name: str
    fields: tuple[F, ...]
    bare: str | None = None
    if TYPE_CHECKING:  # set by __post_init__, no field of the dataclass
        _by_name: dict[str, F] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})  # a lookup per field of every task

    def field(self, name: str) -> F | None:
        return self._by_name.get(name)


STATUS = Record("status", (
    F("id", "slug", True), F("label", "str", True), F("color", "color", True),
    F("icon", "char", True), F("done", "bool", default=False),
))

SITE = Record("site", (
    F("title", "str", True), F("description", "str", default=""), F("base_url", "base_url", default="/"),
    F("language", "str", default="zh-CN"), F("as_of", "date"), F("theme", "str", default="default"),
    F("theme_dir", "str", default="theme"), F("allow_unregistered_units", "bool", default=False),
    F("search_synonyms", "strlist", default=()), F("statuses", "list", of=STATUS),
    F("extra_css", "strlist", default=()),
))

JURISDICTION = Record("jurisdiction", (
    F("id", "slug", True), F("name", "str", True), F("parent", "slug"),
    F("level", "enum", True, LEVELS), F("fictional", "bool", default=False),
))

UNIT = Record("unit", (
    F("id", "slug"), F("name", "str", True), F("aliases", "strlist", default=()),
    F("kind", "enum", choices=UNIT_KINDS, default="department"), F("review", "bool", default=False),
))

REGISTRY = Record("unit registry", (F("jurisdiction", "slug", True), F("units", "list", True, of=UNIT)))

LEADER = Record("leader", (
    F("id", "slug"), F("name", "str", True), F("title", "str", True), F("jurisdiction", "slug", True),
))

THEME = Record("theme", (
    F("id", "slug", True), F("name", "str", True), F("description", "str", default=""),
    F("keywords", "strlist", default=()), F("exclude", "strlist", default=()),
))

TASK_UNIT = Record("task unit", (
    F("name", "str", True), F("role", "enum", choices=ROLES), F("jurisdiction", "slug"), F("level", "str"),
), bare="name")

TASK = Record("task", (
    F("id", "slug", True), F("number", "str"), F("title", "str"), F("text", "text", True),
    F("units", "list", of=TASK_UNIT, default=()), F("attribution", "str"), F("category", "str"),
    F("leader", "str"), F("assisting_leaders", "strlist"), F("deadline", "str"),
    F("themes", "strlist", default=()), F("notes", "text"),
))

SECTION_FIELDS = (
    F("number", "str"), F("heading", "str", True), F("leader", "str"),
    F("assisting_leaders", "strlist"), F("text", "text"),
    F("tasks", "list", of=TASK, default=()), F("after_tasks", "count"),
)
SECTION = Record("section", (*SECTION_FIELDS, F("sections", "list", default=())))
# Sections nest: the list's item record is the section record itself.
object.__setattr__(SECTION.fields[-1], "of", SECTION)

ATTACHMENT = Record("attachment", (
    F("number", "str"), F("title", "str", True), F("preamble", "text"), F("origin", "slug"),
    F("rule", "str"), F("columns", "strlist", default=()), F("sections", "list", of=SECTION, default=()),
    F("tasks", "list", of=TASK, default=()), F("footer", "text"),
))

NOTICE = Record("notice", (
    F("id", "slug"), F("title", "str", True), F("short_title", "str"), F("doc_number", "str"),
    F("issuer", "str", True), F("jurisdiction", "slug", True), F("year", "year"),
    F("published", "date"), F("date_label", "str"), F("effective", "date"), F("validity", "str"),
    F("source_url", "url"),
    F("source_file", "str"), F("fictional", "bool", default=False), F("body", "text", default=""),
    F("review", "strlist", default=()),
    F("attachments", "list", True, of=ATTACHMENT),
))

UPDATE = Record("progress update", (
    F("date", "date", True), F("status", "slug", True), F("percent", "percent"),
    F("text", "text", default=""), F("source", "str"), F("unit", "str"),
))

ALL_RECORDS = (SITE, STATUS, JURISDICTION, REGISTRY, UNIT, LEADER, THEME, NOTICE,
               ATTACHMENT, SECTION, TASK, TASK_UNIT, UPDATE)


@dataclass
class Checker:
    """Validates parsed YAML against records, collecting located problems."""

    file: str
    problems: Problems
    checked: dict = field(default_factory=dict)  # (id of a shared mapping, record name) -> its result

    def problem(self, where, key, path, message, hint=""):
        line, column = where.mark(key) if hasattr(where, "mark") else (0, 0)
        self.problems.add(self.file, line, column, path, message, hint)

    def record(self, data, record: Record, path: str, parent=None, key=None, fresh=False):
        """A dict of cleaned values with `_line` and `_marks` (key: (line, column)), or None when not a mapping."""
        if data.__class__ is Located and data.shared and not fresh:  # used again by an alias: checked once
            memo = (id(data), record.name)
            if memo not in self.checked:  # (the data kept with its result: its id is not reused meanwhile)
                self.checked[memo] = (data, self.record(data, record, path, parent, key, True))
            return self.checked[memo][1]
        if record.bare and isinstance(data, (str, int)):
            data = {record.bare: str(data)}
            line = parent.mark(key)[0] if parent is not None else 0
            return {**self._defaults(record), **data, "_line": line, "_marks": {}}
        if not isinstance(data, dict):
            where = parent if parent is not None else data
            self.problem(where, key, path or record.name, f"expected {EXPECTED['record']} ({record.name})",
                         f"got {_kind(data)}")
            return None
        marks = getattr(data, "key_marks", {})
        out = {"_line": getattr(data, "line", 0), "_marks": marks}  # the loader's own: no copy per record
        fields = record._by_name
        for name, value in data.items():
            spec = fields.get(name)
            if spec is None:
                self._unknown(data, record, name, f"{path}.{name}" if path else str(name))
            elif value.__class__ is str and spec.kind in TEXT_KINDS:
                out[name] = value  # what _str gives, without the call: most values of a notice are such text
            elif value is not None:  # an empty required field is reported once, below
                out[name] = self.value(value, spec, data, name, f"{path}.{name}" if path else str(name))
        for spec in record.fields:
            name = spec.name
            if out.get(name) is not None and data.get(name) is not None:
                continue  # given and valid, as most fields are
            if name not in data or (data.get(name) is None and spec.required):
                if spec.required:
                    self._missing(data, record, spec, f"{path}.{name}" if path else name)
                out.setdefault(name, spec.default)
            elif out.get(name) is None:
                out[name] = spec.default
        return out

    def _missing(self, data, record, spec, fpath):
        if spec.name in data:  # written with nothing after it
            self.problem(data, spec.name, fpath, f"empty required field of {record.name}",
                         f"give '{spec.name}:' a value ({EXPECTED[spec.kind]})")
        else:
            self.problem(data, None, fpath, f"missing required field for {record.name}",
                         f"add '{spec.name}:' ({EXPECTED[spec.kind]})")

    def _unknown(self, data, record, name, fpath):
        names = [f.name for f in record.fields]
        hint = did_you_mean(name, names) or f"known fields: {', '.join(names)}"
        self.problem(data, name, fpath, f"unknown field in {record.name}", hint)

    def _defaults(self, record):
        return {f.name: f.default for f in record.fields}

    def value(self, value, spec: F, parent, key, path):
        return CHECKS[spec.kind](self, value, spec, parent, key, path)

    def _bad(self, value, spec, parent, key, path, extra=""):
        expected = EXPECTED[spec.kind]
        if spec.kind == "enum":
            expected += " " + ", ".join(spec.choices)
        self.problem(parent, key, path, f"expected {expected}, got {_kind(value)}", extra)
        return spec.default

    def _str(self, value, spec, parent, key, path):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return self._bad(value, spec, parent, key, path)
        return str(value)

    _text = _str

    def _int(self, value, spec, parent, key, path):
        if isinstance(value, bool) or not isinstance(value, int):
            return self._bad(value, spec, parent, key, path)
        return value

    def _count(self, value, spec, parent, key, path):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return self._bad(value, spec, parent, key, path)
        return value

    def _year(self, value, spec, parent, key, path):
        if isinstance(value, bool) or not isinstance(value, int) or not limits.MIN_YEAR <= value <= limits.MAX_YEAR:
            return self._bad(value, spec, parent, key, path, "e.g. 2017; leave it out when unknown")
        return value

    def _percent(self, value, spec, parent, key, path):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
            return self._bad(value, spec, parent, key, path)
        return value

    def _bool(self, value, spec, parent, key, path):
        if not isinstance(value, bool):
            return self._bad(value, spec, parent, key, path, "write true or false")
        return value

    def _date(self, value, spec, parent, key, path):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        hint = "write dates as YYYY-MM-DD, e.g. 2017-04-18"
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()):
            hint = "that date does not exist" if _impossible(value) else "write the date without quotes"
        return self._bad(value, spec, parent, key, path, hint)

    def _slug(self, value, spec, parent, key, path):
        if not isinstance(value, str) or not SLUG.match(value):
            return self._bad(value, spec, parent, key, path, "e.g. jinan-2017-22")
        if value not in RESERVED and len(value) <= MAX_ID_LENGTH:
            return value
        self.problem(parent, key, path, f"'{value}' cannot be an id", id_problem(value))
        return spec.default

    def _url(self, value, spec, parent, key, path):
        if not urls.is_url(value):
            return self._bad(value, spec, parent, key, path)
        return value

    def _base_url(self, value, spec, parent, key, path):
        if not urls.is_base_url(value):
            return self._bad(value, spec, parent, key, path, "e.g. https://example.gov.cn/tasks/ or /tasks/")
        return value

    def _color(self, value, spec, parent, key, path):
        if not isinstance(value, str) or not COLOR.match(value):
            return self._bad(value, spec, parent, key, path, 'quote it: "#1a7f37"')
        return value

    def _char(self, value, spec, parent, key, path):
        if not isinstance(value, str) or len(value) != 1:
            return self._bad(value, spec, parent, key, path)
        return value

    def _enum(self, value, spec, parent, key, path):
        if value not in spec.choices:
            return self._bad(value, spec, parent, key, path, did_you_mean(value, spec.choices))
        return value

    def _strlist(self, value, spec, parent, key, path):
        if not isinstance(value, list):
            hint = f"write [{value}]" if isinstance(value, str) else ""
            return self._bad(value, spec, parent, key, path, hint)
        out = []
        for index, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self.problem(value, index, f"{path}[{index}]", f"expected text, got {_kind(item)}")
            else:
                out.append(str(item))
        return tuple(out)

    def _list(self, value, spec, parent, key, path):
        if not isinstance(value, list):
            return self._bad(value, spec, parent, key, path)
        if value.__class__ is LocatedList and value.shared:  # used again by an alias: checked once
            memo = (id(value), spec.of.name)
            if memo not in self.checked:
                self.checked[memo] = (value, self._items(value, spec, path))
            return self.checked[memo][1]
        return self._items(value, spec, path)

    def _items(self, value, spec, path):
        items = (self.record(item, spec.of, f"{path}[{i}]", value, i) for i, item in enumerate(value))
        return [item for item in items if item is not None]

    def items(self, data, record: Record, path: str):
        """Validate a top-level list of records (jurisdictions.yaml, leaders.yaml …)."""
        if data is None:
            return []
        if not isinstance(data, list):
            self.problems.add(self.file, getattr(data, "line", 1), 0, path,
                              f"expected a list of {record.name} entries, got {_kind(data)}",
                              "start each entry with '- '")
            return []
        items = (self.record(item, record, f"{path}[{i}]", data, i) for i, item in enumerate(data))
        return [item for item in items if item is not None]


# The check of each kind of field, looked up once per value rather than by name.
CHECKS = {kind: getattr(Checker, f"_{kind}") for kind in EXPECTED if hasattr(Checker, f"_{kind}")}
TEXT_KINDS = frozenset(("str", "text"))


def _impossible(text: str) -> bool:
    try:
        dt.date.fromisoformat("-".join(f"{int(p):02d}" for p in text.strip().split("-")))
    except ValueError:
        return True
    return False


def _kind(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (dict, Located)):
        return "a mapping"
    if isinstance(value, (list, LocatedList)):
        return "a list"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"
