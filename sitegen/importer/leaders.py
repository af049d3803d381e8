"""Leaders named in headings (钱三雄市长牵头重点工作, (许继清副市长协助推进)) and lines."""

from __future__ import annotations

import re

from .variants import both, compile_both

TITLE = both(r"(?:常务)?副?(?:省|市|区|县|州|镇|乡|旗|盟)长|(?:常务)?副?(?:主任|书记|秘书长|总理|主席)|国务委员"
             r"|(?:省|市|区|县)委(?:常委|副?书记)|(?:省|市|区|县)政府(?:党组成员|秘书长)")
# one person's several posts joined with 、 (李丹常委、常务副区长牵头重点工作); 常委 alone is 区委常委 shortened
POSTS = rf"(?:{TITLE}|常委)(?:、(?:{TITLE}))*"
NAME_TITLE = compile_both(rf"^(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<title>{TITLE})")
TITLE_NAME = compile_both(rf"^(?P<title>{TITLE})(?P<name>[\u4e00-\u9fff]{{2,3}})(?:同志)?$")  # 副市长张三
COMRADE = compile_both(r"^(?P<name>[\u4e00-\u9fff]{2,3})同志$")
# heading forms: 钱三雄市长牵头重点工作, 由张三副市长负责, 张三同志负责的工作, 副市长张三牵头
LEAD_VERB = r"(?:牵头|负责|分管|领衔|主抓|联系)"
LEADS = compile_both(rf"^(?:由)?(?:(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<title>{POSTS})(?:同志)?"
                     rf"|(?P<title2>{TITLE})(?P<name2>[\u4e00-\u9fff]{{2,3}}?)(?:同志)?"
                     rf"|(?P<name3>[\u4e00-\u9fff]{{2,3}}?)同志){LEAD_VERB}")
ASSISTS = compile_both(rf"[((](?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<title>{TITLE})(?:协助|配合)[^))]*[))]")
NOT_NAMES = {"分管", "常务", "主管", "相关", "有关", "协管", "牵头", "责任", "联系"}  # 分管副市长 is a post


def heading_leaders(heading: str) -> tuple[tuple[str, str] | None, list[tuple[str, str]]]:
    """(leader (name, title) or None, assisting [(name, title)]) named in a heading."""
    lead = _lead(heading)
    assisting: list[tuple[str, str]] = []
    for m in ASSISTS.finditer(heading):
        if all(m.group("name") != name for name, _ in assisting):
            assisting.append((m.group("name"), m.group("title")))
    return lead, assisting


def _lead(heading: str) -> tuple[str, str] | None:
    m = LEADS.match(heading)
    if not m:
        return None
    if m.group("name3"):
        return m.group("name3"), "领导"
    name, title = (m.group("name"), m.group("title")) if m.group("name") else (m.group("name2"), m.group("title2"))
    return (name, title) if name not in NOT_NAMES else None


SEVERAL = re.compile(r"[、,,;;/\s]+")
ONLY_TITLE = compile_both(rf"^(?:{TITLE})$")


def equal_leaders(printed: str, label: str) -> tuple[str, list[tuple[str, str]]]:
    """One leader field or cell naming several leaders as equals (责任领导:张三、李四, a cell 张三 李四): the
    field as printed with the titles dropped (张三、李四), and each (name, title). A title printed apart
    from its name (张三 副县长) belongs to the name before it."""
    text = printed.strip(" 。;;,,")
    people: list[tuple[str, str]] = []
    seps: list[str] = []
    pieces = SEVERAL.split(text)
    for piece, sep in zip(pieces, ["", *SEVERAL.findall(text)], strict=False):
        if not piece:
            continue
        if people and ONLY_TITLE.match(piece):
            people[-1] = (people[-1][0], piece)
            continue
        people.append(name_and_title(piece, label))
        seps.append(sep.strip() or sep[:1])
    form = "".join(sep + name for sep, (name, _) in zip(["", *seps[1:]], people, strict=False))
    return form, people


def name_and_title(text: str, default_title: str) -> tuple[str, str]:
    """张三副市长 / 副市长张三 / 张三同志 -> (张三, 副市长 or the label); a post alone (分管副市长) and a
    bare name keep the text as printed."""
    text = text.strip()
    m = NAME_TITLE.match(text)
    if m and len(text) == m.end() and m.group("name") not in NOT_NAMES:
        return m.group("name"), m.group("title")
    m = TITLE_NAME.match(text) or None
    if m:
        return m.group("name"), m.group("title")
    m = COMRADE.match(text)
    return (m.group("name"), default_title) if m else (text, default_title)
