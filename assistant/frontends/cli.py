"""The ``assistant`` command line. Every command calls the same core functions the app calls."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from assistant.settings import Settings

EXAMPLES = "\b\nExamples:\n"


def _settings(index_dir: Path | None) -> Settings:
    s = Settings()
    if index_dir is not None:
        s.index_dir = index_dir
    ctx = click.get_current_context(silent=True)
    server = ctx.meta.get("chroma_url") if ctx is not None else None
    if server is None and os.environ.get("ASSISTANT_CHROMA_URL"):
        # commands without the option (e.g. `assistant ingest`) honour the variable too
        try:
            server = parse_chroma_url(os.environ["ASSISTANT_CHROMA_URL"])
        except ValueError as exc:
            raise click.UsageError(f"ASSISTANT_CHROMA_URL: {exc}") from None
    if server:  # --chroma-url (set by chroma_url_option's callback)
        s.chroma_host, s.chroma_port, s.chroma_ssl = server
    return s


def parse_chroma_url(url: str) -> tuple[str, int, bool]:
    """``http://HOST:PORT`` (or https) -> (host, port, ssl); ValueError when it is not one."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"{url!r}: the port is not a number") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r}: use http://HOST:PORT, e.g. http://127.0.0.1:8000")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f"{url!r}: give only the scheme, host and port")
    ssl = parts.scheme == "https"
    return parts.hostname, port or (443 if ssl else 8000), ssl


def _store_chroma_url(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        try:
            ctx.meta["chroma_url"] = parse_chroma_url(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc), ctx, param) from None


def chroma_url_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--chroma-url",
        metavar="http://HOST:PORT",
        envvar="ASSISTANT_CHROMA_URL",
        show_envvar=True,
        expose_value=False,
        is_eager=True,
        callback=_store_chroma_url,
        help="Keep the vectors on this Chroma server (`chroma run`) instead of in the index "
        "folder; chunks, BM25 and the manifest stay in the index folder. Same as "
        "CHROMA_HOST/CHROMA_PORT.",
    )(f)


def index_dir_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--index-dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="ASSISTANT_INDEX_DIR",
        default=None,
        show_envvar=True,
        help="Where the index lives (default: index/ in the project).",
    )(f)


def _err(msg: str) -> None:
    click.echo(msg, err=True)


def ensure_index(settings: Settings, quiet: bool = False) -> None:
    """Build or update the index when it is missing, stale or damaged (messages on stderr)."""
    from assistant.index.build import build_index, index_status

    status = index_status(settings)
    if status.state == "ready":
        return
    if not quiet:
        _err(f"{status.detail} Building the index (first run: about a minute) ...")
    report = build_index(
        settings,
        rebuild=status.state == "damaged",
        progress=not quiet,
        on_phase=None if quiet else _err,
    )
    if not quiet:
        _err(report.summary())


def load_assistant(settings: Settings, quiet: bool = False):  # noqa: ANN201
    from assistant.answering.pipeline import Assistant

    ensure_index(settings, quiet=quiet)
    return Assistant.load(settings)


def _fail(exc: Exception) -> None:
    raise click.ClickException(str(exc)) from None


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=textwrap.dedent(
        """\
        \b
        Start with:
          assistant index                 build the index from corpus/ (once; ~1 min)
          assistant ask "Does baclofen reduce alcohol craving?"
          assistant serve                 the chat app on http://127.0.0.1:7860
        Everything runs offline on the CPU; answers quote the sources and cite them [n].
        This is an educational literature tool, not medical advice."""
    ),
)
@click.version_option(package_name="baclofen-assistant")
def cli() -> None:
    """Baclofen literature assistant: cited answers about baclofen and addiction cravings."""


