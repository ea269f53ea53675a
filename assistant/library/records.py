"""Corpus records: the curated sources, their front matter schema and loading.

A record is one Markdown file with YAML front matter (see ``corpus/README.md``). The front matter
is validated here at load time; an invalid record raises :class:`CorpusError` naming the file and
the field, so a curator sees exactly what to fix.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.vocab import USER_EVIDENCE, Comparator, Evidence, Result, Substance

_PMID = re.compile(r"^\d{1,8}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]{2,80}$")
CITE_MARK = re.compile(r"\[@([a-z0-9_\-]+)\]")


class CorpusError(ValueError):
    """A record that cannot be loaded; the message names the file and the field."""


class Record(BaseModel):
    """One curated source: its citation, its study facts and its text (our own words)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    authors: list[str] = Field(default_factory=list)
    authors_et_al: bool = False
    year: int | None = None
    journal: str | None = None
    # The issuing body of a label, a regulatory document or a guideline not in a journal
    # (FDA, ANSM, NICE...); ``journal`` then stays empty, so it only ever names a journal.
    publisher: str | None = None
    volume: str | None = None
    pages: str | None = None
    pmid: str | None = None
    doi: str | None = None
    urls: list[str] = Field(default_factory=list)
    evidence: Evidence
    substances: list[Substance] = Field(default_factory=list)
    population: str | None = None
    n: int | None = None
    dose: str | None = None
    design: str | None = None
    trial_names: list[str] = Field(default_factory=list)
    # Which identifiers were checked and where, e.g. {"pmid": "pubmed.ncbi.nlm.nih.gov/…"}.
    verified: dict[str, str] = Field(default_factory=dict)
    # Records reporting the same or an overlapping sample (not independent evidence).
    same_sample_as: list[str] = Field(default_factory=list)
    # Structured results, so answers can be composed without reading prose (study records).
    primary_outcome: str | None = None  # what the study said it would measure first
    result: Result | None = None  # on the primary outcome
    key_result: str | None = None  # the primary result with its figures, in a short phrase
    craving_result: Result | None = None  # on craving, when measured
    comparator: Comparator | None = None
    setting: str | None = None  # e.g. "outpatient, multicentre", "primary care", "ICU"
    country: str | None = None  # e.g. "France", "Netherlands", "international"
    max_dose_mg: float | None = None  # highest daily dose allowed by the protocol (mg/day)
    duration_weeks: float | None = None  # treatment duration
    studies_pooled: int | None = None  # meta-analyses and systematic reviews
    # False when the record's results could not be read (the notes say why): no result fields.
    results_reported: bool = True
    # Records an overview or review record points at (overview claims cite them as [@id]).
    references: list[str] = Field(default_factory=list)
    notes: str | None = None
    # User documents: the file they came from and its content hash (duplicate detection).
    source_file: str | None = None
    source_sha256: str | None = None
    # What a user's document claimed to be (a PubMed publication type, front matter); the
    # record itself is always evidence "user-document": only the curated corpus is trusted.
    claimed_evidence: str | None = None
    body: str = ""
    path: str | None = None
    page: int | None = None  # set for single-page user documents

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("must be 3-81 lowercase letters, digits, '_' or '-'")
        return v

    @field_validator(
        "pmid", "doi", "journal", "publisher", "volume", "pages", "population", "dose", "design",
        "primary_outcome", "key_result", "setting", "country",
    )  # fmt: skip
    @classmethod
    def _empty_is_none(cls, v: str | int | None) -> str | None:
        if v is None:
            return None
        v = str(v).strip()
        return v or None

    @field_validator("pmid")
    @classmethod
    def _pmid_shape(cls, v: str | None) -> str | None:
        if v is not None and not _PMID.match(v):
            raise ValueError("a PMID is 1-8 digits (leave it empty when not verified)")
        return v

    @field_validator("doi")
    @classmethod
    def _doi_shape(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith("10."):
            raise ValueError("a DOI starts with '10.' (leave it empty when not verified)")
        return v

    @field_validator("year")
    @classmethod
    def _year_range(cls, v: int | None) -> int | None:
        if v is not None and not 1900 <= v <= 2100:
            raise ValueError("year must be between 1900 and 2100")
        return v

    @model_validator(mode="after")
    def _identifiers_verified(self) -> Record:
        if self.claimed_evidence is not None and self.evidence != USER_EVIDENCE:
            raise ValueError("claimed_evidence is only for user documents")
        if self.evidence == "user-document":
            return self
        for key in ("pmid", "doi"):
            if getattr(self, key) and not self.verified.get(key):
                raise ValueError(
                    f"{key} is set but 'verified.{key}' does not say where it was checked"
                )
        return self

    @property
    def authors_text(self) -> str:
        text = ", ".join(self.authors)
        if self.authors_et_al:
            text = f"{text}, et al." if text else "et al."
        return text

    @property
    def url(self) -> str | None:
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return self.urls[0] if self.urls else None

    def citation_text(self) -> str:
        """A one-line reference: authors (year). Title. Journal volume:pages."""
        parts = []
        if self.authors_text:
            parts.append(self.authors_text)
        parts.append(f"({self.year})" if self.year else "(n.d.)")
        parts.append(self.title.rstrip(".") + ".")
        if self.journal or self.publisher:
            src = self.journal or self.publisher or ""
            if self.volume and self.journal:
                src += f" {self.volume}"
            if self.pages:
                src += f":{self.pages}"
            parts.append(src + ".")
        return " ".join(parts)

    def content_hash(self) -> str:
        """Hash of everything that ends up in the index for this record."""
        payload = self.model_dump_json(exclude={"path", "source_file"})
        return hashlib.sha256(payload.encode()).hexdigest()

    def cited_ids(self) -> set[str]:
        return set(CITE_MARK.findall(self.body)) | set(self.references)

    @property
    def surname(self) -> str:
        """The first author's surname ("de Beaurepaire R" -> "de Beaurepaire"); "" for none."""
        if not self.authors or self.authors[0].startswith("baclofen-assistant"):
            return ""
        parts = self.authors[0].replace(",", " ").split()
        while len(parts) > 1 and parts[-1].isupper() and len(parts[-1]) <= 3:
            parts.pop()
        return " ".join(parts)

    @property
    def short_cite(self) -> str:
        """ "Garbutt et al. 2010" ("" when the record has no authors)."""
        if not self.surname:
            return ""
        et_al = " et al." if len(self.authors) > 1 or self.authors_et_al else ""
        return f"{self.surname}{et_al} {self.year}" if self.year else f"{self.surname}{et_al}"

    @property
    def display_name(self) -> str:
        """How answers name the record: its trial name ("ALPADIR 2017"), else its short cite,
        else its title (shortened)."""
        if self.trial_names:
            name = self.trial_names[0]
            return f"{name} {self.year}" if self.year else name
        if self.short_cite:
            return self.short_cite
        kind = _STUDY_KIND.get(self.evidence)
        if kind and self.year:  # never a pasted title: "a 2004 open-label study"
            design = (self.design or "").lower()
            for word in ("open-label", "matched", "prospective", "retrospective"):
                if word in design and kind == "study":
                    kind = f"{word} study"
                    break
            return f"a {self.year} {kind}"
        return self.title if len(self.title) <= 80 else self.title[:77].rsplit(" ", 1)[0] + " ..."

    def info(self, user: bool = False, added: str | None = None) -> RecordInfo:
        return RecordInfo(
            id=self.id, title=self.title, evidence=self.evidence, authors=self.authors_text,
            surname=self.surname, short_cite=self.short_cite, display_name=self.display_name,
            author_list=tuple(self.authors), publisher=self.publisher,
            year=self.year, journal=self.journal, pmid=self.pmid, doi=self.doi, url=self.url,
            substances=tuple(self.substances), trial_names=tuple(self.trial_names), n=self.n,
            dose_text=self.dose, design=self.design, population=self.population,
            primary_outcome=self.primary_outcome, result=self.result, key_result=self.key_result,
            craving_result=self.craving_result, comparator=self.comparator, setting=self.setting,
            country=self.country, max_dose_mg=self.max_dose_mg,
            duration_weeks=self.duration_weeks, studies_pooled=self.studies_pooled,
            same_sample_as=tuple(self.same_sample_as), results_reported=self.results_reported,
            user=user or self.evidence == USER_EVIDENCE,
            claimed_evidence=self.claimed_evidence, added=added, source_file=self.source_file,
            profile=self.profile(),
        )  # fmt: skip

    def profile(self) -> str:
        """Title, population, design, setting, country, journal, dose, outcome and Summary."""
        summary = re.search(r"^## Summary\s*\n(.*?)(?=^## |\Z)", self.body, re.S | re.M)
        text = summary.group(1) if summary else self.body[:800]
        parts = [
            self.title, self.population, self.design, self.setting, self.country,
            self.journal or self.publisher,
            self.dose, self.primary_outcome, " ".join(self.trial_names), text[:1200],
        ]  # fmt: skip
        return " ".join(re.sub(r"\s+", " ", p) for p in parts if p)


def format_validation_error(path: Path, err: ValidationError) -> str:
    lines = []
    for e in err.errors():
        field = ".".join(str(p) for p in e["loc"]) or "(record)"
        lines.append(f"{path}: field '{field}': {e['msg']}")
    return "\n".join(lines)


def parse_record(path: Path, text: str | None = None) -> Record:
    """Parse and validate one Markdown record; raise CorpusError naming file and field."""
    try:
        raw = path.read_text(encoding="utf-8") if text is None else text
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read: {exc}") from exc
    try:
        post = frontmatter.loads(raw)
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: front matter is not valid YAML: {exc}") from exc
    if not post.metadata:
        raise CorpusError(f"{path}: no front matter (a record starts with a '---' YAML block)")
    data = dict(post.metadata)
    data["body"] = post.content.strip()
    data["path"] = str(path)
    try:
        record = Record.model_validate(data)
    except ValidationError as exc:
        raise CorpusError(format_validation_error(path, exc)) from None
    if not record.body:
        raise CorpusError(f"{path}: field 'body': the record has no text after its front matter")
    return record


def load_records(paths: Iterable[Path]) -> list[Record]:
    """Load records and check ids, PMIDs and DOIs are unique. Errors from all files are collected."""
    records: list[Record] = []
    errors: list[str] = []
    for p in sorted(paths):
        try:
            records.append(parse_record(p))
        except CorpusError as exc:
            errors.append(str(exc))
    seen: dict[tuple[str, str], str] = {}
    for r in records:
        for key in ("id", "pmid", "doi"):
            value = getattr(r, key)
            if not value:
                continue
            norm = value.lower()
            other = seen.get((key, norm))
            if other:
                errors.append(f"{r.path}: field '{key}': {value} is already used by {other}")
            else:
                seen[(key, norm)] = str(r.path)
    if errors:
        raise CorpusError("\n".join(errors))
    return records


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The record files of a corpus folder (README.md and files starting with '_' are skipped)."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}: corpus folder not found")
    return sorted(
        p
        for p in corpus_dir.rglob("*.md")
        if p.name.lower() != "readme.md" and not p.name.startswith("_")
    )


