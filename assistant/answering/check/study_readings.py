"""How a claim about one study reads against that study's record (``assistant check``): the
study it is about when it says it confirmed another, a sample size written in words at the start
of a sentence, one dose said to beat another, how long the study treated its patients, and two
typed contrasts with the study's own sentences (an outcome the claim says changed that the study
found the same in both arms; a time on the ventilator or in hospital said to be shorter where the
study found it longer). Plain functions of text, used by
:mod:`assistant.answering.check.studies`.
"""

from __future__ import annotations

import re

from assistant.answering.check.contrasts import digits
from assistant.answering.check.fact_sheet import NEGATION
from assistant.answering.question.entities import find_other_medicines
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo

# ------------------------------------------------------------------ which study a claim is about

# "This larger study confirmed Shoptaw's result": the study named after the verb is the one
# compared with, not the one the sentence is about
_CONFIRMED = re.compile(
    r"\b(?:confirm\w*|replicat\w*|reproduc\w*|corroborat\w*|echo(?:ed|es)|repeated|mirrored"
    r"|extended|built on|supported|contradicted|overturned)\s+[^,;.]*?[A-Z][\w'’-]+(?:'s|’s)\b"
    r"[^,;.]*",
)


def without_compared_study(text: str) -> str:
    """The claim without the study it says its own study confirmed (or contradicted)."""
    return _CONFIRMED.sub(" ", text)


# ------------------------------------------------------------------ a sample size in words


def leading_digits(text: str) -> str:
    """A sentence with the number it opens on written as digits ("One hundred and twenty smokers
    took ..." -> "120 smokers took ..."): style spells out a number that starts a sentence, and
    that is where a writer gives a study's size. Numbers inside the sentence stay words."""
    ends = [m.end() for m in re.finditer(r"[A-Za-z]+", text[:60])]
    for end in reversed(ends):
        said = digits(text[:end]).strip()
        if re.fullmatch(r"\d+", said):
            return said + text[end:]
    return text


# "30 mg a day reduced drinking more than 60 mg did", "75 mg worked better than 30 mg"
_DOSE_BEAT = re.compile(
    r"\b(\d{1,3})\s?(?:mg|milligrams?)\b[^.;]{0,60}?\b(?:more|better|further|greater|bigger)\b"
    r"[^.;]{0,15}?\bthan\s+(?:\w+\s+){0,3}?(\d{1,3})\s?(?:mg|milligrams?)\b",
    re.I,
)
_DOSE_OUTDID = re.compile(  # "75 mg/day outperformed 30 mg/day"
    r"\b(\d{1,3})\s?(?:mg|milligrams?)\b(?:/day|\s+a\s+day)?\s+(?:outperformed|beat|outdid)\s+"
    r"(?:\w+\s+){0,2}?(\d{1,3})\s?(?:mg|milligrams?)\b",
    re.I,
)
_PER_DOSE = re.compile(r"(\d+(?:\.\d+)?)%\s+on\s+(\d{1,3})\s?mg\b", re.I)
_WORSE_IF_HIGHER = re.compile(r"\brelaps\w*|\bdrop.?out|\badverse|\bside.?effect|\blapse", re.I)


# "the benefit came mostly from the 30 mg arm", "driven by the lower 30 mg dose": which dose a
# result is owed to, in a claim or a key result
_DRIVEN_BY = re.compile(
    r"\b(?:came|comes|come|coming)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?(?:[\w,-]+\s+){0,3}?"
    r"(\d{2,3})\s?mg|\bdriven\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?(?:[\w,-]+\s+){0,2}?(\d{2,3})\s?mg"
    r"|\b(?:due|owed|thanks)\s+(?:\w+\s+){0,2}?to\s+the\s+(?:[\w,-]+\s+){0,2}?(\d{2,3})\s?mg",
    re.I,
)


def _driving_dose(text: str) -> int | None:
    m = _DRIVEN_BY.search(text)
    if not m or NEGATION.search(m.group(0)):
        return None
    return int(next(g for g in m.groups() if g))


