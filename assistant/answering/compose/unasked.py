"""What a candidate sentence is about that the question did not ask: pregnancy, the intrathecal
pump, a study's weaknesses, another substance, another country, someone else's withdrawal. The
composer weighs such sentences down (and sentences about the country asked about up).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.answer import Plan
from assistant.answering.compose.sentence_kinds import ASKS_LIMITATION, LIMITATION, PUMP
from assistant.answering.question.places import JURISDICTION_SAID
from assistant.answering.safety import notices as safety
from assistant.vocab import ADDICTIONS, EU_MEMBERS, SUBSTANCE_SAID

# a sentence about pregnancy, breastfeeding or newborns (its topic; a question's is
# safety.mentions_pregnancy)
PREGNANCY = re.compile(
    r"\bpregnan\w*|\bbreast\w*|\bmilk\b|\bnewborns?\b|\bneonat\w*|\binfants?\b|\bbab(?:y|ies)\b"
    r"|\bdelivery\b|\blactat\w*|\bnursing\b|\bmothers?\b|\bplacenta\w*|\bfetal\b|\bfoetal\b"
    r"|\bunborn\b|\bwomb\b|\bexpecting\b",
    re.I,
)
# (overdoses and their treatment are reported from case series in many countries)
_LABEL_INTENTS = frozenset({"dosing", "pharmacokinetics"})

_ELSEWHERE = ("france", "uk", "australia", "eu")
_SUBSTANCE_RX = {k: rx for k, rx in SUBSTANCE_SAID.items() if k != "spasticity"}


def places_asked(plan: Plan) -> set[str]:
    """The places a question asks about, the EU with its member states ("approved in the EU?":
    France's authorisation answers it)."""
    places = set(plan.entities.jurisdictions)
    return places | EU_MEMBERS if "eu" in places else places


@dataclass
class Unasked:
    """What one question asks about, read once; :meth:`weight` scores a sentence against it."""

    intent: str = "general"
    asks_pregnancy: bool = False
    asks_pump: bool = False
    asks_limits: bool = False
    substances: list[str] = field(default_factory=list)
    other_subs: set[str] = field(default_factory=set)
    asked_places: list[str] = field(default_factory=list)
    other_places: set[str] = field(default_factory=set)
    # a label question naming no place, substance or study: the US label is the reference
    label_question: bool = False

    @classmethod
    def of(cls, plan: Plan) -> Unasked:
        asked = plan.english or plan.question
        subs = plan.entities.substances
        # the country asked about (a study's own country is not what is asked of it)
        places = [] if plan.entities.trials else sorted(places_asked(plan))
        return cls(
            intent=plan.intent,
            asks_pregnancy=safety.mentions_pregnancy(plan.searched),
            asks_pump=bool(PUMP.search(f"{plan.english} {plan.searched}")),
            asks_limits=bool(ASKS_LIMITATION.search(asked)),
            substances=list(subs),
            other_subs={k for k in _SUBSTANCE_RX if subs and k not in subs},
            asked_places=list(places),
            other_places={k for k in JURISDICTION_SAID if places and k not in places},
            label_question=plan.intent in _LABEL_INTENTS
            and not (plan.entities.jurisdictions or subs or plan.entities.trials),
        )

    def names_other_place(self, low: str) -> bool:
        return any(JURISDICTION_SAID[k].search(low) for k in self.other_places)

    def weight(self, text: str, record_substances: Sequence[str] = ()) -> float:
        """The adjustment to a sentence's relevance for what it says beyond the question."""
        low = text.lower()
        score = 0.0
        if not self.asks_pregnancy and PREGNANCY.search(text):
            # pregnancy, breastfeeding, newborns: only when asked about (a newborn's withdrawal
            # is not what stopping baclofen does)
            score -= 0.16 if self.intent == "withdrawal" else 0.08
        elif self.asks_pregnancy and self.intent == "adverse_effects" and PREGNANCY.search(text):
            score += 0.08  # "feeding him myself: anything to watch for in him?": the baby's risks
        if not self.asks_pump and PUMP.search(text):
            score -= 0.2  # the intrathecal pump: only when asked about
        if not self.asks_limits and LIMITATION.search(text):
            score -= 0.08  # a study's weakness answers only a question about its limits
        if (
            self.intent == "withdrawal"
            and not self.substances
            and record_substances
            and set(record_substances) <= set(ADDICTIONS)
        ):
            score -= 0.08  # stopping baclofen is not treating the withdrawal from alcohol
        said = [k for k in self.substances if k in _SUBSTANCE_RX]
        if any(_SUBSTANCE_RX[k].search(low) for k in self.other_subs) and not any(
            _SUBSTANCE_RX[k].search(low) for k in said
        ):
            score -= 0.15  # about another substance than the one asked about
        here = any(JURISDICTION_SAID[k].search(low) for k in self.asked_places)
        if self.names_other_place(low) and not here:
            score -= 0.15
        if here:
            score += 0.05
            if self.intent == "regulation" and self.names_other_place(low):
                score -= 0.1  # a sentence about several places: another regulator's view
        return score

    def elsewhere(self, text: str) -> float:
        """A label question naming no place answered from one country's guideline or monograph
        weighs less than the US label (the sentence may still support the answer)."""
        low = text.lower()
        if (
            self.label_question
            and not JURISDICTION_SAID["us"].search(low)
            and any(JURISDICTION_SAID[k].search(low) for k in _ELSEWHERE)
        ):
            return -0.08  # "how often can the dose be raised?": the label's steps
        return 0.0
