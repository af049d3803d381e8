"""Import benchmark: a ~1 MB notice built from the real 湖州 and 济南 tasks, renumbered.

    python benchmarks/bench_import.py [--size-mb 1.0] [--repeat 3]

Prints the size, the number of tasks and the best wall-clock time of a full
`sitegen import` (parse, report, registries, writing) into a fresh folder.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitegen.importer import import_text  # noqa: E402

NOTICES = ROOT / "content" / "sources"
CN = "一二三四五六七八九十"


def real_tasks() -> list[tuple[str, str]]:
    """(text, attribution line) pairs from the 湖州 notice and 济南's tasks (as 责任单位 lines)."""
    pairs = []
    huzhou = (NOTICES / "huzhou-2019-huzhengbanfa-9.txt").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(huzhou[:-1]):
        if re.match(r"^\d+\.", line) and huzhou[i + 1].startswith("责任单位:"):
            pairs.append((re.sub(r"^\d+\.", "", line), re.sub(r"\(列第一位者.*\)$", "", huzhou[i + 1])))
    jinan = (NOTICES / "jinan-2017-jizhengbanzi-22.txt").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(jinan[:-1]):
        m = re.match(r"^\d+\.(.*)$", line)
        if m and jinan[i + 1].startswith("(责任单位:") and jinan[i + 1].endswith(")"):
            pairs.append((m.group(1), jinan[i + 1]))
    return pairs


def big_notice(size_bytes: int) -> tuple[str, int]:
    pairs = real_tasks()
    head = ("湖州市人民政府办公室关于印发2019年政府工作报告重点工作责任分解的通知\n湖政办发〔2019〕9号\n"
            "各区县人民政府,市府各部门,市直各单位:\n现将责任分解印发给你们,请认真贯彻执行。\n"
            "湖州市人民政府办公室\n2019年2月27日\n附件1\n2019年政府工作报告重点工作责任分解\n")
    parts, size, number, section = [head], len(head.encode()), 0, 0
    while size < size_bytes:
        section += 1
        heading = f"{CN[(section - 1) % 10]}、第{section}组重点工作(列第一位者为工作牵头单位)\n"
        parts.append(heading)
        size += len(heading.encode())
        for text, attribution in pairs:
            number += 1
            # vary the text so no two tasks are the same: a different target figure each time
            chunk = f"{number}.{text.replace('。', f'(第{number}项)。', 1)}\n{attribution}\n"
            parts.append(chunk)
            size += len(chunk.encode())
    return "".join(parts), number


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text, tasks = big_notice(int(args.size_mb * 1024 * 1024))
    times, cpu = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as site:
            start, start_cpu = time.perf_counter(), time.process_time()
            result = import_text(text, Path(site), stem="bench", source_name="bench.txt")
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    assert result.task_count == tasks, (result.task_count, tasks)
    print(f"import of a {len(text.encode()) / 1e6:.2f} MB notice, {tasks} tasks: "
          f"best {min(times):.3f} s wall, {min(cpu):.3f} s CPU, of {args.repeat} runs "
          f"({', '.join(f'{t:.3f}' for t in times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
