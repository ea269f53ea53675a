"""The Gradio front end: its handlers and renderers as plain functions over the real assistant
(the bundled model and a real index on disk), and the real server driven by gradio_client."""

from __future__ import annotations

import json
import re
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest

from assistant.answer import Answer, Citation, EvidenceRow, Filters
from assistant.answering.pipeline import MAX_QUESTION_CHARS, Assistant
from assistant.answering.safety.notices import notice
from assistant.frontends import ui
from assistant.frontends.ui import library, pages, render, theme
from assistant.library.contraindications import MAX_QUERY_CHARS
from assistant.settings import Settings
from assistant.vocab import NOTICE, NOTICES, USER_LABEL

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ARTICLES = Path(__file__).parent / "fixtures" / "articles"
UI_DIR = Path(ui.__file__).parent


def final(steps: list[tuple[Any, str, list[dict[str, Any]]]]) -> tuple[Any, str, list]:
    return steps[-1]


def ask(assistant: Any, text: Any, turns: list | None = None, **kw: Any) -> list[tuple]:
    return list(
        ui.respond(
            assistant, text, turns or [], kw.get("evidence"), kw.get("substances"),
            kw.get("year_from"), kw.get("year_to"),
        )
    )  # fmt: skip


def cite(n: int, **kw: Any) -> Citation:
    base: dict[str, Any] = dict(
        n=n, source_id=f"src{n}", title="Baclofen for alcohol craving: a trial",
        authors="Doe J, Roe R", year=2010, journal="J Test Med", pmid="12345678",
        doi="10.1000/test.1", url="https://pubmed.ncbi.nlm.nih.gov/12345678/", evidence="rct",
        quote="Baclofen lowered craving scores compared with placebo.", page=None,
    )  # fmt: skip
    base.update(kw)
    return Citation(**base)


def turn(question: str, kinds: list[str], **kw: Any) -> dict[str, Any]:
    a = Answer(
        question=question,
        answer="Baclofen lowered craving [1].\n- A second trial found no effect [2].",
        abstained=False,
        citations=[cite(1), cite(2, source_id="src2", title="A negative trial")],
        notices=[notice(k) for k in kinds],
        **kw,
    )
    return a.to_json()


# --------------------------------------------------------------------------- the package


def test_no_ui_module_exceeds_600_lines():
    sizes = {p.name: len(p.read_text().splitlines()) for p in UI_DIR.glob("*.py")}
    assert {"app.py", "render.py", "theme.py"} <= set(sizes)
    assert max(sizes.values()) <= 600, sizes


def test_ui_reads_the_index_only_through_its_public_methods():
    src = "\n".join(p.read_text() for p in UI_DIR.glob("*.py"))
    for internal in (".manifest", ".metas", ".texts", "record_positions", "_catalog"):
        assert internal not in src, internal


def test_every_notice_kind_has_a_style_from_the_vocabulary():
    css = theme.css()
    for n in NOTICES:
        assert (
            f".ba-notice-{n.key} {{ background: {n.background}; border-color: {n.border}; color: {n.text}; }}"
            in css
        )
        out = render.notice_html(notice(n.key).to_json(), "full", "x", live=True)
        assert n.label in out and f'role="{n.role}"' in out
        assert f'<span class="ba-icon" aria-hidden="true">{n.icon}</span>' in out  # not read aloud


# --------------------------------------------------------------------------- notices in proportion


def test_notices_full_once_then_short_and_safety_always_full():
    turns = [
        turn("Does baclofen reduce alcohol craving?", ["general", "off_label"]),
        turn("And in the second trial?", ["general", "off_label", "dosing"]),
        turn("He stopped baclofen and is hallucinating", ["emergency", "withdrawal", "general"]),
    ]
    html = render.conversation_html(turns)
    first, second, third = html.split('<article class="ba-turn"')[1:]
    full = NOTICE["off_label"]
    assert notice("off_label").text in first
    assert notice("off_label").text not in second
    assert full.short in second and 'href="#notice-0-off_label"' in second
    assert f"{NOTICE['dosing'].short}" in second and "<details>" in second  # details on demand
    # emergency and withdrawal: in full, first, emergency as an alert in the newest answer
    kinds = re.findall(r'class="ba-notice ba-notice-(\w+)', third)
    assert kinds[:2] == ["emergency", "withdrawal"]
    assert notice("emergency").text in third and notice("withdrawal").text in third
    assert 'role="alert"' in third and 'role="alert"' not in first + second
    assert third.index("ba-notice-emergency") < third.index("ba-bottom")
    assert 'href="tel:112"' in third


