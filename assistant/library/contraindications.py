"""The contraindication table: conditions, what the US label says, and what others add.

The data live in ``corpus/contraindications.yaml`` (curated content; the record loader ignores it
because it only reads ``*.md``). Each condition says whether the US label makes it a
contraindication, a warning, a precaution or does not address it, quotes the label record
verbatim, and lists what guidelines and studies add, each with a verbatim quote from its record.

Why a table: a common error (repeated in popular articles) is that seizure disorder, pregnancy,
kidney disease and liver disease are label contraindications. The US label lists only
hypersensitivity. The table lets every front end show the label position next to the stricter
positions of guidelines and studies, each with its source.

"Verbatim" here means identical words with line wrapping ignored: records are hard-wrapped
Markdown and the chunker joins wrapped lines, so quotes are compared with runs of whitespace
collapsed (see :func:`quote_in_body`).
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from rapidfuzz.distance import OSA

from assistant.settings import PROJECT_DIR

MAX_QUERY_CHARS = 300  # a condition is a few words; longer input is refused, not searched

LabelStatus = Literal["contraindicated", "warning", "precaution", "not addressed"]
DEFAULT_PATH = PROJECT_DIR / "corpus" / "contraindications.yaml"


class ContraindicationError(ValueError):
    """The table cannot be loaded; the message names the file and the field."""


class Addition(BaseModel):
    """What a guideline or study adds to the label, with a verbatim quote from its record."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    source_id: str = Field(min_length=1)
    quote: str = Field(min_length=1)


class Condition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    label_status: LabelStatus
    label_summary: str = Field(min_length=1)
    label_source: str = Field(min_length=1)
    label_quote: str | None = None
    additions: list[Addition] = Field(default_factory=list)

    @field_validator("label_quote")
    @classmethod
    def _empty_quote_is_none(cls, v: str | None) -> str | None:
        return v.strip() or None if v is not None else None

    @model_validator(mode="after")
    def _quote_unless_not_addressed(self) -> Condition:
        if self.label_quote is None and self.label_status != "not addressed":
            raise ValueError("label_quote is required unless label_status is 'not addressed'")
        return self

    @property
    def source_ids(self) -> list[str]:
        """Every record id this condition cites (label first), without duplicates."""
        ids = [self.label_source] + [a.source_id for a in self.additions]
        return list(dict.fromkeys(ids))


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")

    common_error: str = Field(min_length=1)
    conditions: list[Condition] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_keys(self) -> Table:
        keys = [c.key for c in self.conditions]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            raise ValueError(f"duplicate condition keys: {', '.join(dupes)}")
        return self


# --------------------------------------------------------------------------- loading


def _describe(path: Path, data: object, err: ValidationError) -> str:
    lines = []
    for e in err.errors():
        loc = list(e["loc"])
        field = ".".join(str(p) for p in loc) or "(table)"
        # name the condition by its key, which is easier to find than an index
        if len(loc) >= 2 and loc[0] == "conditions" and isinstance(loc[1], int):
            try:
                key = data["conditions"][loc[1]].get("key")  # type: ignore[index]
            except (KeyError, IndexError, TypeError, AttributeError):
                key = None
            if key:
                field = ".".join(["conditions", f"[{key}]", *map(str, loc[2:])])
        lines.append(f"{path}: field '{field}': {e['msg']}")
    return "\n".join(lines)


@lru_cache(maxsize=8)
def _load(path: Path, mtime: float) -> Table:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ContraindicationError(f"{path}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise ContraindicationError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ContraindicationError(
            f"{path}: field '(table)': expected a mapping with 'conditions'"
        )
    try:
        return Table.model_validate(data)
    except ValidationError as exc:
        raise ContraindicationError(_describe(path, data, exc)) from None


def load(path: Path | None = None) -> Table:
    """The whole table (conditions and the common-error note); cached until the file changes."""
    path = Path(path or DEFAULT_PATH).resolve()
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise ContraindicationError(f"{path}: cannot read: {exc}") from exc
    return _load(path, mtime)


def load_table(path: Path | None = None) -> list[Condition]:
    """The conditions of the table at ``path`` (default: the project's corpus folder)."""
    return list(load(path).conditions)


def common_error(path: Path | None = None) -> str:
    return load(path).common_error


# --------------------------------------------------------------------------- quotes


def _squash(text: str) -> str:
    return " ".join(text.split())


