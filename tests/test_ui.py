"""The Gradio front end: its handlers as plain functions, the export formats, and the real
server driven by gradio_client."""

from __future__ import annotations

import logging
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from assistant.answer import NOTICE_KINDS, Answer, Citation, Notice
from assistant.answering.pipeline import QuestionError, clean_question
from assistant.frontends import export, ui
from assistant.index.retrieval import Filters

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def cite(n: int = 1, **kw: Any) -> Citation:
    base = dict(
        n=n,
        source_id=f"src{n}",
        title="Baclofen for alcohol craving: a trial",
        authors="Doe J, Roe R, et al.",
        year=2010,
        journal="J Test Med",
        pmid="12345678",
        doi="10.1000/test.1",
        url="https://pubmed.ncbi.nlm.nih.gov/12345678/",
        evidence="rct",
        quote="Baclofen lowered craving scores compared with placebo.",
        page=None,
    )
    base.update(kw)
    return Citation(**base)


def make_answer(question: str = "Does baclofen reduce craving?", **kw: Any) -> Answer:
    base = dict(
        question=question,
        answer="- Baclofen lowered craving scores. [1]\n- A second trial found no effect. [2]",
        abstained=False,
        citations=[cite(1), cite(2, source_id="src2", pmid=None, title="A negative trial")],
        notices=[
            Notice("general", "Not medical advice."),
            Notice("renal", "Kidney note."),
            Notice("emergency", "Call your local emergency number."),
            Notice("off_label", "Off-label in the US."),
        ],
    )
    base.update(kw)
    return Answer(**base)


@dataclass
class FakeAssistant:
    """Records what the UI passes to ask(); answers with a fixed Answer or raises."""

    answer: Answer | None = None
    error: Exception | None = None
    calls: list[dict[str, Any]] = field(default_factory=list)

    def ask(self, question: str, filters: Filters | None = None, history=()) -> Answer:  # noqa: ANN001
        self.calls.append({"question": question, "filters": filters, "history": list(history)})
        if self.error is not None:
            raise self.error
        clean_question(question)
        ans = self.answer or make_answer(question)
        ans.question = question
        if history and len(question.split()) <= 4:
            ans.searched = f"{history[-1].rstrip('?')} (follow-up: {question})"
        return ans


def run(assistant: Any, question: str, chat=None, turns=None, **kw: Any):  # noqa: ANN001, ANN201
    """All the yields of respond(); returns (steps, final chat, final turns)."""
    steps = list(
        ui.respond(
            assistant,
            question,
            chat or [],
            turns or [],
            kw.get("evidence"),
            kw.get("substances"),
            kw.get("year_from"),
            kw.get("year_to"),
        )
    )
    _, chat, turns = steps[-1]
    return steps, chat, turns


def text_of(msg: dict[str, Any]) -> str:
    content = msg["content"]
    if isinstance(content, list):  # the client's normalised form
        return "".join(c.get("text", "") for c in content)
    return content


# --------------------------------------------------------------------------- notices


def test_notices_render_emergency_first_and_general_last():
    out = ui.render_notices(make_answer().notices)
    kinds = re.findall(r'class="ba-notice ba-notice-(\w+)"', out)
    assert kinds[0] == "emergency"
    assert kinds[-1] == "general"
    assert set(kinds) == {"emergency", "general", "renal", "off_label"}
    assert 'role="alert"' in out.split("ba-notice-renal")[0]  # the emergency box is an alert
    assert "Emergency: get help now" in out


def test_answer_shows_notices_before_the_answer_text():
    _, chat, _ = run(FakeAssistant(), "Does baclofen reduce craving?")
    answer_html = text_of(chat[1])
    assert answer_html.index("ba-notice-emergency") < answer_html.index("Baclofen lowered")
    assert answer_html.index("ba-notice-off_label") < answer_html.index("Baclofen lowered")
    assert '<span class="ba-cite">[1]</span>' in answer_html


# --------------------------------------------------------------------------- streaming


def test_respond_streams_question_then_notices_then_lines_then_sources():
    steps, chat, turns = run(FakeAssistant(), "Does baclofen reduce craving?")
    assert len(steps) >= 4
    box, first, _ = steps[0]
    assert box == ""  # the textbox clears at once
    assert first[-1]["metadata"]["status"] == "pending"
    notices_only = text_of(steps[1][1][-1])
    assert "ba-notice-emergency" in notices_only and "Baclofen lowered" not in notices_only
    partial = text_of(steps[2][1][-1])
    assert "Baclofen lowered" in partial and "second trial" not in partial
    assert [m["role"] for m in chat] == ["user", "assistant", "assistant"]
    assert chat[2]["metadata"]["title"] == "Sources"
    assert len(turns) == 1 and turns[0]["question"] == "Does baclofen reduce craving?"


