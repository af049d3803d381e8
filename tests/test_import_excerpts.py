"""Excerpts (no title, issuer or date), governments given by name, and review items that stay open."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from sitegen.cli import main

CORPUS = Path(__file__).parent / "importer_corpus"


def run(args):
    return CliRunner().invoke(main, args)


def jurisdictions(site):
    return yaml.safe_load((site / "content" / "jurisdictions.yaml").read_text(encoding="utf-8"))


def test_an_excerpt_imports_under_a_government_given_by_name(tmp_path):
    assert run(["init", str(tmp_path / "site")]).exit_code == 0
    site = tmp_path / "site"
    result = run(["import", str(CORPUS / "excerpt_table.txt"), "--site", str(site), "--jurisdiction", "桐庐县",
                  "--parent", "杭州市", "--source-url", "https://www.tonglu.gov.cn/art/2021/3/1/art_1.html"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((site / "content" / "notices" / "excerpt-table.yaml").read_text(encoding="utf-8"))
    assert (data["jurisdiction"], data["issuer"]) == ("tonglu", "桐庐县")
    assert data["source_url"] == "https://www.tonglu.gov.cn/art/2021/3/1/art_1.html"
    assert data["title"] and data["year"] == 2021
    assert any("no title" in item for item in data["review"])
    assert any("no issuer" in item for item in data["review"])
    chain = {j["id"]: j for j in jurisdictions(site)}
    assert chain["tonglu"] == {"id": "tonglu", "name": "桐庐县", "parent": "hangzhou", "level": "county"}
    assert chain["hangzhou"]["parent"] == "zhejiang" and chain["zhejiang"]["level"] == "province"
    assert run(["build", "--site", str(site), "--no-search"]).exit_code == 0


def test_a_new_government_without_a_parent_is_a_review_item(tmp_path):
    run(["init", str(tmp_path)])
    result = run(["import", str(CORPUS / "excerpt_table.txt"), "--site", str(tmp_path), "--jurisdiction", "某某县"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "content" / "notices" / "excerpt-table.yaml").read_text(encoding="utf-8"))
    assert any("without a parent" in item for item in data["review"])
    assert {"name": "某某县", "level": "county"}.items() <= next(
        j for j in jurisdictions(tmp_path) if j["name"] == "某某县").items()


def test_a_bad_source_url_or_name_is_refused(tmp_path):
    run(["init", str(tmp_path)])
    bad = run(["import", str(CORPUS / "inline.txt"), "--site", str(tmp_path), "--source-url", "www.example"])
    assert bad.exit_code == 1 and "--source-url" in bad.output
    odd = run(["import", str(CORPUS / "excerpt_table.txt"), "--site", str(tmp_path), "--jurisdiction", "某某委员会"])
    assert odd.exit_code == 1 and "level" in odd.output


def test_open_review_items_fail_check_strict_until_emptied(tmp_path):
    run(["init", str(tmp_path)])
    assert run(["import", str(CORPUS / "excerpt_table.txt"), "--site", str(tmp_path),
                "--jurisdiction", "桐庐县", "--parent", "杭州市"]).exit_code == 0
    loose = run(["check", "--site", str(tmp_path)])
    assert loose.exit_code == 0 and "open review item" in loose.output
    assert run(["check", "--site", str(tmp_path), "--strict"]).exit_code == 1
    path = tmp_path / "content" / "notices" / "excerpt-table.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["review"] = []
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run(["check", "--site", str(tmp_path), "--strict"]).exit_code == 0


def test_the_default_site_has_no_open_review_items():
    repo = Path(__file__).resolve().parents[1]
    result = run(["check", "--site", str(repo), "--strict"])
    assert result.exit_code == 0, result.output
