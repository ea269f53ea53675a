"""Your own documents: every format, page citations, duplicates, changes, removal, bad input.

One temporary index per module (the tiny three-record corpus, real model, real Chroma): the
fixture files in tests/fixtures/ (made-up text) plus generated PDFs are ingested once, and the
later tests build on that library. Bad inputs must leave the live generation and the library
exactly as they were.
"""

from __future__ import annotations

import io
import json
import shutil
import socket
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.index.build import build_index, current_generation, index_status, read_manifest
from assistant.library.formats.base import evidence_for
from assistant.library.formats.pubmed_xml import _articles_entrez
from assistant.library.ingest import (
    IngestError,
    ingest_paths,
    list_documents,
    read_document,
    remove_document,
)
from assistant.library.pubmed import OfflineError, check_online
from assistant.settings import Settings
from benchmarks.pdf import make_pdf

from .conftest import SEEDS, TINY_RECORDS, write_tiny_corpus

FIXTURES = Path(__file__).parent / "fixtures"


REGISTRY_PAGES = [
    [
        "The Quillon registry: a made-up report",
        "Ada Quill, Ben Stroud",
        "This invented report describes how the Quillon registry was set up.",
        "Clinics in three imaginary towns sent anonymous forms every month.",
    ],
    [
        "In the Quillon registry, nightly baclofen was linked to vivid dreams",
        "in 41 of 212 partici-",
        "pants, mostly during the first fortnight of treatment.",
        "The vivid dreams faded for most of them by the second month.",
    ],
    [
        "Limitations of this pretend registry include missing forms",
        "and the absence of any comparison group.",
    ],
]


# --------------------------------------------------------------------------- fixtures


def snapshot(settings: Settings) -> tuple[str, str, dict[str, bytes]]:
    """The live generation (CURRENT and its manifest) and the library's files."""
    current = (settings.index_dir / "CURRENT").read_text()
    manifest = (settings.index_dir / current.strip() / "manifest.json").read_text()
    lib = settings.index_dir / "library"
    files = {p.name: p.read_bytes() for p in sorted(lib.glob("*"))} if lib.is_dir() else {}
    return current, manifest, files


def manifest(settings: Settings) -> dict:
    return read_manifest(current_generation(settings.index_dir))


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory, embedder) -> Settings:
    settings = write_tiny_corpus(tmp_path_factory.mktemp("ingest"))
    build_index(settings, progress=False, embedder=embedder)
    return settings


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    for f in FIXTURES.iterdir():
        if f.is_file():  # fixtures/articles/ holds the document-check articles
            shutil.copy(f, folder / f.name)
    sub = folder / "pdfs"
    sub.mkdir()
    (sub / "quillon.pdf").write_bytes(
        make_pdf(
            REGISTRY_PAGES, {"Title": "Quillon registry report", "Author": "Quill A; Stroud B"}
        )
    )
    (folder / ".hidden.txt").write_text("hidden files in folders are not read")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    return folder


@pytest.fixture(scope="module")
def ingested(lib: Settings, inbox: Path, embedder):
    return ingest_paths(lib, [inbox], embedder=embedder)


def _id_for(settings: Settings, name: str) -> list[str]:
    return sorted(
        d["id"] for d in list_documents(settings) if Path(d.get("source_file") or "").name == name
    )


# --------------------------------------------------------------------------- the happy path


