"""Articles shared by the classroom tests (a helper module, not a test file)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "2024-06-24-jns-blinken-gallant.txt"

HOSTILE = (
    "Blinken meets Gallant <script>document.title='pwned';window.pwned=1</script> in Washington\n\n"
    "By Jane Doe\n\n"
    "June 24, 2024\n\n"
    "U.S. Secretary of State Antony Blinken met Israeli Defense Minister Yoav Gallant on Monday "
    "<img src=x onerror=document.title='pwned'>.\n\n"
    "“We stand with Israel <script>window.pwned=3</script> and its security,” Blinken said.\n\n"
    "“We are ready to discuss the hostages <a href='javascript:window.pwned=4'>here</a> and "
    "[the war](javascript:window.pwned=5) in Gaza,” Gallant said.\n\n"
    "“Our aim is a ceasefire <style>body{display:none}</style> and the return of the hostages,” "
    "Blinken said.\n\n"
    "Gallant said that Israel <iframe src='javascript:window.pwned=6'></iframe> would keep up "
    "its ‘defensive operations’ in Gaza.\n"
)
"""An article whose text carries script tags, an ``<img onerror>``, ``javascript:`` links (HTML and
markdown), a style tag and an iframe, inside statements and outside them. Not HTML input: it starts
with a headline, so it is read as plain text and every tag is article text to be shown literally."""

HOSTILE_MARKERS = ("<script", "<img", "<a href='javascript", "<iframe", "<style>body")


def write_hostile(folder: Path) -> Path:
    path = folder / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path
