"""Text normalisation: spaces, page furniture, and lines broken or merged by extraction.

Notices reach us copied out of web pages, PDFs and Word files. That adds page
furniture (字号 大 中 小, 扫码…), odd spaces (NBSP, full-width, spaces inside
words) and line breaks in the middle of words, and sometimes runs two items
into one line. Everything here keeps the printed characters; it only drops
furniture and moves line boundaries.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from dataclasses import dataclass, field

from .columns import is_header_row, is_number_label, label_kind, looks_like_leader, task_and_units
from .markers import NUMBER_DOT_END, QUANTITY, ROLE_LABEL
from .rows import is_delimited, is_separator, split_row, split_spaced
from .units import looks_like_unit
from .variants import compile_both, simplified

CN_NUMERALS = "一二三四五六七八九十"

SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]")
CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef《》“”‘’、"
SPACE_IN_CJK = re.compile(rf"(?<=[{CJK}])[ \t]+(?=[{CJK}])")
RUNS = re.compile(r"[ \t]+")
# 2022 年底前, 6 月开工, 202105 号: a PDF's text layer puts a space where its digits' run and the next glyphs'
# meet; a short number opening the line is a row's or an item's and stays apart from the text after it
DIGIT_SPACE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)[ \t]+(?=[年月日号號时時万萬亿億元个個项項倍])")
DATE_SPACE = re.compile(r"(?<=\d年|\d月)[ \t]+(?=\d)")  # 2021 年 6 月: and where the next date part's digits begin

# page numbers left by a printed page: — 3 —, - 3 -, ·3·, 第3页, 第3页共10页 (3/10: _page_fractions)
PAGE_NUMBER = compile_both(r"^[-—–－~～]+\s*\d{1,4}\s*[-—–－~～]+$|^第\s*\d{1,4}\s*页(\s*[,,/]?\s*共\s*\d{1,4}\s*页)?$"
                           r"|^[·•]\s*\d{1,4}\s*[·•]$")
FURNITURE = [PAGE_NUMBER, *(compile_both(p) for p in (
    r"^-?\s*(格式|大小|文档页数|页数)\s*[::]",
    r"^字\s*号\s*[::]?\s*(大\s*中\s*小)?$",
    r"^[【\[]?\s*大\s*中\s*小\s*[】\]]?$",
    r"^(扫码|扫一扫|扫描二维码|微信扫一扫|用手机扫)",
    r"^【?打印本页",
    r"^(浏览量|浏览次数|访问量|阅读量|点击数)\s*[::]",
    r"^(头部|通用底部|返回顶部|关闭窗口|【?打印】?|【?关闭】?|分享到[::]?.*|上一篇.*|下一篇.*)$",
    r"^【?相关(链接|阅读|文章|新闻|推荐)】?[::]?$",  # a web page's list of links after the notice: its heading alone
    r"^(\[?打印\]?\s*)?\[?关闭\]?$",
    r"^[【\[]?打印(本页)?[】\]]?\s*[【\[]?关闭(窗口|本页)?[】\]]?$",  # 【打印】【关闭】: a web page's buttons
    # a government site's footer (皖ICP备…号, 京公网安备…, 主办单位:… 网站标识码:…); anchored, as each pattern here
    r"^(?:[\u4e00-\u9fff]?ICP备|ICP备案|网站标识码|[\u4e00-\u9fff]公网安备|(?:主办|承办)单位.{0,30}(?:网站标识码|ICP备))",
))]

NOT_ALNUM = re.compile(r"[\W_]+")
TERMINAL = tuple("。;;::!!??))》”」』】]〕〗")
JOIN_MIN_LENGTH = 25  # a line this long that stops mid-sentence was broken by page width
# a paragraph broken by page width spans a few dozen lines at most; the cap keeps re-joining linear
# (each join looks at the text joined so far) on text that never ends a sentence
MAX_JOINED = 40


@dataclass
class Line:
    text: str  # cleaned: no furniture, no stray spaces inside Chinese text
    nos: tuple[int, ...]  # source line numbers (1-based) it came from
    raw: str = ""  # with the original spacing (tables split on it)
    blank_before: bool = False
    joined: bool = field(default=False)
    ruled: bool = False  # a rule line (----, ＿＿, |) before it: a separator drawn between cells, not spacing
    paged: bool = False  # a page's number or running header before it: the page ended, not the paragraph


# Full-width ( ) : ; , ! ? [ ] read as their ASCII forms: the content's convention (the default notices
# and the public pages they come from print ASCII), and every pattern of the importer then needs one form.
WIDTH = tuple(zip("（）：；，！？［］", "():;,!?[]", strict=True))


def normalise_spaces(text: str) -> str:
    text = SPACES.sub(" ", text)
    for wide, narrow in WIDTH:  # a scan each: str.translate looks every character up in a dict, far slower
        if wide in text:
            text = text.replace(wide, narrow)
    return text


# (责任单位;住建局、…): a role label opening a bracket, closed by a semicolon typed for its colon
LABEL_SEMICOLON = re.compile(rf"(?<=[(\[【〔〖])(\s*(?:{ROLE_LABEL}))\s*;")


def clean(text: str) -> str:
    """Drop spaces inside Chinese text (extraction artefacts) and collapse the rest."""
    text = normalise_spaces(text)
    if ";" in text:
        text = LABEL_SEMICOLON.sub(r"\1:", text)
    if " " in text or "\t" in text:  # most lines have none, and the look-behind is tried at every character
        text = RUNS.sub(" ", DATE_SPACE.sub("", DIGIT_SPACE.sub(_digits_on, SPACE_IN_CJK.sub("", text))))
    return text.strip()


def _digits_on(m: re.Match) -> str:
    opens_line = not m.string[:m.start()].strip()
    return m.group(0) if opens_line and len(m.group(1)) <= 3 else m.group(1)  # (a year may open a line)


# the running header of a printed page: a gazette's or a file's masthead (某某县人民政府公报, 某某市人民政府文件),
# or the issue (2021年第3期); a masthead is furniture where it is printed again, an issue number always
MASTHEAD = compile_both(r"^[\u4e00-\u9fff]{2,20}(?:公报|政报|文件|简报)$")
ISSUE = compile_both(r"^(?:\d{4}年)?第\s*\d{1,3}\s*期(?:\s*[((]?总第\s*\d{1,5}\s*期[))]?)?$")


HEADER_HINT = re.compile(r"公报|公報|政报|政報|文件|简报|簡報|期")
TOP = 3  # a masthead among the first lines is the document's own (某某市人民政府文件), not a page's header


# the document's title printed at the top of each page (2021年重点工作任务分解表): a short line ending like a title,
# printed RUNNING_TITLE times or more (a title printed once or twice is the document's own, or its attachment's)
DOC_TITLE = compile_both(r"^[^\s。;:,!?]{2,38}(?:表|方案|清单|计划|要点|分工|分解)$")
TITLE_ENDS = tuple("表案单划点工解")
RUNNING_TITLE = 3


def _running_headers(text: str) -> set[str]:
    counts: dict[str, int] = {}
    titles: dict[str, int] = {}
    seen = 0
    for raw in text.splitlines():
        title_like = raw.rstrip().endswith(TITLE_ENDS)
        if seen >= TOP and not title_like and not HEADER_HINT.search(raw):
            continue  # most lines: no masthead, issue or title word, no need to clean them
        line = clean(raw)
        seen += bool(line)
        if len(line) <= 40 and (MASTHEAD.match(line) or ISSUE.match(line)):
            counts[line] = counts.get(line, 0) + (1 if seen <= TOP else 2)
        elif title_like and DOC_TITLE.match(line) and not line.startswith("附件"):
            titles[line] = titles.get(line, 0) + 1
    return {line for line, n in counts.items() if n > 1 or ISSUE.match(line)} \
        | {line for line, n in titles.items() if n >= RUNNING_TITLE} | _page_fractions(text)


# a label field, a sentence (牵头单位:X。) or a row of cells beside two breaks is the text's own
NO_HEADER = re.compile(r"[:：。;；\t|｜│]|\S {2,}\S")
BESIDE_MIN = 3  # a running header: a title, an issuer, a place (宝山区)
BESIDE_ELSEWHERE = 2  # the notice's own title or issuer printed at its top, and the issuer again as its signature


# a line that may be a page's number (PAGE_NUMBER or PAGE_FRACTION decide): one scan of the whole text
PAGE_LINE = re.compile(r"^[ \t\u3000]*(?:[-—–－~～·•]+[ \t]*\d{1,4}[ \t]*[-—–－~～·•]+|第[ \t]*\d{1,4}[ \t]*[页頁].*"
                       r"|\d{1,4}[ \t]*/[ \t]*\d{1,4})[ \t]*$", re.M)


def _beside_pages(text: str) -> set[int]:
    """The numbers of the lines printed beside a page's number (just before or after it) that are the page's
    running header: a line so printed at two page breaks or more and at half of them at least (a label or a cell
    beside two breaks by chance is no header), and elsewhere at most twice (the notice's own title or issuer at
    its top, the issuer as its signature: those stay)."""
    if len(list(itertools.islice(PAGE_LINE.finditer(text), 2))) < 2:
        return set()  # most notices: fewer than two page numbers, no line to look at
    beside: dict[str, list[int]] = {}
    last, last_no, last_page, pages = "", 0, False, 0
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        page = len(line) <= 16 and bool(PAGE_NUMBER.match(line) or PAGE_FRACTION.match(line))
        if page and not last_page and len(last) >= BESIDE_MIN and last_no not in beside.get(last, ()):
            beside.setdefault(last, []).append(last_no)  # (once: a line between two page numbers is beside one break)
        elif last_page and not page and len(line) >= BESIDE_MIN:
            beside.setdefault(line, []).append(no)
        last, last_no, last_page, pages = line, no, page, pages + page
    least = max(2, (pages + 1) // 2)
    headers = {line for line, nos in beside.items() if len(nos) >= least and not NO_HEADER.search(line)}
    if not headers:
        return set()
    printed = dict.fromkeys(headers, 0)
    for raw in text.splitlines():
        line = raw.strip()
        if line in printed:
            printed[line] += 1
    return {no for line in headers if printed[line] - len(beside[line]) <= BESIDE_ELSEWHERE for no in beside[line]}


PAGE_FRACTION = re.compile(r"^\s*(\d{1,4})\s*/\s*(\d{1,4})\s*$")


def _page_fractions(text: str) -> set[str]:
    """3/9, 4/9 …: page numbers out of a total, told from a date or a share in a cell (6/30) by running up
    to one same total, twice or more."""
    found: dict[str, list[tuple[int, str]]] = {}
    for raw in text.splitlines():
        m = PAGE_FRACTION.match(raw)
        if m and int(m.group(1)) <= int(m.group(2)):
            found.setdefault(m.group(2), []).append((int(m.group(1)), clean(raw)))
    pages: set[str] = set()
    for runs in found.values():
        numbers = [n for n, _ in runs]
        if len(runs) >= 2 and all(a < b for a, b in itertools.pairwise(numbers)):
            pages.update(line for _, line in runs)
    return pages


def is_furniture(text: str) -> bool:
    return any(p.search(text) for p in FURNITURE) or _contents_line(text)


CONTENTS = compile_both(r"^目\s*录$")
LEADER_DOTS = "….．·-_"  # the dotted leader between an entry and its page in a table of contents
LEADER_MIN = 4


def _contents_line(text: str) -> bool:
    """目录 and its entries (一、稳定经济增长…………3): a table of contents, whose headings the notice prints again."""
    if CONTENTS.match(text):
        return True
    entry = text.rstrip("0123456789 ")
    if len(entry) == len(text) or not entry:
        return False
    body = entry.rstrip(LEADER_DOTS + " ")
    return len(entry) - len(body) >= LEADER_MIN and any("\u4e00" <= ch <= "\u9fff" for ch in body)


# An item that starts in the middle of a line, after the previous item's attribution.
MID_LINE_ITEM = re.compile(rf"(?<=[))])[ \t]+(?=\d{{1,4}}[.、．]{NUMBER_DOT_END})")
# The same with nothing between the bracket and the next marker: …(省发改委负责)(二)公共财政…, …协办)2.重点…;
# split only where the bracket just closed says who does the work, so (一)(二) lists and (见附件1)2. stay whole.
NEXT_ITEM = (rf"(?:\d{{1,3}}[.、．]{NUMBER_DOT_END}|[((](?:[{CN_NUMERALS}]{{1,3}}|\d{{1,2}})[))]"
             rf"|[{CN_NUMERALS}]{{1,3}}、)\S")
# …(区住建局);(2)…: a list's stop may stand between the bracket and the next item
RUN_ON_ITEM = re.compile(rf"[))\]】〕〗][;；]?\s*(?={NEXT_ITEM})"
                         # …(X负责)★任务二…: a bullet after any bracket kind opens the next unnumbered item
                         r"|[)\]】〕〗]\s*(?=(?:[●◆■□★☆▲△◇◎○·•►▶]|——)[\s\u3000]*[^\s\d—-])")
# …市环保局等按职责分工负责。2.推进… / …牵头负责,年底前完成。(二)…: the next item after an attribution said as a
# sentence, which ends in its role word or a short clause after it (a sentence of the task's own ends otherwise)
ITEM_AFTER_STOP = re.compile(rf"。\s*(?={NEXT_ITEM})")
ROLE_SENTENCE_END = compile_both(r"(?:负责|牵头|配合|协办|主办|参与|参加|落实)(?:[,,][^,,。;;]{1,16})?$")
ROLE_SENTENCE_MAX = 40  # the end of the sentence looked at: the role word and a clause after it
ATTRIBUTION_MAX = 300  # characters of an attribution bracket, at most
ROLE_IN_BRACKET = compile_both(r"牵头|负责|配合|协办|主办|参与|参加|落实|单位|部门")
# 2017年4月18日附件1: the signature date and the next attachment's label run together.
DATE_THEN_ATTACHMENT = re.compile(r"(?<=日)(?=附件\s*\d+\s*$)")


INNER_TAB = re.compile(r"\S[ \t]*\t[ \t]*\S")
# (续表) / 续上表 alone on its line: a new page goes on with the table, which parts the cells before and after it
# as a blank line does (a cell printed a line with no blank after it does not run into the mark or the header)
CONTINUED_MARK = compile_both(r"^[((]?续(?:表|上表|前表)[\d一二三四五六七八九十]*[))]?$")


def split_lines(text: str) -> tuple[list[Line], list[tuple[int, str]]]:
    """Source text -> non-blank lines, and the furniture dropped (line number, text)."""
    lines: list[Line] = []
    furniture: list[tuple[int, str]] = []
    blank = ruled = paged = False
    headers, running = _running_headers(text), _beside_pages(text)
    # no tab between two printed characters: no row of cells parted by tabs, so a tab opening a line indents it
    # (where tabs part cells, one opening a line is an empty first cell)
    indent_tabs = "\t" in text and not INNER_TAB.search(text)
    for no, raw in _header_rows_as_cells(_shared_pages_joined(text)):
        raw = normalise_spaces(raw).rstrip()
        if indent_tabs:
            raw = raw.replace("\t", "  ")
        if not raw.strip():
            blank = True
            continue
        if is_separator(raw) or _only_pipes(raw):
            blank = ruled = True  # a rule between cells or rows: no text, it only separates
            continue
        cleaned = clean(raw)
        if is_furniture(cleaned) or cleaned in headers or no in running:
            furniture.append((no, raw.strip()))
            blank = True  # furniture breaks the flow like a blank line
            paged = paged or cleaned in headers or no in running or bool(PAGE_NUMBER.search(cleaned))
            continue
        lone = _lone_pipe(raw)
        closed = lone != raw and raw.strip()[-1:] in "|｜│"  # 杨 宜 | : a cell, then its separator
        pieces = _split_runs(lone)
        apart = len(pieces) > 2  # the lines of a notice run onto one: each piece stands as its own line
        mark = bool(CONTINUED_MARK.match(cleaned))
        for piece in pieces:
            # a page or issue number, a contents entry, inside a notice on one line
            if apart and (is_furniture(clean(piece)) or ISSUE.match(clean(piece))):
                furniture.append((no, piece.strip()))
                continue
            lines.append(Line(_piece_text(piece), (no,), piece, blank or apart or mark, ruled=ruled,
                              paged=paged and not apart))
            blank = ruled = paged = False
        ruled, blank = closed, mark
    return lines, furniture


def _piece_text(piece: str) -> str:
    """A piece of a source line as a line's text: leaders' or units' names kept apart, else cleaned."""
    return _leader_names_apart(piece) or _names_alone_apart(piece) or _units_apart(piece) or clean(piece)