def test_emergency_number_is_configurable(monkeypatch):
    monkeypatch.setenv("ASSISTANT_EMERGENCY_NUMBER", "+44 999")
    assert 'href="tel:+44999">Call +44 999</a>' in render.call_html()
    monkeypatch.setenv("ASSISTANT_EMERGENCY_NUMBER", "javascript:alert(1)")
    assert 'href="tel:112"' in render.call_html()


def test_older_emergency_notices_are_not_announced_again():
    turns = [turn("overdose now", ["emergency", "general"]), turn("next", ["general"])]
    html = render.conversation_html(turns)
    assert 'role="alert"' not in html and notice("emergency").text in html


# --------------------------------------------------------------------------- citations and sources


def test_citation_chips_link_to_their_passage_with_a_preview():
    html = render.conversation_html([turn("q", ["general"])])
    assert 'href="#src-0-1"' in html and 'id="src-0-1"' in html and 'id="src-0-2"' in html
    chip = re.search(
        r'<a class="ba-cite"[^>]*>\[1\]</a><span class="ba-preview"[^>]*>(.*?)</span></span>', html
    )
    assert chip and "Baclofen lowered craving scores compared with placebo." in chip.group(1)
    assert '<details class="ba-sources" id="sources-0"><summary>Sources (2)' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/12345678/"' in html
    assert ">Randomised trial<" in html  # the vocabulary's evidence label


def test_user_documents_show_as_your_library_with_their_claim_only():
    c = cite(1, evidence="user-document", claimed_evidence="label", pmid=None, doi=None, url=None)
    html = render.sources_html([c.to_json()], 0, False)
    assert f'<span class="ba-badge ba-badge-user">{USER_LABEL}</span>' in html
    assert "(claims: Drug label)" in html
    assert '<span class="ba-badge">Drug label</span>' not in html


def test_hostile_text_is_escaped_everywhere():
    c = cite(
        1,
        title=HOSTILE,
        authors=HOSTILE,
        journal=HOSTILE,
        quote=HOSTILE,
        url="javascript:x",
        pmid=None,
        doi=None,
    )
    t = Answer(question=HOSTILE, answer=f"{HOSTILE} [1]", abstained=False, citations=[c],
               notices=[notice("general")]).to_json()  # fmt: skip
    t["note"] = HOSTILE
    html = render.conversation_html([t], pending=HOSTILE)
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_evidence_table_and_bottom_line_come_first():
    row = EvidenceRow("src1", "ALPADIR (Reynaud 2017)", 2017, "RCT vs placebo", 320,
                      "up to 180 mg/day", "continuous abstinence", "no-benefit",
                      "11.9% vs 10.5%", 1)  # fmt: skip
    html = render.conversation_html([turn("Does it work?", ["general"], evidence_table=[row])])
    assert html.index('class="ba-bottom"') < html.index("ba-points") < html.index("ba-evidence")
    assert '<td data-label="Study"><b>ALPADIR (Reynaud 2017)</b>' in html
    assert "no benefit</span> 11.9% vs 10.5%" in html and 'href="#src-0-1"' in html


# --------------------------------------------------------------------------- the chat handler


def test_real_answer_follow_up_and_history(corpus_assistant):
    steps = ask(corpus_assistant, "Does baclofen reduce alcohol craving?")
    box, html, turns = final(steps)
    assert box == {"text": "", "files": []}
    assert 'data-state="pending"' in steps[0][1]  # the question shows at once
    assert len(turns) == 1 and turns[0]["citations"] and turns[0]["key"]
    assert 'class="ba-bottom"' in html and "ba-evidence" in html  # efficacy: evidence table
    assert notice("off_label").text in html
    _, html, turns = final(ask(corpus_assistant, "and for cocaine?", turns))
    assert ui.history_questions(turns) == [
        "Does baclofen reduce alcohol craving?",
        "and for cocaine?",
    ]
    assert turns[1]["searched"] and "cocaine" in turns[1]["searched"].lower()
    assert "<b>Searched:</b>" in html
    assert NOTICE["off_label"].short in html.split('id="turn-1"')[1]  # a reminder the 2nd time


