"""`sitegen import`: a raw notice text -> content files and a review report.

The stages, one module each: source (read, decode) -> text (spaces, furniture,
broken lines) -> header -> document/structure/tables (attachments, sections,
tasks) -> attribution/units (who is responsible) -> content (the mapping) ->
corrections -> registry (units, jurisdictions, leaders) -> report -> writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..content.load import gc_paused
from ..core import urls
from ..core.errors import SitegenError
from . import glosses
from .content import assign_ids, iter_tasks, notice_data, notice_id
from .corrections import apply_corrections, corrections_path
from .document import parse_document
from .excerpt import fill_issuer, fill_title
from .government import decide
from .items import Parsed
from .jurisdiction import LEVEL_WORD
from .markers import cn_to_int
from .registry import Jurisdictions, Leaders, UnitRegistry
from .report import Review, open_items, render, with_open_items
from .runtogether import RUN_TOGETHER
from .source import KEPT_SUFFIXES, read_source
from .units import keep_own_places, suspicious
from .writer import FileSet, dump

NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")  # what is left without it is the Han characters, counted without a list
# --source-url: http(s)://host/…, with nothing that ends an attribute or starts a tag
ITEM_INSIDE = re.compile(r"[。;;)）]\s*\d{1,3}[.、．](?!\d)")  # a numbered item inside a task's text

__all__ = ["ImportResult", "import_notice", "import_text"]


@dataclass
class ImportResult:
    notice_id: str
    notice_path: Path
    report_path: Path
    report_text: str
    task_count: int
    data: dict


def import_notice(source: str, site_dir: Path, force: bool = False, jurisdiction: str | None = None,
                  parent: str | None = None, source_url: str | None = None,
                  reviewed: bool = False) -> ImportResult:
    """Import a notice file (text, web page, Word, PDF, spreadsheet); the file is kept in content/sources/."""
    src = read_source(source)
    original = (src.data, src.extension) if src.stem is not None else None
    return import_text(src.text, Path(site_dir), stem=src.stem, source_name=src.name, force=force,
                       jurisdiction=jurisdiction, parent=parent, original=original, source_url=source_url,
                       reviewed=reviewed)


# an import allocates the whole parse and makes next to no garbage in cycles (peak memory is the same without
# collection), yet each few hundred allocations started a collection walking all of it and every loaded module's data
@gc_paused()
def import_text(text: str, site: Path, stem: str | None = None, source_name: str = "notice",
                source_file: str | None = None, force: bool = False,
                jurisdiction: str | None = None, parent: str | None = None,
                original: tuple[bytes, str] | None = None, source_url: str | None = None,
                reviewed: bool = False) -> ImportResult:
    """original: the file's bytes and suffix, copied to content/sources/<notice id>.<suffix>;
    `reviewed` leaves out the open review items (the default content, reviewed by a person)."""
    if source_url is not None and not (urls.is_url(source_url) and "://" in source_url):
        raise SitegenError(f"--source-url {source_url}: expected the web address the notice was published at "
                           "(http://… or https://…)")
    _check_text(text, source_name)
    parse_text, restore = glosses.strip(text)  # pinyin glosses of a mirror site (發(fā)) are read around
    parsed, ledger, facts = parse_document(parse_text)
    tasks = [t for a in parsed.attachments for t in a.all_tasks()]
    if not tasks:
        left = f"; {len(parsed.left_out)} numbered paragraph(s) name nobody responsible" if parsed.left_out else ""
        left += "".join(f"; {note}" for note in parsed.notes if note.startswith(RUN_TOGETHER))
        raise SitegenError(f"{source_name}: found no tasks (no numbered items with units, attributions "
                           f"such as (责任单位:…), or task tables{left}); this does not look like a "
                           "task-allocation notice")
    warnings: list[str] = []
    fill_title(parsed, text, warnings)
    jurisdictions = Jurisdictions.open(site)
    jid = decide(parsed.header, jurisdictions, jurisdiction, parent, source_name, warnings)
    place = (jurisdictions.by_id(jid) or {}).get("name")
    fill_issuer(parsed, place, warnings)
    coverage = None
    if restore is not None:
        coverage = ledger.result(_content_lines(facts))  # of the text as parsed, before the glosses return
        glosses.restore_parsed(parsed, restore)
    nid = notice_id(stem, jid, parsed.header.year, parsed.header.doc_number)
    notice_path = site / "content" / "notices" / f"{nid}.yaml"
    if notice_path.exists() and not force:
        raise SitegenError(f"{notice_path}: already exists; use --force to replace it "
                           f"(its progress in content/progress/{nid}.yaml is kept either way)")
    assign_ids(parsed)
    _place_levels(parsed, jurisdictions, jid)
    keep_own_places((u for t in tasks for u in t.units), [j["name"] for j in jurisdictions.ancestors(jid)])
    if original is not None:
        source_file = f"{nid}.{original[1]}"
    data = notice_data(parsed, nid, jid, source_file, place, source_url)
    applied = apply_corrections(data, corrections_path(site, nid))
    review = Review(nid, source_file or source_name, parsed.header.title,
                    [(a.title, len(a.all_tasks())) for a in parsed.attachments],
                    coverage or ledger.result(_content_lines(facts)), corrections=applied,
                    furniture=sorted(facts["furniture"]), warnings=warnings, left_out=parsed.left_out)
    hints = {u.name: u.kind_hint for t in tasks for u in t.units if u.kind_hint}
    registries = _register_units(site, data, jid, hints, review)
    leaders = Leaders.open(site)
    for leader in parsed.leaders:
        note = leaders.ensure(leader.name, leader.title, jid)
        if note:
            review.notes.append(note)
    review.notes.extend(parsed.notes)
    _review_tasks(data, facts, review)
    if not reviewed:
        data = with_open_items(data, open_items(review))
    report = render(review)
    report_path = notice_path.with_name(f"{nid}.review.md")
    with FileSet() as files:  # all or nothing; the registries first, so the notice never names what is not there
        for registry in registries.values():
            registry.save(files)
        jurisdictions.save(files)
        leaders.save(files)
        files.add(report_path, report)
        if original is not None and source_file is not None:  # (named above when there is an original)
            files.add(site / "content" / "sources" / source_file, original[0])
        files.add(notice_path, dump(data))
    if original is not None and source_file is not None:
        _drop_other_originals(site / "content" / "sources", nid, source_file)
    return ImportResult(nid, notice_path, report_path, report, sum(1 for _ in iter_tasks(data)), data)


def _drop_other_originals(folder: Path, nid: str, name: str) -> None:
    """One original per notice: a re-import from another format replaces the earlier file."""
    for suffix in KEPT_SUFFIXES:
        other = folder / f"{nid}.{suffix}"
        if other.name != name:
            other.unlink(missing_ok=True)


def _check_text(text: str, name: str) -> None:
    han = len(NOT_HAN.sub("", text))
    if han < 20 or han < len(text.strip()) // 10:
        raise SitegenError(f"{name}: has almost no Chinese text; expected a government notice "
                           "(分工方案, 责任分解…) as plain text")


def _place_levels(parsed: Parsed, jurisdictions: Jurisdictions, jid: str) -> None:
    """Attachment origins (省/市《政府工作报告》) and 市级 columns -> the jurisdictions they name."""
    by_level = {j["level"]: j["id"] for j in jurisdictions.ancestors(jid)}
    for att in parsed.attachments:
        if att.origin:
            origin = by_level.get(LEVEL_WORD[att.origin])
            att.origin = origin if origin != jid else None
        for task in att.all_tasks():
            for unit in task.units:
                if unit.level:
                    other = by_level.get(LEVEL_WORD.get(unit.level[0], ""))
                    if other and other != jid:
                        unit.jurisdiction = other


def _content_lines(facts: dict) -> dict[int, str]:
    furniture = facts["furniture_lines"]
    return {no: t for no, t in facts["source_lines"].items() if t.strip() and no not in furniture}


def _register_units(site: Path, data: dict, jid: str, hints: dict, review: Review) -> dict:
    registries: dict[str, UnitRegistry] = {}
    reported: set[tuple[str, str]] = set()
    new_names: dict[str, set[str]] = {}
    unknown: list[tuple[str, str, str]] = []  # name, jurisdiction, canonical name
    for task in iter_tasks(data):
        for unit in task.get("units") or []:
            jur = unit.get("jurisdiction") or jid
            registry = registries.get(jur) or registries.setdefault(jur, UnitRegistry.open(site, jur))
            found, how = registry.resolve(unit["name"], hints.get(unit["name"]))
            if (unit["name"], jur) in reported:
                continue
            reported.add((unit["name"], jur))
            if found.get("review") and found["name"] not in review.unreviewed_units:
                review.unreviewed_units.append(found["name"])
            if how == "new":
                new_names.setdefault(jur, set()).add(found["name"])
                unknown.append((unit["name"], jur, found["name"]))
            elif how == "alias":
                review.aliases_added.append((unit["name"], found["name"]))
            why = suspicious(unit["name"])
            if why:
                review.splits.append(f"{task['id']}: {unit['name']}: {why}")
    # closest registered names: those that were in the registry before this import
    review.unknown_units = [(name, jur, registries[jur].closest(canonical, new_names[jur]))
                            for name, jur, canonical in unknown]
    return registries


def _review_tasks(data: dict, facts: dict, review: Review) -> None:
    numbers: dict[str, list[int]] = {}
    for task in iter_tasks(data):
        if not task.get("units"):
            review.tasks_without_units.append((task["id"], task.get("text", "")))
        if ITEM_INSIDE.search(task.get("text", "")):
            review.splits.append(f"{task['id']}: the text has a numbered item inside; two tasks run together?")
        if len(task.get("text", "")) < 6 and not task.get("title"):
            review.splits.append(f"{task['id']}: very short text ({task.get('text')!r}); split in the wrong place?")
        if task.get("number", "").isdigit():  # 1 and ① (which int() refuses) alike
            numbers.setdefault(task["id"].split("-")[0], []).append(cn_to_int(task["number"]) or 0)
        if task.get("notes"):
            review.notes.append(f"{task['id']}: kept as a note, not a unit: {task['notes']}")
    for att, found in numbers.items():
        missing = sorted(set(range(1, max(found) + 1)) - set(found))
        if missing:
            review.splits.append(f"attachment {att}: numbers missing from the sequence: "
                                 f"{', '.join(map(str, missing))} (merged into a neighbour?)")
    for nos in facts["joins"]:
        review.splits.append(f"lines {'+'.join(map(str, nos))} joined as one (a break left by extraction)")
