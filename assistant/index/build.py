"""Building the index: corpus and library -> chunks -> vectors (Chroma), BM25 and a manifest.

The on-disk layout is described and read in :mod:`assistant.index.store`. Every build writes a new generation beside the live one and only then points CURRENT at it, so a
build killed half-way leaves the previous index answering. Embeddings are cached by chunk hash, so
an unchanged corpus embeds nothing and a changed record re-embeds only its own chunks.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import logging
import secrets
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.index.model_files import model_fingerprint, model_path
from assistant.index.query_encoder import encoder_dir, encoder_problem, ensure_encoder
from assistant.index.store import (
    FORMAT,
    IndexError_,
    check_generation_files,
    chroma_client,
    current_generation,
    describe_store,
    fsync_dir,
    library_dir,
    manifest_store,
    read_manifest,
    server_collection_name,
    vector_store,
    write_atomic,
    write_generation,
)
from assistant.library.chunks import Chunk, chunk_record, cite_names
from assistant.library.records import CorpusError, Record, corpus_files, load_records, parse_record
from assistant.settings import Settings
from assistant.vocab import USER_EVIDENCE

log = logging.getLogger(__name__)


class IndexBusy(RuntimeError):
    """Another process is building this index."""


class DiskFullError(OSError):
    """The disk filled up while a new generation was written (it is removed; the live one stays)."""


@dataclass
class BuildReport:
    status: str  # "up to date" | "built" | "updated"
    generation: str
    records: int
    chunks: int
    embedded: int
    reused: int
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        if self.status == "up to date":
            return f"Index up to date: {self.records} records, {self.chunks} chunks."
        parts = [f"Index {self.status}: {self.records} records, {self.chunks} chunks"]
        parts.append(f"embedded {self.embedded}, reused {self.reused}")
        for label, ids in (
            ("added", self.added),
            ("changed", self.changed),
            ("removed", self.removed),
        ):
            if ids:
                shown = ", ".join(ids[:8]) + (" ..." if len(ids) > 8 else "")
                parts.append(f"{label} {len(ids)} ({shown})")
        return "; ".join(parts) + f" in {self.seconds:.1f} s."


def library_files(settings: Settings) -> list[Path]:
    """The user's library: Markdown records written by ``assistant ingest``."""
    lib = library_dir(settings)
    if not lib.is_dir():
        return []
    return sorted(p for p in lib.glob("*.md") if not p.name.startswith("_"))


def as_user_document(record: Record) -> Record:
    """A library record as the index sees it: evidence ``user-document`` whatever the file says
    (what it claimed is kept in ``claimed_evidence``). Only the curated corpus is trusted."""
    if record.evidence == USER_EVIDENCE:
        return record
    return record.model_copy(
        update={"evidence": USER_EVIDENCE, "claimed_evidence": record.evidence}
    )


def load_library(settings: Settings) -> tuple[list[Record], list[str]]:
    """The user's documents that load, and a message per library file that does not (a damaged
    or hand-edited file is reported and left out; everything else keeps working)."""
    records: list[Record] = []
    problems: list[str] = []
    for path in library_files(settings):
        try:
            records.append(as_user_document(parse_record(path)))
        except CorpusError as exc:  # one line: YAML errors span several
            reason = " ".join(str(exc).split())
            problems.append(f"{reason} (left out of the index; fix or remove the file)")
    return records, problems


def load_sources(settings: Settings) -> list[Record]:
    """The curated corpus (any error there stops the build) plus the user's documents that load
    (a damaged library file is logged and left out)."""
    records = load_records(corpus_files(settings.corpus_dir))
    library, problems = load_library(settings)
    for p in problems:
        log.warning("%s", p)
    curated = {r.id for r in records}
    return records + [r for r in library if r.id not in curated]


def build_config(settings: Settings) -> dict[str, Any]:
    """What, besides the records, decides the index content: a change means a full rebuild."""
    import assistant.library.chunks

    chunker = hashlib.sha256(Path(assistant.library.chunks.__file__).read_bytes()).hexdigest()[:12]
    return {
        "format": FORMAT,
        "chunker": chunker,  # the chunking code itself: a change re-chunks (and re-embeds)
        "model": model_fingerprint(model_path(settings)),
        "chunk_size": settings.chunk_size,
        "chunk_overlap": settings.chunk_overlap,
    }


# --------------------------------------------------------------------------- generations


