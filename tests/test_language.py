"""Questions in French, Spanish, German and Italian read into English (``answering/question/language.py``).

Each case is a question as a native speaker would ask it about baclofen, the language it must be
detected as, the English words the planner needs in the reading (regular expressions on the
lowercased reading, all required) and, for most, the intent the planner must give it (with the
curated catalogue). English questions, including ones with words that look foreign ("pain",
"dose", "Was the ...", "de Beaurepaire"), must be detected as English and pass through unchanged.
"""

from __future__ import annotations

import re

import pytest

from assistant.answering.question.language import detect, read_question, to_english
from assistant.answering.question.plan import plan_question

STOP = r"\bstop\w*"
SUDDEN = r"abrupt|sudden"

# (question, language, words the English reading must contain, intent or None)
CASES: list[tuple[str, str, list[str], str | None]] = [
    # ------------------------------------------------------------------ French
    ("Le baclofène est-il efficace contre l'alcoolisme ?", "fr", [r"^is baclofen effective", "alcoholism"], "efficacy"),
    ("Que risque-t-on en arrêtant brutalement le baclofène ?", "fr", [STOP, SUDDEN, r"\brisk"], "withdrawal"),
    ("Quels sont les effets secondaires les plus fréquents du baclofène ?", "fr", ["side effects", "baclofen"], "adverse_effects"),
    ("Peut-on prendre du baclofène pendant la grossesse ?", "fr", [r"can one take baclofen", "pregnan"], "contraindication"),
    ("Faut-il diminuer la dose quand on a une insuffisance rénale ?", "fr", ["dose", "kidney (?:failure|impairment)", "reduce"], None),
    ("Que faire en cas de surdosage de baclofène ?", "fr", ["what to do", "overdose"], "overdose"),
    ("Est-ce dangereux de boire de l'alcool sous baclofène ?", "fr", ["dangerous", r"drink\w* alcohol", "on baclofen"], "interaction"),
    ("Le baclofène a-t-il une autorisation de mise sur le marché en France ?", "fr", ["marketing authorisation", "france"], "regulation"),
    ("Qu'a montré l'essai ALPADIR ?", "fr", [r"what did the alpadir trial show"], "trial_result"),
    ("Quelle est la demi-vie du baclofène ?", "fr", [r"what is the half-life of baclofen"], "pharmacokinetics"),
    ("Comment le baclofène agit-il sur le cerveau ?", "fr", [r"^how does baclofen act on the brain"], "mechanism"),
    ("Qui a découvert le baclofène ?", "fr", ["who", "discovered", "baclofen"], "history"),
    ("Le baclofène diminue-t-il l'envie de boire ?", "fr", [r"^does baclofen reduce", "craving"], "efficacy"),
    ("Peut-on associer le baclofène et les opioïdes ?", "fr", ["combine", "opioids"], "interaction"),
    ("Le baclofène est-il éliminé par les reins ?", "fr", [r"^is baclofen eliminated", "kidneys"], "pharmacokinetics"),
    ("Le baclofène aide-t-il à arrêter la cocaïne ?", "fr", [r"does baclofen help", STOP, "cocaine"], "efficacy"),
    ("Est-ce que je peux allaiter mon bébé si je prends du baclofène ?", "fr", ["breastfeed", "baby", "if i take baclofen"], None),
    ("Quels sont les signes d'une overdose de baclofène ?", "fr", ["signs", "overdose"], "overdose"),
    ("Quelle dose de baclofène recommande-t-on pour l'alcool ?", "fr", ["dose", "recommend", "alcohol"], None),
    ("Pourquoi le baclofène réduirait-il l'envie de boire ?", "fr", ["why", "reduce", "craving"], None),
    # ------------------------------------------------------------------ Spanish
    ("¿Qué pasa si se deja el baclofeno de golpe?", "es", ["what happens", STOP, SUDDEN], "withdrawal"),
    ("¿El baclofeno sirve para dejar de beber?", "es", [r"^does baclofen help", "stop drinking"], "efficacy"),
    ("¿Cuáles son los efectos secundarios del baclofeno?", "es", ["what are the side effects of baclofen"], "adverse_effects"),
    ("¿Se puede tomar baclofeno durante el embarazo?", "es", [r"^can one take baclofen", "pregnan"], "contraindication"),
    ("¿Es seguro el baclofeno si tengo problemas de riñón?", "es", [r"^is baclofen safe", "kidney"], "contraindication"),
    ("¿Qué dosis de baclofeno se usa para el alcoholismo?", "es", ["dose", "alcoholism"], "dosing"),
    ("¿Puedo mezclar baclofeno con alcohol?", "es", [r"can i mix baclofen with alcohol"], "interaction"),
    ("¿Qué demostró el estudio BACLAD?", "es", [r"what did the baclad study show"], "trial_result"),
    ("¿Cuánto tiempo tarda el baclofeno en eliminarse del cuerpo?", "es", ["how long", "eliminat"], "pharmacokinetics"),
    ("¿Quién sintetizó el baclofeno por primera vez?", "es", ["who", "synthesised", "first"], "history"),
    ("¿Está aprobado el baclofeno para el alcoholismo en Estados Unidos?", "es", [r"^is baclofen approved", "united states"], "regulation"),
    ("¿Cómo actúa el baclofeno en el cerebro?", "es", [r"^how does baclofen act", "brain"], "mechanism"),
    ("¿Qué síntomas da una sobredosis de baclofeno?", "es", ["symptoms", "overdose"], "overdose"),
    ("¿Es mejor el baclofeno que la naltrexona?", "es", ["better than", "naltrexone"], "comparison"),
    ("¿Reduce el baclofeno las ganas de beber?", "es", [r"^does baclofen reduce", "craving"], "efficacy"),
    ("¿Se puede combinar el baclofeno con opioides?", "es", ["combine", "opioids"], "interaction"),
    ("¿Cuál es la vida media del baclofeno?", "es", ["half-life"], "pharmacokinetics"),
    ("¿Puede el baclofeno causar convulsiones?", "es", [r"^can baclofen cause seizures"], "adverse_effects"),
    ("¿Funciona el baclofeno contra la adicción a la cocaína?", "es", [r"^does baclofen work", "cocaine"], "efficacy"),
    # ------------------------------------------------------------------ German
    ("Was hat die BACLAD-Studie gezeigt?", "de", [r"what did the baclad study show"], "trial_result"),
    ("Darf man Baclofen mit Opioiden kombinieren?", "de", [r"combine baclofen with opioids"], "interaction"),
    ("Hilft Baclofen gegen Alkoholabhängigkeit?", "de", [r"^does baclofen help", "alcohol dependence"], "efficacy"),
    ("Welche Nebenwirkungen hat Baclofen?", "de", ["side effects", "baclofen"], "adverse_effects"),
    ("Kann man Baclofen in der Schwangerschaft einnehmen?", "de", [r"can one take baclofen", "pregnan"], "contraindication"),
    ("Was passiert, wenn man Baclofen plötzlich absetzt?", "de", ["what happens", r"stops baclofen", SUDDEN], "withdrawal"),
    ("Muss die Dosis bei Niereninsuffizienz angepasst werden?", "de", ["dose", "kidney failure", "adjusted"], None),
    ("Was tun bei einer Überdosis Baclofen?", "de", ["what to do", "overdose"], "overdose"),
    ("Ist Baclofen in Deutschland zur Behandlung der Alkoholabhängigkeit zugelassen?", "de", ["approved", "alcohol dependence"], "regulation"),
    ("Wie lang ist die Halbwertszeit von Baclofen?", "de", ["half-life", "baclofen"], "pharmacokinetics"),
    ("Wie wirkt Baclofen im Gehirn?", "de", [r"^how does baclofen work", "brain"], "mechanism"),
    ("Wann wurde Baclofen zum ersten Mal synthetisiert?", "de", [r"when was baclofen", "first", "synthesised"], "history"),
    ("Reduziert Baclofen das Alkoholverlangen?", "de", [r"^does baclofen reduce", "alcohol craving"], "efficacy"),
    ("Darf ich Alkohol trinken, während ich Baclofen nehme?", "de", [r"drink alcohol", "while i take baclofen"], "interaction"),
    ("Ist Baclofen bei Leberzirrhose sicher?", "de", ["liver cirrhosis", "safe"], "contraindication"),
    ("Was steht in der Fachinformation zur Höchstdosis?", "de", ["label", "maximum dose"], "dosing"),
    ("Welche Dosis wurde in der ALPADIR-Studie verwendet?", "de", [r"which dose was used in the alpadir study"], None),
    ("Kann Baclofen Krampfanfälle auslösen?", "de", [r"^can baclofen cause seizures"], "adverse_effects"),
    ("Ist Baclofen bei Nierenversagen gefährlich?", "de", ["kidney failure", "dangerous"], "contraindication"),
    # ------------------------------------------------------------------ Italian
    ("Il baclofene si può usare in gravidanza?", "it", [r"^can baclofen be used", "pregnan"], "contraindication"),
    ("Chi ha sintetizzato per primo il baclofene e quando?", "it", [r"who first synthesised baclofen"], "history"),
    ("Il baclofene funziona contro l'alcolismo?", "it", [r"^does baclofen work", "alcoholism"], "efficacy"),
    ("Quali sono gli effetti collaterali del baclofene?", "it", ["side effects"], "adverse_effects"),
    ("Cosa succede se si smette di prendere il baclofene all'improvviso?", "it", ["what happens", STOP, SUDDEN], "withdrawal"),
    ("Si può bere alcol durante la terapia con baclofene?", "it", [r"alcohol", "while taking baclofen"], "interaction"),
    ("Il baclofene è sicuro per chi ha problemi ai reni?", "it", [r"^is baclofen safe", "kidney problems"], "contraindication"),
    ("Che cosa ha trovato lo studio di Garbutt del 2010?", "it", [r"what did the study of garbutt of 2010 find"], "trial_result"),
    ("Qual è la dose massima di baclofene?", "it", [r"what is the maximum dose of baclofen"], "dosing"),
    ("Il baclofene è approvato in Italia per la dipendenza da alcol?", "it", [r"^is baclofen approved", "alcohol dependence"], "regulation"),
    ("Come agisce il baclofene sui recettori GABA-B?", "it", [r"^how does baclofen act", "receptors"], "mechanism"),
    ("Quali sono i sintomi di un sovradosaggio di baclofene?", "it", ["symptoms", "overdose"], "overdose"),
    ("Si può associare il baclofene agli oppioidi?", "it", ["combine", "opioids"], "interaction"),
    ("Quanto dura l'emivita del baclofene?", "it", ["half-life"], "pharmacokinetics"),
    ("Il baclofene riduce il desiderio di cocaina?", "it", [r"^does baclofen reduce", "craving", "cocaine"], "efficacy"),
    ("Con quale scala è stata misurata la gravità dell'astinenza?", "it", ["which scale", "severity"], None),
    ("Il baclofene passa nel latte materno?", "it", [r"^does baclofen pass into breast milk"], "pharmacokinetics"),
    ("Il baclofene è meglio del naltrexone?", "it", ["better than", "naltrexone"], "comparison"),
    ("Quando è stato approvato il baclofene in Francia?", "it", ["when", "approved", "france"], "regulation"),
    # ------------------------------------------------------------------ harder grammar
    ("Setzt man Baclofen besser langsam ab?", "de", [r"stop baclofen", "gradual"], "withdrawal"),
    ("Wer hat Baclofen entwickelt?", "de", [r"^who developed baclofen"], "history"),
    ("Was ist Baclofen?", "de", [r"^what is baclofen"], None),
    ("Wie schnell wird Baclofen über die Nieren ausgeschieden?", "de", ["excreted", "kidneys"], "pharmacokinetics"),
    ("¿Se elimina el baclofeno por los riñones?", "es", [r"^is baclofen eliminated by the kidneys"], "pharmacokinetics"),
    ("¿Cuántos pacientes participaron en el ensayo ALPADIR?", "es", ["how many patients", "alpadir trial"], "trial_result"),
    ("Combien de patients ont été inclus dans l'essai Bacloville ?", "fr", ["how many patients were included", "bacloville"], "trial_result"),
    ("Pourquoi l'ANSM a-t-elle limité la dose à 80 mg ?", "fr", [r"^why did the ansm limit the dose"], "regulation"),
    ("Mon mari prend 90 mg de baclofène par jour, est-ce trop ?", "fr", ["my husband takes 90 mg", "too much"], "dosing"),
    ("Il baclofene crea dipendenza?", "it", [r"^is baclofen addictive"], None),
    ("Quanto baclofene si può prendere al giorno?", "it", [r"how much baclofen can be taken per day"], "dosing"),
]  # fmt: skip

