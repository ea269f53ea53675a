"""Whether a claim and a curated sentence agree on a figure: a share of patients ("nearly all"
against "fewer than half"), a difference from placebo (or none), an effect below the dose it was
seen at, and typed figures (a dose limit, the year of a first event, a product's strength).
Plain functions of text, split from :mod:`assistant.answering.check.agreement`; used by
:mod:`assistant.answering.check.checker` and :mod:`assistant.answering.check.studies`.
"""

from __future__ import annotations

import re

from assistant.answering.check.contrasts import SHARE_PAIR, digits
from assistant.answering.question.entities import find_other_medicines
from assistant.library.chunks import tokenize

# --------------------------------------------------------------------------- shares and differences

# Words that say how many of a group did something, as a range of proportions.
_SHARE_WORDS: tuple[tuple[re.Pattern[str], tuple[float, float]], ...] = tuple(
    (re.compile(rf"\b(?:{words})\b", re.I), span)
    for words, span in (
        (r"(?:nearly|almost|virtually|practically) (?:all|every\w*)|all but a few", (0.85, 1.0)),
        (r"(?:a |only a )?(?:small|tiny) minority|only (?:a )?(?:handful|few)", (0.0, 0.2)),
        (r"(?:fewer|less) than (?:half|a half)|under half|a minority", (0.0, 0.5)),
        (r"(?:about|around|roughly|nearly|almost)? ?(?:three|3).quarters", (0.68, 0.82)),
        (r"(?:about|around|roughly|nearly|almost)? ?(?:one|a) third", (0.25, 0.4)),
        (r"(?:about|around|roughly)? ?(?:two|2).thirds", (0.58, 0.75)),
        (r"(?:about|around|roughly)? ?(?:one|a) quarter", (0.18, 0.32)),
        (r"(?:about|around|roughly|nearly|almost)? ?half", (0.4, 0.6)),
        # (not "almost no difference": an effect, not a share of people)
        (
            r"hardly any(?:one)?|almost no(?:ne|body| one)?(?! (?:difference|effect|change|benefit))|very few",
            (0.0, 0.1),
        ),  # fmt: skip
        # ("most" of a group, not "worry about most" or "the most frequent")
        (
            r"(?<!the )most(?= (?:of|people|patients|participants|users|\w+ (?:people|patients|users))\b)"
            r"|the majority|majority",
            (0.5, 1.0),
        ),
        # (not "at all", nor "all of this / that": a body of evidence, not a group of people)
        (
            r"(?<!at )all(?! of (?:this|that|it|these|those|the evidence)\b)|every(?:one| patient| participant)",
            (0.97, 1.0),
        ),
    )
)
_PERCENT = re.compile(
    r"(?:\b(?P<cmp>under|below|less than|fewer than|up to|over|above|more than)\s+)?"
    r"\b(\d{1,3}(?:\.\d+)?)\s?%(?:\s*(?:to|-|–)\s*(?P<hi>\d{1,3}(?:\.\d+)?)\s?%)?"
    r"(?P<tail>\s*(?:or|and) (?:more|over|above|higher|greater|less|fewer|under|below|lower)\b)?"
)
# share words that compare two figures rather than count a group ("three and a half times the
# risk", "half the risk that tizanidine had", "a third as many")
_RATIO_WORDS = re.compile(
    r"\band a half\b|\b(?:about |around |roughly |nearly |almost )?(?:half|(?:one|a) (?:third|quarter)"
    r"|two.thirds) (?:the (?:risk|rate|odds|dose|number|amount|chance|level)|as|of the (?:risk|rate"
    r"|odds|dose))\b",
    re.I,
)
# a percentage that says how much something changed
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rising|rises?|fell|fallen|falls?|increased|decreased|grew|grown|dropped"
    r"|jumped|climbed|declined|went (?:up|down)|up|down|cut|reduced|lowered|raised)"
    r"(?:(?:\s+[\w-]+){0,3}?\s+by)?\s+(?:about |around |roughly |nearly |almost |some |over "
    r"|more than )?$",
    re.I,
)
_CHANGE_AFTER = re.compile(
    r"\s*(?:rise|increase|fall|drop|decrease|reduction|decline|jump|growth|higher|lower|more"
    r"|fewer|less)\b",
    re.I,
)
_ONE_IN = re.compile(
    r"\b(?:(?P<under>fewer than|less than|under|below) )?(?:about |around |roughly |nearly |almost )?"
    r"(?<![-\w])(?:one|1) (?:(?:person|patient|user|adult|child|people|patients) )?(?:in|out of) (?:every )?"
    r"(\d{1,3})\b",
    re.I,
)


