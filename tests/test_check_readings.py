"""`assistant check`: general readings of a claim added after the development articles' misses,
each tested on sentences written here (not copied from the test articles)."""

from __future__ import annotations

import pytest

from assistant.answering.check.checker import Checker
from assistant.answering.check.claims import Claim


def _checked(docs_assistant, *claims: Claim) -> list[Claim]:
    return Checker(docs_assistant.store, docs_assistant.embedder).check(list(claims))


# ------------------------------------------------------------------ one claim per study clause


def test_a_sentence_about_two_studies_is_one_claim_per_study(catalog) -> None:
    from assistant.answering.check.agreement import study_clauses

    said = (
        "Bacloville showed that heavy drinkers did better on baclofen, whereas in ALPADIR "
        "abstinence was about the same in both arms."
    )
    assert study_clauses(said, catalog) == [
        "Bacloville showed that heavy drinkers did better on baclofen",
        "in ALPADIR abstinence was about the same in both arms.",
    ]
    # both studies in one clause, one study named twice, or none: the sentence stays whole
    for whole in (
        "Bacloville and ALPADIR each randomised 320 drinkers.",
        "ALPADIR used 180 mg a day; ALPADIR also measured craving.",
        "Trials disagree, but most were small.",
    ):
        assert study_clauses(whole, catalog) == [whole]


def test_a_false_clause_about_one_trial_is_not_hidden_by_a_true_one(docs_assistant) -> None:
    from assistant.answering.check.agreement import study_clauses

    true, false = study_clauses(
        "Bacloville found that heavy drinkers did better on baclofen, while in ALPADIR "
        "continuous abstinence reached 40% on baclofen against 10.5% on placebo.",
        [r for r in docs_assistant.store.catalog() if not r.user],
    )
    got = _checked(docs_assistant, Claim(true, None, "t"), Claim(false, None, "t"))
    assert got[0].verdict != "contradicted", got[0]
    assert got[1].verdict == "contradicted", got[1]
    assert got[1].citations[0].source_id == "reynaud2017"


# ------------------------------------------------------------------ a multiple of a risk


def test_a_multiple_of_a_risk_is_compared_with_a_stated_multiple() -> None:
    from assistant.answering.check.checker import stated_multiple_conflict

    passage = (
        "Starting at 20 mg a day or more carried about 3.5 times the 30-day encephalopathy "
        "risk of a lower starting dose."
    )
    claim = "A first dose of 20 mg a day or more brought twice the 30-day encephalopathy risk."
    assert stated_multiple_conflict(claim, passage) is not None
    assert (
        stated_multiple_conflict(claim.replace("twice", "three and a half times"), passage) is None
    )
    # another dose, another comparator, or a ratio (of another comparison) decides nothing
    assert stated_multiple_conflict(claim.replace("20 mg", "40 mg"), passage) is None
    rival = claim.replace("risk.", "risk of tizanidine.")
    assert stated_multiple_conflict(rival, passage) is None
    ratio = passage.replace("lower starting dose.", "lower starting dose (relative risk 3.5).")
    assert stated_multiple_conflict(claim, ratio) is None


def test_a_multiple_of_a_risk_in_a_claim_naming_no_study(docs_assistant) -> None:
    (got,) = _checked(
        docs_assistant,
        Claim(
            "Among older Ontarians with kidney disease, a first dose of 20 mg a day or more "
            "brought twice the 30-day encephalopathy risk of a smaller first dose.",
            None,
            "t",
        ),
    )
    assert got.verdict == "contradicted", got
    assert got.citations[0].source_id == "muanda2019"


# ------------------------------------------------------------------ who must not take it


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Per the label, it must never be taken by people with epilepsy.", True),
        ("Baclofen should not be given to anyone with a seizure disorder.", True),
        ("It cannot be prescribed to patients with kidney failure.", True),
        ("Baclofen should not be stopped suddenly.", False),
        ("The tablets must not be taken with a heavy meal.", False),
    ],
)
def test_who_must_not_take_it_in_the_passive(text: str, about: bool) -> None:
    from assistant.answering.check.checker import _ABOUT_CONTRAINDICATION

    assert bool(_ABOUT_CONTRAINDICATION.search(text)) is about


def test_a_list_of_who_must_never_be_given_it(docs_assistant) -> None:
    lead = "The product label says baclofen should never be given to:"
    got = _checked(
        docs_assistant,
        Claim("people who have had seizures or epilepsy", None, "t", context=lead),
        Claim("people allergic to baclofen itself", None, "t", context=lead),
    )
    assert got[0].verdict == "contradicted", got[0]
    assert got[1].verdict != "contradicted", got[1]


