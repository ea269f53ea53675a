"""Answer-quality evaluation: retrieval, citations, key facts, abstention, notices, timing.

``load_questions`` reads ``eval/questions.yaml``; ``run_eval`` asks every question through the real
pipeline (:meth:`Assistant.ask`) and also runs each retrieval method on its own; ``format_report``
prints the result as plain-text tables. Everything here is a pure function over the assistant's
outputs, so the metric functions can be tested on hand-made :class:`Answer` objects.

Metrics
-------
* **Retrieval** (per method: hybrid, dense, bm25): the retrieved chunks are collapsed to their
  *distinct* sources in rank order; recall@1 and recall@k say whether any expected source is the
  first / among the first k distinct sources, and MRR is the mean reciprocal rank of the first
  expected source within those k (0 when it is missing). Questions that must be declined are
  skipped. ``pmid:NNN`` and ``doi:10...`` expected sources match a context whose metadata carries
  that identifier.
* **Citation validity**: every citation's quote must be a verbatim substring of the text of the
  chunk it names (``citation.chunk_id``, looked up in ``store.position`` / ``store.texts``) and that
  chunk must belong to the cited source. Computed over *all* answers, declined ones included.
* **Key-fact coverage**: share of an item's ``key_facts`` found in the answer text
  (case-insensitive; runs of dashes and spaces count as one space), averaged over in-scope items
  that list key facts.
* **Abstention**: accuracy of ``answer.abstained == item.abstain``, plus the declined rate on
  out-of-scope items and the answered rate on in-scope items.
* **Notices**: per kind, precision and recall of the predicted kinds (the answer's notice kinds
  minus ``general``) against ``item.notices``; ``forbidden_notices`` violations are listed; and a
  check that the ``general`` notice is on every answer.
* **ALCE-style citation recall and precision, computed lexically.** ALCE (Gao et al., 2023) judges
  support with an NLI model; this offline evaluation approximates entailment lexically. An answer
  sentence is a line ``- text [n][m]``; its content tokens are ``assistant.library.chunks.tokenize(text)``
  (lowercased, stopwords removed, stemmed). A set of quotes *supports* the sentence when at least
  ``SUPPORT_THRESHOLD`` (0.6) of the sentence's distinct content tokens occur in the union of the
  quotes' tokens. Citation recall of a sentence is 1 when its cited quotes jointly support it (0
  for a sentence without markers). As in ALCE, a citation is *precise* when the sentence's full
  citation set supports it and either that citation alone supports it or removing it breaks the
  support; citation precision is precise citations / all citations. Both are averaged per answer,
  then over answered (not declined) items. Lexical overlap cannot see paraphrase, negation or
  numbers placed in the wrong context, so these scores are an upper-bound proxy for real
  entailment; with the extractive composer, whose sentences are copied from the quotes, they
  should be 1.0 and mainly guard a future generative composer.
* **Timing**: mean wall-clock seconds per :meth:`Assistant.ask` call.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.answer import Answer, Citation, Context
from assistant.library.chunks import tokenize
from assistant.settings import PROJECT_DIR

DEFAULT_QUESTIONS = PROJECT_DIR / "eval" / "questions.yaml"

CATEGORIES: tuple[str, ...] = (
    "efficacy-alcohol",
    "efficacy-other",
    "trial-by-name",
    "trial-by-description",
    "safety",
    "dosing",
    "pregnancy",
    "renal",
    "mechanism",
    "pharmacokinetics",
    "regulation",
    "comparators",
    "misconceptions",
    "out-of-scope",
    "contraindications",
)
Category = Literal[
    "efficacy-alcohol",
    "efficacy-other",
    "trial-by-name",
    "trial-by-description",
    "safety",
    "dosing",
    "pregnancy",
    "renal",
    "mechanism",
    "pharmacokinetics",
    "regulation",
    "comparators",
    "misconceptions",
    "out-of-scope",
    "contraindications",
]
# Notice kinds an item may require or forbid ("general" is always required).
CHECKED_NOTICES: tuple[str, ...] = ("off_label", "dosing", "emergency", "pregnancy", "renal")
CheckedNotice = Literal["off_label", "dosing", "emergency", "pregnancy", "renal"]

SUPPORT_THRESHOLD = 0.6
METHODS: tuple[str, ...] = ("hybrid", "dense", "bm25")


# --------------------------------------------------------------------------- questions


class Question(BaseModel):
    """One evaluation item of ``eval/questions.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^q\d{3,}$")
    question: str = Field(min_length=3)
    category: Category
    expected_sources: list[str] = Field(default_factory=list)
    key_facts: list[str] = Field(default_factory=list)
    abstain: bool = False
    notices: list[CheckedNotice] = Field(default_factory=list)
    forbidden_notices: list[CheckedNotice] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        if self.abstain:
            if self.category != "out-of-scope":
                raise ValueError("abstain: true is only for category out-of-scope")
            if self.expected_sources or self.key_facts:
                raise ValueError("an item that must be declined has no expected_sources/key_facts")
        else:
            if self.category == "out-of-scope":
                raise ValueError("category out-of-scope needs abstain: true")
            if not self.expected_sources:
                raise ValueError("an in-scope item needs at least one expected source")
        for src in self.expected_sources:
            if not re.fullmatch(r"[a-z0-9_-]+|pmid:\d+|doi:10\.\S+", src):
                raise ValueError(f"expected source {src!r} is not a record id, pmid:N or doi:10...")
        if any(not f.strip() for f in self.key_facts):
            raise ValueError("key_facts must not contain empty strings")
        clash = set(self.notices) & set(self.forbidden_notices)
        if clash:
            raise ValueError(f"notice kinds both required and forbidden: {sorted(clash)}")
        return self


