"""The curated corpus: every record validates, identifiers are unique and well-formed, overview
claims point at records that exist, and no record copies the outside article's wording."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from assistant.evaluation.metrics import numbers_in
from assistant.library.records import (
    CITE_MARK,
    CorpusError,
    corpus_files,
    load_corpus,
    parse_record,
)
from assistant.settings import PROJECT_DIR
from assistant.vocab import ADDICTIONS

from .conftest import SEEDS

CORPUS = PROJECT_DIR / "corpus"
RECORDS = load_corpus(CORPUS)
BY_ID = {r.id: r for r in RECORDS}


def test_corpus_is_large_enough_and_covers_every_kind() -> None:
    assert len(RECORDS) >= 95
    kinds = Counter(r.evidence for r in RECORDS)
    for kind in ("rct", "meta-analysis", "label", "regulatory", "guideline", "overview", "cohort"):
        assert kinds[kind] > 0, f"no {kind} record"
    subs = {s for r in RECORDS for s in r.substances}
    assert set(ADDICTIONS) <= subs, set(ADDICTIONS) - subs  # cannabis included


@pytest.mark.parametrize("path", corpus_files(CORPUS), ids=lambda p: p.stem)
def test_record_validates(path: Path) -> None:
    record = parse_record(path)
    assert record.id == path.stem, "file name must be <id>.md"
    assert record.title and record.body
    if record.evidence not in ("overview", "label", "regulatory", "guideline"):
        # an unverified year or journal stays empty, and the notes must say why
        assert record.year is not None or record.notes, "a publication has a year"
        assert record.journal or record.notes, "a publication has a journal"


def test_ids_pmids_and_dois_are_unique_and_well_formed() -> None:
    for key in ("id", "pmid", "doi"):
        values = [getattr(r, key).lower() for r in RECORDS if getattr(r, key)]
        dupes = [v for v, n in Counter(values).items() if n > 1]
        assert not dupes, f"duplicate {key}: {dupes}"
    for r in RECORDS:
        if r.pmid:
            assert re.fullmatch(r"\d{1,8}", r.pmid), r.id
            assert r.verified.get("pmid"), f"{r.id}: PMID without a verification note"
        if r.doi:
            assert r.doi.startswith("10."), r.id
            assert r.verified.get("doi"), f"{r.id}: DOI without a verification note"


def test_overview_claims_cite_existing_records() -> None:
    overviews = [r for r in RECORDS if r.evidence == "overview"]
    assert len(overviews) >= 6
    for r in overviews:
        cited = set(CITE_MARK.findall(r.body))
        assert cited, f"{r.id} cites nothing"
        missing = (cited | set(r.references)) - BY_ID.keys()
        assert not missing, f"{r.id} cites missing records {missing}"
    for r in RECORDS:
        assert not set(r.same_sample_as) - BY_ID.keys(), r.id


def test_duplicate_sample_pair_is_marked_both_ways() -> None:
    a, b = BY_ID["akhondzadeh2000"], BY_ID["ahmadiabhari2001"]
    assert "ahmadiabhari2001" in a.same_sample_as and "akhondzadeh2000" in b.same_sample_as
    assert "independent" in a.body.lower() and "independent" in b.body.lower()


def test_label_states_hypersensitivity_is_the_only_contraindication() -> None:
    body = BY_ID["label_contraindications"].body.lower()
    assert "hypersensitivity" in body and "only" in body


def _shingles(text: str, n: int = 12) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_no_record_shares_12_words_with_the_outside_article() -> None:
    ref: set[tuple[str, ...]] = set()
    for p in SEEDS.rglob("*"):
        if p.is_file():
            ref |= _shingles(p.read_text(errors="ignore"))
    offenders = {}
    for path in corpus_files(CORPUS):
        hits = _shingles(path.read_text()) & ref
        if hits:
            offenders[path.name] = " ".join(next(iter(hits)))
    assert not offenders, offenders


def test_bad_records_give_errors_naming_file_and_field(tmp_path: Path) -> None:
    cases = {
        "pmid.md": ('pmid: "12ab"', "pmid"),
        "doi.md": ('doi: "doi.org/10.1/x"', "doi"),
        "unverified.md": ('pmid: "123"', "pmid"),
        "evidence.md": ("", "evidence"),
    }
    for name, (extra, field) in cases.items():
        ev = "" if name == "evidence.md" else "evidence: rct\n"
        p = tmp_path / name
        p.write_text(f"---\nid: rec_{name[:-3]}\ntitle: T\n{ev}{extra}\n---\nBody.\n")
        with pytest.raises(CorpusError) as exc:
            parse_record(p)
        assert name in str(exc.value) and field in str(exc.value), str(exc.value)
    (tmp_path / "nofm.md").write_text("just text\n")
    with pytest.raises(CorpusError, match="front matter"):
        parse_record(tmp_path / "nofm.md")


# --------------------------------------------------------------------------- structured results

STUDIES = [r for r in RECORDS if r.evidence in ("rct", "meta-analysis", "systematic-review")]
NEGATION = re.compile(
    r"\bdid not\b|\bno (?:significant |clear )?(?:difference|effect|benefit)\b|\bnot "
    r"(?:significant|significantly|better|superior)\b|\bfailed\b|\bneither\b|\bno better\b"
    r"|\bnon-?significant\b|\bdid no better\b|\bwas not\b|\bdid not differ\b",
    re.I,
)
POSITIVE = re.compile(
    r"\b(?:reduc\w*|lower\w*|improv\w*|increas\w*|higher|more|fewer|delay\w*|beat|better"
    r"|benefit\w*|superior|raised|cut|fell|significant\w*|longer|against|versus|vs)\b",
    re.I,
)


def _summary(r) -> str:
    m = re.search(r"^## Summary\s*\n(.*?)(?=^## |\Z)", r.body, re.S | re.M)
    return m.group(1) if m else ""


def test_every_trial_and_meta_analysis_has_its_structured_results() -> None:
    assert len(STUDIES) >= 35
    for r in STUDIES:
        assert r.primary_outcome, f"{r.id}: primary_outcome"
        assert r.comparator, f"{r.id}: comparator"
        assert r.setting, f"{r.id}: setting"
        assert r.country, f"{r.id}: country"
        if r.results_reported:
            assert r.result, f"{r.id}: result"
            assert r.key_result, f"{r.id}: key_result"
        else:  # a record whose results could not be read says so in its notes
            assert r.result is None and r.notes, r.id
        if r.evidence == "rct" and r.comparator == "placebo" and r.result:
            assert r.n or "number randomised" in (r.notes or ""), f"{r.id}: n"
        if r.evidence != "rct":  # pooled: how many trials, unless the source did not say
            assert r.studies_pooled or "studies_pooled" in (r.notes or ""), (
                f"{r.id}: studies_pooled"
            )


@pytest.mark.parametrize("record", STUDIES, ids=lambda r: r.id)
def test_result_agrees_with_the_summary(record) -> None:
    summary = _summary(record)
    assert summary, f"{record.id} has no Summary"
    if record.result == "no-benefit":
        assert NEGATION.search(summary), f"{record.id}: a no-benefit Summary must say so plainly"
    elif record.result == "benefit":
        assert POSITIVE.search(summary), f"{record.id}: a benefit Summary must state the benefit"
    elif record.result == "mixed":
        assert NEGATION.search(summary) and POSITIVE.search(summary), (
            f"{record.id}: a mixed Summary states both sides"
        )


@pytest.mark.parametrize("record", [r for r in RECORDS if r.key_result], ids=lambda r: r.id)
def test_key_result_figures_are_in_the_record_text(record) -> None:
    """The answer engine shows key_result in bottom lines: it must not carry a figure the
    record's own text does not state."""
    body = numbers_in(record.body)
    missing = numbers_in(record.key_result) - body
    assert not missing, f"{record.id}: key_result figures not in the body: {sorted(missing)}"


def test_trials_can_be_told_apart_by_their_description() -> None:
    """Country, dose and size resolve the trials users describe ("the Dutch trial", "the French
    trial aiming at 180 mg")."""
    rcts = [r for r in RECORDS if r.evidence == "rct" and r.comparator == "placebo"]
    seen = Counter((r.country, r.max_dose_mg, r.n) for r in rcts)
    assert all(v == 1 for v in seen.values()), [k for k, v in seen.items() if v > 1]


def test_issuing_bodies_are_publishers_not_journals() -> None:
    """Labels and regulatory documents name their issuer in ``publisher``; ``journal`` only ever
    names a journal (exports type them by it)."""
    for path in corpus_files(CORPUS):
        r = parse_record(path)
        if r.evidence in ("label", "regulatory"):
            assert r.publisher and not r.journal, r.id
        if r.journal:
            assert not re.search(
                r"\b(?:labels?|administration|agency|courts?|guideline)\b", r.journal, re.I
            ), r.id
