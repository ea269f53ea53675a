"""Someone in danger now, as opposed to a question about danger: an overdose happening, a
seizure, withdrawal symptoms after stopping, talk of not wanting to live. The notices
(:mod:`assistant.answering.safety.notices`) and the first words of an answer (:mod:`.lead`) read these.
"""

from __future__ import annotations

import re

from assistant.answering.question.intent_words import any_of as _rx
from assistant.answering.question.normalise import normalise

# talk of not wanting to live, however put: a crisis now, whatever else is asked
SELF_HARM = (
    r"\b(?:doesn'?t|does not|don'?t|do not|didn'?t|did not|no longer|not) want(?:s|ing)? to (?:be here|be alive"
    r"|live|go on|wake up)\b|\bbetter off dead\b|\bno (?:reason|point) (?:to live|in living|going on)\b"
    r"|\b(?:end|ending) it all\b|\bsuicidal (?:thoughts|talk|ideas?)\b|\btalk\w* (?:about|of) (?:suicide"
    r"|killing (?:himself|herself|myself|themselves)|dying)\b"
)
_SELF_HARM = re.compile(SELF_HARM)
_CARE_PLACE = r"(?:the |a |an )?(?:hospital|a(?: ?& ?| )e|er|icu|intensive care|ward|resus|emergency department)"
_IN_CARE = re.compile(
    r"\b(?:is|he'?s|hes|she'?s|shes|they'?re|i'?m|im|we'?re|already|now) (?:\w+ )?(?:in|at) (?:the |a )?"
    r"(?:hospital|a(?: ?& ?| )e|er|emergency department|icu|intensive care|ward)\b|\b(?:was|been|got|is) admitted\b"
    r"|\b(?:came|come|comes|was brought|were brought) in (?:after|with|having)\b"
    # "in a&e the doctor tapped his knees": told from the emergency department
    r"|\bin (?:a(?: ?& ?| )e|casualty|the er|the emergency department),? (?:the|a) (?:doctors?|nurses?)\b"
    r"|\bthe (?:hospital|doctors?|nurses?|ward|icu|paramedics) (?:say|says|said|put|gave|told)\b"
    r"|\b(?:got|gets|taken|went|rushed|brought|arrived) (?:\w+ )?(?:to|at|into) (?:the |a )?(?:hospital"
    r"|a(?: ?& ?| )e|er|emergency department|icu|intensive care)\b|\bin (?:the )?(?:icu|intensive care)\b"
    # "ended up in a&e", "she's on a ward", "on the way to A&E", "in the ambulance", "they put
    # him on a ventilator", "the hospital letter says", or the person has died
    rf"|\b(?:ended up|wound up|landed|was|been|being|still) (?:\w+ )?(?:in|at|on) {_CARE_PLACE}\b"
    rf"|\b(?:is|he'?s|hes|she'?s|shes|they'?re|now) (?:\w+ )?on {_CARE_PLACE}\b"
    rf"|\bon (?:the|their|our|his|her) way (?:to|into) {_CARE_PLACE}\b|\bin the ambulance\b"
    r"|\b(?:the )?(?:ambulance|paramedics?) (?:crew )?(?:brought|took|got|came|arrived|gave|said)\b"
    r"|\b(?:he|she|him|her|they|them|my \w+)(?:'s| is| was| were| has been| have been| got| been)?"
    r" (?:put )?(?:on|under) (?:a |the )?(?:ventilator|respirator|breathing machine)\b"
    r"|\b(?:was|is|got|been|being) put on (?:a |the )?(?:ventilator|respirator|breathing machine)\b"
    r"|\b(?:he|she|they|my \w+)(?:'s| is| was| were| has been| have been| got) (?:intubated|ventilated)\b"
    r"|\b(?:intubated|ventilated) (?:him|her|them)\b"
    r"|\b(?:hospital|discharge) (?:letter|notes?|report|summary|records?)\b|\bdischarged\b"
    r"|\b(?:he|she|my \w+|cousin|brother|sister|son|daughter|husband|wife|partner|friend|mate|dad"
    r"|mum|mom|father|mother|uncle|aunt|aunty) (?:\w+ )?(?:died|passed away)\b"
    r"|\b(?:the coroner|post ?mortem|autopsy|inquest)\b"
)
# asking whether to go or to call ("should I take him to hospital?"): care is not there yet
_ASKS_TO_GO = re.compile(
    r"\b(?:should|do|shall|must|can) (?:i|we) (?:\w+ ){0,2}?(?:take|bring|call|ring|phone|go|get|drive)"
    r"|\bdo (?:i|we|they|he|she) need to (?:go|be taken|call)\b"
)
# a question put to the sources ("what do the drug reference books say ...", "in that australian
# study of calls to the poisons line, ..."), asked with no word of now
_ASKS_SOURCE = re.compile(
    r"\b(?:what|which|how|did|does|do) (?:do |does |did )?(?:the|that|those|these) (?:\S+ ){0,4}?"
    r"(?:books?|labels?|guidelines?|monographs?|references?|study|studies|authors|papers?|reports?"
    r"|write-?up|series|review|records)\b (?:\S+ ){0,3}?(?:say|says|said|find|found|recommend\w*|report\w*"
    r"|advise\w*|describe\w*)\b"
    r"|\bin (?:that|the|this) (?:\S+ ){0,5}?(?:study|series|write-?up|report|look|review|analysis"
    r"|records?|survey|register|registry|cohort|summary)\b"
)
# "in the Danish records study of people who swallowed too many", "that poison centre study of
# 111 people who swallowed ...": a question about a study
_ABOUT_A_STUDY = re.compile(
    r"(?:\b(?:in|from|of) |^)(?:the|a|this|that) (?:\S+ ){0,6}?(?:study|studies|survey|series|records?"
    r"|register|registry|cohort|trial|review|report|data|check|analysis)\b\s+(?:\S+\s+){0,4}?"
    r"(?:on|of|in|among) (?:the )?(?:\S+ ){0,2}?(?:people|patients|those|children|adults|cases)\b"
)


