"""The query path without torch: the ONNX export of the model and the exact dense search.

Questions are encoded by onnxruntime from an ONNX export of the same MiniLM weights that embed the
chunks and sentences at build time (sentence-transformers), and dense search over the index folder
is an exact matrix product instead of a Chroma query. Both must change nothing a user sees:
the vectors agree (cosine >= 0.999, in fact ~0.9999999), the rankings and the answers are the
same, and neither torch, sentence-transformers nor chromadb is imported to answer a question.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from assistant.answering.pipeline import Assistant
from assistant.index import store as store_module
from assistant.index.build import build_config, build_index, index_status
from assistant.index.query_encoder import (
    MODEL_FILE,
    OnnxEncoder,
    encoder_dir,
    encoder_problem,
    load_query_encoder,
    read_info,
)
from assistant.index.store import IndexStore
from assistant.settings import PROJECT_DIR, Settings


def eval_questions(n: int | None = None) -> list[str]:
    items = yaml.safe_load((PROJECT_DIR / "eval" / "questions.yaml").read_text())
    qs = [q["question"] for q in items]
    return qs[:n] if n else qs


@pytest.fixture(scope="module")
def onnx(corpus_index: Settings) -> OnnxEncoder:
    encoder = load_query_encoder(corpus_index)
    assert isinstance(encoder, OnnxEncoder), "the index build should have exported the encoder"
    return encoder


def test_query_vectors_match_sentence_transformers(
    onnx: OnnxEncoder, embedder, corpus_index
) -> None:
    """The ONNX encoder lands in the space of the stored vectors: questions, chunk texts and
    sentences (short, long and truncated) agree with sentence-transformers."""
    store = IndexStore(corpus_index)
    chunk_texts = [store.texts[i] for i in range(0, len(store.texts), 7)]
    sentences = [
        store.texts[p][a:b] for p in range(0, len(store.texts), 11) for a, b in store.sentences[p]
    ]
    odd = ["x", "  baclofen  ", "BACLOFEN?!", "巴氯芬能减少饮酒渴望吗？", "dose " * 400, "é" * 50]
    texts = eval_questions() + chunk_texts + sentences + odd
    ours = onnx.encode(texts)
    reference = embedder.encode(texts)
    cosine = np.sum(ours * reference, axis=1)
    assert ours.shape == reference.shape == (len(texts), 384)
    assert float(cosine.min()) >= 0.999, texts[int(cosine.argmin())]
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    # and one at a time (no padding) as well as in batches
    single = np.stack([onnx.encode([t])[0] for t in eval_questions(20)])
    assert float(np.sum(single * reference[:20], axis=1).min()) >= 0.999


def test_tokenizer_is_the_models_own(onnx: OnnxEncoder, embedder) -> None:
    """Word pieces, truncation at 256 and all: the same ids sentence-transformers feeds its model."""
    texts = [*eval_questions(30), "dose " * 400, "Baclofen est-il autorisé en France ?", "x"]
    ours = onnx.feeds(texts)
    theirs = embedder.model.tokenizer(
        texts, padding=True, truncation=True, max_length=256, return_tensors="np"
    )
    assert np.array_equal(ours["input_ids"], theirs["input_ids"])
    assert np.array_equal(ours["attention_mask"], theirs["attention_mask"])
    assert ours["input_ids"].shape[1] == 256  # the long text was truncated like theirs


def test_same_answers_and_scores_as_the_torch_encoder(
    corpus_index: Settings, corpus_assistant: Assistant, onnx: OnnxEncoder
) -> None:
    """What the app and the command line now answer with (ONNX encoder, exact search) gives the
    answers and the retrieval scores the torch encoder gives."""
    fast = Assistant(corpus_index, embedder=onnx)
    assert fast.store.collection is None  # the exact search: chromadb is not used here
    for q in eval_questions(80):
        a, b = fast.ask(q), corpus_assistant.ask(q)
        assert a.to_json() == b.to_json(), q
        assert [c.chunk_id for c in a.contexts] == [c.chunk_id for c in b.contexts], q
        for x, y in zip(a.contexts, b.contexts, strict=True):
            assert x.score == pytest.approx(y.score, rel=1e-9, abs=1e-12)
            assert (x.similarity is None) == (y.similarity is None)
            if x.similarity is not None:
                assert x.similarity == pytest.approx(y.similarity, abs=1e-5)


def test_exact_dense_search_ranks_as_chroma_does(
    corpus_index: Settings, embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = IndexStore(corpus_index)
    monkeypatch.setattr(store_module, "EXACT_SEARCH_MAX_CHUNKS", 0)  # force Chroma's HNSW
    chroma = IndexStore(corpus_index)
    assert exact.collection is None and chroma.collection is not None
    vectors = embedder.encode(eval_questions(60))
    for v in vectors:
        a, b = exact.dense(v, 30), chroma.dense(v, 30)
        assert [p for p, _ in a] == [p for p, _ in b]
        assert np.allclose([s for _, s in a], [s for _, s in b], atol=1e-5)


QUERY_PATH_PROBE = r"""
import io, json, sys
from contextlib import redirect_stdout
from assistant.frontends.cli import cli
buf = io.StringIO()
with redirect_stdout(buf):
    cli(["ask", "--json", "Does baclofen reduce alcohol craving?"], standalone_mode=False)
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"torch", "sentence_transformers",
                                                         "transformers", "chromadb"})
