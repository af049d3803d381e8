"""Link integrity: every internal link and anchor in the output resolves."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..core.errors import SitegenError


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        for name in ("href", "src"):
            if values.get(name) and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                self.links.append(values[name])


@dataclass(frozen=True)
class BrokenLink:
    page: str
    link: str
    reason: str

    def format(self) -> str:
        return f"{self.page}: broken link {self.link} ({self.reason})"


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def check_links(folder: Path, base_path: str = "/") -> list[BrokenLink]:
    """Broken internal links and anchors of every HTML page under `folder`."""
    folder = Path(folder)
    pages = {p: _parse(p) for p in sorted(folder.rglob("*.html"))}
    broken = []
    for page, collector in pages.items():
        url = "/" + str(page.relative_to(folder)).replace("index.html", "")
        for link in collector.links:
            problem = _check(folder, base_path, url, link, pages)
            if problem:
                broken.append(BrokenLink(str(page.relative_to(folder)), link, problem))
    return broken


def _check(folder: Path, base_path: str, page_url: str, link: str, pages: dict) -> str | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:", "data:")):
        return None  # external: not ours to check offline
    absolute = urljoin(base_path + page_url.lstrip("/"), parts.path) if parts.path else base_path + page_url.lstrip("/")
    if not absolute.startswith(base_path):
        return f"outside the site's base path {base_path}"
    target = folder / unquote(absolute[len(base_path):])
    if target.is_dir() or absolute.endswith("/"):
        target = target / "index.html"
    if not target.is_file():
        return "no such page"
    if parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
        return f"no anchor #{parts.fragment}"
    return None


def check_output(folder: Path, base_path: str, searched: bool) -> None:
    """check_links over a staged output; SitegenError listing the broken links (the search index's own
    links only when it was built)."""
    broken = [b for b in check_links(folder, base_path)
              if searched or not b.link.startswith(base_path + "pagefind/")]
    if broken:
        shown = "\n".join(b.format() for b in broken[:50])
        more = f"\n… and {len(broken) - 50} more" if len(broken) > 50 else ""
        raise SitegenError(f"{len(broken)} broken internal link(s):\n{shown}{more}")
