"""`sitegen serve`: build into a temporary folder, serve it, rebuild on changes.

Like MkDocs: changes are left to settle before a rebuild, and a failed rebuild
never replaces the last good site; every page shows the error until it is fixed.
"""

from __future__ import annotations

import errno
import html
import ipaddress
import mimetypes
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from urllib.parse import unquote

from ..core.errors import ContentError, SitegenError
from .incremental import Preview, snapshot

SETTLE_SECONDS = 0.05  # files unchanged this long count as saved (a burst of saves gives one rebuild)
MAX_SETTLE_SECONDS = 2.0
POLL_SECONDS = 0.05  # how often the watcher looks for changes (livereload's own default is far slower)


class DevSite:
    """The state of the preview: where the last good build is, and the last error."""

    def __init__(self, site_dir: Path, search: bool | None):
        self.site_dir = site_dir
        self.search = search
        self.workdir = Path(tempfile.mkdtemp(prefix="sitegen-serve-"))
        self.output = self.workdir / "site"
        self.error: str | None = None
        self.lock = threading.Lock()
        self.preview = Preview(site_dir, self.output, search)  # one changed notice: patched, not rebuilt

    def rebuild(self) -> bool:
        with self.lock:
            settled = _settle(self.watched())
            try:
                summary = self.preview.update(settled)
            except SitegenError as error:
                self.error = error.report() if isinstance(error, ContentError) else str(error)
                print(self.error, flush=True)
                return False
            self.error = None
            print(summary, flush=True)
            return True

    def watched(self) -> list[Path]:
        return self.preview.watched()

    def close(self) -> None:
        self.preview.stop_background()
        shutil.rmtree(self.workdir, ignore_errors=True)


def _settle(paths: list[Path]) -> dict:
    """Wait until the files stop changing (an editor's save is often several writes); their last snapshot."""
    deadline = time.monotonic() + MAX_SETTLE_SECONDS
    before = snapshot(paths)
    while time.monotonic() < deadline:
        time.sleep(SETTLE_SECONDS)
        now = snapshot(paths)
        if now == before:
            break
        before = now
    return before


def error_banner(message: str) -> bytes:
    text = html.escape(message)
    return (f'<div id="sitegen-build-error" role="alert" style="position:sticky;top:0;z-index:9999;'
            f'background:#b42318;color:#fff;padding:1em;font:14px/1.5 monospace;white-space:pre-wrap">'
            f'<strong>构建失败 (build failed) — showing the last good site</strong>\n{text}</div>').encode()


def wsgi_app(dev: DevSite):
    """Serves the last good build; refuses paths outside it; shows the build error. Reads only (GET and
    HEAD; anything else is 405), and no failure shows a traceback to the browser: a bad path is 400 or 404,
    anything else a plain 500 page, the traceback going to the console."""

    def app(environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            return _plain(start_response, "405 Method Not Allowed", "only GET and HEAD: the preview is read-only",
                          [("Allow", "GET, HEAD")])
        try:
            status, body, kind = _respond(dev, environ)
        except (ValueError, UnicodeError):  # a NUL or an undecodable byte in the path
            return _plain(start_response, "400 Bad Request", "bad request")
        except Exception:  # the preview keeps serving; the console gets the details
            traceback.print_exc()
            return _plain(start_response, "500 Internal Server Error", "internal error (see the console)")
        headers = [("Content-Type", kind), ("Cache-Control", "no-store"), ("Content-Length", str(len(body)))]
        start_response(status, headers)
        return [b""] if method == "HEAD" else [body]

    return app


def _respond(dev: DevSite, environ) -> tuple[str, bytes, str]:
    path = unquote(environ.get("PATH_INFO", "/"), errors="strict")
    target = _resolve(dev.output, path)
    if target is None:
        status, body, kind = "404 Not Found", _not_found(dev.output), "text/html; charset=utf-8"
    else:
        status, body = "200 OK", target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.suffix == ".html":
            dev.preview.visit(os.path.relpath(target, dev.output.resolve()))
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
    if dev.error and kind.startswith("text/html"):
        body = body.replace(b"<body>", b"<body>" + error_banner(dev.error), 1) if b"<body>" in body \
            else error_banner(dev.error) + body
    return status, body, kind


def _plain(start_response, status: str, text: str, headers=()) -> list:
    body = f"<!doctype html><title>{status}</title><p>{html.escape(text)}</p>\n".encode()
    start_response(status, [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body))),
                            *headers])
    return [body]


