"""Task tables as people copy them into text (the probetables probes): each shape the hand-written probes
found misread, in a notice of its own.

A header label line before another (县级领导 / 牵头单位) stays a column; a continuation page without its
header starts the structure; a progress report's signing office after the table is no unit; a row short of
its merged lead cell keeps its list in the 责任单位 column; a short name the unit vocabulary leaves out
(基建股) is the row's unit where the unit cell stands.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/formats.py


def imported(tmp_path, text: str):
    result = import_text(text, tmp_path, stem="t", jurisdiction="某某县", parent="某某市")
    return [(t.get("number"), t["text"], [(u["name"], u["role"]) for u in t.get("units", [])], t.get("leader"),
             t.get("deadline")) for t in iter_tasks(result.data)]


def test_a_leader_label_line_before_a_unit_label_line_is_two_columns(tmp_path):
    lines = ["序号", "工作任务", "市级领导", "牵头单位", "责任单位",
             "1", "建成城市综合管廊5公里。", "王刚", "市住建局", "市财政局",
             "2", "新增城镇就业1万人。", "李梅", "市人社局", "各区人民政府"]
    tasks = imported(tmp_path, "某某市重点工作分工\n" + "\n".join(lines) + "\n")
    assert [(t[0], t[2], t[3]) for t in tasks] == [
        ("1", [("市住建局", "牵头"), ("市财政局", "责任")], "王刚"),
        ("2", [("市人社局", "牵头"), ("各区人民政府", "责任")], "李梅")]


def test_a_continuation_page_without_header_or_title_is_read_as_the_table(tmp_path):
    lines = ["12", "完成河道清淤20公里。", "县水利局", "2024年5月底",
             "13", "新建公厕15座。", "县城管局、各乡镇", "2024年9月底"]
    tasks = imported(tmp_path, "\n".join(lines) + "\n")
    assert tasks == [("12", "完成河道清淤20公里。", [("县水利局", "责任")], None, "2024年5月底"),
                     ("13", "新建公厕15座。", [("县城管局", "责任"), ("各乡镇", "责任")], None, "2024年9月底")]


def test_pipe_rows_without_header_start_the_structure(tmp_path):
    text = "| 7 | 改造农贸市场2个 | 县商务局 | 10月底 |\n| 8 | 新建口袋公园6个 | 县住建局 | 11月底 |\n"
    assert [(t[0], t[1], t[2]) for t in imported(tmp_path, text)] == [
        ("7", "改造农贸市场2个", [("县商务局", "责任")]), ("8", "新建口袋公园6个", [("县住建局", "责任")])]


def test_a_progress_reports_signing_office_after_the_table_is_no_unit(tmp_path):
    lines = ["序号", "重点工作", "牵头单位", "进展情况",
             "1", "新建幼儿园2所。", "县教育局", "主体已完工。",
             "2", "改造供水管网10公里。", "县水务局", "已完成6公里。",
             "", "县政府督查室", "2024年7月1日"]
    tasks = imported(tmp_path, "上半年重点工作进展情况\n" + "\n".join(lines) + "\n")
    assert [t[2] for t in tasks] == [[("县教育局", "牵头")], [("县水务局", "牵头")]]


def test_a_row_short_of_its_merged_lead_cell_keeps_its_list_as_the_responsible_units(tmp_path):
    lines = ["序号", "工作任务", "牵头单位", "责任单位",
             "1", "新建高标准农田3万亩。", "县农业农村局", "各乡镇人民政府",
             "2", "培育家庭农场50家。", "县财政局、各乡镇人民政府",
             "3", "新建水库1座。", "县水利局", "县财政局"]
    tasks = imported(tmp_path, "乡村振兴任务清单\n" + "\n".join(lines) + "\n")
    assert [t[2] for t in tasks] == [
        [("县农业农村局", "牵头"), ("各乡镇人民政府", "责任")],
        [("县农业农村局", "牵头"), ("县财政局", "责任"), ("各乡镇人民政府", "责任")],
        [("县水利局", "牵头"), ("县财政局", "责任")]]


def test_a_short_section_name_in_the_unit_cells_place_is_the_rows_unit(tmp_path):
    lines = ["序号", "————", "工作任务", "————", "责任股室", "————", "完成时间", "————",
             "1", "————", "完成学校新建项目主体工程。", "————", "计财股", "————", "2024年8月", "————",
             "2", "————", "开展教师全员培训。", "————", "人事股、教研室", "————", "2024年12月", "————"]
    tasks = imported(tmp_path, "教育重点工作任务\n" + "\n".join(lines) + "\n")
    assert [t[2] for t in tasks] == [[("计财股", "责任")], [("人事股", "责任"), ("教研室", "责任")]]


def test_a_short_page_laid_out_in_a_one_cell_table_keeps_its_paragraphs_as_lines():
    from formats import blocks_of, to_html  # the page a content system makes of a Word paste

    from sitegen.importer.readers.html import read_html
    text = (Path(__file__).resolve().parent / "importer_corpus" / "probes" / "probe-table-single-space-1.txt")
    lines = [line for line in text.read_text(encoding="utf-8").splitlines() if line]
    paragraphs = [block.text for block in read_html(to_html(blocks_of("\n".join(lines)), layout=True), "t").blocks]
    assert paragraphs[-(len(lines) - 1):] == lines[1:]  # the title is the page's heading
