"""One notice in the formats governments publish, made from its text: a web page, Word, PDF, Excel.

The text's tables (one row per line) become real tables: a merged title row
above the header, row-group headings (一、稳增长) as one cell spanning the
table, and runs of equal unit or deadline cells in a column merged vertically
(rowspan / vMerge / merged ranges), the way such tables are published. Numbered
lines (1、 (一) (1) …) become Word's automatic numbering in the .docx. The PDF is
Chromium's print of the page, with a running header and page numbers.

Also the figures the done-when asks for: task F1, units and leads exact, of a
format's import against the same notice's text import (tests and
benchmarks/import_formats.py share them).
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROW_CELLS = re.compile(r"\t+|\s{2,}")
MARKERS = [  # (pattern of a printed number, numFmt, how to read the value); lvlText is what is printed
    (re.compile(r"^([一二三四五六七八九十]+)、"), "chineseCounting", "cn"),
    (re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]"), "chineseCounting", "cn"),
    (re.compile(r"^(\d{1,3})、"), "decimal", "int"),
    (re.compile(r"^(\d{1,3})\.(?!\d)"), "decimal", "int"),
    (re.compile(r"^[(（](\d{1,3})[)）]"), "decimal", "int"),
]
CN = "一二三四五六七八九"
UNIT_LABEL = re.compile(r"(单位|部门)$")
SENTENCE = re.compile(r"[。;;,,::]")
PROSE = re.compile(r"[。;;,,]")  # a sentence's punctuation: not a title, a label or a cell of units
RUNS_ON = re.compile(r"[\u4e00-\u9fff、,,“]$")  # a line ending so stops mid-sentence
ITEM_START = re.compile(r"^(第[一二三四五六七八九十]+|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．\s]|[①-⑳]"
                        r"|附件|[((]?(责任|牵头|配合|协办|主办)|[【\[])")


def unit_lines(cell: str) -> list[str]:
    """A list of unit names as the lines a cell prints them on (市发改委、市财政局 -> two lines), the way
    Word, WPS and Excel tables often hold them; anything but a plain list of short names stays one line."""
    names = cell.split("、")
    if len(names) < 2 or SENTENCE.search(cell) or any(not 2 <= len(n) <= 15 for n in names):
        return [cell]
    return names


def cn_value(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CN.index(text[1]) + 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN.index(tens) + 1) * 10 + (CN.index(ones) + 1 if ones else 0)
    return CN.index(text) + 1


@dataclass
class Table:
    title: str | None
    header: list[str]
    rows: list  # list[list[str]] data rows, or str for a row-group heading
    width: int = field(init=False)

    def __post_init__(self):
        self.width = len(self.header)

    def unit_columns(self) -> set[int]:
        """Columns of units (牵头单位, 配合部门 …): their lists are printed one name a line in many files."""
        return {c for c, label in enumerate(self.header) if UNIT_LABEL.search(label.replace(" ", ""))}

    def spans(self) -> list[list[int]]:
        """rowspan of each data cell (0: covered by the cell above); unit/deadline columns only."""
        data = [r if isinstance(r, list) else None for r in self.rows]
        spans = [[1] * self.width if r is not None else None for r in data]
        for c in range(2, self.width):
            start = None
            for i, r in enumerate(data + [None]):
                same = (r is not None and start is not None and r[c] and r[c] == data[start][c])
                if same:
                    spans[start][c] += 1
                    spans[i][c] = 0
                else:
                    start = i if r is not None and r[c] else None
        return spans


def blocks_of(text: str) -> list:
    """The notice's lines as paragraphs (str) and tables (Table).

    A table is found where the text shows its cells: a 序号 header row of cells apart by tabs, wide
    spaces or pipes (`序号 | 任务 | 牵头部门 |`), or a table printed one cell a line (序号, its labels,
    then each row opened by its number). Other renderings (cells apart by single spaces, rows run
    together) stay lines: which words make a cell is the parser's guess, not something to publish.
    """
    lines = [l.strip() for l in text.splitlines()]
    lines = [l for l in lines if l]
    out: list = []
    i = 0
    while i < len(lines):
        cells = _cells(lines[i])
        one_a_line = _cells_per_line(lines, i) if len(cells) == 1 else None
        if one_a_line:
            table, i = one_a_line
            table.title = _title_above(out)
            out.append(table)
        elif len(cells) >= 3 and cells[0] == "序号":
            table = Table(_title_above(out), cells, [])
            i += 1
            while i < len(lines):
                row = _cells(lines[i])
                if len(row) == table.width:
                    table.rows.append(row)
                elif len(row) == 1 and i + 1 < len(lines) and len(_cells(lines[i + 1])) == table.width:
                    table.rows.append(lines[i])
                elif 3 <= len(row) < table.width:
                    table.rows.append(row + [""] * (table.width - len(row)))
                else:
                    break
                i += 1
            out.append(table)
        elif out and isinstance(out[-1], str) and _broken_off(out[-1], lines[i]):
            out[-1] += lines[i]
            i += 1
        else:
            out.append(lines[i])
            i += 1
    return out


def _broken_off(before: str, line: str) -> bool:
    """A line the text's extraction broke off a paragraph of prose (the sentence runs on): one paragraph in
    a published file, not a paragraph per line of the text (which a PDF would print as lines ending anywhere)."""
    heading = bool(ITEM_START.match(before)) and "。" not in before  # (一)聚力攻坚项目建设,打造…引擎
    return (len(before) >= 20 and bool(PROSE.search(before)) and bool(RUNS_ON.search(before)) and len(line) >= 8
            and not heading and not ITEM_START.match(line) and not ROW_CELLS.search(before + "\n" + line)
            and "|" not in before + line)


def _title_above(out: list) -> str | None:
    """The short line just above a table that names it (taken out of the paragraphs)."""
    if out and isinstance(out[-1], str) and len(out[-1]) < 40 and not out[-1].endswith(("。", ":", ":")):
        return out.pop()
    return None


def _bare(line: str) -> str:
    """A line of a one-cell-a-line table without the pipe some pages print after each cell."""
    return line.strip().removesuffix("|").strip()


def _cells_per_line(lines: list[str], i: int) -> tuple[Table, int] | None:
    """A table printed one cell a line from lines[i] (序号): the table and the index after it, or None.

    The header is the short lines up to the first number; each row runs from its number to the next
    one. A row short of a cell or two had them merged with the row above (a merged unit or deadline
    cell is printed once), so it takes them from that row, rightmost first; a row of any other length
    (a cell broken over lines, rows run together) means the cells cannot be told: None, lines kept.
    """
    if _bare(lines[i]) != "序号":
        return None
    j = i + 1
    header = ["序号"]
    while j < len(lines) and not _bare(lines[j]).isdigit():
        label = _bare(lines[j])
        if len(label) > 12 or label.endswith(("。", ";", ";")) or len(header) > 10:
            return None
        header.append(label)
        j += 1
    width = len(header)
    if width < 3 or j >= len(lines):
        return None
    rows: list[list[str]] = []
    number = int(_bare(lines[j]))
    while j < len(lines) and _bare(lines[j]) == str(number):
        k = j + 1
        while k < len(lines) and k - j < width and _bare(lines[k]) != str(number + 1):
            k += 1
        cells = [_bare(line) for line in lines[j:k]]
        missing = width - len(cells)
        if missing < 0 or missing > 2 or (missing and not rows):
            return None
        rows.append(cells + rows[-1][width - missing:] if missing else cells)
        j, number = k, number + 1
    if len(rows) < 2 or (j < len(lines) and lines[j].endswith("|")) or \
            any(_bare(line) == str(number) for line in lines[j:j + width]):
        return None  # the next row's number soon after: a row had more lines than cells (a multi-line cell)
    return Table(None, header, rows), j


def _cells(line: str) -> list[str]:
    """Tab-separated cells (two tabs: an empty cell between), cells between pipes, else cells apart by
    wide spaces."""
    line = line.strip()
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if line.count("|") >= 2:
        cells = [c.strip() for c in line.strip("|").split("|")]
        return cells
    return [c.strip() for c in ROW_CELLS.split(line)]


def has_table(blocks) -> bool:
    return any(isinstance(b, Table) for b in blocks)


# --- web page ---------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title} - 某市人民政府门户网站</title>
<style>{style}</style>{script}</head>
<body>
<div class="top-bar">无障碍 | 长者模式 | 登录 | 注册</div>
<nav class="menu"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav>
<div class="breadcrumb">您当前的位置:<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
<div class="main-box">
{heading}
<div class="TRS_Editor" id="zoom">
{content}
</div>
<div class="share">分享到:微信 微博</div>
</div>
<!-- 以下为页脚 -->
<div class="footer"><p>主办单位:某市人民政府办公室 承办单位:某市大数据中心</p>
<p>网站标识码:3301000001 ICP备案号:浙ICP备12345678号 公安机关备案号:33010002000001</p></div>
</body></html>
"""
SCREEN = "body{font-family:sans-serif} td,th{border:1px solid #999}"
PRINT = ("@page{size:A4;margin:25mm 22mm}body{font-family:'Noto Sans CJK SC',sans-serif;font-size:15pt;line-height:1.6}"
         "p{margin:0;text-indent:2em}h1{font-size:20pt;text-align:center;margin:0 0 1em}"
         "table{border-collapse:collapse;width:100%;font-size:12pt}td,th{border:1px solid #000;padding:2pt 4pt}"
         ".top-bar,nav,.breadcrumb,.share,.footer{display:none}")


