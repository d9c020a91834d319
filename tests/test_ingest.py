"""compare.ingest: decoding bytes, paragraph roles, title/date/source, and reading files and HTML.

HTML extraction itself is tested in test_html.py, URLs in test_fetch.py."""

from __future__ import annotations

import io
import sys

import pytest

from compare import ingest
from compare.errors import EmptyInput, InputNotFound, InputTooLarge, NotText
from compare.settings import Settings

# --- decode ----------------------------------------------------------------------------------

DECODE_CASES = [
    # (bytes, expected text, expected encoding name)
    (b"caf\xc3\xa9", "café", "utf-8"),
    (b"\xef\xbb\xbfcaf\xc3\xa9", "café", "utf-8-sig"),
    ("café “q”".encode("utf-16"), "café “q”", "utf-16"),  # BOM + native byte order
    (b"\xfe\xff" + "café".encode("utf-16-be"), "café", "utf-16"),
    (b"caf\xe9 \x93quote\x94", "café “quote”", "windows-1252"),
    (b"plain ascii", "plain ascii", "utf-8"),
]


@pytest.mark.parametrize(("data", "text", "encoding"), DECODE_CASES)
def test_decode_text(data: bytes, text: str, encoding: str) -> None:
    assert ingest.decode(data) == (text, encoding)


NOT_TEXT_CASES = [
    b"ab\x00cd",  # NUL bytes: binary
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # a PNG header
    b"\x01\x02\x03\x04\x05hello",  # mostly control characters
    b"\x81\x8d\x8f",  # undefined in Windows-1252 and not UTF-8
    b"\xff\xfeabc",  # UTF-16 BOM with an odd number of bytes after it
]


@pytest.mark.parametrize("data", NOT_TEXT_CASES)
def test_decode_refuses_binary(data: bytes) -> None:
    with pytest.raises(NotText):
        ingest.decode(data)


def test_decode_utf8_bom_with_invalid_bytes_is_not_text() -> None:
    with pytest.raises(NotText):
        ingest.decode(b"\xef\xbb\xbfcaf\xe9")


def test_decoded_utf16_has_no_bom_character() -> None:
    text, _ = ingest.decode("Talks".encode("utf-16"))
    assert "\ufeff" not in text


# --- parse: empty input and line endings ------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\r\n \r\n"])
def test_parse_empty_or_whitespace_is_empty_input(text: str) -> None:
    with pytest.raises(EmptyInput):
        ingest.parse(text)


def test_parse_normalises_crlf() -> None:
    article = ingest.parse("Title\r\n\r\nBlinken met Gallant.\r\nGallant left.")
    assert "\r" not in article.text


def test_parse_normalises_lone_cr() -> None:
    article = ingest.parse("Title\r\rBlinken met Gallant.")
    assert article.text == "Title\n\nBlinken met Gallant."


def test_parse_crlf_paragraph_offsets_slice_normalised_text() -> None:
    article = ingest.parse("Title\r\n\r\nBlinken met Gallant.\r\nGallant left.")
    bodies = [article.text[p.start : p.end] for p in article.paragraphs]
    assert bodies == ["Title", "Blinken met Gallant.", "Gallant left."]


# --- parse: paragraph roles --------------------------------------------------------------------

ROLE_CASES = [
    # (paragraph placed after a headline, expected role)
    ("Photo: Mark Stewart/State Department", "caption"),
    ("Blinken and Gallant at the Pentagon (Photo by Jane Roe)", "caption"),
    ("By Jane Doe", "byline"),
    ("JNS Staff Report", "byline"),
    ("June 24, 2024", "dateline"),
    ("24 June 2024", "dateline"),
    ("2024-06-24", "dateline"),
    ("Leave a Reply", "furniture"),
    ("Share this article", "furniture"),
    # negatives: ordinary sentences that merely resemble the above
    ("Blinken said the photo op went well.", "body"),
    ("By Monday, the talks had ended.", "body"),
    ("They met on 24 June 2024 in Rome and talked about many things over a long lunch.", "body"),
    ("They did not leave a reply to the letter.", "body"),
]


