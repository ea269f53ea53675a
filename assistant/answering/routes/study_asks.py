"""What a question about one named study asks of its structured fields: its size, its
comparator, its blinding, its journal, whether it was randomised, its dose, its length, who ran it
and where ("how big was ALPADIR?", "was it randomised?", "which journal published it?"). The
answers are made in :mod:`assistant.answering.routes.study_fields`.
"""

from __future__ import annotations

import re

from assistant.answering.question.entities import find_other_medicines
from assistant.answering.question.study_cues import IS_IT_FROM
from assistant.library.records import RecordInfo

ASKS_POOLED = re.compile(
    r"\bhow many (?:randomi[sz]ed |controlled |clinical )?(?:trials|studies|rcts|participants"
    r"|people|patients)\b.*\b(?:pool\w*|includ\w*"
    r"|review|meta.?analys\w*)|\b(?:pool\w*|includ\w*)\b.*\bhow many\b|\bwhat did .*\binclude\b",
    re.I,
)
# what is counted when it is not the people who took part ("how many dropped out?")
OUTCOME_COUNTED = (
    r"dropped|stopped|quit|left|withdrew|reached|got to|died|dead|alive|surviv\w*|needed|abstinent"
    r"|relapsed|completed|finished|still|remain\w*|stayed|stay|kept|sober|dry|off|improved"
    r"|responded|succeeded|drank|drinking|cut|cutting|reduc\w*|abandon\w*"
    r"|unknown|missing|ventilated|intubated|admitted"  # ("in how many was the amount unknown?")
)
# "how big was that difference?": an effect's size, not the study's
_EFFECT_SIZE = (
    r"(?!(?: (?:was|were|is|are|the|that|this|a|an|its|their))* (?:difference|effect|gap|change"
    r"|benefit|reduction|improvement|increase|decrease|drop|fall|risk)s?\b)"
)
ASKS_SIZE = re.compile(
    # (not "how many centres / sites / hospitals / countries ...?")
    r"\bhow (?:many|large|big)\b"
    + _EFFECT_SIZE
    + r"(?! (?:\w+ )?(?:centres|centers|sites|hospitals|clinics|countries"
    r"|cities|practices|trials|studies|deaths|cases|admissions|calls|exposures|poisonings"
    r"|days|weeks|months|years|hours|times|doses|mg|milligrams|grams|g|drinks|units|points"
    r"|sessions|visits"
    rf"|overdoses)\b)(?!.*\b(?:{OUTCOME_COUNTED}|men|women|males?|females?)\b"
    # "how many people had swallowed baclofen and nothing else?": some of them, not the size
    r"|(?: \w+){1,2} (?:had|took|swallowed|ingested|developed|needed|required|died|got|used"
    r"|experienced|showed|relapsed|reported|suffered|went|became|turned|woke|stayed"
    r"|remained|arrived) (?!part\b)"
    # "how many went like that?": some of them, like the person just described
    r"|.*\blike (?:that|this|him|her|them|his|hers)\b"
    r"|.*\b(?:each|per|every)"
    r" (?:arm|group)\b|\s+(?:of|among) (?:those|them|these|the \w+)\b)|\bsample size\b"
    r"|\bhow many took part\b",
    re.I,
)
# "how many people took part?", "how big was it?": the size and nothing else (not "how many
# people were in the group who never took it?")
PLAIN_SIZE = re.compile(
    r"\bsample size\b|\b(?:was|is) it (?:only |just )?a small sample\b|^\s*(?:and |so )?(?:was|is) (?:it|that|this|the [\w-]+(?: [\w-]+){0,4}?"
    r"|(?!the\b|a\b|an\b)[\w-]+(?: [\w-]+){0,3}?)"
    r" (?:a |an )?(?:big|large|small|tiny|sizeable)(?: one| study| trial| sample)?\s*\?"
    r"|\bhow (?:big|large)" + _EFFECT_SIZE + r" was (?:it|that|this|the [\w-]+(?: [\w-]+){0,4}?"
    r"|[A-Z][\w-]*(?: [\w-]+){0,3}?)\s*\?|\bhow many (?:people|patients|participants|subjects"
    r"|volunteers)(?: in total| altogether)? (?:took part|were (?:there|in|enrolled|included"
    r"|randomi[sz]ed|studied)|did (?:it|they|the [\w-]+(?: [\w-]+){0,3}) (?:have|include|enrol"
    r"|recruit|study))\b(?![^?]*\b(?:group|arm|who|with|without|among|each|per|had|at)\b)"
    # "how many older adults with kidney disease did the Ontario cohort include?"
    r"|\bhow many (?:\w+ ){0,2}?(?:people|patients|participants|adults|subjects|volunteers|users"
    r"|drinkers|veterans)(?: (?:with|aged|over|who had) [^?,]{1,40}?)? did (?:it|they|the [\w-]+"
    r"(?: [\w-]+){0,4}) (?:have|include|enrol|recruit|study|cover|follow|analy[sz]e)\s*\?",
    re.I,
)
# "what dose did they use?", "what was the highest dose?": the dose the study gave
PLAIN_DOSE = re.compile(
    r"^\s*(?:and |so )?what (?:baclofen )?doses? (?:of baclofen )?(?:was|were|did)\b"
    r"|^\s*(?:and |so )?what was the (?:highest|maximum|top|target) (?:baclofen )?dose\b"
    r"|\bhow many (?:milligrams|mg)\b|\bhow much of the (?:drug|medicine|medication|tablets?|baclofen)\b"
    r"|\bhow (?:big|large|high) (?:a |was the )?dose\b|^\s*(?:and |so )?how much baclofen (?:did|were|was) (?:they"
    r"|people|patients|participants) (?:give|get|given|receiv\w*)\b",
    re.I,
)
# "how many were given baclofen and how many placebo?", "how many in each arm?": the split
ASKS_ARMS = re.compile(
    r"\bhow many\b[^?]*?\band how many\b|\b(?:each|per|every) (?:arm|group)\b"
    r"|\bhow many (?:[\w-]+ ){0,3}(?:were |was )?(?:assigned|allocated|randomi[sz]ed|given) to\b"
    # "how were the patients divided between the two groups?"
    r"|\b(?:divided|split|shared|allocated|assigned|randomi[sz]ed)\b(?: [\w-]+){0,4}? (?:between"
    r"|among|across|into) (?:the )?(?:(?:two|three|both|its|their) )?(?:groups|arms)\b",
    re.I,
)
# "in each arm", or "how many took baclofen and how many took placebo" (both arms named)
ASKS_EACH_ARM = re.compile(
    r"\b(?:each|per|every|either) (?:arm|group)s?\b|\bhow many\b[^?]*\b(?:baclofen|the drug|active)\b"
    r"[^?]*\band how many\b[^?]*\b(?:placebo|dummy|control|comparison|the other)\b",
    re.I,
)
# how many in each arm did something, or what share: not the arms' sizes
NOT_ARM_SIZES = re.compile(
    rf"\b(?:{OUTCOME_COUNTED}|percentage|proportion|share|rate|per ?cent)\b", re.I
)
ASKS_CONTROL = re.compile(
    r"\b(?:against|versus|vs\.?) what\b|\bcomparison (?:treatment|drug|condition)\b|\bwhat did the (?:control|comparison|other) (?:group|arm)"
    r" (?:get|receive|take)\b|\bplacebo.?controlled\b|\b(?:a|any) (?:placebo|control) (?:group|arm)\b|\bcontrol group\b"
    r"|\bcompared (?:with|to|against) what\b|\bcomparator\b|\bcontrol (?:arm|treatment)\b"
    # "was that from a proper controlled trial?"
    rf"|{IS_IT_FROM}controlled (?:trial|study)\b"
    r"|\bwhat was (?:it|baclofen) compared (?:with|to|against)\b"
    # "who were they compared with?", "compared with whom?": the comparison group
    r"|\b(?:who|what|which \w+) (?:were|was) (?:they|these|those|the [\w-]+(?: [\w-]+){0,2})"
    r" compared (?:with|to|against)\b|\bcompared (?:with|to|against) whom\b"
    r"|\bwho did (?:they|the [\w-]+) compare (?:them|these|those|it) (?:with|to|against)\b"
    # "was there also a group on dummy pills?" (not "the ones on dummy pills", which describes)
    r"|\b(?:was there|were there|did (?:it|they|the \w+) (?:have|include|use)) (?:also )?(?:a |an"
    r" |any )?(?:[\w-]+ )?(?:group|arm) (?:on|taking|given|receiving|that got|who got) (?:a |the )?"
    r"(?:placebo|dummy|sugar|fake|inactive)\b"
    r"|\b(?:get|got|given|take|took|receive[ds]?) (?:a |the )?placebo(?: instead)?\b"
    r"|\bwhat did (?:the )?(?:other|second) (?:group|arm|half) (?:get|receive|take)\b",
    re.I,
)
# "was it run in hospitals?", "in what setting?": where the patients were seen, from its field
ASKS_SETTING = re.compile(
    r"\b(?:was|were) (?:it|they|the [\w-]+(?: [\w-]+){0,3}) (?:run|done|conducted|held|carried out)"
    r" (?:in|at|by) (?:a |an |the )?(?:hospitals?|clinics?|primary care|general practice|gps?"
    r"|specialist|inpatient|outpatient|community)|\bwhat (?:kind of )?setting\b"
    # "which hospital ran it?"
    r"|\b(?:which|what) (?:hospitals?|clinics?|medical cent(?:re|er)s?|institutions?)"
    r" (?:ran|hosted|ran it|conducted|did it|was it)\b"
    # "was that at one hospital or at lots of them?"
    r"|\b(?:at |in )(?:one|a single|single|several|many|multiple|lots of|more than one) (?:hospitals?"
    r"|centres?|centers?|sites?|clinics?|places?)\b",
    re.I,
)
# "and the other things they measured apart from agitation?": the secondary outcomes
ASKS_SECONDARY = re.compile(
    r"\bsecondary (?:outcomes?|end.?points?|measures?)\b|\bother (?:things|outcomes|measures"
    r"|measurements) (?:they|it|the \w+) (?:measured|looked at|tracked|assessed|recorded)\b",
    re.I,
)
SAYS_SECONDARY = re.compile(r"\bsecondary (?:outcomes?|end.?points?)\b", re.I)
ASKS_WHO_ENROLLED = re.compile(
    r"\b(?:did|does) (?:it|the [\w-]+(?: [\w-]+){0,3}) (?:include|enrol|enroll|recruit|involve|take part|take in)\b"
    r"|\bwho did (?:they|it|the \w+) (?:include|enrol|enroll|recruit|study|treat|select|randomi[sz]e)"
    r"|\bwho (?:was|were) (?:included|enrolled|recruited|studied)\b|\bwhat (?:kind of )?(?:patients"
    r"|people|participants) (?:did|were)\b"
    # "did they only take people with no symptoms yet, or could someone already shaky get in?"
    r"|\b(?:did|do|would|could) (?:they|it) (?:only |just )?(?:take|took|accept|admit|let in|allow)"
    r" (?:in )?(?:people|patients|anyone|someone|those)\b|\b(?:could|can|did|would) (?:someone|anyone"
    r"|people|patients) (?:\w+ ){0,5}?(?:get in|get into the (?:trial|study)|be (?:included|enrolled"
    r"|eligible))\b",
    re.I,
)
ASKS_PRIMARY = re.compile(
    r"\b(?:primary|main) (?:outcome|endpoint|end point|measure|end-point)\b"
    r"|\bwhat did (?:it|they|the \w+(?: \w+)?) (?:mainly |chiefly |primarily )?measure\b"
    r"|\bmain(?:ly)? (?:measur\w*|look\w* at|assess\w*)\b|\bmostly (?:trying to )?(?:measur\w*|look\w* at)"
    r"|\bmain thing (?:they|it) (?:measured|looked at|counted)|\bcount(?:ed)? as the main result|\b(?:judge|define|measure)d? success\b"
    r"|\bsuccess (?:defined|judged|measured)\b|\bcounts? as (?:a )?success\b"
    # "was that the main thing the trial was built to measure?"
    r"|\bmain thing (?:\w+ ){0,4}?(?:measured?|assess(?:ed)?|look(?:ed)? at)\b"
    r"|\b(?:built|designed|set up|powered) to (?:measure|test|detect)\b",
    re.I,
)
# "which journal published it?", "where did ALPADIR appear?": where it was published
ASKS_JOURNAL = re.compile(
    # ("where did baclofen come out?" asks its ranking, not the paper's journal)
    r"\b(?:which|what) (?:journal|periodical)\b|\bwhere (?:was|were|did) (?!baclofen\b)(?:it|they|this|that"
    r"|the [\w' -]{1,60}?|[A-Z][\w' -]{0,60}?) (?:published|appear|come out|printed)\b"
    r"|\bpublished (?:where|in which|in what)\b"
    # "under which Cochrane identifier did it appear?": its article number in the journal
    r"|\b(?:identifier|article number|review number|cd number|publication number)\b",
    re.I,
)
# "was it randomised?", "were people put into groups by chance?"
ASKS_RANDOMISED = re.compile(
    r"^\s*(?:and |so |but )?(?:was|were|is) (?:it|that|this|they|the [\w-]+(?: [\w-]+){0,4}?"
    r"|(?!the\b|a\b|an\b)[\w-]+(?: [\w-]+){0,3}?) (?:really |actually |properly |truly )?"
    r"(?:(?:planned|designed|set up|run|conducted|meant|intended) (?:as|to be) )?(?:an? )?"
    r"(?:properly |truly |proper )?randomi[sz]ed\b"
    r"|^\s*(?:and |so |but )?(?:did|do) (?:they|the [\w-]+(?: [\w-]+){0,3}) randomi[sz]e\b"
    r"|\b(?:assigned|allocated|put|split|divided|sorted|placed|chosen)\b[^?]*\b(?:by chance"
    r"|at random|randomly|by lot|by a coin|coin toss|lottery)\b|\b(?:randomly|at random)"
    r" (?:assigned|allocated|split|divided|put|chosen|sorted|placed)\b",
    re.I,
)
ASKS_FINDING = re.compile(r"\b(?:find|found|result\w*|conclu\w*|show\w*)\b", re.I)
ASKS_BLIND = re.compile(
    r"\b(?:double.?|single.?)?blind(?:ed)?\b|\bmasked\b|\bwas (?:it|the \w+(?: \w+)?) open.?label\b",
    re.I,
)
# "were any women included?", "were they all men?": the population's sexes
ASKS_SEX = re.compile(
    r"^\s*(?:and |so |but )?(?:were|was|did|are|is|do)\b.*\b(women|females?|men|males?)\b", re.I
)
# "did they compare these cases with ...?": a comparison group, asked of a study with none
ASKS_COMPARED = re.compile(
    # (not "how did the range of amounts compare between the two series?": a measure compared)
    r"\b(?:did|was|were) (?:they|it|the [\w-]+(?: [\w-]+){0,3}) (?:\w+ )?compar\w*\b(?! between)",
    re.I,
)
# "how was the dependence diagnosed?": the criteria the population was chosen by
ASKS_CRITERIA = re.compile(
    r"\bhow (?:was|were|did|had) (?:[\w-]+ ){0,5}?diagnos\w*|\b(?:what|which) (?:diagnostic )?"
    r"criteria\b",
    re.I,
)
# "did they keep checking on people after the tablets stopped?": a follow-up after treatment
ASKS_FOLLOW_UP = re.compile(
    r"\b(?:did|do|were|was|how long|how often|when) (?:[\w-]+ ){0,6}?follow(?:ed|ing)?[- ]?"
    r"(?:them |people |patients |participants |everyone )?up\b"
    r"|\b(?:was|were) there (?:a |any )?follow.?ups?\b"
    r"|\bafter (?:the )?(?:tablets|treatment|drug|medication|medicine|pills|baclofen|capsules)"
    r" (?:had )?(?:stopped|ended|finished|was stopped|were stopped)\b"
    r"|(?<!why )\bkeep (?:checking|following|seeing|track)\b"  # ("why keep ...?": why, not whether)
    # "how long did they watch the people afterwards?"
    r"|\bhow long (?:\S+ ){0,6}?(?:observ\w*|watch\w*|monitor\w*|track\w*) (?:\S+ ){0,4}?after\w*",
    re.I,
)
# "was it a new trial, or a fresh look at data from an earlier one?": a secondary analysis
ASKS_REANALYSIS = re.compile(
    r"\b(?:re-?analys\w*|secondary analys\w*|post.?hoc|fresh look|second look|new look"
    r"|(?:data|results) from an? (?:earlier|previous|existing|older|other))\b",
    re.I,
)
# "where did they get their cases from?": where the study found its people or data
_WHERE = (  # (not "the study where smokers took it": which study)
    r"(?<!study )(?<!trial )(?<!test )(?<!one )(?<!paper )(?<!series )(?<!studies )(?<!trials )"
)
ASKS_SOURCE = re.compile(
    rf"\b{_WHERE}(?:where|from where)\b[^?]*\b(?:get|got|find|found|obtain\w*|recruit\w*|draw\w*"
    r"|take|took"
    r"|identif\w*|come|came)\b[^?]*\b(?:cases|patients|participants|people|volunteers|data"
    rf"|records|deaths)\b|\b{_WHERE}(?:where|from where)\b[^?]*\b(?:cases|patients|participants|data)\b"
    r"[^?]*\b(?:come|came) from\b|\bhow were (?:the )?(?:cases|patients|participants)"
    r" (?:found|identified|recruited|selected)\b",
    re.I,
)
# "did they try more than one dose?": arms at different doses, or one fixed dose
# ("which of the two doses drove it?" asks which one, not whether there were two)
ASKS_SEVERAL_DOSES = re.compile(
    r"\bmore than one dose\b|(?<!of the )\b(?:several|different|multiple|two|various|other) doses\b"
    r"|\bdose levels\b|\bcompar\w* (?:\w+ )?doses\b|\bhigher (?:one|dose) would\b",
    re.I,
)
# "did the patients know what they were taking?": blinding asked the other way round
ASKS_KNEW = re.compile(
    r"\b(?:did|do|were|was) (?:the )?(?:participants|patients|people|volunteers|subjects|they"
    r"|doctors|researchers|investigators|staff|everyone|anyone) (?:know|knew|aware|told)\b"
    r"[^?]*\b(?:taking|getting|given|receiv\w*|which|what|whether|who)\b",
    re.I,
)
# "in the double-blind pilot study of ..., how were dropouts counted?": blinding describes it
BLIND_DESCRIBED = re.compile(
    r"\b(?:double|single).?blind(?:ed)? (?:[\w-]+ ){0,2}(?:study|trial|pilot|rct)\b"
    r"|\b(?:study|trial|pilot|rct) (?:[\w-]+ ){0,1}(?:double|single).?blind(?:ed)?\b(?! or\b)",
    re.I,
)
ASKS_DURATION = re.compile(
    r"\bhow long\b|\bduration\b|\bfor how many (?:weeks|months)\b|\bhow many (?:weeks|months)\b"
    r"(?!.*\b(?:abstinent|sober|dry)\b)",
    re.I,
)
ASKS_WHO = re.compile(
    # (not "what did the people who wrote it say ...?": the authors as the subject)
    r"(?<!people )(?<!those )(?<!ones )(?<!team )(?<!doctors )(?<!researchers )(?<!authors )"
    r"\bwho (?:ran|led|conducted|carried out|performed|wrote|published|authored"
    r"|did(?! (?:they|it|the [\w-]+(?: [\w-]+){0,3}) (?:include|enrol|enroll|recruit|study|treat|select|randomi[sz]e)))\b"
    r"|\bwhich (?:team|group|investigators|researchers)\b|\bwhere was (?:it|the [\w -]{1,80}?|[A-Z][\w -]{0,60}?) (?:done"
    r"|run|carried out|conducted|held)\b|\bwhere did .* take place\b|\b(?:in )?(?:which|what) (?:country|city|town)\b"
    r"|\bwhere were (?:the )?(?:patients|participants|people|volunteers|subjects|drinkers)"
    r"(?: (?:in|of) [^?]{1,60}?)? (?:treated|recruited|seen|enrolled|from)\b",
    re.I,
)
ASKS_DOSE = re.compile(
    r"\bwhat (?:was|were) the (?:target |planned |study |trial )?doses?\b"
    r"(?=\s*(?:\?|$|used|given|in\b|of\b|for\b|on\b))"
    r"|\b(?:what|which) (?:\w+ )?doses?\b(?!.*\b(?:better|best|more effective|worked|work|won)\b)|\bhow much baclofen\b|\bdoses? (?:did|were|was) (?:they|used|given)"
    r"|\bwhat amount\b|\bhow many (?:milligrams|mg)\b"
    # "does the abstract report the doses taken?"
    r"|\b(?:report|give|state|list|record)s? (?:the |any )?(?:doses?|amounts?)(?: (?:taken|swallowed"
    r"|ingested|used|given))?\b"
    # "what was the highest dose in ...?" (not "how many reached the highest dose?")
    r"|^\s*(?:and |so )?what was the (?:highest|maximum|top|largest|biggest) (?:baclofen )?dose\b"
    # "how much had they swallowed?": the amounts a poisoning series recorded
    r"|\bhow much (?:baclofen )?(?:had|did|have|has) (?:they|he|she|the \w+|people|patients)"
    r" (?:swallow|take|took|taken|ingest|consume)\w*",
    re.I,
)


