"""What a question about one study asks when its words match no rule: the nearest labelled
example question, in meaning.

The rules in :mod:`.study_asks` and :mod:`.sections` know a study's journal, size or design by
the words people usually use; everyday wording slips past them ("was the allocation random?",
"which publication was it in?"). Such a question is compared, by the query encoder, with the
example questions of ``study_kinds.yaml`` (the study's name and the words every such question
shares taken out first); when its nearest example is near enough and its kind stands clearly
above every other kind's nearest, the question is answered as the kind's plain question ("Was it
randomised?"). Only the fields measured on everyday wordings have a plain question; the other
kinds ("what did it find?", "how many dropped out?", blinding, length, setting, who took part)
are there so that such a question is not taken for a neighbouring field. Nothing is guessed: a
question near no example, or near two kinds, keeps its own words.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import numpy as np
import yaml

from assistant.answering.compose.extractive import Composition, Evidence
from assistant.answering.routes.study_asks import ASKS_FINDING, ASKS_SIZE, OUTCOME_COUNTED
from assistant.answering.routes.study_fields import study_fact
from assistant.library.records import RecordInfo

EXAMPLES_FILE = Path(__file__).with_name("study_kinds.yaml")
# how near the nearest example must be, and how far above the next kind's nearest
MIN_SIMILARITY = 0.6
MIN_MARGIN = 0.05
# or less near, when no other kind comes close
LOOSE_SIMILARITY = 0.5
WIDE_MARGIN = 0.15
# a question longer than this (the study's name taken out) describes as much as it asks
MAX_WORDS = 12

# "the 2011 American trial", "the bigger multi-site trial", "the Dutch study of 150 drinkers": a
# study described, said as "the study"
_DESCRIBED = re.compile(
    r"\b(?:the|that|this) (?:(?!(?:of|in|on|at|for|with|by|from|behind|about|and|or|to|was|were"
    r"|is|did|does|the|a|an|thing|things|name|journal|group|arm|results?|people|patients)\b)[\w'-]+ ){0,4}(?:study|trial"
    r"|pilot|rct|review|meta-analysis|analysis|series|survey|cohort)\b"
    r"(?: (?:of|in|with) (?:about |some |around )?\d[\d,]*(?: [\w-]+){0,2}? (?:patients|people"
    r"|participants|drinkers|adults|men|women|volunteers))?",
    re.I,
)
_COUNTED = re.compile(rf"\b(?:{OUTCOME_COUNTED})\b", re.I)
# what it found is asked ("what did the multi-site trial find?"): its result, no field
_ASKS_FINDING = re.compile(
    rf"{ASKS_FINDING.pattern}|\b(?:findings?|report\w*|positive|negative)\b"
    r"|\b(?:did|do|does)\b[^?]*\b(?:benefit|help|work)\b",  # "did men benefit from 30 mg/day?"
    re.I,
)
EncodeMany = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class AskedKind:
    """A question's kind, the plain question it stands for and how sure the match is."""

    kind: str
    asks: str
    similarity: float
    margin: float


@cache
def _examples() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]:
    data = yaml.safe_load(EXAMPLES_FILE.read_text(encoding="utf-8"))
    kinds: list[str] = []
    texts: list[str] = []
    asks: dict[str, str] = {}
    for kind, entry in data.items():
        if entry.get("asks"):
            asks[kind] = entry["asks"]
        for text in entry["examples"]:
            kinds.append(kind)
            texts.append(text)
    return tuple(kinds), tuple(texts), asks


_VECTORS: dict[object, np.ndarray] = {}
_LOCK = threading.Lock()


def _example_vectors(encode_many: EncodeMany) -> np.ndarray:
    """The examples' vectors, encoded once per model and process."""
    owner = getattr(encode_many, "__self__", encode_many)
    key = getattr(owner, "model_id", None) or id(owner)
    with _LOCK:
        vectors = _VECTORS.get(key)
    if vectors is None:
        texts = [_asked_words(t) for t in _examples()[1]]
        vectors = np.asarray(encode_many(texts), dtype=np.float32)
        with _LOCK:
            _VECTORS[key] = vectors
    return vectors


