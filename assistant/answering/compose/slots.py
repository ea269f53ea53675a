"""What kind of answer a question asks for, and which candidate sentence gives it.

A question has a slot: "how many ...?" wants a figure, "in what year?" a year, "who ...?" a person,
"does it help ...?" a result against a comparison. The composer ranks sentences by relevance;
when the best one does not fill the slot and a nearly as relevant one does, that one becomes the
bottom line (:func:`put_answer_first`). Plain functions over the ranked pool, testable alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from assistant.answer import Entities, Plan
from assistant.answering.compose.sentence_kinds import (
    INTENT_WORDS,
    PUMP,
    SAME_WORD,
    UNCHECKED,
    asks_signs,
    is_design_only,
    maker_asked,
    signs_listed,
)
from assistant.answering.compose.unasked import PREGNANCY
from assistant.answering.question.entities import SUBSTANCE_RX, find_countries, norm
from assistant.answering.question.intents import ONSET_Q
from assistant.answering.question.places import JURISDICTION_RX
from assistant.answering.question.study_cues import ASKS_WHY_DONE
from assistant.answering.safety.notices import mentions_pregnancy
from assistant.library import contraindications as ci
from assistant.library.chunks import tokenize
from assistant.vocab import NUMBER_WORDS, SUBSTANCE_SAID


class Candidate(Protocol):
    text: str
    tokens: set[str]
    numbers: frozenset[str]
    score: float


# Questions whose answers are results: efficacy, one trial's result, which trials, comparisons.
RESULT_INTENTS = frozenset({"efficacy", "trial_result", "which_trials", "comparison"})
# One-number questions: one or two sentences.
NUMBER_QUESTION = re.compile(
    r"\b(?:how (?:many|much|long|often)|what (?:is|was) the (?:maximum|max|highest|usual|starting"
    r"|half|target|daily)|half.?life|what (?:dose|year)|which year|when (?:was|did|were)"
    r"|how old|what (?:percentage|proportion|share|fraction)|since when|from when|how common|how frequent\w*"
    r"|what (?:is the )?(?:rate|frequency|incidence) of)\b",
    re.I,
)
_ASKS_YEAR = re.compile(r"\b(?:what|which) year\b|\bwhen\b", re.I)
# "when was it approved?": the date of the approval itself ("In October 2018 ANSM granted ...",
# "approved ... in 1977"), not a date beside a mention of it ("ended in 2020 when the first
# product authorised ... was launched")
_APPROVAL = r"(?:granted|approved|authori[sz]ed|licensed|registered|issued)"
_ASKS_APPROVAL = re.compile(r"\b(?:approv|authori[sz]|licens|licenc|grant|register)\w*", re.I)
_SECOND_PART = re.compile(
    r"(?:\band\b|,|;)\s*(?:what|how|which|who|where|why|whom|is|are|was|were|does|do|did|can|has"
    r"|have)\b|\?.+\?",
    re.I,
)
_DATED_APPROVAL = re.compile(
    rf"\b(?:19|20)\d\d\b[^.;,]{{0,50}}?\b{_APPROVAL}\b"
    rf"|(?<!\bstill )(?<!\balready )\b{_APPROVAL}\b[^.;,]{{0,40}}?\b(?:in|on|since)\s+(?:\d{{1,2}}\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(?:19|20)\d\d\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WHAT_HAPPENED = re.compile(r"\bwhat (?:happened|changed|became of)\b", re.I)
_ASKS_SHARE = re.compile(r"\bwhat (?:percentage|proportion|share|fraction)\b|\bhow much of\b", re.I)
# a count written in words ("three involved baclofen obtained for ...") answers "how many?" too
# ("one" is left out: it is as often a pronoun)
_ASKS_COUNT = re.compile(r"\bhow many\b", re.I)
_COUNT_WORD = re.compile(rf"\b(?:{'|'.join(NUMBER_WORDS[2:])})\b", re.I)
_SHARE = re.compile(
    r"\d\s?%|\bper ?cent\b|\b(?:one|a|two) (?:third|half|quarter)|\bmost of\b", re.I
)
_NAMED = re.compile(r"(?<=\S )[A-Z][A-Za-z]*[A-Z]\w*|(?<=\S )[A-Z][a-z]{2,}\b")
# "does it help / did it keep them off drink / is it effective": a question about an effect
ASKS_EFFECT = re.compile(
    r"\b(?:help\w*|work\w*|effective\w*|efficacy|improv\w*|reduc\w*|keep\w*|kept|stop\w*"
    r"|prevent\w*|cut\w*|quit\w*|succeed\w*|benefit\w*|better|beat)\b",
    re.I,
)
# a result stated against a comparison ("71% versus 29%", "no different from placebo")
COMPARED_RESULT = re.compile(
    r"\b(?:versus|vs\.?|than|against|placebo|compared|no (?:significant )?difference"
    r"|not significant\w*|p ?[=<])",
    re.I,
)
# "how should the dose be adjusted / by how much should it be lowered?": an amount
_ASKS_ADJUSTMENT = re.compile(
    r"\bhow (?:should|much should|far should|do you|should you|to) (?:\w+ ){0,3}?(?:adjust|reduc|lower"
    r"|chang|cut|decreas)\w*|\bby how much\b|\bdose (?:adjustments?|reductions?)\b"
    r"|\b(?:need|needs|require|requires) (?:a )?(?:less|lower|smaller|reduced)\b"
    r"|\bhow (?:does one|do you|should one|to) dose\b"
    r"|\bhow (?:should|is|would|must) (?:\w+ ){0,2}?(?:be )?dosed (?:in|for|with)\b",
    re.I,
)
# "what starting dose ...?": where a source says how to begin
_ASKS_START = re.compile(
    r"\b(?:starting|initial|first|opening) (?:daily )?dose\b|\bdose to (?:start|begin)\b"
    r"|\b(?:start|begin|started|initiated) (?:on|at|with)\b",
    re.I,
)
_STARTS = re.compile(r"\bstart\w*|\binitia\w*|\bbegin\w*|\bbegan\b", re.I)
_AMOUNT = re.compile(
    r"\b(?:one|a|two)[ -](?:third|half|quarter)s?\b|\bhalve\w*"
    r"|\b(?:by|to) (?:about |around )?\d+(?:\.\d+)? ?(?:%|mg)",
    re.I,
)
# "is it dangerous / can it be fatal?": the harm, where a source states it
# "is it ever acceptable to stop it abruptly?": the exception a source makes
_ASKS_EXCEPTION = re.compile(
    r"\bever (?:be )?(?:acceptable|ok|okay|allowed|appropriate|justified|right|reasonable|fine)\b"
    r"|\b(?:any|what) exceptions?\b|\bunder what circumstances\b|\bin what (?:cases|situations)\b",
    re.I,
)
_EXCEPTION = re.compile(r"\bunless\b|\bexcept\b|\bonly (?:if|when)\b|\bexception\b", re.I)
# "what is the pump actually for?": what it is used for, not its warnings
_ONSET = re.compile(
    r"\bfrom the first (?:day|week|month)\b|\bwithin (?:\w+ ){0,2}(?:days?|weeks?|hours?)\b"
    r"|\bin the first (?:\w+ )?(?:days?|weeks?)\b|\bby (?:day|week) \d+\b",
    re.I,
)
_ASKS_PURPOSE = re.compile(
    r"\bwhat (?:is|are|was) (?:the |a |this |that |these )?(?:[\w-]+ ){0,2}?(?:actually |really "
    r"|even )?(?:used )?for\s*\?|\bwhat (?:does|do) (?:the |a |this )?(?:[\w-]+ ){0,2}?(?:treat|help with)\b",
    re.I,
)
_PURPOSE = re.compile(
    r"\b(?<!contra)indicated for\b|\bused (?:for|to treat)\b|\bapproved use\b", re.I
)
# "why ...?", "on what ground ...?": a sentence giving a reason, not only what happened
_ASKS_REASON = re.compile(
    r"^\s*(?:and |so |but )?why\b|\bon what (?:grounds?|basis)\b|\bfor what reasons?\b"
    r"|\bwhat (?:was|were|is|are) the (?:reasons?|grounds?|rationale)\b",
    re.I,
)


def asks_reason(question: str) -> bool:
    """Whether the question asks why ("why ...?", "on what grounds ...?")."""
    return bool(_ASKS_REASON.search(question))


_REASON = re.compile(
    r"\bbecause\b|\bsince (?!\d|(?:19|20)\d\d|then|\w+ (?:19|20)\d\d)|\b(?:due|owing) to\b"
    r"|\bso (?:that|as to)\b|\bin order to\b|\bgrounds?\b|\breasons?\b|\berror\b|\bunlawful\b"
    r"|\b(?:found|ruled|held|judged|reasoned) that\b|\bon the basis\b|\bbased on\b|\bgiven that\b"
    r"|\bexplanation\b|\bexplain\w*|\bargu\w*",
    re.I,
)
# why a decision was taken ("why was the cap lifted?"): the event it followed is its reason
# ("lifted in 2021, after a court annulled it"); elsewhere "after" only dates ("after the overdose")
_DECISION = re.compile(
    r"\b(?:lift|withdr[ae]w|ban|approv|suspend|annul|revok|restrict|licen[cs]|authori[sz]|issu"
    r"|add|updat|chang|cap|limit)\w*",
    re.I,
)
_REASON_OR_AFTER = re.compile(rf"{_REASON.pattern}|(?<=[\w,] )after\b", re.I)
# (what a question asks for, the sentence that gives it, how far down and how nearly relevant)
# what is given or done for someone (an overdose's fits), and a sentence advising a treatment
_ASKS_CARE = re.compile(
    r"\b(?:should|do|does|would|can|will) (?:doctors?|they|the (?:hospital|doctors?|paramedics)"
    r"|staff) (?:give|use)\b|\b(?:doctors?|paramedics|staff) (?:should|would|can|will|must) (?:give"
    r"|use)\b|\bwhat (?:is|are) (?:given|used) for\b|\bhow (?:is|are) (?:it|they"
    r"|overdoses?|seizures|fits) (?:treated|managed)\b",
    re.I,
)
_CARE = re.compile(r"\b(?:advis\w*|recommend\w*|calls? for|supportive care|antidote)\b", re.I)
_KIND_SLOTS = (
    (_ASKS_REASON, _REASON, 14, 0.6),
    (re.compile(ONSET_Q.pattern, re.I), _ONSET, 12, 0.6),
    (_ASKS_PURPOSE, _PURPOSE, 20, 0.6),
    (_ASKS_EXCEPTION, _EXCEPTION, 8, 0.6),
    (_ASKS_START, _STARTS, 6, 0.75),  # "what starting dose ...?": how to begin, not the maximum
    (_ASKS_CARE, _CARE, 6, 0.75),  # "what should doctors give for the fits?": the treatment
)
_ASKS_DANGER = re.compile(
    r"^\s*(?:is|are|can|could|was|were)\b.*\b(?:dangerous|risky|harmful|serious|life.threatening"
    r"|deadly|fatal|lethal|kill)\b",
    re.I,
)
_ASKS_HOW = re.compile(
    r"\bhow (?:should|do|does|can|could|to|would|best|is|are)\b|\bright way\b", re.I
)
_STOPPING = re.compile(
    r"\btaper\w*|\bstop\w*|\b(?:come|coming|get|getting|go|going) off\b|\bwean\w*|\bdiscontinu\w*",
    re.I,
)
# a sentence giving the way down: the dose reduced gradually (not a titration that ends "... and
# it asks for a slow taper")
_GRADUAL = re.compile(
    r"^(?!.*\b(?:starting|raising|three-day steps)\b).*\b(?:gradual\w*|reduc\w* (?:\w+ ){0,3}slowly"
    r"|slow (?:taper|dose reduction)|tapered over)\b",
    re.I,
)
_HARM = re.compile(
    r"\b(?:death|deaths|died|fatal|life.threatening|rhabdomyolysis|organ failure|coma|can (?:lead"
    r"|progress) to|can cause)\b",
    re.I,
)
# "how is it treated / managed?", "what is the treatment for ...?": what was done about it
_ASKS_TREATMENT = re.compile(
    r"\bhow (?:is|was|has|have|are|were|should|do|does|did|can|would)\b(?: \w+){0,12}? (?:treated"
    r"|managed|handled)\b|\bwhat (?:is|was|are) the (?:treatment|management)\b|\bhow to (?:treat"
    r"|manage)\b|\bwhat (?:do|will|would|can|should) (?:they|doctors|hospitals?|the hospital|the doctors"
    r"|nurses|paramedics|a&e|the er) (?:do|give)\b|\bwhat treatment\b"
    r"|\bwhat (?:is|are|was|were|should be|can be) (?:given|used|done)\b",
    re.I,
)
_TREATED = re.compile(
    r"\b(?:treated|managed|reversed|resolved|improved) (?:with|by|after)\b|\b(?:needed|required|received|was given|were given)\b"
    r"|\bantidote\b|\bsupportive care\b|\btreatment (?:is|was|consists)\b",
    re.I,
)
_CARE = re.compile(
    r"\bantidote\b|\bsupportive care\b|\b(?:activated )?charcoal\b|\bintubat\w*|\bhaemodialysis\b"
    r"|\bhemodialysis\b|\bphenobarbital\b|\b(?:treated|managed) (?:with|by)\b",
    re.I,
)
_HOW_IT_WORKS = re.compile(
    r"^\s*how (?:does|do) (?:baclofen|it) (?:actually |really )?(?:work|act)\s*\??\s*$"
    r"|\bmechanism of action\b|^\s*what does (?:baclofen|it) do in the brain\b",
    re.I,
)
_HOW_IT_ACTS = re.compile(
    r"\b(?:is an?|acts as an?) agonist\b|\bagonist at\b|\bactivation\b|\bdampens?\b|\binhibits?\b"
    r"|\bbinds? to\b",
    re.I,
)
# "what can we do to stop that happening?", "how is it prevented?": how it is avoided
_ASKS_PREVENTION = re.compile(
    r"\b(?:what|how) (?:can|could|should|do|would|must) (?:we|i|you|they|one|people|doctors"
    r"|nurses|carers) (?:do )?(?:\w+ ){0,3}?(?:to )?(?:stop|prevent|avoid) (?:that|this|it|them)\b"
    r"|\bhow (?:is|are|can|could) (?:it|that|this|they|\w+) (?:be )?(?:prevented|avoided)\b"
    r"|\bhow to (?:prevent|avoid)\b|\bmake sure (?:it|that|this) (?:never|doesn't|does not)\b",
    re.I,
)
_PREVENTS = re.compile(
    r"\bprevent\w*|\bavoid\w*|\bcareful\w*|\bmonitor\w*|\bschedul\w*|\balarms?\b|\btaper\w*"
    r"|\bgradual\w*",
    re.I,
)
# a body that acted: "sought by the patients' collective Baclohelp", "the Baclohelp association"
_ORGANISATION = re.compile(
    r"\b(?:collective|association|society|charity|foundation|federation|union|company|firm"
    r"|manufacturer|network|group) (?:called |named )?(?-i:[A-Z][\w-]+)"
    r"|(?-i:[A-Z][\w-]+) (?:collective|association|society|charity|foundation|federation)\b",
    re.I,
)
ASKS_WHO = re.compile(r"^\s*(?:and |so )?who\b", re.I)
# a first name and a surname, after a word (not a sentence's first word)
_PERSON = re.compile(r"(?<=[\w,;:] )(?-i:([A-Z][a-z]+) ([A-Z][a-z]+))\b")
_OTHER_SUBSTANCES = {k: rx for k, rx in SUBSTANCE_SAID.items() if k != "spasticity"}


def names_person(text: str, idf: Callable[[str], float]) -> bool:
    """Whether a sentence names a person in its own words: a first name and a surname the
    library rarely uses (``idf``, so not "United States" or "Drug Administration"). A citation in
    brackets, "(Kent et al. 2020)", names a source's authors, not an answer to "who?"."""
    plain = re.sub(r"\([^)]*\)", " ", text)
    return any(all(idf(t) >= 4.0 for t in tokenize(f"{a} {b}")) for a, b in _PERSON.findall(plain))


