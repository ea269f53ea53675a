"""Records -> chunks: section-aware splitting with a LangChain text splitter, plus the text
helpers (tokens, sentences) the lexical retriever and the composer share."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field, fields, replace
from functools import lru_cache
from typing import Any

from assistant.library.records import Record
from assistant.vocab import EVIDENCE_LABELS, USER_EVIDENCE

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
# quote or bracket. Abbreviations common in medical prose do not end a sentence, nor does an
# initial; a capital letter that names a category does ("pregnancy category X. Babies ...").
_LETTER_NAME = re.compile(
    r"\b(?:category|hepatitis|vitamin|type|group|arm|phase|schedule|class|grade|stage|table"
    r"|figure|part|section|plan|level|option|answer|list)\s+[A-Z]\.$",
    re.I,
)
# (not a receptor's letter after a hyphen: "... called GABA-B. Although ...")
_ABBREV = re.compile(
    r"(?:\bet al|\be\.g|\bi\.e|\bvs|\bapprox|\bcf|\bFig|\bDr|\bSt|\b(?<!-)[A-Z])\.$"
)
# (a sentence may open with Markdown emphasis: "... as reassuring. *Ouest-France* added ...";
# a run-in heading, "**ALPADIR.** This one ...", stays with its text)
# (a footnote's marker stays with the sentence it ends: "... for spasticity.[^1] It acts ...")
_BOUNDARY = re.compile(r"(?<=[.!?])((?:[\"')\]]|\[\^?\w{1,4}\])?)(\s+)(?=[\"'(\[*_]{0,2}[A-Z0-9])")
_BLOCK = re.compile(r"[^\n]+(?:\n(?![ \t]*\n|[ \t]*[-*] )[^\n]+)*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs and list items of ``text`` (what sentences never cross)."""
    return [m.span() for m in _BLOCK.finditer(text)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``; paragraphs and list items never merge."""
    spans: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        start, stop = block.span()
        for m in _BOUNDARY.finditer(text, start, stop):
            end = m.start(2)
            before = text[max(start, m.start() - 20) : m.start()]
            if _ABBREV.search(before[-12:]) and not _LETTER_NAME.search(before):
                continue
            if text[start:end].strip():
                spans.append((start, end))
            start = m.end()
        if text[start:stop].strip():
            spans.append((start, stop))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]


@dataclass(frozen=True)
class ChunkMeta:
    """What a chunk carries of its record: the citation, the evidence type, the substances, and
    where in the record it sits. ``None`` where a value is missing."""

    source_id: str
    title: str
    evidence: str
    authors: str = ""
    author_list: tuple[str, ...] = ()
    year: int | None = None
    journal: str | None = None
    publisher: str | None = None
    pmid: str | None = None
    doi: str | None = None
    url: str | None = None
    substances: tuple[str, ...] = ()
    trial_names: tuple[str, ...] = ()
    citation: str = ""
    short_cite: str = ""
    section: str = ""
    page: int | None = None
    user: bool = False  # one of the user's documents
    claimed_evidence: str | None = None  # what a user's document claimed to be (never trusted)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ChunkMeta:
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in data.items() if k in known}
        kw["substances"] = tuple(kw.get("substances") or ())
        kw["trial_names"] = tuple(kw.get("trial_names") or ())
        kw["author_list"] = tuple(kw.get("author_list") or ())
        return cls(**kw)

    @property
    def names(self) -> str:
        """The record's names as text ("Garbutt et al. 2010 ALPADIR"), for lexical matching; an
        issuer's acronym counts as a name too ("NICE", "ANSM", "TGA"), never a user's document's."""
        issuer = [] if self.user else _ACRONYM.findall(self.publisher or "")
        return " ".join([self.short_cite, *self.trial_names, *issuer])


_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{2,}\b")


@dataclass
class Chunk:
    """A piece of a record's text with the record's citation metadata."""

    id: str
    text: str
    metadata: ChunkMeta
    sentences: list[tuple[int, int]] = field(default_factory=list)

    @property
    def embed_text(self) -> str:
        """What is embedded and indexed lexically: title and section give the chunk context."""
        m = self.metadata
        head = m.title
        if m.short_cite:
            head = f"{m.short_cite}. {head}"
        if m.trial_names:
            head += f" ({', '.join(m.trial_names)})"
        if m.section:
            head += f". {m.section}"
        return f"{head}. {self.text}"

    @property
    def hash(self) -> str:
        """Hash of the text that is embedded: a chunk whose text is unchanged keeps its vector
        whatever happens to its metadata."""
        return hashlib.sha256(self.embed_text.encode()).hexdigest()


def cite_names(records: list[Record]) -> dict[str, str]:
    """How a record is named when another record cites it: "Garbutt et al. 2010", else its
    trial name, else its kind and year ("drug label, 2022"): never a title pasted into a
    sentence."""
    out = {}
    for r in records:
        if r.short_cite:
            out[r.id] = r.short_cite
        elif r.trial_names:
            out[r.id] = r.display_name
        else:
            issuer = _issuer(r)
            kind = issuer or EVIDENCE_LABELS.get(r.evidence, r.evidence).lower()
            sep = " " if issuer else ", "
            out[r.id] = f"{kind}{sep}{r.year}" if r.year else kind
    return out


def _issuer(r: Record) -> str:
    """A short name for who issued an authorless record: "US label", "TGA", "ANSM"."""
    if r.evidence == "label":
        publisher = r.publisher or ""
        if re.search(r"\bmonographs?\b|\bMIMS\b", publisher):
            return "labels and monographs"  # not "US label" for what a monograph says
        return "US label" if re.search(r"\bUS\b|DailyMed|FDA", publisher) else "label"
    m = re.search(r"\b([A-Z]{3,5})\b", r.publisher or "")
    if m:
        return m.group(1)
    head = (r.publisher or "").split("(")[0].strip()
    return head if 0 < len(head) <= 40 else ""


# (the names dict it was built from, its size, the index): the dict itself is kept, so a new
# dict can never be taken for it.
_ID_INDEX: tuple[dict[str, str], int, dict[str, list[tuple[str, frozenset[str]]]]] | None = None


def _id_index(names: dict[str, str]) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """The record ids that can be written in prose (with a digit or underscore), by their first
    word, each with all its words; built once per ``names`` (one build chunks every record
    with the same dict)."""
    global _ID_INDEX
    if _ID_INDEX is not None and _ID_INDEX[0] is names and _ID_INDEX[1] == len(names):
        return _ID_INDEX[2]
    index: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for i in names:
        if re.search(r"[0-9_]", i):
            words = [w for w in i.split("-") if w]
            if words:
                index.setdefault(words[0], []).append((i, frozenset(words)))
    _ID_INDEX = (names, len(names), index)
    return index


def _resolve_citations(text: str, names: dict[str, str]) -> str:
    """``[@garbutt2010]`` -> ``(Garbutt et al. 2010)`` so quotes read naturally."""
    text = re.sub(r"\[@([a-z0-9_\-]+)\]", lambda m: f"({names.get(m.group(1), m.group(1))})", text)
    text = re.sub(r"\)\s+\(", "; ", text)
    # bare record ids written in prose ("see kahn2009") read as names too. Only the ids whose
    # words all occur in the text go into the pattern: with thousands of records in a library,
    # one alternation of every id made chunking quadratic in the library's size.
    words = set(re.findall(r"\w+", text))
    index = _id_index(names)
    ids = [i for w in words for i, parts in index.get(w, ()) if parts <= words]
    if ids:
        rx = re.compile(
            r"\b(" + "|".join(map(re.escape, sorted(ids, key=len, reverse=True))) + r")\b"
        )
        text = rx.sub(lambda m: names[m.group(1)], text)
    return text


def record_metadata(record: Record, user: bool = False) -> ChunkMeta:
    """The metadata every chunk of ``record`` carries (``section`` and ``page`` set per chunk)."""
    return ChunkMeta(
        source_id=record.id, title=record.title, evidence=record.evidence,
        authors=record.authors_text, author_list=tuple(record.authors), year=record.year,
        journal=record.journal, publisher=record.publisher, pmid=record.pmid,
        doi=record.doi, url=record.url, substances=tuple(record.substances),
        trial_names=tuple(record.trial_names), citation=record.citation_text(),
        short_cite=record.short_cite, user=user or record.evidence == USER_EVIDENCE,
        claimed_evidence=record.claimed_evidence,
    )  # fmt: skip


def _splitters(chunk_size: int, chunk_overlap: int):  # noqa: ANN202
    from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

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
    if record.evidence == USER_EVIDENCE:
        return _document_chunks(record, base, pages, chunk_size, body)
    for page, text in pages:
        for sec_doc in headers.split_text(text):
            section = " / ".join(
                v for k, v in sec_doc.metadata.items() if k in ("section", "subsection")
            )
            for piece in body.split_text(sec_doc.page_content):
                piece = _resolve_citations(_unwrap(piece), names or {}).strip()
                if not piece:
                    continue
                meta = replace(base, section=section, page=page)
                chunk = Chunk(id=f"{record.id}::{len(chunks)}", text=piece, metadata=meta)
                chunk.sentences = split_sentences(piece)
                chunks.append(chunk)
    return chunks


# --------------------------------------------------------------------------- user documents

_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_LIST_LINE = re.compile(r"^[ \t]*(?:[-*\u2022]|\d{1,2}[.)])[ \t]+")


def _heading_of(block: str) -> str | None:
    """A block that is a heading: Markdown ("## Side effects") or, in plain text, a short line
    without end punctuation ("3. SIDE EFFECTS", "Who should avoid it")."""
    lines = block.strip().split("\n")
    if len(lines) != 1:
        return None
    line = lines[0].strip()
    m = _MD_HEADING.match(line)
    if m:
        return m.group(2).strip("*_ ")
    if (
        3 <= len(line) <= 90
        and re.search(r"[A-Za-z]", line)
        and not re.search(r"[.,;:!?\)\]\"'\u201d]$", line)
        and (not _LIST_LINE.match(line) or re.match(r"^\d{1,2}[.)]\s+[A-Z]", line))
        and len(line.split()) <= (8 if _LIST_LINE.match(line) else 12)
    ):
        return re.sub(r"^\d+(?:\.\d+)*[.)]?\s+", "", line).strip("*_ ")
    return None


def _runs(block: str) -> list[str]:
    """A block split into runs of prose and runs of list lines; the sentence that introduces a
    list (ending with ":") moves to the list it introduces."""
    runs: list[tuple[bool, list[str]]] = []
    for line in block.split("\n"):
        is_item = bool(_LIST_LINE.match(line)) or (
            bool(runs) and runs[-1][0] and line.startswith((" ", "\t"))
        )
        if runs and runs[-1][0] == is_item:
            runs[-1][1].append(line)
        else:
            runs.append((is_item, [line]))
    out: list[str] = []
    carry = ""
    for is_item, lines in runs:
        text = "\n".join(lines).strip()
        if not is_item:
            m = re.search(r"(?:^|(?<=[.!?])\s+)([^.!?]*:)\s*$", text)
            if m:
                carry = m.group(1).strip()
                text = text[: m.start(1)].strip()
            if text:
                out.append(text)
        else:
            out.append(f"{carry}\n{text}" if carry else text)
            carry = ""
    if carry:
        out.append(carry)
    return out


def _blocks(text: str) -> list[tuple[str | None, str]]:
    """(heading, block) pairs: paragraphs and whole lists, each under the heading before it; a
    paragraph ending with ":" stays with the list it introduces. A short title-like line above
    a paragraph is a heading even without blank lines around it (plain text and PDFs)."""
    out: list[tuple[str | None, str]] = []
    heading: str | None = None
    pending = ""
    for raw in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        if not raw.strip():
            continue
        for sub_heading, block in _split_at_headings(raw.strip("\n")):
            if sub_heading is not None and not pending:
                heading = sub_heading
            if not block:
                continue
            if pending:
                block = f"{pending}\n{block}"
                pending = ""
            if block.rstrip().endswith(":") and not _LIST_LINE.match(block.split("\n")[-1]):
                pending = block.rstrip()
                continue
            out.append((heading, block))
    if pending:
        out.append((heading, pending))
    return out


# A line ending like this continues on the next line.
_OPEN_END = re.compile(
    r"\b(?:the|a|an|of|for|and|or|but|to|in|on|with|that|which|who|has|have|had|been|is|are|was"
    r"|were|by|as|at|from|its|their|this|these|than|into|about|after|before|can|may|not)$",
    re.I,
)


# a line that is all bold or italics ("**Rating: FALSE**", "*Published 14 March*")
_EMPHASIS = re.compile(r"^\s*([*_]{1,2})[^*_\n]+\1\s*$")


def _split_at_headings(block: str) -> list[tuple[str | None, str]]:
    """A block cut at its heading lines: [(heading or None, text under it)]."""
    lines = block.split("\n")
    if len(lines) == 1:
        h = _heading_of(block)
        return [(h, "")] if h is not None else [(None, block)]
    out: list[tuple[str | None, str]] = []
    current: list[str] = []
    heading: str | None = None
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        wrapped = bool(nxt.strip()[:1].islower()) or bool(_OPEN_END.search(line.strip()))
        marked = bool(_MD_HEADING.match(line.strip()))  # ("## ..." is a heading however long)
        h = (
            _heading_of(line)
            if line.strip() and (marked or ((not nxt or len(nxt) > len(line)) and not wrapped))
            else None
        )  # a hard-wrapped line of a paragraph (a PDF's) is not a heading
        if h is not None and heading is not None and not current and _EMPHASIS.match(line):
            heading = f"{heading} \u00b7 {h}"  # "### Claim 2: ..." + "**Rating: FALSE**": one
            continue
        if h is not None and not _LIST_LINE.match(line):
            if current or heading is not None:
                out.append((heading, "\n".join(current).strip()))
            heading, current = h, []
        else:
            current.append(line)
    out.append((heading, "\n".join(current).strip()))
    return out


def _document_chunks(
    record: Record,
    base: ChunkMeta,
    pages: list[tuple[int | None, str]],
    chunk_size: int,
    splitter: Any,
) -> list[Chunk]:
    """A user's document: chunks of whole paragraphs and whole lists, never mixing sections,
    each chunk's section the heading it sits under (so "which side effects does the article
    list?" finds the list in one piece, with its heading)."""
    chunks: list[Chunk] = []

    def emit(section: str | None, page: int | None, parts: list[str]) -> None:
        text = "\n\n".join(parts).strip()
        if not text:
            return
        meta = replace(base, section=section or "", page=page)
        chunk = Chunk(id=f"{record.id}::{len(chunks)}", text=text, metadata=meta)
        chunk.sentences = split_sentences(text)
        chunks.append(chunk)

    for page, text in pages:
        parts: list[str] = []
        size = 0
        current: str | None = None
        for heading, whole in _blocks(text):
            if heading != current and parts:
                emit(current, page, parts)
                parts, size = [], 0
            current = heading
            for block in _runs(whole) if len(whole) > chunk_size else [whole]:
                block = _unwrap(block)
                if len(block) > 2 * chunk_size:  # a very long paragraph: split it by sentence
                    if parts:
                        emit(current, page, parts)
                        parts, size = [], 0
                    for piece in splitter.split_text(block):
                        emit(current, page, [piece.strip()])
                    continue
                if parts and size + len(block) > chunk_size:
                    emit(current, page, parts)
                    parts, size = [], 0
                parts.append(block)
                size += len(block) + 2
        if parts:
            emit(current, page, parts)
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
