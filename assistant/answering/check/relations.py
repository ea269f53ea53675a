"""Typed readings of a claim against one close source sentence: how one quantity stands to
another ("renal clearance far lower than creatinine clearance" where the source says close to
it), when a level peaks ("peaked in milk within about 30 minutes" where the source gives 4
hours), which medicine acted faster, a level as a share of another ("CSF levels half of
plasma" / "about 12%"), a product's tablet strengths, a risk called significantly higher
whose ratio's confidence interval spans 1, and which sex a dose helped ("men responded best to
30 mg/day" where the source says women did). Each returns the reason the claim is contradicted,
or None.
"""

from __future__ import annotations

import re

from assistant.answering.check.contrasts import digits
from assistant.answering.check.fact_sheet import NEGATION
from assistant.answering.question.entities import find_other_medicines
from assistant.library.chunks import tokenize
from assistant.vocab import BRANDS

# ------------------------------------------------------------------ one quantity set against another

_APART = re.compile(
    r"\b(?:far|much|well|considerably|substantially|markedly|clearly)\s+(?:lower|higher|greater"
    r"|less|smaller|larger|below|above)\s+(?:than\s+)?(?:the\s+)?(?P<what>[a-z-]+(?:\s+[a-z-]+)?)",
    re.I,
)
_ALIKE = re.compile(
    r"\b(?:close to|roughly equal to|about equal to|approximately equal to|similar to|equal to"
    r"|the same as|in line with)\s+(?:the\s+)?(?P<what>[a-z-]+(?:\s+[a-z-]+)?)",
    re.I,
)
_STOP = frozenset(tokenize("the a of in on at to and or that which was were is are be its their"))


def _words(text: str) -> set[str]:
    return set(tokenize(text)) - _STOP


def relation_conflict(claim: str, passage: str) -> str | None:
    """The claim sets a quantity far from another that the passage puts close to it (or the
    reverse), the same two quantities named in both."""
    for apart_in, alike_in, says in ((claim, passage, "close to"), (passage, claim, "far from")):
        apart, alike = _APART.search(apart_in), _ALIKE.search(alike_in)
        if not apart or not alike or NEGATION.search(claim):
            continue
        if not _words(apart.group("what")) & _words(alike.group("what")):
            continue  # (set against different things)
        before = _words(apart_in[: apart.start()]) & _words(alike_in[: alike.start()])
        if len(before) < 2:
            continue  # (not the same quantity set against it)
        return f"The curated source puts it {says} {alike.group('what') if says == 'close to' else apart.group('what')}."
    return None


# ------------------------------------------------------------------ when a level peaks

_PEAK = re.compile(
    r"\bpeak\w*|\bmaximum (?:plasma |blood )?(?:concentration|level)s?\b|\btmax\b", re.I
)
_TIME = re.compile(
    r"\b(?P<a>\d+(?:\.\d+)?)(?:\s*(?:to|-|–|and)\s*(?P<b>\d+(?:\.\d+)?))?\s*"
    r"(?P<unit>hours?|hrs?|h|minutes?|mins?)\b",
    re.I,
)
_HALF_HOUR = re.compile(r"\bhalf an hour\b", re.I)
# what peaked: a level in breast milk, the oral solution's, or the tablets' (blood by default)
_KINDS = {
    "milk": re.compile(r"\bmilk\b", re.I),
    "solution": re.compile(r"\b(?:solution|liquid|syrup|suspension)\b", re.I),
    "tablet": re.compile(r"\btablets?\b", re.I),
}


def _peak_hours(text: str) -> tuple[float, float] | None:
    """The time to peak a sentence gives, in hours (low, high); None when it gives none."""
    t = _HALF_HOUR.sub("0.5 hours", digits(text))
    peak = _PEAK.search(t)
    if not peak:
        return None
    times = [m for m in _TIME.finditer(t) if abs(m.start() - peak.start()) <= 90]
    if not times:
        return None
    m = min(times, key=lambda m: abs(m.start() - peak.end()))  # (not a half-life beside it)
    scale = 1 / 60 if m.group("unit").lower().startswith("m") else 1.0
    a = float(m.group("a")) * scale
    return a, float(m.group("b")) * scale if m.group("b") else a


