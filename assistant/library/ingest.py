"""Your own documents: PDF, PubMed exports (MEDLINE/.nbib, XML), RIS, BibTeX, text and Markdown.

Every document becomes a Markdown record (evidence ``user-document`` unless its metadata says
better) in ``<index_dir>/library/<id>.md``, which :func:`assistant.index.build.build_index` indexes
together with the curated corpus. PDF pages are kept as ``<!-- page N -->`` marks, so citations
carry the page.

An ingest is all or nothing for the index: files are parsed first (bad files are reported and
left out), then the new records are written, then the index is built; when the build fails the
written files are removed and replaced ones restored, so the library and the live index stay as
they were. A file already in the library (same content hash) is skipped; a file whose content
changed at the same path replaces its old records.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import re
import secrets
import shutil
import socket
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from pydantic import ValidationError

from assistant.index.build import (
    BuildReport,
    IndexBusy,
    _write_atomic,
    build_index,
    current_generation,
    library_dir,
    read_manifest,
)
from assistant.library.records import (
    CorpusError,
    Record,
    _format_validation_error,
    corpus_files,
    load_records,
    parse_record,
)
from assistant.settings import Settings
from assistant.vocab import EVIDENCE_RANK

PDF_EXTS = {".pdf"}
TEXT_EXTS = {".txt", ".text"}
MARKDOWN_EXTS = {".md", ".markdown"}
MEDLINE_EXTS = {".nbib", ".medline"}
XML_EXTS = {".xml"}
RIS_EXTS = {".ris"}
BIBTEX_EXTS = {".bib", ".bibtex"}
SUPPORTED_EXTS = (
    PDF_EXTS | TEXT_EXTS | MARKDOWN_EXTS | MEDLINE_EXTS | XML_EXTS | RIS_EXTS | BIBTEX_EXTS
)
ARCHIVE_EXTS = {
    ".zip", ".tar", ".gz", ".tgz", ".bz2", ".tbz2", ".xz", ".txz", ".7z", ".rar", ".zst", ".lz",
    ".lzma", ".z", ".cab", ".iso", ".jar",
}  # fmt: skip
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
SUPPORTED_TEXT = "PDF, PubMed MEDLINE (.nbib/.txt) or XML, RIS, BibTeX, plain text, Markdown"

MAX_AUTHORS = 10
_ID_HASH = 8


class IngestError(ValueError):
    """A document or an ingest that cannot be done; the message says why and what to do."""


class OfflineError(IngestError):
    """PubMed cannot be reached (this machine is offline, or NCBI did not answer in time)."""


@dataclass
class Problem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # new record ids
    replaced: list[str] = field(default_factory=list)  # old ids removed: their file changed
    skipped: list[Problem] = field(default_factory=list)  # duplicates, nothing to index, ...
    errors: list[Problem] = field(default_factory=list)  # files or records that failed
    warnings: list[Problem] = field(default_factory=list)  # added, but with a caveat
    titles: dict[str, str] = field(default_factory=dict)  # id -> title of the added records
    build: BuildReport | None = None  # None when nothing was added (the index is untouched)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        lines = []
        if self.added:
            lines.append(f"Added {len(self.added)} document(s) to your library:")
            lines += [f"  {rid}  {self.titles.get(rid, '')[:70]}" for rid in self.added]
        if self.replaced:
            lines.append(
                f"Replaced {len(self.replaced)} older version(s): {', '.join(self.replaced)}"
            )
        for label, items in (
            ("Skipped", self.skipped),
            ("Warning", self.warnings),
            ("Error", self.errors),
        ):
            lines += [f"{label}: {p}" for p in items]
        if self.build is not None:
            lines.append(self.build.summary())
        elif not self.added:
            lines.append("Nothing added; the index is unchanged.")
        return "\n".join(lines)


# --------------------------------------------------------------------------- small helpers


def slugify(text: str, max_len: int = 40) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    if len(t) > max_len:
        cut = t[:max_len]
        t = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return t or "document"


def make_id(title: str, key: str) -> str:
    """``user-<slug>-<short hash>``: the slug from the title, the hash from ``key``."""
    short = hashlib.sha256(key.encode()).hexdigest()[:_ID_HASH]
    return f"user-{slugify(title)}-{short}"


def _clean_line_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)


def _one_line(text: str | None) -> str:
    return re.sub(r"\s+", " ", _clean_line_text(text or "")).strip()


_PAGE_MARK_LIKE = re.compile(r"^\s*<!--\s*page\s+(\d+)\s*-->\s*$", re.I | re.M)
_HEADING_LIKE = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M)


def sanitize_text(text: str) -> str:
    """Plain text made safe to embed in a record body: no headings or page marks of its own."""
    text = _clean_line_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\t", " ").replace("\u00a0", " ")
    text = _PAGE_MARK_LIKE.sub(lambda m: f"(page {m.group(1)})", text)
    text = _HEADING_LIKE.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _year(text: Any) -> int | None:
    m = re.search(r"\b(19\d\d|20\d\d|2100)\b", str(text or ""))
    return int(m.group(1)) if m else None


def _doi(text: Any) -> str | None:
    t = _one_line(str(text or ""))
    t = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", t, flags=re.I)
    t = t.split(" ")[0].rstrip(".")
    return t if t.startswith("10.") and "/" in t else None


def _pmid(text: Any) -> str | None:
    t = _one_line(str(text or ""))
    return t if re.fullmatch(r"\d{1,8}", t) else None


def _authors(names: Iterable[str]) -> tuple[list[str], bool]:
    out = [n for n in (_one_line(x) for x in names) if n]
    return out[:MAX_AUTHORS], len(out) > MAX_AUTHORS


def _initials(first: str) -> str:
    return "".join(p[0].upper() for p in re.split(r"[\s.\-]+", first) if p and p[0].isalpha())


def _name_last_first(name: str) -> str:
    """'Doe, Jane A.' -> 'Doe JA'; 'Jane Doe' -> 'Doe J'; a single word stays as it is."""
    name = _one_line(name)
    if "," in name:
        last, _, first = name.partition(",")
        ini = _initials(first)
        return f"{last.strip()} {ini}".strip()
    parts = name.split()
    if len(parts) >= 2:
        return f"{parts[-1]} {_initials(' '.join(parts[:-1]))}".strip()
    return name


_PUBTYPE_EVIDENCE = {
    "meta-analysis": "meta-analysis",
    "systematic review": "systematic-review",
    "randomized controlled trial": "rct",
    "review": "review",
    "case reports": "case-report",
    "observational study": "cohort",
    "practice guideline": "guideline",
    "guideline": "guideline",
}


def evidence_for(pubtypes: Iterable[str]) -> str:
    """PubMed publication types -> our evidence vocabulary (the strongest match wins)."""
    found = []
    for pt in pubtypes:
        p = _one_line(pt).lower().rstrip(".")
        ev = _PUBTYPE_EVIDENCE.get(p)
        if ev is None:
            if p.startswith("randomized controlled trial"):
                ev = "rct"
            elif p.startswith("observational study") or "cohort" in p:
                ev = "cohort"
        if ev:
            found.append(ev)
    return min(found, key=lambda e: EVIDENCE_RANK[e]) if found else "user-document"


_SUBSTANCE_WORDS = {
    "alcohol": r"alcohol|drinking|ethanol",
    "opioids": r"opioid|opiate|heroin|morphine|methadone|buprenorphine",
    "cocaine": r"cocaine",
    "methamphetamine": r"methamphetamine|amphetamine",
    "nicotine": r"nicotine|smoking|tobacco|cigarette",
    "ghb": r"\bghb\b|gamma-hydroxybutyr|\bgbl\b",
    "spasticity": r"spasticity|spastic",
}


def substances_in(text: str) -> list[str]:
    low = text.lower()
    return [s for s, pat in _SUBSTANCE_WORDS.items() if re.search(pat, low)]


# --------------------------------------------------------------------------- parsed documents


@dataclass
class Draft:
    """A record parsed from a file, not yet written (``line`` locates it in a multi-record file)."""

    record: Record
    line: int | None = None


@dataclass
class Parsed:
    path: Path
    sha256: str
    drafts: list[Draft] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # bad records inside an otherwise good file
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _record(**data: Any) -> Record:
    data = {k: v for k, v in data.items() if v not in (None, "", [], {})}
    try:
        return Record.model_validate(data)
    except ValidationError as exc:
        raise IngestError(_format_validation_error(Path(data.get("id", "?")), exc)) from None


def _article(
    parsed: Parsed,
    kind: str,
    *,
    title: str | None,
    abstract: str | None,
    authors: Iterable[str] = (),
    journal: str | None = None,
    year: Any = None,
    volume: str | None = None,
    pages: str | None = None,
    pmid: Any = None,
    doi: Any = None,
    pubtypes: Iterable[str] = (),
    where: str = "",
    line: int | None = None,
) -> None:
    """Add one bibliographic record (an article from an export) to ``parsed``."""
    title = _one_line(title).rstrip(". ")
    if not title:
        parsed.errors.append(f"{where}: no title")
        return
    abstract = sanitize_text(abstract or "")
    if not abstract:
        parsed.skipped.append(f"{where} ({title[:60]}): no abstract, nothing to index")
        return
    pmid, doi = _pmid(pmid), _doi(doi)
    names, et_al = _authors(authors)
    note = f"from the user's {kind} {parsed.path.name}"
    verified = {k: note for k, v in (("pmid", pmid), ("doi", doi)) if v}
    key = f"pmid:{pmid}" if pmid else f"doi:{doi.lower()}" if doi else f"{parsed.sha256}:{title}"
    year_i = _year(year)
    try:
        rec = _record(
            id=make_id(title, key),
            title=title[:300],
            authors=names,
            authors_et_al=et_al,
            year=year_i if year_i and 1900 <= year_i <= 2100 else None,
            journal=_one_line(journal)[:200] or None,
            volume=_one_line(volume)[:40] or None,
            pages=_one_line(pages)[:40] or None,
            pmid=pmid,
            doi=doi,
            evidence=evidence_for(pubtypes),
            substances=substances_in(f"{title} {abstract}"),
            verified=verified,
            source_file=str(parsed.path),
            source_sha256=parsed.sha256,
            body=f"## Abstract\n\n{abstract}",
        )
    except IngestError as exc:
        parsed.errors.append(f"{where}: {exc}")
        return
    parsed.drafts.append(Draft(rec, line))


# ---- PDF


def _pdf_meta_title(value: Any) -> str | None:
    t = _one_line(str(value or ""))
    if not t or len(t) < 4 or t.lower() in {"untitled", "title", "document"}:
        return None
    if re.search(r"\.(docx?|pdf|tex|odt|rtf|pptx?)$", t, re.I) or t.lower().startswith(
        "microsoft word"
    ):
        return None
    return t


def _split_author_field(value: str) -> list[str]:
    value = _one_line(value)
    if not value:
        return []
    parts = re.split(r";", value) if ";" in value else re.split(r",|\band\b|&", value)
    return [p.strip() for p in parts if p.strip()]


_NAME = re.compile(
    r"^[A-Z][A-Za-z'\u00c0-\u017f\-]*\.?(?: [A-Za-z][A-Za-z'\u00c0-\u017f\-]*\.?){1,3}$"
)


def _looks_like_authors(line: str) -> list[str]:
    cleaned = re.sub(r"[\d*\u2020\u2021\u00a7\u00b6]+", "", line)
    parts = [p.strip() for p in re.split(r",|\band\b|&|;", cleaned) if p.strip()]
    if not parts or len(parts) > 30 or not all(_NAME.match(p) for p in parts):
        return []
    if any(len(p.split()) > 4 for p in parts):
        return []
    return parts


def _first_page_title(text: str) -> tuple[str | None, list[str]]:
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    for i, ln in enumerate(lines[:12]):
        low = ln.lower()
        if re.search(r"doi|https?:|www\.|@|\u00a9|issn|journal|vol\.|volume|page \d", low):
            continue
        words = re.findall(r"[A-Za-z]{2,}", ln)
        if len(words) < 2 or len(ln) > 200:
            continue
        authors = _looks_like_authors(lines[i + 1]) if i + 1 < len(lines) else []
        return ln.rstrip("."), authors
    return None, []


def parse_pdf(data: bytes, parsed: Parsed) -> None:
    import logging

    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)  # its warnings on damaged files duplicate what we report
    try:
        _parse_pdf(data, parsed)
    finally:
        log.setLevel(level)


def _parse_pdf(data: bytes, parsed: Parsed) -> None:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                ok = 0
            if not ok:
                raise IngestError(
                    "the PDF is encrypted (password protected); save an unprotected copy and "
                    "add that"
                )
        n_pages = len(reader.pages)
        if n_pages == 0:
            raise IngestError("the PDF has no pages (damaged file?)")
        pages: list[tuple[int, str]] = []
        empty: list[int] = []
        for i, page in enumerate(reader.pages, start=1):
            try:
                raw = page.extract_text() or ""
            except Exception:  # noqa: BLE001 - one unreadable page must not lose the rest
                raw = ""
            text = _pdf_page_text(raw)
            if sum(ch.isalnum() for ch in text) < 3:
                empty.append(i)
            else:
                pages.append((i, text))
        try:
            meta = reader.metadata
        except Exception:  # noqa: BLE001
            meta = None
    except IngestError:
        raise
    except FileNotDecryptedError:
        raise IngestError("the PDF is encrypted (password protected)") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise IngestError(f"the PDF cannot be read (damaged file?): {exc}") from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken files
        raise IngestError(
            f"the PDF cannot be read (damaged file?): {type(exc).__name__}: {exc}"
        ) from None
    if sum(sum(ch.isalnum() for ch in t) for _, t in pages) < 20:
        raise IngestError(
            f"no text layer found in {n_pages} page(s): a scanned PDF needs OCR first "
            "(e.g. ocrmypdf), then add the OCR'd file"
        )
    if empty:
        parsed.warnings.append(
            f"{len(empty)} of {n_pages} page(s) have no text layer and were left out "
            f"(pages {_ranges(empty)})"
        )
    title = _pdf_meta_title(getattr(meta, "title", None)) if meta else None
    authors = _split_author_field(str(getattr(meta, "author", "") or "")) if meta else []
    first_title, first_authors = _first_page_title(pages[0][1]) if pages[0][0] == 1 else (None, [])
    if not title:
        title = first_title or _title_from_name(parsed.path)
        if not authors and first_title:
            authors = [_name_last_first(a) for a in first_authors]
    names, et_al = _authors(authors)
    body = "\n\n".join(f"<!-- page {n} -->\n\n{text}" for n, text in pages)
    parsed.drafts.append(
        Draft(
            _record(
                id=make_id(title, parsed.sha256),
                title=title[:300],
                authors=names,
                authors_et_al=et_al,
                evidence="user-document",
                source_file=str(parsed.path),
                source_sha256=parsed.sha256,
                page=1 if n_pages == 1 else None,
                body=body,
            )
        )
    )


def _pdf_page_text(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"([a-z])-\n([a-z])", r"\1\2", text)  # words hyphenated at a line end
    text = re.sub(r"[ \t]+", " ", text)
    return sanitize_text(text)


def _ranges(nums: list[int]) -> str:
    out, start, prev = [], nums[0], nums[0]
    for n in nums[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)


def _title_from_name(path: Path) -> str:
    t = re.sub(r"[_\-]+", " ", path.stem).strip()
    return t or path.name or "Untitled document"


# ---- plain text and Markdown


def parse_text(text: str, parsed: Parsed) -> None:
    body = sanitize_text(text)
    if not re.search(r"\w", body):
        raise IngestError("the file has no text")
    lines = body.split("\n")
    first = lines[0].strip()
    if 3 <= len(first) <= 150 and not re.search(r"[.,;:]$", first) and len(lines) > 1:
        title = first
        rest = "\n".join(lines[1:]).strip()
        body = rest or body
    else:
        title = _title_from_name(parsed.path)
    parsed.drafts.append(
        Draft(
            _record(
                id=make_id(title, parsed.sha256),
                title=title,
                evidence="user-document",
                source_file=str(parsed.path),
                source_sha256=parsed.sha256,
                body=body,
            )
        )
    )


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)


def parse_markdown(text: str, parsed: Parsed) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if re.match(r"---[ \t]*\n", text):
        _parse_record_markdown(text, parsed)
        return
    body = _clean_line_text(text).strip()
    if not re.search(r"\w", body):
        raise IngestError("the file has no text")
    m = _MD_HEADING.search(body)
    title = _one_line(re.sub(r"[*_`]", "", m.group(1))) if m else _title_from_name(parsed.path)
    parsed.drafts.append(
        Draft(
            _record(
                id=make_id(title, parsed.sha256),
                title=title[:300],
                evidence="user-document",
                source_file=str(parsed.path),
                source_sha256=parsed.sha256,
                body=body,
            )
        )
    )


def _parse_record_markdown(text: str, parsed: Parsed) -> None:
    """A Markdown file with our front matter: a full record (the id gets a ``user-`` prefix)."""
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        raise IngestError(f"the front matter is not valid YAML: {exc}") from None
    if not isinstance(post.metadata, dict) or not post.metadata:
        raise IngestError("the front matter is empty")
    meta = dict(post.metadata)
    for key in ("path", "source_file", "source_sha256"):
        meta.pop(key, None)
    title = _one_line(str(meta.get("title") or "")) or _title_from_name(parsed.path)
    meta["title"] = title
    given = str(meta.get("id") or "")
    if given:
        slug = slugify(given, 70)
        meta["id"] = slug if slug.startswith("user-") else f"user-{slug}"
    else:
        meta["id"] = make_id(title, parsed.sha256)
    meta.setdefault("evidence", "user-document")
    verified = meta.get("verified") if isinstance(meta.get("verified"), dict) else {}
    for key in ("pmid", "doi"):
        if meta.get(key) and not verified.get(key):
            verified[key] = f"from the user's document {parsed.path.name}"
    meta["verified"] = verified
    body = post.content.strip()
    if not body:
        raise IngestError("the record has no text after its front matter")
    data = {**meta, "body": body, "source_file": str(parsed.path), "source_sha256": parsed.sha256}
    try:
        rec = Record.model_validate(data)
    except ValidationError as exc:
        raise IngestError(_format_validation_error(parsed.path, exc)) from None
    parsed.drafts.append(Draft(rec))


# ---- MEDLINE / .nbib

_MEDLINE_TAG = re.compile(r"^[A-Z][A-Z0-9]{0,3} {0,3}-(?: |$)")


def parse_medline(text: str, parsed: Parsed) -> None:
    """PubMed's MEDLINE format: records separated by blank lines; bad ones are reported by line."""
    from Bio import Medline

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[tuple[int, list[str]]] = []
    start, cur = 0, []
    for i, line in enumerate(lines, start=1):
        if line.strip():
            if not cur:
                start = i
            cur.append(line)
        elif cur:
            blocks.append((start, cur))
            cur = []
    if cur:
        blocks.append((start, cur))
    for start, block in blocks:
        bad = next(
            (
                (start + j, ln)
                for j, ln in enumerate(block)
                if not (_MEDLINE_TAG.match(ln) or (j > 0 and ln.startswith("      ")))
            ),
            None,
        )
        if bad is not None:
            parsed.errors.append(
                f"line {bad[0]}: not a MEDLINE field line ({bad[1][:50]!r}); the record starting "
                f"at line {start} was left out"
            )
            continue
        rec = Medline.read([ln + "\n" for ln in block] + ["\n"])
        pmid = rec.get("PMID")
        where = f"line {start}" + (f" (PMID {pmid})" if pmid else "")
        if not pmid and not rec.get("TI"):
            parsed.errors.append(f"line {start}: the record has neither PMID nor title (TI)")
            continue
        doi = next(
            (x.split(" ")[0] for x in [*rec.get("AID", []), rec.get("LID", "")] if "[doi]" in x),
            None,
        )
        _article(
            parsed,
            "PubMed export",
            title=rec.get("TI"),
            abstract=rec.get("AB"),
            authors=rec.get("AU") or rec.get("FAU") or [],
            journal=rec.get("JT") or rec.get("TA"),
            year=rec.get("DP"),
            volume=rec.get("VI"),
            pages=rec.get("PG"),
            pmid=pmid,
            doi=doi,
            pubtypes=rec.get("PT", []),
            where=where,
            line=start,
        )
    if not blocks:
        raise IngestError("no MEDLINE records found")


