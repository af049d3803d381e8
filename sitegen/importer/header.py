"""The notice's header: title, 文号, issuer, dates and validity, from any header style.

Styles seen: 【发文字号】value (法规库), "文  号: value 索 引 号: …" several labels on
one line (政府信息公开目录), a title line with the 文号 in front or in brackets,
and the title repeated or broken over lines. The header ends at the salutation
(各县区人民政府,市政府各部门:).
"""

from __future__ import annotations

import re
from datetime import date

from .items import Header
from .text import Line, clean
from .variants import compile_both, simplified

FIELDS = {
    "title": ["名称", "标题", "文件名称"],
    "doc_number": ["文号", "发文字号", "发文文号"],
    "issuer": ["发布机构", "发布部门", "发文机关", "发文单位", "制发机关", "发布单位"],
    "published": ["发布日期", "公开日期", "成文日期", "发文日期", "印发日期", "发布时间"],
    "effective": ["实施日期", "生效日期", "施行日期"],
    "validity": ["时效性", "有效性", "效力状态", "时效"],
    "furniture": ["索引号", "信息分类", "主题分类", "法规类别", "效力级别", "公开方式", "公开范围",
                  "时间", "来源", "分类", "体裁分类", "组配分类", "主题词", "信息来源", "发布机关代码", "生成日期"],
}
PORTAL_DATES = {"公开日期"}  # when a portal put the notice online, not when it was issued: shown with its label
VALIDITY_WORDS = {"现行有效", "有效", "失效", "已失效", "废止", "已废止", "部分失效", "已修改"}
_ALL = sorted(((lab, key) for key, labs in FIELDS.items() for lab in labs), key=lambda x: -len(x[0]))
_LAB = "|".join(r"\s*".join(map(re.escape, lab)) for lab, _ in _ALL)
LABEL = compile_both(rf"【\s*(?P<a>{_LAB})\s*】|(?<![\u4e00-\u9fff])(?P<b>{_LAB})\s*(?:[::]|[|｜](?=.*\S))")
BULLETS = " •·●▪◆◇■□○-|｜"  # a catalogue printed as a list (• 索引号:…) or as | cells: the marks are no text
DOC_NUMBER = compile_both(r"[\u4e00-\u9fff]{2,12}[〔\[(【(]\s*\d{4}\s*[〕\])】)]\s*\d{1,4}\s*号")
DATE = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?")
SIGNATURE_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
EMPTY_BRACKETS = re.compile(r"[((]\s*[))]")
ORG = compile_both(r"^[\u4e00-\u9fff]{2,30}"
                   r"(人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|政府|办公厅|办公室|委员会)$"
                   r"|^国务院$")  # the State Council signs with its name alone
SALUTATION_HINT = compile_both(r"各|政府|部门|单位|办事处|机构")
TITLE_END = compile_both(r"(通知|意见|方案|决定|通报|函|办法|安排|分解|清单|分工|计划)》?$")


def _key(label: str) -> str:
    plain = simplified(re.sub(r"\s+", "", label))
    return next(key for lab, key in _ALL if lab == plain)


def find_salutation(lines: list[Line], limit: int = 40) -> int | None:
    for i, line in enumerate(lines[:limit]):
        text = line.text
        if text.endswith((":", ":")) and 6 <= len(text) <= 100 and SALUTATION_HINT.search(text) \
                and not LABEL.search(text) and ("各" in text or "," in text or "," in text or "、" in text):
            return i
    return None


