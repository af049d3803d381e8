"""A whole notice: header, the notice's own text (body), and its attachments."""

from __future__ import annotations

import re
from dataclasses import replace

from .attribution import (
    LABEL as ROLE_FIELD,
    ROLE_WORD,
    RULE,
    inline_attribution,
    inner_attributions,
    item_head,
    whole_attribution,
)
from .boxlist import box_rows_as_lines
from .columns import unit_list_cell
from .coverage import Ledger
from .header import BULLETS, DOC_NUMBER, LABEL, SIGNATURE_DATE, TITLE_END, find_salutation, find_signature, parse_header
from .headings import HeadingLines
from .items import Attachment, Body, Leader, Parsed
from .leaders import heading_leaders
from .markers import ATTACHMENT, ATTRIBUTION_LINE, BULLET, OPEN, RANK, marker, starts_item
from .nottasks import leave_out
from .rows import tab_rows_rejoined
from .rowtable import CONTINUED, group_section
from .runtogether import is_run_together_header, run_together_table, starts_row, tables_apart
from .structure import (
    add_deadlines,
    add_titles,
    apply_heading_units,
    heading_units,
    merge_repeated_units,
    parse_items,
    section_sentence,
)
from .tables import (
    NUMBER as ROW_NUMBER,
    broken_header_above,
    header_starts,
    headless_cells,
    headless_start,
    headless_table,
    is_column_label,
    is_table_row,
    is_table_start,
    parse_table,
    unnumbered_header,
)
from .text import Line, join_broken, joined, split_lines
from .variants import compile_both, simplified

HEADING_MARKS = ("part", "ordinal", "cn", "pcn")  # the marks a heading above a table is printed with
ORIGIN = compile_both(r"^(?:\d{4}年)?(?P<level>省|市|区|县)(?:《|政府|<)")
SPACED_ROW = re.compile(r"^\d{1,3} [\u4e00-\u9fff]")  # 3 安排财政赤字…: a table row whose cells single spaces split
BRACKETED_LINE = re.compile(r"^[((][^(())]*[))]$")  # a whole bracketed line: (济政办字〔2017〕22号)


def parse_document(text: str) -> tuple[Parsed, Ledger, dict]:
    rows_text, origins = tab_rows_rejoined(text)
    raw_lines, furniture = split_lines(rows_text)
    if origins is not None:  # lines joined: each line's numbers are those of the source lines it came from
        raw_lines = [replace(line, nos=tuple(n for no in line.nos for n in origins[no - 1])) for line in raw_lines]
        furniture = [(origins[no - 1][0], piece) for no, piece in furniture]
    raw_lines = box_rows_as_lines(raw_lines)  # a box no table reader knows: the lines its rows print
    raw_lines = tables_apart(raw_lines)  # a table run into one paragraph: its header and rows apart
    run_together = any(is_run_together_header(line) for line in raw_lines)
    lines, joins = join_broken(raw_lines, _starts_or_row if run_together else _starts)
    lines = _titles_rejoined(lines, joins)
    ledger = Ledger()
    sal = find_salutation(lines)
    header_end = sal if sal is not None else _first_structure(lines)
    header, pieces, dropped = parse_header(lines[:header_end])
    for piece, line in pieces:
        ledger.place(piece, line.nos, header)
    for line in lines[:header_end]:
        ledger.seen.update(line.nos)
    starts = _attachment_starts(lines, header_end)
    if starts and _holds_tasks(lines[header_end:starts[0]]):
        starts.insert(0, header_end)  # tasks, signed and dated, then 附件2: the tasks before it are a part too
    body = Body()
    for line in lines[header_end:starts[0] if starts else len(lines)]:
        body.paragraphs.append(line.text)
        ledger.place(line.text, line.nos, body)
    signature = find_signature(lines)
    if signature:
        header.issuer = signature[1]
        header.published = header.published or signature[2]
    parsed = Parsed(header=header, body=body, attachments=[], leaders=[])
    rule, carries = _rule_in(lines), True  # 列第一位者为牵头单位 said anywhere holds for every attachment
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        att, rule, carries = _attachment(_attachment_lists_joined(lines[start:end], joins), index + 1, ledger, parsed,
                                         rule if carries else None)
        if not att.columns:  # a table's rows are its tasks; prose items are checked for what they are
            leave_out(att, parsed.left_out)
        parsed.attachments.append(att)
    facts = {"furniture": furniture + dropped, "joins": joins,
             "furniture_lines": {no for no, _ in furniture},
             "source_lines": {no: t for no, t in enumerate(text.splitlines(), 1)}}
    return parsed, ledger, facts