def load_corpus(corpus_dir: Path) -> list[Record]:
    return load_records(corpus_files(corpus_dir))


# How a study without authors or a trial name is called ("a 2013 matched study").
_STUDY_KIND = {
    "rct": "trial",
    "cohort": "study",
    "lab-study": "laboratory study",
    "case-report": "case report",
    "review": "review",
    "meta-analysis": "meta-analysis",
    "systematic-review": "systematic review",
}


@dataclass(frozen=True)
class RecordInfo:
    """What the rest of the pipeline knows of a record without reading its text: its citation,
    its structured results and whether it is one of the user's documents (kept in the index
    manifest; the planner and the answer engine read it)."""

    id: str
    title: str
    evidence: str
    authors: str = ""
    author_list: tuple[str, ...] = ()  # names as written ("Garbutt JC")
    surname: str = ""  # first author's surname ("de Beaurepaire")
    short_cite: str = ""  # "Garbutt et al. 2010"
    display_name: str = ""  # how answers name it: trial name, short cite or short title
    year: int | None = None
    journal: str | None = None
    publisher: str | None = None  # issuing body of a label, regulatory document or guideline
    pmid: str | None = None
    doi: str | None = None
    url: str | None = None
    substances: tuple[str, ...] = ()
    trial_names: tuple[str, ...] = ()
    n: int | None = None
    dose_text: str | None = None
    design: str | None = None
    population: str | None = None
    primary_outcome: str | None = None
    result: str | None = None
    key_result: str | None = None
    craving_result: str | None = None
    comparator: str | None = None
    setting: str | None = None
    country: str | None = None
    max_dose_mg: float | None = None
    duration_weeks: float | None = None
    studies_pooled: int | None = None
    same_sample_as: tuple[str, ...] = ()
    results_reported: bool = True  # False for a protocol paper (its results are elsewhere)
    user: bool = False  # one of the user's documents ("your library")
    claimed_evidence: str | None = None  # what a user's document claimed to be (never trusted)
    added: str | None = None  # when a user's document was added (ISO time)
    source_file: str | None = None
    # Words that describe the record (title, population, design, setting, its Summary): what a
    # question describing a study ("the Dutch trial of high and low doses") is matched against.
    profile: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecordInfo:
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in data.items() if k in known}
        for k in ("substances", "trial_names", "same_sample_as", "author_list"):
            kw[k] = tuple(kw.get(k) or ())
        return cls(**kw)
