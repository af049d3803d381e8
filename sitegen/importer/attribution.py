"""Unit attributions: who is responsible for a task, and in which role.

Styles handled (full-width and ASCII punctuation alike):
  (牵头单位:X;责任单位:Y)   (牵头单位:X;配合单位:Y)   责任单位:X on its own line
  牵头单位:X / 配合单位:Y on lines of their own   (X牵头,Y配合)
  (X牵头,Y按职责分工负责)   (X、Y等负责)   (…,按职责分工分别牵头负责)
plus a remark after the units (…,各项指标完成情况以市统计局上报数据为准。) kept as a
note, and a rule such as (列第一位者为工作牵头单位,下同) that decides roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..content.schema import LEAD_ROLES
from .items import Unit
from .leaders import ASSISTING, PERSON_CLAUSE, TITLE, clause_leaders, person_name
from .markers import DEADLINE_LABEL_WORD, LABEL_CLOSE, LABEL_OPEN, LEADER_LABEL_END, ROLE_LABEL, marker
from .units import COLLECTIVE, MARKS, START_OF_UNIT, looks_like_unit, parse_group, split_groups, split_items
from .variants import compile_both, simplified

# 牵头单位: and 【牵头单位】 alike; the bracket is part of the label when it closes right after it
LABEL = re.compile(rf"(?:(?P<open>[{LABEL_OPEN}])(?=\s*(?:{ROLE_LABEL})\s*[{LABEL_CLOSE}]))?"
                   rf"\s*(?P<label>{ROLE_LABEL})\s*(?(open)[{LABEL_CLOSE}]\s*[::]?|[::])")
# every label ends in one of these: a text without any has none (looked for first: a search for the label itself
# tries each of its words at every character)
LABEL_ENDS = ":" + LABEL_CLOSE.replace("\\", "")
# 汇总 (the unit that gathers the others' work and reports it) leads, as in 牵头单位或汇总单位 and LEAD_WORD
ROLE_OF_LABEL = [("牵头", "牵头"), ("主办", "主办"), ("主责", "牵头"), ("汇总", "牵头"), ("协办", "协办"),
                 ("配合", "配合"), ("参与", "配合"), ("参加", "配合"), ("协同", "配合"), ("协助", "配合"),
                 ("承办", "责任"), ("落实", "责任"), ("责任", "责任")]
# the notice's legend for its unit lists: the first-listed unit leads (列第一位者为牵头单位, 排在首位的单位负责牵头,
# 排在最前面的为牵头部门), or the units printed with a mark do (带*号的为牵头单位, 标注▲的为牵头单位, 加粗的为牵头单位)
LEAD_WORD = r"(?:(?:单位|部门)(?:为|是|即为|负责)?|为|是|即为)(?:工作|总)?(?:牵头|主办|主责|汇总)"
RULE = compile_both(r"(?:(?:(?:列|排|居|位)(?:在|于)?)?(?:第一|首)|(?:列|排|居|位)(?:在|于)?最?前面?)"
                    r"(?:位|个|家)?(?:者|的)?[\u4e00-\u9fff]{0,4}?"
                    rf"{LEAD_WORD}[^,,;;))。]*"
                    rf"|(?:带|标|标注|标有|注有|加|打|有)?[“\"'‘]?[{MARKS}]+[”\"'’]?(?:号|符号|标记|标志)?(?:的|者)?"
                    rf"{LEAD_WORD}[^,,;;))。]*"
                    rf"|(?:加粗|粗体|黑体|字体加粗)(?:显示)?(?:的|者)?{LEAD_WORD}[^,,;;))。]*")
ALL_LEAD = compile_both(r"分别牵头|共同牵头|均为牵头")
# the role word may carry what the units do: 牵头督导, 负责落实, 配合推进 (the role is the same)
# a remark (以下各项工作均需X落实,不再列出) names units too, but assigns nothing of its own; units that follow the
# work as a model (各乡镇参照落实, 各县区参照执行) are responsible for it in their own place
# 牵头 may be followed by two characters of what the lead units do (牵头揽总, 牵头完成), 按职责分工 by two to four
# (按职责分工承担, 按职责分工抓好落实; a mirror that swaps words for synonyms prints 按职责分工卖力 for 负责); a wider
# role word, 督促检查, ends a sentence of the notice's own as well, and a role word may be preceded by
# 要/应/须 (X、Y要各负其责); each in its own remit is said as 各…其… (各司其职, 各负其责, 各尽其责)
INLINE_ROLE = compile_both(r"^(?!.*(?:以下|均需|均由|各项工作|不再))(?P<units>.+?)(?:要|应|须)?"
                         r"(?P<role>参照(?:执行|落实|实施)|按职责分工分别牵头负责|按职[责能]分工负责|按职[责能]负责|"
                         r"按职[责能]分工|分别牵头|共同牵头|"
                         r"按职责分工分别负责|按职责分别负责|按职[责能](?:抓好|做好|认真)?落实|牵头负责|负责牵头|分别负责|分工负责|牵头|配合|协助|协同|参与|参加|(?<!政)协办|主办|承办|负责|具体落实|组织落实|"
                         r"抓好落实|落实|组织实施|具体负责|共同负责|共同推进|共同落实|各[\u4e00-\u9fff]其[职责]|负总责|主抓|抓总|统筹|指导|督促)"
                         r"(?:落实|督导|推进|实施|抓总|组织实施|具体落实|协调|指导|(?<=牵头)[\u4e00-\u9fff]{2}|(?<=分工)[\u4e00-\u9fff]{2,4})?$")
# the unit in overall charge leads (主抓, 抓总, 负总责, 统筹); units that act together (共同推进), each in its
# own remit (各司其职, 分别负责, 分工负责), guide (指导) or urge (督促) are responsible, and lead nobody
INLINE_ROLES = {"牵头": "牵头", "牵头负责": "牵头", "负责牵头": "牵头", "分别牵头": "牵头", "共同牵头": "牵头",
                "主抓": "牵头", "抓总": "牵头", "负总责": "牵头", "统筹": "牵头",
                "按职责分工分别牵头负责": "牵头", "主办": "主办", "协办": "协办",
                "配合": "配合", "协助": "配合", "协同": "配合", "参与": "配合", "参加": "配合"}
# leaders named by their posts alone in the attribution (分管副省长、协管副秘书长负责,省发展改革委牵头,…): the
# posts lead the work, one 协管 (协助) assists
POST = rf"(?:分管|协管|协助|主管|联系)?(?:{TITLE})"
LEADER_CLAUSE = compile_both(rf"^(?P<posts>{POST}(?:、{POST})*)(?:同志)?(?:负责|牵头|主抓|领办)$")
ASSISTING_POST = compile_both(r"^(?:协管|协助)")
RULE_PAREN = compile_both(r"[((][^(())]*(?:第一|首)[^(())]*[))]")
# a date, maybe opened by 确保在/力争于/到 and closed by what is done by then, said with an adverb or not (全面建成)
TIME_CLAUSE = compile_both(r"^(?:(?:确保|力争|争取)?(?:在|于|到)|确保|力争|争取)?"
                           r"(?:\d{4}年)?(?:\d{1,2}月(?:份)?(?:底|末|中旬|上旬|下旬|\d{1,2}日)?|年底|年内|年末|全年|"
                           r"[一二三四]季度(?:末)?|上半年|下半年|长期|持续|\d{4}年(?:底|内)?)(?:前|起|以前)?"
                           r"(?:[\u4e00-\u9fff]{0,2}?(?:完成|完工|建成|推进|实施|落实|见效|投用|到位|坚持|开展)|取得.{0,6})?$")
NOT_UNITS = compile_both(r"^(含|包括|不含|即|如|指|其中|主要是|重点是)")  # (含开发区) qualifies, it names no unit
INNER_BRACKET = re.compile(r"〔[^〔〕]{2,300}〕|\[[^\[\]]{2,300}\]|【[^【】]{2,300}】|\([^()]{4,300}\)")
ROLE_WORD = compile_both(r"牵头|配合|参与|参加|协办|主办|负责|单位:|部门:")
BRACKETED = re.compile(r"[((]([^(())]{2,20})[))]")
DEADLINE = compile_both(r"(?:\d{4}年)?(?:\d{1,2}月(?:底|末|中旬|上旬|下旬|\d{1,2}日)?|年底|年内|[一二三四]季度(?:末)?)"
                        r"前?(?:完成|完工|建成)?")


@dataclass
class Attribution:
    units: list[Unit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rule: str | None = None
    rule_carries: bool = False  # 下同: the rule holds for what follows
    leaders: list[str] = field(default_factory=list)  # as printed, names with titles, one entry a field
    assisting: list[str] = field(default_factory=list)  # 协助领导:X
    deadline: str | None = None
    all_lead: bool = False


OPENERS, CLOSERS = "((【[〔［", "))】]〕］"  # every bracket kind notices put attributions in
SENTENCE_END = "。;;"


def trailing_paren(text: str) -> tuple[str, str] | None:
    """Split text into (before, last bracketed group) when it ends with one."""
    text = text.rstrip().rstrip("。.")
    if not text.endswith(tuple(CLOSERS)):
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += text[i] in CLOSERS
        depth -= text[i] in OPENERS
        if depth == 0:
            return text[:i], text[i:]
    return None


@lru_cache(maxsize=65536)  # asked of each line again when its segment's item types are counted
def inline_attribution(text: str) -> tuple[str, str] | None:
    """(text before, attribution) when a task's paragraph ends in one: in brackets (任务(牵头单位:X)),
    as labelled fields (任务。牵头单位:X;配合单位:Y) or as a sentence (任务。由X牵头,Y配合。)."""
    tail = trailing_paren(text)
    if tail and tail[0].strip() and (is_attribution(tail[1]) or _time_after_fields(*tail)):
        return _fields_before(*tail)
    return labelled_tail(text) or sentence_tail(text) or clause_tail(text)


HEAD_CLAUSES = 3  # 由X牵头,Y、Z配合,…: an attribution opening a task says who does it in a clause or two
HEAD_MAX = 80  # characters: a head is short; a longer opening is the task's own sentence (never read: linear)
CLAUSE_STOP = re.compile(r"[,,]")


def item_head(line: str) -> tuple[str, str] | None:
    """head_clauses of a numbered item's line (1.由X会同Y负责,推行…). An unnumbered paragraph opening so is the
    notice's own sentence as often as a task (县发展改革局负责牵头组织,指导各乡镇…), so it is not read."""
    m = marker(line)
    return head_clauses(m.rest) if m else None


