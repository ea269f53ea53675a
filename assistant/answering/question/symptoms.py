"""A symptom told in a person's own words and put down to the medicine ("his hands have got a
wobble, his tea goes everywhere ... can the tablets do that?"), named as the label names it.

Everyday words for a symptom are endless, so they are not listed phrase by phrase: each reaction
the labels name has a short description in plain words, and the question's clauses are compared
with them in meaning (the bundled sentence encoder). The nearest reaction is named only when it
is clearly nearest, the question blames the medicine, and no reaction is named already; the name
is added to the question's English reading ("... (tremor)"), which the planner, retrieval and the
composer then read like any other question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from assistant.vocab import LABEL_REACTIONS

# The labels' reactions (the name the sources use first), each in everyday words.
DESCRIBED: dict[str, str] = {
    "drowsiness": "drowsy, sleepy all the time, keeps nodding off",
    "dizziness": "dizzy, the room spinning, light-headed",
    "weakness": "weak, no strength in the legs or arms",
    "confusion": "confused, muddled, not making sense",
    "nausea": "feeling sick, queasy, nauseous",
    "headache": "headaches, a pounding head",
    "insomnia": "cannot sleep at night, lying awake",
    "constipation": "constipated, cannot open the bowels",
    "urinary frequency": "needing to pass water very often",
    "euphoria": "euphoric, on a high, unusually happy",
    "excitement": "wound up, overexcited, restless and fidgety, cannot settle or calm down",
    "depression": "low mood, feeling down and depressed",
    "hallucinations": "seeing or hearing things that are not there",
    "epileptic seizures": "a fit, a seizure, convulsions, jerking and shaking on the floor",
    "pins and needles": "pins and needles, tingling in the hands or feet",
    "muscle pain": "aching muscles, sore all over",
    "ringing in the ears": "ringing or buzzing in the ears",
    "slurred speech": "slurred speech, words coming out wrong",
    "poor coordination": "clumsy, uncoordinated, dropping things",
    "tremor": "shaking or trembling hands, a tremor, a wobble",
    "rigidity": "stiff rigid muscles that will not bend",
    "dystonia": "muscles twisting or pulling on their own into odd positions, the neck turning",
    "ataxia": "walking as if drunk, unsteady on the feet, staggering, bumping into things",
    "blurred vision": "blurry eyesight, cannot see clearly",
    "double vision": "seeing double, two of everything",
    "nystagmus": "eyes flicking, jerking or darting from side to side by themselves",
    "strabismus": "eyes pointing different ways, a squint, cross-eyed, one eye turning in or out",
    "narrowed or widened pupils": "pupils very small or very large, odd-sized pupils",
    "breathlessness": "out of breath, short of breath",
    "palpitations": "heart racing or pounding, fluttering heartbeat",
    "chest pain": "pain or tightness in the chest",
    "fainting": "fainting, passing out, blacking out",
    "dry mouth": "a dry mouth, parched",
    "loss of appetite": "not hungry, off food, no appetite",
    "changed sense of taste": "food tastes different or strange, a funny taste",
    "abdominal pain": "stomach ache, tummy pain, cramps in the belly",
    "vomiting": "being sick, throwing up",
    "diarrhoea": "the runs, loose watery stools",
    "bedwetting": "wetting the bed at night",
    "urinary retention": "cannot pass water, cannot empty the bladder",
    "painful urination": "burning or stinging when passing water",
    "impotence": "cannot get an erection",
    "inability to ejaculate": "cannot ejaculate, cannot climax",
    "passing urine at night": "getting up at night to pass water",
    "blood in the urine": "blood in the urine, pink or red wee",
    "rash": "a skin rash, red blotchy patches or spots on the skin",
    "itching": "itchy skin, scratching all the time",
    "swollen ankles": "swollen puffy ankles or feet",
    "heavy sweating": "sweating heavily, drenched in sweat",
    "weight gain": "putting on weight, getting heavier",
    "nasal congestion": "a blocked or stuffy nose",
    "raised blood sugar": "blood sugar up on a blood test, high glucose",
}
# the common reactions the labels name, already words a question uses
_NAMED = re.compile(
    LABEL_REACTIONS.pattern + r"|\b(?:drows\w*|sleepy|dizz\w*|weak\w*|confus\w*|nause\w*|headaches?"
    r"|insomnia|constip\w*|rash|depress\w*|hallucinat\w*)\b",
    re.I,
)
# the symptom put down to the medicine: "could that be the tablets?", "since he started them"
_BLAMED = re.compile(
    r"\b(?:could|can|might|would|is|was) (?:that|this|it|these|those|they) (?:be |have been )?"
    r"(?:from|because of|due to|caused by|down to|linked to|related to|the (?:tablets|pills|baclofen"
    r"|medicine|medication|meds)|baclofen|a (?:known |common |usual |possible )?side.?effect"
    r"|something (?:it|they|baclofen|the \w+) (?:can )?cause)"
    r"|\b(?:can|could|do|does|would|might) (?:the |these |those |his |her |my )?(?:tablets|pills"
    r"|baclofen|medicine|medication|meds|it|they) (?:do|cause|be causing|be doing)"
    r"|\b(?:can|could|might|does|did) (?:(?:it|that|this) )?come from\b"
    r"|\bsince (?:he|she|i|they|we) (?:started|went on|began|has been on|have been on)\b"
    r"|\bever since (?:starting|taking|going on)\b"
    # "is that something the american leaflet mentions?": whether the label lists it
    r"|\b(?:is|was) (?:that|this|it) (?:something|a thing|listed|mentioned)\b[^.?]*\b(?:leaflet"
    r"|label|insert|list)",
    re.I,
)
MIN_SIMILARITY = 0.44  # a clause this near a description in meaning
MIN_MARGIN = 0.08  # and this much nearer than to any other reaction's


# the medicine and the time words around a symptom, which say nothing of what it is like
_AROUND = re.compile(
    r"\b(?:(?:ever )?since (?:starting|taking|going on|(?:he|she|i|they|we) (?:started|began|went"
    r" on)) (?:on )?)?(?:the |his |her |my |their )?(?:baclofen|tablets|pills|medicine|medication"
    r"|meds|muscle relax\w+|spasticity (?:tablets|pills))\b",
    re.I,
)


def _clauses(text: str) -> list[str]:
    """The question's clauses that may describe a symptom, without the medicine's name and the
    words blaming it."""
    parts = re.split(
        r"[.!?;]\s+|,\s+(?:and\s+)?|\s+(?:and now|and lately|but now|and (?:is|has|was|keeps))\s+",
        text,
    )
    parts = [_AROUND.sub(" ", _BLAMED.sub(" ", p)) for p in parts]
    return [" ".join(p.split()) for p in parts if len(p.split()) >= 2]


@lru_cache(maxsize=4)
def _described(encode: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    vectors = np.asarray(encode(list(DESCRIBED.values())), dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def named_symptom(english: str, encode: Callable[[list[str]], np.ndarray]) -> str | None:
    """The label's name for the symptom the question describes in its own words and blames on
    the medicine, or None (no blame, a reaction already named, or no reaction clearly nearest)."""
    if not _BLAMED.search(english) or _NAMED.search(english):
        return None
    clauses = _clauses(english)
    if not clauses:
        return None
    vectors = np.asarray(encode(clauses), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    scores = vectors @ _described(encode).T  # clauses x reactions
    best = scores.max(axis=0)
    order = np.argsort(-best)
    top, second = best[order[0]], best[order[1]]
    if top < MIN_SIMILARITY or top - second < MIN_MARGIN:
        return None
    return list(DESCRIBED)[order[0]]
