"""Numbered paragraphs that are not tasks: the notice's own requirements, questions.

Decided by shape, after an attachment is parsed: an item names nobody responsible
(no unit, no leader, no heading that names one) where the items around it do, or
nothing in the whole part names anybody. Such items go back into the text of the
section they stood in, and the review report lists each with the reason.
"""

from __future__ import annotations

import re

from .items import Attachment, Section, Task
from .variants import compile_both

QUESTION_END = ("?", "？")
# 各牵头单位要于每季度末…, 各乡镇、各部门须…, 请各单位于…报送: a sentence telling the units themselves what to do — the
# notice's own requirement printed in the list's numbering, where it names nobody as responsible
ADDRESSED = compile_both(r"^(?:请各|各[^。;;,,::]{0,16}?(?:要|须|务必))")
# 2023年重点工作任务分解表.doc: a file's name, the web page's link to download an attachment
FILE_NAME = re.compile(r"\.(?:docx?|xlsx?|wps|et|pdf|ofd|zip|rar)\s*$", re.I)


def leave_out(att: Attachment, left_out: list[str]) -> None:
    """Move the items of att that are not tasks into their section's text; record why in left_out."""
    places = list(_places(att.tasks, None, att.sections))
    if not places:
        return
    attributed = [task for task, _, leader in places if _names_someone(task, leader)]
    for task, section, leader in places:
        reason = _reason(task, section, leader, attributed, places)
        if reason:
            _move(att, section, task)
            left_out.append(f"{task.number or '-'} {_start(task)}: {reason}")


def _places(tasks: list[Task], section: Section | None, sections: list[Section], leader: bool = False):
    """(task, its section, whether a heading above it names a leader), in printed order."""
    for task in tasks:
        yield task, section, leader
    for sub in sections:
        yield from _places(sub.tasks, sub, sub.sections, leader or bool(sub.leader))


def _names_someone(task: Task, leader_heading: bool) -> bool:
    return bool(task.units or task.leader or leader_heading)


def _reason(task, section, leader_heading, attributed, places) -> str | None:
    if _names_someone(task, leader_heading):
        return None
    if task.text.rstrip().endswith(QUESTION_END):
        return "a question, not an assignment"
    if FILE_NAME.search(task.text):
        return "a file's name (the page's link to an attachment), not an assignment"
    if ADDRESSED.match((task.title or "") + task.text):
        return "a requirement addressed to the units themselves, not an assignment"
    if not attributed:
        return "no item of this part names a responsible unit or leader: the notice's own numbered paragraphs"
    neighbours = [t for t, s, _ in places if s is section]
    if section is not None and not any(t in attributed for t in neighbours):
        return "no item under its heading names a responsible unit: the notice's own requirements?"
    return None


def _move(att: Attachment, section: Section | None, task: Task) -> None:
    owner = section.tasks if section is not None else att.tasks
    owner.remove(task)
    text = "".join(p for p in (task.number and f"{task.number}.", task.title, task.text) if p)
    (section.text if section is not None else att.footer).append(text)


def _start(task: Task) -> str:
    text = (task.title or "") + task.text
    return text[:24] + ("…" if len(text) > 24 else "")