_X_OF_Y = re.compile(
    r"(?<!in )(?<!out of )\b(\d{1,4}) (?:of|out of|in every) (?:the |all |these )?(\d{1,4})\b"
    r"(?! ?(?:mg|%|years?))"
)


_ONE_OF = re.compile(r"(?<![Nn]o )\b[Oo]ne ((?:of|out of) (?:the |all |these )?\d{1,4}\b)")


def _percent_of(m: re.Match[str]) -> str | None:
    a, b = int(m.group(1)), int(m.group(2))
    return f"{100 * a / b:.0f}%" if b > 0 and a <= b else None


def shares_of(text: str) -> list[tuple[float, float]]:
    """The proportions a sentence gives for a group ("nearly all patients" -> 0.85-1.0, "34% of
    the placebo arm" -> 0.33-0.35)."""
    spans = []
    # "only one of 18 patients" ("one" stays a word for digits(): it is mostly a pronoun; and
    # "one of two large trials" only names one of a pair)
    text = _ONE_OF.sub(r"1 \1", text)
    text = digits(text)
    for m in _ONE_IN.finditer(text):  # "about one in five", "fewer than one in twenty"
        v = 1 / max(1, int(m.group(2)))
        spans.append((0.0 if m.group("under") else max(0.0, v * 0.8), min(1.0, v * 1.2)))
    for m in _X_OF_Y.finditer(text):  # "only 9 of 58 reached it"
        a, b = int(m.group(1)), int(m.group(2))
        if b > 0 and a <= b:
            spans.append((max(0.0, a / b - 0.015), min(1.0, a / b + 0.015)))
    rest = _RATIO_WORDS.sub(" ", _ONE_IN.sub(" ", text))
    for rx, span in _SHARE_WORDS:
        if rx.search(rest):
            spans.append(span)
            rest = rx.sub(" ", rest)  # "nearly all" is not also "all"
    for m in _PERCENT.finditer(text):
        v = float(m.group(2)) / 100
        if v > 1 or _CHANGE_BEFORE.search(text[: m.start()]) or _CHANGE_AFTER.match(text, m.end()):
            continue  # "rose by 230%", "a 40% drop": a change, not a share of a group
        lo, hi = max(0.0, v - 0.015), min(1.0, v + 0.015)
        to = float(m.group("hi")) / 100 if m.group("hi") else None
        if to is not None and (to < v or re.search(r"\bfrom\s*$", text[: m.start()])):
            # "fell from 29.7% to 19.7%": two figures, before and after, not a range
            spans.append((max(0.0, to - 0.015), min(1.0, to + 0.015)))
        elif to is not None:  # "10% to 63%"
            hi = min(1.0, to + 0.015)
        cmp = (m.group("cmp") or "").lower()
        tail = (m.group("tail") or "").lower()  # "15% or more", "10% or less"
        up = tail.split()[-1:] in (["more"], ["over"], ["above"], ["higher"], ["greater"])
        cmp = cmp or ("over" if up else "under" if m.group("tail") else "")
        if cmp in ("under", "below", "less than", "fewer than", "up to"):
            lo = 0.0
        elif cmp in ("over", "above", "more than"):
            hi = 1.0
        spans.append((lo, hi))
    return spans


_SHARE_PREDICATE_STOP = frozenset(
    tokenize(
        "patients people participants baclofen placebo arm group trial study review both either all most half"
    )
)


