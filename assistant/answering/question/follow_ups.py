"""Whether a question leans on the conversation (``plan_question``): a follow-up's cues ("and
for opioids?", "how many of its trials ...?", "did they ...?"), a question about what the study
just discussed has (its dropouts, its team), another study of the same kind in another country,
and "the other one" that describes another study."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import Entities, Plan
from assistant.answering.question.entities import BACLOFEN, find_countries, norm
from assistant.library.records import RecordInfo

FOLLOW_UP_CUE = re.compile(  # follow-ups: short questions leaning on the conversation
    r"^(?:and|what about|how about|and what about|what of|same for|also|or|but|then|so)\b"
    r"|\b(?:it|its|that|this|those|these|them|they|there|the same|that trial|this trial"
    r"|that study|the trial|the study|the top dose|the review|the meta.?analysis|the authors"
    r"|the researchers|the investigators|the results?|the findings|the patients|the participants"
    r"|the volunteers|the subjects)\b"
    # "the headline result", "the drinking diary", "how many patients ...?": the study's own
    r"|\bthe (?:headline|main|primary|final|overall) (?:results?|outcomes?|findings?)\b"
    r"|\bthe (?:\w+ )?diar(?:y|ies)\b|^(?:and |so )?how many (?:patients|participants|volunteers)\b"
)
# a group of the study just discussed ("the ones who arrived in a coma"): a follow-up, however long
GROUP_OF_IT = re.compile(
    r"\b(?:the ones|(?:the )?(?:people|patients|participants|volunteers) (?:in it|on it|in that"
    r" (?:study|trial)))\b"
    # "of the deaths, how many ...?", "among those who stopped, ...": a part of what was said
    r"|^(?:and )?(?:of|among|out of) (?:the|those|these|them|its|their)\b[^,?]{0,30},"
    # "how many of them had ...?", "were most of them men?": a part of the group just discussed
    r"|\b(?:how many|what (?:share|proportion|percentage|fraction)|which|most|none|any) of (?:them"
    r"|those|these)\b"
    # "the study drug", "the trial medication": the one of the study just discussed
    r"|\bthe (?:study|trial) (?:drug|medication|medicine|treatment|tablets|pills)\b"
    # "the group with kidney disease who never took it", "the control group": its comparison group
    # "was there any group of patients in whom it seemed to do something?": a subgroup of it
    r"|\b(?:any|a|some) (?:sub)?group (?:of (?:patients|people|participants) )?(?:in|for) whom\b"
    r"|\b(?:any|a|some) (?:sub)?groups? (?:of (?:patients|people) )?(?:in it|in (?:that|the) (?:study"
    r"|trial))\b"
    r"|\b(?:the|a) (?:group|arm|people|patients|ones)\b[^?.]{0,40}\bwho (?:never|didn.?t|did not"
    r"|were not|weren.?t|were non.?users)\b|\bthe (?:comparison|control|untreated|non.?users?) (?:group|arm)s?\b"
)

# a part of the study just discussed, named by "its" ("its trials", "its authors")
_ITS_PART = re.compile(
    r"\bits (?:[a-z-]+ )?(?:trials|studies|authors|participants|patients|results?|findings|sample|arms?"
    r"|primary|main|doses?|follow.?up|dropouts?|search|conclusions?|limitations?)\b"
)


ANOTHER_ONE = re.compile(
    # ("was that a brand new trial?": "that" is the study just discussed, not another one)
    r"\b(?:the|that|this) (?!an? )(?:[\w-]+ ){1,3}(?:one|trial|study)\b|\bother (?:one|trial|study)\b",
    re.I,
)


# "how many smokers were in that study?", "how many volunteers was that based on?": the study
# behind the previous answer, which the follow-up does not name
POINTS_AT_STUDY = re.compile(
    r"\b(?:that|this|the same) (?:study|trial|paper|review|meta.?analysis|research|cohort|one"
    r"|series|case series|report|survey|experiment|pilot|analysis)\b"
    r"|\b(?:was|is) (?:that|this|it) based on\b|\b(?:were|was) in (?:it|that|this)\b"
    r"|\bwhere was (?:it|that|this) (?:done|run|carried out)\b"
)
# "how precise was that estimate?", "what range did that hazard ratio come with?", "... for
# that?": a figure the earlier turn asked about, pointed back at
POINTS_AT_FIGURE = re.compile(
    r"\b(?:that|this|those|these)\s+(?:[a-z-]+\s+)?(?:estimate|figure|ratio|number|result|finding"
    r"|difference|effect|rise|drop|fall|gain|reduction|benefit|increase|decrease|percentage|rate)s?\b"
    r"|\bfor (?:that|this)\s*\??$",
    re.I,
)
# "and did it cut down their drinking as well?": another outcome of the same study
AS_WELL = re.compile(
    r"^(?:and |but |so )?(?:did|does|was|were|is|has|had) (?:it|they|the (?:drug|treatment|trial"
    r"|study)) .*\b(?:as well|too|also|either)\b|^(?:and |but )?(?:did|does) it also\b",
    re.I,
)
# the people or the paper of the study just discussed ("the reviewers", "those results")
_THE_STUDYS = re.compile(
    r"\b(?:the|those|these|its|their) (?:reviewers|authors|researchers|investigators|trialists"
    r"|team|results|findings|figures|participants|volunteers)\b"
    # "does that carry over to ...?", "is that a separate piece of work from ...?"
    r"|\b(?:does|did|would|could|can) (?:that|this) (?:\w+ )?(?:carry over|apply|hold|extend|mean)\b"
    r"|\b(?:is|was) (?:that|this) (?:a |the )?(?:separate|same|different|new|brand new|later|earlier"
    r"|follow.?up|piece|report|paper|analysis)\b"
)
# "they" doing what a study's team or people do ("did they only take ...?", "they enrolled")
_THEY = re.compile(
    r"\b(?:did|do|were|was|are|have|had|could) they\b|\bthey (?:only|just|also|ever|did|were|had"
    r"|took|gave|used|found|reported|got|include\w*|enrol\w*|recruit\w*|measur\w*|sign\w*)\b"
    # "what had made them think of trying baclofen?": the team behind it
    r"|\b(?:made|led|prompted|inspired|got) them (?:to )?(?:think|decide|try|test|choose|pick|look"
    r"|use|study)\w*"
)
# "it" as the study ("how big was it overall?"), when nothing else is asked of baclofen itself
_IT_STUDY = re.compile(r"\b(?:was|is|did|does|has) it\b|\bit (?:was|did|had|found|used|gave)\b")
_OF_BACLOFEN_ITSELF = frozenset(  # what "it" asks of the medicine, not of a study
    ["adverse_effects", "dosing", "interaction", "contraindication", "pharmacokinetics",
     "overdose", "withdrawal", "mechanism", "regulation"]
)  # fmt: skip


def leans_on_the_study(
    english: str, ents: Entities, intent: str, previous: Plan, catalog: Sequence[RecordInfo]
) -> bool:
    """Whether a question, however long, is about the one study the earlier turn named: it
    points at it ("that study", "the reviewers", "did they ...?") and names no other study (a
    study its words merely describe, "a public trials register", is not named)."""
    if len(previous.entities.trials) != 1 or ents.documents or ANOTHER_ONE.search(english):
        return False
    named = [
        name
        for r in catalog
        if r.id in ents.trials and r.id not in previous.entities.trials
        for name in (*r.trial_names, r.surname or "")
        if name and len(name) > 2
    ]
    if any(re.search(rf"\b{re.escape(n)}\b", english, re.I) for n in named):
        return False
    # "the earlier 2018 version of that review": another study, by its year
    years = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", english)}
    before = {r.year for r in catalog if r.id in previous.entities.trials}
    if (
        years - before
        and re.search(r"\b(?:version|update\w*|edition|earlier|later|previous|original)\b", english)
        and any(r.year in years for r in catalog if r.id in ents.trials)
    ):
        return False
    t = norm(english)
    if POINTS_AT_STUDY.search(t) or _THE_STUDYS.search(t) or _THEY.search(t):
        return True
    return (
        bool(_IT_STUDY.search(t))
        and intent not in _OF_BACLOFEN_ITSELF
        and not (ents.conditions or ents.other_medicines or ents.jurisdictions)
    )


def same_kind_there(english: str, before_id: str, catalog: Sequence[RecordInfo]) -> list[str]:
    """ "And in Denmark?" after a French poisoning series: the one study of the same kind, on
    the same substance, done in the country named (none when there is no single such study)."""
    here = find_countries(english)
    before = next((r for r in catalog if r.id == before_id), None)
    if not here or before is None or before.country in here:
        return []
    like = [
        r.id
        for r in catalog
        if r.country in here
        and r.evidence == before.evidence
        and set(r.substances) & set(before.substances)
        and not r.user
    ]
    return like if len(like) == 1 else []


# a comparison with no second term: it leans on what was just discussed
_COMPARED_WITH_WHAT = re.compile(r"\b(?:more|fewer|less) (?:people|patients|of them|deaths?)\b")


def is_follow_up(question: str, ents: Entities, own_intent: bool) -> bool:
    """Short questions that lean on the conversation ("and for opioids?", "how many people got to
    the top dose?"), or questions with no subject of their own."""
    t = norm(question)
    n = len(t.split())
    if FOLLOW_UP_CUE.search(t) and n <= 12 or GROUP_OF_IT.search(t) and n <= 20:
        return True
    if (
        _COMPARED_WITH_WHAT.search(t)
        and not re.search(r"\bthan\b|\bversus\b|\bvs\b|\bcompared\b|\bplacebo\b", t)
        and n <= 10
        and not ents.trials
        and not ents.substances
    ):
        return True  # "did more people die on baclofen?": more than in the study's other arm
    if _ITS_PART.search(t) and n <= 25:
        return True  # "how many of its trials were judged at risk of ...?": the study before
    if (
        re.match(r"(?:and|but|so|then|what about|how about)\b", t)
        and n <= 20
        and not ents.trials
        and not ents.documents
    ):
        return True  # "and at any dose, not just the very high ones, was the risk still raised?"
    if not BACLOFEN.search(t) and not ents.trials and not ents.documents and n <= 9:
        return True
    pronouns = {w for m in _PRONOUN_SUBJECT.finditer(t) for w in m.group(0).split()}
    if (
        pronouns & {"it", "they", "that", "this"}
        and n <= 20
        # ("they" are the people of what was just discussed; "it" may be baclofen itself)
        and ("they" in pronouns or not BACLOFEN.search(t))
        and not (ents.trials or ents.documents or ents.substances or ents.conditions)
    ):
        return True  # "how many people was it done on, and what dose did they get?"
    if (
        _PERSON.search(t)
        and not _OWN_PERSON.search(t)
        and n <= 20
        and not (ents.trials or ents.documents or ents.substances or ents.conditions)
    ):
        return True  # "what dose was he on when his craving went away?": the case just asked
    # ("is baclofen safe in pregnancy?" is whole: baclofen and a condition named)
    whole = bool(BACLOFEN.search(t) and (ents.conditions or ents.other_medicines))
    return not own_intent and n <= 5 and not whole


# what a study has: after a question about one study, a question about these is about it
_STUDY_THINGS = re.compile(
    r"\b(?:the|that|its|their) (?:[\w-]+ ){0,2}(?:trial|study|thesis|paper|authors?|team"
    r"|researchers|investigators|participants|volunteers|patients|dropouts?|results?|figures"
    r"|findings|scores|arms?|groups?|sample|analysis|data|dose|doses|outcomes?|placebo)\b"
    r"|\b(?:drop(?:ped)? out|per.?protocol|dummy (?:tablets|pills)|on placebo|than placebo"
    r"|main (?:thing|outcome|result)|significant\w*)\b"
    # "the average age of the people who had overdosed?", "the rest of the deaths", "each arm"
    r"|\b(?:average|mean|median) age\b|\bthe (?:people|cases|deaths|ones) (?:who|that|in)\b"
    r"|\b(?:those|the ones|patients|people) who (?:started|began|took|got|received|never)\b"
    r"|\bthe rest of (?:the|them|those)\b|\b(?:each|either|both) arms?\b|\bcomparison group\b",
    re.I,
)
# "did acamprosate and naltrexone come out higher or lower than that?" after a review's result:
# other medicines set against what was just said, in the same study
_SET_AGAINST = re.compile(
    r"\b(?:higher|lower|better|worse|more|less|fewer) (?:\w+ )?than (?:that|this|it|baclofen)\b"
    r"|\b(?:come|came) out\b|\bin (?:that|the same|this) (?:review|analysis|network|comparison)\b",
    re.I,
)


def more_of_the_study(english: str, ents: Entities, previous: Plan) -> bool:
    """ "Did more people drop out on baclofen than on the dummy tablets?" after "What did the
    smoking pilot find?": a question on what one study just discussed has (its dropouts, its
    team, its main outcome), naming nothing else, is about that study."""
    prev = previous.entities
    return bool(
        len(prev.trials) == 1
        and not (ents.trials or ents.documents or ents.jurisdictions)
        # (the study's own population named again: "kidney patients" in the kidney study)
        and set(ents.conditions) <= set(prev.conditions)
        and (not ents.other_medicines or _SET_AGAINST.search(english))
        and (not ents.substances or set(ents.substances) <= set(prev.substances))
        and (
            _STUDY_THINGS.search(english) or (ents.other_medicines and _SET_AGAINST.search(english))
        )
        # (not another study described: "the Dutch trial", "the other one")
        and not re.search(
            r"\bother (?:one|trial|study)\b|\b(?:the|that|this) (?:[A-Z][\w-]+ ){1,3}(?:one|trial|study)\b",
            english,
        )
    )


# "it" or "they" as what a question is about ("was it done on", "did they get"), no subject named
# a person named by a pronoun only, not someone of the asker's own ("my dad ... he")
_PERSON = re.compile(r"\b(?:he|she|him)\b")
_OWN_PERSON = re.compile(
    r"\b(?:my|our|your|a|an|this|that)\s+(?:\w+\s+)?(?:dad|father|mum|mom|mother|son|daughter"
    r"|husband|wife|partner|brother|sister|friend|patient|man|woman|uncle|aunt|cousin|gran\w*"
    r"|nan|mate|boyfriend|girlfriend|child|kid|baby|client|neighbour|colleague)\b"
)
_PRONOUN_SUBJECT = re.compile(
    r"^(?:and |so |but )?(?:was|is) (?:that|this)\b"  # "was that a new trial, or ...?"
    r"|\b(?:was|were|is|are|did|does|do|has|have) (?:it|they)\b|\b(?:it|they) (?:was|were|did|got"
    r"|had|used|found|gave|took)\b"
)


# an acronym or a brand the question is about ("the RTU", "Baclocur"), not a country's name