def test_folder_ingest_reads_every_format(lib: Settings, ingested) -> None:
    r = ingested
    # 2 MEDLINE + 2 XML + 1 RIS + 2 BibTeX + 1 text + 2 Markdown + 1 PDF
    assert len(r.added) == 11, r.summary()
    assert r.build is not None and r.build.status == "updated"
    # The broken MEDLINE record is reported by line; the others from that file are kept.
    assert len(r.errors) == 1, r.summary()
    assert r.errors[0].path.endswith("medline.nbib")
    assert "line 25" in r.errors[0].reason
    assert len(_id_for(lib, "medline.nbib")) == 2
    skipped = " | ".join(str(p) for p in r.skipped)
    assert "no abstract" in skipped and "picture.png" in skipped
    assert ".hidden" not in skipped

    records = manifest(lib)["records"]
    assert set(r.added) <= set(records)
    assert all(records[i]["info"]["user"] for i in r.added)
    assert not any(records[i]["info"]["user"] for i in TINY_RECORDS)
    assert all(i.startswith("user-") for i in r.added)
    by_title = {d["title"]: d for d in list_documents(lib)}
    # A user's document is evidence "user-document" whatever it is; its publication types are
    # kept as what it claims to be. PMIDs and DOIs come with a "verified" note.
    assert all(d["evidence"] == "user-document" for d in by_title.values())
    glimmer = by_title["Baclofen for the fictional glimmerweed craving: a made-up meta-analysis"]
    assert glimmer["claimed_evidence"] == "meta-analysis"
    larkspur = next(d for t, d in by_title.items() if "Larkspur" in t)
    assert larkspur["claimed_evidence"] == "rct" and larkspur["pmid"] == "99000001"
    assert larkspur["doi"] == "10.9999/larkspur.2018.011"
    text = (lib.index_dir / "library" / f"{larkspur['id']}.md").read_text()
    assert "from the user's PubMed export medline.nbib" in text
    thorn = next(d for t, d in by_title.items() if "thornberry" in t)
    assert thorn["claimed_evidence"] == "review" and thorn["year"] == 2021
    copper = next(d for t, d in by_title.items() if "copperleaf" in t)
    assert copper["doi"] == "10.9999/copperleaf.2016.44" and copper["claimed_evidence"] is None
    ember = next(d for t, d in by_title.items() if "Emberfield" in t)
    assert ember["authors"].startswith("Ember C, de la Rosa I") and ember["year"] == 2015
    # Markdown: front matter kept (id prefixed), or title from the first heading; text: 1st line.
    assert (
        by_title["My own summary of the imaginary Brightwater trial"]["id"] == "user-my-own-summary"
    )
    assert "Pocket guide to the fictional Wrenfold clinic" in by_title
    assert "Clinic notes on the invented Harrowgate protocol" in by_title
    pdf = by_title["Quillon registry report"]
    assert pdf["authors"] == "Quill A, Stroud B" and pdf["pages"] == 3
    # The index agrees with the library: nothing stale.
    assert index_status(lib).state == "ready"


def test_pdf_citation_carries_page(lib: Settings, ingested, embedder) -> None:
    from assistant.answering.pipeline import Assistant

    pdf_id = _id_for(lib, "quillon.pdf")[0]
    ans = Assistant(lib, embedder=embedder).ask(
        "How many Quillon registry participants had vivid dreams on nightly baclofen?"
    )
    assert not ans.abstained, ans.answer
    cited = [c for c in ans.citations if c.source_id == pdf_id]
    assert cited, ans.citations
    assert cited[0].page == 2
    assert "41 of 212 participants" in " ".join(c.quote for c in cited)  # de-hyphenated


def test_medline_question_cites_the_export(lib: Settings, ingested, embedder) -> None:
    from assistant.answering.pipeline import Assistant

    ans = Assistant(lib, embedder=embedder).ask(
        "Did baclofen reduce evening snack craving in the Larkspur cohort?"
    )
    assert not ans.abstained
    top = ans.citations[0]
    assert top.source_id in _id_for(lib, "medline.nbib")
    assert top.pmid == "99000001" and top.evidence == "user-document" and top.page is None


# --------------------------------------------------------------------------- parsing details


def test_pdf_title_from_first_page_or_file_name(tmp_path: Path) -> None:
    s = Settings(index_dir=tmp_path / "index")
    a = tmp_path / "no-metadata.pdf"
    a.write_bytes(make_pdf(REGISTRY_PAGES[:2]))
    rec = read_document(a, s).drafts[0].record
    assert rec.title == "The Quillon registry: a made-up report"
    assert rec.authors == ["Quill A", "Stroud B"]
    b = tmp_path / "my_reading-notes.pdf"
    b.write_bytes(make_pdf([["42"], ["only short words on page two, with a few more of them"]]))
    rec = read_document(b, s).drafts[0].record
    assert rec.title == "my reading notes"
    assert "<!-- page 1 -->" not in rec.body and "<!-- page 2 -->" in rec.body
    one = tmp_path / "one.pdf"
    one.write_bytes(make_pdf([["A single page of invented text about nothing in particular."]]))
    assert read_document(one, s).drafts[0].record.page == 1


