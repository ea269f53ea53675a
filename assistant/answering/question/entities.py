"""What a question names: substances, jurisdictions, other medicines, conditions of the
contraindication table, studies (by trial name, author and year, or by description matched
against each record's profile) and the user's own documents. Plain functions of the question's
English text and the record catalogue; :mod:`assistant.answering.question.plan` builds the plan on them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from assistant.answering.question.language import fold
from assistant.answering.question.places import (
    find_countries,
    find_jurisdictions,
    norm,
    one_country_word,
    region_states,
)
from assistant.answering.question.study_cues import (
    ASKS_IF_TRIAL,
    BIG_STUDY,
    EVERY_MEDICINE,
    FIRST_STUDY,
    GUIDANCE,
    LABELS_OWN,
    LIKE_THEM,
    ONE_PERSON,
    POOLED_CUE,
    RECORDS_KEPT,
    TRIAL_CUE,
    TWO_DOSE_ARMS,
    TWO_DOSES,
    UNCONTROLLED,
    group_sizes,
    roughly,
    study_weeks,
    trials_counted,
    writers_said,
)
from assistant.library import contraindications as ci
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import BRANDS, INTERACTION_CLASSES, MONTHS, SUBSTANCE_NAMES

# --------------------------------------------------------------------------- word lists

BACLOFEN = re.compile(
    rf"\b(?:baclofen\w*|{'|'.join(b.lower() for b in BRANDS)}|muscle relax(?:ant|er)s?"
    r"|spasm (?:drugs?|pills?|tablets?|medicines?|medications?)|the drug|the medicine|the pill)\b"
)
# Medicines other than baclofen: names, brands, and the endings of their classes' names.
_OTHER_DRUG = re.compile(
    r"\b(naltrexone|acamprosate|nalmefene|topiramate|gabapentin|pregabalin|disulfiram|antabuse"
    r"|varenicline|bupropion|clonidine|lofexidine|tizanidine|cyclobenzaprine|dantrolene"
    r"|methocarbamol|carisoprodol|orphenadrine|metaxalone|chlorzoxazone|robaxin|soma|flexeril"
    r"|sodium oxybate|methadone|buprenorphine|suboxone|naloxone|tramadol|ketamine|lithium"
    r"|metformin|paracetamol|acetaminophen|aspirin|ibuprofen|naproxen|amoxicillin|penicillin"
    r"|insulin|warfarin|melatonin|ondansetron|sertraline|fluoxetine|quetiapine|olanzapine"
    r"|mirtazapine|modafinil|chlordiazepoxide|phenobarbital|carbamazepine|valproate|zolpidem"
    r"|amitriptyline|diazepam|lorazepam|oxazepam|alprazolam|clonazepam|xanax|valium|ativan"
    r"|klonopin|vitamin [a-z]\d?|vitamins?|morphine|oxycodone|fentanyl|heroin|codeine|amlodipine"
    r"|citalopram|escitalopram|phenelzine|tranylcypromine|selegiline|zopiclone|eszopiclone|zaleplon"
    r"|ssris?|snris?|clomipramine|imipramine|doxepin|anafranil|co-?codamol|piriton|chlorphenamine"
    r"|chlorpheniramine|amlodipino|promethazine|diphenhydramine|cetirizine|loratadine|sativex"
    r"|nabiximols|nabilone|dronabinol|botox|botulinum toxin"
    r"|[a-z]{3,}(?:azepam|azolam|barbital|olol|pril|sartan|statin|prazole|triptyline|oxetine"
    r"|cillin|mycin|floxacin|profen|codone|morphone))\b"
)
# Substances of abuse that are also medicines, named as what is treated ("the heroin study", "off
# oxycodone"), are not "other medicines" (methadone and buprenorphine only by their use)
_ABUSED = {"heroin", "morphine", "oxycodone", "fentanyl", "methadone", "buprenorphine"}
_TREATED = r"\b{m} (?:use|addiction|dependence|users?)\b"
_TREATED_DRUG = _TREATED + r"|\b{m} (?:addicts?|habit|stud(?:y|ies)|trials?)\b|\b(?:off|for) {m}\b"


@lru_cache(maxsize=512)
def record_places(title: str) -> frozenset[str]:
    """The jurisdictions a record's title is about ("France: Baclocur ...")."""
    return frozenset(find_jurisdictions(title))


