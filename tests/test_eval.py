"""The evaluation question file and the metric functions of assistant.evaluation.run."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from assistant.answer import Answer, Citation, Context, Notice
from assistant.evaluation import run as evaluate
from assistant.evaluation.run import (
    DEFAULT_QUESTIONS,
    Question,
    QuestionFileError,
    alce_scores,
    answer_sentences,
    check_citations,
    format_report,
    hit_rank,
    key_fact_coverage,
    lexical_support,
    load_questions,
    notice_scores,
    retrieval_scores,
    run_eval,
)
from assistant.library.records import load_corpus
from assistant.settings import PROJECT_DIR

# --------------------------------------------------------------------------- the question file


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    return load_questions(DEFAULT_QUESTIONS)


@pytest.fixture(scope="module")
def corpus() -> dict[str, Any]:
    records = load_corpus(PROJECT_DIR / "corpus")
    by_key: dict[str, Any] = {}
    for r in records:
        by_key[r.id] = r
        if r.pmid:
            by_key[f"pmid:{r.pmid}"] = r
        if r.doi:
            by_key[f"doi:{r.doi.lower()}"] = r
    return by_key


def _key(src: str) -> str:
    return src.lower() if src.startswith("doi:") else src


def test_question_file_validates(questions: list[Question]) -> None:
    assert len(questions) >= 80
    out = [q for q in questions if q.category == "out-of-scope"]
    assert len(out) >= 15
    assert all(q.abstain for q in out)
    assert len({q.id for q in questions}) == len(questions)
    # every category of the schema is exercised
    assert {q.category for q in questions} == set(evaluate.CATEGORIES)


def test_every_expected_source_exists(questions: list[Question], corpus: dict[str, Any]) -> None:
    missing = [
        f"{q.id}: {s}" for q in questions for s in q.expected_sources if _key(s) not in corpus
    ]
    assert not missing, "expected sources not in the corpus:\n" + "\n".join(missing)


def test_every_key_fact_is_in_an_expected_source(
    questions: list[Question], corpus: dict[str, Any]
) -> None:
    """Keeps the file honest: a key fact must be stated by at least one expected record."""
    norm = evaluate.normalise_fact_text
    problems = []
    for q in questions:
        bodies = [norm(corpus[_key(s)].body) for s in q.expected_sources if _key(s) in corpus]
        for fact in q.key_facts:
            if not any(norm(fact).strip() in b for b in bodies):
                problems.append(f"{q.id}: {fact!r} not in {q.expected_sources}")
    assert not problems, "\n".join(problems)


def test_personal_dosing_and_notice_items_present(questions: list[Question]) -> None:
    kinds = {k for q in questions for k in q.notices}
    assert kinds == {"off_label", "dosing", "emergency", "pregnancy", "renal"}
    assert sum("dosing" in q.notices for q in questions) >= 3


def test_load_questions_names_the_bad_item(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(
        "- id: q001\n  question: 'Fine?'\n  category: safety\n  expected_sources: [label_overdose]\n"
        "- id: q002\n  question: 'Broken?'\n  category: not-a-category\n"
        "  expected_sources: [x]\n"
    )
    with pytest.raises(QuestionFileError) as err:
        load_questions(path)
    msg = str(err.value)
    assert "item 2" in msg and "q002" in msg and "category" in msg


@pytest.mark.parametrize(
    "item, needle",
    [
        ({"id": "q001", "question": "Why?", "category": "safety"}, "expected source"),
        (
            {"id": "q001", "question": "Who won?", "category": "out-of-scope", "abstain": False},
            "abstain",
        ),
        (
            {
                "id": "q001",
                "question": "Dose?",
                "category": "dosing",
                "expected_sources": ["label_dosing"],
                "notices": ["dosing"],
                "forbidden_notices": ["dosing"],
            },
            "both required and forbidden",
        ),
        (
            {
                "id": "q001",
                "question": "Dose?",
                "category": "dosing",
                "expected_sources": ["label_dosing"],
                "notices": ["general"],
            },
            "notices",
        ),
    ],
)
def test_question_rules(tmp_path: Path, item: dict[str, Any], needle: str) -> None:
    import yaml

    path = tmp_path / "q.yaml"
    path.write_text(yaml.safe_dump([item]))
    with pytest.raises(QuestionFileError, match=needle):
        load_questions(path)


def test_load_questions_rejects_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    item = "- id: q001\n  question: 'Hello there?'\n  category: out-of-scope\n  abstain: true\n"
    path.write_text(item + item)
    with pytest.raises(QuestionFileError, match="duplicate id q001"):
        load_questions(path)


# --------------------------------------------------------------------------- metric functions

CHUNK = "Baclofen lowered alcohol craving scores compared with placebo. Drowsiness was common."


def _store() -> SimpleNamespace:
    return SimpleNamespace(
        position={"rec::0": 0, "other::0": 1},
        texts=[CHUNK, "Unrelated text about kidney clearance."],
        metas=[{"source_id": "rec"}, {"source_id": "other"}],
    )


def _cit(n: int, quote: str, chunk_id: str = "rec::0", source_id: str = "rec") -> Citation:
    return Citation(
        n=n,
        source_id=source_id,
        title="T",
        authors="A",
        year=2001,
        journal=None,
        pmid=None,
        doi=None,
        url=None,
        evidence="rct",
        quote=quote,
        page=None,
        chunk_id=chunk_id,
    )


def _ctx(source: str, pmid: str = "", doi: str = "") -> Context:
    return Context(
        chunk_id=f"{source}::0",
        text="x",
        metadata={"source_id": source, "pmid": pmid, "doi": doi},
    )


def test_citation_validity_detects_non_verbatim_quote() -> None:
    ans = Answer(
        question="q",
        answer="- a [1]\n- b [2]\n- c [3]\n- d [4]",
        abstained=False,
        citations=[
            _cit(1, "Baclofen lowered alcohol craving scores compared with placebo."),
            _cit(2, "Baclofen reduced alcohol craving scores versus placebo."),  # paraphrase
            _cit(3, "Drowsiness was common.", chunk_id="missing::9"),
            _cit(4, "Drowsiness was common.", source_id="someone_else"),
        ],
    )
    checks = check_citations(ans, _store())
    assert [c.valid for c in checks] == [True, False, False, False]
    assert "verbatim" in checks[1].reason
    assert "unknown chunk" in checks[2].reason
    assert "another source" in checks[3].reason


def test_key_fact_coverage_is_case_and_dash_insensitive() -> None:
    text = "- Low doses (30–60 mg/day) did better; OCDS fell [1]"
    assert key_fact_coverage(text, ["30-60 mg/day", "ocds"]) == 1.0
    assert key_fact_coverage(text, ["30-60 mg/day", "180 mg/day"]) == 0.5
    assert key_fact_coverage(text, []) is None


def test_answer_sentences_parses_markers() -> None:
    sents = answer_sentences(
        "Intro line\n- First claim here. [1]\n- Second claim [1][2]\n- No marks"
    )
    assert [(s.text, s.cites) for s in sents] == [
        ("First claim here.", [1]),
        ("Second claim", [1, 2]),
        ("No marks", []),
    ]


def test_alce_lexical_support_supported_vs_unsupported() -> None:
    quote = "Baclofen lowered alcohol craving scores compared with placebo."
    assert lexical_support("Baclofen lowered craving scores compared with placebo", [quote]) == 1.0
    assert lexical_support("The moon is made of green cheese", [quote]) == 0.0
    answer = (
        "- Baclofen lowered alcohol craving scores compared with placebo. [1]\n"
        "- The moon is made of green cheese. [1]"
    )
    score = alce_scores(answer, [_cit(1, quote)])
    assert score is not None
    assert score.recall == 0.5
    assert score.precision == 0.5  # the citation of the unsupported sentence is not precise


def test_alce_precision_flags_a_redundant_citation() -> None:
    q1 = "Baclofen lowered alcohol craving scores compared with placebo."
    q2 = "Kidney clearance of the drug fell with age."
    # [2] adds nothing: [1] alone supports the sentence and removing [2] keeps the support.
    s = alce_scores(
        "- Baclofen lowered alcohol craving versus placebo. [1][2]", [_cit(1, q1), _cit(2, q2)]
    )
    assert s is not None and s.recall == 1.0 and s.precision == 0.5
    # Each quote covers half the sentence: neither alone supports, removing either breaks it.
    both = alce_scores(
        "- Baclofen lowered craving; kidney clearance fell with age. [1][2]",
        [_cit(1, "Baclofen lowered craving."), _cit(2, "Kidney clearance fell with age.")],
    )
    assert both is not None and both.recall == 1.0 and both.precision == 1.0
    # A sentence without markers has no support.
    none = alce_scores("- Baclofen lowered craving.", [])
    assert none is not None and none.recall == 0.0


def test_hit_rank_counts_distinct_sources_and_identifiers() -> None:
    ctxs = [_ctx("a"), _ctx("a"), _ctx("b", pmid="123"), _ctx("c", doi="10.1/XY")]
    assert hit_rank(["a"], ctxs, 5) == 1
    assert hit_rank(["b"], ctxs, 5) == 2  # the repeated "a" chunk does not count twice
    assert hit_rank(["pmid:123"], ctxs, 5) == 2
    assert hit_rank(["doi:10.1/xy"], ctxs, 5) == 3
    assert hit_rank(["c"], ctxs, 2) is None
    assert hit_rank(["zzz"], ctxs, 5) is None


def test_retrieval_scores() -> None:
    s = retrieval_scores([1, 2, None, 5], k=5)
    assert s["recall@1"] == 0.25
    assert s["recall@5"] == 0.75
    assert s["mrr"] == pytest.approx((1 + 0.5 + 0.2) / 4)


def test_notice_scores_precision_recall() -> None:
    def ans(*kinds: str) -> Answer:
        return Answer("q", "a", False, notices=[Notice(k, "t") for k in ("general", *kinds)])  # type: ignore[arg-type]

    def item(qid: str, *kinds: str) -> Question:
        return Question(
            id=qid,
            question="Dose question?",
            category="dosing",
            expected_sources=["label_dosing"],
            notices=list(kinds),  # type: ignore[arg-type]
        )

    scores = notice_scores(
        [
            (item("q001", "dosing"), ans("dosing")),
            (item("q002", "dosing"), ans()),
            (item("q003"), ans("dosing", "off_label")),
        ]
    )
    d = scores["dosing"]
    assert (d.tp, d.fp, d.fn) == (1, 1, 1)
    assert d.precision == 0.5 and d.recall == 0.5
    assert d.missed == ["q002"] and d.unexpected == ["q003"]
    assert scores["off_label"].recall is None  # never expected
    assert scores["off_label"].precision == 0.0


def test_run_eval_plumbing_with_a_fake_assistant(monkeypatch: pytest.MonkeyPatch) -> None:
    """run_eval on a stub assistant: every metric is computed and the report formats."""
    from assistant.index import retrieval

    store = _store()

    def fake_retrieve(
        store_,
        embedder,
        query,
        k=None,
        filters=None,
        method="hybrid",
        query_vec=None,
        prefer_evidence=None,
    ):
        first = "rec" if method != "bm25" else "other"
        return [
            Context(f"{first}::0", "t", {"source_id": first}),
            Context("rec::0", "t", {"source_id": "rec"}),
        ]

    monkeypatch.setattr(retrieval, "retrieve", fake_retrieve)
    good = _cit(1, "Baclofen lowered alcohol craving scores compared with placebo.")

    def ask(question: str) -> Answer:
        if "moon" in question:
            return Answer(
                question, "The sources do not answer.", True, notices=[Notice("general", "g")]
            )
        return Answer(
            question,
            "- Baclofen lowered alcohol craving scores compared with placebo. [1]",
            False,
            citations=[good],
            notices=[Notice("general", "g"), Notice("off_label", "o")],
        )

    fake = SimpleNamespace(
        store=store,
        embedder=SimpleNamespace(encode=lambda texts: np.zeros((len(texts), 3))),
        ask=ask,
    )
    qs = [
        Question(
            id="q001",
            question="Does baclofen lower craving?",
            category="efficacy-alcohol",
            expected_sources=["rec"],
            key_facts=["placebo", "180 mg/day"],
            notices=["off_label"],
        ),
        Question(id="q002", question="Is the moon cheese?", category="out-of-scope", abstain=True),
    ]
    report = run_eval(fake, qs)
    assert report["retrieval"]["hybrid"]["recall@1"] == 1.0
    assert report["retrieval"]["bm25"]["recall@1"] == 0.0
    assert report["retrieval"]["bm25"]["recall@5"] == 1.0
    assert report["retrieval"]["bm25"]["mrr"] == 0.5
    assert report["citation_validity"]["rate"] == 1.0
    assert report["key_facts"]["coverage"] == 0.5
    assert report["abstention"]["accuracy"] == 1.0
    assert report["notices"]["per_kind"]["off_label"]["recall"] == 1.0
    assert report["notices"]["general_always_present"]
    assert report["alce"]["citation_recall"] == 1.0
    text = format_report(report)
    assert "recall@5" in text and "citation validity" in text
    import json

    json.dumps(report)  # JSON-able


# --------------------------------------------------------------------------- the real corpus


@pytest.mark.slow
def test_full_eval_on_the_real_corpus(corpus_assistant, questions: list[Question]) -> None:
    report = run_eval(corpus_assistant, questions)
    print()
    print(format_report(report))
    assert report["citation_validity"]["rate"] == 1.0, report["citation_validity"]["failures"]
