"""What `sitegen build --cache DIR` reads back is authenticated before it is used.

A cache folder may be shared (a CI cache restored from another branch's run), so nothing in it is
trusted: the model and every cached page carry an HMAC-SHA256 tag under a key that never lives in
the cache folder — `SITEGEN_CACHE_KEY` (a CI secret) or, locally, a key file made on first use in
the user's configuration folder. An entry whose tag does not verify is ignored: the build takes the
clean path for it and says so in one line.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import secrets
from pathlib import Path

ENV = "SITEGEN_CACHE_KEY"
TAG_BYTES = 32


def key_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(config) / "sitegen" / "cache-key"


@functools.cache
def _key_for(secret: str) -> bytes:
    return hashlib.sha256(b"sitegen cache key\0" + secret.encode("utf-8", "surrogateescape")).digest()


def key(cache_folder: Path) -> tuple[bytes | None, str]:
    """(the key, "") or (None, why the cache cannot be used)."""
    secret = os.environ.get(ENV)
    if secret:
        return _key_for(secret), ""
    path = key_file()
    if Path(cache_folder).resolve() in path.resolve().parents:
        return None, f"the key file {path} lies inside the cache folder; set {ENV} or use another cache folder"
    try:
        return _key_for(_read_or_make(path)), ""
    except OSError as error:
        return None, f"no cache key: set {ENV}, or let sitegen write {path} ({error.strerror or error})"


def _read_or_make(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    try:
        os.link(temporary, path)  # never replaces a key another build made meanwhile: both then use that one
    except FileExistsError:
        pass
    finally:
        os.unlink(temporary)
    return path.read_text(encoding="utf-8").strip()


def tag(secret: bytes, label: str, data) -> bytes:
    """The tag of `data` stored under `label` (an entry's name: one entry cannot stand in for another)."""
    mac = hmac.new(secret, label.encode("utf-8") + b"\0", hashlib.sha256)
    mac.update(data)
    return mac.digest()


def opened(secret: bytes, label: str, sealed: bytes) -> memoryview | None:
    """The data of a sealed entry (tag + data) when its tag verifies, else None."""
    view = memoryview(sealed)
    if len(view) < TAG_BYTES:
        return None
    data = view[TAG_BYTES:]
    return data if hmac.compare_digest(tag(secret, label, data), view[:TAG_BYTES]) else None
