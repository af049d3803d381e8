"""Import quality on real notices: tests/importer_corpus/real/, scored by issue 17's protocol.

    python benchmarks/import_quality.py [--part dev|test|all|probes] [--json FILE] [--show-failures]
                                        [--only SLUG ...] [--format text html docx pdf lo.pdf xlsx doc]

For each notice (a .txt, or a published page kept as .html, with its .gold.yaml): `sitegen init` a temporary site,
`sitegen import NOTICE --jurisdiction <government> [--parent <parent>]` (--jurisdiction is
passed only when `sitegen import --help` shows that it takes a name or offers --parent, and
--parent only when offered; otherwise the importer is left to infer the government),
`sitegen build --no-search`,
then read output/data/tasks.json. Everything goes through the command line a staff member uses.

Scoring, per issue 17:
- A gold task matches an output task whose text, or title + text, starts with the gold
  `text_start`, after normalising both (NFKC, so full-width and half-width forms agree;
  whitespace removed; a leading number such as `1.`, `(三)`, `十二、` removed; punctuation
  removed, since a title split off its text may lose the 。 between them). Gold tasks are
  taken in order, each output task is used once, and matches keep the order of both lists.
  precision = matched / output tasks, recall = matched / gold tasks, F1.
- Among matched tasks: `units exact` — the output's `units_printed` equals the gold `units`
  (same names, same order; names compared after NFKC and whitespace removal); `leads exact` —
  the output's lead units, taken as the printed names at the positions of `lead_units` within
  `units`, equal the gold `lead_units`; `leader` — where the gold leader is not null, equal, or
  equal after dropping a title (市长, 副县长, 同志 …) from either; `deadline` — where the gold
  deadline is not null, equal after normalisation.
- A failed import or build scores the notice's gold tasks as missed (the reason is printed).
- An excerpt (`complete: false`) may end inside a task, which the gold leaves out. When the
  last output task is unmatched, follows every matched one and starts in the text after the
  last gold task, it is that cut-off task: counted neither as output nor as a miss ("tail").

A table per layout tag (a notice counts under each of its tags) and a total, for dev and test
separately.

Formats (`--format`, default text; several may be given): each notice is first made into
the file a government publishes, by tests/formats.py's producers (a web page, every other
one declared GBK, every other one laid out in a table with `&nbsp;` indents; a Word .docx
with automatic numbering and a long table split in two by a page break; `pdf`: Chromium's print of the page; `lo.pdf`: LibreOffice's
export of the .docx; `xlsx`: only notices with a table;
`doc`: Word 97 written by LibreOffice from the page), and that file is imported, built
and scored against the same gold as the text, by the same code. With text and another
format in one run, a summary compares each format with the text import of the same
notices and lists the notices where the format scores lower. The five default notices have no gold and are not scored here
(tests/test_import_defaults.py covers them).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # tests/formats.py: the producers of the published formats
CORPUS = ROOT / "tests" / "importer_corpus" / "real"
PARTS = ("dev", "test")
# Hand-written notices in the commonest ordinary forms (tests/importer_corpus/probes/README.md): scored like the
# real parts, never counted in them.
PART_DIRS = {"dev": CORPUS / "dev", "test": CORPUS / "test", "probes": CORPUS.parent / "probes"}
SITEGEN = [sys.executable, "-m", "sitegen"]
TIMEOUT = 300
FORMATS = ("text", "html", "docx", "pdf", "lo.pdf", "xlsx", "doc")

CN_NUM = "一二三四五六七八九十百零〇两"
NUMBER_PREFIX = re.compile(
    rf"^(?:第[{CN_NUM}\d]+[部分条项点]*[、.,:]?"
    rf"|[(\[【][{CN_NUM}\d]+[)\]】][、.,:]?"
    rf"|[{CN_NUM}]+[、.,:]"
    rf"|\d+(?:\.\d+)*[、.,:)](?!\d)"
    rf"|[①-⑳])")
TITLE_SUFFIX = re.compile(
    r"(?:常务)?(?:副)?(?:总理|国务委员|省长|主席|市长|州长|盟长|县长|区长|旗长|镇长|乡长|秘书长|主任|书记|局长)$|同志$")


def norm(text: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def strip_number(text: str) -> str:
    return NUMBER_PREFIX.sub("", text, count=1)


def start_key(text: str | None) -> str:
    """What task starts are compared on: normalised, number prefix and all punctuation removed
    (a title split off its text may lose the 。 between them)."""
    return "".join(ch for ch in strip_number(norm(text)) if not unicodedata.category(ch).startswith("P"))


def leader_form(name: str | None) -> str:
    name = norm(name)
    while True:
        shorter = TITLE_SUFFIX.sub("", name)
        if shorter == name or not shorter:
            return name
        name = shorter


@dataclass
class Score:
    """Counts for one notice, or summed over several."""

    notices: int = 0
    gold_tasks: int = 0
    output_tasks: int = 0
    matched: int = 0
    units_ok: int = 0
    leads_ok: int = 0
    leader_ok: int = 0
    leader_n: int = 0
    deadline_ok: int = 0
    deadline_n: int = 0
    failed: int = 0
    tail: int = 0

    def add(self, other: "Score") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def ratios(self) -> dict[str, float | None]:
        def ratio(a: int, b: int) -> float | None:
            return a / b if b else None

        precision, recall = ratio(self.matched, self.output_tasks), ratio(self.matched, self.gold_tasks)
        f1 = (2 * precision * recall / (precision + recall)
              if precision is not None and recall is not None and precision + recall else
              (0.0 if self.gold_tasks or self.output_tasks else None))
        return {
            "precision": precision, "recall": recall, "f1": f1,
            "units_exact": ratio(self.units_ok, self.matched),
            "leads_exact": ratio(self.leads_ok, self.matched),
            "leader": ratio(self.leader_ok, self.leader_n),
            "deadline": ratio(self.deadline_ok, self.deadline_n),
            # the same three over every gold task, a missed task counting as wrong
            "units_exact_of_gold": ratio(self.units_ok, self.gold_tasks),
            "leads_exact_of_gold": ratio(self.leads_ok, self.gold_tasks),
        }


@dataclass
class NoticeResult:
    slug: str
    part: str
    government: str
    layouts: list[str]
    score: Score
    error: str | None = None
    failures: list[str] = field(default_factory=list)


# -- running the importer ----------------------------------------------------------------

def sitegen(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*SITEGEN, *args], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=TIMEOUT, cwd=cwd or ROOT)


def import_options() -> tuple[bool, bool]:
    """(--jurisdiction takes a name, --parent exists), read off `sitegen import --help`."""
    text = sitegen("import", "--help").stdout
    has_parent = "--parent" in text
    line = next((l for l in text.splitlines() if "--jurisdiction" in l), "")
    return has_parent or "name" in line.lower(), has_parent


def last_lines(run: subprocess.CompletedProcess, count: int = 3) -> str:
    lines = [line for line in (run.stderr + "\n" + run.stdout).splitlines() if line.strip()]
    return " / ".join(lines[-count:]) or f"exit status {run.returncode}"


def imported_tasks(text: Path, gold: dict, options: tuple[bool, bool]) -> tuple[list[dict] | None, str | None]:
    """The tasks of tasks.json after init, import and build; (None, why) when a step failed."""
    with tempfile.TemporaryDirectory(prefix="import-quality-") as tmp:
        site = Path(tmp) / "site"
        run = sitegen("init", str(site))
        if run.returncode:
            return None, f"init failed: {last_lines(run)}"
        by_name, has_parent = options
        extra = []
        if by_name:
            extra = ["--jurisdiction", gold["government"]]
            if has_parent and gold.get("parent"):
                extra += ["--parent", gold["parent"]]
        run = sitegen("import", str(text), "--site", str(site), *extra)
        if run.returncode:
            return None, f"import failed: {last_lines(run)}"
        run = sitegen("build", "--site", str(site), "--no-search")
        if run.returncode:
            return None, f"build failed: {last_lines(run)}"
        data = site / "output" / "data" / "tasks.json"
        if not data.exists():
            return None, "build wrote no data/tasks.json"
        return json.loads(data.read_text(encoding="utf-8")), None


# -- scoring -----------------------------------------------------------------------------

def starts(output: dict, start: str) -> bool:
    text = start_key(output.get("text"))
    whole = start_key((output.get("title") or "") + (output.get("text") or ""))
    return text.startswith(start) or whole.startswith(start)


def match(gold_tasks: list[dict], output: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each gold task with the output task it matches (or None), in order, each output used once."""
    pairs, nxt = [], 0
    for task in gold_tasks:
        start = start_key(task["text_start"])
        hit = next((i for i in range(nxt, len(output)) if start and starts(output[i], start)), None)
        if hit is None:
            pairs.append((task, None))
        else:
            pairs.append((task, output[hit]))
            nxt = hit + 1
    return pairs


