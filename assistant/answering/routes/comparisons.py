"""Baclofen against other medicines: "how does it compare with naltrexone?". The studies that
compared them come from the records' structured comparator fields: head-to-head randomised
trials first, then observational comparisons, then indirect ones (each medicine against placebo,
as in a network meta-analysis).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from assistant.answer import Plan
from assistant.answering.compose.extractive import (
    Citations,
    Composition,
    Evidence,
    decline,
    renumbered,
)
from assistant.answering.question.asked import whole_sentences
from assistant.answering.routes.synthesis import (
    cite_study,
    count,
    describe,
    join,
    lower,
    study_name,
    table_row,
    with_details,
)
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import CURATED_ONLY, POOLED_EVIDENCE, ROUTE_SYNTHESIS, ROUTE_TRIAL

# --------------------------------------------------------------------------- comparisons


def compared_with(
    catalog: Sequence[RecordInfo], medicine: str, body: Callable[[str], str] | None = None
) -> dict[str, list[RecordInfo]]:
    """Studies comparing baclofen with ``medicine``: head to head in a randomised trial, in an
    observational study, or indirectly (each against placebo, as in a network meta-analysis,
    whose ``body`` text may name it only among its results)."""
    rx = re.compile(rf"\b{re.escape(medicine)}\b", re.I)
    out: dict[str, list[RecordInfo]] = {"direct": [], "observational": [], "indirect": []}
    for r in catalog:
        if r.user or r.evidence in ("overview", "label", "regulatory", "guideline"):
            continue
        text = " ".join(
            x or "" for x in (r.title, r.key_result, r.primary_outcome, r.design, r.profile[:600])
        )
        if not rx.search(text) and not (
            body is not None and r.evidence in POOLED_EVIDENCE and rx.search(body(r.id))
        ):
            continue
        if r.comparator == "active" and r.evidence in ("rct", *POOLED_EVIDENCE):
            out["direct"].append(r)
        elif r.comparator == "active":
            out["observational"].append(r)
        else:
            out["indirect"].append(r)
    return out


def comparison(ev: Evidence) -> Composition | None:
    """ "How does baclofen compare with naltrexone?": the studies that compared them, head-to-head
    trials first, then observational and indirect comparisons; None when no study did."""
    plan, store = ev.plan, ev.store
    meds = plan.entities.other_medicines
    if not meds and _USUAL.search(plan.english or plan.question):
        meds = ["naltrexone", "acamprosate", "nalmefene"]  # the approved alcohol medicines
    if not meds:
        return None
    groups: dict[str, list[RecordInfo]] = {"direct": [], "observational": [], "indirect": []}

    def body(record_id: str) -> str:
        return " ".join(store.texts[p] for p in store.record_positions(record_id))

    for med in meds:
        for k, rs in compared_with(store.catalog(), med, body).items():
            groups[k] += [r for r in rs if r not in groups[k]]
    names = join(meds)
    if not any(groups.values()):
        if meds is plan.entities.other_medicines:  # a medicine named, and no study of the two
            return decline(
                f"None of the sources here compares baclofen with {names}, in a trial or "
                "indirectly, so they cannot say how the two compare."
            )
        return None
    cites = Citations()
    lines: list[str] = []

    said = re.compile(r"\b(?:" + "|".join(map(re.escape, meds)) + r")\b", re.I)

    def naming(r: RecordInfo) -> tuple | None:
        """A pooled study whose result line does not name the compared medicine: its own
        sentence that gives that medicine's figure, as (sentence, context, start)."""
        if r.evidence not in POOLED_EVIDENCE or said.search(r.key_result or ""):
            return None
        for pos in store.record_positions(r.id):
            text = store.texts[pos]
            for s, e in store.sentences[pos]:
                if said.search(text[s:e]) and re.search(r"\d", text[s:e]):
                    return text[s:e].strip(), store.context(pos, score=1.0), s
        return None

    def compares(r: RecordInfo) -> tuple | None:
        """A pooled study's own sentence setting baclofen against the medicine: the comparison
        (its result for baclofen against placebo alone is one side of it)."""
        named = naming(r)
        return named if named and re.search(r"\bbaclofen\b", named[0], re.I) else None

    def line(r: RecordInfo) -> str:
        if (both := compares(r)) is not None:
            sentence, ctx, start = both
            return f"{lower(sentence.rstrip('.'))} [{cites.add(ctx, sentence, start)}]"
        n = cite_study(cites, store, r)
        found = f"{with_details(study_name(r), describe(r))} found {lower(r.key_result)} [{n}]"
        named = naming(r)
        if named is None:
            return found
        sentence, ctx, start = named
        return f"{found}; {lower(sentence.rstrip('.'))} [{cites.add(ctx, sentence, start)}]"

    def indirectly(r: RecordInfo) -> str:
        said_it = line(r)
        return said_it if compares(r) else f"Indirectly (each medicine against placebo), {said_it}"

    direct, obs, indirect = groups["direct"], groups["observational"], groups["indirect"]
    if direct:
        k = len(direct)
        lines.append(
            f"{'Yes' if _POLAR_Q.match(plan.english or plan.question) else 'Head to head'}: "
            f"{count(k)} randomised trial{'s' if k > 1 else ''} compared baclofen with {names}; "
            + line(direct[0])
            + "."
        )
        lines += [f"- {line(r)}." for r in direct[1:3]]
    elif obs:
        outcome = re.sub(
            r"\s+(?:compared with|versus|vs\.?)\s.*$", "", lower(obs[0].primary_outcome or "")
        )  # what was measured; against what is in the study's own line
        if (
            outcome
            and _SAFETY_OUTCOME.search(outcome)
            and _ASKS_EFFECT.search(plan.english)
            and not _ASKS_HARM.search(plan.english)  # ("more likely to die ...?": its figures)
        ):
            # a safety cohort is no comparison of how well they cut drinking: say so first
            # (its safety figures are not what was asked: they stay in the evidence table)
            n = cite_study(cites, store, obs[0])
            name = with_details(study_name(obs[0]), describe(obs[0]))
            lines.append(
                f"No study here compared baclofen with {names} on drinking: the only direct "
                f"comparison, {name}, is an observational study of {outcome} [{n}]."
            )
            opening = ""
        else:
            measured = f" and measured {outcome}" if outcome else ""
            opening = (
                f"Not in a randomised trial: the direct comparison with {names} is observational"
                f"{measured}; "
            )
        if opening:
            lines.append(opening + line(obs[0]) + ".")
    else:
        said_it = line(indirect[0])
        lines.append(f"Only indirectly: {said_it}." if compares(indirect[0]) else
                     f"Only indirectly, each against placebo: {said_it}.")  # fmt: skip
    lines += [f"- {line(r)}." for r in obs[(0 if direct else 1) : 2]]
    lines += [
        f"- {(said_it := indirectly(r))[:1].upper()}{said_it[1:]}."
        for r in indirect[(0 if direct or obs else 1) : 1 if direct or obs else 2]
    ]
    table = [
        table_row(r, cite_study(cites, store, r))
        for r in [*direct, *obs]
        if r.evidence in ("rct", "cohort")
    ]
    return Composition("\n".join(lines), False, cites.items, ROUTE_SYNTHESIS, table)