def self_harm(text: str) -> bool:
    """Whether the text tells of someone talking about not wanting to live."""
    return bool(_SELF_HARM.search(normalise(text)))


_HYPOTHETICAL = re.compile(
    r"^\s*(?:if|suppose|imagine|say) (?:a person|someone|somebody|you|one|a child|a patient|people"
    r"|patients)\b.*\bwould\b|\bwhat would happen\b"
)
_LONG_AGO = re.compile(
    r"\blast (?:year|month|summer|winter|spring|autumn|fall)\b|\b(?:\d+|a few|several|two|three)"
    r" (?:years?|months?|weeks?) ago\b|\byears ago\b|\bin (?:19|20)\d\d\b"
)


# "why were some people who took too much put on a ventilator?": people in general, asked about
_GROUP_WHO = re.compile(
    r"\b(?:people|patients|persons|adults|children|those|cases|users|drinkers) (?:(?:in|from|at"
    r"|across|around) (?:\S+ ){1,3}?)?(?:who|that)"  # ("people in west france who overdosed")
    r" (?:had )?(?:took|taken|swallowed|ingested|overdosed|ate|died|had died)\b"
)


_GROUP_CLAUSE = re.compile(rf"{_GROUP_WHO.pattern}(?: (?!and\b|but\b)[^\s,.?!;]+){{0,5}}")


