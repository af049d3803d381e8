"""Pinyin glosses a mirror site inserts after characters (發(fā), 區(qū)), read around.

The gloss breaks every word the importer looks for (責(zé)任單位, 序號(hào)), so a text
with such glosses is parsed without them; what the parse keeps (task texts,
unit names, headings, titles) is then given its glosses back, so the content
keeps the names as printed (區(qū)住建局), like any other printed form.
"""

from __future__ import annotations

import re

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
BODY = rf"[((](?=[a-zü{TONED}]*[{TONED}])[a-zü{TONED}]{{1,7}}[))]"
GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff]){BODY}")
MIN_GLOSSES = 3  # one (fā) may be a quotation; a mirror glosses dozens
WIDE = {"(": "(（", ")": ")）", ":": ":：", ";": ";；", ",": ",，", "!": "!！", "?": "?？", "[": "[［", "]": "]］"}


def strip(text: str) -> tuple[str, Restorer | None]:
    """The text without glosses, and what gives them back (None when there are none to speak of)."""
    found = GLOSS.findall(text)
    if len(found) < MIN_GLOSSES:
        return text, None
    return GLOSS.sub("", text), Restorer(text)


class Restorer:
    def __init__(self, original: str):
        self.text = original
        self.glossed = {original[m.start() - 1] for m in GLOSS.finditer(original)}
        self.cache: dict[str, str] = {}

    def __call__(self, value):
        if not isinstance(value, str) or not value or not any(c in self.glossed for c in value):
            return value
        if value not in self.cache:
            self.cache[value] = self._restore(value)
        return self.cache[value]

    def _restore(self, value: str) -> str:
        """value as printed; a text the parse joined from cells printed apart (a name, then its unit,
        then its content) is given back piece by piece, each the longest run printed in one place."""
        out, rest = [], value
        while rest:
            whole = self._match(rest)
            if whole is not None:
                out.append(whole)
                break
            low, high = 0, len(rest)  # the longest prefix printed in one piece: low matches, high does not
            while high - low > 1:
                middle = (low + high) // 2
                if self._match(rest[:middle]) is not None:
                    low = middle
                else:
                    high = middle
            if low == 0:
                out.append(rest[0])
                rest = rest[1:]
            else:
                piece = self._match(rest[:low])
                assert piece is not None  # rest[:low] matched above
                out.append(piece)
                rest = rest[low:]
        return "".join(out)

    def _match(self, value: str) -> str | None:
        parts = []
        for ch in value:
            if ch.isspace():
                parts.append(r"\s*")
                continue
            piece = f"[{re.escape(WIDE[ch])}]" if ch in WIDE else re.escape(ch)
            if ch in self.glossed:
                piece += f"({BODY})?"
            parts.append(piece + r"\s*")
        match = re.search("".join(parts), self.text)
        if not match:
            return None
        groups = iter(match.groups())
        return "".join(ch + ((next(groups) or "") if ch in self.glossed and not ch.isspace() else "")
                       for ch in value)


def restore_parsed(parsed, restore: Restorer) -> None:
    """Give the glosses back to what the parse keeps of the text."""
    header = parsed.header
    for field in ("title", "issuer"):
        if hasattr(header, field):
            setattr(header, field, restore(getattr(header, field)))
    for att in parsed.attachments:
        att.title = restore(att.title)
        att.preamble = [restore(p) for p in att.preamble]
        _sections(att.sections, restore)
        _tasks(att.tasks, restore)


def _sections(sections, restore) -> None:
    for section in sections:
        section.heading = restore(section.heading)
        section.text = [restore(t) for t in section.text]
        for unit in section.lead_units:
            unit.name, unit.printed = restore(unit.name), restore(unit.printed)
        _sections(section.sections, restore)
        _tasks(section.tasks, restore)


def _tasks(tasks, restore) -> None:
    for task in tasks:
        task.title = restore(task.title)
        task.text = restore(task.text)
        task.deadline = restore(task.deadline)
        task.leader = restore(task.leader)
        task.attribution = restore(task.attribution)
        task.notes = [restore(n) for n in task.notes]
        for unit in task.units:
            unit.name, unit.printed = restore(unit.name), restore(unit.printed)
