"""compare.html: sniffing, declared charsets, and article extraction from saved news pages.

The pages under tests/data/html/ were written for these tests in the styles of a news site (cookie
banner, section nav, share bars, figure caption, related articles, reader comments, og:/article: meta,
JSON-LD), a foreign ministry press release (XHTML, Windows-1252, breadcrumbs, contact line) and a
WordPress blog (UTF-8 with BOM, sidebar, Jetpack share bar, comments), plus a JavaScript app shell with
no text. Checks are trafilatura-style must-contain / must-not-contain, one fact per test.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from compare import html, ingest
from compare.errors import EmptyInput
from compare.pipeline import analyze
from compare.records import Article

PAGES = Path(__file__).parent / "data" / "html"
NEWS = PAGES / "meridian-australia-indonesia.html"
READOUT = PAGES / "formin-finland-japan-cp1252.html"
BLOG = PAGES / "southern-cone-blog-bom.html"
APP_SHELL = PAGES / "spa-shell-no-article.html"


@cache
def _load(path: Path) -> Article:
    return ingest.load(str(path))


def _text(path: Path) -> str:
    return _load(path).text


# --- must contain / must not contain ------------------------------------------------------------

MUST_CONTAIN = {
    NEWS: [
        "Australia and Indonesia pledge maritime patrol pact after Jakarta talks",
        "JAKARTA — Australia and Indonesia agreed on Thursday",
        "“We share a sea, and we share the responsibility for keeping it safe,” Australian Foreign Minister",
        '"Our sovereignty over our waters is not a subject for negotiation, with anyone," he said.',
        "Marsh described the climate request as “entirely reasonable”",
        "said Lina Hartono, a maritime researcher at a Jakarta think tank.",
    ],
    READOUT: [
        "Foreign Minister Virtanen and Japanese Foreign Minister Sato discuss Arctic shipping",
        "The meeting took place at the Säätytalo, the House of the Estates",
        "“Finland and Japan are both northern maritime nations",
        "“Russia’s aggression against Ukraine is not a regional matter.",
        "between their foreign ministries – the first round in Tokyo in 2025.",
    ],
    BLOG: [
        "Two ministers, one border, two stories",
        "Chilean Foreign Minister Camila Fuentes put lithium first.",
        "“Every day the pass is closed costs our exporters millions of dollars.",
        "Olmedo said Argentina’s provinces “decide for themselves who they sell to”",
        "without dates for any of them.",
    ],
}

MUST_NOT_CONTAIN = {
    NEWS: [
        "We use cookies",  # cookie banner
        "Accept all",
        "Subscribe for $1 a week",  # section nav
        "Asia-Pacific",  # breadcrumbs
        "Share on X",  # share bar
        "Copy link",
        "Photo: Dewi Lestari",  # figure caption
        "shake hands at the Pancasila Building",
        "Read more:",  # inline related link
        "Related articles",
        "Darwin to host regional coast guard academy",
        "Get the Asia-Pacific briefing",  # newsletter box
        "reef_watcher",  # comments
        "Canberra said the same thing in 2019",
        "who pays for fuel",
        "All rights reserved",  # footer
        "dataLayer",  # scripts
    ],
    READOUT: [
        "Skip to main content",
        "Svenska",  # language switcher
        "Search the site",
        "Development cooperation",  # nav
        "Front page",  # breadcrumbs
        "Press release 214/2024",
        "LinkedIn",  # share bar
        "Related content",
        "Finland and Japan upgrade relations",
        "Accessibility statement",  # footer
    ],
    BLOG: [
        "Skip to content",
        "Notes on diplomacy between the Andes and the Atlantic",  # site description
        "Support this blog",  # nav
        "Photo courtesy of the Chilean Foreign Ministry",  # figure caption
        "Posted in",  # category links
        "Tagged",
        "Click to share",  # share bar
        "About the author",
        "Previous post",
        "thoughts on",  # comments
        "“This decade” is doing a lot of work",
        "Nobody here cares about a lithium cartel",
        "Leave a Reply",
        "Recent Posts",  # sidebar
        "Proudly powered by WordPress",
        "\ufeff",  # the byte-order mark
    ],
}


@pytest.mark.parametrize(
    ("page", "phrase"),
    [(page, phrase) for page, phrases in MUST_CONTAIN.items() for phrase in phrases],
    ids=lambda v: v.stem if isinstance(v, Path) else v[:40],
)
def test_page_text_contains(page: Path, phrase: str) -> None:
    assert phrase in _text(page)


@pytest.mark.parametrize(
    ("page", "phrase"),
    [(page, phrase) for page, phrases in MUST_NOT_CONTAIN.items() for phrase in phrases],
    ids=lambda v: v.stem if isinstance(v, Path) else v[:40],
)
def test_page_text_leaves_out(page: Path, phrase: str) -> None:
    assert phrase not in _text(page)


# --- metadata --------------------------------------------------------------------------------------

METADATA = [
    (NEWS, "title", "Australia and Indonesia pledge maritime patrol pact after Jakarta talks"),
    (NEWS, "date", "2024-09-12"),  # article:published_time / JSON-LD datePublished
    (NEWS, "source", "Sarah Okafor, The Meridian"),
    (NEWS, "encoding", "utf-8 (HTML, meta charset)"),
    (NEWS, "dateline", "Jakarta"),
    (NEWS, "name", "meridian-australia-indonesia"),
    (READOUT, "title", "Foreign Minister Virtanen and Japanese Foreign Minister Sato discuss Arctic shipping and "
     "export controls"),  # <title> minus " - Ministry for Foreign Affairs"
    (READOUT, "date", "2024-10-03"),  # DC.date.issued; the page prints 3.10.2024
    (READOUT, "source", "Ministry for Foreign Affairs"),
    (READOUT, "encoding", "windows-1252 (HTML, meta charset)"),
    (BLOG, "title", "Two ministers, one border, two stories"),
    (BLOG, "date", "2024-07-08"),  # not the comment's 2024-07-09
    (BLOG, "source", "Tomás Rivera, Southern Cone Dispatch"),
    (BLOG, "encoding", "utf-8 (HTML, byte-order mark)"),
]


@pytest.mark.parametrize(("page", "field", "expected"), METADATA, ids=lambda v: v.stem if isinstance(v, Path) else None)
def test_page_metadata(page: Path, field: str, expected: str) -> None:
    assert getattr(_load(page), field) == expected


@pytest.mark.parametrize("page", [NEWS, READOUT, BLOG], ids=lambda p: p.stem)
def test_headline_is_first_paragraph(page: Path) -> None:
    article = _load(page)
    head = article.paragraphs[0]
    assert (head.role, article.text[head.start : head.end]) == ("headline", article.title)


@pytest.mark.parametrize("page", [NEWS, READOUT, BLOG], ids=lambda p: p.stem)
def test_headline_appears_once(page: Path) -> None:
    article = _load(page)
    assert article.text.count(article.title) == 1


def test_extracted_blocks_are_paragraphs() -> None:
    # the news page's story body has 10 <p> blocks; with the headline that is 11 paragraphs
    assert len(_load(NEWS).paragraphs) == 11


# --- pages with no article text ------------------------------------------------------------------------


def test_app_shell_without_text_is_empty_input() -> None:
    with pytest.raises(EmptyInput, match="no article text trafilatura could find"):
        ingest.load(str(APP_SHELL))


def test_html_of_whitespace_only_is_empty_input(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_bytes(b"\xef\xbb\xbf \n\t\n")
    with pytest.raises(EmptyInput, match="empty or whitespace only"):
        ingest.load(str(path))


def test_extract_empty_body_is_empty_input() -> None:
    with pytest.raises(EmptyInput):
        html.extract("<html><head><title>Newsroom</title></head><body></body></html>")


# --- extract: layout and metadata on small pages ---------------------------------------------------------

SMALL_PAGE = (
    "<html><head><title>Lee and Kim meet in Seoul</title></head><body>"
    "<h1>Lee and Kim meet in Seoul</h1>"
    "<p>Minister Lee met Minister Kim on Monday in Seoul for talks on trade and security.</p>"
    "<p>“We agreed on\n   the next steps,” Lee said.</p></body></html>"
)


def test_extract_puts_title_first_and_drops_its_repeat() -> None:
    page = html.extract(SMALL_PAGE)
    assert page.text.split("\n\n")[0] == "Lee and Kim meet in Seoul"


def test_extract_separates_blocks_by_blank_lines() -> None:
    assert html.extract(SMALL_PAGE).text.split("\n\n")[1:] == [
        "Minister Lee met Minister Kim on Monday in Seoul for talks on trade and security.",
        "“We agreed on the next steps,” Lee said.",
    ]


def test_extract_without_title_starts_with_first_block() -> None:
    page = html.extract("<p>Minister Lee met Minister Kim on Monday in Seoul.</p><p>“We agreed,” Lee said.</p>")
    assert (page.title, page.text.split("\n\n")[0]) == (None, "Minister Lee met Minister Kim on Monday in Seoul.")


def test_extract_does_not_guess_date_from_text() -> None:
    page = html.extract("<html><body><p>The ministers met on 24 June 2024 in Rome for talks.</p></body></html>")
    assert page.date is None


def test_date_from_text_when_markup_has_none(tmp_path: Path) -> None:
    # no date in the markup: ingest.parse's date rules apply to the extracted text
    path = tmp_path / "page.html"
    path.write_text("<html><body><h1>Rome talks</h1><p>June 24, 2024</p>"
                    "<p>The ministers met in Rome for talks on trade, officials said.</p></body></html>")
    assert ingest.load(str(path)).date == "June 24, 2024"


SOURCES = [
    ("Jane Roe", "The Meridian", "Jane Roe, The Meridian"),
    ("Jane Roe", None, "Jane Roe"),
    (None, "The Meridian", "The Meridian"),
    (None, None, None),
    ("Ministry for Foreign Affairs", "Ministry for Foreign Affairs", "Ministry for Foreign Affairs"),
]


@pytest.mark.parametrize(("author", "sitename", "source"), SOURCES)
def test_page_source(author: str | None, sitename: str | None, source: str | None) -> None:
    assert html.Page("x", None, None, author, sitename).source == source


# --- sniffing -----------------------------------------------------------------------------------------------

SNIFF_CASES = [
    # (leading bytes, is HTML)
    (b"<!DOCTYPE html>\n<html><body><p>x</p></body></html>", True),
    (b"<!doctype HTML><title>x</title>", True),
    (b"  \n\t<html lang='en'>", True),
    (b"\xef\xbb\xbf<!DOCTYPE html>", True),  # UTF-8 BOM
    ("<!DOCTYPE html><p>x</p>".encode("utf-16"), True),  # UTF-16 BOM
    (b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">', True),
    (b"<!-- saved from url=(0041)https://example.org/ -->\n<html>", True),
    (b"<p>Minister Lee met Minister Kim.</p><p>They talked.</p>", True),  # pasted fragment
    (b"<div class='story'><p>x</p></div>", True),
    (b"<meta charset=utf-8><h1>Talks</h1>", True),
    (b"<article>\n<h2>Talks</h2>", True),
    # negatives: text articles
    (b"Blinken meets Gallant\n\nThe two men met.", False),
    (b"Talks\n\nThe <p> tag and <html> were mentioned in the story.", False),  # tags later on
    (b"<<< Breaking >>> Ministers meet", False),
    (b"<Reuters> Ministers meet in Rome", False),  # not an HTML element
    (b"<pre-dawn talks> ended", False),  # "pre", not "p"
    (b"<html-like text", False),
    (b"", False),
    (b"\xef\xbb\xbfTalks in Rome", False),
]


@pytest.mark.parametrize(("data", "expected"), SNIFF_CASES)
def test_looks_like_html(data: bytes, expected: bool) -> None:
    assert html.looks_like_html(data) is expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [(b"Talks <p>here</p>", True), (b"<!doctype html>", True), (b"Plain text, 3 < 4 > 2.", False), (b"", False)],
)
def test_has_tags(data: bytes, expected: bool) -> None:
    assert html.has_tags(data) is expected


# --- declared charset ----------------------------------------------------------------------------------------

CHARSET_CASES = [
    (b'<meta charset="utf-8">', "utf-8"),
    (b"<meta charset=ISO-8859-1>", "ISO-8859-1"),
    (b"<META CHARSET='windows-1252' />", "windows-1252"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "windows-1252"),
    (b'<meta content="text/html;charset=Shift_JIS" http-equiv="content-type">', "Shift_JIS"),
    (b'<!-- <meta charset="koi8-r"> --><meta charset="utf-8">', "utf-8"),  # commented out
    (b'<meta name="description" content="charset rules">', None),
    (b"<html><head><title>x</title></head>", None),
    (b" " * 5000 + b'<meta charset="koi8-r">', None),  # past the prescan window
]


@pytest.mark.parametrize(("data", "label"), CHARSET_CASES)
def test_declared_charset(data: bytes, label: str | None) -> None:
    assert html.declared_charset(data) == label


def test_readout_fixture_declares_windows_1252() -> None:
    assert html.declared_charset(READOUT.read_bytes()) == "windows-1252"


def test_readout_fixture_is_not_utf8() -> None:
    # guards the fixture itself: the charset test means nothing if the page were UTF-8
    with pytest.raises(UnicodeDecodeError):
        READOUT.read_bytes().decode("utf-8")


# --- end to end: the pipeline on HTML pages ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def news_analysis():
    return analyze(str(NEWS))


def test_news_page_sides(news_analysis) -> None:
    assert {side.name for side in news_analysis.sides} == {"Australia", "Indonesia"}


@pytest.mark.parametrize(
    ("opening", "speaker", "side"),
    [
        ("We share a sea", "Helen Marsh", "Australia"),
        ("This is not about any third country", "Helen Marsh", "Australia"),
        ("Marsh said Canberra would fund", "Helen Marsh", "Australia"),
        ("Our sovereignty over our waters", "Ardi Kusuma", "Indonesia"),
        ("Kusuma welcomed the offer", "Ardi Kusuma", "Indonesia"),
        ("Both capitals want to show", "Lina Hartono", "other"),
    ],
)
def test_news_page_statement(news_analysis, opening: str, speaker: str, side: str) -> None:
    found = [(st.speaker, st.side) for st in news_analysis.statements if st.text.startswith(opening)]
    assert found == [(speaker, side)]


def test_news_page_statement_offsets_point_into_extracted_text(news_analysis) -> None:
    text = news_analysis.article.text
    assert [st.text for st in news_analysis.statements] == [text[st.start : st.end] for st in news_analysis.statements]


def test_news_page_has_no_statement_from_comments(news_analysis) -> None:
    assert not [st for st in news_analysis.statements if "fuel" in st.text or "2019" in st.text]


def test_readout_page_sides() -> None:
    assert {side.name for side in analyze(str(READOUT)).sides} == {"Finland", "Japan"}


def test_blog_page_sides() -> None:
    assert {side.name for side in analyze(str(BLOG)).sides} == {"Chile", "Argentina"}


def test_blog_page_two_sentence_quote_speaker() -> None:
    found = [st.speaker for st in analyze(str(BLOG)).statements if st.text.startswith("Every day the pass")]
    assert found == ["Martín Olmedo"]
