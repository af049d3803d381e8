"""Stage 3, render: every page of the site as (output path, HTML).

Templates are looked up like MkDocs: the site's own theme folder first, then the
named theme, then the built-in default theme, so a government can restyle any
single template without forking.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from . import rollup
from .errors import SitegenError
from .markup import plain_text, render_markdown
from .model import Site, Task
from .theming import theme_dirs

PER_PAGE = 100  # a listing of thousands of tasks is paginated, never one huge page


@dataclass
class Page:
    path: str  # relative to the output folder, e.g. "notices/x/index.html"
    template: str
    context: dict = field(default_factory=dict)


@dataclass
class Paginator:
    """One page of a long listing."""

    items: list
    number: int
    count: int
    base: str  # the listing's URL

    def url_for(self, number: int) -> str:
        return self.base if number == 1 else f"{self.base}page/{number}/"

    @property
    def previous(self) -> str | None:
        return self.url_for(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.url_for(self.number + 1) if self.number < self.count else None


def paginate(items: list, base: str, per_page: int = PER_PAGE):
    count = max(1, math.ceil(len(items) / per_page))
    for number in range(1, count + 1):
        yield Paginator(items[(number - 1) * per_page: number * per_page], number, count, base)


def page_path(url: str) -> str:
    """'/notices/x/' -> 'notices/x/index.html'."""
    return url.strip("/") + "/index.html" if url.strip("/") else "index.html"


def environment(site: Site) -> jinja2.Environment:
    dirs = [str(d / "templates") for d in theme_dirs(site)]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(dirs), autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )
    base = site.config.base_path
    env.globals.update(site=site, config=site.config, statuses=site.statuses, rollup=lambda tasks: rollup.of(site, tasks),
                       state=lambda task: rollup.task_state(site, task),
                       url=lambda path: base + str(path).lstrip("/"), status_of=site.status_of)
    env.filters.update(markdown=render_markdown, plain=plain_text, date=_date, join_names=_join_names)
    return env


def _date(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def _join_names(items, sep="、") -> str:
    return sep.join(i.name if hasattr(i, "name") else str(i) for i in items)  # str() of a model object is a huge recursive repr


# --- the pages ---------------------------------------------------------------

def pages(site: Site):
    """Every page of the site, in a fixed order (deterministic output)."""
    yield Page("index.html", "home.html", {"page_url": "/"})
    yield Page("404.html", "404.html", {"page_url": "/404.html"})
    yield Page("search/index.html", "search.html", {"page_url": "/search/"})
    yield Page("data/index.html", "data.html", {"page_url": "/data/"})
    yield from notice_pages(site)
    yield from listing_pages(site)


def notice_pages(site: Site):
    yield Page("notices/index.html", "notices.html", {"page_url": "/notices/"})
    for notice in site.notices:
        yield Page(page_path(notice.url), "notice.html", {"notice": notice, "page_url": notice.url})
        for task in notice.tasks:
            yield Page(page_path(task.url), "task.html", {"task": task, "notice": notice, "page_url": task.url})


def listing_pages(site: Site):
    yield Page("units/index.html", "units.html", {"page_url": "/units/"})
    for unit in site.units:
        yield from _paginated(unit.url, "unit.html", unit.tasks, unit=unit)
    yield Page("themes/index.html", "themes.html", {"page_url": "/themes/"})
    for theme in site.themes:
        yield from _paginated(theme.url, "theme.html", theme.tasks, theme=theme)
    yield Page("leaders/index.html", "leaders.html", {"page_url": "/leaders/"})
    for leader in site.leaders:
        yield from _paginated(leader.url, "leader.html", leader.all_tasks, leader=leader)
    for jurisdiction in site.jurisdictions.values():
        yield Page(page_path(jurisdiction.url), "jurisdiction.html",
                   {"jurisdiction": jurisdiction, "page_url": jurisdiction.url})


def _paginated(url: str, template: str, tasks: list[Task], **context):
    for pager in paginate(tasks, url):
        yield Page(page_path(pager.url_for(pager.number)), template,
                   {**context, "pager": pager, "page_url": pager.url_for(pager.number)})


def render_page(env: jinja2.Environment, page: Page) -> str:
    try:
        return env.get_template(page.template).render(page.context)
    except jinja2.TemplateSyntaxError as error:
        raise SitegenError(f"{error.filename or error.name}:{error.lineno}: template error: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise SitegenError(f"template not found: {error.name} — the theme is missing it") from None
    except jinja2.UndefinedError as error:
        raise SitegenError(f"{page.template}: template error while rendering {page.path}: {error.message}") from None
