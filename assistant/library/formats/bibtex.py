"""BibTeX files: one record per entry with an abstract."""

from __future__ import annotations

import re
from typing import Any

from assistant.library.formats.base import IngestError, Parsed, add_article, name_last_first


def parse_bibtex(text: str, parsed: Parsed) -> None:
    import logging

    import bibtexparser
    from bibtexparser import middlewares as mw

    log = logging.getLogger("bibtexparser")
    level = log.level
    log.setLevel(logging.CRITICAL)  # its own warnings duplicate what we report
    try:
        lib = bibtexparser.parse_string(
            text,
            append_middleware=[mw.LatexDecodingMiddleware(), mw.SeparateCoAuthors()],
        )
    except Exception as exc:  # noqa: BLE001
        raise IngestError(f"the BibTeX cannot be read: {exc}") from None
    finally:
        log.setLevel(level)
    for block in lib.failed_blocks:
        line = (getattr(block, "start_line", None) or 0) + 1
        err = getattr(block, "error", None)
        why = str(err).split("\n")[0] if err else type(block).__name__
        parsed.errors.append(f"line {line}: malformed BibTeX entry ({why or 'syntax error'})")
    if not lib.entries and not lib.failed_blocks:
        raise IngestError("no BibTeX entries found (an entry looks like @article{key, ...})")
    for e in lib.entries:
        f = {k.lower(): v for k, v in e.fields_dict.items()}

        def val(key: str, fields: dict[str, Any] = f) -> Any:
            x = fields.get(key)
            return x.value if x is not None else None

        line = (getattr(e, "start_line", None) or 0) + 1
        authors = val("author") or []
        if isinstance(authors, str):
            authors = [authors]
        add_article(
            parsed,
            "BibTeX file",
            title=re.sub(r"[{}]", "", str(val("title") or "")),
            abstract=re.sub(r"[{}]", "", str(val("abstract") or "")),
            authors=[name_last_first(re.sub(r"[{}]", "", a)) for a in authors],
            journal=re.sub(r"[{}]", "", str(val("journal") or val("booktitle") or "")),
            year=val("year") or val("date"),
            volume=val("volume"),
            pages=re.sub(r"-+|\u2013|\u2014", "-", str(val("pages") or "")) or None,
            pmid=val("pmid"),
            doi=val("doi"),
            where=f"line {line} (@{e.entry_type}{{{e.key}}})",
            line=line,
        )
