"""What a build is asked for and what it gives: the command line's flags, the same resolved once into
plain typed values (the full build, the --cache build and the caches all take those as they are), and
the result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .stages import Stages


@dataclass
class BuildOptions:
    """Flags from the command line; None means: as the site's configuration says."""

    output: Path | None = None
    search: bool | None = None
    strict: bool | None = None
    as_of: dt.date | None = None
    base_url: str | None = None
    pdf: bool | None = None
    cache: Path | None = None
    check_links: bool | None = None
    stages: Stages | None = None  # what the build is doing, told on standard error (sitegen/core/stages.py)


@dataclass(frozen=True)
class Settings:
    """BuildOptions resolved once: switches are booleans; `output`, `as_of`, `base_url` and `cache` stay
    None when the site's configuration (or no cache) decides."""

    output: Path | None
    search: bool
    strict: bool
    as_of: dt.date | None
    base_url: str | None
    pdf: bool
    cache: Path | None
    check_links: bool
    stages: Stages  # sitegen.core.stages.Stages, or Silent()

    @classmethod
    def of(cls, options: BuildOptions | Settings | None) -> Settings:
        if isinstance(options, Settings):
            return options
        o = options or BuildOptions()
        from .stages import Silent

        return cls(output=o.output, search=o.search is not False, strict=bool(o.strict), as_of=o.as_of,
                   base_url=o.base_url, pdf=bool(o.pdf), cache=o.cache, check_links=bool(o.check_links),
                   stages=o.stages or Silent())


@dataclass
class BuildResult:
    output: Path
    pages: int
    tasks: int
    notices: int
    seconds: float
    searched: bool
    warnings: list = field(default_factory=list)
    rendered: int | None = None  # pages rendered, when the others were reused (--cache after notice edits)
    cache: str = ""  # with --cache: how the cached model was used, or why not

    def summary(self) -> str:
        lines = [w.format() for w in self.warnings]
        if self.cache:
            lines.append(f"cache: {self.cache}")
        search = "with search index" if self.searched else "without search index"
        lines.append(f"built {self.pages} pages for {self.notices} notices and {self.tasks} tasks "
                     f"into {self.output} ({search}) in {self.seconds:.2f} s")
        return "\n".join(lines)
