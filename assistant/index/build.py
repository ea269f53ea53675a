"""The index: corpus -> chunks -> vectors in Chroma, plus a BM25 index and a manifest.

Layout of the index folder::

    index/
      CURRENT              name of the live generation (swapped atomically with os.replace)
      gen-<time>-<rand>/   one complete build: chroma/, bm25/, chunks.jsonl, embeddings.npy,
                           manifest.json (written last: a generation without it is incomplete)
      library/             the user's own documents (``assistant ingest``), kept across rebuilds
      .lock                held while building

Every build writes a new generation beside the live one and only then points CURRENT at it, so a
build killed half-way leaves the previous index answering. Embeddings are cached by chunk hash, so
an unchanged corpus embeds nothing and a changed record re-embeds only its own chunks.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.library.chunks import Chunk, chunk_record, cite_names, tokenize
from assistant.library.records import Record, corpus_files, load_records
from assistant.settings import Settings

FORMAT = 1
# Cosine space for our normalised vectors. search_ef 1000 (Chroma's default is 100): on the
# ~600-chunk corpus the search then visits every chunk, so it is exact and the same on every
# build (embedded or server); at 100k chunks it stays a few milliseconds (make bench).
COLLECTION_METADATA = {"hnsw:space": "cosine", "hnsw:search_ef": 1000}
COLLECTION = "chunks"
LIBRARY = "library"


class IndexError_(RuntimeError):
    """The index is missing, incomplete or damaged; the message says how to fix it."""


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


def chroma_settings():  # noqa: ANN201
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def chroma_url(settings: Settings) -> str:
    host = settings.chroma_host or ""
    host = f"[{host}]" if ":" in host else host
    return f"{'https' if settings.chroma_ssl else 'http'}://{host}:{settings.chroma_port}"


def vector_store(settings: Settings) -> dict[str, str]:
    """Where a generation's vectors live: in its own chroma/ folder or on a Chroma server."""
    if settings.chroma_host:
        return {"kind": "server", "url": chroma_url(settings)}
    return {"kind": "local"}


def manifest_store(manifest: dict[str, Any] | None) -> dict[str, str]:
    """The vector store a manifest records (manifests without one are local builds)."""
    return (manifest or {}).get("vector_store") or {"kind": "local"}


def _describe_store(store: dict[str, str]) -> str:
    if store.get("kind") == "server":
        return f"the Chroma server {store.get('url')}"
    return "the index folder"


def library_dir(settings: Settings) -> Path:
    return settings.index_dir / LIBRARY


def source_files(settings: Settings) -> list[Path]:
    """Curated corpus records plus the user's library (Markdown records written by ingest)."""
    files = corpus_files(settings.corpus_dir)
    lib = library_dir(settings)
    if lib.is_dir():
        files += sorted(p for p in lib.glob("*.md") if not p.name.startswith("_"))
    return files


def load_sources(settings: Settings) -> list[Record]:
    return load_records(source_files(settings))


def model_path(settings: Settings) -> str:
    from assistant.index.embeddings import bundled_model_path

    return settings.model_path or bundled_model_path()


def build_config(settings: Settings) -> dict[str, Any]:
    """What, besides the records, decides the index content: a change means a full rebuild."""
    import assistant.library.chunks
    from assistant.index.embeddings import model_fingerprint

    chunker = hashlib.sha256(Path(assistant.library.chunks.__file__).read_bytes()).hexdigest()[:12]
    return {
        "format": FORMAT,
        "chunker": chunker,  # the chunking code itself: a change re-chunks (and re-embeds)
        "model": model_fingerprint(model_path(settings)),
        "chunk_size": settings.chunk_size,
        "chunk_overlap": settings.chunk_overlap,
    }


# --------------------------------------------------------------------------- generations


def current_generation(index_dir: Path) -> Path | None:
    pointer = index_dir / "CURRENT"
    try:
        name = pointer.read_text().strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        name = "(unreadable)"
    if name and not re.fullmatch(r"gen-[A-Za-z0-9_\-]{1,80}", name):
        # Damaged (or tampered with): never follow it out of the index folder. The returned
        # folder does not exist, so the index reads as damaged and a build repairs it.
        return index_dir / ("gen-invalid-" + re.sub(r"[^A-Za-z0-9_\-]", "_", name[:40]))
    return index_dir / name if name else None


