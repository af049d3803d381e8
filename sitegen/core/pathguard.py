"""The one guard for what a build reads: a file, or a link, that resolves outside the site or the
installed themes is refused with its path. A theme's static/ linking to /proc/self/environ would
otherwise publish the build's environment (CI tokens included) under static/ and assets/."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import SitegenError

HINT = "copy the file into the site instead of linking to it"
PACKAGE = Path(__file__).resolve().parents[1]


def builtin_themes() -> Path:
    """The installed themes folder (inside the package when installed from a wheel)."""
    installed = PACKAGE / "themes"
    return installed if (installed / "default").is_dir() else PACKAGE.parent / "themes"


def inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def roots(site_root: Path) -> tuple[Path, ...]:
    """Where a build may read from: the site and the installed themes."""
    return Path(site_root).resolve(), builtin_themes().resolve()


def outside(path, allowed: tuple[Path, ...]) -> Path | None:
    """Where `path` really leads when that is outside every allowed root; None when it is inside one."""
    real = Path(os.path.realpath(path))
    return None if any(inside(real, root) for root in allowed) else real


def check(path, allowed: tuple[Path, ...], shown: str | None = None) -> None:
    real = outside(path, allowed)
    if real is not None:
        raise SitegenError(f"{shown or path}: leads to {real}, outside the site and the installed theme — {HINT}")