class QuestionFileError(ValueError):
    """The question file cannot be used; the message names the file and the item."""


def load_questions(path: str | Path = DEFAULT_QUESTIONS) -> list[Question]:
    """Parse and validate a question file (a YAML list of items)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise QuestionFileError(f"{path}: cannot read questions ({exc})") from None
    if not isinstance(data, list):
        raise QuestionFileError(f"{path}: expected a YAML list of question items")
    out: list[Question] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(data, start=1):
        label = item.get("id", "?") if isinstance(item, dict) else "?"
        try:
            q = Question.model_validate(item)
        except ValidationError as exc:
            details = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'item'}: {e['msg']}" for e in exc.errors()
            )
            raise QuestionFileError(f"{path}: item {i} (id {label}): {details}") from None
        if q.id in seen:
            raise QuestionFileError(
                f"{path}: item {i}: duplicate id {q.id} (also item {seen[q.id]})"
            )
        seen[q.id] = i
        out.append(q)
    return out


# --------------------------------------------------------------------------- retrieval


def source_matches(expected: str, ctx: Context) -> bool:
    """Whether a context belongs to an expected source (record id, ``pmid:N`` or ``doi:10...``)."""
    meta = ctx.metadata
    if expected.startswith("pmid:"):
        return str(meta.get("pmid") or "") == expected[5:]
    if expected.startswith("doi:"):
        return str(meta.get("doi") or "").lower() == expected[4:].lower()
    return ctx.source_id == expected


def distinct_sources(contexts: Sequence[Context]) -> list[Context]:
    """The first context of each source, in rank order."""
    seen: set[str] = set()
    out: list[Context] = []
    for c in contexts:
        if c.source_id not in seen:
            seen.add(c.source_id)
            out.append(c)
    return out


def hit_rank(expected: Sequence[str], contexts: Sequence[Context], k: int) -> int | None:
    """1-based rank, among the first ``k`` distinct sources, of the first expected source."""
    for rank, ctx in enumerate(distinct_sources(contexts)[:k], start=1):
        if any(source_matches(e, ctx) for e in expected):
            return rank
    return None


def retrieval_scores(ranks: Sequence[int | None], k: int) -> dict[str, float]:
    """recall@1, recall@k and MRR@k from per-question hit ranks (None = not in the top k)."""
    n = len(ranks)
    if n == 0:
        return {"recall@1": 0.0, f"recall@{k}": 0.0, "mrr": 0.0, "n": 0}
    return {
        "recall@1": sum(1 for r in ranks if r == 1) / n,
        f"recall@{k}": sum(1 for r in ranks if r is not None and r <= k) / n,
        "mrr": sum(1.0 / r for r in ranks if r is not None and r <= k) / n,
        "n": n,
    }


# --------------------------------------------------------------------------- citations


@dataclass
class CitationCheck:
    n: int
    chunk_id: str
    valid: bool
    reason: str = ""


def check_citations(answer: Answer, store: Any) -> list[CitationCheck]:
    """Check each citation's quote against the stored text of the chunk it names.

    ``store`` needs ``position`` (chunk id -> index) and ``texts``; ``metas`` is used, when
    present, to check that the chunk belongs to the cited source.
    """
    out: list[CitationCheck] = []
    metas = getattr(store, "metas", None)
    for c in answer.citations:
        pos = store.position.get(c.chunk_id) if c.chunk_id else None
        if pos is None:
            out.append(CitationCheck(c.n, c.chunk_id, False, "unknown chunk id"))
            continue
        text = store.texts[pos]
        if not c.quote.strip():
            out.append(CitationCheck(c.n, c.chunk_id, False, "empty quote"))
        elif c.quote not in text:
            out.append(CitationCheck(c.n, c.chunk_id, False, "quote is not verbatim in the chunk"))
        elif metas is not None and str(metas[pos].get("source_id", "")) != c.source_id:
            out.append(CitationCheck(c.n, c.chunk_id, False, "chunk belongs to another source"))
        else:
            out.append(CitationCheck(c.n, c.chunk_id, True))
    return out


# --------------------------------------------------------------------------- key facts

_DASHES = re.compile(r"[\s\-\u2010-\u2015\u2212]+")


def normalise_fact_text(text: str) -> str:
    """Lowercase; runs of whitespace and dashes (hyphen, en/em dash, minus) become one space."""
    return _DASHES.sub(" ", text.lower())


def key_fact_coverage(answer_text: str, facts: Sequence[str]) -> float | None:
    """Share of ``facts`` found in ``answer_text`` (None when there are no facts)."""
    if not facts:
        return None
    norm = normalise_fact_text(answer_text)
    return sum(1 for f in facts if normalise_fact_text(f).strip() in norm) / len(facts)


# --------------------------------------------------------------------------- notices


def predicted_notices(answer: Answer) -> set[str]:
    """Notice kinds on an answer, without ``general``."""
    return {n.kind for n in answer.notices} - {"general"}


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)  # expected but absent
    unexpected: list[str] = field(default_factory=list)  # present but not expected

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def notice_scores(
    pairs: Iterable[tuple[Question, Answer]], kinds: Sequence[str] = CHECKED_NOTICES
) -> dict[str, KindScore]:
    """Per-kind precision/recall of predicted notice kinds against ``item.notices``."""
    scores = {k: KindScore() for k in kinds}
    for item, answer in pairs:
        pred = predicted_notices(answer)
        exp = set(item.notices)
        for k in kinds:
            s = scores[k]
            if k in exp and k in pred:
                s.tp += 1
            elif k in exp:
                s.fn += 1
                s.missed.append(item.id)
            elif k in pred:
                s.fp += 1
                s.unexpected.append(item.id)
    return scores


# --------------------------------------------------------------------------- ALCE (lexical)

_SENTENCE = re.compile(r"^\s*[-*]\s+(?P<text>.*?)(?P<marks>(?:\s*\[\d+\])*)\s*$")
_MARK = re.compile(r"\[(\d+)\]")


@dataclass
class AnswerSentence:
    text: str
    cites: list[int]


def answer_sentences(answer_text: str) -> list[AnswerSentence]:
    """The ``- sentence [n]`` lines of an answer, with their citation numbers."""
    out: list[AnswerSentence] = []
    for line in answer_text.splitlines():
        m = _SENTENCE.match(line)
        if not m or not m.group("text").strip():
            continue
        cites = [int(x) for x in _MARK.findall(m.group("marks"))]
        out.append(AnswerSentence(m.group("text").strip(), cites))
    return out


def lexical_support(sentence: str, quotes: Sequence[str]) -> float:
    """Share of the sentence's distinct content tokens that occur in the quotes (0..1)."""
    toks = set(tokenize(sentence))
    if not toks:
        return 1.0
    seen: set[str] = set()
    for q in quotes:
        seen |= set(tokenize(q))
    return len(toks & seen) / len(toks)


