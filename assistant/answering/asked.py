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

from assistant.answering.compose import (
    QUESTION_WORDS,
    Citations,
    Composition,
    Evidence,
)
from assistant.answering.entities import without_country
from assistant.answering.sentence_kinds import SAME_WORD
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import MONTHS, NUMBER_WORDS, ROUTE_TRIAL

_KINDS = (
    r"study|studies|trial|trials|pilot|cohort|analysis|meta-analysis|review|series|survey"
    r"|experiment|paper|report|judgment|judgement|ruling|decision|case"
)
# "In the 2012 French retrospective study of 181 drinkers, ..."
_LEADING = re.compile(
    r"^\s*(?:and\s+)?(?:in|for|among|from|during|within|across|of)\s+(?:the|a|an|this|that|their"
    r"|its|(?:\w+\s+)?[A-Z][\w-]*'s)\b"  # ("In de Beaurepaire's 2012 cohort, ...")
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
    r"|estimate|calculate)"
    # "was that at one hospital or at lots of them?", "was it blinded?": how it was run
    # "past what amount did coma appear?", "at which dose ...?"
    r"|(?:past|above|at|from|after|below|over|under|up to|by|with|for|in|on|during|to) (?:what|which)"
    r"|(?:was|were) (?:it|that|this|they|the (?:study|trial)) (?:at|in|done|run|held|conducted"
    r"|carried out|based|blind\w*|randomi[sz]ed))\b",
    re.I,
)
# One thing a follow-up names, asked of the study ("and what about their depression?", "did
# they get any counselling too?", "what did they assess at the start?"): answered by the study's
# sentence that names it, when the answer given does not
_NAMED_THING = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?(?:"
    r"what about (?:their|the|its|his|her) (?P<about>[a-z-]+(?: [a-z-]+)?)"
    r"|(?:did|do|were|was) (?:they|the \w+|all|everyone) (?:also )?(?:get|receive|given|offered"
    r"|have|undergo|attend)\w* (?:any|some|extra|other) (?P<given>[a-z-]+(?: [a-z-]+)?)"
    r"|(?:was|were) there (?:any|some) (?P<there>[a-z-]+(?: [a-z-]+)?)"
    r"|what (?:did|do|does) (?:they|it|the \w+) (?:measure|assess|record|collect|check|rate"
    r"|evaluate|look at)\w* (?:at|before|during|in) (?P<when>[a-z-]+(?: [a-z-]+)?)"
    r")",
    re.I,
)
# what a question names that no result settles, and result words that are not one thing
_NOT_A_THING = frozenset(
    tokenize(
        "result results outcome outcomes finding findings effect effects side safety dose doses "
        "benefit difference improvement change better worse the them too as well also alongside "
        "same other"
    )
)
# everyday names for what a study's sentences call otherwise
_THING_READS = {
    "start": "baseline",
    "beginning": "baseline",
    "outset": "baseline",
    "entry": "baseline",
    "mood": "mood depression anxiety distress",
    "talking": "counselling psychosocial psychotherapy therapy",
    "support": "counselling psychosocial psychotherapy therapy support",
    "therapy": "counselling psychosocial psychotherapy therapy",
    "counselling": "counselling psychosocial psychotherapy therapy",
    "counseling": "counselling psychosocial psychotherapy therapy",
}


def thing_named(clause: str, store: Any) -> set[str]:
    """The word stems of the one thing a follow-up names ("and what about their mood?" ->
    mood, depression, anxiety, distress); empty when it names none or only a result."""
    m = _NAMED_THING.match(clause)
    if not m:
        return set()
    words = next(g for g in m.groups() if g).lower().split()
    named = " ".join(_THING_READS.get(w, w) for w in words)
    thing = _words(t for t in tokenize(named) if t not in _NOT_A_THING) - QUESTION_WORDS
    return {t for t in thing if store.idf(t) >= MIN_IDF}


