"""Export a conversation: Markdown (questions, answers, notices, references) and RIS.

Pure functions, no Gradio: the app writes their output to files for download, and anything else
(a script, a test) can call them directly.

A *turn* is one question and its answer, either an :class:`assistant.answer.Answer` or a dict with
the keys of ``Answer.to_json()`` (``question``, ``answer``, ``abstained``, ``citations``,
``notices``) plus the optional ``searched`` (the standalone question searched for a follow-up)
and ``filters`` (a readable summary of the filters used).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

NOTICE_LABELS: dict[str, str] = {
    "emergency": "Emergency",
    "general": "Not medical advice",
    "off_label": "Off-label use",
    "dosing": "Dosing",
    "pregnancy": "Pregnancy and breastfeeding",
    "renal": "Kidney function",
}

# RIS reference types by evidence type (when the source has no journal).
_RIS_TYPES: dict[str, str] = {
    "label": "GOVDOC",
    "regulatory": "GOVDOC",
    "guideline": "RPRT",
    "user-document": "GEN",
    "overview": "GEN",
}


def turn_dict(turn: Any) -> dict[str, Any]:
    """A turn as a plain dict (an ``Answer`` or a dict in, a dict with every key out)."""
    if hasattr(turn, "to_json"):
        d = turn.to_json()
        d["searched"] = getattr(turn, "searched", None)
    else:
        d = dict(turn)
    d.setdefault("question", "")
    d.setdefault("answer", "")
    d.setdefault("abstained", False)
    d["citations"] = [citation_dict(c) for c in d.get("citations") or []]
    d["notices"] = [
        n.to_json() if hasattr(n, "to_json") else dict(n) for n in d.get("notices") or []
    ]
    d.setdefault("searched", None)
    d.setdefault("filters", "")
    return d


def citation_dict(c: Any) -> dict[str, Any]:
    if hasattr(c, "to_json"):
        return c.to_json()
    return dict(c)


def _md(text: Any) -> str:
    """Plain text made safe for a Markdown file: no raw HTML, no accidental formatting."""
    text = html.escape(str(text or ""), quote=False)
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


def _one_line(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip()


def links(c: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, url) for a citation's identifiers: PubMed, DOI, else its own URL."""
    out: list[tuple[str, str]] = []
    if c.get("pmid"):
        out.append((f"PMID {c['pmid']}", f"https://pubmed.ncbi.nlm.nih.gov/{c['pmid']}/"))
    if c.get("doi"):
        out.append((f"doi:{c['doi']}", f"https://doi.org/{c['doi']}"))
    if not out and c.get("url"):
        url = str(c["url"])
        host = urlsplit(url).hostname or "link"
        out.append((host.removeprefix("www."), url))
    return out


def reference_text(c: Mapping[str, Any]) -> str:
    """Authors (year). Title. Journal. (plain text, no identifiers)."""
    parts = []
    if c.get("authors"):
        parts.append(_one_line(c["authors"]))
    parts.append(f"({c['year']})" if c.get("year") else "(n.d.)")
    title = _one_line(c.get("title")).rstrip(".")
    if title:
        parts.append(title + ".")
    if c.get("journal"):
        parts.append(_one_line(c["journal"]).rstrip(".") + ".")
    return " ".join(parts)


def _reference_md(c: Mapping[str, Any]) -> str:
    ref = _md(reference_text(c))
    ids = [f"[{_md(label)}](<{url}>)" for label, url in links(c) if _safe_url(url)]
    if ids:
        ref += " " + " · ".join(ids)
    if c.get("evidence"):
        ref += f" — *{_md(c['evidence'])}*"
    return ref


def _safe_url(url: str) -> bool:
    return url.startswith(("https://", "http://")) and not re.search(r"[\s<>]", url)


def unique_citations(turns: Iterable[Any]) -> list[dict[str, Any]]:
    """Every cited source once, in first-cited order (one citation dict per source id)."""
    seen: dict[str, dict[str, Any]] = {}
    for t in turns:
        for c in turn_dict(t)["citations"]:
            key = c.get("source_id") or reference_text(c)
            seen.setdefault(key, c)
    return list(seen.values())


