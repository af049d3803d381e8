"""Real notices damaged the way pages and copying damage text, scored against their gold (issue 17).

Each case takes a development notice (tests/importer_corpus/real/dev/*.txt with its .gold.yaml) and applies
one damage, sometimes a second, that leaves the gold the right answer: page furniture between lines (page
numbers, a running header, 续表 with the table's header row repeated), a hard wrap at a fixed width, line-start
indentation, blank lines doubled or removed, punctuation variants, a web page's furniture around the notice,
a table's cells re-flowed, and an excerpt's cut. The damaged text is imported as `sitegen import` does (a
fresh site, the gold's government) and its tasks are scored by benchmarks/import_quality.py's scorer; the
drop against the undamaged notice is the damage's cost.

A case is named by its notice's stem and its damages, `stem:damage[+second]`, and seeded by that name, so a
notice added to the development part changes no other notice's case. The sweep runs every notice × each first
damage it can take, three times in ten with a second one drawn from the same name. A cut keeps in the gold only
the tasks whose text, up to the next task's start, lies before the cut; the task the cut runs through is the
excerpt's cut-off tail, which the scorer counts neither way.

`python tests/importer_damagefuzz.py [--damage NAME ...] [--notice STEM ...] [--start S] [--cases N]
[--failures]` prints the drop per damage (F1, units exact, leads exact, leader, deadline) and with --failures
what each damaged case lost; `--show STEM:DAMAGES` prints a case's damaged text and what its import lost.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(Path(__file__).parent))
from import_quality import Score, score_notice, start_key  # noqa: E402
from importer_buildfuzz import DEV  # noqa: E402

Lines = list[str]
HEADER_WORDS = re.compile(r"序号|牵头单位|责任单位|配合单位|完成时限|时间节点|责任领导|工作任务|重点任务|主要任务"
                          r"|工作内容")
SENTENCE = re.compile(r"[。,，;；]")
CELL_SPLIT = re.compile(r"\t+| {2,}|\u3000{2,}|\s*\|\s*")


@dataclass(frozen=True)
class Notice:
    stem: str
    lines: tuple[str, ...]
    gold: dict

    @property
    def tables(self) -> bool:
        return any(tag.startswith("table") for tag in self.gold["layouts"])


@cache
def notice(path: Path) -> Notice:
    gold = yaml.safe_load(path.with_name(path.stem + ".gold.yaml").read_text(encoding="utf-8"))
    return Notice(path.stem, tuple(path.read_text(encoding="utf-8").splitlines()), gold)


# -- the damages: each takes the notice and its lines and returns the damaged lines --------------------------

def _breaks(rng: random.Random, lines: Lines) -> list[int]:
    """Where pages break: every 12-30 lines, never before the first line."""
    at, out = 0, []
    while True:
        at += rng.randrange(12, 31)
        if at >= len(lines):
            return out
        out.append(at)


def _insert_at_breaks(rng: random.Random, lines: Lines, furniture: Callable[[int, int], Lines]) -> Lines:
    breaks = _breaks(rng, lines)
    if not breaks:  # a short notice still gets one break, mid-way
        breaks = [max(1, len(lines) // 2)]
    out, last = [], 0
    for page, at in enumerate(breaks, 1):
        out += lines[last:at] + furniture(page, len(breaks) + 1)
        last = at
    return out + lines[last:]


PAGE_NUMBERS = ("- {p} -", "—{p}—", "第{p}页 共{n}页", "第 {p} 页", "{p}", "{p}/{n}", "·{p}·")


def page_numbers(rng: random.Random, n: Notice, lines: Lines) -> Lines:
    form = rng.choice(PAGE_NUMBERS)
    return _insert_at_breaks(rng, lines, lambda p, total: ["", form.format(p=p + 1, n=total), ""]
                             if rng.random() < .5 else [form.format(p=p + 1, n=total)])


def running_header(rng: random.Random, n: Notice, lines: Lines) -> Lines:
    head = rng.choice([n.gold.get("title") or "", n.gold.get("issuer") or ""]) or n.gold["government"]
    form = rng.choice(PAGE_NUMBERS)
    return _insert_at_breaks(rng, lines, lambda p, total: [form.format(p=p, n=total), head])


def _header_rows(lines: Lines, sections: set[str]) -> Lines:
    """The table's header as printed: its first row of labels (two header words, no sentence: a paragraph naming
    them, or a notice run onto one line, is no header), with the label lines after it when the header is printed
    a cell a line, up to the first row (its number, a text, or a group's heading: a section of the gold)."""
    for i, line in enumerate(lines):
        if len(HEADER_WORDS.findall(line)) >= 2 and len(line) <= 80 and not SENTENCE.search(line):
            return [line]
        if HEADER_WORDS.fullmatch(_label(line)):
            run = [line]
            for after in lines[i + 1:i + 30]:
                label = _label(after)
                if label and (len(label) > 12 or re.search(r"\d", label) or label in sections):
                    break
                run.append(after)
            return run
    return []


def _label(line: str) -> str:
    return line.strip().rstrip("|").strip()


def _sections(n: Notice) -> set[str]:
    return {name.strip() for task in n.gold["tasks"] for name in task.get("section") or ()}


def continued_table(rng: random.Random, n: Notice, lines: Lines) -> Lines:
    header = _header_rows(lines, _sections(n))
    start = lines.index(header[0]) if header else 0
    mark = rng.choice(["(续表)", "（续表）", "续上表", "续表"])
    body = _insert_at_breaks(rng, lines[start + len(header):], lambda p, total: [mark, *header])
    return lines[:start + len(header)] + body


def _wrap(line: str, width: int) -> Lines:
    return [line[i:i + width] for i in range(0, len(line), width)] or [line]


def _is_row(line: str) -> bool:
    return len(CELL_SPLIT.split(line.strip())) >= 3


def hard_wrap(rng: random.Random, n: Notice, lines: Lines) -> Lines:
    """Every prose line broken at a fixed width, as PDF text and narrow columns break it (inside words, unit
    lists and numbers alike); a table row's cells are not run across each other."""
    width = rng.randrange(20, 41)
    return [part for line in lines for part in (_wrap(line, width) if not _is_row(line) else [line])]


INDENTS = ("\u3000\u3000", "\t", "\xa0\xa0\xa0\xa0", "    ", " \u3000")


def indentation(rng: random.Random, n: Notice, lines: Lines) -> Lines:
    indent, share = rng.choice(INDENTS), rng.choice([.5, 1.0])
    return [indent + line if line.strip() and rng.random() < share else line for line in lines]


def blank_lines(rng: random.Random, n: Notice, lines: Lines) -> Lines:
    if rng.random() < .5:
        return [part for line in lines for part in (line, "")]
    return [line for line in lines if line.strip()]


ASCII = str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "；": ";"})
FULL = str.maketrans({",": "，", ":": "：", "(": "（", ")": "）", ";": "；"})
NUMBER_PUNCT = re.compile(r"^(\s*)(\d{1,2})[.．、](?!\d)")