def supported(sentence: str, quotes: Sequence[str], threshold: float = SUPPORT_THRESHOLD) -> bool:
    return bool(quotes) and lexical_support(sentence, quotes) >= threshold


@dataclass
class AlceScore:
    recall: float  # share of sentences supported by their cited quotes
    precision: float  # share of citations that are relevant
    sentences: int
    citations: int


def alce_scores(
    answer_text: str, citations: Sequence[Citation], threshold: float = SUPPORT_THRESHOLD
) -> AlceScore | None:
    """ALCE-style citation recall and precision of one answer (None if it has no sentences)."""
    sents = answer_sentences(answer_text)
    if not sents:
        return None
    quote_of = {c.n: c.quote for c in citations}
    recall_hits = 0
    precise = 0
    total_cites = 0
    for s in sents:
        quotes = [quote_of.get(n, "") for n in s.cites]
        joint = supported(s.text, quotes, threshold)
        recall_hits += joint
        total_cites += len(s.cites)
        if not joint:
            continue
        for i in range(len(s.cites)):
            alone = supported(s.text, [quotes[i]], threshold)
            rest = quotes[:i] + quotes[i + 1 :]
            if alone or not supported(s.text, rest, threshold):
                precise += 1
    return AlceScore(
        recall=recall_hits / len(sents),
        precision=precise / total_cites if total_cites else 0.0,
        sentences=len(sents),
        citations=total_cites,
    )


