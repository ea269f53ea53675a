"""An ingest or remove is all or nothing, however the process ends.

The real ``assistant ingest`` runs in a child process with one stall point installed, so the
signal lands at a known moment of the transaction:

* ``journal``: the journal is written, nothing else changed yet;
* ``files``: the new library files are written (an old version moved to the backup folder),
  the index not yet built;
* ``embed``: while the index build embeds the new chunks;
* ``write``: part of the new index generation is on disk;
* ``swapped``: the new generation is live, the backup and the journal not yet removed.

SIGTERM, SIGHUP and Ctrl-C (SIGINT) roll the transaction back before the process exits. After
SIGKILL the next command that takes the library lock finishes it, and says so: rolled back, or
completed when the new index was already live. Either way the library and the index agree, no
backup folder or journal is left, re-running the command completes it, and nothing is rebuilt
behind the user's back.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assistant.answering.pipeline import Assistant
from assistant.index.build import build_index, current_generation, index_status, read_manifest
from assistant.library.ingest import ingest_paths, library_records, remove_document
from assistant.library.journal import JOURNAL, recover_interrupted
from assistant.settings import Settings

DOC_TEXT = (
    "Quillmere registry report\n\n"
    "The invented Quillmere registry followed forty adults who took baclofen for alcohol "
    "craving over twelve weeks, and most reported fewer cravings.\n"
)
CHANGED_TEXT = DOC_TEXT.replace("forty adults", "sixty adults")
QUESTION = "How many adults did the Quillmere registry follow?"

# The child: install one stall point, then run the real command line.
STALL_BOOT = r"""
import os, sys, time
import bm25s
import assistant.index.build as ix
import assistant.library.ingest as ingest

def stall():
    print("STALL-POINT", file=sys.stderr, flush=True)
    for _ in range(1200):
        time.sleep(0.1)
    raise SystemExit("stall point was not signalled")

at = os.environ["STALL_AT"]
if at == "journal":
    real_journal = ingest.write_journal
    def write_journal(*a, **k):
        real_journal(*a, **k)
        stall()
    ingest.write_journal = write_journal
elif at in ("files", "swapped"):
    real_build = ingest.build_index
    def build(*a, **k):
        if at == "files":
            stall()
        report = real_build(*a, **k)
        if at == "swapped":
            stall()
        return report
    ingest.build_index = build
elif at == "embed":
    ix._embed = lambda *a, **k: stall()
elif at == "write":
    real_save = bm25s.BM25.save
    def save(self, *a, **k):
        real_save(self, *a, **k)
        stall()
    bm25s.BM25.save = save

from assistant.frontends.cli import main
sys.argv = ["assistant", *sys.argv[1:]]
main()
"""


def _env(settings: Settings, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
        "ASSISTANT_INDEX_DIR": str(settings.index_dir),
        "ASSISTANT_TORCH_THREADS": "1",
        **extra,
    }


def signal_at_stall(
    args: list[str], settings: Settings, at: str, sig: int, timeout: float = 300
) -> tuple[int, str]:
    """Run ``assistant ARGS`` with a stall point at ``at``, send ``sig`` when it is reached;
    (exit code, stderr)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", STALL_BOOT, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(settings, STALL_AT=at),
        text=True,
        start_new_session=True,
    )
    assert proc.stderr is not None
    seen: list[str] = []
    killer = threading.Timer(timeout, lambda: os.kill(proc.pid, signal.SIGKILL))
    killer.start()
    try:
        for line in proc.stderr:
            seen.append(line)
            if "STALL-POINT" in line:
                os.kill(proc.pid, sig)
                break
        rest = proc.stderr.read()  # what it says on its way out
        seen.append(rest)
        proc.wait(timeout=60)
    finally:
        killer.cancel()
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        proc.stderr.close()
    err = "".join(seen)
    assert "STALL-POINT" in err, err[-3000:]
    return proc.returncode, err


def state(settings: Settings) -> dict[str, object]:
    """What the user's data is: the live generation, its records, and the library's files."""
    lib = settings.index_dir / "library"
    gen = current_generation(settings.index_dir)
    return {
        "current": gen.name if gen else None,
        "records": sorted(read_manifest(gen)["records"]) if gen else [],
        "library": {p.name: p.read_bytes() for p in sorted(lib.glob("*"))} if lib.is_dir() else {},
    }