def punctuation(rng: random.Random, n: Notice, lines: Lines) -> Lines:
    """Full-width and ASCII punctuation swapped one way, 、 inside the gold's unit lists printed as a comma, and
    the point after a number varied."""
    table = rng.choice([ASCII, FULL])
    text = "\n".join(lines).translate(table)
    comma = rng.choice([",", "，", "、"])
    for task in n.gold["tasks"]:
        units = task["units"]
        for a, b in itertools.pairwise(units):
            text = text.replace(f"{a}、{b}", f"{a}{comma}{b}")
    point = rng.choice([".", "．", "、"])
    return [NUMBER_PUNCT.sub(lambda m: f"{m[1]}{m[2]}{point}", line) for line in text.split("\n")]


def web_page(rng: random.Random, n: Notice, lines: Lines) -> Lines:
    """A government site's page around the notice: breadcrumbs, the catalogue line, font size and print
    buttons before; share buttons, print/close and related links after."""
    before = rng.sample([
        "首页 > 政务公开 > 政府文件", "当前位置:首页 > 信息公开 > 通知公告", "您现在的位置: 首页 >> 政府信息公开",
        f"来源:{n.gold.get('issuer') or n.gold['government']}  发布时间:2023-04-12 09:30", "字号:大 中 小",
        "【字体:大 中 小】", "浏览次数:1268", "分享到:微信 微博 QQ空间", "[打印] [关闭]"], rng.randrange(2, 5))
    after = rng.sample([
        "分享到:", "打印本页 关闭窗口", "【打印】【关闭】", "扫一扫在手机打开当前页",
        "相关链接", "上一篇:关于开展安全生产大检查的通知", "下一篇:2023年第一季度政务公开工作情况",
        "主办单位:人民政府办公室 网站标识码:1234000001", "ICP备案编号:皖ICP备05002151号"], rng.randrange(2, 5))
    return [*before, "", *lines, "", *after]


