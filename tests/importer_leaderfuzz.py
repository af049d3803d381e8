"""A seeded generator of prose notices that each print a leader as real pages print one (issue 17, leaders).

The people come from tests/importer_leadervocab_heldout.yaml (a leader or several, with posts before or after the
name, traditional script, as stored public pages printed them; never tuned on); the places a notice prints a leader
(a label line, the task's bracket, a sentence, a heading over the tasks, a post alone, a padded name) are its
`frames`. Each seed draws a frame class, a person and two to four tasks from the prose generator's pool (the dev
gold's sentences and units), numbers them in one of the prose generator's styles, imports the notice and scores each
task's leader as the corpus gold writes it (compared as benchmarks/import_quality.py compares it), and that its units read exactly with no lead unit (every frame names
the units as responsible only, so a leader taken for a lead unit shows).

`python tests/importer_leaderfuzz.py --seeds 400` prints the leader right per class and per shape of the person, and
the first failing seeds of each class; `--show SEED` prints one notice and what its import got wrong.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from importer_prosefuzz import Expected, compact, pool, tasks_of  # noqa: E402

from sitegen.importer.variants import simplified  # noqa: E402

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from import_quality import leader_form  # noqa: E402  (right as the corpus benchmark counts it)

CLASSES = ("field", "field-bracketed-posts", "bracket", "sentence", "heading", "post-alone", "padded")
NUMBERINGS = ("1.", "1、", "（一）")
INTRO = ("某某县人民政府办公室关于印发2024年重点工作任务分工方案的通知\n各乡镇人民政府,县政府各部门:\n"
         "现将《2024年重点工作任务分工方案》印发给你们,请认真贯彻落实。\n")


@dataclass(frozen=True)
class Person:
    printed: str
    name: str
    posts: str
    after: bool
    source: str

    @property
    def several(self) -> bool:
        return "、" in self.name

    @property
    def shape(self) -> str:
        if self.several:
            return "several"
        if self.after:
            return "post-after"
        return "posts-before" if re.search(r"[、]", self.posts) else "post-before"


@cache
def vocab() -> tuple[list[Person], dict[str, list[str]]]:
    data = yaml.safe_load(Path(__file__).with_name("importer_leadervocab_heldout.yaml").read_text(encoding="utf-8"))
    people = [Person(p["printed"], p["name"], p["posts"], bool(p.get("after")), p["source"]) for p in data["people"]]
    return people, data["frames"]


def _eligible(kind: str, people: list[Person]) -> list[Person]:
    """The people a frame class can print: a post alone needs one plain post, brackets and padding one name."""
    if kind == "post-alone":
        return [p for p in people if not p.several and "、" not in p.posts and "领导" not in p.posts
                and "領導" not in p.posts]
    if kind == "field-bracketed-posts":
        return [p for p in people if not p.several]
    if kind == "padded":
        return [p for p in people if len(p.name) == 2]
    return people


def _leader(kind: str, person: Person, template: str) -> tuple[str, str]:
    """(the frame as printed, the leader the gold writes for it)."""
    if kind == "post-alone":
        post = re.sub(r"^[县縣市区區]?(?:委|政府)?", "", person.posts)  # 分管副县长: a post of the government
        return template.format(P=post), "分管" + post
    if kind == "padded":
        padded = f"{person.name[0]} {person.name[1]}"
        return template.format(X=padded), padded
    return template.format(X=person.printed, N=person.name, P=person.posts, U="{U}", L="{L}"), person.name


def generate(seed: int) -> tuple[str, list[Expected], dict[str, str]]:
    rng = random.Random(seed)
    people, frames = vocab()
    kind = CLASSES[seed % len(CLASSES)]
    person = rng.choice(_eligible(kind, people))
    template = rng.choice(frames[kind])
    printed, leader = _leader(kind, person, template)
    items = rng.sample(pool(), rng.randint(2, 4))
    style = rng.choice(NUMBERINGS)
    dims = {"class": kind, "shape": person.shape, "source": person.source, "numbering": style,
            "script": "traditional" if person.printed != simplified(person.printed) else "simplified"}
    lines = [INTRO] if rng.random() < 0.7 else []
    if kind == "heading":
        lines.append("一、" + printed)
    want = []
    for n, item in enumerate(items, 1):
        number = _number(style, n)
        units = "、".join(item.units)
        line = number + item.text
        attribution = printed.replace("{U}", units).replace("{L}", units)
        if kind in ("bracket", "sentence"):
            line += attribution
        lines.append(line)
        if kind not in ("bracket", "sentence", "heading"):
            lines.append(attribution)
        if kind not in ("bracket", "sentence"):  # those two name the units themselves
            lines.append(f"责任单位:{units}")
        want.append(Expected(number.rstrip(".、").strip("（）"), item.text, list(item.units), [], leader, None))
    return "\n".join(lines) + "\n", want, dims


def _number(style: str, n: int) -> str:
    cn = "一二三四五六七八九十"[n - 1]
    return {"1.": f"{n}.", "1、": f"{n}、", "（一）": f"（{cn}）"}[style]


def problems_of(text: str, want: list[Expected], site: Path) -> list[tuple[str, str]]:
    """(class, detail) per task read wrong: its leader, or units / lead units spoiled; a refusal or a wrong count."""
    from sitegen.core.errors import SitegenError
    from sitegen.importer import import_text

    try:
        result = import_text(text, site, stem="fuzz", force=True, jurisdiction="某某县", parent="某某市")
    except SitegenError as error:
        return [("refused", str(error)[:200])]
    tasks = list(tasks_of(result.data))
    if len(tasks) != len(want):
        return [("count", f"{len(tasks)} tasks, expected {len(want)}")]
    out = []
    for w, t in zip(want, tasks, strict=True):
        if leader_form(t.get("leader")) != leader_form(w.leader):
            out.append(("leader", f"task {w.number}: leader {t.get('leader')!r}, expected {w.leader!r}"))
        units = t.get("units") or []
        if [u["name"] for u in units] != [compact(u) for u in w.units] or any(u.get("role") == "牵头" for u in units):
            out.append(("units", f"task {w.number}: units {[(u['name'], u.get('role')) for u in units]}"))
    return out


def main(argv: list[str]) -> int:
    seeds = int(argv[argv.index("--seeds") + 1]) if "--seeds" in argv else 350
    if "--show" in argv:
        text, want, dims = generate(int(argv[argv.index("--show") + 1]))
        print(dims, text, *want, sep="\n")
        with tempfile.TemporaryDirectory() as tmp:
            for kind, detail in problems_of(text, want, Path(tmp)):
                print(f"{kind}: {detail}")
        return 0
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # leader right, units right, tasks
    failing: dict[str, list[int]] = defaultdict(list)
    for seed in range(seeds):
        text, want, dims = generate(seed)
        with tempfile.TemporaryDirectory() as tmp:
            found = problems_of(text, want, Path(tmp))
        wrong_leader = {d.split(":")[0] for k, d in found if k == "leader"}
        wrong_units = {d.split(":")[0] for k, d in found if k == "units"}
        whole = any(k in ("refused", "count") for k, _ in found)
        right = 0 if whole else len(want) - len(wrong_leader)
        units_right = 0 if whole else len(want) - len(wrong_units)
        for key in [("all", "all"), *dims.items()]:
            tally[key][0] += right
            tally[key][1] += units_right
            tally[key][2] += len(want)
        if found and len(failing[dims["class"]]) < 10:
            failing[dims["class"]].append(seed)
    for (dim, value), (right, units_right, n) in sorted(tally.items()):
        print(f"  {dim:10} {value:22} leader {right}/{n} ({right / n:.2f})  units {units_right}/{n}")
    print("failing seeds by class:", *(f"  {kind:22} {seeds_}" for kind, seeds_ in failing.items()), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
