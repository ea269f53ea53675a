"""The pipeline's nouns: filters, the question plan, a retrieved context, a citation, a notice, an
evidence-table row and the answer.

``Answer.to_json()`` is the public JSON schema of ``assistant ask --json``: fields are only ever
added, never renamed or removed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.library.chunks import ChunkMeta
from assistant.vocab import ADDICTIONS, ROUTE_EXTRACTIVE, USER_EVIDENCE, USER_LABEL, NoticeKind


@dataclass
class Filters:
    """Metadata filters the retrieval honours (all optional)."""

    evidence: list[str] = field(default_factory=list)
    substances: list[str] = field(default_factory=list)
    year_min: int | None = None
    year_max: int | None = None
    # Only these records (a document-scoped question).
    records: list[str] | None = None

    def __bool__(self) -> bool:
        return bool(
            self.evidence or self.substances or self.year_min or self.year_max
            or self.records is not None
        )  # fmt: skip

    def allows(self, record: Any) -> bool:
        """Whether a record (anything with evidence, substances and year) passes the filters."""
        if self.evidence and record.evidence not in self.evidence:
            return False
        if self.substances and not set(self.substances) & set(record.substances):
            return False
        year = record.year or 0
        if self.year_min and year < self.year_min:
            return False
        return not (self.year_max and (not record.year or year > self.year_max))

    def describe(self) -> str:
        """The filters in words ("" when there are none)."""
        parts = []
        if self.evidence:
            parts.append("evidence: " + ", ".join(self.evidence))
        if self.substances:
            parts.append("substance: " + ", ".join(self.substances))
        if self.year_min or self.year_max:
            parts.append(f"years: {self.year_min or ''}-{self.year_max or ''}")
        return "; ".join(parts)

    def chroma_where(self) -> dict[str, Any] | None:
        """The same filters as a Chroma ``where`` clause (the benchmark compares both paths)."""
        clauses: list[dict[str, Any]] = []
        if self.evidence:
            clauses.append({"evidence": {"$in": list(self.evidence)}})
        if self.substances:
            subs = [{f"sub_{s}": True} for s in self.substances]
            clauses.append(subs[0] if len(subs) == 1 else {"$or": subs})
        if self.year_min:
            clauses.append({"year": {"$gte": int(self.year_min)}})
        if self.year_max:
            clauses.append({"year": {"$lte": int(self.year_max)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


@dataclass
class Entities:
    """What a question is about (see :mod:`assistant.answering.question.plan`)."""

    substances: list[str] = field(default_factory=list)
    trials: list[str] = field(default_factory=list)  # record ids named or described
    conditions: list[str] = field(default_factory=list)  # contraindication table keys
    other_medicines: list[str] = field(default_factory=list)
    jurisdictions: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # the user's documents asked about

    def to_json(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in asdict(self).items()}

    def __bool__(self) -> bool:
        return any(asdict(self).values())


@dataclass
class Plan:
    """The question plan, made before retrieval: it decides the route and the answer's shape."""

    question: str  # as asked
    intent: str  # one of vocab.INTENTS
    entities: Entities
    searched: str  # the standalone English question retrieval searches
    language: str = "en"
    scope: str = "library"  # "library", "curated" (safety: curated sources first), "document"
    follow_up: bool = False  # the question leans on the conversation
    personal: bool = False  # asks for someone's own dose
    aspects: list[str] = field(default_factory=list)  # e.g. craving, dose, negative, latest
    english: str = ""  # the English reading of the question (= question for English)
    topic: str = ""  # what an earlier turn asked about, carried into a fragment follow-up's search

    @property
    def substance(self) -> str | None:
        return self.entities.substances[0] if self.entities.substances else None

    @property
    def addiction(self) -> bool:
        return any(s in ADDICTIONS for s in self.entities.substances)

    def to_json(self) -> dict[str, Any]:
        return {
            "intent": self.intent,
            "entities": self.entities.to_json(),
            "scope": self.scope,
            "language": self.language,
            "searched": self.searched,
            "follow_up": self.follow_up,
            "aspects": list(self.aspects),
        }


@dataclass
class Context:
    """A retrieved chunk with its fused score and the ranks each retriever gave it."""

    chunk_id: str
    text: str
    metadata: ChunkMeta
    score: float = 0.0
    dense_rank: int | None = None
    lexical_rank: int | None = None
    similarity: float | None = None  # cosine similarity to the question (dense retriever)

    @property
    def source_id(self) -> str:
        return self.metadata.source_id


@dataclass
class Citation:
    n: int
    source_id: str
    title: str
    authors: str
    year: int | None
    journal: str | None
    pmid: str | None
    doi: str | None
    url: str | None
    evidence: str
    quote: str
    page: int | None
    section: str | None = None
    claimed_evidence: str | None = None  # what a user's document claimed to be (not trusted)
    publisher: str | None = None  # issuing body of a label, regulatory document or guideline
    author_list: list[str] = field(default_factory=list)  # names as written ("Garbutt JC")
    chunk_id: str = ""  # not part of the public schema; lets checks find the cited chunk

    @property
    def user(self) -> bool:
        return self.evidence == USER_EVIDENCE

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("chunk_id")
        d["library"] = USER_LABEL if self.user else "curated"
        return d


@dataclass
class Notice:
    kind: NoticeKind
    text: str
    source_ids: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}


@dataclass
class EvidenceRow:
    """One study in an efficacy answer's evidence table."""

    source_id: str
    study: str  # "ALPADIR (Reynaud 2017)"
    year: int | None
    design: str  # "RCT vs placebo", "meta-analysis (17 trials)"
    n: int | None
    dose: str  # "up to 180 mg/day"
    primary_outcome: str
    result: str  # vocab.RESULTS
    key_result: str
    n_cite: int  # the answer's citation number

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    contexts: list[Context] = field(default_factory=list)  # what was retrieved (not in the JSON)
    searched: str | None = None  # the standalone question searched, when it differs
    route: str = ROUTE_EXTRACTIVE  # how the answer was made (vocab.ROUTES)
    plan: Plan | None = None
    evidence_table: list[EvidenceRow] = field(default_factory=list)
    note: str = ""  # said about the answer, not the topic (language, document scope, filters)

    @property
    def sentences(self) -> list[str]:
        """The answer's lines without list markers (for checks and the eval)."""
        out = []
        for line in self.answer.split("\n"):
            line = line.strip().lstrip("-* ").strip()
            if line:
                out.append(line)
        return out

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "notices": [n.to_json() for n in self.notices],
            "route": self.route,
            "note": self.note,
        }
        if self.plan is not None:
            d["plan"] = self.plan.to_json()
        if self.evidence_table:
            d["evidence_table"] = [r.to_json() for r in self.evidence_table]
        return d