# Questions about studies, patients and treatment: nationalities, quantities, time words, registers
# and poison centres, dropouts, outcomes (question, language, words the English reading must contain)
STUDY_CASES: list[tuple[str, str, list[str]]] = [
    # a study's kind, source and method, and a place that is a union of countries
    ("Quel niveau de preuve les co-auteurs donnent-ils ?", "fr", ["level of evidence", "co-authors"]),
    ("¿Qué modelo estadístico usó el trabajo en la Unión Europea?", "es", ["statistical", "model", "study", "european union"]),
    ("Wie viele dem Medikament zugeschriebene Ereignisse gab es in der Laborstudie?", "de", ["attributed", "laboratory study"]),
    ("Questa rassegna storica è una fonte di prove?", "it", ["review", "historical", "source", "evidence"]),
    ("Qui a élaboré la déclaration d'Amsterdam ?", "fr", ["prepare", "statement"]),
    ("¿Quién elaboró la declaración de Madrid?", "es", ["prepare", "statement"]),
    ("¿De dónde obtuvieron los autores y sus colegas los casos?", "es", ["from where", "obtain", "colleagues", "cases"]),
    ("Wer hat die Erklärung erarbeitet?", "de", ["prepare", "statement"]),
    ("Chi ha elaborato la dichiarazione di Torino?", "it", ["prepare", "statement"]),
    ("Quels taux les juges ont-ils jugé être une erreur ?", "fr", ["judge", "error"]),
    ("¿Cuántos adultos estaban listos para dejarlo?", "es", ["adults", "ready"]),
    ("Welche Hirnregionen reagierten schwächer auf unterschwellige Reize?", "de", ["brain regions", "react", "weaker", "subliminal", "cues"]),
    ("Quali esami del sangue sono migliorati?", "it", ["tests", "blood", "improv"]),
    ("Combien de patients ont abandonné le traitement dans chaque groupe ?", "fr", ["dropped out", r"\beach group\b"]),
    ("Quel pourcentage des patients étaient abstinents après un an ?", "fr", ["percentage", "abstinent", "after a year"]),
    ("Faut-il donner du charbon activé après une surdose de baclofène ?", "fr", [r"^should one give activated charcoal after an overdose"]),
    ("Quelle dose de baclofène les patients ont-ils reçue dans l'essai Bacloville ?", "fr", ["dose of baclofen", r"\breceive", "bacloville trial"]),
    ("Combien de décès ont été signalés au centre antipoison ?", "fr", ["deaths", "reported", "poison centre"]),
    ("Depuis quand le baclofène est-il autorisé en France pour l'alcoolodépendance ?", "fr", ["since when", "authorised in france"]),
    ("Les auteurs ont-ils trouvé une différence significative entre les deux groupes ?", "fr", ["authors", "significant difference", r"\b2 groups"]),
    ("Combien de patients ont été admis en réanimation et ont eu besoin d'une ventilation mécanique ?", "fr", ["admitted", "intensive care", "needed", "mechanical ventilation"]),
    ("C'est quoi la RTU baclofène ?", "fr", [r"^what is the rtu"]),
    ("¿Conviene dar carbón activado tras una sobredosis de baclofeno?", "es", [r"^should one give activated charcoal after an overdose"]),
    ("En el estudio indio que comparó baclofeno con topiramato, ¿qué porcentaje de pacientes abandonó en cada grupo?", "es", ["indian study", "percentage", "dropped out", "each group"]),
    ("¿Cuántas intoxicaciones fueron notificadas al centro de toxicología danés?", "es", ["poisonings", "reported", "danish poison centre"]),
    ("¿Qué porcentaje de los pacientes estaba abstinente después de doce semanas?", "es", ["percentage", "was abstinent", "after 12 weeks"]),
    ("¿Qué dosis de baclofeno recibieron los pacientes del ensayo australiano?", "es", ["received", "australian trial"]),
    ("¿Necesitaron ventilación mecánica los pacientes ingresados en cuidados intensivos?", "es", ["needed mechanical ventilation", "admitted", "intensive care"]),
    ("¿Desde cuándo está autorizado el baclofeno en Francia?", "es", [r"^since when", "authorised"]),
    ("Welcher Anteil der dem dänischen Giftinformationszentrum bekannten Baclofen-Vergiftungen war im nationalen Patientenregister korrekt kodiert?", "de", ["proportion", "danish poison centre", "baclofen poisonings", "national patient register", "correctly"]),
    ("Welche Baclofen-Dosis und wie lange erhielten die Patienten in der italienischen Studie?", "de", ["baclofen dose", "received", "italian study"]),
    ("Wie viele Patienten brachen die Studie in jeder Gruppe ab?", "de", ["dropped out", "each group"]),
    ("Sollte man nach einer Baclofen-Überdosis Aktivkohle geben?", "de", ["activated charcoal", "after a baclofen overdose"]),
    ("Wie viele Patienten mussten auf der Intensivstation beatmet werden?", "de", ["be ventilated", "intensive care unit"]),
    ("Was fanden die australischen Forscher bei Patienten mit Lebererkrankung?", "de", [r"^what did the australian researchers find"]),
    ("Wie viele Teilnehmer schlossen die zwölfwöchige Behandlung ab?", "de", ["participants", "completed", "12 week"]),
    ("Sind Baclofen-Vergiftungen im Register korrekt kodiert?", "de", [r"^are baclofen poisonings coded", "register", "correctly"]),
    ("Seit wann ist Baclofen in Dänemark zugelassen?", "de", [r"^since when is baclofen approved in denmark"]),
    ("Quanti pazienti hanno abbandonato lo studio in ciascun gruppo?", "it", ["dropped out", "each group"]),
    ("Si deve dare carbone attivo dopo un sovradosaggio di baclofene?", "it", ["activated charcoal", "after an overdose"]),
    ("Quante intossicazioni sono state segnalate al centro antiveleni?", "it", ["poisonings", "reported", "poison centre"]),
    ("Per quanti mesi i volontari hanno preso il baclofene nello studio olandese?", "it", ["how many months", "volunteers", "dutch study"]),
    ("Quanti pazienti sono stati ricoverati in terapia intensiva con ventilazione meccanica?", "it", ["hospitalised", "intensive care", "mechanical ventilation"]),
    ("Cosa hanno trovato i ricercatori danesi nei pazienti con cirrosi?", "it", ["danish researchers"]),
    ("Quali sono gli effetti collaterali più comuni del baclofene?", "it", [r"the most common side effects of baclofen"]),
    ("Il baclofene viene metabolizzato dal fegato?", "it", [r"^is baclofen metabolised by the liver"]),
]  # fmt: skip