_USUAL = re.compile(
    r"\b(?:usual|approved|standard|licen[sc]ed|established|first.?line|other) (?:\S+ ){0,2}"
    r"(?:medicines|medications|drugs|treatments|options|pills)\b",
    re.I,
)
_SAFETY_OUTCOME = re.compile(
    r"\b(?:death|deaths|mortality|hospitali[sz]\w*|adverse|safety|poison\w*)\b"
)
_ASKS_EFFECT = re.compile(
    r"\b(?:drink\w*|alcohol use|works?|effective\w*|help\w*|abstin\w*|relaps\w*|crav\w*|better"
    r"|sober\w*|beats?|outperform\w*)\b",
    re.I,
)
_ASKS_HARM = re.compile(
    r"\b(?:die|died|dying|death|deaths|dead|deadl\w*|mortality|hospital\w*|safe\w*|risk\w*"
    r"|harm\w*|danger\w*)\b",
    re.I,
)
_POLAR_Q = re.compile(r"^\s*(?:has|have|is|are|was|were|did|does|do)\b", re.I)


# --------------------------------------------------------------------------- talking therapies

# a talking or behavioural therapy named in a question
THERAPY = re.compile(
    r"\b(?:counsell?ing|counsell?ors?|psychotherap\w*|cbt|cognitive.behaviou?ral\w*|talking(?: therap\w*)?"
    r"|talk therap\w*|psychosocial|behaviou?ral (?:therap\w*|treatment|support)|motivational\w*"
    r"|support groups?|alcoholics anonymous|\baa\b|12.step|therapy|therapies)\b",
    re.I,
)
# compared with it, not combined ("on top of counselling")
_AGAINST = re.compile(
    r"\b(?:against|compared?|comparing|comparison|versus|vs|better than|more than|worse than"
    r"|instead of|rather than|or)\b",
    re.I,
)
# a curated sentence about baclofen and those therapies: added on top, or compared
_ON_TOP = re.compile(r"\brather than\b|\bon top of\b|\badded to\b|\balongside\b", re.I)


