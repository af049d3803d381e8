"""What the search page needs to widen a query, written at build time to pagefind/sitegen.json:

- a traditional -> simplified character table made from OpenCC's t2s conversion (the importer's
  dependency), so that a query typed in traditional characters finds simplified text; records are
  indexed in simplified characters (searchrecord.py), so simplified queries find traditional text too;
- synonym groups (the site's `search_synonyms`, after the defaults below): a query containing one
  word of a group is also searched with each other word in its place;
- the governments' full names, which end a unit or leader filter value in brackets when names repeat
  (searchrecord.FilterNames), so that an address carrying a bare name (?unit=市发改委) finds its values.
"""

from __future__ import annotations

import functools

# Common abbreviations of government work and what they stand for (site.yaml's search_synonyms adds to
# these; docs/content-format.md). A group: words that a reader may type for one another.
DEFAULT_SYNONYMS = (
    "棚改=棚户区改造",
    "放管服=简政放权=放管结合",
    "双创=大众创业=万众创新",
    "一网通办=一网通=网上办理",
    "最多跑一次=跑改=最多跑一次改革",
    "三农=农业农村农民",
    "医改=医药卫生体制改革",
    "医保=医疗保障=医疗保险",
    "社保=社会保障=社会保险",
    "公租房=公共租赁住房",
    "保障房=保障性住房=保障性安居工程",
    "老旧小区=老旧住宅小区",
    "规上=规模以上",
    "小升规=小微企业升规",
    "国企=国有企业",
    "民企=民营企业",
    "城管=城市管理",
    "环保=环境保护",
    "新基建=新型基础设施",
    "双招双引=招商引资=招才引智",
    "三去一降一补=去产能=去库存=去杠杆=降成本=补短板",
    "河长制=河湖长制",
    "发改委=发展改革委=发展和改革委员会",
    "人社局=人力资源和社会保障局=人力社保局",
)
# The characters OpenCC is asked about: CJK Unified Ideographs and Extension A.
_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))


@functools.cache
def _t2s() -> dict[str, str]:
    """{traditional character: simplified character}, one character each, from OpenCC's t2s."""
    import opencc

    chars = [chr(c) for low, high in _RANGES for c in range(low, high + 1)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {a: b for a, b in zip(chars, converted, strict=False) if a != b and len(b) == 1}


@functools.cache
def _translation() -> dict:
    return str.maketrans(_t2s())


def simplified(text) -> str:
    """Text with each traditional character replaced by its simplified form (character by character)."""
    return str(text).translate(_translation())


def groups(site) -> list[list[str]]:
    """The synonym groups: the defaults, then the site's, each a list of at least two distinct words."""
    out = []
    for line in DEFAULT_SYNONYMS + tuple(site.config.search_synonyms):
        words = list(dict.fromkeys(simplified(w.strip()) for w in line.split("=") if w.strip()))
        if len(words) > 1:
            out.append(words)
    return out


def table(site) -> dict:
    """pagefind/sitegen.json: {"t": traditional characters, "s": their simplified forms, "synonyms": groups,
    "governments": every government's full name, sorted}."""
    table = _t2s()
    governments = sorted({j.full_name for j in site.jurisdictions.values()})
    return {"t": "".join(table), "s": "".join(table.values()), "synonyms": groups(site), "governments": governments}
