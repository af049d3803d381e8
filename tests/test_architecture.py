"""The module graph: no import cycle among sitegen's modules (imports inside functions count too), and
no module reaches into another's private (_name) helpers. Read from the source with ast. And no comment
or docstring quotes a measured figure (those belong in docs/performance.md)."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sitegen"


def _module_name(path: Path) -> str:
    parts = ["sitegen", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts}


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(modules: dict):
    """module -> [(imported module, names taken from it, line)], sitegen's own modules only."""
    found = {}
    for module, path in modules.items():
        edges = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                edges += [(a.name, [], node.lineno) for a in node.names if a.name in modules]
            elif isinstance(node, ast.ImportFrom):
                target = _absolute(module, path, node)
                for alias in node.names:  # `from . import x` imports the module sitegen.x
                    if f"{target}.{alias.name}" in modules:
                        edges.append((f"{target}.{alias.name}", [], node.lineno))
                    elif target in modules:
                        edges.append((target, [alias.name], node.lineno))
        found[module] = edges
    return found


def _cycles(graph: dict) -> list:
    """Strongly connected components of more than one module (or a module importing itself)."""
    index, low, stack, on_stack, result, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                result.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


# --- the rooms: sitegen's packages, one per stage of the pipeline or side capability (docs/architecture.md) ---

# Each room and the rooms it may import besides itself: the pipeline's stages (content: load and model,
# render, write, index) upwards, the side capabilities above the stages they use, the build's
# orchestration above them all and the commands on top. A module's room is the longest name here that is
# the module or a package holding it; "sitegen" itself is the top: the commands, which may import anything.
_STAGES = ("sitegen.core", "sitegen.content", "sitegen.render", "sitegen.write", "sitegen.index")
ROOMS = {
    "sitegen.core": (),
    "sitegen.content": _STAGES[:1],
    "sitegen.render": _STAGES[:2],
    "sitegen.write": _STAGES[:3],
    "sitegen.index": _STAGES[:4],
    "sitegen.progress": _STAGES[:4],
    "sitegen.importer": ("sitegen.core", "sitegen.content", "sitegen.write"),
    "sitegen.cache": _STAGES,
    "sitegen.build": (*_STAGES, "sitegen.cache", "sitegen.progress"),
    "sitegen.serve": (*_STAGES, "sitegen.cache", "sitegen.build"),
    "sitegen": ("*",),
}
# the only modules on top, outside every room: a new module goes into the room of what it does
COMMANDS = {"sitegen", "sitegen.__main__", "sitegen.cli", "sitegen.scaffold"}


def room_of(module: str) -> str:
    return max((room for room in ROOMS if module == room or module.startswith(room + ".")), key=len)


def room_problems(graph: dict) -> list:
    """Each import (module -> [(imported module, names, line)]) that leaves its room for one the room may
    not import, and each module that is in no room."""
    problems = []
    for module, edges in sorted(graph.items()):
        room = room_of(module)
        if room == "sitegen" and module not in COMMANDS:
            problems.append(f"{module}: in no room (sitegen/ holds only the commands): put it in the room of "
                            "what it does")
        for target, _, line in edges:
            to = room_of(target)
            if to != room and to not in ROOMS[room] and ROOMS[room] != ("*",):
                problems.append(f"{module}:{line}: imports {target}, but {room} may import only "
                                f"{', '.join(ROOMS[room]) or 'itself'}")
    return problems


def _as_moved(modules: dict) -> dict:
    """The import graph, under the names the modules have in their rooms."""
    graph = _imports(modules)
    return graph


def test_each_room_imports_only_the_rooms_it_stands_on():
    assert room_problems(_as_moved(_modules())) == []