def quote_in_body(quote: str, body: str) -> bool:
    """True when ``quote`` appears word for word in ``body`` (line wrapping ignored)."""
    return bool(quote.strip()) and _squash(quote) in _squash(body)


def check_sources(conditions: Iterable[Condition], bodies: dict[str, str]) -> list[str]:
    """Problems with the table's sources: unknown record ids and quotes not found verbatim.

    ``bodies`` maps record id -> record body (e.g. from ``assistant.library.records.load_corpus``).
    """
    problems = []
    for c in conditions:
        pairs = [(c.label_source, c.label_quote, "label_quote")]
        pairs += [
            (a.source_id, a.quote, f"additions[{i}].quote") for i, a in enumerate(c.additions)
        ]
        for source, quote, field in pairs:
            if source not in bodies:
                problems.append(f"{c.key}: source '{source}' is not a record id")
            elif quote is not None and not quote_in_body(quote, bodies[source]):
                problems.append(f"{c.key}: {field} is not verbatim in record '{source}': {quote!r}")
    return problems


# --------------------------------------------------------------------------- matching


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").casefold())
    return text.encode("ascii", "ignore").decode("ascii")


_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def _token_match(alias_tok: str, tok: str) -> int:
    """0 exact, 1 typo-level match, -1 no match. Short tokens must match exactly."""
    if alias_tok == tok:
        return 0
    if len(alias_tok) < 6 or len(tok) < 5 or alias_tok[0] != tok[0]:
        return -1
    limit = 1 if len(alias_tok) < 9 else 2
    return 1 if OSA.distance(alias_tok, tok, score_cutoff=limit) <= limit else -1


def _alias_score(alias: list[str], words: Sequence[str]) -> int:
    """Best score of an alias (a word sequence) found as a contiguous run in ``words``.

    Exact phrase: 3; with typos: 2; not found: 0. Plural -s on the last word counts as exact.
    """
    n = len(alias)
    best = 0
    for i in range(len(words) - n + 1):
        typos = 0
        for a, w in zip(alias, words[i : i + n], strict=True):
            m = _token_match(a, w)
            if m < 0 and a + "s" != w:
                break
            typos += max(m, 0)
        else:
            best = max(best, 3 if typos == 0 else 2)
            if best == 3:
                return best
    return best


@lru_cache(maxsize=256)
def _alias_words(aliases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w) for a in aliases if (w := _words(a)))


def _score(condition: Condition, words: Sequence[str]) -> int:
    phrases = (condition.key.replace("_", " "), condition.name, *condition.aliases)
    best = 0
    for alias in _alias_words(tuple(phrases)):
        best = max(best, _alias_score(list(alias), words))
        if best == 3:
            break
    return best


def _matches(text: str, table: Sequence[Condition]) -> list[Condition]:
    words = _words(text)
    scored = [(s, i, c) for i, c in enumerate(table) if (s := _score(c, words))]
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [c for _, _, c in scored]


def lookup(query: str, table: Sequence[Condition] | None = None) -> list[Condition]:
    """Conditions whose key, name or aliases appear in ``query`` (typos tolerated).

    An empty query returns the whole table. Exact matches come before typo matches; ties keep
    the table's order.
    """
    table = list(table) if table is not None else load_table()
    if not query or not query.strip():
        return table
    if len(query) > MAX_QUERY_CHARS:
        raise ContraindicationError(
            f"The condition is {len(query):,} characters long; the limit is {MAX_QUERY_CHARS}."
        )
    return _matches(query, table)


def mentioned(text: str, table: Sequence[Condition]) -> list[Condition]:
    """The conditions a longer text (a question, a document sentence) names: no length cap, as
    the text was capped where it came in."""
    return _matches(text, list(table)) if text.strip() else []


