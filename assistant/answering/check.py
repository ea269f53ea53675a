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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from assistant.answer import Citation, Context
from assistant.answering import contraindications as ci
from assistant.answering.compose import Citations, numbers_of
from assistant.answering.plan import find_trials
from assistant.answering.synthesis import result_quote
from assistant.library.chunks import split_sentences, tokenize
from assistant.library.records import RecordInfo
from assistant.settings import PROJECT_DIR
from assistant.vocab import USER_EVIDENCE

VERDICTS = ("contradicted", "supported", "not-covered")

# What makes a sentence a checkable claim, by topic (first match names the topic).
TOPICS: dict[str, re.Pattern[str]] = {
    k: re.compile(v, re.I)
    for k, v in {
        "contraindication": r"contra.?indicat|must not (?:take|use)|should not (?:take|use)"
        r"|can'?t take|cannot take|not be (?:used|taken|given)|rules? out|ruled out",
        "withdrawal": r"\b(?:stop\w*|quit\w*|discontinu\w*)\b.*\b(?:abrupt\w*|sudden\w*|cold turkey)"
        r"|\bwithdrawal\b|\btaper\w*",
        "overdose": r"overdos\w*|poison\w*|toxicity",
        "elimination": r"\bliver\b|\bkidney\w*|\brenal\b|excret\w*|metaboli[sz]\w*|eliminat\w*"
        r"|cleared|half.?life|dialysis",
        "regulation": r"approv\w*|authori[sz]\w*|licen[sc]\w*|\bfda\b|\bansm\b|\btga\b|\bnice\b"
        r"|\bema\b|off.?label|\brtu\b|baclocur|guideline\w*|recommend\w*|regulator\w*|banned"
        r"|withdrawn from|on the market|marketed|conseil|court|first.?line|prescri\w*",
        "dose": r"\b\d+ ?mg\b|\bdose\w*|\bdosage\b|\bceiling\b|\bcapped\b",
        "trial-result": r"\btrials?\b|\bstud(?:y|ies)\b|\breview\b|meta.?analys\w*|randomi[sz]\w*"
        r"|placebo|\b\d+(?:\.\d+)? ?%|success rate|\bpatients\b|\bparticipants\b|\bcrav\w*",
        "origin": r"original\w*|first (?:synthesi\w*|developed|made|used|approved)|invent\w*"
        r"|discover\w*|\b19[4-9]\d\b|neuroprotect\w*|histor\w*",
        "mechanism": r"\bgaba\w*|receptor\w*|agonist|antagonist|dopamin\w*|neurotransmit\w*",
        "interaction": r"\balcohol\b|\bopioid\w*|sedat\w*|\bcombin\w*|\bmix\w*|benzodiazepin\w*",
        "pregnancy": r"pregnan\w*|breast\w*|\bmilk\b|newborn\w*|lactat\w*",
        "adverse-effects": r"side.?effects?|adverse|drowsi\w*|dizz\w*|sleepi\w*|encephalopath\w*",
    }.items()
}
# Sentences that report what others say and reject it are not the document's claims.
_REJECTED = re.compile(
    r"^(?:it is a myth that|contrary to (?:popular )?belief|critics (?:claim|say)|some (?:claim|say))"
    r"|\b(?:is|are) (?:a )?myths?\b|\bis (?:simply )?(?:false|wrong|untrue)\b",
    re.I,
)
_QUESTION = re.compile(r"\?\s*$")
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|neither|nor|without|cannot|can't|doesn't|don't|didn't|isn't|aren't"
    r"|wasn't|weren't|won't|failed to|fail to|lack\w*|absence of)\b",
    re.I,
)
_POSITIVE = re.compile(
    r"\b(?:reduc\w*|improv\w*|increas\w*|delay\w*|halv\w*|doubl\w*|cut|cuts|beat|better|positive"
    r"|effective|worked|works|benefit\w*|lower\w*|prevent\w*|helped|helps|succe\w*|superior"
    r"|significant(?:ly)?)\b",
    re.I,
)
_NEGATIVE_RESULT = re.compile(
    r"\b(?:no (?:significant |clear |real )?(?:difference|effect|benefit|advantage)|did not"
    r"|didn't|failed|not significant\w*|no better|was not|were not|neither|nothing|could not|negative"
    r"|cannot|unable)\b",
    re.I,
)
_PEOPLE = r"(?:patients|people|participants|adults|men|women|veterans|smokers|drinkers|volunteers|users|subjects|inpatients|outpatients)"
_COUNT = re.compile(
    rf"(?<![\d,.])(\d{{1,3}}(?:,\d{{3}})*|\d+)\s+(?:[A-Za-z-]+[ -]){{0,3}}?{_PEOPLE}\b", re.I
)
# Opposites that decide a conflict between two statements about the same thing.
_OPPOSITES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(a, re.I), re.compile(b, re.I))
    for a, b in (
        (r"\bliver\b|\bhepatic\b", r"\bkidneys?\b|\brenal\w*|\burine\b"),
        (r"\bfirst.?line\b", r"\bsecond.?line\b|\bnot (?:a )?first.?line\b|\bnot recommended\b"),
        (
            r"\bapproved\b|\bauthori[sz]ed\b|\blicensed\b",
            r"\boff.?label\b|\bnot (?:been )?approved\b",
        ),
        (
            r"\bmild\b|\bharmless\b",
            r"\bsevere\b|\blife.?threatening\b|\bcoma\b|\bdeath\b|\bfatal\b",
        ),
        (
            r"\bwithdrawn\b|\bbanned\b|\bremoved\b",
            r"\bstill (?:authori[sz]ed|marketed|available|sold)\b|\bmarketed\b",
        ),
        (
            r"\b(?:clearly |well |firmly )?(?:established|proven|demonstrated|confirmed)\b",
            r"\binsufficient\b|\bnot (?:established|proven|demonstrated)\b|\bunproven\b|\buncertain\b|\bunclear\b",
        ),
    )
)
# A claim about who must not take baclofen (not "livers that can't take any more").
_ABOUT_CONTRAINDICATION = re.compile(
    r"contra.?indicat\w*|(?:must|should|can)(?:not|n't| not) (?:take|use|be given|have) "
    r"(?:baclofen|it|this (?:drug|medicine))|(?:can't|cannot|must not|should not) take baclofen"
    r"|label (?:says|lists|states) (?:\w+ ){0,4}(?:can't|cannot|must not|should not|contra)",
    re.I,
)
_APPROXIMATE = re.compile(
    r"\b(?:more than|over|about|around|nearly|almost|some|roughly|approximately|~)\s*$", re.I
)
SUPPORT_SIMILARITY = 0.8
CONFLICT_SIMILARITY = 0.72


