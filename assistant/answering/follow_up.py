"""A follow-up's answer without what the previous turn's answer already said: the user has just
read it ("what did ALPADIR find?" then "was it significant?" should not get the same lines).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answering.compose import Composition

_MARKS = re.compile(r"\s*(?:\[\d+\])+\.?$")
_VERDICT = re.compile(r"^(?:- )?(?:(?:yes|no|not without risk|not reported|partly)\s*:\s*)?", re.I)


def _body(line: str) -> str:
    """A line's statement: without its list dash, its Yes/No and its citation marks."""
    return _MARKS.sub("", _VERDICT.sub("", line.strip())).strip().rstrip(".").lower()


def without_repeats(comp: Composition, before: Composition) -> Composition:
    """A follow-up's answer without the lines the previous turn's answer already said (the user
    has just read them), citations and evidence-table rows renumbered; unchanged when every line
    is a repeat."""
    said = {_body(ln) for ln in before.answer.splitlines() if ln.strip()}
    lines = [ln for ln in comp.answer.splitlines() if ln.strip()]
    kept = [ln for ln in lines if _body(ln) not in said]
    if not kept or len(kept) == len(lines):
        return comp
    kept[0] = kept[0].removeprefix("- ")
    kept[0] = kept[0][:1].upper() + kept[0][1:]
    order: dict[int, int] = {}
    for ln in kept:
        for n in re.findall(r"\[(\d+)\]", ln):
            order.setdefault(int(n), len(order) + 1)
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{order.get(int(m.group(1)), 0)}]", "\n".join(kept))
    cites = [replace(c, n=order[c.n]) for c in comp.citations if c.n in order]
    cites.sort(key=lambda c: c.n)
    rows = [replace(r, n_cite=order[r.n_cite]) for r in comp.evidence_table if r.n_cite in order]
    return replace(comp, answer=text, citations=cites, evidence_table=rows)
