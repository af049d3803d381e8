"""Opening a .docx/.xlsx (a zip of XML parts) only after checking what it would unpack to."""

from __future__ import annotations

import io
import zipfile

from ... import limits
from ...errors import SitegenError


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SitegenError(f"{name}: is damaged (not a readable zip archive: {exc}); "
                           "open it and save it again") from None
    if len(infos) > limits.MAX_ZIP_MEMBERS:
        raise SitegenError(f"{name}: has {len(infos):,} parts (limit {limits.MAX_ZIP_MEMBERS:,}); refused")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise SitegenError(f"{name}: is encrypted; save an unprotected copy and import that")
        total += info.file_size
        if info.file_size > limits.MAX_ZIP_MEMBER_BYTES or total > limits.MAX_ZIP_TOTAL_BYTES:
            raise SitegenError(f"{name}: unpacks to more than "
                               f"{min(limits.MAX_ZIP_MEMBER_BYTES, limits.MAX_ZIP_TOTAL_BYTES) // 2**20} MB; refused "
                               "(a damaged file or a zip bomb)")
        if info.file_size > 2**20 and info.file_size > limits.MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise SitegenError(f"{name}: part {info.filename} is compressed {info.file_size // max(info.compress_size, 1)}"
                               f" times (limit {limits.MAX_ZIP_RATIO}); refused as a likely zip bomb")
    return archive


def member_names(data: bytes) -> list[str]:
    try:
        return zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
