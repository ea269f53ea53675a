"""`assistant check`: readings asked for by a fact-check article, an insurer's coverage policy and
an exam station's script (a claim quoted in a heading with its rating under it, "the same
review" two sentences after the one naming it, a figure the curated sources differ on, a study's
size against its arms, a review named by its year, a risk set against another's in words, a
comparator or a period the study never had); each tested on sentences written here, not taken
from those documents."""

from __future__ import annotations

import pytest

from assistant.answering.check.agreement import parameter_conflict, parameter_reading, quantities
from assistant.answering.check.claims import Claim, extract_claims
from assistant.answering.check.contrasts import comparison_conflict, times_conflict
from assistant.answering.check.fact_sheet import fact_verdict, load_facts
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


_FACT_CHECKS = [
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
]


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


def test_doses_not_shown_to_do_better_are_a_denial() -> None:
    from assistant.answering.check.study_readings import dose_winner_conflict

    guideline = "Doses above 60 mg have not been shown to work better than 30 to 60 mg a day."
    assert not dose_winner_conflict(guideline, "Low doses did better than high doses here.")
    assert dose_winner_conflict("Higher doses beat lower doses in that review.", guideline)


# ------------------------------------------------------------------ a discharge letter, a journal
# club thread and a law firm's bulletin: readings they called for, on sentences written here


def test_a_table_after_its_lead_sentence_is_one_claim_per_row() -> None:
    from assistant.answering.check.lines import table_rows

    part = "Trials for the handout, as a table:\n| Trial | Dose |\n|---|---|\n| Morley 2014 | 30 or 60 mg |\n| BACLAD | up to 270 mg |"
    assert table_rows(part) == [
        "Trials for the handout, as a table:",
        "Morley 2014: 30 or 60 mg",
        "BACLAD: up to 270 mg",
    ]


def test_a_denial_followed_by_what_is_so_denies_only_its_object() -> None:
    from assistant.answering.check.agreement import negated_verb_conflict

    correction = "It was not first made as a sleeping pill: it was designed for epilepsy."
    assert not negated_verb_conflict(
        "It was designed for epilepsy and first sold in 1977.", correction
    )
    assert negated_verb_conflict(
        "Baclofen adds to the effect of alcohol.", "Baclofen does not add to the effect of alcohol."
    )
    # denied of one thing, stated of another: no conflict
    assert not negated_verb_conflict(
        "The FDA approved it for spasticity and has never approved it for alcohol dependence.",
        "Baclofen is FDA-approved only for spasticity; use for alcohol is off-label.",
    )
    assert negated_verb_conflict(
        "The FDA has never approved it for spasticity.", "It is FDA-approved only for spasticity."
    )


def test_a_parliamentary_question_is_not_a_claim() -> None:
    from assistant.answering.check.claims import _QUESTION

    assert _QUESTION.search(
        "To ask the Secretary of State for Health, what assessment he has made of baclofen."
    )
    assert not _QUESTION.search("Asked to stop, she tapered her dose over four weeks.")


def test_a_view_asserted_then_denied_after_a_semicolon_is_not_the_claim() -> None:
    from assistant.answering.check.stance import REJECTED

    assert REJECTED.search("A blogger claimed that the label rules it out in asthma; it does not.")
    assert not REJECTED.search("The label lists one contraindication; it does not name asthma.")
    # a remark someone was told, called wrong after the semicolon: the reply, not the remark
    assert REJECTED.search(
        "A nurse told you this was twice the label maximum of 40 mg a day; that was wrong, "
        "because the label's maximum is 80 mg a day."
    )
    assert not REJECTED.search("The nurse told us the dose was 20 mg; that was the starting dose.")


def test_the_number_referred_is_not_the_number_randomised(docs_assistant) -> None:
    got = _checked(
        docs_assistant,
        Claim(
            "Addolorato 2007: 148 patients with cirrhosis randomised in Rome.", None, "trial-result"
        ),
        Claim(
            "Addolorato 2007: 84 patients with cirrhosis randomised in Rome.", None, "trial-result"
        ),
    )
    assert got[0].verdict == "contradicted" and "84" in got[0].explanation, got[0]
    assert got[1].verdict != "contradicted", got[1]


def test_a_row_about_one_study_is_not_contrasted_with_another_of_its_authors(docs_assistant):
    got = _checked(
        docs_assistant,
        Claim(
            "Garbutt 2010: 80 US patients on 30 mg/day; heavy drinking days 25.9% vs 25.5%, "
            "no difference.",
            None,
            "trial-result",
        ),
    )
    assert got[0].verdict != "contradicted", got[0]