def dose_better(text: str, key_result: str) -> str | None:
    """One dose of a study said to do better than another, where the study's key result gives
    each dose's figure and the first is not the higher one ("down 53% on 30 mg/day and 68% on
    60 mg/day"; outcomes where lower is better are left alone); or a result said to come from
    one dose where the key result owes it to another."""
    mine, theirs = _driving_dose(text), _driving_dose(key_result)
    if mine and theirs and mine != theirs:
        return f"the result was driven by {theirs} mg/day, not {mine} mg/day."
    m = _DOSE_BEAT.search(text) or _DOSE_OUTDID.search(text)
    if not m or NEGATION.search(m.group(0)):
        return None
    # the clause of the key result giving a figure per dose ("...; percent days abstinent 69% on
    # 30 mg and 65% on 75 mg")
    said = next((c for c in key_result.split(";") if len(_PER_DOSE.findall(c)) >= 2), "")
    if _WORSE_IF_HIGHER.search(said):
        return None
    figures = {int(d): float(v) for v, d in _PER_DOSE.findall(said)}
    a, b = int(m.group(1)), int(m.group(2))
    if a in figures and b in figures and figures[a] <= figures[b]:
        return f"{figures[a]:g}% on {a} mg against {figures[b]:g}% on {b} mg, not better."
    return None


# ------------------------------------------------------------------ how long the study treated

# "kept its patients on treatment for a full twelve months", "the trial lasted six months",
# "patients took it for a year": the treatment period a claim gives a study
_TREATED_FOR = re.compile(
    r"\b(?:treat(?:ed|ment)|took|taking|lasted|ran|run|on (?:baclofen|treatment|the drug)"
    r"|continued|kept)\b[^.;]{0,40}?\bfor\s+(?:a\s+full\s+|the\s+full\s+|a\s+whole\s+|only\s+"
    r"|just\s+|a\s+mere\s+)?(?P<n>\d+|a|one)\s+(?P<unit>week|month|year)s?\b"
    r"|\b(?:trial|study|treatment)\s+lasted\s+(?:a\s+full\s+|only\s+|just\s+)?(?P<n2>\d+|a|one)\s+"
    r"(?P<unit2>week|month|year)s?\b"
    # "compared baclofen with naltrexone over six months"
    r"|\b(?:compared|tested|trialled|gave)\b[^.;]{0,60}?\bover\s+(?:a\s+period\s+of\s+)?"
    r"(?P<n3>\d+|a|one)\s+(?P<unit3>week|month|year)s?\b",
    re.I,
)
_WEEKS = {"week": 1.0, "month": 4.35, "year": 52.0}
_LATER = re.compile(r"\bfollow\w*|\bafter (?:the )?(?:end|treatment)\b|\blater\b", re.I)


def treatment_weeks(text: str) -> tuple[float, str] | None:
    """The treatment period a claim gives a study, in weeks, with the words that say it."""
    t = re.sub(r"\b(a|one) (?:full|whole|entire) (week|month|year)\b", r"\1 \2", digits(text))
    m = _TREATED_FOR.search(t)
    if not m or _LATER.search(t):
        return None
    n, unit = next(
        (m.group(f"n{k}"), m.group(f"unit{k}")) for k in ("", "2", "3") if m.group(f"n{k}")
    )
    count = 1 if n.lower() in ("a", "one") else int(n)
    return count * _WEEKS[unit.lower()], f"{count} {unit.lower()}"


def other_duration(text: str, record: RecordInfo, record_text: str) -> str | None:
    """A treatment period clearly unlike the study's own (a year for a 12-week trial), that the
    record never states (not as a follow-up either)."""
    said = treatment_weeks(text)
    weeks = record.duration_weeks
    if said is None or not weeks:
        return None
    claimed, words = said
    if 0.6 * weeks <= claimed <= 1.6 * weeks:
        return None
    count, unit = words.split()
    stated = re.compile(rf"\b{count}[- ]{unit}s?\b|\b{count}\s+{unit}s?\b", re.I)
    if stated.search(digits(record_text)):
        return None  # the record gives that period too (a follow-up, a second phase)
    return f"{record.display_name} treated patients for {weeks:g} weeks, not {words}s."


# ------------------------------------------------------------------ typed contrasts with a sentence