def to_iso(text: str) -> str | None:
    m = DATE.search(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def parse_header(lines: list[Line]) -> tuple[Header, list[tuple[str, Line]], list[tuple[int, str]]]:
    """Header from the lines before the salutation.

    Returns the header, the pieces of text it took (for coverage) and the
    catalogue fields dropped as furniture (索引号, 主题分类 …).
    """
    header = Header()
    pieces: list[tuple[str, Line]] = []
    dropped: list[tuple[int, str]] = []
    titles: list[str] = []
    numbers: list[str] = []
    for line in lines:
        raw = line.raw or line.text  # labels are told apart by the spaces between them
        matches = list(LABEL.finditer(raw))
        if matches:
            lead = clean(raw[:matches[0].start()]).strip(BULLETS)
            if lead:
                titles.append(lead)
                pieces.append((lead, line))
            for i, m in enumerate(matches):
                end = matches[i + 1].start() if i + 1 < len(matches) else len(raw)
                value = clean(raw[m.end():end]).strip(BULLETS)
                key = _key(m.group("a") or m.group("b"))
                if key == "published" and value and not header.published:
                    label = simplified(re.sub(r"\s+", "", m.group("a") or m.group("b")))
                    header.date_label = label if label in PORTAL_DATES else None
                _field(header, key, value, titles, numbers)
                if key == "furniture" and simplified(value) not in VALIDITY_WORDS:
                    dropped.append((line.nos[0], clean(raw[m.start():end])))
                elif value:
                    header.printed.append(value)
                    pieces.append((value, line))
            continue
        text = line.text
        for m in DOC_NUMBER.finditer(text):
            numbers.append(m.group(0))
            pieces.append((m.group(0), line))
        # (南经管发〔2020〕81号) after a title leaves its empty brackets; a title's own (1-11月) keeps its )
        rest = EMPTY_BRACKETS.sub("", DOC_NUMBER.sub("", text)).strip()
        if rest:
            titles.append(rest)
            pieces.append((rest, line))
    header.title = _best_title(titles)
    header.doc_number = _best_number(numbers)
    return header, pieces, dropped


def _field(header: Header, key: str, value: str, titles: list[str], numbers: list[str]) -> None:
    if not value:
        return
    if simplified(value) in VALIDITY_WORDS and key in ("validity", "furniture"):
        header.validity = header.validity or value
    elif key == "title":
        titles.insert(0, "\0" + value)  # a labelled title wins
    elif key == "doc_number":
        numbers.append(value)
    elif key == "issuer":
        header.issuer_label = value
    elif key in ("published", "effective"):
        iso = to_iso(value)
        if iso and not getattr(header, key):
            setattr(header, key, iso)
    elif key == "validity":
        header.validity = header.validity or value


def _best_title(titles: list[str]) -> str:
    labelled = [t[1:] for t in titles if t.startswith("\0")]
    if labelled:
        return _unwrap(labelled[0])
    candidates = [_unwrap(t) for t in _rejoined(titles)]
    good = [t for t in candidates if "关于" in simplified(t) or TITLE_END.search(t)]
    return max(good or candidates or [""], key=len)


def _rejoined(titles: list[str]) -> list[str]:
    """A title printed over two or three lines (国务院关于促进综合保税区 / 高水平开放高质量发展的若干意见) is one:
    a line with 关于 that does not end a title runs on into the lines up to the one that does."""
    out: list[str] = []
    i = 0
    while i < len(titles):
        title, end = titles[i], i + 1
        if "关于" in simplified(title) and not TITLE_END.search(title):
            for j in range(i + 1, min(i + 3, len(titles))):
                if "关于" in simplified(titles[j]) or len(title) + len(titles[j]) > 80:
                    break
                if TITLE_END.search(titles[j]):
                    title, end = "".join(titles[i:j + 1]), j + 1
                    break
        out.append(title)
        i = end
    return out


def _unwrap(title: str) -> str:
    title = title.strip()
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        return title[1:-1]
    return title


def _best_number(numbers: list[str]) -> str | None:
    if not numbers:
        return None
    # prefer the form with 〔〕, the standard brackets of a 文号
    numbers = [re.sub(r"\s+", "", n) for n in numbers]
    return next((n for n in numbers if "〔" in n), numbers[0])


def find_signature(lines: list[Line]) -> tuple[int, str, str | None] | None:
    """(index of the organisation line, organisation, ISO date) of the first signature."""
    for i in range(len(lines) - 1):
        if ORG.match(lines[i].text) and SIGNATURE_DATE.match(lines[i + 1].text):
            return i, lines[i].text, to_iso(lines[i + 1].text)
    return None


_PRINTED = compile_both(r"关于(?:印发|下达|分解)(?P<inner>.+?)的通知")


def short_title(title: str, place: str | None) -> str | None:
    """关于印发X的通知 -> X, with 《》 dropped and the government's name in front when X lacks it
    (济南市…关于印发2017年《政府工作报告》重点工作部门分工方案的通知 -> 济南市2017年政府工作报告重点工作部门分工方案).
    None when the title has no such form: a short title is only derived, never invented."""
    match = _PRINTED.search(title or "")
    if not match:
        return None
    inner = re.sub(r"[《》〈〉<>“”\"]", "", match.group("inner")).strip()
    if not place or place in inner:
        return inner or None
    if inner.startswith(place[-1]):  # 市七届人大… in a 鄂州市 notice: the 市 is 鄂州市
        return place + inner[1:]
    return place + inner
