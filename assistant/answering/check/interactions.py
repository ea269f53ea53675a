"""A claim that baclofen and another substance do not interact ("no known interaction",
"risk-free", "don't interact"), checked against the curated label sentences that name an
interaction with that substance or its class (alcohol, opioids, lithium, ...). Mixed into
:class:`~assistant.answering.check.checker.Checker` (``assistant check``).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from assistant.answering.check.claims import Claim
from assistant.vocab import INTERACTION_CLASS, INTERACTS, interaction_classes

# what a claim calls harmless to combine: "no known interaction", "don't interact", "risk-free"
_DENIAL = re.compile(
    r"\bno (?:known |real |significant |relevant )?interactions?\b"
    r"|\b(?:do(?:es)?n't|do(?:es)? not|won't|will not|never)\s+(?:\w+\s+)?interact\w*"
    r"|\brisk.?free\b|\bsafe (?:partner|combination|pairing)\b"
    r"|\b(?:safe|fine|harmless|ok|okay) to (?:combine|mix|take together)\b"
    # "tricyclics have no known effect on the action of baclofen"
    r"|\bno (?:known |real |significant )?(?:effect|influence|impact) on (?:the (?:action|effect)s? of )?"
    r"baclofen\b",
    re.I,
)
# the claim's words before the denial that take it back ("I'm not sure about risk-free")
_UNSURE = re.compile(r"\bnot\b|n't\b|\bunsure\b|\bdoubt\w*|\bwhether\b|\bif\b", re.I)
_TRUSTED = ("label", "regulatory", "guideline")


def denied_partner(text: str) -> str | None:
    """The substance class a claim calls harmless to combine with baclofen ("Lithium: a safe
    partner, with no known interaction" -> "lithium"), or None (none, several, or a doubt)."""
    m = _DENIAL.search(text)
    if not m or _UNSURE.search(re.split(r"[,;]", text[: m.start()])[-1]):
        return None
    named = interaction_classes(text)
    # "alcohol use disorder and lithium": which one is meant is unclear
    return named[0].key if len(named) == 1 else None


class InteractionChecks:
    """The interaction decider of the checker (its store and citing helpers come from it)."""

    store: Any
    _rows: np.ndarray
    _allowed: np.ndarray

    def _interaction(self, claim: Claim) -> bool:
        """ "Lithium: a safe partner, with no known interaction": contradicted by the label
        sentence naming an interaction of baclofen with lithium."""
        partner = denied_partner(claim.text)
        named = partner and re.compile(INTERACTION_CLASS[partner].named, re.I)
        found = named and self._interaction_sentence(named)
        if not found:
            return False
        pos, sent = found
        self._cite_sentence(claim, pos, sent)  # type: ignore[attr-defined]
        claim.verdict = "contradicted"
        claim.explanation = (
            f"The label sources name an interaction of baclofen with "
            f"{INTERACTION_CLASS[partner].label}."
        )
        return True

    def _interaction_sentence(self, partner: re.Pattern[str]) -> tuple[int, str] | None:
        """The trusted sentence naming an interaction with ``partner``, the one naming fewest
        other medicines first (MIMS's tricyclic sentence before a summary of all of them)."""
        found = []
        for row in np.flatnonzero(self._allowed):
            pos = int(self._rows[row])
            if self.store.metas[pos].evidence not in _TRUSTED:
                continue
            sent = self._sentence_text(int(row), pos)  # type: ignore[attr-defined]
            if partner.search(sent) and INTERACTS.search(sent):
                found.append((len(interaction_classes(sent)), len(found), pos, sent))
        return min(found)[2:] if found else None
