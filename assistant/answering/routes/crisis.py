"""Someone on baclofen who talks of not wanting to live ("he's been very low and talking about
not wanting to be here; he has weeks of tablets in his room"): after the call to get help now
(which :mod:`assistant.answering.compose.lead` puts first), the sources' sentence on that risk,
who is most at risk of overdose and what prescribers are told, rather than whatever sentence
shares the story's other words (a dose, a drink, a time of day).
"""

from __future__ import annotations

import re

import numpy as np

from assistant.answering.compose.extractive import Citations, Composition, Evidence
from assistant.answering.safety import danger
from assistant.vocab import ROUTE_EXTRACTIVE

# a sentence on suicide or self-harm and baclofen
_ON_SELF_HARM = re.compile(
    r"\bsuicid\w*|\bself-harm\w*|\bharmed themselves\b|\bunstable mood", re.I
)
# that says who is at risk or what to do, not only that a study excluded such people
_RISK_OR_CARE = re.compile(
    r"\brisk\b|\bwarn\w*|\bcaution\b|\bsupervision\b|\bcontraindicated\b", re.I
)
_EXCLUDED = re.compile(r"\bexclud\w*", re.I)
_RULES = ("label", "regulatory", "guideline")
_CAUSE = re.compile(
    r"\bcaus\w*|\blinked\b|\bbecause of (?:it|the)\b|\b(?:from|down to) (?:the|his|her|their) (?:tablets"
    r"|pills|medicine|medication)\b|\bside.?effects?\b",
    re.I,
)


def self_harm_answer(ev: Evidence) -> Composition | None:
    """The curated sentence on suicide or self-harm risk closest to the story told, for a
    question telling of someone who talks of not wanting to live; None for any other question
    (asking whether baclofen causes such thoughts is answered by the composer)."""
    plan, store = ev.plan, ev.store
    told = plan.english or plan.question
    if not danger.self_harm(told) or re.search(r"\bsuicid", plan.question, re.I):
        return None
    cause = _CAUSE.search(told)
    qv = None if ev.query_vec is None else np.asarray(ev.query_vec, dtype=np.float32)
    best: tuple[float, int, int, str] | None = None
    for pos, i, start, sentence in store.curated_sentences(holding=_ON_SELF_HARM):
        if not sentence[:1].isupper():
            continue  # (the tail of a sentence split across chunks)
        if not (_ON_SELF_HARM.search(sentence) and _RISK_OR_CARE.search(sentence)):
            continue
        if _EXCLUDED.search(sentence):
            continue
        meta = store.metas[pos]
        score = store.similarity(pos, i, qv) + 0.03 * (meta.evidence in _RULES)
        score -= 0.03 * (meta.evidence == "overview")  # (the rule-maker's own words first)
        if cause and re.search(r"\bwarn", sentence, re.I):
            score += 0.05  # "could the tablets be causing this?": what the product warns of
        if best is None or score > best[0]:
            best = (score, pos, start, sentence)
    if best is None:
        return None
    _, pos, start, sentence = best
    cites = Citations()
    n = cites.add(store.context(pos, score=1.0), sentence, start)
    return Composition(f"{sentence} [{n}]", False, cites.items, ROUTE_EXTRACTIVE)
