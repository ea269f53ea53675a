"""The default answer composer: extractive, no LLM.

It answers from the sentences of the retrieved chunks, in the shape the plan asks for:

1. **Candidates**: every sentence of the retrieved chunks, minus fragments, list headers,
   sentences about the library rather than the topic, and (when a result is asked for) sentences
   that only describe a study's design.
2. **Relevance** per sentence: the question's topic words it contains (IDF-weighted), its meaning
   (cosine between the sentence's stored vector and the question's), its chunk's retrieval score,
   and what the plan says: sentences of the trial asked about, of the jurisdiction asked about, in
   the words the intent calls for ("half-life", "taper", "coma") count more; sentences about
   another substance or jurisdiction count less; the project's overviews yield to primary
   sources.
3. **Selection** by maximal marginal relevance (Carbonell & Goldstein 1998): the best sentence
   first (the bottom line), then sentences that add something; a sentence saying the same thing
   as one already chosen (same meaning, or the same figures) is skipped. It stops when relevance
   falls, not at a fixed count; a one-number question gets one or two sentences.
4. **Rendering**: the bottom line as the first line, the supporting points as a list, each marked
   ``[n]``; every citation quotes its chunk verbatim.

When the evidence is weak, or the question is about another medicine the sentences do not name,
it declines in one sentence.

Composers share one signature, ``(Evidence) -> Composition``, so the evidence synthesis and an
LLM composer can take this one's place (see :class:`Composer`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np

from assistant.answer import Citation, Context, EvidenceRow, Plan
from assistant.answering.compose import slots
from assistant.answering.compose.sentence_kinds import (
    ASKS_APPROVAL,
    ASKS_DESIGN,
    FRAGMENT_START,
    GRANTS,
    INTENT_WORDS,
    IS_A,
    LEANING,
    LIST_QUESTION,
    POINTING,
    RESULT,
    SAME_WORD,
    STORY,
    TAKES_IT,
    THIS_THING,
    TWO_QUESTIONS,
    UNCHECKED,
    USUAL_CARE,
    WHERE_LISTED,
    asked_to_exist,
    asks_usual_care,
    how_swallowed_unanswered,
    is_design_only,
    is_meta,
    left_out_of,
    numbers_of,
    second_part,
    statement_asked,
    story_question,
)
from assistant.answering.compose.slots import NUMBER_QUESTION, RESULT_INTENTS
from assistant.answering.compose.unasked import Unasked, places_asked
from assistant.answering.question.entities import BACLOFEN, norm, record_places
from assistant.answering.question.study_cues import ASKS_WHY_DONE
from assistant.answering.safety.danger import in_danger as danger_now
from assistant.library.chunks import split_sentences, tokenize
from assistant.vocab import EVIDENCE_RANK, ROUTE_DECLINE, ROUTE_EXTRACTIVE

DECLINE_TEXT = "The baclofen literature this assistant holds does not answer this question."
_FRAMING = re.compile(r"^\s*(?:\S+\s+){0,4}\S+:\s+(?=\S)")

# Words that say what kind of answer is wanted but carry no topic: they do not count towards the
# question's coverage by the retrieved text.
QUESTION_WORDS = frozenset(
    tokenize(
        "baclofen drug medication medicine use used using effect effects work works study studies "
        "evidence know tell explain patient patients people treatment treat help helps good "
        "safe risk risks find found finding findings result results show showed conclude "
        "concluded conclusion trial trials review report reported outcome outcomes happen "
        "happened paper article say says said according label actually really exactly just "
        "usually generally typically basically notice noticed experience experienced feel felt get "
        "gets getting after before take takes taking took while during ever still currently "
        "now today anywhere yet again even much many lot anything something someone "
        "somebody anyone anybody thing things way kind sort okay ok fine proof often ve re ll d s t m "
        "isn aren wasn weren doesn didn don hasn haven won wouldn couldn shouldn cause causes "
        "caused causing quickly quick fast soon towards toward combine combined combining mix "
        "mixed mixing together alongside company companies firm maker makers manufacturer"
    )
)

_CLINICAL_INTENTS = frozenset({"adverse_effects", "pharmacokinetics", "efficacy", "regulation"})
_PLAIN_INTENTS = _CLINICAL_INTENTS - {"efficacy"}  # (in unusual words: "what does it do to us?")

# --------------------------------------------------------------------------- types


@dataclass
class Evidence:
    """What a composer answers from: the plan, the retrieved contexts and the index."""

    plan: Plan
    contexts: list[Context]
    store: Any  # assistant.index.store.IndexStore (idf, sentence vectors, catalogue)
    query_vec: np.ndarray | None = None
    encode: Callable[[str], np.ndarray] | None = None  # one text's vector (the query encoder)
    encode_many: Callable[[Sequence[str]], np.ndarray] | None = None  # many texts' (uncached)


@dataclass
class Composition:
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    route: str = ROUTE_EXTRACTIVE
    evidence_table: list[EvidenceRow] = field(default_factory=list)
    note: str = ""


class Composer(Protocol):
    def __call__(self, ev: Evidence) -> Composition: ...


@dataclass
class Sentence:
    """A candidate sentence: where it is, what it says, how relevant it is."""

    ctx: int  # index into the contexts
    start: int
    end: int
    text: str
    tokens: set[str]
    vector: np.ndarray | None
    numbers: frozenset[str]
    score: float = 0.0
    aside: bool = False  # about something the question did not ask (another country, the pump)
    background: bool = False  # from a study's background: why it was done


# --------------------------------------------------------------------------- citations


def citation_for(n: int, ctx: Context, quote: str) -> Citation:
    m = ctx.metadata
    return Citation(
        n=n,
        source_id=ctx.source_id,
        title=m.title,
        authors=m.authors,
        year=m.year,
        journal=m.journal,
        publisher=m.publisher,
        author_list=list(m.author_list),
        pmid=m.pmid,
        doi=m.doi,
        url=m.url,
        evidence=m.evidence,
        quote=quote,
        page=m.page,
        section=m.section or None,
        claimed_evidence=m.claimed_evidence,
        chunk_id=ctx.chunk_id,
    )


class Citations:
    """Numbered citations of one answer. Sentences quoted from the same chunk share one number;
    its quote is the verbatim span of the chunk that holds them all."""

    def __init__(self) -> None:
        self.items: list[Citation] = []
        self._spans: dict[str, tuple[int, int, Context]] = {}

    def add(self, ctx: Context, quote: str, start: int | None = None) -> int:
        """The number citing ``quote`` (at ``start`` in the chunk text, found when not given)."""
        if start is None or ctx.text[start : start + len(quote)] != quote:
            start = ctx.text.find(quote)
        for c in self.items:
            if c.chunk_id != ctx.chunk_id:
                continue
            if start < 0:
                return c.n
            a, b, _ = self._spans[c.chunk_id]
            a, b = min(a, start), max(b, start + len(quote))
            self._spans[c.chunk_id] = (a, b, ctx)
            c.quote = ctx.text[a:b]
            return c.n
        n = len(self.items) + 1
        if start >= 0:
            self._spans[ctx.chunk_id] = (start, start + len(quote), ctx)
        self.items.append(citation_for(n, ctx, quote))
        return n


def renumbered(comp: Composition) -> Composition:
    """``comp`` with its citations numbered as the answer reads them ([1] first): citations
    and evidence-table rows the text no longer cites are dropped."""
    order: dict[int, int] = {}
    for n in re.findall(r"\[(\d+)\]", comp.answer):
        order.setdefault(int(n), len(order) + 1)
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{order[int(m.group(1))]}]", comp.answer)
    cites = sorted(
        (replace(c, n=order[c.n]) for c in comp.citations if c.n in order), key=lambda c: c.n
    )
    rows = [replace(r, n_cite=order[r.n_cite]) for r in comp.evidence_table if r.n_cite in order]
    return replace(comp, answer=text, citations=cites, evidence_table=rows)


# --------------------------------------------------------------------------- filters

_OVERDOSE = re.compile(r"\boverdos\w*|\bantidote\b|\bpoison\w*", re.I)
_EXPLAINING = ("mechanism", "history", "pharmacokinetics")
# where a guideline places a medicine ("in its chapter on second-line medicines")
_LINE = re.compile(r"\bsecond.?line\b|\bthird.?line\b|\bnot (?:a )?first.?line\b", re.I)
_RULE_MAKERS = ("regulatory", "guideline", "label")  # (whose rules a country has)
_SIDE_BY_SIDE = ("interaction", "adverse_effects")
_SAFETY = ("overdose", "withdrawal", "contraindication", "interaction")
_ASKS_SECTION = re.compile(r"\bsections?\b|\bwhere (?:in|on|does|do|is|are)\b", re.I)
_NOT_TOO_MUCH = (*_SIDE_BY_SIDE, "withdrawal")


# --------------------------------------------------------------------------- the composer


@dataclass
class ExtractiveComposer:
    """Sentence selection by relevance and marginal novelty (the default composer)."""

    max_sentences: int = 3
    min_similarity: float = 0.42
    min_term_coverage: float = 0.5
    # The index's vocabulary (stemmed tokens): questions about words the library has never seen
    # (say "ibuprofen" or "melting point") are declined.
    vocabulary: frozenset[str] | None = None

    # ----------------------------------------------------------------- abstention

    def unknown_share(self, question: str, idf: Any) -> float:
        """IDF-weighted share of the question's topic words that the library never mentions
        (a word one or two typos away from a known word counts as known)."""
        if not self.vocabulary:
            return 0.0
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        q = set(tokenize(question)) - QUESTION_WORDS
        total = sum(idf(t) for t in q)
        if not total:
            return 0.0
        unknown = 0.0
        for t in q:
            if t in self.vocabulary or SAME_WORD.get(t, t) in self.vocabulary or t.isdigit():
                continue
            limit = 0 if len(t) < 5 else 1 if len(t) < 8 else 2
            if limit and process.extractOne(
                t, self.vocabulary, scorer=Levenshtein.distance, score_cutoff=limit
            ):
                continue
            unknown += idf(t)
        return unknown / total

    def should_abstain(self, ev: Evidence) -> bool:
        contexts, idf = ev.contexts, ev.store.idf
        if not contexts:
            return True
        question = ev.plan.searched
        sims = [c.similarity for c in contexts if c.similarity is not None]
        top = max(sims) if sims else 0.0
        cov = coverage(question, contexts, idf)
        # (someone in danger now is never turned away: "he chewed some of her tablets")
        now = danger_now(ev.plan.question) or danger_now(ev.plan.english or "")  # (or translated)
        if top < 0.2 or (
            not now and how_swallowed_unanswered(ev.plan.english, (c.text for c in contexts))
        ):
            return True
        # "my son can't swallow tablets so he has the syrup ...": a story told around a question
        # about the medicine (a clinical intent, the medicine named, the sources found) brings
        # words no source uses; they are not the topic, and the question is read by the words
        # the library knows ("my grandad has the shaking illness ... would they help him?")
        told = (
            ev.plan.intent in _CLINICAL_INTENTS
            and bool(STORY.search(ev.plan.question))
            and bool(BACLOFEN.search(norm(question)) or TAKES_IT.search(question))
        )
        known = " ".join(t for t in tokenize(question) if t in (self.vocabulary or ()))
        story = told and (
            top >= self.min_similarity or (top >= 0.33 and coverage(known, contexts, idf) >= 0.45)
        )
        if top < self.min_similarity and cov < self.min_term_coverage and not (story or now):
            return True
        safety = ev.plan.intent in _SAFETY or now
        # (another language's words the glossary does not know are not unknown topics)
        translated = ev.plan.language != "en" and ev.plan.intent not in ("general", "out_of_scope")
        plain = (top >= 0.6 and ev.plan.intent in _PLAIN_INTENTS) and (
            BACLOFEN.search(norm(question)) or ev.plan.entities.jurisdictions
        )
        return (
            not (safety or translated or story or plain)
            and self.unknown_share(_FRAMING.sub("", question), idf) >= 0.5  # (not "Pub quiz: ")
            and cov < 0.75
        )

    # ----------------------------------------------------------------- answering

    def __call__(self, ev: Evidence) -> Composition:
        if self.should_abstain(ev):
            return decline(DECLINE_TEXT)
        picked = self.select(ev)
        if not picked:
            return decline(DECLINE_TEXT)
        return render(picked, ev.contexts)

    def candidates(self, ev: Evidence) -> list[Sentence]:
        """Every usable sentence of the retrieved chunks, scored for this question."""
        plan, contexts, store = ev.plan, ev.contexts, ev.store
        idf = store.idf
        q = {SAME_WORD.get(t, t) for t in tokenize(plan.searched)}
        topic = (q - QUESTION_WORDS) or q
        q_weight = sum(idf(t) for t in topic) or 1.0
        top_score = max((c.score for c in contexts), default=1.0) or 1.0
        wants_result = plan.intent in RESULT_INTENTS or "result" in plan.aspects
        # how a study was done is an answer only to a question about how it was done
        skip_design = wants_result or not ASKS_DESIGN.search(plan.english or plan.question)
        wants_number = bool(NUMBER_QUESTION.search(plan.english or plan.question))
        cue = INTENT_WORDS.get(plan.intent)
        trials = set(plan.entities.trials)
        unasked = Unasked.of(plan)
        asks_overdose = bool(_OVERDOSE.search(plan.english or plan.question))
        asks_approval = bool(ASKS_APPROVAL.search(plan.english or plan.question))
        asks_line = bool(re.search(r"\bfirst.?(?:line|choice)\b", plan.english or plan.question))
        usual = asks_usual_care(plan.english or plan.question)
        why_done = bool(ASKS_WHY_DONE.search(plan.english or plan.question))
        thing = asked_to_exist(plan.english or plan.question) - QUESTION_WORDS
        statement = statement_asked(plan.english or plan.question)
        # "and for someone on dialysis?": the one word a follow-up adds is what it asks
        added = {SAME_WORD.get(t, t) for t in tokenize(plan.english)} - QUESTION_WORDS
        added = added if plan.follow_up and FRAGMENT_START.match(plan.english) else set()
        # "my mum ... stiff legs. can she drive?": the words of the question after the story
        now = {t for t in story_question(plan.english) & topic if idf(t) >= 2.0}
        qv = None if ev.query_vec is None else np.asarray(ev.query_vec, dtype=np.float32)
        out: list[Sentence] = []
        seen_text: set[str] = set()
        for ci, ctx in enumerate(contexts):
            pos = store.position.get(ctx.chunk_id)
            spans = store.sentences[pos] if pos is not None else split_sentences(ctx.text)
            vectors = store.sentence_vectors_of(pos) if pos is not None else None
            prior = ctx.score / top_score
            meta = ctx.metadata
            ev_rank = EVIDENCE_RANK.get(meta.evidence, 8)
            section = meta.section.lower()
            summary = section.startswith("summary")
            record_toks = set(tokenize(f"{meta.names} {meta.title}"))
            headed = sum(idf(t) >= 2 for t in topic & set(tokenize(section))) >= 2  # its heading
            for si, (s, e) in enumerate(spans):
                if ctx.text[s:e].startswith(("- ", "* ")):
                    s += 2
                text = ctx.text[s:e].strip()
                if (
                    len(text) < 25
                    or text.endswith(":")
                    or text.count("|") >= 2
                    or "\n" in text
                    or text in seen_text
                    or (
                        text[0].islower() and not re.match(r"[a-z]+[A-Z]", text)
                    )  # cut by a chunk edge
                    or (si == len(spans) - 1 and not re.search(r"[.!?][)\]\"']*$", text))
                    or is_meta(text)
                    or (skip_design and is_design_only(text))
                ):
                    continue
                seen_text.add(text)
                toks = {SAME_WORD.get(t, t) for t in tokenize(text)}
                own = sum(idf(t) for t in topic & toks) / q_weight
                named = sum(idf(t) for t in topic & record_toks) / q_weight
                lex = min(1.0, own + 0.5 * named)
                vec = None
                if vectors is not None and si < len(vectors):
                    vec = np.asarray(vectors[si], dtype=np.float32)
                sem = float(vec @ qv) if vec is not None and qv is not None else 0.0
                score = 0.38 * lex + 0.42 * max(sem, 0.0) + 0.12 * prior
                score += 0.04 * (8 - ev_rank) / 8
                if thing and thing <= toks and IS_A.search(text):
                    score += 0.06  # what it is ("Ozobax is a US baclofen oral solution ...")
                score += 0.03 * (summary or headed)  # (or a section named as asked: "titration")
                score += 0.1 * bool(statement and statement.search(text))  # ("reported in")
                if cue is not None and cue.search(text):
                    score += 0.08 if plan.intent in _EXPLAINING else 0.06
                elif plan.intent in ("mechanism", "history") and re.search(
                    r"\bplacebo\b|p ?[=<]", text
                ):
                    score -= 0.08  # a trial's result does not explain how or when
                if trials:
                    score += 0.12 if ctx.source_id in trials else -0.08
                if meta.evidence == "overview":
                    score -= 0.04  # primary sources first
                score += 0.06 * (len(added) == 1 and added <= toks) + 0.08 * bool(now & toks)
                if plan.intent in _NOT_TOO_MUCH and _OVERDOSE.search(text) and not asks_overdose:
                    # treating a poisoning is not taking two medicines together, the signs of an
                    # overdose are not the side effects of a dose, and too much is not too little
                    score -= 0.1
                foreign = False
                if plan.intent == "regulation":  # who approved what: regulators and guidelines
                    regulatory = meta.evidence in ("regulatory", "guideline", "label", "overview")
                    score += 0.06 if regulatory else -0.04
                    if asks_approval and GRANTS.search(text):
                        score += 0.04  # "is it approved for X?": a sentence granting or denying it
                    if asks_line and _LINE.search(text):
                        score += 0.06  # "is it first-line?": the sentence placing it in a line
                    places = (
                        record_places(meta.title) if regulatory and asks_approval else frozenset()
                    )
                    if places & places_asked(plan):
                        score += 0.05  # the asked country's own regulator or guideline
                    elif places & unasked.other_places:
                        score -= 0.08  # another country's, though it may name this one
                elif plan.entities.jurisdictions and meta.evidence in _RULE_MAKERS:
                    # "the maximum dose in Australia": that country's own regulator or guideline
                    places = record_places(meta.title)
                    if places & places_asked(plan):
                        score += 0.05
                    elif places:
                        score -= 0.04  # another country's rules, though they may be near
                        foreign = True  # (never a supporting line for this country's)
                if meta.evidence == "label" and plan.scope == "curated":
                    score += 0.05  # safety questions: the label's words first
                if LEANING.search(text):
                    score -= 0.1
                elif POINTING.search(text[:70]):
                    score -= 0.06
                elif THIS_THING.search(text):
                    score -= 0.04  # "beyond this label maximum": which one, the reader cannot tell
                if UNCHECKED.search(text):
                    score -= 0.1  # how the source was checked, not what it says
                if WHERE_LISTED.search(text) and not _ASKS_SECTION.search(plan.english):
                    score -= 0.1  # where a label says it, not what it says
                if wants_result and RESULT.search(text):
                    score += 0.04
                if usual and USUAL_CARE.search(text):
                    score += 0.12  # "what do hospitals normally give?": the standard treatment
                elif section.startswith(("background", "rationale", "context")) and not why_done:
                    score -= 0.06  # why a study was done is rarely the answer
                elif wants_result and section.startswith(
                    ("design", "participants", "intervention")
                ):
                    score -= 0.04
                score += 0.04 * bool(wants_number and numbers_of(text))
                score -= 0.08 * (meta.user and plan.scope == "curated")
                off = unasked.weight(text, meta.substances)
                score += off + unasked.elsewhere(text)
                length = 1.0 if 50 <= len(text) <= 420 else 0.9
                num = numbers_of(text)
                out.append(Sentence(ci, s, s + len(text), text, toks, vec, num, score * length))
                out[-1].aside = off < 0 or foreign
                out[-1].background = section.startswith(("background", "rationale"))
        return out

    def select(self, ev: Evidence) -> list[Sentence]:
        """Maximal marginal relevance: relevance, minus likeness to what is chosen, plus the
        question's topic words a sentence covers that the chosen ones do not ("signs *and* care")."""
        pool = sorted(self.candidates(ev), key=lambda c: -c.score)
        if not pool:
            return []
        question = ev.plan.english or ev.plan.question
        wants_number = bool(NUMBER_QUESTION.search(question))
        wants_list = bool(LIST_QUESTION.search(question))
        limit = min(2, self.max_sentences) if wants_number else self.max_sentences
        idf = ev.store.idf
        topic = {SAME_WORD.get(t, t) for t in tokenize(ev.plan.searched)} - QUESTION_WORDS
        weight = sum(idf(t) for t in topic) or 1.0
        filled = slots.put_answer_first(pool, ev.plan, question, topic, idf, self.vocabulary)
        if filled and not re.search(r"\band\b", question) and not wants_number:
            limit = 1  # the name asked for is given: nothing else is asked
        chosen: list[Sentence] = [pool.pop(0)]
        if ev.plan.follow_up:
            # what this turn asks, not the earlier turn searched with it: a further line must
            # answer the question asked now ("and in Australia, how high can the dose go?")
            asked_now = {SAME_WORD.get(t, t) for t in tokenize(question)} - QUESTION_WORDS
            if asked_now & topic:
                topic = asked_now & topic
                weight = sum(idf(t) for t in topic) or 1.0
        # ("the Australian product information" covers "in Australia")
        covered = topic & (chosen[0].tokens | slots.place_words(chosen[0].text))
        answered = sum(idf(t) for t in covered) / weight >= 0.9
        top = chosen[0].score
        # a question in two parts ("the signs *and* how it is managed") takes a line for a part
        # the first leaves open (its last part's words weigh as that part: "and why was it
        # dropped?"); otherwise a further line must answer a good share of it
        two_parts = bool(TWO_QUESTIONS.search(question))
        second = second_part(question, topic - chosen[0].tokens)
        scene = {
            SAME_WORD.get(t, t)
            for t in slots.setting_words(f"{question} {ev.plan.searched}", ev.plan.entities)
        }
        # (a first line naming nothing asked beyond the scene may not be the answer: then a
        # further line may be)
        on_point = bool((topic & chosen[0].tokens) - scene)
        need, near = (0.1, 0.75) if two_parts else (0.2, 0.8)
        if answered and not wants_list:
            limit = 1  # the first sentence says all the question asks: nothing else is asked
        while pool and len(chosen) < limit:
            best, best_val = None, -math.inf
            for c in pool:
                if c.aside or any(same_fact(c, o, idf) for o in chosen):
                    continue  # (a supporting line stays on what was asked)
                redundancy = max(similarity(c, o) for o in chosen)
                new = sum(idf(t) for t in (topic & c.tokens) - covered) / weight
                # A further line answers a part of the question the chosen ones leave open; a
                # sentence merely near the first in relevance is a neighbour, not an answer. A
                # list question ("which side effects ...") takes further items as nearly as
                # relevant as the first that say something new.
                novel = len(c.tokens - set().union(*(o.tokens for o in chosen))) / max(
                    1, len(c.tokens)
                )
                if len(chosen) >= 2 and not wants_list and new < 0.15:
                    continue  # a third line must answer a part of the question still open
                if not wants_list and on_point and not (topic & c.tokens) - covered - scene:
                    continue  # (it shares only the scene: the place, substance or condition)
                opens = sum(idf(t) for t in second & c.tokens) / (sum(map(idf, second)) or 1)
                if not (
                    ((new >= need or opens >= 0.4) and c.score >= near * top)
                    or (
                        wants_list
                        and c.score >= (0.95 if answered else 0.88) * top
                        and novel >= 0.4
                    )
                ):
                    continue
                val = c.score - 0.4 * max(0.0, redundancy - 0.55) + 0.15 * new
                if val > best_val:
                    best, best_val = c, val
            if best is None or best_val < 0.75 * top:
                break
            chosen.append(best)
            covered |= topic & best.tokens
            pool.remove(best)
        return left_out_of(chosen, pool, lambda c: ev.contexts[c.ctx].source_id)


