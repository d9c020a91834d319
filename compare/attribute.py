"""Who made each statement: resolve the speaker of every statement to a canonical person or
institution named in the article, and record how (name, role, pronoun, continuation, source).

Method, per sentence: find the reporting cues outside quotation marks; take each cue's subject
(the noun phrase before it, the appositive before that, or after it in "…,” said X" and
"according to X"); resolve that phrase against the people and institutions the article introduces.
Quotations with no cue of their own continue the previous speaker.

Cost: linear in the article. A cue's subject is read from the ``SUBJECT_REACH`` characters around
it; a quotation looks at its ``MAX_CUES_PER_STATEMENT`` nearest cues; a role is looked up in an index
of its holders kept up to date as people gain roles and countries; continuations are carried along
in one pass; the first ``MAX_HEADLINE_QUOTES`` headline quotations are looked for in the body. No
article of the corpus comes near these bounds.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from .lexicon import (
    abbreviations,
    find_affiliations,
    nongovernmental,
    nonperson_words,
    role_equivalents,
    titles,
    trie_regex,
)
from .records import JOINT, UNKNOWN, Article, Quote, Resolution, Sentence, Speaker, Statement
from .settings import DEFAULT, Settings

_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž](?:[\w.’'-]*[\w])?\.?|[,;:()—–]")
_CONNECTORS = frozenset("of de da di van von bin ibn al el la le du del der dos das y".split())
_PRONOUNS_M = frozenset({"he", "him"})
_PRONOUNS_F = frozenset({"she", "her"})
_PRONOUNS_PLURAL = frozenset({"they", "we"})
_ADVERBS = frozenset(
    "also later further then again repeatedly has had have publicly separately earlier previously "
    "once twice subsequently recently privately and reportedly had has have was were is are has "
    "firmly strongly clearly directly personally explicitly specifically jointly".split()
)
_JOINT = re.compile(
    r"^(?:the\s+)?(?:two|both)\s*(?:\w+\s+)?(?:men|women|leaders|ministers|officials|sides|"
    r"diplomats|presidents|counterparts|delegations|governments|countries|secretaries|chiefs|"
    r"envoys|premiers)?$|^(?:the\s+)?(?:(?:foreign|prime|defen[cs]e)\s+)?(?:leaders|sides|delegations|parties|"
    r"ministers|presidents|premiers)$|^(?:a|the)\s+joint\s+"
    r"(?:statement|communiqu[ée]|declaration|readout)",
    re.IGNORECASE,
)
_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_FEMALE_MARKERS = re.compile(r"\b(?:Ms|Mrs|Madam|Queen|spokeswoman|chairwoman|congresswoman)\b\.?", re.I)
_MALE_MARKERS = re.compile(r"\b(?:Mr|King|spokesman|chairman|congressman)\b\.?", re.I)
_NON_NAME_WORDS = frozenset(
    "the a an in on at during after before while when as with for and but or if then this that "
    "these those there his her its their our we i it he she they monday tuesday wednesday thursday "
    "friday saturday sunday january february march april may june july august september october "
    "november december earlier later prior following meanwhile however speaking asked both two "
    "photo leave share related read according mr mrs ms dr sir madam".split()
)
_ATTRIBUTABLE = re.compile(r"attributable to\s+(?P<np>[^:.]+)", re.IGNORECASE)
_FORWARD_CUES = frozenset(
    "said says added adds stated states noted notes wrote asked replied explained continued "
    "insisted warned told tells".split()
)


_LEAD_WORDS = frozenset({"the", "top", "senior", "of", "for", "'s", "and", "deputy"})
_INITIAL = re.compile(r"^[A-Z]\.$")


def _is_initial(token: str) -> bool:
    return bool(_INITIAL.match(token))


TOKEN_CACHE_SIZE = 100_000
"""Tokens whose affiliation test is remembered."""
_CAPITALISED = re.compile(r"[A-Z][\w’'-]+")
_POSSESSIVE = re.compile(r"[’']s?$")
_WORD_POSSESSIVE = re.compile(r"\w[’']s?$")


def _strip_possessive(token: str) -> str:
    return _POSSESSIVE.sub("", token) if _WORD_POSSESSIVE.search(token) else token


def _ends_run(token: str) -> bool:
    """A name run stops after a possessive or a sentence-final period (not an initial or an
    abbreviation such as U.S. or Mr.)."""
    if _POSSESSIVE.search(token):
        return True
    if token.endswith(".") and not _is_initial(token):
        return token.rstrip(".").lower() not in abbreviations() and token.count(".") == 1
    return False


def _title_case(text: str) -> bool:
    """A headline in Title Case: most words of four letters or more are capitalised."""
    if re.search(r"[.!?\"”’]\s*$", text) or re.search(r"[a-z]{2}[.!?]\s+[A-Z]", text):
        return False  # a sentence (or a caption of sentences: "… on Thursday. Picture: …"), not a headline
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) >= 4]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@cache
def _nongovernmental_pattern() -> re.Pattern[str]:
    return re.compile(" (?:" + trie_regex(nongovernmental()) + ")[ ,]")


def _nongovernmental(context: str) -> bool:
    """Whether " <word> " or " <word>," occurs for a word of the nongovernmental list."""
    return bool(_nongovernmental_pattern().search(" " + context.lower() + " "))


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _is_affiliation(token: str) -> bool:
    """Whether a token holds an affiliation phrase ("Israeli", "U.S.-led"), remembered per token."""
    return bool(find_affiliations(token))


@dataclass
class Entity:
    """A person or institution the article introduces, with what the article says of it."""

    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    sides: Counter[str] = field(default_factory=Counter)
    gender: str | None = None
    mentions: list[int] = field(default_factory=list)
    independent: bool = False  # an analyst, academic or mediator: speaks for no government

    def speaker(self) -> Speaker:
        side = self.sides.most_common(1)[0][0] if self.sides else None
        kind = self.kind if self.kind in ("person", "institution") else "unknown"
        return Speaker(self.name, kind, side, tuple(sorted(self.roles)),  # type: ignore[arg-type]
                       self.independent)


class _Holders:
    """The people holding a role (on a side, if given), kept up to date as people gain roles and
    countries, for :meth:`Registry.by_role`: the holders, those of them with no country, and
    their mentions in text order."""

    def __init__(self, roles: list[str], side: str | None, order: dict[int, int]) -> None:
        self.wanted = [set(r.split()) for r in roles]
        self.side = side
        self.order = order  # id(entity) -> place in Registry.entities
        self.members: dict[int, Entity] = {}
        self.unqualified: dict[int, Entity] = {}
        self.keys: list[tuple[int, int]] = []  # (mention offset, -order), sorted
        self.mentioned: list[Entity] = []  # the entity of each key
        self._first: Entity | None = None
        self._first_known = True

    def holds(self, e: Entity) -> bool:
        if e.kind != "person" or (self.side and e.sides and self.side not in e.sides):
            return False
        own = [set(r.split()) for r in e.roles]
        return any(w <= o for w in self.wanted for o in own)

    def update(self, e: Entity) -> None:
        """Re-file ``e`` after a change to its roles or countries."""
        if id(e) in self.members:
            self._remove(e)
        if self.holds(e):
            self.add(e)

    def add(self, e: Entity) -> None:
        self.members[id(e)] = e
        if not e.sides:
            self.unqualified[id(e)] = e
        rank = -self.order[id(e)]
        for m in e.mentions:
            i = bisect.bisect_left(self.keys, (m, rank))
            self.keys.insert(i, (m, rank))
            self.mentioned.insert(i, e)
        if self._first_known and (self._first is None or self._first_key(e) > self._first_key(self._first)):
            self._first = e

    def _remove(self, e: Entity) -> None:
        del self.members[id(e)]
        self.unqualified.pop(id(e), None)
        rank = -self.order[id(e)]
        for m in e.mentions:
            i = bisect.bisect_left(self.keys, (m, rank))
            del self.keys[i], self.mentioned[i]
        if self._first is e:
            self._first, self._first_known = None, False

    def _first_key(self, e: Entity) -> tuple[int, int]:
        return -min(e.mentions or [0]), -self.order[id(e)]

    @property
    def home(self) -> Entity | None:
        """The one holder with no country, when there are several holders."""
        if len(self.unqualified) == 1 and len(self.members) > 1:
            return next(iter(self.unqualified.values()))
        return None

    def most_recent(self, position: int) -> Entity:
        """The holder mentioned last at or before ``position`` (of two at one place, the one
        introduced first), else the one mentioned first (or never mentioned)."""
        i = bisect.bisect_right(self.keys, (position, 1)) - 1
        if i >= 0:
            return self.mentioned[i]
        if not self._first_known:
            self._first = max(self.members.values(), key=self._first_key)
            self._first_known = True
        return self._first  # type: ignore[return-value]


def _norm_role(role: str) -> str:
    role = " ".join(role.lower().replace("’", "'").split())
    return role_equivalents().get(role, role)


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for t in titles() for w in t.split())


@cache
def _titles_by_first_word() -> dict[str, list[tuple[int, str, str]]]:
    """first word -> (rank, `` title ``, title) of the titles starting with it; rank 0 is the
    longest title (ties: alphabetical, so that the order does not depend on set order)."""
    out: dict[str, list[tuple[int, str, str]]] = {}
    for rank, t in enumerate(sorted(titles(), key=lambda t: (-len(t), t))):
        out.setdefault(t.split()[0], []).append((rank, f" {t} ", t))
    return out


def _find_titles(text: str) -> list[str]:
    """Titles in ``text``, longest first, without overlaps. Only titles whose first word occurs
    in the text are tried."""
    words = text.lower().replace("’", "'").split()
    index = _titles_by_first_word()
    candidates = sorted(c for w in set(words) if w in index for c in index[w])
    low = " " + " ".join(words) + " "
    found: list[str] = []
    for _, needle, t in candidates:
        if needle in low:
            found.append(_norm_role(t))
            low = low.replace(needle, " | ")
    return found


class Registry:
    """People and institutions of one article, found from capitalised name runs and their
    titles, demonyms and appositives."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.entities: list[Entity] = []
        self._by_alias: dict[str, Entity] = {}
        self._institution_by_noun: dict[str, Entity] = {}
        self._title_words = _title_words()
        self._order: dict[int, int] = {}  # id(entity) -> place in self.entities
        self._taken: dict[int, set[str]] = {}  # id(person) -> its aliases another person answers to
        self._holders: dict[tuple[tuple[str, ...], str | None], _Holders] = {}  # by_role lookups
        self._scan()

    # -- building ---------------------------------------------------------------------------
    def _scan(self) -> None:
        text = self.article.text
        for para in self.article.paragraphs:
            if para.role in ("byline", "furniture", "dateline"):
                continue
            body = text[para.start : para.end]
            if _title_case(body):
                continue
            for run in self._name_runs(body):
                self._add_person(body, para.start, *run)

    def _name_runs(self, body: str) -> list[tuple[int, int, int]]:
        """(run start, name start, end) for each capitalised run ending in a two-word name."""
        tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(body)]
        runs: list[tuple[int, int, int]] = []
        i = 0
        while i < len(tokens):
            if not tokens[i][2][0].isupper():
                i += 1
                continue
            j = i
            while j + 1 < len(tokens) and not _ends_run(tokens[j][2]):
                if tokens[j + 1][2][0].isupper():
                    j += 1
                    continue
                c = j + 1  # "von der Leyen", "bin Salman": connectors followed by a capital
                while c < len(tokens) and tokens[c][2].lower() in _CONNECTORS:
                    c += 1
                if c > j + 1 and c < len(tokens) and tokens[c][2][0].isupper():
                    j = c
                    continue
                break
            name_start = self._name_start(tokens, i, j)
            if name_start is not None:
                runs.append((tokens[i][0], tokens[name_start][0], tokens[j][1]))
            i = j + 1
        return runs

    def _name_start(self, tokens: list[tuple[int, int, str]], i: int, j: int) -> int | None:
        """Index of the first token of the personal name at the end of run i..j, if any."""
        k = j
        while k >= i:
            token = _strip_possessive(tokens[k][2])
            word = token.rstrip(".").lower()
            if _is_initial(token):
                k -= 1
                continue
            if (
                word in self._title_words
                or word in _NON_NAME_WORDS
                or _is_affiliation(token)
                or token.isupper() and len(token) > 1
            ):
                break
            k -= 1
        first = k + 1
        while first <= j and tokens[first][2].lower() in _CONNECTORS:
            first += 1
        titled = first > i and tokens[first - 1][2].rstrip(".").lower() in self._title_words
        if (j - first + 1 < 2 and not titled) or _is_initial(tokens[j][2]) or first > j:
            return None  # one word is a name only after a title: "President Biden"
        words = [_strip_possessive(t[2]).rstrip(".").lower() for t in tokens[first : j + 1]]
        if any(w in nonperson_words() for w in words) or find_affiliations(
            " ".join(t[2] for t in tokens[first : j + 1])
        ):
            return None  # a place, body or document: "West Bank", "Coast Guard", "United States"
        return first

    def _add_person(self, body: str, offset: int, run_start: int, name_start: int, end: int) -> None:
        name = _strip_possessive(" ".join(body[name_start:end].split())).rstrip(".,")
        words = name.split()
        entity = self._by_alias.get(name.lower()) or self._by_alias.get(words[-1].lower())
        if entity is None or entity.kind != "person":
            entity = Entity(name, "person")
            self._introduce(entity)
        elif len(name) > len(entity.name) and entity.name.split()[-1] == words[-1]:
            entity.name = name
        new = {name.lower()}
        # Every word of the name can stand for the person ("Wang" for Wang Yi, "Blinken" for
        # Antony Blinken), unless another person already answers to it.
        for w in words:
            low = w.lower()
            if not _is_initial(w) and low not in _CONNECTORS and (
                low not in self._by_alias or self._by_alias[low] is entity
            ):
                new.add(low)
        if len(words) > 2 and words[-2].lower() in _CONNECTORS:
            new.add(" ".join(words[-3:]).lower())
        new -= entity.aliases
        entity.aliases |= new
        entity.mentions.append(offset + name_start)
        left = self._left_context(body, run_start, name_start)
        right = self._appositive(body, end)
        for ctx, nearest in ((left, -1), (right, 0)):
            for role in _find_titles(ctx):
                entity.roles.add(role)
            if _nongovernmental(ctx):
                entity.sides.clear()
                entity.independent = True
            elif not entity.independent and (found := find_affiliations(ctx)):
                # The affiliation nearest the name: "Israeli Defense Minister Yoav Gallant".
                entity.sides[found[nearest].side] += 1
        context = left + " " + right
        if _FEMALE_MARKERS.search(context):
            entity.gender = "f"
        elif _MALE_MARKERS.search(context):
            entity.gender = "m"
        # Every alias of the person now answers to it: the new ones, and those another person
        # took over since (the others answer to it already).
        for alias in new | self._taken.pop(id(entity), set()):
            owner = self._by_alias.get(alias)
            if owner is not None and owner is not entity:
                self._taken.setdefault(id(owner), set()).add(alias)
            self._by_alias[alias] = entity
        self._changed(entity)

    def _left_context(self, body: str, run_start: int, name_start: int) -> str:
        """The title run before a name, plus a lowercase "Israel's defense minister," lead-in."""
        lead = body[max(0, run_start - 80) : run_start]
        words = _NONSPACE.findall(lead)
        kept: list[str] = []
        for n, w in enumerate(reversed(words)):
            if w.endswith(",") and (n > 0 or name_start > run_start):
                break  # a comma ends the lead-in, except in "Israel's defense minister, Yoav Gallant"
            if w.endswith(".") and not _is_initial(w) and w.rstrip(".").lower() not in abbreviations():
                break  # the previous sentence
            if w == "and" and n + 1 < len(words):
                prev = words[-(n + 2)].strip(",").lower()
                if prev not in self._title_words:
                    break  # "Alicia Bárcena and Homeland Security Secretary ...": another person
            bare = w.strip(",").lower().replace("’", "'")
            if bare.endswith("'s"):
                bare = bare[:-2]
            if (bare in self._title_words or find_affiliations(w.strip(",")) or bare in _LEAD_WORDS
                    or w[:1].isupper() and bare not in _NON_NAME_WORDS):
                kept.append(w)
                continue
            break
        return " ".join(reversed(kept)) + " " + body[run_start:name_start]

    def _appositive(self, body: str, end: int) -> str:
        """", the U.S. State Department spokesman," after a name (up to the next comma/period),
        read from the ``SUBJECT_REACH`` characters after it."""
        rest = re.sub(r"^,?\s+(?:Jr|Sr)\.?(?=[\s,’']|$)", "", body[end : end + SUBJECT_REACH])
        m = re.match(r",\s+((?:the|a|an|who is|who serves as)\s+[^,.;“”\"]{1,120}|"
                     r"[A-Z][^,.;“”\"]{1,80})", rest)
        if m and m.group(1)[0].isupper():
            # ", White House coordinator for ...": only when it opens with a country or a title.
            head = m.group(1).split()
            if not find_affiliations(" ".join(head[:3])) and head[0].lower() not in self._title_words:
                m = None
        if not m:
            m2 = re.match(r"\s+of\s+((?:the\s+)?[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*)", rest)
            return m2.group(1) if m2 else ""
        chunk = m.group(1)
        # Stop at a reporting cue: "the U.S. State Department spokesman stated".
        return re.split(r"\s(?:said|stated|says|told|added|noted|wrote)\b", chunk)[0]

    # -- lookups ----------------------------------------------------------------------------
    def by_name(self, phrase: str) -> Entity | None:
        words = [w.strip(".,’'s").lower() for w in phrase.split()]
        low = " ".join(w.strip(",").lower() for w in phrase.split())
        if low in self._by_alias:
            return self._by_alias[low]
        for w in reversed(words):
            if w in self._by_alias and self._by_alias[w].kind == "person":
                return self._by_alias[w]
        return None

    def by_role(
        self, roles: list[str], side: str | None, position: int, prefer: Entity | None = None
    ) -> Entity | None:
        """The person holding the role: ``prefer`` (the last speaker) if it holds it, else the
        holder most recently mentioned before ``position``, else the first after it. A role matches
        when its words are a subset of the person's role words."""
        key = (tuple(roles), side)
        holders = self._holders.get(key)
        if holders is None:
            holders = self._holders[key] = _Holders(roles, side, self._order)
            for e in self.entities:
                if holders.holds(e):
                    holders.add(e)
        if not holders.members:
            return None
        if prefer is not None and id(prefer) in holders.members:
            return prefer
        if (home := holders.home) is not None:
            # "The President" in a readout: the home official, whom the readout leaves
            # unqualified, rather than the counterpart it introduces with a country.
            return home
        return holders.most_recent(position)

    def _introduce(self, entity: Entity) -> Entity:
        self._order[id(entity)] = len(self.entities)
        self.entities.append(entity)
        return entity

    def _changed(self, entity: Entity) -> None:
        """Re-file a person whose roles or countries changed in the role lookups."""
        if entity.kind == "person":
            for holders in self._holders.values():
                holders.update(entity)

    def add_role(self, entity: Entity, role: str) -> None:
        if role not in entity.roles:
            entity.roles.add(role)
            self._changed(entity)

    def add_side(self, entity: Entity, side: str) -> None:
        new = side not in entity.sides
        entity.sides[side] += 1
        if new:
            self._changed(entity)

    def last_institution(self, noun: str) -> Entity | None:
        """The institution introduced last whose name contains ``noun`` (one of
        ``_INSTITUTION_NOUNS``: "ministry", "department", ...)."""
        return self._institution_by_noun.get(noun)

    def person(self, name: str) -> Entity:
        entity = self._introduce(Entity(name, "person", {name.lower(), name.split()[-1].lower()}))
        for alias in entity.aliases:
            self._by_alias.setdefault(alias, entity)
        return entity

    def institution(self, name: str, side: str) -> Entity:
        key = name.lower()
        entity = self._by_alias.get(key)
        if entity is None:
            entity = Entity(name, "institution", {key})
            self._introduce(entity)
            self._by_alias[key] = entity
            for noun in _INSTITUTION_NOUNS:
                if noun in key:
                    self._institution_by_noun[noun] = entity
        self.add_side(entity, side)
        return entity

    def generic(self, name: str, roles: list[str], side: str | None) -> Entity:
        key = name.lower()
        entity = self._by_alias.get(key)
        if entity is None:
            entity = Entity(name, "unknown", {key}, set(roles))
            self._introduce(entity)
            self._by_alias[key] = entity
        if side:
            self.add_side(entity, side)
        return entity