def read_manifest(gen: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((gen / "manifest.json").read_text())
    except FileNotFoundError:
        raise IndexError_(
            f"The index at {gen.parent} is incomplete ({gen.name} has no manifest). "
            "Run `assistant index --rebuild`."
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError, OSError) as exc:
        raise IndexError_(
            f"The index manifest in {gen} is damaged ({exc}). Run `assistant index --rebuild`."
        ) from None
    if (
        not isinstance(manifest, dict)
        or not isinstance(manifest.get("records"), dict)
        or not isinstance(manifest.get("chunk_count"), int)
    ):
        raise IndexError_(
            f"The index manifest in {gen} is damaged (records or chunk count missing). "
            "Run `assistant index --rebuild`."
        )
    return manifest


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
            f"The index's vectors are in {_describe_store(manifest_store(manifest))}, but the "
            f"settings say {_describe_store(vector_store(settings))}.",
            gen,
        )
    records = load_sources(settings) if records is None else records
    want = {r.id: r.content_hash() for r in records}
    have = {rid: info["hash"] for rid, info in manifest["records"].items()}
    if want != have:
        changed = sorted(k for k in want.keys() | have.keys() if want.get(k) != have.get(k))
        return Status("stale", f"{len(changed)} record(s) changed: {', '.join(changed[:5])}", gen)
    return Status("ready", f"{len(have)} records, {manifest['chunk_count']} chunks.", gen)


def check_generation_files(gen: Path, manifest: dict[str, Any]) -> None:
    # With a Chroma server the vectors live there; chunks, BM25 and the manifest stay local.
    local = ["chroma"] if manifest_store(manifest).get("kind") != "server" else []
    missing = [
        name
        for name in (*local, "bm25", "chunks.jsonl", "embeddings.npy")
        if not (gen / name).exists()
    ]
    if missing:
        raise IndexError_(
            f"The index in {gen} is damaged: {', '.join(missing)} missing. "
            "Run `assistant index --rebuild`."
        )


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


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _collect_garbage(index_dir: Path, keep: set[str], settings: Settings | None = None) -> None:
    """Remove incomplete builds and old generations (the live one and ``keep`` stay), with
    their collections on the configured Chroma server."""
    for gen in index_dir.glob("gen-*"):
        if gen.name not in keep:
            if settings is not None:
                _drop_server_collection(gen, settings)
            shutil.rmtree(gen, ignore_errors=True)


def _server_collection_name(gen: Path) -> str:
    return f"baclofen-{gen.name}"


def _drop_server_collection(gen: Path, settings: Settings) -> None:
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
        _chroma_client(settings).delete_collection(_server_collection_name(gen))


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
    if gen is None:
        return {}
    try:
        manifest = read_manifest(gen)
        vectors = np.load(gen / "embeddings.npy")
        hashes = [json.loads(line)["hash"] for line in (gen / "chunks.jsonl").open()]
    except (IndexError_, OSError, ValueError, KeyError):
        return {}
    if len(hashes) != len(vectors) or manifest.get("config") is None:
        return {}
    return dict(zip(hashes, vectors, strict=True))


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
            return BuildReport(
                "up to date", live.name if live else "", len(records),
                old_manifest.get("chunk_count", 0), 0, 0, seconds=time.perf_counter() - t0,
            )  # fmt: skip

        chunks: list[Chunk] = []
        names = cite_names(records)
        for r in records:
            chunks.extend(chunk_record(r, settings.chunk_size, settings.chunk_overlap, names))
        cache = {} if rebuild or not same_config else _embedding_cache(live)
        todo = [i for i, c in enumerate(chunks) if c.hash not in cache]
        if embedder is None and todo:
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
                embedder, [chunks[i].embed_text for i in todo], progress, settings
            )

        gen = index_dir / f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
        try:
            gen.mkdir(parents=True)
            say(f"Writing {len(chunks)} chunks to {gen.name} ...")
            _write_generation(gen, chunks, vectors, settings)
            manifest = {
                "config": config,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "chunk_count": len(chunks),
                "vector_store": vector_store(settings),
                "records": {
                    r.id: {
                        "hash": want[r.id],
                        "title": r.title,
                        "year": r.year,
                        "evidence": r.evidence,
                        "substances": r.substances,
                        "path": r.path,
                        "user": r.evidence == "user-document" or _in_library(r, settings),
                    }
                    for r in records
                },
            }
            _write_atomic(gen / "manifest.json", json.dumps(manifest, indent=1))
            _fsync_dir(gen)
            _write_atomic(index_dir / "CURRENT", gen.name + "\n")  # the swap
        except BaseException as exc:
            # Never leave a half-written generation (or its server collection) behind.
            if current_generation(index_dir) != gen:
                _drop_server_collection(gen, settings)
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
        status = "built" if not old_records else "updated"
        return BuildReport(
            status, gen.name, len(records), len(chunks), len(todo), len(chunks) - len(todo),
            added if old_records else [], changed, removed, time.perf_counter() - t0,
        )  # fmt: skip


