"""Progress files and spreadsheet intake, on real sites written into tmp_path."""

import csv
from datetime import date
from pathlib import Path

import pytest
import yaml

from sitegen.core.errors import ContentError
from sitegen.progress.progress import ProgressEntry, dump_progress, import_progress, read_progress, write_progress

TODAY = date(2017, 12, 1)

SITE = {
    "site.yaml": "title: 测试站点\nas_of: 2017-12-01\n",
    "content/jurisdictions.yaml": "- id: jinan\n  name: 济南市\n  level: city\n",
    "content/units/jinan.yaml": """\
jurisdiction: jinan
units:
  - id: shi-ke-ji-ju
    name: 市科技局
  - id: shi-fa-gai-wei
    name: 市发改委
    aliases: [发改委]
""",
    "content/notices/jinan-2017.yaml": """\
title: 济南市2017年重点工作分工方案(测试)
issuer: 济南市人民政府办公厅
jurisdiction: jinan
year: 2017
fictional: true
attachments:
  - title: 分工方案
    tasks:
      - id: "1-3"
        number: "3"
        text: 新增省级以上企业研发机构30家。
        deadline: 8月底前
        units:
          - {name: 市科技局, role: 牵头}
          - {name: 市发改委, role: 责任}
      - id: "1-21"
        number: "21"
        text: 推进重点领域改革。
        units: [市发改委]
""",
}

HEADER = ["任务编号", "日期", "状态", "进度", "进展情况", "来源", "填报单位"]