def test_one_dose_said_to_outdo_another() -> None:
    from assistant.answering.check.study_readings import dose_better

    key = "percent days abstinent 69% on 30 mg and 65% on 75 mg vs 43% on placebo"
    assert dose_better("In that trial 75 mg outperformed 30 mg on abstinent days.", key)
    assert not dose_better("In that trial 30 mg outperformed 75 mg on abstinent days.", key)


_LETTERS_AND_BULLETINS = [
    (
        "origin_epilepsy",
        "It was first made by chemists in Switzerland as a drug for spasticity.",
        "contradicted",
    ),
    (
        "france_prescribers",
        "In France Baclocur is prescribed only by hospital doctors.",
        "contradicted",
    ),
    ("france_prescribers", "Any doctor in France may prescribe Baclocur.", "supported"),
    (
        "baclocur_suspension_timing",
        "The Conseil d'État then suspended the sales of Baclocur.",
        "contradicted",
    ),
    (
        "france_cap_history",
        "Baclocur's licence originally capped it at 150 mg.",
        "contradicted",
    ),
    (
        "france_cap_history",
        "Baclocur's licence capped it at 80 mg a day from 2018.",
        "supported",
    ),
    (
        "cohort_high_dose_deaths",
        "The French cohort tied doses above 90 mg a day to more deaths.",
        "contradicted",
    ),
    (
        "cohort_high_dose_deaths",
        "The French cohort tied doses above 180 mg a day to more deaths.",
        None,
    ),
    (
        "baclocur_high_risk",
        "Baclocur is for drinkers above 60 g a day for men and more than 40 g for women.",
        "supported",
    ),
]


# ------------------------------------------------------------------ a petition, a video script and
# a tutorial worksheet: readings they called for, on sentences written here


def test_a_limit_written_in_words_is_read_as_its_number() -> None:
    from assistant.answering.check.differences import figure_conflict

    passage = "The US label gives a maximum of 80 mg per day."
    assert (
        figure_conflict(
            "The US label's maximum is eighty milligrams a day, as 20 mg four times daily.", passage
        )
        is None
    )
    assert figure_conflict("The US label's maximum is ninety milligrams a day.", passage)


def test_a_risk_said_to_double_is_a_multiple() -> None:
    passage = (
        "Starting at 20 mg/day or more carried about 3.5 times the 30-day risk of hospital "
        "admission with encephalopathy (weighted relative risk 3.54)."
    )
    assert times_conflict(
        "Starting at 20 mg a day doubled the risk of being admitted with encephalopathy.", passage
    )
    assert not times_conflict(
        "Starting at 20 mg a day roughly tripled the risk of admission with encephalopathy.",
        passage,
    )


_PETITIONS_AND_WORKSHEETS = [
    (
        "baclocur_authorisation_year",
        "ANSM licensed baclofen in 2015 under the name Baclocur.",
        "contradicted",
    ),
    (
        "baclocur_authorisation_year",
        "ANSM licensed baclofen in 2018 under the name Baclocur.",
        None,
    ),
    (
        "australia_status",
        "The TGA added drinking problems to the drug's registered uses.",
        "contradicted",
    ),
    (
        "australia_guideline_kidney_failure",
        "The guideline says renal failure is no obstacle to baclofen.",
        "contradicted",
    ),
    (
        "abrupt_withdrawal",
        "Quitting it suddenly is uncomfortable, but there is no evidence that it is dangerous.",
        "contradicted",
    ),
    (
        "receptor_after_approval",
        "The receptor was known for decades, long before baclofen existed.",
        "contradicted",
    ),
    (
        "breast_milk",
        "Mothers on baclofen are told that breastfeeding has to stop.",
        "contradicted",
    ),
    (
        "egfr_avoid_threshold",
        "Guidance says to avoid baclofen only when the eGFR is below 10.",
        "contradicted",
    ),
    (
        "egfr_avoid_threshold",
        "Guidance says to avoid baclofen below an eGFR of 30.",
        "supported",
    ),
    (
        "france_cap_history",
        "French doctors can now go as high as 250 mg a day.",
        "contradicted",
    ),
    ("france_cap_history", "French doctors can now go up to 300 mg a day.", None),
    (
        "ameisen_maintenance_dose",
        "Ameisen later settled on a maintenance dose of 90 mg a day.",
        "contradicted",
    ),
    (
        "ameisen_maintenance_dose",
        "Ameisen later settled on a maintenance dose of 120 mg a day.",
        "supported",
    ),
]


# ------------------------------------------------------------------ a book chapter, a press release
# and a student's reflective log: readings they called for, on sentences written here