def therapy_comparison(ev: Evidence) -> Composition | None:
    """ "Has baclofen been tested against counselling alone?": the curated sentence saying how
    trials used talking therapies (added on top, not compared), nearest the question; None when
    the question names no therapy to compare with."""
    plan, store = ev.plan, ev.store
    q = plan.english or plan.question
    if not THERAPY.search(q) or not _AGAINST.search(q) or ev.query_vec is None:
        return None
    best: tuple[float, int, int, str] | None = None
    for pos, i, start, sentence in store.curated_sentences(holding=THERAPY):
        if not (THERAPY.search(sentence) and _ON_TOP.search(sentence)):
            continue
        # the general statement first: one naming no single trial
        sim = store.similarity(pos, i, ev.query_vec) - (
            0.1 if re.match(r"In the ", sentence) else 0
        )
        if best is None or sim > best[0]:
            best = (sim, pos, start, sentence)
    if best is None:
        return None
    _, pos, start, sentence = best
    cites = Citations()
    n = cites.add(store.context(pos, score=1.0), sentence, start)
    lead = ""
    if re.search(r"\brather than\b", sentence, re.I):
        lead = "Not directly: "  # compared with the therapy alone, it never was
        sentence = sentence[0].lower() + sentence[1:]
    return Composition(f"{lead}{sentence} [{n}]", False, cites.items, ROUTE_SYNTHESIS)


def described_review(plan: Plan, store: Any) -> bool:
    """The plan's study is a review told by what it did, not named ("that huge comparison of
    all the drink medicines", not "Bahji 2022"): a question comparing another medicine in it is
    answered as a comparison, of which that review is one source."""
    record = store.record(plan.entities.trials[0]) if plan.entities.trials else None
    asked = (plan.english or plan.question).lower()
    return (
        record is not None
        and record.evidence in POOLED_EVIDENCE
        and not any(n and n.lower() in asked for n in (record.surname, *record.trial_names))
    )


# a question about how two studies relate: their overlap, their difference, a combined count
_BETWEEN = re.compile(
    r"\badded together\b|\bcombined?\b|\boverlap\w*|\bsame (?:patients|cases|people|sample)\b"
    r"|\bdifferent (?:conclusions|results|findings)\b|\bdisagree\w*|\bdiffer\b",
    re.I,
)


def asks_between(plan: Plan) -> bool:
    """ "Can the deaths of Boels 2017 and Léger 2017 be added together?": two studies named and
    how they relate asked (answered side by side, not from the first one alone)."""
    return len(plan.entities.trials) > 1 and bool(_BETWEEN.search(plan.english or plan.question))


def between_studies(ev: Evidence) -> Composition | None:
    """ "Can the deaths in Boels 2017 and Léger 2017 be added together?": the overview's
    sentence that names every study asked about, nearest the question; None when none does."""
    store, plan = ev.store, ev.plan
    records = [store.record(t) for t in plan.entities.trials]
    names = [r.short_cite for r in records if r is not None and r.short_cite]
    if len(names) < 2 or len(names) != len(records) or ev.encode is None:
        return None
    vec = ev.encode(plan.english or plan.question)
    # (the question's own words count too: "added together" / "must not be added together")
    asked = {t for t in tokenize(plan.english or plan.question) if store.idf(t) >= 3.0}
    best = None
    for record in store.catalog():
        if record.evidence != "overview":
            continue
        for pos, start, sentence, v in whole_sentences(store, record):
            if all(n in sentence for n in names):
                near = float(v @ vec) + 0.05 * len(asked & set(tokenize(sentence)))
                if best is None or near > best[0]:
                    best = (near, pos, start, sentence)
    if best is None:
        return None
    cites = Citations()
    n = cites.add(store.context(best[1], score=1.0), best[3], best[2])
    return Composition(f"{best[3]} [{n}]", False, cites.items, ROUTE_SYNTHESIS)


