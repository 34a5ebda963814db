"""Write a small, valid one-page PDF by hand, for tests.

No PDF library is needed to make it: one page, Helvetica with
WinAnsiEncoding (so "æøå" work), one text line per input line, and a
correct xref table. Run `python tests/pdfmaker.py` to refresh
`tests/fixtures/pages/posting.pdf`.
"""

from __future__ import annotations

from pathlib import Path

POSTING_LINES = [
    "Pædagogisk konsulent til Dagtilbud",
    "Østerå Kommune søger en pædagogisk konsulent.",
    "Ansøgningsfrist: 20. maj 2026 kl. 12.00",
    "Samtaler forventes afholdt den 27. maj 2026.",
    "Kontakt: chef for dagtilbud Åse Mølgaard, tlf. 4455 6677.",
]


def _pdf_string(line: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252) bytes, escaped."""
    raw = line.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(lines: list[str]) -> bytes:
    """Return the bytes of a one-page PDF showing `lines`."""
    content = b"BT /F1 12 Tf 72 770 Td 16 TL\n"
    content += b"".join(_pdf_string(line) + b" '\n" for line in lines) + b"ET\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


FIXTURE = Path(__file__).parent / "fixtures" / "pages" / "posting.pdf"

if __name__ == "__main__":
    FIXTURE.write_bytes(make_pdf(POSTING_LINES))
    print(f"wrote {FIXTURE}")