def to_markdown(turns: Iterable[Any], title: str = "Baclofen literature assistant") -> str:
    """The conversation as Markdown: each question, its notices, its answer and its sources,
    then one reference list of every source cited."""
    turns = [turn_dict(t) for t in turns]
    out = [
        f"# {_md(title)}: conversation",
        "",
        f"Exported {datetime.now().strftime('%Y-%m-%d %H:%M')}. An educational summary of "
        "published literature, not medical advice. Using baclofen for alcohol or any other "
        "addiction is off-label in most countries.",
        "",
    ]
    for i, t in enumerate(turns, start=1):
        out += [f"## {i}. {_md(_one_line(t['question']))}", ""]
        if t.get("searched"):
            out += [f"*Searched: {_md(_one_line(t['searched']))}*", ""]
        if t.get("filters"):
            out += [f"*Filters: {_md(t['filters'])}*", ""]
        for n in t["notices"]:
            label = NOTICE_LABELS.get(n.get("kind", ""), str(n.get("kind", "")).title())
            out += [f"> **{_md(label)}:** {_md(_one_line(n.get('text')))}", ""]
        answer = "\n".join(_md(line) for line in str(t["answer"]).splitlines())
        # keep the answer's list bullets and its [n] markers readable
        answer = re.sub(r"(?m)^\\?- ", "- ", answer)
        answer = re.sub(r"\\\[(\d+)\\\]", r"[\1]", answer)
        out += [answer, ""]
        if t["citations"]:
            out += ["**Sources**", ""]
            for c in t["citations"]:
                line = f"{c.get('n', '?')}. {_reference_md(c)}"
                quote = _one_line(c.get("quote"))
                if quote:
                    page = f" (p. {c['page']})" if c.get("page") else ""
                    line += f"\n   > “{_md(quote)}”{page}"
                out.append(line)
            out.append("")
    refs = unique_citations(turns)
    if refs:
        out += ["## References", ""]
        out += [f"{i}. {_reference_md(c)}" for i, c in enumerate(refs, start=1)]
        out.append("")
    if not turns:
        out += ["*No questions yet.*", ""]
    return "\n".join(out)


def _authors(authors: str) -> list[str]:
    names = [a.strip() for a in re.split(r",\s*|;\s*", authors or "")]
    return [a for a in names if a and a.rstrip(".").lower() not in ("et al", "and others")]


def _ris_value(text: Any) -> str:
    """RIS values are single lines."""
    return _one_line(text)


def to_ris(citations: Iterable[Any]) -> str:
    """Citations as RIS records (one per source; duplicates by source id are dropped)."""
    lines: list[str] = []
    seen: set[str] = set()
    for raw in citations:
        c = citation_dict(raw)
        key = c.get("source_id") or reference_text(c)
        if key in seen:
            continue
        seen.add(key)
        evidence = str(c.get("evidence") or "")
        ty = "JOUR" if c.get("journal") else _RIS_TYPES.get(evidence, "GEN")
        lines.append(f"TY  - {ty}")
        for a in _authors(str(c.get("authors") or "")):
            lines.append(f"AU  - {_ris_value(a)}")
        if c.get("title"):
            lines.append(f"TI  - {_ris_value(c['title'])}")
        if c.get("journal"):
            lines.append(f"JO  - {_ris_value(c['journal'])}")
        if c.get("year"):
            lines.append(f"PY  - {int(c['year'])}")
        if c.get("doi"):
            lines.append(f"DO  - {_ris_value(c['doi'])}")
        url = links(c)[0][1] if links(c) else None
        if url:
            lines.append(f"UR  - {_ris_value(url)}")
        if c.get("pmid"):
            lines.append(f"AN  - PMID:{_ris_value(c['pmid'])}")
        if evidence:
            lines.append(f"KW  - {_ris_value(evidence)}")
        if c.get("source_id"):
            lines.append(f"ID  - {_ris_value(c['source_id'])}")
        lines.append("ER  - ")
        lines.append("")
    return "\n".join(lines)
