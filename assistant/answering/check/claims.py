"""A user's document as checkable claims (``assistant check``); the fact sheet they are checked
against first is :mod:`.fact_sheet`.

A claim is a sentence of the document, or a list item with the sentence that introduces it, that
states something about baclofen in a checkable topic (contraindications, withdrawal, overdose,
elimination, regulation, dose, a trial's result, origin, mechanism, interactions, pregnancy,
adverse effects). Sentences that ask, or that report a view in order to reject it, are not claims.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from assistant.answer import Citation
from assistant.answering.check.agreement import named_studies, study_clauses
from assistant.answering.check.fact_sheet import NEGATION, fact_verdict, load_facts
from assistant.answering.check.lines import (
    CHAT_LINE,
    CHAT_PREFIX,
    LABELLED_LINE,
    NEXT_LABEL,
    QUOTED_LINE,
    TABLE_ROW,
    heading_lines,
    item_lines,
    table_rows,
    with_leaders,
)
from assistant.answering.check.stance import (
    BELIEVED,
    CORRECTED,
    DOUBTED,
    RATED_HEADING,
    REBUTTAL,
    REJECTED,
    REPORTED,
    WAVED_OFF,
)
from assistant.answering.compose.sentence_kinds import APPROVED, NOT_APPROVED
from assistant.answering.question.entities import find_countries, find_jurisdictions
from assistant.library.chunks import paragraph_spans, split_sentences, tokenize
from assistant.library.records import RecordInfo
from assistant.vocab import VERDICT_KEYS, interaction_classes

# What makes a sentence a checkable claim, by topic (first match names the topic).
TOPICS: dict[str, re.Pattern[str]] = {
    k: re.compile(v, re.I)
    for k, v in {
        "contraindication": r"contra.?indicat|must not (?:take|use)|should not (?:take|use)"
        r"|(?:must|should) never be (?:taken|used|given)|never (?:take|use|give)\b"
        r"|can'?t take|cannot take|not be (?:used|taken|given)|rules? (?:\w+ )?out|ruled out|off.?limits"
        r"|\binto (?:a|the) (?:vein|muscle)\b|\bintravenous\w*|\bintramuscular\w*",
        "withdrawal": r"\b(?:stop\w*|quit\w*|discontinu\w*)\b.*\b(?:abrupt\w*|sudden\w*|cold turkey)"
        r"|\b(?:just|simply)\s+(?:stop|quit)\b"
        r"|\bwithdrawal\b|\btaper\w*|\b(?:effects?|symptoms?|signs?) of (?:stopping|coming off)\b"
        r"|\binterrupt\w*",
        "overdose": r"overdos\w*|poison\w*|toxicity|toxicolog\w*|post.?mortem|\bdeaths?\b|\bdied\b"
        r"|\bantidotes?\b",
        "elimination": r"\bliver\b|\bkidney\w*|\brenal\b|excret\w*|metaboli[sz]\w*|eliminat\w*"
        r"|cleared|half.?life|dialysis|absor\w*|bioavailab\w*|bloodstream|into the blood\b"
        r"|cerebrospinal|spinal fluid|fluid (?:around|surrounding) the (?:brain|spinal)",
        "regulation": r"approv\w*|authori[sz]\w*|licen[sc]\w*|\bfda\b|\bansm\b|\btga\b|\bnice\b"
        r"|\bema\b|off.?label|\brtu\b|baclocur|guideline\w*|recommend\w*|regulator\w*|banned"
        r"|withdrawn from|on the market|marketed|conseil|court|first.?line|prescri\w*"
        r"|product information|health authority|(?-i:\bHAS\b)|endors\w*",
        "dose": r"\b\d+ ?mg\b|\bdose\w*|\bdosage\b|\bceiling\b|\bcapped\b"
        r"|\b(?:per|a|each) (?:millilit\w*|ml)\b|\bconcentrat\w*",  # a liquid's strength
        "trial-result": r"\btrials?\b|\bstud(?:y|ies)\b|\breview\b|meta.?analys\w*|randomi[sz]\w*"
        r"|\bcochrane\b|\bpooled\b|\bheavy drinking days\b"
        r"|placebo|\b\d+(?:\.\d+)? ?%|success rate|\bpatients\b|\bparticipants\b|\bcrav\w*"
        r"|\beffective\w*|\bproven\b|\bshown to\b|\bhelps? (?:\w+ )?(?:quit|stop|cut)|\brelaps\w*"
        r"|\babstinen\w*|\b(?:reduc|cut|lower|curb)\w* (?:\w+ ){0,2}(?:use|craving|consumption)\b"
        r"|\bparticipants?\b|\bdiar(?:y|ies)\b|\bdrop(?:ped)? ?out|\bcomplet\w*|\bintrathecal\b"
        r"|\bepidural\b|\bseries\b|\b(?:baclofen|placebo|treatment|control) (?:group|arm)s?\b",
        "origin": r"original\w*|first (?:synthesi\w*|developed|made|used|approved)|invent\w*"
        r"|discover\w*|\b19[4-9]\d(?:s)?\b|neuroprotect\w*|histor\w*|dreamt? up|conceived",
        "mechanism": r"\bgaba\w*|receptor\w*|agonist|antagonist|dopamin\w*|neurotransmit\w*",
        "interaction": r"\balcohol\b|\bopioid\w*|sedat\w*|\bcombin\w*|\bmix\w*|benzodiazepin\w*"
        r"|\binteract\w*",
        "pregnancy": r"pregnan\w*|breast\w*|\bmilk\b|newborn\w*|lactat\w*|birth defects?"
        r"|malformation\w*|omphalocel\w*|placent\w*|\bf(?:o)?etus\b|\bf(?:o)?etal\b",
        "adverse-effects": r"side.?effects?|adverse|drowsi\w*|dizz\w*|sleepi\w*|encephalopath\w*",
    }.items()
}
# a question, or a parliamentary written question ("To ask the Secretary of State what ...")
_QUESTION = re.compile(r"\?\s*$|^\W*to ask (?:the|his|her|my) ", re.I)
# the document's own study, planned ("participants will be randomised ..."), and a form's header
# lines ("Full title: ...", "Sponsor: ..."): what the document is, not a claim about the sources
_OWN_PLAN = re.compile(
    r"\b(?:will be (?:randomi[sz]ed|recruited|allocated|enrolled|followed up|followed|offered"
    r"|assessed|screened)|we (?:will|plan to|propose to|intend to) (?:recruit|randomi[sz]e|enrol"
    r"|allocate|follow|assess|measure|screen))\b"
    r"|^\W*(?:full title|short title|chief investigator|sponsor|iras id|protocol (?:number|version))"
    r"\s*:",
    re.I,
)


@dataclass
class Claim:
    text: str
    page: int | None
    topic: str
    verdict: str = "not-covered"
    explanation: str = ""
    citations: list[Citation] = field(default_factory=list)
    context: str = ""  # the sentence that introduces a list item
    section: str = ""  # the heading the claim sits under ("Australia: warnings ...")
    condition: str = ""  # a contraindication claim: the table's condition it names

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "page": self.page,
            "topic": self.topic,
            "verdict": self.verdict,
            "explanation": self.explanation,
            "citations": [c.to_json() for c in self.citations],
        }


@dataclass
class CheckReport:
    document: RecordInfo
    claims: list[Claim]

    def to_json(self) -> dict[str, Any]:
        return {
            "document": {"id": self.document.id, "title": self.document.title},
            "claims": [c.to_json() for c in self.claims],
        }

    def counts(self) -> dict[str, int]:
        return {v: sum(c.verdict == v for c in self.claims) for v in VERDICT_KEYS}


# --------------------------------------------------------------------------- claims


def topics_of(text: str) -> set[str]:
    """Every checkable topic a sentence touches (a claim supported on one topic must not carry
    an unchecked second one: "a GABA-B agonist first approved for epilepsy")."""
    return {topic for topic, rx in TOPICS.items() if rx.search(text)}


def topic_of(text: str) -> str | None:
    for topic, rx in TOPICS.items():
        if rx.search(text):
            return topic
    return None


def extract_claims(store: Any, document_id: str) -> list[Claim]:
    """The document's checkable claims, in order: sentences with a checkable topic, and each
    item of a list together with the sentence that introduces it."""
    claims: list[Claim] = []
    previous = ""  # the last sentence, for claims that lean on it ("That review also found ...")
    last = ""  # the last sentence alone
    lead = ""  # the sentence introducing a list (kept across chunks: a list may start a chunk)
    asked = ""  # a flashcard's question, for the answer line after it
    cited, cited_left = "", 0  # a bibliography entry's citation, for the note after it
    # a question the text asks (a quiz host's, an interviewer's) with the paragraph leading to
    # it, for the lines of the next two paragraphs that answer it ("Our card says three.")
    quiz, quiz_left, quiz_block, paragraph = "", 0, None, []
    seen_headings: set[str] = set()
    studies = [r for r in store.catalog() if not r.user]
    read: list[tuple[str, int, int]] = []  # the sentences read so far, with chunk and block
    for pos in store.record_positions(document_id):
        text = store.texts[pos]
        page = store.metas[pos].page
        blocks = paragraph_spans(text)
        parts = with_leaders(
            [
                (piece, next((i for i, (a, b) in enumerate(blocks) if a <= s < b), -1))
                for s, e in split_sentences(text)
                for message in CHAT_LINE.split(text[s:e].strip())  # a chat export's messages
                for part in LABELLED_LINE.split(
                    CHAT_PREFIX.sub("", message)
                )  # "Q: ... A: ..." cards
                for row in table_rows(part)
                for quoted in QUOTED_LINE.split(row)  # "> AFTER THE ANSWER: ...": a line of its own
                for headed in heading_lines(quoted)  # "DRUG INTERACTIONS:\n...": its own line too
                for line in item_lines(headed)  # "(a) ...\n(b) ...": one line an item
                for piece in (NEXT_LABEL.split(line) if _LABEL.match(line) else [line])
            ]
        )
        heading = store.metas[pos].section or ""
        if _LABEL.match(heading) and heading not in seen_headings:  # a card's answer line
            seen_headings.add(heading)  # read as the chunk's heading ("A: Category D, ...")
            parts.insert(0, (heading, -1))
        elif TABLE_ROW.match(heading) and heading not in seen_headings:  # an infobox row
            seen_headings.add(heading)  # taken for the chunk's heading: still a row
            parts.insert(0, (": ".join(c.strip() for c in heading.strip("| ").split("|")), -1))
        elif (rated := RATED_HEADING.match(heading)) and heading not in seen_headings:
            seen_headings.add(heading)  # a fact-check's claim: the document's own unless rated
            if not REBUTTAL.match(rated.group("rating") or ""):  # false ("Rating: FALSE")
                parts.insert(0, (rated.group("claim"), -1))
        item_head, item_block = "", -2  # the list item a following sentence may continue
        sizes = Counter(block for _, block in parts)
        new_block = None
        for i, (sent, block) in enumerate(parts):
            sent = sent.strip()
            if block != new_block:  # a paragraph starts: a citation, or the note after one
                new_block, paragraph = block, []
                quiz_left -= 1
                quiz = quiz if quiz_left > 0 else ""
                if sizes[block] <= 2 and CITATION.match(sent):
                    cited, cited_left = sent, 2
                else:
                    cited_left -= 1
                    cited = cited if cited_left > 0 else ""
            paragraph.append(sent)
            if (
                _QUESTION.search(sent)
                and len(" ".join(paragraph).split()) >= 8
                and not _GUESS.search(sent)  # "I think it was for epilepsy?": an answer
            ):
                quiz, quiz_left, quiz_block = " ".join(paragraph), 3, (pos, block)
            if sent[:2] in ("- ", "* ", "• ") and _QUIZ_OPTION.match(sent[2:].lstrip()):
                continue  # "- A. His epilepsy is a contraindication": a quiz's option
            if _WITHDRAWN.match(sent):
                continue
            label = _LABEL.match(sent)
            if label:
                sent = sent[label.end() :].strip()
                if label.group(1).lower() in ("q", "question"):
                    asked = sent  # the card's question: what its answer line is about
                    continue
            item = sent.startswith(("- ", "* ", "• "))
            if item:
                sent = sent[2:].strip()
            elif sent.endswith(":"):
                lead = sent
                continue
            else:
                lead = ""
            context = lead if item else (previous if LEANS.search(sent) else "")
            if item:
                item_head, item_block = sent, block
            elif not context and block == item_block and block >= 0:
                context = item_head  # "- **ALPADIR.** ... With 320 patients, ...": its study
            if label and label.group(1).lower() in ("a", "answer") and asked:
                context = asked
            elif quiz and not item and quiz_block != (pos, block) and _answer_only(sent):
                context = f"{quiz} {context}".strip()  # an answer read with its question
            if not item:  # a sentence leaning on one before is read with it ("... Rose and
                # Jones. I grant that this analysis found X. I concede it showed Y.")
                # (an aside of a few words, "But not nothing either!", keeps the one before)
                if len(sent.split()) <= 5 and not lead and previous:
                    previous = f"{previous} {sent}"
                else:
                    previous = f"{last} {sent}" if context and not lead else sent
                last = sent
            else:  # a list item's next sentence leans on the item ("- **Bacloville.** ... It ...")
                previous = last = sent
            believed = BELIEVED.match(sent)  # "I thought it was withdrawn in 2022?"
            if believed and _QUESTION.search(sent):
                sent = sent[believed.end() :].rstrip(" ?")
                sent = sent[:1].upper() + sent[1:] + "."
            if REJECTED.search(sent.replace("*", "")):
                # "X, so members should not assume Y": X is the document's, the advice after is not
                # (not "X; it doesn't": a view reported, then denied)
                head = re.split(r",\s*(?:so|and so|which means)\s", sent, maxsplit=1)[0]
                if head == sent or REJECTED.search(head.replace("*", "")):
                    continue
                sent = head.rstrip(" ,")  # (the document's own words, cut where the advice starts)
            if len(sent) < 12 or _QUESTION.search(sent) or _OWN_PLAN.search(sent):
                continue
            if (
                i + 1 < len(parts)
                and (
                    REBUTTAL.match(after := parts[i + 1][0].strip().replace("*", ""))
                    or (
                        REPORTED.search(sent)  # (waved off, or doubted in one of the next two,
                        and (  # or asked about: "My colleague insists X. Shouldn't that ...?")
                            WAVED_OFF.match(after)
                            or _QUESTION.search(after)
                            or any(DOUBTED.search(p) for p, _ in parts[i + 1 : i + 3])
                        )
                    )
                )
            ):
                continue  # "Some are told X." + "That is not true.": X is not the document's
            corrected = CORRECTED.search(sent)
            if corrected and len(sent) - corrected.end() >= 12:  # "..., but Y pointed out that Z"
                sent = sent[corrected.end() :]
                sent = sent[:1].upper() + sent[1:]
            section = store.metas[pos].section or ""
            topic = topic_of(f"{context} {sent}") or _decided_topic(sent, context)
            if topic is None and _PAIR.search(section) and interaction_classes(section):
                topic = "interaction"  # under "[A3] BACLOFEN x LITHIUM": "Giving the two ..."
            if topic is None:
                continue
            if any(c.text == sent for c in claims):
                continue
            if cited and cited != sent and not item and cited not in context:
                context = f"{cited} {context}".strip()  # "This Dutch trial ...": the entry's
            if _SAME_STUDY.search(sent) and not named_studies(f"{context} {sent}", studies):
                # "The same review found ..." two sentences after the one naming it: the
                # paragraph's (or the list's) last sentence that names a study
                naming = next(
                    (
                        earlier
                        for earlier, p, b in reversed(read)
                        if p == pos and (item or b == block) and named_studies(earlier, studies)
                    ),
                    "",
                )
                context = f"{naming} {context}".strip() if naming else context
            read.append((sent, pos, block))
            for said in study_clauses(sent, studies):  # one claim per study named in its clause
                claims.append(Claim(said, page, topic, context=context, section=section))
    return claims


# a speaker's or a line's label ("**HOST:**", "AFTER THE ANSWER:") and an answer's option ("B) ")
_SPEAKER = re.compile(r"^(?:\W*[A-Z][A-Z0-9 .'-]*:\W*\s*)+")
_OPTION = re.compile(r"^\(?[A-Ea-e]\)\s")
_QUIZ_OPTION = re.compile(r"\(?[A-Ea-e][.)]\s")  # ("- A. ...": offered, not asserted)


# a heading naming a pair of medicines, baclofen and another ("[A3] BACLOFEN x LITHIUM")
_PAIR = re.compile(r"\bbaclofen\b\s*(?:x|×|\+|/|and|with|plus|vs\.?)\s", re.I)


def _decided_topic(sent: str, context: str) -> str | None:
    """A sentence a curated fact decides is a claim, whatever its words ("His book ..., which
    came out in 2011, ..." names no topic word but the book's year)."""
    return next((f.topic for f in load_facts() if fact_verdict(f, sent, context)), None)


def _answer_only(sent: str) -> bool:
    """A line that answers a question without naming what it is about ("Our card says three,
    I'm afraid.", "Most of those deaths were accidental."): no name, no baclofen, no option."""
    said = _SPEAKER.sub("", sent)
    if _OPTION.match(said):
        return False
    if LEANS.search(said):
        return True
    rest = said.split(None, 1)[1] if len(said.split()) > 1 else ""
    return not re.search(r"\b[A-Z][a-z]{2,}|\b[A-Z]{2,}\b", rest) and not re.match(
        r"\W*baclofen\b", said, re.I
    )


_GUESS = re.compile(r"\b(?:i think|i believe|i guess|was it|is it|could it be)\b", re.I)
_LABEL = re.compile(
    r"^(Q|A|Question|Answer|Tip|Note|NB|Hint|Corrected|Correction|Corrected text|Insert"
    r"|Should read|Now reads|Amended|New text)\s?:\s+"
)
# an erratum's withdrawn text ("Printed: ...", then "Corrected: ..."): not what the document says
_WITHDRAWN = re.compile(
    r"^\W*(?:Printed|Original(?:ly printed)?|Original text|Incorrect(?: text)?|Erroneous text"
    r"|Old text|Was)\s?:\s+",
    re.I,
)


# An annotated bibliography's entry: a short paragraph that starts with its citation ("**Kahn and
# colleagues (2009).** Title.", "Liu and Wang (2019). Title."); the note under it is about that
# study, whether or not it names it ("One hundred smokers took ...")
CITATION = re.compile(
    r"^\*{0,2}[A-Z][\w'’-]+(?:(?:,\s*|\s+and\s+|\s*&\s*)[A-Z][\w'’-]+)*"
    r"(?:\s+(?:et al\.?|and (?:colleagues|co-?workers)))?,?\s*\((?:19|20)\d\d[a-z]?\)"
    r"(?:\.\*\*|\*\*\.?|\.)(?=\s|$)"
)


_SAME_STUDY = re.compile(
    r"\b(?:that|the same|this) (?:review|trial|study|meta-analysis|analysis|cohort|paper)\b", re.I
)
# A sentence that leans on the one before it: "That review also found ...", "They ...".
LEANS = re.compile(
    r"^(?:(?:according to|in the words of) [^,]{1,40},\s+|(?:in \d{4}|later|then|still|however"
    r"|at the time|by then|in the end|in total|overall),\s+)?"
    r"(?:it|they|this|that|these|those|the same|such|its|their|he|she)\b"
    r"|^same (?:review|trial|study|paper|analysis|meta-analysis|cohort|report)\b"  # "Same review:"
    r"|\b(?:that|this|the same) (?:review|trial|study|update|analysis|committee|guideline|ruling"
    r"|result|finding|paper|report|cohort|survey|meta-analysis|experiment|series|pilot|arm|group"
    r"|research|work|data"
    r"|period|decade)\b"
    r"|\b(?:those|these|the same) (?:deaths|cases|trials|studies|results|findings)\b"
    # the arms of the trial just named ("the baclofen group came off ... sooner", "patients on
    # baclofen ... than those on placebo")
    r"|\bthe (?:baclofen|placebo|high-dose|low-dose) (?:group|arm)s?\b"
    r"|^by (?:his|her|their) (?:own )?account\b"  # the person just named
    r"|\bthan (?:those|people|patients|the ones) (?:on|given|taking) (?:the )?placebo\b"
    # a share of the people or things just named ("Roughly a third of them ...")
    r"|^\W*(?:\w+\s+){0,3}?(?:of|among)\s+(?:them|those|these)\b(?!\s+(?:who|which|that|with)\b)"
    # a point conceded or granted: "I will even concede that it showed ..."
    r"|^(?:i|we)\b(?:\s+\w+){0,3}?\s+(?:concede|admit|grant|accept|acknowledge|agree)\w*"
    r"\s+(?:\w+\s+)?(?:that\s+)?(?:it|they|this|these)\b",
    re.I,
)


# ----------------------------------------------------------------------- does a sentence restate it

_STILL = re.compile(r"\b(?:still|remains?|currently|to this day|continues to)\b", re.I)
_LAPSED = re.compile(
    r"\b(?:until|lifted|ended|no longer|annulled|withdrawn|expired|came to an end|scrapped)\b", re.I
)
COMPARES = re.compile(
    r"\b(?:more|less|fewer|better|worse|greater|smaller|higher|lower|bigger) (?:\w+ )?than\b"
    r"|\boutperform\w*|\bbeat\b|\bahead of\b",
    re.I,
)


def restates(claim: str, sentence: str) -> bool:
    """Whether ``sentence`` can be quoted as saying what ``claim`` says: it names every country
    and jurisdiction the claim names, it does not say a state the claim calls current has
    lapsed ("still capped" / "capped until 2021"), it does not call off-label what the claim
    calls approved, and it holds at least half of the claim's content words."""
    if find_countries(claim) - find_countries(sentence):
        return False  # "a Belgian trial" is not supported by a Dutch one
    if set(find_jurisdictions(claim)) - set(find_jurisdictions(sentence)):
        return False
    if _STILL.search(claim) and _LAPSED.search(sentence):
        return False
    if (
        APPROVED.search(claim)
        and not NEGATION.search(claim)
        and NOT_APPROVED.search(sentence)
        and not re.search(r"\bspastic", claim, re.I)  # "approved only for spasticity" agrees
    ):
        return False
    if _TIMES_A_DAY.search(claim) and not _TIMES_A_DAY.search(sentence):
        return False  # "5 mg three times a day" is not "5 mg per day"
    words = set(tokenize(claim))
    return len(words & set(tokenize(sentence))) >= 0.5 * len(words)


_TIMES_A_DAY = re.compile(
    r"\b(?:twice|two times|three times|four times|2 times|3 times|4 times)\s+(?:a|per|each)\s+day\b"
    r"|\b(?:bd|bid|tds|tid|qds|qid)\b",
    re.I,
)
