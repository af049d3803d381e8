"""Shapes found by the eighth sweep of issue 17 (centre and west; benchmarks/import_sweep.md, branch mine8b).
Each input is a small notice written here, in the wordings and punctuation those notices print."""

from __future__ import annotations

import pytest

from sitegen.core.errors import SitegenError
from sitegen.importer import import_text
from sitegen.importer.units import looks_like_unit

HEAD = ("某某区管委会办公室关于印发2025年工作报告目标任务分解方案的通知\n各镇人民政府,各街道办事处,管委会各部门:\n"
        "《2025年工作报告目标任务分解方案》已经管委会同意,现印发给你们,并提出以下工作要求,请认真贯彻执行。\n")


@pytest.mark.parametrize("subject", ["各牵头单位要强化", "各责任单位应加强", "各配合单位须主动"])
def test_a_collective_with_a_modal_is_no_unit(subject):
    assert not looks_like_unit(subject)
    assert not looks_like_unit(subject, bounded=True)


@pytest.mark.parametrize("name", ["各县市区人民政府", "各有关单位", "各乡镇", "有关部门", "各应急管理站"])
def test_collectives_stay_units(name):
    assert looks_like_unit(name)


@pytest.mark.parametrize("line", ["各牵头单位要强化统筹抓总,发挥好协调各方的作用,对照分解方案逐项推进。",
                                  "各责任单位要加强统筹协调,定期研究调度进展情况。"])
def test_a_covering_notices_requirements_are_no_tasks(tmp_path, line):
    """A covering notice cut before its list: its numbered requirements name nobody, the last one's subject
    (各牵头单位要…统筹) included, so the import is refused rather than read as tasks."""
    body = ("一、强化政治担当,切实抓好任务落地\n今年是规划的收官之年,做好各项工作意义重大。\n"
            "二、严格压实责任,积极推动闭环落实\n各级各部门主要负责同志要带头推动各项目标任务落实。\n"
            f"三、加强统筹协调,逗硬开展督查考核\n{line}\n")
    with pytest.raises(SitegenError, match="found no tasks"):
        import_text(HEAD + body, tmp_path, stem="t", jurisdiction="某某区")
