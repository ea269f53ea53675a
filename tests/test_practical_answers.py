"""Everyday practical questions on the real corpus: an overdose with other things taken too ("does
the alcohol make it worse?"), and what is normally given for a condition ("what do hospitals
give for alcohol withdrawal?"), answered with the sentence that says so, in the asker's words or
in a story, and not with a sentence that merely shares a word with the question."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "My brother took too many of his baclofen tablets with a lot of vodka. Does the alcohol "
        "make the overdose more dangerous?",
        "She overdosed on baclofen and also took some of her diazepam. Is that worse than "
        "baclofen alone?",
        "In baclofen poisonings, does taking other drugs at the same time make things worse?",
        "my flatmate swallowed a load of her spasm tablets and some sleeping pills with wine. "
        "does all that other stuff make it riskier?",
    ],
)
def test_an_overdose_with_other_things_taken_is_worse_by_the_label(
    corpus_assistant, question: str
) -> None:
    ans = corpus_assistant.ask(question)
    first = next(ln for ln in ans.answer.splitlines() if "emergency number" not in ln)
    assert first.lstrip("- ").startswith("Yes"), ans.answer
    assert "adds to" in first and "CNS depressants" in first, ans.answer
    assert ans.citations[0].source_id == "label_interactions"
    # the poison centre series' own sentence, with its study named
    assert "add to the toxicity" in ans.answer and "Jamshidi" in ans.answer, ans.answer
    assert "emergency" in [n.kind for n in ans.notices]


def test_an_overdose_question_without_other_things_keeps_its_usual_answer(
    corpus_assistant,
) -> None:
    ans = corpus_assistant.ask("What are the signs of a baclofen overdose?")
    assert "CNS depressants" not in ans.answer and "toxicity" not in ans.answer, ans.answer
    assert "coma" in ans.answer.lower() or "drowsiness" in ans.answer.lower(), ans.answer


@pytest.mark.parametrize(
    "question",
    [
        "What is the standard treatment for alcohol withdrawal syndrome?",
        "What do hospitals normally give for alcohol withdrawal?",
        "my husband was admitted with the shakes and sweats two days after he stopped drinking, "
        "and his mate says they should have used the muscle relaxer instead. what do hospitals "
        "normally give for that?",
    ],
)
def test_the_usual_care_for_a_condition_is_named_first(corpus_assistant, question: str) -> None:
    ans = corpus_assistant.ask(question)
    first = ans.answer.splitlines()[0]
    assert first.startswith("Benzodiazepines are the standard treatment"), ans.answer
    assert ans.citations[0].source_id == "addolorato2006_aws"
    # a second line, when there is one, says what baclofen did for it, not how a trial was run
    for line in ans.answer.splitlines()[1:]:
        assert "randomly divided" not in line, ans.answer


def test_baclofens_own_place_is_not_answered_with_another_treatment(corpus_assistant) -> None:
    ans = corpus_assistant.ask("Is baclofen a standard treatment for alcohol dependence?")
    assert "Benzodiazepines" not in ans.answer, ans.answer


def test_people_who_took_too_much_in_a_study_are_not_an_emergency_now() -> None:
    from assistant.answering.safety.danger import in_danger, not_now

    asked = (
        "my aunt has had depression for years and is now on baclofen for her drinking. in the "
        "reports on people who took too much of it, does depression keep coming up?"
    )
    assert in_danger(asked) and not_now(asked)  # the emergency notice, no call-now line
    # someone taking too much now still is, with or without a study in the same question
    assert not not_now("my dad took too many of his baclofen tablets tonight")
    assert not not_now(
        "why were some people who took too much put on a ventilator? my son took too many "
        "of his tablets an hour ago"
    )
    # told from the emergency department: the notice stays, the call-now line goes
    assert not_now(
        "she swallowed a load of her spasm tablets. in a&e the nurse says her reflexes are gone"
    )


def test_why_a_study_was_done_is_answered_from_its_background(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "why did the Toulouse emergency team write up overdoses in alcohol-dependent people "
        "with psychiatric illness in particular?"
    )
    first = ans.answer.splitlines()[0]
    assert "suicide" in first, ans.answer
    assert ans.citations[0].source_id == "franchitto2014"


def test_why_overdose_matters_more_in_addiction_gives_the_reason(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "why is overdose such a worry when baclofen is used off-label for addiction?"
    )
    assert "high doses are prescribed" in ans.answer.splitlines()[0], ans.answer


def test_a_plain_question_in_words_no_source_uses_is_answered(corpus_assistant) -> None:
    # the medicine's effects asked in unusual words: the sources match it, so it is answered
    ans = corpus_assistant.ask(
        "Other than relaxing tight muscles, what is the muscle relaxer doing to folk who are on it?"
    )
    assert not ans.abstained and "drows" in ans.answer.splitlines()[0].lower(), ans.answer
    # ... but a use no source studies is still declined, however it is asked
    assert corpus_assistant.ask("Would baclofen be any use for restless legs at night?").abstained


def test_everyday_words_for_signs_and_warnings_are_read(corpus_assistant) -> None:
    from assistant.answering.question.lay_terms import clinical_reading

    told = clinical_reading("the doctor tapped his knees and elbows and got nothing at all back")
    assert "reflexes were absent" in told
    ans = corpus_assistant.ask(
        "my dad is on baclofen for alcohol in australia. what does the regulator say we should "
        "do if he starts acting out of character?"
    )
    assert "seek medical advice" in ans.answer, ans.answer
    assert "crisis line" not in ans.answer  # nobody here talks of not wanting to live


@pytest.mark.parametrize(
    ("question", "gloss"),
    [
        # a word quoted from a letter, a word after "counts as", a word after "mean by"
        (
            "The discharge note says my uncle was 'hypotonic' after the overdose. In plain English?",
            "reduced muscle tone",
        ),
        (
            "In the 2023 Cochrane review of baclofen for alcohol, what counts as a relapse?",
            "return to any drinking",
        ),
        ("What do researchers mean by craving?", "subjective urge"),
        ("The kidney case report says 'neurotoxicity': what is that?", "impaired brain function"),
    ],
)
def test_a_word_asked_about_is_answered_with_the_sentence_glossing_it(
    corpus_assistant, question: str, gloss: str
) -> None:
    ans = corpus_assistant.ask(question)
    first = next(ln for ln in ans.answer.splitlines() if "emergency number" not in ln)
    assert gloss in first, ans.answer


def test_a_definition_question_without_a_gloss_keeps_its_usual_answer(corpus_assistant) -> None:
    from assistant.answering.routes.definitions import ASKS_DEFINITION

    assert not ASKS_DEFINITION.search("What does baclofen do to alcohol craving?")
    ans = corpus_assistant.ask("What does the word 'zebra' mean in the baclofen trials?")
    assert ans.abstained or "zebra" not in ans.answer.lower()


@pytest.mark.parametrize(
    ("question", "history", "wanted"),
    [
        # whether a trial could have seen a small effect: its power, not its other weakness
        (
            "with so many people gone by the end, could it even have picked up a small benefit?",
            ["What did the Ponizovsky 2015 Israeli trial of baclofen find?"],
            "limited power to detect a modest effect",
        ),
        # whether an open study's change can be put down to the drug itself: its limits
        (
            "so can that fall in craving be put down to the baclofen itself?",
            [
                "What did the 2004 North Carolina open-label study of baclofen find?",
                "did craving change during treatment?",
            ],
            "no placebo arm",
        ),
        # what earlier work a trial was built on: its background
        (
            "what earlier work had it been built on?",
            ["What did the Kahn 2009 trial of baclofen in cocaine dependence find?"],
            "single-site screening trial",
        ),
    ],
)
def test_a_question_about_a_trials_power_or_groundwork_gets_that_sentence(
    corpus_assistant, question: str, history: list[str], wanted: str
) -> None:
    ans = corpus_assistant.ask(question, history=history)
    assert wanted in ans.answer.splitlines()[0], ans.answer


def test_a_rare_word_is_glossed_where_a_source_says_what_it_is(corpus_assistant) -> None:
    # "omphaloceles (ventral hernias)" says what the word means; "birth defects (omphaloceles)"
    # in a pregnancy summary only names its kind
    ans = corpus_assistant.ask(
        "My sister is pregnant and takes baclofen for her MS. The gynaecologist mentioned "
        "omphalocele in the animal studies. What does it mean?"
    )
    assert "ventral hernias" in ans.answer.splitlines()[0], ans.answer


def test_what_that_means_points_back_to_the_hyphenated_terms(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "Her doctor in Melbourne says baclofen for drinking is a second-line medicine there and "
        "is prescribed off-label. What does that mean?"
    )
    assert "not registered in Australia" in ans.answer.splitlines()[0], ans.answer


def test_a_study_of_a_drug_of_abuse_is_not_a_question_about_another_medicine(catalog) -> None:
    from assistant.answering.question.plan import plan_question

    plan = plan_question(
        "In the heroin study, was craving measured by marking a line?", catalog, []
    )
    assert plan.intent != "out_of_scope" and not plan.entities.other_medicines
    # the drug's own facts, and methadone taken alongside, are still another medicine
    assert plan_question("Is heroin safe in liver disease?", catalog, []).intent == "out_of_scope"
    plan = plan_question("can I take baclofen while on methadone?", catalog, [])
    assert plan.entities.other_medicines == ["methadone"] and plan.intent == "interaction"


def test_an_australian_city_names_the_country(catalog) -> None:
    from assistant.answering.question.plan import plan_question

    plan = plan_question(
        "my sister in perth takes baclofen: what does the leaflet warn?", catalog, []
    )
    assert plan.entities.jurisdictions == ["australia"]


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        # an outcome named in common words ("drinks per drinking day"), not the headline result
        (
            "Did baclofen significantly reduce drinks per drinking day in the 2023 Cochrane review?",
            "drinks per drinking day on baclofen versus placebo was small and not significant",
        ),
        # how a study counted and what a review took in: its methods
        (
            "Was the Morley 2014 Sydney trial of baclofen 30 or 60 mg/day analysed by intention "
            "to treat?",
            "Analyses were by intention to treat.",
        ),
        (
            "Did the Bschor 2018 meta-analysis include open-label trials of baclofen?",
            "included only double-blind randomised trials",
        ),
        # a study's size asked of the people it describes
        (
            "How many older adults with chronic kidney disease did the Muanda 2019 Ontario cohort "
            "include?",
            "15,942",
        ),
    ],
)
def test_a_detail_of_a_study_is_answered_with_its_sentence(
    corpus_assistant, question: str, wanted: str
) -> None:
    ans = corpus_assistant.ask(question)
    assert wanted in ans.answer.splitlines()[0], ans.answer


def test_pumping_a_stomach_is_not_the_intrathecal_pump(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "my brother swallowed a strip of his baclofen half an hour ago and is hardly rousable. "
        "will the hospital pump out what he took straight away?"
    )
    assert "intrathecal" not in ans.answer.lower() and "stomach emptying" in ans.answer, ans.answer
    assert "emergency" in [n.kind for n in ans.notices]


def test_tablets_for_high_blood_pressure_are_an_interaction(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "My father takes tablets for high blood pressure and now also baclofen for spasticity. "
        "Can his blood pressure drop too much?"
    )
    assert "blood-pressure-lowering effect" in ans.answer.splitlines()[0], ans.answer


def test_english_guidance_is_the_uk(catalog) -> None:
    from assistant.answering.question.plan import plan_question

    plan = plan_question("does the official english guidance recommend baclofen?", catalog, [])
    assert plan.entities.jurisdictions == ["uk"] and plan.intent == "regulation"
    assert (
        plan_question("what does it mean in plain english?", catalog, []).entities.jurisdictions
        == []
    )


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        # a breastfeeding mother's question: the baby's risks, not the drug's indication
        (
            "my little boy is ten days old and i'm feeding him myself. i take the muscle relaxer "
            "for my ms stiffness. is there anything i should keep an eye out for in him?",
            "breast milk",
        ),
        # a pregnancy to term: the newborn's withdrawal signs
        (
            "my sister was on the muscle relaxer the whole time she was expecting, and the baby "
            "arrives any day now. what should we keep an eye out for once he's here?",
            "withdrawal signs",
        ),
    ],
)
def test_a_babys_risks_are_answered_for_a_pregnancy_or_feeding_question(
    corpus_assistant, question: str, wanted: str
) -> None:
    ans = corpus_assistant.ask(question)
    assert ans.plan.intent == "adverse_effects"
    assert wanted in ans.answer.splitlines()[0], ans.answer
    assert "pregnancy" in [n.kind for n in ans.notices]


@pytest.mark.parametrize(
    ("question", "history", "country", "record", "second"),
    [
        ("what's the most baclofen a doctor may give for booze in the States?", [],
         "United States", "reg_us_fda", "80 mg"),
        ("is there an upper dose limit for drinkers in Australia?", [], "Australia", None,
         "30 to 75 mg"),
        ("and in Britain?", ["What is the highest daily dose of baclofen allowed for alcohol in "
         "France now?"], "United Kingdom", "overview_regulatory_status", "NICE"),
    ],
)  # fmt: skip
def test_a_dose_limit_asked_where_the_use_is_unapproved_says_none_first(
    corpus_assistant, question: str, history: list[str], country: str, record: str | None,
    second: str,
) -> None:  # fmt: skip
    ans = corpus_assistant.ask(question, history=history)
    first, *rest = ans.answer.splitlines()
    assert first.startswith("None: baclofen is not authorised for alcohol in"), ans.answer
    assert country in first and "off-label" in first, ans.answer
    # the lead is cited to a regulatory source that says so, not to a study
    assert ans.citations[0].evidence in ("regulatory", "guideline", "overview"), ans.citations[0]
    assert "off-label" in ans.citations[0].quote or "only one" in ans.citations[0].quote
    if record:
        assert ans.citations[0].source_id == record
    # the country's own label limit (for spasticity) or its guidance comes second, and only then
    assert len(rest) == 1 and second in rest[0], ans.answer
    assert "off_label" in [n.kind for n in ans.notices]


@pytest.mark.parametrize(
    "question",
    [
        "What's the top dose of baclofen for alcohol in France now?",  # authorised there
        "What is the maximum recommended dose of oral baclofen on the US label?",  # spasticity
        "and in Australia, how high can the daily dose go under the product information?",
        "What was the highest dose in the Australian trial of baclofen for drinking?",
    ],
)
def test_a_dose_limit_with_its_own_answer_is_not_called_unapproved(
    corpus_assistant, question: str
) -> None:
    ans = corpus_assistant.ask(question)
    assert not ans.answer.startswith("None: baclofen is not authorised"), ans.answer


def test_someone_who_talks_of_not_wanting_to_live_gets_the_sources_on_that_risk(
    corpus_assistant,
) -> None:
    ans = corpus_assistant.ask(
        "my daughter is on lots of baclofen for alcohol and has been saying she's not wanting to "
        "be alive; there's a month's supply in the kitchen. should we be concerned?"
    )
    lines = ans.answer.splitlines()
    assert "get help now" in lines[0], ans.answer
    # the second line is about suicide or self-harm risk, from a rule-maker or label, not a
    # dose, a trial result or a time to peak
    assert len(lines) == 2, ans.answer
    assert re.search(r"suicid|self-harm|unstable", lines[1]), ans.answer
    assert ans.citations[0].evidence in ("label", "regulatory", "guideline"), ans.citations
    assert "emergency" in [n.kind for n in ans.notices]


def test_a_question_about_suicide_warnings_is_not_the_crisis_route(corpus_assistant) -> None:
    # asked about, not told: the composer's answer, whatever its first line
    from assistant.answering.routes import crisis

    plan = corpus_assistant.plan("Do baclofen labels carry warnings on suicide?")
    assert not crisis.danger.self_harm(plan.english)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a baby in its first days after a birth on the tablets
        ("If a mum keeps taking her spasm pills until she gives birth, what might her little "
         "one show in the early days?", "withdrawal"),
        # the question after a first-person story is what is asked
        ("I'm 30 weeks pregnant and on baclofen for my MS. My doctor mentioned the baby. What "
         "does the label say to do before I deliver?", "before delivery"),
        # a clinician's shorthand
        ("Pt on Li for BPAD, starting baclofen for spasticity: any ix?", "lithium"),
        # everyday words for craving and for methamphetamine
        ("does the muscle relaxer really quieten the itch for a drink, per the trials?", "craving"),
        ("my cousin's been smoking ice most nights: would the muscle relaxer help him cut down?",
         "methamphetamine"),
    ],
)  # fmt: skip
def test_everyday_and_clinical_shorthand_reach_the_right_sentence(
    corpus_assistant, question: str, expected: str
) -> None:
    ans = corpus_assistant.ask(question)
    assert expected in ans.answer.splitlines()[0].lower(), ans.answer


@pytest.mark.parametrize(
    ("question", "country"),
    [
        ("has the muscle relaxer got a licence for heavy drinkers in Britain?", "United Kingdom"),
        ("Is baclofen registered for treating alcoholism in Australia?", "Australia"),
    ],
)
def test_whether_an_unauthorised_use_is_licensed_is_answered_no(
    corpus_assistant, question: str, country: str
) -> None:
    ans = corpus_assistant.ask(question)
    first = ans.answer.splitlines()[0]
    assert first.startswith("No: baclofen is not authorised for alcohol in"), ans.answer
    assert country in first and "off-label" in first, ans.answer


def test_which_source_said_a_use_is_unapproved_is_not_answered_no(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "Which journal published the table listing baclofen among alcohol medicines the FDA has "
        "not approved?"
    )
    assert not ans.answer.startswith("No:"), ans.answer


@pytest.mark.parametrize(
    ("history", "question", "expected"),
    [
        (["What did the ALPADIR trial show?"], "anything at all where it did better than placebo?",
         "craving"),
        (["Tell me about the Morley 2014 baclofen trial."],
         "and any subgroup in that trial that responded better?", "anxiety"),
    ],
)  # fmt: skip
def test_a_gain_beside_a_negative_headline_is_answered_yes_with_it(
    corpus_assistant, history: list[str], question: str, expected: str
) -> None:
    ans = corpus_assistant.ask(question, history=history)
    first = ans.answer.splitlines()[0]
    assert first.startswith("Yes: "), ans.answer
    assert expected in first.lower() and re.search(r"p ?[<=] ?0\.0", first), ans.answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Spanish: a sleeping tablet at night with it ("para dormir", "juntar")
        ("Mi padre toma baclofeno y un lorazepam para dormir. ¿Es malo juntar los dos?",
         "cns depressants"),
        # German: a whistling in the ear since starting it for his drinking
        ("Mein Bruder nimmt Baclofen gegen die Trinkerei und hat jetzt ein Pfeifen im Ohr. "
         "Kommt das vom Baclofen?", "tinnitus"),
        # Italian: snoring, and pauses in breathing at night
        ("Mia moglie prende il baclofene per l'alcol; di notte russa e sembra che smetta di "
         "respirare per qualche secondo. È il farmaco?", "apnoea"),
    ],
)  # fmt: skip
def test_everyday_words_in_other_languages_reach_the_right_sentence(
    corpus_assistant, question: str, expected: str
) -> None:
    ans = corpus_assistant.ask(question)
    assert expected in ans.answer.splitlines()[0].lower(), ans.answer


def test_the_askers_own_gp_is_not_a_primary_care_trial(corpus_assistant) -> None:
    plan = corpus_assistant.plan(
        "My aunt in Marseille was started on Baclocur by her GP for her drinking. Can a GP "
        "prescribe it there?"
    )
    assert plan.entities.trials == [], plan


@pytest.mark.parametrize(
    ("history", "question", "lead", "named"),
    [
        (["What did Shoptaw 2003 find for cocaine?"], "was that ever replicated by a later trial?",
         "No: ", "Kahn"),
        (["Tell me about the ALPADIR trial."], "did a larger later study find the same?",
         "No: ", "Bacloville"),
    ],
)  # fmt: skip
def test_whether_a_later_trial_bore_a_study_out_names_the_later_trials(
    corpus_assistant, history: list[str], question: str, lead: str, named: str
) -> None:
    ans = corpus_assistant.ask(question, history=history)
    first = ans.answer.splitlines()[0]
    assert first.startswith(lead) and named in first, ans.answer
    # every trial named is a later randomised trial of the same use, cited
    assert all(c.evidence == "rct" for c in ans.citations), ans.citations


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # French: reimbursed by "la Sécu", "at what rate"
        ("Mon père vient d'avoir du Baclocur. Est-il remboursé par la Sécu, à quel taux ?", "15%"),
        # "by how many grams a day" asks an amount, not how many people took part
        ("In ALPADIR, by how many grams a day did drinking drop in the high-risk subgroup?",
         "15.6"),
    ],
)  # fmt: skip
def test_a_rate_or_an_amount_asked_is_given(corpus_assistant, question: str, expected: str):
    ans = corpus_assistant.ask(question)
    assert expected in ans.answer.splitlines()[0], ans.answer


def test_the_usual_go_to_medicines_are_the_established_alcohol_medicines(corpus_assistant):
    ans = corpus_assistant.ask(
        "a friend says the muscle relaxer works better than the standard go-to pills for quitting "
        "drinking. has it ever been compared with them directly?"
    )
    assert not ans.abstained, ans.answer
    assert re.search(r"naltrexone|acamprosate", ans.answer.splitlines()[0]), ans.answer
