"""Unit lists as printed: 市发改委、财政局、口岸办等 -> 市发改委, 市财政局, 市口岸办.

A 、 list shares the prefix of its first prefixed item (市发改委、财政局 means
市财政局) unless the list spells every prefix out (区发展和改革局、区财政局、
生态环境局济阳分局 is not 区生态环境局…). Bare place names before a 区政府
share its suffix (长清区、历城区政府). A trailing 等 is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .items import Unit
from .jurisdiction import CITY_PROVINCE, PROVINCES, place_stem
from .leaders import TITLE, person_name
from .variants import compile_both, simplified

# a name starting with a known place (湖州海关, 济南高新区管委会) is not the city's 市X
PLACE_STEMS = sorted({n[:-1] for n in CITY_PROVINCE}
                     | {re.sub("(维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$", "", p) for p in PROVINCES},
                     key=len, reverse=True)
KNOWN_PLACE = compile_both("^(" + "|".join(PLACE_STEMS) + ")")

# the levels a list prints once and shares (旗 and 盟 are the county and the prefecture of 内蒙古: 旗人大、财政局)
PREFIXES = "市区县省州镇旗盟區縣鎮"
START_OF_UNIT = compile_both(rf"^(?:[{PREFIXES}乡旗盟]|自治|各|有关|相关|(?:{'|'.join(PLACE_STEMS)}))")
# 和 / 及 / 以及 between two names (…部门和各市人民政府, …环保厅和内蒙古电力监管办及相关盟市, …领导小组成员单位及
# 省地震局): the name after it starts with a level, a collective or a known place; 等 before a collective
# (省农业厅等省直有关部门)
AND_SPLIT = compile_both(rf"(?<=[局委办厅部会心府团司门室院所处站队行联协位组署])(?:和|及|以及)"
                         rf"(?=[{PREFIXES}省各]|相关|有关|其他|(?:{'|'.join(PLACE_STEMS)}))"
                         r"|(?<=[局委办厅部会心府团司门室院所处站队行联协署])等(?=(?:各|省直|市直|区直|县直|有关|相关|其他))")
# bodies of a vertical line named after the place they serve (西乡消防救援大队, 汉中海关, 射阳农商银行): with a
# place stem before the word the name is the place's own; printed bare (消防救援大队) it takes the list's prefix
VERTICAL_WORDS = ("消防救援 气象局 烟草 菸草 调查队 供电 海关 银保监 中心支行 支行 农商银行 农村商业银行"
                  " 邮政 移动 电信 联通 12345")  # (人行开州支行: the place's own)
# (人行平顶山支行: a bank's short name before the place; with the place's level printed, 人行三门峡市中心支行, the
# name is too long for the pattern: NO_PREFIX takes it)
OWN_PLACE_PATTERN = rf"^(?![省市县区州旗])[\u4e00-\u9fff]{{2,5}}?(?:{'|'.join(VERTICAL_WORDS.split())})"
OWN_PLACE = compile_both(OWN_PLACE_PATTERN)
# the colleges named after their place or founder (鄂州职业技术学院, 黄冈师范学院), unlike a level's 科学院 or 行政学院
COLLEGE = "(?:职业|技术|师范|理工|医学|工程|职业技术)"
NO_PREFIX = compile_both(
    r"^(各|相关|有关|全|本|驻|中国|中共|国家|人民银行|农发行|农业发展银行|邮储银行|团[省市县区旗]委)"
    rf"|{OWN_PLACE_PATTERN}"
    r"|^人行[\u4e00-\u9fff]{2,}支行$"  # the People's Bank by its short name and a place (bare 人行 is the level's)
    r"|^[\u4e00-\u9fff]{1,4}[乡镇](?:人民)?政府$"  # 古城乡人民政府: a township (城乡 is a word elsewhere)
    r"|^(?!经济|高新|工业|技术|产业|开发|综合|示范|国有)[\u4e00-\u9fff]{2,6}?(?:经济技术|经济|高新技术产业|高新|工业)?"
    r"(?:开发区|园区|新区|综合保税区|保税区|经开区|高新区|示范区|片区|风景名胜区|风景区|景区|度假区|集聚区|试验区"
    r"|广场|新城|产业园|工业园|生态园|林场|农场)"
    # (立山经济开发区, 城乡一体化示范区, 白马湖生态园管委会 are zones, places of their own, whatever the words
    # before the zone's word; 经济开发区 alone is the notice's own)
    r"|^[\u4e00-\u9fff]{2,4}?(省|(?<!城)市|区|县|州|镇|(?<!城)乡|街道)"  # starts with its own place name
    # (城乡, 城市 are words, not places)
    r"|^[\u4e00-\u9fff]{2,4}局[\u4e00-\u9fff]{2,4}分局$"  # 生态环境局济阳分局: a branch named after its place
    # 梵净山管委会, 巍宝山管理所, 古城管理局: the body of a named area (a mountain, a lake, a bay, an old
    # town), a place of its own as a zone is (a 矿山 or 海岛 is a kind of place a level's body may be named after)
    r"|^(?:[\u4e00-\u9fff]{1,4}(?:(?<!矿)山|湖|湾|(?<!海)岛|峡|岭)|[\u4e00-\u9fff]{0,4}古城)"
    r"(?:管委会|管理委员会|管理局|管理处|管理所)$"
    # 宁东管委会: a zone's committee named after its place alone (经开管委会, 高新管委会 are the level's own)
    r"|^(?!经济|经开|高新|工业|技术|产业|开发|综合|示范|园区|新区|城管)[\u4e00-\u9fff]{2}管委会$"
    rf"|(集团|公司|银行|(?<!社区|老年|开放)大学|{COLLEGE}学院|海关)")  # an enterprise's name as printed
    # (供电公司, 昌达公司; a 社区大学, 老年大学, 开放大学 is the level's own, as a 党校 is; so is a 科学院, a 行政学院,
    # a 电视台 or a 报社 printed bare: their place, when they have one of their own, is printed before them)
ENTERPRISE = compile_both(r"集团|公司|银行")
REGULATOR = compile_both(r"人民银行|银保监|银监|证监|保监")  # banks by name, but state bodies, not enterprises
COUNTED = r"[0-9一二三四五六七八九十]+个"  # 13个街道、镇: a counted collective
# 各 after a level or a body inside a name (县属各骨干企业, 镇属各单位, 县政府各委、办) makes it a collective too
# (各项, 各类 are words of a sentence), and so do the units stationed in a place (驻县垂管单位, 省属驻县企业单位)
COLLECTIVE_PATTERN = (rf"^(各|相关|有关|中省驻|{COUNTED})|各有关|[有相]关部门|各部门|各单位|[有相]关单位|各直属"
                      r"|驻[\u4e00-\u9fff]*单位$"
                      r"|[属直府委级镇区县市]各(?!项|类|种|级|个|方面|环节|阶段)")
COLLECTIVE = compile_both(COLLECTIVE_PATTERN)
# what 等 stands before as a unit of its own: a collective, or a body's members (…等县防汛指挥部成员单位)
AFTER_ETC = compile_both(COLLECTIVE_PATTERN + "|成员单位$")
GOVERNMENT = compile_both(r"(区|县|市|镇|乡|街道)(人民)?政府$|^[\u4e00-\u9fff]{2,4}(区|县)$")
BARE_PLACE = compile_both(r"^[\u4e00-\u9fff]{2,4}(区|县)$")
PLACE_GOVERNMENT = compile_both(r"^[\u4e00-\u9fff]{2,}(区|县|市)(人民)?政府$")
EACH = compile_both(rf"^(各|相关|有关|{COUNTED})")
# a local government (长清区政府) or a township's (杨河镇人民政府, 东城街道办事处): its level, then its suffix
LOCAL_GOVERNMENT = compile_both(r"(区|县|市|镇|乡)((?:人民)?政府)$|(街道)(办事处)$")
STEM = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# a zone's suffix, after a name of its own (荒湖管理区): the bare names listed just before it share it
ZONE = compile_both(r"(?<=[\u4e00-\u9fff]{2})(管理区|管委会|开发区|示范区|工业园区|园区|新区|农场|林场)$")
BODY_ENDING = compile_both(r"机关$")  # (人大机关: a body, though no unit ending says so)
# a place of its own with its level (海东市, 临夏州), alone in a list or starting a body's name (临夏州发展改革部门)
LEVELLED_PLACE = compile_both(r"^[\u4e00-\u9fff]{2,4}[市州县区盟旗]$")
PLACE_BODY = compile_both(r"^[\u4e00-\u9fff]{2,3}?[市州县区盟旗](?P<body>[\u4e00-\u9fff]{2,})$")
TWO_UNITS = compile_both(r"局[\u4e00-\u9fff]{2,}(局|委)$")
# a role named in general (各牵头单位要会同责任单位…: a notice's requirement of whoever leads), never a body;
# a modal after it (要, 应) makes it the subject of a sentence
# (各责任单位, 相关责任部门 stay collectives: they name the bodies responsible, not a role)
ROLE_NOUN = compile_both(r"^各?(?:牵头|配合|协办|主办|承办)(?:单位|部门)$|^责任(?:单位|部门)$"
                         r"|^[\u4e00-\u9fff]{1,10}(?:单位|部门)(?:要|应当|应|须|需)$")
# a count of the names just listed (…、市商务局等8个牵头部门: the eight are those named), no collective of its own
RECAP_PATTERN = rf"{COUNTED}(?:牵头|责任|配合|相关|有关)?(?:单位|部门)"
RECAP = compile_both(rf"^{RECAP_PATTERN}$")
# a trailing 等 and what only recaps the list before it
TRAILING_ETC = compile_both(rf"(等|等单位|等部门|等有关单位|等相关单位|等{RECAP_PATTERN})$")
# a name never ends in 和 and one character (县人力资源和社 / 会保障局: 社 ends 供销社, not a name cut after 和)
CUT_AFTER_AND = compile_both(r"[和及与][\u4e00-\u9fff]$")
# a count and its measure word alone (2所, 71个, 1300人): a target column's figure beside a unit cell, never a
# name, though 所 ends 派出所 (a collective counted in full, 13个乡镇, stays one)
COUNT_PATTERN = r"^\d+(?:\.\d+)?(?:个|所|套|人|户|座|家|项|条|处|台|辆|间|张|名|床|吨|亩|公里|平方米|人次)$"
COUNT = compile_both(COUNT_PATTERN)
# how the name of a body ends, by kind: a table to extend when a notice prints a kind the corpus lacks
UNIT_ENDINGS = (
    # (中学, 小学 end the schools a 民生实事 task builds more often than a unit: 完成南洋模范中学、南洋中学…)
    "局 委 办 厅 部 中心 政府 处 室 所 院 队 站 社 联 行 馆 组 团 校 大学"  # offices, institutions
    " 集团 公司 银行 支行 分行 海关 营管部"  # enterprises, banks, vertical bodies
    " 城投 交投 旅投 产投"  # an investment company's short name (城投, 交旅投: …投资公司)
    " 电视台 转播台 气象台"  # broadcasters and observatories (not 台 alone: a task builds a 平台)
    " 区 县 街办 办事处 街道 乡镇 镇 乡 园区 管委会 基地 林场 农场"  # places and zones
    " 科协 侨联 台办 政协 人大 中央 委员会 协会 组织 机构 单位 专班 指挥部 筹备组) 筹备组）"  # party, mass, councils
    " 支队 大队 分局 法院 检察院 武装部 热线"  # vertical bodies, courts, hotlines (12345热线)
)
UNIT_SUFFIX = compile_both(
    "(" + "|".join(re.escape(e) for e in sorted(UNIT_ENDINGS.split(), key=len, reverse=True)) + r"|(?<!社)会"
    r"|(?<!部)署)$")  # central bodies print no place: 海关总署, 国际发展合作署, 审计署 (部署 is a verb)


AND_WORDS = compile_both(r"和|及|等.")
# brackets a name may print inside it (各县(市、区)人民政府, 各县〔市、区、特区〕人民政府, 各县<市、区>人民政府): the
# separators inside them part no names
OPENERS, CLOSERS = "(（〔［[【<＜", ")）〕］]】>＞"
BRACKET_OPEN = re.compile(f"[{re.escape(OPENERS)}]")
GROUP_SEPARATORS = re.compile(r"[,,;;\n]|。(?=.)")  # a full stop inside an attribution ends a clause
ITEM_SEPARATORS = re.compile(r"[、/]")
# X牵头、Y负责: two clauses (政协办 is the 政协's office, no 政 + 协办)
ROLE_THEN_LIST = compile_both(r"(?<!政协办)(?<=牵头|配合|负责|参与|协助|协办|主办|主抓|抓总)、")


def split_groups(text: str) -> list[str]:
    """Split on , ; (outside brackets) and on 和 between two prefixed names."""
    if not BRACKET_OPEN.search(text):  # the common case needs no bracket counting
        groups = GROUP_SEPARATORS.split(text)
    else:
        groups = [g for part in re.split(r"。(?=.)", text) for g in split_outside_brackets(part, ",,;;\n")]
    out = []
    for group in map(_rejoined, groups):
        for clause in ROLE_THEN_LIST.split(group) if "、" in group else [group]:
            out.extend(AND_SPLIT.split(clause) if AND_WORDS.search(clause) else [clause])
    return [g.strip() for g in out if g.strip()]


JOINER = compile_both(r"以及|和|及|与|等")
# the role a list is given at its end (…和各街道牵头, …等单位配合): the words around a joiner are read without it
ROLE_END = compile_both(r"(?:按职责分工分别牵头负责|按职[责能]分工负责|按职[责能]负责|按职[责能]分工"
                        r"|分别牵头|共同牵头|牵头负责|负责牵头|分别负责|分工负责"
                        r"|具体负责|共同负责|牵头|配合|协助|协同|参与|参加|(?<!政)协办|主办|负责)"
                        r"(?:落实|推进|实施|(?<=分工)[\u4e00-\u9fff]{2,4})?$")


def _rejoined(group: str) -> str:
    """A list joined by a word between two names (县质监局与人口计生局, 县委老干部局以及团县委, 县文联等县直有关部门):
    the word parts two names, as 、 does, where the text before it ends a name and the text after it is one (县工业和
    信息化局 stays one name: 县工业 ends none); after 等 only a collective is a name of its own (…等县直有关部门; 等单位
    is dropped). The list is kept as printed unless every item of the rejoined list is a unit."""
    if not JOINER.search(group):
        return group
    role = ROLE_END.search(group)
    units, tail = (group[:role.start()], group[role.start():]) if role else (group, "")
    cuts, start, bounded = [], 0, False
    joiners = list(JOINER.finditer(units))
    for n, m in enumerate(joiners):
        item_start = max(start, _item_start(units, m.start()))
        comma = units.find("、", m.end())
        comma = comma if comma >= 0 else len(units)
        end = min(comma, joiners[n + 1].start() if n + 1 < len(joiners) else comma)
        left, right = units[item_start:m.start()], units[m.end():end]
        if not _names_a_unit(right):
            right = units[m.end():comma]  # 县发改局和工业和信息化局: the name after the word holds 和 itself
        # (before 等 and a collective the words are a list by their shape: 县人大机关等相关单位)
        # (…等中央、省属驻市单位: a level alone after 等 opens a collective of the bodies stationed there)
        members = m.group(0) == "等" and bool(AFTER_ETC.search(right) or LEVEL_ALONE.match(right)) \
            and not RECAP.match(right)
        if _names_a_unit(left, bounded=members) and _names_a_unit(right) and (m.group(0) != "等" or members):
            cuts.append(m)
            start, bounded = m.end(), bounded or members
    if not cuts:
        return group
    rejoined, last = "", 0
    for m in cuts:
        rejoined += units[last:m.start()] + "、"
        last = m.end()
    rejoined += units[last:]
    return rejoined + tail if looks_like_unit(rejoined, bounded=bounded) else group


def _item_start(text: str, end: int) -> int:
    """Where the item ending at `end` starts: after the last 、 outside brackets (各县(市、区)人民政府 is one item)."""
    depth = 0
    for i in range(end - 1, -1, -1):
        depth += text[i] in CLOSERS
        depth -= text[i] in OPENERS
        if text[i] == "、" and depth <= 0:
            return i + 1
    return 0


GENERIC = {"单位", "部门", "机构", "企业", "单位等"}  # 有关部门和单位: one collective, no unit named 单位
# a body no list names alone, for it says whose it is only with the name before it: 各县(市、区)党委和人民政府,
# 高新区党工委和管委会 are the party committee and the government of the same place, one unit as printed
BODY_OF_THE_SAME = compile_both(r"^(?:人民政府|政府|管委会|管理委员会|党委|党工委|工委|办事处)(?:$|等)")


def _names_a_unit(text: str, bounded: bool = False) -> bool:
    first = split_items(TRAILING_ETC.sub("", text))[:1]  # (…和管委会/市委政法委: the name right after the word)
    return bool(text) and simplified(text) not in GENERIC and not (first and BODY_OF_THE_SAME.match(first[0])) \
        and looks_like_unit(text, bounded=bounded)


def split_outside_brackets(text: str, separators: str) -> list[str]:
    groups, depth, current = [], 0, ""
    for ch in text:
        depth += ch in OPENERS
        depth -= ch in CLOSERS
        if ch in separators and depth <= 0:
            groups.append(current)
            current = ""
        else:
            current += ch
    groups.append(current)
    return groups


def split_items(group: str) -> list[str]:
    """Split a 、 list, not inside brackets."""
    items = split_outside_brackets(group, "、/") if BRACKET_OPEN.search(group) else ITEM_SEPARATORS.split(group)
    return [i.strip() for i in items if i.strip()]


# words of a remark about the units (具体任务均涉及相关市(州)人民政府,不再做分工), never of a unit's name
REMARK = compile_both(r"涉及|不再|以下|下同|均需|均由|具体任务|各项工作")
SUBJECT_MODAL = compile_both(r"(?<!重)要|应(?!急)|须|务必")
# a note in a bracket inside a name (各区县〔自治县,以下简称区县〕政府) glosses the name: its words are no remark
NAME_NOTE = re.compile(rf"(?<=[\u4e00-\u9fff])[{re.escape(OPENERS)}][^{re.escape(OPENERS + CLOSERS)}]*"
                       rf"[{re.escape(CLOSERS)}](?=[\u4e00-\u9fff])")


@lru_cache(maxsize=65536)
def looks_like_unit(text: str, bounded: bool = False) -> bool:
    """Is the text a unit list? By the ending of each name (the vocabulary of UNIT_ENDINGS) where the list's extent
    is unknown; `bounded` where its shape already says it is a list of units (a label's value, a role clause, a
    unit cell): there every piece between the separators is a name unless it is plainly none (`name_shaped`)."""
    text = TRAILING_ETC.sub("", text.strip())
    if not text or re.search(r"[。!?;;]", text) or REMARK.search(NAME_NOTE.sub("", text)):
        return False
    items = [re.sub(r"[((][^(())]*[))]$", "", TRAILING_ETC.sub("", i.strip(MARKS)))
             for i in _join_collectives(split_items(text))]
    items = _distribute_suffix(items)  # 哈尔滨、黑河市政府: the bare places are governments too
    # a 各… entry without a unit's suffix is a unit only when short: 各项指标完成情况以…为准 is a remark; one with a
    # modal is a requirement's subject and verb (各牵头单位要强化统筹抓总: the notice asks, it assigns nothing)
    return all(len(i) <= 30 and (UNIT_SUFFIX.search(i)
                                 or (COLLECTIVE.search(i) and len(i) <= 12 and not SUBJECT_MODAL.search(i))
                                 or (bounded and name_shaped(i)))
               and not ROLE_NOUN.match(i) and not CUT_AFTER_AND.search(i) and not COUNT.match(i) for i in items)


# what a piece of a bounded list prints when it is no name: a clause's verb or modal (按职责分工负责, 配合落实,
# 各镇要…, a role word alone: 协同), a remark or a legend (涉及的镇街, 列第一位者), a table's total (合计), a time or an
# amount (2024年底前, 长期, 500万元), a leader's post (分管副县长); 应 only where it starts no 应急 body
NOT_A_NAME = compile_both(rf"[:：]|的|者|要|应(?!急)|须|需|按|涉及|负责|落实|配合|牵头|参与|参加|协助|协同|协办|主办"
                          rf"|统筹|指导|督促|主抓|抓总|完成|确保|做好|抓好|合计|小计|总计|第一|首位"
                          rf"|加强|开展|\d{{4}}年|\d+(?:月|日|万|亿|元|%)|^[\d.]+$|年底|年内|年末|季度|半年|长期|持续"
                          r"|正在|进行中|推进中|滞后|序时|^已|^未|^尚"  # a progress cell's words (正在推进, 已完成)
                          rf"|{TITLE}"
                          # a task's verb opening the piece (加快重点项目建设), asked of pieces no unit ending ends
                          r"|^(?:加快|推进|推动|实施|建立|健全|完善|提升|提高|深化|强化|促进|加大|严格|全面|积极|进一步"
                          r"|组织|坚持|支持|鼓励|引导|规范|优化|扩大|培育|打造|建设|创建|争取|力争|保持|实现|围绕|加速"
                          r"|做实|抓实"
                          r"|认真|切实|全力|努力|主动|扎实|大力|着力|及时|密切|稳步)"  # 认真抓好落实: a manner
                          r"|(?:任务|工作|目标|活动|项目|行动)$")  # (…考核目标任务: a task's words, not a body's)
# a name is written in ideographs (with a bracketed second name, an ASCII letter or a hotline's digits); one that
# no unit's ending ends is short (县人大机关): a longer run is cells or names run together (…电业局鄞州海曙…合计)
NAME_CHARACTERS = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9()（）]{2,15}$")


def name_shaped(piece: str) -> bool:
    """A piece between a bounded list's separators that reads as a name, whatever its ending (县人大机关)."""
    balanced = sum(piece.count(c) for c in OPENERS) == sum(piece.count(c) for c in CLOSERS)  # (…等单位) cut off
    return bool(NAME_CHARACTERS.match(piece)) and balanced and not NOT_A_NAME.search(piece) \
        and not person_name(piece)


