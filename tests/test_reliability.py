"""Reliability: concurrent chat sessions on the real Gradio server, a full disk, a damaged or
half-built index, and kill -9 during an ingest.

Every server here listens on 127.0.0.1 only, on a free port, and is closed by the test.
kill -9 during ``assistant index --rebuild`` is covered in test_index.py.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from click.testing import CliRunner

from assistant.answering.pipeline import Assistant
from assistant.frontends.cli import cli
from assistant.index.build import (
    DiskFullError,
    IndexError_,
    build_index,
    current_generation,
    index_status,
)
from assistant.settings import PROJECT_DIR, Settings

TINY_QUESTION = "What lowered zorbitol craving scores?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gens(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.glob("gen-*"))


def answers(settings: Settings, embedder) -> bool:  # noqa: ANN001
    ans = Assistant.load(settings, embedder=embedder).ask(TINY_QUESTION)
    return bool(ans.citations) and not ans.abstained and "zorbitol" in ans.answer


def run_cli(args: list[str], settings: Settings) -> Any:
    env = {"ASSISTANT_CORPUS_DIR": str(settings.corpus_dir), "ASSISTANT_TORCH_THREADS": "1"}
    return CliRunner().invoke(cli, [*args, "--index-dir", str(settings.index_dir)], env=env)


# =========================================================================== load


def _answerable_questions(assistant: Assistant, n: int) -> list[str]:
    """Standalone eval questions the library answers with citations (checked in-process)."""
    from assistant.answering.question.conversation import is_follow_up

    items = yaml.safe_load((PROJECT_DIR / "eval" / "questions.yaml").read_text())
    out = []
    for item in items:
        q = item["question"]
        if item.get("abstain") or is_follow_up(q):
            continue
        ans = assistant.ask(q)
        if ans.citations and not ans.abstained:
            out.append(q)
        if len(out) == n:
            break
    assert len(out) >= 10, out
    return (out * n)[:n]


class _ErrorLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


SESSIONS = 20
TURNS = 25
LOAD_BUDGET_S = 170  # the whole load phase; each call is also bounded


@pytest.mark.slow
def test_concurrent_chat_sessions_on_the_real_server(
    corpus_assistant: Assistant, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from gradio_client import Client

    from assistant.answering import pipeline
    from assistant.frontends import ui
    from assistant.index import embeddings, query_encoder, retrieval

    questions = _answerable_questions(corpus_assistant, TURNS)

    # The model and the index are loaded once and shared: count any reload during the run.
    loads: Counter[str] = Counter()

    def counting(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*a: Any, **kw: Any) -> Any:
            loads[name] += 1
            return original(*a, **kw)

        return wrapper

    monkeypatch.setattr(
        retrieval.IndexStore, "__init__", counting("index", retrieval.IndexStore.__init__)
    )
    monkeypatch.setattr(
        embeddings.Embedder, "__init__", counting("model", embeddings.Embedder.__init__)
    )
    monkeypatch.setattr(
        pipeline.Assistant, "__init__", counting("assistant", pipeline.Assistant.__init__)
    )
    monkeypatch.setattr(
        query_encoder.OnnxEncoder,
        "__init__",
        counting("encoder", query_encoder.OnnxEncoder.__init__),
    )
    store_before, embedder_before = corpus_assistant.store, corpus_assistant.embedder

    errors_log = _ErrorLog()
    logging.getLogger().addHandler(errors_log)
    app = ui.build_app(corpus_assistant)
    port = free_port()
    ui.start(app, host="127.0.0.1", port=port, prevent_thread_lock=True)
    try:
        # The queue is sized deliberately: every session fits, a few run at once.
        queue = app._queue
        assert queue.max_size is not None and queue.max_size >= SESSIONS
        assert isinstance(queue.default_concurrency_limit, int)
        assert 1 <= queue.default_concurrency_limit <= 8

        url = f"http://127.0.0.1:{port}/"
        api_name = "/answer_json"  # the app's API: one answer, with the conversation so far
        assert (
            api_name
            in Client(url, verbose=False).view_api(return_format="dict", print_info=False)[
                "named_endpoints"
            ]
        )
        deadline = time.monotonic() + LOAD_BUDGET_S

        def session(i: int) -> tuple[list[float], list[str]]:
            client = Client(url, verbose=False)
            history: list[str] = []
            latencies: list[float] = []
            problems: list[str] = []
            order = questions[i % TURNS :] + questions[: i % TURNS]
            for q in order:
                left = deadline - time.monotonic()
                if left <= 0:
                    problems.append(f"session {i}: out of time")
                    break
                t0 = time.perf_counter()
                try:
                    out = client.submit(
                        q, None, None, None, None, history[-4:], api_name=api_name
                    ).result(timeout=min(60, left))
                except Exception as exc:  # noqa: BLE001 - every failure is counted
                    problems.append(f"session {i}: {type(exc).__name__}: {exc}")
                    continue
                latencies.append(time.perf_counter() - t0)
                if not isinstance(out, dict) or out.get("error"):
                    problems.append(f"session {i}: error answer to {q!r}: {out}")
                elif not out.get("citations") or "[1]" not in out.get("answer", ""):
                    problems.append(f"session {i}: no citations for {q!r}")
                history.append(q)
            return latencies, problems

        t0 = time.perf_counter()
        with ThreadPoolExecutor(SESSIONS) as pool:
            results = list(pool.map(session, range(SESSIONS)))
        wall = time.perf_counter() - t0
    finally:
        app.close()
        logging.getLogger().removeHandler(errors_log)

    latencies = sorted(x for lat, _ in results for x in lat)
    problems = [p for _, ps in results for p in ps]
    assert not problems, f"{len(problems)} problems, e.g. {problems[:5]}"
    assert len(latencies) == SESSIONS * TURNS
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    with capsys.disabled():
        print(
            f"\n[load] {SESSIONS} sessions x {TURNS} questions via {api_name} in {wall:.1f} s "
            f"({len(latencies) / wall:.1f} answers/s): p50 {p50 * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
        )
    assert not errors_log.records, [r.getMessage() for r in errors_log.records[:5]]
    assert loads == Counter(), f"reloaded during the run: {dict(loads)}"
    assert corpus_assistant.store is store_before
    assert corpus_assistant.embedder is embedder_before


def test_concurrent_asks_share_one_store_and_agree(corpus_assistant: Assistant) -> None:
    """Threads asking at once get the same answers as one thread (no shared-state mix-ups)."""
    qs = [
        "Does baclofen reduce alcohol craving?",
        "What is the maximum dose on the US label?",
        "Is baclofen safe in kidney disease?",
        "What did the ALPADIR trial find?",
    ]
    expected = {q: corpus_assistant.ask(q).to_json() for q in qs}
    errors: list[BaseException] = []

    def worker(i: int) -> list[tuple[str, dict[str, Any]]]:
        out = []
        for j in range(6):
            q = qs[(i + j) % len(qs)]
            try:
                out.append((q, corpus_assistant.ask(q).to_json()))
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)
        return out

    with ThreadPoolExecutor(8) as pool:
        got = [pair for chunk in pool.map(worker, range(8)) for pair in chunk]
    assert not errors
    assert all(ans == expected[q] for q, ans in got)


# =========================================================================== disk full


def _enospc(*a: Any, **kw: Any) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _patch_np_save(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(np, "save", _enospc)


def _patch_bm25_save(mp: pytest.MonkeyPatch) -> None:
    import bm25s

    mp.setattr(bm25s.BM25, "save", _enospc)


def _patch_chroma_add(mp: pytest.MonkeyPatch) -> None:
    from chromadb.api.models.Collection import Collection
    from chromadb.errors import InternalError

    def add(*a: Any, **kw: Any) -> None:  # what Chroma's Rust core reports
        raise InternalError("Error in compaction: No space left on device (os error 28)")

    mp.setattr(Collection, "add", add)


def _patch_write(name: str) -> Callable[[pytest.MonkeyPatch], None]:
    def patch(mp: pytest.MonkeyPatch) -> None:
        import assistant.index.build as ix

        real = ix.write_atomic

        def write(path: Path, text: str) -> None:
            if path.name == name:
                _enospc()
            real(path, text)

        mp.setattr(ix, "write_atomic", write)

    return patch


DISK_FULL = {
    "numpy-save": _patch_np_save,
    "bm25-save": _patch_bm25_save,
    "chroma-add": _patch_chroma_add,
    "manifest-write": _patch_write("manifest.json"),
    "current-swap": _patch_write("CURRENT"),
}


@pytest.mark.parametrize("where", list(DISK_FULL))
def test_disk_full_during_build_keeps_previous_index(
    tiny: Settings, embedder, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    live, before = current_generation(tiny.index_dir), gens(tiny.index_dir)
    DISK_FULL[where](monkeypatch)
    with pytest.raises(DiskFullError) as exc:
        build_index(tiny, rebuild=True, progress=False, embedder=embedder)
    msg = str(exc.value)
    assert "Not enough disk space" in msg and "previous index is unchanged" in msg
    assert "assistant index" in msg and exc.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert current_generation(tiny.index_dir) == live
    assert gens(tiny.index_dir) == before  # the half-written generation is gone
    assert not (tiny.index_dir / "CURRENT.tmp").exists()
    assert index_status(tiny).state == "ready"
    assert answers(tiny, embedder)


def test_disk_full_cli_prints_a_clear_message(
    tiny: Settings, embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = current_generation(tiny.index_dir)
    _patch_np_save(monkeypatch)
    result = run_cli(["index", "--rebuild", "-q"], tiny)
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert "Not enough disk space" in result.output and "assistant index" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert current_generation(tiny.index_dir) == live
    assert answers(tiny, embedder)


def test_disk_full_on_first_build_says_nothing_was_written(
    tiny_built: Settings, tmp_path: Path, embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = Settings(corpus_dir=tiny_built.corpus_dir, index_dir=tmp_path / "new", torch_threads=1)
    _patch_np_save(monkeypatch)
    with pytest.raises(DiskFullError, match="No index was written"):
        build_index(s, progress=False, embedder=embedder)
    assert current_generation(s.index_dir) is None and gens(s.index_dir) == []


def test_disk_full_during_ingest_changes_nothing(
    tiny: Settings, tmp_path: Path, embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.library.ingest import IngestError, ingest_paths

    doc = tmp_path / "note.txt"
    doc.write_text("The invented Quillmere registry followed forty adults taking baclofen.\n")
    live = current_generation(tiny.index_dir)
    _patch_np_save(monkeypatch)
    with pytest.raises(IngestError, match="Not enough disk space"):
        ingest_paths(tiny, [doc], embedder=embedder)
    monkeypatch.undo()
    assert current_generation(tiny.index_dir) == live
    lib = tiny.index_dir / "library"
    assert not lib.exists() or not list(lib.glob("*.md"))
    assert answers(tiny, embedder)


def test_other_write_errors_still_clean_up(
    tiny: Settings, embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only a full disk: any failure while writing removes the half-written generation."""
    before = gens(tiny.index_dir)

    def denied(*a: Any, **kw: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(np, "save", denied)
    with pytest.raises(PermissionError):
        build_index(tiny, rebuild=True, progress=False, embedder=embedder)
    monkeypatch.undo()
    assert gens(tiny.index_dir) == before
    assert answers(tiny, embedder)


# =========================================================================== damaged index


def _gen(s: Settings) -> Path:
    gen = current_generation(s.index_dir)
    assert gen is not None
    return gen


def _garbage_chunks(s: Settings) -> None:
    path = _gen(s) / "chunks.jsonl"
    path.write_bytes(path.read_bytes()[:40] + b"\x00\xff garbage {{{\n")


def _short_chunks(s: Settings) -> None:
    path = _gen(s) / "chunks.jsonl"
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines[:-1]))  # valid JSON, one chunk missing


