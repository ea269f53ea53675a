"""Run the question set through the real pipeline and report (``assistant eval``).

``run_eval`` asks every question as a user would (``Assistant.ask``, with the conversation's
earlier questions for follow-ups), measures retrieval per method on the same plans, and scores
everything in :mod:`assistant.evaluation.metrics`. ``format_report`` prints the tables;
``answers_markdown`` writes each question with its answer, for grading by hand.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from assistant.answer import Answer, Context, Plan
from assistant.answering.pipeline import prefer_evidence, search_query
from assistant.evaluation import metrics as m
from assistant.evaluation.questions import (
    CATEGORIES,
    DEFAULT_QUESTIONS,
    HOLDOUT_QUESTIONS,
    Question,
    QuestionFileError,
    load_questions,
)
from assistant.index import retrieval

METHODS: tuple[str, ...] = ("hybrid", "dense", "bm25")

__all__ = [
    "CATEGORIES", "DEFAULT_QUESTIONS", "HOLDOUT_QUESTIONS", "METHODS", "Question",
    "QuestionFileError", "answers_markdown", "format_report", "load_questions", "retrieved",
    "run_eval",
]  # fmt: skip


def retrieved(
    assistant: Any, plan: Plan, depth: int, method: str = "hybrid", query_vec: Any = None
) -> list[Context]:
    """The ``depth`` best contexts for a question's plan, ranked as ``ask`` ranks them (hybrid:
    with the plan's evidence preference and named records; dense or lexical: bare)."""
    hybrid = method == "hybrid"
    return retrieval.retrieve(
        assistant.store, assistant.embedder, search_query(plan), depth, None, method,
        query_vec=query_vec,
        prefer_evidence=prefer_evidence(plan) if hybrid else None,
        focus_records=[*plan.entities.trials, *plan.entities.documents] if hybrid else (),
        curated_first=hybrid and plan.scope == "curated",
    )  # fmt: skip


