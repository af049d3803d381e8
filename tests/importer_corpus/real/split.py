"""How the real corpus was split into dev/ and test/ (run once, on 2026-12-06; kept as the record).

Stratified by layout family, fixed seed: within each family (sorted by slug) 3 of every 8
notices, rounded half up and at least one, go to test/.  Usage:

    python tests/importer_corpus/real/split.py DIR   # prints "slug family dev|test" for DIR/*.gold.yaml
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

SEED = 17
TEST_SHARE = 3 / 8


def family(layouts: list[str]) -> str:
    tags = set(layouts)
    if any(t.startswith("table-") for t in tags):
        return "table"
    if tags & {"leader-heading", "unit-heading"}:
        return "heading"
    if "prose-label-lines" in tags:
        return "label"
    if "prose-bracket-attribution" in tags:
        return "bracket"
    return "other"


def assign(golds: dict[str, list[str]]) -> dict[str, str]:
    rng = random.Random(SEED)
    strata: dict[str, list[str]] = {}
    for slug in sorted(golds):
        strata.setdefault(family(golds[slug]), []).append(slug)
    part = {}
    for name in sorted(strata):
        slugs = strata[name]
        k = max(1, int(len(slugs) * TEST_SHARE + 0.5))
        test = set(rng.sample(slugs, k))
        for slug in slugs:
            part[slug] = "test" if slug in test else "dev"
    return part


def main(folder: str) -> None:
    golds = {p.name[: -len(".gold.yaml")]: yaml.safe_load(p.read_text(encoding="utf-8"))["layouts"]
             for p in Path(folder).glob("*.gold.yaml")}
    for slug, part in sorted(assign(golds).items()):
        print(slug, family(golds[slug]), part)


if __name__ == "__main__":
    main(sys.argv[1])