def test_filters_reach_the_answer(corpus_assistant):
    _, html, turns = final(
        ask(corpus_assistant, "Which trials were negative?", evidence=["rct", "bogus"],
            substances=["alcohol"], year_from="2015", year_to=" 2005 ")
    )  # fmt: skip
    assert turns[0]["filters"] == "Randomised trial · Alcohol · 2005–2015"
    assert {c["evidence"] for c in turns[0]["citations"]} == {"rct"}
    assert all(2005 <= c["year"] <= 2015 for c in turns[0]["citations"])
    assert ui.make_filters([], [], "", "0") is None
    assert ui.make_filters(["rct"]) == Filters(evidence=["rct"])


def test_questions_and_filters_that_cannot_be_used_say_why(corpus_assistant):
    long_q = "why " * (MAX_QUESTION_CHARS // 4 + 1)
    box, html, turns = final(ask(corpus_assistant, long_q))
    assert f"limited to {MAX_QUESTION_CHARS:,}" in html and turns == []
    assert box["text"] == long_q  # the question is given back to shorten, not lost
    _, html, _ = final(ask(corpus_assistant, "   "))
    assert "Please type a question." in html
    _, html, turns = final(ask(corpus_assistant, "Which trials?", year_from="last year"))
    assert "is not a year" in html and turns == []


def test_answer_json_errors_are_clear(corpus_assistant):
    out = ui.answer_json(corpus_assistant, "Does it work?", history=[{"x": 1}, 3])
    assert "history must be a question as text" in out["error"]
    out = ui.answer_json(corpus_assistant, "x" * (MAX_QUESTION_CHARS + 1))
    assert f"limited to {MAX_QUESTION_CHARS:,}" in out["error"]
    out = ui.answer_json(corpus_assistant, 42)
    assert out == {"error": "The question must be text."}
    out = ui.answer_json(corpus_assistant, "Does baclofen reduce alcohol craving?", history=[])
    assert out["citations"] and {n["kind"] for n in out["notices"]} >= {"general", "off_label"}


def test_unexpected_errors_are_generic():
    assert ui.friendly_error(RuntimeError("database exploded at /secret/path")) == ui.FRIENDLY_ERROR


def test_exports_skip_uploads_and_write_both_files(tmp_path, corpus_assistant):
    assert ui.export_files([]) is None
    _, _, turns = final(ask(corpus_assistant, "Does baclofen reduce alcohol craving?"))
    turns = [{"kind": "upload", "title": "Added", "lines": ["x"]}, *turns]
    md, ris = ui.export_files(turns, tmp_path)
    text = Path(md).read_text(encoding="utf-8")
    assert "## 1. Does baclofen reduce alcohol craving?" in text and "## 2." not in text
    assert "TY  - " in Path(ris).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- other tabs


def test_contraindications_are_searchable_and_capped(corpus_assistant):
    store = corpus_assistant.store
    everything = pages.contraindications_html("", store)
    assert "Hypersensitivity" in everything and "ba-status-contraindicated" in everything
    kidney = pages.contraindications_html("kidney", store)
    assert "Kidney" in kidney and "Hypersensitivity" not in kidney and "Source:" in kidney
    none = pages.contraindications_html(f"zzzz {HOSTILE}", store)
    assert "No condition in the table matches" in none and "<script" not in none
    too_long = pages.contraindications_html("k" * (MAX_QUERY_CHARS + 1), store)
    assert f"the limit is {MAX_QUERY_CHARS}" in too_long and 'role="alert"' in too_long


def test_library_cards_search_filters_and_records(corpus_assistant):
    a = corpus_assistant
    everything = library.library_view(a)
    assert everything.count('<li class="ba-card') == a.store.counts()["records"]
    cocaine = library.library_view(a, "", [], ["cocaine"])
    assert 0 < cocaine.count('<li class="ba-card') < everything.count('<li class="ba-card')
    rcts = library.library_view(a, "addolorato", ["rct"])
    assert "Addolorato" in rcts and "Randomised trial" in rcts and "Drug label" not in rcts
    assert "No records match" in library.library_view(a, "no-such-words-anywhere")
    assert "the limit is 200" in library.library_view(a, "x" * 201)
    page = pages.record_html(a.store, "addolorato2007")
    assert 'href="https://doi.org/10.1016/S0140-6736(07)61814-5"' in page and "<h4>" in page
    assert "No record" in pages.record_html(
        a.store, HOSTILE
    ) and "<script" not in pages.record_html(a.store, HOSTILE)


@pytest.fixture()
def writable(corpus_index: Settings, embedder, tmp_path: Path) -> Assistant:
    """The assistant on a private copy of the session index (documents can be added)."""
    shutil.copytree(corpus_index.index_dir, tmp_path / "index")
    settings = Settings(
        corpus_dir=corpus_index.corpus_dir, index_dir=tmp_path / "index", torch_threads=1
    )
    return Assistant(settings, embedder=embedder)


def test_upload_makes_a_document_searchable_at_once_and_remove_takes_it_out(writable, tmp_path):
    a = writable
    steps = list(library.upload(a, [str(ARTICLES / "wellness_blog.md")]))
    assert any("Adding wellness_blog.md" in s[0] for s in steps[:-1])  # progress while it works
    status, cards, _ = steps[-1]
    assert "Added 1 document(s)" in status and USER_LABEL in cards
    (doc,) = [r for r in a.store.catalog() if r.user]
    ans = a.ask("Which side effects does the article list?")
    assert ans.route == "document" and {c.source_id for c in ans.citations} == {doc.id}
    html = render.conversation_html([ans.to_json()])
    assert "Answered from your document" in html and USER_LABEL in html
    # checked against the evidence: the article's wrong success rate comes first, contradicted
    assert 'data-lib-action="check"' in cards
    report, _, _ = library.act(a, json.dumps({"action": "check", "id": doc.id}))
    heads = re.findall(r'<h4 class="ba-verdict-head ba-verdict-([\w-]+)"', report)
    assert heads[0] == "contradicted"
    contradicted = report.split("ba-verdict-head ba-verdict-supported")[0]
    assert "65%" in contradicted and '<blockquote class="ba-quote">' in contradicted
    # removing it: gone from the library and from answers
    record, status, cards = library.act(a, json.dumps({"action": "remove", "id": doc.id}))
    assert "Removed" in status and not [r for r in a.store.catalog() if r.user]
    bad = tmp_path / "empty.md"
    bad.write_text("   ")
    status, cards, _ = list(library.upload(a, [str(bad)]))[-1]
    assert "No document was added" in status and "the file is empty" in status
    record, status, _ = library.act(a, json.dumps({"action": "remove", "id": "addolorato2007"}))
    assert "curated corpus record" in status


def test_documents_dropped_on_the_chat_box_are_added_then_asked_about(writable):
    msg = {"text": "Which side effects does the article list?",
           "files": [{"path": str(ARTICLES / "wellness_blog.md")}]}  # fmt: skip
    steps = ask(writable, msg)
    assert any("Adding wellness_blog.md" in s[1] for s in steps)
    _, html, turns = final(steps)
    assert [t.get("kind") for t in turns] == ["upload", None]
    assert turns[1]["route"] == "document" and "drowsiness" in turns[1]["answer"].lower()
    assert ui.history_questions(turns) == ["Which side effects does the article list?"]


def test_check_report_groups_claims_contradicted_first():
    report = {
        "document": {"id": "user-blog-1", "title": "My blog"},
        "claims": [
            {"text": "It is approved for spasticity.", "page": None, "topic": "regulation",
             "verdict": "supported", "explanation": "The label says so.", "citations": []},
            {"text": "The 2023 review found 65% never drank again.", "page": 2,
             "topic": "trial-result", "verdict": "contradicted",
             "explanation": "About 71% relapsed.",
             "citations": [cite(1, quote="risk ratio 0.87, about 710 versus 816 per 1000").to_json()]},
            {"text": f"Sugar cravings vanish {HOSTILE}", "page": None, "topic": "other",
             "verdict": "not-covered", "explanation": "", "citations": []},
        ],
    }  # fmt: skip
    html = pages.check_report_html(report)
    heads = re.findall(r'<h4 class="ba-verdict-head ba-verdict-([\w-]+)"', html)
    assert heads == ["contradicted", "supported", "not-covered"]
    assert "65% never drank again" in html and "(p. 2)" in html
    assert "about 710 versus 816 per 1000" in html and "<script" not in html
    assert "3 claims: 1 contradicted, 1 supported, 1 not covered." in html


def test_check_button_only_for_your_documents(corpus_assistant):
    assert library.can_check(corpus_assistant)
    cards = library.library_view(corpus_assistant)
    assert 'data-lib-action="open"' in cards and 'data-lib-action="check"' not in cards
    out = library.act(corpus_assistant, json.dumps({"action": "check", "id": "addolorato2007"}))
    assert "is not one of your documents" in out[0]


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


@pytest.mark.slow  # the real server: Gradio's import and start
def test_server_api_through_gradio_client(server):
    from gradio_client import Client

    client = Client(server, verbose=False, analytics_enabled=False, download_files=False)
    out = client.predict(
        "Does baclofen reduce alcohol craving?", ["rct"], ["alcohol"], 2000, 2015, [],
        api_name="/answer_json",
    )  # fmt: skip
    assert out["citations"] and {c["evidence"] for c in out["citations"]} == {"rct"}
    assert all(2000 <= c["year"] <= 2015 for c in out["citations"])
    follow = client.predict(
        "and for cocaine?", None, None, None, None, ["Does baclofen reduce alcohol craving?"],
        api_name="/answer_json",
    )  # fmt: skip
    assert "cocaine" in (follow.get("searched") or "").lower()
    bad = client.predict("x", None, None, None, None, [1, 2], api_name="/answer_json")
    assert "history" in bad["error"]
    table = client.predict("kidney", api_name="/contraindications")
    assert "Kidney" in table
    assert "the limit is" in client.predict("k" * 400, api_name="/contraindications")


def test_launch_binds_loopback_by_default():
    import inspect

    params = inspect.signature(ui.launch).parameters
    assert params["host"].default == "127.0.0.1"
    assert params["share"].default is False and params["auth"].default is None
    assert inspect.signature(ui.start).parameters["host"].default == "127.0.0.1"


NOTICE_QUESTIONS = [
    "My friend took 30 baclofen tablets and won't wake up",
    "How much baclofen should I take for my drinking?",
    "Is baclofen safe while breastfeeding?",
    "Can people on dialysis take baclofen?",
    "I want to stop baclofen tomorrow, can I just quit?",
    "How does baclofen act on GABA-B receptors?",
]


def test_cli_json_and_the_app_show_the_same_notices(corpus_index, corpus_assistant):
    """One source of truth: `assistant ask --json` and the chat show the same notice kinds for
    the same question, in the vocabulary's order (emergency first)."""
    from click.testing import CliRunner

    from assistant.frontends.cli import cli

    res = CliRunner().invoke(
        cli,
        ["ask", "--json", "--batch", "-", "--index-dir", str(corpus_index.index_dir)],
        input="\n".join(NOTICE_QUESTIONS) + "\n",
    )
    assert res.exit_code == 0, res.output
    answers = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    seen = set()
    for question, out in zip(NOTICE_QUESTIONS, answers, strict=True):
        cli_kinds = [n["kind"] for n in out["notices"]]
        _, html, _ = final(ask(corpus_assistant, question))
        ui_kinds = list(dict.fromkeys(re.findall(r'class="ba-notice ba-notice-(\w+)', html)))
        assert ui_kinds == cli_kinds, question
        seen |= set(cli_kinds)
    assert {
        "general",
        "off_label",
        "dosing",
        "emergency",
        "pregnancy",
        "renal",
        "withdrawal",
    } <= seen