# Every gender and number of a nationality reads as the English adjective
NATIONALITIES = {
    "fr": {"danoise": "Danish", "indiennes": "Indian", "néerlandaise": "Dutch", "australiens": "Australian", "suédoises": "Swedish"},
    "es": {"india": "Indian", "danesas": "Danish", "holandeses": "Dutch", "italianas": "Italian", "británicos": "British"},
    "de": {"dänischen": "Danish", "indische": "Indian", "italienischen": "Italian", "spanischer": "Spanish", "kanadisches": "Canadian"},
    "it": {"indiani": "Indian", "danese": "Danish", "olandesi": "Dutch", "spagnola": "Spanish", "tedeschi": "German"},
}  # fmt: skip

ENGLISH = [
    "Does baclofen help with pain?",
    "What dose of baclofen did ALPADIR use?",
    "Can I take baclofen with tramadol?",
    "Is Baclocur approved in France?",
    "What did de Beaurepaire find about high doses?",
    "Is baclofen safe in pregnancy?",
    "Was the BACLAD trial positive?",
    "Come on, does baclofen actually work for alcohol?",
    "Die-hard fans say baclofen cures alcoholism: is that true?",
    "What is the half-life of baclofen in dialysis patients?",
    "Who first synthesised baclofen, and when?",
    "Can baclofen cause seizures if stopped suddenly?",
    "Is it dangerous to drink alcohol on baclofen?",
    "What are the side effects of baclofen at high doses?",
    "Does the Bacloville trial support baclofen for alcohol use disorder?",
    "Is baclofen better than naltrexone or acamprosate?",
    "How does baclofen act on GABA-B receptors?",
    "What happens in an overdose of baclofen?",
    "Does baclofen pass into breast milk?",
    "Did Addolorato 2007 include patients with cirrhosis?",
    "Pain relief and baclofen: any evidence?",
    "Is the maximum dose of Baclocur 80 mg in France?",
    "Per the label, what is the usual dose?",
    "Con artists sell baclofen online: is it legal?",
    "Was baclofen ever approved for cocaine use?",
    "Is baclofen taken once a day?",
    "Was the drowsiness due to baclofen?",
    "Does alcohol alter baclofen levels?",
    "Should patients abandon baclofen if it fails?",
    "Circa how many people took part in the Indian trial?",
    "Did the Danish poison centre register code baclofen poisonings correctly?",
]


