"""`sitegen build --cache` after notice edits, search included, with the overlay (sitegen/index/overlay.py):
the edited notices' records are indexed on their own into pagefind/overlay/, their records in the shards
are masked, and no shard is indexed again; the search page answers as it does on a clean build, typed
into it in real Chromium with the real Pagefind binary. Past what the overlay holds, the shards are made
again and the index is a clean build's, byte for byte.

The default site with a shard size of 100 records: six notices in four shards. The first edit is of the
湖州 notice, alone in its shard; the second of the 济南 notice, which shares its shard with the 鄂州 one,
so that a search sorted by date must place the overlay's records inside a shard's."""

from __future__ import annotations

import gzip
import json
import shutil
import sys

import pytest

from conftest import ROOT, read_tree, run
from sitegen.index import index, overlay

sys.path.insert(0, str(ROOT / "benchmarks"))
from search_browser import chromium, serve  # noqa: E402
from test_browser_search import SETTLED, open_search  # noqa: E402

pytestmark = pytest.mark.search

EDITS = [("huzhou-2019-huzhengbanfa-9", "建成10家综合供能服务站", "建成10家潮汐车道补给站"),
         ("jinan-2017-jizhengbanzi-22", "加快推进百联奥特莱斯、宜家等", "加快推进海绵城市示范片区等")]
THIRD = ("jiyang-2023", "济阳", "济阳区")


def copy_site(target):
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copy(ROOT / "site.yaml", target / "site.yaml")
    return target


def edit(site, notice, old, new):
    path = site / "content" / "notices" / f"{notice}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(*args):
    result = run("build", *args)
    assert result.exit_code == 0, result.output
    return result.output


def manifest(folder):
    return json.loads((folder / "pagefind" / "shards.json").read_text(encoding="utf-8"))