# "who funded Bacloville?", "was it paid for by the drug company?": who paid for a study
ASKS_FUNDER = re.compile(
    r"\bwho (?:paid for|bankrolled)\b|\b(?:fund(?:ed|ing|ers?)|sponsor\w*|financ(?:ed|ing)"
    r"|paid for by)\b",
    re.I,
)


# "under what number was it registered?", "listed in the trial registry as terminated?"
ASKS_REGISTRY = re.compile(
    r"\bregistration\b|\bregist(?:er|ry|ered)\w* (?:number|as|under|entry|status)\b|\bnct\b"
    r"|\bclinicaltrials|\b(?:public|trials?|study) regist(?:er|ry)\b",
    re.I,
)


def asks_field(question: str) -> bool:
    """Whether the question asks what a study's fields state outright (its journal, whether it
    was randomised, its size, primary outcome, comparator or dose): an answer from them is the
    answer, not to be replaced by a sentence that merely sounds nearer."""
    return (
        any(
            p.search(question)
            for p in (
                ASKS_JOURNAL,
                ASKS_RANDOMISED,
                ASKS_PRIMARY,
                PLAIN_DOSE,
                ASKS_FUNDER,
                ASKS_REGISTRY,
            )
        )
        # "who carried out the 1989 study?": its authors, from its author list
        or bool(
            re.match(
                r"\s*(?:and\s+)?who (?:ran|led|conducted|carried out|performed|wrote|authored)\b",
                question,
                re.I,
            )
        )
        or bool(
            # (what the control was, not its dose: "what diazepam regimen did that arm get?")
            ASKS_CONTROL.search(question)
            and not re.search(r"\bdos\w*|\bregimen|\bregime", question)
        )
        or bool(
            PLAIN_SIZE.search(question)
            or re.search(r"\b(?:which|what) country\b|\bwhere (?:was|were)\b", question, re.I)
        )
    )


