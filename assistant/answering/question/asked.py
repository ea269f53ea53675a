"""What a question about one study asks, apart from the words that say which study it is ("In the
2000 Italian pilot study of 10 men, *which liver and blood tests improved?*"), and the study's own
sentence that answers it, found by meaning (the sentence vectors of the index) with at least one
of the asked words in it. A detail asked of a study is answered with that sentence, not with the
study's headline result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np

from assistant.answering.compose.extractive import (
    QUESTION_WORDS,
    Evidence,
)
from assistant.answering.compose.sentence_kinds import SAME_WORD, last_question
from assistant.answering.question.places import without_country
from assistant.answering.question.study_cues import group_sizes
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import MONTHS, NUMBER_WORDS

_KINDS = (
    r"study|studies|trial|trials|pilot|cohort|analysis|meta-analysis|review|series|survey"
    r"|experiment|paper|report|judgment|judgement|ruling|decision|case|test|protocol"
)
# a study told by what it did or where ("in that look at two dozen overdoses at a toxicology
# unit, ...")
_TOLD_BY = r"look|unit|service|centre|center|poisons? line|hospitals|clinic|network|database"
# "In the 2012 French retrospective study of 181 drinkers, ..."
_LEADING = re.compile(
    r"^\s*(?:and\s+)?(?:(?:in|for|among|from|during|within|across|of)\s+(?:the|a|an|this|that"
    r"|their|its|(?:\w+\s+)?[A-Z][\w-]*'s)\b"  # ("In de Beaurepaire's 2012 cohort, ...")
    # ("when people rang the poisons line, ...", "when a dozen healthy people took it, ...")
    r"|when (?:a |the |some )?(?:[\w-]+ ){0,3}?(?:people|patients|callers|volunteers|adults|men"
    r"|women|they)\b)"
    r"(?:[^,:?]|,(?=\d{3}))*?(?:,(?!\d{3})|:)\s*",  # ("165,334 patients" is one phrase)
    re.I,
)
# "How long did participants in the 2010 laboratory study receive each dose?": the phrase naming
# the study inside the question
_INNER = re.compile(
    rf"\s+(?:in|from|during)\s+(?:the|that|this|their)\s+(?:[\w-]+\s+){{0,4}}(?:{_KINDS})\b"
    # (followed by the question's verb, not by more description: "in the study with cues ...")
    r"(?=\s+(?!(?:with|of|on|in|at|by|for|from|to|and|or|who|that|which|where|whose)\b)[a-z]{3,})",
    re.I,
)
_PARTITIVE = re.compile(
    r"^\s*(?:and\s+)?(?:of|among|out of) (?:the|those|these|them|its|their)\b[^,?]{0,30},\s*"
    r"(?=(?:how|what|which|who|when|where|why)\b)",
    re.I,
)
# "In Kiel 2015, ...", "In Addolorato et al. 2006 (baclofen versus diazepam), ..."
_LEADING_NAME = re.compile(
    r"^\s*(?:[Aa]nd\s+)?(?:[Ii]n|[Ff]or|[Ff]rom)\s+[A-Z][\w'-]+(?:\s+(?:and|&)\s+[A-Z][\w'-]+|\s+et al\.?)?"
    r"\s+(?:19|20)\d\d[a-z]?(?:\s*\([^()]*\))?\s*[,:]\s*"
)
# "... than on placebo in the fMRI study?"
_TRAILING = re.compile(
    rf"\s+(?:in|from|of|during|for)\s+(?:the|that|this|their)\s+(?:[^,?]*?\s)?(?:{_KINDS})\b"
    # (what follows the study's kind describes it too: "of 2014", "in veterans", not "receive
    # each dose", the question itself)
    r"(?:\s+(?:of|in|on|with|by|from|among|at|for|and|et al\.?|\(?(?:19|20)\d\d\)?|\([^()]*\))"
    r"(?:\s+[^\s?]+){0,4})?(?=\s*\?*\s*$)",
    re.I,
)
# a question for one detail ("which tests improved?", "how was the dose raised?", "how much did
# they drink before?"), not for the result ("what did it find?", "what happens when ...?")
DETAIL_QUESTION = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:which|what (?:was|were) the (?!results?\b|outcomes?\b|findings?\b"
    r"|conclusions?\b|upshot\b)\w+|what (?!did\b|does\b|do\b|happen\w*|was\b|were\b|is\b|are\b"
    r"|about\b|came\b|comes?\b|resulted\b|emerged\b|turned\b)\w+|(?:in |at |from |across |over |within |during |for |by )?how (?:much|many|long|often|high|old|was|were)|who|where|when|why|on what"
    # "how did they know people weren't drinking?": how something was measured
    r"|how (?:did|do) (?:they|it|the \w+) (?:know|measure|assess|judge|define|check|tell|count"
    r"|record|confirm|track|monitor|decide|choose|select|recruit|find|work out|determine|establish"
    r"|estimate|calculate|make sure|ensure|verify|rate|grade|score|classify|sort|analy[sz]e)"
    # "was that at one hospital or at lots of them?", "was it blinded?": how it was run
    # "past what amount did coma appear?", "at which dose ...?"
    r"|(?:past|above|at|from|after|below|over|under|up to|by|with|for|in|on|during|to) (?:what|which)"
    r"|(?:was|were) (?:it|that|this|they|the (?:[\w-]+ ){0,3}?(?:study|trial)) (?:at|in|done|run|held|conducted"
    r"|carried out|based|blind\w*|randomi[sz]ed"
    # "was it trying to help them stop, or to prevent relapse?": what it set out to do
    r"|(?:trying|aiming|designed|meant|intended|set up) to|aimed at))\b",
    re.I,
)
# "did they also chase down unpublished results?", "was everyone given counselling?", "was the
# main analysis by intention to treat?": whether the study was run a certain way (not whether
# baclofen worked: "did it help?", "did they drink less?")
METHOD_QUESTION = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:did|do) (?:they|the (?:authors|researchers|investigators|team"
    r"|doctors|study|trial))(?: also| even| ever| actually)? (?!find|found|show|work|help|improve"
    r"|reduce|lower|increase|drink|use|relapse|stay|get|do\b|see|notice|feel|have|report)\w+"
    r"|^\s*(?:and\s+|so\s+)?(?:was|were) (?:everyone|everybody|all|each|every \w+|the (?:\w+ )?"
    r"(?:patients|participants|people|volunteers|subjects))(?: also)? (?:given|offered|seen|followed"
    r"|asked|tested|checked|screened|told|sent|treated)\b"
    r"|^\s*(?:and\s+|so\s+)?(?:was|were|is) the (?:main |primary |final )?(?:analysis|analyses"
    r"|outcome|follow.?up|allocation|randomi[sz]ation|recruitment)\b"
    # "were most of those who died men?": a share of the study's people
    r"|^\s*(?:and\s+|so\s+)?(?:was|were) (?:most|many|all|any|some|half|the majority|a majority)"
    r" (?:of )?(?:them|those|these|the (?:\w+ )?(?:people|patients|participants|cases|deaths))\b"
    r"|^\s*(?:and\s+|so\s+)?(?:was|were) (?:the )?(?:results|data|outcomes|findings) (?:analy[sz]ed"
    r"|adjusted|handled|weighted|checked|reported)\b",
    re.I,
)
# a yes/no question's opening ("did they ...?", "and were they ...?")
YES_NO_START = re.compile(
    r"\s*(?:and |so |but )?(?:does|do|did|is|are|was|were|has|have|had|can|could|would|will"
    r"|should|might|may|must)\b",
    re.I,
)
# "which meta-analysis found ...?": the study's name is what is asked
ASKS_WHICH_STUDY = re.compile(rf"\s*(?:and\s+)?(?:which|what) (?:\S+ )?(?:{_KINDS})\b", re.I)


def detail_only(clause: str) -> bool:
    """The clause asks for one detail and not for the study itself ("which trial found ...?")."""
    return bool(DETAIL_QUESTION.match(clause)) and not ASKS_WHICH_STUDY.match(clause)


# "which study compared ..., and what did it find?": the result is asked too
ALSO_RESULT = re.compile(
    r"\bwhat (?:did|does|do) (?:it|they|this|that|the \w+) (?:find|show|report|conclude)\b", re.I
)
# a figure asked for
QUANTITY = re.compile(
    r"\s*(?:and\s+|so\s+)?(?:how (?:many|much|long|often|high)|what (?:share|proportion|percentage"
    r"|number|fraction|dose|level|concentration|rate))\b",
    re.I,
)
# "how many dropped out?", "what share had side effects?": people counted, not a dose or a span
ASKS_PEOPLE_COUNT = re.compile(
    r"\bhow many\b(?! (?:mg|milligrams?|doses?|times|days|weeks|months|years|hours|trials|studies"
    r"|rcts)\b)|\bwhat (?:share|proportion|percentage|fraction|number)\b|\bhow (?:common|frequent)",
    re.I,
)
WHOLE = re.compile(r"[.!?][)\"']?$")
# how close the answering sentence must be, and by how much closer than the headline result
MIN_SIMILARITY = 0.42
LOOSE_SIMILARITY = 0.3
WHEN_SIMILARITY = 0.2  # a sentence giving a figure at the very time point asked
LEXICAL_LEEWAY = 0.06  # about as near in meaning, a sentence naming more asked words goes first
CLEAR_LEAD = 0.1
VERY_NEAR = 0.7  # a sentence all but restating the question
NEAR_HEADLINE = 0.05
MARGIN = 0.015
MIN_IDF = 1.5
KIND_IDF = 3.0
NAMES_MUCH = 6.0  # IDF of the asked words a sentence names to outrank a field's answer
RARE_IDF = 5.0  # a word few sources use, named by one sentence of the study alone
RARE_SIMILARITY = 0.12
KIND_SIMILARITY = 0.2  # the kind named is the evidence; meaning only ranks
UNWORDED_SIMILARITY = 0.55  # a sentence sharing no asked word must be this near, and far ahead


_POINTS_BACK = re.compile(
    r"\b(?:that|this|the same|so)\b.*\b(?:too|also|as well|either)\b\W*$"
    r"|\bany other\b.*\b(?:that|this|the same)\b",
    re.I,
)


# a last question that leans on the story before it ("is that actually true?", "did that
# study see that too?"): the story is part of what is asked
_LEANS_ON_STORY = re.compile(
    r"^\W*(?:and |so |but )?(?:is|was|are|were) (?:that|this|it|he|she|they) (?:\w+ )?(?:true|right"
    r"|correct|so)\b|\b(?:see|find|show|confirm|back up) (?:that|this)\b",
    re.I,
)


def the_question(text: str) -> str:
    """The question of a story ending in one (:func:`last_question`), unless that question leans
    on the story ("... is that actually true?"): then all of it."""
    last = last_question(text)
    if _POINTS_BACK.search(last) or _LEANS_ON_STORY.search(last):
        return text
    return told_then_asked(last)


def told_then_asked(text: str) -> str:
    """ "That newer American study ... for four months: how did it turn out?": the question after
    the colon, when what comes before it describes a study (else the text itself)."""
    told = _TOLD_THEN_ASKED.search(text)
    if told and re.search(rf"\b(?:{_KINDS}|{_TOLD_BY})\b", text[: told.start()], re.I):
        return text[told.end() :]
    return text


# a study described, then a colon and the question ("That American study of two doses ...: how
# did it turn out?")
_TOLD_THEN_ASKED = re.compile(
    r":\s+(?=(?:how|what|which|who|when|where|why|did|does|do|was|were|is|are|has|had|have"
    r"|could|can)\b[^:]*\?\s*$)",
    re.I,
)


def asked_clause(question: str, record: RecordInfo) -> str:
    """The question without the phrase that describes the study and without its names."""
    # "my husband has hep C ... i read the americans tried it. how many of them gave up?": the
    # question is its last sentence, after the story
    parts = re.split(r"(?<=[.!])\s+", question.strip())
    if len(parts) > 1 and parts[-1].endswith("?"):
        # ("... fewer people quit baclofen early. did any other tablet manage that too?": the
        # last sentence points back at the one before it, which says what is asked)
        back = _POINTS_BACK.search(parts[-1])
        question = f"{parts[-2]} {parts[-1]}" if back else parts[-1]
    question = told_then_asked(question)
    q = _LEADING_NAME.sub("", question)  # "In Kiel 2015, ..."
    m = _LEADING.match(q)
    if (
        m
        and (
            re.search(rf"\b(?:{_KINDS}|{_TOLD_BY})\b", m.group(0), re.I)
            or (m.group(0).lower().startswith("when") and group_sizes(m.group(0).lower()))
        )
        # ("when people took it with something else, what sort of something else was it?": the
        # rest points back into the description, which stays)
        and not re.search(r"\b(?:something|anything|someone) else\b", q[m.end() :], re.I)
    ):
        q = q[m.end() :]
    q = _TRAILING.sub("", q)
    q = _INNER.sub("", q)
    q = _PARTITIVE.sub("", q)  # "of the deaths, how many ...?": the question is what follows
    # "was over how many weeks the dose increased?" (a translation's word order): the question
    q = re.sub(
        r"^\s*(?:was|were|is|are|did|does|has|have)\s+(?=(?:over |in |at |for |by |within )?"
        r"(?:how|what|which)\b)",
        "",
        q,
        flags=re.I,
    )
    if record.country and re.match(r"\s*(?:and|what about|how about|but)\b", q, re.I):
        q = without_country(q, record.country)  # "and in Denmark?": how the study was picked
    for name in (record.display_name, record.surname, *record.trial_names):
        if name and len(name) > 2:
            q = re.sub(rf"\b{re.escape(name)}\b(?:'s)?", " ", q, flags=re.I)
    return re.sub(r"\s+", " ", q).strip()


def answering_sentence(
    ev: Evidence,
    record: RecordInfo,
    clause: str,
    asked: set[str],
    encode: Callable[[str], np.ndarray],
    current: str = "",
    from_fields: bool = False,
) -> tuple[int, int, str] | None:
    """The record's sentence nearest ``clause`` in meaning that shares an asked word (IDF at
    least :data:`MIN_IDF`), when it is clearly nearer than the record's key result and than the
    ``current`` first sentence; else None."""
    store = ev.store
    wanted = {t for t in asked if store.idf(t) >= MIN_IDF} - QUESTION_WORDS
    if not wanted:
        return None
    vec = encode(clause)
    key = float(encode(record.key_result) @ vec) if record.key_result else 0.0
    now = float(encode(current) @ vec) if current else 0.0
    bar = max(key, now) + MARGIN
    far = bool(current) and now + CLEAR_LEAD <= key
    if far:
        # the answer given is far from the question while the study's headline is near: a
        # sentence about as near as the headline will do (the headline is a summary, not a quote)
        bar = max(now + CLEAR_LEAD, key - NEAR_HEADLINE)
    best: tuple[float, int, int, str] | None = None
    runner_up = 0.0
    why = bool(WHY.match(clause))
    # "..., and how many trials fed into it?": a sentence giving a figure (of trials)
    figure = bool(QUANTITY.search(clause))
    counted = COUNTED.search(clause)
    noun = ""  # the words naming what is counted ("baclofen-related deaths", not "were")
    for word in counted.group(1).split() if counted else ():
        if word.lower() in _NOT_COUNTED:
            break
        noun += f" {word}"
    # "what share was improved after one year?": a sentence giving that time point
    when = _time_points(clause)
    # "how long after the pretreatment was cocaine given?": a span of time; "up to what date
    # did they search?": a date other than the study's own year
    span = bool(_ASKS_SPAN.search(clause))
    dated = bool(_ASKS_DATE.search(clause))
    among = _COUNTED_AMONG.search(clause)
    if among and not noun:
        noun = among.group(1)  # "how many of the cases were women?": women are counted
    # what is counted is asked too ("how many deaths ...?"), whatever else names the study
    named = stems(wanted) | (stems(tokenize(noun)) - {"baclofen"})
    cands: list[tuple[float, int, int, str]] = []
    unworded: list[tuple[float, int, int, str]] = []  # (the same, sharing no asked word)
    for pos, s, sentence, sentence_vec in whole_sentences(store, record):
        if (
            len(sentence) < 30
            or (why and not _CAUSAL.search(sentence))  # "why?": a sentence giving a reason
            or (figure and not has_figure(sentence, noun))  # a figure asked: one giving it
            or (when and not when & _time_points(sentence))
            or (span and not SPAN.search(sentence))
            or (dated and not _dates(sentence, record))
        ):
            continue
        if not named & stems(tokenize(sentence)):
            unworded.append((float(sentence_vec @ vec), pos, s, sentence))
            continue
        cands.append((float(sentence_vec @ vec), pos, s, sentence))
    unworded.sort(reverse=True)
    if unworded and unworded[0][0] >= UNWORDED_SIMILARITY:
        # far nearer in meaning than anything else the study says and than the answer given,
        # though in other words ("how long had they been off alcohol?": "after 12 to 24 hours
        # without alcohol")
        top = unworded[0]
        rest = max([c[0] for c in cands] + [c[0] for c in unworded[1:]], default=0.0)
        if top[0] - rest >= CLEAR_LEAD and top[0] - max(now, key) >= 2 * CLEAR_LEAD:
            return top[1], top[2], top[3]
        if (  # all but a paraphrase of the question, far nearer than the answer given
            top[0] >= VERY_NEAR
            and top[0] - rest >= CLEAR_LEAD / 2
            and top[0] - max(now, key) >= 3 * CLEAR_LEAD
        ):
            return top[1], top[2], top[3]
    cands.sort(reverse=True)
    if cands:
        # about as near in meaning, naming more of the words asked ("how many did they screen
        # ...?": the sentence saying "screened"), it goes first
        def rare(text: str) -> float:
            said = stems(tokenize(text))
            return sum(
                store.idf(t) for t in wanted if not t.isdigit() and SAME_WORD.get(t, t) in said
            )

        near = [c for c in cands if c[0] >= cands[0][0] - LEXICAL_LEEWAY]
        lead = max(near, key=lambda c: (rare(c[3]), c[0]))
        cands.remove(lead)
        cands.insert(0, lead)
    best = cands[0] if cands else None
    runner_up = max((c[0] for c in cands[1:]), default=0.0)
    # a rare word asked that one sentence of the study alone uses, and the answer given does
    # not ("did everybody get them in the same order?": "... in a counter-balanced order")
    rare_asked = {
        t for t in wanted if store.idf(t) >= RARE_IDF and t not in stems(tokenize(current))
    }
    naming = [c for c in cands if rare_asked & stems(tokenize(c[3]))]
    if len(naming) == 1 and naming[0][0] >= RARE_SIMILARITY and not figure and not counted:
        return naming[0][1], naming[0][2], naming[0][3]
    if among and best and best[0] >= LOOSE_SIMILARITY and not has_figure(current, noun):
        return best[1], best[2], best[3]  # the only sentence counting the group asked about
    if when and figure and best and best[0] >= WHEN_SIMILARITY and not when & _time_points(current):
        return best[1], best[2], best[3]  # the figure at the time asked, which the answer lacks
    if counted and not noun and best and not _COUNT.search(best[3]):
        # "how many were assessed at 12 months?": a count ("113 of the 219"), not a rate
        # ("53% of those assessed"), when a sentence about as near gives one
        counts = [c for c in cands if _COUNT.search(c[3]) and c[0] >= best[0] - COUNT_LEEWAY]
        if counts:
            best, runner_up = counts[0], best[0]
            if best[0] >= LOOSE_SIMILARITY and not _COUNT.search(f"{current} {record.key_result}"):
                return best[1], best[2], best[3]  # the only count said of what was asked
    if best is None or best[0] < bar:
        return None

    def covered(text: str) -> float:
        said = stems(tokenize(text))
        return sum(store.idf(t) for t in wanted if SAME_WORD.get(t, t) in said)

    # an answer from the study's fields ("its setting: primary care") stands, unless a sentence
    # says far more plainly what was asked ("who was excluded?" against the population field)
    plainer = best[0] >= MIN_SIMILARITY + 0.1 and best[0] - now >= 2 * CLEAR_LEAD
    names_more = covered(best[3]) >= max(4.0, 2 * covered(current))
    if from_fields and not far and not (plainer and covered(best[3]) > covered(current)):
        # or as near, naming far more of what was asked ("percent days abstinent ... 7 trials"
        # against "it pooled 13 trials"); a field answering in its own words ("its setting:
        # primary care") stands unless the sentence names much of what was asked ("more than
        # 200 mg ... predicted coma and seizures")
        given = covered(current)
        enough = max(4.0, 1.5 * given) if given > 0 else NAMES_MUCH
        if not (covered(best[3]) >= enough and best[0] >= now):
            return None
    # close enough in meaning, or far closer than anything else the study says, or clearly
    # closer than the answer given while naming most of what was asked ("the mean age ... and
    # what percentage were men?")
    says_it = names_more and best[0] - now >= CLEAR_LEAD
    if best[0] < MIN_SIMILARITY and not (
        best[0] >= LOOSE_SIMILARITY
        and (best[0] - max(runner_up, bar - MARGIN) >= CLEAR_LEAD or says_it)
    ):
        return None
    if (
        current
        and covered(best[3]) < covered(current)
        # ("how much longer did they stay?" when the answer says "a longer stay", no figure)
        and not (figure and _figure_near(best[3], wanted) and not _figure_near(current, wanted))
        and not (span and not SPAN.search(current))  # the time asked, which the answer lacks
        and not (dated and not _dates(current, record))
    ):
        return None  # the answer already says more of what was asked
    return best[1], best[2], best[3]


# a number of things counted, not a rate, a dose, a duration or a year
_COUNT = re.compile(
    r"\b(?<![.,])\d[\d,]*\b(?![.,]\d)(?!\s*(?:%|per ?cent|mg|g\b|ml|mmol|months?|weeks?|years?|days?"
    r"|hours?|h\b|min))(?<!\b(?:19|20)\d\d)"
)
COUNT_LEEWAY = 0.15
COUNTED = re.compile(r"\bhow many ((?:[\w-]+ ?){1,3})", re.I)
_COUNTED_AMONG = re.compile(
    r"\bhow many of (?:the |them |those |these |its |their )?(?:[\w-]+ )?(?:were|was|are|had|got)"
    r" (men|women|males?|females?|[a-z-]{3,}(?<![su])s)\b",
    re.I,
)
_NOT_COUNTED = frozenset(
    [
        "of",
        "were",
        "was",
        "had",
        "have",
        "did",
        "do",
        "does",
        "are",
        "is",
        "in",
        "on",
        "at",
        "the",
        "them",
        "they",
    ]
)


_ASKS_SPAN = re.compile(
    r"\bhow long\b|\b(?:for|over|after|within) how many (?:minutes|hours|days|weeks|months|years)\b"
    # "when was the follow-up planned?": a time after the start
    r"|^\s*(?:and\s+)?when (?:was|were|is|did|does)\b(?=.*\bfollow.?up\b)",
    re.I,
)
SPAN = re.compile(
    r"\b(?:\d[\d.,]*|one|two|three|four|five|six|eight|ten|twelve)(?:\s*(?:to|-|–|or)\s*\d[\d.,]*)?"
    r"[\s-]*(?:minutes?|min|hours?|h|days?|weeks?|months?|years?)\b",
    re.I,
)
_ASKS_DATE = re.compile(
    r"\b(?:what|which) (?:date|month|day|year)\b|\b(?:up to|until|till|through) when\b"
    r"|\bhow (?:recent|up to date)\b",
    re.I,
)
_MONTH = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b", re.I)


def _dates(text: str, record: RecordInfo) -> bool:
    """A date in ``text``: a month, or a year other than the study's own."""
    years = set(re.findall(r"\b(?:19|20)\d\d\b", text)) - {str(record.year)}
    return bool(_MONTH.search(text) or years)


