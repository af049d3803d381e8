"""Prose shapes of issue 17 met in real notices, the second batch: labels in square brackets (【责任单位】),
marks on the lead unit with the notice's legend (带*号的为牵头单位), roles in more wordings (共同推进, 主抓,
X牵头、Y负责), two leaders printed as equals, unit names broken over lines. Each input is a small notice
written here, in the wordings and punctuation real notices print."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks
from sitegen.importer.text import _unit_broken

HEAD = ("某某县人民政府办公室关于印发2023年政府工作报告重点工作任务分解的通知\n各乡镇人民政府,县政府各部门:\n"
        "现将任务分解印发给你们,请认真抓好落实。\n某某县人民政府办公室\n2023年3月6日\n")


def tasks_of(tmp_path, body, head=HEAD):
    result = import_text(head + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return [{"number": t.get("number"), "text": (t.get("title") or "") + t["text"],
             "units": [(u["name"], u.get("role")) for u in t.get("units", [])],
             "leader": t.get("leader"), "deadline": t.get("deadline")} for t in iter_tasks(result.data)]


TWO = [("县发改局", "牵头"), ("县财政局", "配合"), ("县自然资源局", "配合")]


@pytest.mark.parametrize("fields", [
    "【牵头单位】县发改局【配合单位】县财政局、县自然资源局【完成时限】2023年12月底",
    "【牵头单位】县发改局;【配合单位】县财政局、县自然资源局;【完成时限】2023年12月底",
    "【牵头单位】:县发改局 【配合单位】:县财政局、县自然资源局 【完成时限】:2023年12月底",
    "〖牵头单位〗县发改局〖配合单位〗县财政局、县自然资源局〖完成时限〗2023年12月底",
    "[牵头单位]县发改局[配合单位]县财政局、县自然资源局[完成时限]2023年12月底",
    "［牵头单位］：县发改局；［配合单位］：县财政局、县自然资源局；［完成时限］：2023年12月底",
])
def test_bracketed_labels_after_the_task(tmp_path, fields):
    for sep in ("。", ""):
        body = f"一、稳定经济增长\n1.推进重大项目建设,全年完成投资50亿元{sep}{fields}\n2.加快园区建设。【责任单位】县工信局"
        tasks = tasks_of(tmp_path / sep, body)
        assert tasks[0]["text"].rstrip("。") == "推进重大项目建设,全年完成投资50亿元"
        assert tasks[0]["units"] == TWO and tasks[0]["deadline"] == "2023年12月底"
        assert tasks[1]["units"] == [("县工信局", "责任")]


@pytest.mark.parametrize("open_, close", [("【", "】"), ("〖", "〗"), ("[", "]"), ("【", "】:"), ("[", "]:")])
def test_bracketed_labels_on_lines_of_their_own(tmp_path, open_, close):
    lab = lambda name: f"{open_}{name}{close}"  # noqa: E731
    tasks = tasks_of(tmp_path, f"一、稳定经济增长\n1.推进重大项目建设,全年完成投资50亿元。\n{lab('牵头单位')}县发改局\n"
                               f"{lab('配合单位')}县财政局、县自然资源局\n{lab('责任领导')}张明\n"
                               f"{lab('完成时限')}2023年12月底\n2.加快园区建设。\n{lab('责任单位')}县工信局")
    assert tasks[0]["units"] == TWO and tasks[0]["leader"] == "张明" and tasks[0]["deadline"] == "2023年12月底"
    assert tasks[1]["units"] == [("县工信局", "责任")]


@pytest.mark.parametrize("label", ["【牵头单位】", "牵头单位:", "牵头单位：", "〖牵头单位〗"])
def test_a_label_alone_on_its_line_takes_the_units_below(tmp_path, label):
    tasks = tasks_of(tmp_path, f"一、稳定经济增长\n1.推进重大项目建设。\n{label}\n县发改局\n"
                               f"{label.replace('牵头', '配合')}\n\n县财政局、县自然资源局\n"
                               f"2.加快园区建设。\n{label}\n县工信局")
    assert tasks[0]["units"] == TWO
    assert tasks[1]["units"] == [("县工信局", "牵头")]


def test_a_bracket_that_is_no_label_stays_in_the_text(tmp_path):
    tasks = tasks_of(tmp_path, "一、稳定经济增长\n1.【重点项目】推进重大项目建设。(县发改局牵头,县财政局配合)")
    assert tasks[0]["text"].startswith("【重点项目】推进")
    assert tasks[0]["units"] == [("县发改局", "牵头"), ("县财政局", "配合")]


@pytest.mark.parametrize("legend", ["", "注:带*号的为牵头单位。\n", "(标注*的为牵头单位)\n",
                                    "说明:加“*”号的单位为牵头单位\n"])
@pytest.mark.parametrize("units", ["县发改局*、县财政局、县自然资源局", "*县发改局、县财政局、县自然资源局",
                                   "**县发改局**、县财政局、县自然资源局", "县发改局＊、县财政局、县自然资源局"])
def test_a_star_marks_the_lead_unit(tmp_path, legend, units):
    tasks = tasks_of(tmp_path, f"{legend}一、稳定经济增长\n1.推进重大项目建设。\n责任单位:{units}\n2.加快园区建设。({units})")
    expected = [("县发改局", "牵头"), ("县财政局", "责任"), ("县自然资源局", "责任")]
    assert [t["units"] for t in tasks] == [expected, expected]


@pytest.mark.parametrize("legend, mark", [("标注▲的为牵头单位。", "▲"), ("带※号的为牵头单位", "※"), ("标★者为牵头单位", "★")])
def test_other_marks_with_their_legend_and_a_single_marked_unit(tmp_path, legend, mark):
    tasks = tasks_of(tmp_path, f"{legend}\n一、稳定经济增长\n1.推进重大项目建设。(县财政局、{mark}县发改局)\n"
                               f"2.加快园区建设。(县工信局{mark})\n3.做好招商引资。(县商务局、县财政局)")
    assert [t["units"] for t in tasks] == [[("县财政局", "责任"), ("县发改局", "牵头")], [("县工信局", "牵头")],
                                           [("县商务局", "责任"), ("县财政局", "责任")]]


@pytest.mark.parametrize("legend", ["排在第一位的为牵头单位。", "排在首位的单位负责牵头。", "列第一位的部门为牵头部门。",
                                    "排名第一的为牵头单位。", "排在最前面的为牵头单位。",
                                    "第一个单位为牵头单位。"])
def test_the_first_listed_unit_leads_in_other_wordings(tmp_path, legend):
    tasks = tasks_of(tmp_path, f"注:{legend}\n一、稳定经济增长\n1.推进重大项目建设。(县发改局、县财政局)")
    assert tasks[0]["units"] == [("县发改局", "牵头"), ("县财政局", "责任")]


@pytest.mark.parametrize("attribution, units", [
    ("(县发改局牵头,县财政局、县住建局共同推进)", [("县发改局", "牵头"), ("县财政局", "责任"), ("县住建局", "责任")]),
    ("(县发改局、县财政局共同推进)", [("县发改局", "责任"), ("县财政局", "责任")]),
    ("(县发改局牵头、县财政局负责)", [("县发改局", "牵头"), ("县财政局", "责任")]),
    ("(县发改局会同县财政局负责)", [("县发改局", "牵头"), ("县财政局", "配合")]),
    ("(县委组织部指导,各乡镇负责)", [("县委组织部", "责任"), ("各乡镇", "责任")]),
    ("(县发改局主抓,县财政局配合)", [("县发改局", "牵头"), ("县财政局", "配合")]),
    ("(县发改局抓总,县财政局、县住建局具体负责)", [("县发改局", "牵头"), ("县财政局", "责任"), ("县住建局", "责任")]),
    ("(县发改局具体负责,县财政局协同推进)", [("县发改局", "牵头"), ("县财政局", "配合")]),
    ("(县发改局、县财政局、县住建局各司其职)", [("县发改局", "责任"), ("县财政局", "责任"), ("县住建局", "责任")]),
    ("(县发改局、县财政局按职责分工负责)", [("县发改局", "责任"), ("县财政局", "责任")]),
    ("(县政府督查室督促,县直各部门落实)", [("县政府督查室", "责任"), ("县直各部门", "责任")]),
    ("(县发改局牵头,县财政局参与)", [("县发改局", "牵头"), ("县财政局", "配合")]),
    ("由县发改局统筹,县财政局、县住建局分别负责。", [("县发改局", "牵头"), ("县财政局", "责任"), ("县住建局", "责任")]),
    ("(县发改局负总责,县财政局配合)", [("县发改局", "牵头"), ("县财政局", "配合")]),
    ("(县发改局牵头；县财政局、县住建局协同推进)", [("县发改局", "牵头"), ("县财政局", "配合"), ("县住建局", "配合")]),
])
def test_roles_in_more_wordings(tmp_path, attribution, units):
    tasks = tasks_of(tmp_path, f"一、稳定经济增长\n1.推进重大项目建设,全年完成投资50亿元。{attribution}")
    assert tasks[0]["units"] == units


@pytest.mark.parametrize("broken", ["县自然\n\n资源局", "县自然\n资源局", "县自\n然资源局", "县自然资源\n局"])
def test_a_unit_name_broken_over_lines_in_prose_is_joined(tmp_path, broken):
    tasks = tasks_of(tmp_path, "一、稳定经济增长\n1.推进重大项目建设,全年完成投资50亿元。"
                               f"由县发改局牵头,县财政局、{broken}配合。\n2.加快园区建设。县工信局牵头,县财\n政局配合。")
    assert tasks[0]["units"] == TWO
    assert tasks[1]["units"] == [("县工信局", "牵头"), ("县财政局", "配合")]


@pytest.mark.parametrize("before, after", [
    ("推进县发改局", "局域网建设。"),  # a unit, then text
    ("县商务局、县委", "组织部负责。"),  # 县委 is a unit by itself: two units are never joined
    ("市直", "单位"),  # two cells of a table more likely than one name
    ("县财政局。", "局部完成"),  # a sentence ended
    ("推进城乡建设", "局面持续向好。"),  # no unit starts so
])
def test_pieces_that_are_not_one_broken_name_stay_apart(before, after):
    assert not _unit_broken(before, after)
    assert _unit_broken("县财政局、县自然", "资源局配合") and _unit_broken("县工信局牵头,县财", "政局配合。")


@pytest.mark.parametrize("text", ["推进城乡建设\n\n局面持续向好。", "各项目单位要加快建设\n\n局部完成的项目尽快验收。"])
def test_prose_that_only_ends_like_a_unit_is_not_joined(tmp_path, text):
    tasks = tasks_of(tmp_path, f"一、稳定经济增长\n1.{text}(县住建局)")
    assert tasks[0]["units"] == [("县住建局", "责任")]


LEADERS = ("一、稳定经济增长\n1.城乡居民收入增长与经济增长基本同步。(责任领导:张明、李华;牵头单位:县发改局、县农业农村局)\n"
           "2.粮食产量稳定在23万吨。\n牵头领导:王强 赵刚\n牵头单位:县农业农村局\n"
           "3.推进重大项目建设。【责任领导】张明副县长、李华副县长【牵头单位】县发改局\n"
           "4.加快园区建设。(责任领导:张明;协助领导:王强;牵头单位:县工信局)\n")


def test_leaders_printed_as_equals_keep_the_printed_form(tmp_path):
    tasks = tasks_of(tmp_path, LEADERS)
    assert [t["leader"] for t in tasks] == ["张明、李华", "王强 赵刚", "张明、李华", "张明"]


def test_leaders_printed_as_equals_are_built_and_exported(tmp_path):
    from click.testing import CliRunner

    from sitegen.cli import main
    site, notice = tmp_path / "site", tmp_path / "notice.txt"
    notice.write_text(HEAD + LEADERS, encoding="utf-8")
    assert CliRunner().invoke(main, ["init", str(site)]).exit_code == 0
    result = CliRunner().invoke(main, ["import", str(notice), "--site", str(site), "--jurisdiction", "某某县"])
    assert result.exit_code == 0, result.output
    built = CliRunner().invoke(main, ["build", "--site", str(site), "--no-search"])
    assert built.exit_code == 0, built.output
    import json
    exported = json.loads((site / "output" / "data" / "tasks.json").read_text(encoding="utf-8"))
    tasks = [t for t in exported if t["jurisdiction"] == "某某县"]
    assert [(t["leader"], t["assisting_leaders"]) for t in tasks] == [
        ("张明、李华", []), ("王强 赵刚", []), ("张明、李华", []), ("张明", ["王强"])]
    # each leader printed as an equal leads the task: it is on their page, not as an assisting leader
    li_hua = next((site / "output" / "leaders").glob("*/li-hua/index.html")).read_text(encoding="utf-8")
    assert "城乡居民收入增长" in li_hua and "推进重大项目建设" in li_hua and "粮食产量" not in li_hua
    wang_qiang = next((site / "output" / "leaders").glob("*/wang-qiang/index.html")).read_text(encoding="utf-8")
    assert "粮食产量" in wang_qiang and "加快园区建设" in wang_qiang  # led, and assisted


@pytest.mark.parametrize("header, kinds", [
    ("重点工作\t牵头\t配合\n\t单位\t单位", [("县发改局", "牵头"), ("县财政局", "配合")]),
    ("工作\t牵头\t配合\n任务\t单位\t单位", [("县发改局", "牵头"), ("县财政局", "配合")]),
    ("重点工作\t牵头\t配合单位\n\t单位\t", [("县发改局", "牵头"), ("县财政局", "配合")]),
])
def test_table_header_labels_broken_over_two_rows(tmp_path, header, kinds):
    rows = "推进重大项目建设,全年完成投资50亿元\t县发改局\t县财政局\n加快园区基础设施建设\t县工信局\t县财政局"
    tasks = tasks_of(tmp_path, f"{header}\n{rows}")
    assert [t["text"] for t in tasks] == ["推进重大项目建设,全年完成投资50亿元", "加快园区基础设施建设"]
    assert tasks[0]["units"] == kinds


@pytest.mark.parametrize("header", ["重点工作\t责任\t完成\n\t单位\t时限", "工作\t责任\t完成\n任务\t单位\t时限",
                                    "重点工作\t责任单位\t完成\n\t\t时限"])
def test_table_header_with_deadline_broken_over_two_rows(tmp_path, header):
    rows = "推进重大项目建设,全年完成投资50亿元\t县发改局\t2023年12月底\n加快园区基础设施建设\t县工信局\t2023年6月底"
    tasks = tasks_of(tmp_path, f"{header}\n{rows}")
    assert [(t["text"], t["units"], t["deadline"]) for t in tasks] == [
        ("推进重大项目建设,全年完成投资50亿元", [("县发改局", "责任")], "2023年12月底"),
        ("加快园区基础设施建设", [("县工信局", "责任")], "2023年6月底")]


@pytest.mark.parametrize("cells, labels", [
    (["工作任务", "责任", "单位", "完成", "时限"], ["工作任务", "责任单位", "完成时限"]),
    (["工作任务", "牵头", "单位", "配合", "单位", "责任", "领导"], ["工作任务", "牵头单位", "配合单位", "责任领导"]),
    (["重点", "任务", "牵头单位", "配合单位"], ["重点任务", "牵头单位", "配合单位"]),
])
def test_a_one_cell_a_line_header_without_a_number_column_broken_over_lines(cells, labels):
    from sitegen.importer.tables import _header_cells, unnumbered_header
    from sitegen.importer.text import Line
    lines = [Line(c, (i,), c) for i, c in enumerate(["各部门要抓好落实。", *cells, "推进重大项目建设,全年完成投资50亿元"])]
    assert unnumbered_header(lines) == 1
    columns, used = _header_cells(lines[1:])
    assert [c.name for c in columns] == labels and used == len(cells)


@pytest.mark.parametrize("sentence", ["各单位要在6月底前负责牵头制定方案。", "首批负责牵头的项目要尽快开工。",
                                      "年底前为牵头单位考核打分。"])
def test_sentences_that_only_look_like_a_first_listed_rule(tmp_path, sentence):
    tasks = tasks_of(tmp_path, f"{sentence}\n一、稳定经济增长\n1.推进重大项目建设。(县发改局、县财政局)")
    assert tasks[0]["units"] == [("县发改局", "责任"), ("县财政局", "责任")]


def test_a_table_cell_ending_in_a_list_is_not_joined_to_the_unit_cell_below():
    # 徐汇 2006, one cell a line: the task cell ends in a 、 list of schools, the lead unit cell follows
    assert not _unit_broken("完成南洋模范中学、南洋中学、市二中学等新建、扩建项目", "机管局")
    assert _unit_broken("县发改局、自然", "资源局配合")