def make_site(root: Path, files: dict | None = None) -> Path:
    for name, text in {**SITE, **(files or {})}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def write_csv(path: Path, rows, header=HEADER, encoding="utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def progress_file(site: Path) -> Path:
    return site / "content" / "progress" / "jinan-2017.yaml"


def snapshot(site: Path) -> dict:
    folder = site / "content" / "progress"
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*"))} if folder.exists() else {}


@pytest.fixture
def site(tmp_path):
    return make_site(tmp_path / "site")


GOOD = [
    ["jinan-2017/1-3", "2017-06-30", "达进度", "50", "新增研发机构16家。", "https://example.org/q2", "市科技局"],
    ["jinan-2017/1-3", "2017-09-30", "超进度", "80", "新增研发机构25家。", "", "市科技局"],
    ["jinan-2017/1-21", "2017/9/30", "behind", "", "方案起草中", "", ""],
]


def test_csv_import_writes_the_documented_format(site, tmp_path):
    summary = import_progress(site, write_csv(tmp_path / "p.csv", GOOD), today=TODAY)
    assert sum(summary.added.values()) == 3
    data = yaml.safe_load(progress_file(site).read_text(encoding="utf-8"))
    assert list(data) == ["1-3", "1-21"]  # natural order of task ids
    assert data["1-3"][0] == {
        "date": date(2017, 6, 30), "status": "on-track", "percent": 50, "text": "新增研发机构16家。",
        "source": "https://example.org/q2", "unit": "市科技局",
    }
    assert data["1-21"] == [{"date": date(2017, 9, 30), "status": "behind", "text": "方案起草中"}]
    assert "3 update(s) added" in summary.summary()


def test_imported_progress_loads(site, tmp_path):
    from sitegen.content.loadsite import load_site

    import_progress(site, write_csv(tmp_path / "p.csv", GOOD), today=TODAY)
    task = load_site(site).tasks["jinan-2017/1-3"]
    assert [(u.date, u.status.id, u.percent) for u in task.updates] == [
        (date(2017, 6, 30), "on-track", 50), (date(2017, 9, 30), "ahead", 80)]


def test_second_import_changes_no_byte(site, tmp_path):
    file = write_csv(tmp_path / "p.csv", GOOD)
    import_progress(site, file, today=TODAY)
    before = snapshot(site)
    mtime = progress_file(site).stat().st_mtime_ns
    summary = import_progress(site, file, today=TODAY)
    assert snapshot(site) == before
    assert progress_file(site).stat().st_mtime_ns == mtime  # not even rewritten
    assert summary.added == {} and summary.duplicates == 3
    assert "nothing new" in summary.summary()


def test_earlier_updates_are_never_lost(site, tmp_path):
    import_progress(site, write_csv(tmp_path / "q2.csv", GOOD[:1]), today=TODAY)
    import_progress(site, write_csv(tmp_path / "q3.csv", GOOD[1:]), today=TODAY)
    later = [["jinan-2017/1-3", "2017-11-30", "已完成", "100", "新增研发机构31家。", "", ""]]
    import_progress(site, write_csv(tmp_path / "q4.csv", later), today=TODAY)
    progress = read_progress(progress_file(site))
    assert [u.percent for u in progress["1-3"]] == [50, 80, 100]
    assert len(progress["1-21"]) == 1


def test_hand_written_entries_and_unknown_fields_survive(site, tmp_path):
    progress_file(site).parent.mkdir(parents=True)
    progress_file(site).write_text(
        '"1-21":\n- date: 2017-03-31\n  status: not-started\n  text: |\n    第一行\n    第二行\n', encoding="utf-8")
    import_progress(site, write_csv(tmp_path / "p.csv", GOOD[:1]), today=TODAY)
    progress = read_progress(progress_file(site))
    assert progress["1-21"][0].text == "第一行\n第二行\n"
    assert "text: |" in progress_file(site).read_text(encoding="utf-8")  # still a literal block


def test_bad_rows_are_all_reported_and_nothing_is_written(site, tmp_path):
    rows = GOOD + [
        ["jinan-2017/1-4", "2017-06-30", "达进度", "", "", "", ""],  # row 5: unknown task
        ["jinan-2017/1-3", "2017-06-31", "达进度", "", "", "", ""],  # row 6: no such day
        ["jinan-2017/1-3", "2018-01-01", "达进度", "", "", "", ""],  # row 7: future
        ["jinan-2017/1-3", "2017-07-01", "完成", "", "", "", ""],  # row 8: unknown status
        ["jinan-2017/1-3", "2017-07-02", "达进度", "120", "", "", ""],  # row 9: percent
        ["jinan-2017/1-3", "2017-07-03", "达进度", "45.5", "", "", ""],  # row 10: not whole
        ["1-3", "2017-07-04", "达进度", "", "", "", ""],  # row 11: local id
        ["", "2017-07-05", "达进度", "", "", "", ""],  # row 12: no task
    ]
    with pytest.raises(ContentError) as caught:
        import_progress(site, write_csv(tmp_path / "p.csv", rows), today=TODAY)
    errors = {(p.line, p.field) for p in caught.value.problems if p.severity == "error"}
    assert errors == {(5, "任务编号"), (6, "日期"), (7, "日期"), (8, "状态"), (9, "进度"),
                      (10, "进度"), (11, "任务编号"), (12, "任务编号")}
    report = caught.value.report()
    assert "p.csv:5: error: 任务编号: no task 'jinan-2017/1-4' — did you mean jinan-2017/1-3?" in report
    assert "did you mean 已完成?" in report
    assert "e.g. jinan-2017/1-3" in report
    assert "in the future" in report
    assert snapshot(site) == {}


def test_required_columns(site, tmp_path):
    file = write_csv(tmp_path / "p.csv", [["jinan-2017/1-3", "达进度"]], header=["任务编号", "状态"])
    with pytest.raises(ContentError) as caught:
        import_progress(site, file, today=TODAY)
    assert "no header row" in caught.value.report()


def test_english_headers_bom_and_ids(site, tmp_path):
    header = ["Task", "Date", "Status", "Percent", "Text", "Source", "Unit"]
    rows = [["jinan-2017/1-3", "2017-06-30", "on-track", "50%", "ok", "", ""]]
    summary = import_progress(site, write_csv(tmp_path / "p.csv", rows, header, "utf-8-sig"), today=TODAY)
    assert summary.added == {"jinan-2017": 1}
    assert read_progress(progress_file(site))["1-3"][0].percent == 50


def test_gbk_csv_is_decoded_with_a_warning(site, tmp_path):
    file = write_csv(tmp_path / "p.csv", GOOD[:1], encoding="gbk")
    summary = import_progress(site, file, today=TODAY)
    assert read_progress(progress_file(site))["1-3"][0].text == "新增研发机构16家。"
    assert any("GBK" in w.message for w in summary.warnings)
    assert "GBK" in summary.summary()


def test_percent_going_down_is_a_warning(site, tmp_path):
    import_progress(site, write_csv(tmp_path / "q3.csv", GOOD[1:2]), today=TODAY)  # 80% on 09-30
    rows = [["jinan-2017/1-3", "2017-10-31", "欠进度", "60", "核减", "", ""]]
    summary = import_progress(site, write_csv(tmp_path / "q4.csv", rows), today=TODAY)
    [warning] = [w for w in summary.warnings if w.field == "进度"]
    assert warning.line == 2 and "from 80%" in warning.message and "to 60%" in warning.message
    assert [u.percent for u in read_progress(progress_file(site))["1-3"]] == [80, 60]


def test_percent_down_within_one_file(site, tmp_path):
    rows = [["jinan-2017/1-3", "2017-06-30", "达进度", "50", "", "", ""],
            ["jinan-2017/1-3", "2017-05-31", "达进度", "70", "", "", ""]]
    summary = import_progress(site, write_csv(tmp_path / "p.csv", rows), today=TODAY)
    assert [w.line for w in summary.warnings if w.field == "进度"] == [2]


def test_other_warnings(site, tmp_path):
    rows = [["jinan-2017/1-3", "2017-06-30", "已完成", "90", "", "", "市财政局"]]
    summary = import_progress(site, write_csv(tmp_path / "p.csv", rows), today=TODAY)
    messages = " ".join(w.message for w in summary.warnings)
    assert "not among the units" in messages and "已完成 with progress 90%" in messages


def test_duplicate_rows_in_one_file_are_one_update(site, tmp_path):
    summary = import_progress(site, write_csv(tmp_path / "p.csv", [GOOD[0], GOOD[0]]), today=TODAY)
    assert summary.added == {"jinan-2017": 1} and summary.duplicates == 1


def test_blank_rows_are_skipped(site, tmp_path):
    rows = [GOOD[0], ["", "", "", "", "", "", ""], ["jinan-2017/1-21", "", "", "", "", "", "市发改委"]]
    summary = import_progress(site, write_csv(tmp_path / "p.csv", rows), today=TODAY)
    assert summary.rows == 1


def test_unknown_file_type(site, tmp_path):
    file = tmp_path / "p.xls"
    file.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ContentError, match="error"):
        import_progress(site, file, today=TODAY)