def test_pubmed_xml_parses_with_the_network_blocked(tmp_path: Path, monkeypatch) -> None:
    def no_network(*a, **kw):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    data = (FIXTURES / "pubmed.xml").read_bytes()
    # Bio.Entrez with its bundled DTD ...
    arts = _articles_entrez(data)
    assert [a["pmid"] for a in arts] == ["99000011", "99000012"]
    # ... and a DTD it does not have (newer export) or none: ElementTree, same result.
    s = Settings(index_dir=tmp_path / "index")
    titles = []
    for name, content in (
        ("bundled.xml", data),
        ("newer.xml", data.replace(b"pubmed_250101.dtd", b"pubmed_990101.dtd")),
        ("nodtd.xml", b"\n".join(ln for ln in data.split(b"\n") if b"DOCTYPE" not in ln)),
    ):
        (tmp_path / name).write_bytes(content)
        parsed = read_document(tmp_path / name, s)
        assert not parsed.errors
        titles.append(
            [(d.record.title, d.record.claimed_evidence, d.record.year) for d in parsed.drafts]
        )
    assert titles[0] == titles[1] == titles[2]
    assert titles[0][1] == (
        "Nightly baclofen and the invented duskmoth withdrawal: a randomised trial",
        "rct",
        2022,
    )
    with pytest.raises(AssertionError):  # the guard works
        socket.create_connection(("example.org", 80), timeout=1)


@pytest.mark.parametrize(
    ("types", "evidence"),
    [
        (["Journal Article", "Meta-Analysis", "Systematic Review"], "meta-analysis"),
        (["Review", "Systematic Review"], "systematic-review"),
        (["Randomized Controlled Trial, Veterinary"], "rct"),
        (["Review"], "review"),
        (["Case Reports"], "case-report"),
        (["Observational Study"], "cohort"),
        (["Practice Guideline"], "guideline"),
        (["Guideline"], "guideline"),
        (["Journal Article", "Comment"], "user-document"),
        ([], "user-document"),
    ],
)
def test_publication_types_map_to_evidence(types: list[str], evidence: str) -> None:
    assert evidence_for(types) == evidence


# --------------------------------------------------------------------------- duplicates, changes


def test_duplicate_is_skipped(
    lib: Settings, ingested, inbox: Path, tmp_path: Path, embedder
) -> None:
    before = snapshot(lib)
    copy = tmp_path / "same-notes-renamed.txt"
    shutil.copy(FIXTURES / "notes.txt", copy)
    # The MEDLINE file's broken record is not reported again: the whole file is a duplicate.
    r = ingest_paths(lib, [copy, ingested_pdf(lib), inbox / "medline.nbib"], embedder=embedder)
    assert r.added == [] and r.build is None and r.errors == []
    assert len(r.skipped) == 3
    assert all("already in your library" in p.reason for p in r.skipped)
    assert "same content as" in r.skipped[0].reason
    assert snapshot(lib) == before


def ingested_pdf(settings: Settings) -> Path:
    doc = next(d for d in list_documents(settings) if d["title"] == "Quillon registry report")
    return Path(doc["source_file"])


def test_article_already_in_library_is_skipped_by_pmid(
    lib: Settings, ingested, tmp_path: Path, embedder
) -> None:
    before = snapshot(lib)
    text = (FIXTURES / "medline.nbib").read_text().replace("evening snack", "late-night snack")
    other = tmp_path / "another-export.nbib"
    other.write_text(text)
    r = ingest_paths(lib, [other], embedder=embedder)
    assert r.added == [] and r.build is None
    assert sum("PMID 99000001 is already in the library" in p.reason for p in r.skipped) == 1
    assert snapshot(lib) == before


