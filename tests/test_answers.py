"""Answers on the real corpus: the bottom line first, verbatim citations, routes that fit the
question, evidence synthesis from the structured fields, declines, follow-ups, other languages,
filters, the LangChain chain, and the public JSON schema of `assistant ask --json` / `--batch`
(run as a real subprocess)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from assistant.answer import Filters
from assistant.answering.pipeline import MAX_QUESTION_CHARS, QuestionError, clean_question
from assistant.answering.routes.synthesis import placebo_trials
from assistant.evaluation.metrics import META, first_sentence
from assistant.vocab import EVIDENCE_TYPES, NOTICE_KINDS, ROUTES

IN_SCOPE = [
    "Does baclofen reduce alcohol craving?",
    "What did the ALPADIR trial find?",
    "Is baclofen safe in people with kidney disease?",
    "How does baclofen work in the brain?",
    "What is the maximum dose on the US label?",
    "Was baclofen approved in France for alcohol?",
    "Does baclofen help with cocaine dependence?",
    "What happens if baclofen is stopped suddenly?",
]
OUT_OF_SCOPE = [
    "What is the capital of Australia?",
    "How do I bake sourdough bread?",
    "Who won the football world cup in 2018?",
    "How do I sort a list in Python?",
]


def _check_citations(ans, store) -> None:
    for c in ans.citations:
        pos = store.position[c.chunk_id]
        assert c.quote and c.quote in store.texts[pos], f"quote not verbatim in {c.chunk_id}"
        assert c.source_id == store.metas[pos].source_id
        assert c.evidence in EVIDENCE_TYPES
    assert [c.n for c in ans.citations] == list(range(1, len(ans.citations) + 1))


@pytest.mark.parametrize("question", IN_SCOPE)
def test_in_scope_answers_open_with_their_bottom_line(corpus_assistant, question: str) -> None:
    ans = corpus_assistant.ask(question)
    assert not ans.abstained, ans.answer
    assert ans.citations
    _check_citations(ans, corpus_assistant.store)
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", ans.answer)}
    assert markers <= {c.n for c in ans.citations} and markers
    lines = ans.answer.splitlines()
    assert not lines[0].startswith("- "), "the first line is the bottom line, not a list item"
    assert len([ln for ln in lines if ln.startswith("- ")]) <= 6
    for line in lines:
        assert not META.search(line), f"a sentence about the library: {line}"
    assert ans.route in ROUTES
    assert "general" in {n.kind for n in ans.notices}


@pytest.mark.parametrize("question", OUT_OF_SCOPE)
def test_out_of_scope_is_declined_in_one_sentence(corpus_assistant, question: str) -> None:
    ans = corpus_assistant.ask(question)
    assert ans.abstained, ans.answer
    assert len(ans.answer.splitlines()) == 1 and not ans.citations


@pytest.mark.parametrize(
    ("question", "medicine"),
    [
        ("What is the half-life of diazepam?", "diazepam"),
        ("Is disulfiram safe in liver disease?", "disulfiram"),
        ("What is the usual dose of naltrexone for alcohol use disorder?", "naltrexone"),
        ("What are the side effects of gabapentin?", "gabapentin"),
    ],
)
def test_another_medicine_is_declined_naming_it(corpus_assistant, question, medicine) -> None:
    ans = corpus_assistant.ask(question)
    assert ans.abstained and ans.route == "decline"
    assert medicine in ans.answer and len(ans.answer.splitlines()) == 1
    assert not ans.citations
    assert "off_label" not in {n.kind for n in ans.notices}


def test_a_comparison_with_baclofen_is_answered(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "Has baclofen been compared with topiramate for alcohol use disorder?"
    )
    assert not ans.abstained, ans.answer
    assert "topiramate" in ans.answer.lower()


def test_efficacy_is_a_synthesis_with_an_evidence_table(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "Does baclofen help people with alcohol use disorder stay off alcohol?"
    )
    assert ans.route == "synthesis"
    assert re.match(r"(Yes|No|Possibly|Modestly|The evidence is mixed)\b", ans.answer)
    rows = ans.evidence_table
    trials = placebo_trials(corpus_assistant.store.catalog(), "alcohol")
    assert {r.source_id for r in rows} >= {t.id for t in trials}
    for row in rows:
        assert 1 <= row.n_cite <= len(ans.citations)
        assert ans.citations[row.n_cite - 1].source_id == row.source_id
    counts = re.search(r"of (\d+), (\d+) found a benefit", ans.answer)
    assert counts and int(counts.group(1)) == len(trials)
    assert int(counts.group(2)) == sum(t.result == "benefit" for t in trials)


def test_which_trials_lists_every_negative_placebo_trial(corpus_assistant) -> None:
    ans = corpus_assistant.ask("Which placebo-controlled trials in alcohol were negative?")
    assert ans.route == "synthesis"
    negative = [
        t
        for t in placebo_trials(corpus_assistant.store.catalog(), "alcohol")
        if t.result == "no-benefit"
    ]
    cited = {c.source_id for c in ans.citations}
    assert {t.id for t in negative} == cited
    assert len([ln for ln in ans.answer.splitlines() if ln.startswith("- ")]) == len(negative)


def test_a_described_trial_is_answered_from_its_own_record(corpus_assistant) -> None:
    ans = corpus_assistant.ask("What did the French trial that aimed for 180 mg/day find?")
    assert ans.plan and ans.plan.entities.trials == ["reynaud2017"]
    first = first_sentence(ans.answer)
    assert "ALPADIR" in first and "no benefit" in first and "11.9%" in first
    assert ans.citations[0].source_id == "reynaud2017"


def test_one_detail_of_a_study_is_answered_from_its_fields_and_text(corpus_assistant) -> None:
    """Follow-ups about one detail of a study (the doses reached, blinding, duration, who ran it)
    answer that detail first; a detail the study's sources do not give is said to be missing,
    with the study's main result, instead of a neighbouring sentence standing in."""
    beraha = ["What did the Dutch high-dose trial find?"]
    reached = corpus_assistant.ask("How many reached 150 mg?", history=beraha)
    assert re.search(r"\b9 of the 58\b", first_sentence(reached.answer)), reached.answer
    bacloville = ["What did Bacloville find?"]
    blind = corpus_assistant.ask("Was it blinded?", history=bacloville)
    assert first_sentence(blind.answer).startswith("Yes: Bacloville"), blind.answer
    assert "double-blind" in first_sentence(blind.answer)
    open_study = corpus_assistant.ask("Was the 2004 North Carolina baclofen study blinded?")
    assert first_sentence(open_study.answer).startswith("No:"), open_study.answer
    long = corpus_assistant.ask("How long did it last?", history=bacloville)
    assert "12 months" in first_sentence(long.answer), long.answer
    who = corpus_assistant.ask("Who ran it?", history=["Tell me about the BACLAD trial"])
    assert first_sentence(who.answer).startswith("Müller and colleagues ran BACLAD"), who.answer
    for ans in (reached, blind, open_study, long, who):
        _check_citations(ans, corpus_assistant.store)
        assert len(ans.answer.splitlines()) <= 2, ans.answer
    # ALPADIR's sources give no dropout figures: said so, not its design sentence
    drop = corpus_assistant.ask("How many people dropped out of ALPADIR?")
    assert first_sentence(drop.answer).startswith("Not reported"), drop.answer
    assert "11.9%" in drop.answer
    # people counted for a reason the study speaks of without a count: no count, then what it says
    counted = corpus_assistant.ask(
        "How many people dropped out of ALPADIR because of side effects?"
    )
    first = first_sentence(counted.answer)
    assert first.startswith("Not reported") and "dropout" in first, counted.answer
    assert "safety concern" in counted.answer, counted.answer
    # a sentence saying the figures are not given is said once, not after "Not reported" again
    none = corpus_assistant.ask("How many people in Bacloville stopped because of side effects?")
    assert none.answer.startswith("Not reported"), none.answer
    assert len(re.findall(r"\bgives? no\b", none.answer)) == 1, none.answer
    # a count the study does give is still given
    done = corpus_assistant.ask("How many participants in Garbutt 2010 dropped out?")
    assert "76%" in first_sentence(done.answer), done.answer
    # and a side-effect answer does not say "no major safety concern" twice
    side = corpus_assistant.ask("And the side effects?", history=["What did ALPADIR find?"])
    assert side.answer.lower().count("safety concern") == 1, side.answer
    # a network meta-analysis pooled trials of many medicines, not trials "of baclofen"
    network = corpus_assistant.ask("How many trials did Bahji 2022 pool?")
    lead = first_sentence(network.answer)
    assert "156 trials" in lead and "of baclofen" not in lead, network.answer


def test_a_question_about_one_group_is_answered_from_the_studies_in_it(corpus_assistant) -> None:
    """ "Does it help drinkers with cirrhosis?" names the studies done in that group, with their
    results; the pooled answer is kept for plain and "does it only work ..." questions."""
    cirrhosis = corpus_assistant.ask(
        "Does baclofen help people with liver cirrhosis stop drinking?"
    )
    first = first_sentence(cirrhosis.answer)
    assert first.startswith("Addolorato et al. 2007") and "71%" in first, cirrhosis.answer
    assert cirrhosis.citations[0].source_id == "addolorato2007"
    _check_citations(cirrhosis, corpus_assistant.store)
    care = corpus_assistant.ask("Does baclofen work for alcohol in primary care?")
    assert [c.source_id for c in care.citations] == ["rigal2020_bacloville"], care.answer
    studied = corpus_assistant.ask(
        "Has baclofen been studied in people with alcohol-related liver disease?"
    )
    assert first_sentence(studied.answer).startswith("Yes: Morley"), studied.answer
    # a question about who it works for, a country, or a plain efficacy question: not a group
    only = corpus_assistant.ask("does baclofen only work in people who've already detoxed?")
    assert only.citations[0].evidence in ("meta-analysis", "systematic-review"), only.answer
    france = corpus_assistant.ask("Does baclofen help heavy drinkers in France?")
    assert first_sentence(france.answer).startswith("Modestly"), france.answer
    craving = corpus_assistant.ask("Does baclofen reduce alcohol craving?")
    assert "craving" in first_sentence(craving.answer), craving.answer


def test_an_effect_no_source_mentions_is_said_to_be_unreported(corpus_assistant) -> None:
    hair = corpus_assistant.ask("Does baclofen cause hair loss?")
    assert first_sentence(hair.answer).startswith("Not reported"), hair.answer
    assert "hair loss" in first_sentence(hair.answer)
    assert [c.evidence for c in hair.citations] == ["label"]
    _check_citations(hair, corpus_assistant.store)
    # an effect the label names is answered from it, with "Yes" and a lowered first word
    drowsy = corpus_assistant.ask("Can baclofen cause drowsiness?")
    assert first_sentence(drowsy.answer).startswith("Yes: transient drowsiness"), drowsy.answer


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("Does baclofen cause tinnitus?", "ringing in the ears"),
        ("can baclofen make you put on weight?", "weight gain"),
        ("does baclofen affect sex drive?", "impotence"),  # not the warning about driving
        ("is depression a side effect of baclofen?", "depression"),
        # an item described in several words, named by its last ("a changed sense of taste")
        (
            "my brother takes baclofen for MS and now his food tastes odd. could it be the pills?",
            "taste",
        ),
    ],
)
def test_a_rarer_reaction_the_label_names_is_said_to_be_rare(corpus_assistant, question, item):
    """The label's rarer reactions have no frequency: the answer says it lists the one asked,
    rarely, cited to the label, instead of "not reported" or another effect's sentence."""
    got = corpus_assistant.ask(question)
    first = first_sentence(got.answer)
    assert first.startswith("Yes, rarely:") and f"{item} among" in first, got.answer
    assert [c.source_id for c in got.citations] == ["label_adverse_reactions"]
    _check_citations(got, corpus_assistant.store)
    # a racing heart and a faint: palpitations and fainting (syncope), both on the list
    heart = corpus_assistant.ask(
        "my uncle takes baclofen for MS and now his heart is racing at night and he fainted at "
        "work. is it the baclofen?"
    )
    assert "palpitations and fainting among" in first_sentence(heart.answer), heart.answer
    # two reactions of the list named in everyday words: both, in one sentence
    two = corpus_assistant.ask(
        "my sister takes baclofen for spasms and her feet are swollen and she is drenched in "
        "sweat at night. is that from the baclofen?"
    )
    first = first_sentence(two.answer)
    assert "swollen ankles and heavy sweating among" in first, two.answer
    # breathing slowed down is not the mood of that list, and it is no unreported effect either
    breathing = corpus_assistant.ask("can baclofen cause respiratory depression?")
    assert not breathing.answer.startswith(("Not reported", "Yes, rarely")), breathing.answer


def test_a_symptom_put_down_to_the_tablets_or_the_disease_is_answered_either(corpus_assistant):
    """A rare reaction the label lists, asked about by someone taking baclofen for spasms, is
    answered from the label's list (not the indication); asked "the tablets or his illness?",
    the answer says either is possible, with the label's note about the underlying disease."""
    one = corpus_assistant.ask(
        "my brother has MS and since starting baclofen he has had trouble getting an erection. "
        "could it be the pills?"
    )
    assert first_sentence(one.answer).startswith("Yes, rarely:"), one.answer
    assert "impotence" in first_sentence(one.answer), one.answer
    either = corpus_assistant.ask(
        "since my dad began baclofen for his spinal cord injury he gets up to pee at night. "
        "is it the baclofen or his injury?"
    )
    first = first_sentence(either.answer)
    assert first.startswith("It could be either:") and "underlying disease" in first, either.answer
    assert {c.source_id for c in either.citations} == {"label_adverse_reactions"}
    _check_citations(either, corpus_assistant.store)


def test_a_yes_no_question_after_a_framing_phrase_gets_its_no(corpus_assistant) -> None:
    """ "In <study>, did baclofen lengthen X or Y?" answered by a sentence listing both among
    what did not differ: "No", and no dangling "also" in the first sentence."""
    got = corpus_assistant.ask(
        "For the Garbutt 2010 trial, did baclofen delay the first drink or the return to heavy "
        "drinking?"
    )
    first = first_sentence(got.answer)
    assert first.startswith("No:"), got.answer
    assert " also " not in first, got.answer
    # what a study set out to do is not a question about what changed
    aim = corpus_assistant.ask(
        "Was the Kahn 2009 trial trying to help people get off cocaine, or to keep them from "
        "relapsing once off it?"
    )
    assert not aim.answer.startswith("No"), aim.answer
    assert {c.source_id for c in aim.citations} == {"kahn2009"}, aim.answer


@pytest.mark.parametrize(
    ("history", "question", "words"),
    [
        (
            ["Tell me about the Hauser 2017 veterans trial"],
            "did the researchers give all participants some talking treatment too?",
            ["counselling"],
        ),
        (
            [],
            "In the Addolorato 2007 trial in cirrhosis, were the results analysed by intention "
            "to treat?",
            ["intention to treat"],
        ),  # fmt: skip
        (
            ["What did the Palpacuer 2018 meta-analysis find?"],
            "did the authors try to get data that had not been published?",
            ["unpublished"],
        ),
        (
            ["Tell me about the Kiel 2015 poisoning survey"],
            "how did they grade the severity of each poisoning?",
            ["Poison Severity Score"],
        ),
        (
            ["What did the Leung 2006 overdose series report?"],
            "how did they verify that baclofen had actually been swallowed?",
            ["confirmed"],
        ),
    ],
)
def test_how_a_study_was_run_is_answered_by_the_sentence_saying_so(
    corpus_assistant, history, question, words
) -> None:
    """Whether or how a study did something (counselling for everyone, intention to treat,
    unpublished data sought, cases graded or confirmed) is answered by the study's sentence
    saying so, not by its headline result, and stays with the study of the previous turn."""
    got = corpus_assistant.ask(question, history=history)
    first = first_sentence(got.answer)
    assert all(w in first for w in words), got.answer
    assert len({c.source_id for c in got.citations}) == 1, got.answer
    _check_citations(got, corpus_assistant.store)


def test_how_many_and_a_yes_no_detail_of_them_is_answered_by_one_sentence(corpus_assistant):
    """ "How many took part, and were they seeking treatment?": the study's own sentence that
    gives the count and says who they were, instead of the bare count."""
    got = corpus_assistant.ask(
        "How many people were in the Lile 2004 cocaine lab study and did they want treatment?"
    )
    first = first_sentence(got.answer).lower()
    assert "seven" in first and "not seeking treatment" in first, got.answer
    _check_citations(got, corpus_assistant.store)


@pytest.mark.parametrize(
    ("history", "question", "words"),
    [
        # another measure than the one just given: the study's secondary outcomes
        (
            ["Tell me about the Heppe 2018 withdrawal trial"],
            "what else did the investigators track apart from that?",
            ["secondary outcomes"],
        ),
        # "of them": the group of the study just discussed, not a question of its own
        (
            ["What did the Zahra 2024 study find?"],
            "what proportion of them had chronic pain?",
            ["37.3%"],
        ),
        # what the researchers wanted it to improve: the primary outcome
        (
            ["What did the Garbutt 2010 trial find?"],
            "what was the main thing the researchers wanted it to improve?",
            ["primary outcome", "heavy drinking days"],
        ),
        # a share of the study's people asked yes/no: the sentence giving it (not the deaths)
        (
            ["What did the Zahra 2024 study find?"],
            "were the majority of the people who died men?",
            ["51%", "male"],
        ),
        # how the patients were allocated between the arms: the arms' sizes
        (
            ["What did the Jose 2019 trial find?"],
            "how were the patients allocated between the two arms?",
            ["49", "45"],
        ),
    ],
)
def test_a_follow_up_in_everyday_words_gets_the_study_detail_it_asks(
    corpus_assistant, history, question, words
) -> None:
    """Follow-ups that ask for one detail of the study just discussed in everyday words (what
    else was measured, how many "of them", the main thing hoped for, how patients were split)
    are answered by that detail from the same study."""
    got = corpus_assistant.ask(question, history=history)
    first = first_sentence(got.answer)
    assert all(w in first for w in words), got.answer
    assert got.plan.entities.trials and len({c.source_id for c in got.citations}) == 1, got.answer
    _check_citations(got, corpus_assistant.store)


def test_an_approval_no_is_said_of_the_place_asked_about(corpus_assistant) -> None:
    """A sentence saying the FDA has not approved baclofen but France has does not make the
    answer to "approved in France?" a "No"."""
    france = corpus_assistant.ask("Is baclofen approved for alcohol in France?")
    assert not first_sentence(france.answer).startswith("No"), france.answer
    us = corpus_assistant.ask("Is baclofen approved for alcohol in the US?")
    assert first_sentence(us.answer).startswith("No:"), us.answer


def test_a_follow_up_does_not_repeat_the_previous_answer(corpus_assistant) -> None:
    """The user has just read the previous turn's answer: a follow-up's answer drops the lines
    it repeats (citations renumbered), unless nothing else is left to say."""
    first = corpus_assistant.ask("Tell me about the Morley 2018 trial")
    follow = corpus_assistant.ask(
        "did the higher dose do better?", history=["Tell me about the Morley 2018 trial"]
    )
    before = {
        re.sub(r"\s*\[\d+\]\.?$", "", ln.removeprefix("- ")) for ln in first.answer.splitlines()
    }
    after = [
        re.sub(r"\s*\[\d+\]\.?$", "", ln.removeprefix("- ")) for ln in follow.answer.splitlines()
    ]
    assert not set(after) & before, follow.answer
    assert first_sentence(follow.answer).startswith("No:"), follow.answer
    _check_citations(follow, corpus_assistant.store)
    treated = corpus_assistant.ask(
        "how is it treated?", history=["What are the signs of baclofen overdose?"]
    )
    assert "antidote" in first_sentence(treated.answer), treated.answer
    assert treated.notices[0].kind == "emergency"


@pytest.mark.parametrize(
    "question",
    [
        "In which year did the Berlin Wall fall?",  # "fall" is not a result asked about
        "What is the speed of light in a vacuum?",  # "speed" is not methamphetamine here
        "Can baclofen cure hiccups?",  # a use no source covers: not the alcohol evidence
    ],
)
def test_questions_outside_the_library_are_not_answered_from_it(corpus_assistant, question) -> None:
    ans = corpus_assistant.ask(question)
    assert ans.abstained and not ans.citations, ans.answer
    assert {n.kind for n in ans.notices} == {"general"}


def test_a_poisoning_series_answer_carries_the_emergency_notice(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "How many baclofen-related deaths were recorded in Australia up to 2022?"
    )
    assert ans.notices[0].kind == "emergency", [n.kind for n in ans.notices]
    # a cohort's mortality result is not a poisoning: no emergency notice
    cohort = corpus_assistant.ask(
        "What did the French national cohort find about the risk of death?"
    )
    assert "emergency" not in {n.kind for n in cohort.notices}


