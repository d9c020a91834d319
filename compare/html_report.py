"""The report as one self-contained HTML page (``report --html``). Pure: no I/O.

The article text sits on the left with every statement highlighted in its side's colour *and* its
side's underline style (solid for side A, double for side B, dotted for joint, dashed for other
speakers) so the page does not rely on colour alone; hovering over or focusing a statement (each is
in the tab order) shows its speaker, cue, kind and source kind in a bar at the foot of the window.
The right-hand column holds the plain summary and the subjects with their verdicts, read through
:mod:`compare.classroom_view` like the classroom pages.

Safety: the page is rendered by Jinja2 with autoescaping on, so every piece of article text is
HTML-escaped; it carries no script at all, and its Content-Security-Policy (``default-src 'none'``,
the one inline stylesheet allowed by its SHA-256 hash) forbids any script, image, font, frame or
connection it did not ship. Fonts are the reader's own (no web fonts).

Side colours: the first side of ``Analysis.sides`` is side A (blue), the second side B (orange).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .classroom_view import ClassroomView, view
from .printable import style_hash
from .records import JOINT, OTHER, Analysis
from .settings import DEFAULT, Settings

SIDE_CLASSES = ("side-a", "side-b")
SIDE_COLOURS = {"side-a": "rgb(214, 230, 255)", "side-b": "rgb(255, 224, 189)",
                "side-joint": "rgb(233, 222, 247)", "side-other": "rgb(232, 232, 232)"}
"""Background colour of each side's highlight, as the browser reports it (tests compare these)."""

CSS = """
:root { color-scheme: light; }
html { scroll-padding-bottom: 6rem; }
* { box-sizing: border-box; }
html { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #111; background: #fff; }
body { margin: 0; padding: 1rem; overflow-wrap: anywhere; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .3rem .6rem; border: 2px solid #111; z-index: 2; }
header h1 { font-size: 1.35rem; margin: 0 0 .3rem; line-height: 1.25; }
.meta { margin: 0 0 .6rem; color: #333; font-size: .92rem; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: 0 0 1rem; font-size: .92rem; padding: 0;
          list-style: none; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; }
@media (max-width: 760px) { .layout { grid-template-columns: minmax(0, 1fr); } }
article { max-width: 42rem; }
article .headline { font-size: 1.2rem; font-weight: 700; }
article .caption, article .byline, article .dateline, article .furniture { color: #444; font-size: .9rem; }
article .caption { font-style: italic; }
aside { border-left: 3px solid #ccc; padding-left: 1rem; }
@media (max-width: 760px) { aside { border-left: 0; border-top: 3px solid #ccc; padding: .5rem 0 0; } }
aside h2 { font-size: 1.1rem; margin: 1rem 0 .4rem; }
aside h3 { font-size: 1rem; margin: .8rem 0 .2rem; }
aside ul { margin: .2rem 0; padding-left: 1.2rem; }
aside li { margin: .25rem 0; }
.verdict { margin: .1rem 0 .3rem; font-weight: 600; }
.st { color: inherit; padding: 0 .05em; text-decoration-line: underline; text-decoration-thickness: 2px;
      text-underline-offset: .18em; text-decoration-skip-ink: none;
      -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.side-a { background-color: rgb(214, 230, 255); text-decoration-style: solid; text-decoration-color: #1d4f91; }
.side-b { background-color: rgb(255, 224, 189);
          background-image: repeating-linear-gradient(135deg, transparent 0 6px, rgba(150, 70, 0, .16) 6px 8px);
          text-decoration-style: double; text-decoration-color: #8a3b00; }
.side-joint { background-color: rgb(233, 222, 247); text-decoration-style: dotted; text-decoration-color: #5b2a86; }
.side-other { background-color: rgb(232, 232, 232); text-decoration-style: dashed; text-decoration-color: #444; }
span.key { display: inline-block; padding: 0 .3em; }
mark.st:focus, mark.st:target { outline: 3px solid #111; outline-offset: 1px; }
mark.st:hover::after, mark.st:focus::after, mark.st:target::after {
  content: attr(data-tip); position: fixed; left: .5rem; right: .5rem; bottom: .5rem; z-index: 3;
  background: #111; color: #fff; padding: .45rem .7rem; font-size: .92rem; line-height: 1.35;
  border-radius: 4px; white-space: normal; text-decoration: none; }
a { color: #0645ad; }
a:focus { outline: 3px solid #111; }
.note { border-left: 4px solid #b58900; padding: .2rem .6rem; background: #fff8e1; }
@media print {
  body { padding: 0; font-size: 11pt; }
  .layout { display: block; }
  aside { border: 0; padding: 0; break-before: page; }
  .st { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  mark.st::after { display: none; }
  .skip { display: none; }
  a { color: #000; }
  h2, h3 { break-after: avoid; }
  li, p { break-inside: avoid; }
}
"""