_CHAPTERS_AND_LOGS = [
    (
        "haemodialysis_clears",
        "In a poisoning, haemodialysis is of little use for baclofen.",
        "contradicted",
    ),
    ("haemodialysis_clears", "Haemodialysis clears baclofen in kidney failure.", None),
    (
        "deaths_mostly_intentional",
        "In Australia the majority of baclofen deaths were accidental rather than deliberate.",
        "contradicted",
    ),
    (
        "deaths_mostly_intentional",
        "In Australia most baclofen deaths were intentional rather than accidental.",
        "supported",
    ),
    ("synthesis_year", "It was first made in a Swiss lab in 1970.", "contradicted"),
    (
        "australia_guideline_second_line",
        "The Australian guideline ranks it as first-line therapy.",
        "contradicted",
    ),
    (
        "receptor_after_approval",
        "The drug was designed to switch the GABA-B receptor on.",
        "contradicted",
    ),
    ("breast_milk", "The leaflet tells mothers on it not to breastfeed.", "contradicted"),
    (
        "cap_annulled_by_tribunal",
        "In 2021 the Conseil d'État annulled the 80 mg ceiling.",
        "contradicted",
    ),
    ("cap_annulled_by_tribunal", "The Conseil d'État later ruled on the end of the RTU.", None),
]


def test_a_figure_in_words_decides_a_fact_and_a_full_year_is_a_year() -> None:
    ameisen = next(f for f in load_facts() if f.key == "ameisen_maintenance_dose")
    assert (
        fact_verdict(ameisen, "Ameisen then kept to a maintenance dose of ninety milligrams.")
        == "contradicted"
    )
    assert treatment_weeks("The trial ran for a full year.") == (52.0, "1 year")


def test_a_writers_earlier_belief_and_a_lay_contraindication_are_read_as_such() -> None:
    from assistant.answering.check.checker import _ABOUT_CONTRAINDICATION
    from assistant.answering.check.stance import REJECTED

    assert REJECTED.search("I had assumed that it was banned in epilepsy, so I wrote that down.")
    assert not REJECTED.search("I assumed the role of lead author.")
    assert _ABOUT_CONTRAINDICATION.search(
        "The label gives asthma as a reason never to prescribe it."
    )


# ------------------------------------------------------------------ a fresh round measured only (a
# group's minutes, a grand-rounds summary, a travel FAQ): the false alarms it found, on sentences
# written here


def test_a_sentence_leaning_on_a_contraindication_claim_is_not_one(docs_assistant) -> None:
    said = "A friend said the label lists pregnancy as an outright contraindication."
    got = _checked(
        docs_assistant,
        Claim(
            "He added that babies exposed in the womb can show withdrawal after birth.",
            None,
            "pregnancy",
            context=said,
        ),
    )
    assert got[0].verdict != "contradicted", got[0]


_KEPT_TO_THEIR_SUBJECT = [
    (
        "overdose_no_antidote",
        "With kidney failure, haemodialysis can reverse the toxicity.",
        None,
    ),
    ("overdose_no_antidote", "Flumazenil can reverse baclofen toxicity.", "contradicted"),
    (
        "overdose_fluids",
        "Next month's talk: who needs a fluid restriction in heart failure?",
        None,
    ),
    (
        "overdose_fluids",
        "After an overdose, restrict fluids to avoid swelling.",
        "contradicted",
    ),
]


# ------------------------------------------------------------------ round 25 (an app listing, a wiki
# talk page, a care-home memo): the phrasings it called for, written here in other words

_LISTINGS_AND_MEMOS = [
    (
        "overdose_no_antidote",
        "On the ward, naloxone reverses baclofen within minutes.",
        "contradicted",
    ),
    ("overdose_no_antidote", "Nothing reverses baclofen; care is supportive.", "supported"),
    ("overdose_no_antidote", "Restarting the dose reversed baclofen withdrawal in one case.", None),
    (
        "abrupt_withdrawal",
        "Missed tablets are harmless, since withdrawal matters only with the intrathecal pump, "
        "not with tablets.",
        "contradicted",
    ),
    ("abrupt_withdrawal", "Withdrawal is a risk with tablets and with the pump.", None),
    (
        "origin_epilepsy",
        "It was created in a Swiss lab in 1962 as a drug for spasticity.",
        "contradicted",
    ),
    (
        "origin_epilepsy",
        "It was created in the early 1960s and later marketed as a drug for spasticity.",
        None,
    ),
]


