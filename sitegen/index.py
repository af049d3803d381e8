"""Stage 5, index: the Pagefind search index over the written pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .errors import SitegenError


def index(folder: Path) -> None:
    """Run Pagefind's extended binary (Chinese segmentation) over `folder`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(folder), "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SitegenError(f"cannot run Pagefind: {error}") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SitegenError("the search index failed (Pagefind): " + " / ".join(detail)
                           + " — build with --no-search to skip it")
