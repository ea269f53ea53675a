"""One fact of a named study from its structured fields, with the record's own sentence cited:
its size, the trials it pooled, its control, its blinding, its length, who ran it and where, its
setting, who it enrolled, its primary outcome and its dose ("was ALPADIR double-blind?",
"how many people were in it?"). Used by :mod:`assistant.answering.routes.study`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answering.check.contrasts import digits
from assistant.answering.compose.extractive import Citations, Composition, Evidence, numbers_of
from assistant.answering.question.entities import find_other_medicines
from assistant.answering.routes.asked_details import (
    cited_sentence,
    cited_sentences,
    outcome_size,
    sentence_says,
)
from assistant.answering.routes.study_asks import (
    ASKS_ARMS,
    ASKS_BLIND,
    ASKS_COMPARED,
    ASKS_CONTROL,
    ASKS_CRITERIA,
    ASKS_DOSE,
    ASKS_DURATION,
    ASKS_EACH_ARM,
    ASKS_FINDING,
    ASKS_FOLLOW_UP,
    ASKS_FUNDER,
    ASKS_JOURNAL,
    ASKS_KNEW,
    ASKS_PERIOD,
    ASKS_PHASE,
    ASKS_POOLED,
    ASKS_PRIMARY,
    ASKS_RANDOMISED,
    ASKS_REANALYSIS,
    ASKS_REGISTRY,
    ASKS_SECONDARY,
    ASKS_SETTING,
    ASKS_SEVERAL_DOSES,
    ASKS_SEX,
    ASKS_SIZE,
    ASKS_SOURCE,
    ASKS_STATISTIC,
    ASKS_TIME_TO_DOSE,
    ASKS_WHO,
    ASKS_WHO_ENROLLED,
    BLIND_DESCRIBED,
    NOT_ARM_SIZES,
    PLAIN_SIZE,
    SAYS_SECONDARY,
    TOOK_TO_DOSE,
    asks_comparator_dose,
    study_length,
)
from assistant.answering.routes.synthesis import lower, result_quote, study_name, substance_phrase
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import POOLED_EVIDENCE, ROUTE_TRIAL

# what a sentence must say to carry an answer on blinding or on the comparison
_SAYS_BLINDING = re.compile(
    r"\bblind\w*|\bopen.?label\b|\bmasked\b|\bopen (?:pilot|study|trial)\b", re.I
)
_SAYS_CONTROL = re.compile(
    r"\bplacebo\b|\bcompar\w*|\bversus\b|\bcontrol\w*|\bagainst\b|\buncontrolled\b", re.I
)
# "84 were randomised: 42 to baclofen and 42 to placebo", "35 to baclofen and 35 to placebo"
_ARM = r"\b\d[\d,]* (?:(?:were )?(?:assigned|allocated|randomi[sz]ed) )?(?:to|on|received|took)\b"
_ARM_SPLIT = re.compile(rf"{_ARM}[^.;]*?{_ARM}", re.I)
_EQUAL_ARMS = re.compile(
    r"\bequal (?:groups|arms)\b|\b(?:groups|arms) of \d+|\b\d+ (?:per|in each|each) (?:arm|group)",
    re.I,
)
# what a design says of randomisation, first match wins
_NOT_RANDOMISED = re.compile(
    r"\bnon-?randomi[sz]ed\b|\buncontrolled\b|\bretrospective\b|\bcohort\b|\bcase report\b"
    r"|\bcase series\b|\bregister\b|\bsurvey\b|\bobservational\b|\bself-case\b|\bseries\b",
    re.I,
)
_RANDOMISED = re.compile(r"(?<!non-)(?<!non )\brandomi[sz]\w*", re.I)
_SEX_COUNT = re.compile(r"(\d[\d.,]*)(%?) (women|females?|men|males?)\b", re.I)
_CRITERIA = re.compile(r"\b(?:DSM|ICD)[-\w]*")
_FOLLOW_UP = re.compile(
    r"\b([\w-]+)[- ](weeks?|months?)(?: of)? follow.?up\b|\bfollow.?up (at [^,;]+)", re.I
)
_REANALYSIS = re.compile(
    r"\b(?:secondary|post.?hoc|pooled|sub-?group) analysis\b|\bre-?analysis\b", re.I
)
_SOURCE = re.compile(
    r"\b(?:identified|recruited|drawn|taken|obtained|selected|enrolled|collected) (?:\w+ ){0,3}?"
    r"(?:from|at|through|via)\b|\bdatabase\b|\bregist(?:er|ry)\b|\breported to\b",
    re.I,
)
_DOSE_ARMS = re.compile(
    r"\d+ ?mg(?:/day)?\)? (?:or|and) (?:\w+ ){0,5}?\d+ ?mg|\d+, \d+ and \d+ ?mg"
    r"|\bhigh dose\b.*\blow dose\b",
    re.I,
)
_DOSE_VARIES = re.compile(
    r"\bup to\b|\btitrat\w*|\bmaximum\b|\braised\b|\bvaried\b|\bacross\b|\brange\b"
    r"|\d-\d|\bto \d|\bnot (?:stated|given|applicable)\b|\bsingle doses\b",
    re.I,
)


# an outcome the question proposes as the main one ("the craving scores, was that the main
# thing it was built to measure?", "was abstinence the primary outcome?")
_PROPOSED_OUTCOME = re.compile(
    r"^(?:(?P<what>[^,?]{3,60}),\s*)?(?:was|were|is) (?:that|this|it|(?P<what2>[\w -]{3,40}?))"
    r" (?:the|its|their) (?:main|primary)\b",
    re.I,
)
_OUTCOME_FILLER = frozenset(
    tokenize("the better lower higher bigger score scores result results that this")
)


_DATES_SPAN = re.compile(
    r"\b(?:19|20)\d\d\b[^.;]{0,40}?\b(?:to|and|until|through|-)\s+(?:\w+ )?(?:19|20)\d\d\b"
)
_REGISTRY_STATUS = re.compile(
    r"\bregist\w*\b[^.;]*\b(?:completed|terminated|withdrawn|stopped)\b", re.I
)


def study_fact(ev: Evidence, record: RecordInfo) -> Composition | None:
    """A question about one fact of a named study, answered from its structured fields with the
    record's own sentence cited: its size, the trials it pooled, its control, its dose."""
    q = ev.plan.english or ev.plan.question
    store = ev.store
    name = study_name(record)
    if not (record.short_cite or record.trial_names) and record.year:
        name = f"the {record.year} study"  # not its title inside a sentence
    cites = Citations()
    first = fallback = says = None
    plain = False  # the claim is descriptive text (a setting, a population), not a result
    pooled = record.evidence in POOLED_EVIDENCE
    if ASKS_STATISTIC.search(q):
        return None  # a statistic asked by name is in the study's sentences, not its fields
    if (
        not pooled
        and ASKS_ARMS.search(q)
        and not ASKS_DOSE.search(q)
        and not NOT_ARM_SIZES.search(q)
    ):
        # "how many on baclofen and how many on placebo?": the study's sentence giving both (the
        # size alone does not answer how the people were split)
        split = cited_sentence(ev, record, _ARM_SPLIT) or cited_sentence(ev, record, _EQUAL_ARMS)
        if split is not None:
            return split
        total = str(record.n or "")
        if total and record.evidence == "rct" and ASKS_EACH_ARM.search(q):
            first = (
                f"Not reported: {name} gives no numbers per arm, only {total} participants in all"
            )
            said = cited_sentence(ev, record, re.compile(rf"\b{total}\b"), first)
            if said is not None:
                return said
    if ASKS_TIME_TO_DOSE.search(q) and (said := cited_sentence(ev, record, TOOK_TO_DOSE)):
        return said  # "how long did it take him to get up to that dose?"
    if ASKS_PERIOD.search(q):
        # "over what period was it carried out?": the study's own sentence giving its dates
        said = cited_sentence(ev, record, _DATES_SPAN)
        if said is not None:
            return said
    if ASKS_REGISTRY.search(q) and not pooled:
        # "under what number was it registered?", "listed in the registry as terminated?"
        status = re.search(
            r"\b(?:completed|terminated|stopped|finished|ongoing|withdrawn)\b", q, re.I
        )
        said = cited_sentence(ev, record, _REGISTRY_STATUS) if status else None
        said = said or cited_sentence(ev, record, re.compile(r"\bNCT\d+|\bregistered as\b"))
        if said is not None and re.match(r"(?:It|The trial|The study) ", said.answer):
            said = replace(said, answer=re.sub(r"^\w+(?: trial| study)? ", f"{name} ", said.answer))
        return said  # ("It was registered as ...": the study named)
    if ASKS_JOURNAL.search(q) and record.journal and not record.user:
        return _journal_answer(ev, record, name)
    if ASKS_RANDOMISED.search(q) and record.design and not pooled:
        return _randomised_answer(ev, record, name)
    sized = ASKS_POOLED.search(q) or ((PLAIN_SIZE.search(q) or ASKS_SIZE.search(q)) and record.n)
    earlier = {y for y in re.findall(r"\b(?:19|20)\d\d\b", q) if y != str(record.year)}
    if pooled and sized and earlier:  # "the first version, of 2011": that version's own sentence
        said = cited_sentence(
            ev, record, re.compile(rf"\b(?:{'|'.join(earlier)})\b.*\d+ (?:stud|tri)")
        )
        if said is not None:
            return said
    if pooled and sized and (said := outcome_size(ev, record)):
        return said  # "on how many patients was its abstinence estimate based?"
    if pooled and record.studies_pooled and sized:
        people = f" with {record.n:,} participants" if record.n else ""
        claim = f"{record.studies_pooled} trials {record.n or ''} participants"
        topic = substance_phrase(record.substances[0]) if record.substances else "addiction"
        if re.search(r"withdrawal", f"{record.primary_outcome} {record.title}", re.I):
            topic = f"{record.substances[0] if record.substances else 'alcohol'} withdrawal"
        # (a network meta-analysis pooled trials of many medicines, not of baclofen alone)
        many = re.search(
            r"\bnetwork\b|\b(?:medicines|medications|pharmacotherapies|drugs)\b",
            f"{record.title} {record.design or ''} {record.population or ''}",
            re.I,
        )
        what = "medicines" if many else "baclofen"
        first = f"{name} pooled {record.studies_pooled} trials{people} of {what} for {topic}"
    elif (
        record.n
        and not pooled
        and (ASKS_SIZE.search(q) or PLAIN_SIZE.search(q))
        and not ASKS_DOSE.search(q)
        # "how many were in the group who never took it?", "how many were given baclofen?": one
        # group, not the study
        and not re.search(
            r"\bthe (?:[\w-]+ ){0,2}(?:group|arm|cohort)\b|\b(?:given|on|took|taking|received"
            r"|receiving|assigned to|allocated to) (?:the )?(?:baclofen|placebo|active)\b",
            q,
            re.I,
        )
        # "how many people does the poison centre cover?": the population it serves, not the sample
        and not re.search(r"\bpopulation\b|\binhabitants\b|\bcatchment\b|\bcover(?:s|ed)?\b", q)
        # "how many were screened to end up with their 56?": the size is given, something else asked
        and not re.search(rf"(?<![\d,.]){record.n}(?![\d,.])|{record.n:,}", q)
    ):
        verb = "randomised" if record.evidence == "rct" else "included"
        claim = f"{record.n:,} {record.n} {verb} patients participants people"
        first = f"{name} {verb} {record.n:,} people"
        says = _figure(record.n)  # (also "Eighty-eight people were randomised")
        if record.n == 1:  # a case report: "one patient", not "1 people"
            first = f"{name} described a single patient"
            says = re.compile(
                r"\b(?:one|a single|single|1)\b (?:\w+ )?(?:patient|case|person)", re.I
            )
    elif (
        (
            # ("was it double-blind?" asks it; "in the double-blind pilot study, how ...?" does not)
            ASKS_BLIND.search(
                q if re.match(r"\s*(?:was|were|is)\b", q, re.I) else BLIND_DESCRIBED.sub(" ", q)
            )
            or ASKS_KNEW.search(q)
        )
        and record.design
        and not ASKS_FINDING.search(q)
    ):
        design = record.design
        yes, no = ("No", "Yes") if ASKS_KNEW.search(q) else ("Yes", "No")
        if re.search(r"double.?blind", design, re.I):
            first = f"{yes}: {name} was double-blind"
        elif re.search(r"open.?label|\bopen\b|single.?blind|unblinded", design, re.I):
            kind = "single-blind" if re.search(r"single.?blind", design, re.I) else "open-label"
            first = f"{no}: {name} was {kind}"
        claim = design
        says = _SAYS_BLINDING
        said = result_quote(store, record, "reports no blinding") if first is None else None
        if said and re.search(r"\b(?:no|not)\b[^.]*\bblind(?:ing|ed)\b", said[1], re.I):
            first, claim = f"Not reported: {lower(said[1]).rstrip('.')}", said[1]
    elif (
        ASKS_FOLLOW_UP.search(q)
        # ("..., followed up for a year, did it make any difference?": a result is asked)
        and not re.search(rf"{ASKS_FINDING.pattern}|\bdifference\b|\bwork\w*|\bhelp\w*", q, re.I)
        and not pooled
        and _FOLLOW_UP.search(record.design or "")
    ):
        return _follow_up(ev, record, name)
    elif (
        ASKS_DURATION.search(q)
        and record.duration_weeks
        and not pooled
        # "how long was each dose kept up?": one phase, not the whole study
        and not re.search(r"\b(?:each|every|per)\b|\bjede\w*|\bchaque\b|\bcada\b|\bogni\b", q, re.I)
        and not ASKS_PHASE.search(q)  # ("how long did they stay on their dose?": a phase)
    ):
        length = study_length(record)
        design = record.design or ""
        # (an inpatient study, not one with outpatient and inpatient phases)
        ward = "inpatient" in design and "outpatient" not in design
        verb = "kept people on the ward" if ward else "treated people"
        # the study's own sentence giving that length ("for 30 days", "a 21-day study"), not
        # one sharing its number in another sense ("30 mg/day")
        return _length_answer(ev, record, f"{name} {verb} for {length}", length)
    elif ASKS_WHO.search(q) and (record.author_list or record.country):
        names = [re.escape(a.split()[0]) for a in record.author_list[:2]]
        if len(names) == 2 and re.search(r"\b(?:wrote|written|authored|authors?)\b", q, re.I):
            # "who wrote it up?": the study's sentence naming its authors, all of them
            said = cited_sentence(ev, record, re.compile(rf"\b{names[0]},? (?:and )?{names[1]}\b"))
            if said is not None:
                return said
        country = record.country or ""
        if re.match(r"(?:United|Netherlands|Czech|Philippines)\b", country):
            country = f"the {country}"
        where = f" in {country}" if country else ""
        lead = record.author_list[0].split()[0] if record.author_list else ""
        if lead and re.match(r"\s*who\b", q, re.I):
            kind = {"rct": "trial", "meta-analysis": "meta-analysis"}.get(record.evidence, "study")
            if record.evidence in ("review", "systematic-review"):
                kind = "review"
            verb = "wrote" if kind in ("review", "meta-analysis") else "ran"
            what = f"{record.trial_names[0]} ({record.year})" if record.trial_names else None
            if what and re.search(r"\b(?:study|trial|series|cohort)\b", what, re.I):
                what = f"the {what}"  # ("the Nijmegen pharmacokinetic study", not a name alone)
            first = f"{lead} and colleagues {verb} {what or f'the {record.year} {kind}'}{where}"
        elif record.country:
            first = f"{name} was run{where}"
        claim = " ".join([lead, record.country or "", *record.trial_names[:1]])
        if (
            first
            and record.setting
            and not pooled
            and re.search(r"\bwhere\b|\b(?:city|town)\b", q, re.I)
            and not re.match(r"\s*who\b", q, re.I)
        ):
            # "where was it carried out?": the country, and the kind of place it says
            setting = re.sub(r"\s*\([^)]*\d[^)]*\)", "", record.setting)  # (counts: the quote's)
            first += f"; setting: {lower(setting)}"
            claim = f"{claim} {record.setting}"
            plain = True
    elif ASKS_SETTING.search(q) and record.setting and not pooled:
        claim, plain = record.setting, True
        where = re.sub(r"\s*\([^)]*\)", "", record.setting)  # counts stay with the quote
        first = f"{name}'s setting: {lower(where)}"
    elif ASKS_SOURCE.search(q) and not pooled:
        return cited_sentence(ev, record, _SOURCE)
    elif ASKS_SECONDARY.search(q) and (said := cited_sentence(ev, record, SAYS_SECONDARY)):
        return said
    elif ASKS_SEVERAL_DOSES.search(q) and record.dose_text and not pooled:
        dose = record.dose_text
        claim = dose
        if _DOSE_ARMS.search(dose):
            first = f"Yes: {name} compared {dose}"
        elif not _DOSE_VARIES.search(dose) and len(set(re.findall(r"(\d+) ?mg/day", dose))) == 1:
            first = f"No: {name} used one fixed dose: {dose}"
    elif ASKS_REANALYSIS.search(q) and _REANALYSIS.search(record.design or ""):
        claim = record.design or ""
        first = f"{name} was a {lower(claim)}"
    elif (
        ASKS_SEX.search(q)
        # (who took part, not "did it work differently in women and men?")
        and re.search(
            r"\b(?:includ\w*|enrol\w*|recruit\w*|t[ao]ok part|any|all|only|just|there)\b", q, re.I
        )
        and record.population
        and record.n
        and not pooled
    ):
        first = _sex_answer(q, record, name)
        claim, plain = record.population, True
    elif ASKS_CRITERIA.search(q) and record.population and _CRITERIA.search(record.population):
        claim, plain = record.population, True
        first = f"{name} used {_CRITERIA.search(record.population).group(0)}: it enrolled {lower(record.population)}"
    elif ASKS_WHO_ENROLLED.search(q) and record.population and not pooled:
        claim, plain = record.population, True
        first = f"{name} enrolled {lower(record.population)}"
        if record.n and _figure(record.n).search(record.population):
            says = _figure(record.n)  # (the study's sentence on whom it took, with its count)
    elif ASKS_PRIMARY.search(q) and record.primary_outcome:
        claim = f"{record.primary_outcome} {record.key_result or ''}"
        first = f"{name}'s primary outcome was {lower(record.primary_outcome)}"
        if record.key_result:
            first += f"; result: {lower(record.key_result)}"
        proposed = _PROPOSED_OUTCOME.search(q)  # "the craving scores, was that the main ...?"
        if proposed:
            said = (
                set(tokenize(proposed.group("what") or proposed.group("what2") or ""))
                - _OUTCOME_FILLER
            )
            if said:
                agrees = said & set(tokenize(record.primary_outcome))
                first = f"{'Yes' if agrees else 'No'}: {first}"
        # (the outcome alone when no sentence carries the result's figures)
        fallback = f"{name}'s primary outcome was {lower(record.primary_outcome)}"
    elif (
        ASKS_CONTROL.search(q) or (ASKS_COMPARED.search(q) and record.comparator == "none")
    ) and record.comparator:
        claim = "double-blind placebo-controlled randomised compared"
        # "a placebo (dummy-pill) arm?" asks whether, cited to the sentence on placebo ("had no
        # placebo arm"); "compared with what?" asks what
        asks_what = not re.search(r"\bplacebo\b|\bdummy\b|\bsugar pills?\b|\bfake\b", q, re.I)
        says = _SAYS_CONTROL if asks_what else re.compile(r"\bplacebo\b", re.I)
        other = find_other_medicines(
            f"{record.title} {record.dose_text or ''} {record.design or ''}"
        )
        versus = other[0] if other else "another treatment"
        if record.comparator == "placebo":
            first = f"{name} compared baclofen with placebo"
            first = first if asks_what else f"Yes: {first}"
        elif record.comparator == "active":
            compared = re.compile(r"\bcompared (?:with|to|against)\b|\bcomparison\b", re.I)
            if not other and (said := cited_sentences(ev, record, compared)):
                return said  # (no medicine named: whom the study's own sentences compare)
            first = f"{name} compared baclofen with {versus}"
            first = first if asks_what else f"Not with placebo: {first}"
        elif record.comparator == "none":
            first = f"No: {name} had no control group"
        if other:
            claim = f"{other[0]} compared baclofen"
    elif (ASKS_DOSE.search(q) or asks_comparator_dose(q, record)) and record.dose_text:
        if re.match(r"\s*(?:not applicable|none)\b", record.dose_text, re.I):
            return None  # no dose was given ("not applicable; blood levels reported")
        if not re.search(r"\d", record.dose_text) and re.search(
            r"\bnot (?:visible|stated|recorded|given|available|reported)\b", record.dose_text
        ):
            # the field says the dose is unknown: the study's own sentence saying so, if it has one
            said = re.compile(
                r"\bdoses?\b[^.;]*\bnot (?:given|stated|reported|available|recorded|shown)|\bno\b[^.;]*\bdoses\b",
                re.I,
            )
            own = cited_sentence(ev, record, said)  # (its own sentence, when it says so plainly)
            if own is None or re.search(r"\bnot (?:given|stated|reported|available)\b", own.answer):
                return own  # (else the same sentence, cited for a plain "not reported")
            return replace(own, answer=f"Not reported: the sources on {name} give no doses [1].")
        claim = record.dose_text
        first = f"{name} used {record.dose_text}"
        if re.search(r"ingest|poison|overdos|swallow", record.dose_text, re.I):
            # a poisoning series gave no dose: it recorded what people took (and a field with
            # no amount in it says nothing a sentence of the study would not say better)
            if not re.search(r"\d", record.dose_text):
                return None
            first = f"{name} recorded the amounts taken: {record.dose_text}"
    if first is None:
        return _not_given(ev, record, name, q) if not pooled else None
    found = result_quote(store, record, claim, describes=plain)
    if found is None:
        return None
    ctx, quote, start = found
    if says is not None and not sentence_says(says, quote):
        # "Yes: it was double-blind" cited to a sentence that does not say so: the one that does
        said = cited_sentence(ev, record, says, first[0].upper() + first[1:])
        if said is not None:
            return said
    if not _states_a_figure(first, quote) and fallback:
        first = fallback
        ctx, quote, start = result_quote(store, record, record.primary_outcome) or found
    if not _states_a_figure(first, quote):
        return None  # the record's sentence does not carry the figure: answer from the text
    n = cites.add(ctx, quote, start)
    text = first[0].upper() + first[1:]
    return Composition(f"{text} [{n}].", False, cites.items, ROUTE_TRIAL)


