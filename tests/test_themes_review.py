"""Every theme match on the default content a reader would call wrong (issue 22), read task by task
against content/themes.yaml: each is a keyword inside a phrase that means something else. The
default list excludes those phrases; this keeps it so."""

from __future__ import annotations

import pytest

from conftest import ROOT
from sitegen.content.loadsite import load_site

# (task id, theme id, the phrase that matched)
WRONG = [
    ("huzhou-2019-huzhengbanfa-9/1-1", "jiao-yu-wen-hua", "两学一做学习教育, 主题教育"),
    ("wuchang-2017-wuchangzhengban-1/4-51", "jiao-yu-wen-hua", "两学一做学习教育"),
    ("ezhou-2014-ezhouzhengbanfa-4/1-33", "jiao-yu-wen-hua", "群众路线教育实践活动"),
    ("wuchang-2017-wuchangzhengban-1/4-50", "jiao-yu-wen-hua", "(干部的)常态化教育、监督和管理"),
    ("ezhou-2014-ezhouzhengbanfa-4/1-22", "yi-liao-wei-sheng", "国家卫生城市"),
    ("jiyang-2023/1-u8", "yi-liao-wei-sheng", "市容市貌、环境卫生"),
    ("jiyang-2023/1-u13", "yi-liao-wei-sheng", "健康生猪产业园"),
    ("jiyang-2023/1-u4", "yi-liao-wei-sheng", "营养与健康食品创新中心"),
    ("huzhou-2019-huzhengbanfa-9/1-11", "sheng-tai-huan-jing", "法治化营商环境"),
    ("jinan-2017-jizhengbanzi-22/1-35", "sheng-tai-huan-jing", "营商环境, 投资环境"),
    ("huzhou-2019-huzhengbanfa-9/2-5", "sheng-tai-huan-jing", "放心消费环境"),
    ("huzhou-2019-huzhengbanfa-9/1-44", "sheng-tai-huan-jing", "创新创业生态"),
    ("jinan-2017-jizhengbanzi-22/1-29", "sheng-tai-huan-jing", "(审批)绿色通道"),
    ("demo-2026-shifan/1-7", "sheng-tai-huan-jing", "营商环境"),
    ("ezhou-2014-ezhouzhengbanfa-4/1-31", "cheng-xiang-jian-she", "市政协"),
    ("huzhou-2019-huzhengbanfa-9/1-40", "jin-rong", "保税物流中心"),
    ("jiyang-2023/1-u5", "she-hui-zhi-li", "应急转贷"),
    ("ezhou-2014-ezhouzhengbanfa-4/1-13", "ke-ji-chuang-xin", "科技含量 (亩均评价)"),
    ("ezhou-2014-ezhouzhengbanfa-4/1-21", "ke-ji-chuang-xin", "城市管理人才"),
    ("ezhou-2014-ezhouzhengbanfa-4/1-27", "ke-ji-chuang-xin", "社工人才"),
    ("huzhou-2019-huzhengbanfa-9/1-51", "ke-ji-chuang-xin", "农村人才"),
    ("huzhou-2019-huzhengbanfa-9/1-67", "ke-ji-chuang-xin", "互联网金融风险"),
    ("huzhou-2019-huzhengbanfa-9/1-47", "ke-ji-chuang-xin", "两山实践创新基地"),
    ("ezhou-2014-ezhouzhengbanfa-4/1-2", "ke-ji-chuang-xin", "创新沿江滨湖新区管理体制"),
    ("ezhou-2014-ezhouzhengbanfa-4/1-4", "ke-ji-chuang-xin", "(体制)创新"),
    ("ezhou-2014-ezhouzhengbanfa-4/1-7", "ke-ji-chuang-xin", "创新模式(征地拆迁)"),
    ("huzhou-2019-huzhengbanfa-9/1-8", "ke-ji-chuang-xin", "创新开展政府投资项目"),
    ("huzhou-2019-huzhengbanfa-9/1-36", "ke-ji-chuang-xin", "旅游业改革创新先行区"),
    ("jinan-2017-jizhengbanzi-22/1-7", "ke-ji-chuang-xin", "产业金融创新发展试验区"),
    ("jinan-2017-jizhengbanzi-22/1-11", "ke-ji-chuang-xin", "创新金融模式"),
    ("wuchang-2017-wuchangzhengban-1/2-4", "ke-ji-chuang-xin", "民营经济创新发展"),
]

# Right matches next to the wrong ones, which the exclusions must not take away.
RIGHT = [
    ("wuchang-2017-wuchangzhengban-1/4-7", "ke-ji-chuang-xin"),  # 联合创新实验室和产学研联盟
    ("wuchang-2017-wuchangzhengban-1/4-4", "ke-ji-chuang-xin"),  # 科教融合创新基地
    ("wuchang-2017-wuchangzhengban-1/2-6", "ke-ji-chuang-xin"),  # 环高校创新带
    ("huzhou-2019-huzhengbanfa-9/2-7", "jiao-yu-wen-hua"),  # 提高教育服务水平
    ("huzhou-2019-huzhengbanfa-9/1-47", "sheng-tai-huan-jing"),  # 两山实践创新基地
]


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT)


@pytest.mark.parametrize("task_id, theme_id, phrase", WRONG, ids=[f"{t}:{h}" for t, h, _ in WRONG])
def test_no_wrong_theme_match(site, task_id, theme_id, phrase):
    task = site.tasks[task_id]
    assert theme_id not in [t.id for t in task.themes], f"{task_id} is put in {theme_id} by {phrase}"


@pytest.mark.parametrize("task_id, theme_id", RIGHT)
def test_right_matches_stay(site, task_id, theme_id):
    assert theme_id in [t.id for t in site.tasks[task_id].themes]


def test_an_exclusion_only_blanks_its_phrase(mini):
    import yaml

    themes = mini / "content" / "themes.yaml"
    themes.write_text(themes.read_text(encoding="utf-8")
                      + "\n- id: jiao-yu\n  name: 教育\n  keywords: [教育]\n  exclude: [学习教育]\n", encoding="utf-8")
    notice_file = next((mini / "content" / "notices").glob("*.yaml"))
    notice = yaml.safe_load(notice_file.read_text(encoding="utf-8"))
    tasks = [t for a in notice["attachments"] for t in _tasks(a)]
    tasks[0]["text"] += "深化“两学一做”学习教育。"
    tasks[1]["text"] += "推进“两学一做”学习教育，发展学前教育。"
    notice_file.write_text(yaml.safe_dump(notice, allow_unicode=True), encoding="utf-8")
    site = load_site(mini)
    theme = next(t for t in site.themes if t.id == "jiao-yu")
    member = {t.local_id for t in theme.tasks}
    assert tasks[0]["id"] not in member and tasks[1]["id"] in member


def _tasks(node):
    yield from node.get("tasks") or []
    for section in node.get("sections") or []:
        yield from _tasks(section)
