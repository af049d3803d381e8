"""`sitegen build --pdf`: the print pages printed by real Chromium, checked with poppler's tools.

One --pdf build of the mini site plus a 60-task notice per module (a 9-sheet
list for 市发改委). Needs /usr/bin/chromium, the playwright package and
poppler-utils (pdfinfo, pdftotext, pdffonts); skipped without them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, read_tree, run
from printing_fixtures import add_long_notice

pytestmark = pytest.mark.browser
pytest.importorskip("playwright")
if not (shutil.which("chromium") and shutil.which("pdfinfo") and shutil.which("pdftotext")):
    pytest.skip("needs chromium and poppler-utils", allow_module_level=True)

UNIT = "units/ceshi-shi/shi-fa-gai-wei"
TASKS = 60


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("print") / "site"
    shutil.copytree(FIXTURES / "mini", site)
    add_long_notice(site, TASKS)
    return site


@pytest.fixture(scope="module")
def built(site) -> Path:
    out = site.parent / "out"
    result = run("build", "--site", site, "--output", out, "--no-search", "--pdf", "--check-links")
    assert result.exit_code == 0, result.output
    return out


def info(pdf: Path) -> dict:
    text = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)


def text(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def squash(value: str) -> str:
    return re.sub(r"\s+", "", value)


def test_every_print_page_has_its_pdf_and_every_unit_its_form(built):
    prints = sorted(p.parent for p in built.rglob("print/index.html"))
    assert len(prints) == 4 + 2 + 2  # units, notices, leaders
    for folder in prints:
        assert (folder / "list.pdf").is_file(), folder
    assert sorted(p.parent.name for p in built.rglob("form.xlsx")) == sorted(
        p.parent.name for p in built.glob("units/*/*/print"))


def test_long_unit_list_is_a4_with_page_numbers_and_every_task(built, site):
    pdf = built / UNIT / "print/list.pdf"
    meta = info(pdf)
    pages = int(meta["Pages"])
    assert pages >= 3
    assert "(A4)" in meta["Page size"]
    assert meta["CreationDate"].strip().endswith("2020 UTC") and "Jan 15" in meta["CreationDate"]
    whole = squash(text(pdf))
    assert squash("市发改委承担的《测试市重点工作长清单》重点工作任务清单") in whole
    assert squash("市发改委承担的《测试市2019年重点工作分工》重点工作任务清单") in whole
    assert "2020年1月15日" in whole
    import yaml
    notice = yaml.safe_load((site / "content/notices/ceshi-2019-long.yaml").read_text(encoding="utf-8"))
    for task in notice["attachments"][0]["sections"][0]["tasks"]:
        assert squash(task["text"]) in whole, task["id"]  # no cell text cut, nothing lost at a page break
    for page in range(1, pages + 1):
        assert f"第{page}页/共{pages}页" in squash(text(pdf, "-f", str(page), "-l", str(page)))


def test_table_header_repeats_on_every_continued_page(built):
    # page 1: the short notice; page 2: the long notice's list starts (heading, then the table);
    # every later page continues that table and starts with its header row
    pdf = built / UNIT / "print/list.pdf"
    pages = int(info(pdf)["Pages"])
    assert squash(text(pdf, "-f", "2", "-l", "2")).startswith("市发改委承担的《测试市重点工作长清单》")
    for page in range(3, pages + 1):
        lines = [line for line in text(pdf, "-layout", "-f", str(page), "-l", str(page)).splitlines() if line.strip()]
        assert lines[0].split() == ["序号", "任务内容", "角色", "分管领导", "完成时限", "当前状态"], page


def test_cjk_fonts_are_embedded(built):
    out = subprocess.run(["pdffonts", str(built / UNIT / "print/list.pdf")],
                         capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        emb, uni = row.split()[-5], row.split()[-3]
        assert emb == "yes" and uni == "yes", row  # embedded, and the text copies and searches as Chinese


def test_table_fits_the_printable_width(built):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        try:
            # A4 (210 mm) less the 14 mm side margins, at 96 px per inch
            page = browser.new_page(viewport={"width": round((210 - 28) / 25.4 * 96), "height": 1000})
            page.emulate_media(media="print")
            for path in [UNIT, "notices/ceshi-2019-long", "leaders/ceshi-shi/zhang-san"]:
                page.goto((built / path / "print/index.html").as_uri())
                widths = page.evaluate("""() => [...document.querySelectorAll('table.tasks, table.tasks td, table.tasks th')]
                    .map(e => [e.scrollWidth, e.clientWidth])""")
                assert widths and all(scroll <= client for scroll, client in widths), path
                assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        finally:
            browser.close()


def test_print_pages_link_their_pdf_and_form_when_built(built):
    html = (built / UNIT / "print/index.html").read_text(encoding="utf-8")
    assert 'href="/units/ceshi-shi/shi-fa-gai-wei/print/list.pdf"' in html
    assert 'href="/units/ceshi-shi/shi-fa-gai-wei/form.xlsx"' in html
    unit = (built / UNIT / "index.html").read_text(encoding="utf-8")
    assert "print/list.pdf" in unit and "form.xlsx" in unit
    # the toolbar with the links is screen-only: it is not in the PDF
    assert "下载" not in text(built / UNIT / "print/list.pdf")


def test_pdf_build_is_byte_identical(built, site, tmp_path):
    again = tmp_path / "again"
    result = run("build", "--site", site, "--output", again, "--no-search", "--pdf")
    assert result.exit_code == 0, result.output
    first, second = read_tree(built), read_tree(again)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


REAL = ROOT / "content" / "notices"


def test_a_real_unit_prints(tmp_path):
    """济南's 市发改委 from the real 2017 notice, when the importer has produced it."""
    from sitegen.progress import pdf as printing
    from sitegen.content.loadsite import load_site

    if not list(REAL.glob("jinan-*.yaml")):
        pytest.skip("the real 济南 notice is not in content/notices yet")
    site = load_site(ROOT)
    unit = next((u for u in site.units if u.jurisdiction.id == "jinan" and u.name == "市发改委"), None)
    assert unit is not None and unit.tasks
    out = tmp_path / "out"
    assert run("build", "--site", ROOT, "--output", out, "--no-search").exit_code == 0
    target = "real.pdf"
    printing.print_pdfs(out, site.config.base_path, [(unit.print_url, target)], site.as_of)
    whole = squash(text(out / target))
    assert squash(f"市发改委承担的《{unit.tasks[0].notice.name}》重点工作任务清单") in whole
    for task in unit.tasks:
        body = squash(re.sub(r"[*_`#>\[\]]", "", task.text))
        assert body[:40] in whole, task.id
