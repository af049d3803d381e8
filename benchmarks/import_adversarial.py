"""Adversarial inputs for `sitegen import`: long runs of brackets, numbers and separators.

    python benchmarks/import_adversarial.py [--kb 100]

Each input is a small valid notice plus one pathological run (one long line, or
many short lines) and ordinary tasks, so the importer parses it rather than
refusing it. Prints the CPU seconds of a full import per 100 kB for each; the
target (issue 17) is at most 2 s per 100 kB, whatever the input.
tests/test_import_linear.py imports the same inputs at a smaller size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitegen.core.errors import SitegenError  # noqa: E402
from sitegen.importer import import_text  # noqa: E402

HEAD = ("某某市人民政府办公室关于印发重点工作分工的通知\n某政办发〔2021〕3号\n各县(市、区)人民政府,市政府各部门:\n"
        "现将分工印发给你们。\n某某市人民政府办公室\n2021年3月1日\n附件\n重点工作分工\n一、扩大投资\n"
        "1.实施项目攻坚。(牵头单位:市发改委)\n")

RUNS = {
    "open brackets": lambda n: "2.任务" + "(" * n,
    "close brackets": lambda n: "2.任务" + ")" * n,
    "nested brackets": lambda n: "2.任务" + "(" * (n // 2) + ")" * (n // 2),
    "bracket pairs": lambda n: "2.任务" + "(市发改委)" * (n // 6),
    "lines of brackets": lambda n: "((((((((((\n" * (n // 11),
    "numbers": lambda n: "".join(f"{i}." for i in range(n // 5)),
    "number lines": lambda n: "".join(f"{i}\n" for i in range(1, n // 5)),  # a table's 序号 column alone
    "digits": lambda n: "2.任务" + "1" * n,
    "list separators": lambda n: "2.任务" + "、" * n,
    "commas and semicolons": lambda n: "2.任务" + ",;" * (n // 2),
    "dashes": lambda n: "-" * n,
    "pipes": lambda n: "|" * n,
    "pipe cells": lambda n: "|" + "甲|" * (n // 2),
    "tabs": lambda n: "序号\t工作任务\t牵头单位\n" + "\t" * n,
    "unit list": lambda n: "2.任务。(责任单位:" + "市发改委、" * (n // 5) + "市财政局)",
    "long heading": lambda n: "二、" + "市发改委牵头" * (n // 6),
    "labels": lambda n: "2.任务。" + "牵头单位:" * (n // 5),
    "unterminated lines": lambda n: "推进重点项目建设完成投资目标任务推进重点项目建设\n" * (n // 25),
    # a unit cell broken a few characters a line, without end (tables.py joins such runs)
    "narrow cells": lambda n: "序号\n工作任务\n牵头单位\n1\n推进重点项目建设。\n" + "市发\n改委\n、区\n" * (n // 9),
    # cells run together with nothing between them (runtogether.py splits them by content)
    "run-together rows": lambda n: "序号工作任务牵头单位配合单位完成时限\n" + "".join(
        f"{i}推进重点项目建设" + "市发改委区财政局县住建局" * 20 + "2023年底前\n" for i in range(1, n // 260)),
    # a whole table run into one paragraph (a document-sharing page): rows cut by their running number
    "paragraph table": lambda n: "分解表序号工作任务牵头单位配合单位" + "".join(
        f"{i}推进重点项目建设。市发改委市财政局、各区政府" for i in range(1, n // 24)),
    "paragraph table, leader first": lambda n: "序号项目内容分管领导牵头单位配合单位" + "".join(
        f"{i}推进建设。" + "王明教育局经开区推进。" * 25 for i in range(1, n // 280)),
    "paragraph headers": lambda n: "序号工作任务牵头单位1" * (n // 11),
    "paragraph digits and units": lambda n: "序号工作任务牵头单位配合单位1推进建设。" + "市发改委2" * (n // 5),
    "run-together units": lambda n: "序号工作任务牵头单位\n1推进重点项目建设" + "市发改委" * (n // 4),
    # one cell a line (cellrows.py aligns each row's lines with the columns): many rows of wrapped cells,
    # and one endless row of unit lines
    "wrapped cell rows": lambda n: "序号\n工作任务\n牵头单位\n完成时限\n" + "".join(
        f"{i}\n推进重点\n项目建设\n市发\n改委\n2023年底前\n" for i in range(1, n // 30)),
    "unit lines": lambda n: "序号\n工作任务\n牵头单位\n1\n推进重点项目建设。\n" + "市发改委\n" * (n // 5),
}


# runs printed before the notice: everything the importer tries on the lines before a notice's first item
BEFORE = {
    "number lines first": lambda n: "".join(f"{i}\n" for i in range(1, n // 5)),
    "short lines first": lambda n: "单位\n" * (n // 3),
}


def notice(run: str, size: int) -> str:
    """HEAD, the run, and ordinary tasks (Chinese enough for the text to be read, not refused); or the run first."""
    pad = "".join(f"{i}.推进重点项目建设完成投资目标任务。(牵头单位:市发改委)\n" for i in range(100, 100 + size // 120))
    if run in BEFORE:
        return BEFORE[run](size) + HEAD + pad
    return HEAD + RUNS[run](size) + "\n" + pad


def cpu_seconds(text: str) -> float:
    with tempfile.TemporaryDirectory() as site:
        start = time.process_time()
        try:
            import_text(text, Path(site), stem="adversarial")
        except SitegenError:
            pass  # refusing an input is an answer too; the time counts either way
        return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kb", type=int, default=100, help="size of each input in kB (default 100)")
    args = parser.parse_args()
    worst = 0.0
    for run in [*RUNS, *BEFORE]:
        text = notice(run, args.kb * 1000)
        seconds = cpu_seconds(text)
        per_100kb = seconds * 100_000 / len(text.encode())
        worst = max(worst, per_100kb)
        print(f"{run:24s} {len(text.encode()) / 1000:7.0f} kB  {seconds:6.3f} s CPU  {per_100kb:6.3f} s per 100 kB")
    print(f"worst: {worst:.3f} s per 100 kB (target: at most 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
