"""Render pages in worker processes: fork, each takes blocks of pages as they come, writes them to staging.

Output stays deterministic: a page's bytes depend on the page alone, never on
which process rendered it or in what order. Each worker takes blocks of pages from
a range of its own and then steals from another's, so a busy core never leaves the
other idle at the end. A worker that fails reports its error to the parent, which
raises it as the build's error (so the staging folder is thrown away and the
previous site kept).

SITEGEN_WORKERS=1 renders in the build's own process (as on systems without fork).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle

from .errors import SitegenError

BLOCK = 32  # pages per work item: small enough to balance, large enough that the counter costs nothing
MIN_PAGES = 400  # below this a fork is not worth it


def workers(pages: int) -> int:
    wanted = os.environ.get("SITEGEN_WORKERS")
    count = int(wanted) if wanted and wanted.isdigit() else min(2, os.cpu_count() or 1)
    if pages < MIN_PAGES or not hasattr(os, "fork"):
        return 1
    return max(1, count)


def render(pages: list, render_one, write, also=(), cache=None, affinity=None, progress=None,
           state=None) -> list:
    """Render `pages` with `render_one(page) -> str` and `write(path, data)` each; run each of `also`
    (callables yielding (path, data)) as one more work item. With a `cache` (sitegen.cache.cache.PageCache)
    a page whose inputs did not change is copied from it instead of rendered. `affinity(page)` -> int
    groups pages that show the same tasks (their government), so each worker renders its own
    governments and reuses what it memoised for them. `progress(done)` is called in the build's own
    process after each block it renders, with the pages rendered so far by every worker. `state` (the
    staging folder) gathers what each worker recorded: `state.take()` in the worker, `state.merge(taken)`
    here. Returns the cache keys used (for pruning), or []."""
    count = workers(len(pages))
    done = multiprocessing.RawValue("l", 0) if count > 1 else None  # pages rendered, shared by the workers
    alone = [0]  # the same, rendering in one process
    own = os.getpid()
    if affinity is not None:  # also in one process: memo() keeps only recent parts (render.MEMO_ENTRIES)
        pages = sorted(pages, key=affinity)  # stable: the page order within a government is kept
    items = [("also", i) for i in range(len(also))] + [("pages", i) for i in range(0, len(pages), BLOCK)]

    def run(item) -> list:
        kind, index = item
        if kind == "also":
            for path, data in also[index]():
                write(path, data)
            _trim()  # the data exports' freed buffers back to the system
            return []
        used = []
        for page in pages[index:index + BLOCK]:
            if cache is None:
                write(page.path, render_one(page))
                continue
            key = cache.key(page)
            used.append(key)
            data = cache.get(key)
            if data is None:
                data = render_one(page).encode("utf-8")
                cache.put(key, data)
            write(page.path, data)
        if progress is not None:
            shown = len(pages[index:index + BLOCK])
            if done is None:
                alone[0] += shown
                progress(alone[0])
            else:
                with lock:
                    done.value += shown
                    now = done.value
                if os.getpid() == own:
                    progress(now)
        return used + cache.take_rejected() if cache is not None else used

    if count <= 1:
        return [key for item in items for key in run(item)]
    lock = multiprocessing.Lock()  # (run() takes it only when workers share `done`)

    # Worker w owns a contiguous range of the items (ranges[2w] .. ranges[2w+1]) and takes from its
    # front; when its range is empty it takes from the back of another's (work stealing), so no core
    # idles at the end while each still renders mostly its own governments.
    bounds = [len(items) * w // count for w in range(count + 1)]
    ranges = multiprocessing.RawArray("l", [b for w in range(count) for b in (bounds[w], bounds[w + 1])])

    def take(worker: int):
        with lock:
            if ranges[2 * worker] < ranges[2 * worker + 1]:
                ranges[2 * worker] += 1
                return items[ranges[2 * worker] - 1]
            for other in range(count):
                if ranges[2 * other] < ranges[2 * other + 1]:
                    ranges[2 * other + 1] -= 1
                    return items[ranges[2 * other + 1]]
        return None

    def work(worker: int) -> list:
        used = []
        while (item := take(worker)) is not None:
            used += run(item)
        return used

    # The model is shared copy-on-write: keep the collector from touching (copying) its pages. No
    # gc.collect() first: it walks the whole model before the fork and finds nothing to free.
    gc.freeze()
    children = []
    try:
        for worker in range(1, count):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                os.close(read_end)
                _child(lambda worker=worker: (work(worker), state.take() if state is not None else None), write_end)
            os.close(write_end)
            children.append((pid, read_end))
        failure = None
        try:
            used = work(0)
        except BaseException as error:  # reaped below, then raised
            failure, used = error, []
        for pid, read_end in children:
            ok, payload = _collect(pid, read_end)
            if ok:
                used += payload[0]
                if state is not None:
                    state.merge(payload[1])
            elif failure is None:
                failure = payload
        children = []
        if failure is not None:
            raise failure
        return used
    finally:
        for pid, read_end in children:  # only when the parent failed before reaping
            _collect(pid, read_end)
        gc.unfreeze()


def _child(work, write_end: int) -> None:
    status = 0
    die_with_parent()
    try:
        result = (True, work())
    except BaseException as error:  # reported to the parent
        status = 1
        result = (False, _portable(error))
    try:
        data = pickle.dumps(result)
        view = memoryview(data)
        while view:
            view = view[os.write(write_end, view):]
    except BaseException:
        status = 1
    finally:
        os._exit(status)  # no atexit handlers, no staging cleanup: the parent owns the build


def _trim() -> None:
    """Give freed heap memory back to the system (glibc's malloc_trim); elsewhere nothing to do."""
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except Exception:  # not glibc
        pass


def die_with_parent() -> None:
    """A worker of a killed build stops too (Linux), rather than writing on into a staging folder no one will use."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # elsewhere the worker simply finishes its blocks
        pass


def _portable(error: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return SitegenError(f"{type(error).__name__}: {error}")


def _collect(pid: int, read_end: int):
    chunks = []
    while chunk := os.read(read_end, 1 << 20):
        chunks.append(chunk)
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    try:
        ok, payload = pickle.loads(b"".join(chunks))
    except Exception:  # killed, or crashed before reporting
        code = os.waitstatus_to_exitcode(status)
        return False, SitegenError(f"a render worker stopped unexpectedly (exit status {code})")
    return ok, payload
