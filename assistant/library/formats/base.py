"""What every format reader shares: the error type, the parsed-file result, and the helpers that
turn bibliographic fields into a valid :class:`~assistant.library.records.Record`.

A user's document is never trusted to be more than a document: every record made here has the
evidence type ``user-document``; what the file claimed to be (a PubMed publication type, a
front matter ``evidence:``) is kept apart in ``claimed_evidence`` and shown as a claim only.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant.library.records import Record, format_validation_error
from assistant.vocab import EVIDENCE_RANK, SUBSTANCE_SAID, USER_EVIDENCE

MAX_AUTHORS = 10
_ID_HASH = 8


class IngestError(ValueError):
    """A document or an ingest that cannot be done; the message says why and what to do."""


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


def clean_line_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)


def one_line(text: str | None) -> str:
    return re.sub(r"\s+", " ", clean_line_text(text or "")).strip()


_PAGE_MARK_LIKE = re.compile(r"^\s*<!--\s*page\s+(\d+)\s*-->\s*$", re.I | re.M)
_HEADING_LIKE = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M)


def sanitize_text(text: str) -> str:
    """Plain text made safe to embed in a record body: no headings or page marks of its own."""
    text = clean_line_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\t", " ").replace("\u00a0", " ")
    text = _PAGE_MARK_LIKE.sub(lambda m: f"(page {m.group(1)})", text)
    text = _HEADING_LIKE.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def year_of(text: Any) -> int | None:
    m = re.search(r"\b(19\d\d|20\d\d|2100)\b", str(text or ""))
    return int(m.group(1)) if m else None


def doi_of(text: Any) -> str | None:
    t = one_line(str(text or ""))
    t = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", t, flags=re.I)
    t = t.split(" ")[0].rstrip(".")
    return t if t.startswith("10.") and "/" in t else None


def pmid_of(text: Any) -> str | None:
    t = one_line(str(text or ""))
    return t if re.fullmatch(r"\d{1,8}", t) else None


def authors_of(names: Iterable[str]) -> tuple[list[str], bool]:
    out = [n for n in (one_line(x) for x in names) if n]
    return out[:MAX_AUTHORS], len(out) > MAX_AUTHORS


def _initials(first: str) -> str:
    return "".join(p[0].upper() for p in re.split(r"[\s.\-]+", first) if p and p[0].isalpha())


def name_last_first(name: str) -> str:
    """'Doe, Jane A.' -> 'Doe JA'; 'Jane Doe' -> 'Doe J'; a single word stays as it is."""
    name = one_line(name)
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
    """PubMed publication types -> our evidence vocabulary (the strongest match wins). For a
    user's document this is only what it *claims* to be (``claimed_evidence``)."""
    found = []
    for pt in pubtypes:
        p = one_line(pt).lower().rstrip(".")
        ev = _PUBTYPE_EVIDENCE.get(p)
        if ev is None:
            if p.startswith("randomized controlled trial"):
                ev = "rct"
            elif p.startswith("observational study") or "cohort" in p:
                ev = "cohort"
        if ev:
            found.append(ev)
    return min(found, key=lambda e: EVIDENCE_RANK[e]) if found else USER_EVIDENCE


_SUBSTANCE_RX = SUBSTANCE_SAID


def substances_in(text: str) -> list[str]:
    """The substances a document talks about (the vocabulary's words for each)."""
    return [k for k, rx in _SUBSTANCE_RX.items() if rx.search(text)]


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
    # Progress of a long read ("page 50 of 300"), for the person waiting; None = silent.
    on_progress: Callable[[str], None] | None = field(default=None, repr=False, compare=False)

    def progress(self, message: str) -> None:
        if self.on_progress is not None:
            self.on_progress(f"{self.path.name}: {message}")


def make_record(**data: Any) -> Record:
    data = {k: v for k, v in data.items() if v not in (None, "", [], {})}
    try:
        return Record.model_validate(data)
    except ValidationError as exc:
        raise IngestError(format_validation_error(Path(data.get("id", "?")), exc)) from None


def add_article(
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
    title = one_line(title).rstrip(". ")
    if not title:
        parsed.errors.append(f"{where}: no title")
        return
    abstract = sanitize_text(abstract or "")
    if not abstract:
        parsed.skipped.append(f"{where} ({title[:60]}): no abstract, nothing to index")
        return
    given_pmid, given_doi = one_line(str(pmid or "")), one_line(str(doi or ""))
    pmid, doi = pmid_of(pmid), doi_of(doi)
    for label, given, valid in (("PMID", given_pmid, pmid), ("DOI", given_doi, doi)):
        if given and not valid:
            parsed.warnings.append(
                f"{where} ({title[:60]}): the {label} {given[:40]!r} is not a valid {label}; "
                "the record was added without it"
            )
    names, et_al = authors_of(authors)
    note = f"from the user's {kind} {parsed.path.name}"
    verified = {k: note for k, v in (("pmid", pmid), ("doi", doi)) if v}
    key = f"pmid:{pmid}" if pmid else f"doi:{doi.lower()}" if doi else f"{parsed.sha256}:{title}"
    year_i = year_of(year)
    try:
        rec = make_record(
            id=make_id(title, key),
            title=title[:300],
            authors=names,
            authors_et_al=et_al,
            year=year_i if year_i and 1900 <= year_i <= 2100 else None,
            journal=one_line(journal)[:200] or None,
            volume=one_line(volume)[:40] or None,
            pages=one_line(pages)[:40] or None,
            pmid=pmid,
            doi=doi,
            evidence=USER_EVIDENCE,
            claimed_evidence=claimed
            if (claimed := evidence_for(pubtypes)) != USER_EVIDENCE
            else None,
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


def title_from_name(path: Path) -> str:
    """A title from the file name: separators to spaces, and no control characters (a name can
    hold ESC or a newline, which would reach the terminal in ``assistant sources``)."""
    t = one_line(re.sub(r"[_\-]+", " ", path.stem))
    return t or one_line(path.name) or "Untitled document"


def first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.lstrip("\ufeff")
    return ""