def test_the_room_check_finds_an_upward_import_and_a_module_in_no_room():
    graph = {"sitegen.content.load": [("sitegen.core.errors", ["SitegenError"], 3), ("sitegen.render.render", [], 9)],
             "sitegen.render.render": [("sitegen.content.load", [], 5)],
             "sitegen.cli": [("sitegen.serve.serve", [], 2)],
             "sitegen.stray": [("sitegen.core.errors", [], 1)]}
    assert room_problems(graph) == [
        "sitegen.content.load:9: imports sitegen.render.render, but sitegen.content may import only sitegen.core",
        "sitegen.stray: in no room (sitegen/ holds only the commands): put it in the room of what it does"]


def test_the_rooms_stand_on_each_other_one_way():
    assert _cycles({room: set(below) - {"*"} for room, below in ROOMS.items()}) == []
    assert all(set(below) <= set(ROOMS) | {"*"} for below in ROOMS.values())


def _package_of(module: str, modules: dict) -> str:
    return module if modules[module].name == "__init__.py" else module.rpartition(".")[0]


def test_no_import_cycle_among_sitegen_modules():
    modules = _modules()
    graph = {}
    for module, edges in _imports(modules).items():
        # a module importing its own package's __init__ (the importer's parts) is how a package exposes
        # its API; that is not counted as a cycle of the parts
        graph[module] = {t for t, _, _ in edges if t != module and t != _package_of(module, modules)}
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_uses_another_modules_private_names():
    modules = _modules()
    crossing = []
    for module, edges in _imports(modules).items():
        for target, names, line in edges:
            crossing += [f"{module}:{line}: from {target} import {n}" for n in names
                         if n.startswith("_") and target != module]
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        aliases = {}  # names bound to sitegen modules in this module: `from . import render`, `import sitegen.x as y`
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                target = _absolute(module, path, node)
                aliases.update((a.asname or a.name, f"{target}.{a.name}") for a in node.names
                               if f"{target}.{a.name}" in modules)
            elif isinstance(node, ast.Import):
                aliases.update((a.asname, a.name) for a in node.names if a.asname and a.name in modules)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                    and isinstance(node.value, ast.Name) and aliases.get(node.value.id, module) != module):
                crossing.append(f"{module}:{node.lineno}: {node.value.id}.{node.attr}")
    assert crossing == []


# --- comments say why; measured figures belong in docs/performance.md (DEVELOPERS.md) ---

FIGURE = re.compile(  # a number and a unit of time or size, or a speed-up (\u00d7: the multiplication sign)
    r"(?<![\w.])\d(?:[\d,.]*\d)?\s?(?:s|ms|µs|us|ns|sec|seconds?|minutes?|hours?|[KMGT]i?B|kB|\u00d7)(?![\w/])"
    r"|(?<![\w.])\d(?:[\d.]*\d)?x\b"
    r"|\btimes (?:faster|slower)\b")


def comments_and_docstrings(source: str, name: str = "<source>"):
    """(line, text) of every comment and docstring of a module."""
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string
    for node in ast.walk(ast.parse(source, name)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                    and isinstance(first.value.value, str)):
                for offset, line in enumerate(first.value.value.splitlines()):
                    yield first.lineno + offset, line


def figures(source: str, name: str = "<source>") -> list:
    return [f"{name}:{line}: {FIGURE.search(text).group(0)!r} in {text.strip()!r}"
            for line, text in comments_and_docstrings(source, name) if FIGURE.search(text)]


def test_no_comment_or_docstring_quotes_a_time_or_a_size():
    found = []
    for module, path in _modules().items():
        found += figures(path.read_text(encoding="utf-8"), module)
    assert found == [], "measured figures belong in docs/performance.md:\n" + "\n".join(found)


def test_the_figure_check_finds_figures():
    source = ('"""A module.\n\nLoads in 0.07 s."""\n\nX = 1  # about 6x faster\n\n\n'
              'def f():\n    """Holds 29 MB at 10k tasks."""\n    return 2  # 0.8\u20131 µs a call\n'
              "# 10 times slower than that\n")
    assert sorted(int(f.split(":")[1]) for f in figures(source)) == [3, 5, 9, 10, 11]
    assert figures('"""At most 200 rows, ids of 40 characters, OpenCC t2s."""\nY = 2  # 8,192 entries\n') == []
