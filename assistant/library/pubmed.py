"""PubMed online (opt-in, needs the internet): search and save articles for ``assistant ingest``.

The only code in the project that connects to the internet; it runs only when asked
(``assistant fetch-pubmed --online``) and fails fast when the machine is offline.
"""

from __future__ import annotations

import io
import os
import socket
import threading
import time
from pathlib import Path

from assistant.library.formats.base import IngestError, one_line, slugify
from assistant.library.formats.pubmed_xml import entrez_offline_dtds
from assistant.settings import Settings


class OfflineError(IngestError):
    """PubMed cannot be reached (this machine is offline, or NCBI did not answer in time)."""


EUTILS_HOST = "eutils.ncbi.nlm.nih.gov"


def check_online(host: str = EUTILS_HOST, port: int = 443, timeout: float = 5.0) -> None:
    """Fail fast (within ``timeout``) with OfflineError when ``host`` cannot be reached."""
    result: dict[str, BaseException | None] = {}

    def probe() -> None:
        try:
            socket.create_connection((host, port), timeout=timeout).close()
            result["error"] = None
        except BaseException as exc:  # noqa: BLE001
            result["error"] = exc

    t = threading.Thread(target=probe, daemon=True)
    t.start()
    t.join(timeout + 0.5)
    err = result.get("error", TimeoutError(f"no answer within {timeout:g} s"))
    if err is not None:
        raise OfflineError(
            f"Cannot reach PubMed ({host}): this machine looks offline ({err}). On a connected "
            "machine, search PubMed, choose Save > Format: PubMed, then run "
            "`assistant ingest FILE` here."
        )


def fetch_pubmed(
    settings: Settings,
    query: str,
    max_results: int = 20,
    email: str | None = None,
    timeout: float = 10.0,
) -> Path:
    """Search PubMed and save the articles as a PubMed XML file under <index_dir>/downloads/.

    Needs the internet; raises :class:`OfflineError` quickly when PubMed cannot be reached.
    """
    query = one_line(query)
    if not query:
        raise IngestError('Give a PubMed query, e.g. "baclofen craving".')
    if not 1 <= max_results <= 500:
        raise IngestError("--max must be between 1 and 500")
    check_online(timeout=min(timeout, 5.0))
    import urllib.error

    from Bio import Entrez

    Entrez.tool = "baclofen-assistant"
    Entrez.email = email or os.environ.get("ASSISTANT_ENTREZ_EMAIL") or None
    Entrez.max_tries = 1
    old_timeout = socket.getdefaulttimeout()
    socket.setdefaulttimeout(timeout)
    try:
        with Entrez.esearch(db="pubmed", term=query, retmax=max_results) as h:
            raw = h.read()
        with entrez_offline_dtds():
            found = Entrez.read(io.BytesIO(raw), validate=False)
        ids = list(found.get("IdList", []))
        if not ids:
            raise IngestError(f"PubMed found no articles for {query!r}.")
        with Entrez.efetch(db="pubmed", id=",".join(ids), rettype="xml", retmode="xml") as h:
            data = h.read()
    except (OSError, urllib.error.URLError, RuntimeError) as exc:
        raise OfflineError(f"PubMed did not answer ({type(exc).__name__}: {exc}).") from None
    finally:
        socket.setdefaulttimeout(old_timeout)
    out_dir = settings.index_dir / "downloads"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"pubmed-{slugify(query, 40)}-{time.strftime('%Y%m%d-%H%M%S')}.xml"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path
