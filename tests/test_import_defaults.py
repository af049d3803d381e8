"""The committed default content is exactly the importer's output plus the committed corrections.

If this fails after an importer change, run `python -m sitegen.importer.defaults`,
read the diff of content/ and commit it (or fix the importer).
"""

from __future__ import annotations

import shutil

import pytest
import yaml

from sitegen.importer.corrections import apply_corrections
from sitegen.importer.defaults import NOTICES, REPO, regenerate

SHARED = REPO / "content" / "sources"
CONTENT = REPO / "content"



@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    site = tmp_path_factory.mktemp("defaults")
    shutil.copytree(CONTENT / "corrections", site / "content" / "corrections")
    regenerate(SHARED, site)
    return site / "content"


def real(items):
    return [i for i in items or [] if not i.get("fictional")]


def test_notices_and_reports_equal_the_regenerated_ones(fresh):
    for nid in NOTICES:
        for suffix in (".yaml", ".review.md"):
            committed = (CONTENT / "notices" / f"{nid}{suffix}").read_text(encoding="utf-8")
            assert committed == (fresh / "notices" / f"{nid}{suffix}").read_text(encoding="utf-8"), nid + suffix


def test_registries_equal_the_regenerated_ones(fresh):
    for path in sorted((fresh / "units").glob("*.yaml")):
        assert (CONTENT / "units" / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    for name in ("jurisdictions.yaml", "leaders.yaml"):
        committed = yaml.safe_load((CONTENT / name).read_text(encoding="utf-8"))
        assert real(committed) == real(yaml.safe_load((fresh / name).read_text(encoding="utf-8"))), name


def test_the_corrections_that_remain():
    """Each correction is a bug the importer does not fix itself; the list should only shrink."""
    remaining = {}
    for path in sorted((CONTENT / "corrections").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            remaining.setdefault(path.stem, []).append(str(item.get("task") or "notice"))
    assert remaining == {"huzhou-2019-huzhengbanfa-9": ["1-18"]}


def test_every_correction_is_still_needed(fresh, tmp_path):
    from sitegen.importer import import_notice
    for path in sorted((CONTENT / "corrections").glob("*.yaml")):
        raw = import_notice(str(SHARED / f"{path.stem}.txt"), tmp_path, force=True).data  # no corrections here
        applied = apply_corrections(raw, path)
        assert all(a.needed for a in applied), [a.target for a in applied if not a.needed]
