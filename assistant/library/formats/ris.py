"""RIS files (reference managers): one record per entry with an abstract."""

from __future__ import annotations

import re

from assistant.library.formats.base import IngestError, Parsed, add_article, name_last_first


def parse_ris(text: str, parsed: Parsed) -> None:
    import rispy

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[tuple[int, list[str]]] = []
    cur: list[str] | None = None
    start = 0
    for i, line in enumerate(lines, start=1):
        if re.match(r"^TY  - ", line):
            if cur is not None:
                parsed.errors.append(f"line {start}: record has no end (ER) before line {i}")
            cur, start = [line], i
        elif cur is not None:
            cur.append(line)
            if re.match(r"^ER  -", line):
                blocks.append((start, cur))
                cur = None
        elif line.strip():
            parsed.errors.append(f"line {i}: text outside a record ({line[:50]!r})")
    if cur is not None:
        parsed.errors.append(f"line {start}: record has no end (ER)")
    if not blocks and not parsed.errors:
        raise IngestError("no RIS records found (a record starts with 'TY  - ')")
    for start, block in blocks:
        try:
            entries = rispy.loads("\n".join(block) + "\n")
        except Exception as exc:  # noqa: BLE001 - rispy raises KeyError/ValueError/... on bad input
            parsed.errors.append(
                f"line {start}: malformed RIS record ({type(exc).__name__}: {exc})"
            )
            continue
        for e in entries:
            db = str(e.get("name_of_database", "")).lower()
            an = e.get("accession_number") if ("pubmed" in db or "medline" in db) else None
            pages = "-".join(p for p in (e.get("start_page"), e.get("end_page")) if p)
            add_article(
                parsed,
                "RIS file",
                title=e.get("title") or e.get("primary_title") or e.get("translated_title"),
                abstract=e.get("abstract") or e.get("notes_abstract"),
                authors=[
                    name_last_first(a) for a in (e.get("authors") or e.get("first_authors") or [])
                ],
                journal=e.get("secondary_title")
                or e.get("journal_name")
                or e.get("alternate_title1")
                or e.get("alternate_title3"),
                year=e.get("year") or e.get("publication_year") or e.get("date"),
                volume=e.get("volume"),
                pages=pages or None,
                pmid=an,
                doi=e.get("doi"),
                where=f"line {start}",
                line=start,
            )
