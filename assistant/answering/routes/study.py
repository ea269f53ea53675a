"""One study asked about: "what did ALPADIR find?", "how many people were in it?", "was it
placebo-controlled?", "what dose did they use?". The result comes from the record's structured
fields with its own sentence cited; a question about another detail is answered from that
record's text alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from assistant.answering.compose.extractive import (
    QUESTION_WORDS,
    Citations,
    Composition,
    Evidence,
    ExtractiveComposer,
    numbers_of,
    render,
)
from assistant.answering.compose.lead import with_verdict
from assistant.answering.compose.sentence_kinds import (
    APPLIES_TO,
    ASKS_LIMITATION,
    COVERS,
    LIMITATION,
    SAME_WORD,
)
from assistant.answering.question import asked as asking
from assistant.answering.question.entities import find_countries
from assistant.answering.routes import detail as details
from assistant.answering.routes import sections, two_part
from assistant.answering.routes.asked_details import (
    ASKS_TRIAL_COUNT,
    DETAILS,
    GIVES_NONE,
    asked_detail,
    named_outcome,
    other_medicines,
    positive_finding,
    sex_subgroup,
    states_anywhere,
)
from assistant.answering.routes.study_asks import asks_field
from assistant.answering.routes.study_fields import study_fact
from assistant.answering.routes.study_kinds import answered_as_kind
from assistant.answering.routes.synthesis import (
    RESULT_PHRASE,
    cite_study,
    join,
    lower,
    result_quote,
    study_name,
    table_row,
)
from assistant.answering.routes.trial_lists import later_trials
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import POOLED_EVIDENCE, ROUTE_TRIAL

# "What did X find?": the study's bottom line. Anything more specific is answered from its text.
# words asking for a study's result ("what did it find?", "did it work?")
_RESULT_WORDS = (
    r"find|findings?|found|show|showed|shown|result|results|conclu\w*|work|worked|works|effective|efficacy"
    r"|positive|negative|benefit|help|helped|succe\w*|unsuccess\w*|fail\w*|what happened|beat"
    r"|outperform\w*|where did (?:baclofen|it) (?:come|rank|land|place)"  # (its place in a ranking)
)
GENERIC_RESULT = re.compile(
    rf"\b(?:{_RESULT_WORDS}|outcome|outcomes|summar\w*|about|tell me|was it|describe\w*|report\w*"
    r"|look at|cover\w*|how (?:did|do) .* (?:do|fare)|how often|by how much)\b",
    re.I,
)
# Details a result line does not give: answered from the study's own sentences.
_SPECIFIC_DETAIL = re.compile(
    r"\b(?:dropped out|drop.?outs?|stopped treatment|withdrew|side effects?|adverse|tolerat\w*"
    r"|how was .* stopped|taper\w*|top dose|reached|funded|sponsor\w*|women and men|men and women"
    r"|in women|in men|sex differences?|by sex|gender|(?:did|were|was|the|among) (?:the )?(?:wom[ae]n|men)"
    r"|craving|higher dose|lower dose|which scales?|how long|completed|finished"
    # "in which patients should prescribers weigh it?", "were the cut-offs derived from a trial?"
    r"|should (?:prescribers|doctors|clinicians|physicians)|which patients|in whom|derived from"
    r"|effect size|cohen'?s d|confidence interval|standard errors?)\b"
    rf"|{ASKS_TRIAL_COUNT}",
    re.I,
)


def _figures_not_reported(question: str, record: RecordInfo, store: object) -> list[str]:
    """Percentages a question attributes to a study ("did it show 70% abstinence?") that the
    study's text never states."""
    asked = re.findall(r"(\d+(?:\.\d+)?) ?(?:%|percent)", question)
    if not asked:
        return []
    body = store.record_body(record.id) or ""  # type: ignore[attr-defined]
    body = re.sub(r"\A---\n.*?\n---\n", "", body, flags=re.S)  # the text, not its notes
    stated = set(re.findall(r"(\d+(?:\.\d+)?) ?(?:%|percent)", body))
    return [f"{a}%" for a in asked if a not in stated]


