"""The benchmark runner: command line, sections, targets, tables and the JSON result file."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.common import Context, PeakRss, log, table, verdict

SECTIONS = ("latency", "build", "scale", "coldstart", "inputs")
# Build runs first so that its full rebuild is the index the latency and cold-start sections use.
RUN_ORDER = ("build", "latency", "coldstart", "scale", "inputs")
TITLES = {
    "latency": "1. Query latency, warm: ours vs the plain LangChain RAG",
    "build": "2. Index build: build_index vs the bare encoder; incremental re-index",
    "scale": "3. Scale: 10k / 100k chunks (SYNTHETIC vectors), embedded and server Chroma + numpy + bm25s",
    "coldstart": "4. Cold start: new process to first answer / to the app serving, against the floor",
    "inputs": "5. Big inputs: 1 MB on one line, a 300-page PDF, a 5,000-record PubMed export",
}
RESULTS_DIR = Path(__file__).resolve().parent / "results"
PACKAGES = ("torch", "sentence-transformers", "onnxruntime", "tokenizers", "chromadb", "bm25s",
            "langchain-chroma", "langchain-huggingface", "langchain-core", "numpy", "gradio")  # fmt: skip


@dataclass
class Config:
    sections: tuple[str, ...] = SECTIONS
    quick: bool = False
    threads: int = 1
    passes: int = 3
    max_questions: int | None = None
    scales: tuple[int, ...] = (10_000, 100_000)
    scale_queries: int = 60
    serve: bool = True
    chroma_server: bool = True  # the scale section also runs against a real `chroma run`
    cold_runs: int = 5
    inputs_scale: float = 1.0  # 1.0 = 1 MB, 300 pages, 5,000 records
    build_corpus: Path | None = None  # None = the project corpus
    keep: bool = False


HELP = """\
Speed benchmarks of baclofen-assistant. Everything runs offline on the CPU, in temporary folders
(the project's own index/ is never touched). Progress goes to stderr; stdout gets one table per
section and a PASS/MISS line per target; the figures are written as JSON to
benchmarks/results/<timestamp>.json and benchmarks/results/latest.json.

Sections (--only takes these names):
  latency    warm query latency over the in-scope questions of eval/questions.yaml, interleaved:
             the plain LangChain RAG a newcomer writes (langchain_chroma.Chroma +
             HuggingFaceEmbeddings, similarity_search(q, k=5)), our retrieval alone, our full
             Assistant.ask, and the query embedding alone; p50/p95 and our ratio to the plain RAG
  build      SentenceTransformer.encode of every chunk vs build_index(rebuild=True) on the same
             chunks (throughput ratio, share of time spent embedding), a no-change build, and an
             incremental re-index after editing one record (in a copy of the corpus)
  scale      10k and 100k synthetic chunks (random unit vectors: embedding 100k real chunks would
             take ~2 h here; queries use the real model) in a real Chroma: insert time, query
             p50/p95 unfiltered and filtered (Chroma `where`, Chroma `ids=`, exact numpy), the
             production IndexStore.dense/lexical paths, bm25s index and query, peak RSS
             in the index folder, and the same chunks on a real Chroma server (`chroma run` on
             127.0.0.1): insert over HTTP, unfiltered and `where` queries, IndexStore.dense as
             it runs with --chroma-url
  coldstart  new `python -m assistant ask --json` processes to their answer, and new
             `python -m assistant serve` processes to HTTP 200 (prebuilt index; median of
             several runs after an untimed one), each against its floor: a new process that
             only imports the same packages and loads the same files, none of our code
  inputs     new `python -m assistant ingest FILE` processes on generated big inputs: a 1 MB
             text on one line, a 300-page PDF, a PubMed export of 5,000 records (time, peak
             memory, chunks embedded, progress lines)

Targets: warm ask p50 <= 50 ms; warm ask p50 <= 1.5x plain RAG p50; build throughput ratio
>= 0.90; 100k filtered dense p95 < 100 ms (folder and server); new process to first answer
<= 3 s; new process to the app serving <= 6 s.

A full run takes about 35-45 minutes on a 2-core machine (most of it embedding: the corpus twice
for the build section and the big inputs, and inserting 100k vectors into Chroma twice). Other
processes using the CPU inflate every figure: the JSON records the load average before and
after.
"""

EPILOG = """\
examples:
  python -m benchmarks                         everything (make bench)
  python -m benchmarks --quick                 10k scale only, 1 pass, 30 questions, inputs at 1/20
  python -m benchmarks --only coldstart        the cold-start figures against their targets
  python -m benchmarks --only latency,coldstart
  python -m benchmarks --only scale --scales 10000,50000,100000
  python -m benchmarks --threads 2 --out /tmp/bench
  make bench ARGS="--only build"
"""


def parse_args(argv: Sequence[str] | None = None) -> tuple[Config, Path]:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=HELP,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--quick", action="store_true",
                   help="10k scale only, 1 latency pass over at most 30 questions, 30 scale queries")  # fmt: skip
    p.add_argument("--only", metavar="NAME,...",
                   help=f"run only these sections (comma-separated): {', '.join(SECTIONS)}")  # fmt: skip
    p.add_argument("--out", metavar="DIR", type=Path, default=RESULTS_DIR,
                   help="where the JSON results go (default: benchmarks/results/)")  # fmt: skip
    p.add_argument("--threads", type=int, default=1,
                   help="torch threads for the whole run, model encoding included (default: 1; "
                        "on a shared 2-core CPU two threads are often slower)")  # fmt: skip
    p.add_argument("--passes", type=int, default=None,
                   help="latency passes over the question set (default: 3; --quick: 1)")  # fmt: skip
    p.add_argument("--questions", type=int, default=None, metavar="N",
                   help="use at most N in-scope questions (default: all; --quick: 30)")  # fmt: skip
    p.add_argument("--scales", default=None, metavar="N,...",
                   help="chunk counts for the scale section (default: 10000,100000; --quick: 10000)")  # fmt: skip
    p.add_argument("--scale-queries", type=int, default=None, metavar="N",
                   help="queries per measured path in the scale section (default: 60; --quick: 30)")  # fmt: skip
    p.add_argument("--no-serve", action="store_true",
                   help="skip the app cold start (the `assistant serve` process)")  # fmt: skip
    p.add_argument("--no-chroma-server", action="store_true",
                   help="scale section: skip the runs against a real `chroma run` server")  # fmt: skip
    p.add_argument("--cold-runs", type=int, default=None, metavar="N",
                   help="timed runs per cold-start figure (default: 5; --quick: 2)")  # fmt: skip
    p.add_argument("--inputs-scale", type=float, default=None, metavar="F",
                   help="size of the big inputs (default: 1.0 = 1 MB, 300 pages, 5,000 records; "
                        "--quick: 0.05)")  # fmt: skip
    p.add_argument("--keep", action="store_true", help="keep the temporary folder (for inspection)")
    a = p.parse_args(argv)
    sections = SECTIONS
    if a.only:
        sections = tuple(s.strip() for s in a.only.split(",") if s.strip())
        bad = [s for s in sections if s not in SECTIONS]
        if bad:
            p.error(f"unknown section(s) {', '.join(bad)}; choose from {', '.join(SECTIONS)}")
    if a.threads < 1:
        p.error("--threads must be at least 1")
    if a.scales:
        try:
            scales = tuple(int(x.replace("_", "")) for x in a.scales.split(",") if x.strip())
        except ValueError:
            p.error(f"--scales: expected numbers like 10000,100000, got {a.scales!r}")
    else:
        scales = (10_000,) if a.quick else (10_000, 100_000)
    return Config(
        sections=sections,
        quick=a.quick,
        threads=a.threads,
        passes=a.passes or (1 if a.quick else 3),
        max_questions=a.questions or (30 if a.quick else None),
        scales=scales,
        scale_queries=a.scale_queries or (30 if a.quick else 60),
        serve=not a.no_serve,
        chroma_server=not a.no_chroma_server,
        cold_runs=a.cold_runs or (2 if a.quick else 5),
        inputs_scale=a.inputs_scale or (0.05 if a.quick else 1.0),
        keep=a.keep,
    ), a.out


def load_in_scope_questions(limit: int | None = None) -> list[str]:
    """In-scope questions of eval/questions.yaml (the ones the assistant should answer)."""
    try:
        from assistant.evaluation.run import load_questions

        items = [(q.question, q.abstain) for q in load_questions()]
    except ImportError:
        import yaml

        from assistant.settings import PROJECT_DIR

        data = yaml.safe_load((PROJECT_DIR / "eval" / "questions.yaml").read_text(encoding="utf-8"))
        items = [(d["question"], bool(d.get("abstain"))) for d in data]
    qs = [q for q, abstain in items if not abstain]
    return qs[:limit] if limit else qs


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def run(
    cfg: Config,
    ctx: Context | None = None,
    questions: list[str] | None = None,
    partial: Path | None = None,
) -> dict[str, Any]:
    """Run the selected sections; returns the result dict (also what is written as JSON)."""
    import torch

    import assistant  # noqa: F401  (offline switches before any model or Chroma import)

    torch.set_num_threads(cfg.threads)
    own_workdir = ctx is None
    if ctx is None:
        ctx = Context(workdir=Path(tempfile.mkdtemp(prefix="baclofen-bench-")), threads=cfg.threads)
    # One ONNX export of the query encoder for every index of the run (its time is reported).
    os.environ.setdefault("ASSISTANT_ENCODER_DIR", str(ctx.workdir / "encoder"))
    questions = questions or load_in_scope_questions(cfg.max_questions)
    results: dict[str, Any] = {
        "meta": {
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "host": platform.node(),
            "platform": platform.platform(),
            "cpu_count": os.cpu_count(),
            "load_average_start": [round(x, 2) for x in os.getloadavg()],
            "torch_threads": torch.get_num_threads(),
            "versions": _versions(),
            "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(cfg).items()},
            "questions": len(questions),
            "notes": [
                "Wall-clock figures on a shared machine: other processes using the CPU inflate "
                "them (see load_average_start/end).",
                "The scale section uses SYNTHETIC random unit vectors for the chunks (real "
                "model for the queries).",
            ],
        },
        "sections": {},
        "errors": {},
    }
    log(f"workdir {ctx.workdir}; torch threads {torch.get_num_threads()}; "
        f"load average {os.getloadavg()[0]:.2f}; {len(questions)} questions")  # fmt: skip
    from benchmarks import build, coldstart, inputs, latency, scale

    try:
        for name in RUN_ORDER:
            if name not in cfg.sections:
                continue
            log(f"== {TITLES[name]}")
            t0 = time.perf_counter()
            try:
                with PeakRss() as mem:
                    if name == "latency":
                        res = latency.run(ctx, questions, passes=cfg.passes)
                    elif name == "build":
                        res = build.run(ctx, corpus_dir=cfg.build_corpus)
                    elif name == "scale":
                        res = scale.run(ctx, cfg.scales, questions, n_queries=cfg.scale_queries,
                                        server=cfg.chroma_server)  # fmt: skip
                    elif name == "inputs":
                        res = inputs.run(ctx, scale=cfg.inputs_scale)
                    else:
                        res = coldstart.run(ctx, questions[0], serve=cfg.serve, runs=cfg.cold_runs)
                res["memory"] = {**mem.result(), **res.get("memory", {})}
                res["section_seconds"] = round(time.perf_counter() - t0, 1)
                results["sections"][name] = res
                if partial is not None:  # a long run that is stopped keeps what it measured
                    partial.parent.mkdir(parents=True, exist_ok=True)
                    partial.write_text(json.dumps(results, indent=1, default=str))
            except Exception as exc:  # one failing section must not lose the others' figures
                log(f"section {name} FAILED: {type(exc).__name__}: {exc}")
                results["errors"][name] = "".join(traceback.format_exception(exc))[-4000:]
    finally:
        if own_workdir and not cfg.keep:
            shutil.rmtree(ctx.workdir, ignore_errors=True)
        elif own_workdir:
            log(f"kept {ctx.workdir}")
    results["meta"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results["meta"]["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    results["targets"] = targets(results)
    return results


def _get(d: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def _largest_scale(results: dict[str, Any], at_least: int) -> str | None:
    scales = _get(results, "sections", "scale", "scales") or {}
    big = [k for k in scales if int(k) >= at_least]
    return max(big, key=int) if big else None


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    s = results["sections"]
    big = _largest_scale(results, 100_000)
    rows: list[tuple[str, Any, str, float, str]] = [
        ("warm ask p50", _get(s, "latency", "methods", "ours_ask", "p50_ms"), "<=", 50, "ms"),
        ("warm ask p50 / plain RAG p50", _get(s, "latency", "ratios", "ours_ask_vs_plain", "p50"), "<=", 1.5, "x"),
        ("build throughput ratio (build_index / bare encoder)", _get(s, "build", "throughput_ratio"), ">=", 0.90, ""),
        (f"{int(big):,} filtered dense p95 (IndexStore.dense)" if big else "100k filtered dense p95 (IndexStore.dense)",
         _get(s, "scale", "scales", big, "dense", "store_dense_filtered", "p95_ms") if big else None, "<", 100, "ms"),
        (f"{int(big):,} dense p95 on a Chroma server (IndexStore.dense)" if big else "100k dense p95 on a Chroma server (IndexStore.dense)",
         _get(s, "scale", "server", big, "dense", "store_dense_unfiltered", "p95_ms") if big else None, "<", 100, "ms"),
        ("new process to first answer (ask --json, median)", _get(s, "coldstart", "ask", "median_s"), "<=", 3.0, "s"),
        ("new process to the app serving (HTTP 200, median)", _get(s, "coldstart", "serve", "median_s"), "<=", 6.0, "s"),
    ]  # fmt: skip
    out = []
    for name, value, op, limit, unit in rows:
        ok = None
        if value is not None:
            ok = {"<=": value <= limit, ">=": value >= limit, "<": value < limit}[op]
        out.append({"target": name, "value": value, "op": op, "limit": limit, "unit": unit,
                    "verdict": verdict(ok)})  # fmt: skip
    return out


def render(results: dict[str, Any]) -> str:
    from benchmarks import build, coldstart, inputs, latency, scale

    renderers = {"latency": latency.render, "build": build.render, "scale": scale.render,
                 "coldstart": coldstart.render, "inputs": inputs.render}  # fmt: skip
    m = results["meta"]
    parts = [
        f"baclofen-assistant benchmarks, {m['started']} on {m['host']} ({m['cpu_count']} CPUs), "
        f"torch threads {m['torch_threads']}, load average {m['load_average_start'][0]:.2f} -> "
        f"{m['load_average_end'][0]:.2f} (other processes share this CPU when it is above ~0.2)"
    ]
    for name in SECTIONS:
        if name in results["sections"]:
            res = results["sections"][name]
            mem = res["memory"]
            parts.append(
                f"\n== {TITLES[name]}  [{res['section_seconds']:.0f} s, peak RSS "
                f"{mem['peak_rss_mb']:,.0f} MB]\n{renderers[name](res)}"
            )
        elif name in results["errors"]:
            last = results["errors"][name].strip().splitlines()[-1]
            parts.append(f"\n== {TITLES[name]}\nFAILED: {last}")
    rows = [
        [t["target"], "-" if t["value"] is None else f"{t['value']}{t['unit']}", f"{t['op']} {t['limit']}{t['unit']}",
         t["verdict"]]
        for t in results["targets"]
    ]  # fmt: skip
    parts.append("\n== Targets\n" + table(["target", "measured", "target", "verdict"], rows))
    return "\n".join(parts)


def write(results: dict[str, Any], out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = json.dumps(results, indent=1, default=str)
    path = out_dir / f"{stamp}.json"
    path.write_text(text)
    (out_dir / "latest.json").write_text(text)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    cfg, out_dir = parse_args(argv)
    results = run(cfg, partial=out_dir / "partial.json")
    print(render(results), flush=True)
    path = write(results, out_dir)
    log(f"results written to {path} and {out_dir / 'latest.json'}")
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