_CLAUSE = re.compile(r"[;,]|\b(?:but|while|whereas|although|though|and)\b", re.I)
_BOTH = re.compile(r"\b(?:both|either|all) (?:groups|arms)\b|\balike\b|\bequally\b|\bsimilar", re.I)
_CHANGED = re.compile(
    r"\b(?:cut|cuts|halv\w*|reduc\w*|lower(?:ed|s)?|decreas\w*|improv\w*|increas\w*|rais\w*"
    r"|doubl(?:ed|es|ing)|fell|dropped|boost\w*|(?:more|less) (?:often|frequently|commonly))\b",
    re.I,
)
# "was the same on baclofen and placebo", "did not differ", "no difference", "unchanged"
_NO_CHANGE = re.compile(
    r"\b(?:was|were)\s+(?:the same|similar|unchanged|no different|not different)\b"
    r"|\bdid not differ\b|\bno (?:significant |clear |real )?difference\b|\bunchanged\b",
    re.I,
)
_DRUG = re.compile(r"\bbaclofen\b|\bthe (?:drug|medicine)\b|\bit\b", re.I)


# one outcome under its everyday and its trial names ("side effects", "an adverse event")
_ADVERSE = re.compile(r"\b(?:side[- ]effects?|adverse (?:effects?|events?|reactions?))\b", re.I)


def _content(text: str) -> list[str]:
    stop = set(
        tokenize("baclofen placebo patients people group arm the of on in and with was were")
    )
    text = _ADVERSE.sub("adverse events", text)
    return [t for t in tokenize(text) if t not in stop and not t.isdigit()]


def _pairs(text: str) -> set[tuple[str, str]]:
    toks = _content(text)
    return set(zip(toks, toks[1:], strict=False))


def unchanged_conflict(claim: str, passage: str) -> str | None:
    """An outcome the claim says baclofen changed ("cut the share of positive urine samples by
    half") that the study's sentence says was the same on baclofen and placebo."""
    for said in _CLAUSE.split(claim):
        if not said or not _CHANGED.search(said) or not _DRUG.search(said):
            continue
        if NEGATION.search(said) or _BOTH.search(said) or _NO_CHANGE.search(said):
            continue
        doses = set(re.findall(r"\b(\d{2,3})\s?mg\b", claim))
        for clause in re.split(r"[;]|\bbut\b|\bwhile\b|\bwhereas\b", passage):
            m = _NO_CHANGE.search(clause)
            if not m or _CHANGED.search(clause[: m.start()]):
                continue
            if set(re.findall(r"\b(\d{2,3})\s?mg\b", clause)) - doses:
                continue  # said of one dose group
            if _pairs(said) & _pairs(clause[: m.start()]):
                return "The curated source found no difference from placebo on that outcome."
    return None


_SHORTER = re.compile(
    r"\b(?:sooner|earlier|faster|quicker|more quickly|shorten\w*|shorter|less time|fewer days)\b",
    re.I,
)
_LONGER = re.compile(r"\b(?:longer|prolong\w*|lengthen\w*|more days|extended)\b", re.I)
# where the time was spent: on a ventilator, in intensive care, in hospital
_PLACES = {
    "on the ventilator": re.compile(r"\bventilat\w*|\bintubat\w*|\bextubat\w*", re.I),
    "in intensive care": re.compile(r"\bicu\b|\bintensive care\b", re.I),
    "in hospital": re.compile(r"\bhospital\w*\b(?! admissions?)", re.I),
}


def _time_where(clause: str) -> set[str]:
    return {k for k, rx in _PLACES.items() if rx.search(clause)}


def time_conflict(claim: str, passage: str) -> str | None:
    """A time on the ventilator, in intensive care or in hospital that the claim says baclofen
    shortened ("came off the ventilator sooner") where the study's sentence says it was longer
    on baclofen, or the reverse."""
    for said in _CLAUSE.split(claim):
        if not said or NEGATION.search(said):
            continue
        shorter, longer = bool(_SHORTER.search(said)), bool(_LONGER.search(said))
        where = _time_where(said)
        if shorter == longer or not where:
            continue
        for clause in re.split(r"[;,]|\band\b", passage):
            theirs_short, theirs_long = _SHORTER.search(clause), _LONGER.search(clause)
            if NEGATION.search(clause) or bool(theirs_short) == bool(theirs_long):
                continue
            if not where & _time_where(clause) or bool(theirs_short) == shorter:
                continue
            return (
                f"The curated source found a {'longer' if theirs_long else 'shorter'} time "
                f"{sorted(where & _time_where(clause))[0]} on baclofen."
            )
    return None


