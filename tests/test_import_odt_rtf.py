"""OpenDocument text (.odt) and RTF, the other files word processors save, import as their .docx does.

Each file is LibreOffice's own export (tests/formats.py): the .odt of the notice's .docx, with Word's
automatic numbering; the .rtf of its bare page, with numbers typed (LibreOffice's RTF export loses the
、 of an automatic numbering's level text, writing `1?`). Both are compared with the .docx import.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from formats import blocks_of, office_convert, task_view, to_docx, to_html  # noqa: E402

from sitegen.content.originals import DOWNLOAD  # noqa: E402
from sitegen.importer import import_notice  # noqa: E402
from sitegen.importer.readers import detect  # noqa: E402

CORPUS = Path(__file__).parent / "importer_corpus"
TEXTS = [CORPUS / "inline.txt", CORPUS / "table_cells.txt", CORPUS / "ordinal.txt"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("odt-rtf")
    blocks = [blocks_of(t.read_text(encoding="utf-8")) for t in TEXTS]
    docs = [to_docx(b, folder / f"{t.stem}.docx") for b, t in zip(blocks, TEXTS)]
    pages = [folder / f"{t.stem}.html" for t in TEXTS]
    for b, page in zip(blocks, pages):
        page.write_bytes(to_html(b, bare=True))
    return {"odt": office_convert(docs, "odt", folder / "odt"),
            "rtf": office_convert(pages, "rtf:Rich Text Format", folder / "rtf"), "docx": folder}


@pytest.mark.parametrize("fmt", ["odt", "rtf"])
@pytest.mark.parametrize("text", TEXTS, ids=lambda p: p.stem)
def test_same_tasks_as_the_docx(files, fmt, text, tmp_path):
    path = files[fmt] / f"{text.stem}.{fmt}"
    assert detect(path.read_bytes()) == fmt  # told by content, whatever the file is called
    got = import_notice(str(path), tmp_path / "a")
    want = import_notice(str(files["docx"] / f"{text.stem}.docx"), tmp_path / "b")
    assert task_view(got.data) == task_view(want.data) and got.task_count > 0
    assert got.data["source_file"].endswith(f".{fmt}") and f".{fmt}" in DOWNLOAD


def test_spreadsheet_opendocument_is_refused_with_the_formats_read(tmp_path):
    import zipfile
    path = tmp_path / "sheet.ods"
    with zipfile.ZipFile(path, "w") as ods:
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(Exception, match=r"OpenDocument text \(\.odt\)"):
        import_notice(str(path), tmp_path / "site")
