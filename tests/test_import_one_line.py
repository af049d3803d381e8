"""A whole notice run onto one line, its line ends turned into spaces by a mirror page (issue 17, item 2; the
`one-line` dimension of tests/importer_prosefuzz.py). Each test fails under the importer before this rule."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks
from sitegen.importer.variants import simplified

HEAD = ("某某县人民政府办公室关于印发2021年重点工作任务分解的通知 某政办发〔2021〕5号 各乡镇人民政府,县政府各部门: "
        "现将《2021年重点工作任务分解》印发给你们,请认真抓好贯彻落实。 ")


def tasks_of(tmp_path, text: str, place: str = "某某县") -> list[dict]:
    result = import_text(text + "\n", tmp_path, stem="t", jurisdiction=place)
    return list(iter_tasks(result.data))


def view(task: dict) -> tuple:
    return task.get("number"), [u["name"] for u in task.get("units", [])], task.get("leader")


def test_articles_and_their_sub_points_on_one_line(tmp_path):
    # 第二条 opens an item as 二、 does; its (1)(2) points stay inside it
    body = ("第一条　大力发展各项社会事业。 (1)完善工作机制; (2)加快项目建设进度。主办单位:县发改局 "
            "第二条　新投放公共自行车3000辆。 (1)完善工作机制; (2)做好宣传引导工作。主办单位:县交通局 "
            "第三条　建设3个劳动密集型产业园。 (1)完善工作机制; (2)加快项目建设进度。主办单位:县商务局")
    assert [view(t) for t in tasks_of(tmp_path, HEAD + body)] == [
        ("一", ["县发改局"], None), ("二", ["县交通局"], None), ("三", ["县商务局"], None)]


def test_a_remark_after_a_fields_value_is_no_part_of_the_value(tmp_path):
    # 分管领导:王仁洲 该项目…。: the space stood for a line's end; the remark is a line of its own
    body = ("一、稳定经济增长 1.社会消费品零售总额增长15%。 主办单位:县商务局 分管领导:王仁洲 "
            "该项目列入全县重点项目计划。 "
            "2.城镇登记失业率控制在4.5%以内。 主办单位: 县人社局、县财政局 具体实施方案另行制定。 "
            "3.固定资产投资增长12%。 主办单位:县发改局 二、保障措施 加强组织领导,确保各项任务落到实处。")
    assert [view(t) for t in tasks_of(tmp_path, HEAD + body)] == [
        ("1", ["县商务局"], "王仁洲"), ("2", ["县人社局", "县财政局"], None), ("3", ["县发改局"], None)]


@pytest.mark.parametrize("convert", [simplified, lambda text: text], ids=["simplified", "traditional"])
def test_brackets_of_one_attribution_stay_together_in_either_script(tmp_path, convert):
    # (牽頭責任單位:X)(責任單位:Y): a labelled bracket straight after a bracket is more of the same attribution
    text = ("某某縣人民政府辦公室關於印發2021年重點工作任務分解的通知 某政辦發〔2021〕5號 各鄉鎮人民政府: "
            "現將《分解》印發給你們,請認真抓好貫徹落實。 第一部分　加強生態環境保護 "
            "第三條　固定資產投資力爭增長10%以上。(牽頭責任單位:縣發展改革局)(責任單位:縣財政局、縣自然資源局) "
            "第四條　地區生產總值增長8.5%左右。(牽頭責任單位:縣統計局)(責任單位:縣政府各部門) "
            "第五條　新投放公共自行車3000輛。(牽頭責任單位:縣交通局)(責任單位:縣公安局)")
    tasks = tasks_of(tmp_path, convert(text), convert("某某縣"))
    assert [view(t) for t in tasks] == [
        ("三", [convert(u) for u in ("縣發展改革局", "縣財政局", "縣自然資源局")], None),
        ("四", [convert(u) for u in ("縣統計局", "縣政府各部門")], None),
        ("五", [convert(u) for u in ("縣交通局", "縣公安局")], None)]


def test_unnumbered_tasks_after_the_last_field_and_dash_bullets(tmp_path):
    # …【时间节点】长期坚持 进出口总额…: the space after a field's value ends the task; —— opens an item as ● does
    body = ("附件1 2021年重点工作任务分解表 一、稳定经济增长 "
            "加快构建新发展格局。【承办单位】市发改委、市农业农村局【时间节点】长期坚持 "
            "进出口总额增长9%左右。【主办单位】市商务局【协同单位】市财政局、合肥海关 "
            "大力发展各项社会事业。【承办单位】市民政局 二、保障和改善民生 "
            "——城镇登记失业率控制在4.5%以内。市人社局牵头负责。 ——粮食产量稳定在23万吨。市农业农村局牵头负责。")
    assert [view(t)[1] for t in tasks_of(tmp_path, HEAD + body, "某某市")] == [
        ["市发改委", "市农业农村局"], ["市商务局", "市财政局", "合肥海关"], ["市民政局"], ["市人社局"],
        ["市农业农村局"]]


def test_the_first_listed_legend_below_a_paragraph_is_no_attribution(tmp_path):
    # 第一个单位为牵头单位。 on its own line: the legend for every list, not a unit named 第一个单位
    text = ("附件 2021年重点工作任务分解表\n分工安排的主要原则:\n一是正确处理政府与市场的关系。\n"
            "二是科学把握全面和重点的关系。在全面落实各领域任务的同时,重点分解约束性指标。\n第一个单位为牵头单位。\n"
            "精准招引项目。投资3000万元建设养殖基地。(落实单位:县示范区管委会、县财政局)\n"
            "加强市场体系建设。开展非法金融活动专项整治。(落实单位:县金融工作局)\n")
    tasks = tasks_of(tmp_path, text)
    assert [view(t)[1] for t in tasks] == [["县示范区管委会", "县财政局"], ["县金融工作局"]]
    assert [u["role"] for u in tasks[0]["units"]] == ["牵头", "责任"]