_CSP = ("default-src 'none'; script-src 'none'; style-src '{hash}'; img-src 'none'; font-src 'none'; "
        "connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")

_TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Readout comparison: {{ v.meeting.title }}</title>
<style>{{ css|safe }}</style>
</head>
<body>
<a class="skip" href="#subjects">Skip to the subjects</a>
<header>
<h1>Readout comparison: {{ v.meeting.title }}</h1>
<p class="meta">{{ meta }}</p>
<ul class="legend" aria-label="Colour key">
{%- for name, cls, style in legend %}
<li><span class="st key {{ cls }}">{{ name }}</span> ({{ style }})</li>
{%- endfor %}
</ul>
</header>
<main class="layout">
<article id="article" aria-label="The article, statements highlighted by side">
{%- for block in blocks %}
<p class="{{ block.role }}">
{%- for piece in block.pieces -%}
{%- if piece.index is none -%}{{ piece.text }}
{%- else -%}<mark id="s{{ piece.index }}" class="st {{ piece.cls }}" tabindex="0" data-statement="{{ piece.index }}"
 data-side="{{ piece.side }}" data-tip="{{ piece.tip }}" aria-describedby="d{{ piece.index }}">{{ piece.text }}</mark>
{%- endif -%}
{%- endfor -%}
</p>
{%- endfor %}
</article>
<aside id="subjects" aria-label="Subjects and verdicts">
<h2>Summary</h2>
{%- for note in notes %}
<p class="note">{{ note }}</p>
{%- endfor %}
<p>{{ summary }}</p>
{%- for heading, gloss, group in groups %}
<h2>{{ heading }}</h2>
<p>{{ gloss }}</p>
{%- if not group %}
<p>None.</p>
{%- endif %}
{%- for subject, verdict, rows in group %}
<section>
<h3>{{ subject.label }}</h3>
<p class="verdict">{{ verdict }}</p>
<ul>
{%- for i, side, cls, who, text in rows %}
<li><span class="st key {{ cls }}">{{ side }}</span> <a href="#s{{ i }}">{{ who }}</a>: {{ text }}</li>
{%- endfor %}
</ul>
</section>
{%- endfor %}
{%- endfor %}
<h2>Every statement</h2>
<ol>
{%- for i, side, tip in described %}
<li id="d{{ i }}"><a href="#s{{ i }}">{{ side }}</a>: {{ tip }}</li>
{%- endfor %}
</ol>
</aside>
</main>
</body>
</html>
"""


@dataclass(frozen=True)
class _Piece:
    text: str
    index: int | None = None
    cls: str = ""
    side: str = ""
    tip: str = ""


@dataclass(frozen=True)
class _Block:
    role: str
    pieces: tuple[_Piece, ...]


def side_class(v: ClassroomView, side: str) -> str:
    """CSS class of a side: ``side-a``/``side-b`` for the two sides, ``side-joint``, ``side-other``."""
    if side in v.sides:
        return SIDE_CLASSES[v.sides.index(side)]
    return "side-joint" if side == JOINT else "side-other"


_MARKS = "“”\"‘’'"


def kind_words(v: ClassroomView, i: int) -> str:
    """The statement's kind in words, by whether its words carry quotation marks in the article:
    "direct quotation" / "partial quotation" for words inside marks, "reported speech with quoted
    words" for the outlet's sentence holding some quoted words (a headline "reaffirms US ‘ironclad
    commitment’"), "reported speech (no quotation marks)" only when it has none."""
    st = v.analysis.statements[i]
    text = v.analysis.article.text
    if st.kind != "indirect":
        return {"direct": "direct quotation", "partial": "partial quotation"}.get(st.kind, st.kind)
    inner = re.search(r"[“”\"]|(?<!\w)[‘']|[’'](?!\w)", text[st.start:st.end])
    around = st.start > 0 and text[st.start - 1] in _MARKS
    if inner or around:
        return "reported speech with quoted words"
    return "reported speech (no quotation marks)"


