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
    "recursive anchor": (NOTICE, "themes: [cai-zheng]", "themes: &loop [*loop]", f"{NOTICE}:33",
                         ["recursive", "anchor"]),
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


def assert_located(site, where, words):
    """`sitegen check` fails with a message for people naming `where` (file:line) and holding `words`."""
    result = run("check", "--site", site)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert where in result.output, result.output
    for word in words:
        assert word in result.output, result.output


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_content_is_located(mini, name):
    file, old, new, where, words = CASES[name]
    edit(mini, file, old, new)
    assert_located(mini, where, words)


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


def write(site, name, data):
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def symlink_outside(site):
    outside = site.parent / "outside.yaml"
    outside.write_text("jurisdiction: ceshi-shi\nunits: []\n", encoding="utf-8")
    (site / "content/units/evil.yaml").symlink_to(outside)


UNITS = "content/units/ceshi-shi.yaml"
# name: (how to break the site, expected file[:line], words)
FILE_CASES = {
    "gbk notice": (lambda s: write(s, NOTICE, (s / NOTICE).read_text(encoding="utf-8").encode("gbk")),
                   f"{NOTICE}:1", ["not valid UTF-8", "GBK"]),
    "utf-16 registry": (lambda s: write(s, UNITS, (s / UNITS).read_text(encoding="utf-8").encode("utf-16")),
                        UNITS, ["UTF-16"]),
    "binary file": (lambda s: write(s, "content/leaders.yaml", bytes(range(256))), "content/leaders.yaml", ["binary"]),
    "empty notice": (lambda s: write(s, NOTICE, "# nothing yet\n"), f"{NOTICE}:1", ["the file is empty"]),
    "very large file": (lambda s: write(s, "content/notices/big.yaml", b"# " + b"x" * (51 * 2**20)),
                        "content/notices/big.yaml", ["larger than"]),
    "symlink outside the site": (symlink_outside, "content/units/evil.yaml", ["outside the site"]),
    "path traversal id": (lambda s: write(s, "content/notices/evil.yaml",
                                          (s / NOTICE).read_text(encoding="utf-8").replace(
                                              "title: 测试市", "id: ../../etc\ntitle: 测试市", 1)),
                          "content/notices/evil.yaml:1", ["expected an id"]),
    "unknown unit kind": (lambda s: edit(s, UNITS, "    kind: collective", "    kind: collectiv"),
                          f"{UNITS}:9", ["did you mean collective"]),
    "duplicate unit id": (lambda s: edit(s, UNITS, "  - name: 市财政局", "  - name: 市财政局\n    id: shi-fa-gai-wei"),
                          UNITS, ["used twice"]),
    "leader without title": (lambda s: edit(s, "content/leaders.yaml", "  title: 副市长\n", ""),
                             "content/leaders.yaml:4", ["missing required field", "title"]),
    "duplicate theme id": (lambda s: edit(s, "content/themes.yaml", "id: cai-zheng", "id: sheng-tai"),
                           "content/themes.yaml", ["used twice"]),
    "unknown jurisdiction level": (lambda s: edit(s, "content/jurisdictions.yaml", "level: city", "level: cty"),
                                   "content/jurisdictions.yaml:8", ["did you mean city"]),
    "jurisdictions not a list": (lambda s: write(s, "content/jurisdictions.yaml", "id: x\n"),
                                 "content/jurisdictions.yaml:1", ["expected a list"]),
    "unknown theme name": (lambda s: edit(s, "site.yaml", "base_url: /", "base_url: /\ntheme: fancy"),
                           "site.yaml", ["no theme named 'fancy'"]),
    "template error in custom theme": (lambda s: write(s, "theme/templates/task.html", "{% if %}"),
                                       "task.html:1", ["template error"]),
    "yml extension": (lambda s: write(s, "content/notices/other.yml", "title: x\n"), "content/notices/other.yml",
                      [".yaml"]),
    "progress file of unknown notice": (lambda s: write(s, "content/progress/nope.yaml", '"1-1": []\n'),
                                        "content/progress/nope.yaml:1", ["no notice with id 'nope'"]),
    "config not a mapping": (lambda s: write(s, "site.yaml", "- a\n- b\n"), "site.yaml:1", ["expected a mapping"]),
}


