"""Question text as the safety rules read it: case-folded, accents and punctuation stripped,
and mistyped key terms ("pregnent", "overdoes", "kidny") corrected to the word they stand for
(one edit, two for long words; real words near a key term are never "corrected")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Key terms typos are corrected towards (all 6+ letters; shorter words are matched exactly).
_VOCAB: tuple[str, ...] = (
    # pregnancy
    "pregnant", "pregnancy", "pregnancies", "breastfeeding", "breastfeed", "breastfed",
    "lactation", "lactating", "conceive", "conceiving", "newborn", "newborns", "neonatal",
    "trimester", "grossesse", "enceinte", "allaitement", "allaiter", "embarazo", "embarazada",
    "lactancia", "schwanger", "schwangerschaft", "stillzeit", "gravidanza", "incinta",
    # renal
    "kidney", "kidneys", "dialysis", "haemodialysis", "hemodialysis", "creatinine",
    "nephropathy", "dialyse", "niereninsuffizienz",
    # emergency
    "overdose", "overdosed", "overdoses", "overdosing", "seizure", "seizures", "seizing",
    "convulsion", "convulsions", "convulsing", "unresponsive", "unconscious", "breathing",
    "breathe", "hallucinating", "hallucinations", "suicidal",
    # addiction
    "alcohol", "alcoholic", "alcoholism", "craving", "cravings", "withdrawal", "addiction",
    "addicted", "cocaine", "opioids", "opioid", "opiates", "heroin", "fentanyl",
    "methamphetamine", "amphetamine", "nicotine", "smoking", "cigarettes", "tobacco", "gambling",
    "relapse", "relapsed", "abstinence", "drinking", "detoxification", "baclofen",
)  # fmt: skip
_VOCAB_SET = frozenset(_VOCAB)
_BY_LETTER: dict[str, list[str]] = {}
for _term in _VOCAB:
    _BY_LETTER.setdefault(_term[0], []).append(_term)

# Real words one or two edits from a key term: never "correct" them.
_NOT_TYPOS = frozenset(
    [
        "addition",
        "additions",
        "additive",
        "release",
        "released",
        "releases",
        "withdrawn",
        "heroic",
        "heroine",
        "heroes",
        "creatine",
        "carving",
        "carvings",
        "overdone",
        "overdue",
        "seized",
        "seizes",
        "stoking",
        "smokers",
        "smoked",
        "drifting",
        "breather",
        "breathes",
        "conceit",
        "conceited",
        "kidnap",
        "opinions",
        "opinion",
        "alcove",
    ]
)

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


@lru_cache(maxsize=16384)
def correct(token: str) -> str:
    """Return the key term a mistyped token stands for, or the token itself."""
    if len(token) < 5 or token in _VOCAB_SET or token in _NOT_TYPOS or not token.isalpha():
        return token
    candidates = _BY_LETTER.get(token[0])
    if not candidates:
        return token
    max_edits = 1 if len(token) < 10 else 2
    hit = process.extractOne(token, candidates, scorer=OSA.distance, score_cutoff=max_edits)
    return hit[0] if hit else token


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Case-fold, strip accents and punctuation, correct key-term typos; tokens joined by spaces."""
    folded = unicodedata.normalize("NFKD", text.translate(_APOS).casefold())
    folded = folded.encode("ascii", "ignore").decode("ascii")
    return " ".join(correct(t) for t in _TOKEN.findall(folded))
