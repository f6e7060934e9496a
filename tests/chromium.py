"""Debian's chromium for the browser tests, driven by Playwright. Importing this skips the
importing test module where chromium is missing, except under `.ci/run`, which installs it and
sets UNSPIN_REQUIRE_BROWSER=1: there a missing browser fails the tests instead."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from unspin.testing.browser import CHROMIUM, FLAGS

if not Path(CHROMIUM).exists():
    if os.environ.get("UNSPIN_REQUIRE_BROWSER"):
        raise RuntimeError(f"no chromium at {CHROMIUM}: `apt-get install chromium`")
    pytest.skip("no chromium here (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


def launched() -> Iterator[sync_api.Browser]:
    """Headless chromium for a module's tests (yield from it in a fixture)."""
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=list(FLAGS))
        yield chromium
        chromium.close()
