"""Answers composed from the studies' structured fields: "does it work?", "which trials were
negative?", "do high doses work better?" and "what did trial X find?".

Every study record carries its primary outcome, its result on it (benefit, no benefit, mixed),
the key figures, the comparator, country, dose and size (``corpus/README.md``). The bottom line
is built from those fields, the way a reviewer counts studies: the pooled evidence first, then
how many placebo-controlled trials found a benefit, then a table with one row per study. Each
statement is cited to the study's own record, quoting the record's sentence that states the
result (the composed sentence never carries a figure the record does not state: ``key_result``'s
figures are checked against the record text by ``tests/test_corpus.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.answer import Context, EvidenceRow, Plan
from assistant.answering.compose.extractive import (
    Citations,
    Composition,
    Evidence,
    ExtractiveComposer,
    numbers_of,
)
from assistant.answering.compose.lead import STUDIED
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import NUMBER_WORDS, POOLED_EVIDENCE, ROUTE_SYNTHESIS, SUBSTANCE_LABELS

_SUBSTANCE_PHRASE = {
    "alcohol": "alcohol use disorder",
    "opioids": "opioid use",
    "cocaine": "cocaine use",
    "methamphetamine": "methamphetamine use",
    "nicotine": "smoking",
    "ghb": "GHB dependence",
    "cannabis": "cannabis use",
}
RESULT_PHRASE = {
    "benefit": "found a benefit",
    "no-benefit": "found no benefit over placebo",
    "mixed": "found mixed results",
    "harm": "found harm",
}
# Trials of alcohol *withdrawal* or of agitation in intensive care answer other questions than
# "does it help people drink less".
_WITHDRAWAL_OUTCOME = re.compile(r"withdrawal|ciwa|agitation", re.I)


# Outcomes, populations and question shapes the pooled efficacy answer does not address: such a
# question ("did it relieve anxiety?", "which scales measure craving?", "in liver disease?") is
# answered from the passages that discuss it instead.
_SPECIFIC = re.compile(
    r"\b(?:anxi\w*|depress\w*|mood|sleep\w*|insomnia|liver|cirrho\w*|hepat\w*|scales?|measur\w*"
    r"|questionnaires?|women|men|sex|gender|older|elderly|young|adolescen\w*|veterans?"
    r"|quality of life|dropouts?|adherence|side.?effects?|safe\w*|tolerat\w*|costs?"
    r"|only|already|both|after detox\w*|detoxed|mechanism|how does|why"
    r"|number needed|nnt|benefit(?:s)? most|who benefits|psychotherap\w*|psychosocial|counsel\w*"
    r"|therapy|stopping rule|when to stop|relative risk|odds ratio|effect size|how soon|how quickly"
    r"|how fast|kicks? in|(?:standard|usual) (?:treatment|care)|(?:normally|usually) (?:give|used))\b",
    re.I,
)
_NOT_CONDITIONS = ("cns_depressants", "abrupt_discontinuation")


def is_general_efficacy(plan: Plan) -> bool:
    """Whether a question asks plainly whether (or how well) baclofen works for a substance:
    the questions the pooled answer with its evidence table is for."""
    text = plan.english or plan.question
    conditions = [c for c in plan.entities.conditions if c not in _NOT_CONDITIONS]
    return not (
        conditions
        or len(plan.entities.substances) > 1
        or _SPECIFIC.search(text)
        or re.match(r"\s*(?:which|who|when|where)\b", text, re.I)
    )


def substance_phrase(substance: str | None) -> str:
    return _SUBSTANCE_PHRASE.get(
        substance or "", SUBSTANCE_LABELS.get(substance or "", "addiction")
    )


def study_name(r: RecordInfo) -> str:
    """ "ALPADIR (Reynaud et al. 2017)", "Garbutt et al. 2010", "the 2023 Cochrane review"."""
    if r.trial_names and r.short_cite:
        return f"{r.trial_names[0]} ({r.short_cite})"
    if "cochrane" in f"{r.title} {r.journal or ''}".lower() and r.year:
        return f"the {r.year} Cochrane review"
    if r.short_cite:
        return r.short_cite
    if r.evidence in POOLED_EVIDENCE and r.year:
        kind = "meta-analysis" if r.evidence == "meta-analysis" else "systematic review"
        return f"a {r.year} {kind}" + (f" ({r.journal})" if r.journal else "")
    return r.display_name


def dose_phrase(r: RecordInfo) -> str:
    if not r.max_dose_mg:
        return ""
    dose = f"{r.max_dose_mg:g} mg/day"
    titrated = re.search(r"up to|titrat|target|individual|flexible", r.dose_text or "", re.I)
    return f"up to {dose}" if titrated else dose


def describe(r: RecordInfo) -> str:
    """ "France, 320 people, up to 180 mg/day" (the parts the record states)."""
    parts = []
    if r.country and r.country != "international":
        parts.append(r.country)
    if r.evidence in POOLED_EVIDENCE:
        if r.studies_pooled:
            parts.append(f"{r.studies_pooled} trials")
        if r.n:
            parts.append(f"{r.n:,} people")
    elif r.n:
        parts.append("1 person" if r.n == 1 else f"{r.n:,} people")
    if r.evidence in ("rct", "cohort") and (d := dose_phrase(r)):
        parts.append(d)
    return ", ".join(parts)


# --------------------------------------------------------------------------- quotes


_RESULT_WORDS = re.compile(
    r"\b(?:did not|no (?:significant )?difference|not significant|(?:lower|higher|more|less|fewer)\b.*\bthan|"
    r"reduced|lowered|improved|increased|fell|rose|beat|suppress|versus|against|compared)",
    re.I,
)


def result_quote(
    store: object, r: RecordInfo, claim: str | None = None, describes: bool = False
) -> tuple[Context, str, int] | None:
    """The record's own sentence that best states ``claim`` (default: its key result): most
    shared figures, then most shared words, the Summary first on ties. A claim that ``describes``
    the study (its setting, its population) gets the sentence sharing most of its rarer words and
    its figures, with no preference for one giving a result."""
    claim = claim or r.key_result or r.primary_outcome or r.title
    want_nums = numbers_of(claim)
    want, idf = set(tokenize(claim)), store.idf if describes else None  # type: ignore[attr-defined]
    best: tuple[float, int, int, int] | None = None
    for pos in store.record_positions(r.id):  # type: ignore[attr-defined]
        text = store.texts[pos]  # type: ignore[attr-defined]
        section = store.metas[pos].section.lower()  # type: ignore[attr-defined]
        for s, e in store.sentences[pos]:  # type: ignore[attr-defined]
            sent = text[s:e]
            if sent.startswith(("- ", "* ")):
                s += 2
                sent = sent[2:]
            if len(sent) < 25:
                continue
            nums = numbers_of(sent)
            toks = set(tokenize(sent))
            if describes:
                val = sum(map(idf, want & toks)) + 6.0 * len(want_nums & nums)
            else:
                val = 0.6 * len(want_nums & nums) + 2.0 * len(want & toks) / max(1, len(want))
                val += 0.8 if _RESULT_WORDS.search(sent) else 0
                val += 0.3 if section.startswith("summary") else 0
                val += 0.2 if section.startswith(("outcome", "finding", "result")) else 0
            if best is None or val > best[0]:
                best = (val, pos, s, e)
    if best is None:
        return None
    _, pos, s, e = best
    ctx = store.context(pos)  # type: ignore[attr-defined]
    return ctx, ctx.text[s:e], s


# --------------------------------------------------------------------------- study sets


def placebo_trials(
    catalog: Sequence[RecordInfo], substance: str | None, withdrawal: bool = False
) -> list[RecordInfo]:
    """Placebo-controlled trials with a stated result, one per sample (secondary analyses of the
    same sample are not counted twice)."""
    out = [
        r
        for r in catalog
        if r.evidence == "rct"
        and r.comparator == "placebo"
        and r.result in RESULT_PHRASE
        and not r.user
        and (substance is None or substance in r.substances)
        and bool(_WITHDRAWAL_OUTCOME.search(r.primary_outcome or "")) == withdrawal
    ]
    return _one_per_sample(out)


def pooled_studies(
    catalog: Sequence[RecordInfo], substance: str | None, withdrawal: bool = False
) -> list[RecordInfo]:
    """Meta-analyses and systematic reviews with a stated result, newest first (Cochrane first
    among equals)."""
    out = [
        r
        for r in catalog
        if r.evidence in POOLED_EVIDENCE
        and r.result in ("benefit", "no-benefit", "mixed")
        and not r.user
        and (substance is None or substance in r.substances)
        and bool(_WITHDRAWAL_OUTCOME.search(f"{r.primary_outcome or ''} {r.title}")) == withdrawal
    ]
    return sorted(out, key=lambda r: (-(r.year or 0), "cochrane" not in r.title.lower(), r.id))


def _one_per_sample(records: list[RecordInfo]) -> list[RecordInfo]:
    keep: dict[str, RecordInfo] = {r.id: r for r in records}
    for r in records:
        for other in r.same_sample_as:
            if other in keep and r.id in keep:
                a, b = keep[r.id], keep[other]
                drop = b if (a.n or 0, -(a.year or 0)) >= (b.n or 0, -(b.year or 0)) else a
                keep.pop(drop.id, None)
    return sorted(keep.values(), key=lambda r: (r.year or 0, r.id))


def table_row(r: RecordInfo, n: int) -> EvidenceRow:
    if r.evidence in POOLED_EVIDENCE:
        design = f"{'meta-analysis' if r.evidence == 'meta-analysis' else 'systematic review'}"
        design += f" ({r.studies_pooled} trials)" if r.studies_pooled else ""
    else:
        design = f"RCT vs {r.comparator}" if r.comparator in ("placebo", "active") else "study"
    return EvidenceRow(
        source_id=r.id, study=study_name(r), year=r.year, design=design, n=r.n,
        dose=dose_phrase(r), primary_outcome=r.primary_outcome or "", result=r.result or "",
        key_result=r.key_result or "", n_cite=n,
    )  # fmt: skip


# --------------------------------------------------------------------------- efficacy


def efficacy(ev: Evidence) -> Composition | None:
    """ "Does baclofen work for X?": the pooled evidence, the count of placebo-controlled trials
    by result, and a table. ``None`` when the library holds no structured study to count."""
    plan, store = ev.plan, ev.store
    catalog = store.catalog()
    substance = plan.substance or "alcohol"
    withdrawal = "withdrawal_treatment" in plan.aspects
    trials = placebo_trials(catalog, substance, withdrawal)
    pooled = pooled_studies(catalog, substance, withdrawal)
    if not trials and not pooled:
        return _against_treatments(ev, substance, withdrawal)
    if "craving" in plan.aspects:
        return _craving(ev, substance, trials, pooled)
    if "dose" in plan.aspects:
        return _dose(ev, substance, trials, pooled)
    cites = Citations()
    table: list[EvidenceRow] = []
    lines: list[str] = []
    counts = {k: sum(r.result == k for r in trials) for k in ("benefit", "no-benefit", "mixed")}
    # "has it been tested for X?" is answered "Yes" (it has), then what the tests found
    studied = bool(STUDIED.match(plan.english or plan.question))
    topic = substance_phrase(substance)
    if withdrawal:
        topic = f"{SUBSTANCE_LABELS.get(substance, substance).lower().removesuffix('s')} withdrawal"
    lead = pooled[0] if pooled else None
    if lead is not None:
        n = cite_study(cites, store, lead)
        verdict = {"benefit": "Yes", "mixed": "Modestly", "no-benefit": "No"}[
            lead.result or "mixed"
        ]
        head = f"{'Yes' if studied else verdict}, for {topic}"
        asked = _outcome_verdict(plan.english or plan.question, lead.key_result or "")
        if asked is not None:  # "does it increase abstinent days?": that outcome's verdict
            head = f"{asked[0]}, on {asked[1]} in {topic}"
        size = describe(lead)
        lines.append(
            f"{head}: {with_details(study_name(lead), size)} found {lower(lead.key_result)} [{n}]."
        )
    if trials:
        total = len(trials)
        num = count if total < 10 else str  # one style of number in a sentence
        marks = {k: _marks(cites, store, [r for r in trials if r.result == k]) for k in counts}
        parts = [
            f"{num(counts['benefit'])} found a benefit on the primary outcome{marks['benefit']}"
        ]
        if counts["no-benefit"]:
            parts.append(f"{num(counts['no-benefit'])} found none{marks['no-benefit']}")
        if counts["mixed"]:
            parts.append(f"{num(counts['mixed'])} had mixed results{marks['mixed']}")
        said = join(parts)
        if lead is None and total <= 3:
            # Few trials: each named with what it found, in the bottom line itself.
            verdict = (
                ("Possibly" if total == 1 else "Yes") if counts["benefit"] == total
                else "No" if counts["benefit"] == 0 and not counts["mixed"]
                else "The evidence is mixed"
            )  # fmt: skip
            comma = "," if total == 1 else ""
            found = [
                f"{study_name(r)}{comma} found {lower(r.key_result)} [{cite_study(cites, store, r)}]"
                for r in trials
            ]
            head = (
                f"the only placebo-controlled trial of baclofen for {topic}"
                if total == 1
                else f"in {count(total)} placebo-controlled trials of baclofen for {topic}"
            )
            lines.append(f"{'Yes' if studied else verdict}: {head}, " + join(found) + ".")
        elif lead is None:
            verdict = (
                "Yes" if counts["benefit"] == total
                else "No" if counts["benefit"] == 0 and not counts["mixed"]
                else "The evidence is mixed"
            )  # fmt: skip
            lines.append(
                f"{'Yes' if studied else verdict}: of {count(total)} placebo-controlled trials "
                f"of baclofen for {topic}, {said}."
            )
        else:
            lines.append(
                f"- Placebo-controlled trials disagree: of {num(total)}, {said}."
                if counts["benefit"] and counts["no-benefit"]
                else f"- Of {num(total)} placebo-controlled trials, {said}."
            )
    for other in pooled[1:3]:
        n = cite_study(cites, store, other)
        lines.append(f"- {study_name(other)} found {lower(other.key_result)} [{n}].")
    for r in [*pooled, *trials]:
        table.append(table_row(r, cite_study(cites, store, r)))
    return Composition("\n".join(lines), False, cites.items, ROUTE_SYNTHESIS, table)


# Outcomes a question may ask about, as questions and pooled results word them.
_OUTCOMES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.I))
    for name, rx in (
        ("heavy drinking", r"heavy drinking"),
        ("abstinent days", r"(?:percentage of )?days? abstinent|abstinent days|days without drink"),
        ("relapse", r"relaps\w*|return(?:ing)? to (?:any )?drinking"),
        ("drinks per drinking day", r"drinks? per drinking day|number of drinks"),
    )
)
_NULL_CLAUSE = re.compile(
    r"\bno (?:significant |clear )?(?:effect|difference)|not significant|did not", re.I
)


def _outcome_verdict(question: str, key_result: str) -> tuple[str, str] | None:
    """For a question about one outcome, the pooled result's verdict on it ("Not clearly" when the
    clause about it reports no significant effect), or None."""
    asked = [(name, rx) for name, rx in _OUTCOMES if rx.search(question)]
    if len(asked) != 1:
        return None
    name, rx = asked[0]
    for clause in re.split(r"[;,]|\bbut\b|\band\b", key_result):
        if rx.search(clause):
            return ("Not clearly", name) if _NULL_CLAUSE.search(clause) else ("Yes, modestly", name)
    return None


def _against_treatments(ev: Evidence, substance: str, withdrawal: bool) -> Composition | None:
    """Efficacy when the only randomised trials compared baclofen with another treatment."""
    store = ev.store
    trials = [
        r
        for r in store.catalog()
        if r.evidence == "rct" and r.comparator == "active" and not r.user
        and substance in r.substances and r.key_result
        and bool(_WITHDRAWAL_OUTCOME.search(r.primary_outcome or "")) == withdrawal
    ]  # fmt: skip
    if not trials:
        return _observational_only(ev, substance, withdrawal)
    cites = Citations()
    topic = substance_phrase(substance)
    if withdrawal:
        topic = f"{SUBSTANCE_LABELS.get(substance, substance).lower().removesuffix('s')} withdrawal"
    k = len(trials)
    lines = [
        f"Only against other treatments: {count(k)} randomised trial{'s' if k > 1 else ''} of "
        f"baclofen for {topic} compared it with another medicine, not with placebo; "
        f"{study_name(trials[0])} found {lower(trials[0].key_result)} [{cite_study(cites, store, trials[0])}]."
    ]
    for r in trials[1:3]:
        lines.append(
            f"- {with_details(study_name(r), describe(r))} found {lower(r.key_result)} [{cite_study(cites, store, r)}]."
        )
    table = [table_row(r, cite_study(cites, store, r)) for r in trials]
    return Composition("\n".join(lines), False, cites.items, ROUTE_SYNTHESIS, table)


def _observational_only(ev: Evidence, substance: str, withdrawal: bool) -> Composition | None:
    """Efficacy when no randomised trial exists, only observational studies with a result: said
    first, with what those studies reported."""
    store = ev.store
    studies = [
        r
        for r in store.catalog()
        if r.evidence == "cohort" and not r.user and substance in r.substances and r.key_result
        and r.result in ("benefit", "no-benefit", "mixed")
        and bool(_WITHDRAWAL_OUTCOME.search(r.primary_outcome or "")) == withdrawal
    ]  # fmt: skip
    if not studies:
        return None
    studies.sort(key=lambda r: -(r.n or 0))
    cites = Citations()
    lead = studies[0]
    k = len(studies)
    kind = "an observational study" if k == 1 else f"{count(k)} observational studies"
    lines = [
        f"Not established: no randomised trial has tested baclofen for {substance_phrase(substance)}, "
        f"only {kind}; {with_details(study_name(lead), describe(lead))} reported "
        f"{lower(lead.key_result)} [{cite_study(cites, store, lead)}]."
    ]
    for r in studies[1:3]:
        lines.append(
            f"- {with_details(study_name(r), describe(r))} reported {lower(r.key_result)} "
            f"[{cite_study(cites, store, r)}]."
        )
    return Composition("\n".join(lines), False, cites.items, ROUTE_SYNTHESIS)


def _craving(
    ev: Evidence, substance: str, trials: list[RecordInfo], pooled: list[RecordInfo]
) -> Composition:
    store = ev.store
    cites = Citations()
    measured = [r for r in trials if r.craving_result]
    pooled_c = [r for r in pooled if r.craving_result]
    fewer = [r for r in measured if r.craving_result == "benefit"]
    lines: list[str] = []
    topic = substance_phrase(substance)
    pooled_part = ""
    if pooled_c:
        lead = pooled_c[0]
        n = cite_study(cites, store, lead, claim="craving")
        found = (
            "less craving on baclofen" if lead.craving_result == "benefit" else "no clear effect"
        )
        pooled_part = f"{study_name(lead)}, pooling trials, found {found} [{n}]"
    if measured:
        names = ", ".join(
            f"{study_name(r)} [{cite_study(cites, store, r, claim='craving')}]" for r in fewer
        )
        num = count if len(measured) < 10 else str
        verdict = (
            "Yes" if len(fewer) == len(measured) and not (pooled_c and lead.craving_result != "benefit")
            else "No" if not fewer and not (pooled_c and lead.craving_result == "benefit")
            else "The evidence is mixed"
        )  # fmt: skip
        if len(measured) == 1:  # "the only trial ... found", never "zero of one trials"
            only = measured[0]
            n1 = cite_study(cites, store, only, claim="craving")
            found = "less craving on baclofen" if fewer else "no reduction in craving on baclofen"
            counted = (
                f"the only placebo-controlled trial in {topic} that measured craving, "
                f"{study_name(only)}, found {found} [{n1}]"
            )
        elif not fewer:
            counted = (
                f"none of the {num(len(measured))} placebo-controlled trials in {topic} that "
                f"measured craving found less craving on baclofen"
            )
        else:
            counted = (
                f"{num(len(fewer))} of {num(len(measured))} placebo-controlled trials in {topic} "
                f"that measured craving found less craving on baclofen ({names})"
            )
        head = f"{verdict}: {counted}" + (f", while {pooled_part}" if pooled_part else "") + "."
        lines.append(head)
    elif pooled_part:
        verdict = "Yes" if lead.craving_result == "benefit" else "Not clearly"
        lines.append(f"{verdict}: {pooled_part}.")
    if not lines:
        return efficacy(
            replace(
                ev, plan=replace(ev.plan, aspects=[a for a in ev.plan.aspects if a != "craving"])
            )
        ) or Composition("", True)
    table = [
        table_row(r, cite_study(cites, store, r, claim="craving")) for r in [*pooled_c, *measured]
    ]
    for row in table:
        row.primary_outcome = "craving"
        row.result = (
            next(r.craving_result for r in [*pooled_c, *measured] if r.id == row.source_id) or ""
        )
    return Composition("\n".join(lines), False, cites.items, ROUTE_SYNTHESIS, table)


def _dose(
    ev: Evidence, substance: str, trials: list[RecordInfo], pooled: list[RecordInfo]
) -> Composition:
    store = ev.store
    cites = Citations()
    high = [r for r in trials if (r.max_dose_mg or 0) >= 90]
    low = [r for r in trials if r.max_dose_mg and r.max_dose_mg <= 60]
    hb = [r for r in high if r.result == "benefit"]
    lb = [r for r in low if r.result == "benefit"]
    lines = []
    if high:

        def names(rs: list[RecordInfo]) -> str:
            return ", ".join(f"{study_name(r)} [{cite_study(cites, store, r)}]" for r in rs)

        verdict = "Not clearly" if len(hb) * 2 <= len(high) + 1 else "Possibly"
        first = (
            f"{verdict}: of {len(high)} placebo-controlled trials that allowed 90 mg/day or more, "
            f"{len(hb)} found a benefit ({names(hb)})" if hb else
            f"No: none of {len(high)} placebo-controlled trials that allowed 90 mg/day or more "
            "found a benefit"
        )  # fmt: skip
        rest = [r for r in high if r not in hb]
        if rest and hb:
            first += f" and {len(rest)} did not ({names(rest)})"
        lines.append(first + ".")
        if low:
            lines.append(
                f"- At 30-60 mg/day, {len(lb)} of {len(low)} placebo-controlled trials found a benefit."
            )
    # what pooled analyses and trials say about dose, in their own words
    extra = ExtractiveComposer(max_sentences=2)
    dose_ev = replace(ev, plan=replace(ev.plan, intent="dosing"))
    picked = [
        s
        for s in extra.select(dose_ev)
        if re.search(r"\bdose|\bmg\b|high(?:er)?", s.text, re.I)
        and not s.text.startswith(tuple(lines))
    ][:2]
    if not lines and not picked:
        return efficacy(replace(ev, plan=replace(ev.plan, aspects=[]))) or Composition("", True)
    for s in picked:
        n = cites.add(ev.contexts[s.ctx], s.text, s.start)
        lines.append(f"- {s.text} [{n}]" if lines else f"{s.text} [{n}]")
    table = [
        table_row(r, cite_study(cites, store, r))
        for r in sorted(high + low, key=lambda r: -(r.max_dose_mg or 0))
    ]
    return Composition("\n".join(lines), False, cites.items, ROUTE_SYNTHESIS, table)


def with_details(name: str, details: str) -> str:
    """ "ALPADIR (Reynaud et al. 2017; France, 320 people)" (one pair of brackets)."""
    if not details:
        return name
    if name.endswith(")"):
        return f"{name[:-1]}; {details})"
    return f"{name} ({details})"


# --------------------------------------------------------------------------- helpers


CRAVING_CLAIM = (
    "craving scores craving OCDS obsessive compulsive drinking scale urge desire reduced lower"
)


def cite_study(cites: Citations, store: object, r: RecordInfo, claim: str | None = None) -> int:
    if claim == "craving":
        claim = CRAVING_CLAIM
    found = result_quote(store, r, claim)
    if found is None:
        return 0
    ctx, quote, start = found
    n = cites.add(ctx, quote, start)
    # the figures the answer states from the record's fields, all in the quote shown: a
    # neighbouring sentence of the same passage that carries the missing ones joins the quote
    missing = numbers_of(claim or r.key_result or "") - numbers_of(quote)
    pos = store.position.get(ctx.chunk_id)  # type: ignore[attr-defined]
    if missing and pos is not None:
        text = store.texts[pos]  # type: ignore[attr-defined]
        for s, e in store.sentences[pos]:  # type: ignore[attr-defined]
            if numbers_of(text[s:e]) & missing and abs(s - start) < 700:
                cites.add(ctx, text[s:e], s)
                missing -= numbers_of(text[s:e])
            if not missing:
                break
    return n


def _marks(cites: Citations, store: object, records: list[RecordInfo], most: int = 6) -> str:
    """Citation markers for a group of studies (" [1][4]"); a long group cites its first ``most``
    and leaves the rest to the evidence table."""
    ns = [n for n in (cite_study(cites, store, r) for r in records[:most]) if n]
    return " " + "".join(f"[{n}]" for n in dict.fromkeys(ns)) if ns else ""


def lower(text: str | None) -> str:
    text = (text or "").strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


_WORDS = NUMBER_WORDS[:13]  # counts up to twelve in words


def count(n: int) -> str:
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)
