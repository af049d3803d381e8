"""`sitegen build --cache DIR`, the model cache: what a build after a notice edit starts from.

Beside the page cache (sitegen/cache/cache.py, pages/), the cache folder keeps

- model.pickle: the resolved model of the last build and the resolver's name
  indexes (what sitegen/serve/incremental.py's `patch` needs), the digest of every
  input file it was made from, and the key of what else shaped it (sitegen's
  code, library versions, --as-of, --base-url, --no-search, Pagefind's version
  and shard size);
- tree/: a twin of that build's output (its search index included), its files
  hard links to the output's (the same file system) or copies (another one);
  the model holds a digest of every file's bytes and one digest of tree/'s
  listing (each file's path and inode), which a build on the same machine
  checks instead of reading the files;
- inputs.json: each input file's digest with the stat it had when it was taken,
  sealed like the model, so that the next build reads again only the files
  whose stat changed (`input_digests`).

A build whose inputs differ from the model's only in notice and progress files
(sitegen/cache/patchbuild.py) patches those notices into the unpickled model, stages
the output as hard links to tree/, and rewrites only the files that can differ.

The two must describe the same build: model.pickle is deleted before tree/ is
touched and written again (whole, by a rename) after, so a build killed in
between leaves no model and the next build takes the full path, which makes
both afresh. Since tree/ shares its files with the output, a file of the output
changed in place (not replaced) changes tree/ too: change the output only by
building it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import importlib.metadata
import json
import os
import pickle
import shutil
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.load import gc_paused
from ..content.model import newest_date
from ..core.errors import rel
from ..core.options import Settings
from ..core.pathguard import PACKAGE
from ..index import index
from ..render.theming import theme_dirs
from ..write.write import content_digest, remove_empty_folders, remove_in_background, replace_file
from . import cachekey

if TYPE_CHECKING:
    from ..content.model import Site
    from ..content.resolve import Resolver

VERSION = "sitegen-model-cache-4"
MODEL = "model.pickle"
HINTS = "inputs.json"  # each input file's digest with its size, times and inode when it was taken (`input_digests`)
TREE = "tree"
SEARCH = "pagefind"  # the search index: written by Pagefind's step, not through the staging folder
# per-build tables in site.__dict__ (rollup, render.memo), keyed by ids or holding template parts; the table of
# task states is kept (keyed by the tasks themselves: `patch` drops a patched notice's), so a --cache build does
# not work out every task's state again for the site-wide roll-ups
CACHES = ("_rollups", "_fragments")
LIBRARIES = ("jinja2", "markdown", "nh3", "PyYAML")
RACY = 2 * 10**9  # nanoseconds: a file changed this shortly before its digest is taken is read again next time
DEEP = 1_000_000  # recursion limit while (un)pickling: the model is a deep graph (unit -> role -> task -> notice …)
STACK = 512 * 2**20  # the thread's C stack for that depth


@dataclass
class Saved:
    """What model.pickle holds."""

    key: tuple
    inputs: dict  # site-relative path -> digest of every file the model was made from
    themes: str  # digest of the theme folders
    site: Site
    resolver: Resolver
    notice_files: list  # content/notices/*.yaml as shown, in the order read_site reads them
    progress_files: list
    output: str = ""  # the output folder tree/ is the twin of
    pages: int = 0  # how many pages that output has
    files: dict = field(default_factory=dict)  # tree/'s files: relative path -> digest (checked before use)
    listing: str = ""  # digest of tree/'s files and their inodes as the build left them (`_listing`)


class ModelCache:
    def __init__(self, folder: Path, root: Path, options: Settings):
        self.folder = Path(folder).resolve()
        self.root = Path(root).resolve()
        self.tree = self.folder / TREE
        self.model = self.folder / MODEL
        self.note = ""  # why the model cache was not used, for the build's summary
        self.as_of_given = options.as_of is not None
        self.pdf = options.pdf  # PDFs are printed from every print page: no twin, no patched build
        self.key = (VERSION, sys.version, *map(_version, LIBRARIES), _code_digest(),
                    str(options.as_of), options.base_url, options.search,
                    (index.version(), index.shard_pages()) if options.search else None)  # what shaped the index
        self._lock = None
        self.secret, why = cachekey.key(self.folder)
        # before anything is read: a file edited during the build is seen as changed by the next one
        self.inputs, self._stats = input_digests(self.root, self._hints())
        if self.secret is None:
            self.note = why
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = open(self.folder / ".lock", "w")  # noqa: SIM115 - held for the build, closed by release()
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.release()
            self.note = "the cache folder is in use by another build: its model is neither read nor written"
            return
        for stale in self.folder.glob(f".{TREE}.*"):  # left by a killed build: never the twin
            try:
                self._discard(stale)  # under a unique name first: this build may make a new .tree.next
            except OSError:
                continue

    @property
    def usable(self) -> bool:
        return self._lock is not None

    def release(self) -> None:
        if self._lock is not None:
            self._lock.close()
        self._lock = None

    # --- reading ----------------------------------------------------------------

    def load(self) -> Saved | None:
        """The saved model if it was made with this key and tree/ is there; else None (and `note` says why)."""
        if not self.usable or self.secret is None:  # (a usable cache has its key)
            return None
        if self.pdf:
            self.note = "--pdf builds are full builds"
            return None
        if not self.model.is_file() or not self.tree.is_dir():
            self.note = "no cached model yet"
            return None
        with open(self.model, "rb") as handle:
            data = cachekey.opened(self.secret, MODEL, handle.read())
        if data is None:  # planted or edited: never unpickled
            self.note = ("the cached model did not verify against the cache key (edited, or made with another key): "
                         "ignored")
            self.forget()
            return None
        try:
            with gc_paused():  # millions of objects and no garbage: the collector would walk them again and again
                saved = _deep(lambda: pickle.loads(data))
            if not isinstance(saved, Saved):
                raise TypeError("not a sitegen model")
        except Exception as error:  # a damaged cache costs a full build, never the build
            self.note = f"the cached model could not be read ({type(error).__name__}); it is made again"
            self.forget()
            return None
        if saved.key != self.key:
            self.note = "sitegen, its libraries or the build options changed since the cached model"
            return None
        if not self.as_of_given and not saved.resolver.config_data.get("as_of") \
                and newest_date(saved.site.notices) is None and saved.site.config.as_of != dt.date.today():
            self.note = "the date changed (progress is shown as of today)"
            return None
        if _digest_folders(theme_dirs(saved.site)) != saved.themes:
            self.note = "a theme file changed"
            return None
        return saved

    def changed_notices(self, saved: Saved) -> list | None:
        """Ids of the notices whose notice or progress file changed; None (and a note) when anything else changed."""
        now, then = self.inputs, saved.inputs
        if now.keys() != then.keys():
            self.note = "content files were added or removed"
            return None
        by_file = {n.file: n.id for n in saved.site.notices}
        changed = []
        for shown in sorted(p for p in now if now[p] != then[p]):
            folder, _, name = shown.rpartition("/")
            if folder == "content/notices" and shown in by_file:
                changed.append(by_file[shown])
            elif folder == "content/progress" and name.endswith(".yaml") and name[:-5] in by_file.values():
                changed.append(name[:-5])
            else:
                self.note = f"{shown} changed"
                return None
        return sorted(set(changed))

    # --- writing ----------------------------------------------------------------

    def save(self, site, resolver, raw, output: Path, pages: int, digests: dict) -> None:
        """After a full build: tree/ made afresh from the output, then the model."""
        if not self.usable or resolver is None:
            return
        self.forget()
        if self.pdf:
            return
        try:
            self._save(site, resolver, raw, output, pages, digests)
        except OSError as error:  # a cache that cannot be written only costs time
            self.forget()
            self.note = f"the model could not be cached: {error.strerror or error}"

    def _save(self, site, resolver, raw, output: Path, pages: int, digests: dict) -> None:
        if self.tree.exists():
            self._discard(self.tree)
        link_tree(output, self.tree)
        self.store(Saved(self.key, self.inputs, _digest_folders(theme_dirs(site)), site, resolver,
                         [s.shown for s in raw.notices], [s.shown for s in raw.progress], str(output), pages,
                         {**digests, **tree_digests(self.tree, SEARCH)}, _listing(self.tree)))

    def tree_use(self, saved: Saved, output: Path) -> str | None:
        """How the build may start from tree/: "twin" when tree/ is, file by file, the output's own files
        (hard links: then it is taken whole as the staging folder and the previous output, brought level,
        becomes the next tree/); "verified" when its files have the digests the authenticated model
        holds (a cache restored elsewhere: CI); None, with a note, when neither (nothing of it is used)."""
        if saved.output == str(output) and _same_top(output, self.tree) and saved.listing \
                and _listing(self.tree) == saved.listing:
            return "twin"  # every file of tree/ the one the last build left there (one listing of tree/)
        if tree_digests(self.tree) == saved.files:
            return "verified"
        self.note = "the cache's copy of the output does not match its authenticated digests: ignored"
        return None

    def update(self, saved: Saved, output: Path, written: set, removed: set, previous: Path | None,
               pages: int) -> None:
        """After a patched build: the twin brought level with the output — the previous output (`previous`)
        when the build took tree/ as its staging folder, else tree/ itself — then the patched model."""
        self.forget()
        try:
            self._update(saved, output, written, removed, previous, pages)
        except OSError as error:  # the next build takes the full path
            self.forget()
            self.note += f"; the model could not be cached: {error.strerror or error}"

    def _update(self, saved: Saved, output: Path, written: set, removed: set, previous: Path | None,
                pages: int) -> None:
        if not self.tree.exists() and previous is None:
            link_tree(output, self.tree)
        twin = previous if previous is not None else self.tree
        for relative in written:
            _link_or_copy(output / relative, twin / relative, replace=True)
            saved.files[relative] = content_digest((twin / relative).read_bytes())
        for relative in removed:
            saved.files.pop(relative, None)
            with contextlib.suppress(OSError):
                os.unlink(twin / relative)
            remove_empty_folders((twin / relative).parent, twin)
        if previous is not None:
            os.rename(previous, self.tree)
        saved.listing = _listing(self.tree)  # as this build leaves it: what the next build's check expects
        saved.key, saved.inputs, saved.output, saved.pages = self.key, self.inputs, str(output), pages
        self.store(saved)

    def store(self, saved: Saved) -> None:
        assert self.secret is not None  # stored only by a usable cache
        site, resolver = saved.site, saved.resolver
        tables = {k: site.__dict__.pop(k) for k in CACHES if k in site.__dict__}  # render's, not the model's
        kept = resolver.raw, resolver.problems
        # None while pickled: the parsed files are not needed to resolve one notice again
        resolver.raw = resolver.problems = None  # type: ignore[assignment]
        try:
            data = _deep(lambda: pickle.dumps(saved, protocol=pickle.HIGHEST_PROTOCOL))
        finally:
            site.__dict__.update(tables)
            resolver.raw, resolver.problems = kept
        temporary = self.model.with_name(f".{MODEL}.{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            handle.write(cachekey.tag(self.secret, MODEL, data))
            handle.write(data)
        os.replace(temporary, self.model)
        hints = json.dumps({p: [*self._stats[p], d] for p, d in self.inputs.items() if p in self._stats}).encode()
        replace_file(self.folder / HINTS, cachekey.tag(self.secret, HINTS, hints) + hints)

    def _hints(self) -> dict:
        """The digests the last build took, by the file's stat (sealed like the model; {} when there are none
        or they do not verify: every file is then read)."""
        if self.secret is None:
            return {}
        try:
            data = cachekey.opened(self.secret, HINTS, (self.folder / HINTS).read_bytes())
            hints = json.loads(bytes(data)) if data is not None else {}
            return {p: (tuple(h[:-1]), h[-1]) for p, h in hints.items()} if isinstance(hints, dict) else {}
        except (OSError, ValueError, TypeError, IndexError):
            return {}

    def _discard(self, folder: Path) -> None:
        """Moved aside under a name of its own, then deleted in the background."""
        aside = self.folder / f".{TREE}.old-{os.getpid()}-{time.monotonic_ns()}"
        os.rename(folder, aside)
        remove_in_background(aside)

    def forget(self) -> None:
        """No model: the next build takes the full path (and makes one)."""
        try:
            os.unlink(self.model)
        except IsADirectoryError:
            shutil.rmtree(self.model, ignore_errors=True)
        except OSError:
            pass


# --- input digests -------------------------------------------------------------

def input_digests(root: Path, hints: dict | None = None) -> tuple[dict, dict]:
    """site.yaml and every file under content/ (a stray .yml is a build error, so it counts too): (relative
    path -> digest, relative path -> its stat as `_stat` gives it). A file whose stat is the one `hints` gives
    with its digest is not read again: a write changes its status-change time, which no program can set. A
    file changed less than `RACY` before the digests were taken is read every time (a second write in the
    same clock tick would leave the same times)."""
    hints = hints or {}
    found, stats = {}, {}
    taken = time.time_ns()
    files = [root / "site.yaml", *sorted(p for p in (root / "content").rglob("*") if not p.is_dir())]
    for path in files:
        shown = rel(path, root)
        now = _stat(path)
        hint = hints.get(shown)
        found[shown] = hint[1] if now is not None and hint is not None and hint[0] == now else _file_digest(path)
        if now is not None and max(now[1], now[2]) < taken - RACY:
            stats[shown] = now
    return found, stats


def _stat(path: Path) -> tuple | None:
    """(size, modification and status-change times in nanoseconds, inode, device) of the file itself; None for
    a symbolic link (its target may change) or a file that cannot be read."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev


