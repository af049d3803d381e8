"""Prose shapes of issue 17 item 2 that the widened prose generator showed (tests/importer_prosefuzz.py,
_reprint): a task's first line ended by the page's width after a heading-like number, a title sentence on a
line of its own above the task's one paragraph, the notice's list of attachments printed after the tasks, a
signature under a leader's label line. Each input is a small notice written here."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = "2021年重点工作任务分解表\n一、稳定经济增长\n"


def tasks_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return [(t.get("number"), (t.get("title") or "") + t["text"], [u["name"] for u in t.get("units", [])],
             t.get("leader")) for t in iter_tasks(result.data)]


def test_an_item_numbered_like_a_heading_runs_on_where_the_page_width_broke_it(tmp_path):
    tasks = tasks_of(tmp_path, "（一）加快项目建设。地区生产总值增长11.5%;地方财政一般预算收入同\n口径增长12%。（县发改局、县财政局负责）\n"
                               "（二）城镇登记失业率控制在4.5%以内。（县人社局负责）")
    assert [(n, text[:20]) for n, text, _, _ in tasks] == [("一", "加快项目建设。地区生产总值增长11.5%"),
                                                           ("二", "城镇登记失业率控制在4.5%以内。")]
    assert "同口径增长12%" in tasks[0][1]
    assert tasks[0][2] == ["县发改局", "县财政局"]


def test_a_long_line_of_clauses_after_a_heading_number_runs_on_too(tmp_path):
    tasks = tasks_of(tmp_path, "（一）继续实施“十百千万”工程,引导土地经营权有序流转,大力\n培育新型农业经营主体。（县农业农村局负责）\n"
                               "（二）城镇登记失业率控制在4.5%以内。（县人社局负责）")
    assert [n for n, *_ in tasks] == ["一", "二"]
    assert tasks[0][2] == ["县农业农村局"]


def test_a_short_heading_still_heads_the_paragraph_below_it(tmp_path):
    tasks = tasks_of(tmp_path, "（一）推进重大项目建设\n建立健全领导联系重点项目制度,形成项目推进全程服务机制。（县发改局负责）")
    assert tasks == [(None, "建立健全领导联系重点项目制度,形成项目推进全程服务机制。", ["县发改局"], None)]


def test_a_title_sentence_on_its_own_line_opens_the_task_below_it(tmp_path):
    tasks = tasks_of(tmp_path, "（一）深化改革创新。\n积极推进梯队企业培育计划,加快区属企业上市步伐。（县发改局、县财政局负责）\n"
                               "（二）优化营商环境。\n城镇登记失业率控制在4.5%以内。\n（县人社局负责）")
    assert [(n, text) for n, text, _, _ in tasks] == [
        ("一", "深化改革创新。积极推进梯队企业培育计划,加快区属企业上市步伐。"),
        ("二", "优化营商环境。城镇登记失业率控制在4.5%以内。")]
    assert tasks[1][2] == ["县人社局"]


def test_a_bulleted_title_sentence_on_its_own_line_opens_the_task_below_it(tmp_path):
    tasks = tasks_of(tmp_path, "● 深化改革创新。\n积极推进梯队企业培育计划。（县发改局负责）\n"
                               "● 优化营商环境。\n城镇登记失业率控制在4.5%以内。（县人社局负责）")
    assert [text for _, text, _, _ in tasks] == ["深化改革创新。积极推进梯队企业培育计划。",
                                                 "优化营商环境。城镇登记失业率控制在4.5%以内。"]


def test_a_title_sentence_over_several_tasks_heads_them(tmp_path):
    tasks = tasks_of(tmp_path, "（一）支持民间投资参与重大工程项目建设。\n1.梳理筛选具备一定收益水平的项目。（县发改局负责）\n"
                               "2.推行市场化运作。（县交通局负责）")
    assert [(n, text[:6]) for n, text, _, _ in tasks] == [("1", "梳理筛选具备"), ("2", "推行市场化运")]


def test_the_list_of_attachments_after_the_tasks_is_no_task(tmp_path):
    tasks = tasks_of(tmp_path, "1.加强市场体系建设。推进项目落地。\n责任单位:县发改局\n2.居民消费价格指数控制在3%左右。\n"
                               "责任单位:县统计局\n附件:1.2021年民生实事项目清单\n2.重点项目推进计划表")
    assert [n for n, *_ in tasks] == ["1", "2"]


def test_a_signature_under_a_leader_line_is_not_the_leader(tmp_path):
    tasks = tasks_of(tmp_path, "1.推进乡村振兴。地区生产总值比上年增长8.5%左右。\n落实单位:\n市发展和改革委员会、市政府各部门\n"
                               "牵头市领导:宁波副市长\n某某县人民政府办公室\n2021年3月1日")
    assert tasks[0][3] == "宁波"
