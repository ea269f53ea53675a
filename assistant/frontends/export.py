"""Export a conversation: Markdown (questions, notices, answers, one reference list), RIS for
reference managers, and plain text for copying one answer.

Pure functions, no Gradio: the app writes their output to files for download, and anything else
(a script, a test) can call them directly.

A *turn* is one question and its answer, either an :class:`assistant.answer.Answer` or a dict with
the keys of ``Answer.to_json()`` (``question``, ``answer``, ``abstained``, ``citations``,
``notices``, ``evidence_table``, ``note``) plus the optional ``searched`` (the standalone question
searched for a follow-up) and ``filters`` (a readable summary of the filters used).

RIS follows what the two common reference managers read (checked against Zotero's RIS
translator, ``RIS.js`` in zotero/translators, and the EndNote field labels listed in its test
cases):

* ``TY``: the evidence type's RIS type from :data:`assistant.vocab.EVIDENCE` (``GOVDOC`` for drug
  labels and regulatory documents, Zotero "report", EndNote "Government Document"); ``JOUR``
  only for sources published in a journal.
* ``AU``: one author a line as "Last, Initials" (a name without a comma is a corporate author).
* ``T2`` the journal (Zotero publicationTitle, EndNote Journal) and ``J2`` its abbreviation;
  ``PB`` the issuing body of a label or regulatory document (Zotero institution for reports).
* ``DO`` the DOI (Zotero DOI, EndNote DOI).
* PMID: ``AN`` with ``DB  - PubMed`` (EndNote's Accession Number and Name of Database, where its
  PubMed import files PMIDs) and ``M2  - PMID: N`` (Zotero reads M2 into Extra, where it keeps
  PMIDs as "PMID: N").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from assistant.vocab import (
    EVIDENCE_BY_KEY,
    EVIDENCE_LABELS,
    NOTICE,
    NOTICE_KINDS,
    RESULT_LABELS,
    USER_EVIDENCE,
    USER_LABEL,
)

TITLE = "Baclofen literature assistant"
_CITE = re.compile(r"\[(\d{1,3})\]")


# --------------------------------------------------------------------------- turns


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
    d["evidence_table"] = [
        r.to_json() if hasattr(r, "to_json") else dict(r) for r in d.get("evidence_table") or []
    ]
    d.setdefault("searched", None)
    d.setdefault("filters", "")
    d.setdefault("note", "")
    return d


def citation_dict(c: Any) -> dict[str, Any]:
    return c.to_json() if hasattr(c, "to_json") else dict(c)


def ordered_notices(notices: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Notices in the vocabulary's display order (emergency first); unknown kinds last."""
    rank = {k: i for i, k in enumerate(NOTICE_KINDS)}
    return sorted(notices, key=lambda n: rank.get(str(n.get("kind")), len(rank)))


def notice_label(kind: str) -> str:
    style = NOTICE.get(kind)
    return style.label if style else kind.replace("_", " ").capitalize()


def evidence_label(evidence: str) -> str:
    return EVIDENCE_LABELS.get(evidence, evidence or "unknown")


# --------------------------------------------------------------------------- text helpers


def one_line(text: Any) -> str:
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
    return [(label, url) for label, url in out if safe_url(url)]


def safe_url(url: str) -> bool:
    return url.startswith(("https://", "http://")) and not re.search(r"[\s<>\"']", url)


def reference_text(c: Mapping[str, Any]) -> str:
    """Authors (year). Title. Journal. (plain text, no identifiers)."""
    parts = []
    if c.get("authors"):
        parts.append(one_line(c["authors"]))
    parts.append(f"({c['year']})" if c.get("year") else "(n.d.)")
    title = one_line(c.get("title")).rstrip(".")
    if title:
        parts.append(title + ".")
    source = c.get("journal") or c.get("publisher")
    if source:
        parts.append(one_line(source).rstrip(".") + ".")
    return " ".join(parts)


def source_kind(c: Mapping[str, Any]) -> str:
    """The evidence label a reader sees: user documents are "your library", and what a document
    claimed to be is shown as a claim only."""
    evidence = str(c.get("evidence") or "")
    if evidence == USER_EVIDENCE:
        claim = c.get("claimed_evidence")
        claimed = f" (claims: {evidence_label(str(claim))})" if claim else ""
        return f"{USER_LABEL}{claimed}"
    return evidence_label(evidence)


def unique_citations(turns: Iterable[Any]) -> list[dict[str, Any]]:
    """Every cited source once, in first-cited order (one citation dict per source id)."""
    seen: dict[str, dict[str, Any]] = {}
    for t in turns:
        for c in turn_dict(t)["citations"]:
            seen.setdefault(c.get("source_id") or reference_text(c), c)
    return list(seen.values())


