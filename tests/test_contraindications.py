"""Tests for the contraindication table (pure data and functions: no model, no index)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.library.contraindications import (
    DEFAULT_PATH,
    Condition,
    ContraindicationError,
    check_sources,
    common_error,
    find_in_question,
    format_table,
    load_table,
    lookup,
    quote_in_body,
)
from assistant.library.records import load_corpus

ROOT = Path(__file__).resolve().parent.parent
REQUIRED_KEYS = {
    "hypersensitivity",
    "epilepsy",
    "pregnancy",
    "breastfeeding",
    "renal",
    "liver",
    "psychosis",
    "stroke",
    "autonomic_dysreflexia",
    "older_adults",
    "cns_depressants",
    "suicide_risk",
    "abrupt_discontinuation",
}


@pytest.fixture(scope="module")
def table() -> list[Condition]:
    return load_table()


@pytest.fixture(scope="module")
def bodies() -> dict[str, str]:
    return {r.id: r.body for r in load_corpus(ROOT / "corpus")}


def _keys(conditions) -> list[str]:
    return [c.key for c in conditions]


# ------------------------------------------------------------------------------ the data


def test_default_path_is_the_project_corpus_folder():
    assert DEFAULT_PATH == ROOT / "corpus" / "contraindications.yaml"
    assert DEFAULT_PATH.suffix == ".yaml"  # corpus_files() reads *.md only, so it is not a record


def test_table_validates_and_has_every_condition(table):
    assert set(_keys(table)) >= REQUIRED_KEYS
    for c in table:
        assert c.aliases, c.key
        assert c.label_summary.strip(), c.key


def test_hypersensitivity_is_the_only_label_contraindication(table):
    contraindicated = [c.key for c in table if c.label_status == "contraindicated"]
    assert contraindicated == ["hypersensitivity"]
    by_key = {c.key: c for c in table}
    for key in ("renal", "epilepsy", "pregnancy", "liver", "breastfeeding"):
        assert by_key[key].label_status != "contraindicated", key


def test_common_error_note():
    note = common_error().lower()
    assert "hypersensitivity" in note and "only" in note
    for word in ("seizure", "pregnancy", "kidney", "liver"):
        assert word in note


def test_every_source_exists_and_every_quote_is_verbatim(table, bodies):
    assert check_sources(table, bodies) == []
    # spelled out too, so a failure names the exact quote
    for c in table:
        assert c.label_source in bodies, c.key
        if c.label_quote:
            assert quote_in_body(c.label_quote, bodies[c.label_source]), (c.key, c.label_quote)
        else:
            assert c.label_status == "not addressed", c.key
        for a in c.additions:
            assert a.source_id in bodies, (c.key, a.source_id)
            assert quote_in_body(a.quote, bodies[a.source_id]), (c.key, a.source_id, a.quote)


def test_guideline_and_literature_additions_for_kidney_failure(table):
    renal = next(c for c in table if c.key == "renal")
    sources = {a.source_id for a in renal.additions}
    assert {"guideline_australia_2021", "muanda2019", "ajkd2017"} <= sources
    liver = next(c for c in table if c.key == "liver")
    assert {"addolorato2007", "morley2018"} <= {a.source_id for a in liver.additions}
    suicide = next(c for c in table if c.key == "suicide_risk")
    assert "reg_australia_tga" in {a.source_id for a in suicide.additions}


def test_quote_in_body_ignores_line_wrapping_only():
    body = "The label says baclofen is\ncleared by the kidneys. Other text."
    assert quote_in_body("baclofen is cleared by the kidneys.", body)
    assert not quote_in_body("baclofen is removed by the kidneys.", body)
    assert not quote_in_body("", body)


def test_check_sources_reports_unknown_ids_and_altered_quotes(table):
    renal = next(c for c in table if c.key == "renal")
    problems = check_sources([renal], {"label_renal_impairment": "unrelated text"})
    assert any("not verbatim" in p for p in problems)
    assert any("guideline_australia_2021" in p and "not a record id" in p for p in problems)


# ------------------------------------------------------------------------------ loading errors


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "contraindications.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_invalid_status_names_file_and_field(tmp_path):
    p = _write(
        tmp_path,
        """
common_error: note
conditions:
  - key: stroke
    name: Stroke
    aliases: [stroke]
    label_status: forbidden
    label_summary: x
    label_source: label_warnings_precautions
    label_quote: x
""",
    )
    with pytest.raises(ContraindicationError) as err:
        load_table(p)
    msg = str(err.value)
    assert str(p) in msg and "conditions.[stroke].label_status" in msg


def test_missing_quote_is_an_error_unless_not_addressed(tmp_path):
    p = _write(
        tmp_path,
        """
common_error: note
conditions:
  - key: stroke
    name: Stroke
    label_status: precaution
    label_summary: x
    label_source: label_warnings_precautions
