"""Deadlines as notices print them (8月底前, 一季度末, 长期坚持) and the date each allows.

The printed form is always kept and shown; a date is derived only when the
phrase names one unambiguously. Anything else is kind "unknown" with no date:
a deadline is never guessed, since an invented date would mark a real
government's task overdue (or not) on our word rather than the notice's.

A point in time followed by 前 is that point (6月底前 → 6-30, 12月31日前 → 12-31).
A period followed by 前 is left unknown (6月前, 2020年前, 一季度前): "before
June" may mean by May 31 or by June 30, and the notices use both.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date

KINDS = ("date", "recurring", "ongoing", "unknown")


@dataclass(frozen=True)
class Deadline:
    printed: str
    date: date | None  # the last day the deadline allows
    kind: str  # one of KINDS


# --- normalisation --------------------------------------------------------

_FULL_WIDTH = str.maketrans(
    "０１２３４５６７８９．－／～（）：　",
    "0123456789.-/~(): ",
)
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = "[〇零○一二三四五六七八九十两]"


def _cn_to_int(word: str) -> int | None:
    """十二 → 12, 三十一 → 31, 二〇一九 → 2019 (digit by digit when there is no 十)."""
    if "十" not in word:
        digits = [_CN_DIGITS.get(ch) for ch in word]
        return None if None in digits else int("".join(map(str, digits)))
    tens, _, ones = word.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    high = _CN_DIGITS.get(tens) if tens else 1
    low = _CN_DIGITS.get(ones) if ones else 0
    return None if high is None or low is None else high * 10 + low


def _replace_cn_numbers(text: str) -> str:
    # Only numerals that count something dated: 十二月, 二〇一九年, 第一季度, 三十日.
    def swap(match: re.Match) -> str:
        value = _cn_to_int(match.group(1))
        return match.group(0) if value is None else f"{value}{match.group(2)}"

    return re.sub(f"({_CN_NUMBER}+)(年|月|日|号|季度)", swap, text)


def normalize(printed: str) -> str:
    """Full-width → ASCII, Chinese numerals → digits, no spaces or wrapping punctuation."""
    text = printed.translate(_FULL_WIDTH)
    text = re.sub(r"\s+", "", text).strip("()[]【】,,。;;")
    text = re.sub(r"^(?:完成时限|时限|时间)[::]", "", text)
    text = re.sub(r"^(?:于|在|到|至|截至|截止|截止到|力争|确保|力争在|力争于)", "", text)
    return _replace_cn_numbers(text)


# --- parsing --------------------------------------------------------------

_BEFORE = r"(?:之前|以前|前|为止|止)?"
_WITHIN = r"(?:以内|内)?"
_YEAR = r"(?:(?P<year>\d{4})年|(?P<rel>今|本|当|明|次)年)?"

_ONGOING = re.compile(r"(?:长期|持续|常态化|常年|长效)(?:坚持|推进|开展|实施|落实|进行|抓好)?")
_RECURRING = re.compile(r"(?:每|按)(?:个)?(?:季度|季|月|年度|年|半年|周|旬).*|定期.*")

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("ymd", re.compile(_YEAR + r"(?P<month>\d{1,2})月(?P<day>\d{1,2})[日号]" + _BEFORE)),
    ("ymd", re.compile(r"(?P<year>\d{4})[.\-/](?P<month>\d{1,2})[.\-/](?P<day>\d{1,2})日?" + _BEFORE)),
    ("month", re.compile(r"(?P<year>\d{4})[.\-/](?P<month>\d{1,2})月?(?:(?:底|末)" + _BEFORE + ")?")),
    ("month", re.compile(_YEAR + r"(?P<month>\d{1,2})月份?(?:(?:底|末)" + _BEFORE + "|" + _WITHIN + ")")),
    ("xun", re.compile(_YEAR + r"(?P<month>\d{1,2})月(?P<xun>上|中|下)旬(?:末" + _BEFORE + "|" + _WITHIN + ")")),
    ("quarter", re.compile(_YEAR + r"第?(?P<quarter>[1-4])季度?(?:(?:末|底)" + _BEFORE + "|" + _WITHIN + ")")),
    ("half", re.compile(_YEAR + r"(?P<half>上|下)半年(?:(?:末|底)" + _BEFORE + "|" + _WITHIN + ")")),
    ("range", re.compile(r"\d{4}年?[-—–~至到](?P<year>\d{4})年度?(?:(?:底|末)" + _BEFORE + "|" + _WITHIN + ")")),
    ("year", re.compile(r"(?P<year>\d{4})年度?(?:(?:底|末)" + _BEFORE + "|" + _WITHIN + ")")),
    ("year", re.compile(r"(?:(?P<rel>今|本|当|明|次)年年?|年)度?(?:底|末)" + _BEFORE)),
    ("year", re.compile(r"(?:(?P<rel>今|本|当|明|次)年年?|年)度?(?:内|以内)")),
    ("year", re.compile(r"(?P<rel>今|本|当|明|次)年度?")),
]


def _year(match: re.Match, default: int) -> int:
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    return default + 1 if groups.get("rel") in ("明", "次") else default


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _date_for(form: str, match: re.Match, year: int) -> date:
    """Raises ValueError for impossible dates (13月, 2月30日)."""
    g = match.groupdict()
    if form == "ymd":
        return date(year, int(g["month"]), int(g["day"]))
    if form == "month":
        return _month_end(year, int(g["month"]))
    if form == "xun":
        month = int(g["month"])
        return {"上": date(year, month, 10), "中": date(year, month, 20)}.get(g["xun"]) or _month_end(year, month)
    if form == "quarter":
        return _month_end(year, int(g["quarter"]) * 3)
    if form == "half":
        return _month_end(year, 6 if g["half"] == "上" else 12)
    return date(year, 12, 31)  # "year", "range"


@functools.lru_cache(maxsize=65536)  # roll-ups ask for the same few phrases per task, many times
def parse_deadline(printed: str, year: int) -> Deadline:
    """The deadline a notice of `year` printed; years not printed are the notice's year."""
    text = normalize(printed or "")
    if _ONGOING.fullmatch(text):
        return Deadline(printed, None, "ongoing")
    if _RECURRING.fullmatch(text):
        return Deadline(printed, None, "recurring")
    for form, pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            try:
                return Deadline(printed, _date_for(form, match, _year(match, year)), "date")
            except ValueError:
                break  # an impossible date is printed, not repaired
    return Deadline(printed, None, "unknown")


