"""`assistant check`: readings asked for by a committee transcript, a gym newsletter and a
medicines-information call log (a reply logged after the question it answers, a label said not
to list something, a relative contraindication, "a third of them", a clause after a semicolon)
and everyday phrasings of facts; each tested on sentences written here, not taken from them."""

from __future__ import annotations

import pytest

from assistant.answering.check.checker import Checker
from assistant.answering.check.claims import Claim, extract_claims
from assistant.answering.check.fact_sheet import fact_verdict, load_facts

from .test_check_attribution import _Store


def test_a_claim_a_logged_reply_rejects_is_not_the_claim() -> None:
    store = _Store(
        "Query: a reader had heard that baclofen is contraindicated in diabetes. "
        "Reply: explained that this is not correct, and that the label names only allergy. "
        "Another reader believed it rules out asthma. "
        "Reply: told them that this is not the label position."
    )
    texts = [c.text for c in extract_claims(store, "doc")]
    assert not any("diabetes" in t and "heard" in t for t in texts), texts
    assert not any(t.startswith("Another reader") for t in texts), texts


def test_a_share_of_them_is_read_with_the_sentence_naming_them() -> None:
    store = _Store(
        "A coroner's review counted 40 baclofen deaths in Ohio. About half of them were accidental."
    )
    claims = extract_claims(store, "doc")
    share = next(c for c in claims if c.text.startswith("About half"))
    assert "Ohio" in share.context


@pytest.mark.parametrize(
    ("key", "claim", "verdict"),
    [
        (
            "gaba_b_agonist",
            "Much like diazepam, it binds to the exact same GABA-A sites.",
            "contradicted",
        ),
        (
            "origin_epilepsy",
            "Chemists whipped it up in the sixties as a muscle relaxant.",
            "contradicted",
        ),
        (
            "origin_epilepsy",
            "It was developed in the 1960s specifically for spasticity.",
            "contradicted",
        ),
        (
            "us_first_approval_year",
            "American regulators signed off on baclofen in 1992.",
            "contradicted",
        ),
        ("us_first_approval_year", "The FDA signed off on it in 1977.", None),
        ("us_indications", "In America it is approved for back pain as well.", "contradicted"),
        ("us_indications", "It is not approved for back pain or sprains.", None),
        (
            "australia_suicide_warnings_year",
            "The consumer medicine information gained suicide warnings in 2022.",
            "contradicted",
        ),
        (
            "australia_suicide_warnings_year",
            "The consumer medicine information gained suicide warnings in 2019.",
            None,
        ),
        (
            "australia_pi_dose",
            "The optimum daily dose of 30-75 mg holds, and up to 200 mg may be given in hospital.",
            "contradicted",
        ),
        (
            "australia_guideline_kidney_failure",
            "Australian guidelines see renal failure as a matter of dose reduction only.",
            "contradicted",
        ),
        # a clause after a semicolon is its own statement; a bare denial after one is not
        (
            "australia_guideline_kidney_failure",
            "The guidelines count renal failure as a case for dosing changes only; they never "
            "exclude baclofen.",
            "contradicted",
        ),
        ("gaba_b_agonist", "A few people say it binds to GABA-A; it does not.", None),
        (
            "omphalocele_rats_only",
            "No malformations were found in rats given the drug.",
            "contradicted",
        ),
        (
            "deaths_few_registered_conditions",
            "Most people who died had spinal injuries, the approved use.",
            "contradicted",
        ),
        ("deaths_few_registered_conditions", "In the French trials most who died had MS.", None),
        ("lithium_hyperkinetic", "Adding lithium helps with movement symptoms.", "contradicted"),
        ("lithium_hyperkinetic", "With lithium it can worsen hyperkinetic symptoms.", "supported"),
        ("haemodialysis_clears", "Haemodialysis won't help a poisoned patient.", "contradicted"),
        ("haemodialysis_clears", "The drug is not removed by dialysis.", "contradicted"),
        ("time_to_peak", "Levels peak about eight hours after the tablet.", "contradicted"),
        ("time_to_peak", "Levels peak within two hours.", "supported"),
        ("abrupt_withdrawal", "When the course ends, patients can simply stop.", "contradicted"),
        ("abrupt_withdrawal", "Patients can simply stop after tapering slowly.", None),
        (
            "australia_guideline_second_line",
            "Australia's guidelines name baclofen as a first-line treatment.",
            "contradicted",
        ),
        ("australia_guideline_second_line", "The APA guideline lists it as first-line.", None),
        (
            "australia_guideline_high_doses",
            "Per the guidelines, doses beyond 60 mg work better.",
            "contradicted",
        ),
        (
            "australia_guideline_high_doses",
            "The guidelines say higher doses have not worked better.",
            None,
        ),
        (
            "leung_coma_threshold",
            "A NSW poisons study found seizures after just 30 mg.",
            "contradicted",
        ),
        (
            "mims_dialysis_dose",
            "The MIMS monograph recommends 10 mg daily for people on dialysis.",
            "contradicted",
        ),
        (
            "mims_dialysis_dose",
            "The monograph suggests 5 mg a day for dialysis patients.",
            "supported",
        ),
    ],
)
def test_facts_decide_everyday_phrasings(key: str, claim: str, verdict: str | None) -> None:
    fact = next(f for f in load_facts() if f.key == key)
    assert fact_verdict(fact, claim) == verdict


def test_a_label_said_not_to_list_it_or_a_relative_contraindication_is_no_claim(
    docs_assistant,
) -> None:
    said = [
        "The pharmacist confirmed that the US label does not count epilepsy as a contraindication.",
        "Some specialists call baclofen relatively contraindicated in people who have epilepsy.",
    ]
    got = Checker(docs_assistant.store, docs_assistant.embedder).check(
        [Claim(s, None, "contraindication") for s in said]
    )
    assert all(c.verdict != "contradicted" for c in got), got
