"""Questions in French, Spanish, German and Italian: which language, and an English reading.

The embedding model and the library are English, so a question in another language is read into
English before it is planned and searched, and the answer says it is answered in English. The
reading is a glossary, not a translator: the words people use when they ask about baclofen
(dose, kidneys, pregnancy, craving, trial, approved ...), question words, and the spelling rules
that turn most medical cognates into English (-ité -> -ity, -ción -> -tion, -isch -> -ic ...).
Words it does not know pass through unchanged, which for names (ALPADIR, Baclocur) is right.
``tests/test_language.py`` and the eval's non-English questions measure it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Function words that tell the languages apart (accents stripped, lowercase).
_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        ["the", "is", "are", "what", "which", "does", "do", "how", "of", "and", "for", "with", "in", "on", "to", "can", "should", "was", "were", "did", "it", "its", "this", "that", "there", "when", "who", "why"]
    ),
    "fr": frozenset(
        ["le", "la", "les", "est", "sont", "quel", "quelle", "quels", "quelles", "des", "du", "une", "un", "et", "pour", "avec", "dans", "sur", "peut", "on", "ce", "cette", "chez", "qui", "que", "pourquoi", "comment", "combien", "faut", "ou", "au", "aux", "il", "elle", "je", "mon", "ma", "mes"]
    ),
    "es": frozenset(
        ["el", "la", "los", "las", "es", "son", "que", "cual", "cuales", "del", "una", "un", "y", "para", "con", "en", "puede", "se", "este", "esta", "como", "cuanto", "cuanta", "por", "hay", "su", "sus", "yo", "mi", "pero"]
    ),
    "de": frozenset(
        ["der", "die", "das", "ist", "sind", "was", "welche", "welcher", "welches", "wie", "und", "fur", "mit", "bei", "von", "zu", "kann", "ein", "eine", "einen", "nicht", "auch", "wird", "werden", "gibt", "wann", "warum", "ich", "mein", "meine", "es", "im"]
    ),
    "it": frozenset(
        ["il", "lo", "la", "gli", "le", "e", "sono", "che", "quale", "quali", "del", "della", "dei", "delle", "una", "un", "per", "con", "nel", "puo", "si", "come", "quanto", "quanta", "perche", "ci", "sul", "io", "mio", "mia", "di"]
    ),
}
_ACCENTED = {"fr": "éèêàçùôî", "es": "ñ¿¡áíóú", "de": "äöüß", "it": "àèìòù"}


def fold(text: str) -> str:
    """Lowercase with accents stripped (curly apostrophes straightened)."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("ß", "ss")


_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def detect(text: str) -> str:
    """"en", "fr", "es", "de" or "it" (English unless another language clearly wins)."""
    low = text.casefold()
    words = _WORD.findall(fold(text))
    if not words:
        return "en"
    scores = {lang: sum(w in marks for w in words) for lang, marks in _MARKERS.items()}
    for lang, chars in _ACCENTED.items():
        scores[lang] += 0.5 * sum(low.count(c) for c in chars)
    # Words that only one language spells this way.
    for lang, rx in _TELLTALE.items():
        scores[lang] += 2 * len(rx.findall(fold(text)))
    best = max(scores, key=lambda k: scores[k])
    if best == "en" or scores[best] < 2 or scores[best] <= scores["en"]:
        return "en"
    return best


_TELLTALE = {
    "fr": re.compile(
        r"\b(?:baclofene|quelle?s?|est-ce|peut-on|qu'(?:est|a|il|elle)|l'\w+|d'\w+|grossesse"
        r"|reins|essai)\b"
    ),
    "es": re.compile(r"\b(?:cual(?:es)?|embarazo|rinones|alcoholismo|tomar|sirve|puedo)\b"),
    "de": re.compile(
        r"\b(?:welche[rsn]?|schwangerschaft|nieren|wirkt|gegen|uber|kann man|wenn|nicht|gibt"
        r"|absetzt|passiert|hat)\b"
    ),
    "it": re.compile(r"\b(?:quale|quali|gravidanza|reni|funziona|della|nella|puo)\b"),
}

# ---------------------------------------------------------------------------------- glossary
# Phrases first (longest match wins), then single words. Keys are folded (no accents).