def peak_time_conflict(claim: str, passage: str) -> str | None:
    """The claim gives a time to peak far from the passage's for the same kind of level (in
    milk, of the solution, of the tablets): no overlap, and one more than twice the other."""
    if NEGATION.search(claim):
        return None
    mine, theirs = _peak_hours(claim), _peak_hours(passage)
    if not mine or not theirs:
        return None
    kinds = [{k for k, rx in _KINDS.items() if rx.search(t)} for t in (claim, passage)]
    if kinds[0] != kinds[1] or len(kinds[1]) > 1:
        return None  # (another level's peak, or a sentence comparing two)
    low, high = max(mine[0], theirs[0]), min(mine[1], theirs[1])
    if low <= high or low < 2 * high:
        return None
    return f"The curated source gives a time to peak of {_hours(theirs)}."


def _hours(span: tuple[float, float]) -> str:
    a, b = span
    return f"{a:g} hours" if a == b else f"{a:g} to {b:g} hours"


# ------------------------------------------------------------------ which medicine acted faster

_FASTER = re.compile(r"\b(?:faster|more quickly|quicker|sooner|more rapidly)\b", re.I)


def _medicines(text: str) -> list[tuple[int, str]]:
    """(position, name) of baclofen and the other medicines a sentence names, in order."""
    found = [(m.start(), "baclofen") for m in re.finditer(r"\bbaclofen\b", text, re.I)]
    for name in find_other_medicines(text):
        found += [(m.start(), name) for m in re.finditer(rf"\b{re.escape(name)}\b", text, re.I)]
    return sorted(found)


def _faster_one(text: str) -> str | None:
    """The medicine a sentence says acted faster: the one after "on"/"with" the comparative
    ("slightly more quickly on diazepam"), else the last one named before it ("diazepam calmed
    agitation slightly faster", "baclofen calmed it faster than diazepam")."""
    m = _FASTER.search(text)
    if not m or NEGATION.search(text):
        return None
    named = _medicines(text)
    after = re.match(r"\s+(?:on|with|in the) (\w+)", text[m.end() :], re.I)
    if after and any(n == after.group(1).lower() for _, n in named):
        return after.group(1).lower()
    before = [n for p, n in named if p < m.start()]
    return before[-1] if before else None


def speed_conflict(claim: str, passage: str) -> str | None:
    """The claim says one medicine acted faster than another where the passage says the other
    did, both named in the claim."""
    mine, theirs = _faster_one(claim), _faster_one(passage)
    if not mine or not theirs or mine == theirs:
        return None
    if theirs not in {n for _, n in _medicines(claim)}:
        return None
    return f"The curated source says {theirs} acted faster."


# ------------------------------------------------------------------ a level as a share of another

_PARTS = {"half": 50.0, "a third": 33.3, "one third": 33.3, "a quarter": 25.0, "one quarter": 25.0,
          "two thirds": 66.7, "three quarters": 75.0, "a tenth": 10.0, "one tenth": 10.0}  # fmt: skip
_SHARE_OF = re.compile(
    rf"\b(?P<part>{'|'.join(_PARTS)}|\d+(?:\.\d+)?\s?%) of (?:those |the levels? |the "
    r"concentrations? )?(?:in |of )?(?:the )?(?P<ref>plasma|blood|serum|the mother'?s? (?:blood|plasma))\b",
    re.I,
)
_PIECES = re.compile(r"[;,]|\band\b", re.I)


def _shares(text: str) -> list[tuple[set[str], float, str]]:
    """(the clause's words, the share in percent, what it is a share of) for each clause giving
    a level as a share of another ("reach about 12% of plasma levels", "half of those in plasma")."""
    out = []
    for piece in _PIECES.split(digits(text)):
        m = _SHARE_OF.search(piece)
        if m:
            part = m.group("part").lower()
            share = _PARTS.get(part) or float(part.rstrip("% "))
            out.append((_words(piece[: m.start()]), share, m.group("ref").lower()))
    return out


def level_share_conflict(claim: str, passage: str) -> str | None:
    """A level the claim gives as a share of another (CSF of plasma, milk of blood) that the
    passage gives as one at least twice or half as large, said of the same level."""
    if NEGATION.search(claim):
        return None
    for words, mine, ref in _shares(claim):
        for theirs_words, theirs, their_ref in _shares(passage):
            if ref != their_ref or not (words & theirs_words) - {"baclofen", "levels", "level"}:
                continue
            if max(mine, theirs) >= 2 * min(mine, theirs):
                return f"The curated source gives about {theirs:g}% of {ref} levels."
    return None


# ------------------------------------------------------------------ a product's tablet strengths

