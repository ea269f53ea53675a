"""What is normally given for something ("what do hospitals normally give for alcohol withdrawal?",
"what is the standard treatment for it?"): the curated sentence naming the standard treatment of
the asked condition, first, then what the answer on baclofen adds when it is about the same
condition. Not for a question about baclofen's own place ("is baclofen a standard treatment?"),
which the guidelines' sentences answer.
"""

from __future__ import annotations

import re

import numpy as np

from assistant.answering.compose.extractive import (
    QUESTION_WORDS,
    Citations,
    Composer,
    Composition,
    Evidence,
)
from assistant.answering.compose.sentence_kinds import RESULT, USUAL_CARE, asks_usual_care
from assistant.library.chunks import tokenize
from assistant.vocab import ROUTE_EXTRACTIVE

# the words that ask for the usual care, not what it is for
_CARE_WORDS = frozenset(
    tokenize(
        "standard usual normal normally routine routinely conventional first line mainstream "
        "treatment treatments care therapy therapies medicine medicines drug drugs given give "
        "gives used use prescribed prescribe treated treat usually typically commonly hospital "
        "hospitals doctors baclofen instead"
    )
)
# a sentence saying what the standard care is ("benzodiazepines are the standard treatment for
# ...", "diazepam, the standard benzodiazepine treatment"), not one that only mentions it
_NAMES_CARE = re.compile(
    rf"\b(?:is|are|remains?|was|were) (?:the|a) (?:\w+ )?(?:{USUAL_CARE.pattern})"
    rf"|, the (?:{USUAL_CARE.pattern})",
    re.I,
)


def usual_care(ev: Evidence, composer: Composer) -> Composition | None:
    """The standard treatment of the condition asked about, with the composer's answer on
    baclofen for it as a second line when that answer is about the same condition; None when
    the question does not ask what is usually given, or no curated sentence names it."""
    plan, store = ev.plan, ev.store
    q = plan.english or plan.question
    if not asks_usual_care(q) or plan.entities.trials:
        return None
    idf = store.idf
    topic = {t for t in tokenize(q) if t not in QUESTION_WORDS and t not in _CARE_WORDS}
    topic = {t for t in topic if idf(t) >= 1.5}
    # "the shakes after he stopped drinking, what do they give for that?": alcohol's withdrawal
    substances = set(tokenize(" ".join(plan.entities.substances)))
    if not topic:
        return None
    weight = sum(idf(t) for t in topic)
    qv = None if ev.query_vec is None else np.asarray(ev.query_vec, dtype=np.float32)
    best: tuple[float, int, int, str] | None = None
    for pos, i, start, sentence in store.curated_sentences(holding=USUAL_CARE):
        said = _NAMES_CARE.search(sentence)
        if said is None:
            continue
        toks = set(tokenize(sentence))
        lex = sum(idf(t) for t in topic & toks) / weight
        if lex < 0.6 and not (substances & toks and topic & toks):
            continue  # the standard care of something else (a story's words aside)
        sem = store.similarity(pos, i, qv)
        # (the care as the sentence's point, not in an aside: "..., the standard ...")
        score = 0.5 * lex + 0.5 * sem + 0.1 * (not said.group(0).startswith(","))
        if best is None or score > best[0]:
            best = (score, pos, start, sentence)
    if best is None:
        return None
    _, pos, s, sentence = best
    cites = Citations()
    lines = [f"{sentence} [{cites.add(store.context(pos, score=1.0), sentence, s)}]"]
    more = composer(ev)
    said = set(tokenize(sentence)) & topic
    if not more.abstained and more.answer and more.citations:
        first = re.sub(r"\s*(?:\[\d+\])+\s*$", "", more.answer.split("\n")[0]).lstrip("- ")
        cited = more.citations[0]
        ctx = next((c for c in ev.contexts if c.chunk_id == cited.chunk_id), None)
        if (
            ctx is not None
            and said <= set(tokenize(first))
            and sentence not in first
            and RESULT.search(first)  # (what baclofen did for it, not how it was tested)
        ):
            quote = first if first in ctx.text else cited.quote
            lines.append(f"{first} [{cites.add(ctx, quote)}]")
    return Composition("\n- ".join(lines), False, cites.items, ROUTE_EXTRACTIVE)
