"""The per-unit XLSX progress form: written, filled in (as a unit would), imported back."""

from datetime import date

import pytest
from openpyxl import load_workbook
from test_progress import TODAY, make_site, progress_file, snapshot

from sitegen.core.errors import ContentError
from sitegen.progress.forms import FORM_HEADERS, write_unit_form
from sitegen.content.loadsite import load_site
from sitegen.progress.progress import ProgressEntry, import_progress, read_progress


@pytest.fixture
def site_dir(tmp_path):
    return make_site(tmp_path / "site")


def unit_named(site, name):
    return next(u for u in site.units if u.name == name)


def form(site_dir, tmp_path, unit="市发改委"):
    site = load_site(site_dir)
    path = write_unit_form(site, unit_named(site, unit), tmp_path / "forms" / f"{unit}.xlsx")
    return path, load_workbook(path)


def column(name):
    return FORM_HEADERS.index(name) + 1


def test_form_is_prefilled_with_the_units_tasks(site_dir, tmp_path):
    _, workbook = form(site_dir, tmp_path)
    sheet = workbook.active
    assert "市发改委" in sheet["A1"].value
    assert [c.value for c in sheet[2]] == list(FORM_HEADERS)
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert [r[0] for r in rows] == ["jinan-2017/1-3", "jinan-2017/1-21"]
    first = dict(zip(FORM_HEADERS, rows[0]))
    assert first["序号"] == "3" and first["职责"] == "责任" and first["完成时限"] == "8月底前"
    assert first["任务内容"] == "新增省级以上企业研发机构30家。"
    assert first["当前状态"] == "未报告" and first["填报单位"] == "市发改委"
    assert first["状态"] is None and first["日期(YYYY-MM-DD)"] is None


def test_form_layout_and_validation(site_dir, tmp_path):
    _, workbook = form(site_dir, tmp_path)
    sheet = workbook.active
    assert sheet.freeze_panes == "B3"
    assert sheet.column_dimensions["D"].width == 60
    assert sheet.cell(3, column("任务内容")).alignment.wrap_text
    kinds = {v.type: v for v in sheet.data_validations.dataValidation}
    assert kinds["list"].formula1 == '"已完成,超进度,达进度,欠进度,未启动"'
    assert (kinds["whole"].formula1, kinds["whole"].formula2) == ("0", "100")
    assert str(kinds["list"].sqref).startswith("I3:")  # the 状态 column


def fill(path, updates):
    """Fill the form's empty columns, as a unit does in Excel: {task id: (date, status, percent, text, source)}."""
    workbook = load_workbook(path)
    sheet = workbook.active
    for row in sheet.iter_rows(min_row=3):
        values = updates.get(row[0].value)
        if values:
            for name, value in zip(("日期(YYYY-MM-DD)", "状态", "进度(0-100)", "进展情况", "来源"), values):
                row[column(name) - 1].value = value
    workbook.save(path)


def test_filled_form_imports_exactly_those_updates(site_dir, tmp_path):
    path, _ = form(site_dir, tmp_path)
    fill(path, {"jinan-2017/1-21": (date(2017, 9, 30), "欠进度", 40, "方案已起草\n待审议", "市发改委报告")})
    summary = import_progress(site_dir, path, today=TODAY)
    assert summary.rows == 1  # the row left empty is not an update
    assert read_progress(progress_file(site_dir)) == {
        "1-21": [ProgressEntry(date(2017, 9, 30), "behind", 40, "方案已起草\n待审议", "市发改委报告", "市发改委")],
    }
    before = snapshot(site_dir)
    assert import_progress(site_dir, path, today=TODAY).added == {}
    assert snapshot(site_dir) == before


def test_form_shows_the_current_status_after_an_import(site_dir, tmp_path):
    path, _ = form(site_dir, tmp_path)
    fill(path, {"jinan-2017/1-3": ("2017-06-30", "达进度", "50", None, None)})  # typed as text
    import_progress(site_dir, path, today=TODAY)
    _, workbook = form(site_dir, tmp_path / "next")
    assert workbook.active.cell(3, column("当前状态")).value == "达进度"


def test_bad_form_rows_are_reported_with_row_numbers(site_dir, tmp_path):
    path, _ = form(site_dir, tmp_path)
    fill(path, {"jinan-2017/1-3": (date(2017, 6, 30), "进行中", 50, None, None),
                "jinan-2017/1-21": (date(2019, 1, 1), "达进度", 140, None, None)})
    with pytest.raises(ContentError) as caught:
        import_progress(site_dir, path, today=TODAY)
    located = {(p.line, p.field) for p in caught.value.problems if p.severity == "error"}
    assert located == {(3, "状态"), (4, "日期(YYYY-MM-DD)"), (4, "进度(0-100)")}
    assert snapshot(site_dir) == {}


def test_xlsx_date_serial_and_percent_text(site_dir, tmp_path):
    path, _ = form(site_dir, tmp_path)
    fill(path, {"jinan-2017/1-3": (42916, "达进度", "60%", None, None)})  # 42916 is 2017-06-30
    import_progress(site_dir, path, today=TODAY)
    [update] = read_progress(progress_file(site_dir))["1-3"]
    assert (update.date, update.percent) == (date(2017, 6, 30), 60)


def test_plain_xlsx_with_english_headers(site_dir, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["task", "date", "status", "percent", "text", "source", "unit", "remarks"])
    sheet.append(["jinan-2017/1-21", date(2017, 3, 31), "not-started", 0, None, None, "发改委"])
    sheet.append([None] * 8)
    sheet.append(["jinan-2017/1-21", "2017-06-30", "behind", 10.0, 12345, None, None])
    workbook.save(tmp_path / "plain.xlsx")
    summary = import_progress(site_dir, tmp_path / "plain.xlsx", today=TODAY)
    assert [(w.line, w.field) for w in summary.warnings] == [(1, "remarks")]  # a column not read
    assert read_progress(progress_file(site_dir))["1-21"] == [
        ProgressEntry(date(2017, 3, 31), "not-started", 0, None, None, "发改委"),
        ProgressEntry(date(2017, 6, 30), "behind", 10, "12345"),
    ]


def test_broken_xlsx_is_an_error(site_dir, tmp_path):
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ContentError, match="1 error"):
        import_progress(site_dir, tmp_path / "broken.xlsx", today=TODAY)


def test_text_starting_with_equals_is_not_a_formula(tmp_path):
    from test_progress import SITE

    notice = SITE["content/notices/jinan-2017.yaml"].replace("推进重点领域改革。", '"=SUM(A1:A2)改革"')
    site_dir = make_site(tmp_path / "site", {"content/notices/jinan-2017.yaml": notice})
    _, workbook = form(site_dir, tmp_path)
    cell = workbook.active.cell(4, column("任务内容"))
    assert (cell.value, cell.data_type) == ("=SUM(A1:A2)改革", "s")