# ------------------------------------------------------------------ a study with another size


def test_a_study_described_by_its_details_with_another_size(docs_assistant) -> None:
    """Three details that fit one study (a place, an age, a disease) name it even when the size
    does not fit; the size then decides, allowing the rounding the claim says it made."""
    wrong, rounded = _checked(
        docs_assistant,
        Claim(
            "A population study from Ontario of some 1,500 people over 66 with chronic kidney "
            "disease tied higher starting doses to encephalopathy admissions.",
            None,
            "t",
        ),
        Claim(
            "A population study from Ontario of some 16,000 people over 66 with chronic kidney "
            "disease tied higher starting doses to encephalopathy admissions.",
            None,
            "t",
        ),
    )
    assert wrong.verdict == "contradicted", wrong
    assert wrong.citations[0].source_id == "muanda2019"
    assert rounded.verdict != "contradicted", rounded


# ------------------------------------------------------------------ who a study is said to be by


def test_a_team_stands_for_its_study_and_a_surname_may_be_a_word(catalog) -> None:
    from assistant.answering.check.agreement import named_studies

    assert named_studies("A Newcastle toxicology team reported in 2006 that ...", catalog) == [
        "leung2006"
    ]
    assert named_studies("The Danish researchers counted the poisonings.", catalog) == ["kiel2015"]
    assert named_studies("A team of nurses in Leeds counted the doses.", catalog) == []
    # "rose" is a verb here, not Rose of Rose and Jones: the survey is the Danish one
    said = "A Danish survey found that baclofen poisonings rose over 2007-2012."
    assert named_studies(said, catalog) == ["kiel2015"]
    assert named_studies("Rose and Jones counted the deaths.", catalog) == ["rosejones2018"]


def test_a_trend_year_on_year_and_a_period_leant_on() -> None:
    from assistant.answering.check.claims import LEANS
    from assistant.answering.check.contrasts import trend_conflict

    passage = "Calls about the drug rose every year between 2004 and 2016."
    assert trend_conflict("Calls about the drug halved year on year.", passage) is not None
    assert trend_conflict("Calls about the drug grew year after year.", passage) is None
    assert LEANS.search("Over that period, calls halved.")
    assert LEANS.search("During that decade the number tripled.")


def test_a_study_named_by_its_team_and_a_trend_it_did_not_see(docs_assistant) -> None:
    (got,) = _checked(
        docs_assistant,
        Claim("Danish investigators saw baclofen poisonings climb year after year.", None, "t"),
    )
    assert got.verdict == "contradicted", got
    assert got.citations[0].source_id == "kiel2015"


# ------------------------------------------------------------------ a harm the study never saw


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "The cirrhosis trial was halted because baclofen damaged patients' livers.",
            "No liver-related side effects were seen in the trial.",
            True,
        ),
        (
            "Two serious adverse events led to the study being stopped.",
            "No serious adverse events were reported.",
            True,
        ),
        (
            "The trial was stopped early due to safety concerns.",
            "No serious adverse events related to the drug occurred.",
            True,
        ),
        (
            "There were fears it could harm the liver.",
            "No hepatic adverse effects occurred.",
            False,
        ),
        ("The trial found no hepatotoxicity.", "No hepatic adverse effects occurred.", False),
        ("It caused liver damage.", "Two patients had serious adverse events.", False),
    ],
)
def test_a_harm_the_study_says_it_never_saw(claim: str, passage: str, conflict: bool) -> None:
    from assistant.answering.check.study_readings import unseen_harm_conflict

    assert (unseen_harm_conflict(claim, passage) is not None) is conflict


def test_a_named_trial_said_to_have_harmed_the_liver(docs_assistant) -> None:
    (got,) = _checked(
        docs_assistant,
        Claim("Addolorato's cirrhosis trial found that baclofen caused liver damage.", None, "t"),
    )
    assert got.verdict == "contradicted", got
    assert got.citations[0].source_id == "addolorato2007"


# ------------------------------------------------------------------ the same authors' other study


