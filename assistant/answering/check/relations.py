"""Two typed readings of a claim against one close source sentence: how one quantity stands to
another ("renal clearance far lower than creatinine clearance" where the source says close to
it), and when a level peaks ("peaked in milk within about 30 minutes" where the source gives
4 hours). Each returns the reason the claim is contradicted, or None.
"""

from __future__ import annotations

import re

from assistant.answering.check.contrasts import digits
from assistant.answering.check.fact_sheet import NEGATION
from assistant.library.chunks import tokenize

# ------------------------------------------------------------------ one quantity set against another

_APART = re.compile(
    r"\b(?:far|much|well|considerably|substantially|markedly|clearly)\s+(?:lower|higher|greater"
    r"|less|smaller|larger|below|above)\s+(?:than\s+)?(?:the\s+)?(?P<what>[a-z-]+(?:\s+[a-z-]+)?)",
    re.I,
)
_ALIKE = re.compile(
    r"\b(?:close to|roughly equal to|about equal to|approximately equal to|similar to|equal to"
    r"|the same as|in line with)\s+(?:the\s+)?(?P<what>[a-z-]+(?:\s+[a-z-]+)?)",
    re.I,
)
_STOP = frozenset(tokenize("the a of in on at to and or that which was were is are be its their"))


def _words(text: str) -> set[str]:
    return set(tokenize(text)) - _STOP


def relation_conflict(claim: str, passage: str) -> str | None:
    """The claim sets a quantity far from another that the passage puts close to it (or the
    reverse), the same two quantities named in both."""
    for apart_in, alike_in, says in ((claim, passage, "close to"), (passage, claim, "far from")):
        apart, alike = _APART.search(apart_in), _ALIKE.search(alike_in)
        if not apart or not alike or NEGATION.search(claim):
            continue
        if not _words(apart.group("what")) & _words(alike.group("what")):
            continue  # (set against different things)
        before = _words(apart_in[: apart.start()]) & _words(alike_in[: alike.start()])
        if len(before) < 2:
            continue  # (not the same quantity set against it)
        return f"The curated source puts it {says} {alike.group('what') if says == 'close to' else apart.group('what')}."
    return None


# ------------------------------------------------------------------ when a level peaks

_PEAK = re.compile(
    r"\bpeak\w*|\bmaximum (?:plasma |blood )?(?:concentration|level)s?\b|\btmax\b", re.I
)
_TIME = re.compile(
    r"\b(?P<a>\d+(?:\.\d+)?)(?:\s*(?:to|-|–|and)\s*(?P<b>\d+(?:\.\d+)?))?\s*"
    r"(?P<unit>hours?|hrs?|h|minutes?|mins?)\b",
    re.I,
)
_HALF_HOUR = re.compile(r"\bhalf an hour\b", re.I)
# what peaked: a level in breast milk, the oral solution's, or the tablets' (blood by default)
_KINDS = {
    "milk": re.compile(r"\bmilk\b", re.I),
    "solution": re.compile(r"\b(?:solution|liquid|syrup|suspension)\b", re.I),
    "tablet": re.compile(r"\btablets?\b", re.I),
}


def _peak_hours(text: str) -> tuple[float, float] | None:
    """The time to peak a sentence gives, in hours (low, high); None when it gives none."""
    t = _HALF_HOUR.sub("0.5 hours", digits(text))
    peak = _PEAK.search(t)
    if not peak:
        return None
    times = [m for m in _TIME.finditer(t) if abs(m.start() - peak.start()) <= 90]
    if not times:
        return None
    m = min(times, key=lambda m: abs(m.start() - peak.end()))  # (not a half-life beside it)
    scale = 1 / 60 if m.group("unit").lower().startswith("m") else 1.0
    a = float(m.group("a")) * scale
    return a, float(m.group("b")) * scale if m.group("b") else a


def peak_time_conflict(claim: str, passage: str) -> str | None:
    """The claim gives a time to peak far from the passage's for the same kind of level (in
    milk, of the solution, of the tablets): no overlap, and one more than twice the other."""
    if NEGATION.search(claim):
        return None
    mine, theirs = _peak_hours(claim), _peak_hours(passage)
    if not mine or not theirs:
        return None
    kinds = [{k for k, rx in _KINDS.items() if rx.search(t)} for t in (claim, passage)]
    if kinds[0] != kinds[1] or len(kinds[1]) > 1:
        return None  # (another level's peak, or a sentence comparing two)
    low, high = max(mine[0], theirs[0]), min(mine[1], theirs[1])
    if low <= high or low < 2 * high:
        return None
    return f"The curated source gives a time to peak of {_hours(theirs)}."


def _hours(span: tuple[float, float]) -> str:
    a, b = span
    return f"{a:g} hours" if a == b else f"{a:g} to {b:g} hours"