# A notice (or a long part of one) on a single line: it breaks before each heading or item marker
# or bullet that follows the end of a sentence or an attribution, after the 文号, and before 附件 / label lines;
# in either script, as every keyword pattern.
_CN_NUM = "一二三四五六七八九十"
ONE_LINE_MIN = 200
# a shorter one (a short notice: a heading, a few tasks and their label fields) breaks in many more places than a
# paragraph of a task ever does
ONE_LINE_BREAKS_SHORT = 8
BREAK_BEFORE = re.compile(r"[\s。;!?)\]】〕:]")  # each break of ONE_LINE_BREAK follows one of these, or is a space
# (a year after a number, 1.2021年…, breaks nothing here: 附件:1.2021年民生实事项目清单 lists titles)
_ITEM = (rf"第[{_CN_NUM}]+(?:部分|条|[,、])|[●◆■□★☆▲△◇◎○•►▶]|——(?!—)|[{_CN_NUM}]{{1,3}}、|\([{_CN_NUM}]{{1,3}}\)"
         rf"|\d{{1,3}}[.、．](?!\d)|[①-⑳]"
         rf"|\(\d{{1,3}}\)|第\d{{1,3}}[项項]|\d{{1,2}}[.．\-－]\d{{1,2}}(?=[\s、]|[\u4e00-\u9fff])(?![{QUANTITY}])"
         rf"|附件\s*\d|(?:牵头|责任|配合|协办|主办)单位[:]")
