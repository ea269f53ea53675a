"""`assistant check`: a claim is read for what its sentence says, no more.

Sentences written for these tests (not from any article): a pattern read across two clauses, a
year read as a count, a list of negations read as the things it rules out, "half as likely" read
as a multiple.
"""

from __future__ import annotations

import pytest

from assistant.answering.check import study_readings as sr
from assistant.answering.check.checker import Checker
from assistant.answering.check.claims import Claim
from assistant.answering.check.contrasts import times_conflict
from assistant.answering.check.fact_sheet import fact_verdict, load_facts
from assistant.library.records import load_corpus
from assistant.settings import PROJECT_DIR


@pytest.mark.parametrize(
    ("key", "claim", "verdict"),
    [
        # the verb of one clause and the indication of the next are no one statement (and
        # "off-label" is what the fact says)
        (
            "australia_status",
            "The TGA registered baclofen for spasticity after spinal injury, so any use of it "
            "for drinking problems in Australia is off-label.",
            "supported",
        ),
        (
            "australia_status",
            "Baclofen was licensed in Australia for stiff muscles; its use against heavy "
            "drinking is off-label there.",
            "supported",
        ),
        # said in one clause, it is still the claim
        (
            "australia_status",
            "In 2019 the TGA registered baclofen for alcohol dependence, which surprised many.",
            "contradicted",
        ),
    ],
)
def test_a_fact_is_contradicted_only_within_one_clause(key: str, claim: str, verdict) -> None:
    fact = next(f for f in load_facts() if f.key == key)
    assert fact_verdict(fact, claim) == verdict, claim


@pytest.fixture(scope="module")
def zahra():
    record = next(r for r in load_corpus(PROJECT_DIR / "corpus") if r.id == "zahra2024")
    return record.info(), record.body


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the year a paper came out is no count of deaths, whatever number follows it
        ("Researchers writing in 2024 listed 102 baclofen deaths across Australia.", False),
        ("A forensic paper from 2024 recorded 102 deaths involving baclofen.", False),
        ("In 2022 deaths linked to baclofen stood at 102 in the Australian review.", False),
        # the number next to the deaths still counts them
        ("Researchers writing in 2024 listed 75 baclofen deaths across Australia.", True),
    ],
)
def test_a_year_is_never_a_count_of_deaths(zahra, text: str, wrong: bool) -> None:
    record, body = zahra
    assert (sr.other_count(text, record, body) is not None) is wrong, text


class _TableOnly(Checker):
    """The contraindication check alone: a citation is the record id it would quote."""

    def __init__(self) -> None:
        pass

    def _cite(self, claim, source_id, quote):
        if quote:
            claim.citations.append(source_id)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a list of negations rules its conditions out; only what follows is said to be one
        (
            "Not asthma, not epilepsy: an allergy to baclofen is the one contraindication on "
            "the US label.",
            "supported",
        ),
        (
            "Not liver disease, not epilepsy, not a stroke: an allergy to baclofen is the one "
            "contraindication on the US label.",
            "not-covered",  # (a claim that names the liver says more than the label row)
        ),
        (
            "Neither kidney failure nor pregnancy; not even a history of seizures: the US label "
            "names only hypersensitivity to baclofen as a contraindication.",
            "not-covered",
        ),
        # a condition the sentence does call a contraindication is still checked
        (
            "Epilepsy, not an allergy, is the main contraindication on the US label.",
            "contradicted",
        ),
        (
            "Baclofen is contraindicated in epilepsy, not only in hypersensitivity.",
            "contradicted",
        ),
    ],
)
def test_a_negated_list_names_no_contraindication(text: str, verdict: str) -> None:
    claim = Claim(text, None, "contraindication")
    _TableOnly()._contraindication(claim)
    assert claim.verdict == verdict, text


@pytest.mark.parametrize(
    ("claim", "conflict"),
    [
        # "half as likely" is a multiple below one, against a source's several times
        ("After a baclofen overdose patients were half as likely to need ventilation.", True),
        ("Baclofen overdose patients were a third as likely to need ventilation.", True),
        ("Baclofen overdose patients were eight times as likely to need ventilation.", False),
    ],
)
def test_a_fraction_as_likely_is_a_multiple(claim: str, conflict: bool) -> None:
    passage = (
        "After adjustment, baclofen overdose patients were 7.9 times as likely as other "
        "overdose patients to need mechanical ventilation."
    )
    assert (times_conflict(claim, passage) is not None) is conflict, claim
