"""Choosing the two sides and placing speakers."""

import pytest

from compare import pipeline
from compare.errors import BadOption
from compare.ingest import parse
from compare.sides import load_override_file, parse_override

TWO_SIDED = (
    "Blinken meets Wang in Beijing\n\n"
    "BEIJING (Wire) — U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on "
    "Friday.\n\n"
    "“We raised our concerns about export controls,” Blinken said.\n\n"
    "“China will defend its interests,” Wang said.\n\n"
    "Daniel Hartley, an analyst at a Washington think tank, said the talks changed little.\n"
)


def analysis(text, overrides=None):
    return pipeline.analyze_article(parse(text), overrides)


def test_two_sides_found():
    a = analysis(TWO_SIDED)
    assert {s.name for s in a.sides} == {"United States", "China"}


def test_each_statement_on_its_side():
    sides = {s.speaker: s.side for s in analysis(TWO_SIDED).statements}
    assert sides["Antony Blinken"] == "United States"
    assert sides["Wang Yi"] == "China"


def test_analyst_is_other():
    sides = {s.speaker: s.side for s in analysis(TWO_SIDED).statements}
    assert sides["Daniel Hartley"] == "other"


def test_override_moves_speaker():
    a = analysis(TWO_SIDED, parse_override(["Team A=Blinken,Hartley", "Team B=Wang"]))
    sides = {s.speaker: s.side for s in a.statements}
    assert sides["Daniel Hartley"] == "Team A"
    assert sides["Wang Yi"] == "Team B"


def test_one_sided_readout_says_so():
    text = ("Readout of the call\n\nPresident Biden spoke with Philippine President Marcos. "
            "The President reaffirmed the alliance with the Philippines. He welcomed new investment.")
    a = analysis(text)
    silent = [s for s in a.sides if not s.speakers]
    assert len(silent) == 1
    assert any("says nothing" in note for note in a.notes)


@pytest.mark.parametrize("value", ["no-equals", "=Blinken", "Side="])
def test_bad_override(value):
    with pytest.raises(BadOption):
        parse_override([value])


def test_three_sides_refused():
    with pytest.raises(BadOption):
        parse_override(["A=x", "B=y", "C=z"])


def test_sides_file(tmp_path):
    path = tmp_path / "sides.toml"
    path.write_text('[sides]\n"United States" = ["Blinken"]\n"China" = ["Wang"]\n', encoding="utf-8")
    assert load_override_file(str(path)) == {"United States": ["Blinken"], "China": ["Wang"]}


# An unplaced official (an office several governments have, a name the gazetteer does not know)
# goes to the one side with no person of the same office.
UNPLACED = (
    "UK-Norway talks in Aberdeen\n\n"
    "Foreign Minister Ada Quillfeather met Norwegian Foreign Minister Espen Barth Eide on Thursday.\n\n"
    "“We are ready,” Quillfeather said.\n\n"
    "“So are we,” Barth Eide said.\n\n"
    "A Foreign Office spokesman in London said a patrol would follow.\n"
)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        pytest.param(UNPLACED, "United Kingdom", id="other-side-has-that-office"),
        # Negative: when both sides already have a foreign minister, the office tells nothing.
        pytest.param(UNPLACED.replace("on Thursday.", "and British Foreign Minister Jo Brand on Thursday."),
                     "other", id="both-sides-have-that-office"),
    ],
)
def test_unplaced_official_side(text, side):
    sides = {s.speaker: s.side for s in analysis(text).statements}
    assert sides["Ada Quillfeather"] == side
