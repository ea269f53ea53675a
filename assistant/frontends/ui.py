"""The Gradio app: a thin layer over :class:`assistant.answering.pipeline.Assistant`.

Everything the app shows is computed by plain module-level functions (``respond``,
``render_answer``, ``render_sources``, ``contraindications_html``, ``library_rows``,
``library_record_html``, ``export_files`` ...) that take the loaded assistant and the inputs and
return data; :func:`build_app` only wires them to components. Retrieval, composition and the
safety notices all happen in the core (``Assistant.ask``); the UI renders what it returns.

Every piece of text that comes from a record, a quote, a user's document or a question is passed
through :func:`html.escape` before it is put into HTML, so hostile input is shown as text and never
runs. The answer and sources are one HTML block each (no blank lines), so the chat's Markdown
renderer does not interpret their text either.
"""

from __future__ import annotations

import contextlib
import html
import logging
import re
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from assistant.frontends.export import links, to_markdown, to_ris, unique_citations
from assistant.settings import Settings
from assistant.vocab import EVIDENCE_TYPES, SUBSTANCES

log = logging.getLogger(__name__)

APP_TITLE = "Baclofen literature assistant"
DEFAULT_CONCURRENCY = 4
QUEUE_MAX_SIZE = 64

EVIDENCE_LABELS: dict[str, str] = {
    "meta-analysis": "Meta-analysis",
    "systematic-review": "Systematic review",
    "rct": "RCT",
    "cohort": "Cohort / open study",
    "case-report": "Case report",
    "lab-study": "Lab study",
    "review": "Review",
    "guideline": "Guideline",
    "label": "Drug label",
    "regulatory": "Regulatory",
    "overview": "Editors' overview",
    "user-document": "Your document",
}
SUBSTANCE_LABELS: dict[str, str] = {
    "alcohol": "Alcohol",
    "opioids": "Opioids",
    "cocaine": "Cocaine",
    "methamphetamine": "Methamphetamine",
    "nicotine": "Nicotine",
    "ghb": "GHB",
    "general": "General / pharmacology",
    "spasticity": "Spasticity",
}
NOTICE_STYLE: dict[str, tuple[str, str]] = {  # kind -> (icon letter, heading)
    "emergency": ("!", "Emergency: get help now"),
    "general": ("i", "Not medical advice."),
    "off_label": ("!", "Off-label use"),
    "dosing": ("!", "Dosing"),
    "pregnancy": ("i", "Pregnancy and breastfeeding"),
    "renal": ("i", "Kidney function"),
}
NOTICE_ORDER = ("emergency", "off_label", "dosing", "pregnancy", "renal", "general")
STATUS_LABELS: dict[str, str] = {
    "contraindicated": "Contraindicated",
    "warning": "Warning",
    "precaution": "Precaution",
    "not addressed": "Not addressed",
}

EXAMPLES_STUDENTS = [
    "Does baclofen reduce alcohol craving?",
    "How does baclofen act on GABA-B receptors?",
    "What did the ALPADIR and Bacloville trials find?",
]
EXAMPLES_CLINICIANS = [
    "Is baclofen safe in patients with liver cirrhosis?",
    "What does the label say about kidney impairment?",
    "What are the risks of stopping baclofen abruptly?",
]

BANNER_TEMPLATE = """
<div class="ba-banner">
  <div class="ba-banner-title">
    <svg class="ba-logo" aria-hidden="true" viewBox="0 0 48 48" width="44" height="44">
      <rect x="2" y="2" width="44" height="44" rx="12" fill="rgba(255,255,255,0.16)"/>
      <g transform="rotate(-35 24 24)">
        <rect x="10" y="17" width="28" height="14" rx="7" fill="#fff"/>
        <rect x="24" y="17" width="14" height="14" rx="7" fill="#ffd166"/>
        <rect x="24" y="17" width="7" height="14" fill="#ffd166"/>
      </g>
    </svg>
    <div>
      <h1>{title}</h1>
      <p>Cited answers about baclofen and addiction cravings, from a curated library of trials,
      reviews, guidelines and drug labels ({n_records} sources). Runs offline; every point cites
      its source.</p>
    </div>
  </div>
  <div class="ba-banner-notice" role="note">
    <strong>Educational literature assistant, not medical advice.</strong>
    Baclofen is approved for spasticity; its use for alcohol use disorder or any other addiction
    is <strong>off-label</strong> (France authorises Baclocur for alcohol, up to 80&nbsp;mg/day).
    Decisions about treatment belong with a clinician. In an emergency, call your local
    emergency number.
  </div>
</div>
"""


def banner_html(n_records: int) -> str:
    return BANNER_TEMPLATE.format(title=esc(APP_TITLE), n_records=int(n_records))


EMPTY_STATE = (
    "### Ask the literature\n"
    "Questions about baclofen for alcohol and other addictions: efficacy, craving, dosing in "
    "trials, safety, regulation. Answers quote the sources and cite them **[n]**; open "
    "**Sources** under an answer to read the passages.\n\n"
    "Try an example below, or narrow the search with the filters on the right."
)

