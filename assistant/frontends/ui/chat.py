"""The app's handlers as plain functions: ask a question, add documents from the chat box,
answer the JSON API, write the exports.

They take the loaded :class:`~assistant.answering.pipeline.Assistant` and the inputs and return
data (HTML, turn dicts, file paths); :mod:`assistant.frontends.ui.app` only wires them to
components. A *turn* is ``Answer.to_json()`` plus ``searched``, ``filters`` and a ``key``; documents
added from the chat box are turns of kind ``"upload"`` (shown, never exported or sent as history).
"""

from __future__ import annotations

import logging
import queue
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from assistant.answer import Filters
from assistant.answering.pipeline import DocumentNotFound, QuestionError
from assistant.frontends.export import to_markdown, to_ris, unique_citations
from assistant.frontends.ui.pages import ingest_lines
from assistant.frontends.ui.render import conversation_html
from assistant.index.store import IndexError_
from assistant.library.formats.base import IngestError
from assistant.library.ingest import ingest_paths
from assistant.vocab import EVIDENCE_LABELS, EVIDENCE_TYPES, SUBSTANCE_LABELS, SUBSTANCES

log = logging.getLogger(__name__)

FRIENDLY_ERROR = (
    "Sorry, something went wrong while answering. Please try again; if it keeps happening, "
    "the server log has the details."
)
EXPORT_ROOT = Path(tempfile.gettempdir()) / "baclofen-assistant-exports"
EXPORT_MAX_AGE = 24 * 3600


def friendly_error(exc: BaseException) -> str:
    """A message for the user: question and ingest problems say what to fix; anything else is
    generic (the details go to the log, never to the page)."""
    if isinstance(exc, QuestionError | IngestError | FilterError | DocumentNotFound):
        return str(exc)
    if isinstance(exc, IndexError_):
        return "The library index is not available right now. " + str(exc)
    return FRIENDLY_ERROR


def _expected(exc: BaseException) -> bool:
    return isinstance(exc, QuestionError | IngestError | FilterError)


# --------------------------------------------------------------------------- filters


class FilterError(ValueError):
    """A filter value that cannot be used (a year that is not a year); the message says why."""


def _year(v: Any) -> int | None:
    """A year from the side panel: empty (or 0) is no limit; anything else must be a year."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    try:
        y = int(float(str(v).strip()[:12]))
    except (TypeError, ValueError):
        raise FilterError(
            f"“{str(v)[:20]}” is not a year: use four digits such as 2010, or leave it empty."
        ) from None
    if y == 0:
        return None
    if not 1900 <= y <= 2100:
        raise FilterError(f"{y} is outside the years the library covers; use 1900 to 2100.")
    return y


def make_filters(
    evidence: Sequence[str] | None = None,
    substances: Sequence[str] | None = None,
    year_from: Any = None,
    year_to: Any = None,
) -> Filters | None:
    """The side panel's values as :class:`Filters` (None when nothing is set). Unknown values
    are dropped; a reversed year range is put the right way round."""
    y0, y1 = _year(year_from), _year(year_to)
    if y0 and y1 and y0 > y1:
        y0, y1 = y1, y0
    f = Filters(
        evidence=[e for e in (evidence or []) if e in EVIDENCE_TYPES],
        substances=[s for s in (substances or []) if s in SUBSTANCES],
        year_min=y0,
        year_max=y1,
    )
    return f if f else None


def describe_filters(filters: Filters | None) -> str:
    if not filters:
        return ""
    parts = []
    if filters.evidence:
        parts.append(", ".join(EVIDENCE_LABELS.get(e, e) for e in filters.evidence))
    if filters.substances:
        parts.append(", ".join(SUBSTANCE_LABELS.get(s, s) for s in filters.substances))
    if filters.year_min or filters.year_max:
        parts.append(f"{filters.year_min or '…'}–{filters.year_max or '…'}")
    return " · ".join(parts)


# --------------------------------------------------------------------------- the chat


def qa_turns(turns: Sequence[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The question-and-answer turns (documents added from the chat box left out)."""
    return [t for t in turns or [] if isinstance(t, dict) and t.get("kind") != "upload"]


def history_questions(turns: Sequence[dict[str, Any]] | None) -> list[str]:
    """The conversation's earlier questions as asked, oldest first (the core plans them in turn,
    so the subject carries across follow-ups)."""
    return [str(t["question"]) for t in qa_turns(turns) if t.get("question")]


def _message(message: Any) -> tuple[str, list[str]]:
    """(text, file paths) from the question box (a MultimodalTextbox value or plain text)."""
    if isinstance(message, dict):
        files = []
        for f in message.get("files") or []:
            path = f.get("path") if isinstance(f, dict) else f
            if path:
                files.append(str(path))
        return str(message.get("text") or ""), files
    return (message if isinstance(message, str) else ""), []


def ingest_with_progress(assistant: Any, paths: Sequence[str]) -> Iterator[tuple[str | None, Any]]:
    """Add files to the library in a worker thread; yields (phase, None) while it works and
    finally (None, report). Raises what the ingest raised (nothing was changed then). On success
    the running assistant reloads, so the documents are searchable at once."""
    phases: queue.Queue[str] = queue.Queue()
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["report"] = ingest_paths(
                assistant.settings, paths, embedder=assistant.embedder,
                on_phase=phases.put,
            )  # fmt: skip
        except BaseException as exc:  # noqa: BLE001 - handed to the caller below
            result["error"] = exc

    worker = threading.Thread(target=work, name="ingest", daemon=True)
    worker.start()
    while worker.is_alive() or not phases.empty():
        try:
            yield phases.get(timeout=0.2), None
        except queue.Empty:
            continue
    worker.join()
    if "error" in result:
        raise result["error"]
    report = result["report"]
    if report.added or report.replaced:
        assistant.reload()
    yield None, report


