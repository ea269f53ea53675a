"""Everyday words read as the sources word them. A question typed by a patient, a relative or a
student ("is it broken down by the liver?", "can you OD on it?", "who came up with it?") is
rewritten with the sources' words before it is planned and searched, so the planner's intent
rules and retrieval, which know the clinical words, find the records that answer it.
:func:`clinical_reading` is applied once, by :func:`assistant.answering.question.plan.plan_question`.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

# Everyday words for what the sources name clinically, in ``lay_terms.yaml`` (one regular
# expression and its reading per entry, longest phrases first; matching ignores case).
_PATH = Path(__file__).with_name("lay_terms.yaml")
LAY_TERMS: tuple[tuple[str, str], ...] = tuple(
    (e["lay"], e["reads"])
    for e in yaml.load(_PATH.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
)
_LAY = [(re.compile(rf"\b(?:{a})\b", re.I), b) for a, b in LAY_TERMS]


def clinical_reading(text: str) -> str:
    """``text`` with everyday words replaced by the words the sources use (a question that opened
    with the replaced words still opens with a capital)."""
    for rx, word in _LAY:
        text = rx.sub(lambda m, w=word: _cased(m, m.expand(w)), text)
    return re.sub(r",\s*,", ",", text)  # (a phrase read as nothing between two commas)


def _cased(m: re.Match[str], new: str) -> str:
    opens = not m.string[: m.start()].strip()
    return new[:1].upper() + new[1:] if opens and m.group(0)[:1].isupper() else new