# --------------------------------------------------------------------------- side by side

# "how did Garbutt 2021's completion compare with Garbutt 2010's?": one detail of each study
_SIDE_BY_SIDE = re.compile(
    r"\bcompar\w*|\bversus\b|\bvs\b\.?|\bagainst\b|\bdiffer\w* from\b|\bas in\b"
    r"|\b(?:more|fewer|less|higher|lower|larger|smaller|longer|shorter)\b.{0,60}\bthan\b",
    re.I,
)
_ANSWERED_OTHERWISE = ("Yes:", "No:", "Not reported", "Not without risk")


def each_study(
    ev: Evidence, answer_one: Callable[[Evidence, RecordInfo], Composition | None]
) -> Composition | None:
    """ "How did the share completing Garbutt 2021 compare with Garbutt 2010's?": each named
    study's own answer (by ``answer_one``, as if it alone were asked about), one line each,
    named. None unless the question compares two or three studies and each has a sentence of
    its own that answers (a yes or no, or "not reported", for one of them is not a comparison)."""
    plan = ev.plan
    question = plan.english or plan.question
    trials = list(dict.fromkeys(plan.entities.trials))
    if not 2 <= len(trials) <= 3 or not _SIDE_BY_SIDE.search(question) or asks_between(plan):
        return None
    records = [ev.store.record(t) for t in trials]
    if any(r is None or r.evidence in CURATED_ONLY for r in records):
        return None
    lines: list[str] = []
    citations: list = []
    for record in records:
        one = replace(plan, entities=replace(plan.entities, trials=[record.id]))
        comp = answer_one(replace(ev, plan=one), record)
        if comp is None or comp.abstained or comp.answer.startswith(_ANSWERED_OTHERWISE):
            return None
        first = comp.answer.split("\n")[0]
        used = {int(n) for n in re.findall(r"\[(\d+)\]", first)}
        cited = [c for c in comp.citations if c.n in used and c.source_id == record.id]
        if (
            len(cited) != len(used)
            or any(first == line for line in lines)
            or any(_names(first, other, by_year=True) for other in records if other is not record)
        ):
            return None  # another record's sentence, or one on both (how they relate)
        shift = max((c.n for c in citations), default=0)  # (numbered as read below)
        first = re.sub(r"\[(\d+)\]", lambda m, s=shift: f"[{int(m.group(1)) + s}]", first)
        citations += [replace(c, n=c.n + shift) for c in cited]
        lines.append(credited(first, ev.store, record))
    return renumbered(Composition("\n".join(lines), False, citations, ROUTE_TRIAL))


_IT = re.compile(r"(?:It|The (?:trial|study))\s+(?=[a-z])")


def _names(sentence: str, record: RecordInfo, by_year: bool = False) -> bool:
    """Whether the sentence names the study (``by_year``: its author with its year, as one of
    two papers by the same author is named)."""
    if any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in record.trial_names):
        return True
    year = rf"(?: et al\.?| and colleagues)?,? \(?{record.year}\b" if by_year else ""
    return bool(record.surname and re.search(rf"\b{re.escape(record.surname)}\b{year}", sentence))


def credited(sentence: str, store: Any, record: RecordInfo) -> str:
    """ "In Garbutt et al. 2010, about three in four ...": the sentence with its study named,
    unless it names it already (its first letter in lower case unless its first word is a name,
    capitalised inside the record's sentences too)."""
    if _names(sentence, record):
        return sentence
    it = _IT.match(sentence)
    if it:  # "It excluded ...": the study is the sentence's subject
        return f"{study_name(record)} {sentence[it.end() :]}"
    word = re.match(r"\w+", sentence)
    if word is None or word.group(0)[1:2].isupper():
        return f"In {study_name(record)}, {sentence}"
    inside = re.compile(rf"[\w,;] {re.escape(word.group(0))}\b")
    if any(inside.search(s) for _, _, s, _ in whole_sentences(store, record)):
        return f"In {study_name(record)}, {sentence}"
    return f"In {study_name(record)}, {sentence[:1].lower()}{sentence[1:]}"
