"""Word 97-2003 .doc, WPS .wps, OpenDocument .odt and RTF: converted to .docx by LibreOffice, then read as a .docx."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ...core import limits
from ...core.errors import SitegenError
from .document import Document

COMMAND = "soffice --headless --convert-to docx"


def read_doc(data: bytes, name: str, kind: str = "doc") -> Document:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SitegenError(f"{name}: a .doc/.wps/.odt/.rtf file is read by converting it with LibreOffice "
                           f"(`{COMMAND} FILE`), which is not installed; install it "
                           "(apt-get install libreoffice-writer) or save the file as .docx in Word or WPS")
    with tempfile.TemporaryDirectory(prefix="sitegen-convert-") as folder:
        source = Path(folder) / f"notice.{kind}"  # LibreOffice picks its import filter by it
        source.write_bytes(data)
        env = {**os.environ, "HOME": folder}  # its own profile: no interference with a running LibreOffice
        try:
            done = subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "docx", "--outdir", folder,
                                   str(source)], capture_output=True, timeout=limits.CONVERT_SECONDS, env=env)
        except subprocess.TimeoutExpired:
            raise SitegenError(f"{name}: LibreOffice did not finish converting it in {limits.CONVERT_SECONDS} s; "
                               "save it as .docx in Word or WPS and import that") from None
        converted = Path(folder) / "notice.docx"
        if done.returncode != 0 or not converted.exists():
            message = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[:300]
            raise SitegenError(f"{name}: LibreOffice could not convert it ({message or 'no output'}); "
                               "is it damaged or password-protected?")
        from .docx import read_docx
        return read_docx(converted.read_bytes(), name)

