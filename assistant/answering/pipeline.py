"""The question -> answer pipeline every front end calls (CLI, Gradio app, eval, benchmarks).

``Assistant.ask`` plans the question (:mod:`~assistant.answering.question.plan`), runs a LangChain
retrieval chain (``create_retrieval_chain``: retrieve -> compose) and adds the safety notices.
The plan picks the route:

* **decline**: another medicine's own facts, a personal dose, a lethal amount: one sentence;
* **contraindications**: baclofen and a condition, from the curated table;
* **synthesis**: "does it work / which trials / do higher doses do better", with an evidence table;
* **trial**: a study named or described, from its own record;
* **document**: a question about one of the user's documents, from that document;
* **extractive** (or **llm** when a model is configured): everything else, from the best
  sentences of the retrieved chunks.

Notices come last, from the plan and curated metadata only: nothing a document says changes them.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answer import Answer, Context, Filters, Plan
from assistant.answering.check.checker import check_document
from assistant.answering.check.claims import CheckReport
from assistant.answering.compose import lead, slots
from assistant.answering.compose.backends import BackendUnavailable, configured_spec
from assistant.answering.compose.extractive import (
    Composer,
    Composition,
    Evidence,
    ExtractiveComposer,
    decline,
)
from assistant.answering.compose.follow_up import without_repeats
from assistant.answering.compose.generate import NotedComposer, composer_from_spec
from assistant.answering.compose.sentence_kinds import PUMP, standalone
from assistant.answering.question import scope
from assistant.answering.question.entities import find_countries, find_trials, norm
from assistant.answering.question.follow_ups import POINTS_AT_STUDY
from assistant.answering.question.plan import about_study, plan_question
from assistant.answering.routes import comparisons, effects, study, synthesis, together, trial_lists
from assistant.answering.routes.approval import unauthorised_use
from assistant.answering.routes.conditions import contraindication_answer
from assistant.answering.routes.crisis import self_harm_answer
from assistant.answering.routes.definitions import definition
from assistant.answering.routes.document import document_answer
from assistant.answering.routes.strengths import strength_comparison
from assistant.answering.routes.usual_care import usual_care
from assistant.answering.safety import notices as safety
from assistant.index.build import index_status
from assistant.index.query_encoder import load_query_encoder
from assistant.index.retrieval import (
    backgrounds,
    from_document,
    hybrid_retriever,
)
from assistant.index.store import IndexError_, IndexStore
from assistant.library.records import RecordInfo
from assistant.settings import Settings
from assistant.vocab import (
    ADDICTIONS,
    CURATED_ONLY,
    LANGUAGES,
    POOLED_EVIDENCE,
    PREFERRED_EVIDENCE,
    PRIMARY_EVIDENCE,
    ROUTE_TRIAL,
    SUBSTANCE_LABELS,
)

MAX_QUESTION_CHARS = 2000


class DocumentNotFound(LookupError):
    """No user document matches the name given; the message says what there is."""


class QuestionError(ValueError):
    """The question cannot be asked as given (empty, too long ...); the message says why."""


def clean_question(text: Any) -> str:
    """Normalise a user's question: Unicode NFC, control characters out; refuse an empty or
    over-long one with a message saying so (a question is never cut silently)."""
    if not isinstance(text, str):
        raise QuestionError("The question must be text.")
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise QuestionError("Please type a question.")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"The question is {len(text):,} characters long; questions are limited to "
            f"{MAX_QUESTION_CHARS:,}. Please shorten it."
        )
    return text


def prefer_evidence(plan: Plan) -> list[str] | None:
    """The evidence types retrieval brings forward for a plan (side effects in alcohol trials are
    the trials' own business; side effects in general are the label's)."""
    if plan.intent in ("adverse_effects", "dosing") and (plan.addiction or plan.entities.trials):
        return None
    if plan.intent == "adverse_effects" and "renal" in plan.entities.conditions:
        return None  # side effects with weak kidneys: the studies of them too
    return list(PREFERRED_EVIDENCE[plan.intent]) if plan.intent in PREFERRED_EVIDENCE else None


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
        if embedder is None:  # the ONNX query encoder exported at index time (no torch)
            embedder = load_query_encoder(self.settings)
        self.embedder = QueryCache(embedder)
        self._fixed_composer = composer
        self._reload_lock = threading.Lock()
        self._use(store or IndexStore(self.settings))

    @classmethod
    def load(cls, settings: Settings | None = None, **kw: Any) -> Assistant:
        settings = settings or Settings()
        status = index_status(settings)
        if status.state in ("missing", "damaged"):
            raise IndexError_(status.detail if "assistant index" in status.detail else
                              f"{status.detail} Build it with `assistant index --rebuild`.")  # fmt: skip
        return cls(settings, **kw)

    def _use(self, store: IndexStore) -> None:
        """Answer from ``store`` (the composer's vocabulary follows the store)."""
        extractive = ExtractiveComposer(
            min_similarity=self.settings.min_similarity,
            min_term_coverage=self.settings.min_term_coverage,
            vocabulary=frozenset(store.vocabulary()),
        )
        self.extractive = extractive
        self.composer: Composer = self._fixed_composer or _configured_composer(extractive)
        self.store = store

    def reload(self) -> None:
        """Switch to the live index generation (after an ingest or re-index)."""
        with self._reload_lock:
            self._use(IndexStore(self.settings))

    def refresh(self) -> bool:
        """Reload when another process made a newer generation live (a document added from the
        command line shows up in the running app on its next question). True when reloaded."""
        if not self.store.changed():
            return False
        try:
            self.reload()
        except IndexError_:
            return False  # a build in progress or a broken new generation: keep answering
        return True

    # ------------------------------------------------------------------ the chain

    def chain(
        self,
        filters: Filters | None = None,
        method: str = "hybrid",
        prefer_evidence: list[str] | None = None,
        composer: Any = None,
        focus_records: Sequence[str] = (),
        curated_first: bool = False,
    ) -> Any:
        """``{"input": question, "plan": plan}`` -> ``{"input", "plan", "context", "answer"}``:
        a LangChain retrieval chain over the hybrid retriever."""
        from langchain_classic.chains import create_retrieval_chain
        from langchain_core.runnables import RunnableLambda

        store = self.store

        def compose(inputs: dict[str, Any]) -> Any:
            contexts = [from_document(d) for d in inputs["context"]]
            if composer is None:
                return contexts
            ev = Evidence(inputs["plan"], contexts, store, inputs.get("query_vec"))
            return composer(ev)

        retriever = hybrid_retriever(
            store, self.embedder, k=self.settings.k, filters=filters, method=method,
            prefer_evidence=prefer_evidence, focus_records=list(focus_records),
            curated_first=curated_first,
        )  # fmt: skip
        return create_retrieval_chain(retriever, RunnableLambda(compose))

    def plan(self, question: str, history: Sequence[str] = ()) -> Plan:
        """The plan of a question in a conversation (earlier questions oldest first)."""
        catalog, encode = self.store.catalog(), self.embedder.encode  # (encode: symptoms named)
        plan = plan_question(clean_question(question), catalog, _texts(history), encode=encode)
        condense = getattr(self.composer, "condense", None)
        if condense is not None and plan.follow_up and history:
            plan.searched = condense(plan.english, _texts(history))
        return plan

    def retrieve(self, plan: Plan, filters: Filters | None = None) -> list[Context]:
        """The contexts retrieval finds for a plan (what the eval's retrieval metrics use)."""
        query = search_query(plan)
        out = self.chain(
            filters, prefer_evidence=prefer_evidence(plan),
            focus_records=[*plan.entities.trials, *plan.entities.documents, *_canonical(plan)],
            curated_first=plan.scope == "curated",
        ).invoke({"input": query, "plan": plan})  # fmt: skip
        return [from_document(d) for d in out["context"]]

    def ask(
        self,
        question: str,
        filters: Filters | None = None,
        history: Sequence[Any] = (),
    ) -> Answer:
        """Answer one question; ``history`` holds the conversation's earlier questions."""
        self.refresh()
        question = clean_question(question)
        plan, comp, contexts = self._compose(question, history, filters)
        answer = Answer(
            question=question,
            # a document's own lines are quoted as they are; the library's read on their own
            answer=comp.answer if plan.scope == "document" else standalone(comp.answer),
            abstained=comp.abstained,
            citations=comp.citations,
            contexts=contexts,
            searched=plan.searched if plan.searched != question else None,
            route=comp.route,
            plan=plan,
            evidence_table=comp.evidence_table,
            note=_note(plan, comp, self.store),
        )
        position = self.store.position
        quoted = [
            self.store.context(position[c.chunk_id])
            for c in answer.citations
            if c.chunk_id in position
        ]
        answer.notices = safety.notices_for(plan, quoted, answer.route, answer.abstained)
        return answer

    def _compose(
        self,
        question: str,
        history: Sequence[Any],
        filters: Filters | None,
        previous: bool = True,
    ) -> tuple[Plan, Composition, list[Context]]:
        """The plan, the composed answer and the retrieved contexts for one question. A
        follow-up does not say again what the previous turn's answer said (``previous``)."""
        plan = self.plan(question, history)
        filters = dataclasses.replace(filters) if filters else Filters()
        # "how many were in that study?": the study the previous answer rested on
        pointing = bool(
            previous and not plan.entities.trials and POINTS_AT_STUDY.search(norm(plan.english))
        )
        before = self._previous_turn(plan, history, filters) if pointing else None
        study = self._study_behind(before) if before is not None else None
        if study:
            plan = about_study(plan, study, self.store.catalog())
        if plan.scope == "document" and plan.entities.documents:
            filters.records = list(plan.entities.documents)
        comp = self._decline(plan)
        contexts: list[Context] = []
        if comp is None:
            query = search_query(plan)
            vec = self.embedder.encode([query])[0]
            out = self.chain(
                filters or None, prefer_evidence=prefer_evidence(plan),
                focus_records=[*plan.entities.trials, *plan.entities.documents, *_canonical(plan)],
                curated_first=plan.scope == "curated",
            ).invoke({"input": query, "plan": plan, "query_vec": vec})  # fmt: skip
            contexts = out["context"] = [from_document(d) for d in out["context"]]
            if slots.asks_reason(plan.english or plan.question):
                contexts += backgrounds(contexts, self.store)  # "why ...?": the studies' reasons
            ev = Evidence(plan, contexts, self.store, vec, self._encode_one, self.embedder.encode)
            comp = self._route(ev, filters)
            if previous and not comp.abstained:  # (recomposed only when it is a follow-up)
                if not pointing:
                    before = self._previous_turn(plan, history, filters)
                if before is not None:
                    comp = without_repeats(comp, before, plan.english or plan.question)
            comp = lead.with_lead(plan, comp)
        return plan, comp, contexts

    def _previous_turn(
        self, plan: Plan, history: Sequence[Any], filters: Filters
    ) -> Composition | None:
        """The previous turn's answer, recomposed, for a follow-up (the user has just read it)."""
        earlier = _texts(history)
        if not plan.follow_up or not earlier:
            return None
        try:
            last = clean_question(earlier[-1])
        except QuestionError:
            return None  # an earlier turn that is no question: nothing was answered
        _, before, _ = self._compose(last, earlier[:-1], filters, previous=False)
        return None if before.abstained else before

    def _study_behind(self, comp: Composition) -> str | None:
        """The first study an answer cites (a trial, cohort or pooled analysis, not an overview,
        label or regulator's page)."""
        catalog = self.store.catalog()
        kinds = {r.id: r.evidence for r in catalog}
        studies = (*PRIMARY_EVIDENCE, *POOLED_EVIDENCE)
        for c in comp.citations:
            if kinds.get(c.source_id) in studies:
                return c.source_id
        # a label or overview line that names the study it reports ("... (Agarwal 2015)")
        lead_line = comp.answer.strip().splitlines()[0] if comp.answer.strip() else ""
        named = [r for r in find_trials(lead_line, catalog) if kinds.get(r) in studies]
        return named[0] if len(named) == 1 else None

    def document(self, name: str) -> RecordInfo:
        """One of the user's documents by id, title or file name (the latest added for "")."""
        docs = [r for r in self.store.catalog() if r.user]
        if not docs:
            raise DocumentNotFound(
                "Your library is empty: add a document with `assistant ingest FILE`."
            )
        key = (name or "").strip().lower()
        if not key:
            return max(docs, key=lambda r: (r.added or "", r.id))
        for match in (
            lambda r: r.id == key,
            lambda r: r.title.lower() == key,
            lambda r: (
                bool(r.source_file)
                and key in (Path(r.source_file).name.lower(), Path(r.source_file).stem.lower())
            ),
            lambda r: key in r.title.lower(),
        ):
            found = [r for r in docs if match(r)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                names = "; ".join(f"{r.id} ({r.title[:50]})" for r in found[:5])
                raise DocumentNotFound(f"{name!r} matches several documents: {names}. Use the id.")
        raise DocumentNotFound(
            f"No document {name!r} in your library (see `assistant sources`, marked 'your library')."
        )

    def check(self, document: str) -> CheckReport:
        """Check a user's document against the curated evidence (see :mod:`.check`)."""
        self.refresh()
        return check_document(self.store, self.embedder, self.document(document))

    # ------------------------------------------------------------------ routes

    def _encode_one(self, text: str) -> np.ndarray:
        """One text's vector, from the query encoder (cached)."""
        return self.embedder.encode([text])[0]

    def _decline(self, plan: Plan) -> Composition | None:
        """Questions declined before any retrieval, each in one sentence saying why."""
        others = plan.entities.other_medicines
        if plan.intent == "out_of_scope" and others:
            name = others[0]
            said = re.compile(rf"\b{re.escape(name)}\b", re.I)
            compared = any(  # offer a comparison only where a curated source names it
                said.search(text)
                for text, meta in zip(self.store.texts, self.store.metas, strict=False)
                if not meta.user
            )
            offer = f"; it can compare {name} with baclofen" if compared else ""
            return decline(
                f"This assistant covers the literature on baclofen, so it cannot answer this "
                f"question about {name}{offer}."
            )
        if plan.personal and plan.intent == "dosing":
            return decline(
                "This assistant cannot say how much baclofen a particular person should take or "
                "how to change a dose; that is decided with the prescriber."
            )
        unstudied = scope.unstudied_use(plan, self.extractive.vocabulary, self.store.texts)
        if unstudied and not comparisons.THERAPY.search(plan.english or plan.question):
            labels = [SUBSTANCE_LABELS[k] for k in ADDICTIONS]
            labels = [x if x.isupper() else x.lower() for x in labels]
            studied = f"{', '.join(labels[:-1])} and {labels[-1]}"
            return decline(
                f"The library holds no study of baclofen for {unstudied}; its addiction evidence "
                f"covers {studied}."
            )
        why = scope.not_answered(plan)  # a lethal amount; a drug screen no source covers
        return decline(why) if why else None

    def _route(self, ev: Evidence, filters: Filters) -> Composition:
        plan, intent = ev.plan, ev.plan.intent
        if plan.scope == "document" and plan.entities.documents:
            return document_answer(ev, self.composer, self.embedder)
        comp: Composition | None = trial_lists.pooled_dropouts(_filtered(ev, filters))
        comp = comp or usual_care(ev, self.composer)  # "what do hospitals normally give?"
        comp = comp or definition(ev)  # "what does 'hypotonic' mean?"
        comp = comp or unauthorised_use(ev)  # "the top dose for drink in the UK?"
        comp = comp or self_harm_answer(ev)  # "talking about not wanting to be here"
        comp = comp or strength_comparison(ev)  # "25mg in 5ml: stronger than 5mg in 5ml?"
        if (
            comp is None
            and intent in ("efficacy", "comparison", "general", "out_of_scope")
            and not plan.entities.trials
            and not plan.entities.other_medicines
        ):
            comp = comparisons.therapy_comparison(ev)  # "tested against counselling alone?"
        # ("at high doses?" asks about doses, not a population)
        if comp is None and intent == "efficacy" and not plan.entities.trials and (
            "dose" not in plan.aspects
        ):  # fmt: skip
            # "does it help drinkers with cirrhosis?": the studies done in that group
            comp = trial_lists.population_studies(_filtered(ev, filters))
        elif comp is None and intent == "adverse_effects" and not plan.entities.trials:
            comp = effects.named_effect(ev)  # hair loss? blood pressure? tinnitus?
        elif comp is None and intent in ("interaction", "general", "overdose"):
            # "with tramadol?": its class's sentence; "took it with wine: is that worse?"
            comp = together.taken_with(ev, self.extractive.vocabulary)
        if comp is not None:
            pass
        elif intent == "contraindication":
            comp = contraindication_answer(plan, self.store, filters)
        elif (
            intent == "efficacy"
            and not plan.entities.trials
            and synthesis.is_general_efficacy(plan)
            and not scope.unknown_use(plan, self.extractive.vocabulary)
        ):
            # "a big French study proved it works?": that country's trials, each with its result
            asked = plan.english or plan.question  # (a country's drinkers: the pooled answer)
            here = find_countries(asked) and re.search(r"\bstud(?:y|ies)|\btrials?\b", asked)
            comp = here and trial_lists.which_trials(_filtered(ev, filters)) or None
            comp = comp or synthesis.efficacy(_filtered(ev, filters))
        elif intent == "comparison" and (
            not plan.entities.trials
            # "in that big comparison of all the drink medicines, did gabapentin do as well?":
            # the medicines side by side, of which that review is one source
            or (plan.entities.other_medicines and comparisons.described_review(plan, self.store))
        ):
            comp = comparisons.comparison(_filtered(ev, filters))
        elif intent == "which_trials":
            # "which studies were done in people in hospital?": the studies in that group
            comp = (
                trial_lists.population_studies(_filtered(ev, filters), listing=True)
                if trial_lists.IN_A_GROUP.search(plan.english or plan.question)
                else None
            )
            if comp is None:
                comp = trial_lists.which_trials(_filtered(ev, filters))
        elif plan.entities.trials and intent in (
            "trial_result", "efficacy", "dosing", "adverse_effects", "withdrawal", "mechanism",
            "history", "pharmacokinetics", "comparison", "overdose", "interaction", "regulation", "general",
        ) and not (
            safety.in_danger(plan.english or plan.question)
            and not (plan.follow_up or lead.asks_about_the_study(plan))
        ) and not comparisons.asks_between(plan):  # fmt: skip
            record = self.store.record(plan.entities.trials[0])
            # "what does the guideline say about stopping it?": a guideline's or label's own
            # sentences on that topic (the composer, focused on it), not a study's result
            topical = record is not None and record.evidence in CURATED_ONLY and intent in (
                "withdrawal", "dosing", "adverse_effects", "overdose", "interaction",
                "pharmacokinetics", "mechanism",
            )  # fmt: skip
            if record is not None and not topical and (not filters or filters.allows(record)):
                comp = comparisons.each_study(ev, study.trial_result)  # two studies compared?
                comp = comp or study.trial_result(ev, record)
                if comp is not None and plan.intent != "trial_result" and comp.route == ROUTE_TRIAL:
                    comp = dataclasses.replace(comp, evidence_table=[])
        if comp is None and comparisons.asks_between(plan):  # how two studies relate
            comp = comparisons.between_studies(ev)
        if comp is None or (not comp.answer and comp.abstained):
            comp = self.composer(ev)
        return comp


class QueryCache:
    """The embedder, remembering the last questions' vectors: the pipeline needs the question's
    vector for sentence scoring and the retriever needs it for search; it is computed once."""

    def __init__(self, embedder: Any, size: int = 64) -> None:
        self.inner = getattr(embedder, "inner", embedder)
        self._cache: dict[str, Any] = {}
        self._size = size
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], **kw: Any) -> Any:
        if len(texts) != 1:
            return self.inner.encode(texts, **kw)
        text = texts[0]
        with self._lock:
            hit = self._cache.get(text)
        if hit is None:
            hit = self.inner.encode([text], **kw)
            with self._lock:
                if len(self._cache) >= self._size:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[text] = hit
        return hit

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def _configured_composer(extractive: ExtractiveComposer) -> Composer:
    """The extractive composer, or an LLM composer when ``ASSISTANT_LLM`` names a backend.

    A backend that cannot be set up never falls back silently: answers carry a note saying so.
    """
    try:
        return composer_from_spec(None, extractive)
    except BackendUnavailable as exc:
        note = f"{exc} Showing the extractive answer instead (ASSISTANT_LLM={configured_spec()})."
        return NotedComposer(extractive, note)


