"""The question plan: what is asked (intent), about what (entities), in which language, and the
standalone question that is searched. Made before retrieval; it decides the route and the shape
of the answer, and it is shown in the JSON (``"plan"``).

Everything here is rules over words and the library's own catalogue (record names, countries,
doses, settings), so a trial asked about by description ("the big French trial that aimed for
180 mg") resolves to its record. The planner is tested on its own against the labelled questions
(``tests/test_plan.py``); it needs no model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from assistant.answering import contraindications as ci
from assistant.answering.language import fold, read_question
from assistant.library.records import RecordInfo
from assistant.vocab import ADDICTIONS, JURISDICTIONS, SUBSTANCE_NAMES

# --------------------------------------------------------------------------- the plan


@dataclass
class Entities:
    substances: list[str] = field(default_factory=list)
    trials: list[str] = field(default_factory=list)  # record ids the question names or describes
    conditions: list[str] = field(default_factory=list)  # contraindication table keys
    other_medicines: list[str] = field(default_factory=list)
    jurisdictions: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # the user's documents asked about

    def to_json(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in asdict(self).items()}

    def __bool__(self) -> bool:
        return any(asdict(self).values())


@dataclass
class Plan:
    question: str  # as asked
    intent: str
    entities: Entities
    searched: str  # the standalone English question retrieval searches
    language: str = "en"
    scope: str = "library"  # "library", "curated" (safety: no user documents first) or "document"
    follow_up: bool = False  # the question leans on the conversation
    personal: bool = False  # asks for someone's own dose
    aspects: list[str] = field(default_factory=list)  # e.g. craving, dose, negative, positive
    english: str = ""  # the English reading of the question (= question for English)

    @property
    def substance(self) -> str | None:
        return self.entities.substances[0] if self.entities.substances else None

    @property
    def addiction(self) -> bool:
        return any(s in ADDICTIONS for s in self.entities.substances)

    def to_json(self) -> dict[str, Any]:
        return {
            "intent": self.intent,
            "entities": self.entities.to_json(),
            "scope": self.scope,
            "language": self.language,
            "searched": self.searched,
            "follow_up": self.follow_up,
            "aspects": list(self.aspects),
        }


# --------------------------------------------------------------------------- word lists

_BACLOFEN = re.compile(r"\b(?:baclofen\w*|baclocur|lioresal|gablofen|ozobax|lyvispah|kemstro)\b")

# Medicines other than baclofen (by name or by the ending of their class's names).
_OTHER_DRUG = re.compile(
    r"\b(naltrexone|acamprosate|nalmefene|topiramate|gabapentin|pregabalin|disulfiram|antabuse"
    r"|varenicline|bupropion|clonidine|lofexidine|tizanidine|cyclobenzaprine|dantrolene|sodium oxybate"
    r"|oxybate|methadone|buprenorphine|suboxone|naloxone|tramadol|ketamine|lithium|metformin"
    r"|paracetamol|acetaminophen|aspirin|ibuprofen|naproxen|amoxicillin|penicillin|insulin"
    r"|warfarin|melatonin|ondansetron|sertraline|fluoxetine|quetiapine|olanzapine|mirtazapine"
    r"|modafinil|ondansetron|chlordiazepoxide|phenobarbital|carbamazepine|valproate|zolpidem"
    r"|diazepam|lorazepam|oxazepam|alprazolam|clonazepam|morphine|oxycodone|fentanyl|heroin"
    r"|[a-z]{3,}(?:azepam|azolam|barbital|olol|pril|sartan|statin|prazole|triptyline|oxetine"
    r"|cillin|mycin|floxacin|profen|codone|morphone))\b"
)
# Substances of abuse that are also medicines: named as what is treated, they are not "other
# medicines" ("baclofen for heroin use").
_ABUSED = {"heroin", "morphine", "oxycodone", "fentanyl", "methadone", "buprenorphine"}

_JURISDICTION_WORDS = {
    "us": r"\bus\b|\bu\.s\.?|\busa\b|united states|america\w*|\bfda\b|dailymed",
    "france": r"\bfrance\b|\bfrench\b|\bansm\b|baclocur|\brtu\b|temporary recommendation",
    "uk": r"\buk\b|united kingdom|britain|british|england|english guideline|\bnice\b|\bmhra\b",
    "australia": r"australia\w*|\btga\b|\bpbs\b",
    "eu": r"\beurope\w*|\bema\b|\beu\b",
}
_COUNTRY_WORDS = {
    "France": r"\bfrench\b|\bfrance\b|\bparis\b",
    "Netherlands": r"\bdutch\b|netherlands|holland|amsterdam",
    "Germany": r"\bgerman\b|germany|\bberlin\b",
    "Italy": r"\bitalian\b|\bitaly\b|\brome\b|cagliari",
    "United States": r"\bus\b|\bu\.s\.?|\busa\b|american|united states|\bveterans?\b",
    "Australia": r"australia\w*|sydney",
    "Israel": r"israel\w*",
    "Iran": r"\biran\w*|tehran|persian",
    "United Kingdom": r"\buk\b|british|britain|england|english trial",
    "Denmark": r"\bdanish\b|denmark",
    "Russia": r"\brussia\w*|st\.? petersburg",
}
_SETTING_WORDS = (
    r"primary care|general practi\w*|gps?\b|family doctors?",
    r"veterans?",
    r"cirrho\w*|liver disease|liver|hepati\w*",
    r"icu|intensive care|critical care|ventilat\w*",
    r"multi.?cent(?:re|er)\w*|several centres|many centres",
    r"inpatients?|hospitali[sz]ed",
    r"outpatients?",
    r"laborator\w*|lab study|human laboratory",
    r"poison cent(?:re|er)s?|poison(?:ing)? series|self.?poison\w*",
    r"anxiety|anxious",
    r"smokers?",
)
_TRIAL_CUE = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|rcts?|review|meta.?analys[ie]s|paper|experiment|cohort"
    r"|series|research|investigation|cochrane|analysis)\b"
)

# --------------------------------------------------------------------------- intents

_RX = {
    "document": r"\b(?:the|this|that|my) (?:article|paper|pdf|blog|post|document|file|leaflet|essay"
    r"|piece|text|report) (?:i|we) (?:added|uploaded|gave|shared|sent|imported|ingested)\b"
    r"|\b(?:this|the uploaded|my uploaded|my|the attached|this uploaded) (?:article|pdf|blog post|document|file|leaflet|essay|paper)\b"
    r"|\bthe (?:article|blog|blog post|pdf|leaflet|essay)\b(?! (?:by|of|in) )"
    r"|\b(?:does|did) (?:the|this) (?:article|paper|document|post|blog|author|leaflet|essay|pdf)\b"
    r"|\b(?:according to|in) (?:the|this|my) (?:article|document|blog|post|pdf|leaflet|essay)\b",
    "overdose": r"\boverdos\w*|\bpoison\w*|\bintoxicat\w*|\btoxicity\b|\btoo many (?:pills|tablets)"
    r"|\btook (?:\w+ ){0,3}(?:pills|tablets)|\blethal\b|\bfatal\b|\bdeadly\b|\bhow much (?:\w+ ){0,3}(?:kill|die)"
    r"|won'?t wake|not waking|unresponsive|not breathing|\bcoma\b|\bdeaths?\b|\bdied\b|\bsuicid\w*",
    "withdrawal": r"\b(?:stop|stops|stopped|stopping|quit|quitting|discontinu\w*|come off|coming off"
    r"|go off|taper\w*|wean\w*|cold turkey|ran out|run out|miss(?:ed|ing)? (?:a |my |his |her |one )?(?:dose|doses|pill|tablet)"
    r"|forg[oe]t\w* (?:a |my |to take )?(?:dose|pill|tablet)|skip\w* (?:a )?dose)\b"
    r"|\b(?:abrupt\w*|sudden\w*) (?:stop\w*|withdraw\w*|discontinu\w*|cessation)"
    r"|\bwithdrawal (?:syndrome |symptoms |reaction\w* )?(?:from|of|after stopping) (?:baclofen|it|the drug)"
    r"|\bbaclofen withdrawal\b|\bwithdrawal symptoms? (?:if|when|after)\b",
    "interaction": r"\binteract\w*|\bcombin\w*|\bmix\w*|\btogether with\b|\bat the same time as\b"
    r"|\bwhile (?:drinking|taking|on)\b|\b(?:with|and) (?:alcohol|opioids?|benzodiazepines?|benzos?"
    r"|sleeping pills|sedatives|antidepressants|other (?:drugs|medicines|sedatives))\b"
    r"|\bdrink (?:alcohol )?(?:on|with|while)\b|\bco.?ingest\w*|\bcns depressants?\b",
    "comparison": r"\bcompar\w*|\bversus\b|\bvs\.?\b|\bbetter than\b|\bworse than\b|\bsafer than\b"
    r"|\bmore effective than\b|\binstead of\b|\brather than\b|\bor (?:naltrexone|acamprosate|nalmefene"
    r"|topiramate|gabapentin|disulfiram|diazepam)\b|\bhow does (?:it|baclofen) stack up\b",
    "which_trials": r"\b(?:which|what|list (?:the|all)?|name (?:the|all)?|how many) (?:\w+ ){0,3}"
    r"(?:trials|studies|rcts)\b|\b(?:negative|positive|failed|successful) (?:trials|studies)\b"
    r"|\btrials? (?:that|which) (?:failed|found no|showed no|were negative|were positive|worked)\b",
    "adverse_effects": r"\bside.?effects?\b|\badverse\b|\btolerab\w*|\bdrows\w*|\bsedat\w*|\bsleepi\w*"
    r"|\bsomnolen\w*|\bdizz\w*|\bconfus\w*|\bsafety profile\b|\bharms?\b|\bencephalopath\w*"
    r"|\bfatigue\b|\bweak(?:ness)?\b|\bnausea\b|\bhow safe\b|\bsafe is\b|\bdangers?\b|\bproblems? with\b"
    r"|\bmania\b|\bmanic\b|\bunwanted effects\b|\bcause\w* (?:\w+ ){0,2}(?:sleep|tired|confus)",
    "pharmacokinetics": r"\bhalf.?life\b|\babsor\w*|\bmetaboli\w*|\beliminat\w*|\bexcret\w*"
    r"|\bpeak\b|\bbioavailab\w*|\bclearance\b|\bplasma\b|\bpharmacokinetic\w*|\bcleared\b"
    r"|\bblood levels?\b|\bhow long (?:does|do|is) (?:it|baclofen) (?:stay|last|take)\b|\bkinetics\b"
    r"|\bleaves? the body\b|\bout of (?:the|your) (?:body|system)\b|\burine\b",
    "mechanism": r"\bmechanis\w*|\bgaba\w*|\breceptors?\b|\bbrain\b|\bdopamin\w*|\bhow (?:is|does|would|could)"
    r" (?:baclofen|it) (?:supposed to )?(?:work|act|reduce|help|curb|lower|affect)\w*"
    r"|\bwhat does (?:it|baclofen) do (?:in|to)\b|\bact(?:s)? on\b|\bagonist\b|\bpharmacology\b"
    r"|\bneuro\w*|\bwhy would (?:it|baclofen)\b|\bhow might\b|\banimal\w*|\brats?\b|\bpreclinical\b",
    "history": r"\bhistor\w*|\bdiscover\w*|\bfirst (?:synthes|made|developed|used|described|report)\w*"
    r"|\boriginal\w*|\binvent\w*|\bsynthesi[sz]ed\b|\bwhen was\b|\bwho (?:first|discovered|developed|made)\b"
    r"|\bameisen\b|\b19[4-9]\d\b|\borigin\w*|\bdeveloped (?:for|as)\b|\bcame (?:about|from)\b",
    "regulation": r"\bapprov\w*|\bauthori[sz]\w*|\blicen[sc]\w*|\bfda\b|\bansm\b|\btga\b|\bnice\b|\bmhra\b"
    r"|\bema\b|\blegal\w*|\bregulat\w*|\brtu\b|\bmarketing\b|\boff.?label\b|\bprescrib\w* (?:in|for)\b"
    r"|\bbaclocur\b|\bguidelines?\b|\brecommend\w*|\bindicat\w*|\bon.?label\b|\breimburs\w*"
    r"|\bwhat is (?:baclofen|it) (?:approved|used|indicated|licensed|prescribed) for\b|\bpbs\b",
    "dosing": r"\bdos(?:e|es|ing|age)\b|\bmg\b|\bmilligrams?\b|\btitrat\w*|\bhow much\b|\bmaximum\b"
    r"|\bhighest dose\b|\bstarting dose\b|\bceiling\b|\bhow (?:often|many times)\b|\bthree times\b"
    r"|\btablets? (?:a|per) day\b|\bschedule\b",
    "efficacy": r"\bwork\w*|\beffective\w*|\befficac\w*|\bhelp\w*|\breduc\w*|\blower\w*|\bcurb\w*"
    r"|\bcut\w*|\bbenefit\w*|\bimprov\w*|\bevidence\b|\bsuccess\w*|\bcrav\w*|\burges?\b|\bdesire\b"
    r"|\babstinen\w*|\brelaps\w*|\bstay (?:sober|dry|off)|\bquit\w*|\bdoes (?:it|baclofen) (?:do|make)"
    r"|\buseful\b|\bcure\w*|\bmiracle\b|\bpromising\b|\bdrinking less\b|\bdrink less\b"
    r"|\bheavy drinking\b|\bsober\w*|\bbetter\b",
    "trial_result": r"\bwhat did (?:\w+ ){0,6}(?:find|show|conclude|report)\b|\bresults?\b|\bfindings?\b"
    r"|\bconclu\w*|\boutcome\w*|\bprimary (?:end.?point|outcome)\b|\bshowed\b|\bfound\b",
}
_INTENT_RX = {k: re.compile(v) for k, v in _RX.items()}

_PERSONAL_DOSE = re.compile(
    r"\b(?:should|can|could|may|must|do) (?:i|we|he|she|my \w+) (?:\w+ ){0,2}?(?:take|increase|raise"
    r"|double|lower|reduce|stop|skip|go up|start|use|have)\b"
    r"|\bhow (?:much|many)\b(?: \w+){0,4} (?:should|can|do|must) (?:i|we|he|she|my \w+)\b"
    r"|\b(?:right|best|correct|safe) dose for (?:me|him|her|my \w+)\b|\bmy dose\b|\bmy (?:baclofen )?dosage\b"
    r"|\bi (?:missed|forgot|skipped)\b|\bi (?:take|am taking|'m taking|am on|'m on) \d+"
    r"|\bis \d+ ?mg (?:\w+ ){0,3}(?:too much|too high|safe for me|ok for me)\b"
)
_ASPECTS = {
    "craving": r"\bcrav\w*|\burges?\b|\bdesire\b|\bwant(?:ing)? to drink\b",
    "dose": r"\bhigh(?:er)?.?doses?\b|\bdose.?response\b|\blow(?:er)?.?doses?\b|\bdoses? matter\b"
    r"|\bhow much (?:baclofen )?(?:is needed|works)\b|\b(?:30|60|90|150|180|270|300) ?mg\b|\bbigger doses?\b",
    "negative": r"\bnegative\b|\bfail\w*|\bno (?:benefit|effect|difference)\b|\bdid not work\b"
    r"|\bdidn'?t work\b|\bnot work\b|\bnull\b|\bunsuccessful\b",
    "positive": r"\bpositive\b|\bsuccessful\b|\bworked\b|\bshowed (?:a )?benefit\b|\bfound (?:a )?benefit\b",
    "placebo": r"\bplacebo\w*",
    "withdrawal_treatment": r"\b(?:alcohol|opioid|opiate)s? withdrawal\b|\bwithdrawal syndrome\b(?! (?:from|of) baclofen)",
    "liver": r"\bliver\b|\bcirrho\w*|\bhepat\w*",
    "latest": r"\blatest\b|\bmost recent\b|\bnewest\b|\bcurrent\b|\bup.?to.?date\b",
}
_ASPECT_RX = {k: re.compile(v) for k, v in _ASPECTS.items()}

# Follow-ups: short questions leaning on the conversation.
_FOLLOW_UP = re.compile(
    r"^(?:and|what about|how about|and what about|what of|same for|also|or|but|then|so)\b"
    r"|\b(?:it|its|that|this|those|these|them|they|there|the same|that trial|this trial|that study"
    r"|the trial|the study|the top dose|the drug|the review|the meta.?analysis|the dose)\b"
)
_SUBSTANCE_RX = {
    s.key: re.compile(rf"(?:{s.words})") for s in SUBSTANCE_NAMES if s.key != "general"
}
_JURISDICTION_RX = {k: re.compile(v) for k, v in _JURISDICTION_WORDS.items()}
_COUNTRY_RX = {k: re.compile(v) for k, v in _COUNTRY_WORDS.items()}
_SETTING_RX = [re.compile(rf"\b(?:{w})") for w in _SETTING_WORDS]
_DOSE_MG = re.compile(r"\b(\d{2,3})\s?(?:mg|milligrams?)\b")
_YEAR = re.compile(r"\b(19[6-9]\d|20[0-4]\d)\b")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9.']+", fold(text)))


# --------------------------------------------------------------------------- entities


def find_substances(text: str) -> list[str]:
    t = _norm(text)
    t = re.sub(r"\bdrink(?:s|ing)? (?:alcohol )?(?:on|with|while)\b", "alcohol", t)
    return [k for k, rx in _SUBSTANCE_RX.items() if rx.search(t)]


def find_jurisdictions(text: str) -> list[str]:
    t = fold(text)
    return [k for k, rx in _JURISDICTION_RX.items() if rx.search(t)]


def find_other_medicines(text: str) -> list[str]:
    t = _norm(text)
    found = [m for m in dict.fromkeys(_OTHER_DRUG.findall(t))]
    return [m for m in found if m not in _ABUSED or not re.search(rf"\b{m} (?:use|addiction|dependence|users?)\b", t)]


def find_conditions(text: str) -> list[str]:
    try:
        table = ci.load_table()
    except ci.ContraindicationError:
        return []
    t = _norm(text)
    # the disorder treated is not a co-ingested depressant ("safe for alcohol use disorder?")
    t = ci.USE_DISORDER.sub(" ", t)
    return [c.key for c in ci.lookup(t, table)] if t.strip() else []


def find_trials(text: str, catalog: Sequence[RecordInfo]) -> list[str]:
    """Record ids a question names ("ALPADIR", "Garbutt 2010") or describes ("the Dutch
    multicentre trial", "the large French trial aiming for 180 mg")."""
    t = _norm(text)
    words = set(t.split())
    has_cue = bool(_TRIAL_CUE.search(t))
    doses = {float(d) for d in _DOSE_MG.findall(t)}
    years = {int(y) for y in _YEAR.findall(t)}
    countries = {k for k, rx in _COUNTRY_RX.items() if rx.search(t)}
    settings = [rx for rx in _SETTING_RX if rx.search(t)]
    subs = set(find_substances(text))
    largest = bool(re.search(r"\b(?:large(?:st)?|biggest|big|major|largest)\b", t))
    latest = bool(re.search(r"\b(?:latest|most recent|newest|recent|updated|current)\b", t))
    pooled = bool(re.search(r"\bmeta.?analys[ie]s\b|\bsystematic review\b|\bcochrane\b|\bpooled\b", t))
    scored: list[tuple[float, bool, RecordInfo]] = []
    for r in catalog:
        if r.evidence in ("label", "regulatory", "overview", "guideline"):
            continue
        score, named = 0.0, False
        for name in r.trial_names:
            if re.search(rf"\b{re.escape(_norm(name))}\b", t):
                score, named = score + 4, True
        surname = _norm(r.surname) if r.surname else ""
        if surname and len(surname) > 2 and re.search(rf"\b{re.escape(surname)}\b", t):
            score += 2.5
            named = True
            if r.year in years:
                score += 2
        if "cochrane" in words and "cochrane" in _norm(f"{r.title} {r.journal or ''}"):
            score += 2.5
            named = True
        if r.year in years:
            score += 1
        if r.country and r.country in countries:
            score += 1.5
        if r.max_dose_mg and r.max_dose_mg in doses:
            score += 1.5
        elif doses and r.dose_text and any(f"{int(d)} mg" in r.dose_text for d in doses):
            score += 1
        setting_text = _norm(f"{r.setting or ''} {r.population or ''} {r.title}")
        score += sum(1.0 for rx in settings if rx.search(setting_text))
        if subs:
            score += 0.5 if subs & set(r.substances) else -1.5
        if pooled:
            score += 1 if r.evidence in ("meta-analysis", "systematic-review") else -1
        elif has_cue and r.evidence in ("meta-analysis", "systematic-review", "review") and not named:
            score -= 1
        if "trial" in words or "rct" in words or "randomised" in words or "randomized" in words:
            score += 0.3 if r.evidence == "rct" else 0
        scored.append((score, named, r))
    if not scored:
        return []
    # size and recency break ties among the records described alike
    if largest or latest:
        top = max(s for s, _, _ in scored)
        close = [(s, n, r) for s, n, r in scored if s >= top - 0.01 and s > 0]
        if len(close) > 1:
            key = (lambda x: x[2].n or 0) if largest else (lambda x: x[2].year or 0)
            best = max(close, key=key)
            scored = [(s + (0.6 if (s, n, r) == best else 0), n, r) for s, n, r in scored]
    scored.sort(key=lambda x: -x[0])
    named_ids = [r.id for s, n, r in scored if n and s >= 4]
    if named_ids:
        best = scored[0][0]
        return [r.id for s, n, r in scored if n and s >= max(4, best - 2.5)][:4]
    best_score, _, best = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    if has_cue and best_score >= 2.5 and best_score - second >= 0.5:
        return [best.id]
    return []


def find_documents(text: str, catalog: Sequence[RecordInfo], document_cue: bool) -> list[str]:
    """The user's documents a question is about: named by title, or the latest one added when
    the question says "the article / this document" without naming one."""
    docs = [r for r in catalog if r.user]
    if not docs:
        return []
    t = _norm(text)
    named = []
    for r in docs:
        title = _norm(r.title)
        words = [w for w in title.split() if len(w) > 3]
        if title and (title in t or (len(words) >= 3 and sum(w in t for w in words) >= 0.8 * len(words))):
            named.append(r.id)
    if named:
        return named[:1]
    if document_cue:
        latest = max(docs, key=lambda r: (r.added or "", r.id))
        return [latest.id]
    return []


# --------------------------------------------------------------------------- intent

_ORDER = (
    "document", "overdose", "withdrawal", "contraindication", "interaction", "comparison",
    "which_trials", "trial_result", "regulation", "pharmacokinetics", "mechanism", "history",
    "adverse_effects", "dosing", "efficacy",
)  # fmt: skip


def classify(text: str, ents: Entities, personal: bool) -> str:
    """The intent of an English question given its entities (see :data:`_ORDER`)."""
    t = _norm(text)
    hit = {k: bool(rx.search(t)) for k, rx in _INTENT_RX.items()}
    baclofen = bool(_BACLOFEN.search(t))
    others = ents.other_medicines
    if ents.documents and hit["document"]:
        return "document"
    # another medicine's own facts, not compared with baclofen: declined
    if others and not baclofen and not hit["comparison"] and not ents.trials:
        if not (hit["interaction"] or hit["overdose"]):
            return "out_of_scope"
        if not re.search(r"\b(?:it|this drug|this medicine|the drug)\b", t):
            return "out_of_scope"
    if hit["overdose"] and not re.search(r"\bdeaths? (?:rate|risk)\b.*\b(?:compared|versus|than)\b", t):
        if not (hit["comparison"] and others):
            return "overdose"
    if hit["withdrawal"] and not _ASPECT_RX["withdrawal_treatment"].search(t):
        if not re.search(r"\b(?:stop|quit|stopping|quitting) (?:drinking|smoking|using|alcohol|cocaine)\b", t):
            return "withdrawal"
    if personal and hit["dosing"]:
        return "dosing"
    if ents.conditions and ci.SAFETY.search(t) and not others:
        cond_interaction = set(ents.conditions) <= {"cns_depressants"}
        if not cond_interaction:
            return "contraindication"
    if re.search(r"\bcontra.?indicat\w*", t) and not others:
        return "contraindication"
    if hit["interaction"] and (others or "cns_depressants" in ents.conditions or re.search(
        r"\b(?:alcohol|drink\w*|opioids?|benzo\w*|sedatives?|sleeping pills)\b", t
    )) and not re.search(r"\bfor (?:alcohol|drinking|opioid|cocaine)\b", t):
        if not hit["efficacy"] or hit["interaction"] and re.search(r"\binteract\w*|\bmix\w*|\bcombin\w*|\bwhile\b|\btogether\b", t):
            return "interaction"
    if hit["comparison"] and (others or re.search(r"\bother (?:medicines|drugs|treatments)\b", t)):
        return "comparison"
    if hit["which_trials"] and not ents.trials:
        return "which_trials"
    if ents.trials and (hit["trial_result"] or hit["efficacy"] or not any(
        hit[k] for k in ("dosing", "adverse_effects", "pharmacokinetics", "regulation")
    )):
        return "trial_result"
    for intent in ("regulation", "pharmacokinetics", "mechanism", "history"):
        if hit[intent]:
            if intent == "regulation" and hit["efficacy"] and not re.search(
                r"\bapprov\w*|\bauthori\w*|\blicen\w*|\blegal\w*|\bfda\b|\bansm\b|\btga\b|\boff.?label\b"
                r"|\bguidelines?\b|\brecommend\w*", t):
                continue
            if intent == "mechanism" and hit["efficacy"] and not re.search(
                r"\bhow\b|\bwhy\b|\bmechanis\w*|\breceptor\w*|\bbrain\b|\bgaba\w*", t):
                continue
            return intent
    if hit["adverse_effects"] and not hit["efficacy"]:
        return "adverse_effects"
    if hit["dosing"] and not re.search(r"\bhigh(?:er)? doses? (?:work|better|more effective)\b", t):
        if not (hit["efficacy"] and _ASPECT_RX["dose"].search(t) and re.search(r"\bbetter|work\w*|effective\w*|more\b", t)):
            return "dosing"
    if hit["adverse_effects"]:
        return "adverse_effects"
    if hit["efficacy"] or ents.substances:
        return "efficacy"
    if hit["trial_result"]:
        return "efficacy"
    return "efficacy" if baclofen else "out_of_scope"


# --------------------------------------------------------------------------- conversation


def is_follow_up(question: str, ents: Entities, intent_words: bool) -> bool:
    """Short questions that lean on the conversation ("and for opioids?", "how many people got to
    the top dose?"), or questions with no subject of their own."""
    t = _norm(question)
    if _FOLLOW_UP.search(t) and len(t.split()) <= 12:
        return True
    if not _BACLOFEN.search(t) and not ents and len(t.split()) <= 8:
        return True
    return not intent_words and len(t.split()) <= 5


def _inherit(plan: Plan, previous: Plan) -> Plan:
    """Carry the conversation's subject into a follow-up: what the follow-up names replaces what
    the earlier turn named, and what it leaves out is taken over."""
    ents, prev = plan.entities, previous.entities
    merged = Entities(
        substances=ents.substances or prev.substances,
        trials=ents.trials or ([] if ents.substances and ents.substances != prev.substances else prev.trials),
        conditions=ents.conditions or (prev.conditions if plan.intent in ("contraindication",) else []),
        other_medicines=ents.other_medicines or prev.other_medicines if plan.intent == "comparison" else ents.other_medicines,
        jurisdictions=ents.jurisdictions or (prev.jurisdictions if plan.intent in ("regulation", "dosing") else []),
        documents=ents.documents or prev.documents,
    )
    intent = plan.intent
    own_intent = _has_intent_words(plan.english)
    if not own_intent or (intent == "efficacy" and previous.intent in ("trial_result", "which_trials") and not ents.substances):
        intent = previous.intent
    if merged.trials and intent in ("efficacy", "which_trials") and not ents.substances:
        intent = "trial_result"
    if intent == "out_of_scope" and not ents.other_medicines:
        intent = previous.intent
    if intent == "document" and not merged.documents:
        intent = previous.intent
    return replace(plan, entities=merged, intent=intent, follow_up=True)


def _has_intent_words(text: str) -> bool:
    t = _norm(text)
    return any(rx.search(t) for k, rx in _INTENT_RX.items() if k not in ("trial_result",))


def _standalone(plan: Plan, catalog: Sequence[RecordInfo]) -> str:
    """The question retrieval searches: the English question plus the subject it leans on."""
    if not plan.follow_up:
        return plan.english
    names = {r.id: r.display_name for r in catalog}
    extra: list[str] = []
    t = _norm(plan.english)
    for tid in plan.entities.trials:
        name = names.get(tid, tid)
        if _norm(name) not in t:
            extra.append(name)
    for s in plan.entities.substances:
        if not _SUBSTANCE_RX[s].search(t):
            extra.append(s)
    for j in plan.entities.jurisdictions:
        if not _JURISDICTION_RX[j].search(fold(plan.english)):
            extra.append(JURISDICTIONS[j])
    for c in plan.entities.conditions:
        if c.replace("_", " ") not in t:
            extra.append(c.replace("_", " "))
    if not _BACLOFEN.search(t):
        extra.insert(0, "baclofen")
    if not extra:
        return plan.english
    return f"{plan.english.rstrip()} ({', '.join(extra)})"


# --------------------------------------------------------------------------- the planner


def plan_question(
    question: str,
    catalog: Sequence[RecordInfo] = (),
    history: Sequence[str] = (),
    previous: Plan | None = None,
) -> Plan:
    """Plan one question. ``history`` holds the conversation's earlier questions (oldest first);
    they are planned in turn so the subject carries across several turns (``previous`` may be
    given instead when the caller kept the last plan)."""
    if previous is None and history:
        for earlier in history:
            previous = plan_question(earlier, catalog, previous=previous)
    language, english = read_question(question)
    t = _norm(english)
    ents = Entities(
        substances=find_substances(english),
        trials=find_trials(english, catalog),
        conditions=find_conditions(english),
        other_medicines=find_other_medicines(english),
        jurisdictions=find_jurisdictions(english),
    )
    document_cue = bool(_INTENT_RX["document"].search(t))
    ents.documents = find_documents(english, catalog, document_cue)
    if ents.trials and not ents.substances:
        subs = {s for r in catalog if r.id in ents.trials for s in r.substances}
        ents.substances = [s for s in ADDICTIONS if s in subs][:1]
    personal = bool(_PERSONAL_DOSE.search(t))
    intent = classify(english, ents, personal)
    aspects = [k for k, rx in _ASPECT_RX.items() if rx.search(t)]
    plan = Plan(
        question=question, intent=intent, entities=ents, searched=english, language=language,
        personal=personal and intent in ("dosing", "withdrawal"), aspects=aspects, english=english,
    )  # fmt: skip
    if previous is not None and is_follow_up(english, ents, _has_intent_words(english)):
        plan = _inherit(plan, previous)
    if plan.intent == "document" or (plan.entities.documents and document_cue):
        plan.scope = "document"
    elif plan.intent in ("contraindication", "overdose", "withdrawal", "interaction", "dosing"):
        plan.scope = "curated"
    plan.searched = _standalone(plan, catalog)
    return plan


def records_named(plan: Plan, catalog: Iterable[RecordInfo]) -> list[RecordInfo]:
    ids = set(plan.entities.trials)
    return [r for r in catalog if r.id in ids]
