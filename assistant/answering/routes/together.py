"""Questions about taking baclofen together with something else ("with tramadol?", "a beer on
it?", "with naltrexone?"): the curated sentence that names the interaction of the asked class
("tricyclic antidepressants can strengthen the effect of baclofen"), led by "Not without risk"
or "Yes"; and for a medicine no curated source names an interaction with, "No interaction ... is
documented" with the US label's warning about other sedating medicines, never a
sentence about another class or about trials that merely used both medicines.
"""

from __future__ import annotations

import re

from assistant.answering.compose.extractive import QUESTION_WORDS, Citations, Composition, Evidence
from assistant.answering.compose.lead import ASKS_IN_US_LABEL
from assistant.answering.question.plan import Plan
from assistant.answering.routes.comparisons import credited
from assistant.library.chunks import tokenize
from assistant.vocab import (
    DRUG_CLASS,
    INTERACTION_CLASS,
    INTERACTS,
    ROUTE_EXTRACTIVE,
    MedicineClass,
    interaction_classes,
)

_TRUSTED = ("label", "regulatory", "guideline")
# "can I take baclofen with cetirizine?": a medicine the planner may not know by name
_TAKEN_WITH = re.compile(
    r"\b(?:take|taken|taking|use|used|using|have|combine\w*|mix\w*)\b.*?\b(?:with|and|alongside)\s+"
    r"(?:my |his |her |their |the |a |an )?(?P<m>[a-z][a-z-]{4,})\b",
    re.I,
)
_DEPRESSANT_WARNING = re.compile(r"\b(?:CNS|central nervous system) depress\w*.*\badd", re.I)
# a sentence about treating an addiction, not about the combination
_TREATMENT_CONTEXT = re.compile(r"\boff-label\b|\buse disorder\b|\btreated\b", re.I)
# "does it interact?", "is it dangerous?": an interaction is the answer's yes
_ASKS_RISK = re.compile(
    r"\binteract\w*|\b(?:risky|dangerous|harmful|bad|a problem|any problems?|a risk|any risks?)\b"
    # "do tricyclics change its effect?", "could the two make her too drowsy?"
    r"|\b(?:change|affect|alter|strengthen|increase|enhance|boost|worsen|intensify)\w*\b|\bstronger\b"
    r"|\b(?:drowsy|sleepy|sedated|knocked out)\b",
    re.I,
)
# a yes/no question, also after a first clause ("my mum takes baclofen, is that ok together?")
_POLAR = re.compile(
    r"(?:^|[,;:.?!]\s*|\b(?:and|so|but)\s+)(?:is|are|can|could|may|might|should|shall|will|would"
    r"|does|do|did|am|has|have)\s+\w+|^\s*(?:is|are|can|could|does|do)\b"
    # "my parent takes baclofen, can take also diazepam?" (a translation without its subject)
    r"|\b(?:can|could|may|should) (?:also )?(?:take|use|have|combine|mix|drink)\b",
    re.I,
)


def _sentences(store, wanted: re.Pattern[str], trusted_only: bool):  # type: ignore[no-untyped-def]
    """(position, offset, sentence) of curated sentences naming ``wanted`` and an interaction."""
    for rec in store.catalog():
        if rec.user or (trusted_only and rec.evidence not in _TRUSTED):
            continue
        for pos in store.record_positions(rec.id):
            body = store.texts[pos]
            if not wanted.search(body):
                continue
            for s, e in store.sentences[pos]:
                sentence = body[s:e].strip()
                if "\n" not in sentence and wanted.search(sentence) and INTERACTS.search(sentence):
                    yield pos, s, sentence


