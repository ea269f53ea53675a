"""Your own documents: the library transaction.

Every document becomes a Markdown record (evidence ``user-document``) in
``<index_dir>/library/<id>.md``, which :func:`assistant.index.build.build_index` indexes together
with the curated corpus. Readers for each format live in :mod:`assistant.library.formats`.

An ingest is all or nothing for the index: files are parsed first (bad files are reported and
left out), then the new records are written, then the index is built; when the build fails the
written files are removed and replaced ones restored, so the library and the live index stay as
they were. A file already in the library (same content hash) is skipped; a file whose content
changed at the same path replaces its old records.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import secrets
import signal
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.index.build import (
    BuildReport,
    IndexBusy,
    as_user_document,
    build_index,
    current_generation,
    library_dir,
    read_manifest,
    write_atomic,
)
from assistant.library.formats import ARCHIVE_EXTS, EXTENSIONS, parse_document, sniff_archive
from assistant.library.formats.base import IngestError, Parsed
from assistant.library.journal import (
    finish,
    journal_path,
    library_lock,
    recover_locked,
    rollback,
    signals_raise,
    write_journal,
)
from assistant.library.records import CorpusError, Record, corpus_files, load_records, parse_record
from assistant.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Problem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # new record ids
    replaced: list[str] = field(default_factory=list)  # old ids removed: their file changed
    skipped: list[Problem] = field(default_factory=list)  # duplicates, nothing to index, ...
    errors: list[Problem] = field(default_factory=list)  # files or records that failed
    warnings: list[Problem] = field(default_factory=list)  # added, but with a caveat
    titles: dict[str, str] = field(default_factory=dict)  # id -> title of the added records
    recovered: str | None = None  # an earlier interrupted ingest or remove, finished first
    build: BuildReport | None = None  # None when nothing was added (the index is untouched)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        lines = [self.recovered] if self.recovered else []
        if self.added:
            lines.append(f"Added {len(self.added)} document(s) to your library:")
            lines += [f"  {rid}  {self.titles.get(rid, '')[:70]}" for rid in self.added]
        if self.replaced:
            lines.append(
                f"Replaced {len(self.replaced)} older version(s): {', '.join(self.replaced)}"
            )
        for label, items in (
            ("Skipped", self.skipped),
            ("Warning", self.warnings),
            ("Error", self.errors),
        ):
            lines += [f"{label}: {p}" for p in items]
        if self.build is not None:
            lines.append(self.build.summary())
        elif not self.added:
            lines.append("Nothing added; the index is unchanged.")
        return "\n".join(lines)


# --------------------------------------------------------------------------- reading files


def read_document(path: Path, settings: Settings) -> Parsed:
    """Parse one file into draft records; raise IngestError when the file as a whole is bad."""
    return parse_document(path, load_bytes(path, settings))


def load_bytes(path: Path, settings: Settings) -> bytes:
    """The file's bytes, after the checks that need no parsing (a regular file, not an archive,
    under the size cap, not empty). A named pipe or device is refused without reading from it."""
    ext = path.suffix.lower()
    name_exts = [s.lower() for s in path.suffixes]
    if ext in ARCHIVE_EXTS or any(s in ARCHIVE_EXTS for s in name_exts[-2:]):
        raise IngestError("archives are not accepted: unpack it and add the files (or the folder)")
    cap = int(settings.max_upload_mb * 1024 * 1024)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise IngestError(f"cannot read the file: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise IngestError("not a regular file (a pipe, device or socket); nothing was read")
        if info.st_size > cap:
            raise IngestError(
                f"the file is {info.st_size / 1048576:.1f} MB, over the "
                f"{settings.max_upload_mb:g} MB limit (ASSISTANT_MAX_UPLOAD_MB)"
            )
        try:
            data = fh.read(cap + 1)
        except OSError as exc:
            raise IngestError(f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > cap:
        raise IngestError(f"the file is over the {settings.max_upload_mb:g} MB limit")
    if not data.strip():
        raise IngestError("the file is empty")
    kind = sniff_archive(data[:512])
    if kind:
        raise IngestError(
            f"this is a {kind} archive, which is not accepted: unpack it and add the files"
        )
    return data


def expand_paths(
    paths: Iterable[str | Path],
) -> tuple[list[Path], list[Problem], list[Problem]]:
    """(files to read, problems, skipped) for the paths a user named.

    A file named on the command line is read whatever its extension (the content decides).
    From a folder, only regular files inside that folder with a known extension are taken: links
    that lead out of the folder, pipes, devices, hidden files and other types are skipped and
    reported, never read.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    skipped: list[Problem] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        rp = p.resolve()
        if rp not in seen:
            seen.add(rp)
            files.append(rp)

    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            top = p.resolve()
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    f = Path(root) / name
                    why = _folder_skip_reason(f, top)
                    if why is None:
                        add(f)
                    elif why:
                        skipped.append(Problem(str(f), why))
        elif p.is_file():
            add(p)
        elif p.exists():
            problems.append(Problem(str(raw), "not a regular file (a pipe, device or socket)"))
        else:
            problems.append(Problem(str(raw), "no such file or folder"))
    return files, problems, skipped