def is_overdue(deadline: Deadline | None, done: bool, as_of: date) -> bool:
    """Past its date without completion; deadlines with no date are never overdue."""
    if deadline is None or deadline.date is None or done:
        return False
    return as_of > deadline.date


# --- finding a deadline in a task's text ----------------------------------

_D = f"(?:[0-9０-９]|{_CN_NUMBER})"
_Y = f"(?:[0-9０-９]{{4}}年|{_CN_NUMBER}{{4}}年|[今本明]年)?"
_END_BEFORE = "(?:底|末)(?:之前|以前|前)"
_FIND = re.compile(
    r"(?<![0-9０-９〇零○一二三四五六七八九十两])(?:"
    + _Y + _D + "{1,3}月" + _D + "{1,3}[日号](?:之前|以前|前)"  # 12月31日前
    + "|" + _Y + _D + "{1,3}月" + _END_BEFORE  # 8月底前
    + "|" + _Y + _D + "{1,3}月[上中下]旬末(?:之前|以前|前)"  # 9月中旬末前
    + "|" + _Y + "第?" + _D + "季度" + _END_BEFORE  # 一季度末前
    + "|" + _Y + "[上下]半年" + _END_BEFORE
    + "|" + f"(?:[0-9０-９]{{4}}|{_CN_NUMBER}{{4}})年" + _END_BEFORE  # 2018年底前
    + ")"
    + "|(?<![0-9０-９〇零○一二三四五六七八九十两年])(?:(?:[今本]年年?|年)(?:底|末)(?:之前|以前|前))"  # 年底前
    + "|(?<![0-9０-９〇零○一二三四五六七八九十两个多半年近全几数])(?:[今本]?年内)"  # 年内, not 五年内
)


def find_deadline(text: str) -> str | None:
    """The one deadline phrase printed in a task's text (8月底前基本完成 → 8月底前).

    Conservative: only phrases that name an end point and parse to a date;
    None when there is none, or when the text names two different ones
    (6月底前出台方案,年底前全面完成), since picking one would be a guess.
    """
    found = []
    for match in _FIND.finditer(text or ""):
        phrase = match.group(0)
        if parse_deadline(phrase, 2000).kind == "date" and phrase not in found:
            found.append(phrase)
    return found[0] if len(found) == 1 else None
