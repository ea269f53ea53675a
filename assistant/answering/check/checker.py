"""Checking a user's document against the curated evidence (``assistant check DOC``).

Retrieval in reverse: the document is split into checkable claims (sentences, and list items
with the sentence that introduces them), each claim is compared with curated passages, and a
verdict is given only where the comparison is typed and checkable:

* **contraindications** against the curated table (``corpus/contraindications.yaml``): a
  condition the document calls a contraindication that the label does not;
* **a study's result** against its record's structured fields: the wrong size, a benefit the
  trial did not find (or the reverse), a figure the record never states for its main outcome;
* **any statement** against the curated sentences most like it (by meaning, from the sentence
  vectors): the same statement negated ("does not add to alcohol's sedation" against "adds to"),
  the same quantity with another number ("five years" against "three years"), or one of a few
  opposites (liver / kidneys, first-line / not first-line, approved / off-label).

Everything else is ``not-covered``, never a guess; ``supported`` and ``contradicted`` always come
with the curated sentence that decides them. Only curated sources decide: another user document
never supports or contradicts anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from assistant.answer import Context
from assistant.answering.check import relations
from assistant.answering.check.agreement import (
    COUNT,
    HEDGED,
    clauses,
    extremes_differ,
    named_studies,
    negated_verb_conflict,
    number_conflict,
    numbers_in_text,
    opposite,
    parameter_reading,
    parameters,
    quantities,
    shares_anchor,
    single_clause,
)
from assistant.answering.check.claims import CheckReport, Claim, extract_claims, restates, topics_of
from assistant.answering.check.contrasts import (
    MG,
    comparison_conflict,
    effect_direction_conflict,
    exclusivity_conflict,
    frequency_conflict,
    ratio_values,
    sameness_conflict,
    significance_conflict,
    times_conflict,
    trend_conflict,
)
from assistant.answering.check.differences import figure_conflict, share_conflict, shares_of
from assistant.answering.check.fact_sheet import NEGATION, fact_verdict, load_facts
from assistant.answering.check.interactions import InteractionChecks
from assistant.answering.check.stance import (
    NEGATED_ITEM,
    NOT_LISTED,
    ONLY_CAUTION,
    RELATIVE,
    SET_AGAINST,
)
from assistant.answering.check.studies import StudyChecks, comparator_won, near
from assistant.answering.check.study_readings import dose_winner_conflict, leading_digits
from assistant.answering.compose.extractive import Citations
from assistant.answering.question.entities import find_jurisdictions, find_other_medicines
from assistant.library import contraindications as ci
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import USER_EVIDENCE

# A claim about who must not take baclofen (not "livers that can't take any more"), in the
# active voice or the passive.
_ABOUT_CONTRAINDICATION = re.compile(
    r"contra.?indicat\w*|(?:must|should|can)(?:not|n't| not) (?:take|use|be given|have) "
    r"(?:baclofen|it|this (?:drug|medicine))|(?:can't|cannot|must not|should not) take baclofen"
    r"|label (?:says|lists|states) (?:\w+ ){0,4}(?:can't|cannot|must not|should not|contra)"
    # the passive ("must never be taken by:", "should not be given to people with ...")
    # "listed on the label as a reason never to prescribe it"
    r"|\breasons?\s+(?:never|not)\s+to\s+(?:prescribe|use|take|give)\b"
    r"|\b(?:must|should|can)(?:not|n't| not| never)\s+(?:ever\s+)?be\s+(?:taken|used|given"
    r"|prescribed)\s+(?:by|to|in)\b"
    # "the one thing that rules baclofen out (completely) is liver damage"
    r"|\brules? (?:baclofen|it|this (?:drug|medicine)) out\b|\brules? out (?:baclofen|taking it)\b"
    # "absolutely off-limits in pregnancy, written on the label as a flat no"
    r"|\b(?:is|it'?s|are|was)\s+(?:absolutely\s+|completely\s+|strictly\s+|totally\s+)?off.?limits\b",
    re.I,
)
SUPPORT_SIMILARITY = 0.8
# Words that make a claim stronger than a similar sentence ("banned it altogether", "only
# specialists"): a curated sentence without them does not support the claim.
_STRONG = re.compile(
    r"\b(?:only|never|always|all|every|banned|prohibit\w*|forb[ai]d\w*|outlaw\w*|no longer"
    r"|altogether|any circumstances|guarantee\w*|cures?|cured|completely|entirely|must|proven"
    r"|established|demonstrated|definitive\w*)\b",
    re.I,
)
CONFLICT_SIMILARITY = 0.72
# typed contrasts (a trend, how common, which way, only on baclofen, significance) with a
# curated sentence about the same thing: close in meaning and sharing the claim's words
CONTRAST_SIMILARITY = 0.6
LABEL_SHARE_SIMILARITY = 0.5
# how close a sentence giving a share must be to decide a claim giving another share
SHARE_SIMILARITY = 0.68


def stated_multiple_conflict(claim: str, passage: str) -> str | None:
    """A multiple of a risk ("one and a half times the 30-day risk") against a close sentence
    of a study that states its own multiple in words for the same doses and comparators (not a
    ratio, which may be another comparison's): a claim that names no study is read this far."""
    if not re.search(r"\btimes\b", passage, re.I) or ratio_values(passage):
        return None
    if set(MG.findall(claim)) - set(MG.findall(passage)):
        return None
    if set(find_other_medicines(claim)) - set(find_other_medicines(passage)):
        return None
    return times_conflict(claim, passage)


_CONTRASTS = (
    trend_conflict,
    frequency_conflict,
    effect_direction_conflict,
    comparison_conflict,
    exclusivity_conflict,
    significance_conflict,
    sameness_conflict,
    stated_multiple_conflict,
    dose_winner_conflict,
    relations.relation_conflict,
    relations.peak_time_conflict,
    relations.speed_conflict,
    relations.level_share_conflict,
    relations.strength_list_conflict,
    relations.hazard_significance_conflict,
    relations.sex_swap_conflict,
)
_NOT_STUDIES = ("label", "regulatory", "guideline", "overview")
# a claim about a condition (overdose, kidney disease) is not compared with a figure said of
# people without it
_CONDITIONS = {
    "overdose": re.compile(r"\boverdos\w*|\bpoison\w*|\bintoxicat\w*", re.I),
    "kidney": re.compile(
        r"\b(?:kidney|renal) (?:disease|failure|impairment|problems)\b|\bdialysis\b|\bckd\b", re.I
    ),
}


def _conditions(text: str) -> set[str]:
    return {k for k, rx in _CONDITIONS.items() if rx.search(text)}


# --------------------------------------------------------------------------- checking


class Checker(StudyChecks, InteractionChecks):
    """Decides claims against the curated part of an index (never against user documents)."""

    def __init__(self, store: Any, embedder: Any) -> None:
        self.store = store
        self.embedder = embedder
        self.catalog = [r for r in store.catalog() if not r.user]
        self._curated = np.array(
            [m.evidence != USER_EVIDENCE and not m.user for m in store.metas], dtype=bool
        )
        self._rows = np.repeat(
            np.arange(len(store.ids)), np.diff(store.sentence_offsets).astype(int)
        )  # sentence row -> chunk position
        self._allowed = self._curated[self._rows] if len(self._rows) else np.zeros(0, dtype=bool)
        self._param_rows: dict[str, list[int]] | None = None  # built on the first parameter claim

    def check(self, claims: Sequence[Claim]) -> list[Claim]:
        if not claims:
            return list(claims)
        # a claim is read with the sentence it leans on ("That review also found ..."), and
        # alone (a context like "That plan didn't work out." only blurs it)
        leaning = [c for c in claims if c.context]  # only these need a second reading
        vectors = self.embedder.encode(
            [f"{c.context} {c.text}".strip() for c in claims] + [c.text for c in leaning]
        )
        alone = dict(zip(map(id, leaning), vectors[len(claims) :], strict=True))
        for claim, vec in zip(claims, vectors[: len(claims)], strict=True):
            own = alone.get(id(claim))
            self._decide(
                claim,
                np.asarray(vec, dtype=np.float32),
                None if own is None else np.asarray(own, dtype=np.float32),
            )
        return list(claims)

    # ----------------------------------------------------------------- deciders

    def _decide(self, claim: Claim, vec: np.ndarray, alone: np.ndarray | None = None) -> None:
        for decide in (self._contraindication, self._fact, self._interaction):
            if decide(claim):
                return
        if self._study(claim, vec) or self._substance_efficacy(claim):
            return
        self._by_passages(claim, vec, alone)

    def _fact(self, claim: Claim) -> bool:
        """A claim about one of the checkable facts, decided by the fact's own sentence: any
        fact it contradicts decides first; support needs the claim itself to be about the fact."""
        facts = load_facts()  # a broken fact sheet is an error, never a silent "not covered"
        verdicts = [(fact_verdict(f, claim.text, claim.context, claim.section), f) for f in facts]
        chosen = next((f for v, f in verdicts if v == "contradicted"), None)
        verdict = "contradicted"
        if chosen is None and single_clause(claim.text):  # a second clause stays unchecked
            chosen = next(
                (
                    f
                    for v, f in verdicts
                    if v == "supported"
                    and f.about.search(claim.text)
                    and restates(claim.text, f.quote)
                    and topics_of(claim.text) <= {f.topic} | topics_of(f.quote)
                ),
                None,
            )
            verdict = "supported"
        if chosen is None:
            return False
        self._cite(claim, chosen.source_id, chosen.quote)
        if not claim.citations:
            return False
        claim.verdict = verdict
        claim.explanation = chosen.statement
        return True

    def _contraindication(self, claim: Claim) -> bool:
        """A condition the document calls a contraindication, against the curated table."""
        scope = f"{claim.context} {claim.text}"
        if not _ABOUT_CONTRAINDICATION.search(scope):
            return False
        if not _ABOUT_CONTRAINDICATION.search(claim.text) and not claim.context.rstrip(
            " *"
        ).endswith(":"):
            return False  # leaning on a sentence about contraindications, it says another thing
        try:
            table = ci.load_table()
        except ci.ContraindicationError:
            return False
        # the clause that says "contraindicated" decides whose position the claim reports ("the
        # label only asks for caution, but the Australian guideline calls it contraindicated")
        # and which conditions it names ("..., but newborns can show seizures": a symptom)
        said = next(
            (
                c
                for c in re.split(r";|,?\s+\b(?:but|whereas|while)\b", claim.text)
                if re.search(r"contraindicat", c, re.I)
            ),
            claim.text,
        )
        if re.search(r"contraindicat", said, re.I) and re.search(
            r"\b(?:not|no|never|isn't|aren't)\b(?:\s+\S+){0,3}?\s+contraindicat", said, re.I
        ):
            return False  # "X is not a contraindication": not a claim that it is one
        if NOT_LISTED.search(said) or RELATIVE.search(said):
            return False  # "does not list X as a contraindication"; "relatively contraindicated"
        # "Not epilepsy, not pregnancy: the only contraindication is ...": a negated list item
        # names no contraindication
        t = ONLY_CAUTION.sub(" ", NEGATED_ITEM.sub(" ", said))
        t = ci.USE_DISORDER.sub(" ", t.lower())
        conditions = [c for c in ci.mentioned(t, table) if c.key not in ("cns_depressants",)]
        if not conditions:
            return False
        # one condition the label does not rule out makes the claim wrong, whatever else it lists
        cond = next((c for c in conditions if c.label_status != "contraindicated"), conditions[0])
        only = next((c for c in table if c.label_status == "contraindicated"), None)
        if (
            cond.label_status != "contraindicated"
            and re.search(
                r"\bguideline\w*|\baustralia\w*|\bkidney (?:literature|journal)\b|\bsome (?:experts|sources)\b",
                said,
                re.I,
            )
            # (not "off-label", nor the label it is set against: "goes further than the US label")
            and not re.search(r"(?<!off-)(?<!off )\blabel\b", SET_AGAINST.sub(" ", said), re.I)
        ):
            for add in cond.additions:  # what a guideline adds: the claim may be right
                if re.search(r"contraindicat", add.text, re.I):
                    self._cite(claim, add.source_id, add.quote)
                    if claim.citations:
                        claim.verdict = "supported"
                        claim.explanation = add.text
                        return True
            return False
        if cond.label_status == "contraindicated":
            if not topics_of(claim.text) <= {"contraindication"} | topics_of(cond.label_quote):
                return False  # the claim says more than the label row can support
            self._cite(claim, cond.label_source, cond.label_quote)
            claim.verdict = "supported"
            claim.explanation = f"The US label lists {cond.name.lower()} as a contraindication."
            return True
        if only is not None:
            self._cite(claim, only.label_source, only.label_quote)
        self._cite(claim, cond.label_source, cond.label_quote)
        if not claim.citations:
            return False
        kind = {"warning": "a warning", "precaution": "a precaution"}.get(cond.label_status)
        claim.verdict = "contradicted"
        claim.condition = cond.name
        claim.explanation = (
            f"The US label of oral baclofen does not list {cond.name.lower()} as a "
            f"contraindication" + (f"; it is {kind}." if kind else ".")
        )
        return True

    def _by_passages(self, claim: Claim, vec: np.ndarray, alone: np.ndarray | None = None) -> None:
        """The curated sentences most like the claim decide: a negation, another number for the
        same quantity, or an opposite is a contradiction; a close match is support."""
        store = self.store
        if not len(self._rows):
            return
        sims = np.asarray(store.sentence_vectors) @ vec
        if alone is not None:
            sims = np.maximum(sims, np.asarray(store.sentence_vectors) @ alone)
        sims[~self._allowed] = -1.0
        order = np.argsort(-sims)
        top = order[:6]
        # a measured parameter (half-life, protein binding): the curated sentences about it decide,
        # even when they are not among the closest few
        params = parameters(claim.text)
        if params:
            about = [row for row in order[:60] if float(sims[row]) >= 0.5]
            about += self._rows_about(params)  # however the claim is worded
            said = " ".join(c for c in clauses(claim.text) if parameters(c)) or claim.text
            conflicts, met = [], False
            for row in about:
                pos = int(self._rows[row])
                sent = self._sentence_text(row, pos)
                if not _conditions(said) <= _conditions(sent):
                    continue  # "in overdose the half-life may stretch to ..."
                why, meets = parameter_reading(claim.text, sent)
                met = met or (meets and _conditions(sent) <= _conditions(said))
                if why is not None:
                    conflicts.append((pos, sent, why))
            # (sources differ on some figures: one curated source giving the claim's figure for
            # the same condition, "3 to 4 hours" in a monograph, keeps a study's 6.8 from deciding)
            if conflicts and not met:
                return self._contradicted_by(claim, *conflicts[0])
        # a typed figure (a dose limit, a first-approval year, a product's strength): the
        # sentences about the same thing in the same place decide
        sample = reports_sample(claim.text)
        for row in order[:20]:
            if float(sims[row]) < 0.45:
                break
            pos = int(self._rows[row])
            sent = self._sentence_text(row, pos)
            why = figure_conflict(claim.text, sent, claim.context)
            if why is not None and not self._other_study(claim, pos, sample):
                return self._contradicted_by(claim, pos, sent, why)
        # how often a side effect happens, against the label's frequency
        side_effect = "adverse-effects" in topics_of(claim.text) and not params
        for row in order[:6] if side_effect else ():
            pos = int(self._rows[row])
            if float(sims[row]) < LABEL_SHARE_SIMILARITY:
                break
            if store.metas[pos].evidence == "label":
                sent = self._sentence_text(row, pos)
                if (why := share_conflict(claim.text, sent, effect=True)) is not None:
                    return self._contradicted_by(claim, pos, sent, why)
        # a share of a group ("one patient in ten needed a ventilator"): the close sentences that
        # give a share of the same thing decide, when none of them agrees with it
        # (not a dose, nor the writer's own patients: "most of our clients settle on 30-60 mg")
        own = re.search(r"\b(?:our|we|my|i)\b|\bmg\b", claim.text, re.I)
        if len(shares_of(claim.text)) == 1 and not params and not own:
            close = [row for row in order[:8] if float(sims[row]) >= SHARE_SIMILARITY]
            said = [(row, self._sentence_text(row, int(self._rows[row]))) for row in close]
            said = [(row, sent) for row, sent in said if shares_of(sent)]
            verdicts = [(row, sent, share_conflict(claim.text, sent)) for row, sent in said]
            if verdicts and all(why is not None for _, _, why in verdicts):
                row, sent, why = verdicts[0]
                return self._contradicted_by(claim, int(self._rows[row]), sent, why)
        if self._contrasted(claim, order, sims):
            return
        claim_toks = set(tokenize(claim.text))
        claim_neg = bool(NEGATION.search(claim.text))
        claim_nums = quantities(claim.text, exact=True)
        named = named_studies(claim.text, self.catalog) if claim_nums else []
        for row in top:
            sim = float(sims[row])
            if sim < CONFLICT_SIMILARITY - 0.04:
                break
            pos = int(self._rows[row])
            sent = self._sentence_text(row, pos)
            toks = set(tokenize(sent))
            overlap = _overlap(claim_toks, toks)
            why = None
            source = store.metas[pos].source_id
            if (
                single_clause(claim.text)
                and single_clause(sent)
                and sim >= 0.85
                and overlap >= 0.3
                and not HEDGED.search(claim.text)
                and not (claim_neg and NEGATION.search(sent))  # both say "not": no opposite
                and negated_verb_conflict(claim.text, sent)
            ):
                why = "The curated source states the opposite."
            if (
                why is None
                and claim_nums
                and shares_anchor(claim.text, sent, store.metas[pos])
                and (not named or source in named)  # ("the 2023 Cochrane review": not 2018's)
            ):
                claim_nums = {q for q in claim_nums if q[1] in ("people", "year", "month", "week")}
                known = set().union(
                    *(self._record_quantities(r) for r in self._anchored(claim.text, source))
                )
                why = number_conflict(claim_nums, quantities(sent), known)
            places = set(find_jurisdictions(claim.text))
            elsewhere = places and not places & set(find_jurisdictions(sent))
            if why is None and sim >= 0.8 and single_clause(sent) and not elsewhere:
                # the claim's clause most like the sentence says the opposite ("blunts the
                # effect of blood-pressure tablets, so ...": the second clause is another point)
                said = max(clauses(claim.text), key=lambda c: _overlap(set(tokenize(c)), toks))
                if max(overlap, _overlap(set(tokenize(said)), toks)) >= 0.25:
                    why = opposite(said, sent) or opposite(claim.text, sent)
            if why is not None:
                return self._contradicted_by(claim, pos, sent, why)
        best = int(top[0])
        if float(sims[best]) >= SUPPORT_SIMILARITY and single_clause(claim.text):
            pos = int(self._rows[best])
            sent = self._sentence_text(best, pos)
            nums = {n for n, _ in claim_nums}
            strong = {w.lower() for w in _STRONG.findall(claim.text)}
            same_sense = (
                strong <= {w.lower() for w in _STRONG.findall(sent)}
                and topics_of(claim.text) <= topics_of(sent)
                and claim_neg == bool(NEGATION.search(sent))
                and opposite(claim.text, sent) is None
                and params <= parameters(sent)  # a half-life is supported by a half-life
            )
            # "clearest in those with the fewest positive samples" / "... most heavily": the
            # same sentence but for its end of the scale, so the other way round
            reversed_end = same_sense and extremes_differ(claim.text, sent)
            stated = numbers_in_text(sent)
            # a claim naming a study is not supported by another study's sentence ("BACLOREA
            # patients stayed longer on the ventilator" by an overdose series' ventilation line)
            named = named_studies(f"{claim.context} {claim.text}", self.catalog)
            if (
                same_sense
                and all(near(n, stated) for n in nums | numbers_in_text(claim.text))
                and restates(claim.text, sent)
                and not (named and self._other_study(claim, pos))
            ):
                if reversed_end:
                    why = "The curated source says this of the other end of the scale."
                    self._contradicted_by(claim, pos, sent, why)
                    return
                self._cite_sentence(claim, pos, sent)
                claim.verdict = "supported"
                claim.explanation = "A curated source says the same."

    def _contrasted(self, claim: Claim, order: np.ndarray, sims: np.ndarray) -> bool:
        """The close curated sentences about the same thing that say the other way round: a
        typed contrast, or an active comparator that the sentence's study found baclofen beat."""
        if HEDGED.search(claim.text) and not re.search(r"\bcould not\b", claim.text, re.I):
            return False
        named = named_studies(claim.text, self.catalog)
        for row in order[:12]:
            if float(sims[row]) < CONTRAST_SIMILARITY:
                break
            pos = int(self._rows[row])
            sent = self._sentence_text(row, pos)
            if named and not set(named) & set(named_studies(sent, self.catalog) or named):
                continue  # "Garbutt 2010: ..." is not contrasted with a line on Garbutt 2021
            record = next(
                (r for r in self.catalog if r.id == self.store.metas[pos].source_id), None
            )
            if record is not None and record.evidence not in _NOT_STUDIES:
                # a study whose record never gives the claim's figures is another study
                known = self._record_numbers(record.id) | {str(record.year)}
                if not all(near(n, known) for n in numbers_in_text(claim.text)):
                    continue
            why = next((w for f in _CONTRASTS if (w := f(claim.text, sent)) is not None), None)
            if why is None and record is not None:
                rival = comparator_won(claim.text, record)
                if rival and self._cite_result(claim, record):
                    claim.verdict = "contradicted"
                    claim.explanation = f"{record.display_name} favoured baclofen over {rival}."
                    return True
            if why is not None:
                self._contradicted_by(claim, pos, sent, why)
                return True
        return False

    # ----------------------------------------------------------------- helpers

    def _cite(self, claim: Claim, source_id: str, quote: str | None) -> None:
        if not quote:
            return
        pattern = re.compile(r"\s+".join(re.escape(w) for w in quote.split()))
        for pos in self.store.record_positions(source_id):
            m = pattern.search(self.store.texts[pos])
            if m:
                self._add(claim, self.store.context(pos), m.group(0))
                return

    def _contradicted_by(self, claim: Claim, pos: int, sentence: str, why: str) -> None:
        self._cite_sentence(claim, pos, sentence)
        claim.verdict = "contradicted"
        claim.explanation = why

    def _cite_sentence(self, claim: Claim, pos: int, sentence: str) -> None:
        self._add(claim, self.store.context(pos), sentence)

    def _add(self, claim: Claim, ctx: Context, quote: str) -> None:
        cites = Citations()
        cites.items = list(claim.citations)
        cites.add(ctx, quote)
        claim.citations = cites.items

    def _rows_about(self, params: set[str]) -> list[int]:
        """The curated sentence rows that give one of ``params`` (half-life, protein binding)."""
        if self._param_rows is None:
            self._param_rows = {}
            for row in np.flatnonzero(self._allowed):
                for name in parameters(self._sentence_text(int(row), int(self._rows[row]))):
                    self._param_rows.setdefault(name, []).append(int(row))
        return [row for name in sorted(params) for row in self._param_rows.get(name, [])]

    def _sentence_text(self, row: int, pos: int) -> str:
        first = int(self.store.sentence_offsets[pos])
        s, e = self.store.sentences[pos][row - first]
        text = self.store.texts[pos][s:e]
        return text[2:] if text.startswith(("- ", "* ")) else text

    def _other_study(self, claim: Claim, pos: int, sample: bool = False) -> bool:
        """The passage at ``pos`` is about something the claim is not: a study's own sentence
        when the claim neither names nor describes that study ("Fifty-eight patients started
        baclofen (maximum 45 mg)" is the writer's own sample, not a trial that gave up to 40 mg);
        and, for a claim reporting what a group of people took (``sample``), any source it does
        not name (their doses are no statement of the label's limit)."""
        source = self.store.metas[pos].source_id
        record = next((r for r in self.catalog if r.id == source), None)
        if record is None or (record.evidence in _NOT_STUDIES and not sample):
            return False
        return source not in named_studies(f"{claim.context} {claim.text}", self.catalog)

    def _anchored(self, text: str, source: str) -> list[str]:
        """The records a claim may be about: the passage's, and every record the claim names
        (an author with several studies names them all)."""
        low = text.lower()
        ids = {source}
        for r in self.catalog:
            if (r.surname and len(r.surname) > 3 and r.surname.lower() in low) or any(
                n.lower() in low for n in r.trial_names
            ):
                ids.add(r.id)
        return sorted(ids)

    def _record_quantities(self, record_id: str) -> set[tuple[str, str]]:
        # (the study's size, however its text words it: "84 alcohol-dependent patients")
        sizes = {str(r.n) for r in self.catalog if r.id == record_id and r.n}
        out: set[tuple[str, str]] = {(n, "people") for n in sizes}
        for pos in self.store.record_positions(record_id):
            out |= quantities(self.store.texts[pos])
        return out


# what a group of people took ("Forty patients started baclofen", "users in the trial took up to
# 60 mg", "in our unit we gave ..."): a sample's doses, not a statement of a dose limit
_TOOK = re.compile(
    r"\b(?:our|we|my)\b|\b(?:patients|participants|people|users|drinkers|subjects|volunteers"
    r"|smokers|veterans|adults|clients|inpatients|outpatients)\b[^.;]{0,40}?\b(?:took|received|got"
    r"|were (?:given|started|treated|titrated|prescribed)|started|reached)\b",
    re.I,
)


def reports_sample(text: str) -> bool:
    """Whether a sentence reports doses a group of people took, not a rule for everyone."""
    return bool(_TOOK.search(text) or COUNT.search(leading_digits(text)))


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def check_document(store: Any, embedder: Any, document: RecordInfo) -> CheckReport:
    claims = extract_claims(store, document.id)
    return CheckReport(document, Checker(store, embedder).check(claims))
