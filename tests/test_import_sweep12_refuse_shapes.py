"""Shapes found by the twelfth sweep's refusal miner (branch refuse; benchmarks/import_sweep.md "Twelfth sweep
(refusals)"). Each input is a small notice written here, in the wordings other governments print the shape in, not
the notice the sweep found it in."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某市人民政府办公室关于印发重点工作任务的通知\n各县(市、区)人民政府,市人民政府各部门:\n"
        "现将重点工作任务印发给你们,请认真落实。\n")


def tasks_of(tmp_path, body, head=HEAD):
    result = import_text(head + body + "\n", tmp_path, stem="t", jurisdiction="某某市")
    return [(t.get("number"), t["text"], [(u["name"], u.get("role")) for u in t.get("units", [])])
            for t in iter_tasks(result.data)]


# -- a table's caption printed as its first cell, closed by its separator, above the header ------------------------
# (岳阳楼 2017: a progress table one cell a line, each cell closed by ` |`, its title a cell of its own: the line
# after a closed cell is the next cell, never more of the caption, so the header and the first rows stay apart)

CAPTIONED = [
    ("某某市某某区2017年1-8月省重点民生实事项目完成情况表 |", ["序号 |", "项目名称 |", "责任单位 |", "目标任务 |", "完成情况 |", "完成率% |", "备注 |"],
     [["1 |", "农村饮用水安全巩固提升 |", "区农林水务局 |", "1300人 |", "700 |", "54% |", "已解决700人的饮水问题 |"],
      ["2 |", "新增城镇就业岗位 |", "区人社局 |", "8950 |", "7356 |", "82% |", "进度正常 |"]]),
    ("某某县人民政府2020年上半年县政府重点工作任务推进情况汇总表 |", ["序号 |", "工作任务 |", "牵头单位 |", "推进情况 |"],
     [["1 |", "完成高标准农田建设5万亩 |", "县农业农村局 |", "已完成年度任务的60% |"],
      ["2 |", "建成县城第二污水处理厂 |", "县住建局 |", "主体工程已完工 |"]]),
    ("某某县某某镇人民政府2022年度为民办实事项目任务清单 |", ["序号 |", "实事项目 |", "责任单位 |", "完成时限 |"],
     [["1 |", "改造镇区老旧供水管网12公里 |", "镇建设办 |", "2022年10月 |"],
      ["2 |", "新建村级卫生室3所 |", "镇卫生院 |", "2022年12月 |"]]),
]


@pytest.mark.parametrize("caption, header, rows", CAPTIONED)
def test_a_caption_closed_as_a_cell_leaves_the_header_and_first_rows_apart(tmp_path, caption, header, rows):
    lines = [caption, *header, *(cell for row in rows for cell in row)]
    got = tasks_of(tmp_path, "\n".join(lines))
    assert [(number, text.startswith(row[1][:-2])) for (number, text, _), row in zip(got, rows, strict=True)] \
        == [("1", True), ("2", True)]
    assert [[name for name, _ in units] for *_, units in got] == [[row[2][:-2]] for row in rows]


# -- a target's count beside the unit cell is no unit -------------------------------------------------------------
# (岳阳楼 2017: 2所, 71個, 100個 in the 目标任务 column next to 责任单位; 所 ends 派出所, yet a count is no name)

@pytest.mark.parametrize("count", ["2所", "71个", "8处"])
def test_a_count_in_the_target_column_is_no_unit(tmp_path, count):
    cells = ["序号", "项目名称", "责任单位", "目标任务", "实际完成情况", "完成率", "备注",
             "1", "新增城镇就业岗位", "人社局", "8950", "7356", "82%", "",
             "2", "建设农村公办幼儿园", "教育局", count, "", "70%", "已完成主体建设。"]
    got = tasks_of(tmp_path, "\n".join(f"{cell} |" if cell else "|" for cell in cells))
    assert [[name for name, _ in units] for *_, units in got] == [["人社局"], ["教育局"]]


def test_a_collective_counted_in_full_stays_a_unit(tmp_path):
    body = "一、民生\n1.实施农村饮水安全巩固提升工程。(县水利局、13个乡镇)"
    assert tasks_of(tmp_path, body)[0][2] == [("县水利局", "责任"), ("13个乡镇", "责任")]


# -- the first-listed legend said as the attribution's last clause ------------------------------------------------
# (嘉兴 2023: (市税务局、…,各县市、区政府,列第一位的为牵头单位,下同。以下均需…落实,不再列出) — the bracket
# is the task's attribution; the legend after its units makes the first one lead, and 下同 carries it on)

LEGENDS = [
    "(市税务局、市财政局、市科技局,各县(市、区)政府,列第一位的为牵头单位,下同。以下均需各县(市、区)政府落实,不再列出)",
    "(市税务局、市财政局、市科技局;排在第一位的为牵头单位,下同)",
    "〔市税务局、市财政局、市科技局,第一个单位为牵头单位,下同〕",
]


@pytest.mark.parametrize("bracket", LEGENDS)
def test_a_legend_ending_the_attribution_leaves_its_units_and_leads_the_first(tmp_path, bracket):
    body = ("一、加强要素支持\n(一)强化财税政策保障。依规加大减税降费力度。" + bracket
            + "\n(二)加强产业基金支持。发挥产业基金引领作用。(市财政局、市金融办)")
    got = tasks_of(tmp_path, body)
    assert [number for number, *_ in got] == ["一", "二"]
    first, second = got[0][2], got[1][2]
    assert first[:3] == [("市税务局", "牵头"), ("市财政局", "责任"), ("市科技局", "责任")]
    assert second == [("市财政局", "牵头"), ("市金融办", "责任")]
