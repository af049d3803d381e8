"""Shards indexed side by side (sitegen/index/index.py's `Indexing`, docs/search.md): the same bytes as one
after the other, as many at a time as the cores and the memory budget (sitegen/core/limits.py) allow, and
a failure anywhere — one Pagefind service, or a page of a `--cache` build while Pagefind runs beside it —
stops every Pagefind process and keeps the previous site. The real Pagefind binary throughout; where a
service must fail or wait, a wrapper named like it (SITEGEN_PAGEFIND_BINARY) stands in front of it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT, read_tree
from sitegen.content.loadsite import load_site
from sitegen.core import limits
from sitegen.core.errors import SitegenError
from sitegen.index import index

pytestmark = pytest.mark.search

SHARD_PAGES = 100  # the default site's 307 records in four shards (as tests/test_search_shards.py)


@pytest.fixture(scope="module")
def model():
    return load_site(ROOT)


@pytest.fixture
def sharded(monkeypatch):
    monkeypatch.setenv(index.ENV_SHARD_PAGES, str(SHARD_PAGES))


@pytest.fixture
def at_once(monkeypatch):
    """The most Pagefind services seen running at the same time, per index run (in order)."""
    seen: dict = {}  # Indexing -> the most of its services running together (the jobs kept: ids not reused)
    spawn = index.Indexing.spawn

    def counted(job, argv, log):
        process = spawn(job, argv, log)
        if process is not None:
            seen[job] = max(seen.get(job, 0), len(job._processes))
        return process

    monkeypatch.setattr(index.Indexing, "spawn", counted)
    return seen


def indexed(folder: Path, model, monkeypatch, jobs: int) -> dict:
    monkeypatch.setenv(index.ENV_JOBS, str(jobs))
    shards = index.index(folder, model)
    assert len(shards) == 4
    return read_tree(folder / "pagefind")


def test_shards_side_by_side_give_the_bytes_of_one_after_the_other(model, sharded, at_once, monkeypatch, tmp_path):
    one = indexed(tmp_path / "one", model, monkeypatch, jobs=1)
    two = indexed(tmp_path / "two", model, monkeypatch, jobs=2)
    assert list(at_once.values()) == [1, 2]  # one at a time, then two services running together
    assert one.keys() == two.keys() and one == two


def test_the_memory_budget_decides_how_many_run_at_once(model, sharded, at_once, monkeypatch, tmp_path):
    largest = max(index.memory(s) for s in index.plan(index.notices(model), SHARD_PAGES))
    monkeypatch.setattr(limits, "PAGEFIND_MEMORY_BYTES", largest)  # room for one shard at a time
    alone = indexed(tmp_path / "alone", model, monkeypatch, jobs=4)
    monkeypatch.setattr(limits, "PAGEFIND_MEMORY_BYTES", 4 * largest)
    together = indexed(tmp_path / "together", model, monkeypatch, jobs=4)
    counts = list(at_once.values())
    assert counts[0] == 1 and counts[1] > 1
    assert alone == together


def test_the_budget_lets_two_shards_run_at_10k_tasks_and_one_at_100k():
    """What the limits module's numbers are for (docs/performance.md): at 10,000 tasks shards of up to
    about 1,100 records, two at a time on two cores; at 100,000 shards of 8,000 records, one at a time."""
    def shard(pages: int) -> index.Shard:
        return index.Shard("./", (index.IndexedNotice("n", "", pages),))

    assert 2 * index.memory(shard(1_111)) <= limits.PAGEFIND_MEMORY_BYTES
    assert 3 * index.memory(shard(1_111)) > limits.PAGEFIND_MEMORY_BYTES  # more cores: still two (< 1 GB in all)
    # nothing runs beside a shard of 8,000 records, not even the smallest shard there is
    assert index.memory(shard(8_000)) + index.memory(shard(index.MIN_SHARD_PAGES)) > limits.PAGEFIND_MEMORY_BYTES


def test_a_bad_jobs_setting_is_a_clear_error(monkeypatch):
    for bad in ["0", "-1", "two"]:
        monkeypatch.setenv(index.ENV_JOBS, bad)
        with pytest.raises(SitegenError, match=index.ENV_JOBS):
            index.jobs()
    monkeypatch.setenv(index.ENV_JOBS, "3")
    assert index.jobs() == 3


# --- failures: no Pagefind left behind ---------------------------------------------------------------


def pagefinds() -> set[int]:
    """This process's child processes that run Pagefind or its wrapper (Linux)."""
    found: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        for pid in (task / "children").read_text().split():
            try:
                if b"pagefind_extended" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    found.add(int(pid))
            except OSError:  # it ended meanwhile
                pass
    return found


