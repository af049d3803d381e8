"""A saved web page -> Document: the notice's content, without the site's navigation and furniture.

Only the text and tables read from the page reach the site: its markup,
scripts and links are never published.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re

import lxml.etree
import lxml.html

from ...core.encoding import decode_text, mark
from ...core.errors import SitegenError
from .document import Budget, Document, join_lines

FURNITURE_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
                  "object", "embed", "select", "button", "input", "textarea", "template", "svg", "head",
                  "map", "canvas", "video", "audio", "link", "meta")
FURNITURE_NAMES = re.compile(r"(^|[\s_-])(nav|navbar|menu|footer|foot|breadcrumbs?|crumbs?|share|sidebar|"
                             r"side|related|copyright|topbar|toolbar|bottom|location|position|dh)($|[\s_-])", re.I)
CONTENT_NAMES = re.compile(r"TRS_Editor|article|content|zoom|Custom_UnionStyle|detail|zhengwen|"
                           r"\bzw\b|main|text|view|con", re.I)
HEADER_LABELS = re.compile(r"(发文字号|文\s*号|索\s*引\s*号|发布机构|成文日期|发布日期|公开日期|发文机关)")
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section",
         "article", "blockquote", "pre", "dd", "dt", "dl", "main", "center", "hr", "tbody", "thead", "caption"}
HAN = re.compile(r"[\u4e00-\u9fff]")
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
MAX_SPAN = 1000
BR = "\x00"
LAYOUT_CELL = 1500  # Chinese characters: more in one cell is a page laid out in a table, not a task


def decode_html(data: bytes, name: str) -> str:
    declared = CHARSET.search(data[:8192])
    codec = declared.group(1).decode("ascii") if declared else None
    found = decode_text(data, codec)
    marked = mark(data)
    if found is None and marked:  # a stray bad byte after a mark is the file's damage, not another encoding
        return data.decode(marked, errors="replace")
    if found is None:
        raise SitegenError(f"{name}: a web page in none of UTF-8, GB18030/GBK, Big5 or UTF-16 (declared "
                           f"charset: {codec or 'none'}); save it again as UTF-8")
    return found[0]


def read_mhtml(data: bytes, name: str) -> Document:
    """A page saved as one file: its first HTML part, decoded by the charset its MIME header names."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    page = next((part for part in message.walk() if part.get_content_type() == "text/html"), None)
    if page is None:
        raise SitegenError(f"{name}: a web archive (.mht) with no web page in it")
    try:
        text = page.get_content()
    except (LookupError, UnicodeError, ValueError) as exc:
        raise SitegenError(f"{name}: a web archive (.mht) whose page cannot be decoded ({exc})") from None
    return read_html(codecs.BOM_UTF8 + text.encode("utf-8"), name)  # the mark outranks the page's own meta


def read_html(data: bytes, name: str) -> Document:
    text = decode_html(data, name)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise SitegenError(f"{name}: not a readable web page ({exc})") from None
    title = _page_title(root)
    _drop_furniture(root)
    body = root.find("body") if root.find("body") is not None else root
    main = _main(body)
    document = Document(name=name)
    reader = _Reader(document, Budget(name))
    main_text = _han(main)
    if title and HAN.sub("", title) != title and title[:12] not in main.text_content():
        document.add_paragraph(title)
    catalogue = _Reader(document, reader.budget, catalogue=True)
    for element in _header_fields(body, main):
        catalogue.walk(element)
        catalogue.flush()
    reader.walk(main)
    reader.flush()
    if not main_text and not document.blocks:
        raise SitegenError(f"{name}: a web page with no text in it")
    return document


def _page_title(root) -> str | None:
    for tag in ("h1", "h2"):
        found = [e for e in root.iter(tag) if HAN.search(e.text_content() or "")]
        if len(found) == 1:
            return join_lines(found[0].text_content())
    titles = root.findall(".//title")
    if titles:
        return re.split(r"\s*[-_|—]+\s*", join_lines(titles[0].text_content()))[0] or None
    return None


def _drop_furniture(root) -> None:
    doomed = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            doomed.append(element)  # comments, processing instructions
        elif (element.tag in FURNITURE_TAGS
              or (element.tag in ("div", "ul", "section", "span", "p", "td", "table")
                  and FURNITURE_NAMES.search(f"{element.get('class', '')} {element.get('id', '')}"))
              or (element.get("style") or "").replace(" ", "").lower().find("display:none") >= 0):
            doomed.append(element)
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            element.drop_tree() if hasattr(element, "drop_tree") else parent.remove(element)


def _han(element) -> int:
    """Chinese characters of the element's own text, not counting links (navigation is links)."""
    total = len(HAN.findall(element.text_content()))
    links = sum(len(HAN.findall(a.text_content())) for a in element.iter("a"))
    return total - links


