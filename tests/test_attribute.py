"""Speaker resolution on small hand-made articles."""

import pytest

from compare import attribute as attribute_module
from compare import ingest, quotes, segment
from compare.attribute import MAX_CUES_PER_STATEMENT, Cue, Registry, attribute, nearest_cues
from compare.records import Statement


def speakers_of(text: str) -> list[tuple[str, str, str]]:
    article = ingest.parse(text)
    sentences = segment.sentences(article)
    statements, _, _ = attribute(article, sentences, quotes.extract(article, sentences))
    return [(s.text, s.speaker, s.resolved_by) for s in statements]


_FIDAN = ("Talks end\n\nTurkish Foreign Minister Hakan Fidan met Greek Foreign Minister Giorgos Gerapetritis."
          "\n\n“We are ready,” Gerapetritis said.\n\n")

_COOPER = ("Talks end\n\nMrs Yvette Cooper met Norwegian Foreign Minister Espen Barth Eide.\n\n"
           "“We are ready,” Mr Barth Eide said.\n\n")

CASES = [
    # (article, quoted text, expected speaker, how)
    ("Talks end\n\nForeign Minister Wang Yi met reporters.\n\n“We want stability,” Wang said.",
     "We want stability,", "Wang Yi", "name"),
    ("Talks end\n\n“We want stability,” said Chinese Foreign Minister Wang Yi.",
     "We want stability,", "Wang Yi", "name"),
    ("Talks end\n\nMatthew Miller, the State Department spokesman, said the talks were useful.",
     "Matthew Miller, the State Department spokesman, said the talks were useful.",
     "Matthew Miller", "name"),
    ("Talks end\n\nIsraeli Defense Minister Yoav Gallant arrived on Monday.\n\n"
     "“We are ready,” the defense minister said.", "We are ready,", "Yoav Gallant", "role"),
    ("Talks end\n\nIsraeli Defense Minister Yoav Gallant spoke first.\n\n"
     "Gallant said the army was ready.\n\n“We will win,” he said.", "We will win,", "Yoav Gallant",
     "pronoun"),
    ("Talks end\n\nGallant said the army was ready. “We will win.”", "We will win.", "Gallant",
     "continuation"),
    ("Talks end\n\nThe two leaders discussed trade and security.",
     "The two leaders discussed trade and security.", "joint", "joint"),
    ("Talks end\n\nThe two sides agreed to meet again, according to the Kremlin.",
     "The two sides agreed to meet again, according to the Kremlin.", "joint", "joint"),
    ("Talks end\n\nThe visit was productive, according to a U.S. readout.",
     "The visit was productive, according to a U.S. readout.", "U.S. readout", "source"),
    ("Talks end\n\nThe Pentagon said in a statement that strikes would continue.",
     "The Pentagon said in a statement that strikes would continue.", "Pentagon", "source"),
    # A quotation of several sentences takes the cue after its closing mark, or before its opening.
    (_FIDAN + "“We want peace. We want it now,” Fidan said.", "We want peace. We want it now,",
     "Hakan Fidan", "name"),
    (_FIDAN + "Fidan said: “We want peace. We want it now.”", "We want peace. We want it now.",
     "Hakan Fidan", "name"),
    # Negative: a quotation of several sentences with no cue of its own still continues.
    (_FIDAN + "“We want peace. We want it now.” The talks ended.", "We want peace. We want it now.",
     "Giorgos Gerapetritis", "continuation"),
    # A quotation with its own cue whose subject is no known speaker is unknown, not a continuation.
    (_FIDAN + "“Shalom,” someone in the crowd said.", "Shalom,", "unknown", "none"),
    (_FIDAN + "A man in the crowd said: “Shalom.”", "Shalom.", "man in the crowd", "source"),
    # Negative: a subject that points back ("the statement said") still continues its source.
    (_FIDAN + "“Shalom,” the statement said.", "Shalom,", "Giorgos Gerapetritis", "continuation"),
    # A pronoun stands for the person last mentioned (previous sentence), not the last speaker...
    (_FIDAN + "To his credit, Fidan did not fold. “We stay,” he told reporters.", "We stay,", "Hakan Fidan",
     "pronoun"),
    # ... unless that person's known gender clashes with it (Mrs/Mr next to the names).
    (_COOPER + "Mrs Cooper spoke next.\n\n“We agree,” he said.", "We agree,", "Espen Barth Eide", "pronoun"),
    (_COOPER + "Mrs Cooper spoke next.\n\n“We agree,” she said.", "We agree,", "Yvette Cooper", "pronoun"),
    # Negative: with no one mentioned since, the pronoun keeps to the last speaker.
    (_FIDAN + "The talks ended.\n\n“We stay,” he said.", "We stay,", "Giorgos Gerapetritis", "pronoun"),
    # Readout verbs and plural subjects of a two-party story: joint.
    (_FIDAN + "The two leaders committed to deepen cooperation.", "The two leaders committed to deepen cooperation.",
     "joint", "joint"),
    (_FIDAN + "The ministers also said they would meet again.", "The ministers also said they would meet again.",
     "joint", "joint"),
    (_FIDAN + "The foreign ministers agreed to meet again.", "The foreign ministers agreed to meet again.",
     "joint", "joint"),
    # Negative: one named minister is no joint subject; "repeated" is his statement, and a trailing
    # clause about others ("a formula Athens and Nicosia reject") does not take it over.
    # A photo caption of sentences is no Title Case headline: the roles it gives are learned.
    ("Talks end\n\nForeign Secretary Yvette Cooper at the Port of Aberdeen on Thursday. Picture: Graeme Moir\n\n"
     "“We are ready,” the Foreign Secretary said.", "We are ready,", "Yvette Cooper", "role"),
    (_FIDAN + "Fidan repeated Ankara's position, a formula Athens and Nicosia reject.",
     "Fidan repeated Ankara's position, a formula Athens and Nicosia reject.", "Hakan Fidan", "name"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "how"), CASES)
