"""The one check for addresses the site links to or is published at (base_url, --base-url, source_url).

Only two shapes are accepted: `http(s)://host/…` and a path that starts with a single `/`.
Anything else can turn every link of the site into script (`javascript:alert(1)//x`) or load the
site's scripts and stylesheets from another host (`//evil.example/`, `/\\evil.example/`).
"""

from __future__ import annotations

import re
from typing import TypeGuard

EXPECTED = "an address http(s)://host/… or a path starting with a single /"
# host: letters, digits, dots and dashes (or an IPv6 literal), an optional port; no userinfo (`a@b`)
_HOST = r"(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?"
_REST = r"[^\s\"'<>\\`]*"  # nothing that ends an attribute, starts a tag or browsers read as /
_ABSOLUTE = re.compile(rf"https?://{_HOST}(?:[/?#]{_REST})?", re.ASCII)
_PATH = re.compile(rf"/(?![/\\]){_REST}", re.ASCII)
_BASE_REST = re.compile(r"[^?#]*")  # a base has no query or fragment: page paths are appended to it


def is_url(value: object) -> TypeGuard[str]:
    """A link the site may publish (source_url): http(s)://host… or /path."""
    if not isinstance(value, str):
        return False
    return bool(_ABSOLUTE.fullmatch(value) or _PATH.fullmatch(value))


def is_base_url(value: object) -> bool:
    """Where the site is published (base_url, --base-url): as `is_url`, without a query or fragment."""
    return is_url(value) and bool(_BASE_REST.fullmatch(value.split("://", 1)[-1]))
