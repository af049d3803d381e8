"""Stage 5, index: the Pagefind search index of the site's tasks and notices.

Always Pagefind's *extended* binary (`pagefind_extended`, from the
`pagefind_bin_extended` wheel that `pagefind[extended]` installs), never a plain
`pagefind` or whatever is on PATH.

The records are made from the model (sitegen/searchrecord.py), not read back from
the written pages, and fed to Pagefind's service (`pagefind_extended --service`,
the protocol of its Python and Node APIs) as small HTML documents, which keep
`data-pagefind-weight`: one record per task, one per notice. docs/search.md says
what a record holds and why; docs/performance.md what it costs.

Up to `SHARD_PAGES` records it is one index in pagefind/. Above that the notices
are split, whole, into shards of about `SHARD_PAGES` records in order of
publication date, one Pagefind service per shard, one after the other, so memory
is bounded by the shard: the first shard's bundle goes to pagefind/, the others to
pagefind/1/, pagefind/2/, … Either way pagefind/shards.json lists the bundles,
which the search page merges (Pagefind's `mergeIndex`), and pagefind/sitegen.json
holds what the search page needs to widen a query (variants.py).
"""

from __future__ import annotations

import base64
import io
import json
import math
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from . import searchrecord, searchvariants
from .errors import SitegenError

EXTENDED_NAMES = ("pagefind_extended", "pagefind_extended.exe")
# The override, for people who build Pagefind themselves; it must still be an extended build.
ENV_BINARY = "SITEGEN_PAGEFIND_BINARY"
# Above this many records the index is built in shards of at most about this many records, so that
# Pagefind's memory, which grows with the shard, stays far below the build's limit (docs/performance.md).
# SITEGEN_SEARCH_SHARD_PAGES overrides it.
SHARD_PAGES = 8_000
ENV_SHARD_PAGES = "SITEGEN_SEARCH_SHARD_PAGES"
BUNDLE = "pagefind"  # the bundle folder in the output; shard n > 0 goes to pagefind/<n>/
MANIFEST = "shards.json"  # pagefind/shards.json: the bundles the search page merges
VARIANTS = "sitegen.json"  # pagefind/sitegen.json: traditional -> simplified table and synonyms (search.js)
# Every record's language: one index. Not zh: records are already one word per character
# (searchrecord.py), and for zh Pagefind would run its word segmenter over every character again, for
# nothing but time (docs/performance.md); "und" (undetermined) has no segmenter and no stemmer.
# The search page still cuts queries as Chinese: Pagefind's script segments by the page's lang.
LANGUAGE = "und"


def binary() -> Path:
    """The extended Pagefind binary, or a clear error saying how to install it."""
    override = os.environ.get(ENV_BINARY)
    if override:
        path = Path(override)
    else:
        try:
            from pagefind_bin_extended import get_executable
        except ImportError:
            raise SitegenError("the search index needs Pagefind's extended binary (Chinese word segmentation), "
                               "which is not installed — run: pip install 'pagefind[extended]', "
                               "or build with --no-search") from None
        try:
            path = get_executable()
        except (FileNotFoundError, OSError) as error:
            raise SitegenError(f"Pagefind's extended binary is broken: {error} — reinstall it with "
                               "pip install --force-reinstall pagefind_bin_extended, "
                               "or build with --no-search") from None
    if path.name not in EXTENDED_NAMES:
        raise SitegenError(f"{path}: not Pagefind's extended binary (pagefind_extended), which Chinese word "
                           "segmentation needs — install it with pip install 'pagefind[extended]'")
    if not path.is_file():
        raise SitegenError(f"{path}: Pagefind's extended binary is missing — pip install 'pagefind[extended]', "
                           "or build with --no-search")
    return path


