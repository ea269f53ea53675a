"""Section 1: warm query latency, ours against the plain LangChain RAG a newcomer would write.

Same corpus, same chunks, same questions, same process and torch thread count. Methods run
interleaved question by question (the order rotates), so CPU contention from other processes
hits them alike.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from benchmarks.common import Context, log, summarize, table

PLAIN = "plain_rag_search"
OURS_RETRIEVE = "ours_retrieve"
OURS_ASK = "ours_ask"
EMBED = "query_embedding"
EMBED_TORCH = "query_embedding_torch"

LABELS = {
    PLAIN: "plain LangChain RAG: Chroma.similarity_search(q, k=5)",
    OURS_RETRIEVE: "ours, retrieval only: retrieve() (embed + Chroma + BM25 + RRF)",
    OURS_ASK: "ours, Assistant.ask (retrieval + composition + safety notices)",
    EMBED: "query embedding alone, ONNX encoder (part of every row above but the plain RAG)",
    EMBED_TORCH: "query embedding alone, sentence-transformers (what the plain RAG uses)",
}


def plain_rag(ctx: Context, settings: Any) -> Any:
    """The plain RAG a newcomer writes: ``langchain_chroma.Chroma`` + ``HuggingFaceEmbeddings``.

    Its collection holds the same chunks as our index (texts and metadata from our chunker). To
    save re-embedding the corpus (about 80 s on this CPU), it is filled with the vectors our build
    already computed for those chunks; only query time is measured, and the query path is the
    stock one: ``HuggingFaceEmbeddings.embed_query`` then Chroma's HNSW search.
    """
    import chromadb
    from langchain_chroma import Chroma
    from langchain_huggingface import HuggingFaceEmbeddings

    from assistant.index.model_files import bundled_model_path
    from assistant.index.store import chroma_metadata, chroma_settings, current_generation
    from assistant.library.chunks import ChunkMeta

    gen = current_generation(settings.index_dir)
    rows = [json.loads(line) for line in (gen / "chunks.jsonl").open(encoding="utf-8")]
    vectors = np.load(gen / "embeddings.npy")
    client = chromadb.PersistentClient(
        path=str(ctx.workdir / "plain-rag"), settings=chroma_settings()
    )
    collection = client.create_collection(
        "plain_rag", embedding_function=None
    )  # LangChain's default space (l2)
    for i in range(0, len(rows), 4000):
        part = rows[i : i + 4000]
        collection.add(
            ids=[r["id"] for r in part],
            embeddings=vectors[i : i + 4000],
            documents=[r["text"] for r in part],
            metadatas=[chroma_metadata(ChunkMeta.from_json(r["meta"])) for r in part],
        )
    embeddings = HuggingFaceEmbeddings(model_name=bundled_model_path())
    return Chroma(client=client, collection_name="plain_rag", embedding_function=embeddings)


def run(
    ctx: Context, questions: Sequence[str], passes: int = 3, k_plain: int = 5, warmup: int = 5
) -> dict[str, Any]:
    import torch

    from assistant.answering.pipeline import Assistant
    from assistant.index.retrieval import retrieve

    settings = ctx.corpus_index()
    torch_embedder = ctx.get_embedder()
    ours = Assistant(settings)  # as the command line and the app load it: the ONNX encoder
    encoder = ours.embedder.inner
    log("setting up the plain LangChain RAG over the same chunks ...")
    plain = plain_rag(ctx, settings)

    methods: dict[str, Callable[[str], Any]] = {
        PLAIN: lambda q: plain.similarity_search(q, k=k_plain),
        OURS_RETRIEVE: lambda q: retrieve(ours.store, encoder, q),
        OURS_ASK: lambda q: ours.ask(q),
        EMBED: lambda q: encoder.encode([q]),
        EMBED_TORCH: lambda q: torch_embedder.encode([q]),
    }
    names = list(methods)
    log(f"warming up ({warmup} questions x {len(names)} methods) ...")
    for q in questions[:warmup]:
        for name in names:
            methods[name](q)

    samples: dict[str, list[float]] = {name: [] for name in names}
    abstained = 0
    for p in range(passes):
        log(f"latency pass {p + 1}/{passes}: {len(questions)} questions x {len(names)} methods ...")
        for i, q in enumerate(questions):
            order = names[i % len(names) :] + names[: i % len(names)]
            for name in order:
                t0 = time.perf_counter()
                out = methods[name](q)
                samples[name].append(time.perf_counter() - t0)
                if name == OURS_ASK and p == 0:
                    abstained += bool(out.abstained)

    stats = {name: summarize(samples[name]) for name in names}
    for name in names:
        stats[name]["label"] = LABELS[name]
    plain50, plain95 = stats[PLAIN]["p50_ms"], stats[PLAIN]["p95_ms"]
    ratios = {
        f"{name}_vs_plain": {
            "p50": round(stats[name]["p50_ms"] / plain50, 3),
            "p95": round(stats[name]["p95_ms"] / plain95, 3),
        }
        for name in (OURS_RETRIEVE, OURS_ASK)
    }
    return {
        "questions": len(questions),
        "passes": passes,
        "warmup_questions": min(warmup, len(questions)),
        "chunks": len(ours.store.ids),
        "query_encoder": type(encoder).__name__,
        "torch_threads": torch.get_num_threads(),
        "k_plain": k_plain,
        "k_ours": settings.k,
        "candidates_per_retriever": settings.candidates,
        "answered": len(questions) - abstained,
        "methods": stats,
        "ratios": ratios,
        "plain_rag_note": (
            "plain RAG collection filled with our chunk texts and our precomputed vectors "
            "(same model); its query path is stock HuggingFaceEmbeddings + Chroma"
        ),
    }


def render(res: dict[str, Any]) -> str:
    rows = [
        [name, s["n"], s["p50_ms"], s["p95_ms"], s["mean_ms"], s["label"]]
        for name, s in res["methods"].items()
    ]
    out = [
        f"{res['chunks']} chunks, {res['questions']} in-scope questions x {res['passes']} passes, "
        f"torch threads {res['torch_threads']}, warm (model loaded, {res['warmup_questions']} "
        "warm-up questions)",
        table(["method", "n", "p50 ms", "p95 ms", "mean ms", "what"], rows),
    ]
    for key, r in res["ratios"].items():
        out.append(f"ratio {key}: p50 {r['p50']:.2f}x, p95 {r['p95']:.2f}x")
    return "\n".join(out)
