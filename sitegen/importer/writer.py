"""Deterministic, readable YAML: keys in a fixed order, Chinese as is, Markdown as | blocks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..content.load import read_yaml
from ..write.write import FileSet, replace_file


class Flow(dict):
    """A short mapping written on one line: {name: 市科技局, role: 牵头}."""


# libyaml's emitter: much faster than the pure-Python one on a large notice (docs/performance.md)
if TYPE_CHECKING:
    _BaseDumper = yaml.SafeDumper
else:
    _BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Dumper(_BaseDumper):
    def ignore_aliases(self, data):
        return True  # content files never use anchors; skipping the bookkeeping halves the time


def _str(dumper, value: str):
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _flow(dumper, value: Flow):
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=True)


Dumper.add_representer(str, _str)
Dumper.add_representer(Flow, _flow)
Dumper.add_representer(date, lambda d, v: d.represent_scalar("tag:yaml.org,2002:timestamp", v.isoformat()))


def dump(data) -> str:
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100000,
                     default_flow_style=False)


def write_atomic(path: Path, text: str | bytes) -> None:
    """A killed import never leaves half a file."""
    replace_file(path, text)


def load(path: Path):
    """A content file the importer reads and rewrites; None when absent or empty. Read as the loader reads
    content (its limits, its messages naming file and line)."""
    return read_yaml(path)


__all__ = ["FileSet", "Flow", "dump", "load", "write_atomic"]
