"""Damaged real notices: an import either refuses with a message (exit 1) or writes content that
`sitegen build` accepts (issue 17, item 5: an import never writes content build rejects).

Each seed takes a development notice (tests/importer_corpus/real/dev/*.txt) and damages it one to three
times the ways copies are damaged or mis-pasted: cut at a line, two lines swapped, a line repeated, lines
of another notice spliced in, odd characters dropped into lines, five lines run into one. The damaged text
is imported (`sitegen import`, a fresh site) and, when the import succeeds, built (`sitegen build
--no-search`); a traceback, another exit status or a failed build is a violation.

`python tests/importer_buildfuzz.py --seeds 200 [--start S]` prints each violation and the count;
`--show SEED` writes the seed's damaged text to stdout.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

DEV = sorted((Path(__file__).parent / "importer_corpus" / "real" / "dev").glob("*.txt"))
ODD = ["\u3000", "\t", "|", "  ", "(", ")", "\u200b", "\ufeff", "、", ";", "\x0c", "……", "★", "□", "1.", "(一)", "一、"]
SITEGEN = [sys.executable, "-m", "sitegen"]


def _cut(rng: random.Random, lines: list[str]) -> list[str]:
    at = rng.randrange(1, max(2, len(lines)))
    return lines[at:] if rng.random() < .5 else lines[:at]


def _swap(rng: random.Random, lines: list[str]) -> list[str]:
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return lines


def _repeat(rng: random.Random, lines: list[str]) -> list[str]:
    i = rng.randrange(len(lines))
    return lines[:i] + [lines[i]] * rng.randrange(2, 5) + lines[i + 1:]


def _splice(rng: random.Random, lines: list[str]) -> list[str]:
    other = rng.choice(DEV).read_text(encoding="utf-8").splitlines() or [""]
    i = rng.randrange(len(other))
    return lines + other[i:i + rng.randrange(1, 20)]


def _odd(rng: random.Random, lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if line and rng.random() < .2:
            at = rng.randrange(len(line) + 1)
            line = line[:at] + rng.choice(ODD) + line[at:]
        out.append(line)
    return out


def _run_on(rng: random.Random, lines: list[str]) -> list[str]:
    i = rng.randrange(len(lines))
    return [*lines[:i], "".join(lines[i:i + 5]), *lines[i + 5:]]


DAMAGES = (_cut, _swap, _repeat, _splice, _odd, _run_on)


def damaged(seed: int) -> tuple[str, str]:
    """(the notice's stem, its damaged text) for a seed."""
    rng = random.Random(seed)
    source = rng.choice(DEV)
    lines = source.read_text(encoding="utf-8").splitlines() or [""]
    for _ in range(rng.randrange(1, 4)):
        lines = rng.choice(DAMAGES)(rng, lines) or ["x"]
    return source.stem, "\n".join(lines) + "\n"


def _sitegen(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*SITEGEN, *args], capture_output=True, text=True, encoding="utf-8", errors="replace")


def violation(seed: int) -> str | None:
    """Why the seed's import broke the contract, or None."""
    stem, text = damaged(seed)
    with tempfile.TemporaryDirectory(prefix="buildfuzz-") as tmp:
        site, notice = Path(tmp) / "site", Path(tmp) / f"damaged-{seed}.txt"
        notice.write_text(text, encoding="utf-8")
        _sitegen("init", str(site))
        run = _sitegen("import", str(notice), "--site", str(site), "--jurisdiction", "示例县")
        if run.returncode not in (0, 1) or "Traceback" in run.stderr:
            return f"seed {seed} ({stem}): import exit {run.returncode}: {run.stderr[-400:]}"
        if run.returncode:
            return None
        run = _sitegen("build", "--site", str(site), "--no-search")
        if run.returncode:
            errors = [line for line in (run.stderr + run.stdout).splitlines() if "error" in line][:3]
            return f"seed {seed} ({stem}): build exit {run.returncode}: {errors}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--show", type=int, metavar="SEED")
    args = parser.parse_args(argv)
    if args.show is not None:
        sys.stdout.write(damaged(args.show)[1])
        return 0
    found = [v for seed in range(args.start, args.start + args.seeds) if (v := violation(seed))]
    print("\n".join(found))
    print(f"violations: {len(found)}/{args.seeds}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
