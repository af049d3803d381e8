"""One commit of pure moves (issue 23): sitegen's modules into rooms that show the pipeline.

Run it once, on a clean checkout of main with every branch merged, from the repository with its venv:

    .venv/bin/python tools/rooms.py --check   # the plan, and whether every module has a room; changes nothing
                                              # (--put MODULE=ROOM places a module added since, both runs)
    .venv/bin/python tools/rooms.py           # moves (git mv), rewrites every reference, stages it all
    .venv/bin/pip install --no-deps -e .      # the installed package's files moved
    # then the README's test command, `git diff --cached`, and commit

It refuses a tree with changes and a tree already moved. Each module keeps its name and goes into the room
ROOMS gives it; the modules of TOP stay in sitegen/. A module on neither list stops the run (put it in
ROOMS). What it rewrites: imports (absolute, relative, inside functions), dotted module names and
sitegen/<module>.py paths in every tracked text file (code, strings, comments, docs, configuration) but
content/, the theme's files (their bytes are the site's output; template comments only) and the test
fixtures; `Path(__file__)` in a moved module; the two cache versions (a cache made before the move is
stale, never unpickled into modules that are gone); pyproject's package list (packages found, the built-in
themes through the sitegen/themes link); the rooms in docs/architecture.md and CONTRIBUTING.md; and it
removes itself and its block in tests/test_architecture.py. Python 3.11, standard library only (ruff, when
installed, sorts the imports it rewrote).
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import io
import re
import shutil
import subprocess
import sys
import tokenize
import unicodedata
from pathlib import Path

# room: (what it is for, its modules), bottom up; tests/test_architecture.py's ROOMS says which may import which
ROOMS = {
    "core": ("what every room stands on: errors for people, limits, the guards of what is read and linked, "
             "the build's options, what a build is doing, worker processes",
             ["errors", "limits", "urls", "pathguard", "zipcheck", "options", "stages", "parallel"]),
    "content": ("stages 1 and 2, load and model: the site's files parsed (with prefetching) and resolved into "
                "the model, with the vocabularies it is made of",
                ["loadsite", "load", "prefetch", "schema", "resolve", "model", "slugs", "statuses", "deadlines",
                 "originals"]),
    "render": ("stage 3: every page as HTML, each declaring what it shows (the incremental engine), the Jinja "
               "environment and the themes, Markdown, roll-ups, the search records",
               ["render", "dependencies", "templating", "theming", "markup", "rollup", "searchrecord",
                "searchvariants"]),
    "write": ("stage 4: the staging folder and its atomic swap, and every file a build writes besides the "
              "pages: data exports, feeds, sitemap, badges; the link check of what was written",
              ["write", "exports", "datafiles", "escaping", "feeds", "sitemap", "badges", "links"]),
    "index": ("stage 5: the Pagefind search index, shard by shard, its files made reproducible",
              ["index", "searchbundle"]),
    "progress": ("progress from units: the intake, the per-unit forms, the printed lists and PDFs",
                 ["progress", "forms", "pdf"]),
    "cache": ("`sitegen build --cache`: the page cache, the model cache, their key, and the patched build",
              ["cache", "cachekey", "modelcache", "patch", "patchbuild"]),
    "serve": ("`sitegen serve`: the dev server and its incremental preview", ["serve", "incremental"]),
}
# stay in sitegen/: the build's orchestration and the commands
TOP = ["__init__", "__main__", "build", "cli", "scaffold"]
# the rooms already there, as they are (drawn in the docs, not moved)
KEPT = {"importer": "`sitegen import`: a notice as published -> content files and a review report"}

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "sitegen"
# inputs and outputs, not references: their bytes are the site (themes: only template comments change)
NOT_REWRITTEN = ("content/", "tests/golden/site/", "tests/fixtures/", "tests/importer_corpus/",
                 "tests/formats_corpus/", "tools/rooms.py")
# sentences that said "a module per stage" (best effort: a sentence merged main changed is reported, not forced)
SENTENCES = {
    "sitegen/__init__.py": (r"The build pipeline, one module per stage:",
                            "The build pipeline, one room (a package) per stage:"),
    "sitegen/build.py": (r"each stage is a module\s+named after it\.",
                         "each stage is a room\nof the package (docs/architecture.md), its modules named after what "
                         "they do."),
}
MARK = "# rooms: before the move"
MARK_END = "# rooms: end"


def moves() -> dict:
    """old module name -> new, for every module ROOMS places."""
    return {f"sitegen.{module}": f"sitegen.{room}.{module}" for room, (_, modules) in ROOMS.items()
            for module in modules}


def new_name(module: str) -> str:
    """A module's name after the move (tests/test_architecture.py checks the rooms' rules on the plan)."""
    table = moves()
    for old in sorted(table, key=len, reverse=True):
        if module == old or module.startswith(old + "."):
            return table[old] + module[len(old):]
    return module


# --- rewriting text ---------------------------------------------------------------------------------------

def _patterns(table: dict):
    names = "|".join(sorted((old.split(".", 1)[1] for old in table), key=len, reverse=True))
    dotted = re.compile(rf"(?<![\w.])sitegen\.({names})(?![\w])")
    path = re.compile(rf"(?<![\w.-])sitegen/({names})\.py(?![\w])")

    def text(s: str) -> str:
        s = dotted.sub(lambda m: table["sitegen." + m.group(1)], s)
        return path.sub(lambda m: table["sitegen." + m.group(1)].replace(".", "/") + ".py", s)
    return text


def _relative(package: str, target: str) -> str:
    """`target` as a relative import from inside `package`."""
    here, there = package.split("."), target.split(".")
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    return "." * (len(here) - common + 1) + ".".join(there[common:])


def _char_offset(lines: list, line: int, col: int) -> int:
    """ast's (line, UTF-8 byte column) as an index into the text."""
    return sum(len(x) for x in lines[:line - 1]) + len(lines[line - 1].encode("utf-8")[:col].decode("utf-8"))