# ------------------------------------------------------------------ which outcome a comparator won

_SAME_AS = re.compile(
    r"\b(?:no better|not better|did not differ|no different|no difference|equal(?:ly)?|the same"
    r"|similar(?:ly)?|as well as|matched)\b",
    re.I,
)
_BETTER_THAN = re.compile(r"\b(?:better|superior|more effective|outperform\w*|beat)\b", re.I)
_WORSE_THAN = re.compile(r"\b(?:worse|inferior)\b", re.I)
_GENERIC = frozenset(
    re.findall(
        r"\w+",
        "symptoms symptom signs sign withdrawal scores score effects effect outcomes baclofen than "
    "relieved relief eased significantly clearly much over days weeks with patients people "
    "although though while whereas which that this there their",
    )
)  # fmt: skip
_SAME_AS_WORDS = frozenset(re.findall(r"[a-z]{4,}", _SAME_AS.pattern))  # ("differ", "similar")
_SAME_OUTCOME = {"psychological": "mental", "psychiatric": "mental", "bodily": "physical"}


def _versus(clause: str) -> str | None:
    """How a clause says baclofen did against a comparator; None when it says two things
    ("matched it on physical symptoms and beat it on mental ones")."""
    if _SAME_AS.search(clause):
        rest = _SAME_AS.sub(" ", clause)
        return None if _BETTER_THAN.search(rest) or _WORSE_THAN.search(rest) else "same"
    if _WORSE_THAN.search(clause):
        return "worse"
    return "better" if _BETTER_THAN.search(clause) else None


def _outcomes(clause: str, rival: str) -> set[str]:
    words = {_SAME_OUTCOME.get(w, w) for w in re.findall(r"[a-z]{4,}", clause.lower())}
    return words - _GENERIC - {rival} - _SAME_AS_WORDS - {"better", "equal", "same"}


def rival_outcome_conflict(text: str, record: RecordInfo) -> str | None:
    """Baclofen said to do better than an active comparator on one outcome (or no better) where
    the study's key result says the other ("better on physical signs, no better on mental ones"
    against "equal on physical symptoms and better on mental symptoms")."""
    rivals = find_other_medicines(text)
    if record.comparator != "active" or not rivals:
        return None
    rival = rivals[0]
    key_result = record.key_result or ""
    key = [c for c in re.split(r"[;,]|\band\b|\bbut\b", key_result) if rival in c.lower()]
    split = r"[;,]|\b(?:although|though|but|while|whereas)\b"
    mine = [c for c in re.split(split, text, flags=re.I) if c and c.strip()]
    for clause in mine:
        said = _versus(clause)
        if said is None or (rival not in clause.lower() and len(mine) == 1):
            continue
        for theirs in key:
            found = _versus(theirs)
            shared = _outcomes(clause, rival) & _outcomes(theirs, rival)
            if found and found != said and shared:
                how = "no different from" if found == "same" else f"{found} than"
                return f"it found baclofen {how} {rival} on {sorted(shared)[0]} symptoms."
    return None


# ------------------------------------------------------------------ a count of events

# a study that counted events (deaths, poisonings), its size given as their number
_EVENTS = r"deaths|poisonings|self-poisonings|overdoses|intoxications|exposures|calls"


