from datetime import date

import pytest

from sitegen.content.deadlines import Deadline, find_deadline, is_overdue, parse_deadline

# printed form, notice year, expected date (None: no date), expected kind
TABLE = [
    ("2019年6月底前", 2019, date(2019, 6, 30), "date"),
    ("6月底前", 2017, date(2017, 6, 30), "date"),
    ("8月底前", 2017, date(2017, 8, 31), "date"),
    ("2月底前", 2020, date(2020, 2, 29), "date"),  # leap year
    ("年底前", 2017, date(2017, 12, 31), "date"),
    ("年内", 2023, date(2023, 12, 31), "date"),
    ("今年年底前", 2017, date(2017, 12, 31), "date"),
    ("本年度内", 2017, date(2017, 12, 31), "date"),
    ("明年6月底前", 2017, date(2018, 6, 30), "date"),
    ("一季度", 2019, date(2019, 3, 31), "date"),
    ("第一季度", 2019, date(2019, 3, 31), "date"),
    ("一季度末", 2019, date(2019, 3, 31), "date"),
    ("2019年二季度末前", 2017, date(2019, 6, 30), "date"),
    ("三季度末", 2019, date(2019, 9, 30), "date"),
    ("上半年", 2019, date(2019, 6, 30), "date"),
    ("下半年", 2019, date(2019, 12, 31), "date"),
    ("2017年12月", 2017, date(2017, 12, 31), "date"),
    ("2017年12月31日前", 2017, date(2017, 12, 31), "date"),
    ("12月31日前", 2014, date(2014, 12, 31), "date"),
    ("2017.12", 2017, date(2017, 12, 31), "date"),
    ("2017-12-31", 2017, date(2017, 12, 31), "date"),
    ("2017/6/30", 2017, date(2017, 6, 30), "date"),
    ("9月上旬", 2017, date(2017, 9, 10), "date"),
    ("9月中旬", 2017, date(2017, 9, 20), "date"),
    ("9月下旬", 2017, date(2017, 9, 30), "date"),
    ("2018年", 2017, date(2018, 12, 31), "date"),
    ("2018年底", 2017, date(2018, 12, 31), "date"),
    ("2019年6月", 2017, date(2019, 6, 30), "date"),
    ("2018-2020年", 2018, date(2020, 12, 31), "date"),
    ("2018年至2020年", 2018, date(2020, 12, 31), "date"),
    ("十二月", 2017, date(2017, 12, 31), "date"),
    ("十二月底前", 2017, date(2017, 12, 31), "date"),
    ("二〇一九年十二月三十一日前", 2019, date(2019, 12, 31), "date"),
    ("２０１９年６月底前", 2019, date(2019, 6, 30), "date"),  # full-width digits
    ("（2017年12月底前）", 2017, date(2017, 12, 31), "date"),
    ("完成时限:2017年12月", 2017, date(2017, 12, 31), "date"),
    ("长期坚持", 2017, None, "ongoing"),
    ("持续推进", 2017, None, "ongoing"),
    ("长期", 2017, None, "ongoing"),
    ("每季度", 2017, None, "recurring"),
    ("每月", 2017, None, "recurring"),
    ("每年", 2017, None, "recurring"),
    ("春节前", 2017, None, "unknown"),  # the date moves every year: never guessed
    ("6月前", 2017, None, "unknown"),  # by May 31 or by June 30?
    ("2020年前", 2017, None, "unknown"),
    ("一季度前", 2017, None, "unknown"),
    ("9月中旬前", 2017, None, "unknown"),
    ("年中", 2017, None, "unknown"),
    ("2月30日", 2017, None, "unknown"),  # impossible, printed as is
    ("13月底前", 2017, None, "unknown"),
    ("尽快", 2017, None, "unknown"),
    ("", 2017, None, "unknown"),
]


@pytest.mark.parametrize("printed, year, expected, kind", TABLE)
def test_parse_deadline(printed, year, expected, kind):
    deadline = parse_deadline(printed, year)
    assert deadline == Deadline(printed, expected, kind)


def test_table_is_large():
    assert len(TABLE) >= 25


def test_overdue_only_after_the_last_allowed_day():
    deadline = parse_deadline("6月底前", 2017)
    assert not is_overdue(deadline, False, date(2017, 6, 30))
    assert is_overdue(deadline, False, date(2017, 7, 1))


def test_done_and_dateless_deadlines_are_never_overdue():
    late = date(2030, 1, 1)
    assert not is_overdue(parse_deadline("6月底前", 2017), True, late)
    assert not is_overdue(parse_deadline("长期坚持", 2017), False, late)
    assert not is_overdue(parse_deadline("春节前", 2017), False, late)
    assert not is_overdue(None, False, late)


@pytest.mark.parametrize("text, expected", [
    ("8月底前基本完成", "8月底前"),
    ("2017年12月31日前完成验收。", "2017年12月31日前"),
    ("力争三季度末前完成", "三季度末前"),
    ("今年年底前完成改造", "今年年底前"),
    ("2018年底前实现全覆盖", "2018年底前"),
    ("年内建成10所学校", "年内"),
    ("十二月底前出台", "十二月底前"),
    ("６月底前出台", "６月底前"),
])
def test_find_deadline(text, expected):
    assert find_deadline(text) == expected


@pytest.mark.parametrize("text", [
    "6月底前出台方案,年底前全面完成",  # two deadlines: which one is a guess
    "五年内建成",  # a duration, not a deadline
    "上半年GDP增长7%",
    "3个月前已经启动",
    "6月前完成",  # ambiguous, see parse_deadline
    "长期坚持",
    "",
])
def test_find_deadline_is_conservative(text):
    assert find_deadline(text) is None


def test_repeated_phrase_is_one_deadline():
    assert find_deadline("8月底前完成方案,8月底前报市政府") == "8月底前"
