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

from .. import urls
from ..errors import SitegenError
from .content import assign_ids, iter_tasks, notice_data, notice_id
from .corrections import apply_corrections, corrections_path
from .document import parse_document
from .items import Parsed
from .jurisdiction import LEVEL_WORD, chain_for, places_in, slug_for
from .registry import Jurisdictions, Leaders, UnitRegistry
from .report import Review, render
from .source import KEPT_SUFFIXES, read_source
from .units import suspicious
from .writer import FileSet, dump

HAN = re.compile(r"[\u4e00-\u9fff]")
# --source-url: http(s)://host/…, with nothing that ends an attribute or starts a tag
ITEM_INSIDE = re.compile(r"[。;;)）]\s*\d{1,3}[.、．](?!\d)")  # a numbered item inside a task's text

__all__ = ["import_notice", "import_text", "ImportResult"]


@dataclass
class ImportResult:
    notice_id: str
    notice_path: Path
    report_path: Path
    report_text: str
    task_count: int
    data: dict


def import_notice(source: str, site_dir: Path, force: bool = False, jurisdiction: str | None = None,
                  source_url: str | None = None) -> ImportResult:
    """Import a notice file (text, web page, Word, PDF, spreadsheet); the file is kept in content/sources/."""
    src = read_source(source)
    original = (src.data, src.extension) if src.stem is not None else None
    return import_text(src.text, Path(site_dir), stem=src.stem, source_name=src.name, force=force,
                       jurisdiction=jurisdiction, original=original, source_url=source_url)


def import_text(text: str, site: Path, stem: str | None = None, source_name: str = "notice",
                source_file: str | None = None, force: bool = False,
                jurisdiction: str | None = None, original: tuple[bytes, str] | None = None,
                source_url: str | None = None) -> ImportResult:
    """original: the file's bytes and suffix, copied to content/sources/<notice id>.<suffix>."""
    if source_url is not None and not (urls.is_url(source_url) and "://" in source_url):
        raise SitegenError(f"--source-url {source_url}: expected the web address the notice was published at "
                           "(http://… or https://…)")
    _check_text(text, source_name)
    parsed, ledger, facts = parse_document(text)
    tasks = [t for a in parsed.attachments for t in a.all_tasks()]
    if not tasks:
        raise SitegenError(f"{source_name}: found no tasks (no numbered items with units, attributions "
                           "such as (责任单位:…), or task tables); this does not look like a task-allocation notice")
    _fill_header(parsed)
    jurisdictions = Jurisdictions.open(site)
    jid = _jurisdiction(parsed, jurisdictions, jurisdiction, source_name)
    nid = notice_id(stem, jid, parsed.header.year, parsed.header.doc_number)
    notice_path = site / "content" / "notices" / f"{nid}.yaml"
    if notice_path.exists() and not force:
        raise SitegenError(f"{notice_path}: already exists; use --force to replace it "
                           f"(its progress in content/progress/{nid}.yaml is kept either way)")
    assign_ids(parsed)
    _place_levels(parsed, jurisdictions, jid)
    place = (jurisdictions.by_id(jid) or {}).get("name")
    if original is not None:
        source_file = f"{nid}.{original[1]}"
    data = notice_data(parsed, nid, jid, source_file, place)
    if source_url:
        data = _with_source_url(data, source_url)
    applied = apply_corrections(data, corrections_path(site, nid))
    review = Review(nid, source_file or source_name, parsed.header.title,
                    [(a.title, len(a.all_tasks())) for a in parsed.attachments],
                    ledger.result(_content_lines(facts)), corrections=applied,
                    furniture=sorted(facts["furniture"]))
    hints = {u.name: u.kind_hint for t in tasks for u in t.units if u.kind_hint}
    registries = _register_units(site, data, jid, hints, review)
    leaders = Leaders.open(site)
    for leader in parsed.leaders:
        note = leaders.ensure(leader.name, leader.title, jid)
        if note:
            review.notes.append(note)
    review.notes.extend(parsed.notes)
    _review_tasks(data, facts, review)
    report = render(review)
    report_path = notice_path.with_name(f"{nid}.review.md")
    with FileSet() as files:  # all or nothing; the registries first, so the notice never names what is not there
        for registry in registries.values():
            registry.save(files)
        jurisdictions.save(files)
        leaders.save(files)
        files.add(report_path, report)
        if original is not None:
            files.add(site / "content" / "sources" / source_file, original[0])
        files.add(notice_path, dump(data))
    if original is not None:
        _drop_other_originals(site / "content" / "sources", nid, source_file)
    return ImportResult(nid, notice_path, report_path, report, sum(1 for _ in iter_tasks(data)), data)


