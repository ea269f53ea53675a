"""Safety notices: which warnings a question (and its retrieved sources) calls for.

One source of truth: the CLI, the web app and the JSON output all call :func:`notices_for`.

How detection works
-------------------
1. The question is *normalised*: case-folded, accents stripped ("rénale" -> "renale"), curly
   apostrophes straightened, and cut into word tokens joined by single spaces (punctuation goes,
   so "off-label" becomes "off label" and "eGFR<30" becomes "egfr 30").
2. Tokens of 5+ letters that are not already key terms are *spell-corrected* against a small key
   vocabulary with rapidfuzz (optimal string alignment distance, same first letter, at most one
   edit below 10 letters and two from 10): "pregnent" -> "pregnant", "kidny" -> "kidney",
   "dialisis" -> "dialysis". Real words that sit one edit from a key term ("addition",
   "release", "heroic", "creatine") are listed so they are never "corrected" (cached per token).
3. Precompiled regular expressions then run on the corrected text, one family per notice kind.

Design choices (each kind errs towards showing a notice when a real person may be at risk, and
towards silence for purely informational phrasings that only share a word):

* **off_label** fires on any addiction topic (alcohol, drinking, craving, opioids, cocaine,
  methamphetamine, smoking, GHB, gambling, relapse, abstinence, detox, AUD trial names, Baclocur,
  "off-label"...), and on other uses outside spasticity phrased as a use ("for hiccups"; not
  "does it cause insomnia"). Not on "is baclofen addictive?" (the drug itself), nor an opioid
  painkiller taken alongside ("sent home on oxycodone"). The drug is implied ("does it help
  cravings?"). "Withdrawal" counts unless it is baclofen's *own* withdrawal syndrome.
* **dosing** fires on prescriptive or personal dose questions ("how much should I take", "can I
  double my dose", "is 120 mg too much", "I missed a dose", "is it safe to stop baclofen").
  Descriptive questions about what a label or a trial used ("What doses were used in the
  ALPADIR trial?", "What is the maximum dose on the US label?") get **no** dosing notice: the
  answer reports published doses with citations, which is what the notice itself offers.
  Mechanism or dose-response questions get none either, nor do treatment-choice questions
  without an amount ("Should I take baclofen for spasticity?", "Can I take it while pregnant?").
* **emergency** fires on (a) unambiguous descriptions of a person in danger ("won't wake up",
  "stopped breathing", "took too many pills", "my husband took 20 pills", "is having a
  seizure", "I want to kill myself", "how many would it take to die"), or (b) a danger symptom
  (overdose, trouble breathing, recent seizure, fever with rigidity, hallucinations or
  confusion after stopping suddenly) together with a personal or present-moment cue ("my", "he",
  "now", "just") and *without* an informational frame ("according to the label", "signs of",
  "in trials"). So "What does the label say about overdose symptoms?" and "How does baclofen
  withdrawal syndrome present according to the label?" are informational and get no emergency
  notice; "I think my son overdosed" does. Lethality questions ("how much baclofen is fatal")
  are treated as emergencies because they can signal self-harm intent.
* **pregnancy** and **renal** fire on the condition words in five languages ("grossesse",
  "Schwangerschaft", "incinta"; "rénale", "riñón", "Niere"); not "adrenal" or "kidney beans".

From cited sources (curated metadata only): a synthesis or trial result built from addiction
studies gets the off-label notice; never an interaction, overdose, stopping or pharmacokinetics
question (:func:`notices_for`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.answer import Context, Notice, Plan
from assistant.answering.question.entities import HOW_CLEARED, PAINKILLER, WITHDRAWAL_STUDY
from assistant.answering.question.intent_words import DRINK_WITHDRAWAL, any_of
from assistant.answering.question.normalise import normalise
from assistant.answering.safety.danger import (  # noqa: F401 (read by lead.py and pipeline.py here)
    STOPPED_PLAINLY,
    STOPPING,
    after_stopping,
    emergency_in,
    in_danger,
    is_personal,
    not_now,
    self_harm,
    withdrawal_signs,
)
from assistant.vocab import ADDICTIONS, DETECTED_NOTICE_KINDS, NOTICE_KINDS

KINDS = DETECTED_NOTICE_KINDS
ORDER = NOTICE_KINDS

# --------------------------------------------------------------------------- notice texts

NOTICE_TEXTS: dict[str, str] = {
    "emergency": (
        "If this is happening now, call your local emergency number (for example 911, 112 or 999) "
        "or a poison control centre immediately. "
        "An overdose of baclofen, or stopping it abruptly, can be life-threatening; do not wait to "
        "see whether symptoms pass and do not rely on this assistant in an emergency."
    ),
    "withdrawal": (
        "Do not stop baclofen suddenly or skip doses: abrupt withdrawal can cause "
        "hallucinations, confusion, seizures, high fever and rebound stiffness, and rarely "
        "organ failure and death. The label asks for a gradual dose reduction, planned with the "
        "prescriber. Hallucinations, fever or seizures after stopping need urgent medical care."
    ),
    "general": (
        "This is an educational summary of published literature, not medical advice. Decisions "
        "about starting, changing or stopping a treatment belong with a clinician who knows the "
        "person."
    ),
    "off_label": (
        "In the United States baclofen is approved only for spasticity, so using it for alcohol "
        "use disorder or any other addiction is off-label. France is an exception for alcohol: in "
        "October 2018 its medicines agency authorised Baclocur for adults with alcohol dependence "
        "at high drinking risk; the original 80 mg/day ceiling was lifted in 2021."
    ),
    "dosing": (
        "This assistant does not give personal dosing advice. Any change to a dose (raising, "
        "lowering, skipping or stopping) should be decided with the prescriber. It can summarise "
        "what the label and published studies used, and it notes that stopping baclofen suddenly "
        "can cause dangerous withdrawal reactions."
    ),
    "pregnancy": (
        "Human data on baclofen in pregnancy are inadequate; animal studies showed effects only at "
        "doses well above human ones. Newborns whose mothers took oral baclofen throughout "
        "pregnancy have had withdrawal symptoms after birth, and baclofen passes into breast milk "
        "in small amounts. Decisions about baclofen in pregnancy or while breastfeeding belong "
        "with the prescriber and the obstetrician."
    ),
    "renal": (
        "Baclofen leaves the body mostly unchanged through the kidneys, and the label advises "
        "caution and lower doses when kidney function is reduced. In older adults with chronic "
        "kidney disease, hospital admissions for encephalopathy rose with baclofen, more so at "
        "higher doses (Muanda 2019). The kidney literature advises avoiding baclofen when eGFR is "
        "below 30 or on dialysis, and Australia's 2021 alcohol treatment guideline calls it "
        "contraindicated in kidney failure."
    ),
}

NOTICE_SOURCES: dict[str, list[str]] = {
    "emergency": ["label_overdose", "label_warnings_precautions"],
    "withdrawal": ["label_warnings_precautions", "label_dosing"],
    "general": [],
    "off_label": ["reg_us_fda", "reg_france_baclocur", "label_indication"],
    "dosing": ["label_dosing", "label_warnings_precautions"],
    "pregnancy": ["label_pregnancy_lactation"],
    "renal": ["label_renal_impairment", "muanda2019", "ajkd2017", "guideline_australia_2021"],
}


# --------------------------------------------------------------------------- pregnancy & renal

_PREGNANCY = any_of(
    r"\bpregnan\w*",
    r"\bconceiv\w*|\bconception\b|\btrying for a baby\b|\bexpecting a baby\b",
    r"\btrimesters?\b|\bf(o)?etus\b|\bf(o)?etal\b|\bin utero\b|\bteratogen\w*|\bplacent\w*",
    r"\bbreast ?fe(e)?d\w*|\bbreast milk\b|\blactat\w*",
    r"\bnurs(?:e|ing) (?:my|the|a|her|your|our) (?:\w+ )?(?:baby|infant|newborn|child|son|daughter)\b",
    r"\bnursing\b(?! (home|homes|staff|facility|facilities|care|student|students|school|degree"
    r"|assignment|assignments|course|placement|essay|exam|team|practice))",
    r"\bnewborns?\b|\bneonat\w*|\bunborn\b|\bin the womb\b",
    # a baby's own withdrawal, a baby born days ago: a newborn
    r"\bbab(?:y|ies)'?s? (?:\w+ )?withdrawal\b|\bwithdrawal (?:in|of) (?:a |the )?bab(?:y|ies)\b"
    r"|\bborn (?:last (?:week|night)|yesterday|today|this week|(?:a|one|two|three|\d+) (?:days?|weeks?) ago)\b"
    r"|\b(?:a|one|two|three|few|\d+) (?:days?|weeks?) old\b|\bsince (?:birth|(?:he|she) was born)\b",
    # "12 weeks gone", "30 weeks along", "a bun in the oven", "the baby is due next month"
    r"\bweeks (?:gone|along)\b|\bbun in the oven\b|\bbreast-?milk\b|\bbaby is due\b|\bdue date\b"
    r"|\bexpecting (?:twins|triplets|a child|a baby|our first|my first|her first)\b|\b(?:gave|giv(?:e|es|ing))"
    r" birth\b|\bin labou?r\b|\bwhen (?:i|she) (?:feed|feeds|nurse|nurses) (?:him|her|them)\b",
    r"\b(?:into|in|through) (?:the |her |their )?milk\b|\bmilk (?:levels?|supply)\b",
    r"\b(?:the|her|a|an|unborn) bab(?:y|ies)\b.*\bmother\b|\bmother\b.*\b(?:the|her|a) bab(?:y|ies)\b",
    r"\bgrossesses?\b|\benceintes?\b|\ballait\w*",  # French
    r"\bembaraz\w*|\blactancia\b|\bamamant\w*",  # Spanish
    r"\bschwanger\w*|\bstillzeit\b|\bstillen\b|\bstillende\w*",  # German
    r"\bgravidanza\b|\bincinta\b|\ballatt\w*|\bgestante\b",  # Italian / Spanish
)

_RENAL = any_of(
    r"\bkidneys?\b(?! beans?\b)",
    r"\brenal\b|\brenally\b|\bckd\b|\besrd\b|\bgfr\b|\begfr\b",
    r"\b(ha?e)?modialy\w*|\bdialy\w*|\bcreatinine\b|\bnephr\w*",
    r"\breins?\b(?! in\b)|\brenale?s?\b|\brenaux\b|\binsuffisance renale\b",  # French
    r"\brinon(es)?\b|\bnefr\w*",  # Spanish / Italian
    r"\bnieren?\w*",  # German
    r"\brene\b|\breni\b",  # Italian
)

# --------------------------------------------------------------------------- off-label

_ADDICTION_PARTS = (
    r"\baddict(?!ive)\w*|\badiccion\w*|\bsucht\w*|\babhangigkeit\b|\bdipendenza\b|\bdependance\b",
    r"\baddictive (?:drugs?|substances?)\b|\bdrugs? of abuse\b|\babused drugs?\b",
    # off-label prescribing and the French frameworks for baclofen in alcohol use
    r"\boff.?label\b|\brtu\b|\btemporary recommendation for use\b|\bbaclocur\b"
    r"|\bconseil d.?\W?[ée]tat\b|\bprescri\w* (?:\w+ ){0,3}(?:above|over|beyond) \d+ ?mg",
    r"\balcohol\w*|\balcool\w*|\balkohol\w*|\balcol\w*|\bbooze\b|\bhangovers?\b",
    r"\bvodka\b|\bbeers?\b|\bwines?\b|\bwhiske?y\b|\bliquor\b|\bgin\b|\brum\b|\btequila\b",
    r"\bdrink(s|ing|er|ers)?\b|\bdrank\b|\bbinge\w*(?!\s+eat)|\baud\b|\bsobriety\b|\bsober\b",
    r"\babstinen\w*|\babstain\w*|\bastinenza\b|\brelaps\w*|\brecidive\w*|\bruckfall\w*",
    r"\bdetox\w*|\bdesintox\w*|\bentzug\w*|\bsevrage\b",
    r"\bcrav(e|es|ing|ings)\b|\bansia\b|\bverlangen\b",
    r"\bcocaine\b|\bstimulants?\b|\bmeth\b|\bmethamphetamines?\b|\bamphetamines?\b",
    r"\bopioids?\b|\bopiates?\b|\bheroin\b|\bfentanyl\b|\boxycodone\b|\bmethadone\b",
    r"\bbuprenorphine\b|\bsuboxone\b|\bnaltrexone\b|\bacamprosate\b|\bnalmefene\b|\bdisulfiram\b",
    r"\bsmok\w*|\bnicotine\b|\bcigarett\w*|\btobacco\b|\bvap(e|es|ing)\b|\bquit(ting)? smoking\b",
    r"\bghb\b|\bgbl\b|\bgamma hydroxybutyr\w*|\bgambl\w*|\bcannabis\b|\bmarijuana\b",
    r"\bbaclocur\b|\bameisen\b|\bbacloville\b|\balpadir\b|\bbaclad\b",
    r"\boff label\b|\bhors amm\b|\brtu\b|\buse disorders?\b|\bsubstance (use|abuse|misuse)\b",
)
# other uses outside spasticity ("for hiccups", "help with sleep"), not side effects
_OTHER_USE = (
    r"\b(?:for|treat\w*|help\w*|against|reliev\w*|manag\w*) (?:with |the |my |his |her )?"
    r"(?:hiccups?|reflux|gerd|anxiety|insomnia|sleep|pain|neuralgia|migraines?|tics|dystonia"
    r"|binge eating|weight loss|obesity|cough|bruxism|restless legs|ptsd|depression|tourette\w*)\b"
)
_ADDICTION = any_of(*_ADDICTION_PARTS, _OTHER_USE)
_ADDICTION_ONLY = any_of(*_ADDICTION_PARTS)
_WITHDRAWAL = re.compile(r"\bwithdraw\w*|\babstinencia\b")
# Baclofen's own withdrawal syndrome (a label warning), not an addiction topic.
_OWN_WITHDRAWAL = any_of(
    r"\bbaclofen withdrawal\b|\bwithdrawal (from|of) (baclofen|it|the drug|intrathecal|the pump)\b",
    r"\b(abrupt|sudden)(ly)? withdraw\w*|\bintrathecal\b|\bwithdrawal syndrome\b",
)
_NEWBORN = any_of(
    # "if I stop breastfeeding, could the baby have a problem?": a breastfed baby's withdrawal
    r"\bstop\w* (?:breast ?feeding|feeding|nursing)\b.*\b(?:baby|infant|child)\b",
    r"\bnewborns?\b|\bneonat\w*|\bafter (?:birth|delivery|(?:it|he|she|the baby)(?: is| was|'s) born)"
    r"|\b(?:babies|baby|infants?) (?:\w+ )?(?:is |was |are |were )?born\b(?! with\b)",
    # "until she gives birth, what can happen to the baby in the first days afterwards?"
    r"\bbirth\b.*\b(?:afterwards|(?:first|early) (?:few )?(?:hours|days|weeks))\b",
)
_ON_LABEL = any_of(
    r"\bspastic\w*|\bmultiple sclerosis\b|\bms\b|\bspinal\b|\bcerebral palsy\b|\bintrathecal\b",
    r"\bmuscle spasms?\b|\bspasms?\b|\bclonus\b",
)

# --------------------------------------------------------------------------- dosing

_SUBJ = r"(?:i|we|he|she|you|one|my \w+|my|our \w+)"
_QTY = (
    r"(?:more|less|extra|another|double|half|twice|two|three|four|\d+|up to|over \d+|above \d+"
    r"|more than \d+|a (?:higher|lower|bigger|smaller|double|second|extra|larger) (?:dose|amount)"
    r"|an? (?:extra|additional|second|another) (?:dose|pill|tablet|one)"
    # "his dose", "my evening pill"; not another medicine ("his sleeping pills")
    r"|(?:my|his|her|the|a|this) (?:(?!sleeping\b|sleep\b|pain\b|water\b|heart\b|birth\b|other\b"
    r"|allergy\b|blood\b)\w+ )?(?:dose|dosage|pill|tablet))"
)
_CHANGE_VERB = (
    r"(?:increas\w*|rais\w*|up|upping|lower\w*|reduc\w*|decreas\w*|cut\w*|doubl\w*|halv\w*"
    r"|skip\w*|stop\w*|quit\w*|taper\w*|adjust\w*|chang\w*|titrat\w*|split\w*|wean\w*"
    r"|come off|coming off|go off|get off|go up|go down|go higher|go lower|bump\w*|miss\w*"
    r"|restart\w*|resum\w*|drop\w*|push\w*|crank\w*)"
)
_DOSE_OBJ = (
    r"(?:(?:my|the|his|her|our|this|your) (?:\w+ ){0,2}?(?:dose|doses|dosage|baclofen|medication"
    r"|medicine|meds|pills|tablets|prescription|mg|treatment)|baclofen|it|the drug|dose|doses|dosage"
    r"|(?:taking|using) (?:baclofen|it)|off\b|cold turkey|abruptly|suddenly|at once|to \d+|"
    + _QTY
    + ")"
)
_MODAL = (
    r"(?:can|could|should|shall|may|must|do|would|will"
    r"|(?:is|would) it (?:be )?(?:ok|okay|safe|fine|dangerous|bad|alright|risky|wise|possible)"
    r"(?: for (?:me|him|her|us|my \w+))? to"
    r"|want to|wants to|wants|like to|need to|needs to|have to|has to|going to|gonna|planning to|planning on"
    r"|thinking of|thinking about|me to|him to|her to|how (?:do|should|can|would) " + _SUBJ + r")"
)
# Adverbs allowed between subject and verb ("should I gradually lower...").
_FILL = (
    r"(?:(?:just|really|also|still|now|then|slowly|gradually|suddenly|safely|ever|actually|maybe"
    r"|not|try to|start to|go ahead and|immediately|abruptly|completely) )?"
)
_DOSING = any_of(
    # "should I raise my dose", "is it safe to stop baclofen", "how do I taper off it"
    # (not "hoping baclofen would change": what the medicine was expected to do)
    r"(?<!baclofen )(?<!\bit )(?<!drug )(?<!medicine )(?<!treatment )"
    rf"\b{_MODAL} (?:{_SUBJ} )?{_FILL}{_CHANGE_VERB}(?: {_DOSE_OBJ}|(?<!quit)$"
    r"| (?:when|once|now|today|tomorrow|after|before|if)\b)",
    # "can I make my evening dose 30 mg?", "should she move her night dose earlier?"
    rf"\b{_MODAL} {_SUBJ} (?:make|have|move|switch|swap|push|put) (?:my|his|her|their|the) "
    r"(?:\w+ ){0,2}?dose\b",
    # "my son misses one dose", "she forgot her evening dose": someone's own missed dose
    r"\b(?:i|he|she|they|my \w+) (?:miss|misses|missed|forgot|forgets|skip|skips|skipped) "
    r"(?:\w+ ){0,2}?(?:doses?|days?)\b",
    # "what if I take 3 at once", "is it bad that I took 40 mg instead of 20"
    rf"\bwhat if {_SUBJ} (?:take|took|skip|skipped|miss|missed|stop|stopped|double|doubled)\b",
    r"\b(?:take|took|taking|taken) \d+ ?(?:mg|milligrams?|pills?|tablets?)? instead of\b",
    # "am I taking too much", "how often should I take it"
    r"\b(?:am i|is he|is she|are we|are you|is my \w+) taking too (?:much|many|little)\b",
    rf"\b(?:how often|when|how many times) (?:should|can|do|must|shall) {_SUBJ} take\b",
    # "I take 30 mg three times a day, is that normal?"
    r"\b(?:i|i'm|im|he|she|he's|she's|my \w+) (?:\w+ ){0,2}?(?:take|takes|taking|on) \d+ ?"
    r"(?:mg|milligrams?|pills?|tablets?)\b.*\b(?:normal|ok|okay|too much|too high|too low|enough"
    r"|safe|right|fine|alright|should)\b",
    # "can I do more?" (own dose, nothing else after it)
    rf"\b{_MODAL} {_SUBJ} do (?:more|less|extra)(?: of it| of baclofen| mg)?$",
    # "what happens if I stop", "could cravings come back if I stop" (not "if I stop drinking")
    r"\bif (?:i|he|she|we|my \w+) (?:stop|stopped|quit|skip|miss|double|reduce|lower|increase"
    r"|come off|go off|halve|cut|split|taper|take more|take less|take extra)\b(?! (?:down on|back on|drinking|smoking|using|gambling|alcohol|drugs?|cocaine|opioids"
    r"|breast ?feeding|feeding|nursing|pumping))",
    # "can I take 100 mg", "should he take more", "can I have another pill"
    rf"\b{_MODAL} (?:{_SUBJ} )?(?:take|taking|use|try|go up to|get up to|go to|reach) {_QTY}",
    # "how much (baclofen) should I take", "how many mg to take"
    r"\bhow (?:much|many) (?:mg |milligrams? |baclofen |pills? |tablets? |of (?:it|baclofen|this|these) )?"
    rf"(?:should|can|could|do|must|may|shall|would|to|is safe to)"
    rf" (?:{_SUBJ} )?(?:take|give|use|have|start|be on|go up|increase|begin)",
    # "what dose should I take", "which dosage can my husband start on"
    rf"\b(?:what|which) (?:\w+ ){{0,3}}?(?:dose|dosage|amount|mg) (?:\w+ ){{0,3}}?"
    rf"(?:should|can|could|do|must|shall|would) {_SUBJ}\b",
    # "right dose for me", "how much is safe for my wife"
    r"\b(?:dose|dosage|amount|mg|milligrams|how much|how many) (?:\w+ ){0,3}?for (?:me|him|her|us"
    r"|my (?:husband|wife|son|daughter|mother|mom|mum|father|dad|partner|friend|brother|sister"
    r"|child|kid|patient))\b",
    # "what's the most I can take", "maximum dose I can have"
    rf"\b(?:max|maximum|most|highest|limit) (?:\w+ ){{0,3}}?{_SUBJ} (?:can|could|should|may|am allowed to)"
    r" (?:take|have|go|use)",
    # "I missed a dose", "forgot my baclofen", "skipped my pill"
    r"\b(?:missed|forgot|forgotten|skipped) (?:to take )?(?:a|my|his|her|one|two|the|a couple of)"
    r" (?:\w+ )?(?:dose|doses|baclofen|pill|pills|tablet|tablets)",
    # "he plans to halve the dose", "she's going to cut her tablets down": a change of one's own
    # "he says he'll just throw the rest of the packet in the bin"
    r"\b(?:i|he|she|they|we|my \w+)(?:'ll| will| (?:plans?|planning|intends?|(?:is|am|are) going"
    r"|'s going|'m going|decided|has decided|wants?) to) (?:just )?(?:halve|cut|lower|reduce|drop"
    r"|double|raise|increase|taper|stop|quit|come off|throw|bin|chuck) (?:down )?(?:\w+ ){0,4}?"
    r"(?:dose|doses|baclofen|tablets|pills|packet|pack|box|it|them)\b(?! (?:a|the)? ?(?:drink|go))",
    # "is 120 mg too much", "would 3 tablets be safe"
    r"\b(?:is|are|would|will) (?:taking )?\d+ ?(?:mg|milligrams?|pills?|tablets?) (?:\w+ ){0,3}?"
    r"(?:too much|too high|too low|too little|enough|safe|ok|okay|dangerous|a lot|fine|alright)",
)


def _off_label(t: str) -> bool:
    """The text talks about addiction (alcohol, craving, opioids ...), not about drinking *while*
    on baclofen or baclofen's own withdrawal."""
    if _ADDICTION.search(_INTERACTION.sub(" ", t)):
        return True
    return bool(_WITHDRAWAL.search(t)) and not (_OWN_WITHDRAWAL.search(t) or _NEWBORN.search(t))


