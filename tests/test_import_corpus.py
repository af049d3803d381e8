"""A second corpus in layouts the five real notices do not use (tests/importer_corpus/).

Each notice was written for these tests; the expectations below are read off
the files themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sitegen.importer import import_notice
from sitegen.importer.content import iter_tasks

CORPUS = Path(__file__).parent / "importer_corpus"


def imported(tmp_path, name):
    result = import_notice(str(CORPUS / f"{name}.txt"), tmp_path)
    assert "(100.0%)" in result.report_text, result.report_text
    return result, {t["id"]: t for t in iter_tasks(result.data)}


def view(task):
    return [(u["name"], u.get("role")) for u in task.get("units") or []]


def test_traditional_characters(tmp_path):
    result, tasks = imported(tmp_path, "traditional")
    data = result.data
    assert data["title"] == "杭州市人民政府辦公廳關於印發2020年政府工作報告重點工作責任分解的通知"
    assert (data["doc_number"], data["issuer"], data["jurisdiction"]) == ("杭政辦函〔2020〕5號", "杭州市人民政府辦公廳", "hangzhou")
    assert view(tasks["1-1"]) == [("市發展改革委", "牵头"), ("市財政局", "配合"), ("市建委", "配合"), ("各區縣(市)政府", "配合")]
    assert view(tasks["1-2"]) == [("市數據資源局", "牵头"), ("市司法局", "配合"), ("市市場監管局", "配合")]
    assert view(tasks["1-3"]) == [("市商務局", "责任"), ("杭州海關", "责任")]
    assert view(tasks["1-4"]) == [("市教育局", "牵头"), ("市發展改革委", "配合"), ("市財政局", "配合")]
    assert tasks["1-4"]["text"] == "新建改建中小學校30所,新增學位3萬個。"
    registry = yaml.safe_load((tmp_path / "content" / "units" / "hangzhou.yaml").read_text(encoding="utf-8"))
    by_name = {u["name"]: u for u in registry["units"]}
    assert by_name["市发展改革委"]["aliases"] == ["市發展改革委"]  # canonical simplified, printed form an alias
    assert by_name["各区县(市)政府"]["kind"] == "collective"
    jurisdictions = (tmp_path / "content" / "jurisdictions.yaml").read_text(encoding="utf-8")
    assert "- id: hangzhou\n  name: 杭州市\n  parent: zhejiang" in jurisdictions


def test_separate_lines_leaders_deadlines_and_parts(tmp_path):
    result, tasks = imported(tmp_path, "separate_lines")
    assert view(tasks["1-1"]) == [("市海洋发展局", "牵头"), ("市发展改革委", "配合"), ("市工业和信息化局", "配合"),
                                  ("市科技局", "配合")]
    assert tasks["1-1"]["attribution"] == "牵头单位:市海洋发展局\n配合单位:市发展改革委、市工业和信息化局、市科技局"
    assert (tasks["1-1"]["leader"], tasks["1-1"]["deadline"]) == ("张三", "2019年12月底")
    assert view(tasks["1-2"]) == [("市工业和信息化局", "牵头"), ("市大数据局", "配合")]
    assert tasks["1-2"]["leader"] == "李四"
    assert tasks["1-2"]["text"] == "实施工业互联网行动,建设工业互联网平台20个。\n\n(1)培育平台企业10家;\n\n(2)推动上云企业5000家。"
    assert view(tasks["1-3"]) == [("李沧区政府", "责任"), ("市科技局", "责任")]
    assert tasks["1-3"]["leader"] == "王五"
    assert view(tasks["1-4"]) == [("市商务局", "牵头"), ("市贸促会", "配合"), ("各区(市)政府", "配合")]
    part = result.data["attachments"][0]["sections"][0]
    assert (part["number"], part["heading"]) == ("第一部分", "经济发展")
    assert [s["heading"] for s in part["sections"]] == ["推进新旧动能转换", "扩大对外开放"]
    leaders = yaml.safe_load((tmp_path / "content" / "leaders.yaml").read_text(encoding="utf-8"))
    assert {(l["name"], l["title"]) for l in leaders} == {("张三", "副市长"), ("李四", "分管领导"), ("王五", "副市长")}


def test_inline_roles_and_deadlines(tmp_path):
    result, tasks = imported(tmp_path, "inline")
    assert view(tasks["1-1"]) == [("市发展改革委", "牵头"), ("市财政局", "配合")]
    assert tasks["1-1"]["deadline"] == "2021年6月底前完成"
    assert view(tasks["1-2"]) == [("市商务局", "牵头"), ("各县(市)区政府", "责任")]
    assert view(tasks["1-3"]) == [("市科技局", "责任"), ("市发展改革委", "责任")]  # (X、Y等负责)
    assert tasks["1-3"]["text"].endswith("\n\n①加快推进聚变堆主机关键系统综合研究设施。\n\n②启动合肥先进光源建设。")
    assert view(tasks["1-4"]) == [("市科技局", "责任")]
    assert view(tasks["1-5"]) == [("市林园局", "责任"), ("市巢湖管理局", "责任"), ("市生态环境局", "责任")]
    assert [s["number"] for s in result.data["attachments"][0]["sections"]] == ["一", "二"]
    assert result.data["jurisdiction"] == "hefei"


def test_table_one_row_per_line(tmp_path):
    result, tasks = imported(tmp_path, "table_rows")
    att = result.data["attachments"][0]
    assert att["columns"] == ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
    assert [s["heading"] for s in att["sections"]] == ["一、稳增长", "二、惠民生"]
    assert view(tasks["1-1"]) == [("市发展改革委", "牵头"), ("市统计局", "配合"), ("市财政局", "配合")]
    assert view(tasks["1-2"]) == [("市经信局", "牵头")]  # an empty 配合单位 cell between tabs
    assert view(tasks["1-3"]) == [("市人力社保局", "牵头"), ("各区县(市)政府", "配合")]  # spaces, not tabs
    assert [tasks[f"1-{n}"]["deadline"] for n in range(1, 5)] == ["2022年12月底"] * 3 + ["2022年11月底"]
    assert tasks["1-4"]["text"] == "建成保障性租赁住房2万套。"
    assert att["footer"] == "注:各区县(市)政府负责落实本地任务。\n"


def test_table_one_cell_per_line(tmp_path):
    result, tasks = imported(tmp_path, "table_cells")
    assert result.data["attachments"][0]["columns"] == ["序号", "工作任务", "牵头单位", "责任单位"]
    assert view(tasks["1-1"]) == [("市经信委", "牵头"), ("市发改委", "责任"), ("市财政局", "责任")]
    assert view(tasks["1-2"]) == [("梧桐湖新区管委会", "牵头")]
    assert view(tasks["1-3"]) == [("市住建委", "牵头"), ("市政务服务中心", "责任")]
    assert tasks["1-3"]["text"] == "建成市民服务中心。"


def test_ordinal_headings_and_restarting_numbers(tmp_path):
    result, tasks = imported(tmp_path, "ordinal")
    sections = result.data["attachments"][0]["sections"]
    assert [(s["number"], s["heading"]) for s in sections] == [("第一", "聚焦实体经济。"), ("第二", "建设美丽温州。")]
    assert list(tasks) == ["1-1", "1-2", "1-1-2"]  # (1) again under 第二: still a stable, unique id
    assert view(tasks["1-1-2"]) == [("市治水办", "责任"), ("市水利局", "责任"), ("市环保局", "责任")]
    assert view(tasks["1-2"]) == [("瓯江口管委会", "责任")]


@pytest.mark.parametrize("title, place, expected", [
    ("济南市人民政府办公厅关于印发2017年《政府工作报告》重点工作部门分工方案的通知", "济南市",
     "济南市2017年政府工作报告重点工作部门分工方案"),
    ("市人民政府办公室关于印发《市七届人大四次会议〈政府工作报告〉主要工作任务分解落实意见》的通知", "鄂州市",
     "鄂州市七届人大四次会议政府工作报告主要工作任务分解落实意见"),
    ("济南市济阳区人民政府关于印发《济南市济阳区2023年政府重点工作任务实施方案》的通知", "济阳区",
     "济南市济阳区2023年政府重点工作任务实施方案"),
    ("2019年政府工作报告重点工作分工", "湖州市", None),  # no 关于印发…的通知: nothing is invented
])
def test_short_title_is_derived_from_the_printed_title(title, place, expected):
    from sitegen.importer.header import short_title

    assert short_title(title, place) == expected
