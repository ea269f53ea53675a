"""Details of a study asked in the words people use: leaving a trial early is not stopping
baclofen, a study told by its sites, region or rounded size is found, a follow-up about the
study's people keeps the study, and the answer is the sentence stating the detail (which other
medicines did as well, how many in each arm, who ran it, how two studies relate). The planner
and the question patterns are tested alone first (no model); the answers use the real index."""

from __future__ import annotations

import re

import pytest

from assistant.answering.check.claims import extract_claims
from assistant.answering.question.entities import find_trials
from assistant.answering.question.plan import plan_question
from assistant.answering.question.study_cues import group_sizes
from assistant.answering.safety import notices as safety
from assistant.evaluation.metrics import first_sentence

# --------------------------------------------------------------------------- the planner


def test_leaving_a_trial_early_is_not_stopping_baclofen(catalog) -> None:
    plan = plan_question(
        "In the big comparison of all the drinking medicines, fewer people stopped the muscle "
        "relaxer early than stopped the dummy pill. Did any other drug do that too?",
        catalog,
    )
    assert plan.intent != "withdrawal"
    assert plan.entities.trials == ["bahji2022"]
    assert "withdrawal" not in {n.kind for n in safety.notices_for(plan)}
    # someone stopping their own tablets still is
    mine = plan_question("What happens if I stop my baclofen tablets all at once?", catalog)
    assert mine.intent == "withdrawal"
    assert "withdrawal" in {n.kind for n in safety.notices_for(mine)}


def test_a_study_told_by_its_sites_region_or_rounded_size_is_found(catalog) -> None:
    assert find_trials(
        "In the two hospitals in the Midwest, did giving baclofen to ward patients withdrawing "
        "from alcohol mean fewer needed high doses of the rescue sedative?",
        catalog,
    ) == ["lyon2011_aws"]
    assert find_trials(
        "In that look at about two dozen overdoses at a New South Wales toxicology unit, how "
        "many had taken nothing else?",
        catalog,
    ) == ["leung2006"]
    sizes = group_sizes("about two dozen overdoses of the tablets")
    assert {23, 24, 25} <= sizes and 2 not in sizes
    # the first Italian study with dummy pills is the first controlled one, not the pilot
    assert find_trials(
        "In the first Italian study where drinkers got baclofen or dummy pills for a month, "
        "did their mood improve?",
        catalog,
    ) == ["addolorato2002"]
    # ... and the first one "with no dummy pills" (a "try-out") is the open pilot
    for said in ("with no dummy pills", "with no placebo"):
        assert find_trials(
            f"that very first small italian try-out of baclofen for drinking, the one {said}, how "
            "long did people take it for?",
            catalog,
        ) == ["addolorato2000"]
    # a publication told by how many wrote it ("review by 26 authors")
    assert find_trials(
        "my husband found a long article by 26 doctors saying baclofen could suit drinkers with "
        "cirrhosis. how much should we go by it?",
        catalog,
    ) == ["debeaurepaire2019"]
    assert find_trials("an article by 12 doctors said it helps drinkers", catalog) == []
    # ... or by one ("a paper by one French psychiatrist": a record with a single author), and a
    # "write-up" is a report
    assert find_trials(
        "a paper by one french psychiatrist followed a hundred drinkers on baclofen for two years; "
        "how many improved?",
        catalog,
    ) == ["debeaurepaire2012"]
    assert find_trials(
        "in the toulouse write-up of overdoses, how many patients were there?", catalog
    ) == ["franchitto2014"]
    # "the two" set against each other are the two doses the story before named
    assert find_trials(
        "my husband's doctor keeps talking about a 'low' versus a 'high' amount of baclofen. in "
        "that 2018 pooled review that set the two against each other, where was the line?",
        catalog,
    ) == ["pierce2018"]
    # "one" counting ("with one drug", "one tiny baby") is not "the ... one" naming a study
    for asked in (
        "what was the thinking behind going after the drinking and the smoking with one drug?",
        "i read that the breastfeeding information mentions one tiny baby who needed medicine "
        "for it. where was that written up?",
        "does he take the whole days amount in one go?",
    ):
        assert find_trials(asked, catalog) == [], asked
    # a study a drug-information source cites has no record of its own
    assert (
        find_trials("In the breast-milk study cited by LactMed, how much got into milk?", catalog)
        == []
    )