_LABEL_BRACKET = r"[(\[【](?:牵头|责任)单位[:]"  # (牵头单位:X) after the task; a bracket after a bracket goes on
ONE_LINE_BREAK = compile_both(
    rf"(?<=[。;!?)\]】〕:])\s*(?={_ITEM})|\s+(?={_ITEM})|(?<=[)\]】〕])\s+(?=\S)"
    rf"|(?<=[。;!?:])\s*(?={_LABEL_BRACKET})|(?<![)\]】〕\s])\s+(?={_LABEL_BRACKET})"
    rf"|(?<=[号號])\s+(?=\S)|(?<=通知)\s+(?=\S)|\s+(?=\d{{4}}年\d{{1,2}}月\d{{1,2}}日)"
    rf"|(?:(?<=[。!])\s*|\s+)(?=[\u4e00-\u9fff]{{2,20}}(?:人民政府|办公室|办公厅|辦公室|辦公廳)\s*\d{{4}}年)"
    rf"|(?<=附件)\s+(?=\S)"
    rf"|(?<=日)\s+(?=\S)|(?<=:)\s+(?=\S)|(?<=[。!?])\s+(?=\S)"
    rf"|\s+(?=[\u4e00-\u9fff]{{2,8}}:)")  # 牵头领导:X 责任单位:Y 配合单位:Z: a field a line


# a document-sharing site's copy of a file (《X.docx》由会员分享,可在线阅读,更多相关《X.docx》请在…上搜索。) prints
# each page of the file as one line opened by the page's number: 1、…, 2、…, the page's end cutting a sentence,
# a name or a table's cell wherever it fell
SHARED_DOCUMENT = compile_both(r"由会员分享|可在线阅读")
SHARED_HEAD = 400  # the site's line stands above the file's first page
PAGE_OPENER = re.compile(r"^\s*(\d{1,3})、")


def _shared_pages_joined(text: str) -> list[tuple[int, str]]:
    """The source lines, numbered; on a document-sharing page the pages' numbers (1、2、3、… in order from the
    first page, two at least) are dropped and each page's line runs on from the page before it, as the file's
    text ran on across the page's end (a page counts as one line: the number of the line it starts on)."""
    numbered = list(enumerate(text.splitlines(), 1))
    if not SHARED_DOCUMENT.search(text[:SHARED_HEAD]):
        return numbered
    pages, expected = {}, 1
    for i, (_, raw) in enumerate(numbered):
        m = PAGE_OPENER.match(raw)
        if m and int(m.group(1)) == expected:
            pages[i], expected = m.end(), expected + 1
    if len(pages) < 2:
        return numbered
    first = min(pages)
    out: list[tuple[int, str]] = []
    for i, (no, raw) in enumerate(numbered):
        if i not in pages:
            out.append((no, raw))
            continue
        page = raw[pages[i]:]
        last = next((k for k in range(len(out) - 1, -1, -1) if out[k][1].strip()), None)
        if i == first or last is None:
            out.append((no, page))
        else:  # the page's text runs on from the last printed line of the page before
            out[last] = (out[last][0], out[last][1].rstrip() + page.strip())
    return out


CELL_LINES_AFTER_HEADER = 3  # one cell a line at least this long after a header's pipe rows: the body's layout
HEADER_PIPE_ROWS = 2  # a header printed over at most this many lines


