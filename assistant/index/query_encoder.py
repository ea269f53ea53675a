"""The query encoder: the same all-MiniLM-L6-v2 weights, run by onnxruntime instead of torch.

Answering a question needs one vector a question, and importing torch and sentence-transformers
costs about 9 s of a new process's 10 s; onnxruntime and tokenizers load in about half a second.
So ``assistant index`` exports the model once to ONNX (:func:`export_encoder`, the only code here
that imports torch), and every question is encoded by :class:`OnnxEncoder`:

* the tokenizer is the model's own (saved from the loaded sentence-transformers model) with the
  same settings sentence-transformers uses: truncation at ``max_seq_length`` word pieces, padding
  only to the longest text of a batch;
* the graph is the transformer followed by the model's own pooling (mean over the attention mask)
  and L2 normalisation, so its output is the sentence vector.

Chunk and sentence vectors are stored at build time by sentence-transformers; query vectors land in
the same space (the export checks a cosine of at least :data:`MIN_AGREEMENT` on probe texts and
records it, and ``tests/test_query_encoder.py`` checks it on the corpus and the eval questions).

The exported encoder lives in ``<index_dir>/encoder/<model fingerprint>/`` (``model.onnx``,
``tokenizer.json``, ``encoder.json``), or under ``ASSISTANT_ENCODER_DIR`` when that is set, so
that several indexes of the same model share one export.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import re
import secrets
import shutil
import threading
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.index.model_files import model_fingerprint, model_path
from assistant.settings import Settings

log = logging.getLogger(__name__)

FORMAT = 1
MODEL_FILE = "model.onnx"
RAW_FILE = "exported.onnx"
TOKENIZER_FILE = "tokenizer.json"
INFO_FILE = "encoder.json"
MIN_AGREEMENT = 0.9999  # cosine between ONNX and sentence-transformers vectors at export
INPUTS = ("input_ids", "attention_mask", "token_type_ids")

# Texts the export is checked on: short and long (truncated), accents, digits, symbols, CJK.
PROBES = (
    "Does baclofen reduce alcohol craving?",
    "What is the maximum dose on the US label?",
    "Baclofen est-il autorisé en France pour l'alcoolo-dépendance ?",
    "GABA-B agonist; 30–80 mg/day (titrated), n=320, HR 0.71 [95% CI 0.52–0.97].",
    "巴氯芬能减少饮酒渴望吗？",
    "x",
    "In the randomised, double-blind ALPADIR trial, " * 60,  # well over 256 word pieces
)


class EncoderError(RuntimeError):
    """The exported query encoder is missing, damaged or does not agree with the model."""


def encoder_root(settings: Settings) -> Path:
    """Where exported encoders live: ASSISTANT_ENCODER_DIR, or ``<index_dir>/encoder``."""
    shared = os.environ.get("ASSISTANT_ENCODER_DIR", "").strip()
    return Path(shared).expanduser() if shared else settings.index_dir / "encoder"


def encoder_dir(settings: Settings, fingerprint: str) -> Path:
    """The folder of the encoder exported from the model with this fingerprint."""
    return encoder_root(settings) / re.sub(r"[^A-Za-z0-9_.\-]", "_", fingerprint)


def read_info(folder: Path) -> dict[str, Any] | None:
    try:
        info = json.loads((folder / INFO_FILE).read_text())
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def encoder_problem(folder: Path, fingerprint: str) -> str | None:
    """Why the encoder in ``folder`` cannot be used for this model (None when it can). Cheap: reads
    a small JSON file and two file sizes, never the model."""
    info = read_info(folder)
    if info is None:
        return "the query encoder has not been exported yet"
    if info.get("format") != FORMAT or info.get("fingerprint") != fingerprint:
        return "the query encoder was exported from another model or by another version"
    for name in (MODEL_FILE, TOKENIZER_FILE):
        try:
            size = (folder / name).stat().st_size
        except OSError:
            return f"the query encoder's {name} is missing"
        if size != info.get("sizes", {}).get(name):
            return f"the query encoder's {name} is damaged (its size changed)"
    return None


class OnnxEncoder:
    """Sentence vectors from the exported model: ``encode(texts)`` -> L2-normalised float32 rows,
    as :class:`assistant.index.embeddings.Embedder` gives them, without torch."""

    def __init__(self, folder: Path, threads: int = 0) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        info = read_info(folder)
        if info is None:
            raise EncoderError(f"No query encoder in {folder}. Run `assistant index`.")
        self.folder = folder
        self.info = info
        self.dimension = int(info["dimension"])
        self.max_length = int(info["max_seq_length"])
        self.fingerprint = str(info["fingerprint"])
        options = ort.SessionOptions()
        options.log_severity_level = 3  # errors only
        # The file was optimised at export (:func:`_optimize`): loading it as it is takes half
        # the time of optimising it again in every new process.
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
        if threads > 0:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        try:
            self.tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
            self.session = ort.InferenceSession(
                str(folder / MODEL_FILE), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own error types
            raise EncoderError(
                f"The query encoder in {folder} cannot be loaded ({type(exc).__name__}: "
                f"{str(exc)[:200]}). Run `assistant index` to export it again."
            ) from None
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_length, strategy="longest_first")
        self._inputs = {i.name for i in self.session.get_inputs()}
        self._lock = threading.Lock()

    @property
    def model_id(self) -> str:
        return self.fingerprint

    def feeds(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The model inputs for ``texts`` (padded to the longest, as sentence-transformers does)."""
        encodings = self.tokenizer.encode_batch([str(t) for t in texts])
        width = max(len(e.ids) for e in encodings)
        out = {name: np.zeros((len(encodings), width), dtype=np.int64) for name in INPUTS}
        for row, e in enumerate(encodings):
            n = len(e.ids)
            out["input_ids"][row, :n] = e.ids
            out["attention_mask"][row, :n] = e.attention_mask
            out["token_type_ids"][row, :n] = e.type_ids
        return {k: v for k, v in out.items() if k in self._inputs}

    def encode(
        self, texts: Sequence[str], show_progress: bool = False, batch_size: int = 32
    ) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # Longest first, in batches: little padding (as sentence-transformers orders them).
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        with self._lock:  # one run at a time: onnxruntime's threads are already in use
            for i in range(0, len(order), batch_size):
                part = order[i : i + batch_size]
                out = self.session.run(None, self.feeds([texts[j] for j in part]))[0]
                vectors[part] = out
        return vectors

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()


_LOCK = threading.Lock()
_CACHE: dict[tuple[str, int], OnnxEncoder] = {}


def get_encoder(folder: Path, threads: int = 0) -> OnnxEncoder:
    """The process-wide encoder from ``folder`` (loaded on first use)."""
    key = (str(folder), threads)
    with _LOCK:
        enc = _CACHE.get(key)
        if enc is None:
            enc = _CACHE[key] = OnnxEncoder(folder, threads)
        return enc


def load_query_encoder(settings: Settings) -> Any:
    """What answers questions: the exported ONNX encoder of the index's model.

    When it has not been exported (an index built before this encoder existed, or
    ``ASSISTANT_ENCODER_DIR`` points elsewhere), the sentence-transformers model is loaded
    instead, with a warning: the same vectors, about 9 s slower to start. ``assistant index``
    exports it.
    """
    path = model_path(settings)
    fingerprint = model_fingerprint(path)
    folder = encoder_dir(settings, fingerprint)
    problem = encoder_problem(folder, fingerprint)
    if problem is None:
        return get_encoder(folder, settings.torch_threads)
    log.warning(
        "%s (%s); loading the sentence-transformers model instead (slower to start). "
        "Run `assistant index` to export it.",
        problem[0].upper() + problem[1:],
        folder,
    )
    from assistant.index.embeddings import get_embedder

    return get_embedder(path, settings.torch_threads, settings.embed_batch_size)


# --------------------------------------------------------------------------- the export


def ensure_encoder(settings: Settings, embedder: Any = None, say: Any = None) -> Path:
    """Export the query encoder of the settings' model unless a good one is there; its folder.

    ``embedder`` is a loaded :class:`~assistant.index.embeddings.Embedder` of the same model
    (loaded here when None). Needs torch: called only while building the index.
    """
    path = model_path(settings)
    fingerprint = model_fingerprint(path)
    folder = encoder_dir(settings, fingerprint)
    if encoder_problem(folder, fingerprint) is None:
        return folder
    if embedder is None or getattr(embedder, "model_path", None) != path:
        from assistant.index.embeddings import get_embedder

        embedder = get_embedder(path, settings.torch_threads, settings.embed_batch_size)
    if say:
        say("Exporting the query encoder to ONNX (once per model) ...")
    export_encoder(embedder, folder, fingerprint, settings.torch_threads)
    return folder


