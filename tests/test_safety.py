"""The four promises of docs/security.md: no data loss through --output, no file from outside the site
published, nothing from a cache used unless it verifies, no base URL that is not a site address."""

from __future__ import annotations

import marshal
import os
import pickle
import shutil

import pytest
from jinja2.bccache import bc_magic

from conftest import read_tree, run

SECRET = "CI_TOKEN=ghp_notforpublishing"


def built(result):
    assert result.exit_code == 0, result.output
    return result


def refused(result, *words):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output
    return result


# --- 1. the output folder ---------------------------------------------------------

def test_output_inside_content_is_refused_and_progress_kept(mini):
    progress = read_tree(mini / "content" / "progress")
    refused(run("build", "--site", mini, "--output", mini / "content" / "progress", "--no-search"),
            "content/", "output/")
    assert read_tree(mini / "content" / "progress") == progress
    assert built(run("check", "--site", mini))


@pytest.mark.parametrize("inside", ["content", "theme", "themes", "theme/static"])
def test_output_inside_any_source_folder_is_refused(mini, inside):
    (mini / "theme" / "static").mkdir(parents=True)
    refused(run("build", "--site", mini, "--output", mini / inside / "out", "--no-search"), "reads")
    assert not (mini / inside / "out").exists()


def test_unrelated_folder_with_files_is_refused_and_left_alone(mini, tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "report.docx").write_bytes(b"irreplaceable")
    refused(run("build", "--site", mini, "--output", folder, "--no-search"), "did not write", "empty")
    assert read_tree(folder) == {"report.docx": b"irreplaceable"}


def test_new_empty_and_own_outputs_are_allowed(mini, tmp_path):
    new = tmp_path / "new"
    built(run("build", "--site", mini, "--output", new, "--no-search"))
    assert (new / ".sitegen-output").is_file() and (new / "index.html").is_file()
    built(run("build", "--site", mini, "--output", new, "--no-search"))  # its own output, rebuilt
    empty = tmp_path / "empty"
    empty.mkdir()
    built(run("build", "--site", mini, "--output", empty, "--no-search"))


def test_default_output_is_always_allowed(mini):
    (mini / "output").mkdir()
    (mini / "output" / "old.html").write_text("from before the marker existed")
    built(run("build", "--site", mini, "--no-search"))
    assert not (mini / "output" / "old.html").exists()


def test_output_holding_the_site_is_refused(mini):
    refused(run("build", "--site", mini, "--output", mini.parent, "--no-search"), "cannot be the site")
    assert (mini / "site.yaml").is_file()


# --- 2. one path guard -------------------------------------------------------------

@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "environ"
    path.write_text(SECRET)
    return path


def no_secret_in(folder):
    if folder.exists():
        assert not [p for p, data in read_tree(folder).items() if SECRET.encode() in data]


def test_static_file_linked_outside_the_site_is_refused(mini, secret):
    previous = read_tree(built(run("build", "--site", mini, "--no-search")) and mini / "output")
    (mini / "theme" / "static").mkdir(parents=True)
    os.symlink(secret, mini / "theme" / "static" / "env.txt")
    refused(run("build", "--site", mini, "--no-search"), "theme/static/env.txt", "outside the site")
    assert read_tree(mini / "output") == previous  # the previous site left as it was
    no_secret_in(mini / "output")


def test_static_folder_linked_outside_the_site_is_refused(mini, secret):
    (mini / "theme").mkdir()
    os.symlink(secret.parent, mini / "theme" / "static")
    refused(run("build", "--site", mini, "--no-search"), "outside the site")
    no_secret_in(mini / "output")


def test_template_linked_outside_the_site_is_refused(mini, secret):
    (mini / "theme" / "templates").mkdir(parents=True)
    os.symlink(secret, mini / "theme" / "templates" / "base.html")
    refused(run("build", "--site", mini, "--no-search"), "templates/base.html", "outside the site")
    no_secret_in(mini / "output")


def test_theme_folder_linked_outside_the_site_is_refused(mini, secret, tmp_path):
    theme = tmp_path / "elsewhere"
    (theme / "static").mkdir(parents=True)
    shutil.copy(secret, theme / "static" / "env.txt")
    os.symlink(theme, mini / "theme")
    refused(run("build", "--site", mini, "--no-search"), "outside the site")
    no_secret_in(mini / "output")


def test_link_inside_the_site_is_allowed(mini):
    (mini / "theme" / "static").mkdir(parents=True)
    (mini / "extra.css").write_text("body{}")
    os.symlink(mini / "extra.css", mini / "theme" / "static" / "extra.css")
    built(run("build", "--site", mini, "--no-search"))
    assert (mini / "output" / "static" / "extra.css").read_text() == "body{}"


# --- 3. the cache ------------------------------------------------------------------

class Planted:
    """A pickle that runs code when it is loaded."""

    def __init__(self, flag):
        self.flag = str(flag)

    def __reduce__(self):
        return (os.mkdir, (self.flag,))


def cached(site, out, cache):
    return built(run("build", "--site", site, "--output", out, "--no-search", "--cache", cache))


@pytest.fixture(autouse=True)
def cache_key(monkeypatch):
    monkeypatch.setenv("SITEGEN_CACHE_KEY", "a key for the tests")


def test_planted_pickle_is_never_loaded(mini, tmp_path):
    cache, flag = tmp_path / "cache", tmp_path / "code-ran"
    cached(mini, tmp_path / "out", cache)
    (cache / "model.pickle").write_bytes(pickle.dumps(Planted(flag)))
    path = mini / "content" / "progress" / "ceshi-2019-1.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a change the model could patch
    result = cached(mini, tmp_path / "out", cache)
    assert not flag.exists()
    assert "did not verify" in result.output
    # nor one behind a tag made without the key
    (cache / "model.pickle").write_bytes(b"\0" * 32 + pickle.dumps(Planted(flag)))
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert "did not verify" in cached(mini, tmp_path / "out", cache).output
    assert not flag.exists()


