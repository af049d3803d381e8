"""sitemap.xml and robots.txt, so search engines find every commitment."""

from __future__ import annotations

from .escaping import xml_text

MAX_URLS = 50_000  # the sitemap protocol's limit per file


def publishing_files(site, urls: list[str]):
    """sitemap.xml (when the base URL is absolute) and robots.txt, for the pages at `urls`."""
    listed = [u for u in urls if u.endswith("/") and not u.endswith("/print/")]  # print pages are noindex
    yield from sitemap_files(site.config.absolute_base, listed)
    yield "robots.txt", robots(site.config.absolute_base)


def sitemap_files(base: str | None, urls: list[str]):
    """(path, bytes) of sitemap.xml — an index of sitemap-N.xml parts when there are many URLs.
    `base` is the configuration's absolute_base; without one no sitemap is possible."""
    if base is None:
        return
    chunks = [urls[i:i + MAX_URLS] for i in range(0, len(urls), MAX_URLS)] or [[]]
    if len(chunks) == 1:
        yield "sitemap.xml", _urlset(base, chunks[0])
        return
    for number, chunk in enumerate(chunks, 1):
        yield f"sitemap-{number}.xml", _urlset(base, chunk)
    entries = "".join(f"<sitemap><loc>{xml_text(base)}sitemap-{n}.xml</loc></sitemap>\n"
                      for n in range(1, len(chunks) + 1))
    yield "sitemap.xml", _xml(f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}'
                              "</sitemapindex>\n")


def _urlset(base: str, urls: list[str]) -> bytes:
    entries = "".join(f"<url><loc>{xml_text(base + u.lstrip('/'))}</loc></url>\n" for u in urls)
    return _xml(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n')


def _xml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")


def robots(base: str | None) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if base:
        lines.append(f"Sitemap: {base}sitemap.xml")
    return ("\n".join(lines) + "\n").encode("utf-8")
