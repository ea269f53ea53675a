"""Records -> chunks: section-aware splitting with a LangChain text splitter, plus the text
helpers (tokens, sentences) the lexical retriever and the composer share."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from assistant.library.records import Record

_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")  # "half-life" -> half, life; "6.8" stays
# Small English stopword list; domain words like "baclofen" are kept (IDF handles them).
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "than",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "into",
        "about",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "done",
        "has",
        "have",
        "had",
        "having",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "can",
        "could",
        "should",
        "would",
        "may",
        "might",
        "will",
        "shall",
        "must",
        "not",
        "no",
        "nor",
        "so",
        "such",
        "too",
        "very",
        "just",
        "also",
        "any",
        "all",
        "some",
        "more",
        "most",
        "other",
        "same",
        "own",
        "both",
        "each",
        "few",
        "only",
        "s",
        "t",
        "don",
        "doesn",
        "isn",
        "aren",
        "wasn",
        "weren",
        "say",
        "says",
        "said",
        "tell",
        "give",
        "show",
        "much",
        "many",
        "one",
    ]
)


@lru_cache(maxsize=1)
def _stemmer():  # noqa: ANN202 - PyStemmer has no type stubs
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    """Lowercased, stopword-free, stemmed tokens (shared by BM25 and sentence scoring)."""
    words = [w for w in _TOKEN.findall(text.lower()) if w not in STOPWORDS]
    return _stemmer().stemWords(words)


# Sentence boundaries: end punctuation (+ optional closing quote), space, then a capital, digit,
# quote or bracket. Abbreviations common in medical prose do not end a sentence.
_ABBREV = re.compile(r"(?:\bet al|\be\.g|\bi\.e|\bvs|\bapprox|\bcf|\bFig|\bDr|\bSt|\b[A-Z])\.$")
_BOUNDARY = re.compile(r"(?<=[.!?])([\"')\]]?)(\s+)(?=[\"'(\[]?[A-Z0-9])")
_BLOCK = re.compile(r"[^\n]+(?:\n(?![ \t]*\n|[ \t]*[-*] )[^\n]+)*")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``; paragraphs and list items never merge."""
    spans: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        start, stop = block.span()
        for m in _BOUNDARY.finditer(text, start, stop):
            end = m.start(2)
            if _ABBREV.search(text[max(start, m.start() - 12) : m.start()]):
                continue
            if text[start:end].strip():
                spans.append((start, end))
            start = m.end()
        if text[start:stop].strip():
            spans.append((start, stop))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]


@dataclass
class Chunk:
    """A piece of a record's text with the record's citation metadata."""

    id: str
    text: str
    metadata: dict[str, Any]
    sentences: list[tuple[int, int]] = field(default_factory=list)

    @property
    def embed_text(self) -> str:
        """What is embedded and indexed lexically: title and section give the chunk context."""
        m = self.metadata
        head = m.get("title", "")
        if m.get("short_cite"):
            head = f"{m['short_cite']}. {head}"
        if m.get("trial_names"):
            head += f" ({m['trial_names']})"
        if m.get("section"):
            head += f". {m['section']}"
        return f"{head}. {self.text}"

    @property
    def hash(self) -> str:
        return hashlib.sha256(
            (self.embed_text + repr(sorted(self.metadata.items()))).encode()
        ).hexdigest()


def short_cite(record: Record) -> str:
    """ "Garbutt 2010"-style name of a record ("" when it has no authors)."""
    if not record.authors or record.authors[0].startswith("baclofen-assistant"):
        return ""
    parts = record.authors[0].replace(",", " ").split()
    # "de Beaurepaire R" -> "de Beaurepaire": drop trailing initials
    while len(parts) > 1 and parts[-1].isupper() and len(parts[-1]) <= 3:
        parts.pop()
    surname = " ".join(parts)
    et_al = " et al." if len(record.authors) > 1 or record.authors_et_al else ""
    return f"{surname}{et_al} {record.year}" if record.year else f"{surname}{et_al}"


