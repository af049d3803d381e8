"""Item markers as notices print them: 第一部分, 一、, (一), 1. / 1、, (1), ①.

Each marker type has a rank (outermost first). Which rank is a heading and
which is a task is decided per attachment (see structure.py), because notices
use the same markers at different depths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .variants import both, compile_both

CN_DIGITS = "一二三四五六七八九十百零〇两"
# what follows a quantity, a date or a range, never an item's text: 1.5万亩, 1-2月, 3.5倍, 12.31前
QUANTITY = "万亿千百倍个元吨米亩户家人名所座项条件台辆次年月日号时期季周天度岁前底左公平小分秒克升斤"
_CN = f"[{CN_DIGITS}]+"
# the dot after an item's number ends it unless a digit follows (a decimal: 1.5万亩); a year may follow it, as the
# item's text starts (1.2024年底前完成…): no decimal reads so
NUMBER_DOT_END = r"(?!(?!(?:19|20)\d\d年)\d)"

# (type, regex) in rank order; the number is group "n", the rest follows the match
MARKERS = [
    ("part", compile_both(rf"^第(?P<n>{_CN})(?:部分|章|篇|节)[、,,::\s]*")),
    ("ordinal", compile_both(rf"^第(?P<n>{_CN})(?:条[、,,::\s]*|[、,,::]|\s+)")),  # 第一条 is an article
    ("cn", compile_both(rf"^(?P<n>{_CN})\s*[、,,.．﹒]\s*")),
    ("pcn", compile_both(rf"^[((]\s*(?P<n>{_CN})\s*[))][、,,.．]?\s*")),
    ("num", re.compile(rf"^(?P<n>\d{{1,4}})\s*(?:[.．﹒]{NUMBER_DOT_END}|、)\s*")),
    # 第1项: an item counted in words around its number, at the level of 1.
    ("nitem", compile_both(r"^第\s*(?P<n>\d{1,4})\s*项[、,,.．::\s]*")),
    # 1.1 / 1-1 / 1.1.1: the number of an item under item 1 (a decimal, 1.5万亩, or a range, 1-2月, is no marker)
    ("dotted", compile_both(rf"^(?P<n>\d{{1,3}}(?:[.．\-－]\d{{1,3}}){{1,3}})(?![\d.．\-－%‰{QUANTITY}])[、,,.．\s]*")),
    ("pnum", re.compile(r"^[((]\s*(?P<n>\d{1,4})\s*[))][、,,.．]?\s*")),
    ("circled", re.compile(r"^(?P<n>[①-⑳])\s*")),
]
RANK = {name: i for i, (name, _) in enumerate(MARKERS)}
PARAGRAPH = "para"  # tasks that are unnumbered paragraphs (济阳)

ATTACHMENT = compile_both(r"^附\s*件\s*(?:(?P<n>\d{1,2})(?:\s*[::]?\s*(?P<title>[^\d.、].*))?)?$")
# Labels are read by what they are made of, not from a list of whole labels: a two-character word that qualifies
# (挂点, 县级, 包抓, 实施) and the word that ends a label of its kind: units (单位, 部门, 科室), leaders (领导, 责任人),
# time (时限, 时间节点). A qualifier of exactly two characters starts where it must, also after a unit printed
# without a gap (省农业厅挂点领导:); it holds none of 各/其/相/所/有 nor 政府 (各有关单位:, 县政府各部门: address
# readers).
# Such a label is one where a value follows it: a colon, or a square bracket closed before the value (【实施单位】X);
# 各直属单位] ends a bracket of units, and (X负责,Y配合] a role sentence.
QUALIFIER = r"(?<!各)(?:(?![各其相所有]|政府)[\u4e00-\u9fff]){2}"
VALUE_FOLLOWS = r"(?=\s*[::]|\s*[】〗\]］]\s*[^\s,,;;。、))】〗\]］])"
# A leader's label names what the leader does (包抓, 领衔, 督办 …), the level of the government (县, 市级, 县政府;
# 旗, 州, 盟 and 乡 as well as 省 市 区 县 镇) or both, in either order (包抓县级领导, 县级包抓领导), two such words at
# most (包抓责任领导), and may call the leaders 领导干部 or 领导同志
LEADER_LEVEL = r"(?:(?:省|市|区|县|镇|乡|旗|州|盟)(?:级|政府)?)"
LEADER_WORD = r"(?:分管|责任|牵头|联系|包保|主管|挂钩|协调|主抓|协助|协管|包抓|包联|领衔|挂帅|督办|领办|挂点)"
LEADERS_WORD = r"领导(?:干部|同志)?"
# a person responsible may be said to be so first, mainly, in person or directly (第一责任人, 主要负责人, 具体责任人,
# 直接责任人); a project's or a unit's (项目责任人:, 单位负责人:) is staff, a field of no role
# or the post the leader holds, said with what the leader does (分管副县长:, 责任副市长:, 牵头常务副区长:); a post
# alone (县长:) is no label: a signature prints it too
LEADER_POST = rf"{LEADER_WORD}(?:常务)?副?(?:省|市|区|县|镇|乡|旗|州|盟)长"
LEADER_LABEL = (rf"{LEADER_WORD}(?:负责|{LEADER_WORD})?{LEADER_LEVEL}?{LEADERS_WORD}"
                rf"|(?:{QUALIFIER}{LEADER_LEVEL}?|(?:省|市|区|县|镇|乡|旗|州|盟)级{QUALIFIER}){LEADERS_WORD}{VALUE_FOLLOWS}"
                rf"|{LEADER_LEVEL}领导|(?:第一|主要|具体|直接)?(?:责任人|负责人)"
                rf"|{LEADER_POST}{VALUE_FOLLOWS}")
# A time label, by its parts: what is timed (完成, 计划完成, 办结, 整改 …), the word for the time (时间, 时限, 期限,
# 节点, 日期), and how it is set (节点, 安排, 要求); 时间 alone; or the schedule said as progress (进度安排, 序时进度)
DEADLINE_LABEL = (r"(?:计划|预计|要求)?完成[\u4e00-\u9fff]{0,2}?(?:时间|节点|日期)(?:节点|安排|要求)?|完成时限"
                  r"|时间(?:节点|要求|安排)?|[\u4e00-\u9fff]{0,2}?(?:时限|期限)(?:要求)?|(?:完成)?截止(?:日期|时间)"
                  r"|进度(?:安排|要求)|(?:序时|计划|目标)进度")
# When a task is due, as a table's date cell opens: a year, then a month, a quarter, a half or the year's end
# (6月底, 第三季度, 上半年, 年底); or how long or how often the work goes on (长期, 持续, 常态化, 每季度, 每年12月底前,
# 立行立改); or a range of years (2023—2025年). 每 opens a task's sentence too (每年开展…): only a period right
# after it, and a date or the end of the cell after that, is a date
DUE_PERIOD = (r"\d{1,2}月|年底|年内|年末|全年|长期|持续|常态|第?[一二三四]季度|上半年|下半年"
              r"|每(?:年|半年|季度?|月|周|旬)(?=$|\d|底|末|前|初|[一二三四]季度)|立行立改|立即(?:执行|整改|办理)?$")
DUE_START = rf"(?:\d{{4}}年)?(?:{DUE_PERIOD})|\d{{4}}\s*年?\s*[—–\-~～至到]+\s*\d{{4}}\s*年"
# what a label found by the patterns above holds, told by its last word (the label alone, without what follows it):
# leaders (责任领导, 挂点领导, 具体责任人) or a time (完成时限, 时间安排, 截止日期); any other names units
LEADER_LABEL_END = re.compile(r"(?:领导|责任人|负责人)(?:干部|同志)?$|长$")
DEADLINE_LABEL_WORD = re.compile(r"时|期限|节点|截止|进度")
ROLE_LABEL = both(r"(?:主要)?(?:牵头|责任|配合|协办|主办|参与|参加|协同|承办|主责|落实|协助)(?:责任|负责|落实)?"
                  r"(?:单位|部门|科室|处室)"
                  rf"|{QUALIFIER}(?:单位|部门|科室|处室){VALUE_FOLLOWS}|责任主体|{LEADER_LABEL}|{DEADLINE_LABEL}"
                  rf"|(?:牵头|配合|协办|主办|参与|协同){VALUE_FOLLOWS}")  # 牵头:X;【配合】Y — the role word alone
OPEN, CLOSE = "((【\\[〔［〖", "))】\\]〕］〗"  # attributions come in every bracket kind
# a label in square brackets of its own, the value after it: 【责任单位】X, 〖完成时限〗:X, [牵头单位]X
LABEL_OPEN, LABEL_CLOSE = "【〖\\[［", "】〗\\]］"
LABEL_END = rf"(?:\s*[::]|\s*[{LABEL_CLOSE}]\s*[::]?)"
ATTRIBUTION_LINE = re.compile(rf"^[{OPEN}]?\s*(?:{ROLE_LABEL}){LABEL_END}")
FIELD_LABEL = re.compile(rf"[{LABEL_OPEN}]?\s*(?:{ROLE_LABEL}){LABEL_END}")  # a field's label anywhere in a line
LEADER_LINE = compile_both(rf"^[{OPEN}]?\s*(?P<label>{LEADER_LABEL}){LABEL_END}\s*"
                           rf"(?P<names>[^{CLOSE}]+?)[{CLOSE}]?[。;;]?$")
DEADLINE_LINE = compile_both(rf"^[{OPEN}]?\s*(?:{DEADLINE_LABEL}){LABEL_END}\s*"
                             rf"(?P<d>[^{CLOSE}]+?)[{CLOSE}]?[。;;]?$")
# a bullet opening an unnumbered item (● ◆ ■ ★ ▲ · • —— -): it starts a paragraph and is not the item's text
BULLET = re.compile(r"^(?:[●◆■□★☆▲△◇◎○·•►▶-]|——?(?!—))[ \u3000]*(?=[^\s\d—-])")
NOTES = r"注\s*[::]|备\s*注\s*[::]|说\s*明\s*[::]"  # a note on the list: the list may go on after it
NOTE_START = compile_both(rf"^(?:{NOTES})")
FOOTER_START = compile_both(rf"^(抄\s*送|印\s*发|{NOTES})")
LABEL_START = re.compile(r"^【")
PAGE_LINE = 26  # a line of a printed page holds this many characters or more; a heading is shorter as a rule
SENTENCE_INSIDE = re.compile(r"[。;；!?！？]")  # a heading is a phrase: a sentence ends in no heading
FULL_LINE = 28  # a full line of an official document's page (28 characters): a heading fits in one


@dataclass(frozen=True)
class Marker:
    type: str
    number: str  # as printed, without its punctuation
    rest: str  # the line after the marker
    printed: str = ""  # the marker as printed, without trailing punctuation: 一, (一), 1


@lru_cache(maxsize=65536)  # each stage asks it of the same lines again
def marker(text: str) -> Marker | None:
    for name, pattern in MARKERS:
        m = pattern.match(text)
        if m and len(text) > m.end():
            return Marker(name, m.group("n"), text[m.end():], text[:m.end()].strip(" 、,,.．::"))
    return None


def starts_item(text: str, heading_only: bool = False) -> bool:
    """Does this line start a new item (so it is not the tail of the line before)?"""
    m = marker(text)
    if heading_only:
        # a short heading line never runs on into the next line; a full line of the page, or one nearly as wide
        # with a sentence ended inside it (（三）推进…。加快… / 第五条 …增长11.5%;地方…同), is an item's text
        # that the page's width broke
        return bool(m and m.type in ("part", "ordinal", "cn", "pcn") and len(text) < FULL_LINE
                    and not (len(text) >= PAGE_LINE and SENTENCE_INSIDE.search(m.rest[:-1]))) \
            or bool(ATTACHMENT.match(text)) or bool(LABEL_START.match(text))
    return bool(m or ATTACHMENT.match(text) or ATTRIBUTION_LINE.match(text)
                or LABEL_START.match(text) or FOOTER_START.match(text) or BULLET.match(text))


def cn_to_int(number: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20; ① -> 1; digits as they are."""
    if len(number) == 1 and "①" <= number <= "⑳":  # before isdigit(), which ① passes and int() refuses
        return ord(number) - ord("①") + 1
    if number.isascii() and number.isdigit():
        return int(number)
    values = {c: i for i, c in enumerate("零一二三四五六七八九")}
    values.update({"〇": 0, "两": 2})
    total, current = 0, 0
    for ch in number:
        if ch in values:
            current = values[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current
