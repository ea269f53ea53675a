"""Section 4: cold start, from a new process to the first answer and to the app serving.

Each figure is a fresh ``python -m assistant`` process against an index that is already built
(so nothing is embedded): imports, loading the index and the ONNX query encoder, one question.
"Cold" means a new process; the operating system's file cache is warm and the project's
bytecode is compiled, as on any second start of the day (one untimed run first makes it so).

Against each figure stands its floor, measured the same way: a new process that only imports the
packages the path needs and loads the same files, with none of the assistant's own code
(onnxruntime, tokenizers, numpy, bm25s, pydantic-settings, click, LangChain's retrieval chain;
the encoder session, the tokenizer, the chunk texts and vectors, BM25; for the app also Gradio
and a bare Blocks page served). What the assistant adds is the difference.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.common import Context, log, table

ASK_TARGET_S = 3.0
SERVE_TARGET_S = 6.0

# The floor of `assistant ask`: the same third-party imports and file loads, none of our code.
FLOOR_ASK = r"""
import json, sys
from pathlib import Path
import numpy as np, onnxruntime as ort, bm25s, click, pydantic_settings, yaml
from tokenizers import Tokenizer
from langchain_classic.chains import create_retrieval_chain
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda
gen, enc = Path(sys.argv[1]), Path(sys.argv[2])
options = ort.SessionOptions()
options.intra_op_num_threads = 1
options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
session = ort.InferenceSession(str(enc / "model.onnx"), options, providers=["CPUExecutionProvider"])
tokenizer = Tokenizer.from_file(str(enc / "tokenizer.json"))
rows = [json.loads(line) for line in open(gen / "chunks.jsonl", encoding="utf-8")]
vectors = np.load(gen / "embeddings.npy", mmap_mode="r")
sentences = np.load(gen / "sentences.npy", mmap_mode="r")
bm25 = bm25s.BM25.load(str(gen / "bm25"))
e = tokenizer.encode("Does baclofen reduce alcohol craving?")
feed = {"input_ids": np.array([e.ids]), "attention_mask": np.array([e.attention_mask]),
        "token_type_ids": np.array([e.type_ids])}
q = session.run(None, feed)[0][0]
top = np.argsort(-(vectors @ q))[:30]
print(json.dumps({"top": int(top[0]), "chunks": len(rows)}))
"""

# The floor of `assistant serve`: the above without LangChain's chain (the app imports it at its
# first question), plus Gradio and a bare page served until killed.
FLOOR_SERVE = (
    FLOOR_ASK.replace("from langchain_classic.chains import create_retrieval_chain\n", "")
    .replace("from langchain_core.retrievers import BaseRetriever\n", "")
    .replace("from langchain_core.runnables import RunnableLambda\n", "")
).replace(
    'print(json.dumps({"top": int(top[0]), "chunks": len(rows)}))',
    """import gradio as gr
with gr.Blocks() as app:
    gr.Markdown("floor")
