"""`sitegen build --cache DIR`: a build reusing cached pages is byte-identical to a clean build."""

from __future__ import annotations

import re
import shutil
import sys

import pytest

from conftest import ROOT, read_tree, run

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402  (the benchmark's deterministic synthetic site)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """250 tasks in 3 notices of 1 jurisdiction with 200 units: enough pages for the parallel path."""
    folder = tmp_path_factory.mktemp("synthetic")
    generate(250, folder, which=("sitegen",))
    return folder / "sitegen"


@pytest.fixture
def site(synthetic, tmp_path):
    target = tmp_path / "site"
    shutil.copytree(synthetic, target)
    return target


def build(site, out, *extra):
    result = run("build", "--site", site, "--output", out, "--no-search", *extra)
    assert result.exit_code == 0, result.output
    return read_tree(out)


def first_notice(site):
    return sorted((site / "content" / "notices").glob("*.yaml"))[0]


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


CHANGES = {
    "task text": lambda s: edit(first_notice(s), 'text: "', 'text: "（已修订）'),
    "progress": lambda s: edit(sorted((s / "content" / "progress").glob("*.yaml"))[-1], "status: on-track", "status: behind"),
    "unit added to a task": lambda s: edit(first_notice(s), "units:\n", "units:\n" + " " * 18 + "- {name: 市审计局, role: 配合}\n"),
    "unit registry": lambda s: edit(next((s / "content" / "units").glob("*.yaml")), 'aliases: ["财政局"]',
                                   'aliases: ["财政局", "市财政"]'),
    "notice removed": lambda s: [path.unlink(missing_ok=True) for path in
                                 (first_notice(s), s / "content" / "progress" / first_notice(s).name)],
    "site theme template": lambda s: ((s / "theme" / "templates").mkdir(parents=True),
                                      (s / "theme" / "templates" / "404.html").write_text("<p>没有这一页</p>\n")),
    "as_of": lambda s: edit(s / "site.yaml", "as_of: 2021-06-30", "as_of: 2021-12-31"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_cached_build_after_a_change_equals_a_clean_build(site, tmp_path, change):
    cache, cached_out = tmp_path / "cache", tmp_path / "cached"
    cold = build(site, cached_out, "--cache", cache)
    if change == "as_of":
        assert cold == build(site, tmp_path / "clean0")  # a cold cache changes nothing
    CHANGES[change](site)
    warm = build(site, cached_out, "--cache", cache)
    clean = build(site, tmp_path / "clean")
    assert warm.keys() == clean.keys()
    assert [p for p in clean if warm[p] != clean[p]] == []


def test_a_one_notice_change_renders_only_the_pages_that_show_it(site, tmp_path, monkeypatch):
    from sitegen import render

    monkeypatch.setenv("SITEGEN_WORKERS", "1")  # count renders in this process
    rendered = []
    original = render.render_page
    monkeypatch.setattr(render, "render_page", lambda env, page: rendered.append(page.path) or original(env, page))
    cache = tmp_path / "cache"
    build(site, tmp_path / "out", "--cache", cache)
    total = len(rendered)
    rendered.clear()
    build(site, tmp_path / "out", "--cache", cache)
    assert rendered == []  # nothing changed: every page from the cache
    notice = first_notice(site)
    edit(notice, 'text: "', 'text: "（已修订）')
    build(site, tmp_path / "out", "--cache", cache)
    assert 0 < len(rendered) < total * 0.75  # with 3 notices most units show tasks of each
    assert all(not re.match(r"notices/c\d+-\d+/", p) or p.startswith(f"notices/{notice.stem}/") for p in rendered)
    entries = [p for p in (cache / "pages").rglob("*") if p.is_file()]
    assert len(entries) == total  # entries of the old version were pruned
