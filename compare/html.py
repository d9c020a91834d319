"""HTML pages: is it HTML, which charset does it declare, and what is its article text. The only module
that imports trafilatura.

The article text comes from ``trafilatura.bare_extraction`` (no network, comments, tables and images
left out, so navigation, cookie banners, share bars, figure captions, related-article lists and
reader comments are dropped), laid out the way :func:`compare.ingest.parse` reads plain text: the
headline first, then one paragraph per extracted block, paragraphs separated by a blank line. Every
offset computed later refers to this extracted text, not to the HTML source.

When trafilatura finds no text at all, :func:`extract` raises :class:`EmptyInput` rather than falling
back to stripping tags: trafilatura already falls back on its own (readability, jusText, then every
``<p>``), so what it rejects is page furniture, or a page whose text is loaded by JavaScript.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import EmptyInput

_SNIFF_BYTES = 2048
_PRESCAN_BYTES = 4096
_LEADING_JUNK = re.compile(r"\A(?:\s+|<\?xml[^>]*>|<!--.*?-->)*", re.DOTALL)
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|(?:html|head|body|meta|title|link|base|script|style|article|main|section|div|"
    r"header|nav|p|h[1-6]|table|ul|ol|figure|blockquote|span)(?=[\s/>]))",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(rb"<[A-Za-z!/][^<>]{0,200}>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_META_CHARSET = re.compile(r"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_NO_DATE_GUESSING = {"original_date": True, "extensive_search": False}
"""htmldate (through trafilatura): publication date from markup only (meta tags, JSON-LD, ``<time>``,
the URL), never guessed from dates mentioned in the text."""


@dataclass(frozen=True)
class Page:
    """The article found in an HTML page."""

    text: str
    """Headline, then one paragraph per extracted block, separated by blank lines."""
    title: str | None
    date: str | None
    """Publication date as ``YYYY-MM-DD``, from the page's markup."""
    author: str | None
    sitename: str | None

    @property
    def source(self) -> str | None:
        """Byline for the report: ``"author, site"``, or whichever of the two the page names."""
        parts = [p for p in (self.author, self.sitename) if p]
        if len(parts) == 2 and parts[1].casefold() in parts[0].casefold():
            parts = parts[:1]
        return ", ".join(parts) or None


def looks_like_html(data: bytes) -> bool:
    """True when the content is an HTML page or fragment: after a byte-order mark, whitespace, an
    ``<?xml ...?>`` declaration and ``<!-- comments -->``, it starts with ``<!doctype html`` or with an
    opening tag of a common HTML element (``<html``, ``<head``, ``<body``, ``<meta``, ``<div``, ``<p>``,
    ``<article``, ...). Text that merely mentions a tag later on is not HTML."""
    head = data[:_SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        text = head[: len(head) // 2 * 2].decode("utf-16", errors="ignore")
    else:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    junk = _LEADING_JUNK.match(text)  # always matches (everything in it is optional)
    return bool(_HTML_START.match(text, junk.end() if junk else 0))


def has_tags(data: bytes) -> bool:
    """True when the content holds at least one thing shaped like a tag (``<p>``, ``</div>``,
    ``<!doctype ...>``): a ``.html`` file without any is read as plain text."""
    return bool(_ANY_TAG.search(data))


def declared_charset(data: bytes) -> str | None:
    """The charset label a page declares in ``<meta charset=...>`` or ``<meta http-equiv=
    "Content-Type" content="...; charset=...">`` within its first 4,096 bytes (comments skipped), as
    written; ``None`` if it declares none."""
    head = _COMMENT.sub("", data[:_PRESCAN_BYTES].decode("latin-1"))
    match = _META_CHARSET.search(head)
    return match.group(1) if match else None


def extract(markup: str, url: str | None = None) -> Page:
    """The article in a decoded HTML page; raises :class:`EmptyInput` when trafilatura finds none."""
    import trafilatura  # here, not at the top: a .txt article never needs it (start-up time)

    doc = trafilatura.bare_extraction(
        markup,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=True,
        date_extraction_params=dict(_NO_DATE_GUESSING),
    )
    body = _field(doc, "text") or ""
    if not body.strip():
        raise EmptyInput("the HTML page has no article text trafilatura could find")
    title = _clean(_field(doc, "title"))
    return Page(
        text=_layout(title, body),
        title=title,
        date=_clean(_field(doc, "date")),
        author=_clean(_field(doc, "author")),
        sitename=_clean(_field(doc, "sitename")),
    )


def _layout(title: str | None, body: str) -> str:
    """Headline first, then each extracted line as a paragraph; a line repeating the headline is
    dropped (pages print it in the body too)."""
    lines = [" ".join(line.split()) for line in body.splitlines()]
    key = title.casefold() if title else None
    paragraphs = [line for line in lines if line and line.casefold() != key]
    return "\n\n".join([title, *paragraphs] if title else paragraphs)


def _field(doc: object, name: str) -> str | None:
    """A field of trafilatura's result: a ``Document`` (2.x) or a dict (1.x)."""
    if doc is None:
        return None
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    return value if isinstance(value, str) else None


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None