def _names(aliases) -> str:
    return ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in aliases)


def _import_from(node, statement: str, indent: str, old: str | None, is_package: bool, packages: set,
                 table: dict) -> str | None:
    """The new text of a `from X import ...` statement (its first line not indented), or None when it stays."""
    if node.level:
        if old is None:
            return None
        new = new_name(old)
        old_package = old if is_package else old.rpartition(".")[0]
        new_package = new if is_package else new.rpartition(".")[0]
        parts = old_package.split(".")
        target = ".".join(parts[:len(parts) - (node.level - 1)] + ([node.module] if node.module else []))
    elif node.module == "sitegen":  # `from sitegen.x import y` is left to the dotted rewrite
        target, new_package = "sitegen", ""
    else:
        return None

    def spec(module: str) -> str:
        return _relative(new_package, module) if node.level else module

    written = "." * node.level + (node.module or "")
    if target not in packages:  # from a module: its names are not modules; only where it is changes
        moved = spec(table.get(target, target))
        return None if moved == written else re.sub(r"^from\s+[.\w]+", f"from {moved}", statement, count=1)
    groups: dict = {}  # the package each name now comes from -> the names, in their order
    for alias in node.names:
        full = f"{target}.{alias.name}"
        groups.setdefault(table[full].rpartition(".")[0] if full in table else target, []).append(alias)
    if list(groups) == [target] and spec(target) == written:
        return None
    statements = []
    for into, aliases in groups.items():
        line = f"from {spec(into)} import {_names(aliases)}"
        if len(indent) + len(line) > 120:
            names = "".join(f"{indent}    {_names([a])},\n" for a in aliases)
            line = f"from {spec(into)} import (\n{names}{indent})"
        statements.append(line)
    return ("\n" + indent).join(statements)


def rewrite_python(source: str, old: str | None, is_package: bool, packages: set, table: dict) -> str:
    """Imports rewritten for where modules now are; every other mention by the dotted and path rewrite."""
    text = _patterns(table)
    lines = source.splitlines(keepends=True)
    edits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            start = _char_offset(lines, node.lineno, node.col_offset)
            end = _char_offset(lines, node.end_lineno, node.end_col_offset)
            before = lines[node.lineno - 1].encode("utf-8")[:node.col_offset].decode("utf-8")
            indent = before if not before.strip() else ""
            replaced = _import_from(node, source[start:end], indent, old, is_package, packages, table)
            if replaced is not None:
                edits.append((start, end, replaced))
    out, at = [], 0
    for start, end, replaced in sorted(edits):
        out += [text(source[at:start]), replaced]
        at = end
    out.append(text(source[at:]))
    return "".join(out)