# the levels a 各 lists places by (各区、县级市; 各县(市)、区政府; 各州、盟人民政府; 各区县(自治县))
LEVEL_WORDS = (r"(?:县级市|自治县|自治区|自治州|直辖市|特区|街道|乡镇|区县|县区|县市|市县|市区"
               r"|市|县|区|镇|乡|旗|省|州|盟)")
# a level after a 各 of places (各县(市)、区政府; 各州、盟人民政府)
PLACE_WORD = compile_both(rf"^{LEVEL_WORDS}(?:\([^()]*\))?(?:(?:人民)?政府)?(?:\([^()]*\))?$")
# a 各 of levels alone (各市、州; 各有关区), and a level with a body of its own after it (县市场监管局):
# 各市、州、县市场监管局 is each level's market regulator, one collective as 各县、市、区政府 is
LEVELS_OF_EACH = compile_both(rf"^各(?:有关|相关)?{LEVEL_WORDS}(?:\([^()]*\))?(?:、{LEVEL_WORDS}(?:\([^()]*\))?)+$")
LEVEL_BODY = compile_both(rf"^{LEVEL_WORDS}[\u4e00-\u9fff]{{2,}}$")
EACH_WORDS = compile_both(r"^(?:各|有关|相关)+")
# a body named by its kind alone, which no list names as a unit: after a 各 it is one more kind of the collective
# (县政府各委、办, 县政府各部门、机构, 市委各部、办, 各大企业、事业单位)
BODY_KIND = compile_both(r"^(?:委|办|局|厅|部|单位|部门|机构|企业|事业单位|企事业单位|院校|高校|学校)$")
# a level alone before the bodies stationed in a place (中央、省属驻市单位, 中央、省、市驻县各单位): one collective
LEVEL_ALONE = compile_both(r"^(?:中央|省|市|县|区|州)$")
STATIONED = compile_both(r"^(?:[省市县区州]属?)?驻")


