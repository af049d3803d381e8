"""Which government a notice belongs to: inferred from the issuer, or given by id or name.

`--jurisdiction` takes an id already in content/jurisdictions.yaml or a name
(桐庐县). A name not yet registered becomes a new jurisdiction: a pinyin id,
its level from the name's suffix, and a parent from `--parent` (id or name),
from the issuer's own place chain (杭州市桐庐县人民政府) or from the small
gazetteer; without any of these it is added without a parent and the review
report says so, since a wrong parent would misfile the notice on the site.
"""

from __future__ import annotations

import re

from ..core.errors import SitegenError
from .items import Header
from .jurisdiction import CITY_PROVINCE, LEVEL_OF_SUFFIX, MUNICIPALITIES, chain_for, places_in, slug_for
from .registry import Jurisdictions
from .variants import simplified

NAME = re.compile(r"^[\u4e00-\u9fff]{2,20}$")
TOWN = ("镇", "乡", "街道")
NATIONAL = ("国务院", "中华人民共和国", "中国", "全国", "中央人民政府")


def decide(header: Header, jurisdictions: Jurisdictions, given: str | None, parent: str | None,
           source_name: str, warnings: list[str]) -> str:
    """The jurisdiction id of the notice, adding what is missing to the registry."""
    chain = _issuer_chain(header)
    if given:
        return _given(given, chain, jurisdictions, parent, warnings)
    if not chain:
        raise SitegenError(f"{source_name}: cannot tell which government issued it (issuer: "
                           f"{header.issuer or 'none found'}); pass --jurisdiction with its id or name (桐庐县)")
    if parent and len(chain) == 1:
        return _under_parent(chain[0]["name"], parent, jurisdictions)
    return jurisdictions.ensure_chain(chain)[-1]


def _issuer_chain(header: Header) -> list[dict]:
    places = next((p for p in (places_in(header.issuer or ""), places_in(header.issuer_label or ""),
                               places_in(header.title)) if p), [])
    if not places and any(simplified(t or "").startswith("国务院") for t in (header.issuer, header.issuer_label,
                                                                          header.title)):
        return [{"name": "国务院", "level": "national"}]  # the State Council: the national government
    return chain_for(places)


def _given(given: str, chain: list[dict], jurisdictions: Jurisdictions, parent: str | None,
           warnings: list[str]) -> str:
    if jurisdictions.by_id(given):
        return given
    if chain and slug_for(chain[-1]["name"]) == given:
        return jurisdictions.ensure_chain(chain)[-1]
    if not NAME.match(given):
        raise SitegenError(f"--jurisdiction {given}: not an id in content/jurisdictions.yaml nor a government's "
                           "name; give an id from that file or a name such as 桐庐县")
    known = _by_name(given, jurisdictions)
    if known:
        return known
    if parent:
        return _under_parent(given, parent, jurisdictions)
    names = [link["name"] for link in chain]
    if given in names:  # the issuer's own chain places it (杭州市桐庐县人民政府)
        return jurisdictions.ensure_chain(chain[:names.index(given) + 1])[-1]
    own = _chain_of(given)
    if len(own) == 1 and own[0]["level"] not in ("province", "national"):
        warnings.append(f"jurisdiction {given} was added without a parent government; add `parent:` to it "
                        "in content/jurisdictions.yaml or import again with --parent")
    return jurisdictions.ensure_chain(own)[-1]


def _by_name(name: str, jurisdictions: Jurisdictions) -> str | None:
    found = [j for j in jurisdictions.items if j.get("name") in (name, simplified(name))]
    return found[0]["id"] if len(found) == 1 else None


def _under_parent(name: str, parent: str, jurisdictions: Jurisdictions) -> str:
    parent_id: str | None
    if jurisdictions.by_id(parent):
        parent_id = parent
    else:
        parent_id = _by_name(parent, jurisdictions)
        if parent_id is None:
            if not NAME.match(parent):
                raise SitegenError(f"--parent {parent}: not an id in content/jurisdictions.yaml nor a "
                                   "government's name")
            parent_id = jurisdictions.ensure_chain(_chain_of(parent))[-1]
    return jurisdictions.add_under(name, level_of(name), parent_id)


def _chain_of(name: str) -> list[dict]:
    """桐庐县 -> [桐庐县]; 绍兴市 -> [浙江省, 绍兴市] (the gazetteer knows the province of a city)."""
    link = {"name": name, "level": level_of(name)}
    province = CITY_PROVINCE.get(simplified(name))
    return [{"name": province, "level": "province"}, link] if province else [link]


def level_of(name: str) -> str:
    """The level a government's name says: 省/自治区 province, 市/州/盟 city, 区 district, 县/旗 county."""
    plain = simplified(name)
    if plain in NATIONAL:
        return "national"
    if plain in MUNICIPALITIES:
        return "province"
    if plain.endswith(TOWN):
        return "town"
    found = next((level for suffix, level in LEVEL_OF_SUFFIX if plain.endswith(suffix)), None)
    if found is None:
        raise SitegenError(f"{name}: cannot tell the level of this government from its name; add it to "
                           "content/jurisdictions.yaml (id, name, parent, level) and pass its id")
    return found
