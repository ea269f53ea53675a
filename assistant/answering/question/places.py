"""Places a question or a source names: the jurisdictions whose rules are asked about (the US,
France, the UK, Australia, the EU) and the countries studies ran in, in the words people use
("French", "Aussie", "the Dutch trial", a city)."""

from __future__ import annotations

import functools
import re

from assistant.answering.question.language import fold

# cities that name their country, for a jurisdiction and for where a study ran
_FRENCH_CITIES = (
    r"\b(?:paris|toulouse|lyon|lille|marseille|bordeaux|nantes|angers|rennes|strasbourg"
    r"|montpellier|cergy)\b"
    r"(?!\s+(?:et al\.?\s+|and colleagues\s+)?\(?(?:19|20)\d\d)"  # (an author: "Lyon 2011")
)
_AUSTRALIAN_PLACES = (
    r"new south wales|\bnsw\b|\b(?:sydney|melbourne|brisbane|adelaide|perth|hobart|canberra|darwin"
    r"|queensland|tasmania|cairns|geelong)\b"
)
_JURISDICTION_WORDS = {
    "us": r"\bus\b|\bu\.s\.?|\busa\b|united states|america\w*|\bfda\b|dailymed|washington"
    r"|stateside|\bthe states\b(?! of\b)",
    "france": r"\bfrance\b|\bfrench\b|\bansm\b|baclocur|\brtu\b|temporary recommendation|\bsfa\b"
    rf"|conseil d.?etat|{_FRENCH_CITIES}",
    "uk": r"\buk\b|united kingdom|britain|british|england|\bnice\b|\bmhra\b|\bbap\b|\bnhs\b"
    r"|\benglish (?:guidance|guidelines?|regulators?|health service|doctors|gps?|rules)\b",
    "australia": rf"australia\w*|\baussie\b|\btga\b|\bpbs\b|{_AUSTRALIAN_PLACES}",
    "eu": r"\beurope\w*|\bema\b|\beu\b",
}
# the same places as written in a source's sentence or title (any case)
JURISDICTION_SAID = {k: re.compile(v, re.I) for k, v in _JURISDICTION_WORDS.items()}

JURISDICTION_RX = {k: re.compile(v) for k, v in _JURISDICTION_WORDS.items()}

# Country words, for studies described by where they ran ("the Dutch trial").
_COUNTRY_WORDS = {
    "France": rf"\bfrench\b|\bfrance\b|{_FRENCH_CITIES}",
    "Netherlands": r"\bdutch\b|netherlands|holland|amsterdam|nijmegen",
    "Germany": r"\bgerman\b|germany|\bberlin\b",
    "Italy": r"\bitalian\b|\bitaly\b|\brome\b|cagliari",
    "United States": r"\bus\b|\bu\.s\.?|\busa\b|american|united states|stateside|\bveterans?\b",
    "Australia": rf"australia\w*|\baussie\b|newcastle|{_AUSTRALIAN_PLACES}",
    "Israel": r"israel\w*",
    "Russia": r"\brussia\w*|st\.? petersburg|leningrad|soviet",
    "Iran": r"\biran\w*|tehran|persian",
    "United Kingdom": r"\buk\b|british|britain|england|\bscotland\b",
    "Denmark": r"\bdanish\b|denmark",
    "Canada": r"\bcanad\w*|ontario",
    "India": r"\bindia\w*",
    "Belgium": r"\bbelgi\w*|brussels",
    "Spain": r"\bspain\b|\bspanish\b|madrid|barcelona",
    "Switzerland": r"\bswiss\b|switzerland",
    "Sweden": r"\bswed\w*",
    "Norway": r"\bnorw\w*",
    "Japan": r"\bjapan\w*",
    "China": r"\bchina\b|\bchinese\b",
    "Brazil": r"\bbrazil\w*",
    "New Zealand": r"new zealand|auckland|wellington",
}
COUNTRY_RX = {k: re.compile(v) for k, v in _COUNTRY_WORDS.items()}

