"""`assistant check`: how a claim's clauses, dates and back-references are read (a leading
"because" clause, a month before a year, what "rather than" sets aside, the arms of the trial
just named) and fact phrasings in the same spirit; each tested on sentences written here, not
taken from any article."""

from __future__ import annotations

import pytest

from assistant.answering.check.claims import LEANS, fact_verdict, load_facts


def _verdict(key: str, claim: str, context: str = "") -> str | None:
    fact = next(f for f in load_facts() if f.key == key)
    return fact_verdict(fact, claim, context)


@pytest.mark.parametrize(
    ("key", "claim", "verdict"),
    [
        # a leading reason clause is a clause of its own: the negation after it is not its own
        (
            "elimination_kidneys",
            "Since the liver clears most of each tablet, dialysis patients do not need care.",
            "contradicted",
        ),
        (
            "elimination_kidneys",
            "Is it hard on the kidneys?: Because the liver processes nearly all of it, no.",
            "contradicted",
        ),
        (
            "elimination_kidneys",
            "Although the liver does not process most of it, some people think so.",
            None,
        ),
        # a month before the year is read with the year
        (
            "baclocur_authorisation_year",
            "Baclocur was approved in June 2015 by the French agency.",
            "contradicted",
        ),
        ("baclocur_authorisation_year", "Baclocur was approved in Oct. 2018.", None),
        # the authorisation in the active voice
        (
            "baclocur_authorisation_year",
            "The agency granted Baclocur a marketing authorisation in 2020.",
            "contradicted",
        ),
        (
            "baclocur_authorisation_year",
            "The agency granted Baclocur a marketing authorisation in 2018.",
            None,
        ),
        # the subject of a synthesis a few words before it
        (
            "synthesis_year",
            "Baclofen is a fairly old drug, first synthesised in the late 1970s.",
            "contradicted",
        ),
        ("synthesis_year", "Baclofen is an old drug, first synthesised in 1962.", None),
        # what "rather than" sets aside is denied, not said
        (
            "overdose_severity",
            "An overdose mostly brings restlessness instead of sleepiness or coma.",
            "contradicted",
        ),
        (
            "overdose_severity",
            "An overdose brings coma and seizures rather than agitation.",
            "supported",
        ),
        (
            "overdose_severity",
            "An overdose of baclofen is rarely serious, the website claims.",
            "contradicted",
        ),
        # blood pressure in overdose, said the other way round
        (
            "overdose_blood_pressure",
            "An overdose usually causes a drop in blood pressure.",
            "contradicted",
        ),
        (
            "overdose_blood_pressure",
            "After an overdose, raised blood pressure is hardly ever reported.",
            "contradicted",
        ),
        ("overdose_blood_pressure", "After an overdose, raised blood pressure is common.", None),
        # the French cohort's deaths at the highest doses
        (
            "cohort_high_dose_deaths",
            "The national cohort showed no increased mortality even at very high doses.",
            "contradicted",
        ),
        (
            "cohort_high_dose_deaths",
            "The French cohort saw no excess deaths with doses of 200 mg a day.",
            "contradicted",
        ),
        (
            "cohort_high_dose_deaths",
            "The cohort saw excess deaths at 180 mg a day or more, not below.",
            None,
        ),
    ],
)
def test_clauses_dates_and_set_aside_words(key: str, claim: str, verdict) -> None:
    assert _verdict(key, claim) == verdict, claim


def test_a_dose_reached_in_everyday_words_and_kept_pushing() -> None:
    said = "She said her craving just shut off when she reached roughly 90 milligrams."
    assert _verdict("ameisen_craving_dose", said, "Olivier Ameisen") == "contradicted"
    said = "He kept raising it, and the craving turned off once he got to 270 mg."
    assert _verdict("ameisen_craving_dose", said, "Ameisen") == "supported"
    said = "He kept on 120 mg afterwards, once his craving had gone at 270 mg."
    assert _verdict("ameisen_craving_dose", said, "Ameisen") != "contradicted"


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("In the end the placebo group relapsed sooner.", True),
        ("Those on the drug slept worse than patients given placebo.", True),
        ("By her own account, the urge faded within a week.", True),
        ("Baclofen groups in general are small.", False),
        ("By any account, baclofen is old.", False),
    ],
)
def test_a_trial_arm_or_an_account_leans_on_the_sentence_before(sentence, leans) -> None:
    assert bool(LEANS.search(sentence)) == leans