# --- cue subjects --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    word: str
    start: int  # offsets into the article text
    end: int
    subject: str  # the noun phrase naming the speaker ('' if none)
    subject_start: int
    inherits: bool  # "... and said": the subject is the previous cue's


_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# (?<!\s): a match starts where a run of spaces starts, so a long run (a masked quotation) is not
# tried from each of its positions; no ambiguous \s+\s* either.
_TEMPORAL_TAIL = re.compile(
    rf"(?<!\s)(?:\s+(?:(?:on|late|early|last|this|earlier|later)\s*)?(?:{_DAYS})"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+(?:today|yesterday|tonight|earlier|later|again))+\s*$"
)
_LEADING_NP = re.compile(r"^(?:The\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")
_INSTITUTION_NOUNS = frozenset(
    "ministry department office statement readout government embassy agency presidency "
    "chancellery council commission".split()
)
MAX_HEADLINE_QUOTES = 10
"""A headline quotation with no speaker is looked for in the body; so many of them at most."""
MAX_CUES_PER_STATEMENT = 8
"""A quotation takes its speaker from one of this many cues of its sentence nearest to it."""
_PARENTHETICAL = re.compile(r",\s*(?P<inner>[^,“”\"]{1,80}),\s*$")
_BREAK = re.compile(r"[\s,;:()]")
_NP_TOKEN = re.compile(r"[^\s,;:()]+|[,;:()]")
_FORWARD_NP = re.compile(r"\s+((?:the|a|an)\s+)?([^,;:.“”\"]*)")
_NONSPACE = re.compile(r"\S+")
SUBJECT_REACH = 300
"""Characters before (or after) a cue searched for its subject: a noun phrase, an appositive or an
"according to" source is far shorter. A bound, so that no cue's work grows with its sentence."""