@pytest.mark.parametrize(
    ("question", "lang", "needs", "intent"), CASES, ids=[c[0][:40] for c in CASES]
)
def test_question_is_read_into_english(
    question: str, lang: str, needs: list[str], intent: str | None
) -> None:
    detected, english = read_question(question)
    assert detected == lang, (question, detected)
    low = english.lower()
    missing = [rx for rx in needs if not re.search(rx, low)]
    assert not missing, (english, missing)


@pytest.mark.parametrize(
    ("question", "intent"),
    [(c[0], c[3]) for c in CASES if c[3]],
    ids=[c[0][:40] for c in CASES if c[3]],
)
def test_question_is_planned_like_its_english(question: str, intent: str, catalog) -> None:
    assert plan_question(question, catalog).intent == intent, read_question(question)


@pytest.mark.parametrize(
    ("question", "lang", "needs"), STUDY_CASES, ids=[c[0][:40] for c in STUDY_CASES]
)
def test_study_vocabulary_is_read_into_english(question: str, lang: str, needs: list[str]) -> None:
    detected, english = read_question(question)
    assert detected == lang, (question, detected)
    missing = [rx for rx in needs if not re.search(rx, english.lower())]
    assert not missing, (english, missing)


@pytest.mark.parametrize("lang", sorted(NATIONALITIES))
def test_nationalities_in_every_form(lang: str) -> None:
    for word, english in NATIONALITIES[lang].items():
        assert english in to_english(f"{word} ?", lang), (word, to_english(f"{word} ?", lang))