def _header_rows_as_cells(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """序号 | 重点任务 | / 完成时间 | 责任人 | 责任部门 | / 1 | / 完善…。 |: a header printed as a row or two of
    pipes above a body printed one cell a line, each cell closed by its separator — a page that wrapped its
    header row where the body's rows were printed cell by cell. The header's rows are its cells one a line,
    as the body prints them, so the table reads as one layout (a pipe row that ends a line of cells stays a row)."""
    out = list(numbered)
    printed = [i for i, (_, raw) in enumerate(numbered) if raw.strip()]
    for k in range(len(printed)):
        rows = list(itertools.takewhile(lambda j: _pipe_row_cells(numbered[j][1]), printed[k:k + HEADER_PIPE_ROWS]))
        if not rows or (k and _pipe_row_cells(numbered[printed[k - 1]][1])):
            continue
        after = printed[k + len(rows):k + len(rows) + CELL_LINES_AFTER_HEADER]
        if len(after) < CELL_LINES_AFTER_HEADER or not all(_closed_cell(numbered[j][1]) for j in after):
            continue
        for j in rows:
            out[j] = (numbered[j][0], "\n".join(f"{cell} |" for cell in _pipe_row_cells(numbered[j][1]) or ()))
    return [(no, line) for no, raw in out for line in raw.split("\n")]


def _pipe_row_cells(raw: str) -> list[str] | None:
    """The cells of a row of two or more cells closed by pipes (序号 | 重点任务 |), empty ones left out."""
    stripped = raw.strip()
    if not stripped or stripped[-1] not in "|｜│" or sum(stripped.count(p) for p in "|｜│") < 2:
        return None
    cells = [c.strip() for c in re.split(r"[|｜│]", stripped) if c.strip()]
    return cells if len(cells) >= 2 else None


def _closed_cell(raw: str) -> bool:
    """1 | / 完善园区骨架路网…。 |: one cell and its separator."""
    lone = _lone_pipe(raw)
    return lone != raw and raw.strip()[-1:] in "|｜│"


def _only_pipes(raw: str) -> bool:
    """| or || alone on a line: the separator printed after a cell (a rule too short for is_separator)."""
    stripped = raw.strip()
    return bool(stripped) and not stripped.strip("|｜│┃║ \u3000")


def _lone_pipe(raw: str) -> str:
    """序号 | : one cell followed by its separator is one cell a line, not a row of pipes."""
    stripped = raw.strip()
    if sum(stripped.count(p) for p in "|｜│") != 1 or len(stripped) < 2:
        return raw
    if stripped[-1] in "|｜│":
        return stripped[:-1].rstrip()
    return stripped[1:].lstrip() if stripped[0] in "|｜│" else raw


def _split_runs(raw: str) -> list[str]:
    if split_row(raw) and is_delimited(raw):
        last = max(raw.rfind(p) for p in "|｜│")
        if last < 0 or not _one_line(raw[last + 1:]):
            return [raw]  # a table row: its cells are not items run together
        return [raw[:last + 1], *_one_line_pieces(raw[last + 1:])]  # catalogue cells, then the notice
    raw, *header = _header_apart(raw)
    if _one_line(raw):
        return _one_line_pieces(raw) + header  # a whole notice run onto one line
    pieces: list[str] = []
    for run in _split_after_attributions(raw):
        # at the line's start, or after the attribution that ends an item
        heading = HEADING_THEN_ITEM.match(run) or HEADING_INTO_FIRST_ITEM.match(run)
        if heading:
            pieces.append(heading.group(1))
            run = run[heading.end():]
        for part in MID_LINE_ITEM.split(run):
            pieces.extend(p for p in DATE_THEN_ATTACHMENT.split(part) if p.strip())
    return pieces + header


def _header_apart(raw: str) -> list[str]:
    """…常熟市2018年政府工作任务分解表 序号 名称 工作任务 牵头责任单位: a table's header row run onto the end of
    the paragraph before it stands as a line of its own."""
    at = raw.rfind(" 序号 ")
    if at <= 0 or not spaced_header_raw(raw[at + 1:]) or all(label_kind(c) for c in split_spaced(raw[:at])):
        return [raw]  # (类别 序号 项目名称 …: labels before 序号 are the header's own first columns)
    return [raw[:at], raw[at + 1:]]


def spaced_header_raw(raw: str) -> bool:
    """序号 名称 工作任务 牵头责任单位: a header row whose labels single spaces split."""
    cells = split_spaced(raw)
    return len(cells) >= 3 and is_number_label(cells[0]) and is_header_row(cells)


# 二、提升城乡品质 3.完成城中村改造…: a copy that lost its line breaks (a sharing site's few long lines) prints a
# short heading and the first item under it on one line, a space between them; 一、促进就业(3项)1.促进…: a
# heading counting its items in a bracket needs no space, the bracket closes it
HEADING_THEN_ITEM = re.compile(rf"^([\s\u3000]*(?:[{CN_NUMERALS}]{{1,3}}、|[(（][{CN_NUMERALS}]{{1,3}}[)）])"
                               rf"[^\s。;；,，:：!?()（）…·.．]{{2,20}}(?:[(（]共?\d{{1,3}}[项个件条类][)）])?)"
                               rf"(?:(?<=[)）])\s*|\s+)(?={NEXT_ITEM})")
# 一、经济发展1.加快… / (一)强化基础设施支撑。1.加快… / 一、经济发展(一)加快…: a heading run straight into the first
# item under it (a copy that lost the break): nothing parts them but the item's number, so only the first number of
# a list (1, (一)) opening a word counts, after a heading with no digit of its own (一、新增就业1.2万人, …1、2期 stay)
HEADING_INTO_FIRST_ITEM = re.compile(rf"^([\s\u3000]*(?:[{CN_NUMERALS}]{{1,3}}、|[(（][{CN_NUMERALS}]{{1,3}}[)）])"
                                     rf"[^\s\d。;；,，:：!?()（）…·.．、]{{2,20}}[。:：]?)"
                                     rf"(?=(?:1[.、．]|[(（]一[)）])[\u4e00-\u9fff“])")


def _split_after_attributions(raw: str) -> list[str]:
    """…任务一。(X负责)(二)任务二。(Y主办,Z协办) / …任务一。X负责。2.任务二…: items run together, each after the
    previous one's attribution, break into lines of their own."""
    cuts: list[tuple[int, int]] = []  # (where a piece ends, where the next one starts)
    for m in RUN_ON_ITEM.finditer(raw):
        since = max(cuts[-1][1] if cuts else 0, m.start() - ATTRIBUTION_MAX)  # a bounded look back: linear
        opener = max(raw.rfind(o, since, m.start()) for o in "(【〔〖[")
        if opener >= 0 and _says_who(raw[opener + 1:m.start()]):
            cuts.append((m.start() + 1, m.end()))
    for m in ITEM_AFTER_STOP.finditer(raw):
        if ROLE_SENTENCE_END.search(raw, max(0, m.start() - ROLE_SENTENCE_MAX), m.start()):
            cuts.append((m.start() + 1, m.end()))
    pieces, start = [], 0
    for end, resume in sorted(cuts):
        pieces.append(raw[start:end])
        start = resume
    return [*pieces, raw[start:]]


def _says_who(bracket: str) -> bool:
    """(X牵头,Y配合) / (责任单位:X) by a role word; (区住建局、区城管局) by its names alone."""
    return bool(ROLE_IN_BRACKET.search(bracket)) or looks_like_unit(bracket)


def _one_line(raw: str) -> bool:
    if len(raw) < ONE_LINE_MIN and len(BREAK_BEFORE.findall(raw)) < ONE_LINE_BREAKS_SHORT:
        return False  # too few places a break could follow (a task's line, as a rule): decided at once
    breaks = len(ONE_LINE_BREAK.findall(raw))
    return breaks >= 3 and (len(raw) >= ONE_LINE_MIN or breaks >= ONE_LINE_BREAKS_SHORT)


# 二、稳定经济增长 提高流通…: in a notice on one line a short heading is parted from its text by a space only
HEADING_THEN_TEXT = re.compile(rf"^((?:第[{_CN_NUM}]+部分|[{_CN_NUM}]{{1,3}}、|\([{_CN_NUM}]{{1,3}}\))\s*"
                               r"[^\s。;,:!?()…·.．]{2,20})\s+(?=\S)")  # (not a contents entry: 一、稳定增长…… 3)


def _one_line_pieces(raw: str) -> list[str]:
    """A whole notice run onto one line: a piece a paragraph, heading or field."""
    pieces: list[str] = []
    for piece in _closed_brackets([p for p in ONE_LINE_BREAK.split(raw) if p.strip()]):
        m = HEADING_THEN_TEXT.match(piece)
        for part in [m.group(1), piece[m.end():]] if m else [piece]:
            for line in _page_marks_apart(part):
                pieces.extend(_field_tail_apart(line, bool(pieces) and _bare_label(pieces[-1])))
    return pieces


def _bare_label(piece: str) -> bool:
    from .markers import ATTRIBUTION_LINE
    label = ATTRIBUTION_LINE.match(piece.strip())
    return label is not None and label.end() == len(piece.strip())


DATE_WORD = compile_both(r"^(?:\d|[一二三四]季度|[上下]半年|年[底内末]|全年|长期|持续)")
LABEL_WORD = re.compile(r"^[\u4e00-\u9fff]{2,8}:")
GAPS, WORD = re.compile(r"\s+"), re.compile(r"\S+")
HEADING_WORD = re.compile(r"[\u4e00-\u9fff]{2,12}\s*")


def _field_tail_apart(piece: str, value_only: bool) -> list[str]:
    """分管领导:王仁洲 该项目列入全县重点项目计划。 — in a notice run onto one line a space after a field's value
    stood for a line's end: what follows it that is no unit, person or date (a remark, the next heading, the next
    unnumbered task) is a line of its own, not more of the value. `value_only`: the piece starts with the value of
    the label before it."""
    if PAGE_WHOLE.match(piece):
        return [piece]
    cuts = [cut for start, end in _field_values(piece, value_only) if (cut := _value_end(piece, start, end))]
    out, at = [], 0
    for gap_start, gap_end in cuts:
        out.append(piece[at:gap_start])
        at = gap_end
    return [*out, piece[at:]]


def _field_values(piece: str, value_only: bool) -> list[tuple[int, int]]:
    """Where each field's value may run: from its label to the next label; labels inside a bracket are left
    alone (the fields of one bracketed attribution go on)."""
    from .markers import FIELD_LABEL
    labels = list(FIELD_LABEL.finditer(piece))
    bounds = [m.start() for m in labels[1:]] + [len(piece)] if labels else []
    values = [(0, labels[0].start() if labels else len(piece))] if value_only else []
    depth, at = 0, 0
    for label, bound in zip(labels, bounds, strict=True):
        depth += _bracket_depth(piece, at, label.start())
        at = label.start()
        if depth <= 0:
            values.append((label.end(), bound))
    return values


def _value_end(piece: str, start: int, end: int) -> tuple[int, int] | None:
    """The gap after which a remark (a sentence) or a heading (one short phrase) follows the value; what
    else follows (a table's cells in spaces: 各区政府 鄞州 海曙 … 2 5 1) stays with the field, in its notes."""
    sentence_end = max(piece.rfind(c, start, end) for c in "。!?;")
    for gap in GAPS.finditer(piece, start, end):
        word = WORD.match(piece, gap.end(), end)
        if gap.start() > start and word and not _value_goes_on(word.group()):
            # the first word that is no more of the value decides (a table's 鄞州 … 合计: none of it is)
            stands_apart = gap.end() < sentence_end or HEADING_WORD.fullmatch(piece, gap.end(), end)
            return (gap.start(), gap.end()) if stands_apart else None
    return None


def _bracket_depth(text: str, start: int, end: int) -> int:
    return sum(text.count(o, start, end) for o in OPENERS) - sum(text.count(c, start, end) for c in CLOSERS)


def _value_goes_on(word: str) -> bool:
    from .leaders import COMRADE, NAME_TITLE, TITLE_NAME, person_name
    from .markers import ATTRIBUTION_LINE
    from .units import looks_like_unit
    word = word.strip("、,;。")
    return not word or looks_like_unit(word) or person_name(word) or bool(
        NAME_TITLE.match(word) or TITLE_NAME.match(word) or COMRADE.match(word) or DATE_WORD.match(word)
        or ATTRIBUTION_LINE.match(word) or LABEL_WORD.match(word))


# a page's number or issue printed between two paragraphs of a notice run onto one line (… 。 ·6· 〔X负责〕)
_PAGE_MARK = (r"(?:[·•]\s?\d{1,4}\s?[·•]|[-—–－]+\s?\d{1,4}\s?[-—–－]+|\d{1,4}\s?/\s?\d{1,4}"
              r"|第\s?\d{1,4}\s?[页頁](?:\s?[,/]?\s?共\s?\d{1,4}\s?[页頁])?|(?:\d{4}年)?第\s?\d{1,3}\s?期)")
PAGE_WHOLE = re.compile(rf"^{_PAGE_MARK}$")
PAGE_LEAD = re.compile(rf"^({_PAGE_MARK})\s+(?=\S)")
PAGE_TAIL = re.compile(rf"(?<=\S)\s+({_PAGE_MARK})$")


def _page_marks_apart(piece: str) -> list[str]:
    """·6· 〔X负责〕 -> ·6·, 〔X负责〕: the mark stands as a line of its own, which is furniture."""
    out: list[str] = []
    if PAGE_WHOLE.match(piece):
        return [piece]
    lead = PAGE_LEAD.match(piece)
    if lead:
        out.append(lead.group(1))
        piece = piece[lead.end():]
    tail = PAGE_TAIL.search(piece)
    if tail:
        return [*out, piece[:tail.start()], tail.group(1)]
    return [*out, piece]


OPENERS, CLOSERS = "(【[〔〖", ")】]〕〗"


def _closed_brackets(pieces: list[str]) -> list[str]:
    """A break inside a bracket ((责任单位:X 责任领导:Y)) is no break: its fields belong to one attribution. A
    bracket left open joins at most BRACKET_PIECES pieces, so the split stays linear and a stray ( harmless."""
    out: list[list[str]] = []
    depth = 0
    for piece in pieces:
        if depth > 0 and out and len(out[-1]) < BRACKET_PIECES:
            out[-1].append(piece)
        else:
            out.append([piece])
            depth = 0
        depth = max(0, depth + sum(piece.count(c) for c in OPENERS) - sum(piece.count(c) for c in CLOSERS))
    return [" ".join(parts) for parts in out]


BRACKET_PIECES = 6  # the fields of one attribution: units, co-operating units, leader, deadline …


BRACKET_LINES = 6  # an attribution's bracket hard-wrapped at a narrow width spans a few lines; an unclosed one no more
# what only goes on a sentence: a line opening with it was broken off the line before (PDF extraction)
GOES_ON = frozenset(",,、;;:。")
OPENS, CLOSES = "【〔［[「〖", "】〕］]」〗"


def _in_item(prev: Line) -> bool:
    """An item's line, a line joined to one, or a label line (not a heading's 文号 or furniture above an excerpt
    that opens mid-sentence)."""
    from .markers import ATTRIBUTION_LINE, starts_item  # (a numbered item only: no 文号 or label of the header)
    return prev.joined or bool(starts_item(prev.text)) or bool(ATTRIBUTION_LINE.match(prev.text))


def _bracket_open(text: str) -> bool:
    """【柳树镇 / 政府牵头…】: a square or lenticular bracket opened and not closed goes on on the next line."""
    last_open = max(text.rfind(ch) for ch in OPENS)
    return last_open >= 0 and all(text.find(ch, last_open) < 0 for ch in CLOSES)


def _label_line(text: str) -> bool:
    from .markers import ATTRIBUTION_LINE
    return bool(ATTRIBUTION_LINE.match(text))


def _heading(text: str, starts_item) -> bool:
    """A heading line (一、县发改局牵头), never run on; a label line (【落实单位】市发改委、市农业农村) is none."""
    return starts_item(text, heading_only=True) and not _label_line(text)


POINT = re.compile(r"(?<=[;:,。])([一二三四五六七八九])是")  # 一是…;二是…: points inside a paragraph
POINT_START = re.compile(r"^([二三四五六七八九十])是")


def _next_point(text: str, after: str) -> bool:
    start = POINT_START.match(after)
    if start is None or not text.endswith((";", ",", "、")):
        return False  # (一是…。[落实单位:…] / 二是…: the paragraph, its points and attribution, ended)
    points = POINT.findall(text[-ATTRIBUTION_MAX:])
    return bool(points) and CN_NUMERALS.index(points[-1]) + 1 == CN_NUMERALS.index(start.group(1))


def _sentence_ends(text: str) -> bool:
    """…推进“一网通办” / “一日办结”: a closing quote ends a sentence only after the sentence's own stop."""
    if text.endswith(QUOTE_ENDS):
        return text[-2:-1] in "。!?;"
    return text.endswith(TERMINAL)


QUOTE_ENDS = ("”", "’", "」", "』")


def _left_open(text: str) -> bool:
    return paren_depth(text) > 0 or _bracket_open(text)


def paren_depth(text: str) -> int:
    return text.count("(") + text.count("(") - text.count(")") - text.count(")")


def joined(first: Line, second: Line) -> Line:
    """Two lines read as one, the second's text after the first's."""
    return Line(first.text + second.text, first.nos + second.nos, first.raw + second.raw.strip(), first.blank_before,
                joined=True, ruled=first.ruled)


def join_broken(lines: list[Line], starts_item) -> tuple[list[Line], list[tuple[int, ...]]]:
    """Re-join lines broken by extraction; `starts_item(text)` says a line starts something new."""
    out: list[Line] = []
    joins: list[tuple[int, ...]] = []
    widths = _printed_widths(lines)
    read, full = _as_printed(lines, widths, starts_item)
    last_full = False  # the last source line of out[-1] filled the page's width: the page broke it
    for line, seen, line_width in zip(lines, read, widths, strict=True):
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, seen, starts_item, last_full):
            prev.text += line.text
            prev.raw += line.raw.strip()
            prev.nos += line.nos
            prev.joined = True
            joins.append(prev.nos)
        else:
            out.append(Line(line.text, line.nos, line.raw, line.blank_before, ruled=line.ruled))
        last_full = full is not None and line_width >= full
    return _run_on_apart(out), joins


