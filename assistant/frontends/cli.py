"""The ``assistant`` command line. Every command calls the same core functions the app calls."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

import click

from assistant.answer import Answer, Filters
from assistant.answering.compose import backends
from assistant.answering.pipeline import QuestionError
from assistant.evaluation import run as evaluate
from assistant.frontends import cli_library
from assistant.frontends.cli_common import (
    chroma_url_option,
    ensure_index,
    fail,
    index_dir_option,
    load_assistant,
    say,
    settings_for,
)
from assistant.index.build import IndexBusy, build_index, load_library
from assistant.index.store import IndexError_, IndexStore
from assistant.library import contraindications as ci
from assistant.library.journal import recover_interrupted
from assistant.library.records import CorpusError
from assistant.vocab import (
    EVIDENCE_LABELS,
    EVIDENCE_TYPES,
    NOTICE,
    RESULT_LABELS,
    SUBSTANCES,
    USER_LABEL,
)


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
    settings = settings_for(index_dir)
    done = recover_interrupted(settings)
    if done:
        say(done)
    try:
        report = build_index(
            settings, rebuild=rebuild, progress=not quiet, on_phase=None if quiet else say
        )
    except (CorpusError, IndexBusy, IndexError_, OSError) as exc:
        fail(exc)
    click.echo(report.summary())


# --------------------------------------------------------------------------- ask


def read_batch(stream: TextIO) -> Iterator[tuple[int, str | None, list[Any], str | None]]:
    """(line number, question, history, error) per non-empty line: plain text, or JSON with
    ``"q"`` and an optional ``"history"`` (the conversation's earlier questions, oldest first, as
    text or ``{"q": ...}`` objects)."""
    for lineno, line in enumerate(stream, start=1):
        line = line.strip()
        if not line:
            continue
        if not line.startswith("{"):
            yield lineno, line, [], None
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, None, [], f"line {lineno}: not valid JSON ({exc.msg})"
            continue
        q = obj.get("q") if isinstance(obj, dict) else None
        if not isinstance(q, str):
            yield lineno, None, [], f'line {lineno}: a JSON line needs a "q" text field'
            continue
        history = obj.get("history", [])
        if not isinstance(history, list):
            yield lineno, None, [], f'line {lineno}: "history" must be a list of earlier questions'
            continue
        yield lineno, q, history, None


def parse_years(years: str | None) -> tuple[int | None, int | None]:
    """``2010-2020``, ``2015-``, ``-2012`` -> (from, to); a reversed range is refused."""
    if not years:
        return None, None
    try:
        a, _, b = years.strip().partition("-")
        y0 = int(a) if a.strip() else None
        y1 = int(b) if b.strip() else None
    except ValueError:
        raise click.BadParameter(
            "use YEAR-YEAR, e.g. 2010-2020, or 2015-", param_hint="--years"
        ) from None
    for y in (y0, y1):
        if y is not None and not 1900 <= y <= 2100:
            raise click.BadParameter(
                f"{y} is not a plausible year (1900-2100)", param_hint="--years"
            )
    if y0 is not None and y1 is not None and y0 > y1:
        raise click.BadParameter(
            f"the range {y0}-{y1} runs backwards; did you mean {y1}-{y0}?", param_hint="--years"
        )
    return y0, y1


def make_filters(
    evidence: tuple[str, ...], substance: tuple[str, ...], years: str | None
) -> Filters:
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
    y0, y1 = parse_years(years)
    return Filters(list(evidence), list(substance), y0, y1)


def format_answer(ans: Answer) -> str:
    """Human-readable answer: notices (emergency first), what was searched, the answer, the
    evidence table, numbered sources with their quotes."""
    out: list[str] = []
    for n in ans.notices:
        style = NOTICE[n.kind]
        mark = "!!" if style.role == "alert" else "*"
        out.append(textwrap.fill(f"{mark} {style.label}: {n.text}", 100, subsequent_indent="   "))
    if ans.searched or ans.note:
        out.append("")
    if ans.searched:
        out.append(textwrap.fill(f"Searched: {ans.searched}", 100, subsequent_indent="   "))
    if ans.note:
        out.append(textwrap.fill(ans.note, 100))
    out += ["", ans.answer]
    if ans.evidence_table:
        out += ["", "Evidence:"]
        for r in ans.evidence_table:
            n = f"{r.n:,}" if r.n else "n.r."
            row = f"  [{r.n_cite}] {r.study} | {r.design} | n={n}"
            row += f" | {r.dose}" if r.dose else ""
            row += f" | {RESULT_LABELS.get(r.result, r.result)}: {r.key_result}"
            out.append(textwrap.fill(row, 100, subsequent_indent="      "))
    if ans.citations:
        out += ["", "Sources:"]
    for c in ans.citations:
        ref = f"[{c.n}] {c.authors + ' ' if c.authors else ''}({c.year or 'n.d.'}). {c.title}."
        if c.journal:
            ref += f" {c.journal}."
        ids = " ".join(
            i for i in (f"PMID {c.pmid}" if c.pmid else "", f"doi:{c.doi}" if c.doi else "") if i
        )
        ref += f" {ids}" if ids else ""
        ref += f" [{EVIDENCE_LABELS.get(c.evidence, c.evidence)}]"
        ref += f" ({USER_LABEL})" if c.user else ""
        ref += f" p. {c.page}" if c.page else ""
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
    help="Questions from FILE ('-' = stdin): one per line, or JSON lines {\"q\": ..., "
    '"history": [...]} where history lists the conversation\'s earlier questions.',
)
@click.option(
    "--history",
    multiple=True,
    metavar="QUESTION",
    help="An earlier question of the conversation (repeatable, oldest first): the question is "
    "read as a follow-up to them.",
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
@click.option("--years", help="Year range, e.g. 2010-2020, 2015- or -2012.")
@index_dir_option
@chroma_url_option
def ask(
    question: str | None,
    as_json: bool,
    batch: TextIO | None,
    history: tuple[str, ...],
    evidence: tuple[str, ...],
    substance: tuple[str, ...],
    years: str | None,
    index_dir: Path | None,
) -> None:
    """Answer a question from the library, with numbered citations and safety notices.

    The answer opens with its bottom line; efficacy questions get an evidence table (one row per
    study). Questions in French, Spanish, German or Italian are answered in English. --json
    prints the public schema, with the question's plan (intent, entities, language, the
    standalone question searched) and, for efficacy answers, "evidence_table".

    \b
    Examples:
      assistant ask "Does baclofen reduce alcohol craving?"
      assistant ask --json "What is the maximum dose on the US label?"
      assistant ask --evidence rct --substance alcohol "Which trials were negative?"
      assistant ask --history "What did the Dutch high-dose trial find?" "How many reached 150 mg?"
      printf '{"q": "What did ALPADIR find?"}\\n{"q": "and the side effects?", "history": ["What did ALPADIR find?"]}\\n' \\
        | assistant ask --json --batch -

    With --batch, prints one JSON object per input line, in order (the model loads once); a line
    that cannot be read gives {"line": N, "error": "..."}.
    """
    if batch is None and not question:
        raise click.UsageError(
            'Give a QUESTION, e.g. assistant ask "Does baclofen reduce craving?", or --batch FILE.'
        )
    if batch is not None and question:
        raise click.UsageError("Give either a QUESTION or --batch, not both.")
    if batch is not None and not as_json:
        raise click.UsageError("--batch prints JSON lines: add --json.")
    filters = make_filters(evidence, substance, years)
    settings = settings_for(index_dir)
    try:
        assistant = load_assistant(settings, quiet=as_json)
    except Exception as exc:  # noqa: BLE001 - shown as a clear message, not a trace
        fail(exc)
    if batch is not None:
        for lineno, q, earlier, error in read_batch(batch):
            if error is None:
                try:
                    obj = assistant.ask(q, filters, history=earlier).to_json()  # type: ignore[arg-type]
                except QuestionError as exc:
                    obj = {"line": lineno, "error": str(exc)}
            else:
                obj = {"line": lineno, "error": error}
            click.echo(json.dumps(obj, ensure_ascii=False))
            sys.stdout.flush()
        return
    try:
        ans = assistant.ask(question, filters, history=list(history))  # type: ignore[arg-type]
    except QuestionError as exc:
        fail(exc)
    if as_json:
        click.echo(json.dumps(ans.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_answer(ans))


# --------------------------------------------------------------------------- sources


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@index_dir_option
@chroma_url_option
def sources(as_json: bool, index_dir: Path | None) -> None:
    """List the records in the index: id, year, evidence type, title ("your library" for your
    documents). A library file that cannot be read is reported and left out.

    \b
    Examples:
      assistant sources
      assistant sources | grep "your library"
      assistant sources --json
    """
    settings = settings_for(index_dir)
    _, problems = load_library(settings)
    for p in problems:
        say(f"warning: {p}")
    try:
        ensure_index(settings, quiet=as_json)
        store = IndexStore(settings)
    except (IndexError_, IndexBusy, CorpusError, OSError) as exc:
        fail(exc)
    rows = sorted(store.catalog(), key=lambda r: (r.user, r.evidence, r.id))
    for r in rows:
        if as_json:
            d = {
                "id": r.id,
                "year": r.year,
                "evidence": r.evidence,
                "title": r.title,
                "user": r.user,
            }
            if r.claimed_evidence:
                d["claimed_evidence"] = r.claimed_evidence
            click.echo(json.dumps(d, ensure_ascii=False))
        else:
            user = f" ({USER_LABEL})" if r.user else ""
            click.echo(
                f"{r.id:32.32} {r.year or 'n.d.'!s:>5}  {r.evidence:17} {r.title[:80]}{user}"
            )
    if not as_json:
        counts = store.counts()
        say(f"{counts['records']} records ({counts['user']} in your library).")


# --------------------------------------------------------------------------- serve


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
    from assistant.frontends.ui import launch  # imports Gradio (seconds): only for this command

    settings = settings_for(index_dir)
    try:
        ensure_index(settings)
    except Exception as exc:  # noqa: BLE001
        fail(exc)
    creds = None
    if auth:
        user, _, pw = auth.partition(":")
        if not user or not pw:
            raise click.BadParameter("use USER:PASSWORD", param_hint="--auth")
        creds = (user, pw)
    try:
        launch(settings, host=host, port=port, share=share, auth=creds)
    except IndexError_ as exc:  # damaged in a way only loading shows: a message, no trace
        fail(exc)


for _command in cli_library.COMMANDS:
    cli.add_command(_command)


# --------------------------------------------------------------------------- lookup and eval


@cli.command()
@click.argument("condition", required=False, default="")
@click.option("--json", "as_json", is_flag=True, help="Print the matching rows as JSON.")
def contraindications(condition: str, as_json: bool) -> None:
    """Look up what the US label, guidelines and studies say for a condition.

    Without CONDITION, prints the whole table. Matching is forgiving: synonyms, typos and
    common words in other languages ("grossesse", "riñón") work. The label status is one of
    contraindicated / warning / precaution / not addressed; the US labels of oral baclofen list
    hypersensitivity as the only contraindication.

    \b
    Examples:
      assistant contraindications
      assistant contraindications epilepsy
      assistant contraindications "kidney failure"
      assistant contraindications --json benzodiazepines
    """
    if len(condition) > ci.MAX_QUERY_CHARS:
        fail(
            f"The condition is {len(condition):,} characters long; the limit is {ci.MAX_QUERY_CHARS}."
        )
    try:
        rows = ci.lookup(condition)
    except ci.ContraindicationError as exc:
        fail(exc)
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
@click.option(
    "--answers-out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write every question with its answer (Markdown), e.g. for grading.",
)
@index_dir_option
def eval_cmd(
    questions: Path | None,
    methods: str,
    json_out: Path | None,
    answers_out: Path | None,
    index_dir: Path | None,
) -> None:
    """Measure answer quality on the question set.

    Prints tables (and JSON with --json-out): retrieval recall@1/@5 and MRR per method (BM25,
    dense, hybrid); the answers' form (bottom line in the first sentence, repeated facts,
    sentences about the library, off-topic sentences, other-medicine declines); notices
    (precision and recall per kind); the planner (intent and entity accuracy); conversation
    turns and non-English questions; citation validity, key facts and abstention.

    \b
    Examples:
      assistant eval
      assistant eval --methods hybrid --json-out eval-report.json --answers-out answers.md
    """
    settings = settings_for(index_dir)
    try:
        qs = evaluate.load_questions(questions or evaluate.DEFAULT_QUESTIONS)
        assistant = load_assistant(settings)
    except Exception as exc:  # noqa: BLE001
        fail(exc)
    wanted = tuple(m.strip() for m in methods.split(",") if m.strip())
    report = evaluate.run_eval(assistant, qs, methods=wanted)
    click.echo(evaluate.format_report(report))
    if json_out:
        json_out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        say(f"Report written to {json_out}")
    if answers_out:
        answers_out.write_text(evaluate.answers_markdown(report))
        say(f"Answers written to {answers_out}")


@cli.command(name="backends")
@click.option("--json", "as_json", is_flag=True, help="Print the registry as JSON.")
def backends_cmd(as_json: bool) -> None:
    """List the optional language-model backends and whether each is usable here.

    Answers are extractive (no LLM) unless ASSISTANT_LLM names a backend, e.g.
    ASSISTANT_LLM=ollama:llama3.2, ASSISTANT_LLM=openai:MODEL (with OPENAI_BASE_URL for LM
    Studio, vLLM or a llama.cpp server) or ASSISTANT_LLM=smollm2. The model gets the question's
    plan and the passages retrieved; every sentence it writes must cite one and be supported by
    it, or it is dropped (too little left: the extractive answer, with a note). Safety notices
    never come from the model. If the backend cannot be reached, answers say so and fall back to
    the extractive answer.

    \b
    Examples:
      assistant backends
      assistant backends --json
      ASSISTANT_LLM=ollama:llama3.2 assistant ask "Does baclofen reduce alcohol craving?"
      OPENAI_BASE_URL=http://127.0.0.1:1234/v1 OPENAI_API_KEY=local \\
        ASSISTANT_LLM=openai:qwen2.5-7b-instruct assistant serve
    """
    infos = backends.available_backends()
    if as_json:
        click.echo(
            json.dumps(
                {"selected": backends.configured_spec(), "backends": [asdict(i) for i in infos]},
                indent=2,
            )
        )
        return
    click.echo(
        f"ASSISTANT_LLM={backends.configured_spec() or '(empty: extractive answers, no LLM)'}"
    )
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