def _texts(history: Sequence[Any]) -> list[str]:
    """Earlier questions as text (``{"q": ...}`` items are accepted too)."""
    out = []
    for h in history or ():
        if isinstance(h, dict):
            h = h.get("q") or h.get("question") or h.get("content")
        if isinstance(h, str) and h.strip():
            out.append(h.strip()[:MAX_QUESTION_CHARS])
        elif h is not None:
            raise QuestionError(
                "Each item of the conversation history must be a question as text "
                '(or {"q": "..."}).'
            )
    return out


# The sources' words for what an intent asks about, added to the search: "what does it do in the
# brain?" is answered by text about receptors and dopamine, not by text about craving.
INTENT_TERMS: dict[str, str] = {
    "mechanism": "mechanism of action: GABA-B receptor agonist, dopamine, reward pathways",
    "pharmacokinetics": "pharmacokinetics: absorption, half-life, elimination",
    "overdose": "overdose signs and management",
    "withdrawal": "abrupt discontinuation, withdrawal reactions, tapering",
    "history": "history: synthesis, development, first approval",
    "interaction": "interactions: alcohol and other CNS depressants, additive sedation",
    "adverse_effects": "adverse reactions: drowsiness, dizziness, weakness",
}


def _canonical(plan: Plan) -> list[str]:
    """The record that answers a kind of question whatever its words: stopping the tablets is
    the label's withdrawal warning (not the intrathecal pump's, unless the pump is asked)."""
    if plan.intent != "withdrawal" or plan.entities.trials or plan.entities.documents:
        return []
    said = f"{plan.english} {plan.searched}"  # (a newborn's withdrawal: the pregnancy record's)
    elsewhere = PUMP.search(said) or safety.mentions_pregnancy(said)
    return [] if elsewhere else safety.NOTICE_SOURCES["withdrawal"][:1]