def test_a_story_before_the_question_does_not_describe_the_study(catalog) -> None:
    assert find_trials(
        "My uncle takes baclofen for his drinking and diazepam for his nerves. In that "
        "Australian study of deaths linked to baclofen, were benzos found often?",
        catalog,
    ) == ["zahra2024"]


def test_a_follow_up_about_the_studys_people_keeps_the_study(catalog) -> None:
    earlier = ["What did the Boels 2017 series of deliberate baclofen self-poisonings report?"]
    plan = plan_question(
        "what was the average age of the people who had overdosed?", catalog, earlier
    )
    assert plan.entities.trials == ["boels2017"]
    earlier = ["In the Bahji 2022 network meta-analysis, how did baclofen do on total abstinence?"]
    plan = plan_question(
        "did acamprosate and naltrexone come out higher or lower than that?", catalog, earlier
    )
    assert plan.entities.trials == ["bahji2022"] and plan.intent != "out_of_scope"


def test_a_quiz_option_is_offered_not_asserted() -> None:
    from types import SimpleNamespace

    class _OneDocument:
        texts = [
            "**1.** A man with epilepsy takes baclofen for spasticity. Which statement is "
            "correct?\n\n- A. Epilepsy is a contraindication to baclofen\n"
            "- B. Only an allergy to baclofen rules it out\n\n"
            "Epilepsy is a contraindication to baclofen, the tutor said.\n"
        ]
        metas = [SimpleNamespace(page=None, section="")]

        def record_positions(self, _id: str) -> list[int]:
            return [0]

        def catalog(self) -> tuple:
            return ()

    texts = [c.text for c in extract_claims(_OneDocument(), "doc")]
    assert not any(t.startswith(("A.", "B.")) for t in texts), texts
    assert any(t.startswith("Epilepsy is a contraindication") for t in texts), texts


# --------------------------------------------------------------------------- the answers


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        (
            "In the Bahji 2022 network meta-analysis, which medicines had more dropouts than placebo?",
            "aripiprazole",
        ),
        (
            "In the Bahji 2022 network meta-analysis, fewer people dropped out on baclofen than "
            "on placebo. Did any other medicine manage that?",
            "pregabalin",
        ),
        ("Who conducted the 1989 Nijmegen pharmacokinetic study of baclofen?", "Wuis"),
        ("In Garbutt 2021, what effect size did baclofen have on heavy drinking days?", "d=0.51"),
    ],
)
def test_the_detail_asked_is_the_first_sentence(corpus_assistant, question, wanted) -> None:
    ans = corpus_assistant.ask(question)
    assert wanted in first_sentence(ans.answer), ans.answer


def test_each_arm_asked_of_a_total_alone_is_said_so(corpus_assistant) -> None:
    ans = corpus_assistant.ask("In Ahmadi-Abhari 2001, how many patients were in each arm?")
    first = first_sentence(ans.answer)
    assert first.startswith("Not reported") and "62" in first, ans.answer
    # a study giving equal groups answers it
    ans = corpus_assistant.ask("In Addolorato 2011, how many patients were in each group?")
    assert "14" in first_sentence(ans.answer) and not ans.answer.startswith("Not reported")
    # both arms named is the same question
    ans = corpus_assistant.ask("In Garbutt 2010, how many took baclofen and how many took placebo?")
    first = first_sentence(ans.answer)
    assert first.startswith("Not reported") and "80" in first, ans.answer


@pytest.mark.parametrize(
    "question",
    [
        "What share of an oral dose of baclofen is absorbed?",
        "How much of a baclofen tablet actually gets into the blood?",
    ],
)
def test_how_much_of_a_dose_is_absorbed_is_the_bioavailability(corpus_assistant, question) -> None:
    first = first_sentence(corpus_assistant.ask(question).answer)
    assert "74%" in first, first


