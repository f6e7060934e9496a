"""The web app and REST API (`unspin serve`): app.py; saved reports: reports.py; work off the
event loop: jobs.py."""

from unspin.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
