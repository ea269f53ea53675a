"""How a question speaks of one study in everyday words: the words that say a study is meant
("that trial", "the Los Angeles one", "that british clinic where ..."), and the words that say
what kind of study ("the doctor who treated his own drinking": a case report; "that insurance
study": records kept for another purpose; a guideline named as one). Read by
:func:`~assistant.answering.question.entities.find_trials`."""

from __future__ import annotations

import re

TRIAL_CUE = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|rcts?|review|meta.?analys[ie]s|paper|experiment|cohort|series"
    r"|research|investigation|cochrane|analysis|pilot|survey|register|registry|statement"
    r"|guideline|case|report|consensus|case.?series|network)\b"
    r"|\bthe (?:\S+ ){1,4}?one\b(?! of\b)"  # "the Los Angeles one": a study named before
    r"|\b(?:that|the) (?:\w+ )?test (?:where|in which|with|on|of)\b"  # "that test where ..."
    # "that british clinic where ...", "the hospital in which ...": where a study was done
    r"|\b(?:that|the) (?:\S+ ){0,3}?(?:clinic|hospital|unit|centre|center)(?: \S+){0,3}? (?:where"
    r"|in which)\b"
    # "that french doctor who treated his own drinking": one person's report
    r"|\b(?:that|the) (?:\S+ ){0,2}?(?:doctor|physician|cardiologist|surgeon|man|woman|patient)"
    r" who\b"
)
# How a question describes a study's kind in everyday words: one person ("the doctor who treated
# his own drinking"), records kept for another purpose ("that big insurance study"), a guideline.
ONE_PERSON = re.compile(
    r"\b(?:his|her) own\b|\bhimself\b|\bherself\b|\bone (?:man|woman|patient|person)\b"
)
RECORDS_KEPT = re.compile(
    r"\binsurance\b|\bdatabases?\b|\bregist(?:er|ry|ries)\b|\bclaims data\b|\bhealth records\b"
    r"|\bprescription records\b|\bnational (?:data|records)\b"
)
GUIDANCE = re.compile(
    r"\bguidelines?\b|\brecommend\w*|\bguidance\b|\brule\s?book\b|\bsociety\b|\bstatement\b"
    r"|\bconsensus\b|\bcollege\b|\bassociation\b|\bpanel\b|\bexperts?\b"
)
# what a question about a study's dose asks ("what dose did they use?", "how high did they go?",
# "did they titrate?"), not "how much weight can we put on it?" nor "how much were they drinking?"
DOSE_ASKED = re.compile(
    r"\bwhat (?:\w+ )?(?:dose|doses|dose range)\b|\bhow (?:high|much)\b(?! (?:\S+ ){0,4}?(?:weight"
    r"|trust|less|more|longer|drink\w*|smok\w*|used?|alcohol)\b)|\btitrat\w*"
    r"|\b(?:got|get|go|went|gone) up to\b|\b(?:got|get|reached?) to the (?:top|target|highest|full"
    r"|maximum) dose\b|\bhow was the dose\b"
)