def test_a_side_effect_with_weak_kidneys_comes_from_the_kidney_sources(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "Can baclofen cause confusion in elderly people with kidney problems?"
    )
    first = first_sentence(ans.answer)
    assert "kidney" in first and "dizziness" not in first, ans.answer
    assert "renal" in {n.kind for n in ans.notices}


def test_yes_or_no_on_where_a_statement_comes_from(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "Is the interaction between baclofen and tricyclic antidepressants stated in the US label?"
    )
    assert ans.answer.startswith("No") and "MIMS" in first_sentence(ans.answer), ans.answer
    pump = corpus_assistant.ask(
        "Is hypersensitivity the only contraindication to intrathecal baclofen?"
    )
    assert pump.answer.startswith("No"), pump.answer
    oral = corpus_assistant.ask("Is hypersensitivity the only contraindication to oral baclofen?")
    assert oral.answer.startswith("Yes"), oral.answer


def test_how_two_named_studies_relate_comes_from_the_overview(corpus_assistant) -> None:
    ans = corpus_assistant.ask("Can the deaths in Boels 2017 and Léger 2017 be added together?")
    assert ans.citations and ans.citations[0].evidence == "overview", ans.answer
    assert "overlap" in first_sentence(ans.answer), ans.answer


def test_the_same_detail_of_two_named_studies_comes_side_by_side(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "How did the share of participants completing the Garbutt 2021 trial compare with the "
        "completion rate of Garbutt 2010?"
    )
    lines = ans.answer.split("\n")
    assert len(lines) == 2, ans.answer
    # each line is its own study's sentence, cited to that study and naming it
    cited = {c.n: c.source_id for c in ans.citations}
    for line, (study, name) in zip(
        lines, [("garbutt2010", "2010"), ("garbutt2021", "2021")], strict=True
    ):
        assert name in line and "complet" in line, ans.answer
        assert {cited[int(n)] for n in re.findall(r"\[(\d+)\]", line)} == {study}, ans.answer
    split = corpus_assistant.ask(
        "How did the split of the 320 patients between the arms in ALPADIR compare with the "
        "split of the 320 patients in Bacloville?"
    )
    assert "158 to baclofen and 162 to placebo" in split.answer, split.answer
    assert "162 to baclofen and 158 to placebo" in split.answer, split.answer
    # one study asked about stays one answer
    one = corpus_assistant.ask("How many patients were randomised to each arm in ALPADIR?")
    assert len(one.answer.split("\n")) == 1 and "Bacloville" not in one.answer, one.answer


def test_a_figure_of_what_the_last_turn_asked_keeps_that_detail(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "and what was the figure on placebo?",
        history=[
            "What did the Hauser 2017 trial of baclofen in veterans with hepatitis C find?",
            "among those who completed week 4, what share on baclofen was completely abstinent?",
        ],
    )
    assert "10% on placebo" in first_sentence(ans.answer), ans.answer
    gap = corpus_assistant.ask(
        "so how big was that difference in percentage points?",
        history=[
            "What was the French BACLOREA trial in intensive care about?",
            "what share of patients had at least one agitation-related event on baclofen and on "
            "placebo?",
        ],
    )
    assert "9.93 percentage points" in first_sentence(gap.answer), gap.answer
    # "on the higher dose" says which figure, it does not ask about the doses reached
    men = corpus_assistant.ask(
        "on the higher dose, how many fewer heavy drinking days did the men have?",
        history=["What did the Garbutt 2021 dose-response trial of baclofen find?"],
    )
    assert "15.8 fewer" in first_sentence(men.answer), men.answer