@lru_cache(maxsize=65536)  # asked of each numbered line again when its segment's item types are counted
def head_clauses(text: str) -> tuple[str, str] | None:
    """(text, attribution) when an item's first sentence opens by saying who does the work (由X会同Y负责,推行… /
    X牵头,Y配合,全面落实…): the longest run of opening clauses that are all role clauses, with the task's own
    words after it; those clauses are the task's first words as printed, so the text keeps them."""
    stop = min((i for i in (text.find(c) for c in SENTENCE_END) if i >= 0), default=len(text))
    if not ROLE_WORD.search(text, 0, min(stop, HEAD_MAX)):
        subject = _subject_head(text, stop) if SUBJECT_ROLE.search(text, 0, min(stop, HEAD_MAX)) else None
        return (text, subject) if subject else None  # no role word opens the item: the common case, decided at once
    # (from 1: a fragment opening with its comma, ,优化…, has no clause before it)
    ends = [m.start() for m in CLAUSE_STOP.finditer(text, 1, min(stop, HEAD_MAX))][:HEAD_CLAUSES]
    for end in reversed(ends):
        head = text[:end]
        if text[end + 1:stop].strip() and not still_open(head) and not RULE.search(head) \
                and _inline_clauses(_by(head)):  # (列第一位者为牵头单位,…: the notice's legend, not a task)
            return text, head
    subject = _subject_head(text, stop)
    return (text, subject) if subject else None


