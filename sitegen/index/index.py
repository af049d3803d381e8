"""Stage 5, index: the Pagefind search index of the site's tasks and notices.

Always Pagefind's *extended* binary (`pagefind_extended`, from the
`pagefind_bin_extended` wheel that `pagefind[extended]` installs), never a plain
`pagefind` or whatever is on PATH.

The records are made from the model (sitegen/render/searchrecord.py), not read back from
the written pages, and fed to Pagefind's service (`pagefind_extended --service`,
the protocol of its Python and Node APIs) as small HTML documents, which keep
`data-pagefind-weight`: one record per task, one per notice. docs/search.md says
what a record holds and why; docs/performance.md what it costs.

Up to `MIN_SHARD_PAGES` records it is one index in pagefind/. Above that the
notices are cut, whole and in order of publication date, into about `SHARDS`
shards (`shard_limit`, `plan`), one Pagefind service per shard, several at a
time within a memory budget (`Indexing`, sitegen/core/limits.py), so memory is
bounded by the shards being indexed: the first shard's bundle goes to
pagefind/, the others to pagefind/1/, pagefind/2/, … Either way
pagefind/shards.json lists the bundles, which the search page merges
(Pagefind's `mergeIndex`), and pagefind/sitegen.json holds what the search page
needs to widen a query (variants.py). Pagefind's files are taken through its
service and written in a fixed order (searchbundle.py), so the same records
give the same files, whichever service ends first. A `--cache` build after
notice edits indexes the edited notices into an overlay that masks their
records in the shards (overlay.py), or, past its size, indexes again only the
shards the edits reach (`start_update`).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from ..core import limits
from ..core.errors import SitegenError
from ..render import searchrecord, searchvariants
from ..render.dependencies import Shows, reaches
from . import overlay, searchbundle

EXTENDED_NAMES = ("pagefind_extended", "pagefind_extended.exe")
# The override, for people who build Pagefind themselves; it must still be an extended build.
ENV_BINARY = "SITEGEN_PAGEFIND_BINARY"
# Above this many records the index is built in shards of at most about this many records, so that
# Pagefind's memory, which grows with the shard, stays far below the build's limit (docs/performance.md).
# SITEGEN_SEARCH_SHARD_PAGES overrides it.
SHARD_PAGES = 8_000
ENV_SHARD_PAGES = "SITEGEN_SEARCH_SHARD_PAGES"
# Pagefind services at the same time at most (default: the usable cores; docs/search.md); 1 indexes the
# shards one after the other.
ENV_JOBS = "SITEGEN_SEARCH_JOBS"
# Below that bound a site is cut into about SHARDS shards, whatever its size, so that a `--cache` build
# after a notice edit, which indexes again only the changed notice's shard, costs a small share of a clean
# build's index (docs/performance.md); each shard costs a reader's first query one more index chunk per
# word. The size is a power of two, at least MIN_SHARD_PAGES: it changes only when the site doubles.
SHARDS = 16
MIN_SHARD_PAGES = 512
BUNDLE = "pagefind"  # the bundle folder in the output; shard n > 0 goes to pagefind/<n>/
MANIFEST = "shards.json"  # pagefind/shards.json: the bundles the search page merges
VARIANTS = "sitegen.json"  # pagefind/sitegen.json: traditional -> simplified table and synonyms (search.js)
# Every record's language: one index. Not zh: records are already one word per character
# (searchrecord.py), and for zh Pagefind would run its word segmenter over every character again, for
# nothing but time (docs/performance.md); "und" (undetermined) has no segmenter and no stemmer.
# The search page still cuts queries as Chinese: Pagefind's script segments by the page's lang.
LANGUAGE = "und"


def binary() -> Path:
    """The extended Pagefind binary, or a clear error saying how to install it."""
    override = os.environ.get(ENV_BINARY)
    if override:
        path = Path(override)
    else:
        try:
            from pagefind_bin_extended import get_executable
        except ImportError:
            raise SitegenError("the search index needs Pagefind's extended binary (Chinese word segmentation), "
                               "which is not installed — run: pip install 'pagefind[extended]', "
                               "or build with --no-search") from None
        try:
            path = get_executable()
        except (FileNotFoundError, OSError) as error:
            raise SitegenError(f"Pagefind's extended binary is broken: {error} — reinstall it with "
                               "pip install --force-reinstall pagefind_bin_extended, "
                               "or build with --no-search") from None
    if path.name not in EXTENDED_NAMES:
        raise SitegenError(f"{path}: not Pagefind's extended binary (pagefind_extended), which Chinese word "
                           "segmentation needs — install it with pip install 'pagefind[extended]'")
    if not path.is_file():
        raise SitegenError(f"{path}: Pagefind's extended binary is missing — pip install 'pagefind[extended]', "
                           "or build with --no-search")
    return path


def version() -> str:
    """e.g. 'pagefind_extended 1.5.2'."""
    path = binary()
    result = subprocess.run([str(path), "--version"], capture_output=True, text=True, check=False)
    return f"{path.name.removesuffix('.exe')} {result.stdout.strip().removeprefix('pagefind ').strip()}"


def command() -> list[str]:
    """Pagefind's service: reads requests on stdin, answers on stdout."""
    return [str(binary()), "--service"]