_FUNDING = re.compile(r"\bfund(?:ed|ing|er|ers)\b|\bsponsor\w*|\bgrants?\b", re.I)


def _not_given(ev: Evidence, record: RecordInfo, name: str, q: str) -> Composition | None:
    """ "Was it a big trial?", "which country was it from?", "which journal?" of a study whose
    sources give no size, country or journal: "Not reported", with the study's main sentence cited; None otherwise."""
    if PLAIN_SIZE.search(q) and not record.n:
        missing = "how many people took part"
        noun = r"participants|patients|people|subjects|volunteers|sample size"
    elif re.search(r"\b(?:which|what) country\b", q, re.I) and not record.country:
        missing = "the country it was run in"
        noun = r"country|countries|where"
    elif ASKS_JOURNAL.search(q) and not record.journal and not record.user:
        missing = "the journal it appeared in"
        noun = r"journal"
    elif ASKS_FUNDER.search(q) and not any(
        _FUNDING.search(ev.store.texts[pos]) for pos in ev.store.record_positions(record.id)
    ):
        missing = "who funded it"
        noun = r"fund\w*|sponsor\w*"
    else:
        return None
    verb = "say" if missing.startswith("who") else "give"
    first = f"Not reported: the sources on {name} do not {verb} {missing}"
    # cited to the study's own sentence saying so, where it has one
    said = re.compile(
        rf"\b(?:{noun})\b[^.;]*\b(?:(?:is|was|are|were) not (?:given|reported|stated|recorded)"
        rf"|unknown|not available)\b|\b(?:does|did) not (?:give|report|state)\b[^.;]*\b(?:{noun})\b",
        re.I,
    )
    comp = cited_sentence(ev, record, said, first)
    if comp is not None:
        return comp
    found = result_quote(ev.store, record)
    if found is None:
        return None
    cites = Citations()
    n = cites.add(*found)
    return Composition(f"{first} [{n}].", False, cites.items, ROUTE_TRIAL)


