"""Questions from carers, coaches and ward staff on the real corpus, in their own words: two
liquid strengths compared, a child who got into someone's tablets, a pregnancy being planned, a
night out while on baclofen, a pump running low told in ward shorthand, approval "anywhere in the
world", and a study described before a colon or as "the other one"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "my dad's new bottle of his spasm liquid says 25 mg/5 ml but the last one was 5 mg/5 ml. "
        "is the new one stronger?",
        "The pharmacy swapped Mum's stiffness medicine: old label 5mg in 5ml, new label 25mg in "
        "5ml. Same strength?",
    ],
)
def test_two_liquid_strengths_are_compared_per_millilitre(corpus_assistant, question: str) -> None:
    ans = corpus_assistant.ask(question)
    first = ans.answer.splitlines()[0]
    assert first.startswith("Not the same strength"), ans.answer
    assert "25 mg in 5 mL is 5 times as strong as 5 mg in 5 mL" in first, ans.answer
    # the sources' sentences naming those products, the concentrated one first
    assert "concentrated product" in ans.answer.splitlines()[1], ans.answer
    assert any("5 mg per 5 mL" in c.quote for c in ans.citations), ans.citations


def test_one_strength_alone_is_not_a_comparison(corpus_assistant) -> None:
    ans = corpus_assistant.ask("Which baclofen product comes as 25 mg per 5 mL?")
    assert not ans.answer.startswith(("Not the same strength", "Yes:")), ans.answer


@pytest.mark.parametrize(
    "question",
    [
        "My 2-year-old found grandad's bag and chewed some of his muscle relaxer tablets. He's "
        "very drowsy and floppy now. What should we do?",
        "our toddler got into the cupboard and we think she swallowed some of my baclofen. what "
        "do we do?",
    ],
)
def test_a_child_who_got_into_the_tablets_is_an_emergency(corpus_assistant, question: str) -> None:
    ans = corpus_assistant.ask(question)
    assert "emergency" in [n.kind for n in ans.notices]
    assert ans.answer.startswith("Call your local emergency number now"), ans.answer
    assert not ans.abstained and ans.citations, ans.answer
    assert ans.citations[0].source_id == "label_overdose", ans.citations


@pytest.mark.parametrize(
    "question",
    [
        "I take baclofen for my MS and my partner and I are trying for a baby. Do I need to stop "
        "it first?",
        "we're planning a pregnancy next spring - should my wife come off her baclofen before we "
        "start trying?",
    ],
)
def test_planning_a_pregnancy_is_answered_from_the_pregnancy_row(
    corpus_assistant, question: str
) -> None:
    ans = corpus_assistant.ask(question)
    assert ans.route == "contraindications", ans.route
    assert ans.answer.startswith("No: pregnancy is not a contraindication"), ans.answer
    assert "tapering before delivery" in ans.answer.splitlines()[0]
    assert "pregnancy" in [n.kind for n in ans.notices]


def test_a_night_out_on_baclofen_is_a_question_of_mixing_it_with_alcohol(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "One of my players is on the spasm tablets after back surgery and the team party is on "
        "Friday. He wants a few beers. Anything I should warn him about?"
    )
    assert ans.plan.intent == "interaction", ans.plan.intent
    assert "adds to that of alcohol" in ans.answer.splitlines()[0], ans.answer
    assert "off_label" not in [n.kind for n in ans.notices]


def test_a_pump_running_low_in_ward_shorthand_gets_the_intrathecal_warning(
    corpus_assistant,
) -> None:
    ans = corpus_assistant.ask(
        "Bed 12: 51F, C5 SCI, ITB pump alarming low-reservoir, refill not until Monday. What do "
        "we watch for if it runs dry?"
    )
    assert ans.citations[0].source_id == "label_intrathecal_boxed_warning", ans.citations
    assert "high fever" in ans.answer.splitlines()[0], ans.answer
    assert "withdrawal" in [n.kind for n in ans.notices]


def test_approval_anywhere_in_the_world_names_the_country_that_granted_it(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "My GP in Texas says baclofen for drinking is off-label. Has it been approved for alcohol "
        "anywhere in the world?"
    )
    first = ans.answer.splitlines()[0]
    assert "France is the only one that authorised baclofen for alcohol use" in first, ans.answer


def test_a_study_described_before_a_colon_is_asked_only_what_follows(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "The recent US trial that gave heavy drinkers either a small or a larger fixed amount of "
        "baclofen, or placebo, for about four months: what did it find?"
    )
    assert ans.plan.entities.trials == ["garbutt2021"], ans.plan.entities.trials
    assert ans.answer.startswith("Garbutt et al. 2021 found a benefit"), ans.answer


def test_the_other_big_trial_is_another_study_of_the_same_kind(corpus_assistant) -> None:
    history = ["What did the Bacloville trial find?", "how long did it run?"]
    ans = corpus_assistant.ask("and the other big French one, did it agree?", history=history)
    assert ans.plan.entities.trials == ["reynaud2017"], ans.plan.entities.trials
    assert "ALPADIR" in ans.answer.splitlines()[0], ans.answer


def test_a_questions_second_part_gets_its_own_line(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "baclofen: which illness was it first meant to treat, and why was that plan abandoned?"
    )
    assert "epilep" in ans.answer.splitlines()[0], ans.answer
    assert "disappointed as an anti-epileptic" in ans.answer, ans.answer


def test_an_uncontrolled_study_followed_up_by_trials_names_them(corpus_assistant) -> None:
    history = ["What did the 2012 French retrospective study of high-dose baclofen find?"]
    ans = corpus_assistant.ask("was it ever followed up with a randomised trial?", history=history)
    assert ans.answer.startswith("Yes, randomised trials followed: Bacloville"), ans.answer


def test_a_clinic_told_of_is_the_cohort_asked_about(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "My brother attends a joint liver and alcohol clinic in the UK and they say about half "
        "of their patients on baclofen stay off drink. Was that from a controlled trial?"
    )
    assert ans.plan.entities.trials == ["owens2017"], ans.plan.entities.trials
    assert ans.answer.startswith("No: Owens et al. 2017 had no control group"), ans.answer
    assert "off_label" in [n.kind for n in ans.notices]


def test_a_rare_reaction_of_someone_treated_for_drinking_is_the_labels(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "my wife gets baclofen from the alcohol service and now sees two of everything when she "
        "reads. could that be the tablets?"
    )
    assert ans.answer.startswith("Yes, rarely:") and "double vision" in ans.answer, ans.answer


def test_fits_asked_after_how_an_overdose_is_treated_keep_to_its_care(corpus_assistant) -> None:
    history = ["What happens in a baclofen overdose?", "How is it treated in hospital?"]
    ans = corpus_assistant.ask("and if he begins fitting?", history=history)
    assert "diazepam" in ans.answer.splitlines()[0], ans.answer


def test_not_among_a_guidelines_medicines_names_the_ones_it_recommends(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "Night shift question: is the MS muscle relaxer on the American psychiatrists' "
        "association's 2018 list of recommended alcohol medicines?"
    )
    first, *rest = ans.answer.splitlines()
    assert "baclofen" in first.lower() and "not" in first, ans.answer
    assert rest and "naltrexone or acamprosate" in rest[0], ans.answer


@pytest.mark.parametrize(
    ("question", "emergency"),
    [
        ("my little girl swallowed a few of my baclofen tablets, what do I do?", True),
        ("our baby ate well today and I take baclofen tablets, can I keep breastfeeding?", False),
        ("My son got into a trial of baclofen for his drinking. Is it safe?", False),
    ],
)
def test_a_child_who_ate_tablets_is_told_from_a_child_who_ate_well(
    question: str, emergency: bool
) -> None:
    from assistant.answering.safety import notices

    assert ("emergency" in notices.detect(question)) is emergency