def wrapper(folder: Path, failing: int | None) -> tuple[Path, Path]:
    """A Pagefind named like the real one that, as a service, notes its process id, then — the `failing`-th
    one started (from 0) — fails at once, or waits a minute before it becomes the real Pagefind (so it is surely still
    running when something else fails). (the wrapper, the file of process ids)."""
    pids = folder / "pids"
    script = folder / "slow" / "pagefind_extended"
    script.parent.mkdir(parents=True)
    real = str(index.binary())
    script.write_text(
        f"#!{sys.executable}\nimport fcntl, os, sys, time\n"
        f"if sys.argv[1:] != ['--service']:  # --version (the cache key): the real one at once\n"
        f"    os.execv({real!r}, [{real!r}, *sys.argv[1:]])\n"
        f"with open({str(pids)!r}, 'a+') as f:\n"
        "    fcntl.flock(f, fcntl.LOCK_EX)\n"
        "    f.seek(0)\n"
        "    started = len(f.read().split())\n"
        "    f.write(f'{os.getpid()}\\n')\n"
        f"if started == {failing!r}:\n"
        "    sys.stderr.write('this service fails on purpose\\n')\n"
        "    sys.exit(3)\n"
        f"time.sleep(60)\nos.execv({real!r}, [{real!r}, *sys.argv[1:]])\n", encoding="utf-8")
    script.chmod(0o755)
    return script, pids


def gone(pids: Path) -> list[int]:
    started = [int(pid) for pid in pids.read_text().split()]
    assert started
    for pid in started:
        assert not Path(f"/proc/{pid}").exists()  # killed and reaped, not left running
    assert not pagefinds()
    return started


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_a_failing_service_stops_the_others_and_leaves_no_pagefind(model, sharded, monkeypatch, tmp_path):
    script, pids = wrapper(tmp_path, failing=1)
    monkeypatch.setenv(index.ENV_BINARY, str(script))
    monkeypatch.setenv(index.ENV_JOBS, "2")
    assert not pagefinds()
    with pytest.raises(SitegenError, match="fails on purpose") as failed:
        index.index(tmp_path / "out", model)
    assert "shard " in str(failed.value) and "--no-search" in str(failed.value)
    assert len(gone(pids)) == 2  # the waiting one was killed; the shards after them never started


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("failing", ["a page", "Pagefind"])
def test_a_failed_cache_build_leaves_no_pagefind_and_the_previous_site(mini, tmp_path, monkeypatch, failing):
    """The --cache build indexes the edited notice's shard again after its pages: when a page fails, no
    Pagefind is started; when Pagefind fails, the build fails with its message and leaves no Pagefind.
    Either way the previous site is kept."""
    from sitegen.build import BuildOptions, build
    from sitegen.render import render

    out, cache = tmp_path / "out", tmp_path / "cache"
    build(mini, BuildOptions(output=out, cache=cache))
    notice = mini / "content" / "notices" / "ceshi-2019-1.yaml"
    notice.write_text(notice.read_text(encoding="utf-8").replace("治理水污染", "治理水体污染"), encoding="utf-8")
    before = read_tree(out)
    script, pids = wrapper(tmp_path, failing=0 if failing == "Pagefind" else None)
    monkeypatch.setenv(index.ENV_BINARY, str(script))
    rendered: list = []
    if failing == "a page":
        def render_page(env, page):
            rendered.append(page.path)
            raise SitegenError(f"{page.path}: a page that cannot be rendered")

        monkeypatch.setattr(render, "render_page", render_page)
    updates: list = []
    start_update = index.start_update
    monkeypatch.setattr(index, "start_update", lambda *a: updates.append(a) or start_update(*a))
    with pytest.raises(SitegenError, match="a page that cannot be rendered" if failing == "a page" else "fails on purpose"):
        build(mini, BuildOptions(output=out, cache=cache))
    assert len(updates) == (failing == "Pagefind")  # the --cache path: the index only after the pages
    assert bool(rendered) == (failing == "a page")
    assert pids.exists() == (failing == "Pagefind")
    if pids.exists():
        gone(pids)
    assert not pagefinds()
    assert read_tree(out) == before
