"""What the importer's speed-ups rest on: each keeps the output as it was (docs/importing.md, Speed).

Speed itself is measured by benchmarks/bench_import.py and import_adversarial.py, never asserted here.
"""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pytest

from sitegen import importer
from sitegen.core.errors import SitegenError
from sitegen.importer import import_text
from sitegen.importer.attribution import LABEL, LABEL_ENDS, labelled_tail
from sitegen.importer.document import parse_document
from sitegen.importer.rows import split_row
from sitegen.importer.text import normalise_spaces, split_lines
from sitegen.importer.writer import Flow, dump

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "content" / "sources"
DEV = ROOT / "tests" / "importer_corpus" / "real" / "dev"
NOTICE = SOURCES / "huzhou-2019-huzhengbanfa-9.txt"


def test_the_cyclic_collector_is_paused_while_a_notice_is_parsed(tmp_path, monkeypatch):
    seen: list[bool] = []

    def parse(text):
        seen.append(gc.isenabled())
        return parse_document(text)

    monkeypatch.setattr(importer, "parse_document", parse)
    import_text(NOTICE.read_text(encoding="utf-8"), tmp_path, stem="speed")
    assert seen == [False]


@pytest.mark.parametrize("enabled", [True, False])
def test_collection_is_as_it_was_after_an_import_or_a_refusal(tmp_path, enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        import_text(NOTICE.read_text(encoding="utf-8"), tmp_path, stem="speed")
        assert gc.isenabled() is enabled
        with pytest.raises(SitegenError):
            import_text("no Chinese text here at all " * 10, tmp_path, stem="refused")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def _lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in [*sorted(SOURCES.glob("*.txt")), *sorted(DEV.glob("*.txt"))]]
    return [line.text for text in texts for line in split_lines(text)[0]]


def test_a_label_is_looked_for_only_where_one_can_end():
    """Every label ends in a LABEL_ENDS character, so a line without any holds none (the real notices'
    lines as the importer reads them)."""
    lines = _lines()
    assert any(LABEL.search(line) for line in lines)
    assert all(LABEL.search(line) is None for line in lines if not any(c in line for c in LABEL_ENDS))


@pytest.mark.parametrize("text", ["推进项目建设。牵头单位:县发改局", "推进项目建设。【责任单位】县发改局",
                                  "推进项目建设,[牵头单位]县发改局"])
def test_labelled_fields_after_a_task_are_found(text):
    assert labelled_tail(text) == (text[:7], text[7:])


def test_cells_of_a_row_are_the_callers_own():
    """split_row remembers the lines it split: a caller changing the cells it got changes no later answer."""
    cells = split_row("序号\t工作任务\t牵头单位")
    assert cells is not None
    cells.append("配合单位")
    cells[0] = ""
    assert split_row("序号\t工作任务\t牵头单位") == ["序号", "工作任务", "牵头单位"]


def test_full_width_punctuation_reads_as_ascii():
    assert normalise_spaces("（一）任务：甲，乙；丙！丁？［戊］\u3000己") == "(一)任务:甲,乙;丙!丁?[戊] 己"


def test_content_yaml_is_written_as_before():
    """The dumper builds the content's nodes itself: block style, keys in order, | blocks, Flow on one line."""
    data = {"id": "n1", "published": date(2021, 3, 1), "count": 2, "reviewed": False, "note": None,
            "text": "第一段\n\n第二段", "tasks": [{"units": [Flow(name="市发改委", role="牵头")], "tags": []}]}
    assert dump(data) == ("id: n1\npublished: 2021-03-01\ncount: 2\nreviewed: false\nnote: null\n"
                          "text: |-\n  第一段\n\n  第二段\n"
                          "tasks:\n- units:\n  - {name: 市发改委, role: 牵头}\n  tags: []\n")
