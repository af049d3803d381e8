"""Reliability (issue 20): hostile content and spreadsheets, half-written imports, injection, no tracebacks.

Each test names the defect of docs/security.md it holds. Real sites in tmp_path, the real CLI
(in-process, catch_exceptions=False: a traceback fails the test), real file systems for faults.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, read_tree, run
from test_progress import make_site, write_csv

NOTICE = "content/notices/ceshi-2019-1.yaml"
PROGRESS = "content/progress/ceshi-2019-1.yaml"
JIYANG = ROOT / "content" / "sources" / "jiyang-2023.txt"


def edit(site: Path, name: str, old: str, new: str) -> None:
    path = site / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def content(site: Path) -> dict:
    return read_tree(site / "content")


def fails_cleanly(result, *needles: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in result.output, result.output


# --- 1. YAML alias bombs ---------------------------------------------------------

BOMB = "".join(f"  l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 10))


def test_alias_bomb_in_a_notice_is_refused_at_its_line(mini):
    notice = mini / NOTICE
    notice.write_text(notice.read_text(encoding="utf-8") + "bomb:\n  l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
                      + BOMB, encoding="utf-8")
    result = run("check", "--site", mini)
    fails_cleanly(result, "aliases (*name) expand to more than 100,000 values")
    assert f"{NOTICE}:" in result.output and len(result.output.splitlines()) < 5


def test_a_shared_alias_is_checked_once_not_per_reference(mini):
    edit(mini, NOTICE, "            units: [市财政局, 发改委]",
         "            units: &bad\n              - {name: 市财政局, role: 坏}")
    edit(mini, NOTICE, "            units:\n              - {name: 各区县政府, role: 主办}\n"
         "              - {name: 市环保局, role: 协办}", "            units: *bad")
    result = run("check", "--site", mini)
    assert result.output.count("expected one of 牵头") == 1, result.output


@pytest.mark.parametrize("name", ["content/corrections/{nid}.yaml", "content/jurisdictions.yaml",
                                  "content/leaders.yaml"])
def test_alias_bomb_in_the_importers_files_is_refused(mini, name):
    path = mini / name.format(nid="jiyang-2023")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("- l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n" + BOMB.replace("  l", "- l"), encoding="utf-8")
    before = content(mini)
    result = run("import", JIYANG, "--site", mini)
    fails_cleanly(result, str(path), "aliases (*name) expand to more than")
    assert content(mini) == before


# --- 2. one write transaction ------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """A real 80 KiB file system (tmpfs) holding a copy of the mini site."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=80k", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    site = mount / "site"
    subprocess.run(["cp", "-r", str(ROOT / "tests/fixtures/mini"), str(site)], check=True)
    yield site
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_import_onto_a_full_disk_changes_nothing(small_disk):
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    (small_disk.parent / "filler").write_bytes(b"x" * max(0, free - 16 * 1024))  # room for the registries only
    before = content(small_disk)
    result = run("import", JIYANG, "--site", small_disk)
    fails_cleanly(result, "No space left on device", "nothing was changed")
    assert content(small_disk) == before
    assert not [p for p in small_disk.rglob("*.tmp")]
    assert run("check", "--site", small_disk).exit_code == 0


def test_import_into_a_read_only_folder_changes_nothing(small_disk):
    before = content(small_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk.parent)], check=True)
    result = run("import", JIYANG, "--site", small_disk)
    fails_cleanly(result, "Read-only file system")
    assert content(small_disk) == before


def test_progress_import_into_a_read_only_folder_changes_nothing(small_disk, tmp_path):
    sheet = write_csv(tmp_path / "p.csv", [["ceshi-2019-1/1-3", "2019-09-30", "达进度", "40", "推进中", "", ""]])
    before = content(small_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk.parent)], check=True)
    fails_cleanly(run("progress", "import", sheet, "--site", small_disk), "Read-only file system")
    assert content(small_disk) == before


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.9, 0.97])
def test_kill_during_import_leaves_a_site_that_checks(mini, fraction):
    command = [sys.executable, "-m", "sitegen", "import", str(JIYANG), "--site", str(mini)]
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    duration = time.monotonic() - started
    for path in (mini / "content").rglob("*"):
        if "jiyang" in path.name or path.name == "jurisdictions.yaml":
            path.unlink()
    subprocess.run(["cp", str(ROOT / "tests/fixtures/mini/content/jurisdictions.yaml"), str(mini / "content")])
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(duration * fraction)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert run("check", "--site", mini).exit_code == 0  # never a notice naming units that are not registered
    notice = mini / "content/notices/jiyang-2023.yaml"
    if notice.exists():
        assert (mini / "content/units/jiyang.yaml").exists()
    assert run("import", JIYANG, "--site", mini, "--force").exit_code == 0


