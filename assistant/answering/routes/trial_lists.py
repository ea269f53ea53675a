"""Lists of studies: "which trials were negative?", "which high-dose trials worked?", "which
meta-analyses are there, and do they agree?". Every study in the list is named in the bottom
line, then given one line with its key figures and a row in the evidence table.
"""

from __future__ import annotations

import re

from assistant.answering.compose.extractive import (
    QUESTION_WORDS,
    Citations,
    Composition,
    Evidence,
)
from assistant.answering.compose.sentence_kinds import LEANING, asks_usual_care
from assistant.answering.question.entities import SUBSTANCE_RX, find_countries, find_substances
from assistant.answering.routes.synthesis import (
    CRAVING_CLAIM,
    RESULT_PHRASE,
    cite_study,
    count,
    describe,
    dose_phrase,
    join,
    placebo_trials,
    pooled_studies,
    result_quote,
    study_name,
    substance_phrase,
    table_row,
    with_details,
)
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import ADDICTIONS, EVIDENCE_RANK, ROUTE_SYNTHESIS

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
    besides = _OTHER_THAN.search(q)
    excluded = set(find_substances(besides.group(0))) if besides else set()
    if excluded:  # "for drugs other than alcohol": every other substance's trials
        substance = None
    trials = [
        r
        for r in placebo_trials(store.catalog(), substance, withdrawal)
        if not excluded & set(r.substances)
    ]
    dose = re.search(r"\b(\d{2,3}) ?(?:mg|milligrams?)\b", q)
    above = re.search(
        r"\b(?:above|over|more than|at least|exceeding|beyond|upwards? of)\s+(\d{2,3}) ?(?:mg|milligrams?)",
        q,
        re.I,
    )
    countries = find_countries(q)
    if countries:  # "which studies were done in Italy?": those run there
        trials = [r for r in trials if r.country in countries]
    if above:
        trials = [r for r in trials if (r.max_dose_mg or 0) > float(above.group(1))]
        dose = None
    elif dose:
        trials = [r for r in trials if r.max_dose_mg == float(dose.group(1))]
    elif "dose" in plan.aspects and re.search(r"\bhigh.?doses?\b", q, re.I):
        trials = [r for r in trials if (r.max_dose_mg or 0) >= 90]
    arms = bool(_DOSE_ARMS_Q.search(q))
    if arms:  # "which trials compared different doses?": those with two baclofen doses
        trials = [r for r in trials if _two_doses(r)]
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
    if excluded:
        topic = "substances other than " + join(sorted(excluded))
    if withdrawal:
        topic = f"{substance or 'alcohol'} withdrawal"
    kind = "high-dose " if "dose" in plan.aspects and not dose and not above else ""
    at = f" at {dose.group(1)} mg/day" if dose else ""
    if above:
        at = f" above {above.group(1)} mg/day"
    if countries:
        at += " in " + join(
            [f"the {c}" if c.startswith("United") else c for c in sorted(countries)]
        )
    if arms:
        at += " comparing two doses"
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


_OTHER_THAN = re.compile(
    r"\b(?:other than|besides|apart from|excluding|except|not for|beyond) (?:\w+ ){0,2}?\w+", re.I
)
_DOSE_ARMS_Q = re.compile(
    r"\b(?:different|two|several|various|multiple|high and low|low and high) (?:\S+ )?doses\b"
    r"|\bdoses? (?:against|with) each other\b|\bdose.(?:comparison|response)\b",
    re.I,
)
_DOSE_FIGURE = re.compile(r"\b(\d{2,3}) ?mg/day\b|\b(\d{2,3}) and (?=\d{2,3} ?mg/day)")


def _two_doses(r: RecordInfo) -> bool:
    """A trial with two baclofen arms ("30 mg/day or 90 mg/day versus placebo")."""
    said = re.split(r"\b(?:vs|versus)\b", r.dose_text or "")[0]
    if " or " not in said and " and " not in said:
        return False
    return len({a or b for a, b in _DOSE_FIGURE.findall(said)}) >= 2


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


# --------------------------------------------------------------------------- in one population

