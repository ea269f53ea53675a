"""Adverse effects asked by name. What the sources never mention, said plainly ("does baclofen
cause hair loss?"), with the label's list of its frequent adverse reactions, instead of sentences
about other effects standing in for an answer; and an effect the label's list of frequencies
names ("can it lower blood pressure?"), that item with its frequency instead of the whole list.
(A medicine no source names an interaction with is answered in :mod:`.together`.)
"""

from __future__ import annotations

import re
from typing import Any

from assistant.answering.compose.extractive import QUESTION_WORDS, Citations, Composition, Evidence
from assistant.answering.compose.sentence_kinds import OTHER_SENSE
from assistant.answering.question.entities import find_conditions
from assistant.library.chunks import tokenize
from assistant.vocab import ADDICTIONS, ROUTE_EXTRACTIVE

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
    other = OTHER_SENSE.search(effect) is not None
    label_positions = []
    for rec in store.catalog():
        if rec.user:
            continue
        for pos in store.record_positions(rec.id):
            said = " " + " ".join(tokenize(OTHER_SENSE.sub(" ", store.texts[pos]))) + " "
            # ("respiratory depression" asked: the other sense is the one asked about)
            whole = " " + " ".join(tokenize(store.texts[pos])) + " "
            if any(p in said or (other and p in whole) for p in phrases):
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
                disease = _OR_DISEASE.search(question) and _underlying(
                    store, store.record_positions(rec.id)
                )
                if disease:  # "is it the baclofen or his MS?": either, the labels say
                    answer = _either(answer, cites, store, disease)
                return Composition(answer, False, cites.items, ROUTE_EXTRACTIVE)
    return None


# A label sentence listing rarer reactions without frequencies ("Rarer digestive reactions are
# dry mouth, loss of appetite (anorexia), ..."), and the sentence saying whose list it is.
_RARER = re.compile(
    r"^(?:the )?(?:rarer?|other rare)\b.*?\breactions?\b.*? are (?P<items>.+?)\.?$", re.I
)
_RARER_WHO = re.compile(r"\b(?P<who>the [\w ]*?labels?) (?:name|list|mention)s? rarer\b", re.I)


_TAKEN_FOR = re.compile(
    r"\b(?:takes?|taking|took|prescribed|given|uses?|using|on (?:it|them|baclofen))\b(?:\s+\S+){0,4}?"
    r"\s+for\s+(?:the\s+|his\s+|her\s+|their\s+|my\s+|its\s+)?[\w-]+",
    re.I,
)


def rare_effect(ev: Evidence) -> Composition | None:
    """ "Does baclofen cause tinnitus?": the label's lists of rarer reactions name it, without a
    frequency; said so, citing that list. None when no such list names what is asked, or when
    it is asked of baclofen taken for an addiction (the studies' reactions answer that)."""
    plan, store = ev.plan, ev.store
    # taken for drinking or another addiction: the studies' reactions, when one names it
    # (an opioid or other drug named may be a medicine taken alongside: "sent home on oxycodone")
    addiction = bool(set(plan.entities.substances) & set(ADDICTIONS))
    if set(plan.entities.substances) & set(ADDICTIONS) - {"alcohol"}:
        return None
    # ("respiratory depression" is not the mood the list names)
    # (nor what it is taken for: "takes the tablets for the rigidity of her MS")
    asked = _TAKEN_FOR.sub(" ", OTHER_SENSE.sub(" ", plan.english or plan.question))
    question = " " + " ".join(tokenize(asked)) + " "
    for rec in store.catalog():
        if rec.evidence != "label" or rec.user:
            continue
        positions = store.record_positions(rec.id)
        texts = [store.texts[p] for p in positions]
        who = next((m.group("who") for t in texts if (m := _RARER_WHO.search(t))), None)
        for pos in positions:
            text = store.texts[pos]
            for s, e in store.sentences[pos]:
                sentence = text[s:e].strip()
                m = _RARER.match(sentence)
                if not m or not who:
                    continue
                item = _asked_item(m.group("items"), question)
                if item is None:
                    continue
                if addiction and any(
                    item.lower() in c.text.lower()
                    for c in ev.contexts
                    if c.metadata.evidence != "label"
                ):
                    return None
                cites = Citations()
                n = cites.add(store.context(pos, score=1.0), sentence, s)
                answer = (
                    f"Yes, rarely: {who} list {item} among baclofen's rarer reactions, without a "
                    f"frequency [{n}]."
                )
                asked = plan.english or plan.question
                disease = _OR_DISEASE.search(asked) and _underlying(store, positions)
                if disease:  # "is that the tablets or her MS?": either, the labels say
                    said = f"{who} list {item} among baclofen's rarer reactions [{n}]."
                    answer = _either(said, cites, store, disease)
                return Composition(answer, False, cites.items, ROUTE_EXTRACTIVE)
    return None


