"""Stage 1, load: read YAML files with libyaml, keeping line marks for messages.

Mappings come back as `Located` dicts and sequences as `LocatedList`s that know
the line and column of themselves, of each key and of each item, so every later
stage can point people at the exact place to fix.
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Literal, overload

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, ScalarNode

from ..core import limits, pathguard
from ..core.errors import Problems, SitegenError, rel

if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:
    try:  # libyaml: much faster than the pure-Python loader on large content
        _BaseLoader = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - PyYAML built without libyaml
        _BaseLoader = yaml.SafeLoader

MAX_FILE_BYTES = limits.MAX_FILE_BYTES


class Located(dict):
    """A mapping that remembers where it and each of its keys stand."""

    line = 0
    column = 0
    shared = False  # set when an alias (*name) uses it again: the schema checks it once (sitegen/content/schema.py)
    key_marks: dict

    def mark(self, key) -> tuple[int, int]:
        return self.key_marks.get(key, (self.line, self.column))


class LocatedList(list):
    """A sequence that remembers where it and each of its items stand."""

    line = 0
    column = 0
    shared = False
    item_marks: list

    def mark(self, index: int) -> tuple[int, int]:
        if isinstance(index, int) and 0 <= index < len(self.item_marks):
            return self.item_marks[index]
        return (self.line, self.column)


def _mark(node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


SHARED_LENGTH = 40  # characters: names, roles, dates; not texts


class LocLoader(_BaseLoader):
    """CSafeLoader whose mappings and sequences carry their positions.

    libyaml composes the node tree; `construct_document` turns it into values directly
    instead of through PyYAML's generic construct_object (a cache, recursion bookkeeping and a
    generator per mapping and list), which took longer than libyaml's own parsing. Plain
    strings are the node's text; other scalars go through the registered constructors; any
    other tag (!!binary, !!set, !!omap, unknown ones …) through PyYAML itself, unchanged.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []
        self.depth = 0  # mappings and lists open around the one being filled (limits.MAX_DEPTH)
        self.aliased = 0  # values aliases added (limits.MAX_ALIAS_NODES)
        self._sizes: dict = {}  # node -> its values, counted once per node used by an alias

    def construct_document(self, node):
        if not (_plain(node, MAP) or _plain(node, SEQ)):
            return super().construct_document(node)  # a scalar, or another tag: PyYAML's way
        try:
            # PyYAML registers the top-level value before filling it, so `&a [*a]` there gives a
            # recursive value, while a nested one is reported ("found unconstructable recursive node")
            data = Located() if node.tag == MAP else LocatedList()
            self.constructed_objects[node] = data
            return self._fill(data, node)
        finally:
            self.constructed_objects, self.recursive_objects = {}, {}

    def value(self, node):
        """A node's value; a node used twice (an alias) gives the same object twice, as in PyYAML."""
        if node.__class__ is ScalarNode:
            tag = node.tag
            if tag == STR:
                return _shared(node.value)
            if tag in SCALARS:
                return self.yaml_constructors[tag](self, node)
        if node in self.constructed_objects:
            return self._again(node)
        tag = node.tag
        if tag != MAP and tag != SEQ:
            return self.construct_object(node, deep=True)  # which comes back here for plain maps and lists inside
        if node in self.recursive_objects:
            raise ConstructorError(None, None, "found unconstructable recursive node", node.start_mark)
        self.recursive_objects[node] = None
        self.depth += 1  # one count a mapping or list, none a scalar: no cost worth measuring
        if self.depth > limits.MAX_DEPTH:
            raise ConstructorError(None, None, f"nested more than {limits.MAX_DEPTH} levels deep", node.start_mark)
        data = self._fill(Located() if tag == MAP else LocatedList(), node)
        self.depth -= 1
        self.constructed_objects[node] = data
        del self.recursive_objects[node]
        return data

    def _again(self, node):
        """A mapping or list used again by an alias: the same object, marked shared, its values counted
        against limits.MAX_ALIAS_NODES (ten aliases of ten aliases of … is a billion values to a reader)."""
        data = self.constructed_objects[node]
        self.aliased += self._size(node)
        if self.aliased > limits.MAX_ALIAS_NODES:
            raise ConstructorError(None, None, f"aliases (*name) expand to more than {limits.MAX_ALIAS_NODES:,} "
                                   "values", node.start_mark)
        if isinstance(data, (Located, LocatedList)):
            data.shared = True
        return data

    def _size(self, root) -> int:
        """The values under a node, aliases expanded; each node counted once (iterative: no recursion)."""
        sizes, visiting, stack = self._sizes, set(), [(root, False)]
        while stack:
            node, ready = stack.pop()
            if node in sizes:
                continue
            children = _children(node)
            if ready or not children:
                sizes[node] = 1 + sum(sizes.get(child, 1) for child in children)
                continue
            if node in visiting:  # a top-level value holding itself (`&a [*a]`): counted as one
                continue
            visiting.add(node)
            stack.append((node, True))
            stack.extend((child, False) for child in children if child not in sizes)
        return sizes[root]

    def _fill(self, data, node):
        if data.__class__ is Located:
            return self._fill_map(data, node)
        return self._fill_seq(data, node)

    def _fill_map(self, data: Located, node) -> Located:
        _expect(node, "mapping")
        data.line, data.column = _mark(node)
        marks = data.key_marks = {}
        value = self.value
        for key_node, value_node in node.value:
            # Most keys and values are plain text: taken here without a call to value() (a sixth of construction)
            if key_node.__class__ is ScalarNode and key_node.tag == STR:
                key = _shared(key_node.value)
            else:
                key = value(key_node)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    key = str(key)
            if key in data:
                self.duplicates.append((str(key), *_mark(key_node)))
            if value_node.__class__ is ScalarNode and value_node.tag == STR:
                data[key] = _shared(value_node.value)
            else:
                data[key] = value(value_node)
            start = key_node.start_mark
            marks[key] = (start.line + 1, start.column + 1)
        return data

    def _fill_seq(self, data: LocatedList, node) -> LocatedList:
        _expect(node, "sequence")
        data.line, data.column = _mark(node)
        data.item_marks = [(c.start_mark.line + 1, c.start_mark.column + 1) for c in node.value]
        append, value = data.append, self.value
        for child in node.value:  # one by one: a recursive top-level list sees the items before
            append(value(child))
        return data

    # What construct_object calls for plain maps and lists inside other tags (!!omap, !!set …): generators,
    # as before, so that PyYAML's order of construction, and so its handling of recursion, stay as they were.
    def construct_located_map(self, node):
        data = Located()
        yield data
        self._fill_map(data, node)

    def construct_located_seq(self, node):
        data = LocatedList()
        yield data
        self._fill_seq(data, node)

    def resolve(self, kind, value, implicit):
        """PyYAML's BaseResolver.resolve, giving the same tags: libyaml calls it for every node (docs/
        performance.md), and PyYAML's joins two lists of patterns on each call."""
        if self.yaml_path_resolvers:  # none are registered on this loader
            return super().resolve(kind, value, implicit)
        if kind is ScalarNode:
            if implicit[0]:  # plain (unquoted): the first pattern for its first character that matches
                for tag, pattern in _IMPLICIT.get(value[:1], _ANY_START):
                    if pattern.match(value):
                        return tag
            return STR
        return MAP if kind is MappingNode else SEQ

    def construct_lenient_timestamp(self, node):
        # 2019-02-30 matches the date pattern but is no date: leave it text for the schema to report.
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