def upload_turn(report: Any, names: Sequence[str]) -> dict[str, Any]:
    return {
        "kind": "upload",
        "title": "Added to your library: " + ", ".join(names)
        if report.added
        else "Your documents: " + ", ".join(names),
        "lines": ingest_lines(report),
        "added": list(report.added),
        "errors": len(report.errors),
        "key": f"u{time.time_ns()}",
    }


def respond(
    assistant: Any,
    message: Any,
    turns: list[dict[str, Any]] | None,
    evidence: Sequence[str] | None = None,
    substances: Sequence[str] | None = None,
    year_from: Any = None,
    year_to: Any = None,
) -> Iterator[tuple[Any, str, list[dict[str, Any]]]]:
    """Handle the question box: add any attached documents (with progress), then answer the
    question. Yields (question box value, conversation HTML, turns)."""
    turns = [t for t in turns or [] if isinstance(t, dict)]
    n_records = assistant.store.counts()["records"]
    text, files = _message(message)
    cleared: dict[str, Any] = {"text": "", "files": []}
    if files:
        names = [Path(p).name for p in files]
        label = "Adding " + ", ".join(names) + " to your library"
        yield cleared, conversation_html(turns, label, progress=f"{label}…"), turns
        try:
            for phase, report in ingest_with_progress(assistant, files):
                if report is None:
                    yield cleared, conversation_html(turns, label, progress=phase), turns
                else:
                    turns = [*turns, upload_turn(report, names)]
        except Exception as exc:  # noqa: BLE001 - the user gets a clear message
            if not _expected(exc):
                log.exception("adding %s failed", names)
            yield cleared, conversation_html(turns, label, error=friendly_error(exc)), turns
            return
        if not text.strip():
            yield cleared, conversation_html(turns), turns
            return
    if not text.strip():
        yield cleared, conversation_html(turns, "", error="Please type a question."), turns
        return
    yield cleared, conversation_html(turns, text), turns
    filters = None
    try:
        filters = make_filters(evidence, substances, year_from, year_to)
        ans = assistant.ask(text, filters=filters, history=history_questions(turns))
    except Exception as exc:  # noqa: BLE001 - the user gets a friendly message, the log the trace
        if not _expected(exc):
            log.exception("answering %r failed", text[:200])
        yield (
            {"text": text, "files": []},
            conversation_html(turns, text, error=friendly_error(exc)),
            turns,
        )
        return
    turn = ans.to_json()
    turn["searched"] = ans.searched
    turn["filters"] = describe_filters(filters)
    turn["key"] = f"a{time.time_ns()}"
    turns = [*turns, turn]
    yield cleared, conversation_html(turns, n_records=n_records), turns


def answer_json(
    assistant: Any,
    question: Any,
    evidence: list[str] | None = None,
    substances: list[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    history: list[Any] | None = None,
) -> dict[str, Any]:
    """The public answer schema (as ``assistant ask --json``) for API clients; errors as
    ``{"error": "..."}`` (a question over the length cap, a history item that is not text ...)."""
    try:
        if history is not None and not isinstance(history, list):
            raise QuestionError("history must be a list of the conversation's earlier questions.")
        filters = make_filters(evidence, substances, year_from, year_to)
        ans = assistant.ask(question, filters=filters, history=list(history or []))
    except Exception as exc:  # noqa: BLE001
        if not _expected(exc):
            log.exception("answering %r failed", str(question)[:200])
        return {"error": friendly_error(exc)}
    out = ans.to_json()
    out["searched"] = ans.searched
    return out


# --------------------------------------------------------------------------- export


def export_files(
    turns: Sequence[dict[str, Any]] | None, folder: Path | None = None
) -> tuple[str, str] | None:
    """Write the conversation (Markdown) and its references (RIS); None when there is nothing.

    Without ``folder``, each export gets a fresh folder under :data:`EXPORT_ROOT`; exports older
    than a day are removed.
    """
    turns = qa_turns(turns)
    if not turns:
        return None
    if folder is None:
        EXPORT_ROOT.mkdir(parents=True, exist_ok=True)
        _prune_exports(EXPORT_ROOT)
        folder = Path(tempfile.mkdtemp(dir=EXPORT_ROOT))
    folder.mkdir(parents=True, exist_ok=True)
    md = folder / "baclofen-conversation.md"
    ris = folder / "baclofen-references.ris"
    md.write_text(to_markdown(turns), encoding="utf-8")
    ris.write_text(to_ris(unique_citations(turns)), encoding="utf-8")
    return str(md), str(ris)


def _prune_exports(root: Path, max_age: float = EXPORT_MAX_AGE) -> None:
    now = time.time()
    for d in root.iterdir():
        try:
            if d.is_dir() and now - d.stat().st_mtime > max_age:
                shutil.rmtree(d, ignore_errors=True)
        except OSError:
            continue