def _plain(word: str) -> str:
    return word.lower().replace("’", "'").removesuffix("'s").strip(",")


def _window_start(frame: str, pos: int) -> int:
    """Where the ``SUBJECT_REACH`` characters before ``pos`` start, moved forward past any word the
    cut would split."""
    lo = max(0, pos - SUBJECT_REACH)
    if lo > 0 and not frame[lo - 1].isspace():
        m = _BREAK.search(frame, lo, pos)
        lo = m.end() if m else pos
    return lo


def _np_backward(frame: str, pos: int) -> tuple[str, int]:
    """The noun phrase ending right before ``pos`` (skipping adverbs), or '', read from the
    ``SUBJECT_REACH`` characters before ``pos``."""
    lo = _window_start(frame, pos)
    head = _TEMPORAL_TAIL.sub("", frame[lo:pos])
    words = list(_NP_TOKEN.finditer(head))
    k = len(words) - 1
    while k >= 0 and words[k].group(0).lower() in _ADVERBS:
        k -= 1
    end_k = k
    title_words = _title_words()
    while k >= 0:
        w = words[k].group(0)
        bare = w.lower().replace("’", "'").removesuffix("'s")
        if w in ",;:()" or w == "Q":
            break
        if bare == "and" and k > 0 and k < end_k and (
            words[k - 1].group(0)[0].isupper() or _plain(words[k - 1].group(0)) in title_words
        ):
            k -= 1  # "Secretary Blinken and Foreign Minister Kuleba discussed"
            continue
        if w[0].isupper() or bare in title_words or bare.removesuffix("s") in title_words \
                or bare in ("the", "a", "an", "two", "both", "top") \
                or bare in _PRONOUNS_M | _PRONOUNS_F | _PRONOUNS_PLURAL | {"it", "i"} \
                or bare in ("men", "women", "leaders", "sides", "officials", "delegations", "joint",
                            "statement", "readout", "ministry", "department", "government",
                            "office", "spokesperson", "spokesman", "spokeswoman", "source", "sources",
                            "counterparts", "communique", "communiqué", "side", "ministries",
                            "parties", "presidents", "governments", "countries"):
            k -= 1
            continue
        break
    if k == end_k:
        return "", pos
    start = lo + words[k + 1].start()
    return frame[start : lo + words[end_k].end()], start


