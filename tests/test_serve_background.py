"""sitegen serve: a change arriving during the background pass kills it, and the site still ends as a clean build."""

from __future__ import annotations

import os
import time

import test_serve_incremental
from test_serve_incremental import NOTICE, PROGRESS, clean, edit, served

preview = test_serve_incremental.preview  # the same fixture: the site served after a first full build


def test_a_change_during_a_background_pass_kills_it_and_its_work_is_redone(preview, mini, tmp_path, monkeypatch):
    """The first edit's background pass hangs on its first page; the next edit must not wait for it."""
    import sitegen.serve.incremental as incremental

    parent, stalled = os.getpid(), tmp_path / "stalled"
    real = incremental.render.render_page

    def render_page(env, page):
        if os.getpid() != parent and not stalled.exists():  # in the first background pass only
            stalled.write_text(str(os.getpid()))
            time.sleep(600)
        return real(env, page)

    monkeypatch.setattr(incremental.render, "render_page", render_page)
    monkeypatch.setattr(incremental, "BACKGROUND_DELAY", 0)
    edit(mini / NOTICE, "units: [市财政局, 发改委]", "units: [市财政局, 发改委, 市环保局]")
    edit(mini / NOTICE, "          - id: 1-2\n",
         "          - id: 1-1b\n            text: 新增任务。\n            units: [市环保局]\n          - id: 1-2\n")
    assert preview.update().startswith("updated")
    assert (preview.output / "notices/ceshi-2019-1/1-1b/index.html").is_file()
    deadline = time.monotonic() + 30
    while not stalled.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert stalled.exists(), "the background pass never started"
    edit(mini / NOTICE, "          - id: 1-1b\n            text: 新增任务。\n            units: [市环保局]\n", "")
    edit(mini / PROGRESS, "percent: 30", "percent: 40")
    started = time.monotonic()
    assert preview.update().startswith("updated")
    assert time.monotonic() - started < 5  # the hung pass was killed, not waited for
    assert served(preview) == clean(mini, tmp_path, "clean")  # its unfinished work redone, 1-1b's page deleted
    assert not (preview.output / "notices/ceshi-2019-1/1-1b/index.html").exists()