CSS = """
.gradio-container { max-width: 1320px !important; margin: 0 auto !important; }
.ba-banner { background: linear-gradient(135deg, #0f4c5c 0%, #16697a 100%); color: #fff;
  border-radius: 14px; padding: 18px 22px 14px; margin-bottom: 4px; }
.ba-banner-title { display: flex; gap: 14px; align-items: center; }
.ba-banner h1 { color: #fff !important; font-size: 1.45rem; margin: 0 0 2px; font-weight: 700; }
.ba-banner p { color: #d8eef2 !important; margin: 0; font-size: 0.93rem; }
.ba-logo { flex: none; }
.ba-icon { display: inline-flex; align-items: center; justify-content: center; width: 1.3em;
  height: 1.3em; border-radius: 50%; background: #64748b; color: #fff; margin-right: 6px;
  font-size: 0.78em; font-weight: 800; vertical-align: 1px; }
.ba-notice-emergency .ba-icon { background: #c81e1e; }
.ba-notice-off_label .ba-icon, .ba-notice-dosing .ba-icon { background: #d97706; }
.ba-notice-pregnancy .ba-icon { background: #7c3aed; }
.ba-notice-renal .ba-icon { background: #1d4ed8; }
.ba-notice-general .ba-icon { background: #94a3b8; }
.ba-banner-notice { margin-top: 12px; background: rgba(255,255,255,0.12);
  border-left: 4px solid #ffd166; border-radius: 8px; padding: 8px 12px;
  font-size: 0.88rem; color: #fff; line-height: 1.45; }
.ba-banner-notice strong { color: #fff; }
.ba-notice { border-radius: 10px; padding: 9px 12px; margin: 0 0 8px; font-size: 0.9rem;
  line-height: 1.45; border: 1px solid; }
.ba-notice .ba-notice-head { font-weight: 700; display: block; margin-bottom: 2px; }
.ba-notice-emergency { background: #fde8e8; border: 2px solid #c81e1e; color: #771d1d; }
.ba-notice-emergency .ba-notice-head { font-size: 1.05rem; color: #9b1c1c; }
.ba-notice-off_label, .ba-notice-dosing { background: #fff8e6; border-color: #f0c36d;
  color: #6b4a00; }
.ba-notice-pregnancy { background: #f5f0ff; border-color: #c4b5fd; color: #4c1d95; }
.ba-notice-renal { background: #eef6ff; border-color: #a4cafe; color: #1e429f; }
.ba-notice-general { background: transparent; border: none; border-top: 1px dashed #cbd5e1;
  color: #64748b; font-size: 0.8rem; padding: 6px 0 0; margin: 10px 0 0; }
.ba-notice-general .ba-notice-head { display: inline; font-size: 0.8rem; }
.ba-meta { color: #64748b; font-size: 0.82rem; margin: 0 0 6px; }
.ba-meta b { color: #334155; }
.ba-points { margin: 0; padding-left: 1.1rem; }
.ba-points li { margin: 0 0 6px; line-height: 1.5; }
.ba-abstain { color: #475569; font-style: italic; margin: 0 0 4px; }
.ba-cite { display: inline-block; font-size: 0.75rem; font-weight: 700; color: #0f6b7a;
  background: #e0f2f5; border-radius: 6px; padding: 0 5px; margin-left: 2px;
  vertical-align: 1px; }
.ba-xref { font-size: 0.72rem; color: #64748b; border: 1px solid #cbd5e1;
  border-radius: 5px; padding: 0 4px; }
.ba-sources { list-style: none; margin: 0; padding: 0; }
.ba-sources li { border-bottom: 1px solid #e2e8f0; padding: 8px 0; }
.ba-sources li:last-child { border-bottom: none; }
.ba-ref { font-size: 0.88rem; line-height: 1.45; }
.ba-n { display: inline-block; min-width: 1.6em; margin-right: 6px; font-weight: 700;
  color: #0f6b7a; }
.ba-ref b { color: #0f172a; }
.ba-ref a { color: #0f6b7a; text-decoration: underline; }
.ba-badges { margin: 4px 0 2px; }
.ba-badge { display: inline-block; font-size: 0.72rem; font-weight: 600; padding: 1px 7px;
  border-radius: 999px; background: #e2e8f0; color: #334155; margin-right: 4px; }
.ba-ev-meta-analysis, .ba-ev-systematic-review { background: #d1fae5; color: #065f46; }
.ba-ev-rct { background: #dbeafe; color: #1e40af; }
.ba-ev-label, .ba-ev-regulatory, .ba-ev-guideline { background: #ede9fe; color: #5b21b6; }
.ba-ev-case-report, .ba-ev-lab-study { background: #fef3c7; color: #92400e; }
.ba-badge-user { background: #fce7f3; color: #9d174d; }
.ba-quote { margin: 6px 0 2px !important; padding: 4px 10px !important; border-left: 3px solid #94a3b8;
  color: #334155; font-size: 0.85rem; background: #f8fafc; border-radius: 0 6px 6px 0; }
.ba-page { color: #64748b; font-size: 0.78rem; white-space: nowrap; }
.ba-error { background: #fff7ed; border: 1px solid #fdba74; color: #7c2d12;
  border-radius: 10px; padding: 9px 12px; }
.ba-q { white-space: pre-wrap; }
.ba-side h3 { margin-top: 0; }
.ba-ci-note { background: #fff8e6; border: 1px solid #f0c36d; color: #6b4a00;
  border-radius: 10px; padding: 10px 14px; margin-bottom: 12px; font-size: 0.9rem; }
.ba-ci { border: 1px solid #e2e8f0; border-radius: 12px; padding: 12px 16px;
  margin-bottom: 10px; background: #fff; }
.ba-ci h3 { margin: 0 0 6px; font-size: 1.02rem; display: flex; gap: 10px;
  align-items: center; flex-wrap: wrap; }
.ba-status { font-size: 0.74rem; font-weight: 700; padding: 2px 9px; border-radius: 999px;
  text-transform: uppercase; letter-spacing: 0.03em; }
.ba-status-contraindicated { background: #c81e1e; color: #fff; }
.ba-status-warning { background: #f97316; color: #fff; }
.ba-status-precaution { background: #fde68a; color: #78350f; }
.ba-status-not-addressed { background: #e2e8f0; color: #334155; }
.ba-ci p { margin: 4px 0; font-size: 0.9rem; line-height: 1.5; }
.ba-src { display: block; color: #64748b; font-size: 0.8rem; margin-top: 2px; }
.ba-src a { color: #0f6b7a !important; margin: 0 !important; padding: 0 !important; }
.ba-ci .ba-quote { margin: 6px 0 4px !important; }
#library-table td, #library-table th, #library-table span { font-family: var(--font) !important; }
.ba-ci ul { margin: 6px 0 0; padding-left: 1.1rem; font-size: 0.88rem; }
.ba-ci li { margin-bottom: 6px; }
.ba-empty { color: #64748b; padding: 18px; text-align: center; border: 1px dashed #cbd5e1;
  border-radius: 12px; }
.ba-record { max-height: 640px; overflow-y: auto; padding-right: 6px; }
.ba-record h2 { font-size: 1.15rem; margin: 0 0 6px; }
.ba-record h4 { margin: 14px 0 4px; font-size: 0.95rem; color: #0f4c5c; }
.ba-record p { margin: 4px 0; line-height: 1.55; font-size: 0.92rem; }
.ba-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px;
  font-size: 0.85rem; margin: 8px 0; }
.ba-facts dt { color: #64748b; }
.ba-facts dd { margin: 0; }
.ba-count { color: #64748b; font-size: 0.85rem; }
"""