@pytest.mark.parametrize(("paragraph", "role"), ROLE_CASES)
def test_paragraph_role(paragraph: str, role: str) -> None:
    article = ingest.parse(f"Blinken meets Gallant\n\n{paragraph}")
    assert article.paragraphs[1].role == role


def test_first_paragraph_is_headline() -> None:
    article = ingest.parse("Blinken meets Gallant\n\nThe two men met on Monday.")
    assert article.paragraphs[0].role == "headline"


def test_only_one_headline() -> None:
    article = ingest.parse("Blinken meets Gallant\n\nThe two men met.\n\nThey talked.")
    assert [p.role for p in article.paragraphs] == ["headline", "body", "body"]


def test_headline_after_leading_date_line() -> None:
    article = ingest.parse("June 24, 2024\n\nBlinken meets Gallant\n\nThe two men met.")
    assert article.title == "Blinken meets Gallant"


def test_markdown_headline_marks_are_not_in_title() -> None:
    article = ingest.parse("# Blinken meets Gallant\n\nThe two men met.")
    assert article.title == "Blinken meets Gallant"


def test_markdown_headline_paragraph_starts_after_marks() -> None:
    article = ingest.parse("# Blinken meets Gallant\n\nThe two men met.")
    head = article.paragraphs[0]
    assert article.text[head.start : head.end] == "Blinken meets Gallant"


def test_hard_wrapped_line_joins_its_paragraph() -> None:
    article = ingest.parse("Title\n\nThe talks\nended late.")
    assert len(article.paragraphs) == 2


def test_lines_of_one_block_are_separate_paragraphs() -> None:
    article = ingest.parse("Title\nJNS Staff Report\nJune 24, 2024\n\nThe two men met.")
    assert [p.role for p in article.paragraphs] == ["headline", "byline", "dateline", "body"]


def test_paragraph_offsets_slice_text() -> None:
    text = "  Title  \n\n  Photo: AP  \n\nBody one.\nBody two.\n"
    article = ingest.parse(text)
    for para in article.paragraphs:
        body = article.text[para.start : para.end]
        assert body == body.strip(), para


def test_paragraph_indexes_count_up() -> None:
    article = ingest.parse("Title\n\nOne.\n\nTwo.\n\nThree.")
    assert [p.index for p in article.paragraphs] == [0, 1, 2, 3]


# --- parse: title, date, source ----------------------------------------------------------------


def test_title_is_headline_text() -> None:
    assert ingest.parse("Blinken meets Gallant\n\nThey met.").title == "Blinken meets Gallant"


def test_date_from_date_line() -> None:
    article = ingest.parse("Talks\n\nBy Jane Doe\n\nJune 24, 2024\n\nThe two men met.")
    assert article.date == "June 24, 2024"


def test_date_from_body_sentence() -> None:
    article = ingest.parse("Talks\n\nThey met on 24 June 2024 in Rome and talked for a long time.")
    assert article.date == "24 June 2024"


def test_date_from_name_when_text_has_none() -> None:
    article = ingest.parse("Talks\n\nThey met.", name="2024-06-24-jns-talks")
    assert article.date == "2024-06-24"


def test_no_date() -> None:
    assert ingest.parse("Talks\n\nThey met.", name="talks").date is None


def test_date_in_caption_is_ignored() -> None:
    article = ingest.parse("Talks\n\nPhoto: AP, June 24, 2024\n\nThey met.", name="talks")
    assert article.date is None


def test_source_is_byline() -> None:
    assert ingest.parse("Talks\n\nBy Jane Doe\n\nThey met.").source == "By Jane Doe"


def test_no_source_without_byline() -> None:
    assert ingest.parse("Talks\n\nThey met.").source is None


