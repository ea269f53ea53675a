"""The other tabs as HTML: the contraindication table, the library as cards, one record, what an
upload did and a document checked against the evidence.

Everything the library shows comes from the index's public read side
(:meth:`~assistant.index.store.IndexStore.catalog`, ``record``, ``record_body``, ``counts``); every
piece of text is escaped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.frontends.export import evidence_label, links, one_line
from assistant.frontends.ui.render import esc, evidence_badge, link, plain_inline
from assistant.library import contraindications as ci
from assistant.vocab import SUBSTANCE_LABELS, USER_LABEL, VERDICTS

log = logging.getLogger(__name__)

MAX_LIBRARY_QUERY_CHARS = 200
STATUS_LABELS: dict[str, str] = {
    "contraindicated": "Contraindicated",
    "warning": "Warning",
    "precaution": "Precaution",
    "not addressed": "Not addressed",
}


def verdicts() -> list[tuple[str, str]]:
    """(verdict, heading) in report order (contradicted first), from ``vocab.VERDICTS``."""
    return [(v.key, v.label) for v in VERDICTS]


class QueryTooLong(ValueError):
    """A search box's text is over its cap; the message says so."""


def check_query(text: Any, cap: int, what: str) -> str:
    text = "" if text is None else str(text)
    if len(text) > cap:
        raise QueryTooLong(
            f"The {what} is {len(text):,} characters long; the limit is {cap:,}. Please shorten it."
        )
    return text


def message_html(text: str, kind: str = "info") -> str:
    role = ' role="alert"' if kind == "error" else ' role="status"'
    return f'<div class="ba-msg ba-msg-{kind}"{role}>{esc(text)}</div>'


# --------------------------------------------------------------------------- contraindications


def _source_ref(store: Any, sid: str) -> str:
    """A short linked reference for a record id: "Source: Title (year)"."""
    info = store.record(sid) if store is not None else None
    if info is None:
        return f'<span class="ba-src-line">Source: {esc(sid)}</span>'
    text = f"{one_line(info.title)} ({info.year})" if info.year else one_line(info.title)
    return f'<span class="ba-src-line">Source: {link(text, info.url or "")}</span>'


def contraindications_html(query: str = "", store: Any = None) -> str:
    """The contraindication table (filtered by ``query``), each statement with its source."""
    try:
        query = check_query(query, ci.MAX_QUERY_CHARS, "condition")
        conditions = ci.lookup(query or "", ci.load_table())
        note = ci.common_error()
    except (QueryTooLong, ci.ContraindicationError) as exc:
        return message_html(str(exc), "error")
    except Exception:  # noqa: BLE001 - the table file is broken: say so, log the details
        log.exception("contraindication table failed")
        return message_html("The contraindication table is not available right now.", "error")
    parts = ['<h3 class="sr-only">Conditions</h3>']
    if note:
        parts.append(f'<p class="ba-ci-note"><strong>Note.</strong> {esc(one_line(note))}</p>')
    if not conditions:
        parts.append(
            f'<p class="ba-empty">No condition in the table matches “{esc(query)}”. Try a broader '
            "word such as kidney, liver, pregnancy or epilepsy.</p>"
        )
    for c in conditions:
        status = str(c.label_status)
        scls = re.sub(r"[^a-z]+", "-", status)
        quote = (
            f'<blockquote class="ba-quote">“{esc(one_line(c.label_quote))}”</blockquote>'
            if c.label_quote
            else ""
        )
        adds = "".join(
            f"<li>{esc(one_line(a.text))} {_source_ref(store, a.source_id)}"
            f'<blockquote class="ba-quote">“{esc(one_line(a.quote))}”</blockquote></li>'
            for a in c.additions
        )
        parts.append(
            '<section class="ba-ci">'
            f'<h4>{esc(c.name)} <span class="ba-status ba-status-{scls}">'
            f"{esc(STATUS_LABELS.get(status, status))}</span></h4>"
            f"<p><b>US label:</b> {esc(one_line(c.label_summary))} "
            f"{_source_ref(store, c.label_source)}</p>{quote}"
            + (f"<p><b>Guidelines and studies add:</b></p><ul>{adds}</ul>" if adds else "")
            + "</section>"
        )
    return "".join(parts)


# --------------------------------------------------------------------------- library