def about_other_substance(text: str, plan: Plan) -> bool:
    """Whether a sentence is about another substance than the one(s) the question names."""
    asked = set(plan.entities.substances)
    return bool(asked) and any(
        rx.search(text) for k, rx in _OTHER_SUBSTANCES.items() if k not in asked
    )


def said(question: str) -> set[str]:
    """The words of the question itself (as the composer reads them), not what the planner
    added to the search ("(cns depressants)")."""
    return {SAME_WORD.get(t, t) for t in tokenize(question)}


@lru_cache(maxsize=2048)
def place_words(text: str) -> frozenset[str]:
    """The words of the countries a sentence names in any form ("the Australian product
    information" covers "in Australia")."""
    return frozenset(tokenize(" ".join(find_countries(text))))


_WHO_DRINKS = re.compile(
    r"\b(?:use disorders?|dependen(?:ce|t)|addict(?:ion|ed)|problems?)\b"
    r"|\b(?:heavy|high-risk|problem) (?:drinkers?|drinking|users?)\b"
)


def setting_words(question: str, ents: Entities) -> frozenset[str]:
    """The question's words that set the scene rather than ask: how it names the places,
    substances and conditions the planner found (``ents``), and its years. "Is baclofen approved
    for alcohol dependence in the UK?" asks about approval; a line on a UK cohort of drinkers
    shares only the scene."""
    t = norm(question)
    said = [JURISDICTION_RX[k] for k in ents.jurisdictions if k in JURISDICTION_RX]
    said += [SUBSTANCE_RX[k] for k in ents.substances if k in SUBSTANCE_RX]
    spans = [m.group(0) for rx in said for m in rx.finditer(t)]
    try:
        table = {c.key: c for c in ci.load_table()}
    except ci.ContraindicationError:
        table = {}
    for cond in (table[k] for k in ents.conditions if k in table):
        spans += [a for a in cond.aliases if re.search(rf"\b{re.escape(a.lower())}\b", t)]
    spans += re.findall(r"\b(?:19|20)\d\d\b", t) + _WHO_DRINKS.findall(t)
    return frozenset(tokenize(" ".join(spans)))


