"""Shapes found by the tenth sweep of real notices, east (issue 17, branch mine10b; benchmarks/import_sweep.md).
Each input is a small notice written here, in the layout and wordings those notices print."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = "某某市人民政府办公室关于印发2022年政务公开工作要点的通知\n各县(区)人民政府,市政府各部门:\n现印发给你们,请认真贯彻落实。\n"


def tasks_of(tmp_path, body, head=HEAD):
    result = import_text(head + body + "\n", tmp_path, stem="t", jurisdiction="某某市")
    return [{"text": (t.get("title") or "") + t["text"], "deadline": t.get("deadline"),
             "units": [(u["name"], u.get("role")) for u in t.get("units", [])]} for t in iter_tasks(result.data)]


def separated(*cells: str) -> str:
    """A table one cell a line, each cell followed by a line holding only |, the rows without numbers."""
    return "\n|\n".join(cells) + "\n|"


def test_a_row_whose_text_opens_with_an_ongoing_word_keeps_its_text_and_its_date(tmp_path):
    # 持续推进 alone says when; 持续推进反垄断…工作,… is the next row's text, not a date after the row above
    body = separated("任务", "责任单位", "时限",
                     "切实做好稳经济大盘一揽子政策举措公开工作,强化政策解读。", "市政府各部门,各县(市、区)政府", "持续推进",
                     "建立市场主体反映投资和工程建设项目审批问题的办理和反馈机制。", "市发改委、市住建局,市政府各部门", "年底前",
                     "持续推进反垄断和反不正当竞争执法信息公开工作,营造公平竞争的市场环境。", "市市场监管局,县(市、区)政府",
                     "持续推进",
                     "依法依规做好扩大有效投资相关规划、政策文件及重大建设项目信息公开,积极引导市场预期。")
    tasks = tasks_of(tmp_path, body)  # the last row cut after its text, as an excerpt ends
    assert [t["text"][:8] for t in tasks][:3] == ["切实做好稳经济大", "建立市场主体反映", "持续推进反垄断和"]
    assert [t["deadline"] for t in tasks][:3] == ["持续推进", "年底前", "持续推进"]
    assert tasks[2]["units"] == [("市市场监管局", "责任"), ("县(市、区)政府", "责任")]


def test_a_unit_cell_naming_its_leads_and_the_others_by_their_remit(tmp_path):
    # X、Y牵头,Z按职能分工落实: a unit cell (the leads, then the units each working in its remit), never the text
    # of a row of its own that pushes the next row's units up
    body = "\n\n".join(["工作任务", "具体措施", "责任单位", "完成时限",
                        "(一)推进行政规章、规范性文件集中公开",
                        "1.依托政府信息公开平台,完善全市各级行政规章库建设。", "市政府办公室、市司法局", "2022年底前",
                        "2.市直各单位要依托政府信息公开平台建成本部门行政规范性文件库。",
                        "市政府办公室、市司法局牵头,市直其他单位按职能分工落实", "2022年底前",
                        "3.参照省、市级规范性文件库模式,逐步推进本地区行政规范性文件库建设。", "各县(区)人民政府(管委会)",
                        "2022年底前"])
    tasks = tasks_of(tmp_path, body)
    assert [t["units"] for t in tasks] == [
        [("市政府办公室", "责任"), ("市司法局", "责任")],
        [("市政府办公室", "牵头"), ("市司法局", "牵头"), ("市直其他单位", "责任")],
        [("各县(区)人民政府(管委会)", "责任")]]