_GENERIC = frozenset(
    tokenize(
        "baclofen trial trials study studies find found show showed result results what did "
        "does do which how people patients paper review meta analysis conclude published "
        "effect effects drug medicine muscle relaxant spasm pill pills the in of a and with "
        "about say says tell me know make made any difference work worked help helped "
        # (where a study's data came from, not what it was about: "reused data from an earlier one")
        "data new brand own earlier previous reuse reused fresh "
        # (comparisons inside a study, "the bigger dose did less than the smaller one")
        "smaller bigger larger less more alone own between against versus "
        "often usually common commonly many much well give gave given giving"  # (how it asks)
    )
)
# a study of (alcohol) withdrawal named as such ("an earlier withdrawal trial"), not stopping baclofen
WITHDRAWAL_STUDY = re.compile(r"\bwithdrawal (?:stud(?:y|ies)|trials?)\b", re.I)
_DATE_WORDS = frozenset(tokenize(" ".join(MONTHS)))
_NUMBER = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\b")
_ASPECTS = {
    "craving": r"\bcrav\w*|\burges?\b|\bdesire\b|\bwant(?:ing)? to drink\b",
    "dose": r"\bhigh(?:er)?.?doses?\b|\bdose.?response\b|\blow(?:er)?.?doses?\b|\bdoses? matter\b"
    r"|\bbigger doses?\b|\bdoses? above\b|\bmore of (?:it|baclofen|the \w+(?: \w+)?) (?:is )?better\b"
    r"|\b(?:modest|small|smaller|large|larger|big|bigger) (?:amounts?|doses?)\b|\bamounts? matter\b",
    "negative": r"\bnegative\b|\bfail\w*|\bno (?:benefit|effect|difference)\b|\bdid not work\b"
    r"|\bfound nothing\b|\bnothing\b|\bdid(?:n'?t| not) help\b"
    r"|\bdidn'?t work\b|\bnot work\b|\bnull\b|\bunsuccessful\b",
    "positive": r"\bpositive\b|\bsuccessful\b|\bworked\b|\bshowed (?:a )?benefit\b"
    r"|\bfound (?:that )?baclofen (?:helped|worked|reduced|improved)\b|\bhelped\b"
    r"|\bfound (?:a )?benefit\b",
    "withdrawal_treatment": r"\b(?:alcohol|opioid|opiate|heroin|methadone)s? withdrawal\b"
    r"|\bwithdrawal syndrome\b(?! (?:from|of) baclofen)"
    r"|(?<!after )(?<!already )\bdetox(?:ification|ing)?\b(?! (?:programme|program|is over))",
    "latest": r"\blatest\b|\bmost recent\b|\bnewest\b|\bcurrent\b|\bup.?to.?date\b",
}
ASPECT_RX = {k: re.compile(v) for k, v in _ASPECTS.items()}
SUBSTANCE_RX = {s.key: re.compile(rf"(?:{s.words})") for s in SUBSTANCE_NAMES if s.key != "general"}
_OLDER = re.compile(
    r"\b(?:[6-9]\d|1[01]\d).?years?.?old\b|\bpensioners?\b|\bseniors?\b"
    # "my mum is 74", "my dad, 81,": a relative's age said alone
    r"|\b(?:mum|mom|mother|dad|father|parent|nan|nana|gran|granny|grandma|grandad|grandpa|grandmother"
    r"|grandfather|husband|wife)(?:'s)?,? (?:is |who is |aged )?(?:[6-9]\d|1[01]\d)\b"
)

