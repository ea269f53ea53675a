"""Hybrid retrieval: dense (Chroma) + lexical (BM25, bm25s), fused by reciprocal rank fusion,
with metadata filters. Exposed as a LangChain ``BaseRetriever``."""

from __future__ import annotations

import json
import math
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.answer import Context
from assistant.index.build import (
    IndexError_,
    check_generation_files,
    current_generation,
    open_collection,
    read_manifest,
)
from assistant.library.chunks import tokenize
from assistant.settings import Settings
from assistant.vocab import EVIDENCE_RANK

METHODS = ("hybrid", "dense", "bm25")
EVIDENCE_WEIGHT = 0.15  # fused score x1.15 for a meta-analysis ... x1.0 for a user document


@dataclass
class Filters:
    """Metadata filters the retrieval honours (all optional)."""

    evidence: list[str] = field(default_factory=list)
    substances: list[str] = field(default_factory=list)
    year_min: int | None = None
    year_max: int | None = None

    def __bool__(self) -> bool:
        return bool(self.evidence or self.substances or self.year_min or self.year_max)

    def chroma_where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.evidence:
            clauses.append({"evidence": {"$in": list(self.evidence)}})
        if self.substances:
            subs = [{f"sub_{s}": True} for s in self.substances]
            clauses.append(subs[0] if len(subs) == 1 else {"$or": subs})
        if self.year_min:
            clauses.append({"year": {"$gte": int(self.year_min)}})
        if self.year_max:
            clauses.append({"year": {"$lte": int(self.year_max)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class IndexStore:
    """One loaded index generation: chunk texts and metadata in memory, Chroma, BM25."""

    def __init__(self, settings: Settings) -> None:
        import bm25s

        gen = current_generation(settings.index_dir)
        if gen is None or not gen.is_dir():
            raise IndexError_(f"No index in {settings.index_dir}. Build it with `assistant index`.")
        self.settings = settings
        self.generation: Path = gen
        self.manifest = read_manifest(gen)
        check_generation_files(gen, self.manifest)
        self.ids: list[str] = []
        self.texts: list[str] = []
        self.metas: list[dict[str, Any]] = []
        self.sentences: list[list[tuple[int, int]]] = []
        try:
            with open(gen / "chunks.jsonl", encoding="utf-8") as fh:
                for line in fh:
                    row = json.loads(line)
                    self.ids.append(row["id"])
                    self.texts.append(row["text"])
                    self.metas.append(row["meta"])
                    self.sentences.append([tuple(s) for s in row["sent"]])
            self.bm25 = bm25s.BM25.load(str(gen / "bm25"))
            self.collection = open_collection(gen, settings)
            count = self.collection.count()
        except Exception as exc:  # a damaged generation must never serve answers
            raise IndexError_(
                f"The index in {gen} cannot be read ({type(exc).__name__}: {exc}). "
                "Run `assistant index --rebuild`."
            ) from None
        if count != len(self.ids) or len(self.ids) != self.manifest.get("chunk_count"):
            raise IndexError_(
                f"The index in {gen} is damaged: {count} vectors for {len(self.ids)} chunks. "
                "Run `assistant index --rebuild`."
            )
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        self._names = self._name_index()
        try:  # the stored chunk vectors: cosine similarity for any chunk, not only Chroma's top n
            self.vectors = np.load(gen / "embeddings.npy", mmap_mode="r")
        except (OSError, ValueError) as exc:
            raise IndexError_(
                f"The index in {gen} is damaged ({exc}). Run `assistant index --rebuild`."
            ) from None
        if self.vectors.shape[0] != len(self.ids):
            raise IndexError_(
                f"The index in {gen} is damaged (vector count). Run `assistant index --rebuild`."
            )
        self._doc_freq = self._document_frequencies()
        self._years = np.array([m.get("year", -1) for m in self.metas])
        self._evidence = np.array([m.get("evidence", "") for m in self.metas])
        self._lock = threading.Lock()

    def _document_frequencies(self) -> Counter[str]:
        df: Counter[str] = Counter()
        for text, meta in zip(self.texts, self.metas, strict=True):
            names = f"{meta.get('short_cite', '')} {meta.get('trial_names', '')}"
            df.update(set(tokenize(f"{meta.get('title', '')} {names} {text}")))
        return df

    def _name_index(self) -> dict[str, list[int]]:
        """Record-name token -> the first chunks of the records with that name.

        Names are the "Author et al. YEAR" cite and trial names (BACLAD, ALPADIR): a question
        that names a study should find that study even when its text rarely repeats the name.
        """
        index: dict[str, list[int]] = {}
        per_record: dict[str, int] = {}
        for pos, meta in enumerate(self.metas):
            sid = meta.get("source_id", "")
            per_record[sid] = per_record.get(sid, 0) + 1
            if per_record[sid] > 3:
                continue
            name = f"{meta.get('short_cite', '')} {meta.get('trial_names', '')}"
            for tok in set(tokenize(name)) - {"et", "al"}:
                index.setdefault(tok, []).append(pos)
        return index

    def named(self, query: str, filters: Filters | None = None) -> list[tuple[int, float]]:
        """(chunk position, name score) of the records the query names, best first (empty when
        none is named)."""
        toks = [t for t in set(tokenize(query)) if t in self._names]
        if not any(not t.isdigit() for t in toks):
            return []  # a year alone names nothing
        n_records = max(1, len(self.manifest.get("records", {})))
        score: dict[int, float] = {}
        for t in toks:
            positions = self._names[t]
            w = math.log(1 + n_records / max(1, len(positions) / 3))
            for p in positions:
                score[p] = score.get(p, 0.0) + w
        mask = self.mask(filters)
        ranked = sorted(score, key=lambda p: (-score[p], p))
        return [(p, score[p]) for p in ranked if mask is None or mask[p]][
            : self.settings.candidates
        ]

    def vocabulary(self) -> set[str]:
        return set(self._doc_freq)

    def idf(self, token: str) -> float:
        n = len(self.ids)
        return math.log(
            1 + (n - self._doc_freq.get(token, 0) + 0.5) / (self._doc_freq.get(token, 0) + 0.5)
        )

    def mask(self, filters: Filters | None) -> np.ndarray | None:
        """Boolean mask of chunks that pass the filters (None when there are no filters)."""
        if not filters:
            return None
        m = np.ones(len(self.ids), dtype=bool)
        if filters.evidence:
            m &= np.isin(self._evidence, list(filters.evidence))
        if filters.substances:
            sub = np.zeros(len(self.ids), dtype=bool)
            for s in filters.substances:
                sub |= self._substance(s)
            m &= sub
        if filters.year_min:
            m &= self._years >= int(filters.year_min)
        if filters.year_max:
            m &= (self._years <= int(filters.year_max)) & (self._years >= 0)
        return m

    def _substance(self, name: str) -> np.ndarray:
        """Boolean mask of the chunks about one substance (computed once per substance)."""
        cache = self.__dict__.setdefault("_substance_masks", {})
        if name not in cache:
            cache[name] = np.array([bool(meta.get(f"sub_{name}")) for meta in self.metas])
        return cache[name]

    def records(self) -> list[dict[str, Any]]:
        out = []
        for rid, info in sorted(self.manifest["records"].items()):
            out.append(
                {"id": rid, **{k: info.get(k) for k in ("year", "evidence", "title", "user")}}
            )
        return out

    # ------------------------------------------------------------------ the two retrievers

    def dense(
        self, query_vec: np.ndarray, n: int, filters: Filters | None = None
    ) -> list[tuple[int, float]]:
        """(chunk position, cosine similarity), best first.

        Unfiltered queries use Chroma's HNSW index. Filtered queries are exact: :meth:`mask`
        picks the allowed chunks and one matrix-vector product over their vectors (the
        generation's ``embeddings.npy``, memory-mapped at load) ranks them. Chroma's ``where``
        filter slows down with the collection (about 0.3 s at 100k chunks; see
        ``python -m benchmarks --only scale``) and its filtered HNSW search can miss neighbours.
        """
        n = min(n, len(self.ids))
        if n == 0:
            return []
        mask = self.mask(filters)
        if mask is not None:
            allowed = np.flatnonzero(mask)
            vectors = self.vectors
            sims = vectors[allowed] @ np.asarray(query_vec, dtype=vectors.dtype)
            top = np.argpartition(-sims, n - 1)[:n] if sims.size > n else np.arange(sims.size)
            top = top[np.argsort(-sims[top], kind="stable")]
            return [(int(allowed[i]), float(sims[i])) for i in top]
        with self._lock:  # Chroma's embedded client is used from Gradio worker threads
            res = self.collection.query(
                query_embeddings=[query_vec.tolist()],
                n_results=n,
                include=["distances"],
            )
        ids, dists = res["ids"][0], res["distances"][0]
        return [(self.position[c], 1.0 - float(d)) for c, d in zip(ids, dists, strict=True)]

    def lexical(
        self, query: str, n: int, filters: Filters | None = None
    ) -> list[tuple[int, float]]:
        tokens = tokenize(query)
        if not tokens or not self.ids:
            return []
        mask = self.mask(filters)
        if mask is not None and not mask.any():
            return []
        n = min(n, len(self.ids))
        kwargs: dict[str, Any] = {"k": n, "show_progress": False, "n_threads": 0}
        if mask is not None:
            kwargs["weight_mask"] = mask.astype(np.float32)
        docs, scores = self.bm25.retrieve([tokens], **kwargs)
        return [(int(d), float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def context(self, pos: int, **kw: Any) -> Context:
        return Context(chunk_id=self.ids[pos], text=self.texts[pos], metadata=self.metas[pos], **kw)


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
    prefer_evidence: list[str] | None = None,
    expand: bool = True,
) -> list[Context]:
    """The top-k contexts for a query, best first.

    ``prefer_evidence`` adds a third ranking, dense search restricted to those evidence types,
    to the fusion: the safety layer uses it to bring the label forward for dosing, overdose,
    pregnancy and kidney questions.
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
            focus = {store.metas[p].get("source_id", "") for p, sc in named if sc >= top}
    if prefer_evidence and method == "hybrid":
        pref = Filters(
            evidence=list(prefer_evidence),
            substances=list(filters.substances) if filters else [],
            year_min=filters.year_min if filters else None,
            year_max=filters.year_max if filters else None,
        )
        if not filters or not filters.evidence or set(filters.evidence) & set(prefer_evidence):
            preferred = store.dense(vec, max(3, s.k), pref)
            rankings.append([p for p, _ in preferred])
            dense = dense + [x for x in preferred if x[0] not in dict(dense)]
    fused = rrf(rankings, s.rrf_k)
    # when several sources say the same thing, the stronger evidence goes first
    for p in fused:
        rank = EVIDENCE_RANK.get(store.metas[p].get("evidence", ""), 8)
        fused[p] *= 1.0 + EVIDENCE_WEIGHT * (8 - rank) / 8
    dense_rank = {p: r for r, (p, _) in enumerate(dense)}
    lex_rank = {p: r for r, (p, _) in enumerate(lexical)}
    sim = dict(dense)
    if vec is not None:
        for p in fused:
            if p not in sim:
                sim[p] = float(np.dot(store.vectors[p], vec))
    best = _diverse(store, sorted(fused, key=lambda p: -fused[p]), k, s.max_per_source, focus)
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


def _diverse(
    store: IndexStore, ranked: list[int], k: int, per_source: int, focus: set[str] = frozenset()
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
        sid = store.metas[p].get("source_id", "")
        if count[sid] < per_source or sid in focus:
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
        sid = store.metas[p].get("source_id")
        if sid in seen or (len(seen) >= 2 and sid not in focus):
            continue
        seen.append(sid)
        first = store.position.get(f"{sid}::0")
        if first is not None and first not in out and (allowed is None or allowed[first]):
            fused[first] = fused[p] * 0.999
            out.insert(out.index(p) + 1, first)
    return out


def to_document(ctx: Context) -> Document:
    meta = dict(ctx.metadata)
    meta.update(
        chunk_id=ctx.chunk_id,
        score=ctx.score,
        dense_rank=ctx.dense_rank,
        lexical_rank=ctx.lexical_rank,
        similarity=ctx.similarity,
    )
    return Document(page_content=ctx.text, metadata=meta, id=ctx.chunk_id)


def from_document(doc: Document) -> Context:
    meta = dict(doc.metadata)
    extra = {
        k: meta.pop(k, None)
        for k in ("chunk_id", "score", "dense_rank", "lexical_rank", "similarity")
    }
    return Context(
        chunk_id=extra["chunk_id"] or doc.id or "",
        text=doc.page_content,
        metadata=meta,
        score=extra["score"] or 0.0,
        dense_rank=extra["dense_rank"],
        lexical_rank=extra["lexical_rank"],
        similarity=extra["similarity"],
    )


class HybridRetriever(BaseRetriever):
    """LangChain retriever over an :class:`IndexStore` (dense + BM25, RRF, filters)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: Any
    embedder: Any
    k: int = 6
    filters: Filters | None = None
    method: str = "hybrid"
    prefer_evidence: list[str] | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        ctxs = retrieve(
            self.store, self.embedder, query, self.k, self.filters, self.method,
            prefer_evidence=self.prefer_evidence,
        )  # fmt: skip
        return [to_document(c) for c in ctxs]
