"""What one section of a study's record answers. Every study record keeps its limitations, its
safety, craving, who took part and why it was done under headings of their own; a question on
one of these topics about a named study ("how much weight can we put on it?", "any side effects
in that one?", "and what about cravings?", "why did they do it?") is answered with that
section's sentence nearest the question in meaning, cited, instead of the study's headline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from assistant.answering.compose.extractive import (
    QUESTION_WORDS,
    Citations,
    Composition,
    Evidence,
)
from assistant.answering.compose.sentence_kinds import APPLIES_TO, ASKS_LIMITATION, COVERS
from assistant.answering.question.asked import YES_NO_START, asked_clause, whole_sentences
from assistant.answering.question.study_cues import ASKS_WHY_DONE
from assistant.answering.routes.detail import stated_statistic
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import ROUTE_TRIAL


@dataclass(frozen=True)
class SectionTopic:
    """A topic a question can ask of a study, and the record headings that hold it."""

    name: str
    headings: frozenset[str]
    asks: re.Pattern[str]


# a drinking or use outcome asked beside craving: the result, not the craving section alone
_OUTCOME_TOO = re.compile(
    r"(?<!\bto )(?<!\bfor )\bdrink\w*|\babstin\w*|\brelaps\w*|\bheavy\b|\bsober\b|\bquit\w*", re.I
)
# one effect named ("did anyone get seizures?"): the study's sentence naming it, found elsewhere
_GENERIC_SAFETY = re.compile(
    r"\bside.?effects?\b|\badverse (?:events?|effects?|reactions?)\b|\btolerat\w*|\bsafety\b"
    r"|\b(?:how |was it |were they |is it )safe\b|\bharms?\b|\bproblems? with (?:the )?(?:tablets"
    r"|pills|drug|medicine|medication|baclofen)\b|\bcope with (?:the )?(?:tablets|pills|drug|medicine"
    r"|medication|baclofen|it)\b",
    re.I,
)

TOPICS: tuple[SectionTopic, ...] = (
    # ("problems with the tablets" are side effects; "problems with the study" its limitations;
    # why a study was done comes before what it measured: "the first test of an anti-craving drug")
    SectionTopic("safety", frozenset({"safety", "safety and acceptability"}), _GENERIC_SAFETY),
    SectionTopic(
        "limitations",
        frozenset({"limitations"}),
        re.compile(
            rf"{ASKS_LIMITATION.pattern}|\bhow much (?:weight|faith|trust|confidence|credence|stock)"
            r"(?! (?:did|do|does) (?:the )?(?:reviewers|authors))"  # (their certainty rating)
            r"|\btrust\w*|\brel(?:y|ied|iable|iability)\b|\bshortcomings?\b|\bdrawbacks?\b"
            r"|\bgrain of salt\b|\btake (?:it|this|that|them) (?:at face value|seriously)\b"
            r"|\b(?:convincing|solid|sound|credible|believable|persuasive|conclusive)\b"
            r"|\bhow (?:good|strong) (?:is|was) (?:it|the (?:study|trial|evidence))\b"
            r"|\b(?:keep|bear) in mind\b|\b(?:should|can|could) (?:we|i|you|one|he|she|they) "
            r"(?:really )?go by\b",
            re.I,
        ),
    ),
    SectionTopic(
        "background",
        frozenset({"background", "rationale"}),
        ASKS_WHY_DONE,
    ),
    SectionTopic(
        "craving",
        frozenset({"craving"}),
        re.compile(
            r"\bcrav\w*|\burges?\b|\bcompulsion|\b(?:desire|longing|hunger) (?:to|for)\b", re.I
        ),
    ),
    SectionTopic(
        "participants",
        frozenset({"participants"}),
        re.compile(
            r"\bwho (?:took part|was (?:in it|included|enrolled)|were (?:the )?(?:participants"
            r"|patients|subjects|volunteers|people)\b|were in it)|\bwhat (?:kind|sort|type) of"
            r" (?:people|patients|participants|subjects|volunteers)\b|\bwhat population\b",
            re.I,
        ),
    ),
    # what a review took in and how it counted ("did it only take trials against a placebo?",
    # "did it include open-label trials?", "worked out on everyone who was randomised?")
    SectionTopic(
        "methods",
        frozenset({"methods", "design", "included studies"}),
        re.compile(
            r"\b(?:includ\w*|take|took|pool\w*|combin\w*|use|used|look(?:ed)? at)\b (?:\w+[ -]){0,3}?"
            r"(?:trials|studies|rcts)\b|\bintention.to.treat\b|\bper.protocol\b|\b(?:everyone|everybody|all|those)"
            r" (?:who (?:was|were) |that (?:was|were) )?randomi[sz]ed\b",
            re.I,
        ),
    ),
)


# a figure or one named thing asked ("how many stopped because of side effects?", "which brain
# regions ...?", "what dose had he reached when the urge vanished?"), or the topic set aside
# ("apart from craving"): a detail the study's other sentences state
_DETAIL_ASKED = re.compile(
    r"\bhow (?:many|much(?! (?:weight|faith|trust|confidence|credence|stock)\b)|long|often|soon"
    r"|quickly)\b|\bwhich\b|\bwhat (?:\S+ ){0,3}(?:dose|doses"
    r"|percentage|proportion|share|number|rate|amount|scale|score|measure)\b|\b(?:apart from"
    r"|other than|besides|except|beyond|as well as)\b",
    re.I,
)


_WHY = re.compile(
    r"^\s*(?:and |so |but )?(?:why|what (?:had |first )?(?:made|led|prompted))\b", re.I
)
_AIM = re.compile(
    r"\b(?:trial|study|studies|authors|they|colleagues|team|review|researchers)\s+(?:\w+\s+)?"
    r"(?:tested|investigated|evaluated|examined|assessed|measured|reported|described)\b"
    r"|\btested whether\b|\b(?:was|were) designed\b|\baimed\b|\bset out\b|\bto decide whether\b",
    re.I,
)


_PURPOSE_ASKED = re.compile(r"\b(?:point|aims?|purpose|goals?|objectives?)\b", re.I)
_PURPOSE = re.compile(
    r"\bin order to\b|\baim(?:ed|s)? (?:was )?to\b|\bset out to\b|\bto (?:derive|find out|see whether"
    r"|test whether|decide whether|determine|establish)\b",
    re.I,
)


# whether a study could have seen a small effect ("could it have picked up a small benefit?"):
# its statistical power, not its other weaknesses
_POWER_ASKED = re.compile(
    r"\b(?:pick(?:ed)? up|detect\w*|spott?\w*|pick(?:ed)? out|see|seen|find|found|big enough"
    r"|large enough|enough (?:people|patients))\b[^?]*\b(?:small|smaller|modest|slight|subtle"
    r"|little|real)\b|\bunderpowered\b|\bpower\b",
    re.I,
)
# a method named in both the question and a sentence ("analysed by intention to treat?")
_METHOD_TERMS = re.compile(
    r"\bintention.to.treat\b|\bper.protocol\b|\bopen.label\b|\bdouble.blind\w*|\bcompleters?\b"
    r"|\brandom.effects?\b|\bcomparators?\b|\bplacebo\b",
    re.I,
)
_POWER = re.compile(r"\bpower(?:ed)?\b|\bdetect\w*|\bunderpowered\b|\btoo (?:small|few)\b", re.I)
# "what did the authors say ought to happen next?": the study they called for
_NEXT_ASKED = re.compile(r"\bnext\b|\bfurther (?:research|studies|trials)\b", re.I)
_NEXT = re.compile(r"\bcall(?:s|ed)? for\b|\b(?:are|is|were|was) needed\b|\bfurther\b", re.I)
_CALLED_FOR = re.compile(r"\b(?:authors|they|investigators) call(?:s|ed)? for\b", re.I)
# "how much weight has the account of one man?" (the limitations asked as how far to trust it):
# why the evidence is weak, before what came after
_WEAK = re.compile(
    r"\bcannot (?:establish|prove|show|tell|rule out|confirm)|\b(?:single|unblinded|uncontrolled"
    r"|anecdot\w*|retrospective|observational|confound\w*|bias\w*|weak\w*|too (?:small|few))\b",
    re.I,
)


def _aim_only(sentence: str) -> bool:
    """What a study set out to do, without the reason ("..., so they tested whether ...")."""
    return bool(_AIM.search(sentence)) and not re.search(
        r"\b(?:because|so|since|given|as a result)\b", sentence, re.I
    )


def section_topic(question: str) -> SectionTopic | None:
    """The section a question about one study asks for, or None. After a story ("his kidneys
    are weak ... what range did they put on that?") the question is its last sentence."""
    parts = re.split(r"(?<=[.!])\s+", question.strip())
    if len(parts) > 1 and parts[-1].endswith("?"):
        question = parts[-1]
    if _DETAIL_ASKED.search(question) or stated_statistic(question):
        return None
    for topic in TOPICS:
        if not topic.asks.search(question):
            continue
        if topic.name == "craving" and _OUTCOME_TOO.search(question):
            continue
        return topic
    return None


def section_answer(
    ev: Evidence,
    record: RecordInfo,
    question: str,
    encode: Callable[[str], np.ndarray] | None,
) -> Composition | None:
    """The sentence of the record's section on the topic asked that is nearest the question,
    cited (and, for an open question, the next nearest when it says something else); None when
    no topic is asked or the record has no such section."""
    topic = section_topic(question)
    if topic is None or encode is None:
        return None
    store = ev.store
    # (what the authors called for may be told in the summary, not under the limitations)
    next_asked = topic.name == "limitations" and bool(_NEXT_ASKED.search(question))
    rows = [
        (pos, start, sentence, vec)
        for pos, start, sentence, vec in whole_sentences(store, record)
        if (
            store.metas[pos].section.strip().lower() in topic.headings
            or (next_asked and _CALLED_FOR.search(sentence))
        )
        and len(sentence) >= 30
    ]
    if not rows:
        return None
    clause = asked_clause(question, record)
    # "that big insurance study ..., does it apply to someone like my dad?": who the results may
    # not cover, first, judged by what is asked after the study's description
    applies = APPLIES_TO.search(clause)
    if applies:
        clause = clause[max(clause.rfind(p, 0, applies.start()) for p in (", ", ": ")) + 1 :]
    want = encode(clause)

    # (and the asked words a sentence shares: "was it the first test?" -> "was the first test")
    asked = set(tokenize(clause)) - QUESTION_WORDS
    weight = sum(store.idf(t) for t in asked) or 1.0
    firsts = re.search(r"\bthe first\b", clause, re.I) is not None
    # "why did they pick that group?": the circumstance that moved them, before what they set out
    # to do ("Owens and colleagues reported ...", "the trial was designed as a screening study")
    reason = topic.name == "background" and bool(_WHY.search(clause))
    # "what was the point of it?": what they set out to do ("... in order to derive dose
    # adjustments"), before why it mattered
    purpose = topic.name == "background" and bool(_PURPOSE_ASKED.search(clause))
    power = topic.name == "limitations" and bool(_POWER_ASKED.search(clause))
    weight_asked = topic.name == "limitations" and not ASKS_LIMITATION.search(clause)
    methods = (
        {m.lower() for m in _METHOD_TERMS.findall(clause)} if topic.name == "methods" else set()
    )

    def near(row: tuple) -> float:
        shared = sum(store.idf(t) for t in asked & set(tokenize(row[2]))) / weight
        first = firsts and re.search(r"\bfirst\b", row[2], re.I)  # "was it the first ...?"
        return (
            float(row[3] @ want)
            + (0.05 if reason else 0.15) * shared  # (a reason shares few words with the act)
            + (0.2 if applies and COVERS.search(row[2]) else 0.0)
            + (0.1 if first else 0.0)
            - (0.25 if reason and _aim_only(row[2]) else 0.0)
            + (0.1 if purpose and _PURPOSE.search(row[2]) else 0.0)
            + (0.15 if power and _POWER.search(row[2]) else 0.0)
            + (0.1 if weight_asked and _WEAK.search(row[2]) else 0.0)
            + (0.15 if next_asked and _NEXT.search(row[2]) else 0.0)
            + (0.2 if methods & {m.lower() for m in _METHOD_TERMS.findall(row[2])} else 0.0)
        )

    ranked = sorted(rows, key=lambda r: -near(r))
    picked = ranked[:1]
    # "what were its weaknesses?" may take two; "was it well tolerated?" one
    if not YES_NO_START.match(question) and len(ranked) > 1:
        second = ranked[1]
        near = float(second[3] @ want) >= max(0.3, float(picked[0][3] @ want) - 0.05)
        aim = reason and _aim_only(second[2])  # (what they set out to do is not why)
        if near and not aim and float(second[3] @ picked[0][3]) < 0.8:  # (not the same point again)
            picked.append(second)
    cites = Citations()
    lines = []
    for pos, start, sentence, _ in picked:
        n = cites.add(store.context(pos, score=1.0), sentence, start)
        lines.append(f"{sentence} [{n}]" if not lines else f"- {sentence} [{n}]")
    return Composition("\n".join(lines), False, cites.items, ROUTE_TRIAL)