def test_a_named_sedative_is_answered_with_the_label_interaction(corpus_assistant) -> None:
    """ "With diazepam?" is about additive CNS depression, not the overdose sentence or the trial
    that happens to name diazepam."""
    ans = corpus_assistant.ask("Can you take baclofen with diazepam?")
    first = first_sentence(ans.answer)
    assert first.startswith("Not without risk") and re.search(r"additive|adds to", first), (
        ans.answer
    )
    assert ans.citations[0].source_id == "label_interactions"


def test_an_efficacy_question_about_one_outcome_gets_that_outcomes_verdict(
    corpus_assistant,
) -> None:
    days = corpus_assistant.ask("Does baclofen increase the percentage of days abstinent?")
    assert first_sentence(days.answer).startswith("Yes, modestly, on abstinent days"), days.answer
    heavy = corpus_assistant.ask("Does baclofen reduce heavy drinking days?")
    assert first_sentence(heavy.answer).startswith("Not clearly, on heavy drinking"), heavy.answer
    plain = corpus_assistant.ask("Does baclofen help people with alcohol use disorder?")
    assert first_sentence(plain.answer).startswith("Modestly, for"), plain.answer


def test_dropouts_against_placebo_are_answered_from_the_pooled_analyses(corpus_assistant) -> None:
    ans = corpus_assistant.ask("Do more people drop out of treatment on baclofen than on placebo?")
    first = first_sentence(ans.answer)
    assert first.startswith("No:") and "dropout" in first, ans.answer
    assert all(c.evidence in ("meta-analysis", "systematic-review") for c in ans.citations)
    _check_citations(ans, corpus_assistant.store)


def test_by_how_much_a_trial_beat_placebo_is_its_result(corpus_assistant) -> None:
    ans = corpus_assistant.ask("By how much did Bacloville's baclofen arm beat placebo?")
    assert ans.plan and ans.plan.intent == "trial_result", ans.plan
    assert "21-point" in first_sentence(ans.answer), ans.answer


def test_whether_it_was_tested_and_which_of_two_are_not_answered_by_the_result(
    corpus_assistant,
) -> None:
    """ "Has it been tested for X?" is "Yes" when a trial exists, whatever the trial found; "the
    liver or the kidneys?" gets no Yes/No at all."""
    tested = corpus_assistant.ask("Has baclofen been tested for methamphetamine dependence?")
    assert first_sentence(tested.answer).startswith("Yes:"), tested.answer
    assert "no significant" in first_sentence(tested.answer)
    which = corpus_assistant.ask("Is baclofen eliminated by the liver or the kidneys?")
    assert not re.match(r"(?:Yes|No)\b", which.answer), which.answer


def test_answers_stand_alone_without_pasted_titles(corpus_assistant) -> None:
    """A study without authors is named by kind and year, never by its pasted title; a record
    sentence naming itself ("This narrative review ...") does not open an answer line; a single
    trial is never counted as "zero of one"; an overdose comparison does not open with how the
    study was set up."""
    a = corpus_assistant
    ans = a.ask(
        "What did the 2004 North Carolina open-label study of baclofen in 12 drinkers find?"
    )
    assert "preliminary open-label study" not in ans.answer  # its title
    assert ans.answer.startswith("A 2004 open-label study"), ans.answer
    for q in (
        "Which neuropsychiatric adverse reactions to baclofen does the safety review describe?",
        "What do animal studies show about baclofen and alcohol drinking?",
    ):
        lines = a.ask(q).answer.splitlines()
        assert not any(re.match(r"(?:- )?(?:In )?[Tt]h(?:is|ese) ", ln) for ln in lines), lines
    craving = a.ask("Does baclofen reduce cocaine craving?").answer
    assert "zero of" not in craving and "of one " not in craving
    assert craving.startswith("No: the only placebo-controlled trial"), craving
    overdose = a.ask(
        "How dangerous is a deliberate baclofen overdose compared with other overdoses?"
    )
    assert "were compared with" not in first_sentence(overdose.answer), overdose.answer
    assert re.search(r"ventilat", overdose.answer)


def test_an_outcome_a_study_never_reports_is_said_to_be_unreported(corpus_assistant) -> None:
    """Asked about an outcome the study's sources never mention, the answer says so first (not a
    limitation sentence, not another outcome); one they do mention is answered from it."""
    a = corpus_assistant
    ans = a.ask("How was anxiety affected in the Addolorato 2007 trial of patients with cirrhosis?")
    assert ans.answer.startswith("Not reported") and "anxiety" in first_sentence(ans.answer)
    ans = a.ask("Did baclofen shorten the time to relapse in ALPADIR?")
    assert ans.answer.startswith("Not reported") and "time to relapse" in ans.answer
    ans = a.ask("Did the Morley 2018 trial find any effect on time to lapse?")
    first = first_sentence(ans.answer)
    assert "lapse" in first and "modest in size" not in first, ans.answer
    assert not ans.answer.startswith("Not reported")


def test_everyday_wording_is_answered_like_the_clinical_one(corpus_assistant) -> None:
    """Street names and filler words ("weed", "hooked on painkillers", "ever", "who've") are
    read as the sources would put them, not taken for topics the library lacks."""
    a = corpus_assistant
    weed = a.ask("any proof it helps with weed?")
    assert not weed.abstained and "cannabis" in weed.answer.lower()
    pain = a.ask("does the muscle pill help people who are hooked on painkillers?")
    assert not pain.abstained and "opioid" in pain.answer.lower()
    france = a.ask("Was baclofen ever approved for alcohol in France?")
    assert france.answer.startswith("Yes"), france.answer
    assert not a.ask("does baclofen only work in people who've already detoxed?").abstained


@pytest.mark.parametrize(
    ("question", "source", "says"),
    [
        # declined before: the sources say "metabolised", "overdose", "prescribe"
        ("Is baclofen broken down by the liver?", "label_pharmacokinetics", "15% of a baclofen dose is metabolised in the liver"),
        ("Can you OD on baclofen?", "label_overdose", "signs of baclofen overdose"),
        ("Will baclofen knock me out?", "label_adverse_reactions", "drowsiness"),
        ("Is it safe to drive a car after taking baclofen?", "label_warnings_precautions", "not to drive"),
        # answered from the wrong record before
        ("Who first made baclofen?", "kent2020", "Heinrich Keberle synthesised baclofen at Ciba in 1962"),
        ("Can my doctor give me baclofen for drinking?", "reg_us_fda", "off-label"),
        ("Is baclofen available for alcohol in France?", "reg_france_baclocur", "Baclocur"),
    ],
)  # fmt: skip
def test_a_patients_or_relatives_words_reach_the_record_that_answers(
    corpus_assistant, question: str, source: str, says: str
) -> None:
    """Everyday words ("broken down by the liver", "OD", "knock me out", "who first made it")
    are read as the sources word them, so the first sentence answers from the right record."""
    ans = corpus_assistant.ask(question)
    assert not ans.abstained and ans.citations[0].source_id == source, ans.answer
    assert says in first_sentence(ans.answer), ans.answer
    _check_citations(ans, corpus_assistant.store)


def test_other_languages_reach_interactions_and_the_placenta(corpus_assistant) -> None:
    """Questions the glossary once dropped words from ("antidepresivos", "somnifères",
    "placenta") are answered from the label, with the notices they call for."""
    a = corpus_assistant
    es = a.ask("¿Se puede tomar baclofeno con antidepresivos?")
    assert not es.abstained and "antidepressant" in es.answer.lower()
    fr = a.ask("Peut-on prendre du baclofène avec des somnifères ?")
    assert "central nervous system depressant" in first_sentence(fr.answer), fr.answer
    for q in ("Le baclofène traverse-t-il le placenta ?", "Does baclofen cross the placenta?"):
        ans = a.ask(q)
        assert not ans.abstained and "placenta" in first_sentence(ans.answer)
        assert "pregnancy" in [n.kind for n in ans.notices]
    assert a.ask("Does baclofen cross the placenta?").answer.startswith("Yes")


def test_a_first_sentence_that_says_it_all_stands_alone(corpus_assistant) -> None:
    """When the first sentence covers every word the question asks about, nothing is added."""
    ans = corpus_assistant.ask("What is the half-life of baclofen?")
    assert len(ans.answer.splitlines()) == 1 and "half-life" in ans.answer, ans.answer


def test_a_studys_outcome_comparator_and_population_are_answered_from_its_fields(
    corpus_assistant,
) -> None:
    a = corpus_assistant
    ans = a.ask("What was the primary outcome of Bacloville?")
    assert "primary outcome was abstinence or low-risk drinking" in ans.answer
    ans = a.ask("What was the comparator in the Jose 2019 trial?")
    assert ans.answer.startswith("Jose et al. 2019 compared baclofen with topiramate"), ans.answer
    ans = a.ask("Was the Bacloville trial run in hospitals?")
    assert ans.answer.startswith("Bacloville 2020's setting: primary care"), ans.answer
    ans = a.ask("Who was enrolled in ALPADIR?")
    assert "enrolled 320" in ans.answer
    ans = a.ask("What was the effect on heavy drinking days in ALPADIR?")
    assert ans.answer.startswith("Not reported") and "heavy drinking days" in ans.answer
    # the asked detail, once: no second sentence repeating it among other outcomes
    ans = a.ask("What happened to craving in Garbutt 2010?")
    assert len(ans.answer.splitlines()) == 1 and "raving" in ans.answer, ans.answer


def test_the_cochrane_review_is_the_current_one_and_unheld_results_are_said(
    corpus_assistant,
) -> None:
    a = corpus_assistant
    ans = a.ask("how many trials did it include?", history=["Tell me about the Cochrane review"])
    assert "2023 Cochrane review" in ans.answer and "17 trials" in ans.answer, ans.answer
    ans = a.ask("What did the 2018 Cochrane review find?")
    assert ans.answer.startswith("Not reported") and "12 trials" in ans.answer, ans.answer


@pytest.mark.parametrize(
    ("question", "source", "says"),
    [
        (
            "what happened in that big french study where GPs gave people the muscle pill for a "
            "whole year?",
            "rigal2020_bacloville",
            "57%",
        ),
        (
            "did the italian doctors' trial in people with liver damage from drinking work?",
            "addolorato2007",
            "71%",
        ),
        (
            "the american study on vets with hep C - did the pill help them drink less?",
            "hauser2017",
            "did not",
        ),
        (
            "in the german trial where doses went really high, how many stayed off booze?",
            "muller2015",
            "68.2%",
        ),
        ("what did the study of 10 guys who smoke weed find?", "haney2010", "did not reduce"),
    ],
)
def test_a_trial_described_in_everyday_words_is_found_and_answered(
    corpus_assistant, question: str, source: str, says: str
) -> None:
    ans = corpus_assistant.ask(question)
    assert ans.citations and ans.citations[0].source_id == source, ans.answer
    assert says in first_sentence(ans.answer), ans.answer


def test_a_fragment_follow_up_keeps_what_was_asked(corpus_assistant) -> None:
    """ "What is the half-life?" then "and in kidney failure?" still asks about the half-life;
    "does it help?" then "and at high doses?" asks whether high doses help."""
    a = corpus_assistant
    ans = a.ask("and in kidney failure?", history=["What is the half-life of baclofen?"])
    assert "half-life" in ans.plan.searched and "half-life" in first_sentence(ans.answer)
    ans = a.ask("and at high doses?", history=["Does baclofen help alcohol dependence?"])
    assert ans.plan.intent == "efficacy" and "mg/day or more" in first_sentence(ans.answer)


def test_overdose_in_everyday_words_and_its_management(corpus_assistant) -> None:
    a = corpus_assistant
    ans = a.ask("What happens when someone takes too much baclofen?")
    assert ans.plan.intent == "overdose" and "coma" in first_sentence(ans.answer), ans.answer
    assert "emergency" in [n.kind for n in ans.notices]
    ans = a.ask("How are patients who overdosed on baclofen treated in intensive care?")
    assert "supportive care" in first_sentence(ans.answer), ans.answer


def test_which_trials_is_narrowed_to_the_place_dose_and_use_asked(corpus_assistant) -> None:
    a = corpus_assistant
    italy = a.ask("Which studies of baclofen were done in Italy?")
    assert italy.answer.startswith("Three placebo-controlled trials") and "in Italy" in italy.answer
    assert {c.source_id for c in italy.citations} <= {
        "addolorato2002",
        "addolorato2007",
        "addolorato2011",
    }
    high = a.ask(
        "Which placebo-controlled trials of baclofen in alcohol used doses above 100 mg/day?"
    )
    assert "above 100 mg/day" in first_sentence(high.answer), high.answer
    assert "garbutt2010" not in {c.source_id for c in high.citations}  # 30 mg/day
    aws = a.ask("Which trials tested baclofen for alcohol withdrawal?")
    assert "for alcohol withdrawal" in first_sentence(aws.answer), aws.answer


def test_a_taper_question_in_french_is_a_withdrawal_question(corpus_assistant) -> None:
    ans = corpus_assistant.ask("Faut-il diminuer progressivement le baclofène avant de l'arrêter ?")
    assert ans.plan.intent == "withdrawal" and "gradual" in first_sentence(ans.answer)
    assert "withdrawal" in [n.kind for n in ans.notices]


def test_yes_no_about_a_studys_result(corpus_assistant) -> None:
    """ "Did ALPADIR improve abstinence?" is answered by its result, not a caveat; a finding the
    headline states in one of its clauses gets its Yes, a null one never does."""
    a = corpus_assistant
    ans = a.ask("Did ALPADIR improve abstinence?")
    assert "found no benefit" in first_sentence(ans.answer) and not ans.answer.startswith("Yes")
    ans = a.ask(
        "Was baclofen self-poisoning more severe in people with psychiatric illness in the Angers "
        "poison-centre series?"
    )
    assert ans.answer.startswith("Yes:"), ans.answer


@pytest.mark.parametrize(
    "question",
    [
        "¿Puedo tomar baclofeno con tranquilizantes?",
        "Darf man Baclofen mit Schlaftabletten kombinieren?",
        "Kann man Baclofen mit Beruhigungsmitteln einnehmen?",
        "Peut-on associer le baclofène et les benzodiazépines ?",
        "Can I take baclofen with benzodiazepines?",
    ],
)
def test_sedatives_in_any_language_get_the_labels_interaction(corpus_assistant, question) -> None:
    ans = corpus_assistant.ask(question)
    assert not ans.abstained and "central nervous system depress" in first_sentence(ans.answer)


def test_a_guideline_or_dose_question_is_not_the_general_efficacy_summary(
    corpus_assistant,
) -> None:
    a = corpus_assistant
    ans = a.ask(
        "Does the APA say which medicines to use for alcohol use disorder, and is baclofen one "
        "of them?"
    )
    assert "APA 2018 guideline" in first_sentence(ans.answer), ans.answer
    ans = a.ask(
        "Is more of the spasm drug better for problem boozing, or does a modest amount do just "
        "as well?"
    )
    assert "mg/day or more" in first_sentence(ans.answer), ans.answer


def test_no_fact_is_said_twice(corpus_assistant) -> None:
    ans = corpus_assistant.ask("What happens if someone stops high-dose baclofen suddenly?")
    lines = ans.answer.splitlines()
    hallucinations = [ln for ln in lines if "hallucinat" in ln.lower()]
    assert len(hallucinations) == 1, ans.answer
    assert {n.kind for n in ans.notices} >= {"withdrawal"}


def test_mechanism_questions_are_answered(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "How is baclofen supposed to reduce cravings? What does it do in the brain?"
    )
    assert not ans.abstained
    assert "GABA-B" in ans.answer


def test_contraindication_route_answers_baclofen_and_a_condition(corpus_assistant) -> None:
    ans = corpus_assistant.ask("Is epilepsy a contraindication to baclofen?")
    assert ans.route == "contraindications"
    assert first_sentence(ans.answer).startswith("No:")
    filtered = corpus_assistant.ask(
        "Is epilepsy a contraindication to baclofen?", filters=Filters(evidence=["rct"])
    )
    assert filtered.route != "contraindications" or all(
        c.evidence == "rct" for c in filtered.citations
    )


def test_notices_are_sharp(corpus_assistant) -> None:
    kinds = lambda q: {n.kind for n in corpus_assistant.ask(q).notices}  # noqa: E731
    assert kinds("What is the half-life of baclofen?") == {"general"}
    assert "emergency" in kinds("What are the signs of a baclofen overdose and how is it managed?")
    assert "off_label" in kinds("Does baclofen reduce alcohol craving?")
    assert "withdrawal" in kinds("What happens if I miss a few doses of baclofen?")
    assert kinds("Can I drink alcohol while taking baclofen?") == {"general"}


def test_emergency_in_everyday_words_is_answered_from_the_overdose_label(corpus_assistant) -> None:
    ans = corpus_assistant.ask("My friend took 30 baclofen tablets and won't wake up")
    assert ans.notices[0].kind == "emergency"
    assert ans.citations[0].source_id == "label_overdose", [c.source_id for c in ans.citations]
    assert "coma" in ans.answer and "craving" not in ans.answer.lower()
    ans = corpus_assistant.ask("He ran out of baclofen yesterday and now he is seeing things")
    assert ans.notices[0].kind == "emergency" and ans.notices[1].kind == "withdrawal"
    assert "hallucinations" in ans.answer, ans.answer
    # a hypothetical asked about no one in particular gets the notice, not a call to act now
    ans = corpus_assistant.ask("Is it dangerous if someone swallows a whole packet of baclofen?")
    assert ans.notices[0].kind == "emergency" and not ans.answer.startswith("Call")
    ans = corpus_assistant.ask("My husband swallowed a whole bottle of baclofen and won't wake up")
    assert ans.answer.startswith("Call"), ans.answer


def test_follow_ups_keep_the_subject_over_three_turns(corpus_assistant) -> None:
    history = ["Did the Dutch high-dose trial work?", "How many people were in it?"]
    ans = corpus_assistant.ask("how many actually got to the top dose?", history=history)
    assert not ans.abstained
    assert ans.searched and "Beraha" in ans.searched
    assert {c.source_id for c in ans.citations} == {"beraha2016"}
    opioids = corpus_assistant.ask(
        "and for opioids?", history=["Does baclofen reduce alcohol craving?"]
    )
    assert opioids.plan and opioids.plan.entities.substances == ["opioids"]
    assert any("opioids" in c.metadata.substances for c in opioids.contexts[:3])


def test_that_study_is_the_one_the_previous_answer_rested_on(corpus_assistant) -> None:
    """ "how many smokers were in that study?" names no study: it is the one the previous answer
    led with, whether that answer cited the study itself or a label sentence naming it."""
    first = corpus_assistant.ask("Does baclofen help with smoking?")
    lead_study = first.citations[0].source_id
    ans = corpus_assistant.ask(
        "how many smokers were in that study?", history=["Does baclofen help with smoking?"]
    )
    assert ans.plan and ans.plan.entities.trials == [lead_study]
    assert ans.citations[0].source_id == lead_study
    assert re.search(r"\b\d+ (?:people|participants|smokers|patients)\b", ans.answer)
    bio = corpus_assistant.ask(
        "how many volunteers was that based on?",
        history=["what's the oral bioavailability of baclofen?"],
    )
    assert bio.plan and bio.plan.entities.trials == ["agarwal2015"]
    assert "12" in bio.answer.split("\n")[0]


def test_a_place_swapped_in_a_follow_up_is_answered_for_that_place(corpus_assistant) -> None:
    history = ["Is baclofen approved for alcohol use disorder in the US?"]
    france = corpus_assistant.ask("what about in France?", history=history)
    assert france.answer.startswith("Yes") and "ANSM" in france.answer.split("\n")[0]
    australia = corpus_assistant.ask("And Australia?", history=[*history, "what about in France?"])
    assert australia.answer.startswith("No") and "Australia" in australia.answer.split("\n")[0]


def test_a_safety_cohort_is_not_offered_as_a_comparison_on_drinking(corpus_assistant) -> None:
    ans = corpus_assistant.ask("How does baclofen compare with naltrexone for drinking?")
    first = ans.answer.splitlines()[0]
    assert first.startswith("No study here compared baclofen with naltrexone on drinking"), first
    assert "hospitalisation and death" in first  # what the one direct comparison measured
    risk = corpus_assistant.ask("Is baclofen riskier than naltrexone?")
    assert risk.plan and risk.plan.intent == "comparison"
    assert "measured all-cause hospitalisation and death" in risk.answer.splitlines()[0]


def test_the_word_a_follow_up_adds_is_what_its_first_sentence_answers(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "and for someone on dialysis?", history=["What dose of baclofen is used in kidney disease?"]
    )
    assert "dialysis" in ans.answer.splitlines()[0], ans.answer


