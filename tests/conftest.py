"""Shared fixtures: the real bundled model loaded once per session, and the real corpus indexed
once per session into a temporary folder (real Chroma on disk)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Deterministic CPU use on 2-core machines: one torch thread per process in tests.
os.environ.setdefault("ASSISTANT_TORCH_THREADS", "1")
# The ONNX query encoder is exported once per model (~15 s): one export per test session, shared
# by every temporary index (and the CLI processes the tests start, which inherit the variable).
if not os.environ.get("ASSISTANT_ENCODER_DIR"):
    os.environ["ASSISTANT_ENCODER_DIR"] = tempfile.mkdtemp(prefix="baclofen-test-encoder-")
    atexit.register(shutil.rmtree, os.environ["ASSISTANT_ENCODER_DIR"], True)

import assistant  # noqa: E402,F401  (applies the offline switches before anything else loads)
from assistant.settings import PROJECT_DIR, Settings  # noqa: E402

SHARED = PROJECT_DIR.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def embedder():
    from assistant.index.embeddings import get_embedder

    return get_embedder("", threads=int(os.environ["ASSISTANT_TORCH_THREADS"]))


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings pointing at the project corpus and a session-wide temporary index."""
    return Settings(index_dir=tmp_path_factory.mktemp("index"), torch_threads=1)


@pytest.fixture(scope="session")
def corpus_index(corpus_settings: Settings, embedder) -> Settings:
    """The whole project corpus, indexed once per session."""
    from assistant.index.build import build_index

    build_index(corpus_settings, progress=False, embedder=embedder)
    return corpus_settings


@pytest.fixture(scope="session")
def corpus_assistant(corpus_index: Settings, embedder):
    from assistant.answering.pipeline import Assistant

    return Assistant(corpus_index, embedder=embedder)


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
