"""`sitegen build --cache DIR`: a build reusing cached pages, or patching the cached model after notice
edits, is byte-identical to a clean build."""

from __future__ import annotations

import re
import shutil
import sys

import pytest
import yaml

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
    from sitegen.render import render

    monkeypatch.setenv("SITEGEN_WORKERS", "1")  # count renders in this process
    rendered = []
    original = render.render_page
    monkeypatch.setattr(render, "render_page", lambda env, page: rendered.append(page.path) or original(env, page))
    cache = tmp_path / "cache"
    build(site, tmp_path / "out", "--cache", cache)
    total = len(rendered)
    rendered.clear()
    (cache / "model.pickle").unlink()  # the page cache alone, as on the full path (after other edits)
    build(site, tmp_path / "out", "--cache", cache)
    assert rendered == []  # nothing changed: every page from the cache
    notice = first_notice(site)
    edit(notice, 'text: "', 'text: "（已修订）')
    (cache / "model.pickle").unlink()
    build(site, tmp_path / "out", "--cache", cache)
    assert 0 < len(rendered) < total * 0.75  # with 3 notices most units show tasks of each
    assert all(not re.match(r"notices/c\d+-\d+/", p) or p.startswith(f"notices/{notice.stem}/") for p in rendered)
    entries = [p for p in (cache / "pages").rglob("*") if p.is_file()]
    assert len(entries) == total  # entries of the old version were pruned


# --- the cached model: notice edits patched in, only what they reach rendered ------------------------------

PATCHED = re.compile(r"cache: (\d+) changed notice\(s\) patched into the cached model: (\d+) of (\d+) pages rendered")


def cached_build(site, out, cache):
    """A --cache build: (its output, (notices patched, pages rendered, pages) or None for the full path)."""
    result = run("build", "--site", site, "--output", out, "--no-search", "--cache", cache)
    assert result.exit_code == 0, result.output
    found = PATCHED.search(result.output)
    return read_tree(out), tuple(map(int, found.groups())) if found else None


def second_notice(site):
    return sorted((site / "content" / "notices").glob("*.yaml"))[1]


def progress_of(notice):
    return notice.parent.parent / "progress" / notice.name


def new_status(site):
    """A task of the first notice gets a later update with another status: it moves to another status page."""
    path = progress_of(first_notice(site))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    task, updates = next((k, v) for k, v in data.items() if v[-1]["status"] != "completed")
    updates.append({"date": updates[-1]["date"].replace(year=2021, month=6, day=1), "status": "completed",
                    "percent": 100, "text": "已完成。"})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    notice = yaml.safe_load(first_notice(site).read_text(encoding="utf-8"))
    return f"notices/{notice.get('id') or first_notice(site).stem}/{task}/"


def remove_task(site):
    path = first_notice(site)
    text = path.read_text(encoding="utf-8")
    start, end = text.index("- id: 1-2\n"), text.index("- id: 1-3\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def add_task(site):
    edit(first_notice(site), "- id: 1-2\n", "- id: 1-1b\n                text: 新增的任务。\n"
                                            "                units: [{name: 市审计局, role: 牵头}]\n"
                                            "              - id: 1-2\n")


def folders(root):
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_dir()}


NOTICE_EDITS = {
    "task text": lambda s: edit(first_notice(s), 'text: "', 'text: "（已修订）'),
    "progress text": lambda s: edit(progress_of(first_notice(s)), 'text: "', 'text: "（据最新报告）'),
    "task moved to another unit": lambda s: edit(first_notice(s), '{name: "市发改委", role: 牵头}',
                                                 '{name: "市审计局", role: 牵头}'),
    "theme keyword": lambda s: edit(first_notice(s), 'text: "', 'text: "推进生态修复，'),
    "status change": new_status,
    "task removed": remove_task,
    "task added": add_task,
    "two notices": lambda s: (edit(first_notice(s), 'text: "', 'text: "（已修订）'),
                              edit(second_notice(s), 'deadline: "', 'deadline: "2020年', 2)),
}