def _place_of_each(each: str, item: str) -> bool:
    """各市(县)、区政府, 各有关区、县级市: a level after a 各 of places; 各市、州、县市场监管局: a level's body after a
    各 that lists two levels or more (各区、市财政局 may be the districts and the city's bureau: left apart)."""
    if not EACH.match(each) or GOVERNMENT.search(EACH_WORDS.sub("", each)):
        return False
    return bool(PLACE_WORD.match(item)) or bool(
        LEVELS_OF_EACH.match(each) and LEVEL_BODY.match(item) and UNIT_SUFFIX.search(item)
        and not COLLECTIVE.search(item))


def _kind_of_each(each: str, item: str) -> bool:
    """县政府各委、办: a body's kind after a collective's 各."""
    return "各" in each and bool(COLLECTIVE.search(each) and BODY_KIND.match(item))


def _join_collectives(items: list[str]) -> list[str]:
    """各市(县)、区政府 and 各县、市、区政府 are one collective, though printed with 、; so are 县政府各委、办 and
    中央、省属驻市单位."""
    out: list[str] = []
    levels: list[str] = []  # levels alone waiting for the stationed bodies they belong to
    for item in items:
        if out and not levels and (_place_of_each(out[-1], item) or _kind_of_each(out[-1], item)):
            out[-1] += "、" + item
        elif LEVEL_ALONE.match(item):
            levels.append(item)
        else:
            if levels and STATIONED.match(item):
                item, levels = "、".join([*levels, item]), []
            out.extend(levels)
            out.append(item)
            levels = []
    return out + levels


