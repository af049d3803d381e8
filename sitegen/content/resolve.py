"""Stage 2, model: validate the parsed files and resolve them into a `Site`.

Reads top to bottom in dependency order: configuration, jurisdictions, units,
leaders, themes, notices (whose tasks name all of those), progress.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import cast

from ..core import urls
from ..core.errors import Problems, SitegenError, did_you_mean
from . import schema as S
from .load import Located, RawSite, SourceFile, gc_paused
from .model import (
    Attachment,
    Config,
    Jurisdiction,
    Leader,
    Notice,
    Section,
    Site,
    Task,
    TaskUnit,
    Theme,
    Unit,
    Update,
    newest_date,
    notice_order,
)
from .slugs import unique_slugs
from .statuses import DEFAULT_STATUSES, NOT_REPORTED, status_from_mapping

# Characters that show nothing, or only change the direction of text: zero-width spaces and joiners, bidi
# controls, word joiners, variation selectors, the BOM, tags.
SEVERAL_LEADERS = re.compile(r"[、,，;；\s]+")  # 责任领导:张三、李四 / 张三 李四: leaders printed as equals
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U000e0000-\U000e0fff]")


def look(name: str) -> str:
    """How a name looks: NFKC-normalised, invisible characters dropped."""
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", name))


def at(data: dict, key: str) -> int:
    """The line of a field of a validated record, else of the record itself."""
    mark = data["_marks"].get(key)
    return data["_line"] if mark is None else mark[0]


def resolve(raw: RawSite, problems: Problems, *, as_of=None, base_url=None) -> Site:
    return resolve_keeping(raw, problems, as_of=as_of, base_url=base_url)[1]


def resolve_keeping(raw: RawSite, problems: Problems, *, as_of=None, base_url=None) -> tuple[Resolver, Site]:
    """The site and the resolver that built it (its name indexes let `sitegen serve` re-resolve one notice)."""
    with gc_paused():  # the whole model is allocated here: the collector would walk it again and again
        return _resolve(Resolver(raw, problems), raw, as_of, base_url)


def _resolve(r: Resolver, raw: RawSite, as_of, base_url) -> tuple[Resolver, Site]:
    config = r.config(as_of, base_url)
    r.statuses = r.status_list()
    r.jurisdictions = r.jurisdiction_map()
    r.units = r.unit_registry()
    r.leaders = r.leader_map()
    r.themes = r.theme_list()
    notices = r.notice_list()
    tasks = {t.id: t for n in notices for t in n.tasks}
    r.progress(notices)
    r.match_themes(tasks.values())
    if config.as_of_from_content:
        config.as_of = newest_date(notices) or config.as_of
    units = sorted({id(u): u for u in r.all_units()}.values(), key=lambda u: (u.jurisdiction.id, u.id))
    return r, Site(raw.root, config, r.statuses, r.jurisdictions, units,
                   sorted(r.leaders.values(), key=lambda leader: (leader.jurisdiction.id, leader.id)),
                   r.themes, notices, tasks)


@dataclass
class Resolver:
    raw: RawSite
    problems: Problems
    statuses: list = field(default_factory=list)
    jurisdictions: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)  # jurisdiction id -> {name or alias: Unit}
    leaders: dict = field(default_factory=dict)  # (jurisdiction id, name) -> Leader
    themes: list = field(default_factory=list)
    unregistered: dict = field(default_factory=dict)
    config_data: dict = field(default_factory=dict)
    failed_notices: set = field(default_factory=set)  # stems of notice files that could not be read
    name_keys: dict = field(default_factory=dict)  # jurisdiction id -> {look(name): Unit}

    # --- configuration -----------------------------------------------------

    def checker(self, source: SourceFile) -> S.Checker:
        return S.Checker(source.shown, self.problems)

    def config(self, as_of, base_url) -> Config:
        if base_url is not None and not urls.is_base_url(base_url):
            raise SitegenError(f"--base-url {base_url!r}: expected {urls.EXPECTED}")
        source = self.raw.config
        data: dict = {}
        if source is not None and source.data is not None:  # an empty or unreadable file is reported by load
            data = self.checker(source).record(source.data, S.SITE, "") or {}
        self.config_data = data

        def get(name):
            spec = S.SITE.field(name)
            assert spec is not None  # one of SITE's own fields
            return data.get(name, spec.default)

        return Config(
            title=get("title") or "", description=get("description") or "",
            base_url=base_url or get("base_url") or "/", language=get("language") or "zh-CN",
            as_of=as_of or get("as_of") or dt.date.today(), as_of_from_content=not (as_of or get("as_of")),
            theme=get("theme") or "default",
            theme_dir=get("theme_dir") or "theme",
            allow_unregistered_units=bool(get("allow_unregistered_units")),
            search_synonyms=tuple(get("search_synonyms") or ()),
            extra_css=tuple(get("extra_css") or ()),
        )

    def status_list(self) -> list:
        items = self.config_data.get("statuses")
        if not items:
            return list(DEFAULT_STATUSES)
        statuses = [status_from_mapping(i, n) for n, i in enumerate(items) if i["id"] and i["label"]]
        if NOT_REPORTED not in {s.id for s in statuses}:
            default = next(s for s in DEFAULT_STATUSES if s.id == NOT_REPORTED)
            statuses.append(dataclasses.replace(default, order=len(statuses)))
        self._no_duplicates(self.raw.config, items, "statuses", lambda i: i["id"])
        return statuses

    def _no_duplicates(self, source, items, path, key):
        seen = set()
        for index, item in enumerate(items):
            value = key(item)
            if value in seen:
                self.problems.add(source.shown, item["_line"], 0, f"{path}[{index}]",
                                  f"'{value}' is used twice", "each must be unique")
            seen.add(value)

    # --- jurisdictions, units, leaders, themes -----------------------------

    def jurisdiction_map(self) -> dict:
        if not self.raw.jurisdictions:
            self.problems.add("content/jurisdictions.yaml", 0, 0, "", "missing file",
                              "list the governments of the site there (see docs/content-format.md)")
            return {}
        found: dict = {}
        entries = [(source, item) for source in self.raw.jurisdictions
                   for item in self.checker(source).items(source.data, S.JURISDICTION, "jurisdictions")]
        for source, item in entries:
            if item["id"] in found:
                self.problems.add(source.shown, at(item, "id"), 0, "id", f"jurisdiction '{item['id']}' is listed twice",
                                  "each jurisdiction once")
                continue
            found[item["id"]] = Jurisdiction(item["id"], item["name"], item["level"], item["fictional"])
        for source, item in entries:
            self._link_parent(source, item, found)
        return found

    def _link_parent(self, source, item, found) -> None:
        parent, child = item.get("parent"), found[item["id"]]
        if parent and parent not in found:
            self.problems.add(source.shown, at(item, "parent"), 0, "parent", f"unknown jurisdiction '{parent}'",
                              did_you_mean(parent, found) or "add it to jurisdictions.yaml")
        elif parent and child.parent is None:
            child.parent = found[parent]
            if child in child.ancestors:
                self.problems.add(source.shown, at(item, "parent"), 0, "parent", "the parents form a loop",
                                  "a jurisdiction cannot be its own ancestor")
                child.parent = None
            else:
                found[parent].children.append(child)

    def jurisdiction(self, source, line, field_name, value) -> Jurisdiction | None:
        found = self.jurisdictions.get(value)
        if found is None and value is not None:
            self.problems.add(source.shown, line, 0, field_name, f"unknown jurisdiction '{value}'",
                              did_you_mean(value, self.jurisdictions) or "add it to content/jurisdictions.yaml")
        return found

    def unit_registry(self) -> dict:
        index: dict = {}
        for source in self.raw.registries:
            if source.data is None:
                continue
            data = self.checker(source).record(source.data, S.REGISTRY, "")
            if not data:
                continue
            jurisdiction = self.jurisdiction(source, at(data, "jurisdiction"), "jurisdiction", data["jurisdiction"])
            if jurisdiction is not None:
                self._register_units(source, jurisdiction, data["units"] or [], index.setdefault(jurisdiction.id, {}))
        return index

    def _register_units(self, source, jurisdiction, items, names: dict) -> None:
        taken: dict = {u.id: u for u in jurisdiction.units}
        slugs = unique_slugs({i["name"]: i.get("id") for i in items}, taken)
        for item in items:
            unit = Unit(slugs[item["name"]], item["name"], jurisdiction, tuple(item["aliases"] or ()),
                        item["kind"], bool(item["review"]))
            if unit.id in taken:
                self.problems.add(source.shown, item["_line"], 0, "id",
                                  f"unit id '{unit.id}' is used twice in {jurisdiction.name}",
                                  "pin a different 'id:' for one of them")
                continue
            taken[unit.id] = unit
            jurisdiction.units.append(unit)
            self._lookalikes(source, item, unit, self.name_keys.setdefault(jurisdiction.id, {}))
            for name in (unit.name, *unit.aliases):
                other = names.get(name)
                if other is not None and other is not unit:
                    self.problems.add(source.shown, item["_line"], 0, "aliases",
                                      f"'{name}' already names the unit {other.name}",
                                      "a name or alias may belong to one unit only")
                names.setdefault(name, unit)

    def _lookalikes(self, source, item, unit, keys: dict) -> None:
        """Warn (an error with --strict) of a name holding an invisible or direction character, or looking
        the same as another unit's once normalised: two units a reader cannot tell apart."""
        for name in (unit.name, *unit.aliases):
            found = INVISIBLE.search(name)
            if found:
                self.problems.warn(source.shown, item["_line"], 0, "name",
                                   f"'{name}' holds the invisible character U+{ord(found.group()):04X}",
                                   "remove it: the name looks like another but is not the same")
            other = keys.setdefault(look(name), unit)
            if other is not unit:
                self.problems.warn(source.shown, item["_line"], 0, "name",
                                   f"'{name}' looks the same as the unit {other.name}",
                                   "one unit with an alias, or names that differ visibly")

    def all_units(self):
        for jurisdiction in self.jurisdictions.values():
            yield from jurisdiction.units

    def leader_map(self) -> dict:
        found: dict = {}
        for source in self.raw.leaders:
            items = self.checker(source).items(source.data, S.LEADER, "leaders")
            for jurisdiction_id in sorted({i["jurisdiction"] for i in items}, key=str):
                group = [i for i in items if i["jurisdiction"] == jurisdiction_id]
                slugs = unique_slugs({i["name"]: i.get("id") for i in group})
                for item in group:
                    self._add_leader(source, item, slugs[item["name"]], found)
        return found

    def _add_leader(self, source, item, slug, found) -> None:
        jurisdiction = self.jurisdiction(source, at(item, "jurisdiction"), "jurisdiction", item["jurisdiction"])
        if jurisdiction is None:
            return
        key = (jurisdiction.id, item["name"])
        if key in found:
            self.problems.add(source.shown, item["_line"], 0, "name",
                              f"{item['name']} is listed twice for {jurisdiction.name}", "remove one")
            return
        if invisible := INVISIBLE.search(item["name"]):
            self.problems.warn(source.shown, item["_line"], 0, "name", f"'{item['name']}' holds an invisible "
                               f"character (U+{ord(invisible.group()):04X})", "remove it")
        found[key] = Leader(slug, item["name"], item["title"], jurisdiction)
        jurisdiction.leaders.append(found[key])

    def theme_list(self) -> list:
        source = self.raw.themes
        if source is None:
            return []
        items = self.checker(source).items(source.data, S.THEME, "themes")
        self._no_duplicates(source, items, "themes", lambda i: i["id"])
        return [Theme(i["id"], i["name"], i["description"], tuple(i["keywords"] or ()),
                      exclude=tuple(i["exclude"] or ())) for i in items]

    # --- notices --------------------------------------------------------------

    def notice_list(self) -> list:
        notices: list = []
        seen: dict = {}
        for source in self.raw.notices:
            notice = NoticeResolver(self, source).notice() if source.data is not None else None
            source.release()  # the model has what it needs: let the parsed file go before reading the next
            if notice is None:
                self.failed_notices.add(source.path.stem)  # reported; its progress file is not reported again
                continue
            if notice.id in seen:
                self.problems.add(source.shown, 1, 0, "id",
                                  f"notice id '{notice.id}' is also used by {seen[notice.id]}",
                                  "give each notice its own id")
                continue
            seen[notice.id] = source.shown
            notices.append(notice)
        notices.sort(key=notice_order)
        return notices

    def unit(self, source, line, path, jurisdiction: Jurisdiction, printed: str) -> Unit | None:
        names = self.units.get(jurisdiction.id, {})
        found = names.get(printed)
        if found is not None:
            return found
        hint = did_you_mean(printed, names) or f"add it to content/units/{jurisdiction.id}.yaml"
        message = f"unknown unit {printed} in {jurisdiction.name}"
        if not self._allow_unregistered():
            self.problems.add(source.shown, line, 0, path, message, hint)
            return None
        self.problems.warn(source.shown, line, 0, path, message, hint)
        return self._unregistered(jurisdiction, printed)

    def _allow_unregistered(self) -> bool:
        return bool(self.config_data.get("allow_unregistered_units"))

    def _unregistered(self, jurisdiction, printed) -> Unit:
        key = (jurisdiction.id, printed)
        if key not in self.unregistered:
            slug = unique_slugs({printed: None})[printed]
            taken = {u.id for u in jurisdiction.units}
            if slug in taken:
                slug = unique_slugs({printed: None, "\0": slug})[printed]
            unit = Unit(slug, printed, jurisdiction, review=True)
            jurisdiction.units.append(unit)
            self.units.setdefault(jurisdiction.id, {})[printed] = unit
            self.unregistered[key] = unit
        return self.unregistered[key]

    def leader(self, source, line, path, jurisdiction, name) -> Leader | None:
        if not name:
            return None
        found = self.leaders.get((jurisdiction.id, name))
        if found is None:
            known = [n for (j, n) in self.leaders if j == jurisdiction.id]
            self.problems.add(source.shown, line, 0, path, f"unknown leader {name} in {jurisdiction.name}",
                              did_you_mean(name, known) or "add the leader to content/leaders.yaml")
        return found

    # --- progress and themes ----------------------------------------------

    def progress(self, notices) -> None:
        by_id = {n.id: n for n in notices}
        statuses = {s.id: s for s in self.statuses}
        for source in self.raw.progress:
            notice = by_id.get(source.path.stem)
            readable = source.data is not None  # read even without its notice: its own problems are reported too
            if notice is None and source.path.stem in self.failed_notices:
                pass  # its notice could not be read: that is the error to fix, and it is reported
            elif notice is None:
                self.problems.add(source.shown, 1, 0, "", f"no notice with id '{source.path.stem}'",
                                  did_you_mean(source.path.stem, by_id) or "name the file after its notice")
            elif readable:
                ProgressResolver(self, source, notice, statuses).read()
            source.release()  # as for notices: one parsed file at a time

    def match_themes(self, tasks) -> None:
        by_id = {t.id: t for t in self.themes}
        # a theme's keywords as one pattern: one search per theme and task instead of a test per keyword
        patterns = [(t, re.compile("|".join(map(re.escape, t.keywords))), theme_exclusions(t))
                    for t in self.themes if t.keywords]
        for task in tasks:
            chosen = [by_id[i] for i in task.themes if i in by_id]
            haystack = f"{task.title or ''}\n{task.text}"
            chosen += [t for t, pattern, exclude in patterns
                       if t not in chosen and pattern.search(exclude.sub("\n", haystack) if exclude else haystack)]
            task.themes = sorted(chosen, key=self.themes.index)
            for theme in task.themes:
                theme.tasks.append(task)