# ---- PubMed XML

_ENTREZ_LOCK = threading.Lock()


@contextmanager
def entrez_offline_dtds() -> Iterator[None]:
    """Bio.Entrez parses with the DTDs it ships; a DTD it lacks fails at once, never downloads."""
    from Bio.Entrez import Parser

    def _refuse(url: Any, *a: Any, **kw: Any) -> Any:
        raise OSError(f"not downloading {url}: working offline")

    with _ENTREZ_LOCK:
        saved = Parser.urlopen
        Parser.urlopen = _refuse
        try:
            yield
        finally:
            Parser.urlopen = saved


def _strip_tags(s: Any) -> str:
    return _one_line(re.sub(r"<[^>]+>", "", str(s or "")))


def _articles_entrez(data: bytes) -> list[dict[str, Any]]:
    from Bio import Entrez

    with entrez_offline_dtds():
        result = Entrez.read(io.BytesIO(data), validate=False)
    if not isinstance(result, dict) or "PubmedArticle" not in result:
        raise ValueError("not a PubmedArticleSet")
    out = []
    for art in result["PubmedArticle"]:
        mc = art.get("MedlineCitation", {})
        a = mc.get("Article", {})
        jour = a.get("Journal", {})
        issue = jour.get("JournalIssue", {})
        date = issue.get("PubDate", {})
        abstract = [
            (getattr(t, "attributes", {}).get("Label"), _strip_tags(t))
            for t in a.get("Abstract", {}).get("AbstractText", [])
        ]
        authors = []
        for au in a.get("AuthorList", []):
            if au.get("LastName"):
                authors.append(f"{au['LastName']} {au.get('Initials', '')}".strip())
            elif au.get("CollectiveName"):
                authors.append(_strip_tags(au["CollectiveName"]))
        ids = {
            getattr(x, "attributes", {}).get("IdType"): str(x)
            for x in art.get("PubmedData", {}).get("ArticleIdList", [])
        }
        eloc = {
            getattr(x, "attributes", {}).get("EIdType"): str(x) for x in a.get("ELocationID", [])
        }
        pag = a.get("Pagination", {})
        out.append(
            {
                "title": _strip_tags(a.get("ArticleTitle") or a.get("VernacularTitle")),
                "abstract": abstract,
                "authors": authors,
                "journal": str(jour.get("Title") or jour.get("ISOAbbreviation") or ""),
                "year": date.get("Year") or date.get("MedlineDate"),
                "volume": issue.get("Volume"),
                "pages": pag.get("MedlinePgn") if isinstance(pag, dict) else None,
                "pmid": str(mc.get("PMID") or ids.get("pubmed") or ""),
                "doi": ids.get("doi") or eloc.get("doi"),
                "pubtypes": [str(p) for p in a.get("PublicationTypeList", [])],
            }
        )
    return out


