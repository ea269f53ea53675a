"""`assistant check`: how a claim's clauses, dates and back-references are read (a leading
"because" clause, a month before a year, what "rather than" sets aside, the arms of the trial
just named) and fact phrasings in the same spirit; each tested on sentences written here, not
taken from any article."""

from __future__ import annotations

import pytest

from assistant.answering.check.claims import LEANS
from assistant.answering.check.fact_sheet import fact_verdict, load_facts


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
        # the Australian deaths said in other words
        (
            "deaths_few_registered_conditions",
            "Most of those who died were on baclofen for spinal cord injury.",
            "contradicted",
        ),
        (
            "deaths_other_substances",
            "In Australia few of the deaths involved any other drugs at all.",
            "contradicted",
        ),
        (
            "deaths_other_substances",
            "In Australia most of the deaths involved other substances too.",
            None,
        ),
        (
            "deaths_mostly_intentional",
            "In Australia, unintentional poisonings exceeded intentional ones.",
            "contradicted",
        ),
        # a dose range, an indication added to the registered uses, a safety update's month
        (
            "australia_pi_dose",
            "The Australian product information sets the usual daily range at up to 120 mg.",
            "contradicted",
        ),
        (
            "australia_status",
            "In Australia the TGA listed alcohol use disorder among the approved indications.",
            "contradicted",
        ),
        (
            "tga_safety_update_year",
            "The TGA put out a safety alert on overdose in May 2022.",
            "contradicted",
        ),
        ("tga_safety_update_year", "The TGA issued a safety update in October 2023.", None),
        ("tga_coronial_inquiries", "It followed four distinct coronial inquests.", "contradicted"),
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
        ("On that research, relapse was common.", True),
    ],
)
def test_a_trial_arm_or_an_account_leans_on_the_sentence_before(sentence, leans) -> None:
    assert bool(LEANS.search(sentence)) == leans


def test_a_cochrane_review_named_by_the_trials_it_pooled(catalog) -> None:
    from assistant.answering.check.agreement import named_studies

    said = "Once the Cochrane authors combined 17 randomised trials, dropouts looked alike."
    assert named_studies(said, catalog) == ["agabio2023_cochrane"]
    # a year names the review (or none); a count of trials no review pooled names none
    assert named_studies("Cochrane 2005 (17 trials): relapse fell.", catalog) == []
    assert named_studies("The Cochrane team pooled 40 trials of it.", catalog) == []


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "Those given baclofen had side effects far more often than the placebo group.",
            "Adverse events were similar on baclofen and on placebo (risk ratio 1.02).",
            True,
        ),
        (
            "Those given baclofen had side effects far more often than the placebo group.",
            "Dropouts were similar on baclofen and on placebo.",
            False,
        ),
    ],
)
def test_side_effects_said_more_often_where_the_study_found_them_alike(claim, passage, conflict):
    from assistant.answering.check.study_readings import unchanged_conflict

    assert (unchanged_conflict(claim, passage) is not None) is conflict


def test_a_review_said_to_pool_another_number_of_trials(docs_assistant) -> None:
    from assistant.answering.check.checker import Checker
    from assistant.answering.check.claims import Claim

    a = docs_assistant
    claims = [
        Claim("The 2023 Cochrane review combined thirty-one randomised trials.", None, "t"),
        Claim("The 2023 Cochrane review combined 17 randomised trials.", None, "t"),
        Claim("The 2023 Cochrane review combined about 20 trials.", None, "t"),
    ]
    got = Checker(a.store, a.embedder).check(claims)
    assert got[0].verdict == "contradicted", got[0]
    assert got[0].citations[0].source_id == "agabio2023_cochrane"
    assert [c.verdict for c in got[1:]] == ["supported", "not-covered"] or all(
        c.verdict != "contradicted" for c in got[1:]
    )
