"""Leaders named in headings (钱三雄市长牵头重点工作, (许继清副市长协助推进)) and lines."""

from __future__ import annotations

import re
from collections.abc import Callable

from .items import Section
from .markers import LEADER_LABEL
from .variants import both, compile_both, simplified

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
# 分管副市长 is a post, and 市政府常务副市长 a post with its government before it
NOT_NAMES = {"分管", "常务", "主管", "相关", "有关", "协管", "牵头", "责任", "联系",
             "省政府", "市政府", "区政府", "县政府", "州政府", "旗政府", "镇政府", "乡政府"}
# a group's leaders in a field of its own at the heading's end: 一、…工作目标(牵头领导:成坤、柯相国、王俊)
FIELD_OPEN = "((【〔"
HEADING_FIELD = compile_both(rf"[{FIELD_OPEN}]\s*(?P<label>{LEADER_LABEL})\s*[::]\s*(?P<names>[^))】〕]+?)\s*[))】〕]"
                             r"[。;;]?\s*$")
ASSISTING = re.compile(r"协助|协管")  # 协助领导 / 协管副秘书长: a leader who assists the one leading

# A bare name (no post printed) is told from a word by its surname: the single surnames of the 百家姓 and
# the common ones it lacks (付, 肖, 覃 …), less the rare surnames that open common words of a notice (惠民,
# 支持, 卫生, 全面, 国家, 有关, 秋季 …), so that a text's fragment (暑期公, 治理, 秋白), a group heading
# (稳增长) or a 类别 word (发展类) is no name
SURNAMES = frozenset(
    "赵钱孙李周吴郑王冯陈褚蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏窦章云苏潘葛奚范彭郎鲁韦昌马苗凤"
    "花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于傅皮卞齐康伍余元卜顾孟黄穆萧尹姚邵湛汪祁毛禹狄米贝"
    "臧伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万柯昝"
    "管卢莫裘缪干解宗丁贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊甄曲封芮羿储靳汲邴糜松井段富巫乌"
    "焦巴弓牧隗谷侯宓蓬郗班仰仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰鄂索咸籍赖卓蔺"
    "屠蒙池乔阴胥苍闻莘党翟谭贡劳逄姬申堵冉宰郦雍璩桑桂濮牛寿边扈燕冀郏浦尚温庄晏柴瞿阎慕连茹习宦艾鱼容向"
    "古易慎戈廖庾暨居衡步耿弘匡文寇禄阙欧殳沃蔚越夔隆师厍聂晁勾敖冷訾辛阚那简饶曾毋沙乜鞠丰巢关蒯查荆游竺权"
    "逯盖桓晋楚闫汝鄢涂钦岳帅缑亢况郈琴牟佘佴伯赏墨哈谯笪阳佟"
    "付肖代覃冼麦练揭粟敬银仝庹兰谌凃檀雒操税母靖尧来遇修矫迟冶郇亓邸伞战苟隋展綦占栗蹇妥种盘植")
COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "令狐", "慕容", "宇文", "长孙", "司徒", "夏侯", "端木",
    "公孙", "轩辕", "呼延", "申屠", "澹台", "单于", "钟离", "闻人", "西门", "南宫", "万俟", "司空", "赫连"))


def person_name(text: str) -> bool:
    """A bare Chinese name: a surname and a given name of one or two characters (张三, 欧阳明华)."""
    name = simplified(text)
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name):
        return False
    if name[:2] in COMPOUND_SURNAMES:
        return len(name) >= 3
    return len(name) <= 3 and name[0] in SURNAMES and name not in NOT_NAMES


def heading_leaders(heading: str) -> tuple[str | None, list[tuple[str, str]], list[tuple[str, str]]]:
    """(the leader as the heading prints it, or None; the leading (name, title); the assisting (name, title))
    named in a heading: 钱三雄市长牵头…, (许继清副市长协助推进), or the heading's own leader field at its end."""
    lead = _lead(heading)
    form, leading = (lead[0], [lead]) if lead else _several_lead(heading)
    assisting: list[tuple[str, str]] = []
    for m in ASSISTS.finditer(heading):
        if all(m.group("name") != name for name, _ in assisting):
            assisting.append((m.group("name"), m.group("title")))
    # matched from the last bracket only: a search from every bracket of a long heading would be quadratic
    field = None if lead else HEADING_FIELD.match(heading, max(map(heading.rfind, FIELD_OPEN)))
    if field:
        printed, people = equal_leaders(field.group("names"), "领导")
        if ASSISTING.search(field.group("label")):
            assisting.extend(person for person in people if person not in assisting)
        elif people:
            form, leading = printed, people
    return form, leading, assisting


