"""Chroma server mode: the index's vectors on a real `chroma run` server (127.0.0.1 only).

The server is started on a free loopback port with a temporary data folder and stopped by PID.
Answers from the server-backed index must match the embedded (on-disk) store's answers.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.answering.pipeline import Assistant
from assistant.frontends.cli import cli
from assistant.frontends.cli_common import parse_chroma_url
from assistant.index.build import (
    IndexError_,
    build_index,
    current_generation,
    index_status,
    read_manifest,
)
from assistant.settings import Settings

CHROMA = Path(sys.executable).parent / "chroma"  # the chroma of this environment
READY_TIMEOUT_S = 60

QUESTIONS = [
    "Does baclofen reduce alcohol craving?",
    "What is the maximum dose on the US label?",
    "What did the ALPADIR trial find?",
    "Is baclofen safe in kidney disease?",
    "What are the withdrawal risks when stopping baclofen?",
    "Does baclofen help with cocaine dependence?",
    "Can baclofen be used in pregnancy?",
    "What is the capital of Australia?",  # an abstention must match too
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _heartbeat(port: int) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, no proxy
    try:
        with opener.open(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    if not CHROMA.exists():
        pytest.skip(f"{CHROMA} not installed")
    data = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = open(data / "server.log", "w")  # noqa: SIM115 - closed in finally
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen(
        [
            str(CHROMA),
            "run",
            "--path",
            str(data / "db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not _heartbeat(port):
            if proc.poll() is not None:
                raise RuntimeError(
                    f"chroma run exited ({proc.returncode}):\n{(data / 'server.log').read_text()}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError(f"chroma run not ready in {READY_TIMEOUT_S} s")
            time.sleep(0.2)
        yield "127.0.0.1", port
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=15)
        log.close()


def on_server(settings: Settings, host: str, port: int) -> Settings:
    s = settings.model_copy()
    s.chroma_host, s.chroma_port = host, port
    return s


def server_collections(host: str, port: int) -> set[str]:
    import chromadb

    from assistant.index.store import chroma_settings

    client = chromadb.HttpClient(host=host, port=port, settings=chroma_settings())
    return {c.name for c in client.list_collections()}


@pytest.fixture(scope="module")
def server_index(
    corpus_index: Settings, chroma_server: tuple[str, int], embedder, tmp_path_factory
) -> Settings:
    """The session corpus index, copied and moved to the server (embeddings reused)."""
    host, port = chroma_server
    root = tmp_path_factory.mktemp("server-index")
    shutil.copytree(corpus_index.index_dir, root / "index")
    local = Settings(corpus_dir=corpus_index.corpus_dir, index_dir=root / "index", torch_threads=1)
    settings = on_server(local, host, port)
    status = index_status(settings)
    assert status.state == "stale" and "Chroma server" in status.detail, status.detail
    report = build_index(settings, progress=False, embedder=embedder)
    assert report.embedded == 0 and report.reused == report.chunks > 0, report.summary()
    return settings


def comparable(ans) -> dict:  # noqa: ANN001
    return {
        **ans.to_json(),
        "cited": [(c.source_id, c.chunk_id, c.quote) for c in ans.citations],
        "retrieved": [c.chunk_id for c in ans.contexts],
    }


def test_server_index_keeps_local_files_but_no_chroma_folder(
    server_index: Settings, chroma_server: tuple[str, int]
) -> None:
    gen = current_generation(server_index.index_dir)
    assert gen is not None
    manifest = read_manifest(gen)
    host, port = chroma_server
    assert manifest["vector_store"] == {"kind": "server", "url": f"http://{host}:{port}"}
    assert not (gen / "chroma").exists()
    for name in ("bm25", "chunks.jsonl", "embeddings.npy", "manifest.json"):
        assert (gen / name).exists(), name
    assert index_status(server_index).state == "ready"
    assert f"baclofen-{gen.name}" in server_collections(host, port)


def test_server_answers_match_the_embedded_store(
    server_index: Settings, corpus_assistant: Assistant, embedder
) -> None:
    remote = Assistant.load(server_index, embedder=embedder)
    # The server answers through Chroma's HNSW search; the index folder by the exact search over
    # the stored vectors (no Chroma import): same vectors, same answers.
    assert corpus_assistant.store.collection is None
    assert remote.store.collection.count() == len(corpus_assistant.store.ids)
    for q in QUESTIONS:
        assert comparable(remote.ask(q)) == comparable(corpus_assistant.ask(q)), q
    # filtered questions: the exact search over the stored vectors, in both
    from assistant.answer import Filters

    f = Filters(evidence=["rct"], substances=["alcohol"], year_min=2010)
    q = "Which trials found baclofen reduced heavy drinking?"
    assert comparable(remote.ask(q, f)) == comparable(corpus_assistant.ask(q, f))


def test_cli_chroma_url_on_every_command(
    server_index: Settings, corpus_assistant: Assistant, chroma_server: tuple[str, int]
) -> None:
    host, port = chroma_server
    url = f"http://{host}:{port}"
    base = ["--index-dir", str(server_index.index_dir), "--chroma-url", url]
    env = {"ASSISTANT_CORPUS_DIR": str(server_index.corpus_dir), "ASSISTANT_TORCH_THREADS": "1"}
    runner = CliRunner()
    r = runner.invoke(cli, ["index", "-q", *base], env=env)
    assert r.exit_code == 0 and "up to date" in r.stdout, r.output
    q = QUESTIONS[0]
    r = runner.invoke(cli, ["ask", "--json", q, *base], env=env)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == corpus_assistant.ask(q).to_json()
    r = runner.invoke(cli, ["sources", "--json", *base], env=env)
    assert r.exit_code == 0, r.output
    assert len(r.stdout.splitlines()) == len(corpus_assistant.store.manifest["records"])
    r = runner.invoke(cli, ["serve", "--help"])
    assert "--chroma-url" in r.stdout
    # the same through the environment
    r = runner.invoke(
        cli,
        ["ask", "--json", q, "--index-dir", str(server_index.index_dir)],
        env={**env, "ASSISTANT_CHROMA_URL": url},
    )
    assert r.exit_code == 0 and json.loads(r.stdout)["citations"], r.output


@pytest.mark.parametrize(
    ("url", "expect"),
    [
        ("http://127.0.0.1:8123", ("127.0.0.1", 8123, False)),
        ("https://chroma.example.org", ("chroma.example.org", 443, True)),
        ("http://[::1]:9000/", ("::1", 9000, False)),
        ("http://localhost", ("localhost", 8000, False)),
    ],
)
def test_parse_chroma_url(url: str, expect: tuple[str, int, bool]) -> None:
    assert parse_chroma_url(url) == expect


@pytest.mark.parametrize(
    "url", ["127.0.0.1:8000", "ftp://h:1", "http://h:notaport", "http://h:1/path", "http://"]
)
def test_bad_chroma_url_is_a_usage_error(url: str) -> None:
    r = CliRunner().invoke(cli, ["ask", "--chroma-url", url, "question"])
    assert r.exit_code == 2 and "--chroma-url" in r.output and "Traceback" not in r.output


def test_garbage_collection_deletes_old_server_collections(
    tiny_corpus: Settings, chroma_server: tuple[str, int], embedder, monkeypatch
) -> None:
    host, port = chroma_server
    s = on_server(tiny_corpus, host, port)
    first = build_index(s, progress=False, embedder=embedder).generation
    assert index_status(s).state == "ready"
    assert Assistant.load(s, embedder=embedder).ask("What lowered zorbitol craving?").citations
    second = build_index(s, rebuild=True, progress=False, embedder=embedder).generation
    third = build_index(s, rebuild=True, progress=False, embedder=embedder).generation
    names = server_collections(host, port)
    assert f"baclofen-{third}" in names and f"baclofen-{second}" in names
    assert f"baclofen-{first}" not in names  # collected with its folder
    assert sorted(p.name for p in s.index_dir.glob("gen-*")) == sorted([second, third])
    # a build failing half-way through the server writes leaves no collection behind either
    before = server_collections(host, port)
    from chromadb.api.models.Collection import Collection
    from chromadb.errors import InternalError

    def full(*a: object, **k: object) -> None:
        raise InternalError("No space left on device (os error 28)")

    with monkeypatch.context() as mp:
        mp.setattr(Collection, "add", full)
        with pytest.raises(OSError, match="Not enough disk space"):
            build_index(s, rebuild=True, progress=False, embedder=embedder)
    assert server_collections(host, port) == before
    assert current_generation(s.index_dir).name == third
    # switching back to the index folder rebuilds locally, reusing the embeddings
    local = build_index(tiny_corpus, progress=False, embedder=embedder)
    assert local.embedded == 0 and local.status == "updated"
    assert (current_generation(tiny_corpus.index_dir) / "chroma").is_dir()


def test_unreachable_server_gives_a_clear_message(
    server_index: Settings, embedder, tmp_path: Path
) -> None:
    dead = free_port()  # nothing listens here
    s = server_index.model_copy()
    s.chroma_port = dead
    t0 = time.monotonic()
    with pytest.raises(IndexError_, match="Cannot reach the Chroma server"):
        build_index(s, progress=False, embedder=embedder)
    env = {"ASSISTANT_CORPUS_DIR": str(s.corpus_dir), "ASSISTANT_TORCH_THREADS": "1"}
    url = f"http://127.0.0.1:{dead}"
    for args in (["index", "-q"], ["ask", "--json", "Does baclofen reduce craving?"]):
        r = CliRunner().invoke(
            cli, [*args, "--index-dir", str(s.index_dir), "--chroma-url", url], env=env
        )
        assert r.exit_code == 1, r.output
        assert "Cannot reach the Chroma server" in r.output and url in r.output
        assert "Traceback" not in r.output
    assert time.monotonic() - t0 < 60
    # the index built for the live server still answers
    assert index_status(server_index).state == "ready"
    assert Assistant.load(server_index, embedder=embedder).ask(QUESTIONS[0]).citations


def test_ingest_honours_the_server_url(
    tiny_corpus: Settings, chroma_server: tuple[str, int], embedder, tmp_path: Path
) -> None:
    """`assistant ingest` has no --chroma-url option; ASSISTANT_CHROMA_URL reaches it."""
    host, port = chroma_server
    s = on_server(tiny_corpus, host, port)
    build_index(s, progress=False, embedder=embedder)
    doc = tmp_path / "quillmere.txt"
    doc.write_text(
        "Quillmere registry report\n\nThe invented Quillmere registry followed forty adults "
        "who took baclofen for alcohol craving over twelve weeks.\n"
    )
    env = {
        "ASSISTANT_CORPUS_DIR": str(s.corpus_dir),
        "ASSISTANT_TORCH_THREADS": "1",
        "ASSISTANT_CHROMA_URL": f"http://{host}:{port}",
    }
    r = CliRunner().invoke(
        cli, ["ingest", "-q", str(doc), "--index-dir", str(s.index_dir)], env=env
    )
    assert r.exit_code == 0, r.output
    gen = current_generation(s.index_dir)
    assert read_manifest(gen)["vector_store"]["kind"] == "server" and not (gen / "chroma").exists()
    assert index_status(s).state == "ready"
    ans = Assistant.load(s, embedder=embedder).ask("What did the Quillmere registry follow?")
    assert any("Quillmere" in c.quote for c in ans.citations), ans.answer