def _file_digest(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"<unreadable: {error.strerror}>"
    link = os.readlink(path) if path.is_symlink() else ""  # where a link points matters to the build
    return hashlib.sha256(data).hexdigest() + link


def _digest_folders(folders) -> str:
    return _files_digest(path for folder in folders
                         for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()))


def _code_digest() -> str:
    return _files_digest(sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts))


def _files_digest(paths) -> str:
    """One hex digest over the paths and each file's own digest."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(f"{path}\0{_file_digest(path)}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return ""


def _deep(work):
    """Run `work` in a thread with a deep stack and a high recursion limit: pickle recurses along the
    model's references, further than the default limit allows."""
    result = {}

    def run():
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(DEEP)
        try:
            result["value"] = work()
        except BaseException as error:  # raised in the caller's thread
            result["error"] = error
        finally:
            sys.setrecursionlimit(limit)

    size = threading.stack_size()
    threading.stack_size(STACK)
    try:
        thread = threading.Thread(target=run, name="sitegen-model-cache")
        thread.start()
    finally:
        threading.stack_size(size)
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


# --- the output's twin -----------------------------------------------------------

def link_tree(source: Path, target: Path) -> None:
    """`target` as a twin of `source`: hard links where the file system allows, copies elsewhere;
    only folders and regular files (never a symbolic link)."""
    os.makedirs(target, exist_ok=True)
    for path, entry in _walk(source):
        if entry.is_dir(follow_symlinks=False):
            os.mkdir(os.path.join(target, path))
        else:
            _link_or_copy(entry.path, os.path.join(target, path))


