"""`assistant check`: a user's document against the curated evidence.

The quick part checks the fact sheet (every quote verbatim in its record, every pattern compiles,
each fact decides its own examples). The slow part ingests the test articles of
tests/fixtures/articles (written for this purpose, with every checkable claim labelled) and
measures the verdicts; it also checks the outside article of ../shared/seeds.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml

from assistant.answering.check.agreement import figure_ranges, null_outcomes, parameter_conflict
from assistant.answering.check.checker import Checker
from assistant.answering.check.claims import Claim, extract_claims, restates, topic_of
from assistant.answering.check.contrasts import (
    comparison_conflict,
    effect_direction_conflict,
    exclusivity_conflict,
    frequency_conflict,
    ratio_conflict,
    sameness_conflict,
    significance_conflict,
    survival_conflict,
    times_conflict,
    trend_conflict,
)
from assistant.answering.check.differences import (
    difference_conflict,
    figure_conflict,
    share_conflict,
    shares_of,
    threshold_conflict,
)
from assistant.answering.check.fact_sheet import FACTS_PATH, fact_verdict, load_facts
from assistant.answering.check.interactions import denied_partner
from assistant.library.chunks import tokenize
from assistant.library.contraindications import quote_in_body
from assistant.library.records import load_corpus
from assistant.settings import PROJECT_DIR

from .conftest import ARTICLES, SEEDS

LABELS = yaml.safe_load((ARTICLES / "labels.yaml").read_text())
# Articles the checker was developed on; the others are held out and only measured.
DEVELOPMENT = {
    "wellness_blog.md",
    "literature_review.md",
    "regulation_news.md",
    "clinic_leaflet.txt",
} | {d["file"] for d in LABELS if d.get("split") == "development"}


def test_every_fact_quote_is_verbatim_in_its_record() -> None:
    bodies = {r.id: r.body for r in load_corpus(PROJECT_DIR / "corpus")}
    facts = load_facts()
    assert len(facts) >= 10
    for f in facts:
        assert f.source_id in bodies, f.key
        assert quote_in_body(f.quote, bodies[f.source_id]), f"{f.key}: quote not verbatim"
        assert f.contradicts or f.dated, f.key


@pytest.mark.parametrize(
    ("key", "claim", "verdict"),
    [
        (
            "elimination_kidneys",
            "Baclofen is processed by the liver rather than the kidneys.",
            "contradicted",
        ),
        ("elimination_kidneys", "Only about 15% of a dose is metabolised in the liver.", None),
        ("elimination_kidneys", "Most of a dose leaves unchanged in the urine.", "supported"),
        ("alcohol_sedation", "Baclofen doesn't add to alcohol's sedating effect.", "contradicted"),
        ("alcohol_sedation", "Its sedation adds to that of alcohol.", "supported"),
        ("breast_milk", "Baclofen does not pass into breast milk.", "contradicted"),
        ("overdose_severity", "An overdose is usually mild and can be slept off.", "contradicted"),
        ("abrupt_withdrawal", "It can be stopped overnight with no withdrawal.", "contradicted"),
        (
            "abrupt_withdrawal",
            "Stopping baclofen abruptly can cause hallucinations and seizures.",
            "supported",
        ),
        (
            "us_approval",
            "The FDA approved baclofen for alcohol use disorder in 2019.",
            "contradicted",
        ),
        ("us_approval", "The FDA has not approved baclofen for alcohol use disorder.", None),
        (
            "us_approval",
            "The FDA approved it for spasticity; its use for addiction is off-label.",
            "supported",
        ),
        (
            "gaba_b_agonist",
            "Baclofen acts on GABA-A receptors like benzodiazepines.",
            "contradicted",
        ),
        ("gaba_b_agonist", "Baclofen is a GABA-B receptor agonist.", "supported"),
        (
            "france_prescribers",
            "In France only psychiatrists can prescribe Baclocur.",
            "contradicted",
        ),
        (
            "france_prescribers",
            "In France, doses above 80 mg are left to addiction specialists.",
            None,
        ),
        (
            "conseil_etat_2020",
            "The Conseil d'Etat banned prescriptions above 80 mg a day.",
            "contradicted",
        ),
        ("stroke_response", "People who had a stroke respond best to baclofen.", "contradicted"),
        (
            "stroke_response",
            "Stroke patients tolerated it poorly.",
            "supported",
        ),
        (
            "apa_guideline",
            "The APA guideline recommends baclofen for alcohol use disorder.",
            "contradicted",
        ),
        ("apa_guideline", "The APA guideline leaves baclofen off its list.", None),
        ("breast_milk", "Doctors advise against breastfeeding while on baclofen.", "contradicted"),
        (
            "tga_suicide_warnings",
            "Only in 2023 did the TGA first add suicide warnings to the product information.",
            "contradicted",
        ),
        ("tga_suicide_warnings", "Suicide warnings were added in 2019.", "supported"),
        ("breast_milk", "A breastfed baby gets about half of the mother's dose.", "contradicted"),
        (
            "conseil_etat_2020",
            "The Conseil d'État said doctors may still prescribe above 80 mg when needed.",
            "supported",
        ),
        (
            "no_single_success_rate",
            "Trials show a success rate of about 40-50% against placebo.",
            "contradicted",
        ),
        # phrasings a patient leaflet and a family chat used (a comma after the place, a
        # defect named in everyday words, withdrawal denied, a vein in the active voice)
        ("uk_not_for_alcohol", "In the UK, it is licensed for alcohol dependence.", "contradicted"),
        ("omphalocele_rats_only", "In animals it caused birth defects in rabbits.", "contradicted"),
        ("omphalocele_rats_only", "In animals it caused birth defects in rats.", "supported"),
        (
            "abrupt_withdrawal",
            "Unlike alcohol, baclofen does not cause withdrawal.",
            "contradicted",
        ),
        (
            "intrathecal_route_only",
            "If the pump fails they can just give the injection straight into a vein.",
            "contradicted",
        ),
        (
            "us_label_start",
            "The US label's usual starting dose is 20 mg three times a day.",
            "contradicted",
        ),
        ("us_label_start", "The label starts at 5 mg three times a day.", "supported"),
        ("us_label_start", "The label says alcohol trials started at 30 mg a day.", None),
        (
            "france_cap_history",
            "The court in Cergy-Pontoise upheld the 80 mg limit.",
            "contradicted",
        ),
        ("abrupt_withdrawal", "Abrupt discontinuation of baclofen is harmless.", "contradicted"),
        ("abrupt_withdrawal", "Stopping abruptly is not safe.", None),
        ("breast_milk", "Baclofen does not pass into human milk.", "contradicted"),
        (
            "origin_epilepsy",
            "It was originally synthesised as a treatment for spasticity.",
            "contradicted",
        ),
        (
            "baclocur_authorisation_year",
            "Baclocur obtained its French marketing authorisation in October 2016.",
            "contradicted",
        ),
        (
            "france_cap_history",
            "In France the dose was capped at 80 mg a day, and that ceiling still applies today.",
            "contradicted",
        ),
        ("elimination_kidneys", "Only around fifteen per cent is metabolised by the liver.", None),
        (
            "us_label_maximum",
            "The US label gives 120 mg per day as the maximum recommended dose.",
            "contradicted",
        ),
        (
            "breast_milk",
            "LactMed considers baclofen incompatible with breastfeeding.",
            "contradicted",
        ),
        # the French stopping rule, however the period is written
        (
            "baclocur_stop_without_benefit",
            "Under the HAS advice, Baclocur is discontinued when there is no benefit within "
            "six months.",
            "contradicted",
        ),
        (
            "baclocur_stop_without_benefit",
            "Doctors should end Baclocur if drinking has not fallen after a year.",
            "contradicted",
        ),
        # the right period is no contradiction (its "not" keeps it from support, as for others)
        (
            "baclocur_stop_without_benefit",
            "Baclocur should be stopped if it has not helped after 3 months.",
            None,
        ),
        # "has" is a verb, not the French agency: no verdict on other drugs' stopping rules
        (
            "baclocur_stop_without_benefit",
            "Naltrexone is stopped if it has not worked after six months.",
            None,
        ),
        (
            "australia_suicide_warnings_year",
            "The TGA added suicide warnings to the product information in 2016.",
            "contradicted",
        ),
        (
            "australia_suicide_warnings_year",
            "Since 2022, Australian leaflets have carried warnings about suicidal thoughts.",
            "contradicted",
        ),
        (
            "australia_suicide_warnings_year",
            "Australian product information has warned about suicide since 2019.",
            None,
        ),
        (
            "sfa_baclofen_after_nalmefene",
            "The SFA guidance puts baclofen before nalmefene for reducing drinking.",
            "contradicted",
        ),
        (
            "sfa_baclofen_after_nalmefene",
            "In the SFA's scheme, baclofen comes in when nalmefene has failed.",
            None,
        ),
        (
            "ameisen_book_year",
            "Ameisen's memoir was published in 2004 and became a bestseller.",
            "contradicted",
        ),
        ("ameisen_book_year", "Le dernier verre appeared in 2008.", None),
        ("ameisen_book_year", "The English translation of Ameisen's book came out in 2009.", None),
    ],
)
def test_each_fact_decides_its_examples(key: str, claim: str, verdict: str | None) -> None:
    fact = next(f for f in load_facts() if f.key == key)
    assert fact_verdict(fact, claim) == verdict


def test_the_fact_sheet_names_its_checks() -> None:
    text = FACTS_PATH.read_text()
    assert "verbatim" in text and "contradicts" in text


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        # a half-life far outside the curated range, and one inside it
        (
            "Its half-life is around 20 to 30 hours.",
            "It has a half-life of about 3 to 4 hours.",
            True,
        ),
        ("Its half-life is roughly 4 hours.", "It has a half-life of about 3 to 7 hours.", False),
        # "more than 95%" against about 30%; the CSF clause of the same sentence is not compared
        (
            "It is heavily bound to plasma proteins, at more than 95%.",
            "About 30% is bound to plasma proteins, and CSF levels reach about 12% of plasma.",
            True,
        ),
        ("About 12% reaches the CSF.", "About 30% is bound to plasma proteins.", False),
        # a CSF half-life is not the plasma half-life
        (
            "Its half-life is 3 hours.",
            "The half-life in cerebrospinal fluid is 1 to 5 hours.",
            False,
        ),
        # no figure in the same unit: nothing to compare
        ("Its half-life is long.", "It has a half-life of about 3 to 4 hours.", False),
    ],
)
def test_a_measured_parameter_is_compared_by_its_ranges(
    claim: str, passage: str, conflict: bool
) -> None:
    assert (parameter_conflict(claim, passage) is not None) is conflict


def test_figure_ranges_read_bounds() -> None:
    assert figure_ranges("more than 95%") == {"%": [(95.0, 100.0)]}
    assert figure_ranges("around 20 to 30 hours") == {"hour": [(20.0, 30.0)]}
    assert figure_ranges("less than 5%") == {"%": [(0.0, 5.0)]}


# --------------------------------------------------------------------------- on documents


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _score(docs_assistant, files: set[str]) -> tuple[int, int, int, list[str]]:
    tp = fp = fn = 0
    wrong: list[str] = []
    for doc in LABELS:
        if doc["file"] not in files:
            continue
        record = next(
            r for r in docs_assistant.store.catalog()
            if r.user and r.source_file and r.source_file.endswith(doc["file"])
        )  # fmt: skip
        report = docs_assistant.check(record.id)
        got = {_norm(c.text): c for c in report.claims}
        labelled = set()
        for lab in doc["claims"]:
            t = _norm(lab["text"])
            # the claim holding the labelled sentence, else the longest part of it (a heading,
            # "CONTRAINDICATION", inside a sentence is not that sentence's claim)
            parts = sorted((k for k in got if k in t and len(k) > 25), key=len, reverse=True)
            claim = next((c for k, c in got.items() if t in k), got[parts[0]] if parts else None)
            if claim is not None:
                labelled.add(_norm(claim.text))
            said = claim.verdict if claim else "missing"
            if lab["verdict"] == "contradicted":
                tp += said == "contradicted"
                fn += said != "contradicted"
            elif said == "contradicted":
                fp += 1
                wrong.append(f"{doc['file']}: {lab['text'][:80]}")
        for k, c in got.items():
            if c.verdict == "contradicted" and k not in labelled:
                fp += 1
                wrong.append(f"{doc['file']} (unlabelled): {c.text[:80]}")
            if c.verdict != "not-covered":
                assert c.citations and all(x.evidence != "user-document" for x in c.citations)
    return tp, fp, fn, wrong


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "Nearly all patients returned their drinking diaries.",
            "Fewer than half of patients in either arm returned the last-month drinking diary.",
            True,
        ),
        (
            "Most patients returned their drinking diaries.",
            "34% of the placebo arm returned the last-month drinking diary.",
            True,
        ),
        (
            "About a third of patients returned their drinking diaries.",
            "34% of the placebo arm returned the last-month drinking diary.",
            False,
        ),
        # the same share words about different things are no conflict
        (
            "Nearly all patients were men.",
            "Fewer than half of patients returned the drinking diary.",
            False,
        ),
        # "from 29.7% to 19.7%" is a before and an after, not a range running backwards
        (
            "The ICU trial reduced agitation-related events from 29.7% to 19.7%.",
            "At least one agitation-related event occurred in 19.7% of patients on baclofen and "
            "29.7% on placebo.",
            False,
        ),
        (
            "The ICU trial reduced agitation-related events to 9.7%.",
            "At least one agitation-related event occurred in 19.7% of patients on baclofen and "
            "29.7% on placebo.",
            True,
        ),
    ],
)
def test_a_share_of_patients_is_compared(claim: str, passage: str, conflict: bool) -> None:
    assert (share_conflict(claim, passage) is not None) is conflict


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "Baclofen caused significantly more adverse events than placebo.",
            "The risk of at least one adverse event was similar on baclofen and placebo.",
            True,
        ),
        # another outcome's "no difference" says nothing of adverse events
        (
            "Baclofen caused more adverse events than placebo.",
            "Relapse did not differ, while adverse events were more common on baclofen.",
            False,
        ),
        (
            "Baclofen did not cause more adverse events than placebo.",
            "The risk of at least one adverse event was similar on baclofen and placebo.",
            False,
        ),
    ],
)
def test_a_difference_from_placebo_is_compared(claim: str, passage: str, conflict: bool) -> None:
    assert (difference_conflict(claim, passage) is not None) is conflict


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "Coma and seizures could follow doses of less than 100 mg.",
            "Coma, delirium and seizures occurred only in patients who had taken 200 mg or more.",
            True,
        ),
        (
            "Coma could follow doses of less than 300 mg.",
            "Coma, delirium and seizures occurred only in patients who had taken 200 mg or more.",
            False,
        ),
    ],
)
def test_an_effect_below_the_dose_it_was_seen_at_is_compared(claim, passage, conflict) -> None:
    assert (threshold_conflict(claim, passage) is not None) is conflict


def test_figures_are_compared_clause_by_clause_and_in_words() -> None:
    # the liver clause's 15% is not a urinary figure
    assert (
        parameter_conflict(
            "About 15% is deaminated in the liver, and 70-80% leaves in the urine.",
            "70-80% of a dose is excreted in the urine, mostly as unchanged drug.",
        )
        is None
    )
    assert parameter_conflict(
        "Dialysis is pointless because baclofen is highly protein-bound.",
        "About 30% of baclofen is bound to plasma proteins.",
    )
    # "needed more lorazepam than placebo" against "fewer ... than on placebo"; "craving fell
    # more" is no such direction
    assert difference_conflict(
        "Patients on baclofen needed more lorazepam than those given placebo.",
        "Fewer baclofen patients needed high-dose lorazepam than patients on placebo.",
    )
    assert not difference_conflict(
        "Craving fell more on baclofen than on placebo.",
        "Craving decreased significantly more on baclofen than on placebo.",
    )


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "The maximum recommended dose on the US label is 120 mg a day.",
            "The maximum recommended dose of oral baclofen in the US label is 80 mg per day.",
            True,
        ),
        # another country's limit, and a limit that changed over time, are not compared
        (
            "The maximum dose on the US label is 120 mg a day.",
            "The Australian product information gives a maximum of 100 mg per day.",
            False,
        ),
        (
            "In July 2017 the maximum dose allowed under the RTU was cut to 80 mg a day.",
            "Under the RTU the maximum dose was 300 mg per day.",
            False,
        ),
        (
            "It got its first US approval in 1992, for spasticity.",
            "Baclofen's first US approval, for spasticity, dates from 1977 (US label 2022).",
            True,
        ),
        # a first synthesis is not a first approval
        (
            "Baclofen was first synthesised in 1962.",
            "In the United States baclofen had a first US approval in 1977.",
            False,
        ),
        (
            "Ozobax, the oral solution, contains 10 mg in every 5 mL.",
            "Ozobax is a US baclofen oral solution containing 5 mg per 5 mL.",
            True,
        ),
        (
            "Fleqsuvy contains 25 mg in 5 mL.",
            "Ozobax is a US baclofen oral solution containing 5 mg per 5 mL.",
            False,
        ),
    ],
)
def test_a_typed_figure_is_compared_for_the_same_thing(
    claim: str, passage: str, conflict: bool
) -> None:
    assert (figure_conflict(claim, passage) is not None) is conflict


def test_claims_nobody_anticipated_are_decided_by_typed_checks(docs_assistant) -> None:
    """Sentences written for this test (not from any article): a study described by its size,
    efficacy for another drug against that drug's trials, and no support for a claim stronger
    than the sentence it resembles."""
    a = docs_assistant
    claims = [
        Claim(
            "Among 180 US veterans with hepatitis C, baclofen doubled abstinent days.", None, "t"
        ),
        Claim("Baclofen is an effective treatment for methamphetamine addiction.", None, "t"),
        Claim("Large trials have proven that baclofen reduces cocaine use.", None, "t"),
        Claim("One small trial suggested baclofen may reduce cocaine use.", None, "t"),
        Claim("Baclofen does not reduce methamphetamine use.", None, "t"),
        Claim("In the Dutch GHB study, patients were randomly assigned to baclofen.", None, "t"),
        Claim(
            "An Ontario study of older adults with kidney disease found the starting dose made "
            "no difference to hospital admissions.",
            None,
            "t",
        ),
        # "not a contraindication": not a claim that it is one (the seizures are a newborn's)
        Claim(
            "Pregnancy is not a label contraindication, but exposed newborns can have seizures.",
            None,
            "t",
        ),
        # a study the claim names is its own, whatever the sentence it leans on names
        Claim(
            "She also said that Beurmanjer's GHB study was run in Spain.",
            None,
            "t",
            context="In the Haney cannabis study, baclofen did not prevent relapse.",
        ),
        # a description that fits no single study decides nothing
        Claim("A 2022 Japanese multicentre trial of 200 patients found a benefit.", None, "t"),
    ]
    got = {" ".join(c.text.split()[:4]): c for c in Checker(a.store, a.embedder).check(claims)}
    assert got["Among 180 US veterans"].verdict == "contradicted"
    assert got["Among 180 US veterans"].citations[0].source_id == "hauser2017"
    assert got["Baclofen is an effective"].verdict == "contradicted"
    assert got["Baclofen is an effective"].citations[0].source_id == "heinzerling2006"
    assert got["Large trials have proven"].verdict == "contradicted"
    assert got["Large trials have proven"].citations[0].source_id == "kahn2009"
    assert got["In the Dutch GHB"].verdict == "contradicted"
    assert got["In the Dutch GHB"].citations[0].source_id == "beurmanjer2018"
    assert got["An Ontario study of"].verdict == "contradicted"
    assert got["An Ontario study of"].citations[0].source_id == "muanda2019"
    assert got["She also said that"].verdict == "contradicted"
    assert got["She also said that"].citations[0].source_id == "beurmanjer2018"
    assert got["A 2022 Japanese multicentre"].verdict != "contradicted"
    assert got["Pregnancy is not a"].verdict != "contradicted"
    for hedged in ("One small trial suggested", "Baclofen does not reduce"):
        assert got[hedged].verdict != "contradicted"
    for c in got.values():
        if c.verdict != "not-covered":
            assert c.citations and all(x.evidence != "user-document" for x in c.citations)


def test_contradictions_on_the_development_articles(docs_assistant, record_property) -> None:
    tp, fp, fn, wrong = _score(docs_assistant, DEVELOPMENT)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"\ncheck, development articles: precision {precision:.3f}, recall {recall:.3f}")
    record_property("dev_precision", round(precision, 3))
    record_property("dev_recall", round(recall, 3))
    assert precision == 1.0, wrong  # never "contradicted" for a true statement
    # 0.778 on the first nine articles; three new ones (written without reading the checker)
    # brought it to 0.642, and the checks they called for back to 0.753; three more (a forum
    # thread, a pharmacy bulletin, a debate speech) to 0.647, and a half-life fact, clause-level
    # negation and approximate figures ("more than 165,000") to 0.657; general mechanisms
    # (events dated to the wrong year, facts popular writing gets wrong, card lines and table
    # rows as claims, clause-level reading, a study's country and per-dose figures) to 0.931.
    # Four more on thin ground (other drugs, toxicology, a wiki FAQ, a forum thread) brought it
    # to 0.735 (0.289 on those four); typed contrasts (trends, how common, directions, both
    # groups, significance, deaths, effect measures), a study's dose, year and country from its
    # fields, harmless-combination claims and everyday phrasings of facts to 0.959; a fifth
    # (a pharmacist's email, 4/9 before changes) and the checks it called for: 0.955.
    # Three more (a local news story, a shop FAQ, a video transcript; 12/27 before changes) and
    # the general checks they called for (figures in words, the label's side-effect rates, a
    # share as "x of y", a court that "upheld" what it annulled): 18/27, 0.894 in all.
    # Three more (a patient leaflet, a family chat export, a press review; 10/29 before changes,
    # with one false "contradicted") and the general checks they called for (chat messages read
    # one by one, "I thought X?" as the claim X, shares in everyday words and "from A% to B%",
    # ratios that are not shares, a risk set against another's, a study continued by the next
    # sentence of its list item, a pair of shares with one changed, everyday fact phrasings):
    # 23/29, 0.881 in all (held-out 0.481 -> 0.519). Three more (a practice MCQ set, an
    # encyclopedia stub with an infobox, a grant's background section; 16/29 before changes, with
    # three true sentences called false: "only around fifteen per cent", a year read as a head
    # count, "no significant overall effect") and their general fixes (a comma only inside a
    # number, negation with a word between, a category letter is no initial, everyday fact
    # phrasings): 21/29 with precision 1.0, 0.864 in all (held-out 0.556). Three more (a letter
    # to the editor, a formulary decision, an annotated bibliography; 11/30, none false) and a
    # first pass at them (a multiple of a risk, a dose given in words or "a dose of", "no higher
    # than", fact phrasings): 15/30, 0.827 in all. (They also hold four false claims the
    # checker calls "supported": a number in words, a study said to confirm another, a share of
    # deaths called a small minority, a urine result said to halve.) A second pass at the last six
    # articles (59/88 on them before it), with general readings: a bibliography note read with
    # the citation above it, a table row taken for a heading, a size in words with hundreds or
    # given roughly, a percentage change that is no share, an effect said to need a higher dose
    # than the source saw, a time on the ventilator said shorter, an outcome the study found the
    # same in both arms, which outcome an active comparator won, a treatment period, which dose
    # drove a result, a count of deaths, a risk multiple against a hazard ratio, the study a
    # sentence says it confirmed, and fact phrasings (an antidote, a stopping rule, the years of
    # a warning and of a book, a guideline's order of medicines): 81/88 on them, none false;
    # development recall 0.902 (266 of 295).
    # Three more (a poster abstract book, a nursing handover, a quiz-show script; 12/24 before
    # changes, with four true sentences called false) and their general fixes (a group's own
    # doses are no dose limit, "one of 18" is a share, a view the reader is told not to hold is
    # no claim, "off-label" is no mention of the label, an answer line read with its question,
    # a negation read in its own clause, fact phrasings, a number needed to treat, a Cochrane
    # review named by its year): 23/24, none false; development recall 0.909 (290 of 319).
    # Three more (a coroner's inquest summary, a patient's diary, a crossword answer key; 16/30,
    # with three true sentences called false: a claim read across two clauses, a publication year
    # read as a count of deaths, a list of negations read as contraindications) and their general
    # fixes: 16/30, none false; development recall 0.877 (306 of 349). Fact phrasings they
    # called for (a maker, a reimbursement rate, an indication's threshold, a synthesis year, an
    # overdose's blood pressure, a product information's dose, a guideline on kidney failure, a
    # stay in the body in days, another receptor family) and a qualifier read in its own
    # statement: 29/30, none false; development recall 0.914 (319 of 349).
    # General readings for the misses left (tests/test_check_readings.py: one claim per study
    # clause, a multiple of a risk in a claim naming no study, "must never be taken by", a
    # study described with another size, a team standing for its study, trends year on year, a
    # harm the study never saw, the same authors' other study): 0.940 (300 of the older 319), held-out
    # 0.556 -> 0.593. Both together: 0.946 (330 of 349), held-out 0.630, precision 1.000 on
    # both. A floor against regressions just below that; held-out recall tells generality.
    # Three more (ethics committee minutes, a prior-authorisation appeal letter, a translated
    # forum FAQ; 15/30 with four true sentences called false) and the general fixes they called
    # for (a negated finding, an outcome said not to move, a claim reported and corrected or
    # rejected, a guideline set against the US label): 15/30, none false; 0.910 (345 of 379).
    # Fact phrasings they called for (a GABA blocker, "nor does it interact", seizures "not part
    # of withdrawal", the liver said to process the bulk): 18/30; 0.918 (348 of 379)
    # Three more (a Senate Estimates transcript, a gym newsletter, a medicines-information call
    # log; 15/33 with three true sentences called false) and the general fixes they called for
    # (tests/test_check_replies.py: a label said not to list something, a relative
    # contraindication, a reply logged after the claim it rejects, "a third of them" read with
    # the sentence naming them, a clause after a semicolon, fact phrasings): 32/33, none false;
    # 0.922 (380 of 412)
    # General readings for the 32 misses left (tests/test_check_clauses.py: a leading "because"
    # clause read on its own, a month before a year, what "rather than" sets aside, the arms of
    # the trial just named and "that research" leaning on the sentence before, a Cochrane review
    # named by the trials it pooled and said to pool another number, side effects said more
    # often where the study found adverse events alike, a sentence a fact decides read as a
    # claim) and fact phrasings (an overdose's picture and blood pressure, the French cohort's
    # deaths at high doses, the Australian deaths, Baclocur's and the TGA update's dates, a
    # craving gone "once he got to" a dose): 0.973 (401 of 412), none false; held-out 0.667 -> 0.704 (19 of 27),
    # precision 1.000 on both.
    # Twelve more, in four rounds of three written blind by helpers (a fact-check, an insurer's
    # policy, an exam station; a discharge letter, a journal-club thread, a law firm's bulletin;
    # a petition, a video script, a tutorial worksheet; a book chapter, a press release, a
    # student's reflective log), each round measured before the fixes it called for: 17/35 (four
    # true sentences called false), 20/34 (three), 20/35 (two), 14/35 (three); after them 30, 26,
    # 30 and 22, none false (tests/test_check_fact_checks.py). With them the development recall
    # is under the old floor (the newest round is the least worked); held-out unchanged at 0.704.
    # Two more rounds, written blind (round 26 also blind to the fact sheet): an app listing, a
    # wiki talk page, a care-home memo (13/16 before changes, none false; 16/16 after); a
    # harm-reduction zine, a pharmacy-counter transcript, a peer review full of study details
    # (1/18, three true sentences called false; 5/18 after, none false): 529 of 585 (0.904).
    assert recall >= 0.90


def test_contradictions_on_the_held_out_articles(docs_assistant, record_property) -> None:
    """Measured, not tuned on: the figures are printed and kept in the README."""
    held_out = {d["file"] for d in LABELS} - DEVELOPMENT
    tp, fp, fn, wrong = _score(docs_assistant, held_out)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"\ncheck, held-out articles: precision {precision:.3f}, recall {recall:.3f}; {wrong}")
    record_property("held_out_precision", round(precision, 3))
    record_property("held_out_recall", round(recall, 3))
    assert tp > 0 and precision >= 0.8


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_the_outside_article_is_checked(docs_assistant) -> None:
    record = next(
        r for r in docs_assistant.store.catalog()
        if r.user and r.source_file and "seeds" in r.source_file
    )  # fmt: skip
    report = docs_assistant.check(record.id)
    flagged = " ".join(c.text for c in report.claims if c.verdict == "contradicted").lower()
    for needle in (
        "seizures",
        "pregnancy",
        "kidney",
        "liver",
        "40-50%",
        "neuroprotective",
        "several conditions",
    ):
        assert needle in flagged, needle
    for c in report.claims:
        if "gaba-b receptor agonist" in c.text.lower() or "abruptly" in c.text.lower():
            assert c.verdict != "contradicted", c.text


def test_check_command_json(docs_assistant) -> None:
    env_dir = docs_assistant.settings.index_dir
    res = subprocess.run(
        [sys.executable, "-m", "assistant", "check", "--json", "--index-dir", str(env_dir), "wellness_blog"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert set(data) == {"document", "claims"} and data["claims"]
    for c in data["claims"]:
        assert set(c) == {"text", "page", "topic", "verdict", "explanation", "citations"}
        assert c["verdict"] in ("contradicted", "supported", "not-covered")
        if c["verdict"] != "not-covered":
            assert c["citations"] and c["citations"][0]["library"] == "curated"
    missing = subprocess.run(
        [sys.executable, "-m", "assistant", "check", "--index-dir", str(env_dir), "no such document"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert missing.returncode == 1 and "No document" in missing.stderr


@pytest.mark.parametrize(
    ("claim", "sentence", "ok"),
    [
        (
            "A Belgian trial of 151 people found no delay in first relapse.",
            "In the Dutch Beraha 2016 trial (151 patients), baclofen did not delay the first relapse.",
            False,
        ),
        (
            "A Dutch trial of 151 people found no delay in first relapse.",
            "In the Dutch Beraha 2016 trial (151 patients), baclofen did not delay the first relapse.",
            True,
        ),
        (
            "The French dose is still capped at 80 mg a day.",
            "The French authorisation capped the daily dose at 80 mg until 2021, when the cap was lifted.",
            False,
        ),
        (
            "Australia's regulator registered baclofen for alcohol use disorder in 2021.",
            "The 2021 Australian guidelines treat baclofen as a second-line, off-label medicine for alcohol use disorder.",
            False,
        ),
        (
            "The GABA-B receptor had already been cloned and characterised, and baclofen was built to fit it.",
            "Baclofen is an agonist at the GABA-B receptor.",
            False,
        ),
    ],
)  # fmt: skip
def test_supported_needs_a_sentence_that_says_the_same(claim: str, sentence: str, ok: bool) -> None:
    """ "Supported" quotes a curated sentence as saying what the document says: not when the
    sentence names another country, calls lapsed what the claim calls current, calls off-label
    what the claim calls registered, or leaves most of the claim unsaid."""
    assert restates(claim, sentence) is ok


def test_an_active_comparator_said_to_win_is_checked_against_the_study(catalog) -> None:
    """ "topiramate kept more people off alcohol" against a study that favoured baclofen; an
    outcome-specific result decides only for that outcome ("mental" = "psychological")."""
    from assistant.answering.check.studies import comparator_won

    by_id = {r.id: r for r in catalog}
    jose, akh = by_id["jose2019"], by_id["akhondzadeh2000"]
    assert comparator_won("The Indian trial found topiramate kept more people off alcohol.", jose)
    assert comparator_won("Clonidine beat baclofen on the psychological symptoms.", akh)
    assert not comparator_won("Clonidine beat baclofen on the physical symptoms.", akh)
    assert not comparator_won("Baclofen beat topiramate on craving.", jose)
    # "... matched clonidine on one and beat it on the other": baclofen did the beating
    assert not comparator_won(
        "Baclofen matched clonidine on bodily symptoms and beat it on mental ones.", akh
    )


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "Sleepiness was about as common on placebo, just as often as on the active tablets.",
            "Sleepiness was reported by 58% on the active tablets against 21% on placebo.",
            True,
        ),
        (
            "Patients on the drug had roughly the same stroke risk as those on the older drug.",
            "The stroke risk was higher on the drug than on the older drug (HR 1.90).",
            True,
        ),
        (  # figures close together: alike indeed
            "Relapse rates were about the same in both groups.",
            "Relapse rates were 41% in one group and 38% in the other.",
            False,
        ),
        (  # a gap the passage calls not significant is no gap
            "Relapse rates were about the same in both groups.",
            "Relapse rates were 30% versus 18%, not significant.",
            False,
        ),
        (  # two findings side by side: the passage may be about either
            "One trial found no difference in relapse, while another saw fewer relapses.",
            "Relapse rates were 57% versus 36% in that trial.",
            False,
        ),
    ],
)
def test_a_claim_of_no_difference_against_clearly_different_figures(claim, passage, conflict):
    assert (sameness_conflict(claim, passage) is not None) is conflict


def test_facts_read_the_clause_that_states_them() -> None:
    """A negation in another clause ("..., so missing a dose is no big deal") does not undo a
    claim; an approximate figure ("more than 165,000") is not an exact one to contradict; a
    half-life in days or of twenty hours is contradicted, three to seven hours is not."""
    from assistant.answering.check.agreement import quantities
    from assistant.answering.check.checker import load_facts
    from assistant.answering.check.fact_sheet import fact_verdict

    half = next(f for f in load_facts() if f.key == "half_life_hours")
    said = (
        "My doctor said it has a half-life of a couple of days, so missing a dose is no big deal."
    )
    assert fact_verdict(half, said) == "contradicted"
    assert fact_verdict(half, "Its plasma half-life is around 20 hours.") == "contradicted"
    assert fact_verdict(half, "Its half-life is about 3 to 7 hours.") != "contradicted"
    assert fact_verdict(half, "In kidney failure the half-life can reach 20 hours.") is None
    assert fact_verdict(half, "It does not have a half-life of two days.") != "contradicted"
    gaba = next(f for f in load_facts() if f.key == "gaba_b_agonist")
    assert fact_verdict(gaba, "It works by blocking the GABA-B receptor.") == "contradicted"
    assert quantities("more than 165,000 patients", exact=True) == set()
    assert quantities("165,000 patients", exact=True) == {("165000", "people")}


class _Meta:
    def __init__(self, section: str = "") -> None:
        self.page, self.section = None, section


class _Store:
    """The part of an index store that claim extraction reads: one document's chunks (and a
    catalogue, here without curated studies)."""

    def __init__(self, chunks: list[tuple[str, str]]) -> None:
        self.texts = [t for _, t in chunks]
        self.metas = [_Meta(h) for h, _ in chunks]

    def record_positions(self, _doc: str) -> range:
        return range(len(self.texts))

    def catalog(self) -> tuple:
        return ()


def test_card_lines_are_claims_even_when_their_line_breaks_were_lost() -> None:
    """Revision cards read as one line ("A: ... Tip: ...") or with the answer line taken for a
    heading: the answer is a claim of its own, read with the card's question, without the tip."""
    from assistant.answering.check.claims import extract_claims

    store = _Store(
        [
            ("CARD 1", "Q: How is it cleared? A: Mostly in the bile Tip: don't forget the liver!!"),
            ("CARD 2", "Q: Which pregnancy letter did the US label give?"),
            ("A: Letter X, proven harm in pregnancy", "Tip: nobody uses letters now."),
            ("Plans", "Plan A: we met on Monday to talk about the dose of the tablets."),
        ]
    )
    texts = [c.text for c in extract_claims(store, "doc")]
    assert "Mostly in the bile" in texts
    assert "Letter X, proven harm in pregnancy" in texts
    assert not any("Tip" in t for t in texts)
    assert any(t.startswith("Plan A: we met") for t in texts)  # not a card: left whole


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("I will even concede that it showed heavy drinking coming down as well.", True),
        ("We accept that they found fewer relapses.", True),
        ("I admit this cut drinking in the short run.", True),
        ("Those findings were never replicated.", True),
        ("I agree that baclofen is a GABA-B agonist.", False),
    ],
)
def test_a_sentence_conceding_a_point_leans_on_the_one_before(sentence: str, leans: bool) -> None:
    from assistant.answering.check.claims import LEANS

    assert bool(LEANS.search(sentence)) is leans


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        # "weakens" against "adds to", whatever the words between (hyphenated ones too)
        (
            "Baclofen weakens the effect of blood-pressure medicines.",
            "Baclofen can add to the blood-pressure-lowering effect of antihypertensive drugs.",
            True,
        ),
        (
            "It counteracts the sleep-inducing effect of sedatives.",
            "Its sedating effect adds to the sleep-inducing effects of other depressants.",
            True,
        ),
        (
            "Baclofen can strengthen the effect of blood-pressure tablets.",
            "Baclofen can add to the blood-pressure-lowering effect of antihypertensive drugs.",
            False,
        ),
    ],
)
def test_an_effect_said_to_be_blunted_is_compared_with_one_added_to(claim, passage, conflict):
    from assistant.answering.check.agreement import opposite

    assert (opposite(claim, passage) is not None) is conflict


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        # the direction is read outside brackets ("(20 mg or more ...)" is no "more")
        (
            "Patients on the drug used more diazepam than those on placebo.",
            "Needing rescue sedation (10 mg or more of diazepam) was less likely on baclofen than "
            "on placebo.",
            True,
        ),
        (
            "Baclofen patients required more oxazepam than the placebo group.",
            "Fewer baclofen patients (3 of 20, or more than none) needed oxazepam than patients on "
            "placebo.",
            True,
        ),
        (
            "Patients on the drug used less diazepam than those on placebo.",
            "Needing rescue sedation (10 mg or more of diazepam) was less likely on baclofen than "
            "on placebo.",
            False,
        ),
    ],
)
def test_a_direction_against_placebo_is_read_outside_brackets(claim, passage, conflict) -> None:
    assert (difference_conflict(claim, passage) is not None) is conflict