STR, MAP, SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
SCALARS = {f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null", "timestamp")}


def _shared(text: str) -> str:
    # Keys, unit names, roles, deadlines repeat on every task: one copy each (interned strings
    # are freed with their last use); without this the copies were a large part of the model.
    return intern(text) if len(text) <= SHARED_LENGTH else text


def _children(node) -> list:
    if node.__class__ is ScalarNode:
        return []
    if node.__class__ is MappingNode:
        return [child for pair in node.value for child in pair]
    return node.value


def _plain(node, tag: str) -> bool:
    return node.tag == tag and node.id == ("mapping" if tag == MAP else "sequence")


def _expect(node, kind: str) -> None:
    # `!!map x` or `!!seq {…}`: said, as PyYAML's own constructors say it, rather than a traceback
    if node.id != kind:
        raise ConstructorError(None, None, f"expected a {kind} node, but found {node.id}", node.start_mark)


LocLoader.add_constructor("tag:yaml.org,2002:timestamp", LocLoader.construct_lenient_timestamp)
LocLoader.add_constructor(MAP, LocLoader.construct_located_map)
LocLoader.add_constructor(SEQ, LocLoader.construct_located_seq)
# PyYAML's implicit resolvers by first character ('' for the empty scalar), each followed by those for
# any first character (None), as BaseResolver.resolve tries them
_ANY_START = tuple(LocLoader.yaml_implicit_resolvers.get(None, ()))
_IMPLICIT = {first: tuple(resolvers) + _ANY_START
             for first, resolvers in LocLoader.yaml_implicit_resolvers.items() if first is not None}


def _yaml_error_hint(problem: str) -> str:
    if re.search(r"\btabs?\b", problem):  # libyaml: "found character '\\t' that cannot start any token"
        return "indent with spaces, not tabs"
    if "recursive" in problem:
        return "an anchor (&name) cannot be used inside its own value"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted"
    if "could not find expected ':'" in problem:
        return "each line of a mapping needs 'key: value'"
    return "check the indentation and quoting around this line"


def _decode(raw: bytes, path: str, problems: Problems) -> str | None:
    if b"\x00" in raw[:4096]:
        encoding = "UTF-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "binary"
        problems.add(path, 1, 0, "", f"this is a {encoding} file, not UTF-8 text",
                     "save the file as UTF-8")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        hint = "save the file as UTF-8"
        try:
            raw.decode("gb18030")
            hint = "it looks GBK/GB18030-encoded: save it as UTF-8"
        except UnicodeDecodeError:
            pass
        line = raw[: error.start].count(b"\n") + 1
        problems.add(path, line, 0, "", "the file is not valid UTF-8", hint)
        return None


def load_yaml(path: Path, shown: str, problems: Problems, empty_hint: str | None = "by name"):
    """Parse one YAML file; on failure add a located problem and return None. An empty file is reported
    with a hint for its kind (`empty_hint` "by name"), or as `empty_hint` says (None: no problem)."""

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.add(shown, 0, 0, "", f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB",
                         "split it into several files")
            return None
        raw = path.read_bytes()
    except OSError as error:
        problems.add(shown, 0, 0, "", f"cannot read the file: {error.strerror}")
        return None
    text = _decode(raw, shown, problems)
    if text is None:
        return None
    return parse_yaml(text, shown, problems, empty_hint)


@contextmanager
def gc_paused(kept: bool = False):
    """Python's cycle collector off for a while: a parse allocates a great many objects and makes no
    garbage cycles, yet each few hundred allocations started a collection that also walked everything
    loaded so far (docs/performance.md). `kept`: what the block made lives on (a model), so it goes
    straight to the collector's oldest generation when the block ends, rather than through the first
    collection after, which walks all of it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if kept:
                gc.freeze()  # the tracked objects set aside, then back as the oldest generation: no walk
                gc.unfreeze()
            gc.enable()


_EMPTY_HINTS = {
    "site.yaml": "write the site's settings, at least 'title: …' (see docs/content-format.md)",
    "notices": "write the notice (title, issuer, jurisdiction, attachments), or remove the file",
    "progress": "write {} while there are no updates, or remove the file",
    "units": "write 'jurisdiction:' and 'units:', or remove the file",
}


def _empty_hint(shown: str) -> str:
    path = Path(shown)
    return _EMPTY_HINTS.get(path.name) or _EMPTY_HINTS.get(path.parent.name) or \
        "write [] for an empty list, or remove the file"


def parse_yaml(text: str, shown: str, problems: Problems, empty_hint: str | None = "by name"):
    """Parse YAML text; on failure add a located problem and return None. An empty document is reported
    with a hint for the file's kind, or `empty_hint`; with None it is None, as an absent file."""
    loader = LocLoader(text)
    try:
        with gc_paused():
            data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = str(error.problem or error.context or "invalid YAML")
        lines = text.splitlines()
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            problem += " (a tab character)"
        problems.add(shown, line, column, "", f"invalid YAML: {problem}", _yaml_error_hint(problem))
        return None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow (a control character…)
        line = text.count("\n", 0, error.position) + 1
        problems.add(shown, line, 0, "", f"character U+{error.character:04X} is not allowed (a control character)",
                     "remove it; write line breaks and tabs as such")
        return None
    except (yaml.YAMLError, RecursionError) as error:  # RecursionError: nesting libyaml itself could not parse
        problems.add(shown, 0, 0, "", f"invalid YAML: {error}")
        return None
    finally:
        loader.dispose()
    if data is None and empty_hint:
        problems.add(shown, 1, 0, "", "the file is empty",
                     _empty_hint(shown) if empty_hint == "by name" else empty_hint)
    for key, line, column in loader.duplicates:
        problems.add(shown, line, column, key, "this key appears twice in the same mapping",
                     "remove one of them")
    if _ESCAPED_CONTROL.search(text):  # a double-quoted escape may make one: find where (rare, so not per value)
        _report_controls(data, shown, problems)
    return data


# What a double-quoted YAML escape can turn into a character XML 1.0 and terminals must not get: C0 controls
# but tab and newline ("\x0b", "\e", "\r" …), U+FFFE and U+FFFF. Raw ones are refused by the YAML reader.
_ESCAPED_CONTROL = re.compile(r"\\(?:[0abvfer]|x[01]|u00[01]|U0000[01]|u[fF]{3}[eEfF]|U0000[fF]{3}[eEfF])")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")


def _report_controls(data, shown: str, problems: Problems) -> None:
    stack, seen = [data], set()
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, item in items:
            for text in (key, item):
                if isinstance(text, str) and (found := CONTROL.search(text)):
                    line, column = value.mark(key) if hasattr(value, "mark") else (0, 0)
                    problems.add(shown, line, column, str(key) if isinstance(value, dict) else "",
                                 f"holds the control character U+{ord(found.group()):04X}",
                                 "remove it: only tab and line breaks are allowed in text")
            if isinstance(item, (dict, list)):
                stack.append(item)


def read_yaml(path: Path, shown: str | None = None):
    """A YAML file the importer or the progress intake reads and rewrites: parsed as the loader parses
    content (the same limits), as plain dicts and lists; None when absent or empty. Problems raise
    ContentError naming the file and line."""
    path = Path(path)
    if not path.exists():
        return None
    problems = Problems()
    data = load_yaml(path, shown or str(path), problems, empty_hint=None)
    problems.raise_if_errors()
    return plain(data)


def plain(value):
    """Located / LocatedList as plain dicts and lists (which YAML writers represent)."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


# --- the site's files -------------------------------------------------------

CONFIG_FILE = "site.yaml"


@dataclass
class SourceFile:
    """One parsed content file: where it is (as shown to people) and its data."""

    path: Path
    shown: str
    data: object

    def release(self) -> None:
        """Nothing to let go: a file read at once (configuration, registries, serve's changed files) keeps its data."""


class LazySource:
    """A notice or progress file, parsed when its data is first read; `release()` lets the data go.

    The model stage reads these one at a time and releases each once the model has what it needs, so
    the parsed YAML of all notices is never in memory at once (it was more than the model itself).
    Read again after a release (`sitegen serve` reuses unchanged files), the file is parsed again; its
    problems were reported by the run that read it first.
    """

    def __init__(self, path: Path, shown: str, problems: Problems):
        self.path, self.shown = path, shown
        self._problems: Problems | None = problems
        self._data = _UNREAD
        # while a worker parses this file ahead: how the first read gets it (sitegen.content.prefetch)
        self.prefetch = None

    @property
    def data(self):
        if self._data is _UNREAD:
            read = self.prefetch or load_yaml
            self._data = read(self.path, self.shown, self._problems or Problems())
            self._problems = self.prefetch = None
        return self._data

    def release(self) -> None:
        self._data = _UNREAD

    def __repr__(self) -> str:
        return f"LazySource({self.shown!r})"


_UNREAD = object()


@dataclass
class RawSite:
    """Every content file of a site, parsed but not yet validated."""

    root: Path
    config: SourceFile | None
    jurisdictions: list  # content/jurisdictions.yaml, then content/jurisdictions/*.yaml
    registries: list
    leaders: list  # content/leaders.yaml, then content/leaders/*.yaml
    themes: SourceFile | None
    notices: list  # LazySource: parsed when the model stage reads them, one at a time
    progress: list  # LazySource


def read_site(root: Path, problems: Problems) -> RawSite:
    """Find and parse the site's files (notices and progress when first read); the model stage validates them."""
    root = Path(root)
    config = root / CONFIG_FILE
    if not config.is_file():
        raise SitegenError(f"{config}: no site configuration here — run 'sitegen init DIR' "
                           "to create a site, or pass --site DIR")
    content = root / "content"

    def one(path: Path) -> SourceFile | None:
        return source_file(path, root, problems) if path.exists() else None

    def many(folder: Path, lazy: bool = False) -> list:
        if not folder.is_dir():
            return []
        if pathguard.outside(folder, (root.resolve(),)):
            problems.add(rel(folder, root), 0, 0, "", "this folder links outside the site", pathguard.HINT)
            return []
        _reject_yml_files(folder, problems, root)
        return [source_file(path, root, problems, lazy=lazy) for path in sorted(folder.glob("*.yaml"))]

    def file_then_folder(name: str) -> list:  # content/leaders.yaml, then content/leaders/*.yaml
        return [f for f in [one(content / f"{name}.yaml")] if f] + many(content / name)

    return RawSite(
        root=root, config=one(config), jurisdictions=file_then_folder("jurisdictions"),
        registries=many(content / "units"), leaders=file_then_folder("leaders"),
        themes=one(content / "themes.yaml"), notices=many(content / "notices", lazy=True),
        progress=many(content / "progress", lazy=True),
    )


@overload
def source_file(path: Path, root: Path, problems: Problems, *, lazy: Literal[False] = False) -> SourceFile: ...
@overload
def source_file(path: Path, root: Path, problems: Problems, *, lazy: bool) -> SourceFile | LazySource: ...


def source_file(path: Path, root: Path, problems: Problems, *, lazy: bool = False) -> SourceFile | LazySource:
    shown = rel(path, root)
    if path.is_symlink() and pathguard.outside(path, (root.resolve(),)):
        problems.add(shown, 0, 0, "", "this link points outside the site", pathguard.HINT)
        return SourceFile(path, shown, None)
    if lazy:
        return LazySource(path, shown, problems)
    return SourceFile(path, shown, load_yaml(path, shown, problems))


def _reject_yml_files(folder: Path, problems: Problems, root: Path) -> None:
    """A .yml file would be silently skipped; say so instead."""
    for path in sorted(folder.glob("*.yml")):
        problems.add(rel(path, root), 0, 0, "", "content files end in .yaml", f"rename it to {path.stem}.yaml")
