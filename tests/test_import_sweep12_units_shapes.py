"""Unit lists of the twelfth sweep (branch units, benchmarks/import_sweep.md): an attribution's bracket that a hard
wrap (a page extracted at a fixed width) or the end of an excerpt leaves open on the line it starts on. Each input
is a small notice written here, each shape in more than one wording, as other governments print it."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某县人民政府办公室关于印发重点工作任务分工的通知\n各乡镇人民政府,县政府各部门:\n"
        "现将任务分工印发给你们,请认真贯彻落实。\n某某县人民政府办公室\n2024年3月1日\n一、重点任务\n")


def units_of(tmp_path, body: str) -> list[list[tuple[str, str]]]:
    result = import_text(HEAD + body, tmp_path, stem="t", jurisdiction="某某县", parent="某某市")
    return [[(u["name"], u["role"]) for u in t.get("units") or []] for t in iter_tasks(result.data)]


LABELLED = [("县商务局", "牵头"), ("县编办", "责任"), ("县发改委", "责任"), ("县法制办", "责任"),
            ("各乡镇政府", "责任")]


@pytest.mark.parametrize("bracket", [
    # a label's word cut by the wrap, the fields parted by spaces only
    "（牵\n头单位：县商务局  责任单位：县编办、县发\n改委、县法制办、各乡镇政府）",
    # the bracket alone at the end of the line, a line opening with the list's 、
    "（\n牵头单位：县商务局  责任单位：县编办\n、县发改委、县法制办、各乡镇政府）",
    # a label cut after its first word, in traditional characters' width and a bracket of another kind
    "〔牵头单位：县商务局；责任\n单位：县编办、县发改委、县法制办、各乡镇政府〕",
])
def test_a_labelled_bracket_wrapped_over_lines(tmp_path, bracket):
    body = ("1.实施乡村振兴战略,壮大村集体经济。" + bracket + "\n2.推动数字经济发展。(牵头单位:县商务局;"
            "责任单位:县编办、县发改委、县法制办、各乡镇政府)\n3.推进城乡融合发展。(县住建局牵头,县自然资源局配合)\n")
    assert units_of(tmp_path, body)[0] == LABELLED


@pytest.mark.parametrize("bracket, units", [
    ("(县生态环境分局牵头,县水利局、县农\n业农村局、各乡镇人民政府配合)",
     [("县生态环境分局", "牵头"), ("县水利局", "配合"), ("县农业农村局", "配合"), ("各乡镇人民政府", "配合")]),
    ("(县应急管理局、县公安局、县交通运输\n局等按职责分工负责)",
     [("县应急管理局", "责任"), ("县公安局", "责任"), ("县交通运输局", "责任")]),
    ("(牵头部门:县人社局;配合部门:县民政局、\n县财政局、县医保局)",
     [("县人社局", "牵头"), ("县民政局", "配合"), ("县财政局", "配合"), ("县医保局", "配合")]),
])
def test_a_bracket_closed_on_the_next_line(tmp_path, bracket, units):
    body = ("1.加强生态环境保护,打好污染防治攻坚战。" + bracket + "\n2.扎实做好安全生产工作。(县应急管理局牵头,"
            "县公安局配合)\n3.推进城乡融合发展。(县住建局牵头,县自然资源局配合)\n")
    assert units_of(tmp_path, body)[0] == units


@pytest.mark.parametrize("cut, units", [
    ("(牵头单位:县发改局;责任单位:县财政局、县自然资源局", [("县发改局", "牵头"), ("县财政局", "责任"),
                                                ("县自然资源局", "责任")]),
    ("(责任单位:县公安局、县民政局", [("县公安局", "责任"), ("县民政局", "责任")]),
    ("【县卫健局牵头,县医保局、县财政局配合", [("县卫健局", "牵头"), ("县医保局", "配合"), ("县财政局", "配合")]),
])
def test_a_bracket_never_closed_before_the_next_item(tmp_path, cut, units):
    """A page lost or a closing bracket never printed: the units named in full still count, and no unit's name
    holds the bracket and its label."""
    body = ("1.推进城乡融合发展。" + cut + "\n2.健全公共服务制度。(责任单位:县公安局)\n"
            "3.加强生态环境保护。(县生态环境分局牵头,县水利局配合)\n")
    assert units_of(tmp_path, body) == [units, [("县公安局", "责任")],
                                        [("县生态环境分局", "牵头"), ("县水利局", "配合")]]


@pytest.mark.parametrize("cut", ["(责任单位:县公安局", "(責任單位:縣公安局", "(县公安局牵头"])
def test_an_excerpt_cut_inside_its_last_bracket(tmp_path, cut):
    body = ("1.推进城乡融合发展。(牵头单位:县发改局;责任单位:县财政局)\n2.加强生态环境保护。(县生态环境分局牵头,"
            "县水利局配合)\n3.健全常住地提供基本公共服务制度。修订户口登记管理办法。" + cut)
    names = [name for name, _ in units_of(tmp_path, body)[-1]]
    assert names == [cut.split(":")[-1].removesuffix("牵头").lstrip("(")]


@pytest.mark.parametrize("attribution, units", [
    ("(县文化和旅游局牵头,县发展改革局、云台山管委会配合)",
     [("县文化和旅游局", "牵头"), ("县发展改革局", "配合"), ("云台山管委会", "配合")]),
    ("(责任单位:县住建局、西湖管理处)", [("县住建局", "责任"), ("西湖管理处", "责任")]),
    ("(牵头单位:县文旅局;配合单位:县交通运输局、老街古城管理局)",
     [("县文旅局", "牵头"), ("县交通运输局", "配合"), ("老街古城管理局", "配合")]),
])
def test_a_named_areas_body_takes_no_shared_prefix(tmp_path, attribution, units):
    """A mountain's, a lake's or an old town's administration is named after its own place, as a zone is: the
    list's 县 is not its (a 矿山管理局 is a level's own, and takes it)."""
    body = ("1.推进景区提质升级。" + attribution + "\n2.推进城乡融合发展。(县住建局牵头,县自然资源局、矿山管理局配合)\n"
            "3.扎实做好安全生产工作。(县应急管理局牵头,县公安局配合)\n")
    tasks = units_of(tmp_path, body)
    assert tasks[0] == units
    assert tasks[1] == [("县住建局", "牵头"), ("县自然资源局", "配合"), ("县矿山管理局", "配合")]
