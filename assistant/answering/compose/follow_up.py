"""A follow-up's answer without what the previous turn's answer already said: the user has just
read it ("what did ALPADIR find?" then "was it significant?" should not get the same lines).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answering.compose.extractive import QUESTION_WORDS, Composition, renumbered
from assistant.library.chunks import tokenize

_MARKS = re.compile(r"\s*(?:\[\d+\])+\.?$")
_VERDICT = re.compile(r"^(?:- )?(?:(?:yes|no|not without risk|not reported|partly)\s*:\s*)?", re.I)


def _content(text: str) -> set[str]:
    """A text's content words (stems of four letters or more, question words aside)."""
    return {t for t in tokenize(text) if len(t) >= 4} - QUESTION_WORDS


def _body(line: str) -> str:
    """A line's statement: without its list dash, its Yes/No and its citation marks."""
    return _MARKS.sub("", _VERDICT.sub("", line.strip())).strip().rstrip(".").lower()


def without_repeats(comp: Composition, before: Composition, question: str = "") -> Composition:
    """A follow-up's answer without the lines the previous turn's answer already said (the user
    has just read them), citations and evidence-table rows renumbered; unchanged when every line
    is a repeat. A repeated first line that names what the follow-up asks ("what about selective
    outcome reporting?" when the last answer gave both risks) is the answer: it alone is kept."""
    said = {_body(ln) for ln in before.answer.splitlines() if ln.strip()}
    lines = [ln for ln in comp.answer.splitlines() if ln.strip()]
    asked = _content(question)
    short = len(question.split()) <= 8
    if (
        lines
        and _body(lines[0]) in said
        and short
        and asked
        and asked <= _content(lines[0])
        and not any(asked <= _content(ln) for ln in lines[1:])  # (no other line names it)
    ):
        kept = lines[:1]
    else:
        kept = [ln for ln in lines if _body(ln) not in said]
    if not kept or len(kept) == len(lines):
        return comp
    kept[0] = kept[0].removeprefix("- ")
    kept[0] = kept[0][:1].upper() + kept[0][1:]
    return renumbered(replace(comp, answer="\n".join(kept)))
