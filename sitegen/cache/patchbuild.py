"""`sitegen build --cache DIR` after notice edits: the cached model patched, only what can differ rewritten.

When the only inputs that differ from the cached model's (sitegen/cache/modelcache.py)
are notice and progress files of notices it has, the build

1. unpickles the model and patches each changed notice in with the step
   `sitegen serve` uses (sitegen/cache/patch.py): re-parse, resolve against the kept
   indexes, compare each task before and after;
2. stages the output as hard links to the cache's twin of the previous output;
3. re-renders the pages the change reaches, as the incremental engine decides
   from what each page declares it shows (sitegen/render/dependencies.py: the
   notice's pages, its printable lists, the pages of the listings its changed
   tasks stand on — all pages of a listing when a task joined or left it or its
   roll-up changed, else the one page the task stands on —, status pages,
   jurisdiction pages, indexes and the site-wide pages) and, by the same rule,
   the data files, feeds and badges the change reaches (sitegen/write/datafiles.py:
   the changed notices' and units', the site-wide ones joined from or patched
   over the previous output's);
4. deletes what the patched notices no longer produce, brings the search index
   level if asked (only the shards holding a changed notice's records indexed
   again, the others kept from the twin: sitegen/index/index.py's `start_update`),
   swaps the folder in like any build, and brings the cache level.

Anything else — site.yaml, registries, leaders, themes, jurisdictions, theme
files, sitegen itself, build options, a file added or removed, --pdf, a
change `patch` cannot apply, errors or (with --strict) warnings — takes the
full path, which reports problems exactly as a clean build does. The output is
byte for byte a clean build's (tests/test_cache.py).
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from ..content.load import gc_paused, source_file
from ..content.model import Unit
from ..core import parallel
from ..core.errors import ContentError, Problems
from ..core.options import BuildResult, Settings
from ..index import index
from ..render import render
from ..render.dependencies import Change, listed, owners, reaches
from ..write import datafiles, links, sitemap
from ..write.write import Staging, output_folder
from .cache import template_cache
from .modelcache import TREE, link_tree
from .patch import FullBuild, patch


class Unpatchable(Exception):
    """The cached state cannot give this build; the full path will."""


def build_from_cache(site_dir: Path, options: Settings, models, started: float):
    """The build from the cached model, or None (with `models.note` saying why) for the full path."""
    # the unpickled model is millions of objects that are not garbage: a collection would walk them all
    with gc_paused(kept=True):
        return _build(site_dir, options, models, started)


def _build(site_dir: Path, options: Settings, models, started: float):
    saved = models.load()
    if saved is None:
        return None
    notices = models.changed_notices(saved)
    if notices is None:
        return None
    site = saved.site
    output = output_folder(site_dir, options.output, site.config.theme_dir)
    use = models.tree_use(saved, output)  # before anything of tree/ is read
    if use is None:
        return None
    searched = options.search
    before = index.notices(site) if searched else None  # the shards the twin's index was made in
    try:
        affected, removable, more_pages = _patch(site_dir, saved, notices)
    except Unpatchable as reason:
        models.note = str(reason)
        return None
    if options.strict and site.warnings:
        models.note = "--strict with warnings"
        return None
    try:
        data = _data(site, models.tree, affected)
    except Unpatchable as reason:
        models.note = str(reason)
        return None
    adopt = use == "twin"
    staging = Staging(output)
    try:
        _start(staging, models, adopt)
        pages, written, rendered = _stage(site, options, staging, affected, data, saved.pages + more_pages)
        removed = removable - written
        for path in removed:
            staging.remove(path)
        made, unmade, searched_note = _finish(staging, site, options, before, affected)
        written |= made
        removed = (removed - made) | unmade
        previous = staging.commit(keep_previous=models.folder / f".{TREE}.next" if adopt else None)
    except BaseException:
        staging.abort()
        raise
    models.note = (f"{len(notices)} changed notice(s) patched into the cached model: "
                   f"{rendered} of {pages} pages rendered, the rest reused{searched_note}")
    models.update(saved, output, written, removed, previous, pages)
    return BuildResult(output, pages, len(site.tasks), len(site.notices), time.perf_counter() - started,
                       searched, site.warnings, rendered=rendered, cache=models.note)


# --- 1. the model ---------------------------------------------------------------

def _patch(site_dir: Path, saved, notice_ids: list):
    """Each changed notice patched into `saved.site`; what may show the changes, the files the old notices
    produced that the new ones may not, and how many pages more (or fewer) the site has."""
    root = Path(site_dir).resolve()
    site = saved.site
    changed = set(notice_ids)
    order = {shown: i for i, shown in enumerate(saved.notice_files)}
    by_id = {n.id: n for n in site.notices}
    olds = [by_id[i] for i in notice_ids]
    holders = {id(o): o for n in olds for t in n.tasks for o in owners(t)}
    before = _Region(site, olds, holders.values())
    affected = Change()
    for notice_id in notice_ids:
        problems = Problems()
        notice_source = source_file(root / by_id[notice_id].file, root, problems)
        progress = root / "content" / "progress" / f"{notice_id}.yaml"
        progress_source = source_file(progress, root, problems) if progress.exists() else None
        try:
            done = patch(site, saved.resolver, order, notice_id, notice_source, progress_source, problems)
        except FullBuild:
            raise Unpatchable(f"{by_id[notice_id].file}: a change the cached model cannot take") from None
        except ContentError:
            raise Unpatchable(f"{by_id[notice_id].file} has errors") from None
        affected.add(site, done)
    site.warnings = _in_load_order(site.warnings, saved)
    news = [n for n in site.notices if n.id in changed]
    for owner in {id(o): o for n in news for t in n.tasks for o in owners(t)}.values():
        if id(owner) not in holders:  # it holds none of the old notices' tasks: it had its tasks but the new ones
            before.sizes[owner.url] = sum(1 for t in listed(owner) if t.notice.id not in changed)
            holders[id(owner)] = owner
    counts = dict(before.counts)  # the status listings' sizes: the old notices' tasks out, the new ones in
    for task in (t for n in olds for t in n.tasks):
        counts[site.status_of(task).id] -= 1
    for task in (t for n in news for t in n.tasks):
        counts[site.status_of(task).id] += 1
    after = _Region(site, news, holders.values(), counts)
    return affected, before.paths() - after.paths(), after.pages() - before.pages()


def _in_load_order(warnings: list, saved) -> list:
    """The warnings as a full load lists them: other files', then the notices' and the progress files'
    in the order they are read (a patched file's warnings were put last)."""
    rank = {shown: (1, i) for i, shown in enumerate(saved.notice_files)}
    rank.update((shown, (2, i)) for i, shown in enumerate(saved.progress_files))
    return sorted(warnings, key=lambda w: rank.get(w.file, (0, 0)))


class _Region:
    """The files that come and go with tasks: the notices' task pages and badges, the pages of the owners'
    listings and of the status listings (by their sizes), the owners' feeds."""

    def __init__(self, site, notices: list, owners, counts: dict | None = None):
        self.task_pages = {render.page_path(t.url) for n in notices for t in n.tasks}
        self.badges = {t.badge_url.lstrip("/") for n in notices for t in n.tasks}
        self.sizes = {o.url: len(listed(o)) for o in owners}
        if counts is None:  # tasks per status, over the whole site (else given: worked out from the last count)
            counts = {s.id: 0 for s in site.statuses}
            for task in site.tasks.values():
                counts[site.status_of(task).id] += 1
        self.counts = counts
        self.sizes.update((f"/status/{s}/", count) for s, count in counts.items())
        self.feeds = {o.feed_url.lstrip("/") for o in owners if isinstance(o, Unit) and any(t.updates for t in o.tasks)}

    def listing_pages(self) -> set:
        return {render.page_path(url if number == 1 else f"{url}page/{number}/")
                for url, size in self.sizes.items() for number in range(1, render.page_count(size) + 1)}

    def paths(self) -> set:
        return self.task_pages | self.badges | self.listing_pages() | self.feeds

    def pages(self) -> int:
        return len(self.task_pages) + sum(map(render.page_count, self.sizes.values()))


# --- 2.–3. staging ----------------------------------------------------------------

def _start(staging: Staging, models, adopt: bool) -> None:
    """The staging folder starts as the previous output: the cache's twin of it moved in whole when it is
    still the twin of the output folder (then the previous output becomes the next twin), else a copy of
    the twin made of hard links (a file each: the output folder is new, moved or was changed)."""
    if adopt:
        models.forget()  # from here until the cache is brought level it holds no twin
        staging.adopt(models.tree)
    else:
        link_tree(models.tree, staging.path)
        staging.linked = True


def _stage(site, options: Settings, staging: Staging, affected: Change, data: list, count: int):
    """The pages and files that may differ written over the staged previous output; (the site's page
    count, the paths written)."""
    assets = render.site_assets(site)
    env = render.page_environment(site, assets, options.pdf, partial(template_cache, options.cache))
    if site.config.absolute_base:  # the sitemap lists every page
        pages = list(render.pages(site))
        count = len(pages)
    else:
        with _listings_of(site, affected.owners.values()):
            pages = list(render.pages(site, affected.notices))
    chosen = [page for page in pages if reaches(page.shows, affected)]
    parallel.render(chosen, lambda page: render.render_page(env, page), staging.write,
                    affinity=render.affinity(site))
    written = {page.path for page in chosen}
    urls = [page.context.get("page_url", "/") for page in pages]
    for files in (data, sitemap.publishing_files(site, urls)):
        for path, data_ in files:
            staging.write(path, data_)
            written.add(path)
    for stale in staging.path.glob("sitemap-*.xml"):  # parts of a sitemap that has fewer now
        if stale.name not in written:
            staging.remove(stale.name)
    return count, written, len(chosen)


@contextmanager
def _listings_of(site, owners):
    """While pages are listed, the site's units, leaders and themes cut down to `owners`: render.pages then
    lists the site-wide pages, the changed notices' and their tasks' pages, the status pages and those
    owners' listings and printable lists, without going through every unit's tasks or every notice
    (docs/performance.md). The pages are rendered after, with the whole site (the templates' `site`)."""
    kept = site.units, site.leaders, site.themes
    ids = {id(o) for o in owners}
    site.units, site.leaders, site.themes = ([o for o in group if id(o) in ids] for group in kept)
    try:
        yield
    finally:
        site.units, site.leaders, site.themes = kept


def _data(site, tree: Path, affected: Change) -> list:
    """(path, bytes) of the data files, feeds and badges the change reaches (sitegen/write/datafiles.py), made
    before anything is staged: they read the previous build's data files from the cache's twin, which
    must be whole."""
    if not affected.notices:
        return []
    def previous(path: str) -> bytes:
        return (tree / path).read_bytes()

    try:
        return [(f.path, f.make()) for group in datafiles.reached(site, affected, previous) for f in group.files()]
    except (OSError, ValueError) as error:
        raise Unpatchable(f"the cached copy of the previous output is incomplete ({error})") from None


def _finish(staging: Staging, site, options: Settings, before: list | None, affected: Change) -> tuple:
    """The search index brought level (the edited notices indexed into the overlay, or only the shards the
    change reaches indexed again, sitegen/index/overlay.py; after the pages:
    begun beside them it gained nothing, docs/performance.md) and the links checked; (the index's files
    written, removed, what the summary says of it)."""
    made: set[str] = set()
    unmade: set[str] = set()
    note = ""
    if before is not None:
        indexing = index.start_update(staging.path, site, before, affected)
        try:
            shards, indexed, made, unmade = indexing.finish(staging.path)
        except BaseException:
            indexing.stop()  # its Pagefind processes killed before the staging folder goes
            raise
        note = f"; search: {indexed} of {len(shards)} index shard(s) made again, the rest reused"
        if indexing.overlaid:
            note = (f"; search: {len(indexing.layered)} edited notice(s) indexed into the overlay, "
                    f"0 of {len(shards)} index shard(s) made again")
    if options.check_links:
        links.check_output(staging.path, site.config.base_path, before is not None)
    return made, unmade, note
