"""Mapping names, offices and phrases to governments (compare.governments)."""

import pytest

from compare.governments import actor, actors, government_of, government_of_office, office_before, offices
from compare.lexicon import affiliations


@pytest.mark.parametrize(
    ("text", "government"),
    [
        ("External Affairs Minister", "India"),
        ("the EAM", "India"),
        ("State Councilor and Foreign Minister", "China"),
        ("Secretary of State", "United States"),
        ("the Taoiseach", "Ireland"),
        ("Foreign Secretary", "United Kingdom"),
        ("Chancellor", "Germany"),
        ("Chief Cabinet Secretary", "Japan"),
        ("Deputy Secretary of State", "United States"),
        # Negative: offices every government has name none.
        ("Foreign Minister", None),
        ("Prime Minister", None),
        ("the President", None),
        ("spokesperson", None),
    ],
)
def test_government_of_office(text, government):
    assert government_of_office(text) == government


@pytest.mark.parametrize(
    ("name", "context", "year", "expected"),
    [
        # A demonym or country next to the name beats the office table and the gazetteer.
        ("Vikram Rao", "India's Foreign Secretary", None, ("India", "affiliation")),
        ("Budi Santoso", "his Indonesian counterpart", None, ("Indonesia", "affiliation")),
        ("Ana Duarte", "Prime Minister Ana Duarte of Portugal", None, ("Portugal", "affiliation")),
        ("", "the Turkish Foreign Minister", None, ("Turkey", "affiliation")),
        ("", "the South African President", None, ("South Africa", "affiliation")),
        # The gazetteer, by name and year.
        ("Hakan Fidan", "Foreign Minister", 2024, ("Turkey", "gazetteer")),
        ("Wang Yi", "", 2023, ("China", "gazetteer")),
        ("Mark Rutte", "", 2021, ("Netherlands", "gazetteer")),
        ("Mark Rutte", "", 2025, ("NATO", "gazetteer")),
        # An unknown name still resolves through its office.
        ("Kenji Sato", "Chief Cabinet Secretary", None, ("Japan", "office")),
        ("Ravi Menon", "External Affairs Minister", None, ("India", "office")),
        # Negative: nothing says.
        ("Jan Novak", "Foreign Minister", None, (None, "none")),
        ("Hakan Fidan", "", 1990, (None, "none")),
    ],
)
def test_government_of(name, context, year, expected):
    assert government_of(name, context, year) == expected


@pytest.mark.parametrize(
    ("name", "year", "government"),
    [
        ("President Biden", 2022, "United States"),
        ("Mr. Sullivan", 2021, "United States"),
        ("Prime Minister Kishida", 2022, "Japan"),
        ("Xi", 2023, "China"),
        ("Jaishankar", 2024, "India"),
        # Negative: a fuller name that contradicts a short form is someone else.
        ("Stephen Miller", 2023, None),
        ("Lee", 2023, None),
    ],
)
def test_actor(name, year, government):
    found = actor(name, year)
    assert (found.government if found else None) == government


def test_every_gazetteer_government_is_a_known_side():
    known = set(affiliations().values())
    assert sorted({a.government for a in actors()} - known) == []


def test_every_office_government_is_a_known_side():
    known = set(affiliations().values())
    assert sorted(set(offices().values()) - known) == []


def test_gazetteer_rows_have_years():
    assert [a.name for a in actors() if not a.spells] == []


@pytest.mark.parametrize(
    ("text", "government"),
    [
        ("He met External Affairs Minister S. ", "India"),
        ("talks with the Taoiseach ", "Ireland"),
        # Negative: the office belongs to the previous sentence's person.
        ("Secretary of State Blinken. ", None),
        ("the Taoiseach, who met ", None),
    ],
)
def test_office_before(text, government):
    assert office_before(text) == government
