"""Read an article (a path, ``-`` for stdin, or an ``http(s)://`` URL) into an :class:`Article`. The only
stage that reads files; URLs are fetched by :mod:`compare.fetch`, HTML is handled by :mod:`compare.html`.

Plain text (``.txt``, ``.md``, ``text/plain``): UTF-8 (with or without BOM), UTF-16 with BOM, then
Windows-1252; a charset in the HTTP ``Content-Type`` header comes first for URLs. Line endings are
normalised to ``\\n`` before anything else, so every offset in every record refers to that text.

HTML (a ``.html``/``.htm`` file with tags in it, any input that :func:`compare.html.looks_like_html`,
``text/html``): decoded by byte-order mark, then ``<meta>`` charset, then the HTTP header charset, then
as plain text; the article text is extracted by trafilatura and laid out as headline + paragraphs, and
**all offsets refer to that extracted text**, not to the HTML source. Title, date and byline come
from the page's markup when it has them. ``Article.encoding`` says what was read and how, e.g.
``"windows-1252 (HTML, meta charset)"``. Markdown files are never sniffed (Markdown may contain HTML).
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from . import fetch, html
from .errors import EmptyInput, InputNotFound, InputTooLarge, NotText
from .lexicon import caption_pattern, furniture_patterns
from .records import Article, Paragraph, ParagraphRole
from .settings import DEFAULT, Settings

_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}},?\s*\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
_BYLINE = re.compile(
    r"^(?:by\s+[A-Z]|(?:posted|published|updated)\b|[\w .'-]{0,60}\b(?:staff (?:report|writer)|"
    r"correspondent|reporter|editor|news desk|wire services?)\b)",
    re.IGNORECASE,
)
HARD_WRAP_MIN_CHARS = 60
"""A block of lines is text wrapped at a fixed width (fixed-width archives and e-mail wrap at 65-80)
when it has at least ``HARD_WRAP_MIN_LINES`` lines, none longer than ``HARD_WRAP_MAX_CHARS``, and
its lines but the last have a median length of at least this. In such a block a line that follows
one not ending a sentence continues its paragraph even when it starts with a capital, unless it is
furniture ("Related: ..."). A headline over a standfirst (two lines) is not wrapped text."""
HARD_WRAP_MAX_CHARS = 100
HARD_WRAP_MIN_LINES = 3
_DATELINE_ONLY_MAX_WORDS = 8
_BYLINE_MAX_WORDS = 10
_FURNITURE_MAX_WORDS = 12
_NAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_DATELINE_PLACE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})(?:(?:,[^—–:(]{1,30})?\s*(?:\([^)]{1,40}\))?"
    r"\s*[—–:-]|,[^—–:(]{1,30}$)"
)
_DATELINE_SEARCH_PARAGRAPHS = 8
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_NEVER_SNIFFED_SUFFIXES = frozenset({".md", ".markdown"})
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "ascii"})
"""Python codec names of labels that browsers read as Windows-1252 (WHATWG Encoding Standard):
``iso-8859-1``, ``latin1``, ``us-ascii``, ... Pages so labelled use 0x80-0x9F for curly quotes."""
_WIDE_CODECS = ("utf-16", "utf-32")


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding name)``; refuse binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise NotText(f"input starts with a UTF-8 byte-order mark but is not UTF-8: {exc}") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise NotText(f"input starts with a UTF-16 byte-order mark but is not UTF-16: {exc}") from exc
    if b"\x00" in data:
        raise NotText("input contains NUL bytes: it looks binary, not a text article")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError as exc:
            raise NotText("input is neither UTF-8 nor Windows-1252 text") from exc
    _refuse_control_characters(text)
    return text, encoding


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
"""A control character: below 32 and none of tab, newline, form feed, carriage return."""


def _refuse_control_characters(text: str) -> None:
    controls = len(_CONTROL.findall(text))
    if controls > max(1, len(text) // 1000):
        raise NotText("input is full of control characters: it looks binary, not a text article")


def codec_for(label: str | None) -> str | None:
    """Python's codec name for a charset label (``"UTF8"`` gives ``"utf-8"``), ``None`` for an unknown
    label; ``iso-8859-1``/``latin1``/``us-ascii`` give ``"cp1252"``, as in browsers."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    return "cp1252" if name in _WINDOWS_1252_ALIASES else name


def decode_declared(data: bytes, declarations: Sequence[tuple[str | None, str]] = ()) -> tuple[str, str, str]:
    """Decode bytes whose charset may be declared, returning ``(text, encoding name, how)``.

    Order: a byte-order mark (``how == "byte-order mark"``); then each ``(label, where)`` declaration
    in the order given (``how == where``), skipping a missing or unknown label and one the bytes do not
    decode in without error; then :func:`decode`'s guess, UTF-8 then Windows-1252 (``how == "no
    charset declared"``). Binary data is refused as by :func:`decode`."""
    if data.startswith(_BOMS):
        text, encoding = decode(data)
        return text, encoding, "byte-order mark"
    for label, where in declarations:
        codec = codec_for(label)
        if codec is None or (b"\x00" in data and not codec.startswith(_WIDE_CODECS)):
            continue
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        _refuse_control_characters(text)
        return text, "windows-1252" if codec == "cp1252" else codec, where
    text, encoding = decode(data)
    return text, encoding, "no charset declared"


