"""Baclofen and a condition ("can people with kidney disease take baclofen?", "is epilepsy a
contraindication?"), answered from the curated contraindication table so the chat and the
lookup agree: the US label's position first, with what it asks for, then what guidelines and
studies add, each citing its record's sentence verbatim.
"""

from __future__ import annotations

import re

from assistant.answer import Filters, Plan
from assistant.answering.compose.extractive import (
    Citations,
    Composition,
    renumbered,
)
from assistant.answering.question.entities import find_jurisdictions
from assistant.index.store import IndexStore
from assistant.library import contraindications as ci
from assistant.vocab import (
    ROUTE_CONTRAINDICATIONS,
)

# --------------------------------------------------------------------------- contraindications


def _find_quote(store: IndexStore, source_id: str, quote: str) -> tuple[int, str] | None:
    """The chunk of ``source_id`` holding ``quote`` and the quote exactly as the chunk has it."""
    pattern = re.compile(r"\s+".join(re.escape(w) for w in quote.split()))
    for pos in store.record_positions(source_id):
        m = pattern.search(store.texts[pos])
        if m:
            return pos, m.group(0)
    return None


# alcohol or another depressant taken alongside baclofen, not the addiction it treats
_TAKEN_WITH = re.compile(
    r"\b(?:with|while|together|alongside|on top of|mix\w*|combin\w*)\b(?:\s+\w+){0,3}\s+"
    r"(?:alcohol|drink\w*|booze|beers?|wine|opioids?|benzo\w*|sleeping pills|sedatives?)",
    re.I,
)


# "the 2021 Australian alcohol guideline", "for alcohol dependence": alcohol as what is treated
_ALCOHOL_TREATED = re.compile(
    r"\balcohol (?:guidelines?|use disorder|dependence|problems|treatment|addiction)\b"
    r"|\bfor (?:alcohol|drinking)\b",
    re.I,
)
_MUST_STOP = re.compile(
    r"\b(?:have to|has to|need to|needs to|must|should)\s+(?:\w+ ){0,2}?"
    r"(?:come off|stop|quit|give up|avoid)\b",
    re.I,
)
_NAMES_A_SOURCE = re.compile(
    r"\bguidelines?\b|\bguidance\b|\bproduct information\b|\b(?:TGA|NICE|ANSM|HAS|MHRA|EMA)\b"
)


def contraindication_answer(
    plan: Plan, store: IndexStore, filters: Filters | None = None
) -> Composition | None:
    """Baclofen and a condition, answered from the curated table so chat and lookup agree.

    The first sentence gives the US label's position; the table's additions (guidelines,
    studies) follow, each citing its record's sentence verbatim. Filters apply to the sources:
    with ``--evidence rct`` only what trials add is shown (None when nothing is left).
    """
    try:
        table = ci.load_table()
    except ci.ContraindicationError:
        return None
    general = bool(re.search(r"contra.?indicat", (plan.english or plan.question).lower()))
    conditions = [c for c in table if c.key in plan.entities.conditions]
    if (
        (len(conditions) > 1 or _ALCOHOL_TREATED.search(plan.english or plan.question))
        and "alcohol" in plan.entities.substances
        and not _TAKEN_WITH.search(plan.english or plan.question)
    ):
        # "for someone like him, to cut down on the booze": alcohol is what is treated, not a
        # depressant taken alongside
        conditions = [c for c in conditions if c.key != "cns_depressants"]
    if not conditions:
        if not general or _NAMES_A_SOURCE.search(plan.english or plan.question):
            # "in whom does the Australian guideline call it relatively contraindicated?": that
            # source's words, not the US label's table
            return None
        conditions = table
    cites = Citations()

    def cite(source_id: str, quote: str | None) -> str:
        if not quote:
            return ""
        record = store.record(source_id)
        if record is None or (filters and not filters.allows(record)):
            return ""
        found = _find_quote(store, source_id, quote)
        if found is None:
            return ""
        pos, exact = found
        return f" [{cites.add(store.context(pos), exact)}]"

    lines: list[str] = []
    many = len(conditions) > 2
    asked_contra = general
    if many:
        only = next((c for c in table if c.label_status == "contraindicated"), None)
        mark = cite(only.label_source, only.label_quote) if only else ""
        none_listed = all(c.label_status != "contraindicated" for c in conditions)
        lead = ci.common_error().strip()
        if asked_contra and none_listed:
            lead = (
                f"No: {lead[0].lower()}{lead[1:]}"
                if lead[:2] != lead[:2].upper()
                else f"No: {lead}"
            )
        lines.append(f"{lead}{mark}")
    per_condition = 3 if not many else 1
    for cond in conditions:
        label_mark = cite(cond.label_source, cond.label_quote)
        summary = re.sub(
            r"^Not a contraindication( on the US label)?\.\s*", "", cond.label_summary.strip()
        )
        if many:
            status = ci.STATUS_TEXT.get(cond.label_status, cond.label_status)
            lines.append(f"- {cond.name}: {status}.{label_mark}")
            continue
        additions = list(cond.additions)
        if not label_mark and additions:  # the label is silent: cite what the summary rests on
            first_add = additions.pop(0)
            label_mark = cite(first_add.source_id, first_add.quote)
        asked = plan.english or plan.question
        # "does she have to come off it first?" asks the same yes or no as "is it contraindicated?"
        first = _first_line(cond, asked_contra or bool(_MUST_STOP.search(asked)), summary)
        first += label_mark
        if _THE_ONLY.search(asked) and _PUMP.search(asked) and _MORE_LISTED.search(summary):
            # "is hypersensitivity the only contraindication to intrathecal baclofen?": the
            # sources list more for that form, so not the only one
            first = "No: " + re.sub(r"^Yes: ", "", first)
        narrower = _narrower_addition(cond, plan.english or plan.question) or next(
            # "we live in France": what a source says there first, when the label's is not
            (a for a in additions if _places(a.text, plan) and not _places(summary, plan)),
            None,
        )
        if narrower is not None and not asked_contra:
            # "on dialysis?": the source that speaks of that case first, the label's general
            # caution after it
            mark = cite(narrower.source_id, narrower.quote)
            if mark:
                additions.remove(narrower)
                additions = additions[: per_condition - 1]  # (as many lines in all)
                lines.append(f"{narrower.text.strip()}{mark}")
                first = f"- {first}"
        lines.append(first)
        for add in additions[:per_condition]:
            mark = cite(add.source_id, add.quote)
            if mark:
                lines.append(f"- {add.text.strip()}{mark}")
    if not cites.items:
        return None
    # numbered as they are read (a line put first may cite a source found later)
    return renumbered(
        Composition("\n".join(lines), False, cites.items, route=ROUTE_CONTRAINDICATIONS)
    )