# --------------------------------------------------------------------------- text helpers


def esc(text: Any) -> str:
    """HTML-escape any text (quotes too) for use in element content or attributes."""
    return html.escape("" if text is None else str(text), quote=True)


def _one_line(text: Any) -> str:
    return re.sub(r"\s+", " ", "" if text is None else str(text)).strip()


_CITE = re.compile(r"\[(\d{1,3})\]")
_XREF = re.compile(r"\[@([a-z0-9_\-]+)\]")


def _inline(text: Any) -> str:
    """Escaped text with [n] markers as citation chips and [@id] cross-references muted.

    The substitutions run on already-escaped text and only insert fixed markup around digits
    and ids, so nothing from the text can become markup.
    """
    out = esc(_one_line(text))
    out = _CITE.sub(r'<span class="ba-cite">[\1]</span>', out)
    return _XREF.sub(r'<span class="ba-xref">\1</span>', out)


def _link(label: str, url: str) -> str:
    if not re.match(r"^https?://[^\s<>\"']+$", url or ""):
        return esc(label)
    return f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(label)}</a>'


def evidence_badge(evidence: str) -> str:
    label = EVIDENCE_LABELS.get(evidence, evidence or "unknown")
    cls = re.sub(r"[^a-z0-9\-]", "", evidence or "")
    badge = f'<span class="ba-badge ba-ev-{cls}">{esc(label)}</span>'
    if evidence == "user-document":
        badge += '<span class="ba-badge ba-badge-user">your library</span>'
    return badge


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


# --------------------------------------------------------------------------- chat rendering


def render_notices(notices: Sequence[Any]) -> str:
    """Notices as HTML, one box per kind, emergency first and the general note last."""
    rank = {k: i for i, k in enumerate(NOTICE_ORDER)}
    ordered = sorted(notices, key=lambda n: rank.get(_field(n, "kind"), len(rank)))
    parts = []
    for n in ordered:
        kind = str(_field(n, "kind", ""))
        icon, head = NOTICE_STYLE.get(kind, ("i", kind.replace("_", " ").title()))
        css_kind = re.sub(r"[^a-z_]", "", kind)
        role = ' role="alert"' if kind == "emergency" else ""
        parts.append(
            f'<div class="ba-notice ba-notice-{css_kind}"{role}>'
            f'<span class="ba-notice-head"><span class="ba-icon" aria-hidden="true">{icon}</span>'
            f"{esc(head)}</span> {esc(_one_line(_field(n, 'text')))}"
            "</div>"
        )
    return "".join(parts)


