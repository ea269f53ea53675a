"""The question plan: what is asked (intent), about what (entities), in which language, and the
standalone question that is searched. Made before retrieval; it decides the route and the shape
of the answer, and it is shown in the JSON (``"plan"``).

Everything here is rules over words plus the library's own catalogue: a study asked about by
description ("the big French trial that aimed for 180 mg", "the Duluth withdrawal trial") is
matched against each record's profile (title, population, design, setting, country and Summary,
IDF-weighted, with sizes, doses and years counted exactly). The planner needs no model and is
tested on its own against the labelled questions (``tests/test_plan.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from assistant.answer import Entities, Plan
from assistant.answering.compose.sentence_kinds import ASKS_APPROVAL, FRAGMENT_START, last_question
from assistant.answering.question.entities import (
    ASPECT_RX,
    BACLOFEN,
    SUBSTANCE_RX,
    WITHDRAWAL_STUDY,
    english_medicine_names,
    find_conditions,
    find_countries,
    find_documents,
    find_jurisdictions,
    find_other_medicines,
    find_substances,
    find_trials,
    norm,
    record_places,
)
from assistant.answering.question.follow_ups import (
    ANOTHER_ONE,
    AS_WELL,
    GROUP_OF_IT,
    POINTS_AT_FIGURE,
    is_follow_up,
    leans_on_the_study,
    more_of_the_study,
    same_kind_there,
)
from assistant.answering.question.intents import (
    INTENT_RX,
    PERSONAL_DOSE,
    classify,
    has_intent_words,
)
from assistant.answering.question.language import read_question
from assistant.answering.question.lay_terms import clinical_reading
from assistant.answering.question.places import JURISDICTION_RX
from assistant.answering.question.study_cues import DOSE_ASKED, LIKE_THEM
from assistant.answering.question.symptoms import named_symptom
from assistant.answering.safety import danger
from assistant.library.records import RecordInfo
from assistant.vocab import (
    ADDICTIONS,
    INTERACTION_CLASSES,
    JURISDICTIONS,
    REGULATORS,
    interaction_classes,
)

# --------------------------------------------------------------------------- conversation
# ("i take 80 mg and feed my baby: how much is she getting?": the baby's exposure, not a dose)
_BABY_GETS = re.compile(
    r"\b(?:baby|infant|newborn|breastfe\w*|milk)\b.*\b(?:getting|gets|receive\w*|exposed)\b"
)

# "i read that baclofen only works for women ... is that true?": the claim read or heard
_HEARD_CLAIM = re.compile(
    r"\b(?:i (?:read|heard|saw|was told)|(?:someone|somebody|a friend|people) (?:told me|said|says)"
    r"|(?:they|people) say|my \w+ (?:says|said|told me|reckons))(?: online| somewhere)? (?:that )?"
    r"(?P<claim>[^.?!]{12,}?)[.?!,](?=.*\b(?:is (?:that|this|it) (?:really )?(?:true|right|correct|so"
    r"|that good)|true\?|is that a thing|fact or fiction)\b)",
    re.I,
)


_NAMED_THING = re.compile(r"\b(?!US\b|UK\b|EU\b|FDA\b|TGA\b|ANSM\b)[A-Z]{2,}\b|\bBaclocur\b")
# a study named by its name or author ("in ALPADIR", "Garbutt's trial"), not described
_NAMES_A_STUDY = re.compile(r"(?<=\S )[A-Z][A-Za-z]{2,}\b")
_IT = re.compile(r"\b(?:it|its|that|this)\b", re.I)
_DOSE_WORD = re.compile(r"\b(?:dos\w*|mg|take|taken|taking|increas\w*|rais\w*|titrat\w*)\b", re.I)
_IT_THEY = re.compile(r"\b(?:they|them|those|these)\b", re.I)

# "did baclofen put off the first lapse?" after a question on one study: in the past tense, what
# that study found ("does baclofen ...?" asks in general)
_PAST_OF_IT = re.compile(
    r"(?:and |so |but )?(?:did|was|were|had) (?:baclofen|it|the (?:drug|medicine|tablets|pills))\b"
)


_RESULTS_WHERE = re.compile(
    r"\bwhere (?:did|were|are|was|do|can) (?:\w+ ){0,3}?results?\b|\bresults? (?:end(?:ed)? up"
    r"|(?:got |get |were )?published|appear\w*)\b",
    re.I,
)
# a question about every country, whatever place the story names
_ANY_COUNTRY = re.compile(
    r"\b(?:in|by) any (?:other )?country\b|\bany countries\b|\bwhich countries\b"
)
# "the other big French one", "the other trial": another study than the one just discussed
ANOTHER_OF_KIND = re.compile(r"\bthe other ((?:[\w-]+ ){0,3}?)(?:one|trial|study)\b", re.I)


def _nothing_new(ents: Entities, previous: Plan) -> bool:
    """Whether a question names nothing beyond the one study just discussed (no study, place,
    condition, medicine or substance of its own)."""
    return len(previous.entities.trials) == 1 and not (
        ents.trials or ents.other_medicines or ents.conditions or ents.jurisdictions
        or ents.documents or ents.substances
    )  # fmt: skip


def _inherit(plan: Plan, previous: Plan) -> Plan:
    """Carry the conversation's subject into a follow-up: what the follow-up names replaces what
    the earlier turn named; what it leaves out is taken over."""
    ents, prev = plan.entities, previous.entities
    if (
        ents.substances == ["nicotine"]
        and set(prev.substances) & {"cocaine", "cannabis", "opioids", "methamphetamine"}
        and not re.search(r"\b(?:tobacco|cigarettes?|nicotine|cigs?|vap\w*)\b", plan.english, re.I)
        # ("and for smoking?": smoking is the whole question, the habit asked about)
        and not re.match(
            r"\W*(?:\w+ ){0,3}?(?:quitting |stopping )?smok\w*\W*$", plan.english, re.I
        )
    ):
        # "when they smoked" after a smoked-cocaine study: how the drug was taken, not tobacco
        ents.substances = list(prev.substances)
    new_substance = bool(ents.substances) and ents.substances != prev.substances
    compares = INTENT_RX["comparison"].search(norm(plan.english))
    intent = plan.intent
    if not has_intent_words(plan.english) or intent in ("out_of_scope", "general"):
        intent = previous.intent
    if previous.intent == "efficacy" and intent == "dosing" and "dose" in plan.aspects:
        intent = "efficacy"  # "does it help?" then "and at high doses?": does it help at them
    if (
        intent == "dosing"
        and previous.intent in ("overdose", "withdrawal")
        and not _DOSE_WORD.search(plan.english)
    ):
        intent = previous.intent  # "the signs of an overdose?" then "how often is it fatal?"
    if previous.intent == "adverse_effects" and (
        (intent == "dosing" and "dose" in plan.aspects) or not has_intent_words(plan.english)
    ):
        intent = "adverse_effects"  # "its side effects?" then "and at high doses?", "do they pass?"
    # "and did it cut down their drinking as well?" after an opioid trial: another outcome of the
    # same study, not a new substance's evidence
    same_study = bool(AS_WELL.search(plan.english)) and not ents.jurisdictions
    trials = ents.trials or (
        [] if (new_substance and not same_study) or ents.jurisdictions else prev.trials
    )
    if (
        prev.trials
        and GROUP_OF_IT.search(norm(plan.english))
        and not _NAMES_A_STUDY.search(plan.english)
    ):
        trials = prev.trials  # "the study drug", "of the deaths": the study just discussed
        if intent == "withdrawal":
            intent = "trial_result"  # "when was the study drug tapered?": how the study ran
    if intent == "withdrawal" and trials and WITHDRAWAL_STUDY.search(plan.english):
        intent = "trial_result"  # "had that team run an earlier withdrawal study?": a study
    merged = Entities(
        substances=ents.substances or prev.substances,
        trials=trials,
        conditions=ents.conditions
        or (
            prev.conditions
            if intent
            in ("contraindication", "dosing", "pharmacokinetics", "adverse_effects", "withdrawal")
            # "and if someone like that takes too much?": the people just asked about
            or LIKE_THEM.search(plan.english)
            else []
        ),
        other_medicines=ents.other_medicines
        or (prev.other_medicines if intent == "comparison" else []),
        # (the country of a study still talked about is still the topic)
        jurisdictions=ents.jurisdictions
        or (
            prev.jurisdictions
            if intent in ("regulation", "dosing", "history") or (trials and not ents.trials)
            else []
        ),
        documents=ents.documents or prev.documents,
    )
    if merged.trials and (
        intent in ("efficacy", "which_trials", "contraindication")
        # "was it blinded?" after "how did it do against topiramate in the Indian study?"
        or (intent == "comparison" and not ents.other_medicines and not compares)
    ):
        intent = "trial_result"
    if (
        intent == "dosing"
        and trials
        and not ents.trials
        and not DOSE_ASKED.search(norm(plan.english))
    ):
        intent = "trial_result"  # "was 60 mg the only dose they tried?" of the study just asked
    if intent == "trial_result" and not merged.trials:
        intent = previous.intent if previous.intent != "trial_result" else "efficacy"
    if intent == "document" and not merged.documents:
        intent = previous.intent
    scope = (
        "document"
        if intent == "document" or (merged.documents and previous.scope == "document")
        else plan.scope
    )
    # "What is the half-life?" then "and in kidney failure?": the half-life is still asked about
    topic = ""
    # "how long was it granted for?" after a question about a named thing that is not baclofen
    # (the RTU, Baclocur): "it" is that thing, and its words are still the subject
    names_thing = bool(_NAMED_THING.search(previous.english)) and not plan.entities.trials
    if (
        FRAGMENT_START.match(norm(plan.english))
        or (names_thing and _IT.search(plan.english) and not _NAMED_THING.search(plan.english))
        # "how often is it fatal?" after the overdose signs: the earlier topic, kept
        or (intent == previous.intent != plan.intent and _IT.search(plan.english))
        or POINTS_AT_FIGURE.search(plan.question)
        # "do they go away?" after the side effects: a question with no topic of its own
        or (
            not has_intent_words(plan.english)
            and not merged.trials
            and _IT_THEY.search(plan.english)
        )
    ):
        named = {m.lower() for m in _NAMED_THING.findall(previous.english)}
        words = [
            w
            for w in re.findall(r"[a-z][\w-]{2,}", norm(previous.english))
            if w in named
            or len(w) > 3
            and w not in _GENERIC_ASK
            and not w.startswith("baclofen")  # a brand (Baclocur) is the subject
            and not any(rx.search(w) for rx in SUBSTANCE_RX.values())
            and not any(rx.search(w) for rx in JURISDICTION_RX.values())
        ]
        if previous.follow_up and previous.topic:
            # "And Australia?" after "what about France?": the same topic; "and in the high-risk
            # patients?" after "how much less did they drink?": that topic, in those patients
            words = [*words, *previous.topic.split()]
        topic = " ".join(dict.fromkeys(words))
    out = replace(plan, entities=merged, intent=intent, follow_up=True, scope=scope, topic=topic)
    swapped = _swapped(plan, previous)
    if swapped:
        # "And Australia?" after "Is it approved for drinking in France?": the earlier question
        # with the place swapped is what is asked, and what the answer's first sentence answers
        out = replace(out, english=swapped, intent=previous.intent, topic="")
    return out


_FRAGMENT_WORDS = frozenset([
    "and", "what", "about", "how", "also", "same", "for", "in", "the", "with", "of", "on", "to",
    "there", "then", "or", "but"
])  # fmt: skip


def _swapped(plan: Plan, previous: Plan) -> str | None:
    """The earlier question with the one place or substance a fragment follow-up names put in
    for the one it named ("and for opioids?", "what about in Australia?"), or None."""
    if not FRAGMENT_START.match(norm(plan.english)) or len(plan.english.split()) > 6:
        return None
    for new, old, rx in (
        (plan.entities.jurisdictions, previous.entities.jurisdictions, JURISDICTION_RX),
        (plan.entities.substances, previous.entities.substances, SUBSTANCE_RX),
    ):
        if len(new) != 1 or len(old) != 1 or new == old:
            continue
        said = re.compile(rx[new[0]].pattern, re.I).search(plan.english)
        rest = (plan.english[: said.start()] + plan.english[said.end() :]) if said else ""
        if set(re.findall(r"[a-z]+", rest.lower())) - _FRAGMENT_WORDS:
            continue  # "and in France for alcohol?" asks more than the same again
        at = re.compile(rf"(?:\bthe )?(?:{rx[old[0]].pattern})", re.I).search(previous.english)
        if said and at:
            return previous.english[: at.start()] + said.group(0) + previous.english[at.end() :]
    return None


def about_study(plan: Plan, record_id: str, catalog: Sequence[RecordInfo]) -> Plan:
    """A follow-up that points at a study it does not name, planned as a question about
    ``record_id`` (the study the previous answer rested on)."""
    ents = replace(plan.entities, trials=[record_id])
    if not ents.substances:
        subs = {s for r in catalog if r.id == record_id for s in r.substances}
        ents.substances = [s for s in ADDICTIONS if s in subs][:1]
    out = replace(plan, entities=ents, intent="trial_result", scope="library")
    out.searched = _standalone(out, catalog)
    return out


# "and in kidney failure?", "what about opioids?": a fragment that asks the same again
_GENERIC_ASK = frozenset([
    "what", "which", "does", "that", "this", "with", "from", "have", "been", "were", "there",
    "when", "since", "where", "about", "tell", "much", "many", "find", "found", "show", "said",
    "says", "safe", "risk", "risks", "work", "works", "help", "helps", "effect", "effects",
    "their", "they", "them", "used", "using", "take", "taking", "baclofen", "someone",
    "somebody", "person", "people", "patients", "disorder", "dependence", "dependent",
    "addiction", "problem", "problems", "label", "labels", "signs", "symptoms"
])  # fmt: skip


def _standalone(plan: Plan, catalog: Sequence[RecordInfo]) -> str:
    """The question retrieval searches: the English question plus the subject it leans on."""
    t = norm(plan.english)
    # "the regulator" of a country named anywhere in the question: its own (in Australia, the TGA)
    named = [REGULATORS[j] for j in plan.entities.jurisdictions if j in REGULATORS]
    named = [r for r in named if re.search(r"\bregulators?\b", t) and r.lower() not in t]
    if not plan.follow_up:
        return f"{plan.english.rstrip()} ({', '.join(named)})" if named else plan.english
    names = {r.id: r.display_name for r in catalog}
    extra: list[str] = list(named)
    for tid in plan.entities.trials:
        name = names.get(tid, tid)
        if norm(name) not in t:
            extra.append(name)
    for s in plan.entities.substances:
        if s in SUBSTANCE_RX and not SUBSTANCE_RX[s].search(t):
            extra.append(s)
    for j in plan.entities.jurisdictions:
        # (a study's country is not searched for: its name says where it was)
        if not JURISDICTION_RX[j].search(t) and not plan.entities.trials:
            extra.append(JURISDICTIONS[j])
    for c in plan.entities.conditions:
        if c.replace("_", " ") not in t:
            extra.append(c.replace("_", " "))
    for m in plan.entities.other_medicines:
        if m not in t:
            extra.append(m)
    if plan.topic and not all(w in t for w in plan.topic.split()):
        extra.append(plan.topic)
    if not BACLOFEN.search(t):
        extra.insert(0, "baclofen")
    return f"{plan.english.rstrip()} ({', '.join(extra)})" if extra else plan.english


# what happened in a study, asked of its protocol paper ("how many actually took part?", "the
# per-protocol relapse rate"): its results paper answers (not "what did the protocol plan?")
_WHAT_HAPPENED = re.compile(
    r"\b(?:actually|in the end|ended up|turned out|per.?protocol|relapse\w*|lapses?|results?"
    r"|took part|were (?:included|enrolled|analy[sz]ed))\b",
    re.I,
)
_WHAT_WAS_PLANNED = re.compile(
    r"\bplan\w*|(?<!per.)\bprotocol\b|\bintended\b|\bset out\b|\bwould\b|\bbefore\w*", re.I
)


def results_papers(trials: list[str], text: str, catalog: Sequence[RecordInfo]) -> list[str]:
    """``trials`` with a protocol paper described (not named) replaced by its results paper (a
    record of the same sample that reports results) when the question's last sentence asks what
    happened."""
    last = re.split(r"(?<=[.:;!?])\s+(?=\S)", text.strip())[-1]
    if not _WHAT_HAPPENED.search(last) or _WHAT_WAS_PLANNED.search(last):
        return trials
    by_id = {r.id: r for r in catalog}
    out: list[str] = []
    for rid in trials:
        r = by_id.get(rid)
        if (
            r is not None
            and not r.results_reported
            and "protocol" in (r.design or "").lower()
            and not (r.surname and re.search(rf"\b{re.escape(r.surname)}\b", text, re.I))
        ):  # (a protocol asked about by its author's name is asked about as itself)
            rid = _results_of(rid, catalog)
        if rid not in out:
            out.append(rid)
    return out


def _results_of(rid: str, catalog: Sequence[RecordInfo]) -> str:
    """A protocol paper's results paper (a record of the same sample that reports results), or
    ``rid`` itself."""
    by_id = {r.id: r for r in catalog}
    r = by_id.get(rid)
    if r is None or r.results_reported:
        return rid
    return next((o for o in r.same_sample_as if o in by_id and by_id[o].results_reported), rid)


# --------------------------------------------------------------------------- the planner


def plan_question(
    question: str,
    catalog: Sequence[RecordInfo] = (),
    history: Sequence[str] = (),
    previous: Plan | None = None,
    encode: Callable[[list[str]], np.ndarray] | None = None,
) -> Plan:
    """Plan one question. ``history`` holds the conversation's earlier questions (oldest first);
    they are planned in turn so the subject carries across several turns (``previous`` may be
    given instead when the caller kept the last plan). ``encode`` (the sentence encoder) lets a
    symptom told in everyday words be named (:mod:`.symptoms`)."""
    if previous is None and history:
        for earlier in history:
            previous = plan_question(earlier, catalog, previous=previous, encode=encode)
    language, english = read_question(question)
    if language != "en":  # "165.334 pacientes": a thousands point, read as 165,334
        english = re.sub(r"(?<=\d)\. (?=\d{3}\b)", ",", english)
        english = english_medicine_names(english)  # "tramadolo", "morfina": the English names
    english = clinical_reading(english)
    if encode is not None and (symptom := named_symptom(english, encode)):
        english = f"{english} ({symptom})"  # "his hands have got a wobble": tremor
    heard = _HEARD_CLAIM.search(english)
    if heard and not danger.in_danger(english):  # "i read that X ... is that true?": X is asked
        english = f"Is it true that {heard.group('claim').strip()}?"
    if danger.self_harm(english) and not re.search(r"\bsuicid", english, re.I):
        english += " (suicidal thoughts)"  # what the sources call it: the label's warnings
    t = norm(english)
    ents = Entities(
        substances=find_substances(english),
        trials=results_papers(find_trials(english, catalog), english, catalog),
        conditions=find_conditions(english),
        other_medicines=find_other_medicines(english),
        jurisdictions=find_jurisdictions(english),
    )
    if _ANY_COUNTRY.search(t):  # "my doctor in Ohio ... approved anywhere in the world?": all
        ents.jurisdictions = []
    document_cue = bool(INTENT_RX["document"].search(t))
    ents.documents = find_documents(english, catalog, document_cue)
    if ents.trials and not ents.substances:
        subs = {s for r in catalog if r.id in ents.trials for s in r.substances}
        ents.substances = [s for s in ADDICTIONS if s in subs][:1]
    personal = bool(PERSONAL_DOSE.search(t)) and not _BABY_GETS.search(t)
    intent = classify(english, ents, personal, catalog)
    aspects = [k for k, rx in ASPECT_RX.items() if rx.search(t)]
    if INTENT_RX["result"].search(t):
        aspects.append("result")  # asks what a study found, whatever the topic
    plan = Plan(
        question=question, intent=intent, entities=ents, searched=english, language=language,
        personal=personal and intent in ("dosing", "withdrawal"), aspects=aspects, english=english,
    )  # fmt: skip
    past = False
    leans = previous is not None and (
        leans_on_the_study(english, ents, intent, previous, catalog)
        # "how many were doing better after the first three months?": no subject of its own, in
        # a conversation about one study
        or (
            intent in ("out_of_scope", "general", "history")
            and len(previous.entities.trials) == 1
            and not (
                ents.trials or ents.substances or ents.other_medicines or ents.conditions
                or ents.jurisdictions or ents.documents or BACLOFEN.search(norm(english))
                or find_countries(english)  # ("and in Denmark?": that country's study)
            )
        )
        or (past := _PAST_OF_IT.match(norm(english)) is not None and _nothing_new(ents, previous))
    )  # fmt: skip
    if leans:  # "did they only take people with no symptoms yet, or ...?": the study just asked
        ents.trials = []  # (carried over below; a study its words merely describe is not it)
    if previous is not None and (
        leans
        or is_follow_up(english, ents, has_intent_words(english))
        or more_of_the_study(english, ents, previous)
    ):
        if not ents.trials and previous.entities.trials:
            ents.trials = same_kind_there(english, previous.entities.trials[0], catalog)
        if (
            not ents.trials
            and not ents.substances
            and previous.entities.substances
            # (one study just discussed is "they" unless another is described: "the LA one")
            and (len(previous.entities.trials) != 1 or ANOTHER_ONE.search(english))
        ):
            # "was the Los Angeles one positive?" after the cocaine trials: among those
            carried = " ".join(previous.entities.substances)
            ents.trials = find_trials(f"{english} ({carried})", catalog)
        if ANOTHER_OF_KIND.search(english) and previous.entities.trials:
            # "the other big French one" after Bacloville: the best fit among the rest, of its kind
            kind = {r.evidence for r in catalog if r.id in previous.entities.trials}
            rest = [r for r in catalog if r.id not in previous.entities.trials]
            carried = " ".join(previous.entities.substances)
            told = ANOTHER_OF_KIND.sub(r"the other \1 trial", english)  # ("one": a study)
            pool = [r for r in rest if r.evidence in kind] or rest
            ents.trials = find_trials(f"{told} ({carried})", pool)
            if not ents.trials:  # two fit as well: the one nearer the study just discussed
                who = "; ".join(
                    r.population or "" for r in catalog if r.id in previous.entities.trials
                )
                ents.trials = find_trials(f"{told} ({carried}; {who})", pool)
        plan = _inherit(plan, previous)
        if leans:
            plan.entities.trials = list(previous.entities.trials)
            if plan.intent in ("withdrawal", "contraindication", "general", "history") or (
                past and plan.intent == "efficacy"
            ):
                plan.intent = "trial_result"  # "did they take people already in withdrawal?"
    if previous is not None and _RESULTS_WHERE.search(english):
        # "so where did the actual results end up?" after a protocol: its results paper
        plan.entities.trials = [_results_of(t, catalog) for t in plan.entities.trials]
    if plan.intent == "document" or (plan.entities.documents and document_cue):
        plan.scope = "document"
    elif plan.intent in ("contraindication", "overdose", "withdrawal", "interaction", "dosing"):
        plan.scope = "curated"
    if not plan.entities.jurisdictions:
        plan.entities.jurisdictions = _study_place(plan.entities.trials, catalog)
    plan.searched = _standalone(plan, catalog)
    if (
        plan.intent == "interaction"
        and "CNS depressants" not in plan.searched
        # (the vocabulary's sedating classes: what the label calls CNS depressants, with
        # opioids and tricyclics, which sedate too)
        and {
            c.key
            for m in [*plan.entities.other_medicines, norm(plan.english)]
            for c in interaction_classes(m)
        }
        & {"cns_depressants", "opioids", "tricyclics"}
    ):
        # "with diazepam?": the label speaks of the class, not of each medicine
        plan.searched += " (CNS depressants, benzodiazepines, additive sedation)"
    if plan.intent == "interaction":
        # "with tramadol?": the sources name classes (opioids, tricyclic antidepressants)
        said = " ".join([*plan.entities.other_medicines, norm(plan.english)])
        classes = [name for rx, name in _CLASSES if rx.search(said) and name not in plan.searched]
        if classes:
            plan.searched += f" ({', '.join(dict.fromkeys(classes))})"
    if (
        plan.intent == "regulation"
        and plan.entities.jurisdictions
        and ASKS_APPROVAL.search(plan.english)
        and _without_regulator(plan.entities.jurisdictions, catalog)
    ):
        # "approved in the UK?": where no regulator of that country is in the library, the
        # comparison of countries is what answers it
        plan.searched += " (regulatory status by country)"
    elif (
        plan.intent == "regulation"
        and _ANY_COUNTRY.search(norm(plan.english))
        and last_question(plan.searched) != plan.searched
    ):
        # "my doctor in Ohio says off-label: approved anywhere in the world?": the countries
        # compared, not the story's country
        plan.searched = f"{last_question(plan.searched)} (regulatory status by country)"
    # ("and if the person starts fitting?" after "how do hospitals treat it?": still its care)
    carried = (
        re.match(r"\s*(?:and |but |so )?(?:what )?if\b", plan.english, re.I) and plan.follow_up
    )
    if plan.intent == "overdose" and (
        _MANAGEMENT.search(norm(plan.english))
        or (carried and re.search(r"\b(?:treat\w*|manag\w*|antidotes?)\b", plan.searched))
    ):
        # "how is it treated?": the sources' words for managing a poisoning ("treat" alone is a
        # word every question uses)
        plan.searched += " (management: supportive care, airway, haemodialysis, no antidote)"
    return plan


def _study_place(trials: Sequence[str], catalog: Sequence[RecordInfo]) -> list[str]:
    """A question about one study is about the place it was done ("how convincing was the drop
    in agitation?" after BACLOREA: France), when that is a place the library has rules for."""
    keys = {name: key for key, name in JURISDICTIONS.items()}
    countries = {r.id: r.country for r in catalog}
    place = keys.get(countries.get(trials[0]) or "") if len(trials) == 1 else None
    return [place] if place else []


def _without_regulator(places: Sequence[str], catalog: Sequence[RecordInfo]) -> bool:
    """The library holds regulators' records, but none for any of ``places``."""
    regulated = {p for r in catalog if r.evidence == "regulatory" for p in record_places(r.title)}
    return bool(regulated) and not set(places) & regulated


# the class a medicine belongs to, as the interaction sources name it (alcohol and CNS
# depressants are searched on their own above); "painkillers" are searched as opioids
_CLASSES = tuple(
    (re.compile(rf"\b(?:{c.members}{'|painkillers?' if c.key == 'opioids' else ''})\b"), c.label)
    for c in INTERACTION_CLASSES
    if c.key not in ("alcohol", "cns_depressants")
) + (
    (
        re.compile(
            r"\b(?:sertraline|\w+oxetine|\w*citalopram|mirtazapine|ssris?|snris?|antidepressants?)\b"
        ),
        "antidepressants",
    ),
)

_MANAGEMENT = re.compile(
    r"\bhow (?:is|are|do you|do doctors|should) (?:it |they |an overdose |overdoses |this )?"
    r"(?:be )?(?:treat\w*|manag\w*|handl\w*)|\btreatment\b|\bmanag\w*|\bantidote\b"
    r"|\bwhat (?:should|do|can|must) (?:you|i|we|one|people) do\b"
    r"|\b(?:are|is|get|gets|be) (?:\w+ )?treated\b|\bwhat (?:do|should|can) (?:doctors|hospitals"
    r"|emergency departments|icus?) do\b|\bhow (?:are|is)\b.*\b(?:treated|managed|handled)\b",
)