ROLE_AFTER = compile_both(r"^(?P<name>.+?)[((](?P<role>牵头|主办|主责|配合|协办|参与)(?:单位|部门)?[))]$")
ROLE_AFTER_ROLES = {"主责": "牵头", "参与": "配合"}


# marks printed before or after a name in a list (县发改局*, ※县财政局, **县商务局** left of bold type):
# the notice's legend (带*号的为牵头单位) says what they mean; attribution.apply_rule applies it
MARKS = "*＊※▲△★☆"


def parse_group(group: str, role: str | None = None) -> list[Unit]:
    items = _join_collectives(split_items(TRAILING_ETC.sub("", group.strip())))
    marked = [i.strip(MARKS) != i for i in items]
    items = [TRAILING_ETC.sub("", i.strip(MARKS)) for i in items]
    roles = [role] * len(items)
    for i, item in enumerate(items):  # 市发改委(牵头)、市财政局: the role printed after the name
        m = ROLE_AFTER.match(item)
        if m:
            items[i] = m.group("name")
            roles[i] = ROLE_AFTER_ROLES.get(simplified(m.group("role")), simplified(m.group("role")))
    names = _distribute_prefix(_distribute_suffix(items))  # (柳树、杨河镇政府 after 县发改局: 柳树镇政府 is no 县…)
    units, collective = [], False
    for printed, name, role, mark in zip(items, names, roles, marked, strict=False):
        # 各镇政府、街道办事处: what follows a 各… entry is collective too, unless it names its own place
        own_place = bool(KNOWN_PLACE.match(name) or PLACE_GOVERNMENT.search(name))
        hint = "collective" if collective and not own_place and not COLLECTIVE.search(name) else None
        collective = bool(EACH.match(name)) or (collective and not own_place)
        units.append(Unit(name=name, role=role, printed=printed, kind_hint=hint, marked=mark))
    return units


