"""Group speakers into the meeting's two sides.

**The sides are the meeting's participants** (:mod:`compare.participants`): the governments of the two
people a readout title or the lead says met or spoke ("Readout of A's Call with B of <Country>",
"A held talks with his Indonesian counterpart B"). A country the article only talks about never
becomes a side that way. When only one participant's government is known, the other side is the
government of the most statements among the rest (below); when the text names no meeting, both are.

Each speaker's government (:func:`speaker_government`): a participant's, else the actor gazetteer's
for the name and year, else the affiliation learned from the article (demonyms, country names,
institutions, titles next to the name), else a country-specific office in the name or next to it.
Without participants the two sides are the two governments with the largest weight::

    weight(country) = statements by speakers of that country + title_bonus * [headline names it]

In a meeting, an official the text leaves unqualified ("The Secretary", "the President", an
unknown "Foreign Minister X" who is the subject of the lead) is the *issuing* side's: the first
participant's government, or the side that is not the counterpart's. Speakers of any other
government, or of none, are ``other``; joint statements are ``joint``. A ``--side
"Name=Speaker,Speaker"`` override (or a TOML file) fixes the sides and their speakers.
"""

from __future__ import annotations

import re
from collections import Counter

from . import governments, participants
from .errors import BadOption
from .lexicon import find_affiliations
from .records import JOINT, OTHER, UNKNOWN, Article, Note, Side, Speaker, Statement, evolve
from .settings import DEFAULT, Settings

Overrides = dict[str, list[str]]


def parse_override(values: list[str]) -> Overrides:
    """``["United States=Blinken,Miller", "Israel=Gallant"]`` -> {side: [speaker fragments]}."""
    out: Overrides = {}
    for value in values:
        name, sep, people = value.partition("=")
        names = [p.strip() for p in people.split(",") if p.strip()]
        if not sep or not name.strip() or not names:
            raise BadOption(f'--side takes "Side name=Speaker,Speaker", got {value!r}')
        out.setdefault(name.strip(), []).extend(names)
    if len(out) > 2:
        raise BadOption(f"a meeting has two sides; --side named {len(out)}: {', '.join(out)}")
    return out