# --- lines the longer names made too long (ruff's line length, in sitegen/ only) ------------------------------

LINE = 120  # pyproject.toml's [tool.ruff] line-length; CJK characters count as two columns, as ruff counts


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap(text: str, first: str, rest: str) -> list:
    """`text` in lines of at most LINE columns, the first after `first`, the others after `rest`."""
    words, lines, line = text.split(" "), [], first
    for word in words:
        if line not in (first, rest) and _width(line + " " + word) > LINE:
            lines.append(line)
            line = rest + word
        else:
            line = line + ("" if line in (first, rest) else " ") + word
    return [*lines, line]


def _wrap_long_lines(source: str, before: str, where: str) -> str:
    """A comment or docstring line the rewrite made longer than LINE columns, wrapped; any other such line
    is reported (and left to the person committing). Lines the rewrite did not change are left alone."""
    kept = set(before.splitlines())
    if not any(_width(line) > LINE and line not in kept for line in source.splitlines()):
        return source
    documented = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(getattr(first.value, "value", None), str):
                documented.update(range(first.lineno, first.end_lineno + 1))
    comments = {t.start[0]: t.start[1] for t in tokenize.generate_tokens(io.StringIO(source).readline)
                if t.type == tokenize.COMMENT}
    out = []
    for number, line in enumerate(source.splitlines(keepends=True), 1):
        body = line.rstrip("\n")
        if _width(body) <= LINE or body in kept:
            out.append(line)
            continue
        indent = body[:len(body) - len(body.lstrip())]
        # the comment on lines of its own, above its code (never a pragma: it must stay on its line)
        if number in comments and not re.search(r"#\s*(noqa|type:)", body):
            code, comment = body[:comments[number]].rstrip(), body[comments[number]:].lstrip("#").strip()
            out += [piece + "\n" for piece in _wrap(comment, indent + "# ", indent + "# ")]
            out += [code + "\n"] if code.strip() else []
        elif number in documented:
            out += [piece + "\n" for piece in _wrap(body.strip(), indent, indent)]
        else:
            print(f"rooms: {where}:{number}: longer than {LINE} columns after the rewrite; wrap it by hand")
            out.append(line)
    return "".join(out)


# --- the parts that are not references ----------------------------------------------------------------------

def _file_paths(source: str, where: str) -> str:
    """Path(__file__) one folder deeper: the module moved into a room."""
    source = re.sub(r"Path\(__file__\)((?:\.resolve\(\))?)\.parents\[(\d+)\]",
                    lambda m: f"Path(__file__){m.group(1)}.parents[{int(m.group(2)) + 1}]", source)
    source = re.sub(r"Path\(__file__\)((?:\.resolve\(\))?)\.parent(?![\w\[])",
                    lambda m: f"Path(__file__){m.group(1)}.parents[1]", source)
    left = [line for line in source.splitlines() if "__file__" in line and "Path(__file__)" not in line]
    if left:
        sys.exit(f"rooms: {where} uses __file__ in a way this script does not know how to move: {left}")
    return source


def _cache_versions(source: str) -> str:
    """A cache made before the move is stale: its pickles name modules that are gone."""
    return re.sub(r"(sitegen-(?:model|page)-cache-)(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1), source)


PYPROJECT_PACKAGES = '''[tool.setuptools.packages.find]
# sitegen and every room under it, found, so a new room is installed by a plain `pip install .`; the
# built-in themes come in as sitegen.themes through the link sitegen/themes -> ../themes (a namespace
# package, its files package data), where sitegen.core.pathguard looks for them
include = ["sitegen", "sitegen.*"]
exclude = ["*.__pycache__"]
'''


def _pyproject(source: str) -> str:
    new, count = re.subn(r"\[tool\.setuptools\]\npackages = \[[^\]]*\]\n", PYPROJECT_PACKAGES, source)
    if not count:
        sys.exit("rooms: pyproject.toml has no `[tool.setuptools]` `packages = [...]` to replace")
    # the themes come through the link now, not through a package-dir mapping
    new = re.sub(r"\n\n# The default theme lives at the top[^\n]*\n(#[^\n]*\n)*\[tool\.setuptools\.package-dir\]\n"
                 r"\"sitegen\.themes\" = \"themes\"\n", "\n", new)
    return new


def _test_block(source: str) -> str:
    """tests/test_architecture.py without its before-the-move block (the rooms are there now)."""
    lines = source.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.strip().startswith(MARK)]
    ends = [i for i, line in enumerate(lines) if line.strip() == MARK_END]
    if len(starts) != 1 or len(ends) != 1:
        sys.exit("rooms: tests/test_architecture.py: its block between "
                 f"'{MARK}' and '{MARK_END}' is not there once")
    return "".join(lines[:starts[0]] + lines[ends[0] + 1:])


