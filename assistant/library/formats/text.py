"""Plain text and Markdown (Markdown with record front matter becomes a full record)."""

from __future__ import annotations

import re

import frontmatter
import yaml
from pydantic import ValidationError

from assistant.library.formats.base import (
    Draft,
    IngestError,
    Parsed,
    clean_line_text,
    make_id,
    make_record,
    one_line,
    sanitize_text,
    slugify,
    title_from_name,
)
from assistant.library.records import Record, format_validation_error
from assistant.vocab import USER_EVIDENCE


def parse_text(text: str, parsed: Parsed) -> None:
    body = sanitize_text(text)
    if not re.search(r"\w", body):
        raise IngestError("the file has no text")
    lines = body.split("\n")
    first = lines[0].strip()
    if 3 <= len(first) <= 150 and not re.search(r"[.,;:]$", first) and len(lines) > 1:
        title = first
        rest = "\n".join(lines[1:]).strip()
        body = rest or body
    else:
        title = title_from_name(parsed.path)
    parsed.drafts.append(
        Draft(
            make_record(
                id=make_id(title, parsed.sha256),
                title=title,
                evidence="user-document",
                source_file=str(parsed.path),
                source_sha256=parsed.sha256,
                body=body,
            )
        )
    )


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)


def parse_markdown(text: str, parsed: Parsed) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if re.match(r"---[ \t]*\n", text):
        _parse_record_markdown(text, parsed)
        return
    body = clean_line_text(text).strip()
    if not re.search(r"\w", body):
        raise IngestError("the file has no text")
    m = _MD_HEADING.search(body)
    title = one_line(re.sub(r"[*_`]", "", m.group(1))) if m else title_from_name(parsed.path)
    parsed.drafts.append(
        Draft(
            make_record(
                id=make_id(title, parsed.sha256),
                title=title[:300],
                evidence="user-document",
                source_file=str(parsed.path),
                source_sha256=parsed.sha256,
                body=body,
            )
        )
    )


def _parse_record_markdown(text: str, parsed: Parsed) -> None:
    """A Markdown file with our front matter: a full record (the id gets a ``user-`` prefix)."""
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        raise IngestError(f"the front matter is not valid YAML: {exc}") from None
    if not isinstance(post.metadata, dict) or not post.metadata:
        raise IngestError("the front matter is empty")
    meta = dict(post.metadata)
    for key in ("path", "source_file", "source_sha256"):
        meta.pop(key, None)
    title = one_line(str(meta.get("title") or "")) or title_from_name(parsed.path)
    meta["title"] = title
    given = str(meta.get("id") or "")
    if given:
        slug = slugify(given, 70)
        meta["id"] = slug if slug.startswith("user-") else f"user-{slug}"
    else:
        meta["id"] = make_id(title, parsed.sha256)
    # Whatever the front matter says, a user's document is a user's document: a file claiming
    # "evidence: label" must not pass for the official label. The claim is kept, as a claim.
    claimed = str(meta.pop("evidence", "") or "").strip()
    meta["evidence"] = USER_EVIDENCE
    if claimed and claimed != USER_EVIDENCE:
        meta["claimed_evidence"] = claimed[:40]
    verified = meta.get("verified") if isinstance(meta.get("verified"), dict) else {}
    for key in ("pmid", "doi"):
        if meta.get(key) and not verified.get(key):
            verified[key] = f"from the user's document {parsed.path.name}"
    meta["verified"] = verified
    body = post.content.strip()
    if not body:
        raise IngestError("the record has no text after its front matter")
    data = {**meta, "body": body, "source_file": str(parsed.path), "source_sha256": parsed.sha256}
    try:
        rec = Record.model_validate(data)
    except ValidationError as exc:
        raise IngestError(format_validation_error(parsed.path, exc)) from None
    parsed.drafts.append(Draft(rec))
