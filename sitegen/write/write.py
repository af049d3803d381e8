"""Stage 4, write: files go to a staging folder that replaces the output at the end.

A failed or killed build never touches the previous site: the staging folder
sits beside the output and is swapped in with one atomic rename-exchange
(renameat2 RENAME_EXCHANGE) where the system offers it.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import hashlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from ..core.errors import SitegenError

MARKER = ".sitegen-output"  # in every output: a folder holding it may be replaced by the next build
MARKER_TEXT = b"This folder is written by sitegen build and replaced whole by the next build.\n"
SOURCE_FOLDERS = ("content", "themes", ".git")  # with the site's theme_dir: never an output, nor inside one

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class Shared(bytes):
    """The bytes of a file that many files of the site repeat (a badge per task, and tasks share a few
    states): `Staging.write` makes each file after the first with the same bytes a hard link to it, far
    cheaper than a new file (docs/performance.md)."""


class Staging:
    """A folder beside the output that becomes the output on `commit()`."""

    def __init__(self, output: Path, digests: bool = False):
        self.output = Path(output).resolve()
        self.digests: dict | None = {} if digests else None  # relative path -> digest of what was written
        self._shared_digest: dict = {}  # Shared bytes -> their digest, computed once
        self.parent = self.output.parent
        self._folders: set = set()  # folders known to exist, so each is made once
        self.linked = False  # holds hard links to files shared with the cache (sitegen/cache/modelcache.py)
        self.adopted = False  # is the cache's twin of the previous output, moved here (`adopt`)
        self._first: dict = {}  # Shared bytes -> the file first written with them (per process)
        try:
            self.parent.mkdir(parents=True, exist_ok=True)
            self._lock = _lock(self.parent / f".{self.output.name}.lock")
            _clean_stale(self.output)  # safe: we hold the lock, so no other build is staging
            self.path = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.staging-", dir=self.parent))
            self._folders.add(str(self.path))
            self.write(MARKER, MARKER_TEXT)
        except OSError as error:
            raise SitegenError(f"{self.parent}: cannot write the output here: {error.strerror}") from None

    def write(self, relative: str, data: bytes | str) -> None:
        target = self._target(relative)
        if self.digests is not None:
            self._record(relative, data)
        folder = os.path.dirname(target)
        if folder not in self._folders:
            self._make_folder(folder)
        try:
            if self.linked:  # a new file, never written through a hard link into the cache's copy
                _unlink(target)
            if data.__class__ is Shared and self._link_to_first(target, data):
                return
            _write_file(target, data.encode("utf-8") if isinstance(data, str) else data)
        except OSError as error:
            raise SitegenError(f"{target}: cannot write: {error.strerror}") from None

    def _record(self, relative: str, data: bytes | str) -> None:
        """The digest of a file as written: the --cache build keeps it with its copy of the output, which
        is used again only where it still has these digests (sitegen/cache/modelcache.py)."""
        assert self.digests is not None  # called only when digests are kept
        if data.__class__ is Shared:
            digest = self._shared_digest.get(data)
            if digest is None:
                digest = self._shared_digest[data] = content_digest(data)
        else:
            digest = content_digest(data.encode("utf-8") if isinstance(data, str) else data)
        self.digests[os.path.normpath(relative)] = digest

    def take(self) -> dict | None:
        """What a render worker recorded, for the parent's `merge` (sitegen/core/parallel.py)."""
        return self.digests

    def merge(self, taken: dict | None) -> None:
        if self.digests is not None and taken:
            self.digests.update(taken)

    def _link_to_first(self, target: str, data: Shared) -> bool:
        """A hard link to the file first written with these bytes; False (write it) for the first, or
        when the system refuses the link (ext4 allows 65,000 per file: the next one starts afresh)."""
        first = self._first.get(data)
        if first is not None:
            try:
                os.link(first, target)
                return True
            except OSError:
                pass
        self._first[data] = target
        return False

    def _make_folder(self, folder: str) -> None:
        if os.path.dirname(folder) in self._folders:  # most pages: a new folder in a known one, one mkdir
            with contextlib.suppress(FileExistsError):
                os.mkdir(folder)
        else:
            os.makedirs(folder, exist_ok=True)
        self._folders.add(folder)

    def remove(self, relative: str) -> None:
        """A file staged from the cache that this build no longer produces (and its folders, once empty)."""
        target = self._target(relative)
        _unlink(target)
        remove_empty_folders(os.path.dirname(target), self.path)

    def _target(self, relative: str) -> str:
        # Nothing is written outside the output. A lexical check is enough (and spares a stat per path
        # component per page): the staging folder is new and holds no symbolic links, as everything in it
        # is ours (files staged from the cache are hard links to regular files).
        clean = os.path.normpath(relative)
        if os.path.isabs(clean) or clean == ".." or clean.startswith("../") or clean == ".":
            raise SitegenError(f"refusing to write outside the output folder: {relative}")
        return os.path.join(self.path, clean)

    def adopt(self, folder: Path) -> None:
        """Start from `folder` (on the same file system), moved here whole: the cache's twin of the previous
        output, whose files are hard links to the output's (sitegen/cache/modelcache.py). Nothing is copied."""
        os.unlink(self.path / MARKER)
        os.rename(folder, self.path)  # over the empty folder made for this build
        self.linked = self.adopted = True
        if not (self.path / MARKER).is_file():  # kept when there: it is the output's own file (a hard link)
            self.write(MARKER, MARKER_TEXT)

    def commit(self, keep_previous: Path | None = None) -> Path | None:
        """The staging folder becomes the output. The previous output is deleted, or with `keep_previous`
        moved there (and that path returned; None when there was no previous output)."""
        os.chmod(self.path, 0o755)
        if self.output.exists() and not self.output.is_dir():
            raise SitegenError(f"{self.output}: exists and is not a folder")
        kept = None
        if self.output.is_dir() and _exchange(self.path, self.output):
            kept = self._keep_or_discard(self.path, keep_previous)  # self.path now holds the previous site
        else:
            old = None
            try:
                if self.output.is_dir():
                    old = self.parent / f".{self.output.name}.trash-{os.getpid()}"
                    os.rename(self.output, old)
                os.rename(self.path, self.output)
            except OSError as error:
                hint = _MOUNT_HINT if error.errno == errno.EBUSY else ""
                raise SitegenError(f"{self.output}: cannot replace the output: {error.strerror}{hint}") from None
            if old:
                kept = self._keep_or_discard(old, keep_previous)
        self.release()
        return kept

    def _keep_or_discard(self, folder: Path, keep: Path | None) -> Path | None:
        if keep is None:
            self._discard(folder)
            return None
        os.rename(folder, keep)
        return keep

    def _discard(self, folder: Path) -> None:
        """Delete the previous site off the build's clock: rename it aside, remove it in the background
        (thousands of unlinks take seconds on a busy disk). A leftover is removed by the next build."""
        trash = self.parent / f".{self.output.name}.trash-{os.getpid()}-{time.monotonic_ns()}"
        os.rename(folder, trash)
        remove_in_background(trash)

    def abort(self) -> None:
        if self.adopted:  # the previous output's twin: hundreds of thousands of files, deleted off the clock
            self._discard(self.path)
        else:
            shutil.rmtree(self.path, ignore_errors=True)
        self.release()

    def release(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def output_folder(site_dir: Path, output: Path | None, theme_dir: str = "theme") -> Path:
    """The folder a build may replace: the site's own output/, or a folder that is absent, empty or
    was written by sitegen (it holds MARKER); never the site, a folder holding it, or one inside its
    sources. A typo such as --output content/progress must not delete what it names."""
    site_dir = Path(site_dir).resolve()
    default = site_dir / "output"
    output = Path(output).resolve() if output else default
    if output == site_dir or output in site_dir.parents:
        raise SitegenError(f"{output}: the output folder cannot be the site or hold it — "
                           "choose a folder of its own such as output/")
    for name in (*SOURCE_FOLDERS, theme_dir):
        source = site_dir / name
        if output == source or source in output.parents:
            raise SitegenError(f"{output}: is inside the site's {name}/ folder, which the build reads; "
                               "a build replaces its output whole — choose a folder such as output/")
    if output != default and output.is_dir() and not (output / MARKER).is_file() and any(output.iterdir()):
        raise SitegenError(f"{output}: holds files that sitegen did not write, and a build replaces its "
                           f"output whole — give an empty or new folder (sitegen writes {MARKER} into "
                           "every output it makes, so its own outputs can be rebuilt)")
    if output.exists() and not output.is_dir():
        raise SitegenError(f"{output}: exists and is not a folder")
    return output


def content_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


class WriteError(SitegenError, OSError):
    """A file could not be written: a message for people, and still an OSError for callers to whom a
    failed write only costs time (the page cache)."""

    def __str__(self) -> str:
        return self.args[0]


class FileSet:
    """Several files written all or none (sitegen import, sitegen progress import): each is staged as a
    temporary file beside its target (`add`), then all are renamed over their targets in the order added
    (`commit`). A failure while staging (a full disk, a read-only folder) removes what was staged and
    leaves every target as it was; a kill while renaming leaves the files renamed so far, each whole, so
    callers add the files others depend on (registries) before the ones that depend on them (the notice).

        with FileSet() as files:
            files.add(path, text)
    """

    def __init__(self, temporary_dir=None):
        self.temporary_dir = Path(temporary_dir) if temporary_dir else None
        self.staged: list[tuple[str, Path]] = []

    def add(self, path, data: bytes | str) -> None:
        path = Path(path)
        data = data.encode("utf-8") if isinstance(data, str) else data
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            folder = self.temporary_dir or path.parent
            folder.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
            self.staged.append((temporary, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        except OSError as error:
            self.abort()
            raise WriteError(f"{path}: cannot write: {error.strerror or error}; nothing was changed") from None

    def commit(self) -> None:
        try:
            for index, (temporary, path) in enumerate(self.staged):
                os.replace(temporary, path)
                self.staged[index] = ("", path)
        except OSError as error:
            self.abort()
            raise WriteError(f"{path}: cannot write: {error.strerror or error}") from None
        self.staged = []

    def abort(self) -> None:
        for temporary, _ in self.staged:
            if temporary:
                Path(temporary).unlink(missing_ok=True)
        self.staged = []

    def __enter__(self) -> FileSet:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()


def replace_file(path, data: bytes | str, temporary_dir=None) -> None:
    """Write a file whole or not at all: to a temporary file (beside it, or in `temporary_dir` on the
    same filesystem), then renamed over it, so a killed process never leaves half a file."""
    with FileSet(temporary_dir) as files:
        files.add(path, data)


def remove_in_background(folder) -> None:
    """Delete a folder no one uses any more in a process of its own (`rm -rf`), so a build does not wait
    for hundreds of thousands of unlinks; where that cannot start, here and now."""
    try:
        subprocess.Popen(["rm", "-rf", "--", str(folder)], start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def remove_empty_folders(folder, root) -> None:
    """`folder` and the folders above it, up to `root` (kept), while they are empty."""
    folder, root = os.path.normpath(folder), os.path.normpath(root)
    while folder != root and folder.startswith(root + os.sep):
        try:
            os.rmdir(folder)
        except OSError:  # not empty (or gone): the folders above are not empty either
            return
        folder = os.path.dirname(folder)


def _write_file(path: str, data: bytes) -> None:
    """Three system calls a file (Python's open() adds a stat, a seek and a terminal check to each)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _unlink(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _lock(path: Path):
    """One build per output folder at a time; the second is refused, not queued."""
    handle = open(path, "w")  # noqa: SIM115 - the lock is held by the caller until the build ends
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise SitegenError(f"another build is writing {path.name[1:-5]} right now — wait for it to finish") from None
    return handle


def _exchange(a: Path, b: Path) -> bool:
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise SitegenError(f"{b}: cannot replace the output: {os.strerror(ctypes.get_errno())}"
                       + (_MOUNT_HINT if ctypes.get_errno() == errno.EBUSY else ""))


# EBUSY from a rename of the output: the folder is a mount point (a Docker volume, a network share)
_MOUNT_HINT = (" — the output folder is a mount point, and a build replaces the output folder whole: "
               "build into a folder inside it (e.g. --output DIR/site), or build elsewhere and copy")


def _clean_stale(output: Path) -> None:
    """Remove staging folders left by killed builds (they never were the site)."""
    for pattern in (f".{output.name}.staging-*", f".{output.name}.trash-*"):
        for stale in output.parent.glob(pattern):
            shutil.rmtree(stale, ignore_errors=True)