def _room_rules() -> dict:
    spec = importlib.util.spec_from_file_location("test_architecture", REPO / "tests" / "test_architecture.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _short(rooms) -> str:
    names = [room.split(".", 1)[1] + (".py" if room == "sitegen.build" else "/") for room in rooms if room != "*"]
    return ", ".join(f"`{name}`" for name in names) or "—"


def _rooms_table(rules: dict) -> str:
    rows = ["| room | modules | what it does | imports (besides itself) |", "| --- | --- | --- | --- |"]
    for room, (what, modules) in ROOMS.items():
        listed = ", ".join(f"`{m}.py`" for m in modules)
        rows.append(f"| `sitegen/{room}/` | {listed} | {what} | {_short(rules.get(f'sitegen.{room}', ()))} |")
    for room, what in KEPT.items():
        below = _short(rules.get(f"sitegen.{room}", ()))
        rows.append(f"| `sitegen/{room}/` | its own modules, `readers/` | {what} | {below} |")
    rows.append("| `sitegen/` | `build.py` | the build, top to bottom: load -> model -> render -> write -> index, "
                f"and `check` | {_short(rules.get('sitegen.build', ()))} |")
    rows.append("| `sitegen/` | `cli.py`, `scaffold.py`, `__main__.py` | the commands (thin click commands), "
                "`sitegen init` | any room |")
    return "\n".join(rows)


def _mermaid(rules: dict) -> str:
    """The rooms and what each stands on, without the edges implied by others (transitive reduction)."""
    below = {room: {r for r in rooms if r != "*"} for room, rooms in rules.items()}
    below["sitegen"] = {"sitegen.serve", "sitegen.build", "sitegen.importer", "sitegen.progress"}

    def reach(room, seen=None):
        seen = set() if seen is None else seen
        for r in below.get(room, ()):
            if r not in seen:
                seen.add(r)
                reach(r, seen)
        return seen
    label = {room: (room.split(".", 1)[1] + "/" if "." in room else "cli, scaffold") for room in below}
    label["sitegen.build"] = "build.py"
    lines = ["```mermaid", "flowchart TD"]
    for room in below:
        for r in sorted(below[room]):
            if not any(r in reach(other) for other in below[room] if other != r):
                lines.append(f'  {room.replace(".", "_")}["{label[room]}"] --> {r.replace(".", "_")}["{label[r]}"]')
    lines.append("```")
    return "\n".join(lines)


ARCHITECTURE = """## The rooms

The package is in rooms: a folder of `sitegen/` for each stage of the pipeline
(`content/` holds load and model, then `render/`, `write/`, `index/`) and for each
side capability (`progress/`, `importer/`, `cache/` for `build --cache`,
`serve/`), with `core/` beneath them all; on top, in `sitegen/` itself, only
`build.py` (the build, top to bottom) and the commands. A room imports only
itself and rooms below it, never one beside it: tests/test_architecture.py
holds the rules as data (`ROOMS`) and fails on an import that goes up or
sideways, on a module in no room, on an import cycle, and on any use of
another module's private `_name`.

```
  cli.py  scaffold.py                   the commands                (sitegen/)
  serve/                                sitegen serve
  build.py                              the build, top to bottom    (sitegen/)
  cache/       progress/    importer/   build --cache; progress intake and print; sitegen import
  index/                                stage 5: the search index
  write/                                stage 4: staging, atomic swap, exports, feeds, badges
  render/                               stage 3: pages, what each shows, templates, search records
  content/                              stages 1 and 2: load and model
  core/                                 errors, limits, guards, options, workers
```

Side by side means apart: `progress/` reaches down to `write/` only, `importer/`
to `content/`, `write/` and `core/`. Each room and what it stands on, the edges
implied by others left out:

{mermaid}

{table}

"""

CONTRIBUTING = """## The pipeline

`sitegen/build.py::build()` reads top to bottom as the pipeline: load -> model
-> render -> write -> index. The package is in rooms, a folder for each stage
and each side capability; a room imports only the rooms it stands on
(tests/test_architecture.py, `ROOMS`; [docs/architecture.md](docs/architecture.md)
has the picture and what each module does):

{table}

Themes: [docs/themes.md](docs/themes.md).

"""


def _architecture(source: str, rules: dict) -> str:
    section = ARCHITECTURE.format(mermaid=_mermaid(rules), table=_rooms_table(rules))
    source = re.sub(r"Each stage is\s+a module named after it:",
                    "Each stage is\na module named after it, in the room of its stage (below):", source)
    at = source.find("## The module graph")
    if at < 0:
        print("rooms: docs/architecture.md has no '## The module graph': the rooms are added at its end")
        return source.rstrip("\n") + "\n\n" + section.rstrip("\n") + "\n"
    return source[:at] + section + source[at:]


def _contributing(source: str, rules: dict) -> str:
    match = re.search(r"^## The pipeline\n.*?(?=^## |\Z)", source, flags=re.M | re.S)
    if not match:
        print("rooms: CONTRIBUTING.md has no '## The pipeline': not changed")
        return source
    rows = ["| room | modules |", "| --- | --- |"]
    for room, (_, modules) in ROOMS.items():
        rows.append(f"| `{room}/` | {', '.join(f'`{m}.py`' for m in modules)} |")
    rows += ["| `importer/` | `sitegen import` |", "| `sitegen/` (on top) | `build.py`, `cli.py`, `scaffold.py` |"]
    return source[:match.start()] + CONTRIBUTING.format(table="\n".join(rows)) + source[match.end():]


# --- the run ----------------------------------------------------------------------------------------------

def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True, text=True).stdout