def _printed_widths(lines: list[Line]) -> list[int]:
    """The width each line was printed at: the pieces of a source line parted where an item starts mid-line were
    printed as that one line (the last piece of a line as wide as the page goes on on the next line). The pieces
    of a notice run onto one line stand apart (blank_before): each is its own."""
    widths = [width(line.text) for line in lines]
    start = 0
    for end in range(1, len(lines) + 1):
        if end < len(lines) and lines[end].nos == lines[start].nos and not lines[end].blank_before:
            continue
        if end - start > 1:
            widths[start:end] = [sum(widths[start:end])] * (end - start)
        start = end
    return widths


def _run_on_apart(lines: list[Line]) -> list[Line]:
    """A notice run onto one line and then wrapped at a width (a web page's text without paragraphs, copied
    into narrow lines): its lines joined again are parted as split_lines parts a source line (a notice on one
    line, items run on after an attribution or mid-line). The pieces keep the joined line's numbers."""
    out: list[Line] = []
    for line in lines:
        pieces = _split_runs(line.raw) if line.joined else []
        if len(pieces) < 2:
            out.append(line)
            continue
        out.extend(Line(_piece_text(piece), line.nos, piece, k > 0 or line.blank_before, joined=True,
                        ruled=line.ruled and k == 0) for k, piece in enumerate(pieces))
    return out


