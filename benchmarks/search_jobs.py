"""The search index step alone, one Pagefind service at a time against several (SITEGEN_SEARCH_JOBS).

    python benchmarks/search_jobs.py SITE 1:- 2:- 2:1 1:- 2:- 2:1

SITE is a generated site (benchmarks/run.py keeps them in its --workdir, e.g. WORKDIR/10000/sitegen).
The model is loaded once; each argument JOBS:RAYON is one run of `sitegen.index.index.index` into a new
folder with SITEGEN_SEARCH_JOBS=JOBS and RAYON_NUM_THREADS=RAYON ("-": unset). Prints, per run, the wall
time, the CPU of Pagefind's processes and of this process (getrusage), the largest Pagefind's peak RSS,
the load average when it began and a digest of every file of the bundle (the same records, the same bytes).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from sitegen.content.loadsite import load_site
from sitegen.index import index


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


def main() -> None:
    site = load_site(Path(sys.argv[1]))
    for variant in sys.argv[2:]:
        jobs, rayon = variant.split(":")
        os.environ[index.ENV_JOBS] = jobs
        if rayon == "-":
            os.environ.pop("RAYON_NUM_THREADS", None)
        else:
            os.environ["RAYON_NUM_THREADS"] = rayon
        out = Path(tempfile.mkdtemp(prefix="search-jobs-"))
        load = os.getloadavg()[0]
        started = time.perf_counter()
        c0, s0 = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
        index.index(out, site)
        c1, s1 = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
        print(json.dumps({"jobs": jobs, "rayon": rayon, "load": round(load, 1),
                          "wall": round(time.perf_counter() - started, 2),
                          "pagefind_cpu": round(c1.ru_utime + c1.ru_stime - c0.ru_utime - c0.ru_stime, 2),
                          "python_cpu": round(s1.ru_utime + s1.ru_stime - s0.ru_utime - s0.ru_stime, 2),
                          "largest_pagefind_mb": round(c1.ru_maxrss / 1024), "digest": digest(out / "pagefind")}),
              flush=True)
        shutil.rmtree(out)


if __name__ == "__main__":
    main()