def render_answer(
    answer: Any, lines: int | None = None, filters_text: str = "", with_general: bool = True
) -> str:
    """The answer message as one HTML block: notices (emergency first), what was searched,
    then the answer's points with [n] chips. ``lines`` shows only the first n lines (streaming).
    """
    notices = list(_field(answer, "notices", []) or [])
    top = [n for n in notices if _field(n, "kind") != "general"]
    general = [n for n in notices if _field(n, "kind") == "general"]
    parts = ['<div class="ba-answer">', render_notices(top)]
    meta = []
    searched = _field(answer, "searched")
    if searched:
        meta.append(f"<b>Searched:</b> {esc(_one_line(searched))}")
    if filters_text:
        meta.append(f"<b>Filters:</b> {esc(filters_text)}")
    if meta:
        parts.append(f'<p class="ba-meta">{" · ".join(meta)}</p>')
    text_lines = [ln for ln in str(_field(answer, "answer", "")).splitlines() if ln.strip()]
    if lines is not None:
        text_lines = text_lines[:lines]
    items, paras = [], []
    for ln in text_lines:
        s = ln.strip()
        if s.startswith(("- ", "* ", "• ")):
            items.append(f"<li>{_inline(s[2:])}</li>")
        else:
            if items:
                paras.append(f'<ul class="ba-points">{"".join(items)}</ul>')
                items = []
            cls = ' class="ba-abstain"' if _field(answer, "abstained") else ""
            paras.append(f"<p{cls}>{_inline(s)}</p>")
    if items:
        paras.append(f'<ul class="ba-points">{"".join(items)}</ul>')
    parts.extend(paras)
    if with_general and (lines is None or lines >= len(text_lines)):
        parts.append(render_notices(general))
    parts.append("</div>")
    return "".join(parts)


def reference_html(c: dict[str, Any]) -> str:
    """Authors (year). <b>Title.</b> <i>Journal.</i> (all escaped)."""
    parts = []
    if c.get("authors"):
        parts.append(esc(_one_line(c["authors"])))
    parts.append(f"({int(c['year'])})" if c.get("year") else "(n.d.)")
    title = _one_line(c.get("title")).rstrip(".")
    if title:
        parts.append(f"<b>{esc(title)}.</b>")
    if c.get("journal"):
        parts.append(f"<i>{esc(_one_line(c['journal']).rstrip('.'))}.</i>")
    return " ".join(parts)


def render_sources(citations: Sequence[Any]) -> str:
    """The Sources block: full reference, identifier links, evidence badge, quoted passage."""
    if not citations:
        return '<p class="ba-meta">No sources were cited.</p>'
    items = []
    for c in citations:
        c = c.to_json() if hasattr(c, "to_json") else dict(c)
        ref = reference_html(c)
        ids = " · ".join(_link(label, url) for label, url in links(c))
        quote = _one_line(c.get("quote"))
        page = f' <span class="ba-page">(p. {int(c["page"])})</span>' if c.get("page") else ""
        items.append(
            "<li>"
            f'<div class="ba-ref"><span class="ba-n">[{int(c.get("n") or 0)}]</span>{ref}'
            f"{' ' + ids if ids else ''}</div>"
            f'<div class="ba-badges">{evidence_badge(str(c.get("evidence") or ""))}</div>'
            + (
                f'<blockquote class="ba-quote">“{_inline(quote)}”{page}</blockquote>'
                if quote
                else ""
            )
            + "</li>"
        )
    return f'<ol class="ba-sources">{"".join(items)}</ol>'


def sources_message(citations: Sequence[Any], abstained: bool = False) -> dict[str, Any]:
    n = len({_field(c, "source_id") for c in citations})
    what = "nearest source" if abstained else "reference"
    return {
        "role": "assistant",
        "content": render_sources(citations),
        "metadata": {
            "title": "Sources",
            "log": f"{n} {what}{'s' if n != 1 else ''}",
            "status": "done",
        },
    }


def user_message(question: str) -> dict[str, Any]:
    return {"role": "user", "content": f'<div class="ba-q">{esc(_one_line(question))}</div>'}


def error_html(text: str) -> str:
    return f'<div class="ba-error">{esc(text)}</div>'


FRIENDLY_ERROR = (
    "Sorry, something went wrong while answering. Please try again; if it keeps happening, "
    "the server log has the details."
)


def friendly_error(exc: BaseException) -> str:
    """A message for the user: question problems say what to fix; anything else is generic
    (the details go to the log, never to the page)."""
    from assistant.answering.pipeline import QuestionError

    if isinstance(exc, QuestionError):
        return str(exc)
    try:
        from assistant.index.build import IndexError_

        if isinstance(exc, IndexError_):
            return "The library index is not available right now. " + str(exc)
    except ImportError:  # pragma: no cover
        pass
    return FRIENDLY_ERROR


# --------------------------------------------------------------------------- filters


def make_filters(
    evidence: Sequence[str] | None = None,
    substances: Sequence[str] | None = None,
    year_from: float | int | str | None = None,
    year_to: float | int | str | None = None,
) -> Any:
    """The side panel's values as a :class:`Filters` (None when nothing is set)."""
    from assistant.index.retrieval import Filters

    def year(v: Any) -> int | None:
        try:
            y = int(float(v))
        except (TypeError, ValueError):
            return None
        return y if 1900 <= y <= 2100 else None

    y0, y1 = year(year_from), year(year_to)
    if y0 and y1 and y0 > y1:
        y0, y1 = y1, y0
    f = Filters(
        evidence=[e for e in (evidence or []) if e in EVIDENCE_TYPES],
        substances=[s for s in (substances or []) if s in SUBSTANCES],
        year_min=y0,
        year_max=y1,
    )
    return f if f else None


def describe_filters(filters: Any) -> str:
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


# --------------------------------------------------------------------------- the chat handler