# --------------------------------------------------------------------------- the fact sheet

FACTS_PATH = PROJECT_DIR / "corpus" / "facts.yaml"


class FactError(ValueError):
    """The fact sheet cannot be loaded; the message names the file and the fact."""


@dataclass(frozen=True)
class Fact:
    key: str
    topic: str
    statement: str
    about: re.Pattern[str]
    contradicts: tuple[re.Pattern[str], ...]
    supports: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]  # qualifiers that make a claim no contradiction
    source_id: str
    quote: str


@lru_cache(maxsize=4)
def _load_facts(path: Path, mtime: float) -> tuple[Fact, ...]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FactError(f"{path}: cannot read: {exc}") from None
    out = []
    for i, f in enumerate((data or {}).get("facts", [])):
        key = f.get("key", f"#{i}")
        try:
            out.append(
                Fact(
                    key=key,
                    topic=f["topic"],
                    statement=f["statement"],
                    about=re.compile(f["about"], re.I),
                    contradicts=tuple(re.compile(x, re.I) for x in f.get("contradicts", [])),
                    supports=tuple(re.compile(x, re.I) for x in f.get("supports", [])),
                    unless=tuple(re.compile(x, re.I) for x in f.get("unless", [])),
                    source_id=f["source_id"],
                    quote=f["quote"],
                )  # fmt: skip
            )
        except (KeyError, re.error, TypeError) as exc:
            raise FactError(f"{path}: fact {key}: {type(exc).__name__}: {exc}") from None
    return tuple(out)


