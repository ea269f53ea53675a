"""What a question about one study asks, apart from the words that say which study it is ("In the
2000 Italian pilot study of 10 men, *which liver and blood tests improved?*"), and the study's own
sentence that answers it, found by meaning (the sentence vectors of the index) with at least one
of the asked words in it. A detail asked of a study is answered with that sentence, not with the
study's headline result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from assistant.answering.compose import QUESTION_WORDS, Citations, Composition, Evidence
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import ROUTE_TRIAL

_KINDS = (
    r"study|studies|trial|trials|pilot|cohort|analysis|meta-analysis|review|series|survey"
    r"|experiment|paper|report|judgment|judgement|ruling|decision|case"
)
# "In the 2012 French retrospective study of 181 drinkers, ..."
_LEADING = re.compile(
    r"^\s*(?:and\s+)?(?:in|for|among|from|during|within|across|of)\s+(?:the|a|an|this|that|their"
    r"|its)\b[^,?]*?,\s*",
    re.I,
)
# "... than on placebo in the fMRI study?"
_TRAILING = re.compile(
    rf"\s+(?:in|from|of|during|for)\s+(?:the|that|this|their)\s+(?:[^,?]*?\s)?(?:{_KINDS})\b"
    r"(?:\s+[^\s?]+){0,5}(?=\s*\?*\s*$)",
    re.I,
)
# a question for one detail ("which tests improved?", "how was the dose raised?", "how much did
# they drink before?"), not for the result ("what did it find?", "what happens when ...?")
DETAIL_QUESTION = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:which|what (?:was|were) the (?!results?\b|outcomes?\b|findings?\b"
    r"|conclusions?\b|upshot\b)\w+|what (?!did\b|does\b|do\b|happen\w*|was\b|were\b|is\b|are\b"
    r"|about\b|came\b|comes?\b|resulted\b|emerged\b|turned\b)\w+|(?:in |at |from |across )?how (?:much|many|long|often|high|old|was|were)|who|where|when|why|on what"
    # "was that at one hospital or at lots of them?", "was it blinded?": how it was run
    # "past what amount did coma appear?", "at which dose ...?"
    r"|(?:past|above|at|from|after|below|over|under|up to|by|with|for|in|on|during|to) (?:what|which)"
    r"|(?:was|were) (?:it|that|this|they|the (?:study|trial)) (?:at|in|done|run|held|conducted"
    r"|carried out|based|blind\w*|randomi[sz]ed))\b",
    re.I,
)
# "which meta-analysis found ...?": the study's name is what is asked
ASKS_WHICH_STUDY = re.compile(rf"\s*(?:and\s+)?(?:which|what) (?:\S+ )?(?:{_KINDS})\b", re.I)


def detail_only(clause: str) -> bool:
    """The clause asks for one detail and not for the study itself ("which trial found ...?")."""
    return bool(DETAIL_QUESTION.match(clause)) and not ASKS_WHICH_STUDY.match(clause)


# "which study compared ..., and what did it find?": the result is asked too
_ALSO_RESULT = re.compile(
    r"\bwhat (?:did|does|do) (?:it|they|this|that|the \w+) (?:find|show|report|conclude)\b", re.I
)
# a figure asked for
QUANTITY = re.compile(
    r"\s*(?:and\s+|so\s+)?(?:how (?:many|much|long|often|high)|what (?:share|proportion|percentage"
    r"|number|fraction|dose|level|concentration|rate))\b",
    re.I,
)
_WHOLE = re.compile(r"[.!?][)\"']?$")
# how close the answering sentence must be, and by how much closer than the headline result
MIN_SIMILARITY = 0.42
LOOSE_SIMILARITY = 0.3
CLEAR_LEAD = 0.1
NEAR_HEADLINE = 0.05
MARGIN = 0.015
MIN_IDF = 1.5
KIND_IDF = 3.0
KIND_SIMILARITY = 0.2  # the kind named is the evidence; meaning only ranks


def asked_clause(question: str, record: RecordInfo) -> str:
    """The question without the phrase that describes the study and without its names."""
    q = question
    m = _LEADING.match(q)
    if m and re.search(rf"\b(?:{_KINDS})\b", m.group(0), re.I):
        q = q[m.end() :]
    q = _TRAILING.sub("", q)
    for name in (record.display_name, record.surname, *record.trial_names):
        if name and len(name) > 2:
            q = re.sub(rf"\b{re.escape(name)}\b(?:'s)?", " ", q, flags=re.I)
    return re.sub(r"\s+", " ", q).strip()


def answering_sentence(
    ev: Evidence,
    record: RecordInfo,
    clause: str,
    asked: set[str],
    encode: Callable[[str], np.ndarray],
    current: str = "",
    from_fields: bool = False,
) -> tuple[int, int, str] | None:
    """The record's sentence nearest ``clause`` in meaning that shares an asked word (IDF at
    least :data:`MIN_IDF`), when it is clearly nearer than the record's key result and than the
    ``current`` first sentence; else None."""
    store = ev.store
    wanted = {t for t in asked if store.idf(t) >= MIN_IDF} - QUESTION_WORDS
    if not wanted:
        return None
    vec = encode(clause)
    key = float(encode(record.key_result) @ vec) if record.key_result else 0.0
    now = float(encode(current) @ vec) if current else 0.0
    bar = max(key, now) + MARGIN
    far = bool(current) and now + CLEAR_LEAD <= key
    if far:
        # the answer given is far from the question while the study's headline is near: a
        # sentence about as near as the headline will do (the headline is a summary, not a quote)
        bar = max(now + CLEAR_LEAD, key - NEAR_HEADLINE)
    best: tuple[float, int, int, str] | None = None
    runner_up = 0.0
    why = bool(_WHY.match(clause))
    for pos, s, sentence, sentence_vec in _whole_sentences(store, record):
        if (
            len(sentence) < 30
            or not wanted & set(tokenize(sentence))
            or (why and not _CAUSAL.search(sentence))  # "why?": a sentence giving a reason
        ):
            continue
        sim = float(sentence_vec @ vec)
        if best is None or sim > best[0]:
            best, runner_up = (sim, pos, s, sentence), (best[0] if best else 0.0)
        else:
            runner_up = max(runner_up, sim)
    if best is None or best[0] < bar:
        return None

    def covered(text: str) -> float:
        return sum(store.idf(t) for t in wanted & set(tokenize(text)))

    # an answer from the study's fields ("its setting: primary care") stands, unless a sentence
    # says far more plainly what was asked ("who was excluded?" against the population field)
    plainer = best[0] >= MIN_SIMILARITY + 0.1 and best[0] - now >= 2 * CLEAR_LEAD
    if from_fields and not far and not (plainer and covered(best[3]) > covered(current)):
        return None
    # close enough in meaning, or far closer than anything else the study says, or clearly
    # closer than the answer given while naming most of what was asked ("the mean age ... and
    # what percentage were men?")
    says_it = covered(best[3]) >= max(4.0, 2 * covered(current)) and best[0] - now >= CLEAR_LEAD
    if best[0] < MIN_SIMILARITY and not (
        best[0] >= LOOSE_SIMILARITY
        and (best[0] - max(runner_up, bar - MARGIN) >= CLEAR_LEAD or says_it)
    ):
        return None
    if current and covered(best[3]) < covered(current):
        return None  # the answer already says more of what was asked
    # a figure, not a year or a citation ("(Cochrane 2018)")
    figures = re.sub(r"\([^()]*\b(?:19|20)\d\d\b[^()]*\)|\b(?:19|20)\d\d\b", " ", best[3])
    if QUANTITY.match(clause) and not re.search(r"\d", figures):
        return None  # "how many trials did it include?": a figure, not a remark on them
    return best[1], best[2], best[3]


# "which procedure ...?", "with which hospital's services ...?": the kind of thing asked for
_WHICH_KIND = re.compile(
    r"^\s*(?:and\s+)?(?:(?:with|in|at|from|by|for|on|under|across)\s+)?(?:which|what|how many)\s+"
    r"([a-z]+)",
    re.I,
)
_NOT_A_KIND = frozenset(
    tokenize(
        f"{_KINDS.replace('|', ' ')} was were is are did does do kind type sort one ones "
        # "how many smokers ...?" is the study's size, answered from its fields
        "smokers drinkers patients people participants volunteers users adults men women "
        # a quantity asked ("what share ...?") is a figure, not a thing to name
        "share proportion percentage percent number fraction rate amount level concentration ratio"
    )
)


def named_kind(
    ev: Evidence,
    record: RecordInfo,
    clause: str,
    encode: Callable[[str], np.ndarray],
    current: str = "",
) -> tuple[int, int, str] | None:
    """For "which <kind> ...?" where neither the answer given nor the study's headline names
    that kind of thing: the study's sentence nearest the question among those that name it
    ("... at the Royal Prince Alfred Hospital", "... the Multiple-Choice Procedure")."""
    m = _WHICH_KIND.match(clause)
    store = ev.store
    # a specific kind ("hospital", "procedure"), not one any answer fills ("dose", "patients")
    kind = (
        {t for t in tokenize(m.group(1)) if store.idf(t) >= KIND_IDF} - _NOT_A_KIND if m else set()
    )
    if re.search(r"\bhow old\b", clause, re.I):
        kind = set(tokenize("age"))  # "how old were they?": the sentence giving their age
    if not kind or kind & set(tokenize(current or record.key_result or "")):
        return None
    vec = encode(clause)
    best: tuple[float, int, int, str] | None = None
    for pos, s, sentence, sentence_vec in _whole_sentences(store, record):
        if kind & set(tokenize(sentence)):
            sim = float(sentence_vec @ vec)
            if sim >= KIND_SIMILARITY and (best is None or sim > best[0]):
                best = (sim, pos, s, sentence)
    return best[1:] if best else None


def _whole_sentences(store: Any, record: RecordInfo) -> Iterator[tuple[int, int, str, Any]]:
    """(chunk position, start, sentence, its vector) for the record's sentences that are whole:
    on one line and not cut at a chunk's edge."""
    for pos in store.record_positions(record.id):
        body, vecs = store.texts[pos], store.sentence_vectors_of(pos)
        for i, (s, e) in enumerate(store.sentences[pos]):
            sentence = body[s:e].strip()
            if "\n" not in sentence and _WHOLE.search(sentence):
                yield pos, s, sentence, vecs[i]