# 自治区发展改革委、水利厅 means 自治区水利厅 (自治區… in traditional characters too)
LONG_PREFIX = compile_both("^(?:自治区|自治州)")


# names that start with a word beginning with 市 (市场监管局; 市政局, 市政公用局: municipal works), not the prefix 市
MARKET_OR_WORKS = compile_both(r"^市(?:场|政(?:局|处|所|站|公用|工程|园林|设施|养护|建设|管理处))")


@lru_cache(maxsize=65536)
def _prefix(item: str) -> str | None:
    if MARKET_OR_WORKS.match(item):
        return None  # 市场监管局 is a name, not 市 + 场监管局
    long = LONG_PREFIX.match(item)
    if long:
        rest = item[long.end():]
        return long.group(0) if len(rest) > 1 and not NO_PREFIX.search(rest) else None
    if OWN_PLACE.match(item):
        return None  # 镇巴气象局: a place's own body, though the place starts like a level (镇)
    return item[0] if item[:1] in PREFIXES and len(item) > 2 and not NO_PREFIX.search(item[1:]) else None


# a place named with its level before a body's name (科左后旗农牧局, 鄞州区发改局): the stem is two to four characters,
# never a zone's words (开发区, 高新区, 港区 are zones: their committee's list is its own) nor a body's (社科院某某分院
# is the academy's branch)
LEVELLED_PREFIX = compile_both(r"^(?P<place>(?:(?![院局委办厅部司署处所队站社会馆校])[\u4e00-\u9fff]){2,4}?"
                               r"(?<!开发)(?<!高新)(?<!经开)(?<!保税)"
                               r"(?<![新园港景片城社矿林牧辖])"
                               r"[县区旗市州盟])(?P<rest>[\u4e00-\u9fff]{2,})$")