def test_what_happened_in_a_study_comes_from_its_results_paper_not_its_protocol(catalog) -> None:
    actual = plan_question(
        "that dutch study where people who had just come off G were offered the muscle relaxer: "
        "the plan they put out beforehand said about 80 people. how many actually took part?",
        catalog,
    )
    assert actual.entities.trials == ["beurmanjer2018"], actual.entities.trials
    planned = plan_question(
        "What did the Kamal 2015 protocol plan for baclofen after GHB?", catalog
    )
    assert planned.entities.trials == ["kamal2015_ghb_protocol"], planned.entities.trials


def test_someone_under_18_is_asked_about_by_age(catalog) -> None:
    for young in (
        "Can baclofen be given to children?",
        "Is baclofen safe for a 15-year-old?",
        "my son is 13 and stiff since his operation, is there a version allowed for his age?",
    ):
        plan = plan_question(young, catalog)
        assert "under_18" in plan.entities.conditions, young
        assert plan.intent == "contraindication", (young, plan.intent)
    for not_young in (
        "Is baclofen safe for women who want children?",
        "My son is 25 and drinks too much: can baclofen help?",
        "He takes 15 mg three times a day, is that safe?",
    ):
        assert "under_18" not in plan_question(not_young, catalog).entities.conditions, not_young


def test_an_age_question_answers_with_the_age_limits_and_the_place_asked_first(
    corpus_assistant,
) -> None:
    kids = corpus_assistant.ask("Can baclofen be given to children?")
    assert "12 years" in first_sentence(kids.answer), kids.answer
    france = corpus_assistant.ask(
        "my nephew is 16 and drinks far too much. we live in france, could his doctor put him on "
        "the licensed muscle relaxer they sell there for cutting down on drink?"
    )
    first = first_sentence(france.answer)
    assert "French" in first and "adults" in first, france.answer


def test_lay_words_for_a_subgroup_chance_and_liver_harm_reach_the_sentence(
    corpus_assistant,
) -> None:
    men = corpus_assistant.ask("Did men in the Garbutt 2021 trial benefit from baclofen 30 mg/day?")
    assert "no benefit at 30 mg/day" in first_sentence(men.answer), men.answer
    # the subgroup after the outcome ("... abstinent days in the men of ...?"): theirs, not all
    among = corpus_assistant.ask(
        "Was the gain in abstinent days on 90 mg/day significant among the men of Garbutt 2021?"
    )
    assert "borderline" in first_sentence(among.answer), among.answer


def test_was_it_significant_is_answered_yes_or_no_from_the_p_value(corpus_assistant) -> None:
    """ "was that difference statistically significant?" leads with "No:" when every p value the
    answer gives is 0.05 or more, "Yes:" when every one is under it."""
    no = corpus_assistant.ask(
        "was that difference statistically significant?",
        history=[
            "In the Heppe trial of baclofen for alcohol withdrawal in medical inpatients, how much "
            "diazepam in total did patients need on baclofen and on placebo?"
        ],
    )
    assert no.answer.startswith("No:") and "p=0.13" in first_sentence(no.answer), no.answer
    yes = corpus_assistant.ask(
        "was the 21-point gap in Bacloville between baclofen and placebo statistically significant?"
    )
    assert yes.answer.startswith("Yes:") and "p=0.003" in first_sentence(yes.answer), yes.answer
    luck = corpus_assistant.ask(
        "in that german study where each person's dose of the muscle relaxer was pushed up until it "
        "worked, more of them stayed completely off the drink than on dummy pills. could that have "
        "just been luck?"
    )
    assert "p=0.014" in first_sentence(luck.answer), luck.answer
    liver = corpus_assistant.ask(
        "my uncles liver is badly scarred from years of drinking. in that italian trial where "
        "people like him got the muscle relaxer or dummy pills, did the tablets give any of them "
        "liver trouble?"
    )
    assert "No hepatic adverse effects" in first_sentence(liver.answer), liver.answer


