"""Escaping for the markup sitegen writes by hand (Atom feeds, the sitemap, SVG badges): one function for
text and one for attribute values, both dropping what XML 1.0 forbids (C0 controls but tab, newline and
carriage return; lone surrogates; U+FFFE, U+FFFF), so no content makes a feed or a badge invalid XML.
Pages are written by Jinja, whose autoescape quotes attributes the same way."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value) -> str:
    """Text between tags: & < > escaped."""
    return escape(_FORBIDDEN.sub("", str(value)))


def xml_attr(value) -> str:
    """An attribute value, to stand between double quotes: & < > " ' escaped."""
    return xml_text(value).replace('"', "&quot;").replace("'", "&#39;")