def _places(text: str, plan: Plan) -> bool:
    """Whether ``text`` names a place the question names."""
    return bool(set(find_jurisdictions(text)) & set(plan.entities.jurisdictions))


_ADVISES_AGAINST = re.compile(
    r"\bavoid\w*|\bcontraindicated\b|\bnot (?:be )?(?:used|recommended)\b|\badvises? against\b",
    re.I,
)


def _narrower_addition(cond: ci.Condition, question: str) -> ci.Addition | None:
    """The addition advising against baclofen in the very case the question asks ("on
    dialysis") when the label's summary speaks only of the wider condition ("kidney
    impairment"): the stricter, more specific advice first."""
    low = question.lower()
    asked = [a for a in cond.aliases if re.search(rf"\b{re.escape(a.lower())}\b", low)]
    if not asked:
        return None
    said = re.compile(rf"\b{re.escape(max(asked, key=len).lower())}\b")  # the narrowest
    if re.search(rf"\b{re.escape(max(asked, key=len).lower())}", cond.label_summary.lower()):
        return None  # ("kidney": the label's "kidneys")
    return next(
        (
            a
            for a in cond.additions
            if said.search(a.text.lower()) and _ADVISES_AGAINST.search(a.text)
        ),
        None,
    )


_PUMP = re.compile(r"\bintrathecal\w*|\bpumps?\b|\binjected\b|\binjections?\b", re.I)
_THE_ONLY = re.compile(r"\bthe only\b|\bthe sole\b|\bthe single\b", re.I)
_MORE_LISTED = re.compile(
    r"\bbut they also\b|\balso rule out\b|\bas well as\b|\bin addition\b", re.I
)


def _first_line(cond: ci.Condition, asked_contra: bool, summary: str) -> str:
    """The label's position on a condition and, in the same sentence, what it asks for."""
    name = cond.name
    lower = name[0].lower() + name[1:] if not name[:2].isupper() else name
    detail = summary.strip().rstrip(".")
    detail = (
        f": {detail[0].lower()}{detail[1:]}"
        if detail and not detail[:2].isupper()
        else (f": {detail}" if detail else "")
    )
    if cond.label_status == "contraindicated":
        return f"{'Yes: ' if asked_contra else ''}{name} is a contraindication to oral baclofen on the US label{detail}."
    kind = {"warning": "a warning", "precaution": "a precaution"}.get(cond.label_status)
    if kind:
        line = (
            f"{lower if asked_contra else name} is not a contraindication to baclofen on the US "
            f"label, which lists it as {kind}{detail}."
        )
    elif asked_contra or not summary.strip():
        line = f"the US label does not list {lower} as a contraindication to baclofen{detail}."
    else:
        line = summary.strip()  # it says what the label does (not) say, and what studies add
    return f"No: {line}" if asked_contra else line[0].upper() + line[1:]
