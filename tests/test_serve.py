"""The dev server: a real `sitegen serve` process on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

NOTICE = "content/notices/ceshi-2019-1.yaml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(predicate, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


@pytest.fixture
def server(mini):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--site", str(mini), "--port", str(port),
                                "--no-search"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: fetch(base + "/")[0] == 200), "server did not start"
        yield base, mini
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serves_rebuilds_and_shows_errors_without_losing_the_site(server):
    base, site = server
    status, page = fetch(base + "/notices/ceshi-2019-1/1-1/")
    assert status == 200 and "治理水污染" in page and "livereload" in page

    notice = site / NOTICE
    good = notice.read_text(encoding="utf-8")
    notice.write_text(good.replace("治理水污染", "治理黑臭水体"), encoding="utf-8")
    assert wait_for(lambda: "治理黑臭水体" in fetch(base + "/notices/ceshi-2019-1/1-1/")[1])

    notice.write_text(good.replace("{name: 市发改委, role: 牵头}", "{name: 市发改萎, role: 牵头}"), encoding="utf-8")
    assert wait_for(lambda: "sitegen-build-error" in fetch(base + "/notices/ceshi-2019-1/1-1/")[1])
    status, page = fetch(base + "/notices/ceshi-2019-1/1-1/")
    assert status == 200 and "治理黑臭水体" in page  # the last good site, not a broken one
    assert "unknown unit 市发改萎" in page and "ceshi-2019-1.yaml:28" in page

    notice.write_text(good, encoding="utf-8")
    assert wait_for(lambda: "sitegen-build-error" not in fetch(base + "/notices/ceshi-2019-1/1-1/")[1])


def test_refuses_path_traversal(server):
    base, _ = server
    for path in ["/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd"]:
        status, body = fetch(base + path)
        assert "root:" not in body
        assert status == 404


def test_binds_loopback_by_default():
    from sitegen.cli import serve

    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_survives_a_burst_of_changes(server):
    base, site = server
    notice = site / NOTICE
    good = notice.read_text(encoding="utf-8")
    for i in range(30):  # an editor saving repeatedly, a checkout touching many files
        notice.write_text(good.replace("治理水污染", f"治理水污染第{i}稿"), encoding="utf-8")
        time.sleep(0.02)
    assert wait_for(lambda: "治理水污染第29稿" in fetch(base + "/notices/ceshi-2019-1/1-1/")[1], seconds=40)
    status, page = fetch(base + "/")
    assert status == 200 and "sitegen-build-error" not in page
