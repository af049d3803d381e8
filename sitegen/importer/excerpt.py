"""Header fields a notice does not print: excerpts still import.

A staff member often has only the task list (a table or the attachment) without
the notice's title, issuer or date. What can be read is used; what is missing is
filled from what is known (the attachment's title, the government) and named in
the review report, so the import never writes a notice `sitegen build` rejects.
"""

from __future__ import annotations

import re

from .items import Parsed
from .jurisdiction import places_in
from .variants import compile_both

YEAR = re.compile(r"((?:19|20)\d{2})年")
# the verb of a title that passes another body's document on (重庆市人民政府办公厅贯彻落实国务院办公厅关于…的通知,
# …人民政府转发省人民政府关于…): the issuer is the office before it, not the text up to 关于
PASSING_ON = compile_both(r"(?<=[厅室府会局办委部])(?:贯彻落实|贯彻|落实|转发|批转)")
TITLE_MAX = 60


def fill_title(parsed: Parsed, text: str, warnings: list[str]) -> None:
    """Issuer from the title or the label, a title where none is printed, the year."""
    h = parsed.header
    if not h.issuer:
        before = PASSING_ON.split(h.title.split("关于")[0])[0] if "关于" in h.title else ""
        h.issuer = h.issuer_label or before or None
    if h.issuer_label and h.issuer and places_in(h.issuer_label) and not places_in(h.issuer):
        h.issuer = h.issuer_label  # 市人民政府办公室 says less than 鄂州市政府
    if not h.title:
        h.title = _stand_in_title(parsed, text)
        warnings.append(f"no title found; used {h.title!r}: set `title:` to the notice's title")
    year = YEAR.search(h.title)
    h.year = int(year.group(1)) if year else (int(h.published[:4]) if h.published else _any_year(text))
    if not h.published:
        warnings.append("no publication date found; add `published:` (YYYY-MM-DD) when it is known")
    for att in parsed.attachments:
        att.title = att.title or h.title  # an attachment's title is required too


def fill_issuer(parsed: Parsed, place: str | None, warnings: list[str]) -> None:
    """No issuer printed: the government itself stands in, and the report says so."""
    h = parsed.header
    if not h.issuer and place:
        h.issuer = place
        warnings.append(f"no issuer found; used the government's name {place}: set `issuer:` to the "
                        "office that issued the notice")


def _stand_in_title(parsed: Parsed, text: str) -> str:
    for att in parsed.attachments:
        if att.title and not re.fullmatch(r"附件\d*", att.title):
            return att.title[:TITLE_MAX]
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:TITLE_MAX]


def _any_year(text: str) -> int | None:
    m = YEAR.search(text[:2000])
    return int(m.group(1)) if m else None
