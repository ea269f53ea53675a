"""Intents: what a question asks (efficacy, a trial's result, dosing, stopping ...), read by
rules over its English words and entities. :func:`classify` is the planner's first decision;
``INTENT_RX`` holds each intent's words (one place, used by the planner and follow-up logic).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import Entities
from assistant.answering.question.entities import (
    ASPECT_RX,
    BACLOFEN,
    norm,
)
from assistant.answering.question.intent_words import INTENT_RX, TOGETHER, any_of
from assistant.answering.question.study_cues import (
    ASKS_WHY_DONE,
    DESCRIBED_COMPARISON,
    DOSE_ASKED,
    STUDY_SAYS,
)
from assistant.answering.safety import notices as safety
from assistant.library import contraindications as ci
from assistant.library.records import RecordInfo
from assistant.vocab import DRUG_CLASS

_DOSE_EFFICACY = any_of(
    r"\bdose.?response\b",
    r"\bhigh(?:er)?.?doses? (?:\w+ ){0,3}(?:work|better|more effective|beat|help|do more)",
    r"\b(?:do|does|did) (?:\w+ ){0,2}high(?:er)?.?doses?\b",
    r"\bdoses? (?:above|over|of more than) \d+ ?mg(?:/day)? (?:\w+ ){0,3}(?:beat|better|work)",
    r"\bdoses? matter\b",
)
PERSONAL_DOSE = any_of(
    r"\b(?:should|can|could|may|must|do) (?:i|we|he|she|my \w+) (?:\w+ ){0,2}?(?:take|increase"
    r"|raise|double|lower|reduce|go up|start(?! showing| to show| having| getting)|use|have"
    r"|give (?:him|her|them|it|an? (?:extra|more|bigger))|add|push (?:it|the dose|my dose) up)\b",
    r"\bhow (?:much|many)\b(?! (?:weight|faith|trust|confidence|credence|stock|store|importance)\b)"
    r"(?!(?: \w+){0,4} (?:trust|rely|believe|read into)\b)"  # "how much can we trust that?"
    r"(?: \w+){0,4} (?:should|can|do|must) (?:i|we|he|she|my \w+)\b",
    r"\b(?:right|best|correct|safe) dose for (?:me|him|her|my \w+)\b|\bmy (?:\w+ )?dose\b",
    r"\bmy (?:baclofen )?dosage\b|\bi (?:take|am taking|'m taking|am on|'m on) \d+",
    r"\b(?:i'?m|im|i am|i'?ve been|ive been|i have been) on (?:baclofen )?\d+",
    r"\bis \d+ ?mg (?:\w+ ){0,3}(?:too much|too high|safe for me|ok for me)\b",
    r"\b(?:i|i'm|im|my)\b[^.?!]*\b(?:weigh\w*|kg|kilos?|kilograms?|pounds|lbs|stone)\b[^.?!]*"
    r"\b(?:dose|mg|how much|how many|take)\b",
    r"\b(?:dose|mg|how much|how many)\b[^.?!]*\b(?:i|my)\b[^.?!]*\b(?:weigh\w*|kg|kilos?|pounds|lbs)\b",
    r"\bhow much (?:baclofen )?(?:would|will|do|should) i need\b|\bwhat dose (?:should|would|do|could) i\b",
    r"\b(?:dose|mg|how much)\b[^.?!]*\bfor (?:me|my (?:husband|wife|son|daughter|partner|mother|father|friend))\b",
)


# --------------------------------------------------------------------------- intent
_ALREADY_ON = re.compile(  # someone already on another medicine ("she takes lithium")
    r"\b(?:is|are|am|i'm|he's|she's|hes|shes|been|already) (?:\w+ )?on\b|\b(?:takes|taking) (?!baclofen)"
)
_ON_ANOTHER = re.compile(
    r"\b(?:patients|people|someone|somebody|those|anyone|a person) (?:who (?:are|is) )?(?:on|taking"
    r"|using)\b"
)
_MIXING = re.compile(
    rf"\bmix\w*|\bcombin\w*|{TOGETHER}|\bat the same time\b|\bwhile (?:on|taking)\b"
    r"|\b(?:has|have|take|takes|taking|having|use|using|on) both\b"
    r"|\b(?:take|taking|use|using|smok\w*) (?:\w+ ){0,2}?(?:with|on)\b"
    r"|\bbaclofen (?:plus|alongside|together with)\b"  # ("baclofen plus pregabalin: any problem?")
    r"|\bbaclofen (?:and )?\w+[,:]? (?:is (?:that|it|this)|are they|any)\b"  # ("baclofen + zolpidem, ok?")
)
_ALONGSIDE = re.compile(
    r"\binteract\w*|\bmix\w* (?:\w+ )?with\b|\bmix\w* (?:baclofen|it) and\b"
    r"|\b(?:take|taking|takes|use|using|uses|on) (?:baclofen|it) (?:and|but) (?:\w+ )?(?:smokes?|uses?"
    r"|takes?|drinks?|snorts?)\b.*\b(?:dangerous|safe|ok|okay|risky|bad|harmful)\b"
    r"|\b(?:take|use) (?:baclofen|it) if (?:you|i|he|she|they) (?:use|take|smoke|drink)\b"
    r"|\b(?:takes?|taking|on) (?:baclofen|it)\b[^.?]*\bbut\b[^.?]*\bstill (?:has|drinks?|uses?|smokes?)\b"
)
# a symptom put down to the medicine ("could it be the new tablets?"): what it does, not whether
PUT_DOWN_TO_IT = re.compile(
    r"\bis (?:that|this|it) a (?:known|common|recogni[sz]ed) (?:thing|side effect|effect|problem)\b"
    r"|\b(?:could|can|might|would|is|are) (?:it|baclofen|(?:the|these|those|his|her|my) (?:tablets"
    r"|pills|medicine|medication|meds)) (?:be )?(?:making|causing|doing|behind|to blame)\b"
    r"|\b(?:do|does|can|could) (?:the|these|those) (?:tablets|pills|medicine) (?:do|cause) (?:that|this)\b"
    r"|\b(?:could|can|might|would|is) (?:it|this|that) (?:be )?(?:from |down to |due to |because of )?"
    r"(?:the|these|those|his|her|my) (?:new )?(?:tablets|pills|medicine|medication|meds|baclofen)\b",
    re.I,
)
_STILL_DRINK = re.compile(
    r"\b(?:can|could|may|should) (?:i|he|she|they|you|we|it|my \w+) (?:still |even )?(?:have|drink"
    r"|enjoy) (?:a |some |any |the odd |an occasional |his |her |my |their |your |a few |a couple of"
    r" )?(?:usual |nightly |evening |daily |odd |occasional )?(?:alcohol|drinks?|beers?|wine|pints?"
    r"|glass(?:es)? of \w+)\b"
)
_STILL_DRINKING = re.compile(
    r"\b(?:still|also|keeps?|kept) (?:having|drinking|downing|on) (?:\w+ ){0,3}?(?:cans?|drinks?"
    r"|beers?|pints?|wine|booze|alcohol|vodka|spirits|cider|lager)\b"
)
# a drink planned by someone on baclofen ("the end-of-season do is Saturday and he wants a few
# pints", read "wants alcohol"), and a warning asked for
_PLANS_TO_DRINK = re.compile(
    r"\b(?:wants?|wanting|going|plans?|planning|hoping|likes?) (?:to (?:have|drink|go out for) )?"
    r"(?:some |a few |a couple of |a )?(?:alcohol|drinks?|beers?|pints?)\b"
)
_WARN_CUE = re.compile(
    r"\bwarn\w*|\bwatch (?:out|for)\b|\bcareful\b|\bworr\w*|\banything (?:i|he|she|we|they) should\b"
)
_RISK_CUE = re.compile(
    r"\bsafe\b|\bproblems?\b|\brisk\w*|\bdanger\w*|\bok\b|\bokay\b|\bfine\b|\bharm\w*"
    r"|\bhappens?\b|\binteract\w*|\bmess\w* (?:with|up)\b|\bbad (?:mix|idea|combination)\b"
)
_TREATING = re.compile(
    r"\b(?:for|with) (?:alcohol|drinking|opioid|cocaine|the drink)"
    r" ?(?:withdrawal|addiction|craving|dependence|use disorder)|\bfor (?:alcohol|drinking|opioid"
    r"|cocaine|the drink)\b|\bstudied\b"
    r"|\b(?:stop|quit|cut down|reduce|less) (?:my |his |her )?drinking\b"
    r"|\b(?:stay|stays|staying|keep|keeps|kept) (?:off|away from) (?:alcohol|the drink|drinking)\b"
    r"|\bstay(?:s|ing)? (?:abstinent|sober|dry)\b"
)
# a guideline asked whether it supports a treatment ("does the guidance back either of them?")
_BACKS = re.compile(r"\b(?:back|backs|support|supports|endorse|endorses|favou?r|favou?rs)\b")
_REGULATORY_WORDS = re.compile(
    r"\bapprov\w*|\bauthori\w*|\blicen\w*|\blegal\w*|\bfda\b|\bansm\b|\btga\b|\boff.?label\b"
    r"|\bguidelines?\b|\bguidance\b|\brecommend\w*|\bregistered\b|\bproducts?\b|\bsold\b|\b(?:first|second).?line\b"
    r"|\bregulators?\b|\bwatchdog\b|\b(?:expert |specialist )?(?:panel|committee)\b|\bagency\b"
    r"|\b(?:can|may|could|allowed to)\b(?: \S+){0,9}? prescrib\w*"  # who may prescribe it
)
# "how many quit it because of side effects?" of a study: participants leaving it
_LEFT_THE_STUDY = re.compile(
    r"\bhow many\b.*\b(?:quit|stopped|dropped|discontinued|withdrew|left)\b|\bdrop(?:ped)? ?out"
)
# "fewer people quit it early than quit the dummy pill", "how long before it was tapered?" in a
# study: leaving a trial early, or how the trial ran, not someone stopping baclofen now
_PEOPLE_DID = re.compile(r"\bdid (?:people|participants|patients|they)\b")
_RAN_DOWN = re.compile(
    r"\b(?:was|were|got|had been|being) (?:\w+ )?(?:tapered|stopped|withdrawn|discontinued)\b"
)
_REFILL = re.compile(r"\brefill\w*")
# "how soon should the cravings ease?", "how long before it kicks in?": when it starts to work
ONSET_Q = re.compile(
    r"\bhow (?:soon|quickly|fast)\b|\bhow long (?:until|before|till|does it take|will it take)\b"
    r"|\bkicks? in\b|\bstart(?:s)? (?:to )?work\w*"
)
_DUMMY_IT = re.compile(r"\b(?:is|was|would|will) it (?:ok|okay|safe|fine|alright|risky)\b")


# planning a pregnancy, as opposed to being pregnant ("trying for a baby", "before we start
# trying", "want to get pregnant")
_BEFORE_CONCEIVING = re.compile(
    r"\b(?:planning (?:a |for a |to get )?pregnan\w*|try(?:ing)? (?:for a baby|to conceive"
    r"|to get pregnant)|(?:want|wants|hoping|hope|plan|plans) to (?:get pregnant|conceive"
    r"|have a baby|start a family)|before (?:we|i|she|they) (?:start trying|try|conceive"
    r"|get pregnant)|start(?:ing)? a family)\b"
)


def classify(text: str, ents: Entities, personal: bool, records: Sequence[RecordInfo] = ()) -> str:
    """The intent of an English question given its entities. Rules in priority order: a
    document, another medicine's facts (declined), emergencies and stopping, safety questions
    about a condition, interactions, comparisons, a study asked about, then the topic words."""
    t = norm(text.replace("+", " plus "))  # ("baclofen + zolpidem")
    hit = {k: bool(rx.search(t)) for k, rx in INTENT_RX.items()}
    hit["withdrawal"] = (hit["withdrawal"] or safety.mentions_stopping(text)) and not (
        safety.LEFT_EARLY.search(t)  # leaving a trial early, or how a trial ran its course
        or (_RAN_DOWN.search(t) and (ents.trials or _PEOPLE_DID.search(t)))
    )
    if ents.trials:  # "the study comparing baclofen with diazepam": how it is named, not the ask
        hit["comparison"] = bool(INTENT_RX["comparison"].search(DESCRIBED_COMPARISON.sub(" ", t)))
    baclofen = bool(BACLOFEN.search(t))
    others = ents.other_medicines
    if ents.trials and others and DESCRIBED_COMPARISON.search(t):
        # "that old study that pitted the spasm pill against valium, ...?": the study's name
        t = DESCRIBED_COMPARISON.sub(" study ", t)
        others = [o for o in others if o in t]
        hit = {k: bool(rx.search(t)) for k, rx in INTENT_RX.items()} | {
            "withdrawal": hit["withdrawal"]
        }
    it = re.search(
        r"\b(?:take|taking|use|using|combine|combining|mix|mixing|have|having)\s+it\s+"
        r"(?:with|and|alongside|together)\b|\bwith it\b",
        t,
    )
    # "can you take it with naltrexone?": "it" is baclofen unless another medicine came first
    baclofen = baclofen or bool(it and not any(o in t[: it.start()] for o in others))
    classes = bool(DRUG_CLASS.search(t))
    if ents.documents and hit["document"]:
        return "document"
    if re.search(r"\b(?:tested|compared|pitted|trialled) (?:\w+ )?against each other\b", t):
        return "comparison"  # "were they all tested against each other to get that order?"
    # "offered an antidepressant or baclofen: does the guidance back either?"
    if hit["regulation"] and re.search(r"\bguid\w+", t) and _BACKS.search(t):
        return "regulation"
    if re.match(r"\s*how (?:does|do|did) .+ (?:compare|relate) (?:with|to)\b", t) and not others:
        return "comparison"  # "how does the 2021 result compare with their earlier trial?"
    # "compared with diazepam?": a follow-up comparison, not a question about diazepam
    short = bool(
        re.match(r"\s*(?:and |what about |how about )?(?:compared|versus|vs\b|against|relative)", t)
    )
    if others and not baclofen and not (hit["comparison"] and short) and not ents.trials:
        return "out_of_scope"  # another medicine's own facts
    # "... if baclofen doesn't work I could try naltrexone. does naltrexone make you sick?": the
    # sentence asked is about the other medicine alone
    asked = norm(re.split(r"(?<=[.!?])\s+(?=\S)", text.strip())[-1])
    asked = _DUMMY_IT.sub(" ", asked)  # "is it ok for him to ... on the methocarbamol?"
    if (
        others
        and asked != t
        and not BACLOFEN.search(asked)
        and any(o in asked for o in others)
        and not re.search(
            r"\b(?:it|both|together|with|instead|than|versus|vs|compared|switch\w*)\b", asked
        )
        and not ents.trials
    ):
        return "out_of_scope"
    # "the pump may run empty before its refill": too little, not too much
    refill = hit["withdrawal"] and not INTENT_RX["overdose"].search(_REFILL.sub("", t))
    hit["overdose"] = (hit["overdose"] and not refill) or safety.overdose_told(text)
    if hit["overdose"] and not (ents.trials and (hit["result"] or STUDY_SAYS.search(t))):
        return "overdose"
    raise_dose = personal and re.search(r"\b(?:increase|raise|double|how much)\b", t)
    treats_withdrawal = ASPECT_RX["withdrawal_treatment"].search(t)
    if "pregnancy" in ents.conditions and _BEFORE_CONCEIVING.search(t):
        # "we want to try for a baby: does she have to come off it first?": whether pregnancy
        # rules baclofen out (the pregnancy row), not how to stop it
        return "contraindication"
    if hit["withdrawal"] and not (
        treats_withdrawal
        or raise_dose
        or (ents.trials and hit["result"])
        or (_LEFT_THE_STUDY.search(t) and hit["adverse_effects"])
    ):
        return "withdrawal"
    # ("on methadone but still smokes crack: would baclofen ease his cravings?" asks whether it
    # works for the crack, not whether the two mix)
    helps = re.search(
        r"\b(?:would|could|can|will|does|might)\b.*\b(?:crav\w*|take the edge off)", t
    )
    if (
        (others or classes)
        and baclofen
        and _ALREADY_ON.search(t)
        and not hit["comparison"]
        and not (helps and ents.substances and not _RISK_CUE.search(t))
    ):
        return "interaction"  # "he is on methadone, can he start the muscle relaxer?"
    if (
        baclofen
        and _PLANS_TO_DRINK.search(t)
        and (_WARN_CUE.search(t) or _RISK_CUE.search(t))
        and not _TREATING.search(t)
    ):
        return "interaction"  # "on the spasm tablets; he wants a few pints: anything to warn of?"
    if baclofen and _STILL_DRINK.search(t) and not _TREATING.search(t):
        return "interaction"  # "on it for his MS: can he still have a few pints?"
    if baclofen and _STILL_DRINKING.search(t) and _RISK_CUE.search(t):
        return "interaction"  # "on it to stop drinking but still having a few cans: dangerous?"
    mixing_risk = others or (ents.substances and _RISK_CUE.search(t))
    if mixing_risk and baclofen and _MIXING.search(t) and not hit["comparison"]:
        return "interaction"  # "on it to stop drinking, and zolpidem at night: risky together?"
    if (
        ONSET_Q.search(t)
        and (ents.substances or re.search(r"\bcrav\w*", t))  # (else how fast levels peak)
        and not hit["withdrawal"]
        and not re.search(r"\bwithdraw\w*", t)
    ):
        return "efficacy"  # "how soon should his cravings ease?": when it starts to work
    if personal and hit["dosing"]:
        return "dosing"
    if re.search(r"\bwithdrawal\b", t) and re.search(
        r"\b(?:born|bab(?:y|ies)|newborns?|infants?)\b", t
    ):
        return "withdrawal"  # a newborn's withdrawal after exposure in the womb
    if re.search(
        r"\b(?:shak\w*|trembl\w*|jitter\w*|jumpy|stiff\w*|withdrawing|won'?t settle)\b", t
    ) and re.search(r"\b(?:newborns?|days? old|weeks? old|since birth|was born|born \w+)\b", t):
        return "withdrawal"  # "born last week and really jittery": the newborn's withdrawal signs
    if (
        "pregnancy" in ents.conditions
        and re.search(r"\bteratogen\w*|\bbirth defects?\b|\bf[o]?etal abnormal", t)
        and not re.search(r"\banimal\w*|\brats?\b|\bmice\b|\brabbits?\b", t)
    ):
        return "contraindication"  # harm to the unborn: the pregnancy row (animal and human data)
    safety_cue = (
        bool(ci.SAFETY.search(t))
        or bool(  # ("approved for someone his age?")
            re.search(
                r"\b(?:give|avoided?|off.?limits)\b|\b(?:approved|licen[sc]ed) for (?:\w+ ){0,3}?age\b"
                r"|\bcan (?:\w+ ){1,3}?(?:take|use|have) (?:baclofen|it)\b",  # "can elderly people take it?"
                t,
            )
        )
    )
    conditions = [
        c for c in ents.conditions if c not in ("cns_depressants", "abrupt_discontinuation")
    ]
    asks_effect = (
        hit["adverse_effects"] and re.search(r"\bcause\b|\bnewborns?\b|\bhappen\b", t)
    ) or PUT_DOWN_TO_IT.search(t)
    if (
        conditions
        and safety_cue
        and not (others or ents.trials or hit["comparison"] or asks_effect)
        and not (classes and hit["interaction"])
        and not (hit["regulation"] and re.match(r"\s*(?:and )?when\b", t))  # a label's history
    ):
        return "contraindication"
    if re.search(r"\bcontra.?indicat\w*|\brules? out (?:using )?baclofen\b", t) and not others:
        return "contraindication"
    if hit["mechanism"] and re.search(r"\banimal\w*|\brats?\b|\bpreclinical\b|\breward\w*", t):
        # (harm to the unborn in animal studies is a pregnancy effect, not how baclofen works)
        unborn = "pregnancy" in ents.conditions or re.search(r"\bborn with\b|\bbirth defect", t)
        return "adverse_effects" if unborn else "mechanism"
    interaction_partner = others or classes or "cns_depressants" in ents.conditions
    partner = (
        interaction_partner
        or re.search(r"\b(?:alcohol|drink\w*|booze)\b", t)
        # "any problem mixing baclofen and cannabis?": a drug of abuse taken alongside
        or (ents.substances and _MIXING.search(t) and _RISK_CUE.search(t))
        # "does baclofen interact with nicotine patches?", "can one mix it with GHB?", "takes the
        # muscle relaxer and smokes cannabis, is that dangerous?": a drug taken alongside
        or (ents.substances and _ALONGSIDE.search(t))
    )
    if hit["interaction"] and partner and not _TREATING.search(t):
        return "interaction"
    if hit["interaction"] and re.search(
        r"\b(?:which|what) (?:kinds? of |types? of |other )?(?:medicines?|medications?|drugs)\b", t
    ):
        return "interaction"  # "which kinds of medicine are listed as interacting with it?"
    if ents.substances and _ALONGSIDE.search(t) and not _TREATING.search(t):
        return "interaction"  # "takes the muscle relaxer and smokes cannabis, is that dangerous?"
    if len(ents.substances) >= 2 and re.search(
        r"\b(?:mix\w*|combin\w*) (?:the two|both|them)\b", t
    ):
        return "interaction"  # "on it for drinking, still smokes weed: could mixing the two ...?"
    if classes and re.search(r"\bwith\b|\band\b", t) and baclofen and not hit["comparison"]:
        return "interaction"
    if (others or classes) and baclofen and _ON_ANOTHER.search(t) and not hit["comparison"]:
        return "interaction"  # "should baclofen be avoided in patients on sertraline?"
    if (
        ents.trials
        and (DOSE_ASKED.search(t) or ASKS_WHY_DONE.search(t))
        and not re.search(r"\b(?:than|versus|vs|better|beat)\b", t)
    ):
        return "trial_result"  # "what doses ... did the Jose trial use?", "why did they pick X?"
    if hit["comparison"] and (others or len(ents.substances) >= 2 or re.search(
        r"\bother (?:medicines|drugs|treatments)\b|\busual\b(?! (?:amount|dose))|\bcomparison group\b", t
    )):  # fmt: skip
        return "comparison"
    if hit["which_trials"] and not ents.trials:
        return "which_trials"
    if ents.trials:
        kinds = {r.evidence for r in records if r.id in ents.trials}
        if kinds & {"guideline", "regulatory"}:
            return "regulation"
        if hit["overdose"] and not STUDY_SAYS.search(t):
            return "overdose"  # (not "does it say how many tablets they took?": the study's text)
        if (
            hit["pharmacokinetics"]
            and kinds <= {"lab-study", "case-report", "cohort"}
            and not ents.substances
        ):
            return "pharmacokinetics"
        if DOSE_ASKED.search(t) and not hit["result"] and not _BY_HOW_MUCH.search(t):
            return "dosing"
        if hit["withdrawal"] and not hit["result"] and not _LEFT_THE_STUDY.search(t):
            return "withdrawal"
        if hit["adverse_effects"] and not hit["result"] and not _HOW_COMPARABLE.search(t):
            return "adverse_effects"  # (not "how did they make the groups comparable?")
        if hit["pharmacokinetics"] and not hit["result"]:
            return "pharmacokinetics"
        return "trial_result"
    if _DOSE_EFFICACY.search(t):
        return "efficacy"
    if _BODY_CHANGE.search(t) and not (ents.substances or _ADDICTION_WORDS.search(t)):
        return "adverse_effects"  # "does baclofen lower blood pressure?" is not about cravings
    approved_for = re.search(r"\bapprov\w* for\b", t) and not re.search(r"\bbefore|\bfirst|\bwhen\b", t)  # fmt: skip
    if hit["history"] and not (hit["regulation"] and approved_for):
        return "history"
    dose_cap = (
        hit["dosing"]
        and re.search(r"\bmaximum\b|\bhow much\b|\bwhat dose\b", t)
        and not re.search(r"\bwhen did\b|\bwhy\b|\bcourt|\bconseil\b", t)
    )
    efficacy_only = hit["efficacy"] and not _REGULATORY_WORDS.search(t)
    if hit["regulation"] and not (dose_cap or efficacy_only):
        return "regulation"
    if hit["adverse_effects"] and not (
        hit["efficacy"]
        and not re.search(
            r"\bside.?effects?\b|\badverse\b|\bsafe\b|\bsuicid\w*|\bcaus\w*"
            r"|\bis (?:that|this|it) (?:a )?(?:known|normal|common|usual)\b|\bslow(?:ly|er)\b",
            t,
        )
    ):
        return "adverse_effects"
    if PUT_DOWN_TO_IT.search(t) and not hit["efficacy"]:
        # "he takes it for his MS and can't sleep: is that the medicine?", "could it be the tablets?"
        return "adverse_effects"
    if hit["pharmacokinetics"]:
        return "pharmacokinetics"
    if hit["mechanism"] and not (hit["efficacy"] and not re.search(
        r"\bhow\b|\bwhy\b|\bmechanis\w*|\breceptor\w*|\bbrain\b|\bgaba\w*|\bblock\b|\bnerve\b", t
    )):  # fmt: skip
        return "mechanism"
    if hit["dosing"]:
        return "dosing"
    if {"pregnancy", "breastfeeding"} & set(ents.conditions) and not hit["efficacy"]:
        return "adverse_effects"  # "I'm feeding him myself: anything to watch for in him?"
    if ents.substances:
        return "efficacy"
    if (hit["efficacy"] or hit["result"]) and (baclofen or _ADDICTION_WORDS.search(t)):
        return "efficacy"  # ("did the Berlin Wall fall?" is not a question about a result)
    if PUT_DOWN_TO_IT.search(t):
        return "adverse_effects"  # "really constipated: could it be the tablets?"
    return "general" if baclofen else "out_of_scope"


# a change in the body asked of baclofen itself ("does it raise blood sugar?", "can it affect
# your weight?"): an effect of the medicine, not its efficacy against an addiction
_BODY_CHANGE = re.compile(
    r"\b(?:rais\w*|lower\w*|increas\w*|decreas\w*|drop\w*|affect\w*|chang\w*|alter\w*"
    r"|put (?:up|on)|push\w* up|bring\w* down|mess\w* (?:up|with)|slow\w*(?: down)?)\s+"
    r"(?:your |my |his |her |their |the |a person'?s |someone'?s |people'?s )?"
    r"(?:blood pressure|heart ?(?:rate|beat)|pulse|blood (?:sugar|glucose)s?|glucose|temperature"
    r"|(?:body )?weight|appetite|sleep|breathing|mood|memory|libido|sex drive|liver (?:tests|enzymes)"
    r"|seizure threshold)\b"
)
_ADDICTION_WORDS = re.compile(
    r"\b(?:crav\w*|addict\w*|dependen\w*|relaps\w*|abstin\w*|sober\w*|drink\w*|use disorder)\b"
)


def has_intent_words(text: str) -> bool:
    t = norm(text)
    return any(
        rx.search(t) for k, rx in INTENT_RX.items() if k not in ("result", "efficacy")
    ) or (  # (classify reads stopping as withdrawal too, unless people left a study)
        safety.mentions_stopping(text) and not _LEFT_THE_STUDY.search(t)
    )


# "by how much did it beat placebo?": the size of a result, not a dose
_HOW_COMPARABLE = re.compile(
    r"\bhow (?:did|do|were|was) (?:\w+ ){0,4}?(?:make|made|match\w*|weight\w*|adjust\w*|balanc\w*)\b"
)
_BY_HOW_MUCH = re.compile(
    r"\bhow much (?:\S+ ){0,5}?(?:beat|better|more|less|fewer|reduc\w*|differ\w*|improv\w*|lower"
    r"|higher|cut)\b"
)