_STRENGTH_LIST = re.compile(
    r"\b(?P<list>\d+(?:\.\d+)?(?:,? \d+(?:\.\d+)?)*,? (?:and|or) \d+(?:\.\d+)?) ?mg"
    r" (?:tablets|strengths)\b",
    re.I,
)
_PRODUCT = re.compile(rf"\b(?:{'|'.join(BRANDS)})\b")


def _strengths(text: str) -> set[float]:
    return {
        float(x)
        for m in _STRENGTH_LIST.finditer(text)
        for x in re.findall(r"\d+(?:\.\d+)?", m.group("list"))
    }


def strength_list_conflict(claim: str, passage: str) -> str | None:
    """A list of a named product's tablet strengths with one the passage's list for that
    product does not have ("5, 10 and 20 mg tablets" / "10, 20 and 40 mg strengths")."""
    names = set(_PRODUCT.findall(claim)) & set(_PRODUCT.findall(passage))
    mine, theirs = _strengths(claim), _strengths(passage)
    if not names or not mine or not theirs or NEGATION.search(claim) or mine <= theirs:
        return None
    listed = ", ".join(f"{x:g}" for x in sorted(theirs))
    return f"The curated source lists {'/'.join(sorted(names))} in {listed} mg strengths."


# ------------------------------------------------------------------ a risk called significant

_SIGNIFICANT_RISK = re.compile(
    r"\bsignificantly (?:higher|greater|increased|raised|elevated|more) (?:\w+ ){0,2}?"
    r"(?:risks?|rates?|odds|hazards?) of (?P<outcome>[a-z-]+)",
    re.I,
)
_RATIO_CI = re.compile(
    r"\b(?:hazard ratio|odds ratio|relative risk|risk ratio|hr|or|rr)\b[^.;]{0,40}?\d+(?:\.\d+)?"
    r"\s*\((?:95% ci )?(?P<lo>\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(?P<hi>\d+(?:\.\d+)?)\)",
    re.I,
)
_DOSE_SAID = re.compile(r"\bany dose\b|\b\d+ ?mg\b", re.I)


def hazard_significance_conflict(claim: str, passage: str) -> str | None:
    """A risk the claim calls significantly higher that the passage gives as a ratio whose
    confidence interval spans 1, for the same outcome and the same dose."""
    m = _SIGNIFICANT_RISK.search(claim)
    if not m or NEGATION.search(claim[: m.start()]):
        return None
    if not set(tokenize(m.group("outcome"))) & set(tokenize(passage)):
        return None  # (another outcome's ratio)
    doses = {d.lower().replace(" ", "") for d in _DOSE_SAID.findall(claim)}
    if doses != {d.lower().replace(" ", "") for d in _DOSE_SAID.findall(passage)}:
        return None  # (another dose group's ratio)
    for r in _RATIO_CI.finditer(passage):
        if float(r.group("lo")) <= 1.0 <= float(r.group("hi")):
            return "The curated source gives a ratio whose confidence interval includes 1 (not significant)."
    return None


# ------------------------------------------------------------------ which sex a dose helped

_SEX = {
    "men": re.compile(r"\b(?:men|males?)\b", re.I),
    "women": re.compile(r"\b(?:women|females?)\b", re.I),
}
_HELPED = re.compile(
    r"\b(?:responded|benefit\w*|helped|did (?:best|better)|improved|gained)\b", re.I
)
_DAILY = re.compile(r"\b(\d+)\s?mg(?:/day| a day| per day| daily)\b", re.I)
_CLAUSES = re.compile(r"[;,:]\s+|\s+\b(?:while|whereas|but)\b\s+", re.I)


def _helped(text: str) -> set[tuple[str, str]]:
    """(sex, daily dose) pairs a text says a dose helped, clause by clause ("in women the 30
    mg/day dose helped most, while in men only the 90 mg/day dose ...")."""
    out = set()
    for clause in _CLAUSES.split(text):
        said = [s for s, rx in _SEX.items() if rx.search(clause)]
        if len(said) == 1 and _HELPED.search(clause) and not NEGATION.search(clause):
            out |= {(said[0], d) for d in _DAILY.findall(clause)}
    return out


def sex_swap_conflict(claim: str, passage: str) -> str | None:
    """ "men responded best to the 30 mg/day dose" where the source says the 30 mg/day dose
    helped women (and says nothing of it helping men): the sexes the other way round."""
    told, said = _helped(claim), _helped(passage)
    for sex, dose in told:
        other = "women" if sex == "men" else "men"
        if (other, dose) in said and (sex, dose) not in said:
            return f"The source says the {dose} mg/day dose helped {other}, not {sex}."
    return None
