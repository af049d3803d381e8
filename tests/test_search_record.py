"""The search record written in Python (sitegen/searchrecord.py) is byte for byte what the template it
replaced wrote (kept as tests/fixtures/search_record_template.html): on every task and notice of the
default site and the small fixture, and on tasks whose values test each branch and the escaping."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import FIXTURES, ROOT
from sitegen import render, searchrecord
from sitegen.loadsite import load_site

TEMPLATE = (FIXTURES / "search_record_template.html").read_text(encoding="utf-8")


def both(site, task, notice) -> tuple[str, str]:
    env = render.environment(site)
    context = {"notice": notice} if task is None else {"notice": notice, "task": task}
    old = env.from_string(TEMPLATE).render(context)
    new = env.from_string("{% include 'search_record.html' %}").render(context)
    return old, new


@pytest.mark.parametrize("folder", [ROOT, FIXTURES / "mini"], ids=["default site", "mini"])
def test_every_record_equals_the_template(folder):
    site = load_site(folder)
    env = render.environment(site)
    old, new = env.from_string(TEMPLATE), env.get_template("search_record.html")
    for notice in site.notices:
        assert new.render(notice=notice) == old.render(notice=notice), notice.id
        for task in notice.tasks:
            assert new.render(notice=notice, task=task) == old.render(notice=notice, task=task), task.id


def edited(task, **changes):
    return dataclasses.replace(task, **changes)


@pytest.fixture(scope="module")
def mini_site():
    return load_site(FIXTURES / "mini")


TEXTS = ["", "短", "甲" * 40, "甲" * 41, "甲" * 45, "甲" * 46, "乙" * 170, 'A<b> & "c" \'d\'', "**粗体** [链接](/x)\n\n第二段"]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("title", [None, "", "标题 <i>&</i>"])
def test_texts_titles_and_escaping(mini_site, text, title):
    task = next(iter(mini_site.tasks.values()))
    changed = edited(task, text=text, title=title, deadline='年底前 <"&">')
    old, new = both(mini_site, changed, task.notice)
    assert new == old


def test_leaders_units_and_themes(mini_site):
    tasks = [t for t in mini_site.tasks.values() if t.units and t.leader and t.themes]
    assert tasks, "the fixture has a task with units, a leader and themes"
    task = tasks[0]
    unit = task.units[0]
    same_name_other_case = dataclasses.replace(unit, unit=dataclasses.replace(unit.unit, name=unit.unit.name.upper() + "ab"))
    upper = dataclasses.replace(unit, unit=dataclasses.replace(unit.unit, name=unit.unit.name.upper() + "AB"))
    changed = edited(task, units=[unit, same_name_other_case, upper, unit],
                     assisting_leaders=[task.leader, task.leader])
    old, new = both(mini_site, changed, task.notice)
    assert new == old
    assert searchrecord.record(mini_site, changed, task.notice).count('data-pagefind-filter="leader"') == 1


def test_notices_without_date_year_or_number(mini_site):
    notice = mini_site.notices[0]
    for changes in ({"published": None}, {"published": None, "year": None}, {"doc_number": None},
                    {"title": "<通知> & \"x\""}):
        changed = dataclasses.replace(notice, **changes)
        assert both(mini_site, None, changed)[1] == both(mini_site, None, changed)[0], changes
        task = edited(notice.tasks[0], notice=changed)
        old, new = both(mini_site, task, changed)
        assert new == old, changes