def _truncate(name: str, keep: int) -> Callable[[Settings], None]:
    def damage(s: Settings) -> None:
        p = _gen(s) / name
        p.write_bytes(p.read_bytes()[:keep])

    return damage


def _remove(name: str) -> Callable[[Settings], None]:
    def damage(s: Settings) -> None:
        p = _gen(s) / name
        shutil.rmtree(p) if p.is_dir() else p.unlink()

    return damage


def _garbage_bm25(s: Settings) -> None:
    for p in (_gen(s) / "bm25").iterdir():
        p.write_bytes(b"not what bm25s wrote")


def _current(text: bytes) -> Callable[[Settings], None]:
    def damage(s: Settings) -> None:
        (s.index_dir / "CURRENT").write_bytes(text)

    return damage


def _half_built_current(s: Settings) -> None:
    """A generation as a killed build leaves it (no manifest), made live by hand."""
    half = s.index_dir / "gen-20000101-000000-half00"
    shutil.copytree(_gen(s), half)
    (half / "manifest.json").unlink()
    (s.index_dir / "CURRENT").write_text(half.name + "\n")


def _manifest_shape(s: Settings) -> None:
    (_gen(s) / "manifest.json").write_text("[]")


DAMAGE = {
    "current-missing-generation": _current(b"gen-19700101-000000-gone00\n"),
    "current-not-utf8": _current(b"\xff\xfe\x00\x01gen\n"),
    "current-points-outside": _current(b"../../../etc\n"),
    "manifest-truncated": _truncate("manifest.json", 25),
    "manifest-empty": _truncate("manifest.json", 0),
    "manifest-wrong-shape": _manifest_shape,
    "manifest-deleted": _remove("manifest.json"),
    "chunks-garbage": _garbage_chunks,
    "chunks-missing-a-line": _short_chunks,
    "chunks-deleted": _remove("chunks.jsonl"),
    "bm25-deleted": _remove("bm25"),
    "bm25-garbage": _garbage_bm25,
    "chroma-deleted": _remove("chroma"),
    "embeddings-deleted": _remove("embeddings.npy"),
    "half-built-generation-live": _half_built_current,
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_index_is_refused_with_rebuild_hint(tiny: Settings, embedder, damage: str) -> None:
    from chromadb.api.shared_system_client import SharedSystemClient

    DAMAGE[damage](tiny)
    SharedSystemClient.clear_system_cache()  # as a fresh process would open it
    assert index_status(tiny).state != "ready" or damage.startswith(("chunks", "bm25"))
    with pytest.raises(IndexError_) as exc:
        Assistant.load(tiny, embedder=embedder)
    assert "--rebuild" in str(exc.value), str(exc.value)
    assert str(tiny.index_dir) in str(exc.value) or "CURRENT" in str(exc.value)
    # the CLI says the same, as a message, not a traceback (it repairs what it can detect)
    result = run_cli(["ask", "--json", TINY_QUESTION], tiny)
    assert "Traceback" not in result.output
    if result.exit_code != 0:
        assert "--rebuild" in result.output, result.output
    else:
        assert json.loads(result.stdout)["citations"]
    # and a rebuild repairs it
    report = build_index(tiny, rebuild=True, progress=False, embedder=embedder)
    assert report.status == "built" and index_status(tiny).state == "ready"
    assert answers(tiny, embedder)


@pytest.mark.parametrize("damage", ["chunks-garbage", "chunks-missing-a-line", "bm25-garbage"])
def test_serve_refuses_an_index_only_loading_shows_damaged(tiny: Settings, damage: str) -> None:
    """`assistant serve` on damage the status check cannot see: a message, no app, no trace."""
    from chromadb.api.shared_system_client import SharedSystemClient

    DAMAGE[damage](tiny)
    SharedSystemClient.clear_system_cache()
    assert index_status(tiny).state == "ready"  # only loading finds it
    result = run_cli(["serve", "--port", str(free_port())], tiny)
    assert result.exit_code == 1, result.output
    assert "--rebuild" in result.output and "Traceback" not in result.output


def test_missing_index_is_refused_with_build_hint(tiny_built: Settings, tmp_path: Path) -> None:
    s = Settings(corpus_dir=tiny_built.corpus_dir, index_dir=tmp_path / "none", torch_threads=1)
    assert index_status(s).state == "missing"
    with pytest.raises(IndexError_, match="assistant index"):
        Assistant.load(s, embedder=object())


def test_half_built_generation_beside_the_live_one_is_ignored_then_collected(
    tiny: Settings, embedder
) -> None:
    live = _gen(tiny)
    half = tiny.index_dir / "gen-29990101-000000-half00"
    shutil.copytree(live, half)
    (half / "manifest.json").unlink()
    (half / "chunks.jsonl").write_text("")
    a = Assistant.load(tiny, embedder=embedder)
    assert a.store.generation == live
    assert answers(tiny, embedder)
    # the next build sweeps it away
    build_index(tiny, rebuild=True, progress=False, embedder=embedder)
    assert half.name not in gens(tiny.index_dir)


def test_failed_reload_keeps_serving_the_loaded_index(tiny: Settings, embedder) -> None:
    """The app's hot reload (after an ingest) never swaps in a damaged generation."""
    a = Assistant.load(tiny, embedder=embedder)
    good = a.store
    _half_built_current(tiny)
    with pytest.raises(IndexError_):
        a.reload()
    assert a.store is good
    ans = a.ask(TINY_QUESTION)
    assert ans.citations and "zorbitol" in ans.answer


# =========================================================================== a damaged library file
# (kill -9, SIGTERM, SIGHUP and Ctrl-C during an ingest or remove: tests/test_transactions.py)


def _serve_until_ready(settings: Settings, timeout: float = 180) -> tuple[bool, str]:
    """Start `assistant serve` in a new process; (served HTTP 200, its stderr), then stop it."""
    import urllib.request

    port = free_port()
    env = {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
        "ASSISTANT_INDEX_DIR": str(settings.index_dir),
        "ASSISTANT_TORCH_THREADS": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    served = False
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None and not served:
            try:
                with opener.open(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    served = r.status == 200
            except OSError:
                time.sleep(0.2)
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate(timeout=30)
    return served, err


@pytest.mark.slow
def test_a_damaged_library_file_is_reported_and_left_out(
    tiny: Settings, tmp_path: Path, embedder
) -> None:
    """One hand-edited, invalid library file used to make `sources` print a traceback and stop
    `ask` and `serve` from using the index. Now it is named, left out, and the rest works."""
    from assistant.library.ingest import ingest_paths

    docs = []
    for name, text in (
        (
            "quillmere.txt",
            "Quillmere registry\n\nThe invented Quillmere registry followed forty adults.\n",
        ),
        (
            "harrowgate.txt",
            "Harrowgate notes\n\nThe invented Harrowgate clinic gives baclofen at night.\n",
        ),
    ):
        path = tmp_path / name
        path.write_text(text)
        docs += ingest_paths(tiny, [path], embedder=embedder).added
    broken = tiny.index_dir / "library" / f"{docs[0]}.md"
    broken.write_text(broken.read_text().replace("evidence: user-document", "evidence: [rumour"))

    served, err = _serve_until_ready(tiny)
    assert served, err[-3000:]
    assert broken.name in err and "left out" in err and "Traceback" not in err

    listed = run_cli(["sources"], tiny)
    assert listed.exit_code == 0, listed.output
    assert "Traceback" not in listed.output
    warning = [ln for ln in listed.output.splitlines() if ln.startswith("warning:")]
    assert len(warning) == 1 and broken.name in warning[0] and "left out" in warning[0]
    assert docs[1] in listed.output and docs[0] not in listed.stdout
    assert all(rid in listed.stdout for rid in ("alpha2001", "beta2005", "gamma2010"))

    asked = run_cli(["ask", "--json", "What does the Harrowgate clinic give at night?"], tiny)
    assert asked.exit_code == 0, asked.output
    ans = json.loads(asked.stdout)
    assert any(c["source_id"] == docs[1] for c in ans["citations"]), ans
    assert index_status(tiny).state == "ready"
