"""The progress status vocabulary: ids for files and URLs, labels for readers.

A badge shows the icon and the label beside the colour, so it reads without
colour; every default colour still gives white text a contrast of at least
4.5:1 (WCAG AA), checked in tests/test_progress_statuses.py.
"""

from __future__ import annotations

from dataclasses import dataclass

NOT_REPORTED = "not-reported"


@dataclass(frozen=True)
class Status:
    id: str
    label: str
    color: str  # "#rrggbb", the badge background; badge text is white
    icon: str  # one character, so the badge reads without colour
    done: bool = False  # counts as completed and is never overdue
    order: int = 0  # display order: the position in site.yaml's list


DEFAULT_STATUSES: tuple[Status, ...] = (
    Status("completed", "已完成", "#1a7f37", "✔", True, 0),
    Status("ahead", "超进度", "#0a58ca", "▲", False, 1),
    Status("on-track", "达进度", "#0b6e82", "●", False, 2),
    Status("behind", "欠进度", "#b42318", "▼", False, 3),
    Status("not-started", "未启动", "#5c6670", "○", False, 4),
    Status(NOT_REPORTED, "未报告", "#8a5a00", "?", False, 5),
)


def status_from_mapping(item: dict, order: int) -> Status:
    """One status of site.yaml's `statuses` list (already validated by the loader)."""
    return Status(
        id=str(item["id"]), label=str(item["label"]), color=str(item["color"]),
        icon=str(item["icon"]), done=bool(item.get("done", False)), order=order,
    )


def _plain(value) -> str:
    # Spreadsheet cells carry stray spaces and full-width spaces around labels.
    return str(value).replace("\u3000", " ").strip()


def status_by_label_or_id(statuses, value) -> Status | None:
    """The status whose id or label is `value` (spreadsheets carry labels), else None."""
    wanted = _plain(value)
    for status in statuses:
        if wanted == status.id or wanted == status.label:
            return status
    lowered = wanted.lower()  # "Completed" typed by hand is still the id
    for status in statuses:
        if lowered == status.id:
            return status
    return None
