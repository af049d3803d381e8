"""Shapes of the eighth sweep of real notices (north, mine8a): each in a small notice written here, in general form.

A document-sharing site's copy of a file prints the site's line (《X.docx》由会员分享,可在线阅读,…) and then each
page of the file as one line opened by the page's number (1、…, 2、…), the page's end cutting a sentence, a unit's
name or an attribution's bracket wherever it fell.
"""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks
from sitegen.importer.text import split_lines

SITE = "《某某县重点工作任务分解方案.docx》由会员分享,可在线阅读,更多相关《某某县重点工作任务分解方案.docx》请在某某文库上搜索。\n"
PAGE_ONE = ("1、某某县重点工作任务分解方案为做好今年工作,制定本方案。1.加快建设县城污水处理厂,年内建成投用。"
            "(牵头单位:县住建局;责任单位:县财政")
PAGE_TWO = "2、局、县自然资源局)2.推进农村公路提档升级,完成改造80公里。(牵头单位:县交通运输局)"


def test_pages_of_a_shared_document_run_on_across_their_numbers():
    lines, _ = split_lines(SITE + PAGE_ONE + "\n" + PAGE_TWO + "\n")
    texts = [line.text for line in lines]
    assert not any(text.startswith(("1、", "2、")) for text in texts)  # the pages' numbers are no items
    assert any("县财政局、县自然资源局" in text for text in texts)  # the name the page's end cut is whole again
    assert lines[-1].nos[0] == 2  # a page's text counts from the line its page starts on


def test_a_shared_documents_attribution_cut_by_a_page_reads_whole(tmp_path):
    result = import_text(SITE + PAGE_ONE + "\n" + PAGE_TWO + "\n", tmp_path, stem="t", jurisdiction="某某县",
                         parent="某某市")
    tasks = list(iter_tasks(result.data))
    assert [[u["name"] for u in t.get("units", [])] for t in tasks] == [
        ["县住建局", "县财政局", "县自然资源局"], ["县交通运输局"]]


def test_numbered_lines_without_the_sites_line_stay_items():
    text = "某某县重点工作任务分解方案\n1、加快建设县城污水处理厂\n2、推进农村公路提档升级\n"
    assert [line.text for line in split_lines(text)[0]][1:] == ["1、加快建设县城污水处理厂", "2、推进农村公路提档升级"]


def test_numbers_out_of_order_are_no_pages():
    text = SITE + "1、某某县重点工作任务分解方案\n3、推进农村公路提档升级\n"
    assert [line.text for line in split_lines(text)[0]][-1] == "3、推进农村公路提档升级"
