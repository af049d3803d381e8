"""Shapes found by the ninth sweep of the `pages` corpus, east and south-east (branch mine9c;
benchmarks/import_sweep.md, "Ninth sweep (east and south-east, mine9c)"). Each input is a small notice written here,
in the wordings those pages print."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks
from sitegen.importer.leaders import equal_leaders

HEAD = "某市人民政府办公室关于印发政府工作报告若干重点工作任务的通知\n各镇人民政府、街道办事处,市府各部门:\n现印发给你们。\n"


def test_a_leader_field_with_a_remark_before_the_names_in_brackets_names_the_leaders(tmp_path):
    # 永康 2008: 责任领导:按《市委工作要点》分工(张三、李四);责任单位:…;配合单位:… — how the leaders were chosen,
    # then their names in brackets: the leaders are the names
    body = ("一、突出工业转型升级\n"
            "1.推进总部中心和科技创新服务中心建设。\n"
            "责任领导:按《市委工作要点》分工(蒋永根、俞福才);责任单位:总部办、科技局;配合单位:经贸局、建设局。\n"
            "2.加大招商引资力度,引进一批合资合作项目。\n"
            "责任领导:吴晓平;责任单位:外贸局;配合单位:相关镇街区。\n")
    result = import_text(HEAD + body, tmp_path, stem="t", jurisdiction="某市")
    assert [t.get("leader") for t in iter_tasks(result.data)] == ["蒋永根、俞福才", "吴晓平"]


def test_a_bracket_that_holds_no_names_stays_in_the_leader_field():
    assert equal_leaders("按分工(另行通知)", "责任领导")[0] == "按分工(另行通知)"
    assert equal_leaders("分管副市长(张三)", "责任领导")[0] == "张三"
    assert equal_leaders("张三(副县长)", "责任领导")[0] == "张三"


def tasks_of(tmp_path, body):
    result = import_text(body, tmp_path, stem="t", jurisdiction="某市")
    return [{"text": t.get("text", ""), "units": [u["name"] for u in t.get("units", [])],
             "lead": [u["name"] for u in t.get("units", []) if u.get("role") == "牵头"],
             "deadline": t.get("deadline")} for t in iter_tasks(result.data)]


def sections_of(tmp_path, body):
    result = import_text(body, tmp_path, stem="t", jurisdiction="某市")
    return [s["heading"] for att in result.data.get("attachments", []) for s in att.get("sections", [])]


# 池州 2022 (a department's 政务公开 list): one cell a line, each closed by a | line; the header prints no 序号
# label, yet each row prints its number after its group's cell (merged over the group's rows)
UNLABELLED = ("工作任务\n|\n具体要求\n|\n责任科室\n|\n时限要求\n|\n"
              "强化规范性文件公开\n|\n1\n|\n对行政规范性文件进行全面清理,并公布现行有效文件目录。\n|\n办公室\n|\n年底前\n|\n"
              "深化政策解读形式\n|\n2\n|\n积极做好政策解读工作,持续提升政策解读质量。\n|\n各科室\n|\n持续推进\n|\n"
              "做好主动公开基础工作\n|\n3\n|\n严格规范政府信息公开专栏,及时发布法定主动公开内容。\n|\n各科室\n|\n持续推进\n|\n"
              "4\n|\n规范做好政府信息公开工作年度报告编制发布工作。\n|\n办公室\n|\n持续推进\n|")


def test_a_header_without_its_number_label_over_numbered_rows_reads_every_row(tmp_path):
    tasks = tasks_of(tmp_path, UNLABELLED)
    assert [t["text"][:6] for t in tasks] == ["对行政规范性", "积极做好政策", "严格规范政府", "规范做好政府"]
    assert [t["units"] for t in tasks] == [["办公室"], ["各科室"], ["各科室"], ["办公室"]]
    assert [t["deadline"] for t in tasks] == ["年底前", "持续推进", "持续推进", "持续推进"]


def test_the_group_cells_before_the_numbers_head_their_rows(tmp_path):
    assert sections_of(tmp_path, UNLABELLED) == ["强化规范性文件公开", "深化政策解读形式", "做好主动公开基础工作"]


# 江门 2021 (a department's 政务公开 list on a mirror): | rows, 工作任务 (a group's heading, merged over its rows)
# before 具体要求 (the numbered task); a row under a merged group prints its two cells padded with an empty one
PIPES = ("工作任务 | 具体要求 | 责任部门 |\n"
         "一、做好财政信息公开。 | 1.积极推进本单位预算、决算公开。 | 财务科 |\n"
         "二、做好网站专栏信息公开。 | 2.及时更新网站的各类型概况信息。 | 办公室 |\n"
         "3.及时反馈网民对调查征集信息的意见。 | 各科室 | |\n"
         "4.及时更新微信公众号信息。 | 办公室牵头,各科室配合 | |\n"
         "三、增强回应关切效果。 | 5.密切关注涉及本单位的舆情并及时回应。 | 各科室 |\n")


def test_a_group_column_before_numbered_tasks_heads_the_rows(tmp_path):
    tasks = tasks_of(tmp_path, PIPES)
    # each task's text is its own cell, its item number kept (the heading is its section's)
    assert [t["text"][:6] for t in tasks] == ["1.积极推进", "2.及时更新", "3.及时反馈", "4.及时更新", "5.密切关注"]
    assert sections_of(tmp_path / "again", PIPES) == ["一、做好财政信息公开。", "二、做好网站专栏信息公开。", "三、增强回应关切效果。"]


def test_a_row_padded_after_its_cells_is_the_shorter_row_under_a_merged_cell(tmp_path):
    tasks = tasks_of(tmp_path, PIPES)
    assert [t["units"] for t in tasks] == [["财务科"], ["办公室"], ["各科室"], ["办公室", "各科室"], ["各科室"]]
    assert [t["lead"] for t in tasks] == [[], [], [], ["办公室"], []]
