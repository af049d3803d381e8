"""The default site: the five real notices and the fictional demonstration, built for real."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, run
from sitegen.write.links import check_links

COUNTS = {
    "jinan-2017-jizhengbanzi-22": 43,  # 42 numbered + the unnumbered goals item
    "jiyang-2023": 19,
    "ezhou-2014-ezhouzhengbanfa-4": 34,
    "huzhou-2019-huzhengbanfa-9": 81,  # 71 + 10 民生实事
    "wuchang-2017-wuchangzhengban-1": 116,  # 4 + 38 + 14 + 60
}
REAL = tuple(COUNTS)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("default") / "out"
    result = run("build", "--site", ROOT, "--output", out, "--no-search")
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def tasks(site):
    return {t["id"]: t for t in json.loads((site / "data/tasks.json").read_text(encoding="utf-8"))}


def test_check_passes_strictly():
    result = run("check", "--site", ROOT, "--strict")
    assert result.exit_code == 0, result.output


def test_task_counts(site):
    notices = {n["id"]: n["task_count"] for n in json.loads((site / "data/notices.json").read_text(encoding="utf-8"))}
    assert {k: notices[k] for k in COUNTS} == COUNTS


def test_wuchang_tables_by_attachment(tasks):
    by_attachment = {}
    for task in tasks.values():
        if task["notice"] == "wuchang-2017-wuchangzhengban-1":
            by_attachment.setdefault(task["section"][0], 0)
            by_attachment[task["section"][0]] += 1
    assert sorted(by_attachment.values()) == sorted([4, 38, 14, 60])


def test_huzhou_leader_pages(site, tasks):
    expected = {"钱三雄": 10, "杨六顺": 19, "闵云": 7, "施根宝": 10, "蒋伟峰": 11, "项乐民": 14}
    led = {}
    for task in tasks.values():
        if task["notice"] == "huzhou-2019-huzhengbanfa-9" and task["leader"]:
            led[task["leader"]] = led.get(task["leader"], 0) + 1
    assert led == expected
    pages = {}
    for page in (site / "leaders/huzhou").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        pages.update({name: html for name in expected if name in heading})
    assert sorted(pages) == sorted(expected)  # every leader has a page
    for name, html in pages.items():
        led_links = set(re.findall(r'href="/notices/huzhou-2019-huzhengbanfa-9/([^/"]+)/"', html))
        assert len(led_links) >= expected[name], name


def test_jinan_line_broken_and_mid_line_tasks(tasks):
    t13 = tasks["jinan-2017-jizhengbanzi-22/1-13"]
    assert t13["units"] == ["市发改委", "市口岸办", "市交通运输局"]
    t23 = tasks["jinan-2017-jizhengbanzi-22/1-23"]
    assert t23["text"].startswith("搭建泉城科创交易大平台")
    assert t23["units"] == ["市科技局", "市文化广电新闻出版局", "市工商局"]
    t21 = tasks["jinan-2017-jizhengbanzi-22/1-21"]
    assert t21["lead_units"] == ["市科技局"] and t21["units"] == ["市科技局", "市发改委"]


def test_real_notices_show_no_invented_progress(tasks):
    real = [t for t in tasks.values() if t["notice"] in REAL]
    assert real and all(t["status"] == "not-reported" and t["progress"] is None for t in real)


def test_demo_shows_every_status_and_overdue(tasks):
    demo = [t for t in tasks.values() if t["notice"] == "demo-2026-shifan"]
    assert {t["status"] for t in demo} == {"completed", "ahead", "on-track", "behind", "not-started",
                                           "not-reported"}
    assert len([t for t in demo if t["status"] == "completed"]) >= 2
    assert any(t["overdue"] for t in demo)


def test_fictional_notice_is_labelled_on_every_page_showing_it(site):
    for page in [site / "notices/demo-2026-shifan/index.html", site / "notices/demo-2026-shifan/1-1/index.html"]:
        assert "虚构" in page.read_text(encoding="utf-8")


def test_unit_page_lists_every_task_of_the_unit_with_role(site):
    units = json.loads((site / "data/units.json").read_text(encoding="utf-8"))
    fgw = next(u for u in units if u["name"] == "市发改委" and u["jurisdiction"] == "济南市")
    html = "".join(p.read_text(encoding="utf-8") for p in (site / fgw["url"].strip("/")).rglob("index.html")
                   if "print" not in p.parts)
    for task_id in fgw["tasks"]:
        assert f'href="/notices/{task_id}/"' in html, task_id
    assert "牵头" in html and "责任" in html


def test_every_internal_link_resolves(site):
    broken = [b for b in check_links(site) if not b.link.startswith("/pagefind/")]
    assert broken == []


def test_units_printed_parallel_to_units(tasks):
    for task in tasks.values():
        assert len(task["units_printed"]) == len(task["units"]), task["id"]
        assert set(task["lead_units"]) <= set(task["units"]), task["id"]
