"""Property-based: arbitrary input to the loader, the importer and the progress intake
ends in a result or a message for people, never a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from sitegen.core.errors import SitegenError
from sitegen.importer import import_notice
from sitegen.content.loadsite import load_site
from sitegen.progress.progress import import_progress

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**6), st.floats(allow_nan=False),
                    st.text(max_size=20), st.dates())
trees = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
        ["id", "title", "text", "units", "tasks", "sections", "attachments", "name", "role", "leader",
         "jurisdiction", "issuer", "number", "heading", "themes", "x"]), inner, max_size=5)), max_leaves=20)


def fresh_site() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="prop-"))
    shutil.copytree(FIXTURES / "mini", folder / "site")
    return folder / "site"


def loads_or_explains(site: Path) -> None:
    try:
        load_site(site)
    except SitegenError as error:
        assert str(error)


@SETTINGS
@given(st.text(max_size=400))
def test_loader_survives_any_text(text):
    site = fresh_site()
    (site / "content/notices/ceshi-2019-1.yaml").write_text(text, encoding="utf-8")
    loads_or_explains(site)
    shutil.rmtree(site.parent)


@SETTINGS
@given(st.binary(max_size=300))
def test_loader_survives_any_bytes(data):
    site = fresh_site()
    (site / "content/units/ceshi-shi.yaml").write_bytes(data)
    loads_or_explains(site)
    shutil.rmtree(site.parent)


@SETTINGS
@given(trees)
def test_loader_survives_any_yaml_structure(tree):
    site = fresh_site()
    notice = site / "content/notices/ceshi-2019-1.yaml"
    notice.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    loads_or_explains(site)
    (site / "content/progress/ceshi-2019-1.yaml").write_text(yaml.safe_dump({"1-1": tree}), encoding="utf-8")
    loads_or_explains(site)
    shutil.rmtree(site.parent)


notice_like = st.lists(st.one_of(
    st.sampled_from(["一、总体要求", "(一)加快建设", "1.推进项目建设。", "(责任单位:市发改委、财政局)",
                     "责任单位:市政府办公室、各区县政府", "附件1", "序号", "主办", "协办", "牵头单位:",
                     "钱三雄市长牵头重点工作", "2019年6月底前", "济政办字〔2017〕22号", ""]),
    st.text(max_size=40)), max_size=30).map("\n".join)


@SETTINGS
@given(notice_like)
def test_importer_survives_any_text(text):
    site = fresh_site()
    source = site.parent / "notice.txt"
    source.write_text(text, encoding="utf-8")
    try:
        import_notice(str(source), site)
    except SitegenError as error:
        assert str(error)
    shutil.rmtree(site.parent)


rows = st.lists(st.lists(st.one_of(st.sampled_from(
    ["ceshi-2019-1/1-1", "ceshi-2019-1/1-9", "2019-06-30", "2031-01-01", "已完成", "behind", "120", "50", "", "x"]),
    st.text(max_size=12)), min_size=0, max_size=7), max_size=6)


@SETTINGS
@given(rows, st.booleans())
def test_progress_intake_survives_any_csv(body, with_header):
    import csv
    import io

    site = fresh_site()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if with_header:
        writer.writerow(["task", "date", "status", "percent", "text", "source"])
    writer.writerows(body)
    sheet = site.parent / "progress.csv"
    sheet.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        import_progress(site, sheet)
    except SitegenError as error:
        assert str(error)
    shutil.rmtree(site.parent)
