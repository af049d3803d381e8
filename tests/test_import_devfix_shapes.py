"""Shapes of the development notices still misread (issue 17, devfix), each written here twice: in the columns
and wording of the notice that showed it, and in another column set, rendering and wording of the same shape."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import children, iter_tasks

HEAD = ("某某县人民政府办公室关于印发2022年政务公开工作要点任务分工的通知\n各乡镇人民政府,县直各单位:\n"
        "现将任务分工印发给你们,请认真贯彻落实。\n")


def tasks_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县", force=True)
    return [{"text": (t.get("title") or "") + t["text"], "units": [u["name"] for u in t.get("units", [])],
             "lead": [u["name"] for u in t.get("units", []) if u.get("role") == "牵头"],
             "deadline": t.get("deadline")}
            for t in iter_tasks(result.data)]


# -- a flattened web table leaves out each cell merged down from a row above (a rowspan), no empty cell in its
#    place: the row's cells go where they look like they stand, and the left-out ones repeat the row above's

def test_pipe_rows_without_their_merged_group_and_unit_cells(tmp_path):
    # 工作任务 (a group merged over its rows) | 具体要求 (numbered) | 责任部门 (merged where alike)
    body = ("工作任务 | 具体要求 | 责任部门 |\n"
            "一、做好规划信息公开。 | 1.主动公开规划纲要及政策解读信息。 | 办公室牵头,其他股室配合 |\n"
            "2.做好历年规划的归集整理和主动公开工作。 |\n"
            "二、做好执法信息公开。 | 3.及时公开市场监管执法的落实举措。 | 综合执法股 |\n"
            "4.加强行政处罚结果信息公开。 | 法规股 |\n")
    tasks = tasks_of(tmp_path, body)
    assert [t["text"][:6] for t in tasks] == ["1.主动公开", "2.做好历年", "3.及时公开", "4.加强行政"]
    assert [t["units"] for t in tasks] == [["办公室", "其他股室"], ["办公室", "其他股室"], ["综合执法股"], ["法规股"]]
    assert [t["lead"] for t in tasks] == [["办公室"], ["办公室"], [], []]


def test_barred_pipe_rows_without_their_merged_cells_carry_the_unit_and_the_date(tmp_path):
    # another column set and rendering: outer bars, a deadline column, rows of one and two cells
    body = ("| 重点任务 | 具体举措 | 责任单位 | 完成时限 |\n"
            "| 一、提升政务服务效能 | 1.推进政务服务事项一网通办全覆盖。 | 县政务服务中心 | 2022年6月底前 |\n"
            "| 2.推行证明事项告知承诺制。 | 县司法局 | 2022年9月底前 |\n"
            "| 3.拓展跨省通办服务事项范围。 |\n"
            "| 二、强化数据共享应用 | 4.建设县级数据共享交换平台。 | 县大数据中心 | 2022年12月底前 |\n"
            "| 5.编制公共数据开放目录。 | 2022年10月底前 |\n")
    tasks = tasks_of(tmp_path, body)
    assert [t["text"][:6] for t in tasks] == ["1.推进政务", "2.推行证明", "3.拓展跨省", "4.建设县级", "5.编制公共"]
    assert [t["units"] for t in tasks] == [["县政务服务中心"], ["县司法局"], ["县司法局"], ["县大数据中心"],
                                           ["县大数据中心"]]
    assert [t["deadline"] for t in tasks] == ["2022年6月底前", "2022年9月底前", "2022年9月底前", "2022年12月底前",
                                              "2022年10月底前"]


# -- two text columns: a task's name merged over its rows (a rowspan) and each row's own measures; the rows
#    printed short leave out the first, so it groups the rows and the second is each row's task

def sections_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县", force=True)

    def walk(container, path):
        for kind, child in children(container):
            if kind == "task":
                yield path
            else:
                yield from walk(child, [*path, child.get("heading") or child.get("title") or ""])
    return [p for att in result.data["attachments"] for p in walk(att, [])]


def test_a_ledger_with_a_merged_task_column_beside_its_detailed_division(tmp_path):
    # 细化分工 reads as a unit column's label (责任分工), yet its cells are sentences: the task's measures
    body = ("序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |\n"
            "1 | 做好疫情防控信息发布 | 围绕散发疫情、隔离管控、流调溯源等及时发布权威信息 | 应急处、疾控处 | 长期推进 |\n"
            "2 | 扎实做好疫苗接种信息公开和舆论引导工作 | 疾控处 | 长期推进 |\n"
            "3 | 提高疫情信息发布规范化水平,强化内部信息整合 | 宣传处 | 2021年8月前 |\n"
            "4 | 常规政务公开事项 | 强化行政执法信息公开,加强反不正当竞争执法信息公开 | 政法处 | 长期推进 |\n"
            "5 | 积极推进部门所属单位预算、决算及相关报表公开 | 财务处 | 2021年8月前 |\n")
    tasks = tasks_of(tmp_path, body)
    assert [t["text"][:6] for t in tasks] == ["围绕散发疫情", "扎实做好疫苗", "提高疫情信息", "强化行政执法", "积极推进部门"]
    assert [t["units"] for t in tasks] == [["应急处", "疾控处"], ["疾控处"], ["宣传处"], ["政法处"], ["财务处"]]
    assert [t["deadline"] for t in tasks] == ["长期推进", "长期推进", "2021年8月前", "长期推进", "2021年8月前"]
    assert [s[-1] for s in sections_of(tmp_path, body)] == ["做好疫情防控信息发布"] * 3 + ["常规政务公开事项"] * 2


# 细化分工 and 具体分工 (工作分工 and 责任分工) both read as unit columns' labels over sentences: each is checked,
# not the second skipped
@pytest.mark.parametrize("body, units", [
    ("序号 | 工作任务 | 细化分工 | 具体分工 | 责任处室 | 完成时限 |\n"
     "1 | 做好疫情防控信息发布 | 围绕散发疫情、隔离管控、流调溯源等及时发布权威信息 | "
     "每日汇总发布防控信息,做好政策解读和回应关切 | 应急处、疾控处 | 长期推进 |\n"
     "2 | 扎实做好疫苗接种信息公开 | 及时公开接种点位、接种时间和预约服务信息 | "
     "加强疫苗接种舆情监测,及时回应社会关切 | 疾控处 | 2021年8月前 |\n",
     [["应急处", "疾控处"], ["疾控处"]]),
    ("序号 | 重点任务 | 工作分工 | 责任分工 | 责任科室 |\n"
     "1 | 推进数据共享 | 梳理部门数据共享需求清单,建立共享目录并动态更新 | "
     "按月通报共享数据调用情况,督促问题数据整改 | 数据科、信息科 |\n"
     "2 | 优化审批流程 | 全面推行告知承诺制,压减审批材料和办理环节 | "
     "每季度开展审批时限评估,形成评估报告上报 | 审批科 |\n",
     [["数据科", "信息科"], ["审批科"]]),
])
def test_two_sentence_columns_side_by_side_under_unit_labels_are_both_text(tmp_path, body, units):
    assert [t["units"] for t in tasks_of(tmp_path, body)] == units


def test_a_merged_work_column_beside_its_measures_in_barred_rows(tmp_path):
    # another column set (重点工作 / 具体措施 / 牵头单位 / 完成时间), outer bars, the lead merged too
    body = ("| 序号 | 重点工作 | 具体措施 | 牵头单位 | 完成时间 |\n"
            "| 1 | 优化营商环境 | 全面推行企业开办全程网上办理,压缩开办时间至1个工作日以内 | 县市场监管局 | 2023年6月底前 |\n"
            "| 2 | 深化工程建设项目审批制度改革,推行联合审图和联合验收 | 县住建局 | 2023年9月底前 |\n"
            "| 3 | 推进不动产登记、交易和缴税一窗受理并行办理 | 2023年12月底前 |\n"
            "| 4 | 提升公共服务水平 | 推进医保经办服务事项全部下沉至乡镇便民服务中心办理 | 县医保局 | 2023年10月底前 |\n"
            "| 5 | 扩大养老服务供给,新建社区嵌入式养老服务设施3处 | 县民政局 | 2023年12月底前 |\n")
    tasks = tasks_of(tmp_path, body)
    assert [t["text"][:6] for t in tasks] == ["全面推行企业", "深化工程建设", "推进不动产登", "推进医保经办", "扩大养老服务"]
    assert [t["units"] for t in tasks] == [["县市场监管局"], ["县住建局"], ["县住建局"], ["县医保局"], ["县民政局"]]
    assert [t["deadline"] for t in tasks] == ["2023年6月底前", "2023年9月底前", "2023年12月底前", "2023年10月底前",
                                              "2023年12月底前"]
    assert [s[-1] for s in sections_of(tmp_path, body)] == ["优化营商环境"] * 3 + ["提升公共服务水平"] * 2


# -- one cell a line, each closed by a bar, where a row's merged cells print as empty cells after its text
#    (`2.… | ||`) or leave no trace at all: a text numbered on from the row above starts the next row, and a
#    row that names nobody takes the lead, 责任单位 and date of the row above

CELL_HEAD = ("某某县人民政府办公室\n2022年3月1日\n2022年优化营商环境重点任务分工表\n")


def test_cells_one_a_line_with_empty_merged_cells_after_the_text(tmp_path):
    body = (CELL_HEAD + "重 点 任 务 |\n牵头单位 |\n责 任 单 位 |\n一、深化放管服改革 | ||\n"
            "1.推进证照分离改革全覆盖,持续压减审批事项 |\n县市场监管局 |\n县司法局、县政务服务中心 |\n"
            "2.压减企业开办时间至1个工作日以内 | ||\n"
            "3.推行工程建设项目审批告知承诺制 |\n县住建局 |\n县自然资源局、县发改局 |\n"
            "4.开展惠企政策免申即享改革试点 |\n县发改局、县财政局 | |\n"
            "二、提升监管效能 | ||\n5.推行跨部门综合监管一件事改革 |\n县市场监管局 |\n县直有关部门 |\n")
    tasks = tasks_of(tmp_path, body)
    assert [t["text"][:6] for t in tasks] == ["1.推进证照", "2.压减企业", "3.推行工程", "4.开展惠企", "5.推行跨部"]
    assert [t["units"] for t in tasks] == [["县市场监管局", "县司法局", "县政务服务中心"],
                                           ["县市场监管局", "县司法局", "县政务服务中心"],
                                           ["县住建局", "县自然资源局", "县发改局"], ["县住建局", "县发改局", "县财政局"],
                                           ["县市场监管局", "县直有关部门"]]
    assert [t["lead"] for t in tasks] == [["县市场监管局"], ["县市场监管局"], ["县住建局"], ["县住建局"], ["县市场监管局"]]


def test_cells_one_a_line_with_bracketed_numbers_and_a_deadline_column(tmp_path):
    # another wording, (1) numbers, a deadline column; the merged cells of rows (2) and (4) print as empty cells
    body = (CELL_HEAD + "工作内容 |\n责任单位 |\n完成时限 |\n一、加快项目建设 | ||\n"
            "(1)推进城区供水管网改造工程建设 |\n县水利局、县住建局 |\n2022年10月底前 |\n"
            "(2)完成城区雨污分流改造一期工程 | ||\n"
            "(3)建成县城北部污水处理厂二期 |\n县生态环境局 |\n2022年12月底前 |\n"
            "(4)开展城区黑臭水体排查整治 | ||\n")
    tasks = tasks_of(tmp_path, body)
    assert [t["text"][:6] for t in tasks] == ["(1)推进城", "(2)完成城", "(3)建成县", "(4)开展城"]
    assert [t["units"] for t in tasks] == [["县水利局", "县住建局"], ["县水利局", "县住建局"], ["县生态环境局"],
                                           ["县生态环境局"]]
