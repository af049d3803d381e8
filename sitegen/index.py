"""Stage 5, index: the Pagefind search index over the written pages.

Always Pagefind's *extended* binary (`pagefind_extended`, from the
`pagefind_bin_extended` wheel that `pagefind[extended]` installs): only the
extended build segments Chinese text into words. The plain `pagefind` binary
would index every run of Chinese characters between punctuation as a single
"word", and searching for 棚户区 would miss a task about 棚户区改造. So we never
fall back to it, nor to whatever `pagefind` happens to be on PATH.

What is indexed is decided by the templates (docs/search.md): each task page is
one record (`data-pagefind-body` on its article, with filters, a date sort key
and result metadata from search_record.html); a notice page indexes only its
title, facts and text; listing pages carry no `data-pagefind-body` and so are
not indexed at all.

Pagefind holds the whole index in memory (~200 kB per indexed page: a
100,000-task site needed over 20 GB). Up to `SHARD_PAGES` records (task pages
plus notice pages, counted from the folders under notices/) it is one run over
the site into pagefind/, as it always was. Above that the notices are split,
whole, into shards of at most about `SHARD_PAGES` records, in order of
publication date, and Pagefind runs once per shard, one after the other
(`--glob` over the shard's notice folders): the first shard's bundle goes to
pagefind/, the others to pagefind/1/, pagefind/2/, …, so memory is bounded by
the shard. Either way pagefind/shards.json lists the bundles, which the search
page loads and merges (Pagefind's `mergeIndex`, docs/search.md). Because the
shards follow each other in date order, the search page sorts by date across
them by putting one shard's date-sorted results after another's.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import SitegenError

EXTENDED_NAMES = ("pagefind_extended", "pagefind_extended.exe")
# Labels such as 牵头单位 / 完成时限 are the same on every page: keep them out of
# the index so a search for a label does not return every task.
EXCLUDE_SELECTORS = ("dt",)
# The override, for people who build Pagefind themselves; it must still be an extended build.
ENV_BINARY = "SITEGEN_PAGEFIND_BINARY"
# Above this many records the index is built in shards of at most about this many records
# (Pagefind needs ~200 kB a record: ~4 GB a shard). SITEGEN_SEARCH_SHARD_PAGES overrides it.
SHARD_PAGES = 20_000
ENV_SHARD_PAGES = "SITEGEN_SEARCH_SHARD_PAGES"
BUNDLE = "pagefind"  # the bundle folder in the output; shard n > 0 goes to pagefind/<n>/
MANIFEST = "shards.json"  # pagefind/shards.json: the bundles the search page merges
NOTICES = "notices"
NOT_RECORDS = ("print", "original")  # sub-folders of a notice folder that are not task pages
_DATE = re.compile(rb'data-pagefind-sort="date">([^<]*)<')
_GLOB_SPECIAL = re.compile(r"[\\*?\[\]{}(),!]")


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
                               "pip install --force-reinstall pagefind_bin_extended, or build with --no-search") from None
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


def command(folder: Path, glob: str | None = None, output_subdir: str | None = None) -> list[str]:
    args = [str(binary()), "--site", str(folder), "--silent"]
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    if glob:
        args += ["--glob", glob]
    if output_subdir:
        args += ["--output-subdir", output_subdir]
    return args


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
class Notice:
    """A notice's folder under notices/, as the index sees it."""

    name: str  # the folder (the notice's id)
    date: str  # its search sort key (publication date, ISO), "" when it has none
    pages: int  # records: the notice page and its task pages


@dataclass(frozen=True)
class Shard:
    path: str  # the bundle folder, relative to pagefind/: "./" for the first, then "1/", "2/", …
    notices: tuple[Notice, ...]

    @property
    def pages(self) -> int:
        return sum(n.pages for n in self.notices)

    @property
    def glob(self) -> str:
        names = [n.name for n in self.notices]
        odd = [name for name in names if _GLOB_SPECIAL.search(name)]
        if odd:  # notice ids are slugs (schema.SLUG): this is a folder someone else put there
            raise SitegenError(f"{NOTICES}/{odd[0]}: a folder name Pagefind's --glob cannot list as it is")
        return f"{NOTICES}/{names[0] if len(names) == 1 else '{' + ','.join(names) + '}'}/**/*.html"


