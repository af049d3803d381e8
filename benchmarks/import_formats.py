"""Import speed of the published formats: a 50-page PDF (prose, and a ruled table) and a 2,000-row sheet.

    python benchmarks/import_formats.py [--pages 50] [--rows 2000] [--repeat 3]

The files are made from the real 湖州 and 济南 tasks (renumbered): the PDFs by
Chromium's print of a page (tests/formats.py), the spreadsheet by openpyxl.
Prints the best wall-clock time of a full `sitegen import` of each (read,
parse, report, registries, writing) into a fresh folder. The done-when asks
for under 10 s each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_import import real_tasks  # noqa: E402
from formats import Printer, blocks_of, to_html, to_xlsx  # noqa: E402

from sitegen.importer import import_notice  # noqa: E402

HEAD = ("湖州市人民政府办公室关于印发2019年政府工作报告重点工作责任分解的通知\n湖政办发〔2019〕9号\n"
        "各区县人民政府,市府各部门,市直各单位:\n现将责任分解印发给你们,请认真贯彻执行。\n"
        "湖州市人民政府办公室\n2019年2月27日\n附件1\n2019年政府工作报告重点工作责任分解表\n")


def prose(tasks: int) -> str:
    pairs = real_tasks()
    lines = [HEAD]
    for n in range(1, tasks + 1):
        text, attribution = pairs[(n - 1) % len(pairs)]
        lines.append(f"{n}.{text.replace('。', f'(第{n}项)。', 1)}{attribution}\n")
    return "".join(lines)


def table(rows: int) -> str:
    pairs = real_tasks()
    lines = [HEAD, "序号\t工作任务\t责任单位\t完成时限\n"]
    for n in range(1, rows + 1):
        text, attribution = pairs[(n - 1) % len(pairs)]
        units = attribution.strip("()()").split(":", 1)[-1].split(":", 1)[-1]
        # deadlines that differ row to row: no cell merged down the whole table
        lines.append(f"{n}\t{text.replace('。', f'(第{n}项)。', 1)}\t{units}\t2019年{n % 12 + 1}月{n % 28 + 1}日\n")
    return "".join(lines)


def best(path: Path, repeat: int) -> tuple[float, float, int]:
    """Best wall-clock and CPU seconds of a whole import (CPU: what a busy machine does not inflate)."""
    times, cpu, tasks = [], [], 0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as site:
            start, start_cpu = time.perf_counter(), time.process_time()
            tasks = import_notice(str(path), Path(site)).task_count
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    return min(times), min(cpu), tasks


def pdf_of(text: str, path: Path, pages: int, printer: Printer) -> int:
    import pdfplumber

    printer.pdf(to_html(blocks_of(text), for_print=True), path)
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, Printer() as printer:
        folder = Path(folder)
        files = []
        # sized so the print reaches the pages asked for: ~8 tasks a page as prose or as table rows
        for kind, text in (("prose", prose(int(args.pages * 8.1))), ("table", table(int(args.pages * 7.1)))):
            path = folder / f"pdf-{kind}.pdf"
            pages = pdf_of(text, path, args.pages, printer)
            files.append((f"PDF, {kind}, {pages} pages", path))
        sheet = to_xlsx(blocks_of(table(args.rows)), folder / "sheet.xlsx")
        files.append((f"XLSX, {args.rows:,} rows", sheet))
        for label, path in files:
            seconds, cpu, tasks = best(path, args.repeat)
            print(f"{label:28} {path.stat().st_size / 1024:8.0f} KB  {tasks:5} tasks  "
                  f"{seconds:6.2f} s ({cpu:.2f} s CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
