"""Tests for the safety notices (pure functions: no model, no index; runs in well under a second).

The labelled set below gives every question its full set of expected kinds, so each phrasing is
a positive for some kinds and a negative for the others. Precision and recall per kind are
printed and held to thresholds.
"""

from __future__ import annotations

import time

import pytest

from assistant.answer import NOTICE_KINDS, Context
from assistant.answering.safety import KINDS, detect, is_dosing_request, normalise, notices_for

OFF, D, E, P, R = "off_label", "dosing", "emergency", "pregnancy", "renal"

LABELLED: list[tuple[str, set[str]]] = [
    # ---- off-label: addiction topics ----------------------------------------------------------
    ("Does baclofen reduce alcohol cravings?", {OFF}),
    ("Is baclofen effective for alcohol use disorder?", {OFF}),
    ("What did the ALPADIR trial find?", {OFF}),
    ("What doses were used in the ALPADIR trial?", {OFF}),  # trial dose: descriptive, no dosing
    ("What was the maximum dose in Bacloville?", {OFF}),
    ("Can baclofen help with opioid withdrawal?", {OFF}),
    ("Does it work for cocaine craving?", {OFF}),
    ("Baclofen for methamphetamine dependence: any trials?", {OFF}),
    ("Has baclofen been tried for stopping smoking?", {OFF}),
    ("Is there evidence for baclofen in GHB withdrawal?", {OFF}),
    ("Could baclofen help with gambling?", {OFF}),
    ("Does baclofen prevent relapse after detox?", {OFF}),
    ("Does it help people stay abstinent?", {OFF}),
    ("baclofen for AUD vs naltrexone", {OFF}),
    ("Why is baclofen used off-label for drinking?", {OFF}),
    ("What is Baclocur?", {OFF}),
    ("Does baclofen reduce heavy drinking days?", {OFF}),
    ("ALCOHOL CRAVINGS AND BACLOFEN", {OFF}),
    ("does baclofen help with alcohl cravngs", {OFF}),
    ("baclofene et alcoolisme", {OFF}),
    ("¿Sirve el baclofeno para el alcoholismo?", {OFF}),
    ("Hilft Baclofen bei Alkoholsucht?", {OFF}),
    ("Il baclofene funziona per la dipendenza da alcol?", {OFF}),
    ("Is baclofen useful in alcohol withdrawal syndrome?", {OFF}),
    ("What is Olivier Ameisen's story?", {OFF}),
    ("baclofen and nicotine self-administration in rats", {OFF}),
    ("Does it reduce the urge to drink?", {OFF}),
    ("Is baclofen used for hiccups?", {OFF}),
    ("Does baclofen help with sleep?", {OFF}),
    ("What happens if I stop drinking on baclofen?", {OFF}),
    # ---- off-label negatives (on-label or neutral) ----------------------------------------------
    ("What is the mechanism of action of baclofen?", set()),
    ("How does baclofen act on GABA-B receptors?", set()),
    ("Is baclofen approved for spasticity in multiple sclerosis?", set()),
    ("What is the half-life of baclofen?", set()),
    ("Who synthesised baclofen and when?", set()),
    ("What are the common side effects of baclofen?", set()),
    ("How does baclofen withdrawal syndrome present according to the label?", set()),
    ("What does the label say about abrupt withdrawal of baclofen?", set()),
    ("Is the effect of baclofen dose-dependent?", set()),
    ("What does the label say about overdose symptoms?", set()),
    ("What are the signs of baclofen overdose?", set()),
    ("How is baclofen overdose treated?", set()),
    ("Can you overdose on baclofen?", set()),
    ("What is intrathecal baclofen?", set()),
    ("What is the maximum recommended dose on the US label?", set()),
    ("Is there an extended-release baclofen?", set()),
    ("In addition to spasticity, what else is baclofen approved for?", set()),
    ("Does baclofen affect the adrenal glands?", set()),
    ("Can baclofen cause trouble breathing?", set()),
    ("Does baclofen cause seizures?", set()),
    ("What is the oral bioavailability of baclofen?", set()),
    ("Is baclofen addictive?", set()),
    ("Does baclofen cause insomnia?", set()),
    ("When should patients stop baclofen according to the label?", set()),
    ("Can baclofen reduce spasticity?", set()),
    ("What are the main safety concerns with high-dose baclofen?", set()),
    ("Is baclofen safe to use in a nursing home resident with MS?", set()),
    ("What is the evidence on baclofen and suicide risk reported by the TGA?", set()),
    # ---- dosing ---------------------------------------------------------------------------------
    ("How much baclofen should I take for alcohol cravings?", {D, OFF}),
    ("How much baclofen should I take?", {D}),
    ("Can I take 100 mg of baclofen?", {D}),
    ("can i take 100mg", {D}),
    ("Should I increase my dose of baclofen?", {D}),
    ("Can I double my dose?", {D}),
    ("Is it safe to stop baclofen?", {D}),
    ("Should I stop taking baclofen?", {D}),
    ("Can I skip a dose tonight?", {D}),
    ("I missed a dose of baclofen, what now?", {D}),
    ("What dose should I take for drinking?", {D, OFF}),
    ("What is the maximum dose I can take?", {D}),
    ("Is 120 mg too much?", {D}),
    ("My doctor wants me to go up to 90 mg, is that ok?", {D}),
    ("Should my husband lower his baclofen dose?", {D}),
    ("How do I taper off baclofen?", {D}),
    ("Can I cut my baclofen in half?", {D}),
    ("what's the right dose for me", {D}),
    ("SHOULD I RAISE MY DOSE", {D}),
    ("How many mg can I take a day?", {D}),
    ("Can I take more baclofen if the cravings come back?", {D, OFF}),
    ("Is it ok to stop baclofen cold turkey?", {D}),
    ("Can I take an extra pill when I crave alcohol?", {D, OFF}),
    ("Should I reduce my dose because I'm sleepy?", {D}),
    ("I take 30 mg three times a day for cravings, is that normal?", {D, OFF}),
    ("Could my cravings come back if I stop?", {D, OFF}),
    ("What happens if I stop taking baclofen?", {D}),
    ("I have been on baclofen 6 months, how do I come off it?", {D}),
    ("Is it dangerous to suddenly stop?", {D}),
    ("Am I taking too much?", {D}),
    ("what if I take 3 at once?", {D}),
    ("How often should I take it?", {D}),
    # ---- dosing near-misses -----------------------------------------------------------------------
    ("Should I take baclofen for spasticity?", set()),
    ("Can I take baclofen while pregnant?", {P}),
    ("Should I stop drinking before starting baclofen?", {OFF}),
    ("Does baclofen reduce drinking?", {OFF}),
    ("What dose did Addolorato use?", set()),
    ("What doses did the French cohort study compare?", set()),
    ("How many patients took part in the Garbutt trial?", set()),
    ("Why do doses vary so much between trials?", set()),
    # ---- emergency --------------------------------------------------------------------------------
    ("My husband took 20 pills", {E}),
    ("my husband took 20 of his baclofen", {E}),
    ("I think my son overdosed on baclofen", {E}),
    ("She took too many baclofen tablets", {E}),
    ("He won't wake up after taking baclofen", {E}),
    ("I can't wake my mum, she takes baclofen", {E}),
    ("my friend is unresponsive", {E}),
    ("He stopped breathing!", {E}),
    ("She's having trouble breathing after her baclofen", {E}),
    ("his breathing is very slow and shallow", {E}),
    ("My wife is having a seizure, she takes baclofen", {E}),
    ("he is convulsing right now", {E}),
    ("I stopped baclofen suddenly and now I'm hallucinating", {E}),
    ("My dad ran out of baclofen two days ago and has a high fever and is confused", {E}),
    ("she has a very high fever and her muscles are rigid", {E}),
    ("I took the whole bottle", {E}),
    ("my toddler swallowed some of my baclofen", {E}),
    ("I accidentally took a double dose", {E}),
    ("I want to kill myself with baclofen", {E}),
    ("How many baclofen pills would it take to die?", {E}),
    ("Help! My boyfriend overdosed on baclofen and alcohol", {E, OFF}),
    ("i think i overdosd", {E}),
    ("He's been drinking and took too many baclofen, he won't wake up", {E, OFF}),
    ("Mon mari ne se réveille pas", {E}),
    ("Should I call 911? My sister took a lot of baclofen and is very sleepy", {E}),
    ("My partner is barely breathing", {E}),
    ("my child got into my baclofen", {E}),
    ("I've been off baclofen for 3 days and I'm seeing things", {E}),
    ("What do I do, she took 15 tablets", {E}),
    ("Ich habe zu viele Tabletten genommen", {E}),
    ("He's been having convulsions since he stopped baclofen", {E}),
    ("I stopped my baclofen yesterday and just had a seizure", {E}),
    # ---- emergency near-misses --------------------------------------------------------------------
    ("How can baclofen help with breathing exercises for cravings?", {OFF}),
    ("I had a seizure years ago, can I take baclofen?", set()),
    ("Stopping smoking with baclofen: does it work?", {OFF}),
    ("Is baclofen dangerous in overdose compared with other drugs?", set()),
    ("What happens if you stop baclofen suddenly?", set()),
    ("Are hallucinations reported after abrupt withdrawal in the label?", set()),
    ("My husband has a seizure disorder, can he take baclofen?", set()),
    ("What did the poisoning study find about mechanical ventilation?", set()),
    ("I took 2 10 mg tablets this morning", set()),
    ("Is it normal to feel drowsy on baclofen?", set()),
    ("Does the label mention breathing problems?", set()),
    # ---- pregnancy ------------------------------------------------------------------------------
    ("Is baclofen safe in pregnancy?", {P}),
    ("I'm pregnant, can I keep taking baclofen?", {P}),
    ("is baclofen ok if im pregnent", {P}),
    ("We are trying to conceive, is baclofen a problem?", {P}),
    ("Can I breastfeed while on baclofen?", {P}),
    ("Does baclofen pass into breast milk?", {P}),
    ("baclofen and lactation", {P}),
    ("Can a newborn have withdrawal from baclofen?", {P}),
    ("baclofen while nursing a 2 month old", {P}),
    ("BACLOFEN PREGNANCY", {P}),
    ("baclofène pendant la grossesse", {P}),
    ("Je suis enceinte, est-ce dangereux ?", {P}),
    ("baclofène et allaitement", {P}),
    ("¿Puedo tomar baclofeno durante el embarazo?", {P}),
    ("Estoy embarazada y tomo baclofeno", {P}),
    ("baclofeno y lactancia", {P}),
    ("Baclofen in der Schwangerschaft", {P}),
    ("Ich bin schwanger", {P}),
    ("Baclofen in der Stillzeit", {P}),
    ("baclofene in gravidanza", {P}),
    ("sono incinta, posso prendere il baclofene?", {P}),
    ("Pregnant women with alcohol use disorder: is baclofen an option?", {P, OFF}),
    # ---- renal ------------------------------------------------------------------------------------
    ("Is baclofen safe with kidney disease?", {R}),
    ("baclofen in renal impairment", {R}),
    ("Can dialysis patients take baclofen?", {R}),
    ("baclofen and CKD stage 4", {R}),
    ("What eGFR cutoff is recommended for baclofen?", {R}),
    ("baclofen haemodialysis toxicity", {R}),
    ("Does hemodialysis remove baclofen?", {R}),
    ("baclofen with creatinine clearance of 25", {R}),
    ("is baclofen ok with kidny failure", {R}),
    ("baclofen and dialisis", {R}),
    ("KIDNEY FAILURE AND BACLOFEN", {R}),
    ("baclofène et insuffisance rénale", {R}),
    ("baclofène et dialyse", {R}),
    ("baclofeno y riñón", {R}),
    ("Baclofen bei Niereninsuffizienz", {R}),
    ("Baclofen und Niere", {R}),
    ("baclofene e insufficienza renale", {R}),
    ("My mother has kidney failure and wants baclofen for her drinking", {R, OFF}),
    ("What is the renal clearance of baclofen?", {R}),
    # ---- renal near-misses ----------------------------------------------------------------------
    ("Does baclofen affect adrenal function?", set()),
    ("Where can I find a rental car?", set()),
    ("Can I eat kidney beans while on baclofen?", set()),
    ("Is baclofen approved for spasticity after stroke?", set()),
    ("baclofen and creatine supplements", set()),
    # ---- a second batch, first written as a held-out check (see the report) ---------------------
    ("Has baclofen been studied for heroin addiction?", {OFF}),
    ("What's the story with baclofen and booze?", {OFF}),
    ("Is baclofen any good for quitting cigarettes?", {OFF}),
    ("baclofen for crystal meth", {OFF}),
    ("does baclofen stop you wanting a drink", {OFF}),
    ("Best evidence for baclofen in cocaine use disorder", {OFF}),
    ("What did the Cochrane review conclude about relapse?", {OFF}),
    ("How was baclofen discovered?", set()),
    ("What are baclofen's effects on muscle tone?", set()),
    ("Which receptor does baclofen target?", set()),
    ("Should I bump my dose up to 40?", {D}),
    ("how many tablets can i take in one go", {D}),
    ("Can my wife take 2 tablets at once?", {D}),
    ("I'm on 60mg a day, can I go higher?", {D}),
    ("Is it OK to skip my evening dose?", {D}),
    ("what dose did the BACLAD trial use", {OFF}),
    ("Which dose was most effective in the meta-analysis?", set()),
    ("is baclofen safe in the first trimester", {P}),
    ("my girlfriend is expecting a baby and takes baclofen", {P}),
    ("is it ok to take baclofen while breastfeeding my 3 week old", {P}),
    ("Est-ce que le baclofène passe dans le lait maternel pendant l'allaitement ?", {P}),
    ("¿El baclofeno es seguro en el embarazo?", {P}),
    ("Darf man Baclofen in der Schwangerschaft nehmen?", {P}),
    ("baclofen for someone on peritoneal dialysis", {R}),
    ("my egfr is 25, is baclofen a problem", {R}),
    ("baclofen and chronic kidney disease stage 3", {R}),
    ("Can baclofen be used with renal failure?", {R}),
    ("Il baclofene è sicuro con insufficienza renale?", {R}),
    ("Baclofeno en insuficiencia renal", {R}),
    ("my dad is unconscious and we found empty baclofen packets", {E}),
    ("she's breathing really slowly and won't respond", {E}),
    ("He swallowed a whole strip of baclofen", {E}),
    ("my son is having fits after he ran out of baclofen", {E}),
    ("I think I took too much baclofen and I feel weird", {E}),
    ("I stopped baclofen 2 days ago and now have a fever of 40 and stiff muscles", {E}),
    ("What are the symptoms of baclofen toxicity?", set()),
    ("Can baclofen overdose be fatal?", set()),
    ("What is respiratory depression?", set()),
    ("Is baclofen used in intensive care for tetanus?", set()),
    ("breathing techniques to manage alcohol cravings", {OFF}),
    # ---- a third batch, also first written as a held-out check ------------------------------
    ("Is baclofen helpful for people addicted to painkillers?", {OFF}),
    ("baclofen vs acamprosate for staying dry", {OFF}),
    ("Does baclofen blunt the high from cocaine?", {OFF}),
    ("Was baclofen tested in smokers?", {OFF}),
    ("What does baclofen do in the spinal cord?", set()),
    ("How long has baclofen been on the market?", set()),
    ("What is Lioresal?", set()),
    ("Is Ozobax the same as baclofen tablets?", set()),
    ("can I take four 10mg tablets at once", {D}),
    ("My psychiatrist said 15mg three times daily, can I do more?", {D}),
    ("Is it fine if I halve my tablets?", {D}),
    ("what's a safe amount of baclofen for me to take", {D}),
    ("How did doses differ between ALPADIR and Bacloville?", {OFF}),
    ("What titration schedule does the label describe?", set()),
    ("baclofen during pregnancy risks", {P}),
    ("I'm 20 weeks pregnant on baclofen", {P}),
    ("Is it safe to nurse my baby on baclofen?", {P}),
    ("Baclofen e allattamento", {P}),
    ("baclofen in patients with kidney transplant", {R}),
    ("my kidneys only work at 20 percent", {R}),
    ("Does hemodialysis clear baclofen?", {R}),
    ("Baclofène et insuffisance rénale chronique", {R}),
    ("my wife is not breathing properly after taking her pills", {E}),
    ("he took like 30 baclofen, what do i do", {E}),
    ("I can't wake my father up", {E}),
    ("she collapsed after taking baclofen with vodka", {E, OFF}),
    ("I feel like ending my life", {E}),
    ("What is baclofen encephalopathy?", set()),
    ("How often do overdoses happen with baclofen?", set()),
    ("What did coroners find in Australia?", set()),
]


