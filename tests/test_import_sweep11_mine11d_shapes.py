"""Shapes found by the eleventh sweep of real notices, south and State Council (issue 17, branch mine11d;
benchmarks/import_sweep.md). Each input is a small notice written here, in the layout those notices print."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

RULE = "├───┼───────────────┼───┼───────────────┤"


def tasks_of(tmp_path, text):
    result = import_text(text, tmp_path, stem="t", jurisdiction="某某市")
    return [{"number": t.get("number"), "text": t["text"], "units": [u["name"] for u in t.get("units", [])]}
            for t in iter_tasks(result.data)]


def boxed(*rows: tuple[str, str, str, str]) -> str:
    """A box of four columns (number, item, number, item), a rule between rows, as a page copies one."""
    lines = ["┌───┬───────────────┬───┬───────────────┐"]
    for row in rows:
        lines += ["│ " + " │ ".join(row) + " │", RULE]
    return "\n".join(lines[:-1] + ["└───┴───────────────┴───┴───────────────┘"]) + "\n"


def test_a_boxed_list_grouped_by_unit_with_two_lists_side_by_side(tmp_path):
    # no column names a task or a unit (续建项目 │ 新开工项目): the group rows name the unit responsible for the
    # items under them, and a row holds an item of each list; the notice was refused ("found no tasks")
    text = boxed(("", "续建项目", "", "新开工项目"),
                 ("", "(一)市交通运输局", "", ""),
                 ("1", "城区至港区快速通道工程", "1", "环湖公路二期工程"),
                 ("2", "客运枢纽站改造工程", "", ""),
                 ("", "(二)市水利局", "", ""),
                 ("", "", "1", "城区防洪堤加固工程"))
    tasks = tasks_of(tmp_path, text)
    assert [(t["number"], t["text"], t["units"]) for t in tasks] == [
        ("1", "城区至港区快速通道工程", ["市交通运输局"]),
        ("1", "环湖公路二期工程", ["市交通运输局"]),
        ("2", "客运枢纽站改造工程", ["市交通运输局"]),
        ("1", "城区防洪堤加固工程", ["市水利局"])]


def test_a_boxed_table_with_a_unit_column_is_still_read_as_a_table(tmp_path):
    # the box reading above is for boxes no table reader knows: a header of known labels keeps its columns
    text = boxed(("序号", "工作任务", "责任单位", "完成时限"),
                 ("1", "城区至港区快速通道工程开工", "市交通运输局", "6月底前"),
                 ("2", "城区防洪堤加固工程完工", "市水利局", "年底前"))
    tasks = tasks_of(tmp_path, text)
    assert [(t["text"], t["units"]) for t in tasks] == [("城区至港区快速通道工程开工", ["市交通运输局"]),
                                                       ("城区防洪堤加固工程完工", ["市水利局"])]