def theme_exclusions(theme: Theme):
    """One pattern for a theme's exclusions (phrases blanked out before its keywords are looked for), or None."""
    if not theme.exclude:
        return None
    return re.compile("|".join(map(re.escape, sorted(theme.exclude, key=len, reverse=True))))


@dataclass
class NoticeResolver:
    """Builds one notice, its attachments, sections and tasks."""

    r: Resolver
    source: SourceFile
    notice_obj: Notice | None = None
    task_ids: dict = field(default_factory=dict)

    def problem(self, line, path, message, hint=""):
        self.r.problems.add(self.source.shown, line, 0, path, message, hint)

    @functools.cached_property
    def theme_index(self) -> set:
        return {t.id for t in self.r.themes}

    def notice(self) -> Notice | None:
        data = self.r.checker(self.source).record(self.source.data, S.NOTICE, "")
        if not data:
            return None
        notice_id = data.get("id") or self.source.path.stem
        if not S.SLUG.match(notice_id) or S.id_problem(notice_id):
            self.problem(1, "id", f"'{notice_id}' cannot be a notice id",
                         S.id_problem(notice_id) if S.SLUG.match(notice_id) else
                         "rename the file or set 'id:' to lowercase ASCII letters, digits and -")
            return None
        jurisdiction = self.r.jurisdiction(self.source, at(data, "jurisdiction"), "jurisdiction",
                                           data["jurisdiction"])
        if jurisdiction is None:
            return None
        published = data.get("published")
        notice = Notice(
            notice_id, data["title"], data.get("short_title"), data.get("doc_number"), data["issuer"],
            jurisdiction, data.get("year") or (published.year if published else None), published,
            data.get("effective"), data.get("validity"), data.get("source_url"), data.get("source_file"),
            bool(data["fictional"]) or jurisdiction.fictional, data.get("body") or "", file=self.source.shown,
            date_label=data.get("date_label"),
        )
        self.notice_obj = notice
        self.open_review_items(data)
        notice.attachments = [self.attachment(a, i) for i, a in enumerate(data["attachments"] or [])]
        jurisdiction.notices.append(notice)
        return notice

    def open_review_items(self, data) -> None:
        """An import's `review:` items are warnings until a person empties the list (check --strict fails)."""
        line = at(data, "review")
        for item in data.get("review") or ():
            self.r.problems.warn(self.source.shown, line, 0, "review", f"open review item: {item}",
                                 "check it against the source, fix the content, then delete the item")

    def attachment(self, data, index) -> Attachment:
        origin = self.r.jurisdiction(self.source, at(data, "origin"), "origin", data.get("origin"))
        attachment = Attachment(data.get("number"), data["title"], data.get("preamble"), origin,
                                data.get("rule"), tuple(data.get("columns") or ()), anchor=f"a{index + 1}")
        context: tuple = (None, [])
        attachment.tasks = [self.task(t, attachment, [], context) for t in data.get("tasks") or []]
        attachment.sections = [self.section(s, attachment, [], context, f"{attachment.anchor}-s{i + 1}")
                               for i, s in enumerate(data.get("sections") or [])]
        attachment.footer = data.get("footer")
        return attachment

    def section(self, data, attachment, path, context, anchor) -> Section:
        leader, co, printed = self.leader_field(data)
        assisting = self.leaders(data, "assisting_leaders")
        section = Section(data.get("number"), data["heading"], leader, assisting, data.get("text"),
                          depth=len(path), anchor=anchor, co_leaders=co, leader_printed=printed,
                          after_tasks=data.get("after_tasks"))
        inherited = ((leader, co, printed) if leader else context[0], assisting or context[1])
        here = [*path, section]
        section.tasks = [self.task(t, attachment, here, inherited) for t in data.get("tasks") or []]
        section.sections = [self.section(s, attachment, here, inherited, f"{anchor}-{i + 1}")
                            for i, s in enumerate(data.get("sections") or [])]
        return section

    def leader_field(self, data) -> tuple:
        """(leader, leaders printed as its equals, the field as printed when it names several): 张三、李四
        names two registered leaders, unless it is itself a registered name."""
        assert self.notice_obj is not None  # leaders are read after their notice
        jurisdiction, name = self.notice_obj.jurisdiction, data.get("leader")
        line = at(data, "leader")
        if not name or (jurisdiction.id, name) in self.r.leaders or not SEVERAL_LEADERS.search(name.strip()):
            return self.r.leader(self.source, line, "leader", jurisdiction, name), [], None
        found = [self.r.leader(self.source, line, "leader", jurisdiction, part)
                 for part in SEVERAL_LEADERS.split(name.strip()) if part]
        found = [leader for leader in found if leader is not None]
        return (found[0], found[1:], name.strip()) if found else (None, [], None)

    def leaders(self, data, key) -> list:
        assert self.notice_obj is not None  # leaders are read after their notice
        jurisdiction = self.notice_obj.jurisdiction
        found = (self.r.leader(self.source, at(data, key), key, jurisdiction, name) for name in data.get(key) or ())
        return [leader for leader in found if leader is not None]

    def task(self, data, attachment, sections, context) -> Task:
        line = data["_line"]
        if data["id"] in self.task_ids:
            self.problem(line, "id", f"task id '{data['id']}' is also used at line {self.task_ids[data['id']]}",
                         "give each task of a notice its own id")
        self.task_ids.setdefault(data["id"], line)
        assert self.notice_obj is not None  # tasks are read after their notice
        leader, co, printed = self.leader_field(data)
        if leader is None and context[0] is not None:
            leader, co, printed = context[0]
        assisting = self.leaders(data, "assisting_leaders") or list(context[1])
        task = Task(self.notice_obj, attachment, sections, data["id"], data.get("number"), data.get("title"),
                    data.get("text") or "", data.get("attribution"), data.get("category"), leader, assisting,
                    data.get("deadline"), data.get("notes"), line=line, co_leaders=list(co), leader_printed=printed)
        task.units = [self.task_unit(u, task, i) for i, u in enumerate(data.get("units") or [])]
        task.units = [u for u in task.units if u is not None]
        task.themes = list(self.theme_ids(data, line))
        self.link(task)
        return task

    def task_unit(self, data, task, index) -> TaskUnit | None:
        jurisdiction = task.notice.jurisdiction
        if data.get("jurisdiction"):
            jurisdiction = self.r.jurisdiction(self.source, data["_line"], "jurisdiction", data["jurisdiction"])
            if jurisdiction is None:
                return None
        unit = self.r.unit(self.source, data["_line"], f"units[{index}]", jurisdiction, data["name"])
        if unit is None:
            return None
        entry = TaskUnit(unit, data["name"], data.get("role"), data.get("level"), task)
        unit.roles.append(entry)
        return entry

    def theme_ids(self, data, line):
        known = self.theme_index
        for theme in data.get("themes") or ():
            if theme not in known:
                self.problem(at(data, "themes"), "themes", f"unknown theme '{theme}'",
                             did_you_mean(theme, known) or "add it to content/themes.yaml")
            else:
                yield theme

    def link(self, task) -> None:
        for leader in task.leaders:
            leader.tasks.append(task)
        for leader in task.assisting_leaders:
            leader.assisting_tasks.append(task)


