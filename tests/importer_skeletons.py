"""Real notice structures never tuned on, for issue 17: which paragraphs are tasks as unseen notices lay them out.

The prose and nested-item generators draw structures the importer was tuned to pass. This one takes the
skeletons of real notices (tests/importer_skeletons_heldout.yaml: the sequence of a page's line shapes — cover,
catalogue furniture, the preamble's own sections numbered like tasks, headings and their endings, intro
sentences, title lines — with the page's address) and fills each with drawn task texts, units and attributions
(the prose generator's pool: real dev gold), then scores tasks, text starts, units, leads, leaders and deadlines
against the corpus gold rules: the task is the item the notice assigns; the notice's own sections, principles and
requirements are no tasks, whatever they are numbered.

A seed picks a skeleton (seed modulo their number, so every skeleton is read as often), the attribution's place and
form (`att`), and one variation real notices print that an excerpt's first group may not show (`variation`):
numbers with gaps, an excerpt opening inside a task, two tasks run together on one line, sub-items owned by a task
(the attribution after the last), a heading over sub-items each with its own attribution, the plan's closing
保障措施 numbered like the tasks, or none.

`python tests/importer_skeletons.py --seeds 600 [--start S] [--failures]` prints the pass rate per skeleton, class,
attribution and variation; `--show SEED` prints one notice and what the import got wrong.
"""

from __future__ import annotations

import random
import re
import sys
from functools import cache
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from importer_prosefuzz import (
    REQUIREMENTS,
    TITLES,
    TUNING,
    Expected,
    _attribution,
    _cn,
    check,
    convert,
    mark,
    number_of,
    pool,
    show_case,
)
from rates import TextGenerator, command

SKELETONS = Path(__file__).with_name("importer_skeletons_heldout.yaml")
ATTS = ["end-bracket", "next-line-bracket", "label-lines", "run-on", "sentence"]
VARIATIONS = ["none", "none", "gaps", "cut", "same-line", "subs", "subtasks", "closing"]
DIMENSIONS = ("route", "skeleton", "class", "att", "variation", "script")
GROUPS = ["稳定经济增长", "推动产业升级", "扩大有效投资", "推进乡村振兴", "保障和改善民生", "加强生态环境保护"]
LONG_HEADS = ["优化资源配置,加强人才队伍建设,推进服务能力现代化。", "强化基础设施支撑,构建现代化高品质的基础设施体系。",
              "做强主导产业,提升集群产业链。", "深化改革创新,激发市场主体活力。"]
PARAS = {
    "plain": ["为推动各项工作落地见效,现就有关工作安排如下。", "将全县工作分为三个方面,实施梯次化推进、差异化落实。",
              "以习近平新时代中国特色社会主义思想为指导,全面贯彻新发展理念,推动高质量发展。"],
    "target": ["到2025年底前,全县重点项目全面建成,形成可复制、可推广的经验做法。",
               "到2027年,全县公共服务体系进一步健全,主要指标优于全市平均水平。"],
    "role": ["县发展改革局负责牵头组织,指导各乡镇做好相关工作;各责任单位要按照职责分工,主动作为,形成合力。",
             "请各牵头单位严格按照任务分工,对涉及的工作任务进行再细化、再分解;各责任(配合)单位要积极配合。"],
    "principle": ["坚持政府主导、多方协同。各有关部门各司其职,各乡镇因地制宜,形成工作合力。",
                  "坚持问题导向、统筹推进。县直各部门要加强协作,确保各项措施落地见效。"],
    "rule": ["二、责任分解中,列第一位的责任单位为牵头单位。各牵头单位要及时报告工作进展情况。"],
}
PRE = ["指导思想。以习近平新时代中国特色社会主义思想为指导,坚持稳中求进工作总基调,推动高质量发展。",
       "发展目标。到2025年,全县产业规模、结构、质量效益同步提升,初步形成现代产业体系。",
       "基本原则。坚持系统集成、协同高效,推动有效市场和有为政府更好结合。",
       "改革内容。改革覆盖从立项到竣工验收的全过程,包括各类新建、改建、扩建项目。"]
