"""Answer-quality metrics: pure functions over questions, answers and the index.

Retrieval (recall@k, MRR over distinct sources), citation validity (every quote verbatim in its
chunk), key facts, abstention, notices (precision and recall per kind against the exact expected
set), ALCE-style citation support (lexical), and the answers' form:

* **bottom line first**: the first sentence carries every term group the item lists;
* **repeated facts**: two sentences of one answer state the same figures or, by the sentence
  embeddings, the same thing (cosine >= 0.9);
* **meta sentences**: a sentence talks about the library, the records or the sources;
* **off-topic share**: sentences about another substance (or another study) than the one asked;
* **other-medicine declines**: a question about another medicine's facts is declined naming it;
* **planner**: intent and entity accuracy against the labels.

These are measured independently of how the composer works (their own patterns and thresholds),
so a composer that repeats itself or talks about the library scores worse here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from assistant.answer import Answer, Citation, Context, Plan
from assistant.evaluation.questions import Question
from assistant.library.chunks import split_sentences, tokenize
from assistant.vocab import ADDICTIONS, DETECTED_NOTICE_KINDS, SUBSTANCE_SAID

SUPPORT_THRESHOLD = 0.6
SAME_MEANING = 0.9

# --------------------------------------------------------------------------- retrieval


def source_matches(expected: str, ctx: Context) -> bool:
    """Whether a context belongs to an expected source (record id, ``pmid:N`` or ``doi:10...``)."""
    meta = ctx.metadata
    if expected.startswith("pmid:"):
        return (meta.pmid or "") == expected[5:]
    if expected.startswith("doi:"):
        return (meta.doi or "").lower() == expected[4:].lower()
    return ctx.source_id == expected


def distinct_sources(contexts: Sequence[Context]) -> list[Context]:
    """The first context of each source, in rank order."""
    seen: set[str] = set()
    out: list[Context] = []
    for c in contexts:
        if c.source_id not in seen:
            seen.add(c.source_id)
            out.append(c)
    return out


def hit_rank(expected: Sequence[str], contexts: Sequence[Context], k: int) -> int | None:
    """1-based rank, among the first ``k`` distinct sources, of the first expected source."""
    for rank, ctx in enumerate(distinct_sources(contexts)[:k], start=1):
        if any(source_matches(e, ctx) for e in expected):
            return rank
    return None


def retrieval_scores(ranks: Sequence[int | None], k: int) -> dict[str, float]:
    """recall@1, recall@k and MRR@k from per-question hit ranks (None = not in the top k)."""
    n = len(ranks)
    if n == 0:
        return {"recall@1": 0.0, f"recall@{k}": 0.0, "mrr": 0.0, "n": 0}
    return {
        "recall@1": sum(1 for r in ranks if r == 1) / n,
        f"recall@{k}": sum(1 for r in ranks if r is not None and r <= k) / n,
        "mrr": sum(1.0 / r for r in ranks if r is not None and r <= k) / n,
        "n": n,
    }


# --------------------------------------------------------------------------- citations


@dataclass
class CitationCheck:
    n: int
    chunk_id: str
    valid: bool
    reason: str = ""


def check_citations(answer: Answer, store: Any) -> list[CitationCheck]:
    """Each citation's quote against the stored text of the chunk it names."""
    out: list[CitationCheck] = []
    for c in answer.citations:
        pos = store.position.get(c.chunk_id) if c.chunk_id else None
        if pos is None:
            out.append(CitationCheck(c.n, c.chunk_id, False, "unknown chunk id"))
        elif not c.quote.strip():
            out.append(CitationCheck(c.n, c.chunk_id, False, "empty quote"))
        elif c.quote not in store.texts[pos]:
            out.append(CitationCheck(c.n, c.chunk_id, False, "quote is not verbatim in the chunk"))
        elif store.metas[pos].source_id != c.source_id:
            out.append(CitationCheck(c.n, c.chunk_id, False, "chunk belongs to another source"))
        else:
            out.append(CitationCheck(c.n, c.chunk_id, True))
    return out


# --------------------------------------------------------------------------- key facts and terms