def shard_pages() -> int:
    """The shard size: SITEGEN_SEARCH_SHARD_PAGES if set, else SHARD_PAGES."""
    value = os.environ.get(ENV_SHARD_PAGES, "").strip()
    if not value:
        return SHARD_PAGES
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        number = 0
    if number < 1:
        raise SitegenError(f"{ENV_SHARD_PAGES}={value!r}: expected a whole number of pages, at least 1")
    return number


def shard_limit(found: list) -> int:
    """The most records a shard of these notices holds: the power of two that cuts them into at most about
    SHARDS shards, at least MIN_SHARD_PAGES, at most shard_pages()."""
    total = sum(n.pages for n in found)
    size = MIN_SHARD_PAGES
    while size * SHARDS < total:
        size *= 2
    return min(size, shard_pages())


@dataclass(frozen=True)
class IndexedNotice:
    """A notice's folder under notices/, as the index sees it."""

    name: str  # the folder (the notice's id)
    date: str  # its search sort key (publication date, ISO), "" when it has none
    pages: int  # records: the notice page and its task pages


@dataclass(frozen=True)
class Shard:
    path: str  # the bundle folder, relative to pagefind/: "./" for the first, then "1/", "2/", …
    notices: tuple[IndexedNotice, ...]

    @property
    def pages(self) -> int:
        return sum(n.pages for n in self.notices)


def count_pages(folder: Path) -> int:
    """Records in a written index: the sum over the bundles of pagefind/shards.json, less what the overlay
    masks (overlay.py)."""
    manifest = json.loads((folder / BUNDLE / MANIFEST).read_text(encoding="utf-8"))
    layer = manifest.get("overlay") or {"pages": 0, "masked": []}
    return sum(shard["pages"] for shard in manifest["shards"]) + layer["pages"] - len(layer["masked"])


def notices(site) -> list[IndexedNotice]:
    """Every notice with its date and record count (itself and its tasks), in date order (then by id)."""
    found = [IndexedNotice(n.id, n.published.isoformat() if n.published else "", 1 + len(n.tasks))
             for n in site.notices]
    return sorted(found, key=lambda n: (n.date, n.name))


