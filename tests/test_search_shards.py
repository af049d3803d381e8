"""The search index in shards (sitegen/index/index.py, docs/search.md): the default site built with a
shard size of 100 records, so that its six notices (307 records) make four shards, checked on
disk and searched in real Chromium through the search page."""

from __future__ import annotations

import gzip
import itertools
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT, run
from sitegen.index import index

sys.path.insert(0, str(ROOT / "benchmarks"))
from search_browser import chromium, serve, unspaced  # noqa: E402
from test_browser_search import SETTLED, open_search, result_urls  # noqa: E402

pytestmark = pytest.mark.search

SHARD_PAGES = 100


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("sharded-site") / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(index.ENV_SHARD_PAGES, str(SHARD_PAGES))
        result = run("build", "--site", ROOT, "--output", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def manifest(site):
    return json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]


def bundle_records(bundle: Path) -> dict[str, dict]:
    """url -> record (content as written, filters, meta) of every fragment in one bundle."""
    records = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{"):].decode("utf-8"))
        record["content"] = unspaced(record["content"])
        records[record["url"]] = record
    return records


@pytest.fixture(scope="module")
def shard_records(site, manifest):
    """One {url: record} per shard, in the manifest's order."""
    return [bundle_records(site / "pagefind" / shard["path"]) for shard in manifest]


@pytest.fixture(scope="module")
def shard_of(shard_records):
    return {url: n for n, records in enumerate(shard_records) for url in records}


def spread(shard_records, shard_of, key: str) -> str:
    """The value of filter `key` with the fewest records (at least 10) that come from two shards or more:
    a listing that shows the merge without loading every record."""
    urls: dict[str, set[str]] = {}
    for records in shard_records:
        for url, record in records.items():
            for value in record["filters"].get(key, []):
                urls.setdefault(value, set()).add(url)
    fit = [v for v, found in urls.items() if len(found) >= 10 and len({shard_of[u] for u in found}) >= 2]
    return min(fit, key=lambda v: (len(urls[v]), v))


@pytest.fixture(scope="module")
def tasks(site):
    return json.loads((site / "data" / "tasks.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def notices(site):
    return {n["id"]: n for n in json.loads((site / "data" / "notices.json").read_text(encoding="utf-8"))}


def notice_of(url: str) -> str:
    return url.split("/")[2]


# --- on disk ----------------------------------------------------------------------------------


def test_the_index_is_in_several_shards_listed_in_the_manifest(site, manifest):
    assert index.count_pages(site) == 307 > SHARD_PAGES
    assert len(manifest) >= 2
    assert [s["path"] for s in manifest] == ["./"] + [f"{n}/" for n in range(1, len(manifest))]
    for shard in manifest:
        bundle = site / "pagefind" / shard["path"]
        assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert sum(language["page_count"] for language in entry["languages"].values()) == shard["pages"]
        assert shard["pages"] <= SHARD_PAGES * 1.5  # whole notices: about the shard size, never much more
    # the search page finds the manifest next to the first bundle, where it always looked for pagefind.js
    assert 'data-pagefind="/pagefind/pagefind.js"' in (site / "search" / "index.html").read_text(encoding="utf-8")
    # and the variants table (searchvariants.py) next to it, once
    assert (site / "pagefind" / index.VARIANTS).is_file() and not (site / "pagefind" / "1" / index.VARIANTS).exists()


def test_every_record_is_in_exactly_one_shard(site, manifest, shard_records, tasks, notices):
    urls = [url for records in shard_records for url in records]
    assert len(urls) == len(set(urls))
    assert set(urls) == {t["url"] for t in tasks} | {n["url"] for n in notices.values()}
    assert sum(s["pages"] for s in manifest) == len(urls) == index.count_pages(site)


def test_notices_are_whole_and_shards_follow_each_other_in_date_order(manifest, shard_records, notices):
    shards_of_notice: dict[str, set[int]] = {}
    for n, records in enumerate(shard_records):
        for url in records:
            shards_of_notice.setdefault(notice_of(url), set()).add(n)
    assert all(len(shards) == 1 for shards in shards_of_notice.values()), shards_of_notice
    dates = [sorted(notices[notice_of(url)]["published"] for url in records) for records in shard_records]
    for earlier, later in itertools.pairwise(dates):
        assert earlier[-1] <= later[0]
    assert [[d[0], d[-1]] for d in dates] == [s["dates"] for s in manifest]
    assert sum(s["notices"] for s in manifest) == len(notices)


def test_the_plan_is_whole_notices_in_order_cut_where_the_notices_say():
    sizes = [101] * 40 + [30, 250] + [7, 60, 130, 12] * 10
    found = [index.IndexedNotice(f"n{i:03}", f"2020-{i % 12 + 1:02}-01", pages) for i, pages in enumerate(sizes)]
    shards = index.plan(found, 400)
    assert [n for s in shards for n in s.notices] == found  # whole, in the given order
    assert all(s.pages - s.notices[-1].pages < 400 for s in shards)  # a shard ends once it holds the limit
    assert all(s.pages >= 200 for s in shards[:-1])  # and never before it holds half
    assert 6_410 / 400 <= len(shards) <= 6_410 / 200  # 6,410 records
    assert [s.path for s in shards] == ["./"] + [f"{n}/" for n in range(1, len(shards))]
    assert index.plan(found, 400) == shards  # deterministic
    assert len(index.plan(found, 10_000)) == 1


def test_a_notice_changing_in_size_seldom_moves_another():
    """What lets a --cache build index again only the edited notice's shard (index.start_update): here 9 in 10
    changes of a notice's size keep every other shard whole, the others change a few shards after it (till
    the cuts fall where they fell), where cuts at fixed positions would move notices across every later one."""
    sizes = [101] * 40 + [30, 250] + [7, 60, 130, 12] * 10
    found = [index.IndexedNotice(f"n{i:03}", "", pages) for i, pages in enumerate(sizes)]
    groups = {tuple(n.name for n in s.notices) for s in index.plan(found, 400)}
    moved = []
    for i, notice in enumerate(found):
        for delta in (-5, -1, 1, 5):
            changed = found[:i] + [index.IndexedNotice(notice.name, "", notice.pages + delta)] + found[i + 1:]
            moved.append(len(groups - {tuple(n.name for n in s.notices) for s in index.plan(changed, 400)}))
    assert max(moved) <= 4
    assert moved.count(0) >= 0.9 * len(moved)  # the notice's own shard, the same notices: kept whole


def test_the_shard_limit_grows_with_the_site_in_powers_of_two(monkeypatch):
    monkeypatch.delenv(index.ENV_SHARD_PAGES, raising=False)
    of = lambda total: index.shard_limit([index.IndexedNotice("n", "", total)])  # noqa: E731
    assert of(300) == of(8_000) == index.MIN_SHARD_PAGES
    assert of(10_100) == 1024 and of(16_384) == 1024 and of(16_385) == 2048
    assert of(101_000) == index.SHARD_PAGES  # never above it: Pagefind's memory grows with the shard
    monkeypatch.setenv(index.ENV_SHARD_PAGES, "100")
    assert of(10_100) == 100


def test_the_shard_size_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv(index.ENV_SHARD_PAGES, raising=False)
    assert index.shard_pages() == index.SHARD_PAGES
    monkeypatch.setenv(index.ENV_SHARD_PAGES, "5_000")
    assert index.shard_pages() == 5000
    for bad in ["0", "-3", "many"]:
        monkeypatch.setenv(index.ENV_SHARD_PAGES, bad)
        with pytest.raises(index.SitegenError, match=index.ENV_SHARD_PAGES):
            index.shard_pages()


def limited_pagefind(folder: Path) -> dict:
    """An environment whose Pagefind runs under a 90 MB address-space limit, where it cannot start its
    threads and aborts, as the kernel kills it when memory runs out: the real binary behind a wrapper
    named like it (SITEGEN_PAGEFIND_BINARY), so that only Pagefind is limited, not the build."""
    import os

    wrapper = folder / "limited" / "pagefind_extended"
    wrapper.parent.mkdir(parents=True)
    wrapper.write_text(f'#!/bin/sh\nulimit -v {90 * 1024}\nexec "{index.binary()}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    return {**os.environ, index.ENV_BINARY: str(wrapper)}


def test_a_killed_shard_is_a_clear_error(mini, tmp_path):
    env = {**limited_pagefind(tmp_path), index.ENV_SHARD_PAGES: "2"}
    command = [sys.executable, "-m", "sitegen", "build", "--site", str(mini), "--output", str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 1, result.stderr
    assert "most likely out of memory" in result.stderr and "shard 1 of 1, 4 pages" in result.stderr
    assert index.ENV_SHARD_PAGES in result.stderr and "--no-search" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "out").exists()


# --- in the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")  # closed with the module: Playwright cannot nest
def browser():
    with chromium() as b:
        yield b


browser_test = pytest.mark.browser


@browser_test
def test_the_search_page_merges_every_shard(page, base, manifest):
    page.goto(f"{base}/search/")
    shards = page.evaluate("async () => (await window.SitegenSearch.load("
                           "document.getElementById('search-form').dataset.pagefind)).shards")
    assert shards == len(manifest)


@browser_test
@pytest.mark.parametrize("query", ["改造", "停车位", "养老服务"])
def test_a_query_finds_its_tasks_in_every_shard(page, base, shard_records, shard_of, query):
    records = {url: r["content"] for records in shard_records for url, r in records.items() if url.count("/") == 4}
    expected = {url for url, content in records.items() if query in content}
    urls = open_search(page, base, query)
    assert {u for u in urls if u in records} == expected
    assert {shard_of[u] for u in urls} == {shard_of[u] for u in expected}
    if query == "改造":
        assert len({shard_of[u] for u in urls}) == len(shard_records)  # one in every shard


@browser_test
def test_filter_values_and_counts_come_from_every_shard(page, base, tasks, notices, manifest, shard_of):
    expected = {}
    for record in tasks + list(notices.values()):  # notice records carry the government filter too
        expected[record["jurisdiction"]] = expected.get(record["jurisdiction"], 0) + 1
    open_search(page, base, "改造")
    page.click("#search-filters summary")
    page.wait_for_function("() => document.getElementById('search-filters').dataset.loaded === 'true'")
    options = page.locator("#filter-government option").all_inner_texts()[1:]
    assert sorted(options) == sorted(f"{name}（{count}）" for name, count in expected.items())
    # a government whose notices are in the last shard
    last = len(manifest) - 1
    government = next(n["jurisdiction"] for n in notices.values() if shard_of[n["url"]] == last)
    in_shards = {shard_of[n["url"]] for n in notices.values() if n["jurisdiction"] == government}
    page.select_option("#filter-government", government)
    page.wait_for_function(SETTLED)
    page.wait_for_function("() => location.search.includes('government=')")
    urls = result_urls(page)
    want = {t["url"] for t in tasks if t["jurisdiction"] == government and "改造" in t["text"]}
    assert want and want <= set(urls)
    assert {shard_of[u] for u in urls} == in_shards and last in in_shards
    assert parse_qs(urlsplit(page.url).query) == {"q": ["改造"], "government": [government]}


@browser_test
def test_filters_alone_list_tasks_from_every_shard(page, base, tasks, shard_records, shard_of):
    label = spread(shard_records, shard_of, "status")
    urls = open_search(page, base, status=label)
    assert sorted(urls) == sorted(t["url"] for t in tasks if t["status_label"] == label)
    assert len({shard_of[u] for u in urls}) >= 2


@browser_test
@pytest.mark.parametrize("query, sort", [("改造", "date-desc"), ("", "date-asc")], ids=["query", "filters-only"])
def test_the_date_sort_runs_across_shards(page, base, shard_records, notices, shard_of, sort, query):
    filters = {} if query else {"theme": spread(shard_records, shard_of, "theme")}
    urls = open_search(page, base, query, sort=sort, **filters)
    assert page.input_value("#search-sort") == sort
    dates = [notices[notice_of(u)]["published"] for u in urls]
    assert dates == sorted(dates, reverse=sort == "date-desc")
    assert len({shard_of[u] for u in urls}) >= 2
    assert sorted(open_search(page, base, query, **filters)) == sorted(urls)  # the same results as unsorted
