"""``assistant ingest``, ``remove``, ``check`` and ``fetch-pubmed``: your own documents.

Registered on the main group by :mod:`assistant.frontends.cli` (:data:`COMMANDS`).
"""

from __future__ import annotations

import contextlib
import json
import signal
import textwrap
from pathlib import Path
from typing import Any, NoReturn

import click

from assistant.answering.pipeline import DocumentNotFound
from assistant.frontends.cli_common import fail, index_dir_option, load_assistant, say, settings_for
from assistant.library.formats import format_table
from assistant.library.formats.base import IngestError
from assistant.library.ingest import ingest_paths, remove_document
from assistant.library.journal import recover_interrupted
from assistant.library.pubmed import fetch_pubmed
from assistant.library.records import CorpusError

_index_dir_option = index_dir_option


def _formats_help() -> str:
    return "\n".join(f"  {name:<15} {exts:<18} {note}" for name, exts, note in format_table())


def _interrupted(exc: KeyboardInterrupt, command: str) -> NoReturn:
    """Ctrl-C, SIGTERM or SIGHUP: the transaction was rolled back; exit as the signal asks."""
    signum = int(getattr(exc, "signum", signal.SIGINT))
    with contextlib.suppress(OSError):  # after SIGHUP the terminal may be gone
        say(
            f"Interrupted ({signal.Signals(signum).name}): the {command} was not done; your "
            "library and the index are as they were before it."
        )
    raise SystemExit(128 + signum)


def _report(report: Any, quiet: bool) -> None:
    """Added/skipped on stdout; errors and warnings on stderr; exit 1 when a file failed."""
    if report.recovered:
        click.echo(report.recovered, err=True)
    for p in report.skipped:
        click.echo(f"skipped  {p}", err=True)
    for p in report.warnings:
        click.echo(f"warning  {p}", err=True)
    for p in report.errors:
        click.echo(f"error    {p}", err=True)
    for rid in report.added:
        click.echo(f"added    {rid}  {report.titles.get(rid, '')[:70]}")
    if report.replaced:
        click.echo(f"replaced {', '.join(report.replaced)} (the file changed)")
    if report.build is not None:
        if not quiet:
            click.echo(report.build.summary())
    else:
        click.echo("Nothing added; the index is unchanged.", err=True)
    if report.errors:
        raise click.exceptions.Exit(1)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or build summary.")
@_index_dir_option
def ingest_cmd(paths: tuple[Path, ...], quiet: bool, index_dir: Path | None) -> None:
    """Add your own documents (files or folders, recursively) to the library and the index.

    The documents are kept in <index-dir>/library/ and marked "your library" in answers. They
    are always evidence "user-document": whatever a file claims to be (a drug label, a
    guideline), only the curated corpus speaks for labels, regulators and guidelines.

    A file already in the library is skipped; a file that changed at the same path replaces its
    old version. From a folder, only regular files inside it with a known extension are read
    (links out of the folder, pipes and other types are skipped and reported). Bad files are
    reported and left out; if indexing fails, or the command is interrupted, nothing is changed.
    Exits with status 1 when any file or record could not be added.

    \b
    Examples:
      assistant ingest paper.pdf
      assistant ingest ~/Downloads/pubmed-baclofen-set.txt refs.bib
      assistant ingest ~/reading-list/
      ASSISTANT_MAX_UPLOAD_MB=100 assistant ingest big-report.pdf
    """
    settings = settings_for(index_dir)
    try:
        report = ingest_paths(settings, paths, progress=not quiet, on_phase=None if quiet else say)
    except (IngestError, CorpusError, OSError) as exc:
        fail(exc)
    except KeyboardInterrupt as exc:
        _interrupted(exc, "ingest")
    _report(report, quiet)


ingest_cmd.help = (ingest_cmd.help or "") + "\n\n\b\nFormats:\n" + _formats_help()


@click.command("remove")
@click.argument("record_id", metavar="ID")
@_index_dir_option
def remove_cmd(record_id: str, index_dir: Path | None) -> None:
    """Remove one of your documents from the library and the index.

    Only documents you added can be removed (ids starting with "user-"; see
    `assistant sources`, where they are marked "your library").

    \b
    Examples:
      assistant sources | grep "your library"
      assistant remove user-my-paper-1a2b3c4d
    """
    settings = settings_for(index_dir)
    done = recover_interrupted(settings)
    if done:
        say(done)
    try:
        report = remove_document(settings, record_id)
    except (IngestError, CorpusError, OSError) as exc:
        fail(exc)
    except KeyboardInterrupt as exc:
        _interrupted(exc, "remove")
    click.echo(f"removed  {record_id}")
    click.echo(report.summary())


