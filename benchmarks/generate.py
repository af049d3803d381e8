"""A deterministic synthetic site at any size, in sitegen's content format and as a Hugo site.

    python benchmarks/generate.py --tasks 10000 --out /tmp/bench/10000

writes OUT/sitegen (a sitegen site) and OUT/hugo (a Hugo site with the same
pages: task, notice, unit, theme and leader pages, paginated by 100). Same
arguments, same bytes: the random generator is seeded and nothing reads the
clock.

Shape (from the real notices in shared/notices/): one jurisdiction per ~400
tasks, each with ~200 registered units (departments, lower governments,
collectives, centres), 8 leaders and 4 yearly notices of ~100 tasks in
two attachments (sections 一、/(一) with a leading official, then a list of
livelihood projects); each task has 1-6 units with roles, often a deadline,
themes by keyword; ~70% of tasks have 1-3 progress updates.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
TASKS_PER_NOTICE = 100
NOTICES_PER_JURISDICTION = 4
UNITS_PER_JURISDICTION = 200
LEADERS_PER_JURISDICTION = 8
AS_OF = "2021-06-30"

PROVINCES = ["山东省", "湖北省", "浙江省", "江苏省", "河南省", "四川省", "湖南省", "安徽省", "河北省", "福建省",
             "江西省", "广东省", "陕西省", "山西省", "辽宁省", "吉林省"]
PLACE_A = list("东西南北安宁平和兴昌华阳清河泰丰永嘉临江青云长德广济新宜")
PLACE_B = list("州阳城山江源安平宁川都海陵丘口水原沙林溪")
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢钱")
GIVEN = list("建国华明伟强军平东海志勇红英玉兰秀文斌俊杰涛峰磊雄春晓光辉卫庆林宏鹏飞云")

DEPARTMENTS = [
    ("发改委", ["发展改革委"]), ("财政局", []), ("教育局", []), ("科技局", []), ("工业和信息化局", ["经信委", "工信局"]),
    ("公安局", []), ("民政局", []), ("司法局", []), ("人力资源社会保障局", ["人社局"]), ("自然资源和规划局", ["自然资源局"]),
    ("生态环境局", ["环保局"]), ("住房城乡建设局", ["住建局"]), ("交通运输局", ["交通局"]), ("水务局", ["水利局"]),
    ("农业农村局", ["农业局"]), ("商务局", []), ("文化和旅游局", ["文旅局"]), ("卫生健康委", ["卫健委"]),
    ("退役军人事务局", []), ("应急管理局", ["安监局"]), ("审计局", []), ("市场监管局", ["工商局"]), ("统计局", []),
    ("医保局", []), ("城管局", []), ("体育局", []), ("大数据局", []), ("行政审批服务局", ["审批局"]),
    ("地方金融监管局", ["金融办"]), ("国资委", []), ("机关事务管理局", []), ("信访局", []), ("外办", []),
    ("民族宗教局", []), ("园林和林业绿化局", ["园林局"]), ("综合执法局", []), ("粮食和储备局", []),
    ("投资促进局", []), ("营商环境局", []), ("档案局", []), ("气象局", []), ("税务局", []), ("人民银行", []),
    ("供电公司", []), ("科协", []), ("总工会", []), ("团委", []), ("妇联", []), ("残联", []), ("红十字会", []),
]
CENTRES = ["公共资源交易", "政务服务", "不动产登记", "住房公积金管理", "疾病预防控制", "就业服务", "社会保险事业",
           "医疗保障服务", "信息", "应急指挥", "城市建设投资", "交通建设", "文化旅游发展", "产业发展服务",
           "农业技术推广", "水利工程管理", "环境监测", "食品药品检验", "消防救援", "招商服务"]
CENTRE_KINDS = ["中心", "管理处", "服务站", "事务所", "集团"]
COLLECTIVES = ["各区县政府", "市政府各有关部门", "各功能区管委会", "各镇街"]

THEMES = [
    ("sheng-tai-huan-jing", "生态环境", "污染防治、生态修复与绿色发展", ["污染", "生态", "绿色", "节能减排", "环境"]),
    ("min-sheng-bao-zhang", "民生保障", "就业、社保、养老与住房", ["就业", "养老", "社保", "保障房", "救助"]),
    ("jiao-yu", "教育", "学前、义务与职业教育", ["学校", "教育", "幼儿园", "职业教育"]),
    ("yi-liao-wei-sheng", "医疗卫生", "医疗服务与公共卫生", ["医院", "医疗", "卫生", "健康"]),
    ("ke-ji-chuang-xin", "科技创新", "研发机构、高新技术企业与人才", ["科技", "创新", "研发", "高新技术"]),
    ("jiao-tong", "交通基础设施", "道路、轨道交通与枢纽", ["交通", "地铁", "公路", "枢纽", "轨道"]),
    ("xiang-cun-zhen-xing", "乡村振兴", "农业、农村与农民", ["乡村", "农业", "农村", "农民"]),
    ("ying-shang-huan-jing", "营商环境", "审批改革、政务服务与市场主体", ["营商", "审批", "放管服", "政务服务"]),
    ("cheng-shi-geng-xin", "城市更新", "旧城改造、棚户区与市政设施", ["棚户区", "旧城", "老旧小区", "市政"]),
    ("wen-hua-lv-you", "文化旅游", "文化事业与旅游产业", ["文化", "旅游", "景区", "博物馆"]),
    ("an-quan-sheng-chan", "安全生产", "安全生产与应急管理", ["安全生产", "应急", "消防", "隐患"]),
    ("kai-fang-zhao-shang", "开放招商", "招商引资与对外开放", ["招商", "外资", "开放", "项目"]),
]

VERBS = ["加快推进", "深入实施", "全面落实", "着力推动", "大力发展", "持续深化", "统筹推进", "积极稳妥推进",
         "扎实开展", "不断完善", "切实加强", "有序推进", "研究制定", "全力抓好", "进一步优化"]
OBJECTS = ["大气污染防治攻坚行动", "生态修复工程", "绿色低碳循环发展", "重点行业节能减排", "就业创业服务体系",
           "城乡居民养老保险制度", "社会救助兜底保障", "保障房建设", "义务教育学校建设", "普惠性幼儿园建设",
           "职业教育产教融合", "公立医院综合改革", "基层医疗卫生服务能力", "全民健康信息平台", "科技创新平台建设",
           "高新技术企业培育", "企业研发机构建设", "轨道交通建设", "国省道公路改造", "综合交通枢纽建设",
           "乡村振兴战略", "农业现代化示范区", "农村人居环境整治", "营商环境改革", "审批制度改革",
           "政务服务一网通办", "棚户区和老旧小区改造", "市政基础设施提升", "旧城有机更新", "公共文化服务体系",
           "全域旅游示范区创建", "博物馆和图书馆建设", "安全生产专项整治", "应急管理体系建设", "消防基础设施建设",
           "招商引资和重点项目建设", "利用外资和对外开放", "国有企业改革", "财政预算绩效管理", "地方金融风险防范",
           "数字政府建设", "新型智慧城市建设", "食品药品安全监管", "住房公积金制度改革", "社会治理创新"]
TARGETS = ["年内完成投资{n}亿元", "新增{n}个", "覆盖率达到{p}%以上", "完成{n}项重点工程", "新建改建{n}公里",
           "受益群众{n}万人", "培育{n}家示范单位", "形成可复制推广的经验", "确保按期完成年度目标任务",
           "全年新增{n}万户", "力争排名进入全省前{n}位", "提前谋划储备一批项目", "建立长效工作机制",
           "实现全市域全覆盖", "群众满意度达到{p}%"]
DEADLINES = ["6月底前", "年底前", "9月底前", "3月底前", "10月底前", "长期坚持", "持续推进", "{y}年底前",
             "二季度末", "12月31日前", "上半年", "按时间节点推进"]
LIVELIHOOD = ["新建城市公园", "改造老旧小区", "新增公办幼儿园学位", "实施农村饮水安全巩固提升", "建设社区养老服务中心",
              "新增公共停车泊位", "改造农村公路", "建设城市书房", "开展免费健康体检", "新增就业岗位"]
UPDATE_TEXTS = ["已完成方案制定并印发实施，各项工作按计划推进。", "已完成年度投资的{p}%，主体工程正在施工。",
                "召开专题推进会议，协调解决用地、资金等问题。", "项目已开工建设，预计按期完成。",
                "受疫情影响进度有所滞后，正在加快推进。", "已全面完成年度目标任务，正在开展验收。",
                "已完成前期手续办理，正在组织招标。", "已制定实施细则，{n}个项目已落地。"]
STATUS_WEIGHTS = [("completed", 3), ("ahead", 1), ("on-track", 4), ("behind", 2), ("not-started", 1)]
NUMERALS = "一二三四五六七八九十"


def q(text) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def cn_number(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    return NUMERALS[n // 10 - 1] + "十" + (NUMERALS[n % 10 - 1] if n % 10 else "")


class Generator:
    def __init__(self, tasks: int, seed: int = 20260101):
        self.total = tasks
        self.rng = random.Random(seed)
        self.jurisdictions: list[dict] = []
        self.units: dict[str, list[dict]] = {}
        self.leaders: dict[str, list[dict]] = {}
        self.notices: list[dict] = []

    # --- the model -----------------------------------------------------------

    def build(self) -> "Generator":
        notices_needed = -(-self.total // TASKS_PER_NOTICE)
        count = max(1, -(-notices_needed // NOTICES_PER_JURISDICTION))
        provinces = max(1, min(len(PROVINCES), count // 15 + 1))
        for p in range(provinces):
            self.jurisdictions.append({"id": f"p{p + 1:02d}", "name": PROVINCES[p], "level": "province", "parent": None})
        names = set()
        for j in range(count):
            while True:
                name = self.rng.choice(PLACE_A) + self.rng.choice(PLACE_B) + "市"
                if name not in names or len(names) > 500:
                    break
            if name in names:
                name = f"{name[:-1]}{j}市"
            names.add(name)
            jid = f"c{j + 1:04d}"
            self.jurisdictions.append({"id": jid, "name": name, "level": "city",
                                       "parent": f"p{j % provinces + 1:02d}"})
            self.units[jid] = self.unit_registry()
            self.leaders[jid] = self.leader_list(jid)
        cities = [j for j in self.jurisdictions if j["level"] == "city"]
        left = self.total
        for n in range(notices_needed):
            city = cities[n // NOTICES_PER_JURISDICTION]
            year = 2017 + n % NOTICES_PER_JURISDICTION
            size = min(TASKS_PER_NOTICE, left)
            left -= size
            self.notices.append(self.notice(city, year, size))
        return self

    def unit_registry(self) -> list[dict]:
        units, taken = [], set()

        def add(name, aliases=(), kind="department"):
            if name in taken:
                return
            taken.add(name)
            units.append({"id": f"u{len(units) + 1:03d}", "name": name, "aliases": list(aliases), "kind": kind})

        for stem, aliases in DEPARTMENTS:
            add("市" + stem, [stem] + ["市" + a for a in aliases])
        for name in COLLECTIVES:
            add(name, kind="collective")
        for i in range(12):
            add(self.rng.choice(PLACE_A) + self.rng.choice(PLACE_B) + self.rng.choice("区县") + "政府", kind="government")
        while len(units) < UNITS_PER_JURISDICTION:
            stem = self.rng.choice(CENTRES)
            kind = self.rng.choice(CENTRE_KINDS)
            add("市" + stem + kind, kind="enterprise" if kind == "集团" else "other")
            if len(taken) > UNITS_PER_JURISDICTION * 3:
                break
            if self.rng.random() < 0.3:
                add(f"市{stem}{self.rng.choice(GIVEN)}{self.rng.choice(GIVEN)}{kind}")
        return units

    def leader_list(self, jid: str) -> list[dict]:
        titles = ["市长", "常务副市长"] + ["副市长"] * (LEADERS_PER_JURISDICTION - 2)
        out, names = [], set()
        for i, title in enumerate(titles):
            while True:
                name = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN) + self.rng.choice(GIVEN)
                if name not in names:
                    break
            names.add(name)
            out.append({"id": f"l{i + 1}", "name": name, "title": title, "jurisdiction": jid})
        return out

    def text(self) -> str:
        clauses = []
        for _ in range(self.rng.randint(2, 4)):
            target = self.rng.choice(TARGETS).format(n=self.rng.randint(2, 300), p=self.rng.randint(60, 99))
            clauses.append(f"{self.rng.choice(VERBS)}{self.rng.choice(OBJECTS)}，{target}")
        return "；".join(clauses) + "。"

    def task_units(self, jid: str) -> list[dict]:
        registry = self.units[jid]
        count = self.rng.choice([1, 2, 2, 3, 3, 3, 4, 5, 6])
        # departments are named far more often than centres: a skewed pick, as in real notices
        chosen = []
        while len(chosen) < count:
            index = min(int(self.rng.paretovariate(0.9)) - 1, len(registry) - 1) if self.rng.random() < 0.6 \
                else self.rng.randrange(len(registry))
            if registry[index] not in chosen:
                chosen.append(registry[index])
        out = []
        for i, unit in enumerate(chosen):
            printed = unit["name"]
            if unit["aliases"] and self.rng.random() < 0.2:
                printed = self.rng.choice(unit["aliases"])
            out.append({"name": printed, "canonical": unit["name"], "unit": unit,
                        "role": "牵头" if i == 0 else self.rng.choice(["责任", "配合", "责任"])})
        return out

    def task(self, jid: str, year: int, local: str, number: int, leader, with_title: bool) -> dict:
        units = self.task_units(jid)
        deadline = None
        if self.rng.random() < 0.45:
            deadline = self.rng.choice(DEADLINES).format(y=year + 1)
        title = None
        if with_title:
            obj = self.rng.choice(OBJECTS)
            title = obj[:self.rng.randint(4, min(10, len(obj)))]
        attribution = "(牵头单位:{};责任单位:{})".format(units[0]["name"], "、".join(u["name"] for u in units[1:])) \
            if len(units) > 1 else f"(责任单位:{units[0]['name']})"
        updates = []
        if self.rng.random() < 0.7:
            month = 3
            for _ in range(self.rng.randint(1, 3)):
                status = self.rng.choices([s for s, _ in STATUS_WEIGHTS], [w for _, w in STATUS_WEIGHTS])[0]
                percent = 100 if status == "completed" else self.rng.randint(0, 95)
                updates.append({"date": f"{year}-{month:02d}-{30 if month in (6, 9) else 31}", "status": status,
                                "percent": percent,
                                "text": self.rng.choice(UPDATE_TEXTS).format(p=percent, n=self.rng.randint(2, 40)),
                                "source": f"https://gov.example.org/{jid}/{year}/report-{month:02d}.html",
                                "unit": units[0]["canonical"]})
                month += 3
        return {"id": local, "number": str(number), "title": title, "text": self.text(), "units": units,
                "attribution": attribution, "deadline": deadline, "leader": leader, "updates": updates}

    def notice(self, city: dict, year: int, size: int) -> dict:
        jid = city["id"]
        nid = f"{jid}-{year}"
        leaders = self.leaders[jid]
        main_size = max(1, size - 10) if size > 20 else size
        sections, number, made = [], 0, 0
        per_section = max(1, main_size // 6)
        s = 0
        while made < main_size:
            s += 1
            leader = leaders[(s - 1) % len(leaders)]
            assisting = [leaders[s % len(leaders)]["name"]] if s % 3 == 0 else []
            subs = []
            in_section = min(per_section, main_size - made) if s < 6 else main_size - made
            sub_count = 1 if in_section < 8 else 3
            for k in range(sub_count):
                share = in_section // sub_count + (1 if k < in_section % sub_count else 0)
                tasks = []
                for _ in range(share):
                    number += 1
                    made += 1
                    tasks.append(self.task(jid, year, f"1-{number}", number, None, self.rng.random() < 0.25))
                subs.append({"number": f"({cn_number(k + 1)})", "heading": self.rng.choice(OBJECTS) + "。",
                             "tasks": tasks})
            sections.append({"number": cn_number(s) + "、", "heading": f"{leader['name']}{leader['title']}牵头重点工作",
                             "leader": leader["name"], "assisting": assisting, "sections": subs})
        projects = []
        for i in range(size - main_size):
            task = self.task(jid, year, f"2-{i + 1}", i + 1, leaders[0]["name"], True)
            task["title"] = LIVELIHOOD[i % len(LIVELIHOOD)]
            projects.append(task)
        return {
            "id": nid, "jurisdiction": jid, "year": year,
            "title": f"{city['name']}人民政府办公室关于印发{year}年《政府工作报告》重点工作责任分解的通知",
            "short_title": f"{city['name']}{year}年政府工作报告重点工作分工",
            "doc_number": f"{city['name'][0]}政办发〔{year}〕{self.rng.randint(1, 40)}号",
            "issuer": f"{city['name']}人民政府办公室", "published": f"{year}-0{self.rng.randint(2, 4)}-{self.rng.randint(10, 28)}",
            "body": f"各区县人民政府，市政府各部门：\n\n现将{year}年《政府工作报告》重点工作责任分解印发给你们，"
                    "请认真贯彻执行。各责任单位要按照职责分工，细化工作措施，明确时间节点，确保各项任务落到实处。\n\n"
                    "列第一位者为工作牵头单位，其他为责任单位。",
            "sections": sections, "projects": projects,
        }

    def all_tasks(self, notice):
        for section in notice["sections"]:
            for sub in section["sections"]:
                for task in sub["tasks"]:
                    yield section, sub, task
        for task in notice["projects"]:
            yield None, None, task

    # --- sitegen -------------------------------------------------------------

    def write_sitegen(self, root: Path) -> None:
        content = root / "content"
        for folder in ("units", "notices", "progress"):
            (content / folder).mkdir(parents=True, exist_ok=True)
        (root / "site.yaml").write_text(
            f"title: 政府工作报告重点工作分工公开（基准测试）\ndescription: 合成的基准测试站点，{self.total} 项任务\n"
            f"base_url: /\nas_of: {AS_OF}\n", encoding="utf-8")
        lines = []
        for j in self.jurisdictions:
            lines += [f"- id: {j['id']}", f"  name: {j['name']}", f"  level: {j['level']}", "  fictional: true"]
            if j["parent"]:
                lines.append(f"  parent: {j['parent']}")
        (content / "jurisdictions.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        for jid, units in self.units.items():
            lines = [f"jurisdiction: {jid}", "units:"]
            for u in units:
                lines.append(f"  - id: {u['id']}\n    name: {q(u['name'])}")
                if u["aliases"]:
                    lines.append(f"    aliases: [{', '.join(q(a) for a in u['aliases'])}]")
                if u["kind"] != "department":
                    lines.append(f"    kind: {u['kind']}")
            (content / "units" / f"{jid}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        lines = []
        for leaders in self.leaders.values():
            for l in leaders:
                lines += [f"- id: {l['id']}", f"  name: {l['name']}", f"  title: {l['title']}",
                          f"  jurisdiction: {l['jurisdiction']}"]
        (content / "leaders.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        lines = []
        for tid, name, description, keywords in THEMES:
            lines += [f"- id: {tid}", f"  name: {name}", f"  description: {description}",
                      f"  keywords: [{', '.join(keywords)}]"]
        (content / "themes.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        for notice in self.notices:
            (content / "notices" / f"{notice['id']}.yaml").write_text(self.notice_yaml(notice), encoding="utf-8")
            progress = self.progress_yaml(notice)
            if progress:
                (content / "progress" / f"{notice['id']}.yaml").write_text(progress, encoding="utf-8")

    def notice_yaml(self, n: dict) -> str:
        out = [f"title: {q(n['title'])}", f"short_title: {q(n['short_title'])}", f"doc_number: {q(n['doc_number'])}",
               f"issuer: {q(n['issuer'])}", f"jurisdiction: {n['jurisdiction']}", f"year: {n['year']}",
               f"published: {n['published']}", "validity: 现行有效", "fictional: true",
               f"source_url: https://gov.example.org/{n['jurisdiction']}/{n['year']}/notice.html", "body: |"]
        out += [("  " + line) if line else "" for line in n["body"].split("\n")]
        out += ["attachments:", '  - number: "1"', "    title: 《政府工作报告》重点工作责任分解",
                "    rule: 列第一位者为工作牵头单位", "    sections:"]
        for section in n["sections"]:
            out += [f"      - number: {q(section['number'])}", f"        heading: {q(section['heading'])}",
                    f"        leader: {section['leader']}"]
            if section["assisting"]:
                out.append(f"        assisting_leaders: [{', '.join(section['assisting'])}]")
            out.append("        sections:")
            for sub in section["sections"]:
                out += [f"          - number: {q(sub['number'])}", f"            heading: {q(sub['heading'])}",
                        "            tasks:"]
                out += [self.task_yaml(t, " " * 14) for t in sub["tasks"]]
        if n["projects"]:
            out += ['  - number: "2"', "    title: 十方面民生实事", "    tasks:"]
            out += [self.task_yaml(t, " " * 6) for t in n["projects"]]
        return "\n".join(out) + "\n"

    @staticmethod
    def task_yaml(t: dict, pad: str) -> str:
        lines = [f"{pad}- id: {t['id']}", f'{pad}  number: "{t["number"]}"']
        if t["title"]:
            lines.append(f"{pad}  title: {q(t['title'])}")
        lines.append(f"{pad}  text: {q(t['text'])}")
        lines.append(f"{pad}  attribution: {q(t['attribution'])}")
        if t["leader"]:
            lines.append(f"{pad}  leader: {t['leader']}")
        if t["deadline"]:
            lines.append(f"{pad}  deadline: {q(t['deadline'])}")
        lines.append(f"{pad}  units:")
        lines += [f"{pad}    - {{name: {q(u['name'])}, role: {u['role']}}}" for u in t["units"]]
        return "\n".join(lines)

    def progress_yaml(self, n: dict) -> str:
        out = []
        for _, _, t in self.all_tasks(n):
            if not t["updates"]:
                continue
            out.append(f'"{t["id"]}":')
            for u in t["updates"]:
                out += [f"  - date: {u['date']}", f"    status: {u['status']}", f"    percent: {u['percent']}",
                        f"    text: {q(u['text'])}", f"    source: {u['source']}", f"    unit: {q(u['unit'])}"]
        return "\n".join(out) + "\n" if out else ""

    # --- Hugo ------------------------------------------------------------------

    def write_hugo(self, root: Path) -> None:
        """The same pages for Hugo: notices are sections, tasks their pages; units, themes and leaders taxonomies."""
        shutil.copytree(HERE / "hugo", root, dirs_exist_ok=True)
        content = root / "content"
        by_id = {j["id"]: j for j in self.jurisdictions}
        statuses = dict(completed="已完成", ahead="超进度", **{"on-track": "达进度", "behind": "欠进度",
                                                              "not-started": "未启动"})
        # term pages carry the display names, as sitegen's registries do
        for jid, units in self.units.items():
            for u in units:
                folder = content / "units" / f"{jid}-{u['id']}"
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "_index.md").write_text(
                    f"---\ntitle: {q(u['name'])}\njurisdiction: {q(by_id[jid]['name'])}\nkind: {u['kind']}\n"
                    f"aliases_printed: [{', '.join(q(a) for a in u['aliases'])}]\n---\n", encoding="utf-8")
        for jid, leaders in self.leaders.items():
            for l in leaders:
                folder = content / "leaders" / f"{jid}-{l['id']}"
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "_index.md").write_text(
                    f"---\ntitle: {q(l['name'])}\nrole: {q(l['title'])}\njurisdiction: {q(by_id[jid]['name'])}\n---\n",
                    encoding="utf-8")
        for tid, name, description, keywords in THEMES:
            folder = content / "themes" / tid
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "_index.md").write_text(f"---\ntitle: {q(name)}\ndescription: {q(description)}\n"
                                              f"keywords: [{', '.join(keywords)}]\n---\n", encoding="utf-8")
        for n in self.notices:
            folder = content / "notices" / n["id"]
            folder.mkdir(parents=True, exist_ok=True)
            jid = n["jurisdiction"]
            leader_ids = {l["name"]: f"{jid}-{l['id']}" for l in self.leaders[jid]}
            unit_ids = {u["name"]: f"{jid}-{u['id']}" for u in self.units[jid]}
            (folder / "_index.md").write_text(
                f"---\ntitle: {q(n['title'])}\nshort_title: {q(n['short_title'])}\ndoc_number: {q(n['doc_number'])}\n"
                f"issuer: {q(n['issuer'])}\njurisdiction: {q(by_id[jid]['name'])}\ndate: {n['published']}\n"
                f"validity: 现行有效\nsource_url: https://gov.example.org/{jid}/{n['year']}/notice.html\n---\n"
                f"{n['body']}\n", encoding="utf-8")
            for weight, (section, sub, t) in enumerate(self.all_tasks(n), start=1):
                themes = [tid for tid, _, _, kws in THEMES if any(k in (t["title"] or "") + t["text"] for k in kws)]
                leader = t["leader"] or (section["leader"] if section else None)
                latest = t["updates"][-1] if t["updates"] else None
                heading = f"{section['number']}{section['heading']} / {sub['number']}{sub['heading']}" if section \
                    else "附件2 十方面民生实事"
                fm = [
                    "---", f"title: {q(t['title'] or '第' + t['number'] + '项')}", f"number: \"{t['number']}\"",
                    f"weight: {weight}", f"section_heading: {q(heading)}",
                    f"units: [{', '.join(q(unit_ids[u['canonical']]) for u in t['units'])}]",
                    "unit_roles:",
                    *[f"  - {{id: {q(unit_ids[u['canonical']])}, name: {q(u['canonical'])}, printed: {q(u['name'])}, "
                      f"role: {u['role']}}}" for u in t["units"]],
                    f"themes: [{', '.join(themes)}]",
                    f"leaders: [{q(leader_ids[leader]) if leader else ''}]" if leader else "leaders: []",
                    f"leader_name: {q(leader) if leader else 'null'}",
                    f"deadline: {q(t['deadline']) if t['deadline'] else 'null'}",
                    f"attribution: {q(t['attribution'])}",
                    f"status: {latest['status'] if latest else 'not-reported'}",
                    f"status_label: {statuses[latest['status']] if latest else '未报告'}",
                    f"percent: {latest['percent'] if latest else 'null'}",
                    "updates:",
                    *[f"  - {{date: {u['date']}, status: {u['status']}, label: {statuses[u['status']]}, "
                      f"percent: {u['percent']}, text: {q(u['text'])}, source: {q(u['source'])}, unit: {q(u['unit'])}}}"
                      for u in reversed(t["updates"])],
                    "---", t["text"], "",
                ]
                (folder / f"{t['id']}.md").write_text("\n".join(fm), encoding="utf-8")


def generate(tasks: int, out: Path, which=("sitegen", "hugo")) -> Path:
    out = Path(out)
    gen = Generator(tasks).build()
    for name in which:
        target = out / name
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        (gen.write_sitegen if name == "sitegen" else gen.write_hugo)(target)
    (out / "generated.json").write_text(json.dumps({"tasks": tasks, "notices": len(gen.notices),
                                                    "jurisdictions": len(gen.units),
                                                    "units": sum(map(len, gen.units.values()))}) + "\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only", choices=["sitegen", "hugo"], default=None)
    args = parser.parse_args()
    generate(args.tasks, args.out, (args.only,) if args.only else ("sitegen", "hugo"))
    print(f"generated {args.tasks} tasks into {args.out}")


if __name__ == "__main__":
    main()
