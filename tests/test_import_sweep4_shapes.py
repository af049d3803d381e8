"""Shapes found by the fourth sweep of real notices (issue 17; benchmarks/import_sweep.md, "Fourth sweep").
Each input is a small notice written here, in the layout and wordings those notices print."""

from __future__ import annotations

from test_import_sweep2_shapes import tasks_of


def _units(task):
    return [name for name, _ in task["units"]]


def _leads(task):
    return [name for name, role in task["units"] if role == "牵头"]


def test_a_collective_with_places_in_any_bracket_is_one_unit(tmp_path):
    # 各县〔市、区、特区〕人民政府, 各县<市、区>人民政府: the 、 inside the bracket parts no names, whatever
    # bracket the notice prints (as it does not inside 各县(市、区)人民政府)
    body = ("一、实施就业优先战略\n(一)着力稳定就业。将城镇新增就业纳入年度计划。(牵头单位:区人社局;责任单位:区财政局,"
            "各镇〔街道、园区〕人民政府、区就业工作联席会议成员单位)\n"
            "(二)发展吸纳就业能力强的产业。培育新兴产业。(牵头单位:区发改局;责任单位:各镇<街道、园区>人民政府)")
    tasks = tasks_of(tmp_path, body)
    assert [_units(t) for t in tasks] == [
        ["区人社局", "区财政局", "各镇〔街道、园区〕人民政府", "区就业工作联席会议成员单位"],
        ["区发改局", "各镇<街道、园区>人民政府"]]


def test_a_legend_naming_the_lead_as_a_responsible_unit_is_no_unit(tmp_path):
    # (…,排名第一的部门为牵头责任单位,下同): the notice's legend, in the list's own bracket, is read as the rule
    body = ("一、“互联网+”创业创新\n(一)支持众创空间建设。引导众创空间推动创业创新。"
            "(责任单位:区科技局、区发改局、区经信局,排名第一的部门为牵头责任单位,下同)\n"
            "(二)打造云孵化体系。促进创新要素资源共享。(责任单位:区经信局、区人社局)")
    tasks = tasks_of(tmp_path, body)
    assert [_units(t) for t in tasks] == [["区科技局", "区发改局", "区经信局"], ["区经信局", "区人社局"]]
    assert [_leads(t) for t in tasks] == [["区科技局"], ["区经信局"]]
    # (…负责,排名第一的为牵头负责单位,下同): the same legend, 负责 in place of 责任
    body = ("一、主要任务\n(一)支持众创空间建设。引导众创空间推动创业创新。"
            "(区科技局、区发改局负责,排名第一的为牵头负责单位,下同)\n(二)打造云孵化体系。促进资源共享。(区经信局、区人社局负责)")
    tasks = tasks_of(tmp_path / "2", body)
    assert [_units(t) for t in tasks] == [["区科技局", "区发改局"], ["区经信局", "区人社局"]]
    assert [_leads(t) for t in tasks] == [["区科技局"], ["区经信局"]]


def test_a_clause_opened_by_together_with_names_the_partners(tmp_path):
    # [X牵头,会同Y、Z和各街道负责]: 会同 opens the clause of the units X works with; it is no part of a name
    body = ("一、实施重点行动\n1.大力发展众创空间。全区认定一批众创空间。[区科委牵头,会同区经信局、区发改局和各街道负责]\n"
            "2.加快特色小镇建设。聚焦信息经济特色小镇。(区发改局牵头,会同区商务局负责)")
    tasks = tasks_of(tmp_path, body)
    assert [_units(t) for t in tasks] == [["区科委", "区经信局", "区发改局", "各街道"], ["区发改局", "区商务局"]]
    assert [_leads(t) for t in tasks] == [["区科委"], ["区发改局"]]


def test_a_numbered_group_row_names_the_leader_of_the_rows_under_it(tmp_path):
    # a table printed a cell a line with | between: the group row (一)张三区长牵头重点工作 keeps its number
    rows = ["序号", "重点工作任务", "责任单位",
            "(一)张三区长牵头重点工作", "1", "加快建设科创走廊。", "区科技局、区发改局",
            "(二)李四常务副区长牵头重点工作", "2", "推进人才服务综合体建设。", "区人社局",
            "3", "加强项目谋划,加大专项债争取力度。", "区财政局、区发改局"]
    tasks = tasks_of(tmp_path, "\n|\n".join(rows))
    assert [t["leader"] for t in tasks] == ["张三", "李四", "李四"]
    assert [_units(t) for t in tasks] == [["区科技局", "区发改局"], ["区人社局"], ["区财政局", "区发改局"]]


def test_a_bracket_on_the_next_line_with_together_with_stays_an_attribution(tmp_path):
    # 〔X会同Y、Z负责〕 on a line of its own: 会同 is read inside the bracket (the 〔 now keeps 、 lists whole)
    body = ("一、加强生态环境保护\n(一)国家综合能源基地。统筹煤炭资源的勘探开发。\n"
            "〔区能源局会同区发改局、区经信局、相关街道负责〕\n"
            "(二)用水量达到省要求标准。完善工作机制。\n〔区水利局、区发改局等按职责分工负责〕")
    tasks = tasks_of(tmp_path, body)
    assert [_units(t) for t in tasks] == [["区能源局", "区发改局", "区经信局", "相关街道"], ["区水利局", "区发改局"]]
    assert [_leads(t) for t in tasks] == [["区能源局"], []]


def test_leaders_named_by_their_posts_in_the_attribution(tmp_path):
    # (分管副省长、协管副秘书长负责,省发展改革委牵头,…等按职责分工负责): the posts lead, 协管 assists; the units
    # follow the posts' clause
    head = "某某省人民政府关于落实《政府工作报告》重点工作部门分工的意见\n省直有关单位:\n现提出部门分工意见如下:\n"
    body = ("一、落实主要预期目标\n1.地区生产总值增长7.5%左右。(分管副省长、协管副秘书长负责,省发展改革委牵头,"
            "省统计局、省财政厅等按职责分工负责)\n"
            "2.城镇调查失业率5%左右。(分管副省长负责,省人力资源社会保障厅牵头,省统计局等按职责分工负责)")
    tasks = tasks_of(tmp_path, body, head=head)
    assert [t["leader"] for t in tasks] == ["分管副省长", "分管副省长"]
    assert [_units(t) for t in tasks] == [["省发展改革委", "省统计局", "省财政厅"], ["省人力资源社会保障厅", "省统计局"]]
    assert [_leads(t) for t in tasks] == [["省发展改革委"], ["省人力资源社会保障厅"]]
