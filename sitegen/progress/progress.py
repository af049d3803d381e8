"""Progress files (content/progress/<notice-id>.yaml) and spreadsheet intake.

Progress is the one kind of content people add to over years, quarter by
quarter, so the rules here are strict: an import validates every row before
anything is written, reports every problem at once, adds only what is new
(the same file imported twice changes no byte) and never drops an update
already recorded.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from ..content.load import CONTROL, parse_yaml, read_yaml
from ..content.statuses import NOT_REPORTED, status_by_label_or_id
from ..core import limits
from ..core.errors import ContentError, Problem, Problems, did_you_mean, rel
from ..write.write import FileSet
from .forms import Row, read_rows

KEY_ORDER = ("date", "status", "percent", "text", "source", "unit")


# --- progress files -------------------------------------------------------

@dataclass(frozen=True)
class ProgressEntry:
    date: date
    status: str  # status id
    percent: int | None = None
    text: str | None = None
    source: str | None = None
    unit: str | None = None
    extra: tuple = ()  # fields this version does not know, kept so a rewrite loses nothing

    def identity(self) -> tuple:
        """Two updates with the same identity are one report imported twice."""
        return (self.date, self.status, self.percent, self.text or "", self.source or "")

    def to_mapping(self) -> dict:
        known = {k: getattr(self, k) for k in KEY_ORDER if getattr(self, k) not in (None, "")}
        return {**known, **dict(sorted(self.extra))}

    @classmethod
    def from_mapping(cls, item: dict) -> ProgressEntry:
        known: dict[str, Any] = {k: item.get(k) for k in KEY_ORDER}
        if hasattr(known["date"], "hour"):  # written with a time (the loader reads it as its day)
            known["date"] = known["date"].date()
        extra = tuple((str(k), v) for k, v in item.items() if k not in KEY_ORDER)
        return cls(**known, extra=extra)


Progress = dict  # local task id -> list[ProgressEntry], oldest first


def progress_path(site_dir: Path, notice_id: str) -> Path:
    return Path(site_dir) / "content" / "progress" / f"{notice_id}.yaml"


def read_progress(path: Path) -> Progress:
    """A progress file's updates; an absent file has none.

    Validation with line numbers is the loader's job (load_site); this reads
    what the loader has already accepted, or fails plainly.
    """
    path = Path(path)
    data = read_yaml(path) or {}
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise ContentError([Problem(str(path), 1, 0, "", "expected a mapping of task id to a list of updates",
                                    "see docs/content-format.md")])
    return {str(task): [ProgressEntry.from_mapping(u) for u in updates] for task, updates in data.items()}


def _natural(task_id: str) -> tuple:
    # "1-3" before "1-21", as people number them; the raw id breaks ties.
    parts = re.split(r"(\d+)", task_id)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts), task_id


class _Dumper(yaml.SafeDumper):
    """Multi-line text as literal blocks, so progress files diff line by line."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)  # "  - date:" as in docs/content-format.md


def _represent_str(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _TaskKey(str):
    """A task id, always double-quoted: "21" and "1-21" stay strings for every YAML reader."""


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_TaskKey, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style='"'))


def dump_progress(progress: Progress) -> str:
    """Deterministic text: tasks in natural id order, updates by date, fixed key order."""
    data = {
        _TaskKey(task): [u.to_mapping() for u in sorted(progress[task], key=lambda u: u.date)]
        for task in sorted(progress, key=_natural) if progress[task]
    }
    if not data:
        return "{}\n"
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=4096)


def write_progress(path: Path, progress: Progress, files: FileSet | None = None) -> bool:
    """Write atomically (with `files`: staged into that set, written with the rest); returns whether the
    file changed (unchanged files are not touched). The text is checked against the loader's limits
    first: an import never writes a file the next build would refuse."""
    path = Path(path)
    text = dump_progress(progress)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    check_loadable(text, str(path))
    if files is None:
        with FileSet() as files:
            files.add(path, text)
    else:
        files.add(path, text)
    return True


def check_loadable(text: str, shown: str) -> None:
    """Raise ContentError unless the loader would read `text` (size, nesting, characters)."""
    problems = Problems()
    size = len(text.encode("utf-8"))
    if size > limits.MAX_FILE_BYTES:
        problems.add(shown, 0, 0, "", f"the progress file would grow to {size / 2**20:.0f} MiB, more than "
                     f"the {limits.MAX_FILE_BYTES // 2**20} MiB a content file may have",
                     "nothing was written; import fewer or shorter updates")
    else:
        parse_yaml(text, shown, problems, empty_hint=None)
    problems.raise_if_errors()


def merge_updates(existing: Progress, new: dict) -> tuple[Progress, int]:
    """Existing updates plus the new ones not already present; returns (merged, added)."""
    merged = {task: list(updates) for task, updates in existing.items()}
    added = 0
    for task, updates in new.items():
        seen = {u.identity() for u in merged.get(task, [])}
        for update in updates:
            if update.identity() not in seen:
                merged.setdefault(task, []).append(update)
                seen.add(update.identity())
                added += 1
    return merged, added


# --- intake ---------------------------------------------------------------

@dataclass
class ImportSummary:
    file: str
    rows: int = 0  # rows carrying an update
    added: dict = field(default_factory=dict)  # notice id -> updates added
    duplicates: int = 0
    written: list = field(default_factory=list)  # progress files changed
    warnings: list = field(default_factory=list)

    def summary(self) -> str:
        total = sum(self.added.values())
        lines = [p.format() for p in self.warnings]
        if not total:
            lines.append(f"{self.file}: nothing new; all {self.rows} update(s) were already recorded")
            return "\n".join(lines)
        lines.append(f"{self.file}: {total} update(s) added, {self.duplicates} already recorded")
        lines += [f"  {path}: +{self.added[notice]}" for notice, path in self.written]
        return "\n".join(lines)


def _known_tasks(site_dir: Path):
    """The site's tasks and statuses, from the loader (which also validates progress files)."""
    from ..content.loadsite import load_site

    site = load_site(site_dir)
    return site.tasks, site.statuses


def import_progress(site_dir: Path, file: Path, today: date | None = None) -> ImportSummary:
    """Validate every row of a CSV/XLSX file, then add its new updates to the progress files."""
    site_dir, file = Path(site_dir), Path(file)
    shown = rel(file, site_dir)
    problems = Problems()
    tasks, statuses = _known_tasks(site_dir)
    rows = read_rows(file, shown, problems)
    checker = _RowChecker(shown, tasks, statuses, today or date.today(), problems)
    parsed = [u for u in (checker.check(row) for row in rows) if u is not None]
    problems.raise_if_errors()  # nothing is written unless every row is valid
    summary = ImportSummary(shown, rows=len(parsed))
    by_notice = _group_by_notice(parsed, tasks)
    existing = {notice_id: read_progress(progress_path(site_dir, notice_id)) for notice_id in by_notice}
    _check_sequences(existing, by_notice, shown, problems)
    summary.warnings = sorted(problems.warnings)
    with FileSet() as files:  # every progress file or none
        for notice_id, new in sorted(by_notice.items()):
            _apply(site_dir, notice_id, existing[notice_id], new, summary, files)
    return summary


def _group_by_notice(parsed, tasks) -> dict:
    """notice id -> local task id -> [(row, ProgressEntry)] in file order."""
    grouped: dict = {}
    for row, global_id, update in parsed:
        task = tasks[global_id]
        grouped.setdefault(task.notice.id, {}).setdefault(task.local_id, []).append((row, update))
    return grouped


def _apply(site_dir: Path, notice_id: str, existing: Progress, new: dict, summary: ImportSummary,
           files: FileSet) -> None:
    path = progress_path(site_dir, notice_id)
    updates = {task: [u for _, u in items] for task, items in new.items()}
    merged, added = merge_updates(existing, updates)
    summary.duplicates += sum(len(v) for v in updates.values()) - added
    if added and write_progress(path, merged, files):
        summary.added[notice_id] = added
        summary.written.append((notice_id, rel(path, site_dir)))


def _check_sequences(existing: dict, by_notice: dict, shown: str, problems: Problems) -> None:
    """Warnings that need the recorded history (`existing`: notice id -> Progress): percent going down,
    a second report on a date."""
    for notice_id, new in by_notice.items():
        for task, items in new.items():
            _check_task_history(existing[notice_id].get(task, []), items, shown, problems)


def _check_task_history(old: list, items: list, shown: str, problems: Problems) -> None:
    known = {u.identity() for u in old}
    dated = Counter(u.date for u in old)
    history = [(u.date, None, u) for u in old]
    for row, update in items:
        if update.identity() in known:
            continue  # a duplicate adds nothing, so it cannot make anything worse
        known.add(update.identity())
        if dated[update.date]:
            problems.warn(shown, row.number, 0, row.header("date"),
                          f"the task already has an update dated {update.date}",
                          "both are kept; if this one corrects the other, fix the progress file by hand")
        dated[update.date] += 1
        history.append((update.date, row, update))
    history.sort(key=lambda h: h[0])  # stable: same-date updates keep their order
    for (_, row_before, before), (_, row_after, after) in itertools.pairwise(history):
        row = row_after or row_before  # the new row of the pair; None when both were recorded
        if row and before.percent is not None and after.percent is not None and after.percent < before.percent:
            problems.warn(shown, row.number, 0, row.header("percent"),
                          f"progress goes down from {before.percent}% ({before.date}) "
                          f"to {after.percent}% ({after.date})",
                          "check the figure; it is imported as given")


# --- one row --------------------------------------------------------------

_FULL_WIDTH = str.maketrans("０１２３４５６７８９／－．％　", "0123456789/-.% ")