_NAMING = frozenset(
    tokenize(
        "study studies trial trials review reviews meta analysis cochrane pilot cohort series survey "
        "register registry randomised randomized controlled double blind placebo open label "
        "what did does do was were is are the a an of in on for with by from its their it they "
        "baclofen find found show showed shown report reported describe described tell about "
        "result results outcome outcomes conclude concluded happen happened beat arm arms much how "
        "by outperform outperformed doctors docs researchers scientists team investigators people "
        "patients"
    )
)


def _specific_words(
    question: str, record: RecordInfo, described: bool = True, follow_up: bool = False
) -> set[str]:
    """The question's words that neither name the study nor ask generically for its result."""
    names = " ".join(
        str(x or "")
        for x in (record.display_name, " ".join(record.trial_names), record.country, record.year,
                  record.surname)
    )  # fmt: skip
    # a follow-up that does not name the study does not describe it either ("when were they
    # seen again?": "follow-up" is asked, though its setting says "1-year follow-up")
    kept = follow_up and not set(tokenize(question)) & set(tokenize(names))
    naming = names if kept else f"{names} {record.setting or ''} {record.journal or ''}"
    # the words a question uses to describe the study ("the large French primary-care trial")
    known = set(tokenize(naming)) | (set(tokenize(record.profile)) if described else set())
    return set(tokenize(question)) - known - _NAMING - QUESTION_WORDS


# "what came out of / what did ... give / how did ... go": a result asked in other words
_ASKS_WHAT_HAPPENED = re.compile(
    r"\s*(?:and |so )?(?:what (?:did|does|do|came|happened|was the (?:result|outcome|upshot))"
    r"|how did)\b",
    re.I,
)
_DID_IT_CHANGE = re.compile(
    r"^\s*(?:did|does|was|were|is)\b(?!.*\b(?:trying|aiming|aimed|designed|meant|intended) to\b)"
    r".*\b(?:improv\w*|reduc\w*|increas\w*|lower\w*|rais\w*|cut"
    r"|help\w*|(?<!of )(?<!the )work\w*|delay\w*|prevent\w*|more (?:often|likely)"
    r"|less (?:often|likely))\b",
    re.I,
)


# "what did it find?", "did it work?", "what came of it?": its result asked (not "what does it
# cover?", a scope)
_RESULT_ASKED = re.compile(rf"\b(?:{_RESULT_WORDS}|benefit\w*|came of|come of|differen\w*)\b", re.I)


def _asks_result(question: str) -> bool:
    return bool(_RESULT_ASKED.search(question) or _DID_IT_CHANGE.match(question))


def _about_key_result(question: str, record: RecordInfo, store: object) -> bool:
    """Whether the question asks about what the study's key result states: enough of its
    specific words (IDF-weighted, leaving out the words that only identify the study) are in the
    key result."""
    if not record.key_result:
        return False
    idf = store.idf  # type: ignore[attr-defined]
    naming = f"{record.display_name} {record.country or ''} {record.setting or ''}"
    asked = set(tokenize(question)) - set(tokenize(naming))
    shared = asked & set(tokenize(record.key_result))
    if _DID_IT_CHANGE.match(question) and shared:
        return True  # "did ALPADIR improve abstinence?": whether its result moved that outcome
    return sum(idf(t) for t in shared if idf(t) >= 0.5) >= 3.5


# --------------------------------------------------------------------------- one study


# "and what was the figure on placebo?", "how big was that difference?": a figure of what the
# previous turn asked, named only by pointing back to it
_OF_WHAT_ASKED = re.compile(
    r"\b(?:the|that|this|those) (?:figures?|numbers?|values?|rates?|shares?|percentages?"
    r"|proportions?|differences?|gap|estimates?)\b(?! (?:of|for|in) (?!the (?:placebo|control|other)\b)\w)"
    r"|\b(?:that|this) one (?:(?:also|really|statistically) )?significant\b",
    re.I,
)


# "was that difference statistically significant?": a yes or no, read from the p value given
_ASKS_SIGNIFICANT = re.compile(
    r"^\s*(?:and |so |but )?(?:was|were|is|are|did)\b[^?]*\bsignifican(?:t|tly|ce)\b[^,;]*\?\s*$",
    re.I,
)
_P = re.compile(r"\bp ?([=<>≤]) ?(0?\.\d+)")


