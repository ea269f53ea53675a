"""Checking a claim about one study (``assistant check``): the study it names or describes,
its size, its result and its own sentences; and a plain claim that baclofen works for a drug,
against that drug's placebo-controlled trials. Mixed into :class:`~assistant.answering.check.checker.Checker`.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from assistant.answering.check import contrasts as ct
from assistant.answering.check import study_readings as sr
from assistant.answering.check.agreement import (
    NEGATIVE_RESULT,
    POSITIVE,
    about_main_outcome,
    about_other_outcome,
    named_studies,
    null_outcomes,
    numbers_in_text,
)
from assistant.answering.check.claims import COMPARES, LEANS, Claim
from assistant.answering.check.differences import (
    difference_conflict,
    pair_conflict,
    share_conflict,
    shares_of,
    threshold_conflict,
)
from assistant.answering.check.fact_sheet import NEGATION
from assistant.answering.check.relations import hazard_significance_conflict, speed_conflict
from assistant.answering.check.study_details import StudyDetails
from assistant.answering.compose.extractive import numbers_of
from assistant.answering.question.asked import whole_sentences
from assistant.answering.question.entities import find_other_medicines, find_substances
from assistant.answering.routes.synthesis import result_quote
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo

# "made no difference", "no extra risk": said of a study that found harm
# the clauses of a claim, each read for its own outcome ("reduces relapse but does not cut ...")
_CLAUSES = re.compile(r";|,?\s*\b(?:but|whereas|while|although|though|yet)\b", re.I)
_NO_HARM = re.compile(
    r"\bno (?:significant |clear |real |extra |added |higher |increased )?(?:difference|risk|harm"
    r"|effect|increase)\b|\bdid not (?:raise|increase|change|affect)\b|\bjust as safe\b"
    r"|\bequally safe\b|\bnot (?:linked|associated)\b|\b(?:no|not) different\b",
    re.I,
)
BACLOFEN_WORD = re.compile(r"\bbaclof\w*|\bit\b|\bthe (?:drug|medicine)\b", re.I)
# "baclofen reduces cocaine use", "an effective treatment for methamphetamine addiction"
_WORKS = re.compile(
    r"\b(?:reduc\w*|cut|cuts|lower\w*|curb\w*|decreas\w*|helps?|helped|improv\w*|works?|worked"
    r"|effective\w*|proven|success\w*|prevent\w*|stops?|stopped|eliminat\w*|treat(?:s|ed)?)\b",
    re.I,
)
_PROVEN = re.compile(
    r"\b(?:proven|established|demonstrated|clearly|robust\w*|consistent\w*|large|big|major"
    r"|definitive\w*|trials (?:show|have shown|prove))\b",
    re.I,
)
# claims that already hedge ("one small trial suggested", "in rats") are not plain claims
_HEDGE = re.compile(
    r"\b(?:may|might|could|some|one|a small|small|pilot|preliminary|early|animal\w*|rats?|mice"
    r"|monkeys?|hint\w*|suggest\w*|mixed|inconsistent|uncertain|unclear|possibl\w*"
    r"|potential\w*|promis\w*|hope\w*|theor\w*|research(?:ers)? (?:is|are) (?:looking|studying))\b",
    re.I,
)


# "topiramate kept more people off alcohol", "clonidine beat baclofen", "baclofen did worse"
_RIVAL_WON = (
    r"(?:beat|outperform\w*|(?:did|was|worked|fared) better than|was superior to|came out ahead of"
    r"|kept more|helped more|won|came out (?:\w+ )?ahead)"
)
_LOST = r"(?:did worse than|was worse than|fared worse than|was inferior to|lost to|fell short of)"
# an outcome the sources word differently ("psychological" symptoms are "mental" ones)
_OUTCOME_WORDS = {"psychological": "mental", "psychiatric": "mental", "bodily": "physical"}


def comparator_won(text: str, record: RecordInfo) -> str | None:
    """The active comparator a claim says did better than baclofen in ``record`` when the
    record found baclofen better (overall, or on the outcome the claim names), else None."""
    if record.comparator != "active":
        return None
    about = f"{record.title} {record.design or ''} {record.key_result or ''}".lower()
    rival = next((m for m in find_other_medicines(text) if m in about), None)
    if rival is None:
        return None
    t = text.lower()
    # ("matched clonidine on physical symptoms and beat it on mental ones": baclofen beat it)
    won = re.search(
        rf"\b{rival}\b[^.;]{{0,40}}?\b{_RIVAL_WON}\b(?! (?:it|them|that|this|{rival})\b)", t
    ) or re.search(rf"\b(?:baclofen|it)\b[^.;]{{0,30}}?\b{_LOST}\b[^.;]{{0,20}}?\b{rival}\b", t)
    if not won:
        return None
    if record.result == "benefit":
        return rival
    key = (record.key_result or "").lower()
    # the outcome is said in the winning clause, after the verdict or before it ("baclofen lost
    # on the mental symptoms, where clonidine came out ahead")
    after = re.split(r"[,;]|\b(?:while|whereas|but|where)\b", t[won.end() :])[0]
    before = re.split(r"[;]", t[: won.start()])[-1]
    said = after if re.search(r"[a-z]{4,}", after) else before
    asked = {_OUTCOME_WORDS.get(w, w) for w in re.findall(r"[a-z]+", said)}
    asked -= {"symptoms", "scores", "outcomes", "effects", "people", "patients", "baclofen", "than"}
    for m in re.finditer(rf"\bbetter than {rival}\b([^;,.]*)", key):
        if asked & set(re.findall(r"[a-z]{4,}", m.group(1))):
            return rival
    return None


# "their later trial", "his earlier study": another study than the one just named
_ANOTHER = re.compile(
    r"^(?:their|his|her|its|the same (?:authors|group|team)'s?)\s+(?:later|earlier|next|previous"
    r"|subsequent|second|first|follow-up|newer|older|larger|bigger|smaller)\b",
    re.I,
)
_CLAUSES = re.compile(r"[;,]|\b(?:but|although|though|while|whereas|plus)\b", re.I)
# "craving fell in both groups": no difference between the arms
_BOTH_ARMS = re.compile(
    r"\b(?:both|either|all) (?:groups|arms|drugs)\b|\bequally\b|\bsimilar\w*|\balike\b", re.I
)


def _craving_fell(text: str) -> bool:
    """A positive claim names craving, and no clause about craving says it did not fall or fell
    in both groups ("fewer cigarettes on baclofen, although craving fell in both groups")."""
    said = [c for c in _CLAUSES.split(text) if re.search(r"\bcrav\w*", c, re.I)]
    return bool(said) and not any(NEGATIVE_RESULT.search(c) or _BOTH_ARMS.search(c) for c in said)


# everyone in a study, and a sentence counting the few in whom something was seen
_EVERYONE = re.compile(
    r"\b(?:all (?:\d+|[a-z]+teen|ten|eleven|twelve|of them|the (?:patients|people))|everybody|everyone"
    r"|every (?:one|patient|person|single)|each (?:one|of them|patient))\b",
    re.I,
)
_IN_SOME = re.compile(  # "small in 5 patients and dilated in 7", "positive in three"
    r"\b(?:in|for) (?:only )?(\d+)(?= (?:patients|people|cases|participants|subjects|of them)\b"
    r"|\s*(?:[,.;)]|$| and\b| but\b| while\b))"
)
_COMMON_COUNT_WORDS = frozenset(
    tokenize(
        "patients people baclofen overdose overdoses study series taken took take given received"
    )
)
# a clause saying craving did not move ("it didn't even shift craving scores")
_NOT_MOVED = re.compile(
    r"\b(?:didn'?t|did not|never|not|no)\b(?:\s+\w+){0,2}?\s+(?:shift|change|move|budge|touch"
    r"|affect|improve|reduce|lower|dent|help)\w*\b|\bno (?:\w+ )?(?:effect|difference|change)\b",
    re.I,
)
# the study's own sentence on craving falling more on baclofen
_CRAVING_FELL = re.compile(
    r"\bcrav\w*\b[^.]*\b(?:decreas|reduc|fell|lower|improv)\w*\b[^.]*\b(?:significant\w*|more)\b",
    re.I,
)


def _craving_denied(text: str) -> bool:
    """A clause about craving says it did not move."""
    return any(
        re.search(r"\bcrav\w*", c, re.I) and _NOT_MOVED.search(c) and not _BOTH_ARMS.search(c)
        for c in re.split(r"[;]|\b(?:but|although|though|while|whereas)\b|,\s*and\b", text)
    )


def near(figure: str, known: set[str]) -> bool:
    """A figure the record states, allowing the rounding a writer does ("68%" for 68.2%)."""
    if figure in known:
        return True
    try:
        v = float(figure)
    except ValueError:
        return False
    for k in known:
        try:
            if abs(float(k) - v) < 0.5 + 1e-9 and "." in k + figure:
                return True
        except ValueError:
            continue
    return False


# typed comparisons of a claim with one sentence of the study it names
RECORD_CONTRASTS = (
    share_conflict,
    difference_conflict,
    threshold_conflict,
    ct.trend_conflict,
    ct.frequency_conflict,
    ct.effect_direction_conflict,
    ct.comparison_conflict,
    ct.exclusivity_conflict,
    ct.significance_conflict,
    ct.ratio_conflict,
    ct.times_conflict,
    ct.nnt_conflict,
    sr.unchanged_conflict,
    sr.time_conflict,
    sr.unseen_harm_conflict,
    speed_conflict,
    hazard_significance_conflict,
)


_POST_HOC = re.compile(r"\bpost.?hoc\b|\bsub-?groups?\b|\bexploratory\b", re.I)


class StudyChecks(StudyDetails):
    """The study deciders of the checker (its store, catalog and citing helpers come from it)."""

    store: Any
    catalog: list[RecordInfo]
    _rows: np.ndarray

    def _study(self, claim: Claim, vec: np.ndarray) -> bool:
        """A study the claim names (or the sentence it leans on names): its size and its result,
        from the record's fields. A list item takes its polarity from the sentence introducing
        it ("Trials that found a benefit:")."""
        # "The same review found ...": the study is the one the sentence before names
        # ("She also asked ...; Beurmanjer's study was ...": a study the claim names is its own)
        own = named_studies(sr.without_compared_study(claim.text), self.catalog)
        leans = bool(claim.context and LEANS.search(claim.text)) and not own
        ids = named_studies(claim.context, self.catalog) if leans else []
        if ids and _ANOTHER.search(claim.text):  # "Their later trial": the same authors' other
            ids = self._authors_other(claim.text, ids)
            if not ids:
                return False
        if not ids:
            ids = own
        if not ids and claim.context:
            ids = named_studies(claim.context, self.catalog)
        if len(ids) != 1:  # a description that fits one study but for its year, or its size
            return not ids and (self._other_year(claim, None) or self._unsized(claim))
        record = next((r for r in self.catalog if r.id == ids[0]), None)
        if record is None or record.evidence in ("label", "regulatory", "guideline", "overview"):
            return False
        body_numbers = self._record_numbers(record.id)
        body_percents = self._record_percents(record.id)
        text = claim.text
        if self._other_size(claim, record, body_numbers):
            return True
        scope = (
            text
            if not (claim.context and claim.context.endswith(":"))
            else f"{claim.context} {text}"
        )
        if (
            self._other_country(claim, record)
            or self._other_pooled(claim, record)
            or self._other_year(claim, record)
            or self._above_max_dose(claim, record, body_numbers)
            or self._other_detail(claim, record)
            or self._other_comparator(claim, record)
            or self._other_setting(claim, record)
        ):
            return True
        better = sr.dose_better(text, record.key_result or "")
        if better:
            return self._conflict(claim, record, f"{record.display_name}: {better}")
        # "..., whereas gabapentin failed": the clause about another medicine says nothing of it
        parts = re.split(r",?\s*\b(?:whereas|while|but)\b", scope, maxsplit=1)
        own = parts[0] if len(parts) == 2 and find_other_medicines(parts[1]) else scope
        negated = bool(NEGATIVE_RESULT.search(own))
        # "scores fell about equally": a change in both arms, not a benefit
        positive = bool(POSITIVE.search(own)) and not negated and not _BOTH_ARMS.search(own)
        key = record.key_result or ""
        if sr.RANDOMISED.search(text) and record.evidence not in ("rct", "meta-analysis"):
            quote = self._sentence_matching(record.id, sr.NOT_RANDOMISED)
            if quote:
                self._cite(claim, record.id, quote)
                claim.verdict = "contradicted"
                claim.explanation = f"{record.display_name} was not randomised."
                return True
        if sr.POOLED_KIND.search(text) and record.evidence not in (
            "meta-analysis",
            "systematic-review",
        ):
            quote = self._sentence_matching(record.id, sr.NOT_POOLED)
            if self._quoted_conflict(  # "the Cagliari Statement, a meta-analysis": a consensus
                claim, record, quote, f"{record.display_name} did not pool trial data."
            ):
                return True
        if record.result == "harm" and _NO_HARM.search(scope):
            return self._conflict(
                claim, record, f"{record.display_name} found a higher risk, not no difference."
            )
        # "30 mg/day delayed relapse; the high dose did not": one arm's benefit, the other denied
        one_arm = any(
            POSITIVE.search(c)
            and not NEGATIVE_RESULT.search(c)
            and not _BOTH_ARMS.search(c)
            and not _POST_HOC.search(c)  # ("a benefit only in a post hoc look at ...": a subgroup)
            for c in own.split(";")
        )
        if (
            record.result == "no-benefit"
            and (positive or one_arm)
            and not about_other_outcome(text, record)
        ):
            return self._conflict(
                claim, record, f"{record.display_name} found no benefit over its comparator."
            )
        # "more patients abstinent but no effect on craving": a benefit said, and another outcome
        mixed = any(
            POSITIVE.search(c) and not NEGATIVE_RESULT.search(c)
            for c in re.split(r"\bbut\b|\bwhereas\b|\bwhile\b|;", scope)
        )
        if (
            record.result == "benefit"
            and not mixed
            and (  # "... ended up sober, same as the placebo group"
                (negated and re.search(r"\b(?:difference|effect|benefit|work)", scope, re.I))
                or (sr.SAME_AS_PLACEBO.search(own) and about_main_outcome(own))
            )
        ):
            return self._conflict(claim, record, f"{record.display_name} found a benefit.")
        if positive:
            # "it cut heavy drinking": the key result says there was no effect on that outcome
            # ("... reduces relapse but probably does not cut heavy drinking days" agrees)
            for outcome in null_outcomes(key):
                if outcome and any(
                    outcome <= set(tokenize(c)) and POSITIVE.search(c) and not NEGATION.search(c)
                    for c in _CLAUSES.split(text)
                ):
                    return self._conflict(
                        claim,
                        record,
                        f"{record.display_name} found no effect on that outcome.",
                        frozenset(outcome),
                    )
            if record.craving_result == "no-benefit" and _craving_fell(text):
                return self._conflict(
                    claim, record, f"{record.display_name} found no effect on craving."
                )
        # "the extra risk was about the same whatever the kidney function": it grew as it fell
        by = sr.SAME_WHATEVER.search(scope)
        if by and self._quoted_conflict(
            claim,
            record,
            self._sentence_matching(record.id, sr.GREW_AS[by.group(1).lower()[:3]]),
            f"{record.display_name}: the difference changed with {by.group(1)}.",
        ):
            return True
        # "everybody's pupils went pinpoint": the study's sentence counting fewer
        if self._quoted_conflict(
            claim, record, self._only_some(text, record), f"{record.display_name}: not all of them."
        ):
            return True
        # "it didn't even shift craving scores": craving fell more on baclofen
        if (
            record.craving_result == "benefit"
            and _craving_denied(scope)
            and self._quoted_conflict(
                claim,
                record,
                self._sentence_matching(record.id, _CRAVING_FELL),
                f"{record.display_name} found craving fell more on baclofen.",
            )
        ):
            return True
        if (
            sr.MORE_HARMS.search(own)
            and not NEGATION.search(own)
            and self._quoted_conflict(
                claim,
                record,
                self._sentence_matching(record.id, sr.HARMS_SIMILAR),
                f"{record.display_name}: adverse events were about as common on placebo.",
            )
        ):
            return True
        if rival := comparator_won(text, record):
            return self._conflict(claim, record, f"{record.display_name} favoured baclofen over {rival}.")  # fmt: skip
        if why := sr.rival_outcome_conflict(text, record):  # "better on physical signs"
            return self._conflict(claim, record, f"{record.display_name}: {why}")
        claimed = {n.rstrip("%") for n in numbers_of(text) if n.endswith("%")}
        if (
            claimed
            and not any(near(c, body_percents) for c in claimed)
            and numbers_of(key)
            and about_main_outcome(text)
        ):
            return self._conflict(
                claim, record, f"{record.display_name} reports other figures: {key}."
            )
        spans = [] if claimed else shares_of(text)  # "almost half the baclofen group stayed dry"
        shares = shares_of(key) + [(float(p) / 100,) * 2 for p in body_percents]
        if spans and about_main_outcome(text) and numbers_of(key) and not any(lo <= b and a <= hi for lo, hi in spans for a, b in shares):  # fmt: skip
            return self._conflict(
                claim, record, f"{record.display_name} reports other figures: {key}."
            )
        if about_main_outcome(text) and (why := pair_conflict(text, key)):
            return self._conflict(claim, record, f"{record.display_name}: {why}")
        numbers = {n.rstrip("%").rstrip("mg") for n in numbers_of(text)}
        figures_match = (
            numbers
            and all(near(n, body_numbers | {str(record.year)}) for n in numbers)
            and all(near(c, body_percents) for c in claimed)
        )
        if self._within_record(claim, record, vec):
            return True
        if (
            figures_match
            and not NEGATION.search(
                own
            )  # "no excess deaths even at 180 mg": figures, not a finding
            and not COMPARES.search(text)  # "30 mg cut drinking more than 60 mg": which way?
            and self._cite_figures(claim, record, numbers, scope)
        ):
            claim.verdict = "supported"
            claim.explanation = f"{record.display_name} reports these figures."
            return True
        return False

    def _only_some(self, text: str, record: RecordInfo) -> str | None:
        """A finding claimed of everyone in a study ("everybody's pupils went pinpoint", "all
        twelve had alcohol in their blood") where the study's own sentence on that finding counts
        fewer people than it had ("small in 5 patients", "positive in three"): that sentence."""
        if not record.n or record.n < 3 or not _EVERYONE.search(text) or NEGATION.search(text):
            return None
        idf = self.store.idf
        naming = set(tokenize(f"{record.title} {record.display_name} {record.setting or ''}"))
        said = (
            {t for t in tokenize(text) if idf(t) >= 2.0 and not t.isdigit()}
            - naming
            - _COMMON_COUNT_WORDS
        )
        for pos in self.store.record_positions(record.id):
            body = self.store.texts[pos]
            for s, e in self.store.sentences[pos]:
                sentence = body[s:e]
                shared = said & set(tokenize(sentence))
                if sum(idf(t) for t in shared) < 3.0:
                    continue
                if re.search(r"\ball (?:the )?\d+|\bevery\b|\beach\b", ct.digits(sentence), re.I):
                    continue  # ("measured in all 12 and positive in three": which part is claimed?)
                counts = [int(m) for m in _IN_SOME.findall(ct.digits(sentence))]
                if counts and max(counts) < record.n:
                    return sentence[2:] if sentence.startswith(("- ", "* ")) else sentence
        return None

    def _authors_other(self, text: str, named: list[str]) -> list[str]:
        """The study a claim leaning on a sentence about one study calls its authors' other one
        ("Their later multisite trial of 104 patients"): read with their name, another study
        of theirs that the claim's own details pick, or none."""
        names = {r.surname for r in self.catalog if r.id in named and r.surname}
        if len(names) != 1:
            return []
        ids = named_studies(f"{names.pop()}'s {_ANOTHER.sub(' ', text, count=1)}", self.catalog)
        return ids if len(ids) == 1 and ids != named else []

    def _within_record(self, claim: Claim, record: RecordInfo, vec: np.ndarray) -> bool:
        """The study's own sentences most like the claim: a share of patients that cannot hold
        ("nearly all returned their diaries" / "fewer than half did"), or a difference from
        placebo on an outcome the study found no different."""
        positions = list(self.store.record_positions(record.id))
        if not positions or not len(self._rows):
            return False
        rows = np.concatenate(
            [
                np.arange(
                    int(self.store.sentence_offsets[p]), int(self.store.sentence_offsets[p + 1])
                )
                for p in positions
            ]
        )
        if not len(rows):
            return False
        sims = np.asarray(self.store.sentence_vectors)[rows] @ vec
        # an effect measure the study states somewhere (for another dose group) is not wrong
        stated = ct.ratio_values(claim.text) <= self._record_numbers(record.id)
        checks = [f for f in RECORD_CONTRASTS if not (stated and f is ct.ratio_conflict)]
        for i in np.argsort(-sims)[:8]:
            if float(sims[i]) < 0.45:
                break
            row = int(rows[i])
            pos = int(self._rows[row])
            sent = self._sentence_text(row, pos)
            why = next(
                (w for f in checks if (w := f(claim.text, sent)) is not None),
                None,
            )
            if why is not None:
                self._contradicted_by(
                    claim, pos, sent, f"{record.display_name}: {why[0].lower()}{why[1:]}"
                )
                return True
        # contrasts specific enough to read every sentence of the study: deaths in a series
        # whose patients all recovered, a count that went another way over the same period
        for row in rows:
            pos = int(self._rows[int(row)])
            sent = self._sentence_text(int(row), pos)
            why = ct.survival_conflict(claim.text, sent) or ct.trend_conflict(claim.text, sent)
            if why is not None:
                self._contradicted_by(claim, pos, sent, f"{record.display_name}: {why}")
                return True
        return False

    def _substance_efficacy(self, claim: Claim) -> bool:
        """A plain claim that baclofen works for a drug other than alcohol, against the
        placebo-controlled trials in that drug: contradicted when none of them found a benefit,
        or when the claim calls it proven and the largest of them found none."""
        text = claim.text
        subs = [s for s in find_substances(text) if s not in ("alcohol", "general")]
        if "cannabis" in subs:  # "marijuana smokers" smoke cannabis
            subs = [s for s in subs if s != "nicotine"]
        if len(subs) != 1 or not BACLOFEN_WORD.search(f"{claim.context} {text}"):
            return False
        if not _WORKS.search(text) or NEGATION.search(text) or _HEDGE.search(text):
            return False
        trials = [
            r
            for r in self.catalog
            if subs[0] in r.substances
            and r.comparator == "placebo"
            and r.evidence in ("rct", "lab-study")
            and r.result in ("benefit", "no-benefit", "mixed")
        ]
        if not trials:
            return False
        if all(r.result == "no-benefit" for r in trials):
            why = (
                f"No placebo-controlled study of baclofen in {subs[0]} use here found a benefit "
                f"({', '.join(r.display_name for r in trials)})."
            )
        elif _PROVEN.search(text) and any(
            r.result == "no-benefit" and r.evidence == "rct" for r in trials
        ):
            negative = max(
                (r for r in trials if r.result == "no-benefit" and r.evidence == "rct"),
                key=lambda r: r.n or 0,
            )
            why = (
                f"The evidence in {subs[0]} use is not settled: a placebo-controlled trial, "
                f"{negative.display_name}, found no benefit."
            )
        else:
            return False
        negatives = sorted(
            (r for r in trials if r.result == "no-benefit"),
            key=lambda r: (r.evidence != "rct", -(r.n or 0)),  # trials before lab studies
        )
        for r in negatives[:2]:
            self._cite_result(claim, r)
        if not claim.citations:
            return False
        claim.verdict = "contradicted"
        claim.explanation = why
        return True

    def _conflict(
        self, claim: Claim, record: RecordInfo, why: str, about: frozenset[str] = frozenset()
    ) -> bool:
        if not self._cite_result(claim, record, about):
            return False
        claim.verdict = "contradicted"
        claim.explanation = why
        return True

    def _cite_figures(
        self, claim: Claim, record: RecordInfo, numbers: set[str], scope: str
    ) -> bool:
        """Support for a study's figures needs one sentence of the study stating them all, in
        the same sense (not "cut" against "did not cut")."""
        found = result_quote(self.store, record, claim.text)
        if found is None:
            return False
        ctx, quote, _ = found
        if not all(near(n, numbers_in_text(quote)) for n in numbers):
            return False
        if bool(NEGATIVE_RESULT.search(scope)) != bool(NEGATIVE_RESULT.search(quote)):
            return False
        self._add(claim, ctx, quote)
        return True

    def _cite_result(
        self, claim: Claim, record: RecordInfo, about: frozenset[str] = frozenset()
    ) -> bool:
        # (an outcome it found no effect on: the study's own sentence saying so, if it has one)
        found = next(
            (
                (self.store.context(p, score=1.0), t, s)
                for p, s, t, _ in whole_sentences(self.store, record)
                if about and about <= set(tokenize(t)) and NEGATION.search(t)
            ),
            None,
        )
        found = found or result_quote(self.store, record)
        if found is None:
            return False
        ctx, quote, start = found
        self._add(claim, ctx, quote)
        return True