# "my son is 13", "a 16-year-old", "given to children": someone under 18 (not "who want children")
_YOUNGER = re.compile(
    r"\b(?:[1-9]|1[0-7]).?years?.?old\b|\bteens\b"
    r"|\b(?:to|for|in|treat\w*|give\w*|prescrib\w*) (?:young |small |little )?(?:children|child|kids)\b"
    r"|\b(?:son|daughter|boy|girl|nephew|niece|grandson|granddaughter|child|kid|brother|sister)"
    r"(?:'s)?,? (?:is |who is |aged |is only |who's )?(?:[1-9]|1[0-7])\b(?! ?(?:mg|milligrams|tablets|pills|days|weeks|months))"
)


def find_substances(text: str) -> list[str]:
    t = norm(text)
    # drinking *while on* baclofen is an interaction with alcohol, still about alcohol
    return [k for k, rx in SUBSTANCE_RX.items() if rx.search(t)]


# brand names the sources write as the medicine's own name
_GENERIC_NAME = {
    "antabuse": "disulfiram",
    "xanax": "alprazolam",
    "valium": "diazepam",
    "ativan": "lorazepam",
    "klonopin": "clonazepam",
    "suboxone": "buprenorphine",
    "anafranil": "clomipramine",
    "co-codamol": "codeine",
    "cocodamol": "codeine",
    "piriton": "chlorphenamine",
    "chlorpheniramine": "chlorphenamine",
    "amlodipino": "amlodipine",
    "flexeril": "cyclobenzaprine",
    "robaxin": "methocarbamol",
    "soma": "carisoprodol",
}


# how French, Spanish, German and Italian spell a medicine's English name ("tramadolo", "morfina",
# "Sertralin", "ibuprofène"): the ending each writes, and the English one
_FOREIGN_ENDINGS = (
    ("olo", "ol"), ("tilina", "tyline"), ("don", "done"), ("ina", "ine"), ("ino", "ine"), ("in", "ine"), ("ene", "en"), ("eno", "en"),
    ("ona", "one"), ("ono", "one"), ("a", "e"), ("a", ""), ("o", ""), ("e", ""),
)  # fmt: skip


def _known_medicine(word: str) -> bool:
    return bool(_OTHER_DRUG.fullmatch(word)) or any(
        re.fullmatch(c.members, word) for c in INTERACTION_CLASSES
    )


def english_medicine_names(text: str) -> str:
    """A question in another language with its medicine names in their English form, when that
    form is a medicine the library knows ("tramadolo" -> "tramadol", "morfina" -> "morphine");
    every other word is left as it is."""

    def english(m: re.Match[str]) -> str:
        word = fold(m.group(0))
        if _known_medicine(word):
            return word  # ("quétiapine")
        # ("morfina" -> "morphine", "metadona" -> "methadone")
        spellings = (word, word.replace("f", "ph"), word.replace("t", "th"))
        for spelled in dict.fromkeys(spellings):
            for ending, instead in _FOREIGN_ENDINGS:
                if spelled.endswith(ending) and _known_medicine(spelled[: -len(ending)] + instead):
                    return spelled[: -len(ending)] + instead
        return m.group(0)

    return re.sub(r"\b[^\W\d_]{5,}\b", english, text)


def find_other_medicines(text: str) -> list[str]:
    t = norm(text)
    found = list(dict.fromkeys(_GENERIC_NAME.get(m, m) for m in _OTHER_DRUG.findall(t)))
    rx = {m: _TREATED if m in ("methadone", "buprenorphine") else _TREATED_DRUG for m in _ABUSED}
    return [m for m in found if m not in _ABUSED or not re.search(rx[m].format(m=m), t)]


