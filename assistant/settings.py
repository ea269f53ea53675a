"""All settings in one typed object, read from ``ASSISTANT_*`` environment variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_DIR = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    corpus_dir: Path = PROJECT_DIR / "corpus"
    index_dir: Path = PROJECT_DIR / "index"
    # Embedding model: a folder with sentence-transformers weights; empty = the bundled package.
    model_path: str = ""
    torch_threads: int = Field(default=0, description="0 = torch's default")
    embed_batch_size: int = 32
    # Chunking (changing these rebuilds the index: they are part of the manifest).
    chunk_size: int = 800
    chunk_overlap: int = 120
    # Retrieval.
    k: int = 6  # contexts handed to the composer
    candidates: int = 30  # per retriever, before fusion
    rrf_k: int = 60
    max_per_source: int = 2  # chunks of one record among the k (0 = no cap)
    # Composition.
    max_sentences: int = 3
    # Abstain when the best context is this dissimilar to the question (cosine) ...
    min_similarity: float = 0.42
    # ... and too few of the question's content words appear in the retrieved text.
    min_term_coverage: float = 0.5
    # Your documents (`assistant ingest`): files larger than this (MB) are refused.
    max_upload_mb: float = 50.0
    # The number the app's emergency notice offers to call (tap to call on a phone).
    emergency_number: str = Field(default="112", pattern=r"^\+?[0-9][0-9 \-]{1,14}$")
    # Chroma server (optional): when set, the index lives on that server instead of on disk.
    chroma_host: str | None = Field(default=None, validation_alias="CHROMA_HOST")
    chroma_port: int = Field(default=8000, validation_alias="CHROMA_PORT")
    chroma_ssl: bool = False  # https (``--chroma-url https://...``)
