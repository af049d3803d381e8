"""Damaged copies of notices (probe-excerpt-* probes): the shapes behind their fixes, each alone."""

from __future__ import annotations

from sitegen.importer.document import parse_document
from sitegen.importer.text import split_lines


def _tasks(text: str) -> list[tuple[str | None, str]]:
    parsed, _, _ = parse_document(text)
    out = []
    for att in parsed.attachments:
        out += [(task.number, task.text) for task in att.tasks]
        stack = list(att.sections)
        while stack:
            section = stack.pop(0)
            out += [(task.number, task.text) for task in section.tasks]
            stack = section.sections + stack
    return out


def test_a_heading_and_its_first_item_on_one_line_are_two_lines():
    # a copy that lost its line breaks: the heading, a space, then item 1 and item 2 run on
    lines, _ = split_lines("二、提升城乡品质 3.完成城中村改造12个。(县住建局牵头) 4.新建精品线2条。(县农业农村局牵头)\n")
    assert [line.text for line in lines][:2] == ["二、提升城乡品质", "3.完成城中村改造12个。(县住建局牵头)"]


def test_a_heading_with_a_space_inside_a_sentence_is_not_split():
    lines, _ = split_lines("一、总体要求 坚持稳中求进工作总基调。\n")
    assert len(lines) == 1


def test_a_table_fragment_without_header_at_the_start_is_no_title():
    # an excerpt that begins between a task table's rows: the rows are tasks, none of them the title
    text = ("| 8 | 建成第三人民医院 | 市卫健局 | 市发改局、市住建局 |\n"
            "| 9 | 新增城乡公交线路10条 | 市交通运输局 | 市公交公司 |\n"
            "| 10 | 改造提升农贸市场8家 | 市市场监管局 | 各镇(街道) |\n")
    parsed, _, _ = parse_document(text)
    assert not parsed.header.title
    assert [number for number, _ in _tasks(text)] == ["8", "9", "10"]


def test_a_one_cell_a_line_fragment_without_header_at_the_start_is_no_title():
    text = "12\n完成快速路二期主体工程\n区交通局\n2024年12月\n13\n新增城镇绿地30万平方米\n区住建局\n2024年11月\n"
    parsed, _, _ = parse_document(text)
    assert not parsed.header.title
    assert [number for number, _ in _tasks(text)] == ["12", "13"]