# 1.县发改局负责做好…, 2.县住建局会同县财政局制定…, 3.县人社局牵头制定…,各乡镇配合落实, 4.县审计局要负责对…: a
# numbered item whose first clause opens with the unit that does the work, its role word, then the work itself
SUBJECT_ROLE = compile_both(r"(?P<modal>要|应|须)?(?:具体)?(?P<role>负责|牵头|会同|指导|督促)"
                            r"(?!单位|部门|科室|处室|领导|责任|人)")  # (各牵头单位要…: 牵头 names the units)
SUBJECT_MAX = 30  # characters of the units before the role word
# what the work opens with after the units a unit works with (会同县财政局制定…, 会同县委宣传部做好…): a verb, or
# the preposition or adverb before it; a name's next character (县委|宣传部) is none of these
WORK_OPENS = compile_both(r"(?:共同|具体|负责|做好|抓好|制定|开展|推进|推动|组织|研究|落实|实施|建立|健全|完善|"
                          r"加强|加快|编制|指导|督促|提出|办理|完成|确保|认真|切实|全力|进一步"
                          r"|对|在|按|抓|做|制|开|推|组|研|建|完|加|编|搞|查|排)")
PARTNER_JOINS = "、和及与"
# X牵头的任务, X负责(3项), X负责:, X负责工作 name a share; X负责(定期)督查/考核/通报/汇总 is the notice's own
# machinery for following its tasks up (区政府督查室负责定期督查,…), no task of its own
NOT_WORK = compile_both(r"的|[((::]|(?:工作|任务|事项)"
                        r"|(?:定期|适时|及时|统一|全程|跟踪)?(?:督查|督办|督导|督促检查|考核|考评|通报|调度|汇总|统计|跟踪)")
PARTNER_ETC = compile_both(r"等(?:有关|相关)?(?:部门|单位)?")


def _subject_head(text: str, stop: int) -> str | None:
    """The attribution an item's opening subject says (县发改局负责做好… -> 县发改局负责; X会同Y制定… -> X会同Y负责),
    with the role clauses after it in the same sentence (…,各乡镇配合落实); None when no unit opens the clause."""
    end = min([m.start() for m in CLAUSE_STOP.finditer(text, 0, min(stop, HEAD_MAX))] + [min(stop, HEAD_MAX)])
    clause = text[:end]
    for m in SUBJECT_ROLE.finditer(clause, 0, SUBJECT_MAX + 4):
        units = clause[1:m.start()] if clause.startswith("由") else clause[:m.start()]
        work = clause[m.end():]
        if len(units) < 2 or not looks_like_unit(units):
            continue  # 县农技指导站负责: 指导 inside the name, the role word is further on
        if m.group("modal") and COLLECTIVE.search(units):
            return None  # 各部门要负责…: the notice asks every unit, it assigns nothing
        if not work.strip() or still_open(units) or NOT_WORK.match(work):
            return None  # a clause of the role alone is head_clauses' own, X牵头的任务 a heading's share; a
            # bracket left open is the task's
        together = work[2:] if m.group("role") != "会同" and work.startswith("会同") else \
            work if m.group("role") == "会同" else None
        partners = _partners(together) if together is not None else None
        head = f"{units}会同{partners}负责" if partners else \
            f"{units}{'牵头' if together is not None else m.group('role')}"
        rest = [c.strip() for c in CLAUSE_STOP.split(text[end + 1:stop])] if end < stop else []
        said = [c for c in rest if _inline_clause(c, bounded=True)]
        return ",".join([head, *said])
    return None


def _partners(text: str) -> str | None:
    """The units a unit works with, from the start of the text up to the work (县财政局、县自然资源局制定… ->
    县财政局、县自然资源局): each name the shortest run that reads as a unit with the work or a joining word after
    it."""
    pos, found = 0, None
    while pos < len(text):
        end = next((k for k in range(pos + 2, min(len(text), pos + SUBJECT_MAX) + 1)
                    if looks_like_unit(text[pos:k]) and (k == len(text) or text[k] in PARTNER_JOINS
                                                          or WORK_OPENS.match(text, k)
                                                          or PARTNER_ETC.match(text, k))), None)
        if end is None:
            break
        etc = PARTNER_ETC.match(text, end)
        found = text[:etc.end() if etc else end]
        if end < len(text) and text[end] in PARTNER_JOINS:
            pos = end + 1
            continue
        break
    return found


def _fields_before(before: str, last: str) -> tuple[str, str]:
    """(主抓部门:X)(责任人:张三(副县长))(完成时限:Y): the brackets before the last one that hold a field or a role
    are the same attribution, a bracket per field (one may hold a leader's posts in brackets of its own, which no
    search for a bracket inside the text can find); a task's attribution has a few fields, so a few are looked at."""
    for _ in range(6):
        prev = trailing_paren(before)
        if not (prev and prev[0].strip() and _a_field(prev[1])):
            break
        before, last = prev[0], prev[1] + last
    return before, last


def _time_after_fields(before: str, last: str) -> bool:
    """…(X牵头,Y配合)(2024年6月底前): the time the work is due, in a bracket of its own after the attribution."""
    prev = trailing_paren(before)
    return bool(TIME_CLAUSE.match(last[1:-1].strip()) and prev and prev[0].strip() and _a_field(prev[1]))


def _a_field(bracket: str) -> bool:
    inner = bracket[1:-1]
    return bool(ROLE_WORD.search(inner) or LABEL.match(inner.lstrip())) \
        and (is_attribution(bracket) or _leaders_in_charge(inner.strip()))  # (张三同志负责)(责任单位:X)


def clause_tail(text: str) -> tuple[str, str] | None:
    """任务内容,由X牵头,Y配合。 / 关于…的问题,由X会同Y负责落实。 — the clauses from the last 由 on, when they
    only say who does the work."""
    body = text.rstrip().rstrip("。.")
    cut = body.rfind(",由")
    if cut <= 0:
        return _role_clause_tail(text, body)
    if any(c in body[cut:] for c in SENTENCE_END) or still_open(body[:cut]):
        return None
    last = body[cut + 1:]
    return (text[:cut + 1], last) if not still_open(last) and is_attribution(_by(last)) else None