# "takes it to stop drinking", "for his alcohol", "to help him cut down, and ...": the use told
_STATED_USE = re.compile(
    r"\b(?:to |help\w* (?:\w+ )?)(?:stop|quit|cut down on|cut back on|cut down|reduce) (?:his |her |my "
    r"|their )?(?:drinking|alcohol|using|the drink)\b|\bfor (?:his |her |my |their |your )?(?:drinking"
    r"|alcohol\w*|addiction|cravings?)\b|\bhelp\w* (?:\w+ )?cut (?:down|back)\b"
    r"(?=\s*(?:[,.;?!]|and\b|$))"
)
# "drinking alcohol while on baclofen", "with alcohol": an interaction, not a use for addiction
_INTERACTION = any_of(
    r"\b(?:drink\w*|alcohol|beers?|wine) (?:\w+ ){0,2}?(?:while|when|whilst|on|with) "
    r"(?:taking |using |on )?(?:baclofen|it|this)\b",
    r"\b(?:with|and|plus|together with|mix\w* (?:it |baclofen )?with|combin\w* (?:it |baclofen )?with)"
    r" (?:alcohol|a drink|drinks|beer|wine|drinking)\b(?! (?:use|dependence|addiction|problems?|craving))",
    r"\bwhile (?:drinking|i drink|he drinks|she drinks)\b",
    PAINKILLER,
    # "i took baclofen and drank a bottle of wine": drinking on top of it
    r"\b(?:took|taken|taking|take|on) (?:my |his |her |their )?(?:baclofen|it|the tablets|the pills)"
    r" (?:and|then|before|with) (?:\w+ ){0,2}?(?:drank|drinking|had (?:a|some|two|three|several"
    r"|\w+) (?:drinks?|beers?|glass\w*|bottles?|pints?|cans?))\b(?: (?:\w+ ){0,3}?(?:wine|beers?"
    r"|vodka|alcohol|spirits|whisk(?:e)?y|cider|booze|lager)\b)?",
)


