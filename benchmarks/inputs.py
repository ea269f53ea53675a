"""Section 5: big inputs through ``assistant ingest``: a 1 MB text on one line, a 300-page PDF and
a PubMed (MEDLINE) export of 5,000 records.

Each is generated (made-up text, fixed seed), then added by a new ``python -m assistant ingest``
process to a copy of a small index (the three-record test corpus, built once, untimed), as a
user would: the time includes starting the process and loading the model. Peak memory is the
child's own (``wait4``); the progress lines it prints on the way are counted. Almost all of the
time is embedding: the table gives the chunks and sentences embedded.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Context, log, table

SEED = 20261202
WORDS = [
    "baclofen",
    "craving",
    "alcohol",
    "dependence",
    "relapse",
    "abstinence",
    "placebo",
    "randomised",
    "trial",
    "cohort",
    "dose",
    "titration",
    "somnolence",
    "sedation",
    "dizziness",
    "withdrawal",
    "renal",
    "clearance",
    "participants",
    "patients",
    "weeks",
    "months",
    "outcome",
    "reduction",
    "consumption",
    "heavy",
    "drinking",
    "days",
    "tolerability",
    "adverse",
    "events",
    "the",
    "of",
    "and",
    "in",
    "to",
    "with",
    "for",
    "on",
    "was",
    "were",
    "at",
    "by",
    "from",
    "as",
    "that",
    "this",
    "than",
    "after",
    "during",
    "between",
    "study",
    "group",
    "results",
    "showed",
    "compared",
    "higher",
    "lower",
    "mean",
    "baseline",
    "treatment",
    "clinical",
    "evidence",
]

TINY = {
    "alpha2001": (
        '---\nid: alpha2001\ntitle: "Baclofen for imaginary zorbitol dependence"\n'
        'authors: ["Doe J"]\nyear: 2001\nevidence: rct\nsubstances: [alcohol]\n---\n'
        "## Summary\nIn this made-up pilot trial, baclofen lowered zorbitol craving scores.\n"
    ),
    "beta2005": (
        '---\nid: beta2005\ntitle: "Quasitrol withdrawal and baclofen"\nauthors: ["Roe R"]\n'
        "year: 2005\nevidence: cohort\nsubstances: [opioids]\n---\n"
        "## Summary\nTwelve people in quasitrol withdrawal took baclofen in this invented study.\n"
    ),
}


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def one_line_text(size: int, rng: random.Random) -> str:
    """``size`` characters of words on one line, with no sentence end: the worst case (every
    chunk is one long "sentence")."""
    out: list[str] = []
    n = 0
    while n < size:
        w = rng.choice(WORDS)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)[:size] + "\n"


def pdf_pages(pages: int, rng: random.Random) -> bytes:
    from benchmarks.pdf import make_pdf

    return make_pdf(
        [[_sentence(rng, 11) for _ in range(38)] for _ in range(pages)],
        {"Title": "A made-up report of 300 pages", "Author": "Bench A; Mark B"},
    )


def medline_export(records: int, rng: random.Random, sentences: int = 6) -> str:
    """A PubMed export (MEDLINE format) of ``records`` made-up articles whose abstracts have
    ``sentences`` sentences each."""
    out = []
    for i in range(records):
        pmid = 90_000_000 + i
        abstract = " ".join(_sentence(rng, rng.randint(12, 20)) for _ in range(sentences))
        lines = [
            f"PMID- {pmid}",
            f"TI  - {_sentence(rng, 10)[:-1]} in an invented cohort {i}.",
            *_wrap("AB  - ", abstract),
            "FAU - Doe, Jane",
            "AU  - Doe J",
            f"DP  - {2000 + i % 25} Mar",
            "JT  - Journal of Invented Addiction Medicine",
            "PT  - Journal Article",
            "PT  - Randomized Controlled Trial" if i % 3 == 0 else "PT  - Review",
            f"AID - 10.9999/bench.{i} [doi]",
        ]
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def _wrap(tag: str, text: str, width: int = 82) -> list[str]:
    words, lines, cur = text.split(), [], tag
    for w in words:
        if len(cur) + len(w) + 1 > width:
            lines.append(cur.rstrip())
            cur = "      "
        cur += w + " "
    lines.append(cur.rstrip())
    return lines


def _base_index(ctx: Context) -> Any:
    from assistant.index.build import build_index
    from assistant.settings import Settings

    corpus = ctx.workdir / "inputs-corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for rid, text in TINY.items():
        (corpus / f"{rid}.md").write_text(text)
    settings = Settings(
        corpus_dir=corpus, index_dir=ctx.workdir / "inputs-base", torch_threads=ctx.threads
    )
    build_index(settings, progress=False, embedder=ctx.get_embedder())
    return settings


def _ingest(
    ctx: Context, base: Any, path: Path, name: str, timeout: float = 3600
) -> dict[str, Any]:
    from assistant.settings import PROJECT_DIR

    index = ctx.workdir / f"inputs-{name}"
    shutil.rmtree(index, ignore_errors=True)
    shutil.copytree(base.index_dir, index, ignore=shutil.ignore_patterns(".lock", ".library.lock"))
    env = dict(
        os.environ,
        ASSISTANT_CORPUS_DIR=str(base.corpus_dir),
        ASSISTANT_INDEX_DIR=str(index),
        ASSISTANT_TORCH_THREADS=str(ctx.threads),
    )
    out, err = ctx.workdir / f"inputs-{name}.out", ctx.workdir / f"inputs-{name}.err"
    log(f"inputs: assistant ingest {path.name} ({path.stat().st_size / 1e6:.1f} MB) ...")
    with open(out, "wb") as fo, open(err, "wb") as fe:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "assistant", "ingest", str(path)],
                                stdout=fo, stderr=fe, cwd=PROJECT_DIR, env=env)  # fmt: skip
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                rc = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - t0 > timeout:
                proc.kill()
                proc.wait()
                raise RuntimeError(f"ingest of {path.name} did not finish in {timeout:.0f} s")
            time.sleep(0.05)
        seconds = time.perf_counter() - t0
    stdout, stderr = out.read_text(), err.read_text(errors="replace")
    if rc != 0:
        raise RuntimeError(f"ingest of {path.name} failed (exit {rc}): {stderr[-800:]}")
    summary = next((ln for ln in stdout.splitlines() if ln.startswith("Index ")), "")
    m = re.search(r"(\d+) chunks; embedded (\d+)", summary)
    # tqdm redraws its bar with \r: count the distinct progress updates too
    updates = len([x for x in re.split(r"[\r\n]", stderr) if x.strip()])
    shutil.rmtree(index, ignore_errors=True)
    return {
        "file": path.name,
        "mb": round(path.stat().st_size / 1e6, 2),
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "records_added": sum(1 for ln in stdout.splitlines() if ln.startswith("added ")),
        "chunks_in_index": int(m.group(1)) if m else None,
        "chunks_embedded": int(m.group(2)) if m else None,
        "progress_updates": updates,
        "phases": [ln for ln in stderr.splitlines() if ln.strip() and "Embedding" not in ln][:12],
        "summary": summary,
    }


def run(ctx: Context, scale: float = 1.0) -> dict[str, Any]:
    rng = random.Random(SEED)
    base = _base_index(ctx)
    folder = ctx.workdir / "inputs-files"
    folder.mkdir(exist_ok=True)
    sizes = {
        "one_line_text": max(20_000, int(1_000_000 * scale)),
        "pdf_pages": max(10, int(300 * scale)),
        "medline_records": max(50, int(5_000 * scale)),
    }
    files = {
        "one_line_text": folder / "one-line.txt",
        "pdf": folder / "report.pdf",
        "medline": folder / "export.nbib",
    }
    files["one_line_text"].write_text(one_line_text(sizes["one_line_text"], rng))
    files["pdf"].write_bytes(pdf_pages(sizes["pdf_pages"], rng))
    files["medline"].write_text(medline_export(sizes["medline_records"], rng))
    res: dict[str, Any] = {"scale": scale, "sizes": sizes, "inputs": {}}
    for name, path in files.items():
        res["inputs"][name] = _ingest(ctx, base, path, name)
    return res


def render(res: dict[str, Any]) -> str:
    labels = {
        "one_line_text": f"{res['sizes']['one_line_text'] / 1e6:.1f} MB text on one line",
        "pdf": f"{res['sizes']['pdf_pages']}-page PDF",
        "medline": f"PubMed export, {res['sizes']['medline_records']:,} records",
    }
    rows = [
        [labels[k], r["mb"], r["records_added"], r["chunks_embedded"], r["seconds"],
         r["peak_rss_mb"], r["progress_updates"]]
        for k, r in res["inputs"].items()
    ]  # fmt: skip
    return (
        "a new `assistant ingest FILE` process each (model load included), into a small index\n"
        + table(
            [
                "input",
                "MB",
                "records",
                "chunks embedded",
                "seconds",
                "peak RSS MB",
                "progress lines",
            ],
            rows,
        )
    )
