"""What the sources never mention, said plainly: an effect ("does baclofen cause hair loss?"),
with the label's list of its frequent adverse reactions, instead of sentences about other effects
standing in for an answer. (A medicine no source names an interaction with is answered in
:mod:`.together`.)
"""

from __future__ import annotations

import re

from assistant.answering.compose import QUESTION_WORDS, Citations, Composition, Evidence
from assistant.library.chunks import tokenize
from assistant.vocab import ROUTE_EXTRACTIVE

_CAUSE = re.compile(
    r"^\s*(?:does|do|can|could|will|would|may|might)\s+(?:baclofen|it)\s+(?:ever\s+)?"
    r"(?:cause|give (?:you|people|patients)?|lead to|trigger|result in|bring on)\s+"
    r"(?:a |an |any |some )?(?P<effect>[\w' -]{3,40}?)\s*\??\s*$",
    re.I,
)
# the label sentence that names the most frequent adverse reactions
_FREQUENT = re.compile(r"\bmost (?:frequent|common)\b.*\badverse reactions?\b", re.I)


def unlisted_effect(ev: Evidence) -> Composition | None:
    """ "Does baclofen cause X?" where no curated source names X at all: "Not listed", with the
    US label's most frequent adverse reactions cited. None when any source mentions X."""
    plan, store = ev.plan, ev.store
    m = _CAUSE.match(plan.english or plan.question)
    if not m:
        return None
    # "hallucinations when it is stopped": the effect, not when it happens (that part may be what
    # the sources speak of, as baclofen's withdrawal)
    effect = re.split(r"\s+(?:when|after|if|while|during|once)\b", m.group("effect"))[0].strip()
    # "nausea or vomiting", "rashes and itching": each effect asked about on its own
    phrases = []
    for part in re.split(r",|/|\bor\b|\band\b", effect):
        words = [t for t in tokenize(part) if t not in QUESTION_WORDS]
        if words:
            phrases.append(" " + " ".join(words) + " ")
    if not phrases:
        return None
    label_positions = []
    for rec in store.catalog():
        if rec.user:
            continue
        for pos in store.record_positions(rec.id):
            said = " " + " ".join(tokenize(store.texts[pos])) + " "
            if any(p in said for p in phrases):
                return None  # some source speaks of it (as a phrase): the usual answer finds it
            if rec.evidence == "label":
                label_positions.append(pos)
    for pos in label_positions:
        text = store.texts[pos]
        for s, e in store.sentences[pos]:
            sentence = text[s:e].strip()
            if _FREQUENT.search(sentence):
                cites = Citations()
                n = cites.add(store.context(pos, score=1.0), sentence, text.find(sentence))
                answer = (
                    f"Not reported: none of the sources here, the US labels included, lists "
                    f"{effect} as an adverse reaction to baclofen.\n- {sentence} [{n}]"
                )
                return Composition(answer, False, cites.items, ROUTE_EXTRACTIVE)
    return None
