"""Search relevance of the built site, typed into its search page in a real browser.

    python benchmarks/search_quality.py [--site DIR] [--output DIR] [--no-build] [--json FILE]

Builds the site with `sitegen build`, serves it on 127.0.0.1, and in headless
Chromium (Playwright driving /usr/bin/chromium) types each query of
benchmarks/search_queries.yaml into /search/, submits it and reads the result
list the page shows (its first page: 20 results).

The queries and the tasks relevant to each were judged from the notices' data,
not from the index (benchmarks/search_queries.yaml says how, group by group).
Metrics count task results only (a notice's own record is left out):

- recall@10: relevant tasks among the first 10 results / min(10, relevant tasks)
  (capped, so that a 文号 with 81 tasks can reach 1);
- precision: relevant tasks among the first k = min(10, relevant tasks) results / k;
- MRR: 1 / rank of the first relevant task (0 if none in the first 20).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from search_browser import chromium, serve  # noqa: E402

QUERIES = HERE / "search_queries.yaml"
SETTLED = """() => /(找到 \\d+ 条|共 \\d+ 条|没有)/.test(document.getElementById('search-status').textContent)"""


def load_queries(path: Path = QUERIES) -> list[dict]:
    """[{group, q, relevant: set of task ids}], in file order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [{"group": g["group"], "q": q["q"], "relevant": set(q["relevant"])}
            for g in data["groups"] for q in g["queries"]]


def build(site: Path, output: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitegen", "build", "--site", str(site), "--output", str(output)],
                   check=True, capture_output=True)
    return time.perf_counter() - started


def typed(page, base: str, query: str) -> tuple[list[str], str]:
    """Type `query` into the search page, submit; the task ids of the results shown, and the status line."""
    page.fill("#search-q", "")
    page.evaluate("document.getElementById('search-status').textContent = ''")
    page.fill("#search-q", query)
    page.press("#search-q", "Enter")
    page.wait_for_function(SETTLED, timeout=30000)
    page.wait_for_timeout(50)
    hrefs = page.locator("#search-results > li h2 a").evaluate_all("els => els.map(a => a.href)")
    ids = []
    for href in hrefs:
        parts = urlsplit(href).path.strip("/").split("/")
        if len(parts) == 3 and parts[0] == "notices":
            ids.append(f"{parts[1]}/{parts[2]}")
    return ids, page.locator("#search-status").text_content()


def score(query: dict, ids: list[str]) -> dict:
    relevant = query["relevant"]
    k = min(10, len(relevant))
    top = ids[:10]
    first = next((i + 1 for i, x in enumerate(ids) if x in relevant), None)
    return {"recall10": sum(x in relevant for x in top) / k, "precision": sum(x in relevant for x in ids[:k]) / k,
            "rr": 1 / first if first else 0.0}


def run(site: Path, output: Path | None, build_site: bool = True) -> dict:
    queries = load_queries()
    with tempfile.TemporaryDirectory(prefix="sitegen-search-quality-") as tmp:
        output = output or Path(tmp) / "site"
        seconds = build(site, output) if build_site else None
        rows = []
        with serve(output) as base, chromium() as browser:
            page = browser.new_page()
            page.goto(base + "/search/")
            page.wait_for_function("() => document.getElementById('search-status').textContent === ''")
            started = time.perf_counter()
            for query in queries:
                ids, status = typed(page, base, query["q"])
                rows.append({"group": query["group"], "q": query["q"], "relevant": len(query["relevant"]),
                             "returned": len(ids), "status": status, **score(query, ids),
                             "missed": sorted(query["relevant"] - set(ids[:10]))[:5],
                             "wrong": [x for x in ids[:min(10, len(query["relevant"]))] if x not in query["relevant"]][:5]})
            search_seconds = time.perf_counter() - started

    def mean(key, subset):
        return round(sum(r[key] for r in subset) / len(subset), 4) if subset else None

    groups = list(dict.fromkeys(r["group"] for r in rows))
    summary = {"queries": len(rows), "recall@10": mean("recall10", rows), "precision": mean("precision", rows),
               "mrr": mean("rr", rows), "build_seconds": seconds and round(seconds, 1),
               "search_seconds": round(search_seconds, 1),
               "by_group": {g: {"queries": len([r for r in rows if r["group"] == g]),
                                "recall@10": mean("recall10", [r for r in rows if r["group"] == g]),
                                "precision": mean("precision", [r for r in rows if r["group"] == g]),
                                "mrr": mean("rr", [r for r in rows if r["group"] == g])} for g in groups}}
    return {"summary": summary, "per_query": rows}


def failing(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["recall10"] < 1 or r["precision"] < 1 or r["rr"] < 1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=HERE.parent, help="the site to build (default: this repository)")
    parser.add_argument("--output", type=Path, help="build into this folder (default: a temporary one)")
    parser.add_argument("--no-build", action="store_true", help="measure an already built --output")
    parser.add_argument("--json", type=Path, help="write the full report (every query) here")
    args = parser.parse_args(argv)
    if args.no_build and not args.output:
        parser.error("--no-build needs --output")
    report = run(args.site, args.output, build_site=not args.no_build)
    print(json.dumps(report["summary"], ensure_ascii=False, indent=2))
    for r in failing(report["per_query"]):
        print(f"  {r['group']:13} {r['q']:12}\trecall@10 {r['recall10']:.2f}  precision {r['precision']:.2f}  "
              f"rr {r['rr']:.2f}  ({r['relevant']} relevant, {r['returned']} shown) missed {r['missed']} "
              f"wrong {r['wrong']}")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
