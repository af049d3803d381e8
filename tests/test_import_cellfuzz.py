"""Table cells as real tables fill them (tests/importer_cellfuzz.py): a fixed sample of seeds drawn from the
tuning vocabulary must import to the gold; the seeds still read wrong are listed by their open class
(importer_cellfuzz.CLASSES), each a strict xfail. Then the rules the generator showed, on made-up tables:
a leader cell with the posts before the name, a name column beside the content column, numbered points in a
cell wrapped onto lines of their own, a 类别 cell merged over rows, a measures column longer than the task's.

`python tests/importer_cellfuzz.py --seeds 500 --vocab tuning|heldout` gives the rates per dimension."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from importer_cellfuzz import CLASSES, case, classify, run_case
from known import by_class, check_filed, sample

from sitegen.importer import import_text
from sitegen.importer.columns import content_columns
from sitegen.importer.content import iter_tasks
from sitegen.importer.leaders import equal_leaders

SAMPLE = range(200)
KNOWN: dict[str, tuple[int, ...]] = {
    "headless": (
        2, 14, 18, 29, 37, 43, 66, 70, 72, 73, 78, 87, 103, 106, 116, 117, 126, 140, 141, 146, 151, 162, 182, 187,
        194,
    ),
    "one-cell": (
        10, 15, 42, 67, 149, 153, 165, 180, 197,
    ),
    "one-line": (
        85, 199,
    ),
    "wrapped": (
        123,
    ),
}


@pytest.mark.parametrize("seed", list(sample(SAMPLE, by_class(KNOWN, CLASSES))))
def test_every_case_of_the_sample_imports_to_the_gold(tmp_path, seed):
    assert run_case(case(seed), tmp_path) == []


def test_known_failures_are_filed_under_their_class():
    check_filed(KNOWN, CLASSES, lambda seed: classify(case(seed).dims))


def test_the_generator_is_deterministic_and_its_vocabularies_apart():
    assert case(17).text == case(17).text and case(17).want == case(17).want
    assert case(17).text != case(17, "heldout").text


# -- the rules, on made-up tables ----------------------------------------------------------------------

HEAD = ("某某县人民政府办公室关于印发2021年重点工作任务分解表的通知\n"
        "各乡镇人民政府,县直各单位:\n现将分解表印发给你们。\n某某县人民政府办公室\n2021年3月1日\n附件\n")


def tasks(tmp_path, body: str) -> list[tuple]:
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return [(t.get("number"), t["text"], [u["name"] for u in t.get("units", [])], t.get("leader"))
            for t in iter_tasks(result.data)]


def piped(*rows: str) -> str:
    return "\n".join(f"| {' | '.join(row.split('/'))} |" for row in rows)


@pytest.mark.parametrize(("cell", "leader"), [
    ("县委常委、副县长张建国", "张建国"),  # one person's posts, joined with 、, before the name
    ("副县长 李明", "李明"),  # the post apart from the name, before it
    ("王强、赵丽", "王强、赵丽"),  # two leaders as equals
    ("常务副县长", "常务副县长"),  # the post alone
])
def test_a_leader_cell_keeps_the_names_without_the_posts_printed_before_them(cell, leader):
    assert equal_leaders(cell, "领导")[0] == leader


def test_a_leader_cell_with_posts_before_the_name_is_read_in_a_table(tmp_path):
    body = "\n".join(["序号", "工作任务", "责任单位", "责任领导",
                      "1", "新建城区污水处理厂。", "县住建局", "县委常委、副县长张建国",
                      "2", "改造农村公路100公里。", "县交通局", "副县长李明"])
    assert [t[3] for t in tasks(tmp_path, body)] == ["张建国", "李明"]


def test_a_name_column_before_the_content_starts_the_text_without_a_header(tmp_path):
    body = piped("1/人均地区生产总值/增长6%左右,高于全省平均水平。/县发改局",
                 "2/规模以上工业增加值/增长8%,高于全市平均水平。/县工信局",
                 "3/高新技术企业数/新增10家以上,居全市前列。/县科技局")
    assert ["".join(t[1].split())[:12] for t in tasks(tmp_path, body)] == [
        "人均地区生产总值增长6%", "规模以上工业增加值增长8", "高新技术企业数新增10家"]


def test_numbered_points_of_a_measures_cell_wrapped_onto_their_own_lines_are_no_rows(tmp_path):
    body = piped("序号/工作任务/具体措施/责任单位",
                 "1/新建城区污水处理厂。/1.完成可行性研究报告;/县住建局",
                 "//2.完成施工图审查;/",
                 "//3.10月底前完成主体工程。/",
                 "2/改造农村公路100公里。/1.完成招标;/县交通局",
                 "//2.年底前完工。/")
    assert [(t[0], t[1][:8], t[2]) for t in tasks(tmp_path, body)] == [
        ("1", "新建城区污水处理", ["县住建局"]), ("2", "改造农村公路10", ["县交通局"])]


def test_a_point_on_its_own_line_in_a_drawn_table_without_numbers_goes_on_the_row(tmp_path):
    body = "\n".join(["┌──┬──┐", "│工作任务│责任单位│", "├──┼──┤",
                      "│新建城区污水处理厂。│县住建局│", "│(1)完成可行性研究报告;│  │", "│(2)年底前开工。│  │",
                      "├──┼──┤", "│改造农村公路100公里。│县交通局│", "└──┴──┘"])
    read = tasks(tmp_path, body)
    assert [(t[1][:8], t[2]) for t in read] == [("新建城区污水处理", ["县住建局"]), ("改造农村公路10", ["县交通局"])]
    assert "年底前开工" in read[0][1]  # the points are the row's, not group rows between rows


def test_rows_under_a_merged_category_cell_keep_their_order(tmp_path):
    body = piped("序号/项目类别/工作任务/责任单位",
                 "1/民生福地项目/新建城区污水处理厂。/县住建局",
                 "2//改造农村公路100公里。/县交通局",
                 "3/产业高地项目/新增城镇就业2000人。/县人社局",
                 "4//建成养老服务中心3个。/县民政局")
    assert [t[0] for t in tasks(tmp_path, body)] == ["1", "2", "3", "4"]


def test_a_measures_column_of_points_is_not_the_task_s_text_without_a_header():
    rows = [["1", "新建城区污水处理厂。", "1.完成可行性研究报告和初步设计审查；2.完成厂区主体工程和配套管网；"
             "3.完成设备安装调试。", "县住建局"],
            ["2", "改造农村公路100公里。", "1.完成项目招标和施工图审查；2.完成全部路段的路基施工；3.组织交工验收。",
             "县交通局"]]
    assert [c.kind for c in content_columns(rows)] == ["number", "text", "notes", "units"]
