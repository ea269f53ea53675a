"""The pipeline's result types: a retrieved context, a citation, a notice and an answer.

``Answer.to_json()`` is the public JSON schema of ``assistant ask --json`` (keep it stable).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

NoticeKind = Literal["emergency", "general", "off_label", "dosing", "pregnancy", "renal"]
NOTICE_KINDS: tuple[str, ...] = (
    "emergency",
    "general",
    "off_label",
    "dosing",
    "pregnancy",
    "renal",
)


@dataclass
class Context:
    """A retrieved chunk with its fused score and the ranks each retriever gave it."""

    chunk_id: str
    text: str
    metadata: dict[str, Any]
    score: float = 0.0
    dense_rank: int | None = None
    lexical_rank: int | None = None
    similarity: float | None = None  # cosine similarity to the question (dense retriever)

    @property
    def source_id(self) -> str:
        return str(self.metadata.get("source_id", ""))


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
    chunk_id: str = ""  # not part of the public schema; lets checks find the cited chunk

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("chunk_id")
        return d


@dataclass
class Notice:
    kind: NoticeKind
    text: str
    source_ids: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    contexts: list[Context] = field(default_factory=list)  # what was retrieved (not in the JSON)
    searched: str | None = None  # the standalone question actually searched, if rewritten
    route: str = "extractive"  # how the answer was made: "extractive" or "contraindications"

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "notices": [n.to_json() for n in self.notices],
        }
