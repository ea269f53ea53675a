"""What a word means ("what does 'hypotonic' mean?", "what counts as a relapse?", "what do they
mean by open-label?"): the curated sentence that glosses the asked word where the sources use it,
in brackets ("reduced muscle tone (hypotonia)", "neurotoxicity (impaired brain function)"), by
"meaning" or after a colon, from the study the conversation is about when there is one. None
when no source glosses the word (the usual answer then stands).
"""

from __future__ import annotations

import re

import numpy as np

from assistant.answering.compose.extractive import QUESTION_WORDS, Citations, Composition, Evidence
from assistant.library.chunks import tokenize
from assistant.vocab import ROUTE_EXTRACTIVE

ASKS_DEFINITION = re.compile(
    r"\bwhat (?:does|do|did) (?:the (?:word|term|phrase|abbreviation) )?\S+(?: \S+){0,3}? (?:actually "
    r"|really |even )?mean\b|\bwhat (?:do|did|does) (?:they|you|the \w+) (?:actually |really )?mean by\b"
    r"|\bwhat(?:'s| is| are) (?:meant by|the meaning of|the definition of)\b|\bdefin(?:e|ition of)\b"
    r"|\bwhat(?:'s| is) (?:that|this)\b(?=\s*(?:,|\?|and\b))"
    r"|\bwhat (?:exactly |actually )?(?:counts?|counted|is counted|was counted) as\b"
    r"|\bwhat (?:did|do|does) (?:they|it|the \w+) (?:actually |really )?(?:count|class|consider)\w* as\b|\bin (?:plain|everyday|simple|normal)"
    r" (?:words|english|language|terms)\b|\bwhat (?:is|are) (?:an? |the )?['\"‘“][^'\"’”]{3,40}['\"’”]",
    re.I,
)
# the asked word and its gloss, side by side: "gloss (word)" or "word (gloss)", "word, meaning
# ...", "word: ..." (a bracket holding a figure or a p value glosses nothing)
_BRACKET = re.compile(r"(?P<before>\b[\w-]{4,})?\s?\((?P<inside>[^()\d]{2,60})\)")
_SAID_AS = re.compile(
    r"(?P<w>\b[\w-]{4,}(?: and [\w-]+)?)(?:,? (?:meaning|that is|i\.e\.|which means|defined as)\b"
    r"| (?:means|is defined as|refers to)\b|:\s)",
    re.I,
)
_TERM = re.compile(
    r"\b(?:counts?|counted|count \w+|class\w*|consider\w*) as (?:an? |the )?(?P<t>[\w -]{3,30}?)"
    r"(?: there| here| in (?:it|that|this|the \w+))?\s*(?:\?|$)"
    r"|\bmean by (?:an? |the )?(?P<t2>[\w -]{3,30}?)\s*(?:\?|$)"
    r"|\b(?:they|people|doctors|nurses) (?:call|called|calls) (?:it |them )?(?:an? |the )?(?P<t3>[\w-]{3,20})",
    re.I,
)
_PRONOUNS = frozenset(
    tokenize("that this those these them they word term thing study studies trial trials paper")
)
_COMPOUND = re.compile(r"\b[a-z]{2,}-[a-z]{2,}\b", re.I)
_QUOTED = re.compile(r"['\"‘“]([^'\"’”]{3,40})['\"’”]")
# words of a definition question that are not the word asked about
_ASKING = frozenset(
    tokenize(
        "mean means meaning meant definition define defined word term phrase plain everyday simple "
        "normal english language words terms count counts counted call called abbreviation stand "
        "stands actually really exactly baclofen"
    )
)


def _stems(text: str, shortest: int = 4) -> set[str]:
    return {t for t in tokenize(text) if len(t) >= shortest}


def _same(a: str, b: str) -> bool:
    """Two stems of one word ("hypoton" / "hypotonia", "omphalocel" / "omphalocel")."""
    n = min(len(a), len(b), 7)
    return a == b or (n >= 4 and a[:n] == b[:n])


def definition(ev: Evidence) -> Composition | None:
    """The sentence glossing the word a definition question asks about; None when the question
    asks no definition or no curated sentence glosses its word."""
    plan, store = ev.plan, ev.store
    q = plan.english or plan.question
    if not ASKS_DEFINITION.search(q):
        return None
    idf = store.idf
    # the word asked about, however common: quoted ('craving'), or after "counts as", "mean by",
    # "they call it"
    named = _QUOTED.findall(q) or [next(g for g in m.groups() if g) for m in _TERM.finditer(q)]
    # or, when "what does that mean?" points back, a word made of parts ("second-line, off-label")
    named = named or _COMPOUND.findall(q)
    # (a word of several parts, "off-label", is glossed only where all of them are)
    asked = [
        frozenset(t for t in _stems(n, 3) if t not in _ASKING and t not in _PRONOUNS) for n in named
    ]
    asked = [a for a in asked if a] or [
        frozenset([t])
        for t in _stems(q)
        if t not in QUESTION_WORDS and t not in _ASKING and idf(t) >= 2.5
    ]
    if not asked:
        return None
    qv = None if ev.query_vec is None else np.asarray(ev.query_vec, dtype=np.float32)
    # the study the question is about first ("in that review, what counts as a relapse?")
    focus = set(plan.entities.trials)
    best = _best(ev, asked, qv, focus) if focus else None
    best = best or _best(ev, asked, qv, set())
    if best is None:
        return None
    _, pos, s, sentence = best
    cites = Citations()
    n = cites.add(store.context(pos, score=1.0), sentence, s)
    return Composition(f"{sentence} [{n}]", False, cites.items, ROUTE_EXTRACTIVE)


def _best(
    ev: Evidence, asked: list[frozenset[str]], qv: np.ndarray | None, focus: set[str]
) -> tuple[float, int, int, str] | None:
    """(score, position, start, sentence) of the curated sentence glossing an asked word best."""
    store, idf = ev.store, ev.store.idf
    best: tuple[float, int, int, str] | None = None

    def said(term: frozenset[str], w: str | None) -> bool:
        return bool(w) and all(any(_same(t, x) for x in _stems(w, 3)) for t in term)

    for pos, i, start, sentence in store.curated_sentences(records=focus or None):
        words = [
            w
            for m in _BRACKET.finditer(sentence)
            # a term in brackets is a word or two, its gloss in brackets a phrase
            for w in (m.group("before"), m.group("inside"))
            if w and len(w.split()) <= (4 if w == m.group("inside") else 1)
        ]
        words += [m.group("w") for m in _SAID_AS.finditer(sentence)]
        hit = max(
            (
                sum(idf(t) for t in term) / len(term)
                for term in asked
                for w in words
                if said(term, w)
            ),
            default=0.0,
        )
        if not hit:
            continue
        # a rare word glossed after it, "omphaloceles (ventral hernias)" or "lapses, meaning ...",
        # says what it is better than "birth defects (omphaloceles)", which names its kind
        glossed = (
            hit >= 4
            and any(
                said(term, m.group("before")) and len(m.group("inside").split()) >= 2
                for m in _BRACKET.finditer(sentence)
                for term in asked
            )
            or any(said(term, m.group("w")) for m in _SAID_AS.finditer(sentence) for term in asked)
        )
        sem = store.similarity(pos, i, qv)
        score = hit / 10 + sem + 0.2 * glossed
        if best is None or score > best[0]:
            best = (score, pos, start, sentence)
    return best