# Words that say who took part without naming a group a question could ask about.
_PLAIN_PEOPLE = frozenset(
    tokenize(
        "people person patients patient adults adult participants volunteers subjects men women "
        "male female cases outpatients inpatients alcohol alcoholic dependence dependent disorder "
        "drinkers drinking use users baclofen randomised randomized trials trial studies screened "
        "abstinence abstinent sober relapse craving withdrawal syndrome symptoms treatment hours days weeks"
    )
)


_MODERATOR = re.compile(
    r"\bonly\b|\bmore (?:in|for|than)\b|\bbetter (?:in|for)\b|\bdifferen\w*|\bwhich\b|\bwho\b",
    re.I,
)


# "studies in people who were in hospital", "trials among veterans": a group named
IN_A_GROUP = re.compile(
    r"\b(?:in|among|with|of) (?:\w+ )?(?:people|patients|participants|those|drinkers|adults|men|women"
    r"|veterans|smokers|users|inpatients|outpatients)\b|\bin (?:a |the )?(?:hospital|intensive care"
    r"|icu|primary care|general practice)\b|\bwho (?:were|had|have|are)\b",
    re.I,
)


def population_studies(ev: Evidence, listing: bool = False) -> Composition | None:
    """ "Does baclofen help drinkers with cirrhosis?": the studies whose participants were that
    group (matched on the words of their population that few studies share), each
    with its result, the best-matching first (their population fields name the group; countries
    do not count). None when no study was done in such a group. ``listing``: the question asks
    which studies ("which ones were done in hospital?"), not whether it works better there."""
    plan, store = ev.plan, ev.store
    q = plan.english or plan.question
    if _MODERATOR.search(q) and not listing:
        return None  # "does it only work after detox?" asks what the pooled evidence says
    if re.search(r"\blabels?\b|\bprescribing information\b|\bleaflets?\b", q, re.I):
        return None  # "do the labels say stroke patients benefit?": what a label says
    if asks_usual_care(q) and not listing:
        return None  # "what do hospitals normally give for it?": the usual care, not baclofen
    asked = {t for t in set(tokenize(q)) - QUESTION_WORDS - _PLAIN_PEOPLE if not t.isdigit()}
    studies = [
        r
        for r in store.catalog()
        if not r.user
        and r.key_result
        and r.evidence in ("rct", "cohort")
        and r.result in ("benefit", "no-benefit", "mixed")
        and (not plan.substance or plan.substance in r.substances)
    ]
    words = {
        r.id: set(tokenize(r.population or "")) - set(tokenize(r.country or "")) for r in studies
    }
    df: dict[str, int] = {}
    for ws in words.values():
        for w in ws:
            df[w] = df.get(w, 0) + 1
    # a group word: in the question, in few studies' populations, and not a substance's name
    # (the substance is the plan's; "smokers" of cannabis are not a group of drinkers)
    group = {
        w
        for w in asked
        if 0 < df.get(w, 0) <= 4
        and not any(rx.match(w) for rx in SUBSTANCE_RX.values())
        and not find_countries(w)  # ("French primary-care centres": a place, not a group)
    }
    if not group:
        return None
    idf = store.idf  # rare across the whole library weighs more ("cirrhosis" over "care")
    scored = sorted(
        ((sum(idf(w) for w in group & words[r.id]), r) for r in studies if group & words[r.id]),
        key=lambda x: (-x[0], EVIDENCE_RANK.get(x[1].evidence, 8), -(x[1].n or 0)),
    )
    # (a list asked for: every study in the group, up to five; else the best-matching few)
    chosen = (
        [r for sc, r in scored[:5] if sc >= 0.45 * scored[0][0]]
        if listing
        else [r for sc, r in scored[:3] if sc >= 0.5 * scored[0][0]]
    )
    cites = Citations()
    lines = []
    pooled = _pooled_on_group(ev, group, cites)  # "mostly in detoxified patients": the bottom line
    if pooled:
        lines.append(pooled)
        chosen = chosen[:2]
    for r in chosen:
        n = cite_study(cites, store, r)
        dose = dose_phrase(r) if r.evidence in ("rct", "cohort") else ""
        details = f"{r.population}, {dose}" if r.population and dose else r.population
        head = with_details(study_name(r), details or describe(r))
        found = RESULT_PHRASE[r.result] if r.evidence == "rct" else "reported"
        if r.comparator == "active":
            found = found.replace("over placebo", "over the comparator")
        line = f"{head} {found}: {r.key_result} [{n}]."
        lines.append(f"- {line}" if lines else line)
    table = [table_row(r, cite_study(cites, store, r)) for r in chosen if r.evidence == "rct"]
    return Composition("\n".join(lines), False, cites.items, ROUTE_SYNTHESIS, table)