def test_write_is_deterministic_and_sorted(tmp_path):
    a = ProgressEntry(date(2017, 9, 30), "ahead", 80)
    b = ProgressEntry(date(2017, 6, 30), "on-track", 50, "多行\n文本", "来源")
    one = dump_progress({"1-21": [a], "1-3": [a, b], "2": [b]})
    two = dump_progress({"2": [b], "1-3": [b, a], "1-21": [a]})
    assert one == two
    assert one.index('"1-3"') < one.index('"1-21"') < one.index('"2"')
    assert one.index("2017-06-30") < one.index("2017-09-30")
    assert "多行" in one  # allow_unicode: no \u escapes
    path = tmp_path / "p.yaml"
    assert write_progress(path, {"1-3": [a]}) is True
    assert write_progress(path, {"1-3": [a]}) is False


def test_percent_down_against_a_later_recorded_update(site, tmp_path):
    import_progress(site, write_csv(tmp_path / "q3.csv", GOOD[1:2]), today=TODAY)  # 80% on 09-30
    late_report = [["jinan-2017/1-3", "2017-08-31", "超进度", "90", "", "", ""]]
    summary = import_progress(site, write_csv(tmp_path / "q.csv", late_report), today=TODAY)
    assert [w.line for w in summary.warnings if w.field == "进度"] == [2]
