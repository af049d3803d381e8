"""Markdown to safe HTML: the content's Markdown may hold raw HTML, so sanitise it."""

from __future__ import annotations

import functools
import re

import markdown as md
import nh3

# An allowlist: formatting and tables, links with safe schemes, nothing that runs.
TAGS = {"p", "br", "strong", "em", "b", "i", "u", "s", "sub", "sup", "code", "pre", "blockquote",
        "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
        "caption", "a", "hr", "span", "del", "ins", "abbr"}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"},
              "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}


@functools.lru_cache(maxsize=4096)
def render_markdown(text: str | None) -> str:
    if not text:
        return ""
    html = md.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener nofollow")


def plain_text(text: str | None) -> str:
    """Markdown as plain text, for exports and meta descriptions."""
    if not text:
        return ""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(^|\n)\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    return re.sub(r"[ \t]*\n\s*", "\n", text).strip()
