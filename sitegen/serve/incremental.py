"""`sitegen serve`'s rebuilds: one changed notice (or its progress file) patched into the model in memory.

The preview keeps the parsed files, the resolver's name indexes, the model and
the template environment of its last good build. When the only files that
changed are one notice's YAML and/or its progress file (the everyday edit), it

1. re-parses those files and resolves that one notice against the kept indexes
   (units, leaders, themes, statuses); an error leaves the model and the served
   site as they were;
2. swaps the notice into the model (sitegen/cache/patch.py): its old tasks are taken out of their units',
   leaders', themes' and jurisdiction's lists, the new ones put in, and every
   list restored to the order a full resolve gives;
3. compares each task before and after (everything a page can show of it), and
   re-renders at once the pages that show a changed task and that people are
   looking at: its own page, its notice's page, and the page of each unit,
   theme, leader and status listing it stands on if a browser asked for that
   page lately (as Hugo's fast render mode does) — then the reload signal goes;
4. after the reload signal, in a forked background process, re-renders the rest the
   change reaches, as the incremental engine decides from what each page declares it
   shows (sitegen/render/dependencies.py, as the --cache build does): the pages of those
   listings (all of them when a task joined or left one or its roll-up changed),
   printable lists, the notice's task pages, its jurisdiction's page, the pages that
   show everything (home, indexes), and, by the same rule, the data exports, feeds and
   badges the change reaches (sitegen/write/datafiles.py); files no longer produced are deleted.
   A newer change kills that process at once
   (so it never waits for it) and the next pass redoes what it had not
   reported done.

Files are written in place (serve's folder is its own), only when their bytes
changed, each by a rename so a reader never sees half a page. The result is the
site a full build gives, byte for byte (tests/test_serve_incremental.py).
Anything else — site.yaml, registries, jurisdictions, leaders, themes, templates,
a file added or removed, several notices at once, a notice that changes its id
or government — is a full build, as is the first change after a failed one.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import signal
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..build import BuildOptions, build
from ..cache.patch import FullBuild, patch
from ..content.load import source_file
from ..content.loadsite import load_keeping
from ..core.errors import Problems, SitegenError, rel
from ..render import render
from ..render.dependencies import Change, reaches
from ..render.theming import theme_dirs
from ..write import datafiles, sitemap
from ..write.write import MARKER, replace_file

if TYPE_CHECKING:
    import jinja2

    from ..content.load import RawSite
    from ..content.model import Site
    from ..content.resolve import Resolver

BACKGROUND_DELAY = 0.2  # seconds: let the browser fetch the reloaded page before the rest is rendered
VISITED = 200  # pages remembered as looked at (like Hugo's fast render mode)
# written by full builds only; never stale after a content edit
UNTRACKED = ("static/", "assets/", "pagefind/", "favicon.ico", MARKER)


def snapshot(paths: list[Path]) -> dict:
    found = {}
    for root in paths:
        files = [root] if root.is_file() else root.rglob("*")
        for path in files:
            try:
                stat = path.stat()
            except OSError:
                continue
            if not path.is_dir():
                found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


class Preview:
    """The served site's source state: what the last good build was made of."""

    def __init__(self, site_dir: Path, output: Path, search: bool | None):
        self.root = Path(site_dir).resolve()
        self.output = Path(output)
        self.search = search
        self.site: Site | None = None
        self.resolver: Resolver | None = None
        self.raw: RawSite | None = None
        self.env: jinja2.Environment | None = None
        self.files: dict = {}  # snapshot of the watched files the model was made from
        self.paths: set = set()  # files the last complete build or background pass produced
        self.pending: Change | None = None  # what the background pass still has to re-render
        self._thread: threading.Thread | None = None  # follows the background pass's process
        self._child: int | None = None  # that process, until reaped
        self._reaping = threading.Lock()
        self.temporary = self.output.parent / f".{self.output.name}.sitegen-tmp"  # files being written
        self.visited: collections.OrderedDict = collections.OrderedDict()  # pages browsers asked for, newest last

    def visit(self, relative: str) -> None:
        """A page was served: if it shows a changed task, it is re-rendered before the reload signal."""
        self.visited[relative] = None
        self.visited.move_to_end(relative)
        while len(self.visited) > VISITED:
            self.visited.popitem(last=False)

    def watched(self) -> list[Path]:
        paths = [self.root / "site.yaml", self.root / "content"]
        paths += theme_dirs(self.site) if self.site is not None else [self.root / "theme"]
        return [p for p in paths if p.exists()]

    # --- rebuilds -----------------------------------------------------------

    def update(self, now: dict | None = None) -> str:
        """Bring the served folder up to date with the files (`now`: their snapshot, if just taken);
        a summary line. Raises SitegenError."""
        self.stop_background()
        now = snapshot(self.watched()) if now is None else now
        if self.site is None:
            return self.full(now)
        changed = {p for p in now.keys() | self.files.keys() if now.get(p) != self.files.get(p)}
        if not changed:
            return "no changes"
        try:
            notice_id = self._one_notice(changed, now)
            return self.incremental(notice_id, now, changed)
        except FullBuild:
            return self.full(now)
        except SitegenError:
            raise
        except Exception as error:  # a bug here must not stop the preview: build it all
            print(f"incremental rebuild failed ({type(error).__name__}: {error}); building the whole site",
                  flush=True)
            return self.full(now)

    def full(self, now: dict) -> str:
        self.site = None
        site, resolver, raw = load_keeping(self.root)
        result = build(self.root, BuildOptions(output=self.output, search=self.search), site=site)
        env = render.environment(site)
        env.globals["print_files"] = False  # as in the build: serve writes no PDFs
        render.check_templates(env)  # compiled now, not on the first edit
        self.raw, self.resolver, self.env, self.pending = raw, resolver, env, None
        produced = (os.path.relpath(os.path.join(folder, name), self.output)
                    for folder, _, names in os.walk(self.output) for name in names)
        self.paths = {p for p in produced if not p.startswith(UNTRACKED)}
        self.site = site
        self.files = {**snapshot(self.watched()), **now}  # the theme folders are known now
        return result.summary()

    def _one_notice(self, changed: set, now: dict) -> str:
        """The id of the one notice whose file and/or progress file changed; else FullBuild."""
        notices = self.root / "content" / "notices"
        progress = self.root / "content" / "progress"
        assert self.site is not None  # called only when a build made one
        by_file = {n.file: n.id for n in self.site.notices}
        known = set(by_file.values())
        ids = set()
        content = self.root / "content"
        for name in changed:
            path = Path(name)
            if content in path.parents and path.suffix not in (".yaml", ".yml"):
                continue  # an editor's temporary or backup file: the build reads none of these
            if name not in now or name not in self.files or path.suffix != ".yaml":
                raise FullBuild  # added or removed
            if path.parent == notices and (shown := rel(path, self.root)) in by_file:
                ids.add(by_file[shown])
            elif path.parent == progress and path.stem in known:
                ids.add(path.stem)
            else:
                raise FullBuild
        if len(ids) != 1:
            raise FullBuild
        return ids.pop()

    def incremental(self, notice_id: str, now: dict, changed_files: set) -> str:
        started = time.perf_counter()
        site = self.site
        assert site is not None and self.raw is not None and self.env is not None  # called after a full build
        old = next(n for n in site.notices if n.id == notice_id)
        problems = Problems()
        kept = {s.shown: s for s in [*self.raw.notices, *self.raw.progress]}  # parsed data is only read

        def source(path: Path):
            if str(path) in changed_files or rel(path, self.root) not in kept:
                return source_file(path, self.root, problems)
            return kept[rel(path, self.root)]

        notice_source = source(self.root / old.file)
        progress_path = self.root / "content" / "progress" / f"{notice_id}.yaml"
        progress_source = source(progress_path) if progress_path.exists() else None
        order = {s.shown: i for i, s in enumerate(self.raw.notices)}
        done = patch(site, self.resolver, order, notice_id, notice_source, progress_source, problems)
        new, after, changed = done.new, done.after, done.changed
        self.raw.notices = [notice_source if s.shown == notice_source.shown else s for s in self.raw.notices]
        if progress_source is not None:
            self.raw.progress = [progress_source if s.shown == progress_source.shown else s
                                 for s in self.raw.progress]
        self.files = now

        # at once: the changed tasks' pages, their notice's, and the listings showing them that someone looks at
        pages = [page for page in render.pages_showing(site, new, [after[i] for i in after if i in changed])
                 if page.template in ("task.html", "notice.html") or page.path in self.visited]
        written = sum(self.write(page.path, render.render_page(self.env, page)) for page in pages)
        if self.pending is None:  # else a background pass was stopped: its work is still to do, and this
            self.pending = Change()
        self.pending.add(site, done)
        self.start_background({page.path for page in pages})
        return (f"updated {written} of {len(pages)} page(s) showing {len(changed)} changed task(s) of "
                f"{notice_id} in {time.perf_counter() - started:.3f} s")

    # --- the background pass --------------------------------------------------
    #
    # It runs in a forked child process, which a newer change kills at once (SIGKILL): every file is written
    # under a temporary name outside the served folder and renamed into place, so a killed pass leaves whole
    # files only. The child tells the parent, through a pipe, each file it is about to write (so the files a
    # killed pass created are known to the next one's stale-file cleanup) and, at the end, what it produced.
    # Until that end is reported the pass's work stays pending and the next pass redoes it.

    def start_background(self, done: set) -> None:
        assert self.pending is not None  # what incremental() left to re-render
        self.paths |= done  # written before the signal: a later pass deletes them if they are no longer produced
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: render, report, exit without running the parent's clean-ups
            status = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the parent, which kills this pass
                os.close(read)
                with os.fdopen(write, "w", encoding="utf-8") as report:
                    self._background(self.pending, done, report)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._child = pid
        self._thread = threading.Thread(target=self._follow, args=(pid, read), name="sitegen-serve-rest",
                                        daemon=True)
        self._thread.start()

    def stop_background(self) -> None:
        """Kill the background pass, if any; what it had not reported done stays pending."""
        if self._thread is not None:
            with self._reaping:
                if self._child is not None:
                    os.kill(self._child, signal.SIGKILL)
            self._thread.join()
            self._thread = None

    def wait(self) -> None:
        """Until the background pass is finished (tests)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _follow(self, pid: int, read: int) -> None:
        """The parent's side of a background pass: read its reports, reap it, take in what it did."""
        touched, result = set(), None
        with os.fdopen(read, encoding="utf-8") as reports:
            for line in reports:
                try:
                    message = json.loads(line)
                except ValueError:
                    break  # a line cut short by the kill
                if "writing" in message:
                    touched.add(message["writing"])
                else:
                    result = message
        with self._reaping:
            os.waitpid(pid, 0)
            self._child = None
        self.paths |= touched
        if result is not None and "produced" in result:
            self.paths, self.pending = set(result["produced"]), None
            print(f"… and {result['written']} more file(s) updated ({result['seconds']:.2f} s, background)",
                  flush=True)
        elif result is not None and "failed" in result:
            self.site = None
            print(f"updating the rest of the site failed ({result['failed']}); the next change rebuilds it all",
                  flush=True)

    def _background(self, affected: Change, done: set, report) -> None:
        """In the child process: re-render what may show the change, write the exports, delete stale files."""
        time.sleep(BACKGROUND_DELAY)
        started = time.perf_counter()
        try:
            site, env = self.site, self.env
            assert site is not None and env is not None  # started by incremental()
            pages = list(render.pages(site))
            produced, written = set(), 0
            for page in pages:
                produced.add(page.path)
                if page.path not in done and reaches(page.shows, affected):
                    written += self.write(page.path, render.render_page(env, page), report)
            for group in datafiles.groups(site, affected, self.previous):
                chosen = reaches(group.shows, affected)
                for file in group.files():
                    produced.add(file.path)
                    if chosen:
                        written += self.write(file.path, file.make(), report)
            urls = [page.context.get("page_url", "/") for page in pages]
            for path, data in sitemap.publishing_files(site, urls):
                produced.add(path)
                written += self.write(path, data, report)
            for path in self.paths - produced:
                with contextlib.suppress(OSError):
                    os.unlink(self.output / path)
            result = {"produced": sorted(produced), "written": written, "seconds": time.perf_counter() - started}
        except Exception as error:  # the next change builds the whole site
            result = {"failed": f"{type(error).__name__}: {error}"}
        report.write(json.dumps(result, ensure_ascii=False) + "\n")

    def previous(self, relative: str) -> bytes:
        """A file of the served folder as the last build or pass left it (a data file no change since has
        reached: sitegen/write/datafiles.py)."""
        with open(os.path.join(self.output, relative), "rb") as handle:
            return handle.read()

    def write(self, relative: str, data, report=None) -> bool:
        """Write a file of the served folder if its bytes changed; True when written."""
        data = data.encode("utf-8") if isinstance(data, str) else data
        target = os.path.join(self.output, relative)
        try:
            with open(target, "rb") as handle:
                if handle.read() == data:
                    return False
        except OSError:
            pass
        if report is not None:  # told before the file can exist, so a kill never hides it from the cleanup
            report.write(json.dumps({"writing": relative}, ensure_ascii=False) + "\n")
            report.flush()
        replace_file(target, data, temporary_dir=self.temporary)  # the temporary file outside the served folder
        return True