def _role_clause_tail(text: str, body: str) -> tuple[str, str] | None:
    """任务内容,各乡镇按职责抓好落实。 — the last clause of the last sentence, when it is units (by the vocabulary)
    and a role word and nothing else; the text keeps it, as printed."""
    cut = body.rfind(",")
    if cut <= 0 or any(c in body[cut:] for c in SENTENCE_END) or still_open(body[:cut]) or head_clauses(text):
        return None  # (X牵头制定…,Y配合落实: the clause is the opening attribution's, read with it)
    last = body[cut + 1:].strip()
    return (text, last) if not still_open(last) and _inline_clause(last) and not _remark_last(last) else None


def labelled_tail(text: str) -> tuple[str, str] | None:
    """任务内容。牵头单位:X;配合单位:Y;完成时限:… — the fields after the task, without brackets."""
    m = LABEL.search(text) if any(c in text for c in LABEL_ENDS) else None
    if m and m.start() > 1 and text[m.start() - 1] in OPENERS and text[m.start() - 2] in SENTENCE_END + ",,.  " \
            and _fields_after_bracket(text[m.start() - 1:]):
        return text[:m.start() - 1], text[m.start() - 1:]  # 任务。(牵头单位:X)责任领导:Y — a field after the bracket
    if not m or m.start() == 0:
        return None
    spaced = text[m.start()].isspace()  # (…疫苗接种 牵头单位:X: the space the label's match starts with parts them)
    if text[m.start() - 1] not in SENTENCE_END + ",,.  " and not m.group("open") and not spaced \
            and not _glued_field(text[m.start():]):
        return None
    before = text[:m.start()]
    if still_open(before):
        return None  # a second field inside a bracket that is still open: (牵头单位:X;责任单位:…
    fields = text[m.start():]
    end = _fields_end(fields)
    if end is not None:  # the fields, then prose again: the prose stays the task's text
        return before + fields[end:].lstrip(), fields[:end]
    return before, fields


def _fields_after_bracket(text: str) -> bool:
    """(牵头单位:X)完成时限:Y / (牵头单位:X);责任领导:Z: a bracket of fields, a field after it, and nothing else."""
    return _bracket_then_fields(text) is not None


def _bracket_then_fields(text: str) -> str | None:
    """The fields of (牵头单位:X)完成时限:Y as one run (牵头单位:X;完成时限:Y), or None when the text is not a bracket
    followed by fields and nothing else."""
    if text[:1] not in OPENERS:
        return None
    depth = 0
    for i, c in enumerate(text):
        depth += (c in OPENERS) - (c in CLOSERS)
        if depth == 0:
            rest = text[i + 1:].lstrip(" ;;,,。")
            if rest and LABEL.match(rest) and _fields_end(rest) is None and LABEL.match(text[1:i].lstrip()):
                return f"{text[1:i]};{rest}"
            return None
    return None
GLUED_ROLE = re.compile(r"^(?:主要)?(?:牵头|责任|配合|协办|主办|参与|参加|协同|承办|主责|协助)")


def _glued_field(fields: str) -> bool:
    """…疫苗接种牵头责任部门:县卫健委 — a field run into the task's last word (a line break lost): read so only where
    the label names a unit's role in full (牵头单位, 责任部门; not 牵头: alone, nor a word of no role,
    政策解读单位:) and the rest of the line is its units."""
    m = LABEL.match(fields)
    label = simplified(m.group("label")) if m else ""
    if not m or not label.endswith(("单位", "部门", "科室", "处室")) or not GLUED_ROLE.match(label):
        return False
    value = fields[m.end():].strip(" 。;;")
    return bool(value) and not LABEL.search(value) and looks_like_unit(value, bounded=True)


def _fields_end(fields: str) -> int | None:
    """Where labelled fields run into prose again (棚户区改造,牵头部门:市住建委。新开工进度较慢的为…): after a 。
    outside brackets followed by a sentence that opens no field and names no role; None when they run to the end."""
    depth = 0  # brackets still open; each sentence is read once, so this stays linear
    for i, c in enumerate(fields):
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth = max(depth - 1, 0)
        elif c == "。" and depth == 0:
            start = i + 1
            while start < len(fields) and fields[start].isspace():
                start += 1
            if start == len(fields):
                return None
            stop = fields.find("。", start)
            sentence = fields[start:stop if stop >= 0 else len(fields)]
            if not LABEL.match(fields, start) and not ROLE_WORD.search(sentence):
                return i + 1
    return None


# how an attribution's bracket opens: 由, a label's or a role's first word (牵头单位, 责任单位, 主办, 配合, 协办, 承办,
# 参与), or a unit's first word (a level, 各, a known place); nothing yet, where a hard wrap fell right after it
OPENS_ATTRIBUTION = compile_both(r"^(?:由|牵|责|主|配|协|承|参|$)")


def opens_attribution(text: str) -> bool:
    """Could the text after a bracket's opener be the start of an attribution (牵 / 头单位:X, 县生态环境分 / 局牵头)?"""
    return bool(OPENS_ATTRIBUTION.match(text) or START_OF_UNIT.match(text))


def still_open(text: str) -> bool:
    """Does the text open a bracket it never closes (…兜牢民生底线。(牵头单位:X, its end on the next line)?"""
    return max(text.rfind(c) for c in OPENERS) > max(text.rfind(c) for c in CLOSERS)


def sentence_tail(text: str) -> tuple[str, str] | None:
    """任务内容。由X牵头,Y、Z配合。 — the last sentence, when it only says who does the work."""
    body = text.rstrip().rstrip("。.")
    cut = max(body.rfind(c) for c in SENTENCE_END)
    if cut <= 0:
        return None
    last = body[cut + 1:].strip()
    if still_open(body[:cut]) or still_open(last):
        return None  # the clause after ; is inside a bracket that is still open, or the last opens one: its end
        # is on a later line, or cut off with the excerpt (structure reads it once it closes, or what it names)
    return (text[:cut + 1], last) if last and is_attribution(_by(last)) and not _remark_last(_by(last)) else None


