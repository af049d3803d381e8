"""Print files of `sitegen build --pdf`: a PDF of every print page and every unit's XLSX form.

PDFs are printed by headless Chromium (the system's /usr/bin/chromium, driven
through Playwright's `page.pdf()`): one browser for the whole build, a few tabs
printing at once, pages served to it straight from the staging folder, so a
failure leaves the previous site in place. See docs/printing.md for why
Chromium rather than WeasyPrint, and for the measured cost.

Both kinds of file are made byte-identical for identical input: the PDF's
creation and modification dates and the XLSX's document dates and zip entry
times are set to the site's `as_of` date.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import mimetypes
import os
import re
import shutil
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ..core.errors import SitegenError
from ..render.render import FORM_NAME, PDF_NAME, page_path

if TYPE_CHECKING:
    from ..content.model import Unit

CHROMIUM_ENV = "SITEGEN_CHROMIUM"  # a Chromium or Chrome binary, when it is not on PATH as chromium
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
HOST = "http://sitegen.invalid"  # never resolved: every request is answered from the staging folder
TABS = 4  # pages printing at once, each in its own renderer process
PAGE_TIMEOUT_MS = 300_000  # a national notice's list runs to hundreds of A4 pages


def write_print_files(site, folder: Path, stages=None) -> None:
    """PDFs beside every print page and a form in every unit's folder, written into `folder`. The forms
    (openpyxl, pure Python) are written by a forked process while Chromium prints, so both cores work."""
    jobs = [(url, page_path(url).replace("index.html", PDF_NAME)) for url in print_urls(site)]
    if stages is not None:
        stages.stage("printing PDFs and writing progress forms", len(jobs))
    forms = _in_child(lambda: [write_form(site, unit,
                                          Path(folder) / page_path(unit.url).replace("index.html", FORM_NAME))
                               for unit in site.units])
    try:
        print_pdfs(Path(folder), site.config.base_path, jobs, site.as_of,
                   progress=stages.tick if stages is not None else None)
    finally:
        forms.wait()


class _in_child:
    """Run `work` in a forked process (in this one where there is no fork); wait() raises its failure."""

    def __init__(self, work):
        self.pid = None
        if not hasattr(os, "fork"):
            work()
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            from ..core.parallel import die_with_parent

            die_with_parent()
            os.close(read_end)
            message = b""
            try:
                work()
            except BaseException as error:  # reported to the parent
                message = (str(error) or type(error).__name__).encode("utf-8", "replace")
            os.write(write_end, message[:4000])
            os._exit(1 if message else 0)
        os.close(write_end)
        self.pid, self.read_end = pid, read_end

    def wait(self) -> None:
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        message = os.read(self.read_end, 4096).decode("utf-8", "replace")
        os.close(self.read_end)
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SitegenError(f"--pdf: the progress forms could not be written: {message or 'the process stopped'}")


def print_urls(site) -> list[str]:
    """Every print page, in the order render.print_pages writes them."""
    return ([u.print_url for u in site.units] + [n.print_url for n in site.notices]
            + [leader.print_url for leader in site.leaders])


# --- PDFs ---------------------------------------------------------------------

def find_chromium() -> str:
    configured = os.environ.get(CHROMIUM_ENV)
    if configured:
        if found := shutil.which(configured):
            return found
        raise SitegenError(f"--pdf: {CHROMIUM_ENV}={configured} is not an executable Chromium")
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise SitegenError("--pdf needs Chromium: apt-get install chromium "
                       f"(or set {CHROMIUM_ENV} to a Chromium or Chrome binary)")


def print_pdfs(folder: Path, base_path: str, jobs: list[tuple[str, str]], as_of: dt.date,
               tabs: int | None = None, progress=None) -> None:
    """Print each (site URL, PDF path) of `jobs` from the built pages in `folder`."""
    if not jobs:
        return
    executable = find_chromium()
    try:
        from playwright.async_api import async_playwright  # noqa: F401 - only whether Playwright is installed
    except ImportError:
        raise SitegenError("--pdf needs the Playwright package to drive Chromium: pip install playwright "
                           "(it uses the system Chromium; `playwright install` is not needed)") from None
    tabs = tabs or max(1, min(TABS, len(jobs)))
    asyncio.run(_print_all(Path(folder), base_path, jobs, as_of, executable, tabs, progress))


async def _print_all(folder: Path, base_path: str, jobs, as_of, executable: str, tabs: int, progress=None) -> None:
    from playwright.async_api import Error, async_playwright

    async with async_playwright() as playwright:
        try:
            browser = await playwright.chromium.launch(
                executable_path=executable,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"])
        except Error as error:
            raise SitegenError(f"--pdf: Chromium ({executable}) did not start: {_first_line(error)}") from None
        try:
            queue = list(reversed(jobs))
            done = [0, progress]
            await asyncio.gather(*(_worker(browser, queue, folder, base_path, as_of, done) for _ in range(tabs)))
        finally:
            await browser.close()


async def _worker(browser, queue: list, folder: Path, base_path: str, as_of: dt.date, done: list) -> None:
    from playwright.async_api import Error

    # a context of its own: its own renderer process, so the tabs print on different cores
    context = await browser.new_context(java_script_enabled=False)
    await context.route("**/*", lambda route: _serve(route, folder, base_path))
    page = await context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    while queue:
        url, pdf = queue.pop()
        try:
            response = await page.goto(HOST + base_path + url.lstrip("/"), wait_until="load")
            if response is None or not response.ok:
                raise SitegenError(f"--pdf: {url} was not built, so it cannot be printed")
            # untagged: a tagged PDF carries renderer node ids that change from run to run
            data = await page.pdf(prefer_css_page_size=True, print_background=True, outline=False, tagged=False)
        except Error as error:
            raise SitegenError(f"--pdf: Chromium could not print {url}: {_first_line(error)}") from None
        target = folder / pdf
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pin_pdf_dates(data, as_of))
        done[0] += 1
        if done[1] is not None:
            done[1](done[0])
    await context.close()


async def _serve(route, folder: Path, base_path: str) -> None:
    """Answer the browser from the staging folder; nothing leaves the machine."""
    parts = urlsplit(route.request.url)
    path = unquote(parts.path)
    if f"{parts.scheme}://{parts.netloc}" != HOST or not path.startswith(base_path):
        await route.abort()  # an external image or font: printed without it, the same every time
        return
    file = (folder / path[len(base_path):]).resolve()
    if file.is_dir():
        file = file / "index.html"
    if folder.resolve() not in file.parents or not file.is_file():
        await route.fulfill(status=404, body="not found")
        return
    kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "image/svg+xml"):
        kind += "; charset=utf-8"
    await route.fulfill(status=200, body=file.read_bytes(), headers={"content-type": kind})


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}")


def pin_pdf_dates(data: bytes, as_of: dt.date) -> bytes:
    """The PDF's dates set to as_of (same length, so the cross-reference offsets stay right)."""
    stamp = as_of.strftime("%Y%m%d000000").encode()
    return _PDF_DATE.sub(lambda m: b"/" + m[1] + b" (D:" + stamp, data)


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


