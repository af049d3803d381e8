"""Issue 17, sub-items: the task is the item a notice assigns, and that level may change from item to item
(tests/importer_nestfuzz.py draws such notices; a sample of its seeds runs here). A section printed between a
container's tasks keeps its place (`after_tasks`) in the content, on the notice page and in the exports."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import run
from test_import_sweep2_shapes import tasks_of

sys.path.insert(0, str(Path(__file__).parent))

from importer_nestfuzz import run as nest_run

HEAD = "某某区2021年重点工作任务分解\n"


def _numbers(tasks):
    return [t["number"] for t in tasks]


def _units(tasks):
    return [[name for name, _ in t["units"]] for t in tasks]


def test_an_item_whose_sub_items_each_name_their_units_heads_them(tmp_path):
    body = ("1.扩大有效投资\n(1)实施重点项目100个。(牵头单位:区发改局)\n(2)加强项目要素保障。(牵头单位:区自然资源局)\n"
            "2.促进消费回升。(牵头单位:区商务局)\n3.优化营商环境。(牵头单位:区政务服务中心)")
    tasks = tasks_of(tmp_path, body, HEAD)
    assert _numbers(tasks) == ["1", "2", "2", "3"]
    assert _units(tasks) == [["区发改局"], ["区自然资源局"], ["区商务局"], ["区政务服务中心"]]
    assert tasks[0]["text"].startswith("实施重点项目")


def test_an_item_above_the_tasks_that_names_its_own_units_is_a_task(tmp_path):
    body = ("(一)稳定经济增长\n1.实施重点项目100个。(牵头单位:区发改局)\n2.扩大制造业投资。(牵头单位:区经信局)\n"
            "(二)加强市场体系建设。(牵头单位:区市场监管局)\n①完善市场准入制度;\n②强化市场监管。\n"
            "(三)保障和改善民生\n1.新增城镇就业1万人。(牵头单位:区人社局)")
    tasks = tasks_of(tmp_path, body, HEAD)
    assert _numbers(tasks) == ["1", "2", "二", "1"]
    assert _units(tasks) == [["区发改局"], ["区经信局"], ["区市场监管局"], ["区人社局"]]
    assert "强化市场监管" in tasks[2]["text"]


def test_a_sentence_over_sub_items_owns_the_attribution_after_the_last(tmp_path):
    body = ("1.全省生产总值增长7%。(牵头单位:区发改局)\n2.稳定经济增长。\n(1)实施提高居民收入富民行动。\n"
            "(2)努力实现地区生产总值增长6.2%。\n(牵头单位:区统计局)\n3.推进乡村振兴。\n(1)财政收入增长12%。\n"
            "(2)规范政府举债行为。\n(牵头单位:区财政局)")
    tasks = tasks_of(tmp_path, body, HEAD)
    assert _numbers(tasks) == ["1", "2", "3"]
    assert _units(tasks) == [["区发改局"], ["区统计局"], ["区财政局"]]


@pytest.mark.parametrize("bullet", ["■", "▲", "●", "-", "——"])
def test_bulleted_sub_items_under_a_numbered_item_are_its_text(tmp_path, bullet):
    body = (f"1.加快产业转型升级。\n{bullet}推进传统产业技术改造;\n{bullet}培育壮大新兴产业。(牵头单位:区发改局)\n"
            f"2.扩大有效投资。\n{bullet}实施重点项目;\n{bullet}加强要素保障。(牵头单位:区自然资源局)")
    tasks = tasks_of(tmp_path, body, HEAD)
    assert _numbers(tasks) == ["1", "2"]
    assert _units(tasks) == [["区发改局"], ["区自然资源局"]]
    assert "培育壮大新兴产业" in tasks[0]["text"]


def test_a_numbered_sub_item_is_no_bracketed_attribution(tmp_path):
    # (1)打造…生产基地。 opens with a bracket and ends in a unit-like word: its number's bracket, not a list's
    body = ("1.提升城市品质。\n(1)打造食用菌酵素生产基地。\n(2)社会消费品零售总额增长9%左右。\n"
            "(主办单位:区发改局;参与单位:区金融办)\n2.耕地保有量保持在2000万亩。(主办单位:区国土局)")
    tasks = tasks_of(tmp_path, body, HEAD)
    assert _units(tasks) == [["区发改局", "区金融办"], ["区国土局"]]
    assert "打造食用菌酵素生产基地" in tasks[0]["text"]


@pytest.mark.parametrize("seed", range(0, 300, 10))
def test_generated_nested_notices_import_to_the_gold(tmp_path, seed):
    problems, _ = nest_run(seed, tmp_path)
    assert problems == []


MIXED = HEAD + ("(一)稳定经济增长\n1.实施重点项目100个。(牵头单位:区发改局)\n2.扩大制造业投资。(牵头单位:区经信局)\n"
                "(二)加强市场体系建设。(牵头单位:区市场监管局)\n"
                "(三)保障和改善民生\n1.新增城镇就业1万人。(牵头单位:区人社局)\n")


def test_a_task_printed_between_headings_keeps_its_place_on_the_site(tmp_path):
    site, source = tmp_path / "site", tmp_path / "mixed.txt"
    source.write_text(MIXED, encoding="utf-8")
    assert run("init", site).exit_code == 0
    assert run("import", source, "--site", site, "--jurisdiction", "某某区").exit_code == 0
    assert "after_tasks: 0" in (site / "content" / "notices" / "mixed.yaml").read_text(encoding="utf-8")
    assert run("build", "--site", site, "--no-search").exit_code == 0
    tasks = json.loads((site / "output" / "data" / "tasks.json").read_text(encoding="utf-8"))
    mine = [t["text"][:4] for t in (tasks["tasks"] if isinstance(tasks, dict) else tasks) if t["notice"] == "mixed"]
    assert mine == ["实施重点", "扩大制造", "加强市场", "新增城镇"]
    page = (site / "output" / "notices" / "mixed" / "index.html").read_text(encoding="utf-8")
    # (the last time each is printed: the page's table of contents lists the headings first)
    order = [page.rindex(words) for words in ("稳定经济增长", "扩大制造业投资", "加强市场体系建设", "保障和改善民生")]
    assert order == sorted(order)


def test_a_negative_after_tasks_is_reported_where_it_stands(tmp_path):
    site, source = tmp_path / "site", tmp_path / "mixed.txt"
    source.write_text(MIXED, encoding="utf-8")
    run("init", site)
    run("import", source, "--site", site, "--jurisdiction", "某某区")
    notice = site / "content" / "notices" / "mixed.yaml"
    notice.write_text(notice.read_text(encoding="utf-8").replace("after_tasks: 0", "after_tasks: -1"), "utf-8")
    result = run("check", "--site", site)
    assert result.exit_code == 1 and "Traceback" not in result.output
    line = next(i for i, text in enumerate(notice.read_text(encoding="utf-8").splitlines(), 1) if "after_tasks" in text)
    assert f"mixed.yaml:{line}:" in result.output and "after_tasks" in result.output, result.output
    assert "a whole number, 0 or more" in result.output, result.output
