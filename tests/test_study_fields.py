"""Questions about one fact of a named study (its journal, whether it was randomised, its size,
comparator, dose, primary outcome, country), asked of every study in the corpus: the first
sentence states the fact from the study's fields, cited to a sentence of the study, instead of
the study's headline result. The question patterns are tested alone first (no model)."""

from __future__ import annotations

import re

import pytest

from assistant.answering.routes.study_asks import (
    ASKS_ARMS,
    ASKS_CONTROL,
    ASKS_JOURNAL,
    ASKS_PHASE,
    ASKS_RANDOMISED,
    ASKS_SECONDARY,
    ASKS_SETTING,
    ASKS_SIZE,
    PLAIN_DOSE,
    PLAIN_SIZE,
    asks_field,
)
from assistant.evaluation.metrics import first_sentence

_NOT_STUDIES = ("label", "regulatory", "guideline", "overview")


@pytest.mark.parametrize(
    ("pattern", "asked", "not_asked"),
    [
        (
            ASKS_JOURNAL,
            ["In which journal did BACLAD come out?", "where was that one published?"],
            ["When was it published?", "Who published the first trial?"],
        ),
        (
            ASKS_RANDOMISED,
            [
                "Was the Boels 2017 series randomised?",
                "were the volunteers randomly allocated?",
                "was it really a randomized trial?",
                "Were patients split into the groups at random?",
                "Was the Kamal 2015 GHB protocol planned as a randomised trial?",
            ],
            ["Was the randomised trial positive?", "How many were randomised?"],
        ),
        (
            PLAIN_SIZE,
            ["was it a small study?", "How many patients were enrolled in it?"],
            [
                "how many people were in the group who never took it?",
                "how many patients were abstinent at the end?",
                "how big was the difference?",  # an effect's size, not the study's
                "so how big was that gap?",
            ],
        ),
        (
            ASKS_SIZE,
            ["how big was ALPADIR?", "how many took part?"],
            ["so how big was that difference in percentage points?", "how large was the effect?"],
        ),
        (
            ASKS_ARMS,
            [
                "how many were in each arm?",
                "How did the split of the 320 patients between the arms in ALPADIR compare?",
            ],
            ["how were the patients split up after the trial?"],
        ),
        (
            PLAIN_DOSE,
            ["what dose did they use?", "what was the top dose in that trial?"],
            ["above what amount did coma appear?", "how many reached the highest dose?"],
        ),
        (
            ASKS_CONTROL,
            [
                "Against what was the drug tested?",
                "what did the control group receive?",
                "in that cohort, who were they compared with?",
                "were they compared with whom?",
            ],
            ["what did the baclofen group receive?"],
        ),
        # some of the people, like someone just described: not the study's size
        (
            ASKS_SIZE,
            ["how many were there altogether?"],
            [
                "in that series of overdoses, how many went like that?",
                "how many patients had alcohol in the blood on arrival?",
            ],
        ),
        # the whole treatment, not one phase of it
        (
            ASKS_PHASE,
            ["how long did they stay on their dose?", "how long was the top dose held?"],
            ["how long were people kept on the tablets?", "how long were they kept on baclofen?"],
        ),
        (
            PLAIN_DOSE,
            ["what dose did they use?"],
            ["does the abstract report the doses taken?"],  # (asked of the record: ASKS_DOSE)
        ),
        (
            ASKS_SECONDARY,
            [
                "and the other things they measured apart from craving?",
                "what were its secondary outcomes?",
            ],
            ["what did they measure?", "what other trials were there?"],
        ),
        (
            ASKS_SETTING,
            ["which hospital ran it?", "what kind of setting was it?"],
            ["which hospital patients were included?"],
        ),
    ],
)
def test_what_a_question_asks_of_a_study(pattern, asked, not_asked) -> None:
    for q in asked:
        assert pattern.search(q), q
    for q in not_asked:
        assert not pattern.search(q), q


def test_a_dose_or_regimen_of_the_control_is_not_the_control_itself() -> None:
    """'What diazepam regimen did the comparison arm get?' asks the control's dose, which a
    sentence of the study states better than the comparator field."""
    assert asks_field("what did the control group receive?")
    assert not asks_field("what diazepam regimen did the control group receive?")


