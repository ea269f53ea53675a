"""`assistant check`: facts of corpus/facts.yaml decide phrasings nobody wrote them for.

Sentences written for these tests (not from any article): each false one says a checkable fact
another way, and each true or qualified one next to it must not be called false.
"""

from __future__ import annotations

import pytest

from assistant.answering.check.fact_sheet import fact_verdict, load_facts


@pytest.mark.parametrize(
    ("key", "claim", "verdict"),
    [
        # a blocker of the GABA receptor, "nor does it interact", a symptom said to be no part
        # of withdrawal, the liver said to process the bulk (each beside a true phrasing)
        ("gaba_b_agonist", "Chemically it is an inhibitor of the GABA-A receptor.", "contradicted"),
        ("gaba_b_agonist", "It is not a blocker of the GABA-B receptor but an agonist.", None),
        (
            "alcohol_sedation",
            "Neither does it boost the sedation from alcohol, the leaflet claims.",
            "contradicted",
        ),
        (
            "abrupt_withdrawal",
            "Fits are not a feature of withdrawal when the tablets are stopped suddenly.",
            "contradicted",
        ),
        (
            "abrupt_withdrawal",
            "Seizures are not part of withdrawal when the dose is tapered slowly.",
            None,
        ),
        (
            "elimination_kidneys",
            "In most patients the liver processes the bulk of each tablet.",
            "contradicted",
        ),
        ("elimination_kidneys", "The liver processes only a small part of it.", None),
        # elimination: "entirely" is no small part, and a qualifier in a clause of its own
        # ("..., so it made little difference") does not qualify the claim
        (
            "elimination_kidneys",
            "Baclofen is completely broken down by the liver, so a kidney problem changes little.",
            "contradicted",
        ),
        (
            "elimination_kidneys",
            "Only a little baclofen is broken down by the liver.",
            None,
        ),
        # a half-life said as the time it stays in the body
        (
            "half_life_hours",
            "The drug remains in your system for several days after the last tablet.",
            "contradicted",
        ),
        ("half_life_hours", "It stays in the body for a few hours only.", None),
        # stopping said to carry no risk
        (
            "abrupt_withdrawal",
            "Quitting abruptly, the nurse said, poses no real risk at all.",
            "contradicted",
        ),
        (
            "abrupt_withdrawal",
            "Stopping suddenly carries a risk of seizures and hallucinations.",
            "supported",
        ),
        # another receptor family
        (
            "gaba_b_agonist",
            "As far as I know it acts on the dopamine receptors of the reward system.",
            "contradicted",
        ),
        (
            "gaba_b_agonist",
            "Naltrexone blocks opioid receptors; baclofen acts on GABA-B.",
            "supported",
        ),
        # a scheme's name closed by a bracket before its date
        (
            "france_rtu_year",
            "France's temporary scheme (the RTU) started in 2016.",
            "contradicted",
        ),
        ("france_rtu_year", "The French RTU) was set up in 2014.", None),
        # the label's starting dose, with the people it starts
        (
            "us_label_start",
            "The US label starts patients at 15 mg three times a day.",
            "contradicted",
        ),
        ("us_label_start", "The label starts adults at 5 mg three times a day.", "supported"),
        # a French product's maker, reimbursement and indication
        ("baclocur_maker", "Baclocur is manufactured by Novartis.", "contradicted"),
        ("baclocur_maker", "Baclocur is made by Ethypharm in France.", "supported"),
        ("baclocur_maker", "Baclocur is made by the same firm as its generics.", None),
        ("baclocur_reimbursement", "Baclocur is reimbursed at 30% by the insurer.", "contradicted"),
        ("baclocur_reimbursement", "Baclocur is reimbursed at 15%.", "supported"),
        (
            "baclocur_high_risk",
            "Baclocur is for men who drink over 50 g a day.",
            "contradicted",
        ),
        (
            "baclocur_high_risk",
            "Baclocur is meant for men drinking more than 60 g a day.",
            "supported",
        ),
        # the year of the synthesis
        ("synthesis_year", "Baclofen was synthesised in a Swiss lab in 1958.", "contradicted"),
        ("synthesis_year", "Baclofen was synthesised in the 1960s at Ciba.", None),
        ("synthesis_year", "GABA itself was invented in 1950.", None),
        # blood pressure in overdose
        (
            "overdose_blood_pressure",
            "After an overdose, hypotension is the typical finding.",
            "contradicted",
        ),
        (
            "overdose_blood_pressure",
            "After an overdose, hypertension was seldom seen in the series.",
            "contradicted",
        ),
        ("overdose_blood_pressure", "High blood pressure is common after an overdose.", None),
        # the Australian product information's dose
        (
            "australia_pi_dose",
            "The Australian product information gives a maximum dose of 150 mg a day.",
            "contradicted",
        ),
        (
            "australia_pi_dose",
            "The Australian product information gives an optimum dose of 30 to 75 mg a day.",
            "supported",
        ),
        # the Australian guideline on kidney failure
        (
            "australia_guideline_kidney_failure",
            "The alcohol guideline sets no limit on using baclofen in renal failure.",
            "contradicted",
        ),
        (
            "australia_guideline_kidney_failure",
            "The US label sets no limit on baclofen in kidney disease, unlike the guideline.",
            None,
        ),
        # a label limit stated in a clause about the label, a rule with its condition first, a
        # new ceiling said beside the cap's lifting, a dialysis dose, a "only be prescribed by"
        (
            "us_label_maximum",
            "We start at 5 mg, well inside the FDA label, which permits up to 150 mg a day.",
            "contradicted",
        ),
        ("us_label_maximum", "We start at 5 mg, well inside the US label's 80 mg a day.", None),
        (
            "baclocur_stop_without_benefit",
            "If Baclocur has shown no benefit within six months, HAS says to stop it.",
            "contradicted",
        ),
        (
            "france_cap_history",
            "The French limit was scrapped in 2021, though doctors must not exceed 250 mg a day.",
            "contradicted",
        ),
        (
            "mims_dialysis_dose",
            "For people on haemodialysis the usual 40 mg daily is given.",
            "contradicted",
        ),
        (
            "mims_dialysis_dose",
            "The monograph suggests 5 mg a day for people on dialysis.",
            "supported",
        ),
        (
            "france_prescribers",
            "Under the authorisation, Baclocur may only be prescribed by psychiatrists.",
            "contradicted",
        ),
        # withdrawal said never to kill, missed doses said riskless, a breastfed baby said to be
        # spared withdrawal
        (
            "abrupt_withdrawal",
            "Baclofen withdrawal is unpleasant, yet it has never proved fatal.",
            "contradicted",
        ),
        (
            "abrupt_withdrawal",
            "Skipping two doses carries no real risk for most patients.",
            "contradicted",
        ),
        (
            "breastfed_infant_withdrawal",
            "A breastfed infant will never get withdrawal when the mother stops the tablets.",
            "contradicted",
        ),
        # another spinal level, an intrathecal product given into a vein, the labels' commonest
        # reaction, the RTU's end put in another year, an opioid said to need no precautions
        (
            "intrathecal_withdrawal_t6",
            "Patients with a spinal cord injury at T12 or below carry the highest withdrawal risk.",
            "contradicted",
        ),
        (
            "intrathecal_route_only",
            "In an emergency, intrathecal solutions can be infused intravenously instead.",
            "contradicted",
        ),
        (
            "most_frequent_reaction",
            "According to the label, the most common side effect is dizziness.",
            "contradicted",
        ),
        (
            "most_frequent_reaction",
            "The label says the most frequent reaction is drowsiness, then dizziness.",
            "supported",
        ),
        (
            "france_rtu_end_year",
            "The temporary recommendation for use was scrapped in 2017 because it did not work.",
            "contradicted",
        ),
        (
            "opioid_interaction",
            "Giving baclofen with morphine requires no specific monitoring.",
            "contradicted",
        ),
        # a small share said to leave in the urine, the overdose itself reversed, an
        # authorisation year after an aside, a lower dose below the avoid threshold, the two
        # liquids' strengths swapped, "designed from the start" as a muscle relaxant
        ("urine_share_large", "Only about ten percent comes out in the urine.", "contradicted"),
        ("urine_share_large", "Roughly 75% leaves through the kidneys unchanged.", "supported"),
        ("urine_share_large", "Only about 15% is broken down by the liver.", None),
        (
            "overdose_no_antidote",
            "Luckily naloxone reverses a baclofen overdose within minutes.",
            "contradicted",
        ),
        ("overdose_no_antidote", "Nothing reverses a baclofen overdose.", "supported"),
        (
            "baclocur_authorisation_year",
            "Baclocur, sold by Ethypharm, and it was approved for drinking in 2016.",
            "contradicted",
        ),
        (
            "egfr_below_30",
            "If the eGFR is under 30, guidance says halve the dose.",
            "contradicted",
        ),
        (
            "egfr_below_30",
            "If the eGFR is under 30, avoid it; between 30 and 60, halve the dose.",
            None,
        ),
        (
            "fleqsuvy_five_times_ozobax",
            "Ozobax is five times stronger than Fleqsuvy, millilitre for millilitre.",
            "contradicted",
        ),
        (
            "origin_epilepsy",
            "It was developed from the outset as a muscle relaxant.",
            "contradicted",
        ),
        (
            "origin_epilepsy",
            "It was designed for epilepsy and is now used as a muscle relaxant.",
            "supported",
        ),
        (
            "france_alcohol_authorisation_year",
            "France approved baclofen for alcoholism in 2014 with no maximum dose.",
            "contradicted",
        ),
        (
            "france_alcohol_authorisation_year",
            "France allowed baclofen for alcohol in 2014 under a temporary recommendation.",
            None,
        ),
        # dialysis said to do nothing, "a drink or two is fine", a stroke-era origin, a UK licence
        # "granted", a French cap said to hold still, a French approval dated by its year, a
        # guideline "ranking it first-line", high doses said to lower deaths, seizures "protected
        # against" (each beside a true phrasing)
        (
            "haemodialysis_clears",
            "Dialysis would do little to remove the drug, sadly.",
            "contradicted",
        ),
        ("haemodialysis_clears", "Haemodialysis helps clear it in kidney failure.", None),
        (
            "alcohol_sedation",
            "The odd glass or two with dinner is perfectly fine on these tablets.",
            "contradicted",
        ),
        ("alcohol_sedation", "Alcohol adds to the drowsiness baclofen causes.", "supported"),
        (
            "origin_epilepsy",
            "Chemists first made it as a treatment for stroke patients.",
            "contradicted",
        ),
        (
            "uk_not_for_alcohol",
            "In Britain the MHRA gave it a drinking licence years ago.",
            "contradicted",
        ),
        ("uk_not_for_alcohol", "The MHRA has never licensed baclofen for drinking.", None),
        (
            "france_cap_history",
            "The French regulator still limits the prescription to 80 mg a day.",
            "contradicted",
        ),
        (
            "france_alcohol_authorisation_year",
            "France's authorisation dates back to 2012 for alcohol.",
            "contradicted",
        ),
        (
            "france_alcohol_authorisation_year",
            "The French approval for muscle spasms dates back to the 1970s.",
            None,
        ),
        (
            "australia_guideline_second_line",
            "The 2021 Australian guideline rates it first-line for drinkers.",
            "contradicted",
        ),
        (
            "cohort_high_dose_deaths",
            "In the French cohort, doses over 200 mg came with fewer deaths than the usual drugs.",
            "contradicted",
        ),
        (
            "epilepsy_seizure_control",
            "It even keeps fits away, so people with epilepsy do better on it.",
            None,
        ),
        (
            "epilepsy_seizure_control",
            "Baclofen prevents seizures in people with epilepsy.",
            "contradicted",
        ),
        ("epilepsy_seizure_control", "It may worsen seizure control in epilepsy.", "supported"),
        (
            "epilepsy_seizure_control",
            "Seizures during an overdose are treated with a benzodiazepine.",
            None,
        ),
    ],
)
def test_facts_decide_more_everyday_phrasings(key: str, claim: str, verdict) -> None:
    fact = next(f for f in load_facts() if f.key == key)
    assert fact_verdict(fact, claim) == verdict, claim