def load_override_file(path: str) -> Overrides:
    """Read ``[sides]`` from a TOML file: ``"United States" = ["Blinken", "Miller"]``."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise BadOption(f"cannot read sides file {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise BadOption(f"sides file {path} is not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise BadOption(f"sides file {path} is not UTF-8 text (TOML files must be UTF-8)") from exc
    sides = data.get("sides")
    if not isinstance(sides, dict) or not sides:
        raise BadOption(f'sides file {path} needs a [sides] table: "Side name" = ["Speaker", ...]')
    values = []
    for name, people in sides.items():
        if not isinstance(people, list) or not all(isinstance(p, str) for p in people):
            raise BadOption(f"sides file {path}: {name!r} must be a list of speaker names")
        values.append(f"{name}={','.join(people)}")
    return parse_override(values)


def _matches(speaker: str, fragments: list[str]) -> bool:
    low = speaker.lower()
    return any(f.lower() in low for f in fragments)


def _title_countries(article: Article, speakers: list[Speaker]) -> set[str]:
    title = article.title
    found = {m.side for m in find_affiliations(title)}
    for sp in speakers:
        if sp.affiliation and sp.kind == "person" and sp.name.split()[-1] in title:
            found.add(sp.affiliation)
    return found


def _year(article: Article) -> int | None:
    return int(article.date[:4]) if article.date and article.date[:4].isdigit() else None


def _words(text: str) -> set[str]:
    return {w.strip(".,’'").lower() for w in text.replace("’s", "").split() if w[:1].isupper()}


def _participant_of(speaker: Speaker, meeting: participants.Meeting | None) -> participants.Participant | None:
    """The participant a speaker is: one whose phrase holds the speaker's last name, else (for a
    speaker named by office only, "the Prime Minister") the one participant whose phrase holds all
    the office's words; of two such, the first (a readout leaves its own official unqualified). A
    speaker whose country the text states is never a participant of another government by office
    ("Australian Minister for Foreign Affairs Catherine Wallis" is not Indonesia's foreign
    minister)."""
    if meeting is None or speaker.kind == "joint":
        return None
    both = (meeting.first, meeting.second)
    last = speaker.name.split()[-1].strip(".,").lower() if speaker.name.split() else ""
    named = [p for p in both if last and last in _words(p.phrase) and speaker.kind == "person"]
    if named:
        return named[0]
    if speaker.kind == "person" and not speaker.roles:
        return None
    office = {w.lower() for w in speaker.name.split()} if speaker.kind != "person" else set()
    for role in speaker.roles if speaker.kind == "person" and not office else ():
        office |= set(role.split())
    office -= {"the", "of", "for", "and"}
    holders = [p for p in both if office and office <= {w.lower() for w in p.phrase.split()}
               and not (speaker.affiliation and p.government and p.government != speaker.affiliation)
               and not (speaker.kind == "person" and len(speaker.name.split()) > 1 and _names_someone(p.phrase))]
    return holders[0] if holders else None  # not another country's holder of the same office


def _names_someone(phrase: str) -> bool:
    """Whether a participant phrase names a person ("South Korean Foreign Minister Park Ji-hoon"),
    not only an office ("the Foreign Minister"): a capitalised word left when its titles and
    countries are taken out. A person named otherwise is not that participant by office."""
    from .mentions import find_titles

    rest = phrase
    for t in sorted(find_titles(phrase), key=len, reverse=True):
        rest = re.sub(re.escape(t), " ", rest, flags=re.IGNORECASE)
    for m in find_affiliations(phrase):
        rest = rest.replace(m.phrase, " ")
    return any(w[:1].isupper() and len(w.strip(",.")) > 2 for w in rest.split())


def _is_participant(speaker: Speaker, meeting: participants.Meeting | None) -> bool:
    """Whether a person is one the text says took part in the meeting (by last name)."""
    if meeting is None or not speaker.name.split():
        return False
    last = speaker.name.split()[-1].strip(".,").lower()
    return any(last in _words(p.phrase) for p in (meeting.first, meeting.second, *meeting.others))


def speaker_government(
    speaker: Speaker, article: Article, meeting: participants.Meeting | None = None
) -> str | None:
    """The government a speaker speaks for (see the module docstring for the order), or None. An
    independent speaker (analyst, academic, mediator) speaks for none."""
    if speaker.independent or speaker.kind == "joint" or speaker.name in (JOINT, UNKNOWN):
        return None
    part = _participant_of(speaker, meeting)
    if part is not None and part.government:
        return part.government
    if speaker.kind == "person" and (found := governments.actor(speaker.name, _year(article))):
        return found.government
    if speaker.affiliation:
        return speaker.affiliation
    return governments.government_of_office(speaker.name) or _office_near_name(speaker, article)


def _office_near_name(speaker: Speaker, article: Article) -> str | None:
    """A country-specific office printed right before the speaker's name somewhere in the article
    ("External Affairs Minister S. Jaishankar"), read in the ``OFFICE_REACH`` characters before the
    last name (:func:`compare.governments.office_before`)."""
    if speaker.kind != "person" or not speaker.name.split():
        return None
    last = speaker.name.split()[-1]
    text = article.text
    start = text.find(last)
    for _ in range(MAX_NAME_LOOKUPS):
        if start < 0:
            return None
        gov = governments.office_before(text[max(0, start - OFFICE_REACH) : start])
        if gov:
            return gov
        start = text.find(last, start + len(last))
    return None


OFFICE_REACH = 60
"""Characters before a name read for the office that precedes it."""
MAX_NAME_LOOKUPS = 5
"""Mentions of a name read for an office before it."""


def choose_sides(
    article: Article,
    statements: list[Statement],
    speakers: list[Speaker],
    overrides: Overrides | None = None,
    settings: Settings = DEFAULT,
    people: list[Speaker] | None = None,
) -> tuple[tuple[Side, Side], list[Statement]]:
    """The two sides and every statement with its ``side`` set.

    A government speaker with no stated country (outlets leave their own country's officials
    unqualified: "Foreign Minister Ayman Safadi" in an Amman daily) joins the one side that has
    no person of known country, when there is exactly one such side."""
    people = people or []
    meeting = None if overrides else participants.find_meeting(article)
    affiliation = {sp.name: speaker_government(sp, article, meeting) for sp in speakers}
    people = [evolve(p, affiliation=speaker_government(p, article, meeting)) for p in people]
    floating = {
        sp.name for sp in speakers
        if not affiliation[sp.name] and not sp.independent and (
            sp.kind == "person" and (sp.roles or _is_participant(sp, meeting))
            or meeting is not None and sp.kind == "unknown")
    }
    offices_of = {sp.name: {o for r in sp.roles if (o := _office(r))} for sp in speakers}
    dateline_home = _dateline_country(article)
    if dateline_home and meeting is None:
        # An unqualified official in a datelined story is most often the host's, unless the host
        # already has someone in that office: a home paper's "Foreign Minister Nirmala Wijesekera"
        # in "TOKYO –" copy, beside "Japanese Foreign Minister Kenji Matsudaira", is not Japan's.
        held = {o for sp in [*speakers, *people] if (affiliation.get(sp.name) or sp.affiliation) == dateline_home
                for r in sp.roles if (o := _office(r))}
        hosted = {name for name in floating if not offices_of.get(name, set()) & held}
        affiliation.update({name: dateline_home for name in hosted})
        floating -= hosted
    if overrides:
        names = list(overrides)
        if len(names) == 1:
            names.append(_other_country(article, names[0]))
    else:
        names = _rank(article, statements, speakers, people, affiliation, settings)
        names = _meeting_names(meeting, names, statements, affiliation, dateline_home)
    issuer = _issuer(meeting, names)
    placed = {g for g in [*affiliation.values(), *(p.affiliation for p in people if not p.independent)] if g}
    empty = [n for n in names if n not in placed]
    home = empty[0] if len(empty) == 1 else None
    year = _year(article)
    by_office = _office_sides(
        [_with_known_office(evolve(sp, affiliation=affiliation[sp.name]), year) for sp in speakers]
        + [_with_known_office(p, year) for p in people], names[:2])
    record = {sp.name: sp for sp in speakers}

    def floating_side(speaker: str) -> str | None:
        offices = offices_of.get(speaker, set())
        if issuer and not any(o in by_office.get(issuer, set()) for o in offices):
            return issuer  # the issuing side's own official, unless it already has one in that office
        part = _participant_of(record[speaker], meeting) if speaker in record and meeting else None
        if part is not None and meeting is not None:
            # "After talks with Katrin Albers, Kaczmarek (Poland) said": the one a side's participant
            # met is the other side's
            other = meeting.second if part is meeting.first else meeting.first
            gov = other.government or next(
                (affiliation.get(sp.name) for sp in speakers if sp.name != speaker and sp.kind == "person"
                 and _participant_of(sp, meeting) is other and affiliation.get(sp.name) in names[:2]), None)
            target = names[1] if gov == names[0] else names[0]
            if gov in names[:2] and not any(o in by_office.get(target, set()) for o in offices):
                return target  # unless that side has someone in the same office already
        if home:
            return home
        # The one side with no person holding the same office: "the Foreign Secretary" in a story
        # whose Norway side already has its foreign minister belongs to the other side.
        free = [n for n in names[:2] if offices and not any(o in by_office.get(n, set()) for o in offices)]
        return free[0] if len(free) == 1 else None

    def side_of(speaker: str) -> str:
        if overrides:
            for name in names:
                if _matches(speaker, overrides.get(name, [])):
                    return name
        aff = affiliation.get(speaker)
        if aff in names:
            return aff  # type: ignore[return-value]
        if speaker in floating and (side := floating_side(speaker)):
            return side
        return OTHER

    out = []
    for st in statements:
        if st.speaker == UNKNOWN and (meeting is not None and _PLURAL_SUBJECT.match(st.text)
                                      or _PAIR_SUBJECT.match(st.text)):
            st = evolve(st, speaker=JOINT, resolved_by="joint")
        if st.speaker == JOINT:
            out.append(evolve(st, side=JOINT))
        elif st.speaker == UNKNOWN:
            out.append(evolve(st, side=OTHER))
        else:
            out.append(evolve(st, side=side_of(st.speaker)))
    sides = tuple(
        Side(name, tuple(dict.fromkeys(st.speaker for st in out if st.side == name)))
        for name in names[:2]
    )
    return (sides[0], sides[1]), out


_PAIR_SUBJECT = re.compile(
    r"\s*(?:(?:together|also|jointly),?\s+)?(?:the\s+two|both)\s+(?:leaders|sides|ministers|presidents|"
    r"prime\s+ministers|foreign\s+ministers|heads\s+of\s+state|delegations|counterparts|governments|"
    r"authorities|parties|countries|nations)\b",
    re.IGNORECASE)
"""A subject that is a pair, with no meeting needed to say which: "The two presidents signed …"."""
_PLURAL_SUBJECT = re.compile(
    r"\s*(?:(?:together|also|both|jointly),?\s+)?(?:they|both\s+(?:leaders|sides|ministers|men|women)|"
    r"the\s+(?:two\s+)?(?:leaders|sides|ministers|officials|delegations|presidents|counterparts))\b",
    re.IGNORECASE,
)
"""The subject that names both participants of a meeting: "They", "Together, they", "the two
leaders" (a statement whose speaker attribution left it unknown, in a text naming a meeting, is
then joint)."""


def _meeting_names(
    meeting: participants.Meeting | None, ranked: list[str], statements: list[Statement],
    affiliation: dict[str, str | None], dateline: str | None,
) -> list[str]:
    """The two side names when the text names a meeting: both participants' governments; with one
    of them unknown, the known one and the government of the most statements among the others
    (else the dateline's country, else the ranking's next). The ranking's order is kept when it
    names the same two."""
    if meeting is None:
        return ranked
    first, second = meeting.governments
    if first == second:
        return ranked
    known = first or second
    if known is None:
        return ranked
    if first and second:
        pair = [first, second]
    else:
        weight = Counter(g for st in statements if (g := affiliation.get(st.speaker)) and g != known)
        other = (min(weight, key=lambda g: (-weight[g], g)) if weight
                 else dateline if dateline and dateline != known
                 else next(n for n in ranked if n != known))
        pair = [other, known] if second else [known, other]
    return ranked[:2] if set(ranked[:2]) == set(pair) else pair


def account_notes(article: Article, names: tuple[str, str]) -> list[Note]:
    """A note (code ``one_account``, ``side`` the issuer) naming both governments when the text is
    one government's account of the meeting (a readout, or a lead whose first participant the text
    leaves unqualified; see :func:`_issuer`): "This is the account given by United States of its
    meeting with Japan ...". Empty otherwise."""
    issuer = _issuer(participants.find_meeting(article), list(names))
    if issuer is None:
        return []
    other = names[1] if issuer == names[0] else names[0]
    from .summary import side_name

    by, met = side_name(issuer), side_name(other)
    text = f"This is the account given by {by} of its meeting with {met}: what {met} said is given as {by} reports it."
    return [Note("one_account", text, side=issuer)]


