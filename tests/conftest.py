"""Shared fixtures: the real bundled model loaded once per session, and the real corpus indexed
once per session into a temporary folder (real Chroma on disk).

Tests that use the model or an index (the fixtures in MODEL_FIXTURES) are marked ``slow``
automatically, so ``make test-quick`` (``pytest -m "not slow"``) never loads the model.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# A developer's own settings (ASSISTANT_LLM, ASSISTANT_INDEX_DIR ...) must not change what the
# tests do: every ASSISTANT_* variable is cleared for the whole session, then the test defaults set.
for _name in [n for n in os.environ if n.startswith("ASSISTANT_")]:
    del os.environ[_name]
for _name in ("CHROMA_HOST", "CHROMA_PORT", "OPENAI_BASE_URL", "OPENAI_API_KEY", "OLLAMA_HOST"):
    os.environ.pop(_name, None)
# Deterministic CPU use on 2-core machines: one torch thread per process in tests.
os.environ["ASSISTANT_TORCH_THREADS"] = "1"
# The ONNX query encoder is exported once per model (~15 s): one export per test session, shared
# by every temporary index (and the CLI processes the tests start, which inherit the variable).
os.environ["ASSISTANT_ENCODER_DIR"] = tempfile.mkdtemp(prefix="baclofen-test-encoder-")
atexit.register(shutil.rmtree, os.environ["ASSISTANT_ENCODER_DIR"], True)

import assistant  # noqa: E402,F401  (applies the offline switches before anything else loads)
from assistant.settings import PROJECT_DIR, Settings  # noqa: E402

SHARED = PROJECT_DIR.parent / "shared"
SEEDS = SHARED / "seeds"
ARTICLES = PROJECT_DIR / "tests" / "fixtures" / "articles"
MODEL_FIXTURES = {
    "embedder", "corpus_index", "corpus_assistant", "tiny_built", "tiny", "docs_assistant",
}  # fmt: skip


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Anything that loads the model or builds an index is slow (not in the quick tier)."""
    for item in items:
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _no_assistant_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that sets ASSISTANT_* variables gets them back cleared afterwards (the session's
    thread count and shared query-encoder folder stay)."""
    keep = {"ASSISTANT_TORCH_THREADS", "ASSISTANT_ENCODER_DIR"}
    for name in [n for n in os.environ if n.startswith("ASSISTANT_") and n not in keep]:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def catalog():
    """The curated records' catalogue, read from corpus/ (no model, no index)."""
    from assistant.library.records import load_corpus

    return tuple(r.info() for r in load_corpus(PROJECT_DIR / "corpus"))


@pytest.fixture(scope="session")
def embedder():
    from assistant.index.embeddings import get_embedder

    return get_embedder("", threads=int(os.environ["ASSISTANT_TORCH_THREADS"]))


@contextmanager
def all_cores() -> Iterator[None]:
    """Every core for the session's big embedding jobs (the corpus and the test articles), one
    thread again after: the vectors are the same either way, the build about twice as fast."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(os.cpu_count() or 1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings pointing at the project corpus and a session-wide temporary index."""
    return Settings(index_dir=tmp_path_factory.mktemp("index"), torch_threads=1)


@pytest.fixture(scope="session")
def corpus_index(corpus_settings: Settings, embedder) -> Settings:
    """The whole project corpus, indexed once per session."""
    from assistant.index.build import build_index

    with all_cores():
        build_index(corpus_settings, progress=False, embedder=embedder)
    return corpus_settings


@pytest.fixture(scope="session")
def corpus_assistant(corpus_index: Settings, embedder):
    from assistant.answering.pipeline import Assistant

    return Assistant(corpus_index, embedder=embedder)


@pytest.fixture(scope="session")
def docs_assistant(corpus_index: Settings, embedder, tmp_path_factory: pytest.TempPathFactory):
    """The corpus index plus the test articles of tests/fixtures/articles as the user's
    documents (a copy of the session index: the corpus vectors are reused, not recomputed)."""
    from assistant.answering.pipeline import Assistant
    from assistant.library.ingest import ingest_paths

    root = tmp_path_factory.mktemp("docs-index")
    shutil.copytree(corpus_index.index_dir, root / "index")
    settings = Settings(index_dir=root / "index", torch_threads=1)
    files = sorted(p for p in ARTICLES.iterdir() if p.suffix in (".md", ".txt"))
    if SEEDS.is_dir():
        files += sorted(p for p in SEEDS.iterdir() if p.is_file())
    with all_cores():
        report = ingest_paths(settings, files, embedder=embedder)
    assert not report.errors, report.errors
    return Assistant(settings, embedder=embedder)


TINY_RECORDS = {
    "alpha2001": """---
id: alpha2001
title: "Baclofen for imaginary zorbitol dependence: a pilot trial"
authors: ["Doe J"]
year: 2001
journal: "J Test Med"
evidence: rct
substances: [alcohol]
---
## Summary
In this made-up pilot trial, baclofen 30 mg/day lowered zorbitol craving scores compared with placebo.

## Safety
Drowsiness was the most frequent complaint in the baclofen arm of the zorbitol trial.
""",
    "beta2005": """---
id: beta2005
title: "Quasitrol withdrawal and baclofen: an open study"
authors: ["Roe R"]
year: 2005
journal: "Test Reports"
evidence: cohort
substances: [opioids]
---
## Summary
Twelve people in quasitrol withdrawal took baclofen in this invented open study, and their withdrawal scores fell.
""",
    "gamma2010": """---
id: gamma2010
title: "Kidney clearance of baclofen in the fictional Vexmoor cohort"
authors: ["Poe P"]
year: 2010
journal: "Fictional Pharmacology"
evidence: lab-study
substances: [general]
---
## Summary
In the Vexmoor cohort, baclofen clearance fell as kidney function declined, and the half-life grew longer.
""",
}


def write_tiny_corpus(root: Path) -> Settings:
    """The three tiny records under ``root/corpus``, and settings for an index in ``root/index``."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for rid, text in TINY_RECORDS.items():
        (corpus / f"{rid}.md").write_text(text)
    return Settings(corpus_dir=corpus, index_dir=root / "index", torch_threads=1)


@pytest.fixture()
def tiny_corpus(tmp_path: Path) -> Settings:
    """A three-record corpus and an empty index folder, both temporary."""
    return write_tiny_corpus(tmp_path)


@pytest.fixture(scope="session")
def tiny_built(tmp_path_factory: pytest.TempPathFactory, embedder) -> Settings:
    """The three-record corpus, indexed once per session. Do not change it: use ``tiny``."""
    from assistant.index.build import build_index

    s = write_tiny_corpus(tmp_path_factory.mktemp("tiny-built"))
    build_index(s, progress=False, embedder=embedder)
    return s


@pytest.fixture()
def tiny(tiny_built: Settings, tmp_path: Path) -> Settings:
    """A private copy of the built three-record index (copying is cheap, building is not)."""
    shutil.copytree(tiny_built.index_dir, tmp_path / "index")
    return Settings(corpus_dir=tiny_built.corpus_dir, index_dir=tmp_path / "index", torch_threads=1)


def copy_corpus(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst
