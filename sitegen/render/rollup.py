"""Progress as readers see it: a task's current state and roll-ups of many tasks."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content.deadlines import Deadline, is_overdue, parse_deadline
from ..content.model import Site, Task
from ..content.statuses import NOT_REPORTED, Status


@dataclass(frozen=True)
class TaskState:
    status: Status
    percent: int | None
    deadline: Deadline | None
    overdue: bool  # past its deadline, not done, and reported on: a record says it is late
    deadline_passed: bool = False  # past its deadline and not done, whether reported or not


def _memo(site: Site, table: str, key, compute):
    """compute() once per key and loaded site (the model does not change once loaded; sitegen serve
    clears these tables when it patches the model)."""
    found = site.__dict__.setdefault(table, {})
    if key not in found:
        found[key] = compute()
    return found[key]


def task_state(site: Site, task: Task) -> TaskState:
    # A task shows on its page, its notice's, each unit's, theme's and leader's listing and in every
    # roll-up over them: its state is computed once.
    return _memo(site, "_task_states", task, lambda: compute_task_state(site, task))


def compute_task_state(site: Site, task: Task) -> TaskState:
    status = site.status_of(task)
    latest = task.latest
    deadline = parse_deadline(task.deadline, task.notice.year or site.as_of.year) if task.deadline else None
    passed = is_overdue(deadline, status.done, site.as_of)
    # A task nobody reported on is not called overdue: its deadline passed, but whether the work was
    # missed is unknown, and the site never says more about a real government than its records do.
    return TaskState(status, latest.percent if latest else None, deadline, passed and latest is not None, passed)


@dataclass
class Rollup:
    """Counts of tasks per status, in the vocabulary's order."""

    total: int
    counts: list = field(default_factory=list)  # (Status, count), every status
    done: int = 0
    overdue: int = 0

    @property
    def reported(self) -> int:
        """Tasks with at least one progress report: none means there is no progress data, not 0%."""
        return self.total - sum(n for s, n in self.counts if s.id == NOT_REPORTED)

    @property
    def done_percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    def segments(self, width: float = 100.0) -> list:
        """(Status, count, x, w) for an SVG bar `width` wide, no zero-width parts."""
        out, x = [], 0.0
        for status, count in self.counts:
            if count:
                w = width * count / self.total
                out.append((status, count, round(x, 3), round(w, 3)))
                x += w
        return out


@dataclass(frozen=True)
class RealRollup:
    """The roll-up a listing shows: of its real tasks only when it mixes real and fictional ones."""

    rollup: Rollup
    mixed: bool


def of_real(site: Site, tasks) -> RealRollup:
    """Demonstration progress never mixes into a real government's counts (in Python: a theme's or a
    status's listing holds thousands of tasks, too many to filter in a template on each page)."""
    tasks = list(tasks)
    real = real_tasks(tasks)
    if real and len(real) < len(tasks):
        return RealRollup(of(site, real), True)
    return RealRollup(of(site, tasks), False)


def real_tasks(tasks) -> list:
    """The tasks of real governments, in order (the `real_tasks` global: a theme holds thousands of tasks, and
    Jinja's rejectattr('notice.fictional') over them is slow: docs/performance.md)."""
    return [task for task in tasks if not task.notice.fictional]


def fictional_tasks(tasks) -> list:
    """The tasks of demonstration notices, in order (counted apart from real ones, and labelled)."""
    return [task for task in tasks if task.notice.fictional]


def fictional_count(site: Site, tasks: list) -> int:
    """How many of a listing's tasks are fictional, counted once per listing (every page of a status
    listing says it; the list is the same object on each)."""
    return _memo(site, "_fictional_counts", id(tasks), lambda: (tasks, len(fictional_tasks(tasks))))[1]


def of(site: Site, tasks) -> Rollup:
    tasks = list(tasks)
    # Every page of a paginated listing shows the roll-up of the whole listing: count it once.
    return _memo(site, "_rollups", tuple(map(id, tasks)), lambda: _count(site, tasks))


def _count(site: Site, tasks: list) -> Rollup:
    counts = {s.id: 0 for s in site.statuses}
    done = overdue = 0
    for task in tasks:
        state = task_state(site, task)
        counts[state.status.id] += 1
        done += state.status.done
        overdue += state.overdue
    return Rollup(len(tasks), [(s, counts[s.id]) for s in site.statuses], done, overdue)