def _optimize(raw: Path, out: Path) -> None:
    """onnxruntime's basic graph optimisations (constant folding, redundant nodes), saved: they
    do not depend on the processor, so the file stays portable."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    options.optimized_model_filepath = str(out)
    ort.InferenceSession(str(raw), options, providers=["CPUExecutionProvider"])


def export_encoder(
    embedder: Any, folder: Path, fingerprint: str, threads: int = 0
) -> dict[str, Any]:
    """Export ``embedder``'s model (a loaded sentence-transformers model) to ``folder``.

    Written beside ``folder`` and renamed into place, so a killed export leaves nothing usable
    half-done; checked against the torch model on :data:`PROBES` before it is kept.
    """
    import torch

    t0 = time.perf_counter()
    model = getattr(embedder, "model", embedder)
    transformer = model[0].auto_model.eval()
    max_length = int(model.max_seq_length)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.parent / f".{folder.name}.tmp-{secrets.token_hex(4)}"
    tmp.mkdir()
    try:
        from tokenizers import Tokenizer

        # A copy of the tokenizer sentence-transformers runs, set up as it calls it.
        tokenizer = Tokenizer.from_str(model.tokenizer.backend_tokenizer.to_str())
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=max_length, strategy="longest_first")
        tokenizer.save(str(tmp / TOKENIZER_FILE))

        class Sentence(torch.nn.Module):
            """Transformer, mean pooling over the mask, L2 normalisation: the sentence vector."""

            def __init__(self, inner: torch.nn.Module) -> None:
                super().__init__()
                self.inner = inner

            def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001, ANN201
                tokens = self.inner(
                    input_ids=input_ids,
                    attention_mask=attention_mask,
                    token_type_ids=token_type_ids,
                ).last_hidden_state
                mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
                pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                return torch.nn.functional.normalize(pooled, p=2, dim=1)

        example = tuple(torch.ones((2, 8), dtype=torch.long) for _ in INPUTS)
        batch, seq = torch.export.Dim("batch"), torch.export.Dim("seq", max=max_length)
        shapes = tuple({0: batch, 1: seq} for _ in INPUTS)
        # torch's exporter reports its progress on stdout and warns about axis names: keep the
        # command's output for the user.
        quiet = logging.getLogger("torch.onnx")
        level = quiet.level
        with (
            torch.no_grad(),
            warnings.catch_warnings(),
            contextlib.redirect_stdout(io.StringIO()),
        ):
            warnings.simplefilter("ignore")
            quiet.setLevel(logging.ERROR)  # "torchvision is not installed. Skipping ..."
            program = torch.onnx.export(
                Sentence(transformer).eval(), example, input_names=list(INPUTS),
                output_names=["sentence_embedding"], dynamic_shapes=shapes, dynamo=True,
                external_data=False,
            )  # fmt: skip
            program.save(str(tmp / RAW_FILE))
            quiet.setLevel(level)
        _optimize(tmp / RAW_FILE, tmp / MODEL_FILE)
        (tmp / RAW_FILE).unlink()
        dimension = int(model.get_embedding_dimension())
        info = {
            "format": FORMAT,
            "fingerprint": fingerprint,
            "dimension": dimension,
            "max_seq_length": max_length,
            "exported_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "torch": torch.__version__,
            "sizes": {n: (tmp / n).stat().st_size for n in (MODEL_FILE, TOKENIZER_FILE)},
        }
        (tmp / INFO_FILE).write_text(json.dumps(info, indent=1))
        onnx = OnnxEncoder(tmp, threads)
        reference = embedder.encode(list(PROBES))
        cosines = np.sum(onnx.encode(list(PROBES)) * reference, axis=1)
        if float(cosines.min()) < MIN_AGREEMENT:
            raise EncoderError(
                f"The exported query encoder does not agree with the model (cosine "
                f"{float(cosines.min()):.5f} < {MIN_AGREEMENT}); it was not kept."
            )
        info["agreement_min_cosine"] = round(float(cosines.min()), 7)
        info["export_seconds"] = round(time.perf_counter() - t0, 1)
        (tmp / INFO_FILE).write_text(json.dumps(info, indent=1))
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(folder)  # a damaged or outdated export of the same name
        try:
            os.rename(tmp, folder)
        except OSError:
            if encoder_problem(folder, fingerprint) is not None:  # not another process's export
                raise
        with _LOCK:
            _CACHE.clear()
        return info
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