def count_pages(folder: Path) -> int:
    """Records the index will hold: task pages and notice pages, counted from the folders (no page is read)."""
    return sum(_records(entry.path) for entry in _notice_folders(folder))


def notices(folder: Path) -> list[Notice]:
    """Every notice folder with its date and record count, in date order (then by name)."""
    found = [Notice(entry.name, _date(Path(entry.path) / "index.html"), _records(entry.path))
             for entry in _notice_folders(folder)]
    return sorted(found, key=lambda n: (n.date, n.name))


def plan(found: list[Notice], limit: int) -> list[Shard]:
    """Whole notices, in the given (date) order, cut into the fewest shards of about `limit` records:
    each notice goes to the shard its middle page falls in when the records are split evenly."""
    total = sum(n.pages for n in found)
    count = max(1, math.ceil(total / limit))
    groups: list[list[Notice]] = [[] for _ in range(count)]
    before = 0
    for notice in found:
        groups[min(count - 1, int((before + notice.pages / 2) * count / total))].append(notice)
        before += notice.pages
    groups = [g for g in groups if g]
    return [Shard(f"{n}/" if n else "./", tuple(g)) for n, g in enumerate(groups)]


def _notice_folders(folder: Path) -> list[os.DirEntry]:
    try:
        entries = sorted(os.scandir(folder / NOTICES), key=lambda e: e.name)
    except FileNotFoundError:
        return []
    return [e for e in entries if e.is_dir() and os.path.isfile(os.path.join(e.path, "index.html"))]


def _records(path: str) -> int:
    return 1 + sum(1 for e in os.scandir(path) if e.is_dir() and e.name not in NOT_RECORDS)


def _date(page: Path) -> str:
    with page.open("rb") as handle:
        head = handle.read(1 << 16)
        found = _DATE.search(head) or _DATE.search(head + handle.read())
    return found.group(1).decode("utf-8").strip() if found else ""


def index(folder: Path, limit: int | None = None) -> list[dict]:
    """Run Pagefind's extended binary (Chinese segmentation) over `folder`: writes folder/pagefind/ — in
    shards above `limit` records (default: shard_pages()) — and folder/pagefind/shards.json, replacing any
    pagefind/ already there. Returns the manifest's shards."""
    limit = shard_pages() if limit is None else limit
    bundle = folder / BUNDLE
    if bundle.exists():  # a stale shard of an earlier run must not be merged
        shutil.rmtree(bundle)
    if count_pages(folder) <= limit:  # one index over the whole site, as before sharding
        _run(command(folder), "", limit)
        shards = [{"path": "./", "pages": _indexed(bundle)}]
    else:
        planned = plan(notices(folder), limit)
        shards = []
        for number, shard in enumerate(planned):
            where = f"shard {number + 1} of {len(planned)}, {shard.pages:,} pages"
            _run(command(folder, shard.glob, f"{BUNDLE}/{number}" if number else BUNDLE), where, limit)
            shards.append({"path": shard.path, "pages": _indexed(bundle / shard.path), "notices": len(shard.notices),
                           "dates": [shard.notices[0].date, shard.notices[-1].date]})
    (bundle / MANIFEST).write_text(json.dumps({"shards": shards}, ensure_ascii=False) + "\n", encoding="utf-8")
    return shards


def _indexed(bundle: Path) -> int:
    """Pages in a written bundle, from Pagefind's own pagefind-entry.json."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return 0
    return sum(language["page_count"] for language in entry["languages"].values())


def _run(args: list[str], where: str, limit: int) -> None:
    what = f" ({where})" if where else ""
    try:
        result = subprocess.run(args, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SitegenError(f"cannot run Pagefind: {error}") from None
    if result.returncode < 0:  # killed: at scale, by the kernel for want of memory
        raise SitegenError(f"the search index failed: Pagefind was killed by signal {-result.returncode}{what}, "
                           "most likely out of memory — it needs about 200 kB per indexed page and indexes up to "
                           f"{limit:,} pages at a time: set {ENV_SHARD_PAGES} lower (docs/search.md), or build "
                           "with --no-search to skip the index")
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SitegenError(f"the search index failed (Pagefind{what}): " + " / ".join(detail)
                           + " — build with --no-search to skip it")
