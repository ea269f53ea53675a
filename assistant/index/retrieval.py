"""Hybrid retrieval: dense (Chroma, or the stored vectors when filtered) + lexical (BM25, bm25s),
fused by reciprocal rank fusion, with metadata filters; exposed as a LangChain ``BaseRetriever``.

Besides the two rankings, a question can add rankings of its own: the records it names
("ALPADIR", "Garbutt 2010"), the records the plan resolved from a description (``focus``), and
dense search restricted to the evidence types its intent calls for (``prefer_evidence``: the label
for overdose questions, meta-analyses for "does it work"). Stronger evidence wins near-ties, and on
safety questions (``curated_first``) the curated corpus outranks the user's documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from assistant.answer import Context, Filters
from assistant.index.store import IndexStore
from assistant.library.chunks import ChunkMeta
from assistant.vocab import EVIDENCE_RANK, USER_EVIDENCE

METHODS = ("hybrid", "dense", "bm25")
EVIDENCE_WEIGHT = 0.15  # fused score x1.15 for a meta-analysis ... x1.0 for a user document
USER_DOCUMENT_WEIGHT_ON_SAFETY = 0.5  # safety questions: curated sources first


def rrf(rankings: list[list[int]], k: int = 60) -> dict[int, float]:
    """Reciprocal rank fusion of several best-first rankings."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, pos in enumerate(ranking):
            scores[pos] = scores.get(pos, 0.0) + 1.0 / (k + rank + 1)
    return scores


def retrieve(
    store: IndexStore,
    embedder: Any,
    query: str,
    k: int | None = None,
    filters: Filters | None = None,
    method: str = "hybrid",
    query_vec: np.ndarray | None = None,
    prefer_evidence: Sequence[str] | None = None,
    expand: bool = True,
    focus_records: Sequence[str] = (),
    curated_first: bool = False,
) -> list[Context]:
    """The top-k contexts for a query, best first.

    ``prefer_evidence`` adds a ranking: dense search restricted to those evidence types.
    ``focus_records`` adds one of the given records' chunks (the plan resolved them from the
    question) and exempts them from the per-record cap.
    """
    s = store.settings
    k = k or s.k
    dense: list[tuple[int, float]] = []
    lexical: list[tuple[int, float]] = []
    vec = None
    if method in ("hybrid", "dense"):
        vec = query_vec if query_vec is not None else embedder.encode([query])[0]
        dense = store.dense(vec, s.candidates, filters)
    if method in ("hybrid", "bm25"):
        lexical = store.lexical(query, s.candidates, filters)
    rankings = [[p for p, _ in dense], [p for p, _ in lexical]]
    focus: set[str] = set()  # the records the question names best ("What did ALPADIR find?")
    if method == "hybrid":
        named = store.named(query, filters)
        if named:
            rankings.append([p for p, _ in named])
            top = named[0][1]
            focus = {store.metas[p].source_id for p, sc in named if sc >= top}
        if focus_records:
            allowed = store.mask(filters)
            ranked = _focus_ranking(store, vec, focus_records, allowed)
            if ranked:
                rankings.append(ranked)
                focus |= {store.metas[p].source_id for p in ranked}
    if prefer_evidence and method == "hybrid" and vec is not None:
        pref = Filters(
            evidence=list(prefer_evidence),
            substances=list(filters.substances) if filters else [],
            year_min=filters.year_min if filters else None,
            year_max=filters.year_max if filters else None,
            records=filters.records if filters else None,
        )
        if not filters or not filters.evidence or set(filters.evidence) & set(prefer_evidence):
            preferred = store.dense(vec, max(3, s.k), pref)
            rankings.append([p for p, _ in preferred])
            dense = dense + [x for x in preferred if x[0] not in dict(dense)]
    fused = rrf(rankings, s.rrf_k)
    # when several sources say the same thing, the stronger evidence goes first
    for p in fused:
        evidence = store.metas[p].evidence
        fused[p] *= 1.0 + EVIDENCE_WEIGHT * (8 - EVIDENCE_RANK.get(evidence, 8)) / 8
        if curated_first and evidence == USER_EVIDENCE:
            fused[p] *= USER_DOCUMENT_WEIGHT_ON_SAFETY
    dense_rank = {p: r for r, (p, _) in enumerate(dense)}
    lex_rank = {p: r for r, (p, _) in enumerate(lexical)}
    sim = dict(dense)
    if vec is not None:
        for p in fused:
            if p not in sim:
                sim[p] = float(np.dot(store.vectors[p], vec))
    # the records of the preferred kind (the label on an overdose question) may give one more
    preferred_kind = set(prefer_evidence or ())
    best = _diverse(
        store, sorted(fused, key=lambda p: -fused[p]), k, s.max_per_source, focus, preferred_kind
    )
    if (
        lexical
        and lexical[0][0] not in best
        and (len(lexical) < 2 or lexical[0][1] >= 1.5 * lexical[1][1])
    ):
        # the one chunk that matches the question's words far better than any other
        # ("reimbursed"), of a record already chosen, takes the place of that record's weakest
        top_p = lexical[0][0]
        sid = store.metas[top_p].source_id
        same = [p for p in best if store.metas[p].source_id == sid]
        if same:
            weakest = min(same, key=lambda p: fused.get(p, 0.0))
            best = [top_p if p == weakest else p for p in best]
    if expand:
        best = _with_summaries(store, best, fused, filters, focus)
    return [
        store.context(
            p,
            score=fused[p],
            dense_rank=dense_rank.get(p),
            lexical_rank=lex_rank.get(p),
            similarity=sim.get(p),
        )
        for p in best
    ]


