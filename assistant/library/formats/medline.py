"""PubMed MEDLINE exports (.nbib, .txt): one record per article; bad records reported by line."""

from __future__ import annotations

import re

from assistant.library.formats.base import IngestError, Parsed, add_article

_MEDLINE_TAG = re.compile(r"^[A-Z][A-Z0-9]{0,3} {0,3}-(?: |$)")


def parse_medline(text: str, parsed: Parsed) -> None:
    """PubMed's MEDLINE format: records separated by blank lines; bad ones are reported by line."""
    from Bio import Medline

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[tuple[int, list[str]]] = []
    start, cur = 0, []
    for i, line in enumerate(lines, start=1):
        if line.strip():
            if not cur:
                start = i
            cur.append(line)
        elif cur:
            blocks.append((start, cur))
            cur = []
    if cur:
        blocks.append((start, cur))
    for n, (start, block) in enumerate(blocks, start=1):
        if n % 1000 == 0:
            parsed.progress(f"record {n:,} of {len(blocks):,}")
        bad = next(
            (
                (start + j, ln)
                for j, ln in enumerate(block)
                if not (_MEDLINE_TAG.match(ln) or (j > 0 and ln.startswith("      ")))
            ),
            None,
        )
        if bad is not None:
            parsed.errors.append(
                f"line {bad[0]}: not a MEDLINE field line ({bad[1][:50]!r}); the record starting "
                f"at line {start} was left out"
            )
            continue
        rec = Medline.read([ln + "\n" for ln in block] + ["\n"])
        pmid = rec.get("PMID")
        where = f"line {start}" + (f" (PMID {pmid})" if pmid else "")
        if not pmid and not rec.get("TI"):
            parsed.errors.append(f"line {start}: the record has neither PMID nor title (TI)")
            continue
        doi = next(
            (x.split(" ")[0] for x in [*rec.get("AID", []), rec.get("LID", "")] if "[doi]" in x),
            None,
        )
        add_article(
            parsed,
            "PubMed export",
            title=rec.get("TI"),
            abstract=rec.get("AB"),
            authors=rec.get("AU") or rec.get("FAU") or [],
            journal=rec.get("JT") or rec.get("TA"),
            year=rec.get("DP"),
            volume=rec.get("VI"),
            pages=rec.get("PG"),
            pmid=pmid,
            doi=doi,
            pubtypes=rec.get("PT", []),
            where=where,
            line=start,
        )
    if not blocks:
        raise IngestError("no MEDLINE records found")
