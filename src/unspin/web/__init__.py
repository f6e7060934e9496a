"""The web app and REST API (`unspin serve`): app.py; saved reports: reports.py; work off the
event loop: jobs.py."""

from unspin.errors import require_extra

require_extra("web", "the web app (unspin serve)", "fastapi", "uvicorn", "multipart")

from unspin.web.app import Settings, create_app  # noqa: E402  (after the check above)

__all__ = ["Settings", "create_app"]