def version() -> str:
    """e.g. 'pagefind_extended 1.5.2'."""
    path = binary()
    result = subprocess.run([str(path), "--version"], capture_output=True, text=True, check=False)
    return f"{path.name.removesuffix('.exe')} {result.stdout.strip().removeprefix('pagefind ').strip()}"


def command() -> list[str]:
    """Pagefind's service: reads requests on stdin, answers on stdout."""
    return [str(binary()), "--service"]


def shard_pages() -> int:
    """The shard size: SITEGEN_SEARCH_SHARD_PAGES if set, else SHARD_PAGES."""
    value = os.environ.get(ENV_SHARD_PAGES, "").strip()
    if not value:
        return SHARD_PAGES
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        number = 0
    if number < 1:
        raise SitegenError(f"{ENV_SHARD_PAGES}={value!r}: expected a whole number of pages, at least 1")
    return number


@dataclass(frozen=True)
class IndexedNotice:
    """A notice's folder under notices/, as the index sees it."""

    name: str  # the folder (the notice's id)
    date: str  # its search sort key (publication date, ISO), "" when it has none
    pages: int  # records: the notice page and its task pages


@dataclass(frozen=True)
class Shard:
    path: str  # the bundle folder, relative to pagefind/: "./" for the first, then "1/", "2/", …
    notices: tuple[IndexedNotice, ...]

    @property
    def pages(self) -> int:
        return sum(n.pages for n in self.notices)


def count_pages(folder: Path) -> int:
    """Records in a written index: the sum over the bundles of pagefind/shards.json."""
    manifest = json.loads((folder / BUNDLE / MANIFEST).read_text(encoding="utf-8"))
    return sum(shard["pages"] for shard in manifest["shards"])


def notices(site) -> list[IndexedNotice]:
    """Every notice with its date and record count (itself and its tasks), in date order (then by id)."""
    found = [IndexedNotice(n.id, n.published.isoformat() if n.published else "", 1 + len(n.tasks))
             for n in site.notices]
    return sorted(found, key=lambda n: (n.date, n.name))


def plan(found: list[IndexedNotice], limit: int) -> list[Shard]:
    """Whole notices, in the given (date) order, cut into the fewest shards of about `limit` records:
    each notice goes to the shard its middle page falls in when the records are split evenly."""
    total = sum(n.pages for n in found)
    count = max(1, math.ceil(total / limit))
    groups: list[list[IndexedNotice]] = [[] for _ in range(count)]
    before = 0
    for notice in found:
        groups[min(count - 1, int((before + notice.pages / 2) * count / total))].append(notice)
        before += notice.pages
    groups = [g for g in groups if g]
    return [Shard(f"{n}/" if n else "./", tuple(g)) for n, g in enumerate(groups)]


def index(folder: Path, site, limit: int | None = None) -> list[dict]:
    """Index `site`'s task and notice records (searchrecord.py) with Pagefind's extended binary, fed
    through its service (no page is read): writes folder/pagefind/ — in shards above `limit` records
    (default: shard_pages()) — folder/pagefind/shards.json and the search page's variants table
    (pagefind/sitegen.json), replacing any pagefind/ already there. Returns the manifest's shards."""
    limit = shard_pages() if limit is None else limit
    bundle = folder / BUNDLE
    if bundle.exists():  # a stale shard of an earlier run must not be merged
        shutil.rmtree(bundle)
    found = notices(site)
    sharded = sum(n.pages for n in found) > limit
    planned = plan(found, limit) if sharded else [Shard("./", tuple(found))]
    by_id = {n.id: n for n in site.notices}
    names = searchrecord.FilterNames(site)
    shards = []
    for number, shard in enumerate(planned):
        where = f"shard {number + 1} of {len(planned)}, {shard.pages:,} pages" if sharded else ""
        records = (page for n in shard.notices for page in searchrecord.pages(site, by_id[n.name], names))
        out = bundle / shard.path if number else bundle
        pages = _run(records, out, where, limit)
        entry = {"path": shard.path, "pages": pages}
        if sharded:
            entry.update(notices=len(shard.notices), dates=[shard.notices[0].date, shard.notices[-1].date])
        shards.append(entry)
    bundle.mkdir(parents=True, exist_ok=True)
    (bundle / MANIFEST).write_text(json.dumps({"shards": shards}, ensure_ascii=False) + "\n", encoding="utf-8")
    (bundle / VARIANTS).write_text(json.dumps(searchvariants.table(site), ensure_ascii=False, sort_keys=True) + "\n",
                                   encoding="utf-8")
    return shards


