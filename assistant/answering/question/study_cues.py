"""How a question speaks of one study in everyday words: the words that say a study is meant
("that trial", "the Los Angeles one", "that british clinic where ..."), and the words that say
what kind of study ("the doctor who treated his own drinking": a case report; "that insurance
study": records kept for another purpose; a guideline named as one). Read by
:func:`~assistant.answering.question.entities.find_trials`."""

from __future__ import annotations

import re

from assistant.vocab import NUMBER_WORDS

TRIAL_CUE = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|rcts?|review|meta.?analys[ie]s|paper|experiment|cohort|series|write.?ups?"
    r"|research|investigation|cochrane|analysis|pilot|survey|register|registry|statement"
    r"|guideline|case|report|consensus|case.?series|network|try.?outs?|look.?backs?)\b"
    # "a long article by 26 doctors": a publication described by who wrote it
    r"|\barticles? (?:by|from|written)\b|\b(?:book|memoir)\b"
    # "the danish researchers who looked at poisonings": the people behind a study
    r"|\b(?:that|the|those) (?:\S+ ){0,2}?(?:researchers|investigators|scientists) (?:who|that)\b"
    # "the Los Angeles one": a study named before (not "the little one", a child)
    # (not "the smoking with one drug": "one" counting, across a preposition)
    r"|\bthe (?!(?:little|young|wee|loved|tiny|new|youngest|eldest|oldest) ones?\b)"
    r"(?:(?!(?:with|and|or|for|by|on|in|at|to|from|of)\b)\S+ ){1,4}?one\b(?! of\b)"
    r"(?! (?:\w+ )?(?:drug|medicine|medication|pill|tablet|dose|day|week|month|year|thing|time"
    r"|person|baby|babies|child|man|woman|patient)s?\b)"
    # "that enormous comparison of every medicine", "that 2023 roundup": a review told in lay words
    r"|\b(?:that|the|this) (?:\S+ ){0,3}?(?:comparison|roundup|round-up|look at)\b"
    r"|\b(?:that|the) (?:\w+ )?test (?:where|in which|with|on|of)\b"  # "that test where ..."
    # "that british clinic where ...", "the hospital in which ...": where a study was done
    r"|\b(?:that|the) (?:\S+ ){0,3}?(?:clinic|hospital|unit|centre|center)(?: \S+){0,3}? (?:where"
    r"|in which)\b"
    # "in the two hospitals of a small city": a multi-site study told by its sites
    r"|\b(?:in|at|across) (?:the )?(?:two|three|four|five|six|\d+) (?:\S+ )?(?:hospitals|clinics"
    r"|centres|centers|sites|units)\b"
    # "that french doctor who treated his own drinking": one person's report
    # "that look at two dozen overdoses", "the poisons line for the west of France": a series
    r"|\b(?:that|the|a) (?:\w+ )?look (?:at|into|back at|through)\b"
    r"|\bpoisons? (?:line|centres?|centers?|information|control|hotline|helpline)\b"
    r"|\btoxicology (?:unit|service|department|centre|center)\b"
    r"|\b(?:that|the) (?:\S+ ){0,2}?(?:doctor|physician|cardiologist|surgeon|man|woman|patient)"
    r" who\b"
)
# How a question describes a study's kind in everyday words: one person ("the doctor who treated
# his own drinking"), records kept for another purpose ("that big insurance study"), a guideline.
ONE_PERSON = re.compile(
    r"\b(?:his|her) own\b|\bhimself\b|\bherself\b|\bone (?:man|woman|patient|person)\b"
)
# what a question asks a study's text to say ("does it say how many tablets they took?")
STUDY_SAYS = re.compile(
    r"\b(?:does|did|do) (?:it|they|the (?:study|paper|authors|report)) (?:say|report|record|tell|give"
    r"|mention|note|state)\b"
)
RECORDS_KEPT = re.compile(
    r"\binsurance\b|\bdatabases?\b|\bregist(?:er|ry|ries)\b|\bclaims data\b|\bhealth records\b"
    r"|\bprescription records\b|\bnational (?:data|records)\b"
)
# a study a label or product information cites or describes (it has no record of its own), in
# either order ("the study the US label cites", "the study that cites the label", a translation's)
_LABEL = (  # (not an "open-label" study)
    r"(?<!open-)(?<!open )\b(?:labels?|labelling|prescribing information|package insert"
    r"|product information|monograph|lactmed)\b"
)
_CITES = r"\b(?:cites?|cited|describes?|described|mentions?|mentioned|quotes?|quoted|reports?|reported)\b"
_STUDY = r"\b(?:stud(?:y|ies)|trials?)\b"
LABELS_OWN = re.compile(
    rf"{_STUDY}[^,;?.]{{0,80}}?(?:{_LABEL}[^,;?.]{{0,40}}?{_CITES}|{_CITES}[^,;?.]{{0,30}}?{_LABEL})"
    # "the label's own study", "the label study", "the study in the US label"
    rf"|{_LABEL}(?:['\u2019]s?)? (?:own )?(?:\w+ ){{0,3}}?{_STUDY}"
    rf"|{_STUDY} (?:\w+ ){{0,3}}?(?:in|on|from|behind|of) the (?:\w+ ){{0,2}}?{_LABEL}"
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

# how big and how long a study is said to be, and without a placebo ("ten men for a month, no
# dummy pills")
_NUMBER_WORDS = {w: i for i, w in enumerate(NUMBER_WORDS)}
_PEOPLE_WORDS = (
    r"(?:[\w-]+ ){0,3}?(?:people|patients|participants|adults|men|women|guys|drinkers|smokers"
    r"|users|volunteers|veterans|subjects|outpatients|inpatients|cases|overdoses|presentations"
    r"|poisonings|self-poisonings)\b"
)
_SIZE = re.compile(rf"\b(\d{{1,3}}(?:,\d{{3}})*|{'|'.join(_NUMBER_WORDS)}) {_PEOPLE_WORDS}")
_DOZENS = re.compile(
    rf"\b(about |around |roughly |some |nearly |almost |over |under )?(a|one|{'|'.join(NUMBER_WORDS)})"
    rf" dozen {_PEOPLE_WORDS}"
)
# a study named by what it compared ("the Indian study that compared baclofen with topiramate")
DESCRIBED_COMPARISON = re.compile(
    r"\b(?:stud(?:y|ies)|trial|cohort)\b (?:of \w+ (?:\d{4} )?)?(?:that |which )?(?:compar\w*|contrast\w*)"
    r"\b[^,?()]*|\b\d{4},? \w+ (?:versus|vs)\b[^,?]*|\bbaclofen (?:with|and) \w+ (?:\w+ ){0,4}compared\b"
    # "that old study that pitted the spasm pill against valium", "where it was up against ..."
    r"|\b(?:stud(?:y|ies)|trial|cohort)\b (?:that|which|where) (?:\w+ ){0,4}?(?:pitted|(?:was|were"
    r"|went|put) up against)\b[^,?()]*"
)
# "the first Italian study", "the earliest try-out"
FIRST_STUDY = re.compile(
    r"\b(?:first|earliest|original) (?:\w+ ){0,2}(?:study|trial|rct|placebo.controlled|pilot"
    r"|try.?out)\b"
)
UNCONTROLLED = re.compile(
    r"\bno (?:dummy|placebo|sugar).?pill|\bwithout (?:a )?(?:placebo|control)|\buncontrolled\b"
    r"|\bno (?:placebo|control) (?:group|arm|check)|\bopen.?label\b|\bno comparison group\b"
    r"|\b(?:with|had|got|used) no placebo\b"
)


def study_weeks(text: str) -> float | None:
    """A treatment length a question states, in weeks ("for a month" -> 4.3)."""
    if re.search(r"\b(?:a|one) month\b|\b30 days\b", text):
        return 4.3
    # ("for 16 weeks", "for four months")
    m = re.search(rf"\b(\d{{1,2}}|{'|'.join(NUMBER_WORDS)}) ?(weeks?|months?)\b", text)
    if not m:
        return None
    n = _NUMBER_WORDS.get(m.group(1), m.group(1))
    return float(n) * (4.33 if m.group(2).startswith("month") else 1.0)


_ONE_WRITER = re.compile(
    r"\b(?:by|from) (?:a|one) (?:\w+ )?(?:doctor|physician|psychiatrist|gp|researcher|specialist"
    r"|clinician|scientist)\b(?! (?:who|that) (?:treated|took|used|tried) (?:his|her) own\b)"
)
_WRITERS = re.compile(
    rf"\bby (\d{{1,3}}|{'|'.join(NUMBER_WORDS)}) (?:\w+ )?(?:doctors|experts|authors|specialists"
    r"|researchers|clinicians|physicians|scientists)\b"
)


def writers_said(text: str, design: str, authors: str = "") -> float:
    """How well who wrote it fits: "an article by 26 doctors" is a record whose design names that
    many authors ("review by 26 authors", 4); "a write-up by a doctor in France" one written by a
    single author (``authors`` holds no second name and no "et al.", 2.5)."""
    m = _WRITERS.search(text)
    if not m:
        one = _ONE_WRITER.search(text) and authors and "," not in authors and "et al" not in authors
        return 2.5 if one else 0.0
    n = _NUMBER_WORDS.get(m.group(1), m.group(1))
    return 4.0 if re.search(rf"\b{n} (?:authors|experts)\b", design) else 0.0


def group_sizes(text: str) -> set[int]:
    """The group sizes a question states ("ten guys", "320 patients")."""
    out = set()
    # "if 100 people take it, how many will it help?": a way of asking for a rate, not a study
    text = re.sub(
        r"\b(?:if|say|out of|per|for every|of every|in every|every) \S+ (?:people|patients)\b",
        "",
        text,
    )
    for m in _SIZE.finditer(_DOZENS.sub(" ", text)):
        word = m.group(1)
        out.add(_NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word.replace(",", "")))
    # "about two dozen overdoses": a rounded size, any count near it
    for m in _DOZENS.finditer(text):
        dozens = 1 if m.group(2) in ("a", "one") else _NUMBER_WORDS.get(m.group(2), 0)
        size = 12 * dozens
        if m.group(1) and size:
            out |= set(range(size - max(1, size // 10), size + max(1, size // 10) + 1))
        elif size:
            out.add(size)
    return out


_COUNTED_TRIALS = re.compile(
    rf"\b(?:(about|around|roughly|some|nearly|almost) )?(\d{{1,3}}|{'|'.join(NUMBER_WORDS)}|a dozen"
    r"|two dozen) (?:\S+ ){0,2}?(?:trials|studies|rcts)\b"
)
# "in that italian trial where people like him got ...", "someone like that": the people the
# story or the turn before describes
LIKE_THEM = re.compile(
    r"\b(?:people|patients|someone|a person|men|women|folks?) like (?:him|her|them|me|us|that|this"
    r"|those|my \w+)\b"
    r"|\bsuch (?:people|patients)\b"
)
# a study of two doses, asked ("the one that tried two strengths") and as its dose field says it
TWO_DOSES = re.compile(
    r"\btwo (?:different )?(?:strengths|doses|dose levels|amounts|dosages)\b"
    r"|\b(?:a )?['\"]?(?:low|lower|small|smaller)['\"]? (?:and|versus|vs\.?|or) (?:a )?['\"]?(?:high"
    r"|higher|big|bigger|large|larger)['\"]? (?:(?:set|fixed|daily) )?(?:dose|amount)"
    # "either the usual amount of the muscle relaxer, double that, or dummy pills"
    r"|\b(?:usual|normal|standard|regular) (?:amount|dose)\b[^.?;]{0,50}?\b(?:double|twice) (?:that|it"
    r"|the (?:amount|dose))\b"
)
TWO_DOSE_ARMS = re.compile(
    r"\b\d+ mg/day\)?,? (?:or|and) (?:\d+ mg[^,;]*?)?\(?\d+ mg/day|\b\d+ and \d+ mg/day"
    r"|\bhigh dose\b[^;]*\blow dose\b|\blow dose\b[^;]*\bhigh dose\b"
)
# a review of many studies, in any words ("that 2018 pooled look at a dozen studies")
POOLED_CUE = re.compile(
    r"\bmeta.?analys[ie]s\b|\bsystematic review\b|\bcochrane\b|\bpooled\b|\broundup\b"
    r"|\bround-up\b|\bnetwork\b|\b(?:look|analysis|comparison|review) (?:at|of) (?:\S+ ){0,3}?"
    r"(?:studies|trials|medicines?|drugs?|treatments?)\b|\bcompared (?:\S+ ){0,2}?(?:medicines|drugs)\b"
)
# "the big network meta-analysis", "that enormous comparison": the largest of those that fit
BIG_STUDY = re.compile(
    r"\b(?:big|bigger|biggest|large|larger|largest|huge)\b|\b(?:enormous|massive|giant|vast)"
    r" (?:\S+ ){0,2}?(?:trial|study|review|meta.?analysis|comparison|analysis|look|cohort)\b"
)
# "that enormous comparison of every medicine for drinking": a network meta-analysis
EVERY_MEDICINE = re.compile(
    r"\b(?:every|all(?: the)?|each) (?:\w+ )?(?:medicines?|drugs?|medications?|treatments?"
    r"|pills?|tablets?)\b|\bnetwork\b"
)


def trials_counted(text: str) -> set[int]:
    """The number of trials a question says a review pooled ("a dozen studies", "14 trials")."""
    out: set[int] = set()
    for m in _COUNTED_TRIALS.finditer(text):
        word = m.group(2)
        n = {"a dozen": 12, "two dozen": 24, **_NUMBER_WORDS}.get(word) or int(word)
        spread = max(1, n // 10) if m.group(1) or "dozen" in word else 0
        out |= set(range(n - spread, n + spread + 1))
    return out


# why a study was done, or done the way it was ("why did they pick that group?", "what made them
# think it might help?", "why did Jose and colleagues think they were worth comparing?", "was it
# the first clinical test of that idea?"): its background, not its result
_RESEARCHERS = (
    r"(?:they|them|(?:the|that|this|those|these) (?:\w+ ){0,5}?(?:authors|researchers|investigators|team|doctors|people|study"
    r"|trial|group)|\w+ (?:and (?:colleagues|co-?workers|his team|her team)|et al\.?))"
)
ASKS_WHY_DONE = re.compile(
    r"\bwhy (?:was|were|did) (?:it|they|this|that|the [\w-]+(?: [\w-]+){0,4}?"
    r"|[\w-]+(?: [\w-]+){0,3}?) (?:do|done|carried out|conducted|run|set up|undertaken"
    r"|performed|started|launched)\b|\b(?:the )?rationale\b|\b(?:reasoning|thinking|idea|logic) behind\b"
    # "why keep following people for that long?": why the study ran as long as it did
    r"|\bwhy (?:keep|kept|go on|went on) (?:following|tracking|checking|watching)\b"
    # "why did the Dutch team try such high doses?" (and as a German question reads)
    r"|\bwhy (?:did|does|do|would|have|has) (?:\S+ ){1,10}?(?:such |so )?(?:high|big|large) doses"
    r"(?: \S+){0,2}? (?:tried|tested|used|given|chosen)\b|\bwhy (?:did|does|do|would) (?:\S+ ){1,8}?"
    r"(?:try|test|use|give|choose) (?:such |so )?(?:high|big|large) doses\b"
    r"|\bwhy did (?:\S+ ){1,12}?(?:start|begin) (?:looking|studying|research\w*)\b"
    r"|\bwhat (?:was|were) (?:the |its |their )?(?:main |primary |overall |chief )?(?:aims?"
    r"|purpose|goals?|objectives?|point)\b"
    r"|\b(?:trying|hoping|set out|meant|designed) to (?:find out|show|test|answer|learn|see"
    r"|prove|establish)\b|\bwhat question\b|\bwhy (?:was|were) (?:it|they|the \w+) needed\b"
    r"|\bwhy (?:was|were) (?:baclofen|it) (?:\S+ ){0,16}?(?:tested|tried|studied|chosen|compared)\b"
    r"|\bwhy (?:did|do|would) (?:\S+ ){1,8}?(?:think|decide|choose|chose|want|pick|expect"
    r"|believe|consider) (?:\S+ ){0,6}?(?:worth|to (?:compare|test|study|try|run|look))\b"
    r"|\bworth (?:comparing|testing|studying|trying)\b"
    # what earlier work it stood on ("what had it been built on?"), in a read translation too
    # ("Why reviewed Léger and colleagues ...?", "With what aim ...?")
    r"|\b(?:built|based|founded|grounded|rest(?:ed|ing)?) (?:up)?on\b(?! (?:\w+ ){0,2}(?:results?|findings?))"
    r"|\b(?:what|which) (?:earlier|previous|prior|past) (?:work|research|studies|findings|evidence)\b"
    r"|\bwhy (?:reviewed|studied|examined|analy[sz]ed|compared|tested|investigated|looked at)"
    r" \S+ (?:and (?:colleagues|co-?workers)|et al)\b|\bwith (?:what|which) (?:aim|objective|purpose|goal)\b"
    r"|^(?:was|is) (?:\S+ ){1,6}?the first (?:\w+ )?(?:test|trial|study|attempt|report)\b"
    # the researchers' own choices: whom they took, what they looked at, how they dosed
    rf"|\bwhy (?:did|would|had) {_RESEARCHERS} (?:\S+ ){{0,6}}?(?:pick|choose|chose|select|includ"
    r"|want(?! (?:it|baclofen|them|the drug)\b)|recruit|enrol|look|review|focus|decide"
    r"|go out of (?:its|their) way|write|study|test"
    r"|try|take|do (?:it|this|that) (?:that|this|the same) way)\w*"
    rf"|\bwhat (?:had |first )?(?:made|led|prompted) {_RESEARCHERS} (?:to )?(?:think|try|test"
    r"|believe|expect|suspect)"
    # what was known before it: "before that series came out, what had doctors had to go on?"
    r"|\bbefore (?:that|this|the|their|its) (?:\w+ )?(?:study|series|trial|review|paper|report)"
    r" (?:came out|was published|appeared)\b|\bwhat (?:was|had been) known before\b"
    r"|\bwhat had (?:\w+ ){0,2}(?:had )?to go on\b",
    re.I,
)


# "more than 165,000 people", "some 300 patients": a size given roughly
_ROUGH_SIZE = re.compile(
    r"\b(?:more than|over|about|around|nearly|almost|some|roughly|approximately)\s+"
    r"(\d{1,3}(?:,\d{3})+|\d+)\b"
)


def roughly(text: str, n: int | None) -> bool:
    """A size the text gives roughly that ``n`` rounds to (within a tenth)."""
    return bool(n) and any(
        abs(int(m.group(1).replace(",", "")) - n) <= 0.1 * n for m in _ROUGH_SIZE.finditer(text)
    )


# "was that from a proper controlled trial?": whether it was one, not which trial it was
IS_IT_FROM = (
    r"\b(?:was|is|were) (?:that|this|it|they|those) (?:from |based on |in |backed by )?(?:a |an )?"
    r"(?:proper |real |actual )?"
)
ASKS_IF_TRIAL = re.compile(
    IS_IT_FROM + r"(?:(?:controlled|randomi[sz]ed|placebo.controlled) )*(?:trial|rct)s?\b"
)