@dataclass
class ProgressResolver:
    """Reads one progress file: task id -> dated updates."""

    r: Resolver
    source: SourceFile
    notice: Notice
    statuses: dict

    def read(self) -> None:
        data = self.source.data
        if not isinstance(data, dict):
            self.r.problems.add(self.source.shown, 1, 0, "", "expected a mapping of task id to updates",
                                "see docs/content-format.md")
            return
        tasks = {t.local_id: t for t in self.notice.tasks}
        checker = self.r.checker(self.source)
        data = cast(Located, data)  # the loader's mappings remember where their keys stand
        for task_id, updates in data.items():
            line = data.mark(task_id)[0]
            task = tasks.get(str(task_id))
            if task is None:  # kept, never dropped: a re-import may have renumbered the task
                self.r.problems.warn(self.source.shown, line, 0, str(task_id),
                                     f"no task '{task_id}' in notice {self.notice.id}; its updates are kept "
                                     "but not shown", did_you_mean(task_id, tasks) or "rename the key to the task's id")
                continue
            items = checker.items(updates, S.UPDATE, str(task_id))
            task.updates = sorted((u for u in map(lambda i: self.update(i, task), items) if u),
                                  key=lambda u: u.date)

    def update(self, item, task) -> Update | None:
        if item["status"] is None:  # missing or not an id: already reported where it stands
            return None
        status = self.statuses.get(item["status"])
        if status is None:
            self.r.problems.add(self.source.shown, at(item, "status"), 0, "status",
                                f"unknown status '{item['status']}'",
                                did_you_mean(item["status"], self.statuses) or "use an id from site.yaml statuses")
            return None
        if item["date"] is None:  # missing, impossible or not a date: already reported, and could not be sorted
            return None
        return Update(item["date"], status, item.get("percent"), item.get("text") or "",
                      item.get("source"), item.get("unit"), task)