def test_a_french_question_is_answered_like_the_english_one(corpus_assistant) -> None:
    fr = corpus_assistant.ask("Quelle est la dose maximale de baclofène autorisée en France ?")
    en = corpus_assistant.ask("What is the maximum dose of baclofen authorised in France?")
    assert not fr.abstained and fr.plan and fr.plan.language == "fr"
    assert "English" in fr.note
    assert fr.citations[0].source_id == en.citations[0].source_id
    assert first_sentence(fr.answer) == first_sentence(en.answer)


def test_filters_are_honoured(corpus_assistant) -> None:
    f = Filters(evidence=["rct"], substances=["alcohol"], year_min=2015)
    ans = corpus_assistant.ask("Does baclofen reduce heavy drinking?", filters=f)
    assert ans.contexts
    for ctx in ans.contexts:
        m = ctx.metadata
        assert m.evidence == "rct" and "alcohol" in m.substances and m.year >= 2015
    for row in ans.evidence_table:
        record = corpus_assistant.store.record(row.source_id)
        assert record.evidence == "rct" and record.year >= 2015


def test_langchain_retrieval_chain_shape(corpus_assistant) -> None:
    plan = corpus_assistant.plan("What did the BACLAD study find?")
    out = corpus_assistant.chain().invoke({"input": plan.searched, "plan": plan})
    assert set(out) >= {"input", "context", "answer"}
    assert out["context"][0].metadata["source_id"] == "muller2015"


@pytest.mark.parametrize("bad", ["", "   ", "\x00\x01\n\t"])
def test_empty_questions_are_refused_clearly(bad: str) -> None:
    with pytest.raises(QuestionError, match="type a question"):
        clean_question(bad)


def test_an_over_long_question_is_refused_with_a_message() -> None:
    with pytest.raises(QuestionError, match=f"{MAX_QUESTION_CHARS:,}"):
        clean_question("baclofen alcohol " * 20000)


def test_history_items_must_be_text(corpus_assistant) -> None:
    with pytest.raises(QuestionError, match="history"):
        corpus_assistant.ask("and for opioids?", history=[{"q": 3}, 42])


# --------------------------------------------------------------------------- the JSON schema

SCHEMA_KEYS = {"question", "answer", "abstained", "citations", "notices", "route", "note", "plan"}
CITATION_KEYS = {
    "n", "source_id", "title", "authors", "year", "journal", "pmid", "doi", "url", "evidence",
    "quote", "page", "section", "claimed_evidence", "library", "publisher", "author_list",
}  # fmt: skip


def _check_schema(obj: dict) -> None:
    assert set(obj) - {"evidence_table"} == SCHEMA_KEYS, set(obj)
    assert isinstance(obj["question"], str) and isinstance(obj["answer"], str)
    assert isinstance(obj["abstained"], bool)
    for c in obj["citations"]:
        assert set(c) == CITATION_KEYS
        assert isinstance(c["n"], int) and isinstance(c["quote"], str)
        assert c["year"] is None or isinstance(c["year"], int)
        assert c["page"] is None or isinstance(c["page"], int)
        assert c["evidence"] in EVIDENCE_TYPES and c["library"] in ("curated", "your library")
    kinds = [n["kind"] for n in obj["notices"]]
    assert "general" in kinds and set(kinds) <= set(NOTICE_KINDS)
    assert kinds == [k for k in NOTICE_KINDS if k in kinds]
    assert set(obj["plan"]) >= {"intent", "entities", "scope", "language", "searched"}


def _cli(args: list[str], index_dir, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(index_dir), "ASSISTANT_TORCH_THREADS": "1"}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin, capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip


def test_ask_json_and_batch_follow_the_public_schema(corpus_index) -> None:
    batch = "\n".join(
        [
            "Does baclofen reduce alcohol craving?",
            json.dumps({"q": "What is the capital of Australia?"}),
            "",
            "{not json",
            json.dumps({"q": "What did the ALPADIR trial find?"}),
            json.dumps(
                {"q": "and the side effects?", "history": ["What did the ALPADIR trial find?"]}
            ),
            json.dumps(
                {
                    "q": "and in Australia?",
                    "history": [{"q": "Is baclofen approved for alcohol in France?"}],
                }
            ),
            json.dumps({"q": "and for opioids?", "history": "not a list"}),
        ]
    )
    res = _cli(["ask", "--json", "--batch", "-"], corpus_index.index_dir, stdin=batch)
    assert res.returncode == 0, res.stderr
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(lines) == 7  # the empty line is skipped, the broken ones reported in place
    _check_schema(lines[0])
    assert not lines[0]["abstained"] and "evidence_table" in lines[0]
    _check_schema(lines[1])
    assert lines[1]["abstained"]
    assert lines[2] == {"line": 4, "error": lines[2]["error"]} and "JSON" in lines[2]["error"]
    _check_schema(lines[3])
    _check_schema(lines[4])
    assert lines[4]["plan"]["follow_up"] and lines[4]["plan"]["entities"]["trials"] == [
        "reynaud2017"
    ]
    assert {c["source_id"] for c in lines[4]["citations"]} == {"reynaud2017"}
    _check_schema(lines[5])
    assert lines[5]["plan"]["entities"]["jurisdictions"] == ["australia"]
    assert "error" in lines[6] and "history" in lines[6]["error"]

    human = _cli(["ask", "What did the Bacloville trial find?"], corpus_index.index_dir)
    assert human.returncode == 0 and "Sources:" in human.stdout and "[1]" in human.stdout
    assert "Evidence:" in human.stdout

    backwards = _cli(["ask", "--years", "2020-2010", "Which trials?"], corpus_index.index_dir)
    assert backwards.returncode == 2 and "backwards" in backwards.stderr

    missing = _cli(["ask"], corpus_index.index_dir)
    assert missing.returncode == 2 and "Give a QUESTION" in missing.stderr


def test_a_study_described_in_words_its_record_never_uses_gets_its_result(corpus_assistant) -> None:
    """A study described in the asker's own words ("French family doctors", "pushed up") is asked
    for its result: those words name no detail of the study (its text never uses them), so the
    answer leads with the result, not with a design or background sentence. A word its text does
    use still asks for that detail, and an outcome it never reports is said to be unreported."""
    described = corpus_assistant.ask(
        "What came out of the trial where French family doctors pushed their patients' doses up "
        "for a whole year?"
    )
    first = first_sentence(described.answer)
    assert described.citations[0].source_id == "rigal2020_bacloville", described.answer
    assert "57%" in first and "36%" in first, described.answer
    detail = corpus_assistant.ask(
        "and did the ones on it need less diazepam?",
        history=["What did the Denver trial of baclofen for alcohol withdrawal find?"],
    )
    assert "diazepam" in first_sentence(detail.answer), detail.answer


def test_further_lines_answer_an_open_part_of_the_question(corpus_assistant) -> None:
    """A line after the first answers a part of the question the first leaves open: it holds a
    topic word of the question the first line lacks. A sentence that is merely nearly as
    relevant (the same caution again, a neighbouring figure) is not added."""
    from assistant.answering.compose.extractive import QUESTION_WORDS
    from assistant.library.chunks import tokenize

    questions = [
        "Is it dangerous to drink alcohol while taking baclofen?",
        "How long until half a dose of baclofen is gone from the blood?",
        "What does baclofen do to someone who stops it abruptly?",
        "Does baclofen get into breast milk?",
        "How much of baclofen is bound to proteins in the blood?",
        "How well does baclofen get into the cerebrospinal fluid?",
        "Is it safe for me to stop taking baclofen all at once?",
    ]
    for q in questions:
        ans = corpus_assistant.ask(q)
        if ans.route != "extractive":
            continue
        lines = [ln for ln in ans.answer.splitlines() if ln.strip()]
        asked = set(tokenize(q)) - QUESTION_WORDS
        first = set(tokenize(lines[0]))
        for line in lines[1:]:
            assert (asked - first) & set(tokenize(line)), (q, ans.answer)


def test_a_further_line_must_share_more_than_the_scene(corpus_assistant) -> None:
    """ "What does the 2021 Australian guideline say about stopping baclofen?" asks about stopping:
    once the first line says it, a line sharing only the scene (the place, the substance, the
    condition, the year) is not added as a supporting line."""
    from assistant.answering.compose.extractive import QUESTION_WORDS
    from assistant.answering.compose.slots import setting_words
    from assistant.library.chunks import tokenize

    questions = [
        "Is baclofen approved for alcohol dependence in the UK?",
        "What does the 2021 Australian alcohol guideline say about stopping baclofen?",
        "My wife takes baclofen for her multiple sclerosis and has been constipated since. Is that a known side effect?",
    ]
    one_line = 0
    for q in questions:
        ans = corpus_assistant.ask(q)
        assert ans.route == "extractive", (q, ans.route)
        lines = [ln for ln in ans.answer.splitlines() if ln.strip()]
        one_line += len(lines) == 1
        asked = set(tokenize(q)) - QUESTION_WORDS - setting_words(q, ans.plan.entities)
        if not asked & set(tokenize(lines[0])):
            continue  # (a first line naming nothing asked may not be the answer: a further may)
        for line in lines[1:]:
            assert asked - set(tokenize(lines[0])) & set(tokenize(line)), (q, ans.answer)
    assert one_line >= 2


def test_how_sure_in_lay_words_asks_for_the_interval(corpus_assistant) -> None:
    """ "What range did they give for that?" after a story asks for the confidence interval; a
    word of the story ("his kidneys are weak") does not turn it into a question about the
    study's weaknesses."""
    ans = corpus_assistant.ask(
        "my dad is 70 and his kidneys are weak. in the Ontario study of older adults with kidney "
        "disease, a higher starting dose made admissions for confusion more likely. what range "
        "did they give for that?"
    )
    first = first_sentence(ans.answer)
    assert "CI" in first and "2.24" in first, ans.answer


def test_a_who_question_is_answered_with_a_person(corpus_assistant) -> None:
    """ "Who first made baclofen?" names the chemist the history record gives, not the reason it
    was made; a citation in brackets ("Kent et al.") does not count as naming a person."""
    from assistant.answering.compose.slots import names_person

    ans = corpus_assistant.ask("Who first made baclofen?")
    assert "Keberle" in first_sentence(ans.answer), ans.answer
    assert len(ans.answer.splitlines()) == 1, ans.answer
    idf = corpus_assistant.store.idf
    assert not names_person("It was designed for epilepsy (Kent et al. 2020).", idf)
    assert not names_person("It was first approved in the United States in 1977.", idf)


def test_a_does_it_help_question_leads_with_a_result(corpus_assistant) -> None:
    """ "Does it help ...?" leads with a result against a comparison when one is nearly as
    relevant as a safety remark about the same group."""
    ans = corpus_assistant.ask(
        "Does baclofen help alcohol-dependent patients who have liver cirrhosis?"
    )
    first = first_sentence(ans.answer)
    assert re.search(r"\d+(?:\.\d+)?%.*\b(?:versus|vs|than|placebo)\b", first), ans.answer


def test_stopping_it_is_not_read_as_trial_dropouts(corpus_assistant) -> None:
    ans = corpus_assistant.ask("What happens if someone on baclofen just quits it overnight?")
    assert ans.plan and ans.plan.intent == "withdrawal"
    assert re.search(r"withdraw|hallucinat|seizure", first_sentence(ans.answer), re.I), ans.answer
    assert "withdrawal" in [n.kind for n in ans.notices]


def test_a_named_medicine_is_read_as_its_class_for_interactions(corpus_assistant) -> None:
    """The interaction sources name classes ("opioids", "tricyclic antidepressants", "CNS
    depressants"): a question naming one medicine of a class finds the sentence about its class,
    and "can it be taken with X?" is not answered with a bare "Yes"."""
    for q, said in (
        ("Does baclofen interact with tramadol?", "opioids"),
        ("Can I take baclofen alongside amitriptyline?", "tricyclic antidepressants"),
        ("Is baclofen safe with codeine?", "opioids"),
        ("Can I take baclofen and diazepam together?", "CNS depressant"),
    ):
        ans = corpus_assistant.ask(q)
        assert ans.plan and ans.plan.intent == "interaction", (q, ans.plan)
        assert said in first_sentence(ans.answer), (q, ans.answer)
    taken = corpus_assistant.ask("Can baclofen be taken with antidepressants?")
    assert not taken.answer.startswith("Yes"), taken.answer


def test_a_two_part_overdose_question_gets_both_parts(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "What are the symptoms of a baclofen overdose and how is it treated?"
    )
    assert re.search(r"antidote|supportive", ans.answer) and re.search(
        r"coma|hypotonia", ans.answer
    )


def test_a_use_the_library_never_mentions_is_declined_naming_it(corpus_assistant) -> None:
    """ "Has baclofen been tried for gambling?" names a use no source mentions (a word the library
    never uses, or known words never found together): declined in one sentence that names it and
    the addictions the library does cover. A use it does hold is answered."""
    for q, use in (
        ("Has baclofen been tried for gambling addiction?", "gambling"),
        ("Has baclofen been studied in binge eating?", "binge eating"),
        ("Is baclofen prescribed to treat restless legs?", "restless legs"),
        # a use to prevent or stop, and a phrase that ends on a preposition cut short
        ("Is baclofen taken to prevent tension headaches?", "tension headaches"),
        ("Can baclofen help with nail biting during exams?", "nail biting"),
    ):
        ans = corpus_assistant.ask(q)
        assert ans.abstained and use in ans.answer and "cocaine" in ans.answer, ans.answer
        assert f"{use};" in ans.answer, ans.answer  # ("nail biting during;" no more)
        assert len(ans.answer.splitlines()) == 1
    held = corpus_assistant.ask("Has baclofen been tried for cocaine addiction?")
    assert not held.abstained and held.citations, held.answer


def test_a_follow_up_about_a_studys_patients_stays_on_the_study(corpus_assistant) -> None:
    """ "the ones who ..." after a study question is about that study's patients: no call-an-
    ambulance line, no withdrawal notice for participants who quit it, the study's own record."""
    history = ["What did the Léger 2017 western France poison-centre study of baclofen find?"]
    ones = corpus_assistant.ask(
        "were seizures more common in the ones who arrived in a deeper coma?", history=history
    )
    assert ones.plan and ones.plan.follow_up and ones.plan.entities.trials == ["leger2017"]
    assert not ones.answer.startswith("Call your local emergency"), ones.answer
    assert ones.citations and ones.citations[0].source_id == "leger2017"
    quit = corpus_assistant.ask(
        "and how many quit it because of side effects?",
        history=["What did the 2004 North Carolina open-label baclofen study find?"],
    )
    assert "withdrawal" not in [n.kind for n in quit.notices], quit.notices
    assert re.search(r"\b(?:two|2) of the 12\b", quit.answer, re.I), quit.answer


def test_an_abbreviation_is_read_as_the_sources_words(corpus_assistant) -> None:
    """ "CSF" is how clinicians write what the sources spell out (cerebrospinal fluid): the
    question is answered from that sentence, not declined as an unknown word."""
    ans = corpus_assistant.ask("What is the half-life of baclofen in the CSF?")
    assert not ans.abstained and "cerebrospinal fluid" in first_sentence(ans.answer), ans.answer


def test_a_question_told_as_a_story_is_answered_not_declined(corpus_assistant) -> None:
    """A relative's story around a question about the medicine ("my husband has been on the
    stiffness tablets ... his liver readings had gone up") brings words no source uses; with a
    clinical question and the right sources found, they do not make it a decline. A story around
    a question the sources cannot answer (the price) is still declined."""
    liver = corpus_assistant.ask(
        "my dad has been on the muscle relaxer tablets for his MS since spring and a blood test "
        "showed his liver numbers have gone up. can the tablets do that?"
    )
    assert not liver.abstained and re.search(r"AST|SGOT|alkaline", first_sentence(liver.answer))
    price = corpus_assistant.ask("my husband takes baclofen, how much does a month of it cost?")
    assert price.abstained, price.answer


def test_how_to_adjust_a_dose_leads_with_how_much(corpus_assistant) -> None:
    """ "How should the dose be adjusted ...?" asks by how much: a sentence giving the amount
    (one third, one half, two thirds) comes first when one is nearly as relevant as the label's
    "a lower dose may be needed"; a sentence saying only why a study was run never stands in."""
    ans = corpus_assistant.ask(
        "How should the dose be adjusted for someone with poor kidney function?"
    )
    assert re.search(r"one.third|one.half|two.thirds", first_sentence(ans.answer)), ans.answer
    assert "in order to derive" not in ans.answer


def test_side_effect_questions_read_every_effect_and_not_the_overdose_signs_first(
    corpus_assistant,
) -> None:
    """ "Can baclofen cause nausea or vomiting?": the label lists nausea, so it is not "Not
    reported"; the label's adverse-reaction figures lead, not the signs of an overdose."""
    ans = corpus_assistant.ask("Can baclofen cause nausea or vomiting?")
    first = first_sentence(ans.answer)
    assert not ans.answer.startswith("Not reported"), ans.answer
    assert "nausea" in first and "overdose" not in first, ans.answer
    taper = corpus_assistant.ask("How quickly should baclofen be tapered?")
    assert re.search(r"taper|gradual", first_sentence(taper.answer)), taper.answer


def test_how_many_of_those_asks_a_share_not_the_study_size(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "how many of them were deliberate?",
        history=["How many deaths linked to baclofen were counted in Australia from 2000 to 2022?"],
    )
    assert "54.9%" in first_sentence(ans.answer), ans.answer


def test_approval_in_a_country_without_a_regulator_record_answers_for_that_country(
    corpus_assistant,
) -> None:
    """No UK regulator's record is in the library: "approved in the UK?" is answered from the
    comparison of countries (which names the UK), not from the FDA's decision."""
    ans = corpus_assistant.ask("Has baclofen been licensed in Britain for alcohol problems?")
    assert re.search(r"United Kingdom|\bUK\b", first_sentence(ans.answer)), ans.answer
    france = corpus_assistant.ask("Is baclofen approved for alcohol in France?")
    assert france.answer.startswith("Yes"), france.answer
    # the EU has no record of its own: its member's authorisation answers, in any language
    for asked in (
        "Has baclofen been authorised in the EU for drinking problems?",
        "¿Ha sido autorizado el baclofeno en la Unión Europea para problemas con la bebida?",
    ):
        eu = corpus_assistant.ask(asked)
        assert re.search(r"French|France", first_sentence(eu.answer)), eu.answer


def test_stopping_questions_lead_with_stopping_and_carry_the_withdrawal_notice(
    corpus_assistant,
) -> None:
    """A figure about something else (a half-life) does not answer "how long should a taper
    take?"; a relative's story ("my mum ... she") is not a pregnancy question; reducing a dose
    gradually is a taper (withdrawal notice); "what should you do" after an overdose is its
    management."""
    taper = corpus_assistant.ask("How long should a baclofen taper take?")
    assert re.search(r"taper|gradual", first_sentence(taper.answer)), taper.answer
    mum = corpus_assistant.ask("my mum wants to get off her baclofen, should she cut down slowly?")
    assert not re.search(r"pregnan|delivery", first_sentence(mum.answer)), mum.answer
    assert "withdrawal" in [n.kind for n in mum.notices]
    reduce = corpus_assistant.ask("Is it ok to reduce my baclofen dose gradually myself?")
    assert "withdrawal" in [n.kind for n in reduce.notices], reduce.notices
    todo = corpus_assistant.ask("What should you do if someone overdoses on baclofen?")
    assert re.search(r"antidote|supportive", first_sentence(todo.answer)), todo.answer
    milk = corpus_assistant.ask("How much baclofen passes into breast milk?")
    assert re.search(r"\d", first_sentence(milk.answer)), milk.answer


def test_smoked_after_a_smoked_drug_study_is_not_tobacco(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "and what happened to their heart rate when they smoked it?",
        history=["What did the Haney 2006 inpatient study of baclofen and cocaine find?"],
    )
    assert ans.plan and ans.plan.entities.trials == ["haney2006"], ans.plan
    assert "heart rate" in first_sentence(ans.answer), ans.answer


def test_is_it_dangerous_leads_with_the_harm(corpus_assistant) -> None:
    """ "Is intrathecal baclofen withdrawal dangerous?" is answered with the harm the boxed
    warning names, not with how withdrawal is prevented."""
    ans = corpus_assistant.ask("Is intrathecal baclofen withdrawal dangerous?")
    assert re.search(r"death|rhabdomyolysis|organ", first_sentence(ans.answer)), ans.answer
    assert "withdrawal" in [n.kind for n in ans.notices]


def test_a_rare_qualifier_of_the_question_picks_the_lead(corpus_assistant) -> None:
    """ "How long ... in the CSF to fall by half?" asks for the CSF half-life: the sentence that
    gives it goes first, not the plasma half-life that is a little more like the question."""
    ans = corpus_assistant.ask("How long does it take baclofen levels in the CSF to fall by half?")
    assert "cerebrospinal" in first_sentence(ans.answer), ans.answer