def _named(record) -> str | None:
    if record.trial_names:
        return record.trial_names[0]
    cite = record.short_cite.replace(" et al.", "")
    return f"the {cite} study" if cite else None


def _studies(catalog):
    return [r for r in catalog if r.evidence not in _NOT_STUDIES and not r.user and _named(r)]


def test_every_study_is_placed_in_its_journal(corpus_assistant, catalog) -> None:
    missed = []
    for r in _studies(catalog):
        if not r.journal:
            continue
        ans = corpus_assistant.ask(f"What journal did {_named(r)} appear in?")
        if r.journal not in first_sentence(ans.answer) or not ans.citations:
            missed.append((r.id, ans.answer[:120]))
    assert not missed, missed


def test_whether_a_study_was_randomised_follows_its_design(corpus_assistant, catalog) -> None:
    """Yes for a randomised design, No for a cohort, series or uncontrolled study, cited to a
    sentence of the study; never the headline result in place of the answer."""
    missed = []
    checked = 0
    for r in _studies(catalog):
        design = (r.design or "").lower()
        if r.evidence == "rct" and "randomi" in design:
            want = "Yes"
        elif r.evidence in ("cohort", "case-report") and "randomisation" not in design:
            want = "No"
        else:
            continue
        checked += 1
        ans = corpus_assistant.ask(f"Were the people in {_named(r)} assigned to groups at random?")
        if not first_sentence(ans.answer).startswith(want) or not ans.citations:
            missed.append((r.id, want, ans.answer[:120]))
        # the design named whole, not cut before its figures ("a cohort over [1]")
        if re.search(r"\b(?:over|of|by|with|for|a|an|the)\s*\[\d+\]", ans.answer):
            missed.append((r.id, "cut", ans.answer[:120]))
    assert checked >= 30
    assert not missed, missed


def test_size_comparator_and_dose_come_from_the_fields(corpus_assistant, catalog) -> None:
    missed = []
    for r in _studies(catalog):
        name = _named(r)
        if r.n and r.evidence in ("rct", "cohort"):
            ans = corpus_assistant.ask(f"Was {name} a big study?")
            if not re.search(rf"\b{r.n:,}\b|\b{r.n}\b", first_sentence(ans.answer)):
                missed.append((r.id, "size", ans.answer[:120]))
        if r.comparator == "placebo" and r.evidence == "rct":
            ans = corpus_assistant.ask(f"Against what was baclofen tested in {name}?")
            first = first_sentence(ans.answer)
            if "placebo" not in first or "placebo" not in ans.citations[0].quote.lower():
                missed.append((r.id, "comparator", ans.answer[:120]))
        if r.max_dose_mg and r.evidence == "rct":
            ans = corpus_assistant.ask(f"What was the highest baclofen dose given in {name}?")
            if f"{r.max_dose_mg:g}" not in first_sentence(ans.answer):
                missed.append((r.id, "dose", ans.answer[:120]))
    assert not missed, missed


def test_a_yes_on_blinding_is_cited_to_a_sentence_saying_so(corpus_assistant) -> None:
    """'Yes: it was double-blind' cites the study's sentence on blinding, not whichever sentence
    shares most words with its design."""
    ans = corpus_assistant.ask(
        "was that one double-blind?",
        history=["What did the Israeli trial of baclofen 50 mg/day against placebo find?"],
    )
    assert first_sentence(ans.answer).startswith("Yes"), ans.answer
    assert "blind" in ans.citations[0].quote, ans.citations[0].quote


def test_where_a_study_was_run_and_whether_it_had_a_placebo_group(corpus_assistant) -> None:
    """ "Where was it carried out?" gets the country and the kind of place, cited to the sentence
    naming that place (it may say "four" for 4); "one hospital or many?" the setting; "a group on
    dummy pills?" of a study against another medicine, "Not with placebo"."""
    where = corpus_assistant.ask(
        "Where was the trial of baclofen in veterans with hepatitis C carried out?"
    )
    first = first_sentence(where.answer)
    assert "United States" in first and "VA medical centres" in first, where.answer
    assert re.search(r"\b(?:4|four) VA\b", where.citations[0].quote), where.citations[0].quote
    sites = corpus_assistant.ask(
        "did they run it in a single hospital or in several?",
        history=["What did the Addolorato 2007 trial in cirrhosis find?"],
    )
    assert "single centre" in first_sentence(sites.answer), sites.answer
    dummy = corpus_assistant.ask(
        "was there a group on dummy pills as well?",
        history=["How did baclofen compare with topiramate in the Jose 2019 study?"],
    )
    assert first_sentence(dummy.answer).startswith("Not with placebo"), dummy.answer


