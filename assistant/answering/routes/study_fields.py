"""One fact of a named study from its structured fields, with the record's own sentence cited:
its size, the trials it pooled, its control, its blinding, its length, who ran it and where, its
setting, who it enrolled, its primary outcome and its dose ("was ALPADIR double-blind?",
"how many people were in it?"). Used by :mod:`assistant.answering.routes.study`.
"""

from __future__ import annotations

import re

from assistant.answering.compose.extractive import Citations, Composition, Evidence, numbers_of
from assistant.answering.question.asked import whole_sentences
from assistant.answering.question.entities import find_other_medicines
from assistant.answering.routes.synthesis import lower, result_quote, study_name, substance_phrase
from assistant.library.records import RecordInfo
from assistant.vocab import POOLED_EVIDENCE, ROUTE_TRIAL

_ASKS_POOLED = re.compile(
    r"\bhow many (?:trials|studies|rcts|participants|people|patients)\b.*\b(?:pool\w*|includ\w*"
    r"|review|meta.?analys\w*)|\b(?:pool\w*|includ\w*)\b.*\bhow many\b|\bwhat did .*\binclude\b",
    re.I,
)
# what is counted when it is not the people who took part ("how many dropped out?")
_OUTCOME_COUNTED = (
    r"dropped|stopped|quit|left|withdrew|reached|got to|died|dead|alive|surviv\w*|needed|abstinent"
    r"|relapsed|completed|finished|still|remain\w*|stayed|stay|kept|sober|dry|off|improved"
    r"|responded|succeeded|drank|drinking|cut|cutting|reduc\w*|abandon\w*"
)
_ASKS_SIZE = re.compile(
    # (not "how many centres / sites / hospitals / countries ...?")
    r"\bhow (?:many|large|big)\b(?! (?:\w+ )?(?:centres|centers|sites|hospitals|clinics|countries"
    r"|cities|practices|trials|studies|deaths|cases|admissions|calls|exposures|poisonings"
    rf"|overdoses)\b)(?!.*\b(?:{_OUTCOME_COUNTED}|men|women|males?|females?)\b"
    r"|.*\b(?:each|per|every)"
    r" (?:arm|group)\b|\s+(?:of|among) (?:those|them|these|the \w+)\b)|\bsample size\b"
    r"|\bhow many took part\b",
    re.I,
)
# "how many were given baclofen and how many placebo?", "how many in each arm?": the split
_ASKS_ARMS = re.compile(
    r"\bhow many\b[^?]*?\band how many\b|\b(?:each|per|every) (?:arm|group)\b"
    r"|\bhow many (?:[\w-]+ ){0,3}(?:were |was )?(?:assigned|allocated|randomi[sz]ed|given) to\b"
    # "how were the patients divided between the two groups?"
    r"|\b(?:divided|split|shared|allocated|assigned|randomi[sz]ed) (?:up )?(?:between|among|across"
    r"|into) (?:the )?(?:two|three|both|its|their) (?:groups|arms)\b",
    re.I,
)
# how many in each arm did something, or what share: not the arms' sizes
_NOT_ARM_SIZES = re.compile(
    rf"\b(?:{_OUTCOME_COUNTED}|percentage|proportion|share|rate|per ?cent)\b", re.I
)
# "84 were randomised: 42 to baclofen and 42 to placebo", "35 to baclofen and 35 to placebo"
_ARM = r"\b\d[\d,]* (?:(?:were )?(?:assigned|allocated|randomi[sz]ed) )?(?:to|on|received|took)\b"
_ARM_SPLIT = re.compile(rf"{_ARM}[^.;]*?{_ARM}", re.I)
_ASKS_CONTROL = re.compile(
    r"\bplacebo.?controlled\b|\b(?:a|any) (?:placebo|control) (?:group|arm)\b|\bcontrol group\b"
    r"|\bcompared (?:with|to|against) what\b|\bcomparator\b|\bcontrol (?:arm|treatment)\b"
    r"|\bwhat was (?:it|baclofen) compared (?:with|to|against)\b",
    re.I,
)
# "was it run in hospitals?", "in what setting?": where the patients were seen, from its field
_ASKS_SETTING = re.compile(
    r"\b(?:was|were) (?:it|they|the [\w-]+(?: [\w-]+){0,3}) (?:run|done|conducted|held|carried out)"
    r" (?:in|at|by) (?:a |an |the )?(?:hospitals?|clinics?|primary care|general practice|gps?"
    r"|specialist|inpatient|outpatient|community)|\bwhat (?:kind of )?setting\b",
    re.I,
)
_ASKS_WHO_ENROLLED = re.compile(
    r"\b(?:did|does) (?:it|the [\w-]+(?: [\w-]+){0,3}) (?:include|enrol|enroll|recruit|involve|take)\b"
    r"|\bwho did (?:they|it|the \w+) (?:include|enrol|enroll|recruit|study|treat|select|randomi[sz]e)"
    r"|\bwho (?:was|were) (?:included|enrolled|recruited|studied)\b|\bwhat (?:kind of )?(?:patients"
    r"|people|participants) (?:did|were)\b",
    re.I,
)
_ASKS_PRIMARY = re.compile(
    r"\b(?:primary|main) (?:outcome|endpoint|end point|measure|end-point)\b"
    r"|\bwhat did (?:it|they|the \w+(?: \w+)?) measure\b",
    re.I,
)
_ASKS_FINDING = re.compile(r"\b(?:find|found|result\w*|conclu\w*|show\w*)\b", re.I)
_ASKS_BLIND = re.compile(
    r"\b(?:double.?|single.?)?blind(?:ed)?\b|\bmasked\b|\bwas (?:it|the \w+(?: \w+)?) open.?label\b",
    re.I,
)
# "were any women included?", "were they all men?": the population's sexes
_ASKS_SEX = re.compile(
    r"^\s*(?:and |so |but )?(?:were|was|did|are|is|do)\b.*\b(women|females?|men|males?)\b", re.I
)
_SEX_COUNT = re.compile(r"(\d[\d.,]*)(%?) (women|females?|men|males?)\b", re.I)
# "did they compare these cases with ...?": a comparison group, asked of a study with none
_ASKS_COMPARED = re.compile(
    r"\b(?:did|was|were) (?:they|it|the [\w-]+(?: [\w-]+){0,3}) (?:\w+ )?compar\w*\b", re.I
)
# "how was the dependence diagnosed?": the criteria the population was chosen by
_ASKS_CRITERIA = re.compile(
    r"\bhow (?:was|were|did|had) (?:[\w-]+ ){0,5}?diagnos\w*|\b(?:what|which) (?:diagnostic )?"
    r"criteria\b",
    re.I,
)
_CRITERIA = re.compile(r"\b(?:DSM|ICD)[-\w]*")
# "did they keep checking on people after the tablets stopped?": a follow-up after treatment
_ASKS_FOLLOW_UP = re.compile(
    r"\b(?:did|do|were|was|how long|how often|when) (?:[\w-]+ ){0,6}?follow(?:ed|ing)?[- ]?"
    r"(?:them |people |patients |participants |everyone )?up\b"
    r"|\b(?:was|were) there (?:a |any )?follow.?ups?\b"
    r"|\bafter (?:the )?(?:tablets|treatment|drug|medication|medicine|pills|baclofen|capsules)"
    r" (?:had )?(?:stopped|ended|finished|was stopped|were stopped)\b"
    r"|\bkeep (?:checking|following|seeing|track)\b",
    re.I,
)
_FOLLOW_UP = re.compile(
    r"\b([\w-]+)[- ](weeks?|months?)(?: of)? follow.?up\b|\bfollow.?up (at [^,;]+)", re.I
)
# "was it a new trial, or a fresh look at data from an earlier one?": a secondary analysis
_ASKS_REANALYSIS = re.compile(
    r"\b(?:re-?analys\w*|secondary analys\w*|post.?hoc|fresh look|second look|new look"
    r"|(?:data|results) from an? (?:earlier|previous|existing|older|other))\b",
    re.I,
)
_REANALYSIS = re.compile(
    r"\b(?:secondary|post.?hoc|pooled|sub-?group) analysis\b|\bre-?analysis\b", re.I
)
# "where did they get their cases from?": where the study found its people or data
_ASKS_SOURCE = re.compile(
    r"\b(?:where|from where)\b[^?]*\b(?:get|got|find|found|obtain\w*|recruit\w*|draw\w*|take|took"
    r"|identif\w*|come|came)\b[^?]*\b(?:cases|patients|participants|people|volunteers|data"
    r"|records|deaths)\b|\b(?:where|from where)\b[^?]*\b(?:cases|patients|participants|data)\b"
    r"[^?]*\b(?:come|came) from\b|\bhow were (?:the )?(?:cases|patients|participants)"
    r" (?:found|identified|recruited|selected)\b",
    re.I,
)
_SOURCE = re.compile(
    r"\b(?:identified|recruited|drawn|taken|obtained|selected|enrolled|collected) (?:\w+ ){0,3}?"
    r"(?:from|at|through|via)\b|\bdatabase\b|\bregist(?:er|ry)\b|\breported to\b",
    re.I,
)
# "did they try more than one dose?": arms at different doses, or one fixed dose
_ASKS_SEVERAL_DOSES = re.compile(
    r"\bmore than one dose\b|\b(?:several|different|multiple|two|various|other) doses\b"
    r"|\bdose levels\b|\bcompar\w* (?:\w+ )?doses\b|\bhigher (?:one|dose) would\b",
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
# "did the patients know what they were taking?": blinding asked the other way round
_ASKS_KNEW = re.compile(
    r"\b(?:did|do|were|was) (?:the )?(?:participants|patients|people|volunteers|subjects|they"
    r"|doctors|researchers|investigators|staff|everyone|anyone) (?:know|knew|aware|told)\b"
    r"[^?]*\b(?:taking|getting|given|receiv\w*|which|what|whether|who)\b",
    re.I,
)
# "in the double-blind pilot study of ..., how were dropouts counted?": blinding describes it
_BLIND_DESCRIBED = re.compile(
    r"\b(?:double|single).?blind(?:ed)? (?:[\w-]+ ){0,2}(?:study|trial|pilot|rct)\b"
    r"|\b(?:study|trial|pilot|rct) (?:[\w-]+ ){0,1}(?:double|single).?blind(?:ed)?\b(?! or\b)",
    re.I,
)
_ASKS_DURATION = re.compile(
    r"\bhow long\b|\bduration\b|\bfor how many (?:weeks|months)\b|\bhow many (?:weeks|months)\b"
    r"(?!.*\b(?:abstinent|sober|dry)\b)",
    re.I,
)
ASKS_WHO = re.compile(
    r"\bwho (?:ran|led|conducted|carried out|performed|wrote|published|authored"
    r"|did(?! (?:they|it|the [\w-]+(?: [\w-]+){0,3}) (?:include|enrol|enroll|recruit|study|treat|select|randomi[sz]e)))\b"
    r"|\bwhich (?:team|group|investigators|researchers)\b|\bwhere was (?:it|the [\w ]{1,40}?) (?:done"
    r"|run|carried out|conducted|held)\b|\bwhere did .* take place\b|\b(?:in )?(?:which|what) country\b",
    re.I,
)
_ASKS_DOSE = re.compile(
    r"\bwhat (?:was|were) the (?:target |planned |study |trial )?doses?\b"
    r"(?=\s*(?:\?|$|used|given|in\b|of\b|for\b|on\b))"
    r"|\b(?:what|which) (?:\w+ )?doses?\b(?!.*\b(?:better|best|more effective|worked|work|won)\b)|\bhow much baclofen\b|\bdoses? (?:did|were|was) (?:they|used|given)"
    r"|\bwhat amount\b"
    # "how much had they swallowed?": the amounts a poisoning series recorded
    r"|\bhow much (?:baclofen )?(?:had|did|have|has) (?:they|he|she|the \w+|people|patients)"
    r" (?:swallow|take|took|taken|ingest|consume)\w*",
    re.I,
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
    first = None
    pooled = record.evidence in POOLED_EVIDENCE
    if (
        not pooled
        and _ASKS_ARMS.search(q)
        and not _ASKS_DOSE.search(q)
        and not _NOT_ARM_SIZES.search(q)
    ):
        # "how many on baclofen and how many on placebo?": the study's sentence giving both (the
        # size alone does not answer how the people were split)
        split = _cited_sentence(ev, record, _ARM_SPLIT)
        if split is not None:
            return split
    if pooled and record.studies_pooled and _ASKS_POOLED.search(q):
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
        and _ASKS_SIZE.search(q)
        and not _ASKS_DOSE.search(q)
        # "how many people does the poison centre cover?": the population it serves, not the sample
        and not re.search(r"\bpopulation\b|\binhabitants\b|\bcatchment\b|\bcover(?:s|ed)?\b", q)
        # "how many were screened to end up with their 56?": the size is given, something else asked
        and not re.search(rf"(?<![\d,.]){record.n}(?![\d,.])|{record.n:,}", q)
    ):
        verb = "randomised" if record.evidence == "rct" else "included"
        claim = f"{record.n} {verb} patients participants people"
        first = f"{name} {verb} {record.n:,} people"
    elif (
        (
            # ("was it double-blind?" asks it; "in the double-blind pilot study, how ...?" does not)
            _ASKS_BLIND.search(
                q if re.match(r"\s*(?:was|were|is)\b", q, re.I) else _BLIND_DESCRIBED.sub(" ", q)
            )
            or _ASKS_KNEW.search(q)
        )
        and record.design
        and not _ASKS_FINDING.search(q)
    ):
        design = record.design
        yes, no = ("No", "Yes") if _ASKS_KNEW.search(q) else ("Yes", "No")
        if re.search(r"double.?blind", design, re.I):
            first = f"{yes}: {name} was double-blind"
        elif re.search(r"open.?label|\bopen\b|single.?blind|unblinded", design, re.I):
            kind = "single-blind" if re.search(r"single.?blind", design, re.I) else "open-label"
            first = f"{no}: {name} was {kind}"
        claim = design
        said = result_quote(store, record, "reports no blinding") if first is None else None
        if said and re.search(r"\b(?:no|not)\b[^.]*\bblind(?:ing|ed)\b", said[1], re.I):
            first, claim = f"Not reported: {lower(said[1]).rstrip('.')}", said[1]
    elif (
        _ASKS_FOLLOW_UP.search(q)
        # ("..., followed up for a year, did it make any difference?": a result is asked)
        and not re.search(rf"{_ASKS_FINDING.pattern}|\bdifference\b|\bwork\w*|\bhelp\w*", q, re.I)
        and not pooled
        and _FOLLOW_UP.search(record.design or "")
    ):
        return _follow_up(ev, record, name)
    elif (
        _ASKS_DURATION.search(q)
        and record.duration_weeks
        and not pooled
        # "how long was each dose kept up?": one phase, not the whole study
        and not re.search(r"\b(?:each|every|per)\b|\bjede\w*|\bchaque\b|\bcada\b|\bogni\b", q, re.I)
    ):
        length = _duration(record)
        design = record.design or ""
        # (an inpatient study, not one with outpatient and inpatient phases)
        ward = "inpatient" in design and "outpatient" not in design
        verb = "kept people on the ward" if ward else "treated people"
        # the study's own sentence giving that length ("for 30 days", "a 21-day study"), not
        # one sharing its number in another sense ("30 mg/day")
        return _length_answer(ev, record, f"{name} {verb} for {length}", length)
    elif ASKS_WHO.search(q) and (record.author_list or record.country):
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
            first = f"{lead} and colleagues {verb} {what or f'the {record.year} {kind}'}{where}"
        elif record.country:
            first = f"{name} was run{where}"
        claim = " ".join([lead, record.country or "", *record.trial_names[:1]])
    elif _ASKS_SETTING.search(q) and record.setting and not pooled:
        claim = record.setting
        where = re.sub(r"\s*\([^)]*\)", "", record.setting)  # counts stay with the quote
        first = f"{name}'s setting: {lower(where)}"
    elif _ASKS_SOURCE.search(q) and not pooled:
        return _cited_sentence(ev, record, _SOURCE)
    elif _ASKS_SEVERAL_DOSES.search(q) and record.dose_text and not pooled:
        dose = record.dose_text
        claim = dose
        if _DOSE_ARMS.search(dose):
            first = f"Yes: {name} compared {dose}"
        elif not _DOSE_VARIES.search(dose) and len(set(re.findall(r"(\d+) ?mg/day", dose))) == 1:
            first = f"No: {name} used one fixed dose: {dose}"
    elif _ASKS_REANALYSIS.search(q) and _REANALYSIS.search(record.design or ""):
        claim = record.design or ""
        first = f"{name} was a {lower(claim)}"
    elif (
        _ASKS_SEX.search(q)
        # (who took part, not "did it work differently in women and men?")
        and re.search(
            r"\b(?:includ\w*|enrol\w*|recruit\w*|t[ao]ok part|any|all|only|just|there)\b", q, re.I
        )
        and record.population
        and record.n
        and not pooled
    ):
        first = _sex_answer(q, record, name)
        claim = record.population
    elif _ASKS_CRITERIA.search(q) and record.population and _CRITERIA.search(record.population):
        claim = record.population
        first = f"{name} used {_CRITERIA.search(record.population).group(0)}: it enrolled {lower(record.population)}"
    elif _ASKS_WHO_ENROLLED.search(q) and record.population and not pooled:
        claim = record.population
        first = f"{name} enrolled {lower(record.population)}"
    elif _ASKS_PRIMARY.search(q) and record.primary_outcome and record.key_result:
        claim = f"{record.primary_outcome} {record.key_result}"
        first = (
            f"{name}'s primary outcome was {lower(record.primary_outcome)}; "
            f"result: {lower(record.key_result)}"
        )
    elif (
        _ASKS_CONTROL.search(q) or (_ASKS_COMPARED.search(q) and record.comparator == "none")
    ) and record.comparator:
        claim = "double-blind placebo-controlled randomised compared"
        other = find_other_medicines(
            f"{record.title} {record.dose_text or ''} {record.design or ''}"
        )
        asks_what = not re.search(r"\bplacebo\b", q, re.I)
        versus = other[0] if other else "another treatment"
        if record.comparator == "placebo":
            first = f"{name} compared baclofen with placebo"
            first = first if asks_what else f"Yes: {first}"
        elif record.comparator == "active":
            first = f"{name} compared baclofen with {versus}"
            first = first if asks_what else f"Not with placebo: {first}"
        elif record.comparator == "none":
            first = f"No: {name} had no control group"
        if other:
            claim = f"{other[0]} compared baclofen"
    elif _ASKS_DOSE.search(q) and record.dose_text:
        if not re.search(r"\d", record.dose_text) and re.search(
            r"\bnot (?:visible|stated|recorded|given|available|reported)\b", record.dose_text
        ):
            return None  # the field says the dose is unknown: the study's own sentence says so
        claim = record.dose_text
        first = f"{name} used {record.dose_text}"
        if re.search(r"ingest|poison|overdos|swallow", record.dose_text, re.I):
            # a poisoning series gave no dose: it recorded what people took (and a field with
            # no amount in it says nothing a sentence of the study would not say better)
            if not re.search(r"\d", record.dose_text):
                return None
            first = f"{name} recorded the amounts taken: {record.dose_text}"
    if first is None:
        return None
    found = result_quote(store, record, claim)
    if found is None:
        return None
    ctx, quote, start = found
    if numbers_of(first) and not (numbers_of(first) & numbers_of(quote)):
        return None  # the record's sentence does not carry the figure: answer from the text
    n = cites.add(ctx, quote, start)
    text = first[0].upper() + first[1:]
    return Composition(f"{text} [{n}].", False, cites.items, ROUTE_TRIAL)


# a length the design states ("pilot trial, 30 days", "12 weeks plus 4-week follow-up")
_STATED_LENGTH = re.compile(r"\b(\d+) (days|weeks|months)\b")


def _duration(record: RecordInfo) -> str:
    """ "30 days" as the design states it, else from the weeks: "12 weeks", "6 months" (a year of
    treatment is said in months), "15 days" (a fraction of a week is a count of days)."""
    stated = _STATED_LENGTH.search(record.design or "")
    if stated:
        return stated.group(0)
    weeks = record.duration_weeks or 0.0
    if weeks != int(weeks):
        return f"{round(weeks * 7)} days"
    months = weeks * 12 / 52
    if weeks >= 26 and abs(months - round(months)) < 0.15:
        return f"{round(months)} months"
    return f"{weeks:g} weeks"


def _sex_answer(q: str, record: RecordInfo, name: str) -> str | None:
    """ "Yes" / "No" to "were any women in it?" ("were they all men?") from the counts or shares
    of each sex the population gives; None when it gives none."""
    asked = re.match(r"(?:wom|fem)", _ASKS_SEX.search(q).group(1), re.I)  # type: ignore[union-attr]
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
    first = f"Yes: {name} followed people up {when} after treatment"
    return _cited_sentence(ev, record, re.compile(r"follow.?up|followed", re.I), first)


def _length_answer(ev: Evidence, record: RecordInfo, first: str, length: str) -> Composition | None:
    """``first``, cited to the study's sentence stating ``length``; None when no sentence does."""
    count, unit = length.split()
    said = re.compile(rf"\b{count}[- ]{unit.rstrip('s')}s?\b", re.I)
    return _cited_sentence(ev, record, said, first)


def _cited_sentence(
    ev: Evidence, record: RecordInfo, says: re.Pattern[str], first: str | None = None
) -> Composition | None:
    """``first`` (without it, the sentence itself) cited to the study's first sentence that
    ``says`` finds: where its cases came from, how many were in each arm, how long it lasted;
    None when no sentence of it says so."""
    for pos, start, sentence, _ in whole_sentences(ev.store, record):
        if says.search(sentence):
            cites = Citations()
            n = cites.add(ev.store.context(pos, score=1.0), sentence, start)
            text = f"{first[0].upper()}{first[1:]} [{n}]." if first else f"{sentence} [{n}]"
            return Composition(text, False, cites.items, ROUTE_TRIAL)
    return None
