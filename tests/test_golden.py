"""The golden output: the mini fixture site built with --no-search equals tests/golden/site/ byte for
byte, built as sitegen builds (templating.py's speed-ups on) and with stock Jinja and markupsafe
(SITEGEN_STOCK_JINJA=1). A change meant to change the output regenerates it with
`python tests/golden/regenerate.py` (CONTRIBUTING.md) and shows the difference in its commit."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import read_tree

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("golden_regenerate", HERE / "golden" / "regenerate.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)


def differences(built: dict[str, bytes], expected: dict[str, bytes]) -> list[str]:
    lines = [f"  only in the build:  {p}" for p in sorted(built.keys() - expected.keys())]
    lines += [f"  missing from build: {p}" for p in sorted(expected.keys() - built.keys())]
    lines += [f"  differs:            {p}" for p in sorted(built.keys() & expected.keys()) if built[p] != expected[p]]
    return lines


@pytest.mark.parametrize("stock", [False, True], ids=["sitegen-jinja", "stock-jinja"])
def test_the_mini_site_builds_to_the_golden_output(tmp_path, stock):
    assert golden.GOLDEN.is_dir(), "no tests/golden/site: run python tests/golden/regenerate.py"
    golden.build(tmp_path / "out", stock=stock)
    diff = differences(read_tree(tmp_path / "out"), read_tree(golden.GOLDEN))
    assert not diff, ("the mini site's output differs from tests/golden/site/"
                      + (" when built with stock Jinja (SITEGEN_STOCK_JINJA=1): a speed-up of sitegen/render/templating.py"
                         " changes the output" if stock else "")
                      + f" in {len(diff)} files:\n" + "\n".join(diff)
                      + "\nIf the change is intended: python tests/golden/regenerate.py, then review git diff tests/golden/")
