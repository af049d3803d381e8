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
