"""The five real notices, imported into a fresh site, against expectations checked by hand.

Texts are compared with the source lines they come from (line numbers read off
the raw files); units and lead units are typed out from the printed
attributions, with 市发改委、财政局 expanded to 市财政局 by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen.importer import import_notice
from sitegen.importer.content import iter_tasks

NOTICES = Path(__file__).resolve().parents[1] / "content" / "sources"
ORDER = ["jinan-2017-jizhengbanzi-22", "jiyang-2023", "ezhou-2014-ezhouzhengbanfa-4",
         "huzhou-2019-huzhengbanfa-9", "wuchang-2017-wuchangzhengban-1"]



@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    results = {nid: import_notice(str(NOTICES / f"{nid}.txt"), root) for nid in ORDER}
    return root, results


def tasks_of(site, nid) -> dict:
    return {t["id"]: t for t in iter_tasks(site[1][nid].data)}


def source(nid) -> list[str]:
    return [""] + (NOTICES / f"{nid}.txt").read_text(encoding="utf-8").splitlines()


def names(task) -> list[str]:
    return [u["name"] for u in task.get("units") or []]


def lead(task) -> list[str]:
    return [u["name"] for u in task.get("units") or [] if u.get("role") in ("牵头", "主办")]


def text_of(lines: list[str], spec) -> str:
    first, last = (spec, spec) if isinstance(spec, int) else spec
    text = "".join(lines[first:last + 1]).replace("\u00a0", " ").strip()
    return re.sub(r"^\d+\s*[.、]", "", text).strip()


def test_counts(site):
    counts = {nid: len(tasks_of(site, nid)) for nid in ORDER}
    assert counts == {"jinan-2017-jizhengbanzi-22": 43, "jiyang-2023": 19, "ezhou-2014-ezhouzhengbanfa-4": 34,
                      "huzhou-2019-huzhengbanfa-9": 81, "wuchang-2017-wuchangzhengban-1": 116}
    wuchang = site[1]["wuchang-2017-wuchangzhengban-1"].data["attachments"]
    assert [sum(1 for _ in iter_tasks({"attachments": [a]})) for a in wuchang] == [4, 38, 14, 60]
    huzhou = site[1]["huzhou-2019-huzhengbanfa-9"].data["attachments"]
    assert [sum(1 for _ in iter_tasks({"attachments": [a]})) for a in huzhou] == [71, 10]


def test_full_coverage(site):
    for nid in ORDER:
        assert "(100.0%)" in site[1][nid].report_text, nid


# --- 济南: every task -------------------------------------------------------------

JINAN_LINES = {1: 61, 2: 63, 3: 65, 4: 67, 5: 69, 6: 72, 7: 74, 8: 76, 9: 78, 10: 80, 11: 82, 12: 85, 13: 87,
               14: 90, 15: 92, 16: 94, 17: 96, 18: 98, 19: 100, 20: 103, 21: 105, 22: 107, 24: 110, 25: 112,
               26: 114, 27: 118, 28: 120, 29: 122, 30: (124, 125), 31: 128, 32: 130, 33: (132, 133), 34: 135,
               35: (137, 138), 36: 141, 37: (143, 144), 38: 146, 39: 149, 40: 151, 41: 154, 42: 156}
TZ = "市投资促进局"
JINAN_UNITS = {  # number: (lead units, all units)
    1: ("市经济和信息化委", "市经济和信息化委 市发改委"),
    2: ("", "市发改委"),
    3: ("市发改委", "市发改委 市教育局 市文化广电新闻出版局 市民政局 市卫生计生委 市商务局 市旅发委"),
    4: ("市商务局", "市商务局 济南高新区管委会 槐荫区政府 济南西城投资开发集团"),
    5: ("市政府办公厅", "市政府办公厅 市发改委 市经济和信息化委 市农业局 市质监局 市工商局"),
    6: ("", "济南城市建设投资集团 市投资促进局 历下区政府"),
    7: ("", "市金融办"),
    8: ("市金融办", "市金融办 市发改委 市投资促进局"),
    9: ("", "市金融办 市发改委 市经济和信息化委"),
    10: ("", "市金融办"),
    11: ("", "市金融办"),
    12: ("", "市发改委 市口岸办"),
    13: ("", "市发改委 市口岸办 市交通运输局"),
    14: ("", "市发改委"),
    15: ("", "市交通运输局"),
    16: ("", "市经济和信息化委 市投资促进局"),
    17: ("", "市经济和信息化委"),
    18: ("", "市经济和信息化委 市财政局 济南财金投资控股集团"),
    19: ("", "市经济和信息化委"),
    20: ("", "济南高新区管委会 市科技局"),
    21: ("市科技局", "市科技局 市发改委"),
    22: ("", "市教育局 市规划局 市国土资源局 市城市更新局 章丘区政府 长清区政府 济南西城投资开发集团"),
    23: ("", "市科技局 市文化广电新闻出版局 市工商局"),
    24: ("市科技局", "市科技局 市财政局 市经济和信息化委 市商务局 市金融办 人民银行济南分行营管部 济南财金投资控股集团"),
    25: ("市委组织部", "市委组织部 市人力资源社会保障局 市公安局 市住房保障管理局"),
    26: ("", "市委组织部 市人力资源社会保障局 市科技局 市财政局 济南高新区管委会"),
    27: ("", "市发改委"),
    28: ("市发改委", "市发改委 市投资促进局 济南西城投资开发集团 长清区政府 历城区政府"),
    29: ("市发改委", "市发改委 市政务服务中心管理办公室 市投资促进局"),
    30: ("济南国际医学科学中心管委会(筹备组)",
         "济南国际医学科学中心管委会(筹备组) 市发改委 市规划局 市卫生计生委 市投资促进局 槐荫区政府"),
    31: ("", TZ), 32: ("", TZ), 33: ("", TZ), 34: ("", TZ),
    35: ("", "市投资促进局 市发改委 市政务服务中心管理办公室"),
    36: ("", "市城市更新局 市国资委"),
    37: ("", "市城市更新局"),
    38: ("", "市住房保障管理局"),
    39: ("", "市城管执法局"),
    40: ("", "市规划局 市城市园林局"),
    41: ("", "市城管局"),
    42: ("", ""),
}


@pytest.mark.parametrize("number", range(1, 43))
def test_jinan_every_task(site, number):
    nid = "jinan-2017-jizhengbanzi-22"
    task = tasks_of(site, nid)[f"1-{number}"]
    lines = source(nid)
    expected = text_of(lines, JINAN_LINES[number]) if number != 23 else lines[108].split(") 23.")[1]
    assert task["number"] == str(number)
    assert task["text"] == expected
    leads, units = JINAN_UNITS[number]
    assert lead(task) == leads.split()
    assert names(task) == units.split()
    assert all(u["role"] in ("牵头", "责任") for u in task.get("units") or [])


def test_jinan_special_cases(site):
    tasks = tasks_of(site, "jinan-2017-jizhengbanzi-22")
    assert "口岸办" in tasks["1-13"]["attribution"]  # 口岸\n办 re-joined
    assert tasks["1-23"]["text"].startswith("搭建泉城科创交易大平台")  # starts mid-line
    assert "23." not in tasks["1-22"]["attribution"]
    assert "units" not in tasks["1-42"]
    goals = tasks["1-u1"]
    assert "number" not in goals and goals["text"].startswith("生产总值增长8%左右")
    assert names(goals) == ("市发改委 市财政局 市商务局 市农业局 市经济和信息化委 市人力资源社会保障局 "
                            "市物价局 市投资促进局 市环保局").split()
    assert goals["notes"] == "各项指标完成情况以市统计局上报数据为准。"
    assert "deadline" not in tasks["1-39"] and "8月底前" in tasks["1-39"]["text"]  # an in-text date stays text
    assert list(tasks) == ["1-u1"] + [f"1-{n}" for n in range(1, 43)]


def test_jinan_header(site):
    data = site[1]["jinan-2017-jizhengbanzi-22"].data
    assert data["title"] == "济南市人民政府办公厅关于印发2017年《政府工作报告》重点工作部门分工方案的通知"
    assert data["doc_number"] == "济政办字〔2017〕22号"
    assert data["issuer"] == "济南市人民政府办公厅"
    assert (data["jurisdiction"], data["year"], str(data["published"]), str(data["effective"]),
            data["validity"]) == ("jinan", 2017, "2017-04-18", "2017-04-18", "现行有效")
    assert "格式" not in data["body"] and "文档页数" not in data["body"]
    assert data["body"].splitlines()[0] == "各县区人民政府,市政府各部门:"
    sections = data["attachments"][0]["sections"]
    assert [s["heading"] for s in sections] == ["实现2017年全市经济社会发展主要预期目标",
                                                 "毫不动摇推进“四个中心”建设", "毫不动摇推进五项重点工作"]
    assert sections[1]["sections"][3] == {**sections[1]["sections"][3], "number": "(四)",
                                          "heading": "加快区域性科创中心建设。"}


# --- 湖州: every task -------------------------------------------------------------

def huzhou_lines():
    """(attachment, number, text line) from the layout read off the file."""
    att1 = [(n, 17 + 2 * (n - 1)) for n in range(1, 11)] + [(n, 38 + 2 * (n - 11)) for n in range(11, 30)] \
        + [(n, 77 + 2 * (n - 30)) for n in range(30, 37)] + [(n, 92 + 2 * (n - 37)) for n in range(37, 47)] \
        + [(n, 113 + 2 * (n - 47)) for n in range(47, 58)] + [(n, 136 + 2 * (n - 58)) for n in range(58, 72)]
    att2 = [(n, 166 + 2 * (n - 1)) for n in range(1, 11)]
    return [(1, n, l) for n, l in att1] + [(2, n, l) for n, l in att2]


@pytest.mark.parametrize("att,number,line", huzhou_lines())
def test_huzhou_every_task(site, att, number, line):
    nid = "huzhou-2019-huzhengbanfa-9"
    lines = source(nid)
    task = tasks_of(site, nid)[f"{att}-{number}"]
    assert lines[line].startswith(f"{number}.")
    printed = lines[line + 1]
    assert printed.startswith("责任单位:")
    expected_units = re.sub(r"\(列第一位者.*\)$", "", printed[len("责任单位:"):]).split("、")
    assert task["number"] == str(number)
    whole = task["title"] + task["text"] if task.get("title") else task["text"]
    assert whole == text_of(lines, line)
    assert names(task) == expected_units
    assert lead(task) == expected_units[:1]  # 列第一位者为工作牵头单位
    assert task["attribution"] == printed


def test_huzhou_units_checked_by_hand(site):
    tasks = tasks_of(site, "huzhou-2019-huzhengbanfa-9")
    assert names(tasks["1-1"]) == ["市政府办公室", "市政府各有关部门", "各区县政府"]
    assert names(tasks["1-21"]) == ["太湖度假区管委会", "市政府有关部门", "长兴县政府", "吴兴区政府", "南浔区政府"]
    assert names(tasks["1-23"]) == ["市发展改革委(铁办)", "吴兴区政府", "南浔区政府", "安吉县政府"]
    assert names(tasks["1-18"])[-1] == "市公安局大数据局"  # as printed; content/corrections splits it
    assert lead(tasks["1-64"]) == ["市人力社保局"]
    assert tasks["2-1"]["title"] == "持续改善水环境。"  # the title keeps its printed full stop


def test_huzhou_leaders(site):
    data = site[1]["huzhou-2019-huzhengbanfa-9"].data
    att1, att2 = data["attachments"]
    per = {s["leader"]: sum(1 for _ in iter_tasks({"attachments": [{"sections": [s]}]})) for s in att1["sections"]}
    assert per == {"钱三雄": 10, "杨六顺": 19, "闵云": 7, "施根宝": 10, "蒋伟峰": 11, "项乐民": 14}
    assisting = {s["leader"]: s.get("assisting_leaders") for s in att1["sections"]}
    assert assisting["施根宝"] == ["许继清"] and assisting["项乐民"] == ["许继清"]
    assert assisting["钱三雄"] is None
    assert att1["rule"] == "列第一位者为工作牵头单位或汇总单位" == att2["rule"]
    root = site[0]
    leaders = (root / "content" / "leaders.yaml").read_text(encoding="utf-8")
    for name, title in [("钱三雄", "市长"), ("杨六顺", "常务副市长"), ("许继清", "副市长"), ("项乐民", "副市长")]:
        assert f"name: {name}\n  title: {title}\n" in leaders
    assert (data["doc_number"], data["issuer"], str(data["published"])) == \
        ("湖政办发〔2019〕9号", "湖州市人民政府办公室", "2019-02-27")
    assert att2["footer"].startswith("抄送:市委各部门")


# --- 济阳 ------------------------------------------------------------------------

JIYANG_TITLES = ["精准招引项目", "加快推进项目", "全力保障项目", "打造更具竞争力的制造业", "发展更具影响力的服务业",
                 "汇聚更具驱动力的创新源", "着力提升城市建设", "大力加强城市管理", "持续优化生态环境",
                 "更高水平对外开放", "更深层次推动改革", "更实举措优化环境", "全方位壮大现代农业",
                 "高标准推进镇村建设", "多渠道激发农村活力", "提高社会保障水平", "优化公共服务供给",
                 "健全社会治理体系", None]
JIYANG_COUNTS = [5, 6, 11, 5, 7, 6, 8, 6, 10, 7, 5, 6, 7, 7, 4, 7, 5, 6, 3]


def test_jiyang(site):
    nid = "jiyang-2023"
    tasks = list(tasks_of(site, nid).values())
    lines = source(nid)
    paragraphs = [l for l in lines if l.endswith("按职责分工分别牵头负责)")]
    assert len(tasks) == len(paragraphs) == 19
    for task, title, count, paragraph in zip(tasks, JIYANG_TITLES, JIYANG_COUNTS, paragraphs):
        assert task.get("title") == (title + "。" if title else None)
        assert "number" not in task
        body = paragraph[:paragraph.rindex("(责任单位")]
        assert (task["title"] + task["text"] if title else task["text"]) == body
        assert len(names(task)) == count, task["id"]
        assert lead(task) == names(task)  # 按职责分工分别牵头负责
    assert [t["id"] for t in tasks] == [f"1-u{k}" for k in range(1, 20)]
    assert names(tasks[0]) == ["区投资促进局", "区发展和改革局", "区工业和信息化局", "区财政局", "济北开发区管委会"]
    assert names(tasks[1])[-1] == "生态环境局济阳分局"  # not given the 区 of its neighbours
    assert names(tasks[5]) == ["区工业和信息化局", "区发展和改革局", "区科学技术局", "区科协", "区委人才办",
                               "区人力资源和社会保障局"]
    assert names(tasks[12])[-2:] == ["各镇政府", "街道办事处"]
    assert names(tasks[17])[2] == "公安局济阳区分局"
    assert names(tasks[18]) == ["区政府办公室", "区审计局", "区统计局"]
    data = site[1][nid].data
    assert (data["issuer"], data["jurisdiction"], str(data["published"])) == \
        ("济南市济阳区人民政府", "jiyang", "2023-02-06")
    assert data["attachments"][0]["title"] == "济南市济阳区2023年政府重点工作任务实施方案"
    assert "扫码" not in str(data) and "大 中 小" not in str(data)


# --- 鄂州 ------------------------------------------------------------------------

EZHOU = {  # number: (title, units)
    1: ("全面激发市场活力", "市工商局 市法制办 市商务局 市发改委 市金融办 市人行"),
    6: ("高标准编制新区规划", "市发改委 市规划局 市国土局 各区 开发区"),
    7: ("大力建设基础设施", "市住建委 市水务局 市交通局 供电公司 市房产局 昌达公司 交投公司 各区 开发区"),
    11: ("突破性发展生产性服务业,大力培育新增量",
         "市发改委 市商务局 市粮食局 市招商局 市金融办 市统计局 市经信委 市旅游局 各区 开发区 各街办"),
    15: ("构建生态农业发展体系", "市农委 市林业局 市水产局 市质监局 各区政府"),
    20: ("大力度推进基础设施建设", "市住建委 市水务局 市发改委 市交通运输局 市文体局 市档案局 城投公司"),
    26: ("健全促进就业创业体制机制", "市人社局 市地税局 工贸公司"),
    28: ("促进社会事业建设", "市教育局 鄂州大学 市文体局 市发改委 市卫计委 梁子湖区政府"),
    29: ("加强社会治理,建设平安鄂州",
         "市药品监督管理局 市安监局 市综治办 市公安局 市质监局 市农委 市粮食局 市物价局 市司法局 市信访局"),
    32: ("着力打造阳光政务", "市政府办公室 市监察局 市财政局 市行政服务中心 市广电局 鄂州日报社"),
    33: ("着力提升政府执行力", "市政府办公室 市监察局 市公务员局"),
    34: ("着力加强廉政建设", "市监察局"),
}


def test_ezhou(site):
    nid = "ezhou-2014-ezhouzhengbanfa-4"
    tasks = tasks_of(site, nid)
    assert list(tasks) == [f"1-{n}" for n in range(1, 35)]
    lines = source(nid)
    for number, (title, units) in EZHOU.items():
        task = tasks[f"1-{number}"]
        line = next(l.strip() for l in lines if l.strip().startswith(f"{number}、"))
        assert task["title"] == title + "。"
        assert f"{number}、{task['title']}{task['text']}{task['attribution']}" == line
        assert names(task) == units.split()
        assert lead(task) == []
    data = site[1][nid].data
    assert (data["doc_number"], data["issuer"], data["jurisdiction"], str(data["published"]), data["validity"]) == \
        ("鄂州政办发〔2014〕4号", "鄂州市政府", "ezhou", "2014-01-28", "有效")
    assert [s["number"] for s in data["attachments"][0]["sections"]] == list("一二三四五六七八九")
    assert "\u00a0" not in str(data)


# --- 武昌 ------------------------------------------------------------------------

def unit_view(task):
    return [(u["name"], u.get("role"), u.get("jurisdiction"), u.get("level")) for u in task.get("units") or []]


def test_wuchang_tables(site):
    nid = "wuchang-2017-wuchangzhengban-1"
    tasks = tasks_of(site, nid)
    city = lambda n: (n, None, "wuhan", "市级")
    district = lambda n, role="协办": (n, role, None, "区级")
    assert unit_view(tasks["1-1"]) == [city("市环保局"), district("区环保局"), district("区水务局"), district("区城管委")]
    assert unit_view(tasks["1-2"]) == [district("区环保局")]  # empty 市级 cell
    assert unit_view(tasks["1-3"]) == [] and tasks["1-3"]["category"] == "协办"
    assert tasks["1-3"]["text"].endswith("力争农村生活垃圾处理率达到80%")
    assert unit_view(tasks["1-4"]) == [city("市园林局"), district("区城管委")]
    assert unit_view(tasks["2-12"]) == [city("市亮点区块建设工作领导小组办公室"), district("滨江管委会")]
    assert unit_view(tasks["2-13"]) == [city("武昌区"), district("滨江管委会", "主办")]
    assert tasks["2-13"]["category"] == "主办" and lead(tasks["2-13"]) == ["滨江管委会"]
    assert unit_view(tasks["2-21"]) == [city("东湖风景区管委会"), district("区建委"), district("区交通大队"),
                                        district("区城管委"), district("区水务局")]
    assert unit_view(tasks["2-32"]) == [city("市房管局"), district("区建委"), district("区房管局")]
    assert unit_view(tasks["3-2"]) == [city("市交管局"), district("区交通大队")]
    assert unit_view(tasks["3-14"]) == [city("市城管委"), district("区城管委")]
    for tid, units in {"4-1": ["区发改委"], "4-9": ["区文旅局", "滨江管委会", "区文旅公司"],
                       "4-30": ["区人力资源局", "武昌社保处"], "4-48": ["区发改委", "区工商质监局"],
                       "4-60": ["区编办"]}.items():
        assert names(tasks[tid]) == units
        assert all(u["role"] == "责任" and "level" not in u for u in tasks[tid]["units"])
    assert tasks["2-1"]["text"].startswith("大力振兴实体经济。加快发展先进制造业")
    assert tasks["4-60"]["text"] == "严格落实权力清单、程序清单、责任清单,建立健全负面清单。"
    data = site[1][nid].data
    atts = data["attachments"]
    assert [a.get("origin") for a in atts] == ["hubei", "wuhan", "wuhan", None]
    assert atts[0]["columns"] == ["序号", "责任事项", "责任类别", "市级责任部门", "区级责任部门"]
    assert atts[3]["columns"] == ["序号", "责任事项", "责任单位"]
    assert [s["heading"] for s in atts[1]["sections"]] == ["今后五年工作展望", "2017年重点工作"]
    assert [len(s["tasks"]) for s in atts[1]["sections"]] == [18, 20]
    assert atts[0]["footer"].startswith("注:责任事项涉及到我区具体工作任务")
    assert (data["doc_number"], data["issuer"], data["jurisdiction"]) == \
        ("武昌政办[2017]1号", "武汉市武昌区人民政府办公室", "wuchang")
    assert data["title"].startswith("区人民政府办公室关于印发2017年省、市、区《政府工作报告》")
    assert "打印本页" not in str(data) and "头部" not in str(data)


def test_jurisdictions_and_registries(site):
    root = site[0]
    text = (root / "content" / "jurisdictions.yaml").read_text(encoding="utf-8")
    for block in ["- id: jiyang\n  name: 济阳区\n  parent: jinan\n  level: district",
                  "- id: jinan\n  name: 济南市\n  parent: shandong", "- id: ezhou\n  name: 鄂州市\n  parent: hubei",
                  "- id: huzhou\n  name: 湖州市\n  parent: zhejiang", "- id: wuchang\n  name: 武昌区\n  parent: wuhan",
                  "- id: wuhan\n  name: 武汉市\n  parent: hubei"]:
        assert block in text
    import yaml
    huzhou = yaml.safe_load((root / "content" / "units" / "huzhou.yaml").read_text(encoding="utf-8"))
    kinds = {u["name"]: u["kind"] for u in huzhou["units"]}
    assert kinds["各区县政府"] == kinds["市政府各有关部门"] == "collective"
    assert kinds["长兴县政府"] == "government" and kinds["市城市集团"] == "enterprise"
    assert all(u["review"] for u in huzhou["units"])
    wuhan = yaml.safe_load((root / "content" / "units" / "wuhan.yaml").read_text(encoding="utf-8"))
    assert {"市环保局", "武昌区", "东湖风景区管委会"} <= {u["name"] for u in wuhan["units"]}