def _issuer(meeting: participants.Meeting | None, names: list[str]) -> str | None:
    """The issuing side in a text that is one government's account: a release whose masthead names
    its government (``Meeting.publisher``), a readout (its title says so),
    or a lead whose first participant the text leaves unqualified (a ministry's release names its
    own minister without a country). It is the first participant's government, else the side that
    is not the second participant's. ``None`` for other texts: a news report's unqualified
    officials are placed as without a meeting."""
    if meeting is not None and meeting.publisher in names[:2]:
        return meeting.publisher  # a ministry's release, by its masthead
    if meeting is None or not (meeting.readout or meeting.first.government is None):
        return None
    first, second = meeting.governments
    if first in names[:2]:
        return first
    rest = [n for n in names[:2] if n != second]
    return rest[0] if second in names[:2] and len(rest) == 1 else None


_OFFICE_WORDS = frozenset({"minister", "secretary", "of", "for", "the", "and", "affairs"})


_SAME_OFFICE = {"secretary of state": frozenset({"foreign"})}
"""Offices by another name: the US Secretary of State is the foreign minister."""


def _office(role: str) -> frozenset[str]:
    """The office a role names, without its rank words: "foreign secretary", "foreign minister" and
    "secretary of state" are all {"foreign"}; "prime minister" is {"prime"}; a bare "minister" names
    none."""
    return _SAME_OFFICE.get(role) or frozenset(role.split()) - _OFFICE_WORDS


