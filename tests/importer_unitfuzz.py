"""A seeded generator of unit lists as real notices print them, for issue 17 (items 1, 2: units read exactly).

The names come from tests/importer_unitvocab.yaml: units of every kind and level gathered from real notices of
many governments (party bodies, 人大/政协, mass organisations, vertical bodies with a place of their own, names with
a bracketed second name, courts, zones, townships, enterprises, hospitals, 领导小组办公室/指挥部/专班, collectives,
abbreviations and old names, names with digits or ASCII letters), far wider than the development gold the other
generators draw from. A seed picks a government and lays out a short notice of three tasks, each with its unit
lists, choosing independently:

- context: the list in a bracket of labelled fields after the task (牵头单位:X;责任单位:Y), a responsible-only
  bracket, a bracket of roles (X牵头,Y配合), label lines under the task, a sentence (由X牵头,Y配合。), a table cell;
- sep: 、 , , ; / a space, or 、 with 和/及/以及/与 before the last name;
- prefix: every name spelled with its level, or the level printed once and shared (县发改局、财政局);
- tail: nothing, 等, 等单位, 等部门, 等相关单位, or 等 before a collective (…等县直有关部门, a unit of its own);
- suffix: in a county's or district's 、 list, townships sharing one suffix at its end (柳树、杨河镇政府);
- bracket kind, punctuation width, script (OpenCC), and a hard wrap of the paragraph (PDF extraction).

The expected split follows the corpus's gold rules (tests/importer_corpus/real/README.md, "How the gold is
written"): a shared prefix distributed onto the names printed without it, never onto a name with a place of its
own, a collective or a name whose level is part of it (团县委, 县委宣传部 are spelled out); a shared suffix
distributed over the bare places before it (柳树、杨河镇政府 -> 柳树镇政府, 杨河镇政府); a trailing 等 dropped;
a collective with 、 inside one unit; printed order. Shapes a person could not split either are not drawn (see
`_ambiguous`).

`python tests/importer_unitfuzz.py --seeds 1000` prints the pass rate overall, per dimension and per failure class
(what went wrong / the kind of name it went wrong on); `--show SEED` prints one notice and its problems.
Used by tests/test_import_unitfuzz.py.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from importer_prosefuzz import compact, convert
from rates import Rates

# the names a seed draws from: the main vocabulary the splitter was tuned with, or the held-out one it never was
# (chosen before any change, never tuned on: its figure is the honest one), or the tuning one gathered with it, or
# a second held-out one gathered later from other governments (units6), as honest as the first, a third
# (units7) that also holds whole lists as pages print them (`lists`), and a fourth (units8) of whole attributions as
# pages print them, brackets, role words and remarks included (`attributions`, see `attribution_case`)
VOCABS = {"main": "importer_unitvocab.yaml", "heldout": "importer_unitvocab_heldout.yaml",
          "tuning": "importer_unitvocab_tuning.yaml", "heldout2": "importer_unitvocab_heldout2.yaml",
          "heldout3": "importer_unitvocab_heldout3.yaml", "heldout4": "importer_unitvocab_heldout4.yaml"}
LEAD_ROLES = ("牵头", "主办")
# kinds whose name may be printed without the list's level after a prefixed name (县发改局、财政局)
SHARED = {"dept", "dept-old", "dept-province", "mass", "vertical", "bracketed", "court", "court-city", "office",
          "ascii", "congress", "school-hospital"}
KINDS_BY_LEVEL = {
    "县": ["dept", "dept", "dept", "dept-old", "party", "congress", "mass-own", "mass", "own", "vertical",
          "bracketed", "court", "zone", "township", "enterprise", "school-hospital", "office", "ascii",
          "collective"],
    "市": ["dept", "dept", "dept", "dept-old", "party", "congress", "mass-own", "mass", "own", "vertical",
          "bracketed", "court-city", "zone", "enterprise", "school-hospital", "office", "ascii", "collective",
          "collective-city"],
    "省": ["dept-province", "dept-province", "dept-province", "party", "congress", "mass-own", "mass",
          "collective-province"],
    "": ["central", "central", "central", "collective-central"],
}
KINDS_BY_LEVEL["区"] = KINDS_BY_LEVEL["旗"] = KINDS_BY_LEVEL["县"]  # a district or a banner has a county's kinds
KINDS_BY_LEVEL["自治区"] = KINDS_BY_LEVEL["省"]
KINDS_BY_LEVEL["镇"] = ["dept-town", "dept-town", "collective-town", "enterprise"]  # a township's own notice
TASKS = ["加快重点项目建设，确保按期建成投用。", "深化营商环境改革，提升政务服务效能。", "推进城乡融合发展。",
         "加强生态环境保护，打好污染防治攻坚战。", "完善社会保障体系，兜牢民生底线。",
         "实施乡村振兴战略，壮大村集体经济。", "推动数字经济发展，加快5G基站建设。", "扎实做好安全生产工作。",
         "提升城市管理水平，改善人居环境。"]
DIMENSIONS = ("vocab", "government", "context", "sep", "prefix", "tail", "bracket", "width", "script", "wrap",
              "suffix", "printed")
# a shared suffix over townships (城关、杨河镇人民政府 -> 城关镇人民政府, 杨河镇人民政府: the gold's suffix rule), at
# the end of a 、 list of a county's notice
TOWNSHIP_SUFFIXES = ["镇人民政府", "镇政府", "乡人民政府", "街道办事处"]


@cache
def vocab(which: str = "main") -> dict:
    return yaml.safe_load(Path(__file__).with_name(VOCABS[which]).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Name:
    full: str  # as printed when spelled out
    bare: str | None  # as printed after a prefixed name, when it may be
    kind: str


def _names(kind: str, gov: list, rng: random.Random, which: str = "main") -> list[Name]:
    name, _, level, stem, parent_stem = gov
    out = []
    for template in vocab(which).get(kind) or []:
        if kind == "own" and level == "市" and "{C}市" in template:
            continue  # (the city's own 公安局 分局 is a county's shape)
        town = rng.choice(vocab(which)["towns"])
        if template == "{T}乡" and town.endswith("城"):
            continue  # (西城乡 alone: a township, or 西 + 城乡 …? a person could not tell either)
        values = {"P": level, "X": stem, "C": parent_stem if level in "县区" else stem, "T": town,
                  "L": name[-1] if name else ""}
        full = template.format(**values)
        bare = template[3:].format(**values) if template.startswith("{P}") and kind in SHARED else None
        out.append(Name(full, bare, kind))
    return out


def draw_names(rng: random.Random, gov: list, count: int, taken: set[str], which: str = "main") -> list[Name]:
    out: list[Name] = []
    kinds = [kind for kind in KINDS_BY_LEVEL[gov[2]] if vocab(which).get(kind)]  # (a small vocabulary lacks some)
    for _ in range(1000):  # (a level with few names may hold fewer than asked for)
        if len(out) >= count:
            break
        kind = rng.choice(kinds)
        name = rng.choice(_names(kind, gov, rng, which))
        if name.full not in taken:
            taken.add(name.full)
            out.append(name)
    return out


# -- a layout -----------------------------------------------------------------------------------------------

@dataclass
class Expected:
    number: str
    text: str
    units: list[str]
    leads: list[str]


@dataclass
class Case:
    seed: int
    government: list
    dims: dict[str, str]
    text: str
    want: list[Expected]
    kinds: list[list[str]] = field(default_factory=list)  # per task, the kinds of its names in printed order


CONTEXTS = ["labels", "responsible", "roles", "lines", "sentence", "table"]
SEPS = ["、", "、", "、", "and", "，", ",", "；", "/", "space"]
TAILS = ["none", "none", "等", "等单位", "等相关单位", "等collective"]
BRACKETS = ["（）", "（）", "()", "【】", "[]", "〔〕"]
AND_WORDS = ["和", "及", "以及", "与"]


def _choose(rng: random.Random, gov: list, later: random.Random) -> dict[str, str]:
    """The dimensions of a case; `later` draws those added after the first (the suffix, 等部门), so that a case
    drawn without them is the case it always was."""
    dims = {"government": gov[0], "context": rng.choice(CONTEXTS), "sep": rng.choice(SEPS),
            "prefix": rng.choice(["spelled", "shared", "shared"]), "tail": rng.choice(TAILS),
            "bracket": rng.choice(BRACKETS), "width": rng.choice(["full", "full", "ascii"]),
            "script": rng.choice(["simplified"] * 4 + ["s2t"]), "wrap": rng.choice(["none", "none", "none", "wrap"])}
    if dims["sep"] == "；" and dims["context"] in ("roles", "sentence"):
        dims["sep"] = "、"  # (X牵头;Y;Z配合 is no list)
    if dims["sep"] == "space" and dims["context"] not in ("table", "lines"):
        dims["sep"] = "、"  # names parted by spaces only in table cells and label lines
    if dims["sep"] not in ("、", "and") or gov[2] == "":
        dims["prefix"] = "spelled"  # the gold distributes a shared prefix over 、 lists
    if dims["context"] == "table":
        dims["wrap"] = "none"
    if dims["context"] not in ("labels", "responsible", "roles"):
        dims["bracket"] = "none"
    dims["suffix"] = later.choice(["none", "none", "none", "shared"])
    if dims["sep"] != "、" or gov[2] not in "县区旗" or not gov[2]:
        dims["suffix"] = "none"
    if dims["tail"] == "等单位" and later.random() < 0.5:
        dims["tail"] = "等部门"  # (dropped as 等单位 is)
    return dims


def _printed(names: list[Name], dims: dict[str, str]) -> tuple[list[str], list[str]]:
    """The printed items of a list and the units expected from it."""
    printed, want = [], []
    shared = False
    level = dims["level"]
    for name in names:
        if dims["prefix"] == "shared" and shared and name.bare:
            printed.append(name.bare)
        else:
            printed.append(name.full)
        want.append(name.full)
        if name.kind.startswith("collective"):
            shared = False  # (各区、开发区: what follows a collective is not the level's own, as in the gold)
        elif name.full.startswith(level) and name.kind in SHARED | {"party"}:
            shared = True
    return printed, want


def _join(items: list[str], dims: dict[str, str], rng: random.Random) -> str:
    sep = dims["sep"]
    full = dims["width"] == "full"
    if sep == "and":
        if len(items) == 1:
            return items[0]
        return "、".join(items[:-1]) + rng.choice(AND_WORDS) + items[-1]
    glyph = {"、": "、", "，": "，" if full else ",", ",": ",", "；": "；" if full else ";", "/": "/",
             "space": " "}[sep]
    if sep == "space" and full:
        glyph = rng.choice([" ", "　", "  "])
    return glyph.join(items)


def _ambiguous(names: list[Name], dims: dict[str, str]) -> bool:
    """A list a person could not split either: 和/及 between two names where either side holds 和 itself
    (县工业和信息化局和住建局 is two units, 县文化和旅游局 one — fine — but 县发改局和人社局和文旅局 is not printed);
    a bare name after 等 other than a collective."""
    return dims["sep"] == "and" and any(w in n.full for n in names[-2:] for w in AND_WORDS)


def _list(names: list[Name], dims: dict[str, str], rng: random.Random, tail: bool, gov: list,
          taken: set[str]) -> tuple[str, list[str]]:
    printed, want = _printed(names, dims)
    shared = _shared_suffix(dims, taken) if tail else []
    if shared:
        printed.append("、".join(shared) + dims["township_suffix"])
        want += [town + dims["township_suffix"] for town in shared]
    text = _join(printed, dims, rng)
    if tail and dims["tail"] != "none":
        if dims["tail"] == "等collective":
            choices = [n for n in _names(_collective_kind(gov), gov, rng, dims["vocab"])
                       if not n.full.startswith(("各", "相关", "有关")) and n.full not in taken]
            collective = rng.choice(choices or [Name("有关部门", None, "collective")])
            if collective.full not in taken:  # (a collective named twice in one task is no list a notice prints)
                text += "等" + collective.full
                want.append(collective.full)
        else:
            text += dims["tail"]
            if dims["tail"] == "等相关单位":
                want.append("相关单位")  # (the collective after 等 is a unit of its own, as in the gold)
    return text, want


def _shared_suffix(dims: dict[str, str], taken: set[str]) -> list[str]:
    """The townships printed before one shared suffix at the end of the list, none when a name is drawn already."""
    towns = dims["towns"].split("/") if dims["suffix"] == "shared" else []
    return [] if any(town + dims["township_suffix"] in taken for town in towns) else towns


def _collective_kind(gov: list) -> str:
    return {"市": "collective-city", "省": "collective-province", "自治区": "collective-province",
            "镇": "collective-town", "": "collective-central"}.get(gov[2], "collective")


def _task(index: int, rng: random.Random, gov: list, dims: dict[str, str],
          real: dict | None = None) -> tuple[list[str], Expected, list[str]]:
    text = TASKS[(index + rng.randrange(len(TASKS))) % len(TASKS)]
    taken: set[str] = set()
    context = dims["context"]
    if real:
        return _real_task(index, text, rng, gov, dims, real)
    for _ in range(20):  # draw until the lists are not ambiguous
        taken.clear()
        which = dims["vocab"]
        leads = draw_names(rng, gov, rng.choice([1, 1, 1, 2]), taken, which) if context != "responsible" else []
        others = draw_names(rng, gov, rng.choice([1, 2, 3, 3, 4, 5]), taken, which)
        if not (_ambiguous(leads, dims) or _ambiguous(others, dims)):
            break
    lead_text, lead_want = _list(leads, dims, rng, False, gov, taken) if leads else ("", [])
    other_text, other_want = _list(others, dims, rng, True, gov, taken)
    lines = _lines(index, text, lead_text, other_text, dims, rng)
    units = lead_want + [u for u in other_want if u not in lead_want]
    kinds = [n.kind for n in leads + others] + ["township-suffix"] * len(_shared_suffix(dims, taken))
    return lines, Expected(str(index + 1), text, units, lead_want), kinds


ASCII_PUNCTUATION = str.maketrans("，（）；：", ",();:")


def _real_task(index: int, text: str, rng: random.Random, gov: list, dims: dict[str, str],
               real: dict) -> tuple[list[str], Expected, list[str]]:
    """A task whose responsible list is a whole list as a page printed it (`lists` of the vocabulary), with the lead
    the page printed with it, or else a lead drawn from the vocabulary that the list does not name."""
    lead_want: list[str] = []
    if dims["context"] != "responsible":
        if real.get("lead"):
            lead_want = [real["lead"]]
        else:
            for _ in range(20):
                leads = draw_names(rng, gov, 1, set(), dims["vocab"])
                lead_want = [n.full for n in leads]
                if not any(n.full in real["printed"] or (n.bare or n.full) in real["printed"] for n in leads):
                    break
    printed = real["printed"] if dims["width"] == "full" else real["printed"].translate(ASCII_PUNCTUATION)
    lines = _lines(index, text, "、".join(lead_want), printed, dims, rng)
    units = lead_want + [u for u in real["units"] if u not in lead_want]
    return lines, Expected(str(index + 1), text, units, lead_want), ["printed"] * len(units)


def _lines(index: int, text: str, lead_text: str, other_text: str, dims: dict[str, str],
           rng: random.Random) -> list[str]:
    context = dims["context"]
    number = str(index + 1)
    open_, close = dims["bracket"][:1], dims["bracket"][1:]
    colon = "：" if dims["width"] == "full" else ":"
    semi = "；" if dims["width"] == "full" else ";"
    comma = "，" if dims["width"] == "full" else ","
    lines: list[str]
    if context == "labels":
        attribution = f"{open_}牵头单位{colon}{lead_text}{semi}责任单位{colon}{other_text}{close}"
        lines = [f"{number}.{text}{attribution}"]
    elif context == "responsible":
        lines = [f"{number}.{text}{open_}责任单位{colon}{other_text}{close}"]
    elif context == "roles":
        lines = [f"{number}.{text}{open_}{lead_text}牵头{comma}{other_text}配合{close}"]
    elif context == "sentence":
        lines = [f"{number}.{text}由{lead_text}牵头{comma}{other_text}配合。"]
    elif context == "lines":
        lines = [f"{number}.{text}", f"牵头单位{colon}{lead_text}", f"责任单位{colon}{other_text}"]
    else:
        lines = [f"| {number} | {text} | {lead_text} | {other_text} |"]
    if dims["wrap"] == "wrap":
        lines = [piece for line in lines for piece in _hard_wrap(line, rng)]
    return lines


def _hard_wrap(line: str, rng: random.Random) -> list[str]:
    width = rng.randint(18, 30)
    return [line[i:i + width] for i in range(0, len(line), width)]


# where a whole printed attribution stands: after the task's text on its line, alone on the next line, or after the
# text in a paragraph hard-wrapped at a fixed width (PDF extraction)
ATTRIBUTION_LAYOUTS = ["inline", "inline", "next-line", "wrap"]


def attribution_case(seed: int, which: str) -> Case:
    """A notice of three tasks, each followed by a whole attribution one government's page printed (a vocabulary's
    `attributions`), its units and leads as the vocabulary reads them."""
    rng = random.Random(f"attribution {seed}")
    entries = vocab(which)["attributions"]
    government = rng.choice(sorted({entry["government"] for entry in entries}))
    gov = next(g for g in vocab(which)["governments"] if g[0] == government)
    layout, width = rng.choice(ATTRIBUTION_LAYOUTS), rng.choice(["full", "full", "ascii"])
    dims = {dim: "printed" for dim in DIMENSIONS} | {
        "vocab": which, "government": government, "context": layout, "width": width,
        "script": rng.choice(["simplified"] * 4 + ["s2t"]), "wrap": "wrap" if layout == "wrap" else "none"}
    body, want = [], []
    for index in range(3):
        entry = rng.choice([e for e in entries if e["government"] == government])
        text = TASKS[(index + rng.randrange(len(TASKS))) % len(TASKS)]
        printed = entry["printed"] if width == "full" else entry["printed"].translate(ASCII_PUNCTUATION)
        line = f"{index + 1}.{text}"
        lines = [line, printed] if layout == "next-line" else [line + printed]
        body += [piece for line in lines for piece in _hard_wrap(line, rng)] if layout == "wrap" else lines
        want.append(Expected(str(index + 1), text, list(entry["units"]), list(entry["leads"])))
    return _notice(seed, gov, dims, body, want, [["printed"] * len(w.units) for w in want])


def case(seed: int, which: str = "main") -> Case:
    if "attributions" in vocab(which):
        return attribution_case(seed, which)
    rng, later = random.Random(seed), random.Random(f"later {seed}")
    gov = rng.choice(vocab(which)["governments"])
    dims = {"vocab": which, **_choose(rng, gov, later)}
    dims["level"] = gov[2]
    towns = later.sample(vocab(which)["towns"], later.choice([2, 3]))
    suffixes = [s for s in TOWNSHIP_SUFFIXES if not (s[0] == "乡" and any(t.endswith("城") for t in towns))]
    dims["towns"], dims["township_suffix"] = "/".join(towns), later.choice(suffixes)
    # whole lists as the government's pages print them (a vocabulary's `lists`), from a stream of their own so that
    # a vocabulary without them draws the cases it always did
    real = [entry for entry in vocab(which).get("lists") or [] if entry["government"] == gov[0]]
    printer = random.Random(f"printed {seed}")
    dims["printed"] = printer.choice(["drawn", "real"]) if real else "drawn"
    body: list[str] = []
    want, kinds = [], []
    if dims["context"] == "table":
        body += ["| 序号 | 重点任务 | 牵头单位 | 责任单位 |", "| --- | --- | --- | --- |"]
    for index in range(3):
        chosen = printer.choice(real) if dims["printed"] == "real" else None
        lines, expected, task_kinds = _task(index, rng, gov, dims, chosen)
        body += lines
        want.append(expected)
        kinds.append(task_kinds)
    for key in ("level", "towns", "township_suffix"):
        del dims[key]
    return _notice(seed, gov, dims, body, want, kinds)


def _notice(seed: int, gov: list, dims: dict[str, str], body: list[str], want: list[Expected],
            kinds: list[list[str]]) -> Case:
    """The notice around the task lines: its title, addressees, issuer and date, an attachment's title and a
    section heading; converted to the drawn script with the answers."""
    issuer = f"{gov[0]}人民政府办公室" if gov[0] != "国务院" else "国务院办公厅"
    head = [f"{issuer}关于印发2024年重点工作任务分解方案的通知", "各有关单位：",
            "现将任务分解方案印发给你们，请认真贯彻落实。",
            issuer, "2024年3月1日", "附件", "2024年重点工作任务分解方案", "一、稳定经济增长"]
    text = "\n".join(head + body) + "\n"
    if dims["script"] != "simplified":
        text = convert(dims["script"], text)
        want = [Expected(w.number, convert(dims["script"], w.text), [convert(dims["script"], u) for u in w.units],
                         [convert(dims["script"], u) for u in w.leads]) for w in want]
    return Case(seed, gov, dims, text, want, kinds)


# -- checking -----------------------------------------------------------------------------------------------


def run_case(c: Case, site: Path) -> list[tuple[str, str]]:
    """(class, detail) of what the import got wrong; empty when every list was read right."""
    from sitegen.core.errors import SitegenError
    from sitegen.importer import import_text
    from sitegen.importer.content import iter_tasks

    name, parent = c.government[0], c.government[1]
    try:
        result = import_text(c.text, site, stem="unitfuzz", force=True, jurisdiction=name, parent=parent)
    except SitegenError as error:
        return [("refused", str(error)[:200])]
    except Exception as error:  # a crash is a class of its own, counted like the rest
        return [("crash", f"{type(error).__name__}: {error}")]
    return differences(c, list(iter_tasks(result.data)))


def differences(c: Case, tasks: list[dict]) -> list[tuple[str, str]]:
    if len(tasks) != len(c.want):
        return [("count", f"{len(tasks)} tasks, expected {len(c.want)}: "
                          + "; ".join(f"{t.get('number')} {compact(t.get('text'))[:12]}" for t in tasks))]
    out = []
    for want, task, kinds in zip(c.want, tasks, c.kinds, strict=True):
        names = [compact(u["name"]) for u in task.get("units") or []]
        expected = [compact(u) for u in want.units]
        if names != expected:
            out.append((unit_problem(names, expected, kinds),
                        f"task {want.number}: units {names}, expected {expected}"))
        elif [compact(u["name"]) for u in task["units"] if u.get("role") in LEAD_ROLES] != \
                [compact(u) for u in want.leads]:
            out.append(("leads", f"task {want.number}: leads wrong, expected {want.leads}"))
        if not compact(task.get("text")).startswith(compact(want.text)[:10]):
            out.append(("text", f"task {want.number}: text {compact(task.get('text'))[:40]!r}"))
    return out


def unit_problem(got: list[str], expected: list[str], kinds: list[str]) -> str:
    """The class of a wrong unit list: what went wrong, on which kind of name (the first one that differs)."""
    kinds = kinds + ["collective"] * (len(expected) - len(kinds))  # (the collective after 等)
    for i, name in enumerate(expected):
        if i >= len(got):
            return f"dropped/{kinds[i]}"
        if got[i] == name:
            continue
        if len(got[i]) > len(name) and got[i].endswith(name):
            return f"prefix-added/{kinds[i]}"
        if len(got[i]) < len(name) and name.endswith(got[i]):
            return f"prefix-missing/{kinds[i]}"
        if got[i].startswith(name) and len(got[i]) > len(name):
            return f"run-together/{kinds[i]}"
        if name.startswith(got[i]):
            return f"cut/{kinds[i]}"
        return f"other/{kinds[i]}"
    return "extra"


# The failure classes still open, most general first: a failing case belongs to the first class it fits.
CLASSES: dict[str, str] = {
    "wrap": "a paragraph hard-wrapped at a fixed width (PDF extraction): a line break inside a unit's name, a label "
            "or a bracket is not always joined back (line joining, not the splitter)",
    "space-list": "names parted by spaces only (县中医院 县监察局): cleaning drops a space between Chinese characters, "
                  "so the names run together",
    "other": "a list read wrong in any other shape",
}


def classify(dims: dict[str, str]) -> str:
    """The open failure class a case's dimensions put it in."""
    if dims["wrap"] != "none":
        return "wrap"
    return "space-list" if dims["sep"] == "space" else "other"


