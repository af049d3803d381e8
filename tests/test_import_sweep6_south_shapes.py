"""Shapes found by the sixth sweep of real notices (south; benchmarks/import_sweep.md, "Sixth sweep (south)").
Each input is a small notice written here, in the wordings and punctuation those notices print."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某区人民政府关于分解落实2023年区政府工作目标任务的通知\n各乡镇人民政府,区政府各部门:\n"
        "现将目标任务分解下达给你们,请认真组织落实。\n某某区人民政府\n2023年1月30日\n")


def notice(tmp_path, body: str) -> dict:
    return import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某区").data


def sections(data: dict) -> list[dict]:
    """Every section mapping, outermost first."""
    found: list[dict] = []

    def walk(items):
        for section in items or []:
            found.append(section)
            walk(section.get("sections"))
    for att in data.get("attachments") or []:
        walk(att.get("sections"))
    return found


@pytest.mark.parametrize("label", ["牵头领导", "责任领导", "牽頭領導"])
def test_a_heading_names_its_leaders_in_a_field_of_its_own(tmp_path, label):
    body = (f"一、经济发展目标({label}:成坤、柯相国)\n"
            "1.地区生产总值增长15%。(牵头单位:区发改局;责任单位:区统计局)\n"
            "2.规上工业增加值增长20%。(牵头单位:区经信局;责任单位:区统计局)\n"
            f"二、社会事业({label}:王俊)\n"
            "3.新建幼儿园2所。(牵头单位:区教育局)")
    data = notice(tmp_path, body)
    assert [(s["heading"][:4], s.get("leader")) for s in sections(data)] == [("经济发展", "成坤、柯相国"),
                                                                           ("社会事业", "王俊")]
    assert len(list(iter_tasks(data))) == 3


def test_a_table_group_row_names_its_leaders_in_a_field(tmp_path):
    rows = ["序号", "目  标  任  务", "牵头单位", "责任单位",
            "一、主要经济指标、发改、财政等工作目标(牵头领导:成坤、柯相国、王俊)",
            "1", "★地区生产总值增长15%。", "区发改局", "区统计局",
            "2", "★规上工业增加值增长20%。", "区经信局", "区统计局"]
    data = notice(tmp_path, "附件\n\n2023年区政府工作目标任务落实责任分解表\n\n" + "\n\n".join(rows))
    assert [s.get("leader") for s in sections(data)] == ["成坤、柯相国、王俊"]
    assert [t["text"][:6] for t in iter_tasks(data)] == ["★地区生产总", "★规上工业增"]


def test_a_heading_field_of_an_assisting_leader(tmp_path):
    body = ("一、经济发展目标(协助领导:王五)\n"
            "1.地区生产总值增长15%。(牵头单位:区发改局;责任单位:区统计局)\n"
            "2.规上工业增加值增长20%。(牵头单位:区经信局)")
    [section] = sections(notice(tmp_path, body))
    assert section.get("leader") is None and section.get("assisting_leaders") == ["王五"]


@pytest.mark.parametrize("post", ["市政府常务副市长", "县政府副县长"])
def test_a_post_printed_with_its_government_is_no_name(tmp_path, post):
    body = ("一、确保完成全年主要预期目标\n1.全市生产总值增长8.5%。\n"
            f"牵头负责领导:{post}。\n牵头责任单位:市发展改革委。\n协同责任单位:市政府各部门、各直属机构。")
    [task] = iter_tasks(notice(tmp_path, body))
    assert task.get("leader") == post


def test_a_lead_column_after_the_units_names_one_of_them(tmp_path):
    rows = ["分类", "序号", "事项", "责任单位", "牵头单位", "发展目标",
            "1", "地区生产总值增长6.5%以上。", "区农业农村局、区经商局、区发改局", "区发改局",
            "2", "区本级固定资产投资增长25%。", "区发改局", "区发改局",
            "3", "区本级规上工业增加值增长10%。", "区经商局、某某经开区管委会", "区经商局"]
    data = notice(tmp_path, "附件\n\n2023年区政府工作报告重点工作责任分解\n\n" + "\n\n".join(rows))
    assert [[(u["name"], u["role"]) for u in t["units"]] for t in iter_tasks(data)] == [
        [("区农业农村局", "责任"), ("区经商局", "责任"), ("区发改局", "牵头")],
        [("区发改局", "牵头")],
        [("区经商局", "牵头"), ("某某经开区管委会", "责任")]]


def test_a_lead_field_naming_one_of_the_responsible_units(tmp_path):
    body = ("一、主要目标\n1.地区生产总值增长6.5%。(牵头单位:区发改局;责任单位:区发改局、区统计局)\n"
            "2.一般公共预算收入增长5%。(牵头单位:区财政局;责任单位:区税务局、区财政局)")
    assert [[(u["name"], u["role"]) for u in t["units"]] for t in iter_tasks(notice(tmp_path, body))] == [
        [("区发改局", "牵头"), ("区统计局", "责任")], [("区财政局", "牵头"), ("区税务局", "责任")]]