def source_stats(settings: Settings) -> dict[str, list[int]] | None:
    """(size, mtime in ns) of every source file: the corpus and the user's library. Recorded in
    the manifest, so that checking an unchanged index reads no record (None when the corpus
    folder cannot be listed)."""
    try:
        files = corpus_files(settings.corpus_dir) + library_files(settings)
        return {str(p): [(st := p.stat()).st_size, st.st_mtime_ns] for p in files}
    except (CorpusError, OSError):
        return None


@dataclass
class Status:
    state: str  # "missing" | "stale" | "ready" | "damaged"
    detail: str
    generation: Path | None = None


def index_status(settings: Settings, records: list[Record] | None = None) -> Status:
    """Is the index there, complete, and built from the current sources and settings?

    Cheap: hashes the source files, never loads the model.
    """
    gen = current_generation(settings.index_dir)
    if gen is None:
        return Status("missing", f"No index in {settings.index_dir}.")
    if not gen.is_dir():
        return Status(
            "damaged", f"{settings.index_dir}/CURRENT points at {gen.name}, which is gone."
        )
    try:
        manifest = read_manifest(gen)
        check_generation_files(gen, manifest)
    except IndexError_ as exc:
        return Status("damaged", str(exc), gen)
    if manifest.get("config") != build_config(settings):
        return Status(
            "stale", "The model or chunking settings changed since the index was built.", gen
        )
    if manifest_store(manifest) != vector_store(settings):
        return Status(
            "stale",
            f"The index's vectors are in {describe_store(manifest_store(manifest))}, but the "
            f"settings say {describe_store(vector_store(settings))}.",
            gen,
        )
    have = {rid: info["hash"] for rid, info in manifest["records"].items()}
    # Every source file as it was when the index was built (size and mtime): nothing to re-read.
    unchanged = records is None and manifest.get("sources") == source_stats(settings)
    if not unchanged:
        records = load_sources(settings) if records is None else records
        want = {r.id: r.content_hash() for r in records}
        if want != have:
            changed = sorted(k for k in want.keys() | have.keys() if want.get(k) != have.get(k))
            return Status(
                "stale", f"{len(changed)} record(s) changed: {', '.join(changed[:5])}", gen
            )
    fingerprint = manifest["config"]["model"]
    problem = encoder_problem(encoder_dir(settings, fingerprint), fingerprint)
    if problem is not None:
        return Status("stale", f"The index is up to date, but {problem}.", gen)
    return Status("ready", f"{len(have)} records, {manifest['chunk_count']} chunks.", gen)


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBusy(f"Another process is building the index in {index_dir}.") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _collect_garbage(index_dir: Path, keep: set[str], settings: Settings | None = None) -> None:
    """Remove incomplete builds and old generations (the live one and ``keep`` stay), with
    their collections on the configured Chroma server."""
    for gen in index_dir.glob("gen-*"):
        if gen.name not in keep:
            if settings is not None:
                drop_server_collection(gen, settings)
            shutil.rmtree(gen, ignore_errors=True)


def drop_server_collection(gen: Path, settings: Settings) -> None:
    """Best effort: delete ``gen``'s collection on the configured Chroma server, if it has one.

    A generation built against another server (or locally) is left alone: no surprise calls.
    """
    if not settings.chroma_host:
        return
    try:
        manifest: dict[str, Any] | None = json.loads((gen / "manifest.json").read_text())
    except (OSError, ValueError):
        manifest = None  # an incomplete build: it was written to the configured server
    store = manifest_store(manifest) if manifest is not None else vector_store(settings)
    if store != vector_store(settings):
        return
    # Already gone, or the server is down: nothing to clean.
    with contextlib.suppress(Exception):
        chroma_client(settings).delete_collection(server_collection_name(gen))


def _is_disk_full(exc: BaseException | None) -> bool:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if "No space left on device" in str(exc):  # e.g. raised by Chroma's Rust core
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


# --------------------------------------------------------------------------- building


def _embedding_cache(gen: Path | None) -> dict[str, np.ndarray]:
    """Vectors of the previous generation by chunk hash and by sentence hash (reused)."""
    if gen is None:
        return {}
    try:
        manifest = read_manifest(gen)
        vectors = np.load(gen / "embeddings.npy")
        rows = [json.loads(line) for line in (gen / "chunks.jsonl").open()]
        sentence_vectors = np.load(gen / "sentences.npy")
    except (IndexError_, OSError, ValueError, KeyError):
        return {}
    hashes = [r["hash"] for r in rows]
    if len(hashes) != len(vectors) or manifest.get("config") is None:
        return {}
    cache = dict(zip(hashes, vectors, strict=True))
    texts = [r["text"][a:b] for r in rows for a, b in r["sent"]]
    if len(texts) == len(sentence_vectors):
        cache.update(zip((sentence_hash(t) for t in texts), sentence_vectors, strict=True))
    return cache


