"""Regenerate the golden output: `python tests/golden/regenerate.py` (from the repository, in its venv).

tests/golden/site/ holds the whole output of the mini fixture site (tests/fixtures/mini) built with
--no-search; tests/test_golden.py compares a fresh build, and one made with stock Jinja
(SITEGEN_STOCK_JINJA=1), with it byte for byte. Run this after a change that is meant to change the
output, then read `git diff tests/golden/` before committing it: the diff is the change readers see.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SITE = ROOT / "tests" / "fixtures" / "mini"
GOLDEN = HERE / "site"


def build(output: Path, stock: bool = False) -> None:
    """Build the mini site into `output` with --no-search, in a fresh process (SITEGEN_STOCK_JINJA is
    read once, at import)."""
    import os

    env = dict(os.environ, SITEGEN_STOCK_JINJA="1" if stock else "0")
    env.setdefault("SITEGEN_CACHE_KEY", "sitegen's tests")
    with tempfile.TemporaryDirectory() as work:  # a copy: the build never writes into the fixture
        site = Path(work) / "mini"
        shutil.copytree(SITE, site)
        subprocess.run([sys.executable, "-m", "sitegen", "build", "--site", str(site), "--output", str(output),
                        "--no-search", "--quiet"], check=True, env=env, cwd=work)


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        fresh = Path(work) / "site"
        build(fresh)
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(fresh, GOLDEN)
    count = sum(1 for p in GOLDEN.rglob("*") if p.is_file())
    print(f"wrote {count} files to {GOLDEN.relative_to(ROOT)}; review them with: git diff --stat tests/golden/")


if __name__ == "__main__":
    main()