@pytest.mark.parametrize("name", sorted(FILE_CASES))
def test_bad_files_are_located(mini, name):
    breaker, where, words = FILE_CASES[name]
    breaker(mini)
    assert_located(mini, where, words)


@pytest.mark.parametrize("name", ["bom", "crlf"])
def test_bom_and_crlf_are_fine(mini, name):
    text = (mini / NOTICE).read_text(encoding="utf-8")
    data = ("\ufeff" + text).encode("utf-8") if name == "bom" else text.replace("\n", "\r\n").encode("utf-8")
    write(mini, NOTICE, data)
    assert run("check", "--site", mini).exit_code == 0


def test_template_error_fails_build_and_keeps_previous_output(mini, tmp_path):
    out = tmp_path / "out"
    assert run("build", "--site", mini, "--output", out, "--no-search").exit_code == 0
    before = read_tree(out)
    write(mini, "theme/templates/task.html", "{% extends 'base.html' %}\n{% block content %}{{ task.nope( }}{% endblock %}")
    result = run("build", "--site", mini, "--output", out, "--no-search")
    assert result.exit_code == 1 and "task.html:2" in result.output and "Traceback" not in result.output
    assert read_tree(out) == before


PROGRESS = "content/progress/ceshi-2019-1.yaml"
# A bad date on the first of task 1-1's two updates: (its replacement, words the message must hold)
BAD_UPDATE_DATES = {
    "impossible date": ("  - date: 2019-02-30\n    ", ["1-1[0].date", "expected a date", "that date does not exist"]),
    "missing date": ("  - ", ["1-1[0].date", "missing required field", "add 'date:'"]),
    "empty date": ("  - date:\n    ", ["1-1[0].date", "empty required field", "give 'date:' a value"]),
    "date of the wrong type": ("  - date: [2019, 3]\n    ",
                               ["1-1[0].date", "expected a date", "got a list", "YYYY-MM-DD"]),
}


@pytest.mark.parametrize("name", sorted(BAD_UPDATE_DATES))
def test_bad_date_beside_other_updates_is_located(mini, tmp_path, name):
    """An update without a usable date is reported, not sorted among its task's other updates."""
    replacement, words = BAD_UPDATE_DATES[name]
    out = tmp_path / "out"
    assert run("build", "--site", mini, "--output", out, "--no-search").exit_code == 0
    before = read_tree(out)
    edit(mini, PROGRESS, "  - date: 2019-03-31\n    ", replacement)
    assert_located(mini, f"{PROGRESS}:2:", words)
    result = run("build", "--site", mini, "--output", out, "--no-search")
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert all(word in result.output for word in words), result.output
    assert read_tree(out) == before


def test_bad_date_and_bad_status_of_one_update_are_both_reported(mini):
    edit(mini, PROGRESS, "  - date: 2019-03-31\n    status: on-track\n", "  - date: 2019-02-30\n    status: on-trak\n")
    result = run("check", "--site", mini)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{PROGRESS}:2:5: error: 1-1[0].date" in result.output, result.output
    assert f"{PROGRESS}:3: error: status: unknown status 'on-trak'" in result.output, result.output
    assert len(re.findall(r": error: ", result.output)) == 2, result.output


@pytest.mark.parametrize("replacement, expected", [
    ("  - date:\n    status: on-track\n", [":2:5: error: 1-1[0].date: empty required field"]),
    ("  - date: 2019-03-31\n    status: 3\n", [":3:5: error: 1-1[0].status: expected an id"]),
    ("  - date: 2019-03-31\n    status:\n", [":3:5: error: 1-1[0].status: empty required field"]),
])
def test_one_bad_field_is_one_error(mini, replacement, expected):
    """An empty or mistyped field is reported once, where it stands (not again as missing, or as an
    unknown status 'None')."""
    edit(mini, PROGRESS, "  - date: 2019-03-31\n    status: on-track\n", replacement)
    result = run("check", "--site", mini)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert all(f"{PROGRESS}{where}" in result.output for where in expected), result.output
    assert len(re.findall(r": error: ", result.output)) == 1, result.output