def _states_a_figure(first: str, quote: str) -> bool:
    """Whether ``quote`` states a figure of ``first`` (in figures, or "four" for 4), or ``first``
    has none."""
    figures = numbers_of(first)
    return not figures or bool(figures & (numbers_of(quote) | numbers_of(digits(quote))))


def _figure(n: int) -> re.Pattern[str]:
    """A sentence stating ``n`` ("88", "165,334"; in words once read by :func:`digits`)."""
    return re.compile(rf"(?<![\d,.])(?:{n:,}|{n})(?![\d,]|\.\d)")


def journal_named(journal: str) -> re.Pattern[str]:
    """The journal named in a sentence, whole or abbreviated as in a reference ("Am J
    Psychiatry" finds "the American Journal of Psychiatry")."""
    words = [re.escape(w) for w in re.findall(r"[A-Za-z]+", journal)]
    joint = r"\w*\.?\s+(?:(?:of|the|and|for|&)\s+)*"
    whole = rf"\b{re.escape(journal)}\b"
    if len(words) < 2:  # ("Addiction" spelt out is the word itself)
        return re.compile(whole, re.I)
    return re.compile(rf"{whole}|\b{joint.join(words)}\w*", re.I)


def _journal_answer(ev: Evidence, record: RecordInfo, name: str) -> Composition | None:
    """ "Which journal published it?": the journal, cited to the study's sentence naming it, else
    to its summary (the reference shown with the answer names the journal too)."""
    first = f"{name} was published in {record.journal}"
    number = re.search(r"\bCD\d{6}\b", record.doi or "")  # (a Cochrane review's number)
    if number:
        first += f" as {number.group(0)}"
    if record.year and str(record.year) not in name:
        first += f" in {record.year}"
    comp = cited_sentence(ev, record, journal_named(record.journal), first)
    if comp is None:
        found = result_quote(ev.store, record, None)
        if found is None:
            return None
        cites = Citations()
        n = cites.add(*found)
        comp = Composition(f"{first} [{n}].", False, cites.items, ROUTE_TRIAL)
    return comp


