"""Whether a claim and a curated sentence agree: typed comparisons only.

Figures with their units ("five years" against "three years"), a verb negated in one and not the
other, a few fixed opposites (liver / kidneys, approved / off-label), a study's main outcome, and
names shared between a claim and a passage, measured parameters (half-life, protein binding).
Shares, differences from placebo and typed figures are in :mod:`assistant.answering.check.differences`.
Plain functions of text; used by :mod:`assistant.answering.check.checker`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assistant.answering.check.contrasts import digits
from assistant.answering.check.differences import shares_of
from assistant.answering.question.entities import description_fit, find_trials
from assistant.answering.question.study_cues import group_sizes
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import NUMBER_WORDS

POSITIVE = re.compile(
    # (not "double-blind", nor "opioid-positive urine tests")
    r"\b(?:reduc\w*|improv\w*|increas\w*|delay\w*|halv\w*|doubl\w*(?![- ]blind)|tripl\w*|quadrupl\w*"
    r"|cut|cuts|beat|better|(?<!-)positive"
    r"|effective|worked|works|benefit\w*|lower\w*|prevent\w*|helped|helps|succe\w*|superior"
    r"|significant(?:ly)?|advantage|outperform\w*|stopped|protected|kept \w+ from"
    r"|fell|fall in|dropped|drop in|declin\w*|decreas\w*|(?:came|comes?|coming|went|going) down"
    r"|more (?:\w+ )?(?:abstinen\w*|retention|responders?))\b",
    re.I,
)
NEGATIVE_RESULT = re.compile(
    r"\b(?:no (?:significant |clear |real )?(?:overall |meaningful |statistically significant |main )?"
    r"(?:difference|effect|benefit|advantage|reduction|improvement|change|increase|decrease|gain|rise)|did not"
    r"|didn't|failed|not significant\w*|no better|was not|were not|neither|nothing|could not|negative"
    r"|cannot|unable)\b",
    re.I,
)
_PEOPLE = r"(?:patients|people|participants|adults|men|women|veterans|smokers|drinkers|volunteers|users|subjects|inpatients|outpatients)"
COUNT = re.compile(
    rf"(?<![\d,.])(\d{{1,3}}(?:,\d{{3}})*|\d+)\s+(?:[A-Za-z-]+[ -]){{0,3}}?{_PEOPLE}\b", re.I
)
# Opposites that decide a conflict between two statements about the same thing.
_OPPOSITES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(a, re.I), re.compile(b, re.I))
    for a, b in (
        (r"\bliver\b|\bhepatic\b", r"\bkidneys?\b|\brenal\w*|\burine\b"),
        (r"\bfirst.?line\b", r"\bsecond.?line\b|\bnot (?:a )?first.?line\b|\bnot recommended\b"),
        (
            # ("signed off on it only for spasticity, so for drinking it is off-label": both)
            r"\bapproved\b|\bauthori[sz]ed\b|\blicensed\b|\bsigned off on\b"
            r"|\bgreen.?lit\b",
            # ("not FDA-approved", "never formally approved": still not approved)
            r"\boff.?label\b|\b(?:not|never) (?:been )?(?:[\w]+[- ])?approved\b|\bunapproved\b",
        ),
        (
            r"\bmild\b|\bharmless\b",
            r"\bsevere\b|\blife.?threatening\b|\bcoma\b|\bdeath\b|\bfatal\b",
        ),
        (
            r"\bwithdrawn\b|\bbanned\b|\bremoved\b",
            r"\bstill (?:authori[sz]ed|marketed|available|sold)\b|\bmarketed\b",
        ),
        (
            r"\b(?:blunt(?:s|ing|ed)?|weaken(?:s|ing|ed)?|counteract(?:s|ing|ed)?|cancels? out"
            r"|lessen(?:s|ing|ed)?|reduc(?:es?|ing)) (?:[\w'’-]+ ){0,2}(?:sedative |sedating )?effects?\b",
            r"\b(?:adds? to|increases?|enhances?|potentiates?|boosts?|strengthens?) (?:[\w-]+ ){0,4}effects?\b"
            r"|\badditive\b|\bincreases? (?:cns|central nervous system) depression\b",
        ),
        (
            r"\b(?:well|easily|generally) tolerated\b",
            r"\bpoorly tolerated\b|\bnot (?:well )?tolerated\b",
        ),
        (
            r"\b(?:clearly |well |firmly )?(?:established|proven|demonstrated|confirmed)\b",
            r"\binsufficient\b|\bnot (?:established|proven|demonstrated)\b|\bunproven\b|\buncertain\b|\bunclear\b",
        ),
    )
)
APPROXIMATE = re.compile(
    r"\b(?:more than|over|about|around|nearly|almost|some|roughly|approximately|~)\s*$", re.I
)


# "a Newcastle toxicology team", "the Danish researchers": the people standing for their study
_TEAM = re.compile(
    r"\b((?i:the|a|an|one|that|this)\s+(?:[\w-]+\s+){0,3}?)(?:research(?:ers| team| group)|team"
    r"|investigators|group of (?:researchers|investigators|authors))\b"
)


def _pooled_count(record: RecordInfo, low: str) -> bool:
    """A review named by the number of trials it pooled ("when the Cochrane reviewers pooled 17
    trials"), not by its year."""
    n = record.studies_pooled
    if not n or re.search(r"\b(?:19|20)\d\d\b", low):  # a year names the review, or another
        return False
    return bool(re.search(rf"\b{n} (?:randomi[sz]ed )?(?:controlled )?(?:trials|rcts)\b", low))


def named_studies(text: str, catalog: Sequence[RecordInfo]) -> list[str]:
    """Studies a claim names (trial name, or author surname with the year when there are
    several), or describes with its exact size and more ("180 American veterans with hepatitis
    C"): a looser description is too loose to decide a claim on."""
    # the team that did a study stands for it ("a Newcastle toxicology team found ...")
    text = _TEAM.sub(r"\1study", text)
    found = find_trials(text, catalog)
    # a surname that is a word here ("poisonings rose") names nobody: read without it
    words = {
        r.surname
        for r in catalog
        if r.id in found
        and r.surname
        and not re.search(rf"\b{re.escape(r.surname)}", text)
        and not any(n.lower() in text.lower() for n in r.trial_names)
    }
    if words:
        found = find_trials(
            re.sub(rf"\b(?:{'|'.join(map(re.escape, words))})\b", " ", text, flags=re.I), catalog
        )
    low = text.lower()
    # "Cochrane 2023 (17 trials, ...)": the review of that year, its trials counted (not "few
    # studies have ..., the 2023 Cochrane review says": a claim about many studies)
    many = re.search(
        r"\b(?:trials|studies|rcts)\b",
        re.sub(r"\b\d+ (?:randomi[sz]ed )?(?:controlled )?(?:trials|studies|rcts)\b", "", low),
    )
    if not found and "cochrane" in low and not many:
        found = [
            r.id
            for r in catalog
            if ((r.year and str(r.year) in low) or _pooled_count(r, low))
            and "cochrane" in f"{r.title} {r.journal or ''}".lower()
        ]
    sizes = group_sizes(low)
    named = []
    for rid in found:
        r = next((x for x in catalog if x.id == rid), None)
        if r is None:
            continue
        cochrane = "cochrane" in low and "cochrane" in f"{r.title} {r.journal or ''}".lower()
        if (
            any(n.lower() in low for n in r.trial_names)
            # a surname as a name, not a word ("Rose and Jones", not "poisonings rose")
            or (r.surname and re.search(rf"\b{re.escape(r.surname)}", text))
            or (cochrane and (str(r.year) in low or "latest" in low or _pooled_count(r, low)))
            or (r.n and r.n in sizes and len(found) == 1)
            or (
                len(found) == 1
                and (_STUDY_CUE.search(low) or _STUDY_LEAD.search(text))
                and description_fit(text, r, catalog) >= 2
            )
        ):
            named.append(rid)
    return named


# the clauses of a sentence about several studies ("Bacloville reported a benefit, while in
# ALPADIR ..."; "...; the Dutch trial ..."): a contrast or a semicolon starts the next study's
_STUDY_CLAUSE = re.compile(r";|,?\s+\b(?:while|whereas|but)\b|,\s+(?:and|whilst)\b", re.I)


def study_clauses(text: str, catalog: Sequence[RecordInfo]) -> list[str]:
    """A sentence about several studies as one claim per study, when each study is named in a
    clause of its own ("Bacloville reported a benefit, while in ALPADIR abstinence was ...": a
    true clause about one trial does not make a false one about another right); else the
    sentence. A clause naming no study stays with the one before it."""
    spans, last = [], 0
    for m in _STUDY_CLAUSE.finditer(text):
        spans.append((last, m.start()))
        last = m.end()
    spans = [(a, b) for a, b in [*spans, (last, len(text))] if text[a:b].strip()]
    named = [named_studies(text[a:b], catalog) for a, b in spans]
    if any(len(ids) > 1 for ids in named) or sum(len(ids) == 1 for ids in named) < 2:
        return [text]
    if len({ids[0] for ids in named if ids}) < sum(bool(ids) for ids in named):
        return [text]  # one study named twice: one claim about it
    # each study's claim runs from its clause to the next study's (its separator left out)
    firsts = [i for i, ids in enumerate(named) if ids]
    firsts[0] = 0
    ends = [spans[k - 1][1] for k in firsts[1:]] + [len(text)]
    return [text[spans[k][0] : e].strip(" ,;") for k, e in zip(firsts, ends, strict=True)]


# "the Dutch GHB study", "a large Ontario study", "the Denver trial": a description the trial
# finder resolves to one record, with a word saying it is one study
_STUDY_CUE = re.compile(
    r"\b(?:the|a|an|this|that|one) (?:\S+ ){0,6}?(?:trial|study|cohort|analysis|review|rct)\b", re.I
)
# a note or card that starts with the study: "Danish survey 2007-2012: ...", "Iranian trial, ..."
_STUDY_LEAD = re.compile(r"^(?:[A-Z][\w-]* ){1,3}(?:trial|study|cohort|survey|RCT)\b")


_CLAUSE = re.compile(
    r",\s*(?:so|but|which|because|while|whereas|although|though)\b|;|\bbecause\b|\bbut\b", re.I
)


def single_clause(text: str) -> bool:
    return not _CLAUSE.search(text)


def clauses(text: str) -> list[str]:
    """The clauses of a sentence ("X blunts Y, so Z" -> "X blunts Y", "Z"), never none."""
    return [c for c in _CLAUSE.split(text) if c and c.strip()] or [text]


_ANCHOR = re.compile(r"\b[A-Z][A-Za-z]{2,}\b|\b(?:19|20)\d\d\b")


def shares_anchor(claim: str, passage: str, meta: Any) -> bool:
    """The claim and the passage name the same thing: a name (RTU, Baclofen brand, a trial, an
    author) or a year that the passage's record is about."""
    names = {w.lower() for w in _ANCHOR.findall(claim)} - _COMMON_CAPS
    record_words = f"{meta.title} {meta.names} {passage}".lower()
    return any(n in record_words for n in names)


_COMMON_CAPS = {
    "the",
    "in",
    "a",
    "an",
    "it",
    "this",
    "that",
    "baclofen",
    "when",
    "then",
    "but",
    "and",
    "for",
    "people",
    "patients",
    "only",
    "some",
    "most",
    "after",
    "before",
    "one",
    "two",
    "its",
    "their",
}


_MAIN_OUTCOME = re.compile(
    r"\b(?:abstinen\w*|sober|relaps\w*|never went back|drinking|heavy drinking|success\w*"
    r"|respon\w*|quit\w*|stopped using|remission)\b",
    re.I,
)


def about_main_outcome(text: str) -> bool:
    return bool(_MAIN_OUTCOME.search(text))


def about_other_outcome(text: str, record: RecordInfo) -> bool:
    """A positive claim about a secondary outcome (anxiety, craving) of a negative trial is not a
    claim about its result."""
    return bool(
        re.search(r"\b(?:anxiety|mood|sleep|craving|liver|tolerat\w*|safety)\b", text, re.I)
    ) and not about_main_outcome(text)


def numbers_in_text(text: str) -> set[str]:
    return {n.replace(",", "") for n in re.findall(r"(?<![\w.])\d[\d,]*(?:\.\d+)?", text)}


_UNIT = re.compile(
    # (a comma only between digits: "in 2013, people who ..." is a year, then a clause)
    r"(?<![\w.])(\d(?:[\d,]*\d)?(?:\.\d+)?)[\s-]?(%|mg|years?|months?|weeks?|days?|hours?|"
    + _PEOPLE
    + r")\b",
    re.I,
)


_WORD_NUMBERS = {w: str(i) for i, w in enumerate(NUMBER_WORDS)}


# "more than 165,000", "about 30": a bound or a rounding, not the exact figure a source gives
_APPROXIMATE = re.compile(
    r"(?:more than|over|at least|almost|nearly|about|around|roughly|approximately|some|under"
    r"|fewer than|less than|up to|close to|~)\s*$",
    re.I,
)


_PER_GROUP = re.compile(r"\s+(?:per|in each|each) (?:arm|group)\b", re.I)


def quantities(text: str, exact: bool = False) -> set[tuple[str, str]]:
    """The (number, unit) pairs a text states; with ``exact``, only those it states exactly
    (not "more than 165,000 patients")."""
    out = set()
    text = re.sub(
        r"\b(" + "|".join(_WORD_NUMBERS) + r")\b(?=[\s-]+(?:years?|months?|weeks?|days?|hours?))",
        lambda m: _WORD_NUMBERS[m.group(1).lower()],
        text,
        flags=re.I,
    )
    for m in _UNIT.finditer(text):
        num, unit = m.group(1), m.group(2)
        if _PER_GROUP.match(text, m.end()):
            continue  # "42 patients per arm": not the study's size
        if exact and _APPROXIMATE.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        unit = unit.lower().rstrip("s")
        if unit in (
            "patient",
            "people",
            "participant",
            "adult",
            "men",
            "women",
            "veteran",
            "smoker",
            "drinker",
            "volunteer",
            "user",
            "subject",
            "inpatient",
            "outpatient",
        ):
            unit = "people"  # fmt: skip
        out.add((num.replace(",", ""), unit))
    return out


def number_conflict(
    claim: set[tuple[str, str]], passage: set[tuple[str, str]], known: set[tuple[str, str]]
) -> str | None:
    """The claim gives a quantity (5 years, 148 people) that the passage gives otherwise, and no
    record the claim may be about states that quantity at all."""
    for num, unit in claim:
        theirs = {n for n, u in passage if u == unit}
        if theirs and num not in theirs and (num, unit) not in known:
            return f"The curated source gives {', '.join(sorted(theirs))} {unit}, not {num}."
    return None


# A hedged claim ("suggests it can", "may help") does not contradict a plain finding.
HEDGED = re.compile(
    r"\b(?:may|might|could|can|suggests?|potential\w*|possibl\w*|perhaps|seems?|appears?)\b", re.I
)
_NEG_VERB = re.compile(
    r"\b(?:not|no|never|doesn't|does not|don't|do not|didn't|did not|cannot|can't|won't|will not"
    r"|isn't|is not|aren't|are not|wasn't|was not|failed to)\s+(?:\w+ly\s+|be\s+|been\s+|get\s+|to\s+)?(\w+)",
    re.I,
)


# what a negation denies, then what is so instead ("... not first developed as X: it was ...")
_CORRECTION = re.compile(r"[^.;:]*?(?::|;|,? but)\s+(?:it|this|they|baclofen|instead)\b", re.I)


_BARE = frozenset(tokenize("it them the a an for to of in and or only baclofen its this that as"))


def _object(text: str, start: int) -> set[str]:
    """The words a verb governs: those after it up to the clause's end (at most eight)."""
    return set(tokenize(re.split(r"[,;:.()]", text[start:], maxsplit=1)[0])[:8]) - _BARE


def negated_verb_conflict(a: str, b: str) -> bool:
    """One sentence negates a verb the other states plainly ("does not add to" / "adds to"), of
    the same thing: "never approved it for alcohol use disorder" does not deny "approved only for
    spasticity"."""
    for x, y in ((a, b), (b, a)):
        for m in _NEG_VERB.finditer(x):
            verb = tokenize(m.group(1))
            if not verb or _CORRECTION.match(x, m.end()):
                continue  # "was not first developed as X: it was designed for Y" denies X only
            y_toks = set(tokenize(y))
            if (
                verb[0] in y_toks
                and not any(tokenize(n.group(1))[:1] == verb[:1] for n in _NEG_VERB.finditer(y))
                # ("who were not opioid dependent" / "non-opioid-dependent": the same)
                and not re.search(rf"\bnon-?\s?{re.escape(m.group(1))}", y, re.I)
            ):
                denied = _object(x, m.end())
                stated = [
                    _object(y, v.end()) for v in re.finditer(rf"\b{re.escape(verb[0])}\w*", y, re.I)
                ]
                if denied and stated and all(o and not (o & denied) for o in stated):
                    continue  # stated of something else
                return True
    return False


_LOW_END = re.compile(r"\b(?:fewest|least|lightest|lowest|smallest|mildest)\b", re.I)
_HIGH_END = re.compile(r"\b(?:most heavily|heaviest|highest|largest|most severe|greatest)\b", re.I)


def extremes_differ(claim: str, passage: str) -> bool:
    """One names the low end where the other names the high end ("clearest in those with the
    fewest positive samples" / "in people who used cocaine most heavily"): not the same thing."""
    return any(
        x.search(claim) and not y.search(claim) and y.search(passage) and not x.search(passage)
        for x, y in ((_LOW_END, _HIGH_END), (_HIGH_END, _LOW_END))
    )


def opposite(claim: str, passage: str) -> str | None:
    for a, b in _OPPOSITES:
        for x, y in ((a, b), (b, a)):
            if (
                x.search(claim)
                and not y.search(claim)
                and y.search(passage)
                and not x.search(passage)
            ):
                return "The curated source says the opposite."
    return None


_NULL_OUTCOME = re.compile(
    r"\b(?:no (?:significant |clear )?(?:effect|difference|reduction|benefit) (?:on|in)"
    r"|did not (?:significantly )?(?:reduce|change|improve|affect|lower)|not (?:on|for))\s+([a-z ,-]{3,60})",
    re.I,
)


_UNCHANGED_OUTCOME = re.compile(
    r"(?:^|[;,]\s*|\band\s+)([a-z][a-z -]{2,60}?)\s+(?:were |was )?(?:unchanged|not reduced|not improved)\b",
    re.I,
)


def null_outcomes(key_result: str) -> list[set[str]]:
    """The outcomes a key result says were not changed ("no significant effect on heavy drinking
    days" -> {heavy, drink, day})."""
    found = [m.group(1) for m in _NULL_OUTCOME.finditer(key_result)]
    # "...; opioid-positive urine tests unchanged": the outcome before the word
    found += [m.group(1) for m in _UNCHANGED_OUTCOME.finditer(key_result)]
    return [set(tokenize(f)) - {"baclofen", "placebo"} for f in found]


# --------------------------------------------------------------------------- measured parameters

# How the body handles the drug, named in everyday and label words: a claim and a curated sentence
# about the same parameter must give overlapping figures.
_PARAMETERS: dict[str, re.Pattern[str]] = {
    name: re.compile(rx, re.I)
    for name, rx in (
        ("half-life", r"half.?life"),
        ("protein binding", r"protein.?bind\w*|bound to (?:plasma )?proteins?|protein.?bound"),
        (
            "bioavailability",
            r"bioavailab\w*|(?:reach\w*|makes? it into|gets? into|ends? up in) (?:the|your|his|her"
            r"|their|a person's) (?:blood\w*"
            r"|circulation)|\babsorbed\b",
        ),
        ("urinary excretion", r"\bin (?:the )?urine\b|excreted unchanged|renal(?:ly)? excret\w*"),
        ("liver metabolism", r"metaboli[sz]\w*"),
        ("cerebrospinal fluid", r"cerebrospinal|\bcsf\b"),
        ("peak", r"\bpeaks?\b|\bpeak (?:level|concentration)s?\b"),
    )
}
_RANGE = re.compile(
    r"(?P<cmp>more than|over|above|at least|less than|under|below|up to)?\s*"
    r"(?P<lo>\d+(?:\.\d+)?)(?:\s*%?\s*(?:to|-|–|and)\s*(?P<hi>\d+(?:\.\d+)?))?\s*"
    r"(?P<unit>%|per ?cent|hours?|h\b|minutes?)",
    re.I,
)


def parameters(text: str) -> set[str]:
    """The measured parameters a text gives figures for or names ("half-life", ...)."""
    return {name for name, rx in _PARAMETERS.items() if rx.search(text)}


def figure_ranges(text: str) -> dict[str, list[tuple[float, float]]]:
    """The figures of a text as ranges per unit ("20 to 30 hours" -> hour: (20, 30); "more than
    95%" -> %: (95, 100))."""
    out: dict[str, list[tuple[float, float]]] = {}
    for m in _RANGE.finditer(digits(text)):
        lo = float(m.group("lo"))
        hi = float(m.group("hi")) if m.group("hi") else lo
        unit = m.group("unit").lower()
        unit = "%" if unit.startswith(("%", "per")) else "hour" if unit[0] == "h" else "minute"
        cmp = (m.group("cmp") or "").lower()
        if cmp in ("more than", "over", "above", "at least"):
            hi = 100.0 if unit == "%" else lo * 10
        elif cmp in ("less than", "under", "below", "up to"):
            lo = 0.0
        out.setdefault(unit, []).append((lo, hi))
    return out


# a length of time in days, as hours ("its half-life is roughly a full day")
_DAY_HOURS = {"a": "24 hours", "one": "24 hours", "two": "48 hours", "a couple of": "48 hours"}
_DAYS = re.compile(
    r"(?<!times )(?<!per )\b(a couple of|two|one|a)\s+(?:full\s+|whole\s+|entire\s+)?days?\b", re.I
)
# parameters given as a share of the dose: "about a quarter" is 18-32%
_SHARE_PARAMETERS = frozenset(
    {"bioavailability", "protein binding", "urinary excretion", "liver metabolism"}
)
_PARAM_CLAUSES = re.compile(r",\s*(?:and|while|whereas|but)\s+|;\s*")


def parameter_conflict(claim: str, passage: str) -> str | None:
    """The claim and a clause of the passage give one measured parameter (half-life, protein
    binding, ...) figures in the same unit whose ranges do not meet, allowing a quarter either
    way. A cerebrospinal-fluid figure is only compared with another."""
    return parameter_reading(claim, passage)[0]


def parameter_reading(claim: str, passage: str) -> tuple[str | None, bool]:
    """(why the passage's figure for the claim's one parameter conflicts with the claim's, or
    None; whether some clause of the passage gives a figure the claim's meets)."""
    params = parameters(claim)
    if len(params) != 1:
        return None, False
    name = next(iter(params))
    csf = "cerebrospinal fluid" in parameters(claim)
    # only the claim's figures said of that parameter ("15% is deaminated in the liver, and
    # 70-80% leaves in the urine": the urine figure is 70-80%)
    said_of = " ".join(c for c in _PARAM_CLAUSES.split(claim) if _PARAMETERS[name].search(c))
    said_of = _DAYS.sub(lambda m: _DAY_HOURS[m.group(1).lower()], said_of)  # "a full day"
    mine = figure_ranges(said_of)
    if not mine and name in _SHARE_PARAMETERS and (shares := shares_of(said_of)):
        mine = {"%": [(lo * 100, hi * 100) for lo, hi in shares]}  # "about a quarter"
    if not mine and name == "protein binding":  # "highly protein-bound" says more than 80%
        if re.search(r"\b(?:highly|extensively|heavily|strongly|tightly|mostly)\b", said_of, re.I):
            mine = {"%": [(80.0, 100.0)]}
        elif re.search(r"\b(?:poorly|weakly|minimally|barely)\b", said_of, re.I):
            mine = {"%": [(0.0, 15.0)]}
    met = False
    for clause in _PARAM_CLAUSES.split(passage):
        found = parameters(clause)
        if name not in found or ("cerebrospinal fluid" in found) != csf:
            continue
        theirs = figure_ranges(clause)
        for unit, ranges in mine.items():
            if unit not in theirs:
                continue
            for lo, hi in ranges:
                if all(hi < tlo * 0.75 or lo > thi * 1.25 for tlo, thi in theirs[unit]):
                    shown = ", ".join(
                        f"{a:g}" if a == b else f"{a:g}-{b:g}" for a, b in theirs[unit]
                    )
                    label = "%" if unit == "%" else f" {unit}s"
                    said = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
                    why = f"The curated source gives a {name} of {shown}{label}, not {said}{label}."
                    return why, met
                met = True
    return None, met