def _scores(rows: list[tuple[str, set[str]]]) -> dict[str, tuple[float, float, int, int, int]]:
    out = {}
    for kind in KINDS:
        tp = fp = fn = 0
        for q, expected in rows:
            got = kind in detect(q)
            want = kind in expected
            tp += got and want
            fp += got and not want
            fn += want and not got
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        out[kind] = (precision, recall, tp, fp, fn)
    return out


def test_labelled_set_is_large_and_covers_every_kind():
    assert len(LABELLED) >= 100
    for kind in KINDS:
        assert sum(kind in e for _, e in LABELLED) >= 15, kind
        assert sum(kind not in e for _, e in LABELLED) >= 15, kind


def test_precision_and_recall_per_kind(record_property):
    scores = _scores(LABELLED)
    print(f"\nsafety.detect on {len(LABELLED)} labelled questions")
    for kind, (p, r, tp, fp, fn) in scores.items():
        line = f"  {kind:<10} precision {p:.3f}  recall {r:.3f}  (tp {tp}, fp {fp}, fn {fn})"
        print(line)
        record_property(f"{kind}_precision", round(p, 3))
        record_property(f"{kind}_recall", round(r, 3))
    misses = [
        (q, sorted(e), sorted(detect(q))) for q, e in LABELLED if detect(q) != e
    ]  # shown on failure
    for kind, (p, r, *_rest) in scores.items():
        assert p >= 0.95, (kind, p, misses)
        assert r >= 0.90, (kind, r, misses)


