"""`assistant check`: how one quantity stands to another ("far lower than", "close to") and
when a level peaks, read from a claim and one source sentence; every sentence written here, not
taken from any article or record."""

from __future__ import annotations

import pytest

from assistant.answering.check.agreement import extremes_differ
from assistant.answering.check.claims import _OWN_PLAN
from assistant.answering.check.relations import (
    hazard_significance_conflict,
    level_share_conflict,
    peak_time_conflict,
    relation_conflict,
    sex_swap_conflict,
    speed_conflict,
    strength_list_conflict,
)
from assistant.answering.check.stance import CORRECTED, ONLY_CAUTION

_CLOSE = "In the kidney study, the drug's renal clearance was close to creatinine clearance."


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        ("Its renal clearance in the kidney study was far lower than creatinine clearance.",
         _CLOSE, True),
        ("The kidney study put renal clearance roughly equal to creatinine clearance.", _CLOSE,
         False),
        # another quantity set against it, or the claim denies the gap
        ("Its renal clearance was far lower than plasma protein binding.", _CLOSE, False),
        ("Renal clearance was not much lower than creatinine clearance.", _CLOSE, False),
        # the reverse: the claim says alike where the source sets them far apart
        ("Liver clearance of the drug was close to renal clearance.",
         "Liver clearance of the drug was far lower than renal clearance.", True),
    ],
)  # fmt: skip
def test_a_quantity_set_far_from_another_that_the_source_puts_close(
    claim: str, passage: str, conflict: bool
) -> None:
    assert bool(relation_conflict(claim, passage)) is conflict


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        # milk peaking in half an hour against a source's four hours
        ("After one dose the level in breast milk peaked within about 30 minutes.",
         "The milk level reached its peak at 4 hours, with a milk half-life of 5.6 hours.", True),
        ("The liquid form peaks at about three hours.",
         "The oral solution reaches a peak at about 0.75 hours.", True),
        # ranges that overlap, and peaks of different kinds, are no conflict
        ("Tablets reach peak plasma levels within half an hour to two hours.",
         "Tablets give a peak at about 0.5 to 3 hours.", False),
        ("The liquid form peaks at about three hours.",
         "Tablets give a peak at about 3 hours, the solution much sooner.", False),
        ("The milk level does not peak within 30 minutes.",
         "The milk level reached its peak at 4 hours.", False),
    ],
)  # fmt: skip
def test_a_time_to_peak_far_from_the_sources(claim: str, passage: str, conflict: bool) -> None:
    assert bool(peak_time_conflict(claim, passage)) is conflict


@pytest.mark.parametrize(
    ("line", "own"),
    [
        ("Volunteers will be randomised 2:1 to the drug or to usual care for 20 weeks.", True),
        ("We will recruit 60 adults from two clinics.", True),
        ("Sponsor: the Northern Health Board", True),
        ("The trial randomised 60 adults to the drug or placebo for 12 weeks.", False),
        ("Baclofen will be approved for alcohol next year, a blog says.", False),
    ],
)
def test_the_documents_own_planned_study_and_form_headers_are_not_claims(
    line: str, own: bool
) -> None:
    assert bool(_OWN_PLAN.search(line)) is own


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        ("In that small trial lorazepam settled the tremor faster than baclofen did.",
         "Tremor eased in both arms, a little more quickly on baclofen than on lorazepam.", True),
        ("In that small trial lorazepam settled the tremor faster than baclofen did.",
         "Lorazepam settled the tremor slightly faster; baclofen was as effective overall.", False),
        ("Baclofen did not act faster than lorazepam.",
         "Tremor eased a little more quickly on baclofen than on lorazepam.", False),
    ],
)  # fmt: skip
def test_which_medicine_acted_faster(claim: str, passage: str, conflict: bool) -> None:
    assert bool(speed_conflict(claim, passage)) is conflict


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        ("Levels in spinal fluid come to roughly a quarter of plasma levels.",
         "Spinal fluid levels reach about 8% of plasma levels.", True),
        ("Levels in spinal fluid come to roughly a tenth of plasma levels.",
         "Spinal fluid levels reach about 8% of plasma levels.", False),
        # another level's share (protein binding) is not the one compared
        ("Levels in spinal fluid come to roughly a quarter of plasma levels.",
         "About 30% of the drug is bound to plasma proteins.", False),
    ],
)  # fmt: skip
def test_a_level_as_a_share_of_another(claim: str, passage: str, conflict: bool) -> None:
    assert bool(level_share_conflict(claim, passage)) is conflict


