"""The question -> answer pipeline every front end calls (CLI, Gradio app, eval, benchmarks).

A LangChain retrieval chain (``create_retrieval_chain``) runs retrieve -> compose; safety notices
and the contraindication lookup are added here, in the core, so every front end shows the same.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import unicodedata
from collections.abc import Sequence
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from assistant.answer import Answer, Citation, Context
from assistant.answering.compose import Composer, Composition, ExtractiveComposer, citation_for
from assistant.index.build import IndexError_, index_status
from assistant.index.retrieval import Filters, HybridRetriever, IndexStore, from_document
from assistant.settings import Settings

MAX_QUESTION_CHARS = 2000


class QuestionError(ValueError):
    """The question cannot be asked as given (empty, say); the message says why."""


def clean_question(text: str) -> str:
    """Normalise a user's question: Unicode NFC, control characters out, bounded length."""
    if not isinstance(text, str):
        raise QuestionError("The question must be text.")
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise QuestionError("Please type a question.")
    return text[:MAX_QUESTION_CHARS].rstrip()


class Assistant:
    """The loaded model and index, shared safely across threads (one per process)."""

    def __init__(
        self,
        settings: Settings | None = None,
        embedder: Any = None,
        store: IndexStore | None = None,
        composer: Composer | None = None,
    ) -> None:
        self.settings = settings or Settings()
        if embedder is None:
            from assistant.index.build import model_path
            from assistant.index.embeddings import get_embedder

            embedder = get_embedder(
                model_path(self.settings),
                self.settings.torch_threads,
                self.settings.embed_batch_size,
            )
        self.embedder = embedder
        self.store = store or IndexStore(self.settings)
        if composer is None:
            extractive = ExtractiveComposer(
                max_sentences=self.settings.max_sentences,
                min_similarity=self.settings.min_similarity,
                min_term_coverage=self.settings.min_term_coverage,
                vocabulary=frozenset(self.store.vocabulary()),
            )
            composer = _configured_composer(extractive)
        self.composer: Composer = composer
        self._reload_lock = threading.Lock()

    @classmethod
    def load(cls, settings: Settings | None = None, **kw: Any) -> Assistant:
        settings = settings or Settings()
        status = index_status(settings)
        if status.state in ("missing", "damaged"):
            raise IndexError_(status.detail if "assistant index" in status.detail else
                              f"{status.detail} Build it with `assistant index --rebuild`.")  # fmt: skip
        return cls(settings, **kw)

    def reload(self) -> None:
        """Switch to the live index generation (after an ingest or re-index)."""
        with self._reload_lock:
            self.store = IndexStore(self.settings)

    # ------------------------------------------------------------------ the chain

    def retriever(
        self,
        filters: Filters | None = None,
        k: int | None = None,
        method: str = "hybrid",
        prefer_evidence: list[str] | None = None,
    ) -> HybridRetriever:
        return HybridRetriever(
            store=self.store,
            embedder=self.embedder,
            k=k or self.settings.k,
            filters=filters,
            method=method,
            prefer_evidence=prefer_evidence,
        )

    def chain(
        self,
        filters: Filters | None = None,
        method: str = "hybrid",
        prefer_evidence: list[str] | None = None,
        composer: Composer | None = None,
    ) -> Runnable:
        """``{"input": question}`` -> ``{"input", "context", "answer"}`` (a LangChain retrieval chain)."""
        from langchain_classic.chains import create_retrieval_chain

        store, composer = self.store, composer or self.composer

        def compose(inputs: dict[str, Any]) -> Any:
            contexts = [from_document(d) for d in inputs["context"]]
            return composer(inputs["input"], contexts, store.idf)

        retriever = self.retriever(filters, method=method, prefer_evidence=prefer_evidence)
        return create_retrieval_chain(retriever, RunnableLambda(compose))

    def ask(
        self,
        question: str,
        filters: Filters | None = None,
        history: Sequence[str] = (),
    ) -> Answer:
        from assistant.answering.conversation import condense

        question = clean_question(question)
        # a follow-up becomes a standalone question: by the configured LLM when there is one
        condenser = getattr(self.composer, "condense", None) or condense
        searched = condenser(question, history) if history else question
        query, prefer = retrieval_plan(searched)
        composer = self.composer
        if prefer == ["label"] and isinstance(composer, ExtractiveComposer):
            # safety questions are phrased in everyday words ("won't wake up"): answer them from
            # the label even when their words are not the library's
            composer = dataclasses.replace(composer, vocabulary=None)
        out = self.chain(filters, prefer_evidence=prefer, composer=composer).invoke(
            {"input": query}
        )
        contexts = [from_document(d) for d in out["context"]]
        comp = contraindication_answer(searched, self.store) or out["answer"]
        answer = Answer(
            question=question,
            answer=comp.answer,
            abstained=comp.abstained,
            citations=comp.citations,
            contexts=contexts,
            searched=searched if searched != question else None,
            route=comp.route,
        )
        return finish(answer, searched, contexts, asked=question)


