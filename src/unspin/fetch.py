"""The one place unspin touches the network: download a web page, within limits.

Everything that reads a URL goes through `fetch`, so the limits (size, time, redirects,
schemes, content types) hold everywhere, and tests swap the network for an
`httpx.MockTransport` through the `transport` parameter.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata

import httpx

from unspin.errors import FetchError
from unspin.limits import MAX_BYTES, describe_size

TIMEOUT = 10.0
MAX_REDIRECTS = 5

# Content types that can hold an article; an absent Content-Type is let through (read sniffs it).
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})

CHUNK = 64 * 1024

# A guard sees every URL before it is requested, the first and each redirect target, and
# raises FetchError to refuse it. This is where the web server will refuse private and
# loopback addresses (a later issue); the command line passes none.
Guard = Callable[[httpx.URL], None]


def _user_agent() -> str:
    try:
        version = metadata.version("unspin")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        version = "dev"
    return f"Mozilla/5.0 (compatible; unspin/{version}; news rewrite checker)"


USER_AGENT = _user_agent()


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A downloaded page: its final URL (after redirects), status and bytes."""

    url: str
    status: int
    content_type: str  # media type only, lower case ("text/html"); "" when the server gave none
    content: bytes
    encoding: str = ""  # charset from the Content-Type header, "" when none


def fetch(
    url: str,
    *,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    max_redirects: int = MAX_REDIRECTS,
    transport: httpx.BaseTransport | None = None,
    guard: Guard | None = None,
) -> FetchedPage:
    """Download `url` (http or https) and return the page; any failure raises FetchError.

    `timeout` bounds each network step and the whole download; the body is streamed so a page
    over `max_bytes` is abandoned as soon as it is known to be too big.
    """
    deadline = time.monotonic() + timeout
    try:
        with httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1"},
            follow_redirects=False,  # followed by hand, so every hop is counted and checked
        ) as client:
            return _fetch(client, url, max_bytes, max_redirects, deadline, timeout, guard)
    except httpx.TimeoutException:
        raise FetchError(f"cannot fetch {url}: timed out after {timeout:g} s") from None
    except httpx.HTTPError as error:
        raise FetchError(f"cannot fetch {url}: {_network_reason(error)}") from None


def _fetch(
    client: httpx.Client,
    url: str,
    max_bytes: int,
    max_redirects: int,
    deadline: float,
    timeout: float,
    guard: Guard | None,
) -> FetchedPage:
    target = _checked_url(url, url, guard)
    for _hop in range(max_redirects + 1):
        with client.stream("GET", target) as response:
            if response.is_redirect:
                location = response.headers["location"]
                target = _checked_url(url, location, guard, base=response.url)
                continue
            _check_response(url, response, max_bytes)
            content = _read_body(url, response, max_bytes, deadline, timeout)
            return FetchedPage(
                url=str(response.url),
                status=response.status_code,
                content_type=_media_type(response),
                content=content,
                encoding=response.charset_encoding or "",
            )
    raise FetchError(f"{url}: too many redirects (more than {max_redirects})")


def _checked_url(
    original: str, candidate: str, guard: Guard | None, base: httpx.URL | None = None
) -> httpx.URL:
    """Parse a URL to request (the given one, or a redirect's Location relative to `base`) and
    apply the limits to it."""
    try:
        parsed = base.join(candidate) if base else httpx.URL(candidate)
    except httpx.InvalidURL:
        raise FetchError(f"{original}: not a valid URL") from None
    where = f" (redirected to {candidate})" if base else ""
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"{original}: only http and https URLs can be fetched{where}")
    if not parsed.host:
        raise FetchError(f"{original}: not a valid URL{where}")
    if guard is not None:
        guard(parsed)
    return parsed


def _check_response(url: str, response: httpx.Response, max_bytes: int) -> None:
    """Refuse, before reading the body, what the headers already show is not a usable page."""
    if not response.is_success:
        reason = f" {response.reason_phrase}" if response.reason_phrase else ""
        raise FetchError(f"{url}: HTTP {response.status_code}{reason}")
    media_type = _media_type(response)
    if media_type and media_type not in PAGE_TYPES:
        raise FetchError(f"{url}: not a web page (content type {media_type})")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"{url}: larger than the {describe_size(max_bytes)} limit")


def _read_body(
    url: str, response: httpx.Response, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    """Read the body chunk by chunk, stopping as soon as it passes the size or time limit."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: larger than the {describe_size(max_bytes)} limit")
        if time.monotonic() > deadline:  # a server dripping bytes never trips the read timeout
            raise FetchError(f"cannot fetch {url}: timed out after {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


# How resolvers word "no such host" (glibc, macOS, Windows).
_HOST_NOT_FOUND = (
    "name or service not known",
    "nodename nor servname",
    "name resolution",
    "getaddrinfo failed",
    "no address associated",
)


def _network_reason(error: httpx.HTTPError) -> str:
    """A short, one-line reason for a network failure."""
    text = " ".join(str(error).split())
    lowered = text.lower()
    if "refused" in lowered:
        return "connection refused"
    if any(marker in lowered for marker in _HOST_NOT_FOUND):
        return "host not found"
    return text or type(error).__name__