@pytest.mark.parametrize(
    ("claim", "conflict"),
    [
        ("Ozobax is a weak solution of only 2 mg in each mL.", True),
        ("Ozobax holds 3 mg per mL.", True),
        ("Ozobax contains 1 mg in every mL.", False),  # 5 mg per 5 mL
    ],
)
def test_a_strength_per_millilitre_is_compared(claim: str, conflict: bool) -> None:
    passage = "Ozobax is a US baclofen oral solution containing 5 mg per 5 mL."
    assert (figure_conflict(claim, passage) is not None) is conflict


@pytest.mark.parametrize(
    ("claim", "fell"),
    [
        ("The trial showed a big fall in craving.", True),
        ("Drinking dropped on baclofen, and craving came down too.", True),
        ("Fewer cigarettes on baclofen, although craving fell in both groups.", False),
        ("Craving declined similarly on baclofen and placebo.", False),
    ],
)
def test_a_fall_in_craving_is_read_clause_by_clause(claim: str, fell: bool) -> None:
    from assistant.answering.check.studies import _craving_fell

    assert _craving_fell(claim) is fell


@pytest.mark.parametrize(
    ("key", "claim", "verdict"),
    [
        # an event dated to a year or a decade that excludes the curated year
        ("us_first_approval_year", "The FDA first approved baclofen in 1985.", "contradicted"),
        (
            "us_first_approval_year",
            "It reached US pharmacies only when the FDA licensed it in the early 1990s.",
            "contradicted",
        ),
        ("us_first_approval_year", "The FDA approved it for spasticity in 1977.", None),
        ("us_first_approval_year", "America approved it in the late 1970s.", None),
        ("us_first_approval_year", "The FDA approved Ozobax, an oral solution, in 2019.", None),
        (
            "us_first_approval_year",
            "Switzerland approved it in the early 1970s, and the US in 1977.",
            None,
        ),
        (
            "france_rtu_year",
            "France's temporary recommendation for use of baclofen in alcoholism began in 2016.",
            "contradicted",
        ),
        (
            "france_rtu_year",
            "In 2011 the French agency introduced a monitored programme for baclofen in drinkers.",
            "contradicted",
        ),
        ("france_rtu_year", "The French RTU for alcohol dependence dates from March 2014.", None),
        ("france_rtu_year", "The French RTU was renewed in 2017 with a lower cap.", None),
        (
            "intrathecal_boxed_warning_year",
            "A black box warning was added to the intrathecal pump product in 2010.",
            "contradicted",
        ),
        (
            "intrathecal_boxed_warning_year",
            "Since 1998 the pump version has carried a boxed warning about sudden withdrawal.",
            "contradicted",
        ),
        (
            "intrathecal_boxed_warning_year",
            "The intrathecal product has had a boxed warning since April 2002.",
            None,
        ),
        # facts commonly wrong in popular writing
        (
            "receptor_after_approval",
            "Chemists designed baclofen to target the GABA-B receptor, which was already known.",
            "contradicted",
        ),
        (
            "receptor_after_approval",
            "Its receptor had long been identified when the drug was synthesised.",
            "contradicted",
        ),
        (
            "receptor_after_approval",
            "Baclofen was approved before the GABA-B receptor was identified.",
            "supported",
        ),
        ("pregnancy_category", "In pregnancy it was a category X drug in the US.", "contradicted"),
        ("pregnancy_category", "The old US pregnancy category was B.", "contradicted"),
        ("pregnancy_category", "Its pregnancy category is a matter of history.", None),
        (
            "pregnancy_category",
            "It was pregnancy category C under the old US letters.",
            "supported",
        ),
        ("opioid_interaction", "It has no interaction with opioid painkillers.", "contradicted"),
        (
            "opioid_interaction",
            "It is safe to combine baclofen with oxycodone.",
            "contradicted",
        ),
        (
            "opioid_interaction",
            "Taking it with opioids can depress breathing.",
            "supported",
        ),
        (
            "cns_depressant_interaction",
            "Baclofen does not interact with sleeping pills.",
            "contradicted",
        ),
        (
            "cns_depressant_interaction",
            "It's fine to take it alongside benzodiazepines.",
            "contradicted",
        ),
        (
            "cns_depressant_interaction",
            "In alcohol withdrawal trials it was given with lorazepam.",
            None,
        ),
        (
            "uk_not_for_alcohol",
            "The MHRA has licensed baclofen for alcohol dependence.",
            "contradicted",
        ),
        (
            "uk_not_for_alcohol",
            "It was approved for drinking problems in the UK in 2020.",
            "contradicted",
        ),
        ("uk_not_for_alcohol", "The UK has not approved baclofen for alcohol use.", None),
        (
            "abrupt_withdrawal",
            "Withdrawal only really matters for the intrathecal pump.",
            "contradicted",
        ),
        (
            "abrupt_withdrawal",
            "On the tablets you can just stop whenever you like.",
            "contradicted",
        ),
        ("abrupt_withdrawal", "Oral tablets can be stopped, but only gradually.", None),
        (
            "origin_epilepsy",
            "It was originally conceived as a sleeping pill.",
            "contradicted",
        ),
        ("origin_epilepsy", "Baclofen was invented as an anti-anxiety drug.", "contradicted"),
        ("origin_epilepsy", "It was originally designed to treat epilepsy.", "supported"),
        (
            "australia_status",
            "The Australian guideline never mentions baclofen.",
            "contradicted",
        ),
        ("australia_status", "Australia's guidelines are silent on baclofen.", "contradicted"),
        ("australia_status", "The Australian guideline treats it as second-line.", "supported"),
        (
            "france_cap_history",
            "A French court set a cap of 80 mg a day on prescriptions.",
            "contradicted",
        ),
        (
            "france_cap_history",
            "French doctors are currently capped at 120 mg a day.",
            "contradicted",
        ),
        ("france_cap_history", "French doctors may now prescribe up to 300 mg a day.", None),
        (
            "lyvispah_age",
            "Lyvispah granules are licensed from the age of 4.",
            "contradicted",
        ),
        ("lyvispah_age", "Lyvispah is for patients of eight years and older.", "contradicted"),
        ("lyvispah_age", "Lyvispah is approved for patients aged 12 and over.", "supported"),
        (
            "omphalocele_rats_only",
            "Omphaloceles appeared in mice exposed to high doses.",
            "contradicted",
        ),
        (
            "omphalocele_rats_only",
            "High doses caused omphaloceles in rabbit pups.",
            "contradicted",
        ),
        (
            "omphalocele_rats_only",
            "Omphaloceles were seen in rats, but not in rabbits.",
            None,
        ),
        (
            "overdose_fluids",
            "After an overdose, staff should restrict fluids.",
            "contradicted",
        ),
        (
            "overdose_fluids",
            "In baclofen poisoning, more fluid only worsens things.",
            "contradicted",
        ),
        (
            "overdose_fluids",
            "After an overdose, plenty of fluid keeps urine flowing.",
            "supported",
        ),
        (
            "intrathecal_route_only",
            "If the pump fails, the injection can be given intravenously.",
            "contradicted",
        ),
        (
            "intrathecal_route_only",
            "The intrathecal solution may also be injected into a muscle.",
            "contradicted",
        ),
        (
            "intrathecal_route_only",
            "The intrathecal injection must never be given by the epidural route.",
            None,
        ),
        (
            "deaths_other_substances",
            "Most Australian baclofen deaths involved baclofen alone.",
            "contradicted",
        ),
        (
            "deaths_other_substances",
            "In Australia, post-mortem toxicology usually found no other drugs.",
            "contradicted",
        ),
        (
            "deaths_other_substances",
            "In Australian deaths, other drugs were nearly always found with baclofen.",
            None,
        ),
        (
            "kidney_failure_not_safe",
            "It is safe in renal failure if you lower the dose.",
            "contradicted",
        ),
        (
            "kidney_failure_not_safe",
            "People with kidney failure can still safely take it at half dose.",
            "contradicted",
        ),
        (
            "kidney_failure_not_safe",
            "It is not safe for people whose kidneys have failed.",
            None,
        ),
    ],
)
def test_new_facts_decide_phrasings_nobody_wrote_for_them(key: str, claim: str, verdict) -> None:
    """Each fact decides the same error put in other words, and leaves the true statement be."""
    fact = next(f for f in load_facts() if f.key == key)
    assert fact_verdict(fact, claim) == verdict