@pytest.mark.parametrize(("question", "expected"), LABELLED, ids=[q[:40] for q, _ in LABELLED])
def test_each_labelled_question(question: str, expected: set[str]):
    assert detect(question) == expected


def test_normalise_folds_case_accents_and_typos():
    assert normalise("Insuffisance RÉNALE") == "insuffisance renale"
    assert normalise("pregnent") == "pregnant"
    assert normalise("dialisis") == "dialysis"
    assert normalise("kidny") == "kidney"
    assert normalise("overdosed") == "overdosed"
    # real words one edit from a key term are left alone
    assert normalise("in addition") == "in addition"
    assert normalise("extended release") == "extended release"


def test_empty_and_blank_questions():
    assert detect("") == set()
    assert detect("   ") == set()


def test_detect_is_fast():
    questions = [q for q, _ in LABELLED]
    # fresh variants so the per-text cache does not hide the cost of the first call
    variants = [f"{q} ({i})" for i, q in enumerate(questions * 5)]
    start = time.perf_counter()
    for q in variants:
        detect(q)
    per_question = (time.perf_counter() - start) / len(variants)
    assert per_question < 1e-3, per_question


# ------------------------------------------------------------------------------ notices_for


def _kinds(notices) -> list[str]:
    return [n.kind for n in notices]


