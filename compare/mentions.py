"""People and institutions an article introduces: capitalised name runs with the titles,
demonyms and appositives around them, kept in a :class:`Registry` that answers lookups by name, by
role (and country) and by institution noun.

Cost: linear in the article. A role is looked up in an index of its holders kept up to date as
people gain roles and countries (:class:`_Holders`); an appositive is read from the
``SUBJECT_REACH`` characters after a name.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .lexicon import (
    abbreviations,
    find_affiliations,
    nongovernmental,
    nonperson_words,
    own_affiliations,
    parts_of_speech,
    role_equivalents,
    titles,
    trie_regex,
    word_set,
)
from .records import Article, Speaker

_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž](?:[\w.’'-]*[\w])?\.?|[,;:()—–]")
_CONNECTORS = word_set("name_connectors.txt")
_PREFIXES = word_set("name_prefixes.txt")
_PREFIXED = re.compile(r"^([a-z]+)[-‐]([A-Z])")


TOKEN_CACHE_SIZE = 100_000
"""Tokens whose affiliation test (and whether they read as capitalised) is remembered."""


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def capitalised(word: str) -> bool:
    """Whether ``word`` reads as a capitalised name word: it starts with a capital, or with a
    lowercase particle of ``name_prefixes.txt`` joined by a hyphen to a capital ("al-Rifai").
    Remembered per spelling (bounded: ``TOKEN_CACHE_SIZE``); every name run asks it of each word."""
    if word[:1].isupper():
        return True
    m = _PREFIXED.match(word)
    return bool(m and m.group(1) in _PREFIXES)


def _unprefixed(word: str) -> str | None:
    """"Rifai" for "al-Rifai" (any case), else None."""
    m = _PREFIXED.match(word[:1].lower() + word[1:])
    return word[m.end(1) + 1 :] if m and m.group(1) in _PREFIXES else None
PRONOUNS_M = frozenset({"he", "him"})
PRONOUNS_F = frozenset({"she", "her"})
PRONOUNS_PLURAL = frozenset({"they", "we"})
ADVERBS = word_set("cue_adverbs.txt")
JOINT_SUBJECT = re.compile(
    r"^(?:the\s+)?(?:two|both)\s*(?:\w+\s+)?(?:men|women|leaders|ministers|officials|sides|"
    r"diplomats|presidents|counterparts|delegations|governments|countries|secretaries|chiefs|"
    r"envoys|premiers|authorities|parties|nations|heads\s+of\s+state)?$|"
    r"^(?:the\s+)?(?:(?:foreign|prime|defen[cs]e)\s+)?(?:leaders|sides|delegations|parties|governments|"
    r"ministers|presidents|premiers)$|^(?:a|the)\s+joint\s+"
    r"(?:statement|communiqu[ée]|declaration|readout)",
    re.IGNORECASE,
)
ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
FEMALE_MARKERS = re.compile(r"\b(?:Ms|Mrs|Madam|Queen|spokeswoman|chairwoman|congresswoman)\b\.?", re.I)
MALE_MARKERS = re.compile(r"\b(?:Mr|King|spokesman|chairman|congressman)\b\.?", re.I)
NON_NAME_WORDS = word_set("non_name_words.txt") | word_set("sentence_openers.txt")
_COUNTERPART = re.compile(r"\bcounterparts?\b", re.I)


_LEAD_WORDS = word_set("lead_words.txt")
MAX_NAME_WORDS = 5
"""A personal name has at most this many words besides initials and particles ("Mohammed bin
Salman Al Saud", "Luiz Inácio Lula da Silva"); a longer capitalised run is a title or a heading."""
_INITIAL = re.compile(r"^[A-Z]\.$")


def _is_initial(token: str) -> bool:
    return bool(_INITIAL.match(token))


CAPITALISED = re.compile(r"[A-Z][\w’'-]+")
_POSSESSIVE = re.compile(r"[’']s?$")
_WORD_POSSESSIVE = re.compile(r"\w[’']s?$")


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _strip_possessive(token: str) -> str:
    return _POSSESSIVE.sub("", token) if _WORD_POSSESSIVE.search(token) else token


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _ends_run(token: str) -> bool:
    """A name run stops after a possessive or a sentence-final period (not an initial or an
    abbreviation such as U.S. or Mr.). Remembered per token, like :func:`capitalised`."""
    if _POSSESSIVE.search(token):
        return True
    if token.endswith(".") and not _is_initial(token):
        return token.rstrip(".").lower() not in abbreviations() and token.count(".") == 1
    return False


def _title_case(text: str) -> bool:
    """A headline in Title Case: most words of four letters or more are capitalised."""
    if re.search(r"[.!?:\"”’]\s*$", text) or re.search(r"[a-z]{2}[.!?]\s+[A-Z]", text):
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
    """Whether a token or a name run holds an affiliation phrase ("Israeli", "U.S.-led", "Coast
    Guard"), remembered per spelling (bounded: ``TOKEN_CACHE_SIZE``)."""
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
    counterpart: bool = False  # introduced as someone's counterpart ("his Ethiopian counterpart, …")

    def speaker(self) -> Speaker:
        side = self.sides.most_common(1)[0][0] if self.sides else None
        kind = self.kind if self.kind in ("person", "institution") else "unknown"
        return Speaker(self.name, kind, side, tuple(sorted(self.roles)),  # type: ignore[arg-type]
                       self.independent)


class _Holders:
    """The people holding a role (on a side, if given), kept up to date as people gain roles and
    countries, for :meth:`Registry.by_role`: the holders, those of them with no country, and
    their mentions in text order."""

    def __init__(self, roles: list[str], side: str | None, order: dict[int, int], strict: bool = False) -> None:
        self.wanted = [set(r.split()) for r in roles]
        self.side = side
        self.strict = strict  # only holders the article gives that side
        self.order = order  # id(entity) -> place in Registry.entities
        self.members: dict[int, Entity] = {}
        self.unqualified: dict[int, Entity] = {}
        self.keys: list[tuple[int, int]] = []  # (mention offset, -order), sorted
        self.mentioned: list[Entity] = []  # the entity of each key
        self._first: Entity | None = None
        self._first_known = True

    def holds(self, e: Entity) -> bool:
        if e.kind != "person" or (self.side and (e.sides or self.strict) and self.side not in e.sides):
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
def title_words() -> frozenset[str]:
    return frozenset(w for t in titles() for w in t.split())


@cache
def _titles_by_first_word() -> dict[str, list[tuple[int, str, str]]]:
    """first word -> (rank, `` title ``, title) of the titles starting with it; rank 0 is the
    longest title (ties: alphabetical, so that the order does not depend on set order)."""
    out: dict[str, list[tuple[int, str, str]]] = {}
    for rank, t in enumerate(sorted(titles(), key=lambda t: (-len(t), t))):
        out.setdefault(t.split()[0], []).append((rank, f" {t} ", t))
    return out


@cache
def title_heads() -> frozenset[str]:
    """The last words of titles ("minister", "president", "secretary"): a word that ends a title."""
    return frozenset(t.split()[-1] for t in titles())


@cache
def role_nouns() -> frozenset[str]:
    """The last words of titles with no "of"/"for" portfolio ("minister", "president"; not the
    "energy" of "secretary of energy"): the noun naming the office itself."""
    return frozenset(t.split()[-1] for t in titles() if not {"of", "for"} & set(t.split()))


def find_titles(text: str) -> list[str]:
    """Titles in ``text``, longest first, without overlaps. Only titles whose first word occurs
    in the text are tried."""
    words = text.lower().replace("’", "'").replace(",", " ").split()  # "Spokesperson, Ambassador"
    index = _titles_by_first_word()
    candidates = sorted(c for w in set(words) if w in index for c in index[w])
    low = " " + " ".join(words) + " "
    found: list[str] = []
    for _, needle, t in candidates:
        if needle in low:
            found.append(_norm_role(t))
            low = low.replace(needle, " | ")
    return found


_HEAD_TITLES = frozenset({"president", "minister", "chancellor", "premier", "king", "queen", "emir", "sultan"})
"""Last words of a head of state's or government's title ("Prime Minister", "President"): one
joined by "and" to another such title names two people, not one with two offices ("Deputy Prime
Minister and Foreign Minister X" is one: its second title is no head's)."""
_SERVES = re.compile(r"(?:the\s+|a\s+|an\s+)?(?P<title>[a-z][\w\s-]*?)\s+(?:to|for)\s+the\s+(?P<served>.+)")
"""A role held for another office: "press secretary to the Kyrgyz president", "spokesperson for
the Tajik presidency"."""


class Registry:
    """People and institutions of one article, found from capitalised name runs and their
    titles, demonyms and appositives."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.entities: list[Entity] = []
        self._by_alias: dict[str, Entity] = {}
        self._institution_by_noun: dict[str, Entity] = {}
        self._title_words = title_words()
        self._order: dict[int, int] = {}  # id(entity) -> place in self.entities
        self._taken: dict[int, set[str]] = {}  # id(person) -> its aliases another person answers to
        self._holders: dict[tuple[tuple[str, ...], str | None, bool], _Holders] = {}  # by_role lookups
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
            titled: Entity | None = None  # the last person of the paragraph named with a title
            for run in self._name_runs(body):
                if self._portfolio_item(body, *run):
                    continue  # "Minister of Foreign Affairs, African Integration and Ivorians Abroad"
                entity = self._add_person(body, para.start, *run)
                if entity.counterpart and not entity.roles - {"counterpart"} and titled is not None \
                        and titled is not entity \
                        and _COUNTERPART.search(body[max(0, run[0] - 60) : run[1]]):
                    # "Foreign Minister Lins met his Paraguayan counterpart Rodrigo Insfrán": a
                    # counterpart holds the same office as the person whose counterpart they are
                    entity.roles |= titled.roles - {"counterpart"}
                if entity.roles - {"counterpart"}:
                    titled = entity

    @staticmethod
    def _portfolio_item(body: str, run_start: int, name_start: int, end: int) -> bool:
        """Whether the run is one more part of a ministry's portfolio (``_IN_PORTFOLIO``) whose
        words are all common words (:func:`_common_word`: "African Integration"), not a name after
        the title ("Minister of Foreign Affairs, Hon. Kwabena Asante-Mensah", "Minister of
        Petroleum and Energy Mohamed Ould Sidiya")."""
        if _IN_PORTFOLIO.search(body[max(0, run_start - 160) : run_start]) is None:
            return False
        return all(_common_word(w) for w in re.findall(r"[A-Za-z][\w’'-]*", body[run_start:end]))

    def _name_runs(self, body: str) -> list[tuple[int, int, int]]:
        """(run start, name start, end) for each capitalised run ending in a two-word name."""
        tokens = [(*m.span(), m.group()) for m in _TOKEN.finditer(body)]
        runs: list[tuple[int, int, int]] = []
        i = 0
        while i < len(tokens):
            if not capitalised(tokens[i][2]):
                i += 1
                continue
            j = i
            while j + 1 < len(tokens) and not _ends_run(tokens[j][2]) \
                    and body[tokens[j][1] : tokens[j + 1][0]].isspace():  # not across "!” or a quote mark
                if capitalised(tokens[j + 1][2]):
                    j += 1
                    continue
                c = j + 1  # "von der Leyen", "bin Salman": connectors followed by a capital
                while c < len(tokens) and tokens[c][2].lower() in _CONNECTORS:
                    c += 1
                if c > j + 1 and c < len(tokens) and capitalised(tokens[c][2]):
                    j = c
                    continue
                break
            name_start = self._name_start(tokens, i, j)
            end = j
            if name_start is None:
                # "Patricia Moran of Cheyenne": the name before a place after "of"/"for"
                cut = max((c for c in range(i + 1, j) if tokens[c][2].lower() in ("of", "for")), default=None)
                if cut is not None and (name_start := self._name_start(tokens, i, cut - 1)) is not None:
                    end = cut - 1
            if name_start is not None:
                runs.append((tokens[i][0], tokens[name_start][0], tokens[end][1]))
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
                or word in NON_NAME_WORDS
                or _is_affiliation(token)
                or token.isupper() and len(token) > 1
            ):
                break
            k -= 1
        first = k + 1
        while first <= j and tokens[first][2].lower() in _CONNECTORS:
            first += 1
        before = tokens[first - 1][2].rstrip(".").lower() if first > i else ""
        # "President Biden", but not "Minister of Petroleum": a portfolio after "of"/"for"
        titled = before in self._title_words and before not in _CONNECTORS and before not in ("for", "and")
        if (j - first + 1 < 2 and not titled) or _is_initial(tokens[j][2]) or first > j:
            return None  # one word is a name only after a title: "President Biden"
        words = [_strip_possessive(t[2]).rstrip(".").lower() for t in tokens[first : j + 1]]
        if sum(not _is_initial(t[2]) and t[2].lower() not in _CONNECTORS for t in tokens[first : j + 1]) \
                > MAX_NAME_WORDS:
            return None  # a title in Title Case ("Sanders Vows To Cut Tax Breaks"), not a name
        place = not self._titled_name(tokens, first, words) and any(w in nonperson_words() for w in words)
        if place or _is_affiliation(" ".join(t[2] for t in tokens[first : j + 1])):
            return None  # a place, body or document: "West Bank", "Coast Guard", "United States"
        return first

    def _titled_name(self, tokens: list[tuple[int, int, str]], first: int, words: list[str]) -> bool:
        """A name of two or more words right after a personal title ("President Park Min-seok",
        "Trade Minister Ama Hall"): a person even when a word of it is also a place noun."""
        title = tokens[first - 1][2].rstrip(".") if first > 0 else ""
        return len(words) >= 2 and title[:1].isupper() and title.lower() in title_heads() \
            and title.lower() not in NON_NAME_WORDS

    def _add_person(self, body: str, offset: int, run_start: int, name_start: int, end: int) -> Entity:
        """Introduce (or add a mention to) the person named at ``body[name_start:end]``, learning
        roles, country and gender from the words around the name; returns the person."""
        name = _strip_possessive(" ".join(body[name_start:end].split())).rstrip(".,")
        words = name.split()
        entity = self._by_alias.get(name.lower())
        if entity is None and (by_word := self._by_alias.get(words[-1].lower())) is not None \
                and (len(words) == 1 or by_word.name.split()[-1].lower() == words[-1].lower()):
            # "Blinken", "Antony J. Blinken": the person of that name; but "Nguyen Van Thanh" is not
            # "Bui Thanh Son", whose middle name he shares
            entity = by_word
        if entity is None or entity.kind != "person":
            entity = Entity(name, "person")
            self._introduce(entity)
        elif len(name) > len(entity.name) and entity.name.split()[-1] == words[-1]:
            entity.name = name
        new = self._new_aliases(entity, name)
        entity.aliases |= new
        entity.mentions.append(offset + name_start)
        self._learn_context(entity, self._left_context(body, run_start, name_start), self._appositive(body, end))
        # Every alias of the person now answers to it: the new ones, and those another person
        # took over since (the others answer to it already).
        for alias in new | self._taken.pop(id(entity), set()):
            owner = self._by_alias.get(alias)
            if owner is not None and owner is not entity:
                self._taken.setdefault(id(owner), set()).add(alias)
            self._by_alias[alias] = entity
        self._changed(entity)
        return entity

    def _new_aliases(self, entity: Entity, name: str) -> set[str]:
        """The names ``entity`` newly answers to: the full name, and every word of it ("Wang" for
        Wang Yi, "Blinken" for Antony Blinken) unless another person already answers to it."""
        words = name.split()
        new = {name.lower()}
        for w in words:
            low = w.lower()
            for form in (low, (_unprefixed(low) or "")):
                if form and not _is_initial(w) and low not in _CONNECTORS and (
                    form not in self._by_alias or self._by_alias[form] is entity
                ):
                    new.add(form)
        if len(words) > 2 and words[-2].lower() in _CONNECTORS:
            new.add(" ".join(words[-3:]).lower())
        return new - entity.aliases

    @staticmethod
    def _learn_context(entity: Entity, left: str, right: str) -> None:
        """Roles, country (the affiliation nearest the name: "Israeli Defense Minister Yoav
        Gallant"), independence and gender from the lead-in and the appositive of a mention."""
        for ctx, nearest in ((left, -1), (right, 0)):
            for role in find_titles(ctx):
                entity.roles.add(role)
            if _nongovernmental(ctx):
                entity.sides.clear()
                entity.independent = True
            elif not entity.independent and (found := own_affiliations(ctx)):
                entity.sides[found[nearest].side] += 1
        context = left + " " + right
        if _COUNTERPART.search(left):
            entity.counterpart = True
        if FEMALE_MARKERS.search(context):
            entity.gender = "f"
        elif MALE_MARKERS.search(context):
            entity.gender = "m"

    def _left_context(self, body: str, run_start: int, name_start: int) -> str:
        """The title run before a name, plus a lowercase "Israel's defense minister," lead-in."""
        lead = body[max(0, run_start - 80) : run_start]
        wide = body[max(0, run_start - 160) : run_start]
        if (m := _PORTFOLIO.search(wide)) and (before := wide[: m.start()].split()) and \
                before[-1].lower() in self._title_words and _LISTED.search(m.group()):
            lead = wide[: m.start()][-80:] + wide[m.end():]
        words = _NONSPACE.findall(lead)
        kept: list[str] = []
        # "his Ethiopian counterpart, Mr. Tesfaye Alemu": a courtesy title is no title run.
        titled = any(w.rstrip(".").lower() not in NON_NAME_WORDS for w in body[run_start:name_start].split())
        for n, w in enumerate(reversed(words)):
            if w.endswith(",") and (n > 0 or titled and w.strip(",").lower() not in self._title_words):
                # "The Ministry's Chief Spokesperson, Ambassador Kojo Ansah": a role in apposition
                break  # a comma ends the lead-in, except in "Israel's defense minister, Yoav Gallant"
            if w.endswith(".") and not _is_initial(w) and w.rstrip(".").lower() not in abbreviations():
                break  # the previous sentence
            if w == "and" and n + 1 < len(words):
                prev_word = words[-(n + 2)].strip(",")
                prev = prev_word.lower()
                after = kept[-1] if kept else body[run_start:name_start].strip()
                portfolio = prev_word[:1].isupper() and after[:1].isupper() \
                    and prev.replace("’", "'").removesuffix("'s") not in self._by_alias \
                    and not _is_affiliation(prev_word)  # "… of Kyrgyzstan and President X": no portfolio
                if prev not in self._title_words and not portfolio:
                    break  # "Alicia Bárcena and Homeland Security Secretary ...": another person
                if prev in _HEAD_TITLES and after.split(" ", 1)[0].lower() in _HEAD_TITLES:
                    break  # "The Prime Minister and President Riquelme": two heads, two people
                # "Brazil's Mines and Energy Minister": one portfolio, no name before the "and"
            bare = w.strip(",").lower().replace("’", "'")
            if bare in ("to", "in", "at") and n + 1 < len(words) \
                    and words[-(n + 2)].strip(",").lower() in _ENVOY_HEADS:
                kept.append(w)  # "Ghana's High Commissioner to Togo, Kojo Ansah": where posted
                continue
            if bare.endswith("'s"):
                bare = bare[:-2]
            if (bare in self._title_words or _is_affiliation(w.strip(",")) or bare in _LEAD_WORDS
                    or w[:1].isupper() and bare not in NON_NAME_WORDS):
                kept.append(w)
                continue
            break
        return " ".join(reversed(kept)) + " " + body[run_start:name_start]

    def _appositive(self, body: str, end: int) -> str:
        """", the U.S. State Department spokesman," after a name (up to the next comma/period),
        read from the ``SUBJECT_REACH`` characters after it."""
        rest = re.sub(r"^,?\s+(?:Jr|Sr)\.?(?=[\s,’']|$)", "", body[end : end + SUBJECT_REACH])
        m = re.match(r",\s+((?:the|a|an|who is|who serves as)\s+[^,.;“”\"]{1,120}|"
                     r"[A-Z][^,.;“”\"]{1,80}|[a-z][^,.;“”\"]{1,80})", rest)
        if m and m.group(1)[0].islower() and not re.match(r"(?:the|a|an|who)\s", m.group(1)) \
                and not find_titles(" ".join(m.group(1).split()[:3])):
            m = None  # ", press secretary to the Kyrgyz president,": only a title opens it bare
        if m and m.group(1)[0].isupper():
            # ", White House coordinator for ...": only when it opens with a country or a title.
            head = m.group(1).split()
            if not find_affiliations(" ".join(head[:3])) and head[0].lower() not in self._title_words:
                m = None
        if not m:
            m2 = re.match(r"\s+of\s+((?:the\s+)?[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*)", rest)
            # "Luxon of New Zealand. The President …": the sentence ends at a word's full stop
            return re.split(r"(?<=[a-z])\.\s", m2.group(1))[0] if m2 else ""
        chunk = m.group(1)
        # Stop at a reporting cue: "the U.S. State Department spokesman stated".
        chunk = re.split(r"\s(?:said|stated|says|told|added|noted|wrote)\b", chunk)[0]
        served = _SERVES.match(chunk)
        if served is not None:
            # "press secretary to the Kyrgyz president": the press secretary is Kyrgyz, and no
            # president; the office served gives only the country
            country = find_affiliations(served.group("served"))
            return " ".join([country[0].phrase] if country else []) + " " + served.group("title")
        return chunk

    # -- lookups ----------------------------------------------------------------------------
    def by_name(self, phrase: str) -> Entity | None:
        """The entity answering to the whole phrase, else the person answering to its last word
        that one answers to ("Secretary Blinken's" -> Antony Blinken), else None."""
        parts = phrase.split()
        found = self._by_alias.get(" ".join(w.strip(",").lower() for w in parts))
        if found is not None:
            return found
        for w in reversed(parts):
            found = self._by_alias.get(w.strip(".,’'s").lower())
            if found is not None and found.kind == "person":
                return found
        return None

    def by_role(
        self, roles: list[str], side: str | None, position: int, prefer: Entity | None = None
    ) -> Entity | None:
        """The person holding the role: ``prefer`` (the last speaker) if it holds it, else the
        holder most recently mentioned before ``position``, else the first after it. A role matches
        when its words are a subset of the person's role words."""
        if side is not None and (own := self._own_holder(roles, side, position, prefer)) is not None:
            return own
        holders = self._role_holders(roles, side)
        if not holders.members:
            return None
        if prefer is not None and id(prefer) in holders.members:
            return prefer
        if (home := holders.home) is not None:
            # "The President" in a readout: the home official, whom the readout leaves
            # unqualified, rather than the counterpart it introduces with a country.
            return home
        return holders.most_recent(position)

    def _role_holders(self, roles: list[str], side: str | None, strict: bool = False) -> _Holders:
        key = (tuple(roles), side, strict)
        holders = self._holders.get(key)
        if holders is None:
            holders = self._holders[key] = _Holders(roles, side, self._order, strict)
            for e in self.entities:
                if holders.holds(e):
                    holders.add(e)
        return holders

    def _own_holder(self, roles: list[str], side: str, position: int, prefer: Entity | None) -> Entity | None:
        """"The Ethiopian Foreign Minister": a holder of the role whom the article gives that
        country, else the one person of that country introduced as a counterpart with no role
        ("his Ethiopian counterpart, Tesfaye Alemu"); None when there is neither (the caller then
        reads the role alone)."""
        holders = self._role_holders(roles, side, strict=True)
        if holders.members:
            return prefer if prefer is not None and id(prefer) in holders.members else holders.most_recent(position)
        untitled = [e for e in self.entities
                    if e.kind == "person" and e.counterpart and side in e.sides and e.roles <= {"counterpart"}]
        if len(untitled) == 1:
            return untitled[0]
        return None

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
        ``INSTITUTION_NOUNS``: "ministry", "department", ...)."""
        return self._institution_by_noun.get(noun)

    def aliases(self) -> dict[str, Entity]:
        """Every name a person or institution answers to (lowercase) -> it."""
        return self._by_alias

    def add_alias(self, entity: Entity, alias: str) -> None:
        """Let ``entity`` answer to ``alias`` (lowercase) from now on."""
        entity.aliases.add(alias)
        self._by_alias[alias] = entity

    def person(self, name: str) -> Entity:
        entity = self._introduce(Entity(name, "person", {name.lower(), name.split()[-1].lower()}))
        for alias in entity.aliases:
            self._by_alias.setdefault(alias, entity)
        return entity

    def organisation(self, name: str) -> Entity:
        """A named body that speaks for no government (a party, movement or union)."""
        key = name.lower()
        entity = self._by_alias.get(key)
        if entity is None:
            entity = self._introduce(Entity(name, "institution", {key}, independent=True))
            self._by_alias[key] = entity
        return entity

    def institution(self, name: str, side: str) -> Entity:
        key = name.lower()
        entity = self._by_alias.get(key)
        if entity is None:
            entity = Entity(name, "institution", {key})
            self._introduce(entity)
            self._by_alias[key] = entity
            for noun in INSTITUTION_NOUNS:
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
INSTITUTION_NOUNS = word_set("institution_nouns.txt")
_NONSPACE = re.compile(r"\S+")
_ENVOY_HEADS = frozenset({"ambassador", "commissioner", "envoy", "consul", "general", "affaires", "representative"})
"""Last words of a diplomat's title, after which "to"/"in" names the post, not the government."""
COMMON_WORD_DF = 50
"""A word in at least this many paragraphs of the background is common, not a personal name (the
background's 50,453 paragraphs name few people that often; "African", "Integration" are far above)."""


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _common_word(word: str) -> bool:
    """An English word the lexicon knows, a demonym or country, or a word common in the background
    (``COMMON_WORD_DF``): not a personal name."""
    from .terms import background, stem

    low = word.lower()
    return bool(parts_of_speech(low) or find_affiliations(word)) or background().df.get(stem(low), 0) >= COMMON_WORD_DF