# a pooled finding, not how the pooled trials were chosen
_POOLED_FINDING = re.compile(
    r"\b(?:reduc\w*|increas\w*|improv\w*|lower\w*|benefit\w*|effect\w*|no (?:significant )?"
    r"difference|did not|concluded|favou?r\w*)\b",
    re.I,
)


def _pooled_on_group(ev: Evidence, group: set[str], cites: Citations) -> str | None:
    """The newest pooled analysis's own sentence about the asked group's result ("probably
    reduces relapse ..., mostly in detoxified patients"), cited; None when none speaks of it."""
    store = ev.store
    # words few sentences use ("detoxified", not "primary" of primary care and primary outcome);
    # "detoxification" and "detoxified" are one word
    group = {w for w in group if store.idf(w) >= 3.6}
    stems = {w[:6] for w in group if len(w) >= 6}

    def names_group(sentence: str) -> bool:
        toks = set(tokenize(sentence))
        return bool(group & toks or stems & {t[:6] for t in toks if len(t) >= 6})

    for r in pooled_studies(store.catalog(), ev.plan.substance):
        for pos in store.record_positions(r.id):
            text = store.texts[pos]
            for s, e in store.sentences[pos]:
                sentence = text[s:e].strip()
                if (
                    names_group(sentence)
                    and _POOLED_FINDING.search(sentence)
                    and not LEANING.search(sentence)
                    and "\n" not in sentence
                    and not sentence.endswith(":")
                ):
                    n = cites.add(store.context(pos, score=1.0), sentence, s)
                    return f"{sentence} [{n}]"
    return None


# --------------------------------------------------------------------------- dropouts pooled

_DROPOUT_Q = re.compile(
    r"\bdrop(?:ped)?.?outs?\b|\bdrop out\b|\bquit(?:s|ting)? (?:it|treatment|the (?:trial|study|drug))"
    r"|\bstop(?:s|ped)? (?:taking it|treatment) (?:more|less)|\bdiscontinu\w* (?:more|less)"
    r"|\bbetter tolerated\b|\btolerat\w* (?:than|as well)",
    re.I,
)
_NOT_DROPOUTS = frozenset({"withdrawal", "overdose", "interaction", "contraindication", "dosing"})
_DROPOUT_S = re.compile(r"\bdrop.?outs?\b|\bdropped out\b|\bdiscontinu\w*", re.I)
_NO_MORE = re.compile(
    r"\bfewer\b|\bdid not increase\b|\bwithout more\b|\bno (?:more|increase)\b", re.I
)


def pooled_dropouts(ev: Evidence) -> Composition | None:
    """ "Do more people drop out on baclofen than on placebo?": what the pooled analyses say about
    dropouts, the newest first. None when no pooled analysis speaks of them."""
    plan, store = ev.plan, ev.store
    q = plan.english or plan.question
    if not _DROPOUT_Q.search(q) or plan.entities.trials or plan.intent in _NOT_DROPOUTS:
        return None  # "what happens if someone just quits it?" is about stopping, not dropouts
    found: list[tuple[RecordInfo, object, str, int]] = []
    for r in pooled_studies(store.catalog(), plan.substance or "alcohol"):
        for pos in store.record_positions(r.id):
            text = store.texts[pos]
            hit = next(
                ((s, e) for s, e in store.sentences[pos] if _DROPOUT_S.search(text[s:e])), None
            )
            if hit is not None:
                found.append((r, store.context(pos, score=1.0), text[hit[0] : hit[1]], hit[0]))
                break
    if not found:
        return None
    found.sort(key=lambda f: bool(LEANING.search(f[2])))  # a sentence that stands alone first
    cites = Citations()
    lines = []
    for i, (_r, ctx, sentence, start) in enumerate(found[:2]):
        n = cites.add(ctx, sentence, start)
        lines.append(f"{sentence} [{n}]" if i == 0 else f"- {sentence} [{n}]")
    if _NO_MORE.search(found[0][2]) and re.search(r"\bmore\b", q, re.I):
        lines[0] = f"No: {lines[0][0].lower()}{lines[0][1:]}"
    return Composition("\n".join(lines), False, cites.items, ROUTE_SYNTHESIS)


