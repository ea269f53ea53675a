"""Two liquid strengths compared ("the new bottle says 25mg in 5ml, the old one said 5mg in 5ml:
is the new one stronger?"): how many times as concentrated one is, worked out from the two
strengths the question gives, then the sources' sentence naming a product of that strength.
A mix-up between two concentrations is a dosing error waiting to happen, so the answer says
plainly that the same volume is not the same dose.
"""

from __future__ import annotations

import re

from assistant.answering.compose.extractive import Citations, Composition, Evidence
from assistant.vocab import ROUTE_EXTRACTIVE

# "25mg in 5ml", "5 mg/5 mL", "25 mg per 5 ml", "1 mg/ml"
_STRENGTH = re.compile(
    r"\b(\d+(?:\.\d+)?)\s?mg\s?(?:in|per|/|every|for each)\s?(\d+(?:\.\d+)?)?\s?ml\b", re.I
)
_ASKS = re.compile(
    r"\bstronger\b|\bweaker\b|\bsame (?:strength|thing|dose)\b|\bconcentrat\w*|\bdifferen\w*"
    r"|\bmore (?:potent|powerful)\b",
    re.I,
)


def _per_ml(m: re.Match[str]) -> float:
    return float(m.group(1)) / float(m.group(2) or 1)


def _amount(m: re.Match[str]) -> str:
    return f"{m.group(1)} mg in {m.group(2) or 1} mL"


def strength_comparison(ev: Evidence) -> Composition | None:
    """Two strengths of a liquid compared, each per millilitre; None unless the question gives
    two and asks whether they differ, or no source names a product of either strength."""
    asked = ev.plan.english or ev.plan.question
    found = list(_STRENGTH.finditer(asked))
    if len(found) < 2 or not _ASKS.search(asked):
        return None
    a, b = found[0], found[1]
    high, low = (a, b) if _per_ml(a) >= _per_ml(b) else (b, a)
    store = ev.store
    cites = Citations()
    marks: list[str] = []
    for m in (high, low):  # the sources' sentence naming a product of that strength
        said = re.compile(
            rf"\b{re.escape(m.group(1))} mg (?:per|in|/) ?{re.escape(m.group(2) or '1')} mL\b"
        )
        naming = [  # (the store's own sentence spans, not split again)
            (pos, text[s:e].strip())
            for pos, text in enumerate(store.texts)
            if not store.metas[pos].user and said.search(text)
            for s, e in store.sentences[pos]
            if said.search(text[s:e])
        ]
        # (a sentence calling it a concentrated product first)
        naming.sort(key=lambda found: not re.search(r"\bconcentrat", found[1], re.I))
        if naming:
            pos, sentence = naming[0]
            marks.append(f"{sentence} [{cites.add(store.context(pos), sentence)}]")
    if not marks:
        return None
    ratio = _per_ml(high) / _per_ml(low)
    if abs(ratio - 1) < 1e-9:
        first = (
            f"Yes: {_amount(a)} and {_amount(b)} are the same strength, "
            f"{_per_ml(a):g} mg in each millilitre."
        )
    else:
        times = f"{ratio:g} times" if ratio != 2 else "twice"
        first = (
            f"Not the same strength: {_amount(high)} is {times} as strong as {_amount(low)} "
            f"({_per_ml(high):g} mg against {_per_ml(low):g} mg in each millilitre), so the same "
            f"volume gives {times} the dose; the two cannot be swapped millilitre for millilitre."
        )
    lines = [first, *(f"- {m}" for m in marks)]
    return Composition("\n".join(lines), False, cites.items, route=ROUTE_EXTRACTIVE)