def _np_forward(frame: str, pos: int) -> tuple[str, int]:
    """The noun phrase starting right after ``pos``: "said the Israeli defense minister with …",
    read from the ``SUBJECT_REACH`` characters after ``pos``."""
    rest = frame[pos : pos + SUBJECT_REACH]
    m = _FORWARD_NP.match(rest)
    if not m:
        return "", pos
    words = (m.group(1) or "").split() + m.group(2).split()
    title_words = _title_words()
    kept: list[str] = []
    for w in words:
        bare = w.lower().replace("’", "'").removesuffix("'s")
        if w == "Q":
            break
        if w[0].isupper() or bare in title_words or bare in ("the", "a", "an", "of", "top"):
            kept.append(w)
            continue
        if bare in _PRONOUNS_M | _PRONOUNS_F | _PRONOUNS_PLURAL and not kept:
            kept.append(w)
        break
    while kept and kept[-1].lower() in ("of", "the", "a", "an"):
        kept.pop()
    if not kept:
        return "", pos
    return " ".join(kept), pos + len(rest) - len(rest.lstrip())


def sentence_cues(article: Article, sentence: Sentence, quoted: list[tuple[int, int]]) -> list[Cue]:
    """The reporting cues of a sentence, each with its subject noun phrase. ``quoted`` are the
    quotation spans (inside the marks) in article offsets; they are masked as ``Q``."""
    from .quotes import find_cues, tail

    text = article.text
    s0 = sentence.start
    # (offsets below are kept into the article text)
    chars = list(text[sentence.start : sentence.end])
    for qs, qe in quoted:
        a, b = max(qs - 1 - s0, 0), min(qe + 1 - s0, len(chars))
        if a < b:
            chars[a:b] = ["Q"] + [" "] * (b - a - 1)
    frame = "".join(chars)
    cues: list[Cue] = []
    masked = [(i, i + 1) for i, c in enumerate(frame) if c == "Q" and (i == 0 or frame[i - 1] in " ,")]
    leading: list[re.Match[str] | None] = []  # the clause's leading noun phrase, found once
    for m in find_cues(frame, masked):
        word = m.group(0).lower()
        if word == "according to":
            src = re.match(r"\s+((?:[^,;:.“”\"]|\.(?=\w|\s+[a-z]))+)", frame[m.end() : m.end() + SUBJECT_REACH])
            np = re.split(r"\bQ\b", src.group(1))[0].strip()[:80] if src else ""
            at = m.end() + src.start(1) if src else m.end()
            cues.append(Cue(word, s0 + m.start(), s0 + m.end(), np, s0 + at, False))
            continue
        before = tail(frame, 0, m.start())
        np, at = _np_backward(frame, m.start())
        if np and re.match(r"^(?:the|a|an)\b", np, re.I) and tail(frame, 0, at).endswith(","):
            # Appositive: "Matthew Miller, the U.S. State Department spokesman, said".
            comma = at
            while comma > 0 and frame[comma - 1].isspace():
                comma -= 1
            name, name_at = _np_backward(frame, comma - 1)
            if name and name[0].isupper() and not name.lower().startswith(("the ", "a ")):
                np, at = name + ", " + np, name_at
        inherits = False
        if not np and (par := _PARENTHETICAL.search(frame, max(0, m.start() - SUBJECT_REACH), m.start())):
            # "Mr. Blinken, for his part, said" / "The UN coordinator, Lynn Hastings, welcomed"
            inner = par.group("inner").strip()
            if inner[:1].isupper() and not inner.lower().startswith(("the ", "a ", "an ")) \
                    and len(inner.split()) <= 4:
                np, at = inner, par.start("inner")
            else:
                np, at = _np_backward(frame, par.start())
        if not np:
            if word in _FORWARD_CUES or before.endswith(("Q", "Q,")) or not before:
                np, at = _np_forward(frame, m.end())
            if not np and re.search(r"(?:\band|\bbut|,)$", before):
                inherits = True
            if not np and word.endswith("ing"):
                if not leading:
                    leading.append(_LEADING_NP.match(frame))
                if (lead := leading[0]) is not None:
                    # "Brussels launched the probe, arguing that ...": the clause's subject.
                    np, at = lead.group(0), 0
        cues.append(Cue(word, s0 + m.start(), s0 + m.end(), np, s0 + at, inherits))
    for i, cue in enumerate(cues):
        if cue.inherits and i > 0 and cues[i - 1].subject:
            cues[i] = replace(cue, subject=cues[i - 1].subject, subject_start=cues[i - 1].subject_start)
    return cues