def _module_of(path: str) -> tuple:
    """(module name, is a package's __init__) of a tracked file under sitegen/."""
    parts = Path(path).with_suffix("").parts
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def plan() -> dict:
    """The moves, after checking every module of sitegen/ has one place."""
    made = [room for room in ROOMS if (PACKAGE / room).is_dir()]
    if made:
        sys.exit(f"rooms: already moved (sitegen/{made[0]}/ is there): this runs once, before the rooms exist")
    tracked = git("ls-files", "sitegen").split()
    top = {Path(p).stem for p in tracked if p.endswith(".py") and p.count("/") == 1}
    placed = [m for _, (_, modules) in ROOMS.items() for m in modules]
    twice = sorted({m for m in placed if placed.count(m) > 1})
    unplaced = sorted(top - set(placed) - set(TOP))
    if twice or unplaced:
        sys.exit("rooms: put each module of sitegen/ in one room of ROOMS (tools/rooms.py): "
                 + (f"in no room: {', '.join(unplaced)}. " if unplaced else "")
                 + (f"in two rooms: {', '.join(twice)}." if twice else ""))
    gone = sorted(set(placed) - top)
    if gone:
        print(f"rooms: not in sitegen/ (a branch not merged, or gone), nothing to move: {', '.join(gone)}")
        for _, modules in ROOMS.values():
            modules[:] = [m for m in modules if m not in gone]
    return moves()


def _sorted_imports(files: list) -> None:
    """The rewritten imports in the order ruff's isort rules (pyproject.toml) want, when ruff is installed."""
    if importlib.util.find_spec("ruff"):
        ruff = [sys.executable, "-m", "ruff"]
    elif shutil.which("ruff"):
        ruff = [shutil.which("ruff")]
    else:
        print("rooms: ruff is not installed: imports not sorted (ruff check --select I --fix sitegen)")
        return
    subprocess.run([*ruff, "check", "--no-cache", "--select", "I001", "--fix", "--quiet", *files], cwd=REPO)


