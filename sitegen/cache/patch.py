"""One notice's changed files patched into a loaded model in place, and what changed of its tasks.

`sitegen serve` (sitegen/serve/incremental.py) patches the model it keeps in memory; `sitegen build --cache`
(sitegen/cache/patchbuild.py) the model it unpickles from the cache. What the change reaches is then decided
by the incremental engine (sitegen/render/dependencies.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Notice, newest_date, notice_order
from ..content.resolve import NoticeResolver, ProgressResolver
from ..core.errors import Problems
from ..render import render
from ..render.dependencies import owners


class FullBuild(Exception):
    """The change cannot be applied incrementally."""


@dataclass
class Patch:
    """One notice patched into the model: its old and new objects and what changed."""

    new: Notice
    before: dict  # task id -> the old Task
    after: dict  # task id -> the new Task
    changed: set  # ids of the tasks whose pages differ (all of them when the notice itself or its order changed)
    whole: bool  # the notice's own fields or its list of tasks changed, not only some tasks


def patch(site, resolver, order: dict, notice_id: str, notice_source, progress_source, problems: Problems) -> Patch:
    """Resolve one notice's (re-parsed) files against the resolver's kept indexes and swap the result into
    `site` in place, every list in the order a full resolve gives (`order`: notice file -> its position
    among the notice files). Used by `sitegen serve` and by `sitegen build --cache` (sitegen/cache/patchbuild.py).

    Raises ContentError for errors in those files and FullBuild for a change that cannot be patched
    (another id or government, a new unregistered unit); either way the model is left as it was."""
    r = resolver
    old = next(n for n in site.notices if n.id == notice_id)
    problems.raise_if_errors()
    if notice_source.data is None:
        raise FullBuild
    r.problems = problems
    unregistered = len(r.unregistered)
    new = NoticeResolver(r, notice_source).notice()
    if new is not None:
        if progress_source is not None and progress_source.data is not None:
            ProgressResolver(r, progress_source, new, {s.id: s for s in r.statuses}).read()
        r.match_themes(new.tasks)
    if new is None or problems.errors or new.id != notice_id or new.jurisdiction is not old.jurisdiction \
            or len(r.unregistered) != unregistered:
        if new is not None:
            _detach(new, new.tasks)
        if len(r.unregistered) != unregistered:
            raise FullBuild  # the resolver's indexes now hold a unit the model does not
        problems.raise_if_errors()
        raise FullBuild

    if site.config.as_of_from_content and \
            newest_date([new if n is old else n for n in site.notices]) not in (site.config.as_of, None):
        _detach(new, new.tasks)
        raise FullBuild  # the default as_of (the newest date in the content) moved: every page shows it

    before = {t.id: t for t in old.tasks}
    after = {t.id: t for t in new.tasks}
    old_signatures = {i: _signature(site, t) for i, t in before.items()}
    whole = _notice_signature(old) != _notice_signature(new) or list(before) != list(after)
    if whole:
        changed = set(before) | set(after)
    else:
        changed = {i for i, t in after.items() if _signature(site, t) != old_signatures[i]}

    # the model: the old notice out, the new one in, every list in a full resolve's order
    _detach(old, old.tasks)

    def in_files(task):
        return order[task.notice.file]

    jurisdiction = new.jurisdiction
    jurisdiction.notices.sort(key=lambda n: order[n.file])
    for owner in {id(o): o for t in new.tasks for o in owners(t)}.values():
        if hasattr(owner, "roles"):
            owner.roles.sort(key=lambda role: in_files(role.task))
        elif hasattr(owner, "assisting_tasks"):
            owner.tasks.sort(key=in_files)
            owner.assisting_tasks.sort(key=in_files)
    site.notices = sorted([new if n is old else n for n in site.notices], key=notice_order)
    site.tasks = {t.id: t for n in site.notices for t in n.tasks}
    positions = {id(n): i for i, n in enumerate(site.notices)}
    for theme in site.themes:
        theme.tasks.sort(key=lambda t: positions[id(t.notice)])
    states = site.__dict__.get("_task_states", {})
    for task in before.values():
        states.pop(task, None)
    site.__dict__.pop("_fictional_counts", None)
    site.__dict__.pop("_rollups", None)  # keyed by ids of task lists: some now name other tasks
    render.forget_fragments(site)  # memo()'d template parts show the old tasks, units and roll-ups
    shown = {notice_source.shown} | ({progress_source.shown} if progress_source else set())
    site.warnings = [w for w in site.warnings if w.file not in shown] + problems.warnings
    return Patch(new, before, after, changed, whole)


def _detach(notice: Notice, tasks: list) -> None:
    """Take a notice and its tasks out of the lists of the objects they were resolved into."""
    notice.jurisdiction.notices[:] = [n for n in notice.jurisdiction.notices if n is not notice]
    for owner in {id(o): o for t in tasks for o in owners(t)}.values():
        if hasattr(owner, "roles"):
            owner.roles[:] = [r for r in owner.roles if r.task.notice is not notice]
        elif hasattr(owner, "assisting_tasks"):
            owner.tasks[:] = [t for t in owner.tasks if t.notice is not notice]
            owner.assisting_tasks[:] = [t for t in owner.assisting_tasks if t.notice is not notice]
        else:
            owner.tasks[:] = [t for t in owner.tasks if t.notice is not notice]


def _signature(site, task) -> tuple:
    """Everything a page can show of a task: equal signatures, equal cards and pages."""
    return (task.number, task.title, task.text, task.attribution, task.category, task.deadline, task.notes,
            tuple(map(_id, task.leaders)), task.leader_printed, tuple(map(_id, task.assisting_leaders)),
            tuple((_id(u.unit), u.unit.jurisdiction.id, u.printed, u.role, u.level) for u in task.units),
            tuple(t.id for t in task.themes), tuple(task.headings), task.attachment.anchor,
            tuple(s.anchor for s in task.sections), site.status_of(task).id,
            tuple((u.date, u.status.id, u.percent, u.text, u.source, u.unit) for u in task.updates))


def _id(thing):
    return None if thing is None else (thing.jurisdiction.id, thing.id) if hasattr(thing, "jurisdiction") else thing.id


def _notice_signature(notice: Notice) -> tuple:
    """Everything of a notice but its tasks."""
    def section(s):
        return (s.number, s.heading, _id(s.leader), tuple(map(_id, s.co_leaders)), tuple(map(_id, s.assisting_leaders)),
                s.text, s.depth, s.anchor, s.after_tasks,
                tuple(map(section, s.sections)))
    attachments = tuple((a.number, a.title, a.preamble, _id(a.origin), a.rule, a.columns, a.footer, a.anchor,
                         tuple(map(section, a.sections))) for a in notice.attachments)
    fields = {k: v for k, v in vars(notice).items() if k not in ("attachments", "jurisdiction")}
    return (repr(sorted(fields.items())), attachments)
