"""`assistant check`: readings asked for by a fact-check article, an insurer's coverage policy and
an exam station's script (a claim quoted in a heading with its rating under it, "the same
review" two sentences after the one naming it, a figure the curated sources differ on, a study's
size against its arms, a review named by its year, a risk set against another's in words, a
comparator or a period the study never had); each tested on sentences written here, not taken
from those documents."""

from __future__ import annotations

import pytest

from assistant.answering.check.agreement import parameter_conflict, parameter_reading, quantities
from assistant.answering.check.claims import Claim, extract_claims, fact_verdict, load_facts
from assistant.answering.check.contrasts import comparison_conflict, times_conflict
from assistant.answering.check.study_readings import treatment_weeks
from assistant.library.chunks import _blocks

from .test_check_attribution import _checked, _Store

# ------------------------------------------------------------------ a claim rated under its heading


def test_a_rating_under_a_heading_is_part_of_the_heading() -> None:
    text = (
        '## Myth 4: "Baclofen is cleared by the liver."\n**Verdict: False**\n\n'
        "Most of a dose leaves in the urine.\n\n"
        '## Myth 5: "It was designed with epilepsy in mind."\n*Verdict: true*\n\nIt was.'
    )
    blocks = _blocks(text)
    assert blocks[0] == (
        'Myth 4: "Baclofen is cleared by the liver." \u00b7 Verdict: False',
        "Most of a dose leaves in the urine.",
    )
    assert blocks[1] == (
        'Myth 5: "It was designed with epilepsy in mind." \u00b7 Verdict: true',
        "It was.",
    )
    # a long Markdown heading is a heading even above a shorter line
    assert _blocks("### A heading that is much longer than the line under it\nShort line.")[0][
        0
    ] == ("A heading that is much longer than the line under it")


class _Headed(_Store):
    def __init__(self, *sections_and_chunks: tuple[str, str]) -> None:
        super().__init__(*(chunk for _, chunk in sections_and_chunks))
        for meta, (section, _) in zip(self.metas, sections_and_chunks, strict=True):
            meta.section = section


def test_a_heading_claim_is_the_documents_unless_its_rating_rejects_it() -> None:
    store = _Headed(
        ('Claim 1: "Baclofen was first approved for alcoholism." \u00b7 Rating: False', "No."),
        ('Claim 2: "Baclofen is mostly excreted unchanged in urine." \u00b7 Rating: True', "Yes."),
        ('Claim 3: "Kidney failure is a contraindication." \u00b7 Verdict: misleading', "Not so."),
    )
    texts = [c.text for c in extract_claims(store, "doc")]
    assert "Baclofen is mostly excreted unchanged in urine." in texts
    assert not any("alcoholism" in t or "Kidney failure" in t for t in texts), texts


# ------------------------------------------------------------------ "the same review" further on


class _Studies(_Store):
    def __init__(self, catalog, *chunks: str) -> None:
        super().__init__(*chunks)
        self._catalog = catalog

    def catalog(self) -> tuple:
        return self._catalog


def test_the_same_review_is_read_with_the_sentence_naming_it(catalog) -> None:
    store = _Studies(
        catalog,
        "Our panel relied on the 2023 Cochrane review. Roughly seven in ten people relapsed on "
        "the drug. The same review reported that baclofen halved heavy drinking days.",
    )
    claims = extract_claims(store, "doc")
    same = next(c for c in claims if c.text.startswith("The same review"))
    assert "Cochrane" in same.context


# ------------------------------------------------------------------ figures the sources differ on


def test_a_figure_one_curated_source_gives_is_not_contradicted_by_another() -> None:
    claim = "Its half-life is around 3 to 4 hours."
    study = "In this study the baclofen half-life was 6.8 hours."
    monograph = "A drug monograph gives a half-life of about 3 to 4 hours."
    assert parameter_conflict(claim, study) is not None  # one sentence alone disagrees ...
    assert parameter_reading(claim, monograph) == (None, True)  # ... another gives the figure


def test_the_half_life_sources_differ_on_is_not_called_false(docs_assistant) -> None:
    got = _checked(
        docs_assistant,
        Claim("Baclofen's half-life in the blood is about 3-4 hours.", None, "elimination"),
        Claim("Baclofen's half-life in the blood is about 30 hours.", None, "elimination"),
    )
    assert got[0].verdict != "contradicted", got[0]
    assert got[1].verdict == "contradicted", got[1]


def test_a_count_per_arm_is_not_the_size_of_a_study() -> None:
    assert quantities("Each site enrolled 30 patients per arm.") == set()
    assert quantities("The trial enrolled 60 patients in all.") == {("60", "people")}