_NUMBER_WORDS = {"a": 1} | {w: i for i, w in enumerate(NUMBER_WORDS)}
_TIME_POINT = re.compile(
    r"\b(?:after|at|by|at the end of|within|to)\s+(?:(week|month|day)\s+(\d+)"
    r"|(\d+|" + "|".join(_NUMBER_WORDS) + r")[\s-]+(years?|months?|weeks?|days?))\b",
    re.I,
)
_IN_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _time_points(text: str) -> set[int]:
    """The time points a text names, in days ("after one year", "at 12 months", "at week 12");
    a month of 30 days, so that a year and 12 months differ by five days (both are kept)."""
    out: set[int] = set()
    for m in _TIME_POINT.finditer(text or ""):
        unit, n = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        count = int(n) if n.isdigit() else _NUMBER_WORDS.get(n.lower(), 0)
        days = count * _IN_DAYS[unit.lower().rstrip("s")]
        out |= {days, 365 * (days // 360)} if days % 360 == 0 and days else {days}
    return out


def _figure_near(text: str, wanted: set[str]) -> bool:
    """A figure within a few words after an asked word ("longer in the ICU (14 versus 11")."""
    words = stems(wanted)
    for m in re.finditer(r"[\w-]+", text):
        if stems(tokenize(m.group(0))) & words and re.search(
            r"^\W*(?:\S+\s+){0,5}?\S*\d", text[m.end() : m.end() + 60]
        ):
            return True
    return False


def has_figure(sentence: str, noun: str = "") -> bool:
    """A figure, not a year or a citation ("(Cochrane 2018)"); of ``noun`` when given ("7
    trials" for "how many trials?")."""
    figures = re.sub(r"\([^()]*\b(?:19|20)\d\d\b[^()]*\)|\b(?:19|20)\d\d\b", " ", sentence)
    if not noun:
        return bool(re.search(r"\d", figures))
    stem = set(tokenize(noun)) - {"baclofen"}
    if stem & _PERSONS:  # "how many people ...?": "8 patients", "in 8 of them", "8 cases"
        stem |= _PERSONS | {"them", "those", "these"}
    return any(
        set(tokenize(m.group(1))) & stem
        for m in re.finditer(r"\d[\d,.]*\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", figures, re.I)
    )


_PERSONS = frozenset(
    tokenize("people patients participants persons subjects cases adults individuals presentations")
)


def stems(tokens: Iterable[str]) -> set[str]:
    """Word stems, with words of one meaning as one ("taken" and "exposed"); a word negated by
    "un-" also stands for the word ("unpublished" answers "never published")."""
    out = set()
    for t in tokens:
        out.add(SAME_WORD.get(t, t))
        if t.startswith("un") and len(t) >= 7:
            out.add(SAME_WORD.get(t[2:], t[2:]))
    return out


def whole_sentences(store: Any, record: RecordInfo) -> Iterator[tuple[int, int, str, Any]]:
    """(chunk position, start, sentence, its vector) for the record's sentences that are whole:
    on one line and not cut at a chunk's edge."""
    for pos in store.record_positions(record.id):
        body, vecs = store.texts[pos], store.sentence_vectors_of(pos)
        for i, (s, e) in enumerate(store.sentences[pos]):
            sentence = body[s:e].strip()
            # (a chunk that starts mid-sentence: "to -0.42) also beat placebo ...")
            if "\n" not in sentence and WHOLE.search(sentence) and not sentence[:1].islower():
                yield pos, s, sentence, vecs[i]


WHY = re.compile(r"\s*(?:and\s+|so\s+)?why\b", re.I)
_CAUSAL = re.compile(
    r"\b(?:because|so|therefore|thus|hence|since|due to|owing to|led|leads?|reasons?|why"
    r"|as a result|made|makes?|caus\w*|explain\w*)\b",
    re.I,
)
# a sentence that gives its reason in the one before ("the authors therefore suggested ...")
THEREFORE = re.compile(r"\b(?:therefore|thus|hence|for this reason|as a result|this led)\b", re.I)
