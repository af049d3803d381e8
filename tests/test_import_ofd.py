"""OFD files (GB/T 33190), China's fixed-layout format for official documents: sitegen/importer/readers/ofd.py.

The OFDs are written here by hand, made by tests/ofdmaker.py from a printed PDF in the ways real converters
write them, or taken from a converter (tests/fixtures/ofd/). `python tests/importer_filefuzz.py --seeds 100
--start 200 route=ofd route=lo-ofd` measures the table generator's cases as OFD files.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ofdmaker import STYLES, pdf_to_ofd

from sitegen.core.errors import SitegenError
from sitegen.importer import import_notice
from sitegen.importer.content import iter_tasks
from sitegen.importer.readers import detect, read_document
from sitegen.importer.readers.pdf import read_pdf

NS = "http://www.ofdspec.org/2016"
SIZE = 5.6  # mm: 16 pt, the size 公文 print their text in
PER_LINE = 27  # characters on a 156 mm line
NOTICE = [
    "某县人民政府办公室关于印发2024年重点工作任务分解的通知",
    "各乡镇人民政府，县政府各部门：",
    "现将《2024年重点工作任务分解》印发给你们，请认真贯彻落实。",
    "1.全面推进乡村振兴，新建高标准农田5万亩。（牵头单位：县农业农村局；责任单位：县财政局、县水利局）",
    "2.持续优化营商环境。（牵头单位：县发展改革局；责任单位：县市场监管局）",
    "某县人民政府办公室",
    "2024年3月1日",
]


def _package(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def _ofd(pages: list[str], extra: dict[str, str] | None = None, document_extra: str = "") -> bytes:
    """A package with these pages' layer contents (objects as XML)."""
    parts = {"OFD.xml": f'<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
                        "</ofd:DocBody></ofd:OFD>"}
    listed = "".join(f'<ofd:Page ID="{n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
    parts["Doc_0/Document.xml"] = (f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>'
                                   f"0 0 210 297</ofd:PhysicalBox></ofd:PageArea>{document_extra}</ofd:CommonData>"
                                   f"<ofd:Pages>{listed}</ofd:Pages></ofd:Document>")
    for n, objects in enumerate(pages):
        parts[f"Doc_0/Pages/Page_{n}/Content.xml"] = (f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="1">'
                                                      f"{objects}</ofd:Layer></ofd:Content></ofd:Page>")
    parts.update(extra or {})
    return _package(parts)


def _line(text: str, x: float, y: float, size: float = SIZE, ctm: str = "") -> str:
    """One printed line as one text object, its steps compressed as converters write them ('g N d')."""
    steps = f"g {len(text) - 1} {size}" if len(text) > 1 else ""
    transform = f' CTM="{ctm}"' if ctm else ""
    return (f'<ofd:TextObject ID="1" Boundary="{x} {y} {len(text) * size} {size * 1.3}" Font="1" Size="{size}"'
            f'{transform}><ofd:TextCode X="0" Y="{size}" DeltaX="{steps}">{text}</ofd:TextCode></ofd:TextObject>')


def _printed(paragraphs: list[str]) -> str:
    """The paragraphs as a printer lays them out: indented two characters, wrapped at the line's width."""
    objects, y = [], 30.0
    for paragraph in paragraphs:
        first, rest = paragraph[:PER_LINE - 2], paragraph[PER_LINE - 2:]
        objects.append(_line(first, 28 + 2 * SIZE, y))
        for start in range(0, len(rest), PER_LINE):
            y += SIZE * 1.8
            objects.append(_line(rest[start:start + PER_LINE], 28, y))
        y += SIZE * 2.4
    return "".join(objects)


def _body(*objects: str) -> str:
    """Objects above a paragraph of text: a page with fewer than 20 characters reads as a scan."""
    return "".join(objects) + _line("现将重点工作任务分解表印发给你们，请认真贯彻落实。", 28, 200)


def _import(data: bytes, tmp_path: Path, name: str = "notice.ofd") -> list[dict]:
    path = tmp_path / name
    path.write_bytes(data)
    result = import_notice(str(path), tmp_path / "site", force=True, jurisdiction="某县", parent="某市")
    return list(iter_tasks(result.data))


def test_a_printed_notice_imports_its_tasks(tmp_path):
    tasks = _import(_ofd([_printed(NOTICE)]), tmp_path)
    assert [t["text"][:8] for t in tasks] == ["全面推进乡村振兴", "持续优化营商环境"]
    assert "新建高标准农田5万亩" in tasks[0]["text"]  # the wrapped line joined
    assert [(u["name"], u.get("role")) for u in tasks[0]["units"]] == [
        ("县农业农村局", "牵头"), ("县财政局", "责任"), ("县水利局", "责任")]


def test_the_format_is_told_by_content():
    data = _ofd([_printed(NOTICE[:1])])
    assert detect(data, "") == "ofd" and detect(data, "zip") == "ofd"


@pytest.mark.parametrize("where", ["relative", "absolute"])
def test_parts_are_found_relative_to_their_part_or_from_the_root(where):
    base = "Pages/Page_0/Content.xml" if where == "relative" else "/Doc_0/Pages/Page_0/Content.xml"
    data = _ofd([_body(_line("重点工作任务分解", 28, 30))])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {n: archive.read(n).decode() for n in archive.namelist()}
    parts["Doc_0/Document.xml"] = parts["Doc_0/Document.xml"].replace('"Pages/Page_0/Content.xml"', f'"{base}"')
    assert "重点工作任务分解" in read_document(_package(parts), "x.ofd")[1].text()


def test_a_text_object_scaled_by_its_ctm_keeps_its_place_and_size():
    # 数科-style: Size in a tiny unit, shrunk by the CTM; the line below is an ordinary text object
    scale = 0.0176
    tiny = _line("一、稳增长", 28 / scale, 30 / scale, size=SIZE / scale, ctm=f"{scale} 0 0 {scale} 0 0")
    tiny = tiny.replace(f'Boundary="{28 / scale}', 'Boundary="0').replace(f' {30 / scale} ', " 0 ", 1)
    text = read_document(_ofd([_body(tiny, _line("(一)扩大有效投资。", 28, 45))]), "x.ofd")[1].text()
    assert text.index("一、稳增长") < text.index("(一)扩大有效投资。")


def test_page_blocks_templates_and_composite_units_are_drawn():
    unit = ('<ofd:Res xmlns:ofd="{ns}"><ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="50" Width="100" '
            'Height="20"><ofd:Content>{line}</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits>'
            '</ofd:Res>').format(ns=NS, line=_line("三、惠民生", 0, 0))
    template = (f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="9">{_line("某县人民政府", 28, 12)}'
                "</ofd:Layer></ofd:Content></ofd:Page>")
    page = _body(f"<ofd:PageBlock>{_line('二、促改革', 28, 40)}</ofd:PageBlock>",
                 '<ofd:CompositeObject ID="7" Boundary="28 60 100 20" ResourceID="50"/>')
    data = _ofd([page], {"Doc_0/Res.xml": unit, "Doc_0/Tpl.xml": template},
                '<ofd:DocumentRes>Res.xml</ofd:DocumentRes><ofd:TemplatePage ID="3" BaseLoc="Tpl.xml"/>')
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {n: archive.read(n).decode() for n in archive.namelist()}
    parts["Doc_0/Pages/Page_0/Content.xml"] = parts["Doc_0/Pages/Page_0/Content.xml"].replace(
        "<ofd:Content>", '<ofd:Template TemplateID="3"/><ofd:Content>')
    text = read_document(_package(parts), "x.ofd")[1].text()
    assert text.index("某县人民政府") < text.index("二、促改革") < text.index("三、惠民生")


def test_every_character_comes_back_as_printed():
    # numbers past ⑩, a middle dot, a bullet and Latin letters are in no CJK font's GB range
    line = "⑪推进“中科武大·智谷”建设•Café №3"
    assert line in read_document(_ofd([_line(line, 20, 30, size=4.0)]), "x.ofd")[1].text()


def test_a_converters_ofd_reads_as_printed():
    """iOFD's file (ofdrw's test file, tests/fixtures/ofd/README.md): a 批复 with no task, so the import
    refuses it as no task-allocation notice, having read its text."""
    path = Path(__file__).parent / "fixtures" / "ofd" / "ofdrw-luqiao-pifu.ofd"
    text = read_document(path.read_bytes(), path.name)[1].text()
    assert "路卫发〔2011〕76号" in text and "关于同意张阿三同志辞职的批复" in text
    assert "经研究，同意张阿三同志辞职。" in text
    with pytest.raises(SitegenError, match="found no tasks"):
        import_notice(str(path), Path("/nonexistent-site"), force=True, jurisdiction="路桥区", parent="台州市")


@pytest.mark.parametrize(("parts", "says"), [
    ({"OFD.xml": f'<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
                 "</ofd:DocBody></ofd:OFD>"}, "is a damaged OFD file .*part Doc_0/Document.xml is missing"),
    ({"OFD.xml": "<ofd:OFD"}, "is a damaged OFD file"),
])
def test_a_damaged_package_is_named(tmp_path, parts, says):
    with pytest.raises(SitegenError, match=says):
        read_document(_package(parts), "broken.ofd")


def test_text_drawn_as_outlines_is_refused_like_a_scan():
    path = '<ofd:PathObject ID="2" Boundary="20 20 100 1" Fill="true"><ofd:AbbreviatedData>M 0 0 L 100 0 L 100 1 ' \
           "L 0 1 C</ofd:AbbreviatedData></ofd:PathObject>"
    with pytest.raises(SitegenError, match="has no text layer"):
        read_document(_ofd([path]), "outlines.ofd")


def test_hostile_packages_cost_nothing():
    entity = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
              f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="1">'
              f'{_line("重点工作&e;", 28, 30)}</ofd:Layer></ofd:Content></ofd:Page>')
    data = _ofd([""], {"Doc_0/Pages/Page_0/Content.xml": entity.replace("</ofd:Layer>", _body() + "</ofd:Layer>")})
    assert "root:" not in read_document(data, "x.ofd")[1].text()
    runaway = _line("重点工作任务分解", 28, 30).replace('DeltaX="g 7', 'DeltaX="g 999999999')
    assert "重点工作任务分解" in read_document(_ofd([_body(runaway)]), "x.ofd")[1].text()
    loop = (f'<ofd:Res xmlns:ofd="{NS}"><ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="5"><ofd:Content>'
            '<ofd:CompositeObject ID="6" Boundary="0 0 10 10" ResourceID="5"/></ofd:Content>'
            "</ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits></ofd:Res>")
    with pytest.raises(SitegenError, match="nest too deep"):
        read_document(_ofd(['<ofd:CompositeObject ID="6" Boundary="0 0 10 10" ResourceID="5"/>'],
                           {"Doc_0/Res.xml": loop}, "<ofd:PublicRes>Res.xml</ofd:PublicRes>"), "loop.ofd")


@pytest.mark.browser
@pytest.mark.parametrize("style", STYLES)
def test_each_converters_ofd_reads_like_its_pdf(tmp_path, style):
    """A printed task table (Chromium's PDF: running header, page numbers, a ruled table across pages) made
    into an OFD as each converter writes one reads as the PDF does."""
    from formats import Printer, blocks_of, to_html

    notice = Path(__file__).parent / "formats_corpus" / "merged_rows.txt"
    with Printer() as printer:
        pdf = printer.pdf(to_html(blocks_of(notice.read_text(encoding="utf-8")), for_print=True),
                          tmp_path / "notice.pdf")
    ofd = pdf_to_ofd(pdf, tmp_path / "notice.ofd", style)
    assert read_document(ofd.read_bytes(), ofd.name)[1].text() == read_pdf(pdf.read_bytes(), pdf.name).text()


def test_a_package_of_too_many_pages_is_refused_before_they_are_drawn():
    from sitegen.core import limits

    with pytest.raises(SitegenError, match=f"more than {limits.MAX_PDF_PAGES} pages"):
        read_document(_ofd([""] * (limits.MAX_PDF_PAGES + 1)), "many.ofd")
