"""The incremental engine: what each page shows, declared once, and what a change reaches.

Every page is made in one place (render.pages) and declares there what it shows (`Shows`, on the
page as `page.shows`):

- `notices`: notices shown whole: their own fields and all of their tasks (a notice's page, its task
  pages and printable list, a jurisdiction's page: its notices);
- `owners`: units, themes and leaders whose listing the page shows: which tasks stand in it, in what
  order, their roll-up and counts (a listing's pages, a unit's or leader's printable list, a
  government's index of units or leaders);
- `statuses`: ids of the statuses whose listing the page shows (which tasks have that status);
- `tasks`: the tasks the page shows one by one (the hundred of one page of a listing);
- `everything`: anything of the site (home, the site-wide indexes, search, data).

Three users decide from that one declaration, as Lektor's CLI and dev server read one dependency record:

- the page cache (sitegen/cache/cache.py, `sitegen build --cache`): a page's key hashes the files of the
  notices whose change can reach it, `notices_shown`;
- the --cache build after notice edits (sitegen/cache/patchbuild.py) and serve's preview
  (sitegen/serve/incremental.py): each patched notice (patch.patch) is added to a `Change`, and a page is
  rendered again when `reaches(page.shows, change)`; so is a group of data files (exports, feeds,
  badges, originals), which declares what it shows in sitegen/write/datafiles.py; and in the --cache build a
  shard of the search index (sitegen/index/index.py's `start_update`) is made again when
  `reaches(Shows(notices=its notices), change)`: a task's or notice's search record shows its notice whole.

A template that starts to show more of the model than its page declares must widen the declaration
in render.py; tests/test_dependencies.py renders every page of two sites with a model that records
which notices' objects each page reads, and fails when a page reads one its declaration does not cover.
"""

from __future__ import annotations

from typing import NamedTuple

from .rollup import compute_task_state


class Shows(NamedTuple):
    """What a page shows (see the module's docstring)."""

    everything: bool = False
    notices: tuple = ()
    owners: tuple = ()
    statuses: tuple = ()
    tasks: tuple | list = ()


EVERYTHING = Shows(everything=True)


def owners(task) -> list:
    """The units, themes and leaders whose listings show the task."""
    found = [u.unit for u in task.units] + list(task.themes)
    return found + task.leaders + list(task.assisting_leaders)


def listed(owner) -> list:
    """The tasks an owner's listing shows: a leader's own and assisted ones, a unit's or theme's."""
    return owner.all_tasks if hasattr(owner, "all_tasks") else owner.tasks


# --- the page cache -----------------------------------------------------------------

def notices_shown(shows: Shows) -> list | None:
    """The notices whose files can change what the page shows; None for every notice (a status
    listing can gain a task of any notice)."""
    if shows.everything or shows.statuses:
        return None
    found = {id(n): n for n in shows.notices}
    for owner in shows.owners:
        for task in listed(owner):
            found.setdefault(id(task.notice), task.notice)
    for task in shows.tasks:
        found.setdefault(id(task.notice), task.notice)
    return list(found.values())


# --- notices patched into the model ---------------------------------------------

class Change:
    """What notices patched into the model (patch.Patch) can reach; several patches add up (sitegen
    serve keeps adding while a background pass it stopped has work left)."""

    def __init__(self):
        self.notices: set = set()  # ids of the patched notices
        self.owners: dict = {}  # id -> each unit, theme and leader that held or holds a changed task
        self.whole: set = set()  # ids of those whose listing changed as a whole
        self.statuses: set = set()  # ids of the statuses whose listing changed as a whole
        self.tasks: set = set()  # ids of the changed tasks (as they are after the patch)

    def add(self, site, done) -> None:
        """Add one patch; `site` is the patched model."""
        self.notices.add(done.new.id)
        touched = {id(o): o for i in done.changed for t in (done.before.get(i), done.after.get(i))
                   if t is not None for o in owners(t)}
        self.owners.update(touched)
        tasks = [done.after[i] for i in done.changed if i in done.after]
        self.tasks.update(t.id for t in tasks)
        if done.whole or any(not same_place(site, done.before[t.id], t) for t in tasks):
            self.whole.update(touched)
            self.statuses.update(site.status_of(t).id for i in done.changed
                                 for t in (done.before.get(i), done.after.get(i)) if t is not None)
        # else each changed task stays in its listings, in the same place, with the same roll-up: only
        # the pages showing it one by one differ

    def __bool__(self) -> bool:
        return bool(self.notices)


def reaches(shows: Shows, change: Change) -> bool:
    """Whether a page that shows `shows` may differ after `change`."""
    if not change.notices:
        return False  # the same inputs: the same pages
    if shows.everything:
        return True
    if any(n.id in change.notices for n in shows.notices):
        return True
    if any(id(o) in change.whole for o in shows.owners):
        return True
    if any(s in change.statuses for s in shows.statuses):
        return True
    changed = change.tasks
    return bool(changed) and any(t.id in changed for t in shows.tasks)


def same_place(site, old, new) -> bool:
    """The task stands in the same listings, in the same place, and counts the same in what every page of
    them shows: the roll-up, a unit's lead count and feed link, a leader's own and assisted counts."""
    return _place(site, old) == _place(site, new)


def _place(site, task) -> tuple:
    state = compute_task_state(site, task)  # afresh: the table of states holds the patched tasks' now
    return (tuple(map(id, task.leaders)), frozenset(map(id, task.assisting_leaders)), frozenset(map(id, task.themes)),
            frozenset((id(u.unit), u.lead) for u in task.units), state.status.id, state.overdue,
            bool(task.updates))
