"""Nested items, for issue 17 (sub-items; a task at a level that changes from item to item): prose notices
whose numbered items hold sub-items, drawn by a seed.

Real notices nest three levels (一、 / 1. / (1)) and put the task where the attribution is: an item whose
sub-items carry no attribution of their own owns them (its attribution comes after the run, runs on at the
end of the last sub-item, or stands on the item's own line before them); an item that is a short title over
sub-items each with its own attribution is a heading, its sub-items the tasks. One notice may do both, item
by item. Sub-items are marked the many ways notices mark them: (1), ①, 1., ▲ ● ◆ ■ - —— ○ ★.

The tasks' texts, units, leaders and deadlines come from the prose generator's pool (real dev gold); the
expectation follows the corpus gold rules (tests/importer_corpus/real/README.md): the task is the item the
notice assigns, its number as printed without punctuation, none for a bullet.

`python tests/importer_nestfuzz.py --seeds 300 [--start S] [--failures]` prints the pass rate per dimension and
the failure classes; `--show SEED` prints one notice and what the import got wrong.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from importer_prosefuzz import TITLES, Expected, _attribution, check, mark, number_of, pool, show_case
from rates import TextGenerator, command

# a level's numbering and its rank (a deeper level has a higher rank); bullets number nothing
RANK = {"一、": 2, "（一）": 3, "1.": 4, "1、": 4, "（1）": 5, "①": 6, "bullet": 7}
BULLETS = ["▲", "●", "◆", "■", "-", "——", "○", "★"]
TOPS = ["一、", "none"]
MIDS = ["（一）", "1.", "1、"]
SUBS = ["（1）", "①", "1.", "1、", "bullet"]
MODES = ["owned", "sub-tasks", "mixed"]
PLACES = ["after-run", "run-on-last", "on-parent", "label-lines-after"]
FORMS = ["labels", "sentence"]
GROUPS = ["稳定经济增长", "推动产业升级", "保障和改善民生", "加强生态环境保护"]
SUB_FIELDS = ["end-bracket", "next-line-bracket", "label-lines", "run-on"]
HEAD_ENDS = ["", "。", ":", "："]
DIMENSIONS = ("route", "top", "mid", "sub", "mode", "place", "form", "sub-fields", "head-end")


def _mark(style: str, n: int, bullet: str) -> str:
    return bullet if style == "bullet" else mark(style, n)


def _number(style: str, n: int) -> str:
    return "" if style == "bullet" else number_of(style, n)


def _first_sentence(text: str) -> str:
    return text.split("。")[0] + "。"


class Notice:
    def __init__(self, seed: int):
        self.rng = rng = random.Random(f"nest-{seed}")
        self.dims = {"route": "text"}
        for name, values in (("top", TOPS), ("mid", MIDS), ("mode", MODES), ("place", PLACES), ("form", FORMS)):
            self.dims[name] = rng.choice(values)
        deeper = [s for s in SUBS if RANK[s] > RANK[self.dims["mid"]]]
        self.dims["sub"] = rng.choice(deeper)
        self.bullet = rng.choice(BULLETS)
        later = random.Random(f"nest-later-{seed}")  # dimensions added later: the ones above stay as drawn
        self.dims["sub-fields"] = later.choice(SUB_FIELDS)
        self.dims["head-end"] = later.choice(HEAD_ENDS)
        self.items = list(pool())
        rng.shuffle(self.items)
        self.lines: list[str] = ["某某县2021年重点工作任务分解", "各乡镇人民政府，县直各单位：",
                                 "现将2021年重点工作任务分解如下，请认真抓好落实。"]
        self.want: list[Expected] = []

    def build(self) -> tuple[str, list[Expected]]:
        groups = 1 if self.dims["top"] == "none" else self.rng.randint(2, 3)
        number = 0
        for g in range(groups):
            if self.dims["top"] != "none":
                self.lines.append(mark("一、", g + 1) + GROUPS[g])
            for _ in range(self.rng.randint(2, 3)):
                number += 1
                self._parent(number)
        return "\n".join(self.lines) + "\n", self.want

    def _parent(self, n: int) -> None:
        kind = self.dims["mode"]
        if kind == "mixed":
            kind = self.rng.choice(["owned", "sub-tasks", "direct"])
        head = mark(self.dims["mid"], n)
        if kind == "direct":
            item = self.items.pop()
            lines, expected = self._attributed(item.text, item, _number(self.dims["mid"], n))
            self.lines += [head + lines[0], *lines[1:]]
            self.want.append(expected)
        elif kind == "owned":
            self._owned(head, _number(self.dims["mid"], n))
        else:
            self.lines.append(head + self.rng.choice(TITLES).rstrip("。") + self.dims["head-end"])
            for j in range(self.rng.randint(2, 3)):
                item = self.items.pop()
                lines, expected = self._attributed(item.text, item, _number(self.dims["sub"], j + 1),
                                                   self.dims["sub-fields"])
                self.lines += [_mark(self.dims["sub"], j + 1, self.bullet) + lines[0], *lines[1:]]
                self.want.append(expected)

    def _owned(self, head: str, number: str) -> None:
        item = self.items.pop()
        title = self.rng.choice([self.rng.choice(TITLES), _first_sentence(item.text)])
        subs = [_mark(self.dims["sub"], j + 1, self.bullet) + _first_sentence(self.items.pop().text)
                for j in range(self.rng.randint(2, 4))]
        place = self.dims["place"]
        if place == "run-on-last" and self.dims["mode"] == "mixed":
            # beside items whose sub-items each carry their own, an attribution that closes the last sub-item
            # could be that sub-item's alone: a person could not tell either
            place = "after-run"
        kind = "label-lines" if place == "label-lines-after" else "end-bracket"
        att, units, leads, leader, deadline = self._fields(item, kind)
        self.want.append(Expected(number, title, units, leads, leader, deadline))
        tail = att[0][1:] if att and att[0].startswith("\0") else None
        if place == "on-parent" and tail is not None:
            self.lines += [head + title + tail, *subs]
        elif place == "run-on-last" and tail is not None:
            self.lines += [head + title, *subs[:-1], subs[-1] + tail]
        else:
            after = [tail, *att[1:]] if tail is not None else att
            self.lines += [head + title, *subs, *after]

    def _attributed(self, text: str, item, number: str, kind: str = "end-bracket") -> tuple[list[str], Expected]:
        att, units, leads, leader, deadline = self._fields(item, kind)
        first = text + (att[0][1:] if att and att[0].startswith("\0") else "")
        rest = att[1:] if att and att[0].startswith("\0") else att
        return [first, *rest], Expected(number, text, units, leads, leader, deadline)

    def _fields(self, item, kind: str):
        bracket = kind in ("end-bracket", "next-line-bracket")
        inner = "sentence" if self.dims["form"] == "sentence" and bracket else "labels"
        leads, others = list(item.leads), list(item.units[len(item.leads):])
        return _attribution(self.rng, kind, inner, "牵头配合", leads, others, item.leader, item.deadline,
                            self.rng.randrange(4), "（）", False)


GENERATOR = TextGenerator.of_notices(Notice, check, show_case, DIMENSIONS)
generate, run = GENERATOR.generate, GENERATOR.run


if __name__ == "__main__":
    sys.exit(command(sys.argv[1:], ["text"], GENERATOR.sweep, GENERATOR.show, seeds=300))
