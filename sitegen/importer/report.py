"""The review report: what the importer was unsure of, printed and saved beside the notice."""

from __future__ import annotations

from dataclasses import dataclass, field

from .coverage import Coverage
from .corrections import Applied


@dataclass
class Review:
    notice_id: str
    source: str
    title: str
    counts: list[tuple[str, int]]  # (attachment title, tasks)
    coverage: Coverage
    unknown_units: list[tuple[str, str, list[str]]] = field(default_factory=list)  # name, jurisdiction, closest
    aliases_added: list[tuple[str, str]] = field(default_factory=list)
    tasks_without_units: list[tuple[str, str]] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    corrections: list[Applied] = field(default_factory=list)
    furniture: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _short(text: str, size: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= size else text[:size] + "…"


def render(r: Review) -> str:
    total = sum(n for _, n in r.counts)
    out = [f"# Import review: {r.notice_id}", "",
           f"- source: {r.source}", f"- title: {r.title}", f"- tasks: {total}"]
    out += [f"  - {title}: {n}" for title, n in r.counts]
    c = r.coverage
    out += ["", "## Coverage", "",
            f"{c.landed} of {c.total} characters ({c.percent:.1f}%) of the source, not counting page "
            "furniture, landed in the output (letters, digits and ideographs are compared; punctuation "
            "and spacing are not)."]
    if c.misses:
        out += ["", "Did not land:", ""]
        out += [f"- line {m.line}: {m.why}: {_short(m.text, 80)}" for m in c.misses]
    out += _list("Warnings", r.warnings)
    out += _list("Units not in the registry (added with review: true)",
                 [f"{name} ({jur})" + (f" — closest registered: {'、'.join(close)}" if close else "")
                  for name, jur, close in r.unknown_units])
    out += _list("Traditional forms added as aliases", [f"{p} → {n}" for p, n in r.aliases_added])
    out += _list("Tasks without units", [f"{tid}: {_short(text)}" for tid, text in r.tasks_without_units])
    out += _list("Possible wrong splits or merges", r.splits)
    out += _list("Notes", r.notes)
    out += _list("Corrections applied (content/corrections)",
                 [f"{a.target} {', '.join(a.fields)}: {a.why}" + ("" if a.needed else " — NO LONGER NEEDED: "
                  "the importer now produces this; remove the correction") for a in r.corrections])
    out += _list("Page furniture dropped", [f"line {no}: {_short(text)}" for no, text in r.furniture])
    return "\n".join(out) + "\n"


def _list(title: str, items: list[str]) -> list[str]:
    if not items:
        return ["", f"## {title}", "", "None."]
    return ["", f"## {title}", ""] + [f"- {item}" for item in items]