def to_html(blocks: list, charset: str = "utf-8", for_print: bool = False, bare: bool = False,
            layout: bool = False) -> bytes:
    """The notice as a government site's page; bare: the notice alone (what a Word user would type);
    layout: the content in a one-cell layout table, each paragraph indented by &nbsp; (pages pasted from
    Word into older content systems). Unit lists in tables are one name a line (<br>)."""
    titled = isinstance(blocks[0], str)  # an excerpt may start with its table: nothing is its title then
    title = blocks[0] if titled else "通知"
    heading = f"<h1>{html.escape(title)}</h1>"
    parts = []
    indent = "&nbsp;" * 4 if layout else ""
    for block in blocks[1:] if titled else blocks:
        if isinstance(block, str):
            parts.append(f"<p>{indent}{_keep_spaces(html.escape(block))}</p>")
        else:
            parts.append(_html_table(block))
    if layout:
        parts = ['<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="bt_content">',
                 *parts, "</td></tr></table>"]
    if bare:
        return (f'<html><head><meta charset="{charset}"></head><body>{heading}'
                f'{"".join(parts)}</body></html>').encode(charset)
    script = "" if for_print else '<script>var _hmt = _hmt || []; document.write("统计代码");</script>'
    page = PAGE.format(charset=charset, script=script, title=html.escape(title), heading=heading, content="\n".join(parts),
                       style=PRINT if for_print else SCREEN)
    return page.encode("gb18030" if charset.lower() in ("gbk", "gb2312", "gb18030") else charset)