def sentence_hash(text: str) -> str:
    return "s:" + hashlib.sha256(text.encode()).hexdigest()


def build_index(
    settings: Settings,
    rebuild: bool = False,
    progress: bool = True,
    embedder: Any = None,
    on_phase: Callable[[str], None] | None = None,
    records: list[Record] | None = None,
) -> BuildReport:
    """Build or update the index; a no-op ("up to date") when nothing changed.

    ``rebuild`` ignores the embedding cache and the previous generation entirely.
    """
    t0 = time.perf_counter()
    say = on_phase or (lambda msg: None)
    index_dir = settings.index_dir
    with build_lock(index_dir):
        # Taken before the files are read: a file changed while building reads as changed later.
        stats = source_stats(settings) if records is None else None
        records = load_sources(settings) if records is None else records
        config = build_config(settings)
        live = current_generation(index_dir)
        old_manifest: dict[str, Any] = {}
        if live is not None and live.is_dir() and not rebuild:
            try:
                old_manifest = read_manifest(live)
                check_generation_files(live, old_manifest)
            except IndexError_:
                old_manifest, live = {}, None
        same_config = old_manifest.get("config") == config
        old_records = old_manifest.get("records", {}) if same_config else {}
        want = {r.id: r.content_hash() for r in records}
        added = sorted(set(want) - set(old_records))
        removed = sorted(set(old_records) - set(want))
        changed = sorted(
            k for k in set(want) & set(old_records) if want[k] != old_records[k]["hash"]
        )
        same_store = manifest_store(old_manifest) == vector_store(settings)
        if same_config and same_store and not (added or removed or changed) and not rebuild:
            if live is not None and stats is not None and old_manifest.get("sources") != stats:
                # Same content, new times (a checkout, a copy): remember them for the quick check.
                write_atomic(
                    live / "manifest.json", json.dumps({**old_manifest, "sources": stats}, indent=1)
                )
            embedder = _ensure_encoder(settings, embedder, say)
            return BuildReport(
                "up to date", live.name if live else "", len(records),
                old_manifest.get("chunk_count", 0), 0, 0, seconds=time.perf_counter() - t0,
            )  # fmt: skip

        chunks: list[Chunk] = []
        names = cite_names(records)
        if len(records) > 500:
            say(f"Chunking {len(records):,} records ...")
        for r in records:
            chunks.extend(chunk_record(r, settings.chunk_size, settings.chunk_overlap, names))
        # Vectors are reused by text hash whenever the model is the same (a chunking change
        # re-chunks, but a chunk or sentence whose text is unchanged keeps its vector).
        same_model = (old_manifest.get("config") or {}).get("model") == config["model"]
        cache = _embedding_cache(live) if same_model and not rebuild else {}
        # Every sentence is embedded too: answers pick and de-duplicate sentences by meaning.
        sentences = [c.text[a:b] for c in chunks for a, b in c.sentences]
        owner = [i for i, c in enumerate(chunks) for _ in c.sentences]
        # A user document's chunk that is one "sentence" (text without sentence ends, such as a
        # one-line dump) gives that sentence its own vector: the same text with the title in
        # front. Embedding it again doubled the time of such documents.
        whole = {
            j
            for j, (t, i) in enumerate(zip(sentences, owner, strict=True))
            if chunks[i].metadata.user and t == chunks[i].text
        }
        todo = [i for i, c in enumerate(chunks) if c.hash not in cache]
        todo_s = [
            i for i, t in enumerate(sentences) if i not in whole and sentence_hash(t) not in cache
        ]
        if embedder is None and (todo or todo_s):
            say("Loading the embedding model ...")
            from assistant.index.embeddings import get_embedder

            embedder = get_embedder(
                model_path(settings), settings.torch_threads, settings.embed_batch_size
            )
        dim = embedder.dimension if embedder is not None else len(next(iter(cache.values())))
        vectors = np.zeros((len(chunks), dim), dtype=np.float32)
        for i, c in enumerate(chunks):
            if c.hash in cache:
                vectors[i] = cache[c.hash]
        if todo:
            vectors[todo] = _embed(
                embedder, [chunks[i].embed_text for i in todo], progress, settings, "chunks"
            )
        sentence_vectors = np.zeros((len(sentences), dim), dtype=np.float32)
        for i, t in enumerate(sentences):
            hit = vectors[owner[i]] if i in whole else cache.get(sentence_hash(t))
            if hit is not None:
                sentence_vectors[i] = hit
        if todo_s:
            # Each distinct text once (exports repeat copyright lines and the like).
            distinct = list(dict.fromkeys(sentences[i] for i in todo_s))
            found = _embed(embedder, distinct, progress, settings, "sentences")
            row = {t: r for r, t in enumerate(distinct)}
            sentence_vectors[todo_s] = found[[row[sentences[i]] for i in todo_s]]

        gen = index_dir / f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
        try:
            gen.mkdir(parents=True)
            say(f"Writing {len(chunks)} chunks to {gen.name} ...")
            write_generation(gen, chunks, vectors, settings, sentence_vectors)
            manifest = {
                "config": config,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "chunk_count": len(chunks),
                "vector_store": vector_store(settings),
                "sources": stats,
                "records": {
                    r.id: {
                        "hash": want[r.id],
                        "path": r.path,
                        "info": r.info(added=_added(r)).to_json(),
                    }
                    for r in records
                },
            }
            write_atomic(gen / "manifest.json", json.dumps(manifest, indent=1))
            fsync_dir(gen)
            write_atomic(index_dir / "CURRENT", gen.name + "\n")  # the swap
        except BaseException as exc:
            # Never leave a half-written generation (or its server collection) behind.
            if current_generation(index_dir) != gen:
                drop_server_collection(gen, settings)
                shutil.rmtree(gen, ignore_errors=True)
                (index_dir / "CURRENT.tmp").unlink(missing_ok=True)
            if isinstance(exc, Exception) and _is_disk_full(exc):
                before = (
                    "The previous index is unchanged and still answers"
                    if live is not None
                    else "No index was written"
                )
                err = DiskFullError(
                    f"Not enough disk space to write the index in {index_dir} "
                    f"({getattr(exc, 'strerror', None) or exc}). {before}; free some space "
                    "and run `assistant index` again."
                )
                err.errno = errno.ENOSPC
                raise err from exc
            raise
        _collect_garbage(
            index_dir, keep={gen.name} | ({live.name} if live else set()), settings=settings
        )
        _ensure_encoder(settings, embedder, say)
        status = "built" if not old_records else "updated"
        return BuildReport(
            status, gen.name, len(records), len(chunks), len(todo), len(chunks) - len(todo),
            added if old_records else [], changed, removed, time.perf_counter() - t0,
        )  # fmt: skip