def history_questions(turns: Sequence[dict[str, Any]]) -> list[str]:
    """Earlier questions for follow-ups, oldest first. A follow-up that was rewritten counts as
    its standalone form, so "and for cocaine?" after "and for opioids?" still has a topic."""
    return [t.get("searched") or t.get("question", "") for t in turns if t.get("question")]


def respond(
    assistant: Any,
    message: str,
    chat: list[dict[str, Any]] | None,
    turns: list[dict[str, Any]] | None,
    evidence: Sequence[str] | None = None,
    substances: Sequence[str] | None = None,
    year_from: Any = None,
    year_to: Any = None,
) -> Iterator[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]]:
    """Ask one question; yields (textbox, chat messages, turns) as the answer streams in:
    the question and a "searching" line, then notices, then the answer line by line, then the
    collapsible Sources block."""
    chat = list(chat or [])
    turns = list(turns or [])
    question = message if isinstance(message, str) else ""
    if not question.strip():
        chat.append({"role": "assistant", "content": error_html("Please type a question.")})
        yield "", chat, turns
        return
    chat.append(user_message(question))
    pending = {
        "role": "assistant",
        "content": "",
        "metadata": {"title": "Searching the library…", "status": "pending"},
    }
    yield "", [*chat, pending], turns
    try:
        filters = make_filters(evidence, substances, year_from, year_to)
        ans = assistant.ask(question, filters=filters, history=history_questions(turns))
    except Exception as exc:  # noqa: BLE001 - the user gets a friendly message, the log the trace
        if not _is_question_error(exc):
            log.exception("answering %r failed", question[:200])
        chat.append({"role": "assistant", "content": error_html(friendly_error(exc))})
        yield "", chat, turns
        return
    ftext = describe_filters(filters)
    n_lines = len([ln for ln in ans.answer.splitlines() if ln.strip()])
    for shown in range(0, n_lines + 1):  # notices first (0 lines), then the answer line by line
        msg = {"role": "assistant", "content": render_answer(ans, shown, ftext)}
        yield "", [*chat, msg], turns
    chat.append({"role": "assistant", "content": render_answer(ans, None, ftext)})
    if ans.citations:
        chat.append(sources_message(ans.citations, ans.abstained))
    turn = ans.to_json()
    turn["searched"] = ans.searched
    turn["filters"] = ftext
    turns.append(turn)
    yield "", chat, turns


def _is_question_error(exc: BaseException) -> bool:
    from assistant.answering.pipeline import QuestionError

    return isinstance(exc, QuestionError)