def _articles_etree(data: bytes) -> list[dict[str, Any]]:
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise IngestError(f"not well-formed XML ({exc})") from None
    if root.tag not in ("PubmedArticleSet", "PubmedArticle"):
        raise IngestError(
            f"an XML file must be a PubMed export (<PubmedArticleSet>); this one is <{root.tag}>"
        )
    arts = [root] if root.tag == "PubmedArticle" else root.findall("PubmedArticle")

    def txt(el: Any) -> str:
        return _one_line("".join(el.itertext())) if el is not None else ""

    out = []
    for art in arts:
        a = art.find("MedlineCitation/Article")
        if a is None:
            a = ET.Element("Article")
        date = a.find("Journal/JournalIssue/PubDate")
        authors = []
        for au in a.findall("AuthorList/Author"):
            last = txt(au.find("LastName"))
            if last:
                authors.append(f"{last} {txt(au.find('Initials'))}".strip())
            elif au.find("CollectiveName") is not None:
                authors.append(txt(au.find("CollectiveName")))
        ids = {x.get("IdType"): txt(x) for x in art.findall("PubmedData/ArticleIdList/ArticleId")}
        eloc = {x.get("EIdType"): txt(x) for x in a.findall("ELocationID")}
        out.append(
            {
                "title": txt(a.find("ArticleTitle")) or txt(a.find("VernacularTitle")),
                "abstract": [(t.get("Label"), txt(t)) for t in a.findall("Abstract/AbstractText")],
                "authors": authors,
                "journal": txt(a.find("Journal/Title")) or txt(a.find("Journal/ISOAbbreviation")),
                "year": (txt(date.find("Year")) or txt(date.find("MedlineDate")))
                if date is not None
                else None,
                "volume": txt(a.find("Journal/JournalIssue/Volume")),
                "pages": txt(a.find("Pagination/MedlinePgn")),
                "pmid": txt(art.find("MedlineCitation/PMID")) or ids.get("pubmed"),
                "doi": ids.get("doi") or eloc.get("doi"),
                "pubtypes": [txt(p) for p in a.findall("PublicationTypeList/PublicationType")],
            }
        )
    return out


