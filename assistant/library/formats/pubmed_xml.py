"""PubMed XML exports: Bio.Entrez with its bundled DTDs (never downloaded), ElementTree otherwise."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from assistant.library.formats.base import IngestError, Parsed, add_article, one_line

_ENTREZ_LOCK = threading.Lock()


@contextmanager
def entrez_offline_dtds() -> Iterator[None]:
    """Bio.Entrez parses with the DTDs it ships; a DTD it lacks fails at once, never downloads."""
    from Bio.Entrez import Parser

    def _refuse(url: Any, *a: Any, **kw: Any) -> Any:
        raise OSError(f"not downloading {url}: working offline")

    with _ENTREZ_LOCK:
        saved = Parser.urlopen
        Parser.urlopen = _refuse
        try:
            yield
        finally:
            Parser.urlopen = saved


def _strip_tags(s: Any) -> str:
    return one_line(re.sub(r"<[^>]+>", "", str(s or "")))


def _articles_entrez(data: bytes) -> list[dict[str, Any]]:
    from Bio import Entrez

    with entrez_offline_dtds():
        result = Entrez.read(io.BytesIO(data), validate=False)
    if not isinstance(result, dict) or "PubmedArticle" not in result:
        raise ValueError("not a PubmedArticleSet")
    out = []
    for art in result["PubmedArticle"]:
        mc = art.get("MedlineCitation", {})
        a = mc.get("Article", {})
        jour = a.get("Journal", {})
        issue = jour.get("JournalIssue", {})
        date = issue.get("PubDate", {})
        abstract = [
            (getattr(t, "attributes", {}).get("Label"), _strip_tags(t))
            for t in a.get("Abstract", {}).get("AbstractText", [])
        ]
        authors = []
        for au in a.get("AuthorList", []):
            if au.get("LastName"):
                authors.append(f"{au['LastName']} {au.get('Initials', '')}".strip())
            elif au.get("CollectiveName"):
                authors.append(_strip_tags(au["CollectiveName"]))
        ids = {
            getattr(x, "attributes", {}).get("IdType"): str(x)
            for x in art.get("PubmedData", {}).get("ArticleIdList", [])
        }
        eloc = {
            getattr(x, "attributes", {}).get("EIdType"): str(x) for x in a.get("ELocationID", [])
        }
        pag = a.get("Pagination", {})
        out.append(
            {
                "title": _strip_tags(a.get("ArticleTitle") or a.get("VernacularTitle")),
                "abstract": abstract,
                "authors": authors,
                "journal": str(jour.get("Title") or jour.get("ISOAbbreviation") or ""),
                "year": date.get("Year") or date.get("MedlineDate"),
                "volume": issue.get("Volume"),
                "pages": pag.get("MedlinePgn") if isinstance(pag, dict) else None,
                "pmid": str(mc.get("PMID") or ids.get("pubmed") or ""),
                "doi": ids.get("doi") or eloc.get("doi"),
                "pubtypes": [str(p) for p in a.get("PublicationTypeList", [])],
            }
        )
    return out


def _articles_etree(data: bytes) -> list[dict[str, Any]]:
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise IngestError(f"not well-formed XML ({exc})") from None
    if root.tag not in ("PubmedArticleSet", "PubmedArticle"):
        raise IngestError(
            f"an XML file must be a PubMed export (<PubmedArticleSet>); this one is <{root.tag}>"
        )
    arts = [root] if root.tag == "PubmedArticle" else root.findall("PubmedArticle")

    def txt(el: Any) -> str:
        return one_line("".join(el.itertext())) if el is not None else ""

    out = []
    for art in arts:
        a = art.find("MedlineCitation/Article")
        if a is None:
            a = ET.Element("Article")
        date = a.find("Journal/JournalIssue/PubDate")
        authors = []
        for au in a.findall("AuthorList/Author"):
            last = txt(au.find("LastName"))
            if last:
                authors.append(f"{last} {txt(au.find('Initials'))}".strip())
            elif au.find("CollectiveName") is not None:
                authors.append(txt(au.find("CollectiveName")))
        ids = {x.get("IdType"): txt(x) for x in art.findall("PubmedData/ArticleIdList/ArticleId")}
        eloc = {x.get("EIdType"): txt(x) for x in a.findall("ELocationID")}
        out.append(
            {
                "title": txt(a.find("ArticleTitle")) or txt(a.find("VernacularTitle")),
                "abstract": [(t.get("Label"), txt(t)) for t in a.findall("Abstract/AbstractText")],
                "authors": authors,
                "journal": txt(a.find("Journal/Title")) or txt(a.find("Journal/ISOAbbreviation")),
                "year": (txt(date.find("Year")) or txt(date.find("MedlineDate")))
                if date is not None
                else None,
                "volume": txt(a.find("Journal/JournalIssue/Volume")),
                "pages": txt(a.find("Pagination/MedlinePgn")),
                "pmid": txt(art.find("MedlineCitation/PMID")) or ids.get("pubmed"),
                "doi": ids.get("doi") or eloc.get("doi"),
                "pubtypes": [txt(p) for p in a.findall("PublicationTypeList/PublicationType")],
            }
        )
    return out


def parse_pubmed_xml(data: bytes, parsed: Parsed) -> None:
    """PubMed XML: Bio.Entrez with its bundled DTDs; ElementTree when the DTD is not bundled."""
    try:
        articles = _articles_entrez(data)
    except Exception:  # noqa: BLE001 - unknown DTD, no DTD, odd shape: the fallback decides
        articles = _articles_etree(data)
    if not articles:
        raise IngestError("the XML file holds no PubMed articles (<PubmedArticle>)")
    for n, art in enumerate(articles, start=1):
        abstract = "\n\n".join(
            f"{label.upper()}: {text}" if label else text for label, text in art["abstract"] if text
        )
        pmid = art.get("pmid")
        add_article(
            parsed,
            "PubMed export",
            title=art["title"],
            abstract=abstract,
            authors=art["authors"],
            journal=art["journal"],
            year=art["year"],
            volume=art["volume"],
            pages=art["pages"],
            pmid=pmid,
            doi=art["doi"],
            pubtypes=art["pubtypes"],
            where=f"article {n}" + (f" (PMID {pmid})" if pmid else ""),
        )