def _drop_other_originals(folder: Path, nid: str, name: str) -> None:
    """One original per notice: a re-import from another format replaces the earlier file."""
    for suffix in KEPT_SUFFIXES:
        other = folder / f"{nid}.{suffix}"
        if other.name != name:
            other.unlink(missing_ok=True)


def _with_source_url(data: dict, url: str) -> dict:
    """source_url goes where the schema lists it: after the dates, before source_file."""
    out = {}
    for key, value in data.items():
        if key in ("validity", "source_file", "body", "attachments") and "source_url" not in out:
            out["source_url"] = url
        out[key] = value
    return out


def _check_text(text: str, name: str) -> None:
    han = len(HAN.findall(text))
    if han < 20 or han < len(text.strip()) // 10:
        raise SitegenError(f"{name}: has almost no Chinese text; expected a government notice "
                           "(分工方案, 责任分解…) as plain text")


def _fill_header(parsed: Parsed) -> None:
    h = parsed.header
    if not h.issuer:
        before = h.title.split("关于")[0] if "关于" in h.title else ""
        h.issuer = h.issuer_label or before or None
    if h.issuer_label and h.issuer and places_in(h.issuer_label) and not places_in(h.issuer):
        h.issuer = h.issuer_label  # 市人民政府办公室 says less than 鄂州市政府
    if not h.title:
        raise SitegenError("found no title in the notice's header")
    year = re.search(r"(\d{4})年", h.title)
    h.year = int(year.group(1)) if year else (int(h.published[:4]) if h.published else None)


def _jurisdiction(parsed: Parsed, jurisdictions: Jurisdictions, given: str | None, name: str) -> str:
    h = parsed.header
    places = next((p for p in (places_in(h.issuer or ""), places_in(h.issuer_label or ""),
                               places_in(h.title)) if p), [])
    chain = chain_for(places)
    if given:
        if jurisdictions.by_id(given):
            return given
        if chain and slug_for(chain[-1]["name"]) == given:
            return jurisdictions.ensure_chain(chain)[-1]
        raise SitegenError(f"--jurisdiction {given}: not in content/jurisdictions.yaml; add it there "
                           "(id, name, parent, level) or leave the option out to infer it from the issuer")
    if not chain:
        raise SitegenError(f"{name}: cannot tell which government issued it (issuer: {h.issuer or 'none found'}); "
                           "pass --jurisdiction ID")
    return jurisdictions.ensure_chain(chain)[-1]


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
    for task in iter_tasks(data):
        for unit in task.get("units") or []:
            jur = unit.get("jurisdiction") or jid
            registry = registries.get(jur) or registries.setdefault(jur, UnitRegistry.open(site, jur))
            found, how = registry.resolve(unit["name"], hints.get(unit["name"]))
            if (unit["name"], jur) in reported:
                continue
            reported.add((unit["name"], jur))
            if how == "new":
                new_names.setdefault(jur, set()).add(found["name"])
                review.unknown_units.append((unit["name"], jur, found["name"]))
            elif how == "alias":
                review.aliases_added.append((unit["name"], found["name"]))
            why = suspicious(unit["name"])
            if why:
                review.splits.append(f"{task['id']}: {unit['name']}: {why}")
    # closest registered names: those that were in the registry before this import
    review.unknown_units = [(name, jur, registries[jur].closest(canonical, new_names[jur]))
                            for name, jur, canonical in review.unknown_units]
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
        if task.get("number", "").isdigit():
            numbers.setdefault(task["id"].split("-")[0], []).append(int(task["number"]))
        if task.get("notes"):
            review.notes.append(f"{task['id']}: kept as a note, not a unit: {task['notes']}")
    for att, found in numbers.items():
        missing = sorted(set(range(1, max(found) + 1)) - set(found))
        if missing:
            review.splits.append(f"attachment {att}: numbers missing from the sequence: "
                                 f"{', '.join(map(str, missing))} (merged into a neighbour?)")
    for nos in facts["joins"]:
        review.splits.append(f"lines {'+'.join(map(str, nos))} joined as one (a break left by extraction)")