def load_facts(path: Path | None = None) -> tuple[Fact, ...]:
    """The checkable facts of ``corpus/facts.yaml`` (cached until the file changes)."""
    path = Path(path or FACTS_PATH).resolve()
    try:
        return _load_facts(path, path.stat().st_mtime)
    except OSError as exc:
        raise FactError(f"{path}: cannot read: {exc}") from None


def _affirmative(rx: re.Pattern[str]) -> bool:
    """A pattern for a positive statement ("the FDA approved it for alcohol"): a negated claim
    ("the FDA has not approved it") does not match it."""
    return not _NEGATION.search(rx.pattern.replace("\\b", " "))


def fact_verdict(fact: Fact, text: str, context: str = "") -> str | None:
    """ "contradicted", "supported" or None for a claim about ``fact`` (``context``: the sentence
    a claim leans on, "That safety update ..." after a sentence naming the TGA)."""
    if not fact.about.search(f"{context} {text}"):
        return None
    negated = bool(_NEGATION.search(text))
    supports = any(rx.search(text) and not (negated and _affirmative(rx)) for rx in fact.supports)
    qualified = any(rx.search(text) for rx in fact.unless)
    for rx in fact.contradicts:
        if rx.search(text) and not (negated and _affirmative(rx)) and not qualified:
            return "contradicted"
    if supports and not negated:
        return "supported"
    return None


@dataclass
class Claim:
    text: str
    page: int | None
    topic: str
    verdict: str = "not-covered"
    explanation: str = ""
    citations: list[Citation] = field(default_factory=list)
    context: str = ""  # the sentence that introduces a list item
    condition: str = ""  # a contraindication claim: the table's condition it names

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "page": self.page,
            "topic": self.topic,
            "verdict": self.verdict,
            "explanation": self.explanation,
            "citations": [c.to_json() for c in self.citations],
        }


@dataclass
class CheckReport:
    document: RecordInfo
    claims: list[Claim]

    def to_json(self) -> dict[str, Any]:
        return {
            "document": {"id": self.document.id, "title": self.document.title},
            "claims": [c.to_json() for c in self.claims],
        }

    def counts(self) -> dict[str, int]:
        return {v: sum(c.verdict == v for c in self.claims) for v in VERDICTS}


# --------------------------------------------------------------------------- claims


def topic_of(text: str) -> str | None:
    for topic, rx in TOPICS.items():
        if rx.search(text):
            return topic
    return None


def extract_claims(store: Any, document_id: str) -> list[Claim]:
    """The document's checkable claims, in order: sentences with a checkable topic, and each
    item of a list together with the sentence that introduces it."""
    claims: list[Claim] = []
    previous = ""  # the last sentence, for claims that lean on it ("That review also found ...")
    lead = ""  # the sentence introducing a list (kept across chunks: a list may start a chunk)
    for pos in store.record_positions(document_id):
        text = store.texts[pos]
        page = store.metas[pos].page
        for s, e in split_sentences(text):
            sent = text[s:e].strip()
            item = sent.startswith(("- ", "* ", "• "))
            if item:
                sent = sent[2:].strip()
            elif sent.endswith(":"):
                lead = sent
                continue
            else:
                lead = ""
            context = lead if item else (previous if _LEANS.search(sent) else "")
            if not item:
                previous = sent
            if len(sent) < 12 or _QUESTION.search(sent) or _REJECTED.search(sent):
                continue
            topic = topic_of(f"{context} {sent}")
            if topic is None:
                continue
            if any(c.text == sent for c in claims):
                continue
            claims.append(Claim(sent, page, topic, context=context))
    return claims


