"""Bad content: every kind gives exit 1, the file and line, a hint, and no traceback."""

from __future__ import annotations

import re

import pytest

from conftest import read_tree, run

NOTICE = "content/notices/ceshi-2019-1.yaml"


def edit(site, name, old, new):
    path = site / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (file, text to replace, replacement, expected file:line, words the message must hold)
CASES = {
    "misspelled task field": (NOTICE, "            deadline: 6月底前", "            dealine: 6月底前",
                              f"{NOTICE}:25", ["unknown field", "did you mean deadline"]),
    "unknown unit": (NOTICE, "{name: 市发改委, role: 牵头}", "{name: 市发改萎, role: 牵头}",
                     f"{NOTICE}:28", ["unknown unit 市发改萎", "did you mean 市发改委"]),
    "unknown role": (NOTICE, "role: 牵头}", "role: 牵投}", f"{NOTICE}:28", ["expected one of", "牵头"]),
    "unknown leader": (NOTICE, "        leader: 张三\n", "        leader: 张山\n", f"{NOTICE}:19",
                       ["unknown leader 张山", "did you mean 张三"]),
    "unknown theme": (NOTICE, "themes: [cai-zheng]", "themes: [cai-zhen]", f"{NOTICE}:33",
                      ["unknown theme", "did you mean cai-zheng"]),
    "unknown jurisdiction": (NOTICE, "jurisdiction: ceshi-shi", "jurisdiction: ceshi-si", f"{NOTICE}:5",
                             ["unknown jurisdiction", "did you mean ceshi-shi"]),
    "tab indentation": (NOTICE, "    rule: 列第一位者", "\trule: 列第一位者", f"{NOTICE}:15", ["tab"]),
    "malformed yaml": (NOTICE, "title: 2019年政府工作报告重点工作责任分解",
                       "title: [2019年政府工作报告重点工作责任分解", f"{NOTICE}:", ["invalid YAML"]),
    "duplicate task id": (NOTICE, "id: 1-2", "id: 1-1", f"{NOTICE}:30", ["task id '1-1' is also used"]),
    "duplicate key": (NOTICE, "short_title: 测试市2019年重点工作分工", "short_title: a\nshort_title: b",
                      f"{NOTICE}:3", ["appears twice"]),
    "missing required field": (NOTICE, "issuer: 测试市人民政府办公室\n", "", f"{NOTICE}:1",
                               ["missing required field", "issuer"]),
    "wrong type": (NOTICE, "fictional: true", "fictional: 是", f"{NOTICE}:7", ["true or false"]),
    "impossible date": (NOTICE, "published: 2019-02-27", "published: 2019-02-30", f"{NOTICE}:", ["date"]),
    "bad slug id": (NOTICE, "id: 1-3", "id: 任务3", f"{NOTICE}:", ["expected an id"]),
    "unknown status": ("content/progress/ceshi-2019-1.yaml", "status: behind", "status: behnd",
                       "content/progress/ceshi-2019-1.yaml:13", ["unknown status", "did you mean behind"]),
    "percent out of range": ("content/progress/ceshi-2019-1.yaml", "percent: 20", "percent: 120",
                             "content/progress/ceshi-2019-1.yaml:14", ["0 to 100"]),
    "bad colour in config": ("site.yaml", "as_of: 2020-01-15",
                             'as_of: 2020-01-15\nstatuses:\n  - {id: done, label: 完成, color: green, icon: "✔"}',
                             "site.yaml:6", ["#rrggbb"]),
    "misspelled config key": ("site.yaml", "base_url: /", "base_ulr: /", "site.yaml:3",
                              ["did you mean base_url"]),
    "alias used twice": ("content/units/ceshi-shi.yaml", "  - name: 市财政局", "  - name: 市财政局\n    aliases: [发改委]",
                         "content/units/ceshi-shi.yaml:", ["already names the unit 市发改委"]),
    "parent loop": ("content/jurisdictions.yaml", "  level: province", "  level: province\n  parent: ceshi-shi",
                    "content/jurisdictions.yaml:", ["loop"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_content_is_located(mini, name):
    file, old, new, where, words = CASES[name]
    edit(mini, file, old, new)
    result = run("check", "--site", mini)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert where in result.output, result.output
    for word in words:
        assert word in result.output, result.output


def test_all_errors_reported_at_once(mini):
    edit(mini, NOTICE, "{name: 市发改委, role: 牵头}", "{name: 市发改萎, role: 牵头}")
    edit(mini, NOTICE, "        leader: 张三\n", "        leader: 张山\n")
    edit(mini, "site.yaml", "base_url: /", "base_ulr: /")
    result = run("check", "--site", mini)
    assert result.exit_code == 1
    assert len(re.findall(r": error: ", result.output)) == 3, result.output


def test_unregistered_units_warn_when_allowed_and_strict_fails(mini):
    edit(mini, NOTICE, "{name: 市发改委, role: 牵头}", "{name: 市发改萎, role: 牵头}")
    edit(mini, "site.yaml", "base_url: /", "base_url: /\nallow_unregistered_units: true")
    result = run("check", "--site", mini)
    assert result.exit_code == 0 and "warning: units[0]: unknown unit 市发改萎" in result.output
    assert run("check", "--site", mini, "--strict").exit_code == 1


def test_failed_build_leaves_previous_output(mini, tmp_path):
    out = tmp_path / "out"
    assert run("build", "--site", mini, "--output", out, "--no-search").exit_code == 0
    before = read_tree(out)
    edit(mini, NOTICE, "{name: 市发改委, role: 牵头}", "{name: 市发改萎, role: 牵头}")
    result = run("build", "--site", mini, "--output", out, "--no-search")
    assert result.exit_code == 1
    assert read_tree(out) == before
    assert not list(tmp_path.glob(".out.staging-*"))


def test_progress_of_a_vanished_task_is_a_warning_and_kept(mini):
    edit(mini, "content/progress/ceshi-2019-1.yaml", '"1-2":', '"1-9":')
    result = run("check", "--site", mini)
    assert result.exit_code == 0
    assert "content/progress/ceshi-2019-1.yaml:11: warning: 1-9: no task '1-9'" in result.output
    assert run("check", "--site", mini, "--strict").exit_code == 1


def test_not_a_site(tmp_path):
    result = run("check", "--site", tmp_path)
    assert result.exit_code == 1 and "sitegen init" in result.output


def test_usage_error_is_exit_2(mini):
    assert run("build", "--site", mini, "--no-such-flag").exit_code == 2


def test_github_annotations_point_at_file_and_line(mini):
    edit(mini, "site.yaml", "base_url: /", "base_ulr: /")
    result = run("check", "--site", mini, "--format", "github")
    assert result.exit_code == 1
    assert "::error file=site.yaml,line=3,col=1::base_ulr: unknown field in site — did you mean base_url?" \
        in result.output
