"""The build, top to bottom: load -> model -> render -> write -> index.

Reading this file should tell you the whole pipeline; each stage is a module
named after it.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import index, links, parallel, render, sitemap
from .errors import SitegenError
from .badges import badge_files
from .exports import exports
from .feeds import feed_files
from .load import load_keeping, load_site
from .modelcache import ModelCache
from .write import Staging


@dataclass
class BuildOptions:
    """Flags from the command line; None means: as the site's configuration says."""

    output: Path | None = None
    search: bool | None = None
    strict: bool | None = None
    as_of: dt.date | None = None
    base_url: str | None = None
    pdf: bool | None = None
    cache: Path | None = None
    check_links: bool | None = None


@dataclass
class BuildResult:
    output: Path
    pages: int
    tasks: int
    notices: int
    seconds: float
    searched: bool
    warnings: list = field(default_factory=list)
    rendered: int | None = None  # pages rendered, when the others were reused (--cache after notice edits)
    cache: str = ""  # with --cache: how the cached model was used, or why not

    def summary(self) -> str:
        lines = [w.format() for w in self.warnings]
        if self.cache:
            lines.append(f"cache: {self.cache}")
        search = "with search index" if self.searched else "without search index"
        lines.append(f"built {self.pages} pages for {self.notices} notices and {self.tasks} tasks "
                     f"into {self.output} ({search}) in {self.seconds:.2f} s")
        return "\n".join(lines)


def build(site_dir: Path, options: BuildOptions | None = None, site=None) -> BuildResult:
    """Build the site; `site` is an already loaded model (sitegen serve keeps one in memory)."""
    options = options or BuildOptions()
    started = time.perf_counter()
    models = ModelCache(options.cache, site_dir, options) if options.cache and site is None else None
    try:
        from . import patchbuild  # (it imports sitegen serve's patching, which imports this module)

        if models is not None and (result := patchbuild.build(site_dir, options, models, started)):
            return result  # only notices changed: the cached model patched, only what they reach rendered
        return _full_build(site_dir, options, site, models, started)
    finally:
        if models is not None:
            models.release()


def _full_build(site_dir: Path, options: BuildOptions, site, models, started: float) -> BuildResult:
    resolver = raw = None
    if site is None and models is not None:  # load -> model, keeping what the model cache saves
        site, resolver, raw = load_keeping(site_dir, strict=options.strict, as_of=options.as_of,
                                           base_url=options.base_url)
    elif site is None:  # load -> model
        site = load_site(site_dir, strict=options.strict, as_of=options.as_of, base_url=options.base_url)
    output = _output_folder(site_dir, options.output)
    assets = render.site_assets(site)
    env = _environment(site, assets, options)
    staging = Staging(output)
    try:
        pages, cache, used = _render_and_write(site, env, staging, options)  # render -> write
        _write_the_rest(site, assets, staging, pages, options)
        searched = options.search is not False
        if searched:  # index
            index.index(staging.path, site)
        if options.check_links:
            _check_links(staging.path, site.config.base_path, searched)
        staging.commit()
        if cache is not None:
            cache.prune(used)
    except BaseException:
        staging.abort()
        raise
    if models is not None:  # for the next build: this model, and a twin of this output
        models.save(site, resolver, raw, output, len(pages))
    return BuildResult(output, len(pages), len(site.tasks), len(site.notices),
                       time.perf_counter() - started, searched, site.warnings,
                       cache=models.note if models is not None else "")


def _environment(site, assets: dict, options: BuildOptions):
    env = render.environment(site, assets)
    env.globals["print_files"] = bool(options.pdf)  # print pages link their PDF and form only when written
    render.check_templates(env)  # a template error names its file and line before anything is written
    return env


def _render_and_write(site, env, staging: Staging, options: BuildOptions):
    """Every page, the data exports, feeds and badges, shared out between worker processes
    (sitegen/parallel.py); with --cache, unchanged pages are copied from the cache (sitegen/cache.py)."""
    pages = list(render.pages(site))
    cache = None
    if options.cache:
        from .cache import PageCache
        cache = PageCache(options.cache, site, env.globals)
    used = parallel.render(pages, lambda page: render.render_page(env, page), staging.write,
                           also=[lambda: exports(site), lambda: feed_files(site), lambda: badge_files(site)],
                           cache=cache, affinity=render.affinity(site))
    return pages, cache, used


def _write_the_rest(site, assets: dict, staging: Staging, pages: list, options: BuildOptions) -> None:
    urls = [page.context.get("page_url", "/") for page in pages]
    for path, data in _publishing_files(site, urls):
        staging.write(path, data)
    _copy_static(assets, staging)
    if options.pdf:  # printed from the staging folder: a failure leaves the previous site
        from . import pdf
        pdf.write_print_files(site, staging.path)


def _publishing_files(site, urls: list[str]):
    """sitemap.xml (when the base URL is absolute) and robots.txt."""
    listed = [u for u in urls if u.endswith("/") and not u.endswith("/print/")]  # print pages are noindex
    yield from sitemap.sitemap_files(site.config.absolute_base, listed)
    yield "robots.txt", sitemap.robots(site.config.absolute_base)


def _check_links(folder: Path, base_path: str, searched: bool) -> None:
    broken = [b for b in links.check_links(folder, base_path)
              if searched or not b.link.startswith(base_path + "pagefind/")]
    if broken:
        shown = "\n".join(b.format() for b in broken[:50])
        more = f"\n… and {len(broken) - 50} more" if len(broken) > 50 else ""
        raise SitegenError(f"{len(broken)} broken internal link(s):\n{shown}{more}")


def check_site(site_dir: Path, strict: bool | None = None) -> str:
    """Validate everything a build would read; write nothing."""
    site = load_site(site_dir, strict=strict)
    env = render.environment(site)
    render.check_templates(env)
    lines = [w.format() for w in site.warnings]
    lines.append(f"checked {len(site.notices)} notices, {len(site.tasks)} tasks, {len(site.units)} units: "
                 f"no errors, {len(site.warnings)} warning(s)")
    return "\n".join(lines)


def _output_folder(site_dir: Path, output: Path | None) -> Path:
    site_dir = Path(site_dir).resolve()
    output = Path(output).resolve() if output else site_dir / "output"
    if output == site_dir or output in site_dir.parents or output == site_dir / "content":
        raise SitegenError(f"{output}: the output folder cannot be the site or hold it — "
                           "choose an empty folder such as output/")
    return output


def _copy_static(assets: dict, staging: Staging) -> None:
    """Static files under their own names (static/) and fingerprinted names (assets/, cached long)."""
    for asset in assets.values():
        if asset.static:
            staging.write(f"static/{asset.relative}", asset.data)
        staging.write(f"assets/{asset.name}", asset.data)
