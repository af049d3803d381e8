"""The command line as staff meet it (issue 22): serve's port and signals, build's stages, init's
next steps, help texts and the README's set-up commands."""

from __future__ import annotations

import os
import pty
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest

from conftest import ROOT, run
from sitegen.cli import main

SITEGEN = [sys.executable, "-m", "sitegen"]


def _env(tmp: Path) -> dict:
    tmp.mkdir(exist_ok=True)
    return {**os.environ, "PYTHONUNBUFFERED": "1", "TMPDIR": str(tmp)}


# --- serve --------------------------------------------------------------------------------------

def _as_from_a_terminal() -> None:
    """Ctrl+C as a terminal delivers it: a test run started in the background of a shell without job control
    ignores SIGINT, and its children would inherit that (serve then rightly ignores it, as under nohup)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_serve_on_a_busy_port_says_so_before_building(mini, tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([*SITEGEN, "serve", "--site", mini, "--port", str(port), "--no-search"],
                                capture_output=True, text=True, timeout=60, env=_env(tmp_path / "tmp"))
    assert result.returncode == 1
    assert re.fullmatch(rf"port {port} in use, try --port \d+\n", result.stderr), result.stderr
    suggested = int(result.stderr.rsplit(" ", 1)[1])
    assert suggested > port
    assert "serving" not in result.stdout and "Traceback" not in result.stdout + result.stderr
    assert list((tmp_path / "tmp").iterdir()) == []  # nothing was built


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_serve_cleans_up_on_sigterm_and_sighup_like_ctrl_c(mini, tmp_path, signum):
    tmp = tmp_path / "tmp"
    for _ in range(3):  # a free port can be taken by someone else before serve binds it: then another
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = subprocess.Popen([*SITEGEN, "serve", "--site", mini, "--port", str(port), "--no-search"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp),
                                   preexec_fn=_as_from_a_terminal)
        try:
            deadline = time.monotonic() + 120
            line = process.stdout.readline()
            while "serving on" not in line and line and time.monotonic() < deadline:
                line = process.stdout.readline()
            if "serving on" not in line:
                _, err = process.communicate(timeout=30)
                assert "in use" in err, err
                continue
            assert [p.name for p in tmp.iterdir() if p.name.startswith("sitegen-serve-")]
            process.send_signal(signum)
            _, err = process.communicate(timeout=60)
            break
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert process.returncode in (0, 130), err
    assert "Traceback" not in err
    assert list(tmp.iterdir()) == []  # its temporary build removed


# --- build ---------------------------------------------------------------------------------------

def test_build_shows_one_line_per_stage_when_not_on_a_terminal(mini, tmp_path):
    result = subprocess.run([*SITEGEN, "build", "--site", mini, "--output", tmp_path / "out"],
                            capture_output=True, text=True, timeout=300, env=_env(tmp_path / "tmp"))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "loading content"
    assert re.fullmatch(r"rendering pages \(\d+\)", lines[1])
    assert lines[2] == "building the search index"
    assert "\r" not in result.stderr
    assert result.stdout.startswith("built ")


def test_build_quiet_prints_nothing(mini, tmp_path):
    result = subprocess.run([*SITEGEN, "build", "--site", mini, "--output", tmp_path / "out", "--no-search", "--quiet"],
                            capture_output=True, text=True, timeout=300, env=_env(tmp_path / "tmp"))
    assert result.returncode == 0
    assert result.stdout == "" and result.stderr == ""
    assert (tmp_path / "out" / "index.html").is_file()


def test_build_counts_up_on_a_terminal(mini, tmp_path):
    leader, follower = pty.openpty()
    process = subprocess.Popen([*SITEGEN, "build", "--site", mini, "--output", tmp_path / "out", "--no-search"],
                               stdout=subprocess.DEVNULL, stderr=follower, env=_env(tmp_path / "tmp"))
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the build ended
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait(timeout=120) == 0
    text = shown.decode("utf-8")
    assert "\r\x1b[K" in text
    pages = re.search(r"rendering pages (\d+)/(\d+) … [\d.]+ s", text)
    assert pages and pages[1] == pages[2], text


def test_build_pdf_shows_its_progress(mini, tmp_path):
    pytest.importorskip("playwright")
    result = subprocess.run([*SITEGEN, "build", "--site", mini, "--output", tmp_path / "out", "--no-search", "--pdf"],
                            capture_output=True, text=True, timeout=600)  # (Chromium's sockets need a short TMPDIR)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^printing PDFs and writing progress forms \(\d+\)$", result.stderr, re.M), result.stderr
    assert list((tmp_path / "out").glob("units/*/*/form.xlsx")) and list((tmp_path / "out").glob("units/*/*/print/list.pdf"))


# --- init ----------------------------------------------------------------------------------------

def test_init_prints_the_next_commands_and_writes_starter_themes(tmp_path):
    result = run("init", tmp_path / "new")
    assert result.exit_code == 0
    assert "cd " in result.output and "sitegen import" in result.output and "sitegen serve" in result.output
    import yaml

    themes = yaml.safe_load((tmp_path / "new" / "content" / "themes.yaml").read_text(encoding="utf-8"))
    assert len(themes) >= 5 and all(t["keywords"] for t in themes)
    assert any(t.get("exclude") for t in themes)
    out = tmp_path / "out"
    assert run("build", "--site", tmp_path / "new", "--output", out, "--no-search").exit_code == 0
    assert "暂无主题" not in (out / "themes" / "index.html").read_text(encoding="utf-8")


# --- help and README -----------------------------------------------------------------------------

def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in _commands(main)], ids=" ".join)
def test_every_command_has_a_whole_summary_and_an_example(path):
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert re.search(r"Examples?:\n\s+sitegen ", result.output), result.output
    parent = run(*path[:-1], "--help").output
    listed = re.search(rf"^  {re.escape(path[-1])}\s+(.+)$", parent, re.M)
    assert listed and not listed[1].endswith("..."), parent


def test_readme_sets_up_a_virtualenv_in_both_commands_and_lists_the_options():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("<!-- main-command -->") == 1 and readme.count("<!-- test-command -->") == 1
    commands = []
    for marker in ("main-command", "test-command"):
        block = re.search(rf"<!-- {marker} -->\n```\n(.*?)\n```", readme, re.S)
        assert block and "\n" not in block[1], marker  # one line: .ci/run runs the first line
        commands.append(block[1])
        assert "python3 -m venv .venv && . .venv/bin/activate && pip install" in block[1]
    assert commands[1].endswith("python -m pytest")
    for option in ("--jurisdiction", "--format", "--no-search]", "--quiet", "--pdf"):
        assert option in readme, option
    extracted = subprocess.run(["awk", '/<!-- test-command -->/{found=1; next} found && /^```$/ {if (inside) exit; '
                                "inside=1; next} inside {print; exit}", ROOT / "README.md"],
                               capture_output=True, text=True).stdout.strip()
    assert extracted == commands[1]