def _gives(c: Candidate, gives: re.Pattern[str], background: bool) -> bool:
    return bool(gives.search(c.text)) or (background and getattr(c, "background", False))


def _promote(pool: list, lead: Candidate | None) -> bool:
    if lead is None or lead is pool[0]:
        return False
    pool.remove(lead)
    pool.insert(0, lead)
    return True


# A question word this rare in the library names what is asked ("in the CSF", "after twelve
# months"), not how it is asked.
QUALIFIER_IDF = 4.0
# words naming what kind of answer is wanted ("the withdrawal symptoms?": a list of them), not
# a qualifier of it
_ANSWER_KINDS = frozenset({"sign", "reaction", "effect", "problem"})


_HARMS = ("withdrawal", "overdose", "adverse_effects", "interaction")


def _qualifier_first(
    pool: list,
    plan: Plan,
    topic: set[str],
    idf: Callable[[str], float],
    cover: Callable[[Candidate], float],
) -> None:
    """The best sentence leaves out a rare word of the question that a nearly as relevant one
    gives, and that one covers more of the question: it goes first ("how long does it take
    levels in the CSF to halve?": the CSF half-life, not the plasma one)."""
    top = pool[0].score
    # what the intent asks ("what could happen if the pump runs empty before the refill?": the
    # withdrawal it causes) is not given up for a word of the story
    cue = INTENT_WORDS.get(plan.intent) if plan.intent in _HARMS else None
    cued = bool(cue and cue.search(pool[0].text))
    rare = {t for t in topic if idf(t) >= QUALIFIER_IDF} - _ANSWER_KINDS
    first = pool[0].tokens | place_words(pool[0].text)
    # a compound is kept by its root ("haemodialysis": a sentence on dialysis names it)
    missing = {t for t in rare - first if not any(len(f) >= 6 and t.endswith(f) for f in first)}
    kept = rare & first
    if not missing or len(rare) > 5:  # many rare words: a story, not a qualifier
        return
    lead = max(
        (
            c
            for c in pool[1:8]
            if c.score >= 0.78 * top
            and missing & c.tokens
            and kept <= c.tokens | place_words(c.text)  # adds a qualifier, dropping none
            and not UNCHECKED.search(c.text)  # how a figure was checked is no answer
            and not is_design_only(c.text)
            and not about_other_substance(c.text, plan)  # "quit cannabis": not a smoking trial
            # "on it for a spinal cord injury, runs out of tablets": not the pump's warning
            and not (PUMP.search(c.text) and not PUMP.search(plan.english or plan.question))
            # "the withdrawal symptoms?": not a newborn's withdrawal signs
            and not (PREGNANCY.search(c.text) and not mentions_pregnancy(plan.searched))
            and cover(c) >= cover(pool[0]) + 0.05
            and not (cued and not cue.search(c.text))  # type: ignore[union-attr]
        ),
        key=lambda c: (cover(c), c.score),
        default=None,
    )
    _promote(pool, lead)


