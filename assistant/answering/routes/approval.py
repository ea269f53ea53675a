"""A use of baclofen for an addiction in a country that never authorised it for that use. The
dose allowed there ("the highest daily dose allowed for alcohol in the UK?"): none, said first
and cited to that country's regulatory sentence, then the dose that country's label does set,
for spasticity, or its guidance when it has no label. Whether the use is licensed there ("is it
licensed in the UK for packing in the booze?"): no, off-label. A country that did authorise the
use (France, for alcohol) is answered by the composer from its own rules.
"""

from __future__ import annotations

import re

from assistant.answering.compose.extractive import Citations, Composition, Evidence
from assistant.answering.compose.sentence_kinds import APPROVED
from assistant.answering.question.entities import record_places
from assistant.answering.question.places import JURISDICTION_SAID
from assistant.answering.question.study_cues import TRIAL_CUE
from assistant.index.store import IndexStore
from assistant.vocab import (
    ADDICTIONS,
    AUTHORISED_ADDICTIONS,
    JURISDICTIONS,
    ROUTE_EXTRACTIVE,
    SUBSTANCE_LABELS,
    SUBSTANCE_SAID,
)

# a limit on the dose asked ("the highest", "allowed", "approved at"), with a dose word
_LIMIT = re.compile(
    r"\b(?:maximum|max|highest|top|upper|limit|cap|ceiling|allowed|permitted|approved|licen[sc]ed"
    r"|authori[sz]ed|official|legal)\b|\bat most\b"
    r"|\bthe most (?:\w+ ){0,8}?(?:can|may|could|allowed|a day|per day|daily)\b",
    re.I,
)
_DOSE = re.compile(r"\b(?:doses?|dosages?|dosing|mg|milligrams?|how much|how many|amount)\b", re.I)
# a sentence saying the use is not authorised there
_NOT_AUTHORISED = re.compile(
    r"\boff-label\b|\bonly (?:for|one)\b|\b(?:approved|registered) (?:only )?for \w+(?: \w+)? only"
    r"|\bnot (?:been )?(?:fda-)?(?:approved|registered|authori[sz]ed)\b|\bnever\b[^.]*\bapproved\b",
    re.I,
)
# a sentence giving a labelled dose limit
_LABEL_LIMIT = re.compile(
    r"\b(?:maximum|optimum)\b[^.]*\b\d+ ?(?:to \d+ ?)?(?:mg|milligrams)\b", re.I
)
_LABEL_ASKED = re.compile(
    r"\b(?:label|product information|leaflet|prescribing information|monograph)", re.I
)
_GRANT_ASKED = re.compile(
    rf"{APPROVED.pattern}|\blicen[cs]es?\b|\bapproval\b|\bauthori[sz]ation\b|\bregistration\b", re.I
)
_SOURCE_ASKED = re.compile(
    r"\b(?:which|what) (?:\w+ )?(?:journal|paper|table|source|article|document)\b|\bpublish\w*",
    re.I,
)
_STUDIES = re.compile(r"\btrials?\b|\bstud(?:y|ies)\b|\boff-label\b|\bpractice\b", re.I)
_RULES = ("regulatory", "guideline", "label", "overview")
_ADDICTION = re.compile(r"\baddiction", re.I)


