"""PDF: text per page (cited by page), title and authors from the metadata or the first page."""

from __future__ import annotations

import io
import re
from typing import Any

from assistant.library.formats.base import (
    Draft,
    IngestError,
    Parsed,
    authors_of,
    make_id,
    make_record,
    name_last_first,
    one_line,
    sanitize_text,
    title_from_name,
)


def _pdf_meta_title(value: Any) -> str | None:
    t = one_line(str(value or ""))
    if not t or len(t) < 4 or t.lower() in {"untitled", "title", "document"}:
        return None
    if re.search(r"\.(docx?|pdf|tex|odt|rtf|pptx?)$", t, re.I) or t.lower().startswith(
        "microsoft word"
    ):
        return None
    return t


def _split_author_field(value: str) -> list[str]:
    value = one_line(value)
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
            if i % 25 == 0 and n_pages > 50:
                parsed.progress(f"page {i} of {n_pages}")
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
        title = first_title or title_from_name(parsed.path)
        if not authors and first_title:
            authors = [name_last_first(a) for a in first_authors]
    names, et_al = authors_of(authors)
    body = "\n\n".join(f"<!-- page {n} -->\n\n{text}" for n, text in pages)
    parsed.drafts.append(
        Draft(
            make_record(
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
