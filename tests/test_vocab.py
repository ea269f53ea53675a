"""One vocabulary: every notice kind, evidence type, route and intent named in vocab.py can be
shown by every reader (the CLI, the app, the Markdown and RIS exports, the eval report), and no
module keeps its own copy of a list."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from assistant import vocab
from assistant.answer import Answer, Citation, EvidenceRow, Notice
from assistant.answering.safety import notices as safety
from assistant.evaluation.metrics import notice_scores
from assistant.evaluation.questions import Question
from assistant.frontends import export
from assistant.frontends.cli import format_answer
from assistant.frontends.ui import render
from assistant.settings import PROJECT_DIR

SOURCE = PROJECT_DIR / "assistant"


def _citation(evidence: str) -> Citation:
    return Citation(
        n=1, source_id=f"x_{evidence}", title="A title", authors="Doe J", year=2020, journal=None,
        pmid=None, doi=None, url=None, evidence=evidence, quote="A quoted sentence.", page=None,
    )  # fmt: skip


def _answer(kind: str, evidence: str = "rct") -> Answer:
    return Answer(
        question="q",
        answer="The bottom line [1].",
        abstained=False,
        citations=[_citation(evidence)],
        notices=[Notice(kind, safety.NOTICE_TEXTS[kind])],  # type: ignore[arg-type]
        evidence_table=[
            EvidenceRow(
                "x",
                "Doe 2020",
                2020,
                "RCT",
                10,
                "30 mg/day",
                "craving",
                "benefit",
                "less craving",
                1,
            )
        ],
    )


@pytest.mark.parametrize("kind", vocab.NOTICE_KINDS)
def test_every_notice_kind_is_shown_by_every_reader(kind: str) -> None:
    style = vocab.NOTICE[kind]
    ans = _answer(kind)
    assert style.label in format_answer(ans)
    assert style.label in render.notice_html(ans.notices[0].to_json(), "full", "n1", live=True)
    assert (
        style.short
        and style.short
        in render.notice_html(ans.notices[0].to_json(), "short", "n1", live=False, first="n0")
        or style.always_full
    )
    assert style.label in export.to_markdown([ans])
    assert safety.NOTICE_TEXTS[kind] and kind in safety.NOTICE_SOURCES


def test_the_eval_report_has_a_row_for_every_checked_notice_kind() -> None:
    item = Question(
        id="q001", question="Dose?", category="dosing", intent="dosing", expected_sources=["x"]
    )
    scores = notice_scores([(item, _answer("general"))])
    assert set(scores) == set(vocab.DETECTED_NOTICE_KINDS)
    assert set(vocab.DETECTED_NOTICE_KINDS) == set(vocab.NOTICE_KINDS) - {"general"}


@pytest.mark.parametrize("evidence", vocab.EVIDENCE_TYPES)
def test_every_evidence_type_is_shown_and_exported(evidence: str) -> None:
    ans = _answer("general", evidence)
    label = vocab.EVIDENCE_LABELS[evidence]
    badge = html.unescape(render.evidence_badge(evidence))
    assert label in badge or vocab.USER_LABEL in badge
    (rec,) = export.to_ris(ans.citations).split("ER  - ")[:1]
    assert f"TY  - {vocab.EVIDENCE_BY_KEY[evidence].ris}" in rec
    assert vocab.EVIDENCE_BY_KEY[evidence].rank >= 0


def test_user_documents_can_never_claim_curated_only_evidence() -> None:
    curated_only = {e.key for e in vocab.EVIDENCE if e.curated_only}
    assert curated_only == {"guideline", "label", "regulatory"}
    assert vocab.USER_EVIDENCE not in curated_only


def test_names_are_defined_once() -> None:
    """No module but vocab.py spells out a list of the notice kinds, evidence types or routes."""
    kinds = list(vocab.NOTICE_KINDS)
    offenders = []
    for path in SOURCE.rglob("*.py"):
        if path.name == "vocab.py":
            continue
        text = path.read_text()
        for names in (kinds, list(vocab.EVIDENCE_TYPES)[:6], list(vocab.ROUTES)):
            quoted = [f'"{n}"' for n in names]
            if all(q in text for q in quoted) and re.search(
                r"[\[(]\s*" + r"\s*,\s*".join(map(re.escape, quoted[:3])), text
            ):
                offenders.append(f"{path.relative_to(PROJECT_DIR)}: {names[:3]}...")
    assert not offenders, offenders


def test_the_vocabulary_lists_agree_with_their_literals() -> None:
    assert set(vocab.NoticeKind.__args__) == set(vocab.NOTICE_KINDS)  # type: ignore[attr-defined]
    assert set(vocab.Evidence.__args__) == set(vocab.EVIDENCE_TYPES)  # type: ignore[attr-defined]
    assert set(vocab.Intent.__args__) == set(vocab.INTENTS)  # type: ignore[attr-defined]
    assert len(set(vocab.NOTICE_KINDS)) == len(vocab.NOTICE_KINDS)
    assert vocab.NOTICE_KINDS[:2] == ("emergency", "withdrawal")  # safety first everywhere
    assert {v.key for v in vocab.VERDICTS} == set(vocab.VERDICT_KEYS)


def test_no_module_over_600_lines_and_no_project_imports_inside_functions() -> None:
    """Function-level imports of our own modules only where an optional or heavy dependency
    needs them (named here, each with the reason in a comment beside the import)."""
    allowed = {
        "frontends/cli.py",  # `serve` imports Gradio only for that command
        "index/build.py",  # torch's embedding model loads only when something must be embedded
        "index/query_encoder.py",  # torch only to export the ONNX encoder, or if it is missing
    }
    long, lazy = [], []
    for path in SOURCE.rglob("*.py"):
        rel = str(path.relative_to(SOURCE))
        lines = path.read_text().splitlines()
        if len(lines) > 600:
            long.append(f"{rel}: {len(lines)}")
        if rel not in allowed and any(
            re.match(r"\s+(from assistant\b|import assistant\b)", ln) for ln in lines
        ):
            lazy.append(rel)
    assert not long, long
    assert not lazy, lazy


def test_no_import_cycles() -> None:
    import ast

    modules = {
        ".".join(p.relative_to(PROJECT_DIR).with_suffix("").parts).removesuffix(".__init__"): p
        for p in SOURCE.rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for mod, path in modules.items():
        deps: set[str] = set()
        for node in ast.parse(path.read_text()).body:  # module level only
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("assistant")
            ):
                subs = {f"{node.module}.{a.name}" for a in node.names} & set(modules)
                deps |= subs or {node.module}
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name.startswith("assistant")}
        graph[mod] = {d for d in deps if d != mod and d in modules}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for dep in graph[node]:
            if state.get(dep) == 1:
                raise AssertionError(" -> ".join([*trail, node, dep]))
            if not state.get(dep):
                visit(dep, [*trail, node])
        state[node] = 2

    for node in graph:
        if not state.get(node):
            visit(node, [])


def test_architecture_md_names_the_files_of_each_common_change() -> None:
    text = (PROJECT_DIR / "ARCHITECTURE.md").read_text()
    for path in re.findall(r"`(assistant/[\w/]+\.py)`", text):
        assert (PROJECT_DIR / path).exists(), path
    for change in ("notice kind", "import format", "embedding model", "LLM backend"):
        assert change in text, change
    assert Path(PROJECT_DIR / "assistant" / "vocab.py").exists()
