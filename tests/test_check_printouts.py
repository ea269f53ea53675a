"""`assistant check` on printed forms and new phrasings (development round 30: an interaction
checker's printout, a support group's minutes, a travel clinic's sheet).

A form's dotted leaders ("PREGNANCY ...... CONTRAINDICATED") keep a label with its value; a line
under a heading naming a pair of medicines ("[A3] BACLOFEN x LITHIUM") is a claim about that pair,
and a line naming its own medicine is not read with the heading's. The fact phrasings are written
for these tests (not copied from the articles); each false one sits beside a true one that must
not be called false.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answering.check.claims import extract_claims
from assistant.answering.check.differences import shares_of
from assistant.answering.check.fact_sheet import fact_verdict, load_facts
from assistant.answering.check.lines import with_leaders


def test_dotted_leaders_keep_a_label_with_its_value() -> None:
    parts = [
        ("LACTATION .....", 1),
        ("Passes into milk in small amounts.", 1),
        ("Weight ........ 78 kg   Renal ....... eGFR 40", 2),
        ("Route ... oral", 3),
        ("He stopped it... then the fits came.", 4),
    ]
    assert with_leaders(parts) == [
        ("LACTATION: Passes into milk in small amounts.", 1),
        ("Weight: 78 kg   Renal: eGFR 40", 2),
        ("Route: oral", 3),
        ("He stopped it... then the fits came.", 4),  # a writer's ellipsis is no leader
    ]


class _Printout:
    """A store holding one document in three chunks, each under its own heading."""

    texts = [
        "Effect: Giving the two together has been linked with worse involuntary movements.",
        "Effect: There is no known interaction between the two.\n"
        "[B7] BACLOFEN x SIMVASTATIN   SEVERITY: none listed. No interaction record found.",
        "PREGNANCY ...... CONTRAINDICATED (former category X).",
    ]
    metas = [
        SimpleNamespace(page=None, section="[B3] BACLOFEN x LITHIUM   SEVERITY: MODERATE"),
        SimpleNamespace(page=None, section="[B6] BACLOFEN x TEMAZEPAM   SEVERITY: MODERATE"),
        SimpleNamespace(page=None, section="MONOGRAPH"),
    ]

    def record_positions(self, _id: str) -> list[int]:
        return [0, 1, 2]

    def catalog(self) -> tuple:
        return ()


def test_lines_under_a_pair_heading_are_claims_about_the_pair() -> None:
    claims = {c.text: c for c in extract_claims(_Printout(), "doc")}
    movements = next(c for t, c in claims.items() if "involuntary" in t)
    assert movements.topic == "interaction"
    assert "PREGNANCY: CONTRAINDICATED (former category X)." in claims
    facts = {f.key: f for f in load_facts()}
    together = next(c for t, c in claims.items() if "no known interaction" in t)
    statin = next(c for t, c in claims.items() if "SIMVASTATIN" in t)
    sedatives = facts["cns_depressant_interaction"]
    # the heading's sedative decides the line under it, not a line naming its own medicine
    assert fact_verdict(sedatives, together.text, together.context, together.section) == (
        "contradicted"
    )
    assert fact_verdict(sedatives, statin.text, statin.context, statin.section) is None


@pytest.mark.parametrize(
    ("key", "claim", "verdict"),
    [
        (
            "us_first_approval_year",
            "It has been on US shelves since 1985, when the FDA first approved it.",
            "contradicted",
        ),
        (
            "us_first_approval_year",
            "It has been on US shelves since 1977, when the FDA first approved it.",
            None,
        ),
        ("us_approval", "Baclofen is FDA-approved to treat alcoholism in adults.", "contradicted"),
        ("us_approval", 'Ads call it "FDA-approved for drinking", which it is not.', None),
        ("us_label_maximum", "The label allows up to 150 mg per day in adults.", "contradicted"),
        ("us_label_maximum", "The label allows up to 20 mg four times a day.", None),
        (
            "neonatal_withdrawal",
            "Infants born to mothers on baclofen have never developed withdrawal.",
            "contradicted",
        ),
        (
            "neonatal_withdrawal",
            "Infants born to mothers on baclofen can develop withdrawal.",
            "supported",
        ),
        ("baclocur_launch_year", "Baclocur went on sale in France in 2016.", "contradicted"),
        ("baclocur_launch_year", "Baclocur went on sale in France in June 2020.", None),
        ("baclocur_strengths", "Baclocur is sold in a single strength, 40 mg.", "contradicted"),
        ("baclocur_strengths", "Baclocur is sold as 10, 20 and 40 mg tablets.", "supported"),
        (
            "baclocur_reimbursement",
            "Baclocur is fully reimbursed by the health insurance.",
            "contradicted",
        ),
        (
            "france_cap_history",
            "French rules maintain a ceiling of 80 mg a day for Baclocur.",
            "contradicted",
        ),
        (
            "france_cap_history",
            "From 2018 France kept a ceiling of 80 mg for Baclocur until a court annulled it.",
            None,
        ),
        (
            "overdose_severity",
            "An overdose is typically mild and patients seldom need intensive care.",
            "contradicted",
        ),
        ("overdose_severity", "Overdose patients often need a ventilator.", "supported"),
        (
            "kidney_failure_not_safe",
            "No dose reduction is required at any level of kidney function.",
            "contradicted",
        ),
        ("kidney_failure_not_safe", "No dose reduction is required in liver disease.", None),
        (
            "unchanged_share",
            "Around 90% undergoes hepatic metabolism before it leaves the body.",
            "contradicted",
        ),
        ("unchanged_share", "Less than 5% is excreted unchanged in the urine.", "contradicted"),
        ("unchanged_share", "About 15% is metabolised by the liver.", None),
        (
            "abrupt_withdrawal",
            "Going without your baclofen for a couple of days is perfectly fine.",
            "contradicted",
        ),
        (
            "abrupt_withdrawal",
            "Going without your baclofen for a couple of days can be dangerous.",
            None,
        ),
        (
            "antihypertensive_interaction",
            "Baclofen can raise blood pressure in people on ramipril.",
            "contradicted",
        ),
        (
            "antihypertensive_interaction",
            "Baclofen adds to the blood-pressure-lowering effect of ramipril.",
            "supported",
        ),
        (
            "antihypertensive_interaction",
            "After an overdose baclofen can raise blood pressure, even on ramipril.",
            None,
        ),
        # round 31 (a review site, a health advisory, an exam key)
        (
            "abrupt_withdrawal",
            "It isn't the kind of medicine you get withdrawal from.",
            "contradicted",
        ),
        (
            "abrupt_withdrawal",
            "Withdrawal from the oral tablets is limited to mild anxiety.",
            "contradicted",
        ),
        (
            "abrupt_withdrawal",
            "Seizures happen only with intrathecal pumps when they stop.",
            "contradicted",
        ),
        ("abrupt_withdrawal", "Seizures can follow stopping either the pump or the tablets.", None),
        ("elimination_kidneys", "With this drug your kidneys don't matter.", "contradicted"),
        ("elimination_kidneys", "The liver breaks nearly all of it down.", "contradicted"),
        ("france_cap_history", "Baclocur remains capped at 80 mg a day in France.", "contradicted"),
    ],
)
def test_facts_decide_printout_and_leaflet_phrasings(key: str, claim: str, verdict) -> None:
    fact = next(f for f in load_facts() if f.key == key)
    assert fact_verdict(fact, claim) == verdict, claim


def test_share_words_name_a_share_of_people_only() -> None:
    assert shares_of("almost half the baclofen group stayed dry") == [(0.4, 0.6)]
    assert shares_of("seven of the nine who completed it")  # 7 of 9
    # how often something is mentioned, or an effect, is no share of a group
    assert shares_of("the side effects most often mentioned by reviewers") == []
    assert shares_of("the trial found almost no difference in abstinence") == []
    assert shares_of("half the risk that tizanidine had") == []
