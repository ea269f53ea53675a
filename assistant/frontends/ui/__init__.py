"""The Gradio app: a thin layer over :class:`assistant.answering.pipeline.Assistant`.

* :mod:`.render` draws the conversation (notices, answers, evidence tables, Sources) as HTML;
* :mod:`.pages` draws the contraindication table, the library cards, a record, reports;
* :mod:`.chat` and :mod:`.library` are the handlers (plain functions: inputs in, HTML and data
  out), :mod:`.app` wires them to components;
* :mod:`.theme` is the look (notice styles from :mod:`assistant.vocab`), :mod:`.script` the page
  script (keyboard, focus, scrolling, copy).

Importing this package does not import Gradio; :func:`build_app` and :func:`launch` do.
"""

from assistant.frontends.ui.app import APP_TITLE, build_app, launch, start
from assistant.frontends.ui.chat import (
    FRIENDLY_ERROR,
    answer_json,
    describe_filters,
    export_files,
    friendly_error,
    history_questions,
    make_filters,
    respond,
)

__all__ = [
    "APP_TITLE",
    "FRIENDLY_ERROR",
    "answer_json",
    "build_app",
    "describe_filters",
    "export_files",
    "friendly_error",
    "history_questions",
    "launch",
    "make_filters",
    "respond",
    "start",
]
