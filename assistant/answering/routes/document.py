"""Questions about one of the user's documents ("the article I added", "this PDF", its title).

The answer comes from that document alone, and says so (the pipeline adds the note):

* "which X does the article list?" returns the list whole, item by item, cited to its page or
  section (documents are chunked by heading and whole list, see ``library/chunks.py``);
* "what does its section on X say?" returns the start of that section;
* anything else is answered from the document's best sentences, like any question.

Where the document says something the curated evidence contradicts, one sentence says so, citing
the document's sentence and the curated one (:mod:`assistant.answering.check.checker`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import numpy as np

from assistant.answering.check.checker import Checker
from assistant.answering.check.claims import Claim, topic_of
from assistant.answering.compose.extractive import (
    Citations,
    Composition,
    Evidence,
    ExtractiveComposer,
    render,
)
from assistant.library.chunks import tokenize
from assistant.vocab import ROUTE_DOCUMENT

_ASKS_LIST = re.compile(
    r"\b(?:which|what)\b(?:\s+\S+){1,6}?\s+(?:does|do|did)\s+(?:the|this|that|my|its|the author'?s?)?"
    r"\s*(?:\w+\s+){0,2}?(?:list|name|mention|give|recommend|suggest|cite|say|describe)\b"
    r"|\blist (?:of|the)\b|\bwhat are the\b.*\b(?:listed|mentioned)\b",
    re.I,
)
_ASKS_SECTION = re.compile(
    r"\b(?:section|part|chapter|paragraph|heading)\s+(?:on|about|called|titled|headed)\s+(.+?)\s*(?:say|cover|claim)?\s*\??$"
    r"|\bwhat does (?:the|its|the article'?s?) (.+?) section say\b",
    re.I,
)
_LIST_LINE = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")
_GENERIC = frozenset(
    tokenize("article document paper post blog pdf leaflet essay list mention say does author")
)


def document_answer(ev: Evidence, composer: Any, embedder: Any) -> Composition:
    """Answer ``ev.plan`` from the document the plan scoped it to."""
    plan, store = ev.plan, ev.store
    doc_id = plan.entities.documents[0]
    comp = None
    if _ASKS_LIST.search(plan.english or plan.question):
        comp = _list_answer(ev, doc_id)
    if comp is None and (m := _ASKS_SECTION.search(plan.english or plan.question)):
        comp = _section_answer(ev, doc_id, m.group(1) or m.group(2) or "")
    if comp is None:
        contexts = [c for c in ev.contexts if c.source_id == doc_id] or _all_chunks(ev, doc_id)
        doc_ev = replace(ev, contexts=contexts)
        extractive = ExtractiveComposer(max_sentences=4)
        picked = extractive.select(doc_ev)
        if not picked:
            return Composition(
                "The document does not say anything about this.", True, [], ROUTE_DOCUMENT
            )
        comp = render(picked, contexts)
    if comp.abstained:
        return replace(comp, route=ROUTE_DOCUMENT)
    return replace(_add_contradiction(comp, store, embedder, doc_id), route=ROUTE_DOCUMENT)


def _all_chunks(ev: Evidence, doc_id: str) -> list[Any]:
    store = ev.store
    qv = ev.query_vec
    out = []
    for pos in store.record_positions(doc_id):
        sim = float(np.asarray(store.vectors[pos]) @ qv) if qv is not None else None
        out.append(store.context(pos, score=1.0, similarity=sim))
    return out


def _lists(store: Any, doc_id: str) -> list[tuple[int, str, list[tuple[int, int]]]]:
    """(chunk position, what introduces the list, item spans) of every list in the document."""
    out = []
    for pos in store.record_positions(doc_id):
        text = store.texts[pos]
        for block in re.finditer(r"(?:^|\n\n)(.+?)(?=\n\n|$)", text, re.S):
            lines = block.group(1).split("\n")
            items = []
            offset = block.start(1)
            lead = ""
            for line in lines:
                m = _LIST_LINE.match(line)
                if m:
                    items.append((offset + m.end(), offset + len(line)))
                elif not items:
                    lead = f"{lead} {line}".strip()
                offset += len(line) + 1
            if len(items) >= 2:
                heading = store.metas[pos].section
                out.append((pos, f"{heading}. {lead}".strip(". "), items))
    return out


def _list_answer(ev: Evidence, doc_id: str) -> Composition | None:
    """The list the question asks for, whole: the one whose introduction and heading share
    most words with the question (its items too, when the question names one)."""
    store = ev.store
    lists = _lists(store, doc_id)
    if not lists:
        return None
    q = set(tokenize(ev.plan.english or ev.plan.question)) - _GENERIC
    if not q:
        return None

    def score(entry: tuple[int, str, list[tuple[int, int]]]) -> float:
        pos, lead, items = entry
        lead_toks = set(tokenize(lead))
        item_toks = set(tokenize(" ".join(store.texts[pos][a:b] for a, b in items)))
        return 2.0 * len(q & lead_toks) + 0.5 * len(q & item_toks)

    best = max(lists, key=score)
    if score(best) <= 0:
        return None
    pos, lead, items = best
    ctx = store.context(pos)
    text = store.texts[pos]
    cites = Citations()
    n = cites.add(ctx, text[items[0][0] : items[-1][1]], items[0][0])
    where = f"on page {ctx.metadata.page}" if ctx.metadata.page else (
        f"under \u201c{ctx.metadata.section}\u201d" if ctx.metadata.section else ""
    )  # fmt: skip
    lines = [f"The document lists {len(items)} {'items' if not where else 'items ' + where}: [{n}]"]
    lines += [f"- {text[a:b].strip()}" for a, b in items]
    return Composition("\n".join(lines), False, cites.items)


def _section_answer(ev: Evidence, doc_id: str, wanted: str) -> Composition | None:
    """The start of the section the question names, with its lists whole."""
    store = ev.store
    want = set(tokenize(wanted)) - _GENERIC
    if not want:
        return None
    positions = [
        p for p in store.record_positions(doc_id) if want & set(tokenize(store.metas[p].section))
    ]
    if not positions:
        return None
    cites = Citations()
    lines: list[str] = []
    prose = 0
    for pos in positions:
        ctx = store.context(pos, score=1.0)
        text = ctx.text
        for s, e in store.sentences[pos]:
            sent = text[s:e].strip()
            item = sent.startswith(("- ", "* ", "\u2022 "))
            if item:
                sent, s = sent[2:].strip(), s + 2
            elif prose >= 2 or sent.endswith(":"):
                continue
            else:
                prose += 1
            n = cites.add(ctx, sent, s)
            lines.append(f"- {sent}" if item else f"{sent} [{n}]")
        if len(lines) >= 10:
            break
    if not lines:
        return None
    items = [line for line in lines if line.startswith("- ")]
    if items and cites.items:
        lines = [ln for ln in lines if not ln.startswith("- ")]
        lines.append(f"- {len(items)} items [{cites.items[-1].n}]:" if len(lines) else "")
        lines += items
    section = store.metas[positions[0]].section
    head = f"The section \u201c{section}\u201d of your document:"
    return Composition("\n".join([head, *[ln for ln in lines if ln]]), False, cites.items)


def _add_contradiction(comp: Composition, store: Any, embedder: Any, doc_id: str) -> Composition:
    """One sentence when the curated evidence contradicts what the answer quotes from the
    document, citing both."""
    quoted = [c for c in comp.citations if c.source_id == doc_id]
    claims = []
    for c in quoted:
        lines = c.quote.split("\n")
        for line in lines:
            item = bool(_LIST_LINE.match(line))
            line = _LIST_LINE.sub("", line).strip()
            # a list item is read with what introduces it: its section heading
            context = f"{c.section}:" if (item or len(lines) > 1) and c.section else ""
            topic = topic_of(f"{context} {line}")
            if line and topic:
                claims.append((c, Claim(line, c.page, topic, context=context)))
    if not claims:
        return comp
    Checker(store, embedder).check([cl for _, cl in claims])
    bad = [(c, cl) for c, cl in claims if cl.verdict == "contradicted" and cl.citations]
    if not bad:
        return comp
    cites = Citations()
    cites.items = list(comp.citations)
    doc_cite, claim = bad[0]
    curated = claim.citations[0]
    pos = store.position.get(curated.chunk_id)
    if pos is None:
        return comp
    m = cites.add(store.context(pos), curated.quote)
    conditions = [cl.condition.lower() for _, cl in bad if cl.condition]
    if len(conditions) > 1:
        names = ", ".join(conditions[:-1]) + " or " + conditions[-1]
        what = f"the US label of oral baclofen does not list {names} as contraindications"
    else:
        what = claim.explanation.rstrip(".")
        what = what[:1].lower() + what[1:]
    sentence = f"- The curated evidence contradicts this: {what} [{doc_cite.n}][{m}]."
    return replace(comp, answer=f"{comp.answer}\n{sentence}", citations=cites.items)
