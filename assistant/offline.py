"""Offline switches, applied when the package is imported (before any model or Chroma import).

Clinical users expect no outbound traffic: no model hub calls, no telemetry. ``setdefault`` keeps
an explicit user choice, except for telemetry, which is always off.
"""

from __future__ import annotations

import os

_OFFLINE = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TOKENIZERS_PARALLELISM": "false",
}
_ALWAYS = {
    "ANONYMIZED_TELEMETRY": "False",  # Chroma
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ORT_DISABLE_TELEMETRY": "1",  # onnxruntime's native 1DS telemetry (Linux builds too)
    "DO_NOT_TRACK": "1",
}


def apply() -> None:
    for key, value in _OFFLINE.items():
        os.environ.setdefault(key, value)
    os.environ.update(_ALWAYS)