""",
    )
    with pytest.raises(ContraindicationError, match="label_quote"):
        load_table(p)


def test_unknown_field_and_bad_yaml(tmp_path):
    p = _write(tmp_path, "common_error: x\nconditions: [{key: a, nmae: b}]\n")
    with pytest.raises(ContraindicationError, match="nmae"):
        load_table(p)
    p.write_text("conditions: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContraindicationError, match="not valid YAML"):
        load_table(p)
    with pytest.raises(ContraindicationError, match="cannot read"):
        load_table(tmp_path / "missing.yaml")


def test_duplicate_keys_rejected(tmp_path):
    cond = (
        "  - {key: stroke, name: S, label_status: precaution, label_summary: x,"
        " label_source: r, label_quote: q}\n"
    )
    p = _write(tmp_path, "common_error: n\nconditions:\n" + cond + cond)
    with pytest.raises(ContraindicationError, match="duplicate"):
        load_table(p)


# ------------------------------------------------------------------------------ lookup


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("epilepsy", "epilepsy"),
        ("seizures", "epilepsy"),
        ("history of seizures", "epilepsy"),
        ("kidney", "renal"),
        ("kidny failure", "renal"),
        ("dialysis", "renal"),
        ("dialisis", "renal"),
        ("CKD", "renal"),
        ("insuffisance rénale", "renal"),
        ("Niereninsuffizienz", "renal"),
        ("pregnant", "pregnancy"),
        ("pregnent", "pregnancy"),
        ("grossesse", "pregnancy"),
        ("embarazada", "pregnancy"),
        ("breast feeding", "breastfeeding"),
        ("Stillzeit", "breastfeeding"),
        ("benzos", "cns_depressants"),
        ("opioids", "cns_depressants"),
        ("liver cirrhosis", "liver"),
        ("cirrhose", "liver"),
        ("elderly", "older_adults"),
        ("older adults", "older_adults"),
        ("schizophrenia", "psychosis"),
        ("stroke", "stroke"),
        ("autonomic dysreflexia", "autonomic_dysreflexia"),
        ("allergy", "hypersensitivity"),
        ("suicidal", "suicide_risk"),
        ("cold turkey", "abrupt_discontinuation"),
    ],
)
def test_lookup_realistic_terms(table, query, key):
    found = _keys(lookup(query, table))
    assert found and found[0] == key, (query, found)


def test_lookup_empty_returns_all_and_nonsense_returns_none(table):
    assert _keys(lookup("", table)) == _keys(table)
    assert _keys(lookup("   ", table)) == _keys(table)
    assert lookup("mechanism of action", table) == []
    assert lookup("half-life", table) == []
    assert lookup("rental car", table) == []  # not 'renal'
    assert lookup("adrenal", table) == []
    assert lookup("it saves lives", table) == []  # not 'liver'


def test_lookup_uses_default_table():
    assert _keys(lookup("dialysis")) == ["renal"]


# ------------------------------------------------------------------------------ find_in_question


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        ("Can someone with epilepsy take baclofen?", ["epilepsy"]),
        ("Is baclofen contraindicated in kidney failure?", ["renal"]),
        ("Is baclofen safe in pregnancy?", ["pregnancy"]),
        ("Can I take baclofen while breastfeeding?", ["breastfeeding"]),
        ("Can I take baclofen with benzos?", ["cns_depressants"]),
        ("Is it safe to drink alcohol on baclofen?", ["cns_depressants"]),
        ("Is baclofen safe for elderly patients?", ["older_adults"]),
        ("Should people with liver cirrhosis avoid baclofen?", ["liver"]),
        ("Can baclofen be used in dialysis patients?", ["renal"]),
        ("Is it dangerous to stop baclofen suddenly?", ["abrupt_discontinuation"]),
        ("Is baclofen risky for someone with schizophrenia?", ["psychosis"]),
        ("¿Es seguro el baclofeno en el embarazo?", ["pregnancy"]),
        ("Ist Baclofen bei Niereninsuffizienz kontraindiziert?", ["renal"]),
        ("Le baclofène est-il contre-indiqué pendant la grossesse ?", ["pregnancy"]),
    ],
)
def test_find_in_question_names_the_condition(table, question, keys):
    assert _keys(find_in_question(question, table)) == keys


def test_find_in_question_several_conditions(table):
    found = set(_keys(find_in_question("Is baclofen safe for elderly patients with CKD?", table)))
    assert found == {"older_adults", "renal"}


@pytest.mark.parametrize(
    "question",
    [
        "What are the contraindications of baclofen?",
        "contraindications of baclofen",
        "Who shouldn't take baclofen?",
        "What are the contraindications of baclofen for alcohol use disorder?",
    ],
)
def test_general_contraindication_question_returns_whole_table(table, question):
    assert _keys(find_in_question(question, table)) == _keys(table)


@pytest.mark.parametrize(
    "question",
    [
        "What is the mechanism of action of baclofen?",
        "What did the cirrhosis trial find?",  # names a condition, asks no safety question
        "How many patients with kidney disease were in the Muanda cohort?",
        "Is baclofen safe for alcohol use disorder?",  # the disorder treated, not co-use
        "Does baclofen reduce cravings?",
        "",
    ],
)
def test_find_in_question_negatives(table, question):
    assert find_in_question(question, table) == []


# ------------------------------------------------------------------------------ display


def test_format_table(table):
    text = format_table(lookup("kidney", table))
    assert text.startswith("Note: ")
    assert "Kidney impairment" in text and "not a contraindication" in text
    assert "[guideline_australia_2021]" in text and "[label_renal_impairment]" in text
    assert max(len(line) for line in text.splitlines()) <= 100
    everything = format_table(table, note="")
    assert not everything.startswith("Note")
    assert "CONTRAINDICATED on the US label" in everything
    assert everything.count("CONTRAINDICATED") == 1
    assert "No matching condition" in format_table([], note="")


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        (
            "How many trials were pooled in the Cochrane review of baclofen for alcohol problems?",
            [],
        ),
        ("Can baclofen be used as maintenance treatment after opioid detoxification?", []),
        ("Can I drink alcohol while taking baclofen?", ["cns_depressants"]),
        ("Is baclofen safe with opioids like methadone?", ["cns_depressants"]),
    ],
)
def test_treated_substance_is_not_a_co_ingested_depressant(question: str, keys: list[str]) -> None:
    assert [c.key for c in find_in_question(question)] == keys
