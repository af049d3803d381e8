"""Issue 17, items 1-2: unit lists read by their shape where the shape says where the list is (a label's field, a
role clause, a role bracket), not by a vocabulary of how names end; a bare name in a list that shares a prefix takes
it, whatever its kind. The names here are made up in the shape real lists print (no name of the held-out file)."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.attribution import is_attribution, parse
from sitegen.importer.content import iter_tasks
from sitegen.importer.units import looks_like_unit, parse_group


def units(attribution):
    return [(u.name, u.role) for u in parse(attribution).units]


def test_a_name_of_an_unknown_ending_after_a_label_is_kept():
    # 机关 ends no name of the vocabulary; after 责任单位: every piece between the separators is a name
    assert units("(责任单位:县委组织部人才办;县人民法院;县档案馆机关;各街道办事处等)") == [
        ("县委组织部人才办", "责任"), ("县人民法院", "责任"), ("县档案馆机关", "责任"), ("各街道办事处", "责任")]


def test_a_role_clause_of_one_name_of_an_unknown_ending_is_kept():
    assert units("由省住房城乡建设厅、省委台办牵头,省人大机关等配合") == [
        ("省住房城乡建设厅", "牵头"), ("省委台办", "牵头"), ("省人大机关", "配合")]


def test_a_role_bracket_whose_lead_has_an_unknown_ending_is_an_attribution():
    # one clause's names end as units do: the other's may be read by its shape alone
    assert is_attribution("(县政协机关牵头,县财政局配合)")
    assert units("(县政协机关牵头,县财政局配合)") == [("县政协机关", "牵头"), ("县财政局", "配合")]
    assert not is_attribution("(加快推进牵头,做好服务配合)")  # (no clause names a unit by its ending)
    # a clause without a role word may be the task's own sentence: by the vocabulary only
    assert not is_attribution("年度考核目标任务。县生态环境局分局负责")


@pytest.mark.parametrize("piece", ["按职责分工负责", "配合落实", "涉及的镇街", "2024年底前", "长期", "张三",
                                   "分管副县长", "加快重点项目建设", "县卫健局等单位)", "协同", "列第一位者",
                                   "电业局城东城西江北保税区高新区合计"])
def test_a_piece_that_is_plainly_no_name_is_no_unit_even_in_a_bounded_list(piece):
    assert not looks_like_unit(piece, bounded=True)


def test_a_rejected_piece_is_kept_as_a_note_not_dropped():
    result = parse("(责任单位:县发改局,县档案馆机关,做好宣传报道)")
    assert [u.name for u in result.units] == ["县发改局", "县档案馆机关"] and result.notes == ["做好宣传报道"]


def test_the_vocabulary_still_decides_where_the_lists_extent_is_unknown():
    assert not looks_like_unit("县人大机关")  # (free prose, a line that may be a task's text)


@pytest.mark.parametrize("text, expected", [
    # a bare name takes the list's prefix whatever its kind: an academy, a broadcaster, a newspaper
    ("市委台办、科学院", ["市委台办", "市科学院"]),
    ("县委宣传部、广播电视台、日报社", ["县委宣传部", "县广播电视台", "县日报社"]),
    ("县发改局、社会科学院、行政学院", ["县发改局", "县社会科学院", "县行政学院"]),
    # a name with a place of its own, or a college named after one, keeps it
    ("市教育局、鄂州大学、黄冈师范学院", ["市教育局", "鄂州大学", "黄冈师范学院"]),
    ("市发改委、湖州日报社", ["市发改委", "湖州日报社"]),
])
def test_a_bare_name_takes_the_shared_prefix_whatever_its_kind(text, expected):
    assert [u.name for u in parse_group(text)] == expected


def test_a_label_line_ending_in_its_separator_goes_on_on_the_next_line(tmp_path):
    text = "\n".join(["某县人民政府办公室关于印发重点工作任务分解方案的通知", "各有关单位：",
                      "现将任务分解方案印发给你们，请认真贯彻落实。", "某县人民政府办公室", "2024年3月1日",
                      "一、稳定经济增长", "1.扎实做好安全生产工作。", "牵头单位：县应急局",
                      "责任单位：县食品安全办公室、县文体旅游广电局、", "县国土分局等有关部门",
                      "2.推进城乡融合发展。", "牵头单位：县农业农村局"]) + "\n"
    result = import_text(text, tmp_path, stem="shapes", force=True, jurisdiction="某县", parent="某市")
    tasks = list(iter_tasks(result.data))
    assert [u["name"] for u in tasks[0]["units"]] == ["县应急局", "县食品安全办公室", "县文体旅游广电局",
                                                      "县国土分局", "有关部门"]


@pytest.mark.parametrize("first, second", [("1.加快重点项目建设,确保按期建成投用。由市", "政府督查室牵头,县财政局配合。"),
                                           ("2.完善社会保障体系。由县人社局", "牵头,县民政局配合。")])
def test_a_by_clause_before_its_role_word_goes_on_on_the_next_line(first, second):
    from sitegen.importer.markers import starts_item
    from sitegen.importer.text import Line, join_broken
    lines, _ = join_broken([Line(first, (1,), first, False), Line(second, (2,), second, False)], starts_item)
    assert [line.text for line in lines] == [first + second]