def trial_result(ev: Evidence, record: RecordInfo) -> Composition | None:
    """The study's answer (:func:`_study_answer`), led by "Yes:" or "No:" when the question asks
    whether a difference was significant and every p value the first line gives is on one side
    of 0.05."""
    if later := later_trials(ev, record):
        return later  # "did a bigger study ever back that up?": the later trials
    comp = _study_answer(ev, record)
    if comp is not None and not comp.abstained:
        comp = _asked_elsewhere(ev, record, comp) or comp
    question = ev.plan.english or ev.plan.question
    if comp is None or comp.abstained or not _ASKS_SIGNIFICANT.match(question):
        return comp
    first = comp.answer.split("\n")[0]
    if re.match(r"(?:- )?(?:yes|no|not|partly)\b", first, re.I):
        return comp
    ps = [(op, float(v)) for op, v in _P.findall(first)]
    low = [op in "<≤" and v <= 0.05 or op == "=" and v < 0.05 for op, v in ps]
    if not ps or (any(low) and not all(low)):
        return comp
    return replace(comp, answer=with_verdict("Yes" if all(low) else "No", comp.answer))


_WHY_DONE = re.compile(r"(?i)\s*(?:background|rationale|context|aims?|objectives?)\b")
# the study's headline from its fields ("X reported: ...", "X found a benefit: ...")
_HEADLINE = re.compile(
    r"^(?:No: )?[^:\n]{0,140}? (?:reported|found (?:a|no|mixed)[^:\n]{0,60}|pooled \d+ trials)\b"
)


def _asked_elsewhere(ev: Evidence, record: RecordInfo, comp: Composition) -> Composition | None:
    """A headline answer when the question asks about something the headline never names and
    one of the study's own sentences does ("what sort of other drugs?", "valid after repeated
    dosing?"): that sentence, the one naming most of what is asked (then nearest in meaning)."""
    first = comp.answer.split("\n")[0]
    if not _HEADLINE.match(first) or ev.encode is None:
        return None
    question = ev.plan.english or ev.plan.question
    clause = asking.asked_clause(question, record)
    if _asks_result(clause) or _ASKS_WHAT_HAPPENED.match(clause) or _HEADLINE_ASKED.search(clause):
        return None  # ("what did the trial show?", "its main finding?": its headline)
    idf = ev.store.idf
    words = _specific_words(clause, record, follow_up=ev.plan.follow_up)
    words = {t for t in {SAME_WORD.get(t, t) for t in words} - QUESTION_WORDS if idf(t) >= 2.0}
    if not words or words & {SAME_WORD.get(t, t) for t in tokenize(first)}:
        return None
    weight = sum(idf(t) for t in words)
    vec = ev.encode(clause)
    bar = float(ev.encode(re.sub(r"\s*\[\d+\]", "", first)) @ vec) + 0.03  # (nearer than it)
    best = None
    for pos, s, sentence, svec in asking.whole_sentences(ev.store, record):
        sim = float(svec @ vec)
        if _WHY_DONE.match(ev.store.metas[pos].section) or sim < bar:
            continue  # (why a study was done does not say what it found)
        toks = {SAME_WORD.get(t, t) for t in tokenize(sentence)}
        cover = sum(idf(t) for t in words & toks) / weight
        if cover >= 0.5 and (best is None or (cover, sim) > best[0]):
            best = ((cover, sim), pos, s, sentence)
    return details.cited(ev, best[1:]) if best else None


