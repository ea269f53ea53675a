"""The index on disk, written and read in this one module.

Layout of the index folder::

    index/
      CURRENT              name of the live generation (swapped atomically with os.replace)
      gen-<time>-<rand>/   one complete build: chroma/, bm25/, chunks.jsonl, embeddings.npy,
                           manifest.json (written last: a generation without it is incomplete)
      library/             the user's own documents (``assistant ingest``), kept across rebuilds
      .lock                held while building

``chunks.jsonl`` holds one chunk a line (id, hash, text, typed metadata, sentence spans);
``manifest.json`` the build settings and, per record, its content hash and its
:class:`~assistant.library.records.RecordInfo`. :class:`IndexStore` is the read side: everything the
pipeline, the command line and the app need to know about a generation goes through it.
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answer import Context, Filters
from assistant.library.chunks import Chunk, ChunkMeta, tokenize
from assistant.library.records import CorpusError, RecordInfo, parse_record
from assistant.settings import Settings

FORMAT = 2  # 2: typed chunk metadata, the record catalogue in the manifest
# Cosine space for our normalised vectors. search_ef 1000 (Chroma's default is 100): on the
# ~600-chunk corpus the search then visits every chunk, so it is exact and the same on every
# build (embedded or server); at 100k chunks it stays a few milliseconds (make bench).
COLLECTION_METADATA = {"hnsw:space": "cosine", "hnsw:search_ef": 1000}
# Dense search over the index folder's vectors is exact (one matrix-vector product over the
# memory-mapped embeddings.npy) up to this many chunks: it ranks as Chroma's exhaustive search
# does, takes about 16 ms (p95 26 ms) at 100k chunks where Chroma's HNSW search found only about
# half of the true top 30 (make bench, synthetic vectors), and spares a new process the 1.5-3 s
# of importing chromadb. Larger indexes, and vectors on a Chroma server, use Chroma's HNSW index.
EXACT_SEARCH_MAX_CHUNKS = 200_000
COLLECTION = "chunks"
LIBRARY = "library"


class IndexError_(RuntimeError):
    """The index is missing, incomplete or damaged; the message says how to fix it."""


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


def describe_store(store: dict[str, str]) -> str:
    if store.get("kind") == "server":
        return f"the Chroma server {store.get('url')}"
    return "the index folder"


def library_dir(settings: Settings) -> Path:
    return settings.index_dir / LIBRARY


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


def check_generation_files(gen: Path, manifest: dict[str, Any]) -> None:
    # With a Chroma server the vectors live there; chunks, BM25 and the manifest stay local.
    local = ["chroma"] if manifest_store(manifest).get("kind") != "server" else []
    missing = [
        name
        for name in (*local, "bm25", "chunks.jsonl", "embeddings.npy", "sentences.npy")
        if not (gen / name).exists()
    ]
    if missing:
        raise IndexError_(
            f"The index in {gen} is damaged: {', '.join(missing)} missing. "
            "Run `assistant index --rebuild`."
        )


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def server_collection_name(gen: Path) -> str:
    return f"baclofen-{gen.name}"


def chroma_client(settings: Settings):  # noqa: ANN202
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
        client = chroma_client(settings)
        name = server_collection_name(gen)
    else:
        client = chromadb.PersistentClient(path=str(gen / "chroma"), settings=chroma_settings())
        name = COLLECTION
    if create:
        # embedding_function=None: we always pass our own vectors (Chroma's default downloads).
        return client.create_collection(name, embedding_function=None, metadata=COLLECTION_METADATA)
    return client.get_collection(name, embedding_function=None)


def uses_chroma(settings: Settings, chunks: int) -> bool:
    """Whether questions are answered through Chroma (a server, or a large index folder) rather
    than by the exact search over the stored vectors."""
    return bool(settings.chroma_host) or chunks > EXACT_SEARCH_MAX_CHUNKS


def _check_local_chroma(gen: Path) -> None:
    """The generation's Chroma folder holds its database (checked without importing chromadb;
    an emptied folder reads as damaged, as when Chroma answers)."""
    db = gen / "chroma" / "chroma.sqlite3"
    try:
        ok = db.stat().st_size > 0
    except OSError:
        ok = False
    if not ok:
        raise IndexError_(
            f"The index in {gen} is damaged: its Chroma database is missing. "
            "Run `assistant index --rebuild`."
        )


def write_generation(
    gen: Path,
    chunks: list[Chunk],
    vectors: np.ndarray,
    settings: Settings,
    sentence_vectors: np.ndarray,
) -> None:
    import bm25s

    with open(gen / "chunks.jsonl", "w") as fh:
        for c in chunks:
            row = {
                "id": c.id,
                "hash": c.hash,
                "text": c.text,
                "meta": c.metadata.to_json(),
                "sent": c.sentences,
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    np.save(gen / "embeddings.npy", vectors)
    np.save(gen / "sentences.npy", sentence_vectors)  # one row per sentence, in chunk order
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
            metadatas=[chroma_metadata(c.metadata) for c in part],
        )


def chroma_metadata(meta: ChunkMeta) -> dict[str, Any]:
    """Chroma takes scalars only (no None, no lists): the citation fields, plus one boolean per
    substance so a ``where`` filter can select them."""
    out: dict[str, Any] = {
        k: v for k, v in meta.to_json().items() if isinstance(v, str | int | float | bool)
    }
    out["substances"] = ",".join(meta.substances)
    out["trial_names"] = ", ".join(meta.trial_names)
    for s in meta.substances:
        out[f"sub_{s}"] = True
    return out


class IndexStore:
    """One loaded index generation: chunk texts and typed metadata in memory, the record
    catalogue, BM25 and the vectors (Chroma, plus the stored matrix for exact filtered search).

    The command line and the app read the index only through this class: :meth:`catalog`,
    :meth:`record`, :meth:`record_body`, :meth:`counts`, :attr:`built_at`, :meth:`changed`.
    """

    def __init__(self, settings: Settings) -> None:
        import bm25s

        gen = current_generation(settings.index_dir)
        if gen is None or not gen.is_dir():
            raise IndexError_(f"No index in {settings.index_dir}. Build it with `assistant index`.")
        self.settings = settings
        self.generation: Path = gen
        self.manifest = read_manifest(gen)
        check_generation_files(gen, self.manifest)
        self.ids: list[str] = []
        self.texts: list[str] = []
        self.metas: list[ChunkMeta] = []
        self.sentences: list[list[tuple[int, int]]] = []
        try:
            with open(gen / "chunks.jsonl", encoding="utf-8") as fh:
                for line in fh:
                    row = json.loads(line)
                    self.ids.append(row["id"])
                    self.texts.append(row["text"])
                    self.metas.append(ChunkMeta.from_json(row["meta"]))
                    self.sentences.append([(int(a), int(b)) for a, b in row["sent"]])
            self.bm25 = bm25s.BM25.load(str(gen / "bm25"))
            self.collection = None
            count = len(self.ids)
            if uses_chroma(settings, len(self.ids)):
                self.collection = open_collection(gen, settings)
                count = self.collection.count()
            else:
                _check_local_chroma(gen)
            self._catalog = {
                rid: RecordInfo.from_json(info["info"])
                for rid, info in self.manifest["records"].items()
            }
        except IndexError_:
            raise
        except Exception as exc:  # a damaged generation must never serve answers
            raise IndexError_(
                f"The index in {gen} cannot be read ({type(exc).__name__}: {exc}). "
                "Run `assistant index --rebuild`."
            ) from None
        if count != len(self.ids) or len(self.ids) != self.manifest.get("chunk_count"):
            raise IndexError_(
                f"The index in {gen} is damaged: {count} vectors for {len(self.ids)} chunks. "
                "Run `assistant index --rebuild`."
            )
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        self._by_record: dict[str, list[int]] = {}
        for pos, meta in enumerate(self.metas):
            self._by_record.setdefault(meta.source_id, []).append(pos)
        self._names = self._name_index()
        try:  # the stored chunk vectors: cosine similarity for any chunk, not only Chroma's top n
            self.vectors = np.load(gen / "embeddings.npy", mmap_mode="r")
        except (OSError, ValueError) as exc:
            raise IndexError_(
                f"The index in {gen} is damaged ({exc}). Run `assistant index --rebuild`."
            ) from None
        if self.vectors.shape[0] != len(self.ids):
            raise IndexError_(
                f"The index in {gen} is damaged (vector count). Run `assistant index --rebuild`."
            )
        # Sentence vectors: chunk ``pos``'s sentences are rows offsets[pos]:offsets[pos + 1].
        self.sentence_offsets = np.cumsum([0, *(len(s) for s in self.sentences)])
        try:
            self.sentence_vectors = np.load(gen / "sentences.npy", mmap_mode="r")
        except (OSError, ValueError) as exc:
            raise IndexError_(
                f"The index in {gen} is damaged ({exc}). Run `assistant index --rebuild`."
            ) from None
        if self.sentence_vectors.shape[0] != self.sentence_offsets[-1]:
            raise IndexError_(
                f"The index in {gen} is damaged (sentence vectors). "
                "Run `assistant index --rebuild`."
            )
        self._doc_freq = self._document_frequencies()
        self._years = np.array([m.year if m.year is not None else -1 for m in self.metas])
        self._evidence = np.array([m.evidence for m in self.metas])
        self._substance_masks: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ what the front ends read

    def catalog(self) -> list[RecordInfo]:
        """Every record in this generation (curated and the user's), by id."""
        return [self._catalog[k] for k in sorted(self._catalog)]

    def record(self, record_id: str) -> RecordInfo | None:
        return self._catalog.get(record_id)

    def record_body(self, record_id: str) -> str | None:
        """The record's text as written (None when the record or its file is gone)."""
        info = self.manifest["records"].get(record_id)
        path = info.get("path") if info else None
        if not path:
            return None
        try:
            return parse_record(Path(path)).body
        except (CorpusError, OSError):
            return None

    def record_positions(self, record_id: str) -> list[int]:
        """Positions of the record's chunks, in text order."""
        return list(self._by_record.get(record_id, ()))

    def similarity(self, pos: int, i: int, query_vec: Any) -> float:
        """Cosine similarity of the ``i``-th sentence of chunk ``pos`` to a query vector (0.0 when
        either is missing)."""
        if query_vec is None:
            return 0.0
        vecs = self.sentence_vectors_of(pos)
        return float(vecs[i] @ query_vec) if i < len(vecs) else 0.0

    def curated_sentences(
        self, holding: re.Pattern[str] | None = None, records: set[str] | None = None
    ) -> Iterator[tuple[int, int, int, str]]:
        """(chunk position, sentence index in the chunk, start, sentence) of the one-line
        sentences of the curated records (``records`` only, when given), in catalog order;
        only in chunks ``holding`` matches, when given. A route looking for one kind of sentence
        anywhere in the library reads them here (and their vectors by position)."""
        for rec in self.catalog():
            if rec.user or (records and rec.id not in records):
                continue
            for pos in self.record_positions(rec.id):
                body = self.texts[pos]
                if holding is not None and not holding.search(body):
                    continue
                for i, (s, e) in enumerate(self.sentences[pos]):
                    sentence = body[s:e].strip()
                    if "\n" not in sentence:
                        yield pos, i, s, sentence

    def counts(self) -> dict[str, int]:
        user = sum(1 for r in self._catalog.values() if r.user)
        return {
            "records": len(self._catalog),
            "curated": len(self._catalog) - user,
            "user": user,
            "chunks": len(self.ids),
        }

    @property
    def built_at(self) -> str:
        return str(self.manifest.get("built_at", ""))

    def changed(self) -> bool:
        """True when another build or ingest has made a newer generation live (running
        processes check this before each question and reload)."""
        return current_generation(self.settings.index_dir) != self.generation

    # ------------------------------------------------------------------ text statistics

    def _document_frequencies(self) -> Counter[str]:
        df: Counter[str] = Counter()
        for text, meta in zip(self.texts, self.metas, strict=True):
            df.update(set(tokenize(f"{meta.title} {meta.names} {text}")))
        return df

    def _name_index(self) -> dict[str, list[int]]:
        """Record-name token -> the first chunks of the records with that name.

        Names are the "Author et al. YEAR" cite and trial names (BACLAD, ALPADIR): a question
        that names a study should find that study even when its text rarely repeats the name.
        """
        index: dict[str, list[int]] = {}
        for positions in self._by_record.values():
            for pos in positions[:3]:
                for tok in set(tokenize(self.metas[pos].names)) - {"et", "al"}:
                    index.setdefault(tok, []).append(pos)
        return index

    def named(self, query: str, filters: Filters | None = None) -> list[tuple[int, float]]:
        """(chunk position, name score) of the records the query names, best first (empty when
        none is named)."""
        toks = [t for t in set(tokenize(query)) if t in self._names]
        if not any(not t.isdigit() for t in toks):
            return []  # a year alone names nothing
        n_records = max(1, len(self._catalog))
        score: dict[int, float] = {}
        for t in toks:
            positions = self._names[t]
            w = math.log(1 + n_records / max(1, len(positions) / 3))
            for p in positions:
                score[p] = score.get(p, 0.0) + w
        mask = self.mask(filters)
        ranked = sorted(score, key=lambda p: (-score[p], p))
        return [(p, score[p]) for p in ranked if mask is None or mask[p]][
            : self.settings.candidates
        ]

    def vocabulary(self) -> set[str]:
        return set(self._doc_freq)

    def idf(self, token: str) -> float:
        n = len(self.ids)
        return math.log(
            1 + (n - self._doc_freq.get(token, 0) + 0.5) / (self._doc_freq.get(token, 0) + 0.5)
        )

    def mask(self, filters: Filters | None) -> np.ndarray | None:
        """Boolean mask of chunks that pass the filters (None when there are no filters)."""
        if not filters:
            return None
        m = np.ones(len(self.ids), dtype=bool)
        if filters.evidence:
            m &= np.isin(self._evidence, list(filters.evidence))
        if filters.substances:
            sub = np.zeros(len(self.ids), dtype=bool)
            for s in filters.substances:
                sub |= self._substance(s)
            m &= sub
        if filters.year_min:
            m &= self._years >= int(filters.year_min)
        if filters.year_max:
            m &= (self._years <= int(filters.year_max)) & (self._years >= 0)
        if filters.records is not None:
            allowed = np.zeros(len(self.ids), dtype=bool)
            for rid in filters.records:
                allowed[self._by_record.get(rid, [])] = True
            m &= allowed
        return m

    def _substance(self, name: str) -> np.ndarray:
        """Boolean mask of the chunks about one substance (computed once per substance)."""
        if name not in self._substance_masks:
            self._substance_masks[name] = np.array([name in m.substances for m in self.metas])
        return self._substance_masks[name]

    # ------------------------------------------------------------------ the two retrievers

    def dense(
        self, query_vec: np.ndarray, n: int, filters: Filters | None = None
    ) -> list[tuple[int, float]]:
        """(chunk position, cosine similarity), best first.

        Filtered queries, and every query while the vectors are in the index folder and number
        at most :data:`EXACT_SEARCH_MAX_CHUNKS`, are exact: :meth:`mask` picks the allowed chunks
        and one matrix-vector product over their vectors (the generation's ``embeddings.npy``,
        memory-mapped at load) ranks them. Otherwise unfiltered queries use Chroma's HNSW index
        (on a Chroma server, or in the folder for a large index). Chroma's ``where`` filter
        slows down with the collection (about 0.3 s at 100k chunks; see
        ``python -m benchmarks --only scale``) and its filtered HNSW search can miss neighbours.
        """
        n = min(n, len(self.ids))
        if n == 0:
            return []
        mask = self.mask(filters)
        if mask is not None or self.collection is None:
            vectors = self.vectors
            q = np.asarray(query_vec, dtype=vectors.dtype)
            if mask is None:
                allowed = None
                sims = vectors @ q
            else:
                allowed = np.flatnonzero(mask)
                sims = vectors[allowed] @ q
            top = np.argpartition(-sims, n - 1)[:n] if sims.size > n else np.arange(sims.size)
            top = top[np.argsort(-sims[top], kind="stable")]
            if allowed is None:
                return [(int(i), float(sims[i])) for i in top]
            return [(int(allowed[i]), float(sims[i])) for i in top]
        with self._lock:  # Chroma's embedded client is used from Gradio worker threads
            res = self.collection.query(
                query_embeddings=[query_vec.tolist()],
                n_results=n,
                include=["distances"],
            )
        ids, dists = res["ids"][0], res["distances"][0]
        return [(self.position[c], 1.0 - float(d)) for c, d in zip(ids, dists, strict=True)]

    def lexical(
        self, query: str, n: int, filters: Filters | None = None
    ) -> list[tuple[int, float]]:
        tokens = tokenize(query)
        if not tokens or not self.ids:
            return []
        mask = self.mask(filters)
        if mask is not None and not mask.any():
            return []
        n = min(n, len(self.ids))
        kwargs: dict[str, Any] = {"k": n, "show_progress": False, "n_threads": 0}
        if mask is not None:
            kwargs["weight_mask"] = mask.astype(np.float32)
        docs, scores = self.bm25.retrieve([tokens], **kwargs)
        return [(int(d), float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def sentence_vectors_of(self, pos: int) -> np.ndarray:
        """The vectors of chunk ``pos``'s sentences (rows in the order of ``sentences[pos]``)."""
        return self.sentence_vectors[self.sentence_offsets[pos] : self.sentence_offsets[pos + 1]]

    def context(self, pos: int, **kw: Any) -> Context:
        return Context(chunk_id=self.ids[pos], text=self.texts[pos], metadata=self.metas[pos], **kw)