def test_title_falls_back_to_name() -> None:
    article = ingest.parse("Photo: AP\n\nLeave a Reply", name="empty-page")
    assert article.title == "empty-page"


# --- read_bytes / load -------------------------------------------------------------------------


def test_load_missing_path(tmp_path) -> None:
    with pytest.raises(InputNotFound):
        ingest.load(str(tmp_path / "nope.txt"))


def test_load_directory_is_not_found(tmp_path) -> None:
    with pytest.raises(InputNotFound):
        ingest.load(str(tmp_path))


def test_load_over_size_limit(tmp_path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 11)
    with pytest.raises(InputTooLarge):
        ingest.load(str(path), Settings(max_input_bytes=10))


def test_load_at_size_limit(tmp_path) -> None:
    path = tmp_path / "ok.txt"
    path.write_bytes(b"Talks here")  # exactly 10 bytes
    assert ingest.load(str(path), Settings(max_input_bytes=10)).text == "Talks here"


def test_load_names_article_after_file_stem(tmp_path) -> None:
    path = tmp_path / "2024-06-24-talks.txt"
    path.write_text("Talks\n\nThey met.", encoding="utf-8")
    assert ingest.load(str(path)).name == "2024-06-24-talks"


def test_load_keeps_encoding(tmp_path) -> None:
    path = tmp_path / "cp.txt"
    path.write_bytes(b"Caf\xe9 talks\n\nThey met.")
    assert ingest.load(str(path)).encoding == "windows-1252"


def test_load_binary_file(tmp_path) -> None:
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x00\x01\x02\x03")
    with pytest.raises(NotText):
        ingest.load(str(path))


