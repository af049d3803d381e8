"""Leaders named in headings (钱三雄市长牵头重点工作, (许继清副市长协助推进)) and lines."""

from __future__ import annotations


from .variants import both, compile_both

TITLE = both(r"(?:常务)?副?(?:省|市|区|县|州|镇|乡)长|(?:常务)?副?(?:主任|书记|秘书长)"
             r"|(?:市|区|县)委(?:常委|副?书记)|(?:市|区|县)政府(?:党组成员|秘书长)")
NAME_TITLE = compile_both(rf"^(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<title>{TITLE})")
LEADS = compile_both(rf"^(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<title>{TITLE})(?:牵头|负责|分管|领衔|主抓)")
ASSISTS = compile_both(rf"[((](?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<title>{TITLE})(?:协助|配合)[^))]*[))]")


def heading_leaders(heading: str) -> tuple[tuple[str, str] | None, list[tuple[str, str]]]:
    """(leader (name, title) or None, assisting [(name, title)]) named in a heading."""
    lead = LEADS.match(heading)
    assisting: list[tuple[str, str]] = []
    for m in ASSISTS.finditer(heading):
        if all(m.group("name") != name for name, _ in assisting):
            assisting.append((m.group("name"), m.group("title")))
    return ((lead.group("name"), lead.group("title")) if lead else None), assisting


def name_and_title(text: str, default_title: str) -> tuple[str, str]:
    """张三副市长 -> (张三, 副市长); a bare name keeps the label as its title."""
    text = text.strip()
    m = NAME_TITLE.match(text)
    if m and len(text) == m.end():
        return m.group("name"), m.group("title")
    return text, default_title
