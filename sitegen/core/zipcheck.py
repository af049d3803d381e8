"""The one check of a zip container (.docx, .xlsx) before anything in it is unpacked: the importer's
readers and the progress intake both use it (a zip bomb, an encrypted or a damaged file)."""

from __future__ import annotations

import io
import zipfile

from . import limits
from .errors import SitegenError


def refusal(infos: list[zipfile.ZipInfo]) -> str | None:
    """Why these parts are not unpacked, or None."""
    if len(infos) > limits.MAX_ZIP_MEMBERS:
        return f"has {len(infos):,} parts (limit {limits.MAX_ZIP_MEMBERS:,}); refused"
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            return "is encrypted; save an unprotected copy and import that"
        total += info.file_size
        if info.file_size > limits.MAX_ZIP_MEMBER_BYTES or total > limits.MAX_ZIP_TOTAL_BYTES:
            return (f"unpacks to more than {min(limits.MAX_ZIP_MEMBER_BYTES, limits.MAX_ZIP_TOTAL_BYTES) // 2**20} MB; "
                    "refused (a damaged file or a zip bomb)")
        if info.file_size > 2**20 and info.file_size > limits.MAX_ZIP_RATIO * max(info.compress_size, 1):
            return (f"part {info.filename} is compressed {info.file_size // max(info.compress_size, 1)} times "
                    f"(limit {limits.MAX_ZIP_RATIO}); refused as a likely zip bomb")
    return None


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SitegenError(f"{name}: is damaged (not a readable zip archive: {exc}); "
                           "open it and save it again") from None
    why = refusal(infos)
    if why:
        raise SitegenError(f"{name}: {why}")
    return archive


def member_names(data: bytes) -> list[str]:
    try:
        return zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
