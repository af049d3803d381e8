"""Unit lists of the thirteenth sweep (branch unitforms, benchmarks/import_sweep.md and benchmarks/forms_unitforms.py):
the ways pages the corpus does not hold print a list of units, read by their parts. Each input is a small notice
written here, each shape in three wordings or more, as other governments print it."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("{place}人民政府办公室关于印发重点工作任务分工的通知\n各有关单位:\n现将任务分工印发给你们,请认真贯彻落实。\n"
        "{place}人民政府办公室\n2024年3月1日\n")


def units_of(tmp_path, body: str, place: str = "某某市", parent: str = "某某省") -> list[list[tuple[str, str]]]:
    result = import_text(HEAD.format(place=place) + body, tmp_path, stem="t", jurisdiction=place, parent=parent)
    return [[(u["name"], u["role"]) for u in t.get("units") or []] for t in iter_tasks(result.data)]


def first_of(tmp_path, attribution: str, place: str = "某某市", parent: str = "某某省") -> list[tuple[str, str]]:
    body = (f"一、重点任务\n1.推进重点工作落实,按期完成年度目标任务。({attribution})\n"
            "2.做好统筹协调工作,确保按期完成。(市发改委负责)\n")
    return units_of(tmp_path, body, place, parent)[0]


# a 各 lists places by more levels than 市, 县, 区: 县级市 (广州's districts and county-level cities), 自治县, 区县;
# the levels after a 各 stay one collective, with a government after them or without
@pytest.mark.parametrize("collective", ["各区、县级市", "各有关区、县级市", "各區、縣級市人民政府", "各区、县级市政府",
                                        "各县、自治县人民政府"])
def test_a_collective_of_levels_names_any_level(tmp_path, collective):
    got = first_of(tmp_path, f"牵头单位:市人力资源和社会保障局,配合单位:市科协,{collective}")
    assert [name for name, _ in got] == ["市人力资源和社会保障局", "市科协", collective.replace("(", "(")]


# a 各 over two levels or more, then a level with a body of its own: each level's body, one collective
@pytest.mark.parametrize("collective", ["各市、州、县市场监管局", "各市、县、区财政局",
                                        "各市、縣、區人力資源社會保障局"])
def test_a_collective_of_levels_closed_by_a_body(tmp_path, collective):
    got = first_of(tmp_path, f"责任单位:省药监局,{collective}", place="某某省", parent=None)
    assert [name for name, _ in got] == ["省药监局", collective]


def test_one_level_then_a_body_is_two_units(tmp_path):
    """各区、市财政局 may be the districts and the city's bureau: a single level before a body is left apart."""
    got = first_of(tmp_path, "责任单位:各区、市财政局")
    assert [name for name, _ in got] == ["各区", "市财政局"]


# a 各 over kinds of body (各委、办, 各大企业、事业单位) is one collective
@pytest.mark.parametrize("collective", ["各大企业、事业单位", "各大企業、事業單位", "市属各企业、事业单位"])
def test_a_collective_of_kinds_of_body(tmp_path, collective):
    got = first_of(tmp_path, f"责任单位:市国资委,{collective}")
    assert [name for name, _ in got] == ["市国资委", collective]


# a place printed with its level before a bureau (a banner, a district by its name) is shared with the bare names after
# it, as a known place's is (无锡国税局、地税局)
@pytest.mark.parametrize("printed, names", [
    ("科左后旗农牧局、财政局,库伦旗农牧和科技局、财政局",
     ["科左后旗农牧局", "科左后旗财政局", "库伦旗农牧和科技局", "库伦旗财政局"]),
    ("鄞州区发改局、财政局、商务局", ["鄞州区发改局", "鄞州区财政局", "鄞州区商务局"]),
    ("阿荣旗林业和草原局、水利局", ["阿荣旗林业和草原局", "阿荣旗水利局"]),
])
def test_a_levelled_place_is_shared(tmp_path, printed, names):
    assert [name for name, _ in first_of(tmp_path, f"责任单位:{printed}")] == names


