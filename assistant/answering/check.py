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
from assistant.answering import contraindications as ci
from assistant.answering.agreement import (
    APPROXIMATE,
    COUNT,
    HEDGED,
    NEGATIVE_RESULT,
    POSITIVE,
    about_main_outcome,
    about_other_outcome,
    difference_conflict,
    named_studies,
    negated_verb_conflict,
    null_outcomes,
    number_conflict,
    numbers_in_text,
    opposite,
    parameter_conflict,
    parameters,
    quantities,
    share_conflict,
    shares_anchor,
    single_clause,
)
from assistant.answering.claims import (
    NEGATION,
    CheckReport,
    Claim,
    extract_claims,
    fact_verdict,
    load_facts,
    topics_of,
)
from assistant.answering.compose import Citations, numbers_of
from assistant.answering.entities import find_substances
from assistant.answering.synthesis import result_quote
from assistant.library.chunks import tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import USER_EVIDENCE

# A claim about who must not take baclofen (not "livers that can't take any more").
_ABOUT_CONTRAINDICATION = re.compile(
    r"contra.?indicat\w*|(?:must|should|can)(?:not|n't| not) (?:take|use|be given|have) "
    r"(?:baclofen|it|this (?:drug|medicine))|(?:can't|cannot|must not|should not) take baclofen"
    r"|label (?:says|lists|states) (?:\w+ ){0,4}(?:can't|cannot|must not|should not|contra)",
    re.I,
)
SUPPORT_SIMILARITY = 0.8
BACLOFEN_WORD = re.compile(r"\bbaclof\w*|\bit\b|\bthe (?:drug|medicine)\b", re.I)
# "baclofen reduces cocaine use", "an effective treatment for methamphetamine addiction"
_WORKS = re.compile(
    r"\b(?:reduc\w*|cut|cuts|lower\w*|curb\w*|decreas\w*|helps?|helped|improv\w*|works?|worked"
    r"|effective\w*|proven|success\w*|prevent\w*|stops?|stopped|eliminat\w*|treat(?:s|ed)?)\b",
    re.I,
)
_PROVEN = re.compile(
    r"\b(?:proven|established|demonstrated|clearly|robust\w*|consistent\w*|large|big|major"
    r"|definitive\w*|trials (?:show|have shown|prove))\b",
    re.I,
)
# claims that already hedge ("one small trial suggested", "in rats") are not plain claims
_HEDGE = re.compile(
    r"\b(?:may|might|could|some|one|a small|small|pilot|preliminary|early|animal\w*|rats?|mice"
    r"|monkeys?|laboratory|lab|hint\w*|suggest\w*|mixed|inconsistent|uncertain|unclear|possibl\w*"
    r"|potential\w*|promis\w*|hope\w*|theor\w*|research(?:ers)? (?:is|are) (?:looking|studying))\b",
    re.I,
)
# Words that make a claim stronger than a similar sentence ("banned it altogether", "only
# specialists"): a curated sentence without them does not support the claim.
_STRONG = re.compile(
    r"\b(?:only|never|always|all|every|banned|prohibit\w*|forb[ai]d\w*|outlaw\w*|no longer"
    r"|altogether|any circumstances|guarantee\w*|cures?|cured|completely|entirely|must|proven"
    r"|established|demonstrated|definitive\w*)\b",
    re.I,
)
CONFLICT_SIMILARITY = 0.72


# --------------------------------------------------------------------------- checking


