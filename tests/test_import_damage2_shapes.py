"""Shapes found by damaging real notices (tests/importer_damagefuzz.py, session 24): page furniture inside a table
printed a cell a line, and a web page's link list after the notice. Each shape in three wordings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


def _tasks(text: str, site: Path) -> list[dict]:
    from importer_prosefuzz import tasks_of

    from sitegen.importer import import_text

    return list(tasks_of(import_text(text, site, stem="damaged", force=True, jurisdiction="某某县").data))


def _units(tasks: list[dict]) -> list[list[str]]:
    return [[u["name"] for u in t["units"]] for t in tasks]


HEADER = ["序号", "民生实事", "责任单位", "完成时限"]
ROWS = [["1", "新建城区污水管网十公里。", "县水务局\n\n县住建局", "12月底前"],
        ["2", "新建2座人行天桥。", "县交通局", "9月底前"],
        ["3", "开工建设县老年养护楼。", "县民政局", "5月底前", "开工建设老年大学。", "12月底前"],
        ["4", "启动县图书馆新馆建设。", "县文广局\n\n县代建中心", "6月底前"],
        ["5", "建成县残疾人综合服务中心。", "县残联", "5月底前"]]


@pytest.mark.parametrize(("mark", "after_row"), [("续表", 1), ("(续表)", 3), ("续上表", 0)])
def test_a_continued_mark_right_after_a_cell_parts_it_from_the_header_printed_again(tmp_path, mark, after_row):
    # a table a cell a line, cells parted by blank lines (a unit list a name a paragraph, a merged unit cell: the
    # reader by cases takes it); the page's 续表 and the header follow a row's last cell with no blank line
    # between: the mark and the labels are no more of that cell
    blocks = ["\n\n".join(HEADER)]
    for k, row in enumerate(ROWS):
        blocks.append("\n\n".join(row))
        if k == after_row:
            blocks[-1] += "\n" + mark + "\n" + "\n\n".join(HEADER) + "\n"
    text = "某某县2024年民生实事责任分解表\n\n" + "\n\n".join(blocks) + "\n"
    tasks = _tasks(text, tmp_path)
    assert [t["deadline"] for t in tasks] == ["12月底前", "9月底前", "5月底前", "12月底前", "6月底前", "5月底前"]
    assert _units(tasks) == [["县水务局", "县住建局"], ["县交通局"], ["县民政局"], ["县民政局"],
                             ["县文广局", "县代建中心"], ["县残联"]]


@pytest.mark.parametrize("mark", ["(续表)", "续表", "续上表"])
def test_a_continued_mark_is_no_text_of_the_row_after_it_where_a_group_cell_comes_first(tmp_path, mark):
    # a 事项分类 column merged over its group's rows: the row after the page break starts with the mark
    header = ["序号", "事项分类", "事项名称", "项目内容", "牵头单位"]
    rows = [["1", "教育", "新建一批中小学校", "实施新建中小学校5家。", "区教体局"],
            ["2", "卫生", "新建村卫生室", "新建村卫生室80家。", "区卫健局"],
            ["3", "托育", "暑期托管服务", "开设100个暑期公益托管班。", "团区委"]]
    cells = [*header, *rows[0], *rows[1], *rows[2][:2], mark, *header, *rows[2][2:]]
    tasks = _tasks("某某区2024年民生实事项目表\n\n" + "\n\n".join(cells) + "\n", tmp_path)
    assert [t["text"] for t in tasks][-1].startswith("暑期托管服务")
    assert _units(tasks) == [["区教体局"], ["区卫健局"], ["团区委"]]


@pytest.mark.parametrize("heading", ["相关链接", "相关阅读", "相关文章:"])
def test_a_web_page_s_related_links_heading_after_the_last_task_is_furniture(tmp_path, heading):
    notice = "\n".join([
        "关于印发重点工作任务分解的通知", "",
        "1.推进农村公路提升改造工程建设。(牵头单位:县交通运输局;配合单位:县财政局)",
        "2.完成城区污水管网改造十公里,建设雨污分流管道", heading,
        "上一篇:关于开展安全生产大检查的通知"])
    tasks = _tasks(notice, tmp_path)
    assert tasks[-1]["text"].endswith("雨污分流管道")


def _wrapped(text: str, width: int) -> str:
    """Every line broken at a fixed number of characters, as narrow columns and copied PDF text break it."""
    return "\n".join(line[i:i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))


ONE_LINE = [
    ("某某市人民政府关于分解落实2024年重点工作任务的通知 各县(市、区)人民政府,市政府各部门: 现将2024年重点工作任务分解如下,"
     "请各地各部门按照职责分工,细化工作措施,明确时间节点,认真抓好落实,并于每季度末将进展情况报市政府督查室,确保各项任务如期完成。"
     "市政府督查室将适时开展督查,督查结果纳入年度目标考核。"
     " 一、稳定经济增长 1.推进重大项目建设,全年完成投资一百亿元以上。(责任单位:市发改委、"
     "市财政局) 2.扩大有效投资,加快专项债券项目开工建设。(责任单位:市财政局、市住建局) 3.提振消费市场,开展系列促消费活动。"
     "(责任单位:市商务局) 二、改善民生保障 4.新增城镇就业一万人以上。(责任单位:市人社局) 5.完成老旧小区改造三十个。"
     "(责任单位:市住建局、各县区政府)", 27,
     [["市发改委", "市财政局"], ["市财政局", "市住建局"], ["市商务局"], ["市人社局"], ["市住建局", "各县区政府"]]),
    ("某某县人民政府办公室关于印发民生实事分工方案的通知 各乡镇人民政府,县直各单位: 经县政府研究同意,现将民生实事分工方案印发给你们,"
     "请结合实际认真贯彻执行。 1.新建农村公路五十公里,完成危桥改造十座。 责任单位:县交通运输局 2.新建城区停车位两千个,"
     "缓解停车难问题。 责任单位:县住建局、县公安局 3.改造农村户厕三千户,提升人居环境。 责任单位:县农业农村局 "
     "4.新增养老床位三百张。 责任单位:县民政局", 31,
     [["县交通运输局"], ["县住建局", "县公安局"], ["县农业农村局"], ["县民政局"]]),
    ("某某区人民政府关于印发2023年区政府工作报告任务分解的通知 区政府各部门,各街道办事处: 现将任务分解印发给你们,请各部门切实履行牵头责任,加强协调配合,"
     "细化工作方案,每半年报送一次工作进展情况,确保全年目标任务圆满完成。"
     "区政府督查室将定期通报各项任务推进情况,通报结果纳入年度绩效考核。"
     " (一)深化改革开放 1.深化营商环境改革,推行企业开办一日办结。(牵头单位:区发改局;配合单位:区市场监管局、区政务服务中心) "
     "2.扩大对外开放,全年实际利用外资增长百分之十。(牵头单位:区商务局) (二)推动城乡融合 3.实施乡村振兴示范村建设二十个。"
     "(牵头单位:区农业农村局;配合单位:各街道办事处)", 24,
     [["区发改局", "区市场监管局", "区政务服务中心"], ["区商务局"], ["区农业农村局", "各街道办事处"]]),
]


@pytest.mark.parametrize(("notice", "width", "units"), ONE_LINE, ids=["brackets", "fields", "lead-fields"])
def test_a_notice_on_one_line_wrapped_at_a_width_reads_as_the_notice_on_one_line(tmp_path, notice, width, units):
    # a web page's text without paragraphs copied into narrow lines: the items start mid-line, after a space
    assert _units(_tasks(notice, tmp_path)) == units  # the notice on one line, as printed
    assert _units(_tasks(_wrapped(notice, width), tmp_path / "wrapped")) == units