def search_query(plan: Plan) -> str:
    """What retrieval searches: the standalone question, plus the sources' own words for what
    its intent asks about, or for an emergency told in everyday words ("won't wake up")."""
    terms = safety.source_terms(plan.english or plan.question) or INTENT_TERMS.get(plan.intent, "")
    return f"{plan.searched} ({terms})" if terms else plan.searched


def _note(plan: Plan, comp: Composition, store: IndexStore) -> str:
    """What the answer says about itself: the language it is in, the document it is scoped to."""
    notes = [comp.note] if comp.note else []
    if plan.language != "en":
        notes.append(
            f"Your question in {LANGUAGES[plan.language]} is answered in English, from English "
            "sources."
        )
    if plan.scope == "document" and plan.entities.documents:
        doc = store.record(plan.entities.documents[0])
        title = doc.title if doc else plan.entities.documents[0]
        notes.append(f"Answered from your document \u201c{title}\u201d.")
    return " ".join(notes)


class _FilteredStore:
    """The store as a filtered search sees it: only records that pass the filters."""

    def __init__(self, store: IndexStore, filters: Filters) -> None:
        self._store, self._filters = store, filters

    def catalog(self) -> list[Any]:
        return [r for r in self._store.catalog() if (not self._filters or self._filters.allows(r))]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _filtered(ev: Evidence, filters: Filters) -> Evidence:
    return dataclasses.replace(ev, store=_FilteredStore(ev.store, filters)) if filters else ev
