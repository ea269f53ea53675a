"""Big inputs: what the chunker makes of 1 MB on one line, what a build embeds for it, the
citation pass that used to be quadratic in the library's size, and progress on long reads.

How long these take is measured by ``make bench`` (section "inputs"), never asserted here.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.index.build import build_index, current_generation
from assistant.library.chunks import _resolve_citations, chunk_record
from assistant.library.formats import parse_document
from assistant.library.ingest import ingest_paths, render_record
from assistant.library.records import parse_record
from assistant.settings import Settings
from benchmarks.inputs import medline_export, one_line_text
from benchmarks.pdf import make_pdf


def one_megabyte_record(tmp_path: Path):  # noqa: ANN201
    text = one_line_text(1_000_000, random.Random(7))
    path = tmp_path / "one-line.txt"
    path.write_text(text)
    draft = parse_document(path, path.read_bytes()).drafts[0].record
    # as the index reads it back from the library
    return text, parse_record(tmp_path / f"{draft.id}.md", render_record(draft))


def test_chunker_on_one_megabyte_line(tmp_path: Path) -> None:
    text, record = one_megabyte_record(tmp_path)
    chunks = chunk_record(record, 800, 120)
    assert 1_200 < len(chunks) < 1_600
    assert all(0 < len(c.text) <= 800 for c in chunks)
    # consecutive chunks overlap and, put together, give back the whole line, word for word
    words = text.split()
    rebuilt: list[str] = []
    for c in chunks:
        piece = c.text.split()
        overlap = next(
            (k for k in range(min(len(piece), len(rebuilt)), 0, -1) if rebuilt[-k:] == piece[:k]),
            0,
        )
        rebuilt += piece[overlap:]
    assert rebuilt == words
    # no sentence ends in it: each chunk is one "sentence", the whole chunk
    assert all(c.sentences == [(0, len(c.text))] for c in chunks)


class CountingEmbedder:
    """The real embedder, counting the texts it is given."""

    def __init__(self, inner) -> None:  # noqa: ANN001
        self.inner, self.texts = inner, 0
        self.model_path = inner.model_path

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def encode(self, texts, show_progress: bool = False):  # noqa: ANN001, ANN201
        self.texts += len(texts)
        return self.inner.encode(texts)


@pytest.mark.slow
def test_a_text_without_sentence_ends_is_embedded_once(
    tiny: Settings, tmp_path: Path, embedder
) -> None:
    """A one-line text used to be embedded twice: each chunk, then the same text again as the
    chunk's only sentence. Its sentences now take their chunk's vector."""
    path = tmp_path / "one-line.txt"
    path.write_text(one_line_text(30_000, random.Random(3)))
    counting = CountingEmbedder(embedder)
    report = ingest_paths(tiny, [path], embedder=counting)
    assert report.build is not None and report.build.embedded > 30
    assert counting.texts == report.build.embedded  # chunks only, no sentence embedded again
    gen = current_generation(tiny.index_dir)
    import json

    rows = [json.loads(line) for line in (gen / "chunks.jsonl").open()]
    vectors, sentence_vectors = np.load(gen / "embeddings.npy"), np.load(gen / "sentences.npy")
    row = 0
    for i, r in enumerate(rows):
        for _ in r["sent"]:
            if r["meta"]["user"]:
                assert np.array_equal(sentence_vectors[row], vectors[i])
            row += 1
    # a curated record's sentences keep their own vectors
    curated = [i for i, r in enumerate(rows) if not r["meta"]["user"]]
    assert curated and not np.array_equal(sentence_vectors[0], vectors[curated[0]])


def _naive_resolve(text: str, names: dict[str, str]) -> str:
    """The citation pass as it was (one alternation of every id), for comparison."""
    text = re.sub(r"\[@([a-z0-9_\-]+)\]", lambda m: f"({names.get(m.group(1), m.group(1))})", text)
    text = re.sub(r"\)\s+\(", "; ", text)
    ids = [i for i in names if re.search(r"[0-9_]", i)]
    if ids:
        rx = re.compile(
            r"\b(" + "|".join(map(re.escape, sorted(ids, key=len, reverse=True))) + r")\b"
        )
        text = rx.sub(lambda m: names[m.group(1)], text)
    return text


IDS = ["kahn2009", "garbutt2010", "sfa_2015", "user-my-notes-1a2b3c4d", "user-my-notes-1a2b3c4d-v2",
       "label", "user-quill-99", "x_y", "a-b-c-2"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(IDS),
            st.sampled_from(
                [
                    "baclofen",
                    "(see",
                    "kahn2009-like",
                    "Kahn2009",
                    "[@garbutt2010]",
                    "[@unknown1]",
                    "notes-1a2b3c4d",
                    "user",
                    "-",
                    ".",
                    ")",
                    "2010",
                ]
            ),
            st.text(alphabet="abk0129_- .()[]@", max_size=12),
        ),  # fmt: skip
        max_size=40,
    ),
    st.sets(st.sampled_from(IDS), min_size=1),
)
def test_citation_pass_matches_the_original(words: list[str], ids: set[str]) -> None:
    names = {i: f"Name of {i}" for i in ids}
    text = " ".join(words)
    assert _resolve_citations(text, names) == _naive_resolve(text, names)


def test_citation_pass_with_thousands_of_records() -> None:
    rng = random.Random(0)
    names = {f"user-doc-{rng.getrandbits(32):08x}": "a user document" for _ in range(5_000)}
    names["kahn2009"] = "Kahn et al. 2009"
    text = "As kahn2009 found, and as user-doc-00000000 did not. " * 15
    assert _resolve_citations(text, names) == _naive_resolve(text, names)
    assert "Kahn et al. 2009 found" in _resolve_citations(text, names)


def test_progress_while_reading_long_files(tmp_path: Path) -> None:
    messages: list[str] = []
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(
        make_pdf([[f"Page {i} of an invented report about baclofen."] for i in range(60)])
    )
    parsed = parse_document(pdf, pdf.read_bytes(), messages.append)
    assert len(parsed.drafts) == 1
    assert messages == ["report.pdf: page 25 of 60", "report.pdf: page 50 of 60"]
    messages.clear()
    export = tmp_path / "export.nbib"
    export.write_text(medline_export(2_100, random.Random(1)))
    parsed = parse_document(export, export.read_bytes(), messages.append)
    assert len(parsed.drafts) == 2_100 and not parsed.errors
    assert messages == ["export.nbib: record 1,000 of 2,100", "export.nbib: record 2,000 of 2,100"]


@pytest.mark.slow
def test_a_big_export_reports_its_phases(tiny: Settings, tmp_path: Path, embedder) -> None:
    export = tmp_path / "export.nbib"
    # one-sentence abstracts: the phases depend on the number of records, not their length
    export.write_text(medline_export(1_200, random.Random(2), sentences=1))
    phases: list[str] = []
    report = ingest_paths(tiny, [export], embedder=embedder, on_phase=phases.append)
    assert len(report.added) == 1_200 and not report.errors, report.summary()
    assert phases[0] == "Reading export.nbib ..."
    assert "export.nbib: record 1,000 of 1,200" in phases
    assert "Adding 1,200 record(s) to your library and the index ..." in phases
    assert any(p.startswith("Chunking 1,203 records") for p in phases)
    assert any(p.startswith("Writing ") for p in phases)
    assert build_index(tiny, progress=False, embedder=embedder).status == "up to date"