@click.command("fetch-pubmed")
@click.argument("query")
@click.option(
    "--max", "max_results", default=20, show_default=True, type=click.IntRange(1, 500),
    help="How many articles to fetch.",
)  # fmt: skip
@click.option(
    "--online",
    is_flag=True,
    help="Allow this command to contact NCBI over the internet (off by default).",
)
@click.option(
    "--email",
    envvar="ASSISTANT_ENTREZ_EMAIL",
    show_envvar=True,
    help="Your e-mail address, sent to NCBI as their usage policy asks.",
)
@click.option(
    "--timeout", default=10.0, show_default=True, type=click.FloatRange(1, 120),
    help="Seconds to wait for PubMed before giving up.",
)  # fmt: skip
@_index_dir_option
def fetch_pubmed_cmd(
    query: str,
    max_results: int,
    online: bool,
    email: str | None,
    timeout: float,
    index_dir: Path | None,
) -> None:
    """Search PubMed and add the articles found (needs the internet and --online).

    The assistant works offline; this is the one command that goes online, and only with
    --online. Without internet it stops within seconds: export from PubMed on a connected
    machine instead (Save > Format: PubMed) and use `assistant ingest FILE`.

    \b
    Examples:
      assistant fetch-pubmed --online "baclofen AND craving" --max 20
      assistant fetch-pubmed --online --email me@example.org "baclofen[ti] AND alcohol"
    """
    if not online:
        raise click.UsageError(
            "fetch-pubmed contacts NCBI over the internet, and this assistant stays offline "
            "unless you allow it: add --online. (Or export from PubMed yourself and run "
            "`assistant ingest FILE`.)"
        )
    settings = settings_for(index_dir)
    try:
        path = fetch_pubmed(settings, query, max_results, email=email, timeout=timeout)
        say(f"Saved PubMed results to {path}")
        report = ingest_paths(settings, [path], progress=True, on_phase=say)
    except (IngestError, CorpusError, OSError) as exc:
        fail(exc)
    _report(report, quiet=False)


@click.command("check")
@click.argument("document", required=False, default="")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--all", "show_all", is_flag=True, help="Also list the claims the evidence does not cover."
)
@_index_dir_option
def check_cmd(document: str, as_json: bool, show_all: bool, index_dir: Path | None) -> None:
    """Check one of your documents against the curated evidence.

    DOCUMENT is its id, its title (or part of it) or its file name; without it, the document
    added last. Every checkable claim (contraindications, approval and regulation, doses and
    limits, trial results with numbers, origin and mechanism, elimination and kidneys,
    withdrawal) gets a verdict: contradicted, supported or not covered, with the document's own
    sentence (and page) and the curated sentence that decides it. Nothing is called supported
    or contradicted without a quote from a curated source.

    \b
    Examples:
      assistant ingest ~/Downloads/baclofen-article.pdf
      assistant check
      assistant check "baclofen article" --all
      assistant check --json user-baclofen-article-1a2b3c4d
    """
    settings = settings_for(index_dir)
    try:
        assistant = load_assistant(settings, quiet=as_json)
        report = assistant.check(document)
    except DocumentNotFound as exc:
        fail(exc)
    except Exception as exc:  # noqa: BLE001 - a clear message, not a trace
        fail(exc)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{report.document.title} ({report.document.id})")
    counts = report.counts()
    click.echo(
        f"{counts['contradicted']} contradicted, {counts['supported']} supported, "
        f"{counts['not-covered']} not covered by the curated evidence."
    )
    for verdict in ("contradicted", "supported", "not-covered"):
        claims = [c for c in report.claims if c.verdict == verdict]
        if not claims or (verdict == "not-covered" and not show_all):
            continue
        click.echo(f"\n{verdict.upper()}")
        for c in claims:
            where = f" (p. {c.page})" if c.page else ""
            click.echo(textwrap.fill(f"- \u201c{c.text}\u201d{where}", 100, subsequent_indent="  "))
            if c.explanation:
                click.echo(
                    textwrap.fill(c.explanation, 100, initial_indent="  ", subsequent_indent="  ")
                )
            for cit in c.citations:
                ref = f"{cit.title} ({cit.year or 'n.d.'})"
                click.echo(
                    textwrap.fill(
                        f"\u201c{cit.quote}\u201d \u2014 {ref}",
                        100,
                        initial_indent="    ",
                        subsequent_indent="    ",
                    )
                )


COMMANDS = [ingest_cmd, remove_cmd, check_cmd, fetch_pubmed_cmd]