def test_changed_file_is_reindexed_and_removed(lib: Settings, ingested, tmp_path: Path, embedder):
    doc = tmp_path / "ward-notes.md"
    doc.write_text("# Ward notes\n\nThe invented Pellmoor ward gives baclofen with breakfast.\n")
    r1 = ingest_paths(lib, [doc], embedder=embedder)
    assert len(r1.added) == 1 and not r1.replaced
    old_id = r1.added[0]
    doc.write_text("# Ward notes\n\nThe invented Pellmoor ward now gives baclofen at supper.\n")
    r2 = ingest_paths(lib, [doc], embedder=embedder)
    assert r2.replaced == [old_id] and len(r2.added) == 1 and r2.added[0] != old_id
    new_id = r2.added[0]
    records = manifest(lib)["records"]
    assert new_id in records and old_id not in records
    assert not (lib.index_dir / "library" / f"{old_id}.md").exists()
    assert r2.build is not None and r2.build.removed == [old_id] and r2.build.added == [new_id]

    report = remove_document(lib, new_id, embedder=embedder)
    assert report.removed == [new_id]
    assert new_id not in manifest(lib)["records"]
    assert not (lib.index_dir / "library" / f"{new_id}.md").exists()
    assert index_status(lib).state == "ready"


def test_remove_refuses_what_is_not_yours(lib: Settings, ingested) -> None:
    before = snapshot(lib)
    with pytest.raises(IngestError, match="curated corpus record"):
        remove_document(lib, "alpha2001")
    with pytest.raises(IngestError, match="No document"):
        remove_document(lib, "user-not-there-12345678")
    for bad in ("../../CURRENT", "../index/CURRENT", "/etc/passwd", "", "user-x/../../y"):
        with pytest.raises(IngestError, match="not a document id"):
            remove_document(lib, bad)
    assert snapshot(lib) == before


def test_ids_never_escape_the_library(lib: Settings, ingested, tmp_path: Path, embedder) -> None:
    evil = tmp_path / "evil.md"
    evil.write_text(
        '---\nid: "../../../escaped"\ntitle: "An escape attempt"\n---\n'
        "The invented Gorsebridge clinic keeps its records in a blue folder.\n"
    )
    r = ingest_paths(lib, [evil], embedder=embedder)
    assert r.added == ["user-escaped"], r.summary()
    assert (lib.index_dir / "library" / "user-escaped.md").is_file()
    assert not list(lib.index_dir.parent.rglob("escaped.md"))
    remove_document(lib, "user-escaped", embedder=embedder)


# --------------------------------------------------------------------------- bad input


