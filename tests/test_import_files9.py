"""Issue 17: task tables in the PDFs governments publish, shapes tests/importer_filefuzz.py and hand-made files found.

- A merged cell (a deadline or unit shared by several rows) cut by the page break prints its text on the first
  page only; its rest opens the next page blank. The blank rest is the merged cell's text.
- A row cut by the page break in a table with no number column: a cell that filled its last line goes on at
  the top of the next page, in the same row. A header alone at the foot of a page opens the table below it.
- A name wrapped inside a word (人力资源社 / 会保障部, 区综合行 / 政执法局) is one name, though its first line
  ends in a character that also ends unit names; a line that opens a bracket it does not close is no name.
- A list of names apart by spaces, wrapped at a space (LibreOffice keeps the space as the line's last glyph):
  the names stay apart.
- Punctuation that may not start a line and the number right after it are not broken apart (门，13个街道):
  the line before them was full.
Every file is made here (Chromium's print of a page, LibreOffice's export of a .docx); nothing binary is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from formats import Printer, office_convert  # noqa: E402

from sitegen.importer.readers import read_document  # noqa: E402
from sitegen.importer.readers.pdf import _joined  # noqa: E402

CSS = ("@page{size:A4;margin:20mm}body{font-family:'Noto Sans CJK SC';font-size:12pt}"
       "table{border-collapse:collapse}td{border:1px solid #000;padding:2pt;vertical-align:top}")


@pytest.fixture(scope="module")
def printer():
    with Printer() as p:
        yield p


def rows_in(path: Path) -> list[list[str]]:
    text = read_document(path.read_bytes(), path.name)[1].text()
    return [line.split("\t") for line in text.splitlines() if "\t" in line][1:]


def printed(printer, tmp_path: Path, body: str, above: str = "0") -> list[list[str]]:
    """Table rows (HTML) printed by Chromium below `above` of space, read back: the rows under the header."""
    page = (f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>"
            f"<p>某县人民政府办公室关于印发任务分解表的通知</p><div style='height:{above}'></div>"
            f"<table>{body}</table></body></html>").encode()
    return rows_in(printer.pdf(page, tmp_path / "t.pdf"))


def row(*cells: str, widths=("2em", "12em", "5em", "5em")) -> str:
    return "<tr>" + "".join(f'<td style="width:{w}">{c}</td>' for c, w in zip(cells, widths, strict=True)) + "</tr>"


@pytest.mark.browser
def test_a_merged_cell_cut_by_the_page_break_holds_its_text_on_the_next_page(printer, tmp_path):
    tasks = [f"实施第{n}项民生工程建设任务。" for n in range(1, 9)]
    body = row("序号", "工作任务", "责任单位", "完成时限") + "".join(
        row(str(n), task, "县教育局", "2025年底") if n == 1 else
        f'<tr><td>{n}</td><td>{task}</td>' + ("<td>县住建局</td>" if n % 2 else "<td>县民政局</td>") + "</tr>"
        for n, task in enumerate(tasks, 1))
    body = body.replace("<td style=\"width:5em\">2025年底</td>", '<td style="width:5em" rowspan="8">2025年底</td>')
    rows = printed(printer, tmp_path, body, above="205mm")
    assert [r[0] for r in rows] == [str(n) for n in range(1, 9)]
    assert all(r[3] == "2025年底" for r in rows)


@pytest.mark.browser
def test_a_header_alone_at_the_foot_of_a_page_opens_the_table_on_the_next(printer, tmp_path):
    widths = ("12em", "5em", "6em")
    body = "".join(row(*cells, widths=widths) for cells in [
        ("项目名称", "进度安排", "责任单位"), ("启动建设东柳河城区段综合治理。", "12月底前", "县水务局"),
        ("加快推进土地滩水库建设。", "12月底前", "县水务局")])
    page = (f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body><p>关于印发任务分解表的通知</p>"
            f"<div style='height:222mm'></div><table>{body}</table></body></html>").encode()
    text = read_document(printer.pdf(page, tmp_path / "t.pdf").read_bytes(), "t.pdf")[1].text()
    assert "项目名称\t进度安排\t责任单位\n启动建设东柳河城区段综合治理。\t12月底前\t县水务局\n" in text


@pytest.mark.browser
def test_a_name_wrapped_inside_a_word_is_one_name(printer, tmp_path):
    body = row("序号", "工作任务", "责任单位", "完成时限") + \
        row("1", "城镇新增就业1000万人以上。", "人力资源社会保障部", "年内") + \
        row("2", "实施姚江、甬江江堤设施提升工程。", "区综合行政执法局<br>区公建中心", "7月底")
    rows = printed(printer, tmp_path, body)  # 5em: five characters a line, 社 and 行 end the first lines
    assert [r[2] for r in rows] == ["人力资源社会保障部", "区综合行政执法局、区公建中心"]


def libreoffice_rows(tmp_path: Path, table: list[list[str]], widths_cm: list[float]) -> list[list[str]]:
    """The table in a .docx (column widths in cm), exported to PDF by LibreOffice and read back."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    doc.add_paragraph("某区人民政府办公室关于印发重点工作任务分解表的通知")
    grid = doc.add_table(rows=len(table), cols=len(widths_cm))
    grid.style = "Table Grid"
    grid.autofit = False
    for r, cells in enumerate(table):
        for c, text in enumerate(cells):
            cell = grid.cell(r, c)
            cell.width = Cm(widths_cm[c])
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(12)
    source = tmp_path / "t.docx"
    doc.save(str(source))
    return rows_in(office_convert([source], "pdf", tmp_path) / "t.pdf")


