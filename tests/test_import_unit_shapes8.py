"""Issue 17, items 1-2: unit lists and attributions in the shapes the unit generator's vocabularies (main, tuning and
the first three held-out ones, no longer held out) showed read wrong (branch units8): a collective of levels with
、 inside (各省、自治区、直辖市人民政府), a count recapping the list (…等3个牵头部门), a shared suffix given to
a name that is not a bare place, two labelled fields in one bracket parted by a wide gap (read as two table
columns), and hard wraps inside a name with a level in brackets or after a short 各… collective. The names are made
up in the shapes real lists print (no name of a held-out vocabulary)."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks
from sitegen.importer.rows import split_row
from sitegen.importer.text import UNIT_TAIL, _unit_broken
from sitegen.importer.units import parse_group, split_groups

HEAD = ("白岭市人民政府办公室关于印发2024年重点工作任务分解方案的通知\n各有关单位：\n"
        "现将任务分解方案印发给你们，请认真贯彻落实。\n白岭市人民政府办公室\n2024年3月1日\n附件\n"
        "2024年重点工作任务分解方案\n一、稳定经济增长\n")


def names(text):
    return [u.name for group in split_groups(text) for u in parse_group(group)]


def imported(tmp_path, body):
    result = import_text(HEAD + body, tmp_path, stem="shapes8", force=True, jurisdiction="白岭市", parent="山东省")
    return [[(u["name"], u.get("role")) for u in task.get("units") or []] for task in iter_tasks(result.data)]


@pytest.mark.parametrize("group, expected", [
    # levels after a 各, the last with the body they share: one collective, like 各县、市、区政府
    ("各省、自治区、直辖市人民政府、国务院各部委", ["各省、自治区、直辖市人民政府", "国务院各部委"]),
    ("各州、市人民政府、省直各部门", ["各州、市人民政府", "省直各部门"]),
])
def test_levels_after_each_are_one_collective(group, expected):
    assert names(group) == expected


def test_a_count_after_etc_recaps_the_list_and_is_no_unit():
    assert names("县委组织部、县委宣传部、县人社局等3个牵头部门") == ["县委组织部", "县委宣传部", "县人社局"]
    assert names("县发改局、县财政局等2个单位") == ["县发改局", "县财政局"]
    # (a counted collective of its own, not after 等, stays)
    assert names("县发改局、13个乡镇") == ["县发改局", "13个乡镇"]


@pytest.mark.parametrize("group, expected", [
    # a zone before townships sharing a suffix keeps its name (not 青松林场街道办事处)
    ("县财政局、青松林场、东关、南关街道办事处", ["县财政局", "青松林场", "东关街道办事处", "南关街道办事处"]),
    # a zone ending in 区 before townships' governments is no county (not 白岭高新区人民政府)
    ("县财政局、白岭高新区、柳林、杨河镇人民政府", ["县财政局", "白岭高新区", "柳林镇人民政府", "杨河镇人民政府"]),
    # a body before a zone's committee takes no 管委会 (not 市人大机关管委会)
    ("市发改委、人大机关、滨河新区管委会", ["市发改委", "市人大机关", "滨河新区管委会"]),
    # what did share them still does
    ("长清区、历城区政府", ["长清区政府", "历城区政府"]),
    ("柳林、杨河镇政府", ["柳林镇政府", "杨河镇政府"]),
])
def test_a_shared_suffix_goes_to_bare_places_only(group, expected):
    assert names(group) == expected


def test_a_zone_after_a_joiner_is_a_name_of_its_own():
    assert names("县投资促进中心及青松林场") == ["县投资促进中心", "青松林场"]


def test_a_wide_gap_inside_a_bracket_parts_no_columns(tmp_path):
    """Two labelled fields in one bracket parted by two spaces: the lines are no table of two columns."""
    line = "1.推进城乡融合发展。（牵头单位：市农业农村局  责任单位：市水利局、市财政局）"
    assert split_row(line, 2) is None
    assert split_row("1  推进城乡融合发展  市农业农村局", 2) == ["1", "推进城乡融合发展", "市农业农村局"]
    body = (line + "\n2.加快重点项目建设。（牵头单位：市发改委  责任单位：市住建局、各县区政府）\n")
    assert imported(tmp_path, body) == [
        [("市农业农村局", "牵头"), ("市水利局", "责任"), ("市财政局", "责任")],
        [("市发改委", "牵头"), ("市住建局", "责任"), ("各县区政府", "责任")]]


@pytest.mark.parametrize("line, after", [
    ("责任单位:县财政局,各乡(镇)人民", "政府、县直各相关单位"),  # a level in brackets inside the broken name
    ("由县司法局牵头,各党", "支部、各村(居)民委员会配合。"),  # a 各… collective too short to be the whole name
])
def test_a_name_broken_at_the_lines_end_goes_on(line, after):
    assert _unit_broken(line, after)


def test_a_whole_name_at_the_lines_end_does_not_go_on():
    assert not _unit_broken("责任单位:县财政局、各乡镇", "街道办事处要高度重视")


def test_a_list_going_on_after_a_slash(tmp_path):
    body = "1.扎实做好安全生产工作。\n牵头单位：市应急局\n责任单位：市公安局/青松林场\n/市交通运输局\n"
    assert imported(tmp_path, body) == [
        [("市应急局", "牵头"), ("市公安局", "责任"), ("青松林场", "责任"), ("市交通运输局", "责任")]]


def test_a_pinyin_gloss_is_no_level_in_brackets():
    """區(qū)綜合行 / 政執法局 (a page printing pinyin after its characters) is joined by the table's reading of
    broken cells, not taken as a name with a bracketed level."""
    assert UNIT_TAIL.search("各乡(镇)人民") and not UNIT_TAIL.search("區(qū)綜合行")


def test_a_level_alone_after_etc_opens_a_collective_of_stationed_bodies():
    assert names("县发改局、县财政局等中央、省属驻县单位") == ["县发改局", "县财政局", "中央、省属驻县单位"]