# --------------------------------------------------------------------------- escaping


def test_sources_block_escapes_hostile_record_text():
    c = cite(
        title=HOSTILE,
        authors=HOSTILE,
        journal=HOSTILE,
        quote=f"Quoted {HOSTILE} passage",
        evidence="user-document",
        page=3,
        pmid=None,
        doi=None,
        url="javascript:alert(1)",
    )
    out = ui.render_sources([c])
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert 'href="javascript' not in out
    assert "your library" in out and "Your document" in out
    assert "(p. 3)" in out


def test_sources_block_links_pubmed_and_doi_and_shows_evidence_badge():
    out = ui.render_sources([cite()])
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/12345678/"' in out
    assert 'href="https://doi.org/10.1000/test.1"' in out
    assert "ba-ev-rct" in out and ">RCT<" in out
    ref = "Doe J, Roe R, et al. (2010) <b>Baclofen for alcohol craving: a trial.</b> <i>J Test Med.</i>"
    assert ref in out
    assert "Baclofen lowered craving scores compared with placebo." in out


def test_question_and_answer_text_are_escaped():
    ans = make_answer(answer=f"- {HOSTILE} [1]", citations=[cite(quote=HOSTILE)])
    _, chat, _ = run(FakeAssistant(answer=ans), HOSTILE)
    for msg in chat:
        html = text_of(msg)
        assert "<script" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in text_of(chat[0])


def test_export_markdown_neutralises_html():
    md = export.to_markdown([make_answer(question=HOSTILE)])
    assert "<script" not in md and "<img" not in md


# --------------------------------------------------------------------------- filters & follow-ups


def test_filters_are_passed_to_ask():
    fake = FakeAssistant()
    run(
        fake,
        "Which trials were negative?",
        evidence=["rct", "bogus"],
        substances=["alcohol"],
        year_from="2015",
        year_to=2005.0,
    )
    f = fake.calls[0]["filters"]
    assert f == Filters(evidence=["rct"], substances=["alcohol"], year_min=2005, year_max=2015)
    fake2 = FakeAssistant()
    run(fake2, "Which trials were negative?", evidence=[], substances=[], year_from="", year_to="")
    assert fake2.calls[0]["filters"] is None


def test_filters_summary_is_shown_with_the_answer():
    _, chat, turns = run(FakeAssistant(), "Which trials?", evidence=["rct"], year_from=2010)
    assert "<b>Filters:</b> RCT · 2010–…" in text_of(chat[1])
    assert turns[0]["filters"] == "RCT · 2010–…"


def test_follow_up_passes_history_and_shows_searched():
    fake = FakeAssistant()
    _, chat, turns = run(fake, "Does baclofen reduce alcohol craving?")
    _, chat, turns = run(fake, "and for cocaine?", chat, turns)
    assert fake.calls[0]["history"] == []
    assert fake.calls[1]["history"] == ["Does baclofen reduce alcohol craving?"]
    assert (
        "<b>Searched:</b> Does baclofen reduce alcohol craving (follow-up: and for cocaine?)"
        in (text_of(chat[-2]))
    )
    # a third follow-up builds on the resolved question, not on "and for cocaine?"
    run(fake, "what about opioids?", chat, turns)
    assert fake.calls[2]["history"][-1].startswith("Does baclofen reduce alcohol craving")


def test_real_follow_up_shows_what_was_searched(corpus_assistant):
    _, chat, turns = run(corpus_assistant, "Does baclofen reduce alcohol craving?")
    _, chat, turns = run(corpus_assistant, "and for cocaine?", chat, turns)
    assert "<b>Searched:</b> Does baclofen reduce cocaine craving?" in text_of(chat[-2])
    assert turns[-1]["searched"] == "Does baclofen reduce cocaine craving?"


# --------------------------------------------------------------------------- errors


def test_unexpected_errors_become_a_friendly_message(caplog):
    fake = FakeAssistant(error=RuntimeError("database exploded at /secret/path"))
    with caplog.at_level(logging.ERROR, logger="assistant.frontends.ui"):
        steps, chat, turns = run(fake, "Does baclofen reduce craving?")
    html = text_of(chat[-1])
    assert "Sorry, something went wrong" in html
    assert "secret" not in html and "Traceback" not in html and "RuntimeError" not in html
    assert turns == []
    assert any("database exploded" in (r.exc_text or "") for r in caplog.records)


