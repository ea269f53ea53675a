"""The first words of an answer: what to do when someone is in danger now, and a plain "Yes" or
"No" in front of a yes/no question's answer where the question's shape and the quoted sentence
settle it together.

Only a few question shapes get a Yes or No, each checked against the sentence that follows it
(an approval question gets "No" only when that sentence says off-label or not approved); every
other answer keeps the sentence chosen for it as its bottom line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer import Plan
from assistant.answering.compose.extractive import QUESTION_WORDS, Composition
from assistant.answering.compose.sentence_kinds import (
    APPROVED,
    IS_A,
    NOT_APPROVED,
    OTHER_SENSE,
    SAME_WORD,
    asked_to_exist,
    last_question,
)
from assistant.answering.question.asked import SPAN
from assistant.answering.question.intents import PUT_DOWN_TO_IT
from assistant.answering.question.places import find_countries
from assistant.answering.question.study_cues import TRIAL_CUE
from assistant.answering.safety import notices as safety
from assistant.library.chunks import tokenize
from assistant.vocab import BRANDS, CURATED_ONLY, JURISDICTIONS, Intent

CALL_NOW = (
    "Call your local emergency number now (112 in Europe, 911 in North America) or a poison "
    "centre; do not wait for symptoms to pass."
)
CRISIS = (
    "If someone talks about not wanting to live, get help now: call your local emergency number "
    "(112 in Europe, 911 in North America) or a crisis line, and do not leave them alone."
)
URGENT_WITHDRAWAL = (
    "Get urgent medical help now (your local emergency number, 112 or 911): after baclofen is "
    "stopped suddenly, symptoms like these need a doctor straight away."
)

# "... she swallowed a load of them. in that French series, did they send people home?": a
# question about a study's patients after the asker's story
_IN_THAT_STUDY = re.compile(
    r"\b(?:in|from) (?:that|the|this) (?:[\w-]+ ){0,5}?(?:study|series|trial|review|cohort"
    r"|survey|look at|report)\b[^?]*\?\s*$"
    # "why did the danish researchers who looked at poisonings start?": the study's people
    r"|\b(?:the|that|those) (?:[\w-]+ ){0,2}?(?:researchers|authors|investigators|scientists"
    r"|research team|study team)\b[^?]*\?\s*$",
    re.I,
)
_FRAME = re.compile(
    r"^\s*(?:in|for|at|among|across|according to|during|after|before)\b[^,?]{1,60},\s*"
    r"(?=(?:is|are|can|could|does|do|did|was|were|has|have|should|would|will|may|might)\b)",
    re.I,
)
_POLAR = re.compile(
    r"^\s*(?:is|are|can|could|does|do|did|was|were|has|have|should|would|will|may|might)\b", re.I
)
_ABRUPT = re.compile(
    r"\b(?:suddenly|abruptly|all at once|at once|cold turkey|straight away|overnight|just stop"
    r"|without (?:tapering|weaning))\b",
    re.I,
)
# "is headache a side effect of it?", "can baclofen make you dizzy?": an effect asked about
_AN_EFFECT = re.compile(
    r"(?:^|[.?!,]\s*)(?:is|are) (?:\w+ ){1,4}?(?:side.?effects?|adverse (?:effects?|reactions?))\b"
    r"|(?:^|[.?!,]\s*)(?:can|could|does|do|will|may|might) (?:baclofen|it)\b[^?]{0,60}?"
    r"\b(?:make|makes|cause (?:that|this))\b",
    re.I,
)
_STOP = re.compile(r"\b(?:stop\w*|quit\w*|come off|coming off|discontinu\w*)\b", re.I)
_CAN_CAUSE = re.compile(
    r"^\s*(?:can|could|does|do|will|may|might)\s+(?:baclofen|it|you|one|someone|a person|people"
    r"|patients)\s+(?:\w+\s+){0,2}?(?:(?P<od>overdose|od)\b|cause\s+(?P<effect>[\w-]+(?:\s+[\w-]+)?)"
    r"|(?P<fatal>kill|be fatal|be lethal))",
    re.I,
)
_APPROVAL = re.compile(
    r"^\s*(?:is|was|has)\s+(?:baclofen|it)\s+(?:(?:ever|already|now|officially|been|actually|really)"
    r"\s+){0,2}(?:approved|authori[sz]ed|licen[sc]ed|registered)\b.*\bfor\s+(?:treating\s+)?"
    r"(?:alcohol\w*|drinking|problem drinking|alcohol use disorder|alcohol dependence|addiction"
    r"|opioid\w*|opiate\w*|heroin|cocaine|smoking|nicotine|methamphetamine|cannabis)",
    re.I,
)
_NEGATED = re.compile(
    r"\b(?:not|no|never|without|none|neither|nor|cannot|isn't|doesn't|wasn't|weren't|didn't"
    r"|rather than|instead of|in place of|unlike|lacks?|lacking|absent|unknown|unclear)\b",
    re.I,
)
# intents whose yes/no answer is a safety or status claim only the curated library may settle
# the evidence that can state a licence ("approved for ..."): labels, regulators, guidelines
_STATUS_EVIDENCE = CURATED_ONLY
_SAFETY_INTENTS: frozenset[Intent] = frozenset(
    {"adverse_effects", "contraindication", "interaction", "dosing", "withdrawal", "overdose",
     "regulation"}
)  # fmt: skip


# words of such a question that name no effect
_PLAIN = frozenset(
    tokenize(
        "tablets pills medicine medication baclofen taking known thing worse making causing doing "
        "since started months weeks years husband father mother brother sister partner parent "
        "grandfather grandmother elderly wife son daughter friend new "
        # what it is taken for names no effect ("for her MS stiffness")
        "spasticity spasms stiffness multiple sclerosis spinal cord injury drinking alcohol"
    )
)


def _stem(word: str) -> str:
    return re.sub(r"(?:ures|ure|ing|es|s|ed)$", "", word.lower())[:6]


# "is the interaction stated in the US baclofen label?" answered from another source's words
ASKS_IN_US_LABEL = re.compile(
    r"\b(?:stated|listed|mentioned|named|included|given|described|found|warned)\b[^?]*\b(?:in|on|by)"
    r" (?:the )?(?:us|american|fda)(?: baclofen)? (?:label|labels|prescribing information)\b",
    re.I,
)
_US_LABEL = re.compile(
    r"\b(?:us|fda|american)\b(?: \w+)? (?:label|labels|prescribing information)", re.I
)
_OTHER_SOURCE = re.compile(
    r"\baccording to the (?:mims|australian|uk|french|british)\b|\bmims\b", re.I
)


def polar_lead(
    plan: Plan, first: str, curated: bool = True, evidence: frozenset[str] = _STATUS_EVIDENCE
) -> str | None:
    """ "Yes" or "No" for a yes/no question whose answer's first sentence is ``first``, or None
    when the question's shape and that sentence do not settle it.

    ``curated`` says whether every source cited for that sentence is from the curated library.
    A user's document never settles a question about approval, harm, stopping or interactions
    (those leads are ours to state, and a document is untrusted input); it may settle what a
    study found or whether something was studied. ``evidence`` holds the evidence types of those
    sources: only a label, a regulator or a guideline says "Yes, approved"."""
    # "In Garbutt 2010, did baclofen ...?": the question proper after its framing phrase
    q = plan.english or plan.question
    if (
        plan.intent == "adverse_effects"
        and curated
        and (PUT_DOWN_TO_IT.search(q) or _AN_EFFECT.search(q))
        and not _NEGATED.search(first)
        and ({t for t in tokenize(q) if len(t) >= 4} - QUESTION_WORDS - _PLAIN)
        & set(tokenize(OTHER_SENSE.sub(" ", first)))
    ):
        # "his sugars run higher: is that a known thing with these tablets?", "is headache a
        # side effect?" and the first sentence names that effect among baclofen's reactions
        return "Yes"
    if not _POLAR.match(q) and _POLAR.match(last_question(q)):
        # after a story ("... to cut back on the grog. Is it approved for that here?"), its last line
        told, q = q, last_question(q)
        if re.search(r"\b(?:alcohol|drink\w*|booze|grog)\b", told, re.I):
            q = re.sub(r"\bfor (?:that|this)\b", "for alcohol", q)
    if not _POLAR.match(q):
        # "In Garbutt 2010, did baclofen ...?": after its framing phrase, only whether the
        # sentence states no change in what was asked settles it
        framed = _FRAME.sub("", q)
        return _no_change(framed, first) if framed != q and _POLAR.match(framed) else None
    compared = _compared_figures(q, first)
    if compared:
        return compared
    if ASKS_IN_US_LABEL.search(q) and _OTHER_SOURCE.search(first) and not _US_LABEL.search(first):
        return "No"  # "is it stated in the US label?": the sentence gives another source's words
    if not curated and (
        _STOP.search(q)
        or _CAN_CAUSE.match(q)
        or _APPROVAL.match(q)
        or plan.intent in _SAFETY_INTENTS
    ):
        return None
    if _STOP.search(q) and _ABRUPT.search(q):
        warned = re.search(
            r"\bgradual\w*|\btaper\w*|\babrupt\w*|\bsudden\w*|\bwithdraw\w*", first, re.I
        )
        # "is it dangerous to stop cold turkey?" asks the opposite of "is it safe to ...?"
        if re.search(r"\b(?:danger\w*|risky|risk|harm\w*|bad|a problem|serious|unsafe)\b", q, re.I):
            return "Yes" if warned else None
        if re.search(r"\bever\b", q, re.I) and re.search(r"\bunless\b|\bexcept\b", first, re.I):
            return "Only exceptionally"  # "is it ever acceptable ...?": the case the label names
        if re.search(
            r"\b(?:safe|ok|okay|fine|alright|all right|can i|can you|should i|is it)\b", q, re.I
        ):
            return "No" if warned else None
    m = _CAN_CAUSE.match(q)
    if m:
        word = "overdose" if m.group("od") else (m.group("effect") or "").split()[0]
        if m.group("fatal"):
            word = "death"
        stem = _stem(word)
        keys = [stem] + (["died", "death", "fatal"] if word == "death" else [])
        hit = any(k in OTHER_SENSE.sub(" ", first).lower() for k in keys)
        if hit and not _NEGATED.search(first):
            return "Yes"
        return None
    if plan.intent == "interaction" and re.search(
        r"\badd\w*\b|\bincreas\w*|\bworsen\w*|\bpotentiat\w*|\brais\w* the risk", first, re.I
    ):
        if re.search(r"\b(?:risky|dangerous|harmful|bad|a problem)\b", q, re.I) or re.match(
            r"^\s*(?:does|do|can|could|will|would)\s+(?:baclofen|it)\s+interact\b", q, re.I
        ):
            return "Yes"
        if re.search(
            r"\b(?:safe|ok|okay|fine|alright|all right)\b"
            r"|^\s*(?:can|may|could|should) (?:i|you|we|one|someone|people|patients)\b"
            r"|^\s*(?:can|could|should) (?:baclofen|it) be (?:taken|used|combined|given|mixed)\b",
            q,
            re.I,
        ):
            return "Not without risk"
    verdict = _POSITIVE_Q.match(q)
    if verdict:  # "was the Los Angeles one positive?": what its result line says it found
        benefit = bool(re.search(r"\bfound a benefit\b", first))
        none = bool(re.search(r"\bfound no benefit\b", first))
        if benefit or none:
            positive = verdict.group("word").lower() in ("positive", "successful", "a success")
            return "Yes" if benefit == positive else "No"
    if _APPROVAL.match(q):
        wanted = plan.entities.jurisdictions
        if wanted and not _mentions_place(first, wanted):
            return None
        others = [p for p in _PLACES if p not in wanted and re.search(_PLACES[p], first, re.I)]
        # "not approved" must be said of the place asked about, not of another in the sentence
        clauses = [c for c in _CLAUSES.split(first) if c] if wanted and others else [first]
        if any(
            NOT_APPROVED.search(c) and (not wanted or not others or _mentions_place(c, wanted))
            for c in clauses
        ):
            return "No"
        if (
            APPROVED.search(first)
            and re.search(r"\balcohol\b", first, re.I)
            and not others
            and evidence <= _STATUS_EVIDENCE
        ):
            return "Yes"
        return None
    if _no_change(q, first):
        return "No"
    included = _INCLUDED.match(q)
    if included:  # "did it include people with liver disease?": the study's population says
        keys = {SAME_WORD.get(t, t) for t in tokenize(included.group("who"))} - _WHO_WORDS
        said = re.sub(r"\bwith or without\b", "including", first, flags=re.I)
        if keys and keys <= {SAME_WORD.get(t, t) for t in tokenize(said)}:
            if re.search(r"\bexclud\w*|\bwithout\b|\bnot\b|\bno\b", said, re.I):
                return "No" if re.search(r"\bexclud\w*", said, re.I) else None
            return "Yes"
        return None
    if STUDIED.match(q):
        tested = re.search(
            r"\b(?:trials?|stud(?:y|ied|ies)|tested|cohort|randomi[sz]ed|found|reported)\b",
            first,
            re.I,
        )
        if tested and not re.search(
            r"\bno (?:trial|study|studies)\b|\bnever\b|\bnot been\b", first, re.I
        ):
            return "Yes"
        return None
    thing = asked_to_exist(q) - QUESTION_WORDS
    if (
        thing
        and thing <= set(tokenize(first))
        and IS_A.search(first)
        and not _NEGATED.search(first)
    ):
        return "Yes"  # "is there an oral solution ...?": "Ozobax is a ... oral solution"
    # Otherwise "Yes" only when the first sentence states what the question asks, word for word
    # (its specific words all there) and negates nothing. "The liver or the kidneys?" asks which,
    # not whether: no Yes/No.
    if re.search(r"\bor\b(?! not\b)", q, re.I):
        return None
    # the words that only name the study or place ("in the Angers poison-centre series") are not
    # what is asked; "doctor" and "physician" are the same thing (sentence_kinds.SAME_WORD)
    naming = set(tokenize(" ".join(re.findall(r"(?<=\w )[A-Z][\w'-]+", q)))) | _STUDY_WORDS
    asked = {SAME_WORD.get(t, t) for t in tokenize(q)} - QUESTION_WORDS - {"baclofen"} - naming
    # a study's headline ("X reported: a; b (OR 2.9)"): only its clauses that say what was asked
    body = re.sub(r"\s*\([^)]*\)", "", first.split(": ", 1)[-1])
    clauses = [c for c in re.split(r"[;:]|,?\s+\b(?:but|whereas|although|however|while)\b", body)]
    relevant = [
        c
        for c in clauses
        if len(asked & {SAME_WORD.get(t, t) for t in tokenize(c)}) * 2 >= max(1, len(asked))
    ]
    said = {SAME_WORD.get(t, t) for c in relevant for t in tokenize(c)}
    shared = len(asked & said) / max(1, len(asked))
    # "does it cross the placenta?": two specific words, both stated
    stated = (len(asked) >= 3 and shared >= 0.9) or (len(asked) == 2 and shared == 1.0)
    permission = bool(re.match(r"\s*(?:can|may|is it allowed)\b", q, re.I))
    hedged = not relevant or any(
        _NEGATED.search(c)
        # "advises avoiding baclofen on dialysis" answers "can someone on dialysis take it?" no
        or _ADVISED_AGAINST.search(c)
        # an aim or a hypothesis is not a finding ("may" answers "can any doctor ...?")
        or (_EXPECTED.search(c) and not (permission and re.search(r"\bmay\b", c)))
        for c in relevant
    )
    return "Yes" if stated and not hedged else None


# "was the Los Angeles one positive?", "was that trial a failure?"
# "did more people on baclofen stop drinking?" against "8% on baclofen and 10% on placebo"
_MORE_ON_IT = re.compile(
    r"\b(?P<dir>more|fewer|less|higher|lower|larger|smaller|greater|bigger)\b(?:(?! placebo\b)"
    r"[^?]){0,40}?\b(?:on|taking|given|receiving|in the|with) (?:baclofen|it|the drug)\b",
    re.I,
)
_SHARE = r"(\d+(?:\.\d+)?)%"
_ARM_OF = r"(?:on|with|taking|receiving|in the|of the) ([\w-]+)"
_TWO_SHARES = re.compile(
    rf"{_SHARE}[^.;%]{{0,30}}?\b{_ARM_OF}\b[^.;%]{{0,40}}?{_SHARE}[^.;%]{{0,30}}?\b{_ARM_OF}\b"
    rf"|\b(?:on )?([\w-]+) \({_SHARE}\)[^.;%]{{0,40}}?\b(?:on )?([\w-]+) \({_SHARE}\)",
    re.I,
)


def _compared_figures(q: str, first: str) -> str | None:
    """ "Yes"/"No" for "did more (fewer) people on baclofen ...?" when ``first`` gives the share
    on baclofen and on the other arm, whichever comes first."""
    asked = _MORE_ON_IT.search(q)
    m = _TWO_SHARES.search(first)
    if not asked or not m:
        return None
    g = m.groups()
    pairs = [(g[1], g[0]), (g[3], g[2])] if g[0] else [(g[4], g[5]), (g[6], g[7])]
    shares = {arm.lower(): float(share) for arm, share in pairs}
    if "baclofen" not in shares or len(shares) != 2:
        return None
    other = next(v for k, v in shares.items() if k != "baclofen")
    mine = shares["baclofen"]
    if mine == other:
        return "No"
    more = asked.group("dir").lower() in ("more", "higher", "larger", "greater", "bigger")
    if re.search(r"\bthan\b", asked.group(0), re.I):
        more = not more  # "higher on placebo than on baclofen?": baclofen is what it is set against
    return "Yes" if (mine > other) == more else "No"


def _no_change(q: str, first: str) -> str | None:
    """ "No" when ``q`` asks whether something changed and ``first`` states, of each thing asked
    about, that it did not."""
    if not _CHANGED.search(q) or _PURPOSE.search(q):
        return None
    subject = set(tokenize(_CHANGE_WORDS.sub(" ", q))) - QUESTION_WORDS - {"baclofen"}
    if not subject:
        return None
    # the clauses of the sentence about what was asked, and whether they state no effect
    about = [c for c in _CLAUSES.split(first) if c and subject & set(tokenize(c))]
    if about and all(
        _NO_EFFECT.search(c) and not _MOVED.search(_NO_EFFECT.sub(" ", c)) for c in about
    ):
        return "No"  # (not "abstinence was higher and dropout did not differ")
    # "failed to beat placebo on abstinent days, time to first drink and craving": a list after
    # one "no effect" is all of it, when what was asked comes after it and nothing in that
    # stretch changed
    spans = [c for c in _SPANS.split(first) if c and subject & set(tokenize(c))]
    for span in spans:
        m = _NO_EFFECT.search(span)
        if not m or subject.isdisjoint(tokenize(span[m.end() :])):
            return None
        if _MOVED.search(_NO_EFFECT.sub(" ", span)):
            return None
    return "No" if spans else None


_ADVISED_AGAINST = re.compile(
    r"\bavoid\w*|\bnot (?:be )?(?:recommended|advised|used|given|taken)\b|\bshould not\b"
    r"|\bmust not\b|\bcontraindicat\w*|\bdo not (?:use|give|take)\b",
    re.I,
)


_POSITIVE_Q = re.compile(
    r"^\s*(?:and |so )?(?:was|were|is) (?:\S+ ){1,6}?"
    r"(?P<word>positive|negative|successful|a success|a failure|unsuccessful)\b",
    re.I,
)
_INCLUDED = re.compile(
    r"^\s*(?:and |so )?(?:did|does|was|were) (?:it|they|the [\w-]+(?: [\w-]+){0,2}) (?:include|enrol"
    r"|enroll|recruit|involve|take in|admit)\w* (?P<who>.+)",
    re.I,
)
_WHO_WORDS = frozenset(
    tokenize("people patients participants any some only also with who had have has anyone those")
)
_STUDY_WORDS = frozenset(
    tokenize("study trial cohort series review analysis meta-analysis centre center register")
)
_EXPECTED = re.compile(
    r"\b(?:expect\w*|hypothes\w*|aim\w*|planned|propos\w*|rationale|would|might|may|could"
    r"|should|suggest\w*|tested whether|asked whether)\b",
    re.I,
)
# "Did craving change?", "did the higher dose do better?": settled by a sentence stating no effect.
_CHANGED = re.compile(
    r"^\s*(?:did|does|do|was|were|is|are)\b.*\b(?:change\w*|improv\w*|reduc\w*|lower\w*|differ\w*"
    r"|fall|fell|drop\w*|decreas\w*|increas\w*|do better|work better|better|help\w*|work"
    r"|lengthen\w*|shorten\w*|prolong\w*|delay\w*)\b",
    re.I,
)
_CHANGE_WORDS = re.compile(
    r"\b(?:did|does|do|was|were|is|are|change\w*|improv\w*|reduc\w*|lower\w*|differ\w*|fall|fell"
    r"|drop\w*|decreas\w*|increas\w*|better|help\w*|work\w*|lengthen\w*|shorten\w*|prolong\w*"
    r"|delay\w*|extend\w*|the|a|an|it|they|or|either)\b",
    re.I,
)
_NO_EFFECT = re.compile(
    r"\b(?:failed to|did not|didn't|no (?:significant )?(?:difference|effect|change|benefit)s?"
    r"|not significant\w*|did no better|no better|not (?:significantly )?(?:differ|improv|reduc)\w*)\b",
    re.I,
)
# "was it trying to help them stop, or ...?": what a study set out to do, not what changed
_PURPOSE = re.compile(
    r"\b(?:try|tries|trying|tried|aim\w*|designed|meant|intended|set out|seek\w*|sought"
    r"|want\w*)\s+to\b",
    re.I,
)
_SPANS = re.compile(
    r"[;:()]|,\s+with\b|\b(?:but|whereas|although|even though|however|while)\b", re.I
)
_MOVED = re.compile(
    r"\b(?:fell|rose|improved|reduced|lowered|increased|decreased|dropped|lengthened|shortened"
    r"|prolonged|delayed|higher|lower|greater|fewer|more|less|better|worse|longer|shorter|halved"
    r"|doubled)\b",
    re.I,
)
_CLAUSES = re.compile(r"[,;:()]|\b(?:but|whereas|although|even though|however|while)\b", re.I)
# "Has baclofen been tested for X?": whether it was studied, not whether it worked
STUDIED = re.compile(
    r"^\s*(?:has|have|was|were|is|are)\s+(?:baclofen|it)\s+(?:ever\s+)?(?:been\s+)?"
    r"(?:studied|tested|tried|trialled|used|evaluated|compared)\b",
    re.I,
)


_PLACES = {
    "us": r"\b(?:us|u\.s\.|united states|american|fda)\b",
    "france": r"\b(?:france|french|ansm|baclocur)\b",
    "uk": r"\b(?:uk|united kingdom|british|nice|mhra)\b",
    "australia": r"\b(?:australia\w*|tga)\b",
    "eu": r"\b(?:europe\w*|ema)\b",
}


def _mentions_place(text: str, places: list[str]) -> bool:
    return any(re.search(_PLACES.get(p, r"$^"), text, re.I) for p in places)


# A sentence that opens with a name keeps its capital after "Yes: " ("Morley et al. 2018",
# "Bacloville 2020", "ALPADIR", "Müller and colleagues"); any other first word is lowered.
_NAMED = re.compile(
    rf"(?:{'|'.join(BRANDS)})\b"  # a brand keeps its capital ("Yes: Ozobax is ...")
    r"|[A-Z][\w'-]*(?:\s+et al\b|\s+and colleagues\b|\s+\(|\s+\d{4}\b|'s\b)|[A-Z]{2,}\b"
    # a person's name ("Philippe Jaury presented"), not "The Australian guideline"
    r"|(?!(?:The|A|An|In|On|At|For|From|Of|This|That|These|Those|Its|Their|Both|Each|Most|Some"
    r"|All|After|Before|Under|Over|With|Without|According)\b)[A-Z][a-z]+ [A-Z][a-z]+ (?!of\b|in\b)[a-z]"
)


_ALSO = re.compile(r"^((?:[\w.'-]+\s+){0,4}?[\w.'-]+)\s+also\s+(?=[a-z])")


def asks_about_the_study(plan: Plan) -> bool:
    """A question ending on a study it names or describes, whatever story comes before it ("she
    swallowed a load of them. in that French series, did they send people home?")."""
    question = plan.english or plan.question
    last = last_question(question)
    return bool(plan.entities.trials and last != question and _IN_THAT_STUDY.search(last))


def with_lead(plan: Plan, comp: Composition) -> Composition:
    """The composition with its first words set: an instruction first when someone is in danger
    now, else "Yes"/"No" where :func:`polar_lead` settles it."""
    if comp.abstained or not comp.answer:
        return comp
    question = plan.english or plan.question
    informational = re.match(
        r"\s*(?:what|which|how)\b(?!.*\b(?:should|do|can|must) (?:i|we)\b)", question, re.I
    ) or (
        # "is it dangerous if someone swallows a whole packet?": a hypothetical, asked about no
        # one in particular and not now
        re.match(r"\s*(?:is|are|can|could|does|do|would|will|was)\b", question, re.I)
        and not safety.is_personal(question)
    )
    if safety.self_harm(question) or safety.self_harm(plan.question):
        informational = False  # whatever else is asked, a crisis comes first
    elif (
        safety.not_now(question)
        or safety.not_now(plan.question)
        or (plan.follow_up and plan.entities.trials)
        or asks_about_the_study(plan)
    ):
        # already in hospital, a hypothetical, long past, or a follow-up about a study's patients
        # ("were fits more common in the ones who arrived unconscious?"): the answer, not "call an
        # ambulance"
        informational = True
    if (safety.in_danger(question) or safety.in_danger(plan.question)) and not informational:
        lead = URGENT_WITHDRAWAL if plan.intent == "withdrawal" else CALL_NOW
        if safety.self_harm(question) or safety.self_harm(plan.question):
            lead = CRISIS
        body = "\n".join(
            ln if ln.startswith("- ") else f"- {ln}" for ln in comp.answer.splitlines() if ln
        )
        return replace(comp, answer=f"{lead}\n{body}")
    first, _, rest = comp.answer.partition("\n")
    # "Baclofen also failed to ...": nothing came before it in this answer
    bare = _ALSO.sub(r"\1 ", first, count=1)
    if bare != first:
        first = bare
        comp = replace(comp, answer=f"{first}\n{rest}" if rest else first)
    place = _place_not_covered(plan, first)
    if place:  # "the maximum dose in Germany?": not said for that country; what is said instead
        first = f"Not stated for {place} in these sources; {first[:1].lower()}{first[1:]}"
        return replace(comp, answer=f"{first}\n{rest}" if rest else first)
    if _span_not_given(plan, comp.answer):  # "how long should a taper take?": none is given
        first = f"No length of time is given in these sources; {first[:1].lower()}{first[1:]}"
        return replace(comp, answer=f"{first}\n{rest}" if rest else first)
    if re.match(
        r"(?:yes|no|partly|modestly|the evidence|not clearly|not without risk|not directly|not established"
        r"|not in a randomi[sz]ed trial|only indirectly|head to head|it could be either)\b",
        first,
        re.I,
    ):
        return comp
    cited = [int(n) for n in re.findall(r"\[(\d+)\]", first)]
    curated = not any(c.user for c in comp.citations if c.n in cited or (not cited and c.n == 1))
    evidence = frozenset(
        c.evidence for c in comp.citations if c.n in cited or (not cited and c.n == 1)
    )
    verdict = polar_lead(plan, first, curated, evidence)
    if verdict is None:
        return comp
    first = with_verdict(verdict, first)
    return replace(comp, answer=f"{first}\n{rest}" if rest else first)


def _place_not_covered(plan: Plan, first: str) -> str:
    """The one country a dosing or regulation question names whose rules no record describes
    ("in Germany"), when the answer does not name it; "" otherwise."""
    if plan.intent not in ("dosing", "regulation") or plan.entities.jurisdictions:
        return ""
    if plan.entities.trials or plan.entities.documents or TRIAL_CUE.search(plan.english or ""):
        return ""  # ("the German trial's top dose": the study's own)
    asked = find_countries(plan.english or plan.question) - set(JURISDICTIONS.values())
    place = next(iter(asked)) if len(asked) == 1 else ""
    return "" if place.lower() in first.lower() else place


def with_verdict(verdict: str, sentence: str) -> str:
    """ "Yes: ..." before a sentence, its first letter lowered unless it starts a name."""
    return (
        f"{verdict}: {sentence if _NAMED.match(sentence) else sentence[:1].lower() + sentence[1:]}"
    )


def _span_not_given(plan: Plan, answer: str) -> bool:
    """A question on stopping or dosing asks how long (a taper, a course) and no line of the
    answer gives a length of time; not how soon something starts ("how long before it works?")."""
    question = plan.english or plan.question
    return (
        plan.intent in ("withdrawal", "dosing")
        and bool(_HOW_LONG.search(question))
        and not SPAN.search(answer)
    )


_HOW_LONG = re.compile(
    r"\bhow long (?!(?:until|before|till|after|ago)\b|(?:does|do|will|would) (?:it|they) take to\b)"
    r"|\bover how many (?:days|weeks|months)\b",
    re.I,
)
