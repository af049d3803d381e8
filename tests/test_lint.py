"""ruff and mypy find nothing in sitegen/ (their configuration: pyproject.toml).

Both come from the `test` extra, pinned, and run from the interpreter running the tests, so the README's
test command holds every later change to the same rules. A finding fails the test with the tool's output.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    # --no-cache: no .ruff_cache written into the checkout by a test run
    result = run("ruff", "check", "--no-cache", "--output-format", "concise", "sitegen")
    assert result.returncode == 0, f"ruff check sitegen:\n{result.stdout}{result.stderr}"


def test_mypy_finds_nothing(tmp_path):
    # a cache of its own: concurrent runs never share (or corrupt) one .mypy_cache
    result = run("mypy", "--cache-dir", str(tmp_path / "mypy-cache"), "sitegen")
    assert result.returncode == 0, f"mypy sitegen:\n{result.stdout}{result.stderr}"