def test_why_a_study_began_how_its_data_were_taken_and_how_long_it_followed(
    corpus_assistant,
) -> None:
    why = corpus_assistant.ask(
        "my cousin in denmark swallowed far too many of his muscle relaxer tablets. why did the "
        "danish researchers who looked at poisonings with it start looking in the first place?"
    )
    assert "growing" in first_sentence(why.answer), why.answer
    assert not why.answer.startswith("Call"), why.answer  # a question about the study
    notes = corpus_assistant.ask(
        "in that look at about two dozen overdoses at a new south wales poisons unit, did they "
        "study people as they came in, or go back through the notes afterwards?"
    )
    assert "retrospectively" in first_sentence(notes.answer), notes.answer
    long = corpus_assistant.ask(
        "In that Indian study comparing it with the migraine drug, how long were people followed up?"
    )
    first = first_sentence(long.answer)
    assert "one month" in first and not first.startswith("Yes"), long.answer


def test_how_sure_the_reviewers_were_is_their_certainty_rating(corpus_assistant) -> None:
    sure = corpus_assistant.ask(
        "how confident were the reviewers about the extra abstinent days?",
        history=[
            "What did the 2023 Cochrane review conclude about baclofen for alcohol use disorder?"
        ],
    )
    assert "high-certainty" in first_sentence(sure.answer), sure.answer
    # the study's own sentence stating the asked statistic stays unless another says more asked
    chi = corpus_assistant.ask(
        "What chi-square value did the Morley 2018 trial report for the longer time to relapse?"
    )
    assert "4.62" in first_sentence(chi.answer), chi.answer


# --------------------------------------------------------------------------- round 24's kinds


@pytest.mark.parametrize(
    ("question", "item"),
    [
        (
            "Since starting baclofen for her MS my aunt has gone up a dress size. Could it be that?",
            "weight gain",
        ),
        (
            "His fingers keep tingling since the spasm tablets were started. Is that the tablets?",
            "pins and needles",
        ),
        (
            "My father's speech has gone slurred on baclofen. Is that a known effect?",
            "slurred speech",
        ),
        (
            "My wife's pee looks reddish since she began baclofen. Can the tablets do that?",
            "blood in the urine",
        ),
        ("Can baclofen make you euphoric?", "euphoria"),
        (
            "Mein Vater hat seit dem Baclofen kaum noch Appetit. Kann das vom Baclofen kommen?",
            "loss of appetite",
        ),
        (
            "Since the spasm tablets she can hardly pass water. Is that from them?",
            "urinary retention",
        ),
        ("My son has had the runs ever since starting baclofen. Known side effect?", "diarrhoea"),
        (
            "Mi madre ve todo borroso desde que toma baclofeno. ¿Puede ser por eso?",
            "blurred vision",
        ),
    ],
)
def test_a_rarer_reaction_in_everyday_words_is_the_labels_item(
    corpus_assistant, question, item
) -> None:
    ans = corpus_assistant.ask(question)
    first = first_sentence(ans.answer)
    assert item in first and "rarer reactions" in first, ans.answer


def test_a_person_named_by_a_pronoun_keeps_the_case_report(catalog) -> None:
    history = [
        "What did Olivier Ameisen report in his 2005 self-case report?",
        "what dose was he on when his craving went away?",
    ]
    plan = plan_question("how long had it taken him to get up to that dose?", catalog, history)
    assert plan.entities.trials == ["ameisen2005"]
    # someone of the asker's own is not the case just discussed
    mine = plan_question("my dad is on it for his MS: is he at risk of fits?", catalog, history)
    assert mine.entities.trials == []


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("Who wrote up the Leung 2006 overdose series?", "Leung, Whyte and Isbister"),
        ("In which city was the BACLAD trial run?", "Berlin"),
        ("How long did it take Ameisen to get up to the dose that ended his craving?", "5 weeks"),
        (
            "In Bacloville, what was the confidence interval of the difference in the primary "
            "outcome?",
            "8 to 34",
        ),
        (
            "En el ensayo BACLAD, ¿qué valor de p tuvo la duración acumulada de la abstinencia?",
            "p=0.047",
        ),
        ("In Morley 2018, what chi-square did time to first lapse give?", "chi-square 6.44"),
        # the spread of a figure in everyday words: its standard deviation
        (
            "In the Heppe 2018 withdrawal trial, how widely did the total diazepam dose vary "
            "from patient to patient?",
            "SD 51",
        ),
        (
            "In the 1989 Nijmegen study, how much did the share excreted unchanged vary between "
            "the volunteers?",
            "SD 14%",
        ),
        # which of two doses, not whether there were two ("Yes: ... compared ...")
        ("In Garbutt 2021, which of the two doses drove the overall effects?", "90 mg/day dose"),
        # the people behind one pooled outcome, not the review's whole size
        (
            "On how many patients did the Pierce 2018 meta-analysis base its estimate for "
            "abstinence at the end of treatment?",
            "1244 patients",
        ),
        ("How many patients did the Pierce 2018 meta-analysis pool?", "13 trials"),
        # "the typical level found": the median concentration
        (
            "In the Zahra 2024 Australian deaths study, what was the typical level found in the "
            "blood of the accidental ones?",
            "1.95 mg/L in unintentional",
        ),
    ],
)
def test_a_studys_detail_asked_directly(corpus_assistant, question, wanted) -> None:
    ans = corpus_assistant.ask(question)
    assert wanted in first_sentence(ans.answer), ans.answer


