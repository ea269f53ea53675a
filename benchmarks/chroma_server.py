"""A real Chroma server for the benchmarks: ``chroma run`` on 127.0.0.1, a free port, a temporary
data folder; stopped by its PID."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.common import log


def chroma_binary() -> Path:
    return Path(sys.executable).parent / "chroma"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _heartbeat(port: int) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@contextmanager
def chroma_server(workdir: Path, timeout: float = 60) -> Iterator[tuple[str, int]]:
    """(host, port) of a fresh ``chroma run`` (RuntimeError when it cannot be started)."""
    binary = chroma_binary()
    if not binary.exists():
        raise RuntimeError(f"{binary} is not installed")
    data = workdir / "chroma-server"
    data.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    log_file = open(data / "server.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [
            str(binary),
            "run",
            "--path",
            str(data / "db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log_file,
        stderr=subprocess.STDOUT,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        start_new_session=True,
    )
    try:
        t0 = time.monotonic()
        while not _heartbeat(port):
            if proc.poll() is not None:
                raise RuntimeError(f"chroma run exited ({proc.returncode})")
            if time.monotonic() - t0 > timeout:
                raise RuntimeError(f"chroma run not ready in {timeout:.0f} s")
            time.sleep(0.2)
        log(f"chroma server ready on 127.0.0.1:{port} in {time.monotonic() - t0:.1f} s")
        yield "127.0.0.1", port
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=20)
        log_file.close()