def test_years_and_decades_are_read_as_spans_and_table_rows_as_claims() -> None:
    from assistant.answering.check.claims import extract_claims
    from assistant.answering.check.fact_sheet import _years_in

    assert [(r.start, r.stop - 1) for r in _years_in("in the late 1980s, then 2012")] == [
        (1986, 1989),
        (2012, 2012),
    ]
    assert [(r.start, r.stop - 1) for r in _years_in("the early 1970s")] == [(1970, 1973)]
    table = (
        "| Product | Note |\n|---|---|\n| Tablets | Stocked on every ward. |\n"
        "| Pump | Its withdrawal warning dates from 2010. |"
    )
    texts = [c.text for c in extract_claims(_Store([("Products", table)]), "doc")]
    assert "Pump: Its withdrawal warning dates from 2010." in texts
    assert not any("Product: Note" in t or "Tablets" in t and "Pump" in t for t in texts)


@pytest.mark.parametrize(
    ("key", "claim", "verdict"),
    [
        # a leading condition's negation ("cannot be placed") does not deny the main clause
        (
            "intrathecal_route_only",
            "When the pump cannot be refilled, the drug may be given intravenously instead.",
            "contradicted",
        ),
        (
            "abrupt_withdrawal",
            "If you don't like the side effects, it can be stopped abruptly at any time.",
            "contradicted",
        ),
        (
            "intrathecal_route_only",
            "If the pump fails, the drug must not be given intravenously.",
            None,
        ),
        # a hyphenated figure between the court and its cap
        (
            "france_cap_history",
            "In France the courts imposed a 120-milligram limit.",
            "contradicted",
        ),
        ("france_cap_history", "A French court annulled the 80-milligram cap.", None),
        # deaths in general, where the claim says most involved baclofen alone
        (
            "deaths_other_substances",
            "Most people who died of baclofen had taken nothing else, with no other drugs found.",
            "contradicted",
        ),
        (
            "deaths_other_substances",
            "Post-mortem toxicology mostly showed only baclofen.",
            "contradicted",
        ),
        ("deaths_other_substances", "A few deaths involved baclofen alone.", None),
    ],
)
def test_facts_read_the_main_clause_after_a_condition(key: str, claim: str, verdict) -> None:
    fact = next(f for f in load_facts() if f.key == key)
    assert fact_verdict(fact, claim) == verdict