def plan(found: list[IndexedNotice], limit: int) -> list[Shard]:
    """Whole notices, in the given (date) order, cut into shards of up to about `limit` records where the
    notices themselves say (content-defined, as rsync and restic cut files): a shard ends after a notice
    once it holds `limit` records, or earlier, once it holds half of them, after a notice its id picks
    (`_picks`). A notice whose records change in number then seldom moves another notice to another shard
    (a cut at fixed positions would move notices across every later cut), so a `--cache` build mostly
    re-indexes only the shard of a changed notice (`start_update`)."""
    groups: list[list[IndexedNotice]] = []
    group: list[IndexedNotice] = []
    size = 0
    for notice in found:
        group.append(notice)
        size += notice.pages
        if size >= limit or (size >= limit / 2 and _picks(notice, limit)):
            groups.append(group)
            group, size = [], 0
    if group:
        groups.append(group)
    return [Shard(f"{n}/" if n else "./", tuple(g)) for n, g in enumerate(groups)]


def _picks(notice: IndexedNotice, limit: int) -> bool:
    """Whether a shard holding half its records or more may end after `notice`: with a chance of its
    records in half the limit, from a hash of its id (the same on every machine), so that where a shard
    ends depends little on the notices' sizes."""
    draw = int.from_bytes(hashlib.sha1(notice.name.encode("utf-8")).digest()[:8], "big") / 2**64
    return draw < notice.pages / (limit / 2)