_IN_PORTFOLIO = re.compile(
    r"\b(?:Minister|Ministry|Secretary|Department|Commissioner)\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+[A-Z][\w’'-]*)*(?:,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)*(?:,\s+|\s+and\s+|,\s+and\s+)$")
"""The words before a capitalised run that make it one more part of a ministry's portfolio ("Minister
of Foreign Affairs, African Integration and Ivorians Abroad"), not a person's name."""
_PORTFOLIO = re.compile(
    r"(?<=\w)\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:(?:,\s+|\s+and\s+|\s+&\s+|\s+)(?:the\s+)?[A-Z][\w’'-]*)*(?=,\s*$)")
_LISTED = re.compile(r",\s|\sand\s|\s&\s")
"""The portfolio of a ministry ending the lead-in before a name ("Minister of Agriculture,
Fisheries and Food, Lucía Ferrer"): its commas and "and" belong to the title, not to a list of
people, so it is read as if the lead-in ended at the title ("Spain's Minister, Lucía Ferrer").
Only a portfolio of several parts (a comma, "and" or "&" in it, matched by ``_LISTED``) is read so:
"Minister of Defense Yoav Gallant, U.S. Secretary …" is a name, not a portfolio."""
SUBJECT_REACH = 300
"""Characters before (or after) a cue searched for its subject: a noun phrase, an appositive or an
"according to" source is far shorter. A bound, so that no cue's work grows with its sentence."""
