"""Privacy: a full index -> ask -> serve cycle makes no connection beyond this machine.

The cycle runs in a child process whose first act (before any other import) installs a guard
that blocks and records every non-loopback connect, sendto and DNS lookup. When ``strace`` is
available the child also runs under it, so connections made below Python (Rust, C libraries)
are seen too. The served app is queried over 127.0.0.1 only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.settings import PROJECT_DIR
from tests.conftest import TINY_RECORDS

# The guard: installed first, then the cycle. Loopback and Unix sockets pass; anything else is
# refused with an OSError and written to NET_GUARD_LOG.
GUARD = r"""
import ipaddress, json, os, socket

_LOG = os.environ["NET_GUARD_LOG"]
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _record(kind, target):
    with open(_LOG, "a") as fh:
        fh.write(json.dumps([kind, repr(target)]) + "\n")


def _is_local(host, bind=False):
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%")[0].lower()
    if host in _LOCAL_NAMES or (bind and host in ("", "0.0.0.0", "::")):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check(kind, sock, address):
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return  # Unix sockets and the like never leave the machine
    if not _is_local(address[0]):
        _record(kind, address)
        raise OSError(f"network guard: blocked {kind} to {address!r}")


_connect, _connect_ex, _sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto


def connect(self, address):
    _check("connect", self, address)
    return _connect(self, address)


def connect_ex(self, address):
    _check("connect_ex", self, address)
    return _connect_ex(self, address)


def sendto(self, data, *args):
    _check("sendto", self, args[-1])
    return _sendto(self, data, *args)


_getaddrinfo, _gethostbyname = socket.getaddrinfo, socket.gethostbyname
_gethostbyname_ex = socket.gethostbyname_ex


def getaddrinfo(host, *args, **kw):
    if not _is_local(host, bind=True):
        _record("getaddrinfo", host)
        raise socket.gaierror(socket.EAI_NONAME, f"network guard: blocked lookup of {host!r}")
    return _getaddrinfo(host, *args, **kw)


def gethostbyname(host):
    if not _is_local(host, bind=True):
        _record("gethostbyname", host)
        raise socket.gaierror(socket.EAI_NONAME, f"network guard: blocked lookup of {host!r}")
    return _gethostbyname(host)


def gethostbyname_ex(host):
    if not _is_local(host, bind=True):
        _record("gethostbyname_ex", host)
        raise socket.gaierror(socket.EAI_NONAME, f"network guard: blocked lookup of {host!r}")
    return _gethostbyname_ex(host)


socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
socket.socket.sendto = sendto
socket.getaddrinfo, socket.gethostbyname = getaddrinfo, gethostbyname
socket.gethostbyname_ex = gethostbyname_ex
"""

# The cycle: `assistant index`, `assistant ask --json`, `assistant serve` (in a thread), one
# question through the served app with gradio_client over 127.0.0.1, then a hard exit.
CYCLE = r"""
import io, json, os, sys, threading, time
from contextlib import redirect_stdout

out_path = os.environ["CYCLE_OUT"]
idx, port = os.environ["ASSISTANT_INDEX_DIR"], os.environ["CYCLE_PORT"]
result = {}

import assistant  # applies the offline switches

result["env"] = {k: os.environ.get(k) for k in (
    "ANONYMIZED_TELEMETRY", "GRADIO_ANALYTICS_ENABLED", "DO_NOT_TRACK", "HF_HUB_OFFLINE",
    "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY", "ORT_DISABLE_TELEMETRY")}
from assistant.frontends.cli import cli

def run(args):
    buf = io.StringIO()
    with redirect_stdout(buf):
        cli(args, standalone_mode=False)
    return buf.getvalue()

result["index"] = run(["index", "-q"])
result["ask"] = json.loads(run(["ask", "--json", "What lowered zorbitol craving scores?"]))

server = threading.Thread(
    target=lambda: cli(["serve", "--port", port], standalone_mode=False), daemon=True
)
server.start()
import socket as _s
deadline = time.monotonic() + 180
while True:
    try:
        _s.create_connection(("127.0.0.1", int(port)), timeout=1).close()
        break
    except OSError:
        if time.monotonic() > deadline or not server.is_alive():
            raise SystemExit("the app did not start")
        time.sleep(0.3)

from gradio_client import Client
client = Client(f"http://127.0.0.1:{port}/", verbose=False)
api = client.view_api(return_format="dict", print_info=False)["named_endpoints"]
assert "/answer_json" in api, list(api)
served = client.predict(
    "What lowered zorbitol craving scores?", None, None, None, None, [], api_name="/answer_json"
)
result["serve"] = served

import chromadb.config, gradio.analytics, huggingface_hub.constants
from assistant.index.store import chroma_settings
result["telemetry"] = {
    "chroma": chroma_settings().anonymized_telemetry,
    "chroma_default": chromadb.config.Settings().anonymized_telemetry,
    "gradio": gradio.analytics.analytics_enabled(),
    "hf_offline": huggingface_hub.constants.HF_HUB_OFFLINE,
}
with open(out_path, "w") as fh:
    json.dump(result, fh)