def test_the_cases_cover_every_language() -> None:
    for lang in ("fr", "es", "de", "it"):
        assert sum(c[1] == lang for c in CASES) >= 15, lang
    assert len(CASES) >= 60
    assert len({c[3] for c in CASES if c[3]}) >= 12


@pytest.mark.parametrize("question", ENGLISH)
def test_english_stays_english_and_unchanged(question: str) -> None:
    assert detect(question) == "en", question
    assert read_question(question) == ("en", question)


def test_no_foreign_word_is_left_in_the_reading() -> None:
    # Words the glossary cannot place are dropped or kept only when they are names/numbers.
    leftovers = {
        "fr": r"\b(?:que|qu|est|les|des|du|une|pour|avec|dans|sur|il|elle|t|en|ne|pas)\b",
        "es": r"\b(?:que|el|los|las|del|una|para|con|se|es|son|si|de|lo)\b",
        "de": r"\b(?:der|die|das|den|dem|ist|sind|hat|wird|wurde|man|mit|bei|von|zu|ein|eine)\b",
        "it": r"\b(?:il|lo|gli|della|del|dei|che|con|si|di|un|una|sono|ha)\b",
    }
    for question, lang, _, _ in CASES:
        english = to_english(question, lang).lower()
        assert not re.search(leftovers[lang], english), (question, english)


