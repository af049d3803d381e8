"""Shared by the search benchmarks and the browser tests: serve a built site on
127.0.0.1 from a thread, drive Debian's Chromium through Playwright, and run
Pagefind's own browser search (the site's pagefind/pagefind.js) on it.

Playwright is used with the system Chromium (/usr/bin/chromium); its own
browser downloads are never needed.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import threading
from pathlib import Path

CHROMIUM = os.environ.get("SITEGEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def unspaced(content: str) -> str:
    """A record's text as written: records hold it one character per word (sitegen/render/searchrecord.py)."""
    return content.replace("\u200b", "").replace(" ", "")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve(folder: Path):
    """Serve `folder` on 127.0.0.1 (a free port); yields the base URL without a trailing slash."""
    handler = functools.partial(_Handler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@contextlib.contextmanager
def chromium():
    """A headless Chromium (Playwright driving /usr/bin/chromium)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


# Runs in the page: Pagefind's JS API over the served index; returns the URLs of
# every result, best first, for each query (fragments cached by page id).
SEARCH_JS = """
async ([queries, filters]) => {
  if (!window.__pf) {
    window.__pf = await import('/pagefind/pagefind.js');
    await window.__pf.init();
    window.__urls = new Map();
  }
  const pf = window.__pf, urls = window.__urls, out = {};
  for (const q of queries) {
    const r = await pf.search(q, {filters: filters || {}});
    const list = [];
    for (const x of r.results) {
      if (!urls.has(x.id)) urls.set(x.id, (await x.data()).url);
      list.push(urls.get(x.id));
    }
    out[q] = list;
  }
  return out;
}
"""


# The same, through the search page's own code (search.js: window.SitegenSearch),
# which is how people search: the page must be the site's /search/.
SITE_SEARCH_JS = """
async ([queries, filters]) => {
  const S = window.SitegenSearch;
  const pf = await S.load(document.getElementById('search-form').dataset.pagefind);
  window.__urls = window.__urls || new Map();
  const urls = window.__urls, out = {};
  for (const q of queries) {
    const results = (await S.search(pf, q, filters || {}, '')) || [];
    const list = [];
    for (const x of results) {
      if (!urls.has(x.id)) urls.set(x.id, (await x.data()).url);
      list.push(urls.get(x.id));
    }
    out[q] = list;
  }
  return out;
}
"""


def pagefind_search(page, queries: list[str], filters: dict | None = None, batch: int = 50,
                    raw: bool = False) -> dict[str, list[str]]:
    """Search for each query in an open page of the served site; url lists, best first.

    By default as the search page does (search.js); raw=True calls pagefind.search(q) directly."""
    results: dict[str, list[str]] = {}
    script = SEARCH_JS if raw else SITE_SEARCH_JS
    for start in range(0, len(queries), batch):
        results.update(page.evaluate(script, [queries[start:start + batch], filters or {}]))
    return results


def fragments(site: Path) -> dict[str, dict]:
    """Every indexed record as Pagefind stored it: url -> {content, filters, meta}."""
    records = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{"):].decode("utf-8"))
        record["content"] = unspaced(record["content"])
        records[record["url"]] = record
    return records