def _folder_skip_reason(f: Path, top: Path) -> str | None:
    """Why a file found in a folder is not read ("" = skip silently; None = read it)."""
    if f.name.startswith("."):
        return ""
    try:
        real = f.resolve(strict=True)
        info = real.stat()
    except OSError:
        return "a broken link; skipped"
    if not real.is_relative_to(top):
        return "a link to a file outside the folder; skipped"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a pipe, device or socket); skipped"
    ext = f.suffix.lower()
    if ext in ARCHIVE_EXTS:
        return "archives are not accepted: unpack it and add the files"
    if ext not in EXTENSIONS:
        return f"not a supported document type ({ext or 'no extension'}); skipped"
    return None


def library_records(settings: Settings) -> list[Record]:
    lib = library_dir(settings)
    if not lib.is_dir():
        return []
    out = []
    for p in sorted(lib.glob("*.md")):
        if p.name.startswith("_"):
            continue
        try:
            out.append(parse_record(p))
        except CorpusError:
            continue
    return out


def list_documents(settings: Settings) -> list[dict[str, Any]]:
    """The user's documents: id, title, authors, year, evidence, source file, pages, added."""
    lib = library_dir(settings)
    out: list[dict[str, Any]] = []
    if not lib.is_dir():
        return out
    for p in sorted(lib.glob("*.md")):
        if p.name.startswith("_"):
            continue
        try:
            r = parse_record(p)
        except CorpusError as exc:
            out.append({"id": p.stem, "title": "(unreadable record)", "error": str(exc)})
            continue
        pages = len(re.findall(r"^<!-- page \d+ -->$", r.body, re.M)) or (1 if r.page else None)
        out.append(
            {
                "id": r.id,
                "title": r.title,
                "authors": r.authors_text,
                "year": r.year,
                "evidence": r.evidence,
                "claimed_evidence": r.claimed_evidence,
                "pmid": r.pmid,
                "doi": r.doi,
                "source_file": r.source_file,
                "pages": pages,
                "added": time.strftime("%Y-%m-%d %H:%M", time.localtime(p.stat().st_mtime)),
            }
        )
    return sorted(out, key=lambda d: str(d.get("title", "")).lower())


def render_record(record: Record) -> str:
    """The Markdown file of a record: YAML front matter, then the body."""
    data = record.model_dump(exclude={"body", "path"}, exclude_defaults=True)
    data = {"id": record.id, "title": record.title, "evidence": record.evidence, **data}
    front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\n\n{record.body.strip()}\n"