def _starts(text: str, heading_only: bool = False) -> bool:
    """starts_item, and header lines of labels (发布机构: …), which never run on."""
    if heading_only and TITLE_END.search(text):
        return True  # …的通知: a title ends there
    return starts_item(text, heading_only) or bool(LABEL.match(text.lstrip(BULLETS))) \
        or bool(DOC_NUMBER.fullmatch(text)) or bool(BRACKETED_LINE.match(text)) or bool(SPACED_ROW.match(text))


def _starts_or_row(text: str, heading_only: bool = False) -> bool:
    """In a notice with a run-together table, a line starting with a number and a text is a row: one line,
    never run on from the line above or onto the line below."""
    return _starts(text, heading_only) or starts_row(text)


def _first_structure(lines: list[Line]) -> int:
    """Where the header ends: at the first numbered item, table, task line or long paragraph, or earlier where
    a table printed without its header starts (an excerpt that begins between a table's rows: its rows have no
    marker or header to end the header by, and would be read as the title)."""
    end = _first_marked(lines)
    headless = headless_table(lines[:end]) or headless_cells(lines[:end])
    return min(end, headless[0]) if headless else end


def _first_marked(lines: list[Line]) -> int:
    for i, line in enumerate(lines):
        if marker(line.text) or ATTACHMENT.match(line.text) or is_table_start(line) or is_run_together_header(line):
            return i
        if header_starts(lines, i, HEADER_SCAN) or headless_start(lines, i):
            return i  # 工作任务 / 具体要求 / 责任科室: a table's header one label a line, without 序号; or no header
        if line.text.endswith("。") and i + 1 < len(lines) and marker(lines[i + 1].text):
            return i  # 在23万吨。 / (1)…: a sentence an excerpt starts inside, before the items; no title ends so
        if i + 1 < len(lines) and marker(lines[i + 1].text) and HeadingLines().units(line.text, True):
            return i  # 县住建局: / 1.…: a unit's heading over its numbered tasks
        if _attributed(line.text):  # a task's line; an attribution alone (long or short) belongs to the line before
            return i - 1 if i > 0 and _alone(line.text) and not marker(lines[i - 1].text) else i
        if len(line.text) > 60:
            return i
    return len(lines)


TITLE_LINE = re.compile(r"^[^。!?,;、]{2,20}[。!?]$")  # 深化改革创新。: a short title sentence, nothing after it
TITLE_LINE_MAX = 30  # the title and the longest number before it (第十二条, (十二))


