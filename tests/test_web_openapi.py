"""The REST API against its own OpenAPI description, by schemathesis: whatever a client sends
that the description allows (and much it does not), the server never answers 5xx."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import httpx
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from unspin.web import Settings, create_app


def _no_network() -> httpx.BaseTransport:
    """URLs in generated requests are fetched from here: every page is missing."""
    return httpx.MockTransport(lambda request: httpx.Response(404))


_FOLDER = Path(tempfile.mkdtemp(prefix="unspin-openapi-"))
app = create_app(Settings(corpus=_FOLDER / "corpus.db", reports=":memory:", transport=_no_network))
# Made at import, for schemathesis to read the schema from: removed with the server's uploads
# when the test process ends.
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)
atexit.register(app.state.server.close)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_gets_a_server_error(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=[not_a_server_error])
