"""The build, top to bottom: load -> model -> render -> write -> index.

Reading this file should tell you the whole pipeline; each stage is a room
of the package (docs/architecture.md), its modules named after what they do.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

from .cache import cachekey, patchbuild
from .cache.cache import template_cache
from .cache.modelcache import ModelCache
from .content import originals
from .content.loadsite import load_keeping, load_site
from .core import parallel
from .core.options import BuildOptions, BuildResult, Settings
from .index import index
from .render import render
from .write import links, sitemap
from .write.badges import badge_files
from .write.exports import exports
from .write.feeds import feed_files
from .write.write import Staging, output_folder

__all__ = ["BuildOptions", "BuildResult", "build", "check_site"]


def build(site_dir: Path, options: BuildOptions | Settings | None = None, site=None) -> BuildResult:
    """Build the site; `site` is an already loaded model (sitegen serve keeps one in memory)."""
    options = Settings.of(options)  # resolved once: everything below takes these as they are
    started = time.perf_counter()
    models = ModelCache(options.cache, site_dir, options) if options.cache and site is None else None
    try:
        if models is not None and (result := patchbuild.build_from_cache(site_dir, options, models, started)):
            return result  # only notices changed: the cached model patched, only what they reach rendered
        return _full_build(site_dir, options, site, models, started)
    finally:
        options.stages.end()
        if models is not None:
            models.release()


def _full_build(site_dir: Path, options: Settings, site, models, started: float) -> BuildResult:
    resolver = raw = None
    if site is None:
        options.stages.stage("loading content")
    if site is None and models is not None:  # load -> model, keeping what the model cache saves
        site, resolver, raw = load_keeping(site_dir, strict=options.strict, as_of=options.as_of,
                                           base_url=options.base_url)
    elif site is None:  # load -> model
        site = load_site(site_dir, strict=options.strict, as_of=options.as_of, base_url=options.base_url)
    output = output_folder(site_dir, options.output, site.config.theme_dir)
    assets = render.site_assets(site)
    env = render.page_environment(site, assets, options.pdf,
                                  partial(template_cache, options.cache) if options.cache else None)
    staging = Staging(output, digests=models is not None)  # the cache keeps the digest of every file
    try:
        pages, cache, used = _render_and_write(site, env, staging, options)  # render -> write
        _write_the_rest(site, assets, staging, pages, options)
        searched = options.search
        if searched:  # index
            options.stages.stage("building the search index")
            index.index(staging.path, site)
        if options.check_links:
            links.check_output(staging.path, site.config.base_path, searched)
        staging.commit()
        if cache is not None:
            cache.prune(used)
    except BaseException:
        staging.abort()
        raise
    if models is not None:  # for the next build: this model, and a twin of this output
        models.save(site, resolver, raw, output, len(pages), staging.digests)
    return BuildResult(output, len(pages), len(site.tasks), len(site.notices),
                       time.perf_counter() - started, searched, site.warnings,
                       cache=_cache_note(models, cache, used))


def _cache_note(models, cache, used: list) -> str:
    notes = [models.note] if models is not None and models.note else []
    if cache is not None and (rejected := cache.rejected_count(used)):
        notes.append(f"{rejected} cached page(s) did not verify against the cache key and were rendered afresh")
    return "; ".join(notes)


def _render_and_write(site, env, staging: Staging, options: Settings):
    """Every page, the data exports, feeds and badges, shared out between worker processes
    (sitegen/core/parallel.py); with --cache, unchanged pages are copied from the cache (sitegen/cache/cache.py)."""
    pages = list(render.pages(site))
    render.check_routes(pages)
    options.stages.stage("rendering pages", len(pages))
    cache = None
    secret = cachekey.key(options.cache)[0] if options.cache else None
    if secret is not None and options.cache is not None:  # (without a key the model cache says why)
        from .cache.cache import PageCache
        cache = PageCache(options.cache, site, env.globals, secret)
    used = parallel.render(pages, lambda page: render.render_page(env, page), staging.write,
                           also=[lambda: exports(site), lambda: feed_files(site), lambda: badge_files(site),
                                 lambda: originals.files(site)],
                           cache=cache, affinity=render.affinity(site), state=staging, progress=options.stages.tick)
    return pages, cache, used


def _write_the_rest(site, assets: dict, staging: Staging, pages: list, options: Settings) -> None:
    urls = [page.context.get("page_url", "/") for page in pages]
    for path, data in sitemap.publishing_files(site, urls):
        staging.write(path, data)
    _copy_static(assets, staging)
    if options.pdf:  # printed from the staging folder: a failure leaves the previous site
        from .progress import pdf
        pdf.write_print_files(site, staging.path, options.stages)


def check_site(site_dir: Path, strict: bool | None = None) -> str:
    """Validate everything a build would read; write nothing."""
    site = load_site(site_dir, strict=strict)
    env = render.environment(site)
    render.check_templates(env)
    render.check_routes(list(render.pages(site)))
    lines = [w.format() for w in site.warnings]
    lines.append(f"checked {len(site.notices)} notices, {len(site.tasks)} tasks, {len(site.units)} units: "
                 f"no errors, {len(site.warnings)} warning(s)")
    return "\n".join(lines)


def _copy_static(assets: dict, staging: Staging) -> None:
    """Static files under their own names (static/) and fingerprinted names (assets/, cached long)."""
    for asset in assets.values():
        if asset.static:
            staging.write(f"static/{asset.relative}", asset.data)
        if asset.relative == "favicon.ico":  # where browsers and feed readers look without being told
            staging.write("favicon.ico", asset.data)
        staging.write(f"assets/{asset.name}", asset.data)