def parse_pubmed_xml(data: bytes, parsed: Parsed) -> None:
    """PubMed XML: Bio.Entrez with its bundled DTDs; ElementTree when the DTD is not bundled."""
    try:
        articles = _articles_entrez(data)
    except Exception:  # noqa: BLE001 - unknown DTD, no DTD, odd shape: the fallback decides
        articles = _articles_etree(data)
    if not articles:
        raise IngestError("the XML file holds no PubMed articles (<PubmedArticle>)")
    for n, art in enumerate(articles, start=1):
        abstract = "\n\n".join(
            f"{label.upper()}: {text}" if label else text for label, text in art["abstract"] if text
        )
        pmid = art.get("pmid")
        _article(
            parsed,
            "PubMed export",
            title=art["title"],
            abstract=abstract,
            authors=art["authors"],
            journal=art["journal"],
            year=art["year"],
            volume=art["volume"],
            pages=art["pages"],
            pmid=pmid,
            doi=art["doi"],
            pubtypes=art["pubtypes"],
            where=f"article {n}" + (f" (PMID {pmid})" if pmid else ""),
        )


# ---- RIS


def parse_ris(text: str, parsed: Parsed) -> None:
    import rispy

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[tuple[int, list[str]]] = []
    cur: list[str] | None = None
    start = 0
    for i, line in enumerate(lines, start=1):
        if re.match(r"^TY  - ", line):
            if cur is not None:
                parsed.errors.append(f"line {start}: record has no end (ER) before line {i}")
            cur, start = [line], i
        elif cur is not None:
            cur.append(line)
            if re.match(r"^ER  -", line):
                blocks.append((start, cur))
                cur = None
        elif line.strip():
            parsed.errors.append(f"line {i}: text outside a record ({line[:50]!r})")
    if cur is not None:
        parsed.errors.append(f"line {start}: record has no end (ER)")
    if not blocks and not parsed.errors:
        raise IngestError("no RIS records found (a record starts with 'TY  - ')")
    for start, block in blocks:
        try:
            entries = rispy.loads("\n".join(block) + "\n")
        except Exception as exc:  # noqa: BLE001 - rispy raises KeyError/ValueError/... on bad input
            parsed.errors.append(
                f"line {start}: malformed RIS record ({type(exc).__name__}: {exc})"
            )
            continue
        for e in entries:
            db = str(e.get("name_of_database", "")).lower()
            an = e.get("accession_number") if ("pubmed" in db or "medline" in db) else None
            pages = "-".join(p for p in (e.get("start_page"), e.get("end_page")) if p)
            _article(
                parsed,
                "RIS file",
                title=e.get("title") or e.get("primary_title") or e.get("translated_title"),
                abstract=e.get("abstract") or e.get("notes_abstract"),
                authors=[
                    _name_last_first(a) for a in (e.get("authors") or e.get("first_authors") or [])
                ],
                journal=e.get("secondary_title")
                or e.get("journal_name")
                or e.get("alternate_title1")
                or e.get("alternate_title3"),
                year=e.get("year") or e.get("publication_year") or e.get("date"),
                volume=e.get("volume"),
                pages=pages or None,
                pmid=an,
                doi=e.get("doi"),
                where=f"line {start}",
                line=start,
            )


