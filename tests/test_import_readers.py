"""The readers of `sitegen import`: format told by content, each format's structure, and bad files.

Every file is made here (python-docx, openpyxl, xlwt, Chromium, bytes written
by hand for the damaged and hostile ones); nothing binary is committed.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from conftest import read_tree, run  # noqa: E402
from formats import Printer, agreement, blocks_of, task_view, to_doc, to_docx, to_html, to_xlsx  # noqa: E402

from sitegen.core.errors import SitegenError  # noqa: E402
from sitegen.importer import import_notice  # noqa: E402
from sitegen.importer.readers import detect, read_document  # noqa: E402
from sitegen.importer.readers.document import Document, join_lines  # noqa: E402
from sitegen.importer.readers.numbering import chinese  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TABLE_NOTICE = ROOT / "tests" / "formats_corpus" / "merged_rows.txt"
PROSE_NOTICE = ROOT / "tests" / "importer_corpus" / "inline.txt"


def text_of(data: bytes, name: str = "f", suffix: str = "") -> str:
    kind, document = read_document(data, name, suffix)
    return document.text()


def lines_of(data: bytes, suffix: str = "") -> list[str]:
    return [l for l in text_of(data, "f", suffix).splitlines() if l]


# --- the contract ------------------------------------------------------------------------------

def test_document_text_is_the_contract_with_the_text_importer():
    doc = Document()
    doc.add_paragraph("第一段")
    doc.add_table([["2023年任务表"] * 3, ["序号", "工作任务", "牵头单位"], ["一、稳增长"] * 3,
                   ["1", "新建学校\n20所", "市教育局"], ["2", "建设\nsmart\ncity", "市教育局"], ["", "", ""]])
    assert doc.text() == ("第一段\n\n2023年任务表\n序号\t工作任务\t牵头单位\n一、稳增长\n"
                          "1\t新建学校20所\t市教育局\n2\t建设smart city\t市教育局\n\n")
    assert join_lines("责任单位:市发改委、\n市财政局") == "责任单位:市发改委、市财政局"
    assert join_lines("Internet\nof things") == "Internet of things"


def test_chinese_numbers_as_word_prints_them():
    assert [chinese(n) for n in (1, 10, 11, 20, 21, 99, 100, 101, 110, 115)] == \
        ["一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一百一十五"]


# --- told by content -------------------------------------------------------------------------------

def test_format_told_by_content_not_by_suffix(tmp_path):
    blocks = blocks_of(TABLE_NOTICE.read_text(encoding="utf-8"))
    docx = to_docx(blocks, tmp_path / "a.docx").read_bytes()
    xlsx = to_xlsx(blocks, tmp_path / "a.xlsx").read_bytes()
    page = to_html(blocks)
    assert detect(docx, ".pdf") == "docx"
    assert detect(xlsx, ".txt") == "xlsx"
    assert detect(page, "") == "html"
    assert detect("一、任务\n<不是网页>".encode(), ".html") == "text"
    assert detect(b"%PDF-1.4\n", ".docx") == "pdf"
    # a Word file saved as .txt is still read as Word, and kept under the suffix of its format
    misnamed = tmp_path / "merged_rows.txt"
    misnamed.write_bytes(docx)
    result = import_notice(str(misnamed), tmp_path / "site")
    assert result.task_count == 9
    assert result.data["source_file"] == "merged-rows.docx"  # named by the notice id


@pytest.mark.parametrize("data, says", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "reads plain text (.txt), web pages"),
    (b"PK\x03\x04", "zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le"), "encrypted"),
])
def test_other_files_refused_with_the_formats_read(tmp_path, data, says):
    path = tmp_path / "notice.bin"
    path.write_bytes(data)
    site = tmp_path / "site"
    result = run("import", path, "--site", site)
    assert result.exit_code == 1
    assert says in result.output and "Traceback" not in result.output
    assert not site.exists()  # nothing written


def test_a_zip_that_is_not_office(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("notes.txt", "一二三")
    with pytest.raises(SitegenError, match="none of Word"):
        detect(buffer.getvalue(), ".docx")


# --- safety -----------------------------------------------------------------------------------------

def _docx_with(tmp_path, member: str, data: bytes) -> bytes:
    good = to_docx(blocks_of(PROSE_NOTICE.read_text(encoding="utf-8")), tmp_path / "good.docx").read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        extra = zipfile.ZipInfo(member)
        extra.compress_type = zipfile.ZIP_DEFLATED
        out.writestr(extra, data)
    return buffer.getvalue()


def test_zip_bomb_refused_before_unpacking(tmp_path):
    bomb = _docx_with(tmp_path, "word/media/bomb.bin", b"\0" * (20 * 2**20))
    assert len(bomb) < 200_000
    with pytest.raises(SitegenError, match="zip bomb"):
        read_document(bomb, "bomb.docx", ".docx")


def _flag_encrypted(data: bytes) -> bytes:
    """Set the 'encrypted' bit of every member (zipfile will not write it): local and central headers."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature)
        while at >= 0:
            out[at + offset] |= 0x1
            at = out.find(signature, at + 4)
    return bytes(out)