def test_load_stdin_text(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Talks\r\n\r\nThey met.")))
    assert ingest.load("-").text == "Talks\n\nThey met."


def test_load_stdin_name(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Talks\n\nThey met.")))
    assert ingest.load("-").name == "stdin"


# --- declared charsets -------------------------------------------------------------------------

CODEC_CASES = [
    ("utf-8", "utf-8"),
    ("UTF8", "utf-8"),
    ('"utf-8"', "utf-8"),
    ("windows-1252", "cp1252"),
    ("ISO-8859-1", "cp1252"),  # browsers read latin-1 labels as Windows-1252
    ("latin1", "cp1252"),
    ("us-ascii", "cp1252"),
    ("iso-8859-15", "iso8859-15"),
    ("Shift_JIS", "shift_jis"),
    ("x-no-such-charset", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("label", "codec"), CODEC_CASES)
def test_codec_for(label: str | None, codec: str | None) -> None:
    assert ingest.codec_for(label) == codec


DECLARED_CASES = [
    # (bytes, declarations, (text, encoding, how))
    (b"caf\xe9", [("windows-1252", "meta charset")], ("café", "windows-1252", "meta charset")),
    (b"\x93q\x94", [("iso-8859-1", "HTTP charset")], ("“q”", "windows-1252", "HTTP charset")),
    ("Лавров".encode("koi8-r"), [("koi8-r", "meta charset")], ("Лавров", "koi8-r", "meta charset")),
    # a byte-order mark beats every declaration
    (b"\xef\xbb\xbfcaf\xc3\xa9", [("windows-1252", "meta charset")], ("café", "utf-8-sig", "byte-order mark")),
    # the first usable declaration wins; unknown, missing and ill-fitting ones are skipped
    (b"caf\xc3\xa9", [("utf-8", "meta charset"), ("windows-1252", "HTTP charset")], ("café", "utf-8", "meta charset")),
    (b"caf\xe9", [(None, "meta charset"), ("windows-1252", "HTTP charset")], ("café", "windows-1252", "HTTP charset")),
    (b"caf\xe9", [("x-unknown", "meta charset")], ("café", "windows-1252", "no charset declared")),
    (b"caf\xe9", [("utf-8", "meta charset")], ("café", "windows-1252", "no charset declared")),
    (b"caf\xc3\xa9", [], ("café", "utf-8", "no charset declared")),
]


@pytest.mark.parametrize(("data", "declarations", "expected"), DECLARED_CASES)
def test_decode_declared(data: bytes, declarations: list, expected: tuple[str, str, str]) -> None:
    assert ingest.decode_declared(data, declarations) == expected


def test_decode_declared_refuses_nul_bytes() -> None:
    with pytest.raises(NotText):
        ingest.decode_declared(b"ab\x00cd", [("windows-1252", "meta charset")])


def test_decode_declared_refuses_control_characters() -> None:
    with pytest.raises(NotText):
        ingest.decode_declared(b"\x01\x02\x03\x04\x05hello", [("windows-1252", "meta charset")])


DECODE_HTML_CASES = [
    # (bytes, HTTP header charset, (text, encoding description))
    (b'<meta charset="windows-1252"><p>caf\xe9</p>', None,
     ('<meta charset="windows-1252"><p>café</p>', "windows-1252 (HTML, meta charset)")),
    # <meta> before the HTTP header
    ('<meta charset="utf-8"><p>café</p>'.encode(), "iso-8859-1",
     ('<meta charset="utf-8"><p>café</p>', "utf-8 (HTML, meta charset)")),
    (b"<p>caf\xe9</p>", "windows-1252", ("<p>café</p>", "windows-1252 (HTML, HTTP charset)")),
    ("<p>Лавров</p>".encode("koi8-r"), "koi8-r", ("<p>Лавров</p>", "koi8-r (HTML, HTTP charset)")),
    # a <meta> that names UTF-16 in a page readable as ASCII means UTF-8
    ('<meta charset="utf-16"><p>café</p>'.encode(), None,
     ('<meta charset="utf-16"><p>café</p>', "utf-8 (HTML, meta charset)")),
    (b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "windows-1252", ("<p>café</p>", "utf-8 (HTML, byte-order mark)")),
    ("<p>café</p>".encode("utf-16"), None, ("<p>café</p>", "utf-16 (HTML, byte-order mark)")),
    (b"<p>caf\xe9</p>", None, ("<p>café</p>", "windows-1252 (HTML, no charset declared)")),
]


@pytest.mark.parametrize(("data", "header", "expected"), DECODE_HTML_CASES)
def test_decode_html(data: bytes, header: str | None, expected: tuple[str, str]) -> None:
    assert ingest.decode_html(data, header) == expected


def test_meta_charset_changes_the_text() -> None:
    # without its <meta>, a KOI8-R page would be guessed as Windows-1252 and garbled
    body = "<p>Лавров сказал</p>".encode("koi8-r")
    assert (ingest.decode_html(b'<meta charset="koi8-r">' + body)[0].endswith("Лавров сказал</p>"),
            "Лавров" in ingest.decode_html(body)[0]) == (True, False)


# --- which inputs are HTML ------------------------------------------------------------------------

HTML_INPUT_CASES = [
    # (source, bytes, read as HTML)
    ("page.html", b"<!doctype html><html><body><p>x</p></body></html>", True),
    ("page.htm", b"<p>x</p>", True),
    ("page.HTML", b"Saved text.\n\n<p>Lee said it went well.</p>", True),  # .html with tags later on
    ("page.html", b"Talks\n\nLee said it went well.", False),  # .html without any tag: text
    ("article.txt", b"<!DOCTYPE html><html>", True),  # content wins over the .txt name
    ("article.txt", b"Talks\n\nThe <p> tag came up.", False),
    ("article", b"  <html><body>", True),
    ("notes.md", b"<p align='center'>Talks</p>\n\nLee said it went well.", False),  # Markdown may hold HTML
    ("notes.markdown", b"<!doctype html>", False),
    ("-", b"<html><body><p>x</p>", True),  # stdin is sniffed
    ("-", b"Talks\n\nLee said it went well.", False),
]


@pytest.mark.parametrize(("source", "data", "expected"), HTML_INPUT_CASES)
def test_is_html_input(source: str, data: bytes, expected: bool) -> None:
    assert ingest.is_html_input(source, data) is expected


# --- load: HTML files and stdin -------------------------------------------------------------------

PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Lee and Kim meet | Seoul Times</title>'
    '<meta property="og:title" content="Lee and Kim meet in Seoul">'
    '<meta property="article:published_time" content="2024-05-02T09:00:00+09:00">'
    '<meta property="og:site_name" content="Seoul Times"></head><body>'
    '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
    "<article><h1>Lee and Kim meet in Seoul</h1>"
    "<p>SEOUL — Minister Lee met Minister Kim on Monday for talks on trade and security.</p>"
    "<p>“We agreed on the next steps,” Lee said.</p></article>"
    "<footer>© 2024 Seoul Times</footer></body></html>"
)


def test_load_html_file(tmp_path) -> None:
    path = tmp_path / "lee-kim.html"
    path.write_text(PAGE, encoding="utf-8")
    article = ingest.load(str(path))
    assert article.text == (
        "Lee and Kim meet in Seoul\n\nSEOUL — Minister Lee met Minister Kim on Monday for talks on trade and "
        "security.\n\n“We agreed on the next steps,” Lee said."
    )


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("name", "lee-kim"),
        ("title", "Lee and Kim meet in Seoul"),
        ("date", "2024-05-02"),
        ("source", "Seoul Times"),
        ("encoding", "utf-8 (HTML, meta charset)"),
        ("dateline", "Seoul"),
    ],
)
def test_load_html_file_fields(tmp_path, field: str, expected: str) -> None:
    path = tmp_path / "lee-kim.html"
    path.write_text(PAGE, encoding="utf-8")
    assert getattr(ingest.load(str(path)), field) == expected