# "fewer people quit it early than quit the dummy pill": leaving a trial, not stopping it now
LEFT_EARLY = re.compile(
    r"\b(?:quit|quits|stopped|dropped|discontinued|withdrew|left|came off)\b (?:\w+ ){0,4}?"
    r"(?:early|prematurely|before the end)\b"
)


def mentions_stopping(text: str) -> bool:
    """The text asks about stopping, tapering or missing doses of baclofen."""
    return bool(text and STOPPING.search(normalise(text)))


# --------------------------------------------------------------------------- public API


def mentions_pregnancy(text: str) -> bool:
    """Whether a question is about pregnancy, breastfeeding or a newborn (the pregnancy
    notice's own test; the composer uses it to keep such sentences for such questions)."""
    return bool(text) and bool(_PREGNANCY.search(normalise(text)))


def detect(text: str) -> set[str]:
    """Which notice kinds a question triggers, among :data:`KINDS` (see the module docstring)."""
    if not text or not text.strip():
        return set()
    t = normalise(text)
    kinds: set[str] = set()
    if _off_label(t):
        kinds.add("off_label")
    if _DOSING.search(t):
        kinds.add("dosing")
    if emergency_in(t):
        kinds.add("emergency")
    if _PREGNANCY.search(t):
        kinds.add("pregnancy")
    if _RENAL.search(HOW_CLEARED.sub(" ", t)):
        kinds.add("renal")
    if STOPPING.search(t):
        kinds.add("withdrawal")
    return kinds