def _walk(folder, under: str = ""):
    """(relative path, entry) of every folder and regular file under `folder` (or its subfolder `under`),
    parents before their contents; symbolic links left out."""
    stack = [under]
    while stack:
        relative = stack.pop()
        with os.scandir(os.path.join(folder, relative)) as entries:
            for entry in entries:
                path = os.path.join(relative, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    yield path, entry
                    stack.append(path)
                elif entry.is_file(follow_symlinks=False):
                    yield path, entry


def _listing(folder: Path) -> str:
    """A digest of every file's relative path and inode under `folder`, in the order the folders list them
    (GNU find lists hundreds of thousands of files in a fraction of the time a walk in Python takes, and
    the listing is hashed as it comes, never parsed; the walk where there is no GNU find). "" when it
    cannot be listed. Equal digests: the same files, each the same inode (no file replaced, added or
    removed); a folder that lists its files in another order only costs the check by digests."""
    try:
        listed = subprocess.run(["find", str(folder), "-mindepth", "1", "-type", "f", "-printf", r"%P\0%i\0"],
                                capture_output=True, check=True).stdout
        return "find:" + hashlib.sha256(listed).hexdigest()
    except (OSError, subprocess.CalledProcessError):
        try:
            digest = hashlib.sha256()
            for path, entry in _walk(folder):
                if not entry.is_dir(follow_symlinks=False):
                    digest.update(os.fsencode(path) + b"\0" + str(entry.inode()).encode() + b"\0")
            return "walk:" + digest.hexdigest()
        except OSError:
            return ""


def _same_top(output: Path, tree: Path) -> bool:
    """Whether the output folder is still the one tree/ is the twin of: its first files the same (hard-linked)
    files, no file added at the top. (Its previous contents become the next tree/.)"""
    try:
        same = all(os.stat(output / n).st_ino == os.stat(tree / n).st_ino for n in ("index.html", "404.html"))
        return same and set(os.listdir(output)) == set(os.listdir(tree))
    except OSError:
        return False


def tree_digests(folder: Path, under: str = "") -> dict:
    """Relative path -> digest of every file's bytes (of those under `under`, when given)."""
    if under and not os.path.isdir(os.path.join(folder, under)):
        return {}
    try:
        return {path: content_digest(Path(entry.path).read_bytes()) for path, entry in _walk(folder, under)
                if not entry.is_dir(follow_symlinks=False)}
    except OSError:
        return {}


def _link_or_copy(source, target, replace: bool = False) -> None:
    try:
        if replace:  # beside it, then renamed over it: the old file (shared with a previous output) is not touched
            temporary = f"{target}.{os.getpid()}.tmp"
            os.makedirs(os.path.dirname(temporary), exist_ok=True)
            _link_or_copy(source, temporary)
            os.replace(temporary, target)
            return
        os.link(source, target)
    except OSError:
        if replace:
            raise
        shutil.copyfile(source, target)  # another file system, or no hard links there
