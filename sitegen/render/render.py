"""Stage 3, render: every page of the site as (output path, HTML).

Templates are looked up like MkDocs: the site's own theme folder first, then the
named theme, then the built-in default theme, so a government can restyle any
single template without forking.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import jinja2
from markupsafe import Markup

from ..content import originals, slugs
from ..content.model import Jurisdiction, Site, Task
from ..core.errors import SitegenError
from . import rollup, searchrecord, templating
from .dependencies import EVERYTHING, Shows
from .markup import plain_text, render_markdown
from .theming import installed_themes, template_loader, theme_assets

PER_PAGE = 100  # a listing of thousands of tasks is paginated, never one huge page
INDEX_LIMIT = 1500  # rows an index page shows in full before it lists governments only


@dataclass
class Page:
    path: str  # relative to the output folder, e.g. "notices/x/index.html"
    template: str
    context: dict = field(default_factory=dict)
    shows: Shows = EVERYTHING  # what of the model it shows: what decides when it is rendered again (dependencies.py)


@dataclass
class Paginator:
    """One page of a long listing."""

    items: list
    number: int
    count: int
    base: str  # the listing's URL
    total: int = 0  # items in the whole listing

    def url_for(self, number: int) -> str:
        return self.base if number == 1 else f"{self.base}page/{number}/"

    @property
    def previous(self) -> str | None:
        return self.url_for(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.url_for(self.number + 1) if self.number < self.count else None


def page_count(total: int, per_page: int = PER_PAGE) -> int:
    """Pages of a listing of `total` items (one, even when empty)."""
    return max(1, math.ceil(total / per_page))


def paginate(items: list, base: str, per_page: int = PER_PAGE):
    count = page_count(len(items), per_page)
    for number in range(1, count + 1):
        yield Paginator(items[(number - 1) * per_page: number * per_page], number, count, base, len(items))


def page_path(url: str) -> str:
    """'/notices/x/' -> 'notices/x/index.html'."""
    return url.strip("/") + "/index.html" if url.strip("/") else "index.html"


def environment(site: Site, assets: dict | None = None) -> jinja2.Environment:
    """The template environment; `assets` (theming.theme_assets) when the caller has read them already."""
    env = templating.environment_class()(
        loader=template_loader(site), autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        auto_reload=False,  # a build reads each template once; sitegen serve makes a new environment when one changes
        cache_size=-1,  # every template kept, in a plain dict: no LRU bookkeeping under a lock on each include
    )
    base = site.config.base_path
    assets = assets if assets is not None else site_assets(site)
    for css in site.config.extra_css:
        relative = css.removeprefix("/").removeprefix("static/")
        if relative not in assets or not assets[relative].static:
            raise SitegenError(f"site.yaml: extra_css: '{css}' is not a file of the theme's static/ folder "
                               f"({site.config.theme_dir}/static/)")

    def asset(path: str) -> str:
        """URL of a static file under its fingerprinted name in /assets/ (cached for a year)."""
        relative = str(path).removeprefix("/").removeprefix("static/")
        if relative not in assets or not assets[relative].static:
            raise SitegenError(f"asset('{path}'): no such file in the theme's static/ folder")
        return base + "assets/" + assets[relative].name

    env.globals.update(site=site, config=site.config, statuses=site.statuses,
                       rollup=lambda tasks: rollup.of(site, tasks),
                       real_rollup=lambda tasks: rollup.of_real(site, tasks), real_tasks=rollup.real_tasks,
                       fictional_tasks=rollup.fictional_tasks,
                       fictional_count=lambda tasks: rollup.fictional_count(site, tasks),
                       state=lambda task: rollup.task_state(site, task),
                       url=lambda path: base + str(path).lstrip("/"), status_of=site.status_of, asset=asset,
                       absolute_url=lambda path: _absolute(site.config, path),
                       status_css=base + "assets/" + assets[STATUS_CSS].name,
                       memo=fragment_memo(site),
                       original=lambda notice: originals.original(site, notice),
                       units_by_initial=lambda j: slugs.by_initial(j.units, place=j.name),
                       print_files=False)  # the build sets True when it writes PDFs and forms (--pdf)
    env.filters.update(markdown=render_markdown, plain=plain_text, date=_date, join_names=_join_names,
                       spaced=searchrecord.spaced)
    return env


def page_environment(site: Site, assets: dict, print_files: bool, compiled=None) -> jinja2.Environment:
    """The environment a build renders pages with, every template compiled (an error names its file and line
    before anything is written); `print_files`: print pages link their PDF and form (--pdf); `compiled`: a
    function of the environment giving the jinja2.BytecodeCache to compile through (sitegen build --cache)."""
    env = environment(site, assets)
    env.globals["print_files"] = print_files
    if compiled is not None:
        env.bytecode_cache = compiled(env)
    check_templates(env)
    return env


STATUS_CSS = "statuses.css"

_VALUES = (str, int, float, bool, type(None))
_VALUE_TYPES = frozenset(_VALUES) | {Markup}  # exact classes: a set lookup is cheaper than isinstance


# Per generation: a few governments' parts (pages come grouped by government); docs/performance.md
# weighs the sizes tried.
MEMO_ENTRIES = 8192


def fragment_memo(site: Site):
    """memo(macro, *args, by=None): the macro's output, rendered once for the same arguments.

    A task's units, badge and name appear on its notice's page and on every unit, theme, leader and
    status listing that holds it: templates wrap such parts in memo() so each is rendered once.
    Arguments are told apart by identity (model objects) or value (text, numbers); `by` names the
    object that determines the other arguments when they are made afresh on each call (unit.tasks).
    An entry keeps its arguments alive, so an identity is never reused while its entry exists.
    Entries are kept in two generations of MEMO_ENTRIES: pages are rendered grouped by government
    (render.affinity), so a part is wanted again soon or not at all, and memory stays bounded at
    national scale (an unbounded table grows with the tasks). sitegen serve empties
    them when it patches the model (forget_fragments)."""
    generations = site.__dict__.setdefault("_fragments", [{}, {}])  # [current, previous]

    def memo(macro, *args, by=None, **kwargs):
        if by is None:
            key = (macro, *[a if a.__class__ in _VALUE_TYPES else id(a) for a in args])
            if kwargs:
                key += tuple((k, v if v.__class__ in _VALUE_TYPES else id(v)) for k, v in sorted(kwargs.items()))
        else:
            key = (macro, id(by), *[a for a in args if a.__class__ in _VALUE_TYPES])
            if kwargs:
                key += tuple((k, v) for k, v in sorted(kwargs.items()) if v.__class__ in _VALUE_TYPES)
        found = generations[0].get(key)
        if found is None:
            found = generations[1].get(key) or (args, kwargs, by, macro(*args, **kwargs))
            if len(generations[0]) >= MEMO_ENTRIES:
                generations[:] = [{}, generations[0]]
            generations[0][key] = found
        return found[3]
    return memo


def forget_fragments(site: Site) -> None:
    """Empty memo()'s tables in place: an environment's memo() holds on to them (sitegen serve keeps its
    environment across edits), so dropping them from the site would not reach it."""
    for generation in site.__dict__.get("_fragments", ()):
        generation.clear()


def site_assets(site: Site) -> dict:
    """The theme's static files and the generated status stylesheet: the status colours as classes,
    since the Content-Security-Policy allows no inline style attributes."""
    css = "".join(f".st-{s.id}{{--c:{s.color}}}\n" for s in site.statuses).encode("utf-8")
    return theme_assets(site, {STATUS_CSS: css})


def _absolute(config, path: str) -> str | None:
    """The full URL of a page for canonical and Open Graph tags; None when the base URL is only a path."""
    return config.absolute_base + str(path).lstrip("/") if config.absolute_base else None


def _date(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def _join_names(items, sep="、") -> str:
    # str() of a model object is a huge recursive repr
    return sep.join(i.name if hasattr(i, "name") else str(i) for i in items)


# --- the pages ---------------------------------------------------------------

def pages(site: Site, notices: set | None = None):
    """Every page of the site, in a fixed order (deterministic output), each declaring what it shows
    (`Page.shows`; a page that declares nothing shows everything). With `notices` (ids), of the pages
    that show one notice only (its own page, its original's, its tasks' and its printable list) only
    those of these notices: the `--cache` build lists no page a change of them cannot reach."""
    yield Page("index.html", "home.html", {"page_url": "/"})
    yield Page("404.html", "404.html", {"page_url": "/404.html"})
    yield Page("search/index.html", "search.html", {"page_url": "/search/"})
    yield Page("data/index.html", "data.html", {"page_url": "/data/"})
    yield from notice_pages(site, notices)
    yield from listing_pages(site)
    yield from print_pages(site, notices)


def check_routes(pages: list) -> None:
    """Two pages at one path would silently be one (the second written over the first): refuse the build.
    schema.RESERVED_ROUTES keeps ids off the site's own routes; this catches any collision left."""
    seen: dict = {}
    clashes = []
    for page in pages:
        first = seen.setdefault(page.path, page)
        if first is not page:
            clashes.append(f"{page.path}: both {_what(first)} and {_what(page)}")
    if clashes:
        shown = "\n".join(clashes[:20]) + (f"\n… and {len(clashes) - 20} more" if len(clashes) > 20 else "")
        raise SitegenError(f"{len(clashes)} page(s) would be written at the same path:\n{shown}\n"
                           "give one of each pair another id")