def cut_attribution(text: str) -> tuple[str, str] | None:
    """(text before, attribution) when the text ends inside a bracket that was never closed and what it
    holds so far is an attribution (an excerpt cut off mid-way: …建设。(县工信局牵头,县财政局、县自): the
    units printed in full are kept, a name cut in two is dropped."""
    opener = max(text.rfind(c) for c in OPENERS)
    if opener <= 0 or any(c in text[opener:] for c in CLOSERS):
        return None
    inner = text[opener + 1:].rstrip("、,,;;:: ")
    cut = max(inner.rfind(c) for c in "、,,;;::")
    last = inner[cut + 1:]
    if len(last) < 2 or not (looks_like_unit(last) or _inline_clause(last)):
        inner = inner[:max(cut, 0)]  # the last name was cut in two (a role clause, 县公安局牵头, is whole)
    inner = LABEL_LEFT.sub("", inner).rstrip("、,,;;:: ")  # a label whose value was cut off
    closed = f"{text[opener]}{inner}{CLOSERS[OPENERS.index(text[opener])]}"
    if inner and ROLE_WORD.search(inner) and is_attribution(closed):
        return text[:opener], closed
    return None


LABEL_LEFT = re.compile(rf"[;;,,]?\s*[{LABEL_OPEN}]?\s*(?:{ROLE_LABEL})\s*[{LABEL_CLOSE}]?\s*[::]?\s*$")


def whole_attribution(text: str) -> bool:
    """A line that only says who does the work: (X牵头,Y配合), 【责任单位:X】, 由X牵头,Y配合。"""
    plain = text.strip().rstrip("。.")
    if _legend(plain):
        return False
    # a bracket's words are read inside it (is_attribution unwraps it): 由 and 会同 open no bracket
    if plain[:1] not in OPENERS:
        plain = _by(plain)
        if plain and _remark_last(plain):
            return False
    return bool(plain) and (is_attribution(plain) or bracket_run(plain) is not None)


EXHORTATION = 8  # characters: 抓好落实, 确保按期完成, 认真抓好落实, 确保取得实效


def _remark_last(text: str) -> bool:
    """An unbracketed sentence that opens like an attribution but ends in prose naming nobody and no time
    (X负责牵头组织,指导各乡镇做好相关工作;…,形成合力 / 各有关部门各司其职,各乡镇因地制宜,形成工作合力): the
    notice's own words on how the work is shared, not a task's attribution (a bracket may end in a remark)."""
    clauses = split_groups(text)
    if len(clauses) < 2:
        return False
    last = clauses[-1]
    if all(_role_clause(c) for c in clauses[:-1]) and len(last) <= EXHORTATION:
        return False  # X牵头,Y配合,抓好落实 / 确保按期完成: the roles, then a word urging them on
    return not _role_clause(last) and not looks_like_unit(last) \
        and not TIME_CLAUSE.match(last) and not LEADER_CLAUSE.match(last)


def _role_clause(clause: str) -> bool:
    role = INLINE_ROLE.match(clause)
    return bool(role and looks_like_unit(role.group("units"), bounded=True))


def _legend(text: str) -> bool:
    """(各项任务中)第一个单位为牵头单位(,其他为配合单位): the notice's legend alone, which names no unit."""
    m = RULE.search(text)
    return m is not None and bool(LEGEND_OPEN.match(text[:m.start()]))


# what may open a legend: 注:, 说明:, 各项任务中, 表中, 以上工作中 (a unit list before the rule is an attribution)
LEGEND_OPEN = compile_both(r"^\s*(?:注|说明|备注)?\s*[::]?\s*"
                           r"(?:(?:各项|以上|以下|表内|表)?(?:工作|任务|事项)?中)?[,,]?\s*$")


def _by(text: str) -> str:
    """由X牵头 -> X牵头: 由 only introduces the units. X会同Y负责 -> X牵头,Y配合: the unit that acts
    together with (会同) the others leads them. X为牵头单位,Y为配合单位 -> X牵头,Y配合."""
    text = text[1:] if text.startswith("由") else text
    if "为" in simplified(text) and not legend_tail(text):  # X、Y,列第一位的为牵头单位: the legend stays as printed
        text = ROLE_NAMED.sub(lambda m: ROLE_OF_NAMED[simplified(m.group("role"))], text)
    plain = simplified(text)
    if "配合" in plain or "协助" in plain:
        text = ASSISTS.sub(_assists, text)
    if "会同" not in plain:
        return text
    return TOGETHER.sub(_together, CLAUSE_TOGETHER.sub("", text))


# X牵头,会同Y负责: a clause opened by 会同 names the units the one before it works with
CLAUSE_TOGETHER = compile_both(r"(?<=[,;,;])会同")


# (X为牵头责任单位, X为牵头负责部门: 牵头 and 责任 name one role, the leading one)
ROLE_NAMED = compile_both(r"为(?P<role>牵头|主办|配合|协办|参与|责任)(?:责任|负责)?(?:单位|部门)(?=$|[,;,;。])")
ROLE_OF_NAMED = {"牵头": "牵头", "主办": "主办", "配合": "配合", "协办": "协办", "参与": "参与", "责任": "负责"}


TOGETHER = compile_both(r"(?:^|(?<=[,;]))(?P<lead>[^,;()]+?)会同(?P<rest>[^,;()]+?)"
                        r"(?P<role>(?:共同|负责|研究|组织|提出|具体|抓好|落实|实施|推进|办理|意见|工作){1,6})?(?=$|[,;])")


# X配合Y落实: Y does the work X assists, so Y leads as a 责任单位 printed beside a 配合单位 does
ASSISTS = compile_both(r"(?:^|(?<=[,;]))(?P<helper>[^,;()]+?)(?:配合|协助)(?P<main>[^,;()]+?)"
                       r"(?P<role>(?:共同)?(?:负责|落实|实施|推进|开展|办理|组织实施)(?:落实|实施|推进)?)(?=$|[,;])")


