"""Tables run into one paragraph, as document-sharing sites print a file's text: the header, group rows and
rows with nothing between them, page numbers inside, the text cut off inside its last row (runtogether.py)."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks
from sitegen.importer.runtogether import page_marks_dropped, row_cells, split_row, tables_apart
from sitegen.importer.text import Line

HEAD = ("某某市人民政府办公室关于印发2022年重点工作任务分解表的通知\n某政办发〔2022〕3号\n各区人民政府,市政府各部门:\n"
        "现将分解表印发给你们。\n某某市人民政府办公室\n2022年3月1日\n附件\n")


def imported(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t")
    tasks = [(t.get("number"), t["text"][:8], [(u["name"], u.get("role")) for u in t.get("units", [])],
              t.get("leader")) for t in iter_tasks(result.data)]
    return result, tasks


def pieces(text):
    return [line.text for line in tables_apart([Line(text, (1,), text)])]


PARAGRAPH = ("—1—某市2022年重点工作任务分解表序号工作任务牵头单位配合单位一、稳定经济增长1推动工业投资增长百分之十五。"
             "市发改委市财政局、市统计局2实施减税降费政策。市税务局各区政府、市财政局—2—二、改善民生保障"
             "3新增城镇就业一万人。市人社局各区政府4建设养老服务设施三处。市民政局各区政府、市卫健委")


def test_a_table_run_into_a_paragraph_is_read_row_by_row(tmp_path):
    result, tasks = imported(tmp_path, PARAGRAPH)
    lead, assist = "牵头", "配合"
    assert tasks == [("1", "推动工业投资增长", [("市发改委", lead), ("市财政局", assist), ("市统计局", assist)], None),
                     ("2", "实施减税降费政策", [("市税务局", lead), ("各区政府", assist), ("市财政局", assist)], None),
                     ("3", "新增城镇就业一万", [("市人社局", lead), ("各区政府", assist)], None),
                     ("4", "建设养老服务设施", [("市民政局", lead), ("各区政府", assist), ("市卫健委", assist)], None)]
    headings = [s["heading"] for s in result.data["attachments"][0]["sections"]]
    assert headings == ["一、稳定经济增长", "二、改善民生保障"]


def test_the_paragraph_splits_into_the_text_before_the_header_and_rows():
    assert pieces(PARAGRAPH)[:4] == ["某市2022年重点工作任务分解表", "序号工作任务牵头单位配合单位", "一、稳定经济增长",
                                     "1推动工业投资增长百分之十五。市发改委市财政局、市统计局"]


def test_a_row_cut_off_by_the_texts_end_is_left_as_text(tmp_path):
    result, tasks = imported(tmp_path, PARAGRAPH + "5推进老旧小区改造,完成改造的")
    assert [t[0] for t in tasks] == ["1", "2", "3", "4"]
    assert "ends the text" in result.report_text


def test_rows_under_a_leader_first_header_and_merged_numbers(tmp_path):
    """The leader column before the units: names run together without a level; the text after the names is a
    second row under the same number; a text with nobody after it keeps the leader and units above."""
    body = ("序号项目名称主要内容分管领导牵头单位配合单位1建设养老中心新建养老服务中心三个。王建国民政局卫健局各街道"
            "推进社区食堂建设。李明商务局城管局各街道2改造老旧小区完成改造二十个。赵强住建局房管中心各社区"
            "同步加装电梯十部。")
    _, tasks = imported(tmp_path, body)
    assert tasks == [("1", "建设养老中心新建", [("民政局", "牵头"), ("卫健局", "配合"), ("各街道", "配合")], "王建国"),
                     ("1", "推进社区食堂建设", [("商务局", "牵头"), ("城管局", "配合"), ("各街道", "配合")], "李明"),
                     ("2", "改造老旧小区完成", [("住建局", "牵头"), ("房管中心", "配合"), ("各社区", "配合")], "赵强"),
                     ("2", "同步加装电梯十部", [("住建局", "牵头"), ("房管中心", "配合"), ("各社区", "配合")], "赵强")]


def test_a_name_with_its_place_in_brackets_and_a_two_character_leader():
    kinds = ["number", "text", "leader", "lead", "assist"]
    rows = row_cells("1优化养老服务提供上门服务。张菁民政局高新园(邹区镇)各街道", kinds, None)
    assert rows == [["1", "优化养老服务提供上门服务。", "张菁", "民政局", "高新园(邹区镇)、各街道"]]


def test_more_names_than_unit_columns_fold_into_the_first():
    cells = split_row("8单位能耗下降。市发改委市经贸委市统计局、各区政府", ["number", "text", "units", "units"], 7)
    assert cells == ["8", "单位能耗下降。", "市发改委、市经贸委", "市统计局、各区政府"]


def test_a_groups_members_are_one_name():
    kinds = ["number", "text", "units", "units"]
    cells = split_row("2服务业比重提高。市发改委各区政府、市三产领导小组各成员单位", kinds, 1)
    assert cells == ["2", "服务业比重提高。", "市发改委", "各区政府、市三产领导小组各成员单位"]


def test_page_numbers_are_dropped_only_in_order():
    assert page_marks_dropped("甲—1—乙—2—丙") == "甲乙丙"
    assert page_marks_dropped("—3—甲乙") == "甲乙"
    assert page_marks_dropped("增长5%—8%的区间") == "增长5%—8%的区间"
    assert page_marks_dropped("甲—3—乙—1—丙") == "甲—3—乙—1—丙"


def test_prose_and_numbered_items_are_no_table():
    prose = ("按照序号顺序排列的项目清单,2023年全市新增就业1万人,完成投资3亿元。1、加强组织领导。各单位要高度重视,"
             "2、强化督查考核。市政府督查室要定期通报进展情况,确保各项任务落到实处,推动工作取得实效。")
    assert pieces(prose) == [prose]
    items = "序号工作任务牵头单位配合单位1、加强组织领导。各单位要高度重视,认真落实各项任务要求并按时报送进展情况。" * 3
    assert pieces(items) == [items]


def test_a_notice_with_its_own_numbered_items_imports_as_before(tmp_path):
    body = ("1、加强组织领导。各地要建立工作机制,明确责任分工。(责任单位:市发改委、市财政局)\n"
            "2、强化督查考核。定期通报工作进展。(责任单位:市政府督查室)\n")
    _, tasks = imported(tmp_path, body)
    assert [(t[0], t[2][0][0]) for t in tasks] == [("1", "市发改委"), ("2", "市政府督查室")]


def test_a_header_in_spaces_is_another_readers():
    """序号 工作任务 牵头单位 …: a table in spaces run onto one line keeps its spacing for its own readers."""
    raw = ("序号 工作任务 牵头单位 配合单位 1 推动工业投资增长。 市发改委 市统计局 "
           "2 实施减税降费政策。 市税务局 各区政府")
    text = raw.replace(" ", "")
    assert [line.text for line in tables_apart([Line(text, (1,), raw)])] == [text]
    assert len(tables_apart([Line(text, (1,), text)])) == 3


def test_a_paragraph_table_with_a_deadline_column(tmp_path):
    body = ("序号工作任务牵头单位配合单位完成时限1推进重点项目建设,完成投资50亿元。市发改委市财政局、各区政府2023年底前"
            "2实施城市更新行动。市住建局各区政府2023年10月底前3新增就业岗位5000个。市人社局市财政局2023年12月")
    result, _ = imported(tmp_path, body)
    tasks = list(iter_tasks(result.data))
    assert [(t["number"], t["units"][0]["name"], t.get("deadline")) for t in tasks] == [
        ("1", "市发改委", "2023年底前"), ("2", "市住建局", "2023年10月底前"), ("3", "市人社局", "2023年12月")]
