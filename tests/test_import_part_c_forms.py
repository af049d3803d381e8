"""Forms met in part C of the real corpus (issue 17's follow-up), on made-up notices:
a | line after every cell, X会同Y负责, pinyin glosses of a mirror site, a 事项分类 column,
a row cut off after its number, a header printed again between rows."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("某某县人民政府办公室关于印发2021年民生实事任务分解表的通知\n"
        "各乡镇人民政府,县直各单位:\n现将分解表印发给你们。\n某某县人民政府办公室\n2021年3月1日\n附件\n")


def tasks(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    return [(t.get("number"), t["text"], [(u["name"], u.get("role")) for u in t.get("units", [])],
             t.get("deadline")) for t in iter_tasks(result.data)]


def cells(*cells, separator=None):
    return "\n".join(c + (f"\n{separator}" if separator else "") for c in cells)


ROWS = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限",
        "1", "新建城区污水处理厂。", "县住建局", "县发改局、县财政局", "12月底前",
        "2", "改造农村公路100公里。", "县交通局", "各乡镇", "2021年"]
EXPECTED = [("1", "新建城区污水处理厂。", [("县住建局", "牵头"), ("县发改局", "配合"), ("县财政局", "配合")], "12月底前"),
            ("2", "改造农村公路100公里。", [("县交通局", "牵头"), ("各乡镇", "配合")], "2021年")]


def test_a_lone_pipe_after_every_cell_separates(tmp_path):
    assert tasks(tmp_path, cells(*ROWS, separator="|")) == EXPECTED


def test_a_header_printed_again_and_a_row_cut_after_its_number(tmp_path):
    body = cells(*ROWS[:10], *ROWS[:5], *ROWS[10:], "3")
    assert tasks(tmp_path, body) == EXPECTED


def test_together_with_leads(tmp_path):
    body = "一、重点工作\n1.完善城区排水管网,消除内涝点10处。(县住建局会同县水利局负责)"
    assert tasks(tmp_path, body)[0][2] == [("县住建局", "牵头"), ("县水利局", "配合")]


def test_pinyin_glosses_are_read_around_and_kept(tmp_path):
    body = cells("序號(hào)", "工作任務(wù)", "責(zé)任單位", "1", "新建城區(qū)污水處理廠。", "縣住建局",
                 "2", "改造農(nóng)村公路100公里。", "縣交通局")
    got = tasks(tmp_path, body)
    assert [t[1] for t in got] == ["新建城區(qū)污水處理廠。", "改造農(nóng)村公路100公里。"]
    assert [t[2] for t in got] == [[("縣住建局", "责任")], [("縣交通局", "责任")]]


def test_a_topic_column_groups_its_rows(tmp_path):
    body = cells("序号", "事项分类", "事项名称", "项目内容", "牵头单位",
                 "1", "教育提升", "新建学校", "新建小学2所。", "县教育局",
                 "2", "改造食堂", "改造学校食堂5个。", "县教育局",
                 "3", "卫生惠民", "新建卫生室", "新建村卫生室10家。", "县卫健局")
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="某某县")
    sections = result.data["attachments"][0]["sections"]
    assert [s["heading"] for s in sections] == ["教育提升", "卫生惠民"]
    assert [len(s["tasks"]) for s in sections] == [2, 1]