def decode_html(data: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """Decode an HTML page, returning ``(text, encoding description)`` such as ``"utf-8 (HTML, meta
    charset)"``: byte-order mark, then ``<meta>`` charset, then the HTTP header's charset, then
    :func:`decode`'s guess. A ``<meta>`` naming UTF-16 or UTF-32 in a page without a byte-order mark
    means UTF-8 (the page could not have been read to find it otherwise)."""
    meta = html.declared_charset(data)
    if (codec_for(meta) or "").startswith(_WIDE_CODECS):
        meta = "utf-8"
    text, encoding, how = decode_declared(data, [(meta, "meta charset"), (header_charset, "HTTP charset")])
    return text, f"{'utf-8' if encoding == 'utf-8-sig' else encoding} (HTML, {how})"


def read_bytes(source: str, settings: Settings = DEFAULT) -> bytes:
    """Read the raw bytes of a path, or of stdin for ``-``, refusing inputs over the size limit."""
    limit = settings.max_input_bytes
    try:
        if source == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            path = Path(source)
            if path.is_dir():
                raise InputNotFound(f"{source} is a folder, not an article file")
            if not path.is_file():
                raise InputNotFound(f"no such file: {source}")
            with path.open("rb") as handle:
                data = handle.read(limit + 1)
    except OSError as exc:
        raise InputNotFound(f"cannot read {source}: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise InputTooLarge(f"input is larger than the {limit:,}-byte limit")
    return data


def article_name(source: str) -> str:
    """``stdin`` for ``-``, :func:`compare.fetch.url_name` for a URL, else the file name without suffix."""
    if source == "-":
        return "stdin"
    if fetch.is_url(source):
        return fetch.url_name(source)
    return Path(source).stem


def is_html_input(source: str, data: bytes) -> bool:
    """Whether a file (or stdin, ``-``) is read as HTML: Markdown files never; anything that
    :func:`compare.html.looks_like_html`; and a ``.html``/``.htm``/``.xhtml`` file with at least one
    tag in it (one without any is plain text with the wrong name)."""
    suffix = "" if source == "-" else Path(source).suffix.lower()
    if suffix in _NEVER_SNIFFED_SUFFIXES:
        return False
    return html.looks_like_html(data) or (suffix in _HTML_SUFFIXES and html.has_tags(data))


def _split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks between blank lines, and lines inside a block unless a line is the
    hard-wrapped continuation of the previous one: it follows a line that does not end a sentence,
    and starts lowercase, or the block is wrapped at a fixed width (``HARD_WRAP_MIN_LINES`` lines or
    more, none over ``HARD_WRAP_MAX_CHARS``, median length of all but the last at least
    ``HARD_WRAP_MIN_CHARS``: text
    wrapped at a fixed width, as archives and e-mail write it: "... with Prime Minister Mette" /
    "Frederiksen of Denmark, ..."; a headline or byline line is shorter)."""
    spans: list[tuple[int, int]] = []
    for block in re.finditer(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*", text):
        pos = block.start()
        cur_start: int | None = None
        cur_end = pos
        prev_line = ""
        lines = block.group(0).split("\n")
        widths = [len(x.strip()) for x in lines if x.strip()]
        fixed_width = (len(widths) >= HARD_WRAP_MIN_LINES and max(widths) <= HARD_WRAP_MAX_CHARS
                       and sorted(widths[:-1])[len(widths[:-1]) // 2] >= HARD_WRAP_MIN_CHARS)
        for line in lines:
            line_start, line_end = pos, pos + len(line)
            pos = line_end + 1
            stripped = line.strip()
            if not stripped:
                continue
            wraps = (
                cur_start is not None
                and (stripped[0].islower()
                     or fixed_width and not any(p.match(stripped) for p in furniture_patterns()))
                and not re.search(r"[.!?:\"”’)]\s*$", prev_line)
            )
            if not wraps:
                if cur_start is not None:
                    spans.append((cur_start, cur_end))
                cur_start = line_start + (len(line) - len(line.lstrip()))
            cur_end = line_start + len(line.rstrip())
            prev_line = line
        if cur_start is not None:
            spans.append((cur_start, cur_end))
    return spans


def _role(text: str, first_body: bool) -> ParagraphRole:
    words = len(text.split())
    if caption_pattern().search(text):
        return "caption"
    if words <= _FURNITURE_MAX_WORDS and any(p.match(text) for p in furniture_patterns()):
        return "furniture"
    if words <= _BYLINE_MAX_WORDS and _BYLINE.match(text) and not text.rstrip().endswith((".", "”", '"')):
        return "byline"
    if words <= _DATELINE_ONLY_MAX_WORDS and _DATE.search(text):
        return "dateline"
    if first_body:
        return "headline"
    return "body"


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_MAX_CHARS = 8000


def front_matter(text: str) -> tuple[int, dict[str, str]]:
    """The YAML front matter of a Markdown file (``---`` lines around ``key: value`` pairs at the very
    start, as Jekyll, Hugo and scraped archives write it): ``(end offset, {key: text})``, or
    ``(0, {})`` when there is none or it is not a YAML mapping within ``_FRONT_MATTER_MAX_CHARS``.
    Parsed by PyYAML's safe loader, so quoting and escapes (``"Joe\\_Biden"``) read as YAML says."""
    import yaml

    m = _FRONT_MATTER.match(text[:_FRONT_MATTER_MAX_CHARS])
    if not m:
        return 0, {}
    try:
        data = yaml.safe_load(m.group("yaml"))
    except yaml.YAMLError:
        return 0, {}
    if not isinstance(data, dict):
        return 0, {}
    fields = {str(k): " ".join(str(v).split()) for k, v in data.items() if isinstance(v, (str, int, float))}
    return m.end(), fields


def parse(text: str, name: str = "article", encoding: str = "utf-8") -> Article:
    """Split decoded text into paragraphs with their roles and find title, date and source. YAML
    front matter (:func:`front_matter`) is one ``furniture`` paragraph; its ``title``, ``date`` and
    ``source_url`` fields, when present, are the article's title, date and source."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput("input is empty or whitespace only")
    paragraphs: list[Paragraph] = []
    skip, meta = front_matter(text)
    title = meta.get("title", "")
    spans = _split_paragraphs(text[skip:])
    if skip:
        paragraphs.append(Paragraph(0, skip, 0, "furniture"))
    for index, (start, end) in enumerate(spans, start=len(paragraphs)):
        start, end = start + skip, end + skip
        body = text[start:end]
        role = _role(body, first_body=not title)
        if role == "headline":
            title = body.lstrip("# ").strip()
            if body.startswith("#"):
                start += len(body) - len(body.lstrip("# "))
        paragraphs.append(Paragraph(start, end, index, role))
    date = None
    for para in paragraphs[:8]:
        match = _DATE.search(text[para.start : para.end])
        if match and para.role in ("dateline", "byline", "headline", "body"):
            date = match.group(0)
            break
    if meta.get("date"):
        date = meta["date"]
    if date is None and (m := _NAME_DATE.match(name)):
        date = m.group(1)
    source = next((text[p.start : p.end] for p in paragraphs if p.role == "byline"), meta.get("source_url"))
    dateline = None
    for para in paragraphs[1:_DATELINE_SEARCH_PARAGRAPHS]:
        if para.role in ("body", "dateline", "byline"):
            for line in text[para.start : para.end].split("\n"):
                if m := _DATELINE_PLACE.match(line.strip()):
                    dateline = m.group("place").title()
                    break
        if dateline:
            break
    return Article(text, name, title or name, date, source, tuple(paragraphs), encoding, dateline)


def load(source: str, settings: Settings = DEFAULT) -> Article:
    """Read, decode and parse the article at ``source``: a path, ``-`` for stdin, or an
    ``http://``/``https://`` URL (see the module docstring for HTML)."""
    if fetch.is_url(source):
        return _load_url(source, settings)
    return from_bytes(read_bytes(source, settings), source)


def from_bytes(data: bytes, source: str, name: str | None = None) -> Article:
    """Decode and parse the bytes read from the file ``source`` (``-``: stdin), as :func:`load`
    does; ``name`` replaces :func:`article_name`. ``batch`` reads each file once, hashes it and
    hands the bytes to a worker through this."""
    name = name or article_name(source)
    if is_html_input(source, data):
        return html_article(data, name)
    text, encoding = decode(data)
    return parse(text, name, encoding)


def _load_url(url: str, settings: Settings) -> Article:
    """``text/html`` is HTML, ``text/plain``/``text/markdown`` plain text; any other text type, or
    none, is sniffed."""
    page = fetch.fetch(url, settings)
    name = fetch.url_name(url)
    if page.media_type in fetch.HTML_TYPES or (
        page.media_type not in fetch.TEXT_TYPES and html.looks_like_html(page.data)
    ):
        return html_article(page.data, name, page.charset, page.url)
    text, encoding, how = decode_declared(page.data, [(page.charset, "HTTP charset")])
    return parse(text, name, f"{encoding} ({how})" if how == "HTTP charset" else encoding)


def html_article(data: bytes, name: str, header_charset: str | None = None, url: str | None = None) -> Article:
    """An :class:`Article` from the bytes of an HTML page: decoded by :func:`decode_html`, its text
    extracted by :func:`compare.html.extract` and parsed like plain text; the page's own title, date
    (``YYYY-MM-DD``) and author/site name replace what :func:`parse` found, where the page has them."""
    markup, encoding = decode_html(data, header_charset)
    if not markup.strip():
        raise EmptyInput("input is empty or whitespace only")
    page = html.extract(markup, url)
    article = parse(page.text, name, encoding)
    return replace(
        article,
        title=page.title or article.title,
        date=page.date or article.date,
        source=page.source or article.source,
    )