# The sources' words for an emergency told in everyday words ("won't wake up", "ran out and is
# seeing things"), so retrieval and sentence choice find the label's overdose and withdrawal parts.
_OVERDOSE_TERMS = "overdose signs: coma, respiratory depression, seizures; management"
_SELF_HARM_TERMS = "suicidal thoughts, suicide risk: warnings, depression, mood"
_WITHDRAWAL_TERMS = "abrupt discontinuation withdrawal: hallucinations, seizures, high fever"
# ("what should the doctors give for the fits?": how an overdose is treated, not its signs)
_OVERDOSE_CARE_TERMS = "overdose treatment and management: supportive care, seizures, antidote"
_ASKS_CARE = re.compile(r"\b(?:give|given|giving|treat\w*|manag\w*|antidotes?)\b")


def source_terms(text: str) -> str:
    """Words to add to the search for an emergency question, or for signs told after going
    without the tablets ("had none since Friday and feel feverish"); "" for any other question."""
    if not text or not text.strip():
        return ""
    t = normalise(text)
    if not emergency_in(t):
        return _WITHDRAWAL_TERMS if STOPPING.search(t) and withdrawal_signs(t) else ""
    if self_harm(t) and not re.search(r"\boverdos|\bswallow|\btook \d+", t):
        return _SELF_HARM_TERMS
    if after_stopping(t):
        return _WITHDRAWAL_TERMS
    return _OVERDOSE_CARE_TERMS if _ASKS_CARE.search(t) else _OVERDOSE_TERMS