def _place_prefix(item: str) -> str | None:
    """The place a department's name starts with (无锡国税局 -> 无锡, 科左后旗农牧局 -> 科左后旗); none for a
    government or an enterprise, whose place belongs to the name alone."""
    m = KNOWN_PLACE.match(item)
    if not m:
        return _levelled_place(item)
    if GOVERNMENT.search(item) or NO_PREFIX.search(item) or len(item) - m.end() < 2:
        return None
    rest = item[m.end():]
    return m.group(0) if rest[:1] not in PREFIXES and not rest.startswith(("海关", "高新", "经济", "开发")) else None


def _levelled_place(item: str) -> str | None:
    """科左后旗农牧局 -> 科左后旗: a place with its level, then a department (南京市场监管局 is 南京 + 市场…, no
    南京市 + 场…)."""
    m = LEVELLED_PREFIX.match(item)
    if not m or GOVERNMENT.search(item) or ENTERPRISE.search(item) or not UNIT_SUFFIX.search(m.group("rest")):
        return None
    level_and_rest = m.group("place")[-1] + m.group("rest")
    if MARKET_OR_WORKS.match(level_and_rest) or COLLECTIVE.search(item) or m.group("rest")[:1] in PREFIXES:
        return None
    return m.group("place")


# a body of the party prints its level inside its name (县委宣传部, 市纪委监委): it spells no shared prefix out
PARTY = compile_both(r"^(?:省|市|县|区|旗|盟|州|自治区|自治州)(?:委|纪委)")
# nor does an enterprise, whose level is part of the name it trades under (县城投公司, 区交旅投, 市文旅集团)
OWN_NAME = compile_both(r"(?:集团|公司|城投|交投|旅投|产投)$")