def cite_names(records: list[Record]) -> dict[str, str]:
    """How a record is named when another record cites it: short cite, else its title."""
    out = {}
    for r in records:
        name = short_cite(r)
        if not name and r.trial_names:
            name = f"{r.trial_names[0]} {r.year}" if r.year else r.trial_names[0]
        if not name:
            name = r.title if len(r.title) <= 80 else r.title[:77].rsplit(" ", 1)[0] + " ..."
        out[r.id] = name
    return out


def _resolve_citations(text: str, names: dict[str, str]) -> str:
    """``[@garbutt2010]`` -> ``(Garbutt et al. 2010)`` so quotes read naturally."""
    text = re.sub(r"\[@([a-z0-9_\-]+)\]", lambda m: f"({names.get(m.group(1), m.group(1))})", text)
    text = re.sub(r"\)\s+\(", "; ", text)
    # bare record ids written in prose ("see kahn2009") read as names too
    ids = [i for i in names if re.search(r"[0-9_]", i)]
    if ids:
        rx = re.compile(
            r"\b(" + "|".join(map(re.escape, sorted(ids, key=len, reverse=True))) + r")\b"
        )
        text = rx.sub(lambda m: names[m.group(1)], text)
    return text


def record_metadata(record: Record) -> dict[str, Any]:
    """Chroma-friendly metadata (scalars only; no None values)."""
    meta: dict[str, Any] = {
        "source_id": record.id,
        "title": record.title,
        "authors": record.authors_text,
        "year": record.year if record.year is not None else -1,
        "journal": record.journal or "",
        "pmid": record.pmid or "",
        "doi": record.doi or "",
        "url": record.url or "",
        "evidence": record.evidence,
        "substances": ",".join(record.substances),
        "trial_names": ", ".join(record.trial_names),
        "citation": record.citation_text(),
        "short_cite": short_cite(record),
    }
    for s in record.substances:
        meta[f"sub_{s}"] = True
    return meta


def _splitters(chunk_size: int, chunk_overlap: int):  # noqa: ANN202
    headers = MarkdownHeaderTextSplitter(
        headers_to_split_on=[("#", "h1"), ("##", "section"), ("###", "subsection")],
        strip_headers=True,
    )
    body = RecursiveCharacterTextSplitter(
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        separators=["\n\n", "\n", ". ", "; ", ", ", " ", ""],
        keep_separator="end",
    )
    return headers, body


def chunk_record(
    record: Record,
    chunk_size: int = 800,
    chunk_overlap: int = 120,
    names: dict[str, str] | None = None,
) -> list[Chunk]:
    """Split one record by its ``##`` sections, then by size; every chunk carries the metadata.

    ``names`` (record id -> display name) turns ``[@id]`` citations into readable ones.
    """
    headers, body = _splitters(chunk_size, chunk_overlap)
    base = record_metadata(record)
    chunks: list[Chunk] = []
    pages = _page_sections(record)
    for page, text in pages:
        for sec_doc in headers.split_text(text):
            section = " / ".join(
                v for k, v in sec_doc.metadata.items() if k in ("section", "subsection")
            )
            for piece in body.split_text(sec_doc.page_content):
                piece = _resolve_citations(_unwrap(piece), names or {}).strip()
                if not piece:
                    continue
                meta = dict(base)
                meta["section"] = section
                meta["page"] = page if page is not None else -1
                chunk = Chunk(id=f"{record.id}::{len(chunks)}", text=piece, metadata=meta)
                chunk.sentences = split_sentences(piece)
                chunks.append(chunk)
    return chunks


_WRAP = re.compile(r"(?<=\S)[ \t]*\n(?![ \t]*\n|[ \t]*[-*#|] |[ \t]*\d+\. )[ \t]*(?=\S)")


def _unwrap(text: str) -> str:
    """Join hard-wrapped lines of a paragraph (paragraphs, list items and tables stay apart)."""
    return _WRAP.sub(" ", text)


_PAGE_MARK = re.compile(r"^<!-- page (\d+) -->$", re.M)


def _page_sections(record: Record) -> list[tuple[int | None, str]]:
    """User documents mark page starts with ``<!-- page N -->``; curated records have none."""
    marks = list(_PAGE_MARK.finditer(record.body))
    if not marks:
        return [(record.page, record.body)]
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(record.body)
        out.append((int(m.group(1)), record.body[m.end() : end].strip()))
    return out