# ---- BibTeX


def parse_bibtex(text: str, parsed: Parsed) -> None:
    import logging

    import bibtexparser
    from bibtexparser import middlewares as mw

    log = logging.getLogger("bibtexparser")
    level = log.level
    log.setLevel(logging.CRITICAL)  # its own warnings duplicate what we report
    try:
        lib = bibtexparser.parse_string(
            text,
            append_middleware=[mw.LatexDecodingMiddleware(), mw.SeparateCoAuthors()],
        )
    except Exception as exc:  # noqa: BLE001
        raise IngestError(f"the BibTeX cannot be read: {exc}") from None
    finally:
        log.setLevel(level)
    for block in lib.failed_blocks:
        line = (getattr(block, "start_line", None) or 0) + 1
        err = getattr(block, "error", None)
        why = str(err).split("\n")[0] if err else type(block).__name__
        parsed.errors.append(f"line {line}: malformed BibTeX entry ({why or 'syntax error'})")
    if not lib.entries and not lib.failed_blocks:
        raise IngestError("no BibTeX entries found (an entry looks like @article{key, ...})")
    for e in lib.entries:
        f = {k.lower(): v for k, v in e.fields_dict.items()}

        def val(key: str, fields: dict[str, Any] = f) -> Any:
            x = fields.get(key)
            return x.value if x is not None else None

        line = (getattr(e, "start_line", None) or 0) + 1
        authors = val("author") or []
        if isinstance(authors, str):
            authors = [authors]
        _article(
            parsed,
            "BibTeX file",
            title=re.sub(r"[{}]", "", str(val("title") or "")),
            abstract=re.sub(r"[{}]", "", str(val("abstract") or "")),
            authors=[_name_last_first(re.sub(r"[{}]", "", a)) for a in authors],
            journal=re.sub(r"[{}]", "", str(val("journal") or val("booktitle") or "")),
            year=val("year") or val("date"),
            volume=val("volume"),
            pages=re.sub(r"-+|\u2013|\u2014", "-", str(val("pages") or "")) or None,
            pmid=val("pmid"),
            doi=val("doi"),
            where=f"line {line} (@{e.entry_type}{{{e.key}}})",
            line=line,
        )


# --------------------------------------------------------------------------- reading files