def leftovers(settings: Settings) -> list[str]:
    """Transaction litter: a journal, backup folders, temporary files, half-built generations."""
    d = settings.index_dir
    out = [p.name for p in d.iterdir() if p.name == JOURNAL or p.name.startswith(".ingest-backup")]
    out += [p.name for p in d.rglob("*.tmp")]
    live = current_generation(d)
    out += [g.name for g in d.glob("gen-*") if g != live and not (g / "manifest.json").exists()]
    return out


def run_cli(
    args: list[str], settings: Settings, timeout: float = 600
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        env=_env(settings),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def cites_quillmere(settings: Settings, embedder) -> bool:  # noqa: ANN001
    ans = Assistant.load(settings, embedder=embedder).ask(QUESTION)
    return any("Quillmere" in c.quote for c in ans.citations)


def in_library(settings: Settings, doc: Path) -> bool:
    return any(r.source_file == str(doc.resolve()) for r in library_records(settings))


# SIGKILL at every moment; SIGTERM, SIGHUP and Ctrl-C each at several.
CASES = [
    (signal.SIGKILL, "journal"),
    (signal.SIGKILL, "files"),
    (signal.SIGKILL, "embed"),
    (signal.SIGKILL, "write"),
    (signal.SIGKILL, "swapped"),
    (signal.SIGTERM, "files"),
    (signal.SIGTERM, "embed"),
    (signal.SIGTERM, "swapped"),
    (signal.SIGHUP, "journal"),
    (signal.SIGHUP, "write"),
    (signal.SIGINT, "files"),
    (signal.SIGINT, "write"),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sig", "at"), CASES, ids=[f"{signal.Signals(s).name}-{a}" for s, a in CASES]
)
def test_interrupted_ingest_is_rolled_back_or_completed(
    tiny: Settings, tmp_path: Path, embedder, sig: int, at: str
) -> None:
    doc = tmp_path / "quillmere.txt"
    doc.write_text(DOC_TEXT)
    before = state(tiny)
    code, err = signal_at_stall(["ingest", str(doc)], tiny, at, sig)

    if sig == signal.SIGKILL:
        assert code == -signal.SIGKILL
        assert (tiny.index_dir / JOURNAL).exists()  # left for the next command
        # The next command (here `ask --json`) finishes the transaction first, and says so.
        asked = run_cli(["ask", "--json", QUESTION], tiny)
        assert asked.returncode == 0, asked.stderr
        json.loads(asked.stdout)
        assert "interrupted" in asked.stderr, asked.stderr
        assert "Updating the index" not in asked.stderr  # no silent (or loud) rebuild
        completed = at == "swapped"
        assert ("now complete" in asked.stderr) == completed, asked.stderr
        assert ("rolled back" in asked.stderr) == (not completed), asked.stderr
    else:
        # Rolled back before the process exited, as after Ctrl-C; it exits as the signal asks.
        assert code == 128 + sig, err[-2000:]
        assert f"Interrupted ({signal.Signals(sig).name})" in err, err[-2000:]
        assert "Traceback" not in err
        assert not (tiny.index_dir / JOURNAL).exists()
        completed = False

    assert leftovers(tiny) == []
    assert index_status(tiny).state == "ready"
    if completed:
        assert in_library(tiny, doc) and cites_quillmere(tiny, embedder)
        assert state(tiny)["current"] != before["current"]
    else:
        assert state(tiny) == before  # byte for byte
        assert not in_library(tiny, doc) and not cites_quillmere(tiny, embedder)

    # Running the same command again completes it (or says it is already done).
    again = ingest_paths(tiny, [doc], embedder=embedder)
    if completed:
        assert again.added == [] and "already in your library" in again.skipped[0].reason
    else:
        assert len(again.added) == 1 and again.build is not None, again.summary()
    assert in_library(tiny, doc) and cites_quillmere(tiny, embedder)
    assert leftovers(tiny) == [] and index_status(tiny).state == "ready"


REPLACE_CASES = [(signal.SIGKILL, "files"), (signal.SIGKILL, "write"), (signal.SIGTERM, "embed")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sig", "at"), REPLACE_CASES, ids=[f"{signal.Signals(s).name}-{a}" for s, a in REPLACE_CASES]
)
def test_interrupted_replacement_restores_the_old_version(
    tiny: Settings, tmp_path: Path, embedder, sig: int, at: str
) -> None:
    """A changed file replaces its old version: interrupted, the old version is back in place
    and no backup folder is left behind."""
    doc = tmp_path / "quillmere.txt"
    doc.write_text(DOC_TEXT)
    first = ingest_paths(tiny, [doc], embedder=embedder)
    assert len(first.added) == 1
    before = state(tiny)
    doc.write_text(CHANGED_TEXT)
    code, _ = signal_at_stall(["ingest", str(doc)], tiny, at, sig)
    assert code in (-signal.SIGKILL, 128 + sig)
    done = recover_interrupted(tiny)  # what every command does first (None: nothing left)
    assert (done is None) == (sig != signal.SIGKILL)
    if done:
        assert "rolled back" in done
    assert state(tiny) == before and leftovers(tiny) == []
    ans = Assistant.load(tiny, embedder=embedder).ask(QUESTION)
    assert any("forty adults" in c.quote for c in ans.citations), ans.answer
    again = ingest_paths(tiny, [doc], embedder=embedder)
    assert again.replaced == first.added and len(again.added) == 1, again.summary()
    assert leftovers(tiny) == []


@pytest.mark.slow
def test_killed_remove_is_rolled_back_by_the_next_ingest(
    tiny: Settings, tmp_path: Path, embedder
) -> None:
    doc = tmp_path / "quillmere.txt"
    doc.write_text(DOC_TEXT)
    rid = ingest_paths(tiny, [doc], embedder=embedder).added[0]
    before = state(tiny)
    code, _ = signal_at_stall(["remove", rid], tiny, "write", signal.SIGKILL)
    assert code == -signal.SIGKILL and (tiny.index_dir / JOURNAL).exists()
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nThe invented Fernhollow clinic opens on Sundays.\n")
    report = ingest_paths(tiny, [other], embedder=embedder)
    assert report.recovered and "`assistant remove`" in report.recovered
    assert "rolled back" in report.recovered and "rolled back" in report.summary()
    assert rid in state(tiny)["records"] and len(report.added) == 1
    assert set(before["library"]) < set(state(tiny)["library"])
    assert leftovers(tiny) == []
    remove_document(tiny, rid, embedder=embedder)  # and removing it again works
    assert rid not in state(tiny)["records"] and leftovers(tiny) == []


def test_failed_build_after_the_swap_is_rolled_back_in_process(
    tiny: Settings, tmp_path: Path, embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception after the new generation went live: CURRENT goes back, the file goes."""
    import assistant.library.ingest as ingest

    doc = tmp_path / "quillmere.txt"
    doc.write_text(DOC_TEXT)
    before = state(tiny)
    real = ingest.build_index

    def build_then_fail(*a, **kw):  # noqa: ANN002, ANN003, ANN202
        real(*a, **kw)
        raise RuntimeError("simulated failure after the swap")

    monkeypatch.setattr(ingest, "build_index", build_then_fail)
    with pytest.raises(ingest.IngestError, match="nothing was changed"):
        ingest_paths(tiny, [doc], embedder=embedder)
    assert state(tiny) == before and leftovers(tiny) == []


def test_a_running_ingest_is_not_recovered_by_another_process(
    tiny: Settings, tmp_path: Path, embedder
) -> None:
    """A journal whose owner still holds the library lock is in use, not abandoned."""
    from assistant.library.journal import library_busy, library_lock

    journal = tiny.index_dir / JOURNAL
    journal.write_text(
        json.dumps(
            {
                "describe": "x",
                "moved": [],
                "written": [],
                "backup": "b",
                "records": {},
                "removed": [],
            }
        )
    )
    with library_lock(tiny):
        probe = subprocess.run(
            [
                sys.executable,
                "-c",
                "from assistant.settings import Settings; from assistant.library.journal import "
                "recover_interrupted, library_busy; s = Settings(); "
                "print(library_busy(s), recover_interrupted(s))",
            ],
            env=_env(tiny),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert probe.returncode == 0, probe.stderr
        assert probe.stdout.split() == ["True", "None"]
        assert journal.exists()
    assert not library_busy(tiny)
    assert recover_interrupted(tiny) is not None and not journal.exists()


def test_a_journal_cut_short_is_discarded(tiny: Settings) -> None:
    before = state(tiny)
    (tiny.index_dir / JOURNAL).write_text('{"version": 1, "describe": "adding')
    assert recover_interrupted(tiny) is None
    assert state(tiny) == before and leftovers(tiny) == []


def test_build_index_alone_is_unaffected(tiny: Settings, embedder) -> None:
    report = build_index(tiny, progress=False, embedder=embedder)
    assert report.status == "up to date" and leftovers(tiny) == []