def _class_sentence(store, cls: MedicineClass) -> tuple[int, int, str] | None:  # type: ignore[no-untyped-def]
    """The curated sentence that best names ``cls``'s interaction: about the combination, not
    about treating an addiction, naming as few other classes as possible, earliest."""
    named = re.compile(cls.named, re.I)
    others = [
        re.compile(c.named, re.I)
        for c in INTERACTION_CLASS.values()
        if c.key not in (cls.key, "cns_depressants")
    ]
    found = list(_sentences(store, named, trusted_only=True))
    if not found:
        return None
    return min(
        enumerate(found),
        key=lambda f: (
            bool(_TREATMENT_CONTEXT.search(f[1][2])),
            sum(bool(o.search(f[1][2])) for o in others),
            f[0],
        ),
    )[1]


def partners(plan: Plan, vocabulary: frozenset[str] | None) -> list[str]:
    """What the question asks to combine with baclofen: its other medicines, the class words it
    uses, and a name no source uses ("with cetirizine?")."""
    text = plan.english or plan.question
    names = [m for m in plan.entities.other_medicines]
    if vocabulary is not None:
        m = _TAKEN_WITH.search(text)
        if m and m.group("m").lower() not in names and not _HAS_IT.search(text[: m.start("m")]):
            words = [t for t in tokenize(m.group("m")) if t not in QUESTION_WORDS]
            if words and not any(t in vocabulary for t in words):
                names.insert(0, m.group("m").lower())  # a name no source uses
    for rx in _PARTNER_SAID:
        m = rx.search(text)
        said = m and m.group("m").strip().lower()
        if said:  # "ibuprofen for my back": the medicine, not what it is taken for
            said = re.sub(r"\s+(?:for|to|because|when|at|so|as)\b.*$", "", said)
        if said and _HAS_IT.search(text[: m.start("m")]):
            said = None  # "ok for someone with a bad ulcer?": what they have, not a medicine
        if said and not _NOT_A_MEDICINE.search(said):
            # "does coffee interact?", "safe with blood thinners?" (the longer name kept)
            names = [n for n in names if n not in said]
            if not any(said in n for n in names):
                names.append(said)
            break
    for cls in interaction_classes(text, question=True):
        if not any(cls in interaction_classes(n, question=True) for n in names):
            names.append(cls.label)
    for m in DRUG_CLASS.finditer(text.lower()):
        # "with antipsychotics?": a class the interaction sources do not name
        if not interaction_classes(m.group(0), question=True) and m.group(0) not in names:
            names.append(m.group(0))
    for key in plan.entities.substances:
        word = _USED_WITH.get(key)
        if word and word not in names:
            names.append(word)
    if _TREATED_DRINKING.search(text) and "alcohol" in names and len(names) > 1:
        # on it for drinking, asking about weed (or naltrexone) alongside
        names.remove("alcohol")
    return list(dict.fromkeys(names))


# a partner named in the question's own shape, whatever its name
_PARTNER_SAID = (
    re.compile(
        r"^\s*(?:does|do|can|will|would|could)\s+(?P<m>[a-z][a-z' -]{2,30}?)\s+interact\w*\s+with"
        r"\s+(?:baclofen|it)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:safe|ok|okay|fine|dangerous|risky)\b[^?]*?\b(?:with|alongside)\s+(?:my |his |her "
        r"|their |the |a |an )?(?P<m>[a-z][a-z' -]{3,25}?)\s*\??\s*$",
        re.I,
    ),
    re.compile(
        r"\b(?:have|having|get|getting|take|taking|use|using|drink|drinking)\s+(?:a |an |the |some )?"
        r"(?P<m>[a-z][a-z' -]{3,25}?)\s+(?:(?:while|when)\s+)?(?:on|taking)\s+(?:baclofen|it)\b",
        re.I,
    ),
)
_SET_SIDE_BY_SIDE = re.compile(
    r"\bdifferences? between\b|\b(?:compare[sd]?|comparison)\b|\bversus\b|\bvs\.?\s"
    r"|\b(?:better|worse|stronger|safer) than\b",
    re.I,
)
# "for someone with ...", "people with ...": a condition a person has
_HAS_IT = re.compile(
    r"\b(?:someone|somebody|anyone|people|patients?|person|those|men|women|children|kids|adults?"
    r"|him|her|me|us|them)\s+with\s+(?:my |his |her |their |the |a |an )?$",
    re.I,
)
# not a medicine, or the library's own medicine ("with food?", "with it?")
_NOT_A_MEDICINE = re.compile(
    r"^(?:it|this|that|baclofen|food|meals?|water|milk|\w+ juice|juice|doctor|gp|nurse|him|her|them"
    r"|me|people|patients|kids?|children|pregnancy|exercise|sport|driving|alcohol|drinks?|wine|beer"
    # a state one gets into ("can you get high on it?"), not something taken
    r"|high|stoned|drunk|hooked|addicted|sleepy|drowsy|dizzy|sick|tired|pregnant|better|worse)$"
    r"|\b(?:baclofen|muscle relax\w*|spasm)\b"
)