_SHARE_FIGURE = re.compile(r"\d\s?%|\bper ?cent\b|\b\d+ (?:of|out of) (?:the |all )?\d+\b", re.I)
_STUDY_WORDS = frozenset(
    tokenize("open pilot label uncontrolled controlled randomised randomized blind double single")
)


def _subject(text: str) -> set[str]:
    """The first two words a sentence says something of ("Transient drowsiness is ...")."""
    return set([t for t in tokenize(text) if t not in _SHARE_PREDICATE_STOP and len(t) > 3][:2])


def share_conflict(claim: str, passage: str, effect: bool = False) -> str | None:
    """The same group doing the same thing in proportions that cannot both hold: "nearly all
    patients returned their diaries" against "fewer than half ... returned the diary". With
    ``effect`` (a label's frequency of a side effect), the effect's name alone is enough."""
    mine, theirs = shares_of(claim), shares_of(passage)
    if len(mine) != 1 or not theirs:  # a claim comparing two figures is decided elsewhere
        return None
    a = mine[0]
    if any(not (a[1] < b[0] or b[1] < a[0]) for b in theirs):
        return None
    shared = (set(tokenize(claim)) & set(tokenize(passage))) - _SHARE_PREDICATE_STOP
    # what names the study ("Addolorato's open pilot (2000)") is not what a share in words
    # ("every participant knew ...") is of (a name is capitalised in both; "Drowsiness" opening a
    # claim is the passage's "drowsiness"); a figure of the same study ("71% relapsed") is
    if not _SHARE_FIGURE.search(digits(passage)):
        lower = set(tokenize(" ".join(re.findall(r"\b[a-z][\w'-]*", passage))))
        names = set(tokenize(" ".join(re.findall(r"\b[A-Z][\w'-]+|\b\d+\b", claim)))) - lower
        shared -= names | _STUDY_WORDS
    shared = {t for t in shared if not t.isdigit()}  # ("all 320 patients": the study's size)
    named = effect and any(len(t) >= 5 for t in shared)
    if a[0] >= 0.95 and len(shared) < 3 and not named:
        return None  # "every patient was a heavy drinker": who took part, not a figure's subject
    if (
        len(shared) < 2
        and not named
        and not (shared and shared <= _subject(claim) & _subject(passage))
    ):
        return None  # (one shared word will do when it is what both sentences open on)
    return "The curated source gives a different proportion."


_DIFFERENCE = re.compile(
    r"\b(?:more|fewer|less|higher|lower|greater|increas\w*|reduc\w*|rais\w*|doubl\w*|halv\w*)\b"
    r"(?:\s+\S+){0,6}?\s+(?:than|compared with|versus|vs\.?|relative to)\s+(?:\w+\s+){0,3}?placebo",
    re.I,
)
_NO_DIFFERENCE = re.compile(
    r"\b(?:similar|comparable|no (?:significant |clear |real )?difference|did not (?:increase|differ"
    r"|raise|reduce|change|lower)|not (?:more|higher|different|increased)|without more|no more)\b",
    re.I,
)
_MORE = re.compile(r"\b(?:more|higher|greater|increas\w*|rais\w*|doubl\w*)\b", re.I)
_LESS = re.compile(r"\b(?:fewer|less|lower|reduc\w*|decreas\w*|halv\w*)\b", re.I)
_OUTCOME_STOP = frozenset(
    tokenize(
        "baclofen placebo patients people review trial study found caused than compared more fewer significantly "
        # (the substance is the scene, not the outcome: "cocaine use" is not "cocaine craving")
        "cocaine alcohol opioid opioids methamphetamine nicotine cannabis heroin use users"
    )
)


