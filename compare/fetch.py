"""Fetch an article URL with the standard library (``urllib.request``). The only module that opens a
network connection; :mod:`compare.ingest` decides what the bytes are.

What is fetched, and what is refused:

- **Schemes**: ``http://`` and ``https://`` only, for the URL given and for every redirect (301, 302,
  303, 307, 308; at most 10). ``file:``, ``ftp:`` and the rest raise :class:`FetchError`.
- **Time**: ``settings.fetch_timeout`` seconds. Each socket operation (connect, send, each read) waits
  at most that long, and the body is abandoned once that long has passed since the request started,
  so a server that drips bytes cannot hold the run for longer than about twice the timeout.
- **Size**: ``settings.max_input_bytes``. A larger ``Content-Length`` is refused before any of the body
  is read; otherwise at most ``limit + 1`` bytes are read and one byte over the limit is refused
  (:class:`InputTooLarge`). A gzip or deflate body (sent although we ask for ``identity``) is
  decompressed to at most ``limit + 1`` bytes too.
- **Media types**: ``text/*``, ``application/xhtml+xml`` and a missing ``Content-Type`` are read;
  anything else (``application/pdf``, ``image/*``, ``application/octet-stream``, ...) raises
  :class:`NotText` before the body is read.
- **Errors**: unreachable or unknown host, refused or reset connection, timeout, TLS failure and
  HTTP 4xx/5xx raise :class:`FetchError` with one line naming the URL and the cause, e.g.
  ``cannot fetch https://example.org/x: HTTP 404 Not Found``.

Proxies come from the usual environment variables (``https_proxy``, ``no_proxy``), as for any urllib
client.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import PurePosixPath
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

from . import __version__
from .errors import FetchError, InputTooLarge, NotText
from .settings import DEFAULT, Settings

USER_AGENT = f"readout-compare/{__version__} (news article analysis; Python urllib)"
SCHEMES = frozenset({"http", "https"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""Media types read as HTML pages."""
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
"""Media types read as plain-text articles, never sniffed for HTML."""

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, text/markdown;q=0.8, text/*;q=0.5"
_CHUNK = 64 * 1024
_WEB_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml", ".php", ".asp", ".aspx", ".jsp", ".txt", ".md"})
_INDEX_STEMS = frozenset({"index", "default", "home"})
_URL_SAFE = "/%:@!$&'()*+,;=~"
"""Characters left as they are when percent-encoding a non-ASCII path (RFC 3986 reserved + ``%``)."""
_GZIP_OR_ZLIB = 32 + zlib.MAX_WBITS  # zlib's wbits for "detect gzip or zlib header"


@dataclass(frozen=True)
class Fetched:
    """The body of a fetched URL and what the server said about it."""

    url: str
    """The URL the body came from, after redirects."""
    data: bytes
    media_type: str | None
    """Lower-case ``type/subtype`` from ``Content-Type``; ``None`` if the server sent none."""
    charset: str | None
    """The ``charset`` parameter of ``Content-Type`` as sent (lower-cased), if any."""


def is_url(source: str) -> bool:
    """True when ``source`` starts with ``scheme://`` (any scheme: unsupported ones are refused by
    :func:`fetch` with a clear message rather than looked up as a file)."""
    return bool(_URL.match(source))


def url_name(url: str) -> str:
    """An article name for a URL: the last path segment without a web suffix (``.html``, ``.php``,
    ...), skipping ``index``/``default``/``home`` pages; the host name when the path has none."""
    parts = urlsplit(url)
    for segment in reversed([unquote(s) for s in parts.path.split("/") if s.strip()]):
        stem = PurePosixPath(segment)
        name = stem.stem if stem.suffix.lower() in _WEB_SUFFIXES else segment
        if name and name.lower() not in _INDEX_STEMS:
            return name
    return parts.hostname or "article"


def fetch(url: str, settings: Settings = DEFAULT) -> Fetched:
    """GET ``url`` and return its body; see the module docstring for every rule applied."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:  # "Invalid IPv6 URL", a bad port
        raise FetchError(f"cannot fetch {url}: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        hint = " (give the file's path instead)" if scheme == "file" else ""
        raise FetchError(f"cannot fetch {url}: only http:// and https:// URLs are supported, not {scheme}:{hint}")
    if not host:
        raise FetchError(f"cannot fetch {url}: the URL has no host name")
    timeout = settings.fetch_timeout
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(
        _ascii_url(url), headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "identity"}
    )
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    try:
        with opener.open(request, timeout=timeout) as response:
            headers = response.headers
            media_type, charset = _content_type(headers)
            if media_type is not None and not _is_text(media_type):
                raise NotText(f"{url} is {media_type}, not a text or HTML page")
            _refuse_declared_size(url, headers.get("Content-Length"), settings.max_input_bytes)
            data = _read_body(url, response, settings.max_input_bytes, deadline, timeout)
            data = _decompress(url, data, headers.get("Content-Encoding"), settings.max_input_bytes)
            return Fetched(response.geturl(), data, media_type, charset)
    except _RedirectRefused as exc:
        raise FetchError(f"cannot fetch {url}: redirected to {exc.target}, which is not an http(s) URL") from None
    except urllib.error.HTTPError as exc:
        exc.close()
        reason = " ".join(str(exc.reason or _status_phrase(exc.code)).split())
        raise FetchError(f"cannot fetch {url}: HTTP {exc.code} {reason}") from exc
    except urllib.error.URLError as exc:
        raise FetchError(f"cannot fetch {url}: {_cause(exc.reason, timeout)}") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"cannot fetch {url}: {_cause(exc, timeout)}") from exc
    except ValueError as exc:  # urllib's "invalid URL" family
        raise FetchError(f"cannot fetch {url}: {exc}") from exc


def _ascii_url(url: str) -> str:
    """The URL as sent: a non-ASCII host name in IDNA, a non-ASCII path and query percent-encoded as
    UTF-8 (as browsers do with what their address bar shows); the fragment is not sent."""
    if url.isascii():
        return url
    parts = urlsplit(url)
    try:
        netloc = parts.netloc if parts.netloc.isascii() else parts.netloc.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise FetchError(f"cannot fetch {url}: the host name is not valid ({exc})") from exc
    path = quote(parts.path, safe=_URL_SAFE)
    query = quote(parts.query, safe=_URL_SAFE + "?")
    return urlunsplit((parts.scheme, netloc, path, query, ""))


class _RedirectRefused(Exception):
    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib's redirect handling, but only to http(s) (urllib also follows ftp), and 308 on 3.10."""

    def http_error_302(self, req, fp, code, msg, headers):
        target = headers.get("Location") or headers.get("URI")
        if target and urlsplit(urljoin(req.full_url, target)).scheme.lower() not in SCHEMES:
            fp.close()
            raise _RedirectRefused(urljoin(req.full_url, target))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return super().redirect_request(req, fp, 307 if code == 308 else code, msg, headers, newurl)


def _content_type(headers: http.client.HTTPMessage) -> tuple[str | None, str | None]:
    if headers.get("Content-Type") is None:
        return None, None
    return headers.get_content_type().lower(), headers.get_content_charset()


def _is_text(media_type: str) -> bool:
    return media_type.startswith("text/") or media_type in HTML_TYPES


def _refuse_declared_size(url: str, declared: str | None, limit: int) -> None:
    try:
        size = int(declared) if declared is not None else -1
    except ValueError:
        return
    if size > limit:
        raise InputTooLarge(f"{url} is {size:,} bytes, larger than the {limit:,}-byte input limit")


def _read_body(url: str, response: http.client.HTTPResponse, limit: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        if time.monotonic() > deadline:
            raise FetchError(f"cannot fetch {url}: timed out after {timeout:g} s")
        chunk = response.read1(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise InputTooLarge(f"{url} is larger than the {limit:,}-byte input limit")
    return b"".join(chunks)


def _decompress(url: str, data: bytes, encoding: str | None, limit: int) -> bytes:
    coding = (encoding or "identity").strip().lower()
    if coding in ("identity", ""):
        return data
    if coding not in ("gzip", "x-gzip", "deflate"):
        raise NotText(f"{url} was sent with Content-Encoding {coding}, which readout-compare cannot decode")
    try:
        inflater = zlib.decompressobj(_GZIP_OR_ZLIB)
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise NotText(f"{url} was sent as {coding} but does not decompress: {exc}") from exc
    if len(out) > limit:
        raise InputTooLarge(f"{url} is larger than the {limit:,}-byte input limit once decompressed")
    return out


def _cause(reason: object, timeout: float) -> str:
    """One line saying why a connection failed."""
    if isinstance(reason, TimeoutError) or (isinstance(reason, str) and "timed out" in reason):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(reason, socket.gaierror):
        return f"cannot resolve the host name ({reason.strerror or reason})"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"TLS certificate not accepted ({reason.verify_message or reason})"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error ({reason.reason or reason})"
    if isinstance(reason, http.client.RemoteDisconnected):
        return "the server closed the connection without a response"
    if isinstance(reason, http.client.IncompleteRead):
        return "the server closed the connection before the whole body was sent"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return " ".join(str(reason).split()) or type(reason).__name__


def _status_phrase(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return ""