def run_eval(
    assistant: Any,
    questions: Sequence[Question],
    methods: Sequence[str] = METHODS,
    k: int = 5,
) -> dict[str, Any]:
    """Ask every question and score the answers; returns a JSON-able report dict."""
    store, embedder = assistant.store, assistant.embedder
    in_scope = [q for q in questions if not q.abstain]
    depth = max(4 * k, 20)

    # Answers through the real pipeline (follow-ups with their conversation).
    answers: list[tuple[Question, Answer, float]] = []
    for q in questions:
        t0 = time.perf_counter()
        ans = assistant.ask(q.question, history=q.history)
        answers.append((q, ans, time.perf_counter() - t0))
    by_id = {q.id: (q, a) for q, a, _ in answers}

    # Retrieval, per method, on the in-scope items, with the plan ``ask`` made.
    ranks: dict[str, dict[str, int | None]] = {meth: {} for meth in methods}
    for q in in_scope:
        plan = by_id[q.id][1].plan
        if plan is None:
            continue
        vec = embedder.encode([search_query(plan)])[0]
        for meth in methods:
            ctxs = retrieved(assistant, plan, depth, meth, vec)
            ranks[meth][q.id] = m.hit_rank(q.expected_sources, ctxs, k)
    retrieval_report: dict[str, Any] = {}
    for meth in methods:
        scores: dict[str, Any] = m.retrieval_scores(list(ranks[meth].values()), k)
        scores["miss_at_1"] = [qid for qid, r in ranks[meth].items() if r != 1]
        scores[f"miss_at_{k}"] = [qid for qid, r in ranks[meth].items() if r is None]
        retrieval_report[meth] = scores

    per_question: list[dict[str, Any]] = []
    cit_valid = cit_total = 0
    cit_failures: list[dict[str, Any]] = []
    facts: dict[str, float] = {}
    alce_r: list[float] = []
    alce_p: list[float] = []
    first_ok: dict[str, bool] = {}
    repeated: list[str] = []
    meta: list[str] = []
    off_total = off_count = 0
    off_ids: list[str] = []
    declines: dict[str, bool] = {}
    plan_hits: dict[str, list[bool]] = {}
    plan_misses: list[str] = []
    missing_general: list[str] = []
    answered = 0
    for q, ans, secs in answers:
        checks = m.check_citations(ans, store)
        ok = [c for c in checks if c.valid]
        cit_valid += len(ok)
        cit_total += len(checks)
        cit_failures += [
            {"id": q.id, "n": c.n, "chunk_id": c.chunk_id, "reason": c.reason}
            for c in checks
            if not c.valid
        ]
        sentences = m.answer_lines(ans.answer)
        if not q.abstain:
            cov = m.key_fact_coverage(ans.answer, q.key_facts)
            if cov is not None:
                facts[q.id] = cov
            if q.first_sentence:
                first_ok[q.id] = not ans.abstained and m.terms_present(
                    m.first_sentence(ans.answer), q.first_sentence
                )
        if not ans.abstained:
            answered += 1
            alce = m.alce_scores(ans.answer, ans.citations)
            if alce is not None:
                alce_r.append(alce.recall)
                alce_p.append(alce.precision)
            vectors = embedder.encode(sentences) if len(sentences) > 1 else None
            if m.repeated_facts(sentences, vectors):
                repeated.append(q.id)
            if m.meta_sentences(ans):
                meta.append(q.id)
            off = m.off_topic(sentences, q)
            if q.entities.substance:
                off_total += len(sentences)
                off_count += len(off)
                if off:
                    off_ids.append(q.id)
        if q.decline_medicine:
            declines[q.id] = m.declined_naming(ans, q.decline_medicine)
        match = m.plan_matches(q, ans.plan)
        for key, hit in match.items():
            if hit is not None:
                plan_hits.setdefault(key, []).append(hit)
        if not match["intent"]:
            plan_misses.append(f"{q.id}:{q.intent}->{ans.plan.intent if ans.plan else '?'}")
        if "general" not in {n.kind for n in ans.notices}:
            missing_general.append(q.id)
        per_question.append(
            {
                "id": q.id,
                "category": q.category,
                "intent": q.intent,
                "plan": ans.plan.to_json() if ans.plan else None,
                "question": q.question,
                "history": q.history,
                "answer": ans.answer,
                "note": ans.note,
                "route": ans.route,
                "expected_abstain": q.abstain,
                "abstained": ans.abstained,
                "notices": sorted(m.predicted_notices(ans)),
                "expected_notices": sorted(q.notices),
                "first_sentence_ok": first_ok.get(q.id),
                "key_fact_coverage": facts.get(q.id),
                "sources": [c.source_id for c in ans.citations],
                "seconds": round(secs, 4),
                **{f"rank_{meth}": ranks[meth].get(q.id) for meth in methods},
            }
        )

    wrongly_answered = [q.id for q, a, _ in answers if q.abstain and not a.abstained]
    wrongly_declined = [q.id for q, a, _ in answers if not q.abstain and a.abstained]
    n = len(answers)
    kind_scores = m.notice_scores((q, a) for q, a, _ in answers)
    times = [s for _, _, s in answers]

    def subset(pred: Any) -> dict[str, Any]:
        items = [q for q, _, _ in answers if pred(q)]
        hits = (
            [ranks["hybrid"].get(q.id) for q in items if not q.abstain] if "hybrid" in ranks else []
        )
        firsts = [first_ok[q.id] for q in items if q.id in first_ok]
        right = [by_id[q.id][1].abstained == q.abstain for q in items]
        return {
            "n": len(items),
            "recall@5": m.mean([r is not None for r in hits]),
            "first_sentence": m.mean(firsts),
            "abstention_accuracy": m.mean(right),
        }

    english_of = {q.paraphrase_of for q, _, _ in answers if q.language}
    return {
        "n_questions": n,
        "n_in_scope": len(in_scope),
        "n_out_of_scope": n - len(in_scope),
        "k": k,
        "retrieval": retrieval_report,
        "form": {
            "bottom_line_first": m.mean(list(first_ok.values())),
            "bottom_line_n": len(first_ok),
            "bottom_line_misses": sorted(i for i, v in first_ok.items() if not v),
            "repeated_fact_rate": len(repeated) / answered if answered else None,
            "repeated_fact_ids": repeated,
            "meta_sentence_rate": len(meta) / answered if answered else None,
            "meta_sentence_ids": meta,
            "off_topic_share": off_count / off_total if off_total else None,
            "off_topic_ids": off_ids,
            "other_medicine_decline_rate": m.mean(list(declines.values())),
            "other_medicine_misses": sorted(i for i, v in declines.items() if not v),
        },
        "planner": {
            **{key: m.mean(v) for key, v in plan_hits.items()},
            "n": {key: len(v) for key, v in plan_hits.items()},
            "intent_misses": plan_misses,
        },
        "conversation": subset(lambda q: bool(q.history)),
        "non_english": subset(lambda q: bool(q.language)),
        "english_originals": subset(lambda q: q.id in english_of),
        "citation_validity": {
            "valid": cit_valid,
            "total": cit_total,
            "rate": cit_valid / cit_total if cit_total else 1.0,
            "failures": cit_failures,
        },
        "key_facts": {
            "coverage": m.mean(list(facts.values())),
            "n": len(facts),
            "incomplete": sorted(qid for qid, c in facts.items() if c < 1),
        },
        "abstention": {
            "accuracy": (n - len(wrongly_answered) - len(wrongly_declined)) / n if n else None,
            "wrongly_answered": wrongly_answered,
            "wrongly_declined": wrongly_declined,
        },
        "notices": {
            "per_kind": {
                kd: {
                    **{x: v for x, v in asdict(s).items() if x not in ("missed", "unexpected")},
                    "precision": s.precision,
                    "recall": s.recall,
                    "missed": s.missed,
                    "unexpected": s.unexpected,
                }
                for kd, s in kind_scores.items()
            },
            "general_always_present": not missing_general,
            "missing_general": missing_general,
        },
        "alce": {
            "citation_recall": m.mean(alce_r),
            "citation_precision": m.mean(alce_p),
            "n_answers": len(alce_r),
            "threshold": m.SUPPORT_THRESHOLD,
        },
        "timing": {"mean_seconds": m.mean(times), "total_seconds": sum(times)},
        "per_question": per_question,
    }


