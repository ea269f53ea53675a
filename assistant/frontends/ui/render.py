"""The chat as HTML: a conversation of turns, each with its notices, answer, evidence table and
Sources block.

Pure functions over turn dicts (``Answer.to_json()`` plus ``searched`` and ``filters``), so the
same conversation renders the same way after a page reload. Every piece of text from a record,
a quote, a user's document or a question goes through :func:`esc`; the only markup is ours.

Notices follow the vocabulary (:data:`assistant.vocab.NOTICES`): in its order, with its labels,
icons and roles. Kinds marked ``always_full`` (emergency, withdrawal) are always shown in full and
first; the off-label notice in full once per conversation and then as a one-line reminder that
links to it; every other notice as its one-line form with the full text on demand.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from assistant.frontends.export import (
    evidence_label,
    links,
    one_line,
    ordered_notices,
    to_text,
    turn_dict,
)
from assistant.settings import Settings
from assistant.vocab import NOTICE, RESULT_LABELS, USER_EVIDENCE, USER_LABEL

DEFAULT_EMERGENCY_NUMBER = "112"
FULL_ONCE = ("off_label",)  # shown in full once per conversation, then as a reminder
_CITE = re.compile(r"\[(\d{1,3})\]")
_XREF = re.compile(r"\[@([a-z0-9_\-]+)\]")


def esc(text: Any) -> str:
    """HTML-escape any text (quotes too) for element content or attributes."""
    return html.escape("" if text is None else str(text), quote=True)


def emergency_number() -> str:
    """The number the emergency notice offers to call (``Settings.emergency_number``, from
    ``ASSISTANT_EMERGENCY_NUMBER``); a value that is not a phone number falls back to 112 here
    (``assistant serve`` refuses it at start)."""
    try:
        return Settings().emergency_number
    except ValidationError:
        return DEFAULT_EMERGENCY_NUMBER


def link(label: str, url: str) -> str:
    """An external link (http/https only; anything else is shown as text)."""
    if not re.match(r"^https?://[^\s<>\"']+$", url or ""):
        return esc(label)
    return (
        f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(label)}'
        '<span class="sr-only"> (opens in a new tab)</span></a>'
    )


def short_ref(c: Mapping[str, Any]) -> str:
    """ "First author et al. (year)" or the title, for previews and labels."""
    authors = one_line(c.get("authors"))
    first = re.split(r",\s*", authors)[0] if authors else ""
    who = f"{first} et al." if first and "," in authors else first
    year = f" ({c['year']})" if c.get("year") else ""
    return f"{who}{year}" if who else f"{one_line(c.get('title'))[:80]}{year}"


# --------------------------------------------------------------------------- inline text


class Chips:
    """Turns [n] markers into links to the cited passage, each with a preview of it."""

    def __init__(self, turn: int, citations: Sequence[Mapping[str, Any]]) -> None:
        self.turn = turn
        self.by_n = {int(c.get("n") or 0): c for c in citations}
        self.count = 0

    def chip(self, n: int) -> str:
        c = self.by_n.get(n)
        if c is None:
            return f"[{n}]"
        self.count += 1
        pid = f"pv-{self.turn}-{n}-{self.count}"
        quote = one_line(c.get("quote"))
        quote = quote if len(quote) <= 280 else quote[:277].rsplit(" ", 1)[0] + " …"
        return (
            f'<span class="ba-cite-wrap"><a class="ba-cite" href="#src-{self.turn}-{n}" '
            f'data-turn="{self.turn}" data-n="{n}" aria-label="Source {n}" '
            f'aria-describedby="{pid}">[{n}]</a>'
            f'<span class="ba-preview" role="tooltip" id="{pid}"><b>{esc(short_ref(c))}</b> '
            f"{esc(evidence_label(str(c.get('evidence') or '')))}. “{esc(quote)}”</span></span>"
        )

    def inline(self, text: Any) -> str:
        """Escaped text with [n] markers as source links and [@id] cross-references muted.

        The substitutions run on already-escaped text and only insert our markup around digits
        and ids, so nothing from the text can become markup.
        """
        out = esc(one_line(text))
        out = _CITE.sub(lambda m: self.chip(int(m.group(1))), out)
        return _XREF.sub(r'<span class="ba-xref">\1</span>', out)


def plain_inline(text: Any) -> str:
    """Escaped text with [n] markers as plain chips (no links: record pages, reports)."""
    out = esc(one_line(text))
    out = _CITE.sub(r'<span class="ba-chip">[\1]</span>', out)
    return _XREF.sub(r'<span class="ba-xref">\1</span>', out)


# --------------------------------------------------------------------------- notices


def call_html() -> str:
    """Tap to call the emergency number, and how to find the local one."""
    num = emergency_number()
    tel = re.sub(r"[ \-]", "", num)
    return (
        f'<p class="ba-call"><a class="ba-call-link" href="tel:{esc(tel)}">Call {esc(num)}</a> '
        f"<span>Not where {esc(num)} works? Call your local emergency number (911 in North "
        "America, 999 in the UK, 000 in Australia, 112 across Europe) or a poison control "
        "centre; a phone's emergency-call screen dials it even when the phone is locked.</span>"
        "</p>"
    )


def notice_html(n: Mapping[str, Any], mode: str, nid: str, live: bool, first: str = "") -> str:
    """One notice. ``mode``: "full", "short" (one line, full text on demand) or "reminder" (one
    line linking to ``first``, the id of the full notice earlier in the conversation)."""
    kind = str(n.get("kind", ""))
    style = NOTICE.get(kind)
    label = style.label if style else kind.replace("_", " ").capitalize()
    short = style.short if style else one_line(n.get("text"))
    icon = f'<span class="ba-icon" aria-hidden="true">{esc(style.icon)}</span>' if style else ""
    css = re.sub(r"[^a-z_]", "", kind)
    text = esc(one_line(n.get("text")))
    role = (style.role if style else "note") if live else "note"
    if mode == "full":
        extra = call_html() if kind == "emergency" else ""
        return (
            f'<div class="ba-notice ba-notice-{css}" role="{role}" id="{nid}" tabindex="-1">'
            f'<p class="ba-notice-head">{icon}{esc(label)}</p>'
            f'<p class="ba-notice-text">{text}</p>{extra}</div>'
        )
    if mode == "reminder":
        return (
            f'<p class="ba-notice ba-notice-{css} ba-notice-line" role="note" id="{nid}">'
            f'{icon}<span class="sr-only">{esc(label)}: </span>{esc(short)} '
            f'<a href="#{esc(first)}" class="ba-notice-link">Read the full notice'
            f'<span class="sr-only"> on {esc(label.lower())}</span></a></p>'
        )
    return (
        f'<div class="ba-notice ba-notice-{css} ba-notice-line" role="note" id="{nid}">'
        f'<details><summary>{icon}<span class="ba-notice-label">{esc(label)}:</span> '
        f'{esc(short)} <span class="ba-more">Details</span></summary>'
        f'<p class="ba-notice-text">{text}</p></details></div>'
    )


def notices_html(
    notices: Sequence[Mapping[str, Any]], turn: int, seen: dict[str, str], live: bool
) -> str:
    """The notices of one answer under the conversation's rules (``seen`` maps a kind to the id
    of its first full rendering and is updated)."""
    parts = []
    for n in ordered_notices(notices):
        kind = str(n.get("kind", ""))
        nid = f"notice-{turn}-{kind}"
        style = NOTICE.get(kind)
        if style is not None and style.always_full:
            parts.append(notice_html(n, "full", nid, live))
        elif kind in FULL_ONCE and kind not in seen:
            seen[kind] = nid
            parts.append(notice_html(n, "full", nid, live))
        elif kind in FULL_ONCE:
            parts.append(notice_html(n, "reminder", nid, live, seen[kind]))
        else:
            parts.append(notice_html(n, "short", nid, live))
    return f'<div class="ba-notices">{"".join(parts)}</div>' if parts else ""


# --------------------------------------------------------------------------- answer parts


def reference_html(c: Mapping[str, Any]) -> str:
    """Authors (year). <b>Title.</b> <i>Journal.</i> (all escaped)."""
    parts = []
    if c.get("authors"):
        parts.append(esc(one_line(c["authors"])))
    parts.append(f"({int(c['year'])})" if c.get("year") else "(n.d.)")
    title = one_line(c.get("title")).rstrip(".")
    if title:
        parts.append(f"<b>{esc(title)}.</b>")
    if c.get("journal"):
        parts.append(f"<i>{esc(one_line(c['journal']).rstrip('.'))}.</i>")
    elif c.get("publisher"):
        parts.append(f"{esc(one_line(c['publisher']).rstrip('.'))}.")
    return " ".join(parts)


def evidence_badge(evidence: str, claimed: str | None = None) -> str:
    """The evidence type as a badge; a user's document is "your library" with a distinct badge,
    and what it claimed to be is shown as a claim only."""
    if evidence == USER_EVIDENCE:
        claim = (
            f' <span class="ba-claim">(claims: {esc(evidence_label(claimed))})</span>'
            if claimed
            else ""
        )
        return f'<span class="ba-badge ba-badge-user">{esc(USER_LABEL)}</span>{claim}'
    return f'<span class="ba-badge">{esc(evidence_label(evidence))}</span>'


def sources_html(citations: Sequence[Mapping[str, Any]], turn: int, abstained: bool) -> str:
    """The Sources block: full reference, identifier links, evidence badge, quoted passage."""
    if not citations:
        return ""
    items = []
    for c in citations:
        n = int(c.get("n") or 0)
        ids = " · ".join(link(label, url) for label, url in links(c))
        quote = one_line(c.get("quote"))
        page = f' <span class="ba-page">(p. {int(c["page"])})</span>' if c.get("page") else ""
        badge = evidence_badge(str(c.get("evidence") or ""), c.get("claimed_evidence"))
        items.append(
            f'<li class="ba-src" id="src-{turn}-{n}" tabindex="-1">'
            f'<p class="ba-ref"><span class="ba-n">[{n}]</span> {reference_html(c)}'
            f"{' ' + ids if ids else ''}</p>"
            f'<p class="ba-badges">{badge}</p>'
            + (
                f'<blockquote class="ba-quote">“{plain_inline(quote)}”{page}</blockquote>'
                if quote
                else ""
            )
            + "</li>"
        )
    k = len({c.get("source_id") for c in citations})
    what = "Nearest sources" if abstained else "Sources"
    return (
        f'<details class="ba-sources" id="sources-{turn}"><summary>{what} ({k})'
        f'<span class="sr-only"> for answer {turn + 1}</span></summary>'
        f'<ol class="ba-source-list">{"".join(items)}</ol></details>'
    )


TABLE_COLUMNS = ("Study", "Year", "n", "Dose", "Primary outcome", "Result", "Source")


def evidence_table_html(rows: Sequence[Mapping[str, Any]], chips: Chips) -> str:
    """An efficacy answer's studies: study, year, n, dose, primary outcome, result, citation."""
    if not rows:
        return ""
    body = []
    for r in rows:
        result = RESULT_LABELS.get(str(r.get("result")), str(r.get("result") or ""))
        key = one_line(r.get("key_result"))
        n_cite = int(r.get("n_cite") or 0)
        cells = [
            f"<b>{esc(one_line(r.get('study')))}</b>"
            + (
                f'<span class="ba-design">{esc(one_line(r.get("design")))}</span>'
                if r.get("design")
                else ""
            ),
            esc(r.get("year") or "n.d."),
            esc(r.get("n") or "–"),
            esc(one_line(r.get("dose")) or "–"),
            esc(one_line(r.get("primary_outcome")) or "–"),
            f'<span class="ba-result ba-result-{esc(r.get("result") or "")}">{esc(result)}</span>'
            + (f" {esc(key)}" if key else ""),
            chips.chip(n_cite) if n_cite else "",
        ]
        body.append(
            "<tr>"
            + "".join(
                f'<td data-label="{esc(h)}">{c}</td>'
                for h, c in zip(TABLE_COLUMNS, cells, strict=True)
            )
            + "</tr>"
        )
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in TABLE_COLUMNS)
    return (
        '<div class="ba-table-wrap"><table class="ba-evidence">'
        "<caption>The studies behind this answer</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def answer_body_html(t: Mapping[str, Any], chips: Chips) -> str:
    """The bottom line first (the answer's first line), then its points."""
    lines = [ln.strip() for ln in str(t.get("answer") or "").splitlines() if ln.strip()]
    out: list[str] = []
    items: list[str] = []
    cls = " ba-abstain" if t.get("abstained") else ""
    for i, ln in enumerate(lines):
        bullet = ln.startswith(("- ", "* ", "• "))
        if bullet:
            items.append(f"<li>{chips.inline(ln[2:])}</li>")
            continue
        if items:
            out.append(f'<ul class="ba-points">{"".join(items)}</ul>')
            items = []
        if i == 0:
            out.append(f'<p class="ba-bottom{cls}">{chips.inline(ln)}</p>')
        else:
            out.append(f'<p class="ba-para{cls}">{chips.inline(ln)}</p>')
    if items:
        out.append(f'<ul class="ba-points">{"".join(items)}</ul>')
    return "".join(out)


def meta_html(t: Mapping[str, Any]) -> str:
    parts = []
    if t.get("note"):
        parts.append(f'<p class="ba-note">{esc(one_line(t["note"]))}</p>')
    meta = []
    if t.get("searched"):
        meta.append(f"<b>Searched:</b> {esc(one_line(t['searched']))}")
    if t.get("filters"):
        meta.append(f"<b>Filters:</b> {esc(t['filters'])}")
    if meta:
        parts.append(f'<p class="ba-meta">{" · ".join(meta)}</p>')
    return "".join(parts)


# --------------------------------------------------------------------------- turns


def turn_html(raw: Mapping[str, Any], turn: int, seen: dict[str, str], latest: bool) -> str:
    """One question and its answer as an ``<article>``."""
    if raw.get("kind") == "upload":
        return upload_turn_html(raw, turn)
    t = turn_dict(raw)
    chips = Chips(turn, t["citations"])
    body = answer_body_html(t, chips)
    table = evidence_table_html(t["evidence_table"], chips)
    copy = esc(to_text(t))
    flags = ' data-latest="1"' if latest else ""
    return (
        f'<article class="ba-turn" id="turn-{turn}" data-turn="{turn}"{flags} '
        f'data-key="{esc(t.get("key") or turn)}" aria-labelledby="q-{turn}">'
        f'<h3 class="ba-q" id="q-{turn}"><span class="sr-only">Question {turn + 1}: </span>'
        f"{esc(one_line(t['question']))}</h3>"
        f'<div class="ba-answer" id="answer-{turn}" tabindex="-1">'
        f'<h4 class="sr-only">Answer {turn + 1}</h4>'
        + notices_html(t["notices"], turn, seen, live=latest)
        + body
        + table
        + meta_html(t)
        + '<div class="ba-actions"><button type="button" class="ba-copy" '
        f'data-turn="{turn}">Copy answer with references</button></div>'
        f'<pre class="ba-copytext" id="copy-{turn}" hidden>{copy}</pre>'
        + sources_html(t["citations"], turn, bool(t["abstained"]))
        + "</div></article>"
    )


def upload_turn_html(raw: Mapping[str, Any], turn: int) -> str:
    """Documents added from the chat box: what was added, skipped or refused."""
    cls = " ba-upload-error" if raw.get("errors") and not raw.get("added") else ""
    lines = "".join(f"<li>{esc(line)}</li>" for line in raw.get("lines") or [])
    return (
        f'<article class="ba-turn ba-upload{cls}" id="turn-{turn}" data-turn="{turn}" '
        f'aria-labelledby="q-{turn}"><h3 class="ba-q" id="q-{turn}">'
        f"{esc(raw.get('title') or 'Your documents')}</h3>"
        f'<ul class="ba-upload-lines">{lines}</ul></article>'
    )


def conversation_html(
    turns: Sequence[Mapping[str, Any]],
    pending: str | None = None,
    error: str | None = None,
    progress: str | None = None,
    n_records: int = 0,
) -> str:
    """The whole conversation (or the welcome screen when it is empty). ``pending`` is a question
    being answered, ``progress`` what is happening now, ``error`` a message for the last
    question."""
    parts = ['<div class="ba-conversation">']
    if not turns and pending is None and error is None:
        parts.append(empty_state_html(n_records))
    else:
        parts.append('<h2 class="sr-only">Conversation</h2>')
    seen: dict[str, str] = {}
    last = len(turns) - 1
    for i, t in enumerate(turns):
        latest = i == last and pending is None and error is None
        parts.append(turn_html(t, i, seen, latest))
    if pending is not None or error is not None:
        i = len(turns)
        status = (
            f'<div class="ba-error" role="alert">{esc(error)}</div>'
            if error is not None
            else f'<p class="ba-pending"><span class="ba-spinner" aria-hidden="true"></span>'
            f"{esc(progress or 'Searching the library…')}</p>"
        )
        state = "error" if error is not None else "pending"
        parts.append(
            f'<article class="ba-turn ba-turn-{state}" id="turn-{i}" data-turn="{i}" '
            f'data-latest="1" data-state="{state}" aria-labelledby="q-{i}">'
            f'<h3 class="ba-q" id="q-{i}"><span class="sr-only">Question {i + 1}: </span>'
            f"{esc(one_line(pending or ''))}</h3>{status}</article>"
        )
    parts.append("</div>")
    return "".join(parts)


EXAMPLES: tuple[tuple[str, str], ...] = (
    ("Student", "Does baclofen reduce alcohol craving?"),
    ("Student", "How does baclofen act on GABA-B receptors?"),
    ("Student", "What did the ALPADIR and Bacloville trials find?"),
    ("Clinician", "Is baclofen safe in patients with liver cirrhosis?"),
    ("Clinician", "What does the label say about kidney impairment?"),
    ("Clinician", "What are the risks of stopping baclofen abruptly?"),
)


def empty_state_html(n_records: int = 0) -> str:
    """The welcome screen: what the assistant does, the one disclaimer, example questions."""
    examples = "".join(
        f'<li><button type="button" class="ba-example" data-question="{esc(q)}">'
        f'<span class="ba-who">{esc(who)}</span> {esc(q)}</button></li>'
        for who, q in EXAMPLES
    )
    count = f" ({int(n_records)} sources)" if n_records else ""
    return (
        '<div class="ba-welcome"><h2>Ask the literature</h2>'
        "<p>Questions about baclofen for alcohol and other addictions: efficacy, craving, dosing "
        "in trials, safety, regulation. Answers quote a curated library of trials, reviews, "
        f"guidelines and drug labels{count} and cite them <b>[n]</b>; select a number to read the "
        "passage. Add your own documents in the Library tab or by dropping them on the question "
        "box.</p>"
        '<p class="ba-disclaimer" role="note"><strong>Educational literature assistant, not '
        "medical advice.</strong> Baclofen is approved for spasticity; its use for alcohol use "
        "disorder or any other addiction is <strong>off-label</strong> in most countries "
        "(France authorises Baclocur for alcohol). In an emergency, call your local emergency "
        "number.</p>"
        f'<h3>Try an example</h3><ul class="ba-examples">{examples}</ul></div>'
    )


def error_html(text: str) -> str:
    return f'<div class="ba-error" role="alert">{esc(text)}</div>'