def _message(number: int, payload: dict) -> bytes:
    """One request of Pagefind's service protocol (what its Python and Node APIs send): base64 JSON, then a comma."""
    return base64.b64encode(json.dumps({"message_id": number, "payload": payload}).encode("utf-8")) + b","


def _run(records, out: Path, where: str, limit: int) -> int:
    """Pagefind's service (`pagefind_extended --service`), one index: every (url, html) record added, then
    the bundle written to `out`. Spoken to directly rather than through the `pagefind` package's
    PagefindIndex, which sleeps before reading each reply (docs/search.md). Requests are written from a
    thread while the replies are read, so neither pipe fills."""
    what = f" ({where})" if where else ""
    log = tempfile.TemporaryFile()  # noqa: SIM115 - Pagefind's stderr, read and closed after the run (finally below)
    try:
        process = subprocess.Popen(command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=log)
    except OSError as error:
        raise SitegenError(f"cannot run Pagefind: {error}") from None
    stdin, stdout = process.stdin, process.stdout
    assert stdin is not None and isinstance(stdout, io.BufferedReader)  # the pipes asked for, buffered
    sent = [0]
    failed: list = []

    def send() -> None:
        try:
            stdin.write(_message(0, {"type": "NewIndex", "config": {"exclude_selectors": [],
                                                                     "force_language": LANGUAGE}}))
            for url, html in records:
                sent[0] += 1
                stdin.write(_message(sent[0], {"type": "AddFile", "index_id": 0, "url": url,
                                               "file_path": None, "file_contents": html}))
            sent[0] += 1
            stdin.write(_message(sent[0], {"type": "WriteFiles", "index_id": 0, "output_path": str(out)}))
            stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # the service died: reported from its exit status below
        except BaseException as error:  # a record that cannot be made: re-raised in the caller
            failed.append(error)
            process.kill()

    writer = threading.Thread(target=send, name="pagefind-records", daemon=True)
    writer.start()
    pages, done, errors = 0, False, []
    try:
        buffer = b""
        while not done:
            chunk = stdout.read1(1 << 16)
            if not chunk:
                break
            buffer += chunk
            *replies, buffer = buffer.split(b",")
            for reply in replies:
                payload = json.loads(base64.b64decode(reply))["payload"]
                if payload["type"] == "Error":
                    errors.append(payload.get("message", ""))
                elif payload["type"] == "IndexedFile":
                    pages += 1
                elif payload["type"] == "WriteFiles":
                    done = True
    finally:
        stdin.close() if done else process.kill()
        returncode = process.wait()
        writer.join()
        log.seek(0)
        detail = log.read().decode("utf-8", "replace").strip().splitlines()[-5:]
        log.close()
    if failed:
        raise failed[0]
    if not done and returncode < 0:  # killed: at scale, by the kernel for want of memory
        raise SitegenError(f"the search index failed: Pagefind was killed by signal {-returncode}{what}, "
                           "most likely out of memory — it needs about 100 kB per record and indexes up to "
                           f"{limit:,} records at a time: set {ENV_SHARD_PAGES} lower (docs/search.md), or build "
                           "with --no-search to skip the index")
    if errors or not done:
        raise SitegenError(f"the search index failed (Pagefind{what}): " + " / ".join((errors or detail)[-5:])
                           + " — build with --no-search to skip it")
    return pages