def other_count(text: str, record: RecordInfo, record_text: str) -> str | None:
    """A number of events the claim gives a study that counted them ("twelve deaths" for a
    study of 102 deaths), when the record never gives that number of them (as a subgroup)."""
    unit = re.match(rf"^[\d,]+\s+(?:[\w-]+\s+){{0,2}}?({_EVENTS})\b", record.population or "")
    if not record.n or not unit:
        return None
    said = digits(text)
    # the number nearest the events counts them (not "2024" in "published in 2024 found 102
    # deaths"), and a year is never a count
    count = re.compile(
        rf"(?<![\d,.])(\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?:(?!\d)[\w-]+\s+){{0,2}}?{unit.group(1)}\b",
        re.I,
    )
    for m in count.finditer(said):
        if re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            continue
        n = int(m.group(1).replace(",", ""))
        rough = re.search(r"\b(?:about|around|roughly|nearly|almost|some|over|more than)\s*$",
                          said[: m.start()], re.I)  # fmt: skip
        if n == record.n or (rough and abs(n - record.n) <= 0.1 * record.n):
            continue
        if re.search(rf"(?<![\d,.]){n}\s+(?:[\w-]+\s+){{0,2}}?{unit.group(1)}", record_text, re.I):
            continue  # a part of them the record gives ("12 deaths in Queensland")
        return f"{record.display_name} counted {record.n} {unit.group(1)}, not {n}."
    return None


# ------------------------------------------------------------------ a harm the study never saw

# a harm a claim says a study found, and the study's sentence saying none was seen
_HARMS = {
    "liver": (
        re.compile(
            r"\bhepato-?toxic\w*|\b(?:liver|hepatic) (?:damage|injury|toxicity|harm|failure|problems"
            r"|side.effects|adverse \w+)|\bdamag\w* (?:the|their|patients'?) liver",
            re.I,
        ),
        re.compile(
            r"\bno (?:[\w-]+ ){0,2}?(?:hepatic|liver)(?:-related)? (?:adverse|side|toxic|damage"
            r"|injur|harm)\w*",
            re.I,
        ),
    ),
    "serious": (
        re.compile(
            r"\bserious (?:adverse (?:events?|effects?|reactions?)|side.effects|harms?)"
            r"|\b(?:stopped|halted|terminated|abandoned) (?:\w+ )?(?:because of|due to|over|after)"
            r" (?:\w+ )?(?:safety|side.effects|adverse|harms?|toxicity)\b",
            re.I,
        ),
        re.compile(r"\bno serious (?:adverse (?:events?|effects?|reactions?)|side.effects)", re.I),
    ),
}
_HEDGE = re.compile(r"\b(?:may|might|could|possibl\w*|feared|worr\w*|risk of)\b", re.I)


def unseen_harm_conflict(claim: str, passage: str) -> str | None:
    """A harm the claim says the study found ("had to be stopped early because of
    hepatotoxicity") where the study's sentence says none was seen ("no hepatic adverse effects
    were recorded")."""
    for said in re.split(r"[;:]|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b", claim):
        if NEGATION.search(said) or _HEDGE.search(said):
            continue
        for kind, (found, none) in _HARMS.items():
            if found.search(said) and none.search(passage):
                what = "liver harm" if kind == "liver" else "serious adverse events"
                return f"The curated source recorded no {what}."
    return None


# ------------------------------------------------------------------ which doses did better

_HIGH_DOSES = (
    r"high(?:er)?[- ]dose\b|\bhigh(?:er)? doses\b|\bdoses? (?:above|over|of more than|greater than"
    r"|beyond) \d+"
)
_LOW_DOSES = r"low(?:er)?[- ]dose\b|\blow(?:er)? doses\b|\b\d+ ?(?:-|to) ?\d+ ?mg"
_BEAT = re.compile(
    r"\b(?:beat|beats|outperform\w*|(?:gave |give |did |do |does |worked )?better(?: results)? than"
    r"|superior to|more effective than)\b",
    re.I,
)


def _dose_winner(text: str) -> tuple[str, bool] | None:
    """Which doses a sentence says did better ("high" or "low"), and whether it denies it
    ("doses above 60 mg/day have not outperformed 30-60 mg/day": high, denied)."""
    m = _BEAT.search(text)
    if not m:
        return None
    before, after = text[max(0, m.start() - 70) : m.start()], text[m.end() : m.end() + 60]
    high_first = re.search(_HIGH_DOSES, before, re.I) and re.search(_LOW_DOSES, after, re.I)
    low_first = re.search(_LOW_DOSES, before, re.I) and re.search(_HIGH_DOSES, after, re.I)
    if bool(high_first) == bool(low_first):
        return None
    denied = bool(re.search(r"\b(?:not|no|never|failed to)\b(?:\s+\S+){0,4}\s*$", before, re.I))
    return ("high" if high_first else "low"), denied


