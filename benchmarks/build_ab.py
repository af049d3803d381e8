"""One `sitegen build` with a given copy of sitegen's code, timed, with the times its stages began and ended.

    python benchmarks/build_ab.py CODE SITE OUTPUT [CACHE|-] [search|nosearch]

CODE is a folder holding a `sitegen` package (e.g. `git archive main sitegen themes | tar -x -C /tmp/main`,
or a worktree). For an A/B of two codes on one cache, the code digest and the theme digest of the model
cache's key are made constant here, so a warm `--cache` build of either code uses the cache the other left:
alternate the two, editing a notice before each. Prints JSON: wall, CPU of this process and of its
children (render workers, Pagefind), the load average at the end, the build's cache note and
[name, began, ended] (seconds from the start) of the stages it wraps.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path


def main() -> None:
    code, site, out = sys.argv[1:4]
    cache = sys.argv[4] if len(sys.argv) > 4 else "-"
    search = (sys.argv[5] if len(sys.argv) > 5 else "search") == "search"
    sys.path.insert(0, code)
    import sitegen
    assert sitegen.__file__.startswith(str(Path(code).resolve())) or sitegen.__file__.startswith(code), sitegen.__file__
    from sitegen import build as buildmod
    from sitegen.cache import modelcache, patchbuild
    from sitegen.core.options import BuildOptions
    from sitegen.index import index
    from sitegen.write.write import Staging

    modelcache._code_digest = lambda: "constant-for-ab"
    modelcache._digest_folders = lambda folders: "constant-themes"
    began = time.perf_counter()
    log: list = []

    def wrap(owner, name: str) -> None:
        function = getattr(owner, name, None)
        if function is None:
            return

        def timed(*args, **kwargs):
            start = time.perf_counter() - began
            try:
                return function(*args, **kwargs)
            finally:
                log.append((name, round(start, 2), round(time.perf_counter() - began, 2)))

        setattr(owner, name, timed)

    for owner, name in [(index, "update"), (index, "start_update"), (index, "index"), (patchbuild, "_stage"),
                        (patchbuild, "_data"), (patchbuild, "_patch"), (patchbuild, "_finish"),
                        (modelcache.ModelCache, "update"), (modelcache.ModelCache, "load"),
                        (getattr(index, "Update", None), "finish"), (getattr(index, "Indexing", None), "_shard"),
                        (buildmod, "_render_and_write"), (modelcache, "_listing"), (modelcache.ModelCache, "store"),
                        (modelcache.ModelCache, "tree_use"), (Staging, "commit")]:
        if owner is not None:
            wrap(owner, name)
    began = time.perf_counter()
    options = BuildOptions(output=Path(out), cache=None if cache == "-" else Path(cache), search=search)
    result = buildmod.build(Path(site), options)
    wall = time.perf_counter() - began
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"code": code, "wall": round(wall, 2), "cpu_self": round(own.ru_utime + own.ru_stime, 2),
                      "cpu_children": round(children.ru_utime + children.ru_stime, 2),
                      "load": round(os.getloadavg()[0], 1), "cache": result.cache,
                      "stages": sorted(log, key=lambda stage: stage[1])}, ensure_ascii=False))


if __name__ == "__main__":
    main()