def test_a_follow_up_about_an_overdose_study_keeps_the_emergency_notice(corpus_assistant) -> None:
    history = ["What did the 2013 matched study of deliberate baclofen overdoses find?"]
    ans = corpus_assistant.ask(
        "so how many patients on other drugs were matched to each baclofen patient?",
        history=history,
    )
    assert "emergency" in {n.kind for n in ans.notices}, ans.answer


def test_a_story_then_a_question_about_a_study_is_answered_from_the_study(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "my brother drinks and last weekend he swallowed a pile of his baclofen. in that "
        "toulouse emergency department series, were people sent home as soon as they woke up?"
    )
    assert not ans.answer.startswith("Call your local emergency number"), ans.answer
    assert "psychiatric assessment" in first_sentence(ans.answer), ans.answer
    assert "emergency" in {n.kind for n in ans.notices}
    # someone in danger now, asking what to do, still gets the instruction first
    now = corpus_assistant.ask(
        "my dad swallowed a whole box of baclofen and is fitting, what do we do?"
    )
    assert now.answer.startswith("Call your local emergency number"), now.answer


def test_what_doctors_give_in_an_overdose_is_the_treatment(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "After a baclofen overdose my uncle started fitting. What do the reference books say "
        "doctors should give for the fits?"
    )
    body = ans.answer.split("\n")
    lines = body[1:] if body[0].startswith("Call your local emergency number") else body
    assert "diazepam" in lines[0], ans.answer


def test_an_event_asked_by_its_year_leads_with_that_years_sentence(corpus_assistant) -> None:
    ans = corpus_assistant.ask("What happened to the French 80 mg/day cap in 2021?")
    first = first_sentence(ans.answer)
    assert "2021" in first and "annulled" in first, ans.answer


def test_normal_kidney_function_asks_the_usual_figure(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "What is the half-life of baclofen in people with normal kidney function?"
    )
    assert "3 to 7 hours" in first_sentence(ans.answer), ans.answer


def test_a_section_named_by_the_question_gives_its_sentence(corpus_assistant) -> None:
    """A record section whose heading the question names ("Medicines Safety Update") holds the
    answer, not the summary sentence about the same event: here the update's date."""
    ans = corpus_assistant.ask(
        "Which day of October 2023 was the TGA's Medicines Safety Update on baclofen published?"
    )
    assert "19 October 2023" in first_sentence(ans.answer), ans.answer


def test_is_there_a_form_is_answered_with_what_one_is(corpus_assistant) -> None:
    """ "Is there a liquid form of baclofen?" is answered by the sentence saying what the oral
    solution is, not by its label's side effects; the brand keeps its capital after "Yes:"."""
    ans = corpus_assistant.ask("is there a liquid form of baclofen?")
    first = first_sentence(ans.answer)
    assert first.startswith("Yes: Ozobax is") and "oral solution" in first, ans.answer