_TREATED_DRINKING = re.compile(
    r"\b(?:stop|quit|cut down|reduce|less|for|with) (?:\w+ )?(?:drinking|alcohol|the drink)\b", re.I
)


def _lead(plan: Plan) -> str | None:
    q = plan.english or plan.question
    if not _POLAR.search(q) or ASKS_IN_US_LABEL.search(q):  # ("is it stated in the US label?")
        return None
    return "Yes" if _ASKS_RISK.search(q) and not re.search(r"\bsafe\b", q, re.I) else None


def interaction(ev: Evidence, vocabulary: frozenset[str] | None) -> Composition | None:
    """The answer to "can baclofen be taken with X?" from the sentences naming X's class, or
    "No interaction ... is named" when no curated source names one. None when the question names
    nothing to combine, or several things of which only some are covered."""
    plan, store = ev.plan, ev.store
    if plan.intent not in ("interaction", "general") or plan.entities.trials:
        return None
    if _SET_SIDE_BY_SIDE.search(plan.english or plan.question):
        return None  # "the difference between baclofen and tizanidine": compared, not combined
    names = partners(plan, vocabulary)
    if not names:
        q = plan.english or ""
        if _NAMES_ONE.search(q) or not _ANY_INTERACTION.search(q):
            return None  # "does grapefruit juice interact?": a partner, just not one we know
        return _all_interactions(ev)
    found: list[tuple[int, int, str]] = []
    unnamed: list[str] = []
    for name in names:
        classes = interaction_classes(name, question=True)
        hit = None
        for cls in classes:
            hit = _class_sentence(store, cls)
            if hit:
                break
        if hit is None:
            own = re.compile(rf"\b{re.escape(name)}\b", re.I)
            hit = next(_sentences(store, own, trusted_only=True), None)
        if hit is None:
            unnamed.append(name)
        elif hit not in found:
            found.append(hit)
    cites = Citations()
    lines: list[str] = []
    # ("can you take oramorph while on baclofen?": a combination asked in so many words)
    combined = any(rx.search(plan.english or plan.question) for rx in _PARTNER_SAID)
    if found and not unnamed and (plan.intent == "interaction" or combined):
        for pos, s, sentence in found[:2]:
            n = cites.add(store.context(pos, score=1.0), sentence, s)
            lines.append(f"{sentence} [{n}]")
        lead = _lead(plan)
        asked = plan.english or plan.question
        if lead is None and _POLAR.search(asked) and not ASKS_IN_US_LABEL.search(asked):
            lead = "Not without risk"
        if lead:
            first = lines[0] if lines[0][:2].isupper() else lines[0][0].lower() + lines[0][1:]
            lines[0] = f"{lead}: {first}"
        answer = "\n- ".join(lines)
        return Composition(answer, False, cites.items, ROUTE_EXTRACTIVE)
    if unnamed and not found:
        warning = next(_sentences(store, _DEPRESSANT_WARNING, trusted_only=True), None)
        if warning is None:
            return None
        pos, s, sentence = warning
        n = cites.add(store.context(pos, score=1.0), sentence, s)
        answer = (
            f"No interaction between baclofen and {' or '.join(map(_shown, unnamed))} is "
            f"documented; the US label's general warning is about medicines that add to its "
            f"sedation.\n- {sentence} [{n}]"
        )
        used = [k for k in plan.entities.substances if _USED_WITH.get(k) in unnamed]
        seen = _harm_in_users(ev, used[0]) if len(used) == 1 else None
        if seen is not None:  # "baclofen worsened cognitive performance" in cannabis smokers
            pos, s, sentence = seen
            n = cites.add(store.context(pos, score=1.0), sentence, s)
            answer += f"\n- {sentence} [{n}]"
        return Composition(answer, False, cites.items, ROUTE_EXTRACTIVE)
    return None