def overdose_told(text: str) -> bool:
    """Whether a question tells of too much baclofen taken now ("he chewed some of her tablets
    and has gone floppy"), however it words it: searched and answered as an overdose."""
    return bool(_TAKEN.search(normalise(text))) and source_terms(text) in (
        _OVERDOSE_TERMS,
        _OVERDOSE_CARE_TERMS,
    )


# tablets taken, not signs alone ("had a fit at the kitchen table" tells of no overdose)
_TAKEN = re.compile(
    r"\b(?:took|taken|swallowed|ingested|ate|eaten|chewed|overdos\w*|too many|too much|handful)\b"
)


def is_dosing_request(text: str) -> bool:
    """True when the question asks about someone's own dose (take, raise, lower, skip, stop...)."""
    return "dosing" in detect(text)


def contexts_concern_addiction(contexts: Iterable[Context] | None) -> bool:
    """True when any context is about an addiction (a substance other than spasticity/general)."""
    return any(set(c.metadata.substances) & set(ADDICTIONS) for c in contexts or ())


def notice(kind: str) -> Notice:
    """The notice of one kind, with its text and the record ids the text relies on."""
    return Notice(kind=kind, text=NOTICE_TEXTS[kind], source_ids=list(NOTICE_SOURCES[kind]))  # type: ignore[arg-type]