def numbering(turns: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[int, int]]]:
    """One numbering for a whole conversation: (the references, in first-cited order, and per
    turn a map from the answer's own [n] to the conversation's number)."""
    refs: dict[str, int] = {}
    ordered: list[dict[str, Any]] = []
    maps: list[dict[int, int]] = []
    for t in turns:
        local: dict[int, int] = {}
        for c in t["citations"]:
            key = c.get("source_id") or reference_text(c)
            if key not in refs:
                refs[key] = len(ordered) + 1
                ordered.append(c)
            local[int(c.get("n") or 0)] = refs[key]
        maps.append(local)
    return ordered, maps


def renumber(text: str, mapping: Mapping[int, int]) -> str:
    return _CITE.sub(lambda m: f"[{mapping.get(int(m.group(1)), int(m.group(1)))}]", text)


# --------------------------------------------------------------------------- Markdown


def md_text(text: Any) -> str:
    """Plain text made safe for a Markdown file without HTML entities: Markdown's own
    characters and anything that would open an HTML tag or entity are backslash-escaped, so
    ``p<0.05`` stays ``p<0.05`` and ``<script>`` is shown as text."""
    text = str(text or "")
    text = re.sub(r"([\\`*_\[\]|])", r"\\\1", text)
    text = re.sub(r"<(?=[A-Za-z/!?])", r"\\<", text)
    return re.sub(r"&(?=#?\w+;)", r"\\&", text)


def _md_inline(text: Any, mapping: Mapping[int, int]) -> str:
    """Escaped text with its [n] markers renumbered and kept readable."""
    out = md_text(one_line(text))
    return re.sub(
        r"\\\[(\d{1,3})\\\]", lambda m: f"[{mapping.get(int(m.group(1)), m.group(1))}]", out
    )


def reference_md(c: Mapping[str, Any]) -> str:
    ref = md_text(reference_text(c))
    ids = [f"[{md_text(label)}](<{url}>)" for label, url in links(c)]
    if ids:
        ref += " " + " · ".join(ids)
    return f"{ref} — *{md_text(source_kind(c))}*"


def evidence_table_md(rows: list[Mapping[str, Any]], mapping: Mapping[int, int]) -> list[str]:
    head = ["Study", "Year", "n", "Dose", "Primary outcome", "Result", "Source"]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        n_cite = int(r.get("n_cite") or 0)
        result = RESULT_LABELS.get(str(r.get("result")), str(r.get("result") or ""))
        if r.get("key_result"):
            result = f"{result}: {one_line(r['key_result'])}"
        cells = [
            r.get("study"),
            r.get("year") or "n.d.",
            r.get("n") or "",
            r.get("dose"),
            r.get("primary_outcome"),
            result,
            f"[{mapping.get(n_cite, n_cite)}]" if n_cite else "",
        ]
        out.append("| " + " | ".join(md_text(one_line(x)) for x in cells) + " |")
    return [re.sub(r"\\\[(\d+)\\\]", r"[\1]", line) for line in out]


