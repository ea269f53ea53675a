"""A detail asked of one study (its side effects, dropouts, craving, deaths, results by sex,
doses reached, how treatment ended, the trials a review pooled, who took part, the people behind
one pooled outcome): how a question asks for it, the words of the sentences that state it, and the
study's own sentences that do (:func:`cited_sentence`). Used by :mod:`.study` and
:mod:`.study_fields`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.answering.check.contrasts import digits
from assistant.answering.compose.extractive import (
    QUESTION_WORDS,
    Citations,
    Composition,
    Evidence,
    ExtractiveComposer,
    Sentence,
    same_fact,
)
from assistant.answering.compose.sentence_kinds import COUNT_FIGURE, SAME_WORD, is_design_only
from assistant.answering.question import asked as asking
from assistant.answering.question.entities import find_other_medicines
from assistant.answering.routes.study_asks import ASKS_WHO
from assistant.answering.routes.synthesis import study_name
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import ROUTE_TRIAL

# "how many trials did the meta-analysis pool?" (not "how many trials had at least 100
# people?", a count of some of them, nor a question with a second part)
ASKS_TRIAL_COUNT = (
    r"\bhow many (?:\w+ )?(?:trials|studies|rcts) (?:did|does|do|were|was|are|in)\b(?!.*\band\b)"
)
# A detail asked about a study, the words of the sentences that state it, and how to name the
# detail when the study's sources do not give it.
DETAILS: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...] = tuple(
    (re.compile(q, re.I), re.compile(a, re.I), name)
    for q, a, name in (
        (
            r"\b(?:side.?effects?|adverse|safety|tolerat\w*|harms?)\b",  # (not "pharmacokinetic")
            r"adverse|side.?effects?|safety|tolerat\w*|drows\w*|sedat\w*|fatigue|somnolen\w*|serious",
            "side-effect figures",
        ),
        (
            r"drop(?:ped)? ?out|stopped (?:treatment|taking)|withdrew|quit the|still (?:in|taking part"
            r"|enrolled|participating)|completed|retention|stay\w* in the (?:study|trial)",
            r"drop(?:ped)? ?out|dropout|discontinu\w*|withdr[ae]w(?!al)\w*|completed|retention"
            r"|remained in|lost to|stopped (?:early|treatment|taking|baclofen)|left the (?:study|trial)"
            r"|did not (?:complete|finish)|non.?completers?",
            "dropout figures",
        ),
        (r"\bcrav\w*|\burges?\b", r"crav\w*|urges?|ocds|obsessive compulsive", "craving results"),
        (  # "did some of the patients die?"
            r"\b(?:did|do|were|was|has|have|had) (?:[\w-]+ ){0,5}?(?<!who )(?:die|died|dead)\b"
            r"|\b(?:any|some|more|fewer) deaths\b",
            r"\b(?:die|died|deaths?|dead|fatal\w*|mortality)\b",
            "deaths",
        ),
        (  # (not "what percentage were men?": who took part, asked of the participants)
            r"^(?!.*\b(?:percentage|proportion|share|fraction|how many|number|per ?cent|most|majority"
            r")\b[^?]*"
            r"\b(?:wom[ae]n|men|male|female)\b).*?(?:women|\bmen\b(?! like\b)|\bsex\b|gender)",
            r"\bwomen\b|\bmen\b|\bsex\b|gender|female|male",
            "results by sex",
        ),
        (
            # (not "on the higher dose, how many fewer ...?": a dose the question is about)
            r"(?<!\bon the )(?<!\bat the )(?<!\bwith the )(?<!\bin the )(?:higher|lower) dose"
            r"|dose.?response|top dose|highest dose|target dose"
            # (not "died before reaching hospital")
            r"|\b(?:reach|achiev)(?:e|es|ed|ing|ement|ements)?\b(?! (?:the |a |an )?(?:hospital|doctor|emergency|ward|icu"
            r"|intensive|care|medical))|\bgot (?:up )?to \d+",
            r"\bdoses?\b.*\b(?:than|versus|vs|reached|achieved|titrat\w*)|\b(?:reached|achieved)\b",
            "figures on the doses reached",
        ),
        (
            r"how was .* stopped|taper\w*|at the end|stopping|wound down|wind(?:ing)? down",
            r"taper\w*|gradual\w*|step(?:ped|wise)? down|dose reduction"
            r"|\b(?:lowered|reduced|cut) by \d+ ?%",
            "account of how treatment was stopped",
        ),
        (  # "how many trials did the meta-analysis pool?" of a review that does not say
            ASKS_TRIAL_COUNT,
            r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty[\w-]*)"
            r" (?:\w+ ){0,2}(?:trials|studies|rcts)\b",
            "count of the trials it pooled",
        ),
        (
            # (not "in how many patients was the amount unknown?": people counted by a finding)
            r"how many (?:\w+ )?(?:people|patients|participants|volunteers)(?! (?:was|were|had)"
            r" (?!(?:in|enrolled|included|randomi[sz]ed|recruited|studied|there|given|sent|screened"
            r"|assigned|allocated|referred|treated|put|started|followed|asked|approached)\b)\w+"
            r"| the \w+(?: \w+)? (?:was|were) \w+)"
            r"|number of volunteers|(?:each|per|every) (?:arm|group)"
            # ("how long did participants get each dose?" asks a span, not who took part)
            r"|^(?!.*\b(?:age|ages|aged|old|percentage|proportion|share|how long|how often|how much"
            r"|when|why)\b).*\bparticipants\b",
            r"\b\d+\b.*\b(?:volunteers|participants|patients|people|adults|men|women)\b"
            r"|\b\d+ (?:to|on|in|received|were given) (?:the )?(?:baclofen|placebo)\b",
            "participant numbers",
        ),
    )
)


_DESCRIPTOR = re.compile(r"\s*(?:review|study|trial|paper|series|analysis|report)\b", re.I)
# a sentence that states a comparison's result ("reduced drinking more than 30 mg/day, p=0.02")
_COMPARED = re.compile(r"\b(?:more|less|better|worse) than\b|\bno better\b|\bp ?[=<]", re.I)
_REACHED = re.compile(
    r"\b\d+ (?:of|out of) (?:the )?\d+\b[^.]*\b(?:reached|achieved)\b|\bmean (?:daily )?dose\b",
    re.I,
)


GIVES_NONE = re.compile(
    r"\b(?:gives?|reports?|provides?) no\b|\bno (?:\S+ ){0,2}(?:figures|data|results) (?:were|are|was)"
    r" (?:reported|given|published)\b|\bnot reported\b|\bdoes not report\b",
    re.I,
)


# the arm that did not take baclofen, in a question or a sentence
_OTHER_ARM = re.compile(
    r"\b(?:comparison|control|placebo) (?:group|arm|patients|cases|population)\b|\bwithout baclofen"
    r"|\bon placebo\b|\bother (?:deliberate )?(?:self-poisonings|substances|poisonings|overdoses)\b",
    re.I,
)


def asked_detail(own: Evidence, counts: bool = True) -> tuple[str, list] | None:
    """For a question about one detail of a study (its side effects, dropouts, craving, doses
    reached, how it ended): the detail's name and the study's own sentences that state it, best
    first (none when its sources do not give it); None when no such detail is asked. A question
    counting people ("how many dropped out?") takes only sentences with a count, unless
    ``counts`` is false (what the study says of it otherwise)."""
    q = own.plan.english or own.plan.question
    q = asking.last_question(q)  # a story, then the question: the question says which detail
    if ASKS_WHO.search(q) or re.match(r"\s*(?:and\s+)?(?:why|how come)\b", q, re.I):
        # "who wrote the safety review?" asks for people, "why might they differ?" a reason
        return None
    # "how many dropped out because of side effects?": people counted, so the detail named first
    # is the one counted, and a sentence with no count does not answer it
    count = counts and bool(asking.ASKS_PEOPLE_COUNT.search(q))
    found = [
        (m, d) for d in DETAILS if (m := d[0].search(q)) and not _DESCRIPTOR.match(q[m.end() :])
    ]
    if count:
        # ("how many people dropped out": the people are who is counted, not what is asked)
        found.sort(key=lambda md: (md[1][2] == "participant numbers", md[0].start()))
    for _, (_, states, name) in found:
        counted_here = count and name not in (
            "participant numbers",
            "count of the trials it pooled",
        )
        # (design sentences count here: "62% completed" is what a dropout question asks)
        focused = replace(own, plan=replace(own.plan, searched=q, intent="general", aspects=[]))
        cands = [
            c
            for c in ExtractiveComposer().candidates(focused)
            if states.search(c.text) and not (counted_here and not COUNT_FIGURE.search(c.text))
        ]
        reach = re.search(r"\b(?:top|target|highest|maximum|full) dose\b|\breach\w*", q, re.I)
        compares = re.search(r"\b(?:better|more|less|worse|higher|lower)\b", q, re.I)
        other_arm = _OTHER_ARM.search(q)  # "in the comparison group": not the baclofen arm
        # a figure the question gives ("how many trials had at least 100 participants?"): the
        # sentence saying it
        given = set(re.findall(r"(?<![\d.,])\d+(?![\d.,]*\d)", q))
        given = {n for n in given if not re.fullmatch(r"(?:19|20)\d\d", n)}
        cands.sort(
            key=lambda c: (
                -(
                    c.score
                    + (0.1 if reach and _REACHED.search(c.text) else 0)
                    + (0.1 if compares and _COMPARED.search(c.text) else 0)
                    + (0.15 if given & set(re.findall(r"\d+", c.text)) else 0)
                    + (0.15 if other_arm and _OTHER_ARM.search(c.text) else 0)
                )
            )
        )
        picked = cands[:1]
        # what is asked, not the names that say which study ("Ameisen", "ALPADIR")
        asked = set(tokenize(re.sub(r"(?<=\w )[A-Z][\w'-]+", " ", q))) - QUESTION_WORDS
        idf = own.store.idf
        # a second sentence only when it adds a figure or specific words (never after one
        # saying the sources give no such figures: the headline is not what was asked)
        says_none = bool(picked and GIVES_NONE.search(picked[0].text))
        # "how many completed?": the figure given, nothing more is asked
        counted = bool(picked and picked[0].numbers and asking.QUANTITY.search(q))
        for c in cands[1:2] if not (says_none or counted) else ():
            adds = (
                (c.numbers - picked[0].numbers if not picked[0].numbers else set())
                or (asked & c.tokens) - picked[0].tokens
                or {m.lower() for m in states.findall(c.text)}
                - {m.lower() for m in states.findall(picked[0].text)}
            )
            specific = {t for t in c.tokens - picked[0].tokens if idf(t) >= 2.5}
            if not same_fact(picked[0], c, idf):
                if adds:
                    picked.append(c)
            elif (
                not picked[0].numbers
                and len(picked[0].tokens & c.tokens) >= 0.8 * len(picked[0].tokens)
                and len(specific) >= 4
            ):
                picked = [c]  # a lead-in, and the same statement with its particulars: say that
        return name, picked
    return None


def states_anywhere(store: object, record: RecordInfo, detail: str, count: bool = False) -> bool:
    """Whether any sentence of the record, in any section, states the detail (with a count of
    people when one is asked): "Not reported" is said only when none does."""
    states = next(a for _, a, name in DETAILS if name == detail)
    return any(
        states.search(sentence) and not (count and not COUNT_FIGURE.search(sentence))
        for pos in store.record_positions(record.id)  # type: ignore[attr-defined]
        for sentence in re.split(r"(?<=[.!?])\s+", store.texts[pos])  # type: ignore[attr-defined]
    )


# "(8 trials, 1244 patients; ...)": one outcome's pooled trials and people
_OUTCOME_SIZE = re.compile(
    r"\b\d+ (?:trials|studies)\b[^.;)]*?\b[\d,]+ (?:patients|participants)\b"
)
# words of a size question that do not name an outcome
_SIZE_WORDS = set(
    tokenize(
        "how many number patients participants people trials studies meta analysis review "
        "include included based base estimate pooled pool did its their count total"
    )
)


def outcome_size(own: Evidence, record: RecordInfo) -> Composition | None:
    """ "On how many patients was its abstinence estimate based?": the pooled study's sentence
    giving that outcome's trials and people, when the question names an outcome one of them
    shares words with (None for a plain "how many patients did it pool?")."""
    q = own.plan.english or own.plan.question
    named = set(tokenize(f"{record.short_cite or ''} {record.year or ''} {record.id}"))
    asked = set(tokenize(q)) - _SIZE_WORDS - named - QUESTION_WORDS
    scored = [
        (len(asked & set(tokenize(sentence))), pos, start, sentence)
        for pos, start, sentence, _ in asking.whole_sentences(own.store, record)
        if _OUTCOME_SIZE.search(sentence)
    ]
    best = max(scored, default=None, key=lambda s: s[0])
    if best is None or best[0] == 0 or sum(s[0] == best[0] for s in scored) > 1:
        return None
    return _cited(own, *best[1:])


def sentence_says(pattern: re.Pattern[str], sentence: str) -> bool:
    """Whether ``sentence`` says what ``pattern`` finds, a figure also when written in words."""
    return bool(pattern.search(sentence) or pattern.search(digits(sentence)))


def cited_sentence(
    ev: Evidence, record: RecordInfo, says: re.Pattern[str], first: str | None = None
) -> Composition | None:
    """``first`` (without it, the sentence itself) cited to the study's first sentence that
    ``says`` finds: where its cases came from, how many were in each arm, how long it lasted;
    None when no sentence of it says so."""
    for pos, start, sentence, _ in asking.whole_sentences(ev.store, record):
        if sentence_says(says, sentence):
            return _cited(ev, pos, start, sentence, first)
    return None


def cited_sentences(
    ev: Evidence, record: RecordInfo, keep: re.Pattern[str] | Callable[[str], bool], most: int = 2
) -> Composition | None:
    """The study's first ``most`` sentences ``keep`` accepts (a pattern: the sentences that say
    it), each cited ("New users at 20 mg or more were compared with ... A second comparison used
    ..."); None when it accepts none."""
    accepts = (lambda s: sentence_says(keep, s)) if isinstance(keep, re.Pattern) else keep
    cites, lines = Citations(), []
    for pos, start, sentence, _ in asking.whole_sentences(ev.store, record):
        if len(lines) < most and accepts(sentence):
            n = cites.add(ev.store.context(pos, score=1.0), sentence, start)
            lines.append(f"{sentence} [{n}]")
    return Composition(" ".join(lines), False, cites.items, ROUTE_TRIAL) if lines else None


# "besides baclofen, which medicines beat placebo on abstinence?": the others the study names
ASKS_OTHER_MEDICINES = re.compile(
    r"\b(?:besides|apart from|other than|aside from|as well as) baclofen\b[^?]*\b(?:which|what)"
    r" (?:other )?(?:medicines|medications|drugs|treatments)\b|\b(?:which|what) other (?:medicines"
    r"|medications|drugs|treatments)\b",
    re.I,
)


def other_medicines(ev: Evidence, record: RecordInfo, question: str) -> Composition | None:
    """The study's sentences naming other medicines on what the question asks ("... total
    abstinence ..."), up to two; None when the question asks no such thing or none says it."""
    if not ASKS_OTHER_MEDICINES.search(question):
        return None
    asked = set(tokenize(question)) - QUESTION_WORDS - set(tokenize("baclofen placebo medicines"))
    return cited_sentences(
        ev,
        record,
        lambda s: len(find_other_medicines(s)) >= 2 and bool(asked & set(tokenize(s))),
    )


# the women or the men of a study ("how many extra dry days did the women on the weaker strength
# get?"): the study's sentence on that group, when its headline does not name it


def sex_subgroup(ev: Evidence, record: RecordInfo, question: str) -> Composition | None:
    """The study's sentence giving figures for the sex the question asks about, sharing a word of
    what it asks; None when it asks of no sex, the headline names it, or no sentence does."""
    # ("female", "man": the composer's one word for each sex)
    asked = {SAME_WORD.get(t, t) for t in tokenize(question)} & {"women", "men"}
    if len(asked) != 1:
        return None
    sex = next(iter(asked))
    described = f"{record.key_result} {record.population} {record.title}".lower()
    if re.search(rf"\b{sex}\b", described) or re.search(r"\bsex(?:es)?\b|\bgender", question, re.I):
        return None  # (a study of men only, or the sexes compared: not one group's figure)
    group = re.compile(rf"\b{sex}\b", re.I)
    wanted = set(tokenize(question)) - QUESTION_WORDS - set(tokenize("women men baclofen placebo"))
    found = [
        (len(wanted & set(tokenize(text))), len(re.findall(r"\d+", text)), pos, start, text)
        for pos, start, text, _ in asking.whole_sentences(ev.store, record)
        if group.search(text) and re.search(r"\d", text)
    ]
    best = max(found, default=None, key=lambda f: (f[0] > 0, f[1], f[0]))  # (the most figures)
    return _cited(ev, *best[2:]) if best and best[0] else None


def _cited(
    ev: Evidence, pos: int, start: int, sentence: str, first: str | None = None
) -> Composition:
    """``first`` (without it, the sentence itself) cited to the sentence at ``start`` of chunk
    ``pos``."""
    cites = Citations()
    n = cites.add(ev.store.context(pos, score=1.0), sentence, start)
    text = f"{first[0].upper()}{first[1:]} [{n}]." if first else f"{sentence} [{n}]"
    return Composition(text, False, cites.items, ROUTE_TRIAL)


def _phrases(text: str, n: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z]+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def named_outcome(own: Evidence, question: str, record: RecordInfo) -> Sentence | None:
    """The study's sentence giving a figure for an outcome the question names in three or more
    of its words ("did it reduce drinks per drinking day?") that the headline result does not
    name; None when there is none."""
    described = f"{record.key_result} {record.title} {record.population} {record.design}"
    named = _phrases(question) - _phrases(described)
    plain = (
        _NOT_AN_OUTCOME | QUESTION_WORDS | set(re.findall(r"[a-z]+", study_name(record).lower()))
    )
    named = {p for p in named if not plain & set(p)}
    if not named:
        return None
    hits = [
        (len(_phrases(s.text) & named), s.score, s)
        for s in ExtractiveComposer(max_sentences=1).candidates(own)
        if s.numbers and _phrases(s.text) & named and not is_design_only(s.text)
    ]
    return max(hits, key=lambda h: h[:2])[2] if hits else None


# words of a question that name no outcome ("did baclofen significantly reduce ... in the review")
_NOT_AN_OUTCOME = frozenset(
    re.findall(
        r"\w+",
        "baclofen placebo significantly significant reduce reduced reduces cut lower lowered raise "
        "raised increase increased improve improved change changed review trial study meta analysis "
        "the a an in of on for with by to at did does do was were is are it its their they",
    )
)


# "was there anything it did beat the dummy pills on?", "any group in it that did better on the
# drug?": a positive finding beside the headline (a secondary outcome, a subgroup)
ASKS_ANY_GAIN = re.compile(
    r"\b(?:anything|any (?:\w+ )?(?:outcomes?|measures?|(?:sub)?groups?|patients|people|one|benefit"
    r"|signs?|hint|good news|positives?)|anyone|anybody)\b[^?]{0,60}?\b(?:beat|better|improv\w*"
    r"|benefit\w*|help\w*|respond\w*|gain\w*)\b",
    re.I,
)
_GAIN = re.compile(
    r"\b(?:significantly (?:more|less|fewer|lower|higher|greater|better|reduc\w*|decreas\w*|improv\w*"
    r"|increas\w*|delay\w*)|(?:reduced|lowered|improved|increased|decreased|prolonged|delayed)\b"
    r"[^.;]{0,80}\bmore than (?:on )?placebo|better than placebo"
    # "delayed both lapse and relapse compared with placebo (p<0.05)"
    r"|(?:reduc|lower|improv|increas|decreas|prolong|delay|lengthen)\w*\b[^.;]{0,120}\bplacebo\b"
    r"[^.;]{0,40}\(p ?(?:< ?0\.0[0-5]|= ?0\.0[0-4]))",
    re.I,
)
_NOT_GAIN = re.compile(r"\b(?:no|not|neither|nor|did not|failed)\b[^.;]{0,30}\bsignifican", re.I)
_SUBGROUP = re.compile(
    r"\b(?:post.?hoc|sub-?group|limited to|among|in those with|participants with)\b"
)


def positive_finding(ev: Evidence, record: RecordInfo, question: str) -> Composition | None:
    """ "Yes: ..." with the study's sentence reporting a gain on baclofen beside its headline (a
    secondary outcome, or a subgroup when a group is asked); None when nothing of the kind is
    asked or the study reports none."""
    if not ASKS_ANY_GAIN.search(question):
        return None
    group = bool(re.search(r"\b(?:sub)?groups?\b|\bpatients\b|\bpeople\b|\banyone\b", question))
    found = [
        (bool(_SUBGROUP.search(text)) == group, pos, start, text)
        for pos, start, text, _ in asking.whole_sentences(ev.store, record)
        if _GAIN.search(text) and not _NOT_GAIN.search(text) and not is_design_only(text)
    ]
    best = max(found, default=None, key=lambda f: f[0])  # (the first of the best kind)
    if best is None or (group and not best[0]):
        return None
    text = best[3]
    return _cited(ev, best[1], best[2], text, f"yes: {text[:1].lower()}{text[1:].rstrip('.')}")