def named_thing(
    ev: Evidence,
    record: RecordInfo,
    clause: str,
    encode: Callable[[str], np.ndarray],
    current: str = "",
) -> tuple[int, int, str] | None:
    """For a follow-up naming one thing of the study ("and what about their depression?"): the
    study's sentence nearest the question among those naming it, when neither the answer given
    nor the study's headline names it; None otherwise."""
    thing = thing_named(clause, ev.store)
    if not thing or thing & _words(tokenize(f"{current} {record.key_result or ''}")):
        return None
    vec = encode(clause)
    best: tuple[float, int, int, str] | None = None
    for pos, s, sentence, sentence_vec in whole_sentences(ev.store, record):
        if len(sentence) >= 30 and thing & _words(tokenize(sentence)):
            sim = float(sentence_vec @ vec)  # (the thing named is the evidence; meaning ranks)
            if best is None or sim > best[0]:
                best = (sim, pos, s, sentence)
    return best[1:] if best else None


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
_WHOLE = re.compile(r"[.!?][)\"']?$")
# how close the answering sentence must be, and by how much closer than the headline result
MIN_SIMILARITY = 0.42
LOOSE_SIMILARITY = 0.3
WHEN_SIMILARITY = 0.2  # a sentence giving a figure at the very time point asked
LEXICAL_LEEWAY = 0.06  # about as near in meaning, a sentence naming more asked words goes first
CLEAR_LEAD = 0.1
NEAR_HEADLINE = 0.05
MARGIN = 0.015
MIN_IDF = 1.5
KIND_IDF = 3.0
NAMES_MUCH = 6.0  # IDF of the asked words a sentence names to outrank a field's answer
KIND_SIMILARITY = 0.2  # the kind named is the evidence; meaning only ranks
UNWORDED_SIMILARITY = 0.55  # a sentence sharing no asked word must be this near, and far ahead


