"""A seeded combinatorial generator of prose notices for issue 17, items 2-4.

Tasks are taken from the development gold (tests/importer_corpus/real/dev/*.gold.yaml: units, lead
units, leaders, deadlines) with realistic sentences from the texts beside it, and laid out by a seed
that chooses, independently, each dimension of how a prose notice reaches a staff member:

- frame: a whole notice (title, 文号, salutation, intro, signature, 附件), the attachment alone, the
  tasks alone, or an excerpt starting inside a task or inside a section; the notice's own numbered
  requirements after the tasks; an attachment list; 抄送/印发 lines; catalogue fields of a hosting site
  (as lines or | cells, repeated); page numbers and running headers between paragraphs; runs of blank
  lines; indentation;
- numbering: 1. / 1、 / (1) / ① / (一) / 一、 / 第一条, under group headings or not, restarting per group
  or continuing, with gaps (an excerpt of 1, 2, 5, 7), or none (a paragraph a task); sub-items inside a
  task; a short title sentence opening each task;
- attribution: a bracket of any kind at the end or alone on the next line, one label line per field,
  labelled fields run on in the paragraph or in square brackets, a sentence (X牵头,Y配合 / 由X负责,Y配合 /
  X会同Y负责 / X等按职责分工负责), a heading naming the leader or the lead unit, a first-listed rule;
  label synonyms; ASCII or full-width punctuation; the whole notice in traditional characters (OpenCC)
  or on one line.

How the dev notices of the weak prose layouts vary beyond those draws (read from their texts), and the dimension
each is drawn as (_reprint; recorded in the layout's dims, so the sweep reports it):

- fragment: an excerpt opened by a newspaper's report of the notice (headline, dateline, 记者昨日获悉…; a
  credit after it), by an encyclopedia page's infobox (基本介绍 / • 中文名:…), by a document-sharing site's
  banner with the document number printed three times (`lead-in`); starting mid-sentence or under a
  continuation heading was drawn already (frame);
- unnumbered-tasks: a task opened by an ordinal word, 一是…/二是…, restarting under each heading
  (`unnumbered-start`); the preamble's own principles numbered 一是/二是/三是, each a paragraph of its own and
  no task (`intro-points`); bullets and a heading line per task were drawn already;
- short-title-sentence: the title printed as a sentence (精准招引项目。), as a phrase before a colon
  (精准招引项目:…) or on a line of its own with the text below (`title-form`);
- title-broken and words broken by extraction: the notice's title broken over two lines around a blank line
  (`title-broken`); a task's first line ended by the page's width inside a word, 28-38 characters a line
  (`task-breaks`);
- between tasks: a note without attribution (此项工作纳入年度目标考核。) before the next task (`between`);
  under a heading naming a leader, the leader's role in a sentence (协助县长抓好…的落实。) before the tasks
  (`role-sentence`);
- after the tasks: the signature and date, a contact line, (此件公开发布), an attachment list numbered 1./2.
  (`after-tasks`); requirements, 抄送/印发 and 版记 lines were drawn already;
- traditional: a whole notice converted (s2t, s2hk, s2tw: `script`), and mixed ASCII/full-width punctuation
  (`punct-mix`) were drawn already; the pool's sentences still come from the simplified dev notices only.

Not drawn yet: headings and tasks printed with the same marker (a heading 1. over tasks 1.); a clause naming
the first-listed unit as lead inside the first task's attribution (列第一位者为牵头单位,下同).

The expected tasks follow from what was printed. Nothing is random beyond the seed: a seed fails the same
way every time. `python tests/importer_prosefuzz.py --seeds 2000` prints the pass rate overall and per
dimension value, and the first failing seeds of each failure class; `--show SEED` prints one notice and
what its import got wrong. `--vocab heldout` draws every label, role sentence, leader's post, deadline and
unit or leader heading from tests/importer_prosevocab_heldout.yaml instead (wordings collected from real pages that
the importer was never tuned on): it measures whether its rules transfer. Used by tests/test_import_prosefuzz.py.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import yaml

from sitegen.importer.markers import QUANTITY

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "importer_corpus" / "real" / "dev"
LEAD_ROLES = ("牵头", "主办")
CUT = re.compile(r"牵头|配合|负责|责任单位|部门|领导|协办|主办|会同|(?:^|[。;；,，])\d{1,2}[、.．](?!\d)|[(（【\[〔|│]"
                        r"|(?:局|委|办|中心|指挥部|街道|政府)(?=\d|[县区市省])")
UNIT_OK = re.compile(r"^[\u4e00-\u9fff]{3,16}$")


# -- the pool of tasks ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    text: str  # one or two realistic sentences, ending in 。
    units: tuple[str, ...]  # every unit, lead units first
    leads: tuple[str, ...]
    leader: str  # a name, without its title
    deadline: str


def _sentence(flat: str, start: str) -> str | None:
    """The task's text in its notice from its printed start: up to two sentences, cut where something that
    is no longer its text begins (an attribution, a bracket, the next item, a table's next cell)."""
    i = flat.find(start)
    if i < 0:
        return None
    rest = flat[i:i + 200]
    cut = CUT.search(rest, max(4, len(start) // 2))
    text = rest[:cut.start()] if cut else rest
    sentences = re.findall(r"[^。]+。", text)[:2]
    text = "".join(sentences) if sentences else text.rstrip(",;、") + "。"
    if len(text) > 110:
        text = sentences[0] if sentences else ""
    if not 7 <= len(text) <= 110 or re.search(r"[a-zA-Z]", text):
        return None
    return text


# the dev notices the pool is drawn from, fixed so that a seed makes the same notice when the corpus grows
POOL_NOTICES = (
    "anhui-2022-zhongdian", "baoshan-2008-mubiao", "caidian-2023-mubiao", "changchun-2012-shierwu",
    "changxing-2023-zhongdian", "chaozhou-2019-lantian", "dazhu-2016-minsheng", "erlianhaote-2024-jiedu",
    "gansu-2022-fenjie", "guowuyuan-2016-lianghua", "hangzhou-2022-minsheng", "heilongjiang-2014-wenzengzhang",
    "heze-2023-donglizhuanhuan", "huaian-2022-wenzengzhang", "hubei-2018-zerenfenjie", "huoshan-2025-kaifaqu",
    "jiangbei-2023-minsheng", "jiayu-2021-zhongdian", "jindong-2024-minsheng", "jingxian-2023-fenjie",
    "lishan-2023-zhongdian", "neimenggu-2013-huyinbaoyu", "ningbo-2014-minsheng", "qinxian-2025-renwu",
    "quzhou-2021-zerenfenjie", "shaanxi-2015-fengong", "shandong-2022-shuzijingji", "shangcheng-2019-mubiao",
    "shanxi-2008-mubiao", "shaoguan-2019-chengben", "shengzhou-2022-gongye", "shijiazhuang-2014-shouru",
    "sichuan-2022-liutong", "tongshan-2022-fenjie", "wuhan-2018-shengbaogao", "wuhu-2021-zhongdian",
    "wuxi-2011-zhongdian", "xialu-2020-zhongdian", "xianan-2023-zhongdian", "xianyang-2022-fangguanfu",
    "xingqing-2018-mubiao", "xining-2017-liutong", "xuhui-2006-shiyiwu", "xuzhou-2010-mubiao",
    "yuanzhou-2023-minsheng", "yunnan-2017-wenzengzhang", "zhenhai-2011-renwu", "zhonglou-2021-minsheng",
)


@cache
def pool() -> tuple[Item, ...]:
    """The dev gold's tasks with plain unit names and a sentence of their own (simplified text only)."""
    items = []
    for path in (DEV / f"{slug}.gold.yaml" for slug in POOL_NOTICES):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        flat = re.sub(r"\s+", "", path.with_name(path.name.replace(".gold.yaml", ".txt")).read_text(encoding="utf-8"))
        for task in gold.get("tasks") or []:
            units = [u for u in task["units"] if UNIT_OK.match(u)]
            layouts = gold.get("layouts", [])
            if not units or len(units) != len(task["units"]) or "traditional" in layouts \
                    or set(layouts) & {"table-run-together", "table-space-columns", "table-cells-per-line"}:
                continue  # (cells run into the task's text there)
            text = _sentence(flat, re.sub(r"\s+", "", task["text_start"]))
            if text is None or any(u[:3] in text for u in units if len(u) >= 4):
                continue
            leads = [u for u in task["lead_units"] if u in units]
            others = [u for u in units if u not in leads]
            items.append(Item(text, tuple(leads + others), tuple(leads), task["leader"] or "", task["deadline"] or ""))
    return tuple(items)


# names and deadlines of the kinds printed in the dev notices, for tasks whose gold has none
LEADERS = ["杜新国", "孟学农", "刘惠", "王仁洲", "何海平", "周喜安", "薛延忠", "洪声耀", "张菁", "林静国"]
LEADER_TITLES = ["", "副市长", "常务副市长", "副县长", "同志"]
DEADLINES = ["12月底前", "2021年6月底前", "年底前", "全年", "2022年12月", "5月底前动工", "长期坚持", "9月投入使用"]
TIME_CLAUSES = ["2021年6月底前完成", "年底前完成", "12月底前完成", "持续推进", "2022年底前"]
TITLES = ["精准招引项目。", "稳定经济增长。", "加强市场体系建设。", "优化营商环境。", "扩大有效投资。",
          "推进乡村振兴。", "完善社会保障。", "强化生态保护。", "深化改革创新。", "提升城市品质。"]
HEADING_UNITS = ["县发展改革局", "县财政局", "县商务局", "县住房城乡建设局", "县农业农村局", "县自然资源局", "县教育局",
                 "县卫生健康局", "县民政局", "县交通运输局"]
GROUPS = ["稳定经济增长", "推动产业升级", "扩大有效投资", "推进乡村振兴", "保障和改善民生", "加强生态环境保护"]
REQUIREMENTS = [
    "加强组织领导。各责任单位要高度重视,主要负责同志亲自抓,确保各项任务落到实处。",
    "强化督查考核。县政府督查室要定期督查各项工作进展情况,督查结果纳入年度目标考核。",
    "及时报送进展。各牵头单位每季度末将工作进展情况报县政府办公室。",
    "严格责任落实。各部门要细化工作措施,明确责任人和时间节点,按期完成任务。",
]
ATTACHMENTS = ["2021年重点工作任务分解表", "2021年民生实事项目清单", "重点项目推进计划表"]
CATALOGUE = [("索引号", "11331000002611238L/2021-00123"), ("发布机构", "某某县人民政府办公室"),
             ("主题分类", "综合政务"), ("成文日期", "2021年03月01日"), ("文号", "某政办发〔2021〕5号")]
RUNNING = ["某某县人民政府公报", "2021年第3期"]


# -- a layout -------------------------------------------------------------------------------------

@dataclass
class Expected:
    number: str
    text: str  # the printed start of the task (title included)
    units: list[str]
    leads: list[str]
    leader: str | None
    deadline: str | None


@dataclass
class Layout:
    seed: int
    dims: dict[str, str] = field(default_factory=dict)

    def choose(self, rng: random.Random, name: str, values: list[str]) -> str:
        value = rng.choice(values)
        self.dims[name] = value
        return value


FULL, HALF = "（）：；，、", "():;,、"
CN = "一二三四五六七八九十"
LEAD_LABELS = ["牵头单位", "牵头部门", "主办单位", "牵头责任单位"]
WITH_LEAD_LABELS = ["配合单位", "协办单位", "协同单位", "参与单位", "责任单位"]
ALONE_LABELS = ["责任单位", "责任部门", "承办单位", "落实单位"]
LEADER_LABELS = ["责任领导", "牵头领导", "分管领导", "牵头市领导"]
DEADLINE_LABELS = ["完成时限", "完成时间", "时间节点"]
BRACKETS = ["（）", "()", "【】", "[]", "［］", "〔〕"]
NUMBERINGS = ["1.", "1、", "（1）", "①", "（一）", "一、", "第一条"]
RANKS = {"第一条": 1, "一、": 2, "（一）": 3, "1.": 4, "1、": 4, "（1）": 5, "①": 6}


BULLETS = ["●", "◆", "■", "★", "——", "·", "▲", "•"]
REQUIREMENT_HEADINGS = ["工作要求", "保障措施", "有关要求", "工作保障", "组织保障"]
POINTS = ["完善工作机制", "加快项目建设", "强化资金保障", "做好宣传引导", "加强督促检查"]
FOOTERS = ["第{p}页 共{n}页", "第 {p} 页", "- {p} -", "{p}/{n}", "·{p}·", "title"]
DOTS = ["……", "…", ".", "·", "．"]


@dataclass(frozen=True)
class Vocabulary:
    """The wordings an attribution is printed in: the importer's own (tuning) or a held-out set it was never tuned
    on (tests/importer_prosevocab_heldout.yaml); a sweep with the held-out set measures whether rules transfer."""
    lead_labels: list[str]
    with_lead_labels: list[str]
    alone_labels: list[str]
    leader_labels: list[str]
    deadline_labels: list[str]
    deadlines: list[str]  # a task's deadline where its gold has none
    time_clauses: list[str]  # a role sentence's last clause
    wordings: list[str]  # the role sentences' forms (named; held-out ones are templates)
    leader_forms: list[str] = field(default_factory=list)  # held-out: {N} a name, {P} a post
    posts: list[str] = field(default_factory=list)
    sentences: dict[str, list[str]] = field(default_factory=dict)  # held-out: templates by which roles they print
    heading_units: list[str] = field(default_factory=list)
    heading_leaders: list[str] = field(default_factory=list)

    @property
    def unit_labels(self) -> set[str]:
        return set(self.lead_labels + self.with_lead_labels + self.alone_labels)

    def leader_value(self, rng: random.Random, leader: str) -> str:
        """The leader as a field prints it: a name and a title (tuning), or a held-out post before or after it."""
        if not self.leader_forms:
            return leader + rng.choice(LEADER_TITLES)
        return rng.choice(self.leader_forms).format(N=leader, P=rng.choice(self.posts))

    def heading_unit(self, rng: random.Random, group: str, unit: str) -> str:
        """A group heading naming the unit that leads its tasks."""
        if not self.heading_units:
            return f"{unit}牵头的工作"
        return rng.choice(self.heading_units).format(G=group, L=unit)

    def heading_leader(self, rng: random.Random, leader: str) -> str:
        """A group heading naming the leader of its tasks."""
        if not self.heading_leaders:
            return f"{leader}{rng.choice(['副市长', '常务副市长', '副县长'])}牵头的重点工作"
        return rng.choice(self.heading_leaders).format(N=leader, P=rng.choice(self.posts))


TUNING = Vocabulary(LEAD_LABELS, WITH_LEAD_LABELS, ALONE_LABELS, LEADER_LABELS, DEADLINE_LABELS, DEADLINES,
                    TIME_CLAUSES, ["牵头配合", "由负责配合", "会同", "等按职责分工负责", "负责"])


@cache
def vocabulary(name: str) -> Vocabulary:
    if name == "tuning":
        return TUNING
    data = yaml.safe_load(Path(__file__).with_name(f"importer_prosevocab_{name}.yaml").read_text(encoding="utf-8"))
    sentences = {"lead_others": data["sentences_lead_others"], "lead": data["sentences_lead"],
                 "alone": data["sentences_alone"]}
    return Vocabulary(data["lead_labels"], data["with_lead_labels"], data["alone_labels"], data["leader_labels"],
                      data["deadline_labels"], data["deadlines"], data["deadlines"], sorted(sentences),
                      data["leader_forms"], data["posts"], sentences, data["heading_units"], data["heading_leaders"])


@dataclass
class Shapes:
    """The dimensions drawn from a random of their own (see generate): bullets and heading lines for unnumbered
    tasks, other number forms, 一是/二是 points in the paragraph, catalogue furniture, responsible-only
    attributions, a bracket per field, a unit list under its label, the requirements' heading, mixed punctuation."""
    bullet: str
    form: str
    points: str
    catalogue: str
    responsible: str
    split: str
    value_below: str
    requirements: str
    mixed_punct: str
    rng: random.Random
    joined: bool = False
    _space: str | None = None
    _sep: str | None = None

    def bullet_mark(self) -> str:
        if self.bullet in ("none", "heading-line"):
            return ""
        if self._space is None:
            self._space = self.rng.choice(["", "", " ", "　"])
        return self.bullet + self._space

    def marker(self, style: str, n: int, group: int, text: str) -> str:
        if self.form == "plain":
            return mark(style, n)
        if self.form == "mixed":  # one level numbered 1. here and 1、 or 1． there, as typed
            return f"{n}{self.rng.choice(['.', '、', '．'])}"
        if self._sep is None:
            self._sep = self.rng.choice(["", " ", "、", "　"])
        # 1.12021年 or 1.2万元… could not be read by a person either
        sep = self._sep or (" " if text[:1].isdigit() or text[:1] in QUANTITY else "")
        if self.form == "第1项":
            return f"第{n}项{sep}"
        return f"{group + 1}{self.form[1]}{n}{sep}"

    def number(self, style: str, n: int, group: int) -> str:
        if self.form in ("1.1", "1-1"):
            return f"{group + 1}{self.form[1]}{n}"
        return number_of(style, n)

    def points_text(self) -> str:
        """一是…;二是…;三是…。 inside the task's paragraph: points of one task, not tasks."""
        picked = self.rng.sample(POINTS, self.rng.randint(2, 3))
        sep = self.rng.choice([";", ",", "；"])
        return sep.join(f"{CN[i]}是{p}" for i, p in enumerate(picked)) + "。"

    def furniture(self, lines: list[str], frame: str, headings: list[str]) -> list[str]:
        if self.catalogue == "toc" and frame in ("notice", "attachment", "bare"):
            at = next((i + 1 for i, line in enumerate(lines) if line.strip() == ATTACHMENTS[0]), 0)
            dots = self.rng.choice(DOTS) * self.rng.randint(6, 20)
            entries = headings or ATTACHMENTS[:2]
            toc = [self.rng.choice(["目  录", "目录", "目　　录"])] + [
                f"{entry}{dots}{self.rng.choice(['', ' '])}{3 + 2 * i}" for i, entry in enumerate(entries)]
            return lines[:at] + toc + lines[at:]
        if self.catalogue == "cover":  # the 版记 at the end of the notice
            cover = ["抄送:县委办公室,县人大常委会办公室,县政协办公室。", "印发机关:某某县人民政府办公室",
                     "印发日期:2021年3月2日"]
            self.rng.shuffle(cover)
            return lines + cover
        if self.catalogue == "page-footer":
            form = self.rng.choice(FOOTERS)
            if form == "title" and frame not in ("notice", "attachment"):
                form = FOOTERS[0]
            out, page = [], 1
            for i, line in enumerate(lines):
                out.append(line)
                if i % 5 == 4 and i + 1 < len(lines):
                    page += 1
                    out.append(ATTACHMENTS[0] if form == "title" else form.format(p=page, n=9))
            return out
        return lines


def mark(style: str, n: int) -> str:
    """The printed marker of item n in a numbering style."""
    cn = _cn(n)
    return {"1.": f"{n}.", "1、": f"{n}、", "（1）": f"（{n}）", "①": chr(ord("①") + n - 1), "（一）": f"（{cn}）",
            "一、": f"{cn}、", "第一条": f"第{cn}条　"}[style]


def number_of(style: str, n: int) -> str:
    if style in ("1.", "1、", "（1）"):
        return str(n)
    if style == "①":
        return chr(ord("①") + n - 1)
    return _cn(n)


def _cn(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    return ("" if n < 20 else CN[n // 10 - 1]) + "十" + (CN[n % 10 - 1] if n % 10 else "")


def generate(seed: int, vocab: str = "tuning") -> tuple[str, list[Expected], Layout]:
    """The notice of a seed; `vocab` the wordings its attributions draw from (recorded in its dimensions when it is
    not the default)."""
    rng = random.Random(seed)
    layout = Layout(seed)
    words = vocabulary(vocab)
    if vocab != "tuning":
        layout.dims["vocab"] = vocab
    items = list(pool())
    count = rng.randint(3, 7)
    chosen = rng.sample(items, count)  # each task once: an excerpt is told by what it prints
    frame = layout.choose(rng, "frame", ["notice", "attachment", "bare", "fragment-task", "fragment-section"])
    style = layout.choose(rng, "numbering", NUMBERINGS + ["none"])
    groups = layout.choose(rng, "groups", ["none", "restart", "continue"])
    gaps = layout.choose(rng, "gaps", ["no", "no", "yes"]) if style != "none" else "no"
    attribution = layout.choose(rng, "attribution", ["end-bracket", "next-line-bracket", "label-lines", "run-on",
                                                     "square-labels", "sentence", "heading-unit", "heading-leader",
                                                     "first-listed"])
    inner = layout.choose(rng, "inner", ["labels", "sentence"]) if attribution in ("end-bracket", "next-line-bracket") \
        else ""
    wording = layout.choose(rng, "wording", words.wordings) \
        if attribution == "sentence" or inner == "sentence" else ""
    subitems = layout.choose(rng, "subitems", ["no", "no", "yes"])
    titles = layout.choose(rng, "titles", ["no", "no", "yes"])
    punct = layout.choose(rng, "punct", ["full", "ascii"])
    closing = layout.choose(rng, "closing", ["none", "requirements"])
    furniture = layout.choose(rng, "furniture", ["none", "catalogue-lines", "catalogue-cells", "page-numbers",
                                                 "running-header", "blank-runs", "indent"])
    script = layout.choose(rng, "script", ["simplified", "simplified", "s2t", "s2hk", "s2tw"])
    oneline = layout.choose(rng, "one-line", ["no"] * 9 + ["yes"])
    brackets = rng.choice(BRACKETS)
    labelset = rng.randrange(4)
    # the shapes added later are drawn from a random of their own, so the dimensions above stay what each seed
    # drew before they were added
    extra = random.Random(f"prose-shapes-{seed}")
    shape = Shapes(
        bullet=layout.choose(extra, "bullet", ["none"] * 4 + BULLETS + ["heading-line"]) if style == "none" else "none",
        form=layout.choose(extra, "number-form", ["plain"] * 4 + ["1.1", "1-1", "第1项", "mixed"])
        if style in ("1.", "1、") else "plain",
        points=layout.choose(extra, "inline-points", ["no", "no", "yes"]),
        catalogue=layout.choose(extra, "catalogue", ["none"] * 3 + ["toc", "cover", "signature-between",
                                                                     "page-footer"]),
        responsible=layout.choose(extra, "responsible-only", ["no", "no", "yes"])
        if attribution != "first-listed" else "no",
        split=layout.choose(extra, "split-brackets", ["no", "yes"])
        if attribution in ("end-bracket", "next-line-bracket", "heading-unit") and inner != "sentence" else "no",
        value_below=layout.choose(extra, "value-next-line", ["no", "yes"]) if attribution == "label-lines" else "no",
        requirements=layout.choose(extra, "requirements-heading", REQUIREMENT_HEADINGS) if closing != "none" else "",
        mixed_punct=layout.choose(extra, "punct-mix", ["no", "no", "yes"]) if punct == "full" else "no",
        rng=extra)
    if shape.bullet == "heading-line" and (attribution not in ("next-line-bracket", "label-lines")
                                           or frame == "fragment-task"):
        # a heading line needs its attribution on a line of its own; cut in half it leaves a word or two (增长)
        # that nobody could tell from the excerpt's header
        shape.bullet = layout.dims["bullet"] = "none"
    if frame == "fragment-task" and attribution in ("heading-unit", "heading-leader"):
        attribution = layout.dims["attribution"] = "end-bracket"  # the heading would be cut off
        inner = layout.dims["inner"] = "labels"
    if attribution in ("heading-unit", "heading-leader") or frame == "fragment-section":
        groups = layout.dims["groups"] = groups if groups != "none" else "restart"
    if style == "none" and groups == "continue":
        groups = layout.dims["groups"] = "restart"

    # the group headings sit one rank above the tasks; 第一条 and 一、 have no room above them but 第一部分
    group_style = {"第一条": "第一部分", "一、": "第一部分"}.get(style, "一、")
    if style in ("（1）", "①"):
        group_style = "（一）"
    sub_style = {"（1）": "①", "①": None}.get(style, "（1）") if style != "none" else "（1）"
    if sub_style is None:
        subitems = layout.dims["subitems"] = "no"

    # -- tasks, their groups and expectations
    ngroups = 1 if groups == "none" else min(3, max(2, count // 2))
    per = [count // ngroups + (1 if g < count % ngroups else 0) for g in range(ngroups)]
    lines: list[str] = []
    want: list[Expected] = []
    number = 0
    k = 0
    group_at: list[int] = []  # where each group heading is printed
    task_at: list[int] = []  # where each task starts
    group_names: list[str] = []  # the group headings as printed (a table of contents lists them)
    # tasks parted only by their attributions, each opened by a bullet: without one, a bracket inside a paragraph
    # and its last one (two attributions of one task) could not be told from two tasks by a person either
    shape.joined = style == "none" and attribution == "end-bracket" and subitems == "no" \
        and shape.bullet not in ("none", "heading-line") \
        and layout.choose(shape.rng, "paragraphs", ["own"] * 3 + ["joined"]) == "joined"
    task_group: list[int] = []  # the group of each task
    rule_units = attribution == "first-listed"
    for g in range(ngroups):
        heading_lead: str | None = None
        heading_leader: str | None = None
        if groups != "none":
            name = GROUPS[(seed + g) % len(GROUPS)]
            if attribution == "heading-unit":
                # a unit none of its tasks prints: a task under it whose only unit is the heading's would print
                # no attribution, and an unnumbered one could not be told from the section's own text
                heading_lead = next(u for u in HEADING_UNITS if all(u not in c.units for c in chosen))
                name = words.heading_unit(rng, name, heading_lead)
            elif attribution == "heading-leader":
                heading_leader = LEADERS[(seed + g) % len(LEADERS)]
                name = words.heading_leader(rng, heading_leader)
            group_at.append(len(lines))
            lines.append(_group_mark(group_style, g + 1) + name)
            group_names.append(lines[-1])
        if groups == "restart" or shape.form in ("1.1", "1-1"):  # 2.1 2.2 …: the group's own numbers
            number = 0
        joined_at: int | None = None  # the line the group's tasks run on in, when they share one paragraph
        for _ in range(per[g]):
            item = chosen[k]
            k += 1
            number += 1 + (rng.choice([0, 0, 1, 2]) if gaps == "yes" else 0)
            leads, others = list(item.leads), list(item.units[len(item.leads):])
            if heading_lead is not None:
                leads, others = [], [u for u in item.units if u != heading_lead]
            if shape.responsible == "yes":
                leads, others = [], leads + others  # 责任单位 only: nobody is marked as leading
            leader = item.leader or (LEADERS[seed % len(LEADERS)] if rng.random() < 0.3 else "")
            deadline = item.deadline or (rng.choice(words.deadlines) if rng.random() < 0.3 else "")
            title = rng.choice(TITLES) if titles == "yes" else ""
            text = title + item.text
            sub = [f"{mark(sub_style, j + 1)}{s}" for j, s in enumerate(_subitems(rng))] if subitems == "yes" else []
            if shape.bullet == "heading-line":  # 推进乡村振兴 / 牵头单位:X: the task is a line like a heading
                text, sub = shape.rng.choice(TITLES).rstrip("。"), []
            elif shape.points == "yes":
                text += shape.points_text()
            att_lines, got_units, got_leads, got_leader, got_deadline = _attribution(
                rng, attribution, inner, wording, leads, others, leader, deadline, labelset, brackets, rule_units,
                shape, words)
            if heading_lead is not None:
                got_units = [heading_lead] + got_units
                got_leads = [heading_lead]
            if heading_leader is not None:
                got_leader = heading_leader
            head = shape.marker(style, number, g, text) if style != "none" else shape.bullet_mark()
            task_at.append(len(lines))
            if att_lines and att_lines[0].startswith("\0"):  # run on: the attribution ends the paragraph
                tail = att_lines[0][1:]
                if sub:
                    lines.append(head + text)
                    lines.extend(sub[:-1])
                    lines.append(sub[-1] + tail)
                elif joined_at is not None and shape.joined:
                    task_at[-1] = joined_at
                    lines[joined_at] += head + text + tail  # tasks parted only by their attributions
                else:
                    joined_at = len(lines)
                    lines.append(head + text + tail)
                att_lines = att_lines[1:]
            else:
                lines.append(head + text)
                lines.extend(sub)
            lines.extend(att_lines)
            task_group.append(g)
            want.append(Expected(shape.number(style, number, g) if style != "none" else "", text, got_units,
                                 got_leads, got_leader, got_deadline))

    if shape.catalogue == "signature-between" and frame in ("notice", "attachment", "bare") and count >= 4 \
            and not rule_units:  # (whether a rule printed in the first attachment holds in the second is unsaid)
        # the first attachment signed and dated, the second one after it (at a group's heading: its tasks
        # keep what the heading assigns)
        at = group_at[1] if len(group_at) >= 2 else task_at[count // 2]
        lines[at:at] = ["某某县人民政府办公室", "2021年3月1日", "附件2", ATTACHMENTS[1]]

    # -- the frame
    if closing == "requirements":
        lines += _requirements(rng, style, group_style, groups, ngroups, shape.requirements)
    if frame in ("fragment-task", "fragment-section"):
        lines, want = _fragment(frame, lines, want, group_at, task_group)
    if rule_units:
        rule = rng.choice(["各项任务中列第一位者为牵头单位,其他为配合单位。", "责任单位中排在首位的为牵头单位。",
                           "第一个单位为牵头单位。"])
        before = frame not in ("fragment-task", "fragment-section") and rng.random() < 0.6
        lines = [rule] + lines if before else lines + ["注:" + rule]
    title = "某某县人民政府办公室关于印发2021年重点工作任务分解的通知"
    if frame == "notice":
        head = [title, "某政办发〔2021〕5号", "各乡镇人民政府,县政府各部门:",
                "现将《2021年重点工作任务分解》印发给你们,请认真抓好贯彻落实。"]
        if rng.random() < 0.5:
            head.append("附件:1." + ATTACHMENTS[0])
            head.append("2." + ATTACHMENTS[1])
            layout.dims["attachment-list"] = "yes"
        head += ["某某县人民政府办公室", "2021年3月1日"]
        lines = head + ["附件1", ATTACHMENTS[0]] + lines
    elif frame == "attachment":
        lines = [ATTACHMENTS[0]] + lines
    if frame == "notice" and rng.random() < 0.5:
        lines += ["抄送:县委各部门,县人大常委会办公室,县政协办公室。", "某某县人民政府办公室 2021年3月2日印发"]
    lines = _furniture(rng, furniture, lines)
    lines = shape.furniture(lines, frame, group_names)
    lines, want = _reprint(random.Random(f"prose-shapes3-{seed}"), layout, lines, want, frame, style, attribution,
                           titles)
    if shape.mixed_punct == "yes":  # some paragraphs typed with ASCII punctuation, the rest full-width
        lines = [line.translate(str.maketrans(FULL, HALF)) if shape.rng.random() < 0.5 else line for line in lines]
    text = "\n".join(lines)
    if punct == "ascii":
        text = text.translate(str.maketrans(FULL, HALF))
    if oneline == "yes":
        text = " ".join(line.strip() for line in text.split("\n") if line.strip())
    if script != "simplified":
        text = convert(script, text)
        want = [replace(w, text=convert(script, w.text), units=[convert(script, u) for u in w.units],
                        leads=[convert(script, u) for u in w.leads],
                        leader=convert(script, w.leader) if w.leader else None,
                        deadline=convert(script, w.deadline) if w.deadline else None) for w in want]
    return text + "\n", want, layout


LEAD_INS = {
    # a newspaper's report of the notice: its headline, a dateline, a lead paragraph; a credit at the end
    "press": (["某某县重点工作部门分工确定", "13.03.2021  07:51",
               "记者昨日获悉,为确保全年各项目标任务全面完成,县政府就落实《政府工作报告》中的重点工作提出分工意见。"
               "本报记者梳理出部分内容。"], ["详见某某网", "某某日报记者张维"]),
    # an encyclopedia page: an infobox of bullets before the text
    "encyclopedia": (["某某县促进经济稳增长的若干措施", "基本介绍", "  • 中文名:某某县促进经济稳增长的若干措施",
                      "  • 影响因素:能源工业出现负增长等", "政策全文"], []),
    # a document-sharing site: its banner and the document number printed three times
    "doc-site": (["文档库 最新最全的文档下载", "当前位置:文档库 › 某政办发202105号", "", "某政办发202105号",
                  "某政办发202105号", "某政办发〔2021〕5号"], []),
}
INTRO_POINTS = ["分工安排的主要原则:", "一是正确处理政府与市场的关系。在充分发挥市场作用的基础上,重点明确政府责任。",
                "二是合理划分县里和乡镇的责任。在统筹考虑各级政府事权的基础上,重点将任务分解落实到县直部门。",
                "三是科学把握全面和重点的关系。在全面落实各领域任务的同时,重点分解约束性指标。"]
NOTES = ["此项工作纳入年度目标考核。", "具体实施方案另行制定。", "该项目列入全县重点项目计划。"]
ROLE_SENTENCES = ["全面负责县政府工作任务的落实。", "协助县长抓好县政府工作任务的落实。"]
AFTER_TASKS = {"signature": ["某某县人民政府办公室", "2021年3月1日"],
               "contact": ["联系人:王某某,联系电话:0000-1234567"],
               "public": ["(此件公开发布)"],
               "attachments": ["附件:1." + ATTACHMENTS[1], "2." + ATTACHMENTS[2]]}
CJK = re.compile(r"[\u4e00-\u9fff]")


def _reprint(rng, layout, lines, want, frame, style, attribution, titles):
    """The shapes real notices showed that the dimensions above do not draw (see the docstring): what precedes
    an excerpt, principles numbered 一是 in the preamble, how a title sentence is printed, lines broken
    mid-sentence by extraction, notes between tasks, a leader's role sentence under the heading, what
    follows the tasks, 一是/二是 opening unnumbered tasks. Drawn after the rest, from a random of their own."""
    lines = list(lines)
    at = [next((i for i, line in enumerate(lines) if w.text in line), None) for w in want]
    if None in at:
        return lines, want  # (the one-line form is made later; every task is printed on a line of its own here)
    if titles == "yes" and layout.dims.get("bullet") != "heading-line":
        # alone on its line with neither number nor bullet, a title sentence is an unnumbered grouping line
        # (打好防范化解重大风险攻坚战。) to a person as well
        alone = layout.dims["one-line"] == "no" and (style != "none" or layout.dims.get("bullet") != "none")
        form = layout.choose(rng, "title-form", ["sentence", "sentence", "colon", "own-line"]
                             if alone else ["sentence", "sentence", "colon"])
        for k, w in enumerate(want):
            title = next((t for t in TITLES if w.text.startswith(t)), None)
            if title is None or form == "sentence":
                continue
            # 精准招引项目:… / 精准招引项目。 on a line of its own, the task's text below it
            printed = title[:-1] + ":" if form == "colon" else title + "\n"
            lines[at[k]] = lines[at[k]].replace(w.text, printed + w.text[len(title):], 1)
            if form == "colon":
                want[k] = replace(w, text=printed + w.text[len(title):])
    if style != "none" and layout.dims["one-line"] == "no":  # (on one line a break is a space inside a word)
        breaks = layout.choose(rng, "task-breaks", ["no", "no", "yes"])
        width = rng.randint(28, 38)  # characters a line of the page holds
        for k, w in enumerate(want if breaks == "yes" else []):
            line = lines[at[k]]
            # the text of the task's first printed line (below its title where the title has a line of its own)
            text = w.text if w.text in line else w.text[len(next(t for t in TITLES if w.text.startswith(t))):]
            start = line.find(text)
            begin = line.rfind("\n", 0, start) + 1
            printed = start - begin - (len(line[begin:]) - len(line[begin:].lstrip()))  # marker before the text
            # where the page's width ends the task's first line: inside a word (a few characters alone, 1、全面加强,
            # would read as a heading to a person too), never before a character that could open a number (一、)
            cuts = [i for i in range(width - printed, min(width - printed + 4, len(text) - 2))
                    if i >= 2 and CJK.match(text[i - 1]) and CJK.match(text[i]) and text[i] not in CN + "第"]
            if cuts and rng.random() < 0.6:
                cut = start + cuts[0]
                lines[at[k]] = line[:cut] + "\n" + line[cut:]
    unnumbered = style == "none" and layout.dims.get("bullet") == "none" and len(set(at)) == len(want)
    if unnumbered and layout.choose(rng, "unnumbered-start", ["none", "none", "一是"]) == "一是":
        # 一是…。二是…。: an ordinal word opens each unnumbered task (restarting under each heading)
        # the ordinal is a word of the task's first sentence (一是…), not a number: the task's text starts with it
        count: Counter = Counter()
        for k, w in enumerate(want):
            group = _group_of(lines, at[k])
            count[group] += 1
            if count[group] <= len(CN):
                ordinal = f"{CN[count[group] - 1]}是"
                lines[at[k]] = lines[at[k]].replace(w.text, ordinal + w.text, 1)
                want[k] = replace(w, text=ordinal + w.text)
    if style != "none" and len(want) >= 2 and layout.choose(rng, "between", ["none", "none", "note"]) == "note":
        # an unnumbered paragraph without attribution before some tasks: a note on the task above, not a task
        for k in range(1, len(want)):
            if rng.random() < 0.5:
                lines[at[k]] = rng.choice(NOTES) + "\n" + lines[at[k]]
    if attribution == "heading-leader" and style != "none" \
            and layout.choose(rng, "role-sentence", ["no", "yes"]) == "yes":
        # 一、某某副县长负责的工作 / 协助县长抓好…的落实。: the leader's role, not a task
        for i, line in enumerate(lines):
            if line.strip().endswith("牵头的重点工作"):
                lines[i] = line + "\n" + rng.choice(ROLE_SENTENCES)
    after = layout.choose(rng, "after-tasks", ["none", "none"] + list(AFTER_TASKS))
    if after != "none":
        lines = lines + AFTER_TASKS[after]
    if frame in ("notice", "attachment", "bare") and layout.choose(rng, "intro-points", ["no", "no", "yes"]) == "yes":
        first = min(at)
        # before the first task and its heading: after the notice's own paragraphs
        heads = [i for i, line in enumerate(lines[:first]) if line.strip() in ("附件1", ATTACHMENTS[0])]
        where = heads[-1] + 1 if heads else 0
        if frame == "notice":
            where = next(i for i, line in enumerate(lines) if line.strip().startswith("现将")) + 1
        lines[where:where] = INTRO_POINTS
    # an excerpt cut inside a task after a report's lead paragraph starts with two unnumbered paragraphs: which
    # one the task starts with nobody could tell where its attribution comes on a later line, or on one line
    # where the paragraphs run together
    fused = frame == "fragment-task" and (attribution in ("next-line-bracket", "label-lines")
                                          or layout.dims["one-line"] == "yes")
    if frame in ("bare", "fragment-task", "fragment-section") and not fused:
        lead_in = layout.choose(rng, "lead-in", ["none", "none", "none"] + list(LEAD_INS))
        if lead_in != "none":
            before, credit = LEAD_INS[lead_in]
            lines = before + lines + credit
    if frame == "notice" and layout.choose(rng, "title-broken", ["no", "no", "yes"]) == "yes":
        # …关于印发2021年重点工作 / (blank) / 任务分解的通知: the title broken by the page's layout
        i = next(i for i, line in enumerate(lines) if line.strip().endswith("的通知"))
        cut = lines[i].find("任务分解")
        lines[i] = lines[i][:cut] + "\n\n" + lines[i][cut:]
    return lines, want


GROUP_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分)")


def _group_of(lines, at):
    """The group of the task printed at line `at`: how many group headings are printed above it."""
    return sum(1 for line in lines[:at] if GROUP_HEADING.match(line))


def _group_mark(style: str, n: int) -> str:
    return {"一、": f"{_cn(n)}、", "（一）": f"（{_cn(n)}）", "第一部分": f"第{_cn(n)}部分　"}[style]


def _subitems(rng: random.Random) -> list[str]:
    pool_ = ["完善工作机制,加强部门协同;", "加快项目建设进度;", "强化资金保障,落实配套政策;", "做好宣传引导工作。"]
    n = rng.randint(2, 3)
    out = pool_[:n - 1] + [pool_[-1]]
    return out


def _labels(labelset: int, leads: list[str], others: list[str], leader: str, deadline: str,
            rng: random.Random, vocab: Vocabulary = TUNING) -> list[tuple[str, str]]:
    """(label, value) fields of one task."""
    fields = []
    if leads:
        fields.append((_pick(vocab.lead_labels, labelset), "、".join(leads)))
        if others:
            with_lead = vocab.with_lead_labels
            fields.append((with_lead[(labelset + rng.randrange(2)) % len(with_lead)], "、".join(others)))
    elif others:
        fields.append((_pick(vocab.alone_labels, labelset), "、".join(others)))
    if leader:
        fields.append((_pick(vocab.leader_labels, labelset), vocab.leader_value(rng, leader)))
    if deadline:
        fields.append((_pick(vocab.deadline_labels, labelset), deadline))
    return fields


def _pick(labels: list[str], labelset: int) -> str:
    return labels[labelset % len(labels)]


def _attribution(rng, kind, inner, wording, leads, others, leader, deadline, labelset, brackets, rule_units,
                 shape=None, vocab: Vocabulary = TUNING):
    """(lines to print after the task's text, units, lead units, leader, deadline); a first line starting
    with \\0 runs on at the end of the task's paragraph."""
    got_leads: list[str] | None = None
    if kind == "heading-leader":
        leader, kind = "", "end-bracket"  # the heading names the leader
    elif kind == "heading-unit":
        kind = "end-bracket"  # the heading names the lead unit (the caller leaves it out of the units)
    elif rule_units:
        units = leads + others
        leads, others, kind = [], units, "end-bracket"
        got_leads = units[:1]  # the first-listed unit leads
    if kind == "sentence" or inner == "sentence":
        phrase, units, leads_, got_deadline = _sentence_form(rng, wording, leads, others, vocab)
        if kind == "sentence":
            return ["\0" + phrase + "。"], units, leads_, None, got_deadline
        bracketed = brackets[0] + phrase + brackets[1]
        if kind == "next-line-bracket":
            return [bracketed], units, leads_, None, got_deadline
        return ["\0" + bracketed], units, leads_, None, got_deadline
    fields = _labels(labelset, leads, others, leader, deadline, rng, vocab)
    units = leads + others
    result = (units, got_leads if got_leads is not None else list(leads), leader or None, deadline or None)
    if not fields:
        return [], *result
    sep = rng.choice([";", ";", " "])
    if kind == "label-lines":
        if shape is not None and shape.value_below == "yes":  # 责任单位: / its units on the next line
            units_below = vocab.unit_labels
            return [part for label, value in fields
                    for part in ((f"{label}:", value) if label in units_below else (f"{label}:{value}",))], *result
        return [f"{label}:{value}" for label, value in fields], *result
    if kind == "run-on":
        return ["\0" + sep.join(f"{label}:{value}" for label, value in fields)], *result
    if kind == "square-labels":
        return ["\0" + "".join(f"【{label}】{value}" for label, value in fields)], *result
    value = sep.join(f"{label}:{v}" for label, v in fields)
    bracketed = brackets[0] + value + brackets[1]
    if shape is not None and shape.split == "yes":  # (牵头单位:X)(配合单位:Y)(完成时限:Z): a bracket per field
        bracketed = "".join(f"{brackets[0]}{label}:{v}{brackets[1]}" for label, v in fields)
    if kind == "next-line-bracket":
        return [bracketed], *result
    return ["\0" + bracketed], *result


def _sentence_form(rng, wording, leads, others, vocab: Vocabulary = TUNING):
    """(phrase, units, lead units, deadline) of an attribution written as a sentence."""
    units = leads + others
    clause = rng.choice(vocab.time_clauses) if rng.random() < 0.3 else ""
    tail = f",{clause}" if clause else ""
    if vocab.sentences:  # held-out: a template by the roles the task's units have
        kind = "alone" if not leads else "lead_others" if others else "lead"
        form = vocab.sentences[kind][vocab.wordings.index(wording) % len(vocab.sentences[kind])]
        phrase = form.format(L="、".join(leads), O="、".join(others), U="、".join(units))
        return phrase + tail, units, list(leads), clause or None
    if wording == "等按职责分工负责" or not leads and wording in ("牵头配合", "由负责配合", "会同"):
        if wording == "负责" or len(units) == 1:
            return f"{'、'.join(units)}负责{tail}", units, [], clause or None
        return f"{'、'.join(units)}等按职责分工负责{tail}", units, [], clause or None
    if wording == "负责":
        return f"{'、'.join(units)}负责{tail}", units, [], clause or None
    if not others:
        return f"{'、'.join(leads)}牵头负责{tail}", units, list(leads), clause or None
    if wording == "牵头配合":
        return f"{'、'.join(leads)}牵头,{'、'.join(others)}配合{tail}", units, list(leads), clause or None
    if wording == "由负责配合":
        return f"由{'、'.join(leads)}负责,{'、'.join(others)}配合{tail}", units, list(leads), clause or None
    # 会同: one unit leads the others
    lead = leads[0]
    rest = leads[1:] + others
    return f"{lead}会同{'、'.join(rest)}负责{tail}", [lead] + rest, [lead], clause or None


def _requirements(rng, style, group_style, groups, ngroups, heading_word="") -> list[str]:
    """The notice's own requirements after the tasks: a heading, numbered paragraphs (never tasks)."""
    reqs = rng.sample(REQUIREMENTS, 3)
    heading_word = heading_word or "工作要求"
    if groups != "none":
        heading = _group_mark(group_style, ngroups + 1) + heading_word
        inner_style = style if style != "none" else "（1）"
        return [heading] + [mark(inner_style, i + 1) + r for i, r in enumerate(reqs)]
    return [heading_word] + [mark("（1）" if style != "（1）" else "①", i + 1) + r for i, r in enumerate(reqs)]


def _fragment(frame, lines, want, group_at, task_group):
    """An excerpt: from the middle of the first task (its first sentence cut off), or from the second
    group's heading (the first group's tasks are not printed)."""
    if frame == "fragment-section":
        if len(group_at) >= 2:
            cut = group_at[1]
            return lines[cut:], [w for w, g in zip(want, task_group, strict=True) if g >= 1]
        return lines, want
    # inside the first task: its marker and the first half of its text are gone
    first = next(i for i, line in enumerate(lines) if want[0].text[:8] in line)
    line = lines[first]
    start = line.find(want[0].text)
    body = want[0].text
    cut = max(4, len(body) // 2)
    lines = lines[first:]
    lines[0] = line[start + cut:]
    want = [replace(want[0], number="", text=body[cut:])] + want[1:]
    return lines, want


def _furniture(rng, kind, lines):
    if kind == "catalogue-lines":
        cat = [f"{label}:{value}" for label, value in CATALOGUE]
        return cat + lines + cat[:2]
    if kind == "catalogue-cells":
        cat = ["|" + "|".join(f"{label}|{value}" for label, value in CATALOGUE[i:i + 2]) + "|"
               for i in range(0, len(CATALOGUE), 2)]
        return cat + lines
    out = []
    page = 1
    for i, line in enumerate(lines):
        out.append(line)
        if kind == "page-numbers" and i % 4 == 3:
            page += 1
            out += ["", f"— {page} —", ""]
        elif kind == "running-header" and i % 4 == 3:
            out += [rng.choice(RUNNING)]
        elif kind == "blank-runs" and rng.random() < 0.5:
            out += [""] * rng.randint(2, 5)
    if kind == "indent":
        out = [("　　" if rng.random() < 0.7 else "    ") + line for line in out]
    return out


@cache
def _converter(config: str):
    import opencc
    return opencc.OpenCC(config)


def convert(config: str, text: str) -> str:
    return _converter(config).convert(text)


# -- checking ----------------------------------------------------------------------------------

WIDTH = str.maketrans("（）：；，！？［］", "():;,!?[]")


def compact(text: str | None) -> str:
    return "".join((text or "").split()).translate(WIDTH)


def differences(want: list[Expected], tasks: list[dict]) -> list[tuple[str, str]]:
    """(class, detail) of what the import got wrong; empty when it read every task right."""
    out = []
    if len(tasks) != len(want):
        kind = "extra tasks" if len(tasks) > len(want) else "missing tasks"
        out.append((kind, f"{len(tasks)} tasks, expected {len(want)}: "
                          + ", ".join(f"{t.get('number')} {compact((t.get('title') or '') + t.get('text', ''))[:10]}"
                                      for t in tasks)))
        return out
    for w, t in zip(want, tasks, strict=True):
        units = t.get("units") or []
        label = f"task {w.number} {compact(w.text)[:8]}"
        text = compact((t.get("title") or "") + t.get("text", ""))
        if (t.get("number") or "") != w.number:
            out.append(("number", f"{label}: number {t.get('number')!r}"))
        if not text.startswith(compact(w.text)[:12]):
            out.append(("text", f"{label}: text {text[:30]!r}"))
        names = [u["name"] for u in units]
        if names != [compact(u) for u in w.units]:
            out.append(("units", f"{label}: units {names}, expected {w.units}"))
        elif [u["name"] for u in units if u.get("role") in LEAD_ROLES] != w.leads:
            out.append(("leads", f"{label}: leads {[u['name'] for u in units if u.get('role') in LEAD_ROLES]}, "
                                 f"expected {w.leads}"))
        if (t.get("leader") or None) != w.leader:
            out.append(("leader", f"{label}: leader {t.get('leader')!r}, expected {w.leader!r}"))
        if compact(t.get("deadline")) != compact(w.deadline):
            out.append(("deadline", f"{label}: deadline {t.get('deadline')!r}, expected {w.deadline!r}"))
    return out


def tasks_of(data: dict):
    """Every task of an imported notice in printed order, its leader carried down from the heading above it (as
    the site shows it)."""
    from sitegen.importer.content import children

    def walk(container, leader):
        for kind, child in children(container):
            if kind == "task":
                yield {**child, "leader": child.get("leader") or leader}
            else:
                yield from walk(child, child.get("leader") or leader)
    for att in data.get("attachments") or []:
        yield from walk(att, None)


def run(seed: int, site: Path, vocab: str = "tuning") -> tuple[list[tuple[str, str]], Layout]:
    text, want, layout = generate(seed, vocab)
    return check(text, want, site), layout


def check(text: str, want: list[Expected], site: Path) -> list[tuple[str, str]]:
    """(class, detail) of what importing a generated notice got wrong (into `site`)."""
    from sitegen.core.errors import SitegenError
    from sitegen.importer import import_text

    try:
        result = import_text(text, site, stem="fuzz", force=True, jurisdiction="某某县", parent="某某市")
    except SitegenError as error:
        return [("refused", str(error)[:200])]
    return differences(want, list(tasks_of(result.data)))


def show_case(dims: dict, text: str, want: list[Expected], problems: list[tuple[str, str]]) -> None:
    print(dims)
    print(text)
    for w in want:
        print(w)
    for kind, detail in problems:
        print(f"{kind}: {detail}")


def main(argv: list[str]) -> int:
    seeds = int(argv[argv.index("--seeds") + 1]) if "--seeds" in argv else 200
    first = int(argv[argv.index("--from") + 1]) if "--from" in argv else 0
    vocab = argv[argv.index("--vocab") + 1] if "--vocab" in argv else "tuning"  # tuning | heldout
    if "--show" in argv:
        seed = int(argv[argv.index("--show") + 1])
        text, want, layout = generate(seed, vocab)
        with tempfile.TemporaryDirectory() as tmp:
            show_case(layout.dims, text, want, check(text, want, Path(tmp)))
        return 0
    passed = 0
    per: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    classes: Counter = Counter()
    examples: dict[str, list[int]] = defaultdict(list)
    for seed in range(first, first + seeds):
        with tempfile.TemporaryDirectory() as tmp:
            problems, layout = run(seed, Path(tmp), vocab)
        ok = not problems
        passed += ok
        for dim, value in layout.dims.items():
            per[(dim, value)][0] += ok
            per[(dim, value)][1] += 1
        if problems:
            kind = problems[0][0]
            classes[kind] += 1
            if len(examples[kind]) < 8:
                examples[kind].append(seed)
    print(f"all: {passed}/{seeds} ({passed / seeds:.3f})")
    for (dim, value), (ok, n) in sorted(per.items()):
        print(f"  {dim:16} {value:22} {ok}/{n} ({ok / n:.2f})")
    print("failure classes (first difference of each failing seed):")
    for kind, n in classes.most_common():
        print(f"  {kind:14} {n:5}  seeds {examples[kind]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