def _randomised_answer(ev: Evidence, record: RecordInfo, name: str) -> Composition | None:
    """ "Was it randomised?": Yes or No from the study's design, cited to its sentence saying so;
    None when the design does not tell."""
    design = record.design or ""
    # the design up to its first figure or bracket ("double-blind, placebo-controlled randomised
    # trial"), which the sentence cited need not repeat
    kind = re.split(r",? (?=\(|\d)|; ", design)[0].rstrip(", ")
    # ("uncontrolled observational cohort over 2 years": not "... cohort over")
    kind = re.sub(
        r"(?: (?:over|for|of|in|with|at|from|during|lasting|after|to|and|a|an|the|by|on|than))+$",
        "",
        kind,
    )
    article = "an" if re.match(r"[aeiou]", kind, re.I) else "a"
    not_random = _NOT_RANDOMISED.search(design)
    if re.search(r"randomi[sz]ation\b[^;]*\bnot\b", design):
        first = f"Not reported: the sources on {name} do not confirm that it was randomised"
        return cited_sentence(ev, record, _RANDOMISED, first)
    if _RANDOMISED.search(design):
        # ("a secondary analysis" of a randomised trial: say of what)
        of = "" if _RANDOMISED.search(kind) else " of a randomised trial"
        first, says = f"Yes: {name} was {article} {kind}{of}", _RANDOMISED
    elif not_random or record.comparator == "none":
        word = not_random.group(0) if not_random else "uncontrolled|open|no control"
        first, says = f"No: {name} was {article} {kind}", re.compile(word, re.I)
    else:
        return None
    comp = cited_sentence(ev, record, says, first)
    found = result_quote(ev.store, record, kind) if comp is None else None
    if found is not None:  # (no sentence uses the design's word: the one describing it most)
        cites = Citations()
        comp = Composition(f"{first} [{cites.add(*found)}].", False, cites.items, ROUTE_TRIAL)
    return comp