def test_names_keep_their_spelling() -> None:
    cases = {
        "Qu'a montré l'essai ALPADIR ?": "ALPADIR",
        "¿Qué encontró el estudio de Bacloville?": "Bacloville",
        "Welche Dosis wurde in der ALPADIR-Studie verwendet?": "ALPADIR study",
        "Cosa ha dimostrato lo studio di Addolorato?": "Addolorato",
        "Le Baclocur est-il remboursé ?": "Baclocur",
        "Qu'a trouvé de Beaurepaire avec les fortes doses ?": "de Beaurepaire",
    }
    for question, name in cases.items():
        assert name in read_question(question)[1], read_question(question)


def test_german_compounds() -> None:
    cases = {
        "Alkoholabhängigkeit": "alcohol dependence",
        "Alkoholverlangen": "alcohol craving",
        "Leberzirrhose": "liver cirrhosis",
        "Nierenversagen": "kidney failure",
        "Fachinformation": "label",
        "Opioidabhängigkeit": "opioid dependence",
        "Kokainabhängige": "cocaine dependent people",
        "BACLAD-Studie": "BACLAD study",
        "Alkoholentzugssyndrom": "alcohol withdrawal syndrome",
        "Giftinformationszentrum": "poison centre",
        "Patientenregister": "patient register",
        "Baclofenvergiftung": "baclofen poisoning",
        "Baclofen-Vergiftungen": "baclofen poisonings",
        "Placebogruppe": "placebo group",
        "Abbruchrate": "dropout rate",
        "Kohortenstudie": "cohort study",
    }
    for word, english in cases.items():
        assert english in to_english(f"Was ist {word}?", "de"), (
            word,
            to_english(f"Was ist {word}?", "de"),
        )


def test_adverse_events_are_read_in_every_language() -> None:
    from assistant.answering.question.language import read_question

    for q in (
        "Secondo la revisione Cochrane, il baclofene causa più eventi avversi del placebo?",
        "¿El baclofeno causa más eventos adversos que el placebo?",
        "Le baclofène cause-t-il plus d'événements indésirables que le placebo ?",
        "Verursacht Baclofen mehr unerwünschte Ereignisse als Placebo?",
    ):
        assert "adverse events" in read_question(q)[1], q


def test_falling_asleep_all_day_is_read_in_spanish() -> None:
    from assistant.answering.question.language import read_question

    english = read_question("Mi marido toma baclofeno y se queda dormido todo el día, ¿es normal?")[
        1
    ]
    assert "falls asleep all day" in english and "is that normal" in english, english


# Everyday words of patients and relatives: family, feelings, body, time ("depuis des années"),
# swallowing, surgery, blood levels, the court and the cap.
EVERYDAY = [
    ("Ma mère a avalé une boîte entière de comprimés de baclofène, que faut-il faire ?", "fr", ["swallowed", "whole box", "tablets"]),
    ("Ma fille va être opérée la semaine prochaine, doit-elle arrêter son baclofène avant l'opération ?", "fr", ["daughter", "undergo surgery", "next week", STOP, "before the surgery"]),
    ("Mon oncle a une pompe à baclofène pour sa sclérose en plaques, que se passe-t-il si elle tombe en panne ?", "fr", ["uncle", "pump", "multiple sclerosis", "what happens", "fails"]),
    ("Mi marido toma baclofeno desde hace años, ¿puede dejarlo de golpe?", "es", ["husband", "for years", STOP, SUDDEN]),
    ("¿El tribunal anuló la decisión sobre la dosis máxima?", "es", ["court", "annulled", "maximum dose"]),
    ("¿Cuál es el nivel de baclofeno en sangre después de una dosis de 20 mg?", "es", ["level", "blood", "20 mg"]),
    ("Meine Mutter hat eine ganze Packung Baclofen geschluckt, was sollen wir tun?", "de", ["swallow", "whole pack", "we"]),
    ("Mir ist schwindelig und ich bin müde, seit ich die Dosis erhöht habe, ist das normal?", "de", ["dizzy", "tired", "dose"]),
    ("Mein Vater hat seit ein paar Tagen Halluzinationen, kommt das vom Baclofen?", "de", ["father", "for a few days", "hallucinations", "caused by baclofen"]),
    ("Mio padre ha allucinazioni da qualche giorno, può essere colpa del baclofene?", "it", ["father", "for a few days", "caused by baclofen"]),
    ("Il baclofene fa male al cuore o ai polmoni?", "it", ["harm", "heart", "lungs"]),
    ("Quali segnali di farmacovigilanza sono emersi per il baclofene?", "it", ["signals", "pharmacovigilance", "emerged"]),
    # a sleeping pill taken together; running out while travelling; who was excluded; a
    # first-person verb with no pronoun ("Prendo il litio" -> "I take the lithium")
    ("Il prend un somnifère le soir, est-ce risqué de prendre les deux ensemble ?", "fr", ["sleeping pill", "in the evening", "risky", "both together"]),
    ("Se va de viaje y se le acaban las pastillas, ¿qué le puede pasar?", "es", ["travelling", "runs out of", "what can happen"]),
    ("En el ensayo, ¿qué pacientes quedaron excluidos?", "es", ["were excluded"]),
    ("Wie hoch war die Rückfallrate im Vergleich zur üblichen Behandlung?", "de", ["relapse rate", "compared with"]),
    ("Prendo il litio e il neurologo vuole aggiungere il baclofene.", "it", ["^i take the lithium", "neurologist", "add"]),
    ("Mein Mann trinkt abends gern zwei Bier. Verträgt sich das?", "de", ["in the evening", "safe together"]),
    ("Mi madre toma además amlodipino para la tensión.", "es", ["also", "blood pressure"]),
    ("Dans combien de centres les patients ont-ils été recrutés ?", "fr", ["in how many", "were"]),
    ("Qual era l'età media degli adulti e che percentuale erano uomini?", "it", ["mean age", "adults", "what percentage"]),
    # a muscle relaxant told as such, vomiting after meals, keeping still, staying in hospital
    ("Mia madre prende il miorilassante e rimette spesso dopo aver mangiato: è colpa delle compresse?", "it", ["muscle relaxant", "vomiting", "often", "after eating", "caused by the tablets"]),
    ("Meine Mutter nimmt das Muskelrelaxans und muss sich oft nach dem Essen übergeben.", "de", ["muscle relaxant", "often", "after eating", "vomit"]),
    ("Mi padre toma el relajante muscular y no puede quedarse quieto.", "es", ["muscle relaxant", "keep still"]),
    ("Mon père prend le relaxant musculaire et il vomit après les repas.", "fr", ["muscle relaxant", "vomiting", "after eating"]),
]  # fmt: skip


