"""Resolution: the person or institution a cue's subject phrase stands for, and how it was
found (a :data:`compare.records.Resolution`: name, role, pronoun, source, joint or none).

A :class:`Resolver` holds what resolution needs to remember while reading an article in order: the
:class:`compare.mentions.Registry`, the last speaker, and the people mentioned most recently (for
pronouns).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from .cues import DESCRIPTION_WORDS, DETERMINER, leading_subject
from .lexicon import document_nouns, find_affiliations, nonperson_words, own_affiliations, parts_of_speech
from .mentions import (
    ARTICLES,
    CAPITALISED,
    FEMALE_MARKERS,
    INSTITUTION_NOUNS,
    JOINT_SUBJECT,
    MALE_MARKERS,
    NON_NAME_WORDS,
    PRONOUNS_F,
    PRONOUNS_M,
    PRONOUNS_PLURAL,
    Entity,
    Registry,
    find_titles,
    role_nouns,
    title_words,
)
from .records import JOINT, Article, Resolution, Sentence

_COURTESY = re.compile(r"(?P<title>Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?P<surname>[A-Z][\w'-]+)")


# --- resolution ----------------------------------------------------------------------------------


class Resolver:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.registry = Registry(article)
        self.last_person: Entity | None = None
        self.last_speaker: Entity | None = None
        self.speakers: set[int] = set()  # id() of the people who have spoken so far
        self.recent: list[tuple[int, Entity]] = []  # (paragraph, person) last mentioned, most recent last
        self.last_document: Entity | None = None  # who issued the document ("statement") named last
        self._release: bool | None = None  # whether the text is a government's own release
        self._para_starts = [p.start for p in article.paragraphs]

    def release(self) -> bool:
        """Whether the article is a government's own release (a masthead names its publisher:
        :func:`compare.participants.publisher`)."""
        if self._release is None:
            from .participants import publisher

            self._release = publisher(self.article) is not None
        return self._release

    def note(self, person: Entity, paragraph: int) -> None:
        """Remember ``person`` as the most recently mentioned one (the last ``RECENT_PEOPLE`` kept)."""
        self.recent = [(p, e) for p, e in self.recent if e is not person][-(RECENT_PEOPLE - 1):]
        self.recent.append((paragraph, person))
        self.last_person = person

    def _pronoun(self, want: str | None, position: int) -> Entity | None:
        """The person a singular pronoun stands for: the most recently mentioned person (by name,
        or as a speaker) in the pronoun's paragraph or the one before whose gender does not clash
        (unknown matches either); else the last speaker if it does not clash; else the most recent
        person of the same known gender among the last ``RECENT_PEOPLE``; else the last speaker."""
        paragraph = self.article.paragraphs[max(0, bisect.bisect_right(self._para_starts, position) - 1)].index
        fits = [e for p, e in reversed(self.recent)
                if e.kind == "person" and p >= paragraph - 1 and (want is None or e.gender in (None, want))]
        if fits:
            return fits[0]
        last = self.last_speaker
        if last is not None and last.kind == "person" and (want is None or last.gender in (None, want)):
            return last
        same = [e for _, e in reversed(self.recent) if want is not None and e.gender == want]
        return same[0] if same else last

    def _two_people_before(self, position: int) -> bool:
        """Whether two different people were mentioned in the pronoun's paragraph or the one
        before: "they" then stands for both."""
        paragraph = self.article.paragraphs[max(0, bisect.bisect_right(self._para_starts, position) - 1)].index
        return len({id(e) for p, e in self.recent if e.kind == "person" and p >= paragraph - 1}) >= 2

    def _courtesy(self, m: re.Match[str]) -> Entity:
        """"Mr. Park" / "Ms. Park": the person of that surname whose gender does not clash; where the
        surname belongs to someone of the other gender, another person ("Ms. Park")."""
        title, surname = m.group("title"), m.group("surname")
        gender = "f" if FEMALE_MARKERS.fullmatch(title) else "m" if MALE_MARKERS.fullmatch(title) else None
        key = f"{title.rstrip('.').lower()} {surname.lower()}"
        person = self.registry.by_name(key) if key in self.registry.aliases() else self.registry.by_name(surname)
        if person is not None and person.kind == "person" and (gender is None or person.gender in (None, gender)):
            person.gender = person.gender or gender
            self.registry.add_alias(person, key)
            return person
        person = self.registry.person(f"{title.rstrip('.')}. {surname}")
        person.gender = gender
        self.registry.add_alias(person, key)
        return person

    def resolve(self, phrase: str, position: int) -> tuple[Entity | None, Resolution]:
        """What the subject ``phrase`` (found at ``position``) stands for, and how: two people
        or a plural for both sides (joint), a pronoun, a name, an institution noun, a role or
        country, an unintroduced name or body, a description; (None, "none") for nothing."""
        np = " ".join(phrase.replace("’", "'").split()).strip(", ")
        if not np:
            return None, "none"
        if JOINT_SUBJECT.match(np):
            return Entity(JOINT, "joint"), "joint"
        if " and " in np:
            parts = [self.resolve(p, position)[0] for p in np.split(" and ")]
            # two people ("Kim and Sato") or two bodies ("Kenya and India"); not one person's
            # portfolio ("Brazil's Mines and Energy Minister Carla Neves", "Minister of Petroleum
            # and Energy Mohamed Sidiya")
            if len(parts) == 2 and all(parts) and parts[0] is not parts[1] and not self._portfolio(np):
                return Entity(JOINT, "joint"), "joint"
            np = np.split(" and ")[-1]
        bare = ARTICLES.sub("", np)
        for step in (self._by_pronoun, self._by_name, self._by_role_or_country, self._unintroduced):
            found = step(np, bare, position)
            if found is not None:
                return found
        return None, "none"

    def _portfolio(self, np: str) -> bool:
        """Whether the one "and" of ``np`` joins two parts of a ministry's portfolio ("Mines and
        Energy", "Petroleum and Energy"): the words on either side of it are capitalised common
        nouns (not "He and Dr. Mohib"), and none
        ends a title ("President", "Minister"), is a country or demonym, or is a name the article
        gives a person."""
        before, _, after = np.partition(" and ")
        left = before.split()[-1:] or [""]
        right = after.split()[:1] or [""]
        titled = role_nouns()
        aliases = self.registry.aliases()
        return all(w[:1].isupper() and "NOUN" in parts_of_speech(w.lower()) and w.lower() not in titled
                   and not find_affiliations(w) and re.sub(r"[’']s?$", "", w).lower() not in aliases
                   for w in (left[0], right[0]))

    def _by_pronoun(self, np: str, bare: str, position: int) -> tuple[Entity | None, Resolution] | None:
        low = bare.lower()
        if low in PRONOUNS_M | PRONOUNS_F | {"i"}:
            want = "f" if low in PRONOUNS_F else "m" if low in PRONOUNS_M else None
            cand = self._pronoun(want, position)
            if cand is None:
                return None, "none"
            if cand.kind == "person" and cand.gender is None and want is not None:
                cand.gender = want  # a pronoun resolved to a person tells the person's gender
            return cand, "pronoun"
        if low in PRONOUNS_PLURAL or low == "it":
            if self.last_speaker and self.last_speaker.kind != "person":
                return self.last_speaker, "pronoun"
            if low in PRONOUNS_PLURAL and self._two_people_before(position):
                return Entity(JOINT, "joint"), "joint"  # "Kim and Sato met. They said …"
            return None, "none"
        return None

    def _by_name(self, np: str, bare: str, position: int) -> tuple[Entity | None, Resolution] | None:
        if (courtesy := _COURTESY.fullmatch(bare)) is not None:
            return self._courtesy(courtesy), "name"
        if _POSSESSIVE_DESCRIPTION.match(bare) and not find_titles(bare) and not find_affiliations(bare):
            # "Obama's former campaign strategist": someone described, not the possessor (but
            # "Iran's foreign ministry" is Iran's, found by its country below).
            return self.registry.generic(_clean(bare), [], None), "source"
        person = self.registry.by_name(bare)
        if person is None:
            return None
        if "," in np:  # appositive: learn the role and affiliation it states
            for role in find_titles(np.split(",", 1)[1]):
                self.registry.add_role(person, role)
            for match in find_affiliations(np.split(",", 1)[1]):
                self.registry.add_side(person, match.side)
        return person, "name"

    def _by_role_or_country(self, np: str, bare: str, position: int) -> tuple[Entity | None, Resolution] | None:
        low = bare.lower()
        if self.last_document is not None and low.removeprefix("the ") in document_nouns():
            return self.last_document, "source"  # "The statement added": the statement named last
        if low in INSTITUTION_NOUNS or low.removeprefix("the ") in INSTITUTION_NOUNS:
            ent = self.registry.last_institution(low.split()[-1])
            if ent is not None:
                return ent, "source"
        roles = find_titles(bare)
        affs = find_affiliations(bare)
        own = own_affiliations(bare)
        side = own[-1].side if own else None
        if roles:
            named = _name_words(bare, affs)
            known = self.registry.by_name(" ".join(named)) if named else None
            if known is not None and known.kind == "person" and (side is None or not known.sides
                                                                 or side in known.sides):
                # "Minister Wallis" after "Australian Minister for Foreign Affairs Catherine Wallis":
                # the person introduced under that name, whichever minister spoke last
                for role in roles:
                    self.registry.add_role(known, role)
                return known, "name"
            # In a government's own release, a bare "the Minister" is its own minister (the holder
            # it gives no country), whoever spoke last: "Minister Mansour stressed …. The Minister
            # underlined …" in a Greek release is the Greek minister
            prefer = None if side is None and not named and self.release() else self.last_speaker
            person = self.registry.by_role(roles, side, position, prefer=prefer)
            if person is not None and named and named[-1].lower() not in person.name.lower().split():
                person = None  # "Minister Wallis" is never another minister, whatever the role says
            if person is None and side is not None and not named and set(roles) <= _CABINET:
                # "The Mexican minister" for "Mexican Economy Secretary Rodrigo Salazar": a bare
                # cabinet title stands for the one cabinet member the article gives that country
                cabinet = [e for e in self.registry.entities if e.kind == "person" and side in e.sides
                           and any(_CABINET & set(r.split()) for r in e.roles)]
                person = cabinet[0] if len(cabinet) == 1 else None
            if person is not None:
                return person, "role"
            if named:
                return self._titled_newcomer(" ".join(named), roles, side), "name"
            return self.registry.generic(_clean(bare), roles, side), "role"
        if affs:
            name = _institution_name(bare, affs)
            return self.registry.institution(name, side or affs[-1].side), "source"
        return None

    def _titled_newcomer(self, name: str, roles: list[str], side: str | None) -> Entity:
        """A person named by title and surname whom the article never introduced under that name
        ("Minister Wallis" after "Minister for Foreign Affairs Catherine Wallis" was not read as a
        name run): registered with the title's roles and the country it states."""
        entity = self.registry.person(name)
        for role in roles:
            self.registry.add_role(entity, role)
        if side:
            self.registry.add_side(entity, side)
        return entity

    def _unintroduced(self, np: str, bare: str, position: int) -> tuple[Entity | None, Resolution] | None:
        if re.fullmatch(r"(?:[A-Z][\w’'-]+\s?){1,4}", bare) and bare.lower() not in NON_NAME_WORDS:
            if any(w.lower() in nonperson_words() for w in bare.split()):
                # A party, body or movement ("The Civic Alliance", "National Renewal Party"): an
                # organisation of no government, never a person.
                return self.registry.organisation(bare), "source"
            if len(bare.split()) <= 3:
                # A name the article never introduced in full ("Gallant said").
                return self.registry.person(bare), "name"
        if _DESCRIPTION.fullmatch(np) and bare.lower().split()[-1] not in INSTITUTION_NOUNS:
            # "the narrator", "one user", "a longtime party strategist": the reporter's description
            # is all the article says of the speaker.
            return self.registry.generic(_clean(np), [], None), "source"
        return None