def _study_answer(ev: Evidence, record: RecordInfo) -> Composition | None:
    """ "What did ALPADIR find?": the study's result from its fields first, then what else the
    question asks, from the study's own text. A specific question about the study ("how many
    reached the top dose?") is answered from its text alone; a detail the answer's first
    sentence does not state ("which liver tests improved?") by the sentence that states it."""
    question = ev.plan.english or ev.plan.question
    if ev.plan.follow_up and ev.plan.topic and _OF_WHAT_ASKED.search(question):
        question = f"{question} ({ev.plan.topic})"  # "and the figure on placebo?": of what asked
        ev = replace(ev, plan=replace(ev.plan, english=question))
    whole = ev
    first_part = two_part.first_question(question, record, _asks_result)
    if first_part:  # "did it work, and how many ...?": the first part first, the second after
        ev = replace(ev, plan=replace(ev.plan, english=first_part))
        question = first_part
    if ev.plan.entities.other_medicines and record.evidence in POOLED_EVIDENCE:
        # "did acamprosate come out higher or lower?": the review's sentence naming it
        others = details.other_medicines_answer(ev, record, question, ev.encode)
        if others is not None:
            return others
    if gain := positive_finding(ev, record, asking.the_question(question)):
        return gain  # "was there anything it did beat the dummy pills on?"
    fact = study_fact(ev, record)  # an answer from the study's fields, computed once
    # "how much weight can we put on it?", "any side effects?": the record's section on it
    section = None if fact is not None else sections.section_answer(ev, record, question, ev.encode)
    # "was the allocation random?", "which publication was it in?": a field asked in words no
    # rule knows, recognised by the example questions it is nearest to
    kind = None
    if fact is None and section is None and not first_part:
        matched = answered_as_kind(ev, record, question)
        if matched is not None:
            kind, fact = matched
    comp = fact if fact is not None else section or _trial_result(ev, record)
    clause = asking.asked_clause(question, record)
    if not (
        comp is None
        or comp.abstained
        or comp.answer.startswith("Not reported")  # (a loose match must not overrule it)
        # a yes or no from the study's fields ("No: ... had no control group") answers as asked
        or (fact is not None and comp.answer.startswith(("Yes:", "No:")))
        or (fact is not None and (asks_field(question) or kind is not None))
        or section is not None
        or _DID_IT_CHANGE.match(question)
        # (a thing named is asked as itself: "did the participants get any counselling?")
        or (
            any(asks.search(clause) for asks, _, _ in DETAILS)
            and not details.thing_named(clause, ev.store)
            and not details.OTHERS_TOO.search(clause)
        )
        or _figures_not_reported(question, record, ev.store)
    ):
        words = _specific_words(
            GENERIC_RESULT.sub(" ", clause), record, described=False, follow_up=ev.plan.follow_up
        )
        first = re.sub(r"\s*\[\d+\]", "", comp.answer.split("\n")[0])
        fields = fact is not None
        comp = details.detail_answer(ev, record, question, words, ev.encode, first, fields) or comp
    if comp is not None and fact is None and section is None:
        first = re.sub(r"\s*\[\d+\]", "", comp.answer.split("\n")[0])
        comp = details.fragment_answer(ev, record, question, ev.encode, first) or comp
    if comp is None:
        return None
    if fact is not None and comp is fact:
        # "was it randomised, and did they know what they took?": the other field too (an
        # answer from the study's sentences, with more in it than two fields, stays as it is)
        both = two_part.two_fields(whole, record, whole.plan.english or whole.plan.question)
        if both is not None:
            return both

    def named_detail(second: str) -> tuple[object, int, str] | None:
        own = record_evidence(ev, record)
        own = replace(own, plan=replace(own.plan, english=second, question=second))
        detail = asked_detail(own)
        if not detail or not detail[1]:
            return None
        s = detail[1][0]
        return own.contexts[s.ctx], s.start, s.text

    # "..., and how many were still taking part at the end?": that too
    asked = whole.plan.english or whole.plan.question
    return two_part.second_question(whole, record, asked, comp, ev.encode, named_detail)