def printed_leads(output: dict) -> list[str]:
    units, printed = output.get("units") or [], output.get("units_printed") or []
    leads = set(output.get("lead_units") or [])
    return [printed[i] for i, unit in enumerate(units) if unit in leads and i < len(printed)]


def same_names(a: list[str], b: list[str]) -> bool:
    return [norm(x) for x in a] == [norm(x) for x in b]


def cut_off_tail(gold: dict, text: str, output: list[dict], pairs: list[tuple[dict, dict | None]]) -> dict | None:
    """The last output task when it is the task an excerpt's end cut off (see the module doc)."""
    if gold["complete"] or not output:
        return None
    last = output[-1]
    if any(out is last for _, out in pairs):
        return None
    body = start_key(text)
    after = 0
    for task in gold["tasks"]:
        found = body.find(start_key(task["text_start"]), after)
        after = found + 1 if found >= 0 else after
    start = start_key((last.get("title") or "") + (last.get("text") or ""))[:8]
    return last if start and body.find(start, after) >= 0 else None


def score_notice(gold: dict, text: str, output: list[dict]) -> tuple[Score, list[str]]:
    pairs = match(gold["tasks"], output)
    tail = cut_off_tail(gold, text, output, pairs)
    if tail is not None:
        output = output[:-1]
    score = Score(notices=1, gold_tasks=len(gold["tasks"]), output_tasks=len(output), tail=int(tail is not None))
    failures = []
    used = {id(out) for _, out in pairs if out is not None}
    for task, out in pairs:
        label = f"{task['number'] or '-'} {task['text_start']}"
        if task["leader"]:
            score.leader_n += 1
        if task["deadline"]:
            score.deadline_n += 1
        if out is None:
            failures.append(f"missed: {label}")
            continue
        score.matched += 1
        if same_names(out.get("units_printed") or [], task["units"]):
            score.units_ok += 1
        else:
            failures.append(f"units: {label}: gold {task['units']} got {out.get('units_printed')}")
        if same_names(printed_leads(out), task["lead_units"]):
            score.leads_ok += 1
        else:
            failures.append(f"leads: {label}: gold {task['lead_units']} got {printed_leads(out)}")
        if task["leader"]:
            if leader_form(out.get("leader")) == leader_form(task["leader"]):
                score.leader_ok += 1
            else:
                failures.append(f"leader: {label}: gold {task['leader']} got {out.get('leader')}")
        if task["deadline"]:
            if norm(out.get("deadline")) == norm(task["deadline"]):
                score.deadline_ok += 1
            else:
                failures.append(f"deadline: {label}: gold {task['deadline']} got {out.get('deadline')}")
    for out in output:
        if id(out) not in used:
            failures.append(f"extra: {out.get('number') or '-'} {shown(out)}")
    if tail is not None:
        failures.append(f"tail (not counted): {tail.get('number') or '-'} {shown(tail)}")
    return score, failures


