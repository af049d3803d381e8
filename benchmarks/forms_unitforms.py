# ruff: noqa: E501  (the catalogue holds lists as pages print them: CJK lines run long)
"""Unit-list forms real pages print, each read in the layouts that print it (thirteenth sweep, branch unitforms).

Every form is a unit list or an attribution as a page the corpus does not hold prints it (its address is given;
benchmarks/import_sweep.md, "Thirteenth sweep: unitforms", groups them by their parts). Each is put into a small
notice of two numbered items in each layout it is printed in (a bracket after the task, the bracket on the next line,
one label line per field, a heading naming the unit, a key-value table), and the first item's units are compared with
the reading README's rules give: the names in printed order and which of them lead.

About a third of the forms are held out (`HELD_OUT`): they were read before any change and never tuned on; report them
apart. Run from the repository root:

    python benchmarks/forms_unitforms.py            # right/wrong per form and layout, and the totals
    python benchmarks/forms_unitforms.py --failures # only what is read wrong
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitegen.importer import import_text
from sitegen.importer.content import iter_tasks

# the pages, by short name (none of them is held by the corpus: /work/wt/held_sources.txt)
SOURCES = {
    "gz-2012-rencai": "code corpus file 31843635488 (a CMS dump holding 广州市人才集聚工程 2012's project list)",
    "hunan-2012-wenhua": "http://hunan.gov.cn/xxgk/wjk/swszfbgt/201207/t20120717_4825942.html",
    "zhejiang-2011-wenhua": "https://tfhid.com/art/2023/7/11/art_1229622048_2486288.html",
    "sichuan-wenhua": "http://fsou.com/html/text/lar/173649/17364972_2.html",
    "tianjin-2023-zhizao": "http://www.zhuawawa.xin/article/6f/177256.html",
    "wucheng-2025-zhengce": "https://chu21.com/html/chunengy-43847.shtml",
    "wencheng-2024-minsheng": "http://www.wencheng.gov.cn/art/2024/8/28/art_1229727684_59044437.html",
    "qiongzhong-2022-shishi": "http://qiongzhong.hainan.gov.cn/ztzl/rdzt/wmbss/wmbss/202210/t20221008_3278167.html",
    "guangzhou-2023-zhongdian": "https://www.gz.gov.cn/zwgk/zdgzlsqk2023/content/post_9622093.html",
    "rencai-guihua": "http://www.fymate.net/html/text/lar/169738/16973888_5.html",
    "neimenggu-2020-jiuxiaoqu": "https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/gzxzgfxwj/cxhj/202012/"
                                "W020201215700077458917/files/basic-html/page22.html",
    "zhujian-qianrushi": "https://www.xiaomilidoc.com/p-12489989.html",
    "luyi-2018-xianlan": "http://www.zhld.com/content/2018-06/27/content_822182.htm",
    "yucheng-2015-guanxian": "http://shangqiu.yuduxx.com/yucheng/299505.html",
    "xuancheng-2020-jiankang": "http://www.xuancheng.gov.cn/OpennessContent/show/2011754.html",
    "sichuan-xian-fengong": "http://m.stellalashacademy.com/sichuan/info/143273.html",
    "guangzhou-2011-zhaoshang": "http://156152.com/zwgk/fggw/szfwj/content/post_4757573.html",
    "chengdu-2024-qianrushi": "https://lr5.cn/2024/08/07/47893.html",
    "tianjin-2017-kaifaqu": "http://cni.top/html/2017/pioneerpolicy_1028/26711.html",
    "beijing-2016-zhengwu": "https://0798ci.com/policy/70942.html",
    "heze-2009-kuoda": "http://law270.infoeach.com/view-MjcwfDEwMDcyMA==.html",
    "nanjing-2022-canji": "http://njdaily.cn/news/2022/1128/4965615925330259507.html",
    "taizhou-2019-changjiang": "http://bjzsjsls.com/dwzw/dzqk/zfgb/2019nd9q/szfbgswj/art/2023/"
                               "art_ff7b0f485980455093caa59188172814.html",
    "taizhou-2014-yigai": "https://bjzjzh.com/www/art/2014/8/21/art_15150_7",
    "guangxi-2020-feiliang": "http://m.cctv1204.com/zhengce/show-24782.html",
    "deyang-2016-ppp": "http://www.lssme.org.cn/zcfg/show.php?itemid=17",
    "qixingguan-2015-yibao": "http://www.bjqixingguan.gov.cn/syqt_500441/wzgznb/201708/t20170810_7354861.html",
    "taihu-2019-guize": "http://zwgkw.thx.gov.cn/openness/detail/content/5c4829ad7f8b9a6f388be521.html",
    "kaifeng-2020-zhizao": "http://www.kaifeng.gov.cn/kfsrmzfwz/szfbgswj202303312215/pc/content/"
                           "content_1765918279767756800.html",
    "chongqing-2024-getihu": "http://www.yon123.com/policy/detail?id=14957",
    "xiangcheng-2021-xiangzhen": "https://xiangchengxian.gov.cn/zwgk/010001/20211103/"
                                 "b28ab692-fbed-4433-9f92-d028393ab506.html",
    "jining-2021-tongquan": "http://jiaxiang.gov.cn/art/2021/7/19/art_72008_2718080.html",
    "haidong-2019-lantian": "http://www.taoyu-china.com/w/a3/4464.html",
    "hubei-2022-shichang": "http://jumpstarthappiness.com/policy/136787.html",
    "guizhou-2012-zijin": "http://jumpstarthappiness.com/policy/123415.html",
    "shandong-2014-yusuan": "https://0798ci.com/law/8240.html",
    "shanxi-2018-zengshou": "http://laodongfa.com/stadata/bmgz/7504.html",
    "wuzhou-2012-chuangxin": "http://fsou.com/html/text/lar/173631/17363170.html",
    "zhoushan-2010-juece": "http://law661.infoeach.com/view-NjYxfDEyNTAzNA==.html",
    "jiangxian-2023-zhuanyezhen": "http://www.lysjjx.com/doc/2023/10/25/385473.shtml",
    "xinyu-2023-zhengwu": "http://echinagov.com/policy/346701.htm",
    "tongliao-2023-chanyezhen": "http://nmzx.org.cn/show-248550.html",
    "neimenggu-2013-guize": "https://www.nmg.gov.cn/zfbgt/zwgk/zzqwj/202012/t20201208_314762.html",
    "neimenggu-2025-nongmu": "http://www.wlthq.gov.cn/zfxxgk/fdzdgknr/zdlyxxgk/xczx/zcwj/202510/t20251027_725630.html",
}

HEAD = ("{place}人民政府办公室关于印发重点工作任务分工的通知\n各有关单位:\n现将任务分工印发给你们,请认真贯彻落实。\n"
        "{place}人民政府办公室\n2024年3月1日\n")
PLACES = {"市": ("某某市", "某某省"), "县": ("某某县", "某某市"), "区": ("某某区", "某某市"), "省": ("某某省", None),
          "自治区": ("某某自治区", None), "旗": ("某某旗", "某某盟")}
SECOND = "2.做好统筹协调工作,确保按期完成。({}负责)"


@dataclass
class Form:
    id: str
    source: str
    parts: str  # what the form is made of (the catalogue groups it by these)
    units: list[str]
    leads: list[str] = field(default_factory=list)
    attribution: str = ""  # the bracket's content, as printed
    fields: list[tuple[str, str]] = field(default_factory=list)  # labelled fields, as printed
    separator: str = ","  # between the fields inside one bracket
    level: str = "市"
    task: str = "推进重点工作落实,按期完成年度目标任务。"
    layouts: tuple[str, ...] = ("bracket", "next-line")
    body: str = ""  # a layout of its own (a heading, a table), when the form prints only in it
    held_out: bool = False


def _bracket(form: Form) -> str:
    return form.attribution or form.separator.join(f"{label}:{value}" for label, value in form.fields)


def render(form: Form, layout: str) -> str:
    """The small notice printing the form in one layout."""
    place, _ = PLACES[form.level]
    head = HEAD.format(place=place)
    first = form.units[0]
    second = SECOND.format(first if first.startswith(form.level) else f"{form.level}发改委")
    if layout == "body":
        return head + form.body
    if layout == "bracket":
        item = f"1.{form.task}({_bracket(form)})"
    elif layout == "next-line":
        item = f"1.{form.task}\n({_bracket(form)})"
    elif layout == "label-lines":
        item = f"1.{form.task}\n" + "\n".join(f"{label}:{value}" for label, value in form.fields)
        second = second.replace("(", "\n责任单位:").replace("负责)", "")
    else:
        raise ValueError(layout)
    return head + "一、重点任务\n" + item + "\n" + second + "\n"


def plain(name: str) -> str:
    return name.replace("\uff08", "(").replace("\uff09", ")").replace(" ", "")


def read(form: Form, layout: str) -> tuple[list[str], list[str]] | str:
    place, parent = PLACES[form.level]
    with tempfile.TemporaryDirectory() as tmp:
        try:
            data = import_text(render(form, layout), Path(tmp), stem="t", jurisdiction=place, parent=parent).data
        except Exception as error:  # a refusal is a reading too: the form named nobody it could read
            return f"refused: {str(error)[:60]}"
    tasks = list(iter_tasks(data))
    if not tasks:
        return "no task"
    units = tasks[0].get("units") or []
    return [plain(u["name"]) for u in units], [plain(u["name"]) for u in units if u.get("role") in ("牵头", "主办")]


def layouts(form: Form) -> tuple[str, ...]:
    if form.body:
        return ("body",)
    if form.fields and "label-lines" not in form.layouts:
        return (*form.layouts, "label-lines")
    return form.layouts


def check(form: Form) -> list[tuple[str, bool, object]]:
    want = ([plain(u) for u in form.units], sorted(plain(u) for u in form.leads))
    out = []
    for layout in layouts(form):
        got = read(form, layout)
        ok = not isinstance(got, str) and (got[0], sorted(got[1])) == want
        out.append((layout, ok, got))
    return out


def F(*args, **kwargs) -> Form:
    return Form(*args, **kwargs)


FORMS = [
    # ---- separators and plain lists (、 , ; and lists of one level) --------------------------------------------
    F("party-and-government-list", "rencai-guihua", "、 list; party bodies (市委…) among departments",
      ["市委组织部", "市人事局", "市科技局", "市委宣传部", "市经委"],
      attribution="责任单位:市委组织部、市人事局、市科技局、市委宣传部、市经委"),
    F("two-departments", "rencai-guihua", "、 list of two",
      ["市劳动和社会保障局", "市人事局"], attribution="责任单位:市劳动和社会保障局、市人事局"),
    F("comma-then-collective-government", "tianjin-2023-zhizao", "、 list, then , and a 各…政府 collective",
      ["市工业和信息化局", "市财政局", "各区人民政府"], attribution="责任单位:市工业和信息化局、市财政局,各区人民政府"),
    F("long-party-list", "xuancheng-2020-jiankang", "long 、 list: 市委 bodies, offices and bureaus",
      ["市委宣传部", "市委政法委", "市委网信办", "市老干局", "市文明办", "市发改委", "市教体局", "市科技局", "市经信局",
       "市公安局", "市民政局"],
      attribution="责任单位:市委宣传部、市委政法委、市委网信办、市老干局、市文明办、市发改委、市教体局、市科技局、市经信局、"
                  "市公安局、市民政局", held_out=True),
    F("places-without-prefix", "xuancheng-2020-jiankang", "、 list of bodies with places of their own, a college, a 市直 collective",
      ["宣州区人民政府", "宣城经开区", "合工大宣城校区", "宣城职业技术学院", "市直有关单位"],
      attribution="宣州区人民政府、宣城经开区、合工大宣城校区、宣城职业技术学院、市直有关单位负责"),
    F("traditional-mass-organisations", "sichuan-xian-fengong", "traditional 、 list: 团县委, 县妇联…, 等單位 tail",
      ["縣精神文明辦", "團縣委", "縣婦聯", "縣委臺辦", "縣文聯", "縣社科聯", "縣紅十字會", "縣關工委"],
      attribution="責任單位:縣精神文明辦、團縣委、縣婦聯、縣委臺辦、縣文聯、縣社科聯、縣紅十字會、縣關工委等單位", level="县"),
    F("traditional-joint-names", "sichuan-xian-fengong", "traditional 、 list of joint names (縣…局(縣…局))",
      ["縣教育和科學技術局(縣知識產權局)", "縣衛生局(縣中醫藥管理局)", "縣文化和新聞出版局"],
      attribution="責任單位:縣教育和科學技術局(縣知識產權局)、縣衛生局(縣中醫藥管理局)、縣文化和新聞出版局", level="县",
      held_out=True),
    F("courts-and-procuratorate", "gz-2012-rencai", "courts and procuratorates in a 、 list after a 市委 lead",
      ["市委政法委", "市法院", "市检察院", "市公安局", "市司法局", "市法制办"], ["市委政法委"],
      fields=[("牵头单位", "市委政法委"), ("配合单位", "市法院、市检察院、市公安局、市司法局、市法制办")]),
    F("two-leads-party", "zhejiang-2011-wenhua", "牵头单位 + 主要参加单位: party bodies, 团省委",
      ["省委宣传部", "省委组织部", "省直机关工委", "省委党校"], ["省委宣传部"],
      fields=[("牵头单位", "省委宣传部"), ("主要参加单位", "省委组织部、省直机关工委、省委党校")], level="省"),
    F("party-school-joint-name", "hunan-2012-wenhua", "主要参加单位 list with a joint name in brackets and 团省委",
      ["省委宣传部", "省委组织部", "省直机关工委", "省委党校(湖南行政学院)", "省委讲师团", "团省委", "省教育厅", "省民政厅",
       "省国资委"], ["省委宣传部"],
      fields=[("牵头单位", "省委宣传部"), ("主要参加单位", "省委组织部、省直机关工委、省委党校(湖南行政学院)、省委讲师团、团省委、"
                                                "省教育厅、省民政厅、省国资委")], level="省", held_out=True),

    # ---- shared prefixes -------------------------------------------------------------------------------------
    F("county-prefix-shared", "luyi-2018-xianlan", "county prefix printed once (县督查局、住建局、城管局)",
      ["县督查局", "县住建局", "县城管局"], attribution="责任单位:县督查局、住建局、城管局", level="县"),
    F("county-prefix-shared-2", "yucheng-2015-guanxian", "county prefix printed once (县工信局、广电局、水务局)",
      ["县工信局", "县广电局", "县水务局"], attribution="县工信局、广电局、水务局负责", level="县", held_out=True),
    F("bare-before-spelled", "sichuan-wenhua", "a bare name before one that spells the prefix (文化厅、省文物局)",
      ["文化厅", "省文物局"], attribution="文化厅、省文物局负责", level="省"),
    F("no-prefix-offices", "zhujian-qianrushi", "a bureau's own sections, printed without level",
      ["城建科", "规划局", "房产科", "安居富民办"], ["城建科"],
      fields=[("牵头科室", "城建科"), ("配合科室", "规划局、房产科、安居富民办")], separator=" ", level="县"),
    F("own-place-zones", "taihu-2019-guize", "zones' bodies named after their places (…风景名胜区管理处, …开发区管委会)",
      ["花亭湖风景名胜区管理处", "太湖经济开发区管委会"], attribution="责任单位:花亭湖风景名胜区管理处、太湖经济开发区管委会",
      level="县"),
    F("market-word-bare", "wencheng-2024-minsheng", "a county notice's 市场监督管理局 (市场 is a word, no 市)",
      ["市场监督管理局"], attribution="责任单位:市场监督管理局", level="县", held_out=True),
    F("zones-with-city-name", "deyang-2016-ppp", "collective, then zones' committees named after their city",
      ["各县(市、区)人民政府", "德阳经济技术开发区管委会", "德阳高新技术产业开发区管委会", "市级各部门"],
      attribution="责任单位:各县(市、区)人民政府、德阳经济技术开发区管委会、德阳高新技术产业开发区管委会,市级各部门"),
    F("district-by-name", "gz-2012-rencai", "a district by its name after prefixed bodies (…、越秀区)",
      ["市委组织部", "市科技和信息化局", "市人力资源和社会保障局", "市财政局", "越秀区"], ["市委组织部"],
      fields=[("牵头单位", "市委组织部"), ("配合单位", "市科技和信息化局、市人力资源和社会保障局、市财政局、越秀区")]),

    # ---- 各… collectives ---------------------------------------------------------------------------------------
    F("each-district-county-city", "gz-2012-rencai", "各区、县级市: a collective of two levels (县级市)",
      ["市人力资源和社会保障局", "各区、县级市"], ["市人力资源和社会保障局"],
      fields=[("牵头单位", "市人力资源和社会保障局"), ("配合单位", "各区、县级市")]),
    F("each-relevant-district-county-city", "gz-2012-rencai", "各有关区、县级市 after a named body",
      ["市农业局", "市科协", "各有关区、县级市"], ["市农业局"],
      fields=[("牵头单位", "市农业局"), ("配合单位", "市科协,各有关区、县级市")]),
    F("relevant-units-then-levels", "gz-2012-rencai", "各有关单位, then 各区、县级市",
      ["市委宣传部", "各有关单位", "各区、县级市"], ["市委宣传部"],
      fields=[("牵头单位", "市委宣传部"), ("配合单位", "各有关单位,各区、县级市")], held_out=True),
    F("project-leads-collective", "gz-2012-rencai", "各项目牵头单位 (a collective named by a role), then levels",
      ["市委组织部", "各项目牵头单位", "各区、县级市"], ["市委组织部"],
      fields=[("牵头单位", "市委组织部"), ("配合单位", "各项目牵头单位,各区、县级市")]),
    F("league-then-levels", "gz-2012-rencai", "团市委 closing a 、 list, then 各区、县级市",
      ["市人力资源和社会保障局", "市工商局", "市金融办", "团市委", "各区、县级市"], ["市人力资源和社会保障局"],
      fields=[("牵头单位", "市人力资源和社会保障局"), ("配合单位", "市工商局、市金融办、团市委,各区、县级市")], held_out=True),
    F("collective-inside-list-then-levels", "gz-2012-rencai", "各有关单位 inside a 、 list, then levels",
      ["市委组织部", "市编办", "市人力资源和社会保障局", "各有关单位", "各区、县级市"], ["市委组织部"],
      fields=[("牵头单位", "市委组织部"), ("配合单位", "市编办、市人力资源和社会保障局、各有关单位,各区、县级市")]),
    F("traditional-district-county-city", "guangzhou-2011-zhaoshang", "traditional 各區、縣級市人民政府, then 市政府各部門、各直屬機構",
      ["各區、縣級市人民政府", "市政府各部門", "各直屬機構"], attribution="責任單位:各區、縣級市人民政府,市政府各部門、各直屬機構"),
    F("bracketed-level-government-committee", "chengdu-2024-qianrushi", "各区(市)县政府(管委会), 市级有关部门, 有关单位",
      ["各区(市)县政府(管委会)", "市级有关部门", "有关单位"], attribution="责任单位:各区(市)县政府(管委会),市级有关部门,有关单位"),
    F("each-kinds-of-body", "tianjin-2017-kaifaqu", "各委、局: a 各 over two kinds of body",
      ["各区人民政府", "各委、局", "各直属单位"], attribution="责任单位:各区人民政府,各委、局,各直属单位", held_out=True),
    F("government-each-kinds", "beijing-2016-zhengwu", "市政府各委、办、局 and 各市属机构",
      ["各区人民政府", "市政府各委、办、局", "各市属机构"], attribution="责任单位:各区人民政府,市政府各委、办、局,各市属机构"),
    F("enterprises-and-colleges-collectives", "heze-2009-kuoda", "市属各企业, 各大中专院校",
      ["各县区人民政府", "市政府各部门", "市属各企业", "各大中专院校"],
      attribution="责任单位:各县区人民政府,市政府各部门,市属各企业,各大中专院校"),
    F("city-each-offices", "nanjing-2022-canji", "市府各委办局, 市各直属单位",
      ["各区人民政府", "市府各委办局", "市各直属单位"], attribution="责任单位:各区人民政府,市府各委办局,市各直属单位",
      held_out=True),
    F("zone-then-city-each-kinds", "taizhou-2019-changjiang", "各市(区)人民政府, a zone's committee, 市各委、办、局",
      ["各市(区)人民政府", "泰州医药高新区管委会", "市各委、办、局", "市各直属单位"],
      attribution="责任单位:各市(区)人民政府,泰州医药高新区管委会,市各委、办、局,市各直属单位"),
    F("city-each-relevant", "taizhou-2014-yigai", "市各有关部门 after a zone's committee",
      ["各市(区)人民政府", "泰州医药高新区管委会", "市各有关部门"],
      attribution="各市(区)人民政府,泰州医药高新区管委会,市各有关部门负责"),
    F("traditional-city-county-government", "guangxi-2020-feiliang", "traditional 各市、縣人民政府, 自治區人民政府各組成部門",
      ["各市、縣人民政府", "自治區人民政府各組成部門", "各直屬機構"],
      attribution="責任單位:各市、縣人民政府,自治區人民政府各組成部門、各直屬機構", level="自治区", held_out=True),
    F("district-government-working-departments", "qixingguan-2015-yibao", "区政府各工作部门、各直属机构",
      ["区政府各工作部门", "各直属机构"], attribution="责任单位:区政府各工作部门、各直属机构", level="区"),
    F("relevant-offices-of-government", "kaifeng-2020-zhizao", "各县、区人民政府, 市人民政府有关部门, 各有关单位",
      ["各县、区人民政府", "市人民政府有关部门", "各有关单位"],
      attribution="责任单位:各县、区人民政府,市人民政府有关部门,各有关单位"),
    F("traditional-autonomous-county", "chongqing-2024-getihu", "traditional 各區縣(自治縣)人民政府, 市政府各部門, 有關單位",
      ["各區縣(自治縣)人民政府", "市政府各部門", "有關單位"],
      attribution="責任單位:各區縣(自治縣)人民政府,市政府各部門,有關單位", held_out=True),
    F("party-and-government-of-townships", "xiangcheng-2021-xiangzhen", "各乡镇党委和人民政府, 县委各部委, 县直和驻襄各单位",
      ["各乡镇党委和人民政府", "县委各部委", "县直和驻襄各单位"],
      attribution="责任单位:各乡镇党委和人民政府,县委各部委,县直和驻襄各单位", level="县"),
    F("enterprises-and-colleges", "jining-2021-tongquan", "市政府各部门, 各大企业, 各高等院校",
      ["市政府各部门", "各大企业", "各高等院校"], attribution="市政府各部门,各大企业,各高等院校负责"),
    F("traditional-stationed-units", "haidong-2019-lantian", "traditional: 海東工業園區管委會, 省駐市有關單位",
      ["各縣區人民政府", "海東工業園區管委會", "市政府有關部門", "省駐市有關單位"],
      attribution="責任單位:各縣區人民政府,海東工業園區管委會,市政府有關部門,省駐市有關單位", held_out=True),
    F("traditional-market-regulators", "hubei-2022-shichang", "traditional: 各市、州、縣市場監管局, 省市場監管局各處室、各直屬事業單位",
      ["省藥監局", "省知識產權局", "各市、州、縣市場監管局", "省市場監管局各處室", "各直屬事業單位"],
      attribution="責任單位:省藥監局,省知識產權局,各市、州、縣市場監管局,省市場監管局各處室、各直屬事業單位", level="省"),
    F("traditional-special-districts", "guizhou-2012-zijin", "traditional 各市、自治州人民政府, 各縣(市、區、特區)人民政府",
      ["各市、自治州人民政府", "各縣(市、區、特區)人民政府", "省政府各部門", "各直屬機構"],
      attribution="責任單位:各市、自治州人民政府,各縣(市、區、特區)人民政府,省政府各部門、各直屬機構", level="省"),
    F("province-collectives", "shandong-2014-yusuan", "各市人民政府, 各县(市、区)人民政府, 省政府各部门、各直属机构",
      ["各市人民政府", "各县(市、区)人民政府", "省政府各部门", "各直属机构"],
      attribution="各市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构负责", level="省", held_out=True),
    F("province-each-kinds", "shanxi-2018-zengshou", "各市、县人民政府, 省人民政府各委、办、厅、局",
      ["各市、县人民政府", "省人民政府各委、办、厅、局"], attribution="责任单位:各市、县人民政府,省人民政府各委、办、厅、局",
      level="省"),
    F("park-committees", "wuzhou-2012-chuangxin", "各县(市、区)政府, 市政府各部门, 各园区管委会",
      ["各县(市、区)政府", "市政府各部门", "各园区管委会"], attribution="责任单位:各县(市、区)政府,市政府各部门,各园区管委会"),
    F("directly-affiliated-each", "zhoushan-2010-juece", "各县(区)人民政府, 市政府直属各单位",
      ["各县(区)人民政府", "市政府直属各单位"], attribution="各县(区)人民政府、市政府直属各单位负责", held_out=True),
    F("traditional-townships-bracket", "jiangxian-2023-zhuanyezhen", "traditional 各鄉(鎮)人民政府, a zone's committee, 縣直各有關單位",
      ["各鄉(鎮)人民政府", "絳縣經濟開發區管委會", "縣直各有關單位"],
      attribution="責任單位:各鄉(鎮)人民政府,絳縣經濟開發區管委會,縣直各有關單位", level="县"),
    F("place-prefix-shared-twice", "tongliao-2023-chanyezhen", "a banner's name printed once before two of its bureaus, twice",
      ["科左后旗农牧局", "科左后旗财政局", "库伦旗农牧和科技局", "库伦旗财政局"],
      attribution="责任单位:科左后旗农牧局、财政局,库伦旗农牧和科技局、财政局"),
    F("league-banner-collectives", "neimenggu-2013-guize", "各盟行政公署、市人民政府, 自治区各委、办、厅、局, 各大企业、事业单位",
      ["各盟行政公署、市人民政府", "各旗县人民政府", "自治区各委、办、厅、局", "各大企业、事业单位"],
      attribution="各盟行政公署、市人民政府,各旗县人民政府,自治区各委、办、厅、局,各大企业、事业单位负责", level="自治区",
      held_out=True),
    F("league-city-bureaus", "neimenggu-2025-nongmu", "各盟市农牧局, 相关单位",
      ["各盟市农牧局", "相关单位"], attribution="责任单位:各盟市农牧局,相关单位", level="自治区"),
    F("city-relevant-units", "xinyu-2023-zhengwu", "市政府各部门、市直相关单位",
      ["市政府各部门", "市直相关单位"], attribution="责任单位:市政府各部门、市直相关单位"),

    # ---- roles inside the list and its tail -------------------------------------------------------------------
    F("assists-then-implements", "sichuan-wenhua", "X配合Y落实: Y is responsible, X assists",
      ["省政府新闻办", "省委宣传部"], ["省委宣传部"], attribution="省政府新闻办配合省委宣传部落实", level="省"),
    F("lead-members-implement-full-stop", "neimenggu-2020-jiuxiaoqu",
      "X牵头,Y按职责分工负责;Z、W负责落实。 (a full stop closing the bracket)",
      ["自治区住房城乡建设厅", "联席会议成员单位", "各盟行政公署、市人民政府", "各旗县(市、区)人民政府"], ["自治区住房城乡建设厅"],
      attribution="自治区住房城乡建设厅牵头,联席会议成员单位按职责分工负责;各盟行政公署、市人民政府,各旗县(市、区)人民政府负责落实。",
      level="自治区"),
    F("lead-alone-inline", "neimenggu-2020-jiuxiaoqu", "X牵头 alone",
      ["自治区住房城乡建设厅"], ["自治区住房城乡建设厅"], attribution="自治区住房城乡建设厅牵头", level="自治区",
      held_out=True),
    F("lead-members-implement", "neimenggu-2020-jiuxiaoqu", "X牵头,Y按职责分工负责;Z负责落实 (no full stop)",
      ["自治区住房城乡建设厅", "联席会议成员单位", "各旗县(市、区)人民政府"], ["自治区住房城乡建设厅"],
      attribution="自治区住房城乡建设厅牵头,联席会议成员单位按职责分工负责;各旗县(市、区)人民政府负责落实", level="自治区"),
    F("etc-units-tail", "sichuan-xian-fengong", "等單位 ending a traditional list inside an inline role",
      ["縣精神文明辦", "團縣委", "縣婦聯"], attribution="縣精神文明辦、團縣委、縣婦聯等單位負責", level="县", held_out=True),

    # ---- labels and where they stand ----------------------------------------------------------------------------
    F("lead-and-cooperating-one-bracket", "gz-2012-rencai", "牵头单位 + 配合单位 in one bracket, a , between them",
      ["市委组织部", "市国资委"], ["市委组织部"], fields=[("牵头单位", "市委组织部"), ("配合单位", "市国资委")]),
    F("lead-field-alone", "gz-2012-rencai", "牵头单位 alone", ["市人力资源和社会保障局"], ["市人力资源和社会保障局"],
      fields=[("牵头单位", "市人力资源和社会保障局")], held_out=True),
    F("section-fields-space", "zhujian-qianrushi", "牵头科室 / 配合科室 on one line, a space between them",
      ["规划局", "房产科", "安居富民办"], ["规划局"],
      fields=[("牵头科室", "规划局"), ("配合科室", "房产科、安居富民办")], separator=" ", level="县"),
    F("lead-responsible-department", "qiongzhong-2022-shishi", "牵头责任部门 printed on the item's own line",
      ["县卫生健康委员会"], ["县卫生健康委员会"], level="县",
      body="一、为民办实事事项\n(一)适龄女生HPV疫苗接种牵头责任部门:县卫生健康委员会\n完成1800剂次接种。\n"
           "(二)新生儿先天性心脏病筛查与诊治牵头责任部门:县卫生健康委员会\n完成筛查263人。\n"),
    F("key-value-table", "guangzhou-2023-zhongdian", "a key-value table: 重点工作: | …| / 牵头单位: | … |",
      ["市城市管理综合执法局"], ["市城市管理综合执法局"],
      body="一、重点工作\n重点工作: | 135.统筹违法建设治理与城市更新,促进违法建设科学分类治理。 |\n"
           "牵头单位: | 市城市管理综合执法局 |\n年度阶段性工作目标: | 第一季度:印发违法建设治理工作方案。 |\n"
           "重点工作: | 136.加快推进城市更新。 |\n牵头单位: | 市住房城乡建设局 |\n年度阶段性工作目标: | 完成年度任务。 |\n"),
    F("unit-heading-inline-lead", "wucheng-2025-zhengce", "a heading naming its lead unit: 一、强化科技创新(区科技局牵头)",
      ["区科技局"], ["区科技局"], level="区",
      body="一、强化科技创新(区科技局牵头)\n1.加强科创平台效能建设。加快建设光电子研究院。\n"
           "2.推进校企结对合作。鼓励科研机构做好本地科技成果转化。\n二、扩大有效投资(区发改局牵头)\n"
           "3.加强项目谋划储备。编制三年滚动投资计划。\n"),
]

HELD_OUT = [f.id for f in FORMS if f.held_out]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--failures", action="store_true", help="print only the readings that are wrong")
    args = parser.parse_args()
    totals = {False: [0, 0, 0, 0], True: [0, 0, 0, 0]}  # per held-out: forms right, forms, readings right, readings
    for form in FORMS:
        results = check(form)
        right = all(ok for _, ok, _ in results)
        t = totals[form.held_out]
        t[0] += right
        t[1] += 1
        t[2] += sum(ok for _, ok, _ in results)
        t[3] += len(results)
        for layout, ok, got in results:
            if not ok or not args.failures:
                mark = "right" if ok else "WRONG"
                tag = " [held out]" if form.held_out else ""
                print(f"{mark:5} {form.id}{tag} ({layout}): {got if not ok else ''}")
    for held, name in ((False, "tuning"), (True, "held out")):
        t = totals[held]
        print(f"{name}: forms {t[0]}/{t[1]} read right in every layout; readings {t[2]}/{t[3]}")
    pages = len({f.source for f in FORMS})
    print(f"catalogue: {len(FORMS)} forms from {pages} pages, {len(HELD_OUT)} held out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
