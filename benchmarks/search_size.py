"""Search index at scale: index time and what a browser downloads for a first query.

    python benchmarks/search_size.py [--tasks 10000] [--work /tmp/search-size] [--shard-pages N]

Makes a synthetic site with benchmarks/generate.py, builds it without the index,
then times the index step (sitegen.index.index.index over the loaded model, the same
call `sitegen build` makes; --shard-pages sets SITEGEN_SEARCH_SHARD_PAGES). Serves the result on 127.0.0.1 and, in headless
Chromium, opens the search page with a query in its address
(/search/?q=…) as a first-time visitor would; every response under pagefind/
is summed (bytes as served, no HTTP compression; and what gzip would send).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from search_browser import chromium, serve  # noqa: E402

QUERIES = ["棚户区改造", "老旧小区", "市财政局", "养老保险", "营商环境"]
SETTLED = "() => /(找到 \\d+ 条|共 \\d+ 条|没有)/.test(document.getElementById('search-status').textContent)"


def generate(tasks: int, work: Path) -> Path:
    site = work / "sitegen"
    if not (site / "site.yaml").is_file():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--tasks", str(tasks), "--out", str(work)], check=True)
    return site


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def first_query(base: str, output: Path, browser, query: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    seen: list[str] = []
    page.on("requestfinished", lambda request: seen.append(request.url))
    started = time.perf_counter()
    page.goto(f"{base}/search/?q={quote(query)}")
    page.wait_for_function(SETTLED, timeout=60000)
    seconds = time.perf_counter() - started
    count = page.locator("#search-results > li").count()
    status = page.locator("#search-status").inner_text()
    context.close()
    files = [urlsplit(u).path for u in seen if "/pagefind/" in urlsplit(u).path]
    raw = gz = 0
    kinds: dict[str, int] = {}
    for path in files:
        data = (output / path.lstrip("/")).read_bytes()
        raw += len(data)
        gz += len(data) if path.endswith((".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter")) else len(gzip.compress(data, 9))
        kind = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else "other"
        kinds[kind] = kinds.get(kind, 0) + len(data)
    return {"query": query, "requests": len(files), "bytes": raw, "bytes_gzip": gz, "by_kind": kinds,
            "seconds": round(seconds, 2), "results_shown": count, "status": status}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=10000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/sitegen-search-size"))
    parser.add_argument("--shard-pages", type=int, help="shard size (SITEGEN_SEARCH_SHARD_PAGES)")
    parser.add_argument("--reuse", action="store_true", help="measure an output already built and indexed")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    from sitegen.index import index
    from sitegen.build import BuildOptions, build
    from sitegen.content.loadsite import load_site

    work = args.work / str(args.tasks)
    site = generate(args.tasks, work)
    shutil.rmtree(site / "theme", ignore_errors=True)
    if args.shard_pages:
        os.environ[index.ENV_SHARD_PAGES] = str(args.shard_pages)
    output = work / "out"
    build_seconds = index_seconds = None
    if not (args.reuse and (output / "pagefind" / "shards.json").is_file()):
        started = time.perf_counter()
        build(site, BuildOptions(output=output, search=False))
        build_seconds = round(time.perf_counter() - started, 1)
        shutil.rmtree(output / "pagefind", ignore_errors=True)
        site_model = load_site(site)
        started = time.perf_counter()
        index.index(output, site_model)
        index_seconds = round(time.perf_counter() - started, 1)
    report = {
        "tasks": args.tasks, "shard_pages": index.shard_pages(), "pagefind": index.version(),
        "records": index.count_pages(output),
        "build_seconds_without_index": build_seconds, "index_seconds": index_seconds,
        "index_bytes": folder_bytes(output / "pagefind"),
        "index_files": sum(1 for p in (output / "pagefind").rglob("*") if p.is_file()),
    }
    with serve(output) as base, chromium() as browser:
        report["first_queries"] = [first_query(base, output, browser, q) for q in QUERIES]
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
