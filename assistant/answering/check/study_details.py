"""A study's own details against its record (``assistant check``): the country, year, highest
dose, treatment period and count of events a claim gives the study it names, each contradicted
by the record's own sentence stating it; and the record lookups the study checks share (its
texts, figures and the first sentence matching a pattern). Mixed into
:class:`~assistant.answering.check.studies.StudyChecks`.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.answering.check import contrasts as ct
from assistant.answering.check import study_readings as sr
from assistant.answering.check.agreement import APPROXIMATE, COUNT, named_studies, numbers_in_text
from assistant.answering.check.claims import Claim
from assistant.answering.question.entities import (
    description_fit,
    find_countries,
    find_other_medicines,
)
from assistant.library.records import RecordInfo

# "a Belgian trial", "an Italian study that ...", "one Aussie trial": the country word of a study
_COUNTRY_OF_STUDY = re.compile(
    r"\b(?i:a|an|the|one|this|that)\s+(?:\w+\s+){0,2}?([A-Z][a-z]+)\s+(?:\w+\s+)?"
    r"(?:trial|study|rct|cohort|survey)\b"
)
_COUNTRY_WORDS = {
    "Netherlands": r"\bDutch\b|\bNetherlands\b",
    "France": r"\bFrench\b|\bFrance\b",
    "Italy": r"\bItalian\b|\bItaly\b",
    "United States": r"\bUS\b|\bAmerican\b|\bUnited States\b",
    "Australia": r"\bAustralian?\b",
    "Germany": r"\bGerman\b|\bGermany\b",
    "Iran": r"\bIranian\b|\bIran\b",
    "Israel": r"\bIsraeli?\b",
    "Denmark": r"\bDanish\b|\bDenmark\b",
    "Canada": r"\bCanadian\b|\bCanada\b|\bOntario\b",
    "India": r"\bIndian?\b",
    "United Kingdom": r"\bUK\b|\bBritish\b|\bUnited Kingdom\b",
    "New Zealand": r"\bNew Zealand\b",
}


# "pooled 27 randomised trials", "a meta-analysis of 17 studies": the trials a review pooled
_TRIALS = r"(?:randomi[sz]ed\s+)?(?:controlled\s+)?(?:clinical\s+)?(?:trials|studies|rcts)\b"
_POOLED = re.compile(
    r"\b(?:pooled|combined|included|covering|covered|analy[sz]ed|of)\s+(?:data\s+from\s+)?"
    r"(?:(more than|over|about|around|nearly|almost|some|roughly|up to|at least)\s+)?"
    rf"(\d+)\s+{_TRIALS}",
    re.I,
)


# what a study set baclofen against ("compared baclofen with naltrexone", "versus diazepam")
_COMPARED_WITH = re.compile(
    r"\b(?:compar\w*|versus|vs\.?|against|head.to.head with|beat|outperformed|did better than)\b"
    r"[^.;]{0,50}",
    re.I,
)


# a mean dose given ("the mean dose at one year was 129 ± 71 mg/day", "a mean dose of 129 mg")
_MEAN_DOSE = re.compile(
    r"\b(?:mean|average)\s+(?:\w+\s+){0,2}?dose\b(?:\s+[^\s.;]+){0,6}?\s+(?:of\s+|was\s+|near\s+"
    r"|around\s+|about\s+|roughly\s+)*(\d{2,4})(?:\s?±\s?\d+)?\s?(?:mg|milligrams?)\b",
    re.I,
)


# where a study was run, by kind of care: "run in specialist hospital addiction units" against a
# record whose setting is general practice
_CARE_SETTINGS = {
    "primary care": r"primary.care|general.practi\w*|\bGPs?\b|family (?:doctors?|physicians?|practices?)",
    "specialist or hospital care": r"\bspecialist\w*|\bhospitals?\b|\binpatients?\b|\bwards?\b"
    r"|addiction (?:units?|centres?|centers?|clinics?|services?)",
}
_RUN_IN = re.compile(
    r"\b(?:run|done|conducted|carried out|based|held|recruited|took place|set)\s+(?:\w+\s+){0,2}?"
    r"(?:in|at|through|from|by|among)\s+((?:[\w-]+\s+){0,4}[\w-]+)",
    re.I,
)


class StudyDetails:
    """Checks of a named study's details, and lookups in its record (the store and the citing
    helpers come from the checker)."""

    store: Any
    catalog: list[RecordInfo]

    def _other_size(self, claim: Claim, record: RecordInfo, body_numbers: set[str]) -> bool:
        """A size the claim gives the study that the record never states (not as a subgroup),
        beyond a rounding the claim says it made ("about 320" for 318)."""
        text = claim.text
        # "One hundred and twenty smokers took ...", "a study in which forty volunteers took ..."
        counted = ct.digits(sr.leading_digits(text))
        for m in COUNT.finditer(counted):
            n = m.group(1).replace(",", "")
            if re.fullmatch(r"(?:19|20)\d\d", n):
                continue
            before = counted[: m.start()]
            if re.search(r"\b(?:in|of|out of)\s*$", before) or re.search(
                r"\b(?:in|of|per|points?|percent\w*|times|fold)\b", m.group(0)[len(m.group(1)) :]
            ):
                continue  # "seven in 10 people", "3 percentage points in people": no size
            approximate = bool(APPROXIMATE.search(before))
            close = record.n and abs(int(n) - record.n) <= 0.1 * record.n
            randomised = bool(
                re.search(r"randomi[sz]\w*\s*$|randomi[sz]\w* (?:\w+ ){0,2}$", before, re.I)
                # ("148 cirrhotic patients randomised": of the 148 referred, 84 were)
                or re.match(
                    r"(?:\s+[A-Za-z-]+){0,3}?\s*(?:were\s+|had been\s+)?randomi[sz]",
                    counted[m.end() :],
                    re.I,
                )
            )
            # (a figure the record gives as a dose or a time, "a single 40 mg dose", is no group)
            seen = n in body_numbers and not randomised and self._stated_as_count(record.id, n)
            if record.n and not seen and int(n) != record.n and not (approximate and close):
                quote = self._sentence_with(record.id, str(record.n)) or self._sentence_with(
                    record.id, f"{record.n:,}"
                )
                if quote:
                    self._cite(claim, record.id, quote)
                    claim.verdict = "contradicted"
                    verb = "randomised" if record.evidence == "rct" else "included"
                    claim.explanation = (
                        f"{record.display_name} {verb} {record.n:,} people, not {int(n):,}."
                    )
                    return True
        return False

    def _stated_as_count(self, record_id: str, n: str) -> bool:
        """Whether the record gives ``n`` other than as a dose, a share or a time."""
        unit = re.compile(
            rf"(?<![\d.,]){re.escape(n)}(?![\d.,]*\d)(?!\s*(?:mg|%|g\b|ml\b|mmol|per ?cent|hours?\b"
            r"|h\b|years?\b|days?\b|weeks?\b|months?\b|minutes?\b))"
        )
        return any(unit.search(t) for t in self._record_texts(record_id))

    def _unsized(self, claim: Claim) -> bool:
        """A study described by at least three of its details but with another size ("an
        Ontario cohort of roughly 1,600 older adults with kidney disease" for 15,942): without
        the size the description fits one study, whose size decides."""
        sizes = [
            m for m in COUNT.finditer(claim.text) if not re.fullmatch(r"(?:19|20)\d\d", m.group(1))
        ]
        if len(sizes) != 1:
            return False
        m = sizes[0]
        before = APPROXIMATE.sub(" ", claim.text[: m.start(1)])
        unsized = re.sub(r"\s+", " ", before + " " + claim.text[m.end(1) :])
        ids = named_studies(unsized, self.catalog)
        record = next((r for r in self.catalog if ids == [r.id]), None)
        if record is None or record.evidence in ("label", "regulatory", "guideline", "overview"):
            return False
        if description_fit(unsized, record, self.catalog) < 3:
            return False
        return self._other_size(claim, record, self._record_numbers(record.id))

    def _other_pooled(self, claim: Claim, record: RecordInfo) -> bool:
        """A review said to pool another number of trials ("pooled twenty-seven trials" for
        17), none of its own counts (a subgroup's "12 trials"), and not said roughly: the
        record's own sentence giving the count decides."""
        m = _POOLED.search(ct.digits(claim.text))
        if not record.studies_pooled or not m or m.group(1):
            return False
        n = int(m.group(2))
        said = self._sentence_matching(record.id, re.compile(rf"(?<![\d.,]){n}\s+{_TRIALS}", re.I))
        # (a sentence on a later update's count is not this review's: "the 2023 update pooled 17")
        other = said and (
            re.search(r"\bupdat\w*|\blater\b|\bnewer\b|\bprevious\b|\bearlier\b", said, re.I)
            or {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", said)} - {record.year}
        )
        if n == record.studies_pooled or (said and not other):
            return False
        quote = self._sentence_matching(
            record.id, re.compile(rf"(?<![\d.,]){record.studies_pooled}\s+{_TRIALS}", re.I)
        )
        return self._quoted_conflict(
            claim,
            record,
            quote,
            f"{record.display_name} pooled {record.studies_pooled} trials, not {n}.",
        )

    def _other_country(self, claim: Claim, record: RecordInfo) -> bool:
        """A study the claim describes by another country ("a Belgian trial of 151 people" for
        the Dutch one): the record's country, from its own sentence saying it."""
        said = _COUNTRY_OF_STUDY.search(claim.text)
        if not record.country or record.country == "international":
            return False
        if not said:
            return self._named_country(claim, record)
        if named_studies(claim.text.replace(said.group(1), " "), self.catalog) != [record.id]:
            return False  # the study is named by its other details, not by the country
        countries = find_countries(said.group(1))
        if not countries or record.country in countries:
            return False
        return self._done_in(claim, record)

    def _done_in(self, claim: Claim, record: RecordInfo) -> bool:
        """Contradicted by the record's own sentence naming the country it was done in."""
        words = _COUNTRY_WORDS.get(record.country or "")
        quote = words and self._sentence_matching(record.id, re.compile(words, re.I))
        return self._quoted_conflict(
            claim, record, quote, f"{record.display_name} was done in {record.country}."
        )

    def _named_country(self, claim: Claim, record: RecordInfo) -> bool:
        """A study named by its author or trial name, placed in another country ("Zahra and
        colleagues counted 102 deaths in New Zealand") that its record never names."""
        place = ct.IN_PLACE.search(claim.text)  # "deaths in New Zealand", not "the US label"
        said = find_countries(place.group(1)) if place else set()
        if len(said) != 1 or record.country in said or len(find_countries(claim.text)) > 1:
            return False
        low = claim.text.lower()
        if not (
            (record.surname and re.search(rf"\b{re.escape(record.surname)}", claim.text))
            or any(n.lower() in low for n in record.trial_names)
        ):
            return False
        if said & set().union(*(find_countries(t) for t in self._record_texts(record.id))):
            return False  # the record names that country too (a comparison, a co-author)
        return self._done_in(claim, record)

    def _other_year(self, claim: Claim, record: RecordInfo | None) -> bool:
        """A study described by its details with another year ("a 2019 brain-scan study of 20
        cocaine-dependent people" for Young 2014): the record's year, from a curated sentence
        naming the study with it. Without ``record``, the study the undated claim describes."""
        years = re.findall(r"\b(?:19|20)\d\d\b", claim.text)
        said = ct.DATED_STUDY.search(claim.text)
        if len(set(years)) != 1 or not said or len(ct.STUDY_WORD.findall(claim.text)) != 1:
            return False  # "a 2019 review of the 2014 study": the year may be another study's
        year = said.group(1) or said.group(2)
        ids = named_studies(re.sub(r"\s+", " ", claim.text.replace(year, "")), self.catalog)
        record = record or next((r for r in self.catalog if ids == [r.id]), None)
        if record is None or ids != [record.id] or not record.year or not record.surname:
            return False
        if int(year) == record.year or record.evidence in ("label", "regulatory", "overview"):
            return False
        pooled = record.evidence in ("meta-analysis", "systematic-review", "review")
        if pooled != bool(re.search(r"review|analysis", said.group(0), re.I)):
            return False  # "the 2023 Cochrane review" is not a cohort of 100 people
        rx = re.compile(
            rf"\b{re.escape(record.surname)}(?: et al\.?| and colleagues)? {record.year}\b"
        )
        for rid in [record.id] + [r.id for r in self.catalog if r.evidence == "overview"]:
            quote = self._sentence_matching(rid, rx)
            if quote:
                self._cite(claim, rid, quote)
                claim.verdict = "contradicted"
                claim.explanation = f"{record.display_name} is from {record.year}, not {year}."
                return True
        return False

    def _above_max_dose(self, claim: Claim, record: RecordInfo, body_numbers: set[str]) -> bool:
        """A dose the claim gives a study ("up to 90 mg") above its highest, never stated."""
        text = ct.digits(claim.text)  # ("ninety milligrams a day")
        said = [int(next(g for g in m.groups() if g)) for m in ct.UP_TO_DOSE.finditer(text)]
        if not said or not record.max_dose_mg:
            return False
        dose = max(said)  # "tested 30 mg a day against a top dose of 150 mg a day"
        # several doses: each other one must be the study's own ("compared 30 mg a day with a
        # higher dose of 120 mg"), else which study each belongs to is unclear
        if set(ct.MG.findall(text)) - {str(dose)} - body_numbers:
            return False
        if dose <= record.max_dose_mg * 1.1 or str(dose) in body_numbers:
            return False
        quote = self._sentence_with(record.id, f"{record.max_dose_mg:g} mg")
        return self._quoted_conflict(
            claim,
            record,
            quote,
            (
                f"{record.display_name} gave baclofen up to {record.max_dose_mg:g} mg, not {dose} mg."
            ),
        )

    def _other_detail(self, claim: Claim, record: RecordInfo) -> bool:
        """A treatment period, a mean dose or a count of events (deaths, poisonings) the claim
        gives the study, against the record's own sentence stating it."""
        body = " ".join(self._record_texts(record.id))
        why = sr.other_duration(claim.text, record, body)
        quote = why and self._sentence_matching(
            record.id, re.compile(rf"\b{record.duration_weeks or 0:g}.weeks?\b")
        )
        if not why and (said := _MEAN_DOSE.search(ct.digits(claim.text))):
            # "its mean dose was around 250 mg/day": the record's mean, if it states one
            stated = self._sentence_matching(record.id, _MEAN_DOSE)
            theirs = stated and _MEAN_DOSE.search(stated)
            mine = int(said.group(1))
            if theirs and abs(mine - int(theirs.group(1))) > 0.2 * int(theirs.group(1)):
                quote = stated
                why = f"{record.display_name} gives a mean dose of {theirs.group(1)} mg, not {mine} mg."
        if not why and (why := sr.other_count(claim.text, record, body)):
            quote = self._sentence_with(record.id, str(record.n))
        return self._quoted_conflict(claim, record, quote, why)

    def _other_setting(self, claim: Claim, record: RecordInfo) -> bool:
        """A study said to have been run in another kind of care ("run in specialist hospital
        addiction units" for a general-practice trial): the record's setting field decides, its
        own sentence naming that setting is the quote."""
        said = _RUN_IN.search(claim.text)
        if not said or not record.setting or "not stated" in record.setting:
            return False
        kinds = [k for k, rx in _CARE_SETTINGS.items() if re.search(rx, said.group(1), re.I)]
        theirs = [k for k, rx in _CARE_SETTINGS.items() if re.search(rx, record.setting, re.I)]
        if len(kinds) != 1 or len(theirs) != 1 or kinds == theirs:
            return False
        quote = self._sentence_matching(record.id, re.compile(_CARE_SETTINGS[theirs[0]], re.I))
        return self._quoted_conflict(
            claim, record, quote, f"{record.display_name} was run in {theirs[0]}."
        )

    def _other_comparator(self, claim: Claim, record: RecordInfo) -> bool:
        """A study said to have set baclofen against a medicine its record never names ("Jose
        and colleagues compared baclofen with naltrexone" for a trial against topiramate), against
        the record's own sentence naming what it was compared with."""
        said = _COMPARED_WITH.search(claim.text)
        if not said or record.comparator != "active":
            return False
        theirs = find_other_medicines(said.group(0))
        body = " ".join(self._record_texts(record.id))
        named = find_other_medicines(body)
        if not theirs or set(theirs) & set(named) or not named:
            return False
        rx = re.compile("|".join(rf"\b{re.escape(m)}\b" for m in named), re.I)
        quote = self._sentence_matching(record.id, rx)
        return self._quoted_conflict(
            claim,
            record,
            quote,
            f"{record.display_name} compared baclofen with {', '.join(named)}.",
        )

    def _quoted_conflict(
        self, claim: Claim, record: RecordInfo, quote: str | None, why: str
    ) -> bool:
        """Contradicted by ``quote``, the record's own sentence stating the detail (when there is one)."""
        if not quote:
            return False
        self._cite(claim, record.id, quote)
        claim.verdict = "contradicted"
        claim.explanation = why
        return True

    def _record_texts(self, record_id: str) -> list[str]:
        return [self.store.texts[pos] for pos in self.store.record_positions(record_id)]

    def _record_percents(self, record_id: str) -> set[str]:
        out: set[str] = set()
        for pos in self.store.record_positions(record_id):
            out |= {n for n in re.findall(r"(\d+(?:\.\d+)?)\s?%", self.store.texts[pos])}
        return out

    def _record_numbers(self, record_id: str) -> set[str]:
        out: set[str] = set()
        for pos in self.store.record_positions(record_id):
            out |= numbers_in_text(self.store.texts[pos])
        return out

    def _sentence_matching(self, record_id: str, rx: re.Pattern[str]) -> str | None:
        for pos in self.store.record_positions(record_id):
            text = self.store.texts[pos]
            for s, e in self.store.sentences[pos]:
                if rx.search(text[s:e]):
                    sent = text[s:e]
                    return sent[2:] if sent.startswith(("- ", "* ")) else sent
        return None

    def _sentence_with(self, record_id: str, needle: str) -> str | None:
        """The record's first sentence stating a figure ("320", not "3200")."""
        return self._sentence_matching(
            record_id, re.compile(rf"(?<![\d.,]){re.escape(needle)}(?![\d])")
        )