@pytest.mark.parametrize(("question", "lang", "needs"), EVERYDAY, ids=[c[0][:40] for c in EVERYDAY])
def test_everyday_words_are_read_into_english(question: str, lang: str, needs: list[str]) -> None:
    detected, english = read_question(question)
    assert detected == lang, (question, detected)
    missing = [rx for rx in needs if not re.search(rx, english.lower())]
    assert not missing, (english, missing)


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("¿Cuánto tarda el baclofeno en irse de la leche?", "breast milk"),
        ("¿Qué edades tenían los cinco pacientes de la serie?", "ages"),
        ("Er ist total aufgedreht, redet ohne Pause und schläft kaum noch.", "barely sleeps"),
        ("Mia madre prende un antidepressivo IMAO.", "MAO inhibitor"),
        ("Il se sent épuisé toute la journée.", "exhausted all day"),
        # a word in quotes is still a word ("di 'onfalocele'"), and "what does that mean?" in
        # reported speech ("sei ... werde ... verschrieben. Was heißt das genau?")
        ("Il ginecologo ha parlato di 'onfalocele'. Che cosa vuol dire?", "mentioned omphalocele."),
        (
            "Der Arzt sagt, es sei ein Mittel der zweiten Wahl. Was heißt das genau?",
            "it is a second-line medicine. what does that mean exactly?",
        ),
        ("Was bedeutet 'Hypotonie' im Arztbrief?", "hypotonia in the doctor's letter"),
        ("Qu'est-ce que l'hypotonie veut dire ?", "What does the hypotonia mean?"),
        ("¿Con qué objetivo revisaron Léger y colaboradores los casos?", "With what aim reviewed"),
        # a product's strengths ("dosages" of a tablet in French and Italian; German "Stärken")
        ("Quels sont les dosages disponibles du Baclocur ?", "available strengths of Baclocur"),
        ("Quali sono i dosaggi disponibili del Baclocur?", "available strengths"),
        ("In welchen Stärken ist Baclocur erhältlich?", "In which strengths is Baclocur available"),
        # a subgroup's figure against placebo; everyday words of a story
        (
            "Um wie viele Tage lagen Frauen unter Baclofen gegenüber Placebo niedriger?",
            "By how many",
        ),
        ("Um wie viele Tage lagen Frauen gegenüber Placebo niedriger?", "versus placebo lower"),
        ("Ora la sera ha le caviglie gonfie.", "swollen ankles"),
        ("Combien de patients avaient de l'alcool dans le sang à leur arrivée ?", "had alcohol"),
        ("Combien de patients avaient de l'alcool dans le sang à leur arrivée ?", "on arrival"),
        (
            "Mon mari a lu le livre du médecin. Que vaut le récit d'un seul homme ?",
            "how much weight",
        ),
    ],
)
def test_everyday_words_of_other_languages_are_read(question: str, wanted: str) -> None:
    assert wanted in read_question(question)[1]


def test_an_mao_inhibitor_named_is_not_read_as_a_tricyclic() -> None:
    from assistant.vocab import interaction_classes

    keys = [c.key for c in interaction_classes("an antidepressant MAO inhibitor", question=True)]
    assert keys == ["maois"]
    assert [c.key for c in interaction_classes("antidepressants", question=True)] == ["tricyclics"]