DOUBLE_SPACED = 0.9  # of the lines, this many after a blank line: the blanks part no paragraphs


def _as_printed(lines: list[Line], widths: list[int], starts_item) -> tuple[list[Line], int | None]:
    """The lines as the joining reads them, and the page's width (page_width). A printed page's lines each set
    apart by a blank line (a PDF turned into a web page a paragraph per printed line) are read without the
    blanks once the page's width shows: there a blank line ends no paragraph."""
    full = page_width(lines, widths, starts_item)
    if full is not None or sum(1 for line in lines[1:] if line.blank_before) < DOUBLE_SPACED * (len(lines) - 1):
        return lines, full
    close = [dataclasses.replace(line, blank_before=False) for line in lines]
    full = page_width(close, widths, starts_item)
    return (close, full) if full is not None else (lines, None)


PAGE_LINE_MIN = 40  # display columns: a line of a page's text column, not a table's cell (20 Chinese characters)
PAGE_SLACK = 6  # a full line falls short of the widest by a few columns: half-width digits, a kept punctuation
PAGE_SHARE = 0.3  # of the long lines, this many are full and broken mid-sentence where a page's width broke them
PAGE_LINES = 4
INDENT = 4  # a paragraph's first line is indented two characters (公文): it is full four columns short


def width(text: str) -> int:
    """Display columns: a Chinese character (three bytes in UTF-8) two, an ASCII one."""
    return len(text) + (len(text.encode()) - len(text)) // 2