def test_speaker(text, quote, speaker, how):
    found = {t: (s, h) for t, s, h in speakers_of(text)}
    assert quote in found
    assert found[quote][0] == speaker
    assert found[quote][1] == how


def test_narrative_sentence_has_no_statement():
    assert speakers_of("Talks end\n\nGallant was also scheduled to meet Hochstein.") == []


def test_so_called_is_not_a_cue():
    assert speakers_of("Talks end\n\nThe so-called peace plan stalled in the summer.") == []


def test_readout_attributable_speaker():
    text = ("Readout\n\nThe following is attributable to Spokesperson Matthew Miller:\n\n"
            "The officials reviewed progress. Both teams will meet again. The work continues, it "
            "was noted.\n\nThe Secretary emphasized support for Ukraine.")
    found = {t: s for t, s, _ in speakers_of(text)}
    assert found["The work continues, it was noted."] == "Matthew Miller"


# --- role lookups, cue ranking and continuation, kept cheap on long articles ---------------------

PEOPLE = (
    "Talks in Geneva\n\n"
    "Chinese Foreign Minister Wang Yi met Indian Foreign Minister Subrahmanyam Jaishankar.\n\n"
    "President Joe Biden spoke with Philippine President Ferdinand Marcos by phone."
)
WANG_AT = PEOPLE.index("Wang Yi")
JAISHANKAR_AT = PEOPLE.index("Subrahmanyam")


@pytest.fixture()
def registry() -> Registry:
    return Registry(ingest.parse(PEOPLE))


def by_role(registry: Registry, role: str, position: int, side: str | None = None,
            prefer: str | None = None) -> str | None:
    preferred = registry.by_name(prefer) if prefer else None
    found = registry.by_role([role], side, position, prefer=preferred)
    return found.name if found else None


BY_ROLE_CASES = [
    # (role, position, side, prefer, expected holder)
    ("foreign minister", len(PEOPLE), None, None, "Subrahmanyam Jaishankar"),  # mentioned last
    ("foreign minister", JAISHANKAR_AT - 1, None, None, "Wang Yi"),  # last before the position
    ("foreign minister", 0, None, None, "Wang Yi"),  # none before: the first mentioned
    ("foreign minister", len(PEOPLE), "China", None, "Wang Yi"),  # of that side
    ("foreign minister", len(PEOPLE), None, "Wang Yi", "Wang Yi"),  # the last speaker holds it
    ("minister", len(PEOPLE), None, None, "Subrahmanyam Jaishankar"),  # a subset of the role words
    ("president", 0, None, None, "Joe Biden"),  # the one holder left without a country
    ("defense minister", len(PEOPLE), None, None, None),
]


