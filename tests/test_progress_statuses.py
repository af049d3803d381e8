"""The default status vocabulary: ids, labels, icons and readable colours."""

import pytest

from sitegen.content.statuses import DEFAULT_STATUSES, NOT_REPORTED, Status, status_by_label_or_id


def contrast_with_white(color: str) -> float:
    """WCAG 2 contrast ratio of white text on `color`."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def test_default_vocabulary():
    assert [(s.id, s.label, s.icon) for s in DEFAULT_STATUSES] == [
        ("completed", "已完成", "✔"), ("ahead", "超进度", "▲"), ("on-track", "达进度", "●"),
        ("behind", "欠进度", "▼"), ("not-started", "未启动", "○"), (NOT_REPORTED, "未报告", "?"),
    ]
    assert [s.id for s in DEFAULT_STATUSES if s.done] == ["completed"]
    assert [s.order for s in DEFAULT_STATUSES] == list(range(6))


@pytest.mark.parametrize("status", DEFAULT_STATUSES, ids=lambda s: s.id)
def test_white_text_is_readable_on_every_badge(status):
    assert contrast_with_white(status.color) >= 4.5


@pytest.mark.parametrize("value, expected", [
    ("completed", "completed"), ("已完成", "completed"), (" 达进度 ", "on-track"),
    ("\u3000欠进度", "behind"), ("Completed", "completed"), ("未报告", NOT_REPORTED),
])
def test_status_by_label_or_id(value, expected):
    assert status_by_label_or_id(DEFAULT_STATUSES, value).id == expected


def test_unknown_status_is_none():
    assert status_by_label_or_id(DEFAULT_STATUSES, "完成") is None
    custom = [Status("done", "办结", "#1a7f37", "✔", True, 0)]
    assert status_by_label_or_id(custom, "办结").id == "done"
    assert status_by_label_or_id(custom, "已完成") is None
