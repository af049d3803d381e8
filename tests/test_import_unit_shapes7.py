"""Issue 17, items 1-2: unit lists in the shapes the held-out vocabularies showed the splitter reading wrong (branch
units7): 等 before a collective whose 各 stands inside it or before a body's members, a role-less clause between
role clauses, 政协办 before a role word's place. The names are made up in the shapes real lists print (no name of a
held-out vocabulary)."""

from __future__ import annotations

import pytest

from sitegen.importer.attribution import is_attribution, parse
from sitegen.importer.units import kind_of, looks_like_unit, parse_group, split_groups


def names(text):
    return [u.name for group in split_groups(text) for u in parse_group(group)]


def units(attribution):
    return [(u.name, u.role) for u in parse(attribution).units]


@pytest.mark.parametrize("text, expected", [
    # 等 before a collective whose 各 stands after a level or a body: the collective is a unit of its own
    ("县人武部、柏树镇人民政府等县属各重点企业", ["县人武部", "柏树镇人民政府", "县属各重点企业"]),
    ("区档案局等区直各单位", ["区档案局", "区直各单位"]),
    # … and before a body's members, which spell no prefix out for the names before them
    ("区水务局、统计局等区防汛指挥部成员单位", ["区水务局", "区统计局", "区防汛指挥部成员单位"]),
    # 等 before a collective after names the vocabulary does not know: the list is read by its shape
    ("团区委/区人大机关/柏树镇等相关单位", ["团区委", "区人大机关", "柏树镇", "相关单位"]),
])
def test_a_collective_after_etc_is_a_unit_of_its_own(text, expected):
    assert names(text) == expected


def test_a_sentence_with_each_inside_is_no_collective():
    assert kind_of("县属各重点企业") == "collective" and kind_of("区政府各委、办、局") == "collective"
    assert not looks_like_unit("落实各项措施") and not looks_like_unit("加强各类监管")


def test_the_members_of_a_body_take_the_lists_prefix_when_printed_bare():
    # (not a collective: 市发改委、创卫工作领导小组成员单位 is the city's)
    assert names("市发改委、创卫工作领导小组成员单位") == ["市发改委", "市创卫工作领导小组成员单位"]


def test_the_office_of_the_cppcc_before_a_joiner_is_no_role_word():
    # 政协办 ends as the role word 协办 does: after 及 it is still a name (省政协办)
    assert names("省发改委及政协办") == ["省发改委", "省政协办"]


def test_a_clause_without_a_role_word_after_a_role_clause_is_read_by_its_shape():
    # 由X牵头,Y,Z配合: Y is part of the list 配合 ends, whatever its ending
    text = "由省林业厅牵头,省水利厅,省人大机关,省统计局配合"
    assert is_attribution(text)
    assert units(text) == [("省林业厅", "牵头"), ("省水利厅", "配合"), ("省人大机关", "配合"), ("省统计局", "配合")]


def test_a_shape_read_clause_without_a_role_after_it_stays_a_note():
    result = parse("(县财政局牵头,县人大机关)")
    assert [u.name for u in result.units] == ["县财政局"] and result.notes == ["县人大机关"]


@pytest.mark.parametrize("text, expected", [
    # levels alone before the bodies stationed in a place: one collective, however many levels
    ("县发改局,中央、省、市驻县各单位", ["县发改局", "中央、省、市驻县各单位"]),
    ("各县区政府,中央、省属驻市企事业单位", ["各县区政府", "中央、省属驻市企事业单位"]),
    # a body named by its kind alone after a 各: one more kind of the same collective
    ("各社区、区政府各委、办、局", ["各社区", "区政府各委、办、局"]),
    ("县人民政府各部门、单位", ["县人民政府各部门、单位"]),
    # … but a collective with 各 of its own is a unit of its own (the gold's 市政府各部门、各直属单位)
    ("市人民政府各部门、各直属机构", ["市人民政府各部门", "各直属机构"]),
    # 特区 is a level as 县 and 区 are
    ("各县、市、特区、区人民政府", ["各县、市、特区、区人民政府"]),
    # the units stationed in a place take no prefix
    ("区档案局、统计局、驻区垂管单位", ["区档案局", "区统计局", "驻区垂管单位"]),
])
def test_a_collective_printed_with_its_own_separators_is_one_unit(text, expected):
    assert names(text) == expected


def test_a_list_holding_such_a_collective_is_a_unit_list():
    assert looks_like_unit("县发改局、中央、省、市驻县各单位") and looks_like_unit("区政府各委、办、局")


HEAD = "青禾县人民政府办公室关于印发重点工作任务分解方案的通知\n各有关单位：\n现印发给你们。\n青禾县人民政府办公室\n2024年3月1日\n一、稳定经济增长\n"


def imported_units(body, tmp_path):
    from sitegen.importer import import_text
    from sitegen.importer.content import iter_tasks

    result = import_text(HEAD + body, tmp_path, stem="x", force=True, jurisdiction="青禾县", parent="白岭市")
    return [[u["name"] for u in t.get("units") or []] for t in iter_tasks(result.data)]


def test_a_list_broken_after_a_level_alone_goes_on_on_the_next_line(tmp_path):
    # (a PDF's width broke the name after its level: 县 / 经济开发区管委会)
    body = ("1.加快重点项目建设。\n牵头单位：县发改局\n责任单位：县人大常委会办公室、柏树街道、县\n经济开发区管委会、医保局等\n"
            "2.推进城乡融合发展。由县委统战部牵头,青禾电信分公司、县\n司法局、县侨联等县直有关部门配合。\n")
    assert imported_units(body, tmp_path) == [
        ["县发改局", "县人大常委会办公室", "柏树街道", "县经济开发区管委会", "县医保局"],
        ["县委统战部", "青禾电信分公司", "县司法局", "县侨联", "县直有关部门"]]


def test_an_ending_alone_on_the_next_line_ends_the_name_before_it(tmp_path):
    # (县城投 / 集团: 集团 names no unit; 有關部 / 門 in traditional characters too)
    body = ("1.扎实做好安全生产工作。由县中医院牵头,县城投\n集团等相关单位配合。\n"
            "2.推进城乡融合发展。由縣衛健局牽頭,縣委政研室、有關部\n門配合。\n")
    assert imported_units(body, tmp_path) == [["县中医院", "县城投集团", "相关单位"],
                                             ["縣衛健局", "縣委政研室", "有關部門"]]