# Show notes, a court judgment, a book review, a dating profile, a customs note and a pharmacy
# checklist (art38-art43): settled facts in their words, and true lines that must stay unflagged.
_NOTES_AND_PROFILES = [
    ("elimination_kidneys", "Unless you are on dialysis, kidney function makes no difference to the dose.", "contradicted"),
    ("abrupt_withdrawal", "Symptoms of abrupt withdrawal from the tablets are generally mild, a little restlessness at most.", "contradicted"),
    ("abrupt_withdrawal", "Skip it for a few days if you like: nothing dramatic happens when you stop it cold.", "contradicted"),
    ("origin_epilepsy", "It was created in the 1970s as a muscle relaxant for multiple sclerosis.", "contradicted"),
    ("origin_epilepsy", "It was designed as an anticonvulsant and later developed as a muscle relaxant.", None),
    ("most_frequent_reaction", "The label reckons drowsiness troubles only about one patient in a hundred.", "contradicted"),
    ("france_rtu_end_year", "The temporary authorisation scheme, which the agency wound up in 2017, covered her prescriptions.", "contradicted"),
    ("gaba_b_agonist", "Her GP said baclofen is a dopamine blocker, like the old antipsychotics.", "contradicted"),
    ("us_label_maximum", "He takes 150 mg a day, which his GP says is still under the label's ceiling.", "contradicted"),
    ("us_label_maximum", "She takes 60 mg a day, which is within the label limit.", None),
    ("baclocur_marketed", "Baclocur has been off the French market since a court struck down its licence.", "contradicted"),
    ("australia_pi_dose", "The Australian product information gives a usual daily range of 30 to 120 mg.", "contradicted"),
    ("overdose_no_antidote", "A naloxone kit will reverse an accidental baclofen overdose.", "contradicted"),
    ("opioid_interaction", "Codeine and oxycodone carry no flagged interaction with it.", "contradicted"),
    ("leung_coma_threshold", "In the Newcastle series coma and seizures appeared only after two grams or more.", "contradicted"),
]  # fmt: skip

# An influencer's carousel, an insurer's file note and a school poster (art44-art46): their facts
# in other words, with true lines that must stay unflagged.
_CAROUSELS_AND_POSTERS = [
    ("us_first_approval_year", "The FDA did not license it until 1987, and only for spasms.", "contradicted"),
    ("us_first_approval_year", "It was not approved in the US until 1977.", None),
    ("france_cap_history", "The 80 mg daily maximum still applies in France today.", "contradicted"),
    ("france_cap_history", "The 80 mg daily maximum applied in France from 2018 to 2021.", "supported"),
    ("dopamine_dampened", "Baclofen boosts the brain's dopamine, which is why it feels rewarding.", "contradicted"),
    ("dopamine_dampened", "Drink floods the reward pathway with dopamine; baclofen is thought to dampen those dopamine neurons.", "supported"),
    ("natural_rewards_spared", "In rats it cut lever pressing for food and water too, so it may just sedate them.", "contradicted"),
    ("natural_rewards_spared", "In rats it cut pressing for cocaine but barely changed pressing for food.", "supported"),
]  # fmt: skip


