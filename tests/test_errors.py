"""Errors a user can act on: a missing optional extra says what to install, and the core
(compare, check) needs no extra at all."""

from __future__ import annotations

import subprocess
import sys

import pytest

from unspin.errors import MissingExtra, UnspinError, require_extra

EXTRAS_MODULES = ("fastapi", "uvicorn", "pyarrow", "pandas", "matplotlib", "distributed")


def test_a_missing_extra_names_the_feature_the_modules_and_the_install_line() -> None:
    with pytest.raises(MissingExtra) as caught:
        require_extra("scan", "scanning (unspin scan)", "json", "no_such_module_for_unspin")
    assert str(caught.value) == (
        "scanning (unspin scan) needs the 'scan' extra (no_such_module_for_unspin not "
        "installed): pip install 'unspin[scan]'"
    )
    # The front ends print an UnspinError in one line; Python callers may catch ImportError.
    assert isinstance(caught.value, UnspinError) and isinstance(caught.value, ImportError)


def test_present_modules_pass() -> None:
    require_extra("web", "the web app", "json", "re")


def test_comparing_loads_neither_the_web_nor_the_scan_libraries() -> None:
    script = (
        "import sys, unspin, unspin.cli\n"
        "text = 'Russia massed 100,000 troops near the border of Ukraine on Tuesday.'\n"
        "report = unspin.compare(unspin.Article(text), unspin.Article(text), encoder=None)\n"
        "unspin.render_html(report), unspin.report_to_json(report)\n"
        f"print(sorted(m for m in {EXTRAS_MODULES!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