def test_encrypted_and_damaged_office_files(tmp_path):
    with pytest.raises(SitegenError, match="encrypted"):
        read_document(_flag_encrypted(_docx_with(tmp_path, "word/x.xml", b"<x/>")), "e.docx", ".docx")
    good = to_docx(blocks_of(PROSE_NOTICE.read_text(encoding="utf-8")), tmp_path / "g.docx").read_bytes()
    with pytest.raises(SitegenError, match="damaged"):
        read_document(good[: len(good) // 2], "half.docx", ".docx")
    xlsx = to_xlsx(blocks_of(TABLE_NOTICE.read_text(encoding="utf-8")), tmp_path / "g.xlsx").read_bytes()
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(broken, "w") as out:
        for info in src.infolist():
            out.writestr(info, b"<<<not xml" if info.filename.startswith("xl/worksheets/") else src.read(info))
    with pytest.raises(SitegenError, match="damaged"):
        read_document(broken.getvalue(), "broken.xlsx", ".xlsx")


def test_damaged_file_through_the_command_writes_nothing(tmp_path):
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "keep.yaml").write_text("a: 1\n", encoding="utf-8")
    before = read_tree(site)
    path = tmp_path / "notice.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")
    result = run("import", path, "--site", site)
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert "PDF" in result.output
    assert read_tree(site) == before


def _pdf_without_text() -> bytes:
    """A one-page PDF holding only a drawn rectangle, as a scan holds only an image."""
    stream = b"0 0 0 RG 72 72 200 100 re S"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_without_a_text_layer_needs_ocr():
    with pytest.raises(SitegenError, match="needs OCR first"):
        read_document(_pdf_without_text(), "scan.pdf", ".pdf")