@pytest.mark.parametrize("printed, names", [
    # a body's branch named after a place (社科院某某分院) is no place: the name after it keeps its own
    ("社科院某某分院、市生态环境局", ["社科院某某分院", "市生态环境局"]),
    # a zone's committee is the zone's own: the bare name after it takes none of it
    ("高新区管委会、经开区管委会", ["高新区管委会", "经开区管委会"]),
    # 南京市场监管局: 市场 is a word, 南京 the place (a known place's rule), never 南京市 + 场监管局
    ("南京市场监管局、南京海关", ["南京市场监管局", "南京海关"]),
])
def test_no_levelled_place_where_none_is_printed(tmp_path, printed, names):
    assert [name for name, _ in first_of(tmp_path, f"责任单位:{printed}")] == names


# X配合Y落实: Y does the work, X assists it (Y leads, as a 责任单位 beside a 配合单位 does)
@pytest.mark.parametrize("clause, units", [
    ("省政府新闻办配合省委宣传部落实", [("省政府新闻办", "配合"), ("省委宣传部", "牵头")]),
    ("市财政局、市审计局配合市发改委负责", [("市财政局", "配合"), ("市审计局", "配合"), ("市发改委", "牵头")]),
    ("市公安局协助市交通运输局组织实施", [("市公安局", "配合"), ("市交通运输局", "牵头")]),
])
def test_assisting_another_unit(tmp_path, clause, units):
    assert first_of(tmp_path, clause, place="某某省" if clause.startswith("省") else "某某市") == units


@pytest.mark.parametrize("clause", ["市财政局配合推进", "市财政局配合做好落实", "市财政局协助开展落实"])
def test_assisting_with_a_verb_is_no_unit(tmp_path, clause):
    """市财政局配合做好落实: 做好 is what is done, no unit the others assist."""
    assert first_of(tmp_path, f"市发改委牵头,{clause}")[0] == ("市发改委", "牵头")


# a bracket whose last sentence closes with a full stop inside it: the clause before the full stop names units
@pytest.mark.parametrize("attribution, last", [
    ("自治区住房城乡建设厅牵头,联席会议成员单位按职责分工负责;各旗县(市、区)人民政府负责落实。",
     "各旗县(市、区)人民政府"),
    ("市发改委牵头,市财政局配合,各区人民政府负责落实。", "各区人民政府"),
    ("市发改委、市财政局按职责分工负责;各县(市、区)政府具体落实。", "各县(市、区)政府"),
])
def test_a_full_stop_closing_the_bracket(tmp_path, attribution, last):
    assert first_of(tmp_path, attribution)[-1][0] == last


# a labelled field after the task's text, parted from it by a space only, or run into its last word (a line break
# the page lost): the field is read
@pytest.mark.parametrize("item", [
    "1.适龄女生HPV疫苗接种 牵头单位:县卫生健康委员会",
    "1.适龄女生HPV疫苗接种牵头责任部门:县卫生健康委员会",
    "1.实施老旧小区改造责任单位:县住建局、县财政局",
])
def test_a_field_glued_to_the_task(tmp_path, item):
    body = f"一、为民办实事事项\n{item}\n2.新生儿先天性心脏病筛查与诊治。牵头单位:县卫生健康委员会\n"
    got = units_of(tmp_path, body, place="某某县", parent="某某市")
    assert got[0][0][0] == ("县住建局" if "改造" in item else "县卫生健康委员会")


@pytest.mark.parametrize("item", [
    # words after a glued label that are no units leave the text as printed
    "1.建立工作台账,明确牵头单位:逐项抓好落实。(县发改局负责)",
    # a label of no role run into a word (an interpretation's 政策解读单位:) is no field: the bracket's units count
    "1.做好解读工作,政策解读单位:县政府办公室(县发改局负责)",
    "1.公开工作台账,信息发布单位:县政府办公室(县发改局负责)",
])
def test_a_glued_label_needs_a_role_and_units(tmp_path, item):
    body = f"一、重点任务\n{item}\n2.推进项目建设。(县住建局负责)\n"
    got = units_of(tmp_path, body, place="某某县", parent="某某市")
    assert got[0] == [("县发改局", "责任")]
