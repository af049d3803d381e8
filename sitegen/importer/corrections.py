"""Committed corrections: what a person fixed after the importer, kept apart from its output.

content/corrections/<notice-id>.yaml is a list of changes applied to the
imported notice before it is written (the build never reads this folder):

    - task: 1-18                 # a task id of the notice
      set: {units: [...]}        # fields replaced as given
      why: 市公安局大数据局 is 市公安局 and 市大数据局 run together in the source

    - notice: true               # or the notice's own fields
      set: {short_title: …}
      why: …

A correction whose `set` the importer already produces is reported as no
longer needed, so corrections do not outlive the bugs they worked around.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.errors import SitegenError
from .content import iter_tasks
from .writer import Flow, load


@dataclass
class Applied:
    target: str
    fields: list[str]
    why: str
    needed: bool


def corrections_path(site: Path, notice_id: str) -> Path:
    return site / "content" / "corrections" / f"{notice_id}.yaml"


def apply_corrections(data: dict, path: Path) -> list[Applied]:
    items = load(path) or []
    if not isinstance(items, list):
        raise SitegenError(f"{path}: expected a list of corrections")
    tasks = {t["id"]: t for t in iter_tasks(data)}
    applied = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("set"), dict) or not item.get("why"):
            raise SitegenError(f"{path}: correction {number}: needs `task` (or `notice: true`), `set` and `why`")
        target: dict | None
        if item.get("notice"):
            target, name = data, "notice"
        else:
            name = str(item.get("task"))
            target = tasks.get(name)
            if target is None:
                raise SitegenError(f"{path}: correction {number}: the notice has no task {name}; "
                                   "remove the correction or fix its task id")
        values = {k: _flow_units(k, v) for k, v in item["set"].items()}
        needed = any(target.get(k) != v for k, v in values.items())
        for key, value in values.items():
            if value is None:
                target.pop(key, None)
            else:
                target[key] = value
        applied.append(Applied(name, sorted(values), str(item["why"]), needed))
    return applied


def _flow_units(key: str, value):
    if key == "units" and isinstance(value, list):
        return [Flow(u) if isinstance(u, dict) else Flow(name=u) for u in value]
    return value
