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


def static_files(site) -> dict[str, Path]:
    """Static files by path under static/, the first theme folder that has one winning."""
    found: dict[str, Path] = {}
    for folder in theme_dirs(site):
        static = folder / "static"
        if static.is_dir():
            for path in sorted(static.rglob("*")):
                if path.is_file():
                    found.setdefault(str(path.relative_to(static)), path)
    return dict(sorted(found.items()))


def fingerprinted(files: dict[str, Path]) -> dict[str, str]:
    """'style.css' -> 'style.3f2a9c1b0d.css': the content's hash in the name, so a long cache is safe."""
    import hashlib

    names = {}
    for relative, path in files.items():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        stem, dot, suffix = relative.rpartition(".")
        names[relative] = f"{stem}.{digest}.{suffix}" if dot else f"{relative}.{digest}"
    return names
