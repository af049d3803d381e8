"""A Pagefind bundle's files, made reproducible and written by sitegen: the same records, the same files.

Pagefind (1.5.2) gives its files through its service (`GetFiles`), which sitegen writes itself:
writing them itself (`WriteFiles`), Pagefind answers before its last writes are done, and a service
stopped right after can leave a file cut short (pagefind-highlight.js at 40,960 of its 44,352 bytes
was seen). And it makes its filter indexes from a hash map with a random seed: each filter file lists
its values in another order on every run, and the metadata lists the filters in another order, so
their names (hashes of their bytes) and pagefind-entry.json change from run to run while the
fragments and word indexes do not (Pagefind issue #638). `canonical` puts those in a fixed order
(filter values and filters sorted by name), which Pagefind's search reads as before: the same records
give the same bytes, which lets a `--cache` build keep the shards whose records did not change and
still write what a clean build writes (sitegen/index/index.py).

An index file is `gzip("pagefind_dcd" + CBOR)` (Pagefind's format): a filter file is
[filter, [[value, [page, …]], …]], the metadata [version, pages, index chunks, [[filter, hash], …], sorts].
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


def canonical(files: dict) -> dict:
    """`files` (relative path -> bytes, one bundle as Pagefind gives it) with the filter files, metadata
    and entry in sorted order, each filter file and the metadata named after its new bytes."""
    files = dict(files)
    entry = json.loads(files[ENTRY])
    for language, about in sorted(entry["languages"].items()):
        meta = _decoded(files.pop(f"pagefind.{about['hash']}.pf_meta"))
        filters = []
        for name, old in meta[3]:
            values = _decoded(files.pop(f"filter/{old}.pf_filter"))
            values[1] = sorted(values[1], key=lambda value: value[0])
            new, data = _encoded(language, values, 7)
            files[f"filter/{new}.pf_filter"] = data
            filters.append([name, new])
        meta[3] = sorted(filters)
        about["hash"], data = _encoded(language, meta, 13)
        files[f"pagefind.{about['hash']}.pf_meta"] = data
    files[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return files


def write(folder: Path, files: dict) -> list[str]:
    """Each file under `folder`, as a new file (never one changed in place: the folder may hold hard links
    shared with an earlier output); the paths written, relative to `folder`, sorted."""
    made = set()
    for relative, data in files.items():
        path = os.path.join(folder, relative)  # strings: pathlib costs more than the writing, 10,000 files at 10k
        parent = os.path.dirname(path)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        try:
            with open(path, "xb") as handle:  # a new name: the usual case (the shard's old files were deleted)
                handle.write(data)
        except FileExistsError:
            temporary = os.path.join(parent, f".{os.path.basename(path)}.{os.getpid()}.tmp")
            with open(temporary, "wb") as handle:
                handle.write(data)
            os.replace(temporary, path)
    return sorted(files)


def _decoded(data: bytes):
    data = gzip.decompress(data)
    if not data.startswith(SIGNATURE):
        raise ValueError("not a Pagefind index file")
    return cbor2.loads(data[len(SIGNATURE):])


def _encoded(language: str, value, digits: int) -> tuple[str, bytes]:
    """(`<language>_<hash>`, the file's bytes): `value` encoded as Pagefind encodes it."""
    data = cbor2.dumps(value)
    return (f"{language}_{hashlib.sha1(data).hexdigest()[:digits]}",
            gzip.compress(SIGNATURE + data, compresslevel=9, mtime=0))