def sweep(seeds: range, verbose: bool = False, which: str = "main") -> dict[int, list[tuple[str, str]]]:
    import tempfile

    failures: dict[int, list[tuple[str, str]]] = {}
    rates = Rates(DIMENSIONS)
    classes: dict[str, list[int]] = defaultdict(list)
    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # names of a kind in lists read right / drawn
    lists_ok = lists = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            c = case(seed, which)
            problems = run_case(c, Path(tmp))
            ok = not problems
            rates.add(c.dims, ok)
            wrong = {p[1].split(":")[0] for p in problems if p[1].startswith("task ")}
            lists += len(c.want)
            broken = any(p[0] in ("count", "refused", "crash") for p in problems)
            lists_ok += 0 if broken else len(c.want) - len(wrong)
            for want, kinds in zip(c.want, c.kinds, strict=True):
                for kind in kinds:
                    by_kind[kind][0] += not broken and f"task {want.number}" not in wrong
                    by_kind[kind][1] += 1
            by_class[classify(c.dims)][0] += ok
            by_class[classify(c.dims)][1] += 1
            if problems:
                failures[seed] = problems
                for kind in {p[0] for p in problems}:
                    classes[kind].append(seed)
    total = rates.total("context")
    print(f"all: {total - len(failures)}/{total} notices; tasks read right {lists_ok}/{lists}")
    rates.print()
    print("open classes (tests/test_import_unitfuzz.py): " +
          "  ".join(f"{name} {ok}/{n}" for name, (ok, n) in sorted(by_class.items())))
    print("kinds (names in lists read right/drawn): " + "  ".join(
        f"{kind} {ok}/{n}" for kind, (ok, n) in sorted(by_kind.items(), key=lambda kv: kv[1][0] / kv[1][1])))
    print("failure classes (problem/kind of name: notices, first seeds)")
    for name, seeds_of in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        print(f"  {name:28} {len(seeds_of):4}  {seeds_of[:10]}")
    if verbose:
        for seed, problems in failures.items():
            print(f"  seed {seed}: " + "; ".join(f"{k}: {d}" for k, d in problems[:2])[:400])
    return failures


def main(argv: list[str]) -> int:
    which = argv[argv.index("--vocab") + 1] if "--vocab" in argv else "main"
    if "--show" in argv:
        import tempfile

        c = case(int(argv[argv.index("--show") + 1]), which)
        print(c.government, c.dims)
        print(c.text)
        with tempfile.TemporaryDirectory() as tmp:
            for kind, detail in run_case(c, Path(tmp)) or [("ok", "(passes)")]:
                print(f"  {kind}: {detail[:400]}")
        return 0
    count = int(argv[argv.index("--seeds") + 1]) if "--seeds" in argv else 1000
    start = int(argv[argv.index("--start") + 1]) if "--start" in argv else 0
    sweep(range(start, start + count), "--failures" in argv, which)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
