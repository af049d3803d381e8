"""Two versions of the templates against each other on one site, page by page.

    python benchmarks/template_ab.py SITE OLD_TEMPLATES [--only task.html,unit.html] [--limit N]

Renders every page of SITE (in the build's order, one process) with the templates in OLD_TEMPLATES
(A) and with the site's own lookup (B: the working tree's theme), alternating A and B page by page,
each with its own memo(); prints the CPU time of each per template and the ratio B/A, and the pages
whose output differs. On a shared machine back-to-back runs of the same build differ more than the
changes measured (docs/performance.md); interleaving page by page puts both under the same load. A copy of the old templates: `git show REV:themes/default/templates/X`.
"""

from __future__ import annotations

import argparse
import collections
import gc
import time
import types
from pathlib import Path

import jinja2

from sitegen.render import render
from sitegen.content.loadsite import load_site


def environments(site, old: Path) -> dict:
    envs = {}
    for name in "AB":
        env = render.page_environment(site, render.site_assets(site), False)
        env.globals["memo"] = render.fragment_memo(types.SimpleNamespace())  # a memo each: no shared parts
        envs[name] = env
    envs["A"].loader = jinja2.FileSystemLoader(str(old))
    envs["A"].cache.clear()
    render.check_templates(envs["A"])  # compiled before timing, as B's are
    return envs


def compare(site, envs: dict, pages: list) -> tuple[dict, list]:
    spent = {name: collections.Counter() for name in envs}
    differ = []
    for i, page in enumerate(pages):
        out = {}
        for name in ("AB" if i % 2 else "BA"):
            started = time.process_time()
            out[name] = render.render_page(envs[name], page)
            spent[name][page.template] += time.process_time() - started
        if out["A"] != out["B"]:
            differ.append(page.path)
    return spent, differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("old", type=Path, help="folder with the old templates")
    parser.add_argument("--only", default="", help="templates to render, comma-separated")
    parser.add_argument("--limit", type=int, default=None, help="the first N pages only")
    args = parser.parse_args()
    site = load_site(args.site)
    envs = environments(site, args.old)
    pages = sorted(render.pages(site), key=render.affinity(site))
    if args.only:
        pages = [p for p in pages if p.template in args.only.split(",")]
    pages = pages[:args.limit]
    gc.collect()
    gc.freeze()
    spent, differ = compare(site, envs, pages)
    a, b = spent["A"], spent["B"]
    print(f"{'template':18} {'A s':>8} {'B s':>8} {'B/A':>6}")
    for template in sorted(a, key=a.get, reverse=True):
        print(f"{template:18} {a[template]:8.3f} {b[template]:8.3f} {b[template] / a[template]:6.3f}")
    print(f"{'all':18} {sum(a.values()):8.3f} {sum(b.values()):8.3f} {sum(b.values()) / sum(a.values()):6.3f}")
    print(f"{len(differ)} of {len(pages)} pages differ" + (f", e.g. {differ[:3]}" if differ else ""))


if __name__ == "__main__":
    main()
