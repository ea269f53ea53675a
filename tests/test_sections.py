"""A question on one topic of a named study (its limitations, side effects, craving, who took
part, why it was done) is answered from the study record's section on that topic, for every
study that has one, in the first turn and as a follow-up. The topic reading is tested alone first
(no model)."""

from __future__ import annotations

import re

import pytest

from assistant.answering.routes.sections import section_topic
from assistant.library.records import load_corpus
from assistant.settings import PROJECT_DIR

_NOT_STUDIES = ("label", "regulatory", "guideline", "overview")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("How believable is that trial?", "limitations"),
        ("what are the drawbacks of the study?", "limitations"),
        ("should I take it at face value?", "limitations"),
        ("Was it safe for the people who took it?", "safety"),
        ("did the volunteers have problems with the pills?", "safety"),
        ("did their desire for alcohol fade?", "craving"),
        ("what sort of volunteers were recruited?", "participants"),
        ("what was the study designed to establish?", "background"),
        ("what was its main objective?", "background"),
    ],
)
def test_the_topic_a_question_asks_of_a_study(question: str, topic: str) -> None:
    found = section_topic(question)
    assert found is not None and found.name == topic, question


@pytest.mark.parametrize(
    "question",
    [
        "how many stopped because of side effects?",  # a figure, from its sentence
        "which side effect was most common?",
        "what dose had he reached when the cravings stopped?",
        "what did they measure at the start, apart from craving?",
        "did it reduce drinking and craving?",  # the result, not craving alone
        "what did it find?",
    ],
)
def test_a_detail_or_a_result_is_not_a_section_topic(question: str) -> None:
    assert section_topic(question) is None, question


def _named(record) -> str | None:
    if record.trial_names:
        return record.trial_names[0]
    cite = record.short_cite.replace(" et al.", "")
    return f"the {cite} study" if cite else None


def _headings(record_body: str) -> set[str]:
    return {h.strip().lower() for h in re.findall(r"^## (.+)$", record_body, re.M)}


@pytest.mark.parametrize(
    ("heading", "first_turn", "follow_up"),
    [
        ("limitations", "How far can we rely on {S}?", "what were its weak points?"),
        ("safety", "How well was baclofen tolerated in {S}?", "did anyone have side effects?"),
        ("background", "Why was {S} set up?", "what was it meant to show?"),
    ],
)
def test_every_study_answers_a_topic_from_its_section(
    corpus_assistant, heading: str, first_turn: str, follow_up: str
) -> None:
    missed, checked = [], 0
    for record in load_corpus(PROJECT_DIR / "corpus"):
        name = _named(record)
        if record.evidence in _NOT_STUDIES or not name or heading not in _headings(record.body):
            continue
        checked += 1
        for question, history in (
            (first_turn.format(S=name), []),
            (follow_up, [f"What did {name} find?"]),
        ):
            ans = corpus_assistant.ask(question, history=history)
            cited = ans.citations[0] if ans.citations else None
            if not (
                cited
                and cited.source_id == record.id
                and (cited.section or "").strip().lower() == heading
            ):
                missed.append((record.id, question, ans.answer[:100]))
    assert checked >= 40
    assert not missed, missed[:10]