def page_width(lines: list[Line], widths: list[int], starts_item) -> int | None:
    """The width (less its slack) at which a printed page broke the text's lines (`widths`, theirs), where it did:
    many long lines of about one width, most of them stopping mid-sentence, the next line no new item. Text whose
    paragraphs are lines (a web page's) has none: its long lines end their paragraphs."""
    # a row of cells is printed at its own width, whatever the page's (a web page's 索引号 | … table above the text)
    long = sorted(w for w, line in zip(widths, lines, strict=True) if w >= PAGE_LINE_MIN and not _is_row(line.raw))
    if len(long) < PAGE_LINES:
        return None
    top = long[int(len(long) * 0.9)]
    band = [i for i, w in enumerate(widths) if top - PAGE_SLACK <= w <= top + PAGE_SLACK // 2]
    broken = sum(1 for i in band if i + 1 < len(lines) and not lines[i].text.endswith(TERMINAL)
                 and not lines[i + 1].blank_before and not starts_item(lines[i + 1].text))
    return top - PAGE_SLACK - INDENT if broken >= max(PAGE_LINES, PAGE_SHARE * len(long)) else None


def _continues(prev: Line, line: Line, starts_item, full: bool = False) -> bool:
    if len(prev.nos) >= MAX_JOINED or _is_row(prev.raw) or _is_row(line.raw) or spaced_header_raw(line.raw):
        return False  # table rows (cells split by tabs or wide spaces) and header rows never run on
    if line.ruled and not line.blank_before and label_kind(line.text):
        return False  # …完成情况表 | / 序号 |: a cell closed by its separator, then a header's label: a cell of its own
    if not starts_item(line.text) and (_label_at_end(prev.text) or (
            _unit_broken(prev.text, line.text) and not _two_labels(prev.text, line.text)
            and not _heading(prev.text, starts_item)
            and not _leader_field(prev.text) and not looks_like_leader(prev.text)  # 县委副书记胡军华 / 慈化镇
            and not line.ruled)):  # a rule between two lines parts two cells (…居家养老 / ---- / 民政局)
        return True  # 【责任单位】 alone on its line, the units on the next; 县自然 / 资源局 one name in two
    if line.text[:1] in GOES_ON and not line.blank_before and _in_item(prev):
        return True  # ,射阳经济开发区… / 。由县人民医院…: no line of an item starts with a comma or a full stop
    # a blank line ends a paragraph, unless it fell inside a bracket the line closes (a page's end ends none)
    if line.blank_before and not (line.paged and not line.ruled and _in_item(prev)):
        return _left_open(prev.text) and len(prev.nos) < 4 and len(line.text) <= BRACKET_END_MAX \
            and not starts_item(line.text) and not _left_open(prev.text + line.text)
    # (a bracket left open within an attribution's length: one printed after a long task, wrapped over more
    # lines than BRACKET_LINES counts from the paragraph's start)
    if _left_open(prev.text) and (len(prev.nos) < BRACKET_LINES or _left_open(prev.text[-ATTRIBUTION_MAX:])):
        return not starts_item(line.text) or line.text[0] in ")）" or _field_goes_on(line.text)
    if not line.blank_before and _next_point(prev.text, line.text):
        return True  # …一是做好宣传引导;二是加快项目建设; / 三是强化资金保障。: the paragraph's points go on
    if _sentence_ends(prev.text) or starts_item(line.text) or (_heading(prev.text, starts_item) and not full):
        return False  # (a line as wide as the page's is a paragraph's first, however short a heading would be)
    if _list_goes_on(prev.text, line.text) or OPEN_BY.search(prev.text) or _level_alone_at_end(prev.text):
        return True  # 责任单位:县财政局、 / 县国土分局: a list that ends in its separator goes on on the next line
    if full and not line.blank_before and not _after_leader(prev.text, line.text):
        return True  # 汤飞帆副 / 县长, 完成时限:年底 / 前: a full line stops where the page's width did
    if _ends_with_units(prev.text) and line.text[:1] not in "、,,;;":
        return False  # 推进项目建设。责任单位:县发改局 ends its paragraph with the last unit named in full
    return (len(prev.text) >= JOIN_MIN_LENGTH and not _unit_list(prev.text)) or _name_cut(prev.text)


def _field_goes_on(text: str) -> bool:
    """(责任单位:X 责任领导:Y / 完成时限:Z): a field's label at a line's start, the page's width having broken the
    bracket before it, is the open bracket's next field, not a label line of its own."""
    from .markers import ATTRIBUTION_LINE, marker
    return bool(ATTRIBUTION_LINE.match(text)) and text[:1] not in OPENERS and not marker(text)


def _unit_list(text: str) -> bool:
    """A line that is a list of units and nothing else (a table's unit cell): its last name is whole, so
    it was not broken by the page's width."""
    from .units import looks_like_unit
    return "、" in text and looks_like_unit(text)


@functools.cache
def _field_at_end() -> re.Pattern:
    from .markers import ROLE_LABEL  # (markers imports this module)
    return re.compile(rf"(?:{ROLE_LABEL})\s*(?:[::]|[】〗\]]\s*[::]?)\s*(?P<value>[^::】〗\]]+)$")  # 【责任单位】X too


def _ends_with_units(text: str) -> bool:
    """…。牵头单位:县工信局;配合单位:县财政局 — a paragraph ending in a labelled field of whole unit names
    (or of leaders: …;责任领导:张三副县长, or a short deadline)."""
    from .units import looks_like_unit
    m = _field_at_end().search(text)
    return m is not None and (looks_like_unit(m.group("value").strip()) or _leaders_field(m.group(0))
                              or _short_deadline(m.group(0)))


# 。由市 / 政府督查室牵头, 。由市人社局 / 牵头: a 由… clause names its units, then their role; before the role word
# it goes on on the next line (由于, 由此 open no such clause)
OPEN_BY = compile_both(r"(?:^|[。;；,，])由(?![于此])"
                       r"(?:(?!牵头|负责|配合|协助|参与|主办|承办|落实)[^。;；,，:：]){0,20}$")


# …西城街道、县 / 经济开发区管委会: a list whose last piece is a level alone names no unit yet: the name goes on
LONE_LEVEL = compile_both(r"[、,，/;；:：]各?[省市县区州镇乡]$")
ROLE_BEFORE = compile_both(r"牵头|负责|配合")


def _level_alone_at_end(text: str) -> bool:
    """A label's field or a clause after a role word (由X牵头,Y、县 / 司法局) ending in a level alone; a table's
    cell broken a few characters a line (…、区 / 住房和城建局) is joined by the table's reading, not here."""
    return bool(LONE_LEVEL.search(text) and (_field_at_end().search(text) or ROLE_BEFORE.search(text)))


def _list_goes_on(text: str, after: str) -> bool:
    """责任单位:县财政局、 / 县国土分局, 责任单位:县财政局/县林场 / /县公安局: a field's list whose separator ends
    the line or opens the next one."""
    m = _field_at_end().search(text)
    return m is not None and (m.group("value").rstrip().endswith(("、", "/", ",")) or after.startswith(("、", "/")))


def _after_leader(text: str, after: str) -> bool:
    """牵头市领导:杜新国同志 / 此项工作纳入年度目标考核。: what follows a leader field is no rest of a name or
    title (县长, 洲副县长, 同志: a few characters) but a sentence of its own."""
    return _leader_field(text) and len(WORD_END.split(after, maxsplit=1)[0]) > NAME_REST


NAME_REST = 6
WORD_END = re.compile(r"[。;,:\])】〕 ]")


def _short_deadline(field: str) -> bool:
    """完成时限:12月底前 — a deadline too short to have been broken by the page's width."""
    from .markers import DEADLINE_LINE
    m = DEADLINE_LINE.match(field)
    return m is not None and len(m.group("d")) <= DEADLINE_WHOLE


DEADLINE_WHOLE = 12


def _leader_field(text: str) -> bool:
    """牵头市领导:宁波副市长, alone or at the end of the paragraph — a leader's name and title is no unit's name
    cut in two (the signature under it, 某某县人民政府办公室, is no rest of it)."""
    from .markers import LEADER_LINE
    field = _field_at_end().search(text)  # (…;牵头领导:宁波: the field run on at the end of the paragraph)
    return bool(LEADER_LINE.match(text) or (field and LEADER_LINE.match(field.group(0))))


def _leaders_field(field: str) -> bool:
    """责任领导:张三副县长、李四 — a leader field whose every piece is a name, with or without its title."""
    from .leaders import ONLY_TITLE, name_and_title
    from .markers import LEADER_LINE
    m = LEADER_LINE.match(field)
    if not m:
        return False
    pieces = [p for p in re.split(r"[、,,\s]+", m.group("names")) if p]
    return bool(pieces) and all(ONLY_TITLE.match(p) or NAME.match(p)
                                or (len(p) <= 10 and name_and_title(p, "")[0] != p) for p in pieces)


BRACKET_END_MAX = 60  # the rest of a bracket broken over a blank line: a few names and its close


def _name_cut(text: str) -> bool:
    """责任单位:县财政局、县自然资 — a label line of units whose last name goes on on the next line."""
    from .markers import ATTRIBUTION_LINE, DEADLINE_LINE, LEADER_LINE
    from .units import looks_like_unit
    if not ATTRIBUTION_LINE.match(text) or LEADER_LINE.match(text) or DEADLINE_LINE.match(text):
        return False  # a leader's name or a deadline is no unit's name cut in two
    last = re.split(r"[、,;::]", text)[-1]
    return bool(last) and not looks_like_unit(last)


# (a tail is no 由…: 。由省委宣 / 传部牵头 breaks 省委宣传部, the name after the 由)
# the last name of a line, a level in brackets inside it included (各乡(镇)人民 / 政府; not a pinyin gloss: 區(qū))
UNIT_TAIL = compile_both(r"(?:^|(?<=[、,;:(\[【〔。由和及/]))(?!由)"
                         r"(?:[^\W\d_的]|[((][\u4e00-\u9fff、]{1,6}[))]){2,15}$")
UNIT_HEAD_MAX = 10


def _unit_broken(text: str, after: str) -> bool:
    """县财政局、县自然 / 资源局配合: a unit's name broken by extraction, each piece no unit by itself. The
    piece before the break starts like a unit (a level, a place, 各…, or follows 、 in a list); the name they
    make ends like one (局, 委, 中心, 政府 …). Two units are never joined: a piece that is a unit stays."""
    from .units import START_OF_UNIT, looks_like_unit
    tail = UNIT_TAIL.search(text)
    if not tail or text.endswith(TERMINAL) or (_whole_name(tail.group(0)) and not _rest_of_a_name(tail.group(0),
                                                                                                   after)):
        return False
    before = text[:tail.start()]
    in_list = before.endswith("、") and looks_like_unit(re.split(r"[、,;:(\[【〔。由和及]", before[:-1])[-1])
    if not (START_OF_UNIT.match(tail.group(0)) or in_list):
        return False  # 县自然 / 资源局, or 、自然 / 资源局 after a unit: not 、扩建项目 / 机管局 after a school
    for end in range(1, min(len(after), UNIT_HEAD_MAX) + 1):
        head = after[:end]
        if not "\u4e00" <= head[-1] <= "\u9fff":
            return False
        if looks_like_unit(tail.group(0) + head) and AFTER_NAME.match(after, end):
            return head not in GENERIC_HEADS  # the name ends where a list, a role or the line goes on
    return False


def _two_labels(text: str, after: str) -> bool:
    """县级领导 / 牵头单位: two header labels one a line (a leader's column, then a unit's) are two columns,
    never one unit's name broken by extraction, although together they end like one (…单位)."""
    return label_kind(text) is not None and label_kind(after) is not None


def _whole_name(tail: str) -> bool:
    """A name the line's end leaves whole: a unit by its ending or a collective; 各 and one character (各党 / 支部)
    is too short to be one and may start a longer name."""
    from .units import UNIT_SUFFIX, looks_like_unit
    return looks_like_unit(tail) and not (len(tail) <= SHORT_EACH and tail[0] == "各" and not UNIT_SUFFIX.search(tail))


SHORT_EACH = 2


def _rest_of_a_name(tail: str, after: str) -> bool:
    """区政协办 / 公室、… , 岳阳综合保税区管委 / 会: a whole name before the break (办, 管委 … end names too), but
    the one or two characters that open the next line complete the ending the break cut (办公室, 管委会); a name
    of its own there (民政局 / 残联) completes none."""
    from .units import START_OF_UNIT, looks_like_unit
    piece = PIECE.match(after)
    if piece is None or START_OF_UNIT.match(piece.group(0)):
        return False
    cut, head = simplified(tail), simplified(piece.group(0))  # (有關部 / 門: the endings are simplified)
    ending = next((e for e in _cut_endings() if any(cut.endswith(e[:k]) and e[k:] == head
                                                      for k in range(1, len(e)))), None)
    # (县城投 / 集团等…: an ending alone on the next line that names no unit ends the name; 政协 names one)
    whole = head in ENDINGS_ONLY
    return (ending is not None or whole) and looks_like_unit(tail + piece.group(0))


ENDINGS_ONLY = {"集团", "公司", "中心", "政府", "部门"}  # (县公安局 / 分局 is left as printed)


@functools.cache
def _cut_endings() -> list[str]:
    from .units import UNIT_ENDINGS
    # (有关部 / 门, 各镇人民 / 政府)
    return [e for e in UNIT_ENDINGS.split() if len(e) >= 2] + ["办公室", "部门", "人民政府"]


PIECE = compile_both(r"[\u4e00-\u9fff]{1,2}(?=$|[^\u4e00-\u9fff]|牵头|配合|负责|等)")


AFTER_NAME = compile_both(r"$|[^\u4e00-\u9fff]|牵头|配合|负责|参与|协助|协办|协同|主办|会同|共同|分别|具体"
                        r"|按|等|为|和|及")


GENERIC_HEADS = {"单位", "部门", "机构"}  # 市直 / 单位 are more likely two cells of a table than one name


def _leader_names_apart(raw: str) -> str | None:
    """牵头领导:张三 李四 — leaders printed apart by a space only: the space is all that parts them, so a
    leader line keeps it (cleaning drops spaces inside Chinese text)."""
    from .markers import LEADER_LINE
    line = RUNS.sub(" ", raw.strip())
    m = LEADER_LINE.match(line)
    if not m or len(m.group("names").split()) < 2 or not all(NAME.match(n) for n in m.group("names").split()):
        return None
    return clean(line[:m.start("names")]) + " ".join(m.group("names").split()) + clean(line[m.end("names"):])


NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def _names_alone_apart(raw: str) -> str | None:
    """王某 李某某 alone on a line (a leader cell of a table printed one cell a line): people's names parted by
    spaces only keep their spaces, as a leader field's do (cleaned, they would run into one word no name reads)."""
    names = RUNS.sub(" ", raw.strip().rstrip("|｜│").strip()).split()
    if len(names) < 2 or not all(NAME.match(n) and looks_like_leader(n) for n in names):
        return None
    return " ".join(names)


def _units_apart(raw: str) -> str | None:
    """责任单位:县消防救援大队  县森林防火指挥部 — units after a label printed apart by spaces only: the spaces
    part the names as 、 does (cleaning drops spaces inside Chinese text, which would run the names together)."""
    from .markers import ATTRIBUTION_LINE
    from .units import looks_like_unit, split_groups
    line = RUNS.sub(" ", raw.strip())
    m = ATTRIBUTION_LINE.match(line)
    if not m:
        return None
    names = line[m.end():].split()
    if len(names) < 2 or not all(looks_like_unit(g) for n in names for g in split_groups(n)):
        return None
    return clean(line[:m.end()]) + "、".join(names)


def _label_at_end(text: str) -> bool:
    """【牵头单位】县科经局【配合单位】 / 各镇人民政府: a field's label ending the line, its value on the next."""
    from .markers import FIELD_LABEL
    if not text.endswith(("】", "〗", "]", ":")):
        return False
    ends = [m.end() for m in FIELD_LABEL.finditer(text)]
    return bool(ends) and not text[ends[-1]:].strip(" ::】〗]")


def _is_row(raw: str) -> bool:
    cells = split_row(raw, 2)
    if not cells:
        return False
    return len(cells) >= 3 or is_delimited(raw) or task_and_units(cells)


def squash(text: str) -> str:
    """Only letters, digits and ideographs: what coverage compares."""
    return NOT_ALNUM.sub("", text)
