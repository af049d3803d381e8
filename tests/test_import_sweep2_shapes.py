"""Shapes found by the second sweep of real notices (issue 17, part H-pages; benchmarks/import_sweep.md).
Each input is a small notice written here, in the layout and wordings those notices print."""

from __future__ import annotations

import pytest

from sitegen.core.errors import SitegenError
from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = "某某区人民政府办公室关于印发2023年重点工作责任分解的通知\n各街道办事处,区政府各部门:\n现印发给你们,请认真贯彻落实。\n"


def tasks_of(tmp_path, body, head=HEAD):
    result = import_text(head + body + "\n", tmp_path, stem="t", jurisdiction="某某区")
    leaders = {id(t): leader for t, leader in _with_leaders(result.data)}
    return [{"number": t.get("number"), "text": (t.get("title") or "") + t["text"], "leader": leaders[id(t)],
             "units": [(u["name"], u.get("role")) for u in t.get("units", [])]} for t in iter_tasks(result.data)]


def _with_leaders(data):
    """Each task with its leader: its own, or that of the nearest section naming one."""
    def walk(sections, above):
        for section in sections or []:
            leader = section.get("leader") or above
            for task in section.get("tasks") or []:
                yield task, task.get("leader") or leader
            yield from walk(section.get("sections"), leader)
    for att in data.get("attachments") or []:
        for task in att.get("tasks") or []:
            yield task, task.get("leader")
        yield from walk(att.get("sections"), None)


def cells(*lines: str) -> str:
    """A table rendered one cell a line, a blank line after each cell."""
    return "\n\n".join(lines)


def test_a_leader_heading_with_several_posts_above_a_table(tmp_path):
    body = cells("一、王五区长牵头重点工作", "总负责。", "二、李丹常委、常务副区长牵头重点工作",
                 "序号", "重点工作", "责任单位",
                 "1", "地区生产总值增长6.5%。", "区发改局",
                 "2", "一般公共预算收入增长与经济增长基本同步。", "区财政局")
    tasks = tasks_of(tmp_path, body)
    assert [t["leader"] for t in tasks] == ["李丹", "李丹"]
    assert [t["units"] for t in tasks] == [[("区发改局", "责任")], [("区财政局", "责任")]]


def test_a_leader_heading_with_several_posts_over_prose_items(tmp_path):
    body = ("一、李丹常委、常务副区长牵头重点工作\n1.地区生产总值增长6.5%。(责任单位:区发改局)\n"
            "2.一般公共预算收入增长5%。(责任单位:区财政局)")
    assert [t["leader"] for t in tasks_of(tmp_path, body)] == ["李丹", "李丹"]


def test_a_marked_unit_in_a_table_cell_leads(tmp_path):
    body = cells("序号", "重点工作", "区本级", "任务数", "责任单位",
                 "1", "地区生产总值增长6.5%。", "区发改局",
                 "2", "精准承接中央五大政策,力争全年兑现惠企资金20亿元。", "9亿元", "区政府办公室*、区财政局",
                 "3", "设立重点领域专项子基金,力争基金投资超10亿元。", "10亿元", "区财政局*、区科技局、区投促中心")
    assert [t["units"] for t in tasks_of(tmp_path, body)] == [
        [("区发改局", "责任")],
        [("区政府办公室", "牵头"), ("区财政局", "责任")],
        [("区财政局", "牵头"), ("区科技局", "责任"), ("区投促中心", "责任")]]


def test_a_measure_column_and_a_scoring_column_name_no_responsible_unit(tmp_path):
    body = cells("考核项目", "序号", "考核指标", "考核内容", "单位", "年度目标", "责任部门", "评分部门",
                 "农业高质高效",
                 "1", "确保粮食和重要农产品有效供给", "农林牧渔业增加值增幅", "%", "≥2%",
                 "县海洋与渔业局", "县农业农村局", "市海洋渔业局市农业农村局",
                 "2", "粮食安全责任制", "-", "良好以上", "县经济和信息化局", "市商务局",
                 "3", "粮食播种面积", "万亩", "0.07", "县农业农村局", "市农业农村局")
    tasks = tasks_of(tmp_path, body)
    assert [t["units"] for t in tasks] == [
        [("县海洋与渔业局", "责任"), ("县农业农村局", "责任")],
        [("县经济和信息化局", "责任")],
        [("县农业农村局", "责任")]]


def test_bare_names_before_a_zone_share_its_suffix(tmp_path):
    body = ("一、主要经济指标\n1.地区生产总值增长10%左右。(牵头单位:市发改局;责任单位:市统计局,各乡、镇人民政府,"
            "人民大垸、荒湖管理区,某某经济开发区)")
    assert tasks_of(tmp_path, body)[0]["units"] == [
        ("市发改局", "牵头"), ("市统计局", "责任"), ("各乡、镇人民政府", "责任"), ("人民大垸管理区", "责任"),
        ("荒湖管理区", "责任"), ("某某经济开发区", "责任")]


def test_a_progress_column_before_the_units_stays_out_of_the_text(tmp_path):
    body = cells("序号", "内容与要求", "进展情况", "责任单位",
                 "1", "加强季度、月度数据监测,确保地区生产总值增长7%左右。",
                 "从1-2月主要经济指标完成情况看,规上工业增加值全省第2,建安投资全省第1。", "市发改委",
                 "2", "持续推进重大项目攻坚,市县长项目落地率50%以上。",
                 "1-2月,全市固定资产投资同比下降12.7%,居全省第6位。", "市发改委",
                 "3", "深入推进省级军民融合示范区建设,取得军工资质8本以上。",
                 "目前已有10家企业提出申办军工资质需求。", "市经信局")
    tasks = tasks_of(tmp_path, body)
    assert [t["text"] for t in tasks] == ["加强季度、月度数据监测,确保地区生产总值增长7%左右。",
                                          "持续推进重大项目攻坚,市县长项目落地率50%以上。",
                                          "深入推进省级军民融合示范区建设,取得军工资质8本以上。"]
    assert [t["units"] for t in tasks] == [[("市发改委", "责任")], [("市发改委", "责任")], [("市经信局", "责任")]]


def test_a_role_named_in_general_is_no_unit_and_makes_no_task(tmp_path):
    """A covering notice's requirement that says what whoever leads must do (各牵头单位要会同责任单位…)."""
    body = ("一、以目标倒逼落实。各单位要切实加强组织领导,将重点工作责任落实到人。各牵头单位要会同责任单位,认真研究所负责的"
            "重点工作,制订落实方案。\n二、以协作抓好落实。一项工作涉及多个部门的,牵头单位要切实肩负起牵头责任;责任单位"
            "要积极配合,形成工作合力。\n三、以督查促进落实。区政府督查室将对各单位重点工作的全年完成情况调度通报。")
    with pytest.raises(SitegenError, match="found no tasks"):
        tasks_of(tmp_path, body)
