"""The fact sheet (``corpus/facts.yaml``) and how a claim is read against one of its facts
(``assistant check``): a fact is about a claim when its ``about`` pattern matches, contradicted
when one of its ``contradicts`` patterns (or a dated event's other year) matches outside a
negation or a qualifier, supported when one of its ``supports`` patterns does."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.answering.check.contrasts import digits
from assistant.answering.question.entities import find_countries, find_other_medicines
from assistant.settings import PROJECT_DIR

NEGATION = re.compile(
    r"\b(?:not|no|never|none|neither|nor|without|cannot|can't|doesn't|don't|didn't|isn't|aren't"
    r"|wasn't|weren't|won't|failed to|fail to|lack\w*|absence of)\b",
    re.I,
)
_AFTER_IF = re.compile(
    r"\s(?:when|if|unless|once|where|whenever|after|because|with no)\s", re.I
)  # ("... after X did not", "approved in 2014 with no maximum dose": a qualifier after it)

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
    year: int | None = None  # the year of the fact's event (a first approval, a warning)
    dated: tuple[re.Pattern[str], ...] = ()  # the event said with a year or decade ({when})


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
                    year=f.get("year"),
                    dated=tuple(
                        re.compile(x.replace("{when}", WHEN), re.I) for x in f.get("dated", [])
                    ),
                )  # fmt: skip
            )
            if bool(out[-1].year) != bool(out[-1].dated) or any(
                "when" not in rx.groupindex for rx in out[-1].dated
            ):
                raise TypeError("'year' and 'dated' go together; each dated pattern has {when}")
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
    return not NEGATION.search(rx.pattern.replace("\\b", " "))


# (every fact reads the same claim: its number words are turned into figures once)
_digits = lru_cache(maxsize=4096)(digits)


def fact_verdict(fact: Fact, text: str, context: str = "", section: str = "") -> str | None:
    """ "contradicted", "supported" or None for a claim about ``fact`` (``context``: the sentence
    a claim leans on, "That safety update ..." after a sentence naming the TGA; ``section``: the
    heading it sits under, "Australia: ...")."""
    if not fact.about.search(f"{context} {text}") and (
        not fact.about.search(section)
        # a line naming its own medicine is not about the heading's ("[A6] ... ATORVASTATIN")
        or (fact.topic == "interaction" and find_other_medicines(text))
    ):
        return None
    text = _ANSWER_WORD.sub("", text)  # "No, our card says ...": an answer, no negation
    text = _digits(text)  # "a maintenance dose of about sixty milligrams": its figure
    negated = bool(NEGATION.search(text))

    def denied(m: re.Match[str]) -> bool:  # a negation in the clause that says it
        return bool(NEGATION.search(_clause_of(text, m)))

    supports = any(
        (m := rx.search(text))
        and not (denied(m) and _affirmative(rx))
        and not _SET_ASIDE.search(m.group(0))  # "X rather than coma": coma is denied
        for rx in fact.supports
    )
    qualified = any(rx.search(text) for rx in fact.unless)
    if fact.year and not qualified and not any(fact.year in span for span in _years_in(text)):
        for rx in fact.dated:  # the event dated to a year or decade that excludes its year
            m = rx.search(text)
            # ("not approved in America until 1997": approved then, no denial)
            late = m and re.search(
                r"\b(?:not|n't)\b[^.;]{0,40}\b(?:until|till)\b", _clause_of(text, m)
            )
            if m and (late or not denied(m)) and len(find_countries(m.group(0))) <= 1:
                return "contradicted"
    for rx in fact.contradicts:
        m = rx.search(text)
        if (
            m
            and not (denied(m) and _affirmative(rx))
            and not _apart(m)
            and not any(u.search(_statement_of(text, m)) for u in fact.unless)
        ):
            return "contradicted"
    if supports and not negated:
        return "supported"
    return None


# what a claim sets aside ("agitation rather than drowsiness"): a word after it is denied
_SET_ASIDE = re.compile(r"\b(?:rather than|instead of|as opposed to)\b", re.I)

# a clause of consequence or comment of its own: a pattern read across one joins the words of
# two statements ("registered ... for muscle spasm, so prescribing it for alcohol is off-label"
# never says it is registered for alcohol)
# ("the US label, which allows up to 120 mg": what the label says, not a second statement)
_APART = re.compile(
    r",\s+(?:so|whereas|while|because)\s|,\s+which\s+(?!allows|permits|sets|gives|lists|says"
    # ("150 mg a day, which my GP says is under the label's ceiling": the same statement)
    r"|states|recommends|(?:my|his|her|their|our|the) \w+ (?:says|said|claims|reckons|thinks))|;\s"
)


def _apart(m: re.Match[str]) -> bool:
    return bool(_APART.search(m.group(0)))


def _statement_of(text: str, m: re.Match[str]) -> str:
    """The statement of ``text`` that holds the match, between clauses of consequence or comment
    (its qualifiers are its own: "little" in "..., so kidney function made little difference"
    does not make "almost entirely broken down by the liver" a small part)."""
    starts = [e.end() for e in _APART.finditer(text, 0, m.start())]
    end = next(iter(_APART.finditer(text, m.end())), None)
    return text[max(starts, default=0) : end.start() if end else len(text)]


_ANSWER_WORD = re.compile(
    r"^(?:\W*[A-Z][A-Z .'-]*:\W*\s*)*(?:no|nope|yes|correct|wrong|right|sorry)\b[\W]*[,—–!.]\s*",
    re.I,
)
# A year or a decade ("in 2012", "the late 1980s"), as the `{when}` of a dated pattern.
# A month before the year ("in March 2021") is read with it.
_MONTH = (
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+)?"
)
WHEN = _MONTH + r"(?P<when>(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:19|20)\d0s|(?:19|20)\d\d)\b"
_WHEN = re.compile(WHEN, re.I)
_PART_OF_DECADE = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}


def _years_in(text: str) -> list[range]:
    """The years a text names, each as a span ("the late 1980s" -> 1986-1989, "2012" -> 2012)."""
    spans = []
    for m in _WHEN.finditer(text):
        when = m.group("when").lower()
        first = int(re.search(r"\d{4}", when).group(0))  # type: ignore[union-attr]
        if not when.endswith("s"):
            spans.append(range(first, first + 1))
            continue
        part = next((p for p in _PART_OF_DECADE if p in when), None)
        lo, hi = _PART_OF_DECADE[part] if part else (0, 9)
        spans.append(range(first + lo, first + hi + 1))
    return spans


_CLAUSE_END = re.compile(
    r",\s+(?:so|and|which|while|whereas|because)\b|\s+(?:so|because)\s+"
    r"|,\s+(?:\w+\s+){0,2}?who\b"  # "..., for people who can't take ...": a clause of its own
    r"|,\s+an?\s+\w+\s+that\b"  # an appositive: "..., a ceiling that has not moved since"
    # a contrast after it ("... apply only to the pump, not to tablets") denies nothing before
    r"|,\s+(?=not\s+(?:to|for|with|in|on|at|from)\b)"
    r"|\s+[-–—]\s+(?=(?:i|we)\b)"  # the writer's aside after a dash ("- I could not find ...")
    # a statement of its own ("... dose adjustment only; they do not rule it out"), unless it
    # only denies the one before ("... blocks GABA-A; it doesn't.")
    r"|;\s+(?![^;]{0,40}?\b(?:it|they|this|that|he|she)\s+(?:does|do|did|is|are|was|were|has"
    r"|have|can|will)(?:\s+not|n[\u2019']t)\s*(?:[.,;!]|$))"
    r"|:\s+",  # ("it did not last: a court suspended it ...", not "Not true: ...", see _clause_of)
    re.I,
)


_CONDITION = re.compile(
    # (after the question an answer line is read with: "How is it cleared?: Because ...")
    r"^(?:[^?]{1,100}\?:?\s+)?"
    r"(?:if|when|whenever|unless|once|where|should|because|since|although|though)\b[^,;]{3,120},"
    r"\s*",
    re.I,
)  # a leading condition or reason is a clause of its own ("Because X, Y do not ...")


def _clause_of(text: str, m: re.Match[str]) -> str:
    """The clause of ``text`` that holds the match ("it has a half-life of two days" in "..., so
    missing a dose is no big deal")."""
    starts = [
        e.end()
        for e in _CLAUSE_END.finditer(text, 0, m.start())
        if not e.group(0).startswith(":") or len(text[: e.start()].split()) >= 4
    ]
    lead = _CONDITION.match(text)  # "If the catheter cannot be placed, it may be given ..."
    if lead and lead.end() <= m.start():
        starts.append(lead.end())
    if lead and m.end() <= lead.end():  # the match is the leading clause's own
        return text[: lead.end()]
    end = next(
        (
            e
            for e in _CLAUSE_END.finditer(text, m.end())
            if not e.group(0).startswith(":") or len(text[: e.start()].split()) >= 4
        ),
        None,
    )
    stop = end.start() if end else len(text)
    sub = _AFTER_IF.search(text, m.end(), stop)  # ("... when the others are not tolerated")
    return text[max(starts) if starts else 0 : sub.start() if sub else stop]