# --- 3. intake limits, 4. sparse XLSX -----------------------------------------------

@pytest.fixture
def psite(tmp_path):
    return make_site(tmp_path / "site")


@pytest.mark.parametrize("size, message", [(40_000, "a cell of 40,000 characters"), (140_000, "field larger than")])
def test_a_huge_cell_is_refused_at_its_row(psite, tmp_path, size, message):
    sheet = write_csv(tmp_path / "p.csv", [["jinan-2017/1-3", "2017-06-30", "达进度", "50", "x" * size, "", ""]])
    fails_cleanly(run("progress", "import", sheet, "--site", psite), "p.csv:2", message)
    assert not (psite / "content/progress").exists()


def test_too_many_rows_are_refused(psite, tmp_path):
    rows = [["jinan-2017/1-3", "2017-06-30", "达进度", "50", "", "", ""]] * 200_001
    sheet = write_csv(tmp_path / "p.csv", rows)
    result = run("progress", "import", sheet, "--site", psite)
    fails_cleanly(result, "more than 200,000 rows")
    assert len(result.output.splitlines()) < 5


def test_the_intakes_result_is_checked_against_the_loaders_limits(psite, tmp_path, monkeypatch):
    from sitegen.core import limits

    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 300)
    sheet = write_csv(tmp_path / "p.csv", [["jinan-2017/1-3", "2017-06-30", "达进度", "50", "新增" * 100, "", ""]])
    fails_cleanly(run("progress", "import", sheet, "--site", psite), "nothing was written")
    assert not (psite / "content/progress").exists()


def test_a_2000_row_sheet_is_admitted(psite, tmp_path):
    rows = [["jinan-2017/1-3", f"2017-{1 + i % 12:02d}-{1 + i % 28:02d}", "达进度", "", f"第{i}次", "", ""]
            for i in range(2000)]
    result = run("progress", "import", write_csv(tmp_path / "p.csv", rows), "--site", psite)
    assert result.exit_code == 0 and "update(s) added" in result.output


def xlsx(path: Path, sheet_xml: str, extra: dict | None = None, sheets=True) -> Path:
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        + ('<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>' if sheets else "<sheets/>") + "</workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
        f'openxmlformats.org/spreadsheetml/2006/main">{sheet_xml}</worksheet>',
        **(extra or {}),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER_ROW = '<row r="1">' + cell("A1", "任务编号") + cell("B1", "日期") + cell("C1", "状态") + "</row>"


