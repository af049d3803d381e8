"""Regenerate the site's default content: the five notices, imported, plus committed corrections.

    python -m sitegen.importer.defaults [NOTICES_DIR] [--site DIR]

NOTICES_DIR defaults to ../shared/notices beside the repository; --site to the
repository itself. Everything the importer owns is rewritten from scratch
(notices, their review reports, the unit registries, jurisdictions and leaders
of real governments), so the committed content can be checked against it:
tests/test_import_defaults.py does exactly that. Fictional demonstration
entries and everything else in content/ are left alone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.errors import SitegenError
from . import import_notice
from .writer import dump, load, write_atomic

NOTICES = [
    "jinan-2017-jizhengbanzi-22",
    "jiyang-2023",
    "ezhou-2014-ezhouzhengbanfa-4",
    "huzhou-2019-huzhengbanfa-9",
    "wuchang-2017-wuchangzhengban-1",
]
REPO = Path(__file__).resolve().parents[2]


def regenerate(notices_dir: Path, site: Path) -> list[str]:
    """Re-import the default notices into site; returns the report of each."""
    content = site / "content"
    _clear(content)
    reports = []
    for nid in NOTICES:
        source = notices_dir / f"{nid}.txt"
        if not source.exists():
            raise SitegenError(f"{source}: missing; give the folder of the raw notices")
        reports.append(import_notice(str(source), site, force=True, reviewed=True).report_text)
    return reports


def _clear(content: Path) -> None:
    jurisdictions = load(content / "jurisdictions.yaml") or []
    real = {j["id"] for j in jurisdictions if not j.get("fictional")}
    for nid in NOTICES:
        for suffix in (".yaml", ".review.md"):
            (content / "notices" / f"{nid}{suffix}").unlink(missing_ok=True)
    for jid in real:
        (content / "units" / f"{jid}.yaml").unlink(missing_ok=True)
    _keep(content / "jurisdictions.yaml", [j for j in jurisdictions if j.get("fictional")])
    leaders = load(content / "leaders.yaml") or []
    _keep(content / "leaders.yaml", [leader for leader in leaders if leader.get("jurisdiction") not in real])


def _keep(path: Path, items: list) -> None:
    if items:
        write_atomic(path, dump(items))
    else:
        path.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen.importer.defaults", description=__doc__.split("\n")[0])
    parser.add_argument("notices", nargs="?", type=Path, default=REPO.parent / "shared" / "notices")
    parser.add_argument("--site", type=Path, default=REPO)
    args = parser.parse_args(argv)
    try:
        reports = regenerate(args.notices, args.site)
    except SitegenError as error:
        print(error, file=sys.stderr)
        return 1
    for nid, report in zip(NOTICES, reports, strict=False):
        first = next(line for line in report.splitlines() if line.startswith("- tasks:"))
        coverage = next(line for line in report.splitlines() if "characters (" in line).split(" of the source")[0]
        print(f"{nid}: {first[2:]}, coverage {coverage}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