# how the kidneys clear baclofen is pharmacokinetics, not kidney disease (no renal notice), and
# so is "in people with normal kidney function" (the usual figure)
HOW_CLEARED = re.compile(
    r"\brenal (?:clearance|excretion|elimination)\b|\b(?:eliminated|excreted|cleared|removed)"
    r" (?:\w+ )?(?:by|via|through) the kidneys\b"
    r"|\b(?:normal|healthy|intact) (?:kidney|renal) function\b|\b(?:normal|healthy) kidneys\b"
    # how the liver handles it, not liver disease ("its limited liver metabolism")
    r"|\b(?:liver|hepatic) (?:metabolism|clearance)\b|\b(?:metaboli[sz]ed|broken down|processed)"
    r" (?:\w+ )?(?:by|in|through) the liver\b"
)


# "sent home on oxycodone after his op": an opioid painkiller prescribed alongside, no addiction
PAINKILLER = (
    r"\b(?:on|taking|takes|prescribed|given|started on|put on) (?:\w+ ){0,2}?(?:oxycodone|morphine"
    r"|codeine|tramadol|opioid painkillers?|opioids? for (?:the |his |her |my )?pain)\b"
    r"(?! (?:use|dependence|addiction|problems?|craving))"
)


def find_conditions(text: str) -> list[str]:
    try:
        table = ci.load_table()
    except ci.ContraindicationError:
        return []
    t = norm(text)
    t = ci.USE_DISORDER.sub(" ", t)  # the disorder treated is not a co-ingested depressant
    t = re.sub(r"\bkidney beans?\b", " ", t)
    t = HOW_CLEARED.sub(" ", t)
    found = [c.key for c in ci.mentioned(t, table)]
    if _OLDER.search(t) and "older_adults" not in found:
        found.append("older_adults")
    if _YOUNGER.search(t) and "under_18" not in found:
        found.append("under_18")
    return found


# one word for a study's deaths however a question puts them ("people who died")
_SAME = (
    {t: "death" for t in tokenize("die died dead deaths fatal fatalities kill killed")}
    | {t: t[:-3] for t in tokenize("western eastern northern southern")}  # ("in west France")
    # "deaths linked to baclofen": baclofen-related deaths
    | {t: "relat" for t in tokenize("linked associated connected involving attributed")}
    | {t: "benzodiazepin" for t in tokenize("benzos benzo")}
)


class _Profiles:
    """IDF-weighted word matching of a question against the records' profiles."""

    def __init__(self, catalog: Sequence[RecordInfo]) -> None:
        self.records = [r for r in catalog if r.evidence not in ("label", "regulatory", "overview")]
        self.tokens = [
            {
                _SAME.get(t, t)
                for t in tokenize(
                    one_country_word(norm(f"{r.profile} {r.short_cite} {r.country or ''}"))
                )
            }
            - _GENERIC
            for r in self.records
        ]
        self.numbers = [
            {n.replace(",", "") for n in _NUMBER.findall(r.profile)}
            | ({str(r.n)} if r.n else set())
            for r in self.records
        ]
        df = Counter(t for toks in self.tokens for t in toks)
        n = max(1, len(self.records))
        self.idf = {t: math.log(1 + n / c) for t, c in df.items()}

    def scores(self, text: str) -> list[float]:
        q = {_SAME.get(t, t) for t in tokenize(text)} - _GENERIC
        nums = {x.replace(",", "") for x in _NUMBER.findall(text)} - {"1", "2", "3"}
        # (a year names a study by its own year, not by another record citing that year)
        nums = {x for x in nums if not re.fullmatch(r"(?:19|20)\d\d", x)}
        out = []
        for toks, numbers in zip(self.tokens, self.numbers, strict=True):
            score = sum(self.idf.get(t, 0.0) for t in q & toks)
            score += 2.5 * len(nums & numbers)
            out.append(score)
        return out


@lru_cache(maxsize=8)
def _profiles(key: tuple[str, ...], catalog: tuple[RecordInfo, ...]) -> _Profiles:
    return _Profiles(catalog)


