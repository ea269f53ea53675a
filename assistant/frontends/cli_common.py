"""What every ``assistant`` command shares: settings (with one-line errors), the common options,
messages, and loading the index and the assistant."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click
from pydantic import ValidationError

from assistant.answering.pipeline import Assistant
from assistant.index.build import build_index, index_status
from assistant.library.journal import library_busy, recover_interrupted
from assistant.settings import Settings


def settings_from_env() -> Settings:
    """Settings from ``ASSISTANT_*`` variables; a malformed one is one clear line, not a trace."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = []
        for e in exc.errors():
            name = "ASSISTANT_" + "_".join(str(p) for p in e["loc"]).upper()
            value = e.get("input")
            problems.append(f"{name}={value!r}: {e['msg']}")
        raise click.ClickException("Invalid setting: " + "; ".join(problems)) from None


def settings_for(index_dir: Path | None) -> Settings:
    s = settings_from_env()
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


def say(msg: str) -> None:
    """A message for the person at the terminal (stderr: stdout stays for results)."""
    click.echo(msg, err=True)


def fail(exc: BaseException | str) -> NoReturn:
    raise click.ClickException(str(exc)) from None


def ensure_index(settings: Settings, quiet: bool = False) -> None:
    """Build or update the index when it is missing, stale or damaged. What it does is always
    said on stderr (``quiet`` only drops the progress bars): an interrupted ingest finished
    first, a rebuild and why."""
    done = recover_interrupted(settings)
    if done:
        say(done)
    status = index_status(settings)
    if status.state == "ready":
        return
    if status.state == "stale" and status.generation is not None and library_busy(settings):
        say("An ingest or remove is running on this index: answering from the index as it was.")
        return
    say(f"{status.detail} Updating the index before going on ...")
    report = build_index(
        settings,
        rebuild=status.state == "damaged",
        progress=not quiet,
        on_phase=None if quiet else say,
    )
    say(report.summary())


def load_assistant(settings: Settings, quiet: bool = False) -> Assistant:
    ensure_index(settings, quiet=quiet)
    return Assistant.load(settings)
