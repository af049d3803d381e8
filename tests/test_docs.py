"""Documentation stays true: every schema field and export column is documented."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from sitegen.write import exports
from sitegen.render import render
from sitegen.content import schema
from sitegen.content.loadsite import load_site

FORMAT_DOC = (ROOT / "docs" / "content-format.md").read_text(encoding="utf-8")
THEMES_DOC = (ROOT / "docs" / "themes.md").read_text(encoding="utf-8")


def documented_fields() -> set[str]:
    return set(re.findall(r"^\| `([a-z_\[\]\.]+)` \|", FORMAT_DOC, flags=re.M))


@pytest.mark.parametrize("record", schema.ALL_RECORDS, ids=lambda r: r.name)
def test_every_content_field_is_documented(record):
    documented = {name.split(".")[-1].replace("[]", "") for name in documented_fields()}
    missing = [f.name for f in record.fields if f.name not in documented]
    assert not missing, f"{record.name}: fields not in docs/content-format.md: {missing}"


def test_readme_has_exactly_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("<!-- main-command -->") == 1 and readme.count("<!-- test-command -->") == 1
    assert "python -m pytest" in readme and "sitegen serve" in readme


@pytest.mark.parametrize("fields", [exports.TASK_FIELDS, exports.NOTICE_FIELDS, exports.UNIT_FIELDS])
def test_export_fields_cover_the_brief(fields):
    brief = {
        exports.TASK_FIELDS: "id notice number title text section leader lead_units units units_printed "
                             "deadline themes status progress url",
        exports.NOTICE_FIELDS: "id title doc_number issuer jurisdiction published url task_count",
        exports.UNIT_FIELDS: "id name jurisdiction aliases kind url print_url tasks lead_tasks",
    }[fields]
    assert set(brief.split()) <= set(fields)


def test_every_macro_global_and_filter_is_documented():
    """A theme author overriding a template can rely on every name the default theme uses."""
    import jinja2

    partials = sorted((ROOT / "themes" / "default" / "templates" / "partials").glob("*.html"))
    macros = [m for p in partials for m in re.findall(r"{%-? macro (\w+)", p.read_text())]
    assert len(macros) >= 28 and all(f"partials/{m}.html" in [f"partials/{p.name}" for p in partials] for m in macros)
    env = render.environment(load_site(ROOT))
    plain = jinja2.Environment()
    names = macros + [g for g in env.globals if g not in plain.globals] + [f for f in env.filters if f not in plain.filters]
    missing = [n for n in names if not re.search(rf"`{n}[`(]", THEMES_DOC)]
    assert not missing, f"not in docs/themes.md: {missing}"