# --------------------------------------------------------------------------- report


def _f(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _ids(ids: Sequence[str], limit: int = 40) -> str:
    if not ids:
        return "-"
    more = f" (+{len(ids) - limit} more)" if len(ids) > limit else ""
    return ", ".join(ids[:limit]) + more


def format_report(report: dict[str, Any]) -> str:
    """Plain-text tables of a :func:`run_eval` report."""
    k = report["k"]
    lines = [
        f"Questions: {report['n_questions']} "
        f"({report['n_in_scope']} in scope, {report['n_out_of_scope']} to decline)",
        "",
        "Retrieval (distinct sources; in-scope questions)",
        f"  {'method':<8} {'recall@1':>9} {f'recall@{k}':>9} {'MRR':>7}",
    ]
    for meth, s in report["retrieval"].items():
        lines.append(
            f"  {meth:<8} {_f(s['recall@1']):>9} {_f(s[f'recall@{k}']):>9} {_f(s['mrr']):>7}"
        )
    fm = report["form"]
    pl = report["planner"]
    lines += [
        "",
        "Answer form",
        f"  bottom line in the first sentence {_f(fm['bottom_line_first'])}  (over {fm['bottom_line_n']})",
        f"  repeated-fact rate                {_f(fm['repeated_fact_rate'])}",
        f"  meta-sentence rate                {_f(fm['meta_sentence_rate'])}",
        f"  off-topic sentence share          {_f(fm['off_topic_share'])}",
        f"  other-medicine decline rate       {_f(fm['other_medicine_decline_rate'])}",
        "",
        "Planner (against the labels)",
        "  "
        + "  ".join(f"{key} {_f(v)}" for key, v in pl.items() if key not in ("n", "intent_misses")),
        "",
        "Subsets              n   recall@5  first-sentence  abstention",
    ]
    for name in ("conversation", "non_english", "english_originals"):
        s = report[name]
        lines.append(
            f"  {name:<17} {s['n']:>4} {_f(s['recall@5']):>9} {_f(s['first_sentence']):>15} "
            f"{_f(s['abstention_accuracy']):>11}"
        )
    cv, kf, ab, al = (
        report["citation_validity"],
        report["key_facts"],
        report["abstention"],
        report["alce"],
    )
    lines += [
        "",
        "Answers",
        f"  citation validity       {_f(cv['rate'])}  ({cv['valid']}/{cv['total']})",
        f"  key-fact coverage       {_f(kf['coverage'])}  (over {kf['n']} items)",
        f"  abstention accuracy     {_f(ab['accuracy'])}",
        f"  ALCE citation recall    {_f(al['citation_recall'])}  (lexical, >= {al['threshold']})",
        f"  ALCE citation precision {_f(al['citation_precision'])}  (over {al['n_answers']} answers)",
        f"  mean seconds/question   {_f(report['timing']['mean_seconds'])}",
        "",
        "Notices (exact expected sets; general is on every answer: "
        f"{'yes' if report['notices']['general_always_present'] else 'NO'})",
        f"  {'kind':<11} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}",
    ]
    for kd, s in report["notices"]["per_kind"].items():
        lines.append(
            f"  {kd:<11} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4} {_f(s['precision']):>10} {_f(s['recall']):>8}"
        )
    lines += ["", "Failing question ids"]
    lines.append(f"  first sentence misses: {_ids(fm['bottom_line_misses'])}")
    lines.append(f"  repeated facts: {_ids(fm['repeated_fact_ids'])}")
    lines.append(f"  meta sentences: {_ids(fm['meta_sentence_ids'])}")
    lines.append(f"  off-topic: {_ids(fm['off_topic_ids'])}")
    lines.append(f"  other medicine not declined: {_ids(fm['other_medicine_misses'])}")
    lines.append(
        f"  retrieval misses@{k} (hybrid): {_ids(report['retrieval'].get('hybrid', {}).get(f'miss_at_{k}', []))}"
    )
    lines.append(f"  citation failures: {_ids(sorted({f['id'] for f in cv['failures']}))}")
    lines.append(f"  should decline, answered: {_ids(ab['wrongly_answered'])}")
    lines.append(f"  declined, should answer: {_ids(ab['wrongly_declined'])}")
    for kd, s in report["notices"]["per_kind"].items():
        if s["missed"] or s["unexpected"]:
            lines.append(
                f"  notice {kd}: missed {_ids(s['missed'])}; unexpected {_ids(s['unexpected'])}"
            )
    lines.append(f"  planner intent misses: {_ids(pl['intent_misses'])}")
    return "\n".join(lines)


def answers_markdown(report: dict[str, Any]) -> str:
    """Every question with its answer, route and notices, as Markdown (for grading)."""
    out = ["# Answers", ""]
    for row in report["per_question"]:
        out.append(f"## {row['id']}: {row['question']}")
        if row["history"]:
            out.append("Earlier in the conversation: " + " / ".join(row["history"]))
        out.append("")
        out.append(
            f"*route {row['route']}; notices: {', '.join(row['notices']) or 'general only'}*"
        )
        if row["note"]:
            out.append(f"*note: {row['note']}*")
        out.append("")
        out.append(row["answer"])
        out.append("")
    return "\n".join(out)
