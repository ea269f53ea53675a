"""The default answer composer: extractive, no LLM.

It picks the sentences of the retrieved chunks that best answer the question (lexical relevance
weighted by IDF, the chunk's retrieval score and its evidence level, with diversity across
sources), orders them readably and marks each with [n]. Every quote is a verbatim substring of its
cited chunk. When the evidence is weak it abstains and lists the nearest sources instead.

Composers share one signature, ``(question, contexts, idf) -> Composition``, so an LLM generator
can take this one's place (see :class:`Composer`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from assistant.answer import Citation, Context
from assistant.library.chunks import split_sentences, tokenize
from assistant.vocab import EVIDENCE_RANK

ABSTAIN_TEXT = "The sources in this library do not answer this question."
_SAME = 0.6  # two sentences sharing more of their words than this say the same thing
_NUMBER = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|mg|percent)|\bp\s*[<=]|\b\d+(?:\.\d+)? (?:vs|versus)\b|\d"
)
_NOT_REPORTED = re.compile(
    r"\b(?:do(?:es)? not (?:report|show|give)|not (?:retrieved|verified|reported))\b", re.I
)

# Words that say what kind of answer is wanted but carry no topic: they do not count towards the
# question's coverage by the retrieved text.
_QUESTION_WORDS = frozenset(
    tokenize(
        "baclofen drug medication medicine use used using effect effects work works study studies "
        "evidence know tell explain patient patients people treatment treat help helps good "
        "safe risk risks find found finding findings result results show showed conclude "
        "concluded conclusion trial trials review report reported outcome outcomes happen "
        "happened paper article"
    )
)


@dataclass
class Composition:
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    route: str = "extractive"  # or "contraindications" (answered from the curated table)


class Composer(Protocol):
    def __call__(
        self, question: str, contexts: Sequence[Context], idf: Callable[[str], float]
    ) -> Composition: ...


@dataclass
class _Candidate:
    ctx_index: int
    start: int
    end: int
    tokens: set[str]
    score: float


def citation_for(n: int, ctx: Context, quote: str) -> Citation:
    m = ctx.metadata
    page = m.get("page")
    year = m.get("year")
    return Citation(
        n=n,
        source_id=ctx.source_id,
        title=m.get("title", ""),
        authors=m.get("authors", ""),
        year=year if isinstance(year, int) and year > 0 else None,
        journal=m.get("journal") or None,
        pmid=m.get("pmid") or None,
        doi=m.get("doi") or None,
        url=m.get("url") or None,
        evidence=m.get("evidence", ""),
        quote=quote,
        page=page if isinstance(page, int) and page > 0 else None,
        chunk_id=ctx.chunk_id,
    )


def coverage(question: str, contexts: Sequence[Context], idf: Callable[[str], float]) -> float:
    """IDF-weighted share of the question's topic words found in the retrieved text."""
    q = set(tokenize(question)) - _QUESTION_WORDS
    if not q:
        return 1.0
    seen: set[str] = set()
    for c in contexts:
        seen |= set(
            tokenize(f"{c.metadata.get('title', '')} {c.metadata.get('trial_names', '')} {c.text}")
        )
    total = sum(idf(t) for t in q)
    return sum(idf(t) for t in q & seen) / total if total else 0.0


# Medicines and supplements other than baclofen, by name or by their class's word ending.
_OTHER_DRUG = re.compile(
    r"\b(?:naltrexone|acamprosate|nalmefene|topiramate|gabapentin|pregabalin|disulfiram"
    r"|varenicline|bupropion|clonidine|lofexidine|tizanidine|cyclobenzaprine|dantrolene"
    r"|methadone|buprenorphine|naloxone|tramadol|ketamine|lithium|metformin|paracetamol"
    r"|acetaminophen|aspirin|ibuprofen|naproxen|amoxicillin|penicillin|insulin|warfarin"
    r"|melatonin|vitamins?|ondansetron|sertraline|fluoxetine|quetiapine|olanzapine"
    r"|[a-z]{2,}(?:azepam|azolam|barbital|olol|pril|sartan|statin|prazole|triptyline|oxetine"
    r"|cillin|mycin|floxacin|profen|codone|morphone))\b",
    re.I,
)