def answer_json(
    assistant: Any,
    question: str,
    evidence: list[str] | None = None,
    substances: list[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    history: list[str] | None = None,
) -> dict[str, Any]:
    """The public answer schema (as ``assistant ask --json``) for API clients; errors as
    ``{"error": "..."}``."""
    try:
        filters = make_filters(evidence, substances, year_from, year_to)
        ans = assistant.ask(question, filters=filters, history=list(history or []))
    except Exception as exc:  # noqa: BLE001
        if not _is_question_error(exc):
            log.exception("answering %r failed", str(question)[:200])
        return {"error": friendly_error(exc)}
    out = ans.to_json()
    out["searched"] = ans.searched
    return out


def clear_chat() -> tuple[list[Any], list[Any]]:
    return [], []


# --------------------------------------------------------------------------- export


EXPORT_ROOT = Path(tempfile.gettempdir()) / "baclofen-assistant-exports"
EXPORT_MAX_AGE = 24 * 3600


def export_files(
    turns: Sequence[dict[str, Any]], folder: Path | None = None
) -> tuple[str, str] | None:
    """Write the conversation (Markdown) and its references (RIS); None when there is nothing.

    Without ``folder``, each export gets a fresh folder under :data:`EXPORT_ROOT`; exports older
    than a day are removed.
    """
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


# --------------------------------------------------------------------------- sources lookup


def source_index(assistant: Any) -> dict[str, dict[str, Any]]:
    """source id -> the citation metadata of its first chunk (title, authors, year, url ...)."""
    store = assistant.store
    cache = getattr(store, "_ui_source_index", None)
    if cache is not None:
        return cache
    out: dict[str, dict[str, Any]] = {}
    for meta in store.metas:
        sid = meta.get("source_id")
        if sid and sid not in out:
            out[sid] = meta
    with contextlib.suppress(AttributeError):  # a store that refuses attributes: no cache
        store._ui_source_index = out
    return out


def _source_ref(sources: dict[str, dict[str, Any]], sid: str) -> str:
    """A short linked reference for a source id: 'Source: Title (year)' (id when unknown)."""
    meta = sources.get(sid)
    if not meta:
        return f'<span class="ba-src">Source: {esc(sid)}</span>'
    title = _one_line(meta.get("title") or sid)
    year = meta.get("year")
    text = f"{title} ({year})" if isinstance(year, int) and year > 0 else title
    url = meta.get("url") or ""
    return f'<span class="ba-src">Source: {_link(text, url) if url else esc(text)}</span>'


# --------------------------------------------------------------------------- contraindications


def contraindications_html(
    query: str = "", sources: dict[str, dict[str, Any]] | None = None
) -> str:
    """The contraindication table (filtered by ``query``), each statement with its source."""
    sources = sources or {}
    try:
        from assistant.answering import contraindications as ci

        conditions = ci.lookup(query or "", ci.load_table())
        note = ci.common_error() if hasattr(ci, "common_error") else ""
    except Exception:  # noqa: BLE001
        log.exception("contraindication table failed")
        return '<div class="ba-error">The contraindication table is not available right now.</div>'
    parts = []
    if note:
        parts.append(f'<div class="ba-ci-note"><strong>Note.</strong> {esc(_one_line(note))}</div>')
    if not conditions:
        parts.append(
            f'<div class="ba-empty">No condition in the table matches “{esc(query)}”. '
            "Try a broader word such as kidney, liver, pregnancy or epilepsy.</div>"
        )
    for c in conditions:
        status = str(c.label_status)
        scls = re.sub(r"[^a-z]+", "-", status)
        quote = (
            f'<blockquote class="ba-quote">“{esc(_one_line(c.label_quote))}”</blockquote>'
            if c.label_quote
            else ""
        )
        adds = "".join(
            f"<li>{esc(_one_line(a.text))} {_source_ref(sources, a.source_id)}"
            f'<blockquote class="ba-quote">“{esc(_one_line(a.quote))}”</blockquote></li>'
            for a in c.additions
        )
        parts.append(
            '<div class="ba-ci">'
            f"<h3>{esc(c.name)}"
            f'<span class="ba-status ba-status-{scls}">{esc(STATUS_LABELS.get(status, status))}</span></h3>'
            f"<p><b>US label:</b> {esc(_one_line(c.label_summary))} {_source_ref(sources, c.label_source)}</p>"
            f"{quote}"
            + (f"<p><b>Guidelines and studies add:</b></p><ul>{adds}</ul>" if adds else "")
            + "</div>"
        )
    return "".join(parts)


# --------------------------------------------------------------------------- library

LIBRARY_COLUMNS = ["Title", "Year", "Evidence", "Substances", "ID"]  # the app hides the ID


def library_rows(
    assistant: Any, query: str = "", evidence: str | None = None, substance: str | None = None
) -> list[list[Any]]:
    """Records matching a text query (every word in title, authors, id or year) and filters."""
    sources = source_index(assistant)
    words = [w for w in _one_line(query).casefold().split() if w]
    rows = []
    for rid, info in sorted(
        assistant.store.manifest["records"].items(),
        key=lambda kv: (-(kv[1].get("year") or 0), kv[0]),
    ):
        ev = info.get("evidence", "")
        subs = list(info.get("substances") or [])
        if evidence and ev != evidence:
            continue
        if substance and substance not in subs:
            continue
        meta = sources.get(rid, {})
        hay = " ".join(
            str(x)
            for x in (rid, info.get("title"), info.get("year"), meta.get("authors"), ev, *subs)
        ).casefold()
        if any(w not in hay for w in words):
            continue
        ev_label = EVIDENCE_LABELS.get(ev, ev) + (" · your library" if info.get("user") else "")
        rows.append(
            [
                info.get("title", ""),
                info.get("year") or "n.d.",
                ev_label,
                ", ".join(SUBSTANCE_LABELS.get(s, s) for s in subs),
                rid,
            ]
        )
    return rows


def library_count(rows: Sequence[Any], total: int) -> str:
    if not rows:
        return '<span class="ba-count">No records match. Clear the search or the filters.</span>'
    return f'<span class="ba-count">{len(rows)} of {total} records. Select a row to read it.</span>'


def _body_html(body: str) -> str:
    """A record's Markdown body as simple, escaped HTML (headings, paragraphs, lists)."""
    out, para, items = [], [], []

    def flush() -> None:
        if para:
            out.append(f"<p>{_inline(' '.join(para))}</p>")
            para.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if not line:
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


def library_record_html(assistant: Any, record_id: str | None) -> str:
    """One record: citation, identifiers, evidence badge, study facts and its text."""
    if not record_id:
        return '<div class="ba-empty">Select a record in the list to read it here.</div>'
    info = assistant.store.manifest["records"].get(record_id)
    if info is None:
        return f'<div class="ba-empty">No record “{esc(record_id)}” in the library.</div>'
    meta = source_index(assistant).get(record_id, {})
    record = None
    path = info.get("path")
    if path:
        try:
            from assistant.library.records import parse_record

            record = parse_record(Path(path))
        except Exception:  # noqa: BLE001 - fall back to the indexed text
            log.warning("cannot read record file %s; showing indexed text", path)
    if record is not None:
        citation = record.citation_text()
        c = {"pmid": record.pmid, "doi": record.doi, "url": record.url}
        body = _body_html(record.body)
        facts = [
            ("Population", record.population),
            ("Participants", record.n),
            ("Design", record.design),
            ("Dose", record.dose),
            ("Trials", ", ".join(record.trial_names)),
        ]
    else:
        citation = meta.get("citation") or info.get("title", record_id)
        c = {"pmid": meta.get("pmid"), "doi": meta.get("doi"), "url": meta.get("url")}
        texts = [
            t
            for t, m in zip(assistant.store.texts, assistant.store.metas, strict=True)
            if m.get("source_id") == record_id
        ]
        body = "".join(f"<p>{_inline(t)}</p>" for t in texts)
        facts = []
    ids = " · ".join(_link(label, url) for label, url in links(c))
    subs = ", ".join(SUBSTANCE_LABELS.get(s, s) for s in info.get("substances") or [])
    fact_html = "".join(f"<dt>{esc(k)}</dt><dd>{esc(_one_line(v))}</dd>" for k, v in facts if v)
    if subs:
        fact_html = f"<dt>Substances</dt><dd>{esc(subs)}</dd>" + fact_html
    return (
        '<div class="ba-record">'
        f"<h2>{esc(info.get('title', record_id))}</h2>"
        f'<div class="ba-ref">{esc(citation)}{" " + ids if ids else ""}</div>'
        f'<div class="ba-badges">{evidence_badge(info.get("evidence", ""))}'
        f'<span class="ba-badge">{esc(record_id)}</span></div>'
        + (f'<dl class="ba-facts">{fact_html}</dl>' if fact_html else "")
        + body
        + "</div>"
    )


# --------------------------------------------------------------------------- the app


def theme() -> Any:
    import gradio as gr

    # System fonts only: a Google font would be fetched from the internet.
    return gr.themes.Soft(
        primary_hue="teal",
        neutral_hue="slate",
        font=["Inter", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
    )


def build_app(assistant: Any) -> Any:
    """The Blocks app around one loaded, shared :class:`Assistant` (load it once)."""
    import gradio as gr

    n_records = len(assistant.store.manifest.get("records", {}))
    years = sorted(
        {
            int(r["year"])
            for r in assistant.store.manifest.get("records", {}).values()
            if isinstance(r.get("year"), int) and r["year"] > 0
        }
    )
    year_choices = (
        [("Any", "")] + [(str(y), str(y)) for y in range(years[0], years[-1] + 1)]
        if years
        else [("Any", "")]
    )
    ev_choices = [(EVIDENCE_LABELS.get(e, e), e) for e in EVIDENCE_TYPES]
    sub_choices = [(SUBSTANCE_LABELS.get(s, s), s) for s in SUBSTANCES]
    examples = [{"text": q, "display_text": f"Student · {q}"} for q in EXAMPLES_STUDENTS] + [
        {"text": q, "display_text": f"Clinician · {q}"} for q in EXAMPLES_CLINICIANS
    ]

    with gr.Blocks(title=APP_TITLE, delete_cache=(3600, 86400)) as app:
        gr.HTML(banner_html(n_records))
        turns = gr.State([])
        with gr.Tabs():
            with gr.Tab("Ask", id="ask"), gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=420):
                    chatbot = gr.Chatbot(
                        label="Conversation",
                        show_label=False,
                        elem_id="chat",
                        height=600,
                        placeholder=EMPTY_STATE,
                        examples=examples,
                        latex_delimiters=[],
                        buttons=[],
                        feedback_options=None,
                        layout="panel",
                    )
                    with gr.Row():
                        msg = gr.Textbox(
                            placeholder="Ask about baclofen and cravings, e.g. "
                            "“Does baclofen reduce alcohol craving?”",
                            show_label=False,
                            lines=1,
                            max_lines=4,
                            scale=8,
                            autofocus=True,
                            max_length=2000,
                            elem_id="question",
                        )
                        send = gr.Button("Ask", variant="primary", scale=1, min_width=90)
                    with gr.Row():
                        clear = gr.Button("New conversation", size="sm", variant="secondary")
                        md_btn = gr.DownloadButton("Export Markdown", size="sm", interactive=False)
                        ris_btn = gr.DownloadButton(
                            "Export references (RIS)", size="sm", interactive=False
                        )
                with gr.Column(scale=1, min_width=260, elem_classes="ba-side"):
                    gr.Markdown("### Filters\nNarrow the sources searched.")
                    substances = gr.CheckboxGroup(sub_choices, label="Substance")
                    evidence = gr.Dropdown(
                        ev_choices, multiselect=True, label="Evidence type", value=[]
                    )
                    with gr.Row():
                        year_from = gr.Dropdown(year_choices, value="", label="From year")
                        year_to = gr.Dropdown(year_choices, value="", label="To year")
                    reset = gr.Button("Clear filters", size="sm")
                    with gr.Accordion("Example questions", open=False):
                        gr.Examples([[q] for q in EXAMPLES_STUDENTS], [msg], label="For students")
                        gr.Examples(
                            [[q] for q in EXAMPLES_CLINICIANS], [msg], label="For clinicians"
                        )
                        gr.Markdown(
                            "Follow-ups work: after a question about alcohol, try "
                            "*“and for cocaine?”*",
                            elem_classes="ba-meta",
                        )
            with gr.Tab("Contraindications", id="contraindications"):
                gr.Markdown(
                    "What the US label says for each condition, next to what guidelines and "
                    "studies add. Every statement quotes its source."
                )
                ci_query = gr.Textbox(
                    placeholder="Search a condition: kidney, liver, pregnancy, epilepsy …",
                    show_label=False,
                    elem_id="ci-search",
                )
                ci_table = gr.HTML()
            with gr.Tab("Library", id="library"):
                with gr.Row():
                    lib_query = gr.Textbox(
                        placeholder="Search titles, authors, ids or years",
                        show_label=False,
                        scale=3,
                    )
                    lib_ev = gr.Dropdown(
                        [("All evidence types", "")] + ev_choices,
                        value="",
                        label="Evidence",
                        scale=1,
                    )
                    lib_sub = gr.Dropdown(
                        [("All substances", "")] + sub_choices, value="", label="Substance", scale=1
                    )
                lib_count = gr.HTML()
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        lib_table = gr.Dataframe(
                            headers=LIBRARY_COLUMNS[:-1],
                            elem_id="library-table",
                            interactive=False,
                            wrap=True,
                            max_height=560,
                            column_widths=["58%", "8%", "17%", "17%"],
                        )
                    with gr.Column(scale=2):
                        lib_record = gr.HTML(library_record_html(assistant, None))

        # ---- wiring (handlers are the module-level functions above)
        ask_inputs = [msg, chatbot, turns, evidence, substances, year_from, year_to]
        ask_outputs = [msg, chatbot, turns]
        ask = partial(respond, assistant)

        def exports(t: list[dict[str, Any]]) -> tuple[Any, Any]:
            files = export_files(t)
            if files is None:
                return gr.DownloadButton(value=None, interactive=False), gr.DownloadButton(
                    value=None, interactive=False
                )
            return gr.DownloadButton(value=files[0], interactive=True), gr.DownloadButton(
                value=files[1], interactive=True
            )

        for trigger, name in ((msg.submit, "ask"), (send.click, "ask_button")):
            trigger(
                ask,
                ask_inputs,
                ask_outputs,
                api_name=name,
                api_visibility="public" if name == "ask" else "private",
            ).then(exports, turns, [md_btn, ris_btn], api_visibility="private")

        def pick_example(evt: gr.SelectData) -> str:
            value = evt.value if isinstance(evt.value, dict) else {}
            return str(value.get("text", ""))

        pick_example.__annotations__["evt"] = gr.SelectData
        chatbot.example_select(pick_example, None, msg, api_visibility="private").then(
            ask, ask_inputs, ask_outputs, api_visibility="private"
        ).then(exports, turns, [md_btn, ris_btn], api_visibility="private")
        clear.click(clear_chat, None, [chatbot, turns], api_visibility="private").then(
            exports, turns, [md_btn, ris_btn], api_visibility="private"
        )
        chatbot.clear(lambda: [], None, turns, api_visibility="private").then(
            exports, turns, [md_btn, ris_btn], api_visibility="private"
        )
        reset.click(
            lambda: ([], [], "", ""),
            None,
            [evidence, substances, year_from, year_to],
            api_visibility="private",
        )

        sources = partial(source_index, assistant)
        ci_query.change(
            lambda q: contraindications_html(q, sources()),
            ci_query,
            ci_table,
            api_name="contraindications",
        )

        lib_ids = gr.State([])

        def lib_update(q: str, ev: str, sub: str) -> tuple[list[list[Any]], list[str], str]:
            rows = library_rows(assistant, q, ev or None, sub or None)
            total = len(assistant.store.manifest["records"])
            return [r[:-1] for r in rows], [r[-1] for r in rows], library_count(rows, total)

        lib_inputs = [lib_query, lib_ev, lib_sub]
        for comp in lib_inputs:
            comp.change(
                lib_update, lib_inputs, [lib_table, lib_ids, lib_count], api_visibility="private"
            )

        def lib_open(ids: list[str], evt: gr.SelectData) -> str:
            i = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
            rid = ids[i] if isinstance(i, int) and 0 <= i < len(ids) else None
            return library_record_html(assistant, rid)

        lib_open.__annotations__["evt"] = gr.SelectData  # resolved (this module is lazy)
        lib_table.select(lib_open, lib_ids, lib_record, api_visibility="private")

        app.load(
            lambda: (contraindications_html("", sources()), *lib_update("", "", "")),
            None,
            [ci_table, lib_table, lib_ids, lib_count],
            api_visibility="private",
        )

        def answer_api(
            question: str,
            evidence: list[str] | None = None,
            substances: list[str] | None = None,
            year_from: int | None = None,
            year_to: int | None = None,
            history: list[str] | None = None,
        ) -> dict:
            """Answer one question; returns the public answer JSON (as `assistant ask --json`)."""
            return answer_json(
                assistant, question, evidence, substances, year_from, year_to, history
            )

        gr.api(answer_api, api_name="answer_json")
    return app


def start(
    app: Any,
    host: str = "127.0.0.1",
    port: int | None = 7860,
    share: bool = False,
    auth: Any = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    **kw: Any,
) -> Any:
    """Queue and launch a built app (theme and CSS go to launch() in Gradio 6)."""
    app.queue(default_concurrency_limit=max(1, int(concurrency)), max_size=QUEUE_MAX_SIZE)
    return app.launch(
        server_name=host,
        server_port=port,
        share=share,
        auth=auth,
        auth_message=f"{APP_TITLE}: please log in." if auth else None,
        theme=theme(),
        css=CSS,
        footer_links=["api", "settings"],
        run_history=False,  # questions are not stored in the browser
        show_error=False,
        **kw,
    )


def launch(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 7860,
    share: bool = False,
    auth: Any = None,
) -> None:
    """Load the assistant once and serve the app (127.0.0.1 unless told otherwise)."""
    from assistant.answering.pipeline import Assistant

    assistant = Assistant.load(settings)
    concurrency = getattr(settings, "ui_concurrency", None) or DEFAULT_CONCURRENCY
    start(
        build_app(assistant), host=host, port=port, share=share, auth=auth, concurrency=concurrency
    )
