"""The index: idempotent, incremental, crash-safe, damage detected (real Chroma, real model)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.answering.pipeline import Assistant
from assistant.index.build import (
    IndexError_,
    build_index,
    current_generation,
    index_status,
    read_manifest,
)
from assistant.library.chunks import chunk_record
from assistant.library.records import CorpusError, parse_record
from assistant.settings import PROJECT_DIR, Settings

ASSISTANT = [sys.executable, "-m", "assistant"]


def test_second_build_embeds_nothing(tiny_corpus: Settings, embedder) -> None:
    first = build_index(tiny_corpus, progress=False, embedder=embedder)
    assert first.status == "built" and first.embedded == first.chunks > 0
    gen = current_generation(tiny_corpus.index_dir)
    second = build_index(tiny_corpus, progress=False, embedder=embedder)
    assert second.status == "up to date"
    assert second.embedded == 0
    assert "up to date" in second.summary()
    assert current_generation(tiny_corpus.index_dir) == gen  # nothing rewritten
    assert index_status(tiny_corpus).state == "ready"


def test_changed_record_reembeds_only_itself_and_removed_leaves(
    tiny_corpus: Settings, embedder
) -> None:
    build_index(tiny_corpus, progress=False, embedder=embedder)
    beta = tiny_corpus.corpus_dir / "beta2005.md"
    beta.write_text(beta.read_text().replace("Twelve people", "Fourteen people"))
    (tiny_corpus.corpus_dir / "gamma2010.md").unlink()
    assert index_status(tiny_corpus).state == "stale"
    report = build_index(tiny_corpus, progress=False, embedder=embedder)
    assert report.status == "updated"
    assert report.changed == ["beta2005"] and report.removed == ["gamma2010"]
    beta_chunks = chunk_record(
        parse_record(beta), tiny_corpus.chunk_size, tiny_corpus.chunk_overlap
    )
    assert report.embedded == len(beta_chunks) and report.reused > 0
    store_ids = Assistant(tiny_corpus, embedder=embedder).store.ids
    assert not any(i.startswith("gamma2010") for i in store_ids)
    ans = Assistant(tiny_corpus, embedder=embedder).ask(
        "How many people were in quasitrol withdrawal?"
    )
    assert "Fourteen" in ans.answer


def test_settings_change_rebuilds(tiny_corpus: Settings, embedder) -> None:
    first = build_index(tiny_corpus, progress=False, embedder=embedder)
    tiny_corpus.chunk_size, tiny_corpus.chunk_overlap = 60, 10
    assert index_status(tiny_corpus).state == "stale"
    report = build_index(tiny_corpus, progress=False, embedder=embedder)
    # Re-chunked from scratch; a chunk whose text did not change keeps its vector.
    assert report.status == "built" and report.chunks > first.chunks
    assert report.embedded > 0 and report.embedded + report.reused == report.chunks


def test_invalid_record_names_file_and_field(tiny_corpus: Settings, embedder) -> None:
    bad = tiny_corpus.corpus_dir / "bad.md"
    bad.write_text("---\nid: bad_one\ntitle: x\nevidence: rumour\n---\ntext\n")
    with pytest.raises(CorpusError) as exc:
        build_index(tiny_corpus, progress=False, embedder=embedder)
    assert "bad.md" in str(exc.value) and "evidence" in str(exc.value)
    assert current_generation(tiny_corpus.index_dir) is None  # nothing half-written


def test_damaged_index_is_detected_with_rebuild_hint(tiny_corpus: Settings, embedder) -> None:
    build_index(tiny_corpus, progress=False, embedder=embedder)
    gen = current_generation(tiny_corpus.index_dir)
    assert gen is not None
    (gen / "chunks.jsonl").unlink()
    status = index_status(tiny_corpus)
    assert status.state == "damaged" and "--rebuild" in status.detail
    with pytest.raises(IndexError_, match="--rebuild"):
        Assistant.load(tiny_corpus, embedder=embedder)
    # the build repairs it
    report = build_index(tiny_corpus, progress=False, embedder=embedder)
    assert report.status == "built"
    assert index_status(tiny_corpus).state == "ready"


def test_chroma_losing_vectors_is_detected(tiny_corpus: Settings, embedder) -> None:
    build_index(tiny_corpus, progress=False, embedder=embedder)
    gen = current_generation(tiny_corpus.index_dir)
    shutil.rmtree(gen / "chroma")
    (gen / "chroma").mkdir()
    # a new process would open the folder afresh: drop Chroma's in-process client cache
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    with pytest.raises(IndexError_, match="rebuild"):
        Assistant(tiny_corpus, embedder=embedder)


def _run_until(cmd: list[str], marker: str, env: dict[str, str], timeout: float = 600) -> int:
    """Start ``cmd``, kill -9 it as soon as ``marker`` appears on its stderr; return its code.
    (A run that never shows the marker is killed too, so a slow machine fails with the stderr
    seen instead of leaving the process running.)"""
    proc = subprocess.Popen(
        cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, text=True, bufsize=1
    )
    deadline = time.monotonic() + timeout
    seen = ""
    assert proc.stderr is not None
    while time.monotonic() < deadline:
        ch = proc.stderr.read(1)
        if not ch:
            break
        seen += ch
        if marker in seen:
            os.kill(proc.pid, signal.SIGKILL)
            break
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert marker in seen, f"never saw {marker!r}; stderr was:\n{seen[-2000:]}"
    return proc.returncode


def _small_corpus(dst: Path, studies: tuple[str, ...]) -> Path:
    """The project corpus with only ``studies`` of its study records and no overviews (labels,
    regulation and the fact sheets kept): a real corpus that builds in seconds."""
    shutil.copytree(PROJECT_DIR / "corpus", dst)
    shutil.rmtree(dst / "records" / "overview")
    for path in (dst / "records" / "studies").glob("*.md"):
        if path.stem not in studies:
            path.unlink()
    return dst


@pytest.mark.slow
def test_rebuild_killed_halfway_leaves_previous_index_answering(embedder, tmp_path: Path) -> None:
    corpus = _small_corpus(tmp_path / "corpus", ("reynaud2017", "muller2015", "garbutt2010"))
    index_dir = tmp_path / "index"
    settings = Settings(corpus_dir=corpus, index_dir=index_dir, torch_threads=1)
    build_index(settings, progress=False, embedder=embedder)
    live = current_generation(index_dir)
    env = {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(corpus),
        "ASSISTANT_INDEX_DIR": str(index_dir),
        "ASSISTANT_TORCH_THREADS": "1",
    }
    cmd = [*ASSISTANT, "index", "--rebuild"]
    # killed while embedding, then killed while writing the new generation
    for marker in ("Embedding chunks", "Writing "):
        assert _run_until(cmd, marker, env) == -signal.SIGKILL
        assert current_generation(index_dir) == live
        ans = Assistant.load(settings, embedder=embedder).ask("What did the ALPADIR trial find?")
        assert ans.citations and not ans.abstained
    # the next run completes and cleans up the half-written generation
    done = subprocess.run(
        [*ASSISTANT, "index"], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout
    gens = sorted(p.name for p in index_dir.glob("gen-*"))
    assert live is not None and live.name in gens
    rebuilt = subprocess.run(
        [*ASSISTANT, "index", "--rebuild", "-q"],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    new = current_generation(index_dir)
    assert new != live and len(list(index_dir.glob("gen-*"))) <= 2
    assert read_manifest(new)["chunk_count"] == read_manifest(live)["chunk_count"]


def test_project_index_dir_default_is_project_index() -> None:
    assert Settings().index_dir == PROJECT_DIR / "index"


def test_manifest_records_carry_listing_fields(corpus_index: Settings) -> None:
    manifest = read_manifest(current_generation(corpus_index.index_dir))
    info = manifest["records"]["garbutt2010"]["info"]
    assert (
        info["year"] == 2010 and info["evidence"] == "rct" and "baclofen" in info["title"].lower()
    )
    assert manifest["config"]["chunk_size"] == corpus_index.chunk_size
    json.dumps(manifest)  # JSON-serialisable


def test_stored_vectors_belong_to_their_chunks(tiny_corpus: Settings, embedder) -> None:
    """Chunks are embedded longest first (less padding); each vector must still land on its
    own chunk."""
    import numpy as np

    build_index(tiny_corpus, progress=False, embedder=embedder)
    gen = current_generation(tiny_corpus.index_dir)
    rows = [json.loads(line) for line in (gen / "chunks.jsonl").open()]
    stored = np.load(gen / "embeddings.npy")
    texts = {
        c.id: c.embed_text
        for p in sorted(tiny_corpus.corpus_dir.glob("*.md"))
        for c in chunk_record(parse_record(p), tiny_corpus.chunk_size, tiny_corpus.chunk_overlap)
    }
    assert len({len(t) for t in texts.values()}) > 1  # lengths differ, so the order changed
    fresh = embedder.encode([texts[r["id"]] for r in rows])
    assert np.allclose(stored, fresh, atol=1e-5)