# "once the build-up was over, how long did they stay on their dose?": one phase of a study
ASKS_PHASE = re.compile(
    r"\b(?:maint\w*|build-?up|titrat\w*|taper\w*|plateau)\b"
    # ("how long were people kept on the tablets?": the whole treatment)
    r"|\b(?:held|hold|kept)\b(?! (?:on|taking) (?:the |their )?(?:tablets?|pills?|medic\w*|drugs?"
    r"|treatment|baclofen|it)\b)"
    r"|\bstay\w* on (?:their|the|that|this|a) (?:\w+ )?dose\b",
    re.I,
)


# a length the design states ("pilot trial, 30 days", "12 weeks plus 4-week follow-up")
_STATED_LENGTH = re.compile(r"\b(\d+) (days|weeks|months)\b")


def study_length(record: RecordInfo) -> str:
    """ "30 days" as the design states it, else from the weeks: "12 weeks", "6 months" (a year of
    treatment is said in months), "15 days" (a fraction of a week is a count of days)."""
    stated = _STATED_LENGTH.search(record.design or "")
    if stated:
        return stated.group(0)
    weeks = record.duration_weeks or 0.0
    if weeks != int(weeks):
        return f"{round(weeks * 7)} days"
    months = weeks * 12 / 52
    if weeks >= 26 and abs(months - round(months)) < 0.15:
        return f"{round(months)} months"
    return f"{weeks:g} weeks"