def library_records(
    store: Any, query: str = "", evidence: Sequence[str] = (), substances: Sequence[str] = ()
) -> list[Any]:
    """Records matching a text query (every word in title, authors, id, year or evidence) and
    the filters, newest first; the user's documents first."""
    query = check_query(query, MAX_LIBRARY_QUERY_CHARS, "library search")
    words = [w for w in one_line(query).casefold().split() if w]
    out = []
    for r in store.catalog():
        if evidence and r.evidence not in evidence:
            continue
        if substances and not set(substances) & set(r.substances):
            continue
        hay = " ".join(
            str(x)
            for x in (
                r.id, r.title, r.year, r.authors, r.journal, r.publisher, evidence_label(r.evidence),
                USER_LABEL if r.user else "", *r.substances, *r.trial_names,
            )
        ).casefold()  # fmt: skip
        if all(w in hay for w in words):
            out.append(r)
    return sorted(out, key=lambda r: (not r.user, -(r.year or 0), r.id))


def library_cards_html(records: Sequence[Any], total: int, can_check: bool = False) -> str:
    """The records as cards: title, citation, badges, and buttons to read (and, for the user's
    documents, to check against the evidence or remove)."""
    if not records:
        return (
            '<p class="ba-count" role="status">No records match. Clear the search or the '
            "filters.</p>"
        )
    cards = []
    for r in records:
        subs = ", ".join(SUBSTANCE_LABELS.get(s, s) for s in r.substances)
        who = one_line(r.authors) or one_line(r.journal or r.publisher)
        meta = " · ".join(x for x in (who[:120], str(r.year or "n.d.")) if x)
        title = esc(one_line(r.title))
        actions = [
            f'<button type="button" class="ba-btn" data-lib-action="open" data-id="{esc(r.id)}">'
            f'Read<span class="sr-only"> {title}</span></button>'
        ]
        if r.user and can_check:
            actions.append(
                f'<button type="button" class="ba-btn" data-lib-action="check" '
                f'data-id="{esc(r.id)}">Check against the evidence'
                f'<span class="sr-only">: {title}</span></button>'
            )
        if r.user:
            actions.append(
                f'<button type="button" class="ba-btn ba-btn-danger" data-lib-action="remove" '
                f'data-id="{esc(r.id)}">Remove<span class="sr-only"> {title}</span></button>'
            )
        cards.append(
            f'<li class="ba-card{" ba-card-user" if r.user else ""}">'
            f'<h3 class="ba-card-title">{title}</h3>'
            f'<p class="ba-card-meta">{esc(meta)}</p>'
            f'<p class="ba-badges">{evidence_badge(r.evidence, r.claimed_evidence)}'
            + (f' <span class="ba-subs">{esc(subs)}</span>' if subs else "")
            + f'</p><div class="ba-card-actions">{"".join(actions)}</div></li>'
        )
    return (
        f'<p class="ba-count" role="status">{len(records)} of {total} records.</p>'
        f'<ul class="ba-cards">{"".join(cards)}</ul>'
    )