# "is that the tablets or her MS?", "... or just his spinal injury?": the medicine or the disease
_OR_DISEASE = re.compile(
    r"\bor (?:just |simply |rather |is it |is that )?(?:(?:the|her|his|my|their|your) )?"
    r"(?:ms|multiple sclerosis|spinal (?:cord )?injur\w*|injur\w*|illness|disease|condition"
    r"|stroke|cerebral palsy)\b",
    re.I,
)


def _either(said: str, cites: Citations, store: Any, disease: tuple[int, int, str]) -> str:
    """ "It could be either: <what the label says of the reaction>, and <that some symptoms may
    come from the underlying disease>", both cited."""
    k = cites.add(store.context(disease[0], score=1.0), disease[2], disease[1])
    said = said.rstrip(".")
    return (
        f"It could be either: {said[0].lower()}{said[1:]}, and the labels add that some of the "
        f"nervous-system and urinary symptoms may stem from the underlying disease rather than "
        f"from baclofen [{k}]."
    )


def _underlying(store: Any, positions: list[int]) -> tuple[int, int, str] | None:
    """(position, start, sentence) of the label's sentence saying some symptoms may come from
    the underlying disease, or None."""
    for pos in positions:
        text = store.texts[pos]
        for s, e in store.sentences[pos]:
            if re.search(r"\bunderlying (?:disease|condition)\b", text[s:e]):
                return pos, s, text[s:e].strip()
    return None


def _asked_item(items: str, question: str) -> str | None:
    """The items of a list ("a, b (c), d and e") the tokenised ``question`` names, by their
    everyday or clinical names ("swollen ankles and heavy sweating"); None when it names none."""
    parts = [p.strip() for p in items.split(", ")]
    parts[-1:] = [p.strip() for p in re.split(r" and (?![^(]*\))", parts[-1])]
    found = [item for part in parts if (item := _named(part, question))]
    return " and ".join(found) if found else None


# words that say when, not what ("passing urine at night")
_WHEN = {"night", "day", "daytim", "morn", "even", "time", "week"}


def _named(part: str, question: str) -> str | None:
    """One list item ("swollen ankles (oedema)") when the question names it, else None."""
    main = re.sub(r"\s*\(.*?\)", "", part)
    for name in [main, *re.findall(r"\((.*?)\)", part)]:
        words = [w.rstrip("s") for w in tokenize(name) if w not in QUESTION_WORDS]
        if len(words) == 1 and len(words[0]) >= 7 and words[0].endswith("ia"):
            words = [words[0][:-2]]  # "euphoria" named as "euphoric"
        rx = r"\s".join(rf"{re.escape(w)}\w*" for w in words)
        if words and re.search(rf"\s{rx}\s", question):
            return re.sub(r"^(?:a|an) ", "", main)
        # an item described in several words is named by its last ("a changed sense of taste":
        # "food tastes funny")
        head = words[-1] if len(words) >= 3 else ""
        if (
            len(head) >= 4
            and head not in _WHEN
            and re.search(rf"\s{re.escape(head)}\w*\s", question)
        ):
            return re.sub(r"^(?:a|an) ", "", main)
    return None


def named_effect(ev: Evidence) -> Composition | None:
    """An adverse effect asked by name: not reported anywhere, an item of the label's frequency
    list, or one of its rarer reactions; None for the usual answer."""
    return unlisted_effect(ev) or listed_effect(ev) or rare_effect(ev)