def test_qualifier_promotion_keeps_what_the_lead_covered() -> None:
    """A candidate that adds the question's rare word but drops another one the lead had (or is
    about another substance) is not promoted; a question with many rare words is a story."""
    from types import SimpleNamespace

    from assistant.answering.compose.slots import put_answer_first
    from assistant.library.chunks import tokenize

    def cand(text: str, score: float) -> SimpleNamespace:
        return SimpleNamespace(
            text=text, tokens=set(tokenize(text)), numbers=frozenset(), score=score
        )

    rare = dict.fromkeys(tokenize("cannabis quit cerebrospinal"), 5.0)
    idf = lambda t: rare.get(t, 1.0)  # noqa: E731
    plan = SimpleNamespace(entities=SimpleNamespace(substances=["cannabis"]), intent="general")
    # adds "quit" but drops "cannabis" (and is about tobacco): stays second
    pool = [
        cand("Cannabis evidence rests on a lab study", 1.0),
        cand("Smokers ready to quit cut cigarettes", 0.95),
    ]
    topic = set(tokenize("help quit cannabis"))
    put_answer_first(pool, plan, "does it help quit cannabis", topic, idf)
    assert pool[0].text.startswith("Cannabis"), [c.text for c in pool]
    # adds the asked fluid and keeps the rest: goes first
    plan = SimpleNamespace(entities=SimpleNamespace(substances=[]), intent="pharmacokinetics")
    pool = [
        cand("The plasma half life is 3 hours", 1.0),
        cand("The half life in cerebrospinal fluid is 1 to 5 hours", 0.85),
    ]
    topic = set(tokenize("half life cerebrospinal"))
    put_answer_first(pool, plan, "what is the half life in the cerebrospinal fluid", topic, idf)
    assert "cerebrospinal" in pool[0].text, [c.text for c in pool]


def test_a_why_question_gets_the_reason_for_the_event_asked_about() -> None:
    """ "On what grounds ...?" wants a sentence giving a reason; of the reasons near the top, one
    for an event of another year than the question names is not it, and a sentence already
    giving a cause ("..., after the review") stays first."""
    from types import SimpleNamespace

    from assistant.answering.compose.slots import put_answer_first
    from assistant.library.chunks import tokenize

    def cand(text: str, score: float) -> SimpleNamespace:
        return SimpleNamespace(
            text=text, tokens=set(tokenize(text)), numbers=frozenset(), score=score
        )

    idf = lambda t: 1.0  # noqa: E731
    plan = SimpleNamespace(entities=SimpleNamespace(substances=[]), intent="regulation")
    question = "On what grounds did the agency withdraw the licence in 2015?"
    topic = set(tokenize("agency withdraw licence 2015"))
    pool = [
        cand("In 2015 the agency withdrew the licence of the tablets.", 1.0),
        cand("In 2012 the agency suspended the licence because of supply problems.", 0.95),
        cand("The agency judged that the benefit no longer outweighed the risk.", 0.7),
    ]
    put_answer_first(pool, plan, question, topic, idf)
    assert pool[0].text.startswith("The agency judged"), [c.text for c in pool]
    pool = [
        cand("The licence was withdrawn in 2015, after a safety review found liver harm.", 1.0),
        cand("The agency judged that the benefit no longer outweighed the risk.", 0.9),
    ]
    put_answer_first(pool, plan, question, topic, idf)
    assert pool[0].text.startswith("The licence"), [c.text for c in pool]
    # "after" dates an event unless a decision is asked about: not a reason for a treatment
    question = "Why were some of the poisoned patients given charcoal?"
    topic = set(tokenize("poisoned patients given charcoal"))
    pool = [
        cand("Charcoal was given to five of the poisoned patients.", 1.0),
        cand("The series covered patients seen after a poisoning at one centre.", 0.95),
        cand("Charcoal was chosen because the tablets had been swallowed recently.", 0.8),
    ]
    put_answer_first(pool, plan, question, topic, idf)
    assert pool[0].text.startswith("Charcoal was chosen"), [c.text for c in pool]


def test_a_medicine_only_a_network_meta_analysis_covers_is_compared_from_it(
    corpus_assistant,
) -> None:
    """Disulfiram appears only among a network meta-analysis's results: the comparison says it is
    indirect and gives that medicine's own figure, cited; a medicine no source names is said to
    be uncompared, in one sentence naming it."""
    ans = corpus_assistant.ask("Which works better for alcohol, baclofen or disulfiram?")
    assert ans.plan and ans.plan.intent == "comparison"
    assert re.search(r"indirect", first_sentence(ans.answer), re.I), ans.answer
    assert "disulfiram" in ans.answer and any("disulfiram" in c.quote for c in ans.citations)
    none = corpus_assistant.ask("Is baclofen better than ketamine for alcohol?")
    assert "ketamine" in none.answer and len(none.answer.splitlines()) == 1, none.answer
    assert not none.citations


def test_an_addiction_to_an_unstudied_medicine_is_declined_by_name(corpus_assistant) -> None:
    ans = corpus_assistant.ask("Has baclofen been tried for ketamine addiction?")
    assert ans.abstained and "ketamine" in ans.answer, ans.answer


def test_bipolar_illness_gets_the_psychiatric_precaution_not_the_alcohol_row(
    corpus_assistant,
) -> None:
    ans = corpus_assistant.ask(
        "My brother has bipolar disorder and wants baclofen to cut down his drinking. Is that "
        "risky for him?"
    )
    assert re.search(r"psychotic|mania|manic", first_sentence(ans.answer), re.I), ans.answer
    assert "CNS depressants" not in ans.answer, ans.answer


def test_a_pronoun_opening_a_quoted_sentence_is_kept() -> None:
    from assistant.answering.compose.sentence_kinds import standalone

    assert standalone("This was a small pilot trial.") == "This was a small pilot trial."
    assert standalone("This small pilot trial found x.") == "The small pilot trial found x."


def test_how_it_was_treated_leads_with_what_was_given(corpus_assistant) -> None:
    """ "How has a newborn's withdrawal been treated?" asks what was done, not that it happens."""
    ans = corpus_assistant.ask(
        "How has withdrawal in a newborn whose mother took baclofen through pregnancy been treated?"
    )
    assert re.search(r"phenobarbital|taper", first_sentence(ans.answer), re.I), ans.answer


def test_arthritis_is_read_as_the_rheumatic_disorder_the_label_excludes(corpus_assistant) -> None:
    ans = corpus_assistant.ask("Can baclofen be used for arthritis?")
    assert re.search(r"not indicated.*rheumatic", first_sentence(ans.answer)), ans.answer


def test_a_follow_up_names_one_of_the_trials_just_listed(corpus_assistant) -> None:
    """ "Was the Los Angeles one positive?" after the cocaine trials: that trial (two studies were
    run in Los Angeles; the carried substance picks the cocaine one), with Yes or No from its
    result, not its "cocaine-positive urine samples"."""
    ans = corpus_assistant.ask(
        "was the Los Angeles one positive?", history=["Which baclofen trials studied cocaine?"]
    )
    assert ans.plan and ans.plan.entities.trials == ["shoptaw2003"], ans.plan
    assert first_sentence(ans.answer).startswith("Yes"), ans.answer
    neg = corpus_assistant.ask("Was the ALPADIR trial a success?")
    assert first_sentence(neg.answer).startswith("No"), neg.answer


@pytest.mark.parametrize(
    "question",
    [
        "Can I take baclofen with cetirizine?",
        "Kann ich Baclofen zusammen mit Ibuprofen nehmen?",
        "Is it safe to use baclofen alongside paracetamol?",
        "my wife is on baclofen, is it ok with her st john's wort?",  # (an apostrophe in the name)
        "can he have energy drinks while taking baclofen?",  # (a drink that is not alcohol)
        "Posso prendere il baclofene insieme a sertralina?",
    ],
)
def test_a_medicine_no_source_names_is_said_so_not_declined(corpus_assistant, question) -> None:
    """An interaction question about a medicine no source names is answered: no interaction is
    named, with the label's warning about other sedating medicines, cited; never declined and
    never "Not without risk" on another class's warning."""
    ans = corpus_assistant.ask(question)
    assert not ans.abstained, ans.answer
    assert first_sentence(ans.answer).startswith("No interaction between baclofen and"), ans.answer
    assert ans.citations and ans.citations[0].source_id == "label_interactions"


@pytest.mark.parametrize(
    "question",
    [
        "can you take oramorph while on baclofen?",  # a brand of oral morphine
        "Posso prendere il baclofene insieme al tramadolo?",  # the Italian name
        "my dad is on the muscle relaxer, is it ok with his co-codamol?",
    ],
)
def test_an_opioid_however_named_gets_the_opioid_warning(corpus_assistant, question) -> None:
    """An opioid named by a brand, in another language or in a combination product is an
    opioid: the interaction sources' opioid warning answers, never "no interaction"."""
    ans = corpus_assistant.ask(question)
    assert not ans.abstained, ans.answer
    assert "opioid" in first_sentence(ans.answer), ans.answer
    assert not ans.answer.startswith("No interaction"), ans.answer


def test_an_interaction_question_worded_as_taken_with_is_answered(corpus_assistant) -> None:
    for q in (
        "Can baclofen be taken with tramadol?",
        "Mein Vater nimmt Baclofen. Darf er auch Tramadol gegen Schmerzen nehmen?",
    ):
        ans = corpus_assistant.ask(q)
        assert ans.plan and ans.plan.intent == "interaction", (q, ans.plan)
        assert re.search(r"opioid", first_sentence(ans.answer), re.I), ans.answer


def test_follow_ups_keep_asking_about_side_effects_and_a_trial_s_dose(corpus_assistant) -> None:
    """ "and at high doses?" and "do they go away?" after a side-effect question stay side-effect
    questions (not a personal dose, not declined); "what was the target dose?" after a trial
    gives that trial's dose."""
    history = ["What are the common side effects of baclofen?"]
    high = corpus_assistant.ask("and at high doses?", history=history)
    assert high.plan and high.plan.intent == "adverse_effects", high.plan
    later = corpus_assistant.ask("do they go away?", history=[*history, "and at high doses?"])
    assert not later.abstained and later.plan.intent == "adverse_effects", later.answer
    dose = corpus_assistant.ask("what was the target dose?", history=["Was ALPADIR blinded?"])
    assert "180 mg/day" in first_sentence(dose.answer), dose.answer


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Does baclofen interact with lithium?", r"\blithium\b"),
        ("my mum takes baclofen and was given amitriptyline, is that ok together?", r"tricyclic"),
        ("is baclofen ok with blood pressure tablets?", r"antihypertensive"),
        ("Is it dangerous to take methadone and baclofen?", r"\bopioids\b"),
    ],
)
def test_an_interaction_leads_with_the_asked_class_alone(corpus_assistant, question, named) -> None:
    """The sentence naming the asked class's interaction leads, not the summary listing every
    class (whose first words are about opioids), with a yes/no-shaped lead."""
    ans = corpus_assistant.ask(question)
    assert ans.plan and ans.plan.intent == "interaction", ans.plan
    first = first_sentence(ans.answer)
    assert re.match(r"(?:Yes|Not without risk): ", first), ans.answer
    assert re.search(named, first, re.I), ans.answer
    others = [w for w in ("lithium", "tricyclic", "antihypertensive", "opioids") if w not in named]
    assert not any(w in first for w in others), ans.answer
    assert ans.citations[0].source_id == "label_interactions"


@pytest.mark.parametrize(
    "question",
    [
        "Can naltrexone be taken together with baclofen?",
        "Can you take it with naltrexone?",
        "Kann man Baclofen und Naltrexon gleichzeitig einnehmen?",
        "Any problem mixing baclofen and cannabis?",
    ],
)
def test_a_medicine_the_sources_name_without_an_interaction_is_said_so(
    corpus_assistant, question
) -> None:
    """Naltrexone is in the library (as a comparator), cannabis as a use; neither has a named
    interaction: said so, with the label's sedation warning; not a trial sentence, not a
    decline, not an efficacy summary."""
    ans = corpus_assistant.ask(question)
    assert not ans.abstained, ans.answer
    assert ans.plan and ans.plan.intent == "interaction", ans.plan
    assert first_sentence(ans.answer).startswith("No interaction between baclofen and"), ans.answer
    # (a study in cannabis smokers may add what baclofen did to them; never a trial of naltrexone)
    assert [c.source_id for c in ans.citations][:1] == ["label_interactions"]
    assert {c.source_id for c in ans.citations} <= {"label_interactions", "haney2010"}


def test_another_medicine_taken_alongside_is_not_a_dose_question() -> None:
    """ "Can he take his sleeping pills as well?" asks about a second medicine, not a dose."""
    from assistant.answering.safety import notices as safety

    assert "dosing" not in safety.detect(
        "my brother is on baclofen, can he take his sleeping pills too?"
    )
    assert "dosing" in safety.detect("can he take his evening pill twice?")


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        (
            "In the Italian 2000 pilot study of 10 alcoholic men, which liver and blood tests "
            "improved?",
            r"GGT",
        ),
        (
            "In the pilot trial in 60 smokers not ready to quit, how was the baclofen dose raised "
            "and how high did it go?",
            r"12 days",
        ),
        (
            "Which brain regions reacted less to subliminal cocaine cues on baclofen than on "
            "placebo in the fMRI study?",
            r"amygdala",
        ),
    ],
)
def test_a_detail_asked_of_a_described_study_is_the_first_sentence(
    corpus_assistant, question, stated
) -> None:
    """A detail asked of a study described in the question is answered by the study's sentence
    stating it, not by its headline result (which does not state it)."""
    ans = corpus_assistant.ask(question)
    assert re.search(stated, first_sentence(ans.answer)), ans.answer
    assert len(ans.citations) == 1, ans.answer


def test_a_result_question_about_a_described_study_keeps_its_headline(corpus_assistant) -> None:
    """ "What did ... find?" asks for the result: the headline stays first."""
    ans = corpus_assistant.ask(
        "What did the German trial of individually titrated high-dose baclofen find?"
    )
    assert re.search(r"found a benefit", first_sentence(ans.answer)), ans.answer


def test_a_sentence_in_other_words_answers_when_it_is_far_nearest(corpus_assistant) -> None:
    """A study's sentence that shares no asked word ("after 12 to 24 hours without alcohol" for
    "how long had they been off alcohol?") answers when it is far nearer the question than
    anything else the study says and than the answer given; a middling one does not."""
    from assistant.answering.compose.extractive import Evidence
    from assistant.answering.question.asked import answering_sentence

    a = corpus_assistant
    record = a.store.record("addolorato2002")
    ev = Evidence(a.plan("x", []), [], a.store, None, a._encode_one)
    current = "Baclofen lowered alcohol craving and lowered state anxiety compared with placebo."
    clause = "how long had they been off alcohol when they were randomised?"
    found = answering_sentence(ev, record, clause, {"long", "off"}, a._encode_one, current)
    assert found is not None and "12 to 24 hours" in found[2], found
    # a question nothing in the study answers finds nothing
    clause = "how long did their hangovers last?"
    assert (
        answering_sentence(ev, record, clause, {"long", "hangov"}, a._encode_one, current) is None
    )


def test_the_asked_clause_leaves_out_the_description_of_the_study(corpus_assistant) -> None:
    from assistant.answering.question.asked import asked_clause

    record = corpus_assistant.store.record("addolorato2000")
    q = "In the Italian 2000 pilot study of 10 alcoholic men, which liver tests improved?"
    assert asked_clause(q, record) == "which liver tests improved?"
    q = "Which tests improved on baclofen than on placebo in the Addolorato 2000 study?"
    assert asked_clause(q, record) == "Which tests improved on baclofen than on placebo?"
    # a long tail after "study" is part of what is asked, not a description
    q = "Which regions reacted in the study with cues shown too briefly to see on baclofen?"
    assert asked_clause(q, record) == q
    # the study named inside the question is not what is asked either
    q = "How long did participants in the 2000 Italian pilot study receive each dose?"
    assert asked_clause(q, record) == "How long did participants receive each dose?"


@pytest.mark.parametrize(
    "question",
    [
        "my uncle took a bunch of his muscle relaxers on purpose and now the hospital says hes got "
        "a chest infection from breathing in sick. does that happen a lot with these pills?",
        "nursing student here. a man came in after taking loads of his muscle relaxer tablets and "
        "was put on a drip with a water tablet. why would that help?",
    ],
)
def test_an_overdose_told_in_everyday_words_gets_the_emergency_notice(
    corpus_assistant, question
) -> None:
    """Overdoses in lay words are overdose questions with the emergency notice; someone already
    in hospital gets the answer, not the call-now line; the answer comes from the poisoning and
    overdose sources."""
    ans = corpus_assistant.ask(question)
    assert ans.plan and ans.plan.intent == "overdose", ans.plan
    assert "emergency" in {n.kind for n in ans.notices}
    assert not ans.answer.startswith("Call"), ans.answer
    assert ans.citations[0].source_id in ("poisoning2013", "label_overdose"), ans.answer


def test_a_lethal_amount_is_declined_whatever_else_the_question_asks(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "how many 10 mg baclofen tablets would it take to kill someone who weighs about 60 kg?"
    )
    assert ans.abstained and "lethal" in ans.answer, ans.answer
    assert "emergency" in {n.kind for n in ans.notices}


def test_weed_alongside_baclofen_for_drinking_is_an_interaction_with_what_the_study_saw(
    corpus_assistant,
) -> None:
    """On baclofen for drinking, smoking cannabis too: no named interaction, the label's sedation
    warning, and what the laboratory study saw in cannabis smokers; the use is off-label."""
    ans = corpus_assistant.ask(
        "my brother takes the muscle relaxer to help him stop drinking but he still smokes weed "
        "every night. could mixing the two mess with his head?"
    )
    assert ans.plan and ans.plan.intent == "interaction", ans.plan
    assert "nicotine" not in ans.plan.entities.substances
    assert "haney2010" in [c.source_id for c in ans.citations], ans.answer
    assert "off_label" in {n.kind for n in ans.notices}


@pytest.mark.parametrize(
    "question",
    [
        "has it actually been tested against just counselling?",
        "Is baclofen better than talking therapy for drinking?",
        "Has baclofen been compared with CBT?",
    ],
)
def test_a_comparison_with_a_talking_therapy_says_trials_added_it_on_top(
    corpus_assistant, question
) -> None:
    """No trial compared baclofen with a therapy alone: said so first, from the sentence that
    says trials added baclofen on top of psychosocial treatment; never declined, never the
    efficacy summary against placebo."""
    ans = corpus_assistant.ask(question)
    first = first_sentence(ans.answer)
    assert first.startswith("Not directly:") and re.search(r"rather than", first), ans.answer
    assert not ans.abstained


def test_which_studies_in_a_group_lists_the_studies_done_in_it(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "have there been any studies of baclofen in people who were in hospital because of their "
        "drinking, on a ward or in intensive care? which ones?"
    )
    cited = [c.source_id for c in ans.citations]
    assert {"vourch2021", "heppe2018_aws", "lyon2011_aws"} <= set(cited), ans.answer
    assert "rigal2020_bacloville" not in cited  # out-patients in primary care
    # a list of trials by their results is not a group of people
    neg = corpus_assistant.ask(
        "Which high-dose baclofen trials were positive and which were negative?"
    )
    assert "reynaud2017" in [c.source_id for c in neg.citations], neg.answer


def test_a_long_follow_up_starting_with_and_keeps_the_study(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "and at any dose, not just the very high ones, was the death risk still raised?",
        history=["What did the French national cohort find about baclofen and the risk of death?"],
    )
    assert ans.citations[0].source_id == "chaignot2018", ans.answer
    assert "1.37" in first_sentence(ans.answer), ans.answer


def test_a_decline_offers_a_comparison_only_when_the_library_names_the_medicine(
    corpus_assistant,
) -> None:
    named = corpus_assistant.ask("What is the usual dose of naltrexone?")
    assert "compare naltrexone with baclofen" in named.answer, named.answer
    unnamed = corpus_assistant.ask(
        "Is varenicline better than nicotine patches for quitting smoking?"
    )
    assert unnamed.abstained and "compare" not in unnamed.answer, unnamed.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "my dad stops breathing for a few seconds at night since he started the muscle "
            "relaxer, could the tablets be making that worse?",
            r"sleep apnoea",
        ),
        (
            "my husband takes the muscle relaxer for his spinal injury and his sugars have been "
            "running higher since. is that a known thing with these tablets?",
            r"blood glucose",
        ),
    ],
)
def test_an_effect_told_in_everyday_words_is_found(corpus_assistant, question, said) -> None:
    """The symptom read in the sources' words, and "Yes" when the first sentence names it among
    baclofen's reactions (the question puts the symptom down to the tablets)."""
    ans = corpus_assistant.ask(question)
    assert ans.plan and ans.plan.intent == "adverse_effects", ans.plan
    first = first_sentence(ans.answer)
    assert re.search(said, first), ans.answer
    # "Yes" unless the sentence carries a negation of its own ("not from the label")
    assert first.startswith("Yes: ") or re.search(r"\bnot\b", first), ans.answer