# "did a bigger study ever back that up?", "was it ever replicated?": the later trials of it
ASKS_LATER_TRIAL = re.compile(
    r"\b(?:bigger|larger|later|newer|follow.?up|second|another|more recent) (?:study|trial|one)\b"
    r"[^?]{0,40}\b(?:back(?:ed)? (?:that|it|this|them) up|confirm\w*|replicat\w*|repeat\w*"
    r"|(?:find|show|found|showed) the same)\b"
    r"|\b(?:was|has|have) (?:it|that|this|those findings?|the (?:result|finding)s?) (?:ever )?"
    r"(?:been )?(?:replicated|confirmed|repeated|reproduced)\b"
    # "did anyone follow it up with a proper randomised trial?"
    r"|\bfollow(?:ed)?(?: (?:it|that|this|them|those results?))? up (?:with|by) (?:a |an |any )?"
    r"(?:\w+ ){0,3}?(?:study|studies|trials?|rcts?)\b",
    re.I,
)


def _first_author(record: RecordInfo) -> str:
    """The first author's surname, or the one the record's id is named by when no author list
    was verified ("rigal2020_bacloville")."""
    named = re.match(r"[a-z]+", record.id)
    return (record.surname or (named.group(0) if named else "")).lower()


def later_trials(ev: Evidence, record: RecordInfo) -> Composition | None:
    """The randomised trials of the same use published after ``record`` (none smaller than it),
    each with its result, led by whether they bore it out; None when the question does not ask
    or the study is no trial with a result."""
    if not ASKS_LATER_TRIAL.search(ev.plan.english or ev.plan.question):
        return None
    trial = record.evidence == "rct"
    if not record.year or (trial and record.result not in ("benefit", "no-benefit")):
        return None
    if not trial and record.evidence in ("meta-analysis", "systematic-review", "guideline"):
        return None  # (an uncontrolled study is followed up by trials; a review is not)
    uses = set(record.substances) & set(ADDICTIONS)
    later = [
        r
        for r in ev.store.catalog()
        if r.evidence == "rct" and not r.user and r.id not in (record.id, *record.same_sample_as)
        and r.year and r.year > record.year and uses & set(r.substances)
        and r.result in ("benefit", "no-benefit") and not (r.n and record.n and r.n < record.n)
    ]  # fmt: skip
    if not later:
        return None
    # (the same team's trial first: "did anyone follow it up?" after Rigal 2012 is Bacloville)
    team = _first_author(record)
    later.sort(key=lambda r: (_first_author(r) != team, r.year or 0))
    cites, lines = Citations(), []
    for r in later[:3]:
        n = cite_study(cites, ev.store, r)
        lines.append(f"{study_name(r)} {RESULT_PHRASE[r.result]} ({r.key_result}) [{n}].")
    agree = {r.result == record.result for r in later[:3]}
    verdict = "Partly" if len(agree) > 1 else "Yes" if agree == {True} else "No"
    if not trial:  # an uncontrolled study: yes, randomised trials followed, with these results
        verdict = "Yes, randomised trials followed"
    lines[0] = f"{verdict}: {lines[0]}"  # (a study's name keeps its capital)
    return Composition("\n- ".join(lines), False, cites.items, ROUTE_SYNTHESIS)