sys.stdout.flush(); sys.stderr.flush()
os._exit(0)
"""

_STRACE_CONNECT = re.compile(
    r"(connect|sendto|sendmsg)\(\d+, .*?sa_family=(AF_INET6?).*?"
    r"(?:inet_addr\(\"([^\"]+)\"\)|inet_pton\(AF_INET6, \"([^\"]+)\")"
)


def _non_loopback_syscalls(trace: str) -> list[str]:
    import ipaddress

    bad = []
    for line in trace.splitlines():
        m = _STRACE_CONNECT.search(line)
        if not m:
            continue
        addr = m.group(3) or m.group(4)
        ip = ipaddress.ip_address(addr)
        mapped = getattr(ip, "ipv4_mapped", None)
        if not (ip.is_loopback or (mapped is not None and mapped.is_loopback)):
            bad.append(line.strip())
    return bad


def _strace_works() -> bool:
    if not shutil.which("strace"):
        return False
    try:
        r = subprocess.run(
            ["strace", "-f", "-qq", "-e", "trace=connect", "-o", os.devnull, "true"],
            capture_output=True,
            timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_index_ask_serve_cycle_makes_no_outbound_connection(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for rid, text in TINY_RECORDS.items():
        (corpus / f"{rid}.md").write_text(text)
    guard_log = tmp_path / "blocked.jsonl"
    out = tmp_path / "cycle.json"
    port = _free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("HF_", "TRANSFORMERS_", "GRADIO_", "CHROMA_"))
        and k not in ("ANONYMIZED_TELEMETRY", "DO_NOT_TRACK")
    }
    env.update(
        {
            # the package must switch these off even when the user's environment turns them on
            "ANONYMIZED_TELEMETRY": "True",
            "GRADIO_ANALYTICS_ENABLED": "True",
            "ORT_DISABLE_TELEMETRY": "0",  # onnxruntime's native telemetry (a DNS lookup seen)
            "ASSISTANT_CORPUS_DIR": str(corpus),
            "ASSISTANT_INDEX_DIR": str(tmp_path / "index"),
            "ASSISTANT_TORCH_THREADS": "1",
            "NET_GUARD_LOG": str(guard_log),
            "CYCLE_OUT": str(out),
            "CYCLE_PORT": str(port),
            "HOME": str(tmp_path / "home"),  # no cached credentials or config of the user
        }
    )
    cmd = [sys.executable, "-c", GUARD + "\n" + CYCLE]
    trace = tmp_path / "strace.txt"
    traced = _strace_works()
    if traced:
        cmd = ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace), *cmd]
    proc = subprocess.run(
        cmd, env=env, cwd=PROJECT_DIR, capture_output=True, text=True, timeout=480
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    blocked = guard_log.read_text().splitlines() if guard_log.exists() else []
    assert blocked == [], f"blocked outbound attempts: {blocked}"
    if traced:
        syscalls = trace.read_text()
        assert f"htons({port})" in syscalls  # the trace saw the loopback calls to the app
        assert _non_loopback_syscalls(syscalls) == []

    result = json.loads(out.read_text())
    assert "Index built" in result["index"] or "Index up to date" in result["index"]
    ans = result["ask"]
    assert ans["citations"] and not ans["abstained"] and "zorbitol" in ans["answer"]
    served = result["serve"]
    assert served["citations"] and "zorbitol" in served["answer"]
    # the served app answers as the command line does
    assert [c["quote"] for c in served["citations"]] == [c["quote"] for c in ans["citations"]]
    assert result["env"] == {
        "ANONYMIZED_TELEMETRY": "False",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "DO_NOT_TRACK": "1",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "ORT_DISABLE_TELEMETRY": "1",
    }
    assert result["telemetry"] == {
        "chroma": False,
        "chroma_default": False,
        "gradio": False,
        "hf_offline": True,
    }


def test_guard_blocks_and_records(tmp_path: Path) -> None:
    """The guard itself works: loopback passes, the outside world is refused and recorded."""
    log = tmp_path / "blocked.jsonl"
    probe = (
        GUARD
        + r"""
import socket
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
socket.create_connection(srv.getsockname(), timeout=2).close()
for target in [("192.0.2.1", 80), ("203.0.113.9", 443)]:
    try:
        socket.socket().connect(target)
    except OSError as exc:
        assert "network guard" in str(exc), exc
try:
    socket.getaddrinfo("example.org", 443)
except socket.gaierror as exc:
    assert "network guard" in str(exc)
try:
    socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("198.51.100.7", 53))
except OSError as exc:
    assert "network guard" in str(exc)
"""
    )
    r = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "NET_GUARD_LOG": str(log)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    kinds = [json.loads(line)[0] for line in log.read_text().splitlines()]
    assert kinds == ["connect", "connect", "getaddrinfo", "sendto"]


def test_strace_parser_flags_only_non_loopback() -> None:
    trace = "\n".join(
        [
            '1 connect(3, {sa_family=AF_INET, sin_port=htons(7860), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
            '1 connect(4, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
            '1 connect(5, {sa_family=AF_UNIX, sun_path="/run/x"}, 110) = 0',
            '2 connect(6, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.216.34")}, 16) = -1',
            '2 sendto(7, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.2")}, 16) = 1',
        ]
    )
    bad = _non_loopback_syscalls(trace)
    assert len(bad) == 2 and "93.184.216.34" in bad[0] and "10.0.0.2" in bad[1]


def test_offline_switches_are_set_on_import() -> None:
    import assistant  # noqa: F401  (conftest imported it first; the switches stay applied)
    from assistant.index.store import chroma_settings

    assert os.environ["ANONYMIZED_TELEMETRY"] == "False"
    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"
    assert os.environ["ORT_DISABLE_TELEMETRY"] == "1"
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    assert os.environ["TRANSFORMERS_OFFLINE"] == "1"
    assert chroma_settings().anonymized_telemetry is False
