"""Word's automatic numbering as printed: numbering.xml's numFmt, lvlText and start per level.

python-docx gives a paragraph's text without its list number (一、 1. (1) …),
which the importer needs to tell tasks from sections; this computes it the
way Word does for the formats notices use.
"""

from __future__ import annotations

from docx.oxml.ns import qn

DIGITS = "零一二三四五六七八九"
TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese(n: int) -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + DIGITS[rest] if rest < 10 else
                                     ("一" + chinese(rest) if rest < 20 else chinese(rest)))
        return DIGITS[n // 100] + "百" + tail
    return str(n)


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital", "japaneseCounting"):
        return chinese(n)
    if fmt in ("ideographTraditional",):
        return TRADITIONAL[(n - 1) % 10]
    if fmt in ("ideographZodiac",):
        return ZODIAC[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle") and 0 < n <= 20:
        return CIRCLED[n - 1]
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


def _val(element, tag: str, default=None):
    found = element.find(qn(tag)) if element is not None else None
    return found.get(qn("w:val")) if found is not None else default


class Numbering:
    """Counters of every list, advanced paragraph by paragraph in body order."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (fmt, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        self.styles: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
            for num in root.findall(qn("w:num")):
                definition = abstract.get(_val(num, "w:abstractNumId"))
                levels = {}
                for lvl in definition.findall(qn("w:lvl")) if definition is not None else []:
                    levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                        _val(lvl, "w:numFmt", "decimal"), _val(lvl, "w:lvlText", ""), int(_val(lvl, "w:start", "1")))
                for override in num.findall(qn("w:lvlOverride")):
                    ilvl = int(override.get(qn("w:ilvl"), "0"))
                    start = _val(override, "w:startOverride")
                    if start is not None and ilvl in levels:
                        fmt, text, _ = levels[ilvl]
                        levels[ilvl] = (fmt, text, int(start))
                self.levels[num.get(qn("w:numId"))] = levels
        try:
            for style in document.styles.element.findall(qn("w:style")):
                num_pr = style.find(qn("w:pPr") + "/" + qn("w:numPr"))
                if num_pr is not None:
                    self.styles[style.get(qn("w:styleId"))] = (_val(num_pr, "w:numId"),
                                                               int(_val(num_pr, "w:ilvl", "0")))
        except (AttributeError, KeyError, ValueError):
            pass

    def label(self, p) -> str:
        """The number printed before paragraph element p, or ''."""
        ppr = p.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id, ilvl = (None, 0)
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, "w:numId"), int(_val(num_pr, "w:ilvl", "0") or 0)
        elif ppr is not None and _val(ppr, "w:pStyle") in self.styles:
            num_id, ilvl = self.styles[_val(ppr, "w:pStyle")]
        levels = self.levels.get(num_id) if num_id not in (None, "0") else None
        if num_id is None or not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return ""
        for k in range(9):
            if f"%{k + 1}" in text:
                value = counters.get(k, levels.get(k, ("decimal", "", 1))[2])
                text = text.replace(f"%{k + 1}", format_number(value, levels.get(k, ("decimal",))[0]))
        return text
