"""compare.fetch and ingest.load on URLs, against a local HTTP server on 127.0.0.1 only.

The server runs in a thread for the whole module; each path below plays one kind of web server
behaviour. No test touches any host but 127.0.0.1 (the DNS failure is simulated).
"""

from __future__ import annotations

import gzip
import http.server
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from compare import fetch, ingest
from compare.cli import main
from compare.errors import EmptyInput, FetchError, InputTooLarge, NotText
from compare.pipeline import analyze
from compare.settings import Settings

NEWS_PAGE = (Path(__file__).parent / "data" / "html" / "meridian-australia-indonesia.html").read_bytes()
TEXT_ARTICLE = "Lee and Kim meet in Seoul\n\n“We agreed on the next steps,” Lee said.\n".encode()
CP1252_PAGE = (
    b"<html><head><title>Caf\xe9 talks</title></head><body><h1>Caf\xe9 talks in Paris</h1>"
    b"<p>The ministers met at a caf\xe9 near the Quai d\x92Orsay on Monday for talks on trade.</p>"
    b"<p>\x93We agreed on the next steps,\x94 the French minister said.</p></body></html>"
)
SMALL = Settings(max_input_bytes=1000, fetch_timeout=0.5)
SLOW_SECONDS = 1.5

# path -> (status, headers, body)
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/world/asia/australia-indonesia-patrol-pact.html": (200, {"Content-Type": "text/html; charset=utf-8"}, NEWS_PAGE),
    "/article.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, TEXT_ARTICLE),
    "/новости/lavrov-talks": (200, {"Content-Type": "text/plain"}, TEXT_ARTICLE),
    "/notes.md": (200, {"Content-Type": "text/markdown"}, b"# Lee and Kim meet\n\n<p>Lee said it went well.</p>\n"),
    "/plain-but-html": (200, {"Content-Type": "text/plain"}, b"<p>Lee said the talks went well.</p>"),
    "/cp1252.html": (200, {"Content-Type": "text/html; charset=windows-1252"}, CP1252_PAGE),
    "/latin1.txt": (200, {"Content-Type": "text/plain; charset=ISO-8859-1"},
                    b"Talks\n\n\x93We agreed,\x94 Lee said at the caf\xe9."),
    "/header-wrong.html": (200, {"Content-Type": "text/html; charset=iso-8859-1"},
                           '<meta charset="utf-8"><h1>Café talks</h1><p>“We agreed,” Lee said at the café.</p>'
                           .encode()),
    "/header-unknown.txt": (200, {"Content-Type": "text/plain; charset=x-no-such-charset"}, "Café talks".encode()),
    "/untyped-html": (200, {}, b"<!doctype html><html><body><h1>Talks</h1><p>Lee said the talks went well.</p>"),
    "/untyped-text": (200, {}, b"Talks\n\nLee said the talks went well."),
    "/other-text-type": (200, {"Content-Type": "text/x-news"}, b"<html><body><p>Lee said it went well.</p>"),
    "/empty.html": (200, {"Content-Type": "text/html"}, b""),
    "/missing": (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"),
    "/broken": (500, {"Content-Type": "text/html"}, b"<h1>Oops</h1>"),
    "/teapot": (418, {}, b""),
    "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
    "/photo": (200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff\xe0"),
    "/download": (200, {"Content-Type": "application/octet-stream"}, b"\x00\x01"),
    "/big-declared": (200, {"Content-Type": "text/plain", "Content-Length": "5000"}, b"x" * 5000),
    "/big-undeclared": (200, {"Content-Type": "text/plain"}, b"Talks. " * 700),
    "/at-limit": (200, {"Content-Type": "text/plain"}, b"Talks\n\n" + b"x" * 993),
    "/lying-length": (200, {"Content-Type": "text/plain", "Content-Length": "10"}, b"Talks\n\n" + b"x" * 1200),
    "/gzip.txt": (200, {"Content-Type": "text/plain", "Content-Encoding": "gzip"}, gzip.compress(TEXT_ARTICLE)),
    "/gzip-bomb": (200, {"Content-Type": "text/plain", "Content-Encoding": "gzip"}, gzip.compress(b"x" * 100_000)),
    "/brotli": (200, {"Content-Type": "text/plain", "Content-Encoding": "br"}, b"\x0b\x02\x80"),
    "/redirect": (302, {"Location": "/world/asia/australia-indonesia-patrol-pact.html"}, b""),
    "/moved": (301, {"Location": "/article.txt"}, b""),
    "/moved-308": (308, {"Location": "/article.txt"}, b""),
    "/redirect-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/redirect-ftp": (302, {"Location": "ftp://127.0.0.1/article.txt"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    seen: list[dict[str, str]] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's API)
        _Handler.seen.append(dict(self.headers))
        path = unquote(urlsplit(self.path).path)
        if path == "/slow":
            time.sleep(SLOW_SECONDS)
        if path == "/drip":  # headers at once, then one byte every 50 ms: never idle, never done
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "200")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.05)
            return
        status, headers, body = ROUTES.get(path, (404, {}, b""))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()  # HTTP/1.0 without Content-Length: the body ends when the connection closes
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's API)
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # a client that hung up early: expected here
        pass


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy from the environment would send requests for 127.0.0.1 elsewhere."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")


# --- content types and encodings -----------------------------------------------------------------


def test_html_page(base: str) -> None:
    article = ingest.load(f"{base}/world/asia/australia-indonesia-patrol-pact.html")
    assert article.title == "Australia and Indonesia pledge maritime patrol pact after Jakarta talks"


def test_html_page_encoding(base: str) -> None:
    assert ingest.load(f"{base}/world/asia/australia-indonesia-patrol-pact.html").encoding == (
        "utf-8 (HTML, meta charset)"
    )


def test_html_page_leaves_out_comments(base: str) -> None:
    assert "reef_watcher" not in ingest.load(f"{base}/world/asia/australia-indonesia-patrol-pact.html").text


def test_plain_text(base: str) -> None:
    assert ingest.load(f"{base}/article.txt").text == TEXT_ARTICLE.decode()


def test_plain_text_encoding_from_header(base: str) -> None:
    assert ingest.load(f"{base}/article.txt").encoding == "utf-8 (HTTP charset)"


def test_markdown_is_text_even_with_tags(base: str) -> None:
    assert ingest.load(f"{base}/notes.md").text.startswith("# Lee and Kim meet\n\n<p>")


def test_text_plain_is_never_sniffed(base: str) -> None:
    assert ingest.load(f"{base}/plain-but-html").text == "<p>Lee said the talks went well.</p>"


def test_cp1252_page_from_header(base: str) -> None:
    article = ingest.load(f"{base}/cp1252.html")
    assert "“We agreed on the next steps,” the French minister said." in article.text


def test_cp1252_page_encoding(base: str) -> None:
    assert ingest.load(f"{base}/cp1252.html").encoding == "windows-1252 (HTML, HTTP charset)"


def test_latin1_label_reads_as_windows_1252(base: str) -> None:
    assert ingest.load(f"{base}/latin1.txt").text == "Talks\n\n“We agreed,” Lee said at the café."


def test_latin1_label_encoding(base: str) -> None:
    assert ingest.load(f"{base}/latin1.txt").encoding == "windows-1252 (HTTP charset)"


def test_meta_charset_beats_header(base: str) -> None:
    article = ingest.load(f"{base}/header-wrong.html")
    assert (article.encoding, "café" in article.text) == ("utf-8 (HTML, meta charset)", True)


def test_unknown_header_charset_falls_back_to_guess(base: str) -> None:
    article = ingest.load(f"{base}/header-unknown.txt")
    assert (article.text, article.encoding) == ("Café talks", "utf-8")


def test_untyped_html_is_sniffed(base: str) -> None:
    assert ingest.load(f"{base}/untyped-html").encoding == "utf-8 (HTML, no charset declared)"


def test_untyped_text_is_text(base: str) -> None:
    assert ingest.load(f"{base}/untyped-text").text == "Talks\n\nLee said the talks went well."


def test_other_text_type_is_sniffed(base: str) -> None:
    assert ingest.load(f"{base}/other-text-type").encoding.endswith("(HTML, no charset declared)")


def test_empty_html_body(base: str) -> None:
    with pytest.raises(EmptyInput):
        ingest.load(f"{base}/empty.html")


@pytest.mark.parametrize(("path", "media_type"), [
    ("/report.pdf", "application/pdf"),
    ("/photo", "image/jpeg"),
    ("/download", "application/octet-stream"),
])
def test_non_text_type_is_not_text(base: str, path: str, media_type: str) -> None:
    with pytest.raises(NotText, match=f"is {media_type}, not a text or HTML page"):
        fetch.fetch(f"{base}{path}")


def test_gzip_body_is_decompressed(base: str) -> None:
    assert fetch.fetch(f"{base}/gzip.txt").data == TEXT_ARTICLE


def test_gzip_body_over_limit_once_decompressed(base: str) -> None:
    with pytest.raises(InputTooLarge, match="once decompressed"):
        fetch.fetch(f"{base}/gzip-bomb", SMALL)


def test_unknown_content_encoding_is_not_text(base: str) -> None:
    with pytest.raises(NotText, match="Content-Encoding br"):
        fetch.fetch(f"{base}/brotli")


# --- the request we send ------------------------------------------------------------------------------


def test_user_agent_names_the_tool(base: str) -> None:
    fetch.fetch(f"{base}/article.txt?ua")
    assert _Handler.seen[-1]["User-Agent"].startswith("readout-compare/")


def test_asks_for_uncompressed_body(base: str) -> None:
    fetch.fetch(f"{base}/article.txt?enc")
    assert _Handler.seen[-1]["Accept-Encoding"] == "identity"


def test_fetched_records_type_and_charset(base: str) -> None:
    got = fetch.fetch(f"{base}/cp1252.html")
    assert (got.media_type, got.charset) == ("text/html", "windows-1252")


# --- HTTP errors ---------------------------------------------------------------------------------------------

HTTP_ERRORS = [
    ("/missing", "HTTP 404 Not Found"),
    ("/broken", "HTTP 500 Internal Server Error"),
    ("/teapot", "HTTP 418 I'm a Teapot"),
]


@pytest.mark.parametrize(("path", "cause"), HTTP_ERRORS)
def test_http_error_status(base: str, path: str, cause: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch.fetch(f"{base}{path}")
    assert str(info.value) == f"cannot fetch {base}{path}: {cause}"


def test_fetch_error_exit_code() -> None:
    assert FetchError.exit_code == 10


def test_cli_exit_code_and_one_line(base: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", f"{base}/missing"])
    err = capsys.readouterr().err
    assert (code, err) == (10, f"readout-compare: error: cannot fetch {base}/missing: HTTP 404 Not Found\n")


# --- time and size limits ---------------------------------------------------------------------------------------


def test_slow_server_times_out(base: str) -> None:
    with pytest.raises(FetchError, match=r"/slow: timed out after 0\.5 s$"):
        fetch.fetch(f"{base}/slow", SMALL)


def test_timeout_is_quick(base: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError):
        fetch.fetch(f"{base}/slow", SMALL)
    assert time.monotonic() - started < SLOW_SECONDS


def test_dripping_body_times_out(base: str) -> None:
    # every read returns within the timeout, so only the overall deadline can stop it
    with pytest.raises(FetchError, match=r"/drip: timed out after 0\.5 s$"):
        fetch.fetch(f"{base}/drip", SMALL)


def test_declared_length_over_limit(base: str) -> None:
    with pytest.raises(InputTooLarge, match="is 5,000 bytes, larger than the 1,000-byte input limit"):
        fetch.fetch(f"{base}/big-declared", SMALL)


def test_undeclared_length_over_limit(base: str) -> None:
    with pytest.raises(InputTooLarge, match="larger than the 1,000-byte input limit"):
        fetch.fetch(f"{base}/big-undeclared", SMALL)


def test_body_at_limit_is_read(base: str) -> None:
    assert len(fetch.fetch(f"{base}/at-limit", SMALL).data) == 1000


def test_body_longer_than_declared_length_is_cut_at_that_length(base: str) -> None:
    # http.client reads no more than Content-Length: a lying server cannot get past the limit
    assert fetch.fetch(f"{base}/lying-length", SMALL).data == b"Talks\n\nxxx"


# --- redirects and schemes --------------------------------------------------------------------------------------


def test_redirect_is_followed(base: str) -> None:
    got = fetch.fetch(f"{base}/redirect")
    assert got.url == f"{base}/world/asia/australia-indonesia-patrol-pact.html"


@pytest.mark.parametrize("path", ["/moved", "/moved-308"])
def test_permanent_redirect_is_followed(base: str, path: str) -> None:
    assert fetch.fetch(f"{base}{path}").data == TEXT_ARTICLE


def test_redirected_article_is_named_after_given_url(base: str) -> None:
    assert ingest.load(f"{base}/redirect").name == "redirect"


@pytest.mark.parametrize(("path", "target"), [
    ("/redirect-file", "file:///etc/passwd"),
    ("/redirect-ftp", "ftp://127.0.0.1/article.txt"),
])
def test_redirect_to_other_scheme_is_refused(base: str, path: str, target: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch.fetch(f"{base}{path}")
    assert str(info.value) == f"cannot fetch {base}{path}: redirected to {target}, which is not an http(s) URL"


def test_redirect_loop_is_one_line(base: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch.fetch(f"{base}/loop")
    assert (str(info.value).startswith(f"cannot fetch {base}/loop: HTTP 302"), "\n" in str(info.value)) == (True, False)


@pytest.mark.parametrize(("url", "scheme"), [
    ("file:///etc/hosts", "file"),
    ("ftp://127.0.0.1/article.txt", "ftp"),
    ("gopher://127.0.0.1/", "gopher"),
])
def test_other_schemes_are_refused(url: str, scheme: str) -> None:
    with pytest.raises(FetchError, match=f"only http:// and https:// URLs are supported, not {scheme}:"):
        ingest.load(url)


def test_file_url_hint() -> None:
    with pytest.raises(FetchError, match=r"give the file's path instead"):
        ingest.load("file:///etc/hosts")


@pytest.mark.parametrize("url", ["http://[::1/story", "http://127.0.0.1:99999/story", "http://exa mple.org/story"])
def test_malformed_url(url: str) -> None:
    with pytest.raises(FetchError, match=f"^cannot fetch {re.escape(url)}: "):
        fetch.fetch(url)


def test_non_ascii_path_is_percent_encoded(base: str) -> None:
    assert fetch.fetch(f"{base}/новости/lavrov-talks?тема=1#часть").data == TEXT_ARTICLE


def test_url_without_host() -> None:
    with pytest.raises(FetchError, match="has no host name"):
        fetch.fetch("http:///article.html")


# --- connection failures ----------------------------------------------------------------------------------------------


def test_refused_connection() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match=f"^cannot fetch http://127.0.0.1:{port}/x: connection refused$"):
        fetch.fetch(f"http://127.0.0.1:{port}/x")


def test_unknown_host(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchError, match=r"cannot resolve the host name \(Name or service not known\)$"):
        fetch.fetch("http://news.invalid/story")


# --- names and URL detection -----------------------------------------------------------------------------------------

URL_NAMES = [
    ("https://www.example.org/world/2024/09/12/australia-indonesia-pact.html", "australia-indonesia-pact"),
    ("https://example.org/2024/07/08/two-ministers-one-border/", "two-ministers-one-border"),
    ("https://example.org/news/lee-kim-talks?utm_source=x#top", "lee-kim-talks"),
    ("https://example.org/news/lee-kim-talks/index.html", "lee-kim-talks"),
    ("https://example.org/press/release%20214.aspx", "release 214"),
    ("https://example.org/story.v2", "story.v2"),
    ("https://example.org/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/", "новости"),
    ("https://www.example.org/", "www.example.org"),
    ("https://www.example.org", "www.example.org"),
    ("http://127.0.0.1:8000/index.php", "127.0.0.1"),
]


@pytest.mark.parametrize(("url", "name"), URL_NAMES)
def test_url_name(url: str, name: str) -> None:
    assert fetch.url_name(url) == name


def test_article_name_of_url() -> None:
    assert ingest.article_name("https://example.org/news/lee-kim-talks.html") == "lee-kim-talks"


IS_URL = [
    ("https://example.org/a", True),
    ("HTTP://EXAMPLE.ORG", True),
    ("file:///tmp/a.html", True),
    ("ftp://example.org/a.txt", True),
    ("corpora/2024-06-24-jns-blinken-gallant.txt", False),
    ("-", False),
    ("C:\\articles\\talks.html", False),
    ("C:/articles/talks.html", False),
    ("notes:draft.txt", False),
]


@pytest.mark.parametrize(("source", "expected"), IS_URL)
def test_is_url(source: str, expected: bool) -> None:
    assert fetch.is_url(source) is expected


# --- end to end ------------------------------------------------------------------------------------------------


def test_pipeline_on_url_finds_both_sides(base: str) -> None:
    analysis = analyze(f"{base}/world/asia/australia-indonesia-patrol-pact.html")
    assert {side.name for side in analysis.sides} == {"Australia", "Indonesia"}


def test_pipeline_on_url_names_article_after_path(base: str) -> None:
    analysis = analyze(f"{base}/world/asia/australia-indonesia-patrol-pact.html")
    assert analysis.article.name == "australia-indonesia-patrol-pact"
