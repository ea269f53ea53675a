"""The document formats a user can add, in one table.

Each :class:`Format` names its extensions, says how to recognise its content (the extension is
only a hint: a ``.txt`` PubMed export is read as MEDLINE) and points at its reader. Dispatch,
``assistant ingest --help`` and the README's format list all read :data:`FORMATS`; adding a format
means writing its reader module and adding one row here.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.library.formats import bibtex, medline, pdf, pubmed_xml, ris, text
from assistant.library.formats.base import IngestError, Parsed, first_line


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    note: str  # what becomes of it, for --help and the README
    read: Callable[[bytes, str, Parsed], None]  # (raw bytes, decoded text or "", parsed)
    binary: bool = False  # read from bytes, never decoded as text
    sniff: Callable[[str, str], bool] = lambda head, first: False  # (text head, first line)


FORMATS: tuple[Format, ...] = (
    Format(
        "PDF", (".pdf",), "one document, cited by page",
        lambda data, _text, parsed: pdf.parse_pdf(data, parsed), binary=True,
    ),
    Format(
        "PubMed XML", (".xml",), "one record per article, with PMID, DOI and publication type",
        lambda data, _text, parsed: pubmed_xml.parse_pubmed_xml(data, parsed),
        sniff=lambda head, first: head.startswith(
            ("<?xml", "<PubmedArticleSet", "<!DOCTYPE Pubmed")
        ),
    ),
    Format(
        "PubMed MEDLINE", (".nbib", ".medline"),
        "one record per article, with PMID, DOI and publication type",
        lambda _data, text_, parsed: medline.parse_medline(text_, parsed),
        sniff=lambda head, first: bool(re.match(r"^PMID- ?\d", first)),
    ),
    Format(
        "RIS", (".ris",), "one record per entry with an abstract",
        lambda _data, text_, parsed: ris.parse_ris(text_, parsed),
        sniff=lambda head, first: first.startswith("TY  - "),
    ),
    Format(
        "BibTeX", (".bib", ".bibtex"), "one record per entry with an abstract",
        lambda _data, text_, parsed: bibtex.parse_bibtex(text_, parsed),
        sniff=lambda head, first: bool(re.match(r"^\s*@\w+\s*[{(]", first)),
    ),
    Format(
        "Markdown", (".md", ".markdown"),
        "one document cited by section (with record front matter: a full record)",
        lambda _data, text_, parsed: text.parse_markdown(text_, parsed),
    ),
    Format(
        "plain text", (".txt", ".text"), "one document",
        lambda _data, text_, parsed: text.parse_text(text_, parsed),
        sniff=lambda head, first: True,  # the fallback for text without a known extension
    ),
)  # fmt: skip
EXTENSIONS: frozenset[str] = frozenset(e for f in FORMATS for e in f.extensions)
ARCHIVE_EXTS = frozenset(
    [
        ".zip",
        ".tar",
        ".gz",
        ".tgz",
        ".bz2",
        ".tbz2",
        ".xz",
        ".txz",
        ".7z",
        ".rar",
        ".zst",
        ".lz",
        ".lzma",
        ".z",
        ".cab",
        ".iso",
        ".jar",
    ]
)
_ARCHIVE_MAGIC = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)


def supported_text() -> str:
    """The formats in one line, for messages: "PDF (.pdf), PubMed XML (.xml), ..."."""
    return ", ".join(f"{f.name} ({'/'.join(f.extensions)})" for f in FORMATS)


def format_table() -> list[tuple[str, str, str]]:
    """(name, extensions, what it becomes) per format, for --help and the README."""
    return [(f.name, " ".join(f.extensions), f.note) for f in FORMATS]


def sniff_archive(head: bytes) -> str | None:
    for magic, name in _ARCHIVE_MAGIC:
        if head.startswith(magic):
            return name
    if len(head) > 262 and head[257:262] == b"ustar":
        return "tar"
    return None


def decode_text(data: bytes) -> str:
    """Bytes -> text: UTF-8 or UTF-16 by their marks, otherwise the encoding charset-normalizer
    finds (Shift-JIS, Latin-1 ...); binary data (NULs, control characters) is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            decoded = data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError("binary data, not text (cannot decode it)") from None
    else:
        if b"\x00" in data[:65536]:
            raise IngestError("binary data, not text: not a document type this tool reads")
        try:
            decoded = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            decoded = _guess_decode(data)
    sample = decoded[:65536]
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    bad += sample.count("\ufffd")
    if bad > max(3, len(sample) // 100):
        raise IngestError("binary data, not text: not a document type this tool reads")
    return decoded


def _guess_decode(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="replace")


def format_for(path: Path, data: bytes, decoded: str) -> Format:
    """The format of a file's content (its extension is a hint that the content can overrule)."""
    ext = path.suffix.lower()
    head = decoded.lstrip("\ufeff \n\r\t")[:400]
    first = first_line(decoded)
    for f in FORMATS:
        if not f.binary and (ext in f.extensions or f.sniff(head, first)):
            return f
    return FORMATS[-1]


def parse_document(
    path: Path, data: bytes, on_progress: Callable[[str], None] | None = None
) -> Parsed:
    """Sniff the content (the extension is only a hint) and parse it into draft records.
    ``on_progress`` hears how a long read goes (pages of a PDF, records of an export)."""
    ext = path.suffix.lower()
    parsed = Parsed(path=path, sha256=hashlib.sha256(data).hexdigest(), on_progress=on_progress)
    pdf_format = FORMATS[0]
    if b"%PDF-" in data[:1024]:
        pdf_format.read(data, "", parsed)
        return parsed
    if ext in pdf_format.extensions:
        raise IngestError("the file is named .pdf but is not a PDF (it does not start with %PDF)")
    if ext and ext not in EXTENSIONS:
        raise IngestError(f"unsupported file type {ext!r}; this tool reads {supported_text()}")
    decoded = decode_text(data)
    fmt = format_for(path, data, decoded)
    if fmt.name == "PubMed XML":
        bom = data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
        fmt.read(data if bom else data.lstrip(), decoded, parsed)
    else:
        fmt.read(data, decoded, parsed)
    if not parsed.drafts and parsed.errors and not parsed.skipped:
        raise IngestError("no usable record: " + "; ".join(parsed.errors[:5]))
    return parsed


__all__ = [
    "ARCHIVE_EXTS", "EXTENSIONS", "FORMATS", "Format", "IngestError", "Parsed", "decode_text",
    "format_table", "parse_document", "sniff_archive", "supported_text",
]  # fmt: skip