def fragments(folder):
    """{id: fragment} of every bundle under folder/pagefind."""
    out = {}
    for path in (folder / "pagefind").rglob("fragment/*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        out[(path.parent.parent.name, path.stem)] = json.loads(data[len(b"pagefind_dcd"):])
    return out


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """A cold --cache build; each edit, then the --cache build and a clean build of the edited site (copied
    aside); a third edit with the overlay held to fewer records than it would need."""
    work = tmp_path_factory.mktemp("search-overlay")
    site = copy_site(work / "site")
    out, cache = work / "out", work / "cache"
    notes = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(index.ENV_SHARD_PAGES, "100")
        build("--site", site, "--output", out, "--cache", cache)
        shutil.copytree(out, work / "cold")
        for n, (notice, old, new) in enumerate(EDITS, 1):
            edit(site, notice, old, new)
            notes.append(build("--site", site, "--output", out, "--cache", cache))
            shutil.copytree(out, work / f"warm{n}")
            build("--site", site, "--output", work / f"clean{n}")
        edit(site, *THIRD)
        patch.setenv(overlay.ENV_PAGES, "130")  # the three notices hold 147 records
        notes.append(build("--site", site, "--output", out, "--cache", cache))
        build("--site", site, "--output", work / "clean3")
    return work, notes


def test_the_edited_notices_go_to_the_overlay_and_no_shard_is_indexed_again(work):
    folder, notes = work
    assert "search: 1 edited notice(s) indexed into the overlay, 0 of 4 index shard(s) made again" in notes[0]
    assert "search: 2 edited notice(s) indexed into the overlay, 0 of 4 index shard(s) made again" in notes[1]
    cold = read_tree(folder / "cold" / "pagefind")
    for n in (1, 2):
        warm = read_tree(folder / f"warm{n}" / "pagefind")
        shards = {p: b for p, b in warm.items() if not p.startswith("overlay/") and p not in (index.MANIFEST, index.VARIANTS)}
        assert shards == {p: b for p, b in cold.items() if p not in (index.MANIFEST, index.VARIANTS)}
        assert manifest(folder / f"warm{n}")["shards"] == manifest(folder / "cold")["shards"]
    layer = manifest(folder / "warm2")["overlay"]
    assert sorted(layer["notices"]) == sorted(e[0] for e in EDITS)
    assert layer["days"] == ["2017-04-18", "2019-02-27"]


def test_the_masked_records_are_exactly_the_edited_notices_records_in_the_shards(work):
    folder, _ = work
    layer = manifest(folder / "warm2")["overlay"]
    shards = {k: f for k, f in fragments(folder / "warm2").items() if k[0] != "overlay"}
    edited = tuple(f"/notices/{e[0]}/" for e in EDITS)
    assert sorted(k[1] for k, f in shards.items() if f["url"].startswith(edited)) == layer["masked"]
    layered = {k[1]: f for k, f in fragments(folder / "warm2").items() if k[0] == "overlay"}
    assert not set(layered) & set(layer["masked"])  # the marker: no overlay record has a masked one's id
    clean = {f["url"] for f in fragments(folder / "clean2").values()}
    assert {f["url"] for f in layered.values()} == {u for u in clean if u.startswith(edited)}
    masked_counts: dict = {}
    for f in (f for k, f in shards.items() if k[1] in layer["masked"]):
        for key, values in f["filters"].items():
            for value in values:
                masked_counts.setdefault(key, {}).setdefault(value, 0)
                masked_counts[key][value] += 1
    assert layer["uncount"] == masked_counts
    assert index.count_pages(folder / "warm2") == index.count_pages(folder / "clean2")


def test_only_the_index_differs_from_a_clean_build(work):
    folder, _ = work
    for n in (1, 2):
        warm, clean = read_tree(folder / f"warm{n}"), read_tree(folder / f"clean{n}")
        assert {p: b for p, b in warm.items() if not p.startswith("pagefind/")} == \
            {p: b for p, b in clean.items() if not p.startswith("pagefind/")}


def test_past_what_the_overlay_holds_the_shards_are_made_again_as_a_clean_build_makes_them(work):
    folder, notes = work
    assert "into the overlay" not in notes[2]
    assert "search: 3 of 4 index shard(s) made again" in notes[2]  # 湖州's, 济南's and 济阳's
    assert read_tree(folder / "out") == read_tree(folder / "clean3")
    assert read_tree(folder / "cache" / "tree") == read_tree(folder / "clean3")


# --- in the browser: the page answers as on a clean build ---------------------------------------------

QUERIES = ["潮汐车道", "综合供能", "海绵城市", "奥特莱斯", "停车位", "民生实事", "乡村振兴", "消费", "济南", "營商環境"]


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def bases(work):
    with serve(work[0] / "warm2") as warm, serve(work[0] / "clean2") as clean:
        yield warm, clean


@pytest.fixture(scope="module")
def dates(work):
    data = read_tree(work[0] / "clean2")
    notices = {n["id"]: n["published"] for n in json.loads(data["data/notices.json"])}
    return lambda url: notices[url.split("/")[2]]


@pytest.mark.browser
@pytest.mark.parametrize("query", QUERIES)
def test_the_same_results_as_a_clean_build(page, bases, query):
    warm, clean = bases
    assert sorted(open_search(page, warm, query)) == sorted(open_search(page, clean, query))


@pytest.mark.browser
def test_the_edit_is_found_and_what_it_removed_is_not(page, bases):
    warm, _ = bases
    tide = open_search(page, warm, "潮汐车道")
    assert len(tide) == 1 and tide[0].split("/")[2] == EDITS[0][0]
    assert tide[0] not in open_search(page, warm, "综合供能")  # what the edit removed
    sponge = [u for u in open_search(page, warm, "海绵城市示范片区") if u.split("/")[2] == EDITS[1][0]]
    assert len(sponge) == 1 and sponge[0] not in open_search(page, warm, "奥特莱斯")


@pytest.mark.browser
@pytest.mark.parametrize("sort", ["date-desc", "date-asc"])
@pytest.mark.parametrize("query", ["消费", ""])
def test_sorted_by_date_the_overlays_records_stand_in_their_place(page, bases, dates, sort, query):
    warm, clean = bases
    filters = {"sort": sort} | ({} if query else {"status": "未报告"})
    got, want = open_search(page, warm, query, **filters), open_search(page, clean, query, **filters)
    assert sorted(got) == sorted(want) and any(u.split("/")[2] == EDITS[1][0] for u in got)
    assert [dates(u) for u in got] == [dates(u) for u in want]


@pytest.mark.browser
def test_the_filters_count_as_on_a_clean_build(page, bases):
    counts = []
    for base in bases:
        open_search(page, base, "车")
        page.click("#search-filters summary")
        page.wait_for_function("() => document.getElementById('search-filters').dataset.loaded === 'true'")
        counts.append({key: page.locator(f"#filter-{key} option").all_inner_texts()[1:]
                       for key in ("government", "notice", "unit", "leader", "theme", "status", "year")})
    assert counts[0] == counts[1]
    page.wait_for_function(SETTLED)