_PHRASES: dict[str, dict[str, str]] = {
    "fr": {
        "qu'est-ce que": "what is", "qu'est ce que": "what is", "est-ce que": "",
        "a-t-il": "has it", "a t il": "has it", "y a-t-il": "is there", "peut-on": "can one",
        "dose maximale": "maximum dose", "dose maximum": "maximum dose",
        "effets secondaires": "side effects", "effets indesirables": "adverse effects",
        "insuffisance renale": "kidney failure", "insuffisance hepatique": "liver failure",
        "maladie du foie": "liver disease", "maladie renale": "kidney disease",
        "demi-vie": "half-life", "demi vie": "half-life", "arret brutal": "abrupt stopping",
        "arreter brutalement": "stop abruptly", "arrete brutalement": "stops abruptly",
        "du jour au lendemain": "suddenly", "envie de boire": "craving for alcohol",
        "trouble de l'usage de l'alcool": "alcohol use disorder",
        "troubles lies a l'alcool": "alcohol use disorder", "mode d'action": "mechanism of action",
        "autorisation de mise sur le marche": "marketing authorisation",
        "essai clinique": "clinical trial", "essais cliniques": "clinical trials",
        "contre-indications": "contraindications", "contre-indication": "contraindication",
        "contre-indique": "contraindicated", "par jour": "per day", "a forte dose": "at high dose",
        "fortes doses": "high doses", "hautes doses": "high doses", "a quoi sert": "what is used for",
        "pendant la grossesse": "during pregnancy", "femme enceinte": "pregnant woman",
        "en france": "in France", "aux etats-unis": "in the United States",
        "en australie": "in Australia", "au royaume-uni": "in the United Kingdom",
        "en cas de": "in case of", "que faire": "what to do", "combien de": "how many",
        "a-t-elle": "has it", "a-t-on": "has one", "qu'a trouve": "what did find",
        "qu'a montre": "what did show", "est-il sur": "is it safe", "est-ce sur": "is it safe",
        "est sur": "is safe", "sans danger": "safe", "sans risque": "safe", "qu'a conclu": "what did conclude", "qu'a": "what did",
    },
    "es": {
        "cual es": "what is", "cuales son": "what are", "que es": "what is",
        "dosis maxima": "maximum dose", "efectos secundarios": "side effects",
        "efectos adversos": "adverse effects", "insuficiencia renal": "kidney failure",
        "enfermedad renal": "kidney disease", "enfermedad hepatica": "liver disease",
        "vida media": "half-life", "mecanismo de accion": "mechanism of action",
        "trastorno por consumo de alcohol": "alcohol use disorder",
        "consumo de alcohol": "alcohol use", "ensayo clinico": "clinical trial",
        "ensayos clinicos": "clinical trials", "dejar de tomar": "stop taking",
        "de golpe": "abruptly", "de repente": "suddenly", "al dia": "per day", "por dia": "per day",
        "dosis altas": "high doses", "altas dosis": "high doses", "para que sirve": "what is used for",
        "durante el embarazo": "during pregnancy", "en francia": "in France",
        "en estados unidos": "in the United States", "en australia": "in Australia",
        "en el reino unido": "in the United Kingdom", "deseo de beber": "craving for alcohol",
        "ganas de beber": "craving for alcohol", "cuantas personas": "how many people",
        "cuantos pacientes": "how many patients", "que paso": "what happened",
        "sirve para": "does it help for", "esta aprobado": "is approved",
    },
    "de": {
        "was ist": "what is", "wie hoch ist": "what is", "wie wirkt": "how does work",
        "maximale dosis": "maximum dose", "hochste dosis": "maximum dose",
        "hochstdosis": "maximum dose", "nebenwirkungen": "side effects",
        "unerwunschte wirkungen": "adverse effects", "eingeschrankter nierenfunktion": "kidney impairment",
        "eingeschrankte nierenfunktion": "kidney impairment", "niereninsuffizienz": "kidney failure",
        "nierenerkrankung": "kidney disease", "lebererkrankung": "liver disease",
        "halbwertszeit": "half-life", "wirkmechanismus": "mechanism of action",
        "alkoholabhangigkeit": "alcohol dependence", "alkoholkonsumstorung": "alcohol use disorder",
        "klinische studie": "clinical trial", "klinischen studie": "clinical trial",
        "klinische studien": "clinical trials", "plotzlich absetzen": "stop suddenly",
        "abrupt absetzen": "stop abruptly", "abruptes absetzen": "abrupt stopping",
        "pro tag": "per day", "hohe dosen": "high doses", "hoher dosis": "high dose",
        "in der schwangerschaft": "in pregnancy", "in frankreich": "in France",
        "in den usa": "in the United States", "in australien": "in Australia",
        "im vereinigten konigreich": "in the United Kingdom", "verlangen nach alkohol": "craving for alcohol",
        "wie viele": "how many", "wie viel": "how much", "was passiert": "what happens",
        "gegen alkohol": "for alcohol", "zugelassen": "approved",
    },
    "it": {
        "qual e": "what is", "quali sono": "what are", "che cos'e": "what is", "cos'e": "what is",
        "dose massima": "maximum dose", "effetti collaterali": "side effects",
        "effetti avversi": "adverse effects", "insufficienza renale": "kidney failure",
        "malattia renale": "kidney disease", "malattia epatica": "liver disease",
        "emivita": "half-life", "meccanismo d'azione": "mechanism of action",
        "meccanismo di azione": "mechanism of action",
        "disturbo da uso di alcol": "alcohol use disorder", "uso di alcol": "alcohol use",
        "studio clinico": "clinical trial", "studi clinici": "clinical trials",
        "sospendere bruscamente": "stop abruptly", "sospensione brusca": "abrupt stopping",
        "all'improvviso": "suddenly", "al giorno": "per day", "dosi elevate": "high doses",
        "alte dosi": "high doses", "in gravidanza": "in pregnancy", "in francia": "in France",
        "negli stati uniti": "in the United States", "in australia": "in Australia",
        "nel regno unito": "in the United Kingdom", "voglia di bere": "craving for alcohol",
        "desiderio di alcol": "craving for alcohol", "quante persone": "how many people",
        "quanti pazienti": "how many patients", "cosa succede": "what happens",
        "e approvato": "is approved", "funziona per": "does it work for",
    },
}  # fmt: skip

