"""Answers: verbatim quotes, numbered citations, abstention, filters, the LangChain chain, and the
public JSON schema of `assistant ask --json` and `--batch` (run as a real subprocess)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from assistant.answering.compose import ABSTAIN_TEXT
from assistant.answering.pipeline import QuestionError, clean_question
from assistant.index.retrieval import Filters
from assistant.vocab import EVIDENCE_TYPES

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
    # another medicine: the library's sentences about baclofen do not answer these
    "What is the half-life of diazepam?",
    "What is the recommended daily dose of vitamin D for adults?",
]


def _check_citations(ans, store) -> None:
    for c in ans.citations:
        chunk = store.texts[store.position[c.chunk_id]]
        assert c.quote and c.quote in chunk, f"quote not verbatim in {c.chunk_id}"
        assert c.source_id == store.metas[store.position[c.chunk_id]]["source_id"]
        assert c.evidence in EVIDENCE_TYPES
    assert [c.n for c in ans.citations] == list(range(1, len(ans.citations) + 1))


@pytest.mark.parametrize("question", IN_SCOPE)
def test_in_scope_answers_quote_their_sources_verbatim(corpus_assistant, question: str) -> None:
    ans = corpus_assistant.ask(question)
    assert not ans.abstained, ans.answer
    assert ans.citations
    _check_citations(ans, corpus_assistant.store)
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", ans.answer)}
    assert markers == {c.n for c in ans.citations}
    if ans.route == "contraindications":
        # answered from the curated table: the table's statements, each citing a verbatim quote
        assert all(
            line.rstrip().endswith("]")
            for line in ans.answer.splitlines()
            if line.startswith("  - ")
        )
        return
    # every answer sentence is itself a verbatim piece of the quote it cites
    for line in ans.answer.splitlines():
        m = re.fullmatch(r"- (.+) \[(\d+)\]", line)
        assert m, line
        assert m.group(1) in ans.citations[int(m.group(2)) - 1].quote
    assert ans.notices[0].kind in ("emergency", "general")
    assert "general" in {n.kind for n in ans.notices}


@pytest.mark.parametrize("question", OUT_OF_SCOPE)
def test_out_of_scope_abstains_and_lists_nearest_sources(corpus_assistant, question: str) -> None:
    ans = corpus_assistant.ask(question)
    assert ans.abstained, ans.answer
    assert ans.answer.startswith(ABSTAIN_TEXT)
    assert 1 <= len(ans.citations) <= 3
    _check_citations(ans, corpus_assistant.store)


def test_filters_are_honoured(corpus_assistant) -> None:
    f = Filters(evidence=["rct"], substances=["alcohol"], year_min=2015)
    ans = corpus_assistant.ask("Does baclofen reduce heavy drinking?", filters=f)
    assert ans.contexts
    for ctx in ans.contexts:
        m = ctx.metadata
        assert m["evidence"] == "rct" and "alcohol" in m["substances"] and m["year"] >= 2015
    label_only = corpus_assistant.ask(
        "What are the contraindications?", filters=Filters(evidence=["label"])
    )
    assert {c.metadata["evidence"] for c in label_only.contexts} == {"label"}


def test_langchain_retrieval_chain_shape(corpus_assistant) -> None:
    out = corpus_assistant.chain().invoke({"input": "What did the BACLAD study find?"})
    assert set(out) >= {"input", "context", "answer"}
    assert out["context"][0].metadata["source_id"] == "muller2015"
    assert not out["answer"].abstained


def test_follow_up_question_is_condensed(corpus_assistant) -> None:
    first = "Does baclofen reduce alcohol craving?"
    ans = corpus_assistant.ask("and for opioids?", history=[first])
    assert ans.searched and "opioid" in ans.searched.lower()
    assert any("opioids" in c.metadata["substances"] for c in ans.contexts[:3])


@pytest.mark.parametrize("bad", ["", "   ", "\x00\x01\n\t"])
def test_empty_questions_are_refused_clearly(bad: str) -> None:
    with pytest.raises(QuestionError, match="type a question"):
        clean_question(bad)


def test_huge_question_is_bounded(corpus_assistant) -> None:
    ans = corpus_assistant.ask("baclofen alcohol " * 20000)
    assert len(ans.question) <= 2000


SCHEMA_KEYS = {"question", "answer", "abstained", "citations", "notices"}
CITATION_KEYS = {
    "n",
    "source_id",
    "title",
    "authors",
    "year",
    "journal",
    "pmid",
    "doi",
    "url",
    "evidence",
    "quote",
    "page",
}


def _check_schema(obj: dict) -> None:
    assert set(obj) == SCHEMA_KEYS
    assert isinstance(obj["question"], str) and isinstance(obj["answer"], str)
    assert isinstance(obj["abstained"], bool)
    for c in obj["citations"]:
        assert set(c) == CITATION_KEYS
        assert isinstance(c["n"], int) and isinstance(c["quote"], str)
        assert c["year"] is None or isinstance(c["year"], int)
        assert c["page"] is None or isinstance(c["page"], int)
        assert c["evidence"] in EVIDENCE_TYPES
        for key in ("journal", "pmid", "doi", "url"):
            assert c[key] is None or isinstance(c[key], str)
    kinds = [n["kind"] for n in obj["notices"]]
    assert "general" in kinds
    assert set(kinds) <= {"general", "off_label", "dosing", "emergency", "pregnancy", "renal"}
    for n in obj["notices"]:
        assert set(n) == {"kind", "text"} and n["text"]


def _cli(args: list[str], index_dir, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(index_dir), "ASSISTANT_TORCH_THREADS": "1"}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin, capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip


@pytest.mark.slow
def test_ask_json_and_batch_follow_the_public_schema(corpus_index) -> None:
    batch = "\n".join(
        [
            "Does baclofen reduce alcohol craving?",
            json.dumps({"q": "What is the capital of Australia?"}),
            "",
            "{not json",
            json.dumps({"q": "What is baclofen's half-life?"}),
        ]
    )
    res = _cli(["ask", "--json", "--batch", "-"], corpus_index.index_dir, stdin=batch)
    assert res.returncode == 0, res.stderr
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(lines) == 4  # the empty line is skipped, the broken one reported in place
    _check_schema(lines[0])
    assert (
        lines[0]["question"] == "Does baclofen reduce alcohol craving?"
        and not lines[0]["abstained"]
    )
    _check_schema(lines[1])
    assert lines[1]["abstained"]
    assert lines[2] == {"line": 4, "error": lines[2]["error"]} and "JSON" in lines[2]["error"]
    _check_schema(lines[3])
    assert lines[3]["question"] == "What is baclofen's half-life?"

    single = _cli(["ask", "--json", "What did the Bacloville trial find?"], corpus_index.index_dir)
    assert single.returncode == 0, single.stderr
    obj = json.loads(single.stdout)
    _check_schema(obj)
    assert any(c["source_id"] == "rigal2020_bacloville" for c in obj["citations"])

    human = _cli(["ask", "What did the Bacloville trial find?"], corpus_index.index_dir)
    assert human.returncode == 0 and "Sources:" in human.stdout and "[1]" in human.stdout

    missing = _cli(["ask"], corpus_index.index_dir)
    assert missing.returncode == 2 and "Give a QUESTION" in missing.stderr


def test_another_medicine_is_answered_when_the_sources_name_it(corpus_assistant) -> None:
    ans = corpus_assistant.ask("Is naltrexone better than acamprosate for alcohol dependence?")
    assert not ans.abstained, ans.answer
    assert "naltrexone" in ans.answer.lower() or "acamprosate" in ans.answer.lower()


def test_efficacy_question_brings_the_pooled_evidence(corpus_assistant) -> None:
    """'Does it work?' is answered from meta-analyses first, not only from the small early
    studies whose titles repeat the question's words; the pooled craving result is negative,
    so the answer shows that the evidence conflicts."""
    ans = corpus_assistant.ask("Does baclofen reduce alcohol craving?")
    evidence = [c.evidence for c in ans.citations]
    assert evidence[0] in ("meta-analysis", "systematic-review"), evidence
    assert "not significantly" in ans.answer or "not statistic" in ans.answer, ans.answer


def test_emergency_in_everyday_words_is_answered_from_the_overdose_label(corpus_assistant) -> None:
    ans = corpus_assistant.ask("My friend took 30 baclofen tablets and won't wake up")
    assert ans.notices[0].kind == "emergency"
    assert ans.citations[0].source_id == "label_overdose", [c.source_id for c in ans.citations]
    assert "coma" in ans.answer and "respiratory depression" in ans.answer
    assert "craving" not in ans.answer.lower()
    ans = corpus_assistant.ask("He ran out of baclofen yesterday and now he is seeing things")
    assert ans.notices[0].kind == "emergency"
    assert "hallucinations" in ans.answer, ans.answer


def test_named_trial_answer_carries_its_main_result(corpus_assistant) -> None:
    ans = corpus_assistant.ask("What did the ALPADIR trial find?")
    assert "11.9%" in ans.answer and "10.5%" in ans.answer, ans.answer
    assert "reynaud2017" in {c.source_id for c in ans.citations}
