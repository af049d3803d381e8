"""Shapes found by the sweep of issue 17 over published pages kept in public source repositories
(benchmarks/import_sweep.md, part H-code). Each input is a small notice written here, in the wordings
those pages print."""

from __future__ import annotations

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

HEAD = ("国务院关于促进某某产业高质量发展的若干意见\n各省、自治区、直辖市人民政府,国务院各部委、各直属机构:\n"
        "现提出以下意见。\n")


def tasks_of(tmp_path, body):
    result = import_text(HEAD + body + "\n", tmp_path, stem="t", jurisdiction="国务院")
    return [{"text": (t.get("title") or "") + t["text"], "units": [u["name"] for u in t.get("units", [])],
             "lead": [u["name"] for u in t.get("units", []) if u.get("role") == "牵头"]}
            for t in iter_tasks(result.data)]


def test_central_bodies_named_without_a_place_are_units(tmp_path):
    # 海关总署, 国际发展合作署, 审计署: a central body's name ends in 署 and prints no place before it
    body = ("一、主要任务\n1.拓展两个市场。推广增值税一般纳税人资格试点。(税务总局、财政部、海关总署负责,"
            "排在第一位的部门为牵头部门,下同)\n"
            "2.优化产业布局。鼓励企业开展国际合作。(商务部、国际发展合作署负责)\n"
            "3.加强资金监管。开展专项审计。(审计署负责)\n"
            "4.推广创新制度。复制推广改革试点经验。(海关总署、商务部等有关部门负责)")
    tasks = tasks_of(tmp_path, body)
    assert [t["text"][:6] for t in tasks] == ["拓展两个市场", "优化产业布局", "加强资金监管", "推广创新制度"]
    assert [t["units"] for t in tasks] == [["税务总局", "财政部", "海关总署"], ["商务部", "国际发展合作署"],
                                           ["审计署"], ["海关总署", "商务部", "有关部门"]]
    assert [t["lead"] for t in tasks] == [["税务总局"], ["商务部"], ["审计署"], ["海关总署"]]


def test_a_deployment_is_no_unit(tmp_path):
    # 部署 (a deployment) ends in 署 too: a bracket that names one is no attribution
    body = ("一、主要任务\n1.加快项目建设。按计划推进重点项目。(按照国务院部署)\n"
            "2.强化要素保障。统筹用地用能指标。(自然资源部负责)")
    tasks = tasks_of(tmp_path, body)
    assert [t["units"] for t in tasks if t["units"]] == [["自然资源部"]]
    assert not any("部署" in u for t in tasks for u in t["units"])


BODY = "各省、自治区、直辖市人民政府,国务院各部委、各直属机构:\n现提出以下意见。\n一、主要任务\n1.拓展两个市场。推广试点。(税务总局、财政部负责)\n"


def test_a_title_printed_over_lines_is_one_title(tmp_path):
    # a page's two-line title (one <p> with a <br>, or two lines of a text) is one title, whichever half is longer
    for head, title in [
        ("国务院关于促进综合保税区\n高水平开放高质量发展的若干意见\n国发〔2019〕3号\n",
         "国务院关于促进综合保税区高水平开放高质量发展的若干意见"),
        ("国务院办公厅关于对真抓实干成效明显地方\n\n进一步加大激励支持力度的通知\n\n国办发〔2018〕117号\n\n",
         "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知"),
    ]:
        result = import_text(head + BODY, tmp_path, stem="t", jurisdiction="国务院", force=True)
        assert result.data["title"] == title


def test_the_state_council_signs_with_its_name(tmp_path):
    text = "国务院关于促进某某产业发展的若干意见\n国发〔2019〕3号\n" + BODY + "国务院\n2019年1月12日\n(此件公开发布)\n"
    result = import_text(text, tmp_path, stem="t", jurisdiction="国务院")
    assert str(result.data["published"]) == "2019-01-12"
    assert result.data["issuer"] == "国务院"


PAGE = """<div class="wrap"><table width="930"><tbody><tr><td>
<table class="bd1"><tbody>
<tr><td><b>索 引 号：</b></td><td>000014349/2019-00003</td><td><b>主题分类：</b></td><td>商贸、海关、旅游</td></tr>
<tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2019年01月12日</td></tr>
<tr><td><b>标　　题：</b></td><td colspan="3">国务院关于促进综合保税区高水平开放高质量发展的若干意见</td></tr>
<tr><td><b>发文字号：</b></td><td>国发〔2019〕3号</td><td><b>发布日期：</b></td><td>2019年01月25日</td></tr>
</tbody></table>
<table class="bd1"><tbody><tr><td><b>主 题 词：</b></td><td></td><td></td><td></td></tr></tbody></table>
</td></tr></tbody></table><br>
<table width="930"><tbody><tr><td width="675"><table width="674"><tbody><tr><td><br>
<table width="650"><tbody><tr><td class="b12c" id="UCAP-CONTENT">
<p><span>国务院关于促进综合保税区</span><br><span>高水平开放高质量发展的若干意见</span></p>
<p>国发〔2019〕3号</p>
<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
<p>PREAMBLE现提出以下意见：</p>
<p>一、主要任务</p>
<p>1.拓展两个市场。积极稳妥地推广增值税一般纳税人资格试点。（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）</p>
<p>2.提前适用政策。对入区企业进口自用的机器设备享受综合保税区税收政策。（海关总署、财政部、税务总局负责）</p>
</td></tr></tbody></table></td></tr></tbody></table></td></tr></tbody></table></div>"""
# a notice's body is long: its cell is the page's layout, not a table of data
PAGE = PAGE.replace("PREAMBLE", "综合保税区是开放型经济的重要平台，对发展对外贸易、吸引外商投资发挥着重要作用。" * 60)


def test_a_portal_page_s_catalogue_table_gives_its_fields(tmp_path):
    # www.gov.cn: the catalogue (标题 over merged cells, 发文机关, 成文日期) in a table of its own above the content
    from sitegen.importer.source import read_source

    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    text = read_source(str(page)).text
    assert "成文日期" in text and text.count("国务院关于促进综合保税区高水平开放高质量发展的若干意见") == 1
    result = import_text(text, tmp_path, stem="t", jurisdiction="国务院")
    assert result.data["title"] == "国务院关于促进综合保税区高水平开放高质量发展的若干意见"
    assert str(result.data["published"]) == "2019-01-12"
    assert [t["number"] for t in iter_tasks(result.data)] == ["1", "2"]