_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "quelle": "what", "quel": "what", "quels": "which", "quelles": "which", "comment": "how",
        "pourquoi": "why", "combien": "how many", "quand": "when", "est": "is", "sont": "are",
        "le": "the", "la": "the", "les": "the", "l": "the", "des": "", "du": "of", "de": "of",
        "d": "of", "un": "a", "une": "a", "et": "and", "ou": "or", "pour": "for", "avec": "with",
        "sans": "without", "dans": "in", "en": "in", "sur": "on", "chez": "in", "par": "by",
        "au": "in", "aux": "in", "il": "it", "elle": "it", "on": "one", "je": "I", "mon": "my",
        "ma": "my", "mes": "my", "ce": "this", "cette": "this", "qui": "who", "que": "that",
        "qu": "that", "ne": "", "pas": "not", "plus": "more", "moins": "less", "tres": "very",
        "peut": "can", "peuvent": "can", "faut": "should", "doit": "should", "prendre": "take",
        "arreter": "stop", "arret": "stopping", "baclofene": "baclofen", "dose": "dose",
        "doses": "doses", "autorisee": "authorised", "autorise": "authorised",
        "autorisation": "authorisation", "approuve": "approved", "grossesse": "pregnancy",
        "enceinte": "pregnant", "allaitement": "breastfeeding", "reins": "kidneys",
        "rein": "kidney", "renale": "kidney", "foie": "liver", "cirrhose": "cirrhosis",
        "alcool": "alcohol", "alcoolisme": "alcoholism", "alcoolique": "alcoholic",
        "alcooliques": "alcoholics", "boire": "drinking", "consommation": "consumption",
        "envie": "craving", "envies": "cravings", "besoin": "craving", "sevrage": "withdrawal",
        "dependance": "dependence", "addiction": "addiction", "efficace": "effective",
        "efficacite": "efficacy", "marche": "works", "fonctionne": "works", "aide": "help",
        "aider": "help", "reduit": "reduces", "reduire": "reduce", "diminue": "reduces",
        "essai": "trial", "essais": "trials", "etude": "study", "etudes": "studies",
        "resultat": "result", "resultats": "results", "trouve": "found", "montre": "showed",
        "surdosage": "overdose", "surdose": "overdose", "intoxication": "poisoning",
        "symptomes": "symptoms", "signes": "signs", "cerveau": "brain", "recepteurs": "receptors",
        "recepteur": "receptor", "agit": "acts", "mecanisme": "mechanism", "histoire": "history",
        "decouvert": "discovered", "origine": "origin", "interactions": "interactions",
        "melanger": "combine", "associer": "combine", "opioides": "opioids", "cocaine": "cocaine",
        "tabac": "smoking", "fumer": "smoking", "placebo": "placebo", "patients": "patients",
        "personnes": "people", "eleve": "high", "elevee": "high", "elevees": "high",
        "forte": "high", "fortes": "high", "faible": "low", "faibles": "low", "mieux": "better",
        "meilleur": "better", "risques": "risks", "risque": "risk", "danger": "danger",
        "dangereux": "dangerous", "somnolence": "drowsiness",
        "convulsions": "seizures", "epilepsie": "epilepsy", "elimine": "eliminated",
        "elimination": "elimination", "titration": "titration", "augmenter": "increase",
        "recommande": "recommended", "recommandations": "recommendations",
        "recommandation": "recommendation", "medicament": "medicine", "medicaments": "medicines",
        "traitement": "treatment", "traiter": "treat", "rechute": "relapse",
        "abstinence": "abstinence", "francais": "French", "francaise": "French",
        "americain": "American", "australien": "Australian", "neerlandais": "Dutch",
        "allemand": "German", "italien": "Italian", "grand": "large", "grande": "large",
        "visait": "aimed at", "jusqu'a": "up to", "mg": "mg", "demi": "half", "vie": "life",
        "effets": "effects", "effet": "effect", "indesirables": "adverse", "secondaires": "side",
        "soudainement": "suddenly", "brutalement": "abruptly", "oublie": "missed",
        "dialyse": "dialysis", "personnes agees": "older adults", "ages": "older",
    },
    "es": {
        "que": "what", "cual": "which", "cuales": "which", "como": "how", "por": "for",
        "porque": "why", "cuanto": "how much", "cuanta": "how much", "cuantos": "how many",
        "cuantas": "how many", "cuando": "when", "es": "is", "son": "are", "el": "the",
        "la": "the", "los": "the", "las": "the", "lo": "it", "del": "of the", "de": "of",
        "un": "a", "una": "a", "y": "and", "o": "or", "para": "for", "con": "with",
        "sin": "without", "en": "in", "sobre": "about", "se": "", "su": "its", "sus": "its",
        "yo": "I", "mi": "my", "este": "this", "esta": "this", "no": "not", "mas": "more",
        "menos": "less", "muy": "very", "puede": "can", "pueden": "can", "puedo": "can I",
        "debe": "should", "tomar": "take", "dejar": "stop", "baclofeno": "baclofen",
        "dosis": "dose", "autorizada": "authorised", "autorizado": "authorised",
        "aprobado": "approved", "aprobada": "approved", "embarazo": "pregnancy",
        "embarazada": "pregnant", "lactancia": "breastfeeding", "rinones": "kidneys",
        "rinon": "kidney", "renal": "kidney", "higado": "liver", "cirrosis": "cirrhosis",
        "alcohol": "alcohol", "alcoholismo": "alcoholism", "alcoholicos": "alcoholics",
        "beber": "drinking", "consumo": "use", "deseo": "craving", "ansia": "craving",
        "antojo": "craving", "abstinencia": "withdrawal", "dependencia": "dependence",
        "adiccion": "addiction", "eficaz": "effective", "eficacia": "efficacy",
        "funciona": "works", "sirve": "helps", "ayuda": "help", "reduce": "reduces",
        "reducir": "reduce", "disminuye": "reduces", "ensayo": "trial", "ensayos": "trials",
        "estudio": "study", "estudios": "studies", "resultado": "result",
        "resultados": "results", "encontro": "found", "mostro": "showed",
        "sobredosis": "overdose", "intoxicacion": "poisoning", "sintomas": "symptoms",
        "signos": "signs", "cerebro": "brain", "receptores": "receptors", "receptor": "receptor",
        "actua": "acts", "mecanismo": "mechanism", "historia": "history",
        "descubierto": "discovered", "origen": "origin", "interacciones": "interactions",
        "mezclar": "combine", "combinar": "combine", "opioides": "opioids", "cocaina": "cocaine",
        "tabaco": "smoking", "fumar": "smoking", "placebo": "placebo", "pacientes": "patients",
        "personas": "people", "alta": "high", "altas": "high", "alto": "high", "altos": "high",
        "baja": "low", "bajas": "low", "mejor": "better", "riesgos": "risks", "riesgo": "risk",
        "peligroso": "dangerous", "seguro": "safe", "somnolencia": "drowsiness",
        "convulsiones": "seizures", "epilepsia": "epilepsy", "elimina": "eliminates",
        "eliminacion": "elimination", "aumentar": "increase", "recomienda": "recommends",
        "recomendaciones": "recommendations", "medicamento": "medicine",
        "farmaco": "medicine", "tratamiento": "treatment", "tratar": "treat",
        "recaida": "relapse", "frances": "French", "francesa": "French",
        "estadounidense": "American", "australiano": "Australian", "holandes": "Dutch",
        "aleman": "German", "italiano": "Italian", "grande": "large", "gran": "large",
        "apuntaba": "aimed at", "hasta": "up to", "efectos": "effects", "efecto": "effect",
        "secundarios": "side", "adversos": "adverse", "repentinamente": "suddenly",
        "bruscamente": "abruptly", "olvide": "missed", "dialisis": "dialysis",
        "ancianos": "older adults", "mayores": "older adults", "hay": "is there",
    },
    "de": {
        "was": "what", "welche": "which", "welcher": "which", "welches": "which",
        "welchen": "which", "wie": "how", "warum": "why", "wann": "when", "ist": "is",
        "sind": "are", "der": "the", "die": "the", "das": "the", "den": "the", "dem": "the",
        "des": "of the", "ein": "a", "eine": "a", "einen": "a", "einer": "a", "und": "and",
        "oder": "or", "fur": "for", "mit": "with", "ohne": "without", "hat": "has", "haben": "have", "wenn": "if",
        "absetzt": "stops", "in": "in", "im": "in the",
        "bei": "in", "von": "of", "vom": "of the", "zu": "to", "zur": "to", "uber": "about",
        "es": "it", "ich": "I", "mein": "my", "meine": "my", "nicht": "not", "kein": "no",
        "keine": "no", "mehr": "more", "weniger": "less", "sehr": "very", "kann": "can",
        "konnen": "can", "soll": "should", "sollte": "should", "darf": "may", "man": "one",
        "nehmen": "take", "einnehmen": "take", "absetzen": "stop", "baclofen": "baclofen",
        "dosis": "dose", "dosen": "doses", "zugelassen": "approved", "zulassung": "approval",
        "schwangerschaft": "pregnancy", "schwanger": "pregnant", "stillzeit": "breastfeeding",
        "stillen": "breastfeeding", "nieren": "kidneys", "niere": "kidney",
        "nierenfunktion": "kidney function", "leber": "liver", "zirrhose": "cirrhosis",
        "leberzirrhose": "liver cirrhosis", "alkohol": "alcohol", "alkoholismus": "alcoholism",
        "trinken": "drinking", "konsum": "use", "verlangen": "craving", "craving": "craving",
        "suchtdruck": "craving", "entzug": "withdrawal", "abhangigkeit": "dependence",
        "sucht": "addiction", "wirksam": "effective", "wirksamkeit": "efficacy",
        "wirkt": "works", "hilft": "helps", "helfen": "help", "reduziert": "reduces",
        "reduzieren": "reduce", "verringert": "reduces", "senkt": "lowers", "studie": "study",
        "studien": "studies", "ergebnis": "result", "ergebnisse": "results",
        "gefunden": "found", "zeigte": "showed", "uberdosis": "overdose",
        "uberdosierung": "overdose", "vergiftung": "poisoning", "symptome": "symptoms",
        "anzeichen": "signs", "gehirn": "brain", "rezeptoren": "receptors",
        "rezeptor": "receptor", "wirkmechanismus": "mechanism", "mechanismus": "mechanism",
        "geschichte": "history", "entdeckt": "discovered", "ursprung": "origin",
        "wechselwirkungen": "interactions", "kombinieren": "combine", "opioide": "opioids",
        "kokain": "cocaine", "rauchen": "smoking", "tabak": "smoking", "placebo": "placebo",
        "patienten": "patients", "menschen": "people", "personen": "people", "hohe": "high",
        "hoch": "high", "hoher": "higher", "niedrige": "low", "besser": "better",
        "risiken": "risks", "risiko": "risk", "gefahrlich": "dangerous", "sicher": "safe",
        "schlafrigkeit": "drowsiness", "krampfanfalle": "seizures", "epilepsie": "epilepsy",
        "ausgeschieden": "excreted", "ausscheidung": "elimination", "erhohen": "increase",
        "empfohlen": "recommended", "empfehlung": "recommendation", "leitlinie": "guideline",
        "medikament": "medicine", "arzneimittel": "medicine", "behandlung": "treatment",
        "behandeln": "treat", "ruckfall": "relapse", "abstinenz": "abstinence",
        "franzosische": "French", "franzosischen": "French", "amerikanische": "American",
        "australische": "Australian", "niederlandische": "Dutch", "niederlandischen": "Dutch",
        "deutsche": "German", "deutschen": "German", "italienische": "Italian", "grosse": "large",
        "grossen": "large", "bis": "up to", "nebenwirkung": "side effect",
        "plotzlich": "suddenly", "abrupt": "abruptly", "vergessen": "missed", "dialyse": "dialysis",
        "altere": "older", "alteren": "older", "gegen": "against", "passiert": "happens",
    },
    "it": {
        "che": "what", "quale": "which", "quali": "which", "come": "how", "perche": "why",
        "quanto": "how much", "quanta": "how much", "quanti": "how many", "quante": "how many",
        "quando": "when", "e": "is", "sono": "are", "il": "the", "lo": "the", "la": "the",
        "i": "the", "gli": "the", "le": "the", "l": "the", "del": "of the", "della": "of the",
        "dei": "of the", "delle": "of the", "di": "of", "un": "a", "una": "a", "uno": "a",
        "ed": "and", "o": "or", "per": "for", "con": "with", "senza": "without", "in": "in",
        "nel": "in the", "nella": "in the", "su": "on", "sul": "on the", "si": "", "io": "I",
        "mio": "my", "mia": "my", "questo": "this", "questa": "this", "non": "not",
        "piu": "more", "meno": "less", "molto": "very", "puo": "can", "possono": "can",
        "posso": "can I", "deve": "should", "prendere": "take", "assumere": "take",
        "sospendere": "stop", "smettere": "stop", "baclofene": "baclofen", "dose": "dose",
        "dosi": "doses", "autorizzata": "authorised", "autorizzato": "authorised",
        "approvato": "approved", "approvata": "approved", "gravidanza": "pregnancy",
        "incinta": "pregnant", "allattamento": "breastfeeding", "reni": "kidneys",
        "rene": "kidney", "renale": "kidney", "fegato": "liver", "cirrosi": "cirrhosis",
        "alcol": "alcohol", "alcool": "alcohol", "alcolismo": "alcoholism",
        "alcolisti": "alcoholics", "bere": "drinking", "consumo": "use", "craving": "craving",
        "desiderio": "craving", "astinenza": "withdrawal", "dipendenza": "dependence",
        "efficace": "effective", "efficacia": "efficacy", "funziona": "works", "aiuta": "helps",
        "riduce": "reduces", "ridurre": "reduce", "diminuisce": "reduces", "studio": "study",
        "studi": "studies", "risultato": "result", "risultati": "results", "trovato": "found",
        "mostrato": "showed", "sovradosaggio": "overdose", "overdose": "overdose",
        "intossicazione": "poisoning", "sintomi": "symptoms", "segni": "signs",
        "cervello": "brain", "recettori": "receptors", "recettore": "receptor", "agisce": "acts",
        "meccanismo": "mechanism", "storia": "history", "scoperto": "discovered",
        "origine": "origin", "interazioni": "interactions", "combinare": "combine",
        "oppioidi": "opioids", "cocaina": "cocaine", "fumo": "smoking", "fumare": "smoking",
        "placebo": "placebo", "pazienti": "patients", "persone": "people", "alta": "high",
        "alte": "high", "alto": "high", "alti": "high", "elevate": "high", "bassa": "low",
        "basse": "low", "meglio": "better", "migliore": "better", "rischi": "risks",
        "rischio": "risk", "pericoloso": "dangerous", "sicuro": "safe", "sonnolenza": "drowsiness",
        "convulsioni": "seizures", "epilessia": "epilepsy", "eliminato": "eliminated",
        "eliminazione": "elimination", "aumentare": "increase", "raccomanda": "recommends",
        "linee guida": "guidelines", "farmaco": "medicine", "farmaci": "medicines",
        "trattamento": "treatment", "trattare": "treat", "ricaduta": "relapse",
        "francese": "French", "americano": "American", "australiano": "Australian",
        "olandese": "Dutch", "tedesco": "German", "italiano": "Italian", "grande": "large",
        "fino": "up to", "effetti": "effects", "effetto": "effect", "collaterali": "side",
        "avversi": "adverse", "improvvisamente": "suddenly", "bruscamente": "abruptly",
        "dimenticato": "missed", "dialisi": "dialysis", "anziani": "older adults", "c": "there",
        "succede": "happens",
    },
}  # fmt: skip

