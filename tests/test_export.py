"""The conversation exports: Markdown (one numbering per conversation, readable evidence names, no
HTML entities) and RIS as reference managers read it (parsed back with rispy)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import rispy
from markdown_it import MarkdownIt

from assistant.answer import Answer, Citation, EvidenceRow, Notice
from assistant.answering.safety.notices import notice
from assistant.frontends import export
from assistant.vocab import EVIDENCE_LABELS, NOTICE

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def cite(n: int, source_id: str, **kw: Any) -> Citation:
    base: dict[str, Any] = dict(
        n=n,
        source_id=source_id,
        title=f"Trial {source_id}",
        authors="Rose AK, Jones A",
        year=2018,
        journal="Addiction",
        pmid="29479827",
        doi="10.1111/add.14191",
        url="https://pubmed.ncbi.nlm.nih.gov/29479827/",
        evidence="meta-analysis",
        quote=f"Quoted sentence from {source_id} (p<0.05).",
        page=None,
    )
    base.update(kw)
    return Citation(**base)


LABEL = dict(
    title="Baclofen tablets: adverse reactions",
    authors="",
    year=2022,
    journal=None,
    publisher="US prescribing information (DailyMed / Ozobax / Lyvispah labels)",
    pmid=None,
    doi=None,
    url="https://dailymed.nlm.nih.gov/dailymed/",
    evidence="label",
)


def answer(question: str, text: str, citations: list[Citation], **kw: Any) -> Answer:
    return Answer(
        question=question,
        answer=text,
        abstained=False,
        citations=citations,
        notices=[notice("general"), notice("off_label")],
        **kw,
    )


def conversation() -> list[Answer]:
    first = answer(
        "Does baclofen reduce craving?",
        "Not clearly: pooled trials found no clear effect on craving [1].\n"
        "- One trial found lower craving, p<0.05 [2].",
        [cite(1, "rose2018"), cite(2, "addolorato2002", pmid="12490442", doi=None)],
        evidence_table=[
            EvidenceRow(
                "rose2018",
                "Rose et al. 2018",
                2018,
                "meta-analysis (12 trials)",
                None,
                "–",
                "craving",
                "no-benefit",
                "SMD -0.13 on craving",
                1,
            ),
            EvidenceRow(
                "addolorato2002",
                "Addolorato et al. 2002",
                2002,
                "RCT vs placebo",
                39,
                "30 mg/day",
                "craving",
                "benefit",
                "OCDS lower (p<0.05)",
                2,
            ),
        ],  # fmt: skip
    )
    second = answer(
        "What does the label list as side effects?",
        "The label lists drowsiness first [1], and the meta-analysis agrees [2].",
        [cite(1, "label_adverse_reactions", **LABEL), cite(2, "rose2018")],
        searched="What does the US label list as adverse reactions of baclofen?",
    )
    return [first, second]


# --------------------------------------------------------------------------- Markdown


def test_markdown_numbers_sources_once_per_conversation():
    md = export.to_markdown(conversation())
    refs = md.split("## References")[1]
    entries = re.findall(r"^(\d+)\. (.+)$", refs, re.M)
    assert [int(n) for n, _ in entries] == [1, 2, 3]
    # rose2018 is [1] in both answers although the second answer called it [2]
    assert "Trial rose2018" in entries[0][1] and "Baclofen tablets" in entries[2][1]
    second = md.split("## 2.")[1].split("## References")[0]
    assert "drowsiness first [3], and the meta-analysis agrees [1]" in second
    assert "- [3] “" in second and "- [1] “" in second
    # the evidence table cites with the conversation's numbers too
    first = md.split("## 1.")[1].split("## 2.")[0]
    assert "| Rose et al. 2018 | 2018 |" in first and first.count("| [1] |") == 1
    assert "| [2] |" in first and "benefit: OCDS lower (p<0.05)" in first


def test_markdown_is_readable_and_has_no_html_entities():
    md = export.to_markdown(conversation())
    assert "&lt;" not in md and "&gt;" not in md and "&amp;" not in md
    assert "p<0.05" in md
    assert f"*{EVIDENCE_LABELS['meta-analysis']}*" in md and "*meta-analysis*" not in md
    assert f"**{NOTICE['off_label'].label}:**" in md
    assert "**Not clearly: pooled trials found no clear effect on craving [1].**" in md
    assert "*Searched: What does the US label list as adverse reactions of baclofen?*" in md
    assert "[PMID 29479827](<https://pubmed.ncbi.nlm.nih.gov/29479827/>)" in md


def test_markdown_neutralises_html_when_rendered():
    hostile = answer(HOSTILE, f"{HOSTILE} [1]", [cite(1, "x", title=HOSTILE, quote=HOSTILE)])
    md = export.to_markdown([hostile])
    rendered = MarkdownIt("commonmark", {"html": True}).render(md)
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;" in rendered  # shown as text


def test_notices_in_vocabulary_order():
    t = answer("q", "a [1]", [cite(1, "a")])
    t.notices = [notice("renal"), notice("general"), notice("emergency"), notice("withdrawal")]
    md = export.to_markdown([t])
    order = [NOTICE[k].label for k in ("emergency", "withdrawal", "general", "renal")]
    positions = [md.index(f"**{label}:**") for label in order]
    assert positions == sorted(positions)


# --------------------------------------------------------------------------- RIS


def parse(ris: str) -> list[dict[str, Any]]:
    return rispy.loads(ris)


def test_ris_types_authors_and_identifiers_as_reference_managers_read_them():
    cites = [c for a in conversation() for c in a.citations]
    records = parse(export.to_ris(cites))
    by_id = {r["id"]: r for r in records}
    assert len(records) == 3  # rose2018 cited twice -> once
    article = by_id["rose2018"]
    assert article["type_of_reference"] == "JOUR"
    assert article["authors"] == ["Rose, AK", "Jones, A"]
    assert article["secondary_title"] == "Addiction"  # T2: Zotero publicationTitle, EndNote Journal
    assert article["doi"] == "10.1111/add.14191"
    assert article["accession_number"] == "29479827"  # EndNote's Accession Number
    assert article["name_of_database"] == "PubMed"
    assert article["unknown_tag"]["M2"] == ["PMID: 29479827"]  # Zotero: Extra "PMID: ..."
    assert article["keywords"] == [EVIDENCE_LABELS["meta-analysis"]]
    label = by_id["label_adverse_reactions"]
    assert label["type_of_reference"] == "GOVDOC"  # Zotero report, EndNote Government Document
    assert label["publisher"].startswith("US prescribing information")
    assert "secondary_title" not in label and "journal_name" not in label
    assert "authors" not in label
    ris = export.to_ris(cites)
    assert "PMID:" not in re.sub(r"M2  - PMID: \d+", "", ris)  # never "AN - PMID:..."


@pytest.mark.parametrize(
    ("evidence", "journal", "publisher", "expected"),
    [
        ("guideline", "Med J Aust", None, "JOUR"),
        ("guideline", None, "NICE clinical guideline CG115 (National Institute for Health and Care Excellence, UK)", "RPRT"),
        ("regulatory", None, "ANSM (Agence nationale de sécurité du médicament), France", "GOVDOC"),
        ("label", None, "US prescribing information", "GOVDOC"),
        ("overview", None, None, "MANSCPT"),
        ("user-document", None, None, "MANSCPT"),
        ("user-document", "J Test Med", None, "JOUR"),
    ],
)  # fmt: skip
def test_ris_type_follows_the_evidence_type(
    evidence: str, journal: str | None, publisher: str | None, expected: str
):
    c = cite(1, "x", evidence=evidence, journal=journal, publisher=publisher, pmid=None, doi=None)
    (rec,) = parse(export.to_ris([c]))
    assert rec["type_of_reference"] == expected
    if publisher:
        assert rec["publisher"] == publisher
    if journal:
        assert rec["secondary_title"] == journal


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ("Rose AK, Jones A, et al.", ["Rose, AK", "Jones, A"]),
        ("de Beaurepaire R", ["de Beaurepaire, R"]),
        ("Smith, J, Doe, JA", ["Smith, J", "Doe, JA"]),
        ("John A. Smith", ["Smith, John A."]),
        ("Société Française d'Alcoologie", ["Société Française d'Alcoologie"]),
        ("baclofen-assistant editors", ["baclofen-assistant editors"]),
    ],
)
def test_ris_authors_are_last_name_comma_initials(authors: str, expected: list[str]):
    names = [export.ris_author(a) for a in export.split_authors(authors)]
    assert names == expected


def test_user_documents_are_marked_as_such_with_their_claim():
    c = cite(1, "user-x", evidence="user-document", claimed_evidence="rct", journal=None)
    (rec,) = parse(export.to_ris([c]))
    assert rec["keywords"] == ["your library (claims: Randomised trial)"]


def test_plain_text_copy_has_the_answer_and_its_references():
    text = export.to_text(conversation()[0])
    assert text.startswith("Q: Does baclofen reduce craving?")
    assert "[1] Rose AK, Jones A (2018) Trial rose2018. Addiction." in text
    assert "https://pubmed.ncbi.nlm.nih.gov/29479827/" in text
    assert "<" not in text.replace("p<0.05", "")


def test_real_conversation_exports_parse(corpus_assistant):
    turns = [
        corpus_assistant.ask("Does baclofen reduce alcohol craving?"),
        corpus_assistant.ask("What are the side effects on the US label?"),
    ]
    records = parse(export.to_ris(export.unique_citations(turns)))
    assert records and all(r.get("title") for r in records)
    types = {r["id"]: r["type_of_reference"] for r in records}
    ev = {c.source_id: c.evidence for t in turns for c in t.citations}
    for sid, ty in types.items():
        if ev[sid] in ("label", "regulatory"):
            assert ty == "GOVDOC", sid
    assert "GOVDOC" in types.values() and "JOUR" in types.values()
    md = export.to_markdown(turns)
    n_refs = len(re.findall(r"^\d+\. ", md.split("## References")[1], re.M))
    assert n_refs == len(records)
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", md.split("## References")[0])}
    assert cited == set(range(1, n_refs + 1))


def test_notice_fallback_for_an_unknown_kind():
    t = answer("q", "a", [])
    t.notices = [Notice("general", "x"), Notice("future_kind", "Something new.")]  # type: ignore[arg-type]
    md = export.to_markdown([t])
    assert "**Future kind:** Something new." in md


def test_ris_authors_come_from_the_author_list_when_the_citation_has_one():
    c = cite(
        1,
        "x",
        authors="Garbutt JC, Kampov-Polevoy AB, et al.",
        author_list=["Garbutt JC", "Kampov-Polevoy AB"],
    )
    (rec,) = parse(export.to_ris([c]))
    assert rec["authors"] == ["Garbutt, JC", "Kampov-Polevoy, AB"]