def _sex_answer(q: str, record: RecordInfo, name: str) -> str | None:
    """ "Yes" / "No" to "were any women in it?" ("were they all men?") from the counts or shares
    of each sex the population gives; None when it gives none."""
    asked = re.match(r"(?:wom|fem)", ASKS_SEX.search(q).group(1), re.I)  # type: ignore[union-attr]
    only = bool(re.search(r"\b(?:all|only|just|exclusively)\b", q, re.I))
    counts: dict[bool, float] = {}
    for num, pct, word in _SEX_COUNT.findall(record.population or ""):
        women = bool(re.match(r"(?:wom|fem)", word, re.I))
        share = float(num.replace(",", "")) / (100 if pct else record.n or 1)
        counts[women] = share
        counts.setdefault(not women, 1 - share)
    if not counts:
        return None
    # "were they all men?": yes when the other sex is absent; "any women?": when some are there
    answer = counts[not asked] == 0 if only else counts[bool(asked)] > 0
    return f"{'Yes' if answer else 'No'}: {name} enrolled {lower(record.population or '')}"


def _follow_up(ev: Evidence, record: RecordInfo, name: str) -> Composition | None:
    """ "Yes: ... followed people up for 4 weeks after treatment", cited to the study's sentence
    saying so; None when no sentence of it mentions a follow-up."""
    m = _FOLLOW_UP.search(record.design or "")
    if m is None:
        return None
    unit = (m.group(2) or "").rstrip("s")
    when = m.group(3) or f"for {m.group(1)} {unit}{'' if m.group(1) in ('1', 'one') else 's'}"
    polar = re.search(  # ("in the italian trial, did they keep checking on people?": yes or no)
        r"(?:^|[,.:;?]\s*)(?:and |so |but )?(?:did|do|does|was|were|is|are)\b",
        ev.plan.english or "",
        re.I,
    )
    first = f"{'Yes: ' if polar else ''}{name} followed people up {when} after treatment"
    return cited_sentence(ev, record, re.compile(r"follow.?up|followed", re.I), first)


def _length_answer(ev: Evidence, record: RecordInfo, first: str, length: str) -> Composition | None:
    """``first``, cited to the study's sentence stating ``length``; None when no sentence does."""
    count, unit = length.split()
    said = re.compile(rf"\b{count}[- ]{unit.rstrip('s')}s?\b", re.I)
    return cited_sentence(ev, record, said, first)