def test_an_opposite_is_read_in_the_clause_that_says_it() -> None:
    from assistant.answering.check.agreement import clauses, opposite

    claim = "It weakens the effect of heart tablets, so patients may need a higher dose."
    assert clauses(claim) == [
        "It weakens the effect of heart tablets",
        " patients may need a higher dose.",
    ]
    assert opposite(clauses(claim)[0], "It can add to the pressure-lowering effect of heart drugs.")
    assert clauses("One clause only.") == ["One clause only."]


def test_not_approved_said_with_the_regulators_name_is_still_not_approved() -> None:
    from assistant.answering.check.agreement import clauses, opposite

    sent = "In the United States baclofen is not FDA-approved for alcohol use disorder (FDA)."
    claim = (
        "In the US, baclofen for alcohol is off-label, because it is approved only for spasticity."
    )
    assert opposite(clauses(claim)[0], sent) is None
    assert opposite("It is off-label for drinking.", "It was approved for drinking in 2018.")


@pytest.mark.parametrize(
    ("claim", "key", "wrong"),
    [
        # one dose said to beat another, against the study's figure per dose
        (
            "The lower 30 mg dose cut drinking further than the 60 mg dose.",
            "drinks per day down 53% on 30 mg/day and 68% on 60 mg/day",
            True,
        ),
        (
            "Patients on 75 mg stayed dry on more days than those on 30 mg.",
            "delayed relapse; percent days abstinent 69% on 30 mg and 65% on 75 mg vs 43% on placebo",
            True,
        ),
        (
            "60 mg reduced drinking more than 30 mg did.",
            "drinks per day down 53% on 30 mg/day and 68% on 60 mg/day",
            False,
        ),
        # an outcome where lower is better is not read as a benefit
        (
            "Relapse was higher on 30 mg than on 60 mg.",
            "relapse 40% on 30 mg and 50% on 60 mg",
            False,
        ),
    ],
)
def test_one_dose_said_to_beat_another_is_checked(claim: str, key: str, wrong: bool) -> None:
    from assistant.answering.check.study_readings import dose_better as _dose_better

    assert (_dose_better(claim, key) is not None) is wrong