@pytest.mark.parametrize(
    ("key", "claim", "verdict"),
    [
        # a threshold for harm far above the lowest toxic dose, beside the true one
        ("toxicity_low_doses", "Serious toxicity is only seen above 1,500 mg.", "contradicted"),
        ("toxicity_low_doses", "Toxicity has been seen at doses as low as 150 mg.", None),
        # the same risk as another muscle relaxant, beside the doubled one
        (
            "encephalopathy_vs_tizanidine",
            "Confusion was no more of a risk than on tizanidine, the study found.",
            "contradicted",
        ),
        (
            "encephalopathy_vs_tizanidine",
            "Older users had twice the risk of confusion of those on tizanidine.",
            "supported",
        ),
        # "no country has approved it for alcohol", beside "the US has not"
        (
            "some_authorisation_for_alcohol",
            "Not a single country has ever approved baclofen for alcohol dependence.",
            "contradicted",
        ),
        ("some_authorisation_for_alcohol", "The FDA has not approved it for alcohol.", None),
        # liver harm said of the cirrhosis trial, beside its safety finding
        (
            "cirrhosis_trial_liver_safety",
            "In the cirrhosis trial, doctors recorded hepatic side effects on baclofen.",
            "contradicted",
        ),
        (
            "cirrhosis_trial_liver_safety",
            "The cirrhosis trial saw no liver side effects on baclofen.",
            None,
        ),
        # a label start written "twice a day", weekly steps; milk that "builds up"; a pump-only
        # withdrawal; sedatives "not added to"
        ("us_label_start", "The label starts at 10 mg twice a day.", "contradicted"),
        ("us_label_start", "The label says to start at 5 mg three times a day.", "supported"),
        (
            "breast_milk",
            "Baclofen builds up in breast milk to levels that can sedate a baby.",
            "contradicted",
        ),
        (
            "abrupt_withdrawal",
            "Withdrawal is really only a risk with the intrathecal pump.",
            "contradicted",
        ),
        (
            "cns_depressant_interaction",
            "It does not add to the effect of sedatives.",
            "contradicted",
        ),
        ("cns_depressant_interaction", "It adds to the effect of sleeping pills.", None),
    ],
)
def test_facts_decide_phrasings_of_a_form_a_glossary_and_a_guidance_page(
    key: str, claim: str, verdict
) -> None:
    fact = next(f for f in load_facts() if f.key == key)
    assert fact_verdict(fact, claim) == verdict, claim