def find_trials(text: str, catalog: Sequence[RecordInfo]) -> list[str]:
    """Record ids a question names ("ALPADIR", "Garbutt 2010") or describes ("the Dutch
    multicentre trial", "the Duluth alcohol withdrawal trial")."""
    t = norm(text)
    if not catalog:
        return []
    profiles = _profiles(tuple(r.id for r in catalog), tuple(catalog))
    named: list[tuple[float, str]] = []
    years = {int(y) for y in re.findall(r"\b(19[5-9]\d|20[0-4]\d)\b", t)}
    for r in profiles.records:
        score = 0.0
        for name in r.trial_names:
            if re.search(rf"\b{re.escape(norm(name))}\b", t):
                score += 5
        surname = norm(r.surname) if r.surname else ""
        # (a place, not the author: "my husband's doctor in lyon", not "lyon 2011" or "lyon's trial")
        place = rf"\b(?:in|from|at|near) {re.escape(surname)}\b(?!'s| et al| and col| \d)"
        if (
            surname
            and len(surname) > 2
            and re.search(rf"\b{re.escape(surname)}\b", t)
            and not (re.search(place, t) and len(re.findall(rf"\b{re.escape(surname)}\b", t)) == 1)
        ):
            score += 3 + (2 if r.year in years else -0.5 if years else 0)
        if score:
            named.append((score, r.id))
    if named:
        best = max(s for s, _ in named)
        tied = [rid for s, rid in named if s >= best - 0.01]
        if len(tied) > 1 and best < 4.5:
            # "the Addolorato cirrhosis trial": an author of several studies, no year; the question's
            # other words (population, country, dose) pick among them when one fits best
            fit = dict(zip((r.id for r in profiles.records), profiles.scores(t), strict=True))
            ranked = sorted(tied, key=lambda rid: -fit[rid])
            if fit[ranked[0]] > fit[ranked[1]]:
                named = [(s + 0.5 * (rid == ranked[0]), rid) for s, rid in named]
        named.sort(key=lambda x: -x[0])
        best = named[0][0]
        return (
            [rid for s, rid in named if s >= best - 0.01][:3]
            if best >= 4.5
            else [rid for s, rid in named if s >= best - 0.01][:1]
        )
    if LABELS_OWN.search(t):
        return []  # "the controlled study the US label cites": the label's, not a record of its own
    cue, told = bool(TRIAL_CUE.search(t)), t
    # "my brother takes it with diazepam. in that australian study of deaths, ...?": the story
    # before does not describe the study; the sentence that does is scored
    parts = re.split(r"(?<=[.!?])\s+", t)
    cued = [p for p in parts if TRIAL_CUE.search(p)]
    asks_if_so = bool(cued) and all(ASKS_IF_TRIAL.search(p) and len(p.split()) <= 12 for p in cued)
    if cue and len(parts) > 1 and not TRIAL_CUE.search(parts[0]) and not LIKE_THEM.search(t):
        # (unless "people like him" points back into the story: "his liver is in a bad way", or
        # the study asked about is the story's: "... half stay off it. was that from a trial?")
        t = t if asks_if_so else " ".join(cued) or t
        text = t
    if re.search(r"\b(?:trials|studies|rcts|meta.?analyses|reviews)\b", t) and not re.search(
        r"\b(?:the|that|this|a) (?:\S+ ){0,8}?(?:trial|study|rct|review|meta.?analysis|cohort|look"
        r"|roundup|round-up|comparison|analysis|overview)\b",
        t,
    ):
        return []  # "which trials were negative?" asks about many studies, not one
    # ("valium": diazepam; "Australian", "in Australia": one word)
    brands = re.sub(rf"\b(?:{'|'.join(_GENERIC_NAME)})\b", lambda m: _GENERIC_NAME[m.group(0)], t)
    # "the book of the doctor who ...": a physician is the study's subject, not the asker's doctor
    scores = profiles.scores(one_country_word(re.sub(r"\bdoctor (?=who\b)", "physician ", brands)))
    # one year, not a period ("from 2000 to 2022", "2009-2015"): the study's own
    dated = len(years) == 1 and not re.search(
        r"\b(?:19|20)\d\d ?(?:-|to|and|until) ?(?:19|20)\d\d", t
    )
    # ("was that from a proper controlled trial?" asks whether it was one, not which trial)
    trial_word = bool(re.search(r"\btrial\b|\brct\b|\brandomi[sz]ed\b", ASKS_IF_TRIAL.sub(" ", t)))
    doses = {float(d) for d in re.findall(r"\b(\d{2,3}) ?(?:mg|milligrams?)\b", t)}
    countries = find_countries(t)
    states = region_states(t)
    subs = set(find_substances(text))
    counted = trials_counted(t)  # "a dozen studies": how many a review pooled
    every_medicine = bool(EVERY_MEDICINE.search(t))
    # ("... a 'low' versus a 'high' amount. in that review that set the two against each other")
    two_doses = bool(
        TWO_DOSES.search(t) or (re.search(r"\bthe two\b", t) and TWO_DOSES.search(told))
    )
    pooled = bool(POOLED_CUE.search(t))
    latest = bool(ASPECT_RX["latest"].search(t)) or "first" in t.split()
    sizes = group_sizes(t)
    weeks = study_weeks(t)
    uncontrolled = bool(UNCONTROLLED.search(t))
    one_person, records_kept = bool(ONE_PERSON.search(t)), bool(RECORDS_KEPT.search(t))
    guidance = bool(GUIDANCE.search(t))
    # ("the one with no dummy pills" names the dummy pills it did not have)
    controlled = not uncontrolled and bool(
        re.search(r"\b(?:placebo|dummy|sugar) ?(?:pills?|tablets?)?\b", t)
    )
    # a place or a name written with a capital ("the later Denver trial"): what only one study
    # is known by weighs more than the common words around it
    proper = {
        w
        for word in re.findall(r"(?<=\S )[A-Z][a-z]{3,}\b", text)
        if not find_countries(word.lower())  # (a country counts by the study's own field)
        for w in tokenize(word)
        if w not in _GENERIC and sum(w in toks for toks in profiles.tokens) <= 2
    }
    for i, r in enumerate(profiles.records):
        scores[i] += 2.5 * len(proper & profiles.tokens[i])
        if sizes and r.n in sizes:
            scores[i] += 3  # "ten men", "12 drinkers": the study's size
        if weeks and r.duration_weeks and abs(r.duration_weeks - weeks) <= 0.2 * weeks:
            scores[i] += 1.5  # "for a month", "over 12 weeks"
        if uncontrolled:
            scores[i] += 1.5 if r.comparator == "none" else -1 if r.comparator == "placebo" else 0
        elif controlled:  # "compared with dummy pills": not an open pilot
            scores[i] += 1 if r.comparator == "placebo" else -1.5 if r.comparator == "none" else 0
        if subs and not subs & set(r.substances):
            # a general record (pharmacology, labels) may answer an alcohol question, less so
            scores[i] -= 2 if subs <= {"alcohol"} and "general" in r.substances else 3
        elif len(subs) > 1:
            # "in alcohol-dependent smokers": a study of both, rather than of one of them
            scores[i] += 2.5 if subs <= set(r.substances) else -2
        if pooled != (r.evidence in ("meta-analysis", "systematic-review")):
            scores[i] -= 3 if pooled else 0.5
        elif pooled and counted and r.studies_pooled and not latest:  # ("the first review")
            scores[i] += 4 if r.studies_pooled in counted else -2
        if two_doses:  # "the study that tried two strengths": two doses against placebo
            scores[i] += 1.5 if TWO_DOSE_ARMS.search(r.dose_text or "") else -0.5
        if pooled and every_medicine and re.search(r"\bnetwork\b", r.design or "", re.I):
            scores[i] += 3  # every medicine compared: a network meta-analysis
        if dated:  # "the 2017 American trial": its year all but names it
            scores[i] += 3.5 if r.year in years else -1
        elif r.year in years:  # ("from 2000 to 2022": a period, not the study's year)
            scores[i] += 2
        if countries and r.country:
            scores[i] += 3 if r.country in countries else -1
        if states and r.country == "United States":
            scores[i] += 2.5 if states & profiles.tokens[i] else -1  # "in the Midwest"
        if trial_word:
            scores[i] += 1.5 if r.evidence == "rct" else -1 if r.evidence == "cohort" else 0
        if doses and r.max_dose_mg in doses:
            scores[i] += 2
        if one_person and r.evidence == "case-report":
            scores[i] += 2.5  # "the doctor who treated his own drinking"
        if records_kept:
            scores[i] += 1.5 if r.evidence == "cohort" else -1 if r.evidence == "rct" else 0
        if r.evidence == "guideline" and not guidance:
            scores[i] -= 2  # a guideline is described as one, not as "that clinic where ..."
        if r.user:
            scores[i] -= 2
        scores[i] += writers_said(t, r.design or "", r.authors)
    order = _first_report_first(
        sorted(range(len(scores)), key=lambda i: -scores[i]), scores, profiles
    )
    best, second = scores[order[0]], scores[order[1]] if len(order) > 1 else 0.0
    if pooled and "cochrane" in t and not years:
        latest = True  # "the Cochrane review", no year: the current one
    if latest and pooled:  # "the latest Cochrane review": the newest among the close ones
        close = [
            i
            for i in order
            if scores[i] >= best - 2
            and profiles.records[i].evidence in ("meta-analysis", "systematic-review")
        ] or order[:1]  # (a review, not the newest trial scoring near one)
        # ("the first Cochrane review": the oldest of them)
        first = not ASPECT_RX["latest"].search(t) and re.search(
            r"\b(?:first|earliest|original)\b", t
        )
        pick = (min if first else max)(close, key=lambda i: profiles.records[i].year or 0)
        return [profiles.records[pick].id]
    if FIRST_STUDY.search(t) and not pooled and best >= 5.0:
        # "the first Italian study": the earliest of those that fit about as well
        close = [i for i in order if scores[i] >= best - 1.0]
        if controlled or uncontrolled:  # "the first Italian study with (no) dummy pills"
            want = "placebo" if controlled else "none"
            close = [i for i in close if profiles.records[i].comparator == want] or close
        pick = min(close, key=lambda i: profiles.records[i].year or 9999)
        return [profiles.records[pick].id]
    if cue and best >= 5.0 and best - second >= 1.2:
        return [profiles.records[order[0]].id]
    if cue and best >= 5.0 and BIG_STUDY.search(t):
        # "the big network meta-analysis": the largest of those that fit as well
        close = [i for i in order if scores[i] >= best - 1.0]
        sizes_of = sorted((profiles.records[i].n or 0 for i in close), reverse=True)
        if len(sizes_of) > 1 and sizes_of[0] > 2 * sizes_of[1]:
            return [max((profiles.records[i] for i in close), key=lambda r: r.n or 0).id]
    if cue and best >= 3.5 and best - second >= 3.0 and find_other_medicines(t):
        # "the clonidine study": the only study of baclofen against that medicine
        return [profiles.records[order[0]].id]
    top, runner = profiles.records[order[0]], profiles.records[order[1]] if len(order) > 1 else None
    # (a size in the hundreds or more is all but unique: "the study of 165,334 people")
    enough = best >= 8.0 or (cue and top.n is not None and top.n >= 100 and best >= 3.0)
    if sizes and top.n in sizes and (runner is None or runner.n not in sizes) and enough:
        return [top.id]  # described by its size and more ("ten men ... for a month")
    if (
        best >= 12.0
        and best >= 1.8 * max(second, 1.0)  # described without "trial" or "study"
        # by more than a date ("suspended in June 2020" is not the trial published then)
        and {w for w in set(tokenize(t)) & profiles.tokens[order[0]] if not w.isdigit()}
        - _DATE_WORDS
    ):
        return [profiles.records[order[0]].id]
    return []


