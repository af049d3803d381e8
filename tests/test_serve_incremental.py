"""sitegen serve's incremental rebuild gives the site a full build gives, byte for byte."""

from __future__ import annotations

import os

import pytest

from sitegen.build import BuildOptions, build
from sitegen.core.errors import ContentError
from sitegen.serve.incremental import Preview

from conftest import read_tree

NOTICE = "content/notices/ceshi-2019-1.yaml"
PROGRESS = "content/progress/ceshi-2019-1.yaml"


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    stat = path.stat()
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # seen as changed even on coarse clocks


def served(preview: Preview) -> dict:
    preview.wait()  # the background pass: listings, exports, feeds, badges
    return read_tree(preview.output)


def clean(site, tmp_path, name: str) -> dict:
    output = tmp_path / name
    build(site, BuildOptions(output=output, search=False))
    return read_tree(output)


@pytest.fixture
def preview(mini, tmp_path):
    preview = Preview(mini, tmp_path / "served", search=False)
    assert "built" in preview.update()
    yield preview
    preview.stop_background()


@pytest.mark.parametrize("kind, path, old, new", [
    ("task text", NOTICE, "治理水污染", "治理黑臭水体"),
    ("progress update", PROGRESS, "status: behind\n    percent: 20", "status: completed\n    percent: 100"),
    ("unit added to a task", NOTICE, "units: [市财政局, 发改委]", "units: [市财政局, 发改委, 市环保局]"),
    ("unit removed from a task", NOTICE, "              - {name: 市环保局, role: 协办}\n", ""),
    ("theme added by keyword", NOTICE, "加强财政预算管理。", "加强财政预算管理，推进生态修复。"),
    ("notice title", NOTICE, "short_title: 测试市2019年重点工作分工", "short_title: 测试市2019年重点工作"),
])
def test_incremental_rebuild_equals_a_full_build(preview, mini, tmp_path, kind, path, old, new):
    edit(mini / path, old, new)
    summary = preview.update()
    assert summary.startswith("updated"), summary  # the incremental path, not a full build
    assert served(preview) == clean(mini, tmp_path, "clean")


def test_task_added_and_several_edits_in_a_row(preview, mini, tmp_path):
    edit(mini / NOTICE, "治理水污染", "治理水污染第1稿")
    preview.update()
    edit(mini / PROGRESS, "percent: 30", "percent: 40")
    preview.update()
    edit(mini / NOTICE, "          - id: 1-2\n",
         "          - id: 1-1b\n            text: 新增任务。\n            units: [市环保局]\n          - id: 1-2\n")
    preview.update()
    assert served(preview) == clean(mini, tmp_path, "clean")
    assert (preview.output / "notices/ceshi-2019-1/1-1b/index.html").is_file()


def test_a_failed_rebuild_keeps_the_model_and_the_next_good_one_is_incremental(preview, mini, tmp_path):
    good = (mini / NOTICE).read_text(encoding="utf-8")
    before = served(preview)
    edit(mini / NOTICE, "{name: 市发改委, role: 牵头}", "{name: 市发改萎, role: 牵头}")
    with pytest.raises(ContentError) as caught:
        preview.update()
    assert "unknown unit 市发改萎" in caught.value.report()
    assert served(preview) == before
    (mini / NOTICE).write_text(good.replace("治理水污染", "治理黑臭水体"), encoding="utf-8")
    os.utime(mini / NOTICE, ns=(0, (mini / NOTICE).stat().st_mtime_ns + 2_000_000_000))
    assert preview.update().startswith("updated")
    assert served(preview) == clean(mini, tmp_path, "clean")


def test_other_changes_build_the_whole_site(preview, mini, tmp_path):
    edit(mini / "site.yaml", "title:", "title: 新")
    assert "built" in preview.update()
    assert served(preview) == clean(mini, tmp_path, "clean")
