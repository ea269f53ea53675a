"""The Gradio Blocks app: components and wiring only.

What the app shows is computed by the plain functions in :mod:`.chat`, :mod:`.library`,
:mod:`.pages` and :mod:`.render`; this module lays out the tabs and connects them. The
conversation lives in the browser (``gr.BrowserState``, this machine's local storage), so it
survives a page reload; nothing is sent anywhere but this app's own server.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from assistant.answering.pipeline import Assistant
from assistant.frontends.ui import chat, library
from assistant.frontends.ui.pages import contraindications_html, record_html
from assistant.frontends.ui.render import conversation_html, esc
from assistant.frontends.ui.script import SCRIPT
from assistant.frontends.ui.theme import css, theme
from assistant.library.formats import EXTENSIONS
from assistant.settings import Settings
from assistant.vocab import EVIDENCE_LABELS, EVIDENCE_TYPES, SUBSTANCE_LABELS, SUBSTANCES

APP_TITLE = "Baclofen literature assistant"
DEFAULT_CONCURRENCY = 4
QUEUE_MAX_SIZE = 64
STORAGE_KEY = "baclofen-assistant-conversation"

HEADER = """<header class="ba-header">
<svg class="ba-logo" aria-hidden="true" focusable="false" viewBox="0 0 48 48" width="36" height="36">
<rect x="2" y="2" width="44" height="44" rx="12" fill="rgba(255,255,255,0.16)"/>
<g transform="rotate(-35 24 24)"><rect x="10" y="17" width="28" height="14" rx="7" fill="#fff"/>
<rect x="24" y="17" width="14" height="14" rx="7" fill="#ffd166"/>
<rect x="24" y="17" width="7" height="14" fill="#ffd166"/></g></svg>
<div><h1>{title}</h1><p>Cited answers from {n} sources · offline · not medical advice</p></div>
</header>"""


def header_html(n_records: int) -> str:
    return HEADER.format(title=esc(APP_TITLE), n=int(n_records))


def upload_types() -> list[str]:
    return sorted(EXTENSIONS)


def build_app(assistant: Any) -> Any:
    """The Blocks app around one loaded, shared :class:`Assistant` (load it once)."""
    import gradio as gr

    store = assistant.store
    n_records = store.counts()["records"]
    years = sorted({r.year for r in store.catalog() if r.year})
    y_min, y_max = (years[0], years[-1]) if years else (1950, 2030)
    ev_choices = [(EVIDENCE_LABELS[e], e) for e in EVIDENCE_TYPES]
    sub_choices = [(SUBSTANCE_LABELS[s], s) for s in SUBSTANCES]
    types = upload_types()

    with gr.Blocks(title=APP_TITLE, delete_cache=(3600, 86400)) as app:
        gr.HTML(header_html(n_records))
        turns = gr.BrowserState([], storage_key=STORAGE_KEY)
        with gr.Tabs(elem_id="tabs"):
            with gr.Tab("Ask", id="ask"), gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=320):
                    conversation = gr.HTML(
                        conversation_html([], n_records=n_records), elem_id="conversation"
                    )
                    with gr.Group(elem_id="ask-box"):
                        question = gr.MultimodalTextbox(
                            placeholder="Ask about baclofen and cravings, or drop a document here",
                            label="Your question",
                            show_label=False,
                            lines=1,
                            max_lines=6,
                            sources=["upload"],
                            file_types=types,
                            file_count="multiple",
                            max_plain_text_length=100_000,  # longer is refused with a message
                            elem_id="question",
                        )
                    with gr.Row(elem_id="chat-actions"):
                        new = gr.Button("New conversation", size="sm", variant="secondary")
                        md_btn = gr.DownloadButton("Export Markdown", size="sm", interactive=False)
                        ris_btn = gr.DownloadButton(
                            "Export references (RIS)", size="sm", interactive=False
                        )
                with gr.Column(scale=1, min_width=260, elem_id="side"):
                    gr.HTML('<h3 class="ba-side-title">Filters</h3>')
                    substances = gr.CheckboxGroup(sub_choices, label="Substance")
                    evidence = gr.CheckboxGroup(ev_choices, label="Evidence type")
                    with gr.Row():
                        year_from = gr.Textbox(
                            label="From year", placeholder=str(y_min), max_lines=1, min_width=100
                        )
                        year_to = gr.Textbox(
                            label="To year", placeholder=str(y_max), max_lines=1, min_width=100
                        )
                    reset = gr.Button("Clear filters", size="sm", variant="secondary")
            with gr.Tab("Contraindications", id="contraindications"):
                gr.HTML(
                    "<h2>Contraindications and precautions</h2><p>What the US label says for "
                    "each condition, next to what guidelines and studies add. Every statement "
                    "quotes its source.</p>"
                )
                ci_query = gr.Textbox(
                    label="Search a condition",
                    placeholder="kidney, liver, pregnancy, epilepsy …",
                    elem_id="ci-search",
                )
                ci_table = gr.HTML(contraindications_html("", store), elem_id="ci-table")
            with gr.Tab("Library", id="library"):
                gr.HTML(
                    f"<h2>Library</h2><p>The curated records and your own documents (marked "
                    f"“your library”). Add PDFs, PubMed exports (.nbib, .xml), RIS, BibTeX, text "
                    f"or Markdown, up to {assistant.settings.max_upload_mb:g} MB a file.</p>"
                )
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=300):
                        lib_query = gr.Textbox(
                            label="Search the library",
                            placeholder="Titles, authors, ids or years",
                            max_lines=1,
                            elem_id="lib-search",
                        )
                        with gr.Accordion("Filter by evidence and substance", open=False):
                            lib_ev = gr.CheckboxGroup(ev_choices, label="Evidence type")
                            lib_sub = gr.CheckboxGroup(sub_choices, label="Substance")
                        lib_cards = gr.HTML(library.library_view(assistant), elem_id="lib-cards")
                    with gr.Column(scale=2, min_width=300):
                        files = gr.File(
                            label="Add your documents",
                            file_count="multiple",
                            file_types=types,
                            elem_id="lib-upload",
                        )
                        add = gr.Button("Add to my library", variant="primary", elem_id="lib-add")
                        lib_status = gr.HTML(elem_id="lib-status")
                        lib_record = gr.HTML(record_html(store, None), elem_id="lib-record")
                lib_action = gr.Textbox(
                    visible="hidden", label="Library action", elem_id="lib-action"
                )

        # ---- the chat
        filters = [evidence, substances, year_from, year_to]

        def exports(t: list[dict[str, Any]] | None) -> tuple[Any, Any]:
            found = chat.export_files(t)
            if found is None:
                return (
                    gr.DownloadButton(value=None, interactive=False),
                    gr.DownloadButton(value=None, interactive=False),
                )
            return (
                gr.DownloadButton(value=found[0], interactive=True),
                gr.DownloadButton(value=found[1], interactive=True),
            )

        question.submit(
            partial(chat.respond, assistant),
            [question, turns, *filters],
            [question, conversation, turns],
            api_visibility="private",
            show_progress="hidden",
        ).then(exports, turns, [md_btn, ris_btn], api_visibility="private")
        new.click(
            lambda: ([], conversation_html([], n_records=store.counts()["records"])),
            None,
            [turns, conversation],
            api_visibility="private",
            show_progress="hidden",
        ).then(exports, turns, [md_btn, ris_btn], api_visibility="private")
        reset.click(lambda: ([], [], "", ""), None, filters, api_visibility="private")
        app.load(
            lambda t: (conversation_html(t or [], n_records=assistant.store.counts()["records"]),),
            turns,
            [conversation],
            api_visibility="private",
            show_progress="hidden",
        ).then(exports, turns, [md_btn, ris_btn], api_visibility="private")

        # ---- contraindications (also an API endpoint)
        def ci_lookup(query: str) -> str:
            """The contraindication table filtered by a condition (HTML)."""
            return contraindications_html(query, assistant.store)

        ci_query.change(ci_lookup, ci_query, ci_table, api_name="contraindications")

        # ---- the library
        lib_inputs = [lib_query, lib_ev, lib_sub]
        for comp in lib_inputs:
            comp.change(
                partial(library.library_view, assistant), lib_inputs, lib_cards,
                api_visibility="private",
            )  # fmt: skip
        add.click(
            partial(library.upload, assistant),
            [files, *lib_inputs],
            [lib_status, lib_cards, files],
            api_visibility="private",
        )
        lib_action.change(
            partial(library.act, assistant),
            [lib_action, *lib_inputs],
            [lib_record, lib_status, lib_cards],
            api_visibility="private",
        )

        # ---- the JSON API (same schema as `assistant ask --json`)
        def answer_api(
            question: str,
            evidence: list[str] | None = None,
            substances: list[str] | None = None,
            year_from: int | None = None,
            year_to: int | None = None,
            history: list[str] | None = None,
        ) -> dict:
            """Answer one question; returns the public answer JSON (as `assistant ask --json`)."""
            return chat.answer_json(
                assistant, question, evidence, substances, year_from, year_to, history
            )

        gr.api(answer_api, api_name="answer_json")
    return app


def start(
    app: Any,
    host: str = "127.0.0.1",
    port: int | None = 7860,
    share: bool = False,
    auth: Any = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    max_upload_mb: float | None = None,
    **kw: Any,
) -> Any:
    """Queue and launch a built app (theme, CSS and the page script go to launch() in Gradio 6)."""
    app.queue(default_concurrency_limit=max(1, int(concurrency)), max_size=QUEUE_MAX_SIZE)
    mb = max_upload_mb if max_upload_mb is not None else Settings().max_upload_mb
    return app.launch(
        server_name=host,
        server_port=port,
        share=share,
        auth=auth,
        auth_message=f"{APP_TITLE}: please log in." if auth else None,
        theme=theme(),
        css=css(),
        js=SCRIPT,
        footer_links=["api", "settings"],
        run_history=False,
        show_error=False,
        max_file_size=f"{int(mb * 1024 * 1024)}b",
        **kw,
    )


def launch(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 7860,
    share: bool = False,
    auth: Any = None,
) -> None:
    """Load the assistant once and serve the app (127.0.0.1 unless told otherwise)."""
    assistant = Assistant.load(settings)
    concurrency = getattr(settings, "ui_concurrency", None) or DEFAULT_CONCURRENCY
    start(
        build_app(assistant),
        host=host,
        port=port,
        share=share,
        auth=auth,
        concurrency=concurrency,
        max_upload_mb=settings.max_upload_mb,
    )
