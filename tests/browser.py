"""Headless Chromium for the tests of the HTML pages: the DOM after the page's own
script has run (`--dump-dom`), and screenshots. Debian's `chromium`, which `.ci/run`
installs; tests that need it skip, naming the package, where it is missing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

BROWSER = next((b for b in ("chromium", "chromium-browser") if shutil.which(b)), None)
needs_browser = pytest.mark.skipif(
    BROWSER is None, reason="headless Chromium is missing: apt-get install chromium"
)
_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
          "--disable-extensions", "--allow-file-access-from-files"]  # fmt: skip


def dump_dom(page: Path, fragment: str = "") -> str:
    """The page's DOM as Chromium serialises it once the page has loaded."""
    assert BROWSER is not None
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    done = subprocess.run(
        [BROWSER, *_FLAGS, "--virtual-time-budget=5000", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def screenshot(page: Path, out: Path, width: int = 1400, height: int = 1000) -> Path:
    assert BROWSER is not None
    subprocess.run(
        [BROWSER, *_FLAGS, "--hide-scrollbars", f"--window-size={width},{height}",
         f"--screenshot={out}", page.resolve().as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )  # fmt: skip
    return out
