"""Reports: JSON (schema unspin.report/1), a rich terminal view and a self-contained HTML page."""

from unspin.report.html import render_html
from unspin.report.schema import SCHEMA, report_from_dict, report_to_dict, report_to_json
from unspin.report.terminal import render_terminal

__all__ = [
    "SCHEMA",
    "render_html",
    "render_terminal",
    "report_from_dict",
    "report_to_dict",
    "report_to_json",
]