def similarity(a: Sentence, b: Sentence) -> float:
    if a.vector is not None and b.vector is not None:
        return float(a.vector @ b.vector)
    return len(a.tokens & b.tokens) / len(a.tokens | b.tokens) if a.tokens and b.tokens else 0.0


def same_fact(a: Sentence, b: Sentence, idf: Any = None) -> bool:
    """Two sentences say the same thing: near-identical meaning, or the same figures, or a close
    meaning with many of the same specific words (IDF-weighted)."""
    sim = similarity(a, b)
    if sim > 0.82:
        return True
    if idf is not None and sim > 0.68:
        shared = sum(idf(t) for t in a.tokens & b.tokens)
        smaller = min(sum(idf(t) for t in a.tokens), sum(idf(t) for t in b.tokens)) or 1.0
        if shared / smaller >= 0.4:
            return True
    shared = a.numbers & b.numbers
    if len(shared) >= 2:
        return True
    if shared and any(n.endswith(("%", "mg")) for n in shared) and sim > 0.55:
        return True
    jac = len(a.tokens & b.tokens) / len(a.tokens | b.tokens) if a.tokens and b.tokens else 0.0
    return jac > 0.6


def coverage(question: str, contexts: Sequence[Context], idf: Any) -> float:
    """IDF-weighted share of the question's topic words found in the retrieved text."""
    q = {SAME_WORD.get(t, t) for t in tokenize(question)} - QUESTION_WORDS
    if not q:
        return 1.0
    seen: set[str] = set()
    for c in contexts:
        seen |= {
            SAME_WORD.get(t, t) for t in tokenize(f"{c.metadata.title} {c.metadata.names} {c.text}")
        }
    total = sum(idf(t) for t in q)
    return sum(idf(t) for t in q & seen) / total if total else 0.0


def render(picked: Sequence[Sentence], contexts: Sequence[Context]) -> Composition:
    """The bottom line first, then the supporting points as a list, each cited [n]."""
    cites = Citations()
    lines: list[str] = []
    for i, s in enumerate(picked):
        n = cites.add(contexts[s.ctx], s.text, s.start)
        lines.append(f"{s.text} [{n}]" if i == 0 else f"- {s.text} [{n}]")
    return Composition("\n".join(lines), False, cites.items)


def decline(text: str, route: str = ROUTE_DECLINE) -> Composition:
    """A one-sentence decline: no citations, nothing else."""
    return Composition(text, True, [], route=route)
