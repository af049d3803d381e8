"""The review report: what the importer was unsure of, printed and saved beside the notice."""

from __future__ import annotations

from dataclasses import dataclass, field

from .corrections import Applied
from .coverage import Coverage


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
    left_out: list[str] = field(default_factory=list)
    unreviewed_units: list[str] = field(default_factory=list)  # registry entries still marked review: true


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
    if r.left_out:  # only where the importer left something out, so reviewed reports stay as they were
        out += _list("Numbered paragraphs not taken as tasks", r.left_out)
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


def open_items(r: Review) -> list[str]:
    """What a person must look at before publishing: kept in the notice's `review:` list."""
    items = list(r.warnings)
    c = r.coverage
    if c.misses:
        items.append(f"{len(c.misses)} piece(s) of the source did not land in the output "
                     f"({c.percent:.1f}% landed); see the review report")
    if r.unreviewed_units:
        names = "、".join(r.unreviewed_units)
        items.append(f"{len(r.unreviewed_units)} unit(s) still marked review: true in the registry: "
                     f"{_short(names, 120)}")
    items += [f"task {tid} has no units: {_short(text, 40)}" for tid, text in r.tasks_without_units]
    items += r.splits
    items += [f"left out, not a task: {_short(what, 80)}" for what in r.left_out]
    return items


def with_open_items(data: dict, items: list[str]) -> dict:
    """The notice mapping with `review:` right after its id, where a person opening the file sees it."""
    if not items:
        return data
    out = {"id": data["id"], "review": items}
    out.update((k, v) for k, v in data.items() if k != "id")
    return out