@pytest.mark.parametrize(
    ("question", "medicine", "interaction_class"),
    [
        ("Posso prendere il baclofene insieme al tramadolo?", "tramadol", "opioids"),
        ("¿Es peligroso el baclofeno con la morfina?", None, "opioids"),
        ("Darf ich Baclofen mit Sertralin kombinieren?", "sertraline", None),
        ("Le baclofène avec la quétiapine, est-ce risqué ?", "quetiapine", None),
        ("¿Puedo tomar baclofeno si tomo metadona?", "methadone", "opioids"),
    ],
)
def test_a_medicine_named_the_foreign_way_is_read_as_its_english_name(
    question: str, medicine: str | None, interaction_class: str | None
) -> None:
    """'Tramadolo', 'morfina', 'Sertralin': the English name, so the interaction sources that
    name its class answer (an Italian opioid is not 'a medicine no source names')."""
    from assistant.vocab import interaction_classes

    plan = plan_question(question)
    if medicine:
        assert medicine in plan.entities.other_medicines or medicine in plan.english, plan
    if interaction_class:
        classes = [c.key for c in interaction_classes(plan.english, question=True)]
        assert interaction_class in classes, plan.english
    # other words stay as they were
    assert "baclof" in plan.english.lower()


def test_an_english_question_naming_a_french_society_stays_english() -> None:
    """An English question may carry a foreign name ("the Société Française d'Alcoologie");
    opened by an English question word, it is English."""
    assert (
        detect(
            "How did the 2015 Société Française d'Alcoologie recommendations want baclofen to be stopped?"
        )
        == "en"
    )
    assert (
        detect("Comment la Société Française d'Alcoologie voulait-elle arrêter le baclofène ?")
        == "fr"
    )


@pytest.mark.parametrize(
    ("question", "needs"),
    [
        ("¿Con qué número se registró el ensayo de Morley 2018?", ["registration number"]),
        (
            "Wie wird die Heppe-Studie im Studienregister geführt: als abgeschlossen oder als abgebrochen?",
            ["trial registry", "terminated"],
        ),
        (
            "Secondo lo studio di Zahra 2024, qual era il profilo tipico di una morte legata al baclofene?",
            ["typical profile", "linked to"],
        ),
        (
            "Les essais de la méta-analyse en réseau de Bahji 2022 sont-ils différents ?",
            ["network meta-analysis", "different"],
        ),
        ("Macht Baclofen abhängig?", ["addictive"]),
        ("¿El baclofeno crea adicción?", ["addictive"]),
        ("Quanto dura l'effetto del baclofene?", ["How long does the effect last"]),
        (
            "¿Hay que bajar la dosis de baclofeno según la severidad de la insuficiencia renal "
            "crónica?",
            ["severity", "chronic"],
        ),
        ("Mon mari aime boire du vin avec le baclofène, est-ce grave ?", ["likes"]),
    ],
)
def test_registry_and_study_profile_words_are_read(question: str, needs: list[str]) -> None:
    english = to_english(question, detect(question))
    for need in needs:
        assert need in english, english


@pytest.mark.parametrize(
    "question",
    [
        "Mon père prend du baclofène et il ne se réveille plus, que faire ?",
        "Mi padre toma baclofeno y no se despierta, ¿qué hago?",
        "Mein Vater nimmt Baclofen und wacht nicht mehr auf, was tun?",
        "Mio padre prende baclofene e non si sveglia più, cosa faccio?",
        "Mi hermano se tomó todas las pastillas de baclofeno",
        "Mein Bruder hat die ganze Packung Baclofen geschluckt und atmet kaum",
        "Mia sorella ha preso tutte le compresse di baclofene e respira a fatica",
        "Mio figlio ha ingerito delle compresse di baclofene per sbaglio",
        "Ich habe Baclofen plötzlich abgesetzt und habe Fieber und Krämpfe",
    ],
)
def test_someone_in_danger_is_read_as_such_in_every_language(question: str) -> None:
    """Someone who will not wake, barely breathes or took the whole pack, said in French,
    Spanish, German or Italian, is an emergency once read into English."""
    from assistant.answering.safety.notices import detect as notice_kinds

    english = to_english(question, detect(question))
    assert "emergency" in notice_kinds(english), english


@pytest.mark.parametrize(
    "question",
    [
        "Ich nehme Oxycodon gegen Schmerzen. Ist Baclofen gefährlich dazu?",
        "¿Puedo tomar baclofeno y codeína?",
        "Baclofène et zolpidem, c'est dangereux ?",
        "Sto prendendo lorazepam, posso aggiungere il baclofene?",
    ],
)
def test_a_combination_asked_in_another_language_is_an_interaction(question: str, catalog) -> None:
    """A medicine spelled the German way (Oxycodon), "dazu", "y codeína": baclofen with another
    medicine, never a decline."""
    assert plan_question(question, catalog).intent == "interaction", question
