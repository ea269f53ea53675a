"""The index: embeddings, the on-disk generations (Chroma + BM25) and hybrid retrieval."""
