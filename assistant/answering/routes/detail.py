"""The details of one study that have a name of their own: the kind of thing asked ("which
hospital ...?", "with which p value?", "how did they know ...?"), one thing a follow-up names
("and what about their depression?", "did they get any counselling too?"), and the answer made
of the study's sentence that states the detail (:func:`detail_answer`, which falls back on the
nearest sentence in meaning, :func:`assistant.answering.question.asked.answering_sentence`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from assistant.answer import Plan
from assistant.answering.compose.extractive import QUESTION_WORDS, Citations, Composition, Evidence
from assistant.answering.question.asked import (
    _KINDS,
    ALSO_RESULT,
    DETAIL_QUESTION,
    KIND_IDF,
    KIND_SIMILARITY,
    METHOD_QUESTION,
    MIN_IDF,
    THEREFORE,
    WHOLE,
    WHY,
    YES_NO_START,
    answering_sentence,
    asked_clause,
    stems,
    whole_sentences,
)
from assistant.answering.question.entities import find_other_medicines
from assistant.answering.routes.study_asks import STATISTICS
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import POOLED_EVIDENCE, ROUTE_TRIAL

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
    thing = stems(t for t in tokenize(named) if t not in _NOT_A_THING) - QUESTION_WORDS
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
    if not thing or thing & stems(tokenize(f"{current} {record.key_result or ''}")):
        return None
    # (the thing named is the evidence; meaning only ranks)
    return _nearest_naming(
        ev.store,
        record,
        encode(clause),
        lambda sentence: len(sentence) >= 30 and bool(thing & stems(tokenize(sentence))),
    )


def _nearest_naming(
    store: Any,
    record: RecordInfo,
    vec: np.ndarray,
    names: Callable[[str], bool],
    floor: float = -1.0,
) -> tuple[int, int, str] | None:
    """(chunk position, start, sentence) of the study's sentence nearest ``vec`` in meaning among
    those ``names`` accepts, at least ``floor`` near; None when there is none."""
    best: tuple[float, int, int, str] | None = None
    for pos, s, sentence, sentence_vec in whole_sentences(store, record):
        if names(sentence):
            sim = float(sentence_vec @ vec)
            if sim >= floor and (best is None or sim > best[0]):
                best = (sim, pos, s, sentence)
    return best[1:] if best else None


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


# "in which parts of the brain was that drop seen?": a sentence naming brain regions
_BRAIN_PARTS_ASKED = re.compile(
    r"\b(?:parts?|areas?|regions?|structures?) of (?:the |his |her |their )?brains?\b"
    r"|\bbrain (?:areas?|regions?|structures?|circuits?)\b",
    re.I,
)
_BRAIN_PARTS = frozenset(
    tokenize("striatum pallidum amygdala midbrain cortex accumbens hippocampus insula thalamus")
)


def stated_statistic(question: str) -> re.Pattern[str] | None:
    """How a sentence states the statistic the question asks by name ("the confidence
    interval" -> "CI" or "confidence interval"), or None when it asks none."""
    return next((states for asks, states in STATISTICS if asks.search(question)), None)


_HOW_MEASURED = re.compile(
    r"\s*(?:and\s+|so\s+)?how (?:did|do|was|were) (?:they|it|the [\w-]+(?: [\w-]+){0,3})"
    r" (?:arrive at|come up with|obtain\w*|deriv\w*|know|measured?|assess\w*"
    r"|check\w*|tell|confirm\w*|track\w*|monitor\w*|judged?|counted|recorded|defined|find out"
    r"|work out|determin\w*|establish\w*|estimat\w*|calculat\w*|make sure|ensure\w*|verif\w*"
    r"|rated?|grade[sd]?|score[sd]?|classif\w*)\b",
    re.I,
)
_MEASURES = frozenset(
    tokenize(
        "self questionnaire questionnaires "  # ("self-reported": "self", not "reported")
        "timeline followback diary diaries breathalyser breath urine biomarker biomarkers scale "
        "interview interviews carbohydrate-deficient transferrin cdt "
        # how cases were confirmed or graded ("graded with the Poison Severity Score")
        "confirmed graded score scored"
    )
)


def _own_sentence(text: str, store: Any, record: RecordInfo) -> tuple[int, int, str] | None:
    """(chunk position, start, sentence) when ``text`` is one of the study's sentences (not a
    summary made from its fields), else None."""
    text = text.strip()
    return next(
        ((pos, s, sentence) for pos, s, sentence, _ in whole_sentences(store, record)
         if text == sentence.strip()),
        None,
    )  # fmt: skip


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
    for asks, states in STATISTICS:
        if asks.search(clause):
            # "with which p value ...?": the nearest sentence giving one
            near = _nearest_naming(
                store,
                record,
                encode(clause),
                lambda t, rx=states: bool(rx.search(t)),
                0.0,  # (the statistic named is the evidence; meaning only ranks)
            )
            own = _own_sentence(current, store, record) if states.search(current) else None
            if near is None or own is None:
                return near
            # the study's sentence found for the question gives one already: another's only
            # when it says something asked that it does not ("in trials at low risk of bias")
            # (the words asking for the statistic are not what it is about)
            rest = asks.sub(" ", clause)
            asked = {t for t in tokenize(rest) if len(t) >= 4} - QUESTION_WORDS
            return near if asked & set(tokenize(near[2])) - set(tokenize(current)) else own
    m = _WHICH_KIND.match(clause)
    # a specific kind ("hospital", "procedure"), not one any answer fills ("dose", "patients")
    kind = (
        {t for t in tokenize(m.group(1)) if store.idf(t) >= KIND_IDF} - _NOT_A_KIND if m else set()
    )
    floor = KIND_SIMILARITY
    if re.search(r"\bhow old\b", clause, re.I):
        kind = set(tokenize("age"))  # "how old were they?": the sentence giving their age
    elif _BRAIN_PARTS_ASKED.search(clause):
        kind, floor = set(_BRAIN_PARTS), 0.0  # "in which parts of the brain?": their names
    elif _HOW_MEASURED.match(clause):
        # "how did they know ...?": the sentence naming how it was measured, however it is put
        kind, floor = set(_MEASURES), 0.0
    if not kind or kind & set(tokenize(current or record.key_result or "")):
        return None
    return _nearest_naming(
        store, record, encode(clause), lambda t: bool(kind & set(tokenize(t))), floor
    )


# any other yes/no question about the study ("does French health insurance reimburse it?"): its
# sentence saying so, when one is clearly nearer than the answer given (whether it worked is
# asked as a result and never comes here)
_RESULT_WORD = re.compile(
    r"\b(?:positive|negative|success\w*|fail\w*|work\w*|help\w*|keep\w*|kept|stop\w*|benefit\w*"
    r"|effective|better|worse|improv\w*|reduc\w*|cut|lower\w*|prevent\w*|rais\w*|increas\w*"
    r"|grow\w*|rise|rose)\b",
    re.I,
)


# "were the ones who had taken benzodiazepines as well in a worse state?": some of the people
_SUBGROUP = re.compile(r"\b(?:the ones|those|the people|the patients|people|patients) who\b", re.I)


def _yes_no_detail(clause: str) -> bool:
    return bool(YES_NO_START.match(clause)) and (
        not _RESULT_WORD.search(clause) or bool(_SUBGROUP.search(clause))
    )


# "... fewer people quit baclofen early. did any other tablet manage that too?": which other
# medicines did the same in the study, answered by its sentence naming them
OTHERS_TOO = re.compile(
    r"\b(?:any|which|what) other (?:\w+ )?(?:medicines?|medications?|drugs?|tablets?|pills?"
    r"|treatments?|options?)\b(?:.*\b(?:too|also|as well|that|the same|likewise)\b)?"
    # "which medicines had more dropouts than placebo?": the ones the study names
    r"|^\W*(?:which|what) (?:\w+ )?(?:medicines|medications|drugs|tablets|pills|treatments)\b",
    re.I,
)
_FIGURES_ASKED = re.compile(
    r"\bfigures?\b|\bnumbers?\b|\bby how much\b|\bhow (?:much|big)\b|\bstatistics\b", re.I
)
_DIRECTION = re.compile(r"\b(?:more|fewer|less|higher|lower|better|worse|greater|smaller)\b", re.I)


def carried_words(plan: Plan) -> str:
    """The words a follow-up's standalone question carries over from the earlier turns (in the
    brackets :func:`assistant.answering.question.plan.plan_question` adds); "" for a first turn."""
    carried = re.search(r"\(([^()]*)\)\s*$", plan.searched) if plan.follow_up else None
    return carried.group(1) if carried else ""


def _others_too(
    ev: Evidence,
    record: RecordInfo,
    clause: str,
    encode: Callable[[str], np.ndarray],
    named: Sequence[str] = (),
) -> tuple[int, int, str] | None:
    """The study's sentence nearest ``clause`` that names a medicine besides baclofen (one of
    ``named`` when given)."""
    vec = encode(clause)
    cands = [
        (float(v @ vec), pos, start, sentence)
        for pos, start, sentence, v in whole_sentences(ev.store, record)
        for found in [find_other_medicines(sentence)]
        if len(sentence) >= 30 and (set(named) & set(found) if named else found)
    ]
    if not cands or max(cands)[0] < KIND_SIMILARITY:
        return None
    asked = stems(set(tokenize(clause)) - QUESTION_WORDS)
    # ("... higher or lower than that?" after "how did baclofen do on total abstinence?": the
    # outcome the conversation is on, which the standalone question carries in brackets)
    earlier = stems(set(tokenize(carried_words(ev.plan))) - QUESTION_WORDS) - asked

    directions = {d.lower() for d in _DIRECTION.findall(clause)}
    figures = bool(_FIGURES_ASKED.search(clause))  # ("and with what figures?")

    def shared(sentence: str) -> float:  # (the words of what the others did: "fewer ... quit")
        same_way = directions & {d.lower() for d in _DIRECTION.findall(sentence)}
        numbered = figures and bool(re.search(r"\d", sentence))
        said = stems(tokenize(sentence))
        return (
            sum(ev.store.idf(t) for t in asked & said)
            + 0.5 * sum(ev.store.idf(t) for t in earlier & said)
            + 3 * (len(same_way) + numbered)
        )

    top = max(cands)[0]
    near = [c for c in cands if c[0] >= top - 0.1]
    return max(near, key=lambda c: (shared(c[3]), c[0]))[1:]


def other_medicines_answer(
    ev: Evidence, record: RecordInfo, question: str, encode: Callable[[str], np.ndarray] | None
) -> Composition | None:
    """ "In that review, did acamprosate do as well?", "did any other tablet manage that too?":
    the review's sentence naming the other medicines (those asked, when named), cited."""
    if encode is None:
        return None
    named = [
        m
        for m in ev.plan.entities.other_medicines
        if m in question.lower() and record.evidence in POOLED_EVIDENCE  # (not a comparator)
    ]
    clause = asked_clause(question, record)
    if not (named or OTHERS_TOO.search(clause)):
        return None
    return cited(ev, _others_too(ev, record, clause, encode, named))


def cited(ev: Evidence, found: tuple[int, int, str] | None) -> Composition | None:
    """The sentence found (chunk position, start, text) as the whole answer, cited."""
    if found is None:
        return None
    pos, start, sentence = found
    cites = Citations()
    n = cites.add(ev.store.context(pos, score=1.0), sentence, start)
    return Composition(f"{sentence} [{n}]", False, cites.items, ROUTE_TRIAL)


def fragment_answer(
    ev: Evidence, record: RecordInfo, question: str, encode: Callable[[str], np.ndarray] | None,
    current: str,
) -> Composition | None:  # fmt: skip
    """ "and for the ones who started on less than 20 mg a day?" after "how much higher was the
    risk for those who started on 20 mg or more, against non-users?": the fragment read with
    the earlier question's words (which the standalone question carries in brackets), answered
    by the study's sentence stating it when it is clearly nearer than the answer given."""
    carried = carried_words(ev.plan)
    if encode is None or not carried or not _FRAGMENT.match(question):
        return None
    clause = f"{question.rstrip(' ?')} {carried}?"
    asked = set(tokenize(clause)) - QUESTION_WORDS - set(tokenize(record.display_name or ""))
    return cited(ev, answering_sentence(ev, record, clause, asked, encode, current))


_FRAGMENT = re.compile(
    r"^\s*(?:and|but) (?:for|in|among|with) (?:the|those|people|patients)\b", re.I
)


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
    if OTHERS_TOO.search(clause):
        comp = other_medicines_answer(ev, record, question, encode)
        if comp is not None:
            return comp
    if not (
        DETAIL_QUESTION.match(clause)
        or METHOD_QUESTION.match(clause)
        or _yes_no_detail(clause)
        or thing_named(clause, ev.store)
        # "and what about being admitted to hospital, how much higher was that risk?"
        or re.search(r",\s+how (?:much|many)\b", clause, re.I)
    ) or ALSO_RESULT.search(clause):
        return None
    found = (
        named_kind(ev, record, clause, encode, current)
        or named_thing(ev, record, clause, encode, current)
        or answering_sentence(ev, record, clause, asked, encode, current, from_fields)
    )
    if found is None:
        return None
    reasoned = with_reason(ev, *found) if WHY.match(clause) else None
    return reasoned or cited(ev, found)


def with_reason(ev: Evidence, pos: int, start: int, sentence: str) -> Composition | None:
    """ "Why ...?" answered by "the authors therefore ...": the sentence giving the reason
    first, then this one, both cited; None when the sentence gives no "therefore" or the one
    before it is not whole."""
    spans = [(s, e) for s, e in ev.store.sentences[pos] if e <= start]
    if not THEREFORE.search(sentence) or not spans:
        return None
    s, e = spans[-1]
    before = ev.store.texts[pos][s:e].strip()
    if "\n" in before or not WHOLE.search(before):
        return None
    ctx = ev.store.context(pos, score=1.0)
    cites = Citations()
    cites.add(ctx, before, ev.store.texts[pos].find(before, s))
    n = cites.add(ctx, sentence, start)
    return Composition(f"{before} {sentence} [{n}]", False, cites.items, ROUTE_TRIAL)