def put_answer_first(
    pool: list,
    plan: Plan,
    question: str,
    topic: set[str],
    idf: Callable[[str], float],
    known: frozenset[str] | None = None,
) -> bool:
    """Reorder ``pool`` (candidates, best first) so that its first sentence fills the question's
    slot when the best one does not and another nearly as relevant does. True when a "who?"
    question's person is now named first (nothing else is then asked)."""
    if not pool:
        return False
    top = pool[0].score
    weight = sum(idf(t) for t in topic) or 1.0

    def cover(c: Candidate) -> float:
        return sum(idf(t) for t in topic & (c.tokens | place_words(c.text))) / weight

    # a word no source uses ("michael j fox") cannot pick a sentence
    asked = topic & said(question)
    _qualifier_first(pool, plan, asked & known if known else asked, idf, cover)
    top = pool[0].score
    if _HOW_IT_WORKS.search(question) and not _HOW_IT_ACTS.search(pool[0].text):
        # "how does baclofen work?": the receptor it acts on, before what animals did on it
        acts = next(
            (c for c in pool[1:6] if c.score >= 0.7 * top and _HOW_IT_ACTS.search(c.text)), None
        )
        if _promote(pool, acts):
            return False
    maker = maker_asked(question)
    if maker:  # "which company first made it?": the maker (the first one: who synthesised it)
        makers = [c for c in pool[:9] if c.score >= 0.75 * top and maker.search(c.text)]
        if re.search(r"\b(?:first|originally|original|invented|developed)\b", question, re.I):
            makers.sort(key=lambda c: not re.search(r"\bsynthesi[sz]", c.text))
        if makers and makers[0] is not pool[0]:
            _promote(pool, makers[0])
            return False
    if asks_signs(question) and signs_listed(pool[0].text) < 3:
        # the sentence listing the signs (most of the question's words, then most signs)
        fits = [c for c in pool[1:10] if c.score >= 0.6 * top and signs_listed(c.text) >= 3]
        _promote(
            pool, max(fits, key=lambda c: (cover(c), signs_listed(c.text), c.score), default=None)
        )
        return False
    # ("by how much should it be cut?" asks a share of the dose, before any other figure)
    if _ASKS_ADJUSTMENT.search(question):
        # "how should the dose be adjusted in kidney disease?": by how much, where a source says
        if not _AMOUNT.search(pool[0].text):
            lead = next(
                (c for c in pool[1:6] if c.score >= 0.85 * top and _AMOUNT.search(c.text)), None
            )
            _promote(pool, lead)
        return False
    years = set(_YEAR.findall(question))
    if years and _WHAT_HAPPENED.search(question) and not years & set(_YEAR.findall(pool[0].text)):
        # "what happened to the cap in 2021?": the sentence telling that year's event
        dated = [
            c for c in pool[1:6] if c.score >= 0.8 * top and years & set(_YEAR.findall(c.text))
        ]
        _promote(pool, dated[0] if dated else None)
        return False
    if NUMBER_QUESTION.search(question):  # a number about what was asked
        asks_year = bool(_ASKS_YEAR.search(question))

        asks_share = bool(_ASKS_SHARE.search(question))
        asks_count = bool(_ASKS_COUNT.search(question))

        def figures(c: Candidate) -> bool:  # a year is the figure "in what year?" asks for
            if asks_share:  # "what percentage ...?": a share, not a half-life
                return bool(_SHARE.search(c.text))
            if asks_year:
                return bool(c.numbers) or bool(_YEAR.search(c.text))
            return bool(c.numbers) or (asks_count and bool(_COUNT_WORD.search(c.text)))

        numbered = [c for c in pool[:6] if figures(c) and c.score >= 0.8 * top]
        # what the question names in capitals ("when did ANSM grant the RTU?") is what it is
        # about: it weighs twice, its verb once
        named = topic & {SAME_WORD.get(t, t) for t in tokenize(" ".join(_NAMED.findall(question)))}

        # (only when the date is all that is asked: a second part keeps the sentence answering it)
        dated_act = (
            asks_year
            and bool(_ASKS_APPROVAL.search(question))
            and not _SECOND_PART.search(question)
        )

        def fit(c: Candidate) -> float:
            act = 1.0 if dated_act and _DATED_APPROVAL.search(c.text) else 0.0
            return act + cover(c) + sum(idf(t) for t in named & c.tokens) / weight

        lead = max(numbered, key=lambda c: (fit(c), c.score), default=None)
        if lead is not None and (
            (not figures(pool[0]) and cover(lead) > 0)  # a figure about something asked
            # the approval's own date, where the first sentence dates something else
            or (dated_act and fit(lead) >= 1.0 > fit(pool[0]) - cover(pool[0]) and cover(lead) > 0)
            # covers more of the question, and all that the first sentence covered
            or (
                cover(lead) >= cover(pool[0]) + 0.15
                and topic & pool[0].tokens <= lead.tokens | place_words(lead.text)
            )
        ):
            _promote(pool, lead)
        return False
    # "why did they pick out drinkers with a mental illness?": a study's background is its reason
    why_done = bool(ASKS_WHY_DONE.search(question))
    for asks, gives, upto, near in _KIND_SLOTS:
        if gives is _REASON and _DECISION.search(question):
            gives = _REASON_OR_AFTER
        told = why_done and asks is _ASKS_REASON  # (its background sentences give it)
        if asks.search(question) and not _gives(pool[0], gives, told):
            # the kind of sentence asked for, when a nearly as relevant one gives it: an onset
            # ("how soon ...?"), a use ("what is the pump for?", the pump's own), an exception
            # ("is it ever acceptable ...?"), a starting dose
            fits = [
                c
                for c in pool[1:upto]
                if c.score >= near * top
                and _gives(c, gives, told)
                and (PUMP.search(c.text) or not PUMP.search(question) or gives is not _PURPOSE)
            ]
            # a reason for what was asked ("annul ... in March 2021"), not for an event of
            # another year ("suspended ... in June 2020")
            if asks is _ASKS_REASON and (years := set(_YEAR.findall(question))):
                fits = [c for c in fits if set(_YEAR.findall(c.text)) <= years]
            _promote(pool, fits[0] if fits else None)
            return False
    if _ASKS_PREVENTION.search(question):
        if _PREVENTS.search(pool[0].text):
            return False  # (how it is prevented is first already: not the way to stop it)
        # "the nurse says he could get ill if it stops: what can we do?": how it is prevented
        lead = next(
            (
                c
                for c in pool[1:12]
                if c.score >= 0.6 * top and _PREVENTS.search(c.text) and topic & c.tokens
            ),
            None,
        )
        _promote(pool, lead)
        return False
    if _ASKS_TREATMENT.search(question) and not _CARE.search(pool[0].text):
        # what was given is the answer even when a sentence saying that it happens is closer: a
        # sentence naming the care first ("no antidote: supportive care ..."), else what was done
        # (the care for a poisoning needs no word of "what do they do in hospital?")
        harm = plan.intent in ("overdose", "withdrawal")
        near = [
            c
            for c in pool[1:12]
            if c.score >= 0.6 * top and (topic & c.tokens or harm and _CARE.search(c.text))
        ]
        if not _TREATED.search(pool[0].text) or any(_CARE.search(c.text) for c in near):
            lead = next((c for c in near if _CARE.search(c.text)), None) or next(
                (c for c in near if _TREATED.search(c.text)), None
            )
            _promote(pool, lead)
        return False
    if (
        _ASKS_HOW.search(question)
        and _STOPPING.search(question)
        and not _GRADUAL.search(pool[0].text)
    ):
        # "how should it be tapered?", "wants to come off it: how?": the way down, not the way up
        lead = next(
            (c for c in pool[1:8] if c.score >= 0.55 * top and _GRADUAL.search(c.text)), None
        )
        return _promote(pool, lead)  # (the way down given, nothing else is asked)
    if _ASKS_DANGER.match(question) and not _HARM.search(pool[0].text):
        # "is intrathecal withdrawal dangerous?": what harm it does, not how it is prevented
        lead = next((c for c in pool[1:6] if c.score >= 0.85 * top and _HARM.search(c.text)), None)
        _promote(pool, lead)
        return False
    if ASKS_WHO.match(question):  # "who first made it?": the answer names a person or a body
        if names_person(pool[0].text, idf) or _ORGANISATION.search(pool[0].text):
            return True
        lead = next(
            (
                c
                for c in pool[1:10]
                if c.score >= 0.65 * top
                and (names_person(c.text, idf) or _ORGANISATION.search(c.text))
            ),
            None,
        )
        return _promote(pool, lead)
    if plan.intent in RESULT_INTENTS and ASKS_EFFECT.search(question):
        # "does it help ...?": a result against a comparison, not a safety remark or the reason
        # the study was run, when one is nearly as relevant (and about the substance asked)
        if COMPARED_RESULT.search(pool[0].text):
            return False
        lead = next(
            (
                c
                for c in pool[1:6]
                if c.score >= 0.85 * top
                and c.numbers
                and COMPARED_RESULT.search(c.text)
                and not about_other_substance(c.text, plan)
            ),
            None,
        )
        _promote(pool, lead)
    return False
