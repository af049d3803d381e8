"""The thirteenth sweep's catalogue of deadline and leader forms (branch deadlineforms; issue 17), as data, and
what the importer makes of each form printed in each layout that prints it.

A form is read by its parts: a deadline is a label (完成时限, 时间节点, 整改时限 …) and a value (2024年6月底前,
长期坚持, 每季度, 2023—2025年 …), printed in a place (inside the attribution bracket after the units, a label line,
a bracket of its own, a table column, the time clause of a role sentence); a leader is printed as a field, a clause,
a column cell or a heading. Each form comes with where it was seen (a public page not held by the corpus, a page the
corpus holds — the form is real, the page not usable as a notice —, or the lead's brief, which names forms the
frozen test part prints); `held_out` forms were never looked at while fixing and are reported apart.

`python benchmarks/forms_deadlineforms.py` prints right/wrong per form and layout and the totals (tuning, held out);
`--show ID` prints the notices of one form and what the import made of them; `--failures` lists every wrong case.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from import_quality import leader_form, norm  # (right as the corpus benchmark counts it)

HEAD = ("某某县人民政府办公室关于印发2024年重点工作任务分解方案的通知\n各乡镇人民政府,县政府各部门:\n"
        "现将《2024年重点工作任务分解方案》印发给你们,请认真贯彻落实。\n某某县人民政府办公室\n2024年2月1日\n")
TASKS = (("建成县人民医院新院区", "县卫健局", "县财政局"),
         ("实施城北污水处理厂提标改造工程", "县住建局", "县生态环境分局"),
         ("新增城镇就业3000人以上", "县人社局", "各乡镇人民政府"))

# -- where the forms were seen -----------------------------------------------------------------------------------
# free: a public page whose source is not in /work/wt/held_sources.txt; held: the corpus holds the page (the form is
# real; the page is no new notice); brief: named by the lead's brief from the frozen test part's misses
PAGES = {
    # 河池 2024 营商环境工作要点: 〔牵头单位:…;配合单位:…〕
    "hechi": ("free", "https://www.echinagov.com/policy/357936.htm"),
    # 进度安排 ①2月上旬前…②3月底前…
    "kaihua": ("free", "(开化县2023年度重点工作清单; the search answer gave no address)"),
    # 新余 2023 政务公开要点: 到2023年底
    "xinyu": ("free", "http://echinagov.com/policy/346701.htm"),
    # 武汉 2023 分解方案 (repost): 完成时限、分管领导
    "whcdrm": ("free", "https://www.whcdrm.com/thread-10965-1-1.html"),
    # 责任领导 | 责任单位 | 完成时限 | 全年
    "huoshan": ("held", "https://www.ahhuoshan.gov.cn/public/6598161/37968314.html"),
    # 责任科室 | 时限要求 | 年底前 / 持续推进
    "chizhou": ("held", "https://xfj.chizhou.gov.cn/OpennessContent/show/1426818.html"),
    # (责任领导:杜新国;牵头单位:区发改局)
    "xianan": ("held", "https://by6714.com/t/huazhong/7692.html"),
    # 一、汤飞帆市长牵头重点工作
    "ningbo": ("held", "http://dsjj.ningbo.gov.cn/art/2025/2/7/art_1229578994_58946509.html"),
    # 一、朱伟县长牵头重点工作
    "changxing": ("held", "http://www.zjcx.gov.cn/art/2023/2/24/art_1229562864_1670955.html"),
    # (牵头领导:…) heading
    "yunyang": ("held", "http://yunyang.shiyan.gov.cn/xxgkxi/zc/zfwj/yzf/202302/t20230213_4182632.shtml"),
    "chongchuan": ("held",
                   "http://chongchuan.gov.cn/xccqrmzf/msssxm/content/3050375a-7066-4841-b547-49222f1a34fa.html"),
    "snxx": ("held",
             "http://www.snxx.gov.cn/xxxzf/xxzwgk/xxgknr/zfwj/zfwj/202304/b7c1d474861643ff94f89cf2a3d218a0.shtml"),
    # 分线领导
    "huarong": ("held", "https://huarong.gov.cn/33159/37006/37008/37025/37164/content_1801120.html"),
    # 明确时间节点
    "caidian": ("held", "https://www.caidian.gov.cn/zwgk/zc/zfwj/qzfbgwj/202302/t20230208_2147809.shtml"),
    # in-text 实施期限至…
    "sangco": ("held", "http://www.sangco.com.cn/gkmlpt/content/3/3608/post_3608759.html"),
    # 包抓领导、责任单位、具体责任人和完成时限
    "shiquan": ("free", "https://www.shiquan.gov.cn/Content-2452195.html"),
    "brief": ("brief", "/work/wt/briefs/deadlines.md"),
}


@dataclass(frozen=True)
class Deadline:
    """A deadline form: a label and a value, printed in some layouts; `want` is the deadline as gold writes it."""

    id: str
    label: str
    value: str
    layouts: tuple[str, ...]
    seen: str
    held_out: bool = False
    want: str | None = None  # default: the value as printed
    row: str = ""  # a table shape's row, {i} {t} {u} {c} for the task's number, text and units

    @property
    def expected(self) -> str:
        return self.want if self.want is not None else self.value


@dataclass(frozen=True)
class Leader:
    """A leader form: a whole small notice body (its tasks numbered 1-3) and the (leader, units) gold reads."""

    id: str
    body: str
    want: tuple[tuple[str | None, tuple[str, ...]], ...]
    seen: str
    held_out: bool = False
    layouts: tuple[str, ...] = field(default=("as-printed",))


BRACKETS = ("bracket", "bracket-comma", "label-lines", "separate-bracket", "table-cells", "table-spaces",
            "table-cells-mid", "table-separators")
PROSE = ("bracket", "bracket-comma", "label-lines", "separate-bracket")
TABLES = ("table-cells", "table-spaces", "table-cells-mid", "table-separators")
TIME_PARTS = ("role-sentence", "role-负责", "after-fields")

# -- (a) deadline forms: labels (each with one plain value) ---------------------------------------------------------
LABELS = [
    ("完成时限", "huoshan", False), ("完成时间", "whcdrm", False), ("时间节点", "caidian", False),
    ("时限要求", "chizhou", False), ("办结时限", "brief", False), ("完成期限", "brief", True),
    ("时限", "brief", False), ("进度安排", "kaihua", False), ("整改时限", "parts", True), ("整改期限", "parts", False),
    ("完成节点", "parts", True), ("计划完成时间", "parts", False), ("截止时间", "parts", True),
    ("推进时限", "parts", False), ("时间安排", "parts", True), ("完成时间节点", "parts", False),
    ("工作时限", "parts", True), ("落实时限", "parts", False), ("时间要求", "parts", True),
    ("时间", "parts", False), ("完成时限要求", "parts", True), ("完成日期", "parts", False),
    ("计划完成时限", "parts", True), ("办结期限", "parts", False),
    ("完成时间要求", "parts", False), ("办理时限", "parts", True), ("序时进度", "snxx", False),
]
# -- values (each with the plainest label) ---------------------------------------------------------------------
VALUES = [
    ("2024年6月底前", "brief", False), ("2024年底前", "xianan", False), ("6月底前", "parts", False),
    ("12月底", "parts", True), ("2024年12月31日前", "sangco", False), ("2024年上半年", "parts", False),
    ("年内", "parts", True), ("年底前", "chizhou", False), ("长期坚持", "brief", False), ("持续推进", "chizhou", False),
    ("常态化推进", "parts", True), ("每季度", "brief", False), ("每月", "parts", True), ("2023—2025年", "brief", False),
    ("2024年3月—12月", "parts", True), ("第三季度", "parts", False), ("三季度末", "parts", True),
    ("2024年9月中旬", "parts", False), ("10月上旬前", "parts", True), ("全年", "huoshan", False),
    ("2025年底前完成", "parts", False), ("2024年6月30日前", "parts", True), ("2024年12月", "brief", False),
    ("立行立改", "parts", False), ("长期", "parts", True), ("2024年底前基本完成", "parts", False),
    ("每年12月底前", "parts", True), ("每半年", "parts", False), ("2024-2025年", "parts", True),
    ("2024年下半年", "parts", False), ("2024年", "parts", True), ("常态化", "parts", False),
    ("2024.12", "parts", True), ("2024年4月起", "parts", False), ("按上级要求", "parts", True),
    ("分阶段推进,2025年底前全面完成", "parts", False), ("2月上旬前", "kaihua", False),
]
# -- the time clause of a role sentence (no label): (X牵头,Y配合,VALUE) ---------------------------------------
CLAUSES = [
    ("2024年底前完成", "brief", False), ("年内持续推进", "brief", False), ("6月底前完成", "parts", True),
    ("长期坚持", "parts", False), ("2025年6月底前建成", "parts", True), ("持续推进", "parts", False),
    ("2024年12月底前", "parts", True), ("上半年完成", "parts", False),
]
# -- what follows the deadline in a bracket or after it ------------------------------------------------------
AFTER = [  # (id, body of task 1-3 with {d} the deadline field, want, seen, held_out)
    ("deadline-then-leader", "({u}牵头;完成时限:{v};责任领导:王某某)", "parts", False),
    ("deadline-first", "(完成时限:{v};牵头单位:{u})", "parts", False),
    ("deadline-semicolon-end", "(牵头单位:{u};完成时限:{v}。)", "parts", True),
    ("deadline-period-after", "(牵头单位:{u})完成时限:{v}。", "parts", False),
    ("deadline-next-line-bracket", "(牵头单位:{u})\n(完成时限:{v})", "parts", True),
    ("deadline-square", "【牵头单位】{u}【完成时限】{v}", "parts", False),
    ("deadline-slash-units", "(责任单位:{u}/完成时限:{v})", "parts", True),
    ("deadline-space", "(牵头单位:{u}  完成时限:{v})", "parts", False),
    ("roles-then-deadline", "({u}牵头,县发改局配合;完成时限:{v})", "parts", False),
    ("leader-units-deadline", "(责任领导:王某某;牵头单位:{u};完成时限:{v})", "xianan", False),
    ("deadline-为", "(牵头单位:{u},完成时限为{v})", "parts", True),
    ("deadline-line-after-bracket", "(牵头单位:{u})\n完成时限:{v}", "parts", False),
    ("deadline-bracket-square-label", "(牵头单位:{u})〔完成时限:{v}〕", "hechi", True),
]
# -- table complications: a header broken over lines, a date broken over lines, a phased schedule in one cell --
TABLE_SHAPES = [  # (id, header, row of task {i} with text {t} and lead unit {u}, the deadline gold reads, seen, held)
    ("header-broken", "序号\n工作任务\n牵头\n单位\n完成\n时限", "{i}\n{t}\n{u}\n2024年6月底前", "2024年6月底前",
     "parts", False),
    ("date-wrapped", "序号\n工作任务\n牵头单位\n完成时限", "{i}\n{t}\n{u}\n2024年6月\n底前", "2024年6月底前", "parts",
     False),
    ("phased-cell", "序号\n工作事项\n牵头单位\n进度安排", "{i}\n{t}\n{u}\n①3月底前,完成设计招标;②6月底前,开工建设",
     "①3月底前,完成设计招标;②6月底前,开工建设", "kaihua", False),
    ("pipes", "| 序号 | 工作任务 | 牵头单位 | 完成时限 |", "| {i} | {t} | {u} | 2024年底前 |", "2024年底前", "parts",
     False),
    ("pipes-ongoing", "| 序号 | 工作任务 | 责任单位 | 时限要求 |", "| {i} | {t} | {u} | 持续推进 |", "持续推进",
     "chizhou", True),
    ("spaces-每季度", "序号  工作任务  牵头单位  完成时限", "{i}  {t}  {u}  每季度", "每季度", "parts", True),
    ("cells-range", "序号\n重点任务\n责任单位\n时间节点", "{i}\n{t}\n{u}\n2024年3月—6月", "2024年3月—6月", "parts",
     False),
    ("cells-年内-leader", "序号\n重点工作\n责任领导\n责任单位\n完成时限", "{i}\n{t}\n王某某\n{u}\n年内", "年内",
     "huoshan", True),
]


def deadline_forms() -> list[Deadline]:
    forms = [Deadline(f"label:{label}", label, "2024年6月底前", BRACKETS, seen, held)
             for label, seen, held in LABELS]
    forms += [Deadline(f"value:{value}", "完成时限", value, BRACKETS, seen, held) for value, seen, held in VALUES]
    forms += [Deadline(f"clause:{value}", "", value, TIME_PARTS, seen, held) for value, seen, held in CLAUSES]
    forms += [Deadline(f"after:{name}", shape, "2024年6月底前", ("after",), seen, held)
              for name, shape, seen, held in AFTER]
    forms += [Deadline(f"table:{name}", head, want, ("table-shape",), seen, held, row=row)
              for name, head, row, want, seen, held in TABLE_SHAPES]
    return forms


# -- (b) leader forms the last study left unread --------------------------------------------------------------
def _three(line: str) -> str:
    """Three tasks, each printed with `line` (formatted with n, the task's unit u, its name a)."""
    names = ("王某某", "李某", "张某某")
    return "一、重点工作\n" + "\n".join(line.format(n=i + 1, t=t, u=u, c=c, a=names[i])
                                    for i, (t, u, c) in enumerate(TASKS))


def _want(leaders, units=lambda u, c: (u,)):
    return tuple((leaders[i], units(u, c)) for i, (_, u, c) in enumerate(TASKS))


ONE = ("王某某", "李某", "张某某")
BOTH = lambda u, c: (u, c)  # noqa: E731
LEADER_FORMS = [
    # a leader clause alone, in the task's bracket before or after the units
    Leader("clause:同志负责-first", _three("{n}.{t}。({a}同志负责,{u}牵头,{c}配合)"), _want(ONE, BOTH), "brief"),
    Leader("clause:负责-first", _three("{n}.{t}。({a}负责,{u}牵头,{c}配合)"), _want(ONE, BOTH), "brief"),
    Leader("clause:同志负责-last", _three("{n}.{t}。({u}牵头,{c}配合;{a}同志负责)"), _want(ONE, BOTH), "brief", True),
    Leader("clause:同志负责-own-bracket", _three("{n}.{t}。({a}同志负责)(责任单位:{u})"), _want(ONE), "brief"),
    Leader("clause:同志牵头负责", _three("{n}.{t}。({a}同志牵头负责;责任单位:{u})"), _want(ONE), "parts", True),
    Leader("clause:副县长负责", _three("{n}.{t}。(副县长{a}负责,{u}牵头)"), _want(ONE), "parts"),
    # a leader field after the unit bracket
    Leader("after-bracket:field", _three("{n}.{t}。(牵头单位:{u})责任领导:{a}"), _want(ONE), "brief"),
    Leader("after-bracket:own-bracket", _three("{n}.{t}。(牵头单位:{u})(责任领导:{a})"), _want(ONE), "brief"),
    Leader("after-bracket:next-line", _three("{n}.{t}。(牵头单位:{u})\n责任领导:{a}"), _want(ONE), "brief", True),
    Leader("after-bracket:square", _three("{n}.{t}。【牵头单位:{u}】【责任领导:{a}】"), _want(ONE), "parts"),
    Leader("after-bracket:semicolon", _three("{n}.{t}。(牵头单位:{u});责任领导:{a}。"), _want(ONE), "parts", True),
    # 第一责任人 / 具体责任人 / 责任人 as a label
    Leader("label:第一责任人", _three("{n}.{t}。(第一责任人:{a};责任单位:{u})"), _want(ONE), "brief"),
    Leader("label:具体责任人", _three("{n}.{t}。(责任单位:{u};具体责任人:{a})"), _want(ONE), "shiquan"),
    Leader("label:责任人", _three("{n}.{t}。(责任单位:{u};责任人:{a})"), _want(ONE), "brief"),
    Leader("label:第一责任人-line", _three("{n}.{t}。\n责任单位:{u}\n第一责任人:{a}"), _want(ONE), "brief", True),
    Leader("label:主要责任人", _three("{n}.{t}。(主要责任人:{a};责任单位:{u})"), _want(ONE), "parts", True),
    Leader("label:直接责任人", _three("{n}.{t}。(责任单位:{u};直接责任人:{a})"), _want(ONE), "parts"),
    Leader("label:责任人-first-line", _three("{n}.{t}。\n第一责任人:{a}\n责任单位:{u}"), _want(ONE), "brief"),
    # a leader column whose cell holds post + name
    Leader("column:post-space-name",
           "序号\n工作任务\n责任领导\n责任单位\n完成时限\n" + "\n".join(
               f"{i + 1}\n{t}\n副县长 {ONE[i]}\n{u}\n2024年底前" for i, (t, u, _) in enumerate(TASKS)),
           _want(ONE), "brief"),
    Leader("column:post-name",
           "序号\n工作任务\n牵头领导\n责任单位\n" + "\n".join(
               f"{i + 1}\n{t}\n副县长{ONE[i]}\n{u}" for i, (t, u, _) in enumerate(TASKS)), _want(ONE), "brief"),
    Leader("column:name-post",
           "序号\n工作任务\n分管领导\n责任单位\n" + "\n".join(
               f"{i + 1}\n{t}\n{ONE[i]}(副县长)\n{u}" for i, (t, u, _) in enumerate(TASKS)), _want(ONE), "brief", True),
    Leader("column:post-space-name-pipes",
           "| 序号 | 工作任务 | 责任领导 | 责任单位 |\n" + "\n".join(
               f"| {i + 1} | {t} | 常务副县长 {ONE[i]} | {u} |" for i, (t, u, _) in enumerate(TASKS)),
           _want(ONE), "brief"),
    Leader("column:name-only", "序号\n工作任务\n责任领导\n责任单位\n完成时限\n" + "\n".join(
        f"{i + 1}\n{t}\n{ONE[i]}\n{u}\n全年" for i, (t, u, _) in enumerate(TASKS)), _want(ONE), "huoshan"),
    Leader("column:post-space-name-spaces",
           "序号  工作任务  责任领导  责任单位  完成时限\n" + "\n".join(
               f"{i + 1}  {t}  副县长 {ONE[i]}  {u}  2024年底前" for i, (t, u, _) in enumerate(TASKS)),
           _want(ONE), "brief"),
    Leader("column:post-name-separators",
           "序号\n|\n工作任务\n|\n责任领导\n|\n责任单位\n|\n" + "\n".join(
               f"{i + 1}\n|\n{t}\n|\n副县长 {ONE[i]}\n|\n{u}\n|" for i, (t, u, _) in enumerate(TASKS)),
           _want(ONE), "brief"),
    Leader("column:post-line-name",
           "序号\n工作任务\n责任领导\n责任单位\n" + "\n".join(
               f"{i + 1}\n{t}\n副县长\n{ONE[i]}\n{u}" for i, (t, u, _) in enumerate(TASKS)), _want(ONE), "brief"),
    Leader("column:posts-name",
           "序号\n工作任务\n牵头领导\n责任单位\n" + "\n".join(
               f"{i + 1}\n{t}\n县委常委、副县长 {ONE[i]}\n{u}" for i, (t, u, _) in enumerate(TASKS)), _want(ONE), "brief",
           True),
    Leader("column:name-post-spaces",
           "序号  工作任务  分管领导  责任单位\n" + "\n".join(
               f"{i + 1}  {t}  {ONE[i]}(副县长)  {u}" for i, (t, u, _) in enumerate(TASKS)), _want(ONE), "brief", True),
    # a leader named in the heading, the post in brackets
    Leader("heading:name(post)牵头",
           "一、王某某(副县长)牵头工作\n" + "\n".join(f"{i + 1}.{t}。(责任单位:{u})" for i, (t, u, _) in
                                              enumerate(TASKS)), _want(("王某某",) * 3), "brief"),
    Leader("heading:name(post)负责的工作",
           "一、王某某同志(常务副县长)负责的工作\n" + "\n".join(f"{i + 1}.{t}。(责任单位:{u})" for i, (t, u, _) in
                                                  enumerate(TASKS)), _want(("王某某",) * 3), "brief"),
    Leader("heading:(post)name",
           "一、(副县长)王某某牵头负责\n" + "\n".join(f"{i + 1}.{t}。(责任单位:{u})" for i, (t, u, _) in
                                              enumerate(TASKS)), _want(("王某某",) * 3), "brief", True),
    Leader("heading:post-name牵头重点工作",
           "一、王某某县长牵头重点工作\n" + "\n".join(f"{i + 1}.{t}。\n责任单位:{u}。" for i, (t, u, _) in
                                             enumerate(TASKS)), _want(("王某某",) * 3), "ningbo"),
    Leader("heading:name(post,count)",
           "一、王某某(常务副县长,3项)\n" + "\n".join(f"{i + 1}.{t}。(责任单位:{u})" for i, (t, u, _) in
                                               enumerate(TASKS)), _want(("王某某",) * 3), "brief", True),
    Leader("heading:常务副县长name牵头",
           "一、常务副县长王某某牵头的工作\n" + "\n".join(f"{i + 1}.{t}。(责任单位:{u})" for i, (t, u, _) in
                                                enumerate(TASKS)), _want(("王某某",) * 3), "changxing"),
]


# -- rendering a deadline form in a layout ---------------------------------------------------------------------
def render(form: Deadline, layout: str) -> str:
    label, value = form.label, form.value
    rows = []
    for i, (text, lead, other) in enumerate(TASKS, 1):
        if layout == "bracket":
            rows.append(f"{i}.{text}。(牵头单位:{lead};配合单位:{other};{label}:{value})")
        elif layout == "bracket-comma":
            rows.append(f"{i}.{text}。(责任单位:{lead}、{other},{label}:{value})")
        elif layout == "label-lines":
            rows.append(f"{i}.{text}。\n牵头单位:{lead}\n配合单位:{other}\n{label}:{value}")
        elif layout == "separate-bracket":
            rows.append(f"{i}.{text}。(牵头单位:{lead};配合单位:{other})({label}:{value})")
        elif layout == "role-sentence":
            rows.append(f"{i}.{text}。({lead}牵头,{other}配合,{value})")
        elif layout == "role-负责":
            rows.append(f"{i}.{text}。({lead}、{other}负责,{value})")
        elif layout == "after-fields":
            rows.append(f"{i}.{text}。(牵头单位:{lead};配合单位:{other};{value})")
        elif layout == "table-shape":
            rows.append(form.row.format(i=i, t=text, u=lead, c=other))
        elif layout == "after":
            rows.append(f"{i}.{text}。" + label.format(u=lead, v=value))
        elif layout == "table-cells":
            rows.append(f"{i}\n{text}\n{lead}\n{other}\n{value}")
        elif layout == "table-separators":
            rows.append("\n|\n".join((str(i), text, lead, other, value)) + "\n|")
        elif layout == "table-cells-mid":
            rows.append(f"{i}\n{text}\n{value}\n{lead}\n{other}")
        elif layout == "table-spaces":
            rows.append(f"{i}  {text}  {lead}  {other}  {value}")
    if layout == "table-cells":
        return f"序号\n工作任务\n牵头单位\n配合单位\n{label}\n" + "\n".join(rows)
    if layout == "table-shape":
        return label + "\n" + "\n".join(rows)
    if layout == "table-separators":
        return "\n|\n".join(("序号", "工作任务", "牵头单位", "配合单位", label)) + "\n|\n" + "\n".join(rows)
    if layout == "table-cells-mid":
        return f"序号\n工作任务\n{label}\n牵头单位\n配合单位\n" + "\n".join(rows)
    if layout == "table-spaces":
        return f"序号  工作任务  牵头单位  配合单位  {label}\n" + "\n".join(rows)
    return "一、重点工作\n" + "\n".join(rows)


@dataclass
class Case:
    form: str
    layout: str
    held_out: bool
    ok: bool
    detail: str
    text: str


def imported(text: str, site: Path) -> list[dict] | str:
    from sitegen.core.errors import SitegenError
    from sitegen.importer import import_text
    from sitegen.importer.content import children

    try:
        data = import_text(HEAD + text + "\n", site, stem="forms", force=True, jurisdiction="某某县",
                           parent="某某市").data
    except SitegenError as error:
        return f"refused: {str(error)[:120]}"

    def walk(container, leader):
        for kind, child in children(container):
            if kind == "task":
                yield {**child, "leader": child.get("leader") or leader}
            else:
                yield from walk(child, child.get("leader") or leader)
    return [task for att in data.get("attachments") or [] for task in walk(att, att.get("leader"))]


def check_deadline(form: Deadline, layout: str, site: Path) -> Case:
    text = render(form, layout)
    tasks = imported(text, site)
    if isinstance(tasks, str):
        return Case(form.id, layout, form.held_out, False, tasks, text)
    got = [t.get("deadline") for t in tasks]
    wrong = []
    if len(tasks) != len(TASKS):
        wrong.append(f"{len(tasks)} tasks")
    if any(norm(g) != norm(form.expected) for g in got):
        wrong.append(f"deadline {got}")
    for task, (_, lead, other) in zip(tasks, TASKS, strict=False):
        names = [u["name"] for u in task.get("units", [])]
        one = layout in ("after", "table-shape")
        if (names[:1] if one else names) != ([lead] if one else [lead, other]):
            wrong.append(f"units {names}")
            break
    return Case(form.id, layout, form.held_out, not wrong, "; ".join(wrong), text)


def check_leader(form: Leader, site: Path) -> Case:
    tasks = imported(form.body, site)
    if isinstance(tasks, str):
        return Case(form.id, "as-printed", form.held_out, False, tasks, form.body)
    got = tuple((t.get("leader"), tuple(u["name"] for u in t.get("units", []))) for t in tasks)
    ok = len(got) == len(form.want) and all(
        leader_form(g[0]) == leader_form(w[0]) and g[1] == w[1] for g, w in zip(got, form.want, strict=False))
    return Case(form.id, "as-printed", form.held_out, ok, "" if ok else f"got {got}", form.body)


def run(only: str | None = None) -> list[Case]:
    cases = []
    with tempfile.TemporaryDirectory(prefix="forms-") as tmp:
        site = Path(tmp) / "site"
        for form in deadline_forms():
            if only and form.id != only:
                continue
            cases += [check_deadline(form, layout, site) for layout in form.layouts]
        for form in LEADER_FORMS:
            if only and form.id != only:
                continue
            cases.append(check_leader(form, site))
    return cases


def summary(cases: list[Case]) -> None:
    def line(name, pick):
        sel = [c for c in cases if pick(c)]
        print(f"{name:<34} {sum(c.ok for c in sel):>4}/{len(sel):<4}")
    for part, held in (("tuning", False), ("held out", True)):
        print(f"== {part}")
        line("  deadline cases", lambda c, h=held: c.held_out == h and c.layout != "as-printed")
        for group in ("label", "value", "clause", "after", "table"):
            line(f"    {group}", lambda c, g=group, h=held: c.held_out == h and c.layout != "as-printed"
                 and c.form.startswith(g + ":"))
        for layout in BRACKETS + TIME_PARTS:
            line(f"    layout {layout}", lambda c, lay=layout, h=held: c.held_out == h and c.layout == lay)
        line("  leader forms", lambda c, h=held: c.held_out == h and c.layout == "as-printed")
        for group in ("clause", "after-bracket", "label", "column", "heading"):
            line(f"    {group}", lambda c, g=group, h=held: c.held_out == h and c.layout == "as-printed"
                 and c.form.startswith(g + ":"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="one form's id: print its notices and what the import made of them")
    parser.add_argument("--failures", action="store_true", help="list every wrong case")
    parser.add_argument("--per-form", action="store_true", help="one line a form: right cases / cases")
    args = parser.parse_args()
    cases = run(args.show)
    if args.per_form:
        for form in [*deadline_forms(), *LEADER_FORMS]:
            mine = [c for c in cases if c.form == form.id]
            print(f"{form.id}\t{'held out' if form.held_out else 'tuning'}\t{form.seen}\t"
                  f"{sum(c.ok for c in mine)}/{len(mine)}")
        return
    if args.show:
        for case in cases:
            print(f"--- {case.layout}: {'right' if case.ok else 'WRONG ' + case.detail}\n{case.text}\n")
        return
    if args.failures:
        for case in cases:
            if not case.ok:
                print(f"{'H' if case.held_out else 'T'} {case.form:<36} {case.layout:<16} {case.detail[:150]}")
    forms = len(deadline_forms()) + len(LEADER_FORMS)
    held = sum(f.held_out for f in deadline_forms()) + sum(f.held_out for f in LEADER_FORMS)
    print(f"{forms} forms ({held} held out), {len(cases)} cases")
    summary(cases)


if __name__ == "__main__":
    main()