def _sniff_archive(head: bytes) -> str | None:
    for magic, name in _ARCHIVE_MAGIC:
        if head.startswith(magic):
            return name
    if len(head) > 262 and head[257:262] == b"ustar":
        return "tar"
    return None


def decode_text(data: bytes) -> str:
    """Bytes -> text, refusing binary data (NULs, control characters)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError("binary data, not text (cannot decode it)") from None
    else:
        if b"\x00" in data[:65536]:
            raise IngestError("binary data, not text: not a document type this tool reads")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    sample = text[:65536]
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    bad += sample.count("\ufffd")
    if bad > max(3, len(sample) // 100):
        raise IngestError("binary data, not text: not a document type this tool reads")
    return text


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.lstrip("\ufeff")
    return ""


def read_document(path: Path, settings: Settings) -> Parsed:
    """Parse one file into draft records; raise IngestError when the file as a whole is bad."""
    return parse_document(path, load_bytes(path, settings))


def load_bytes(path: Path, settings: Settings) -> bytes:
    """The file's bytes, after the checks that need no parsing (archive, size cap, empty)."""
    ext = path.suffix.lower()
    name_exts = [s.lower() for s in path.suffixes]
    if ext in ARCHIVE_EXTS or any(s in ARCHIVE_EXTS for s in name_exts[-2:]):
        raise IngestError("archives are not accepted: unpack it and add the files (or the folder)")
    cap = int(settings.max_upload_mb * 1024 * 1024)
    try:
        size = path.stat().st_size
        if size > cap:
            raise IngestError(
                f"the file is {size / 1048576:.1f} MB, over the {settings.max_upload_mb:g} MB "
                "limit (ASSISTANT_MAX_UPLOAD_MB)"
            )
        with open(path, "rb") as fh:
            data = fh.read(cap + 1)
    except IngestError:
        raise
    except OSError as exc:
        raise IngestError(f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > cap:
        raise IngestError(f"the file is over the {settings.max_upload_mb:g} MB limit")
    if not data.strip():
        raise IngestError("the file is empty")
    kind = _sniff_archive(data[:512])
    if kind:
        raise IngestError(
            f"this is a {kind} archive, which is not accepted: unpack it and add the files"
        )
    return data


def parse_document(path: Path, data: bytes) -> Parsed:
    """Sniff the content (the extension is only a hint) and parse it into draft records."""
    ext = path.suffix.lower()
    parsed = Parsed(path=path, sha256=hashlib.sha256(data).hexdigest())
    if b"%PDF-" in data[:1024]:
        parse_pdf(data, parsed)
        return parsed
    if ext in PDF_EXTS:
        raise IngestError("the file is named .pdf but is not a PDF (it does not start with %PDF)")
    if ext not in SUPPORTED_EXTS and ext:
        raise IngestError(f"unsupported file type {ext!r}; this tool reads {SUPPORTED_TEXT}")
    text = decode_text(data)
    first = _first_line(text)
    head = text.lstrip("\ufeff \n\r\t")[:400]
    if ext in XML_EXTS or head.startswith(("<?xml", "<PubmedArticleSet", "<!DOCTYPE Pubmed")):
        bom = data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
        parse_pubmed_xml(data if bom else data.lstrip(), parsed)
    elif ext in MEDLINE_EXTS or re.match(r"^PMID- ?\d", first):
        parse_medline(text, parsed)
    elif ext in RIS_EXTS or first.startswith("TY  - "):
        parse_ris(text, parsed)
    elif ext in BIBTEX_EXTS or re.match(r"^\s*@\w+\s*[{(]", first):
        parse_bibtex(text, parsed)
    elif ext in MARKDOWN_EXTS:
        parse_markdown(text, parsed)
    else:
        parse_text(text, parsed)
    if not parsed.drafts and parsed.errors and not parsed.skipped:
        raise IngestError("no usable record: " + "; ".join(parsed.errors[:5]))
    return parsed


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, bool]], list[Problem]]:
    """Files to read (``explicit`` = named by the user, not found in a folder) and missing paths."""
    files: list[tuple[Path, bool]] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def add(p: Path, explicit: bool) -> None:
        rp = p.resolve()
        if rp not in seen:
            seen.add(rp)
            files.append((rp, explicit))

    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if not name.startswith("."):
                        add(Path(root) / name, False)
        elif p.is_file():
            add(p, True)
        elif p.exists():
            problems.append(Problem(str(raw), "not a regular file"))
        else:
            problems.append(Problem(str(raw), "no such file or folder"))
    return files, problems


# --------------------------------------------------------------------------- the library


@contextmanager
def library_lock(settings: Settings) -> Iterator[None]:
    """One ingest or remove at a time per index (the index build has its own lock)."""
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.index_dir / ".library.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IngestError(
                "Another ingest or remove is running on this index; try again when it finishes."
            ) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def library_records(settings: Settings) -> list[Record]:
    lib = library_dir(settings)
    if not lib.is_dir():
        return []
    out = []
    for p in sorted(lib.glob("*.md")):
        if p.name.startswith("_"):
            continue
        try:
            out.append(parse_record(p))
        except CorpusError:
            continue
    return out


def list_documents(settings: Settings) -> list[dict[str, Any]]:
    """The user's documents: id, title, authors, year, evidence, source file, pages, added."""
    lib = library_dir(settings)
    out: list[dict[str, Any]] = []
    if not lib.is_dir():
        return out
    for p in sorted(lib.glob("*.md")):
        if p.name.startswith("_"):
            continue
        try:
            r = parse_record(p)
        except CorpusError as exc:
            out.append({"id": p.stem, "title": "(unreadable record)", "error": str(exc)})
            continue
        pages = len(re.findall(r"^<!-- page \d+ -->$", r.body, re.M)) or (1 if r.page else None)
        out.append(
            {
                "id": r.id,
                "title": r.title,
                "authors": r.authors_text,
                "year": r.year,
                "evidence": r.evidence,
                "pmid": r.pmid,
                "doi": r.doi,
                "source_file": r.source_file,
                "pages": pages,
                "added": time.strftime("%Y-%m-%d %H:%M", time.localtime(p.stat().st_mtime)),
            }
        )
    return sorted(out, key=lambda d: str(d.get("title", "")).lower())


