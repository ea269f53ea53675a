"""Smoke test of the speed benchmarks (``python -m benchmarks``): every section runs in-process
on a tiny scale and reports the expected figures. No timing is asserted: figures only have to
be there and be positive."""

from __future__ import annotations

import json

import pytest

from benchmarks.common import Context
from benchmarks.runner import SECTIONS, Config, render, run, write


def _positive(d: dict, *keys: str) -> None:
    for k in keys:
        assert isinstance(d[k], int | float) and d[k] > 0, (k, d[k])


@pytest.mark.slow
def test_benchmark_quick_mode_reports_every_section(tmp_path, corpus_index, embedder, tiny_corpus):
    work = tmp_path / "work"
    work.mkdir()
    ctx = Context(workdir=work, threads=1, embedder=embedder, corpus_settings=corpus_index)
    cfg = Config(
        quick=True,
        threads=1,
        passes=1,
        max_questions=5,
        scales=(2000,),
        scale_queries=5,
        serve=False,  # the app's own start is covered by the UI tests
        cold_runs=1,
        inputs_scale=0.02,
        build_corpus=tiny_corpus.corpus_dir,
    )
    results = run(cfg, ctx=ctx)
    assert results["errors"] == {}, results["errors"]
    assert set(results["sections"]) == set(SECTIONS)
    assert results["meta"]["torch_threads"] == 1 and results["meta"]["questions"] == 5

    lat = results["sections"]["latency"]
    assert set(lat["methods"]) == {
        "plain_rag_search",
        "ours_retrieve",
        "ours_ask",
        "query_embedding",
        "query_embedding_torch",
    }
    assert lat["query_encoder"] == "OnnxEncoder"  # the production path, not torch
    for stats in lat["methods"].values():
        assert stats["n"] == 5
        _positive(stats, "p50_ms", "p95_ms", "mean_ms")
    for ratio in lat["ratios"].values():
        _positive(ratio, "p50", "p95")

    build = results["sections"]["build"]
    export = build["onnx_export"]
    assert export["agreement_min_cosine"] >= 0.9999 and export["dimension"] == 384
    _positive(build, "chunks", "bare_chunks_per_s", "build_chunks_per_s", "throughput_ratio")
    assert 0 < build["embed_share"] <= 1
    assert build["noop_status"] == "up to date"
    assert build["incremental"]["status"] == "updated" and build["incremental"]["embedded"] >= 1

    scale = results["sections"]["scale"]
    assert "SYNTHETIC" in scale["vectors"]
    small = scale["scales"]["2000"]
    _positive(small, "chroma_insert_s", "bm25_index_s")
    assert 0 < small["filter"]["selectivity"] < 1
    for name in ("chroma_unfiltered", "chroma_where", "chroma_ids", "numpy_subset",
                 "store_dense_unfiltered", "store_dense_filtered"):  # fmt: skip
        assert small["dense"][name]["n"] == 5
        _positive(small["dense"][name], "p50_ms", "p95_ms")
    # The production filtered path ranks exactly: same neighbours as the numpy reference.
    assert small["dense"]["store_dense_filtered"]["recall_vs_exact"] == 1.0
    for stats in small["bm25"].values():
        _positive(stats, "p50_ms", "p95_ms")
    # The same chunks on a real `chroma run` server.
    server = scale["server"]["2000"]
    _positive(server, "chroma_insert_s")
    assert server["url"].startswith("http://127.0.0.1:")
    for name in (
        "chroma_unfiltered",
        "chroma_where",
        "store_dense_unfiltered",
        "store_dense_filtered",
    ):
        assert server["dense"][name]["n"] == 5
        _positive(server["dense"][name], "p50_ms", "p95_ms")
    assert server["dense"]["store_dense_filtered"]["recall_vs_exact"] == 1.0
    assert server["dense"]["store_dense_unfiltered"]["recall_vs_exact"] >= 0.9

    cold = results["sections"]["coldstart"]
    _positive(cold["ask"], "median_s", "peak_rss_mb")
    _positive(cold["ask"]["floor"], "median_s")
    _positive(cold["ask"]["python_startup"], "median_s")
    assert cold["ask"]["answered"] and cold["ask"]["citations"] > 0
    assert cold["ask"]["same_answer_as_torch_encoder"] is True
    assert "serve" not in cold

    inputs = results["sections"]["inputs"]
    assert set(inputs["inputs"]) == {"one_line_text", "pdf", "medline"}
    for r in inputs["inputs"].values():
        _positive(r, "seconds", "peak_rss_mb", "records_added", "chunks_embedded")
        assert r["progress_updates"] > 0 and r["summary"].startswith("Index updated")
    assert inputs["inputs"]["medline"]["records_added"] == inputs["sizes"]["medline_records"]

    for res in results["sections"].values():
        _positive(res["memory"], "peak_rss_mb")
    verdicts = {t["target"]: t["verdict"] for t in results["targets"]}
    assert verdicts["100k filtered dense p95 (IndexStore.dense)"] == "n/a"  # no 100k scale here
    assert verdicts["new process to the app serving (HTTP 200, median)"] == "n/a"  # serve=False
    assert verdicts["new process to first answer (ask --json, median)"] in ("PASS", "MISS")
    assert all(t["verdict"] in ("PASS", "MISS", "n/a") for t in results["targets"])

    text = render(results)
    assert "1. Query latency" in text and "== Targets" in text
    path = write(results, tmp_path / "out")
    assert json.loads(path.read_text()) == json.loads(
        (tmp_path / "out" / "latest.json").read_text()
    )
