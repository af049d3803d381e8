"""`sitegen serve`: time from saving a one-task edit to the browser's reload signal.

    python benchmarks/serve_latency.py --tasks 10000 [--edits 3]

Starts `sitegen serve --no-search` on a copy of the synthetic site, connects to
its live-reload websocket as a browser does, then edits one task's text in one
notice file at a time and measures from the file being written to the
`reload` message arriving. Prints each latency and the build time serve logged.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import site_for  # noqa: E402


def wait_http(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"serve did not answer {url} within {timeout} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "sitegen-bench")
    args = parser.parse_args()

    from tornado.ioloop import IOLoop
    from tornado.websocket import websocket_connect

    source = site_for(args.tasks, args.workdir) / "sitegen"
    site = args.workdir / f"serve-{args.tasks}"
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(source, site)
    log: list[str] = []
    server = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--site", str(site), "--port", str(args.port),
                               "--no-search"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    threading.Thread(target=lambda: [log.append(line) for line in server.stdout], daemon=True).start()
    try:
        started = time.monotonic()
        wait_http(f"http://127.0.0.1:{args.port}/", 1800)
        print(f"first build and serve: {time.monotonic() - started:.1f} s", flush=True)
        notices = sorted((site / "content" / "notices").glob("*.yaml"))

        async def edits():
            socket = await websocket_connect(f"ws://127.0.0.1:{args.port}/livereload")
            socket.write_message(json.dumps({"command": "hello",
                                             "protocols": ["http://livereload.com/protocols/official-7"]}))
            await socket.read_message()  # the server's hello
            # as livereload.js does: the server sends `reload` only to clients that told it their page
            socket.write_message(json.dumps({"command": "info", "url": f"http://127.0.0.1:{args.port}/"}))
            out = []
            for n in range(args.edits):
                notice = notices[(n * 7) % len(notices)]
                page = f"http://127.0.0.1:{args.port}/notices/{notice.stem}/"
                urllib.request.urlopen(page, timeout=30).read()  # the browser shows the notice
                text = notice.read_text(encoding="utf-8")
                mark = f"（第{n + 1}次修改）"
                edited = text.replace('text: "', f'text: "{mark}', 1)
                before = len(log)
                saved = time.monotonic()
                temporary = notice.with_suffix(".tmp")  # saved as editors do: written aside, renamed over
                temporary.write_text(edited, encoding="utf-8")
                os.replace(temporary, notice)
                for _ in range(3):  # a reload may still be on its way from the previous edit's background pages
                    while True:
                        message = await socket.read_message()
                        if message is None:
                            raise SystemExit("the live-reload connection closed")
                        if json.loads(message).get("command") == "reload":
                            break
                    latency = time.monotonic() - saved
                    shown = urllib.request.urlopen(page, timeout=30).read().decode("utf-8")
                    if mark in shown:
                        break
                else:
                    raise SystemExit(f"edit {n + 1}: the reloaded page does not show the edit; serve said:\n"
                                     + "".join(log[before:]))
                built = [float(m.group(1)) for line in log[before:] if (m := re.search(r" in ([\d.]+) s$", line.strip()))]
                out.append((latency, built[-1] if built else None))
                print(f"edit {n + 1}: reload signal after {latency * 1000:.0f} ms (build {built[-1] if built else '?'} s)",
                      flush=True)
                time.sleep(1.5)
            return out

        results = IOLoop.current().run_sync(edits, timeout=3600)
        latencies = sorted(r[0] for r in results)
        print(f"median one-task-edit latency at {args.tasks} tasks: {latencies[len(latencies) // 2] * 1000:.0f} ms")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