def _trial_result(ev: Evidence, record: RecordInfo) -> Composition | None:
    plan, store = ev.plan, ev.store
    own = record_evidence(ev, record)
    # (a story, then the question: the question says what is asked of the study)
    question = asking.the_question(plan.english or plan.question)
    if said := other_medicines(ev, record, question) or sex_subgroup(ev, record, question):
        return said  # "besides baclofen, which medicines ...?", "the women on the weaker dose?"
    # (an answer from the study's fields is tried first, by :func:`trial_result`)
    # What the question asks beyond naming the study and asking for its result.
    specific = _specific_words(question, record) - set(tokenize(record.key_result or ""))
    # ("how much clonidine did the comparison group get?": the medicine named is what is asked)
    if re.search(r"\bhow much\b|\bwhat dose\b", question, re.I):
        specific |= {t for m in plan.entities.other_medicines for t in tokenize(m)} & set(
            tokenize(question)
        )
    idf = store.idf
    generic = bool(GENERIC_RESULT.search(question) or "result" in plan.aspects)
    # words the study's own text never uses describe it in the asker's words ("ten guys with a
    # booze problem", a term left untranslated): they cannot ask for a detail it states
    written = set().union(*(tokenize(c.text) for c in own.contexts)) if own.contexts else set()
    stated = {t for t in specific if t in written or SAME_WORD.get(t, t) in written}
    asks_result = (
        not _SPECIFIC_DETAIL.search(question)
        and not re.match(r"\s*(?:and\s+|but\s+|so\s+)?(?:why|how come)\b", question, re.I)
        and not ASKS_LIMITATION.search(question)
        and (
            _about_key_result(question, record, store)
            or (generic and sum(idf(t) for t in specific) < 6.0)
            or (
                not stated
                and (generic or _ASKS_WHAT_HAPPENED.match(question))
                and not re.match(r"\s*(?:and )?who\b", question, re.I)  # a person, not a result
                and not _OUTCOME.search(question)  # an outcome it never reports is said so
                and not any(asks.search(question) for asks, _, _ in DETAILS)
            )
        )
    )
    # what the question asks beyond the result, for one more sentence (profile words count here)
    # ("was it positive?" asks for the result, not about "cocaine-positive urine samples")
    beyond = _specific_words(GENERIC_RESULT.sub(" ", question), record, described=False) - set(
        tokenize(record.key_result or "")
    )
    if asks_result and not record.key_result and record.studies_pooled and record.n:
        # a review whose pooled results the library does not hold: say so, with what it pooled
        found = result_quote(store, record, f"{record.studies_pooled} trials {record.n}")
        if found is not None:
            cites = Citations()
            m = cites.add(*found)
            name = study_name(record)
            first = (
                f"Not reported: the sources on {name} give no pooled results; it pooled "
                f"{record.studies_pooled} trials with {record.n:,} participants [{m}]."
            )
            return Composition(first[0].upper() + first[1:], False, cites.items, ROUTE_TRIAL)
    if not asks_result or not record.key_result:
        asked = " ".join(sorted(specific)) if specific else question
        focused = replace(own, plan=replace(plan, searched=asked))
        detail = asked_detail(own)
        if (
            detail is not None
            and not detail[1]
            and record.key_result
            and detail[0] != "participant numbers"  # a size is in the fields, said elsewhere
            and not states_anywhere(
                store, record, detail[0], bool(asking.ASKS_PEOPLE_COUNT.search(question))
            )
        ):
            # ("how many dropped out for side effects?": what it says of them, if anything)
            said = asked_detail(own, counts=False)
            return _not_reported(detail[0], record, store, said[1][:1] if said else [], own)
        if detail is None and record.key_result:
            unstated = _unstated(question, record, store)
            if unstated:
                return _not_reported(f"figures on {unstated}", record, store)
        # one detail asked ("in how many was blood alcohol positive?"): its sentence alone
        most = 1 if asking.detail_only(asking.asked_clause(question, record)) else 2
        composer = ExtractiveComposer(max_sentences=most)
        picked = (detail and detail[1]) or composer.select(focused)
        if picked and not picked[0].numbers and _HOW_MUCH_MORE.search(question) and not detail:
            # "how much higher was that risk?": a sentence giving the figure, when one is near
            figured = [c for c in composer.candidates(focused) if c.numbers]
            best = max(figured, key=lambda c: c.score, default=None)
            if best is not None and best.score >= 0.8 * picked[0].score:
                picked = [best]
        states = details.stated_statistic(question)
        if picked and states and not states.search(picked[0].text):
            # "what was the confidence interval of ...?": the sentence stating one
            stating = [c for c in composer.candidates(focused) if states.search(c.text)]
            picked = [max(stating, key=lambda c: c.score)] if stating else picked
        if (
            ASKS_LIMITATION.search(question)
            and not states
            and not (picked and LIMITATION.search(picked[0].text))
        ):
            # "why can't the findings be assumed to apply everywhere?": its own limitation first
            limits = [
                c
                for c in composer.candidates(focused)
                if LIMITATION.search(c.text)
                or focused.contexts[c.ctx].metadata.section.lower().startswith("limitation")
            ]
            if limits:  # ("does it apply to my dad?": who it may not apply to, first)
                applies = APPLIES_TO.search(question) is not None
                picked = [
                    max(
                        limits,
                        key=lambda c: c.score + 0.2 * bool(applies and COVERS.search(c.text)),
                    )
                ]
        pos = store.position.get(own.contexts[picked[0].ctx].chunk_id) if picked else None
        if pos is not None and asking.WHY.match(question):
            # "why did the authors want it kept to specialists?": the reason before "therefore"
            reasoned = details.with_reason(ev, pos, picked[0].start, picked[0].text)
            if reasoned is not None:
                return reasoned
        return replace(render(picked, own.contexts), route=ROUTE_TRIAL) if picked else None
    cites = Citations()
    n = cite_study(cites, store, record)
    name = study_name(record)
    # the study was asked about by name or description: its country, size and dose would only
    # stand between the reader and its result (they are in the evidence table)
    label = name
    if record.result in RESULT_PHRASE and record.evidence in ("rct", *POOLED_EVIDENCE):
        found = RESULT_PHRASE[record.result]
        if record.comparator == "active":
            found = found.replace("over placebo", "over the comparator")
        first = f"{label} {found}: {record.key_result} [{n}]."
    else:  # observational studies, case series, laboratory studies: what they reported
        first = f"{label} reported: {record.key_result} [{n}]."
    claimed = _figures_not_reported(question, record, store)
    if claimed:
        first = f"No: {name} reports no {join(claimed)} figure; it found {first[len(label) :].lstrip(' :')}"
        first = re.sub(r"found (found|reported):? ", r"\1 ", first)
    lines = [first[0].upper() + first[1:]]
    key_nums = numbers_of(record.key_result)
    own = replace(
        own, contexts=[c for c in own.contexts if not _METHOD_SECTION.match(c.metadata.section)]
    )
    # One more sentence only for what the question asks that the result line does not say.
    # (the study's own country, "the American trial", is how it was named, not what is asked)
    wanted = {t for t in beyond - _HEADLINE_WORDS if idf(t) >= 2.0 and not find_countries(t)}
    # ("did it cut drinks per drinking day?": the outcome named, in words too common to weigh)
    named = named_outcome(own, question, record) if own.contexts else None
    named = named if named is not None and wanted <= named.tokens else None  # (all it asks)
    if (wanted or named) and own.contexts:
        focused = replace(own, plan=replace(plan, searched=" ".join(sorted(wanted))))
        for s in [named] if named else ExtractiveComposer(max_sentences=1).select(focused):
            if not (s.numbers & key_nums) and (named or wanted & s.tokens):
                m = cites.add(own.contexts[s.ctx], s.text, s.start)
                described = (
                    set(
                        tokenize(
                            f"{record.title} {record.journal or ''} {record.design or ''} "
                            f"{record.dose_text or ''} {record.population or ''} published "
                            "smoke smokes smoking"  # who the people were ("who smoke weed")
                        )
                    )
                    | set(tokenize(" ".join(re.findall(r"\b[A-Z][\w'-]+", question[1:]))))
                )
                if not claimed and (wanted - described) & s.tokens:
                    # it states what was asked beyond the headline: it comes first
                    clause = asking.asked_clause(question, record)
                    # ("did baclofen worsen cognition?": the study's headline is another outcome)
                    if asking.detail_only(clause) or not (
                        _HEADLINE_ASKED.search(clause) or asking.ASKS_WHICH_STUDY.match(clause)
                    ):
                        # a detail asked, not the result: the detail alone, cited alone
                        cites = Citations()
                        m = n = cites.add(own.contexts[s.ctx], s.text, s.start)
                        lines = [f"{s.text} [{m}]"]
                    else:
                        lines = [f"{s.text} [{m}]", f"- {lines[0]}"]
                else:
                    lines.append(f"- {s.text} [{m}]")
    table = [table_row(record, n)] if record.evidence in ("rct", *POOLED_EVIDENCE) else []
    return Composition("\n".join(lines), False, cites.items, ROUTE_TRIAL, table)