def _assists(m: re.Match) -> str:
    if not (looks_like_unit(m.group("helper")) and looks_like_unit(m.group("main"))):
        return m.group(0)
    return f"{m.group('helper')}配合,{m.group('main')}牵头"


def _together(m: re.Match) -> str:
    if not (looks_like_unit(m.group("lead")) and looks_like_unit(m.group("rest"))):
        return m.group(0)
    return f"{m.group('lead')}牵头,{m.group('rest')}配合"


def is_attribution(text: str) -> bool:
    """Is this (bracketed or bare) text an attribution rather than part of the task?"""
    inner = _unwrap(text)
    legend = legend_tail(inner)
    inner = inner[:legend[0]].rstrip(" ,,;;。") if legend else inner
    if LABEL.match(inner.lstrip()) or _roles_then_fields(inner):
        return True
    clauses = split_groups(inner)
    if not clauses:
        return False
    if text.strip()[:1] in OPENERS and _bare_units(inner):
        return True  # (区发改局、农业局): a bracket of unit names only
    first = INLINE_ROLE.match(clauses[0])
    while len(clauses) > 2 and TIME_CLAUSE.match(clauses[-1]):
        clauses = clauses[:-1]  # (…牵头,Y负责,2024年底前完成): the time the work is due, read as the deadline
    # (X牵头,Y配合) or (X和Y负责): every clause names units, the last one with a role; one clause's names end as
    # units end (the vocabulary), the others' may be read by their shape alone where a role word follows them
    # (县人大机关牵头,县财政局配合; a clause without one may be the task's own sentence)
    return bool(first and looks_like_unit(first.group("units"))) or \
        (len(clauses) > 1 and _inline_clause(clauses[-1], bounded=True)
         and all(_inline_clause(c, bounded=True) or looks_like_unit(c, bounded=_after_role(clauses, i))
                 or _leaders_in_charge(c) or _named_in_charge(c) for i, c in enumerate(clauses))
         and any(_inline_clause(c) or looks_like_unit(c) for c in clauses))


def _after_role(clauses: list[str], i: int) -> bool:
    """Is clause i after a role clause (X牵头,Y,Z配合)? A clause without a role word there is part of the list the
    next role word ends, so it is read by its shape (bounded) as that list is."""
    return any(_inline_clause(c, bounded=True) for c in clauses[:i])


def _bare_units(inner: str) -> bool:
    groups = split_groups(inner)
    many = len(groups) > 1 or len(split_items(inner)) > 1
    return all(looks_like_unit(g) for g in groups) and not NOT_UNITS.match(inner) and (many or len(inner) >= 4)


def inner_attributions(text: str) -> list[str]:
    """Attributions in brackets inside a task's text, before its end (潮州: 〔X牵头,Y参与〕 after the
    first sentences, (Z牵头) at the end): only brackets that name a role or hold a labelled field, never bare
    names."""
    found = []
    for m in INNER_BRACKET.finditer(text):
        # a role, or a field of its own: 【分管领导:Y】【完成时限:Z】 between the task and its last bracket
        if _a_field(m.group(0)):
            found.append(m.group(0))
    return found


def _inline_clause(clause: str, bounded: bool = False) -> bool:
    m = INLINE_ROLE.match(clause)
    return bool(m and looks_like_unit(m.group("units"), bounded=bounded))


def _unwrap(text: str) -> str:
    text = text.strip().rstrip("。.")
    if text[:1] in OPENERS and text[-1:] in CLOSERS and _one_bracket(text):
        return _by(text[1:-1].strip())
    return _by(_bracket_then_fields(text) or text)


def _one_bracket(text: str) -> bool:
    """(X牵头,Y配合) is one bracket; (一)任务。(X牵头) opens and closes two."""
    tail = trailing_paren(text)
    return tail is not None and not tail[0].strip()


# (牵头单位:X)(配合单位:Y)【完成时限:Z】: one attribution printed a bracket per field
# (a leader's posts may be bracketed inside one: (督办领导:张三(副县长)))
BRACKET_RUN = re.compile(r"\s*(〔[^〔〕]{2,300}〕|\[[^\[\]]{2,300}\]|【[^【】]{2,300}】"
                         r"|\((?:[^()]|\([^()]{1,40}\)){2,300}\))\s*[;,]?")


def bracket_run(text: str) -> list[str] | None:
    """The brackets of a line made of two or more of them and nothing else, each holding an attribution or a
    time."""
    text = text.strip().rstrip("。.")
    pos, parts = 0, []
    while pos < len(text):
        m = BRACKET_RUN.match(text, pos)
        if not m:
            return None
        parts.append(m.group(1))
        pos = m.end()
    said = [is_attribution(_by(p[1:-1].strip())) for p in parts]
    # (X牵头,Y配合)(2024年6月底前): a bracket of the time the work is due is one of the fields
    # (张三同志负责)(责任单位:X): so is a bracket of the leader in charge
    fields = [s or bool(TIME_CLAUSE.match(p[1:-1].strip())) or _leaders_in_charge(p[1:-1].strip())
              for s, p in zip(said, parts, strict=True)]
    if len(parts) < 2 or not any(said) or not all(fields):
        return None
    return parts


def parse(raw: str) -> Attribution:
    parts = bracket_run(raw)
    if parts:
        return _merged([parse(part) for part in parts])
    result = Attribution()
    inner = _unwrap(raw)
    inner = _take_rules(inner, result)
    labels = list(LABEL.finditer(inner))
    head = inner[:labels[0].start()] if labels else inner
    if labels and head.strip(" ;;,,") == "":
        _fields(inner, labels, result)
    elif labels and _roles_then_fields(inner):
        _inline(head.rstrip(" ;;,,"), result)  # X牵头,Y配合;责任领导:张三 / 张三同志负责;责任单位:X: roles, then fields
        _fields(inner, labels, result)
    else:
        _inline(inner, result)
    if result.all_lead:
        for unit in result.units:
            unit.role = "牵头"
    return result