# Intents that are about baclofen itself whatever substance the question mentions: drinking on
# baclofen is an interaction, an overdose is an overdose.
_NOT_A_USE = frozenset(
    {"interaction", "overdose", "withdrawal", "pharmacokinetics", "out_of_scope"}
)
# Overdose and poisoning, asked about in general too: the emergency notice goes with them.
_POISONING = re.compile(
    r"\boverdos\w*|\bpoison\w*|\bintoxicat\w*|\bself.?poison\w*|\blethal\b|\bfatal dose\b"
    r"|\btoo many (?:pills|tablets)\b|\bsurdos\w*|\bsobredosis\b|\bueberdosis\b|\buberdosis\b"
    r"|\bsovradosaggio\b|\bintoxica\w*"
)
_DEATHS = re.compile(r"\bdeaths\b|\bdied\b|\bfatalities\b", re.I)
# Routes whose answer is built from addiction studies.
_ADDICTION_ROUTES = frozenset({"synthesis", "trial"})


_TRIAL_STOPPING = re.compile(
    r"\b(?:patients|participants|people|subjects|how many)\b.*\b(?:stopped|dropped|discontinued"
    r"|withdrew|left|quit)\b(?! baclofen suddenly)"
    # "how long was the study drug given before it was tapered?": how the study ran
    r"|\bthe (?:study|trial) (?:drug|medication|medicine|treatment|tablets|pills)\b"
    # "was it stopped abruptly at the end or tapered?" of a trial: how the trial ran
    r"|\b(?:was|were) (?:it|they|the dose) (?:\w+ )?(?:stopped|tapered"
    r"|withdrawn|discontinued)\b|\bbefore (?:it|they|the dose|treatment) (?:was|were) (?:\w+ )?"
    r"(?:stopped|tapered|withdrawn|discontinued)\b",
    re.I,
)


