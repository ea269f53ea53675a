"""What the sources never mention, said plainly: an effect ("does baclofen cause hair loss?"),
with the label's list of its frequent adverse reactions, and a medicine taken with baclofen that
no source names ("with ibuprofen?", "with cetirizine?"), with the label's warning about other
sedating medicines, instead of sentences about other effects or other medicines standing in for
an answer.
"""

from __future__ import annotations

import re

from assistant.answering.compose import QUESTION_WORDS, Citations, Composition, Evidence
from assistant.answering.entities import CNS_DEPRESSANT, DRUG_CLASS
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
    effect = m.group("effect").strip()
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


# "can I take baclofen with cetirizine?": a medicine the planner may not know by name
_TAKEN_WITH = re.compile(
    r"\b(?:take|taken|taking|use|used|using|have|combine\w*|mix\w*)\b.*?\b(?:with|and|alongside)\s+"
    r"(?:my |his |her |their |the |a |an )?(?P<m>[a-z][a-z-]{4,})\b",
    re.I,
)
# the classes the interaction sources name, besides CNS depressants
_NAMED_CLASSES = re.compile(
    r"opioid|codone|morphine|tramadol|fentanyl|methadone|buprenorphine|codeine|triptyline"
    r"|tricyclic|lithium|phenelzine|tranylcypromine|selegiline|mao|olol$|pril$|sartan$|amlodipine"
    r"|clonidine|antihypertensive|alcohol|benzodiazepine|sedative|sleeping",
    re.I,
)
_DEPRESSANT_WARNING = re.compile(r"\b(?:CNS|central nervous system) depress\w*.*\badd", re.I)


def unlisted_interaction(ev: Evidence, vocabulary: frozenset[str] | None) -> Composition | None:
    """ "Can I take baclofen with ibuprofen?" where no curated source names that medicine or its
    class: "No interaction ... is named in these sources", with the US label's warning that
    baclofen adds to the sedation of other CNS depressants, cited. None otherwise."""
    plan, store = ev.plan, ev.store
    text = plan.english or plan.question
    meds = list(plan.entities.other_medicines)
    if vocabulary is not None and plan.intent in ("interaction", "general"):
        m = _TAKEN_WITH.search(text)
        if m and not any(t in vocabulary for t in tokenize(m.group("m"))):
            meds.insert(0, m.group("m").lower())  # a name no source uses
    if not meds or DRUG_CLASS.search(text) or (plan.intent not in ("interaction", "general")):
        return None
    if plan.entities.substances or any(
        CNS_DEPRESSANT.search(m) or _NAMED_CLASSES.search(m) for m in meds
    ):
        return None
    for rec in store.catalog():
        if rec.user:
            continue
        for pos in store.record_positions(rec.id):
            if any(re.search(rf"\b{re.escape(m)}\b", store.texts[pos], re.I) for m in meds):
                return None  # a source names it: the usual answer finds what it says
    for rec in store.catalog():
        if rec.evidence != "label" or rec.user:
            continue
        for pos in store.record_positions(rec.id):
            body = store.texts[pos]
            for s, e in store.sentences[pos]:
                sentence = body[s:e].strip()
                if _DEPRESSANT_WARNING.search(sentence) and "\n" not in sentence:
                    cites = Citations()
                    n = cites.add(store.context(pos, score=1.0), sentence, s)
                    names = " or ".join(meds)
                    answer = (
                        f"No interaction between baclofen and {names} is named in these sources; "
                        f"the US label's general warning is about medicines that add to its "
                        f"sedation.\n"
                        f"- {sentence} [{n}]"
                    )
                    return Composition(answer, False, cites.items, ROUTE_EXTRACTIVE)
    return None