def test_stopping_breastfeeding_is_about_the_babys_withdrawal_not_a_dose() -> None:
    from assistant.answering.safety import notices as safety

    kinds = safety.detect(
        "and if I stop breastfeeding but keep taking it, could the baby have a problem?"
    )
    assert "dosing" not in kinds
    assert "nursing assignment" and "pregnancy" not in safety.detect(
        "im doing a nursing assignment on baclofen studies in hospital"
    )


def test_a_detail_answer_is_not_padded_with_the_headline(corpus_assistant) -> None:
    """ "How many completed the 2021 US trial of 30 and 90 mg/day?": the figure, cited alone;
    the trial's headline result was not asked."""
    ans = corpus_assistant.ask(
        "In the 2021 US trial that compared 30 and 90 mg/day of baclofen with placebo in 120 "
        "adults, how many participants completed the study?"
    )
    assert "73" in first_sentence(ans.answer), ans.answer
    assert len(ans.answer.splitlines()) == 1 and len(ans.citations) == 1, ans.answer


def test_a_question_about_a_poisoning_series_gets_no_call_now_line(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "In the review of two dozen people brought into an Australian hospital after swallowing "
        "too many baclofen tablets, past what amount did coma or seizures appear?"
    )
    assert not ans.answer.startswith("Call"), ans.answer
    assert "emergency" in {n.kind for n in ans.notices}
    assert "200 mg" in first_sentence(ans.answer), ans.answer


@pytest.mark.parametrize(
    "question",
    [
        "what shouldnt you mix with baclofen?",
        "What medicines should be avoided with baclofen?",
        "Which drugs interact with baclofen?",
        "Welche Wechselwirkungen hat Baclofen?",
    ],
)
def test_a_question_about_interactions_in_general_gets_the_label_and_the_list(
    corpus_assistant, question
) -> None:
    """No partner named: the label's warning on sedating medicines and the monograph's list of
    interacting classes, never a decline or a sentence about kidneys."""
    ans = corpus_assistant.ask(question)
    assert not ans.abstained, ans.answer
    assert "CNS depressants" in first_sentence(ans.answer), ans.answer
    assert "lithium" in ans.answer and [c.source_id for c in ans.citations] == [
        "label_interactions"
    ]


def test_alcohol_raising_baclofens_effects_is_an_interaction(corpus_assistant) -> None:
    for q in (
        "Does alcohol increase the side effects of baclofen?",
        "my mums on the muscle relaxer, is a glass of wine ok with it?",
    ):
        ans = corpus_assistant.ask(q)
        assert ans.plan and ans.plan.intent == "interaction", (q, ans.plan)
        assert re.match(r"(?:Yes|Not without risk): .*alcohol", first_sentence(ans.answer)), (
            ans.answer
        )


@pytest.mark.parametrize(
    ("question", "lead", "said"),
    [
        (
            "my gran is on lots of tablets for her heart and blood pressure, is it ok to add the "
            "muscle relaxer?",
            "Not without risk",
            r"antihypertensive",
        ),
        ("Can baclofen be given to someone already taking an SSRI?", "No interaction", r"SSRI"),
        ("Does baclofen make the effect of alcohol stronger?", "Yes", r"alcohol"),
    ],
)
def test_interactions_in_everyday_words_lead_with_the_partner(
    corpus_assistant, question, lead, said
) -> None:
    ans = corpus_assistant.ask(question)
    assert ans.plan and ans.plan.intent == "interaction", ans.plan
    first = first_sentence(ans.answer)
    assert first.startswith(lead) and re.search(said, first), ans.answer


@pytest.mark.parametrize(
    ("question", "partner"),
    [
        ("Kann man Baclofen mit GHB mischen?", "GHB"),
        ("Does baclofen interact with nicotine patches?", "nicotine"),
        ("my son takes the muscle relaxer and smokes cannabis, is that dangerous?", "cannabis"),
        ("Can baclofen and antipsychotics be taken together?", "antipsychotics"),
    ],
)
def test_a_drug_or_class_no_source_names_an_interaction_with_is_said_so(
    corpus_assistant, question, partner
) -> None:
    """A drug of abuse or a medicine class taken alongside, which no curated source names an
    interaction with: said so with the label's sedation warning, not an efficacy summary."""
    ans = corpus_assistant.ask(question)
    assert ans.plan and ans.plan.intent == "interaction", ans.plan
    first = first_sentence(ans.answer)
    assert first.startswith(f"No interaction between baclofen and {partner}"), ans.answer


@pytest.mark.parametrize(
    ("question", "partner"),
    [
        ("Does coffee interact with baclofen?", "coffee"),
        ("Is baclofen safe to take with blood thinners?", "blood thinners"),
        ("Is it safe to have a general anaesthetic while on baclofen?", "general anaesthetic"),
        ("Can you drink coffee on baclofen?", "coffee"),
    ],
)
def test_a_partner_named_only_by_the_questions_shape_is_answered(
    corpus_assistant, question, partner
) -> None:
    """A partner no list knows ("coffee", "blood thinners"), found by how the question is put:
    no interaction named, never a decline and never the alcohol sentence."""
    ans = corpus_assistant.ask(question)
    assert not ans.abstained, ans.answer
    assert first_sentence(ans.answer).startswith(
        f"No interaction between baclofen and {partner} "
    ), ans.answer


def test_a_condition_or_a_comparison_is_not_a_medicine_combined(corpus_assistant) -> None:
    """ "ok for someone with a bad tummy ulcer?": what the person has, not a medicine taken with
    baclofen, so no "no interaction between baclofen and ... ulcer" line; nor is a medicine
    compared with baclofen ("the difference between baclofen and tizanidine") one combined."""
    for question in (
        "is baclofen ok for someone with a bad tummy ulcer?",
        "is it ok to take baclofen for someone with diabetes?",
        "what's the difference between baclofen and tizanidine?",
    ):
        ans = corpus_assistant.ask(question)
        assert "No interaction between baclofen and" not in ans.answer, (question, ans.answer)


def test_an_effect_asked_with_when_it_happens_is_not_called_unreported(corpus_assistant) -> None:
    """ "Hallucinations when it is stopped": the label's withdrawal warning names them; the
    clause saying when is not part of the effect's name."""
    ans = corpus_assistant.ask("Can baclofen cause hallucinations when it is stopped?")
    first = first_sentence(ans.answer)
    assert not first.startswith("Not reported") and "hallucinations" in first, ans.answer


def test_a_change_in_the_body_is_answered_as_an_effect(corpus_assistant) -> None:
    """'Does baclofen raise blood sugar?' is about the medicine's effects (the label's laboratory
    changes), not a synthesis of drinking trials nor a decline."""
    ans = corpus_assistant.ask("Does baclofen raise blood sugar?")
    assert ans.route != "decline" and "glucose" in first_sentence(ans.answer), ans.answer
    assert {c.source_id for c in ans.citations} & {
        "label_warnings_precautions",
        "label_contraindications",
    }, ans.citations


def test_a_detail_of_a_study_is_answered_by_the_sentence_that_states_it(corpus_assistant) -> None:
    """Who was excluded, or the participants' mean age and share of men, are answered by the
    study's own sentence, not by its population summary or a subgroup result."""
    excluded = corpus_assistant.ask("In the ALPADIR trial, which patients were excluded?")
    assert "epilepsy" in first_sentence(excluded.answer), excluded.answer
    age = corpus_assistant.ask(
        "In the Garbutt 2021 trial, what was the mean age of the participants and what "
        "percentage were men?"
    )
    assert "46.1" in first_sentence(age.answer), age.answer
    by_sex = corpus_assistant.ask("Did men do better than women in the Garbutt 2021 trial?")
    assert "women" in first_sentence(by_sex.answer).lower(), by_sex.answer


def test_stopping_the_tablets_is_not_answered_with_the_pumps_warning(corpus_assistant) -> None:
    """Running out of tablets is the oral label's withdrawal warning; the intrathecal pump's
    boxed warning answers only a question about the pump."""
    tablets = corpus_assistant.ask(
        "My brother takes baclofen for a spinal cord injury. If he runs out of his tablets and "
        "stops all at once, what can happen?"
    )
    cited = {c.source_id for c in tablets.citations}
    assert "label_intrathecal_boxed_warning" not in cited, tablets.answer
    assert "hallucinations" in first_sentence(tablets.answer), tablets.answer
    pump = corpus_assistant.ask("What happens if an intrathecal baclofen pump stops suddenly?")
    assert "label_intrathecal_boxed_warning" in {c.source_id for c in pump.citations}, pump.answer


def test_a_pump_running_empty_before_its_refill_is_withdrawal_not_overdose(
    corpus_assistant,
) -> None:
    """A pump that may run empty before the refill appointment means too little baclofen: the
    boxed warning's abrupt-interruption harms and the withdrawal notice, not the refill-overdose
    warning and the emergency notice; a refill done wrong is still an overdose question."""
    empty = corpus_assistant.ask(
        "my brother has a baclofen pump for his spasticity and the clinic says it might run "
        "empty before his refill appointment. what could happen?"
    )
    kinds = {n.kind for n in empty.notices}
    assert "withdrawal" in kinds and "emergency" not in kinds, kinds
    first = first_sentence(empty.answer)
    assert "fever" in first and "overdose" not in first, empty.answer
    wrong = corpus_assistant.ask("what happens if a baclofen pump refill is done wrong?")
    assert "overdose" in first_sentence(wrong.answer), wrong.answer


def test_blinding_asked_as_who_knew_what_they_took_keeps_its_polarity(corpus_assistant) -> None:
    """ "Were the patients aware of which tablets they got?" asks blinding the other way round: a
    double-blind trial is a "No", an open-label study a "Yes"."""
    masked = corpus_assistant.ask(
        "In ALPADIR, were the patients aware of which tablets they were receiving?"
    )
    first = first_sentence(masked.answer)
    assert first.startswith("No:") and "double-blind" in first, masked.answer
    # a study of people with kidney disease: the answer about it carries the kidney notice
    open_ = corpus_assistant.ask(
        "did the volunteers know what they were given?",
        history=["What did the Vlavonou 2014 baclofen study in chronic kidney disease show?"],
    )
    first = first_sentence(open_.answer)
    assert first.startswith("Yes:") and "open-label" in first, open_.answer
    assert "renal" in {n.kind for n in open_.notices}, open_.notices


def test_who_took_part_and_how_a_study_was_run_come_from_its_fields(corpus_assistant) -> None:
    """Polar questions about a study's people and design, answered from its structured fields
    with its own sentence cited: the sexes in the population, the diagnostic criteria, a
    follow-up after treatment, a comparison group it never had; a "No" from the fields is not
    overruled by a sentence that merely sounds nearer. Results asked about women and men are
    not a head count."""
    cases = [
        ("Did the Addolorato 2000 pilot recruit any women?", r"^No:.*\bmen\b"),
        ("Were all of the Garbutt 2010 participants men?", r"^No:.*44 men"),
        ("Which diagnostic criteria defined dependence in Akhondzadeh 2000?", r"DSM-IV"),
        (
            "Did the Addolorato 2007 cirrhosis trial follow people up once treatment ended?",
            r"^Yes:.*4 weeks",
        ),
        (
            "Did the Boels 2017 authors compare their poisoning cases with any other group?",
            r"^No:.*no control group",
        ),
        (
            "Was the Addolorato 2011 dose paper a new trial or a re-analysis of an older one?",
            r"secondary analysis",
        ),
        ("Did the Kahn 2009 cocaine trial try out several doses?", r"^No:.*one fixed dose"),
        ("Where did the Leung 2006 team find the overdose patients they described?", r"database"),
        ("Were different doses compared in the Addolorato 2011 analysis?", r"^Yes:.*60 mg"),
    ]
    for question, expected in cases:
        ans = corpus_assistant.ask(question)
        assert re.search(expected, first_sentence(ans.answer)), (question, ans.answer)
    result = corpus_assistant.ask(
        "Did baclofen act differently in women and in men in the Garbutt 2021 dose trial?"
    )
    assert "enrolled" not in first_sentence(result.answer), result.answer


def test_a_guideline_asked_about_a_topic_answers_with_its_own_sentence_on_it(
    corpus_assistant,
) -> None:
    """A guideline named with a topic ("... advise on coming off baclofen?") is answered with its
    sentence on that topic, not with its headline position; an addiction guideline is about
    that use, so the off-label notice comes with the withdrawal one."""
    ans = corpus_assistant.ask(
        "What does the 2021 Australian alcohol guideline advise about coming off baclofen?"
    )
    assert re.search(r"abrupt", first_sentence(ans.answer), re.I), ans.answer
    assert {"withdrawal", "off_label"} <= {n.kind for n in ans.notices}, ans.notices


def test_whether_a_study_generalises_is_answered_with_its_own_limitation(corpus_assistant) -> None:
    """Asking whether a study's findings carry over elsewhere asks its limitations: its own
    sentence saying so, not its headline result."""
    ans = corpus_assistant.ask(
        "Could the Hwang 2023 encephalopathy results be generalised to patients elsewhere?"
    )
    first = first_sentence(ans.answer)
    assert re.search(r"one US health system|confounding", first), ans.answer
    assert "SHR" not in first, ans.answer


def test_how_much_weight_a_study_carries_is_why_its_evidence_is_weak(corpus_assistant) -> None:
    """ "How much weight has the account of one man?" asks why the study cannot settle the
    question (a single unblinded self-report), not what later trials found; the doctor whose
    book it was is the study's subject, not the asker's doctor."""
    ans = corpus_assistant.ask(
        "My husband read the book of the doctor who says he stopped drinking with huge doses of "
        "the muscle relaxer, and he wants to do the same. How much weight has the account of one "
        "man?"
    )
    first = first_sentence(ans.answer)
    assert ans.citations[0].source_id == "ameisen2005", ans.answer
    assert re.search(r"single|unblinded|cannot establish", first), ans.answer


def test_whether_a_finding_is_settled_and_what_should_come_next(corpus_assistant) -> None:
    """A follow-up asking whether a result "can be taken as settled" elsewhere is the study's
    limitation; "what did the authors say ought to happen next?" is the study they called for."""
    settled = corpus_assistant.ask(
        "so can that big gap between the groups be taken as settled for patients elsewhere?",
        history=["What did the Addolorato 2007 trial in cirrhosis find?"],
    )
    assert re.search(r"confirmation|single", first_sentence(settled.answer)), settled.answer
    following = corpus_assistant.ask(
        "so what did the authors say ought to happen next?",
        history=["What did the Morley 2014 trial of baclofen find?"],
    )
    assert "called for" in first_sentence(following.answer), following.answer


@pytest.mark.parametrize(
    ("asked", "history", "said"),
    [
        # a threshold asked: the sentence stating it
        (
            "and where did they draw the line for a big dose of the sedative?",
            ["What did the Lyon 2011 trial of baclofen in alcohol withdrawal find?"],
            r"20 mg or more",
        ),
        # why such doses were tried, and why people were followed so long: the background
        (
            "Why did the Dutch team try such high doses of baclofen in their study?",
            [],
            r"BACLAD",
        ),
        (
            "why keep following people for that long when the tablets only ran for 12 weeks?",
            ["What did the Ponizovsky 2015 Israeli trial of baclofen find?"],
            r"lasts for a year",
        ),
        # whether findings "carry over" to other patients: who the study left out
        (
            "that first small italian trial where drinkers got the muscle relaxer or dummy pills "
            "for a month: do its findings carry over to the sort of people a normal drink "
            "service sees?",
            [],
            r"typical clinic patients",
        ),
        # "the people who wrote it" are the subject, not "who wrote it?"; what they called for
        # may be told in the summary
        (
            "in that french look-back at heavy drinkers a year after they started big doses of "
            "the muscle relaxer, what did the people who wrote it say should be done next?",
            [],
            r"called for randomised",
        ),
        # "how many randomised trials did it pool?": the count pooled
        (
            "How many randomised trials did the 2018 Pierce meta-analysis of low- and high-dose "
            "baclofen pool?",
            [],
            r"\b13 trials\b",
        ),
    ],
)
def test_a_studys_detail_asked_in_other_words(
    corpus_assistant, asked: str, history: list[str], said: str
) -> None:
    ans = corpus_assistant.ask(asked, history=history)
    assert re.search(said, first_sentence(ans.answer)), ans.answer


def test_where_a_fact_was_published_is_the_sentence_naming_the_source(corpus_assistant) -> None:
    """ "According to which source ...?", "where was that written up?": the sentence that names
    the publication, not the fact again without it."""
    judges = corpus_assistant.ask(
        "According to which source did the Cergy-Pontoise judges consider in June 2020 that the "
        "Baclocur authorisation could stop treatment above 80 mg/day from continuing?"
    )
    assert "Pourquoi Docteur" in first_sentence(judges.answer), judges.answer
    baby = corpus_assistant.ask(
        "my sister took her spasm tablets right through her pregnancy. i read that the "
        "breastfeeding information mentions one tiny baby who needed medicine for coming off "
        "them. where was that written up?"
    )
    assert "Moran 2004" in first_sentence(baby.answer), baby.answer


def test_how_long_a_study_lasted_is_the_length_its_design_states(corpus_assistant) -> None:
    """The length the design states ("30 days", not 4.3 weeks), cited to the study's sentence
    giving it, not to one sharing its number in another sense ("30 mg/day"); "how long was each
    dose given?" asks one phase, not the whole study."""
    ans = corpus_assistant.ask("For how long did the Addolorato 2002 pilot give baclofen?")
    first = first_sentence(ans.answer)
    assert "30 days" in first, ans.answer
    assert re.search(r"30[- ]days?", ans.citations[0].quote), ans.citations[0].quote
    each = corpus_assistant.ask("In the Haney 2006 cocaine study, how long was each dose given?")
    assert "21 days" not in first_sentence(each.answer), each.answer


def test_blinding_no_source_gives_is_said_plainly(corpus_assistant) -> None:
    """'Was it blinded?' of a study whose sources give no blinding: 'Not reported', with the
    sentence saying so, instead of the study's result again."""
    ans = corpus_assistant.ask(
        "was it blinded?",
        history=["What did the Jose 2019 study comparing baclofen with topiramate find?"],
    )
    first = first_sentence(ans.answer)
    assert first.startswith("Not reported") and "blinding" in first, ans.answer
    blind = corpus_assistant.ask("Was ALPADIR double-blind?")
    assert first_sentence(blind.answer).startswith("Yes"), blind.answer
    # "double-blind" describing the study is not what is asked
    described = corpus_assistant.ask(
        "In the double-blind pilot study by Addolorato in 2002, how were the people who left "
        "early handled in the analysis?"
    )
    assert "double-blind" not in first_sentence(described.answer), described.answer


def test_a_why_follow_up_is_answered_with_the_reason(corpus_assistant) -> None:
    """'Why did the authors ...?' after a study's result keeps the study and gives the sentence
    that states the reason (with the one before when it says 'therefore'), not the result again."""
    caution = corpus_assistant.ask(
        "why did the authors say to be cautious about the result?",
        history=["What did the Heppe 2018 trial of baclofen for alcohol withdrawal find?"],
    )
    assert caution.plan.entities.trials == ["heppe2018_aws"], caution.plan
    # the reason: fewer patients than planned (in the authors' words or the record's limitation)
    assert re.search(r"fewer patients than planned|enrolment goal", caution.answer), caution.answer
    specialist = corpus_assistant.ask(
        "why did the authors want it kept to specialist services?",
        history=["What were the results of the Morley 2018 baclofen trial?"],
    )
    assert "overdose" in first_sentence(specialist.answer), specialist.answer


def test_changing_ones_own_dose_is_declined_with_the_reason(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "im on baclofen 15mg three times a day for MS cramps. can i make my evening dose 30mg?"
    )
    assert ans.abstained and "prescriber" in ans.answer, ans.answer
    assert "dosing" in [n.kind for n in ans.notices]


def test_a_share_asked_of_a_study_is_answered_alone(corpus_assistant) -> None:
    """'In what share of cases ...?' of a named review: the sentence with the share, without
    the review's headline after it."""
    ans = corpus_assistant.ask(
        "In the Jamshidi 2019 review of baclofen exposures reported to the New South Wales "
        "Poisons Information Centre, in what share of cases were other substances taken "
        "together with baclofen?"
    )
    assert "53%" in first_sentence(ans.answer), ans.answer
    assert len([ln for ln in ans.answer.splitlines() if ln.strip()]) == 1, ans.answer