def _target(lib: Path, record_id: str) -> Path:
    """The library file of ``record_id``; never outside the library folder."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_\-]{2,80}", record_id):
        raise IngestError(f"{record_id!r} is not a valid document id")
    target = (lib / f"{record_id}.md").resolve()
    if target.parent != lib.resolve():
        raise IngestError(f"{record_id!r} is not a valid document id")
    return target


def _corpus_records(settings: Settings) -> list[Record]:
    try:
        return load_records(corpus_files(settings.corpus_dir))
    except CorpusError:
        return []


@dataclass
class _Plan:
    write: list[tuple[Path, str, Record]] = field(default_factory=list)
    replace: list[Path] = field(default_factory=list)  # old library files to take out


def _describe(plan: _Plan, command: str) -> str:
    if command == "remove":
        return "removing " + ", ".join(p.stem for p in plan.replace)
    names = sorted({Path(r.source_file or t.name).name for t, _, r in plan.write})
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"adding {len(plan.write)} record(s) from {shown}"


def _commit(
    settings: Settings,
    plan: _Plan,
    embedder: Any,
    progress: bool,
    on_phase: Callable[[str], None] | None,
    command: str = "ingest",
) -> BuildReport:
    """Write/replace library files and build the index, as one transaction (see above)."""
    index_dir = settings.index_dir
    lib = library_dir(settings)
    lib.mkdir(parents=True, exist_ok=True)
    pointer = index_dir / "CURRENT"
    old_current = pointer.read_text() if pointer.exists() else None
    backup = index_dir / f".ingest-backup-{secrets.token_hex(4)}"
    # Files replaced or overwritten go to the backup folder first, so they can be put back.
    out = list(dict.fromkeys([*plan.replace, *(t for t, _, _ in plan.write if t.exists())]))
    moved = [(old, backup / old.name) for old in out]
    # The records as the index will read them (plan.write holds them parsed from their text).
    new_records = {rec.id: as_user_document(rec).content_hash() for _, _, rec in plan.write}
    removed = []
    for old in plan.replace:
        try:
            rid = parse_record(old).id
        except CorpusError:
            rid = old.stem
        if rid not in new_records:
            removed.append(rid)
    journal = {
        "version": 1,
        "command": command,
        "describe": _describe(plan, command),
        "pid": os.getpid(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "backup": backup.name,
        "old_current": old_current,
        "moved": [[str(a), str(b)] for a, b in moved],
        "written": [str(t) for t, _, _ in plan.write],
        "records": new_records,
        "removed": removed,
    }
    state: dict[str, Any] = {}
    with signals_raise(state):
        try:
            write_journal(settings, journal)  # before the first change
            if moved:
                backup.mkdir(exist_ok=True)
            for old, dest in moved:
                os.replace(old, dest)
            for target, text, _ in plan.write:
                write_atomic(target, text)
            report = build_index(settings, progress=progress, embedder=embedder, on_phase=on_phase)
            state["rolling_back"] = True  # done: a signal from now on waits for the cleanup
        except BaseException as exc:
            state["rolling_back"] = True
            if journal_path(settings).exists():
                rollback(settings, journal)
            if not isinstance(exc, Exception):
                raise
            if isinstance(exc, IndexBusy):
                raise IngestError(
                    f"{exc} Nothing was changed; try again when it finishes."
                ) from exc
            raise IngestError(
                f"Indexing failed, so nothing was changed (your library and the index are as "
                f"they were): {type(exc).__name__}: {exc}"
            ) from exc
        finish(settings, journal)
    if state.get("pending"):  # a signal that came during the cleanup: act on it now
        signal.raise_signal(state["pending"])
    return report


def ingest_paths(
    settings: Settings,
    paths: Iterable[str | Path],
    embedder: Any = None,
    progress: bool = False,
    on_phase: Callable[[str], None] | None = None,
) -> IngestReport:
    """Add files and folders (recursively) to the library and update the index.

    Bad files are reported in ``errors`` and left out; the good ones are added. Raises
    :class:`IngestError` only when the index build fails (then nothing at all is changed) or
    another ingest is running.
    """
    report = IngestReport()
    files, missing, unread = expand_paths(paths)
    report.errors += missing
    report.skipped += unread
    lib = library_dir(settings)
    with library_lock(settings):
        report.recovered = recover_locked(settings)
        existing = library_records(settings)
        by_sha: dict[str, list[Record]] = {}
        by_source: dict[str, list[Record]] = {}
        for r in existing:
            if r.source_sha256:
                by_sha.setdefault(r.source_sha256, []).append(r)
            if r.source_file:
                by_source.setdefault(r.source_file, []).append(r)
        corpus = _corpus_records(settings)
        plan = _Plan()
        planned_ids: set[str] = set()
        batch_sha: dict[str, str] = {}
        replacing: set[str] = set()  # ids of library records whose file is being replaced
        parsed_files: list[tuple[Parsed, list[Record]]] = []
        for path in files:
            if on_phase:
                on_phase(f"Reading {path.name} ...")
            try:
                data = load_bytes(path, settings)
                sha = hashlib.sha256(data).hexdigest()
                # Duplicates are recognised before parsing (and their old problems not repeated).
                dup = by_sha.get(sha)
                parsed = None if dup or sha in batch_sha else parse_document(path, data, on_phase)
            except IngestError as exc:
                report.errors.append(Problem(str(path), str(exc)))
                continue
            if dup:
                where = {r.source_file for r in dup} - {str(path)}
                report.skipped.append(
                    Problem(
                        str(path),
                        f"already in your library as {', '.join(r.id for r in dup)}"
                        + (f" (same content as {', '.join(sorted(where))})" if where else "")
                        + "; skipped",
                    )
                )
                continue
            if parsed is None:
                report.skipped.append(
                    Problem(str(path), f"same content as {batch_sha[sha]}; skipped")
                )
                continue
            report.errors += [Problem(str(path), e) for e in parsed.errors]
            report.skipped += [Problem(str(path), s) for s in parsed.skipped]
            report.warnings += [Problem(str(path), w) for w in parsed.warnings]
            batch_sha[sha] = str(path)
            old = by_source.get(str(path), []) if parsed.drafts else []
            replacing |= {r.id for r in old}
            parsed_files.append((parsed, old))
        # Identifiers already taken (PMID/DOI are unique across corpus and library).
        taken: dict[tuple[str, str], str] = {}
        for r in corpus + [r for r in existing if r.id not in replacing]:
            for key in ("pmid", "doi"):
                if getattr(r, key):
                    taken[(key, getattr(r, key).lower())] = r.id
        taken_ids = {r.id for r in corpus} | {r.id for r in existing if r.id not in replacing}
        for parsed, old in parsed_files:
            added_here = 0
            for d in parsed.drafts:
                rec = d.record
                where = f" (line {d.line})" if d.line else ""
                clash = next(
                    (
                        (key, taken[(key, getattr(rec, key).lower())])
                        for key in ("pmid", "doi")
                        if getattr(rec, key) and (key, getattr(rec, key).lower()) in taken
                    ),
                    None,
                )
                if clash:
                    key, other = clash
                    report.skipped.append(
                        Problem(
                            str(parsed.path),
                            f"{rec.title[:60]!r}{where}: {key.upper()} {getattr(rec, key)} is "
                            f"already in the library as {other}; skipped",
                        )
                    )
                    continue
                if rec.id in taken_ids or rec.id in planned_ids:
                    report.skipped.append(
                        Problem(
                            str(parsed.path),
                            f"{rec.title[:60]!r}{where}: already in the library as {rec.id}; skipped",
                        )
                    )
                    continue
                try:
                    target = _target(lib, rec.id)
                    text = render_record(rec)
                    rec = parse_record(target, text)  # what build_index will read must load
                except (IngestError, CorpusError) as exc:
                    report.errors.append(
                        Problem(str(parsed.path), f"{where.strip()} {exc}".strip())
                    )
                    continue
                plan.write.append((target, text, rec))
                planned_ids.add(rec.id)
                for key in ("pmid", "doi"):
                    if getattr(rec, key):
                        taken[(key, getattr(rec, key).lower())] = rec.id
                added_here += 1
            if added_here and old:
                plan.replace += [_target(lib, r.id) for r in old]
                report.replaced += [r.id for r in old]
            elif old:
                replacing -= {r.id for r in old}
        if not plan.write:
            return report
        if on_phase:
            on_phase(f"Adding {len(plan.write):,} record(s) to your library and the index ...")
        report.build = _commit(settings, plan, embedder, progress, on_phase)
        report.added = [rec.id for _, _, rec in plan.write]
        report.titles = {rec.id: rec.title for _, _, rec in plan.write}
    return report


def remove_document(settings: Settings, record_id: str, embedder: Any = None) -> BuildReport:
    """Remove one of the user's documents from the library and the index."""
    record_id = (record_id or "").strip()
    lib = library_dir(settings)
    with library_lock(settings):
        recovered = recover_locked(settings)
        if recovered:
            log.warning("%s", recovered)
        try:
            target = _target(lib, record_id)
        except IngestError:
            raise IngestError(
                f"{record_id!r} is not a document id (see `assistant sources`)"
            ) from None
        if not target.is_file():
            curated = {r.id for r in _corpus_records(settings)}
            gen = current_generation(settings.index_dir)
            if gen is not None and not curated:
                try:
                    manifest = read_manifest(gen)
                    curated = {k for k, v in manifest["records"].items() if not v.get("user")}
                except Exception:  # noqa: BLE001
                    curated = set()
            if record_id in curated:
                raise IngestError(
                    f"{record_id} is a curated corpus record, not one of your documents; only "
                    "documents you added can be removed."
                )
            raise IngestError(
                f"No document {record_id!r} in your library (see `assistant sources`, marked "
                "'your library')."
            )
        # The id may be taken from the file name, but the record inside decides.
        try:
            rec = parse_record(target)
        except CorpusError:
            rec = None
        if rec is not None and rec.id != record_id:
            raise IngestError(f"{target.name} holds record {rec.id!r}, not {record_id!r}")
        return _commit(settings, _Plan(replace=[target]), embedder, False, None, "remove")