class Checker:
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

    def check(self, claims: Sequence[Claim]) -> list[Claim]:
        if not claims:
            return list(claims)
        vectors = self.embedder.encode([f"{c.context} {c.text}".strip() for c in claims])
        for claim, vec in zip(claims, vectors, strict=True):
            self._decide(claim, np.asarray(vec, dtype=np.float32))
        return list(claims)

    # ----------------------------------------------------------------- deciders

    def _decide(self, claim: Claim, vec: np.ndarray) -> None:
        for decide in (self._contraindication, self._fact):
            if decide(claim):
                return
        if self._study(claim, vec) or self._substance_efficacy(claim):
            return
        self._by_passages(claim, vec)

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
        try:
            table = ci.load_table()
        except ci.ContraindicationError:
            return False
        t = ci.USE_DISORDER.sub(" ", claim.text.lower())
        conditions = [c for c in ci.mentioned(t, table) if c.key not in ("cns_depressants",)]
        if not conditions:
            return False
        # one condition the label does not rule out makes the claim wrong, whatever else it lists
        cond = next((c for c in conditions if c.label_status != "contraindicated"), conditions[0])
        only = next((c for c in table if c.label_status == "contraindicated"), None)
        # the clause that says "contraindicated" decides whose position the claim reports ("the
        # label only asks for caution, but the Australian guideline calls it contraindicated")
        said = next(
            (
                c
                for c in re.split(r";|,?\s+\b(?:but|whereas|while)\b", claim.text)
                if re.search(r"contraindicat", c, re.I)
            ),
            claim.text,
        )
        if (
            cond.label_status != "contraindicated"
            and re.search(
                r"\bguideline\w*|\baustralia\w*|\bkidney (?:literature|journal)\b|\bsome (?:experts|sources)\b",
                said,
                re.I,
            )
            and not re.search(r"\b(?:us |fda |official )?label\b", said, re.I)
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

    def _study(self, claim: Claim, vec: np.ndarray) -> bool:
        """A study the claim names (or the sentence it leans on names): its size and its result,
        from the record's fields. A list item takes its polarity from the sentence introducing
        it ("Trials that found a benefit:")."""
        ids = named_studies(claim.text, self.catalog)
        if not ids and claim.context:
            ids = named_studies(claim.context, self.catalog)
        if len(ids) != 1:
            return False
        record = next((r for r in self.catalog if r.id == ids[0]), None)
        if record is None or record.evidence in ("label", "regulatory", "guideline", "overview"):
            return False
        body_numbers = self._record_numbers(record.id)
        body_percents = self._record_percents(record.id)
        text = claim.text
        for m in COUNT.finditer(text):
            n = m.group(1).replace(",", "")
            if re.fullmatch(r"(?:19|20)\d\d", n):
                continue
            before = text[: m.start()]
            approximate = bool(APPROXIMATE.search(before))
            close = record.n and abs(int(n) - record.n) <= 0.1 * record.n
            randomised = bool(
                re.search(r"randomi[sz]\w*\s*$|randomi[sz]\w* (?:\w+ ){0,2}$", before, re.I)
            )
            seen = n in body_numbers and not randomised
            if record.n and not seen and int(n) != record.n and not (approximate and close):
                quote = self._sentence_with(record.id, str(record.n)) or self._sentence_with(
                    record.id, f"{record.n:,}"
                )
                if quote:
                    self._cite(claim, record.id, quote)
                    claim.verdict = "contradicted"
                    claim.explanation = (
                        f"{record.display_name} randomised {record.n} people, not {n}."
                    )
                    return True
        scope = (
            text
            if not (claim.context and claim.context.endswith(":"))
            else f"{claim.context} {text}"
        )
        negated = bool(NEGATIVE_RESULT.search(scope))
        positive = bool(POSITIVE.search(scope)) and not negated
        key = record.key_result or ""
        if record.result == "no-benefit" and positive and not about_other_outcome(text, record):
            return self._conflict(
                claim, record, f"{record.display_name} found no benefit over its comparator."
            )
        if (
            record.result == "benefit"
            and negated
            and re.search(r"\b(?:difference|effect|benefit|work)", scope, re.I)
        ):
            return self._conflict(claim, record, f"{record.display_name} found a benefit.")
        if positive:
            # "it cut heavy drinking": the key result says there was no effect on that outcome
            for outcome in null_outcomes(key):
                if outcome and outcome <= set(tokenize(text)):
                    return self._conflict(
                        claim, record, f"{record.display_name} found no effect on that outcome."
                    )
            if re.search(r"\bcrav\w*", text, re.I) and record.craving_result == "no-benefit":
                return self._conflict(
                    claim, record, f"{record.display_name} found no effect on craving."
                )
        claimed = {n.rstrip("%") for n in numbers_of(text) if n.endswith("%")}
        if claimed and not claimed & body_percents and numbers_of(key) and about_main_outcome(text):
            return self._conflict(
                claim, record, f"{record.display_name} reports other figures: {key}."
            )
        numbers = {n.rstrip("%").rstrip("mg") for n in numbers_of(text)}
        figures_match = (
            numbers and numbers <= body_numbers | {str(record.year)} and claimed <= body_percents
        )
        if self._within_record(claim, record, vec):
            return True
        if figures_match and self._cite_result(claim, record):
            claim.verdict = "supported"
            claim.explanation = f"{record.display_name} reports these figures."
            return True
        return False

    def _within_record(self, claim: Claim, record: RecordInfo, vec: np.ndarray) -> bool:
        """The study's own sentences most like the claim: a share of patients that cannot hold
        ("nearly all returned their diaries" / "fewer than half did"), or a difference from
        placebo on an outcome the study found no different."""
        positions = list(self.store.record_positions(record.id))
        if not positions or not len(self._rows):
            return False
        rows = np.concatenate(
            [
                np.arange(
                    int(self.store.sentence_offsets[p]), int(self.store.sentence_offsets[p + 1])
                )
                for p in positions
            ]
        )
        if not len(rows):
            return False
        sims = np.asarray(self.store.sentence_vectors)[rows] @ vec
        for i in np.argsort(-sims)[:8]:
            if float(sims[i]) < 0.45:
                break
            row = int(rows[i])
            pos = int(self._rows[row])
            sent = self._sentence_text(row, pos)
            why = share_conflict(claim.text, sent) or difference_conflict(claim.text, sent)
            if why is not None:
                self._contradicted_by(
                    claim, pos, sent, f"{record.display_name}: {why[0].lower()}{why[1:]}"
                )
                return True
        return False

    def _substance_efficacy(self, claim: Claim) -> bool:
        """A plain claim that baclofen works for a drug other than alcohol, against the
        placebo-controlled trials in that drug: contradicted when none of them found a benefit,
        or when the claim calls it proven and the largest of them found none."""
        text = claim.text
        subs = [s for s in find_substances(text) if s not in ("alcohol", "general")]
        if len(subs) != 1 or not BACLOFEN_WORD.search(f"{claim.context} {text}"):
            return False
        if not _WORKS.search(text) or NEGATION.search(text) or _HEDGE.search(text):
            return False
        trials = [
            r
            for r in self.catalog
            if subs[0] in r.substances
            and r.comparator == "placebo"
            and r.evidence in ("rct", "lab-study")
            and r.result in ("benefit", "no-benefit", "mixed")
        ]
        if not trials:
            return False
        if all(r.result == "no-benefit" for r in trials):
            why = (
                f"No placebo-controlled study of baclofen in {subs[0]} use here found a benefit "
                f"({', '.join(r.display_name for r in trials)})."
            )
        elif _PROVEN.search(text) and any(
            r.result == "no-benefit" and r.evidence == "rct" for r in trials
        ):
            negative = max(
                (r for r in trials if r.result == "no-benefit" and r.evidence == "rct"),
                key=lambda r: r.n or 0,
            )
            why = (
                f"The evidence in {subs[0]} use is not settled: a placebo-controlled trial, "
                f"{negative.display_name}, found no benefit."
            )
        else:
            return False
        negatives = sorted(
            (r for r in trials if r.result == "no-benefit"),
            key=lambda r: (r.evidence != "rct", -(r.n or 0)),  # trials before lab studies
        )
        for r in negatives[:2]:
            self._cite_result(claim, r)
        if not claim.citations:
            return False
        claim.verdict = "contradicted"
        claim.explanation = why
        return True

    def _by_passages(self, claim: Claim, vec: np.ndarray) -> None:
        """The curated sentences most like the claim decide: a negation, another number for the
        same quantity, or an opposite is a contradiction; a close match is support."""
        store = self.store
        if not len(self._rows):
            return
        sims = np.asarray(store.sentence_vectors) @ vec
        sims[~self._allowed] = -1.0
        order = np.argsort(-sims)
        top = order[:6]
        # a measured parameter (half-life, protein binding): the curated sentences about it decide,
        # even when they are not among the closest few
        params = parameters(claim.text)
        if params:
            for row in order[:60]:
                if float(sims[row]) < 0.5:
                    break
                pos = int(self._rows[row])
                sent = self._sentence_text(row, pos)
                why = parameter_conflict(claim.text, sent)
                if why is not None:
                    return self._contradicted_by(claim, pos, sent, why)
        claim_toks = set(tokenize(claim.text))
        claim_neg = bool(NEGATION.search(claim.text))
        claim_nums = quantities(claim.text)
        for row in top:
            sim = float(sims[row])
            if sim < CONFLICT_SIMILARITY - 0.04:
                break
            pos = int(self._rows[row])
            sent = self._sentence_text(row, pos)
            toks = set(tokenize(sent))
            overlap = len(claim_toks & toks) / max(1, len(claim_toks | toks))
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
            if why is None and claim_nums and shares_anchor(claim.text, sent, store.metas[pos]):
                claim_nums = {q for q in claim_nums if q[1] in ("people", "year", "month", "week")}
                known = set().union(
                    *(self._record_quantities(r) for r in self._anchored(claim.text, source))
                )
                why = number_conflict(claim_nums, quantities(sent), known)
            if why is None and overlap >= 0.25 and sim >= 0.8 and single_clause(sent):
                why = opposite(claim.text, sent)
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
            if same_sense and nums <= self._record_numbers(
                store.metas[pos].source_id
            ) | numbers_in_text(sent):
                self._cite_sentence(claim, pos, sent)
                claim.verdict = "supported"
                claim.explanation = "A curated source says the same."

    # ----------------------------------------------------------------- helpers

    def _conflict(self, claim: Claim, record: RecordInfo, why: str) -> bool:
        if not self._cite_result(claim, record):
            return False
        claim.verdict = "contradicted"
        claim.explanation = why
        return True

    def _cite_result(self, claim: Claim, record: RecordInfo) -> bool:
        found = result_quote(self.store, record)
        if found is None:
            return False
        ctx, quote, start = found
        self._add(claim, ctx, quote)
        return True

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

    def _sentence_text(self, row: int, pos: int) -> str:
        first = int(self.store.sentence_offsets[pos])
        s, e = self.store.sentences[pos][row - first]
        text = self.store.texts[pos][s:e]
        return text[2:] if text.startswith(("- ", "* ")) else text

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
        out: set[tuple[str, str]] = set()
        for pos in self.store.record_positions(record_id):
            out |= quantities(self.store.texts[pos])
        return out

    def _record_percents(self, record_id: str) -> set[str]:
        out: set[str] = set()
        for pos in self.store.record_positions(record_id):
            out |= {n for n in re.findall(r"(\d+(?:\.\d+)?)\s?%", self.store.texts[pos])}
        return out

    def _record_numbers(self, record_id: str) -> set[str]:
        out: set[str] = set()
        for pos in self.store.record_positions(record_id):
            out |= numbers_in_text(self.store.texts[pos])
        return out

    def _sentence_with(self, record_id: str, needle: str) -> str | None:
        for pos in self.store.record_positions(record_id):
            text = self.store.texts[pos]
            for s, e in self.store.sentences[pos]:
                if re.search(rf"(?<![\d.,]){re.escape(needle)}(?![\d])", text[s:e]):
                    sent = text[s:e]
                    return sent[2:] if sent.startswith(("- ", "* ")) else sent
        return None


def check_document(store: Any, embedder: Any, document: RecordInfo) -> CheckReport:
    claims = extract_claims(store, document.id)
    return CheckReport(document, Checker(store, embedder).check(claims))