# A sentence that leans on the one before it: "That review also found ...", "They ...".
_LEANS = re.compile(
    r"^(?:it|they|this|that|these|those|the same|such|its|their|he|she)\b"
    r"|\b(?:that|this|the same) (?:review|trial|study|update|analysis|committee|guideline|ruling)\b",
    re.I,
)


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
        for decide in (self._contraindication, self._fact, self._study):
            if decide(claim):
                return
        self._by_passages(claim, vec)

    def _fact(self, claim: Claim) -> bool:
        """A claim about one of the checkable facts, decided by the fact's own sentence: any
        fact it contradicts decides first; support needs the claim itself to be about the fact."""
        facts = load_facts()  # a broken fact sheet is an error, never a silent "not covered"
        verdicts = [(fact_verdict(f, claim.text, claim.context), f) for f in facts]
        chosen = next((f for v, f in verdicts if v == "contradicted"), None)
        verdict = "contradicted"
        if chosen is None:
            chosen = next(
                (f for v, f in verdicts if v == "supported" and f.about.search(claim.text)), None
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
        conditions = [c for c in ci.lookup(t, table) if c.key not in ("cns_depressants",)]
        if not conditions:
            return False
        cond = conditions[0]
        only = next((c for c in table if c.label_status == "contraindicated"), None)
        if (
            cond.label_status != "contraindicated"
            and re.search(
                r"\bguideline\w*|\baustralia\w*|\bkidney (?:literature|journal)\b|\bsome (?:experts|sources)\b",
                claim.text,
                re.I,
            )
            and not re.search(r"\b(?:us |fda |official )?label\b", claim.text, re.I)
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

    def _study(self, claim: Claim) -> bool:
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
        for m in _COUNT.finditer(text):
            n = m.group(1).replace(",", "")
            if re.fullmatch(r"(?:19|20)\d\d", n):
                continue
            before = text[: m.start()]
            approximate = bool(_APPROXIMATE.search(before))
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
        negated = bool(_NEGATIVE_RESULT.search(scope))
        positive = bool(_POSITIVE.search(scope)) and not negated
        key = record.key_result or ""
        if record.result == "no-benefit" and positive and not _about_other_outcome(text, record):
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
            for outcome in _null_outcomes(key):
                if outcome and outcome <= set(tokenize(text)):
                    return self._conflict(
                        claim, record, f"{record.display_name} found no effect on that outcome."
                    )
            if re.search(r"\bcrav\w*", text, re.I) and record.craving_result == "no-benefit":
                return self._conflict(
                    claim, record, f"{record.display_name} found no effect on craving."
                )
        claimed = {n.rstrip("%") for n in numbers_of(text) if n.endswith("%")}
        if (
            claimed
            and not claimed & body_percents
            and numbers_of(key)
            and _about_main_outcome(text)
        ):
            return self._conflict(
                claim, record, f"{record.display_name} reports other figures: {key}."
            )
        numbers = {n.rstrip("%").rstrip("mg") for n in numbers_of(text)}
        figures_match = (
            numbers and numbers <= body_numbers | {str(record.year)} and claimed <= body_percents
        )
        if figures_match and self._cite_result(claim, record):
            claim.verdict = "supported"
            claim.explanation = f"{record.display_name} reports these figures."
            return True
        return False

    def _by_passages(self, claim: Claim, vec: np.ndarray) -> None:
        """The curated sentences most like the claim decide: a negation, another number for the
        same quantity, or an opposite is a contradiction; a close match is support."""
        store = self.store
        if not len(self._rows):
            return
        sims = np.asarray(store.sentence_vectors) @ vec
        sims[~self._allowed] = -1.0
        top = np.argsort(-sims)[:6]
        claim_toks = set(tokenize(claim.text))
        claim_neg = bool(_NEGATION.search(claim.text))
        claim_nums = _quantities(claim.text)
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
                and not _HEDGED.search(claim.text)
                and _negated_verb_conflict(claim.text, sent)
            ):
                why = "The curated source states the opposite."
            if why is None and claim_nums and _shares_anchor(claim.text, sent, store.metas[pos]):
                claim_nums = {q for q in claim_nums if q[1] in ("people", "year", "month", "week")}
                known = set().union(
                    *(self._record_quantities(r) for r in self._anchored(claim.text, source))
                )
                why = _number_conflict(claim_nums, _quantities(sent), known)
            if why is None and overlap >= 0.25 and sim >= 0.8 and single_clause(sent):
                why = _opposite(claim.text, sent)
            if why is not None:
                self._cite_sentence(claim, pos, sent)
                claim.verdict = "contradicted"
                claim.explanation = why
                return
        best = int(top[0])
        if float(sims[best]) >= SUPPORT_SIMILARITY:
            pos = int(self._rows[best])
            sent = self._sentence_text(best, pos)
            nums = {n for n, _ in claim_nums}
            same_sense = (
                claim_neg == bool(_NEGATION.search(sent)) and _opposite(claim.text, sent) is None
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
            out |= _quantities(self.store.texts[pos])
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


def named_studies(text: str, catalog: Sequence[RecordInfo]) -> list[str]:
    """Studies a claim names (trial name, or author surname with the year when there are
    several): a description is too loose to decide a claim on."""
    found = find_trials(text, catalog)
    low = text.lower()
    named = []
    for rid in found:
        r = next((x for x in catalog if x.id == rid), None)
        if r is None:
            continue
        cochrane = "cochrane" in low and "cochrane" in f"{r.title} {r.journal or ''}".lower()
        if (
            any(n.lower() in low for n in r.trial_names)
            or (r.surname and r.surname.lower() in low)
            or (cochrane and (str(r.year) in low or "latest" in low))
        ):
            named.append(rid)
    return named


_CLAUSE = re.compile(
    r",\s*(?:so|but|which|because|while|whereas|although|though)\b|;|\bbecause\b|\bbut\b", re.I
)


def single_clause(text: str) -> bool:
    return not _CLAUSE.search(text)


_ANCHOR = re.compile(r"\b[A-Z][A-Za-z]{2,}\b|\b(?:19|20)\d\d\b")


def _shares_anchor(claim: str, passage: str, meta: Any) -> bool:
    """The claim and the passage name the same thing: a name (RTU, Baclofen brand, a trial, an
    author) or a year that the passage's record is about."""
    names = {w.lower() for w in _ANCHOR.findall(claim)} - _COMMON_CAPS
    record_words = f"{meta.title} {meta.names} {passage}".lower()
    return any(n in record_words for n in names)


_COMMON_CAPS = {
    "the",
    "in",
    "a",
    "an",
    "it",
    "this",
    "that",
    "baclofen",
    "when",
    "then",
    "but",
    "and",
    "for",
    "people",
    "patients",
    "only",
    "some",
    "most",
    "after",
    "before",
    "one",
    "two",
    "its",
    "their",
}


_MAIN_OUTCOME = re.compile(
    r"\b(?:abstinen\w*|sober|relaps\w*|never went back|drinking|heavy drinking|success\w*"
    r"|respon\w*|quit\w*|stopped using|remission)\b",
    re.I,
)


def _about_main_outcome(text: str) -> bool:
    return bool(_MAIN_OUTCOME.search(text))


def _about_other_outcome(text: str, record: RecordInfo) -> bool:
    """A positive claim about a secondary outcome (anxiety, craving) of a negative trial is not a
    claim about its result."""
    return bool(
        re.search(r"\b(?:anxiety|mood|sleep|craving|liver|tolerat\w*|safety)\b", text, re.I)
    ) and not _about_main_outcome(text)


def numbers_in_text(text: str) -> set[str]:
    return {n.replace(",", "") for n in re.findall(r"(?<![\w.])\d[\d,]*(?:\.\d+)?", text)}


_UNIT = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)[\s-]?(%|mg|years?|months?|weeks?|days?|hours?|"
    + _PEOPLE
    + r")\b",
    re.I,
)


_WORD_NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}