# --- XLSX forms ---------------------------------------------------------------

def write_form(site, unit, path: Path) -> Path:
    """forms.write_unit_form, with its timestamps set to as_of so the bytes are reproducible."""
    from .forms import unit_form

    saved = io.BytesIO()
    unit_form(site, unit).save(saved)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pin_xlsx_dates(saved, site.as_of))  # written once, already pinned
    return path


_CORE_DATE = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)")


def pin_xlsx_dates(xlsx, as_of: dt.date) -> bytes:
    """An XLSX (a path or file object) again, with its document dates and zip entry times at as_of."""
    stamp = as_of.strftime("%Y-%m-%dT00:00:00Z").encode()
    when = (max(as_of.year, 1980), as_of.month, as_of.day, 0, 0, 0)  # zip times start in 1980
    with zipfile.ZipFile(xlsx) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _CORE_DATE.sub(lambda m: m[1] + stamp + m[3], data)
            pinned = zipfile.ZipInfo(info.filename, date_time=when)
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = 0o644 << 16
            target.writestr(pinned, data)
    return out.getvalue()


def form_for_unit(site_dir: Path, unit_id: str, output: Path | None = None) -> tuple[Path, Unit]:
    """`sitegen progress form UNIT_ID`: the unit's form, written to `output` (default: in the current folder)."""
    from ..content.loadsite import load_site
    from ..core.errors import did_you_mean

    site = load_site(site_dir)
    units = {f"{u.jurisdiction.id}/{u.id}": u for u in site.units}
    unit = units.get(unit_id.strip().strip("/"))
    if unit is None:
        by_name = sorted(key for key, u in units.items() if unit_id in (u.name, *u.aliases))
        hint = (f"write <jurisdiction-id>/<unit-id>: {', '.join(by_name)}" if by_name
                else did_you_mean(unit_id, units) or "the ids are in output/data/units.json and on each unit page")
        raise SitegenError(f"no unit '{unit_id}' — {hint}")
    path = Path(output) if output else Path.cwd() / f"{unit.jurisdiction.id}-{unit.id}-form.xlsx"
    if path.suffix.lower() != ".xlsx":
        raise SitegenError(f"{path}: the form is an XLSX file — name it ….xlsx")
    try:
        return write_form(site, unit, path), unit
    except OSError as error:
        raise SitegenError(f"{path}: cannot write the form: {error.strerror}") from None