@pytest.mark.parametrize(
    ("question", "first_words"),
    [
        ("was there a fake pill group?", "Yes"),
        ("was it random who got the real drug?", "Yes"),
        ("what magazine was it printed in?", "Addolorato et al. 2007 was published in"),
        ("where in the world was it done?", "Addolorato et al. 2007 was run in Italy"),
    ],
)
def test_a_study_fact_asked_in_everyday_words(corpus_assistant, question, first_words) -> None:
    ans = corpus_assistant.ask(
        question, history=["What did the Addolorato 2007 trial in cirrhosis find?"]
    )
    assert first_sentence(ans.answer).startswith(first_words), ans.answer


def test_a_size_or_country_no_source_gives_is_said_so(corpus_assistant, catalog) -> None:
    """Asked of a study whose sources give no size (or no country), the answer says "Not
    reported" instead of repeating the study's result as if it answered."""
    checked, missed = 0, []
    for r in _studies(catalog):
        asks = []
        if r.n is None and r.evidence in ("rct", "cohort", "lab-study"):
            asks.append(f"How many people took part in {_named(r)}?")
        if not r.country and r.evidence in ("rct", "cohort", "lab-study"):
            asks.append(f"Which country was {_named(r)} from?")
        for q in asks:
            checked += 1
            ans = corpus_assistant.ask(q)
            if not first_sentence(ans.answer).startswith("Not reported") or not ans.citations:
                missed.append((r.id, q, ans.answer[:100]))
    assert checked >= 2
    assert not missed, missed


def test_a_journal_is_found_spelt_out_or_abbreviated() -> None:
    from assistant.answering.routes.study_fields import journal_named

    apa = journal_named("Am J Psychiatry")
    assert apa.search("The summary appeared in the American Journal of Psychiatry in 2018")
    assert not apa.search("American psychiatrists recommend it")
    assert journal_named("Alcohol Alcohol").search("published in Alcohol and Alcoholism")
    assert not journal_named("Addiction").search("addictions are common")


def test_not_reported_is_cited_to_the_sentence_saying_so(corpus_assistant) -> None:
    """A study whose own text says its size is not given: "Not reported", cited to that sentence
    rather than to its summary; a journal named in full is cited where the text names it."""
    size = corpus_assistant.ask("How many patients did the Vlavonou 2014 study have?")
    assert first_sentence(size.answer).startswith("Not reported"), size.answer
    assert re.search(r"\bnot given\b", size.citations[0].quote), size.citations[0].quote
    # a study whose sources name no journal: said so, not its result again
    heppe = corpus_assistant.ask(
        "which journal was it in?", history=["What did the Heppe 2018 withdrawal trial find?"]
    )
    assert first_sentence(heppe.answer).startswith("Not reported"), heppe.answer
    assert "journal" in first_sentence(heppe.answer), heppe.answer
    journal = corpus_assistant.ask("In which journal did the APA 2018 guideline summary appear?")
    assert "Am J Psychiatry" in first_sentence(journal.answer), journal.answer
    assert "American Journal of Psychiatry" in journal.citations[0].quote


def test_an_outcome_proposed_as_the_main_one_is_answered_yes_or_no(corpus_assistant, catalog):
    """ "The craving scores, was that the main thing it was built to measure?": the primary
    outcome from the fields, with a No when it is something else and a Yes when it is that."""
    from assistant.answering.routes.study_asks import ASKS_PRIMARY

    assert ASKS_PRIMARY.search("was that the main thing the study was designed to measure?")
    assert ASKS_PRIMARY.search("what was the trial powered to detect?")
    assert not ASKS_PRIMARY.search("was that the main reason they stopped?")
    for record in catalog:
        if record.evidence != "rct" or not record.primary_outcome or not record.trial_names:
            continue
        name = record.trial_names[0]
        history = [f"What did {name} find?"]
        no = corpus_assistant.ask(
            "the pupil sizes, was that the main thing the trial was built to measure?",
            history=history,
        )
        assert first_sentence(no.answer).startswith("No:"), (name, no.answer)
        assert record.id in {c.source_id for c in no.citations}, (name, no.citations)
    yes = corpus_assistant.ask(
        "was continuous abstinence its primary outcome?", history=["What did ALPADIR find?"]
    )
    assert first_sentence(yes.answer).startswith("Yes:"), yes.answer


