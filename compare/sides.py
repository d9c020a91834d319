"""Group speakers into the meeting's two sides.

Each speaker carries an affiliation learned from the article (demonyms, country names, institutions,
titles next to the name). The two sides are the two affiliations with the largest weight::

    weight(country) = statements by speakers of that country + title_bonus * [headline names it]

Speakers of any other affiliation, or of none, are ``other``; joint statements are ``joint``. A
``--side "Name=Speaker,Speaker"`` override (or a TOML file) fixes the sides and their speakers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .errors import BadOption
from .lexicon import find_affiliations
from .records import JOINT, OTHER, UNKNOWN, Article, Side, Speaker, Statement
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
    affiliation = {sp.name: (None if sp.independent else sp.affiliation) for sp in speakers}
    floating = {
        sp.name for sp in speakers
        if sp.kind == "person" and not sp.affiliation and not sp.independent and sp.roles
    }
    dateline_home = _dateline_country(article)
    if dateline_home:
        # An unqualified official in a datelined story is most often the host's.
        affiliation.update({name: dateline_home for name in floating})
        floating = set()
    if overrides:
        names = list(overrides)
        if len(names) == 1:
            names.append(_other_country(article, names[0]))
    else:
        names = _rank(article, statements, speakers, people, affiliation, settings)
    placed = {sp.affiliation for sp in [*speakers, *people] if sp.affiliation and not sp.independent}
    empty = [n for n in names if n not in placed]
    home = empty[0] if len(empty) == 1 else None
    by_office = _office_sides([*speakers, *people], names[:2])
    roles_of = {sp.name: sp.roles for sp in speakers}

    def floating_side(speaker: str) -> str | None:
        if home:
            return home
        # The one side with no person holding the same office: "the Foreign Secretary" in a story
        # whose Norway side already has its foreign minister belongs to the other side.
        offices = {o for r in roles_of.get(speaker, ()) if (o := _office(r))}
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
        if st.speaker == JOINT:
            out.append(replace(st, side=JOINT))
        elif st.speaker == UNKNOWN:
            out.append(replace(st, side=OTHER))
        else:
            out.append(replace(st, side=side_of(st.speaker)))
    sides = tuple(
        Side(name, tuple(dict.fromkeys(st.speaker for st in out if st.side == name)))
        for name in names[:2]
    )
    return (sides[0], sides[1]), out


_OFFICE_WORDS = frozenset({"minister", "secretary", "of", "for", "the", "and", "affairs"})


def _office(role: str) -> frozenset[str]:
    """The office a role names, without its rank words: "foreign secretary" and "foreign minister"
    are both {"foreign"}; "prime minister" is {"prime"}; a bare "minister" names none."""
    return frozenset(role.split()) - _OFFICE_WORDS


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