@cli.command()
@click.option("--rebuild", is_flag=True, help="Re-embed everything instead of updating.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@index_dir_option
@chroma_url_option
def index(rebuild: bool, quiet: bool, index_dir: Path | None) -> None:
    """Build or update the index from corpus/ and your added documents.

    Only records whose content changed are embedded again; an unchanged corpus prints
    "up to date". A build is written beside the live index and swapped in at the end, so an
    interrupted build never damages the index that is answering.

    \b
    Examples:
      assistant index
      assistant index --rebuild
      assistant index --index-dir /tmp/my-index
    """
    from assistant.index.build import IndexBusy, IndexError_, build_index
    from assistant.library.records import CorpusError

    settings = _settings(index_dir)
    try:
        report = build_index(
            settings, rebuild=rebuild, progress=not quiet, on_phase=None if quiet else _err
        )
    except (CorpusError, IndexBusy, IndexError_, OSError) as exc:
        _fail(exc)
    click.echo(report.summary())


def _read_batch(stream: TextIO) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, question, error) for each non-empty line: plain text or JSON with "q"."""
    for lineno, line in enumerate(stream, start=1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield lineno, None, f"line {lineno}: not valid JSON ({exc.msg})"
                continue
            q = obj.get("q") if isinstance(obj, dict) else None
            if not isinstance(q, str):
                yield lineno, None, f'line {lineno}: a JSON line needs a "q" text field'
                continue
            yield lineno, q, None
        else:
            yield lineno, line, None


def _filters(evidence: tuple[str, ...], substance: tuple[str, ...], years: str | None):  # noqa: ANN202
    from assistant.index.retrieval import Filters

    y0 = y1 = None
    if years:
        try:
            a, _, b = years.partition("-")
            y0 = int(a) if a else None
            y1 = int(b) if b else None
        except ValueError:
            raise click.BadParameter(
                "use YEAR-YEAR, e.g. 2010-2020, or 2015- ", param_hint="--years"
            ) from None
    return Filters(list(evidence), list(substance), y0, y1)


def format_answer(ans: Any) -> str:
    """Human-readable answer: notices (emergency first), answer, numbered citations."""
    out: list[str] = []
    for n in ans.notices:
        mark = "!!" if n.kind == "emergency" else "*"
        out.append(textwrap.fill(f"{mark} [{n.kind}] {n.text}", 100, subsequent_indent="   "))
    out.append("")
    out.append(ans.answer)
    if ans.citations:
        out.append("")
        out.append("Sources:")
    for c in ans.citations:
        ref = f"[{c.n}] {c.authors + ' ' if c.authors else ''}({c.year or 'n.d.'}). {c.title}."
        if c.journal:
            ref += f" {c.journal}."
        ids = [f"PMID {c.pmid}" if c.pmid else "", f"doi:{c.doi}" if c.doi else ""]
        ids_text = " ".join(i for i in ids if i)
        ref += f" {ids_text}" if ids_text else ""
        ref += f" [{c.evidence}]" + (f" p. {c.page}" if c.page else "")
        out.append(textwrap.fill(ref, 100, subsequent_indent="    "))
        out.append(
            textwrap.fill(f'"{c.quote}"', 100, initial_indent="    ", subsequent_indent="    ")
        )
    return "\n".join(out).strip()


@cli.command()
@click.argument("question", required=False)
@click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON object (the public answer schema)."
)
@click.option(
    "--batch",
    type=click.File("r"),
    help="Questions from FILE ('-' = stdin): one per line, or JSON lines with a \"q\" field.",
)
@click.option(
    "--evidence",
    multiple=True,
    help="Only these evidence types (repeatable), e.g. rct, meta-analysis, label.",
)
@click.option(
    "--substance",
    multiple=True,
    help="Only sources about this substance (repeatable), e.g. alcohol, opioids.",
)
@click.option("--years", help="Year range, e.g. 2010-2020 or 2015-.")
@index_dir_option
@chroma_url_option
def ask(
    question: str | None,
    as_json: bool,
    batch: TextIO | None,
    evidence: tuple[str, ...],
    substance: tuple[str, ...],
    years: str | None,
    index_dir: Path | None,
) -> None:
    """Answer a question from the library, with numbered citations and safety notices.

    \b
    Examples:
      assistant ask "Does baclofen reduce alcohol craving?"
      assistant ask --json "What is the maximum dose on the US label?"
      assistant ask --evidence rct --substance alcohol "Which trials were negative?"
      printf 'Is baclofen approved in France?\\n{"q": "What is its half-life?"}\\n' \\
        | assistant ask --json --batch -

    With --batch, prints one JSON object per input line, in order (the model loads once); a line
    that cannot be read gives {"line": N, "error": "..."}.
    """
    from assistant.answering.pipeline import QuestionError
    from assistant.vocab import EVIDENCE_TYPES, SUBSTANCES

    for ev in evidence:
        if ev not in EVIDENCE_TYPES:
            raise click.BadParameter(
                f"{ev!r}; choose from {', '.join(EVIDENCE_TYPES)}", param_hint="--evidence"
            )
    for sub in substance:
        if sub not in SUBSTANCES:
            raise click.BadParameter(
                f"{sub!r}; choose from {', '.join(SUBSTANCES)}", param_hint="--substance"
            )
    if batch is None and not question:
        raise click.UsageError(
            'Give a QUESTION, e.g. assistant ask "Does baclofen reduce craving?", or --batch FILE.'
        )
    if batch is not None and question:
        raise click.UsageError("Give either a QUESTION or --batch, not both.")
    if batch is not None and not as_json:
        raise click.UsageError("--batch prints JSON lines: add --json.")
    filters = _filters(evidence, substance, years)
    settings = _settings(index_dir)
    try:
        assistant = load_assistant(settings, quiet=as_json)
    except Exception as exc:  # noqa: BLE001 - shown as a clear message, not a trace
        _fail(exc)
    if batch is not None:
        for lineno, q, error in _read_batch(batch):
            if error is None:
                try:
                    obj = assistant.ask(q, filters).to_json()
                except QuestionError as exc:
                    obj = {"line": lineno, "error": str(exc)}
            else:
                obj = {"line": lineno, "error": error}
            click.echo(json.dumps(obj, ensure_ascii=False))
            sys.stdout.flush()
        return
    try:
        ans = assistant.ask(question, filters)
    except QuestionError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(ans.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_answer(ans))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@index_dir_option
@chroma_url_option
def sources(as_json: bool, index_dir: Path | None) -> None:
    """List the records in the index: id, year, evidence type, title.

    \b
    Examples:
      assistant sources
      assistant sources | grep rct
      assistant sources --json
    """
    from assistant.index.build import IndexError_, current_generation, read_manifest

    settings = _settings(index_dir)
    try:
        ensure_index(settings, quiet=as_json)
        gen = current_generation(settings.index_dir)
        manifest = read_manifest(gen)  # type: ignore[arg-type]
    except (IndexError_, OSError) as exc:
        _fail(exc)
    rows = sorted(manifest["records"].items(), key=lambda kv: (kv[1].get("evidence", ""), kv[0]))
    for rid, info in rows:
        if as_json:
            click.echo(
                json.dumps(
                    {"id": rid, **{k: info.get(k) for k in ("year", "evidence", "title", "user")}}
                )
            )
        else:
            year = info.get("year") or "n.d."
            user = " (your library)" if info.get("user") else ""
            click.echo(
                f"{rid:32.32} {year!s:>5}  {info.get('evidence', ''):17} {info.get('title', '')[:80]}{user}"
            )
    if not as_json:
        click.echo(f"{len(rows)} records.", err=True)


@cli.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind; 0.0.0.0 exposes the app to your network.",
)
@click.option("--port", default=7860, show_default=True, type=int)
@click.option(
    "--share",
    is_flag=True,
    help="Create a public Gradio share link (sends traffic outside; off by default).",
)
@click.option("--auth", metavar="USER:PASSWORD", envvar="ASSISTANT_AUTH", help="Require a login.")
@index_dir_option
@chroma_url_option
def serve(host: str, port: int, share: bool, auth: str | None, index_dir: Path | None) -> None:
    """Start the chat app (the same app as `python app.py`).

    \b
    Examples:
      assistant serve
      assistant serve --port 8080
      assistant serve --host 0.0.0.0 --auth alice:secret
    """
    from assistant.frontends.ui import launch

    settings = _settings(index_dir)
    try:
        ensure_index(settings)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
    creds = None
    if auth:
        user, _, pw = auth.partition(":")
        if not user or not pw:
            raise click.BadParameter("use USER:PASSWORD", param_hint="--auth")
        creds = (user, pw)
    from assistant.index.build import IndexError_

    try:
        launch(settings, host=host, port=port, share=share, auth=creds)
    except IndexError_ as exc:  # damaged in a way only loading shows: a message, no trace
        _fail(exc)


from assistant.frontends.cli_library import fetch_pubmed_cmd, ingest_cmd, remove_cmd  # noqa: E402

cli.add_command(ingest_cmd)
cli.add_command(remove_cmd)
cli.add_command(fetch_pubmed_cmd)


@cli.command()
@click.argument("condition", required=False, default="")
@click.option("--json", "as_json", is_flag=True, help="Print the matching rows as JSON.")
def contraindications(condition: str, as_json: bool) -> None:
    """Look up what the US label, guidelines and studies say for a condition.

    Without CONDITION, prints the whole table. Matching is forgiving: synonyms, typos and
    common words in other languages ("grossesse", "riñón") work. The label status is one of
    contraindicated / warning / precaution / not addressed; note that the US label lists
    hypersensitivity as the only contraindication.

    \b
    Examples:
      assistant contraindications
      assistant contraindications epilepsy
      assistant contraindications "kidney failure"
      assistant contraindications --json benzodiazepines
    """
    from assistant.answering import contraindications as ci

    try:
        rows = ci.lookup(condition)
    except ci.ContraindicationError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps([r.model_dump() for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        names = ", ".join(c.key for c in ci.load_table())
        raise click.ClickException(
            f"No condition matches {condition!r}. Known conditions: {names}."
        )
    click.echo(ci.format_table(rows))


@cli.command(name="eval")
@click.option(
    "--questions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Question file (default: eval/questions.yaml).",
)
@click.option(
    "--methods",
    default="hybrid,dense,bm25",
    show_default=True,
    help="Retrieval methods to compare.",
)
@click.option(
    "--json-out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the report as JSON here.",
)
@index_dir_option
def eval_cmd(
    questions: Path | None, methods: str, json_out: Path | None, index_dir: Path | None
) -> None:
    """Measure answer quality on the question set: retrieval, citations, abstention, notices.

    Prints a table (and JSON with --json-out): recall@1/@5 and MRR per retrieval method (BM25
    alone, dense alone, hybrid), citation validity, key-fact coverage, abstention accuracy,
    notice precision/recall per kind, and ALCE-style citation precision/recall (lexical).

    \b
    Examples:
      assistant eval
      assistant eval --methods hybrid --json-out eval-report.json
    """
    from assistant.evaluation import run as evaluate

    settings = _settings(index_dir)
    try:
        qs = evaluate.load_questions(questions or evaluate.DEFAULT_QUESTIONS)
        assistant = load_assistant(settings)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
    wanted = tuple(m.strip() for m in methods.split(",") if m.strip())
    report = evaluate.run_eval(assistant, qs, methods=wanted)
    click.echo(evaluate.format_report(report))
    if json_out:
        json_out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        click.echo(f"Report written to {json_out}", err=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the registry as JSON.")
def backends(as_json: bool) -> None:
    """List the optional language-model backends and whether each is usable here.

    Answers are extractive (no LLM) unless ASSISTANT_LLM names a backend, e.g.
    ASSISTANT_LLM=ollama:llama3.2, ASSISTANT_LLM=openai:MODEL (with OPENAI_BASE_URL for LM
    Studio, vLLM or a llama.cpp server) or ASSISTANT_LLM=smollm2. The model sees only the
    retrieved passages; every sentence it writes must cite one and be supported by it, or it is
    dropped (too little left: the extractive answer, with a note). It also rewrites follow-up
    questions into standalone ones. Safety notices never come from the model. If the backend
    cannot be reached, answers say so and fall back to the extractive answer.

    \b
    Examples:
      assistant backends
      assistant backends --json
      ASSISTANT_LLM=ollama:llama3.2 assistant ask "Does baclofen reduce alcohol craving?"
      OPENAI_BASE_URL=http://127.0.0.1:1234/v1 OPENAI_API_KEY=local \\
        ASSISTANT_LLM=openai:qwen2.5-7b-instruct assistant serve
    """
    from dataclasses import asdict

    from assistant.answering.backends import available_backends, configured_spec

    infos = available_backends()
    if as_json:
        click.echo(
            json.dumps(
                {"selected": configured_spec(), "backends": [asdict(i) for i in infos]}, indent=2
            )
        )
        return
    click.echo(f"ASSISTANT_LLM={configured_spec() or '(empty: extractive answers, no LLM)'}")
    for i in infos:
        mark = "*" if i.selected else " "
        click.echo(f"{mark} {i.name:<8} {i.status}")
        click.echo(f"    {i.description}")
        if not i.configured:
            click.echo(f"    enable: {i.enable}")


def main() -> None:
    cli(prog_name="assistant")


if __name__ == "__main__":
    main()