def test_model_made_with_another_key_is_not_used(mini, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cached(mini, tmp_path / "out", cache)
    monkeypatch.setenv("SITEGEN_CACHE_KEY", "another key")
    path = mini / "content" / "progress" / "ceshi-2019-1.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert "did not verify" in cached(mini, tmp_path / "out", cache).output


def test_edited_cached_page_is_not_published(mini, tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    cached(mini, out, cache)
    clean = read_tree(out)
    entries = sorted((cache / "pages").rglob("*"))
    entries = [p for p in entries if p.is_file() and b"<html" in p.read_bytes()]
    for entry in entries:  # as an attacker would: the old tag kept, or none at all
        data = entry.read_bytes()
        entry.write_bytes(data.replace(b"</body>", b"<script>alert(1)</script></body>"))
    (cache / "model.pickle").unlink()  # the full path, which reads the page cache
    result = cached(mini, out, cache)
    assert read_tree(out) == clean
    assert f"{len(entries)} cached page(s) did not verify" in result.output


def test_planted_template_code_is_never_run(mini, tmp_path):
    cache, out, flag = tmp_path / "cache", tmp_path / "out", tmp_path / "code-ran"
    cached(mini, out, cache)
    clean = read_tree(out)
    entries = sorted((cache / "templates").iterdir())
    assert entries  # compiled templates are kept between --cache builds
    sealed = [e.read_bytes() for e in entries]
    planted = marshal.dumps(compile(f"import os; os.mkdir({str(flag)!r})", "planted", "exec"))
    for entry in entries:  # Jinja's own header kept (it would accept the code), the tag left as it was
        data = entry.read_bytes()
        header = data[32:32 + len(bc_magic)]
        checksum = pickle.loads(data[32 + len(bc_magic):])  # reads the checksum, stops before the code
        entry.write_bytes(data[:32] + header + pickle.dumps(checksum, 2) + planted)
    (cache / "model.pickle").unlink()  # a full build: every template compiled through the cache
    cached(mini, out, cache)
    assert not flag.exists()
    assert read_tree(out) == clean
    assert [e.read_bytes() for e in entries] == sealed  # compiled afresh and stored again, sealed


@pytest.mark.parametrize("edited", ["index.html", "static/style.css"])
def test_edited_copy_of_the_output_in_the_cache_is_not_published(mini, tmp_path, edited):
    cache, out = tmp_path / "cache", tmp_path / "out"
    cached(mini, out, cache)
    page = cache / "tree" / edited
    data = page.read_bytes()
    page.unlink()  # a new file, not the output's hard link
    page.write_bytes(data.replace(b"</body>", b"<script>alert(1)</script></body>") + b"/* alert(1) */")
    path = mini / "content" / "progress" / "ceshi-2019-1.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = cached(mini, out, cache)
    assert b"alert(1)" not in (out / edited).read_bytes()
    assert "does not match" in result.output
    clean = tmp_path / "clean"
    built(run("build", "--site", mini, "--output", clean, "--no-search"))
    assert read_tree(out) == read_tree(clean)


def test_cache_restored_elsewhere_is_used_when_it_verifies(mini, tmp_path):
    """CI: the cache folder comes back from another machine, the output folder is new."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    cached(mini, out, cache)
    shutil.rmtree(out)
    moved = tmp_path / "restored"
    shutil.copytree(cache, moved)  # copies: no file shared with any output
    path = mini / "content" / "progress" / "ceshi-2019-1.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = cached(mini, out, moved)
    assert "patched into the cached model" in result.output
    clean = tmp_path / "clean"
    built(run("build", "--site", mini, "--output", clean, "--no-search"))
    assert read_tree(out) == read_tree(clean)


def test_local_key_file_is_made_outside_the_cache(mini, tmp_path, monkeypatch):
    monkeypatch.delenv("SITEGEN_CACHE_KEY")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    cached(mini, tmp_path / "out", tmp_path / "cache")
    key = tmp_path / "config" / "sitegen" / "cache-key"
    assert key.is_file() and oct(key.stat().st_mode & 0o777) == "0o600"
    secret = key.read_bytes().strip()
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.is_file() and secret in p.read_bytes()]
    path = mini / "content" / "progress" / "ceshi-2019-1.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert "patched into the cached model" in cached(mini, tmp_path / "out", tmp_path / "cache").output


# --- 4. the base URL ---------------------------------------------------------------

@pytest.mark.parametrize("url", ["javascript:alert(1)//x", "//evil.example/", "/\\evil.example/",
                                 "https://user@evil.example/", "data:text/html,x", "https://x.org/?a=1"])
def test_unsafe_base_url_option_is_wrong_usage(mini, url):
    result = run("build", "--site", mini, "--base-url", url, "--no-search")
    assert result.exit_code == 2, result.output
    assert not (mini / "output").exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)//x", "//evil.example/"])
def test_unsafe_base_url_in_site_yaml_is_a_located_error(mini, url):
    config = mini / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("base_url: /", f"base_url: '{url}'"),
                      encoding="utf-8")
    refused(run("build", "--site", mini, "--no-search"), "site.yaml:3", "base_url")
    assert not (mini / "output").exists()


@pytest.mark.parametrize("url", ["/", "/tasks/", "https://example.gov.cn/tasks/", "http://127.0.0.1:8080/"])
def test_site_addresses_are_accepted(mini, url, tmp_path):
    built(run("build", "--site", mini, "--base-url", url, "--no-search", "--output", tmp_path / "o"))