def test_a_study_described_by_another_country_is_checked(catalog) -> None:
    """A study named by its size and described with another country's adjective; a surname is
    a name only when written as one ("poisonings rose sharply" names no Rose)."""
    from assistant.answering.check.agreement import named_studies

    class _Fake(Checker):
        def __init__(self, catalog) -> None:
            self.catalog = list(catalog)
            self.cited: list[str] = []

        def _sentence_matching(self, record_id, rx):
            return "In this Dutch multicentre double-blind trial"

        def _cite(self, claim, source_id, quote):
            self.cited.append(source_id)

    checker = _Fake([r for r in catalog if not r.user])
    beraha = next(r for r in catalog if r.id == "beraha2016")
    for text, wrong in (
        ("A Spanish trial of 151 people found no benefit.", True),
        ("In one German study of 151 drinkers, relapse was not delayed.", True),
        ("A Dutch trial of 151 people found no benefit.", False),
    ):
        claim = Claim(text, None, "t")
        assert checker._other_country(claim, beraha) is wrong, text
    assert "rosejones2018" not in named_studies("Poisonings rose sharply.", checker.catalog)
    assert "rosejones2018" in named_studies("The Rose and Jones analysis", checker.catalog)


# ------------------------------------------------------------------ directions and statuses
# Each typed contrast with two phrasings written for this test (in no article) and one true
# statement that must not be contradicted.


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("Lithium and baclofen do not interact.", "interaction"),
        ("Tricyclics interact with it, the monograph says.", "interaction"),
        ("The weather was fine that week.", None),
    ],
)
def test_an_interaction_is_a_checkable_topic(sentence: str, topic) -> None:
    assert topic_of(sentence) == topic


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "Calls about baclofen climbed year after year between 2007 and 2012.",
            "The number of baclofen poisonings in Denmark did not increase between 2007 and 2012.",
            True,
        ),
        (
            "Baclofen poisonings in Denmark went up every year over that period.",
            "The number of baclofen poisonings in Denmark did not increase between 2007 and 2012.",
            True,
        ),
        (
            "Self-poisonings at that centre went down from 91 in 2008 to 8 in 2015.",
            "Yearly baclofen self-poisonings at the centre rose from 8 in 2008 to 91 in 2015.",
            True,
        ),
        (
            "Self-poisonings at that centre climbed from 8 in 2008 to 91 in 2015.",
            "Yearly baclofen self-poisonings at the centre rose from 8 in 2008 to 91 in 2015.",
            False,
        ),
        (
            "Danish baclofen poisonings stayed flat between 2007 and 2012.",
            "The number of baclofen poisonings in Denmark did not increase between 2007 and 2012.",
            False,
        ),
    ],
)
def test_a_trend_over_a_period_is_compared(claim: str, passage: str, conflict: bool) -> None:
    assert (trend_conflict(claim, passage) is not None) is conflict


_BP = (
    "High blood pressure was common after baclofen overdose (13 patients), while low blood "
    "pressure occurred in only 1."
)


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        ("Low blood pressure was the usual picture in that series.", _BP, True),
        ("High blood pressure was rare in that series.", _BP, True),
        (
            "Raised blood pressure was common in that series, and low blood pressure rare.",
            _BP,
            False,
        ),
        (
            "Seizures were rare in the series.",
            "Seizures were much more frequent in patients with a depressed level of consciousness.",
            False,
        ),
    ],
)
def test_how_common_a_finding_was_is_compared(claim: str, passage: str, conflict: bool) -> None:
    assert (frequency_conflict(claim, passage) is not None) is conflict


_MOOD = "Baclofen had little effect on mood during marijuana abstinence."
_COGNITION = "Baclofen worsened cognitive performance whether participants were smoking or not."


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        ("In the marijuana lab study baclofen improved memory.", _COGNITION, True),
        ("Volunteers' concentration got better on baclofen.", _COGNITION, True),
        ("Baclofen impaired thinking in the marijuana study.", _COGNITION, False),
        # an outcome the source says baclofen barely touched
        ("Baclofen lifted mood while people went without cannabis.", _MOOD, True),
        ("In that study mood improved on baclofen, though relapse did not fall.", _MOOD, True),
        ("Baclofen improved sleep during abstinence.", _MOOD, False),
        ("It worsened memory and had little effect on mood.", _MOOD, False),
    ],
)
def test_which_way_an_outcome_moved_is_compared(claim: str, passage: str, conflict: bool) -> None:
    assert (effect_direction_conflict(claim, passage) is not None) is conflict


_VENT = (
    "People who deliberately overdosed on baclofen needed mechanical ventilation far more often "
    "than people who overdosed on other drugs (adjusted relative risk 7.9)."
)


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "Baclofen overdoses were less likely to need a ventilator than other overdoses.",
            _VENT,
            True,
        ),
        (
            "Fewer baclofen overdose patients needed ventilation less often than others.",
            _VENT,
            True,
        ),
        (
            "After a baclofen overdose, ventilation was needed more often than after other drugs.",
            _VENT,
            False,
        ),
    ],
)
def test_the_direction_of_a_comparison_is_compared(
    claim: str, passage: str, conflict: bool
) -> None:
    assert (comparison_conflict(claim, passage) is not None) is conflict


_BOTH_GROUPS = (
    "Craving for cigarettes was significantly lower at the end of treatment in smokers on both "
    "baclofen and placebo (p<0.02); the reduction was not specific to baclofen."
)


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        ("Cigarette craving went down only in the baclofen arm.", _BOTH_GROUPS, True),
        ("The drop in craving for cigarettes was specific to baclofen.", _BOTH_GROUPS, True),
        ("Cigarette craving fell on placebo as well as on baclofen.", _BOTH_GROUPS, False),
        ("The fall in craving was not specific to baclofen.", _BOTH_GROUPS, False),
    ],
)
def test_an_effect_seen_in_both_groups_is_not_baclofen_alone(claim, passage, conflict) -> None:
    assert (exclusivity_conflict(claim, passage) is not None) is conflict


_NS = (
    "Opioid craving measured on a visual analogue scale improved on baclofen, but the difference "
    "from placebo was not statistically significant."
)


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        ("Baclofen significantly reduced opioid craving compared with placebo.", _NS, True),
        ("Opioid craving fell clearly more on baclofen than on the dummy pill.", _NS, True),
        ("Opioid craving eased on baclofen, though not significantly.", _NS, False),
        # another outcome of the same sentence's study is not the one called not significant
        ("Retention was significantly higher on baclofen than on placebo.", _NS, False),
    ],
)
def test_a_significant_difference_is_compared(claim: str, passage: str, conflict: bool) -> None:
    assert (significance_conflict(claim, passage) is not None) is conflict


_ALL_WELL = "All 12 patients made a full recovery and left the emergency department."


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        ("One of the Toulouse patients died in intensive care.", _ALL_WELL, True),
        ("The Toulouse series recorded three deaths.", _ALL_WELL, True),
        ("No one died in the Toulouse series.", _ALL_WELL, False),
    ],
)
def test_deaths_in_a_series_whose_patients_recovered(claim, passage, conflict) -> None:
    assert (survival_conflict(claim, passage) is not None) is conflict


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "About one in four of them needed a ventilator.",
            "80 of the 190 (42.6%) needed mechanical ventilation.",
            True,
        ),
        (
            "Fewer than 5% of them needed a ventilator.",
            "80 of the 190 (42.6%) needed mechanical ventilation.",
            True,
        ),
        (
            "Roughly two in five of them needed mechanical ventilation.",
            "80 of the 190 (42.6%) needed mechanical ventilation.",
            False,
        ),
    ],
)
def test_shares_in_words_and_bounds_are_compared(claim: str, passage: str, conflict: bool) -> None:
    assert (share_conflict(claim, passage) is not None) is conflict


@pytest.mark.parametrize(
    ("key_result", "claim", "unchanged"),
    [
        (
            "retention higher on baclofen; opioid-positive urine tests unchanged",
            "urine tests positive for opioids fell",
            True,
        ),
        ("less relapse, lapses unchanged", "it cut lapses", True),
        (
            "retention higher on baclofen; opioid-positive urine tests unchanged",
            "it kept more people in treatment",
            False,
        ),
    ],
)
def test_an_outcome_a_key_result_calls_unchanged(
    key_result: str, claim: str, unchanged: bool
) -> None:
    toks = set(tokenize(claim))
    assert any(o and o <= toks for o in null_outcomes(key_result)) is unchanged


@pytest.mark.parametrize(
    ("claim", "passage", "context", "conflict"),
    [
        (
            "Australian prescribing information puts the usual range at 50 to 150 mg a day.",
            "The Australian baclofen product information describes an optimum daily dose of 30 to 75 mg.",
            "",
            False,  # another kind of range ("usual" / "optimum") is not compared
        ),
        (
            "The Australian optimum dose is 60 to 120 mg a day.",
            "The Australian baclofen product information describes an optimum daily dose of 30 to 75 mg.",
            "",
            True,
        ),
        (
            "It was first licensed there in 1990.",
            "The Ozobax label header gives 1977 as the year baclofen was first approved in the United States.",
            "Baclofen is approved in the US for spasticity.",
            True,
        ),
        (
            "The label caps it at 80 mg a day.",
            "The maximum recommended dose of oral baclofen in the US label is 80 mg per day.",
            "",
            False,
        ),
    ],
)
def test_a_range_a_cap_and_a_place_from_the_sentence_before(claim, passage, context, conflict):
    assert (figure_conflict(claim, passage, context) is not None) is conflict


@pytest.mark.parametrize(
    ("claim", "partner"),
    [
        (
            "Taking lithium with baclofen is a safe combination with no known interaction.",
            "lithium",
        ),
        ("Codeine and baclofen don't interact, so it is fine to take both.", "opioids"),
        ("I'm not sure that mixing wine with baclofen is risk-free.", None),
    ],
)
def test_a_combination_called_harmless_names_its_partner(claim: str, partner) -> None:
    assert denied_partner(claim) == partner


@pytest.mark.parametrize(
    ("key", "claim", "verdict"),
    [
        (
            "overdose_gastric_lavage",
            "Every baclofen overdose should have its stomach pumped.",
            "contradicted",
        ),
        ("overdose_gastric_lavage", "Lavage is always done on arrival.", "contradicted"),
        (
            "overdose_gastric_lavage",
            "Gastric lavage is kept for selected cases soon after a large ingestion.",
            "supported",
        ),
        (
            "tga_overdose_high_doses",
            "The TGA said overdoses are most likely with the modest doses used for spasticity.",
            "contradicted",
        ),
        (
            "tga_overdose_high_doses",
            "Australia's regulator found the risk greatest at the usual label doses.",
            "contradicted",
        ),
        (
            "tga_overdose_high_doses",
            "The TGA said overdose risk is highest at high off-label doses for alcohol.",
            "supported",
        ),
        ("baclocur_authorisation_year", "Baclocur was approved in 2014.", "contradicted"),
        ("baclocur_authorisation_year", "Baclocur got authorised around 2020.", "contradicted"),
        ("baclocur_authorisation_year", "Baclocur was authorised in 2018.", None),
        ("elimination_kidneys", "It's mainly broken down by the liver.", "contradicted"),
        ("elimination_kidneys", "The liver handles most of it.", "contradicted"),
        (
            "elimination_kidneys",
            "Only a small part is metabolised by the liver; the kidneys do the rest.",
            None,
        ),
        ("us_approval", "In the US its label lists alcohol dependence now.", "contradicted"),
        ("us_approval", "The American labels cover opioid addiction too.", "contradicted"),
        (
            "us_approval",
            "In the US the label covers spasticity; use for addiction is off-label.",
            "supported",
        ),
        (
            "australia_status",
            "Australia made baclofen official for drinking problems.",
            "contradicted",
        ),
        (
            "australia_status",
            "In Australia it is officially registered for alcohol problems.",
            "contradicted",
        ),
        (
            "abrupt_withdrawal",
            "Quitting baclofen cold turkey is not really dangerous.",
            "contradicted",
        ),
        ("abrupt_withdrawal", "Stopping it suddenly is never harmful.", "contradicted"),
        (
            "omphalocele_rats_only",
            "Abdominal wall defects were seen in rabbit pups.",
            "contradicted",
        ),
        ("omphalocele_rats_only", "Belly-wall defects turned up in mice.", "contradicted"),
        (
            "omphalocele_rats_only",
            "The belly-wall defects were seen in rats given high doses.",
            "supported",
        ),
        ("origin_epilepsy", "Chemists developed it as a treatment for alcoholism.", "contradicted"),
        ("origin_epilepsy", "It was synthesised as a medicine for addiction.", "contradicted"),
        ("origin_epilepsy", "It was developed with epilepsy in mind.", "supported"),
        (
            "overdose_no_antidote",
            "Luckily doctors have an effective antidote for it.",
            "contradicted",
        ),
        ("overdose_no_antidote", "Medics can quickly reverse a baclofen overdose.", "contradicted"),
        # (a denial is never read as the claim it denies)
        ("overdose_no_antidote", "There is no antidote, so care is supportive.", None),
        ("overdose_no_antidote", "Unlike opioid poisoning, it has no antidote.", None),
        ("us_label_maximum", "The FDA label caps the daily dose at 150 mg.", "contradicted"),
        ("us_label_maximum", "Its label gives a top dose of 100 milligrams a day.", "contradicted"),
        ("us_label_maximum", "The label maximum is 80 mg a day.", "supported"),
        ("us_label_maximum", "The French label cap was 120 mg a day.", None),
        (
            "deaths_other_substances",
            "In most of the Australian deaths baclofen was the only drug found.",
            "contradicted",
        ),
        ("lyvispah_approval_year", "Lyvispah was approved in 2021.", None),
        ("lyvispah_approval_year", "Lyvispah was only approved in 2012.", "contradicted"),
        ("kidney_failure_not_safe", "Baclofen is fine for people on dialysis.", "contradicted"),
    ],
)
def test_facts_decide_everyday_phrasings(key: str, claim: str, verdict) -> None:
    """Facts about baclofen that any writer might get wrong, in words written for this test."""
    fact = next(f for f in load_facts() if f.key == key)
    assert fact_verdict(fact, claim) == verdict


