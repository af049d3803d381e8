"""Every page's declaration (page.shows, sitegen/render/dependencies.py) covers what its template reads.

The page cache, the --cache build and sitegen serve re-render a page only when a change reaches what
it declares. Here every page of the default site and of the benchmark's synthetic site is rendered with
a model that records which notices and tasks are read — any attribute of a notice, its attachments and
sections, a task, its units and updates, and any look at a list of them (a unit's, leader's, theme's
or government's list, the site's) — and the test fails when a page reads a notice or a task that its
declaration does not cover. Per-build memo tables are emptied before each page, so nothing a page
shows comes from an earlier page's reads.

A listing page is rendered again for a changed task it does not list one by one only when the task's
place in the listing changed (dependencies.same_place): so of such tasks a page may read only what
decides their place and roll-up (AGGREGATE), which the test checks too.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT
from sitegen.write import datafiles
from sitegen.render import render
from sitegen.build import BuildOptions, build
from sitegen.render.dependencies import listed, notices_shown
from sitegen.content.loadsite import load_site
from sitegen.content.model import Attachment, Notice, Section, Task, TaskUnit, Update

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402  (the benchmark's deterministic synthetic site)


# What a listing may read of a task it does not list one by one: what dependencies.same_place compares
# (leaders, themes, units and their roles, status and overdue, whether it has updates) and what computing
# its state reads (rollup.compute_task_state: the deadline, the notice's year, the latest update's
# status and percent; roll-ups show no percent). `Task.__class__`: Jinja's `is defined`.
AGGREGATE = {"Task.__class__", "Task.deadline", "Task.latest", "Task.notice", "Task.updates", "Task.units",
             "Task.leader", "Task.assisting_leaders", "Task.themes", "TaskUnit.lead", "TaskUnit.role",
             "TaskUnit.task", "TaskUnit.unit", "Update.percent", "Update.status"}

# data/units.json lists the ids of each unit's tasks: a task's id is part of its place (a task whose id
# changes is another task, and its notice's list of tasks changed: Patch.whole)
MEMBERSHIP = AGGREGATE | {"Task.id", "Task.local_id"}


class Reads:
    def __init__(self):
        self.notices: set = set()  # ids of the notice-level objects read
        self.tasks: set = set()  # ids of the tasks read
        self.attributes: dict = {}  # id(task) -> "Class.attribute" read of it, its units and updates
        self.lists: list = []  # tracked lists looked at (expanded after the page)

    def clear(self):
        self.notices.clear()
        self.tasks.clear()
        self.attributes.clear()
        self.lists.clear()


READS = Reads()
NOTICE_OF: dict = {}  # id(notice, attachment or section) -> id of its notice
TASK_OF: dict = {}  # id(task, task unit or update) -> id of its task
TASKS: dict = {}  # id(task) -> task


def _tracking(cls, table: dict, into: str):
    label = cls.__name__

    def __getattribute__(self, name):
        found = table[id(self)]
        getattr(READS, into).add(found)
        if into == "tasks":
            READS.attributes.setdefault(found, set()).add(f"{label}.{name}")
        return cls.__getattribute__(self, name)
    return type(f"Reading{label}", (cls,), {"__getattribute__": __getattribute__})


class _Seen(list):
    """A list that records, when looked at, every notice or task it holds."""

    def _seen(self):
        READS.lists.append(self)

    def __iter__(self):
        self._seen()
        return super().__iter__()

    def __len__(self):
        self._seen()
        return super().__len__()

    def __getitem__(self, index):
        self._seen()
        return super().__getitem__(index)

    def __contains__(self, item):
        self._seen()
        return super().__contains__(item)

    def __add__(self, other):
        self._seen()
        return list(self) + list(other)

    def __radd__(self, other):
        self._seen()
        return list(other) + list(self)

    def __reversed__(self):
        self._seen()
        return super().__reversed__()


class _SeenTasks(dict):
    def _seen(self):
        READS.lists.append(self)

    def values(self):
        self._seen()
        return super().values()

    def items(self):
        self._seen()
        return super().items()

    def keys(self):
        self._seen()
        return super().keys()

    def __iter__(self):
        self._seen()
        return super().__iter__()

    def __len__(self):
        self._seen()
        return super().__len__()


def _instrument(site) -> None:
    """Every notice-level and task-level object of the model made to record its reads."""
    for table in (NOTICE_OF, TASK_OF, TASKS):  # ids of an earlier test's objects may be reused now
        table.clear()
    classes = {cls: _tracking(cls, NOTICE_OF, "notices") for cls in (Notice, Attachment, Section)}
    classes.update((cls, _tracking(cls, TASK_OF, "tasks")) for cls in (Task, TaskUnit, Update))

    def sections(holder):
        for section in holder.sections:
            yield section
            yield from sections(section)

    for notice in site.notices:
        parts = [notice, *notice.attachments, *(s for a in notice.attachments for s in sections(a))]
        tasks = notice.tasks
        for task in tasks:
            TASKS[id(task)] = task
            for part in [task, *task.units, *task.updates]:
                TASK_OF[id(part)] = id(task)
                part.__class__ = classes[type(part)]
        for part in parts:
            NOTICE_OF[id(part)] = notice.id
            part.__class__ = classes[type(part)]
    for unit in site.units:
        unit.roles = _Seen(unit.roles)
    for leader in site.leaders:
        leader.tasks, leader.assisting_tasks = _Seen(leader.tasks), _Seen(leader.assisting_tasks)
    for theme in site.themes:
        theme.tasks = _Seen(theme.tasks)
    for jurisdiction in site.jurisdictions.values():
        jurisdiction.notices = _Seen(jurisdiction.notices)
    site.notices = _Seen(site.notices)
    site.tasks = _SeenTasks(site.tasks)


def _expand(reads: Reads) -> tuple[set, set]:
    """(ids of the notices read, ids of the tasks read), the lists looked at counted whole."""
    notices, tasks = set(reads.notices), set(reads.tasks)
    for seen in reads.lists:
        items = dict.values(seen) if isinstance(seen, dict) else list.__iter__(seen)
        for item in items:
            if id(item) in NOTICE_OF:
                notices.add(NOTICE_OF[id(item)])
            else:
                tasks.add(TASK_OF[id(item)])
    notices |= {object.__getattribute__(TASKS[t], "notice").id for t in tasks}
    return notices, tasks


def _covered(page) -> tuple[set, set, set] | None:
    """(notice ids, task ids, ids of the tasks it shows one by one) the page's declaration covers; None
    when it declares every notice."""
    shows = page.shows
    notices = notices_shown(shows)
    if notices is None:
        return None
    whole = {id(t) for n in shows.notices for t in n.tasks} | {id(t) for t in shows.tasks}
    tasks = whole | {id(t) for o in shows.owners for t in listed(o)}
    return {n.id for n in notices}, tasks, whole


def _uncovered(site_dir) -> list:
    site = load_site(site_dir)
    env = render.page_environment(site, render.site_assets(site), False)
    pages = list(render.pages(site))
    declared = [(page, _covered(page)) for page in pages]  # before the model records anything
    _instrument(site)
    problems, checked = [], 0
    for page, covered in declared:
        for table in ("_task_states", "_rollups"):
            site.__dict__.pop(table, None)
        render.forget_fragments(site)
        READS.clear()
        render.render_page(env, page)
        if covered is None:
            if page.shows.statuses:  # a status listing, keyed by every notice: still only places off the page
                whole = {id(t) for t in page.shows.tasks}
                problems += _beyond_place(page, READS, whole)
            continue
        checked += 1
        notices, tasks = _expand(READS)
        if not notices <= covered[0]:
            problems.append(f"{page.path} reads notices {sorted(notices - covered[0])} it does not declare")
        if not tasks <= covered[1]:
            extra = sorted(Task.id.fget(TASKS[t]) for t in tasks - covered[1])
            problems.append(f"{page.path} reads tasks {extra[:5]} it does not declare")
        problems += _beyond_place(page, READS, covered[2])
    assert checked > len(pages) / 2  # most pages declare less than everything
    return problems


def _data_uncovered(site_dir) -> list:
    """As _uncovered, for the groups of data files (sitegen/write/datafiles.py): each group's files made with a
    model that records its reads, every task encoded afresh for each group."""
    site = load_site(site_dir)
    encoder = datafiles.Encoder(site)
    groups = datafiles.groups(site, encoder=encoder)
    declared = [(group, _covered(group)) for group in groups]
    _instrument(site)
    problems, paths = [], []
    for group, covered in declared:
        for table in ("_task_states", "_rollups"):
            site.__dict__.pop(table, None)
        encoder.json_lines.clear()
        encoder.csv_rows.clear()
        encoder.pairs.clear()
        READS.clear()
        files = group.files()
        for file in files:
            file.make()
        paths += [file.path for file in files]
        notices, tasks = _expand(READS)
        if not notices <= covered[0]:
            problems.append(f"{files[0].path}… reads notices {sorted(notices - covered[0])} it does not declare")
        if not tasks <= covered[1]:
            extra = sorted(Task.id.fget(TASKS[t]) for t in tasks - covered[1])
            problems.append(f"{files[0].path}… reads tasks {extra[:5]} it does not declare")
        problems += _beyond_place(files[0], READS, covered[2], MEMBERSHIP)
    return problems, paths


def _beyond_place(page, reads: Reads, whole: set, allowed: set = AGGREGATE) -> list:
    """Reads of tasks the page does not show one by one, beyond what decides their place."""
    extra = {name for task, names in reads.attributes.items() if task not in whole for name in names} - allowed
    return [f"{page.path} reads {sorted(extra)} of tasks it only counts"] if extra else []


def test_default_site_pages_read_only_what_they_declare():
    assert _uncovered(ROOT) == []


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """500 tasks in 5 notices of 2 governments: the benchmark site's shape, at a size a test can render
    page by page."""
    folder = tmp_path_factory.mktemp("synthetic")
    generate(500, folder, which=("sitegen",))
    return folder / "sitegen"


def test_synthetic_site_pages_read_only_what_they_declare(synthetic):
    assert _uncovered(synthetic) == []


def test_default_site_data_files_read_only_what_they_declare(tmp_path):
    problems, paths = _data_uncovered(ROOT)
    assert problems == []
    out = tmp_path / "out"
    build(ROOT, BuildOptions(output=out, search=False))  # the groups list every data file a build writes
    written = [p.relative_to(out) for p in out.rglob("*") if p.is_file()]
    data = {str(p) for p in written if p.suffix != ".html" and (p.parts[0] in ("data", "feeds", "badges")
                                                                 or "original" in p.parts)}
    assert len(paths) == len(set(paths))
    assert any("original" in p for p in data) and set(paths) == data


def test_synthetic_site_data_files_read_only_what_they_declare(synthetic):
    assert _data_uncovered(synthetic)[0] == []


def test_the_check_sees_a_page_that_reads_more_than_it_declares():
    """A task page whose template also showed a task of another notice would be caught."""
    site = load_site(ROOT)
    env = render.page_environment(site, render.site_assets(site), False)
    page = next(p for p in render.pages(site) if p.template == "task.html")
    other = next(t for t in site.tasks.values() if t.notice is not page.context["task"].notice)
    covered = _covered(page)
    _instrument(site)
    READS.clear()
    env.from_string("{{ other.title }}").render(other=other)
    notices, _ = _expand(READS)
    assert not notices <= covered[0]


def test_the_check_sees_a_listing_that_shows_more_of_a_task_than_its_place():
    site = load_site(ROOT)
    env = render.page_environment(site, render.site_assets(site), False)
    page = next(p for p in render.pages(site) if p.template == "unit.html")
    other = next(t for t in site.tasks.values() if t not in page.shows.tasks)
    _instrument(site)
    READS.clear()
    env.from_string("{{ task.deadline }}").render(task=other)
    assert _beyond_place(page, READS, set()) == []
    env.from_string("{{ task.title }}").render(task=other)
    assert _beyond_place(page, READS, set()) != []


def test_the_check_sees_a_data_file_that_reads_more_than_it_declares(monkeypatch):
    """A unit's data files declared as its listing only (not the tasks its pair and feed show) are caught."""
    unit_files = datafiles._unit_files

    def narrower(site, unit, encoder):
        group = unit_files(site, unit, encoder)
        return group._replace(shows=group.shows._replace(tasks=()))

    monkeypatch.setattr(datafiles, "_unit_files", narrower)
    problems, _ = _data_uncovered(ROOT)
    assert any(p.startswith("data/units/") and "of tasks it only counts" in p for p in problems)
