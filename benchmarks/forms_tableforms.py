"""Table forms real pages print (issue 17, thirteenth sweep, branch tableforms; benchmarks/import_sweep.md,
"Thirteenth sweep: tableforms"): each form a small notice built around a table as a real page prints it, read
by its parts — the columns (their labels), the rows (numbered, grouped, merged cells, empty cells, wrapped) and
how the table reaches plain text (pipes, one cell a line, tabs, spaces, cells run together).

Every form names the page it was seen on (`url`; `named` where the page names its table's columns in its text
rather than printing the table) and the parts it is made of. About a third of the forms are held out (`held`):
never tuned on, reported apart, so a gain on the tuning forms can be judged against them.

    python benchmarks/forms_tableforms.py [--held] [--tuning] [--show ID] [--quiet]

prints right/wrong per form (wrong: how), then the figures for the tuning and the held-out forms. A form is
right when the importer gives exactly the form's tasks: number, the task's start, units in order, lead units,
leader and deadline (the corpus README's conventions).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # PYTHONPATH first: another tree can be measured

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某县人民政府办公室关于印发2023年重点工作任务清单的通知\n各乡镇人民政府,县政府各部门:\n"
        "现将重点工作任务清单印发给你们,请认真抓好落实。\n某某县人民政府办公室\n2023年2月1日\n")

# -- the rows: what each task is, whatever columns print it ---------------------------------------------------


@dataclass(frozen=True)
class Task:
    number: str | None
    text: str
    lead: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    leader: str | None = None
    deadline: str | None = None
    progress: str = ""
    note: str = ""
    name: str = ""  # a 项目名称 column before the content; the task's text is name + content
    figure: str = ""
    category: str = ""


ROWS = [
    Task("1", "新建城区公办幼儿园3所,新增学位900个。", ("县教育局",), ("县住建局", "县财政局"), "王某某",
         "2023年12月底前",
         "已完成选址,正在办理立项等前期手续。", "", "学前教育扩容", "3600", "民生保障"),
    Task("2", "改造老旧小区12个,惠及居民2400户。", ("县住建局",), ("各乡镇",), "李某", "2023年10月底前",
         "6个小区已开工建设,完成投资1200万元。", "", "老旧小区改造", "5000", "民生保障"),
    Task("3", "实施农村公路提质改造100公里。", ("县交通运输局",), ("县财政局",), "张某某", "2023年11月底前",
         "已完成招标,完成工程量的45%。", "", "农村公路提质", "8000", "城乡建设"),
]


def text_of(task: Task, columns) -> str:
    kinds = [k for k, _ in columns]
    return task.name + task.text if "name" in kinds else task.text


def cells_of(task: Task, columns, *, number=None) -> list[str]:
    out = []
    for kind, _ in columns:
        out.append({
            "number": number if number is not None else (task.number or ""),
            "text": task.text, "content": task.text, "name": task.name, "lead": "、".join(task.lead),
            "others": "、".join(task.others), "units": "、".join(task.lead + task.others),
            "leader": task.leader or "", "deadline": task.deadline or "", "progress": task.progress,
            "note": task.note, "figure": task.figure, "category": task.category,
        }[kind])
    return out


# -- renderings: how a table reaches plain text ------------------------------------------------------------------


def pipes(rows):  # one row a line, each cell closed by ` |`
    return "\n".join(" | ".join(r) + " |" for r in rows)


def md(rows):  # | a | b |
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


def cells(rows, closer=""):  # one cell a line; an empty cell vanishes unless closed by a separator
    return "\n".join(c + closer for r in rows for c in r if c or closer)


def blank_cells(rows):  # one cell a line, a blank line after each
    return "\n\n".join(c for r in rows for c in r if c)


def tabs(rows):
    return "\n".join("\t".join(r) for r in rows)


def spaces(rows):
    return "\n".join("   ".join(c or " " for c in r) for r in rows)


def runon(rows):  # a PDF's text layer: a row a line, its cells run together
    return "\n".join("".join(r) for r in rows)


RENDER = {"pipes": pipes, "md": md, "cells": cells, "pipecells": lambda rows: cells(rows, " |"),
          "blank": blank_cells, "tabs": tabs, "spaces": spaces, "runon": runon}


# -- forms -----------------------------------------------------------------------------------------------------


@dataclass
class Want:
    number: str | None
    start: str
    units: list[str]
    leads: list[str] = field(default_factory=list)
    leader: str | None = None
    deadline: str | None = None
    full: str | None = None  # the task's whole text, where nothing may run on after it


@dataclass
class Form:
    id: str
    url: str
    parts: str
    body: str
    want: list[Want]
    held: bool = False


FORMS: list[Form] = []


def want_of(task: Task, columns, *, number=..., lead_rule=False) -> Want:
    kinds = [k for k, _ in columns]
    units = list(task.lead if "lead" in kinds and not {"others", "units"} & set(kinds) else task.lead + task.others)
    if "lead" in kinds and "others" in kinds:
        leads = list(task.lead)
    elif "lead" in kinds:
        leads = units
    elif lead_rule:
        leads = units[:1]
    else:
        leads = []
    return Want(task.number if number is ... and "number" in kinds else (None if number is ... else number),
                text_of(task, columns)[:14], units, leads,
                task.leader if "leader" in kinds else None, task.deadline if "deadline" in kinds else None,
                text_of(task, columns))


def table_form(id, url, parts, columns, render, *, held=False, rows=ROWS, caption="附件\n重点工作任务清单",
               header=None, before=None, lead_rule=False, after=""):
    """A form: the columns' labels as header, the rows' cells, printed by `render`."""
    head = [[label for _, label in columns]] if header is None else header
    body = [cells_of(t, columns) for t in rows]
    text = RENDER[render](head + body)  # run together: the header starts a line (a PDF's text layer)
    lines = [caption, before or "", text, after]
    FORMS.append(Form(id, url, parts, "\n".join(x for x in lines if x),
                      [want_of(t, columns, lead_rule=lead_rule) for t in rows], held))


# column sets seen on real pages (label as printed); kinds: number text name content lead others units leader
# deadline progress note figure category
CLA29 = "https://cla29.com/zz2sz202208/t20220826_1494203.html"  # 高新区 2022 公开承诺事项进展情况
DALI = "http://m.xwwlqbz.cn/html/2016/dangfengzhengfeng_0511/16604.html"  # 大理市 2016 分解任务汇编 (named)
DAZHU = "http://www.dzzx.gov.cn/show_news.php?ID=1995"  # 大竹县政协 2011 主要工作分解图表 (named)
WUJIAGANG = "http://yichang.cjyun.org/p/16330.html"  # 伍家岗区 分工方案 8大主题 (named)
ANKANG = "http://mip.changanyouth.cn/redian/shaanxi/24187.html"  # 安康 重点工作集中交办 (named)
ZHANJIANG = "https://www.cei.cn//defaultsite/s/article/2013/12/02/4b4ff4ad-429c4af2-0142-b22865a5-2cad_2013.html?columnId=4028c7ca-37115425-0137-115cb292-120f&referCode=dqgdzw"
HANGZHOU = "https://z.hangzhou.com.cn/2020/hzrmzfgb/content/content_7745055.html"  # 列第一位的责任单位为牵头单位
WUHAN = "http://www.fl1002.com/rule/217028.html"  # 武汉 2023 目标任务责任分解 (named)
LONGQUANYI = "https://m.taodocs.com/p-400719203.html"  # 龙泉驿区 2009 重大项目情况表 (run together)
JIANGGAN = "http://nbxinxi.com/a/gedizhengce/zhejiangsheng/hangzhoushi/shangcheng/2021/0629/344957.html"  # 台账内容
TAIZHANG = "http://renwen.czt.cc/jxfw/202601/1366643.html"  # 工作台账: 任务名称 责任人 时间节点 工作内容 完成状态 备注
XIANGXI = "https://gx-cm.com/www/zwgk/fdxxgknr/zdxm/202110/t20211018_1834042"  # 汇总表 | 隶 属 | 项目个数 |
YUNFU = "https://www.yunfu.gov.cn/yfsrmzf/jcxxgk/dcgz/content/post_6018.html"  # 汇总表 one cell a line
LANZHOU = "http://news.dxbei.com/news/gansuxinwen/20160504/235775.html"  # 市级领导包抓, 责任单位 (named)
ERLIAN = "brief"  # the brief's own list of forms (no page): header rows in two levels, 续表, fragments

C_CLA29 = [("number", "序号"), ("text", "重点任务"), ("deadline", "完成时间"), ("leader", "责任人"),
           ("units", "责任部门"), ("progress", "进展情况")]
C_DALI = [("number", "序号"), ("text", "目标任务"), ("leader", "责任领导"), ("units", "责任单位"),
          ("deadline", "完成时限")]
C_DAZHU = [("number", "序号"), ("text", "主要工作任务"), ("leader", "牵头领导"), ("lead", "牵头委室"),
           ("others", "协作委室和县级部门"), ("deadline", "拟定时限")]
C_WJG = [("number", "序号"), ("text", "具体任务"), ("leader", "牵头领导"), ("lead", "牵头单位"), ("others", "责任单位")]
C_ANKANG = [("number", "序号"), ("text", "重点工作"), ("leader", "牵头领导"), ("lead", "责任部门"),
            ("others", "配合部门"), ("deadline", "完成时限")]
C_ZJ = [("number", "序号"), ("text", "民生实事"), ("deadline", "完成时间"), ("units", "实施单位"), ("leader",
        "主要负责人")]
C_HZ = [("number", "序号"), ("text", "重点工作"), ("units", "责任单位")]
C_WUHAN = [("number", "序号"), ("text", "工作目标"), ("deadline", "完成时限"), ("leader", "分管领导"), ("units",
           "责任部门")]
C_LQY = [("number", "序号"), ("name", "项目名称"), ("content", "建设内容"), ("figure", "总投资"), ("lead",
         "牵头协调部门"),
         ("leader", "牵头区领导")]
C_TZ = [("number", "序号"), ("text", "任务名称"), ("leader", "责任人"), ("deadline", "时间节点"), ("units", "责任单位"),
        ("progress", "完成状态"), ("note", "备注")]
C_LZ = [("number", "序号"), ("name", "项目名称"), ("content", "建设内容"), ("leader", "包抓市级领导"), ("units",
        "责任单位")]
C_BRIEF = [("number", "序号"), ("text", "工作任务"), ("lead", "牵头单位"), ("others", "配合单位"), ("deadline",
           "完成时限")]
C_PROGRESS = [("number", "序号"), ("text", "工作任务"), ("units", "责任单位"), ("progress", "完成情况"), ("note",
              "备注")]


def _catalogue():
    # 1. the column sets, each in the renderings real pages show (pipes, one cell a line, tabs, run together)
    for cid, url, cols, renders, held in [
        ("cla29", CLA29, C_CLA29, ["pipes", "pipecells", "md"], False),
        ("dali", DALI, C_DALI, ["pipes", "cells", "tabs"], False),
        ("dazhu", DAZHU, C_DAZHU, ["pipes", "cells", "runon"], True),
        ("wujiagang", WUJIAGANG, C_WJG, ["pipes", "cells", "spaces"], False),
        ("ankang", ANKANG, C_ANKANG, ["md", "pipecells", "tabs"], True),
        ("zhanjiang", ZHANJIANG, C_ZJ, ["pipes", "cells", "runon"], False),
        ("hangzhou", HANGZHOU, C_HZ, ["pipes", "cells"], False),
        ("wuhan", WUHAN, C_WUHAN, ["pipes", "cells", "runon"], True),
        ("longquanyi", LONGQUANYI, C_LQY, ["runon", "pipes", "cells"], False),
        ("taizhang", TAIZHANG, C_TZ, ["spaces", "pipes", "cells"], False),
        ("lanzhou", LANZHOU, C_LZ, ["pipes", "tabs"], True),
        ("progress", JIANGGAN, C_PROGRESS, ["pipes", "pipecells", "blank"], True),
    ]:
        for render in renders:
            table_form(f"{cid}-{render}", url, f"columns {'/'.join(lb for _, lb in cols)}; rendering {render}",
                       cols, render, held=held)


_catalogue()


def _rows(columns, rows=ROWS, **kw):
    return [cells_of(t, columns, **kw) for t in rows]


def _wants(columns, rows=ROWS, **kw):
    return [want_of(t, columns, **kw) for t in rows]


def _add(id, url, parts, text, wants, held=False, caption="附件\n重点工作任务清单"):
    FORMS.append(Form(id, url, parts, caption + "\n" + text if caption else text, wants, held))


def _row_forms():
    # the header broken inside its labels (责任\n单位), one cell a line; and spaced inside (工 作 任 务)
    head = [["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]]
    for i, (render, header_text) in enumerate([
            ("cells", "序号\n工作\n任务\n牵头\n单位\n配合\n单位\n完成\n时限"),
            ("pipes", "序 号 | 工 作 任 务 | 牵 头 单 位 | 配 合 单 位 | 完 成 时 限 |"),
            ("pipecells", "序号 |\n工作任务 |\n牵头单位 |\n配合单位 |\n完成时限 |")]):
        body = RENDER[render](_rows(C_BRIEF))
        _add(f"broken-header-{render}", ERLIAN if i else CLA29, "header labels broken or spaced; " + render,
             header_text + "\n" + body, _wants(C_BRIEF), held=i == 2)
    # the header split over two lines, several cells a line, then one cell a line (高新区 2022 as printed)
    for i, split in enumerate([2, 3, 4]):
        labels = [lb for _, lb in C_CLA29]
        header = " | ".join(labels[:split]) + " |\n" + " | ".join(labels[split:]) + " |"
        _add(f"cla29-split-header-{split}", CLA29, "header cells several a line over two lines, body one cell a line",
             header + "\n" + cells(_rows(C_CLA29), " |"), _wants(C_CLA29), held=i == 2)
    # two header rows: 责任单位 over 牵头 | 配合
    for i, (render, top, sub) in enumerate([
            ("pipes", "序号 | 工作任务 | 责任单位 | 完成时限 |", "牵头单位 | 配合单位 |"),
            ("cells", "序号\n工作任务\n责任单位\n完成时限", "牵头单位\n配合单位"),
            ("pipes", "序号 | 工作任务 | 责任单位 | | 完成时限 |", " | | 牵头 | 配合 | |"),
            ("tabs", "序号\t工作任务\t责任单位\t\t完成时限", "\t\t牵头\t配合\t")]):
        _add(f"two-level-header-{i}", ERLIAN, "header in two rows, 责任单位 over 牵头 | 配合; " + render,
             top + "\n" + sub + "\n" + RENDER[render](_rows(C_BRIEF)), _wants(C_BRIEF), held=i == 3)
    # a group label row inside the table (一、…), numbering going on / restarting per group
    for i, render in enumerate(["pipes", "cells", "md", "pipecells"]):
        restart = i % 2 == 1
        rows = [[lb for _, lb in C_BRIEF]]
        wants = []
        groups = [("一、民生保障", ROWS[:2]), ("二、城乡建设", ROWS[2:])]
        n = 0
        for label, tasks in groups:
            rows.append([label] if render != "md" else [label, "", "", "", ""])
            for k, t in enumerate(tasks):
                n += 1
                number = str(k + 1) if restart else str(n)
                rows.append(cells_of(t, C_BRIEF, number=number))
                wants.append(want_of(t, C_BRIEF, number=number))
        text = RENDER[render](rows) if render != "pipes" else "\n".join(
            " | ".join(r) + " |" for r in rows)
        _add(f"group-rows-{render}{'-restart' if restart else ''}", DAZHU if i < 2 else WUJIAGANG,
             "group label rows inside the table" + (", numbering restarting per group" if restart else ""),
             text, wants, held=i == 3)
    # a merged first column (领域) covering several rows
    cols = [("category", "领域"), ("number", "序号"), ("text", "工作任务"), ("lead", "牵头单位"), ("others",
            "配合单位")]
    for i, render in enumerate(["pipes", "cells", "tabs", "md"]):
        rows = [[lb for _, lb in cols]]
        for k, t in enumerate(ROWS):
            c = cells_of(t, cols)
            if k and ROWS[k - 1].category == t.category:
                c[0] = ""
            rows.append(c)
        _add(f"merged-category-{render}", DAZHU, "a merged 领域 column covering rows; " + render,
             RENDER[render](rows), _wants(cols), held=i == 3)
    # a merged unit cell covering rows (the same lead unit printed once)
    same = [Task(t.number, t.text, ("县发改局",), t.others, t.leader, t.deadline) for t in ROWS]
    for i, render in enumerate(["pipes", "tabs", "md"]):
        rows = [[lb for _, lb in C_BRIEF]]
        for k, t in enumerate(same):
            c = cells_of(t, C_BRIEF)
            if k:
                c[2] = ""
            rows.append(c)
        _add(f"merged-lead-{render}", WUJIAGANG, "a merged 牵头单位 cell covering rows; " + render,
             RENDER[render](rows), _wants(C_BRIEF, same), held=i == 2)
    # a merged leader cell covering rows
    cols = C_DALI
    same = [Task(t.number, t.text, t.lead, t.others, "王某某", t.deadline) for t in ROWS]
    for i, render in enumerate(["pipes", "md", "pipecells"]):
        rows = [[lb for _, lb in cols]]
        for k, t in enumerate(same):
            c = cells_of(t, cols)
            if k:
                c[2] = ""
            rows.append(c)
        _add(f"merged-leader-{render}", DALI, "a merged 责任领导 cell covering rows; " + render,
             RENDER[render](rows), _wants(cols, same), held=i == 2)
    # unnumbered rows
    cols = [c for c in C_BRIEF if c[0] != "number"]
    for i, render in enumerate(["pipes", "tabs", "md"]):
        _add(f"unnumbered-{render}", ZHANJIANG, "rows without 序号; " + render,
             RENDER[render]([[lb for _, lb in cols], *_rows(cols)]), _wants(cols), held=i == 2)
    # empty cells (no 配合单位, no 备注)
    emp = [Task(t.number, t.text, t.lead, () if k != 1 else t.others, t.leader, t.deadline) for k, t in enumerate(ROWS)]
    for i, render in enumerate(["pipes", "pipecells", "md"]):
        _add(f"empty-cells-{render}", CLA29, "empty 配合单位 cells; " + render,
             RENDER[render]([[lb for _, lb in C_BRIEF], *_rows(C_BRIEF, emp)]), _wants(C_BRIEF, emp), held=i == 2)
    # a row's long text wrapped over two lines (one cell a line)
    for i, cut in enumerate([8, 11, 5]):
        rows = [[lb for _, lb in C_BRIEF]]
        for t in ROWS:
            c = cells_of(t, C_BRIEF)
            c[1] = c[1][:cut] + "\n" + c[1][cut:]
            rows.append(c)
        _add(f"wrapped-text-{cut}", CLA29, "a task cell wrapped over two lines, one cell a line",
             cells(rows), _wants(C_BRIEF), held=i == 2)
    # 续表: the table going on under a repeated header, or under 续表 alone
    for i, (render, mark) in enumerate([("pipes", "续表"), ("cells", "续表1"), ("md", "(续表)")]):
        head = [[lb for _, lb in C_BRIEF]]
        text = RENDER[render](head + _rows(C_BRIEF, ROWS[:2])) + "\n" + mark + "\n" + \
            RENDER[render](head + _rows(C_BRIEF, ROWS[2:]))
        _add(f"continued-{render}", ERLIAN, f"a continuation page under {mark} and the header again; {render}",
             text, _wants(C_BRIEF), held=i == 2)
    # a fragment with no header: the page's excerpt opens inside the table
    for i, render in enumerate(["pipes", "md", "tabs"]):
        _add(f"fragment-{render}", ERLIAN, "rows with no header row; " + render,
             RENDER[render](_rows(C_BRIEF)), _wants(C_BRIEF), held=i == 2)
    # a progress column with long text numbered inside (1、… 2、…), and a remark column
    prog = [Task(t.number, t.text, t.lead, (), t.leader, t.deadline,
                 "1、已完成立项。2、正在开展施工图设计,预计下月开工。") for t in ROWS]
    for i, render in enumerate(["pipes", "pipecells", "md"]):
        _add(f"progress-numbered-{render}", CLA29, "a progress column whose text is numbered inside; " + render,
             RENDER[render]([[lb for _, lb in C_PROGRESS], *_rows(C_PROGRESS, prog)]), _wants(C_PROGRESS, prog),
             held=i == 2)
    # a leader cell naming two people parted by a space (王某 李某某)
    two = [Task(t.number, t.text, t.lead, (), "王某 李某某" if k == 0 else t.leader, t.deadline)
           for k, t in enumerate(ROWS)]
    for i, render in enumerate(["pipes", "pipecells", "md"]):
        wants = _wants(C_CLA29, two)
        wants[0].leader = "王某、李某某"
        _add(f"two-leaders-{render}", CLA29, "a leader cell of two names parted by a space; " + render,
             RENDER[render]([[lb for _, lb in C_CLA29], *_rows(C_CLA29, two)]), wants, held=i == 2)
    # a summary table (figures per district) after the task table: no tasks of its own
    for i, (url, summary) in enumerate([
            (XIANGXI, "单位:个、亿元\n隶 属 | 项目个数 | 年投资计划 | 完成投资额 | 年计划投资完成率 |\n"
                      "某某镇 | 57 | 82.5 | 65.1 | 78.9% |\n某某乡 | 27 | 42.6 | 31.2 | 73.2% |"),
            (YUNFU,
             "地区\n\n重点项目个数\n\n年度计划投资金额(亿元)\n\n全县\n\n116\n\n195.82\n\n1\n\n某某镇\n\n7\n\n17.52"),
            (XIANGXI, "| 隶属 | 项目个数 | 年投资计划 |\n| 某某镇 | 57 | 82.5 |\n| 某某乡 | 27 | 42.6 |")]):
        _add(f"summary-table-{i}", url, "a figures-only summary table after the task table",
             pipes([[lb for _, lb in C_BRIEF], *_rows(C_BRIEF)]) + "\n附表\n" + summary, _wants(C_BRIEF), held=i == 2)
    # a 合计 row opening a project table's body (龙泉驿 2009), figures in their own columns
    for i, render in enumerate(["pipes", "cells", "tabs"]):
        rows = [[lb for _, lb in C_LQY], ["合计", "", "", "16600", "", ""], *_rows(C_LQY)]
        _add(f"total-row-{render}", LONGQUANYI, "a 合计 row above the projects; " + render,
             "单位:万元\n" + RENDER[render](rows), _wants(C_LQY), held=i == 2)

    # a pipe header whose labels wrap onto a second pipe line inside their columns (工作 / 任务, 牵头 / 单位)
    for i, (top, below) in enumerate([
            ("序号 | 工作 | 牵头 | 配合 | 完成 |", " | 任务 | 单位 | 单位 | 时限 |"),
            ("| 序号 | 重点 | 牵头 | 配合 | 完成 |", "| | 任务 | 部门 | 部门 | 时间 |"),
            ("序号 | 工作任务 | 牵头 | 配合 | 完成 |", " | | 单位 | 单位 | 时限 |")]):
        render = "md" if top.startswith("|") else "pipes"
        _add(f"wrapped-pipe-header-{i}", ERLIAN, "pipe header labels wrapped onto a second pipe line; " + render,
             top + "\n" + below + "\n" + RENDER[render](_rows(C_BRIEF)), _wants(C_BRIEF), held=i == 2)
    # an unlabelled 序号 column (the header's first cell empty)
    for i, render in enumerate(["pipes", "md", "tabs"]):
        head = [["", "工作任务", "牵头单位", "配合单位", "完成时限"]]
        _add(f"unlabelled-number-{render}", CLA29, "the 序号 column unlabelled; " + render,
             RENDER[render](head + _rows(C_BRIEF)), _wants(C_BRIEF), held=i == 2)
    # a progress column before the units, its text longer than the task's
    cols = [("number", "序号"), ("text", "工作任务"), ("progress", "进展情况"), ("units", "责任单位")]
    long = [Task(t.number, t.text, t.lead, t.others,
            progress="截至目前," + t.progress + "下一步将加快推进,确保按期完成。")
            for t in ROWS]
    for i, render in enumerate(["pipes", "pipecells", "md"]):
        _add(f"progress-before-units-{render}", CLA29, "a long progress column before the units; " + render,
             RENDER[render]([[lb for _, lb in cols], *_rows(cols, long)]), _wants(cols, long), held=i == 2)
    # a leader cell printing the post after the name (王某某副县长), and a deadline cell 长期坚持 / 2023年底前完成
    posts = [Task(t.number, t.text, t.lead, t.others, t.leader + "副县长", d)
             for t, d in zip(ROWS, ["长期坚持", "2023年底前完成", "2023年6月底前"], strict=False)]
    for i, render in enumerate(["pipes", "cells", "tabs"]):
        wants = _wants(C_DALI, posts)
        for w, t in zip(wants, ROWS, strict=False):
            w.leader = t.leader
        _add(f"leader-post-{render}", DALI, "a leader cell name + post, deadlines in words; " + render,
             RENDER[render]([[lb for _, lb in C_DALI], *_rows(C_DALI, posts)]), wants, held=i == 2)
    # a row wrapped over two pipe lines, the continuation line's other cells empty
    for i, render in enumerate(["pipes", "md", "tabs"]):
        rows = [[lb for _, lb in C_BRIEF]]
        for t in ROWS:
            c = cells_of(t, C_BRIEF)
            first, second = c[1][:9], c[1][9:]
            rows.append([c[0], first, c[2], c[3], c[4]])
            rows.append(["", second, "", "", ""])
        _add(f"wrapped-row-{render}", CLA29,
             "a row's text wrapped onto a second row line, other cells empty; " + render,
             RENDER[render](rows), _wants(C_BRIEF), held=i == 2)
    # one project, two content rows under its merged number and name, each with its own units (钟楼 2021 民生实事)
    cols = [("number", "序号"), ("name", "项目名称"), ("content", "主要内容"), ("leader", "分管领导"), ("lead",
            "牵头单位"),
            ("others", "配合单位")]
    for i, render in enumerate(["pipes", "md", "tabs"]):
        rows = [[lb for _, lb in cols], ["1", "老城厢复兴发展", "完成纪念馆整体提升工程。", "王某某", "县文体旅局",
                "县城投公司"],
                ["", "", "推进老街核心区改造及道路整治。", "李某", "县住建局", "各街道"],
                ["2", "优化养老服务", "为2300名老年人提供居家上门服务。", "张某", "县民政局", "各街道"]]
        wants = [Want("1", "老城厢复兴发展完成纪念馆", ["县文体旅局", "县城投公司"], ["县文体旅局"], "王某某"),
                 Want("1", "推进老街核心区改造及道路", ["县住建局", "各街道"], ["县住建局"], "李某"),
                 Want("2", "优化养老服务为2300名老", ["县民政局", "各街道"], ["县民政局"], "张某")]
        _add(f"merged-project-{render}", "https://1wenmi.com/doc/507125.html (held in the corpus: the form only)",
             "one project's two content rows under its merged number and name; " + render,
             RENDER[render](rows), wants, held=i == 2)
    # group rows numbered (一) inside the table, 序号 restarting under each
    for i, render in enumerate(["pipes", "cells", "md"]):
        rows, wants = [[lb for _, lb in C_BRIEF]], []
        for label, tasks in [("(一)民生保障", ROWS[:2]), ("(二)城乡建设", ROWS[2:])]:
            rows.append([label] if render != "md" else [label, "", "", "", ""])
            for k, t in enumerate(tasks):
                rows.append(cells_of(t, C_BRIEF, number=str(k + 1)))
                wants.append(want_of(t, C_BRIEF, number=str(k + 1)))
        _add(f"ordinal-groups-{render}", WUJIAGANG, "(一) group rows, numbering restarting; " + render,
             RENDER[render](rows), wants, held=i == 2)
    # 续表 without the header printed again
    for i, (render, mark) in enumerate([("pipes", "续表"), ("tabs", "续上表"), ("md", "续表2")]):
        head = [[lb for _, lb in C_BRIEF]]
        text = RENDER[render](head + _rows(C_BRIEF, ROWS[:2])) + "\n" + mark + "\n" + \
            RENDER[render](_rows(C_BRIEF, ROWS[2:]))
        _add(f"continued-headless-{render}", ERLIAN, f"{mark} and the rows going on without the header; {render}",
             text, _wants(C_BRIEF), held=i == 2)

_row_forms()


def _cell_forms():
    """The row forms again, printed one cell a line (plain, closed by a bar, a blank line after each): the
    rendering the corpus finds hardest."""
    heads = {"cells": C_BRIEF, "blank": C_BRIEF, "pipecells": C_BRIEF}
    for k, render in enumerate(["cells", "blank", "pipecells"]):
        cols = heads[render]
        head = [[lb for _, lb in cols]]
        # a merged lead cell (printed once)
        same = [Task(t.number, t.text, ("县发改局",), t.others, t.leader, t.deadline) for t in ROWS]
        rows = head + [c if i == 0 else [*c[:2], "", *c[3:]] for i, c in enumerate(_rows(cols, same))]
        _add(f"cells-merged-lead-{render}", WUJIAGANG, "a merged 牵头单位 cell, one cell a line; " + render,
             RENDER[render](rows), _wants(cols, same), held=k == 1)
        # unnumbered rows
        un = [c for c in cols if c[0] != "number"]
        _add(f"cells-unnumbered-{render}", ZHANJIANG, "rows without 序号, one cell a line; " + render,
             RENDER[render]([[lb for _, lb in un], *_rows(un)]), _wants(un), held=k == 1)
        # empty 配合单位 cells
        emp = [Task(t.number, t.text, t.lead, () if i != 1 else t.others, t.leader, t.deadline) for i,
               t in enumerate(ROWS)]
        _add(f"cells-empty-{render}", CLA29, "empty 配合单位 cells, one cell a line; " + render,
             RENDER[render](head + _rows(cols, emp)), _wants(cols, emp), held=k == 1)
        # a progress column before the units
        pc = [("number", "序号"), ("text", "工作任务"), ("progress", "进展情况"), ("units", "责任单位")]
        long = [Task(t.number, t.text, t.lead, t.others, progress="截至目前," + t.progress) for t in ROWS]
        _add(f"cells-progress-before-units-{render}", CLA29, "a progress column before the units, one cell a line; "
             + render, RENDER[render]([[lb for _, lb in pc], *_rows(pc, long)]), _wants(pc, long), held=k == 1)
        # 续表 and the header again
        text = RENDER[render](head + _rows(cols, ROWS[:2])) + "\n续表\n" + RENDER[render](head + _rows(cols, ROWS[2:]))
        _add(f"cells-continued-{render}", ERLIAN, "续表 and the header again, one cell a line; " + render, text,
             _wants(cols), held=k == 1)
        # no header (a fragment)
        _add(f"cells-fragment-{render}", ERLIAN, "rows with no header, one cell a line; " + render,
             RENDER[render](_rows(cols)), _wants(cols), held=k == 1)
        # a leader column with posts, deadlines in words
        posts = [Task(t.number, t.text, t.lead, t.others, t.leader + "副县长", d)
                 for t, d in zip(ROWS, ["长期坚持", "2023年底前完成", "2023年6月底前"], strict=False)]
        wants = _wants(C_DALI, posts)
        for w, t in zip(wants, ROWS, strict=False):
            w.leader = t.leader
        _add(f"cells-leader-post-{render}", DALI, "leader name + post, deadlines in words, one cell a line; " + render,
             RENDER[render]([[lb for _, lb in C_DALI], *_rows(C_DALI, posts)]), wants, held=k == 1)


_cell_forms()


def _cla29_forms():
    """高新区 2022 as printed: the header split after 重点任务, a deadline cell that is a sentence, two leaders a
    space apart, units without a level (国土住建局), a progress cell numbering its points."""
    rows = [Task("7", "完善园区骨架路网,开工建设凤凰路、三亚路,提高城市道路的通行能力。", (), ("国土住建局",),
            "王某 李某某",
                 "三亚路和凤凰路一期工程11月底前具备通车条件。",
                     "1、凤凰路一期已建成通车。 2、三亚路雨污水管道已完成60%。"),
            Task("8", "加快污水处理厂二期工程建设,提高城市综合承载能力。", (), ("生态环境分局", "国土住建局"), "张某",
                 "12月底前建设完成。", "已完成5个单体主体施工。")]
    for k, (render, header) in enumerate([
            ("pipecells", "序号 | 重点任务 |\n完成时间 | 责任人 | 责任部门 | 进展情况 |"),
            ("pipes", "序号 | 重点任务 | 完成时间 | 责任人 | 责任部门 | 进展情况 |"),
            ("blank", "序号\n\n重点任务\n\n完成时间\n\n责任人\n\n责任部门\n\n进展情况")]):
        wants = _wants(C_CLA29, rows)
        _add(f"cla29-as-printed-{render}", CLA29, "the page's own form: split header, sentence deadline, two leaders, "
             "units without a level; " + render, header + "\n" + RENDER[render](_rows(C_CLA29, rows)), wants,
             held=k == 2, caption="高新区2022年第二季度重点任务公开承诺事项进展情况")


_cla29_forms()


# -- reading --------------------------------------------------------------------------------------------------


def _key(text):
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text if not ch.isspace() and not unicodedata.category(ch).startswith("P"))


def read(form: Form):
    with tempfile.TemporaryDirectory() as tmp:
        try:
            result = import_text(HEAD + form.body + "\n", Path(tmp), stem="t", jurisdiction="某某县")
        except Exception as error:  # a refusal is a wrong reading like any other
            return None, f"{type(error).__name__}: {str(error)[:80]}"
        return [t for t in iter_tasks(result.data)], None


def judge(form: Form) -> list[str]:
    got, error = read(form)
    if error:
        return [f"refused ({error})"]
    problems = []
    if len(got) != len(form.want):
        problems.append(f"{len(got)} tasks for {len(form.want)}: " +
                        " / ".join(_key(t["text"])[:10] for t in got))
    for want, task in zip(form.want, got, strict=False):
        units = [u["name"] for u in task.get("units", [])]
        leads = [u["name"] for u in task.get("units", []) if u.get("role") == "牵头"]
        checks = [("number", want.number, task.get("number")), ("units", want.units, units),
                  ("leads", want.leads, leads), ("leader", want.leader, task.get("leader")),
                  ("deadline", want.deadline, task.get("deadline"))]
        if not _key(task["text"]).startswith(_key(want.start)):
            problems.append(f"text {task['text'][:24]!r} for {want.start!r}")
        elif want.full and _key(task["text"]) != _key(want.full):
            problems.append(f"text runs on: {task['text'][len(want.full) - 4:][:30]!r}")
        for name, expected, found in checks:
            if expected != found and not (name == "leader" and _key(expected) == _key(found)):
                problems.append(f"{name} {found!r} for {expected!r}")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--held", action="store_true", help="the held-out forms only")
    parser.add_argument("--tuning", action="store_true", help="the tuning forms only")
    parser.add_argument("--show", help="print one form's notice and reading")
    parser.add_argument("--quiet", action="store_true", help="figures only")
    args = parser.parse_args(argv)
    if args.show:
        form = next(f for f in FORMS if f.id == args.show)
        print(HEAD + form.body)
        got, error = read(form)
        for t in got or []:
            print((t.get("number"), t["text"][:30], [(u["name"], u.get("role")) for u in t.get("units", [])],
                   t.get("leader"), t.get("deadline")))
        print(error or "", judge(form))
        return 0
    figures = {False: [0, 0], True: [0, 0]}
    for form in FORMS:
        if (args.held and not form.held) or (args.tuning and form.held):
            continue
        problems = judge(form)
        figures[form.held][0] += not problems
        figures[form.held][1] += 1
        if not args.quiet:
            mark = "right" if not problems else "WRONG"
            print(f"{mark:5} {'H' if form.held else 'T'} {form.id:32} {'; '.join(problems)[:160]}")
    pages = len({f.url for f in FORMS if f.url != ERLIAN})
    print(f"forms {len(FORMS)} from {pages} pages (+ the brief's own forms); "
          f"tuning {figures[False][0]}/{figures[False][1]}, held out {figures[True][0]}/{figures[True][1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