class _StudyFake(Checker):
    """A checker over the catalogue alone: sentences are looked up in a small dict."""

    def __init__(self, catalog, sentences: dict[str, str]) -> None:
        self.catalog = list(catalog)
        self.sentences = sentences
        self.cited: list[str] = []

    def _sentence_matching(self, record_id, rx):
        sent = self.sentences.get(record_id, "")
        return sent if rx.search(sent) else None

    def _record_texts(self, record_id):
        return [self.sentences.get(record_id, "")]

    def _cite(self, claim, source_id, quote):
        self.cited.append(source_id)


@pytest.mark.parametrize(
    ("record_id", "text", "check", "wrong"),
    [
        # the highest dose a study gave, from its structured field
        ("lile2004", "In the Lile study volunteers took up to 60 mg before cocaine.", "dose", True),
        ("lile2004", "Lile's volunteers got as much as 100 mg of baclofen.", "dose", True),
        (
            "lile2004",
            "In the Lile study volunteers took up to 30 mg before cocaine.",
            "dose",
            False,
        ),
        # the country of a study named by its author
        ("zahra2024", "Zahra and colleagues reviewed deaths across Canada.", "country", True),
        ("zahra2024", "Zahra's team counted the deaths in New Zealand.", "country", True),
        ("zahra2024", "Zahra and colleagues counted deaths in Australia.", "country", False),
        # the year of a study named by its author
        ("leung2006", "A 2011 series by Leung described 23 overdoses.", "year", True),
        ("leung2006", "Leung's series, published in 1999, described 23 overdoses.", "year", True),
        ("leung2006", "A 2006 series by Leung described 23 overdoses.", "year", False),
        ("leung2006", "A 2011 review of the Leung series of 23 overdoses.", "year", False),
        # the kind of care a study was run in, from its setting field
        ("rigal2020_bacloville", "Bacloville was run in specialist hospital addiction units.", "setting", True),
        ("rigal2020_bacloville", "Bacloville was run in general practice.", "setting", False),
        ("leung2006", "Leung's series was done in general practices.", "setting", True),
        ("leung2006", "Leung's series was done at a hospital toxicology service.", "setting", False),
    ],
)  # fmt: skip
def test_a_study_said_to_have_another_dose_country_or_year(catalog, record_id, text, check, wrong):
    sentences = {
        "rigal2020_bacloville": "It was run in 62 primary-care centres in France.",
        "lile2004": "Baclofen was given as a single oral dose of 0 (placebo), 10, 20 or 30 mg.",
        "zahra2024": "Zahra and colleagues identified 102 deaths related to baclofen in Australia.",
        "leung2006": "In the Leung 2006 series, 8 of the 23 patients had a Glasgow coma score below 9"
        " on arrival at hospital.",
    }
    checker = _StudyFake([r for r in catalog if not r.user], sentences)
    record = next(r for r in catalog if r.id == record_id)
    claim = Claim(text, None, "t")
    found = {
        "dose": lambda: checker._above_max_dose(claim, record, {"10", "20", "30", "45"}),
        "country": lambda: checker._named_country(claim, record),
        "year": lambda: checker._other_year(claim, record),
        "setting": lambda: checker._other_setting(claim, record),
    }[check]()
    assert found is wrong, text


_HR = (
    "Baclofen at 180 mg/day or more carried an adjusted hazard ratio for death of 2.72 "
    "(95% CI 1.10-6.72) and for hospital admission of 1.60 (1.31-1.95)."
)


@pytest.mark.parametrize(
    ("claim", "conflict"),
    [
        ("At 180 mg a day the hazard ratio for death was roughly 1.1.", True),
        ("Deaths were barely higher at 180 mg/day (hazard ratio 4.5).", True),
        ("At 180 mg/day the hazard ratio for hospital admission was 1.6.", False),
        ("At 30 mg a day the hazard ratio for death was 1.1.", False),  # another dose group
    ],
)
def test_an_effect_measure_is_compared_for_the_same_outcome_and_dose(claim, conflict) -> None:
    assert (ratio_conflict(claim, _HR) is not None) is conflict


def test_a_chat_export_is_read_message_by_message(docs_assistant) -> None:
    """A chat export's messages (their line breaks lost at ingest) are claims one by one, without
    their time and sender; "I thought X?" is the claim X."""
    record = next(
        r for r in docs_assistant.store.catalog() if r.user and "whatsapp" in (r.source_file or "")
    )
    claims = extract_claims(docs_assistant.store, record.id)
    assert claims and not any(re.match(r"\d{1,2}/\d{1,2}, \d", c.text) for c in claims)
    assert not any(re.search(r" \d{1,2}/\d{1,2}, \d{1,2}:\d{2} - ", c.text) for c in claims)
    assert any(c.text.startswith("Baclocur was pulled from the French market") for c in claims)


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("drowsiness only affects about one person in a hundred", (0.008, 0.012)),
        ("only about one patient in ten needed a ventilator", (0.08, 0.12)),
        ("about seventy-one in every hundred went back to drinking", (0.695, 0.725)),
    ],
)
def test_shares_in_everyday_words(text: str, share: tuple[float, float]) -> None:
    assert [tuple(round(x, 3) for x in s) for s in shares_of(text)] == [share]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("the higher starting dose had roughly three and a half times the risk", 0),  # a ratio
        ("baclofen had about half the risk of encephalopathy that tizanidine had", 0),
        ("baclofen probably helps people avoid going back to drinking at all", 0),  # not "all"
        ("it fell from 29.7% to 19.7%", 2),  # a before and an after, not one range
    ],
)
def test_words_that_are_not_one_share(text: str, count: int) -> None:
    assert len(shares_of(text)) == count, shares_of(text)


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "Starting at 20 mg a day or more carried roughly one and a half times the 30-day "
            "encephalopathy risk of a lower starting dose.",
            "A starting dose of 20 mg/day or more carried about 3.5 times the 30-day risk of "
            "hospital admission with encephalopathy of a starting dose below 20 mg/day.",
            True,
        ),
        (
            "Starting at 20 mg a day or more carried roughly three and a half times the 30-day "
            "encephalopathy risk of a lower starting dose.",
            "A starting dose of 20 mg/day or more carried about 3.5 times the 30-day risk of "
            "hospital admission with encephalopathy of a starting dose below 20 mg/day.",
            False,
        ),
        (
            "The 30-day encephalopathy risk was twice that of tizanidine.",
            "Hwang et al. 2023 reported: 30-day encephalopathy risk about twice that of "
            "tizanidine (SHR 2.29).",
            False,
        ),
    ],
)
def test_a_multiple_of_a_risk_is_compared(claim: str, passage: str, conflict: bool) -> None:
    assert (times_conflict(claim, passage) is not None) is conflict


def test_a_risk_said_to_be_no_higher_is_compared_with_a_multiple() -> None:
    claim = "The 30-day risk of encephalopathy with baclofen was no higher than with tizanidine."
    passage = "The 30-day encephalopathy risk was about twice that of tizanidine (SHR 2.29)."
    assert sameness_conflict(claim, passage) is not None
    assert (
        sameness_conflict(claim, "The 30-day encephalopathy risk was similar (SHR 1.05).") is None
    )


# --------------------------------------------------------------------------- readings added for
# the third new set (an annotated bibliography, a letter, a formulary): each rule on sentences
# written for this test, not taken from any article


def test_numbers_said_with_hundreds_and_thousands() -> None:
    from assistant.answering.check.contrasts import digits

    assert digits("a hundred and forty volunteers") == "140 volunteers"
    assert digits("some sixteen hundred adults") == "some 1600 adults"
    assert digits("two thousand three hundred and five people") == "2305 people"
    assert digits("one in a thousand users") == "one in 1000 users"


def test_a_size_in_words_opening_a_sentence() -> None:
    from assistant.answering.check.study_readings import leading_digits

    # only the number a sentence opens on is read as a size
    assert leading_digits("Two hundred and six drinkers were randomised.") == (
        "206 drinkers were randomised."
    )
    assert leading_digits("Seventy-three veterans took part.") == "73 veterans took part."
    assert (
        leading_digits("Three of the nine patients relapsed.") == "3 of the nine patients relapsed."
    )
    assert leading_digits("One patient relapsed.") == "One patient relapsed."


def test_a_change_is_not_a_share_and_everyday_shares_are() -> None:
    assert shares_of("Admissions rose by 150% in five years.") == []
    assert shares_of("a 35% drop in calls") == []
    assert shares_of("Relapses were cut by about 40% on the drug.") == []
    assert shares_of("nearly three quarters of the callers") == [(0.68, 0.82)]
    assert shares_of("about two-thirds of respondents") == [(0.58, 0.75)]
    assert shares_of("only a small minority of the deaths") == [(0.0, 0.2)]
    # a small minority cannot be more than half
    assert share_conflict(
        "Only a small minority of the callers were admitted to hospital.",
        "Of the 212 callers, 61% were admitted to hospital.",
    )


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "Baclofen lowered the rate of missed clinic visits by a third.",
            "The rate of missed clinic visits was the same in both arms.",
            True,
        ),
        (
            "Baclofen did not lower the rate of missed clinic visits.",
            "The rate of missed clinic visits was the same in both arms.",
            False,
        ),
        # the passage speaks of another dose group
        (
            "At 30 mg, baclofen lowered the rate of missed clinic visits.",
            "At 90 mg the rate of missed clinic visits did not differ from placebo.",
            False,
        ),
        # another outcome
        (
            "Baclofen reduced heavy drinking days.",
            "The rate of missed clinic visits was the same in both arms.",
            False,
        ),
    ],
)
def test_a_change_the_study_found_the_same_in_both_arms(
    claim: str, passage: str, conflict: bool
) -> None:
    from assistant.answering.check.study_readings import unchanged_conflict

    assert (unchanged_conflict(claim, passage) is not None) is conflict


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "Those given baclofen left intensive care earlier than controls.",
            "Patients on baclofen stayed longer in the ICU (12 versus 9 days).",
            True,
        ),
        (
            "Baclofen meant more days on mechanical ventilation.",
            "Time on the ventilator was shorter with baclofen, by two days.",
            True,
        ),
        (
            "Baclofen shortened the hospital stay.",
            "The hospital stay was shorter on baclofen.",
            False,
        ),
        (
            "Baclofen did not shorten time on the ventilator.",
            "Patients on baclofen spent longer on mechanical ventilation.",
            False,
        ),
        # another place: the ICU is not the ventilator
        (
            "Baclofen patients came off the ventilator sooner.",
            "Patients on baclofen stayed longer in hospital.",
            False,
        ),
    ],
)
def test_a_time_said_shorter_where_the_study_found_it_longer(
    claim: str, passage: str, conflict: bool
) -> None:
    from assistant.answering.check.study_readings import time_conflict

    assert (time_conflict(claim, passage) is not None) is conflict


def test_the_outcome_an_active_comparator_won() -> None:
    from types import SimpleNamespace

    from assistant.answering.check.study_readings import rival_outcome_conflict

    record = SimpleNamespace(
        comparator="active",
        key_result="equal to diazepam on tremor and better than diazepam on anxiety over 10 days",
    )
    wrong = "Baclofen eased tremor far better than diazepam, though it was no better for anxiety."
    assert rival_outcome_conflict(wrong, record)
    assert rival_outcome_conflict("Baclofen did better than diazepam on anxiety.", record) is None
    both = "Baclofen matched diazepam on tremor and beat it on anxiety."
    assert rival_outcome_conflict(both, record) is None
    placebo = SimpleNamespace(comparator="placebo", key_result=record.key_result)
    assert rival_outcome_conflict(wrong, placebo) is None


def test_a_treatment_period_unlike_the_studys() -> None:
    from types import SimpleNamespace

    from assistant.answering.check.study_readings import other_duration, treatment_weeks

    record = SimpleNamespace(duration_weeks=8, display_name="Smith 2010")
    body = "Patients took baclofen or placebo for 8 weeks."
    assert other_duration("Participants were treated for six months.", record, body)
    assert other_duration("The trial lasted a year.", record, body)
    assert other_duration("Participants were treated for two months.", record, body) is None
    # a period the record also gives (a follow-up) is not wrong
    followed = body + " Drinking was assessed again at 6 months."
    assert other_duration("Participants were treated for six months.", record, followed) is None
    assert treatment_weeks("Patients were seen again six months after treatment ended.") is None


