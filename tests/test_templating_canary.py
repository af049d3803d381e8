"""Each speed-up of sitegen/render/templating.py is active: it hooks private parts of jinja2 and markupsafe
(pinned with == in pyproject.toml), and an upgrade that renames one would turn the speed-up off without a
word (the output stays right, tests/test_golden.py; the 10k build gets slower). Each test here fails
naming the package, its pinned version and the installed one: read templating.py's class for that
speed-up against the new release before moving the pin."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import jinja2
import markupsafe
import pytest
from conftest import FIXTURES

from sitegen.render import render, templating
from sitegen.content.loadsite import load_site

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def pinned(package: str) -> str:
    for requirement in tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]:
        found = re.fullmatch(rf"{package}(\[\w+\])?==([\w.]+)", requirement.replace(" ", ""), re.IGNORECASE)
        if found:
            return found.group(2)
    raise AssertionError(f"pyproject.toml: {package} is not pinned with ==")


def versions(package: str) -> str:
    return f"{package} {importlib.metadata.version(package)} installed, {pinned(package)} pinned in pyproject.toml"


@pytest.fixture(scope="module")
def env():
    return render.environment(load_site(FIXTURES / "mini"))


@pytest.mark.parametrize("package", ["jinja2", "markupsafe", "pagefind", "pagefind-bin-extended", "openpyxl"])
def test_the_installed_versions_are_the_pinned_ones(package):
    assert importlib.metadata.version(package) == pinned(package), (
        f"{versions(package)}: install the pinned version (pip install -e .), or test the new one and move the pin")


def test_the_build_uses_the_project_environment(env):
    assert not templating.STOCK, "SITEGEN_STOCK_JINJA is set: the tests check the speed-ups, run them without it"
    assert type(env) is templating.Environment


def test_context_call_is_the_fast_one(env):
    """_Context.call: Jinja still makes its calls through Context.call, passing _loop_vars/_block_vars."""
    assert env.context_class is templating._Context, versions("jinja2")
    code = env.compile("{% for i in x %}{% set y = 1 %}{{ f(i) }}{% endfor %}", raw=True)
    assert "context.call(" in code and "_loop_vars=_loop_vars" in code, (
        f"{versions('jinja2')}: compiled templates no longer call context.call(..., _loop_vars=...); "
        "templating._Context.call is bypassed or passes Jinja's private keywords on to plain functions")

    class Plain:
        def __call__(self, value):
            return value

    templating._Context._takes.pop(Plain, None)
    assert env.from_string("{% for i in [1] %}{% set y = 2 %}{{ f(i) }}{% endfor %}").render(f=Plain()) == "1"
    assert Plain in templating._Context._takes, f"{versions('jinja2')}: templating._Context.call was not called"


def test_output_goes_through_escape_html(env):
    """_Template.from_code rebinds `escape` in each compiled template's module globals."""
    template = env.from_string("{{ x }}")
    assert template.root_render_func.__globals__.get("escape") is templating.escape_html, versions("jinja2")
    assert "yield escape(" in env.compile("{{ x }}", raw=True), (
        f"{versions('jinja2')}: compiled templates no longer output through a global named escape; "
        "templating._Template's rebinding does nothing")


def test_templates_read_the_environment_globals_dict(env):
    """Environment.make_globals: a template's globals are the environment's own dict, not a ChainMap."""
    assert env.get_template("base.html").globals is env.globals, (
        f"{versions('jinja2')}: Environment.make_globals is no longer how templates get their globals")
    assert env.from_string("{{ 1 }}").globals is env.globals, versions("jinja2")


def test_text_is_escaped_by_markupsafe_private_escape_inner():
    speedups = pytest.importorskip("markupsafe._speedups", reason=versions("markupsafe"))
    assert getattr(speedups, "_escape_inner", None) is not None, (
        f"{versions('markupsafe')}: markupsafe._speedups._escape_inner is gone; templating.escape_html "
        "falls back to markupsafe.escape (slower, the same output)")
    assert templating._escape_text is speedups._escape_inner, (
        f"{versions('markupsafe')}: templating.escape_html does not use markupsafe's _escape_inner")
    assert templating.escape_html("<&>\"'") == str(markupsafe.escape("<&>\"'")), versions("markupsafe")
    assert type(templating.escape_html("<")) is str


def test_jinja_still_marks_macros_as_taking_the_evaluation_context():
    """_Context.call calls a Macro itself, passing the evaluation context, as Jinja's Macro.__call__ takes."""
    assert getattr(jinja2.runtime.Macro.__call__, "jinja_pass_arg", None) is templating._EVAL_CONTEXT, (
        f"{versions('jinja2')}: Macro.__call__ is no longer marked pass_eval_context; templating._Context.call "
        "would call macros with the wrong arguments")


def test_the_xlsx_reader_finds_openpyxls_internal_sheet_parser():
    """sitegen/importer/readers/xlsx.py streams a sheet's cells with openpyxl's WorkSheetParser (internal),
    which reads only the cells the file holds; an upgrade that moves it must fail here, not at a user's import."""
    from openpyxl.worksheet._reader import WorkSheetParser

    assert callable(getattr(WorkSheetParser, "parse", None)), versions("openpyxl")