def _first_report_first(order: list[int], scores: list[float], profiles: _Profiles) -> list[int]:
    """``order`` with two papers on one sample that fit equally well ("the Iranian clonidine
    trial") as one: the first report leads, its companion goes last."""
    top = profiles.records[order[0]]
    twins = [
        i
        for i in order[1:]
        if scores[i] >= scores[order[0]] - 0.01
        and (
            profiles.records[i].id in top.same_sample_as
            or top.id in profiles.records[i].same_sample_as
        )
    ]
    if not twins:
        return order
    # (a paper with a result before a protocol; then the earliest)
    first = min(
        [order[0], *twins],
        key=lambda i: (
            profiles.records[i].result in (None, "", "not-applicable"),
            profiles.records[i].year or 9999,
        ),
    )
    rest = [i for i in order if i != first and i not in twins and i != order[0]]
    return [first, *rest, *(i for i in [order[0], *twins] if i != first)]


def find_documents(text: str, catalog: Sequence[RecordInfo], document_cue: bool) -> list[str]:
    """The user's documents a question is about: named by title, or the latest one added when
    the question says "the article / this document" without naming one."""
    docs = [r for r in catalog if r.user]
    if not docs:
        return []
    t = norm(text)
    for r in docs:
        title = norm(r.title)
        words = [w for w in title.split() if len(w) > 3]
        if title and (
            title in t or (len(words) >= 3 and sum(w in t for w in words) >= 0.8 * len(words))
        ):
            return [r.id]
    if document_cue:
        latest = max(docs, key=lambda r: (r.added or "", r.id))
        return [latest.id]
    return []