def not_now(text: str) -> bool:
    """Whether the danger spoken of is not happening now: the person is already in hospital, the
    question is a hypothetical ("if a person took 30 tablets, what would happen?") or it is long
    past ("overdosed last year"). The emergency notice stays; the call-an-ambulance line goes."""
    t = normalise(text)
    return bool(
        (_IN_CARE.search(t) and not _ASKS_TO_GO.search(t))
        or (_ASKS_SOURCE.search(t) and not _NOW.search(t) and not _SELF_HARM.search(t))
        or _HYPOTHETICAL.search(t)
        or _LONG_AGO.search(t)
        or (_ABOUT_A_STUDY.search(t) and not _PERSON.search(t))
        or (_GROUP_WHO.search(t) and not _PERSON.search(t) and not _SELF_HARM.search(t))
        # "my sister is on it. in the reports on people who took too much, ...?": the danger
        # told is the group's, not hers
        or (_GROUP_WHO.search(t) and not emergency_in(_GROUP_CLAUSE.sub(" ", t)))
    )


_STRONG = _rx(
    # cannot be woken
    r"\b(?:won't|wont|will not|can't|cant|cannot|can not|couldn't|could not|unable to|not able to)"
    r" (?:\w+ )?(?:wake|be woken|be woke|rouse|arouse)",
    r"\bnot waking\b|\bunresponsive\b|\bunconscious\b|\bnot responding\b|\bnon responsive\b",
    r"\b(?:won't|wont|will not|doesn't|does not|isn't|is not|not) respond\w*|\bpassed out\b|\bcollapsed\b|\bunrousable\b|\bin a coma\b|\bcomatose\b",
    # breathing stopped
    r"\b(?:stopped|not|isn't|isnt|is not|wasn't|barely|hardly|no longer) breathing\b",
    r"\b(?:can't|cant|cannot|can not|unable to|could not|couldn't) breathe\b",
    r"\bgasping\b|\bturn(?:ing|ed|s) blue\b|\bblue lips\b|\blips (?:\w+ )?blue\b",
    # took too many
    r"\b(?:took|taken|swallowed|ingested|ate|eaten) (?:\w+ ){0,3}?(?:too many|too much"
    r"|an overdose|a handful|handful of|(?:a |the )?whole (?:bottle|pack|packet|box|strip|blister|sheet)"
    r"|(?:a|the) (?:whole |full )?(?:bottle|pack|packet|box) of"
    r"|all (?:of )?(?:my|his|her|their|the|those|these|our) (?:\w+ )?(?:pills|tablets|baclofen|meds))",
    # "took loads of his muscle relaxer tablets", "took a bunch of his muscle relaxers on purpose"
    r"\b(?:took|taken|taking|swallowed|ingested) (?:\w+ ){0,2}?(?:loads|lots|a load|a bunch|a lot|heaps"
    r"|tons|dozens|masses|a stack|a pile|a fistful|fistfuls) of (?:\w+ ){0,3}?(?:pills|tablets|tabs"
    r"|baclofen|meds|medicine|muscle relax\w*)\b",
    r"\b(?:took|taken|swallowed|overdosed) (?:\w+ ){0,9}?on purpose\b",
    # "swallowed most of a strip of his baclofen", "took half the packet"
    r"\b(?:took|taken|swallowed|ingested|ate|eaten) (?:most|half|the rest|much|nearly all|almost"
    r" all) (?:of )?(?:a |the |his |her |my |their |our )?(?:strip|pack|packet|box|bottle|blister"
    r"|sheet|tub|jar|prescription)s?\b",
    r"\b(?:child|kid|toddler|baby|dog|son|daughter) (?:\w+ )?(?:swallowed|ate|got into) "
    r"(?!(?:\w+ ){0,3}?(?:trials?|study|programme|program|habit|treatment|rehab)\b)(?:[\w'’]+ ){0,3}?"
    r"(?:pills|tablets|tabs|baclofen|meds|medicines?|bottle|packet|pack|box|cupboard|cabinet|bag"
    r"|handbag|some|a few|several|one|two|three|\d+|it|them)\b",
    # "my 3-year-old got into his gran's handbag and we think he chewed some of her tablets"
    r"\b(?:\d+[- ](?:years?|months?)[- ]old|toddler|little (?:one|boy|girl)|grandson|granddaughter"
    r"|child|kid|baby)\b.{0,80}?\b(?:chewed|swallowed|ate|eaten|sucked on)\s+(?:some|a few|several"
    r"|one|two|three|\d+|a couple|a handful|half|most|all)\b.{0,40}?\b(?:pills|tablets|tabs"
    r"|baclofen|meds|medicine)\b",
    r"\b(?:accidentally|by mistake|by accident|mistakenly) (?:\w+ ){0,3}?(?:took|taken|swallowed"
    r"|ingested|gave|given|double)|\b(?:took|taken|swallowed|gave) (?:\w+ ){0,6}?(?:by mistake|by accident)",
    # overdosed / overdosing
    r"\b(?:i|i've|ive|he|she|they|we|he's|she's|has|have|just|may have|might have|husband|wife"
    r"|son|daughter|friend|partner|mother|mom|mum|father|dad|brother|sister|child|kid|boyfriend"
    r"|girlfriend) (?:just )?overdosed\b",
    r"\b(?:is|am|are|i'm|im|he's|she's|hes|shes|they're|keeps|someone|somebody) overdosing\b",
    r"\bhaving an overdose\b",
    # seizing now
    r"\b(?:having|started having|keeps having|keep having|had another|is in)"
    r" (?:a |an |another )?(?:seizure|seizures|fit|fits|convulsion|convulsions)\b(?! disorder)",
    r"\bseizing\b|\bconvulsing\b|\b(?:is|he's|she's) fitting\b",
    # calling for help, self-harm
    r"\b(?:should|do|shall|must) (?:i|we) (?:call|phone|ring) (?:911|112|999|000|an ambulance"
    r"|ambulance|poison)|\bcall(?:ing|ed)? (?:911|112|999|an ambulance)\b",
    r"\bkill (?:myself|himself|herself|themselves|me)\b|\bend(?:ing)? (?:my|his|her|their) (?:own )?life\b",
    r"\btak(?:e|ing) my (?:own )?life\b|\bwant(?:s|ed)? to die\b|\btried to kill\b|\bsuicide attempt\b",
    SELF_HARM,
    # (how much is fatal or lethal, or "to overdose", is asked for information: the emergency
    # notice, not a call to act now; wanting to die or kill is a crisis)
    r"\bhow (?:many|much) (?:\w+ ){0,9}?(?:to die|to kill|would kill|will kill|could kill)\b",
    # other languages: cannot be woken / not breathing
    r"\bne se reveille pas\b|\bne respire (?:plus|pas)\b|\bno (?:se )?despierta\b|\bno respira\b",
    r"\bwacht nicht auf\b|\batmet nicht\b|\bnon si sveglia\b|\bnon respira\b",
    r"\btrop de (?:comprimes|cachets|pilules)\b|\bdemasiadas (?:pastillas|pildoras|tabletas)\b",
    r"\bzu viele tabletten\b|\btroppe (?:pillole|compresse|pastiglie)\b",
)
_MANY_PILLS = re.compile(
    r"\b(?:took|taken|swallowed|ingested|ate|eaten) (?:\w+ ){0,3}?(\d+)\b(?! ?(?:mg|milligram))"
    r" (?:\w+ ){0,3}?"
    r"(?:pills|tablets|tabs|caps|capsules|baclofen)\b"
)
_WEAK = _rx(
    r"\boverdos\w*|\bsurdose\b|\bsobredosis\b|\bu(?:e)?berdosis\b|\bsovradosaggio\b",
    r"\b(?:trouble|difficulty|difficult|problems?|struggling|hard time|hard|labou?red|slow|slowed"
    r"|shallow|weak|irregular|noisy) (?:breathing|to breathe|breathe)\b",
    r"\bbreathing (?:is |seems |very |really |so ){0,2}(?:slow|slowly|shallow|weak|irregular|strange|weird"
    r"|labou?red|funny|noisy)\b|\bshort(?:ness)? of breath\b",
    r"\b(?:had|has had|have had|just had) (?:a |an |another )?(?:seizure|fit|convulsion)s?\b(?! disorder)",
    r"\b(?:hard|difficult|impossible) to wake\b|\bcan't stay awake\b|\bbarely conscious\b",
    r"\bhallucinating\b|\bseeing things\b|\bhearing voices\b|\bdelirious\b|\bsuicidal\b",
)
_STOPPED = re.compile(
    r"\b(?:stopped|stopping|quit|ran out|run out|came off|come off|went off|cold turkey"
    r"|missed (?:\w+ )?doses|forgot|no longer taking|haven't taken|hasn't taken)\b"
    # (not "suddenly" alone: "she's suddenly all confused" tells when, not that she stopped)
)
_WD_SYMPTOM = re.compile(
    r"\b(?:hallucinat\w*|seeing things|hearing (?:things|voices)|fever\w*|temperature|confusion"
    r"|(?:is|he's|she's|i'm|im|very|so|became|become|becoming|getting|seems|and|acting) confused"
    r"|delirious|delirium|seiz\w*|convuls\w*)"
)
# stopping told plainly: "goes without them from one day to the next", "throw the rest of the
# packet in the bin" (STOPPING below reads these too)
STOPPED_PLAINLY = re.compile(
    r"\b(?:stop|stops|stopped|stopping|quit\w*)\w* (?:\w+ ){0,3}?from one day to the next\b"
    r"|\b(?:go|goes|going|went|gone|do|does|doing|did) without (?:them|it|baclofen|(?:his|her|their"
    r"|my|the) (?:\w+ )?(?:tablets|pills|baclofen|meds|medication|medicine|doses?))\b"
    r"|\b(?:throw|throws|throwing|threw|bin|bins|binning|chuck\w*|toss\w*|flush\w*) (?:\w+ ){0,5}?"
    r"(?:packet|pack|box|tablets|pills|bottle|meds|baclofen)(?: \w+){0,3}? (?:in the bin|away|out"
    r"|down the (?:toilet|loo|sink))\b"
    # "I've had none since Friday", "could that be from going without?", "the chemist is out of stock"
    r"|\b(?:had|taken|have had|i'?ve had|he'?s had|she'?s had) none (?:since|for)\b"
    r"|\b(?:go|goes|going|went|gone) without\s*(?:[?.!,;]|$)|\bout of stock\b"
)
# Baclofen's own withdrawal: stopping, tapering or missing doses of baclofen (not "stop
# drinking", "quit smoking", "stop you wanting a drink", "stopped breathing").
_OBJ = (
    r"(?:taking |using |the |my |his |her |your |their |our )?(?:baclofen|it|them|the drug"
    r"|the medicine|the medication|medication|meds|pills|tablets|dose|doses|treatment"
    r"|(?:my|his|her|your|their) (?:\w+ )?(?:baclofen|pills|tablets|meds|medication|dose))"
)
STOPPING = _rx(
    r"\b(?:stop|stops|stopped|stopping|quit|quits|quitting|discontinu\w*|come off|coming off"
    r"|came off|go off|going off|get off|getting off|taper\w*|wean\w*|interrupt\w*|cease\w*)"
    r" " + _OBJ + r"\b",
    r"\b(?:stop|stops|stopped|stopping|quit\w*|discontinu\w*|withdraw\w*)\w* (?:\w+ ){0,3}?"
    r"(?:suddenly|abruptly|at once|all at once|cold turkey|overnight|immediately)\b",
    STOPPED_PLAINLY.pattern,
    r"\b(?:suddenly|abruptly) (?:stop\w*|quit\w*|discontinu\w*)",
    r"\bif (?:i|you|he|she|we|they|someone|somebody|patients?|people|my \w+) "
    r"(?:stop|stops|stopped|quit|quits)(?: (?:it|them|baclofen))?\s*$",
    r"\b(?:ran|runs?|running) out of " + _OBJ,
    # "hallucinations when it is stopped?", "if the tablets are withdrawn suddenly"
    r"\b(?:it|baclofen|the (?:drug|treatment|medicine|medication|tablets|pills)|they) (?:is|are|was"
    r"|were|be|gets?|got|has been|have been|being) (?:suddenly |abruptly )?(?:stopped|discontinued"
    r"|withdrawn)\b",
    r"\bpumps? (?:\w+ ){0,3}?(?:runs? (?:dry|out|empty)|ran (?:dry|out|empty)|stops?|stopped|fails?"
    r"|failed|malfunction\w*|breaks?|broke)\b",
    # "a pump for his spasticity, and the clinic says it might run empty before the refill"
    r"\bpumps?\b.*\b(?:run|runs|ran|running|go|goes|went|going|gets?|getting|got) (?:dry|empty"
    r"|out)\b|\bpumps?\b.*\b(?:it|the pump|the drip|the flow|delivery) (?:\w+ )?(?:stops|stopped"
    r"|fails|failed|breaks down|broke down|cuts out|cut out)\b",
    r"\b(?:miss|misses|missed|missing|skip|skips|skipped|skipping|forgot|forgets|forget|forgetting) (?:\w+ ){0,3}?"
    r"(?:dose|doses|pill|pills|tablet|tablets|baclofen)\b",
    r"\b(?:abrupt|sudden)\w* (?:withdrawal|stop\w*|discontinu\w*|cessation|end\w*)\b",
    r"\bbaclofen withdrawal\b|\bwithdrawal (?:from|of|after stopping) (?:baclofen|it|the drug)\b",
    r"\btaper\w*\b|\bweaning\b",
    # "the consultant wants him off it", "halve the dose for a week and then just stop"
    r"\b(?:wants?|wanted|get|gets|getting|take|taking|took|have|having) (?:him|her|them|me|you|us)"
    r" off (?:it|baclofen|them|the (?:\w+ )?(?:tablets|pills|drug|medicine|medication))\b",
    r"\b(?:halv\w*|cut\w*|drop\w*|reduc\w*|lower\w*) (?:\w+ ){0,8}?(?:and |, )?then (?:just |simply )?"
    r"stop\w*\b",
    # "how was it brought to a stop?": how the treatment was ended
    r"\b(?:it|baclofen|the (?:drug|treatment|medicine)) (?:was |is |be )?(?:brought|came|come) to"
    r" (?:a stop|an end)\b",
    # "reduce my dose gradually myself": a taper, however it is worded
    r"\b(?:reduc|lower|decreas|cut)\w* (?:\w+ ){0,4}?(?:gradually|slowly|bit by bit|step by step"
    r"|little by little)\b",
    # "reduce it gradually before stopping" (read from "diminuer progressivement ... l'arrêter")
    r"\b(?:reduc\w*|lower\w*|decreas\w*|cut\w*)\b.*\bgradual\w*\b.*\bstop\w*|\bgradual\w*\b.*\bbefore stop\w*",
    r"\bif (?:it|baclofen|treatment|the drug) (?:should|must|is to|has to|needs to|is going to)"
    r" be (?:stopped|discontinued|withdrawn|ended)\b",
    r"\bhow (?:was|is|were|should) (?:baclofen|it|the drug|treatment) (?:\w+ )?(?:stopped|ended"
    r"|withdrawn|discontinued)\b",
)
_FEVER = re.compile(r"\b(?:fever\w*|temperature|febrile|burning up)\b")
_RIGID = re.compile(r"\b(?:rigid\w*|stiff\w*)\b")
_HISTORY = re.compile(
    r"\b(?:ago|history|as a (?:child|kid)|in the past|once|previous|prior|childhood|epilep\w*)\b"
)
# words of now ("just", "tonight", "minutes ago"): someone in danger at this moment
_NOW_WORDS = (
    r"now|right now|currently|just|tonight|today|this (?:morning|evening|afternoon)|at the moment"
    r"|urgent\w*|hurry|asap|(?:a few |\d+ )?minutes? ago"
)
_NOW = re.compile(rf"\b(?:{_NOW_WORDS})\b")
_PERSON = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|me|my|we|our|us|he|he's|hes|she|she's|shes|him|her|his"
    r"|husband|wife|son|daughter|mother|mom|mum|father|dad|friend|partner|brother|sister|child"
    r"|kid|toddler|baby|boyfriend|girlfriend|roommate|flatmate|grandma|grandmother|grandfather"
    rf"|grandpa|{_NOW_WORDS}"
    # a cry for help ("please help", "help me"), not "does dialysis help in an overdose?" nor a
    # purpose ("given it to help them off the booze")
    r"|(?<!\bto )help(?=\s*[!?.,]|\s*$| me\b| us\b| him\b| her\b| them\b| please\b))\b"
)
_INFO = _rx(
    r"\baccording to\b|\blabels?\b|\blabelling\b|\bprescribing information\b|\bmonograph\b",
    r"\bleaflet\b|\bstud(?:y|ies)\b|\btrials?\b|\bliterature\b|\breported\b|\bcase reports?\b",
    r"\bseries\b|\bcohort\b|\b(?:people|patients|the ones) who (?:had )?overdosed\b",
    r"\bincidence\b|\bhow (?:common|often|frequent)\b|\b(?:signs|symptoms) of\b|\bwhat are the\b",
    r"\bdescribe\b|\bsummari[sz]e\b|\bmechanism\b|\brisk of\b|\brate of\b|\bhow is \w+ treated\b",
    r"\btreatment of\b|\bmanagement of\b|\bmanaged\b|\b(?:does|can|could|do) (?:baclofen|it) cause\b",
    r"\bexplain\b|\bevidence\b|\bguidelines?\b|\bfda\b|\btga\b|\bansm\b|\bcan (?:you|one|people"
    r"|someone|a person) (?:\w+ )?overdose\b|\bis it possible to overdose\b"
    r"|\bwhat happens if (?:you|someone|one|a person|people|patients)\b",
)