_CABINET = frozenset({"minister", "secretary"})
"""Cabinet rank: a minister in most governments, a secretary in others (Mexico, the United
States, the United Kingdom)."""
_POSSESSIVE_DESCRIPTION = re.compile(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*'s\s+(?:[\w-]+\s+)*[a-z][\w-]*$")
_DESCRIPTION = re.compile(rf"{DETERMINER}\s+(?:[\w'-]+\s+){{0,{DESCRIPTION_WORDS - 1}}}[\w-]*[a-z]")


def _name_words(phrase: str, affiliations: list) -> list[str]:
    """The capitalised words of a role phrase that are no title, country or demonym: the name in
    "Minister Wallis", none in "the Ethiopian Foreign Minister"."""
    taken = {w for a in affiliations for w in phrase[a.start:a.end].split()}
    titled = title_words()
    words = phrase.split()
    # "Minister of Petroleum": after "of"/"for", a word English knows ("Petroleum", "Energy",
    # "State") is the portfolio, not a surname ("Secretary of State Blinken" keeps "Blinken")
    portfolio = set()
    for k, w in enumerate(words[1:], 1):
        if words[k - 1].lower() in ("of", "for") or (k - 1) in portfolio and w[:1].isupper():
            if parts_of_speech(w.lower()) or w.lower() in ("and", "&"):
                portfolio.add(k)
    return [w for k, w in enumerate(words) if _SURNAME.fullmatch(w) and k not in portfolio
            and re.sub(r"[’']s?$", "", w) not in taken and w.lower() not in titled and w.lower() not in NON_NAME_WORDS]


_SURNAME = re.compile(r"[A-Z][a-z][\w’'-]*")
"""A word that can be a surname: capital then lowercase ("Wallis", "al-Rifai" once cut), not an
abbreviation ("FM", "D.C.")."""


def _clean(np: str) -> str:
    return ARTICLES.sub("", np.strip(" ,."))


def _institution_name(np: str, affs: list) -> str:
    """The institution's name as written: the longest affiliation phrase that is more than a
    country or demonym, else the phrase without its article ("a U.S. readout" -> "U.S. readout")."""
    longest = max(affs, key=lambda a: len(a.phrase))
    if len(longest.phrase.split()) > 1 or longest.phrase[0].isupper() and longest.phrase.isalpha() \
            and len(affs) == 1 and np.strip() == longest.phrase:
        return longest.phrase
    return _clean(np)


def narrated_subject(resolver: Resolver, text: str, start: int) -> Entity | None:
    """The person a sentence that is no statement opens with ("Fahmy turned to the cameras."): a
    name the article gives a person, or he/she; None otherwise."""
    found = leading_subject(text)  # after a fronted phrase: "On Friday she paused at the door."
    if found is None or not found[0].split():
        return None
    words = found[0].split()
    first = words[0].lower()
    if first in PRONOUNS_M | PRONOUNS_F:
        if len(words) == 1:
            return resolver.resolve(first, start)[0]
        # "Her Ecuadorian counterpart, Andrés Villacís, was more guarded": a possessive opens a
        # phrase about someone else; the pronoun's person is not the subject
    ent = resolver.registry.by_name(found[0])
    return ent if ent is not None and ent.kind == "person" else None


MENTIONS_PER_SENTENCE = 12
"""Capitalised words of a sentence looked up as people named in it, for later pronouns."""
RECENT_PEOPLE = 8
"""People last mentioned that a pronoun may stand for."""


def note_mentions(resolver: Resolver, article: Article, sent: Sentence,
                   speakers: Sequence[Entity] = ()) -> None:
    """Remember the people named in a sentence (among its first ``MENTIONS_PER_SENTENCE``
    capitalised words), for pronouns in the next ones; the sentence's speakers count as its last
    mention, as the subject of a sentence is what a following pronoun most often stands for."""
    s_text = article.text[sent.start : sent.end]
    spoken = resolver.speakers
    named = []
    for m in itertools.islice(CAPITALISED.finditer(s_text), MENTIONS_PER_SENTENCE):
        ent = resolver.registry.by_name(m.group(0))
        known = ent is not None and (ent.roles or ent.sides or ent.gender or id(ent) in spoken or " " in ent.name)
        if ent is not None and ent.kind == "person" and known:
            named.append(ent)
    # Noted last to first, so the person the sentence names first (most often its subject: "Sanders
    # went first …, ahead of Clinton.") is the most recent one for a following "he said".
    for ent in reversed(named):
        resolver.note(ent, sent.paragraph)
    for ent in speakers:
        if ent.kind == "person":
            resolver.note(ent, sent.paragraph)
            spoken.add(id(ent))
