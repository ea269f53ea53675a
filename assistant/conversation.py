"""Follow-up questions -> standalone questions (rule-based; an LLM can do this when one is set).

"and for opioids?" after "Does baclofen reduce alcohol craving?" becomes
"Does baclofen reduce opioids craving?": the follow-up's topic replaces the earlier one, and the
rest of the earlier question carries the intent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.chunks import tokenize

# Topic words a follow-up typically swaps (substances and populations).
_TOPICS = {
    "alcohol": r"alcohol(?:ism)?|drinking|drink(?:ers?)?|aud",
    "opioids": r"opioids?|opiates?|heroin|methadone|buprenorphine",
    "cocaine": r"cocaine|crack",
    "methamphetamine": r"meth(?:amphetamine)?|amphetamines?|stimulants?",
    "nicotine": r"nicotine|smoking|smokers?|tobacco|cigarettes?",
    "ghb": r"ghb|gamma-hydroxybutyrate",
    "liver disease": r"liver disease|cirrhosis|hepatitis|liver",
    "kidney disease": r"kidney disease|renal impairment|kidneys?|renal|dialysis|ckd",
    "pregnancy": r"pregnan(?:cy|t)|breastfeeding|lactation",
    "older adults": r"older adults|elderly|older people",
}
_TOPIC_RE = {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in _TOPICS.items()}
_FOLLOW_UP = re.compile(
    r"^(?:and|what about|how about|and what about|what of|same for|also|or|but)\b|"
    r"\b(?:it|that|this|those|them|they|there)\b",
    re.I,
)


def _topics(text: str) -> list[str]:
    return [k for k, rx in _TOPIC_RE.items() if rx.search(text)]


def is_follow_up(question: str) -> bool:
    return len(tokenize(question)) <= 4 and bool(_FOLLOW_UP.search(question.strip()))


def condense(question: str, history: Sequence[str]) -> str:
    """A standalone version of ``question`` given the user's earlier questions (newest last)."""
    if not history or not is_follow_up(question):
        return question
    previous = history[-1]
    new_topics = _topics(question)
    old_topics = _topics(previous)
    if new_topics and old_topics:
        out = previous
        rx = _TOPIC_RE[old_topics[0]]
        out = rx.sub(new_topics[0], out, count=1)
        return out
    if new_topics:
        return f"{previous.rstrip(' ?.')} for {' and '.join(new_topics)}?"
    return f"{previous.rstrip(' ?.')}: {question}"
