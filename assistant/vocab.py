"""Every list of names the project uses, in one place.

Notice kinds (their order, labels and styles), evidence types (labels, strength, reference-manager
types, which ones only the curated corpus may claim), substances (labels and the words that name
them), trial results and comparators, answer routes and question intents. Every other module
imports these; nothing else spells a list of them out. Adding a notice kind, say, means adding one
entry here and its text and detection in ``answering/safety/notices.py``: the app, the exports and the
eval read everything else from here (``tests/test_vocab.py`` fails when one cannot render a kind).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# --------------------------------------------------------------------------- notices


@dataclass(frozen=True)
class NoticeStyle:
    key: str
    label: str  # heading in the app and the Markdown export
    short: str  # the one-line form shown once the full text has been seen in a conversation
    icon: str  # a glyph for sighted readers (screen readers read ``label`` instead)
    background: str
    border: str
    text: str  # text colour on ``background`` (contrast at least 4.5:1, checked by a test)
    role: str = "note"  # ARIA role: "alert" for the emergency notice
    always_full: bool = False  # safety-critical: never shortened


NOTICES: tuple[NoticeStyle, ...] = (
    NoticeStyle(
        "emergency", "Emergency: get help now", "Emergency: call your local emergency number now.",
        "!", "#fde8e8", "#b91c1c", "#7f1d1d", role="alert", always_full=True,
    ),
    NoticeStyle(
        "withdrawal", "Stopping baclofen suddenly is dangerous",
        "Do not stop baclofen suddenly; taper with the prescriber.",
        "!", "#fff1e6", "#c2410c", "#7c2d12", always_full=True,
    ),
    NoticeStyle(
        "general", "Not medical advice", "Educational summary, not medical advice.",
        "i", "#f8fafc", "#94a3b8", "#334155",
    ),
    NoticeStyle(
        "off_label", "Off-label use", "Off-label for addiction outside France (see the first notice).",
        "!", "#fff8e6", "#b45309", "#713f12",
    ),
    NoticeStyle(
        "dosing", "Dosing", "No personal dosing advice: ask the prescriber.",
        "!", "#fff8e6", "#b45309", "#713f12",
    ),
    NoticeStyle(
        "pregnancy", "Pregnancy and breastfeeding",
        "Pregnancy or breastfeeding: decide with the prescriber and obstetrician.",
        "i", "#f5f0ff", "#7c3aed", "#4c1d95",
    ),
    NoticeStyle(
        "renal", "Kidney function", "Kidney function changes how baclofen is cleared.",
        "i", "#eef6ff", "#1d4ed8", "#1e3a8a",
    ),
)  # fmt: skip
NoticeKind = Literal[
    "emergency", "withdrawal", "general", "off_label", "dosing", "pregnancy", "renal"
]
NOTICE_KINDS: tuple[str, ...] = tuple(n.key for n in NOTICES)  # display order: emergency first
NOTICE = {n.key: n for n in NOTICES}
# The kinds detection decides ("general" is on every answer).
DETECTED_NOTICE_KINDS: tuple[str, ...] = tuple(k for k in NOTICE_KINDS if k != "general")

# --------------------------------------------------------------------------- evidence


@dataclass(frozen=True)
class EvidenceType:
    key: str
    label: str
    rank: int  # strength when sources say the same thing (lower is stronger)
    ris: str  # RIS reference type when the source has no journal
    curated_only: bool = False  # only the curated corpus may claim it (never a user's document)


EVIDENCE: tuple[EvidenceType, ...] = (
    EvidenceType("meta-analysis", "Meta-analysis", 0, "JOUR"),
    EvidenceType("systematic-review", "Systematic review", 1, "JOUR"),
    EvidenceType("rct", "Randomised trial", 2, "JOUR"),
    EvidenceType("cohort", "Cohort / open study", 4, "JOUR"),
    EvidenceType("case-report", "Case report", 7, "JOUR"),
    EvidenceType("lab-study", "Laboratory study", 5, "JOUR"),
    EvidenceType("review", "Review", 5, "JOUR"),
    EvidenceType("guideline", "Guideline", 3, "RPRT", curated_only=True),
    EvidenceType("label", "Drug label", 1, "GOVDOC", curated_only=True),
    EvidenceType("regulatory", "Regulatory document", 3, "GOVDOC", curated_only=True),
    EvidenceType("overview", "Editors' overview", 6, "MANSCPT"),
    EvidenceType("user-document", "Your document", 8, "MANSCPT"),
)
Evidence = Literal[
    "meta-analysis", "systematic-review", "rct", "cohort", "case-report", "lab-study", "review",
    "guideline", "label", "regulatory", "overview", "user-document",
]  # fmt: skip
EVIDENCE_TYPES: tuple[str, ...] = tuple(e.key for e in EVIDENCE)
EVIDENCE_BY_KEY = {e.key: e for e in EVIDENCE}
EVIDENCE_RANK: dict[str, int] = {e.key: e.rank for e in EVIDENCE}
EVIDENCE_LABELS: dict[str, str] = {e.key: e.label for e in EVIDENCE}
CURATED_ONLY: frozenset[str] = frozenset(e.key for e in EVIDENCE if e.curated_only)
USER_EVIDENCE = "user-document"
USER_LABEL = "your library"
POOLED_EVIDENCE: tuple[str, ...] = ("meta-analysis", "systematic-review")
PRIMARY_EVIDENCE: tuple[str, ...] = ("rct", "cohort", "case-report", "lab-study")
# the evidence types retrieval brings forward, by intent
PREFERRED_EVIDENCE: dict[str, tuple[str, ...]] = {
    "overdose": ("label",),
    "withdrawal": ("label",),
    "pharmacokinetics": ("label",),
    "interaction": ("label",),
    "contraindication": ("label",),
    "efficacy": POOLED_EVIDENCE,
    "regulation": ("regulatory", "guideline"),
    "adverse_effects": ("label",),
    "mechanism": ("review", "overview", "lab-study"),
    "history": ("review", "overview", "regulatory"),
}

# --------------------------------------------------------------------------- substances


@dataclass(frozen=True)
class SubstanceName:
    key: str
    label: str
    words: str  # regular expression (lowercase, accents stripped) for the words that name it
    addiction: bool = True


SUBSTANCE_NAMES: tuple[SubstanceName, ...] = (
    SubstanceName(
        "alcohol", "Alcohol",
        r"alcohol\w*|alcool\w*|alkohol\w*|alcol\w*|drink(?:s|ing|ers?)?|drank|ethanol|\baud\b"
        r"|heavy drinking|binge drinking|bebida\w*|beber|trinken|booz\w*|baclocur|\brtu\b"
        r"|sober\w*|hangovers?|\bgrog\b",
    ),
    SubstanceName(
        "opioids", "Opioids",
        r"opioid\w*|opiate\w*|opiace\w*|opioide\w*|oppioid\w*|heroin\w*|hero[ií]na|morphine"
        r"|methadone|metadona|buprenorphine|fentanyl|oxycodone",
    ),
    SubstanceName("cocaine", "Cocaine", r"cocain\w*|kokain\w*|crack"),
    SubstanceName(
        "methamphetamine", "Methamphetamine",
        r"methamphetamin\w*|metanfetamin\w*|amphetamin\w*|anfetamin\w*|\bmeth\b|stimulants?",
    ),
    SubstanceName(
        "nicotine", "Nicotine",
        r"nicotin\w*|smok\w*\b(?! (?:\w+ )?(?:cannabis|weed|pot|marijuana|joints?|crack))|tobacco|tabac\w*|tabak\w*|cigarett\w*|cigarrill\w*|sigarett\w*"
        r"|fumar|fumeurs?|rauch\w*",
    ),
    SubstanceName("ghb", "GHB", r"\bghb\b|\bgbl\b|gamma.?hydroxybutyr\w*|sodium oxybate"),
    SubstanceName(
        "cannabis", "Cannabis", r"cannabis|marijuana|marihuana|\bthc\b|\bweed\b|hashish"
    ),
    SubstanceName("general", "General / pharmacology", r"(?!x)x", addiction=False),
    SubstanceName(
        "spasticity", "Spasticity", r"spastic\w*|spasticit\w*|spasm\w*|multiple sclerosis",
        addiction=False,
    ),
)  # fmt: skip
Substance = Literal[
    "alcohol", "opioids", "cocaine", "methamphetamine", "nicotine", "ghb", "cannabis", "general",
    "spasticity",
]  # fmt: skip
# Baclofen's brand names (products the corpus describes), capitalised as written
BRANDS: tuple[str, ...] = (
    "Baclocur", "Fleqsuvy", "Gablofen", "Kemstro", "Lioresal", "Lyvispah", "Ozobax",
)  # fmt: skip
# The companies that made or market baclofen products, as the corpus names them
COMPANIES: tuple[str, ...] = (
    "Ciba", "Geigy", "Novartis", "Ethypharm", "Metacel", "Saol", "Azurity", "Medtronic", "Zentiva",
)  # fmt: skip
SUBSTANCES: tuple[str, ...] = tuple(s.key for s in SUBSTANCE_NAMES)
SUBSTANCE_LABELS: dict[str, str] = {s.key: s.label for s in SUBSTANCE_NAMES}
ADDICTIONS: tuple[str, ...] = tuple(s.key for s in SUBSTANCE_NAMES if s.addiction)
# how text names each substance (all but "general"), compiled once for every reader
SUBSTANCE_SAID: dict[str, re.Pattern[str]] = {
    s.key: re.compile(rf"\b(?:{s.words})", re.I) for s in SUBSTANCE_NAMES if s.key != "general"
}

# --------------------------------------------------------------------------- interaction classes


@dataclass(frozen=True)
class MedicineClass:
    """A class of substances the interaction sources name, with the words that put a medicine in
    it (lowercase, as users write them) and the words the sources use for the class."""

    key: str
    label: str
    members: str  # regular expression for the class word and its members, in a question or claim
    named: str  # regular expression for the class as the sources name it
    # broader words that, in a question, ask about this class ("with antidepressants?" is answered
    # by the tricyclic sentence); never read in a document's claim
    asked: str = ""
    # the wider family the class belongs to ("antidepressants"): one class of it named outright
    # stands for the family, so the family's broader word does not add its other classes
    family: str = ""


# blood-pressure medicines in everyday words ("his blood pressure tablets", "pills for high blood
# pressure"): an interaction class here and a drug class for the planner
BLOOD_PRESSURE_MEDICINES = (
    r"blood.pressure (?:lowering |reducing )?(?:tablets|pills|medicines?|medications?|drugs)"
    r"|(?:tablets|pills|medicines?|medications?) (?:for|against) (?:high |his |her )?blood pressure"
)
# Medicine classes named in a question ("sleeping pills", "his blood pressure tablets"): a
# medicine taken alongside, for the planner and the "together" route
DRUG_CLASS = re.compile(
    r"\b(?:benzodiazepines?|benzos?|sleeping (?:pills?|tablets?)|sleep aids?|sedatives?|antidepressants?"
    rf"|tricyclics?|{BLOOD_PRESSURE_MEDICINES}"
    r"|antihypertensives?|diuretics?|diuretic tablets|opioid painkillers?|painkillers?|antihistamines?|antipsychotics?"
    r"|anticonvulsants?|levodopa)\b"
)

INTERACTION_CLASSES: tuple[MedicineClass, ...] = (
    MedicineClass(
        "alcohol", "alcohol",
        r"alcohol|beers?|wines?|(?<!energy )(?<!soft )(?<!fizzy )(?<!sports )(?<!sport )"
        r"drinks?(?! (?:coffee|tea|water|juice|milk|cola|soda|energy))|drinking"
        r"|booze|spirits|pints?|vodka|whisk(?:e)?y",
        r"\balcohol\b",
    ),
    MedicineClass(
        "opioids", "opioids",
        r"opioids?|opiates?|tramadol|morphine|oxycodone|\w+codone|fentanyl|methadone|buprenorphine"
        r"|codeine|heroin|\w+morphone|opioid painkillers?|suboxone|subutex|oramorph|zomorph|sevredol"
        r"|oxycontin|oxynorm|percocet|vicodin|pethidine|meperidine|tapentadol|palexia|nucynta"
        r"|zydol|tramal|ultram|butrans|durogesic|dilaudid|kapanol",
        r"\bopioids?\b",
    ),
    MedicineClass(
        "tricyclics", "tricyclic antidepressants",
        r"tricyclic\w*|amitriptyline|\w+triptyline|clomipramine|imipramine|doxepin",
        r"\btricyclic",
        asked="antidepressants?",
        family="antidepressants",
    ),
    MedicineClass("lithium", "lithium", r"lithium", r"\blithium\b"),
    MedicineClass(
        "maois", "MAO inhibitors",
        r"mao(?:i|is)?|monoamine oxidase inhibitors?|mao inhibitors?|phenelzine|tranylcypromine"
        r"|selegiline|moclobemide",
        r"\bmao inhibitors?\b",
        family="antidepressants",
    ),
    MedicineClass(
        "antihypertensives", "blood-pressure medicines",
        r"\w+olol|\w+pril|\w+sartan|amlodipine|clonidine|ace inhibitors?|calcium.channel blockers?"
        r"|beta.?blockers?|antihypertensives?|diuretics?"
        rf"|{BLOOD_PRESSURE_MEDICINES}",
        r"\bantihypertensive|\bblood-pressure medicines\b",
    ),
    MedicineClass(
        "cns_depressants", "CNS depressants",
        r"cns depressants?|central nervous system depressants?|benzodiazepines?|benzos?|\w+azepam"
        r"|\w+azolam|xanax|valium|ativan|klonopin|sleeping (?:pills?|tablets?)|sleep(?:ing)? aids?"
        r"|sedatives?|hypnotics?|tranquil\w*|zolpidem|zopiclone|zaleplon|barbiturates?"
        r"|gabapentin|pregabalin|chlordiazepoxide|mirtazapine|quetiapine|olanzapine"
        r"|promethazine|diphenhydramine|chlorphenamine|chlorpheniramine|sedating antihistamines?",
        r"\bcns depressant|\bcentral nervous system depress",
    ),
)  # fmt: skip
INTERACTION_CLASS: dict[str, MedicineClass] = {c.key: c for c in INTERACTION_CLASSES}
# a sentence that names an interaction, not just a substance
INTERACTS = re.compile(
    r"\badditive\b|\badds? to\b|\braises? the risk\b|\bincreas\w* (?:the )?(?:risk|cns depression)"
    r"|\bworsen\w*|\bstrengthen\w*|\benhanc\w*|\bpotentiat\w*|\bcan (?:add|increase)\b",
    re.I,
)


def interaction_classes(text: str, question: bool = False) -> list[MedicineClass]:
    """The interaction classes ``text`` names by a class word or a member ("tramadol" ->
    opioids), in table order; a ``question`` may also name one by its broader words, unless it
    names another of that family outright ("an antidepressant, an MAO inhibitor": not tricyclics)."""
    named = {c.key for c in INTERACTION_CLASSES if re.search(rf"\b(?:{c.members})\b", text, re.I)}
    broader = {
        c.key
        for c in INTERACTION_CLASSES
        if question
        and c.asked
        and c.key not in named
        and re.search(rf"\b(?:{c.asked})\b", text, re.I)
        and not (c.family and any(INTERACTION_CLASS[k].family == c.family for k in named))
    }
    return [c for c in INTERACTION_CLASSES if c.key in named | broader]


# --------------------------------------------------------------------------- study results

Result = Literal["benefit", "no-benefit", "mixed", "harm", "not-applicable"]
# The rarer reactions the older US labels name, as the questions' everyday words are read
# (answering/question/lay_terms.yaml): an adverse-effect question when one is named.
LABEL_REACTIONS = re.compile(
    r"\b(?:weight gain|pins and needles|slurred speech|blood in the (?:urine|stool)|muscle pain"
    r"|loss of appetite|euphori\w*|diarrh\w*|vomiting|urinary retention|passing urine at night"
    r"|poor coordination|painful urination|abdominal pain|blurred vision|double vision|itching"
    r"|dry mouth|ringing in the ears|breathlessness|faint\w*|passed out|tremor|bedwetting|impotence"
    r"|swollen ankles|heavy sweating|palpitations|excitement|dystonia|ataxia|nystagmus|strabismus"
    r"|narrowed or widened pupils|chest pain|changed sense of taste|nasal congestion"
    r"|inability to ejaculate|epileptic seizures|raised blood sugar)\b",
    re.I,
)

RESULTS: tuple[str, ...] = ("benefit", "no-benefit", "mixed", "harm", "not-applicable")
RESULT_LABELS: dict[str, str] = {
    "benefit": "benefit",
    "no-benefit": "no benefit",
    "mixed": "mixed",
    "harm": "harm",
    "not-applicable": "n/a",
}
Comparator = Literal["placebo", "active", "none"]
COMPARATORS: tuple[str, ...] = ("placebo", "active", "none")

# --------------------------------------------------------------------------- answering

Intent = Literal[
    "efficacy", "trial_result", "which_trials", "adverse_effects", "contraindication",
    "interaction", "dosing", "withdrawal", "overdose", "pharmacokinetics", "mechanism", "history",
    "regulation", "comparison", "document", "general", "out_of_scope",
]  # fmt: skip
# "general": about baclofen, but no rule names what it asks; answered from what retrieval finds.
INTENTS: tuple[str, ...] = Intent.__args__  # type: ignore[attr-defined]

# How an answer was made.
Route = Literal[
    "extractive", "synthesis", "trial", "contraindications", "decline", "document", "llm",
    "extractive-fallback",
]  # fmt: skip
ROUTES: tuple[str, ...] = Route.__args__  # type: ignore[attr-defined]
ROUTE_EXTRACTIVE, ROUTE_SYNTHESIS, ROUTE_TRIAL, ROUTE_CONTRAINDICATIONS = ROUTES[:4]
ROUTE_DECLINE, ROUTE_DOCUMENT, ROUTE_LLM, ROUTE_FALLBACK = ROUTES[4:]

Language = Literal["en", "fr", "es", "de", "it"]
LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "de": "German",
    "it": "Italian",
}

# Places whose rules the regulatory records describe.
JURISDICTIONS: dict[str, str] = {
    "us": "United States",
    "france": "France",
    "uk": "United Kingdom",
    "australia": "Australia",
    "eu": "European Union",
}
# The addictions each place has authorised baclofen for (what the regulatory records
# say: France's Baclocur for alcohol; the US, the UK and Australia for none of the addictions).
# A dose asked for any other addiction there has no approved answer: the use is off-label.
AUTHORISED_ADDICTIONS: dict[str, frozenset[str]] = {
    "us": frozenset(),
    "france": frozenset({"alcohol"}),
    "uk": frozenset(),
    "australia": frozenset(),
}
# The places above inside the European Union: "approved in the EU?" is answered by their rules.
EU_MEMBERS: frozenset[str] = frozenset({"france"})
# Each place's medicines regulator, as the records name it ("the regulator" in Australia: the TGA).
REGULATORS: dict[str, str] = {
    "us": "FDA",
    "france": "ANSM",
    "uk": "MHRA",
    "australia": "TGA",
    "eu": "EMA",
}


# --------------------------------------------------------------------------- check verdicts


@dataclass(frozen=True)
class VerdictStyle:
    """A verdict of ``assistant check`` on one claim of a document, in report order."""

    key: str
    label: str  # heading in reports


VERDICTS: tuple[VerdictStyle, ...] = (
    VerdictStyle("contradicted", "Contradicted by the evidence"),
    VerdictStyle("supported", "Supported by the evidence"),
    VerdictStyle("not-covered", "Not covered by the library"),
)
VERDICT_KEYS: tuple[str, ...] = tuple(v.key for v in VERDICTS)

# --------------------------------------------------------------------------- numbers in words

MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip

NUMBER_WORDS: tuple[str, ...] = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip
