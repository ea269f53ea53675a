"""A claim that baclofen and another substance do not interact ("no known interaction",
"risk-free", "don't interact"), checked against the curated label sentences that name an
interaction with that substance or its class (alcohol, opioids, lithium, ...). Mixed into
:class:`~assistant.answering.check.Checker` (``assistant check``).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from assistant.answering.claims import Claim

# what a claim calls harmless to combine: "no known interaction", "don't interact", "risk-free"
_DENIAL = re.compile(
    r"\bno (?:known |real |significant |relevant )?interactions?\b"
    r"|\b(?:do(?:es)?n't|do(?:es)? not|won't|will not|never)\s+(?:\w+\s+)?interact\w*"
    r"|\brisk.?free\b|\bsafe (?:partner|combination|pairing)\b"
    r"|\b(?:safe|fine|harmless|ok|okay) to (?:combine|mix|take together)\b",
    re.I,
)
# the claim's words before the denial that take it back ("I'm not sure about risk-free")
_UNSURE = re.compile(r"\bnot\b|n't\b|\bunsure\b|\bdoubt\w*|\bwhether\b|\bif\b", re.I)
# a substance named in a claim, as the class the label sentences name
_PARTNERS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    name: (re.compile(claim_rx, re.I), re.compile(label_rx, re.I))
    for name, claim_rx, label_rx in (
        ("alcohol", r"\balcohol\b|\bbeers?\b|\bwines?\b|\bdrinks?\b|\bdrinking\b", r"\balcohol\b"),
        (
            "opioids",
            r"\bopioids?\b|\bopiates?\b|\bmethadone\b|\bmorphine\b|\boxycodone\b|\bfentanyl\b"
            r"|\bcodeine\b|\btramadol\b|\bheroin\b|\bbuprenorphine\b",
            r"\bopioids?\b",
        ),
        ("lithium", r"\blithium\b", r"\blithium\b"),
        ("tricyclics", r"\btricyclic\w*|\bamitriptyline\b|\bnortriptyline\b", r"\btricyclic"),
        ("MAO inhibitors", r"\bmao(?:i|is)?\b|\bmonoamine oxidase\b", r"\bmao inhibitors?\b"),
        (
            "CNS depressants",
            r"\bbenzodiazepines?\b|\bbenzos?\b|\bdiazepam\b|\blorazepam\b|\bsleeping (?:pills?|tablets?)"
            r"|\bsedatives?\b",
            r"\bcns depressant",
        ),
    )
}
# a label sentence that names an interaction, not just the substance
_INTERACTS = re.compile(
    r"\badditive\b|\badds? to\b|\braises? the risk\b|\bincreas\w* (?:the )?(?:risk|cns depression)"
    r"|\bworsen\w*|\bstrengthen\w*|\benhanc\w*|\bpotentiat\w*|\bcan (?:add|increase)\b",
    re.I,
)
_TRUSTED = ("label", "regulatory", "guideline")


def denied_partner(text: str) -> str | None:
    """The substance class a claim calls harmless to combine with baclofen ("Lithium: a safe
    partner, with no known interaction" -> "lithium"), or None (none, several, or a doubt)."""
    m = _DENIAL.search(text)
    if not m or _UNSURE.search(re.split(r"[,;]", text[: m.start()])[-1]):
        return None
    named = [k for k, (rx, _) in _PARTNERS.items() if rx.search(text)]
    # "alcohol use disorder and lithium": which one is meant is unclear
    return named[0] if len(named) == 1 else None


class InteractionChecks:
    """The interaction decider of the checker (its store and citing helpers come from it)."""

    store: Any
    _rows: np.ndarray
    _allowed: np.ndarray

    def _interaction(self, claim: Claim) -> bool:
        """ "Lithium: a safe partner, with no known interaction": contradicted by the label
        sentence naming an interaction of baclofen with lithium."""
        partner = denied_partner(claim.text)
        found = partner and self._interaction_sentence(_PARTNERS[partner][1])
        if not found:
            return False
        pos, sent = found
        self._cite_sentence(claim, pos, sent)  # type: ignore[attr-defined]
        claim.verdict = "contradicted"
        claim.explanation = f"The label sources name an interaction of baclofen with {partner}."
        return True

    def _interaction_sentence(self, partner: re.Pattern[str]) -> tuple[int, str] | None:
        for row in np.flatnonzero(self._allowed):
            pos = int(self._rows[row])
            if self.store.metas[pos].evidence not in _TRUSTED:
                continue
            sent = self._sentence_text(int(row), pos)  # type: ignore[attr-defined]
            if partner.search(sent) and _INTERACTS.search(sent):
                return pos, sent
        return None