def test_a_multiple_of_a_risk_against_a_hazard_ratio() -> None:
    passage = "At 100 mg/day or more, the hazard ratio for death was 1.9 compared with acamprosate."
    assert times_conflict(
        "At 100 mg a day or more the risk of death was about six times that on acamprosate.",
        passage,
    )
    assert not times_conflict(
        "At 100 mg a day or more the risk of death was about twice that on acamprosate.",
        passage,
    )
    # another dose group
    assert not times_conflict(
        "At 30 mg a day the risk of death was about six times that on acamprosate.", passage
    )


def test_the_study_a_sentence_says_it_confirmed_is_not_its_own() -> None:
    from assistant.answering.check.study_readings import without_compared_study

    said = "A later trial replicated Smith's finding in 300 patients, with fewer relapses."
    assert "Smith" not in without_compared_study(said)
    assert "fewer relapses" in without_compared_study(said)
    plain = "Smith's trial found fewer relapses."
    assert without_compared_study(plain) == plain


class _OneDocument:
    """A store holding one user document, enough for :func:`extract_claims`."""

    def __init__(self, text: str, section: str = "") -> None:
        from types import SimpleNamespace

        self.texts = [text]
        self.metas = [SimpleNamespace(page=None, section=section)]

    def record_positions(self, _id: str) -> list[int]:
        return [0]

    def catalog(self) -> tuple:
        return ()


def test_a_bibliography_note_is_read_with_its_citation() -> None:
    text = (
        "**Nguyen and colleagues (2015).** A pilot trial of baclofen in gamblers.\n\n"
        "Eighty veterans took baclofen 40 mg a day for ten weeks. They relapsed less often.\n\n"
        "Trials in other gambling populations have not been published.\n\n"
        "Okafor et al. (2019) showed that baclofen lowered craving in a small trial.\n\n"
        "Craving fell by a third on placebo as well in the next study.\n"
    )
    claims = {c.text[:12]: c for c in extract_claims(_OneDocument(text), "doc")}
    cited = "**Nguyen and colleagues (2015).** A pilot trial of baclofen in gamblers."
    assert claims["Eighty veter"].context == cited
    assert claims["They relapse"].context.startswith(cited)
    assert claims["Trials in ot"].context == ""  # the note ends with its paragraph
    # a sentence that opens on a citation is no bibliography entry
    assert claims["Craving fell"].context == ""


def test_claims_read_with_a_bibliography_entry_or_in_words(docs_assistant) -> None:
    """End to end, on sentences written for this test: a size in words, a time on the
    ventilator, an outcome found unchanged, a study said to confirm another."""
    a = docs_assistant
    cites = {
        "franklin": "**Franklin and colleagues (2009).** A smoking study.",
        "vourch": "**Vourc'h et al. (2021).** Baclofen in intensive care.",
        "assadi": "**Assadi and colleagues (2003).** Opioid maintenance.",
        "kahn": "**Kahn and colleagues (2009).** A cocaine trial.",
    }
    claims = [
        Claim("Two hundred and forty smokers took baclofen or placebo.", None, "t",
              context=cites["franklin"]),
        Claim("Patients given baclofen needed fewer days on mechanical ventilation.", None, "t",
              context=cites["vourch"]),
        Claim("Baclofen reduced opioid-positive urine samples in that trial.", None, "t",
              context=cites["assadi"]),
        Claim("This bigger trial replicated Shoptaw's finding, with baclofen reducing use.",
              None, "t", context=cites["kahn"]),
        # true: no verdict against them
        Claim("Sixty smokers took baclofen or placebo.", None, "t", context=cites["franklin"]),
        Claim("Patients given baclofen spent longer on mechanical ventilation.", None, "t",
              context=cites["vourch"]),
    ]  # fmt: skip
    got = Checker(a.store, a.embedder).check(claims)
    for c, source in zip(
        got[:4], ("franklin2009", "vourch2021", "assadi2003", "kahn2009"), strict=True
    ):
        assert c.verdict == "contradicted", c.text
        assert c.citations[0].source_id == source, c.text
    for c in got[4:]:
        assert c.verdict != "contradicted", c.text


def test_a_table_row_taken_for_a_heading_is_still_read() -> None:
    """Ingestion can take an infobox row for the heading of the rows after it."""
    store = _OneDocument("| Protein binding | about 90% |", section="| Half-life | 2 to 3 days |")
    texts = [c.text for c in extract_claims(store, "doc")]
    assert "Half-life: 2 to 3 days" in texts
    assert "Protein binding: about 90%" in texts


@pytest.mark.parametrize(
    ("claim", "passage", "conflict"),
    [
        (
            "Drowsiness only sets in above roughly 500 mg.",
            "Drowsiness was reported after as little as 60 mg.",
            True,
        ),
        (
            "Drowsiness does not only set in above 500 mg.",
            "Drowsiness was reported after as little as 60 mg.",
            False,
        ),
        (
            "Drowsiness only sets in above 50 mg.",
            "Drowsiness was reported after as little as 60 mg.",
            False,
        ),
    ],
)
def test_an_effect_said_to_need_a_dose_the_source_saw_it_below(
    claim: str, passage: str, conflict: bool
) -> None:
    assert (threshold_conflict(claim, passage) is not None) is conflict


def test_which_dose_a_result_came_from() -> None:
    from assistant.answering.check.study_readings import dose_better

    key = "relapse fell on baclofen overall (p=0.03), driven by 60 mg/day"
    assert dose_better("The fall in relapse came mostly from the 20 mg/day group.", key)
    assert dose_better("The effect was due to the low 20 mg dose.", key)
    assert dose_better("The fall in relapse came mostly from the 60 mg arm.", key) is None
    assert dose_better("The fall in relapse came mostly from the 20 mg arm.", "no effect") is None


def test_a_dose_someone_reached_above_the_studys_highest() -> None:
    from assistant.answering.check.contrasts import UP_TO_DOSE, digits

    m = UP_TO_DOSE.search(digits("Her cravings stopped when she reached three hundred mg."))
    assert m and next(g for g in m.groups() if g) == "300"
    assert UP_TO_DOSE.search("The patients who stayed worked their way up to 150 mg daily.")
    assert not UP_TO_DOSE.search("Drinking reached a low at 150 mg.")


def test_a_count_of_events_another_than_the_studys() -> None:
    from types import SimpleNamespace

    from assistant.answering.check.study_readings import other_count

    record = SimpleNamespace(
        n=57, population="57 poisonings seen at one centre", display_name="Doe 2020"
    )
    body = "The centre saw 57 poisonings, 9 poisonings of them in children."
    assert other_count("The centre described thirty poisonings.", record, body)
    assert other_count("They saw about 55 poisonings.", record, body) is None  # rounded
    assert other_count("Nine poisonings were in children.", record, body) is None  # a part
    people = SimpleNamespace(n=57, population="57 adults with cirrhosis", display_name="X")
    assert other_count("It counted 30 poisonings.", people, body) is None


def test_a_sentence_about_that_arm_leans_on_the_one_before() -> None:
    text = "Smith's trial gave 60 mg a day to its second arm. Most people in that arm dropped out."
    claims = {c.text[:4]: c for c in extract_claims(_OneDocument(text), "doc")}
    assert claims["Most"].context.startswith("Smith's trial gave 60 mg")


def test_a_study_described_with_a_rounded_size(catalog) -> None:
    from assistant.answering.check.agreement import named_studies

    said = "A French insurance cohort of more than 165,000 people linked high doses to deaths."
    assert named_studies(said, catalog) == ["chaignot2018"]
    # a size the study's cannot round to is another study
    other = "A French insurance cohort of roughly 100,000 people linked high doses to deaths."
    assert named_studies(other, catalog) == []


def test_a_groups_own_doses_are_no_dose_limit(docs_assistant) -> None:
    """What a group of people took ("Forty-one clinic patients took ...", "in our unit") is their
    sample, not a statement of the label's limit nor of a trial the sentence does not name; a
    median or mean maximum describes a group too. A limit said in general, or given to a named
    study, is still compared."""
    from assistant.answering.check.checker import reports_sample

    assert reports_sample("Forty-one clinic patients took baclofen (mean maximum 50 mg a day).")
    assert reports_sample("In our detox unit the highest dose given was 60 mg a day.")
    assert not reports_sample("The maximum dose is 60 mg a day.")
    label = "The maximum recommended dose of oral baclofen in the US label is 80 mg per day."
    assert figure_conflict("Their median maximum dose was 45 mg per day.", label) is None
    assert figure_conflict("The maximum dose is 45 mg per day.", label) is not None
    a = docs_assistant
    claims = [
        Claim("Forty-one clinic patients took baclofen (mean maximum dose 50 mg per day).", None, "t"),
        Claim("Thirty heroin users in our detox unit got baclofen up to a maximum of 60 mg per day.", None, "t"),
        Claim("The maximum dose is 60 mg a day.", None, "t"),
        Claim("Akhondzadeh and colleagues gave opioid users baclofen up to a maximum of 80 mg per day.", None, "t"),
    ]  # fmt: skip
    got = {" ".join(c.text.split()[:2]): c for c in Checker(a.store, a.embedder).check(claims)}
    assert got["Forty-one clinic"].verdict != "contradicted"
    assert got["Thirty heroin"].verdict != "contradicted"
    assert got["The maximum"].verdict == "contradicted"
    assert got["Akhondzadeh and"].verdict == "contradicted"


def test_one_of_a_number_is_a_share() -> None:
    """ "only one of 24 ..., against nine of 20" gives two shares (a claim comparing two is not
    read as the second alone); "one of two large trials" names one of a pair, no share."""
    two = "Only one of 24 patients on baclofen relapsed, against nine of 20 on placebo."
    assert len(shares_of(two)) == 2
    assert shares_of("One of 40 volunteers fainted.") == [pytest.approx((0.01, 0.04))]
    assert shares_of("The Dutch study was one of two small trials of this drug.") == []
    assert shares_of("No one of the 30 patients died.") == []


def test_a_view_the_reader_is_told_not_to_hold_is_no_claim() -> None:
    """ "Never let your patients believe X" reports X to reject it; "don't say that to anyone,
    X" asserts X after the comma."""
    text = (
        "Never let your students believe that pregnancy is a contraindication for baclofen.\n\n"
        "Do **not** accept answers saying liver disease is a label contraindication.\n\n"
        "Please don't say that to anyone, baclofen pumps must never be refilled into a vein.\n\n"
        "Pregnancy is a contraindication for baclofen.\n"
    )
    said = [c.text[:12] for c in extract_claims(_OneDocument(text), "doc")]
    assert said == ["Please don't", "Pregnancy is"]


def test_a_contraindication_attributed_to_a_guideline_is_checked_against_it(
    docs_assistant,
) -> None:
    """ "off-label" is no mention of the label: a guideline's own contraindication, in a
    sentence that calls the use off-label, is the guideline's; naming the US label too makes
    the label decide."""
    a = docs_assistant
    claims = [
        Claim("The Australian guideline treats baclofen as off-label and contraindicated in kidney failure.", None, "t"),
        Claim("The Australian guideline and the US label both say it is contraindicated in kidney failure.", None, "t"),
    ]  # fmt: skip
    got = Checker(a.store, a.embedder).check(claims)
    assert got[0].verdict != "contradicted"
    assert got[1].verdict == "contradicted"


def test_an_answer_line_is_read_with_the_question_it_answers() -> None:
    """A line answering a question, naming nothing of its own ("Our notes say nine trials."),
    is read with the question's paragraph; a quoted line after it is a line of its own; a line
    naming its own subject, an answer option, a guess ending in "?" and a line two paragraphs
    after the answer are not."""
    text = (
        "**ROUND 3. PRESENTER:** In 2019 Okonkwo and colleagues pooled the trials of baclofen "
        "for smoking. How many trials did they pool?\n\n"
        "**CALLER:** I think it was five? B) it was approved in 1977 for spasticity\n\n"
        "**PRESENTER:** Our notes say nine trials. Baclofen was approved in the US in 1977.\n"
        "> NOTE FOR PRESENTER: Those trials were mostly small and short.\n\n"
        "Third paragraph on: nine trials were all placebo-controlled.\n"
    )
    claims = {_SPEAKER_FREE(c.text)[:12]: c for c in extract_claims(_OneDocument(text), "doc")}
    asked = "In 2019 Okonkwo and colleagues pooled"
    assert asked in claims["Our notes sa"].context
    assert asked in claims["NOTE FOR PRE"].context  # (its own line: "Those trials were ...")
    assert "Those trials" not in claims["Our notes sa"].text
    assert claims["Baclofen was"].context == ""
    assert asked not in claims["B) it was ap"].context
    assert asked not in claims["Third paragr"].context


def _SPEAKER_FREE(text: str) -> str:  # noqa: N802
    return re.sub(r"^\*\*[A-Z ]+:\*\*\s*", "", text)


