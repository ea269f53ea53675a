"""Shared pieces of the benchmarks: timing statistics, peak memory, progress, tables, context."""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

_T0 = time.perf_counter()


def log(msg: str) -> None:
    """Progress on stderr (stdout carries only the result tables)."""
    print(f"[bench {time.perf_counter() - _T0:6.1f}s] {msg}", file=sys.stderr, flush=True)


def summarize(seconds: Sequence[float]) -> dict[str, float | int]:
    """Latency statistics in milliseconds (p50 and p95 by linear interpolation)."""
    a = np.asarray(seconds, dtype=np.float64) * 1000.0
    if a.size == 0:
        return {"n": 0}
    return {
        "n": int(a.size),
        "p50_ms": round(float(np.percentile(a, 50)), 3),
        "p95_ms": round(float(np.percentile(a, 95)), 3),
        "mean_ms": round(float(a.mean()), 3),
        "min_ms": round(float(a.min()), 3),
        "max_ms": round(float(a.max()), 3),
    }


def time_calls(
    fn: Callable[[Any], Any], inputs: Sequence[Any], warmup: int = 3
) -> tuple[list[float], list[Any]]:
    """Call ``fn`` on each input (after ``warmup`` untimed calls); seconds and return values."""
    for x in list(inputs)[:warmup]:
        fn(x)
    seconds, outputs = [], []
    for x in inputs:
        t0 = time.perf_counter()
        out = fn(x)
        seconds.append(time.perf_counter() - t0)
        outputs.append(out)
    return seconds, outputs


def rss_mb() -> float:
    """Current resident set size of this process (MB)."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def high_water_mb() -> float:
    """Peak RSS since the last :func:`reset_high_water` (``getrusage`` ru_maxrss, in MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_high_water() -> bool:
    """Reset the kernel's peak-RSS mark to the current RSS (Linux >= 4.0), so that ru_maxrss
    measures one section on its own. False when the kernel refuses (then peaks accumulate)."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


class PeakRss:
    """``with PeakRss() as m: ...`` then ``m.result()``: RSS at start/end and the peak between."""

    def __enter__(self) -> PeakRss:
        self.reset = reset_high_water()
        self.start = rss_mb()
        return self

    def __exit__(self, *exc: object) -> None:
        self.end = rss_mb()
        self.peak = high_water_mb()

    def result(self) -> dict[str, Any]:
        return {
            "peak_rss_mb": round(self.peak, 1),
            "start_rss_mb": round(self.start, 1),
            "end_rss_mb": round(self.end, 1),
            # False: the kernel did not allow a reset, so the peak is the whole process's so far.
            "peak_is_per_section": self.reset,
        }


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain fixed-width text table (numbers right-aligned)."""

    def cell(v: Any) -> str:
        if v is None:
            return "-"
        if isinstance(v, float):
            return f"{v:,.1f}" if abs(v) >= 100 else f"{v:.2f}"
        return str(v)

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    numeric = [
        all(isinstance(row[i], int | float) or row[i] is None for row in rows)
        for i in range(len(headers))
    ]

    def line(vals: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(vals, widths, numeric, strict=True)
        ).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    return "\n".join(out)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


@dataclass
class Context:
    """What the sections share within one run: the loaded model and the project-corpus index."""

    workdir: Path
    threads: int = 1
    embedder: Any = None
    corpus_settings: Any = None  # assistant Settings of an index built over the project corpus
    notes: list[str] = field(default_factory=list)

    def get_embedder(self) -> Any:
        if self.embedder is None:
            from assistant.index.embeddings import get_embedder

            log("loading the embedding model ...")
            self.embedder = get_embedder("", threads=self.threads)
        return self.embedder

    def corpus_index(self) -> Any:
        """Settings of a temporary index of the project corpus (built untimed on first use)."""
        if self.corpus_settings is None:
            from assistant.index.build import build_index
            from assistant.settings import Settings

            settings = Settings(index_dir=self.workdir / "corpus-index", torch_threads=self.threads)
            log(f"indexing the project corpus into {settings.index_dir} (untimed) ...")
            report = build_index(settings, progress=False, embedder=self.get_embedder())
            log(report.summary())
            self.corpus_settings = settings
        return self.corpus_settings