def jobs() -> int:
    """Pagefind services at the same time at most: SITEGEN_SEARCH_JOBS if set, else the usable cores."""
    value = os.environ.get(ENV_JOBS, "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise SitegenError(f"{ENV_JOBS}={value!r}: expected a whole number of Pagefind services, at least 1")
        return int(value)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def memory(shard: Shard) -> int:
    """The bytes Pagefind is expected to take at most while it indexes `shard` (limits.PAGEFIND_*)."""
    return limits.PAGEFIND_SERVICE_BYTES + shard.pages * limits.PAGEFIND_RECORD_BYTES


class Stopped(Exception):
    """The index was stopped because the build failed elsewhere: there is nothing of its own to report."""


class Indexing:
    """Some shards of `planned` indexed by Pagefind's services on threads of their own, taken in shard order,
    up to `jobs()` at a time while the memory they are expected to take stays within
    limits.PAGEFIND_MEMORY_BYTES (`memory`; one shard always runs). Each shard's files come back through
    `GetFiles` in memory, put in canonical order (searchbundle.py): the same bytes whichever service ends
    first. With a `folder` each bundle is written into it as soon as it is done, else kept until `write`.
    `join` waits and returns {number: (manifest entry, canonical files or None once written)}, or raises
    the first failure, which stopped the other services; `stop` kills every service and waits for the
    threads. What reads the site as a whole (filter names, variants table) is made before the threads
    start: while they run, a `--cache` build renders from the same model and may for a while cut its
    lists of units, leaders and themes down (patchbuild._listings_of); a record reads only its notice."""

    def __init__(self, site, planned: list[Shard], numbers, limit: int, folder: Path | None = None):
        self.site, self.planned, self.limit, self.folder = site, planned, limit, folder
        self.sharded = len(planned) > 1 or sum(s.pages for s in planned) > limit
        self.by_id = {n.id: n for n in site.notices}
        self.names = searchrecord.FilterNames(site)
        self.variants = json.dumps(searchvariants.table(site), ensure_ascii=False, sort_keys=True) + "\n"
        self.command = command()  # a missing binary reported now, not from a thread
        self.written: set[str] = set()
        self.done: dict[int, tuple[dict, dict | None]] = {}
        self.stopped = False
        self.failure: BaseException | None = None
        self._todo = list(numbers)
        self._indexing = 0  # the memory of the shards being indexed now (`memory`)
        self._processes: set = set()
        self._lock = threading.Condition()
        count = min(jobs(), len(self._todo))
        self._threads = [threading.Thread(target=self._work, name="search-shard", daemon=True)
                         for _ in range(count)]
        for thread in self._threads:
            thread.start()

    def join(self) -> dict[int, tuple[dict, dict | None]]:
        for thread in self._threads:
            thread.join()
        if self.failure is not None:
            raise self.failure
        if self.stopped:
            raise Stopped()
        return self.done

    def stop(self) -> None:
        self._stop()
        for thread in self._threads:
            thread.join()

    def write(self, folder: Path) -> None:
        """The bundles kept in memory written into folder/pagefind/, in shard order."""
        for number in sorted(self.done):
            entry, files = self.done[number]
            if files is not None:
                self._write(folder, number, files)
                self.done[number] = entry, None

    def _work(self) -> None:
        while True:
            with self._lock:
                while (self._todo and not self.stopped and self._indexing
                       and self._indexing + memory(self.planned[self._todo[0]]) > limits.PAGEFIND_MEMORY_BYTES):
                    self._lock.wait()
                if self.stopped or not self._todo:
                    return
                number = self._todo.pop(0)
                taken = memory(self.planned[number])
                self._indexing += taken
            try:
                self.done[number] = self._shard(number)
            except BaseException as error:  # the first error stops the other shards; raised by join()
                self._fail(error)
                return
            finally:
                with self._lock:
                    self._indexing -= taken
                    self._lock.notify_all()

    def _shard(self, number: int) -> tuple[dict, dict | None]:
        shard = self.planned[number]
        where = f"shard {number + 1} of {len(self.planned)}, {shard.pages:,} pages" if self.sharded else ""
        records = (page for n in shard.notices for page in self._records(n, shard.path == overlay.PATH))
        pages, files = _run(self, records, where, self.limit)
        entry: dict = {"path": shard.path, "pages": pages}
        if self.sharded:
            entry.update(notices=len(shard.notices), dates=[shard.notices[0].date, shard.notices[-1].date])
        files = searchbundle.canonical(files)
        if self.folder is None:
            return entry, files
        self._write(self.folder, number, files)
        return entry, None

    def _records(self, notice: IndexedNotice, layered: bool):
        records = searchrecord.pages(self.site, self.by_id[notice.name], self.names)
        return overlay.marked(records, notice.date) if layered else records

    def _write(self, folder: Path, number: int, files: dict) -> None:
        path = self.planned[number].path
        out = folder / BUNDLE / path if path != "./" else folder / BUNDLE
        prefix = f"{BUNDLE}/{path}" if path != "./" else f"{BUNDLE}/"
        paths = [prefix + p for p in searchbundle.write(out, files)]
        with self._lock:
            self.written.update(paths)

    def spawn(self, argv: list, log) -> subprocess.Popen | None:
        """Pagefind's service started and kept track of; None once stopped. The index runs after the pages,
        so no render worker is forked while a service starts."""
        with self._lock:
            if self.stopped:
                return None
            process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
            self._processes.add(process)
            return process

    def forget(self, process: subprocess.Popen) -> None:
        with self._lock:
            self._processes.discard(process)

    def _fail(self, error: BaseException) -> None:
        with self._lock:
            if self.stopped:  # stopped already: this shard's error is that it was stopped
                return
            self.failure = error
        self._stop()

    def _stop(self) -> None:
        with self._lock:
            self.stopped = True
            for process in self._processes:
                process.kill()
            self._lock.notify_all()


def index(folder: Path, site, limit: int | None = None) -> list[dict]:
    """Index `site`'s task and notice records (searchrecord.py) with Pagefind's extended binary, fed
    through its service (no page is read): writes folder/pagefind/ — in shards above `limit` records
    (default: shard_limit()), several at a time (`Indexing`) — folder/pagefind/shards.json and the search
    page's variants table (pagefind/sitegen.json), replacing any pagefind/ already there. Returns the
    manifest's shards."""
    found = notices(site)
    limit = shard_limit(found) if limit is None else limit
    bundle = folder / BUNDLE
    if bundle.exists():  # a stale shard of an earlier run must not be merged
        shutil.rmtree(bundle)
    planned = _planned(found, limit)
    job = Indexing(site, planned, range(len(planned)), limit, folder)
    try:
        job.join()
    except BaseException:
        job.stop()
        raise
    return _close(folder, planned, job, {})[0]


class Update:
    """`sitegen build --cache` after notice edits (`start_update`): the overlay indexed (overlay.py), or the
    shards to index again, from the patched model on threads of their own (`Indexing`, bundles kept in
    memory); `finish` brings the staged pagefind/ level, `stop` kills the services."""

    def __init__(self, twin: Path, site, before: list[IndexedNotice], change):
        found = notices(site)
        self.limit = limit = shard_limit(found)
        document = _manifest(twin)
        self.state = overlay.State.of(document)
        before = overlay.base(before, self.state)  # the notices as the shards were cut
        if shard_limit(before) != limit:  # the site doubled or halved: every shard is cut anew
            before = []
        self.old, self.new = _planned(before, limit), _planned(found, limit)
        listed = document.get("shards") if document else None
        manifest: list = listed if isinstance(listed, list) else []
        self.anew = not manifest or ([(s.get("path"), s.get("pages")) for s in manifest]
                                     != [(s.path, s.pages) for s in self.old])
        by_id = {n.id: n for n in site.notices}
        edited = {n.name for n in found if reaches(Shows(notices=(by_id[n.name],)), change)}
        self.layered = [n for n in found if n.name in edited or n.name in self.state.notices]
        layered = {n.name for n in self.layered}
        same = [n for n in found if n.name not in layered] == [n for n in before if n.name not in layered]
        self.overlaid = (not self.anew and len(self.old) > 1 and same and len(found) == len(before)
                         and sum(n.pages for n in self.layered) <= overlay.pages())
        self.kept: dict = {}
        if self.overlaid:
            self.kept = dict(enumerate(manifest))
            self._mask(twin, site, edited - set(self.state.notices), before)
            self.job = Indexing(site, [Shard(overlay.PATH, tuple(self.layered))], [0], limit)
            return
        if not self.anew:
            self.kept = {number: manifest[number] for number, shard in enumerate(self.new)
                         if number < len(self.old) and self.old[number].notices == shard.notices
                         and not any(n.name in edited or n.name in self.state.notices for n in shard.notices)}
        self.job = Indexing(site, self.new, [n for n in range(len(self.new)) if n not in self.kept], limit)

    def _mask(self, twin: Path, site, names: set, before: list[IndexedNotice]) -> None:
        """The notices `names`, newly in the overlay, added to its state: their records in the shards masked."""
        urls = {n.id: n.url for n in site.notices}
        cut = {n.name: n for n in before}
        for shard in self.old:
            prefixes = tuple(urls[n.name] for n in shard.notices if n.name in names)
            if prefixes:
                bundle = twin / BUNDLE / shard.path if shard.path != "./" else twin / BUNDLE
                ids, uncount = overlay.masked_records(bundle, prefixes)
                cuts = {n.name: (cut[n.name].date, cut[n.name].pages) for n in shard.notices if n.name in names}
                self.state.add(cuts, ids, uncount)

    def finish(self, folder: Path) -> tuple[list[dict], int, set, set]:
        """The services joined, then folder/pagefind/ (the twin's index) brought level: what `start_update` says."""
        self.job.join()
        bundle = folder / BUNDLE
        removed: set[str] = _remove_shard(folder, overlay.PATH)
        if self.anew and bundle.exists():
            removed = {str(p.relative_to(folder)) for p in bundle.rglob("*") if p.is_file()}
            shutil.rmtree(bundle)
        elif not self.anew and not self.overlaid:
            for number, shard in enumerate(self.old):
                if number not in self.kept:
                    removed.update(_remove_shard(folder, shard.path))
        self.job.write(folder)
        if self.overlaid:
            shards = list(self.kept.values())  # every shard, as the twin's manifest lists them
            entry = self.state.entry(self.job.done[0][0]["pages"], [n.date for n in self.layered])
            written = self.job.written | _close_manifest(folder, {"shards": shards, "overlay": entry}, self.job)
            return shards, 0, written, removed - written
        shards, written = _close(folder, self.new, self.job, self.kept)
        return shards, len(shards) - len(self.kept), written, removed - written

    def stop(self) -> None:
        self.job.stop()


def start_update(twin: Path, site, before: list[IndexedNotice], change) -> Update:
    """`sitegen build --cache` after notice edits: `twin` holds the index of the model before them (`before`:
    its notices(), as the cached model had them). When the index is sharded and the notices edited since
    its shards were made (the incremental engine says which, from `change`: a record shows its notice
    whole, sitegen/render/dependencies.py) hold at most overlay.pages() records, their records are indexed
    into the overlay and masked in the shards, which are all kept (overlay.py). Otherwise only the shards
    whose records may differ, whose notices are not the same or that hold a notice of the overlay are
    indexed again, the others kept as they are, and the bundle is the one `index` writes for `site`, byte
    for byte (searchbundle.py). Update.finish(folder) completes it into `folder` and returns the
    manifest's shards, how many were indexed again, and the files written and removed, relative to
    `folder`."""
    return Update(twin, site, before, change)


def _planned(found: list[IndexedNotice], limit: int) -> list[Shard]:
    """The shards: one of every notice up to `limit` records, else `plan`'s."""
    return plan(found, limit) if sum(n.pages for n in found) > limit else [Shard("./", tuple(found))]


def _close(folder: Path, planned: list[Shard], job: Indexing, kept: dict) -> tuple[list[dict], set]:
    """The manifest (the `kept` shards' entries, already in place, and the indexed ones') and the variants
    table written; (the manifest's shards, the index's files written)."""
    shards = [kept[n] if n in kept else job.done[n][0] for n in range(len(planned))]
    return shards, job.written | _close_manifest(folder, {"shards": shards}, job)


def _close_manifest(folder: Path, document: dict, job: Indexing) -> set:
    """pagefind/shards.json and the variants table written; their paths, relative to `folder`."""
    manifest = json.dumps(document, ensure_ascii=False) + "\n"
    own = searchbundle.write(folder / BUNDLE, {MANIFEST: manifest.encode("utf-8"),
                                               VARIANTS: job.variants.encode("utf-8")})
    return {f"{BUNDLE}/{p}" for p in own}


def _manifest(folder: Path) -> dict | None:
    """folder/pagefind/shards.json, or None when it is missing or cannot be read."""
    try:
        document = json.loads((folder / BUNDLE / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def _remove_shard(folder: Path, path: str) -> set:
    """Delete one shard's bundle (pagefind/<n>/, or for the first the files of pagefind/ outside the other
    shards' folders, the manifest and the variants table); the files removed, relative to `folder`."""
    bundle = folder / BUNDLE
    top = bundle / path if path != "./" else bundle
    if not top.is_dir():
        return set()
    removed: set[str] = set()
    for entry in top.iterdir():
        if path == "./" and (entry.name.isdigit() or entry.name in (MANIFEST, VARIANTS, overlay.NAME)):
            continue
        files = [p for p in entry.rglob("*") if p.is_file()] if entry.is_dir() else [entry]
        removed.update(str(p.relative_to(folder)) for p in files)
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    if path != "./":
        shutil.rmtree(top)
    return removed


# what Pagefind prints when the system refuses it memory or threads (it then panics rather than being killed)
STARVED = ("Resource temporarily unavailable", "memory allocation", "Cannot allocate memory", "out of memory")


def _message(number: int, payload: dict) -> bytes:
    """One request of Pagefind's service protocol (what its Python and Node APIs send): base64 JSON, then a comma."""
    return base64.b64encode(json.dumps({"message_id": number, "payload": payload}).encode("utf-8")) + b","


def _run(job: Indexing, records, where: str, limit: int) -> tuple[int, dict]:
    """Pagefind's service (`pagefind_extended --service`), one index: every (url, html) record added, then
    the bundle's files asked for (`GetFiles`, written by searchbundle.py); (records indexed, relative path ->
    bytes). Spoken to directly rather than through the `pagefind` package's PagefindIndex, which sleeps
    before reading each reply (docs/search.md). Requests are written from a thread while the replies are
    read, so neither pipe fills."""
    what = f" ({where})" if where else ""
    log = tempfile.TemporaryFile()  # noqa: SIM115 - Pagefind's stderr, read and closed after the run (finally below)
    try:
        process = job.spawn(job.command, log)
    except OSError as error:
        log.close()
        raise SitegenError(f"cannot run Pagefind: {error}") from None
    if process is None:
        log.close()
        raise Stopped()
    stdin, stdout = process.stdin, process.stdout
    assert stdin is not None and isinstance(stdout, io.BufferedReader)  # the pipes asked for, buffered
    sent = [0]
    failed: list = []

    def send() -> None:
        try:
            stdin.write(_message(0, {"type": "NewIndex", "config": {"exclude_selectors": [],
                                                                     "force_language": LANGUAGE}}))
            for url, html in records:
                sent[0] += 1
                stdin.write(_message(sent[0], {"type": "AddFile", "index_id": 0, "url": url,
                                               "file_path": None, "file_contents": html}))
            sent[0] += 1
            stdin.write(_message(sent[0], {"type": "GetFiles", "index_id": 0}))
            stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # the service died: reported from its exit status below
        except BaseException as error:  # a record that cannot be made: re-raised in the caller
            failed.append(error)
            process.kill()

    writer = threading.Thread(target=send, name="pagefind-records", daemon=True)
    writer.start()
    pages, done, errors, files = 0, False, [], {}
    try:
        pending: list[bytes] = []  # the reply being read: the files' reply is megabytes, read in many chunks
        while not done:
            chunk = stdout.read1(1 << 16)
            if not chunk:
                break
            if b"," not in chunk:
                pending.append(chunk)
                continue
            *replies, rest = chunk.split(b",")
            replies[0] = b"".join(pending) + replies[0]
            pending = [rest]
            for reply in replies:
                payload = json.loads(base64.b64decode(reply))["payload"]
                if payload["type"] == "Error":
                    errors.append(payload.get("message", ""))
                elif payload["type"] == "IndexedFile":
                    pages += 1
                elif payload["type"] == "GetFiles":
                    files = {f["path"]: base64.b64decode(f["content"]) for f in payload["files"]}
                    done = True
    finally:
        # killed even when done (its files are all in hand): a render worker forked since it started holds
        # its input open, so it would not see the end of it
        process.kill()
        returncode = process.wait()
        job.forget(process)
        writer.join()
        with contextlib.suppress(OSError):  # what was left unsent when it failed
            stdin.close()
        stdout.close()
        log.seek(0)
        said = log.read().decode("utf-8", "replace").strip()
        detail = said.splitlines()[-5:]
        log.close()
    if failed:
        raise failed[0]
    if not done and (returncode < 0 or any(sign in said for sign in STARVED)):  # killed or starved
        how = f"was killed by signal {-returncode}" if returncode < 0 else "was refused the memory or threads it needs"
        raise SitegenError(f"the search index failed: Pagefind {how}{what}, "
                           "most likely out of memory — it needs about 100 kB per record and indexes up to "
                           f"{limit:,} records at a time: set {ENV_SHARD_PAGES} lower (docs/search.md), or build "
                           "with --no-search to skip the index")
    if errors or not done:
        raise SitegenError(f"the search index failed (Pagefind{what}): " + " / ".join((errors or detail)[-5:])
                           + " — build with --no-search to skip it")
    return pages, files