def body_html(body: str) -> str:
    """A record's Markdown body as simple, escaped HTML (headings, paragraphs, lists)."""
    out: list[str] = []
    para: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if para:
            out.append(f"<p>{plain_inline(' '.join(para))}</p>")
            para.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{plain_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if not line or re.fullmatch(r"<!--.*-->", line):
            flush()
        elif m := re.match(r"^#{1,6}\s+(.*)$", line):
            flush()
            out.append(f"<h4>{esc(m.group(1))}</h4>")
        elif m := re.match(r"^[-*]\s+(.*)$", line):
            if para:
                flush()
            items.append(m.group(1))
        elif items and raw.startswith((" ", "\t")):
            items[-1] += " " + line
        else:
            if items:
                flush()
            para.append(line)
    flush()
    return "".join(out)


def record_html(store: Any, record_id: str | None) -> str:
    """One record: citation, identifiers, evidence badge, study facts and its text."""
    if not record_id:
        return '<p class="ba-empty">Choose “Read” on a record to read it here.</p>'
    info = store.record(record_id)
    if info is None:
        return f'<p class="ba-empty">No record “{esc(record_id)}” in the library.</p>'
    body = store.record_body(record_id)
    ids = " · ".join(link(label, url) for label, url in links(info.to_json()))
    facts = [
        ("Substances", ", ".join(SUBSTANCE_LABELS.get(s, s) for s in info.substances)),
        ("Population", info.population),
        ("Participants", info.n),
        ("Design", info.design),
        ("Dose", info.dose_text),
        ("Primary outcome", info.primary_outcome),
        ("Result", info.key_result),
        ("Trials", ", ".join(info.trial_names)),
        ("Added", info.added if info.user else None),
    ]
    fact_html = "".join(f"<dt>{esc(k)}</dt><dd>{esc(one_line(v))}</dd>" for k, v in facts if v)
    citation = " ".join(
        x
        for x in (
            one_line(info.authors),
            f"({info.year})" if info.year else "(n.d.)",
            one_line(info.journal or info.publisher),
        )
        if x
    )
    return (
        f'<article class="ba-record" aria-labelledby="rec-{esc(record_id)}">'
        f'<h3 id="rec-{esc(record_id)}">{esc(one_line(info.title))}</h3>'
        f'<p class="ba-ref">{esc(citation)}{" " + ids if ids else ""}</p>'
        f'<p class="ba-badges">{evidence_badge(info.evidence, info.claimed_evidence)} '
        f'<span class="ba-badge ba-badge-id">{esc(record_id)}</span></p>'
        + (f'<dl class="ba-facts">{fact_html}</dl>' if fact_html else "")
        + (body_html(body) if body else '<p class="ba-empty">The text of this record is not '
           "available (its file has moved).</p>")
        + "</article>"
    )  # fmt: skip


# --------------------------------------------------------------------------- uploads


def ingest_lines(report: Any) -> list[str]:
    """What an ingest did, one line each, file paths shown by their names."""

    def name(p: Any) -> str:
        return re.split(r"[\\/]", str(p.path))[-1]

    lines = [f"Added: {report.titles.get(rid, rid)} ({rid})" for rid in report.added]
    lines += [f"Replaced an older version: {rid}" for rid in report.replaced]
    lines += [f"Skipped {name(p)}: {p.reason}" for p in report.skipped]
    lines += [f"Warning for {name(p)}: {p.reason}" for p in report.warnings]
    lines += [f"Not added, {name(p)}: {p.reason}" for p in report.errors]
    if not report.added and not report.errors and not report.skipped:
        lines.append("Nothing was added; the library is unchanged.")
    return lines


def ingest_report_html(report: Any) -> str:
    kind = "error" if report.errors and not report.added else "ok"
    head = (
        f"Added {len(report.added)} document(s) to your library; they can be searched now."
        if report.added
        else "No document was added."
    )
    items = "".join(f"<li>{esc(line)}</li>" for line in ingest_lines(report))
    role = "alert" if kind == "error" else "status"
    return (
        f'<div class="ba-msg ba-msg-{kind}" role="{role}"><p><strong>{esc(head)}</strong></p>'
        f"<ul>{items}</ul></div>"
    )


# --------------------------------------------------------------------------- document check


def check_report_html(report: Mapping[str, Any]) -> str:
    """A document checked against the evidence (``assistant.check(id).to_json()``): its claims
    grouped by verdict, contradicted first, each with the document's sentence (and page) and the
    curated passage that decides it."""
    doc = report.get("document") or {}
    claims = list(report.get("claims") or [])
    title = one_line(doc.get("title")) or one_line(doc.get("id")) or "your document"
    order = verdicts()
    counts = {v: sum(1 for c in claims if c.get("verdict") == v) for v, _ in order}
    summary = ", ".join(f"{counts[v]} {v.replace('-', ' ')}" for v, _ in order)
    parts = [
        f'<section class="ba-check" aria-labelledby="check-title">'
        f'<h3 id="check-title">Checked against the evidence: {esc(title)}</h3>'
        f'<p class="ba-meta" role="status">{len(claims)} claims: {esc(summary)}.</p>'
    ]
    if not claims:
        parts.append('<p class="ba-empty">No checkable claims were found in this document.</p>')
    for verdict, heading in order:
        group = [c for c in claims if c.get("verdict") == verdict]
        if not group:
            continue
        items = []
        for c in group:
            page = f' <span class="ba-page">(p. {int(c["page"])})</span>' if c.get("page") else ""
            topic = (
                f'<span class="ba-badge">{esc(str(c["topic"]).replace("-", " ").capitalize())}'
                "</span> "
                if c.get("topic")
                else ""
            )
            quotes = "".join(
                f'<blockquote class="ba-quote">“{esc(one_line(q.get("quote")))}”'
                f"<footer>{esc(one_line(q.get('authors')))} "
                f"({esc(q.get('year') or 'n.d.')}). {esc(one_line(q.get('title')))} "
                f"{evidence_badge(str(q.get('evidence') or ''), q.get('claimed_evidence'))}"
                f"</footer></blockquote>"
                for q in c.get("citations") or []
            )
            items.append(
                f'<li class="ba-claim-item ba-verdict-{esc(verdict)}">'
                f'<p class="ba-claim-text">{topic}<q>{esc(one_line(c.get("text")))}</q>{page}</p>'
                + (
                    f'<p class="ba-claim-why">{esc(one_line(c.get("explanation")))}</p>'
                    if c.get("explanation")
                    else ""
                )
                + quotes
                + "</li>"
            )
        parts.append(
            f'<h4 class="ba-verdict-head ba-verdict-{esc(verdict)}">{esc(heading)} '
            f'({len(group)})</h4><ul class="ba-claims">{"".join(items)}</ul>'
        )
    parts.append("</section>")
    return "".join(parts)
