"""`sitegen build --cache DIR` tells which input files changed without reading the ones whose stat is the one
recorded with their digest (sitegen/cache/modelcache.py `input_digests`, inputs.json), and never trusts a
record that does not verify."""

from __future__ import annotations

import time

import pytest

from conftest import read_tree, run
from sitegen.cache import modelcache

NOTICE = "content/notices/ceshi-2019-1.yaml"


@pytest.fixture
def reads(monkeypatch):
    """The names of the site's input files read for their digest in this process (not sitegen's code's or
    the theme's, which are digested too)."""
    read: list = []
    real = modelcache._file_digest

    def counted(path):
        if "mini" in path.parts:  # the fixture site (conftest.mini)
            read.append(path.name)
        return real(path)

    monkeypatch.setattr(modelcache, "_file_digest", counted)
    monkeypatch.setattr(modelcache, "RACY", 0)  # the fixture's files were copied a moment ago
    return read


def build(site, out, cache):
    result = run("build", "--site", site, "--output", out, "--no-search", "--cache", cache)
    assert result.exit_code == 0, result.output
    return result.output


def test_unchanged_inputs_are_not_read_again_and_a_same_size_edit_is_seen(mini, tmp_path, reads):
    cache, out = tmp_path / "cache", tmp_path / "out"
    build(mini, out, cache)
    files = len(reads)
    assert files > 5 and (cache / modelcache.HINTS).is_file()
    reads.clear()
    build(mini, out, cache)
    assert reads == []  # nothing changed: every digest from the record
    time.sleep(0.05)  # past the clock tick of the last record (RACY is 0 here)
    notice = mini / NOTICE
    text = notice.read_text(encoding="utf-8")
    assert "治理水污染" in text
    notice.write_text(text.replace("治理水污染", "治理大气污", 1), encoding="utf-8")  # the same size in bytes
    reads.clear()
    assert "1 changed notice(s) patched" in build(mini, out, cache)
    assert reads == ["ceshi-2019-1.yaml"]
    run("build", "--site", mini, "--output", tmp_path / "clean", "--no-search")
    assert read_tree(out) == read_tree(tmp_path / "clean")
    assert "治理大气污".encode() in b"".join(read_tree(out).values())


def test_a_record_that_does_not_verify_is_not_used(mini, tmp_path, reads):
    cache, out = tmp_path / "cache", tmp_path / "out"
    build(mini, out, cache)
    files = len(reads)
    hints = cache / modelcache.HINTS
    sealed = bytearray(hints.read_bytes())
    sealed[-3] ^= 1  # one bit of the record changed: its tag no longer verifies
    hints.write_bytes(bytes(sealed))
    reads.clear()
    build(mini, out, cache)
    assert len(reads) == files  # every file read again