def dose_winner_conflict(claim: str, passage: str) -> str | None:
    """A claim that higher doses did better than lower ones (or the reverse) against a sentence
    saying the other way round, or denying it ("low-dose baclofen gave better results than
    high-dose baclofen")."""
    mine, theirs = _dose_winner(claim), _dose_winner(passage)
    if not mine or not theirs or mine[1]:
        return None
    (said, _), (found, denied) = mine, theirs
    if (found != said) != denied:  # the other doses better, or these denied it
        return f"The curated source does not find {said} doses better."
    return None


# a claim calling a study randomised or a pooling of trials, and the record's sentence saying
# it was not
RANDOMISED = re.compile(
    r"\brandomly (?:assigned|allocated)|\b(?<!non-)(?<!non )(?<!not )randomi[sz]ed\b", re.I
)
# a study called a pooling of trials, and a record's sentence saying it is something else
POOLED_KIND = re.compile(
    r"\b(?:a|the|its) (?:\w+ )?meta.?analys[ie]s\b|\bpooled (?:the |their )?(?:data|results|trials)\b",
    re.I,
)
NOT_POOLED = re.compile(
    r"\bconsensus\b|\bnot a meta.?analysis\b|\bdoes not pool\b|\bnarrative review\b", re.I
)
NOT_RANDOMISED = re.compile(
    r"\bnon.?randomi[sz]ed\b|\bnot randomi[sz]ed\b|\bchose (?:their|his|her) own\b"
    r"|\bselected their own\b",
    re.I,
)


# a result said to be no different on placebo ("only a third ended up sober, same as the placebo
# group")
SAME_AS_PLACEBO = re.compile(
    r"\b(?:(?:the )?same|identical|similar|equal|no different)\s+(?:\w+\s+){0,2}?(?:as|to|from|with)"
    r"\s+(?:the\s+|those\s+(?:on|in|given|taking)\s+(?:the\s+)?)?(?:placebo|dummy|sugar)",
    re.I,
)


# an effect said not to vary with a patient's kidney function or age ("about the same whatever
# the patient's kidney function"), and the study's sentence saying it grew as that changed
SAME_WHATEVER = re.compile(
    r"\b(?:(?:about|roughly|much|more or less|just) the same|unchanged|constant|no different"
    r"|did(?: not|n't) (?:change|vary|differ))\b[^.;]*?\b(?:whatever|regardless of|irrespective of"
    r"|across|at (?:every|all|each)|in (?:every|all|each))\b(?:\s+(?:the|a|their|patients?'?s?"
    r"|people'?s?|levels? of|stages? of))*\s+(kidney function|renal function|egfr|age)\b",
    re.I,
)
GREW_AS = {
    k: re.compile(
        rf"\b(?:rose|grew|increased|rises|grows|increases|was (?:larger|greater|higher))\b[^.]*"
        rf"\bas (?:\w+ ){{0,2}}?{v}\s+(?:fell|falls|worsened|worsens|declined|declines|dropped"
        r"|rose|rises|increased)\b",
        re.I,
    )
    for k, v in {
        "kid": r"(?:kidney function|egfr|renal function)",
        "ren": r"(?:kidney function|egfr|renal function)",
        "egf": r"(?:kidney function|egfr|renal function)",
        "age": r"age",
    }.items()
}


# more side effects claimed than on placebo ("people on baclofen reported noticeably more side
# effects than the placebo crowd"), and a study's sentence saying they were similar
MORE_HARMS = re.compile(
    r"\b(?:more|higher (?:rates?|numbers?) of|extra|twice as many)\s+(?:\w+\s+){0,2}?(?:side effects?"
    r"|adverse (?:events?|effects?|reactions?))\b[^.;]*\b(?:than|versus|vs\.?|compared with)\b[^.;]*"
    r"\b(?:placebo|dummy)",
    re.I,
)
HARMS_SIMILAR = re.compile(
    r"\b(?:adverse (?:events?|effects?|reactions?)|side effects?)\b[^.]*\b(?:similar|did not differ"
    r"|no difference|comparable)\b[^.]*\bplacebo\b",
    re.I,
)
