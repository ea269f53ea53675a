"""Spot checks of hybrid retrieval on the real corpus: the record that answers a fact-sheet
question must be among the top 5 retrieved chunks, both for the wording in eval/questions.yaml and
for paraphrases that avoid its key words."""

from __future__ import annotations

import pytest

from assistant.evaluation.metrics import source_matches
from assistant.evaluation.run import DEFAULT_QUESTIONS, Question, load_questions, retrieved

TOP = 5

# Fact-sheet questions from eval/questions.yaml whose answer sits in one or two specific records.
SPOT_IDS = [
    "q010", "q017", "q021", "q023", "q025", "q026",  # efficacy
    "q030", "q032", "q034", "q037", "q038", "q039", "q040", "q042", "q043",  # trials by name
    "q046", "q047", "q049", "q050", "q052",
    "q054", "q055", "q056", "q057", "q058", "q059", "q060", "q061", "q062",  # by description
    "q063", "q064", "q066", "q067", "q068",
    "q069", "q075", "q079", "q082",  # safety
    "q099", "q102", "q103",  # pregnancy, renal
    "q107", "q117", "q119", "q124", "q126",  # label, history, pharmacokinetics
    "q128", "q129", "q131", "q133", "q134",  # regulation
]  # fmt: skip

# Paraphrases: the same facts asked in other words (no trial names, few shared key words).
PARAPHRASES: list[tuple[str, list[str]]] = [
    ("Which study gave baclofen to drinkers with scarred livers and saw 71 percent stay dry?",
     ["addolorato2007"]),
    ("Tell me about the big French high-dose study that aimed for 180 mg every day.",
     ["reynaud2017"]),
    ("Results of the Netherlands multicentre study with a 150 mg arm and a 30 mg arm",
     ["beraha2016"]),
    ("French family doctors gave heavy drinkers up to 300 mg for a year: what came of it?",
     ["rigal2020_bacloville"]),
    ("How much of a swallowed baclofen tablet actually reaches the bloodstream?",
     ["agarwal2015", "label_pharmacokinetics"]),
    ("Were older people with weak kidneys hospitalised with confusion after starting baclofen?",
     ["muanda2019", "label_renal_impairment"]),
    ("Does the drug get into a nursing mother's milk, and how much?",
     ["label_pregnancy_lactation"]),
    ("Which single reason rules baclofen out according to American labelling?",
     ["label_contraindications"]),
    ("Is baclofen licensed in America for treating drinking problems?",
     ["reg_us_fda", "label_indication"]),
    ("Do people who swallow lots of baclofen on purpose end up needing a breathing machine?",
     ["poisoning2013", "label_overdose"]),
    ("Baclofen versus clonidine for getting off heroin",
     ["akhondzadeh2000", "ahmadiabhari2001"]),
    ("Can baclofen help smokers who are not ready to quit light up less often?",
     ["franklin2009"]),
    ("Which French tablet containing baclofen was authorised in 2018 to cut alcohol consumption?",
     ["reg_france_baclocur"]),
    ("Deaths and hospital stays with very high baclofen doses in France's insurance database",
     ["chaignot2018"]),
    ("Who invented baclofen and what disease was it first meant for?",
     ["kent2020", "overview_mechanism"]),
]  # fmt: skip


@pytest.fixture(scope="module")
def questions_by_id() -> dict[str, Question]:
    return {q.id: q for q in load_questions(DEFAULT_QUESTIONS)}


def _check(assistant, question: str, expected: list[str]) -> None:
    # the retrieval ``ask`` runs: the question's plan, its search text and evidence preference
    ctxs = retrieved(assistant, assistant.plan(question), TOP)
    got = [c.source_id for c in ctxs]
    hit = any(source_matches(e, c) for c in ctxs for e in expected)
    assert hit, (
        f"\n  question: {question}\n  expected any of: {expected}\n  top {TOP} sources: {got}"
    )


def test_spot_ids_exist(questions_by_id: dict[str, Question]) -> None:
    assert len(SPOT_IDS) >= 20 and len(PARAPHRASES) >= 10
    missing = [i for i in SPOT_IDS if i not in questions_by_id]
    assert not missing
    assert all(
        not questions_by_id[i].abstain and questions_by_id[i].expected_sources for i in SPOT_IDS
    )


@pytest.mark.parametrize("qid", SPOT_IDS)
def test_fact_sheet_question_top5(corpus_assistant, questions_by_id, qid: str) -> None:
    q = questions_by_id[qid]
    _check(corpus_assistant, q.question, q.expected_sources)


# Paraphrases deliberately avoid the records' words, and the bundled MiniLM model misses some of
# them ("the big French high-dose study" finds the French regulatory records before ALPADIR).
# The floor is what hybrid retrieval reaches now, so a change that loses one fails; at least ten
# paraphrased questions must be found in any case.
PARAPHRASE_FLOOR = 13


def test_paraphrases_top5(corpus_assistant) -> None:
    misses = []
    for question, expected in PARAPHRASES:
        try:
            _check(corpus_assistant, question, expected)
        except AssertionError as exc:
            misses.append(str(exc))
    hits = len(PARAPHRASES) - len(misses)
    print(f"\nparaphrases found in the top {TOP}: {hits}/{len(PARAPHRASES)}", *misses, sep="\n")
    assert hits >= PARAPHRASE_FLOOR, "\n".join(misses)


def test_top_k_caps_chunks_per_record_except_the_named_one() -> None:
    from types import SimpleNamespace

    from assistant.index.retrieval import _diverse
    from assistant.library.chunks import ChunkMeta

    metas = [ChunkMeta(s, "T", "rct") for s in ["a", "a", "a", "b", "a", "c", "b", "b"]]
    store = SimpleNamespace(metas=metas)
    ranked = list(range(len(metas)))
    assert _diverse(store, ranked, 4, 2) == [0, 1, 3, 5]  # the third "a" waits
    assert _diverse(store, ranked, 6, 2) == [0, 1, 3, 5, 6, 2]  # others used up: fill
    assert _diverse(store, ranked, 4, 2, focus={"a"}) == [0, 1, 2, 3]  # the question names "a"
    assert _diverse(store, ranked, 3, 0) == [0, 1, 2]  # no cap


def test_dense_search_is_exact_on_the_corpus(corpus_assistant, questions_by_id) -> None:
    """With search_ef above the chunk count, Chroma's HNSW returns the exact neighbours: the same
    on every build, embedded or on a server."""
    import numpy as np

    store = corpus_assistant.store
    questions = [q.question for q in questions_by_id.values()][:40]
    for vec in corpus_assistant.embedder.encode(questions):
        got = [p for p, _ in store.dense(vec, 30)]
        exact = np.argsort(-(np.asarray(store.vectors) @ vec), kind="stable")[:30].tolist()
        assert set(got) == set(exact)
