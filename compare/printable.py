"""Printable HTML pages from our own markdown (the classroom pages): markdown-it-py renders the
markdown, a print stylesheet sets the page (A4 and Letter both fit: 18 mm margins), keeps headings with
what follows, never splits a paragraph, list item or table row (a worksheet item and its answer line are
one paragraph; a row's quotes stay on one page), and repeats a table's header row on each page it spans. Pure: no I/O.

The markdown comes from :mod:`compare.lesson`, where all article text is escaped with
:func:`compare.report.md`; the only raw HTML our pages carry is ``<br>`` inside table cells. The page
ships no script, and its Content-Security-Policy forbids any (and images, fonts and connections).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

PRINT_CSS = """
@page { size: A4; margin: 12mm 12mm 13mm 12mm; }
html { font: 9.5pt/1.3 "DejaVu Serif", Georgia, serif; color: #000; background: #fff; }
body { max-width: 46em; margin: 1.5em auto; padding: 0 1em; overflow-wrap: anywhere; }
h1 { font-size: 1.45em; line-height: 1.2; margin: 0 0 .5em; }
h2 { font-size: 1.15em; margin: .9em 0 .3em; border-bottom: 1px solid #777; }
h3 { font-size: 1.02em; margin: .9em 0 .3em; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; font-family: "DejaVu Sans", Arial, sans-serif; }
p, li { orphans: 3; widows: 3; margin: .3em 0; }
ul, ol { padding-left: 1.4em; margin: .3em 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: .4em 0; font-size: .94em; }
th, td { border: 1px solid #555; padding: .2em .35em; vertical-align: top; text-align: left; }
th:first-child, td:first-child { width: 17%; }
p, li, blockquote, tr, th, td { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
blockquote { margin: .5em 0; padding: .2em .8em; border-left: 3px solid #555; }
hr { border: 0; border-top: 1px solid #777; margin: 1em 0 .5em; }
a { color: #000; }
@media screen { a { color: #0645ad; } }
"""

_CSP = "default-src 'none'; style-src '{hash}'; img-src 'none'; base-uri 'none'; form-action 'none'"


def style_hash(css: str) -> str:
    """The CSP source expression ``'sha256-…'`` that allows exactly this inline stylesheet."""
    return "sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")


def markdown_page(markdown: str, title: str, link_suffix: tuple[str, str] | None = None) -> str:
    """A self-contained HTML document of ``markdown`` (CommonMark with GitHub tables). ``link_suffix``
    ``(".md", ".html")`` re-points relative links between our own pages to their HTML copies."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    if link_suffix:
        old, new = link_suffix
        body = re.sub(rf'href="([A-Za-z0-9._-]+){re.escape(old)}"', rf'href="\1{new}"', body)
    csp = _CSP.format(hash=style_hash(PRINT_CSS))
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{PRINT_CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