def _titles_rejoined(lines: list[Line], joins: list[tuple[int, ...]]) -> list[Line]:
    """A numbered title sentence on a line of its own, the task's one paragraph below it ((二)深化改革创新。 /
    积极推进…(责任单位:…)) is one task, its title first, as when printed on one line; a title over several
    paragraphs, or over none that says who does the work, heads a section."""
    out: list[Line] = []
    phrases = _phrase_titles(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        rest, kind = _title_of(line.text) if len(line.text) <= TITLE_LINE_MAX else ("", "")
        if rest and (TITLE_LINE.match(rest) or i in phrases) and i + 1 < len(lines) \
                and _one_task_below(lines, i + 1, kind):
            out.append(joined(line, lines[i + 1]))
            joins.append(out[-1].nos)
            i += 2
            continue
        out.append(line)
        i += 1
    return out


TITLE_PHRASE = re.compile(r"^[^。!?,;、::]{2,20}$")  # 进一步推进权力清单和责任清单公开: a title without its full stop


def _phrase_titles(lines: list[Line]) -> set[int]:
    """Numbered titles printed without a full stop, each alone on its line over one paragraph that says who does
    the work ((一)进一步推进权力清单公开 / 对权力清单…(责任单位:X)): read as titles of their tasks, as a title sentence
    is, where every such title of their marker type is printed so (two at least); one over a paragraph that names
    nobody heads a section, and so do all of its type."""
    found: dict[str, list[int]] = {}
    spoiled: set[str] = set()
    for i, line in enumerate(lines[:-1]):
        m = marker(line.text)
        if m is None or len(line.text) > TITLE_LINE_MAX or not TITLE_PHRASE.match(m.rest) \
                or heading_units(m.rest) or heading_leaders(m.rest)[0]:
            continue
        if _one_paragraph_below(lines, i, RANK[m.type]) and _one_task_below(lines, i + 1, m.type):
            found.setdefault(m.type, []).append(i)
        else:
            spoiled.add(m.type)
    return {i for kind, at in found.items() if kind not in spoiled and len(at) >= 2 for i in at}


ONE_TASK_LINES = 12  # lines looked at below a title: its one task's paragraph and label lines, and more


def _one_paragraph_below(lines: list[Line], i: int, rank: int) -> bool:
    """Is one paragraph (and its label lines) all that line i holds before the next item of its rank or above? A
    title over items or over several paragraphs heads them."""
    for line in lines[i + 2:i + 2 + ONE_TASK_LINES]:
        m = marker(line.text)
        if m:
            return RANK[m.type] <= rank
        if not _field_line(line.text):
            return False
    return True


ATTACHMENT_LIST = compile_both(r"^附\s*件\s*[::]\s*1\s*[.、．]")  # 附件:1.2021年民生实事项目清单
# 附件: alone (附件下载:, 相关附件: on a web page), its list 1.X / 2.Y on the lines below
ATTACHMENT_LIST_OPEN = compile_both(r"^(?:相关)?附\s*件(?:下载)?\s*[::]$")


def _attachment_lists_joined(lines: list[Line], joins: list[tuple[int, ...]]) -> list[Line]:
    """附件:1.X / 2.Y / 3.Z printed inside a part of tasks (after them, as a covering letter prints it before
    its signature): the notice's list of its attachments, one paragraph; its items 2., 3. … are no tasks. So is
    附件: alone with its list 1.X / 2.Y below it."""
    out: list[Line] = []
    expected = 0
    for i, line in enumerate(lines):
        m = marker(line.text) if expected else None
        after = lines[i + 1].text if i + 1 < len(lines) else ""
        # (a document's name has no fields: 1.X / 牵头单位:Y under 附件: is the attachment's first task)
        if m and m.type == "num" and m.number == str(expected) and _document_name(m.rest) and not _field_line(after):
            out[-1] = joined(out[-1], line)
            joins.append(out[-1].nos)
            expected += 1
            continue
        expected = 2 if ATTACHMENT_LIST.match(line.text) else 1 if ATTACHMENT_LIST_OPEN.match(line.text) else 0
        out.append(line)
    return out


def _document_name(text: str) -> bool:
    """2021年民生实事项目清单: a document's name — short, no sentence, nobody named."""
    return len(text) <= ATTACHMENT_NAME_MAX and not text.endswith(("。", ";", ";")) and not _attributed(text)


ATTACHMENT_NAME_MAX = 40


def _title_of(text: str) -> tuple[str, str]:
    """(the text after the number or bullet, the marker type; a bullet's items rank below every number)."""
    m = marker(text)
    if m:
        return m.rest, m.type
    bullet = BULLET.match(text)
    return (text[bullet.end():], "") if bullet else ("", "")


def _one_task_below(lines: list[Line], i: int, kind: str) -> bool:
    """Is line i an unnumbered paragraph that, or one of the label lines after it, says who does the work? Read up
    to the next item of `kind` or above, a bullet or a second paragraph (a second paragraph is not refused here:
    _one_paragraph_below asks that where it matters)."""
    first = lines[i].text
    if marker(first) or starts_item(first) or heading_units(first) or section_sentence(first):
        return False
    said = _attributed(first)
    for line in lines[i + 1:]:
        m = marker(line.text)
        if _ends_task_below(line.text, m, kind):
            break
        said = said or _attributed(line.text) or bool(ATTRIBUTION_LINE.match(line.text))
    return said


def _ends_task_below(text: str, m, kind: str) -> bool:
    """The next item of `kind` or above, a bullet, or a second paragraph: the title's one task has ended. A
    bulleted task's sub-items are numbered (1) or ①; a number 1. or above is the next task or heading."""
    if m:
        return RANK[m.type] <= RANK[kind or "num"]
    return bool(BULLET.match(text)) or not _field_line(text)


def _field_line(text: str) -> bool:
    """A label line of a task (牵头单位:X), or the unit list under a label alone."""
    return bool(ATTRIBUTION_LINE.match(text) or _alone(text))


def _attributed(text: str) -> bool:
    """A line that says who does the work is a task's (an excerpt may start inside one), never a header's."""
    if _alone(text) or item_head(text):
        return True
    tail = inline_attribution(text)
    if not tail or not tail[0].strip():
        return False
    # 【承办单位:X】【分管领导:Y】: a bracket per field, the last one naming the leader or the deadline
    field = tail[1].lstrip()
    return bool(ROLE_WORD.search(field) or ROLE_FIELD.match(field) or ROLE_FIELD.match(field.lstrip(OPEN))
                or any(ROLE_WORD.search(raw) for raw in inner_attributions(tail[0])))


TASKS_IN_BODY = 2  # a covering letter may say who reports to whom once; a list of tasks names several


def _holds_tasks(lines: list[Line]) -> bool:
    return sum(1 for line in lines if _attributed(line.text)) >= TASKS_IN_BODY


def _alone(text: str) -> bool:
    return whole_attribution(text) and bool(ROLE_WORD.search(text))


def _attachment_starts(lines: list[Line], begin: int) -> list[int]:
    marked = [i for i in range(begin, len(lines)) if ATTACHMENT.match(lines[i].text)]
    if marked:
        return marked
    # no 附件 label: the attachment follows the signature date (济阳, 鄂州)
    for i in range(begin, len(lines) - 1):
        if SIGNATURE_DATE.match(lines[i].text):
            j = i + 1
            while j < len(lines) and re.match(r"^[((][^))]*[))]$", lines[j].text):
                j += 1  # (此件正文公开发布,附件不公开) belongs to the notice's text
            if j < len(lines):
                return [j]
    first = _first_structure(lines[begin:])
    return [begin + first] if begin + first < len(lines) else []


def _attachment(lines: list[Line], position: int, ledger: Ledger, parsed: Parsed, rule):
    att = Attachment()
    label = ATTACHMENT.match(lines[0].text)
    rest = lines
    if label:
        att.number = label.group("n")
        att.title = (label.group("title") or "").strip()
        ledger.place(att.title, lines[0].nos, att)  # 附件N itself is structure, kept as `number`
        rest = lines[1:]
    title_lines = 0
    while not att.title or (title_lines and title_lines < 3):
        if title_lines >= len(rest) or not _title_like(rest[title_lines]) or _attributed(rest[title_lines].text) \
                or _wrapped_sentence(rest, title_lines) or HeadingLines().units(rest[title_lines].text, True):
            break
        if title_lines and _assigned_below(rest, title_lines):
            break  # 推进乡村振兴 / 牵头单位:X: a task printed as a heading line, its attribution under it
        if title_lines and (unit_list_cell(rest[title_lines].text) or _whole_table_title(att.title, rest[title_lines])
                            or header_starts(rest, title_lines, HEADER_SCAN)):
            break  # …分解表 / 区教体局, 重点 / 任务 / 责任 / 单位: a table's cell or header, never a title's end
        att.title += rest[title_lines].text
        ledger.place(rest[title_lines].text, rest[title_lines].nos, att)
        title_lines += 1
    rest = rest[title_lines:]
    att.title = att.title or (f"附件{att.number}" if att.number else parsed.header.title)
    origin = ORIGIN.match(att.title)
    att.origin = simplified(origin.group("level")) if origin else None  # a level for now; import resolves it
    table_at = next((i for i, line in enumerate(rest) if is_table_start(line)), None)
    if table_at and broken_header_above(rest, table_at):
        table_at -= 1
    if table_at is None:
        table_at = unnumbered_header(rest)
    columns = None
    if table_at is None:
        table_at, columns = headless_table(rest) or headless_cells(rest) or (None, None)
    if table_at is None and (run := run_together_table(rest, parsed.notes)) is not None:
        table_at, rest = run  # cells with nothing between them, split by content
    if table_at is not None:
        above = _heading_above(rest[:table_at])
        for line in rest[:table_at - (above is not None)]:
            att.preamble.append(line.text)
            ledger.place(line.text, line.nos, att)
        parse_table(att, rest[table_at:], ledger, _leader_sink(parsed), rule or _rule_in(lines), columns)
        if above is not None:
            _enclose(att, above, ledger, _leader_sink(parsed))
        carries = False
    else:
        rule, carries = parse_items(att, rest, ledger, parsed.leaders, rule, parsed.notes)
        add_titles(att)
    add_deadlines(att)
    merge_repeated_units(att)
    return att, rule, carries


def _heading_above(preamble: list[Line]) -> Line | None:
    """二、李丹常务副区长牵头重点工作 printed just above a table's header: a numbered heading naming the
    leader or the lead unit of every row below it."""
    if not preamble:
        return None
    line = preamble[-1]
    m = marker(line.text)
    if m is None or m.type not in HEADING_MARKS:
        return None
    return line if heading_leaders(m.rest)[0] or heading_units(m.rest) else None


def _enclose(att: Attachment, line: Line, ledger: Ledger, sink) -> None:
    """The rows (and group rows) of the table go under the heading printed above it."""
    m = marker(line.text)
    section = group_section(m.rest if m else line.text, sink)
    section.number = m.number if m else None
    section.tasks, section.sections = att.tasks, att.sections
    att.tasks, att.sections = [], [section]
    ledger.place(line.text, line.nos, section)
    apply_heading_units(att.sections, [])


def _wrapped_sentence(lines: list[Line], i: int) -> bool:
    """Line i starts a sentence wrapped at a column's width (开工建 / 设老年 / 大学。): two lines or more
    equally long, then one no longer closing the sentence, no separator between them — a table's text cell,
    no title (a title and a one-line sentence under it are not enough)."""
    width = len(lines[i].text)
    for j in range(i + 1, min(len(lines), i + WRAP_LINES)):
        line = lines[j]
        if line.blank_before or line.ruled or len(line.text) > width:
            return False
        if line.text.endswith(("。", ";", "；")):
            return j >= i + 2
        if len(line.text) != width:
            return False
    return False


WRAP_LINES = 5


def _assigned_below(lines: list[Line], i: int) -> bool:
    below = lines[i + 1].text if i + 1 < len(lines) else ""
    return bool(ATTRIBUTION_LINE.match(below)) or _alone(below)


def _leader_sink(parsed: Parsed):
    """Leaders named in a table's leader column go to the notice's leaders, once each."""
    def sink(name: str, title: str) -> None:
        if all(leader.name != name for leader in parsed.leaders):
            parsed.leaders.append(Leader(name, title))
    return sink


def _rule_in(lines: list[Line]) -> str | None:
    """列第一位者为牵头单位 printed above a table (or in it) holds for its unit cells."""
    for line in lines:
        m = RULE.search(line.text)
        if m:
            return m.group(0)
    return None


HEADER_SCAN = 16  # lines a header's labels broken a few characters a line take at most
TABLE_TITLE_END = compile_both(r"表》?$")
BRACKETED_NOTE = compile_both(r"^[(（].*[)）]$")


def _whole_table_title(title: str, following: Line) -> bool:
    """…任务分解表: a table's title is whole; the next line is the table's (民生类, a row's text), unless it is a
    note in brackets ((第一批))."""
    return bool(TABLE_TITLE_END.search(title)) and not BRACKETED_NOTE.match(following.text)


def _title_like(line: Line) -> bool:
    text = line.text
    return len(text) <= 40 and not starts_item(text) and not is_table_start(line) and not CONTINUED.match(text) \
        and not is_run_together_header(line) \
        and not text.endswith(("。", ":", ":")) and not is_table_row(line) and not ROW_NUMBER.match(text) \
        and not is_column_label(line)
