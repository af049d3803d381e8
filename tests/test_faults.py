"""Faults: killed builds, concurrent builds, unwritable output."""

from __future__ import annotations

import fcntl
import signal
import subprocess
import sys
import time

import pytest

from conftest import read_tree, run


def grow(site, count: int) -> None:
    """Add `count` tasks so a build takes long enough to be killed midway."""
    notice = site / "content/notices/ceshi-2019-1.yaml"
    extra = "".join(f"          - id: 9-{i}\n            number: \"{i}\"\n            text: 第{i}项任务的内容,推进生态修复。\n"
                    f"            units: [市环保局, 市财政局]\n" for i in range(1, count + 1))
    text = notice.read_text(encoding="utf-8").replace("      - number: 二、", extra + "      - number: 二、")
    notice.write_text(text, encoding="utf-8")


def build_command(site, out):
    return [sys.executable, "-m", "sitegen", "build", "--site", str(site), "--output", str(out), "--no-search"]


@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.8])
def test_sigkill_at_any_moment_leaves_the_previous_site(mini, tmp_path, fraction):
    grow(mini, 300)
    out = tmp_path / "out"
    started = time.monotonic()
    subprocess.run(build_command(mini, out), check=True, capture_output=True)
    duration = time.monotonic() - started
    before = read_tree(out)

    (mini / "content/notices/ceshi-2019-1.yaml").write_text(
        (mini / "content/notices/ceshi-2019-1.yaml").read_text(encoding="utf-8").replace("治理水污染", "治理黑臭水体"),
        encoding="utf-8")
    process = subprocess.Popen(build_command(mini, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(duration * fraction)
    process.send_signal(signal.SIGKILL)
    process.wait()
    after = read_tree(out)
    assert after == before or "治理黑臭水体" in after["notices/ceshi-2019-1/1-1/index.html"].decode("utf-8")
    if after != before:  # the kill came after the swap: then the new site is complete
        assert len(after) == len(before)
    assert run("build", "--site", mini, "--output", out, "--no-search").exit_code == 0
    assert not list(tmp_path.glob(".out.staging-*"))


def test_a_second_build_into_the_same_output_is_refused(mini, tmp_path):
    out = tmp_path / "out"
    with open(tmp_path / ".out.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running build holds it
        result = run("build", "--site", mini, "--output", out, "--no-search")
    assert result.exit_code == 1
    assert "another build" in result.output
    assert not out.exists()
    assert run("build", "--site", mini, "--output", out, "--no-search").exit_code == 0


def test_unwritable_output_location_is_a_clear_error(mini, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("build", "--site", mini, "--output", blocker / "out", "--no-search")
    assert result.exit_code == 1
    assert "cannot write the output" in result.output and "Traceback" not in result.output


def test_output_cannot_be_the_site(mini):
    result = run("build", "--site", mini, "--output", mini, "--no-search")
    assert result.exit_code == 1 and "cannot be the site" in result.output


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 64 KiB filesystem (tmpfs), to fill up."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mount
    subprocess.run(["umount", str(mount)], capture_output=True)


def test_full_disk_is_a_clear_error(mini, tiny_disk):
    out = tiny_disk / "out"
    result = run("build", "--site", mini, "--output", out, "--no-search")
    assert result.exit_code == 1
    assert "No space left on device" in result.output and "Traceback" not in result.output
    assert not out.exists() and not list(tiny_disk.glob(".out.staging-*"))


def test_pagefind_out_of_memory_is_a_clear_error_and_keeps_the_previous_site(mini, tmp_path):
    # At 100k tasks the kernel killed Pagefind at 20 GB (docs/performance.md). The real binary is made
    # to fail the same way here: under a 90 MB address-space limit Pagefind cannot start its threads and
    # aborts (the build itself is not limited: test_search_shards.limited_pagefind).
    from test_search_shards import limited_pagefind

    out = tmp_path / "out"
    search_build = build_command(mini, out)[:-1]  # with the search index
    subprocess.run(search_build, check=True, capture_output=True)
    before = read_tree(out)

    result = subprocess.run(search_build, capture_output=True, text=True, env=limited_pagefind(tmp_path))
    assert result.returncode == 1
    # killed by the kernel (signal 6 here), or refused the threads it asked for (it then panics): one message
    assert "most likely out of memory" in result.stderr and "--no-search" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert read_tree(out) == before