def test_how_to_come_off_it_is_answered_with_the_way_down(corpus_assistant) -> None:
    """'How should it be tapered?' gets the label's gradual reduction, not the titration that
    ends with a word about tapering, and nothing else."""
    for q in (
        "How should baclofen be tapered?",
        "my dad wants to come off his baclofen after 2 years, how should he do it?",
    ):
        ans = corpus_assistant.ask(q)
        first = first_sentence(ans.answer)
        assert "gradual" in first and "three-day steps" not in ans.answer, (q, ans.answer)
        assert "withdrawal" in [n.kind for n in ans.notices]


def test_how_old_is_answered_with_the_age(corpus_assistant) -> None:
    """'How old were they?' after a study: the sentence giving their age, not the headline."""
    ans = corpus_assistant.ask(
        "how old were they?",
        history=["What did the Zahra 2024 study of baclofen-related deaths in Australia find?"],
    )
    assert "45.6" in first_sentence(ans.answer), ans.answer
    share = corpus_assistant.ask(
        "In the western France poison-centre series of 111 deliberate baclofen self-poisonings, "
        "what share of the reported symptoms were neurological?"
    )
    assert "45%" in first_sentence(share.answer), share.answer


def test_a_second_question_about_the_study_is_answered_too(corpus_assistant) -> None:
    """'Did it work, and how many stayed to the end?': the result, then the sentence with the
    figure the second part asks for; 'how many ..., and how many were intentional?' likewise."""
    ans = corpus_assistant.ask(
        "Did the Ponizovsky 2015 trial show any benefit, and how many were still taking part at "
        "one year?"
    )
    assert "no benefit" in first_sentence(ans.answer).lower(), ans.answer
    assert "37%" in ans.answer, ans.answer
    deaths = corpus_assistant.ask(
        "How many baclofen deaths did Zahra 2024 count, and how many were intentional?"
    )
    assert "102" in first_sentence(deaths.answer) and "54.9%" in deaths.answer, deaths.answer


def test_a_figure_asked_is_answered_with_the_sentence_giving_that_figure(corpus_assistant) -> None:
    """A pooled outcome and how many trials fed it: the sentence with that outcome's trials,
    not the review's total; a count ('how many had taken it?') from a sentence that words it
    otherwise ('exposed'); a count, not a rate, for 'how many were assessed?'."""
    pda = corpus_assistant.ask(
        "In the Pierce 2018 meta-analysis, what happened to percent days abstinent, and how many "
        "trials was that based on?"
    )
    assert "0.21" in first_sentence(pda.answer), pda.answer
    assert re.search(r"\b7\b[^.]*\btrials\b", pda.answer), pda.answer
    exposed = corpus_assistant.ask(
        "In the Chaignot 2018 French cohort of 165,334 patients, how many had taken baclofen?"
    )
    assert "47,614" in first_sentence(exposed.answer), exposed.answer
    assessed = corpus_assistant.ask(
        "how many patients were still being followed at 12 months?",
        history=["What did the Owens 2017 liver clinic cohort find?"],
    )
    assert "113" in first_sentence(assessed.answer), assessed.answer
    longer = corpus_assistant.ask(
        "how much longer were they in the ICU?",
        history=["What did the BACLOREA trial find?"],
    )
    assert "14 versus 11" in first_sentence(longer.answer), longer.answer


def test_how_they_knew_is_answered_with_how_it_was_measured(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "how did they know whether people had stopped drinking?",
        history=["What did the Owens 2017 UK cohort report?"],
    )
    assert "self-reported" in first_sentence(ans.answer), ans.answer


def test_a_date_alone_does_not_make_a_question_about_a_trial(corpus_assistant) -> None:
    """A court's June 2020 ruling is not the trial published in June 2020."""
    ans = corpus_assistant.ask("Why did the court in Cergy-Pontoise suspend Baclocur in June 2020?")
    assert ans.plan.entities.trials == [], ans.plan
    assert "reg_france_courts" in {c.source_id for c in ans.citations}, ans.answer


def test_does_the_same_go_for_asks_the_question_before_of_something_else(
    corpus_assistant,
) -> None:
    """'Does the same apply to the syrup?' after a half-life question: the oral solution's own
    half-life."""
    ans = corpus_assistant.ask(
        "does the same apply to the syrup?", history=["How long is baclofen's half-life?"]
    )
    assert "5.7" in first_sentence(ans.answer), ans.answer


def test_birth_defects_in_animals_is_a_pregnancy_question(corpus_assistant) -> None:
    """Harm to the unborn in animal studies is answered from the label's pregnancy section with
    the pregnancy notice, not from the animal studies of craving."""
    ans = corpus_assistant.ask("Has baclofen caused birth defects in lab animals?")
    assert {c.source_id for c in ans.citations} == {"label_pregnancy_lactation"}, ans.answer
    assert "omphalocele" in ans.answer, ans.answer
    assert "pregnancy" in [n.kind for n in ans.notices]


def test_the_first_placebo_trial_of_a_country_is_its_earliest_controlled_one(
    corpus_assistant,
) -> None:
    """'The first Italian study against dummy pills' is the earliest placebo-controlled Italian
    trial, not the open pilot before it."""
    ans = corpus_assistant.ask(
        "In the first Italian trial that tested baclofen against dummy pills in drinkers, what "
        "happened to anxiety?"
    )
    assert ans.plan.entities.trials == ["addolorato2002"], ans.plan
    assert "anxiety" in first_sentence(ans.answer), ans.answer


def test_a_named_statistic_is_answered_with_the_sentence_giving_it(corpus_assistant) -> None:
    """'What p value ...?' gets the sentence with that p value, not the headline's own."""
    ans = corpus_assistant.ask(
        "In Addolorato 2011, what was the p value for 60 mg/day beating 30 mg/day?"
    )
    assert "0.0214" in first_sentence(ans.answer), ans.answer


def test_a_study_named_by_author_and_year_then_a_detail(corpus_assistant) -> None:
    """'In Kiel 2015, how many ...?', 'In Boels 2017, how many were men?': the detail's
    sentence, not the study's size or headline."""
    kiel = corpus_assistant.ask(
        "In Kiel 2015, how many hospital admissions for baclofen poisoning were in the register?"
    )
    assert "38" in first_sentence(kiel.answer), kiel.answer
    sexes = corpus_assistant.ask("In Boels 2017, how many were male and how many female?")
    assert "49" in first_sentence(sexes.answer), sexes.answer


def test_still_drinking_on_it_is_the_alcohol_interaction(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "my husband is on baclofen for his drinking but he's still having a couple of beers "
        "every night, is that risky?"
    )
    assert ans.plan.intent == "interaction", ans.plan
    assert "alcohol" in first_sentence(ans.answer), ans.answer


def test_everyday_words_in_other_languages(corpus_assistant) -> None:
    """Oxycodone in Spanish, weakness in German: the interaction and the side effect."""
    es = corpus_assistant.ask(
        "Mi madre toma baclofeno y le han recetado oxicodona para el dolor. ¿Puede tomar las dos "
        "cosas a la vez?"
    )
    assert "respiratory depression" in first_sentence(es.answer), es.answer
    de = corpus_assistant.ask(
        "Mein Vater nimmt Baclofen, seine Beine sind schwach. Kann das vom Baclofen kommen?"
    )
    assert "weakness" in first_sentence(de.answer), de.answer


def test_an_effect_the_labels_list_names_is_answered_with_its_frequency(corpus_assistant) -> None:
    """'Can it cause headaches?', 'how often is insomnia reported?': that item of the label's
    list of frequencies, not the whole list; the list itself when the side effects are asked."""
    headache = corpus_assistant.ask("Is headache a side effect of baclofen?")
    assert headache.answer.startswith("Yes") and "4-8%" in headache.answer, headache.answer
    assert "insomnia" not in headache.answer, headache.answer
    how_often = corpus_assistant.ask("How frequently do baclofen tablets cause constipation?")
    first = first_sentence(how_often.answer)
    assert "2-6%" in first and not first.startswith("Yes"), how_often.answer
    listed = corpus_assistant.ask("What are the common side effects of baclofen?")
    assert "drowsiness" in first_sentence(listed.answer), listed.answer


def test_mixing_asked_in_other_words_and_languages_is_an_interaction(corpus_assistant) -> None:
    """'Verträgt sich ... mit Tramadol?', painkillers in Italian, 'his usual glass of wine':
    answered as interactions, not declined."""
    for q in (
        "Verträgt sich Baclofen mit Oxycodon?",
        "Posso prendere il baclofene con gli antidolorifici?",
        "my wife is on baclofen, can she have her usual beer after work?",
    ):
        ans = corpus_assistant.ask(q)
        assert not ans.abstained and ans.plan.intent == "interaction", (q, ans.answer)


def test_its_part_of_the_study_before_keeps_the_study(corpus_assistant) -> None:
    """'How many of its trials were at risk of ...?' after a review: that review's figure, not a
    list of all trials, however long the follow-up."""
    ans = corpus_assistant.ask(
        "how many of its included trials did the authors judge at risk of incomplete outcome data?",
        history=["What did Palpacuer and colleagues' 2018 network meta-analysis find?"],
    )
    assert ans.plan.entities.trials == ["palpacuer2018"], ans.plan
    assert "26" in first_sentence(ans.answer), ans.answer


def test_the_regulator_of_a_country_is_its_medicines_agency(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "What has the regulator in Australia told doctors about prescribing baclofen off-label?"
    )
    assert "reg_australia_tga" in {c.source_id for c in ans.citations}, ans.answer
    # a dose limit asked for a country: that country's own product information first, not an
    # overview naming the country (nor the US label's maximum), and no emergency notice
    top = corpus_assistant.ask("What is the maximum dose of baclofen in Australia?")
    assert top.citations[0].source_id == "reg_australia_tga", top.answer
    assert "100 mg" in first_sentence(top.answer), top.answer
    assert "emergency" not in [n.kind for n in top.notices]


def test_where_a_label_lists_something_is_not_an_answer_to_what_happens(corpus_assistant) -> None:
    """A sentence telling in which sections of the labels a warning sits is not given for a
    question about what the warning says."""
    ans = corpus_assistant.ask(
        "what happens to the baby if the mother stops it suddenly?",
        history=["Is baclofen safe in pregnancy?", "and breastfeeding?"],
    )
    assert "withdrawal" in first_sentence(ans.answer), ans.answer
    assert "sections" not in ans.answer, ans.answer


def test_a_study_commonly_cited_by_its_first_author_is_found_by_that_name(corpus_assistant):
    """A review whose author list is not verified is still found as 'Pierce 2018', the name it is
    commonly cited by, instead of being declined as another medicine's question."""
    ans = corpus_assistant.ask("What did Pierce 2018 find?")
    assert not ans.abstained and ans.plan.entities.trials == ["pierce2018"], ans.answer


def test_making_someone_sick_after_an_overdose_is_about_emptying_the_stomach(corpus_assistant):
    """'Should we make him sick to get it out?' after an overdose asks about emptying the stomach
    (an emergency), not about nausea as a side effect."""
    ans = corpus_assistant.ask(
        "my husband swallowed a lot of his baclofen tablets on purpose and is very sleepy. "
        "should i make him throw up to get them out?"
    )
    assert ans.plan.intent == "overdose", ans.plan
    assert "emergency" in {n.kind for n in ans.notices}, ans.notices
    assert "stomach" in ans.answer and "nausea" not in ans.answer, ans.answer


def test_how_to_keep_a_pump_from_stopping_is_answered_with_how_it_is_prevented(corpus_assistant):
    """A family told the pump must never stop asks what to do about it: the warning's prevention
    advice, with the withdrawal notice, not the harms again."""
    ans = corpus_assistant.ask(
        "my daughter has a baclofen pump in her tummy for her spasticity and we were told she "
        "could get very ill if it ever stops. how can we prevent that?"
    )
    assert "withdrawal" in {n.kind for n in ans.notices}, ans.notices
    assert "prevented" in first_sentence(ans.answer), ans.answer


def test_a_named_guideline_answers_in_whom_it_is_relatively_contraindicated(corpus_assistant):
    """'In whom does the Australian guideline call it relatively contraindicated?' is answered
    from that guideline, not with the US label's contraindication table."""
    ans = corpus_assistant.ask(
        "Según la guía australiana de 2021, ¿en qué pacientes es el baclofeno relativamente "
        "contraindicado?"
    )
    assert ans.route != "contraindications", ans.answer
    assert {c.source_id for c in ans.citations} == {"guideline_australia_2021"}, ans.answer


def test_a_follow_up_answered_by_the_line_just_said_gets_that_line(corpus_assistant) -> None:
    """'What about selective outcome reporting?' after an answer that gave both risks of bias is
    answered by that line again, alone, not by the study's headline as if nothing was asked."""
    history = [
        "What did the Palpacuer 2018 network meta-analysis find?",
        "how many of its trials were at risk of incomplete outcome data?",
    ]
    ans = corpus_assistant.ask("and selective outcome reporting?", history=history)
    assert "selective outcome reporting" in first_sentence(ans.answer), ans.answer
    assert len(ans.answer.splitlines()) == 1, ans.answer


def test_a_study_described_in_a_relatives_story_answers_the_last_question(corpus_assistant):
    """A story ('ex-army, has hep C, still drinks') then a question about 'the American study of
    men like him' finds that trial, and 'how many gave up the drink completely?' is answered with
    its abstinence figures, not its participants' description or the size field."""
    ans = corpus_assistant.ask(
        "my dad is an ex-soldier with hep c who still drinks. i heard the americans tested "
        "baclofen on veterans like him. how many of them stopped drinking completely?"
    )
    assert ans.plan.entities.trials == ["hauser2017"], ans.plan
    assert "completely abstinent" in first_sentence(ans.answer), ans.answer


def test_a_medicine_taken_for_something_is_named_without_its_purpose(corpus_assistant) -> None:
    """'ibuprofen for my back' is ibuprofen; naltrexone taken 'for alcohol' alongside baclofen is
    a combination no source documents, not a comparison between them, and the stated use for
    drinking brings the off-label notice."""
    back = corpus_assistant.ask("can i take ibuprofen for my back while on baclofen?")
    assert "baclofen and ibuprofen is documented" in back.answer, back.answer
    both = corpus_assistant.ask("can my brother take naltrexone with baclofen for his drinking?")
    assert first_sentence(both.answer).startswith("No interaction"), both.answer
    assert "off_label" in {n.kind for n in both.notices}, both.notices


def test_pregnancy_in_everyday_words_is_answered_from_the_pregnancy_record(corpus_assistant):
    """'30 weeks along', 'breastmilk', 'when I feed him': the pregnancy and lactation record
    answers, with the pregnancy notice, instead of a trial or a decline."""
    for q in (
        "my sister takes baclofen and is 30 weeks along, is that a problem?",
        "does baclofen get into breastmilk?",
        "will baclofen hurt my baby when I feed him?",
    ):
        ans = corpus_assistant.ask(q)
        assert not ans.abstained, (q, ans.answer)
        assert "label_pregnancy_lactation" in {c.source_id for c in ans.citations}, (q, ans.answer)
        assert "pregnancy" in {n.kind for n in ans.notices}, (q, ans.notices)


def test_respiratory_depression_is_not_a_yes_to_causing_depression(corpus_assistant) -> None:
    """'Can baclofen cause depression?' is not answered 'Yes' on the strength of a sentence about
    respiratory depression or antidepressants. (Since the label's rarer reactions joined the
    corpus, the mood is among them: "Yes, rarely", cited to that list, is the right answer.)"""
    ans = corpus_assistant.ask("Can baclofen cause depression?")
    first = first_sentence(ans.answer)
    assert not re.search(r"respiratory|antidepress|breathing", first, re.I), ans.answer
    if first.startswith("Yes"):
        assert first.startswith("Yes, rarely:") and " depression among" in first, ans.answer
        assert [c.source_id for c in ans.citations] == ["label_adverse_reactions"]


def test_a_starting_dose_and_dosing_in_kidney_disease_are_answered_as_asked(corpus_assistant):
    """'What starting dose ...?' is how to begin, not the maximum; 'how should it be dosed in
    kidney impairment?' is by how much to lower it, not how it is eliminated."""
    start = corpus_assistant.ask("What initial dose does the US label give for spasticity?")
    assert "5 mg three times" in first_sentence(start.answer), start.answer
    kidney = corpus_assistant.ask("How should baclofen be dosed in renal impairment?")
    assert re.search(r"one third|lower|reduc", first_sentence(kidney.answer)), kidney.answer


def test_falling_asleep_on_it_is_drowsiness_and_an_emergency_is_never_declined(corpus_assistant):
    """'Keeps falling asleep at the table: is it the tablets?' is drowsiness, the commonest
    reaction, with no emergency notice; someone very drowsy after baclofen and a bottle of wine
    is told to get help now, not that the library has no answer, and drinking on top of it is not
    a use for an addiction."""
    asleep = corpus_assistant.ask(
        "my dad takes baclofen and keeps falling asleep at the table, is that the tablets?"
    )
    assert "drowsiness" in first_sentence(asleep.answer), asleep.answer
    assert "emergency" not in {n.kind for n in asleep.notices}, asleep.notices
    wine = corpus_assistant.ask(
        "i took baclofen and drank a bottle of wine, i feel very drowsy, what should i do?"
    )
    assert not wine.abstained and wine.citations, wine.answer
    kinds = {n.kind for n in wine.notices}
    assert "emergency" in kinds and "off_label" not in kinds, kinds


# A study's detail, asked in the ways the sources do not word it, each answered in the first
# sentence by the sentence (or field) stating it rather than by the study's other figures.
_STUDY_DETAILS = [
    # a group counted ("how many of the cases were women?"), not the study's other counts
    ("In the Boels 2017 series, how many of the cases were women?", [], "49 in women"),
    # the figure at the time point asked, not the headline's other time points
    (
        "In de Beaurepaire's 2012 cohort, what proportion counted as improved at one year?",
        [],
        "63% after one year",
    ),
    # a span of time asked ("how long after ...?")
    (
        "In Lile 2004, how long after taking baclofen did the volunteers get their cocaine?",
        [],
        "1.5 hours",
    ),
    # a date other than the study's own year
    ("Until what date did Pierce 2018 search for trials?", [], "September 2017"),
    # a count the question itself gives (56 randomised) is not the answer
    (
        "how many patients were screened before the 56 were randomised?",
        ["What was the BACLAD trial?"],
        "93",
    ),
    # "how many were already dead?" is not the study's size
    (
        "of the deaths, how many had died before reaching hospital?",
        ["What did the Léger 2017 study find?"],
        "already dead",
    ),
    # the target dose of a named trial is its dose, not its primary outcome
    ("What was the target dose in Bacloville?", [], "300 mg/day"),
    # one thing a follow-up names, in the study's own words (counselling, psychosocial therapy,
    # depression for "mood"), not the headline again
    (
        "did the participants get any counselling too?",
        ["What did the Heinzerling 2006 methamphetamine trial find?"],
        "counselling",
    ),
    (
        "was there any talking therapy alongside the pills?",
        ["Tell me about Morley 2014."],
        "BRENDA",
    ),
    ("and what about their mood?", ["What did the Ponizovsky 2015 trial find?"], "depression"),
    # the arms' sizes, not the total; how many in each arm did something is not their size
    ("How many people were in each arm of ALPADIR?", [], "158 to baclofen"),
    ("How many were given baclofen and how many topiramate in Jose 2019?", [], "49"),
    ("How many in each arm dropped out of the Addolorato 2007 cirrhosis trial?", [], "6 of 42"),
    # a figure the question gives is in the sentence that answers it
    (
        "In the 2018 Cochrane review on baclofen for drinking, how many of the studies had taken in"
        " at least 100 participants?",
        [],
        "100 participants",
    ),
    # deaths asked of a study: its sentence on deaths, never a false "not reported"
    ("were there any deaths in the trial?", ["Tell me about BACLOREA."], "Mortality"),
    # "who did they recruit?" asks who took part, not who ran the study
    ("who did they recruit?", ["What did the Garbutt 2010 trial find?"], "enrolled"),
]


@pytest.mark.parametrize(("question", "history", "wanted"), _STUDY_DETAILS)
def test_a_study_detail_is_answered_by_the_sentence_stating_it(
    corpus_assistant, question: str, history: list[str], wanted: str
) -> None:
    ans = corpus_assistant.ask(question, history=history)
    assert wanted in first_sentence(ans.answer), ans.answer