# "Does baclofen reduce craving?", "Is it effective for cocaine?", "How well does it work?"
_EFFICACY = re.compile(
    r"\b(?:help|helps|helped|helpful|work|works|worked|reduce|reduces|reduced|lower|lowers|"
    r"effective|effectiveness|efficacy|efficacious|useful|benefit|benefits|beneficial|improve|"
    r"improves|curb|curbs|cut|cuts|evidence)\b",
    re.I,
)


def retrieval_plan(question: str) -> tuple[str, list[str] | None]:
    """What retrieval searches for a question, and the evidence types it brings forward.

    The text is the question, plus the sources' own words when the safety layer reads it as an
    emergency told in everyday words ("my friend took 30 tablets and won't wake up" also searches
    for the label's overdose signs and management). Every caller (ask, the eval, the tests) uses
    this, so they all measure the retrieval users get.
    """
    from assistant.answering import safety

    terms = safety.source_terms(question)
    return (f"{question} ({terms})" if terms else question), preferred_evidence(question)


def preferred_evidence(question: str) -> list[str] | None:
    """Evidence types retrieval brings forward: the label for dosing, overdose, pregnancy and
    kidney questions (the safety layer decides which questions those are), and the pooled
    evidence (meta-analyses, systematic reviews) for questions about whether baclofen works."""
    from assistant.answering import safety

    if safety.detect(question) & {"dosing", "emergency", "pregnancy", "renal"}:
        return ["label"]
    if _EFFICACY.search(question):
        return ["meta-analysis", "systematic-review"]
    return None


def _configured_composer(extractive: ExtractiveComposer) -> Composer:
    """The extractive composer, or an LLM composer when ``ASSISTANT_LLM`` names a backend.

    A backend that cannot be set up never falls back silently: answers carry a note saying so.
    """
    from assistant.answering.backends import BackendUnavailable, configured_spec
    from assistant.answering.generate import NotedComposer, composer_from_spec

    try:
        return composer_from_spec(None, extractive)
    except BackendUnavailable as exc:
        note = f"{exc} Showing the extractive answer instead (ASSISTANT_LLM={configured_spec()})."
        return NotedComposer(extractive, note)


def _find_quote(store: IndexStore, source_id: str, quote: str) -> tuple[int, str] | None:
    """The chunk of ``source_id`` holding ``quote`` and the quote exactly as the chunk has it."""
    pattern = re.compile(r"\s+".join(re.escape(w) for w in quote.split()))
    for pos, meta in enumerate(store.metas):
        if meta.get("source_id") != source_id:
            continue
        m = pattern.search(store.texts[pos])
        if m:
            return pos, m.group(0)
    return None


def contraindication_answer(question: str, store: IndexStore) -> Composition | None:
    """Contraindication questions answer from the curated table, so chat and lookup agree.

    Each line is the table's statement; its citation quotes the label (or study) sentence behind
    it verbatim from the indexed chunk.
    """
    from assistant.answering import contraindications as ci

    try:
        conditions = ci.find_in_question(question)
    except ci.ContraindicationError:
        return None
    if not conditions:
        return None
    lines: list[str] = []
    citations: list[Citation] = []

    def cite(source_id: str, quote: str | None) -> str:
        if not quote:
            return ""
        found = _find_quote(store, source_id, quote)
        if found is None:
            return ""
        pos, exact = found
        for c in citations:
            if c.chunk_id == store.ids[pos] and c.quote == exact:
                return f" [{c.n}]"
        citations.append(citation_for(len(citations) + 1, store.context(pos), exact))
        return f" [{len(citations)}]"

    if len(conditions) > 2:
        lines.append(ci.common_error().strip())
    per_condition = 3 if len(conditions) <= 2 else 1
    for cond in conditions:
        status = ci.STATUS_TEXT.get(cond.label_status, cond.label_status)
        summary = re.sub(
            r"^Not a contraindication( on the US label)?\.\s*", "", cond.label_summary.strip()
        )
        lines.append(
            f"- {cond.name}: {status}. {summary}{cite(cond.label_source, cond.label_quote)}"
        )
        for add in cond.additions[:per_condition]:
            lines.append(f"  - {add.text.strip()}{cite(add.source_id, add.quote)}")
    return Composition("\n".join(lines), False, citations, route="contraindications")


def finish(
    answer: Answer, question: str, contexts: list[Context], asked: str | None = None
) -> Answer:
    """Add the safety layer's notices (one source of truth for every front end).

    ``question`` is what was searched; ``asked`` the user's own words when a follow-up was
    rewritten: notices follow both, so a rewrite (by rule or by a model) never drops one.
    """
    try:
        from assistant.answering import safety
    except ImportError:  # pragma: no cover - the safety module is part of the package
        return answer
    # off-label also follows the evidence the answer actually quotes (not all that was retrieved)
    cited = {c.chunk_id for c in answer.citations}
    quoted = [c for c in contexts if c.chunk_id in cited] if not answer.abstained else []
    answer.notices = safety.notices_for(question, quoted, also=asked)
    return answer