def reflow_table(rng: random.Random, n: Notice, lines: Lines) -> Lines:
    """A table's rows printed with another cell separator: tabs, runs of spaces, pipes, or a cell a line."""
    form = rng.choice(["tab", "spaces", "pipes", "lines"])
    out: Lines = []
    for line in lines:
        if not _is_row(line):
            out.append(line)
            continue
        cells = [c for c in CELL_SPLIT.split(line.strip()) if c]
        if form == "lines":
            out += [*cells, ""]
        else:
            out.append({"tab": "\t", "spaces": "  ", "pipes": " | "}[form].join(cells))
    return out


def truncated(rng: random.Random, n: Notice, lines: Lines) -> Lines:
    """Cut like a stored excerpt: at about 2,000 characters (or 40-90 % of a shorter notice), mid-line."""
    text = "\n".join(lines)
    at = min(rng.randrange(1800, 2200), int(len(text) * rng.uniform(.4, .9)))
    return text[:at].split("\n")


DAMAGES: dict[str, Callable[[random.Random, Notice, Lines], Lines]] = {
    f.__name__: f for f in (page_numbers, running_header, continued_table, hard_wrap, indentation, blank_lines,
                            punctuation, web_page, reflow_table, truncated)}
FOR_TABLES = {"continued_table", "reflow_table"}


def kept_gold(gold: dict, text: str) -> dict:
    """The gold of a cut notice: the tasks whose text lies before the cut up to the next task's start (the cut
    may fall inside that start; the task the cut runs through is the excerpt's tail); no longer complete."""
    body, after, kept = start_key(text), 0, []
    tasks = gold["tasks"]
    for task, nxt in itertools.zip_longest(tasks, tasks[1:]):
        found = body.find(start_key(task["text_start"]), after)
        if found < 0:
            break
        after = found + 1
        if nxt is None:
            break
        follows = start_key(nxt["text_start"])
        if body.find(follows, after) < 0 and not any(body.endswith(follows[:k]) for k in range(2, len(follows))):
            break
        kept.append(task)
    return {**gold, "tasks": kept, "complete": False}


# -- a case: a notice and its damages, named by both ---------------------------------------------------------

@dataclass
class Case:
    stem: str
    damages: tuple[str, ...]
    text: str
    gold: dict

    @property
    def key(self) -> str:
        return name_of(self.stem, self.damages)


def name_of(stem: str, damages: tuple[str, ...]) -> str:
    return f"{stem}:{'+'.join(damages)}"


def damages_for(n: Notice) -> list[str]:
    return [name for name in DAMAGES if n.tables or name not in FOR_TABLES]


@cache
def notice_named(stem: str) -> Notice:
    return notice(DEV[[p.stem for p in DEV].index(stem)])


def drawn(stem: str, first: str) -> tuple[str, ...]:
    """The damages of the notice's case whose first damage is `first`: three times in ten a second, drawn from
    the two names, so a notice added to the development part re-deals no other notice's case."""
    rng = random.Random(name_of(stem, (first,)))
    if rng.random() < .3:
        return first, rng.choice([name for name in damages_for(notice_named(stem)) if name not in (first, "truncated")])
    return (first,)


def every_case() -> list[str]:
    """Every notice × each first damage it can take (the table damages only for a notice with a table), damage by
    damage, named `stem:damage[+second]`."""
    return [name_of(p.stem, drawn(p.stem, first)) for first in DAMAGES for p in DEV
            if first in damages_for(notice(p))]


def case(key: str) -> Case:
    """The named case: its damages applied in order, seeded by its name (not by its place in the corpus)."""
    stem, _, names = key.partition(":")
    rng = random.Random(key)
    n = notice_named(stem)
    damages = tuple(names.split("+"))
    lines = list(n.lines)
    for name in damages:
        lines = DAMAGES[name](rng, n, lines)
    text = "\n".join(lines) + "\n"
    gold = kept_gold(n.gold, text) if "truncated" in damages else n.gold
    return Case(stem, damages, text, gold)


