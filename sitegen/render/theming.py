"""Where templates and static files come from: site theme dir -> named theme -> built-in."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..core import pathguard
from ..core.errors import SitegenError
from ..core.pathguard import builtin_themes


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
    """Static files by path under static/, the first theme folder that has one winning; each one
    refused when it (or a folder above it) leads outside the site and the installed themes."""
    found: dict[str, Path] = {}
    allowed = pathguard.roots(site.root)
    for folder in theme_dirs(site):
        static = folder / "static"
        if static.is_dir():
            for path in sorted(static.rglob("*")):
                if path.is_file():
                    pathguard.check(path, allowed, _shown(path, site.root))
                    found.setdefault(str(path.relative_to(static)), path)
    return dict(sorted(found.items()))


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


class GuardedLoader(jinja2.FileSystemLoader):
    """Jinja's file loader, refusing a template that leads outside the site and the installed themes."""

    def __init__(self, searchpath, site_root: Path):
        super().__init__(searchpath)
        self.allowed = pathguard.roots(site_root)
        self.site_root = Path(site_root)

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        pathguard.check(filename, self.allowed, _shown(Path(filename), self.site_root))
        return source, filename, uptodate


def template_loader(site) -> jinja2.BaseLoader:
    """Each installed theme's templates under its name as a prefix, first: "default/base.html" is always
    the built-in base.html, so a site's base.html can `{% extends "default/base.html" %}` and override
    one block; any other name through theme_dirs (the site's own folder first). Every source passes
    the path guard."""
    plain = GuardedLoader([str(d / "templates") for d in theme_dirs(site)], site.root)
    installed = {name: GuardedLoader([str(builtin_themes() / name / "templates")], site.root)
                 for name in installed_themes()}
    return jinja2.ChoiceLoader([jinja2.PrefixLoader(installed), plain])


def installed_themes() -> list[str]:
    """The names of the installed themes that have templates (each a template prefix)."""
    return [d.name for d in sorted(builtin_themes().iterdir()) if (d / "templates").is_dir()]


def fingerprint(relative: str, data: bytes) -> str:
    """'style.css' -> 'style.3f2a9c1b0d.css': the content's hash in the name, so a long cache is safe."""
    digest = hashlib.sha256(data).hexdigest()[:10]
    stem, dot, suffix = relative.rpartition(".")
    return f"{stem}.{digest}.{suffix}" if dot else f"{relative}.{digest}"


@dataclass(frozen=True)
class Asset:
    """A file the site serves from /assets/ under its fingerprinted `name` (and, when `static`,
    from /static/ under its own)."""

    relative: str
    data: bytes
    name: str
    static: bool = True


def theme_assets(site, generated: dict[str, bytes]) -> dict[str, Asset]:
    """The theme's static files plus files generated for this site (read and hashed once per build)."""
    found = {relative: path.read_bytes() for relative, path in static_files(site).items()}
    assets = {r: Asset(r, data, fingerprint(r, data)) for r, data in found.items()}
    assets.update({r: Asset(r, data, fingerprint(r, data), static=False) for r, data in generated.items()})
    return assets
