"""Read an article (path or ``-`` for stdin) into an :class:`Article`. The only stage that reads files.

Decoding: UTF-8 (with or without BOM), UTF-16 with BOM, then Windows-1252. Line endings are
normalised to ``\\n`` before anything else, so every offset in every record refers to that text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .errors import EmptyInput, InputNotFound, InputTooLarge, NotText
from .lexicon import caption_patterns, furniture_patterns
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
_DATELINE_ONLY_MAX_WORDS = 8
_BYLINE_MAX_WORDS = 10
_FURNITURE_MAX_WORDS = 12
_NAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_DATELINE_PLACE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})(?:(?:,[^—–:(]{1,30})?\s*(?:\([^)]{1,40}\))?"
    r"\s*[—–:-]|,[^—–:(]{1,30}$)"
)
_DATELINE_SEARCH_PARAGRAPHS = 8


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
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(1, len(text) // 1000):
        raise NotText("input is full of control characters: it looks binary, not a text article")
    return text, encoding


def read_bytes(source: str, settings: Settings = DEFAULT) -> bytes:
    """Read the raw bytes of a path, or of stdin for ``-``, refusing inputs over the size limit."""
    limit = settings.max_input_bytes
    try:
        if source == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            path = Path(source)
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
    if source == "-":
        return "stdin"
    return Path(source).stem


def _split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks between blank lines, and lines inside a block unless a line is the
    hard-wrapped continuation of the previous one (it starts lowercase after a line that does not end
    a sentence)."""
    spans: list[tuple[int, int]] = []
    for block in re.finditer(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*", text):
        pos = block.start()
        cur_start: int | None = None
        cur_end = pos
        prev_line = ""
        for line in block.group(0).split("\n"):
            line_start, line_end = pos, pos + len(line)
            pos = line_end + 1
            stripped = line.strip()
            if not stripped:
                continue
            wraps = (
                cur_start is not None
                and stripped[0].islower()
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
    if any(p.search(text) for p in caption_patterns()):
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


def parse(text: str, name: str = "article", encoding: str = "utf-8") -> Article:
    """Split decoded text into paragraphs with their roles and find title, date and source."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput("input is empty or whitespace only")
    paragraphs: list[Paragraph] = []
    title = ""
    for index, (start, end) in enumerate(_split_paragraphs(text)):
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
    if date is None and (m := _NAME_DATE.match(name)):
        date = m.group(1)
    source = next((text[p.start : p.end] for p in paragraphs if p.role == "byline"), None)
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
    """Read, decode and parse the article at ``source`` (a path, or ``-`` for stdin)."""
    text, encoding = decode(read_bytes(source, settings))
    return parse(text, article_name(source), encoding)