def _quantities(text: str) -> set[tuple[str, str]]:
    out = set()
    text = re.sub(
        r"\b(" + "|".join(_WORD_NUMBERS) + r")\b(?=[\s-]+(?:years?|months?|weeks?|days?|hours?))",
        lambda m: _WORD_NUMBERS[m.group(1).lower()],
        text,
        flags=re.I,
    )
    for num, unit in _UNIT.findall(text):
        unit = unit.lower().rstrip("s")
        if unit in (
            "patient",
            "people",
            "participant",
            "adult",
            "men",
            "women",
            "veteran",
            "smoker",
            "drinker",
            "volunteer",
            "user",
            "subject",
            "inpatient",
            "outpatient",
        ):
            unit = "people"  # fmt: skip
        out.add((num.replace(",", ""), unit))
    return out


def _number_conflict(
    claim: set[tuple[str, str]], passage: set[tuple[str, str]], known: set[tuple[str, str]]
) -> str | None:
    """The claim gives a quantity (5 years, 148 people) that the passage gives otherwise, and no
    record the claim may be about states that quantity at all."""
    for num, unit in claim:
        theirs = {n for n, u in passage if u == unit}
        if theirs and num not in theirs and (num, unit) not in known:
            return f"The curated source gives {', '.join(sorted(theirs))} {unit}, not {num}."
    return None