def detail_answer(
    ev: Evidence,
    record: RecordInfo,
    question: str,
    asked: set[str],
    encode: Callable[[str], np.ndarray] | None,
    current: str = "",
    from_fields: bool = False,
) -> Composition | None:
    """The study's sentence that states the detail asked, cited, as the whole answer, when it is
    nearer the question than the ``current`` answer's first sentence."""
    if encode is None:
        return None
    clause = asked_clause(question, record)
    if not DETAIL_QUESTION.match(clause) or _ALSO_RESULT.search(clause):
        return None
    found = named_kind(ev, record, clause, encode, current) or answering_sentence(
        ev, record, clause, asked, encode, current, from_fields
    )
    if found is None:
        return None
    pos, start, sentence = found
    cites = Citations()
    ctx = ev.store.context(pos, score=1.0)
    text = sentence
    if _WHY.match(clause) and _THEREFORE.search(sentence):
        # "why ...?" answered by "the authors therefore ...": the sentence giving the reason first
        spans = [(s, e) for s, e in ev.store.sentences[pos] if e <= start]
        if spans:
            s, e = spans[-1]
            before = ev.store.texts[pos][s:e].strip()
            if "\n" not in before and _WHOLE.search(before):
                cites.add(ctx, before, ev.store.texts[pos].find(before, s))
                text = f"{before} {sentence}"
    n = cites.add(ctx, sentence, start)
    return Composition(f"{text} [{n}]", False, cites.items, ROUTE_TRIAL)


_WHY = re.compile(r"\s*(?:and\s+|so\s+)?why\b", re.I)
_CAUSAL = re.compile(
    r"\b(?:because|so|therefore|thus|hence|since|due to|owing to|led|leads?|reasons?|why"
    r"|as a result|made|makes?|caus\w*|explain\w*)\b",
    re.I,
)
# a sentence that gives its reason in the one before ("the authors therefore suggested ...")
_THEREFORE = re.compile(r"\b(?:therefore|thus|hence|for this reason|as a result|this led)\b", re.I)
