"""Run a command as a fresh subprocess and measure wall time and the peak memory of its process tree.

Peak memory is sampled from /proc every 100 ms: the sum of PSS over the child and
all its descendants (so pages shared by forked workers are counted once, not
once per worker), and, from the kernel's own accounting (wait4), the largest
single process's peak RSS, which no sampling can miss.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.1  # reading smaps_rollup of a big process is not free: keep the sampler's CPU low


@dataclass
class Run:
    command: list
    seconds: float
    returncode: int
    tree_pss_mb: float  # peak of the summed PSS of the process tree (sampled)
    max_rss_mb: float  # peak RSS of the largest single process (kernel accounting)
    cpu_seconds: float  # user + system time of the whole tree: robust when the machine is shared
    stdout: str
    stderr: str

    @property
    def peak_mb(self) -> float:
        return max(self.tree_pss_mb, self.max_rss_mb)


def _tree(root: int) -> list[int]:
    """The process and its descendants, from /proc/PID/task/TID/children (no scan of all of /proc)."""
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        try:
            for task in os.scandir(f"/proc/{pid}/task"):
                with open(f"{task.path}/children", "rb") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except OSError:
            pass
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(command: list, cwd: Path | None = None, env: dict | None = None, timeout: float | None = None) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            total = sum(_pss_kb(pid) for pid in _tree(process.pid))
            peak[0] = max(peak[0], total)
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out_chunks, err_chunks = [], []
    readers = [threading.Thread(target=lambda s=s, c=c: c.append(s.read()), daemon=True)
               for s, c in ((process.stdout, out_chunks), (process.stderr, err_chunks))]
    for reader in readers:
        reader.start()
    deadline = None if timeout is None else started + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if deadline and time.perf_counter() > deadline:
            process.kill()
            deadline = None
        time.sleep(0.005)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(command, seconds, process.returncode, peak[0] / 1024, usage.ru_maxrss / 1024,
               usage.ru_utime + usage.ru_stime,
               b"".join(out_chunks).decode("utf-8", "replace"), b"".join(err_chunks).decode("utf-8", "replace"))
