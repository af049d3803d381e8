"""`sitegen build --cache` after a notice edit, search included, with the overlay off
(SITEGEN_SEARCH_OVERLAY=0, as when an edit is past what the overlay holds; tests/test_search_overlay.py
has the overlay): only the shard holding the edited notice's records is indexed again
(sitegen/index/index.py's `start_update`), the others are kept from the cache's copy of the output, and
the index is byte for byte a clean build's; searched in real Chromium with the real Pagefind binary.
The default site with a shard size of 100 records: six notices in four shards."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

from conftest import ROOT, read_tree, run
from sitegen.index import index, overlay

sys.path.insert(0, str(ROOT / "benchmarks"))
from search_browser import chromium, serve  # noqa: E402
from test_browser_search import SETTLED, open_search, result_urls  # noqa: E402

pytestmark = pytest.mark.search

NOTICE = "huzhou-2019-huzhengbanfa-9"
OLD, NEW = "建成10家综合供能服务站", "建成10家潮汐车道补给站"


def copy_site(target):
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copy(ROOT / "site.yaml", target / "site.yaml")
    return target


def built(result):
    assert result.exit_code == 0, result.output
    return result


def edit(site, old=OLD, new=NEW):
    path = site / "content" / "notices" / f"{NOTICE}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """A --cache build, the edit, the --cache build again, and a clean build of the edited site."""
    work = tmp_path_factory.mktemp("search-incremental")
    site = copy_site(work / "site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(index.ENV_SHARD_PAGES, "100")
        patch.setenv(overlay.ENV_PAGES, "0")
        built(run("build", "--site", site, "--output", work / "out", "--cache", work / "cache"))
        before = read_tree(work / "out" / "pagefind")
        edit(site)
        warm = built(run("build", "--site", site, "--output", work / "out", "--cache", work / "cache"))
        built(run("build", "--site", site, "--output", work / "clean"))
    return work, before, warm.output


def test_only_the_edited_notices_shard_is_indexed_again(work):
    folder, before, output = work
    manifest = json.loads((folder / "out" / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert len(manifest) == 4
    assert f"search: 1 of {len(manifest)} index shard(s) made again" in output
    after = read_tree(folder / "out" / "pagefind")
    changed = {path.split("/")[0] if path.split("/")[0].isdigit() else "0"
               for path in set(before) ^ set(after) | {p for p in before if p in after and before[p] != after[p]}
               if path not in (index.MANIFEST, index.VARIANTS)}
    assert len(changed) == 1  # one bundle's files differ, the other three's are the cold build's


def test_the_index_is_byte_for_byte_a_clean_builds(work):
    folder, _, _ = work
    out, clean = read_tree(folder / "out"), read_tree(folder / "clean")
    assert [p for p in out if p.startswith("pagefind/")] == [p for p in clean if p.startswith("pagefind/")]
    assert out == clean
    assert read_tree(folder / "cache" / "tree") == clean  # the cache's copy is level for the next build


def test_two_pagefind_runs_give_the_same_files(work, tmp_path):
    """Pagefind writes its filter indexes in a random order; sitegen puts them in a fixed one."""
    folder, _, _ = work
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(index.ENV_SHARD_PAGES, "100")
        patch.setenv(overlay.ENV_PAGES, "0")
        built(run("build", "--site", folder / "site", "--output", tmp_path / "again"))
    assert read_tree(tmp_path / "again" / "pagefind") == read_tree(folder / "clean" / "pagefind")


def test_an_edited_index_file_in_a_restored_cache_is_not_published(work, tmp_path):
    """CI: the cache comes back from elsewhere; a file of a shard the next build would keep was changed."""
    folder, _, _ = work
    restored, out = tmp_path / "restored", tmp_path / "out"
    shutil.copytree(folder / "cache", restored)
    site = copy_site(tmp_path / "site")
    edit(site)
    kept = sorted((restored / "tree" / "pagefind" / "3" / "fragment").glob("*.pf_fragment"))[0]
    kept.write_bytes(kept.read_bytes() + b"planted")
    edit(site, NEW, NEW + "二条")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(index.ENV_SHARD_PAGES, "100")
        patch.setenv(overlay.ENV_PAGES, "0")
        result = built(run("build", "--site", site, "--output", out, "--cache", restored))
        assert "does not match" in result.output
        built(run("build", "--site", site, "--output", tmp_path / "clean"))
    assert read_tree(out) == read_tree(tmp_path / "clean")


def test_a_restored_cache_that_verifies_keeps_its_shards(work, tmp_path):
    folder, _, _ = work
    restored, out = tmp_path / "restored", tmp_path / "out"
    shutil.copytree(folder / "cache", restored)  # copies: no file shared with any output
    site = copy_site(tmp_path / "site")
    edit(site, OLD, NEW + "二条")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(index.ENV_SHARD_PAGES, "100")
        patch.setenv(overlay.ENV_PAGES, "0")
        result = built(run("build", "--site", site, "--output", out, "--cache", restored))
        assert "search: 1 of 4 index shard(s) made again" in result.output
        built(run("build", "--site", site, "--output", tmp_path / "clean"))
    assert read_tree(out) == read_tree(tmp_path / "clean")


# --- in the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base(work):
    with serve(work[0] / "out") as url:
        yield url


@pytest.fixture(scope="module")  # closed with the module: Playwright cannot nest
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def edited_task(work):
    tasks = json.loads((work[0] / "out" / "data" / "tasks.json").read_text(encoding="utf-8"))
    return next(t for t in tasks if "潮汐车道补给站" in t["text"])


@pytest.mark.browser
def test_the_edited_text_is_found_and_the_removed_text_is_not(page, base, edited_task):
    assert edited_task["notice"] == NOTICE
    assert open_search(page, base, "潮汐车道") == [edited_task["url"]]
    assert open_search(page, base, "补给站") == [edited_task["url"]]
    assert edited_task["url"] not in open_search(page, base, "综合供能")  # what the edit removed
    others = open_search(page, base, "停车位")  # the edited task's other words, and the kept shards' tasks
    assert edited_task["url"] in others and {u.split("/")[2] for u in others} - {NOTICE}


@pytest.mark.browser
def test_filters_still_count_and_narrow_after_the_edit(page, base, work, edited_task):
    tasks = json.loads((work[0] / "out" / "data" / "tasks.json").read_text(encoding="utf-8"))
    notices = json.loads((work[0] / "out" / "data" / "notices.json").read_text(encoding="utf-8"))
    expected = {}
    for record in tasks + notices:
        expected[record["jurisdiction"]] = expected.get(record["jurisdiction"], 0) + 1
    open_search(page, base, "车")
    page.click("#search-filters summary")
    page.wait_for_function("() => document.getElementById('search-filters').dataset.loaded === 'true'")
    options = page.locator("#filter-government option").all_inner_texts()[1:]
    assert sorted(options) == sorted(f"{name}（{count}）" for name, count in expected.items())
    page.select_option("#filter-government", edited_task["jurisdiction"])
    page.wait_for_function(SETTLED)
    page.wait_for_function("() => location.search.includes('government=')")
    urls = result_urls(page)
    assert edited_task["url"] in urls
    assert set(urls) <= {t["url"] for t in tasks if t["jurisdiction"] == edited_task["jurisdiction"]} | \
        {n["url"] for n in notices if n["jurisdiction"] == edited_task["jurisdiction"]}