# A hedged claim ("suggests it can", "may help") does not contradict a plain finding.
_HEDGED = re.compile(
    r"\b(?:may|might|could|can|suggests?|potential\w*|possibl\w*|perhaps|seems?|appears?)\b", re.I
)
_NEG_VERB = re.compile(
    r"\b(?:not|no|never|doesn't|does not|don't|do not|didn't|did not|cannot|can't|won't|will not"
    r"|isn't|is not|aren't|are not|wasn't|was not|failed to)\s+(?:\w+ly\s+|be\s+|been\s+|get\s+|to\s+)?(\w+)",
    re.I,
)


def _negated_verb_conflict(a: str, b: str) -> bool:
    """One sentence negates a verb the other states plainly ("does not add to" / "adds to")."""
    for x, y in ((a, b), (b, a)):
        for m in _NEG_VERB.finditer(x):
            verb = tokenize(m.group(1))
            if not verb:
                continue
            y_toks = set(tokenize(y))
            if verb[0] in y_toks and not any(
                tokenize(n.group(1))[:1] == verb[:1] for n in _NEG_VERB.finditer(y)
            ):
                return True
    return False


def _opposite(claim: str, passage: str) -> str | None:
    for a, b in _OPPOSITES:
        for x, y in ((a, b), (b, a)):
            if (
                x.search(claim)
                and not y.search(claim)
                and y.search(passage)
                and not x.search(passage)
            ):
                return "The curated source says the opposite."
    return None


_NULL_OUTCOME = re.compile(
    r"\b(?:no (?:significant |clear )?(?:effect|difference|reduction|benefit) (?:on|in)"
    r"|did not (?:significantly )?(?:reduce|change|improve|affect|lower)|not (?:on|for))\s+([a-z ,-]{3,60})",
    re.I,
)


def _null_outcomes(key_result: str) -> list[set[str]]:
    """The outcomes a key result says were not changed ("no significant effect on heavy drinking
    days" -> {heavy, drink, day})."""
    return [
        set(tokenize(m.group(1))) - {"baclofen", "placebo"}
        for m in _NULL_OUTCOME.finditer(key_result)
    ]


def check_document(store: Any, embedder: Any, document: RecordInfo) -> CheckReport:
    claims = extract_claims(store, document.id)
    return CheckReport(document, Checker(store, embedder).check(claims))