def _focus_ranking(
    store: IndexStore, vec: np.ndarray | None, records: Sequence[str], allowed: np.ndarray | None
) -> list[int]:
    """The given records' chunks, the one most like the question first (their opening chunk
    when there is no query vector)."""
    positions = [
        p for rid in records for p in store.record_positions(rid) if allowed is None or allowed[p]
    ]
    if not positions:
        return []
    if vec is None:
        return positions
    sims = np.asarray(store.vectors[positions]) @ np.asarray(vec, dtype=np.float32)
    return [positions[i] for i in np.argsort(-sims, kind="stable")]


def _diverse(
    store: IndexStore,
    ranked: list[int],
    k: int,
    per_source: int,
    focus: set[str] = frozenset(),
    preferred: set[str] = frozenset(),
) -> list[int]:
    """The best ``k`` chunks, at most ``per_source`` from one record while others are left.

    Several chunks of one long record often match a question alike; without a cap they crowd
    out the other records that answer it (the eval's recall@5 counts distinct sources). The
    records the question names (``focus``) are not capped: the question is about them.
    """
    if per_source <= 0:
        return ranked[:k]
    best: list[int] = []
    later: list[int] = []
    count: Counter[str] = Counter()
    for p in ranked:
        sid = store.metas[p].source_id
        cap = per_source + (1 if store.metas[p].evidence in preferred else 0)
        if count[sid] < cap or sid in focus:
            count[sid] += 1
            best.append(p)
            if len(best) == k:
                return best
        else:
            later.append(p)
    return best + later[: k - len(best)]


def _with_summaries(
    store: IndexStore,
    best: list[int],
    fused: dict[int, float],
    filters: Filters | None,
    focus: set[str] = frozenset(),
) -> list[int]:
    """Bring the opening chunk (its Summary) of the two best records, and of the records the
    question names, along.

    A record's summary states its main result, so "What did BACLAD find?" can be answered from
    it even when retrieval matched the record's other sections first. The added chunk takes
    the score of its record's best chunk, just below it.
    """
    out = list(best)
    seen: list[str] = []
    allowed = store.mask(filters)
    for p in best:
        sid = store.metas[p].source_id
        if sid in seen or (len(seen) >= 2 and sid not in focus):
            continue
        seen.append(sid)
        positions = store.record_positions(sid)
        first = positions[0] if positions else None
        if first is not None and first not in out and (allowed is None or allowed[first]):
            fused[first] = fused[p] * 0.999
            out.insert(out.index(p) + 1, first)
    return out


def backgrounds(contexts: list[Context], store: IndexStore) -> list[Context]:
    """The background sections of the retrieved records, when not retrieved themselves, at the
    lowest retrieved score: a "why" question's answer is often the reason a study gives for
    being done ("because high doses are prescribed")."""
    have = {c.chunk_id for c in contexts}
    low = min((c.score for c in contexts), default=0.0)
    return [
        store.context(pos, score=low)
        for rid in dict.fromkeys(c.source_id for c in contexts)
        for pos in store.record_positions(rid)
        if store.ids[pos] not in have
        and store.metas[pos].section.lower().startswith(("background", "rationale"))
    ]


# --------------------------------------------------------------------------- LangChain

_EXTRA = ("chunk_id", "score", "dense_rank", "lexical_rank", "similarity")


def to_document(ctx: Context) -> Any:
    from langchain_core.documents import Document

    meta = ctx.metadata.to_json()
    meta.update({k: getattr(ctx, k) for k in _EXTRA})
    return Document(page_content=ctx.text, metadata=meta, id=ctx.chunk_id)


def from_document(doc: Any) -> Context:
    meta = dict(doc.metadata)
    extra = {k: meta.pop(k, None) for k in _EXTRA}
    return Context(
        chunk_id=extra["chunk_id"] or doc.id or "",
        text=doc.page_content,
        metadata=ChunkMeta.from_json(meta),
        score=extra["score"] or 0.0,
        dense_rank=extra["dense_rank"],
        lexical_rank=extra["lexical_rank"],
        similarity=extra["similarity"],
    )


@lru_cache(maxsize=1)
def retriever_class() -> type:
    """The LangChain retriever class (defined on first use: importing LangChain's retriever
    machinery costs about a second, which commands that never retrieve should not pay)."""
    from langchain_core.retrievers import BaseRetriever
    from pydantic import ConfigDict

    class HybridRetriever(BaseRetriever):
        """LangChain retriever over an :class:`IndexStore` (dense + BM25, RRF, filters)."""

        model_config = ConfigDict(arbitrary_types_allowed=True)

        store: Any
        embedder: Any
        k: int = 6
        filters: Any = None
        method: str = "hybrid"
        prefer_evidence: list[str] | None = None
        focus_records: list[str] = []
        curated_first: bool = False

        def _get_relevant_documents(self, query: str, *, run_manager: Any) -> list[Any]:
            ctxs = retrieve(
                self.store, self.embedder, query, self.k, self.filters, self.method,
                prefer_evidence=self.prefer_evidence, focus_records=self.focus_records,
                curated_first=self.curated_first,
            )  # fmt: skip
            return [to_document(c) for c in ctxs]

    return HybridRetriever


def hybrid_retriever(store: IndexStore, embedder: Any, **kw: Any) -> Any:
    """A LangChain ``BaseRetriever`` over ``store`` (keyword arguments as :func:`retrieve`)."""
    return retriever_class()(store=store, embedder=embedder, **kw)
