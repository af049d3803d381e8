"""A PDF made into an OFD (GB/T 33190) the ways real converters write one, for the OFD reader's tests.

Governments publish OFD files made from their PDFs or Word files by a converter (数科, 福昕, iOFD, the
海关's archive tools); each writes the same page differently. A style picks one of the shapes seen in real
files (ofdrw's test files, https://github.com/ofdrw/ofdrw, Apache-2.0, were read to learn them):

- "runs": one text object per run of characters on a line, X/Y inside its Boundary, DeltaX per character
  with 'g N d' for repeated steps (iOFD, ofdrw);
- "chars": one text object per character with a large Size shrunk by a CTM (数科);
- "composite": each page's content in a composite graphic unit of DocumentRes, in points, placed by a
  CTM of 0.3528 (a PDF-to-OFD archive converter);
- "blocks": each line's objects inside a PageBlock, the running header in a template page, parts located
  from the package root (/Doc_0/…) and the namespace without /2016.

Table rules become path objects: a ruled line a stroked path, a rectangle a filled one (Word's borders).
"""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pdfplumber

MM = 25.4 / 72  # points -> millimetres
STYLES = ("runs", "chars", "composite", "blocks")


def pdf_to_ofd(pdf: Path, out: Path, style: str = "runs") -> Path:
    with pdfplumber.open(pdf) as document:
        heads = [{_text(run) for run in _runs(page.chars) if _baseline(page, run) < page.height * 0.1}
                 for page in document.pages]
        running = set.intersection(*heads) if style == "blocks" and len(heads) > 1 else set()
        pages = [_page_objects(page, style, running) for page in document.pages]
        boxes = [(float(p.width) * MM, float(p.height) * MM) for p in document.pages]
    ns = "http://www.ofdspec.org" if style == "blocks" else "http://www.ofdspec.org/2016"
    parts = {"OFD.xml": _ofd_xml(ns, style)}
    parts.update(_document_parts(ns, style, pages, boxes))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>\n' + text)
    out.write_bytes(buffer.getvalue())
    return out


def _ofd_xml(ns: str, style: str) -> str:
    root = "/Doc_0/Document.xml" if style == "blocks" else "Doc_0/Document.xml"
    return (f'<ofd:OFD xmlns:ofd="{ns}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
            f'<ofd:DocID>0</ofd:DocID><ofd:Creator>tests/ofdmaker.py</ofd:Creator></ofd:DocInfo>'
            f'<ofd:DocRoot>{root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>')


def _document_parts(ns: str, style: str, pages: list[tuple[list[str], list[str]]],
                    boxes: list[tuple[float, float]]) -> dict[str, str]:
    width, height = boxes[0]
    parts, page_list, units = {}, [], []
    template = ""
    if style == "blocks":
        template = '<ofd:TemplatePage ID="2" BaseLoc="/Doc_0/Tpls/Tpl_0/Content.xml" ZOrder="Background"/>'
        parts["Doc_0/Tpls/Tpl_0/Content.xml"] = _content(ns, "".join(pages[0][1]), None)
    for n, ((body, running), (w, h)) in enumerate(zip(pages, boxes, strict=True)):
        content = "".join(body) + ("" if style == "blocks" else "".join(running))
        if style == "composite":
            units.append(f'<ofd:CompositeGraphicUnit ID="{1000 + n}" Width="{w / MM:.2f}" Height="{h / MM:.2f}">'
                         f'<ofd:Content>{content}</ofd:Content></ofd:CompositeGraphicUnit>')
            content = (f'<ofd:CompositeObject ID="{2000 + n}" CTM="{MM:.4f} 0 0 {MM:.4f} 0 0" '
                       f'Boundary="0 0 {w:.4f} {h:.4f}" ResourceID="{1000 + n}"/>')
        uses = '<ofd:Template TemplateID="2" ZOrder="Background"/>' if style == "blocks" else ""
        parts[f"Doc_0/Pages/Page_{n}/Content.xml"] = _content(ns, content, (w, h), uses)
        where = f"/Doc_0/Pages/Page_{n}/Content.xml" if style == "blocks" else f"Pages/Page_{n}/Content.xml"
        page_list.append(f'<ofd:Page ID="{n + 1}" BaseLoc="{where}"/>')
    res = ""
    if units:
        parts["Doc_0/DocumentRes.xml"] = (f'<ofd:Res xmlns:ofd="{ns}" BaseLoc="Res"><ofd:CompositeGraphicUnits>'
                                          f'{"".join(units)}</ofd:CompositeGraphicUnits></ofd:Res>')
        res = "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>"
    parts["Doc_0/Document.xml"] = (
        f'<ofd:Document xmlns:ofd="{ns}"><ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea>'
        f'<ofd:PhysicalBox>0 0 {width:.4f} {height:.4f}</ofd:PhysicalBox></ofd:PageArea>{res}{template}'
        f'</ofd:CommonData><ofd:Pages>{"".join(page_list)}</ofd:Pages></ofd:Document>')
    return parts


