"""Where templates and static files come from: site theme dir -> named theme -> built-in."""

from __future__ import annotations

from pathlib import Path

from .errors import SitegenError

PACKAGE = Path(__file__).resolve().parent


def builtin_themes() -> Path:
    """The installed themes folder (inside the package when installed from a wheel)."""
    installed = PACKAGE / "themes"
    return installed if (installed / "default").is_dir() else PACKAGE.parent / "themes"


def theme_dirs(site) -> list[Path]:
    """Folders to look in, first match wins; each may hold templates/ and static/."""
    dirs = []
    own = site.root / site.config.theme_dir
    if own.is_dir():
        dirs.append(own)
    named = builtin_themes() / site.config.theme
    if site.config.theme != "default":
        if not named.is_dir():
            known = ", ".join(sorted(p.name for p in builtin_themes().iterdir() if p.is_dir()))
            raise SitegenError(f"site.yaml: theme: no theme named '{site.config.theme}' — installed: {known}")
        dirs.append(named)
    dirs.append(builtin_themes() / "default")
    return dirs
