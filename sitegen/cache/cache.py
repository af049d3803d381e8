"""`sitegen build --cache DIR`: reuse the HTML of pages whose inputs did not change (CI builds).

A page is stored under a key that hashes everything its HTML can depend on:

- the global inputs, which any page may show: sitegen's own code, every theme
  file, site.yaml, jurisdictions, unit registries, leaders, themes, the build
  options that reach templates (as-of date, base URL, template globals);
- the notices whose change can reach the page, each by the bytes of its notice
  file and its progress file. Which notices those are follows from what the
  page declares it shows (`page.shows`, sitegen/render/dependencies.py, the engine
  the --cache build after notice edits and sitegen serve decide by too): a
  task or notice page its own notice; a unit, theme or leader page (and its
  printable list) the notices of all its tasks, paginated or not; a
  jurisdiction page its notices; a government's index of units or leaders the
  notices of all their tasks; any other page (home, site-wide indexes, status
  listings, search, data) every notice.

So a one-notice change re-renders that notice's pages and the listings that
show its tasks, and copies the rest. A page's bytes from the cache are the
bytes a clean build renders (tests/test_cache.py, tests/test_dependencies.py).
Entries not used by a build are deleted after it, so the cache does not grow.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

import jinja2

from ..content.model import Site
from ..core.pathguard import PACKAGE
from ..render.dependencies import notices_shown
from ..render.theming import theme_dirs
from ..write.write import replace_file
from . import cachekey

VERSION = b"sitegen-page-cache-3"
REJECTED = "!"  # marks, among the keys a build used, an entry that did not verify


def _hash_files_into(digest, paths) -> None:
    """Each path and its bytes fed into `digest` (a hashlib object)."""
    for path in paths:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
        digest.update(b"\0")


def _read_sealed(path: str, secret: bytes, label: str) -> bytes | str | None:
    """An entry's data when its tag verifies; None when there is none, REJECTED when it does not verify."""
    try:
        with open(path, "rb") as handle:
            sealed = handle.read()
    except OSError:
        return None
    data = cachekey.opened(secret, label, sealed)
    return REJECTED if data is None else bytes(data)


def _write_sealed(path: str, secret: bytes, label: str, data: bytes) -> None:
    # never a half-written entry, even if the build is killed; one that cannot be written only costs time
    with contextlib.suppress(OSError):
        replace_file(path, cachekey.tag(secret, label, data) + data)


def _tree(folder: Path) -> list:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


class PageCache:
    def __init__(self, folder: Path, site: Site, globals_: dict, secret: bytes):
        self.secret = secret  # every entry is tagged with it (sitegen/cache/cachekey.py)
        self.rejected: list = []  # keys of entries that did not verify, in this process
        self.folder = Path(folder).resolve() / "pages"
        self.folder.mkdir(parents=True, exist_ok=True)
        root = site.root
        content = root / "content"
        digest = hashlib.sha256(VERSION)
        code = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
        _hash_files_into(digest, code)
        for folder_ in theme_dirs(site):
            _hash_files_into(digest, _tree(folder_))
        _hash_files_into(digest, [root / "site.yaml", content / "jurisdictions.yaml", content / "leaders.yaml",
                                  content / "themes.yaml", *sorted((content / "units").glob("*.yaml"))])
        config = site.config
        digest.update(repr((str(config.as_of), config.base_url, config.language, config.title)).encode())
        shown = sorted((k, repr(v)) for k, v in globals_.items() if isinstance(v, (str, int, float, bool, type(None))))
        digest.update(repr(shown).encode())
        self.global_digest = digest.hexdigest()
        self.notice_digest = {}
        for notice in site.notices:
            d = hashlib.sha256()
            source = [content / "sources" / Path(notice.source_file).name] if notice.source_file else []
            _hash_files_into(d, [root / notice.file, content / "progress" / f"{notice.id}.yaml", *source])
            self.notice_digest[notice] = d.hexdigest()
        everything = hashlib.sha256(self.global_digest.encode())
        for notice in site.notices:
            everything.update(f"{notice.id}:{self.notice_digest[notice]}\n".encode())
        self.all_digest = everything.hexdigest()

    # --- keys -------------------------------------------------------------------

    def key(self, page) -> str:
        notices = notices_shown(page.shows)
        digest = hashlib.sha256(f"{self.global_digest}\0{page.path}\0{page.template}\0".encode())
        if notices is None:
            digest.update(self.all_digest.encode())
        else:
            for notice in sorted({id(n): n for n in notices}.values(), key=lambda n: n.id):
                digest.update(f"{notice.id}:{self.notice_digest[notice]}\n".encode())
        return digest.hexdigest()

    # --- entries ----------------------------------------------------------------

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key)

    def get(self, key: str) -> bytes | None:
        """The page's bytes; None when there is no entry or its tag does not verify (it is then rendered)."""
        data = _read_sealed(self._path(key), self.secret, key)
        if data is REJECTED:
            self.rejected.append(key)
        return data if isinstance(data, bytes) else None

    def put(self, key: str, data: bytes) -> None:
        _write_sealed(self._path(key), self.secret, key, data)

    def take_rejected(self) -> list:
        """The keys of entries that did not verify since the last call, marked for `used`."""
        taken, self.rejected = [REJECTED + k for k in self.rejected], []
        return taken

    @staticmethod
    def rejected_count(used) -> int:
        return sum(1 for key in used if key.startswith(REJECTED))

    def prune(self, used) -> None:
        """Delete the entries this build did not use (and leftovers of killed builds)."""
        used = {key for key in used if not key.startswith(REJECTED)}
        for shard in os.scandir(self.folder):
            if not shard.is_dir():
                continue
            for entry in os.scandir(shard.path):
                if entry.name not in used:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


TEMPLATE_VERSION = "sitegen-template-cache-1"


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates kept between --cache builds (Jinja's bytecode cache), each entry sealed like a page
    (sitegen/cache/cachekey.py): marshalled code from a shared cache folder would run, so an entry that does not
    verify is compiled afresh. Jinja itself checks the template's source and its own and Python's version."""

    def __init__(self, folder: Path, secret: bytes, env: jinja2.Environment):
        self.folder = folder
        self.secret = secret
        # the environment's options shape the code compiled from the same source
        self.label = repr((TEMPLATE_VERSION, env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline,
                           env.newline_sequence, env.autoescape is True, env.block_start_string,
                           env.variable_start_string, env.comment_start_string))

    def _entry(self, bucket) -> tuple[str, bytes, str]:
        return os.path.join(self.folder, bucket.key), self.secret, f"{self.label}|{bucket.key}"

    def load_bytecode(self, bucket) -> None:
        data = _read_sealed(*self._entry(bucket))
        if isinstance(data, bytes):
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        _write_sealed(*self._entry(bucket), bucket.bytecode_to_string())


def template_cache(folder: Path | None, env: jinja2.Environment) -> TemplateCache | None:
    """The compiled-template cache of a --cache folder (None without one, or without a key)."""
    if folder is None:
        return None
    folder = Path(folder).resolve()
    secret, _ = cachekey.key(folder)
    return TemplateCache(folder / "templates", secret, env) if secret is not None else None
