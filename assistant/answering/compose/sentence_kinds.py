"""What kind of sentence a candidate is, read from its words alone: about the library instead of
the topic, design only, a study's plan, leaning on the sentence before, pointing at something
unseen, or about what could not be checked. The composer skips or ranks down such sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from assistant.library.chunks import split_sentences, tokenize
from assistant.vocab import COMPANIES, LABEL_REACTIONS, NUMBER_WORDS

# Sentences about the library, the records or the sources instead of the topic.
META = re.compile(
    r"\b(?:this|the|our|these) (?:record|records|corpus|library|database|fact sheet|overview)\b"
    r"|\bsee (?:the )?record\b|\bno (?:source|record)s? (?:in|here)\b|\bcovered (?:in|by) the\b"
    r"|^(?:a frequent error|this is false|myth|note|claim)\b[:.]|\bthe sources? (?:checked|here|used)\b"
    r"|\bnot (?:retrieved|verified|confirmed) (?:for|in|by) (?:this|the)\b|\bwas not retrieved\b"
    r"|\bthe (?:checked|retrieved) (?:sources|pages|abstracts?)\b|\b(?:these|the) sources\b"
    r"|\bcovered by (?:these|the)\b|\bin (?:this|the) (?:collection|set of sources)\b",
    re.I,
)
# where in a document something is written ("... appear in the warnings sections of the labels"):
# an answer only to a question about the document's sections
WHERE_LISTED = re.compile(
    r"\b(?:appears?|(?:are|is) (?:listed|placed|given)|sits?)\b (?:\w+ ){0,3}?(?:in|under) the"
    r" (?:[\w-]+ ){0,5}?sections?\b",
    re.I,
)
# words whose other sense is not the effect asked: "depression" of breathing or of the CNS is not
# low mood ("can baclofen cause depression?")
OTHER_SENSE = re.compile(
    r"\b(?:respiratory|cns|central nervous system|nervous system|breathing)\s+depress\w*"
    r"|\b(?:anti)?depressants?\b|\bdepressed breathing\b",
    re.I,
)
# A sentence that only describes how a study was done.
DESIGN = re.compile(
    r"\b(?:randomi[sz]ed|screened|enrolled|recruited|assigned|allocated|were included|eligible"
    r"|inclusion|exclusion|double.?blind|placebo.?controlled|multi.?cent(?:re|er)|open.?label"
    r"|took (?:part|part in)|the (?:study|trial) (?:was|ran|lasted|used)|participants (?:were|had)"
    r"|were compared with|(?:prospective|retrospective) matched|matched (?:study|comparison)"
    r"|in order to (?:derive|measure|test|assess|compare|estimate|find out)|(?:aimed|set out|was"
    r" designed) to (?:derive|measure|test|assess|compare|estimate|find out))",
    re.I,
)
RESULT = re.compile(
    r"\b(?:than|versus|vs\.?|reduc\w*|increas\w*|improv\w*|lower\w*|higher|fewer|more|less"
    r"|did not|no (?:significant )?(?:difference|effect|benefit)|not significant|significant\w*"
    r"|failed|benefit\w*|worse|better|abstinen\w*|relapse\w*|odds ratio|relative risk|risk ratio"
    r"|p ?[=<]|%|found|showed|concluded|halved|doubled|died|deaths?)\b",
    re.I,
)

# Sentences that lean on the one before ("They advised ...", "The review also ..."): they do not
# stand alone in an answer.
LEANING = re.compile(
    r"^(?:it|they|he|she|his|her|its|their|this|these|those|such|also|however|in addition|similarly"
    r"|the same"
    r"|likewise|but|and|here|there|both|neither)\b"
    r"|^the (?:review|study|trial|paper|authors?|analysis|report|statement|survey|series)"
    r" (?:also|further|then|added)\b",
    re.I,
)


# Words pointing back at something an answer's reader has not seen.
POINTING = re.compile(
    r"\b(?:the same (?:database|source|study|trial|review|label|group|record|authors?)"
    r"|this (?:label|dose|maximum|figure|review|study|trial|report|series|account)|also|his|her"
    r"|adds? that|a parallel)\b",
    re.I,
)
# Sentences about what could or could not be checked.
UNCHECKED = re.compile(
    r"\b(?:has|have|had) not been (?:confirmed|checked|verified)\b|\bnot (?:been )?confirmed from\b"
    r"|\bwere not checked\b|\bcould not be (?:confirmed|verified|checked)\b|\bnot checked against\b"
    r"|\bthe exact figures were not checked\b",
    re.I,
)


# The intrathecal pump (a sentence's or a record's topic): an answer only to a question about it,
# never to one about the tablets ("she ran out of her baclofen": oral withdrawal, not the pump's)
PUMP = re.compile(
    r"\bintrathecal\w*|(?<!stomach )\bpumps?\b(?! (?:out|(?:his|her|their|my|your|the) stomach))"
    r"|\bcatheters?\b|\bITB\b|\bspinal (?:drip|infusion)"
)  # ("will they pump out what he took?", "a stomach pump": emptying the stomach)


# A study's weakness ("was modest in size", "needs confirmation"): the answer to a question about
# its limits, not about what it found.
LIMITATION = re.compile(
    r"\b(?:was|were) (?:small|modest|short|underpowered)\b|\bmodest in size\b|\bneeds? confirmation"
    r"|\blimited (?:power|generali[sz]ability)\b|\bwith caution\b|\blimitations?\b"
    r"|\b(?:is|are|was|were) hard to interpret\b|\bno (?:count|denominator)\b|\bcannot give a\b"
    r"|\bhypothesis.generating\b|\bnot confirmatory\b|\brather than confirmatory\b"
    r"|\bdepends? (?:heavily |largely |strongly )?on how\b|\bresidual confounding\b|\bfrom (?:a single|one) (?:\w+ ){0,2}(?:health system|centre|center|hospital|site)\b",
    re.I,
)
# "does it apply to someone like my dad?", "would that hold for older people?"
APPLIES_TO = re.compile(
    r"\b(?:appl(?:y|ies)|hold|carry over|relevant) (?:\w+ ){0,2}?(?:to|for) (?:someone|somebody"
    r"|people like|patients like|my|me|him|her|older|elderly|sicker|younger|the (?:sort|kind|type)"
    r" of (?:people|patients)"
    r"|(?:people|patients|those|anyone) (?:who|with)\b)\b"
    r"|\bsomeone (?:like|in) (?:my|me|him|her)\b"
    # "does it tell us what would happen to someone trying to quit?", "does that trial show it
    # will help him now he's home?"
    r"|\bwhat (?:would|will) happen (?:to|for|with) (?:someone|somebody|people|patients|him|her|me)\b"
    r"|\b(?:show|prove|mean|tell us) (?:that )?it (?:will|would|'ll) (?:\w+ ){0,2}?(?:him|her|me|my)\b",
    re.I,
)
ASKS_LIMITATION = re.compile(
    r"\blimit\w*|\bweak\w*(?! (?:kidney|kidneys|heart|liver|lungs?|muscles?|bladder|bones?|legs?|arms?|blood))|\bcriticis\w*|\bcritique\w*|\bflaw\w*|\bproblems? with\b|\bbias\w*"
    r"|\bhow (?:reliable|robust|trustworthy|convincing)\b|\bcaveats?\b|\bunderpowered\b"
    r"|\bskew\w*|\bdistort\w*|\binflat\w* (?:the|its|his|her|their) (?:results?|findings?)\b"
    r"|\bcautio\w*|\bcareful\b|\bwary\b|\bgenerali[sz]\w*|\bextrapolat\w*"
    r"|\bappl(?:y|ies|ied) (?:everywhere|elsewhere|generally|widely|to (?:other|all|everyone))\b"
    # whether it settles the question, and what should come next ("can that gap be taken as
    # settled for patients elsewhere?", "what did the authors say ought to happen next?")
    r"|\b(?:taken as |be )settled\b|\b(?:confirm\w*|replicat\w*) (?:elsewhere|in other)\b"
    r"|\bcarr(?:y|ies|ied) over to\b|\bhold (?:up|true) (?:for|in|elsewhere)\b"
    r"|\b(?:ought to|should|needs? to) (?:happen|come|be done) next\b|\bnext steps?\b"
    # what its data cannot settle: the cause ("can they say the tablets on their own killed
    # them?"), a risk per person ("can you work out how likely someone prescribed it is to ...?")
    r"|\b(?:on (?:their|its) own|by (?:themselves|itself)|alone)\b (?:\w+ ){0,2}?(?:killed|caused"
    r"|kill|cause|was to blame|were to blame|responsible)\b"
    r"|\bhow likely (?:\w+ ){0,2}?(?:someone|somebody|a person|people|patients|anyone)\b"
    r"|\benough (?:people|patients|participants|subjects|drinkers)\b"  # ("to tell them apart")
    # whether it could have seen a small effect ("could it even have picked up a small benefit?")
    r"|\b(?:pick(?:ed)? up|detect\w*|spott?\w*|pick(?:ed)? out) (?:\w+ ){0,2}?(?:small|smaller|modest"
    r"|slight|subtle|little) (?:benefit|effect|difference|improvement|advantage)s?\b"
    r"|\brest (?:up)?on (?:large|small|big|many|few|enough)\b|\blarge numbers? of (?:patients|people)\b"
    # "what does the headline result hinge on?": what it depends on
    r"|\b(?:results?|findings?|outcomes?|conclusions?) (?:\w+ ){0,4}?(?:hing\w*|depend\w*|rests?"
    r"|resting) (?:\w+ )?on\b"
    # "can it attribute the fall in craving to baclofen itself?": what an open study cannot show
    r"|\b(?:attribut\w*|put down|due|owed|owing) (?:\S+ ){0,8}?(?:to )?(?:baclofen|the drug|the medicine"
    r"|the treatment|it) (?:itself|alone)\b"  # ("can that fall be put down to the baclofen itself?")
    # who watched over a self-experiment ("did anyone else supervise him?")
    r"|\b(?:anyone|anybody|someone|somebody) (?:else )?(?:supervis\w*|monitor\w*|overs[ae]\w*"
    r"|check\w* (?:on|how))"
    r"|" + APPLIES_TO.pattern,
    re.I,
)
# who a study's results may not cover ("those over 70 were excluded, so ... may not apply")
COVERS = re.compile(
    r"\b(?:may|might|do|does|did|would|can) not (?:\w+ )?apply\b|\bexclud\w*|\bgenerali[sz]\w*"
    r"|\bapply only\b|\bnot (?:be )?representative\b|\bonly (?:to )?(?:those|people|patients) who\b"
    r"|\b(?:unclear|uncertain|not known) (?:whether|if) (?:\w+ ){0,3}?apply\b|\bexclusions?\b"
    r"|\bhow far (?:\w+ ){0,3}?apply\b",
    re.I,
)


def is_meta(text: str) -> bool:
    return bool(META.search(text))


# a study's plan (a protocol, what patients "would" receive): never a result
PLANNED = re.compile(
    r"\bprotocol\b|\bset out the plan\b|\bwould (?:choose|receive|be randomi[sz]ed)\b",
    re.I,
)


def is_design_only(text: str) -> bool:
    return bool(PLANNED.search(text)) or (bool(DESIGN.search(text)) and not RESULT.search(text))


# A record's sentence that names the record as "this review" reads as dangling in an answer.
_THIS_RECORD = re.compile(
    r"^(- )?(In |On |From |For )?(?:This|These|this|these)\b"
    # "This was a small trial": a pronoun before its verb, not a record naming itself
    r"(?!\s+(?:was|is|were|are|has|have|had|did|does|may|might|can|could|would|will)\b)"
    r"(?=(?:\s+[\w,-]+){0,5}?\s+"
    r"(?:review|study|studies|trial|trials|cohort|analysis|report|series|paper|label|labels"
    r"|guideline|update|record|case|survey|meta-analysis)\b)"
)
# a study named by kind and year opening a line ("a 2004 open-label study"), not a list item
# quoted from a document ("- a dry mouth that ...")
_LOWER_START = re.compile(r"^(- )?(the|a|an)\b(?= (?:19|20)\d\d\b)")


_NUMBER = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)?)\s?(%|mg|percent|g|hours?|weeks?|days?)?")


def numbers_of(text: str) -> frozenset[str]:
    """The figures a sentence states ("11.9%", "180mg", "320"), years left out."""
    out = set()
    for num, unit in _NUMBER.findall(text):
        num = num.replace(",", ".")
        if not unit and re.fullmatch(r"(?:19|20)\d\d", num):
            continue  # a year names a study, it is not a result
        out.add(num + (unit or "").replace("percent", "%"))
    return frozenset(out)


def standalone(answer: str) -> str:
    """An answer whose lines stand alone: "This narrative review of baclofen safety reports ..."
    (the record naming itself) reads "The narrative review ...", and a line opening with a
    lower-case study name ("the 2004 open-label study ...") is capitalised."""
    out = []
    for line in answer.split("\n"):
        line = _THIS_RECORD.sub(
            lambda m: f"{m.group(1) or ''}{m.group(2) or ''}{'the' if m.group(2) else 'The'}", line
        )
        line = _LOWER_START.sub(lambda m: f"{m.group(1) or ''}{m.group(2).capitalize()}", line)
        out.append(line)
    return "\n".join(out)


# Question and sentence shapes the composer weighs.

# Words the sources use for the same thing as the question's ("approved" / "authorised").
SAME_WORD = {
    **{w: "approv" for w in tokenize("authorised authorized authorisation authorization licensed")},
    **{w: "doctor" for w in tokenize("physician physicians doctors gp gps prescriber prescribers")},
    # clinical words with one meaning, as a question and a source may put them
    **{w: "sign" for w in tokenize("symptom symptoms symptomatic")},
    **{w: "die" for w in tokenize("fatal fatalities death deaths")},
    **{w: "increas" for w in tokenize("raise raised raising")},
    **{w: "depend" for w in tokenize("hinge hinges hinging hinged")},
    **{w: "absorb" for w in tokenize("absorption")},
    **{w: "kidney" for w in tokenize("renal")},
    **{w: "cerebrospin" for w in tokenize("csf")},
    **{w: "liver" for w in tokenize("hepatic")},
    **{w: "test" for w in tokenize("enzymes enzyme")},  # "liver enzymes" / "liver tests"
    **{w: "glucos" for w in tokenize("sugar sugars")},  # "blood sugar" / "blood glucose"
    **{w: "drowsi" for w in tokenize("sleepy sleepiness somnolence")},
    **{w: "pregnant" for w in tokenize("pregnancy")},
    **{w: "breastfeed" for w in tokenize("lactation")},
    # how a question and a regulator's record may name the same body and act
    **{w: "committe" for w in tokenize("panel panels")},
    **{w: "conclud" for w in tokenize("decide decided decision verdict judged")},
    # a medicine taken, received or been exposed to ("how many had taken it?")
    **{w: "receiv" for w in tokenize("taken exposed")},
    **{w: "assess" for w in tokenize("evaluated")},
    **{w: "men" for w in tokenize("male males man")},
    **{w: "women" for w in tokenize("female females woman")},
    **{w: "often" for w in tokenize("frequent frequently")},  # ("more often" / "more frequent")
    **{w: "tell" for w in tokenize("told")},  # ("what should patients be told?": "advise telling")
    # a plan given up ("why was that idea dropped?": "it disappointed as an anti-epileptic")
    **{w: "fail" for w in tokenize("dropped abandoned shelved disappointed disappointing")},
}

THIS_THING = re.compile(
    r"\b(?:this|that|these|those) (?:label|labels|maximum|limit|dose|figure|review|study|trial"
    r"|report|series|cap|ceiling|warning|guideline|decision|ruling)\b",
    re.I,
)

# "what are the signs and how is it managed?", "does it work? is it safe?": two questions
TWO_QUESTIONS = re.compile(
    r"\b(?:and|or|but) (?:also )?(?:how|what|why|when|where|which|who|whether|is|are|does|do|did"
    r"|can|could|should|was|were)\b|\?.+\?"
    # "how does its half-life in CSF compare with its plasma half-life?": a figure for each side
    r"|\bhow (?:does|do|did) [^?]{3,80}? compare (?:with|to|against) (?:its|the|their) ",
    re.I,
)


def second_part(question: str, topic: set[str]) -> set[str]:
    """The words of a two-part question's last part ("..., and why was that idea dropped?"),
    among ``topic``: a line answering that part is wanted even when they weigh little in all."""
    parts = [m.end() for m in TWO_QUESTIONS.finditer(question)]
    said = {SAME_WORD.get(t, t) for t in tokenize(question[parts[-1] :])} if parts else set()
    return said & topic


# A question asking for several things ("which side effects", "what are the signs").
LIST_QUESTION = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+){0,2}?(?:are|were)\b|^\s*(?:list|name)\b"
    r"|\b(?:list|name) (?:the|all|some|any|every)\b|\bsigns\b|\bsymptoms\b"
    r"|\bside effects\b|\brisks\b|\bwarnings\b|\band\b(?:\s+\w+){1,3}\s+(?:how|what|why|when)\b",
    re.I,
)

ASKS_DESIGN = re.compile(
    r"\bdesign\w*|\bhow (?:was|were|is|are) (?:\w+ ){0,5}?(?:run|done|conducted|set up|tested"
    r"|studied|measured|chosen|selected|recruited)\b|\brandomi[sz]\w*|\bblind\w*|\bplacebo.?controlled"
    r"|\bhow many (?:people|patients|participants|subjects|men|women|drinkers)\b|\bwho (?:took part"
    r"|was (?:enrolled|included|studied))|\benrol\w*|\brecruit\w*|\binclusion|\bexclusion"
    r"|\bhow long\b|\bmethods?\b|\bdoses? (?:\w+ ){0,5}?(?:used|given|tested|studied)\b|\bdrop\w* ?out"
    r"|\bcomplet\w*|\bstill in\b|\bfinish\w*|\bfollow.?up|\bhow many\b|\bwho (?:ran|led|did)\b"
    # what a group was given ("how much clonidine did the comparison group get?")
    r"|\bhow much (?:\w+ ){0,3}?(?:did|do|does|was|were) (?:\w+ ){0,4}?(?:get|got|take|took|receive"
    r"|received|given)\b|\bwhat dose\b"
    # "which measures did they work out from the plasma levels?": what was estimated, and how
    r"|\b(?:which|what) (?:\w+ )?(?:measures|parameters|variables|outcomes|values)"
    r" (?:\w+ ){0,3}?(?:work(?:ed)? out|estimat\w*|calculat\w*|deriv\w*|comput\w*|measur\w*)\b",
    re.I,
)


# A licence granted, and one denied ("off-label", "not registered", "only for spasticity"): the
# approval questions' leads, the composer and the checker read approval with the same words
APPROVED = re.compile(
    r"\b(?:approv(?:ed|ing)|authori[sz](?:ed|ing|ation)|licen[sc](?:ed|ing)|register(?:ed|ing))\b",
    re.I,
)
NOT_APPROVED = re.compile(
    r"\boff.?label\b|\bnot (?:\w+ )?(?:approved|authori[sz]ed|licen[sc]ed|registered)\b"
    r"|\bnever (?:been )?(?:\w+ )?approved\b|\bonly for spasticity\b|\bapproved (?:only )?for spasticity\b",
    re.I,
)
# "is it approved / licensed / legal for ...?"
ASKS_APPROVAL = re.compile(rf"{APPROVED.pattern}|\blegal\b", re.I)
# a sentence that grants or denies a licence for a use ("granted a marketing authorisation to
# Baclocur ... for reducing alcohol consumption", "has not approved baclofen for ...")
GRANTS = re.compile(
    rf"{APPROVED.pattern}[^.;]{{0,160}}?\bfor (?:\w+ ){{0,3}}?"
    r"(?:alcohol|drinking|addiction|spasticity|reducing)",
    re.I,
)
# a follow-up that only adds a word or two to the earlier question ("and for someone on dialysis?")
FRAGMENT_START = re.compile(r"^\s*(?:and|what about|how about|also|same for)\b", re.I)


_SOME = "|".join(w for w in NUMBER_WORDS if w not in ("zero", "one"))
# a sentence counting people ("12 of 31", "8%", "two patients", "one in five", "none of")
COUNT_FIGURE = re.compile(
    rf"\b\d+(?:\.\d+)? ?(?:%|per ?cent)|\b(?:\d+|one|{_SOME}|\w+teen|thirty|forty|fifty|half"
    r"|a (?:third|quarter|fifth)) (?:of|out of|in) (?:the |all |every )?(?:\d+|\w+)\b"
    rf"|\b(?:\d+|{_SOME}|dozen) (?:\w+ ){{0,2}}(?:patients|participants|people|volunteers|subjects|men"
    r"|women|adults|drinkers|users|cases|children)\b|\b(?:none|no one|nobody|all) of\b",
    re.I,
)


# Words an intent's answer is usually written in (the composer favours sentences with them).
INTENT_WORDS: dict[str, re.Pattern[str]] = {
    k: re.compile(v, re.I)
    for k, v in {
        "pharmacokinetics": r"half.?life|peak|absor\w*|excret\w*|eliminat\w*|hours?|bioavailab\w*"
        r"|clearance|unchanged|urine|kidneys?|plasma|metaboli\w*",
        "overdose": r"coma|respirator\w*|breathing|seizures?|bradycardia|hypoton\w*|hypotherm\w*"
        r"|intubat\w*|charcoal|dialysis|haemodialysis|hemodialysis|supportive|ventilat\w*|antidote"
        r"|overdos\w*|poison\w*|died|deaths?|fatal",
        "withdrawal": r"abrupt\w*|sudden\w*|hallucinat\w*|seizures?|fever|taper\w*|gradual\w*"
        r"|rebound|rigidity|withdraw\w*|reduced gradually|slow",
        "adverse_effects": r"drowsi\w*|sedat\w*|somnolen\w*|dizz\w*|weakness|fatigue|nausea"
        r"|confusion|insomnia|adverse|side effects?|headache|tolerat\w*|encephalopath\w*|\bdriv(?:e|ing)\b"
        r"|machinery",
        "dosing": r"\bmg\b|dose|dosage|titrat\w*|maximum|three times|divided|increase\w* by",
        "interaction": r"alcohol|central nervous system depressants?|\bcns\b|opioids?|sedat\w*"
        r"|additive|adds? to|benzodiazepin\w*|respiratory depression",
        "mechanism": r"gaba\w*|receptors?|dopamin\w*|agonist|reward\w*|neurons?|brain|nucleus"
        r"|mesolimbic|inhibit\w*",
        "history": r"synthesi[sz]\w*|19[5-9]\d|discover\w*|developed|originally|first|ameisen"
        r"|epilepsy|ciba|introduc\w*",
        "regulation": r"approv\w*|authori[sz]\w*|indicat\w*|off.?label|licen[sc]\w*|fda|ansm|tga"
        r"|nice|recommend\w*|guideline|marketing|rtu|reimburs\w*",
        "contraindication": r"contraindicat\w*|precaution|warning|caution|avoid",
        "comparison": r"naltrexone|acamprosate|nalmefene|topiramate|gabapentin|disulfiram"
        r"|diazepam|clonidine|compar\w*|versus|than",
    }.items()
}


# "is there an oral solution of baclofen?": the thing asked to exist, and a sentence saying what
# one is ("Ozobax is a US baclofen oral solution ...")
_EXISTS = re.compile(
    r"\s*(?:is|are) there (?:a|an|any) ([\w\s()-]+?)(?: of| for| form of)? (?:baclofen|it)"
    r"(?: for (?:someone|people|patients|children|those)\b[^?]*)?\s*\??$",
    re.I,
)
# "what do hospitals normally give for it?", "what is the standard treatment?": the usual care,
# said in a source as "the standard treatment", "usual care", "first-line"
ASKS_USUAL_CARE = re.compile(
    r"\b(?:standard|usual|normal|routine|conventional|first.?line|mainstream) (?:\w+ )?(?:treatments?"
    r"|care|therap(?:y|ies)|medicines?|drugs?)\b|\b(?:normally|usually|routinely|typically|commonly)"
    r" (?:given|give|gives|used|use|prescribed|prescribe|treated|treat)\b",
    re.I,
)
# "is baclofen a standard treatment?", "should it be first-line?": baclofen's own place, which
# the guidelines' sentences answer, not the usual care of the condition
_ITS_OWN_PLACE = re.compile(
    r"\b(?:is|was|are|should|could|would|has|does)\s+(?:baclofen|it)\b(?!\s+(?:be\s+)?(?:given|used)"
    r"\s+instead)",
    re.I,
)


def asks_usual_care(question: str) -> bool:
    """Whether the question asks what is usually given for something (not baclofen's own place)."""
    return bool(ASKS_USUAL_CARE.search(question)) and not _ITS_OWN_PLACE.search(question)


USUAL_CARE = re.compile(
    r"\bstandard (?:\w+ )?(?:treatment|therapy|care)\b|\busual care\b|\btreatment of choice\b"
    r"|\bfirst.?line (?:treatment|therapy|medicines?|drugs?)\b",
    re.I,
)
IS_A = re.compile(r"\b(?:is|are) (?:also )?(?:a|an|made as an?|available as an?)\b", re.I)


def asked_to_exist(question: str) -> set[str]:
    """The words of the thing an "is there a ...?" question asks about (empty otherwise)."""
    m = _EXISTS.match(question)
    return set(tokenize(m.group(1))) if m else set()


# someone's own story: "my husband", "my son", "I have been"
STORY = re.compile(
    r"\b(?:my|our) (?:husband|wife|partner|son|daughter|mum|mom|mother|dad|father|brother|sister"
    r"|grand\w+|friend|child|kid|little (?:boy|girl)|baby|boyfriend|girlfriend|uncle|aunt|cousin"
    r"|neighbou?r|nephew|niece|colleague|parents?)\b|\bi(?:'ve| have)"
    r" been\b"
    # "I'm 32 weeks pregnant and still taking it ...", "I take 20 mg ...": a story of one's own
    r"|\bi(?:'m| am) (?:\w+ ){0,4}?(?:pregnant|taking|on)\b|\bi (?:take|took|started)\b",
    re.I,
)
# the medicine, as a story names it once it has been introduced
TAKES_IT = re.compile(r"\b(?:tablets?|pills?|medicine|medication|pump|syrup|oral solution)\b", re.I)

# "should it be taken with food / on an empty stomach?", "can the tablets be crushed?": how a dose
# is taken; a sentence about rats working for food or emptying a poisoned stomach is not an answer
_ASKS_HOW_SWALLOWED = re.compile(
    r"\b(?:with|without|after|before|between) (?:food|meals?|eating|breakfast|lunch|dinner)\b"
    r"|\b(?:empty|full) stomach\b|\bcrush\w*|\bchew\w*|\bdissolv\w*"
    r"|\btime of (?:the )?day\b|\b(?:in the )?morning or (?:at )?(?:night|evening)\b|\bbefore bed\b"
    # "what if I miss a dose?" (of tablets: a pump running empty is a withdrawal question)
    r"|\b(?:miss\w*|forg[eo]t\w*(?: to take)?|skip\w*) (?:a |one |an? \w+ |my |his |her |the )?"
    r"(?:doses?|tablets?|pills?)\b(?!.*\b(?:pump|refill)\b)",
    re.I,
)
_SAYS_HOW_SWALLOWED = re.compile(
    r"\b(?:with|without|after|before) (?:food|meals?)\b|\bempty stomach\b|\bcrush\w*|\bchew\w*"
    r"|\bsprinkl\w*|\bdissolv\w*|\bmixed (?:with|into)\b|\bbedtime\b|\bat night\b|\btime of day\b"
    r"|\bmissed (?:a |one )?doses?\b|\bforg[eo]t\w*",
    re.I,
)


def how_swallowed_unanswered(question: str, texts: Iterable[str]) -> bool:
    """Whether the question asks how a dose is taken (with food, crushed) and none of ``texts``
    says (outside animal studies)."""
    if not _ASKS_HOW_SWALLOWED.search(question) or re.search(
        r"\b(?:alcohol|drink\w*|beer|wine|spirits)\b", question, re.I
    ):
        return False  # ("with food and a beer?": the drink is asked too)
    return not any(
        _SAYS_HOW_SWALLOWED.search(t[s:e]) and not _ANIMALS.search(t[s:e])
        for t in texts
        for s, e in split_sentences(t)
    )


_ANIMALS = re.compile(r"\b(?:rats?|mice|animals?)\b", re.I)


def last_question(text: str) -> str:
    """ "my husband has hep C ... i read the americans tried it. how many of them gave up?": the
    question is its last sentence, after the story (the text itself when it is one sentence)."""
    parts = re.split(r"(?<=[.!])\s+", text.strip())
    return parts[-1] if len(parts) > 1 and parts[-1].endswith("?") else text


def story_question(text: str) -> set[str]:
    """ "my mum has just been put on it for her legs. can she drive?": the words of the question
    after a story (:func:`last_question`) that the story does not use; empty when the text is no
    story or one sentence."""
    last = last_question(text)
    if last == text or not STORY.search(text):
        return set()
    told = {SAME_WORD.get(t, t) for t in tokenize(text.strip()[: -len(last)])}
    return {SAME_WORD.get(t, t) for t in tokenize(last)} - told


# "which drug company first made it?", "who makes Ozobax?": the sentence naming the maker
_ASKS_MAKER = re.compile(
    r"\b(?:which|what) (?:\w+ )?(?:company|companies|maker|manufacturer|firm|laborator(?:y|ies))\b"
    r"|\bwho (?:first )?(?:makes?|made|manufactures?|markets?|produces?|sells?)\b",
    re.I,
)
_NAMES_MAKER = re.compile(rf"\b(?:{'|'.join(COMPANIES)})\b|\b(?:marketed|manufactured|made) by\b")


def maker_asked(question: str) -> re.Pattern[str] | None:
    """How a sentence names a maker, when the question asks which company makes or made it."""
    return _NAMES_MAKER if _ASKS_MAKER.search(question) else None


# "which paper carried the court's grounds?", "where was that written up?", "according to which
# source ...?": the sentence naming where a fact was published, before the fact alone
_ASKS_SOURCE = re.compile(
    r"\bwhere (?:was|were|is|are|does|do|did) (?:\S+ ){0,6}?(?:written up|published|reported"
    r"|printed|come from|comes from|appear\w*|end up|ended up|get published|come out)\b|\b(?:which|what) (?:paper|journal|source|outlet"
    r"|newspaper|publication|news \w+|report)\b|\baccording to (?:which|what|whom)\b"
    r"|\bwho (?:reported|published|wrote up)\b",
    re.I,
)
_NAMES_SOURCE = re.compile(
    r"\baccording to\b|\b(?:reported|described|written up|published|summari[sz]ed|appeared) (?:in|by)\b"
    r"|\b(?:cites?|cited)\b|\b(?:news|press) (?:summary|report|release|story)\b|\bjournal\b"
    r"|\bnewspaper\b|\bmagazine\b|\(reported in\b|\b[A-Z][a-z]+ (?:19|20)\d\d, [A-Z]",
)


# "where did they draw the line for a big dose?", "what was the cut-off?": the sentence stating
# the threshold ("20 mg or more", "above 60 mg/day")
_ASKS_LINE = re.compile(
    r"\b(?:draw|drew|drawn|put|set) the line\b|\bwhere (?:was|is|were) the (?:line|cut.?off|boundary)"
    r"|\bcut.?off\b|\bthreshold\b|\bwhat counted as\b",
    re.I,
)
_STATES_LINE = re.compile(
    r"\b\d+(?:\.\d+)? ?(?:mg|g|%)?(?:/day)? or (?:more|above|higher|less|fewer)\b|\b(?:above|below|at least"
    r"|more than|less than|under|over) \d|[≥≤<>] ?\d|\bcut.?off\b|\bthreshold\b|\bdefined as\b",
    re.I,
)


def statement_asked(question: str) -> re.Pattern[str] | None:
    """How a sentence names where a fact was published, or states a threshold, when the
    question asks for that."""
    if _ASKS_LINE.search(question):
        return _STATES_LINE
    return _NAMES_SOURCE if _ASKS_SOURCE.search(question) else None


# "what are the symptoms of pump withdrawal?": a sentence listing signs, not who is at risk
_ASKS_SIGNS = re.compile(
    r"\bwhat (?:are|were) the (?:\w+ )?(?:signs|symptoms|features)\b|\b(?:signs|symptoms) of\b"
    r"|\bwhat (?:\w+ )?(?:signs|symptoms) (?:do|should|would|must|to)\b",  # ("... do we watch for?")
    re.I,
)
_SIGN = re.compile(
    rf"{LABEL_REACTIONS.pattern}|\b(?:fever|hallucinat\w*|seizures?|convulsions?|rigidity"
    r"|spasticity|mental (?:state|status)|confusion|coma|drowsiness|sedation|somnolence"
    r"|hypotoni\w*|bradycardia|hypotension|hypothermia|respiratory depression|delirium"
    r"|agitation|dizziness|weakness|nausea|headache|insomnia|anxiety|psychosis|tremors?"
    r"|jitter\w*|(?:increased|raised) muscle tone|irritab\w*|poor feeding)\b",
    re.I,
)


def signs_listed(text: str) -> int:
    """How many different clinical signs a sentence names."""
    return len({m.lower() for m in _SIGN.findall(text)})


def asks_signs(question: str) -> bool:
    """Whether a question (its last sentence, after any story) asks which signs to look for."""
    return bool(_ASKS_SIGNS.search(last_question(question)))


_S = TypeVar("_S")
# "baclofen is not among the medicines the APA guideline recommends": a membership denied ...
_NOT_AMONG = re.compile(
    r"\bnot (?:among|on|in|included in|part of)\b[^.]*\b(?:recommend\w*|suggest\w*|approved|first.line)"
    r"|\b(?:does not|doesn't) (?:include|list|name|appear)\b[^.]*\b(?:recommend\w*|suggest\w*)",
    re.I,
)
# ... and the same source's sentence naming the medicines it does recommend
_RECOMMENDS = re.compile(
    r"\b(?:recommends?|names?|suggests?)\b[^.]*\b(?:naltrexone|acamprosate)\b", re.I
)


def left_out_of(chosen: list[_S], pool: list[_S], source: Callable[[_S], str]) -> list[_S]:
    """``chosen``, where it is one line saying baclofen is not among a source's recommended
    medicines, with that source's line naming the ones it recommends after it (what to use
    instead); where it is the line naming them, with the one saying baclofen is not among them
    first (the answer to "is it on the list?")."""
    if len(chosen) != 1:
        return chosen
    denied, named = (
        bool(_NOT_AMONG.search(chosen[0].text)),
        bool(_RECOMMENDS.search(chosen[0].text)),
    )
    if denied == named:
        return chosen
    other = _RECOMMENDS if denied else _NOT_AMONG
    said = source(chosen[0])
    pair = next((c for c in pool if source(c) == said and other.search(c.text)), None)
    if pair is None:
        return chosen
    return [chosen[0], pair] if denied else [pair, chosen[0]]
