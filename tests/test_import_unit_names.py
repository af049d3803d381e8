"""Issue 17, items 1-2: unit names of kinds the splitter was not tuned with, one general rule each (learned from the
tuning names of tests/importer_unitvocab_tuning.yaml, never from the held-out ones). Each list is written here in
the shape real member-unit lists print it; the last test imports one through the public path."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks
from sitegen.importer.units import looks_like_unit, parse_group, split_groups


def names(text):
    return [u.name for group in split_groups(text) for u in parse_group(group)]


@pytest.mark.parametrize("text, expected", [
    # 旗 and 盟 are the county and the prefecture of 内蒙古: a list prints them once and shares them
    ("旗人大、劳动和社会保障局、交警大队", ["旗人大", "旗劳动和社会保障局", "旗交警大队"]),
    ("盟发改委、财政局", ["盟发改委", "盟财政局"]),
])
def test_banner_and_league_levels_are_shared_like_a_county(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the government or committee after 和 is the same place's: one unit as printed
    ("市档案局、各县(市、区)党委和人民政府等有关部门", ["市档案局", "各县(市、区)党委和人民政府", "有关部门"]),
    ("县社科联/高新区党工委和管委会/县住建局", ["县社科联", "高新区党工委和管委会", "县住建局"]),
    # (two bodies of their own are still two: 县发改局和县财政局)
    ("县发改局和县财政局", ["县发改局", "县财政局"]),
])
def test_a_body_of_the_same_place_after_and_is_no_unit_of_its_own(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an investment company's short name, a broadcaster: units, and an enterprise spells no shared prefix out
    ("区计生协会、红十字会、区交旅投、文广旅体局", ["区计生协会", "区红十字会", "区交旅投", "区文广旅体局"]),
])
def test_short_company_names_and_broadcasters_end_a_unit(text, expected):
    assert names(text) == expected
    assert looks_like_unit(text)


@pytest.mark.parametrize("text, unit", [("县教育局、县广播电视台", True), ("县城投、市交投", True),
                                        ("搭建政务服务平台", False)])
def test_a_broadcaster_or_an_investment_company_is_a_unit_a_platform_is_not(text, unit):
    assert looks_like_unit(text) is unit


@pytest.mark.parametrize("text, expected", [
    # a bank's branch named after its place is that place's own
    ("县科技局、县政协、人行祁东支行", ["县科技局", "县政协", "人行祁东支行"]),
    ("县委统战部、县科技局、人行阿荣旗支行、交运局", ["县委统战部", "县科技局", "人行阿荣旗支行", "县交运局"]),
    # (the level's own bureau's brigade is no place's: 县公安局交警大队、教体局 shares 县)
    ("县公安局交警大队、教体局", ["县公安局交警大队", "县教体局"]),
])
def test_a_bank_branch_named_after_its_place_keeps_no_shared_prefix(text, expected):
    assert names(text) == expected


def test_a_community_or_elders_university_is_the_levels_own():
    assert names("市社区大学、国税局、政协") == ["市社区大学", "市国税局", "市政协"]


def test_a_banner_notice_imports_its_lists_whole(tmp_path):
    text = ("东乌珠穆沁旗人民政府办公室关于印发重点工作任务分解方案的通知\n各苏木镇人民政府，旗直各有关单位：\n"
            "现将方案印发给你们。\n东乌珠穆沁旗人民政府办公室\n2024年3月1日\n一、稳定经济增长\n"
            "1.加快重点项目建设。（牵头单位：旗发展和改革委员会；责任单位：旗财政局、自然资源局、"
            "高新区党工委和管委会等）\n")
    result = import_text(text, tmp_path, stem="t", jurisdiction="东乌珠穆沁旗")
    (task,) = iter_tasks(result.data)
    assert [u["name"] for u in task["units"]] == [
        "旗发展和改革委员会", "旗财政局", "旗自然资源局", "高新区党工委和管委会"]


@pytest.mark.parametrize("body, units", [
    # a paragraph hard-wrapped inside the name right after 由 (…。由省委宣 / 传部牵头…)
    ("1.加快重点项目建设，确保按期建成投用。由省委宣\n传部牵头，省侨联、省直各单位等配合。",
     ["省委宣传部", "省侨联", "省直各单位"]),
    # inside a name of a / list, after 和 (县人力资源和社 / 会保障局: 社 alone ends no name there)
    ("1.完善社会保障体系。\n牵头单位：县妇联\n责任单位：县生态环境局/县人力资源和社\n会保障局/县检察院等单位",
     ["县妇联", "县生态环境局", "县人力资源和社会保障局", "县检察院"]),
    # after a whole name, a piece no name is (区政协办 / 公室, 保税区管委 / 会)
    ("1.推进城乡融合发展。\n牵头单位：区妇联\n责任单位：有关部门/区政协办\n公室/区城投集团等单位",
     ["区妇联", "有关部门", "区政协办公室", "区城投集团"]),
])
def test_a_unit_name_broken_by_a_hard_wrap_is_read_whole(tmp_path, body, units):
    head = ("某某县人民政府办公室关于印发重点工作任务分解方案的通知\n各乡镇人民政府，县直各有关单位：\n"
            "现将方案印发给你们。\n某某县人民政府办公室\n2024年3月1日\n一、稳定经济增长\n")
    result = import_text(head + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    (task,) = iter_tasks(result.data)
    assert [u["name"] for u in task["units"]] == units


def test_a_whole_name_before_a_break_stays_apart_from_a_name_after_it():
    from sitegen.importer.text import _unit_broken

    assert not _unit_broken("责任单位:县人大", "政协等单位")  # 政协 is a name of its own
    assert not _unit_broken("县公安局", "分局")  # (an ending that is a name: left as printed)
