"""Shapes real files give the readers, found by importing the dev corpus in each format.

- A cell listing units one name a line (Word's manual line breaks, <br> in a
  page, Alt+Enter in a sheet, a paragraph per name printed to PDF) is a list:
  the names are kept apart, not run together into one long name.
- A paragraph broken mid-sentence (a page or a file made from a PDF's lines)
  is not ended by the reader: the text parser joins it as in a plain text.
- A long table split in two by a page break in Word imports as one table.
Every file is made here; nothing binary is committed.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from formats import SPLIT_ROWS, Table, agreement, blocks_of, task_view, to_docx, to_html, to_xlsx  # noqa: E402

from sitegen.importer import import_notice  # noqa: E402
from sitegen.importer.readers import read_document  # noqa: E402
from sitegen.importer.readers.document import Document, join_cell  # noqa: E402

HEAD = "某县人民政府办公室关于印发重点工作任务分解表的通知\n任务分解表\n"
HEADER = ["序号", "工作任务", "责任单位", "完成时限"]


def text_of(data: bytes, name: str) -> str:
    return read_document(data, name)[1].text()


def test_unit_names_one_a_line_are_a_list():
    assert join_cell("县水务局\n县住建局\n县护城河指挥部") == "县水务局、县住建局、县护城河指挥部"
    assert join_cell("招商工作部、\n安商工作部") == "招商工作部、安商工作部"
    # a name broken over two lines, or a sentence wrapped, is one value as before
    assert join_cell("区新兴产业\n服务中心") == "区新兴产业服务中心"
    assert join_cell("实施宏图路改造,年内\n完成工程量的50%") == "实施宏图路改造,年内完成工程量的50%"
    assert join_cell("由县水务局\n县住建局负责") == "由县水务局县住建局负责"


def test_each_format_keeps_a_cell_of_unit_lines_apart(tmp_path):
    table = Table("任务分解表", HEADER, [["1", "新建学校20所。", "县教育局、县财政局", "12月底前"],
                                         ["2", "改造老旧小区3个。", "县住建局", "12月底前"]])
    blocks = ["某县人民政府办公室关于印发重点工作任务分解表的通知", table]
    files = {"page.html": to_html(blocks), "word.docx": to_docx(blocks, tmp_path / "w.docx").read_bytes(),
             "sheet.xlsx": to_xlsx(blocks, tmp_path / "s.xlsx").read_bytes()}
    for name, data in files.items():
        rows = [line.split("\t") for line in text_of(data, name).splitlines() if line.startswith("1\t")]
        assert rows == [["1", "新建学校20所。", "县教育局、县财政局", "12月底前"]], name
    assert b"<br>" in files["page.html"]


def test_the_producers_print_unit_lists_one_name_a_line(tmp_path):
    from docx import Document as open_docx
    from openpyxl import load_workbook

    table = Table(None, HEADER, [["1", "新建学校20所。", "县教育局、县财政局", "12月底前"]])
    word = open_docx(str(to_docx([table], tmp_path / "w.docx")))
    assert word.tables[0].cell(1, 2).text == "县教育局\n县财政局"
    sheet = load_workbook(io.BytesIO(to_xlsx([table], tmp_path / "s.xlsx").read_bytes())).active
    assert sheet.cell(2, 3).value == "县教育局\n县财政局" and sheet.cell(2, 3).alignment.wrap_text


def test_a_paragraph_broken_mid_sentence_is_not_ended_by_the_reader():
    doc = Document()
    doc.add_paragraph("一、深入实施就业优先战略")
    doc.add_paragraph("(一)坚持扩大就业发展战略。各级发展改革部门要会同人力资源社会保障等部门,建立公共投资带动就业的")
    doc.add_paragraph("评估机制。(省发展改革委、省财政厅负责)")
    doc.add_paragraph("(二)发展吸纳就业能力强的产业。")
    lines = doc.text().splitlines()
    broken = lines.index("(一)坚持扩大就业发展战略。各级发展改革部门要会同人力资源社会保障等部门,建立公共投资带动就业的")
    assert lines[broken + 1] == "评估机制。(省发展改革委、省财政厅负责)"  # no blank line: one paragraph
    assert lines[1] == "" and lines[lines.index("评估机制。(省发展改革委、省财政厅负责)") + 1] == ""


def test_a_broken_paragraph_in_a_page_imports_as_its_text(tmp_path):
    text = (HEAD + "一、深入实施就业优先战略\n"
            "(一)坚持扩大就业发展战略。各级发展改革部门要会同人力资源社会保障等部门,建立公共投资带动就业的\n"
            "评估机制。(县发改局、县财政局负责,列第一位者为牵头单位)\n"
            "(二)发展吸纳就业能力强的产业。(县经信局负责)\n")
    source = tmp_path / "n.txt"
    source.write_text(text, encoding="utf-8")
    page = tmp_path / "n.html"
    page.write_bytes(to_html(blocks_of(text)))
    expected = task_view(import_notice(str(source), tmp_path / "a", jurisdiction="某县").data)
    got = task_view(import_notice(str(page), tmp_path / "b", jurisdiction="某县").data)
    assert len(expected) == 2
    assert agreement(expected, got) == {"f1": 1.0, "units": 1.0, "leads": 1.0}


def test_a_word_table_split_by_a_page_break_imports_as_one_table(tmp_path):
    rows = [[str(n), f"建设第{n}个社区服务中心。", "县民政局、县住建局" if n % 2 else "县民政局", f"{n}月底前"]
            for n in range(1, SPLIT_ROWS + 3)]
    text = HEAD + "\t".join(HEADER) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    source = tmp_path / "t.txt"
    source.write_text(text, encoding="utf-8")
    word = to_docx(blocks_of(text), tmp_path / "t.docx", split=True)
    from docx import Document as open_docx
    assert len(open_docx(str(word)).tables) == 2
    expected = task_view(import_notice(str(source), tmp_path / "a", jurisdiction="某县").data)
    got = task_view(import_notice(str(word), tmp_path / "b", jurisdiction="某县").data)
    assert len(expected) == len(rows)
    assert agreement(expected, got) == {"f1": 1.0, "units": 1.0, "leads": 1.0}


def _page(body: str) -> bytes:
    return f"<html><head><meta charset='utf-8'><title>通知</title></head><body>{body}</body></html>".encode()


def test_a_page_laid_out_in_a_one_cell_table_is_read_as_paragraphs():
    """A box around the notice (one cell) is no table of data: its paragraphs are the content."""
    body = ("<div class='nav'><a href='/'>首页</a></div><table><tr><td>"
            "<p>关于印发重点工作分工的通知</p><p>1.推进产业升级。(牵头单位:市发改委)</p>"
            "<p>2.建设公园绿地。(牵头单位:市住建局)</p></td></tr></table>")
    text = text_of(_page(body), "page.html")
    assert "1.推进产业升级。(牵头单位:市发改委)" in text.splitlines()
    assert "2.建设公园绿地。(牵头单位:市住建局)" in text.splitlines()


def test_the_content_is_never_a_cell_of_a_table_of_data():
    """A task table holding most of the page's text: the content is around it (the title and the
    covering text above it are kept), not one of its cells."""
    long_task = "推进重点项目建设" * 40
    body = ("<div><p>关于印发重点工作分工的通知</p><p>各部门：现印发给你们。</p>"
            "<table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th></tr>"
            f"<tr><td>1</td><td>{long_task}</td><td>市发改委</td></tr></table></div>")
    text = text_of(_page(body), "page.html")
    assert "关于印发重点工作分工的通知" in text
    assert "各部门：现印发给你们。" in text
