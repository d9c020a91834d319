"""Headless Chromium for the browser tests (a helper module, not a test file).

Uses the distribution's Chromium and chromedriver (Debian: ``apt-get install chromium
chromium-driver``), given to Selenium explicitly, so Selenium Manager never downloads anything.
:func:`skip_reason` says why the browser tests cannot run here, or ``None``.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
"""Screenshots and PDFs the browser tests save (gitignored)."""

FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--hide-scrollbars", "--mute-audio",
    "--force-device-scale-factor=1", "--font-render-hinting=none",
)
"""Chromium as root in a container needs --no-sandbox; the rest keep it off the network and quiet."""


def chromium() -> str | None:
    return next((c for c in CHROMIUM_CANDIDATES if Path(c).exists()), None) or shutil.which("chromium")


def skip_reason() -> str | None:
    if chromium() is None:
        return "no Chromium installed (Debian: apt-get install chromium chromium-driver; .ci/run does this)"
    if not Path(CHROMEDRIVER).exists():
        return f"no chromedriver at {CHROMEDRIVER} (Debian: apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


def driver(width: int = 1280, height: int = 900):
    """A fresh headless Chromium (its own temporary profile) driven through /usr/bin/chromedriver,
    with the browser console log captured."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='rc-chromium-')}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


def print_to_pdf(html_file: Path, pdf_file: Path) -> None:
    """Chromium's own ``--print-to-pdf`` (A4 from the page's @page rule, no header or footer)."""
    subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={tempfile.mkdtemp(prefix='rc-chromium-')}",
         "--no-pdf-header-footer", f"--print-to-pdf={pdf_file}", html_file.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
