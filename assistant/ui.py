"""The Gradio chat app: a thin layer over :class:`assistant.pipeline.Assistant`."""

from __future__ import annotations

from typing import Any

from assistant.settings import Settings


def build_app(assistant: Any):  # noqa: ANN201
    import gradio as gr

    from assistant.cli import format_answer

    def respond(message: str, history: list[dict[str, Any]]) -> str:
        try:
            ans = assistant.ask(message)
        except ValueError as exc:
            return str(exc)
        return format_answer(ans)

    return gr.ChatInterface(respond, title="Baclofen literature assistant")


def launch(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 7860,
    share: bool = False,
    auth: Any = None,
) -> None:
    from assistant.pipeline import Assistant

    app = build_app(Assistant.load(settings))
    app.queue(default_concurrency_limit=4).launch(
        server_name=host, server_port=port, share=share, auth=auth
    )
