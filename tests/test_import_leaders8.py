"""Leaders as notices print them outside tables (issue 17, branch leaders8): people put in charge inside a task's
bracket or sentence (副区长李明牵头,区发改局负责), posts of any wording among a leader's posts (组织部部长), a
post of two characters in brackets after the name, several leaders after one post in a field or a heading, and a
heading's leader printed with 同志. Each input is a small notice written here (none from the held-out leaders of
tests/importer_leadervocab_heldout.yaml)."""

from __future__ import annotations

import sys
from pathlib import Path

from sitegen.importer import import_text

sys.path.insert(0, str(Path(__file__).parent))

from importer_prosefuzz import tasks_of as carried  # noqa: E402  (a heading's leader carried down to its tasks)

HEAD = ("某某县人民政府办公室关于印发2024年重点工作分工的通知\n各乡镇人民政府,县政府各部门:\n现将分工印发给你们。\n")


def tasks_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return list(carried(result.data))


def read(task):
    return task.get("leader"), [(u["name"], u.get("role")) for u in task.get("units", [])]


def test_a_person_put_in_charge_inside_the_bracket_is_the_leader_and_no_unit(tmp_path):
    tasks = tasks_of(tmp_path, "1.推进老旧小区改造。(副区长李明牵头,区住建局负责)\n"
                               "2.完善养老服务体系。(区委常委、常务副区长何平牵头,区民政局、区财政局负责)\n")
    assert [read(t) for t in tasks] == [
        ("李明", [("区住建局", "责任")]),
        ("何平", [("区民政局", "责任"), ("区财政局", "责任")])]


def test_a_person_put_in_charge_in_the_tasks_sentence_is_the_leader(tmp_path):
    tasks = tasks_of(tmp_path, "1.建设城市污水管网。由县委常委、副县长周平同志负责协调,县住建局具体落实。\n"
                               "2.实施农村公路提升工程。由副县长石磊牵头,县交通局负责。\n")
    assert [read(t) for t in tasks] == [("周平", [("县住建局", "责任")]), ("石磊", [("县交通局", "责任")])]


def test_a_post_among_a_leaders_posts_is_read_by_how_it_ends(tmp_path):
    # 组织部部长 is none of the known titles: it is a post by its last word, not a second leader
    tasks = tasks_of(tmp_path, "1.加强干部队伍建设。\n责任领导:赵刚(县委常委、组织部部长、副县长)\n责任单位:县委组织部\n")
    assert [t["leader"] for t in tasks] == ["赵刚"]


def test_a_post_of_two_characters_in_brackets_after_the_name_is_dropped(tmp_path):
    tasks = tasks_of(tmp_path, "1.优化营商环境。\n责任领导:钱进(县长)\n责任单位:县发改局\n")
    assert [t["leader"] for t in tasks] == ["钱进"]


def test_several_leaders_after_one_post_keep_their_names(tmp_path):
    tasks = tasks_of(tmp_path, "1.推进乡村振兴。\n联系领导:县领导马超、丁宁\n责任单位:县农业农村局\n")
    assert [t["leader"] for t in tasks] == ["马超、丁宁"]


def test_a_heading_naming_several_leaders_after_their_post_leads_its_tasks(tmp_path):
    tasks = tasks_of(tmp_path, "一、县领导马超、丁宁分管工作\n1.推进乡村振兴。\n责任单位:县农业农村局\n"
                               "2.加强水利建设。\n责任单位:县水利局\n")
    assert [t["leader"] for t in tasks] == ["马超、丁宁", "马超、丁宁"]


def test_a_heading_naming_a_leader_with_comrade_after_the_posts_and_name_leads_its_tasks(tmp_path):
    tasks = tasks_of(tmp_path, "一、县委副书记、县长吴涛同志牵头的重点工作\n1.扩大有效投资。\n责任单位:县发改局\n")
    assert [t["leader"] for t in tasks] == ["吴涛"]


def test_a_unit_in_charge_is_still_a_unit(tmp_path):
    tasks = tasks_of(tmp_path, "1.推进老旧小区改造。(区住建局牵头,区财政局负责)\n")
    assert [read(t) for t in tasks] == [(None, [("区住建局", "牵头"), ("区财政局", "责任")])]


def test_the_time_clause_after_a_person_in_charge_is_the_deadline(tmp_path):
    tasks = tasks_of(tmp_path, "1.建设物流园区。由副市长张立牵头,市发改委负责,2024年底前完成。\n"
                               "2.推进旧城改造。由副市长张立牵头,市住建局负责。\n")
    assert [(t["leader"], t.get("deadline"), t["units"][0]["name"]) for t in tasks] == [
        ("张立", "2024年底前完成", "市发改委"), ("张立", None, "市住建局")]


def test_a_bracket_per_field_one_holding_the_leaders_posts_in_brackets_keeps_the_leader(tmp_path):
    # the leader's bracket nests its posts: no search for a bracket inside the text finds it, the run from the end does
    tasks = tasks_of(tmp_path, "1.扩大有效投资。(牵头单位:县发改局)(责任人:孙武(常务副县长))(完成时限:年底前)\n"
                               "2.优化营商环境。(牵头单位:县政务服务中心)(责任人:孙武(常务副县长))\n")
    assert [(t["leader"], t.get("deadline"), [u["name"] for u in t["units"]], t["text"]) for t in tasks] == [
        ("孙武", "年底前", ["县发改局"], "扩大有效投资。"), ("孙武", None, ["县政务服务中心"], "优化营商环境。")]


def test_units_whose_last_characters_could_read_as_a_name_are_still_units(tmp_path):
    # …成员单位: 成员 ends as a post does and 单位 opens with a surname, but the subject ends as units end
    tasks = tasks_of(tmp_path, "1.扎实做好安全生产工作。(县安全生产委员会成员单位牵头,县应急局配合)\n")
    assert [read(t) for t in tasks] == [(None, [("县安全生产委员会成员单位", "牵头"), ("县应急局", "配合")])]
