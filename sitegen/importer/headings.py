"""Headings that name the unit in charge of every task under them, printed without 牵头.

A list grouped by unit prints the unit alone as the heading (一、县发展和改革局(3项), (一)市教育局, 县住建局:,
【市水务局】) or with a word that says the tasks are its share (县农业农村局负责的工作, 市科技局承担的工作任务,
县市场监管局责任清单, 区卫健委任务(3项)). Such a heading names the unit responsible for each task under it, not
a unit marked as leading (as a 责任单位 field does); `X(牵头单位)` and `X牵头:` mark it as leading.
"""

from __future__ import annotations

import re

from .items import Unit
from .leaders import FIELD_OPEN, HEADING_FIELD, NAME_TITLE
from .units import COLLECTIVE, NOT_A_NAME, START_OF_UNIT, looks_like_unit, name_shaped, parse_group
from .variants import compile_both

# a count may follow the heading: 一、县示范区管委会牵头工作(8项) / (共12项)
HEADING_COUNT = r"(?:\s*[((]\s*共?\s*[0-9一二三四五六七八九十百]+\s*[项件条个]\s*[))])?"
COUNT_AT_END = re.compile(HEADING_COUNT + "$")
# the words after the unit that make the heading its share of the work, and the role they give it
SHARE = compile_both(r"^(?P<unit>.+?)(?:(?P<lead>[((]牵头(?:单位|部门)?[))]|牵头)"
                     r"|(?:负责|承担)(?:的[\u4e00-\u9fff]{1,10})?"  # 负责的工作, 承担的民生实事
                     r"|的?(?:重点|主要)?(?:工作)?(?:任务|责任)(?:清单|分解)?|责任清单)?"
                     + HEADING_COUNT + r"\s*[。::]?$")
# a heading line of its own, not numbered: the unit in square brackets (【市水务局】) or before a colon (县住建局:)
BRACKETED = compile_both(r"^[【〖\[［](?P<inner>[^】〗\]］]+)[】〗\]］]$")
COLON_ENDED = compile_both(r"^(?P<inner>[^::。;;]+)[::]$")
# a township's name (城关镇, 柳河乡, 东城街道): its own stem, no level before it
TOWNSHIP = compile_both(r"^[\u4e00-\u9fff]{2,4}(?:(?<!城)[镇乡]|街道|街道办事处)$")  # (统筹城乡 is none)
# an office of a department's own list (办公室, 综合统计股, 财务科): short, no level before it
OFFICE = compile_both(r"^[\u4e00-\u9fff]{0,6}(?:办公室|股|科)$")
HEADING_MAX = 30  # a heading is short; a longer line that names a unit first is a task's sentence


def unit_heading(heading: str, collectives: bool = True) -> list[Unit]:
    """The units a heading printed without 牵头 names as in charge of every task under it (responsible), or
    marks as leading (X(牵头单位), X牵头:); [] for any other heading. A leader field at its end (县发改局(分管领导:
    张三)) is the leader's; `collectives`: a collective (各乡镇(街道)) may be the unit."""
    if len(heading) > HEADING_MAX:
        return []
    field = HEADING_FIELD.search(heading, max(map(heading.rfind, FIELD_OPEN)))
    m = SHARE.match(heading[:field.start()] if field else heading.strip())
    if not m:
        return []
    names = m.group("unit").strip()
    if leader_beside(names):
        names = names.split("、", 1)[1]
    if not _only_units(names, collectives):
        return []
    return parse_group(names, "牵头" if m.group("lead") else "责任")


def leader_beside(heading: str) -> tuple[str, str] | None:
    """刘洪涛副县长、县发改局: the leader (name, post) printed before the units of a unit heading, else None."""
    first, _, rest = heading.partition("、")
    m = NAME_TITLE.match(first)
    if m and m.end() == len(first) and rest and _only_units(rest, collectives=True):
        return m.group("name"), m.group("title")
    return None


class HeadingLines:
    """Unit headings alone on a line, not numbered: 县住建局: (a colon ends no attribution), and 【市水务局】 in a
    list that prints its first one before any task — after a task, a bracket naming units alone is that task's
    attribution (1.新辟公交线路。 / 【市交通运输局】), so the first such bracket decides for the whole list."""

    def __init__(self) -> None:
        self.brackets: bool | None = None  # are 【X】 lines headings here? (None: none seen yet)

    def units(self, text: str, before_tasks: bool) -> list[Unit]:
        """The units of a unit heading line, else []; `before_tasks`: no task has been read yet."""
        text = text.strip()
        bracketed = BRACKETED.match(text)
        if not bracketed:  # (各乡镇人民政府,县直各单位: is the covering letter's addressees)
            return unit_heading(text, collectives=False) if COLON_ENDED.match(text) else []
        units = _bare_units(bracketed.group("inner")) if self.brackets is not False else []
        if units and self.brackets is None:
            self.brackets = before_tasks
        return units if self.brackets else []


def _bare_units(text: str) -> list[Unit]:
    """The unit a bracketed heading names alone (【市水务局】, 【县商务局(2项)】); a bracket with more words
    ([省编办负责]) is an attribution."""
    names = COUNT_AT_END.sub("", text).strip()
    return parse_group(names, "责任") if _only_units(names, collectives=True) else []


def _only_units(names: str, collectives: bool = False) -> bool:
    """Is the text nothing but unit names (县发改局、县财政局)? See _unit_name."""
    return all(_unit_name(piece, collectives) for piece in names.split("、"))


def _unit_name(piece: str, collectives: bool) -> bool:
    """A unit's name printed with its level or place first (县发改局), a township's (城关镇), a department's office
    (综合统计股), or where `collectives`, a collective (各乡镇(街道)). A topic heading that ends as a unit's name does
    (建设区域物流中心) opens with its verb and is none."""
    if TOWNSHIP.match(piece) or OFFICE.match(piece):
        return not NOT_A_NAME.search(piece)  # (加强学科 is no office)
    return looks_like_unit(piece) and name_shaped(piece) and (collectives or not COLLECTIVE.search(piece)) \
        and bool(START_OF_UNIT.match(piece))