# "how much higher was that risk?": a size of effect, which a sentence gives in figures
_HOW_MUCH_MORE = re.compile(
    r"\bhow much (?:higher|lower|more|less|bigger|greater|smaller|larger)\b|\bby how much\b", re.I
)
# "its main finding", "the key result": the headline itself, not a further detail to look for
_HEADLINE_WORDS = frozenset(tokenize("main key headline principal"))
# the study's main result asked beside a detail ("did it work, and how was mood?")
_HEADLINE_ASKED = re.compile(
    r"\b(?:overall|main|headline|primary)\b|\bresults?\b|\bwork(?:ed|s)?\b|\beffective\w*"
    r"|\bhelp(?:ed|s)?\b|\bsucce\w*|\bfail\w*",
    re.I,
)


# Outcomes a question may ask of one study ("how was anxiety affected", "time to relapse").
_OUTCOME = re.compile(
    r"\btime to (?:first )?(?:relapse|lapse|heavy drinking)\b|\banxiety\b|\bdepress\w*|\bmood\b"
    r"|\bsleep\w*|\binsomnia\b|\bquality of life\b|\bliver (?:enzymes?|tests?|function)\b|\bggt\b"
    r"|(?<!attach )(?<!attached )(?<!gave )(?<!give )(?<!put )\bweight\b(?! to\b| on\b)|\bblood pressure\b|\bmemory\b|\bcogniti\w*|\bmortality\b|\bdeaths?\b"
    r"|\bhospitali[sz]\w*|\bseizures?\b|\bsuicid\w*|\bdrowsi\w*|\bsomnolen\w*|\bdizz\w*"
    r"|\bnausea\b|\bfatigue\b|\bheadaches?\b|\bsmoking\b|\bcigarettes?\b|\badherence\b"
    r"|\bheavy drinking days?\b|\bdrinks per (?:drinking )?day\b|\b(?:percent )?days abstinent\b"
    r"|\babstinent days\b|\bgamma.?gt\b",
    re.I,
)