def without_study(question: str, record: RecordInfo, described: bool = True) -> str:
    """The question with the study's names said as "the study" ("was ALPADIR randomised?" ->
    "was the study randomised?"), and a study described ("the Dutch trial of 150 drinkers") too
    unless not ``described``, so that only what it asks is compared."""
    names = {*record.trial_names, record.short_cite, record.display_name}
    if record.surname:
        names.add(f"{record.surname} et al")
        names.add(record.surname)
    q = question
    for name in sorted((n for n in names if n and len(n) > 2), key=len, reverse=True):
        q = re.sub(rf"(?<!\w){re.escape(name)}(?:\.?'s)?(?!\w)\.?", "the study", q, flags=re.I)
    if record.year:
        q = re.sub(rf"\b(the study)\s*\(?{record.year}\)?", r"\1", q)
    # "the the study" -> "the study"
    q = re.sub(r"\b(?:(?:the|that|this) )+study\b", "the study", q, flags=re.I)
    return _DESCRIBED.sub("the study", q) if described else q


# words every question about a study shares, which would make two asks look alike
_SHARED = re.compile(
    r"\b(?:in|of|for|from|by|behind) the study\b|\bthe study(?:'s)?\b|\bbaclofen\b", re.I
)


def _asked_words(text: str) -> str:
    return re.sub(r"\s+", " ", _SHARED.sub(" ", text)).strip()


def asked_kind(question: str, record: RecordInfo, encode_many: EncodeMany) -> AskedKind | None:
    """The kind of fact a question asks of ``record``, when it is clear; None otherwise (or
    when the nearest kind stands for no field: a result, an outcome count, another topic)."""
    if _ASKS_FINDING.search(question):
        return None
    if len(_asked_words(without_study(question, record, described=False)).split()) > MAX_WORDS:
        return None
    kinds, _, asks = _examples()
    asked = _asked_words(without_study(question, record))
    vec = np.asarray(encode_many([asked]), dtype=np.float32)[0]
    best: dict[str, float] = {}  # each kind's nearest example
    for kind, sim in zip(kinds, _example_vectors(encode_many) @ vec, strict=True):
        best[kind] = max(best.get(kind, -1.0), float(sim))
    ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
    (kind, score), (_, second) = ranked[0], ranked[1]
    clear = (score >= MIN_SIMILARITY and score - second >= MIN_MARGIN) or (
        score >= LOOSE_SIMILARITY and score - second >= WIDE_MARGIN
    )
    if kind not in asks or not clear:
        return None
    if re.search(r"\bhow many\b", question, re.I) and (
        (kind == "size" and not ASKS_SIZE.search(question)) or _COUNTED.search(question)
    ):
        return None  # admissions, deaths or dropouts counted: no size or dose of the study
    return AskedKind(kind, asks[kind], round(score, 3), round(score - second, 3))


def answered_as_kind(
    ev: Evidence, record: RecordInfo, question: str
) -> tuple[AskedKind, Composition] | None:
    """The field a question in words no rule knows asks of ``record``, and the answer to it from
    the study's fields (as the kind's plain question); None when no field is clearly asked or
    its fields do not answer it."""
    if ev.encode_many is None:
        return None
    kind = asked_kind(question, record, ev.encode_many)
    if kind is None:
        return None
    if (
        kind.kind == "size"
        and record.n
        and re.search(rf"(?<![\d,.])(?:{record.n}|{record.n:,})(?![\d,.])", question)
    ):
        return None  # "how many were screened before the 56 were randomised?": the size is given
    fact = study_fact(replace(ev, plan=replace(ev.plan, english=kind.asks)), record)
    return (kind, fact) if fact is not None else None
