"""`assistant check`: whose claim a sentence makes, and which source judges it (a claim the
document reports and corrects, a guideline's position set against the US label, a negated
finding, a clause saying an outcome did not move); each tested on sentences written here."""

from __future__ import annotations

from assistant.answering.check.checker import Checker
from assistant.answering.check.claims import Claim, extract_claims


class _Meta:
    def __init__(self) -> None:
        self.page, self.section = None, ""


class _Store:
    """The part of an index store that claim extraction reads: one document's chunks."""

    def __init__(self, *chunks: str) -> None:
        self.texts = list(chunks)
        self.metas = [_Meta() for _ in chunks]

    def record_positions(self, _doc: str) -> range:
        return range(len(self.texts))

    def catalog(self) -> tuple:
        return ()


def _checked(docs_assistant, *claims: Claim) -> list[Claim]:
    return Checker(docs_assistant.store, docs_assistant.embedder).check(list(claims))


def test_a_belief_corrected_in_the_same_sentence_is_not_the_claim() -> None:
    store = _Store(
        "My cousin thought epilepsy rules baclofen out, but her pharmacist explained that "
        "the US label lists only hypersensitivity as a contraindication."
    )
    texts = [c.text for c in extract_claims(store, "doc")]
    assert texts == ["The US label lists only hypersensitivity as a contraindication."]


def test_a_claim_the_next_sentence_calls_untrue_is_not_the_claim() -> None:
    store = _Store(
        "People online often say baclofen was approved for drinking in America years ago. "
        "That is wrong: the FDA approved it for spasticity only. "
        "Its half-life is 4 hours. That is not true for people on dialysis, though."
    )
    texts = [c.text for c in extract_claims(store, "doc")]
    assert not any(t.startswith("People online") for t in texts)
    assert "Its half-life is 4 hours." in texts  # "not true for ...": a limit, no rejection


def test_a_guideline_set_against_the_us_label_is_judged_by_the_guideline(docs_assistant) -> None:
    said = (
        "Australia's 2021 alcohol guideline is stricter than the US label and counts kidney "
        "failure as a contraindication."
    )
    (got,) = _checked(docs_assistant, Claim(said, None, "contraindication"))
    assert got.verdict == "supported", got
    assert {c.source_id for c in got.citations} == {"guideline_australia_2021"}


def test_a_negated_finding_is_not_supported_by_its_figures(docs_assistant) -> None:
    said = "Chaignot's cohort saw no excess deaths in people taking 180 mg a day or more."
    (got,) = _checked(docs_assistant, Claim(said, None, "trial-result"))
    assert got.verdict != "supported", got


def test_an_outcome_said_not_to_move_agrees_with_a_null_result(docs_assistant) -> None:
    agrees = (
        "Cochrane's 2023 review says baclofen probably lowers the risk of relapse, whereas it "
        "probably does not reduce heavy drinking days."
    )
    wrong = "Cochrane's 2023 review says baclofen reduces heavy drinking days."
    got = _checked(
        docs_assistant, Claim(agrees, None, "trial-result"), Claim(wrong, None, "trial-result")
    )
    assert got[0].verdict != "contradicted", got[0]
    assert got[1].verdict == "contradicted", got[1]


def test_a_view_someone_is_said_to_hold_and_waved_off_is_not_the_claim() -> None:
    store = _Store(
        "Q: Our neighbour told us the tablets can be stopped any day without tapering. "
        "A: No, the dose has to come down slowly. "
        "The leaflet says stopping suddenly can cause seizures. Half-life is about 4 hours."
    )
    texts = [c.text for c in extract_claims(store, "doc")]
    assert not any("neighbour" in t for t in texts), texts
    # a source the writer reports without waving it off stays a claim
    kept = _Store("The leaflet says stopping suddenly can cause seizures. It is a GABA-B agonist.")
    assert any("leaflet" in c.text for c in extract_claims(kept, "doc"))


def test_a_view_someone_is_said_to_hold_and_doubted_next_is_not_the_claim() -> None:
    """A chat export with bracketed times ("[09:14] USER:"): a user's reported view doubted in
    the reply ("Your aunt is not quite right.") is not the document's claim; the reply's own
    sentences are read without their time and sender."""
    store = _Store(
        "[09:14] USER: what is it for? my aunt says it was first made for stomach ulcers "
        "[09:15] BOT: Thanks for asking. Your aunt is not quite right. Baclofen was designed for "
        "epilepsy and later approved for spasticity."
    )
    texts = [c.text for c in extract_claims(store, "doc")]
    assert not any("aunt says" in t for t in texts), texts
    assert "Baclofen was designed for epilepsy and later approved for spasticity." in texts, texts
    # a view reported and left standing stays a claim
    kept = _Store("[09:14] USER: my aunt says it was first made for stomach ulcers. Cool.")
    assert any("aunt says" in c.text for c in extract_claims(kept, "doc"))


def test_each_line_of_captions_is_read_on_its_own() -> None:
    """Auto-captions ("[00:05:25] and the half life is long ..."): no full stops, one line per
    time; each line is a claim of its own, without its time or speaker mark (">>")."""
    store = _Store(
        "[00:05:04] for oral bioavailability a small crossover study came out at seventy four "
        "percent\n[00:05:25] and the half life is long think fifteen to twenty hours\n"
        "[00:05:44] >> so kidney function isn't really a worry with this drug"
    )
    texts = [c.text for c in extract_claims(store, "doc")]
    assert "and the half life is long think fifteen to twenty hours" in texts, texts
    assert not any("[00:" in t or t.startswith(">>") for t in texts), texts
    assert not any("seventy four" in t and "half life" in t for t in texts), texts


def test_a_share_of_a_study_is_not_compared_with_a_share_of_something_else() -> None:
    from assistant.answering.check.differences import share_conflict

    claim = "Smith's open pilot (2003) enrolled eight women, and five of the seven completers stayed dry."
    assert (
        share_conflict(claim, "The Smith 2003 open pilot was unblinded: every woman knew her dose.")
        is None
    )
    assert share_conflict(
        "Nearly all women in Smith's pilot stayed dry.",
        "Fewer than half of the women in the Smith pilot stayed dry.",
    )
