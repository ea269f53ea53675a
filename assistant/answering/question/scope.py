"""What the library covers: a use of baclofen no source mentions is declined, not answered with
the nearest evidence ("Has baclofen been tried for gambling?", "Can baclofen cure hiccups?").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import Plan
from assistant.answering.compose.extractive import QUESTION_WORDS
from assistant.library.chunks import tokenize

_TRIED_FOR = re.compile(
    r"\b(?:tried|tested|studied|trialled|trialed|used|evaluated|investigated|research\w*|evidence"
    r"|help\w*|work\w*|effective|useful)\b(?: \w+){0,3}? (?:for|in|with|against|on) "
    r"(?P<use>(?:[a-z][\w-]* ){0,2}[a-z][\w-]*)",
    re.I,
)

# "is baclofen used to treat stiff person syndrome?"
_TO_TREAT = re.compile(
    r"\b(?:used|given|prescribed|taken|tried|good|effective|useful)\b(?: \w+){0,2}? (?:to )?(?:treat|manage"
    r"|relieve|prevent|cure|ease|stop) (?P<use>(?:[a-z][\w-]* ){0,2}[a-z][\w-]*)",
    re.I,
)


def unstudied_use(plan: Plan, vocabulary: frozenset[str] | None, texts: Sequence[str]) -> str:
    """The use a question asks about when the library never mentions it ("Has baclofen been
    tried for gambling?" -> "gambling"); "" otherwise. Only questions naming no substance, study,
    medicine or condition the library knows, and asking whether baclofen was tried or works."""
    ents = plan.entities
    if not vocabulary or ents.substances or ents.trials or ents.conditions:
        return ""
    if plan.intent not in ("efficacy", "general", "which_trials", "out_of_scope"):
        return ""
    m = _TRIED_FOR.search(plan.english or plan.question) or _TO_TREAT.search(
        plan.english or plan.question
    )
    if not m:
        return ""
    words = [w for w in m.group("use").split() if w.lower() not in _USE_FILLER]
    while words and words[-1].lower() in _TRAILING:  # "teeth grinding at (night)"
        words.pop()
    if not words:
        return ""
    phrase = " ".join(words)
    if re.search(
        r"\b(?:trials?|stud(?:y|ies)|rcts?|reviews?|patients|participants)$", phrase, re.I
    ):
        return ""  # "the dose used in the positive trials": studies, not a use
    if ents.other_medicines:
        # "tried for ketamine addiction": an addiction to a medicine no study here is about
        return phrase if _ADDICTION.search(m.group("use")) else ""
    if any(not (set(tokenize(w)) <= vocabulary) for w in words):
        return phrase  # a word the library never uses
    if len(words) > 1:  # known words, but never together ("binge eating")
        said = re.compile(rf"\b{re.escape(phrase)}", re.I)
        if not any(said.search(t) for t in texts):
            return phrase
    return ""


_TRAILING = frozenset(
    ["at", "in", "on", "for", "with", "during", "after", "before", "of", "to", "by"]
)
_ADDICTION = re.compile(r"\b(?:addiction|dependence|abuse|misuse|use disorder)s?\b", re.I)
_USE_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "people",
        "patients",
        "someone",
        "addiction",
        "addictions",
        "disorder",
        "disorders",
        "problem",
        "problems",
        "use",
        "dependence",
        "treatment",
    ]
)


def unknown_use(plan: Plan, vocabulary: frozenset[str] | None) -> bool:
    """ "Can baclofen cure hiccups?": no substance named and a topic word the library never uses
    (``vocabulary``, the index's words), so the alcohol evidence is not the answer (the composer
    then says the library does not answer it)."""
    if plan.entities.substances or not vocabulary:
        return False
    words = set(tokenize(plan.english or plan.question)) - QUESTION_WORDS
    return any(w not in vocabulary and not w.isdigit() for w in words)


# "will baclofen show up on a drug test?": detection by a screening test, which no source covers
# (a trial's urine tests for cocaine or opioids are its outcome, not this)
_DRUG_TEST = re.compile(
    r"\b(?:show\w* up|detect\w*|flag\w*|pick\w* up|test\w* positive|fail\w*)\b.*\b(?:drug|urine"
    r"|tox\w*|employment|workplace|pre.?employment|random)\s+(?:tests?|screens?|screenings?|panels?)\b",
    re.I,
)
# what it costs (the sources give France's reimbursement rate, never a price)
_PRICE = re.compile(
    r"\b(?:cost|costs|costing|price|prices|priced|pricing|expensive|cheap\w*)\b(?!-)", re.I
)
_CHEMISTRY = re.compile(
    r"\b(?:iupac|chemical (?:name|formula|structure)|molecular (?:formula|weight|mass|structure)"
    r"|structural formula)\b",
    re.I,
)
_LETHAL = re.compile(r"\b(?:lethal|fatal|deadly|kill|to die)\b", re.I)


def not_answered(plan: Plan) -> str | None:
    """Why a question is declined before retrieval, in one sentence: a lethal amount asked, or
    whether baclofen shows up on a drug screen, its price or its chemistry (no source says);
    None otherwise."""
    question = plan.english or plan.question
    if (
        plan.intent in ("overdose", "dosing", "general")
        and _LETHAL.search(question)
        and re.search(r"\bhow (?:many|much)\b", question, re.I)
    ):
        return (
            "This assistant does not give lethal amounts; if you or someone else may be in "
            "danger, call your local emergency number or a poison centre now."
        )
    if _DRUG_TEST.search(question) and not plan.entities.trials:
        return "None of the sources here says whether baclofen shows up on drug screening tests."
    if _PRICE.search(question) and not plan.entities.trials:
        return "None of the sources here gives what baclofen costs."
    if _CHEMISTRY.search(question):
        return "None of the sources here gives baclofen's chemical name, formula or structure."
    return None
