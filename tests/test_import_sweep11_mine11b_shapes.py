"""Shapes found by the eleventh sweep of real notices, centre and west (issue 17, branch mine11b;
benchmarks/import_sweep.md). Each input is a small notice written here, in the layout those notices print."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks
from sitegen.importer.runtogether import header_ending

# a document-sharing site's text of a province's file: the first attachment's targets and notes, then the
# second attachment's title and its header on the same line, its labels a space apart and no 序号; group rows;
# rows whose cells a space or nothing parts; the text cut inside its last row
SPACED_TABLE = "\n\n".join([
    "附件1 2025年城市群主要发展目标 类别 指标 2020年 2025年 经济 人均地区生产总值(万元) 6.2 9.1 注:",
    "1、地区生产总值按2020年价格计算.",
    "2、人均城市建设用地为2019年数据. 附件2 某某省推进城市群建设主要任务责任分工方案 主要任务 工作重点 牵头部门 配合部门",
    "一、推进基础设施互联互通",
    "(一)完善综合交通网络",
    "1、加快城际铁路建设,开展沿江通道前期研究. 省发改委、省交通运输厅 省直有关部门",
    "2、推进航空枢纽建设.省交通运输厅 省直有关部门,甲市、乙市、丙市政府",
    "3、加强能源通道建设 推动电网互联互通 . 省新区管委会、省发改委 省直有关部门,相关市政府",
    "4、推进水利设施",
])


def tasks_of(tmp_path, text):
    result = import_text(text + "\n", tmp_path, stem="t", jurisdiction="某某省")
    return [{"text": (t.get("title") or "") + t["text"], "section": t.get("section"),
             "units": [(u["name"], u.get("role")) for u in t.get("units", [])]} for t in iter_tasks(result.data)]


def test_a_header_of_spaced_labels_ending_a_line_starts_a_run_together_table(tmp_path):
    # the header after the attachment's title: the rows under it are read by the columns it names (牵头部门 leads),
    # the cut last row stays text, the numbered notes above the header are no tasks
    tasks = tasks_of(tmp_path, SPACED_TABLE)
    assert [t["text"][:8] for t in tasks] == ["加快城际铁路建设", "推进航空枢纽建设", "加强能源通道建设"]
    assert [name for name, role in tasks[0]["units"] if role == "牵头"] == ["省发改委", "省交通运输厅"]
    assert [name for name, _ in tasks[1]["units"]] == ["省交通运输厅", "省直有关部门", "甲市政府", "乙市政府", "丙市政府"]
    # a name after the text's full stop is whole, though a name (区管委会) starts inside it
    assert [name for name, _ in tasks[2]["units"]] == ["省新区管委会", "省发改委", "省直有关部门", "相关市政府"]


def test_a_header_ending_a_line_needs_labels_naming_a_unit_column():
    assert header_ending("…分工方案 主要任务 工作重点 牵头部门 配合部门") == \
        ("…分工方案", ["主要任务", "工作重点", "牵头部门", "配合部门"])
    assert header_ending("主要任务 工作重点 完成时限") is None  # no column of units: no task table
    assert header_ending("一、推进基础设施互联互通 完善综合交通网络") is None