def description_fit(text: str, record: RecordInfo, catalog: Sequence[RecordInfo]) -> int:
    """How many independent details of a description fit ``record`` ("the Dutch GHB study":
    country and substance, 2), or -1 when one detail contradicts it (a Japanese trial is not an
    international meta-analysis; a 2022 trial is not one from 2018)."""
    t = norm(text)
    fit = 0
    countries = find_countries(t)
    if countries and record.country:
        if record.country not in countries:
            return -1
        fit += 1
    # a period ("between 2000 and 2022") is when the study looked, not when it was published
    undated = re.sub(
        r"\b(?:between|from)\s+(?:19|20)\d\d\s+(?:and|to)\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b",
        " ",
        t,
    )
    years = {int(y) for y in re.findall(r"\b(19[5-9]\d|20[0-4]\d)\b", undated)}
    if years:
        if record.year not in years:
            return -1
        fit += 1
    sizes = group_sizes(t)
    if sizes:
        if record.n not in sizes and not roughly(t, record.n):
            return -1
        fit += 1
    doses = {float(d) for d in re.findall(r"\b(\d{2,3}) ?(?:mg|milligrams?)\b", t)}
    if record.max_dose_mg and record.max_dose_mg in doses:
        fit += 1
    subs = set(find_substances(text)) - {"alcohol", "general"}
    if subs:
        if not subs & set(record.substances):
            return -1
        fit += 1
    if re.search(r"\b(?:trial|rct|randomi[sz]ed)\b", t) and record.evidence in (
        "meta-analysis",
        "systematic-review",
        "review",
    ):
        return -1
    profiles = _profiles(tuple(r.id for r in catalog), tuple(catalog))
    i = next((i for i, r in enumerate(profiles.records) if r.id == record.id), None)
    if i is not None:  # rare words of its description: a city, a population
        rare = {
            w
            for w in (set(tokenize(t)) - _GENERIC) & profiles.tokens[i]
            if profiles.idf.get(w, 0.0) >= 2.5
        }
        names = set(tokenize(" ".join(re.findall(r"(?<=\w )[A-Z][a-z]{2,}", text))))
        fit += min(2, len(rare & names)) + (1 if rare - names else 0)
    return fit
