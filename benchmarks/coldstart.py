"""Section 4: cold start, from process start to the first answer and to the app serving.

Each figure is one fresh ``python -m assistant.frontends.cli`` process against an index that is already
built (so no embedding happens). "Cold" means a new process (imports, model load, index load);
the operating system's file cache is warm, as on any second start of the day.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.common import Context, log, table


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
    return dict(
        os.environ,
        ASSISTANT_INDEX_DIR=str(settings.index_dir),
        ASSISTANT_CORPUS_DIR=str(settings.corpus_dir),
        ASSISTANT_TORCH_THREADS=str(ctx.threads),
        GRADIO_ANALYTICS_ENABLED="False",
        HF_HUB_OFFLINE="1",
    )


def _tail(path: Path, n: int = 600) -> str:
    return path.read_text(errors="replace")[-n:] if path.exists() else ""


def time_ask(ctx: Context, settings: Any, question: str, timeout: float = 300) -> dict[str, Any]:
    from assistant.settings import PROJECT_DIR

    out, err = ctx.workdir / "cold-ask.out", ctx.workdir / "cold-ask.err"
    cmd = [sys.executable, "-m", "assistant", "ask", "--json", question]
    log("cold start: " + " ".join(cmd[1:4]) + " ...")
    with open(out, "wb") as fo, open(err, "wb") as fe:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=fo, stderr=fe, cwd=PROJECT_DIR, env=_env(ctx, settings))
        rc, peak = _reap(proc, timeout)
        seconds = time.perf_counter() - t0
    if rc is None:
        proc.kill()
        _reap(proc, 30)
        raise RuntimeError(f"`assistant ask` did not finish within {timeout} s")
    if rc != 0:
        raise RuntimeError(f"`assistant ask` failed (exit {rc}): {_tail(err)}")
    answer = json.loads(out.read_text())
    return {
        "command": "python -m assistant.frontends.cli ask --json QUESTION",
        "question": question,
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak, 1),
        "answered": not answer["abstained"],
        "citations": len(answer["citations"]),
    }


def time_serve(ctx: Context, settings: Any, timeout: float = 300) -> dict[str, Any]:
    from assistant.settings import PROJECT_DIR

    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    out, err = ctx.workdir / "cold-serve.out", ctx.workdir / "cold-serve.err"
    cmd = [sys.executable, "-m", "assistant", "serve", "--port", str(port)]
    log(f"cold start: assistant.frontends.cli serve, polling {url} ...")
    with open(out, "wb") as fo, open(err, "wb") as fe:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=fo, stderr=fe, cwd=PROJECT_DIR, env=_env(ctx, settings))
        ready = None
        try:
            while time.perf_counter() - t0 < timeout:
                if proc.poll() is not None:
                    raise RuntimeError(
                        f"`assistant serve` exited ({proc.returncode}): {_tail(err)}"
                    )
                try:
                    with urllib.request.urlopen(url, timeout=2) as resp:
                        if resp.status == 200:
                            ready = time.perf_counter() - t0
                            break
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                time.sleep(0.1)
        finally:
            if proc.returncode is None:
                proc.terminate()
                rc, peak = _reap(proc, 20)
                if rc is None:
                    proc.kill()
                    rc, peak = _reap(proc, 20)
            else:
                peak = None
    if ready is None:
        raise RuntimeError(f"`assistant serve` was not serving {url} within {timeout} s")
    return {
        "command": "python -m assistant.frontends.cli serve --port PORT",
        "seconds_to_http_200": round(ready, 2),
        "peak_rss_mb": round(peak, 1) if peak else None,
    }


def run(ctx: Context, question: str, serve: bool = True) -> dict[str, Any]:
    settings = ctx.corpus_index()
    res: dict[str, Any] = {"ask": time_ask(ctx, settings, question)}
    if serve:
        res["serve"] = time_serve(ctx, settings)
    return res


def render(res: dict[str, Any]) -> str:
    a = res["ask"]
    rows = [["process start -> first answer (ask --json)", a["seconds"], a["peak_rss_mb"],
             f"answered={a['answered']}, {a['citations']} citations"]]  # fmt: skip
    if "serve" in res:
        s = res["serve"]
        rows.append(
            [
                "process start -> app serving (HTTP 200)",
                s["seconds_to_http_200"],
                s["peak_rss_mb"],
                "",
            ]
        )
    return "prebuilt index, new process, warm OS file cache\n" + table(
        ["measure", "seconds", "peak RSS MB", "note"], rows
    )
