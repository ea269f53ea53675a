"""Section 3: retrieval at 10k and 100k chunks (synthetic texts, synthetic vectors, real Chroma).

Embedding 100k real chunks would take about two hours on this CPU, so the chunk vectors are
**synthetic**: random unit vectors (numpy, fixed seed). The texts are generated from a vocabulary
mixing domain and common words, the metadata (evidence, substance flags, year) is random, and the
queries are real questions embedded with the real model. Random vectors are a hard case for an
HNSW graph (no cluster structure), so dense query times are, if anything, pessimistic.

Everything is generated once per run; the 10k scale uses the first 10k rows of the 100k set.
Measured at each scale, with n = ``candidates`` (30) results as the hybrid retriever asks for:

* Chroma insert (batches of 4000, with documents and metadata, like ``build_index``);
* Chroma query: unfiltered, with a ``where`` filter (what ``IndexStore.dense`` sent before the
  fix), and restricted with ``ids=`` to the chunks a numpy mask lets through;
* exact numpy search over the vectors kept in memory: dot product over the allowed subset only,
  or over all vectors with the disallowed ones masked out;
* the production code paths ``IndexStore.dense`` / ``IndexStore.lexical`` / ``IndexStore.mask``,
  run over this synthetic store;
* bm25s: tokenising, indexing, and querying with and without a ``weight_mask`` filter.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.index.store import EXACT_SEARCH_MAX_CHUNKS
from benchmarks.common import Context, PeakRss, log, summarize, table, time_calls

DIM = 384
N_RESULTS = 30
BATCH = 4000
SEED = 20261125


def _words(text: str) -> list[str]:
    return text.split()


DOMAIN = _words(
    "baclofen gaba-b agonist receptor craving alcohol ethanol dependence relapse abstinence "
    "placebo randomised trial double-blind cohort meta-analysis dose titration mg/day "
    "somnolence sedation dizziness withdrawal seizures overdose renal clearance half-life "
    "pregnancy neonatal opioid cocaine methamphetamine nicotine smoking spasticity intrathecal "
    "hepatic cirrhosis liver heavy drinking days acamprosate naltrexone nalmefene topiramate "
    "disulfiram gabapentin efficacy tolerability adverse events discontinuation outcome "
    "follow-up weeks participants patients dependence consumption reduction hazard ratio "
    "confidence interval significant effect label approval france ansm fda off-label "
    "encephalopathy delirium dialysis elderly creatinine sleep anxiety depression"
)
COMMON = _words(
    "the of and in to a was were with for on by at from as that this than not be are or "
    "after before during between among within over under per each both all more less most "
    "study group groups result results showed found reported compared higher lower mean "
    "median rate rates number total baseline end primary secondary analysis data time "
    "treatment treated given received used use first second third two three four six twelve "
    "month months year years day days high low small large similar different clinical "
    "evidence review risk benefit"
)
EVIDENCE = ["meta-analysis", "systematic-review", "rct", "cohort", "case-report", "lab-study",
            "review", "guideline", "label", "regulatory", "overview"]  # fmt: skip
EVIDENCE_P = [0.06, 0.06, 0.22, 0.16, 0.12, 0.08, 0.14, 0.05, 0.03, 0.03, 0.05]
SUBSTANCE_P = {"alcohol": 0.55, "opioids": 0.15, "cocaine": 0.1, "methamphetamine": 0.05,
               "nicotine": 0.08, "ghb": 0.04, "general": 0.2, "spasticity": 0.1}  # fmt: skip
CHUNKS_PER_RECORD = 8
NO_DOCS_UP_TO = 10_000  # also time an insert without documents at scales up to this

# The filter measured: strong evidence about alcohol since 2010.
FILTER = {
    "evidence": ["meta-analysis", "systematic-review", "rct"],
    "substances": ["alcohol"],
    "year_min": 2010,
}


def synthetic_corpus(
    n: int, seed: int = SEED
) -> tuple[list[str], list[dict[str, Any]], np.ndarray]:
    """``n`` chunk texts, Chroma metadata like ``record_metadata``'s, and random unit vectors."""
    rng = np.random.default_rng(seed)
    vocab = np.array(DOMAIN + COMMON)
    p = np.r_[np.full(len(DOMAIN), 0.35 / len(DOMAIN)), np.full(len(COMMON), 0.65 / len(COMMON))]
    lengths = rng.integers(90, 150, size=n)
    words = vocab[rng.choice(len(vocab), size=(n, 150), p=p)]
    texts = [" ".join(row[:k]) for row, k in zip(words, lengths, strict=True)]

    n_rec = -(-n // CHUNKS_PER_RECORD)
    rec_evidence = rng.choice(EVIDENCE, size=n_rec, p=EVIDENCE_P)
    rec_year = rng.integers(1975, 2026, size=n_rec)
    rec_subs = {s: rng.random(n_rec) < q for s, q in SUBSTANCE_P.items()}
    metas: list[dict[str, Any]] = []
    for i in range(n):
        r = i // CHUNKS_PER_RECORD
        subs = [s for s in SUBSTANCE_P if rec_subs[s][r]] or ["general"]
        meta: dict[str, Any] = {
            "source_id": f"syn{r:06d}",
            "title": f"Synthetic record {r}",
            "year": int(rec_year[r]),
            "evidence": str(rec_evidence[r]),
            "substances": ",".join(subs),
            "section": "Results",
            "page": -1,
        }
        for s in subs:
            meta[f"sub_{s}"] = True
        metas.append(meta)

    vectors = rng.standard_normal((n, DIM), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return texts, metas, vectors


def _synthetic_store(gen: Path, ids: list[str], texts: list[str], metas: list[dict[str, Any]],
                     vectors: np.ndarray, collection: Any, bm25: Any,
                     server: str | None = None) -> Any:  # fmt: skip
    """An ``IndexStore`` over the synthetic data, so the production methods can be timed.

    Built without ``__init__`` (which reads a real generation); sets what ``__init__`` sets. The
    vectors are saved as ``embeddings.npy`` in ``gen`` and memory-mapped, as in a real
    generation. Chroma answers unfiltered questions where production would use it (on a server,
    or above ``EXACT_SEARCH_MAX_CHUNKS`` in the folder); otherwise the exact search does.
    """
    from assistant.index.store import IndexStore, uses_chroma
    from assistant.library.chunks import ChunkMeta
    from assistant.settings import Settings

    np.save(gen / "embeddings.npy", vectors)
    settings = Settings(index_dir=gen.parent)
    if server:
        settings.chroma_host = server
    store = IndexStore.__new__(IndexStore)
    store.settings = settings
    store.generation = gen
    store.manifest = {"chunk_count": len(ids), "records": {}}
    store.ids, store.texts = ids, texts
    store.metas = [
        ChunkMeta(source_id=m["source_id"], title=m["title"], evidence=m["evidence"],
                  year=m["year"], substances=tuple(m["substances"].split(",")),
                  section=m["section"])
        for m in metas
    ]  # fmt: skip
    store.sentences = [[] for _ in ids]
    store.bm25 = bm25
    store.vectors = np.load(gen / "embeddings.npy", mmap_mode="r")
    store.collection = collection if uses_chroma(settings, len(ids)) else None
    store.position = {cid: i for i, cid in enumerate(ids)}
    store._by_record = {}
    for pos, m in enumerate(store.metas):
        store._by_record.setdefault(m.source_id, []).append(pos)
    store._catalog = {}
    store._years = np.array([m.year if m.year is not None else -1 for m in store.metas])
    store._evidence = np.array([m.evidence for m in store.metas])
    store._substance_masks = {}
    store._lock = threading.Lock()
    return store


def where_filter(filters: Any) -> dict[str, Any]:
    """The Chroma ``where`` filter for ``filters`` (what ``IndexStore.dense`` sent to Chroma
    before filtered search became exact; measured for comparison)."""
    clauses: list[dict[str, Any]] = []
    if filters.evidence:
        clauses.append({"evidence": {"$in": list(filters.evidence)}})
    if filters.substances:
        subs = [{f"sub_{s}": True} for s in filters.substances]
        clauses.append(subs[0] if len(subs) == 1 else {"$or": subs})
    if filters.year_min:
        clauses.append({"year": {"$gte": int(filters.year_min)}})
    if filters.year_max:
        clauses.append({"year": {"$lte": int(filters.year_max)}})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    n = min(n, scores.size)
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    top = np.argpartition(-scores, n - 1)[:n]
    return top[np.argsort(-scores[top])]


def _recall(found: Sequence[Sequence[int]], exact: Sequence[Sequence[int]]) -> float:
    vals = [len(set(f) & set(e)) / len(e) for f, e in zip(found, exact, strict=True) if len(e)]
    return round(float(np.mean(vals)), 4) if vals else 1.0


def run_one(
    ctx: Context, n: int, data: tuple, queries: list[str], qvecs: np.ndarray
) -> dict[str, Any]:
    import bm25s
    import chromadb

    from assistant.answer import Filters
    from assistant.index.store import COLLECTION_METADATA, chroma_settings
    from assistant.library.chunks import tokenize

    all_texts, all_metas, all_vectors = data
    texts, metas, vectors = all_texts[:n], all_metas[:n], np.ascontiguousarray(all_vectors[:n])
    ids = [f"c{i}" for i in range(n)]
    gen = ctx.workdir / f"scale-{n}"
    gen.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"chunks": n}

    with PeakRss() as mem:
        log(f"scale {n:,}: inserting into Chroma (batches of {BATCH}) ...")
        client = chromadb.PersistentClient(path=str(gen / "chroma"), settings=chroma_settings())
        col = client.create_collection(
            "synthetic", embedding_function=None, metadata=COLLECTION_METADATA
        )
        t0 = time.perf_counter()
        for i in range(0, n, BATCH):
            col.add(ids=ids[i : i + BATCH], embeddings=vectors[i : i + BATCH],
                    documents=texts[i : i + BATCH], metadatas=metas[i : i + BATCH])  # fmt: skip
            if (i // BATCH) % 5 == 4:
                log(f"scale {n:,}: {i + BATCH:,} inserted ({time.perf_counter() - t0:.0f} s)")
        insert_s = time.perf_counter() - t0
        res["chroma_insert_s"] = round(insert_s, 2)
        res["chroma_insert_per_s"] = round(n / insert_s, 1)
        if n <= NO_DOCS_UP_TO:  # what the insert costs without the texts (Chroma indexes them)
            bare = client.create_collection("synthetic-nodocs", embedding_function=None,
                                            metadata=COLLECTION_METADATA)  # fmt: skip
            t0 = time.perf_counter()
            for i in range(0, n, BATCH):
                bare.add(ids=ids[i : i + BATCH], embeddings=vectors[i : i + BATCH],
                         metadatas=metas[i : i + BATCH])  # fmt: skip
            res["chroma_insert_without_documents_s"] = round(time.perf_counter() - t0, 2)
            client.delete_collection("synthetic-nodocs")

        log(f"scale {n:,}: bm25s index ...")
        t0 = time.perf_counter()
        tokens = [tokenize(t) or ["_empty_"] for t in texts]
        tok_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        bm = bm25s.BM25()
        bm.index(tokens, show_progress=False)
        res["bm25_tokenize_s"] = round(tok_s, 2)
        res["bm25_index_s"] = round(time.perf_counter() - t0, 2)
        del tokens

        store = _synthetic_store(gen, ids, texts, metas, vectors, col, bm)
        filters = Filters(**FILTER)
        where = where_filter(filters)
        mask = store.mask(filters)
        res["filter"] = {**FILTER, "chroma_where": where, "selectivity": round(float(mask.mean()), 4),
                         "allowed_chunks": int(mask.sum())}  # fmt: skip

        def pos(chroma_res: dict[str, Any]) -> list[int]:
            return [int(c[1:]) for c in chroma_res["ids"][0]]

        def chroma_unfiltered(v: np.ndarray) -> list[int]:
            return pos(col.query(query_embeddings=[v], n_results=N_RESULTS, include=["distances"]))

        def chroma_where(v: np.ndarray) -> list[int]:
            return pos(
                col.query(
                    query_embeddings=[v], n_results=N_RESULTS, where=where, include=["distances"]
                )
            )

        def chroma_ids(v: np.ndarray) -> list[int]:
            allowed = np.flatnonzero(store.mask(filters))
            return pos(col.query(query_embeddings=[v], ids=[ids[i] for i in allowed],
                                 n_results=N_RESULTS, include=["distances"]))  # fmt: skip

        def numpy_subset(v: np.ndarray) -> list[int]:
            allowed = np.flatnonzero(store.mask(filters))
            return allowed[_top(vectors[allowed] @ v, N_RESULTS)].tolist()

        def numpy_masked_full(v: np.ndarray) -> list[int]:
            m = store.mask(filters)
            scores = vectors @ v
            scores[~m] = -np.inf
            return _top(scores, min(N_RESULTS, int(m.sum()))).tolist()

        def numpy_unfiltered(v: np.ndarray) -> list[int]:
            return _top(vectors @ v, N_RESULTS).tolist()

        def store_dense(v: np.ndarray) -> list[int]:
            return [p for p, _ in store.dense(v, N_RESULTS)]

        def store_dense_filtered(v: np.ndarray) -> list[int]:
            return [p for p, _ in store.dense(v, N_RESULTS, filters)]

        dense_paths = {
            "chroma_unfiltered": chroma_unfiltered,
            "numpy_unfiltered": numpy_unfiltered,
            "chroma_where": chroma_where,
            "chroma_ids": chroma_ids,
            "numpy_subset": numpy_subset,
            "numpy_masked_full": numpy_masked_full,
            "store_dense_unfiltered": store_dense,
            "store_dense_filtered": store_dense_filtered,
        }
        qv = list(qvecs)
        found: dict[str, list[list[int]]] = {}
        res["dense"] = {}
        for name, fn in dense_paths.items():
            log(f"scale {n:,}: dense {name} ({len(qv)} queries) ...")
            secs, outs = time_calls(fn, qv)
            res["dense"][name] = summarize(secs)
            found[name] = outs
        exact_f, exact_u = found["numpy_subset"], found["numpy_unfiltered"]
        for name in dense_paths:
            ref = exact_u if "unfiltered" in name else exact_f
            res["dense"][name]["recall_vs_exact"] = _recall(found[name], ref)

        secs, _ = time_calls(lambda _q: store.mask(filters), queries)
        res["mask"] = summarize(secs)

        log(f"scale {n:,}: bm25 queries ...")
        res["bm25"] = {}
        for name, f in (("unfiltered", None), ("weight_mask_filter", filters)):
            secs, _ = time_calls(lambda q, f=f: store.lexical(q, N_RESULTS, f), queries)
            res["bm25"][name] = summarize(secs)

        store = col = bm = None  # free the memory before the next scale
        client.clear_system_cache()
        del client
    res["memory"] = mem.result()
    return res


def run_server(
    ctx: Context, n: int, data: tuple, queries: list[str], qvecs: np.ndarray, host: str, port: int
) -> dict[str, Any]:
    """The same synthetic chunks on a Chroma server (``chroma run``): insert over HTTP, queries
    unfiltered and with a ``where`` filter, and ``IndexStore.dense`` as it runs with
    ``--chroma-url`` (unfiltered through the server, filtered by the exact search)."""
    import chromadb

    from assistant.answer import Filters
    from assistant.index.store import COLLECTION_METADATA, chroma_settings

    all_texts, all_metas, all_vectors = data
    texts, metas, vectors = all_texts[:n], all_metas[:n], np.ascontiguousarray(all_vectors[:n])
    ids = [f"c{i}" for i in range(n)]
    gen = ctx.workdir / f"scale-server-{n}"
    gen.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"chunks": n, "url": f"http://{host}:{port}"}
    client = chromadb.HttpClient(host=host, port=port, settings=chroma_settings())
    name = f"synthetic-{n}"
    col = client.create_collection(name, embedding_function=None, metadata=COLLECTION_METADATA)
    try:
        log(f"scale {n:,} (server): inserting over HTTP (batches of {BATCH}) ...")
        t0 = time.perf_counter()
        for i in range(0, n, BATCH):
            col.add(ids=ids[i : i + BATCH], embeddings=vectors[i : i + BATCH],
                    documents=texts[i : i + BATCH], metadatas=metas[i : i + BATCH])  # fmt: skip
        insert_s = time.perf_counter() - t0
        res["chroma_insert_s"] = round(insert_s, 2)
        res["chroma_insert_per_s"] = round(n / insert_s, 1)
        store = _synthetic_store(gen, ids, texts, metas, vectors, col, None, server=host)
        filters = Filters(**FILTER)
        where = where_filter(filters)

        def pos(chroma_res: dict[str, Any]) -> list[int]:
            return [int(c[1:]) for c in chroma_res["ids"][0]]

        paths = {
            "chroma_unfiltered": lambda v: pos(col.query(
                query_embeddings=[v], n_results=N_RESULTS, include=["distances"])),
            "chroma_where": lambda v: pos(col.query(
                query_embeddings=[v], n_results=N_RESULTS, where=where, include=["distances"])),
            "store_dense_unfiltered": lambda v: [p for p, _ in store.dense(v, N_RESULTS)],
            "store_dense_filtered": lambda v: [p for p, _ in store.dense(v, N_RESULTS, filters)],
        }  # fmt: skip
        mask = store.mask(filters)
        allowed = np.flatnonzero(mask)
        exact_u = [_top(vectors @ v, N_RESULTS).tolist() for v in qvecs]
        exact_f = [allowed[_top(vectors[allowed] @ v, N_RESULTS)].tolist() for v in qvecs]
        res["dense"] = {}
        for label, fn in paths.items():
            log(f"scale {n:,} (server): dense {label} ({len(qvecs)} queries) ...")
            secs, outs = time_calls(fn, list(qvecs))
            res["dense"][label] = summarize(secs)
            ref = exact_u if "unfiltered" in label else exact_f
            res["dense"][label]["recall_vs_exact"] = _recall(outs, ref)
    finally:
        client.delete_collection(name)
    return res


def run(
    ctx: Context,
    sizes: Sequence[int],
    questions: Sequence[str],
    n_queries: int = 60,
    server: bool = True,
) -> dict[str, Any]:
    embedder = ctx.get_embedder()
    queries = [questions[i % len(questions)] for i in range(n_queries)]
    log(f"scale: embedding {len(queries)} real queries ...")
    qvecs = embedder.encode(queries)
    top = max(sizes)
    log(f"scale: generating {top:,} synthetic chunks (texts, metadata, random unit vectors) ...")
    t0 = time.perf_counter()
    data = synthetic_corpus(top)
    gen_s = time.perf_counter() - t0
    out: dict[str, Any] = {
        "vectors": "SYNTHETIC random unit vectors (numpy); texts generated; queries embedded with the real model",
        "dim": DIM,
        "n_results": N_RESULTS,
        "queries": len(queries),
        "generate_s": round(gen_s, 2),
        "scales": {},
        "exact_search_max": EXACT_SEARCH_MAX_CHUNKS,
    }
    for n in sorted(sizes):
        out["scales"][str(n)] = run_one(ctx, n, data, queries, qvecs)
    if server:
        from benchmarks.chroma_server import chroma_server

        out["server"] = {}
        with chroma_server(ctx.workdir) as (host, port):
            for n in sorted(sizes):
                with PeakRss() as mem:
                    out["server"][str(n)] = run_server(ctx, n, data, queries, qvecs, host, port)
                out["server"][str(n)]["memory"] = mem.result()
    return out


def render(res: dict[str, Any]) -> str:
    lines = [
        f"chunks with {res['vectors']}; {res['queries']} queries per row, n_results={res['n_results']}",
        "store_dense_* are the production paths: exact search over the stored vectors up to "
        f"{res.get('exact_search_max', '?'):,} chunks in the index folder, Chroma's HNSW above "
        "that and on a server; filtered questions are exact everywhere",
    ]
    for n, r in res["scales"].items():
        f = r["filter"]
        mem = r["memory"]
        lines.append(
            f"\n-- {int(n):,} chunks: Chroma insert {r['chroma_insert_s']:.1f} s ({r['chroma_insert_per_s']:,.0f}/s); "
            f"bm25s tokenise {r['bm25_tokenize_s']:.1f} s + index {r['bm25_index_s']:.1f} s; "
            f"peak RSS {mem['peak_rss_mb']:,.0f} MB"
        )
        if "chroma_insert_without_documents_s" in r:
            lines.append(
                f"   Chroma insert without documents (vectors + metadata only): "
                f"{r['chroma_insert_without_documents_s']:.1f} s"
            )
        lines.append(
            f"   filter: evidence in {f['evidence']}, {', '.join(f['substances'])}, year >= {f['year_min']} "
            f"-> {f['allowed_chunks']:,} chunks ({f['selectivity']:.1%})"
        )
        rows = [
            [
                name,
                s["p50_ms"],
                s["p95_ms"],
                s["recall_vs_exact"],
                "PASS" if s["p95_ms"] < 100 else "MISS",
            ]
            for name, s in r["dense"].items()
        ]
        rows.append(
            ["IndexStore.mask (filter only)", r["mask"]["p50_ms"], r["mask"]["p95_ms"], None, ""]
        )
        for name, s in r["bm25"].items():
            rows.append([f"bm25 {name} (IndexStore.lexical)", s["p50_ms"], s["p95_ms"], None,
                         "PASS" if s["p95_ms"] < 100 else "MISS"])  # fmt: skip
        lines.append(table(["path", "p50 ms", "p95 ms", "recall@30 vs exact", "p95<100ms"], rows))
    for n, r in (res.get("server") or {}).items():
        lines.append(
            f"\n-- {int(n):,} chunks on a Chroma server ({r['url']}, `chroma run`): insert over "
            f"HTTP {r['chroma_insert_s']:.1f} s ({r['chroma_insert_per_s']:,.0f}/s)"
        )
        rows = [
            [name, st["p50_ms"], st["p95_ms"], st["recall_vs_exact"],
             "PASS" if st["p95_ms"] < 100 else "MISS"]
            for name, st in r["dense"].items()
        ]  # fmt: skip
        lines.append(table(["path", "p50 ms", "p95 ms", "recall@30 vs exact", "p95<100ms"], rows))
    return "\n".join(lines)