def shown(out: dict) -> str:
    return norm((out.get("title") or "") + (out.get("text") or ""))[:24]


SOURCE_SUFFIXES = (".txt", ".html")


def source_text(path: Path) -> str:
    """The notice's text: a .txt as it is, a published .html page as its text content (tags and entities read)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix != ".html":
        return raw
    import lxml.html

    return lxml.html.fromstring(raw).text_content()


def notices(part: str, only: list[str] | None) -> list[tuple[str, Path]]:
    found = [(p, path) for p in PART_DIRS if part == p or (part == "all" and p in PARTS)
             for path in sorted(f for f in PART_DIRS[p].iterdir() if f.suffix in SOURCE_SUFFIXES)]
    if only:
        found = [(p, path) for p, path in found if path.stem in only]
    return found


def evaluate(part: str, only: list[str] | None, fmt: str = "text") -> list[NoticeResult]:
    options = import_options()
    results = []
    chosen = notices(part, only)
    with tempfile.TemporaryDirectory(prefix=f"import-quality-{fmt}-") as folder:
        files = rendered(fmt, [text for _, text in chosen], Path(folder))
        for p, text in chosen:
            if text.stem not in files:
                continue  # no file of this format for the notice (a spreadsheet needs a table)
            gold = yaml.safe_load(text.with_name(text.stem + ".gold.yaml").read_text(encoding="utf-8"))
            output, error = (imported_tasks(files[text.stem], gold, options) if files[text.stem].exists()
                             else (None, f"no {fmt} file was made"))
            if output is None:
                score = Score(notices=1, gold_tasks=len(gold["tasks"]), failed=1,
                              leader_n=sum(1 for t in gold["tasks"] if t["leader"]),
                              deadline_n=sum(1 for t in gold["tasks"] if t["deadline"]))
                failures = [error]
            else:
                score, failures = score_notice(gold, source_text(text), output)
            results.append(NoticeResult(text.stem, p, gold["government"], gold["layouts"], score, error, failures))
            print(f"  {fmt} {p}/{text.stem}: {score.matched}/{score.gold_tasks} matched, "
                  f"{score.output_tasks} output{' — ' + error if error else ''}", file=sys.stderr)
    return results


# -- the published formats ---------------------------------------------------------------

def rendered(fmt: str, texts: list[Path], folder: Path) -> dict[str, Path]:
    """Each notice's file in format fmt, made from its text by tests/formats.py (nothing binary is kept);
    a notice without a table has no spreadsheet."""
    if fmt == "text":
        return {text.stem: text for text in texts}
    import formats

    # a notice kept as its published page is imported as that page only (the text formats are made from .txt)
    blocks = {text.stem: formats.blocks_of(text.read_text(encoding="utf-8")) for text in texts if text.suffix == ".txt"}
    out: dict[str, Path] = {}
    if fmt == "html":
        for stem, found in blocks.items():
            # about half the pages declared GBK, as many government sites still do, and about half laid out
            # in a table with &nbsp; indents; chosen by name, so --only keeps each notice's page
            kind = zlib.crc32(stem.encode())
            out[stem] = folder / f"{stem}.html"
            out[stem].write_bytes(formats.to_html(found, charset="gbk" if kind % 2 else "utf-8", layout=bool(kind & 2)))
    elif fmt == "docx":
        out = {stem: formats.to_docx(found, folder / f"{stem}.docx", split=True) for stem, found in blocks.items()}
    elif fmt == "xlsx":
        out = {stem: formats.to_xlsx(found, folder / f"{stem}.xlsx") for stem, found in blocks.items()
               if formats.has_table(found)}
    elif fmt == "pdf":
        with formats.Printer() as printer:
            out = {stem: printer.pdf(formats.to_html(found, for_print=True), folder / f"{stem}.pdf")
                   for stem, found in blocks.items()}
    elif fmt == "lo.pdf":
        sources = [formats.to_docx(found, folder / f"{stem}.docx", split=True) for stem, found in blocks.items()]
        converted = formats.office_convert(sources, "pdf", folder)
        out = {path.stem: converted / f"{path.stem}.pdf" for path in sources}
    elif fmt == "doc":
        sources = []
        for stem, found in blocks.items():
            sources.append(folder / f"{stem}.html")
            sources[-1].write_bytes(formats.to_html(found, bare=True))
        converted = formats.office_convert(sources, "doc:MS Word 97", folder)
        out = {path.stem: converted / f"{path.stem}.doc" for path in sources}
    return out


# -- reporting ---------------------------------------------------------------------------

COLUMNS = ("notices", "tasks", "output", "precision", "recall", "F1", "units exact", "leads exact",
           "leader", "deadline", "failed", "tail")


def cell(value: float | None, num: int | None = None, den: int | None = None) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" + (f" ({num}/{den})" if den is not None else "")


def row(name: str, s: Score) -> str:
    r = s.ratios()
    cells = [name, str(s.notices), str(s.gold_tasks), str(s.output_tasks), cell(r["precision"]),
             cell(r["recall"]), cell(r["f1"]), cell(r["units_exact"], s.units_ok, s.matched),
             cell(r["leads_exact"], s.leads_ok, s.matched), cell(r["leader"], s.leader_ok, s.leader_n),
             cell(r["deadline"], s.deadline_ok, s.deadline_n), str(s.failed), str(s.tail)]
    return "| " + " | ".join(cells) + " |"


def group(results: list[NoticeResult]) -> tuple[dict[str, Score], Score]:
    by_layout: dict[str, Score] = {}
    total = Score()
    for result in results:
        total.add(result.score)
        for tag in result.layouts:
            by_layout.setdefault(tag, Score()).add(result.score)
    return dict(sorted(by_layout.items())), total


def table(title: str, results: list[NoticeResult]) -> str:
    by_layout, total = group(results)
    lines = [f"## {title}: {total.notices} notices, {total.gold_tasks} gold tasks", "",
             "| layout | " + " | ".join(COLUMNS) + " |", "|" + " --- |" * (len(COLUMNS) + 1)]
    lines += [row(tag, score) for tag, score in by_layout.items()]
    lines.append(row("total", total))
    return "\n".join(lines)


def report(results: list[NoticeResult], show_failures: bool, fmt: str = "text") -> str:
    out = []
    named = "" if fmt == "text" else f", imported as {fmt}"
    for part in PART_DIRS:
        chosen = [r for r in results if r.part == part]
        if chosen:
            out += [table(f"{part} part{named}", chosen), ""]
            out += ["| notice | " + " | ".join(COLUMNS) + " |", "|" + " --- |" * (len(COLUMNS) + 1)]
            out += [row(r.slug, r.score) for r in chosen]
            out.append("")
    if {r.part for r in results} == set(PARTS):
        _, total = group(results)
        out += ["## all parts", "", "| layout | " + " | ".join(COLUMNS) + " |",
                "|" + " --- |" * (len(COLUMNS) + 1), row("total", total), ""]
    out.append("The five default notices have no gold here: not scored (see tests/test_import_defaults.py).")
    if show_failures:
        out += ["", f"## failures{named}"]
        for r in results:
            if r.failures:
                out.append(f"\n### {r.part}/{r.slug} ({r.government})")
                out += [f"- {line}" for line in r.failures]
    return "\n".join(out)


SCORED = ("matched", "units_ok", "leads_ok", "leader_ok", "deadline_ok")


def comparison(by_format: dict[str, list[NoticeResult]], show_failures: bool) -> str:
    """Each format's total beside the text import's on the same notices, and the notices it does worse on."""
    text = {(r.part, r.slug): r for r in by_format["text"]}
    out = ["## formats against the text import of the same notices", "",
           "| format | " + " | ".join(COLUMNS) + " |", "|" + " --- |" * (len(COLUMNS) + 1)]
    worse = []
    for fmt, results in by_format.items():
        if fmt == "text":
            continue
        total, same = Score(), Score()
        for r in results:
            t = text[(r.part, r.slug)]
            total.add(r.score)
            same.add(t.score)
            lower = [f"{name} {getattr(t.score, name)}->{getattr(r.score, name)}" for name in SCORED
                     if getattr(r.score, name) < getattr(t.score, name)]
            if r.score.output_tasks - r.score.matched > t.score.output_tasks - t.score.matched:
                lower.append(f"extra {t.score.output_tasks - t.score.matched}->{r.score.output_tasks - r.score.matched}")
            if lower:
                worse.append(f"- {fmt} {r.part}/{r.slug}: {', '.join(lower)}")
                if show_failures:
                    worse += [f"  - {line}" for line in r.failures if line not in t.failures]
        out += [row(fmt, total), row(f"text ({same.notices} same notices)", same)]
    return "\n".join(out + ["", "### notices a format does worse on than their text", ""] + (worse or ["none"]))


def as_json(results: list[NoticeResult]) -> dict:
    data = {}
    for part in PART_DIRS:
        chosen = [r for r in results if r.part == part]
        if not chosen:
            continue
        by_layout, total = group(chosen)
        data[part] = {
            "total": {**asdict(total), **total.ratios()},
            "by_layout": {tag: {**asdict(s), **s.ratios()} for tag, s in by_layout.items()},
            "notices": [{"slug": r.slug, "government": r.government, "layouts": r.layouts,
                         **asdict(r.score), **r.score.ratios(), "error": r.error, "failures": r.failures}
                        for r in chosen],
        }
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=(*PART_DIRS, "all"), default="dev",
                        help="dev or test (the real corpus), all (both), probes (hand-written notices)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--show-failures", action="store_true", help="list every miss and mismatch")
    parser.add_argument("--only", nargs="+", metavar="SLUG", help="score only these notices")
    parser.add_argument("--format", nargs="+", choices=FORMATS, default=["text"], dest="formats",
                        help="import each notice made into this format (several: one table each)")
    args = parser.parse_args(argv)
    by_format = {fmt: evaluate(args.part, args.only, fmt) for fmt in dict.fromkeys(args.formats)}
    if not any(by_format.values()):
        print("no notices matched", file=sys.stderr)
        return 1
    print("\n\n".join(report(results, args.show_failures, fmt) for fmt, results in by_format.items()))
    if "text" in by_format and len(by_format) > 1:
        print("\n" + comparison(by_format, args.show_failures))
    if args.json:
        data = as_json(by_format.get("text", []))
        if set(by_format) != {"text"}:
            data["formats"] = {fmt: as_json(results) for fmt, results in by_format.items()}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