def to_markdown(turns: Iterable[Any], title: str = TITLE) -> str:
    """The conversation as Markdown: each question, its notices, its answer (bottom line first,
    the evidence table for efficacy answers) and the passages it quotes, then one reference list.

    Citation numbers run across the whole conversation: a source keeps its number in every
    answer, and ``[n]`` always means entry n of the reference list.
    """
    turns = [turn_dict(t) for t in turns]
    refs, maps = numbering(turns)
    out = [
        f"# {md_text(title)}: conversation",
        "",
        f"Exported {datetime.now().strftime('%Y-%m-%d %H:%M')}. An educational summary of "
        "published literature, not medical advice. Using baclofen for alcohol or any other "
        "addiction is off-label in most countries. Citation numbers [n] refer to the reference "
        "list at the end.",
        "",
    ]
    for i, (t, mapping) in enumerate(zip(turns, maps, strict=True), start=1):
        out += [f"## {i}. {md_text(one_line(t['question']))}", ""]
        if t.get("searched"):
            out += [f"*Searched: {md_text(one_line(t['searched']))}*", ""]
        if t.get("filters"):
            out += [f"*Filters: {md_text(t['filters'])}*", ""]
        for n in ordered_notices(t["notices"]):
            label = notice_label(str(n.get("kind", "")))
            out += [f"> **{md_text(label)}:** {md_text(one_line(n.get('text')))}", ""]
        lines = [ln.strip() for ln in str(t["answer"]).splitlines() if ln.strip()]
        if lines:
            out += [f"**{_md_inline(lines[0], mapping)}**", ""]
        for ln in lines[1:]:
            bullet = ln.startswith(("- ", "* ", "• "))
            text = _md_inline(ln[2:] if bullet else ln, mapping)
            out.append(f"- {text}" if bullet else f"{text}\n")
        out.append("")
        if t["evidence_table"]:
            out += evidence_table_md(t["evidence_table"], mapping) + [""]
        if t.get("note"):
            out += [f"*{md_text(one_line(t['note']))}*", ""]
        quotes = []
        for c in t["citations"]:
            quote = one_line(c.get("quote"))
            if quote:
                page = f" (p. {c['page']})" if c.get("page") else ""
                num = mapping.get(int(c.get("n") or 0), "?")
                quotes.append(f"- [{num}] “{md_text(quote)}”{page}")
        if quotes:
            out += ["Quoted passages:", "", *quotes, ""]
    if refs:
        out += ["## References", ""]
        out += [f"{i}. {reference_md(c)}" for i, c in enumerate(refs, start=1)]
        out.append("")
    if not turns:
        out += ["*No questions yet.*", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- plain text


def to_text(turn: Any) -> str:
    """One answer as plain text with its references (what "Copy answer" puts on the clipboard)."""
    t = turn_dict(turn)
    out = [f"Q: {one_line(t['question'])}", ""]
    for n in ordered_notices(t["notices"]):
        if n.get("kind") in ("emergency", "withdrawal"):
            out += [f"{notice_label(str(n['kind']))}: {one_line(n.get('text'))}", ""]
    out += [ln.strip() for ln in str(t["answer"]).splitlines() if ln.strip()]
    for r in t["evidence_table"]:
        out.append(
            f"- {one_line(r.get('study'))}: {one_line(r.get('key_result') or r.get('result'))}"
            + (f" [{r['n_cite']}]" if r.get("n_cite") else "")
        )
    if t["citations"]:
        out += ["", "References:"]
        for c in t["citations"]:
            ids = " ".join(url for _, url in links(c))
            out.append(f"[{c.get('n')}] {reference_text(c)} {ids}".rstrip())
    out += ["", "Educational summary of published literature, not medical advice."]
    return "\n".join(out)


# --------------------------------------------------------------------------- RIS


_INITIALS = re.compile(r"^(?:[A-Z]\.?){1,4}$|^(?:[A-Z]\.?-?){1,4}$")
_CORPORATE = re.compile(
    r"\b(?:society|soci[ée]t[ée]|group|editors?|committee|association|agency|organi[sz]ation|"
    r"administration|institute|college|council|department|ministry|collaboration|"
    r"consortium|of|and|for|the)\b",
    re.I,
)


def split_authors(authors: str) -> list[str]:
    """The names in a citation's author string ("Doe J, Roe R, et al."): pieces that are only
    initials are joined to the surname before them ("Smith, J, Roe, R" reads as two people)."""
    names: list[str] = []
    for piece in re.split(r"\s*[;,]\s*", authors or ""):
        piece = piece.strip()
        if not piece or re.fullmatch(r"(?:et al\.?|and others|others)", piece, re.I):
            continue
        if names and _INITIALS.match(piece) and "," not in names[-1]:
            names[-1] = f"{names[-1]}, {piece}"
        else:
            names.append(piece)
    return names


def ris_author(name: str) -> str:
    """A name as RIS wants it: "Rose AK" -> "Rose, AK"; "John A. Smith" -> "Smith, John A.";
    organisations stay as they are (no comma: a corporate author)."""
    name = one_line(name)
    if "," in name:
        return name
    parts = name.split(" ")
    if len(parts) >= 2 and _INITIALS.match(parts[-1]):
        return f"{' '.join(parts[:-1])}, {parts[-1]}"
    if (
        2 <= len(parts) <= 4
        and not _CORPORATE.search(name)
        and all(re.fullmatch(r"[A-ZÀ-Þ][\w'.\-]*", p) for p in parts)
    ):
        return f"{parts[-1]}, {' '.join(parts[:-1])}"
    return name


def ris_type(c: Mapping[str, Any]) -> str:
    """The RIS type: a journal article when a journal published the source, else its evidence
    type's (labels and regulatory documents GOVDOC, guidelines RPRT, the rest MANSCPT)."""
    if one_line(c.get("journal")):
        return "JOUR"
    ev = EVIDENCE_BY_KEY.get(str(c.get("evidence") or ""))
    return ev.ris if ev else "GEN"


def author_names(c: Mapping[str, Any]) -> list[str]:
    """The citation's author names as written; split from its author string only when the
    citation predates ``author_list``."""
    names = [one_line(a) for a in c.get("author_list") or []]
    return names or split_authors(str(c.get("authors") or ""))


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
        rec = [("TY", ris_type(c))]
        rec += [("AU", ris_author(a)) for a in author_names(c)]
        rec.append(("TI", c.get("title")))
        journal = one_line(c.get("journal"))
        if journal:
            rec += [("T2", journal), ("J2", journal)]
        if c.get("publisher"):
            rec.append(("PB", one_line(c["publisher"])))
        rec.append(("PY", int(c["year"]) if c.get("year") else None))
        rec.append(("DO", c.get("doi")))
        if c.get("pmid"):
            pmid = one_line(c["pmid"])
            rec += [("AN", pmid), ("DB", "PubMed"), ("M2", f"PMID: {pmid}")]
        found = links(c)
        rec.append(("UR", found[0][1] if found else None))
        rec.append(("KW", source_kind(c)))
        rec.append(("ID", c.get("source_id")))
        for tag, value in rec:
            value = one_line(value)
            if value:
                lines.append(f"{tag}  - {value}")
        lines += ["ER  - ", ""]
    return "\n".join(lines)