def _encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter(clone_from=io.BytesIO(make_pdf([["a secret page of invented text"]])))
    w.encrypt(user_password="pw", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("inside.txt", "archived text")
    return buf.getvalue()


BAD_INPUTS = [
    ("corrupt.pdf", lambda: b"%PDF-1.4\n" + b"\x8f not really a pdf " * 40, "cannot be read"),
    ("locked.pdf", _encrypted_pdf, "encrypted"),
    ("scanned.pdf", lambda: make_pdf([[], [], []]), "no text layer"),
    ("fake.pdf", lambda: b"just some words, not a PDF", "is not a PDF"),
    ("empty.txt", lambda: b"", "empty"),
    ("blank.md", lambda: b"  \n\n \t\n", "empty"),
    ("junk.txt", lambda: bytes(range(256)) * 8, "binary"),
    ("junk.bin", lambda: b"\x00\x01\x02junk", "unsupported file type"),
    ("bundle.zip", _zip, "archives are not accepted"),
    ("renamed-zip.txt", _zip, "zip archive"),
    ("broken.nbib", lambda: b"PMID- 123\nthis is not a field line\n", "line 2"),
    ("other.xml", lambda: b"<?xml version='1.0'?><catalog><book/></catalog>", "PubMed export"),
    ("broken.xml", lambda: b"<?xml version='1.0'?><PubmedArticleSet><Pub", "not well-formed"),
    ("broken.bib", lambda: b"@article{x, title = {unfinished\n", "malformed BibTeX"),
    ("broken.ris", lambda: b"TY  - JOUR\nTI  - no end\n", "no end"),
    ("no-title.ris", lambda: b"TY  - JOUR\nAB  - text\nER  - \n", "no title"),
    ("bad-front.md", lambda: b"---\nid: [unclosed\n---\nbody\n", "not valid YAML"),
    ("bad-field.md", lambda: b"---\ntitle: x\nyear: someday\n---\nbody text\n", "year"),
]


@pytest.mark.parametrize(("name", "make", "expect"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_refused_and_changes_nothing(
    lib: Settings, ingested, tmp_path: Path, name: str, make, expect: str
) -> None:
    before = snapshot(lib)
    path = tmp_path / name
    path.write_bytes(make())
    r = ingest_paths(lib, [path])  # no embedder: nothing may be embedded
    assert r.added == [] and r.build is None
    assert len(r.errors) == 1, r.summary()
    assert r.errors[0].path == str(path.resolve())
    assert expect in r.errors[0].reason, r.errors[0].reason
    assert snapshot(lib) == before


def test_size_cap_and_missing_path(lib: Settings, ingested, tmp_path: Path, monkeypatch) -> None:
    before = snapshot(lib)
    big = tmp_path / "big.txt"
    big.write_text("invented words " * 20000)  # ~300 kB
    monkeypatch.setenv("ASSISTANT_MAX_UPLOAD_MB", "0.1")
    small_cap = Settings(corpus_dir=lib.corpus_dir, index_dir=lib.index_dir)
    assert small_cap.max_upload_mb == 0.1
    r = ingest_paths(small_cap, [big, tmp_path / "nowhere.pdf"])
    reasons = {Path(p.path).name: p.reason for p in r.errors}
    assert "over the 0.1 MB limit" in reasons["big.txt"]
    assert "no such file" in reasons["nowhere.pdf"]
    assert r.build is None and snapshot(lib) == before


def test_failed_build_restores_library_and_index(
    lib: Settings, ingested, tmp_path: Path, embedder, monkeypatch
) -> None:
    import assistant.library.ingest as ingest

    # A changed version of an already ingested file (replace) and a new file (add).
    changed = tmp_path / "notes.txt"
    changed.write_text("Temporary notes\nAn invented line about the Ashcombe ward.\n")
    first = ingest_paths(lib, [changed], embedder=embedder)
    assert len(first.added) == 1
    changed.write_text("Temporary notes\nA changed invented line about the Ashcombe ward.\n")
    new = tmp_path / "new.md"
    new.write_text("# New\n\nAn invented note about the Fernhollow clinic.\n")
    before = snapshot(lib)

    real_build = ingest.build_index

    def build_then_fail(*a, **kw):
        real_build(*a, **kw)  # a new generation is written and swapped in ...
        raise RuntimeError("disk full (simulated)")  # ... and then something fails

    monkeypatch.setattr(ingest, "build_index", build_then_fail)
    with pytest.raises(IngestError, match="nothing was changed"):
        ingest_paths(lib, [changed, new], embedder=embedder)
    assert snapshot(lib) == before
    assert not list(lib.index_dir.glob(".ingest-backup-*"))
    monkeypatch.setattr(ingest, "build_index", real_build)
    assert index_status(lib).state == "ready"
    remove_document(lib, first.added[0], embedder=embedder)


# --------------------------------------------------------------------------- the outside article


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no shared seeds folder")
def test_seed_article_is_ingested_and_cited(lib: Settings, ingested, embedder) -> None:
    from assistant.answering.pipeline import Assistant

    seed = next(
        (p for p in sorted(SEEDS.rglob("*.txt")) if "pieced-together quilt" in p.read_text()),
        None,
    )
    if seed is None:
        pytest.skip("the seed article this test was written for is not there")
    r = ingest_paths(lib, [SEEDS], embedder=embedder)
    assert not r.errors, r.summary()
    seed_ids = _id_for(lib, seed.name)
    assert len(seed_ids) == 1
    assert manifest(lib)["records"][seed_ids[0]]["info"]["user"] is True
    ans = Assistant(lib, embedder=embedder).ask(
        "Why is addiction treatment described as a pieced-together quilt?"
    )
    assert not ans.abstained, ans.answer
    assert ans.citations[0].source_id == seed_ids[0]
    assert any("quilt" in c.quote for c in ans.citations if c.source_id == seed_ids[0]), (
        ans.citations
    )
    assert ans.citations[0].evidence == "user-document"


# --------------------------------------------------------------------------- command line


@pytest.fixture()
def cli_env(lib: Settings, monkeypatch) -> list[str]:
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(lib.corpus_dir))
    return ["--index-dir", str(lib.index_dir)]


def test_cli_ingest_and_remove_errors(lib: Settings, ingested, tmp_path: Path, cli_env) -> None:
    from assistant.frontends.cli import cli

    before = snapshot(lib)
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf")
    runner = CliRunner()
    res = runner.invoke(cli, ["ingest", str(bad), *cli_env])
    assert res.exit_code == 1
    assert "is not a PDF" in res.output and "Nothing added" in res.output
    res = runner.invoke(cli, ["remove", "alpha2001", *cli_env])
    assert res.exit_code != 0 and "curated corpus record" in res.output
    res = runner.invoke(cli, ["ingest", "--help"])
    assert res.exit_code == 0 and "Examples:" in res.output
    assert snapshot(lib) == before


def test_cli_fetch_pubmed_is_opt_in_and_fails_fast_offline(cli_env, monkeypatch) -> None:
    from assistant.frontends.cli import cli

    runner = CliRunner()
    res = runner.invoke(cli, ["fetch-pubmed", "baclofen craving", *cli_env])
    assert res.exit_code == 2 and "--online" in res.output

    def offline(*a, **kw):
        raise OSError("Network is unreachable")

    monkeypatch.setattr(socket, "create_connection", offline)
    t0 = time.perf_counter()
    res = runner.invoke(cli, ["fetch-pubmed", "--online", "baclofen", "--max", "3", *cli_env])
    assert time.perf_counter() - t0 < 5
    assert res.exit_code == 1
    assert "Cannot reach PubMed" in res.output and "assistant ingest FILE" in res.output


def test_check_online_never_hangs(monkeypatch) -> None:
    def slow(*a, **kw):
        time.sleep(30)

    monkeypatch.setattr(socket, "create_connection", slow)
    t0 = time.perf_counter()
    with pytest.raises(OfflineError, match="no answer"):
        check_online(timeout=0.5)
    assert time.perf_counter() - t0 < 3


def test_list_documents_shape(lib: Settings, ingested) -> None:
    docs = list_documents(lib)
    assert docs and all({"id", "title", "evidence", "source_file"} <= set(d) for d in docs)
    json.dumps(docs)  # plain data for the UI


# --------------------------------------------------------------------------- odd files in folders


def _ingest_with_deadline(settings: Settings, paths: list, seconds: float = 60):  # noqa: ANN202
    """ingest_paths on a thread: a hang (e.g. reading a named pipe) fails the test instead of
    blocking it forever."""
    import threading

    out: dict = {}

    def work() -> None:
        try:
            out["report"] = ingest_paths(settings, paths)
        except BaseException as exc:  # noqa: BLE001
            out["error"] = exc

    t = threading.Thread(target=work, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "the ingest hung"
    if "error" in out:
        raise out["error"]
    return out["report"]


def test_named_pipe_in_a_folder_is_skipped_not_read(
    lib: Settings, ingested, tmp_path: Path
) -> None:
    """A FIFO called *.txt used to block the folder ingest forever, holding the library lock."""
    import os

    before = snapshot(lib)
    folder = tmp_path / "inbox"
    folder.mkdir()
    os.mkfifo(folder / "waiting.txt")
    report = _ingest_with_deadline(lib, [folder])
    assert report.added == [] and report.build is None
    assert [(Path(p.path).name, "not a regular file" in p.reason) for p in report.skipped] == [
        ("waiting.txt", True)
    ]
    # named on the command line it is refused the same way, without waiting for a writer
    report = _ingest_with_deadline(lib, [folder / "waiting.txt"])
    assert len(report.errors) == 1 and "not a regular file" in report.errors[0].reason
    assert snapshot(lib) == before
    # and the library lock was released: the next ingest runs
    assert ingest_paths(lib, [folder]).errors == []


def test_folder_links_and_types_are_reported(
    lib: Settings, ingested, tmp_path: Path, embedder
) -> None:
    """From a folder only regular files inside it with a known extension are read; links out
    of it (even to a document), files without an extension and broken links are skipped, each
    with its reason."""
    import os

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The invented Gallowmere note lives outside the folder.\n")
    (outside / "id_rsa").write_text("-----BEGIN PRIVATE KEY----- not really\n")
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    doc = folder / "sub" / "kept.md"
    doc.write_text("# Kept\n\nThe invented Brackenfold clinic keeps baclofen in a locked drawer.\n")
    os.symlink(outside / "secret.txt", folder / "link-out.txt")
    os.symlink(outside / "id_rsa", folder / "key.txt")
    os.symlink(outside, folder / "outside-dir")
    os.symlink(doc, folder / "same-doc.md")  # inside the folder: read once
    os.symlink(tmp_path / "gone.txt", folder / "broken.txt")
    (folder / "README").write_text("a file without an extension\n")
    (folder / "Makefile").write_text("all:\n\ttrue\n")
    report = ingest_paths(lib, [folder], embedder=embedder)
    assert len(report.added) == 1, report.summary()
    reasons = {Path(p.path).name: p.reason for p in report.skipped}
    assert "outside the folder" in reasons["link-out.txt"]
    assert "outside the folder" in reasons["key.txt"]
    assert "broken link" in reasons["broken.txt"]
    assert "no extension" in reasons["README"] and "no extension" in reasons["Makefile"]
    assert "same-doc.md" not in reasons  # the same file as kept.md, read once
    assert not any(
        "Gallowmere" in d["title"] or "PRIVATE" in d["title"] for d in list_documents(lib)
    )
    assert not any(Path(p.path).is_relative_to(outside) for p in report.skipped)  # never followed
    remove_document(lib, report.added[0], embedder=embedder)


def test_shift_jis_text_is_decoded(tmp_path: Path) -> None:
    """Shift-JIS used to be refused as binary data."""
    from assistant.library.formats import decode_text

    text = (
        "バクロフェンとアルコール依存\n\n"
        "この架空の研究では、バクロフェンを服用した成人四十人の飲酒欲求が十二週間で低下した。"
        "副作用として眠気とめまいが報告された。\n"
    )
    data = text.encode("shift_jis")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_text(data) == text
    path = tmp_path / "japanese.txt"
    path.write_bytes(data)
    rec = read_document(path, Settings(index_dir=tmp_path / "index")).drafts[0].record
    assert rec.title == "バクロフェンとアルコール依存" and "飲酒欲求" in rec.body


def test_control_characters_never_reach_a_title(
    lib: Settings, ingested, tmp_path: Path, embedder, cli_env
) -> None:
    from assistant.frontends.cli import cli

    name = "evil\x1b[31mred\x1b[0m\nsecond\tline\x07.txt"
    path = tmp_path / name
    path.write_text(
        "only a sentence that ends with a full stop, so the title comes from the name.\n"
    )
    report = ingest_paths(lib, [path], embedder=embedder)
    assert len(report.added) == 1, report.summary()
    title = report.titles[report.added[0]]
    assert title == "evil [31mred [0m second line"
    assert all(ch.isprintable() for ch in title)
    listed = CliRunner().invoke(cli, ["sources", *cli_env])
    assert listed.exit_code == 0, listed.output
    assert "\x1b" not in listed.output and "\x07" not in listed.output
    assert "evil [31mred [0m second line" in listed.output
    remove_document(lib, report.added[0], embedder=embedder)


def test_malformed_pmid_is_reported_not_dropped_silently(tmp_path: Path) -> None:
    path = tmp_path / "export.nbib"
    path.write_text(
        "PMID- 12ab45\nTI  - An invented trial with a mistyped PMID.\n"
        "AB  - The invented Heatherby trial gave baclofen to thirty adults.\n"
        "LID - not-a-doi [doi]\nPT  - Journal Article\n"
    )
    parsed = read_document(path, Settings(index_dir=tmp_path / "index"))
    rec = parsed.drafts[0].record
    assert rec.pmid is None and rec.doi is None
    assert any("PMID '12ab45' is not a valid PMID" in w for w in parsed.warnings), parsed.warnings
    assert any("DOI 'not-a-doi' is not a valid DOI" in w for w in parsed.warnings)