# US regions, for a study told by where in the country it ran ("a lake-port city in the
# Midwest"): the states a record's population or setting may name
_US_REGIONS = {
    r"\bmid-?west\w*": "illinois indiana iowa kansas michigan minnesota missouri nebraska ohio"
    " wisconsin dakota",
    r"\bnew england\b": "connecticut maine massachusetts boston vermont rhode hampshire",
    r"\b(?:west coast|pacific)\b": "california washington oregon seattle francisco angeles",
    r"\b(?:deep )?south(?:ern)? (?:us|states)\b|\bthe south\b": "alabama georgia louisiana"
    " mississippi carolina tennessee texas florida arkansas kentucky virginia",
    r"\b(?:rocky )?mountain states?\b|\brockies\b": "colorado denver utah montana wyoming idaho",
    r"\b(?:east coast|north-?east\w*)\b": "york jersey pennsylvania philadelphia boston maryland",
}


def region_states(text: str) -> set[str]:
    """The state and city words of the US regions a (folded) text names."""
    return {w for rx, states in _US_REGIONS.items() if re.search(rx, text) for w in states.split()}


def norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9.'/,-]+", fold(text))).replace(" ,", ",")


# --------------------------------------------------------------------------- entities


# "us" in lower case is the country only as "the us" or "us label", not "tell us", "for us"
_NAMED_US = re.compile(r"\busa\b|american|united states|stateside|\bveterans?\b")
_LOWER_US = re.compile(
    r"\bthe us\b|\bus (?:labels?|fda|approval|approved|trials?|study|studies|guidelines?|market"
    r"|prescribing|regulators?|doctors|rules|law|states?|veterans|patients|sites?)\b"
)


def find_jurisdictions(text: str) -> list[str]:
    t = norm(text)
    found = [k for k, rx in JURISDICTION_RX.items() if rx.search(t)]
    if (
        "us" in found
        and not JURISDICTION_RX["us"].search(re.sub(r"\bus\b", " ", t))
        and not re.search(r"\bU\.?S\.?(?:A\b|\b)", text)
        and not _LOWER_US.search(t)
    ):
        found.remove("us")  # "does that tell us much?"
    return found


def without_country(text: str, country: str) -> str:
    """``text`` without the words naming ``country`` ("and in Denmark?" -> "and in ?")."""
    rx = COUNTRY_RX.get(country)
    return rx.sub(" ", norm(text)) if rx and rx.search(norm(text)) else text


def find_countries(text: str) -> set[str]:
    """The countries a text names or describes ("Italian", "done in Italy")."""
    t = norm(text)
    found = {k for k, rx in COUNTRY_RX.items() if rx.search(t)}
    if "United States" in found and not (
        re.search(r"\bUS\b|\bU\.S\.|\bUSA\b", text) or _NAMED_US.search(t) or _LOWER_US.search(t)
    ):
        found.discard("United States")  # "does it tell us ...?": a pronoun
    return found


# a country's own name and its people's adjective: said of a study as the country's one word
_NATIONALITY = frozenset(
    [
        "french",
        "dutch",
        "german",
        "italian",
        "american",
        "australian",
        "aussie",
        "israeli",
        "iranian",
        "persian",
        "british",
        "danish",
        "canadian",
        "indian",
        "belgian",
        "spanish",
        "swiss",
        "swedish",
        "norwegian",
        "japanese",
        "chinese",
        "brazilian",
        "english",
        "us",
        "usa",
        "u.s",
        "u.s.",
        "holland",
        "britain",
        "england",
        "russian",
        "soviet",
    ]
)


def one_country_word(text: str) -> str:
    """``text`` with "Australian", "in Australia" written as one word for the country, so that a
    study's profile and a question match on it alike (a city keeps its own name too:
    "Newcastle")."""

    def one(m: re.Match[str], country: str) -> str:
        word = m.group(0)
        keep = "" if word in _NATIONALITY or word in country.lower() else word
        return f" {keep} {country.lower()} "

    return functools.reduce(
        lambda out, c: COUNTRY_RX[c].sub(lambda m: one(m, c), out), find_countries(text), text
    )