# Spelling rules for cognates, tried on words the glossary does not know (folded forms).
_COGNATES: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (("isme", "ism"), ("ique", "ic"), ("ite", "ity"), ("tion", "tion"), ("eux", "ous"),
           ("ie", "y"), ("ee", "ed")),
    "es": (("ismo", "ism"), ("ico", "ic"), ("ica", "ic"), ("idad", "ity"), ("cion", "tion"),
           ("oso", "ous"), ("ia", "y")),
    "de": (("ismus", "ism"), ("isch", "ic"), ("itat", "ity"), ("ion", "ion"), ("ie", "y")),
    "it": (("ismo", "ism"), ("ico", "ic"), ("ica", "ic"), ("ita", "ity"), ("zione", "tion"),
           ("oso", "ous"), ("ia", "y")),
}  # fmt: skip


@lru_cache(maxsize=8)
def _phrase_rx(lang: str) -> re.Pattern[str]:
    keys = sorted(_PHRASES.get(lang, {}), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w'])")


def to_english(text: str, lang: str) -> str:
    """An English reading of a question in ``lang`` (the text itself for English)."""
    if lang == "en" or lang not in _WORDS:
        return text
    folded = fold(text).replace("’", "'")
    folded = re.sub(r"[¿¡]", " ", folded)
    phrases = _PHRASES[lang]
    folded = _phrase_rx(lang).sub(lambda m: f" {phrases[m.group(0)]} ", folded)
    words = _WORDS[lang]
    out: list[str] = []
    # Names keep their capitals: match the tokens of the original text where the folding
    # left them in place.
    originals = {fold(w): w for w in re.findall(r"[\w\-]+", text)}
    for tok in re.findall(r"[A-Za-z0-9][\w\-']*|[?.,;:]", folded):
        low = tok.lower()
        if low in words:
            if words[low]:
                out.append(words[low])
            continue
        if "'" in low:  # l'alcool -> the alcohol
            head, _, tail = low.partition("'")
            out += [w for w in (words.get(head + "", ""), words.get(tail, tail)) if w]
            continue
        english = _cognate(low, lang) if low.isalpha() else tok
        out.append(originals.get(low, tok) if english == low else english)
    english = " ".join(out)
    english = re.sub(r"\s+([?.,;:])", r"\1", english)
    english = re.sub(r"\s+", " ", english).strip()
    return english[:1].upper() + english[1:]


def _cognate(word: str, lang: str) -> str:
    for src, dst in _COGNATES.get(lang, ()):
        if word.endswith(src) and len(word) > len(src) + 2:
            return word[: -len(src)] + dst
    return word


def read_question(text: str) -> tuple[str, str]:
    """(language, English reading) of a question."""
    lang = detect(text)
    return lang, to_english(text, lang)