# --- resolution ----------------------------------------------------------------------------------


class Resolver:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.registry = Registry(article)
        self.last_person: Entity | None = None
        self.last_speaker: Entity | None = None
        self.speakers: set[int] = set()  # id() of the people who have spoken so far
        self.recent: list[tuple[int, Entity]] = []  # (paragraph, person) last mentioned, most recent last
        self._para_starts = [p.start for p in article.paragraphs]

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

    def resolve(self, phrase: str, position: int) -> tuple[Entity | None, Resolution]:
        np = " ".join(phrase.replace("’", "'").split()).strip(", ")
        bare = _ARTICLES.sub("", np)
        low = bare.lower()
        if not np:
            return None, "none"
        if _JOINT.match(np):
            return Entity(JOINT, "joint"), "joint"
        if " and " in np:
            parts = [self.resolve(p, position)[0] for p in np.split(" and ")]
            if len(parts) == 2 and all(parts) and parts[0] is not parts[1]:
                return Entity(JOINT, "joint"), "joint"
            np = np.split(" and ")[-1]
            bare = _ARTICLES.sub("", np)
            low = bare.lower()
        if low in _PRONOUNS_M | _PRONOUNS_F | {"i"}:
            want = "f" if low in _PRONOUNS_F else "m" if low in _PRONOUNS_M else None
            cand = self._pronoun(want, position)
            if cand is None:
                return None, "none"
            if cand.kind == "person" and cand.gender is None and want is not None:
                cand.gender = want  # a pronoun resolved to a person tells the person's gender
            return cand, "pronoun"
        if low in _PRONOUNS_PLURAL or low == "it":
            if self.last_speaker and self.last_speaker.kind != "person":
                return self.last_speaker, "pronoun"
            return None, "none"
        person = self.registry.by_name(bare)
        if person is not None:
            if "," in np:  # appositive: learn the role and affiliation it states
                for role in _find_titles(np.split(",", 1)[1]):
                    self.registry.add_role(person, role)
                for match in find_affiliations(np.split(",", 1)[1]):
                    self.registry.add_side(person, match.side)
            return person, "name"
        if low in _INSTITUTION_NOUNS or low.removeprefix("the ") in _INSTITUTION_NOUNS:
            ent = self.registry.last_institution(low.split()[-1])
            if ent is not None:
                return ent, "source"
        roles = _find_titles(bare)
        affs = find_affiliations(bare)
        side = affs[-1].side if affs else None
        if roles:
            person = self.registry.by_role(roles, side, position, prefer=self.last_speaker)
            if person is not None:
                return person, "role"
            return self.registry.generic(_clean(bare), roles, side), "role"
        if affs:
            name = _institution_name(bare, affs)
            return self.registry.institution(name, side or affs[-1].side), "source"
        if re.fullmatch(r"(?:[A-Z][\w’'-]+\s?){1,3}", bare) and bare.lower() not in _NON_NAME_WORDS:
            # A name the article never introduced in full ("Gallant said").
            return self.registry.person(bare), "name"
        return None, "none"