def other_drugs(question: str) -> set[str]:
    """The medicines a question names when it does not name baclofen (lowercase)."""
    if re.search(r"\bbaclofen\b|\bbaclocur\b|\blioresal\b", question, re.I):
        return set()
    return {m.lower() for m in _OTHER_DRUG.findall(question)}


@dataclass
class ExtractiveComposer:
    """Sentence-selection composer (the default)."""

    max_sentences: int = 5
    per_source: int = 2
    min_similarity: float = 0.42
    min_term_coverage: float = 0.5
    # The index's vocabulary (stemmed tokens); when set, questions about words the library has
    # never seen (say "ibuprofen" or "melting point") are declined.
    vocabulary: frozenset[str] | None = None

    def unknown_share(self, question: str, idf: Callable[[str], float]) -> float:
        """IDF-weighted share of the question's topic words that the library never mentions
        (a word one or two typos away from a known word counts as known)."""
        if not self.vocabulary:
            return 0.0
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        q = set(tokenize(question)) - _QUESTION_WORDS
        total = sum(idf(t) for t in q)
        if not total:
            return 0.0
        unknown = 0.0
        for t in q:
            if t in self.vocabulary or t.isdigit():
                continue
            limit = 0 if len(t) < 5 else 1 if len(t) < 8 else 2
            if limit and process.extractOne(
                t, self.vocabulary, scorer=Levenshtein.distance, score_cutoff=limit
            ):
                continue
            unknown += idf(t)
        return unknown / total

    def should_abstain(
        self, question: str, contexts: Sequence[Context], idf: Callable[[str], float]
    ) -> bool:
        if not contexts:
            return True
        sims = [c.similarity for c in contexts if c.similarity is not None]
        top = max(sims) if sims else 0.0
        cov = coverage(question, contexts, idf)
        if top < 0.2:
            return True
        if top < self.min_similarity and cov < self.min_term_coverage:
            return True
        return self.unknown_share(question, idf) >= 0.5 and cov < 0.75

    def __call__(
        self, question: str, contexts: Sequence[Context], idf: Callable[[str], float]
    ) -> Composition:
        if self.should_abstain(question, contexts, idf):
            return self.abstain(contexts)
        picked = self.select(question, contexts, idf)
        if not picked:
            return self.abstain(contexts)
        drugs = other_drugs(question)
        if drugs and not any(
            d in contexts[c.ctx_index].text[c.start : c.end].lower() for c in picked for d in drugs
        ):
            # "What is the half-life of diazepam?": sentences about baclofen do not answer it
            return self.abstain(contexts)
        return self.render(picked, contexts)

    # ----------------------------------------------------------------- selection

    def select(
        self, question: str, contexts: Sequence[Context], idf: Callable[[str], float]
    ) -> list[_Candidate]:
        q = set(tokenize(question))
        # "What did BACLAD find?": intent words match any sentence that says "found"; the topic
        # words decide (unless the question has no other words)
        q = (q - _QUESTION_WORDS) or q
        q_weight = sum(idf(t) for t in q) or 1.0
        top_score = max(c.score for c in contexts) or 1.0
        cands: list[_Candidate] = []
        for ci, ctx in enumerate(contexts):
            spans = split_sentences(ctx.text)
            prior = ctx.score / top_score
            ev = EVIDENCE_RANK.get(str(ctx.metadata.get("evidence")), 8)
            ev_bonus = 0.08 * (8 - ev) / 8
            section = str(ctx.metadata.get("section", "")).lower()
            summary = section.startswith("summary")
            results = summary or section.startswith(("outcome", "finding", "result", "conclusion"))
            # a sentence inherits its record's name: "ALPADIR" matches every ALPADIR sentence,
            # so the sentences with the results win over those that merely repeat the name
            record_toks = set(
                tokenize(
                    " ".join(
                        str(ctx.metadata.get(k, "")) for k in ("short_cite", "trial_names", "title")
                    )
                )
            )
            for s, e in spans:
                if ctx.text[s:e].startswith(("- ", "* ")):
                    s += 2
                text = ctx.text[s:e]
                if len(text) < 25 or text.endswith(":") or text.count("|") >= 2 or "\n" in text:
                    continue  # fragments, list headers, table rows
                toks = set(tokenize(text))
                lex = sum(idf(t) for t in q & (toks | record_toks)) / q_weight
                own = sum(idf(t) for t in q & toks) / q_weight
                if own == 0 and not (summary and ci == 0) and not (lex > 0 and results):
                    continue
                # short fragments say little; very long sentences are hard to read
                length = 1.0 if 60 <= len(text) <= 400 else 0.85
                bonus = ev_bonus + (0.06 if summary else 0) + (0.04 if results else 0)
                if _NUMBER.search(text):
                    bonus += 0.08  # results carry numbers
                if _NOT_REPORTED.search(text):
                    bonus -= 0.1  # "the checked sources do not report ..." is a last resort
                score = (0.55 * lex + 0.05 * own + 0.3 * prior + bonus) * length
                cands.append(_Candidate(ci, s, e, toks, score))
        chosen: list[_Candidate] = []
        per_source: dict[str, int] = {}
        # a question about one record ("What did BACLAD find?") may quote it more often
        counts: dict[str, int] = {}
        for ctx in contexts:
            counts[ctx.source_id] = counts.get(ctx.source_id, 0) + 1
        focus = max(counts.values()) * 2 >= len(contexts)
        cap = self.per_source + 1 if focus else self.per_source
        pool = sorted(cands, key=lambda c: -c.score)
        while pool and len(chosen) < self.max_sentences:
            best, best_val = None, -math.inf
            for c in pool:
                src = contexts[c.ctx_index].source_id
                if per_source.get(src, 0) >= cap:
                    continue
                if any(_jaccard(c.tokens, o.tokens) > _SAME for o in chosen):
                    continue
                val = c.score - 0.12 * per_source.get(src, 0)
                if val > best_val:
                    best, best_val = c, val
            if best is None:
                break
            # stop when the remaining sentences are much weaker than the first
            if chosen and best.score < 0.35 * chosen[0].score:
                break
            chosen.append(best)
            pool.remove(best)
            src = contexts[best.ctx_index].source_id
            per_source[src] = per_source.get(src, 0) + 1
        return chosen

    # ----------------------------------------------------------------- rendering

    def render(self, picked: list[_Candidate], contexts: Sequence[Context]) -> Composition:
        # group by chunk, chunks in order of their best sentence, sentences in text order
        order: list[int] = []
        for c in picked:
            if c.ctx_index not in order:
                order.append(c.ctx_index)
        lines: list[str] = []
        citations: list[Citation] = []
        for n, ci in enumerate(order, start=1):
            ctx = contexts[ci]
            mine = sorted((c for c in picked if c.ctx_index == ci), key=lambda c: c.start)
            quote = ctx.text[mine[0].start : mine[-1].end]
            citations.append(citation_for(n, ctx, quote))
            for c in mine:
                lines.append(f"- {ctx.text[c.start : c.end]} [{n}]")
        return Composition("\n".join(lines), False, citations)

    def abstain(self, contexts: Sequence[Context], nearest: int = 3) -> Composition:
        lines = [ABSTAIN_TEXT]
        citations: list[Citation] = []
        seen: set[str] = set()
        for ctx in contexts:
            if ctx.source_id in seen:
                continue
            seen.add(ctx.source_id)
            spans = split_sentences(ctx.text)
            quote = ctx.text[spans[0][0] : spans[0][1]] if spans else ctx.text[:200]
            n = len(citations) + 1
            citations.append(citation_for(n, ctx, quote))
            year = ctx.metadata.get("year")
            when = f" ({year})" if isinstance(year, int) and year > 0 else ""
            lines.append(f"- {ctx.metadata.get('title', ctx.source_id)}{when} [{n}]")
            if len(citations) >= nearest:
                break
        if citations:
            lines.insert(1, "The nearest sources are:")
        return Composition("\n".join(lines), True, citations)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