# --------------------------------------------------------------------------- the run


def _mean(xs: Sequence[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def run_eval(
    assistant: Any,
    questions: Sequence[Question],
    methods: Sequence[str] = METHODS,
    k: int = 5,
) -> dict[str, Any]:
    """Ask every question and score the answers; returns a JSON-able report dict."""
    from assistant.answering.pipeline import retrieval_plan
    from assistant.index import retrieval

    store, embedder = assistant.store, assistant.embedder
    in_scope = [q for q in questions if not q.abstain]
    out_scope = [q for q in questions if q.abstain]

    # Retrieval, per method, on the in-scope items (enough chunks for k distinct sources).
    depth = max(4 * k, 20)
    ranks: dict[str, dict[str, int | None]] = {m: {} for m in methods}
    # the retrieval ``ask`` runs (its query text; its evidence preference for hybrid only)
    plans = [retrieval_plan(q.question) for q in in_scope]
    vecs = embedder.encode([query for query, _ in plans]) if in_scope else []
    for q, (query, prefer), vec in zip(in_scope, plans, vecs, strict=True):
        for m in methods:
            ctxs = retrieval.retrieve(
                store,
                embedder,
                query,
                depth,
                None,
                m,
                query_vec=vec,
                prefer_evidence=prefer if m == "hybrid" else None,
            )
            ranks[m][q.id] = hit_rank(q.expected_sources, ctxs, k)
    retrieval_report: dict[str, Any] = {}
    for m in methods:
        scores: dict[str, Any] = retrieval_scores(list(ranks[m].values()), k)
        scores["miss_at_1"] = [qid for qid, r in ranks[m].items() if r != 1]
        scores[f"miss_at_{k}"] = [qid for qid, r in ranks[m].items() if r is None]
        retrieval_report[m] = scores

    # Answers through the real pipeline.
    answers: list[tuple[Question, Answer, float]] = []
    for q in questions:
        t0 = time.perf_counter()
        ans = assistant.ask(q.question)
        answers.append((q, ans, time.perf_counter() - t0))

    per_question: list[dict[str, Any]] = []
    cit_valid = cit_total = 0
    cit_failures: list[dict[str, Any]] = []
    answers_all_valid = 0
    facts: dict[str, float] = {}
    alce_r: list[float] = []
    alce_p: list[float] = []
    alce_low: list[str] = []
    missing_general: list[str] = []
    forbidden: list[dict[str, str]] = []
    for q, ans, secs in answers:
        checks = check_citations(ans, store)
        ok = [c for c in checks if c.valid]
        cit_valid += len(ok)
        cit_total += len(checks)
        answers_all_valid += len(ok) == len(checks)
        cit_failures += [
            {"id": q.id, "n": c.n, "chunk_id": c.chunk_id, "reason": c.reason}
            for c in checks
            if not c.valid
        ]
        cov = key_fact_coverage(ans.answer, q.key_facts) if not q.abstain else None
        if cov is not None:
            facts[q.id] = cov
        alce = None if ans.abstained else alce_scores(ans.answer, ans.citations)
        if alce is not None:
            alce_r.append(alce.recall)
            alce_p.append(alce.precision)
            if alce.recall < 1 or alce.precision < 1:
                alce_low.append(q.id)
        kinds = [n.kind for n in ans.notices]
        if "general" not in kinds:
            missing_general.append(q.id)
        pred = predicted_notices(ans)
        forbidden += [{"id": q.id, "kind": kd} for kd in q.forbidden_notices if kd in pred]
        per_question.append(
            {
                "id": q.id,
                "category": q.category,
                "question": q.question,
                "expected_abstain": q.abstain,
                "abstained": ans.abstained,
                "notices": sorted(pred),
                "expected_notices": sorted(q.notices),
                "key_fact_coverage": cov,
                "citations": len(checks),
                "citations_valid": len(ok),
                "sources": [c.source_id for c in ans.citations],
                "alce_recall": alce.recall if alce else None,
                "alce_precision": alce.precision if alce else None,
                "seconds": round(secs, 4),
                **{f"rank_{m}": ranks[m].get(q.id) for m in methods},
            }
        )

    wrongly_answered = [q.id for q, a, _ in answers if q.abstain and not a.abstained]
    wrongly_declined = [q.id for q, a, _ in answers if not q.abstain and a.abstained]
    n = len(answers)
    kind_scores = notice_scores((q, a) for q, a, _ in answers)
    times = [s for _, _, s in answers]
    return {
        "n_questions": n,
        "n_in_scope": len(in_scope),
        "n_out_of_scope": len(out_scope),
        "k": k,
        "retrieval": retrieval_report,
        "citation_validity": {
            "valid": cit_valid,
            "total": cit_total,
            "rate": cit_valid / cit_total if cit_total else 1.0,
            "answers_all_valid_rate": answers_all_valid / n if n else 1.0,
            "failures": cit_failures,
        },
        "key_facts": {
            "coverage": _mean(list(facts.values())),
            "n": len(facts),
            "incomplete": sorted(qid for qid, c in facts.items() if c < 1),
            "zero": sorted(qid for qid, c in facts.items() if c == 0),
        },
        "abstention": {
            "accuracy": (n - len(wrongly_answered) - len(wrongly_declined)) / n if n else None,
            "declined_out_of_scope_rate": (
                (len(out_scope) - len(wrongly_answered)) / len(out_scope) if out_scope else None
            ),
            "answered_in_scope_rate": (
                (len(in_scope) - len(wrongly_declined)) / len(in_scope) if in_scope else None
            ),
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
            "forbidden_violations": forbidden,
        },
        "alce": {
            "citation_recall": _mean(alce_r),
            "citation_precision": _mean(alce_p),
            "n_answers": len(alce_r),
            "below_one": alce_low,
            "threshold": SUPPORT_THRESHOLD,
        },
        "timing": {
            "mean_seconds": _mean(times),
            "total_seconds": sum(times),
        },
        "per_question": per_question,
    }


# --------------------------------------------------------------------------- report


def _f(x: float | None, pct: bool = False) -> str:
    if x is None:
        return "n/a"
    return f"{100 * x:.1f}%" if pct else f"{x:.3f}"


def _ids(ids: Sequence[str]) -> str:
    return ", ".join(ids) if ids else "-"


def format_report(report: dict[str, Any]) -> str:
    """Plain-text tables of a :func:`run_eval` report."""
    k = report["k"]
    lines = [
        f"Questions: {report['n_questions']} "
        f"({report['n_in_scope']} in scope, {report['n_out_of_scope']} out of scope)",
        "",
        "Retrieval (distinct sources; in-scope questions)",
        f"  {'method':<8} {'recall@1':>9} {f'recall@{k}':>9} {'MRR':>7}",
    ]
    for m, s in report["retrieval"].items():
        lines.append(f"  {m:<8} {_f(s['recall@1']):>9} {_f(s[f'recall@{k}']):>9} {_f(s['mrr']):>7}")
    for m, s in report["retrieval"].items():
        lines.append(f"  {m} misses@{k}: {_ids(s[f'miss_at_{k}'])}")
    cv = report["citation_validity"]
    kf = report["key_facts"]
    ab = report["abstention"]
    al = report["alce"]
    lines += [
        "",
        "Answers",
        f"  citation validity       {_f(cv['rate'])}  ({cv['valid']}/{cv['total']} citations; "
        f"answers fully valid {_f(cv['answers_all_valid_rate'])})",
        f"  key-fact coverage       {_f(kf['coverage'])}  (over {kf['n']} in-scope items)",
        f"  abstention accuracy     {_f(ab['accuracy'])}",
        f"  declined out-of-scope   {_f(ab['declined_out_of_scope_rate'])}",
        f"  answered in-scope       {_f(ab['answered_in_scope_rate'])}",
        f"  ALCE citation recall    {_f(al['citation_recall'])}  (lexical, >= {al['threshold']})",
        f"  ALCE citation precision {_f(al['citation_precision'])}  (over {al['n_answers']} answers)",
        f"  mean seconds/question   {_f(report['timing']['mean_seconds'])}",
        "",
        "Notices (expected = item.notices; predicted = answer kinds minus general)",
        f"  {'kind':<10} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}",
    ]
    nt = report["notices"]
    for kd, s in nt["per_kind"].items():
        lines.append(
            f"  {kd:<10} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4} "
            f"{_f(s['precision']):>10} {_f(s['recall']):>8}"
        )
    lines.append(f"  general on every answer: {'yes' if nt['general_always_present'] else 'NO'}")
    lines += ["", "Failing question ids"]
    lines.append(f"  citation failures: {_ids(sorted({f['id'] for f in cv['failures']}))}")
    lines.append(f"  key facts incomplete: {_ids(kf['incomplete'])}")
    lines.append(f"  key facts zero: {_ids(kf['zero'])}")
    lines.append(f"  out-of-scope answered: {_ids(ab['wrongly_answered'])}")
    lines.append(f"  in-scope declined: {_ids(ab['wrongly_declined'])}")
    for kd, s in nt["per_kind"].items():
        if s["missed"] or s["unexpected"]:
            lines.append(
                f"  notice {kd}: missed {_ids(s['missed'])}; unexpected {_ids(s['unexpected'])}"
            )
    fv = [f"{v['id']}:{v['kind']}" for v in nt["forbidden_violations"]]
    lines.append(f"  forbidden notices shown: {_ids(fv)}")
    lines.append(f"  missing general notice: {_ids(nt['missing_general'])}")
    lines.append(f"  ALCE below 1: {_ids(al['below_one'])}")
    return "\n".join(lines)