def test_doc_without_libreoffice_names_the_command(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "WordDocument".encode("utf-16-le")
    with pytest.raises(SitegenError) as caught:
        read_document(ole, "old.doc", ".doc")
    assert "soffice --headless --convert-to docx" in str(caught.value)
    assert "apt-get install libreoffice-writer" in str(caught.value)
    assert detect(ole, ".wps") == "wps"


def test_sheet_claiming_a_million_rows_costs_what_it_holds(tmp_path):
    """The dimension says A1:XFD1048576 and one cell sits at XFD1048576: read without walking the rest."""
    path = to_xlsx(blocks_of(TABLE_NOTICE.read_text(encoding="utf-8")), tmp_path / "big.xlsx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', text)
                text = text.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr">'
                                                    "<is><t>表尾</t></is></c></row></sheetData>")
                data = text.encode()
            out.writestr(info, data)
    lines = lines_of(buffer.getvalue(), ".xlsx")
    assert lines[-1] == "\t" * 5 + "表尾"  # in the sixth column: A-E, then XFD
    assert "1\t新建改扩建中小学校和幼儿园20所,新增学位1.2万个。\t市教育局\t市发展改革委、市财政局\t2023年12月底\t" in lines


# --- each format's structure ---------------------------------------------------------------------

def test_web_page_main_content_charset_and_merged_cells():
    page = """<html><head><meta charset="gb2312"><title>通知</title><style>p{color:red}</style>
    <script>alert("脚本里的中文不该出现")</script></head><body>
    <div class="nav"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">政务服务</a></div>
    <header>某市人民政府网站</header>
    <div class="article"><h1>某市关于印发任务分解表的通知</h1>
    <div class="TRS_Editor"><p>各区政府:</p><p>现将任务印发给你们。<br>请认真落实。</p>
    <!-- 注释里的中文 -->
    <table><tr><td colspan="3">任务分解表</td></tr><tr><th>序号</th><th>任务</th><th>牵头单位</th></tr>
    <tr><td>1</td><td>新建学校</td><td rowspan="2">市教育局</td></tr><tr><td>2</td><td>新增学位</td></tr>
    </table></div></div>
    <footer>网站标识码 版权所有</footer><div class="footer">主办单位:某市人民政府办公室</div>
    </body></html>""".encode("gbk")
    text = text_of(page, "page.html", ".html")
    assert text.splitlines() == ["某市关于印发任务分解表的通知", "", "各区政府:", "", "现将任务印发给你们。",
                                 "请认真落实。", "", "任务分解表", "序号\t任务\t牵头单位", "1\t新建学校\t市教育局",
                                 "2\t新增学位\t市教育局", ""]


def test_word_numbering_and_merged_cells(tmp_path):
    blocks = ["某市通知", "一、稳增长", "1、新建学校20所。(市教育局负责)", "2、新增学位1万个。(市教育局负责)",
              "二、惠民生", "(一)就业", "1、新增就业1万人。(市人社局负责)", "(二)住房", "(1)建设住房1000套。"]
    docx = to_docx(blocks, tmp_path / "n.docx").read_bytes()
    from docx import Document as Word
    body = [p.text for p in Word(io.BytesIO(docx)).paragraphs]
    assert body[1:3] == ["稳增长", "新建学校20所。(市教育局负责)"]  # the numbers are Word's, not in the text
    assert lines_of(docx) == blocks
    table_blocks = blocks_of(TABLE_NOTICE.read_text(encoding="utf-8"))
    lines = lines_of(to_docx(table_blocks, tmp_path / "t.docx").read_bytes())
    assert "2023年民生实事项目责任分解表" in lines and "一、教育文化" in lines
    assert "9\t新开和优化公交线路20条。\t市交通运输局\t各县(市、区)政府\t2023年12月底" in lines  # merged above


def test_xls_merged_cells(tmp_path):
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("任务")
    sheet.write_merge(0, 0, 0, 2, "任务分解表")
    for c, name in enumerate(("序号", "任务", "牵头单位")):
        sheet.write(1, c, name)
    sheet.write(2, 0, 1)
    sheet.write(2, 1, "新建学校")
    sheet.write(3, 0, 2)
    sheet.write(3, 1, "新增学位")
    sheet.write_merge(2, 3, 2, 2, "市教育局")
    path = tmp_path / "t.xls"
    book.save(str(path))
    assert detect(path.read_bytes(), "") == "xls"
    assert lines_of(path.read_bytes()) == ["任务分解表", "序号\t任务\t牵头单位", "1\t新建学校\t市教育局",
                                           "2\t新增学位\t市教育局"]


def test_pdf_page_furniture_and_a_table_over_pages(tmp_path):
    text = TABLE_NOTICE.read_text(encoding="utf-8")
    head, _, table = text.partition("附件\n")
    rows = table.splitlines()
    # the table's body repeated until it runs over three pages
    many = "\n".join(rows[:2] + [f"{i + 1}\t第{i + 1}项任务的内容,写得足够长以便表格跨页打印。\t市教育局\t市财政局\t2023年12月底"
                                 for i in range(60)])
    blocks = blocks_of(head + "附件\n" + many)
    with Printer() as printer:
        pdf = printer.pdf(to_html(blocks, for_print=True), tmp_path / "long.pdf").read_bytes()
    import pdfplumber
    assert len(pdfplumber.open(io.BytesIO(pdf)).pages) >= 3
    lines = lines_of(pdf)
    assert not any("—" in l or "某市人民政府办公室文件" in l for l in lines)  # page numbers, running header
    assert lines.count("序号\t项目内容\t牵头单位\t责任单位\t完成时限") == 1  # the header repeated on every page
    numbers = [l.split("\t")[0] for l in lines if "\t" in l][1:]
    assert numbers == [str(i) for i in range(1, 61)]


def test_source_url_and_the_kept_file(tmp_path):
    site = tmp_path / "site"
    page = tmp_path / "inline.html"
    page.write_bytes(to_html(blocks_of(PROSE_NOTICE.read_text(encoding="utf-8"))))
    result = run("import", page, "--site", site, "--source-url", "https://www.hefei.gov.cn/notice/3.html")
    assert result.exit_code == 0, result.output
    notice = (site / "content" / "notices" / "inline.yaml").read_text(encoding="utf-8")
    assert "source_url: https://www.hefei.gov.cn/notice/3.html\nsource_file: inline.html\n" in notice
    assert (site / "content" / "sources" / "inline.html").read_bytes() == page.read_bytes()
    assert run("check", "--site", site).exit_code in (0, 1)
    bad = run("import", page, "--site", tmp_path / "other", "--source-url", "javascript:alert(1)")
    assert bad.exit_code == 1 and "--source-url" in bad.output


@pytest.mark.parametrize("notice", [TABLE_NOTICE, PROSE_NOTICE], ids=lambda p: p.stem)
def test_word_97_and_wps_through_libreoffice(tmp_path, notice):
    expected = task_view(import_notice(str(notice), tmp_path / "text").data)
    doc = to_doc(blocks_of(notice.read_text(encoding="utf-8")), tmp_path / f"{notice.stem}.doc")
    assert detect(doc.read_bytes(), ".doc") == "doc"
    wps = tmp_path / f"{notice.stem}.wps"
    wps.write_bytes(doc.read_bytes())  # WPS writes the same Word 97 container under its own suffix
    for path in (doc, wps):
        result = import_notice(str(path), tmp_path / path.suffix[1:])
        assert agreement(expected, task_view(result.data)) == {"f1": 1.0, "units": 1.0, "leads": 1.0}
        assert result.data["source_file"] == f"{result.notice_id}{path.suffix}"


def test_password_protected_pdf(tmp_path):
    """An encrypted PDF (LibreOffice's export with an open password) gets a message, not a traceback."""
    import os
    import subprocess

    doc = to_doc(blocks_of(PROSE_NOTICE.read_text(encoding="utf-8")), tmp_path / "inline.doc")
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
    subprocess.run(["soffice", "--headless", "--convert-to", options, "--outdir", str(tmp_path), str(doc)],
                   check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    result = run("import", tmp_path / "inline.pdf", "--site", tmp_path / "site")
    assert result.exit_code == 1 and "encrypted (password-protected) PDF" in result.output, result.output
    assert not (tmp_path / "site").exists()


def test_pdf_whose_fonts_map_no_characters(tmp_path):
    """A PDF whose fonts have no ToUnicode map (some converters write them so) reads as (cid:N) codes: the
    message says why and what to do, not that the notice has no Chinese; the same PDF with its maps reads."""
    import os
    import subprocess

    doc = to_doc(blocks_of(PROSE_NOTICE.read_text(encoding="utf-8")), tmp_path / "inline.doc")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(doc)],
                   check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    mapped = (tmp_path / "inline.pdf").read_bytes()
    unmapped = re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group()), mapped)  # offsets kept
    assert unmapped != mapped and read_document(mapped, "mapped.pdf", ".pdf")[1].text().count("牵头") >= 1
    with pytest.raises(SitegenError, match="no map from their glyphs to characters"):
        read_document(unmapped, "unmapped.pdf", ".pdf")