def _spelled_later(items: list[str]) -> list[bool]:
    """Per item: is a name after it (before the next collective) printed with its prefix? The shared prefix is
    printed once, the names after it go without (市发改委、财政局、商务局); a name without it between names that
    spell it (省市场监管局、商务厅、省大数据中心) is printed as it is. Party bodies and enterprises print their level
    inside their name (县委宣传部, 县城投公司), so they spell nothing out."""
    out, later = [False] * len(items), False
    for i in range(len(items) - 1, -1, -1):
        out[i] = later
        if AFTER_ETC.search(items[i]):  # (…、民政局等区防汛指挥部成员单位: the members spell no prefix out)
            later = False
        elif _prefix(items[i]) and not PARTY.match(items[i]) and not OWN_NAME.search(items[i]):
            later = True
    return out


def _own_level(item: str, prefix: str) -> bool:
    """县经济开发区管委会 after 县发改局 prints its level already (市场监管局 does not: 市场 is a word)."""
    return item.startswith(prefix) and not MARKET_OR_WORKS.match(item)


def _distribute_prefix(items: list[str]) -> list[str]:
    spelled_later = _spelled_later(items)
    out, prefix = [], None
    for item, later in zip(items, spelled_later, strict=True):
        if COLLECTIVE.search(item):
            prefix = None  # 各区、开发区: what follows 各… is not the city's
            out.append(item)
        elif _prefix(item):
            prefix = _prefix(item)
            out.append(item)
        elif prefix is None and _place_prefix(item):
            prefix = _place_prefix(item)  # 无锡国税局、地税局: 地税局 is 无锡地税局
            out.append(item)
        elif prefix and not later and not NO_PREFIX.search(item) and not KNOWN_PLACE.match(item) \
                and not _own_level(item, prefix):
            out.append(prefix + item)
        else:
            out.append(item)
    return out


