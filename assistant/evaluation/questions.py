"""The evaluation question sets (``eval/questions.yaml``, ``eval/holdout.yaml``): schema and loading.

Every item says what a good answer must do: the sources it should come from, the key facts, the
terms its first sentence must carry, the exact notices, whether it must be declined; and what
the planner should find (intent and entities). Conversation turns carry the earlier questions,
translations and paraphrases point at the item they restate. ``eval/README.md`` explains the
fields and the notice rules the labels follow.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.settings import PROJECT_DIR
from assistant.vocab import DETECTED_NOTICE_KINDS, INTENTS, Intent, Language

DEFAULT_QUESTIONS = PROJECT_DIR / "eval" / "questions.yaml"
HOLDOUT_QUESTIONS = PROJECT_DIR / "eval" / "holdout.yaml"

Category = Literal[
    "efficacy-alcohol", "efficacy-other", "trial-by-name", "trial-by-description", "safety",
    "dosing", "pregnancy", "renal", "mechanism", "pharmacokinetics", "regulation", "comparators",
    "misconceptions", "out-of-scope", "contraindications",
]  # fmt: skip
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
assert "out_of_scope" in INTENTS


class ExpectedEntities(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    substance: str | None = None
    trial: str | None = None
    condition: str | None = None
    other_medicine: str | None = None
    jurisdiction: str | None = None


class Question(BaseModel):
    """One evaluation item."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[qh]\d{3,}$")
    question: str = Field(min_length=2)
    category: Category
    intent: Intent
    entities: ExpectedEntities = Field(default_factory=ExpectedEntities)
    expected_sources: list[str] = Field(default_factory=list)
    key_facts: list[str] = Field(default_factory=list)
    first_sentence: list[str] = Field(default_factory=list)
    abstain: bool = False
    decline_medicine: str | None = None
    notices: list[str] = Field(default_factory=list)  # kinds of vocab.DETECTED_NOTICE_KINDS
    history: list[str] = Field(default_factory=list)
    language: Language | None = None
    paraphrase_of: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        if self.abstain:
            if self.expected_sources or self.key_facts:
                raise ValueError("an item that must be declined has no expected_sources/key_facts")
        elif not self.expected_sources:
            raise ValueError("an in-scope item needs at least one expected source")
        unknown = [k for k in self.notices if k not in DETECTED_NOTICE_KINDS]
        if unknown:
            raise ValueError(
                f"notices {unknown} are not checked kinds ({', '.join(DETECTED_NOTICE_KINDS)})"
            )
        if self.decline_medicine and not self.abstain:
            raise ValueError("decline_medicine is only for items that must be declined")
        for src in self.expected_sources:
            if not re.fullmatch(r"[a-z0-9_-]+|pmid:\d+|doi:10\.\S+", src):
                raise ValueError(f"expected source {src!r} is not a record id, pmid:N or doi:10...")
        if any(not f.strip() for f in [*self.key_facts, *self.first_sentence]):
            raise ValueError("key_facts and first_sentence must not contain empty strings")
        return self


class QuestionFileError(ValueError):
    """The question file cannot be used; the message names the file and the item."""


def load_questions(path: str | Path = DEFAULT_QUESTIONS) -> list[Question]:
    """Parse and validate a question file (a YAML list of items)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise QuestionFileError(f"{path}: cannot read questions ({exc})") from None
    if not isinstance(data, list):
        raise QuestionFileError(f"{path}: expected a YAML list of question items")
    out: list[Question] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(data, start=1):
        label = item.get("id", "?") if isinstance(item, dict) else "?"
        try:
            q = Question.model_validate(item)
        except ValidationError as exc:
            details = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'item'}: {e['msg']}" for e in exc.errors()
            )
            raise QuestionFileError(f"{path}: item {i} (id {label}): {details}") from None
        if q.id in seen:
            raise QuestionFileError(
                f"{path}: item {i}: duplicate id {q.id} (also item {seen[q.id]})"
            )
        seen[q.id] = i
        out.append(q)
    ids = {q.id for q in out}
    for q in out:
        if q.paraphrase_of and q.paraphrase_of not in ids:
            raise QuestionFileError(
                f"{path}: {q.id}: paraphrase_of {q.paraphrase_of} is not an item"
            )
    return out
