"""compare.ingest: decoding bytes, paragraph roles, title/date/source, and reading files."""

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