def _fields(inner: str, labels: list[re.Match], result: Attribution) -> None:
    unsaid = []  # the units of each field whose label names no role (实施单位, 包抓单位)
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(inner)
        before = len(result.units)
        if not _labelled(m.group("label"), inner[m.end():end].strip(" ;;,,\n"), result):
            unsaid.append(result.units[before:])
    _first_field_leads(result.units, unsaid)


def _inline_clauses(text: str) -> bool:
    """Every clause a role clause naming units (X牵头,Y、Z配合)."""
    return all(_inline_clause(c, bounded=True) for c in split_groups(text))


def _roles_then_fields(inner: str) -> bool:
    """X牵头,Y配合;责任领导:张三 / 张三同志负责;责任单位:X: clauses saying who does the work (units with their roles,
    or the leader in charge), then labelled fields."""
    m = LABEL.search(inner)
    if not m or m.start() == 0:
        return False
    head = inner[:m.start()].rstrip()
    groups = split_groups(head.rstrip(" ;;,,"))
    return head[-1:] in ";;,," and bool(groups) and \
        all(_inline_clause(c, bounded=True) or _leaders_in_charge(c) for c in groups)


def _merged(parts: list[Attribution]) -> Attribution:
    result = Attribution()
    for part in parts:
        names = {u.name for u in result.units}
        result.units.extend(u for u in part.units if u.name not in names)
        result.notes.extend(part.notes)
        result.leaders.extend(part.leaders)
        result.assisting.extend(part.assisting)
        result.deadline = result.deadline or part.deadline
        result.rule = result.rule or part.rule
        result.rule_carries = result.rule_carries or part.rule_carries
    return result


def parse_units(value: str, role: str | None) -> Attribution:
    """A table cell of units (市发改委、市财政局; 各区县政府按职责分工负责) in a column's role."""
    result = Attribution()
    _groups(value, role, result)
    if result.all_lead:
        for unit in result.units:
            unit.role = "牵头"
    return result


LEGEND_OPENER = 3  # characters a legend's clause may open with before 第一 (排名第一的…, 其中列第一位者…)


def legend_tail(inner: str) -> tuple[int, str] | None:
    """(X、Y,列第一位的为牵头单位,下同。以下均需…落实,不再列出): the legend said as the list's last clause, after the
    units it is about; it and any remark after it are no units. Where the clause starts, and the legend: only at the
    bracket's own level, after a separator (。 too: X、Y负责。列第一位者为牵头单位)."""
    for m in RULE.finditer(inner):
        cut = max(inner.rfind(c, 0, m.start()) for c in ",,;;。")
        before = inner[:cut]
        depth = sum(before.count(c) for c in OPENERS) - sum(before.count(c) for c in CLOSERS)
        if cut >= 0 and m.start() - cut - 1 <= LEGEND_OPENER and before.strip(" ,,;;。") and depth == 0:
            return cut + 1, m.group(0).rstrip("。")
    return None


def _take_rules(inner: str, result: Attribution) -> str:
    legend = legend_tail(inner)
    if legend:
        result.rule = legend[1]
        result.rule_carries = "下同" in inner[legend[0]:]
        inner = inner[:legend[0]].rstrip(" ,,;;。")

    def take(m):
        content = m.group(0)[1:-1]
        rule = RULE.search(content)
        if rule:
            result.rule = rule.group(0).rstrip("。")
            result.rule_carries = "下同" in content
            return ""
        return m.group(0)
    plain = simplified(inner)
    return RULE_PAREN.sub(take, inner) if "第一" in plain or "首" in plain else inner


def _labelled(label: str, value: str, result: Attribution) -> bool:
    """Reads one field into `result`; False when its label names units without naming their role."""
    label = simplified(label)
    if LEADER_LABEL_END.search(label):
        value, other = _other_field(value)
        if other:
            result.notes.append(other)
        if value.strip("。 "):  # one field: its names are equals (张三、李四); 协助领导 assist
            (result.assisting if ASSISTING.search(label) else result.leaders).append(value.strip("。 "))
        return True
    if DEADLINE_LABEL_WORD.search(label):
        result.deadline = value.strip("。")
        return True
    # a label opened by 主 names the main unit (主抓部门, 主要责任单位), which leads
    role = next((r for key, r in ROLE_OF_LABEL if key in label), "牵头" if label.startswith("主") else None)
    _groups(value, role or "责任", result)
    return role is not None




# a field whose label names no role, after a leader's names (牵头领导:张三,联系人:李四): where the names end
OTHER_FIELD = re.compile(r"[,,;;]\s*(?=[\u4e00-\u9fff]{2,8}[::])")


def _other_field(value: str) -> tuple[str, str]:
    """A leader field's names, and the field after them that the bracket's labels did not part from them."""
    m = OTHER_FIELD.search(value)
    return (value[:m.start()], value[m.end():].strip()) if m else (value, "")


def _first_field_leads(units: list[Unit], unsaid: list[list[Unit]]) -> None:
    """Fields of units whose labels name no role (实施单位:X;包抓单位:Y): where two or more fields name units and
    none of them leads, the first field's units lead, as 牵头单位 comes before 配合单位 wherever roles are named."""
    if len(unsaid) < 2 or any(u.role in LEAD_ROLES for u in units) or not unsaid[0]:
        return
    if unsaid[0] != units[:len(unsaid[0])]:
        return  # a field of named role came first
    for unit in unsaid[0]:
        unit.role = "牵头"


def _groups(value: str, role: str | None, result: Attribution) -> None:
    waiting: list[Unit] = []  # 责任单位:X牵头,Y及Z配合: Y, without a role of its own, takes the role of Z's clause
    # the value's extent is known (a label's field, a unit cell): its pieces are read by their shape (bounded)
    for group in split_groups(value):
        if group.endswith("。") and looks_like_unit(group[:-1], bounded=True):
            group = group[:-1]  # 牵头责任单位:省发展改革委。 ends its sentence; a remark keeps its 。
        phrase = INLINE_ROLE.match(group)
        if ALL_LEAD.search(group) and not looks_like_unit(group):
            result.all_lead = True
        elif simplified(group) in ("按职责分工负责", "按职责负责", "分工负责", "负责"):
            continue
        elif looks_like_unit(group, bounded=True):
            units = parse_group(group, role)
            result.units.extend(units)
            waiting.extend(units)
            continue
        elif phrase and looks_like_unit(phrase.group("units"), bounded=True):
            phrase_role = INLINE_ROLES.get(simplified(phrase.group("role")), role)
            for unit in waiting if phrase_role in ("配合", "协办") else []:
                unit.role = phrase_role  # only a supporting role is passed back: who leads is printed with 牵头
            result.units.extend(parse_group(phrase.group("units"), phrase_role))
        elif TIME_CLAUSE.match(group) and not result.deadline:
            result.deadline = group.rstrip("。")
        else:
            result.notes.append(group)
        waiting = []


