"""The lines of a user's document that claim extraction reads one by one (``assistant
check``): a chat export's messages, labelled card lines ("Q: ...", "A: ..."), quoted lines and
Markdown table rows."""

from __future__ import annotations

import re

# A chat export's messages ("14/03, 19:02 - Funmi: ...", "[14/03/2024, 19:02:11] Kemi: ...",
# "[21:02] USER: ...", their line breaks often lost): each message is read on its own, without its
# time and sender
CHAT_STAMP = (
    r"(?:\[?\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?,? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?\]?"
    r"|\[\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?\])"  # ("[21:02] USER:": a time alone, bracketed)
)
# a captions file's or a transcript's lines ("[00:05:25] and the half life is long ..."), often
# without a full stop: each is read on its own too, without its time and speaker mark (">>")
_CAPTION_STAMP = r"\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\]"
CHAT_LINE = re.compile(
    rf"\s+(?={CHAT_STAMP}\s*(?:-\s*)?[^:\n]{{1,40}}:\s)|\s+(?={_CAPTION_STAMP}\s)"
)
CHAT_PREFIX = re.compile(
    rf"^{CHAT_STAMP}\s*(?:-\s*)?[^:\n]{{1,40}}:\s+|^{_CAPTION_STAMP}\s*(?:>>\s*)?"
)

# Revision cards and notes: lines that start with a short label ("Q:", "A:", "Tip:", "Note:");
# in a labelled line whose line breaks were lost ("A: ... the urine Tip: don't mix ..."), the
# next label after a space starts the next line
LABELLED_LINE = re.compile(r"\n\s*(?=(?:Q|A|Question|Answer|Tip|Note|NB|Hint)\s?:\s)")
NEXT_LABEL = re.compile(r"\s+(?=(?:Q|A|Question|Answer|Tip|Note|NB|Hint)\s?:\s)")

# a quoted line after a sentence, its line break lost in ingestion ("... a point. > AFTER ...",
# "... the blood. > > (2) The body ...", an empty quoted line between two)
QUOTED_LINE = re.compile(r"\n\s*(?:>\s*)+|(?<=[.!?:*])\s+(?:>\s+)+(?=[A-Z*(])")

# an upper-case heading line ending in a colon ("DRUG INTERACTIONS:") above its paragraph, the
# line break kept: the heading is a line of its own, not the start of the first sentence
_HEADING_LINE = re.compile(r"^([A-Z][A-Z0-9 ,&/'()-]{2,60}:)[ \t]*\n\s*(?=\S)")


def heading_lines(part: str) -> list[str]:
    """``part`` with an upper-case heading line at its start split off ("DRUG INTERACTIONS:",
    then the sentence)."""
    m = _HEADING_LINE.match(part.strip())
    return [m.group(1), part.strip()[m.end() :]] if m else [part]


# lettered or numbered items on lines of their own, read as one unit when the sentence splitter
# keeps them together ("Rationale ...\n  (a) Kidney function: ...\n  (b) Epilepsy: ..."): each
# item is a line of its own, without its marker
_ITEM_LINE = re.compile(
    r"\n\s*(?=(?:\(?[a-z]\)|\d{1,2}[.)])\s+\S)"
    r"|(?<=[.!?])\s+(?=\([a-z]\)\s+[A-Z])"  # ("... criteria. (a) Kidney function: ...": line breaks lost)
)
_ITEM_MARK = re.compile(r"^\s*(?:\(?[a-z]\)|\d{1,2}[.)])\s+")


def item_lines(part: str) -> list[str]:
    """``part`` split at lettered or numbered items that start lines, each without its marker."""
    pieces = _ITEM_LINE.split(part)
    if len(pieces) == 1:
        return [part]
    return [pieces[0], *(_ITEM_MARK.sub("", p) for p in pieces[1:])]


TABLE_ROW = re.compile(r"^\|[^|\n]+\|[^|\n]*[^|\s-][^|\n]*\|\s*$")


def table_rows(part: str) -> list[str]:
    """A Markdown table as one claim per body row, its cells joined ("Ozobax: contains ...");
    anything else as it is."""
    lines = [ln.strip() for ln in part.splitlines() if ln.strip()]
    lead = []
    while lines and not lines[0].startswith("|") and len(lines) > 2:
        lead.append(lines.pop(0))  # the sentence introducing the table ("... as a table:")
    if lead and all(ln.startswith("|") for ln in lines):
        return [" ".join(lead), *table_rows("\n".join(lines))]
    if not all(ln.startswith("|") for ln in lines) or not (
        len(lines) >= 2 or (lines and TABLE_ROW.match(lines[0]))  # a row cut off from its table
    ):
        return [part]
    rows = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
    body = [r for r in rows if not all(re.fullmatch(r":?-*:?", c) for c in r)]
    if len(rows) > 1 and all(re.fullmatch(r":?-+:?", c) for c in rows[1] if c):
        body = body[1:]  # the header row names the columns
    return [": ".join(c for c in r if c) for r in body if any(r)]


# A form's dotted leaders ("PREGNANCY ...... CONTRAINDICATED", "Absorption ... Oral ..."): a
# label and its value, read as one line "PREGNANCY: CONTRAINDICATED". A leader is two or more
# dots after a space, or four or more (a writer's "then... it" is no leader)
_LEADER = r"(?: \.{2,}|\.{4,})"
LEADER_ONLY = re.compile(rf"^\s*(?P<label>\S+(?:\s\S+){{0,3}}?){_LEADER}\s*$")
LEADER_INSIDE = re.compile(
    r"(?<=\w) ?\.{4,}\s+(?=\S)|^(?P<label>\S+(?:\s\S+){0,3}?) \.{2,}\s+(?=\S)"
)


def with_leaders(parts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Lines split at a dotted leader joined again as "label: value" (``parts``: the lines
    with their paragraph numbers)."""
    out: list[tuple[str, int]] = []
    for piece, block in parts:
        label = LEADER_ONLY.match(out[-1][0]) if out else None
        if label:
            out[-1] = (f"{label.group('label')}: {piece.strip()}", out[-1][1])
        else:
            out.append((piece, block))
    return [(LEADER_INSIDE.sub(lambda m: f"{m.group('label') or ''}: ", p), b) for p, b in out]
