"""The journal that makes adding and removing documents all or nothing.

Before its first change, an ingest or remove writes down in ``index/.ingest-journal.json`` what
it will do. Ctrl-C, SIGTERM and SIGHUP roll it back before the process exits; after ``kill -9``
the next command that uses the index finishes it (completed if the new index was already live,
rolled back otherwise) and says so. Every step can be repeated safely.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assistant.index.build import (
    IndexBusy,
    build_lock,
    current_generation,
    drop_server_collection,
    fsync_dir,
    library_dir,
    read_manifest,
    write_atomic,
)
from assistant.library.formats.base import IngestError
from assistant.settings import Settings

# --------------------------------------------------------------------------- the library


@contextmanager
def library_lock(settings: Settings) -> Iterator[None]:
    """One ingest or remove at a time per index (the index build has its own lock)."""
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.index_dir / ".library.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IngestError(
                "Another ingest or remove is running on this index; try again when it finishes."
            ) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --------------------------------------------------------------------------- the transaction
#
# Every ingest or remove is one transaction over the library folder and the index, written down
# before its first change in ``<index_dir>/.ingest-journal.json``: the backup folder, the files
# taken out of the library (moved into the backup), the files written, the live generation before,
# and the records the index holds once it is done. Then:
#
# * it succeeds: the backup and the journal are removed;
# * it fails, or is interrupted by Ctrl-C, SIGTERM or SIGHUP (turned into an exception for the
#   time of the transaction): everything is put back at once, then the journal is removed;
# * the process dies without a chance to clean up (SIGKILL, a power cut): the journal stays, and
#   the next command that takes the library lock (ingest, remove, and ask/sources/serve/index
#   before they check the index) finishes it: when the live index already holds the new records
#   (the process died after the swap), it is completed; otherwise it is rolled back. Either way
#   it says so. Every step of the recovery can be repeated, so dying during it is safe too.

JOURNAL = ".ingest-journal.json"


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP during a library transaction (Ctrl-C stays a KeyboardInterrupt)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(f"interrupted by {signal.Signals(signum).name}")


def journal_path(settings: Settings) -> Path:
    return settings.index_dir / JOURNAL


@contextmanager
def signals_raise(state: dict[str, Any]) -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise an exception while the transaction runs (so it is rolled
    back at once), and are ignored while it is being rolled back (so the rollback finishes).
    Only the main thread can set handlers; elsewhere the journal covers an abrupt end."""
    if threading.current_thread() is not threading.main_thread():  # pragma: no cover
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        if state.get("rolling_back"):
            state["pending"] = signum
            return
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Interrupted(signum)

    saved = {
        sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    }
    try:
        yield
    finally:
        for sig, old in saved.items():
            signal.signal(sig, old)


def write_journal(settings: Settings, journal: dict[str, Any]) -> None:
    write_atomic(journal_path(settings), json.dumps(journal, indent=1))


def _remove_journal(settings: Settings) -> None:
    journal_path(settings).unlink(missing_ok=True)
    fsync_dir(settings.index_dir)


def rollback(settings: Settings, journal: dict[str, Any]) -> None:
    """Put the library and the live index back as they were before the transaction. Each step
    can be repeated (a rollback that is itself killed is finished by the next command)."""
    index_dir = settings.index_dir
    moved = {orig: dest for orig, dest in journal["moved"]}
    for target in journal["written"]:
        t = Path(target)
        Path(target + ".tmp").unlink(missing_ok=True)
        if target in moved:  # it overwrote a file: the backup goes back in its place
            dest = Path(moved.pop(target))
            if dest.exists():
                os.replace(dest, t)
        else:
            t.unlink(missing_ok=True)
    for orig, dest in moved.items():
        if Path(dest).exists():
            os.replace(dest, orig)
    pointer = index_dir / "CURRENT"
    old_current = journal.get("old_current")
    now = pointer.read_text() if pointer.exists() else None
    if now != old_current:
        if old_current is None:
            pointer.unlink(missing_ok=True)
        elif (index_dir / old_current.strip()).is_dir():
            write_atomic(pointer, old_current)
    (index_dir / "CURRENT.tmp").unlink(missing_ok=True)
    shutil.rmtree(index_dir / journal["backup"], ignore_errors=True)
    lib = library_dir(settings)
    if lib.is_dir():
        fsync_dir(lib)
    _remove_journal(settings)


def _committed(settings: Settings, journal: dict[str, Any]) -> bool:
    """Does the live index already hold the transaction's outcome (it died after the swap)?"""
    gen = current_generation(settings.index_dir)
    if gen is None or not gen.is_dir():
        return False
    try:
        records = read_manifest(gen)["records"]
    except Exception:  # noqa: BLE001 - a damaged live index holds nothing of it
        return False
    new = journal["records"]
    if any(Path(t).exists() is False for t in journal["written"]):
        return False
    return all(records.get(rid, {}).get("hash") == h for rid, h in new.items()) and not any(
        rid in records for rid in journal["removed"]
    )


def finish(settings: Settings, journal: dict[str, Any]) -> None:
    """The transaction is complete: drop its backup and journal."""
    shutil.rmtree(settings.index_dir / journal["backup"], ignore_errors=True)
    for target in journal["written"]:
        Path(target + ".tmp").unlink(missing_ok=True)
    _remove_journal(settings)


def _collect_incomplete_generations(settings: Settings) -> None:
    """Remove generation folders a killed build left without a manifest (never the live one),
    when no build is running."""
    try:
        with build_lock(settings.index_dir):
            live = current_generation(settings.index_dir)
            for gen in settings.index_dir.glob("gen-*"):
                if gen != live and not (gen / "manifest.json").exists():
                    drop_server_collection(gen, settings)
                    shutil.rmtree(gen, ignore_errors=True)
    except IndexBusy:
        pass


def recover_locked(settings: Settings) -> str | None:
    """Finish an interrupted transaction (the library lock is held); a message saying what was
    done, or None when there was nothing to do."""
    path = journal_path(settings)
    try:
        journal = json.loads(path.read_text())
        what = str(journal["describe"])
        for key in ("moved", "written", "backup", "records", "removed"):
            journal[key]  # noqa: B018 - a journal without them is not one of ours
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # A journal cut short by the crash was written before any change (write_atomic):
        # a damaged one means nothing was changed yet.
        path.unlink(missing_ok=True)
        return None
    command = journal.get("command", "ingest")
    if _committed(settings, journal):
        finish(settings, journal)
        _collect_incomplete_generations(settings)
        return (
            f"An earlier `assistant {command}` ({what}) was interrupted after the index was "
            "updated; it is now complete."
        )
    rollback(settings, journal)
    _collect_incomplete_generations(settings)
    return (
        f"An earlier `assistant {command}` ({what}) was interrupted before it finished; it was "
        "rolled back, so your library and the index are as they were before it. Run it again "
        "to complete it."
    )


def recover_interrupted(settings: Settings) -> str | None:
    """Finish an ingest or remove that died half-way (see the transaction notes above), unless
    another ingest or remove holds the library lock (it is running, not interrupted). Returns
    what was done, for the user, or None. Commands call this before they read the index."""
    if not journal_path(settings).exists():
        return None
    try:
        with library_lock(settings):
            return recover_locked(settings)
    except IngestError:  # an ingest or remove is running: its journal is in use
        return None


def library_busy(settings: Settings) -> bool:
    """True while an ingest or remove runs on this index (another process holds the lock)."""
    path = settings.index_dir / ".library.lock"
    if not path.exists():
        return False
    with open(path, "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fh, fcntl.LOCK_UN)
    return False