def _what(page: Page) -> str:
    context = page.context
    task = context.get("task")
    if task is not None:
        return f"task {task.id} ({task.notice.file}:{task.line})"
    if context.get("kind"):  # a print page
        return f"the print page of {context['kind']} {context['owner'].id}"
    return f"the page {context.get('page_url', page.path)}"


def notice_pages(site: Site, only: set | None = None):
    yield Page("notices/index.html", "notices.html",
               {"page_url": "/notices/", "full": len(site.notices) <= INDEX_LIMIT // 3})
    for notice in site.notices if only is None else [n for n in site.notices if n.id in only]:
        shows = Shows(notices=(notice,))  # one declaration for the notice's pages (thousands at national scale)
        yield notice_page(notice, shows)
        if originals.original(site, notice) is not None:
            yield Page(page_path(notice.original_url), "original.html",
                       {"notice": notice, "page_url": notice.original_url}, shows)
        for task in notice.tasks:
            yield task_page(task, shows)


def notice_page(notice, shows: Shows | None = None) -> Page:
    return Page(page_path(notice.url), "notice.html", {"notice": notice, "page_url": notice.url},
                shows or Shows(notices=(notice,)))


def task_page(task: Task, shows: Shows | None = None) -> Page:
    notice = task.notice
    return Page(page_path(task.url), "task.html", {"task": task, "notice": notice, "page_url": task.url},
                shows or Shows(notices=(notice,)))


def listing_pages(site: Site):
    yield from _indexes(site, "units", lambda j: j.units)
    for unit in site.units:
        yield from _listing(unit, "unit", unit.tasks)
    yield Page("themes/index.html", "themes.html", {"page_url": "/themes/"})
    for theme in site.themes:
        yield from _listing(theme, "theme", theme.tasks)
    yield from _indexes(site, "leaders", lambda j: j.leaders)
    for leader in site.leaders:
        yield from _listing(leader, "leader", leader.all_tasks)
    for jurisdiction in site.jurisdictions.values():
        yield Page(page_path(jurisdiction.url), "jurisdiction.html",
                   {"jurisdiction": jurisdiction, "page_url": jurisdiction.url},
                   Shows(notices=tuple(jurisdiction.notices)))
    yield from status_pages(site)


def _indexes(site: Site, kind: str, members):
    """/units/ (or /leaders/) and one /units/<jurisdiction>/ per government that has any.

    The site-wide index shows every table while that stays light; past INDEX_LIMIT rows it
    lists the governments only, each linking to its own index, so no page grows to megabytes."""
    groups = [j for j in site.jurisdictions.values() if members(j)]
    full = sum(len(members(j)) for j in groups) <= INDEX_LIMIT
    yield Page(f"{kind}/index.html", f"{kind}.html", {"page_url": f"/{kind}/", "groups": groups, "full": full})
    for j in groups:
        yield Page(f"{kind}/{j.id}/index.html", f"{kind}.html",
                   {"page_url": f"/{kind}/{j.id}/", "groups": [j], "full": True, "only": j},
                   Shows(owners=tuple(members(j))))


def status_pages(site: Site):
    """/status/<id>/: the tasks whose current status it is, real governments' first, paginated."""
    yield Page("status/index.html", "statuses.html", {"page_url": "/status/"})
    listed = status_listings(site)
    for status in site.statuses:
        yield from _status_listing(status, listed[status.id])


def _status_listing(status, tasks: list[Task]):
    return _paginated(f"/status/{status.id}/", "status.html", tasks, {"status": status, "status_tasks": tasks},
                      statuses=(status.id,))


def status_listings(site: Site) -> dict:
    """status id -> the tasks a status page lists, real governments' first."""
    by_status: dict = {s.id: [] for s in site.statuses}
    for task in site.tasks.values():
        by_status[site.status_of(task).id].append(task)
    return {key: sorted(tasks, key=lambda t: t.notice.fictional) for key, tasks in by_status.items()}


PDF_NAME = "list.pdf"  # a print page's PDF (sitegen build --pdf), beside its index.html
FORM_NAME = "form.xlsx"  # a unit's progress form (sitegen build --pdf), in its unit folder


def print_pages(site: Site, notices: set | None = None):
    """A printable A4 list per unit, notice and leader (with `notices`, ids, of these notices only):
    never paginated, no navigation."""
    order = {id(task): index for index, task in enumerate(site.tasks.values())}
    for unit in site.units:
        yield _print_page(unit.print_url, "unit", unit, _by_notice(unit.tasks, order), form_url=unit.url + FORM_NAME)
    for notice in site.notices if notices is None else [n for n in site.notices if n.id in notices]:
        yield _print_page(notice.print_url, "notice", notice, [(notice, notice.tasks)], shows=Shows(notices=(notice,)))
    for leader in site.leaders:
        yield _print_page(leader.print_url, "leader", leader, _by_notice(leader.all_tasks, order))


def _print_page(url: str, kind: str, owner, groups: list, shows: Shows | None = None, **context) -> Page:
    """A unit's or leader's printable list shows its listing whole; a notice's, the notice."""
    shows = shows or Shows(owners=(owner,), tasks=[t for _, tasks in groups for t in tasks])
    return Page(page_path(url), "print.html", {"kind": kind, "owner": owner, "groups": groups, "page_url": url,
                                               "back_url": owner.url, "pdf_url": url + PDF_NAME, **context}, shows)


def _by_notice(tasks: list[Task], order: dict) -> list:
    """[(notice, its tasks)], notices and tasks in the site's order."""
    groups: dict = {}
    for task in sorted(tasks, key=lambda t: order[id(t)]):
        groups.setdefault(task.notice.id, (task.notice, []))[1].append(task)
    return list(groups.values())


def _listing(owner, kind: str, tasks: list[Task]):
    """The pages of a unit's, theme's or leader's listing of `tasks`; each shows the listing (its roll-up
    and counts) and its hundred tasks one by one."""
    return _paginated(owner.url, f"{kind}.html", tasks, {kind: owner}, owners=(owner,))


def _paginated(url: str, template: str, tasks: list[Task], context: dict, owners: tuple = (), statuses: tuple = ()):
    for pager in paginate(tasks, url):
        yield Page(page_path(pager.url_for(pager.number)), template,
                   {**context, "pager": pager, "page_url": pager.url_for(pager.number)},
                   Shows(owners=owners, statuses=statuses, tasks=pager.items))


def pages_showing(site: Site, notice, task_list: list[Task]) -> list:
    """The pages that show these tasks of one notice one by one: the notice's page, each task's page and the
    one page of each listing (unit, theme, leader, status) the task stands on (sitegen serve renders
    these before its reload signal)."""
    if not task_list:
        return []
    found = {}
    page = notice_page(notice)
    found[page.path] = page
    statuses = None
    for task in task_list:
        page = task_page(task)
        found[page.path] = page
        listings = [(u.unit, "unit", u.unit.tasks) for u in task.units]
        listings += [(t, "theme", t.tasks) for t in task.themes]
        listings += [(person, "leader", person.all_tasks)
                     for person in [*task.leaders, *task.assisting_leaders]]
        for owner, kind, listed in listings:
            page = _page_holding(_listing(owner, kind, listed), listed, task)
            if page is not None:
                found[page.path] = page
        status = site.status_of(task)
        statuses = statuses or status_listings(site)
        listed = statuses[status.id]
        page = _page_holding(_status_listing(status, listed), listed, task)
        if page is not None:
            found[page.path] = page
    return list(found.values())


def _page_holding(listing, listed: list, task: Task):
    index = next((i for i, t in enumerate(listed) if t is task), None)
    if index is None:
        return None
    for number, page in enumerate(listing):
        if number == index // PER_PAGE:
            return page
    return None


def affinity(site: Site):
    """page -> the position of the government whose tasks it shows (site-wide pages: that of the first
    task listed, or 0), for sharing pages out between workers (parallel.render)."""
    position = {id(j): i for i, j in enumerate(site.jurisdictions.values())}

    def of(page: Page) -> int:
        ctx = page.context
        owner = next((ctx[k] for k in ("task", "notice", "unit", "leader", "owner", "jurisdiction") if k in ctx), None)
        if owner is None and "pager" in ctx and ctx["pager"].items:
            owner = ctx["pager"].items[0]
        while owner is not None and not isinstance(owner, Jurisdiction):  # a task -> its notice -> its government
            owner = getattr(owner, "notice", None) or getattr(owner, "jurisdiction", None)
        return position.get(id(owner), 0)
    return of


def check_templates(env: jinja2.Environment) -> None:
    """Compile every template now, so a syntax error names its file and line before any page is written.
    An installed theme's templates also listed under its prefix ("default/base.html") are the same files:
    compiled once, under their own names."""
    prefixes = tuple(f"{name}/" for name in installed_themes())
    for name in env.list_templates(filter_func=lambda n: n.endswith((".html", ".xml", ".txt"))
                                   and not n.startswith(prefixes)):
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as error:
            raise SitegenError(f"{error.filename or name}:{error.lineno}: template error: {error.message}") from None


def render_page(env: jinja2.Environment, page: Page) -> str:
    try:
        return env.get_template(page.template).render(page.context)
    except jinja2.TemplateSyntaxError as error:
        raise SitegenError(f"{error.filename or error.name}:{error.lineno}: template error: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise SitegenError(f"template not found: {error.name} — the theme is missing it") from None
    except jinja2.UndefinedError as error:
        raise SitegenError(f"{page.template}: template error while rendering {page.path}: {error.message}") from None