def difference_conflict(claim: str, passage: str) -> str | None:
    """A difference from placebo the claim states on an outcome the passage says did not differ:
    "significantly more adverse events than placebo" against "adverse events were similar"."""
    if not _DIFFERENCE.search(claim) or re.search(r"\bnot\b|\bno\b|n't\b", claim, re.I):
        return None
    claim_toks = set(tokenize(claim)) - _OUTCOME_STOP
    # "needed more lorazepam": the direction said of a thing (not "craving fell more")
    said = re.search(r"\b(more|fewer|less)\s+(?!than\b|often\b)([a-z][\w-]+)", claim, re.I)
    more = bool(said and said.group(1).lower() == "more")
    thing = set(tokenize(said.group(2))) if said else set()
    # a bracket is part of its clause ("(3 of 20, or 15%)" does not end one)
    unbroken = re.sub(r"\([^()]*\)", lambda m: re.sub(r"[;,]", " ", m.group(0)), passage)
    for clause in re.split(r"[;,]|\b(?:but|while|whereas|although)\b", unbroken):
        if not claim_toks & set(tokenize(clause)):
            continue
        if find_other_medicines(clause) and not re.search(r"\bbaclofen\b", clause, re.I):
            continue  # "nalmefene ... caused more dropouts": another medicine's direction
        if _NO_DIFFERENCE.search(clause):
            return "The curated source found no difference from placebo on that outcome."
        # the other direction: "needed more lorazepam" against "fewer needed lorazepam"
        # the direction is read outside brackets ("less likely on baclofen (20 mg or more ...)")
        bare = re.sub(r"\([^()]*\)", " ", clause)
        if (
            thing
            and thing <= set(tokenize(clause))
            and re.search(r"\bplacebo\b", bare, re.I)
            and (
                (more and _LESS.search(bare) and not _MORE.search(bare))
                or (not more and _MORE.search(bare) and not _LESS.search(bare))
            )
        ):
            return "The curated source found the opposite direction against placebo."
    return None


# --------------------------------------------------------------------------- typed figures

_LIMIT = re.compile(
    r"\b(?:maxim\w*|max|ceiling|no more than|not (?:to )?exceed\w*|upper limit|highest|cap(?:ped)?"
    r"|caps|limit(?:ed)?)\b(?:\s+\S+){0,12}?\s+(\d{2,4})(?:\s?(?:mg|milligrams?)\b"
    r"|\s+(?:a|per) day\b|\s?/\s?day\b)",  # ("the ceiling is eighty a day")
    re.I,
)
_SAMPLE_STATISTIC = re.compile(
    r"\b(?:median|mean|average)\s+(?:daily\s+)?(?:maxim\w*|max|highest)\b", re.I
)
_EVENTS = (  # what happened first, as its kind
    ("approval", r"approv\w*|licen[sc]\w*|authori[sz]\w*|registered"),
    ("market", r"market\w*|introduc\w*|launch\w*|on sale"),
    ("made", r"synthesi[sz]\w*|made|developed|invented|discovered"),
)
_FIRST_YEAR = {
    kind: re.compile(
        rf"\bfirst\b(?:\s+[^\s(]+){{0,6}}?\s+(?:{words})\b[,;]?(?:\s+[^\s(]+){{0,6}}?\s+(?:in\s+)?"
        rf"((?:19|20)\d\d)\b"
        rf"|\b((?:19|20)\d\d) as the year (?:\S+\s+){{0,4}}?first\s+(?:\S+\s+){{0,2}}?(?:{words})\b",
        re.I,
    )
    for kind, words in _EVENTS
}
_CHANGE = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:cut|lowered|reduced|raised|lifted|changed|revised|removed|dropped"
    r"|annulled|initially|originally|then|later|until|from|after|before|no longer)\b",
    re.I,
)
_STRENGTH = re.compile(
    r"\b(\d+(?:\.\d+)?)\s?mg\s*(?:in\s+(?:every|each)\s+|per\s+|in\s+|/\s?|every\s+)"
    r"(?:an?\s+|one\s+)?(\d+(?:\.\d+)?)?\s?ml\b",  # "1 mg in every mL": per one mL
    re.I,
)
_PLACE = re.compile(
    r"\b(?:us|u\.s\.|united states|american|fda|australia\w*|tga|france|french|ansm|uk|british"
    r"|europe\w*|intrathecal)\b",
    re.I,
)