def _clean(np: str) -> str:
    return _ARTICLES.sub("", np.strip(" ,."))


def _institution_name(np: str, affs: list) -> str:
    """The institution's name as written: the longest affiliation phrase that is more than a
    country or demonym, else the phrase without its article ("a U.S. readout" -> "U.S. readout")."""
    longest = max(affs, key=lambda a: len(a.phrase))
    if len(longest.phrase.split()) > 1 or longest.phrase[0].isupper() and longest.phrase.isalpha() \
            and len(affs) == 1 and np.strip() == longest.phrase:
        return longest.phrase
    return _clean(np)


def attribute(
    article: Article, sentences: list[Sentence], statements: list[Statement],
    settings: Settings = DEFAULT, quotes: list[Quote] | None = None,
) -> tuple[list[Statement], list[Speaker], list[Speaker]]:
    """Give every statement a speaker. Returns the statements, the speakers they use, and the
    other people the article names with a role or a country (used to place the sides).
    ``quotes`` are the article's :func:`compare.quotes.find_quotes`, when the caller has them."""
    from .quotes import find_quotes

    resolver = Resolver(article)
    quotes = find_quotes(article) if quotes is None else quotes
    quote_starts = [q.start for q in quotes]
    by_sentence: dict[int, list[Statement]] = {}
    for st in statements:
        by_sentence.setdefault(st.sentence, []).append(st)
    readout_speaker: Entity | None = None
    readout_para = -1
    resolved: list[tuple[Statement, Entity | None]] = []
    pinned_at: set[int] = set()
    last_known: tuple[int, Entity] | None = None
    for si, sent in enumerate(sentences):
        s_text = article.text[sent.start : sent.end]
        m = _ATTRIBUTABLE.search(s_text)
        if m:
            ent, _ = resolver.resolve(m.group("np"), sent.start + m.start("np"))
            if ent is not None:
                readout_speaker, readout_para = ent, sent.paragraph
        sts = by_sentence.get(si)
        if not sts:
            _note_mentions(resolver, article, sent)
            continue
        lo = bisect.bisect_left(quote_starts, sent.start)
        hi = bisect.bisect_left(quote_starts, sent.end)
        quoted = [(q.start, q.end) for q in quotes[lo:hi]]
        cues = sentence_cues(article, sent, quoted)
        spoke: list[Entity] = []
        for st in sts:
            closing = _closing_cues(article, sentences, st, quotes, quote_starts)
            own = cues + closing if closing else cues
            entity, how, cue = _speaker_for(resolver, st, own)
            pinned = entity is None and st.kind != "indirect" and _has_own_cue(article.text, st, nearest_cues(own, st))
            if pinned:
                pinned_at.add(len(resolved))  # its own cue names someone unknown: no one else's words
            if entity is None and st.kind != "indirect" and not pinned:
                entity, how = _continuation(last_known, st, settings)
            if entity is None and readout_speaker is not None and st.paragraph >= readout_para and not pinned:
                entity, how = readout_speaker, "source"
            if entity is not None:
                st = replace(st, cue=cue or st.cue, speaker=entity.name, resolved_by=how)
                if entity.kind != "joint":
                    resolver.last_speaker = entity
            elif cue and cue != st.cue:
                st = replace(st, cue=cue)
            resolved.append((st, entity))
            if entity is not None:
                last_known = (st.paragraph, entity)
                spoke.append(entity)
        _note_mentions(resolver, article, sent, spoke)
    _fill_from_following(resolved, pinned_at)
    _fill_headline_quotes(article, resolved)
    speakers: dict[str, Speaker] = {}
    for _, ent in resolved:
        if ent is not None and ent.name not in speakers:
            speakers[ent.name] = ent.speaker()
    people = [
        e.speaker() for e in resolver.registry.entities
        if e.kind == "person" and (e.roles or e.sides) and e.name not in speakers
    ]
    return [st for st, _ in resolved], list(speakers.values()), people