# A comedy set, a union bulletin and a coursebook unit (art47-art49): their facts in other words,
# with true lines that must stay unflagged.
_SETS_AND_BULLETINS = [
    ("abrupt_withdrawal", "Unlike sleeping pills, it does not cause a withdrawal reaction.", "contradicted"),
    ("time_to_peak", "It takes about six hours to peak in the blood.", "contradicted"),
    ("time_to_peak", "It peaks in the blood within about two hours.", "supported"),
    ("ameisen_craving_dose", "Ameisen's craving stopped the moment he got to two hundred milligrams a day.", "contradicted"),
    ("ameisen_craving_dose", "Ameisen's craving stopped once he got to two hundred and seventy milligrams a day.", "supported"),
    ("tga_overdose_high_doses", "The TGA says overdose risk is greatest among people with spasticity from MS.", "contradicted"),
    ("overdose_blood_pressure", "The classic sign of an overdose is a sudden fall in blood pressure.", "contradicted"),
    ("csf_fraction", "Little of it is bound to proteins, and its level in the spinal fluid equals the level in the blood.", "contradicted"),
    ("cochrane_relapse_reduced", "The 2023 Cochrane review found it made no difference to whether people relapsed.", "contradicted"),
    ("cochrane_relapse_reduced", "The 2023 Cochrane review found no effect on heavy drinking days.", None),
    ("lyon_lorazepam_less", "On baclofen, withdrawal patients needed more lorazepam than on placebo.", "contradicted"),
    ("lyon_lorazepam_less", "Fewer patients on baclofen needed high doses of lorazepam.", None),
    # a written answer, an advertorial and an audit (art59-art61)
    ("abrupt_withdrawal", "After a short course most people can stop at the end without a taper.", "contradicted"),
    ("abrupt_withdrawal", "Nobody should stop it without a taper.", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("key", "claim", "verdict"),
    _FACT_CHECKS
    + _LETTERS_AND_BULLETINS
    + _PETITIONS_AND_WORKSHEETS
    + _CHAPTERS_AND_LOGS
    + _KEPT_TO_THEIR_SUBJECT
    + _LISTINGS_AND_MEMOS
    + _NOTES_AND_PROFILES
    + _CAROUSELS_AND_POSTERS
    + _SETS_AND_BULLETINS,
)
def test_facts_decide_phrasings_each_round_called_for(key: str, claim: str, verdict) -> None:
    """Each round's fact phrasings (the tables above), and facts kept to their subject."""
    fact = next(f for f in load_facts() if f.key == key)
    assert fact_verdict(fact, claim) == verdict, claim


# ------------------------------------------------------------------ round 26 (a harm-reduction zine,
# a pharmacy-counter transcript, a peer review): study details in other words, written here


def test_a_size_in_words_a_daily_dose_and_a_mean_dose_are_read_against_the_study(docs_assistant):
    said = {
        "The 1989 Nijmegen pharmacokinetic study enrolled twenty volunteers.": "contradicted",
        "The 1989 Nijmegen study gave a single 40 mg dose to four volunteers.": "supported",
        "ALPADIR gave its patients 300 mg/day.": "contradicted",
        "In Beraha 2016 the high-dose arm's mean dose was about 150 mg/day.": "contradicted",
        "In Beraha 2016 the high-dose arm reached a mean dose of 94 mg/day.": "supported",
    }
    got = _checked(docs_assistant, *(Claim(s, None, "dose") for s in said))
    assert [c.verdict for c in got] == list(said.values()), [(c.text, c.explanation) for c in got]


def test_a_result_like_placebos_and_more_side_effects_are_read_against_the_study(docs_assistant):
    """Bacloville said to end 'about the same as the placebo group', more side effects claimed
    for a review that found them similar (a sentence leaning on it across a short aside)."""
    review = "The 2023 Cochrane review pooled 17 trials of baclofen for alcohol use disorder."
    got = _checked(
        docs_assistant,
        Claim(
            "In Bacloville, roughly a third of those on baclofen ended up abstinent or drinking "
            "safely, about the same as the placebo group.",
            None,
            "trial-result",
        ),
        Claim(
            "Same review: those on baclofen had clearly more side effects than on placebo.",
            None,
            "trial-result",
            context=f"{review} Not bad at all.",
        ),
        Claim(
            "Same review: side effects on baclofen were about as common as on placebo.",
            None,
            "trial-result",
            context=review,
        ),
    )
    verdicts = [c.verdict for c in got]
    assert verdicts[:2] == ["contradicted", "contradicted"], [(c.text, c.explanation) for c in got]
    assert verdicts[2] != "contradicted", got[2]
    assert any("57%" in (q.quote or "") for q in got[0].citations), got[0].citations


def test_a_share_said_to_reach_your_bloodstream_is_the_bioavailability() -> None:
    passage = (
        "A crossover study in 12 healthy adults (Agarwal 2015) measured a mean absolute oral "
        "bioavailability of baclofen of 74%."
    )
    said = "Barely a quarter of each swallowed tablet makes it into your bloodstream."
    assert parameter_conflict(said, passage) is not None
    assert (
        parameter_conflict("Most of each tablet makes it into your bloodstream.", passage) is None
    )


def test_a_quoted_paragraph_a_receptor_letter_and_advice_after_a_claim() -> None:
    """Sentences of a quoted (Markdown "> >") coursebook text are claims of their own, "GABA-B."
    ends a sentence, and "X, so readers should not assume Y" keeps X as the document's claim."""
    store = _Store(
        "> (1) Baclofen acts at one type of GABA receptor, called GABA-B. Although little is "
        "bound to proteins, its level in the spinal fluid equals the level in the blood. > > (2) "
        "The body does not change baclofen very much.",
        "The Australian product information gives an optimum dose of 80 to 120 mg a day, so "
        "members on lower doses should not assume they are unaffected.",
    )
    texts = [c.text for c in extract_claims(store, "doc")]
    assert any(t.startswith("Although little is bound") for t in texts), texts
    assert not any("GABA-B. Although" in t for t in texts), texts
    assert "The Australian product information gives an optimum dose of 80 to 120 mg a day" in texts