def _unstated(question: str, record: RecordInfo, store: object) -> str:
    """The outcome a question asks of a study ("anxiety", "time to relapse") when no sentence of
    the study's sources mentions it, as the question puts it; "" when any does (or none asked)."""
    # ("... takes temazepam to sleep. in that series, ...?": the question, not the story)
    asked = [m.group(0) for m in _OUTCOME.finditer(asking.last_question(question))]
    if not asked:
        return ""
    text = set()
    for pos in store.record_positions(record.id):  # type: ignore[attr-defined]
        text |= set(tokenize(store.texts[pos]))  # type: ignore[attr-defined]
    # (how a liver test is named varies: "liver tests improved" states "liver enzymes")
    generic = set(
        tokenize("time to first day days per percent level levels enzymes tests function")
    )
    if any((set(tokenize(a)) - generic) <= text for a in asked):
        return ""  # every specific word of an asked outcome is in the study's text
    return " or ".join(dict.fromkeys(a.lower() for a in asked))


def _not_reported(
    detail: str,
    record: RecordInfo,
    store: object,
    said: list | None = None,
    own: Evidence | None = None,
) -> Composition:
    """A detail of a study that its sources do not give: said so first, then what they say
    nearest to it (``said``, sentences of ``own``) or else its main result."""
    cites = Citations()
    name = study_name(record)
    first = f"Not reported: the sources on {name} give no {detail}"
    if said and own is not None:
        s = said[0]
        m = cites.add(own.contexts[s.ctx], s.text, s.start)
        if GIVES_NONE.search(s.text):  # ("the abstract gives no adverse-event figures"): once
            said_none = f"Not reported: {lower(s.text.rstrip('.'))} [{m}]."
            return Composition(said_none, False, cites.items, ROUTE_TRIAL)
        return Composition(f"{first}. {s.text} [{m}]", False, cites.items, ROUTE_TRIAL)
    n = cite_study(cites, store, record)
    first += f"; its main result: {lower(record.key_result)} [{n}]."
    return Composition(first, False, cites.items, ROUTE_TRIAL)


# Sections that describe how a study was done: not where its findings are.
_METHOD_SECTION = re.compile(r"(?i)(?:background|design|participants|intervention|methods?)\b")


def record_evidence(ev: Evidence, record: RecordInfo) -> Evidence:
    """The same question, answered from one record's chunks only."""
    store = ev.store
    positions = store.record_positions(record.id)
    qv = ev.query_vec
    contexts = []
    for pos in positions:
        sim = float(np.asarray(store.vectors[pos]) @ qv) if qv is not None else None
        contexts.append(store.context(pos, score=1.0, similarity=sim))
    return replace(ev, contexts=contexts)