REQS = ["明确任务,压实责任。各牵头单位要紧密结合工作实际,细化工作举措,确保责任逐级落实。",
        "统筹协调,合力攻坚。牵头单位要加强指导和协调,各责任单位要积极配合、主动作为。",
        "加强督考,狠抓落实。县政府督查室要加大督查力度,各牵头单位要按月报送工作进展情况。"]
COVER = ["某某县人民政府办公室关于印发某某县2021年重点工作实施方案的通知", "某政办发〔2021〕5号",
         "各乡镇人民政府,县政府各部门:",
         "《某某县2021年重点工作实施方案》已经县人民政府同意,现印发给你们,请认真贯彻执行。"]
SIGNATURE = ["某某县人民政府办公室", "2021年3月1日"]
CATALOGUE_LINES = ["索 引 号:11331000002611238L/2021-00123", "发布机构:某某县人民政府办公室",
                   "文  号:某政办发〔2021〕5号", "发布日期:2021-03-01"]
CATALOGUE_CELLS = ["索 引 号: | 11331000002611238L/2021-00123 | 主题分类: | 综合政务 |",
                   "发布机构: | 某某县人民政府 | 发文日期: | 2021-03-01 |"]
PRESS = ["近日,某某县人民政府办公室印发了《某某县2021年重点工作实施方案》,并发出通知,要求各乡镇各部门认真抓好落实。",
         "《某某县2021年重点工作实施方案》全文如下。"]
TITLE = "某某县2021年重点工作实施方案"
PREAMBLE = "为深入贯彻落实上级决策部署,推动全县经济社会高质量发展,结合我县实际,制定本方案。"
MARKER = re.compile(r"^(?:（([一二三四五六七八九十]+)）|（(\d+)）|([一二三四五六七八九十]+)、|(\d+)([.、]))$")


@cache
def skeletons() -> list[dict]:
    return yaml.safe_load(SKELETONS.read_text(encoding="utf-8"))["skeletons"]


def _style(marker: str) -> tuple[str, int]:
    """(numbering style, number) of a printed marker: `（三）` → (`（一）`, 3)."""
    m = MARKER.match(marker)
    if m is None:
        raise ValueError(marker)
    cn_paren, num_paren, cn, num, sep = m.groups()
    if cn_paren:
        return "（一）", CN_NUM.index(cn_paren) + 1
    if num_paren:
        return "（1）", int(num_paren)
    if cn:
        return "一、", CN_NUM.index(cn) + 1
    return ("1." if sep == "." else "1、"), int(num)


CN_NUM = [_cn(n) for n in range(1, 30)]