def _main(body):
    """The deepest container holding nearly all of the page's (non-link) Chinese text."""
    whole = _han(body)
    if whole == 0:
        return body
    best, best_depth = body, 0
    # elements themselves, not id(): lxml makes a new proxy for a node each time it is reached unless one
    # is still referenced, so the id of a dropped proxy is soon another node's
    data_tables = {t for t in body.iter("table") if _data_table(t) and _grid(t)}
    for element in body.iter("div", "article", "section", "main", "td", "center"):
        if any(a in data_tables for a in element.iterancestors("table")):
            continue  # inside a table of data: the content is around it (a layout table's cell may hold it)
        score = _han(element)
        if score < 0.8 * whole:
            continue
        depth = sum(1 for _ in element.iterancestors())
        named = bool(CONTENT_NAMES.search(f"{element.get('class', '')} {element.get('id', '')}"))
        if depth > best_depth or (named and depth == best_depth):
            best, best_depth = element, depth
    return best


def _header_fields(body, main) -> list:
    """The notice's catalogue fields (文号, 索引号 …) printed above the content, outside it."""
    found: list = []
    around = set(main.iterancestors()) | {main}  # elements, not id()s (see _main)
    inside = set(main.iterdescendants())
    for element in body.iter("table", "ul", "dl", "div"):
        if element in around or element in inside:
            continue
        if any(f is a for f in found for a in element.iterancestors()):
            continue
        if len(HEADER_LABELS.findall(element.text_content())) >= 2 and _before(element, main):
            found = [f for f in found if not any(a is element for a in f.iterancestors())]
            found.append(element)
    return found


def _before(element, other) -> bool:
    for e in element.getroottree().getroot().iter():
        if e is element:
            return True
        if e is other:
            return False
    return False


class _Reader:
    """Walks the content: inline text gathered into paragraphs, data tables into Table blocks."""

    def __init__(self, document: Document, budget: Budget, catalogue: bool = False):
        self.document, self.budget = document, budget
        self.catalogue = catalogue  # the notice's catalogue fields: a value spread over merged cells is one value
        self.line: list[str] = []

    def flush(self) -> None:
        text = "".join(self.line).replace("\n", " ").replace(BR, "\n") if self.line else ""
        self.line = []
        self.document.add_paragraph("\n".join(re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")))

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "table" and _data_table(element) and not _one_column(element):
            self.flush()
            rows = table_rows(element, self.budget)
            if self.catalogue:  # 标　　题: | <td colspan="3">X</td> is X once, not X X X
                rows = [[c for i, c in enumerate(row) if i == 0 or c != row[i - 1]] for row in rows]
            self.document.add_table(rows)
        else:
            if tag in BLOCK:
                self.flush()
            elif tag == "br":
                self.line.append(BR)  # a line break inside the paragraph, not a new paragraph
            if element.text and tag != "table":
                self.line.append(element.text)
            for child in element:
                self.walk(child)
                if child.tail:
                    self.line.append(child.tail)
            if tag in BLOCK:
                self.flush()


def _one_column(table) -> bool:
    """A box around a short notice's text (a layout table of one cell): its paragraphs are the notice's, each a
    line, never one cell's lines joined into one value."""
    return all(len(tr.findall("td")) + len(tr.findall("th")) <= 1 for tr in table.iter("tr"))


def _grid(table) -> bool:
    """Two rows of two cells or more: a box around a short notice's text (one cell, one column) is none."""
    return sum(1 for tr in table.iter("tr") if len(tr.findall("td")) + len(tr.findall("th")) >= 2) >= 2


def _data_table(table) -> bool:
    """A table of rows and cells, not a page-layout table holding paragraphs or other tables."""
    if any(True for _ in table.iterdescendants("table")):
        return False
    return not any(len(HAN.findall(cell.text_content())) > LAYOUT_CELL for cell in table.iter("td"))


def table_rows(table, budget: Budget) -> list[list[str]]:
    """Rows of cells with rowspan/colspan resolved: a merged cell's value in every cell it covers."""
    rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
    grid: list[list[str | None]] = []
    pending: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(rows):
        row: list[str | None] = []
        col = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                col += 1
            value = _cell_text(cell).strip()  # its lines are joined by Document.add_table
            rowspan = min(_span(cell.get("rowspan")), len(rows) - r)
            colspan = min(_span(cell.get("colspan")), MAX_SPAN)
            budget.take(rowspan * colspan)
            for dc in range(colspan):
                row.append(value)
                for dr in range(1, rowspan):
                    pending[(r + dr, col + dc)] = value
            col += colspan
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            col += 1
        grid.append(row)
    return [[c or "" for c in row] for row in grid]


def _owner(tr):
    for ancestor in tr.iterancestors():
        if ancestor.tag == "table":
            return ancestor
    return None


def _span(value) -> int:
    try:
        return max(1, int(str(value).strip()))
    except (TypeError, ValueError):
        return 1


def _cell_text(cell) -> str:
    parts: list[str] = []

    def walk(element):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in BLOCK or tag == "br":
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in BLOCK:
            parts.append("\n")

    walk(cell)
    return re.sub(r"[ \t\r\f\v]+", " ", "".join(parts))
