"""Adverse effects asked by name. What the sources never mention, said plainly ("does baclofen
cause hair loss?"), with the label's list of its frequent adverse reactions, instead of sentences
about other effects standing in for an answer; and an effect the label's list of frequencies
names ("can it lower blood pressure?"), that item with its frequency instead of the whole list.
(A medicine no source names an interaction with is answered in :mod:`.together`.)
"""

from __future__ import annotations

import re

from assistant.answering.compose import QUESTION_WORDS, Citations, Composition, Evidence
from assistant.answering.entities import find_conditions
from assistant.answering.sentence_kinds import OTHER_SENSE
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
    # ("confusion in kidney disease": confusion, in whom it is asked)
    effect = re.split(
        r"\s+(?:when|after|if|while|during|once|in|with|among|at|on)\b", m.group("effect")
    )[0].strip()
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
            said = " " + " ".join(tokenize(OTHER_SENSE.sub(" ", store.texts[pos]))) + " "
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


# An item of a label's list of reactions with their frequencies ("..., hypotension 0-9%, ...").
_LIST_ITEM = re.compile(
    r"(?:[:,]\s*(?:and\s+)?)(?P<item>[a-z][a-z ]{2,30}?) (?P<range>\d+(?:\.\d+)?-\d+(?:\.\d+)?%)"
)
# who reports the list ("The older US baclofen tablet labels report these frequency ranges: ...")
_REPORTER = re.compile(r"^(?P<who>[A-Z][^:,]{5,80}?) (?P<verb>reports?|lists?|gives?)\b")
# everyday words for the reactions such lists name (beyond those :mod:`.lay_terms` already reads
# as the clinical word: "light-headed" is "dizzy", "muddled" is "confusion")
_ITEM_WORDS = {
    "hypotension": r"hypotension|low blood pressure|blood pressure (?:go\w* |drop\w*|fall\w*|low)",
    "dizziness": r"dizz\w*",
    "weakness": r"\bweak\w*",
    "nausea": r"nause\w*|feel(?:s|ing)? sick|sick to (?:my|his|her) stomach",
    "confusion": r"confus\w*",
    "headache": r"headaches?",
    "insomnia": r"insomnia|can.?t sleep|trouble sleeping|sleepless\w*",
    "constipation": r"constipat\w*",
    "urinary frequency": r"urinary frequency|(?:pee|wee|urinat)\w* (?:a lot|more|often)",
    "fatigue": r"fatigue|tired\w*|exhaust\w*",
}
_ITEM_RX = {k: re.compile(rf"\b(?:{v})", re.I) for k, v in _ITEM_WORDS.items()}
_ASKS_LIST = re.compile(r"\b(?:what|which) (?:are|were) (?:the )?(?:\w+ )?(?:side|adverse)\b", re.I)


def listed_effect(ev: Evidence) -> Composition | None:
    """ "Can baclofen lower blood pressure?", "how common is insomnia?": the item of a label's
    list of reactions the question names, with its frequency, instead of the whole list. None
    when the question names no such item, or more than two (it asks for the list)."""
    plan, store = ev.plan, ev.store
    question = plan.english or plan.question
    asked = [k for k, rx in _ITEM_RX.items() if rx.search(question)]
    if not asked or len(asked) > 2 or _ASKS_LIST.search(question):
        return None
    rest = question
    for k in asked:
        rest = _ITEM_RX[k].sub(" ", rest)
    if find_conditions(rest) or plan.entities.other_medicines:
        return None  # confusion in kidney disease, weakness with another medicine: not the list
    for rec in store.catalog():
        if rec.evidence != "label" or rec.user:
            continue
        for pos in store.record_positions(rec.id):
            text = store.texts[pos]
            for s, e in store.sentences[pos]:
                sentence = text[s:e].strip()
                items = {
                    m.group("item").strip(): m.group("range") for m in _LIST_ITEM.finditer(sentence)
                }
                said = [(k, items[k]) for k in asked if k in items]
                who = _REPORTER.match(sentence)
                if len(items) < 4 or len(said) != len(asked) or not who:
                    continue
                cites = Citations()
                n = cites.add(store.context(pos, score=1.0), sentence, s)
                found = " and ".join(f"{k} in {r}" for k, r in said)
                lead = who.group("who")
                # (a yes/no question gets its "Yes" from the lead stage, as every answer does)
                answer = f"{lead} {who.group('verb')} {found} of patients [{n}]."
                return Composition(answer, False, cites.items, ROUTE_EXTRACTIVE)
    return None