def _ensure_encoder(settings: Settings, embedder: Any, say: Callable[[str], None]) -> Any:
    """Export the ONNX query encoder when the model has none yet (once per model); questions
    are then answered without importing torch (:mod:`assistant.index.query_encoder`)."""
    fingerprint = build_config(settings)["model"]
    if encoder_problem(encoder_dir(settings, fingerprint), fingerprint) is None:
        return embedder
    if embedder is None or getattr(embedder, "model_path", None) != model_path(settings):
        say("Loading the embedding model ...")
        from assistant.index.embeddings import get_embedder

        embedder = get_embedder(
            model_path(settings), settings.torch_threads, settings.embed_batch_size
        )
    try:
        ensure_encoder(settings, embedder, say)
    except Exception as exc:  # noqa: BLE001 - the index itself is built and fine
        msg = (
            f"Could not export the ONNX query encoder ({type(exc).__name__}: {exc}); questions "
            "will load the sentence-transformers model instead (about 9 s more to start)."
        )
        log.warning("%s", msg)
    return embedder


def _added(record: Record) -> str | None:
    """When a user's document was added (its library file's time), for "the latest document"."""
    if record.evidence != USER_EVIDENCE or not record.path:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(Path(record.path).stat().st_mtime))
    except OSError:
        return None


def _embed(
    embedder: Any, texts: list[str], progress: bool, settings: Settings, what: str = "chunks"
) -> np.ndarray:
    from tqdm import tqdm

    batch = max(8, settings.embed_batch_size)
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    # Longest first, as SentenceTransformer.encode orders a single call: batches of similar
    # lengths pad little. Batching here in document order was 40% slower than the bare encoder.
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    vectors = np.zeros((len(texts), embedder.dimension), dtype=np.float32)
    with tqdm(
        total=len(texts), desc=f"Embedding {what}", unit=what[:-1], disable=not progress
    ) as bar:
        for i in range(0, len(order), batch):
            part = order[i : i + batch]
            vectors[part] = embedder.encode([texts[j] for j in part])
            bar.update(len(part))
    return vectors