# a drug of abuse taken alongside: how the answer names it
_USED_WITH = {
    "cannabis": "cannabis",
    "cocaine": "cocaine",
    "methamphetamine": "meth",
    "ghb": "GHB",
    "nicotine": "nicotine",
}
# what baclofen did to people using that drug, in a study of them
_HARM = re.compile(
    r"\b(?:worsen\w*|impair\w*|sedat\w*|drows\w*|adverse (?:effects?|events?)|side effects?)\b",
    re.I,
)


def _harm_in_users(ev: Evidence, substance: str) -> tuple[int, int, str] | None:
    """The sentence of a study of people using ``substance`` that tells what baclofen did to
    them (worsened, impaired, sedated), the one nearest the question; None without one."""
    store, best, top = ev.store, None, -1.0
    for rec in store.catalog():
        if rec.user or substance not in rec.substances or rec.evidence == "overview":
            continue
        for pos in store.record_positions(rec.id):
            body = store.texts[pos]
            vecs = store.sentence_vectors_of(pos) if ev.query_vec is not None else None
            for i, (s, e) in enumerate(store.sentences[pos]):
                sentence = body[s:e].strip()
                if "\n" in sentence or not _HARM.search(sentence):
                    continue
                score = float(vecs[i] @ ev.query_vec) if vecs is not None else 0.0
                if score > top:
                    best, top = (pos, s, sentence), score
    return best


# "what shouldn't you mix with baclofen?", "which drugs interact with it?": no partner named
_ANY_INTERACTION = re.compile(
    r"\binteract\w*|\bmix\w* with\b|\bavoid\w* (?:with|alongside|while)\b|\bavoided with\b"
    r"|\b(?:not|n't) (?:be )?(?:mix|combin|take|taken|use|used)\w* (?:\w+ )?with\b"
    r"|\b(?:what|which) (?:else|other )?(?:medicines|drugs|meds|medications|tablets|pills)\b"
    r".*\b(?:with|alongside) (?:baclofen|it)\b"
    r"|\b(?:shouldn'?t|should not|must not|can'?t|cannot) (?:you |i |one |we )?(?:take|mix|combine|use)\b"
    r"|\bdon'?t (?:go|mix) (?:well )?with\b|\bclash\w* with (?:anything|any)\b"
    r"|\b(?:any|which|what) (?:\w+ )?(?:drugs|medicines|meds|medications)\b.*\bwith (?:baclofen|it)\b",
    re.I,
)


_NAMES_ONE = re.compile(
    r"\b(?:does|do|can|will|would|could)\s+(?!baclofen\b|it\b|any\b)\w+(?:\s+\w+)?\s+interact", re.I
)


def _all_interactions(ev: Evidence) -> Composition | None:
    """The label's warning on sedating medicines and the monograph's list of interacting
    classes, for a question that names no partner."""
    store = ev.store
    label = next(_sentences(store, _DEPRESSANT_WARNING, trusted_only=True), None)
    listed = next(
        (
            f
            for f in _sentences(store, re.compile(r"\blists interactions\b", re.I), True)
            if f != label
        ),
        None,
    )
    found = [f for f in (label, listed) if f is not None]
    if not found:
        return None
    cites = Citations()
    lines = []
    for pos, s, sentence in found:
        n = cites.add(store.context(pos, score=1.0), sentence, s)
        lines.append(f"{sentence} [{n}]")
    return Composition("\n- ".join(lines), False, cites.items, ROUTE_EXTRACTIVE)


