"""Shapes the lead fixed in session 19 (issue 17), each found by trying ordinary or broken input."""

from __future__ import annotations

from sitegen.importer.document import parse_document

SENTENCE = "特困供养人员基本生活标准不低于当地最低生活保障标准"


def tasks_of(text: str):
    parsed, _, _ = parse_document(text)
    return [t for a in parsed.attachments for t in a.all_tasks()]


def test_a_number_cell_printing_a_sentence_holds_the_rows_text_not_its_number():
    text = ("|序号|工作任务|责任单位|\n|1|新建养老服务中心2个。|县民政局|\n"
            f"|{SENTENCE}|提高特困人员供养水平。|县民政局|\n|3|新建幼儿园3所。|县教育局|\n")
    tasks = tasks_of(text)
    assert [t.number for t in tasks] == ["1", None, "3"]
    assert tasks[1].text.startswith(SENTENCE)
    assert [u.name for u in tasks[1].units] == ["县民政局"]


def test_an_item_whose_text_opens_with_a_year_is_an_item():
    text = ("1.完成固定资产投资50亿元。(责任单位:县发改局)\n"
            "2.2024年6月底前新建学校3所。(责任单位:县教育局)\n"
            "3.新建高标准农田5万亩,亩均投入1.2万元。(责任单位:县农业农村局)\n")
    tasks = tasks_of(text)
    assert [t.number for t in tasks] == ["1", "2", "3"]
    assert tasks[1].text.startswith("2024年6月底前新建学校")
    assert [u.name for u in tasks[1].units] == ["县教育局"]
