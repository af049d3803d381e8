"""Issue 17: tables read from the files governments publish, shapes tests/importer_filefuzz.py found.

- A PDF prints a cell's text on as many lines as its column's width takes; pdfplumber breaks the cell at every
  printed line. A line wrapped by the width is joined to the next (区综合行政 / 执法局、区 / 公建中心 is
  区综合行政执法局、区公建中心, not a unit 区 and a unit 公建中心); a line the text broke (a list printed one
  name a line) keeps its break, even where a name filled the line (招商工作部 / 安商工作部).
- A name closed by its bracketed alias (高新园(邹区镇)) one a line ends there when a whole unit name follows,
  in any format's cell (its suffix is no unit's ending, so the lines went on into the next name).
- A row the page break pushed or cut to the next page is a one-row table there: it continues the table
  above, not lines of text.
Every file is made here (Chromium's print of a page); nothing binary is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from formats import Printer  # noqa: E402

from sitegen.importer.readers import read_document  # noqa: E402
from sitegen.importer.readers.document import join_cell  # noqa: E402

CSS = ("@page{size:A4;margin:20mm}body{font-family:'Noto Sans CJK SC';font-size:12pt}"
       "table{border-collapse:collapse}td{border:1px solid #000;padding:2pt;vertical-align:top}")
HEADER = ["序号", "工作任务", "责任单位", "完成时限"]


@pytest.fixture(scope="module")
def printer():
    with Printer() as p:
        yield p


def rows_of(printer, tmp_path: Path, rows: list[list[str]], widths=("2em", "12em", "5em", "5em"),
            above: str = "0") -> list[list[str]]:
    """The table printed to PDF (`above`: the height of the space above it) and read back: its rows' cells."""
    body = "".join("<tr>" + "".join(f'<td style="width:{w}">{c}</td>' for c, w in zip(r, widths, strict=True))
                   + "</tr>" for r in [HEADER, *rows])
    page = (f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>"
            f"<p>某县人民政府办公室关于印发任务分解表的通知</p><div style='height:{above}'></div>"
            f"<table>{body}</table></body></html>").encode()
    pdf = printer.pdf(page, tmp_path / "t.pdf")
    text = read_document(pdf.read_bytes(), "t.pdf")[1].text()
    return [line.split("\t") for line in text.splitlines() if "\t" in line][1:]


@pytest.mark.browser
def test_a_cell_wrapped_by_its_width_is_one_text_and_a_list_one_name_a_line_keeps_its_names(printer, tmp_path):
    rows = rows_of(printer, tmp_path, [["1", "实施姚江、甬江江堤设施提升工程。", "区综合行政执法局、区公建中心", "7月底"],
                                       ["2", "坚持服务跟着项目走。", "招商工作部<br>安商工作部", "年内"]])
    assert [r[2] for r in rows] == ["区综合行政执法局、区公建中心", "招商工作部、安商工作部"]


@pytest.mark.browser
def test_a_name_wrapped_in_a_narrow_column_is_one_name(printer, tmp_path):
    # Noto CJK's text layer names 人 and 力 by their Kangxi radicals: the lines are joined as ideographs
    rows = rows_of(printer, tmp_path, [["1", "新增城镇就业6万人。", "市人力社保局", "12月底前"]],
                   widths=("2em", "12em", "2em", "5em"))
    assert rows[0][2] == "市人力社保局"


@pytest.mark.browser
def test_a_row_pushed_to_the_next_page_continues_the_table(printer, tmp_path):
    long = "加强" + "市区两级素质教育实验校的建设和管理，" * 12
    rows = rows_of(printer, tmp_path, [["1", "实施姚江堤设施提升工程。", "区公建中心", "7月底"],
                                       ["2", long, "教育局", "2010年"]], above="215mm")
    assert [r[0] for r in rows] == ["1", "2"] and rows[1][1] == long and rows[1][2:] == ["教育局", "2010年"]


def test_a_name_closed_by_its_bracketed_alias_ends_there():
    assert join_cell("经开区\n高新园(邹区镇)\n各街道\n国有公司") == "经开区、高新园(邹区镇)、各街道、国有公司"
    # a name broken inside its bracket, or a sentence, is joined as before
    assert join_cell("市发改委(市粮食\n局)\n市财政局") == "市发改委(市粮食局)、市财政局"
    assert join_cell("由县水务局\n县住建局负责") == "由县水务局县住建局负责"