def is_personal(text: str) -> bool:
    """The text speaks of someone in particular or of now ("my husband", "I", "right now")."""
    return bool(_PERSON.search(normalise(text)))


def in_danger(text: str) -> bool:
    """Whether the text describes someone in danger now (an overdose, a seizure, withdrawal
    symptoms after stopping), as opposed to asking about such events."""
    return emergency_in(normalise(text))


# "he once tried to end his life", "a previous suicide attempt": a history told, not a crisis now
_PAST_ATTEMPT = re.compile(
    r"\b(?:once|previously|in the past|years ago|(?:a )?history of|previous|prior|past|earlier)"
    r" (?:\w+ ){0,2}?(?:tried|attempted) to (?:end|take|kill) (?:his|her|their|my) (?:own )?"
    r"(?:life|self)\b|\b(?:previous|prior|past|earlier|old) suicide attempts?\b"
    r"|\bhistory of (?:a )?suicide attempts?\b"
)


def emergency_in(t: str) -> bool:
    """``in_danger`` for text already normalised."""
    if _STRONG.search(_PAST_ATTEMPT.sub(" ", t)):
        return True
    m = _MANY_PILLS.search(t)
    if m and int(m.group(1)) >= 5:
        return True
    personal = bool(_PERSON.search(t)) and not _INFO.search(t)
    if not personal:
        return False
    weak = _WEAK.search(t)
    if weak and not (
        weak.group(0).startswith(("had", "has", "have", "just")) and _HISTORY.search(t)
    ):
        return True
    if _STOPPED.search(t) and _WD_SYMPTOM.search(t):
        return True
    return bool(_FEVER.search(t) and _RIGID.search(t))


def withdrawal_signs(t: str) -> bool:
    """Whether normalised text tells of signs that withdrawal can bring (fever, hallucinations,
    confusion, seizures)."""
    return bool(_WD_SYMPTOM.search(t))


def after_stopping(t: str) -> bool:
    """Whether normalised text in danger tells of stopping baclofen rather than of taking too
    much."""
    return bool(_STOPPED.search(t)) and not _MANY_PILLS.search(t) and "overdos" not in t