def render_record(record: Record) -> str:
    """The Markdown file of a record: YAML front matter, then the body."""
    data = record.model_dump(exclude={"body", "path"}, exclude_defaults=True)
    data = {"id": record.id, "title": record.title, "evidence": record.evidence, **data}
    front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\n\n{record.body.strip()}\n"


def _target(lib: Path, record_id: str) -> Path:
    """The library file of ``record_id``; never outside the library folder."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_\-]{2,80}", record_id):
        raise IngestError(f"{record_id!r} is not a valid document id")
    target = (lib / f"{record_id}.md").resolve()
    if target.parent != lib.resolve():
        raise IngestError(f"{record_id!r} is not a valid document id")
    return target


def _corpus_records(settings: Settings) -> list[Record]:
    try:
        return load_records(corpus_files(settings.corpus_dir))
    except CorpusError:
        return []


@dataclass
class _Plan:
    write: list[tuple[Path, str, Record]] = field(default_factory=list)
    replace: list[Path] = field(default_factory=list)  # old library files to take out


def _commit(
    settings: Settings,
    plan: _Plan,
    embedder: Any,
    progress: bool,
    on_phase: Callable[[str], None] | None,
) -> BuildReport:
    """Write/replace library files and build the index; on failure put everything back."""
    index_dir = settings.index_dir
    lib = library_dir(settings)
    lib.mkdir(parents=True, exist_ok=True)
    pointer = index_dir / "CURRENT"
    old_current = pointer.read_text() if pointer.exists() else None
    backup = index_dir / f".ingest-backup-{secrets.token_hex(4)}"
    moved: list[tuple[Path, Path]] = []
    written: list[Path] = []
    # Files replaced or overwritten go to a backup folder first, so a failure can restore them.
    out = list(dict.fromkeys([*plan.replace, *(t for t, _, _ in plan.write if t.exists())]))
    try:
        for old in out:
            backup.mkdir(exist_ok=True)
            dest = backup / old.name
            os.replace(old, dest)
            moved.append((old, dest))
        for target, text, _ in plan.write:
            _write_atomic(target, text)
            written.append(target)
        report = build_index(settings, progress=progress, embedder=embedder, on_phase=on_phase)
    except BaseException as exc:
        for p in written:
            p.unlink(missing_ok=True)
        for orig, dest in moved:
            os.replace(dest, orig)
        now = pointer.read_text() if pointer.exists() else None
        if now != old_current:
            if old_current is None:
                pointer.unlink(missing_ok=True)
            elif (index_dir / old_current.strip()).is_dir():
                _write_atomic(pointer, old_current)
        shutil.rmtree(backup, ignore_errors=True)
        if not isinstance(exc, Exception):
            raise
        if isinstance(exc, IndexBusy):
            raise IngestError(f"{exc} Nothing was changed; try again when it finishes.") from exc
        raise IngestError(
            f"Indexing failed, so nothing was changed (your library and the index are as they "
            f"were): {type(exc).__name__}: {exc}"
        ) from exc
    shutil.rmtree(backup, ignore_errors=True)
    return report


def ingest_paths(
    settings: Settings,
    paths: Iterable[str | Path],
    embedder: Any = None,
    progress: bool = False,
    on_phase: Callable[[str], None] | None = None,
) -> IngestReport:
    """Add files and folders (recursively) to the library and update the index.

    Bad files are reported in ``errors`` and left out; the good ones are added. Raises
    :class:`IngestError` only when the index build fails (then nothing at all is changed) or
    another ingest is running.
    """
    report = IngestReport()
    files, missing = expand_paths(paths)
    report.errors += missing
    lib = library_dir(settings)
    with library_lock(settings):
        existing = library_records(settings)
        by_sha: dict[str, list[Record]] = {}
        by_source: dict[str, list[Record]] = {}
        for r in existing:
            if r.source_sha256:
                by_sha.setdefault(r.source_sha256, []).append(r)
            if r.source_file:
                by_source.setdefault(r.source_file, []).append(r)
        corpus = _corpus_records(settings)
        plan = _Plan()
        planned_ids: set[str] = set()
        batch_sha: dict[str, str] = {}
        replacing: set[str] = set()  # ids of library records whose file is being replaced
        parsed_files: list[tuple[Parsed, list[Record]]] = []
        for path, explicit in files:
            ext = path.suffix.lower()
            if not explicit and ext and ext not in SUPPORTED_EXTS:
                why = (
                    "archives are not accepted: unpack it and add the files"
                    if ext in ARCHIVE_EXTS
                    else f"not a supported document type ({ext})"
                )
                report.skipped.append(Problem(str(path), why))
                continue
            if on_phase:
                on_phase(f"Reading {path.name} ...")
            try:
                data = load_bytes(path, settings)
                sha = hashlib.sha256(data).hexdigest()
                # Duplicates are recognised before parsing (and their old problems not repeated).
                dup = by_sha.get(sha)
                parsed = None if dup or sha in batch_sha else parse_document(path, data)
            except IngestError as exc:
                if not explicit and not ext:
                    report.skipped.append(Problem(str(path), f"not a supported document ({exc})"))
                else:
                    report.errors.append(Problem(str(path), str(exc)))
                continue
            if dup:
                where = {r.source_file for r in dup} - {str(path)}
                report.skipped.append(
                    Problem(
                        str(path),
                        f"already in your library as {', '.join(r.id for r in dup)}"
                        + (f" (same content as {', '.join(sorted(where))})" if where else "")
                        + "; skipped",
                    )
                )
                continue
            if parsed is None:
                report.skipped.append(
                    Problem(str(path), f"same content as {batch_sha[sha]}; skipped")
                )
                continue
            report.errors += [Problem(str(path), e) for e in parsed.errors]
            report.skipped += [Problem(str(path), s) for s in parsed.skipped]
            report.warnings += [Problem(str(path), w) for w in parsed.warnings]
            batch_sha[sha] = str(path)
            old = by_source.get(str(path), []) if parsed.drafts else []
            replacing |= {r.id for r in old}
            parsed_files.append((parsed, old))
        # Identifiers already taken (PMID/DOI are unique across corpus and library).
        taken: dict[tuple[str, str], str] = {}
        for r in corpus + [r for r in existing if r.id not in replacing]:
            for key in ("pmid", "doi"):
                if getattr(r, key):
                    taken[(key, getattr(r, key).lower())] = r.id
        taken_ids = {r.id for r in corpus} | {r.id for r in existing if r.id not in replacing}
        for parsed, old in parsed_files:
            added_here = 0
            for d in parsed.drafts:
                rec = d.record
                where = f" (line {d.line})" if d.line else ""
                clash = next(
                    (
                        (key, taken[(key, getattr(rec, key).lower())])
                        for key in ("pmid", "doi")
                        if getattr(rec, key) and (key, getattr(rec, key).lower()) in taken
                    ),
                    None,
                )
                if clash:
                    key, other = clash
                    report.skipped.append(
                        Problem(
                            str(parsed.path),
                            f"{rec.title[:60]!r}{where}: {key.upper()} {getattr(rec, key)} is "
                            f"already in the library as {other}; skipped",
                        )
                    )
                    continue
                if rec.id in taken_ids or rec.id in planned_ids:
                    report.skipped.append(
                        Problem(
                            str(parsed.path),
                            f"{rec.title[:60]!r}{where}: already in the library as {rec.id}; skipped",
                        )
                    )
                    continue
                try:
                    target = _target(lib, rec.id)
                    text = render_record(rec)
                    parse_record(target, text)  # what build_index will read must load
                except (IngestError, CorpusError) as exc:
                    report.errors.append(
                        Problem(str(parsed.path), f"{where.strip()} {exc}".strip())
                    )
                    continue
                plan.write.append((target, text, rec))
                planned_ids.add(rec.id)
                for key in ("pmid", "doi"):
                    if getattr(rec, key):
                        taken[(key, getattr(rec, key).lower())] = rec.id
                added_here += 1
            if added_here and old:
                plan.replace += [_target(lib, r.id) for r in old]
                report.replaced += [r.id for r in old]
            elif old:
                replacing -= {r.id for r in old}
        if not plan.write:
            return report
        report.build = _commit(settings, plan, embedder, progress, on_phase)
        report.added = [rec.id for _, _, rec in plan.write]
        report.titles = {rec.id: rec.title for _, _, rec in plan.write}
    return report


def remove_document(settings: Settings, record_id: str, embedder: Any = None) -> BuildReport:
    """Remove one of the user's documents from the library and the index."""
    record_id = (record_id or "").strip()
    lib = library_dir(settings)
    with library_lock(settings):
        try:
            target = _target(lib, record_id)
        except IngestError:
            raise IngestError(
                f"{record_id!r} is not a document id (see `assistant sources`)"
            ) from None
        if not target.is_file():
            curated = {r.id for r in _corpus_records(settings)}
            gen = current_generation(settings.index_dir)
            if gen is not None and not curated:
                try:
                    manifest = read_manifest(gen)
                    curated = {k for k, v in manifest["records"].items() if not v.get("user")}
                except Exception:  # noqa: BLE001
                    curated = set()
            if record_id in curated:
                raise IngestError(
                    f"{record_id} is a curated corpus record, not one of your documents; only "
                    "documents you added can be removed."
                )
            raise IngestError(
                f"No document {record_id!r} in your library (see `assistant sources`, marked "
                "'your library')."
            )
        # The id may be taken from the file name, but the record inside decides.
        try:
            rec = parse_record(target)
        except CorpusError:
            rec = None
        if rec is not None and rec.id != record_id:
            raise IngestError(f"{target.name} holds record {rec.id!r}, not {record_id!r}")
        return _commit(settings, _Plan(replace=[target]), embedder, False, None)


