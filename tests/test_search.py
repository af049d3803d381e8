"""The search index: real builds of the small fixture site with Pagefind's extended binary."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run
from conftest import FIXTURES
from sitegen.index import index
from sitegen.content.loadsite import load_site

sys.path.insert(0, str(ROOT / "benchmarks"))
from search_browser import fragments  # noqa: E402

pytestmark = pytest.mark.search


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    from conftest import FIXTURES

    site = tmp_path_factory.mktemp("search") / "mini"
    shutil.copytree(FIXTURES / "mini", site)
    out = site.parent / "out"
    result = run("build", "--site", site, "--output", out)
    assert result.exit_code == 0, result.output
    assert "with search index" in result.output
    return out


def read(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def test_the_extended_binary_is_used():
    path = index.binary()
    assert path.name.startswith("pagefind_extended")
    assert index.command() == [str(path), "--service"]
    assert index.version().startswith("pagefind_extended 1.")


def test_a_plain_pagefind_binary_is_refused(monkeypatch, tmp_path):
    plain = tmp_path / "pagefind"
    plain.write_text("")
    monkeypatch.setenv(index.ENV_BINARY, str(plain))
    with pytest.raises(index.SitegenError, match="extended"):
        index.binary()


def test_index_exists_with_one_language_and_no_second_segmentation(indexed):
    assert (indexed / "pagefind" / "pagefind.js").is_file()
    entry = json.loads(read(indexed, "pagefind/pagefind-entry.json"))
    assert list(entry["languages"]) == [index.LANGUAGE] == ["und"]
    # records are one word per character already: Pagefind's Chinese segmenter would mark each word
    # boundary with a zero-width space in the stored text; "und" has no segmenter (docs/search.md)
    for path in (indexed / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert "\u200b" not in json.loads(data[data.index(b"{"):].decode("utf-8"))["content"]


def test_one_index_below_the_shard_size_and_a_manifest_of_it(indexed, tmp_path):
    # 4 records, far below index.SHARD_PAGES: one Pagefind run over the site, into pagefind/ (docs/search.md)
    manifest = json.loads(read(indexed, "pagefind/shards.json"))
    assert manifest == {"shards": [{"path": "./", "pages": 4}]}
    assert not (indexed / "pagefind" / "1").exists()
    copy = tmp_path / "out"
    shutil.copytree(indexed, copy)
    site = load_site(FIXTURES / "mini")
    # above the shard size the notices are split, whole: the mini site's one notice makes one shard
    assert index.index(copy, site, limit=2) == [{"path": "./", "pages": 4, "notices": 1, "dates": ["2019-02-27"] * 2}]
    assert index.index(copy, site) == manifest["shards"]  # and back: nothing of the sharded run is left
    assert json.loads(read(copy, "pagefind/shards.json")) == manifest


def test_only_task_and_notice_pages_are_records(indexed):
    records = fragments(indexed)
    assert set(records) == {"/notices/ceshi-2019-1/", "/notices/ceshi-2019-1/1-1/",
                            "/notices/ceshi-2019-1/1-2/", "/notices/ceshi-2019-1/1-3/"}


def test_task_record_has_filters_sort_and_metadata(indexed):
    record = fragments(indexed)["/notices/ceshi-2019-1/1-1/"]
    filters = record["filters"]
    assert filters["government"] == ["测试市"]
    assert filters["notice"] == ["测试市2019年重点工作分工"]
    assert filters["year"] == ["2019"]
    assert sorted(filters["unit"]) == sorted(["市发改委", "市财政局"])
    assert sorted(filters["leader"]) == ["张三", "李四"]
    assert filters["theme"] == ["生态环境"]
    assert filters["status"] and filters["status"][0]
    meta = record["meta"]
    assert meta["kind"] == "task" and meta["title"].startswith("第1项")
    assert meta["notice"] == "测试市2019年重点工作分工" and meta["doc_number"] == "测政办发〔2019〕1号"
    assert meta["units"] == "市发改委、市财政局" and meta["deadline"] == "6月底前" and meta["status"]
    # the record's text, one character per word: number, text, units, leader, deadline, 文号 (the notice title: its own
    # record); letters and digits only, punctuation left out
    content = record["content"].replace(" ", "")
    for text in ["第1项", "治理水污染", "市发改委", "张三", "6月底前", "测政办发20191号"]:
        assert text in content, text
    assert "〔" not in content and "，" not in content and "。" not in content
    # labels are not indexed (every page has them)
    assert "牵头单位" not in content and "完成时限" not in content


def test_pages_carry_no_record(indexed):
    # the index is fed from the model (sitegen/render/searchrecord.py): no page holds a record or a hint
    page = read(indexed, "notices/ceshi-2019-1/1-1/index.html")
    assert "治 理 水 污 染" not in page and "data-pagefind-filter" not in page and "\u2063" not in page


def test_listing_pages_are_not_records(indexed):
    for path in ["index.html", "notices/index.html", "units/index.html", "units/ceshi-shi/shi-fa-gai-wei/index.html",
                 "themes/index.html", "themes/sheng-tai/index.html", "leaders/index.html",
                 "leaders/ceshi-shi/zhang-san/index.html", "jurisdictions/ceshi-shi/index.html", "search/index.html",
                 "data/index.html"]:
        assert "data-pagefind-body" not in read(indexed, path), path
    assert "data-pagefind-body" in read(indexed, "notices/ceshi-2019-1/1-1/index.html")


def test_search_page_is_chinese_and_linked_from_every_header(indexed):
    page = read(indexed, "search/index.html")
    assert 'action="/search/"' in page and 'name="q"' in page
    assert re.search(r'<script src="/[a-z]+/search(\.[0-9a-f]+)?\.js">', page)
    for key in ["government", "notice", "year", "unit", "leader", "theme", "status"]:
        assert f'data-filter="{key}"' in page
    assert 'href="/search/"' in read(indexed, "notices/ceshi-2019-1/1-1/index.html")


def test_no_search_writes_no_index(mini, tmp_path):
    out = tmp_path / "out"
    result = run("build", "--site", mini, "--output", out, "--no-search")
    assert result.exit_code == 0, result.output
    assert not (out / "pagefind").exists()
    assert "without search index" in result.output
