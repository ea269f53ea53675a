"""A symptom told in everyday words and put down to the medicine is named as the labels name it,
by meaning (the bundled sentence encoder), not by a list of phrases; a question that blames
nothing, names a reaction already or describes no reaction gets no name. The phrasings here are
not in the evaluation questions."""

from __future__ import annotations

import pytest

from assistant.answering.question.plan import plan_question
from assistant.answering.question.symptoms import DESCRIBED, named_symptom
from assistant.evaluation.metrics import first_sentence
from assistant.vocab import LABEL_REACTIONS


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("she started the muscle relaxant and now her eyes keep flicking side to side. could it "
         "be the medicine?", "nystagmus"),
        ("he walks like he is drunk since starting baclofen and keeps bumping into walls, could "
         "it be the tablets?", "ataxia"),
        ("my husband has been on baclofen for a month and says food tastes like metal now. is "
         "that from the baclofen?", "changed sense of taste"),
        ("since he started baclofen he gets really sweaty at night, is that the tablets?",
         "heavy sweating"),
        ("my wife has felt her heart thumping and fluttering since she began baclofen. can it "
         "do that?", "palpitations"),
        # a blood test, and whether the leaflet lists what it showed
        ("dad's bloods last week had his glucose higher than before. is that something the "
         "baclofen label mentions?", "raised blood sugar"),
    ],
)  # fmt: skip
def test_a_symptom_in_everyday_words_is_named(embedder, question, name) -> None:
    assert named_symptom(question, embedder.encode) == name


@pytest.mark.parametrize(
    "question",
    [
        # nothing blamed on the medicine
        "my eyes keep flicking side to side when I am tired",
        # a reaction named already (or read from everyday words by the lay terms): read as it is
        "since starting baclofen he is drowsy all day, could that be the tablets?",
        "my wife's hands tremble so much she spills her coffee since she began baclofen. can it "
        "do that?",
        # no reaction described
        "he has been on baclofen for his drinking and now he drinks more, could that be the "
        "tablets?",
    ],
)
def test_no_name_without_blame_or_a_described_reaction(embedder, question) -> None:
    assert named_symptom(question, embedder.encode) is None


def test_every_described_rarer_reaction_is_a_reaction_the_planner_knows() -> None:
    """The names added to a question are read as reactions by the planner and the composer."""
    rarer = [n for n in DESCRIBED if n not in ("drowsiness", "dizziness", "weakness", "confusion",
             "nausea", "headache", "insomnia", "constipation", "urinary frequency", "rash",
             "depression", "hallucinations", "rigidity", "euphoria", "vomiting", "fainting",
             "loss of appetite", "diarrhoea")]  # fmt: skip
    assert [n for n in rarer if not LABEL_REACTIONS.fullmatch(n)] == []


def test_the_answer_names_the_labels_reaction(corpus_assistant) -> None:
    ans = corpus_assistant.ask(
        "ever since starting the baclofen my brother has gone cross-eyed. could the tablets be "
        "causing it?"
    )
    assert "strabismus" in first_sentence(ans.answer), ans.answer
    assert ans.citations[0].source_id == "label_adverse_reactions", ans.citations


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Depuis que ma sœur prend du baclofène, son œil gauche louche vers l'intérieur. Est-ce "
         "que ça peut venir du médicament ?", "strabismus"),
        ("Mi padre toma baclofeno y ahora tiene las pupilas muy pequeñas. ¿Puede ser por las "
         "pastillas?", "narrowed or widened pupils"),
    ],
)  # fmt: skip
def test_a_symptom_told_in_another_language_is_named(embedder, catalog, question, name) -> None:
    plan = plan_question(question, catalog, encode=embedder.encode)
    assert plan.english.endswith(f"({name})"), plan.english
    assert plan.intent == "adverse_effects", plan.intent