def limited(command: list, memory: int = 1_500_000_000, timeout: float = 120):
    """Run a sitegen command in a process limited to `memory` bytes of address space."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return subprocess.run([sys.executable, "-m", "sitegen", *map(str, command)], capture_output=True, text=True,
                          preexec_fn=limit, timeout=timeout)


def test_one_far_cell_is_one_cell(psite, tmp_path):
    path = xlsx(tmp_path / "far.xlsx", '<dimension ref="A1:XFD1048576"/><sheetData>' + HEADER_ROW
                + '<row r="1048576">' + cell("XFD1048576", "x") + "</row></sheetData>")
    assert path.stat().st_size < 2000
    result = limited(["progress", "import", path, "--site", psite])
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert result.returncode == 0 and "nothing new" in result.stdout, result.stderr


def test_an_xlsx_zip_bomb_is_refused_by_its_uncompressed_size(psite, tmp_path):
    padding = "<!--" + " " * 60_000_000 + "-->"
    path = xlsx(tmp_path / "bomb.xlsx", f"<sheetData>{HEADER_ROW}</sheetData>{padding}")
    assert path.stat().st_size < 200_000
    fails_cleanly(run("progress", "import", path, "--site", psite), "zip bomb")


def test_formula_rows_without_saved_values_are_reported(psite, tmp_path):
    row = ('<row r="2">' + cell("A2", "jinan-2017/1-3") + '<c r="B2"><f>DATE(2017,6,30)</f></c>'
           '<c r="C2"><f>"达进度"</f></c></row>')
    path = xlsx(tmp_path / "f.xlsx", f"<sheetData>{HEADER_ROW}{row}</sheetData>")
    fails_cleanly(run("progress", "import", path, "--site", psite), "f.xlsx:2", "formula with no saved value")


def test_an_xlsx_without_worksheet(psite, tmp_path):
    path = xlsx(tmp_path / "none.xlsx", "<sheetData/>", sheets=False)
    fails_cleanly(run("progress", "import", path, "--site", psite), "no worksheet")


# --- 5. Markdown bounded --------------------------------------------------------------

def test_markdown_gets_no_unbounded_runs_of_brackets(monkeypatch):
    import markdown

    from sitegen.render import markup

    seen = []
    real = markdown.markdown
    monkeypatch.setattr(markup.md, "markdown", lambda text, **kw: seen.append(text) or real(text, **kw))
    for text in ["[" * 10_000, "[a" * 5_000, "![" * 5_000, "[x](" * 3_000, "<a href='" * 3_000]:
        html = markup.render_markdown(text)
        assert "[" in html or "&lt;" in html
        unescaped = seen[-1].replace("\\[", "").count("[")
        assert unescaped <= markup.MAX_BRACKETS and seen[-1].count("<") <= markup.MAX_BRACKETS
    normal = "见[通知](https://example.org/a)和 **重点**。\n\n- 一\n- 二"  # converted as written
    assert '<a href="https://example.org/a"' in markup.render_markdown(normal) and seen[-1] == normal


def test_many_links_past_the_bound_still_render(monkeypatch):
    from sitegen.render.markup import render_markdown

    html = render_markdown(" ".join(f"[第{i}项](/t/{i}/)" for i in range(50)) + " [" * 40)
    assert html.count("<a href=") == 50 and html.count("[") == 40


def test_deeply_nested_list_markers_are_text_not_a_recursion_error():
    from sitegen.render.markup import render_markdown

    assert "1. 1. 1." in render_markdown("1. " * 2000)


# --- 6. formula injection ----------------------------------------------------------------

def test_csv_cells_are_neutralised_everywhere(mini, tmp_path):
    edit(mini, NOTICE, "text: 治理水污染,6月底前完成整治。", 'text: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"')
    edit(mini, NOTICE, "deadline: 6月底前", "deadline: \"@SUM(1+1)\"")
    out = tmp_path / "out"
    assert run("build", "--site", mini, "--output", out, "--no-search").exit_code == 0
    files = [out / "data/tasks.csv", out / "data/notices/ceshi-2019-1.csv",
             out / "data/units/ceshi-shi/shi-fa-gai-wei.csv"]
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        assert "'=HYPERLINK" in text and "'@SUM" in text and ',=' not in text and ',"=' not in text
    raw = (out / "data/tasks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "、".encode() in raw  # the contract: BOM, lists joined with 、
    assert '"=HYPERLINK' in (out / "data/tasks.json").read_text(encoding="utf-8")  # JSON keeps the text


def test_xlsx_form_cells_are_text(mini, tmp_path):
    from openpyxl import load_workbook

    edit(mini, "content/units/ceshi-shi.yaml", "  - name: 市财政局", "  - name: 市财政局\n    aliases: [\"=1+1\"]")
    edit(mini, "content/units/ceshi-shi.yaml", "    name: 市发改委\n    aliases: [发改委, 市发展改革委]",
         "    name: \"=HYPERLINK(1)\"\n    aliases: [市发改委, 发改委, 市发展改革委]")
    edit(mini, NOTICE, "text: 治理水污染,6月底前完成整治。", 'text: "=1+2"')
    edit(mini, "content/jurisdictions.yaml", "  name: 测试市", "  name: \"=HYPERLINK(2)\"")
    form = tmp_path / "form.xlsx"
    assert run("progress", "form", "ceshi-shi/shi-fa-gai-wei", "--site", mini, "--output", form).exit_code == 0
    sheet = load_workbook(form).worksheets[0]
    formulas = [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    assert "=HYPERLINK(1)" in sheet["A1"].value


# --- 7. control characters ------------------------------------------------------------------

def test_control_characters_in_content_are_refused_at_their_line(mini):
    edit(mini, PROGRESS, "text: 已完成方案。", 'text: "已完成\\v方案\\e[31m"')
    fails_cleanly(run("check", "--site", mini), f"{PROGRESS}:5", "U+000B")


def test_control_characters_in_a_sheet_are_refused_at_their_row(psite, tmp_path):
    sheet = write_csv(tmp_path / "p.csv", [["jinan-2017/1-3", "2017-06-30", "达进度", "50", "新增\x01研发", "", ""]])
    fails_cleanly(run("progress", "import", sheet, "--site", psite), "p.csv:2", "U+0001")


def test_xml_writers_never_emit_what_xml_forbids(mini):
    from sitegen.write import badges, feeds, sitemap
    from sitegen.content.loadsite import load_site

    site = load_site(mini)
    task = site.tasks["ceshi-2019-1/1-1"]
    bad = "\x0b\x1b[31m\x01\ufffe"
    task.updates[-1].text = f"完成{bad}"
    task.updates[-1].source = f"来源{bad}"
    site.config.title = f"站点{bad}"
    ET.fromstring(feeds.site_feed(site)[1])
    ET.fromstring(badges.svg(f"进展{bad}", f"x{bad}", "#123456"))
    ET.fromstring(dict(sitemap.sitemap_files("https://x.org/", [f"/a{bad}/"]))["sitemap.xml"])


# --- 8. one attribute escaping -------------------------------------------------------------

def test_a_status_label_cannot_add_attributes_to_a_badge(mini, tmp_path):
    edit(mini, "site.yaml", "as_of: 2020-01-15", "as_of: 2020-01-15\nstatuses:\n"
         "  - {id: on-track, label: 正常, color: \"#1a7f37\", icon: \"✓\"}\n"
         "  - {id: completed, label: 'x\" onload=\"alert(1)', color: \"#1a7f37\", icon: \"✓\", done: true}\n"
         "  - {id: behind, label: 滞后, color: \"#b42318\", icon: \"!\"}")
    out = tmp_path / "out"
    assert run("build", "--site", mini, "--output", out, "--no-search").exit_code == 0
    badge = ET.fromstring((out / "badges/tasks/ceshi-2019-1/1-1.svg").read_bytes())  # completed
    assert all("onload" not in element.attrib for element in badge.iter())
    assert 'x" onload="alert(1)' in badge.get("aria-label")


# --- 9. routes -----------------------------------------------------------------------------

@pytest.mark.parametrize("task_id", ["print", "page", "data"])
def test_a_task_id_that_is_a_route_is_refused(mini, task_id):
    edit(mini, NOTICE, "id: 1-2", f"id: {task_id}")
    fails_cleanly(run("check", "--site", mini), "cannot be an id", "page of the site's own")


def test_two_pages_at_one_path_fail_the_build():
    from sitegen.core.errors import SitegenError
    from sitegen.render.render import Page, check_routes

    with pytest.raises(SitegenError, match="2 page.s. would be written at the same path"):
        check_routes([Page("a/index.html", "x.html"), Page("a/index.html", "y.html"), Page("b/index.html", "x"),
                      Page("b/index.html", "y")])


# --- 10. tracebacks become messages ---------------------------------------------------------

@pytest.mark.parametrize("depth", [400, 700, 999, 1200])
def test_deep_nesting_is_a_message(mini, depth):
    (mini / NOTICE).write_text("title: x\nbody: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    fails_cleanly(run("check", "--site", mini), NOTICE)


def test_a_300_character_id_is_refused_by_check(mini):
    edit(mini, NOTICE, "id: 1-2", "id: " + "a" * 300)
    fails_cleanly(run("check", "--site", mini), "at most 200 characters")


@pytest.mark.parametrize("year", ["99999999999999999999999", "0", "-5", "1700", "20177"])
def test_implausible_years_are_refused(mini, year):
    edit(mini, NOTICE, "published: 2019-02-27", f"published: 2019-02-27\nyear: {year}")
    fails_cleanly(run("check", "--site", mini), "year", "a year from 1949")


def test_import_of_a_file_whose_name_is_not_utf8(mini, tmp_path):
    name = f"{tmp_path}/jiyang-\udcff.txt"  # the byte 0xff, as Python hands a non-UTF-8 name over
    with open(name.encode("utf-8", "surrogateescape"), "wb") as handle:
        handle.write(JIYANG.read_bytes())
    fails_cleanly(run("import", str(name), "--site", mini), "not valid UTF-8", "rename")


def test_import_of_dev_zero(mini):
    fails_cleanly(run("import", "/dev/zero", "--site", mini), "not a regular file")


def test_an_undecodable_utf16_csv(psite, tmp_path):
    sheet = tmp_path / "p.csv"
    sheet.write_bytes(b"\xff\xfe" + "任务编号,日期,状态\n".encode("utf-16-le") + b"\x00\xd8\x41")
    fails_cleanly(run("progress", "import", sheet, "--site", psite), "UTF-16")


def test_an_update_dated_with_a_time_then_an_import(psite, tmp_path):
    progress = psite / "content/progress/jinan-2017.yaml"
    progress.parent.mkdir(parents=True)
    progress.write_text('"1-3":\n  - date: 2017-03-31 10:00:00\n    status: on-track\n', encoding="utf-8")
    sheet = write_csv(tmp_path / "p.csv", [["jinan-2017/1-3", "2017-06-30", "达进度", "50", "新增", "", ""]])
    result = run("progress", "import", sheet, "--site", psite)
    assert result.exit_code == 0 and "1 update(s) added" in result.output


@pytest.mark.parametrize("name", ["content/jurisdictions.yaml", "content/leaders.yaml",
                                  "content/corrections/jiyang-2023.yaml"])
@pytest.mark.parametrize("bad", [b"- id: [unclosed\n", "- name: 测试\n".encode("gbk"), b"- a\n- {x: 1}\n"],
                         ids=["broken", "gbk", "shape"])
def test_broken_registry_files_during_import(mini, name, bad):
    path = mini / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bad)
    before = content(mini)
    result = run("import", JIYANG, "--site", mini)
    fails_cleanly(result, name.split("/")[-1])
    assert content(mini) == before


# --- 11. ids and names ----------------------------------------------------------------------

def test_an_id_ending_in_a_newline_is_refused(mini):
    edit(mini, NOTICE, "id: 1-2", 'id: "1-2\\n"')
    fails_cleanly(run("check", "--site", mini), "1-2")


@pytest.mark.parametrize("task_id", ["con", "aux", "nul", "prn", "com1", "lpt9"])
def test_windows_reserved_names_are_refused(mini, task_id):
    edit(mini, NOTICE, "id: 1-2", f"id: {task_id}")
    fails_cleanly(run("check", "--site", mini), "Windows reserves")


@pytest.mark.parametrize("invisible", ["\u200b", "\u202e", "\ufeff", "\u2066"])
def test_names_differing_only_by_invisible_characters_fail_strict(mini, invisible):
    edit(mini, "content/units/ceshi-shi.yaml", "  - name: 市环保局", f"  - name: 市环保局\n  - name: 市环{invisible}保局")
    assert run("check", "--site", mini).exit_code == 0
    result = run("check", "--site", mini, "--strict")
    fails_cleanly(result, "invisible character", "looks the same as the unit 市环保局")


# --- 12. linear ids --------------------------------------------------------------------------

def test_unique_ids_are_linear():
    from sitegen.importer.registry import UniqueIds

    class Counting(set):
        lookups = 0

        def __contains__(self, item):
            Counting.lookups += 1
            return super().__contains__(item)

    ids = UniqueIds()
    ids.taken = Counting()
    taken = [ids.take("1-1") for _ in range(12_000)]
    assert len(set(taken)) == 12_000 and taken[:3] == ["1-1", "1-1-2", "1-1-3"]
    assert Counting.lookups < 3 * 12_000


# --- 13. serve over HTTP -----------------------------------------------------------------------

def test_serve_answers_bad_requests_plainly(mini):
    import urllib.error
    import urllib.request

    from test_serve import fetch, free_port, wait_for

    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--site", str(mini), "--port", str(port),
                                "--no-search", "--host", "0.0.0.0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: fetch(base + "/")[0] == 200), "server did not start"
        for path in ["/%00", "/" + "a" * 5000, "/%ff%fe", "/notices/%00/x"]:
            status, body = fetch(base + path)
            assert status in (400, 404) and "Traceback" not in body and "File \"" not in body
        request = urllib.request.Request(base + "/", method="HEAD")
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.status == 200 and response.read() == b""
        for method in ["PUT", "DELETE", "POST"]:
            request = urllib.request.Request(base + "/index.html", data=b"x", method=method)
            with pytest.raises(urllib.error.HTTPError) as error:
                urllib.request.urlopen(request, timeout=5)
            assert error.value.code == 405
        assert fetch(base + "/")[0] == 200
    finally:
        process.terminate()
        output = process.communicate(timeout=10)[0].decode("utf-8")
    assert "reachable from the network" in output


# --- 14. stable URLs ----------------------------------------------------------------------------

def test_a_later_units_slug_never_moves_an_earlier_units_url(mini, tmp_path):
    from sitegen.content.loadsite import load_site

    before = {u.name: u.url for u in load_site(mini).units}
    edit(mini, "content/units/ceshi-shi.yaml", "  - name: 各区县政府", "  - name: 市環保局\n  - name: 各区县政府")
    after = {u.name: u.url for u in load_site(mini).units}
    assert after["市环保局"] == before["市环保局"] == "/units/ceshi-shi/shi-huan-bao-ju/"
    assert after["市環保局"] != after["市环保局"]


# --- 15. CI logs and terminals -----------------------------------------------------------------

def test_github_annotations_escape_properties_and_data():
    from sitegen.core.errors import Problem

    line = Problem("a\n::error file=x::forged,b:c.yaml", 3, 1, "f", "bad%\r\nnext").annotation()
    assert line.count("\n") == 0 and line.count("::") == 2
    assert "file=a%0A%3A%3Aerror file=x%3A%3Aforged%2Cb%3Ac.yaml,line=3,col=1::" in line
    assert line.endswith("bad%25%0D%0Anext")


def test_text_mode_shows_control_characters_as_escapes(mini):
    edit(mini, NOTICE, "id: 1-2", "id: \"1-2\\e[2J\\r\"")
    result = run("check", "--site", mini)
    assert "\x1b" not in result.output and "\r" not in result.output
    assert "\\x1b[2J\\x0d" in result.output


# --- 16. small --------------------------------------------------------------------------------

def test_an_empty_site_yaml_gets_a_hint_for_site_yaml(mini):
    (mini / "site.yaml").write_text("")
    result = run("check", "--site", mini)
    fails_cleanly(result, "site.yaml:1", "the file is empty", "title")
    assert "write []" not in result.output


def test_one_unreadable_notice_adds_no_cascade(mini):
    (mini / NOTICE).write_text("title: [unclosed\n", encoding="utf-8")
    result = run("check", "--site", mini)
    fails_cleanly(result, "invalid YAML")
    assert "no notice with id" not in result.output


def test_not_reported_cannot_be_imported(psite, tmp_path):
    sheet = write_csv(tmp_path / "p.csv", [["jinan-2017/1-3", "2017-06-30", "未报告", "", "", "", ""]])
    fails_cleanly(run("progress", "import", sheet, "--site", psite), "p.csv:2", "no update was made")


def test_an_output_folder_that_is_a_mount_point(mini, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(out)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        fails_cleanly(run("build", "--site", mini, "--output", out, "--no-search"), "mount point", "inside it")
    finally:
        subprocess.run(["umount", str(out)], capture_output=True)