@pytest.mark.parametrize(("role", "position", "side", "prefer", "expected"), BY_ROLE_CASES)
def test_by_role(registry: Registry, role: str, position: int, side: str | None, prefer: str | None,
                 expected: str | None) -> None:
    assert by_role(registry, role, position, side, prefer) == expected


def test_by_role_sees_a_role_learned_later(registry: Registry) -> None:
    assert by_role(registry, "spokesperson", len(PEOPLE)) is None
    registry.add_role(registry.by_name("Marcos"), "spokesperson")
    assert by_role(registry, "spokesperson", len(PEOPLE)) == "Ferdinand Marcos"


def test_by_role_drops_a_holder_placed_on_another_side(registry: Registry) -> None:
    assert by_role(registry, "president", 0, side="United States") == "Joe Biden"
    registry.add_side(registry.by_name("Biden"), "Philippines")
    assert by_role(registry, "president", 0, side="United States") is None


def test_last_institution(registry: Registry) -> None:
    registry.institution("Chinese Foreign Ministry", "China")
    registry.institution("Indian External Affairs Ministry", "India")
    assert registry.last_institution("ministry").name == "Indian External Affairs Ministry"


def cue(start: int, word: str = "said") -> Cue:
    return Cue(word, start, start + len(word), "X", start, False)


def quotation(start: int, end: int) -> Statement:
    return Statement("q", start, end, "direct", None, 0, 0)


NEAREST_CASES = [
    # (cue starts, quotation span, k, expected cue starts in order)
    ([0, 25, 60], (10, 20), 3, [25, 0, 60]),  # within 8 characters after it first: "…,” he said"
    ([0, 40, 60], (10, 20), 3, [0, 40, 60]),  # then by distance: 6 (0 ends at 4), 20, 40
    ([0, 40, 60], (10, 20), 1, [0]),
    ([0, 100, 200, 300, 400], (250, 260), 2, [300, 200]),  # distances 40 and 46
    ([], (10, 20), 3, []),
]


@pytest.mark.parametrize(("starts", "span", "k", "expected"), NEAREST_CASES)
def test_nearest_cues(starts: list[int], span: tuple[int, int], k: int, expected: list[int]) -> None:
    found = nearest_cues([cue(s) for s in starts], quotation(*span), k)
    assert [c.start for c in found] == expected


def test_nearest_cues_keeps_at_most_the_set_number() -> None:
    many = [cue(10 * i) for i in range(3 * MAX_CUES_PER_STATEMENT)]
    assert len(nearest_cues(many, quotation(105, 108))) == MAX_CUES_PER_STATEMENT


def test_continuation_reaches_back_a_set_number_of_paragraphs() -> None:
    # continuation_paragraphs = 2: paragraph 3 continues paragraph 1, paragraph 4 does not
    text = "Talks\n\nGallant said the army was ready.\n\nNo one spoke.\n\n“We will win.”"
    assert ("We will win.", "Gallant", "continuation") in speakers_of(text)
    far = text.replace("“We will win.”", "Nothing.\n\n“We will win.”")
    assert ("We will win.", "unknown", "none") in speakers_of(far)


def test_quotation_takes_the_speaker_of_the_next_statement_in_its_paragraph() -> None:
    found = speakers_of("Talks\n\n“A deal is near.” “We are ready,” Gallant said.")
    assert [(t, s) for t, s, _ in found] == [("A deal is near.", "Gallant"), ("We are ready,", "Gallant")]


def test_attribute_with_given_quotes_matches_attribute() -> None:
    article = ingest.parse("Talks\n\n“We are ready,” Gallant said. Blinken noted the “progress”.")
    sentences = segment.sentences(article)
    found = quotes.extract(article, sentences)
    assert attribute(article, sentences, found, quotes=quotes.find_quotes(article)) == attribute(
        article, sentences, found
    )


HEADLINE = "‘We are ready’ for talks\n\nGallant said: “We are ready for talks with anyone.”"


def test_headline_quotation_takes_the_body_speaker() -> None:
    assert ("We are ready", "Gallant", "continuation") in speakers_of(HEADLINE)


def test_headline_quotations_looked_for_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attribute_module, "MAX_HEADLINE_QUOTES", 0)
    assert ("We are ready", "unknown", "none") in speakers_of(HEADLINE)