def test_a_study_size_worded_around_its_adjectives_and_a_review_by_its_year(docs_assistant):
    got = _checked(
        docs_assistant,
        # the Rome cirrhosis trial's 84 people, whatever a sentence with 42 per arm says
        Claim(
            "Addolorato's 2007 trial in Rome randomised 84 patients with cirrhosis of the liver.",
            None,
            "trial-result",
        ),
        # the 2023 review's own size, not the 2018 review's
        Claim("The 2023 Cochrane review took in 1,818 participants.", None, "trial-result"),
    )
    assert all(c.verdict != "contradicted" for c in got), got


# ------------------------------------------------------------------ risks set against each other


def test_half_a_named_risk_against_more_than_twice_it() -> None:
    passage = (
        "Over 30 days, baclofen users had more than twice the risk of encephalopathy of "
        "tizanidine users (SHR 2.29, 95% CI 1.43-3.67)."
    )
    assert comparison_conflict(
        "Compared with tizanidine, baclofen carried half the 30-day encephalopathy risk.", passage
    )
    assert not comparison_conflict(
        "Baclofen carried about double the 30-day encephalopathy risk of tizanidine.", passage
    )


def test_a_share_more_frequent_is_a_multiple_of_a_risk() -> None:
    passage = (
        "In that review, the risk of at least one adverse event was similar on baclofen and "
        "placebo (risk ratio 1.05, 95% CI 0.99 to 1.11)."
    )
    assert times_conflict(
        "Adverse events were 60% more frequent on baclofen in that review.", passage
    )
    assert not times_conflict(
        "Adverse events were 5% more frequent on baclofen in that review.", passage
    )


# ------------------------------------------------------------------ what and how long a study compared


def test_a_period_said_with_over() -> None:
    assert treatment_weeks("The trial compared the two drugs over 9 months.") == (
        pytest.approx(39.15),
        "9 month",
    )
    assert treatment_weeks("Baclofen was compared with placebo in 2012.") is None


def test_a_comparator_the_study_never_had(docs_assistant) -> None:
    got = _checked(
        docs_assistant,
        Claim(
            "Jose and colleagues (2019) compared baclofen against acamprosate in India.",
            None,
            "trial-result",
        ),
        Claim(
            "Jose and colleagues (2019) compared baclofen against topiramate in India.",
            None,
            "trial-result",
        ),
    )
    assert got[0].verdict == "contradicted", got[0]
    assert "topiramate" in got[0].explanation
    assert got[1].verdict != "contradicted", got[1]


# ------------------------------------------------------------------ facts in other words


@pytest.mark.parametrize(
    ("key", "claim", "verdict"),
    [
        (
            "origin_epilepsy",
            "The compound was designed in the 1960s for spasticity.",
            "contradicted",
        ),
        (
            "origin_epilepsy",
            "It was designed for epilepsy and later used for spasticity.",
            "supported",
        ),
        (
            "receptor_after_approval",
            "Scientists say the GABA-B receptor was found first, and the drug came after.",
            "contradicted",
        ),
        (
            "australia_guideline_second_line",
            "Under the Australian guideline, baclofen was made a first-line option.",
            "contradicted",
        ),
        (
            "australia_guideline_second_line",
            "Australia lists baclofen as second-line.",
            "supported",
        ),
        (
            "overdose_blood_pressure",
            "After an overdose, a falling blood pressure is the usual first warning sign.",
            "contradicted",
        ),
        (
            "ameisen_book_year",
            "Ameisen's memoir, which appeared two years earlier in 2006, sold widely.",
            "contradicted",
        ),
        (
            "us_approval",
            "In 2021 the FDA granted an addiction indication to one oral suspension.",
            "contradicted",
        ),
    ],
)
def test_facts_decide_phrasings_from_fact_checks(key: str, claim: str, verdict) -> None:
    fact = next(f for f in load_facts() if f.key == key)
    assert fact_verdict(fact, claim) == verdict, claim


def test_which_doses_did_better_is_compared_both_ways() -> None:
    from assistant.answering.check.study_readings import dose_winner_conflict

    low_won = (
        "In one review, doses of 30-60 mg did better than doses above 60 mg, which few tolerated."
    )
    high_denied = "A guideline says doses above 60 mg have not outperformed 30 to 60 mg a day."
    claim = "The review found that higher doses beat lower doses."
    assert dose_winner_conflict(claim, low_won)
    assert dose_winner_conflict(claim, high_denied)
    assert not dose_winner_conflict("Lower doses did better than high doses.", low_won)
    assert not dose_winner_conflict("Higher doses did not beat lower doses.", low_won)
    assert not dose_winner_conflict(claim, "Higher doses gave better results than lower doses.")