def run(check: bool) -> None:
    table = plan()
    rules = _room_rules()
    graph = rules._imports(rules._modules())  # the rules checked on what the move will make
    problems = rules.room_problems({new_name(m): [(new_name(t), names, line) for t, names, line in edges]
                                    for m, edges in graph.items()})
    for room, (_, modules) in ROOMS.items():
        print(f"sitegen/{room}/: {', '.join(modules)}")
    if problems:
        sys.exit("rooms: the rooms' rules (tests/test_architecture.py, ROOMS) would not hold:\n  "
                 + "\n  ".join(problems) + "\nmove a module to another room in ROOMS, or change the rules")
    if check:
        print("rooms: the plan holds to the rooms' rules; nothing changed (run without --check to move)")
        return
    status = git("status", "--porcelain")
    if status.strip():
        sys.exit(f"rooms: the tree has changes; commit or stash them first:\n{status}")

    tracked = git("ls-files").split("\n")
    packages = {_module_of(p)[0] for p in tracked if p.startswith("sitegen/") and p.endswith("/__init__.py")}
    for room, (what, modules) in ROOMS.items():
        (PACKAGE / room).mkdir()
        doc = _wrap(f'"""{what[0].upper() + what[1:]}."""', "", "")
        (PACKAGE / room / "__init__.py").write_text("\n".join(doc) + "\n", encoding="utf-8")
        for module in modules:
            git("mv", f"sitegen/{module}.py", f"sitegen/{room}/{module}.py")
    text = _patterns(table)
    changed = []
    for path in tracked:
        if not path or path.startswith(NOT_REWRITTEN):
            continue
        in_package = path.startswith("sitegen/") and path.endswith(".py")
        old_module, is_package = _module_of(path) if in_package else (None, False)
        where = table[old_module].replace(".", "/") + ".py" if old_module in table else path
        file = REPO / where
        if not file.is_file() or file.is_symlink():
            continue
        try:
            source = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if path == "tests/test_architecture.py":  # already in the rooms' names
            new = _test_block(source)
        elif path.endswith(".py"):
            new = rewrite_python(source, old_module, is_package, packages, table)
            if old_module in table:
                new = _file_paths(new, path)
            if in_package:
                new = _wrap_long_lines(_cache_versions(new), source, where)
        elif path.startswith("themes/"):  # template comments only: the theme's bytes are the site's output
            new = re.sub(r"\{#.*?#\}", lambda m: text(m.group(0)), source, flags=re.S) if path.endswith(".html") \
                else source
        else:
            new = text(source)
        if path in SENTENCES:
            pattern, sentence = SENTENCES[path]
            new, found = re.subn(pattern, sentence, new)
            if not found:
                print(f"rooms: {path}: its sentence about modules and stages changed; say rooms there by hand")
        if path == "pyproject.toml":
            new = _pyproject(new)
        elif path == "docs/architecture.md":
            new = _architecture(new, rules.ROOMS)
        elif path == "CONTRIBUTING.md":
            new = _contributing(new, rules.ROOMS)
        if new != source:
            file.write_text(new, encoding="utf-8")
            changed.append(where)
    for path in changed:
        if path.endswith(".py"):
            try:
                ast.parse((REPO / path).read_text(encoding="utf-8"), path)
            except SyntaxError as error:
                sys.exit(f"rooms: {path} does not parse after the rewrite ({error}); undo with "
                         "`git reset --hard && git clean -fd sitegen`")
    (PACKAGE / "themes").symlink_to(Path("..") / "themes", target_is_directory=True)
    _sorted_imports([p for p in changed if p.startswith("sitegen/") and p.endswith(".py")]
                    + [f"sitegen/{room}/__init__.py" for room in ROOMS])
    git("rm", "-q", "tools/rooms.py")
    git("add", "-A", "sitegen", *changed)
    print(f"rooms: {sum(len(m) for _, m in ROOMS.values())} modules moved into {len(ROOMS)} rooms, "
          f"{len(changed)} files rewritten, all staged (git diff --cached):")
    print("  " + "\n  ".join(changed))
    print("then: pip install --no-deps -e . ; the README's test command ; git commit")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="say what would move and check the rules; change nothing")
    parser.add_argument("--put", action="append", default=[], metavar="MODULE=ROOM",
                        help="a module ROOMS does not place (one added since), e.g. --put searchcache=index")
    args = parser.parse_args()
    for put in args.put:
        module, _, room = put.partition("=")
        if room not in ROOMS or not module.isidentifier():
            sys.exit(f"rooms: --put {put}: expected MODULE=ROOM, ROOM one of {', '.join(ROOMS)}")
        for _, modules in ROOMS.values():
            if module in modules:
                modules.remove(module)
        ROOMS[room][1].append(module)
    run(args.check)


if __name__ == "__main__":
    main()