def _places(text: str) -> set[str]:
    found = {m.group(0).lower()[:3] for m in _PLACE.finditer(text)}
    return {"us" if p in ("us", "u.s", "uni", "ame", "fda") else p for p in found}


def figure_conflict(claim: str, passage: str, context: str = "") -> str | None:
    """A typed figure the passage states otherwise, for the same thing in the same place: a
    dose limit ("the US label's maximum is 120 mg" / "80 mg per day"), an optimum or usual dose
    range (60-120 / 30-75 mg), the year of a first approval (1992 / 1977), a product's strength
    (10 mg in 5 mL / 5 mg per 5 mL). A claim that names no place ("It was first approved there
    in 1992") takes it from the sentence it leans on (``context``)."""
    claim = digits(claim)  # "eighty milligrams a day, given as 20 mg four times daily"
    mine, theirs = _places(claim) or _places(context), _places(passage)
    if mine and theirs and not mine & theirs:
        return None  # an Australian limit says nothing of the US one
    if "int" in mine ^ theirs:
        return None  # intrathecal and oral doses differ
    # "a median maximum dose of 45 mg" describes a group of patients, not a limit
    a = {int(x) for x in _LIMIT.findall(_SAMPLE_STATISTIC.sub(" ", claim))}
    b = {int(x) for x in _LIMIT.findall(_SAMPLE_STATISTIC.sub(" ", passage))}
    changing = any(_CHANGE.search(t) for t in (claim, passage))  # limits that changed over time
    if (
        a
        and b
        and not a & b
        and not changing
        and re.search(r"\bper day\b|\ba day\b|/day\b|\bdaily\b", passage)
    ):
        return (
            f"The curated source gives another maximum dose ({', '.join(map(str, sorted(b)))} mg)."
        )
    ra, rb = _dose_range(claim), _dose_range(passage)
    if ra and rb and mine & theirs and not changing and _far(ra, rb):
        return f"The curated source gives {rb[0]:g} to {rb[1]:g} mg a day."
    names = set(re.findall(r"\b[A-Z][a-z]{3,}\b", claim)) & set(
        re.findall(r"\b[A-Z][a-z]{3,}\b", passage)
    )
    names -= {"Baclofen", "This", "That", "These", "There", "Then", "Since", "After", "Before"}
    same_subject = bool(mine & theirs or names)
    for rx in _FIRST_YEAR.values() if same_subject else ():  # the same first event, another year
        ya = {y for m in rx.findall(claim) for y in m if y}
        yb = {y for m in rx.findall(passage) for y in m if y}
        if ya and yb and not ya & yb:
            return f"The curated source dates it to {', '.join(sorted(yb))}."
    sa = {float(m) / float(v or 1) for m, v in _STRENGTH.findall(claim) if float(v or 1)}
    sb = {float(m) / float(v or 1) for m, v in _STRENGTH.findall(passage) if float(v or 1)}
    if sa and sb and not any(abs(x - y) < 1e-6 for x in sa for y in sb) and names - {"Baclofen"}:
        return "The curated source gives another strength for that product."
    return None


_RANGE_OF = re.compile(
    r"\b(?P<what>optimum|optimal|usual|typical|recommended|target)\b(?:\s+\S+){0,4}?\s+"
    r"(?P<lo>\d{1,4})\s*(?:mg\s*)?(?:to|-|–)\s*(?P<hi>\d{1,4})\s?(?:mg|milligrams?)\b",
    re.I,
)


def _dose_range(text: str) -> tuple[float, float, str] | None:
    """An optimum (usual, recommended) daily dose range: "an optimum range of 60 to 120 mg a day"."""
    m = _RANGE_OF.search(text)
    if not m:
        return None
    what = m.group("what").lower().replace("optimal", "optimum")
    return float(m.group("lo")), float(m.group("hi")), what


def _far(a: tuple[float, float, str], b: tuple[float, float, str]) -> bool:
    """The same kind of range with either end off by more than a writer's rounding."""
    return a[2] == b[2] and (abs(a[0] - b[0]) > 0.2 * b[0] or abs(a[1] - b[1]) > 0.2 * b[1])


