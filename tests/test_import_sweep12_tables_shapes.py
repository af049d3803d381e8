"""Shapes found by the twelfth sweep of real notices, tables (issue 17, branch tables; benchmarks/import_sweep.md,
"Twelfth sweep (tables)"). Each input is a small notice written here, in the layout and wordings those notices
print: a document-sharing site's text of a .docx table, its cells run together with nothing between them."""

from __future__ import annotations

import pytest

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = "某某任务清单.docx\n《某某任务清单.docx》由会员分享,可在线阅读,请在某某文库上搜索。\n"


def tasks_of(tmp_path, body, head=HEAD):
    result = import_text(head + body + "\n", tmp_path, stem="t", jurisdiction="某某市")
    return [{"number": t.get("number"), "text": t["text"], "deadline": t.get("deadline"),
             "units": [u["name"] for u in t.get("units", [])]} for t in iter_tasks(result.data)]


# 成都 2020: a 备注 column last, empty in every row; unit cells holding a name with its office in brackets, a
# collective with a level in brackets inside it (各区(市)县政府), and 等部门 after a name
@pytest.mark.parametrize("level, header, collective, body_unit", [
    ("市", "序号工作内容目标任务责任单位备注", "各区(市)县政府(管委会)", "市委宣传部(市文明办)"),
    ("县", "序号重点任务工作目标责任单位备注", "各乡镇(街道)", "县委宣传部(县文明办)"),
    ("区", "编号工作内容目标要求责任部门备注", "各街道(镇)", "区委宣传部(区精神文明办)"),
])
def test_a_run_together_table_with_an_empty_remark_column(tmp_path, level, header, collective, body_unit):
    body = (f"1、某某{level}生活垃圾分类重点任务责任分工表{header}"
            f"1加强分类宣传发动,引导群众参与生活垃圾分类。年底前,知晓率达90%以上。"
            f"{body_unit}、{level}城管局,{level}总工会、团{level}委等部门,{collective}"
            f"2完善回收利用体系,优化回收设施布局。年底前,基本建成回收体系。{level}商务局,{level}住建局、{level}供销社,"
            f"{collective}3推进有害垃圾处置设施建设。年内建成处置中心。{level}生态环境局,{collective}")
    tasks = tasks_of(tmp_path, body)
    assert [t["number"] for t in tasks] == ["1", "2", "3"]
    assert [t["units"] for t in tasks] == [
        [body_unit, f"{level}城管局", f"{level}总工会", f"团{level}委", collective],
        [f"{level}商务局", f"{level}住建局", f"{level}供销社", collective],
        [f"{level}生态环境局", collective]]


# 钟楼 2023: the towns first in the unit cell, each responsible (等按职责分工负责), the deadline 全年 after it; the
# excerpt holds one whole row, the next one cut by its end
@pytest.mark.parametrize("units, names, deadline", [
    ("镇(街道)、区委组织部等按职责分工负责", ["镇(街道)", "区委组织部"], "全年"),
    ("街道、区民政局等部门", ["街道", "区民政局"], "长期"),
    ("乡镇、县文明办分别负责", ["乡镇", "县文明办"], "2023年底前"),
])
def test_one_whole_row_before_the_texts_cut_end(tmp_path, units, names, deadline):
    body = ("1、某某区2023年生活垃圾分类工作任务清单序号任务名称目标内容主要责任单位完成期限"
            f"1习惯培养落实垃圾分类联动机制,每季度开展联动活动不少于2次。{units}{deadline}"
            "2统筹居(村)民委员会、物业单位力量,加强垃圾分类宣传。镇(街道")
    tasks = tasks_of(tmp_path, body)
    assert [(t["number"], t["text"][:6], t["units"], t["deadline"]) for t in tasks] == [
        ("1", "习惯培养落实", names, deadline)]


# A document-sharing preview prints the file in chunks of a fixed size, each opened by its page's number; a chunk
# cuts a row (and a name: 区城 / 2、管局), the next chunk goes on with it
FILLER = "加强垃圾分类宣传,普及分类知识,充分听取居民意见,灵活运用红黑榜、示范户等引导机制,将分类意识转化为自觉行动。" * 2


@pytest.mark.parametrize("cut", ["区城\n2、管局", "区城管局\n2、", "区城管\n\n2、局"])
def test_preview_chunks_run_on(tmp_path, cut):
    first = ("1、某某区垃圾分类工作任务清单序号任务名称目标内容主要责任单位完成期限"
             f"1习惯培养{FILLER}区委宣传部全年2设施建设新建垃圾分类收集点200个,{FILLER[:40]}")
    body = first + cut + "全年3执法检查开展生活垃圾分类执法检查。区城管局全年"
    assert len(first) >= 200
    tasks = tasks_of(tmp_path, body)
    assert [(t["number"], t["units"], t["deadline"]) for t in tasks] == [
        ("1", ["区委宣传部"], "全年"), ("2", ["区城管局"], "全年"), ("3", ["区城管局"], "全年")]