# "she took them with sleeping pills and wine: does that make it worse?": an overdose made
# worse by what was taken with it
_ASKS_WORSE = re.compile(
    r"\b(?:worse|riskier|more (?:dangerous|risky|serious|harmful|deadly)|add\w* to"
    r"|(?:than|compared with) (?:\w+ )?(?:alone|on its own|by itself)|make (?:a|any) difference)\b",
    re.I,
)
_OTHER_TAKEN = re.compile(
    r"\bother (?:stuff|things|drugs|substances|medicines|medications|pills|tablets)\b"
    r"|\bco-?ingest\w*|\b(?:on top of|as well as|mixed with|along with)\b",
    re.I,
)
# the study sentence on other substances in overdoses adding to the toxicity
_CO_INGESTED = re.compile(r"\b(?:other substances|co-?ingest\w*)\b.*\btoxic", re.I)


def mixed_overdose(ev: Evidence, vocabulary: frozenset[str] | None) -> Composition | None:
    """ "Does the alcohol (the sleeping pills, everything else she took) make the overdose
    worse?": yes, with the curated sentence on that class adding to baclofen's effect and a
    study's sentence on other substances adding to the toxicity. None for any other question."""
    plan, store = ev.plan, ev.store
    q = plan.english or plan.question
    if plan.intent != "overdose" or not _ASKS_WORSE.search(q) or not _POLAR.search(q):
        return None
    names = [n for n in partners(plan, vocabulary) if n != "alcohol"]
    depressants = "alcohol" in plan.entities.substances or "cns_depressants" in (
        plan.entities.conditions
    )
    if not (names or depressants or _OTHER_TAKEN.search(q)):
        return None
    found: list[tuple[int, int, str]] = []
    for cls in [c for n in names for c in interaction_classes(n, question=True)]:
        hit = _class_sentence(store, cls) if cls.key != "cns_depressants" else None
        if hit and hit not in found:
            found.append(hit)
    warning = next(_sentences(store, _DEPRESSANT_WARNING, trusted_only=True), None)
    if warning is not None and (depressants or not found):
        found.insert(0, warning)
    studies = (
        (pos, s, store.texts[pos][s:e].strip())
        for rec in store.catalog()
        if not rec.user and rec.evidence != "overview"
        for pos in store.record_positions(rec.id)
        for s, e in store.sentences[pos]
    )
    seen = next((f for f in studies if _CO_INGESTED.search(f[2]) and "\n" not in f[2]), None)
    if not found:
        return None
    cites = Citations()
    lines = []
    for pos, s, sentence in [*found[:2], *([seen] if seen else [])]:
        n = cites.add(store.context(pos, score=1.0), sentence, s)
        record = store.record(store.metas[pos].source_id)
        if record is not None and record.evidence not in _TRUSTED:
            sentence = credited(sentence, store, record)  # "In Jamshidi et al. 2019, half ..."
        lines.append(f"{sentence} [{n}]")
    lines[0] = f"Yes, it can: {lines[0][0].lower()}{lines[0][1:]}"
    return Composition("\n- ".join(lines), False, cites.items, ROUTE_EXTRACTIVE)


def taken_with(ev: Evidence, vocabulary: frozenset[str] | None) -> Composition | None:
    """Baclofen with something else: an interaction question, or an overdose with other things
    taken too; None when the question is neither."""
    return interaction(ev, vocabulary) or mixed_overdose(ev, vocabulary)


def _shown(name: str) -> str:
    """A medicine's name as written in an answer ("ssris" -> "SSRIs")."""
    m = re.fullmatch(r"(s[sn]ri|maoi)(s?)", name, re.I)
    return f"{m.group(1).upper()}{m.group(2)}" if m else name