def _keep_spaces(text: str) -> str:
    """Runs of spaces as a browser shows them (&nbsp;), as a page copied from Word has them."""
    return re.sub(r"  +", lambda m: " " + "&nbsp;" * (len(m.group(0)) - 1), text)


def _html_table(table: Table) -> str:
    spans = table.spans()
    units = table.unit_columns()
    out = ['<table border="1" cellspacing="0">', "<thead>"]
    if table.title:
        out.append(f'<tr><td colspan="{table.width}" align="center"><b>{html.escape(table.title)}</b></td></tr>')
    out.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in table.header) + "</tr></thead><tbody>")
    for row, span in zip(table.rows, spans):
        if isinstance(row, str):
            # a row group in a body of its own that the printer keeps on one page: Chromium would split
            # a merged cell's text between two pages, which a Word or WPS export never does
            out.append(f'</tbody><tbody style="break-inside:avoid"><tr><td colspan="{table.width}">{html.escape(row)}</td></tr>')
            continue
        cells = []
        for c, (cell, n) in enumerate(zip(row, span)):
            if n == 0:
                continue
            attr = f' rowspan="{n}"' if n > 1 else ""
            lines = unit_lines(cell) if c in units else [cell]
            cells.append(f"<td{attr}>{'<br>'.join(html.escape(line) for line in lines)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


# --- Word ----------------------------------------------------------------------------------------

def to_docx(blocks: list, path: Path, numbering: bool = True, split: bool = False) -> Path:
    """split: a table of SPLIT_ROWS rows or more in two parts with a page break between."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    lists = _Lists(doc, OxmlElement, qn) if numbering else None
    for block in blocks:
        if isinstance(block, str):
            label = lists.number(block) if lists else None
            if label:
                paragraph = doc.add_paragraph(label[1])
                lists.apply(paragraph, label[0])
            else:
                doc.add_paragraph(block)
        else:
            _docx_table(doc, block) if split else _docx_grid(doc, block)
    doc.save(str(path))
    return path


class _Lists:
    """Printed numbers turned into Word numbering: a new list wherever a sequence does not continue."""

    def __init__(self, doc, element, qn):
        self.doc, self.E, self.qn = doc, element, qn
        self.root = doc.part.numbering_part.element
        self.next_id = 100
        self.current: dict = {}  # (marker kind, lvlText) -> (numId, next value)

    def number(self, line: str):
        for kind, (pattern, fmt, reader) in enumerate(MARKERS):
            m = pattern.match(line)
            if not m or len(line) == m.end():
                continue
            text = line[:m.start(1)] + "%1" + line[m.end(1):m.end()]
            kind = (kind, text)
            value = cn_value(m.group(1)) if reader == "cn" else int(m.group(1))
            num, expected = self.current.get(kind, (None, None))
            if num is None or value != expected:
                num = self._new(fmt, text, value)
            self.current[kind] = (num, value + 1)
            for deeper in [k for k in self.current if k[0] > kind[0]]:
                self.current.pop(deeper, None)
            return num, line[m.end():]
        return None

    def _new(self, fmt: str, text: str, start: int) -> str:
        E, qn = self.E, self.qn
        self.next_id += 1
        aid = str(self.next_id)
        abstract = E("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), aid)
        lvl = E("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, value in (("w:start", str(start)), ("w:numFmt", fmt), ("w:lvlText", text)):
            child = E(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        abstract.append(lvl)
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.root.append(abstract)
        num = E("w:num")
        num.set(qn("w:numId"), aid)
        ref = E("w:abstractNumId")
        ref.set(qn("w:val"), aid)
        num.append(ref)
        self.root.append(num)
        return aid

    def apply(self, paragraph, num_id: str) -> None:
        E, qn = self.E, self.qn
        ppr = paragraph._p.get_or_add_pPr()
        num_pr = E("w:numPr")
        for tag, value in (("w:ilvl", "0"), ("w:numId", num_id)):
            child = E(tag)
            child.set(qn("w:val"), value)
            num_pr.append(child)
        ppr.append(num_pr)


SPLIT_ROWS = 6  # a table this long is split in two by a page break, the header repeated on the new page


def _docx_table(doc, table: Table) -> None:
    """The table, and from SPLIT_ROWS data rows on, in two parts with a page break between: a long table
    pasted in pieces, or split to start a page, reaches a reader as two tables."""
    if len(table.rows) < SPLIT_ROWS:
        return _docx_grid(doc, table)
    from docx.enum.text import WD_BREAK

    half = len(table.rows) // 2
    first, rest = Table(table.title, table.header, table.rows[:half]), Table(None, table.header, table.rows[half:])
    _docx_grid(doc, first)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _docx_grid(doc, rest)


def _docx_grid(doc, table: Table) -> None:
    rows = ([None] if table.title else []) + [table.header] + table.rows
    grid = doc.add_table(rows=len(rows), cols=table.width)
    grid.style = "Table Grid"
    offset = 0
    if table.title:
        merged = grid.cell(0, 0).merge(grid.cell(0, table.width - 1))
        merged.text = table.title
        offset = 1
    for c, name in enumerate(table.header):
        grid.cell(offset, c).text = name
    offset += 1
    spans = table.spans()
    units = table.unit_columns()
    for r, (row, span) in enumerate(zip(table.rows, spans)):
        if isinstance(row, str):
            grid.cell(offset + r, 0).merge(grid.cell(offset + r, table.width - 1)).text = row
            continue
        for c, (cell, n) in enumerate(zip(row, span)):
            if n == 0:
                continue
            target = grid.cell(offset + r, c)
            if n > 1:
                target = target.merge(grid.cell(offset + r + n - 1, c))
            lines = unit_lines(cell) if c in units else [cell]
            target.text = lines[0]
            for line in lines[1:]:  # manual line breaks (Shift+Enter) inside the cell's one paragraph
                run = target.paragraphs[0].add_run()
                run.add_break()
                run.add_text(line)


# --- Excel ---------------------------------------------------------------------------------------

def to_xlsx(blocks: list, path: Path) -> Path:
    """Unit lists one name a line in a wrapped cell (Alt+Enter), as sheets kept by hand have them."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    sheet = book.active
    sheet.title = "任务分解表"
    r = 1
    width = max((b.width for b in blocks if isinstance(b, Table)), default=1)
    for block in blocks:
        if isinstance(block, str):
            sheet.cell(r, 1, block)
            r += 1
            continue
        if block.title:
            sheet.cell(r, 1, block.title)
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=block.width)
            r += 1
        for c, name in enumerate(block.header, 1):
            sheet.cell(r, c, name)
        r += 1
        for row, span in zip(block.rows, block.spans()):
            if isinstance(row, str):
                sheet.cell(r, 1, row)
                sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=block.width)
            else:
                units = block.unit_columns()
                for c, (cell, n) in enumerate(zip(row, span), 1):
                    if n == 0:
                        continue
                    lines = unit_lines(cell) if c - 1 in units else [cell]
                    target = sheet.cell(r, c, int(cell) if c == 1 and cell.isdigit() else "\n".join(lines))
                    if len(lines) > 1:
                        target.alignment = Alignment(wrap_text=True, vertical="center")
                    if n > 1:
                        sheet.merge_cells(start_row=r, start_column=c, end_row=r + n - 1, end_column=c)
            r += 1
    del width
    book.save(str(path))
    return path