def asked_clause(question: str, record: RecordInfo) -> str:
    """The question without the phrase that describes the study and without its names."""
    # "my husband has hep C ... i read the americans tried it. how many of them gave up?": the
    # question is its last sentence, after the story
    parts = re.split(r"(?<=[.!])\s+", question.strip())
    if len(parts) > 1 and parts[-1].endswith("?"):
        question = parts[-1]
    q = _LEADING_NAME.sub("", question)  # "In Kiel 2015, ..."
    m = _LEADING.match(q)
    if m and re.search(rf"\b(?:{_KINDS})\b", m.group(0), re.I):
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
    why = bool(_WHY.match(clause))
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
    named = _words(wanted) | (_words(tokenize(noun)) - {"baclofen"})
    cands: list[tuple[float, int, int, str]] = []
    unworded: list[tuple[float, int, int, str]] = []  # (the same, sharing no asked word)
    for pos, s, sentence, sentence_vec in whole_sentences(store, record):
        if (
            len(sentence) < 30
            or (why and not _CAUSAL.search(sentence))  # "why?": a sentence giving a reason
            or (figure and not has_figure(sentence, noun))  # a figure asked: one giving it
            or (when and not when & _time_points(sentence))
            or (span and not _SPAN.search(sentence))
            or (dated and not _dates(sentence, record))
        ):
            continue
        if not named & _words(tokenize(sentence)):
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
    cands.sort(reverse=True)
    if cands:
        # about as near in meaning, naming more of the words asked ("how many did they screen
        # ...?": the sentence saying "screened"), it goes first
        def rare(text: str) -> float:
            said = _words(tokenize(text))
            return sum(
                store.idf(t) for t in wanted if not t.isdigit() and SAME_WORD.get(t, t) in said
            )

        near = [c for c in cands if c[0] >= cands[0][0] - LEXICAL_LEEWAY]
        lead = max(near, key=lambda c: (rare(c[3]), c[0]))
        cands.remove(lead)
        cands.insert(0, lead)
    best = cands[0] if cands else None
    runner_up = max((c[0] for c in cands[1:]), default=0.0)
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
        said = _words(tokenize(text))
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
        and not (span and not _SPAN.search(current))  # the time asked, which the answer lacks
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
    r"\bhow long\b|\b(?:for|over|after|within) how many (?:minutes|hours|days|weeks|months|years)\b",
    re.I,
)
_SPAN = re.compile(
    r"\b\d[\d.,]*(?:\s*(?:to|-|–|or)\s*\d[\d.,]*)?[\s-]*(?:minutes?|min|hours?|h|days?|weeks?|months?"
    r"|years?)\b",
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
    words = _words(wanted)
    for m in re.finditer(r"[\w-]+", text):
        if _words(tokenize(m.group(0))) & words and re.search(
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
    return any(
        set(tokenize(m.group(1))) & stem
        for m in re.finditer(r"\d[\d,.]*\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", figures, re.I)
    )


# "which procedure ...?", "with which hospital's services ...?": the kind of thing asked for
_WHICH_KIND = re.compile(
    r"^\s*(?:and\s+)?(?:(?:with|in|at|from|by|for|on|under|across)\s+)?(?:which|what|how many)\s+"
    r"([a-z]+)",
    re.I,
)
_NOT_A_KIND = frozenset(
    tokenize(
        f"{_KINDS.replace('|', ' ')} was were is are did does do kind type sort one ones "
        # "how many smokers ...?" is the study's size, answered from its fields
        "smokers drinkers patients people participants volunteers users adults men women "
        # a quantity asked ("what share ...?") is a figure, not a thing to name
        "share proportion percentage percent number fraction rate amount level concentration ratio"
    )
)


# a statistic asked for by name, and how a sentence states one
_STATISTICS = (
    (re.compile(r"\bp.?values?\b", re.I), re.compile(r"\bp ?[=<>≤]")),
    (re.compile(r"\bhazard ratios?\b", re.I), re.compile(r"\bhazard ratios?\b|\bHR\b")),
    (re.compile(r"\bodds ratios?\b", re.I), re.compile(r"\bodds ratios?\b|\bOR\b")),
    (re.compile(r"\bconfidence intervals?\b", re.I), re.compile(r"\bCI\b|confidence interval")),
)
_HOW_MEASURED = re.compile(
    r"\s*(?:and\s+|so\s+)?how (?:did|do|was|were) (?:they|it|the \w+) (?:know|measured?|assess\w*"
    r"|check\w*|tell|confirm\w*|track\w*|monitor\w*|judged?|counted|recorded|defined|find out"
    r"|work out|determin\w*|establish\w*|estimat\w*|calculat\w*)\b",
    re.I,
)
_MEASURES = frozenset(
    tokenize(
        "self questionnaire questionnaires "  # ("self-reported": "self", not "reported")
        "timeline followback diary diaries breathalyser breath urine biomarker biomarkers scale "
        "interview interviews carbohydrate-deficient transferrin cdt"
    )
)


def named_kind(
    ev: Evidence,
    record: RecordInfo,
    clause: str,
    encode: Callable[[str], np.ndarray],
    current: str = "",
) -> tuple[int, int, str] | None:
    """For "which <kind> ...?" where neither the answer given nor the study's headline names
    that kind of thing: the study's sentence nearest the question among those that name it
    ("... at the Royal Prince Alfred Hospital", "... the Multiple-Choice Procedure")."""
    store = ev.store
    for asks, states in _STATISTICS:
        if asks.search(clause):
            # "with which p value ...?": the nearest sentence giving one, whatever the answer has
            asked_vec = encode(clause)
            stated = [
                (float(vec @ asked_vec), pos, s, sentence)
                for pos, s, sentence, vec in whole_sentences(store, record)
                if states.search(sentence)
            ]
            best_stat = max(stated, default=None)
            return best_stat[1:] if best_stat and best_stat[0] >= KIND_SIMILARITY else None
    m = _WHICH_KIND.match(clause)
    # a specific kind ("hospital", "procedure"), not one any answer fills ("dose", "patients")
    kind = (
        {t for t in tokenize(m.group(1)) if store.idf(t) >= KIND_IDF} - _NOT_A_KIND if m else set()
    )
    floor = KIND_SIMILARITY
    if re.search(r"\bhow old\b", clause, re.I):
        kind = set(tokenize("age"))  # "how old were they?": the sentence giving their age
    elif _HOW_MEASURED.match(clause):
        # "how did they know ...?": the sentence naming how it was measured, however it is put
        kind, floor = set(_MEASURES), 0.0
    if not kind or kind & set(tokenize(current or record.key_result or "")):
        return None
    vec = encode(clause)
    best: tuple[float, int, int, str] | None = None
    for pos, s, sentence, sentence_vec in whole_sentences(store, record):
        if kind & set(tokenize(sentence)):
            sim = float(sentence_vec @ vec)
            if sim >= floor and (best is None or sim > best[0]):
                best = (sim, pos, s, sentence)
    return best[1:] if best else None


def _words(tokens: Iterable[str]) -> set[str]:
    """Word stems, with words of one meaning as one ("taken" and "exposed")."""
    return {SAME_WORD.get(t, t) for t in tokens}


def whole_sentences(store: Any, record: RecordInfo) -> Iterator[tuple[int, int, str, Any]]:
    """(chunk position, start, sentence, its vector) for the record's sentences that are whole:
    on one line and not cut at a chunk's edge."""
    for pos in store.record_positions(record.id):
        body, vecs = store.texts[pos], store.sentence_vectors_of(pos)
        for i, (s, e) in enumerate(store.sentences[pos]):
            sentence = body[s:e].strip()
            if "\n" not in sentence and _WHOLE.search(sentence):
                yield pos, s, sentence, vecs[i]


def detail_answer(
    ev: Evidence,
    record: RecordInfo,
    question: str,
    asked: set[str],
    encode: Callable[[str], np.ndarray] | None,
    current: str = "",
    from_fields: bool = False,
) -> Composition | None:
    """The study's sentence that states the detail asked, cited, as the whole answer, when it is
    nearer the question than the ``current`` answer's first sentence."""
    if encode is None:
        return None
    clause = asked_clause(question, record)
    if not (DETAIL_QUESTION.match(clause) or thing_named(clause, ev.store)) or ALSO_RESULT.search(
        clause
    ):
        return None
    found = (
        named_kind(ev, record, clause, encode, current)
        or named_thing(ev, record, clause, encode, current)
        or answering_sentence(ev, record, clause, asked, encode, current, from_fields)
    )
    if found is None:
        return None
    pos, start, sentence = found
    cites = Citations()
    ctx = ev.store.context(pos, score=1.0)
    text = sentence
    if _WHY.match(clause) and _THEREFORE.search(sentence):
        # "why ...?" answered by "the authors therefore ...": the sentence giving the reason first
        spans = [(s, e) for s, e in ev.store.sentences[pos] if e <= start]
        if spans:
            s, e = spans[-1]
            before = ev.store.texts[pos][s:e].strip()
            if "\n" not in before and _WHOLE.search(before):
                cites.add(ctx, before, ev.store.texts[pos].find(before, s))
                text = f"{before} {sentence}"
    n = cites.add(ctx, sentence, start)
    return Composition(f"{text} [{n}]", False, cites.items, ROUTE_TRIAL)


_WHY = re.compile(r"\s*(?:and\s+|so\s+)?why\b", re.I)
_CAUSAL = re.compile(
    r"\b(?:because|so|therefore|thus|hence|since|due to|owing to|led|leads?|reasons?|why"
    r"|as a result|made|makes?|caus\w*|explain\w*)\b",
    re.I,
)
# a sentence that gives its reason in the one before ("the authors therefore suggested ...")
_THEREFORE = re.compile(r"\b(?:therefore|thus|hence|for this reason|as a result|this led)\b", re.I)