_DASHES = re.compile(r"[\s\-\u2010-\u2015\u2212]+")


def normalise_fact_text(text: str) -> str:
    """Lowercase; runs of whitespace and dashes (hyphen, en/em dash, minus) become one space."""
    return _DASHES.sub(" ", text.lower())


def key_fact_coverage(answer_text: str, facts: Sequence[str]) -> float | None:
    """Share of ``facts`` found in ``answer_text`` (None when there are no facts)."""
    if not facts:
        return None
    norm = normalise_fact_text(answer_text)
    return sum(1 for f in facts if normalise_fact_text(f).strip() in norm) / len(facts)


_MARKS = re.compile(r"\s*\[\d+\](?:\[\d+\])*")


def answer_lines(answer_text: str) -> list[str]:
    """The answer's sentences without list markers and citation marks."""
    out = []
    for line in answer_text.splitlines():
        line = _MARKS.sub("", line.strip().lstrip("-*• ").strip()).strip()
        if not line:
            continue
        for s, e in split_sentences(line) or [(0, len(line))]:
            if line[s:e].strip():
                out.append(line[s:e].strip())
    return out


def first_sentence(answer_text: str) -> str:
    lines = answer_lines(answer_text)
    return lines[0] if lines else ""


def terms_present(text: str, groups: Sequence[str]) -> bool:
    """Every group ("no|not|did not") has an alternative in ``text`` (case/dash-insensitive)."""
    norm = normalise_fact_text(text)
    return all(
        any(normalise_fact_text(alt).strip() in norm for alt in g.split("|") if alt.strip())
        for g in groups
    )


# --------------------------------------------------------------------------- form

META = re.compile(
    r"\b(?:this|the|our|these|that|its) (?:records?|fact sheet|knowledge base|database)\b"
    r"(?! (?:that|showed|shows|show)\b)|\bcorpus\b|\blibrary\b"
    r"|\b(?:this|these) sources?\b|\bcovered (?:in|by)\b|\bsee (?:the|our)\b"
    r"|\bno source\b|\bnot (?:retrieved|verified)\b|^(?:a frequent error|this is false|myth)\b",
    re.I,
)
# Declines say what the assistant cannot answer: that is their job, not a meta sentence.
_DECLINE = re.compile(r"\bthis assistant\b|\bdoes not answer\b|\bcannot answer\b", re.I)
_FIGURE = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)?)\s?(%|mg|percent)")


def numbers_in(text: str | None) -> set[str]:
    """The figures in a text ("11.9", "320", "0.618"), as written, years included."""
    return {
        n.rstrip(".").replace(",", "")
        for n in re.findall(r"(?<![\w.])\d[\d,]*(?:\.\d+)?", text or "")
    }


def meta_sentences(answer: Answer) -> list[str]:
    return [s for s in answer_lines(answer.answer) if META.search(s) and not _DECLINE.search(s)]


def repeated_facts(
    sentences: Sequence[str], vectors: np.ndarray | None = None
) -> list[tuple[int, int]]:
    """Pairs of sentences that state the same thing: the same two figures, or (by their
    embeddings) nearly the same meaning."""
    pairs = []
    figures = [set(_FIGURE.findall(s)) for s in sentences]
    for i in range(len(sentences)):
        for j in range(i + 1, len(sentences)):
            same = len(figures[i] & figures[j]) >= 2
            if not same and vectors is not None:
                same = float(vectors[i] @ vectors[j]) >= SAME_MEANING
            if same:
                pairs.append((i, j))
    return pairs


_SUBSTANCE_RX = {k: rx for k, rx in SUBSTANCE_SAID.items() if k in ADDICTIONS}


def off_topic(sentences: Sequence[str], item: Question) -> list[str]:
    """Sentences about another substance than the one the question asks about (and not about
    that one)."""
    want = item.entities.substance
    if not want or want not in _SUBSTANCE_RX:
        return []
    out = []
    for s in sentences:
        if _SUBSTANCE_RX[want].search(s):
            continue
        if any(rx.search(s) for k, rx in _SUBSTANCE_RX.items() if k != want):
            out.append(s)
    return out