# --- Word 97-2003 ----------------------------------------------------------------------------------

def to_doc(blocks: list, path: Path) -> Path:
    """A .doc written by LibreOffice from the bare page (its .docx to .doc conversion drops python-docx tables)."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "notice.html"
        page.write_bytes(to_html(blocks, bare=True))
        subprocess.run(["soffice", "--headless", "--convert-to", "doc:MS Word 97", "--outdir", folder, str(page)],
                       check=True, capture_output=True, timeout=120, env={**__import__("os").environ, "HOME": folder})
        path.write_bytes((Path(folder) / "notice.doc").read_bytes())
    return path


def office_convert(sources: list[Path], target: str, folder: Path) -> Path:
    """Files converted by one LibreOffice run (target: "pdf", "doc:MS Word 97"); returns the folder they are in."""
    import os
    import subprocess

    out = folder / "converted"
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", target, "--outdir", str(out),
                    *map(str, sources)], check=True, capture_output=True, timeout=60 + 10 * len(sources),
                   env={**os.environ, "HOME": str(folder)})
    return out


# --- PDF -----------------------------------------------------------------------------------------

class Printer:
    """Chromium (Debian's /usr/bin/chromium) printing pages to PDF through Playwright."""

    def __enter__(self):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                                args=["--no-sandbox"])
        return self

    def __exit__(self, *exc):
        self.browser.close()
        self._pw.stop()

    def pdf(self, page_html: bytes, path: Path, running: str = "某市人民政府办公室文件") -> Path:
        source = path.with_suffix(".print.html")
        source.write_bytes(page_html)
        page = self.browser.new_page()
        page.goto(source.as_uri())
        page.pdf(path=str(path), format="A4", display_header_footer=True, print_background=False,
                 margin={"top": "25mm", "bottom": "25mm", "left": "22mm", "right": "22mm"},
                 header_template=f'<div style="font-size:9pt;width:100%;text-align:center">{running}</div>',
                 footer_template='<div style="font-size:10pt;width:100%;text-align:center">'
                                 '— <span class="pageNumber"></span> —</div>')
        page.close()
        source.unlink()
        return path


# --- figures -------------------------------------------------------------------------------------

def task_view(data: dict) -> dict[str, tuple]:
    from sitegen.importer.content import iter_tasks

    return {t["id"]: (t.get("number"), t.get("text", ""),
                      tuple((u["name"], u.get("role")) for u in t.get("units") or []))
            for t in iter_tasks(data)}


def agreement(expected: dict, got: dict) -> dict[str, float]:
    """Task F1 (same id and text), and of the expected tasks: units exact, leads exact."""
    same = [k for k in expected if k in got and expected[k][1] == got[k][1]]
    precision = len(same) / len(got) if got else 0.0
    recall = len(same) / len(expected) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def leads(units):
        return tuple(u for u in units if u[1] in ("牵头", "主办"))

    units = sum(1 for k in expected if k in got and got[k][2] == expected[k][2]) / max(len(expected), 1)
    lead = sum(1 for k in expected if k in got and leads(got[k][2]) == leads(expected[k][2])) / max(len(expected), 1)
    return {"f1": f1, "units": units, "leads": lead}
