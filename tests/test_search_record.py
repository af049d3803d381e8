"""The search records made from the model (sitegen/render/searchrecord.py): what each part holds and at what
weight, filter values that name their government when names repeat, and no duplicated opening words."""

from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import FIXTURES, ROOT
from sitegen.render import searchrecord
from sitegen.content.loadsite import load_site


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT)


def weighted(html: str) -> dict:
    """weight -> the part's text with the one-character spacing removed."""
    return {float(w): text.replace(" ", "") for w, text in re.findall(r'<p data-pagefind-weight="([0-9.]+)">([^<]*)</p>', html)}


def record_of(site, task_id: str) -> str:
    task = site.tasks[task_id]
    return searchrecord.record(site, task, task.notice, searchrecord.FilterNames(site))


def test_headings_and_attachment_title_weigh_most_what_the_notice_shares_least(site):
    parts = weighted(record_of(site, "huzhou-2019-huzhengbanfa-9/2-8"))
    assert "十方面民生实事责任分解" in parts[searchrecord.HEADINGS] and "第8项" in parts[searchrecord.HEADINGS]
    assert "提升居家养老服务能力" in parts[searchrecord.OWN]
    assert "湖政办发20199号" in parts[searchrecord.SHARED] and "浙江省湖州市" in parts[searchrecord.SHARED]
    assert "湖州市人民政府办公室关于印发" not in "".join(parts.values())  # the notice's title: its own record only
    assert searchrecord.HEADINGS > searchrecord.OWN > searchrecord.SHARED
    site_notice = site.tasks["huzhou-2019-huzhengbanfa-9/2-8"].notice
    notice = weighted(searchrecord.record(site, None, site_notice, searchrecord.FilterNames(site)))
    assert "湖州市人民政府办公室关于印发" in notice[searchrecord.NOTICE_TITLE]


def test_section_headings_and_their_leaders(site):
    task = next(t for t in site.tasks.values() if t.notice.id == "jiyang-2023" and any("乡村振兴" in s.heading for s in t.sections))
    parts = weighted(record_of(site, task.id))
    assert "聚力攻坚乡村振兴" in parts[searchrecord.HEADINGS]


def test_every_alias_of_each_unit_and_the_printed_name(site):
    task = next(t for t in site.tasks.values() if any(tu.unit.aliases for tu in t.units))
    parts = weighted(record_of(site, task.id))
    own = parts[searchrecord.OWN] + " " + parts[searchrecord.HEADINGS]  # a name in a heading is not repeated
    for tu in task.units:
        assert searchrecord.searchable(tu.printed).replace(" ", "") in own
        for alias in tu.unit.aliases:
            assert searchrecord.searchable(alias).replace(" ", "") in own


def test_text_is_letters_and_digits_one_word_each():
    assert searchrecord.searchable("棚戶區改造，2019年（第1批）") == "棚 户 区 改 造 2 0 1 9 年 第 1 批"


def test_a_part_inside_a_heavier_part_is_left_out(site):
    """A leader named in a section heading (钱三雄市长牵头重点工作) is not indexed again with the task's own words."""
    task = next(t for t in site.tasks.values() if t.leader and t.sections
                and any(t.leader.name in s.full_heading for s in t.sections))
    parts = weighted(record_of(site, task.id))
    assert task.leader.name in parts[searchrecord.HEADINGS]
    text = searchrecord.searchable(task.text).replace(" ", "")
    assert task.leader.name not in parts[searchrecord.OWN].replace(text, "")


def test_unit_and_leader_filters_name_the_government_when_names_repeat(site):
    names = searchrecord.FilterNames(site)
    repeated = [u for u in site.units if sum(v.name == u.name for v in site.units) > 1]
    assert repeated, "the default site has units of the same name in several governments"
    for unit in repeated:
        assert names.unit(unit) == f"{unit.name}（{unit.jurisdiction.full_name}）"
    unique = next(u for u in site.units if sum(v.name == u.name for v in site.units) == 1 and u.kind == "department")
    assert names.unit(unique) == unique.name
    collective = next(u for u in site.units if u.kind == "collective")
    assert names.unit(collective).endswith(f"（{collective.jurisdiction.full_name}）")
    values = {names.unit(u) for u in site.units}
    assert len(values) == len({(u.name, u.jurisdiction.id) for u in site.units})  # no two governments merged


def test_an_untitled_task_does_not_show_its_opening_words_twice(site):
    task = next(t for t in site.tasks.values() if not t.title and len(t.text) > 60)
    html = record_of(site, task.id)
    title = re.search(r'data-pagefind-meta="title">([^<]*)<', html).group(1)
    text = re.search(r'data-pagefind-meta="text">([^<]*)<', html).group(1)
    opening = title.split(" ", 1)[1].rstrip("…")
    assert opening[:20] not in text


def test_traditional_characters_are_indexed_simplified():
    mini = load_site(FIXTURES / "mini")
    task = next(iter(mini.tasks.values()))
    changed = dataclasses.replace(task, text="優化營商環境 A<&B")
    html = searchrecord.record(mini, changed, task.notice, searchrecord.FilterNames(mini))
    indexed = html.split("</div>", 1)[1]
    assert "优 化 营 商 环 境 A B" in indexed and "營" not in indexed  # punctuation is not indexed
    assert "A&lt;&amp;B" in html.split("</div>", 1)[0]  # but shown, escaped, in the result's text
