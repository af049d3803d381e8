"""What a long build is doing, told on standard error: on a terminal one line that counts up, in a CI
log one line per stage, with --quiet nothing."""

from __future__ import annotations

import sys
import time

REDRAW_SECONDS = 0.1  # a terminal line redrawn at most this often


class Stages:
    """`stage(name, total)` starts a stage; `tick(done)` reports how far it got (drawn on a terminal
    only); `end()` closes the last stage."""

    def __init__(self, stream=None, quiet: bool = False, tty: bool | None = None):
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.tty = tty if tty is not None else bool(getattr(self.stream, "isatty", lambda: False)())
        self.name: str | None = None
        self.total = 0
        self.started = 0.0
        self.drawn = 0.0
        self.count = 0

    def stage(self, name: str, total: int = 0) -> None:
        self.end()
        self.name, self.total, self.started, self.drawn = name, total, time.perf_counter(), 0.0
        self.count += 1
        if self.quiet:
            return
        if self.tty:
            self._draw(0, force=True)
        else:
            self._write(f"{name}{f' ({total})' if total else ''}\n")

    def tick(self, done: int) -> None:
        if self.tty and not self.quiet and self.name is not None:
            self._draw(done)

    def end(self) -> None:
        if self.name is not None and self.tty and not self.quiet:
            seconds = time.perf_counter() - self.started
            count = f" {self.total}/{self.total}" if self.total else ""
            self._write(f"\r\x1b[K{self.name}{count} … {seconds:.1f} s\n")
        self.name = None

    def _draw(self, done: int, force: bool = False) -> None:
        now = time.perf_counter()
        if not force and now - self.drawn < REDRAW_SECONDS:
            return
        self.drawn = now
        count = f" {done}/{self.total}" if self.total else ""
        self._write(f"\r\x1b[K{self.name}{count} …")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            pass  # a closed terminal does not stop the build


class Silent(Stages):
    """No reports (library callers, sitegen serve's rebuilds)."""

    def __init__(self):
        super().__init__(quiet=True, tty=False)
