"""A question about one study in two parts: its result first, then one detail ("Did it show any
benefit, and how many were still taking part at the end?"). The first part is answered as any
result question; the second adds the study's sentence that states the detail, when the answer
does not say it already.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from assistant.answering.check.contrasts import digits
from assistant.answering.compose.extractive import (
    QUESTION_WORDS,
    Composition,
    Evidence,
    citation_for,
    numbers_of,
)
from assistant.answering.question.asked import (
    ALSO_RESULT,
    CLEAR_LEAD,
    COUNTED,
    DETAIL_QUESTION,
    YES_NO_START,
    answering_sentence,
    asked_clause,
    detail_only,
    has_figure,
    whole_sentences,
)
from assistant.answering.routes.detail import named_kind
from assistant.answering.routes.study_asks import ASKS_ARMS
from assistant.answering.routes.study_fields import study_fact
from assistant.answering.routes.study_kinds import answered_as_kind
from assistant.answering.routes.synthesis import study_name
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import ROUTE_TRIAL

# "did it make any difference, and how many were still taking part at the end?": a second
# question, for one detail, after the first
_AND_THEN = re.compile(
    r",?\s+and\s+(?=(?:how|what|which|who|when|where|why)\b"
    r"|(?:were|was|did|had|are|is|do|does) (?:they|it|there|these|those|the (?:\w+ ){0,2}?"
    r"(?:patients|participants|people|volunteers|subjects|men|women))\b"
    r"|(?:were|was) \w+ing\b)",
    re.I,
)


_ASKS_AMOUNT = re.compile(
    r"\s*(?:(?:at|to|in) )?(?:what|which) (?:levels?|doses?|concentrations?|amounts?)\b"
    r"|\s*how (?:much|high)\b",
    re.I,
)
_AMOUNT = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:mg|g|ml|mmol|µg|mcg|ng|%)(?![a-z])", re.I)
_REFERS_BACK = re.compile(r"\b(?:that|this|it|those|these)\b", re.I)


def _clearly_nearest(
    ev: Evidence, record: RecordInfo, part: str, encode: Callable[[str], np.ndarray], first: str
) -> tuple[int, int, str] | None:
    """For a short yes/no part ("and did they want treatment?"), in whatever words: the study's
    sentence far nearer it than any other and than the answer given, or None."""
    vec = encode(part)
    sims = sorted(
        (
            (float(v @ vec), pos, s, sentence)
            for pos, s, sentence, v in whole_sentences(ev.store, record)
        ),
        reverse=True,
    )
    if not sims or sims[0][0] < _SHORT_PART_SIMILARITY:
        return None
    top, rest = sims[0], max((x[0] for x in sims[1:]), default=0.0)
    now = float(encode(first) @ vec) if first else 0.0
    key = float(encode(record.key_result) @ vec) if record.key_result else 0.0
    if top[0] - rest < CLEAR_LEAD or top[0] - max(now, key) < 2 * CLEAR_LEAD:
        return None
    return top[1], top[2], top[3]


# a short part's nearest sentence must be this near (a short clause is near nothing much)
_SHORT_PART_SIMILARITY = 0.35


def _same_count(first: str, sentence: str) -> bool:
    """``first`` is a short statement of one count (a study's size) that ``sentence`` states
    too, in digits or in words."""
    counts = re.findall(r"(?<![\d.])\d[\d,]*(?![\d.])", re.sub(r"\b(?:19|20)\d\d\b", " ", first))
    if len(counts) != 1 or len(first) > 90:
        return False
    said = re.findall(r"\d[\d,]*", digits(sentence))
    return counts[0].replace(",", "") in {n.replace(",", "") for n in said}


def _detail_part(part: str) -> bool:
    return bool(DETAIL_QUESTION.match(part) or YES_NO_START.match(part)) and not ALSO_RESULT.search(
        part
    )


def split_two(question: str) -> list[str]:
    """ "Was it randomised, and did they know what they took?" -> its two questions; one item
    when it asks one thing."""
    parts = _AND_THEN.split(question, maxsplit=1)
    return [p.strip(" ,;?") + "?" for p in parts if p.strip(" ,;?")]


def first_question(question: str, record: RecordInfo, asks_result: Callable[[str], bool]) -> str:
    """The first of two questions about a study when it asks for the result (``asks_result``)
    and the second for a detail ("Did it show any benefit, and how many were still taking
    part?" -> "Did it show any benefit?"); "" otherwise."""
    parts = _AND_THEN.split(question, maxsplit=1)
    if len(parts) < 2 or not _detail_part(parts[1]):
        return ""
    if detail_only(asked_clause(parts[0], record)) or not asks_result(parts[0]):
        return ""  # (two details: the whole question finds the first one's sentence)
    return parts[0].rstrip(" ,;") + "?"


def second_question(
    ev: Evidence,
    record: RecordInfo,
    question: str,
    comp: Composition,
    encode: Callable[[str], np.ndarray] | None,
    named_detail: Callable[[str], tuple[Any, int, str] | None] | None = None,
) -> Composition:
    """``comp`` (the answer to a question's first part) with one more point: the study's sentence
    stating the detail its second part asks (by ``named_detail``, a finder for details with a
    name such as dropouts, then by meaning), when it is not said already."""
    clause = asked_clause(question, record)
    parts = _AND_THEN.split(clause, maxsplit=1)
    if len(parts) < 2:
        # "how many were in the Lile 2004 lab study and did they want treatment?": the study's
        # description ends the first part, not the question
        whole = _AND_THEN.split(question, maxsplit=1)
        if len(whole) == 2:
            parts = [asked_clause(whole[0], record), asked_clause(whole[1], record)]
    if encode is None or comp.abstained or len(parts) < 2:
        return comp
    second = parts[1]
    if not _detail_part(second):
        return comp
    first = re.sub(r"\s*\[\d+\]", "", comp.answer.split("\n")[0])
    counted = COUNTED.search(second)
    if counted and has_figure(first, counted.group(1)):
        return comp  # "how many trials fed into it?" when the answer says "(7 trials, ...)"
    if _ASKS_AMOUNT.match(second) and _AMOUNT.search(first):
        return comp  # "... and at what levels?" when the answer says "at 153 to 495 mg/100 ml"
    found = named_detail(second) if named_detail else None
    if found is None:
        asked = set(tokenize(second)) - QUESTION_WORDS
        near = named_kind(ev, record, second, encode, first) or answering_sentence(
            ev, record, second, asked, encode, first
        )
        if near is None and _REFERS_BACK.search(second):
            # "how many trials was that based on?": the first part says what "that" is
            asked |= set(tokenize(parts[0])) - QUESTION_WORDS
            near = answering_sentence(ev, record, clause, asked, encode, first)
        if near is None and YES_NO_START.match(second):
            near = _clearly_nearest(ev, record, second, encode, first)
        if near is not None:
            found = (ev.store.context(near[0], score=1.0), near[1], near[2])
    if found is None or found[2] in comp.answer:
        return comp
    ctx, start, sentence = found
    lines = comp.answer.split("\n")
    if len(lines) == 1 and _same_count(first, sentence):
        # "Lile et al. 2004 included 7 people" and "Seven volunteers ... who were not seeking
        # treatment took part": the study's own sentence says both
        return Composition(f"{sentence} [1]", False, [citation_for(1, ctx, sentence)], comp.route)
    citations = list(comp.citations)
    same = [c for c in citations if c.chunk_id == ctx.chunk_id and sentence in c.quote]
    if same:
        n = same[0].n
    else:
        n = len(citations) + 1
        citations.append(citation_for(n, ctx, sentence))
    return replace(comp, answer=f"{comp.answer}\n- {sentence} [{n}]", citations=citations)


# --------------------------------------------------------------------------- two fields


_HAS_SUBJECT = re.compile(
    r"\s*(?:and |so )?(?:(?:was|were|did|do|does|is|are|had|has) (?:it|they|there|the|people"
    r"|patients|participants|volunteers|anyone|any)|what|which|how|where|who|when|in what"
    r"|in which)\b",
    re.I,
)


def _field_fact(
    ev: Evidence, record: RecordInfo, question: str, nearest: bool = True
) -> Composition | None:
    """One field of the study asked by ``question``, in the words of a rule or (when
    ``nearest``) by its nearest example questions; None when it asks for no field."""
    fact = study_fact(replace(ev, plan=replace(ev.plan, english=question)), record)
    if fact is None and nearest:
        matched = answered_as_kind(ev, record, question)
        fact = matched[1] if matched else None
    return None if fact is None or fact.abstained else fact


def two_fields(ev: Evidence, record: RecordInfo, question: str) -> Composition | None:
    """Two fields asked at once ("what was the top dose, and was there a placebo group?"):
    both answers, each cited; None unless both parts ask for a different field."""
    parts = split_two(question)
    if len(parts) != 2 or ASKS_ARMS.search(question):
        return None
    # (the classifier only for a part with a subject of its own: "were seeking treatment" is
    # no question about where they were treated)
    facts = [
        _field_fact(ev, record, part, nearest=i == 0 or bool(_HAS_SUBJECT.match(part)))
        for i, part in enumerate(parts)
    ]
    if facts[0] is None or facts[1] is None or facts[0].answer == facts[1].answer:
        return None
    first, second = facts
    said = numbers_of(re.sub(r"\[\d+\]", "", second.answer))
    if said and said <= numbers_of(first.answer):
        return first  # "what dose, and for how long?": the dose's answer gave its length too
    citations = list(first.citations)
    text = second.answer
    name = study_name(record)
    joined = text.startswith(name) and first.answer.startswith(name)
    if text.startswith(name):  # the study just named is "it": "X included 4 people; it used ..."
        text = ("it" if joined else "It") + text[len(name) :]
    for c in second.citations:
        same = next((f for f in citations if f.chunk_id == c.chunk_id and f.quote == c.quote), None)
        n = same.n if same else len(citations) + 1
        if same is None:
            citations.append(replace(c, n=n))
        text = text.replace(f"[{c.n}]", f"[#{n}]")
    text = text.replace("[#", "[")
    if joined:
        return Composition(f"{first.answer.rstrip('.')}; {text}", False, citations, ROUTE_TRIAL)
    return Composition(f"{first.answer} {text}", False, citations, ROUTE_TRIAL)
