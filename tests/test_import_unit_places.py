"""Issue 17, items 1-2: a unit list's shared prefix and suffix against the places a name carries of its own, and a
name ending in a role word (units6). The gold's rules (tests/importer_corpus/real/README.md, "units"): a shared
prefix is distributed, but not onto a name with a place of its own; a shared suffix is distributed over the bare
places before it. The names here are made up in the shapes real lists print (no name of a held-out vocabulary)."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks
from sitegen.importer.items import Unit
from sitegen.importer.units import keep_own_places, parse_group


def names(text):
    return [u.name for u in parse_group(text)]


def _notice(government: str, line: str) -> str:
    return "\n".join([f"{government}人民政府办公室关于印发重点工作任务分解方案的通知", "各有关单位：",
                      "现将任务分解方案印发给你们，请认真贯彻落实。", f"{government}人民政府办公室", "2024年3月1日",
                      "一、稳定经济增长", line]) + "\n"


@pytest.mark.parametrize("line, expected", [
    # the notice's own place, or its parent's, before a body: that place's own (no 县青禾交警大队)
    ("1.扎实做好安全生产工作。（责任单位：县发改局、财政局、青禾交警大队）", ["县发改局", "县财政局", "青禾交警大队"]),
    ("1.扎实做好安全生产工作。（责任单位：县发改局、财政局、白岭运管处）", ["县发改局", "县财政局", "白岭运管处"]),
    # a bare body without a place takes the prefix as before
    ("1.扎实做好安全生产工作。（责任单位：县发改局、财政局、交警大队）", ["县发改局", "县财政局", "县交警大队"]),
])
def test_a_name_starting_with_a_place_of_the_notice_keeps_its_own(tmp_path, line, expected):
    result = import_text(_notice("青禾县", line), tmp_path, stem="places", force=True, jurisdiction="青禾县",
                         parent="白岭市")
    assert [u["name"] for u in next(iter_tasks(result.data))["units"]] == expected


def test_a_place_of_one_character_says_too_little():
    unit = Unit(name="县禾交警大队", printed="禾交警大队")
    keep_own_places([unit], ["禾县"])
    assert unit.name == "县禾交警大队"
    keep_own_places([unit], ["禾城县"])  # (a stem it does not start with)
    assert unit.name == "县禾交警大队"


@pytest.mark.parametrize("text, expected", [
    # a zone is a place of its own, whatever the words before the zone's word
    ("县发改局、财政局、城乡统筹示范区", ["县发改局", "县财政局", "城乡统筹示范区"]),
    ("区发改局、财政局、明月湖风景区管理处", ["区发改局", "区财政局", "明月湖风景区管理处"]),
    ("区发改局、财政局、白马湖生态园管委会", ["区发改局", "区财政局", "白马湖生态园管委会"]),
    ("市发改委、财政局、城东广场管委会", ["市发改委", "市财政局", "城东广场管委会"]),
    ("县发改局、财政局、青山林场", ["县发改局", "县财政局", "青山林场"]),
    # a zone named by what it is, not where, is the notice's own
    ("县发改局、财政局、国有林场", ["县发改局", "县财政局", "县国有林场"]),
])
def test_a_zone_keeps_its_own_place(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("县发改局、柳林、杨河镇政府", ["县发改局", "柳林镇政府", "杨河镇政府"]),
    ("县财政局、东关、西关街道办事处", ["县财政局", "东关街道办事处", "西关街道办事处"]),
    ("縣發改局、財政局、柳林、楊河鎮人民政府", ["縣發改局", "縣財政局", "柳林鎮人民政府", "楊河鎮人民政府"]),
    ("县民政局、北岭、南岭、石桥乡人民政府", ["县民政局", "北岭乡人民政府", "南岭乡人民政府", "石桥乡人民政府"]),
    # the rules already kept: a printed 区 shares the suffix, a bare stem takes 市 with it
    ("市发改委、长清区、历城区政府", ["市发改委", "长清区政府", "历城区政府"]),
    ("省发改委、哈尔滨、黑河、绥芬河市政府", ["省发改委", "哈尔滨市政府", "黑河市政府", "绥芬河市政府"]),
])
def test_bare_townships_before_a_township_government_share_its_suffix(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 政协办 (the 政协's office) ends in the role word 协办 and is no 政 + 协办
    ("(区林业局牵头,区妇联、区政协办、区中心医院配合)",
     [("区林业局", "牵头"), ("区妇联", "配合"), ("区政协办", "配合"), ("区中心医院", "配合")]),
    ("(区林业局牵头,区妇联、區政協辦、区中心医院配合)",
     [("区林业局", "牵头"), ("区妇联", "配合"), ("區政協辦", "配合"), ("区中心医院", "配合")]),
    ("(县发改局牵头,县财政局协办)", [("县发改局", "牵头"), ("县财政局", "协办")]),  # (协办 a role still)
])
def test_the_office_of_the_cppcc_is_no_role_word(text, expected):
    from sitegen.importer.attribution import parse
    assert [(u.name, u.role) for u in parse(text).units] == expected
