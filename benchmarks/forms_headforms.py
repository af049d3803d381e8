"""The forms pages print for who does a task (issue 17, thirteenth sweep, branch headforms): headings that name the
unit for the tasks under them, sentences that divide the work, and the shapes of text the importer refuses.

Each entry is a small notice written around one form as a page printed it (`printed`, verbatim, with the page's
address; a page is used only where /work/wt/held_sources.txt does not hold it). Forms marked `source: brief` are
shapes the sweep's brief lists that no unheld page found by the sweep printed; they are kept apart in the figures.
`want` is what the corpus gold would say (tests/importer_corpus/real/README.md): a list of tasks, each the opening
words of its text and its units with roles, or REFUSED for a text holding no task (it must stay refused).

Forms under HELD_OUT were never tuned on: no rule, vocabulary or test was written from them; their figure is
reported apart (before and after) so the gain on unseen forms can be judged.

`python benchmarks/forms_headforms.py` prints right/wrong per form and the totals; `--show ID` prints one notice and
what the import gave.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from sitegen.core.errors import SitegenError
from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

REFUSED = "refused"
HEAD = ("某某县人民政府办公室关于印发重点工作任务分工的通知\n各乡镇人民政府,县政府各部门:\n"
        "现将重点工作任务分工印发给你们,请认真抓好落实。\n")

PAGES = {
    "fuyu": "https://www.fy58.com/archiver/tid-23118.html",
    "chuangwei": "http://m.kj-cy.cn/htm/20131227/42622_4.htm",
    "cangxi": "https://cncx.gov.cn/gongkai/show/20191128094358285.html",
    "huarong": "http://huarong.gov.cn/33553/content_1021552.html",
    "jingyang": "http://zxyzs.com/sichuan/zcsd/2016/36258.html",
    "neimeng": "http://a9379.cn/policy/info/2038",
    "shanxi": "http://ryehollerboys.com/shanxi/2536998.html",
    "baokang": "http://baokang.cjyun.org/p/7930.html",
    "sujiatun": "http://sjtq.gov.cn/zwgk/fdzdgknr/zcjd/202304/t20230418_4450957.html",
    "ningshan": "https://www.ningshan.gov.cn/Content-646721.html",
    "xian": "https://kuaibao.lzzcloud.net/news_info/905747.html",
    "changbai": "http://xxgk-cb.cbs.gov.cn/szf_1361/zsjxxgkml/201811/t20181106_534578.html",
    "quxian": "http://bp4871g.cn/sichuan/info/143162.html",
    "fuxue": "https://m.wenke99.com/p-9344639.html",
    "jiashan": "http://cnzsyz.com/zhejiang/info/158743.html",
    "minzheng": "http://jsxzch.com/html/html2013zf_zfjg_zs_mzj_bmjg_10221165.html",
    "lishui": "http://www.luntanhao.com/art/2021/1/11/art_1229283446_2225614.html",
    "panshan": "http://www.gfl123.com/2016_09/10_16/content-354322.html",
    "linyou": "http://www.linyou.gov.cn/col20083/col20086/201604/t20160427_786629.html",
    "yangbi": "http://www.yangbi.gov.cn/ybyz/xxgkml/202308/7c06cbacc7ae4ae0bb14b159dad7acae.shtml",
    "guangxi": "http://m.cctv1204.com/zhengce/show-24782.html",
    "jiangxian": "http://www.lysjjx.com/doc/2023/10/25/385473.shtml",
    "brief": "the sweep's brief (heads.md): a shape listed there, not found printed on an unheld page",
}


def form(fid, group, page, printed, body, want):
    return {"id": fid, "group": group, "page": page, "printed": printed, "body": body, "want": want}


R, L, P = "责任", "牵头", "配合"

TUNING = [
    # -- sentences that divide the work ---------------------------------------------------------------------------
    form("cangxi-fuze-work", "sentence", "cangxi", "县发改局负责做好项目的立项审批;",
         "一、明确工作责任\n1.县发改局负责做好项目的立项审批。\n2.县财政局负责统筹拨付项目资金。\n",
         [("县发改局负责做好", [("县发改局", R)]), ("县财政局负责统筹", [("县财政局", R)])]),
    form("cangxi-fuze-huitong", "sentence", "cangxi", "县财政局负责会同各项目主管部门抓好资金管理,统筹拨付资金;",
         "一、工作任务\n1.县财政局负责会同县农业农村局抓好资金管理,统筹拨付资金。\n2.县审计局负责对整合资金的使用情况进行监督审计。\n",
         [("县财政局负责会同", [("县财政局", L), ("县农业农村局", P)]), ("县审计局负责对", [("县审计局", R)])]),
    form("cangxi-yao-fuze", "sentence", "cangxi", "县审计局要负责对整合资金的使用情况进行监督审计,确保资金专款专用;",
         "一、工作任务\n(一)县审计局要负责对整合资金的使用情况进行监督审计,确保资金专款专用。\n"
         "(二)县发改局要负责做好项目的立项审批。\n",
         [("县审计局要负责", [("县审计局", R)]), ("县发改局要负责", [("县发改局", R)])]),
    form("cangxi-towns-fuze", "sentence", "cangxi", "亭子镇、浙水乡负责做好项目规划、设计、实施、验收、审计、资金使用管理、后期运行管护等工作;",
         "二、任务分工\n1、甲镇、乙乡负责做好项目规划、设计、实施、验收等工作。\n2、县发改局负责做好项目的立项审批。\n",
         [("甲镇、乙乡负责", [("甲镇", R), ("乙乡", R)]), ("县发改局负责", [("县发改局", R)])]),
    form("chuangwei-you-qiantou", "sentence", "chuangwei", "2、由宣传部牵头,统计局及各乡镇配合,在全县广大干部群众中组织一次创卫知识小测试",
         "二、工作安排\n1、由县委宣传部牵头,县统计局及各乡镇配合,在全县组织一次创卫知识小测试。\n"
         "2、由县卫健局牵头,各乡镇配合,开展健康教育进社区活动。\n",
         [("由县委宣传部牵头", [("县委宣传部", L), ("县统计局", P), ("各乡镇", P)]),
          ("由县卫健局牵头", [("县卫健局", L), ("各乡镇", P)])]),
    form("chuangwei-fuze-work", "sentence", "chuangwei", "4、宣传部负责媒体宣传的组织协调和领导工作,围绕阶段性工作和创卫热点问题,撰写系列评论员文章",
         "二、工作安排\n1、县委宣传部负责媒体宣传的组织协调和领导工作,撰写系列评论员文章。\n"
         "2、县卫健局负责健康教育知识宣传。\n3、由县统计局牵头,各乡镇配合,组织一次创卫知识测试。\n",
         [("县委宣传部负责", [("县委宣传部", R)]), ("县卫健局负责", [("县卫健局", R)]),
          ("由县统计局牵头", [("县统计局", L), ("各乡镇", P)])]),
    form("chuangwei-plan", "refusal", "chuangwei", "(a plan refused whole: six items, most opening with the unit that acts)",
         "(二)工作安排\n1、由县委宣传部牵头,县统计局及各乡镇配合,在全县组织一次创卫知识小测试。\n"
         "2、县委宣传部负责媒体宣传的组织协调和领导工作,加大对外宣传力度。\n"
         "3、县住建局负责在市容环境卫生方面加强管理,根据有关规定制定罚则。\n",
         [("由县委宣传部牵头", [("县委宣传部", L), ("县统计局", P), ("各乡镇", P)]),
          ("县委宣传部负责", [("县委宣传部", R)]), ("县住建局负责", [("县住建局", R)])]),
    form("fuyu-label-semicolon", "sentence", "fuyu", "(责任单位;住建局、畜牧局、各乡镇场)",
         "一、重点督办事项\n1.实施改厨、改厕、改圈等工程,提升村屯人居环境质量和水平。(责任单位;县住建局、县畜牧局、各乡镇)\n"
         "2.推进村村通、屯屯通工程,加快村路巷道改造进程。(责任单位:县交通局、各乡镇)\n",
         [("实施改厨", [("县住建局", R), ("县畜牧局", R), ("各乡镇", R)]),
          ("推进村村通", [("县交通局", R), ("各乡镇", R)])]),
    form("fuyu-run-together", "sentence", "fuyu", "…模式。(责任单位:城市管理执法大队、各乡镇场) 2.全面开展整治…",
         "一、重点督办事项\n1.加快推进农村垃圾收储运一体化进程。(责任单位:县城市管理执法大队、各乡镇) "
         "2.全面开展整治乱搭乱建、乱停乱放等问题。(责任单位:县自然资源局、县住建局、各乡镇)\n",
         [("加快推进农村垃圾", [("县城市管理执法大队", R), ("各乡镇", R)]),
          ("全面开展整治", [("县自然资源局", R), ("县住建局", R), ("各乡镇", R)])]),
    form("xian-lead-field-after-title", "sentence", "xian", "1.优化城乡结构布局 / 坚持城乡统一规划,…。(牵头单位:市资源规划局、市发改委、市住建局)",
         "(一)实施城乡空间优化行动\n1.优化城乡结构布局\n坚持城乡统一规划,完善村庄规划。(牵头单位:市资源规划局、市发改委、市住建局)\n"
         "2.优化现代农业布局规划\n围绕粮、菜、果六大产业优化布局。(牵头单位:市农业农村局)\n",
         [("优化城乡结构布局", [("市资源规划局", L), ("市发改委", L), ("市住建局", L)]),
          ("优化现代农业布局规划", [("市农业农村局", L)])]),
    form("changbai-small-dot", "sentence", "changbai", "1﹒严查十类重点交通违法行为。",
         "二、主要任务\n1﹒严查十类重点交通违法行为。(县公安局负责)\n2﹒严管重点车辆。(县交通运输局负责)\n",
         [("严查十类", [("县公安局", R)]), ("严管重点车辆", [("县交通运输局", R)])]),
    # (X承办,Y参与: the unit that undertakes the work others take part in leads it, as X负责,Y配合 does)
    form("brief-chengban", "sentence", "brief", "…。X承办,Y参与。",
         "一、重点任务\n1.开展家庭医生签约服务。县卫健局承办,各乡镇参与。\n2.推进公办幼儿园建设。县教育局承办。\n",
         [("开展家庭医生", [("县卫健局", L), ("各乡镇", P)]), ("推进公办幼儿园", [("县教育局", R)])]),
    form("brief-weizeren", "sentence", "brief", "…。X为责任单位。",
         "一、重点任务\n1.制定就业帮扶政策。县人社局为责任单位。\n2.建设城乡供水一体化工程。县水利局为责任单位。\n",
         [("制定就业帮扶", [("县人社局", R)]), ("建设城乡供水", [("县水利局", R)])]),
    form("brief-anzhize-end", "sentence", "brief", "…,各…按职责抓好落实。",
         "一、重点任务\n1.开展家庭医生签约服务,各乡镇按职责抓好落实。\n2.推进农村厕所改造,各乡镇按职责抓好落实。\n",
         [("开展家庭医生", [("各乡镇", R)]), ("推进农村厕所", [("各乡镇", R)])]),
    form("brief-huitong-start", "sentence", "brief", "1.X会同Y<做…>",
         "一、重点任务\n1.县住建局会同县财政局制定老旧小区改造实施方案。\n2.县人社局会同县教育局做好高校毕业生就业工作。\n",
         [("县住建局会同", [("县住建局", L), ("县财政局", P)]), ("县人社局会同", [("县人社局", L), ("县教育局", P)])]),
    form("brief-qiantou-start", "sentence", "brief", "1.X牵头<做…>,Y配合落实。",
         "一、重点任务\n1.县人社局牵头制定就业帮扶政策,各乡镇配合落实。\n2.县商务局牵头举办消费促进活动,县文旅局配合落实。\n",
         [("县人社局牵头", [("县人社局", L), ("各乡镇", P)]), ("县商务局牵头", [("县商务局", L), ("县文旅局", P)])]),
    form("brief-zhidao-start", "sentence", "brief", "1.X指导<…>",
         "一、重点任务\n1.县卫健局指导各乡镇卫生院开展家庭医生签约服务。\n2.县农业农村局指导各村开展人居环境整治。\n",
         [("县卫健局指导", [("县卫健局", R)]), ("县农业农村局指导", [("县农业农村局", R)])]),
    form("brief-you-fuze-end", "sentence", "brief", "…,由X负责落实。",
         "一、重点任务\n1.制定就业帮扶政策,由县人社局负责落实。\n2.建设城乡供水一体化工程,由县水利局负责落实。\n",
         [("制定就业帮扶", [("县人社局", R)]), ("建设城乡供水", [("县水利局", R)])]),
    # -- headings that name the unit ------------------------------------------------------------------------------
    form("brief-heading-unit", "heading", "brief", "一、市发展改革委",
         "一、县发展和改革局\n1.推进重大项目建设,完成年度投资20亿元。\n2.做好粮食安全保障工作。\n二、县教育局\n3.新建中小学校5所。\n",
         [("推进重大项目", [("县发展和改革局", R)]), ("做好粮食安全", [("县发展和改革局", R)]),
          ("新建中小学校", [("县教育局", R)])]),
    form("brief-heading-count", "heading", "brief", "(一)市教育局(8项)",
         "(一)县教育局(2项)\n1.新建中小学校5所。\n2.推进义务教育均衡发展。\n(二)县卫健局(1项)\n3.建设县域医共体。\n",
         [("新建中小学校", [("县教育局", R)]), ("推进义务教育", [("县教育局", R)]), ("建设县域医共体", [("县卫健局", R)])]),
    form("brief-heading-lead-share", "heading", "brief", "市住建局牵头的任务",
         "一、县住建局牵头的任务\n1.改造老旧小区10个。\n2.推进城市燃气管道更新。\n二、县水利局牵头的任务\n3.实施水库除险加固。\n",
         [("改造老旧小区", [("县住建局", L)]), ("推进城市燃气", [("县住建局", L)]), ("实施水库除险", [("县水利局", L)])]),
    form("brief-heading-field", "heading", "brief", "责任单位:市财政局 (a heading line)",
         "(一)责任单位:县财政局\n1.落实减税降费政策。\n2.加强政府债务管理。\n(二)责任单位:县审计局\n3.开展专项资金审计。\n",
         [("落实减税降费", [("县财政局", R)]), ("加强政府债务", [("县财政局", R)]), ("开展专项资金", [("县审计局", R)])]),
    form("brief-heading-leader", "heading", "brief", "市公安局(分管:王某)",
         "一、县公安局(分管领导:王某)\n1.开展电信诈骗专项整治。\n2.推进智慧平安小区建设。\n二、县应急局(分管领导:李某)\n3.开展安全生产大检查。\n",
         [("开展电信诈骗", [("县公安局", R)]), ("推进智慧平安", [("县公安局", R)]), ("开展安全生产", [("县应急局", R)])]),
    form("brief-heading-cooperating", "heading", "brief", "co-operating units on the heading: 一、X(配合单位:Y)",
         "一、县发改局(配合单位:县财政局)\n1.推进重大项目建设。\n2.做好粮食安全保障工作。\n二、县教育局(配合单位:县人社局)\n3.新建中小学校5所。\n",
         [("推进重大项目", [("县发改局", L), ("县财政局", P)]), ("做好粮食安全", [("县发改局", L), ("县财政局", P)]),
          ("新建中小学校", [("县教育局", L), ("县人社局", P)])]),
    form("brief-heading-colon-restart", "heading", "brief", "县住建局: / 1. 2. (numbering restarts under each unit)",
         "县发改局:\n1.推进重大项目建设。\n2.做好粮食安全保障工作。\n县教育局:\n1.新建中小学校5所。\n2.推进义务教育均衡发展。\n",
         [("推进重大项目", [("县发改局", R)]), ("做好粮食安全", [("县发改局", R)]),
          ("新建中小学校", [("县教育局", R)]), ("推进义务教育", [("县教育局", R)])]),
    form("brief-heading-unnumbered", "heading", "brief", "一、X(共2项) / unnumbered paragraphs under it",
         "一、县发改局(共2项)\n推进重大项目建设。\n做好粮食安全保障工作。\n二、县教育局(共1项)\n新建中小学校5所。\n",
         [("推进重大项目", [("县发改局", R)]), ("做好粮食安全", [("县发改局", R)]), ("新建中小学校", [("县教育局", R)])]),
    # -- texts that hold no task: they must stay refused ----------------------------------------------------------
    form("brief-you-fuze-start", "sentence", "brief", "1.由X负责<做…>",
         "一、重点任务\n1.由县财政局负责拨付项目资金,确保专款专用。\n2.由县审计局负责开展专项审计。\n",
         [("由县财政局负责", [("县财政局", R)]), ("由县审计局负责", [("县审计局", R)])]),
    form("brief-weiqiantou-end", "sentence", "brief", "…。X为牵头单位,Y为配合单位。",
         "一、重点任务\n1.推进老旧小区改造。县住建局为牵头单位,县财政局为配合单位。\n2.推进公办幼儿园建设。县教育局为牵头单位。\n",
         [("推进老旧小区", [("县住建局", L), ("县财政局", P)]), ("推进公办幼儿园", [("县教育局", L)])]),
    form("fuyu-requirements-after", "refusal", "fuyu", "二、几点要求 1.市直相关部门、各乡镇,对以上各项工作,要主动认领,对号入座",
         "二、几点要求\n1.县直相关部门、各乡镇,对以上各项工作,要主动认领,对号入座,尽快开展相关工作。\n"
         "2.报告要做到内容翔实,简洁明了。\n", REFUSED),
    form("panshan-attachment-list", "refusal", "panshan", "附:1、创建国家卫生城市目标任务分解和分值责任细则.docx 2、县各单位创城主要工作任务.docx",
         "为做好我县创建国家卫生城市工作,现对创卫工作任务再次进行细化分解。\n"
         "附:1、创建国家卫生城市目标任务分解和分值责任细则.docx\n2、县各单位创城主要工作任务.docx\n某某县人民政府办公室\n2016年9月8日\n", REFUSED),
    form("jiashan-leader-duties", "refusal", "jiashan", "协助县长负责教育、文化、体育…工作。分管教育局、文化广电新闻出版局(体育局)…。联系文明办…",
         "李四\n协助县长负责教育、文化、体育、卫生等方面工作。分管县教育局、县文化广电新闻出版局(县体育局)。\n"
         "联系县文明办、县红十字会、县档案局。\n", REFUSED),
    form("neimeng-regulation", "refusal", "neimeng", "第三条 补助资金由自治区财政厅、住房和城乡建设厅按职责分工管理。自治区财政厅负责编制补助资金预算,…",
         "第一章 总则\n第三条 补助资金由自治区财政厅、住房和城乡建设厅按职责分工管理。\n"
         "自治区财政厅负责编制补助资金预算,确定补助资金分配方案。\n自治区住房和城乡建设厅负责住房保障计划编制。\n", REFUSED),
    form("shanxi-news", "refusal", "shanxi", "常务副省长高建民:负责省人民政府常务工作,主要负责抓好发展改革、监察、财税…",
         "本报讯 今年的《政府工作报告》被分解为321项具体任务。\n常务副省长高建民:负责省人民政府常务工作,主要负责抓好发展改革、财税等方面工作的落实。\n"
         "副省长付建华:负责抓好工业经济运行、交通运输等方面工作的落实。\n", REFUSED),
    form("baokang-news", "refusal", "baokang", "县财政局要做好项目投资评审工作,及时拨付项目资金,县自然资源和规划局要及时跟进已上报的项目",
         "4月22日,县政府召开专题会议,就全县土地增减挂钩工作进行督办。\n徐声军指出,各乡镇及相关单位要抢抓当前耕种黄金时节。"
         "县财政局要做好项目投资评审工作,及时拨付项目资金,县自然资源和规划局要及时跟进已上报的项目,尽快争取立项批复。\n", REFUSED),
]

HELD_OUT = [
    form("h-cangxi-paragraph", "refusal", "cangxi", "二、明确工作责任。亭子镇、浙水乡负责做好…;县发改局负责做好项目的立项审批;…",
         "一、加强统筹协调。各参建乡镇和部门要加强统筹协调,加快项目实施进度。\n"
         "二、明确工作责任。甲镇、乙乡负责做好项目规划、实施、验收等工作;县发改局负责做好项目的立项审批;县财政局负责统筹拨付资金。\n"
         "三、严肃追责问责。对项目推进工作不力的,县纪委监委将严肃追责问责。\n", REFUSED),
    form("h-chuangwei-weituo", "sentence", "chuangwei", "6、城建局在市容环境卫生方面加强管理,根据有关规定制定罚则。",
         "二、工作安排\n1、县住建局在市容环境卫生方面加强管理,根据有关规定制定罚则。\n2、县委宣传部负责媒体宣传的组织协调工作。\n",
         [("县住建局在市容", [("县住建局", R)]), ("县委宣传部负责", [("县委宣传部", R)])]),
    form("h-chuangwei-bare-units", "sentence", "chuangwei", "4、宣传部负责媒体宣传的组织协调和领导工作",
         "二、工作安排\n1、宣传部负责媒体宣传的组织协调和领导工作。\n2、卫健局负责健康教育知识宣传。\n",
         [("宣传部负责", [("宣传部", R)]), ("卫健局负责", [("卫健局", R)])]),
    form("h-cangxi-zhuguan", "sentence", "cangxi", "县国农区办等有资金整合任务的县级部门要切实做好项目的规划申报",
         "二、工作任务\n1.县农业农村局等有资金整合任务的县级部门要切实做好项目的规划申报。\n2.县财政局负责统筹拨付资金。\n",
         [("县农业农村局等", [("县农业农村局", R)]), ("县财政局负责", [("县财政局", R)])]),
    form("h-fuyu-semicolon-lead", "sentence", "fuyu", "(责任单位;住建局、畜牧局、各乡镇场)",
         "一、重点督办事项\n1.推进农村危房改造。(牵头单位;县住建局;配合单位:各乡镇)\n2.整治村屯院落柴草乱堆问题。(责任单位;县农业农村局、各乡镇)\n",
         [("推进农村危房", [("县住建局", L), ("各乡镇", P)]), ("整治村屯院落", [("县农业农村局", R), ("各乡镇", R)])]),
    form("h-xian-department-words", "sentence", "xian", "发展改革部门同步做好农村公共配套项目和产业项目的批复工作,住建部门做好…",
         "(一)实施城乡空间优化行动\n1.优化城乡结构布局。发展改革部门同步做好项目批复工作,住建部门做好建设管理工作。(牵头单位:市资源规划局)\n",
         [("优化城乡结构布局", [("市资源规划局", L)])]),
    form("h-brief-xiezhu-end", "sentence", "brief", "…。由X负责,Y协助。",
         "一、重点任务\n1.制定老旧小区改造实施方案。由县住建局负责,县财政局协助。\n2.开展河湖清四乱行动。由县水利局负责,各乡镇协助。\n",
         [("制定老旧小区", [("县住建局", L), ("县财政局", P)]), ("开展河湖清四乱", [("县水利局", L), ("各乡镇", P)])]),
    form("h-brief-duchu-start", "sentence", "brief", "1.X督促<…>",
         "一、重点任务\n1.县市场监管局督促食品生产企业落实主体责任。\n2.县应急局督促企业开展隐患排查。\n",
         [("县市场监管局督促", [("县市场监管局", R)]), ("县应急局督促", [("县应急局", R)])]),
    form("h-brief-huitong-you", "sentence", "brief", "1.由X会同Y<做…>",
         "一、重点任务\n1.由县发改局会同县统计局做好经济运行监测。\n2.由县财政局会同县税务局做好组织收入工作。\n",
         [("由县发改局会同", [("县发改局", L), ("县统计局", P)]), ("由县财政局会同", [("县财政局", L), ("县税务局", P)])]),
    form("h-brief-heading-tasks-of", "heading", "brief", "一、X承担的工作任务",
         "一、县交通运输局承担的工作任务\n1.建设农村公路50公里。\n2.新开城乡公交线路3条。\n二、县水利局承担的工作任务\n3.实施水库除险加固。\n",
         [("建设农村公路", [("县交通运输局", R)]), ("新开城乡公交", [("县交通运输局", R)]), ("实施水库除险", [("县水利局", R)])]),
    form("h-brief-heading-bracketed", "heading", "brief", "【市水务局】 on a line of its own",
         "【县水利局】\n1.实施水库除险加固。\n2.推进农村供水保障工程。\n【县林业局】\n3.完成植树造林1万亩。\n",
         [("实施水库除险", [("县水利局", R)]), ("推进农村供水", [("县水利局", R)]), ("完成植树造林", [("县林业局", R)])]),
    form("h-brief-heading-lead-colon", "heading", "brief", "X牵头: as a heading",
         "一、县商务局牵头:\n1.举办消费促进活动。\n2.培育限上商贸企业10家。\n二、县文旅局牵头:\n3.创建A级景区2个。\n",
         [("举办消费促进", [("县商务局", L)]), ("培育限上商贸", [("县商务局", L)]), ("创建A级景区", [("县文旅局", L)])]),
    form("h-chuangwei-group-yao", "sentence", "chuangwei", "1、宣传教育组要按照《…工作实施方案》积极开展各项工作,全力营造创卫氛围。",
         "二、工作安排\n1、宣传教育组要按照《宣传教育工作实施方案》积极开展各项工作。\n2、县委宣传部负责媒体宣传的组织协调工作。\n",
         [("宣传教育组要", [("宣传教育组", R)]), ("县委宣传部负责", [("县委宣传部", R)])]),
    form("h-chuangwei-media-continue", "sentence", "chuangwei", "3、县电台、电视台继续办好创卫专栏,健康教育专栏",
         "二、工作安排\n1、县电台、县电视台继续办好创卫专栏、健康教育专栏。\n2、县委宣传部负责媒体宣传的组织协调工作。\n",
         [("县电台、县电视台", [("县电台", R), ("县电视台", R)]), ("县委宣传部负责", [("县委宣传部", R)])]),
    form("h-fuxue-preview", "refusal", "fuxue", "上传人:… 文档编号:… 资源描述 …二、工作职责1.各级教育行政部门要在当地政府的领导下,…",
         "市学校复学复课卫生防疫工作方案.doc\n上传人:bo****9 文档编号:9344639 上传时间:2021-12-09 格式:DOC 页数:24\n资源描述\n"
         "一、工作目标在市委、市政府的领导下,做好复学前和复学后的学校卫生防疫工作。二、工作职责1.各级教育行政部门要在当地政府的领导下,"
         "指导学校完善联防联控工作机制。2.各学校主要负责人是卫生防疫工作第一责任人。\n", REFUSED),
    form("h-minzheng-duties", "refusal", "minzheng", "负责协调落实上级有关农村居民最低生活保障…;组织、管理、指导、督促乡镇开展农村低保工作",
         "农村低保股\n负责协调落实上级有关农村居民最低生活保障方针政策;拟定全县农村低保管理办法;"
         "组织、指导、督促乡镇开展农村低保工作;完成局领导交办的其它工作。\n", REFUSED),
    form("h-lishui-contents", "refusal", "lishui", "目 录 1.总则 1.1 编制目的 … 2.组织指挥体系及职责 2.1 市应急组织指挥机构及主要职责",
         "某某县校园突发公共事件应急预案\n目  录\n1.总则\n1.1 编制目的\n1.2 编制依据\n2.组织指挥体系及职责\n"
         "2.1 县应急组织指挥机构及主要职责\n2.2 各级各类学校主要职责\n3.监测预警和信息报告\n", REFUSED),
    form("h-linyou-notice-only", "refusal", "linyou", "现将2016年农业重点工作任务分解下达,请认真抓好落实 / 一、加强领导,强化责任意识",
         "现将2016年农业重点工作任务分解下达,请认真抓好落实。\n一、加强领导,强化责任意识\n"
         "各镇政府、县政府各有关部门要把落实农业重点工作任务作为当前农业工作的重中之重。\n"
         "二、突出重点,强化示范引领\n各镇要紧紧围绕打赢脱贫攻坚战,做强三大农产品生产基地。\n", REFUSED),
    form("h-yangbi-feedback", "refusal", "yangbi", "一、提高认识,加强领导。各相关部门要进一步加强组织领导",
         "现将发现的问题反馈给你们,请立行立改,并提出以下工作要求:\n一、提高认识,加强领导。各相关部门要进一步加强组织领导。\n"
         "二、全面排查,认真整改。各相关部门要根据《督查发现问题交办单》,切实抓好整改。\n", REFUSED),
    form("h-guangxi-no-units", "refusal", "guangxi", "(一)明确耕地利用优先序。坚决落实最严格的耕地保护制度,…",
         "二、工作措施\n(一)明确耕地利用优先序。坚决落实最严格的耕地保护制度,实行永久基本农田特殊保护。\n"
         "(二)加强粮食生产功能区监管。严格控制在核心区内进行非粮食生产活动。\n", REFUSED),
    form("h-jiangxian-preamble", "refusal", "jiangxian", "为促进全县专业镇高质量发展…制定本实施方案。一、指导思想",
         "某某县促进专业镇高质量发展实施方案\n为促进全县专业镇高质量发展,结合我县实际,制定本实施方案。\n"
         "一、指导思想\n以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神。\n", REFUSED),
    form("h-quxian-leader-duties", "refusal", "quxian", "负责区政府常务工作。负责监察、财税、人事…。分管区政府办公室…",
         "张三同志\n负责区政府常务工作。负责监察、财税、人事、劳动和社会保障等工作。\n分管区政府办公室、区财政局、区人事局等单位。\n", REFUSED),
    form("h-sujiatun-division", "refusal", "sujiatun", "副主任杨烨同志分管文秘科和督查科工作",
         "一、起草背景\n根据工作需要,区政府办公室主任华毅同志主持全面工作,副主任杨烨同志分管文秘科和督查科工作,"
         "副主任刘文超同志分管综合三科和综合二科工作。\n", REFUSED),
    form("h-ningshan-members", "refusal", "ningshan", "二、主要职责 在县政府领导下,及时全面掌握全县道路交通安全情况",
         "一、组成人员\n召集人:县政府分管副县长\n成员:县公安局分管局长\n县交通局分管局长\n"
         "二、主要职责\n在县政府领导下,及时全面掌握全县道路交通安全情况,研究、协调解决有关问题。\n", REFUSED),
]


def run(body: str):
    """The tasks the importer reads from the notice, as (text, [(unit, role), …]); REFUSED when it finds none."""
    with tempfile.TemporaryDirectory() as tmp:
        try:
            result = import_text(HEAD + body, Path(tmp), stem="f", jurisdiction="某某县")
        except SitegenError:
            return REFUSED
    return [((t.get("title") or "") + t["text"], [(u["name"], u.get("role")) for u in t.get("units", [])]) for t in iter_tasks(result.data)]


def right(entry, got) -> bool:
    want = entry["want"]
    if want == REFUSED or got == REFUSED:
        return want == got
    return len(got) == len(want) and all(text.startswith(start) and units == wunits
                                         for (text, units), (start, wunits) in zip(got, want, strict=True))


def score(entries) -> tuple[int, list[str]]:
    wrong = [e["id"] for e in entries if not right(e, run(e["body"]))]
    return len(entries) - len(wrong), wrong


def main(argv: list[str]) -> None:
    if argv[:1] == ["--show"]:
        entry = next(e for e in TUNING + HELD_OUT if e["id"] == argv[1])
        print(HEAD + entry["body"])
        print("want:", entry["want"])
        print("got: ", run(entry["body"]))
        return
    for name, entries in (("tuning", TUNING), ("held-out", HELD_OUT)):
        ok, wrong = score(entries)
        for group in ("heading", "sentence", "refusal"):
            members = [e for e in entries if e["group"] == group]
            if members:
                good = sum(e["id"] not in wrong for e in members)
                print(f"{name:9} {group:9} {good}/{len(members)}")
        real = [e for e in entries if e["page"] != "brief"]
        print(f"{name:9} from pages {sum(e['id'] not in wrong for e in real)}/{len(real)}; "
              f"all {ok}/{len(entries)}; wrong: {' '.join(wrong) or '-'}")


if __name__ == "__main__":
    main(sys.argv[1:])