def test_load_html_paragraph_offsets_slice_text(tmp_path) -> None:
    path = tmp_path / "lee-kim.html"
    path.write_text(PAGE, encoding="utf-8")
    article = ingest.load(str(path))
    assert [article.text[p.start : p.end] for p in article.paragraphs] == article.text.split("\n\n")


def test_load_txt_file_holding_html_is_html(tmp_path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(PAGE, encoding="utf-8")
    assert ingest.load(str(path)).title == "Lee and Kim meet in Seoul"


def test_load_markdown_holding_html_is_text(tmp_path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("<p>Lee and Kim meet</p>\n\nLee said it went well.", encoding="utf-8")
    assert ingest.load(str(path)).encoding == "utf-8"


def test_load_html_named_file_without_tags_is_text(tmp_path) -> None:
    path = tmp_path / "talks.html"
    path.write_text("Talks\n\nLee said it went well.", encoding="utf-8")
    assert (ingest.load(str(path)).text, ingest.load(str(path)).encoding) == (
        "Talks\n\nLee said it went well.", "utf-8")


def test_load_html_over_size_limit(tmp_path) -> None:
    path = tmp_path / "big.html"
    path.write_text(PAGE, encoding="utf-8")
    with pytest.raises(InputTooLarge):
        ingest.load(str(path), Settings(max_input_bytes=100))


def test_load_binary_html_file(tmp_path) -> None:
    path = tmp_path / "bin.html"
    path.write_bytes(b"<html>\x00\x01\x02")
    with pytest.raises(NotText):
        ingest.load(str(path))


def test_load_stdin_html(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    article = ingest.load("-")
    assert (article.name, article.title, article.encoding) == (
        "stdin", "Lee and Kim meet in Seoul", "utf-8 (HTML, meta charset)")


def test_load_stdin_html_without_article_text(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"<html><body><div id='root'></div></body></html>")))
    with pytest.raises(EmptyInput):
        ingest.load("-")