app.launch(server_name="127.0.0.1", server_port=int(sys.argv[3]), prevent_thread_lock=False)""",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _reap(proc: subprocess.Popen, timeout: float) -> tuple[int | None, float | None]:
    """Wait for ``proc`` (our own child, by pid) with ``os.wait4``: (exit code, peak RSS MB).

    (None, None) when it is still running after ``timeout`` seconds.
    """
    deadline = time.perf_counter() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage.ru_maxrss / 1024
        if time.perf_counter() > deadline:
            return None, None
        time.sleep(0.01)


def _env(ctx: Context, settings: Any) -> dict[str, str]:
    env = dict(
        os.environ,
        ASSISTANT_INDEX_DIR=str(settings.index_dir),
        ASSISTANT_CORPUS_DIR=str(settings.corpus_dir),
        ASSISTANT_TORCH_THREADS=str(ctx.threads),
        GRADIO_ANALYTICS_ENABLED="False",
        HF_HUB_OFFLINE="1",
    )
    # As on a user's machine: Python keeps the compiled bytecode of the project.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _tail(path: Path, n: int = 600) -> str:
    return path.read_text(errors="replace")[-n:] if path.exists() else ""


def _stats(seconds: list[float]) -> dict[str, Any]:
    return {
        "runs": [round(s, 2) for s in seconds],
        "median_s": round(statistics.median(seconds), 2),
        "min_s": round(min(seconds), 2),
    }


def _run(
    ctx: Context, settings: Any, cmd: list[str], name: str, timeout: float = 300
) -> tuple[float, float, str]:
    """(seconds, peak RSS MB, stdout) of one new process running ``cmd`` to its end."""
    from assistant.settings import PROJECT_DIR

    out, err = ctx.workdir / f"{name}.out", ctx.workdir / f"{name}.err"
    with open(out, "wb") as fo, open(err, "wb") as fe:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=fo, stderr=fe, cwd=PROJECT_DIR, env=_env(ctx, settings))
        rc, peak = _reap(proc, timeout)
        seconds = time.perf_counter() - t0
    if rc is None:
        proc.kill()
        _reap(proc, 30)
        raise RuntimeError(f"{' '.join(cmd[1:4])} did not finish within {timeout} s")
    if rc != 0:
        raise RuntimeError(f"{' '.join(cmd[1:4])} failed (exit {rc}): {_tail(err)}")
    return seconds, peak or 0.0, out.read_text()


def _serve(
    ctx: Context, settings: Any, cmd: list[str], port: int, name: str, timeout: float = 300
) -> tuple[float, float | None]:
    """(seconds to HTTP 200 on /, peak RSS MB) of a new server process; stopped afterwards."""
    from assistant.settings import PROJECT_DIR

    url = f"http://127.0.0.1:{port}/"
    out, err = ctx.workdir / f"{name}.out", ctx.workdir / f"{name}.err"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with open(out, "wb") as fo, open(err, "wb") as fe:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=fo, stderr=fe, cwd=PROJECT_DIR, env=_env(ctx, settings))
        ready = None
        try:
            while time.perf_counter() - t0 < timeout:
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} exited ({proc.returncode}): {_tail(err)}")
                try:
                    with opener.open(url, timeout=2) as resp:
                        if resp.status == 200:
                            ready = time.perf_counter() - t0
                            break
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                time.sleep(0.05)
        finally:
            peak = None
            if proc.returncode is None:
                proc.terminate()
                rc, peak = _reap(proc, 20)
                if rc is None:
                    proc.kill()
                    rc, peak = _reap(proc, 20)
    if ready is None:
        raise RuntimeError(f"{name} was not serving {url} within {timeout} s")
    return ready, peak


def _encoder_folder(settings: Any) -> Path:
    from assistant.index.build import build_config
    from assistant.index.query_encoder import encoder_dir

    return encoder_dir(settings, build_config(settings)["model"])


def time_ask(ctx: Context, settings: Any, question: str, runs: int = 5) -> dict[str, Any]:
    from assistant.index.store import current_generation

    cmd = [sys.executable, "-m", "assistant", "ask", "--json", question]
    log("cold start: warm-up run of `assistant ask` (untimed: compiles the bytecode) ...")
    _run(ctx, settings, cmd, "cold-ask-warmup")
    seconds, peaks, answers = [], [], []
    for i in range(runs):
        log(f"cold start: `assistant ask --json` run {i + 1}/{runs} ...")
        s, peak, out = _run(ctx, settings, cmd, f"cold-ask-{i}")
        seconds.append(s)
        peaks.append(peak)
        answers.append(json.loads(out))
    gen = current_generation(settings.index_dir)
    floor_cmd = [sys.executable, "-c", FLOOR_ASK, str(gen), str(_encoder_folder(settings))]
    _run(ctx, settings, floor_cmd, "floor-ask-warmup")
    floor = [_run(ctx, settings, floor_cmd, f"floor-ask-{i}")[0] for i in range(runs)]
    python = [_run(ctx, settings, [sys.executable, "-c", "pass"], "python")[0] for _ in range(runs)]
    # The same question answered in this process with the sentence-transformers encoder (the
    # model the index was built with): the cold answers must be identical.
    from assistant.answering.pipeline import Assistant

    reference = Assistant(settings, embedder=ctx.get_embedder()).ask(question).to_json()
    return {
        "command": "python -m assistant ask --json QUESTION",
        "question": question,
        **_stats(seconds),
        "peak_rss_mb": round(max(peaks), 1),
        "answered": not answers[0]["abstained"],
        "citations": len(answers[0]["citations"]),
        "same_answer_as_torch_encoder": all(a == reference for a in answers),
        "floor": _stats(floor),
        "python_startup": _stats(python),
        "target_s": ASK_TARGET_S,
    }


def time_serve(ctx: Context, settings: Any, runs: int = 3) -> dict[str, Any]:
    from assistant.index.store import current_generation

    def cmd(port: int) -> list[str]:
        return [sys.executable, "-m", "assistant", "serve", "--port", str(port)]

    log("cold start: warm-up run of `assistant serve` (untimed) ...")
    port = _free_port()
    _serve(ctx, settings, cmd(port), port, "cold-serve-warmup")
    seconds, peaks = [], []
    for i in range(runs):
        log(f"cold start: `assistant serve` run {i + 1}/{runs}, polling until HTTP 200 ...")
        port = _free_port()
        s, peak = _serve(ctx, settings, cmd(port), port, f"cold-serve-{i}")
        seconds.append(s)
        peaks.append(peak or 0.0)
    gen = current_generation(settings.index_dir)
    enc = str(_encoder_folder(settings))

    def floor_cmd(port: int) -> list[str]:
        return [sys.executable, "-c", FLOOR_SERVE, str(gen), enc, str(port)]

    port = _free_port()
    _serve(ctx, settings, floor_cmd(port), port, "floor-serve-warmup")
    floor = []
    for i in range(runs):
        port = _free_port()
        floor.append(_serve(ctx, settings, floor_cmd(port), port, f"floor-serve-{i}")[0])
    return {
        "command": "python -m assistant serve --port PORT",
        **_stats(seconds),
        "seconds_to_http_200": round(statistics.median(seconds), 2),
        "peak_rss_mb": round(max(peaks), 1),
        "floor": _stats(floor),
        "target_s": SERVE_TARGET_S,
    }


def run(ctx: Context, question: str, serve: bool = True, runs: int = 5) -> dict[str, Any]:
    settings = ctx.corpus_index()
    res: dict[str, Any] = {
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "ask": time_ask(ctx, settings, question, runs=runs),
    }
    if serve:
        res["serve"] = time_serve(ctx, settings, runs=max(1, min(runs, 3)))
    res["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return res


def render(res: dict[str, Any]) -> str:
    a = res["ask"]
    rows = [
        ["python -c pass (interpreter start)", a["python_startup"]["median_s"], None, ""],
        ["floor: imports + loads of the ask path, no assistant code", a["floor"]["median_s"], None, ""],
        ["process start -> first answer (ask --json)", a["median_s"], a["peak_rss_mb"],
         f"target <= {a['target_s']:g} s; answered={a['answered']}, {a['citations']} citations, "
         f"same answer as the torch encoder: {a['same_answer_as_torch_encoder']}"],
    ]  # fmt: skip
    if "serve" in res:
        s = res["serve"]
        rows += [
            ["floor: the above without LangChain, + Gradio, a bare page served", s["floor"]["median_s"], None, ""],
            ["process start -> app serving (HTTP 200)", s["median_s"], s["peak_rss_mb"],
             f"target <= {s['target_s']:g} s"],
        ]  # fmt: skip
    runs = f"median of {len(a['runs'])} runs (ask: {', '.join(map(str, a['runs']))} s)"
    load = f"load average {res['load_average_before'][0]:.2f} -> {res['load_average_after'][0]:.2f}"
    return (
        f"prebuilt index, new process, warm OS file cache, compiled bytecode; {runs}; {load}\n"
        + table(["measure", "seconds", "peak RSS MB", "note"], rows)
    )