class Notice:
    def __init__(self, seed: int):
        self.rng = rng = random.Random(f"skeleton-{seed}")
        self.sk = skeletons()[seed % len(skeletons())]
        self.att = rng.choice(ATTS)
        self.inner = rng.choice(["labels", "sentence"])
        self.variation = rng.choice(VARIATIONS)
        if self.variation == "same-line" and self.att not in ("end-bracket", "sentence"):
            self.variation = "none"  # a task after label lines on their own lines is no run-together paragraph
        if self.variation == "subtasks" and any("titleline" in t for t in self.sk["body"]):
            # a title line over items among title lines over one paragraph each: whether its level heads sections
            # or titles tasks is unsaid, so a person could not tell either
            self.variation = "none"
        self.labelset = rng.randrange(4)
        self.brackets = rng.choice(["（）", "()", "【】"])
        self.items = list(pool())
        rng.shuffle(self.items)
        self.lines: list[str] = []
        self.want: list[Expected] = []
        self.dims = {"route": "text", "skeleton": self.sk["id"], "class": self.sk["class"], "att": self.att,
                     "variation": self.variation, "script": self.sk.get("script", "simplified")}
        self.first_task: int | None = None  # where the body's first task is printed (an excerpt may open inside it)

    # -- the skeleton's lines -----------------------------------------------------------------------

    def build(self) -> tuple[str, list[Expected]]:
        signed = "signature" in self.sk["lines"]
        for token in self.sk["lines"]:
            self._line(token.split(), signed)
        self._body()
        if self.variation == "closing":
            self._closing()
        if self.variation == "cut":
            self._cut()
        text = "\n".join(self.lines) + "\n"
        want = self.want
        if self.dims["script"] == "traditional":
            text = convert("s2t", text)
            want = [Expected(w.number, convert("s2t", w.text), [convert("s2t", u) for u in w.units],
                             [convert("s2t", u) for u in w.leads], convert("s2t", w.leader) if w.leader else None,
                             convert("s2t", w.deadline) if w.deadline else None) for w in want]
        return text, want

    def _line(self, token: list[str], signed: bool) -> None:
        kind, args = token[0], token[1:]
        if kind == "cover":
            twice = COVER[2:] if args == ["twice"] else []
            self.lines += COVER + twice + ([] if signed else SIGNATURE)
        elif kind == "catalogue-lines":
            self.lines += CATALOGUE_LINES
        elif kind == "catalogue-cells":
            self.lines += CATALOGUE_CELLS
        elif kind == "press":
            self.lines += PRESS
        elif kind == "public":
            self.lines.append("(此件公开发布)")
        elif kind == "title":
            self.lines.append(TITLE)
        elif kind == "preamble":
            self.lines.append(PREAMBLE)
        elif kind == "para":
            self.lines.append(self.rng.choice(PARAS[args[0]]))
        elif kind == "head":
            self.lines.append(args[0] + self._heading(args[1] if len(args) > 1 else ""))
        elif kind == "pre":
            self.lines.append(args[0] + self.rng.choice(PRE))
        elif kind == "req":
            self.lines.append(args[0] + self.rng.choice(REQS))
        elif kind == "signature":
            self.lines += SIGNATURE
        elif kind == "attachment":
            self.lines += ["附件", TITLE]
        else:
            raise ValueError(kind)

    def _heading(self, end: str) -> str:
        if end == "long。":
            return self.rng.choice(LONG_HEADS)
        return self.rng.choice(GROUPS) + {"": "", "。": "。", ":": ":"}[end]

    # -- the body: the skeleton's first group, repeated ------------------------------------------------

    def _body(self) -> None:
        low, high = self.sk.get("repeat", [1, 1])
        groups = self.rng.randint(low, high)
        restart = self.sk.get("numbering") == "restart"
        counters: dict[str, int] = {}
        task_number = 0
        for g in range(groups):
            if restart:
                task_number = 0
            tokens = [t.split() for t in self.sk["body"]]
            task_tokens = [t for t in tokens if t[0] == "task"]
            for token in tokens:
                if token[0] == "head":
                    style, n = _style(token[1])
                    counters[style] = counters.get(style, n - 1) + 1 if g else n
                    self.lines.append(mark(style, counters[style]) + self._heading(token[2] if len(token) > 2 else ""))
                elif token[0] == "para":
                    self.lines.append(self.rng.choice(PARAS[token[1]]))
                else:
                    task_number += 1 + (self.rng.choice([0, 1, 2]) if self.variation == "gaps" else 0)
                    last = token is task_tokens[-1]
                    if self.variation == "subtasks" and g == 0 and token is task_tokens[0]:
                        self._subtasks(token, task_number)
                    elif self.variation == "subs" and last:
                        self._owned(token, task_number)
                    else:
                        same_line = self.variation == "same-line" and token is task_tokens[1 % len(task_tokens)] \
                            and len(task_tokens) > 1
                        self._task(_style(token[1])[0], token[2], task_number, "first-listed" in token, same_line)

    def _task(self, style: str, form: str, n: int, rule: bool = False, same_line: bool = False) -> None:
        item = self.items.pop()
        att, units, leads, leader, deadline = self._fields(item, rule)
        title = self.rng.choice(TITLES)
        if form == "title":
            text = title + item.text
        elif form == "titleline":
            text = title.rstrip("。") + item.text
        else:
            text = item.text
        tail = att[0][1:] if att and att[0].startswith("\0") else None
        rest = att[1:] if tail is not None else att
        head = mark(style, n)
        if self.first_task is None:
            self.first_task = len(self.lines)
        if form == "titleline":
            paragraph = [head + title.rstrip("。"), item.text + (tail or "")]
        else:
            paragraph = [head + text + (tail or "")]
        if same_line and tail is not None:
            self.lines[-1] += paragraph[0]
            self.lines += paragraph[1:]
        else:
            self.lines += paragraph
        self.lines += rest
        self.want.append(Expected(number_of(style, n), text, units, leads, leader, deadline))

    def _owned(self, token: list[str], n: int) -> None:
        """A task whose sub-items are its text, the attribution after the last of them."""
        style, _ = _style(token[1])
        item = self.items.pop()
        att, units, leads, leader, deadline = self._fields(item, "first-listed" in token)
        title = self.rng.choice(TITLES)
        sub_style = "①" if style == "（1）" else "（1）"
        subs = [mark(sub_style, j + 1) + self.items.pop().text.split("。")[0] + "。"
                for j in range(self.rng.randint(2, 3))]
        tail = att[0][1:] if att and att[0].startswith("\0") else None
        self.lines.append(mark(style, n) + title)
        self.lines += subs
        if tail is not None:
            self.lines[-1] += tail
        self.lines += att[1:] if tail is not None else att
        self.want.append(Expected(number_of(style, n), title, units, leads, leader, deadline))

    def _subtasks(self, token: list[str], n: int) -> None:
        """The item a heading over sub-items that each carry an attribution: the sub-items are the tasks."""
        style, _ = _style(token[1])
        sub_style = "①" if style == "（1）" else "（1）"
        self.lines.append(mark(style, n) + self.rng.choice(TITLES).rstrip("。"))
        for j in range(self.rng.randint(2, 3)):
            self._task(sub_style, "plain", j + 1, "first-listed" in token)

    def _fields(self, item, rule: bool):
        leads, others = list(item.leads), list(item.units[len(item.leads):])
        wording = self.rng.choice(TUNING.wordings)
        # a rule that the first-listed unit leads holds where a task prints its units without roles
        inner = self.inner if self.att in ("end-bracket", "next-line-bracket") and not rule else ""
        return _attribution(self.rng, self.att, inner, wording, leads, others, item.leader, item.deadline,
                            self.labelset, self.brackets, rule)

    # -- variations -----------------------------------------------------------------------------------

    def _closing(self) -> None:
        """The plan's own 保障措施 after the tasks, numbered like the plan's headings: no tasks."""
        tops = [line for line in self.lines if re.match(r"^[一二三四五六七八九十]+、", line)]
        n = len(tops) + 1
        self.lines.append(mark("一、", n) + "保障措施")
        for j, req in enumerate(self.rng.sample(REQUIREMENTS, 3)):
            self.lines.append(mark("（一）", j + 1) + req)

    def _cut(self) -> None:
        """An excerpt opening inside the body's first task: its marker and the first half of its text are gone."""
        at, first = self.first_task, self.want[0]
        start = -1 if at is None else self.lines[at].find(first.text)
        # a title alone on its line: the cut would leave the title only; a first-listed rule printed before the
        # tasks is cut off with them, and then nobody could tell which unit leads
        if start < 0 or any(line.startswith("para rule") for line in self.sk["lines"]):
            self.dims["variation"] = "none"
            return
        cut = max(4, len(first.text) // 2)
        self.lines = [self.lines[at][start + cut:], *self.lines[at + 1:]]
        self.want[0] = Expected("", first.text[cut:], first.units, first.leads, first.leader, first.deadline)


GENERATOR = TextGenerator.of_notices(Notice, check, show_case, DIMENSIONS)
generate, run = GENERATOR.generate, GENERATOR.run


if __name__ == "__main__":
    sys.exit(command(sys.argv[1:], ["text"], GENERATOR.sweep, GENERATOR.show, seeds=600))