def unauthorised_use(ev: Evidence) -> Composition | None:
    """ "None is approved" for a dose asked for an addiction in a country that has not authorised
    baclofen for it, with the country's labelled limit for spasticity as a second line; "No" for
    whether that use is authorised there; None when the question asks something else or no
    source says the use is unauthorised there."""
    plan, store = ev.plan, ev.store
    own = plan.english or plan.question
    # ("what about in the UK?": the earlier turn's question, read with this place)
    asked = plan.searched if plan.follow_up and len(own.split()) <= 6 else own
    if plan.intent not in ("dosing", "regulation") or plan.scope == "document":
        return None
    if plan.entities.trials or TRIAL_CUE.search(own) or _SOURCE_ASKED.search(own):
        return None  # ("the Australian trial's top dose", "which journal said so?": a source's own)
    if _LABEL_ASKED.search(asked):
        return None  # ("the most the product information allows": the label's own dose)
    dose = _LIMIT.search(asked) and (_DOSE.search(asked) or plan.intent == "dosing")
    # "is it licensed in the UK for packing in the booze?": whether the use is authorised there
    if not dose and not (plan.intent == "regulation" and _GRANT_ASKED.search(asked)):
        return None
    places = set(plan.entities.jurisdictions) & AUTHORISED_ADDICTIONS.keys()
    substances = [s for s in plan.entities.substances if s in ADDICTIONS]
    if len(places) != 1 or len(substances) != 1:
        return None
    place, substance = places.pop(), substances[0]
    if substance in AUTHORISED_ADDICTIONS[place]:
        return None  # (France's alcohol authorisation: its own rules)
    said = SUBSTANCE_SAID[substance]
    best: tuple[tuple[int, int], int, int, str] | None = None
    for pos, _i, start, sentence in store.curated_sentences(holding=_NOT_AUTHORISED):
        record = store.metas[pos]
        where = record_places(record.title)
        if record.evidence not in _RULES or place not in where:
            continue
        if not _NOT_AUTHORISED.search(sentence):
            continue
        if not (said.search(sentence) or _ADDICTION.search(sentence)):
            continue
        if len(where) > 1 and not JURISDICTION_SAID[place].search(sentence):
            continue  # (a comparison of countries: the sentence must name this one)
        home = int(where == {place}) + int(record.evidence != "overview")
        rank = (home + int(bool(APPROVED.search(sentence))), -len(sentence))
        if best is None or rank > best[0]:
            best = (rank, pos, start, sentence)
    if best is None:
        return None
    _, pos, start, sentence = best
    cites = Citations()
    country = JURISDICTIONS[place]
    country = f"the {country}" if country.startswith("United") else country
    use = SUBSTANCE_LABELS[substance].lower()
    n = cites.add(store.context(pos, score=1.0), sentence, start)
    if not dose:
        lines = [
            f"No: baclofen is not authorised for {use} in {country}, so prescribing it for {use} "
            f"there is off-label [{n}]."
        ]
    else:
        lines = [
            f"None: baclofen is not authorised for {use} in {country}, so no dose is approved for"
            f" it there and any dose used for {use} is off-label [{n}]."
        ]
    label = _labelled_limit(store, place)
    if label is not None and dose:
        lpos, lstart, lsentence = label
        m = cites.add(store.context(lpos, score=1.0), lsentence, lstart)
        lines.append(
            f"The labelled dose is for spasticity: {lsentence[:1].lower()}{lsentence[1:]} [{m}]"
        )
    elif label is None and (guidance := _guidance(store, place)):
        gpos, gstart, gsentence = guidance  # (no label here: what its guidance says of baclofen)
        lines.append(
            f"{gsentence} [{cites.add(store.context(gpos, score=1.0), gsentence, gstart)}]"
        )
    return Composition("\n- ".join(lines), False, cites.items, ROUTE_EXTRACTIVE)


def _labelled_limit(store: IndexStore, place: str) -> tuple[int, int, str] | None:
    """The shortest sentence of the country's own label or regulator giving its dose limit."""
    best: tuple[int, int, int, str] | None = None
    for pos, _i, start, sentence in store.curated_sentences(holding=_LABEL_LIMIT):
        record = store.metas[pos]
        if record.evidence not in ("label", "regulatory") or record_places(record.title) != {place}:
            continue
        if not _LABEL_LIMIT.search(sentence) or _STUDIES.search(sentence):
            continue
        if any(rx.search(sentence) for rx in SUBSTANCE_SAID.values()):
            continue  # (a limit for spasticity, not a dose tried for an addiction)
        if best is None or len(sentence) < best[0]:
            best = (len(sentence), pos, start, sentence)
    return None if best is None else best[1:]


def _guidance(store: IndexStore, place: str) -> tuple[int, int, str] | None:
    """The shortest sentence of the country's own guideline or regulator on baclofen."""
    best: tuple[int, int, int, str] | None = None
    for pos, _i, start, sentence in store.curated_sentences():
        record = store.metas[pos]
        if record.evidence not in ("guideline", "regulatory"):
            continue
        if record_places(record.title) != {place} or "baclofen" not in sentence.lower():
            continue
        if best is None or len(sentence) < best[0]:
            best = (len(sentence), pos, start, sentence)
    return None if best is None else best[1:]