def _resolve(root: Path, path: str) -> Path | None:
    root = root.resolve()
    if "\0" in path:
        raise ValueError("a NUL in the path")
    try:
        target = (root / path.lstrip("/")).resolve()
        if target != root and root not in target.parents:
            return None  # path traversal
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None
    except OSError:  # a name too long for the file system, …: no such page
        return None


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: loopback only if it names nothing else
        return False


def _not_found(root: Path) -> bytes:
    page = root / "404.html"
    return page.read_bytes() if page.is_file() else b"<!doctype html><title>404</title><body>404</body>"


def _watcher():
    """livereload's polling watcher, looking every POLL_SECONDS rather than at its own default."""
    from livereload.watcher import Watcher

    class Watcher_(Watcher):
        def start(self, callback):
            from tornado import ioloop

            ioloop.PeriodicCallback(callback, POLL_SECONDS * 1000).start()
            return True

    return Watcher_()


def check_port(host: str, port: int) -> None:
    """SitegenError unless the address can be listened on: said before the build, not as a traceback after it."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise SitegenError(f"--host {host}: not an address of this machine ({error.strerror})") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as tornado listens
        try:
            probe.bind(address)
        except PermissionError:
            raise SitegenError(f"port {port} needs administrator rights, try --port {_free_port(host, port)}") from None
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise SitegenError(f"port {port} in use, try --port {_free_port(host, port)}") from None
            raise SitegenError(f"--host {host} --port {port}: cannot listen there ({error.strerror})") from None


def _free_port(host: str, port: int) -> int:
    """The next port after `port` that is free (or port + 1 when none of the next hundred is)."""
    for candidate in range(max(port + 1, 1024), min(port + 101, 65536)):
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, candidate))
                return candidate
            except OSError:
                continue
    return port + 1


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: stop as Ctrl+C does, the temporary build removed on the way out."""


def _stop_on_signals(received: list) -> dict:
    def stop(signum, frame):
        received.append(signal.Signals(signum).name)
        raise Stopped(received[-1])

    saved = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            saved[number] = signal.signal(number, stop)
    return saved


def _event_loop() -> None:
    """The server's event loop, made before a signal can stop us: a stop raised while asyncio builds one leaves
    it half made, and its clean-up prints a traceback on the way out."""
    import asyncio

    from tornado.ioloop import IOLoop

    asyncio.set_event_loop(asyncio.new_event_loop())
    IOLoop.current()  # tornado's wrapper of it, which livereload's server takes


def serve(site_dir: Path, host: str = "127.0.0.1", port: int = 8000, search: bool | None = None) -> None:
    from livereload import Server
    from livereload.handlers import LiveReloadHandler

    check_port(host, port)
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0  # else a reload soon after the last one is dropped
    _event_loop()
    received: list = []
    saved = _stop_on_signals(received)
    dev = None
    try:
        dev = DevSite(site_dir, search)
        if not dev.rebuild():
            dev.output.mkdir(parents=True, exist_ok=True)
        server = Server(app=wsgi_app(dev), watcher=_watcher())
        for path in dev.watched():
            server.watch(str(path), dev.rebuild)
        check_port(host, port)  # taken while the site was built?
        print(f"serving on http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
        if not _loopback(host):
            print(f"warning: --host {host}: the preview is reachable from the network, by anyone who can "
                  "reach this machine; use --host 127.0.0.1 to keep it on this computer", file=sys.stderr, flush=True)
        server.serve(host=host, port=port, restart_delay=0)  # returns on Ctrl+C (livereload catches it)
        if received:
            raise Stopped(received[-1])  # livereload caught it too: exit as for Ctrl+C
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
        if dev is not None:
            dev.close()