def _with_known_office(sp: Speaker, year: int | None) -> Speaker:
    """The speaker with the office the actor gazetteer gives them added to their roles."""
    found = governments.actor(sp.name, year) if sp.kind == "person" else None
    if found is None or found.office in sp.roles:
        return sp
    return evolve(sp, roles=(*sp.roles, found.office))


def _office_sides(people: list[Speaker], names: list[str]) -> dict[str, set[frozenset[str]]]:
    """The offices held by people of known country on each of the two sides."""
    out: dict[str, set[frozenset[str]]] = {}
    for sp in people:
        if sp.kind == "person" and sp.affiliation in names and not sp.independent:
            out.setdefault(sp.affiliation, set()).update(o for r in sp.roles if (o := _office(r)))
    return out


def _rank(
    article: Article,
    statements: list[Statement],
    speakers: list[Speaker],
    people: list[Speaker],
    affiliation: dict[str, str | None],
    settings: Settings,
) -> list[str]:
    """The two side names: by statement weight, then countries of other named officials, then
    the most-mentioned government."""
    weight: Counter[str] = Counter()  # statements, plus title_bonus (a float) below
    first_seen: dict[str, int] = {}
    for st in statements:
        aff = affiliation.get(st.speaker)
        if aff and st.speaker not in (JOINT, UNKNOWN):
            weight[aff] += 1
            first_seen.setdefault(aff, st.start)
    for country in _title_countries(article, speakers):
        if country in weight:
            weight[country] += settings.title_bonus  # type: ignore[assignment]
    names = sorted(weight, key=lambda c: (-weight[c], first_seen.get(c, 0)))[:2]
    for person in people:
        if len(names) < 2 and person.affiliation and not person.independent \
                and person.affiliation not in names:
            names.append(person.affiliation)
    while len(names) < 2:
        names.append(_other_country(article, *names))
    return names


def _dateline_country(article: Article) -> str | None:
    if not article.dateline:
        return None
    found = find_affiliations(article.dateline)
    return found[0].side if found else None


def _other_country(article: Article, *exclude: str) -> str:
    """For a one-sided article: the most-mentioned other government, the silent side."""
    counts: Counter[str] = Counter()
    for para in article.paragraphs:
        if para.role in ("headline", "body"):
            for m in find_affiliations(article.text[para.start : para.end]):
                counts[m.side] += 2 if para.role == "headline" else 1
    for name in exclude:
        counts.pop(name, None)
    if counts:
        return min(counts, key=lambda c: (-counts[c], c))
    return "Unidentified side" if "Unidentified side" not in exclude else "Second side"
