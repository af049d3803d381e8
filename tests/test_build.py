"""Real builds of the small fixture site in temporary folders."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import read_tree, run


@pytest.fixture
def built(mini, tmp_path):
    out = tmp_path / "out"
    result = run("build", "--site", mini, "--output", out, "--no-search")
    assert result.exit_code == 0, result.output
    return out


def test_two_builds_are_byte_identical(mini, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run("build", "--site", mini, "--output", first, "--no-search").exit_code == 0
    assert run("build", "--site", mini, "--output", second, "--no-search").exit_code == 0
    assert read_tree(first) == read_tree(second)


def test_parallel_and_serial_builds_are_byte_identical(tmp_path, monkeypatch):
    # The default site (~1,000 pages) is over parallel.MIN_PAGES: it is shared out between two workers
    # by government, each with its own memo() of card parts; one process must give the same bytes.
    from conftest import ROOT

    outputs = []
    for workers in ("1", "2"):
        monkeypatch.setenv("SITEGEN_WORKERS", workers)
        outputs.append(tmp_path / f"w{workers}")
        assert run("build", "--site", ROOT, "--output", outputs[-1], "--no-search").exit_code == 0
    from sitegen.core.parallel import MIN_PAGES

    assert sum(1 for _ in outputs[1].rglob("*.html")) >= MIN_PAGES  # else both builds ran in one process
    assert read_tree(outputs[0]) == read_tree(outputs[1])


def test_rebuild_replaces_output_and_leaves_no_staging(mini, tmp_path):
    out = tmp_path / "out"
    assert run("build", "--site", mini, "--output", out, "--no-search").exit_code == 0
    (out / "stale.html").write_text("old")  # in an output sitegen wrote (it holds .sitegen-output)
    assert run("build", "--site", mini, "--output", out, "--no-search").exit_code == 0
    assert not (out / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out.staging")) == []


def test_pages_exist_for_every_object(built):
    for path in ["index.html", "404.html", "search/index.html", "data/index.html", "notices/index.html",
                 "notices/ceshi-2019-1/index.html", "notices/ceshi-2019-1/1-1/index.html",
                 "units/index.html", "units/ceshi-shi/shi-fa-gai-wei/index.html", "themes/index.html",
                 "themes/sheng-tai/index.html", "leaders/index.html", "leaders/ceshi-shi/zhang-san/index.html",
                 "jurisdictions/ceshi-shi/index.html"]:
        assert (built / path).is_file(), path


def test_pages_are_chinese_and_link_names(built):
    page = (built / "notices/ceshi-2019-1/1-1/index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN"' in page
    assert 'href="/units/ceshi-shi/shi-fa-gai-wei/"' in page
    assert 'href="/leaders/ceshi-shi/zhang-san/"' in page
    assert 'href="/themes/sheng-tai/"' in page


def test_unit_page_lists_every_task_with_its_role(built):
    page = (built / "units/ceshi-shi/shi-fa-gai-wei/index.html").read_text(encoding="utf-8")
    assert 'href="/notices/ceshi-2019-1/1-1/"' in page and 'href="/notices/ceshi-2019-1/1-2/"' in page
    assert "牵头" in page


def test_tasks_json_matches_the_brief(built):
    tasks = json.loads((built / "data/tasks.json").read_text(encoding="utf-8"))
    first = {t["id"]: t for t in tasks}["ceshi-2019-1/1-2"]
    assert first["units"] == ["市财政局", "市发改委"]
    assert first["units_printed"] == ["市财政局", "发改委"]  # the alias as printed
    assert first["lead_units"] == []
    assert first["section"] == ["2019年政府工作报告重点工作责任分解", "一、张三市长牵头重点工作"]
    assert first["leader"] == "张三" and first["status"] == "behind" and first["progress"] == 20
    assert first["url"] == "/notices/ceshi-2019-1/1-2/"
    third = {t["id"]: t for t in tasks}["ceshi-2019-1/1-3"]
    assert third["lead_units"] == ["各区县政府"] and third["status"] == "not-reported"
    assert len({t["id"] for t in tasks}) == len(tasks) == 3


def test_tasks_csv_has_bom_and_joined_lists(built):
    raw = (built / "data/tasks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["units"] == "市发改委、市财政局"
    assert len(rows) == 3


def test_notices_and_units_json(built):
    notices = json.loads((built / "data/notices.json").read_text(encoding="utf-8"))
    assert notices[0]["task_count"] == 3 and notices[0]["doc_number"] == "测政办发〔2019〕1号"
    units = {u["name"]: u for u in json.loads((built / "data/units.json").read_text(encoding="utf-8"))}
    fgw = units["市发改委"]
    assert fgw["aliases"] == ["发改委", "市发展改革委"]
    assert fgw["tasks"] == ["ceshi-2019-1/1-1", "ceshi-2019-1/1-2"] and fgw["lead_tasks"] == ["ceshi-2019-1/1-1"]
    assert fgw["print_url"] == "/units/ceshi-shi/shi-fa-gai-wei/print/"


def test_every_export_field_is_documented_on_the_data_page(built):
    page = (built / "data/index.html").read_text(encoding="utf-8")
    documented = set(re.findall(r'data-field="([a-z_]+\.[a-z_]+)"', page))
    for name in ("tasks.json", "notices.json", "units.json"):
        records = json.loads((built / "data" / name).read_text(encoding="utf-8"))
        prefix = name.split(".")[0]
        missing = {f"{prefix}.{k}" for k in records[0]} - documented
        assert not missing, f"undocumented on /data/: {sorted(missing)}"


def test_sub_path_base_url_prefixes_links(mini, tmp_path):
    out = tmp_path / "out"
    assert run("build", "--site", mini, "--output", out, "--no-search", "--base-url",
               "https://example.org/tasks/").exit_code == 0
    page = (out / "notices/ceshi-2019-1/index.html").read_text(encoding="utf-8")
    assert 'href="/tasks/units/ceshi-shi/shi-fa-gai-wei/"' in page
    assert 'href="/units/' not in page


def test_long_listings_are_paginated(mini, tmp_path):
    notice = mini / "content/notices/ceshi-2019-1.yaml"
    extra = "".join(f"          - id: 9-{i}\n            number: \"{i}\"\n            text: 任务{i}\n"
                    f"            units: [市环保局]\n" for i in range(1, 251))
    notice.write_text(notice.read_text(encoding="utf-8").replace("      - number: 二、", extra + "      - number: 二、"),
                      encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", "--site", mini, "--output", out, "--no-search").exit_code == 0
    unit = out / "units/ceshi-shi/shi-huan-bao-ju"
    assert (unit / "page/2/index.html").is_file() and (unit / "page/3/index.html").is_file()
    assert not (unit / "page/4").exists()
    assert 'href="/units/ceshi-shi/shi-huan-bao-ju/page/2/"' in (unit / "index.html").read_text(encoding="utf-8")


def test_init_creates_a_site_that_builds(tmp_path):
    assert run("init", tmp_path / "new").exit_code == 0
    assert run("build", "--site", tmp_path / "new", "--no-search").exit_code == 0
    assert (tmp_path / "new/output/index.html").is_file()
    assert run("init", tmp_path / "new").exit_code == 1


def test_status_pages_list_tasks_by_current_status(built):
    behind = (built / "status/behind/index.html").read_text(encoding="utf-8")
    assert 'href="/notices/ceshi-2019-1/1-2/"' in behind and 'href="/notices/ceshi-2019-1/1-1/"' not in behind
    assert 'href="/notices/ceshi-2019-1/1-3/"' in (built / "status/not-reported/index.html").read_text(encoding="utf-8")


def test_indexes_per_government(built):
    page = (built / "units/ceshi-shi/index.html").read_text(encoding="utf-8")
    assert 'href="/units/ceshi-shi/shi-fa-gai-wei/"' in page
    assert (built / "leaders/ceshi-shi/index.html").is_file()


def test_big_indexes_list_governments_only(mini, tmp_path, monkeypatch):
    import sitegen.render.render as render

    monkeypatch.setattr(render, "INDEX_LIMIT", 2)  # as if the site had thousands of units
    out = tmp_path / "out"
    assert run("build", "--site", mini, "--output", out, "--no-search").exit_code == 0
    index = (out / "units/index.html").read_text(encoding="utf-8")
    assert 'href="/units/ceshi-shi/"' in index and "shi-fa-gai-wei" not in index
    assert "shi-fa-gai-wei" in (out / "units/ceshi-shi/index.html").read_text(encoding="utf-8")
