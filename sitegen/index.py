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
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .errors import SitegenError

EXTENDED_NAMES = ("pagefind_extended", "pagefind_extended.exe")
# Labels such as 牵头单位 / 完成时限 are the same on every page: keep them out of
# the index so a search for a label does not return every task.
EXCLUDE_SELECTORS = ("dt",)
# The override, for people who build Pagefind themselves; it must still be an extended build.
ENV_BINARY = "SITEGEN_PAGEFIND_BINARY"


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


def command(folder: Path) -> list[str]:
    args = [str(binary()), "--site", str(folder), "--silent"]
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    return args


def index(folder: Path) -> None:
    """Run Pagefind's extended binary (Chinese segmentation) over `folder`; writes folder/pagefind/."""
    try:
        result = subprocess.run(command(folder), capture_output=True, text=True, check=False)
    except OSError as error:
        raise SitegenError(f"cannot run Pagefind: {error}") from None
    if result.returncode < 0:  # killed: at scale, by the kernel for want of memory
        raise SitegenError(f"the search index failed: Pagefind was killed (signal {-result.returncode}), most "
                           "likely out of memory — it needs about 200 kB per indexed page (a 100,000-task site "
                           "needs over 20 GB; docs/performance.md) — build with --no-search to skip it")
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SitegenError("the search index failed (Pagefind): " + " / ".join(detail)
                           + " — build with --no-search to skip it")
