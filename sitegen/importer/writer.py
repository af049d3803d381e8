"""Deterministic, readable YAML: keys in a fixed order, Chinese as is, Markdown as | blocks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..content.load import read_yaml
from ..write.write import FileSet, replace_file


class Flow(dict):
    """A short mapping written on one line: {name: 市科技局, role: 牵头}."""


# libyaml's emitter: much faster than the pure-Python one on a large notice (docs/performance.md)
if TYPE_CHECKING:
    _BaseDumper = yaml.SafeDumper
else:
    _BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


STR, MAP, SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class Dumper(_BaseDumper):
    """Block style, keys in their order (dump's arguments); text with line breaks as a | block, a Flow on one line."""

    def ignore_aliases(self, data):
        return True  # content files never use anchors

    def represent_data(self, data):
        # the content's own types made into nodes directly, as its representers would: pyyaml's generic dispatch
        # (alias bookkeeping, a walk of each type's mro) was about half the cost of every node
        kind = type(data)
        if kind is str:
            return ScalarNode(STR, data, style="|" if "\n" in data else None)
        if kind is dict or kind is Flow:
            return MappingNode(MAP, [(self.represent_data(k), self.represent_data(v)) for k, v in data.items()],
                               flow_style=kind is Flow)
        if kind is list:
            return SequenceNode(SEQ, [self.represent_data(item) for item in data], flow_style=False)
        return super().represent_data(data)  # numbers, booleans, null


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
