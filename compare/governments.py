"""Map a person, an office or a phrase about them to the government they speak for.

Three sources, as data under ``compare/data/<lang>/``:

- **affiliations** (``affiliations.tsv``): a country, demonym or institution next to the name
  ("Mexican President ...", "Prime Minister ... of Japan", "the Turkish Foreign Minister");
- **offices** (``offices.tsv``): offices whose name says the government ("External Affairs Minister"
  -> India, "State Councilor" -> China, "Taoiseach" -> Ireland, "Secretary of State" -> United States);
- **actors** (``actors.tsv``): a gazetteer of named officials, name -> government, office, years, in
  the spirit of the Phoenix/CAMEO actor dictionaries.

:func:`government_of` tries them in the order *stated affiliation, gazetteer, office*: what the
article says beats what we know, and a name we know beats an office that several governments have.
An unknown name still resolves through its office and demonym: the gazetteer helps, it is never
required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .lexicon import find_affiliations, read_lines, trie_regex

How = Literal["affiliation", "gazetteer", "office", "none"]


@dataclass(frozen=True)
class Actor:
    """One gazetteer row: ``spells`` are (first year, last year or None while in office)."""

    name: str
    government: str
    office: str
    spells: tuple[tuple[int, int | None], ...]
    forms: tuple[str, ...]

    def in_office(self, year: int | None, slack: int = 1) -> bool:
        """Whether the actor held the office in ``year`` (± ``slack`` years; any year for None)."""
        if year is None:
            return True
        return any(first - slack <= year <= (last if last is not None else 9999) + slack
                   for first, last in self.spells)


def _spells(text: str) -> tuple[tuple[int, int | None], ...]:
    out = []
    for part in text.split(","):
        first, _, last = part.strip().partition("-")
        if not first.isdigit():
            continue
        end = int(last) if last.isdigit() else (None if _ == "-" else int(first))
        out.append((int(first), end))
    return tuple(out)


def _key(name: str) -> str:
    """Lowercase, spaces collapsed, curly apostrophes straightened, trailing dots and commas off."""
    return " ".join(name.replace("’", "'").replace(",", " ").lower().split()).rstrip(".")


@cache
def actors(language: str = "en") -> tuple[Actor, ...]:
    """The gazetteer rows of ``actors.tsv``."""
    out = []
    for line in read_lines("actors.tsv", language):
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 4:
            continue
        forms = tuple(f.strip() for f in parts[4].split(",") if f.strip()) if len(parts) > 4 else ()
        out.append(Actor(parts[0], parts[1], parts[2], _spells(parts[3]), forms))
    return tuple(out)


@cache
def _actor_index(language: str = "en") -> dict[str, tuple[Actor, ...]]:
    index: dict[str, list[Actor]] = {}
    for actor in actors(language):
        for form in {actor.name, *actor.forms}:
            index.setdefault(_key(form), []).append(actor)
    return {k: tuple(v) for k, v in index.items()}


_HONORIFICS = re.compile(r"^(?:(?:mr|mrs|ms|dr|sir|dame|h\.e|sheikh|prince|his excellency|her excellency)\.?\s+)+")


def actor(name: str, year: int | None = None, language: str = "en") -> Actor | None:
    """The gazetteer actor a name stands for in ``year``: the whole name as printed, without
    honorifics ("Mr. Sullivan"), matched to a name or short form of an actor in office that year
    (± 1 when no one held it that very year); leading title words ("President Biden") are
    skipped. ``None`` when no actor, or actors of two governments, match."""
    key = _HONORIFICS.sub("", _key(name))
    words = key.split()
    title_words = _title_words(language)
    while len(words) > 1 and words[0] in title_words:
        words.pop(0)  # "President Biden", "Prime Minister Kishida"
    candidates = _actor_index(language).get(" ".join(words), ())
    for slack in (0, 1):  # in office that very year first, then a year either side
        found = [a for a in candidates if a.in_office(year, slack)]
        if found:
            return found[0] if len({a.government for a in found}) == 1 else None
    return None


@cache
def _title_words(language: str = "en") -> frozenset[str]:
    from .lexicon import titles

    return frozenset(w for t in titles(language) for w in t.split())


@cache
def offices(language: str = "en") -> dict[str, str]:
    """office (lowercase) -> government, from ``offices.tsv``."""
    out: dict[str, str] = {}
    for line in read_lines("offices.tsv", language):
        parts = line.split("\t")
        if len(parts) >= 2:
            out[" ".join(parts[0].lower().split())] = parts[1].strip()
    return out


@cache
def _office_pattern(language: str = "en") -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.-])(?:{trie_regex(offices(language))})(?![\w-])")


def government_of_office(text: str, language: str = "en") -> str | None:
    """The government the first country-specific office in ``text`` names (longest match at each
    place, case-insensitive): "the External Affairs Minister" -> "India"; ``None`` if none does."""
    m = _office_pattern(language).search(" ".join(text.replace("’", "'").lower().split()))
    return offices(language)[m.group(0)] if m else None


_NAME_TAIL = re.compile(r"(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*|bin|al|de|da|van|von|der))*\s*\Z")


def office_before(text: str, language: str = "en") -> str | None:
    """The government of a country-specific office that ``text`` ends with, but for the first
    names or initials after it: "... met External Affairs Minister S." -> "India" (the caller's
    name follows). ``None`` when the text does not end that way."""
    low = re.sub(r"\s", " ", text.replace("’", "'").lower())
    for m in reversed(list(_office_pattern(language).finditer(low))):
        if _NAME_TAIL.match(text, m.end()):
            return offices(language)[m.group(0)]
    return None


def stated_government(text: str, language: str = "en") -> str | None:
    """The government a phrase states: the place in an "of <Country>" phrase, else the first
    country, demonym or institution in it ("Mexican President X" -> Mexico)."""
    found = find_affiliations(text, language)
    if not found:
        return None
    for m in found:
        if re.search(r"\bof\s+(?:the\s+)?$", text[: m.start]):
            return m.side
    return found[0].side


def government_of(
    name: str, context: str = "", year: int | None = None, language: str = "en"
) -> tuple[str | None, How]:
    """The government ``name`` speaks for, and how it was found: a government stated in
    ``context`` (the words around the name: "Indonesian counterpart", "of Japan"), else the
    gazetteer entry for the name in ``year``, else a country-specific office in ``context``
    or ``name``. ``(None, "none")`` when nothing says."""
    if context and (gov := stated_government(context, language)):
        return gov, "affiliation"
    if name and (found := actor(name, year, language)) is not None:
        return found.government, "gazetteer"
    if gov := government_of_office(f"{context} {name}", language):
        return gov, "office"
    return None, "none"