def test_withdrawal_symptoms_are_baclofens_own_and_supporting_lines_stay_on_topic(
    corpus_assistant,
) -> None:
    """'What are the withdrawal symptoms of baclofen?' is stopping baclofen: not a newborn's
    withdrawal signs nor a trial treating alcohol withdrawal, in the lead or the lines after it;
    an approval answered for Australia is not followed by another country's line."""
    ans = corpus_assistant.ask("What are the withdrawal symptoms of baclofen?")
    assert "hallucinations" in first_sentence(ans.answer), ans.answer
    assert not re.search(r"\bbab(?:y|ies)|newborn", ans.answer), ans.answer
    assert all(not c.source_id.endswith("_aws") for c in ans.citations), ans.citations
    aus = corpus_assistant.ask("Is baclofen approved for alcohol use disorder in Australia?")
    assert len(aus.answer.splitlines()) == 1, aus.answer


def test_a_date_asked_of_a_named_thing_is_that_things_date(corpus_assistant) -> None:
    """'When did ANSM grant the RTU?': the RTU's date (March 2014), not Baclocur's authorisation,
    although that sentence shares the question's verb ('granted')."""
    ans = corpus_assistant.ask("When did ANSM grant the RTU?")
    lead = first_sentence(ans.answer)
    assert "2014" in lead and "Baclocur" not in lead, ans.answer


def test_a_poisoning_series_recorded_doses_it_did_not_give_them(corpus_assistant) -> None:
    """The doses of an overdose series were taken, not 'used' by the study; a series whose dose
    field has no amount answers how the amounts were known from its own sentence."""
    leung = corpus_assistant.ask("what doses did they take?", history=["What did Leung 2006 find?"])
    lead = first_sentence(leung.answer)
    assert "2500 mg" in lead and " used " not in lead, leung.answer
    matched = corpus_assistant.ask(
        "how did they find out how much each patient had swallowed?",
        history=["What did the 2013 matched study of baclofen overdoses find?"],
    )
    lead = first_sentence(matched.answer)
    assert "self-reported" in lead or "reported by the patient" in lead, matched.answer
    assert " used " not in lead, matched.answer


def test_the_amounts_taken_in_a_poisoning_series_follow_up(corpus_assistant) -> None:
    """'How much had the patients taken?' after a poisoning series: that series' recorded
    amounts (the patients are its patients, though the question names baclofen), with the
    emergency notice of a poisoning question."""
    ans = corpus_assistant.ask(
        "how much baclofen had the patients taken?",
        history=["What did the Franchitto 2014 series find?"],
    )
    assert "340 mg" in first_sentence(ans.answer), ans.answer
    assert {c.source_id for c in ans.citations} == {"franchitto2014"}, ans.citations
    assert "emergency" in {n.kind for n in ans.notices}, ans.notices


def test_when_something_was_approved_is_the_date_of_the_approval(corpus_assistant) -> None:
    """'When was baclofen approved in France for alcohol?': the authorisation's own date (October
    2018), not a sentence dating something else that mentions the authorised product (the RTU
    ending in June 2020 when the authorised product was launched)."""
    ans = corpus_assistant.ask("When did France authorise baclofen for alcohol dependence?")
    lead = first_sentence(ans.answer)
    assert "2018" in lead and "2020" not in lead, ans.answer
    # only when the date is all that is asked: a second part keeps the sentence answering it
    from assistant.answering.compose.slots import _SECOND_PART

    assert _SECOND_PART.search("When was it approved, and what was the maximum dose?")
    assert _SECOND_PART.search("When was it licensed? Is it still sold?")
    assert not _SECOND_PART.search("When was it approved for alcohol and opioid use?")


def test_a_follow_up_on_an_overdose_or_elimination_keeps_its_subject(corpus_assistant) -> None:
    """'how often is it fatal?' after the overdose signs is still an overdose question (the
    emergency notice), not a dosing one; 'is that by filtration?' after elimination is answered."""
    fatal = corpus_assistant.ask(
        "how often is it fatal?", history=["What are the signs of a baclofen overdose?"]
    )
    assert fatal.plan.intent == "overdose", fatal.plan
    assert "emergency" in {n.kind for n in fatal.notices}, fatal.notices
    filtered = corpus_assistant.ask(
        "is that by filtration or is it secreted?",
        history=["How is baclofen eliminated from the body?"],
    )
    assert not filtered.abstained and "filtration" in filtered.answer, filtered.answer


def test_which_trials_compared_doses_or_ran_in_a_country(corpus_assistant) -> None:
    """'Which trials compared different doses?' lists the trials with two baclofen arms, each
    of them; 'have any trials been done in the United States?' lists the US ones."""
    doses = corpus_assistant.ask(
        "Which trials compared different doses of baclofen for alcohol dependence?"
    )
    lead = first_sentence(doses.answer)
    for name in ("Addolorato et al. 2011", "Garbutt et al. 2021", "Beraha et al. 2016"):
        assert name in lead, doses.answer
    for name in ("Bacloville", "ALPADIR", "Garbutt et al. 2010"):
        assert name not in lead, doses.answer
    us = corpus_assistant.ask(
        "Have any baclofen trials for alcohol been done in the United States?"
    )
    assert us.plan.intent == "which_trials", us.plan
    assert "Garbutt" in first_sentence(us.answer) and "BACLOREA" not in us.answer, us.answer


def test_first_line_is_a_question_for_the_guidelines(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "Is baclofen a first-line medicine for alcohol use disorder in Australia?"
    )
    assert ans.plan.intent == "regulation", ans.plan
    assert "second-line" in ans.answer and "Cochrane" not in ans.answer, ans.answer


# Plain questions whose answer is a kind of sentence the closest one is not: the label's own
# steps for an unplaced dosing question, the exception a source makes, what something is used
# for, harm to the unborn, damage to an organ.
_ANSWER_KINDS = [
    # no country asked: the US label's steps, not the Australian guideline's "slowly"
    ("How often can the baclofen dose be increased when it is being started?", "three-day"),
    # "ever acceptable?": the exception, not a flat "No"
    ("Is it ever acceptable to stop baclofen abruptly instead of tapering it?", "unless a serious"),
    # what the pump is for, not its boxed warning
    (
        "my wife has really bad stiffness from her ms and the neurologist mentioned a baclofen "
        "pump. what is the pump actually for?",
        "severe spasticity",
    ),
    # teratogenic: the pregnancy row (animal data, no adequate human data), not a decline
    ("Is baclofen teratogenic?", "omphaloceles"),
    # damage to the liver asked by a drinker's relative: an effect, not the drinking results
    (
        "does baclofen damage your liver? my dad takes it for his drinking and his liver is "
        "already bad",
        "hepatic",
    ),
]


@pytest.mark.parametrize(("question", "wanted"), _ANSWER_KINDS)
def test_the_first_sentence_is_the_kind_of_answer_asked(
    corpus_assistant, question: str, wanted: str
) -> None:
    ans = corpus_assistant.ask(question)
    assert wanted in first_sentence(ans.answer), ans.answer
    if "ever acceptable" in question:
        assert not ans.answer.startswith("No"), ans.answer


# Questions of development set 11's shapes: an everyday symptom put down to the tablets, a
# relative's story around a regulatory question, substances "other than" one, a comparison left
# open after a trial, a stomach "washed out", "by how much", "what percentage".
_EVERYDAY_AND_CONTEXT = [
    (
        "ive been on baclofen for my ms for a few weeks and im really constipated. could it be "
        "the tablets?",
        [],
        "constipation",
    ),
    (
        "my uncle in france says baclofen for drinking got banned there after a court case. is "
        "that true?",
        [],
        "annulled",
    ),
    (
        "how many of them needed their stomach washed out?",
        ["What did the Franchitto 2014 overdose series find?"],
        "gastric lavage",
    ),
    (
        "so by how much should the dose be cut in moderate CKD?",
        ["how does kidney function change baclofen levels?"],
        "one half in moderate",
    ),
    ("¿Qué porcentaje de una dosis de baclofeno se elimina por la orina?", [], "70-80%"),
    ("Did baclofen cause omphaloceles in mice or rabbits?", [], "rabbits"),
]


@pytest.mark.parametrize(("question", "history", "wanted"), _EVERYDAY_AND_CONTEXT)
def test_everyday_words_and_context_reach_the_sentence_that_answers(
    corpus_assistant, question: str, history: list[str], wanted: str
) -> None:
    ans = corpus_assistant.ask(question, history=history)
    assert not ans.abstained and wanted in first_sentence(ans.answer), ans.answer


def test_notices_follow_what_the_everyday_words_mean(corpus_assistant) -> None:
    """A poisoning series' follow-up keeps the emergency notice; urine is not kidney disease;
    trying for a baby is a pregnancy question."""
    washed = corpus_assistant.ask(
        "how many of them needed their stomach washed out?",
        history=["What did the Franchitto 2014 overdose series find?"],
    )
    assert "emergency" in {n.kind for n in washed.notices}, washed.notices
    urine = corpus_assistant.ask(
        "¿Qué porcentaje de una dosis de baclofeno se elimina por la orina?"
    )
    assert "renal" not in {n.kind for n in urine.notices}, urine.notices
    baby = corpus_assistant.ask(
        "my wife takes baclofen for her ms and we want to try for a baby. does she have to come "
        "off it first?"
    )
    assert "pregnancy" in {n.kind for n in baby.notices}, baby.notices


def test_trials_other_than_one_substance_and_a_liver_test_the_study_reports(
    corpus_assistant,
) -> None:
    """'For drugs other than alcohol' lists the other substances' trials; a liver test a study
    reports (in other words) is never called unreported."""
    others = corpus_assistant.ask(
        "Which placebo-controlled baclofen trials for drugs other than alcohol found no benefit?"
    )
    lead = first_sentence(others.answer)
    assert "Kahn" in lead and "Garbutt" not in lead, others.answer
    liver = corpus_assistant.ask("Did liver enzymes improve in the Owens 2017 cohort?")
    assert "Not reported" not in liver.answer and "liver tests improved" in liver.answer


def test_how_common_an_effect_is_and_an_effect_asked_in_a_group(corpus_assistant) -> None:
    """'How common is confusion?' (and in German) is the label's rate for confusion, although
    confusion is also a word of a condition; 'confusion in kidney disease' is never called
    unreported (the effect is asked, the group is who); the kidneys' clearance is no renal
    notice."""
    for q in (
        "How common is confusion on baclofen?",
        "Wie häufig verursacht Baclofen Verwirrtheit?",
    ):
        ans = corpus_assistant.ask(q)
        assert "confusion in 1-11%" in first_sentence(ans.answer), ans.answer
    ckd = corpus_assistant.ask("Does baclofen cause confusion in kidney disease?")
    assert "Not reported" not in ckd.answer, ckd.answer
    clearance = corpus_assistant.ask("What is the renal clearance of baclofen?")
    assert "renal" not in {n.kind for n in clearance.notices}, clearance.notices


def test_a_newborns_signs_told_in_everyday_words_are_its_withdrawal(corpus_assistant) -> None:
    """'Born last week and really jittery, my daughter takes baclofen: what will they give
    her?' is a newborn's withdrawal (its treatment, the pregnancy and withdrawal notices), never
    declined and never answered with adults' dosing or stopping."""
    for q in (
        "my granddaughter was born last week and shes really jittery, my daughter takes "
        "baclofen, what will they give her?",
        "our baby is a few days old and keeps shaking, i took baclofen the whole time. what do "
        "they do for that?",
    ):
        ans = corpus_assistant.ask(q)
        assert not ans.abstained and re.search(r"neonatal|babies|infant", ans.answer), ans.answer
        assert {"pregnancy", "withdrawal"} <= {n.kind for n in ans.notices}, ans.notices
        assert "mg per day" not in ans.answer, ans.answer


def test_what_they_do_in_hospital_for_an_overdose_is_its_care(corpus_assistant) -> None:
    """'What do they do in hospital?' after the overdose signs, and 'what do they do in A&E if
    someone has taken too many baclofen tablets?', are answered with the care (no antidote,
    supportive care), not with how often patients needed intensive care."""
    after = corpus_assistant.ask(
        "what do they do in hospital?", history=["What are the signs of a baclofen overdose?"]
    )
    assert "supportive care" in first_sentence(after.answer), after.answer
    ae = corpus_assistant.ask(
        "what do they do in A&E if someone has taken too many baclofen tablets?"
    )
    assert ae.plan.intent == "overdose" and "supportive care" in first_sentence(ae.answer)


def test_a_countrys_trials_and_when_an_effect_begins(corpus_assistant) -> None:
    """'A big French study proved it works?' lists France's placebo-controlled trials with each
    result (ALPADIR's null one too, not only the positive ones whose populations say 'French');
    'how soon should his cravings ease?' is when the effect began, not the pilot's design;
    'absorbed completely at higher doses?' is the label's 'less complete at higher doses'."""
    french = corpus_assistant.ask(
        "i heard a big french study proved baclofen works for drinking. is that true?"
    )
    lead = first_sentence(french.answer)
    assert "Bacloville" in lead and "ALPADIR" in lead, french.answer
    onset = corpus_assistant.ask(
        "my husband has just started baclofen for his drinking. how soon should his cravings "
        "start to ease?"
    )
    assert "first week" in first_sentence(onset.answer), onset.answer
    absorbed = corpus_assistant.ask("Is oral baclofen absorbed completely at higher doses?")
    assert "less complete at higher doses" in first_sentence(absorbed.answer), absorbed.answer


def test_a_secondary_outcome_asked_of_a_study_named_by_its_country(corpus_assistant) -> None:
    """'Did anxiety decrease in the American trial of Garbutt 2010?' (asked in French) is the
    anxiety result, not a 'No' from the null primary outcome: the country naming the study is
    not what is asked."""
    ans = corpus_assistant.ask(
        "L'anxiété a-t-elle diminué sous baclofène dans l'essai américain de Garbutt 2010 ?"
    )
    assert "anxiety" in first_sentence(ans.answer), ans.answer
    assert not ans.answer.startswith("No"), ans.answer


def test_a_claim_heard_and_a_rate_per_hundred_are_asked_as_such(corpus_assistant) -> None:
    """'I read that baclofen only works for women ... is that true?' asks the claim (the sex
    difference of Garbutt 2021 is in the answer); 'if 100 people take it, how many will it
    help?' is a rate, not the 100-patient cohort."""
    heard = corpus_assistant.ask(
        "i read that baclofen only works for women when it comes to drinking. me and my wife "
        "both drink too much, is that true?"
    )
    assert "in women" in heard.answer, heard.answer
    hundred = corpus_assistant.ask(
        "if 100 people take baclofen to stop drinking, how many will it actually help?"
    )
    assert "debeaurepaire2012" not in hundred.plan.entities.trials, hundred.plan
    assert "Cochrane" in first_sentence(hundred.answer), hundred.answer


# Lay questions of development set 12: harm to an unborn baby, a forklift, a "miracle cure".
_LAY_SITUATIONS = [
    (
        "just found out im about 6 weeks pregnant and ive been on baclofen for my ms spasms the "
        "whole time. have i hurt the baby?",
        "no adequate human data",
    ),
    (
        "i drive a forklift at work and my gp just started me on baclofen for my back. am i ok to "
        "keep working",
        "machinery",
    ),
    (
        "my sister reckons baclofen is a miracle cure for booze, her mates not touched a drop "
        "since he started it. is it really that good?",
        "71%",
    ),
]


@pytest.mark.parametrize(("question", "wanted"), _LAY_SITUATIONS)
def test_everyday_situations_reach_the_label_or_the_evidence(
    corpus_assistant, question: str, wanted: str
) -> None:
    ans = corpus_assistant.ask(question)
    assert not ans.abstained and wanted in first_sentence(ans.answer), ans.answer


def test_a_follow_up_naming_a_country_or_dropouts_stays_with_the_studies(corpus_assistant) -> None:
    """'And in Denmark?' after a French poisoning series is the Danish series; 'how many dropped
    out?' of a study whose record says who stopped and who did not complete is never called
    unreported."""
    denmark = corpus_assistant.ask(
        "and in Denmark?", history=["What did the Léger 2017 study find?"]
    )
    assert denmark.plan.entities.trials == ["kiel2015"], denmark.plan
    dropped = corpus_assistant.ask(
        "and how many dropped out?",
        history=["What did the 2004 North Carolina open-label baclofen study find?"],
    )
    assert "Not reported" not in dropped.answer, dropped.answer


def test_overdose_care_asked_in_general_is_answered_not_told_to_call(corpus_assistant) -> None:
    """'What is given for fits after a baclofen overdose?' is the care (a benzodiazepine for
    seizures); 'does haemodialysis help in an overdose?' is a question about a treatment, not a
    cry for help: no call-now line opens it."""
    fits = corpus_assistant.ask("What is given for fits after a baclofen overdose?")
    assert "diazepam" in first_sentence(fits.answer), fits.answer
    dialysis = corpus_assistant.ask("Does haemodialysis help in baclofen overdose?")
    assert not dialysis.answer.startswith("Call"), dialysis.answer
    assert "haemodialysis" in first_sentence(dialysis.answer), dialysis.answer


def test_a_single_sleeping_pill_is_a_sedative_taken_alongside(corpus_assistant) -> None:
    ans = corpus_assistant.ask("is it ok to take baclofen and a sleeping pill")
    assert ans.plan.intent == "interaction" and not ans.abstained, ans.answer
    assert "depressant" in first_sentence(ans.answer), ans.answer


def test_a_count_in_words_answers_how_many(corpus_assistant) -> None:
    """ "How many of the five ...?": the sentence that says "three" in words answers it, not a
    sentence with other figures in digits."""
    got = corpus_assistant.ask(
        "In the Jamshidi 2019 case series, how many of the five overdoses involved baclofen "
        "obtained for alcohol use disorder?"
    )
    first = first_sentence(got.answer)
    assert re.search(r"\bthree\b", first) and "alcohol use disorder" in first, got.answer
    assert got.citations[0].source_id == "jamshidi2019"


def test_a_drug_screen_question_is_declined_not_answered_with_a_trials_urine_tests(
    corpus_assistant,
) -> None:
    """No source says whether baclofen shows up on a drug screen: one sentence saying so, not a
    trial's urine tests for opioids; a trial's urine-test outcome is still answered."""
    for q in (
        "will baclofen show up on a drug test?",
        "would I fail a drug test at work if I take baclofen?",
    ):
        got = corpus_assistant.ask(q)
        assert got.route == "decline" and "drug screening" in got.answer, got.answer
        assert not got.citations
    outcome = corpus_assistant.ask("Did baclofen reduce cocaine-positive urine tests?")
    assert outcome.route != "decline" and outcome.citations, outcome.answer


def test_a_price_or_chemistry_question_is_declined_in_one_sentence(corpus_assistant) -> None:
    """No source gives a price or the chemical name: one sentence saying so, not a brand's
    approval or a trade name; a reimbursement question, which a source answers, is not declined."""
    for q, said in (
        ("is baclofen cheap to buy without insurance?", "costs"),
        ("what's the structural formula of baclofen?", "chemical name"),
    ):
        got = corpus_assistant.ask(q)
        assert got.route == "decline" and said in got.answer, got.answer
        assert not got.citations and len(got.answer.splitlines()) == 1
    paid = corpus_assistant.ask("Does French health insurance pay for Baclocur?")
    assert paid.route != "decline" and paid.citations, paid.answer


def test_people_counted_by_a_finding_are_not_the_studys_size(corpus_assistant) -> None:
    """ "In how many patients was the amount taken unknown?" counts people by a finding, in any
    of the languages read; "how many patients were in it?" still asks the study's size."""
    for q in (
        "In the Leung 2006 overdose series, in how many patients was the amount taken unknown?",
        "En la serie de Leung 2006, ¿en cuántos pacientes se desconocía la cantidad ingerida?",
        "Dans la série de Leung 2006, chez combien de patients la quantité ingérée était inconnue ?",
        "Nella serie di Leung 2006, in quanti pazienti la quantità ingerita era sconosciuta?",
    ):
        ans = corpus_assistant.ask(q)
        assert re.search(r"\bunknown in (?:4|four)\b", first_sentence(ans.answer)), (q, ans.answer)
    size = corpus_assistant.ask("How many patients were in the Leung 2006 series?")
    assert "23" in first_sentence(size.answer), size.answer


def test_why_a_study_was_done_whom_it_covers_and_whether_it_came_first(corpus_assistant) -> None:
    """Why a study was done, whether its results cover someone, and whether it was the first:
    answered from the record's background and limitations, not from its headline result."""
    why = corpus_assistant.ask(
        "Why did Jose and his co-authors think it worth setting baclofen against topiramate?"
    )
    assert "GABA" in first_sentence(why.answer), why.answer
    older = corpus_assistant.ask(
        "Would the Chaignot 2018 findings hold for someone like my grandmother, who is 80?"
    )
    assert "over 70" in first_sentence(older.answer), older.answer
    first = corpus_assistant.ask(
        "Was Addolorato's 2000 pilot the first human study of baclofen for alcohol craving?"
    )
    assert "first clinical test" in first_sentence(first.answer), first.answer
    for ans in (why, older, first):
        _check_citations(ans, corpus_assistant.store)