def test_question_errors_say_what_to_fix():
    fake = FakeAssistant(error=QuestionError("Please type a question."))
    _, chat, _ = run(fake, "???")
    assert "Please type a question." in text_of(chat[-1])
    # a blank message never reaches the core
    fake2 = FakeAssistant()
    steps, chat, turns = run(fake2, "   ")
    assert fake2.calls == [] and "Please type a question." in text_of(chat[-1]) and turns == []


def test_answer_json_errors_are_friendly():
    out = ui.answer_json(FakeAssistant(error=ValueError("boom")), "x")
    assert out == {"error": ui.FRIENDLY_ERROR}


# --------------------------------------------------------------------------- export


def test_markdown_export_has_questions_answers_notices_and_references():
    first = make_answer()
    second = make_answer("and for cocaine?", searched="Does baclofen reduce cocaine craving?")
    md = export.to_markdown([first, second])
    assert "## 1. Does baclofen reduce craving?" in md
    assert "## 2. and for cocaine?" in md
    assert "*Searched: Does baclofen reduce cocaine craving?*" in md
    assert "> **Emergency:** Call your local emergency number." in md
    assert "- Baclofen lowered craving scores. [1]" in md
    assert "## References" in md
    refs = md.split("## References")[1]
    assert refs.count("Baclofen for alcohol craving") == 1  # each source once
    assert "[PMID 12345678](<https://pubmed.ncbi.nlm.nih.gov/12345678/>)" in refs
    assert "[doi:10.1000/test.1](<https://doi.org/10.1000/test.1>)" in refs


def test_markdown_export_accepts_turn_dicts_from_the_app():
    _, _, turns = run(FakeAssistant(), "Does baclofen reduce craving?", evidence=["rct"])
    md = export.to_markdown(turns)
    assert "*Filters: RCT*" in md and "**Sources**" in md
    assert "“Baclofen lowered craving scores compared with placebo.”" in md


def test_ris_export():
    ris = export.to_ris(
        [
            cite(1),
            cite(2, source_id="src1"),
            cite(3, source_id="lbl", journal=None, evidence="label"),
        ]
    )
    records = [r for r in ris.split("ER  - ") if r.strip()]
    assert len(records) == 2  # src1 twice -> once
    first = records[0]
    assert first.lstrip().startswith("TY  - JOUR")
    for line in (
        "AU  - Doe J",
        "AU  - Roe R",
        "TI  - Baclofen for alcohol craving: a trial",
        "JO  - J Test Med",
        "PY  - 2010",
        "DO  - 10.1000/test.1",
        "UR  - https://pubmed.ncbi.nlm.nih.gov/12345678/",
        "AN  - PMID:12345678",
        "KW  - rct",
    ):
        assert line in first
    assert "et al" not in ris
    assert "TY  - GOVDOC" in records[1]


def test_export_files_write_markdown_and_ris(tmp_path):
    assert ui.export_files([]) is None
    _, _, turns = run(FakeAssistant(), "Does baclofen reduce craving?")
    md, ris = ui.export_files(turns, tmp_path)
    assert md.endswith(".md") and ris.endswith(".ris")
    assert "Does baclofen reduce craving?" in Path(md).read_text(encoding="utf-8")
    assert "TY  - JOUR" in Path(ris).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- other tabs


def test_contraindications_table_is_searchable_with_citations(corpus_assistant):
    sources = ui.source_index(corpus_assistant)
    everything = ui.contraindications_html("", sources)
    assert "Hypersensitivity" in everything and "ba-status-contraindicated" in everything
    assert "A frequent error" in everything
    kidney = ui.contraindications_html("kidney", sources)
    assert "Kidney" in kidney and "Hypersensitivity" not in kidney
    assert "Source:" in kidney and "<blockquote" in kidney
    none = ui.contraindications_html(f"zzzz {HOSTILE}", sources)
    assert "No condition in the table matches" in none and "<script" not in none


