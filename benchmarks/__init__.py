"""Speed benchmarks of baclofen-assistant: ``python -m benchmarks --help`` (or ``make bench``).

Sections: warm query latency against a plain LangChain RAG (``latency``), index build throughput
and incremental re-index (``build``), 10k/100k-chunk retrieval with synthetic vectors (``scale``),
and cold start of the CLI and the app (``coldstart``). Results: ``benchmarks/results/*.json``.
"""