def imported(text: str, gold: dict) -> tuple[list[dict] | None, str | None]:
    """The task records a build would write (data/tasks.json) for the text imported into a fresh site, as
    benchmarks/import_quality.py runs the command line but in this process; (None, why) when refused."""
    from sitegen.content.loadsite import load_site
    from sitegen.core.errors import SitegenError
    from sitegen.importer import import_notice
    from sitegen.scaffold import init_site
    from sitegen.write.exports import task_record

    with tempfile.TemporaryDirectory(prefix="damagefuzz-") as tmp:
        site, path = Path(tmp) / "site", Path(tmp) / "notice.txt"
        path.write_text(text, encoding="utf-8")
        init_site(site)
        try:
            import_notice(str(path), site, jurisdiction=gold["government"], parent=gold.get("parent"))
            model = load_site(site)
        except SitegenError as error:
            return None, str(error).replace(str(path), "notice").splitlines()[0][:200]
        return [task_record(model, task) for task in model.tasks.values()], None


def scored(text: str, gold: dict) -> tuple[Score, list[str]]:
    output, error = imported(text, gold)
    if output is None:
        tasks = gold["tasks"]
        score = Score(notices=1, gold_tasks=len(tasks), failed=1, leader_n=sum(1 for t in tasks if t["leader"]),
                      deadline_n=sum(1 for t in tasks if t["deadline"]))
        # a notice (or an excerpt) without a whole task is rightly refused
        return score, [f"refused: {error}"] if tasks else []
    return score_notice(gold, text, output)


@cache
def undamaged(stem: str) -> tuple[Score, tuple[str, ...]]:
    """The undamaged notice's score and failures, which a damage's cost is measured from."""
    n = notice_named(stem)
    score, failures = scored("\n".join(n.lines) + "\n", n.gold)
    return score, tuple(failures)


def lost(c: Case) -> tuple[Score, Score, list[str]]:
    """(damaged score, undamaged score, what the damaged import gets wrong that the undamaged one gets right)."""
    score, failures = scored(c.text, c.gold)
    base, before = undamaged(c.stem)
    return score, base, [line for line in failures if line not in set(before) and not line.startswith("tail")]


# -- the sweep ------------------------------------------------------------------------------------------------

FIELDS = (("F1", "f1"), ("units", "units_exact_of_gold"), ("leads", "leads_exact_of_gold"), ("leader", "leader"),
          ("deadline", "deadline"))


def sweep(keys: list[str], show_failures: bool) -> None:
    after: dict[str, Score] = defaultdict(Score)
    before: dict[str, Score] = defaultdict(Score)
    failing: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        c = case(key)
        score, base, new = lost(c)
        after[c.damages[0]].add(score)
        before[c.damages[0]].add(base)
        if new:
            failing[c.damages[0]].append(f"{key}: " + " | ".join(new[:3])[:300])
    print("| damage | cases | " + " | ".join(name for name, _ in FIELDS) + " | cases losing |")
    print("|---|---|" + "---|" * (len(FIELDS) + 1))
    for name in DAMAGES:
        if name not in after:
            continue
        a, b = after[name].ratios(), before[name].ratios()
        cells = [f"{a[key]:.3f} ({(a[key] or 0) - (b[key] or 0):+.3f})" if a[key] is not None else "–"
                 for _, key in FIELDS]
        print(f"| {name} | {after[name].notices} | " + " | ".join(cells) + f" | {len(failing[name])} |")
    if show_failures:
        for name, lines in failing.items():
            print(f"\n## {name}: {len(lines)}")
            print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--damage", nargs="+", choices=list(DAMAGES),
                        help="only cases whose first damage is one of these")
    parser.add_argument("--notice", nargs="+", metavar="STEM", help="only the notices whose stem holds one of these")
    parser.add_argument("--start", type=int, default=0, help="from the START-th case chosen")
    parser.add_argument("--cases", type=int, help="at most CASES cases")
    parser.add_argument("--failures", action="store_true", help="list what each damaged case lost")
    parser.add_argument("--show", metavar="STEM:DAMAGES", help="print a case's damaged text and what it lost")
    args = parser.parse_args(argv)
    if args.show is not None:
        c = case(args.show)
        print(c.text)
        print(f"# {c.key}")
        print("\n".join(f"# {line}" for line in lost(c)[2]) or "# nothing lost")
        return 0
    keys = [key for key in every_case() if (not args.damage or key.split(":")[1].split("+")[0] in args.damage)
            and (not args.notice or any(part in key.split(":")[0] for part in args.notice))]
    sweep(keys[args.start:None if args.cases is None else args.start + args.cases], args.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
