"""Errors that carry a message for people; the CLI turns them into exit codes."""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located precisely enough to fix."""

    file: str
    line: int = 0
    column: int = 0
    field: str = ""
    message: str = ""
    hint: str = ""
    severity: str = "error"  # "error" or "warning"

    def annotation(self) -> str:
        """A GitHub Actions workflow command: shows on the offending file and line."""
        kind = "error" if self.severity == "error" else "warning"
        message = f"{self.field}: {self.message}" if self.field else self.message
        if self.hint:
            message += f" — {self.hint}"
        where = f"file={_property(self.file)}"
        if self.line:
            where += f",line={self.line}"
        if self.column:
            where += f",col={self.column}"
        return visible(f"::{kind} {where}::{_data(message)}")

    def format(self) -> str:
        where = self.file.replace("\n", "\\n")  # a file name is one line
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        text = f"{where}: {self.severity}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.hint:
            text += f" — {self.hint}"
        return visible(text)


# GitHub's workflow commands (::error file=…::message): the message escapes % CR LF, a property also : and ,
# (actions/toolkit's escapeData and escapeProperty); otherwise a file name with a newline forges a command.
def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


# Control characters from content (a file name, a value quoted in a message) printed to a terminal would
# move the cursor, rewrite the line (CR) or run escape sequences (ESC): shown as visible escapes instead.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Text for a terminal or a log: control characters but tab and newline written as \\xNN."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text) if _CONTROLS.search(text) else text


class SitegenError(Exception):
    """An error for people: printed without a traceback, exit status 1."""

    exit_code = 1


class ContentError(SitegenError):
    """The content has problems; all of them are listed."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in the content")

    def report(self, style: str = "text") -> str:
        lines = [p.annotation() if style == "github" else p.format() for p in self.problems]
        lines.append(str(self))
        return "\n".join(lines)


@dataclass
class Problems:
    """Collects problems over a whole run so all are reported at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file, line=0, column=0, field="", message="", hint="", severity="error"):
        self.items.append(Problem(str(file), line, column, field, message, hint, severity))

    def warn(self, file, line=0, column=0, field="", message="", hint=""):
        self.add(file, line, column, field, message, hint, "warning")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def raise_if_errors(self, strict: bool = False) -> None:
        if self.errors or (strict and self.warnings):
            items = self.items
            if strict:
                items = [dataclasses.replace(p, severity="error") for p in items]
            raise ContentError(items)


def did_you_mean(word: str, choices, cutoff: float = 0.5) -> str:
    """A hint naming the closest choice, or an empty string."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=cutoff)
    return f"did you mean {close[0]}?" if close else ""


def rel(path: Path, root: Path) -> str:
    """A path as people see it: relative to the site when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path(root).resolve()))
    except ValueError:
        return str(path)
