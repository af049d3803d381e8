"""The files a build writes beside its pages, in groups that declare what they show, as pages do.

Data exports (data/), feeds, badges and the notices' originals are grouped by what they show
(a `Shows`, sitegen/render/dependencies.py):

- a notice's group: its own data pair, its original and its tasks' badges: `notices=(notice,)`;
- a unit's group: its data pair, its feed and its badge: `owners=(unit,)` (which tasks, the roll-up)
  and `tasks=` all it lists (their records and updates);
- data/notices.json: every notice's fields and task count: `notices=` all of them;
- data/units.json: every unit's record (ids of its tasks and lead tasks): `owners=` all units, and
  with a previous copy only the records of the units whose listing changed are made again;
- data/tasks.json and .csv: every task, joined from the notices' pairs (`exports.joined`), with a
  previous output the unchanged notices' pairs as they were written: `notices=` all;
- the site-wide feed: every task's updates: `notices=` all.

After notices are patched into the model, the --cache build (sitegen/cache/patchbuild.py) writes the groups a
change reaches and takes the others from the previous output; serve's preview (sitegen/serve/incremental.py)
writes the groups it reaches and keeps the others' files: one rule, `dependencies.reaches`, for both.
A full build writes every file through exports.exports, feeds.feed_files, badges.badge_files and
originals.files, one government at a time; the groups make the same bytes (tests/test_cache.py,
tests/test_serve_incremental.py compare with clean builds) and tests/test_dependencies.py checks that
each group reads only what it declares.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..content import originals
from ..render.dependencies import Change, Shows, reaches
from . import exports, feeds
from .badges import task_badge, unit_badge


class DataFile(NamedTuple):
    path: str  # relative to the output folder
    make: Callable  # () -> its bytes


class DataFiles(NamedTuple):
    """A group of files and what they show; `files()` lists them, each made only when asked."""

    shows: Shows
    files: Callable  # () -> [DataFile]


class Encoder:
    """Each task's JSON line and CSV row, made once however many files of a run show it."""

    def __init__(self, site):
        self.site = site
        self.json_lines: dict = {}
        self.csv_rows: dict = {}
        self.pairs: dict = {}  # data_url -> {path: bytes}

    def pair(self, data_url: str, tasks) -> dict:
        """{path: bytes} of the .json and .csv file of `tasks` ('/data/units/jinan/x' + suffix)."""
        if data_url not in self.pairs:
            missing = [t for t in tasks if t.id not in self.json_lines]
            if missing:
                json_lines, csv_rows = exports.encoded(self.site, missing)
                self.json_lines.update(json_lines)
                self.csv_rows.update(csv_rows)
            self.pairs[data_url] = dict(exports.pair(data_url, tasks, self.json_lines, self.csv_rows))
        return self.pairs[data_url]


def groups(site, change: Change | None = None, previous: Callable | None = None,
           encoder: Encoder | None = None, only: Change | None = None) -> list[DataFiles]:
    """Every group of data files of the site. `previous(path)`: that file's bytes as the previous output
    has it (OSError or ValueError when it cannot), for the groups that join or patch files of others that
    `change` does not reach; without it they are made whole. With `only`, of the groups of one notice or one
    unit only those `only` can reach (its notices', its owners'): the others are never listed."""
    encoder = encoder or Encoder(site)
    notices = site.notices if only is None else [n for n in site.notices if n.id in only.notices]
    units = site.units if only is None else [u for u in site.units if id(u) in only.owners]
    found = [_notice_files(site, notice, encoder) for notice in notices]
    found += [_unit_files(site, unit, encoder) for unit in units]
    everything = tuple(site.notices)
    found += [
        DataFiles(Shows(notices=everything), lambda: [
            DataFile("data/notices.json", lambda: exports.notices_file(site))]),
        DataFiles(Shows(owners=tuple(site.units)), lambda: [
            DataFile("data/units.json", lambda: _units_file(site, change, previous))]),
        DataFiles(Shows(notices=everything), lambda: _site_wide_tasks(site, change, previous, encoder)),
        DataFiles(Shows(notices=everything), lambda: [_made(feeds.site_feed(site))]),
    ]
    return found


def reached(site, change: Change, previous: Callable | None = None) -> list[DataFiles]:
    """The groups `change` may have changed (a unit's group only when the change holds the unit among its
    owners: any changed task of the unit puts it there)."""
    return [group for group in groups(site, change, previous, only=change) if reaches(group.shows, change)]


def _made(path_and_bytes: tuple) -> DataFile:
    path, data = path_and_bytes
    return DataFile(path, lambda: data)


def _notice_files(site, notice, encoder: Encoder) -> DataFiles:
    def files():
        found = [DataFile(path, lambda path=path: encoder.pair(notice.data_url, notice.tasks)[path])
                 for path in _pair_paths(notice.data_url)]
        found += [_made(f) for f in originals.files(site, [notice])]
        found += [DataFile(task.badge_url.lstrip("/"), lambda task=task: task_badge(site, task)[1])
                  for task in notice.tasks]
        return found
    return DataFiles(Shows(notices=(notice,)), files)


def _unit_feed(site, unit) -> bytes:
    feed = feeds.unit_feed(site, unit)
    assert feed is not None  # asked for only when the unit has updates
    return feed[1]


def _unit_files(site, unit, encoder: Encoder) -> DataFiles:
    def files():
        found = [DataFile(path, lambda path=path: encoder.pair(unit.data_url, unit.tasks)[path])
                 for path in _pair_paths(unit.data_url)]
        if any(t.updates for t in unit.tasks):  # a unit's feed is written when it has updates
            found.append(DataFile(unit.feed_url.lstrip("/"), lambda: _unit_feed(site, unit)))
        found.append(DataFile(unit.badge_url.lstrip("/"), lambda: unit_badge(site, unit)[1]))
        return found
    return DataFiles(Shows(owners=(unit,), tasks=unit.tasks), files)


def _pair_paths(data_url: str) -> list:
    stem = data_url.lstrip("/")
    return [f"{stem}.json", f"{stem}.csv"]


def _units_file(site, change: Change | None, previous: Callable | None) -> bytes:
    """data/units.json; with the previous one, only the records of the units whose listing changed are
    made again (a record shows which tasks the unit has and leads)."""
    if previous is None or change is None:
        return exports.units_file(site)
    changed = [unit for unit in site.units if reaches(Shows(owners=(unit,)), change)]
    return exports.units_file(site, previous("data/units.json"), changed)


def _site_wide_tasks(site, change: Change | None, previous: Callable | None, encoder: Encoder) -> list:
    """data/tasks.json and .csv, joined from each notice's pair: made afresh for the notices the change
    reaches (all, without a previous output), as the previous output has them for the others."""
    def joined():
        pairs = []
        for notice in site.notices:
            paths = _pair_paths(notice.data_url)
            if previous is None or change is None or reaches(Shows(notices=(notice,)), change):
                made = encoder.pair(notice.data_url, notice.tasks)
                pairs.append((made[paths[0]], made[paths[1]]))
            else:
                pairs.append((previous(paths[0]), previous(paths[1])))
        return exports.joined(pairs)

    both: list = []

    def one(index: int) -> bytes:
        if not both:
            both.extend(joined())
        return both[index]
    return [DataFile("data/tasks.json", lambda: one(0)), DataFile("data/tasks.csv", lambda: one(1))]
