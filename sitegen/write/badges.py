"""Embeddable SVG badges at stable URLs: one per task (its status), one per unit (its roll-up).

Text and an icon carry the meaning, so a badge reads without colour; the SVGs
are made at build time, with no script and no external font.
"""

from __future__ import annotations

from ..content.model import Site
from ..render.rollup import of as rollup_of, task_state
from .escaping import xml_attr, xml_text
from .write import Shared

CHAR = 13  # width of one CJK character at font-size 12, in px; ASCII counts half
LEFT_TEXT = "进展"


def badge_files(site: Site):
    for task in site.tasks.values():
        yield task_badge(site, task)
    for unit in site.units:
        yield unit_badge(site, unit)


def task_badge(site: Site, task) -> tuple:
    state = task_state(site, task)
    right = f"{state.status.icon} {state.status.label}"
    if state.percent is not None:
        right += f" {state.percent}%"
    if state.overdue:
        right += " 逾期"
    return task.badge_url.lstrip("/"), svg(LEFT_TEXT, right, state.status.color)


def unit_badge(site: Site, unit) -> tuple:
    counts = rollup_of(site, unit.tasks)
    right = f"已完成 {counts.done}/{counts.total}"
    return unit.badge_url.lstrip("/"), svg("任务", right, "#1a7f37" if counts.done == counts.total else "#0b6e82")


def _width(text: str) -> int:
    return sum(CHAR // 2 + 1 if ord(c) < 128 else CHAR for c in text) + 12


def svg(left: str, right: str, color: str) -> Shared:
    lw, rw = _width(left), _width(right)
    label = f"{left}：{right}"
    return Shared((
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{lw + rw}" height="20" role="img" '
        f'aria-label="{xml_attr(label)}">'
        f"<title>{xml_text(label)}</title>"
        f'<rect width="{lw}" height="20" fill="#555"/>'
        f'<rect x="{lw}" width="{rw}" height="20" fill="{xml_attr(color)}"/>'
        '<g fill="#fff" font-family="PingFang SC,Noto Sans CJK SC,Microsoft YaHei,sans-serif" font-size="12">'
        f'<text x="6" y="14">{xml_text(left)}</text>'
        f'<text x="{lw + 6}" y="14">{xml_text(right)}</text>'
        "</g></svg>\n"
    ).encode())  # Shared: a badge's file is a hard link to the first with the same bytes