def _content(ns: str, objects: str, box: tuple[float, float] | None, uses: str = "") -> str:
    area = f"<ofd:Area><ofd:PhysicalBox>0 0 {box[0]:.4f} {box[1]:.4f}</ofd:PhysicalBox></ofd:Area>" if box else ""
    return (f'<ofd:Page xmlns:ofd="{ns}">{area}{uses}<ofd:Content><ofd:Layer ID="1">{objects}'
            f'</ofd:Layer></ofd:Content></ofd:Page>')


# -- a page's objects ---------------------------------------------------------------------------------

def _text(run: list[dict]) -> str:
    return "".join(c["text"] for c in run)


def _baseline(page, run: list[dict]) -> float:
    """The run's baseline, from the page's top."""
    return float(page.height) - run[0]["matrix"][5]


def _page_objects(page, style: str, heads: set[str]) -> tuple[list[str], list[str]]:
    """The page's objects: (its body, its running header: the top tenth's lines every page prints)."""
    unit = 1.0 if style == "composite" else MM  # the composite unit is drawn in points
    body, running = [], []
    for run in _runs(page.chars):
        top = _baseline(page, run)
        objects = _text_objects(run, top, unit, style)
        head = top < page.height * 0.1 and _text(run) in heads
        block = f"<ofd:PageBlock>{objects}</ofd:PageBlock>" if style == "blocks" else objects
        (running if head else body).append(block)
    for rect in page.rects:
        body.append(_path(rect["x0"], rect["top"], rect["x1"] - rect["x0"], rect["bottom"] - rect["top"],
                          unit, fill=True))
    for line in page.lines:
        body.append(_path(line["x0"], line["top"], line["x1"] - line["x0"], line["bottom"] - line["top"],
                          unit, fill=False))
    return body, running


def _runs(chars: list[dict]) -> list[list[dict]]:
    """Characters on one baseline, at one size, left to right, broken where a gap wider than a character
    parts them (a table's next cell)."""
    ordered = sorted(chars, key=lambda c: (round(c["matrix"][5], 1), c["x0"]))
    runs: list[list[dict]] = []
    for char in ordered:
        last = runs[-1][-1] if runs else None
        if (last is not None and abs(last["matrix"][5] - char["matrix"][5]) < 0.5
                and abs(last["size"] - char["size"]) < 0.1 and char["x0"] - last["x1"] < char["size"]):
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def _text_objects(run: list[dict], top: float, unit: float, style: str) -> str:
    size = run[0]["size"]
    if style == "chars":  # 数科: Size in a tiny unit, shrunk by the CTM
        scale = 0.0176
        return "".join(
            f'<ofd:TextObject ID="0" Boundary="{c["x0"] * unit:.4f} {(top - size) * unit:.4f} '
            f'{size * unit:.4f} {size * 1.2 * unit:.4f}" Font="1" Size="{size * unit / scale:.3f}" '
            f'CTM="{scale} 0 0 {scale} 0 0"><ofd:TextCode X="0" Y="{size * unit / scale:.3f}">'
            f'{escape(c["text"])}</ofd:TextCode></ofd:TextObject>' for c in run)
    left = run[0]["x0"]
    steps = [(b["x0"] - a["x0"]) * unit for a, b in itertools.pairwise(run)]
    text = _text(run)
    width = (run[-1]["x1"] - left) * unit
    return (f'<ofd:TextObject ID="0" Boundary="{left * unit:.4f} {(top - size) * unit:.4f} {width:.4f} '
            f'{size * 1.3 * unit:.4f}" Font="1" Size="{size * unit:.4f}"><ofd:TextCode X="0" '
            f'Y="{size * unit:.4f}" DeltaX="{_compressed(steps)}">{escape(text)}</ofd:TextCode></ofd:TextObject>')


def _compressed(steps: list[float]) -> str:
    """DeltaX as converters write it: a run of equal steps as 'g N d'."""
    out, i = [], 0
    while i < len(steps):
        j = i
        while j + 1 < len(steps) and abs(steps[j + 1] - steps[i]) < 0.001:
            j += 1
        out.append(f"g {j - i + 1} {steps[i]:.4f}" if j > i else f"{steps[i]:.4f}")
        i = j + 1
    return " ".join(out)


def _path(x: float, top: float, width: float, height: float, unit: float, fill: bool) -> str:
    data = f"M 0 0 L {width * unit:.4f} 0 L {width * unit:.4f} {height * unit:.4f} L 0 {height * unit:.4f} C" \
        if fill else f"M 0 0 L {width * unit:.4f} {height * unit:.4f}"
    paint = 'Fill="true" Stroke="false"' if fill else 'LineWidth="0.25"'
    return (f'<ofd:PathObject ID="0" Boundary="{x * unit:.4f} {top * unit:.4f} {max(width, 0.1) * unit:.4f} '
            f'{max(height, 0.1) * unit:.4f}" {paint}><ofd:AbbreviatedData>{data}</ofd:AbbreviatedData>'
            f'</ofd:PathObject>')
