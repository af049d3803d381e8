"""Publishing: base URL at a root and under a sub-path, sitemap, meta tags, assets, open data."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, run
from sitegen.write.links import check_links

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module", params=["https://tasks.example.org/", "https://example.org/gov/tasks/"])
def built(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("pub") / "out"
    result = run("build", "--site", ROOT, "--output", out, "--no-search", "--check-links", "--base-url", request.param)
    assert result.exit_code == 0, result.output
    return out, request.param


def base_path(base_url: str) -> str:
    return "/" + base_url.split("://", 1)[1].partition("/")[2]


def test_every_internal_link_resolves_under_the_base_path(built):
    out, base_url = built
    assert [b for b in check_links(out, base_path(base_url)) if "/pagefind/" not in b.link] == []
    home = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{base_path(base_url)}notices/"' in home


def test_sitemap_lists_pages_with_absolute_urls(built):
    out, base_url = built
    urls = [e.text for e in ET.parse(out / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    assert f"{base_url}notices/jinan-2017-jizhengbanzi-22/1-23/" in urls
    assert all(u.startswith(base_url) for u in urls)
    assert not [u for u in urls if u.endswith("/print/")]
    assert f"Sitemap: {base_url}sitemap.xml" in (out / "robots.txt").read_text(encoding="utf-8")


def test_task_pages_carry_canonical_and_open_graph(built):
    out, base_url = built
    page = (out / "notices/jinan-2017-jizhengbanzi-22/1-23/index.html").read_text(encoding="utf-8")
    url = f"{base_url}notices/jinan-2017-jizhengbanzi-22/1-23/"
    assert f'<link rel="canonical" href="{url}">' in page
    assert f'<meta property="og:url" content="{url}">' in page
    assert re.search(r'<meta property="og:description" content="搭建泉城科创交易大平台', page)
    assert re.search(r'<meta name="description" content="搭建泉城科创交易大平台', page)
    assert '<meta property="og:title" content="第23项' in page


def test_assets_are_fingerprinted_and_referenced(built):
    out, base_url = built
    page = (out / "index.html").read_text(encoding="utf-8")
    css = re.search(r'href="([^"]*/assets/style\.[0-9a-f]{10}\.css)"', page)
    assert css, "style sheet not fingerprinted"
    assert (out / css.group(1)[len(base_path(base_url)):]).is_file()


def test_per_notice_and_per_unit_open_data(built):
    out, _ = built
    notice = json.loads((out / "data/notices/jiyang-2023.json").read_text(encoding="utf-8"))
    assert len(notice) == 19 and notice[0]["notice"] == "jiyang-2023"
    assert (out / "data/notices/jiyang-2023.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    units = json.loads((out / "data/units.json").read_text(encoding="utf-8"))
    unit = next(u for u in units if u["name"] == "市发改委" and u["jurisdiction"] == "济南市")
    unit_file = json.loads((out / ("data/units/" + unit["id"] + ".json")).read_text(encoding="utf-8"))
    assert [t["id"] for t in unit_file] == unit["tasks"]


def test_netlify_config_publishes_output_with_headers():
    import tomllib

    config = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
    assert config["build"]["publish"] == "output" and "sitegen build" in config["build"]["command"]
    headers = {h["for"]: h["values"] for h in config["headers"]}
    csp = headers["/*"]["Content-Security-Policy"]
    assert "'wasm-unsafe-eval'" in csp and "'unsafe-inline'" not in csp and "default-src 'self'" in csp
    assert headers["/*"]["X-Content-Type-Options"] == "nosniff" and "Referrer-Policy" in headers["/*"]
    assert "immutable" in headers["/assets/*"]["Cache-Control"]
    assert any(r.get("status") == 404 and r["to"] == "/404.html" for r in config["redirects"])


def test_ci_keeps_the_cache_between_runs_with_its_key():
    """Netlify and the GitHub workflow build with --cache, keep the folder, and authenticate it (docs/security.md)."""
    import tomllib

    config = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
    assert "--cache .sitegen-cache" in config["build"]["command"]
    assert any(p["package"] == "netlify-plugin-cache" and ".sitegen-cache" in p["inputs"]["paths"]
               for p in config["plugins"])
    workflow = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    assert "actions/cache@" in workflow and "path: .sitegen-cache" in workflow
    assert "SITEGEN_CACHE_KEY: ${{ secrets.SITEGEN_CACHE_KEY }}" in workflow
    assert "--cache .sitegen-cache" in workflow


def test_no_inline_script_or_style_breaks_the_csp(built):
    out, _ = built
    for page in list(out.rglob("*.html"))[:400]:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", html), page
        assert " onclick=" not in html and " onload=" not in html, page


def test_no_inline_style_attributes_either(built):
    out, _ = built
    for page in list(out.rglob("*.html"))[:400]:
        assert ' style="' not in page.read_text(encoding="utf-8"), page
