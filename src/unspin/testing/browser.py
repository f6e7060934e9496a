"""Debian's chromium, headless, for the browser tests and the screenshot script."""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# A sandboxed, offline machine: without the background-networking flags chromium keeps trying
# to reach Google's hosts; as root it needs --no-sandbox.
FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