def declined_naming(answer: Answer, medicine: str) -> bool:
    return answer.abstained and medicine.lower() in answer.answer.lower()


# --------------------------------------------------------------------------- notices


def predicted_notices(answer: Answer) -> set[str]:
    """Notice kinds on an answer, without ``general``."""
    return {n.kind for n in answer.notices} - {"general"}


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)  # expected but absent
    unexpected: list[str] = field(default_factory=list)  # present but not expected

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def notice_scores(
    pairs: Iterable[tuple[Question, Answer]], kinds: Sequence[str] = DETECTED_NOTICE_KINDS
) -> dict[str, KindScore]:
    """Per-kind precision/recall of the answers' notices against each item's exact set."""
    scores = {k: KindScore() for k in kinds}
    for item, answer in pairs:
        pred = predicted_notices(answer)
        exp = set(item.notices)
        for k in kinds:
            s = scores[k]
            if k in exp and k in pred:
                s.tp += 1
            elif k in exp:
                s.fn += 1
                s.missed.append(item.id)
            elif k in pred:
                s.fp += 1
                s.unexpected.append(item.id)
    return scores


# --------------------------------------------------------------------------- planner


def plan_matches(item: Question, plan: Plan | None) -> dict[str, bool | None]:
    """Per label: did the planner find it (None when the item does not label it)."""
    if plan is None:
        return {"intent": False}
    ents = plan.entities
    got = {
        "substance": ents.substances,
        "trial": [*ents.trials, *ents.documents],
        "condition": ents.conditions,
        "other_medicine": ents.other_medicines,
        "jurisdiction": ents.jurisdictions,
    }
    out: dict[str, bool | None] = {"intent": plan.intent == item.intent}
    for key, found in got.items():
        want = getattr(item.entities, key)
        out[key] = None if want is None else want in found
    return out


# --------------------------------------------------------------------------- ALCE (lexical)


def lexical_support(sentence: str, quotes: Sequence[str]) -> float:
    """Share of the sentence's distinct content tokens that occur in the quotes (0..1)."""
    toks = set(tokenize(sentence))
    if not toks:
        return 1.0
    seen: set[str] = set()
    for q in quotes:
        seen |= set(tokenize(q))
    return len(toks & seen) / len(toks)


def supported(sentence: str, quotes: Sequence[str], threshold: float = SUPPORT_THRESHOLD) -> bool:
    return bool(quotes) and lexical_support(sentence, quotes) >= threshold


_LINE = re.compile(r"^\s*(?:[-*]\s+)?(?P<text>.*?)(?P<marks>(?:\s*\[\d+\])+)\s*\.?\s*$")
_MARK = re.compile(r"\[(\d+)\]")


@dataclass
class AlceScore:
    recall: float  # share of cited sentences supported by their cited quotes
    precision: float  # share of citations that are relevant
    sentences: int
    citations: int


def alce_scores(answer_text: str, citations: Sequence[Citation]) -> AlceScore | None:
    """ALCE-style citation recall and precision of one answer's cited lines (None if none).

    Lexical: a set of quotes supports a sentence when most of its content words are in them,
    which cannot see paraphrase or negation; composed lines (a study's figures from its
    structured fields) are checked the same way against the record sentence they quote."""
    quote_of = {c.n: c.quote for c in citations}
    sents = []
    for line in answer_text.splitlines():
        m = _LINE.match(line)
        if m and m.group("text").strip():
            sents.append(
                (m.group("text").strip(), [int(x) for x in _MARK.findall(m.group("marks"))])
            )
    if not sents:
        return None
    recall_hits = precise = total = 0
    for text, cites in sents:
        quotes = [quote_of.get(n, "") for n in cites]
        joint = supported(text, quotes)
        recall_hits += joint
        total += len(cites)
        if not joint:
            continue
        for i in range(len(cites)):
            alone = supported(text, [quotes[i]])
            rest = quotes[:i] + quotes[i + 1 :]
            if alone or not supported(text, rest):
                precise += 1
    return AlceScore(recall_hits / len(sents), precise / total if total else 0.0, len(sents), total)


def mean(xs: Sequence[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None