def lead_section(section: Section, heading: str, sink: Callable[[str, str], None]) -> None:
    """The leaders a heading names, given to its section (a heading of prose or a table's group row); each
    one also to `sink` (name, title), which registers them."""
    section.leader, leading, assisting = heading_leaders(heading)
    for name, title in leading:
        sink(name, title)
    for name, title in assisting:
        section.assisting_leaders.append(name)
        sink(name, title)


# a heading naming the head's post alone (常务副县长牵头负责的工作, 分管农业副县长负责的工作: whoever holds it leads,
# the post as printed; 县长负责制 is a rule, no leader), or a leader and nothing else, a count of the tasks at most
# (一、王某副县长(2项): the tasks under it are that leader's)
POST_LEADS = compile_both(r"^(?:由)?(?P<post>(?:(?:分管|主管|联系)[\u4e00-\u9fff]{0,4}?)?(?:常务)?副?"
                          rf"(?:省|市|区|县|州|镇|乡|旗|盟)长)(?:同志)?{LEAD_VERB}(?!制)")
LEADER_ALONE = compile_both(rf"^(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?P<title>{POSTS})(?:同志)?(?:[((]\d{{1,3}}项[))])?$")


def _lead(heading: str) -> tuple[str, str] | None:
    m = LEADS.match(heading)
    if not m:
        return _posted_lead(heading) or _post_or_leader_alone(heading)
    if m.group("name3"):
        return m.group("name3"), "领导"
    name, title = (m.group("name"), m.group("title")) if m.group("name") else (m.group("name2"), m.group("title2"))
    return (name, title) if simplified(name) not in NOT_NAMES else _post_or_leader_alone(heading)


def _post_or_leader_alone(heading: str) -> tuple[str, str] | None:
    post = POST_LEADS.match(heading)
    if post:
        return post.group("post"), "领导"
    alone = LEADER_ALONE.match(heading)
    return (alone.group("name"), alone.group("title")) if alone and person_name(alone.group("name")) else None


# 县委常委、常务副县长张三牵头的重点工作 / 张三同志(县委副书记、县长)负责: posts of any wording with the name
POSTED_LEAD = compile_both(rf"^(?P<who>[\u4e00-\u9fff、]{{4,24}}?){LEAD_VERB}")


def _posted_lead(heading: str) -> tuple[str, str] | None:
    text = BRACKETED_POSTS.sub(r"\g<posts>\g<name>", COMRADE_BEFORE.sub("", heading.removeprefix("由")))
    m = POSTED_LEAD.match(text)
    # 县委副书记、县长张三同志牵头: the posts, the name, then 同志
    return post_then_name(m.group("who").removesuffix("同志")) if m else None


def _several_lead(heading: str) -> tuple[str | None, list[tuple[str, str]]]:
    """县领导张三、李四分管工作: several leaders after their post, equals, as one field prints them."""
    m = POSTED_LEAD.match(heading.removeprefix("由"))
    who = clause_leaders(m.group(0)) if m and "、" in m.group("who") else None
    return equal_leaders(who, "领导") if who else (None, [])


COMRADE_BEFORE = compile_both(r"同志(?=[((])")
SEVERAL = re.compile(r"[、,,;;/\s]+")
ONLY_TITLE = compile_both(rf"^(?:{TITLE})$")
ONLY_POSTS = compile_both(rf"^{POSTS}$")


def titled_name(text: str) -> bool:
    """副县长张三: a post, then a person's name (市长热线 is no name)."""
    m = TITLE_NAME.match(text)
    return m is not None and person_name(m.group("name"))


def equal_leaders(printed: str, label: str) -> tuple[str, list[tuple[str, str]]]:
    """One leader field or cell naming several leaders as equals (责任领导:张三、李四, a cell 张三 李四): the
    field as printed with the titles dropped (张三、李四), and each (name, title). A title printed apart
    from its name (张三 副县长) belongs to the name before it."""
    text = BRACKETED_POSTS.sub(r"\g<posts>\g<name>", printed.strip(" 。;;,,"))  # 张三(副县长): 副县长张三
    text = _bracketed_names(text)
    people: list[tuple[str, str]] = []
    seps: list[str] = []
    pieces = SEVERAL.split(text)
    ahead = ""  # posts printed before the first name (副县长 张三, 县委常委、副县长张三): that name's
    for piece, sep in zip(pieces, ["", *SEVERAL.findall(text)], strict=False):
        if not piece:
            continue
        if ONLY_TITLE.match(piece) or (not people and (ONLY_POSTS.match(piece) or _post_alone(piece))):
            if people:
                people[-1] = (people[-1][0], piece)
            else:
                ahead += sep.strip() + piece if ahead else piece
            continue
        name, title = name_and_title(piece, label)
        people.append((name, f"{ahead}、{title}" if ahead and title != label else ahead or title))
        ahead = ""
        seps.append(sep.strip() or sep[:1])
    if ahead and not people:
        people.append((ahead, label))  # 常务副县长: the post alone, as printed
    form = "".join(sep + name for sep, (name, _) in zip(["", *seps[1:]], people, strict=False))
    return form, people


