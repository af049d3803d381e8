"""Search quality of the built site's Pagefind index, measured in a real browser.

    python benchmarks/search_quality.py [--site /work/main] [--output DIR] [--queries 240] [--json FILE]

Builds the site with `sitegen build` (the same Pagefind binary every build
uses), serves it on 127.0.0.1, and in headless Chromium (Playwright driving
/usr/bin/chromium) calls the site's own `pagefind.search(q)` for each query,
exactly as the search page does.

Queries (deterministic, seeded): 2-6 Chinese characters drawn from the
content: words of the task texts (as the browser's own word segmenter,
Intl.Segmenter, cuts them, which is what Pagefind does to a query), pairs of
adjacent words, unit names and leader names.

Ground truth: a task is relevant to a query when the text of its search record
(what Pagefind was given for the task page: number, text, units, leader,
deadline, notice title and 文号, ...) contains the query as a substring.
recall = relevant tasks returned / relevant tasks; precision = relevant tasks
returned / tasks returned (notice pages in the results are counted apart).
Both are reported per query averaged (macro) and over all pairs (micro).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from search_browser import chromium, fragments, pagefind_search, serve  # noqa: E402

HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")
TASK_URL = re.compile(r"^/notices/[^/]+/[^/]+/$")

SEGMENT_JS = """
(texts) => {
  const seg = new Intl.Segmenter('zh-CN', {granularity: 'word'});
  return texts.map(t => Array.from(seg.segment(t)).map(s => s.segment));
}
"""


def build(site: Path, output: Path) -> float:
    from sitegen.build import BuildOptions, build as run_build

    started = time.perf_counter()
    run_build(site, BuildOptions(output=output))
    return time.perf_counter() - started


def task_records(output: Path) -> dict[str, str]:
    """url -> the indexed text of every task page (hint text, if any, left out)."""
    return {url: r["content"] for url, r in fragments(output).items() if TASK_URL.match(url)}


def make_queries(page, output: Path, count: int, seed: int) -> list[tuple[str, str]]:
    tasks = json.loads((output / "data" / "tasks.json").read_text(encoding="utf-8"))
    rng = random.Random(seed)
    texts = [t["text"] for t in tasks]
    words, pairs = set(), set()
    for segments in page.evaluate(SEGMENT_JS, texts):
        for a, b in zip(segments, segments[1:] + [""]):
            if HAN.match(a) and 2 <= len(a) <= 6:
                words.add(a)
            if HAN.match(a) and b and HAN.match(b) and 3 <= len(a + b) <= 6:
                pairs.add(a + b)
    units = {u for t in tasks for u in t["units"] if HAN.match(u) and 2 <= len(u) <= 6}
    leaders = {t["leader"] for t in tasks if t.get("leader")} | {n for t in tasks for n in t.get("assisting_leaders") or []}
    leaders = {n for n in leaders if HAN.match(n)}

    def pick(pool, n):
        pool = sorted(pool)
        return rng.sample(pool, min(n, len(pool)))

    share = {"word": 0.5, "pair": 0.25, "unit": 0.15}
    queries = [(q, "leader") for q in sorted(leaders)]
    queries += [(q, "unit") for q in pick(units, round(count * share["unit"]))]
    queries += [(q, "pair") for q in pick(pairs, round(count * share["pair"]))]
    seen = {q for q, _ in queries}
    queries += [(q, "word") for q in pick(words - seen, max(0, count - len(queries)))]
    return queries


def score(queries, results, records) -> dict:
    per_query, hits_total, truth_total, returned_total = [], 0, 0, 0
    for q, kind in queries:
        truth = {url for url, text in records.items() if q in text}
        urls = results.get(q, [])
        tasks = [u for u in urls if u in records]
        hits = len(truth & set(tasks))
        recall = hits / len(truth) if truth else 1.0
        precision = hits / len(tasks) if tasks else (1.0 if not truth else 0.0)
        per_query.append({"query": q, "kind": kind, "relevant": len(truth), "returned": len(tasks),
                          "notices": len(urls) - len(tasks), "hits": hits,
                          "recall": round(recall, 4), "precision": round(precision, 4)})
        hits_total += hits
        truth_total += len(truth)
        returned_total += len(tasks)

    def mean(key, rows):
        return round(sum(r[key] for r in rows) / len(rows), 4) if rows else None

    summary = {
        "queries": len(per_query),
        "recall": mean("recall", per_query),
        "precision": mean("precision", per_query),
        "micro_recall": round(hits_total / truth_total, 4) if truth_total else None,
        "micro_precision": round(hits_total / returned_total, 4) if returned_total else None,
        "perfect_recall_share": round(sum(r["recall"] == 1 for r in per_query) / len(per_query), 4),
        "by_kind": {k: {"queries": len([r for r in per_query if r["kind"] == k]),
                        "recall": mean("recall", [r for r in per_query if r["kind"] == k]),
                        "precision": mean("precision", [r for r in per_query if r["kind"] == k])}
                    for k in ("word", "pair", "unit", "leader")},
    }
    return {"summary": summary, "per_query": per_query}


def run(site: Path, output: Path | None, count: int, seed: int, build_site: bool = True, raw: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="sitegen-search-quality-") as tmp:
        output = output or Path(tmp) / "site"
        seconds = build(site, output) if build_site else None
        records = task_records(output)
        with serve(output) as base, chromium() as browser:
            page = browser.new_page()
            page.goto(base + "/search/")
            queries = make_queries(page, output, count, seed)
            started = time.perf_counter()
            results = pagefind_search(page, [q for q, _ in queries], raw=raw)
            search_seconds = time.perf_counter() - started
        report = score(queries, results, records)
        report["summary"].update(mode="raw pagefind.search(q)" if raw else "search page (search.js)", tasks=len(records), build_seconds=seconds and round(seconds, 2),
                                 search_seconds=round(search_seconds, 2))
        return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=HERE.parent, help="the site to build (default: this repository)")
    parser.add_argument("--output", type=Path, help="build into this folder (default: a temporary one)")
    parser.add_argument("--no-build", action="store_true", help="measure an already built --output")
    parser.add_argument("--queries", type=int, default=240)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--raw", action="store_true",
                        help="call pagefind.search(q) directly instead of searching as the search page does")
    parser.add_argument("--json", type=Path, help="write the full report (every query) here")
    parser.add_argument("--worst", type=int, default=15, help="print this many worst queries")
    args = parser.parse_args(argv)
    if args.no_build and not args.output:
        parser.error("--no-build needs --output")
    report = run(args.site, args.output, args.queries, args.seed, build_site=not args.no_build, raw=args.raw)
    print(json.dumps(report["summary"], ensure_ascii=False, indent=2))
    worst = sorted(report["per_query"], key=lambda r: (r["recall"], r["precision"]))[:args.worst]
    for r in worst:
        print(f"  {r['kind']:6} {r['query']:8}\trecall {r['recall']:.2f} ({r['hits']}/{r['relevant']})"
              f"\tprecision {r['precision']:.2f} ({r['returned']} returned)")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