def test_library_lists_filters_and_opens_records(corpus_assistant):
    rows = ui.library_rows(corpus_assistant)
    assert len(rows) == len(corpus_assistant.store.manifest["records"])
    cocaine = ui.library_rows(corpus_assistant, "", None, "cocaine")
    assert cocaine and all("Cocaine" in r[3] for r in cocaine)
    rcts = ui.library_rows(corpus_assistant, "addolorato", "rct")
    assert rcts and all(r[2] == "RCT" for r in rcts)
    assert ui.library_rows(corpus_assistant, "no-such-words-anywhere") == []
    page = ui.library_record_html(corpus_assistant, "addolorato2007")
    assert "Addolorato G, Leggio L, Ferrulli A, et al. (2007)" in page
    assert 'href="https://doi.org/10.1016/S0140-6736(07)61814-5"' in page
    assert "<h4>Summary</h4>" in page
    assert "No record" in ui.library_record_html(corpus_assistant, HOSTILE)
    assert "<script" not in ui.library_record_html(corpus_assistant, HOSTILE)


def test_real_answer_has_citations_sources_and_notices(corpus_assistant):
    _, chat, turns = run(corpus_assistant, "Does baclofen reduce alcohol craving?")
    answer, sources = text_of(chat[1]), chat[2]
    assert "ba-notice-off_label" in answer and "ba-notice-general" in answer
    assert '<span class="ba-cite">[1]</span>' in answer
    assert sources["metadata"]["title"] == "Sources"
    assert "pubmed.ncbi.nlm.nih.gov" in text_of(sources) and "ba-quote" in text_of(sources)
    assert turns[0]["citations"]


# --------------------------------------------------------------------------- the real server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(corpus_assistant):
    app = ui.build_app(corpus_assistant)
    port = free_port()
    ui.start(app, port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        app.close()


@pytest.mark.slow  # the real server: ~10 s to import Gradio and start (plus the session index)
def test_server_answers_through_gradio_client(server):
    from gradio_client import Client

    client = Client(server, verbose=False, analytics_enabled=False, download_files=False)
    box, chat = client.predict(
        "Does baclofen reduce alcohol craving?", [], [], [], "", "", api_name="/ask"
    )
    assert box == ""
    assert [m["role"] for m in chat] == ["user", "assistant", "assistant"]
    assert "ba-cite" in text_of(chat[1]) and "ba-notice-off_label" in text_of(chat[1])
    assert chat[2]["metadata"]["title"] == "Sources"

    out = client.predict(
        "Does baclofen reduce alcohol craving?", ["rct"], ["alcohol"], 2000, 2015, [],
        api_name="/answer_json",
    )  # fmt: skip
    assert out["citations"] and not out["abstained"]
    assert {c["evidence"] for c in out["citations"]} == {"rct"}
    assert all(2000 <= c["year"] <= 2015 for c in out["citations"])
    assert {"general", "off_label"} <= {n["kind"] for n in out["notices"]}


def test_launch_binds_loopback_by_default():
    import inspect

    params = inspect.signature(ui.launch).parameters
    assert params["host"].default == "127.0.0.1"
    assert params["share"].default is False
    assert params["auth"].default is None
    assert inspect.signature(ui.start).parameters["host"].default == "127.0.0.1"


NOTICE_QUESTIONS = [
    "My friend took 30 baclofen tablets and won't wake up",
    "How much baclofen should I take for my drinking?",
    "Is baclofen safe while breastfeeding?",
    "Can people on dialysis take baclofen?",
    "How does baclofen act on GABA-B receptors?",
]


def test_cli_json_and_the_app_show_the_same_notices(corpus_index, corpus_assistant):
    """One source of truth: `assistant ask --json` and the chat handler show the same notice
    kinds for the same question, the emergency notice first in both (the app shows the general
    disclaimer under the answer, the JSON keeps the core's order)."""
    import json

    from click.testing import CliRunner

    from assistant.frontends.cli import cli

    res = CliRunner().invoke(
        cli,
        ["ask", "--json", "--batch", "-", "--index-dir", str(corpus_index.index_dir)],
        input="\n".join(NOTICE_QUESTIONS) + "\n",
    )
    assert res.exit_code == 0, res.output
    answers = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert [a["question"] for a in answers] == NOTICE_QUESTIONS
    seen = set()
    for question, out in zip(NOTICE_QUESTIONS, answers, strict=True):
        cli_kinds = [n["kind"] for n in out["notices"]]
        *_, (_, chat, _) = ui.respond(corpus_assistant, question, [], [])
        found = re.findall(r"ba-notice-(\w+)", text_of(chat[1]))
        ui_kinds = [k for k in dict.fromkeys(found) if k in NOTICE_KINDS]
        assert set(ui_kinds) == set(cli_kinds), question
        if "emergency" in cli_kinds:
            assert cli_kinds[0] == ui_kinds[0] == "emergency"
        seen |= set(cli_kinds)
    assert seen == {"general", "off_label", "dosing", "emergency", "pregnancy", "renal"}