def test_the_same_authors_other_study_and_its_doses(docs_assistant) -> None:
    lead = "In Sydney, Morley and colleagues gave 42 drinkers 30 or 60 mg a day."
    later, earlier = _checked(
        docs_assistant,
        Claim(
            "Their later trial of 104 drinkers tested 30 mg a day against a top dose of "
            "150 mg a day.",
            None,
            "t",
            context=lead,
        ),
        Claim(
            "Their later trial of 104 drinkers tested 30 mg a day against a dose of 75 mg a day.",
            None,
            "t",
            context=lead,
        ),
    )
    assert later.verdict == "contradicted", later
    assert later.citations[0].source_id == "morley2018"
    assert earlier.verdict != "contradicted", earlier


# ------------------------------------------------------------------ outcomes denied, gradients


@pytest.mark.parametrize(
    ("claim", "source", "contradicted"),
    [
        # craving denied for a trial whose craving fell more on baclofen
        (
            "ALPADIR missed its primary outcome, and it didn't even shift craving scores.",
            "reynaud2017",
            True,
        ),
        ("ALPADIR missed its primary outcome but craving fell more on baclofen.", None, False),
        # an excess said not to vary with kidney function, where it grew as kidney function fell
        (
            "Muanda found more encephalopathy with a higher starting dose, but the extra risk "
            "was about the same whatever the patient's kidney function.",
            "muanda2019",
            True,
        ),
        ("Muanda found the extra risk grew as kidney function fell.", None, False),
        # "no different" from the comparator, where the risk was twice as high
        (
            "In Hwang 2023, baclofen's encephalopathy risk came out no different from "
            "tizanidine's.",
            "hwang2023",
            True,
        ),
        # the kidneys given the liver's small share
        (
            "Most of a dose is broken down in the liver; the kidneys only deal with something "
            "like 15 percent of it.",
            "label_pharmacokinetics",
            True,
        ),
        ("Only about 15% of a dose is metabolised in the liver.", None, False),
    ],
)
def test_an_outcome_denied_a_gradient_denied_and_the_kidneys_share(
    docs_assistant, claim: str, source: str | None, contradicted: bool
) -> None:
    (got,) = _checked(docs_assistant, Claim(claim, None, "t"))
    assert (got.verdict == "contradicted") is contradicted, got
    if contradicted:
        assert got.citations[0].source_id == source, got


# ------------------------------------------------------------------ facts, "everyone", kinds


@pytest.mark.parametrize(
    ("claim", "source", "contradicted"),
    [
        (
            "Swallowed as tablets, baclofen reaches the CSF at much the same concentration as the blood.",
            "label_pharmacokinetics",
            True,
        ),
        (
            "MAO inhibitors such as phenelzine do not add to baclofen's sedating effect.",
            "label_interactions",
            True,
        ),
        ("MAO inhibitors can deepen the sedation baclofen causes.", None, False),
        (
            "Spasm from rheumatic disease is covered by the US baclofen labelling.",
            "label_indication",
            True,
        ),
        ("The US labels say baclofen is not indicated for rheumatic disorders.", None, False),
        (
            "After a single dose, the highest milk level came within about 30 minutes.",
            "label_pregnancy_lactation",
            True,
        ),
        (
            "In Leung's series of 23 overdoses, every patient had reduced reflexes.",
            "leung2006",
            True,
        ),
        ("In Leung's Newcastle series all 23 patients had taken baclofen.", None, False),
        ("In the ALPADIR trial, all 320 patients were detoxified before starting.", None, False),
        (
            "The Cagliari Statement, a meta-analysis of the conference trials, favoured baclofen.",
            "agabio2018_cagliari",
            True,
        ),
        (
            "The first Cochrane review of baclofen for alcohol pooled 17 trials.",
            "cochrane2018",
            True,
        ),
        ("The 2018 Cochrane review pooled 12 trials.", None, False),
        (
            "Since baclofen never crosses the placenta, the unborn baby is not exposed.",
            "label_pharmacokinetics",
            True,
        ),
        (
            "The older tablet labels recommend baclofen for spasticity after a stroke.",
            "label_indication",
            True,
        ),
        ("The older tablet labels do not recommend baclofen in cerebral palsy.", None, False),
    ],
)
def test_facts_everyone_and_what_kind_of_study(
    docs_assistant, claim: str, source: str | None, contradicted: bool
) -> None:
    """Spinal-fluid levels, MAO inhibitors, rheumatic spasm, the breast-milk peak; a finding
    claimed of everyone where the study counts fewer; a consensus called a meta-analysis; the
    first Cochrane review given its update's count."""
    (got,) = _checked(docs_assistant, Claim(claim, None, "t"))
    assert (got.verdict == "contradicted") is contradicted, got
    if contradicted:
        assert got.citations[0].source_id == source, got
