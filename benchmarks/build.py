"""Section 2: index build throughput against the bare encoder, and an incremental re-index."""

from __future__ import annotations

import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.common import Context, log, table

EDIT = "\n\nBenchmark edit: this sentence was appended to measure an incremental re-index.\n"


class TimedEmbedder:
    """Wraps our embedder to measure how much of a build is spent encoding."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seconds = 0.0
        self.texts = 0

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def encode(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        t0 = time.perf_counter()
        out = self.inner.encode(texts)
        self.seconds += time.perf_counter() - t0
        self.texts += len(texts)
        return out


def run(ctx: Context, corpus_dir: Path | None = None, batch_size: int = 32) -> dict[str, Any]:
    from assistant.index.build import build_index, load_sources
    from assistant.library.chunks import chunk_record
    from assistant.settings import Settings

    embedder = ctx.get_embedder()
    kw: dict[str, Any] = {"corpus_dir": corpus_dir} if corpus_dir else {}
    settings = Settings(
        index_dir=ctx.workdir / "build-index",
        torch_threads=ctx.threads,
        embed_batch_size=batch_size,
        **kw,
    )
    records = load_sources(settings)
    chunks = [
        c for r in records for c in chunk_record(r, settings.chunk_size, settings.chunk_overlap)
    ]
    texts = [c.embed_text for c in chunks]
    model = embedder.model
    log(f"build: {len(records)} records, {len(chunks)} chunks; warming up the encoder ...")
    model.encode(texts[:batch_size], batch_size=batch_size, show_progress_bar=False)

    # A build embeds every chunk and every sentence (answers pick sentences by meaning): the
    # bare encoder gets the same texts.
    sentences = [c.text[a:b] for c in chunks for a, b in c.sentences]
    log(f"build: bare SentenceTransformer.encode of {len(texts)} chunks and {len(sentences)} "
        f"sentences (batch {batch_size}) ...")  # fmt: skip
    t0 = time.perf_counter()
    for batch in (texts, sentences):
        model.encode(
            batch,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
    bare_s = time.perf_counter() - t0

    from assistant.index.build import build_config
    from assistant.index.query_encoder import (
        encoder_dir,
        encoder_problem,
        ensure_encoder,
        read_info,
    )

    fingerprint = build_config(settings)["model"]
    fresh = encoder_problem(encoder_dir(settings, fingerprint), fingerprint) is not None
    log("build: exporting the ONNX query encoder (once per model; untimed in the build) ...")
    t0 = time.perf_counter()
    folder = ensure_encoder(settings, embedder)
    export_s = time.perf_counter() - t0
    export = {"seconds": round(export_s, 1) if fresh else None, "exported_now": fresh,
              **{k: v for k, v in (read_info(folder) or {}).items() if k != "sizes"}}  # fmt: skip

    log("build: build_index(rebuild=True) on the same chunks ...")
    timed = TimedEmbedder(embedder)
    t0 = time.perf_counter()
    report = build_index(settings, rebuild=True, progress=False, embedder=timed)
    build_s = time.perf_counter() - t0
    assert report.chunks == len(chunks) and report.embedded == len(chunks), report

    t0 = time.perf_counter()
    noop = build_index(settings, progress=False, embedder=embedder)
    noop_s = time.perf_counter() - t0

    incremental = _incremental(ctx, settings, records, embedder)

    if corpus_dir is None and ctx.corpus_settings is None:
        ctx.corpus_settings = settings  # the latency and cold-start sections reuse this index

    bare_tput = len(chunks) / bare_s
    build_tput = len(chunks) / build_s
    return {
        "records": len(records),
        "chunks": len(chunks),
        "sentences": len(sentences),
        "batch_size": batch_size,
        "bare_encode_s": round(bare_s, 2),
        "bare_chunks_per_s": round(bare_tput, 2),
        "build_s": round(build_s, 2),
        "build_chunks_per_s": round(build_tput, 2),
        "throughput_ratio": round(build_tput / bare_tput, 3),
        "build_embed_s": round(timed.seconds, 2),
        "build_other_s": round(build_s - timed.seconds, 2),
        "embed_share": round(timed.seconds / build_s, 3),
        "noop_check_s": round(noop_s, 3),
        "noop_status": noop.status,
        "incremental": incremental,
        "onnx_export": export,
    }


def _incremental(ctx: Context, settings: Any, records: list[Any], embedder: Any) -> dict[str, Any]:
    """Copy corpus and index, append a sentence to one record, time the update."""
    from assistant.index.build import build_index

    corpus_copy = ctx.workdir / "incr-corpus"
    index_copy = ctx.workdir / "incr-index"
    shutil.rmtree(corpus_copy, ignore_errors=True)
    shutil.rmtree(index_copy, ignore_errors=True)
    shutil.copytree(settings.corpus_dir, corpus_copy)
    shutil.copytree(settings.index_dir, index_copy, ignore=shutil.ignore_patterns(".lock"))
    copy = settings.model_copy(update={"corpus_dir": corpus_copy, "index_dir": index_copy})
    # A record of typical size (the median by body length) in the copy.
    record = sorted(records, key=lambda r: len(r.body))[len(records) // 2]
    path = corpus_copy / Path(record.path).relative_to(settings.corpus_dir)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(EDIT)
    log(f"build: incremental re-index after editing {record.id} ...")
    t0 = time.perf_counter()
    report = build_index(copy, progress=False, embedder=embedder)
    seconds = time.perf_counter() - t0
    from assistant.library.chunks import chunk_record

    return {
        "edited_record": record.id,
        "record_chunks": len(chunk_record(record, settings.chunk_size, settings.chunk_overlap)),
        "status": report.status,
        "changed": report.changed,
        "embedded": report.embedded,
        "reused": report.reused,
        "seconds": round(seconds, 2),
    }


def render(res: dict[str, Any]) -> str:
    inc = res["incremental"]
    rows = [
        ["bare SentenceTransformer.encode", res["chunks"], res["bare_encode_s"], res["bare_chunks_per_s"], "-"],
        ["build_index(rebuild=True)", res["chunks"], res["build_s"], res["build_chunks_per_s"],
         f"embed {res['build_embed_s']:.1f} s = {res['embed_share']:.0%}"],
        ["build_index, nothing changed", 0, res["noop_check_s"], None, res["noop_status"]],
        [f"incremental: 1 record edited ({inc['edited_record']})", inc["embedded"], inc["seconds"], None,
         f"{inc['status']}; record has {inc['record_chunks']} chunks, {inc['reused']} reused"],
    ]  # fmt: skip
    exp = res.get("onnx_export") or {}
    export = (
        f"ONNX export of the query encoder (once per model, during `assistant index`): "
        f"{exp['seconds']:.0f} s, agreement with sentence-transformers: min cosine "
        f"{exp.get('agreement_min_cosine')}"
        if exp.get("seconds") is not None
        else "ONNX query encoder: already exported"
    )
    return "\n".join(
        [
            f"{res['records']} records, {res['chunks']} chunks and {res.get('sentences', '?')} "
            f"sentences embedded, batch {res['batch_size']}",
            export,
            table(["step", "chunks embedded", "seconds", "chunks/s", "note"], rows),
            f"throughput ratio build/bare: {res['throughput_ratio']:.3f} "
            f"(non-embedding work {res['build_other_s']:.1f} s)",
        ]
    )