def tip(v: ClassroomView, i: int) -> str:
    """What hovering over or focusing statement ``i`` shows: its number as the page lists it (from 1),
    speaker, side, cue, kind, source kind."""
    st = v.analysis.statements[i]
    cue = f"cue “{st.cue}”" if st.cue else "no cue (continues the quotation before)"
    when = f", {v.timing[i]} the meeting" if v.timing[i] else ""
    side = st.side if st.side not in (JOINT, OTHER) else ("both sides together" if st.side == JOINT
                                                           else "neither side")
    return f"Statement {i + 1}: {st.speaker} ({side}) · {cue} · {kind_words(v, i)} · {v.source_label(i)}{when}"


def _listed(text: str) -> str:
    """A tip as the numbered list prints it (the list gives the number)."""
    return text.split(": ", 1)[1] if text.startswith("Statement ") else text


def _blocks(v: ClassroomView) -> list[_Block]:
    art = v.analysis.article
    sts = sorted(range(len(v.analysis.statements)), key=lambda i: v.analysis.statements[i].start)
    blocks = []
    for p in art.paragraphs:
        pieces: list[_Piece] = []
        pos = p.start
        for i in sts:
            st = v.analysis.statements[i]
            start, end = max(st.start, pos), min(st.end, p.end)
            if start >= end or st.start >= p.end:  # outside this paragraph, or overlapping one shown
                continue
            if start > pos:
                pieces.append(_Piece(art.text[pos:start]))
            pieces.append(_Piece(art.text[start:end], i, side_class(v, st.side), st.side, tip(v, i)))
            pos = end
        if p.end > pos:
            pieces.append(_Piece(art.text[pos:p.end]))
        blocks.append(_Block(p.role, tuple(pieces)))
    return blocks


def _verdict_words(v: ClassroomView, kind: str, side: str | None, tentative: bool) -> str:
    words = {"both": "Both sides", "mostly": f"Mostly {side}", "only": f"Only {side}"}[kind]
    return words + (" (tentative: one side says very little)" if tentative else "")


def to_html(analysis: Analysis, settings: Settings = DEFAULT) -> str:
    """The self-contained HTML report of an analysis (a complete document, UTF-8 text)."""
    import jinja2

    v = view(analysis, settings)
    sts = analysis.statements
    art = analysis.article
    m = v.meeting
    meta = " · ".join(x for x in (m.outlet, m.byline and f"by {m.byline}", m.date, f"file {art.name}") if x)
    groups = []
    for heading, gloss, kind in (
        ("Where they overlap", "Subjects both sides give a comparable part of what they say.", "both"),
        ("Where they diverge", "Subjects both sides raise, one far more than the other.", "mostly"),
        ("Raised by one side only", "Subjects only one side speaks to.", "only"),
    ):
        group = []
        for s in (s for s in v.subjects if s.verdict.kind == kind):
            rows = [(i, side, side_class(v, side), sts[i].speaker, _short(sts[i].text))
                    for side in v.sides for i in s.statements[side]]
            group.append((s, _verdict_words(v, s.verdict.kind, s.verdict.side, s.verdict.tentative), rows))
        groups.append((heading, gloss, group))
    legend = [(v.sides[0], "side-a", "blue, solid underline"),
              (v.sides[1], "side-b", "orange, striped, double underline")]
    if any(st.side == JOINT for st in sts):
        legend.append(("Both sides together", "side-joint", "purple, dotted underline"))
    if any(st.side not in (*v.sides, JOINT) for st in sts):
        legend.append(("Other speakers", "side-other", "grey, dashed underline"))
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(_TEMPLATE).render(
        v=v, css=CSS, csp=_CSP.format(hash=style_hash(CSS)), meta=meta, legend=legend, blocks=_blocks(v),
        notes=analysis.notes, summary=" ".join(v.summary) or "Neither side says anything to compare.",
        groups=groups, described=[(i, st.side, _listed(tip(v, i))) for i, st in enumerate(sts)],
    )


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