def test_an_outcome_asked_of_a_study_is_answered_without_its_headline(corpus_assistant) -> None:
    """Asked about one outcome of a study, the sentence stating it is the answer; the study's
    headline result (another outcome) is not added, unless the question asks for it too."""
    anxiety = corpus_assistant.ask("Was anxiety any different on baclofen in Garbutt's 2010 trial?")
    assert "anxiety" in first_sentence(anxiety.answer), anxiety.answer
    assert len(anxiety.answer.splitlines()) == 1, anxiety.answer
    both = corpus_assistant.ask(
        "Did baclofen work in Garbutt's 2010 trial, and what happened to anxiety?"
    )
    assert "no benefit" in both.answer and "anxiety" in both.answer, both.answer


def test_a_follow_up_answered_by_its_first_sentence_takes_no_line_for_the_earlier_turn(
    corpus_assistant,
) -> None:
    """A further line must answer what this turn asks; the earlier question searched with it
    ("how does the body get rid of it?") does not earn a line of its own."""
    ans = corpus_assistant.ask(
        "is that mainly filtration by the kidneys?",
        history=["How does the body get rid of baclofen?"],
    )
    assert "filtration" in first_sentence(ans.answer), ans.answer
    assert len(ans.answer.splitlines()) == 1, ans.answer


def test_a_comparison_answers_what_was_compared_and_not_one_side_of_it(corpus_assistant) -> None:
    """Asked whether baclofen beats another medicine at keeping people sober, the answer says no
    trial compared them on drinking and names the one observational comparison, without its
    safety figures (asked about deaths, it gives them); an indirect line is the review's own
    sentence comparing the two, not baclofen's result against placebo alone."""
    sober = corpus_assistant.ask("Does baclofen beat acamprosate at keeping people sober?")
    first = first_sentence(sober.answer)
    assert first.startswith("No study here compared") and "HR" not in first, sober.answer
    assert "71%" not in sober.answer, sober.answer  # (baclofen against placebo: one side)
    died = corpus_assistant.ask(
        "Were people on high-dose baclofen more likely to die than people on acamprosate?"
    )
    assert "HR 2.72" in died.answer, died.answer
    for ans in (sober, died):
        _check_citations(ans, corpus_assistant.store)


def test_a_comparator_dose_a_countrys_own_maximum_and_dialysis(corpus_assistant) -> None:
    """The comparison arm's dose comes from the study's dose field; a country's maximum dose
    takes no line from another country's label; on dialysis the advice to avoid baclofen there
    leads, the US label's general caution follows (for kidney disease in general the label
    leads)."""
    clonidine = corpus_assistant.ask(
        "how much clonidine did the comparison group get?",
        history=["What did the clonidine study show?"],
    )
    assert "0.8 mg/day" in first_sentence(clonidine.answer), clonidine.answer
    australia = corpus_assistant.ask("What is the maximum dose of baclofen in Australia?")
    assert "this label maximum" not in australia.answer, australia.answer
    assert "label_dosing" not in {c.source_id for c in australia.citations}, australia.answer
    dialysis = corpus_assistant.ask("Can baclofen be given to a patient on dialysis?")
    assert "dialysis" in first_sentence(dialysis.answer), dialysis.answer
    assert "avoid" in first_sentence(dialysis.answer), dialysis.answer
    kidneys = corpus_assistant.ask("Is baclofen safe in kidney disease?")
    assert "US label" in first_sentence(kidneys.answer), kidneys.answer
    for ans in (clonidine, australia, dialysis, kidneys):
        _check_citations(ans, corpus_assistant.store)


def test_what_a_study_cannot_tell_asked_in_everyday_words(corpus_assistant) -> None:
    """Whether a laboratory study predicts someone trying to quit, whether an ICU trial shows it
    will keep someone off drink at home, whether deaths can be put down to the tablets alone:
    the study's own limitation sentence, not its headline result."""
    lab = corpus_assistant.ask(
        "that lab study where daily weed smokers got the muscle relaxer and then could buy "
        "joints again, does it tell us what would happen to someone who is actually trying to quit?"
    )
    assert "not seeking treatment" in first_sentence(lab.answer), lab.answer
    icu = corpus_assistant.ask(
        "my uncle got the muscle relaxer in intensive care as part of that french trial for heavy "
        "drinkers on breathing machines. does that trial show it will help him stay off the drink "
        "now he's home?"
    )
    assert "short-term ICU use" in first_sentence(icu.answer), icu.answer
    deaths = corpus_assistant.ask(
        "in that australian study of people who died with the spasm tablets in their system, can "
        "they say the tablets on their own killed them?"
    )
    assert "other substances" in deaths.answer, deaths.answer
    for ans in (lab, icu, deaths):
        _check_citations(ans, corpus_assistant.store)


def test_a_registry_entry_and_what_an_open_study_cannot_show(corpus_assistant) -> None:
    """A trial's registration number and its registry status come from the study's own sentence
    naming the registry; whether an open pilot can put a change down to baclofen itself, and
    whether a study pitted against other medicines had enough people to tell them apart, come
    from its limitation sentences."""
    number = corpus_assistant.ask(
        "was that study listed on a public trials register, and if so under what number?",
        history=[
            "What did the 2007 Lancet trial of baclofen in heavy drinkers with cirrhosis show?"
        ],
    )
    assert "NCT00525252" in first_sentence(number.answer), number.answer
    status = corpus_assistant.ask(
        "How is the Heppe study listed in the trial registry: as completed or as terminated?"
    )
    assert "terminated" in first_sentence(status.answer), status.answer
    pilot = corpus_assistant.ask(
        "Can the Addolorato 2000 open pilot attribute the fall in alcohol craving to baclofen itself?"
    )
    assert "no control group" in first_sentence(pilot.answer), pilot.answer
    small = corpus_assistant.ask(
        "that old russian study that pitted the spasm pill against valium and an antidepressant, "
        "were there enough people in it to tell the drugs apart properly?"
    )
    assert "small sample" in first_sentence(small.answer), small.answer
    for ans in (number, status, pilot, small):
        _check_citations(ans, corpus_assistant.store)


def test_sedating_medicines_foreign_names_veterans_and_a_dose_not_given(corpus_assistant) -> None:
    """A sedating antipsychotic is one of the CNS depressants the label warns about; a tricyclic
    named the Spanish way is still a tricyclic; ex-soldiers are veterans; a study whose sources
    give no dose says so."""
    quetiapine = corpus_assistant.ask("He takes quetiapine at night; should baclofen be avoided?")
    assert "CNS depressant" in quetiapine.answer, quetiapine.answer
    assert not quetiapine.answer.startswith("No interaction"), quetiapine.answer
    spanish = corpus_assistant.ask("Mi madre toma amitriptilina, ¿puede tomar baclofeno?")
    assert "tricyclic" in first_sentence(spanish.answer), spanish.answer
    veterans = corpus_assistant.ask(
        "the one with ex-soldiers who had hepatitis, did the muscle relaxer help them cut down?"
    )
    assert "hauser2017" in {c.source_id for c in veterans.citations}, veterans.answer
    doses = corpus_assistant.ask(
        "What daily doses of baclofen and topiramate were used in the Jose 2019 comparison?"
    )
    assert first_sentence(doses.answer).startswith("Not reported"), doses.answer
    for ans in (quetiapine, spanish, veterans, doses):
        _check_citations(ans, corpus_assistant.store)


def test_a_child_who_swallowed_tablets_asked_in_italian_is_answered_as_an_emergency(
    corpus_assistant,
) -> None:
    """Danger read from another language is never turned away: the call-now line first."""
    ans = corpus_assistant.ask("Mio figlio ha ingerito delle compresse di baclofene per sbaglio")
    assert "emergency" in {n.kind for n in ans.notices}, ans.notices
    assert first_sentence(ans.answer).startswith("Call your local emergency number"), ans.answer
    pregnant = corpus_assistant.ask("Estoy embarazada, ¿puedo seguir con el baclofeno?")
    assert "pregnan" in first_sentence(pregnant.answer), pregnant.answer


def test_when_a_study_ran_and_how_the_comparator_was_wound_down(corpus_assistant) -> None:
    """The period a study ran over comes from its sentence giving the dates; how the comparator
    was wound down, from its sentence on the tapering."""
    period = corpus_assistant.ask("Over what period was the Bacloville trial carried out?")
    assert "June 2012" in first_sentence(period.answer), period.answer
    taper = corpus_assistant.ask(
        "how was the diazepam wound down towards the end?",
        history=[
            "What did the Italian 2006 study comparing baclofen with diazepam for alcohol withdrawal find?"
        ],
    )
    assert "25%" in first_sentence(taper.answer), taper.answer
    for ans in (period, taper):
        _check_citations(ans, corpus_assistant.store)


def test_interactions_asked_loosely_are_answered_not_declined(corpus_assistant) -> None:
    """ "Baclofen + zolpidem, is that ok?", "can I take baclofen and codeine?", "what shouldn't
    you take with baclofen?", "does it clash with anything?": the label's interaction sentences,
    never a decline."""
    for question, said in (
        ("baclofen + zolpidem, is that ok?", "CNS depressants"),
        ("can i take baclofen and codeine?", "opioids"),
        ("what shouldn't you take with baclofen?", "CNS depressants"),
        ("does the spasm drug clash with anything?", "CNS depressants"),
    ):
        ans = corpus_assistant.ask(question)
        assert not ans.abstained and said in ans.answer, (question, ans.answer)
        _check_citations(ans, corpus_assistant.store)


@pytest.mark.parametrize(
    "question",
    [
        "Should baclofen be taken on an empty stomach?",
        "Should I take baclofen with food?",
        "Can baclofen tablets be crushed?",
        "What time of day should baclofen be taken?",
    ],
)
def test_how_a_dose_is_taken_is_declined_when_no_source_says(corpus_assistant, question) -> None:
    """No curated source says how a dose is taken with food or at what hour: the answer says the
    library does not answer, not a rat study's food responding or an overdose's stomach emptying
    (with an emergency notice)."""
    ans = corpus_assistant.ask(question)
    assert ans.abstained, ans.answer
    assert "emergency" not in {n.kind for n in ans.notices}, ans.notices


def test_a_country_no_record_covers_is_named_as_such(corpus_assistant) -> None:
    """'The maximum dose in Germany?': no German label here; the answer says so before giving the
    US label's maximum, instead of passing it off as Germany's."""
    ans = corpus_assistant.ask("What is the maximum dose of baclofen in Germany?")
    first = first_sentence(ans.answer)
    assert first.startswith("Not stated for Germany"), ans.answer
    assert "80 mg" in first, ans.answer
    named = corpus_assistant.ask("What was the maximum dose in the German BACLAD trial?")
    assert "Not stated for" not in named.answer, named.answer  # (a study, named by its country)


def test_which_company_made_it_names_the_maker(corpus_assistant) -> None:
    ans = corpus_assistant.ask("which drug company first made baclofen back in the sixties?")
    assert "Ciba" in first_sentence(ans.answer), ans.answer
    assert not corpus_assistant.ask("Which company markets Baclocur?").abstained


def test_a_story_question_is_answered_for_what_it_asks(corpus_assistant) -> None:
    """'my mum ... stiff legs. can she get back behind the wheel?': the label's driving advice,
    not the drowsiness frequency."""
    ans = corpus_assistant.ask(
        "my mum has just been put on the spasm tablets by her GP for her stiff legs. can she get "
        "straight back behind the wheel, or should she hold off for a bit?"
    )
    assert re.search(r"\bdrive\b", first_sentence(ans.answer)), ans.answer


def test_a_past_suicide_attempt_is_history_not_an_emergency(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "my brother in sydney is getting the muscle relaxer for his grog problem, and he once "
        "tried to end his life. does the aussie information sheet say anything about people like "
        "him?"
    )
    assert not ans.answer.startswith(("Call", "If you")), ans.answer
    assert "supervision" in first_sentence(ans.answer), ans.answer


def test_the_main_finding_of_a_trial_is_its_headline(corpus_assistant) -> None:
    """'What was the main finding of Bacloville?': its result, not a commentary sentence that
    happens to say 'main'."""
    ans = corpus_assistant.ask("What was the main finding of the Bacloville trial?")
    assert "57%" in first_sentence(ans.answer), ans.answer


def test_can_she_just_stop_baclofen_is_a_withdrawal_question(corpus_assistant) -> None:
    """On baclofen for a year for her drinking, 'can she just stop?': how to come off it, with the
    withdrawal notice, not whether baclofen works for alcohol."""
    ans = corpus_assistant.ask(
        "my wife has been on baclofen for her drinking for a year and wants to stop. can she just "
        "stop?"
    )
    assert ans.plan.intent == "withdrawal", ans.plan
    assert "withdrawal" in {n.kind for n in ans.notices}, ans.notices
    assert re.search(r"gradual|taper", first_sentence(ans.answer)), ans.answer


def test_a_dialysis_patient_asking_a_dose_gets_the_dialysis_dose(corpus_assistant) -> None:
    """'On haemodialysis: what dose?': the monograph's dose for people on dialysis, not the case
    of toxicity reversed by haemodialysis (the compound names the same thing as 'dialysis')."""
    ans = corpus_assistant.ask(
        "I'm on haemodialysis three times a week. What baclofen dose is used for people like me?"
    )
    assert "5 mg per day" in first_sentence(ans.answer), ans.answer
    assert "renal" in {n.kind for n in ans.notices}, ans.notices


def test_a_taper_length_no_source_gives_is_said_to_be_missing(corpus_assistant) -> None:
    ans = corpus_assistant.ask("How long should a baclofen taper take?")
    first = first_sentence(ans.answer)
    assert first.startswith("No length of time is given"), ans.answer
    assert re.search(r"taper|gradual", first), ans.answer
    # a length that is given is not denied
    given = corpus_assistant.ask(
        "in ALPADIR, once the build-up was over, how long did people stay on their dose?"
    )
    assert "No length of time" not in given.answer, given.answer


@pytest.mark.parametrize(
    "question",
    [
        "What happens if I miss a dose of baclofen?",
        "I forgot to take my evening baclofen tablet, should I double up?",
    ],
)
def test_a_missed_dose_is_declined_when_no_source_says(corpus_assistant, question) -> None:
    """No curated source says what to do after a missed tablet: declined, not answered with the
    taper advice as if it were."""
    assert corpus_assistant.ask(question).abstained


def test_a_pump_missing_its_refill_is_a_withdrawal_question(corpus_assistant) -> None:
    ans = corpus_assistant.ask("what if his pump misses a refill?")
    assert ans.plan.intent == "withdrawal", ans.plan
    assert not ans.abstained, ans.answer


def test_a_liquid_form_asked_for_is_named(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "Is there a liquid form of baclofen for someone who can't swallow tablets?"
    )
    first = first_sentence(ans.answer)
    assert first.startswith("Yes") and "oral solution" in first, ans.answer


def test_drinking_while_on_baclofen_is_an_interaction_question(corpus_assistant) -> None:
    """'Takes baclofen and wants a few beers at the weekend': the label's additive sedation, not
    whether baclofen works for alcohol."""
    ans = corpus_assistant.ask(
        "My husband takes baclofen and wants to have a few beers at the weekend. Is that a problem?"
    )
    assert ans.plan.intent == "interaction", ans.plan
    assert re.search(r"alcohol", first_sentence(ans.answer)), ans.answer
    assert ans.route != "synthesis", ans.route


@pytest.mark.parametrize(
    ("question", "signs"),
    [
        ("What are the symptoms of intrathecal baclofen withdrawal?", "high fever"),
        ("What are the signs of a baclofen overdose and how is it managed?", "coma"),
    ],
)
def test_signs_asked_come_first(corpus_assistant, question, signs) -> None:
    """A question on the signs of something: the sentence listing them leads, not who is at risk
    or how it is treated."""
    ans = corpus_assistant.ask(question)
    assert signs in first_sentence(ans.answer), ans.answer


@pytest.mark.parametrize(
    ("history", "question", "reason"),
    [
        (
            [],
            "Why did Jamshidi and colleagues review the baclofen exposures reported to the New "
            "South Wales Poisons Information Centre?",
            "prescribing was increasing",
        ),
        (
            ["What did the Shoptaw 2003 trial of baclofen for cocaine dependence find?"],
            "what had made them think it might help with that drug in the first place?",
            "Animal studies",
        ),
        (
            ["What did the BACLAD trial of high-dose baclofen find?"],
            "why did they do it that way rather than give everyone one set amount?",
            "fixed doses",
        ),
        (
            [],
            "my husband's liver is badly scarred from years of drink. why did that australian "
            "trial of the muscle relaxer go out of its way to take people like him?",
            "choice of medicines is limited",
        ),
    ],
)
def test_why_a_study_was_done_is_answered_with_its_reason(
    corpus_assistant, history, question, reason
) -> None:
    """'Why did they ...?' about a study: the circumstance that moved the researchers (from its
    background), not what they set out to do or what they found."""
    ans = corpus_assistant.ask(question, history=history)
    assert reason in first_sentence(ans.answer), ans.answer


def test_why_the_authors_advised_something_is_not_why_the_study_was_done(corpus_assistant):
    ans = corpus_assistant.ask(
        "why did the authors want it kept to specialist services?",
        history=["What did the Morley 2018 Australian trial of baclofen find?"],
    )
    assert "overdose" in ans.answer.split("\n")[0], ans.answer


def test_the_point_of_a_study_is_what_it_set_out_to_do(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "my mum's kidneys are packing up and i read about a study where people with different "
        "levels of kidney trouble each took one small tablet of the muscle relaxer and had their "
        "blood checked. what was the point of it?"
    )
    assert "dose adjustments" in first_sentence(ans.answer), ans.answer


def test_heroin_named_among_addictions_in_german_is_not_another_medicine(corpus_assistant):
    """'Warum hat man das Muskelmittel ... bei Kokain, Heroin und Zigaretten ausprobiert?': a
    question about baclofen across substances, not one about heroin to decline."""
    ans = corpus_assistant.ask(
        "Warum hat man das Muskelmittel eigentlich bei so vielen verschiedenen Süchten "
        "ausprobiert, bei Kokain, Heroin und Zigaretten und nicht nur beim Alkohol?"
    )
    assert not ans.abstained, ans.answer


def test_how_baclofen_works_leads_with_the_receptor(corpus_assistant) -> None:
    """'How does baclofen work?': the receptor it acts on and the proposed pathway, not what it did
    to animals' drug taking."""
    ans = corpus_assistant.ask("How does baclofen work?")
    assert "GABA-B receptor" in first_sentence(ans.answer), ans.answer
    assert "agonist" in first_sentence(ans.answer), ans.answer


@pytest.mark.parametrize(
    "question",
    [
        "Does baclofen help with alcohol withdrawal symptoms?",
        "Does the spasm pill calm the shakes when someone first stops heavy boozing?",
    ],
)
def test_alcohol_withdrawal_asked_gets_the_withdrawal_evidence(corpus_assistant, question):
    """Treating alcohol withdrawal, however asked: the withdrawal review and trials, not one trial
    whose population mentions 'symptoms', nor the evidence on drinking."""
    ans = corpus_assistant.ask(question)
    first = first_sentence(ans.answer)
    assert "alcohol withdrawal" in first and "CIWA-Ar" in first, ans.answer


def test_a_not_established_lead_gets_no_yes_before_it(corpus_assistant) -> None:
    """'Is baclofen used for GHB withdrawal?': 'Not established: ...' answers already; a 'Yes'
    before it ("Yes: not established") says the opposite."""
    ans = corpus_assistant.ask("Is baclofen used for GHB withdrawal?")
    assert ans.answer.startswith("Not established"), ans.answer


def test_a_babys_exposure_through_milk_is_not_a_personal_dose(corpus_assistant) -> None:
    """'I take 80 mg and feed my baby myself: per kilo, how much is she getting?': LactMed's
    weight-adjusted infant intake, not the personal-dose decline."""
    ans = corpus_assistant.ask(
        "i take 80 mg of baclofen a day and im feeding my baby myself. per kilo of her weight, "
        "how much of it would she actually be getting each day?"
    )
    assert not ans.abstained, ans.answer
    assert "0.048 mg/kg/day" in first_sentence(ans.answer), ans.answer
    assert "pregnancy" in {n.kind for n in ans.notices}, ans.notices
    # telling one's dose and asking one's own is still declined
    own = corpus_assistant.ask("i take 80 mg of baclofen a day. how much should i take now?")
    assert own.abstained, own.answer
