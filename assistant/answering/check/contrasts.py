"""Whether a claim and a curated sentence disagree on a direction or a yes/no status, typed:
the way a count went over a period ("rose every year" / "did not increase between 2007 and
2012"), how common a finding was ("low blood pressure was typical" / "occurred in only 1"),
which way an outcome moved ("sharpened thinking" / "worsened cognitive performance"), the
direction of a comparison ("less often than other overdoses" / "7.9 times as likely"), an effect
said to be baclofen's own that the source saw in both groups, a significant difference the source
calls not significant, and deaths in a series whose patients all recovered. Each needs the two
texts to share what they are about (a two-word phrase, or the outcome's words). Plain functions of
text, used by :mod:`assistant.answering.check.checker` and :mod:`assistant.answering.check.studies`.
"""

from __future__ import annotations

import re

from assistant.library.chunks import tokenize
from assistant.vocab import NUMBER_WORDS

_TENS_WORDS = {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_WORD_NUMBER = {w: str(i) for i, w in enumerate(NUMBER_WORDS)}
_WORD_NUMBER.update({w: str(v) for w, v in _TENS_WORDS.items()})
_WORD_NUMBER.update({"hundred": "100", "thousand": "1000"})
_TENS = re.compile(  # "seventy-one", "eighty two"
    rf"\b(twenty|{'|'.join(_TENS_WORDS)})[- ]({'|'.join(NUMBER_WORDS[1:10])})\b", re.I
)
_NUMBER_WORD = re.compile(rf"\b({'|'.join(sorted(_WORD_NUMBER, key=len, reverse=True))})\b", re.I)


# "one hundred and twenty", "sixteen hundred", "two thousand five hundred": a number said with
# hundreds or thousands, read as one number (never "100 and 20")
_SMALL = rf"(?:{'|'.join(_TENS_WORDS)}|twenty)(?:[- ](?:{'|'.join(NUMBER_WORDS[1:10])}))?|{'|'.join(NUMBER_WORDS[1:])}"
_BIG = re.compile(
    rf"\b(?:(?:a|{_SMALL})[- ])?(?:hundred|thousand)\b(?:(?:[- ]| and )(?:{_SMALL}|hundred|thousand)\b)*",
    re.I,
)


def _big_number(words: str) -> str:
    total = current = 0
    for w in re.findall(r"[a-z]+", words.lower()):
        if w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        elif w in _WORD_NUMBER:
            current += int(_WORD_NUMBER[w])
    return str(total + current)


def digits(text: str) -> str:
    """Number words as digits ("roughly twenty hours" -> "roughly 20 hours", "one hundred and
    twenty" -> "120"); "one" only before a unit or a noun it counts, never as a pronoun ("one in
    five" stays readable by shares)."""
    text = _BIG.sub(lambda m: _big_number(m.group(0)), text)
    text = _TENS.sub(
        lambda m: str(
            int(_WORD_NUMBER[m.group(1).lower()]) + NUMBER_WORDS.index(m.group(2).lower())
        ),
        text,
    )
    return _NUMBER_WORD.sub(
        lambda m: m.group(0) if m.group(1).lower() == "one" else _WORD_NUMBER[m.group(1).lower()],
        text,
    )


_STOP = frozenset(
    tokenize(
        "baclofen placebo patient patients people participant participants study trial series "
        "group groups arm the a an of in on with was were is are that this those these its their "
        "found saw showed reported compared than their survey review authors team also"
    )
)
_CLAUSE = re.compile(r"[;,]|\b(?:while|whereas|but|although|though|with)\b", re.I)


# a claim that negates anything is left to the checks that read negation clause by clause
_NEGATED = re.compile(
    r"\b(?:not|no|none|never|neither|nor|without|lack\w*|failed|cannot)\b|n't\b", re.I
)


def _content(text: str) -> list[str]:
    return [t for t in tokenize(text) if t not in _STOP and not t.isdigit()]


def _bigrams(text: str) -> set[tuple[str, str]]:
    toks = _content(text)
    return set(zip(toks, toks[1:], strict=False))


# ------------------------------------------------------------------ a trend over a period

_PERIOD = re.compile(
    r"\b(?:between|from)\s+(?:19|20)\d\d\s+(?:and|to)\s+(?:19|20)\d\d\b|\bevery year\b|\byearly\b"
    r"|\bfrom\s+[\d,]+\s+in\s+(?:19|20)\d\d\s+to\s+[\d,]+\s+in\s+(?:19|20)\d\d\b"
    r"|\bover (?:the|those|these) (?:years|period)\b|\bover time\b|\bannual\w*\b"
    r"|\byear[- ](?:on|after|by)[- ]year\b|\beach year\b",
    re.I,
)
_FLAT = re.compile(
    r"\b(?:did not|didn't|does not|has not|have not)\s+(?:\w+\s+)?(?:increase|rise|grow|change|fall"
    r"|decrease|decline)\b|\bno (?:increase|rise|change|upward trend|trend)\b|\b(?:remained|stayed"
    r"|were|was) (?:stable|flat|steady|unchanged|constant)\b",
    re.I,
)
_UP = re.compile(
    r"\b(?:rose|rise[sn]?|rising|increas\w*|grew|grow(?:s|ing|n)?|climb\w*|went up|doubled|tripled"
    r"|surg\w*|soar\w*|jump\w*)\b",
    re.I,
)
_DOWN = re.compile(
    r"\b(?:fell|fall(?:s|ing|en)?|declin\w*|decreas\w*|dropped|went down|halv(?:ed|ing))\b", re.I
)


def _trend(clause: str) -> str | None:
    if _FLAT.search(clause):
        return "flat"
    up, down = bool(_UP.search(clause)), bool(_DOWN.search(clause))
    return "up" if up and not down else "down" if down and not up else None


def trend_conflict(claim: str, passage: str) -> str | None:
    """A count the claim says went one way over a period ("poisonings rose sharply every year
    between 2007 and 2012") that the passage says went another ("did not increase")."""
    if not _PERIOD.search(claim) or not _PERIOD.search(passage):
        return None
    mine = _trend(claim)
    years = set(re.findall(r"\b(?:19|20)\d\d\b", claim))
    for clause in re.split(r";|\.\s", passage):
        theirs = _trend(clause)
        if mine is None or theirs is None or mine == theirs:
            continue
        shared = set(_content(claim)) & set(_content(clause))
        if not shared - {"year", "yearli", "everi"}:
            continue
        if years and set(re.findall(r"\b(?:19|20)\d\d\b", clause)) - years:
            continue  # another period
        return f"The curated source says it {'did not change' if theirs == 'flat' else 'went ' + theirs}."
    return None


# ------------------------------------------------------------------ how common a finding was

_COMMON = re.compile(
    r"\b(?:common|commonest|typical|usual|frequent|most often|predominant|the norm|the rule"
    r"|most (?:frequent|common))\b",
    re.I,
)
_RARE = re.compile(
    r"\b(?:rare|rarely|uncommon|unusual|infrequent|seldom|in only (?:one|1|a few|\d) ?(?:patient|case|person)?"
    r"|only (?:one|1) (?:patient|case|person))\b|\boccurred in only\b",
    re.I,
)


def _frequency(clause: str) -> str | None:
    # "more frequent in those with coma" compares two groups; it does not call it common
    clause = re.sub(r"\b(?:more|less)\s+(?:frequent|common)\w*", " ", clause, flags=re.I)
    common = bool(_COMMON.search(clause)) and not re.search(r"\bnot (?:\w+ )?common\b", clause)
    rare = bool(_RARE.search(clause))
    return "common" if common and not rare else "rare" if rare and not common else None


def frequency_conflict(claim: str, passage: str) -> str | None:
    """A finding the claim calls typical (or rare) that the passage calls rare (or common), for the
    same thing: the clauses that share the most two-word phrases ("low blood pressure") decide."""
    unbroken = re.sub(r"\([^()]*\)", " ", passage)
    theirs = [(c, _frequency(c)) for c in _CLAUSE.split(unbroken) if c and c.strip()]
    for mine_clause in _CLAUSE.split(claim):
        if not mine_clause or not (mine := _frequency(mine_clause)):
            continue
        # what is called common or rare: the words before the verdict ("drowsiness is rare")
        plain = re.sub(r"\b(?:more|less)\s+(?:frequent|common)\w*", " ", mine_clause, flags=re.I)
        cut = min(m.start() for rx in (_COMMON, _RARE) if (m := rx.search(plain)))
        subject = mine_clause[:cut] if _content(mine_clause[:cut]) else mine_clause
        words = set(_content(subject))
        pairs = _bigrams(subject)
        best, said = 0, set()
        for clause, freq in theirs:
            if freq is None:
                continue
            score = len(pairs & _bigrams(clause)) * 2
            if not score and len(words) == 1 and words <= set(_content(clause)):
                score = 1  # "drowsiness is rare": one word names the thing
            if score > best:
                best, said = score, {freq}
            elif score and score == best:
                said.add(freq)
        if best and said == {"rare" if mine == "common" else "common"}:
            return f"The curated source says it was {said.pop()}."
    return None


# ------------------------------------------------------------------ which way an outcome moved

# outcomes the sources word differently: everyday words read as the source's word
_SYNONYMS = {
    "think": "cognit",
    "memori": "cognit",
    "concentr": "cognit",
    "cognit": "cognit",
    "ventil": "ventil",
    "ventilat": "ventil",
    "ventilator": "ventil",
    "intub": "ventil",
}
_BETTER = re.compile(
    r"\b(?:sharpen\w*|improv\w*|enhanc\w*|boost\w*|better|clearer|protect\w*|lift\w*|brighten\w*)\b",
    re.I,
)
_WORSE = re.compile(r"\b(?:worsen\w*|impair\w*|harm\w*|dull\w*|worse|damag\w*)\b", re.I)


def _outcome(text: str) -> set[str]:
    return {_SYNONYMS.get(t, t) for t in _content(text)}


def effect_direction_conflict(claim: str, passage: str) -> str | None:
    """An outcome the claim says baclofen improved that the passage says it worsened, or the
    reverse ("sharpened thinking and memory" / "worsened cognitive performance"); or that the
    passage says it barely touched ("improved mood" / "had little effect on mood"). Read in the
    claim's clause that says it ("improved mood ..., but it did not prevent relapse")."""
    none = _LITTLE_EFFECT.search(passage)
    for said in _CLAUSE.split(claim):
        if not said or _NEGATED.search(said):
            continue
        for a, b in ((_BETTER, _WORSE), (_WORSE, _BETTER)):
            if not a.search(said) or b.search(said):
                continue
            shared = (_outcome(said) & _outcome(passage)) & set(_SYNONYMS.values())
            if b.search(passage) and not a.search(passage) and shared:
                return "The curated source says the effect went the other way."
            if none and not a.search(passage) and not _LITTLE_EFFECT.search(said):
                head = [t for t in _content(none.group(1))][:1]
                moved = a.search(said)
                # "improved mood", "mood improved": the words next to the verb
                near = said[max(0, moved.start() - 30) : moved.end() + 40] if moved else ""
                if head and set(head) <= set(tokenize(near)):
                    return "The curated source found little or no effect on that."
    return None


# "had little effect on mood", "no effect on relapse": an outcome left unchanged
_LITTLE_EFFECT = re.compile(
    r"\b(?:little|no|no significant|no clear|no real)\s+effect\s+on\s+([a-z][a-z -]{2,40})", re.I
)


_CMP = re.compile(
    r"\b(?P<dir>more|less|fewer)\s+(?:often|frequently|likely|commonly)\b"
    r"|\b(?P<times>\d+(?:\.\d+)?)\s+times\s+(?:as|more)\s+(?:likely|often)\b"
    # a risk set against another's: "half the risk of X that tizanidine had", "about twice
    # that of tizanidine", "a higher 30-day risk of X than ..."
    r"|\b(?P<part>half|a third|one third|a quarter)\s+(?:the|of the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:risk|rate|odds|chance)\b"  # ("half the 30-day encephalopathy risk of tizanidine")
    r"|\b(?P<twice>twice|double)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:risk|rate|odds|chance)|that of)\b"
    r"|\b(?P<level>higher|greater|increased|lower|smaller|reduced)\s+(?:\d+-day\s+)?risk\b"
    r"(?=[^.;]*\bthan\b)",
    re.I,
)


def _direction(text: str) -> str | None:
    m = _CMP.search(digits(text))
    if not m:
        return None
    if m.group("times"):
        return "more" if float(m.group("times")) > 1 else None
    if m.group("part"):
        return "less"
    if m.group("twice"):
        return "more"
    if m.group("level"):
        return "more" if m.group("level").lower() in ("higher", "greater", "increased") else "less"
    return "more" if m.group("dir").lower() == "more" else "less"


def comparison_conflict(claim: str, passage: str) -> str | None:
    """The claim says one group needed something less often than another, where the passage
    says more often (or "7.9 times as likely"), on the same outcome."""
    mine, theirs = _direction(claim), _direction(passage)
    if not mine or not theirs or mine == theirs:
        return None
    if _NEGATED.search(claim):
        return None
    if not _outcome(claim) & _outcome(passage) & ({"ventil"} | set(_content(passage))):
        return None
    if len(set(_content(claim)) & set(_content(passage))) < 2:
        return None
    return "The curated source gives the opposite direction."


# ------------------------------------------------------------------ "the same", against a gap

# the claim says two groups did alike ("about the same risk as tizanidine", "just as often",
# "no more common on baclofen than on placebo"; not "three and a half times as often as")
_SAME = re.compile(
    r"\b(?:about|roughly|much|more or less|basically) the same\b|\bjust as (?:often|likely|common"
    r"|frequent\w*|many|much)\b|(?<!times )(?<!twice )(?<!half )\bas (?:often|likely|common"
    r"|frequently) as\b|\bno more (?:common"
    r"|often|likely|frequent\w*)\b|\bno (?:real )?difference\b|\bdid(?: not|n't) differ\b"
    r"|\bsimilar (?:rates?|risks?|numbers?|proportions?|shares?)\b"
    r"|\b(?:was|were|is|are) no (?:higher|greater|worse) than\b",
    re.I,
)
# a passage's two figures set against each other ("63% ... versus 36%", "6% against 42.6%")
SHARE_PAIR = re.compile(
    r"(?P<a>\d+(?:\.\d+)?)\s?%[^.;%]{0,80}?\b(?:versus|vs\.?|against|compared with|than|and)\b"
    r"[^.;%\d]{0,40}?(?P<b>\d+(?:\.\d+)?)\s?%",
    re.I,
)
# an effect measure abbreviated ("SHR 2.29", "aOR 1.9"); spelled-out ones are :data:`_RATIO`'s
# and "7.9 times as likely" is :data:`_CMP`'s
_ABBREVIATED_RATIO = re.compile(r"\b(?:s?hr|aor|or|rr)\s*(?:of\s+)?(?P<value>\d+(?:\.\d+)?)", re.I)


def sameness_conflict(claim: str, passage: str) -> str | None:
    """The claim says two groups fared alike where the passage sets clearly different figures
    against each other (one at least half as large again as the other), on the same outcome."""
    if not _SAME.search(claim) or _NOT_SIGNIFICANT.search(passage):
        return None
    if re.search(r"\b(?:while|whereas|but|unlike|although)\b", claim, re.I):
        return None  # two findings set side by side: which one the passage is about is unclear
    gap = False
    for m in SHARE_PAIR.finditer(digits(passage)):
        a, b = float(m.group("a")), float(m.group("b"))
        if min(a, b) > 0 and max(a, b) >= 1.5 * min(a, b):
            gap = True
    t = digits(passage)
    ratios = [
        float(m.group("value")) for rx in (_RATIO, _ABBREVIATED_RATIO) for m in rx.finditer(t)
    ]
    ratios += [float(m.group("times")) for m in _CMP.finditer(t) if m.group("times")]
    if any(r >= 1.5 for r in ratios) or re.search(r"\btwice (?:as|the)\b", t, re.I):
        gap = True
    if not gap:
        return None
    if len(set(_content(claim)) & set(_content(passage))) < 2:
        return None
    return "The curated source gives clearly different figures for the two groups."


# ------------------------------------------------------------------ baclofen's own, or both groups

_ONLY_DRUG = re.compile(
    r"\bonly (?:in|on|with|among) (?:the )?(?:baclofen|active)\b|\bspecific to baclofen\b"
    r"|\bunlike (?:on )?placebo\b",
    re.I,
)
_BOTH = re.compile(
    r"\bboth (?:baclofen and placebo|groups|arms)\b|\bnot specific to baclofen\b"
    r"|\bon (?:baclofen and placebo|placebo as well)\b",
    re.I,
)


def exclusivity_conflict(claim: str, passage: str) -> str | None:
    """An effect the claim says was seen only on baclofen that the passage saw in both groups."""
    if not _ONLY_DRUG.search(claim) or not _BOTH.search(passage):
        return None
    if _BOTH.search(claim) or _NEGATED.search(claim):  # "not specific to baclofen"
        return None
    if len(set(_content(claim)) & set(_content(passage))) < 2:
        return None
    return "The curated source saw it in both groups, not only on baclofen."


_SIGNIFICANT = re.compile(r"\bsignificant(?:ly)?\b|\bclear(?:ly)?\b", re.I)
_NOT_SIGNIFICANT = re.compile(
    r"\bnot (?:statistically )?significant\w*|\bdid not reach (?:statistical )?significance"
    r"|\bno (?:statistically )?significant\b|\bnon.?significant\b",
    re.I,
)


_VAGUE = frozenset(tokenize("difference differences effect effects this it result change from"))
# where a clause's subject ends: its first verb
_VERB = re.compile(
    r"\b(?:improv\w*|fell|dropped|reduc\w*|lower\w*|rose|increas\w*|decreas\w*|was|were|is|are"
    r"|did|differ\w*|changed|declined)\b",
    re.I,
)


def significance_conflict(claim: str, passage: str) -> str | None:
    """A difference the claim calls significant on an outcome the passage calls not significant
    (the passage saying nothing significant elsewhere)."""
    if not _SIGNIFICANT.search(claim) or _NEGATED.search(claim):
        return None
    m = _NOT_SIGNIFICANT.search(passage)
    if not m:
        return None
    rest = _NOT_SIGNIFICANT.sub(" ", passage)
    if re.search(r"\bsignificant(?:ly)?\b", rest, re.I):
        return None  # "X fell significantly, but Y did not": which one the claim means is unclear
    # the outcome called not significant: the subject of its clause, or of the clause before
    # when it only says "the difference" ("craving improved, but the difference was not ...")
    parts = [
        p
        for p in re.split(r"[;,(]|\bbut\b|\bwhile\b|\bwhereas\b", passage[: m.start()])
        if p.strip()
    ]
    own = parts[-1] if parts else ""
    said = own if set(_content(own)) - _VAGUE else (parts[-2] if len(parts) > 1 else "")
    subject = _VERB.split(said)[0]
    head = [t for t in _content(subject) if t not in _VAGUE][:2]
    if not head or not set(head) <= set(tokenize(claim)):
        return None
    return "The curated source found the difference not statistically significant."


# ------------------------------------------------------------------ deaths in a series

_DIED = re.compile(r"\b(?:died|deaths?|fatal\w*|did not survive|were killed)\b", re.I)
_ALL_RECOVERED = re.compile(
    r"\ball (?:\d+ )?(?:of the )?(?:\d+ )?(?:patients|people|cases)?\s*(?:made a full recovery"
    r"|recovered|survived)\b|\bno (?:patient|one|deaths?)\b(?:\s+\w+){0,2}?\s*(?:died|occurred)?"
    r"|\bnone (?:of them )?died\b",
    re.I,
)


def survival_conflict(claim: str, passage: str) -> str | None:
    """Deaths the claim reports in a series whose patients, the passage says, all recovered."""
    if not _DIED.search(claim) or _NEGATED.search(claim):
        return None
    m = _ALL_RECOVERED.search(passage)
    if not m or not re.search(r"recover|surviv|died|deaths", m.group(0), re.I):
        return None
    return "The curated source says every patient in the series recovered."


# ------------------------------------------------------------------ an effect measure

_RATIO = re.compile(
    r"\b(?P<kind>hazard ratio|relative risk|risk ratio|odds ratio)\b(?:\s+\S+){0,6}?\s+"
    r"(?P<value>\d{1,2}\.\d+)\b(?!\s?mg)",
    re.I,
)
_RATIO_OUTCOME = re.compile(
    r"\b(?:deaths?|died|mortality|hospital\w*|admission\w*|admitted|relapse\w*|adverse events?)\b",
    re.I,
)


def _outcome_word(word: str) -> str:
    return (
        word.lower()[:5]
        .replace("died", "death")
        .replace("morta", "death")
        .replace("admit", "admis")
    )


def _ratios(text: str) -> list[tuple[str, str, float]]:
    """(kind, outcome, value) for each effect measure, its outcome named just before or inside
    it ("higher risk of death (adjusted hazard ratio 2.72" -> hazard ratio, death, 2.72)."""
    out = []
    for m in _RATIO.finditer(text):
        near = text[max(0, m.start() - 60) : m.end()]
        said = _RATIO_OUTCOME.findall(near)
        if said:
            outcome = _outcome_word(said[-1])
            out.append((m.group("kind").lower(), outcome, float(m.group("value"))))
    return out


def ratio_values(text: str) -> set[str]:
    """The effect-measure values a text gives, as written ("1.15")."""
    return {m.group("value") for m in _RATIO.finditer(text)}


def ratio_conflict(claim: str, passage: str) -> str | None:
    """A hazard ratio (relative risk, odds ratio) for an outcome that the passage gives for the
    same outcome and dose, off by more than a quarter ("about 1.3" against 2.72)."""
    doses = set(re.findall(r"\b(\d{2,3})\s?mg\b", claim))
    if doses and not doses <= set(re.findall(r"\b(\d{2,3})\s?mg\b", passage)):
        return None  # another dose group
    theirs = _ratios(passage)
    for kind, outcome, value in _ratios(claim):
        same = [v for k, o, v in theirs if k == kind and o == outcome]
        if same and all(abs(value - v) > 0.25 * v for v in same):
            return f"The curated source gives a {kind} of {', '.join(f'{v:g}' for v in same)}."
    return None


# "a number needed to treat of 8", "NNT = 8", "the number needed to treat was three"
_NNT = re.compile(
    r"\b(?:number needed to treat|nnt)\b(?:\s+(?:of|was|is|=|:|about|around|roughly|just|only"
    r"|for \w+|\w+ly))*\s*(?P<v>\d{1,3})\b(?!\s?(?:%|mg|trials?|studies|patients))",
    re.I,
)


def nnt_conflict(claim: str, passage: str) -> str | None:
    """A number needed to treat that the passage gives otherwise (three against eight), beyond
    a writer's rounding."""
    theirs = {int(m.group("v")) for m in _NNT.finditer(digits(passage))}
    mine = {int(m.group("v")) for m in _NNT.finditer(digits(claim))}
    if len(theirs) != 1 or not mine:
        return None
    (v,) = theirs
    if all(abs(n - v) > max(1, 0.25 * v) for n in mine):
        return f"The curated source gives a number needed to treat of {v}."
    return None


# "about 3.5 times the 30-day risk", "one and a half times", "twice that of": a multiple of a risk
_TIMES = re.compile(r"\b(?P<v>\d+(?:\.\d+)?)\s+times\s+(?:the|as|that|higher|more|greater)\b", re.I)
_HALVES = re.compile(r"\b(\d+) and a half times\b", re.I)


_PERCENT_MORE = re.compile(
    r"\b(\d{1,3})\s?%\s+(?:more\s+(?:frequent|likely|common|often)|higher\s+(?:risk|rate|odds))\b",
    re.I,
)


def _multiples(text: str) -> list[float]:
    text = re.sub(r"\bone and a half times\b", "1.5 times", text, flags=re.I)
    text = _HALVES.sub(lambda m: f"{int(m.group(1)) + 0.5:g} times", digits(text))
    text = re.sub(r"\b(?:twice|double)\s+(?=the|that|as)", "2 times ", text, flags=re.I)
    text = re.sub(  # "roughly doubled the risk of being admitted"
        r"(?<!more than )(?<!over )(?<!at least )\b(?:doubled|doubles|tripled|triples)\s+"
        r"(?=the\s+(?:[\w-]+\s+){0,2}?(?:risk|rate|odds|chance))",  # ("more than doubles": a bound)
        lambda m: "3 times " if m.group(0).lower().startswith("tripl") else "2 times ",
        text,
        flags=re.I,
    )
    # "half as likely", "a third as likely": a multiple below one
    for part, v in (("half", "0.5"), ("a third", "0.33"), ("a quarter", "0.25")):
        text = re.sub(rf"\b{part}\s+as\s+(?=likely|often|common|many)", f"{v} times as ", text,
                      flags=re.I)  # fmt: skip
    # "about 40% more frequent", "a 40% higher risk": 1.4 times
    more = [1 + float(m.group(1)) / 100 for m in _PERCENT_MORE.finditer(text)]
    return [float(m.group("v")) for m in _TIMES.finditer(text)] + more


def times_conflict(claim: str, passage: str) -> str | None:
    """A risk said to be a multiple of another ("one and a half times the 30-day risk") where the
    passage gives a clearly different multiple for the same outcome (3.5 times)."""
    mine, theirs = _multiples(claim), _multiples(passage)
    # a hazard (odds, risk) ratio for the outcome the claim names is a multiple too ("nearly
    # five times the risk of death" against "a hazard ratio for death of 2.72")
    named = {_outcome_word(o) for o in _RATIO_OUTCOME.findall(claim)}
    doses = set(MG.findall(claim))
    if not doses or doses <= set(MG.findall(passage)):
        theirs += [v for _, outcome, v in _ratios(passage) if outcome in named]
    if len(mine) != 1 or not theirs or _NEGATED.search(claim):
        return None
    # (the same outcome named on both sides counts for one more shared word)
    if (
        len(set(_content(claim)) & set(_content(passage)))
        + bool(named & {o for _, o, _ in _ratios(passage)})
        < 3
    ):
        return None
    if all(abs(mine[0] - v) > 0.3 * v for v in theirs):
        return f"The curated source gives {', '.join(f'{v:g}' for v in theirs)} times the risk."
    return None


# ------------------------------------------------------------------ a study's own details

# "a 2019 brain-scan study", "the trial published in 2012": the year a claim gives a study
DATED_STUDY = re.compile(
    r"\b(?:a|an|the|one|this|that)\s+((?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:study|trial|pilot|review|survey|series|analysis|rct|cohort|paper)\b"
    r"|\b(?:study|trial|pilot|survey|series|paper),?\s+(?:published\s+)?(?:from|in)\s+((?:19|20)\d\d)\b",
    re.I,
)
MG = re.compile(r"\b(\d{2,4})\s?(?:mg|milligrams?)\b", re.I)
# where a study was done: "in New Zealand", "from Canada" (not "the US label", "US approval")
IN_PLACE = re.compile(
    r"\b(?:in|from|across|throughout)\s+(?:the\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b"
    r"(?!\s+(?:label|labels|labelling|guideline|regulator|approval|market|law|product)\w*)"
)
STUDY_WORD = re.compile(
    r"\b(?:study|trial|pilot|review|survey|series|analysis|rct|cohort|paper|report)\b", re.I
)
# "single doses of up to 90 mg", "a maximum of 120 mg": the highest dose a claim gives a study
UP_TO_DOSE = re.compile(
    r"\b(?:up to|as much as|a maximum of|maximum doses? of|at most)\s+(\d{2,4})\s?(?:mg|milligrams?)\b"
    # a daily dose a study is said to have given ("gave 180 patients ninety milligrams a day",
    # "a higher dose of 120 mg a day")
    r"|\b(?:gave|given|received|took|used|tested|(?:higher |top |target )?dose of)\s+(?:\w+\s+){0,3}?"
    r"(\d{2,4})\s?(?:mg|milligrams?)(?:\s+(?:a|per|each)\s+day\b|\s?/\s?(?:day|d)\b)"
    # the dose someone got to ("once he reached 400 mg a day", "titrated up to 300 mg")
    r"|\b(?:reached|got (?:up )?to|went up to|worked (?:his|her|their) way up to|titrated (?:up )?to)"
    r"\s+(\d{2,4})\s?(?:mg|milligrams?)\b",
    re.I,
)
