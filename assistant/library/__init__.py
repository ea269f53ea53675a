"""The library: curated records, the user's documents, their formats and chunking."""