ASKS_PERIOD = re.compile(
    r"\bover what (?:period|years|dates|time ?frame)\b|\bbetween (?:what|which) (?:years|dates)\b"
    r"|\b(?:in )?what years\b|\bwhen (?:was|were) (?:it|the (?:\w+ ){0,3}(?:trial|study))"
    r" (?:carried out|run|conducted|done)\b|\bwhen did (?:it|they|the (?:\w+ ){0,3}(?:trial|study))"
    r" (?:run|take place|recruit)\b",
    re.I,
)


def asks_comparator_dose(question: str, record: RecordInfo) -> bool:
    """ "How much clonidine did the comparison group get?": the other arm's dose, which the
    study's dose field gives beside baclofen's."""
    asked = re.search(r"\bhow much ([a-z-]+)|\bwhat dose of ([a-z-]+)", question, re.I)
    word = asked and (asked.group(1) or asked.group(2)).lower()
    return bool(word and find_other_medicines(word) and word in (record.dose_text or "").lower())


# "how long had it taken him to get up to that dose?": the time the build-up took
ASKS_TIME_TO_DOSE = re.compile(
    r"\bhow (?:long|many (?:weeks|days|months))\b[^?]*\b(?:to|before|until)\b[^?]*\b(?:get|got"
    r"|reach\w*|build|built|work|worked|titrat\w*|rais\w*|go|went) (?:up|to|the|that|his|her|their)\b",
    re.I,
)
# a sentence giving the time a build-up took ("..., which took 5 weeks", "raised over 7 weeks")
TOOK_TO_DOSE = re.compile(
    r"\b(?:reach\w*|titrat\w*|increas\w*|rais\w*|built|build)\b[^.;]*?\b\d+(?:\.\d+)? (?:weeks?|days?"
    r"|months?)\b|\btook (?:about |some )?\d+ (?:weeks?|days?|months?)\b",
    re.I,
)
# a statistic asked for by name, and how a sentence states one ("the confidence interval of the
# primary outcome's difference": the sentence stating it, not the outcome's description)
STATISTICS = (
    (  # ("could it just be luck?", "a real difference or chance?": its p value, in lay words)
        re.compile(
            r"\bp.?values?\b|\b(?:just|by|down to|due to|mere|pure|only|simply|been) (?:chance|luck)\b"
            r"|\bfluke\b|\bor (?:just )?(?:chance|luck)\b"
            # (not "was that difference significant?": the answer given states its p already)
            r"|(?<!that difference )(?<!this difference )(?<!was it )\bstatistically significant\b",
            re.I,
        ),
        re.compile(r"\bp ?[=<>≤]"),
    ),
    (re.compile(r"\bhazard ratios?\b", re.I), re.compile(r"\bhazard ratios?\b|\bHR\b")),
    (re.compile(r"\bodds ratios?\b", re.I), re.compile(r"\bodds ratios?\b|\bOR\b")),
    (  # (an interval given, not "results expressed with 95% confidence intervals"); in lay words
        # "how sure can we be of that?", "what range did they put on it?", "either way?"
        re.compile(
            r"\bconfidence intervals?\b|\bhow precise\b|\bhow (?:sure|certain|confident|uncertain)"
            r" (?:\S+ ){0,4}?(?:figures?|numbers?|estimates?|ratios?|results?|differences?|risks?)\b"
            r"|\b(?:what|which) (?:range|margin)\b|\brange (?:of values|did|do|does|was|were)\b"
            r"|\bmargin of (?:error|safety)\b|\beither way\s*\?",
            re.I,
        ),
        re.compile(r"(?:\bCI\b|confidence intervals?)[^.;]{0,15}?\d"),
    ),
    (re.compile(r"\bchi.?squared?\b", re.I), re.compile(r"\bchi.?squared?\b|χ2", re.I)),
    (  # "how much did that vary between them?", "how spread out were they?": the SD
        re.compile(
            r"\bstandard deviations?\b|\bSDs?\b|\bhow spread\b|\bspread (?:out )?(?:around|about)\b"
            r"|\bhow (?:much|widely) (?:did|do|does|was|were|is) (?:\S+ ){0,5}?(?:var(?:y|ied)|differ"
            r"|spread|scatter\w*|fluctuat\w*)\b|\b(?:differ\w*|var(?:y|ied)) (?:much |a lot |widely )?"
            r"(?:from (?:one )?(?:person|patient) to (?:the next|another|person|patient)|between"
            r" (?:them|people|patients|participants|individuals|subjects|volunteers))\b",
            re.I,
        ),
        re.compile(r"\bSD\b|\bstandard deviations?\b|±|\+/-"),
    ),
    (re.compile(r"\bstandard errors?\b|\bSEs?\b"), re.compile(r"\bSE\b|\bstandard errors?\b")),
    (  # "with which statistical model were the data analysed?": random or fixed effects
        re.compile(r"\b(?:statistical|meta.?analytic|pooling) model\b|\bwhich model\b", re.I),
        re.compile(r"\b(?:random|fixed).effects?\b|\bmodel\b", re.I),
    ),
    (
        re.compile(r"\beffect sizes?\b|\bcohen.?s d\b", re.I),
        re.compile(r"\beffect size\b|\bd ?= ?-?0?\.\d|\bcohen", re.I),
    ),
    (  # "how much confidence did the reviewers put in it?": the certainty they rated
        re.compile(
            r"\bcertainty\b|\bGRADE\b|\bhow (?:sure|certain|confident) (?:were|was|are|is) (?:the )?"
            r"(?:reviewers|authors)\b|\b(?:confidence|certainty) (?:did|do|does) (?:the )?(?:reviewers"
            r"|authors) (?:put|place|have)\b"
        ),
        re.compile(r"\bcertainty\b", re.I),
    ),
    (  # "as they came in, or back through the notes?": which way in time the data were taken
        re.compile(
            # (not "the 2013 prospective matched study": a description)
            r"\b(?:prospective|retrospective)(?:ly)?(?= or\b|\s*\?)|\bor (?:prospective|retrospective)"
            r"|\bas (?:they|people|patients) (?:came|arrived|were admitted)\b"
            r"|\bback (?:through|over|at) (?:the|their|old) (?:notes|records|files|charts)\b",
            re.I,
        ),
        re.compile(r"\b(?:prospective|retrospective)\w*", re.I),
    ),
)
ASKS_STATISTIC = re.compile("|".join(f"(?:{asks.pattern})" for asks, _ in STATISTICS), re.I)