def notices_for(
    plan: Plan, cited: Iterable[Context] = (), route: str = "", declined: bool = False
) -> list[Notice]:
    """The notices for an answer, in display order (emergency first; ``general`` always).

    * off-label: the question (or the answer's evidence, for a synthesis or a trial's result)
      concerns using baclofen for an addiction; never for interactions, overdoses, stopping
      baclofen or pharmacokinetics, nor for another medicine's facts.
    * emergency: any overdose or poisoning question, danger described now, and a question
      answered from a poisoning or baclofen-deaths series.
    * withdrawal: stopping, tapering or missing doses of baclofen (not a study of alcohol
      withdrawal asked about). dosing: someone's own dose; pregnancy, renal: the question turns on them.

    Notices never come from a model or from document text: only the question, the plan and the
    curated metadata of the cited sources decide.
    """
    texts = {plan.question, plan.english or plan.question}
    kinds: set[str] = set()
    for t in texts:
        kinds |= detect(t)
    addiction_words = "off_label" in kinds
    kinds.discard("off_label")
    evidence_of_use = route in _ADDICTION_ROUTES
    cited = list(cited)
    # a question about an addiction treatment trial ("how was baclofen stopped in ALPADIR?"), or
    # an addiction guideline ("what does the alcohol guideline say about stopping it?"), is
    # about that use whatever it asks
    treatment_trial = any(
        c.source_id in plan.entities.trials
        and c.metadata.evidence in ("rct", "guideline")
        and set(c.metadata.substances) & set(ADDICTIONS)
        for c in cited
    )
    # "he takes it to stop drinking but still smokes weed: could mixing ...?": the question tells
    # of the use, whatever it asks
    stated_use = plan.intent == "interaction" and any(
        _STATED_USE.search(normalise(t)) for t in texts
    )
    # (a regulator's record titled for an overdose warning is a rule, not a poisoning series: the
    # Australian dose range cited from it answers a dosing question)
    series = [
        c.source_id
        for c in cited
        if (_POISONING.search(c.metadata.title) or _DEATHS.search(c.metadata.title))
        and c.metadata.evidence not in ("regulatory", "guideline")
    ]
    poisoning_source = bool(series)
    # a poisoning or deaths series asked about is not a use for an addiction, though its
    # record lists the substance its patients drank ("how old were they?")
    series_only = poisoning_source and not treatment_trial and not addiction_words
    # the only addiction substance is an opioid prescribed for pain ("sent home on oxycodone")
    painkiller_only = set(plan.entities.substances) & set(ADDICTIONS) == {"opioids"} and any(
        re.search(PAINKILLER, normalise(t)) for t in texts
    )
    if (
        (plan.intent not in _NOT_A_USE or treatment_trial or stated_use)
        and plan.intent != "out_of_scope"
        and not series_only
        and (
            addiction_words
            or (plan.addiction and not painkiller_only)
            or stated_use
            or (evidence_of_use and contexts_concern_addiction(cited))
        )
    ):
        kinds.add("off_label")
    if (
        plan.intent == "overdose"
        or any(_POISONING.search(normalise(t)) for t in texts)
        or (poisoning_source and any(_DEATHS.search(t) or _POISONING.search(t) for t in texts))
        # (the amounts a poisoning series recorded are amounts taken in overdoses)
        or (poisoning_source and plan.intent in ("trial_result", "general", "dosing"))
        # ("how many comparison patients per baclofen patient?" of the overdose study asked)
        or bool(set(series) & set(plan.entities.trials))
    ):
        kinds.add("emergency")  # a poisoning series or deaths asked about: what to do now
    aws = {c.source_id for c in cited if "alcohol withdrawal" in c.metadata.title.lower()}
    said = [normalise(t) for t in texts]  # (alcohol withdrawal: the drinker's, not baclofen's)
    drinks = aws & set(plan.entities.trials) or any(DRINK_WITHDRAWAL.search(t) for t in said)
    if plan.intent == "withdrawal" and not (drinks and not any(STOPPING.search(t) for t in said)):
        kinds.add("withdrawal")
    elif any(LEFT_EARLY.search(normalise(t)) for t in texts) or (
        plan.entities.trials
        and any(_TRIAL_STOPPING.search(t) or WITHDRAWAL_STUDY.search(t) for t in texts)
    ):
        # participants leaving a trial, or a study of (alcohol) withdrawal asked about: not
        # someone stopping baclofen
        kinds.discard("withdrawal")
    if "renal" in plan.entities.conditions or any(
        # a study of people with kidney disease asked about: its answers turn on kidney function
        c.source_id in plan.entities.trials and _RENAL.search(normalise(c.metadata.title))
        for c in cited
    ):
        kinds.add("renal")
    if {"pregnancy", "breastfeeding"} & set(plan.entities.conditions):
        kinds.add("pregnancy")
        if _NEWBORN.search(normalise(plan.english or plan.question)):
            kinds.add("withdrawal")  # a newborn after exposure in the womb: neonatal withdrawal
    if plan.personal:
        kinds.add("dosing")
    if plan.intent == "out_of_scope" and declined:
        kinds &= {"emergency", "dosing", "pregnancy", "withdrawal"}
    elif declined and not plan.addiction and not any(_ADDICTION_ONLY.search(t) for t in texts):
        # "does it help tics?", declined for want of any study: no use for an addiction is told
        kinds.discard("off_label")
    kinds.add("general")
    return [notice(k) for k in ORDER if k in kinds]
