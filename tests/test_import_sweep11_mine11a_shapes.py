"""Shapes met by the eleventh sweep of real notices (mine11a; benchmarks/import_sweep.md). Each input is a small
notice written here, in the wordings and punctuation those notices print."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某市人民政府办公室关于印发推动产业高质量发展若干措施的通知\n各县(市、区)人民政府,市人民政府各部门:\n"
        "现将若干措施印发给你们,请认真落实。\n")


def tasks_of(tmp_path, body):
    """(units, lead units) of each task the importer reads from the notice."""
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某市")
    units = [t.get("units", []) for t in iter_tasks(result.data)]
    return [([u["name"] for u in us], [u["name"] for u in us if u.get("role") == "牵头"]) for us in units]


# 按职责分工 closes a list with what each unit does in its remit, said in more words than 负责 (承担, 抓好落实) or, on a
# mirror that swaps words for synonyms, in another word for it (卖力): every unit is responsible, none leads
@pytest.mark.parametrize("verb", ["承担", "抓好落实", "卖力"])
def test_a_list_closed_by_its_remit_in_other_words(tmp_path, verb):
    body = ("一、扩大有效投资\n"
            f"1.推动重大项目建设。(市发展改革委、交通运输局、水利局等市有关部门和各县(市、区)人民政府按职责分工{verb})\n"
            "2.规范招投标行为。(市发展改革委牵头负责)")
    assert tasks_of(tmp_path, body) == [
        (["市发展改革委", "市交通运输局", "市水利局", "市有关部门", "各县(市、区)人民政府"], []),
        (["市发展改革委"], ["市发展改革委"])]
