"""Small PDFs written by hand for the cases no real fixture shows (running headers, control characters).

Each character is one code of a Type 0 font (Identity-H, every glyph one em wide) whose ToUnicode
map gives the character back, as word processors write Chinese PDFs; no font program is embedded.
"""
from __future__ import annotations


def make_pdf(pages: list[list[tuple[float, float, str]]], size: float = 12.0) -> bytes:
    """A PDF whose page i shows each (x, y, text) of pages[i] at (x, y) in points on A4."""
    chars = sorted({ch for page in pages for _, _, text in page for ch in text})
    cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    for start in range(0, len(chars), 100):
        block = chars[start:start + 100]
        cmap.append(f"{len(block)} beginbfchar")
        cmap += [f"<{ord(ch):04X}> <{ord(ch):04X}>" for ch in block]
        cmap.append("endbfchar")
    cmap.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,  # the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000 /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R >>",
        _stream("\n".join(cmap).encode("ascii")),
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 880] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    kids = []
    for page in pages:
        content = b"".join(b"BT /F1 %.1f Tf %.2f %.2f Td <%s> Tj ET\n" % (size, x, y, text.encode("utf-16-be").hex().encode())
                           for x, y, text in page)
        objects.append(_stream(content))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def lines(text: str, *, top: float = 760, left: float = 72, width: int = 36, size: float = 12.0,
          indent: bool = True) -> list[tuple[float, float, str]]:
    """A paragraph set as a word processor would: first line indented two characters, `width` per line."""
    out = []
    first = width - 2 if indent else width
    chunks = [text[:first]] + [text[i:i + width] for i in range(first, len(text), width)]
    for row, chunk in enumerate(chunks):
        x = left + (2 * size if row == 0 and indent else 0)
        out.append((x, top - row * size * 1.5, chunk))
    return out