@dataclass
class _RowChecker:
    shown: str
    tasks: dict
    statuses: list
    today: date
    problems: Problems

    def check(self, row: Row):
        """(row, global task id, ProgressEntry), or None after adding the row's errors."""
        before = len(self.problems.errors)
        task = self.task(row)
        update = ProgressEntry(
            date=self.date(row), status=self.status(row), percent=self.percent(row),
            text=_text(row.get("text")), source=_text(row.get("source")), unit=_text(row.get("unit")),
        )
        for column in ("task", "text", "source", "unit"):
            found = CONTROL.search(_text(row.get(column)) or "")
            if found:
                self.error(row, column, f"holds the control character U+{ord(found.group()):04X}",
                           "remove it: only tab and line breaks are allowed in text")
        if task is not None and update.unit:
            self.check_unit(row, task, update.unit)
        self.check_done(row, update)
        if len(self.problems.errors) > before:
            return None
        return row, task.id, update

    def error(self, row: Row, column: str, message: str, hint: str = "") -> None:
        self.problems.add(self.shown, row.number, 0, row.header(column), message, hint)

    def task(self, row: Row):
        value = _text(row.get("task"))
        if not value:
            self.error(row, "task", "the task id is empty", "write the global id <notice-id>/<task-id>")
            return None
        value = value.translate(_FULL_WIDTH).replace(" ", "")
        task = self.tasks.get(value)
        if task is None:
            self.error(row, "task", f"no task '{value}'", self.task_hint(value))
        return task

    def task_hint(self, value: str) -> str:
        if "/" not in value:
            same = sorted(gid for gid, t in self.tasks.items() if t.local_id == value)
            if same:
                return f"write the global id <notice-id>/<task-id>, e.g. {same[0]}"
        return did_you_mean(value, self.tasks) or "use the task ids of the progress form or tasks.csv"

    def date(self, row: Row):
        value = row.get("date")
        if value in (None, ""):
            self.error(row, "date", "the date is empty", "write the report's date as YYYY-MM-DD")
            return None
        parsed = _parse_date(value, row.is_xlsx)
        if parsed is None:
            self.error(row, "date", f"'{value}' is not a date", "write it as YYYY-MM-DD, e.g. 2017-06-30")
        elif parsed > self.today:
            self.error(row, "date", f"{parsed} is in the future (today is {self.today})",
                       "date a report on or before the day it is made")
            return None
        return parsed

    def status(self, row: Row):
        value = _text(row.get("status"))
        if not value:
            self.error(row, "status", "the status is empty", "choose one of " + _labels(self.statuses))
            return None
        status = status_by_label_or_id(self.statuses, value)
        if status is not None and status.id == NOT_REPORTED:
            self.error(row, "status", f"'{value}' means no update was made, so it cannot be reported",
                       "leave the row empty, or choose one of " + _labels(self.statuses))
            return None
        if status is None:
            names = [s.label for s in self.statuses] + [s.id for s in self.statuses]
            self.error(row, "status", f"unknown status '{value}'",
                       did_you_mean(value, names) or "choose one of " + _labels(self.statuses))
            return None
        return status.id

    def percent(self, row: Row):
        value = row.get("percent")
        if value in (None, ""):
            return None
        number = _parse_percent(value)
        if number is None or not 0 <= number <= 100:
            self.error(row, "percent", f"'{value}' is not a whole number from 0 to 100",
                       "write 50 for 50%; leave it empty when unknown")
            return None
        return number

    def check_unit(self, row: Row, task, unit: str) -> None:
        names = {name for tu in task.units for name in (tu.printed, tu.unit.name, *tu.unit.aliases)}
        if unit not in names:
            self.problems.warn(self.shown, row.number, 0, row.header("unit"),
                               f"{unit} is not among the units of {task.id}",
                               did_you_mean(unit, names) or "it is imported as given")

    def check_done(self, row: Row, update: ProgressEntry) -> None:
        status = status_by_label_or_id(self.statuses, update.status or "")
        if status and status.done and update.percent is not None and update.percent < 100:
            self.problems.warn(self.shown, row.number, 0, row.header("percent"),
                               f"status {status.label} with progress {update.percent}%",
                               "a completed task is usually at 100%")


def _labels(statuses) -> str:
    return "、".join(s.label for s in statuses if s.id != NOT_REPORTED)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a number typed into a text column, shown as typed
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")


def _parse_date(value, from_xlsx: bool) -> date | None:
    if isinstance(value, date):  # datetime is a date too
        return value.date() if isinstance(value, datetime) else value
    if isinstance(value, (int, float)) and from_xlsx:
        return _excel_serial(value)
    text = str(value).translate(_FULL_WIDTH).strip()
    match = _DATE.fullmatch(text) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def _excel_serial(value) -> date | None:
    # A date cell that lost its date format reads as Excel's day number.
    from openpyxl.utils.datetime import from_excel

    try:
        return from_excel(value).date() if 1 <= value < 2958466 else None
    except (ValueError, OverflowError):
        return None


def _parse_percent(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = value
    else:
        text = str(value).translate(_FULL_WIDTH).strip().removesuffix("%").strip()
        try:
            number = float(text)
        except ValueError:
            return None
    return int(number) if float(number).is_integer() else None