@pytest.mark.parametrize(
    ("claim", "conflict"),
    [
        ("Ozobax was launched as 2, 5 and 10 mg tablets.", True),
        ("Ozobax comes in 5 and 10 mg tablets.", False),
        ("Gablofen was launched as 2, 5 and 10 mg tablets.", False),  # another product
    ],
)
def test_a_products_tablet_strengths(claim: str, conflict: bool) -> None:
    passage = "Ozobax was marketed in 5, 10 and 20 mg tablets, the maker says."
    assert bool(strength_list_conflict(claim, passage)) is conflict


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        ("In that registry, the drug at any dose gave a significantly higher risk of stroke.",
         "For stroke, the drug at any dose had a hazard ratio of 1.20 (0.90-1.60).", True),
        # the interval excludes 1, another outcome, or another dose group: no conflict
        ("In that registry, the drug at any dose gave a significantly higher risk of stroke.",
         "For stroke, the drug at any dose had a hazard ratio of 1.40 (1.10-1.80).", False),
        ("In that registry, the drug at any dose gave a significantly higher risk of stroke.",
         "For falls, the drug at any dose had a hazard ratio of 1.20 (0.90-1.60).", False),
        ("In that registry, the drug at any dose gave a significantly higher risk of stroke.",
         "For stroke, the drug at 120 mg had a hazard ratio of 1.20 (0.90-1.60).", False),
    ],
)  # fmt: skip
def test_a_risk_called_significant_whose_interval_spans_one(
    claim: str, passage: str, conflict: bool
) -> None:
    assert bool(hazard_significance_conflict(claim, passage)) is conflict


_BY_SEX = (
    "In that trial the effect differed by sex: in women the 20 mg/day dose helped most, whereas in "
    "men only the 60 mg/day dose showed any gain."
)


@pytest.mark.parametrize(
    ("claim", "conflict"),
    [
        ("Men did best on the 20 mg/day dose in that trial.", True),
        ("In that trial women responded best to 20 mg/day.", False),
        ("Men benefited from the 60 mg/day dose.", False),
        ("Both men and women benefited from 20 mg/day.", False),
    ],
)
def test_which_sex_a_dose_helped(claim: str, conflict: bool) -> None:
    assert (sex_swap_conflict(claim, _BY_SEX) is not None) is conflict


@pytest.mark.parametrize(
    ("claim", "passage", "differ"),
    [
        (
            "The gain was clearest in those who had the fewest positive tests at the start.",
            "The gain was clearest in those who used the drug most heavily at the start.",
            True,
        ),
        (
            "The gain was clearest in the heaviest users.",
            "The gain was clearest in people who used most heavily.",
            False,
        ),
        ("Sleepiness was the most common effect.", "Sleepiness was the most common effect.", False),
    ],
)
def test_the_low_end_is_not_the_high_end(claim: str, passage: str, differ: bool) -> None:
    assert extremes_differ(claim, passage) is differ


def test_a_condition_the_claim_calls_a_caution_and_a_correction_after_but() -> None:
    said = "the labels list allergy as the only contraindication, and asthma is a precaution because it may worsen"
    assert "asthma" not in ONLY_CAUTION.sub(" ", said)
    assert "allergy" in ONLY_CAUTION.sub(" ", said)
    entry = "the old leaflet says 2-4 h, but the sources put the half-life at roughly 3 to 7 hours."
    m = CORRECTED.search(entry)
    assert m is not None and entry[m.end() :].startswith("the half-life at roughly 3 to 7 hours")