print(json.dumps({"heavy": heavy, "answer": json.loads(buf.getvalue())}))
"""


def test_answering_imports_no_torch_and_no_chromadb(
    corpus_index: Settings, corpus_assistant
) -> None:
    env = {
        **os.environ,
        "ASSISTANT_INDEX_DIR": str(corpus_index.index_dir),
        "ASSISTANT_CORPUS_DIR": str(corpus_index.corpus_dir),
    }
    r = subprocess.run(
        [sys.executable, "-c", QUERY_PATH_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(r.stdout.splitlines()[-1])
    assert out["heavy"] == []
    assert out["answer"] == corpus_assistant.ask("Does baclofen reduce alcohol craving?").to_json()


def test_missing_encoder_falls_back_to_torch_with_a_warning(
    tiny: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("ASSISTANT_ENCODER_DIR", str(tmp_path / "nowhere"))
    status = index_status(tiny)
    assert status.state == "stale" and "not been exported" in status.detail
    encoder = load_query_encoder(tiny)
    assert not isinstance(encoder, OnnxEncoder)
    assert "loading the sentence-transformers model instead" in caplog.text


@pytest.mark.slow
def test_index_exports_the_encoder_and_repairs_a_damaged_one(
    tiny_corpus: Settings, embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without ASSISTANT_ENCODER_DIR the export goes to <index>/encoder/, during the build."""
    monkeypatch.delenv("ASSISTANT_ENCODER_DIR", raising=False)
    build_index(tiny_corpus, progress=False, embedder=embedder)
    fingerprint = build_config(tiny_corpus)["model"]
    folder = encoder_dir(tiny_corpus, fingerprint)
    assert folder.parent == tiny_corpus.index_dir / "encoder"
    info = read_info(folder)
    assert info is not None and info["agreement_min_cosine"] >= 0.9999
    assert (
        encoder_problem(folder, fingerprint) is None and index_status(tiny_corpus).state == "ready"
    )
    # a damaged export is noticed without loading it, and the next `assistant index` replaces it
    model = folder / MODEL_FILE
    model.write_bytes(model.read_bytes()[:1000])
    status = index_status(tiny_corpus)
    assert status.state == "stale" and "damaged" in status.detail
    report = build_index(tiny_corpus, progress=False, embedder=embedder)
    assert report.status == "up to date" and index_status(tiny_corpus).state == "ready"
    assert isinstance(load_query_encoder(tiny_corpus), OnnxEncoder)
    assert not list(folder.parent.glob(".*tmp*"))  # no half-written export left behind


def test_a_failed_export_leaves_a_working_index_and_says_so(
    tiny_corpus: Settings,
    tmp_path: Path,
    embedder,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import assistant.index.query_encoder as qe

    def broken(*a: object, **kw: object) -> None:
        raise RuntimeError("exporter unavailable (simulated)")

    monkeypatch.setenv("ASSISTANT_ENCODER_DIR", str(tmp_path / "encoders"))
    monkeypatch.setattr(qe, "export_encoder", broken)
    report = build_index(tiny_corpus, progress=False, embedder=embedder)
    assert report.status == "built"
    assert "Could not export the ONNX query encoder" in caplog.text
    assert "exporter unavailable" in caplog.text
    status = index_status(tiny_corpus)
    assert status.state == "stale" and "not been exported" in status.detail
    ans = Assistant.load(tiny_corpus).ask("What lowered zorbitol craving scores?")
    assert ans.citations and "zorbitol" in ans.answer