# a remark before the leaders' names in brackets: 按《市委工作要点》分工(张三、李四)
REMARK_THEN_NAMES = compile_both(r"^(?P<remark>[^(()]+)[((](?P<names>[^()()]+)[))]$")


def _bracketed_names(text: str) -> str:
    """The names alone when a leader field prints a remark (how the leaders were chosen) and then the names
    in brackets; the field as it is when the bracket holds anything but names or the remark is a name."""
    m = REMARK_THEN_NAMES.match(text)
    if not m or person_name(m.group("remark")):
        return text
    names = [piece for piece in SEVERAL.split(m.group("names")) if piece]
    return m.group("names") if names and all(map(person_name, names)) else text


def name_and_title(text: str, default_title: str) -> tuple[str, str]:
    """张三副市长 / 副市长张三 / 张三同志 -> (张三, 副市长 or the label); a post alone (分管副市长) and a
    bare name keep the text as printed."""
    text = text.strip()
    m = NAME_TITLE.match(text)
    if m and len(text) == m.end() and simplified(m.group("name")) not in NOT_NAMES:
        return m.group("name"), m.group("title")
    m = TITLE_NAME.match(text) or None
    if m:
        return m.group("name"), m.group("title")
    m = COMRADE.match(text)
    if m:
        return m.group("name"), default_title
    return post_then_name(text) or (text, default_title)


# a post ends in one of these words' last characters: 县长, 主任, 书记, 常委, 委员, 主席, 总理, 部长, 市领导 …
POST_END = "长任记委员席理导"
# a name with its posts in brackets after it: 张三(县委副书记、县长); a label line's pattern leaves the bracket open
BRACKETED_POSTS = compile_both(rf"(?P<name>[\u4e00-\u9fff]{{2,4}}?)[((](?P<posts>[^()()]{{1,20}}[{POST_END}])"
                               r"(?:[))]|$)")


def _post_alone(text: str) -> bool:
    """宣传部部长 / 县人大副主任 between a leader's other posts (县委常委、宣传部部长、副县长张三): a post by how
    it ends, and no person's name."""
    return simplified(text[-1:]) in POST_END and not person_name(text) and name_and_title(text, "") == (text, "")


# a clause that puts leaders in charge of the work: 副市长张三牵头, 县委常委、常务副县长李四负责, 张三同志负责协调,
# 副县长王五、赵六牵头, 张三同志牵头负责 (what follows the verb says how: 负责, 协调, 推进, 落实, 抓总)
PERSON_CLAUSE = compile_both(rf"^(?P<who>[\u4e00-\u9fff、\s]{{2,40}}?)(?P<comrade>同志)?{LEAD_VERB}"
                             r"(?:负责|协调|推进|落实|抓总)?$")


def clause_leaders(clause: str) -> str | None:
    """The leaders a clause of an attribution puts in charge, as printed (副市长张三), or None: each a person's
    name (a surname first), at least one printed with a post or as 同志, so that no unit is taken for a person."""
    m = PERSON_CLAUSE.match(clause.strip())
    if not m:
        return None
    who = m.group("who").strip()
    _, people = equal_leaders(who, "")
    named = all(person_name(re.sub(r"\s+", "", name)) for name, _ in people)
    posted = any(title for _, title in people) or m.group("comrade") is not None
    return who if people and named and posted else None


def post_then_name(text: str) -> tuple[str, str] | None:
    """组织部长张三 / 县人大副主任李四 / 主管副市长王五 -> (name, post): posts of any wording, read by how a post
    ends, then a person's name (a surname and one or two characters)."""
    for size in (3, 2):
        head, name = text[:-size], text[-size:]
        if len(head) >= 2 and simplified(head[-1]) in POST_END and person_name(name):
            return name, head
    return None
