"""Lists of studies: "which trials were negative?", "which high-dose trials worked?", "which
meta-analyses are there, and do they agree?". Every study in the list is named in the bottom
line, then given one line with its key figures and a row in the evidence table.
"""

from __future__ import annotations

import re

from assistant.answering.compose import (
    Citations,
    Composition,
    Evidence,
)
from assistant.answering.synthesis import (
    CRAVING_CLAIM,
    cite_study,
    count,
    describe,
    join,
    placebo_trials,
    pooled_studies,
    result_quote,
    study_name,
    substance_phrase,
    table_row,
    with_details,
)
from assistant.library.records import RecordInfo
from assistant.vocab import ROUTE_SYNTHESIS

# --------------------------------------------------------------------------- which trials


def which_trials(ev: Evidence) -> Composition | None:
    """ "Which placebo-controlled trials in alcohol were negative?": every such trial, named in
    the bottom line, then one line each with its key figures. "Which meta-analyses ..." lists the
    pooled analyses instead; a dose in the question ("30 mg a day") or "high-dose" narrows the
    trials to those doses."""
    plan, store = ev.plan, ev.store
    substance = plan.substance
    q = plan.english or plan.question
    withdrawal = "withdrawal_treatment" in plan.aspects
    if _POOLED_Q.search(q):
        return _which_pooled(ev, pooled_studies(store.catalog(), substance, withdrawal))
    trials = placebo_trials(store.catalog(), substance, withdrawal)
    dose = re.search(r"\b(\d{2,3}) ?(?:mg|milligrams?)\b", q)
    if dose:
        trials = [r for r in trials if r.max_dose_mg == float(dose.group(1))]
    elif "dose" in plan.aspects and re.search(r"\bhigh.?doses?\b", q, re.I):
        trials = [r for r in trials if (r.max_dose_mg or 0) >= 90]
    if not trials:
        return None
    neg, pos = "negative" in plan.aspects, "positive" in plan.aspects
    craving = "craving" in plan.aspects
    outcome = "on their primary outcome"
    if craving:  # the trials that measured craving, by their craving result
        trials = [r for r in trials if r.craving_result]
        outcome = "on craving"
        pos = pos or bool(re.search(r"\b(?:lower|less|reduc\w*|fell|decreas\w*)\b", q, re.I))

    def res(r: RecordInfo) -> str | None:
        return r.craving_result if craving else r.result

    if neg and not pos:
        wanted, what = ["no-benefit"], f"found no benefit {outcome}"
    elif pos and not neg:
        wanted, what = ["benefit"], f"found a benefit {outcome}"
    else:
        wanted, what = ["benefit", "no-benefit", "mixed"], ""
    chosen = [r for r in trials if res(r) in wanted]
    topic = substance_phrase(substance) if substance else "addiction"
    kind = "high-dose " if "dose" in plan.aspects and not dose else ""
    at = f" at {dose.group(1)} mg/day" if dose else ""
    cites = Citations()
    if not chosen:
        return Composition(
            f"None: of the {count(len(trials))} placebo-controlled {kind}trials of baclofen for "
            f"{topic}{at}, none {what}.",
            False, [], ROUTE_SYNTHESIS,
        )  # fmt: skip
    marks: dict[str, int] = {}

    def mark(r: RecordInfo) -> int:  # numbered in the order the answer names them
        if r.id not in marks:
            marks[r.id] = cite_study(cites, store, r, claim="craving" if craving else None)
        return marks[r.id]

    def names(rs: list[RecordInfo]) -> str:
        return join([f"{study_name(r)} [{mark(r)}]" for r in rs])

    total = len(chosen)
    trial_s = f"trial{'s' if total > 1 else ''}"
    if what:
        first = (
            f"{count(total).capitalize()} placebo-controlled {kind}{trial_s} of baclofen for "
            f"{topic}{at} {what}: {names(chosen)}."
        )
    else:
        groups = [
            (label, [r for r in chosen if res(r) == key])
            for key, label in (("benefit", "found a benefit"), ("no-benefit", "found none"),
                               ("mixed", "had mixed results"))
        ]  # fmt: skip
        parts = [f"{names(rs)} {label}" for label, rs in groups if rs]
        first = (
            f"{count(total).capitalize()} placebo-controlled {kind}{trial_s} of baclofen for "
            f"{topic}{at}: " + "; ".join(parts) + "."
        )
    lines = [first]
    table = []
    for r in sorted(chosen, key=mark):
        n = mark(r)
        said = r.key_result
        if craving:  # the trial's own sentence about craving
            found = result_quote(store, r, CRAVING_CLAIM)
            said = found[1].rstrip(".") if found else said
        lines.append(f"- {with_details(study_name(r), describe(r))}: {said} [{n}]")
        table.append(table_row(r, n))
    return Composition("\n".join(lines), False, cites.items, ROUTE_SYNTHESIS, table)


_POOLED_Q = re.compile(r"\bmeta.?analys[ie]s\b|\bsystematic reviews\b|\breviews\b", re.I)


def _which_pooled(ev: Evidence, pooled: list[RecordInfo]) -> Composition | None:
    """The pooled analyses (meta-analyses, systematic reviews) and whether they agree."""
    if not pooled:
        return None
    store = ev.store
    cites = Citations()
    by = {k: [r for r in pooled if r.result == k] for k in ("benefit", "no-benefit", "mixed")}
    order = [*by["benefit"], *by["mixed"], *by["no-benefit"]]
    marks = {r.id: cite_study(cites, store, r) for r in order}
    verdict = "They agree" if sum(bool(v) for v in by.values()) == 1 else "They disagree"
    parts = [
        f"{count(len(rs))} found {label} ({join([f'{study_name(r)} [{marks[r.id]}]' for r in rs])})"
        for key, label in (
            ("benefit", "a benefit"),
            ("mixed", "mixed results"),
            ("no-benefit", "no benefit"),
        )
        if (rs := by[key])
    ]
    topic = substance_phrase(ev.plan.substance) if ev.plan.substance else "addiction"
    lines = [
        f"{verdict}: of {count(len(pooled))} pooled analyses of baclofen for {topic}, "
        + ", ".join(parts)
        + "."
    ]
    table = []
    for r in order:
        lines.append(
            f"- {with_details(study_name(r), describe(r))}: {r.key_result} [{marks[r.id]}]"
        )
        table.append(table_row(r, marks[r.id]))
    return Composition("\n".join(lines), False, cites.items, ROUTE_SYNTHESIS, table)