def test_general_always_present_and_alone_for_neutral_question():
    assert _kinds(notices_for("What is the half-life of baclofen?")) == ["general"]


def test_order_emergency_first_then_general_then_others():
    q = "Help, my pregnant wife with kidney failure took too many baclofen for her drinking, how much should she take now?"
    kinds = _kinds(notices_for(q))
    assert kinds == ["emergency", "general", "off_label", "dosing", "pregnancy", "renal"]
    assert set(kinds) <= set(NOTICE_KINDS)


def test_mechanism_question_gets_no_dosing_notice():
    for q in (
        "What is the mechanism of action of baclofen?",
        "How does baclofen reduce craving at the GABA-B receptor?",
        "Is baclofen's effect on craving dose-dependent?",
    ):
        assert "dosing" not in _kinds(notices_for(q))
        assert not is_dosing_request(q)


def test_is_dosing_request():
    assert is_dosing_request("Can I double my dose?")
    assert not is_dosing_request("What doses were used in the ALPADIR trial?")


def _ctx(substances: str | list[str], source_id: str = "x") -> Context:
    return Context(
        chunk_id=f"{source_id}#0",
        text="...",
        metadata={"source_id": source_id, "substances": substances},
    )


def test_off_label_from_contexts():
    q = "What is the half-life of baclofen?"
    assert "off_label" in _kinds(notices_for(q, [_ctx("alcohol,opioids")]))
    assert "off_label" in _kinds(notices_for(q, [_ctx(["cocaine"])]))  # list metadata too
    assert "off_label" not in _kinds(notices_for(q, [_ctx("spasticity"), _ctx("general")]))
    assert "off_label" not in _kinds(notices_for(q, [_ctx("")]))
    assert "off_label" not in _kinds(notices_for(q, []))
    assert "off_label" not in _kinds(notices_for(q, None))