_CUE_AFTER_CLOSE = re.compile(r"[”\"’»]?,?\s*[^,;:.!?“”\"\n]{0,60}")
_CUE_BEFORE_OPEN = re.compile(r"\s*[:,]?\s*[“\"‘«]?")


def _has_own_cue(text: str, st: Statement, cues: list[Cue]) -> bool:
    """Whether a quotation has a cue of its own: one after its closing mark with only a short
    subject phrase between ("“Shalom,” someone in the crowd said"), or one right before its opening
    mark ("a man said: “…”"). Such a quotation is never another speaker's continuation. A cue whose
    subject points back ("the statement said") is not one: it continues its source."""
    for c in cues:
        if c.word == "according to" or _ARTICLES.sub("", c.subject.lower().strip()) in _INSTITUTION_NOUNS:
            continue
        if c.start >= st.end and _CUE_AFTER_CLOSE.fullmatch(text, st.end, c.start):
            return True
        if c.end <= st.start and _CUE_BEFORE_OPEN.fullmatch(text, c.end, st.start):
            return True
    return False


def _closing_cues(
    article: Article, sentences: list[Sentence], st: Statement, quotes: list[Quote], quote_starts: list[int]
) -> list[Cue]:
    """The cues after the closing mark of a quotation that runs past its first sentence ("“A. B,”
    Fidan said."): those of the sentence where the quotation ends, starting after it. The whole
    quotation takes them, as a one-sentence quotation takes the cues of its own sentence."""
    if st.kind == "indirect" or st.end <= sentences[st.sentence].end:
        return []
    last = bisect.bisect_right(sentences, st.end - 1, lo=st.sentence, key=lambda s: s.start) - 1
    if last <= st.sentence:
        return []
    sent = sentences[last]
    lo = max(0, bisect.bisect_right(quote_starts, st.start) - 1)
    hi = bisect.bisect_left(quote_starts, sent.end)
    quoted = [(q.start, q.end) for q in quotes[lo:hi]]
    return [c for c in sentence_cues(article, sent, quoted) if c.start >= st.end]