def test_who_funded_a_study_is_not_reported_where_no_source_says(corpus_assistant, catalog):
    """No record says who paid for a study: "who funded X?" is "Not reported", not the nearest
    sentence about the study (who presented its results, its result)."""
    from assistant.answering.routes.study_asks import ASKS_FUNDER

    assert ASKS_FUNDER.search("was it paid for by the drug company?")
    assert ASKS_FUNDER.search("Was it sponsored by a pharmaceutical company?")
    assert not ASKS_FUNDER.search("how much did it cost?")
    for name in ("Bacloville", "ALPADIR"):
        ans = corpus_assistant.ask(f"Who funded the {name} trial?")
        assert first_sentence(ans.answer).startswith("Not reported"), ans.answer
        assert "funded" in first_sentence(ans.answer) and ans.citations, ans.answer


@pytest.mark.parametrize(
    ("history", "question", "wanted"),
    [
        # how long the treatment lasted, however it is put
        (
            "What did the Garbutt 2010 trial of baclofen for alcohol dependence find?",
            "how long were people kept on the tablets?",
            r"\b12 weeks\b",
        ),
        # the secondary outcomes, asked as "the other things they measured"
        (
            "What did the Heppe 2018 trial of baclofen for alcohol withdrawal find?",
            "and the other things they measured, did most of them differ?",
            r"\bsecondary outcomes\b",
        ),
        # why the team tried it: "them" is the team of the study just discussed
        (
            "What did the Shoptaw 2003 trial of baclofen for cocaine find?",
            "what had made them think of trying baclofen for cocaine in the first place?",
            r"\b[Aa]nimal\b",
        ),
        # whom a cohort compared its baclofen users with, from its own sentences
        (
            "What did the Muanda 2019 Ontario cohort find?",
            "who were they compared with?",
            r"\bcompared with those starting\b",
        ),
    ],
)
def test_a_detail_of_the_study_just_discussed(corpus_assistant, history, question, wanted) -> None:
    ans = corpus_assistant.ask(question, history=[history])
    assert re.search(wanted, first_sentence(ans.answer)), ans.answer[:300]
    assert ans.citations


def test_whether_a_study_reports_its_doses(corpus_assistant) -> None:
    """'Does it report the doses?' of a series whose abstract does not: its own sentence saying
    so, not its headline."""
    from assistant.answering.routes.study_asks import ASKS_DOSE

    assert ASKS_DOSE.search("Does the abstract report the doses taken?")
    ans = corpus_assistant.ask("Does the Boels 2017 abstract give the amounts swallowed?")
    assert re.search(r"\bnot (?:available|given|reported)\b", first_sentence(ans.answer)), (
        ans.answer
    )


def test_other_medicines_a_network_found_better_than_placebo(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "Apart from baclofen, which drugs beat placebo on abstinence in the Bahji 2022 network?"
    )
    assert re.search(r"\bdisulfiram\b", first_sentence(ans.answer)), ans.answer[:300]


def test_a_comparison_of_two_figures_gives_both(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "How does baclofen's half-life in the spinal fluid compare with its plasma half-life"
        " in the MIMS monograph?"
    )
    assert "1 to 5 hours" in ans.answer and "3 to 4 hours" in ans.answer, ans.answer


def test_one_sexs_figure_is_given_when_asked(corpus_assistant) -> None:
    """ "the women on 30 mg": the study's sentence on women, with its figures, not the headline
    that says the benefit came from the other dose."""
    ans = corpus_assistant.ask(
        "In the Garbutt 2021 trial, by how many days did heavy drinking fall for women on 30 mg?"
    )
    assert "26.3" in first_sentence(ans.answer), ans.answer[:300]
