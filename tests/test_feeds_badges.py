"""Progress outputs: Atom feeds, embeddable SVG badges and roll-up arithmetic."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from conftest import run
from sitegen.content.loadsite import load_site
from sitegen.render.rollup import of as rollup_of

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def built(mini, tmp_path):
    out = tmp_path / "out"
    result = run("build", "--site", mini, "--output", out, "--no-search", "--base-url", "https://t.example.org/")
    assert result.exit_code == 0, result.output
    return out


def entries(path):
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    return root, [(e.find(f"{ATOM}title").text, e.find(f"{ATOM}id").text,
                   e.find(f"{ATOM}link").get("href"), e.find(f"{ATOM}updated").text)
                  for e in root.findall(f"{ATOM}entry")]


def test_site_feed_parses_as_atom_with_every_update_newest_first(built):
    root, items = entries(built / "feeds/updates.xml")
    assert root.find(f"{ATOM}id").text == "https://t.example.org/feeds/updates.xml"
    assert [i[3][:10] for i in items] == ["2019-06-30", "2019-06-30", "2019-03-31"]
    assert {i[2] for i in items} == {"https://t.example.org/notices/ceshi-2019-1/1-1/",
                                     "https://t.example.org/notices/ceshi-2019-1/1-2/"}
    assert len({i[1] for i in items}) == 3
    assert items[-1][0].startswith("达进度：")


def test_unit_feed_holds_only_that_units_updates(built):
    _, items = entries(built / "feeds/units/ceshi-shi/shi-fa-gai-wei.xml")
    assert len(items) == 3  # 市发改委 is on tasks 1-1 (two updates) and 1-2 (one)
    assert not (built / "feeds/units/ceshi-shi/shi-huan-bao-ju.xml").exists()  # no updates, no feed


def test_task_and_unit_badges_at_stable_urls(built):
    task_badge = ET.parse(built / "badges/tasks/ceshi-2019-1/1-1.svg").getroot()
    assert task_badge.get("aria-label") == "进展：✔ 已完成 100%"
    unit_badge = ET.parse(built / "badges/units/ceshi-shi/shi-cai-zheng-ju.svg").getroot()
    assert unit_badge.get("aria-label") == "任务：已完成 1/2"
    page = (built / "notices/ceshi-2019-1/1-1/index.html").read_text(encoding="utf-8")
    assert "&lt;img src=&#34;https://t.example.org/badges/tasks/ceshi-2019-1/1-1.svg&#34;" in page \
        or '&lt;img src="https://t.example.org/badges/tasks/ceshi-2019-1/1-1.svg"' in page


def test_rollup_arithmetic(mini):
    site = load_site(mini, as_of=__import__("datetime").date(2020, 1, 15))
    r = rollup_of(site, site.tasks.values())
    counts = {s.id: n for s, n in r.counts}
    assert r.total == 3 and counts["completed"] == 1 and counts["behind"] == 1 and counts["not-reported"] == 1
    assert sum(counts.values()) == r.total and r.done == 1 and r.done_percent == 33
    segments = r.segments(300)
    assert len(segments) == 3 and abs(sum(w for *_, w in segments) - 300) < 0.01
    assert [x for _, _, x, _ in segments] == sorted(x for _, _, x, _ in segments)
    # 1-3 (年底前 2019) is past its deadline but was never reported: not overdue, only "deadline passed"
    assert r.overdue == 0
    unit = next(u for u in site.units if u.name == "市发改委")
    assert rollup_of(site, unit.tasks).total == 2


def test_reported_task_past_deadline_is_overdue(mini):
    import datetime

    progress = mini / "content/progress/ceshi-2019-1.yaml"
    progress.write_text(progress.read_text(encoding="utf-8") + '"1-3":\n  - date: 2019-06-30\n    status: behind\n',
                        encoding="utf-8")
    site = load_site(mini, as_of=datetime.date(2020, 1, 15))
    assert rollup_of(site, site.tasks.values()).overdue == 1


def test_equal_badges_are_one_file_and_different_ones_never(built):
    """Badges repeat (tasks share a few states): each after the first with the same bytes is a hard
    link to it (write.Shared), which spares the system a new file for 14,000 of 15,000 at 10k tasks.
    sitegen serve and --cache replace a file rather than write into it, so a link never changes
    another badge (tests/test_serve_incremental.py and tests/test_cache.py compare with clean builds)."""
    by_bytes: dict = {}
    for path in sorted((built / "badges").rglob("*.svg")):
        by_bytes.setdefault(path.read_bytes(), []).append(path)
    repeated = [paths for paths in by_bytes.values() if len(paths) > 1]
    assert repeated, "the fixture has two units with the same roll-up"
    for paths in repeated:
        assert len({p.stat().st_ino for p in paths}) == 1
    assert len({paths[0].stat().st_ino for paths in by_bytes.values()}) == len(by_bytes)
