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

from assistant.answering.asked import (
    ALSO_RESULT,
    COUNTED,
    DETAIL_QUESTION,
    answering_sentence,
    asked_clause,
    detail_only,
    has_figure,
)
from assistant.answering.compose import QUESTION_WORDS, Composition, Evidence, citation_for
from assistant.answering.detail import named_kind
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo

# "did it make any difference, and how many were still taking part at the end?": a second
# question, for one detail, after the first
_AND_THEN = re.compile(r",?\s+and\s+(?=(?:how|what|which|who|when|where|why)\b)", re.I)


_ASKS_AMOUNT = re.compile(
    r"\s*(?:(?:at|to|in) )?(?:what|which) (?:levels?|doses?|concentrations?|amounts?)\b"
    r"|\s*how (?:much|high)\b",
    re.I,
)
_AMOUNT = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:mg|g|ml|mmol|µg|mcg|ng|%)(?![a-z])", re.I)
_REFERS_BACK = re.compile(r"\b(?:that|this|it|those|these)\b", re.I)


def first_question(question: str, record: RecordInfo, asks_result: Callable[[str], bool]) -> str:
    """The first of two questions about a study when it asks for the result (``asks_result``)
    and the second for a detail ("Did it show any benefit, and how many were still taking
    part?" -> "Did it show any benefit?"); "" otherwise."""
    parts = _AND_THEN.split(question, maxsplit=1)
    if len(parts) < 2 or not DETAIL_QUESTION.match(parts[1]) or ALSO_RESULT.search(parts[1]):
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
    if encode is None or comp.abstained or len(parts) < 2:
        return comp
    second = parts[1]
    if not DETAIL_QUESTION.match(second) or ALSO_RESULT.search(second):
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
        if near is not None:
            found = (ev.store.context(near[0], score=1.0), near[1], near[2])
    if found is None or found[2] in comp.answer:
        return comp
    ctx, start, sentence = found
    citations = list(comp.citations)
    same = [c for c in citations if c.chunk_id == ctx.chunk_id and sentence in c.quote]
    if same:
        n = same[0].n
    else:
        n = len(citations) + 1
        citations.append(citation_for(n, ctx, sentence))
    return replace(comp, answer=f"{comp.answer}\n- {sentence} [{n}]", citations=citations)