_BELOW = re.compile(
    r"\b(?:less than|below|under|as little as|as low as|fewer than)\s+(\d{2,4})\s?(?:mg|milligrams?)\b",
    re.I,
)
_ONLY_ABOVE = re.compile(
    r"\bonly\b(?:\s+[^\s\d]+){0,6}?\s+(\d{2,4})\s?(?:mg|milligrams?)\s+or more\b|\b(?:at|after|from)\s+(\d{2,4})\s?(?:mg|milligrams?)\s+or more\b",
    re.I,
)
_EFFECT_STOP = frozenset(tokenize("baclofen dose doses mg patients people could follow seen occur"))


# "toxicity only starts above about 1000 mg", "not until 500 mg": an effect said to need a dose
_ONLY_FROM = re.compile(
    r"\b(?:only|not until|never below)\b(?:\s+[^\s\d]+){0,4}?\s+(?:above|over|beyond|more than"
    r"|after|from|at)\s+(?:about\s+|around\s+|roughly\s+|some\s+)?(\d{2,5})\s?(?:mg|milligrams?)\b",
    re.I,
)


# "serious toxicity is not expected below about 1000 mg": the same, said with a negation
_NOT_BELOW = re.compile(
    r"\b(?:not|never|unlikely|rarely)\s+(?:\w+\s+){0,2}?(?:expected|seen|likely|reported|occur\w*"
    r"|happen\w*|to occur)\s+(?:below|under|at less than)\s+(?:about\s+|around\s+|roughly\s+)?"
    r"(\d{2,5})\s?(?:mg|milligrams?)\b",
    re.I,
)


def threshold_conflict(claim: str, passage: str) -> str | None:
    """An effect the claim says follows small doses ("coma after less than 100 mg") that the
    passage saw only above a higher one ("only after 200 mg or more"); or that the claim says
    needs a large dose ("only starts above 1000 mg") where the passage saw it at a small one
    ("from doses as low as 150 mg")."""
    shared = (set(tokenize(claim)) & set(tokenize(passage))) - _EFFECT_STOP
    if not shared:
        return None
    below = [int(x) for x in _BELOW.findall(claim)]
    above = [int(a or b) for a, b in _ONLY_ABOVE.findall(passage)]
    if below and above and min(above) > max(below):
        return f"The curated source saw this only at {min(above)} mg or more."
    said = re.sub(r"(?<=\d),(?=\d{3}\b)", "", digits(claim))  # ("1,000 mg")
    needs = [
        int(m.group(1))
        for m in _ONLY_FROM.finditer(said)
        if not NEGATION_WORD.search(re.split(r"[,;]", said[: m.end()])[-1])
    ] + [int(m.group(1)) for m in _NOT_BELOW.finditer(said)]
    seen = [int(x) for x in _BELOW.findall(passage)]
    if needs and seen and max(seen) < min(needs):
        return f"The curated source saw this from {max(seen)} mg."
    return None


NEGATION_WORD = re.compile(r"\b(?:not|never|no)\b(?! until| below)", re.I)


def pair_conflict(text: str, key_result: str) -> str | None:
    """The claim's pair of shares keeps one of the key result's pair and changes the other (by
    more than rounding): "31.9% against 10.5%" for "11.9% vs 10.5%"."""
    # ("three out of four ... against 36%": the share in words as a percentage)
    text = _X_OF_Y.sub(lambda m: _percent_of(m) or m.group(0), _ONE_OF.sub(r"1 \1", digits(text)))
    mine, theirs = SHARE_PAIR.search(text), SHARE_PAIR.search(key_result)
    if not mine or not theirs:
        return None
    a, b = float(mine.group("a")), float(mine.group("b"))
    c, d = float(theirs.group("a")), float(theirs.group("b"))
    same = [abs(a - c) <= 0.2, abs(b - d) <= 0.2]
    if sum(same) == 1 and (abs(a - c) > 1.5 if same[1] else abs(b - d) > 1.5):
        return f"its result was {theirs.group(0)}."
    return None