_GENERAL = re.compile(
    r"\bcontra ?indicat\w*|\bcontre ?indi\w*|\bcontraindicad\w*|\bkontraindi\w*|\bcontroindica\w*"
    r"|\bwho (?:should|must|can) ?(?:not|n't) (?:take|use|be given)|\bwho should avoid\b"
    r"|\bwhen (?:should|must) (?:baclofen|it) not be\b"
)
SAFETY = re.compile(
    r"\bsafe\w*|\bflag(?:s|ged)?\b|\bbe aware\b|\bunsafe\b|\brisk\w*|\bdanger\w*|\bharm\w*|\bavoid\w*|\bcaution\w*|\bprecaution\w*"
    r"|\bwarn\w*|\bok\b|\bokay\b|\ballowed\b|\bshould not\b|\bshouldn't\b|\ball ?right\b|\bsuitable\b"
    r"|\bput (?:him|her|them|me) on\b"
    r"|\bwhile (?:taking|on|using)\b"
    r"|\b(?:can|could|may|should|cannot|can't)"
    r" (?:i|you|he|she|we|they|someone|somebody|people|patients|a patient|a person|one|my \w+)"
    r" (?:\w+ ){0,3}?(?:take|use|have|be given|be prescribed|start|get)\b"
    r"|\b(?:can|should|may|could) (?:baclofen|it) be (?:used|given|taken|prescribed|combined|mixed)\b"
    r"|\bmix\w*|\bcombin\w*|\btogether with\b|\binteract\w*"
    r"|\bseguro\b|\bsicher\w*|\bsicuro\b|\bsans danger\b|\bdangereux\b|\bpeligro\w*|\bgefahr\w*"
    r"|\bpericol\w*|\brisque\w*|\briesgo\w*|\brischio\b"
)


# The disorder being treated is not a co-ingested depressant: "safe for alcohol use disorder?"
USE_DISORDER = re.compile(
    r"\b(?:alcohol|opioid|opiate|drinking)s? (?:use disorders?|dependence|addiction|withdrawal"
    r"|problems?|detox\w*|maintenance|cravings?|relapse|treatment)\b"
    r"|\b(?:for|after|in|treat\w*) (?:heavy )?(?:alcohol|opioids?|opiates?|drinking|drinkers)\b"
    r"|\balcoholism\b|\baud\b|\boud\b"
)


def find_in_question(question: str, table: Sequence[Condition] | None = None) -> list[Condition]:
    """The conditions a question asks about, when it asks about contraindications or safety.

    * "Can someone with epilepsy take baclofen?", "Is baclofen safe in pregnancy?",
      "Is baclofen contraindicated in kidney failure?" -> the named conditions.
    * "What are the contraindications of baclofen?" (no condition named) -> the whole table,
      so the answer can show that hypersensitivity is the only label contraindication.
    * Questions without a safety or contraindication cue ("What is the mechanism?", "What did
      the cirrhosis trial find?") -> [] even when a condition is named.
    """
    if not question or not question.strip():
        return []
    table = list(table) if table is not None else load_table()
    folded = re.sub(r"\bcan'?t\b", "cannot", _fold(question))
    folded = " ".join(_words(re.sub(r"n't\b", " not", folded)))
    general = bool(_GENERAL.search(folded))
    if not general and not SAFETY.search(folded):
        return []
    found = _matches(USE_DISORDER.sub(" ", folded), table)
    if found:
        return found
    return table if general else []


# --------------------------------------------------------------------------- display

STATUS_TEXT = {
    "contraindicated": "CONTRAINDICATED on the US label",
    "warning": "label warning (not a contraindication)",
    "precaution": "label precaution (not a contraindication)",
    "not addressed": "not specifically addressed by the US label (not a contraindication)",
}


def format_table(conditions: Sequence[Condition], note: str | None = None, width: int = 100) -> str:
    """Plain text for the CLI: one block per condition, sources in brackets, quotes in quotes.

    ``note`` defaults to the table's common-error note (shown first); pass "" to leave it out.
    """
    if note is None:
        try:
            note = common_error()
        except ContraindicationError:
            note = ""
    wrap = textwrap.TextWrapper(width=width, subsequent_indent="    ", break_on_hyphens=False)
    out: list[str] = []
    if note:
        out += [
            textwrap.fill("Note: " + _squash(note), width=width, subsequent_indent="      "),
            "",
        ]
    if not conditions:
        out.append("No matching condition in the contraindication table.")
    for c in conditions:
        out.append(f"{c.name}: {STATUS_TEXT[c.label_status]}")
        wrap.initial_indent = "  Label: "
        out.append(wrap.fill(f"{_squash(c.label_summary)} [{c.label_source}]"))
        if c.label_quote:
            wrap.initial_indent = "    "
            out.append(wrap.fill(f'"{_squash(c.label_quote)}"'))
        for a in c.additions:
            wrap.initial_indent = "  Also: "
            out.append(wrap.fill(f"{_squash(a.text)} [{a.source_id}]"))
        out.append("")
    return "\n".join(out).rstrip() + "\n"