def nearest_cues(cues: list[Cue], st: Statement, k: int = MAX_CUES_PER_STATEMENT) -> list[Cue]:
    """The ``k`` cues of a sentence nearest to a quotation, nearest first (ties: in text order).

    distance(c) = min(|c.start - st.end|, |st.start - c.end|), less 1000 for a cue starting within
    8 characters after the quotation ("…,” he said). ``cues`` are in text order and do not overlap,
    so only the k cues on either side of the quotation (and any overlapping it) can be nearest."""
    lo = bisect.bisect_right(cues, st.start, key=lambda c: c.end)  # cues[:lo] end before it
    hi = bisect.bisect_left(cues, st.end, key=lambda c: c.start)  # cues[hi:] start after it
    window = range(max(0, lo - k), min(len(cues), hi + k))

    def distance(i: int) -> int:
        c = cues[i]
        return min(abs(c.start - st.end), abs(st.start - c.end)) - (
            1000 if c.start >= st.end and c.start - st.end < 8 else 0
        )

    return [cues[i] for i in sorted(window, key=lambda i: (distance(i), i))[:k]]


def _speaker_for(
    resolver: Resolver, st: Statement, cues: list[Cue]
) -> tuple[Entity | None, Resolution, str | None]:
    """The cue nearest the statement (outside it) whose subject resolves, and that subject. A
    quotation looks at the ``MAX_CUES_PER_STATEMENT`` cues nearest to it."""
    if st.kind == "indirect":
        ordered = [c for c in cues if st.start <= c.start < st.end or c.word == "according to"]
    else:
        ordered = nearest_cues(cues, st)
    # A person subject beats an "according to <source>" when both are in one sentence; the source
    # is still registered, so that "the ministry" can refer back to it.
    ordered.sort(key=lambda c: c.word == "according to")
    for cue in ordered:
        if cue.word == "according to" and cue.subject and cue is not ordered[0]:
            resolver.resolve(cue.subject, cue.subject_start)
    for cue in ordered:
        if not cue.subject:
            continue
        entity, how = resolver.resolve(cue.subject, cue.subject_start)
        if entity is not None:
            return entity, how, cue.word
    return None, "none", ordered[0].word if ordered else None


def _continuation(
    last: tuple[int, Entity] | None, st: Statement, settings: Settings
) -> tuple[Entity | None, Resolution]:
    """The speaker of the last statement that has one (``last``: its paragraph and speaker), when
    it is at most ``continuation_paragraphs`` back. Statements come in text order, so that is the
    nearest earlier speaker."""
    if last is not None and st.paragraph - last[0] <= settings.continuation_paragraphs:
        return last[1], "continuation"
    return None, "none"


def _fill_from_following(
    resolved: list[tuple[Statement, Entity | None]], pinned: frozenset[int] | set[int] = frozenset()
) -> None:
    """A quotation with no speaker takes the speaker of the next statement in its paragraph
    ("“A.” “B,” he said."), unless it is ``pinned`` (its own cue names someone unknown). One pass
    from the end, carrying the next speaker seen."""
    following: Entity | None = None
    paragraph = -1
    for i in range(len(resolved) - 1, -1, -1):
        st, ent = resolved[i]
        if st.paragraph != paragraph:
            following, paragraph = None, st.paragraph
        if ent is None and st.kind != "indirect" and following is not None and i not in pinned:
            resolved[i] = (replace(st, speaker=following.name, resolved_by="continuation"), following)
        if ent is not None:
            following = ent


def _fill_headline_quotes(article: Article, resolved: list[tuple[Statement, Entity | None]]) -> None:
    """A headline quotation with no cue usually repeats words the body gives to its speaker. The
    first ``MAX_HEADLINE_QUOTES`` such quotations are looked for in the body."""
    headline = {p.index for p in article.paragraphs if p.role == "headline"}
    orphans = [
        i for i, (st, ent) in enumerate(resolved) if ent is None and st.paragraph in headline
    ][:MAX_HEADLINE_QUOTES]
    if not orphans:
        return
    body = [
        (" ".join(other.text.lower().split()), oent)
        for other, oent in resolved
        if oent is not None and other.paragraph not in headline
    ]
    for i in orphans:
        st = resolved[i][0]
        needle = " ".join(st.text.lower().split()).strip(" ,.")
        for text, oent in body:
            if needle in text:
                resolved[i] = (replace(st, speaker=oent.name, resolved_by="continuation"), oent)
                break


MENTIONS_PER_SENTENCE = 12
"""Capitalised words of a sentence looked up as people named in it, for later pronouns."""
RECENT_PEOPLE = 8
"""People last mentioned that a pronoun may stand for."""


def _note_mentions(resolver: Resolver, article: Article, sent: Sentence,
                   speakers: list[Entity] | tuple[()] = ()) -> None:
    """Remember the people named in a sentence (among its first ``MENTIONS_PER_SENTENCE``
    capitalised words), for pronouns in the next ones; the sentence's speakers count as its last
    mention, as the subject of a sentence is what a following pronoun most often stands for."""
    s_text = article.text[sent.start : sent.end]
    spoken = resolver.speakers
    for m in itertools.islice(_CAPITALISED.finditer(s_text), MENTIONS_PER_SENTENCE):
        ent = resolver.registry.by_name(m.group(0))
        if ent is not None and ent.kind == "person" and (ent.roles or ent.sides or ent.gender or id(ent) in spoken):
            resolver.note(ent, sent.paragraph)
    for ent in speakers:
        if ent.kind == "person":
            resolver.note(ent, sent.paragraph)
            spoken.add(id(ent))


__all__ = ["attribute", "Registry", "Resolver", "sentence_cues", "UNKNOWN"]