def _inline(inner: str, result: Attribution) -> None:
    waiting: list = []  # units of a clause without a role take the role of the next clause (X和Y负责)
    in_charge = []  # (由)X负责,Y配合: X is in charge of the work the others support, so X leads
    # clauses read by their shape after a role clause (X牵头,Y,Z配合): names only once a role clause ends the list
    tentative: list[tuple[str, list[Unit]]] = []
    seen_role = False
    groups = split_groups(inner)
    named = any(_inline_clause(g) for g in groups)  # (张三负责,X牵头,Y配合): units named, a bare name is a person
    for group in groups:  # (an attribution: its role clauses are read by their shape)
        if _leader_clause(group, result) or (named and _bare_leader(group, result)):
            continue
        if group.endswith("。") and _inline_clause(group[:-1], bounded=True):
            group = group[:-1]  # (…,各旗县人民政府负责落实。): the bracket's last sentence ends; a remark keeps its 。
        m = INLINE_ROLE.match(group)
        if m and looks_like_unit(m.group("units"), bounded=True):
            role = INLINE_ROLES.get(simplified(m.group("role")), "责任")
            result.all_lead |= simplified(m.group("role")) == "按职责分工分别牵头负责"
            for unit in waiting:
                unit.role = role
            waiting, tentative, seen_role = [], [], True
            units = parse_group(m.group("units"), role)
            if simplified(m.group("role")) in ("负责", "具体负责", "承办"):  # X承办,Y参与: X is in charge
                in_charge.extend(units)
            result.units.extend(units)
        elif looks_like_unit(group) or (seen_role and looks_like_unit(group, bounded=True)):
            # (a clause without a role word: by the vocabulary, as in is_attribution, or by its shape after a role)
            units = parse_group(group, "责任")
            waiting.extend(units)
            result.units.extend(units)
            if not looks_like_unit(group):
                tentative.append((group, units))
        elif TIME_CLAUSE.match(group) and not result.deadline:
            result.deadline = group.rstrip("。")  # (X负责,2021年6月底前完成): the bracket's time clause
        else:
            result.notes.append(group)
    for group, units in tentative:  # no role word came after them: notes, as any clause that names no units
        result.units = [u for u in result.units if all(u is not x for x in units)]
        result.notes.append(group)
    roles = {u.role for u in result.units}
    if in_charge and roles & {"配合", "协办"} and not roles & set(LEAD_ROLES):
        for unit in in_charge:
            unit.role = "牵头"


def _leaders_in_charge(clause: str) -> bool:
    """分管副省长负责 (posts) or 副市长张三牵头 (people): leaders, not units, lead the work."""
    return bool(LEADER_CLAUSE.match(clause)) or _people_in_charge(clause) is not None


def _people_in_charge(clause: str) -> str | None:
    """副市长张三牵头: the people as printed; a clause whose subject ends as units end (…领导小组成员单位牵头) names
    units, whatever a name could be read from its last characters."""
    return None if _inline_clause(clause) else clause_leaders(clause)


def _named_in_charge(clause: str) -> str | None:
    """张三负责 in an attribution that names units in role clauses too (张三负责,X牵头,Y配合): a person's bare name,
    one no unit's name could be (文明办负责 names a unit), put in charge."""
    m = PERSON_CLAUSE.match(clause.strip())
    who = m.group("who").strip() if m else ""
    return who if who and person_name(who) and not looks_like_unit(who) and not _inline_clause(clause) else None


def _bare_leader(clause: str, result: Attribution) -> bool:
    who = _named_in_charge(clause)
    if who:
        result.leaders.append(who)
    return who is not None


def _leader_clause(clause: str, result: Attribution) -> bool:
    """分管副省长、协管副秘书长负责: the posts that lead (or assist) the work, each one leader; 副市长张三牵头: the
    people, one leader field (their names are equals)."""
    m = LEADER_CLAUSE.match(clause)
    if not m:
        people = _people_in_charge(clause)
        if people:
            result.leaders.append(people)
        return people is not None
    for post in m.group("posts").split("、"):
        (result.assisting if ASSISTING_POST.match(post) else result.leaders).append(post)
    return True


def apply_rule(units: list[Unit], rule: str | None) -> None:
    """列第一位者为牵头单位: the first unit leads; 带*号的为牵头单位: the marked units lead (as they do where the
    notice prints marks and no legend about the first unit). Roles printed in words come first."""
    rule = simplified(rule or "")
    if not units or any(u.role in LEAD_ROLES for u in units):
        return
    marked = [u for u in units if u.marked]
    if marked and (len(marked) < len(units) or MARK_RULE.search(rule)) and not FIRST_RULE.search(rule):
        for unit in marked:
            unit.role = "牵头"
    elif any(role in rule for role in LEAD_ROLES) and FIRST_RULE.search(rule):
        units[0].role = "牵头"


FIRST_RULE = re.compile(r"第一|首|前")
MARK_RULE = compile_both(rf"[{MARKS}]|加粗|粗体|黑体")


def deadline_in(text: str) -> str | None:
    """A deadline printed as a bracket of its own in a task: (2019年6月底前完成). A date inside the
    task's sentence (8月底前基本完成…) is part of what was promised, not a deadline field."""
    for m in BRACKETED.finditer(text):
        if DEADLINE.fullmatch(m.group(1).strip()):
            return m.group(1).strip()
    return None
