"""Markdown to safe HTML: the content's Markdown may hold raw HTML, so sanitise it."""

from __future__ import annotations

import functools
import re
from html import escape

import markdown as md
import nh3

# An allowlist: formatting and tables, links with safe schemes, nothing that runs.
TAGS = {"p", "br", "strong", "em", "b", "i", "u", "s", "sub", "sup", "code", "pre", "blockquote",
        "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
        "caption", "a", "hr", "span", "del", "ins", "abbr"}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"},
              "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}


# A one-paragraph text with no Markdown syntax and nothing to escape renders as <p>text</p>: most task and
# progress texts. Checked against markdown + nh3 on every line of the real notices and synthetic content
# (benchmarks/), this skips the parser; anything else takes the full path.
_PLAIN = re.compile(r"[^\x00-\x1f\x7f\xa0&<>*_`\\\[\]!#|~\"'=+\-]+")
_LIST_START = re.compile(r"\d+[.)]")


def render_markdown(text: str | None) -> str:
    if not text:
        return ""
    if text == text.strip() and _PLAIN.fullmatch(text) and not _LIST_START.match(text):
        return "<p>" + text + "</p>"
    return _convert(text)


# Unbounded: each distinct text is converted once per process, and a task's text shows on up to ten
# pages in no useful order (a bounded LRU thrashed: docs/performance.md). Plain
# texts take the fast path above and are not kept, so the cache holds only the few with Markdown.
@functools.cache
def _convert(text: str) -> str:
    try:
        html = md.markdown(_bounded(text), extensions=["tables", "sane_lists"], output_format="html")
    except RecursionError:  # list markers nested hundreds deep on one line ("1. 1. 1. …"): shown as text
        html = "<p>" + escape(text).replace("\n", "<br>\n") + "</p>"
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener nofollow")


# Python-Markdown's link and image patterns look for the closing ] and ) from every [, and its raw HTML
# patterns for the closing > from every <: a run of thousands of [ or < without them takes time quadratic
# in its length (docs/security.md). Past MAX_BRACKETS of one kind, each [ that does not open
# a plain [text](address), and each < that does not open a tag closed on its line, is escaped: it renders
# as the character it is anyway. Texts with fewer (all real ones) are converted as written.
MAX_BRACKETS = 32
_SIMPLE_LINK = re.compile(r'!?\[[^\[\]\n]*\]\([^()\s]*(?:\s+"[^"\n]*")?\)')
_SIMPLE_TAG = re.compile(r"<[^<>\n]*>")


def _bounded(text: str) -> str:
    if text.count("[") > MAX_BRACKETS:
        text = _escape_outside(text, _SIMPLE_LINK, "[", "\\[")
    if text.count("<") > MAX_BRACKETS:
        text = _escape_outside(text, _SIMPLE_TAG, "<", "&lt;")
    return text


def _escape_outside(text: str, keep: re.Pattern, char: str, escaped: str) -> str:
    parts, end = [], 0
    for found in keep.finditer(text):
        parts += [text[end:found.start()].replace(char, escaped), found.group()]
        end = found.end()
    parts.append(text[end:].replace(char, escaped))
    return "".join(parts)


# Each pattern stops at the next opening character, so a run of [ or < is read once, not once from each
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_TAG = re.compile(r"<[^<>]+>")
_BLOCK_MARK = re.compile(r"(^|\n)\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+")
_INLINE_MARK = re.compile(r"(\*\*|__|\*|_|`)")
_LINE_BREAK = re.compile(r"(?<![ \t])[ \t]*\n\s*")  # from the start of a run of spaces only: linear


# A task page asks for its text as plain text several times (description, search record, hints):
# a small cache serves them all.
@functools.lru_cache(maxsize=1024)
def plain_text(text: str | None) -> str:
    """Markdown as plain text, for exports and meta descriptions."""
    if not text:
        return ""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _BLOCK_MARK.sub(r"\1", text)
    text = _INLINE_MARK.sub("", text)
    return (_LINE_BREAK.sub("\n", text) if "\n" in text else text).strip()  # (a line break to match: most are one line)
