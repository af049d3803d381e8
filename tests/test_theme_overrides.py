"""A site adjusts the default theme without copying it (docs/themes.md, "Restyling a site"): the files
that section shows (an extra_css line in site.yaml, a ten-line stylesheet, one overridden partial and a
base.html extending "default/base.html" to override one block), read from the page itself, make the
mini site's pages differ from the golden output (tests/golden/site/) by exactly those changes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, read_tree, run

from sitegen.render.theming import fingerprint

GOLDEN = Path(__file__).resolve().parent / "golden" / "site"
EXAMPLE = re.compile(r"```(\w+) (\S+)\n(.*?)```", re.DOTALL)  # a fenced block whose info string names its file


def documented_files() -> dict[str, str]:
    return {path: body for _, path, body in EXAMPLE.findall((ROOT / "docs" / "themes.md").read_text())}


def add_files(site: Path, files: dict[str, str]) -> None:
    for path, body in files.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((target.read_text() if target.exists() else "") + body)  # site.yaml: added to the mini's


def test_the_documented_restyling_changes_exactly_what_it_says(mini, tmp_path):
    files = documented_files()
    assert set(files) == {"site.yaml", "theme/static/gov.css", "theme/templates/partials/site_footer.html",
                          "theme/templates/base.html"}
    css = files["theme/static/gov.css"]
    assert len(css.splitlines()) == 10, "docs/themes.md promises a ten-line stylesheet"
    add_files(mini, files)
    result = run("build", "--site", mini, "--output", tmp_path / "out", "--no-search", "--quiet")
    assert result.exit_code == 0, result.output

    built, golden = read_tree(tmp_path / "out"), read_tree(GOLDEN)
    gov = "gov." + fingerprint("gov.css", css.encode()).split(".")[1] + ".css"
    assert built.pop("assets/" + gov) == built.pop("static/gov.css") == css.encode()
    assert built.keys() == golden.keys()
    link = re.compile(r'(<link rel="stylesheet" href="/assets/statuses\.\w+\.css">\n)')
    old_footer = '    <p><a href="/data/">数据下载与字段说明</a> · <a href="/search/">搜索</a></p>\n'
    new_footer = '    <p>某某市人民政府办公室主办 · <a href="/data/">数据下载</a></p>\n'
    restyled = 0
    for path, data in golden.items():
        expected = data
        if path.endswith(".html") and old_footer in data.decode():  # a page made from base.html (not print.html)
            page = link.sub(lambda m: m.group(1) + f'<link rel="stylesheet" href="/assets/{gov}">\n', data.decode(), count=1)
            assert page.count(old_footer) == 1 and gov in page, path
            page = page.replace(old_footer, new_footer)
            if path != "search/index.html":  # the search page fills the head block itself
                page = page.replace("\n</head>", '\n<meta name="theme-color" content="#0b5394">\n</head>', 1)
            expected = page.encode()
            restyled += 1
        assert built[path] == expected, f"{path}: differs from the golden page by more than the documented changes"
    assert restyled >= 30  # every page made from base.html


def test_an_extra_css_that_is_not_there_is_an_error_naming_it(mini, tmp_path):
    add_files(mini, {"site.yaml": "extra_css: [missing.css]\n"})
    result = run("build", "--site", mini, "--output", tmp_path / "out", "--no-search", "--quiet")
    assert result.exit_code != 0
    assert "extra_css" in result.output and "missing.css" in result.output


def test_extra_css_must_be_a_list_of_texts(mini, tmp_path):
    add_files(mini, {"site.yaml": "extra_css: {a: 1}\n"})
    result = run("build", "--site", mini, "--output", tmp_path / "out", "--no-search", "--quiet")
    assert result.exit_code != 0 and "extra_css" in result.output


@pytest.mark.parametrize("name", ["../../../etc/passwd", "/etc/passwd"])
def test_the_builtin_prefix_keeps_the_path_guard(mini, tmp_path, name):
    add_files(mini, {"theme/templates/base.html": '{% extends "default/' + name + '" %}\n'})
    result = run("build", "--site", mini, "--output", tmp_path / "out", "--no-search", "--quiet")
    assert result.exit_code != 0