@pytest.mark.parametrize("change", sorted(NOTICE_EDITS))
def test_a_notice_edit_is_patched_into_the_cached_model_and_equals_a_clean_build(site, tmp_path, change):
    cache, out = tmp_path / "cache", tmp_path / "out"
    cold, how = cached_build(site, out, cache)
    assert how is None  # no model yet: the full path, which caches one
    moved = NOTICE_EDITS[change](site)
    warm, how = cached_build(site, out, cache)
    notices, rendered, pages = how
    assert notices == (2 if change == "two notices" else 1)
    assert 0 < rendered < (pages / 4 if change in ("task text", "progress text") else pages)
    result = run("build", "--site", site, "--output", tmp_path / "clean", "--no-search")
    assert f"built {pages} pages" in result.output
    clean = read_tree(tmp_path / "clean")
    assert warm.keys() == clean.keys()
    assert [p for p in clean if warm[p] != clean[p]] == []
    assert folders(out) == folders(tmp_path / "clean")  # no folder left empty by a page that went
    assert warm != cold
    if change == "status change":  # the task left its status pages for 已完成's
        completed = b"".join(v for k, v in warm.items() if k.startswith("status/completed/"))
        assert moved.encode() in completed
    again, how = cached_build(site, out, cache)  # nothing changed since: nothing rendered
    assert how[:2] == (0, 0) and again == clean


def test_an_error_in_the_edited_notice_fails_like_a_full_build_and_keeps_site_and_cache(site, tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    before, _ = cached_build(site, out, cache)
    notice = first_notice(site)
    good = notice.read_text(encoding="utf-8")
    edit(notice, '{name: "市发改委", role: 牵头}', '{name: "市发改萎", role: 牵头}')
    line = next(i for i, text in enumerate(notice.read_text(encoding="utf-8").splitlines(), 1) if "市发改萎" in text)
    result = run("build", "--site", site, "--output", out, "--no-search", "--cache", cache)
    assert result.exit_code == 1
    assert f"content/notices/{notice.name}:{line}" in result.output and "unknown unit 市发改萎" in result.output
    assert "did you mean 市发改委?" in result.output
    assert read_tree(out) == before  # the previous site
    notice.write_text(good.replace('text: "', 'text: "（已修订）', 1), encoding="utf-8")
    warm, how = cached_build(site, out, cache)  # the cache still serves
    assert how is not None and how[0] == 1
    assert warm == build(site, tmp_path / "clean")


@pytest.mark.parametrize("damage", ["garbage", "truncated", "unreadable"])
def test_a_damaged_model_cache_falls_back_to_the_full_path(site, tmp_path, damage):
    cache, out = tmp_path / "cache", tmp_path / "out"
    cached_build(site, out, cache)
    model = cache / "model.pickle"
    if damage == "garbage":
        model.write_bytes(b"not a pickle at all")
    elif damage == "truncated":
        model.write_bytes(model.read_bytes()[:1000])
    else:
        model.unlink()
        model.mkdir()  # exists, cannot be read as a file
    edit(first_notice(site), 'text: "', 'text: "（已修订）')
    result = run("build", "--site", site, "--output", out, "--no-search", "--cache", cache)
    assert result.exit_code == 0, result.output
    assert "patched" not in result.output
    assert read_tree(out) == build(site, tmp_path / "clean")
    edit(first_notice(site), '（已修订）', '（再修订）')
    warm, how = cached_build(site, out, cache)  # the full path cached a good model again
    assert how is not None and warm == build(site, tmp_path / "clean2")


def test_other_edits_take_the_full_path(site, tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    cached_build(site, out, cache)
    edit(site / "site.yaml", "as_of: 2021-06-30", "as_of: 2021-12-31")
    result = run("build", "--site", site, "--output", out, "--no-search", "--cache", cache)
    assert "cache: site.yaml changed" in result.output
    assert read_tree(out) == build(site, tmp_path / "clean")