def test_on_label_question_is_not_flagged_by_incidental_alcohol_contexts():
    q = "Is baclofen approved for spasticity in multiple sclerosis?"
    assert "off_label" not in _kinds(notices_for(q, [_ctx("alcohol")]))


def test_notice_texts_and_sources():
    q = "Help, my pregnant wife with kidney failure took too many baclofen for her drinking, how much should she take now?"
    notices = {n.kind: n for n in notices_for(q)}
    first_sentence = notices["emergency"].text.split(". ")[0].lower()
    assert "call" in first_sentence and "911" in first_sentence and "poison" in first_sentence
    assert {"label_overdose", "label_warnings_precautions"} <= set(notices["emergency"].source_ids)
    assert {"reg_us_fda", "reg_france_baclocur"} <= set(notices["off_label"].source_ids)
    assert "80 mg" in notices["off_label"].text and "2018" in notices["off_label"].text
    assert {"label_dosing", "label_warnings_precautions"} <= set(notices["dosing"].source_ids)
    assert notices["pregnancy"].source_ids == ["label_pregnancy_lactation"]
    assert {"label_renal_impairment", "muanda2019", "ajkd2017", "guideline_australia_2021"} <= set(
        notices["renal"].source_ids
    )
    assert "30" in notices["renal"].text and "dialysis" in notices["renal"].text
    assert notices["general"].source_ids == []
    assert "not medical advice" in notices["general"].text
    # the dosing notice never suggests a dose
    assert "mg" not in notices["dosing"].text


def test_notice_source_ids_exist_in_corpus():
    """Every record id a notice cites must exist once the corpus is written."""
    from pathlib import Path

    from assistant.answering.safety import NOTICE_SOURCES
    from assistant.library.records import load_corpus

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    ids = {r.id for r in load_corpus(corpus)}
    missing = sorted({s for srcs in NOTICE_SOURCES.values() for s in srcs} - ids)
    assert not missing, f"notice source ids not in corpus/records: {missing}"
