"""The Library tab's handlers: list and search the records, add documents (with progress),
remove one, read one, check one against the evidence.

Adding and removing go through :mod:`assistant.library.ingest` (the same formats, limits and
errors as ``assistant ingest``; a failure changes nothing) and then reload the running assistant,
so a document is searchable at once.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from assistant.frontends.ui.chat import friendly_error, ingest_with_progress
from assistant.frontends.ui.pages import (
    QueryTooLong,
    check_report_html,
    ingest_report_html,
    library_cards_html,
    library_records,
    message_html,
    record_html,
)
from assistant.library.formats.base import IngestError
from assistant.library.ingest import remove_document

log = logging.getLogger(__name__)


def can_check(assistant: Any) -> bool:
    """Whether this core can check a document against the evidence (``Assistant.check``)."""
    return callable(getattr(assistant, "check", None))


def library_view(
    assistant: Any,
    query: str = "",
    evidence: Sequence[str] | None = None,
    substances: Sequence[str] | None = None,
) -> str:
    """The cards matching the search and filters (or a message saying what is wrong)."""
    store = assistant.store
    try:
        records = library_records(store, query or "", evidence or (), substances or ())
    except QueryTooLong as exc:
        return message_html(str(exc), "error")
    return library_cards_html(records, store.counts()["records"], can_check(assistant))


def upload(
    assistant: Any,
    files: Sequence[Any] | None,
    query: str = "",
    evidence: Sequence[str] | None = None,
    substances: Sequence[str] | None = None,
) -> Iterator[tuple[str, str, Any]]:
    """Add uploaded files; yields (status HTML, cards HTML, file input value) as it goes."""
    paths = [str(getattr(f, "name", f)) for f in files or [] if f]
    if not paths:
        yield (
            message_html("Choose one or more files first.", "error"),
            library_view(assistant, query, evidence, substances),
            None,
        )
        return
    names = ", ".join(Path(p).name for p in paths)
    cards = library_view(assistant, query, evidence, substances)
    yield message_html(f"Adding {names} …"), cards, None
    try:
        for phase, report in ingest_with_progress(assistant, paths):
            if report is None:
                yield message_html(f"Adding {names}: {phase}"), cards, None
            else:
                yield (
                    ingest_report_html(report),
                    library_view(assistant, query, evidence, substances),
                    None,
                )
    except Exception as exc:  # noqa: BLE001 - a failed ingest changed nothing; say why
        if not _ingest_error(exc):
            log.exception("adding %s failed", names)
        yield message_html(friendly_error(exc), "error"), cards, None


def _ingest_error(exc: BaseException) -> bool:
    return isinstance(exc, IngestError)


def remove(
    assistant: Any,
    record_id: str,
    query: str = "",
    evidence: Sequence[str] | None = None,
    substances: Sequence[str] | None = None,
) -> tuple[str, str]:
    """Remove one of the user's documents; (status HTML, cards HTML)."""
    info = assistant.store.record(record_id)
    title = info.title if info is not None else record_id
    try:
        remove_document(assistant.settings, record_id, embedder=assistant.embedder)
    except Exception as exc:  # noqa: BLE001
        if not _ingest_error(exc):
            log.exception("removing %s failed", record_id)
        return message_html(friendly_error(exc), "error"), library_view(
            assistant, query, evidence, substances
        )
    assistant.reload()
    return message_html(f"Removed “{title}” from your library."), library_view(
        assistant, query, evidence, substances
    )


def check(assistant: Any, record_id: str) -> str:
    """A user's document checked against the evidence, as HTML."""
    if not can_check(assistant):
        return message_html("Checking documents is not available in this version.", "error")
    try:
        report = assistant.check(record_id)
    except Exception as exc:  # noqa: BLE001
        if not _ingest_error(exc):
            log.exception("checking %s failed", record_id)
        return message_html(friendly_error(exc), "error")
    data = report.to_json() if hasattr(report, "to_json") else dict(report)
    return check_report_html(data)


def parse_action(raw: Any) -> tuple[str, str]:
    """The (action, record id) a card button sent (JSON from the page script)."""
    try:
        data = json.loads(raw or "{}")
    except (TypeError, ValueError):
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    return str(data.get("action") or ""), str(data.get("id") or "")[:100]


def act(
    assistant: Any,
    raw: Any,
    query: str = "",
    evidence: Sequence[str] | None = None,
    substances: Sequence[str] | None = None,
) -> tuple[str, str, str]:
    """A card button: "open" reads a record, "check" checks a document, "remove" removes it.
    Returns (record pane HTML, status HTML, cards HTML)."""
    action, rid = parse_action(raw)
    cards = library_view(assistant, query, evidence, substances)
    if action == "open":
        return record_html(assistant.store, rid), "", cards
    if action == "check":
        info = assistant.store.record(rid)
        if info is None or not info.user:
            return message_html(f"“{rid}” is not one of your documents.", "error"), "", cards
        return check(assistant, rid), "", cards
    if action == "remove":
        status, cards = remove(assistant, rid, query, evidence, substances)
        return record_html(assistant.store, None), status, cards
    return record_html(assistant.store, None), "", cards