def _in_library(record: Record, settings: Settings) -> bool:
    return bool(record.path) and Path(record.path).parent == library_dir(settings)


def _embed(embedder: Any, texts: list[str], progress: bool, settings: Settings) -> np.ndarray:
    from tqdm import tqdm

    batch = max(8, settings.embed_batch_size)
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    # Longest first, as SentenceTransformer.encode orders a single call: batches of similar
    # lengths pad little. Batching here in document order was 40% slower than the bare encoder.
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    vectors = np.zeros((len(texts), embedder.dimension), dtype=np.float32)
    with tqdm(total=len(texts), desc="Embedding chunks", unit="chunk", disable=not progress) as bar:
        for i in range(0, len(order), batch):
            part = order[i : i + batch]
            vectors[part] = embedder.encode([texts[j] for j in part])
            bar.update(len(part))
    return vectors


def _write_generation(
    gen: Path, chunks: list[Chunk], vectors: np.ndarray, settings: Settings
) -> None:
    import bm25s

    with open(gen / "chunks.jsonl", "w") as fh:
        for c in chunks:
            row = {
                "id": c.id,
                "hash": c.hash,
                "text": c.text,
                "meta": c.metadata,
                "sent": c.sentences,
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    np.save(gen / "embeddings.npy", vectors)
    tokens = [tokenize(c.embed_text) or ["_empty_"] for c in chunks]
    bm = bm25s.BM25()
    bm.index(tokens, show_progress=False)
    bm.save(str(gen / "bm25"))
    collection = open_collection(gen, settings, create=True)
    step = 4000  # below Chroma's max batch size
    for i in range(0, len(chunks), step):
        part = chunks[i : i + step]
        collection.add(
            ids=[c.id for c in part],
            embeddings=vectors[i : i + step],
            documents=[c.text for c in part],
            metadatas=[c.metadata for c in part],
        )


def _chroma_client(settings: Settings):  # noqa: ANN202
    """A client of the configured Chroma server; IndexError_ with a clear message when down."""
    import chromadb

    try:
        return chromadb.HttpClient(
            host=settings.chroma_host or "",
            port=settings.chroma_port,
            ssl=settings.chroma_ssl,
            settings=chroma_settings(),
        )
    except Exception as exc:  # noqa: BLE001 - chromadb raises ValueError/httpx errors here
        raise IndexError_(
            f"Cannot reach the Chroma server at {chroma_url(settings)} ({exc}). Start it "
            "(`chroma run --path DIR --host HOST --port PORT`), or drop --chroma-url / "
            "CHROMA_HOST to use the index folder."
        ) from None


def open_collection(gen: Path, settings: Settings, create: bool = False):  # noqa: ANN201
    """The Chroma collection of a generation: on disk, or on a Chroma server when configured."""
    import chromadb

    if settings.chroma_host:
        client = _chroma_client(settings)
        name = _server_collection_name(gen)
    else:
        client = chromadb.PersistentClient(path=str(gen / "chroma"), settings=chroma_settings())
        name = COLLECTION
    if create:
        # embedding_function=None: we always pass our own vectors (Chroma's default downloads).
        return client.create_collection(name, embedding_function=None, metadata=COLLECTION_METADATA)
    return client.get_collection(name, embedding_function=None)
