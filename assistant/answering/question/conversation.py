"""Follow-up questions -> standalone questions.

Rule-based by default: "and for opioids?" after "Does baclofen reduce alcohol craving?" becomes
"Does baclofen reduce opioids craving?": the follow-up's topic replaces the earlier one, and the
rest of the earlier question carries the intent. When a language model is configured,
:func:`condense_with_model` asks it for the rewrite instead and checks what comes back; anything
unusable (an error, an empty or rambling reply, a reply unrelated to the conversation) falls back
to the rule-based rewrite.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assistant.library.chunks import tokenize

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


CONDENSE_PROMPT = """\
Rewrite the user's last question as one standalone question about baclofen, using the earlier \
questions only to fill in what the last one leaves out. Reply with the rewritten question only: \
no answer, no explanation, no quotation marks."""

MAX_CONDENSED_CHARS = 300


def condense_with_model(question: str, history: Sequence[str], chat_model: Any) -> str:
    """A standalone version of a follow-up, written by ``chat_model`` (a LangChain chat model).

    Only follow-ups (:func:`is_follow_up`) are rewritten. The reply must be one line of at most
    ``MAX_CONDENSED_CHARS`` characters sharing a content word with the conversation; otherwise,
    or when the model fails, the rule-based :func:`condense` answers.
    """
    if not history or not is_follow_up(question):
        return question
    earlier = "\n".join(f"- {q}" for q in history[-3:])
    messages = [
        ("system", CONDENSE_PROMPT),
        ("human", f"Earlier questions:\n{earlier}\n\nLast question: {question}"),
    ]
    try:
        reply = chat_model.invoke(messages)
        text = reply.content if hasattr(reply, "content") else str(reply)
    except Exception:  # noqa: BLE001 - an unreachable model must not stop the question
        return condense(question, history)
    text = str(text).strip().strip("\"'“”").strip()
    conversation = set(tokenize(" ".join([*history[-3:], question])))
    if (
        not text
        or "\n" in text
        or len(text) > MAX_CONDENSED_CHARS
        or not set(tokenize(text)) & conversation
    ):
        return condense(question, history)
    return text