def test_names_apart_by_spaces_wrapped_at_a_space_stay_apart(tmp_path):
    rows = libreoffice_rows(tmp_path, [["序号", "工作任务", "责任单位", "配合单位"],
                                       ["1", "新(改、扩)建一批中小学。", "教体局", "东孝街道 孝顺镇 傅村镇 曹宅镇 澧浦镇 发改局"]],
                            [1.2, 6.0, 2.0, 2.6])
    assert rows[0][3] == "东孝街道 孝顺镇 傅村镇 曹宅镇 澧浦镇 发改局"


def printed_line(text: str, top: float, size: float = 10.0) -> list[dict]:
    """A line of a cell as pdfplumber gives its characters: CJK a full size wide, digits about half."""
    chars, x = [], 0.0
    for ch in text:
        width = size if ord(ch) > 0x2000 else size * 0.55
        chars.append({"text": ch, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "doctop": top,
                      "upright": True, "size": size, "width": width, "height": size})
        x += width
    return chars


def test_a_number_right_after_a_comma_is_not_broken_from_it():
    # LibreOffice does not break 门，13 (3 characters' room after 相关部 did not hold it): the line was full
    lines = [printed_line(text, 12 * n) for n, text in enumerate(["机管局，房地", "局，规划局，", "相关部", "门，13个街", "道"])]
    assert _joined(lines, 61) == "机管局，房地局，规划局，相关部门，13个街道"
    # a line that stops short by more than the piece needs keeps its break
    assert _joined([printed_line("市发改委", 0), printed_line("门，13个街道", 12)], 81) == "市发改委\n门，13个街道"


def test_a_row_cut_by_the_page_break_in_an_unnumbered_table_is_one_row(tmp_path):
    long = "迁建县政务服务中心并完善周边道路、停车场和绿化配套设施，" * 3 + "年底前投入使用。"
    fillers = [[f"实施第{n}项城区道路改造工程。", "12月底前", "县住建局"] for n in range(1, 20)]
    rows = libreoffice_rows(tmp_path, [["项目名称", "进度安排", "责任单位"], *fillers, [long, "12月底前", "县政务服务中心"],
                                       ["加快推进土地滩水库建设。", "12月底前", "县水务局"]], [7.0, 2.5, 3.0])
    assert rows[-2:] == [[long, "12月底前", "县政务服务中心"], ["加快推进土地滩水库建设。", "12月底前", "县水务局"]]