@pytest.mark.parametrize(
    ("key", "claim", "verdict", "context"),
    [
        # how much leaves unchanged, with the liver's share and the urine's swapped
        ("unchanged_share", "Just 10% of the drug passes out unchanged in urine.", "contradicted", ""),
        ("unchanged_share", "Most of it is removed via hepatic metabolism.", "contradicted", ""),
        ("unchanged_share", "About 75% of a dose is excreted unchanged in the urine.", "supported", ""),
        ("unchanged_share", "Only about 15% is metabolised in the liver.", None, ""),
        # below an eGFR of 30: avoid, not a smaller dose
        ("egfr_below_30", "With a GFR under 30 you simply give half the usual dose.", "contradicted", ""),
        ("egfr_below_30", "Below an eGFR of 30 it is best avoided.", "supported", ""),
        ("egfr_below_30", "Reduce the dose at an eGFR of 30 to 60 and avoid it below 30.", "supported", ""),
        # the first suspension came days after the launch
        ("baclocur_suspension_timing", "A court suspended Baclocur three months after its launch.", "contradicted", ""),
        ("baclocur_suspension_timing", "The tribunal suspended Baclocur two days after its launch.", "supported", ""),
        ("tga_coronial_inquiries", "The TGA acted after four coronial inquests into deaths.", "contradicted", ""),
        ("tga_coronial_inquiries", "The TGA acted after two coronial inquiries.", "supported", ""),
        ("deaths_mostly_intentional", "In the Australian series most deaths were accidental.", "contradicted", ""),
        ("deaths_mostly_intentional", "In Australia accidental overdoses were not the majority.", None, ""),
        ("ameisen_craving_dose", "Ameisen's craving disappeared at 90 mg a day.", "contradicted", ""),
        ("ameisen_craving_dose", "His cravings went away at 270 mg.", "supported", "Ameisen"),
        ("ameisen_craving_dose", "Ameisen then stayed on a maintenance dose of 120 mg.", None, ""),
        ("apa_guideline", "Baclofen is in the third tier of medicines there.", "contradicted", "the APA guideline"),
        ("overdose_no_antidote", "Naloxone is the reversal agent of choice.", "contradicted", "baclofen overdose antidote"),
        ("france_cap_history", "In 2018 Baclocur got a maximum daily dose of 150 mg.", "contradicted", ""),
        # a pump that stops, its alarms; charcoal; seizures in an overdose; newborn withdrawal's timing
        ("pump_interruption_urgent", "If the pump stops, the only effect is a day of extra stiffness.", "contradicted", ""),
        ("pump_interruption_urgent", "A pump alarm can wait until the next refill.", "contradicted", ""),
        ("pump_interruption_urgent", "A pump alarm is urgent: ring the clinic at once.", None, ""),
        ("overdose_activated_charcoal", "Charcoal does not bind baclofen, so it is never given.", "contradicted", ""),
        ("overdose_activated_charcoal", "Charcoal is not useful once the patient is comatose.", None, ""),
        ("overdose_seizures_benzodiazepine", "For fits, doctors avoid benzodiazepines.", "contradicted", "overdose"),
        ("overdose_seizures_benzodiazepine", "Seizures are treated with intravenous diazepam.", None, "overdose"),
        ("neonatal_withdrawal", "The baby's withdrawal signs appear only three weeks after birth.", "contradicted", ""),
        ("neonatal_withdrawal", "Newborns can show withdrawal within days of birth.", "supported", ""),
        # kidney disease: the peak, the clearance; the French society's order; tricyclics
        ("vlavonou_peak_similar", "In kidney failure the peak is much higher than normal.", "contradicted", ""),
        ("vlavonou_peak_similar", "With weak kidneys it still leaves the body at the usual rate.", "contradicted", ""),
        ("sfa_baclofen_after_nalmefene", "France's alcohol society put it first, ahead of nalmefene.", "contradicted", ""),
        ("sfa_baclofen_after_nalmefene", "The French alcohol society offers it after nalmefene fails.", None, ""),
        ("tricyclics_strengthen", "Amitriptyline may weaken the effect of baclofen.", "contradicted", ""),
        ("tricyclics_strengthen", "Tricyclics can increase the effect of baclofen.", "supported", ""),
        # trials and series: dropouts, hospital care, side effects and the dose
        ("bahji_fewer_dropouts", "In the 2022 network people on baclofen dropped out more often.", "contradicted", ""),
        ("jamshidi_hospital_care", "Most of the NSW exposures needed no hospital care.", "contradicted", ""),
        ("jamshidi_hospital_care", "In NSW 77% of exposures needed hospital care.", None, ""),
        ("side_effects_dose_related", "Its side effects have nothing to do with the dose.", "contradicted", ""),
        ("side_effects_dose_related", "Side effects are more common at higher doses.", None, ""),
        # art56-58: a review's comparators, a trial's harms, a guideline's grade, a dose-response
        ("cochrane2018_comparators", "The 2018 Cochrane review's 12 trials were all placebo-controlled.", "contradicted", ""),
        ("ponizovsky_no_adverse_events", "In Ponizovsky's trial side effects were very common.", "contradicted", ""),
        ("australia_guideline_grade_c", "The Australian guideline gives baclofen a Grade A rating.", "contradicted", ""),
        ("australia_guideline_grade_c", "The Australian guideline's recommendation is graded C.", None, ""),
        ("krupitsky_as_well_as", "In the 1993 Russian study it worked less well than diazepam.", "contradicted", ""),
        ("addolorato2011_dose_effect", "In Addolorato 2011, 60 mg was no better than 30 mg.", "contradicted", ""),
        ("lactmed_infant_share", "LactMed says a breastfed baby gets a third of the mother's dose.", "contradicted", ""),
        ("pk1985_linear", "The 1985 infusion study found non-linear kinetics.", "contradicted", ""),
        ("young2014_other_cues", "In the fMRI study it also muted responses to sexual cues.", "contradicted", ""),
        ("clonidine_more_hypotension", "Hypotension was more frequent on baclofen than on clonidine.", "contradicted", ""),
        ("overdose_fluids", "After an overdose, fluids are restricted.", "contradicted", ""),
        ("abrupt_withdrawal", "A taper is not needed when you stop it.", "contradicted", ""),
        ("mims_dialysis_dose", "On dialysis the monograph suggests 5 mg three times a day.", "contradicted", ""),
        ("australia_status", "It is registered in Australia for spasm; its use for alcohol is off-label.", "supported", ""),
    ],
)  # fmt: skip
def test_facts_in_the_words_of_new_writers(key: str, claim: str, verdict, context: str) -> None:
    fact = next(f for f in load_facts() if f.key == key)
    assert fact_verdict(fact, claim, context) == verdict


def test_a_fact_is_read_in_its_own_clause_after_an_answer_word() -> None:
    """An answer's "No," is no negation of what follows; a negation in a relative clause ("for
    people who can't take ..."), after a colon that ends a clause of four words or more, or in
    the writer's aside after a dash belongs to that clause; "Not true:" still denies."""
    fact = next(f for f in load_facts() if f.key == "ameisen_craving_dose")
    assert fact_verdict(fact, "No, Ameisen's craving ended at 60 mg a day.") == "contradicted"
    assert fact_verdict(fact, "Ameisen's craving never ended at 60 mg a day.") is None
    apa = next(f for f in load_facts() if f.key == "apa_guideline")
    said = "The APA lists baclofen as second-line, for patients who cannot tolerate the others."
    assert fact_verdict(apa, said) == "contradicted"
    timing = next(f for f in load_facts() if f.key == "baclocur_suspension_timing")
    said = "The launch did not go smoothly for Baclocur: a court suspended it a month after launch."
    assert fact_verdict(timing, said) == "contradicted"
    assert fact_verdict(timing, "Not true: a court suspended it a month after launch.") is None
    cure = next(f for f in load_facts() if f.key == "overdose_no_antidote")
    said = "A colleague said naloxone is a reversal agent for it - I could not confirm that."
    assert fact_verdict(cure, said, "baclofen overdose") == "contradicted"
    assert fact_verdict(cure, "Naloxone is not a reversal agent for it.", "overdose") is None


def test_a_number_needed_to_treat_is_compared() -> None:
    """A number needed to treat, in digits or words, against the study's; a writer's rounding
    (7 for 8) and a count of trials are no conflict."""
    from assistant.answering.check.contrasts import nnt_conflict

    passage = "Relapse fell on the drug (odds ratio 1.9, number needed to treat 11)."
    assert nnt_conflict("The NNT was only four.", passage)
    assert nnt_conflict("Its number needed to treat of 30 is poor.", passage)
    assert nnt_conflict("The number needed to treat was about 10.", passage) is None
    assert nnt_conflict("The number needed to treat came from 4 trials.", passage) is None
    assert nnt_conflict("The NNT was four.", "Relapse fell on the drug.") is None


def test_a_cochrane_review_named_by_its_year(catalog) -> None:
    """ "Cochrane 2023 (17 trials, ...)" names the Cochrane review of that year, even with its
    trials counted; a sentence about many studies that mentions the review does not."""
    from assistant.answering.check.agreement import named_studies

    said = "Cochrane 2023 (12 trials, 900 people): relapse was lower on baclofen."
    assert named_studies(said, catalog) == ["agabio2023_cochrane"]
    many = "Few studies compared the two; Cochrane 2023 says the comparisons were small."
    assert named_studies(many, catalog) == []
    assert named_studies("Cochrane 2005 (12 trials): relapse fell.", catalog) == []


def test_a_claim_naming_a_study_is_not_supported_by_another_studys_sentence(
    docs_assistant,
) -> None:
    """A sentence of one study restated as another's finding is not "supported" by it: the claim
    is about the study it names (an overdose series' coma threshold is not an ICU trial's); the
    same sentence unattributed, or attributed to its own study, still is."""
    a = docs_assistant
    claims = [
        Claim("In the BACLOREA trial, coma, delirium and seizures were seen only in patients who had swallowed 200 mg of baclofen or more.", None, "t"),
        Claim("In Leung 2006, coma, delirium and seizures were seen only in patients who had swallowed 200 mg of baclofen or more.", None, "t"),
    ]  # fmt: skip
    got = Checker(a.store, a.embedder).check(claims)
    assert got[0].verdict != "supported", got[0]
    assert got[1].verdict == "supported", got[1]


def test_a_short_aside_does_not_cut_a_claim_off_from_the_study_before() -> None:
    """'Same review: ...' after 'Not a miracle. But not nothing either!' leans on the review named
    before the asides, not on the asides."""
    text = (
        "The 2023 Cochrane review pooled 17 trials. Not a miracle. But not nothing either! "
        "Same review: people on baclofen had more side effects than on placebo."
    )
    claims = {c.text[:4]: c for c in extract_claims(_OneDocument(text), "doc")}
    assert claims["Same"].context.startswith("The 2023 Cochrane review"), claims["Same"]


def test_an_upper_case_heading_line_is_not_part_of_the_first_sentence() -> None:
    from assistant.answering.check.lines import heading_lines

    text = "DRUG INTERACTIONS:\nTricyclic antidepressants may weaken the effect of baclofen."
    assert heading_lines(text) == [
        "DRUG INTERACTIONS:",
        "Tricyclic antidepressants may weaken the effect of baclofen.",
    ]
    # a label in running text, or a heading and its sentence on one line, stay as they are
    assert heading_lines("Note: take it with food.") == ["Note: take it with food."]
    assert heading_lines("OVERDOSE: call 911.") == ["OVERDOSE: call 911."]


def test_lettered_items_are_lines_of_their_own() -> None:
    from assistant.answering.check.lines import item_lines

    text = "Rationale. (a) Kidneys: it is cleared by them. (b) Epilepsy: it may worsen it."
    assert item_lines(text) == [
        "Rationale.",
        "Kidneys: it is cleared by them.",
        "Epilepsy: it may worsen it.",
    ]
    assert item_lines("Steps:\n1. Call 911.\n2. Stay with them.") == [
        "Steps:",
        "Call 911.",
        "Stay with them.",
    ]
    assert item_lines("It was 2.5 mg (a) dose.") == ["It was 2.5 mg (a) dose."]


def test_a_null_result_said_in_other_words_is_not_read_as_a_benefit() -> None:
    from assistant.answering.check.agreement import NEGATIVE_RESULT, POSITIVE

    assert not POSITIVE.search("Fourteen double-blind trials with 1,522 patients")
    assert not POSITIVE.search("opioid-positive urine tests were unchanged")
    assert NEGATIVE_RESULT.search("No reduction in urine-confirmed cocaine use")
    assert NEGATIVE_RESULT.search("No significant main effect of 60 mg/day")
    assert POSITIVE.search("baclofen doubled abstinence")


def test_a_dose_several_times_a_day_is_not_the_same_dose_per_day() -> None:
    from assistant.answering.check.claims import restates

    said = "For dialysis the monograph suggests 5 mg per day."
    assert not restates("For dialysis it suggests 5 mg three times a day.", said)
    assert restates("For dialysis the monograph suggests 5 mg per day.", said)
