"""Notice and progress files parsed ahead by a forked worker while the model stage reads them.

The model stage reads the lazy files (`load.LazySource`) one at a time, in order: notices, then progress.
A worker forked just before parses every other one of them, in that same order, and sends each back
pickled with the problems its parse found; meanwhile the parent parses the others itself and resolves
what it has. The worker stays a few files ahead at most: it blocks on the pipe until the parent reads.
Whatever goes wrong (the worker dies, sends something unreadable, or files are read in another order),
the parent parses the remaining files itself, with the same results.

SITEGEN_WORKERS=1 (as for rendering), one CPU, or no fork: every file is parsed in the process reading it.
"""

from __future__ import annotations

import gc
import io
import os
import pickle
import signal
from contextlib import contextmanager
from sys import intern

from ..core.errors import Problem, Problems
from .load import SHARED_LENGTH, LazySource, load_yaml

# Below this a fork (and pickling both ways) gains nothing (docs/performance.md). Tests' small sites stay
# in-process.
MIN_FILES = 20
PIPE_BYTES = 256 * 1024  # about two to four pickled files: room for jitter, not for running far ahead


@contextmanager
def prefetching(sources: list):
    """Within this block, the first read of every other LazySource in `sources` comes from a worker."""
    sources = [s for s in sources if isinstance(s, LazySource)]  # not a link outside the site
    prefetcher = Prefetcher.start(sources[1::2]) if _worthwhile(len(sources)) else None
    try:
        yield
    finally:
        if prefetcher is not None:
            prefetcher.close()


def _worthwhile(files: int) -> bool:
    wanted = os.environ.get("SITEGEN_WORKERS")
    cpus = int(wanted) if wanted and wanted.isdigit() else (os.cpu_count() or 1)
    return files >= MIN_FILES and cpus >= 2 and hasattr(os, "fork")


class Prefetcher:
    """The parent's side: hands each of the worker's files, as sent, to its LazySource's first read."""

    def __init__(self, pid: int, read_end: int, sources: list):
        self.pid, self.sources, self.next = pid, sources, 0
        self.stream = os.fdopen(read_end, "rb")
        for source in sources:
            source.prefetch = self.load

    @classmethod
    def start(cls, sources: list) -> Prefetcher | None:
        try:
            read_end, write_end = os.pipe()
        except OSError:  # out of file descriptors: parse here
            return None
        _widen(write_end)
        try:
            pid = os.fork()
        except OSError:  # no process to spare: parse here
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:  # the worker: never returns into the caller's code
            try:
                os.close(read_end)
                _work(sources, write_end)
            finally:
                os._exit(1)
        os.close(write_end)  # the worker's end only: its exit is then the end of the stream
        return cls(pid, read_end, sources)

    def load(self, path, shown: str, problems: Problems):
        """load.load_yaml, from the worker when it is the file it sends next."""
        if self.pid and self.next < len(self.sources) and self.sources[self.next].shown == shown:
            self.next += 1
            message = self._receive()
            if message is not None and message[0] == shown:
                problems.items.extend(message[2])
                return message[1]
        self.close()  # from here on every file is parsed here
        return load_yaml(path, shown, problems)

    def _receive(self):
        """The worker's next (shown, data, problems), or None if it died or sent garbage."""
        try:
            unpickler = pickle.Unpickler(self.stream)
            # the short strings, shared as load._shared shares them; pickle's documented hook, set on the
            # instance (typeshed declares it a method)
            unpickler.persistent_load = intern  # type: ignore[method-assign]
            shown, data, found = unpickler.load()
        except Exception:  # whatever it is, the caller parses the file itself
            return None
        if isinstance(shown, str) and isinstance(found, list) and all(type(p) is Problem for p in found):
            return shown, data, found
        return None

    def close(self) -> None:
        for source in self.sources:
            source.prefetch = None
        if self.pid:
            self.stream.close()  # a worker blocked on the pipe stops there
            try:
                os.kill(self.pid, signal.SIGKILL)  # one busy parsing, or done (then a no-op)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):  # reaped already
                pass
            self.pid = 0


def _widen(pipe: int) -> None:
    try:
        import fcntl

        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux: the system's own pipe size
        pass


def _work(sources: list, write_end: int) -> None:
    # imported here: a load_site without a build need not import the multiprocessing that parallel imports
    from ..core.parallel import die_with_parent

    status = 0
    die_with_parent()
    gc.disable()  # a short life making no cycles: no collection walking (and copying) the parent's pages
    try:
        for source in sources:
            problems = Problems()
            data = load_yaml(source.path, source.shown, problems)
            _send(write_end, (source.shown, data, problems.items))
            del data  # one file's data at a time
    except BaseException:  # the parent parses what it did not get
        status = 1
    finally:
        os._exit(status)  # no atexit handlers, no flushing of the parent's buffers


def _send(write_end: int, message) -> None:
    # Pickled whole before writing, so a failure never sends half a message. Short strings go as
    # persistent ids: the parent interns them on loading, as load._shared interned them here.
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.persistent_id = _shared_id  # type: ignore[method-assign]  # pickle's documented hook, as above
    pickler.dump(message)
    view = buffer.getbuffer()
    while view:  # blocks while the pipe is full: the parent has not read yet
        view = view[os.write(write_end, view):]


def _shared_id(value):
    return value if value.__class__ is str and len(value) <= SHARED_LENGTH else None
