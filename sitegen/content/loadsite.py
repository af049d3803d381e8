"""Stages 1 and 2 together: the site's files found and parsed (load.py, with prefetch.py parsing
ahead) and validated and resolved into the model (resolve.py). Everything that wants a model starts here."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import Problems
from .load import read_site
from .prefetch import prefetching
from .resolve import resolve_keeping


def load_site(root: Path, *, strict: bool | None = None, as_of=None, base_url=None):
    """Read, validate and resolve a site; raise ContentError listing every problem."""
    return load_keeping(root, strict=strict, as_of=as_of, base_url=base_url)[0]


def load_keeping(root: Path, *, strict: bool | None = None, as_of=None, base_url=None):
    """load_site, also giving the resolver (its name indexes re-resolve one notice: sitegen serve, the
    model cache) and the files read: (site, resolver, raw)."""
    problems = Problems()
    raw = read_site(Path(root).resolve(), problems)
    with prefetching([*raw.notices, *raw.progress]):  # in the order the model stage reads them
        resolver, site = resolve_keeping(raw, problems, as_of=as_of, base_url=base_url)
    problems.raise_if_errors(strict=bool(strict))
    site.warnings = problems.warnings
    return site, resolver, raw