def test_one_original_per_notice(tmp_path):
    """Re-importing a notice from another format replaces the kept file; nothing else in sources/ is touched."""
    site = tmp_path / "site"
    blocks = blocks_of(PROSE_NOTICE.read_text(encoding="utf-8"))
    page = tmp_path / "inline.htm"
    page.write_bytes(to_html(blocks))
    import_notice(str(page), site)
    (site / "content" / "sources" / "inline-2.txt").write_text("另一个通知", encoding="utf-8")
    import_notice(str(to_docx(blocks, tmp_path / "inline.docx")), site, force=True)
    assert sorted(p.name for p in (site / "content" / "sources").iterdir()) == ["inline-2.txt", "inline.docx"]


def test_word_text_as_shown_with_tracked_changes(tmp_path):
    """Runs inside a tracked insertion or a field are printed; a tracked deletion is not."""
    from docx import Document as Word
    from docx.oxml import parse_xml

    word = Word()
    paragraph = word.add_paragraph("新建学校")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>20所</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>10所</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:fldSimple {w} w:instr="PAGE"><w:r><w:t>。</w:t></w:r></w:fldSimple>'))
    path = tmp_path / "tracked.docx"
    word.save(str(path))
    assert lines_of(path.read_bytes()) == ["新建学校20所。"]