TOWNSHIP_LEVELS = ("市", "镇", "乡", "街道")  # the levels a bare stem before a government takes with its suffix


def _distribute_suffix(names: list[str]) -> list[str]:
    """长清区、历城区政府 -> 长清区政府; 哈尔滨、黑河、绥芬河市政府 -> 哈尔滨市政府, 黑河市政府, …; 柳树、杨河镇政府
    -> 柳树镇政府, 杨河镇政府: bare places just before a government share its suffix (its level too, when they print
    none: a bare stem before a 区 or 县 could be either, so only a printed 区/县 shares it; 石嘴山市、吴忠市人民政府
    print it already); 人民大垸、荒湖管理区 -> 人民大垸管理区, 荒湖管理区: bare names just before a zone share the
    zone's suffix; 海东市、兰州市、临夏州发展改革部门 -> 海东市发展改革部门, …: places printed with their level just
    before a place's body share the body."""
    out, level, suffix, zone, body = list(names), None, "", "", ""
    for i in range(len(names) - 1, -1, -1):
        name = names[i]
        # (a name ending in a zone's word or a body's is no bare place: 丰溪林场、黔灵街道办事处; 人大机关、…管委会)
        bare = STEM.match(name) and not UNIT_SUFFIX.search(name) and not COLLECTIVE.search(name) \
            and not ZONE.search(name) and not BODY_ENDING.search(name)
        if level and BARE_PLACE.match(name) and not ZONE.search(name) and simplified(name)[-1] == simplified(level)[-1]:
            out[i] = name + suffix
        elif level and simplified(level) in TOWNSHIP_LEVELS and bare:
            # (the level as printed: 鎮 in a traditional list)
            out[i] = name + ("" if name.endswith(level) else level) + suffix
        elif zone and bare:
            out[i] = name + zone
        elif body and LEVELLED_PLACE.match(name):
            out[i] = name + body
        else:
            government = LOCAL_GOVERNMENT.search(name) if not EACH.match(name) else None  # (各区县政府: no suffix)
            level = (government.group(1) or government.group(3)) if government else None
            suffix = (government.group(2) or government.group(4)) if government else ""
            zoned = None if government else ZONE.search(name)
            zone = zoned.group(0) if zoned else ""
            placed = None if government or zoned or EACH.match(name) else PLACE_BODY.match(name)
            body = placed.group("body") if placed and i and LEVELLED_PLACE.match(names[i - 1]) else ""
    return out


def keep_own_places(units: Iterable[Unit], places: Iterable[str]) -> None:
    """A name given the list's prefix that starts with a place of the notice's own chain is that place's body, as
    printed: 青禾交警大队 in 青禾县's list (县发改局、青禾交警大队) is no 县青禾交警大队. The places are the notice's
    government and its parents (青禾县, 白岭市, 山东省); a stem of one character (禾县: 禾) says too little."""
    stems = tuple(stem for stem in {simplified(place_stem(p)) for p in places} if len(stem) >= 2)
    for unit in units:
        added = unit.name != unit.printed and unit.name.endswith(unit.printed)
        if stems and added and simplified(unit.printed).startswith(stems):
            unit.name = unit.printed


def kind_of(name: str, hint: str | None = None) -> str:
    if COLLECTIVE.search(name) or hint == "collective":
        return "collective"
    if ENTERPRISE.search(name) and not REGULATOR.search(name):
        return "enterprise"
    if GOVERNMENT.search(name) and not simplified(name).startswith(("市政府", "区政府", "县政府")):
        return "government"
    return "department"


def suspicious(name: str) -> str | None:
    """Why a unit name may be two units run together, or a sentence taken for a unit."""
    if len(name) > 20:
        return "unusually long for a unit name"
    body = re.sub(r"[((][^))]*[))]", "", name)
    if TWO_UNITS.search(body) and not simplified(body).endswith("分局"):
        return "may be two units run together"
    return None
