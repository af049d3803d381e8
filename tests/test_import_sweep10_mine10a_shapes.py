"""Shapes found by the tenth sweep of real notices (mine10a; benchmarks/import_sweep.md). Each input is a small
notice written here, in the wordings and punctuation those notices print."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某市人民政府办公室关于明确政府工作报告提出的重点工作责任单位的通知\n各县(市、区)人民政府,市人民政府各部门:\n"
        "现将重点工作任务予以分解,请认真落实。\n")


def units_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某市")
    return [[u["name"] for u in t.get("units", [])] for t in iter_tasks(result.data)]


@pytest.mark.parametrize("bank", ["人行某某山市中心支行", "人行某某山县支行"])
def test_the_peoples_bank_by_its_short_name_takes_no_shared_prefix(tmp_path, bank):
    body = f"一、金融\n1.组建市级农商行,有效增加金融供给。(市金融局、农信办、{bank}、某某银保监分局)"
    assert units_of(tmp_path, body) == [["市金融局", "市农信办", bank, "某某银保监分局"]]


def test_the_peoples_bank_printed_bare_is_the_levels(tmp_path):
    body = "一、金融\n1.组建市级农商行,有效增加金融供给。(市金融局、人行、农信办)"
    assert units_of(tmp_path, body) == [["市金融局", "市人行", "市农信办"]]