# --------------------------------------------------------------------------- PubMed online

EUTILS_HOST = "eutils.ncbi.nlm.nih.gov"


def check_online(host: str = EUTILS_HOST, port: int = 443, timeout: float = 5.0) -> None:
    """Fail fast (within ``timeout``) with OfflineError when ``host`` cannot be reached."""
    result: dict[str, BaseException | None] = {}

    def probe() -> None:
        try:
            socket.create_connection((host, port), timeout=timeout).close()
            result["error"] = None
        except BaseException as exc:  # noqa: BLE001
            result["error"] = exc

    t = threading.Thread(target=probe, daemon=True)
    t.start()
    t.join(timeout + 0.5)
    err = result.get("error", TimeoutError(f"no answer within {timeout:g} s"))
    if err is not None:
        raise OfflineError(
            f"Cannot reach PubMed ({host}): this machine looks offline ({err}). On a connected "
            "machine, search PubMed, choose Save > Format: PubMed, then run "
            "`assistant ingest FILE` here."
        )


def fetch_pubmed(
    settings: Settings,
    query: str,
    max_results: int = 20,
    email: str | None = None,
    timeout: float = 10.0,
) -> Path:
    """Search PubMed and save the articles as a PubMed XML file under <index_dir>/downloads/.

    Needs the internet; raises :class:`OfflineError` quickly when PubMed cannot be reached.
    """
    query = _one_line(query)
    if not query:
        raise IngestError('Give a PubMed query, e.g. "baclofen craving".')
    if not 1 <= max_results <= 500:
        raise IngestError("--max must be between 1 and 500")
    check_online(timeout=min(timeout, 5.0))
    import urllib.error

    from Bio import Entrez

    Entrez.tool = "baclofen-assistant"
    Entrez.email = email or os.environ.get("ASSISTANT_ENTREZ_EMAIL") or None
    Entrez.max_tries = 1
    old_timeout = socket.getdefaulttimeout()
    socket.setdefaulttimeout(timeout)
    try:
        with Entrez.esearch(db="pubmed", term=query, retmax=max_results) as h:
            raw = h.read()
        with entrez_offline_dtds():
            found = Entrez.read(io.BytesIO(raw), validate=False)
        ids = list(found.get("IdList", []))
        if not ids:
            raise IngestError(f"PubMed found no articles for {query!r}.")
        with Entrez.efetch(db="pubmed", id=",".join(ids), rettype="xml", retmode="xml") as h:
            data = h.read()
    except (OSError, urllib.error.URLError, RuntimeError) as exc:
        raise OfflineError(f"PubMed did not answer ({type(exc).__name__}: {exc}).") from None
    finally:
        socket.setdefaulttimeout(old_timeout)
    out_dir = settings.index_dir / "downloads"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"pubmed-{slugify(query, 40)}-{time.strftime('%Y%m%d-%H%M%S')}.xml"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path
