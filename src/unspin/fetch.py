"""The one place unspin touches the network: download a web page, within limits.

Everything that reads a URL goes through `fetch`, so the limits (size, time, redirects,
schemes, content types) hold everywhere, and tests swap the network for an
`httpx.MockTransport` through the `transport` parameter.

A server that fetches URLs its users give must not become their way into its own network
(server-side request forgery): it passes `transport=PublicOnlyTransport()`, which connects
only to public addresses. The check is made when each connection is opened, on the very
address then connected to, so neither a redirect nor a host name that resolves differently
the second time (DNS rebinding) gets round it. The command line fetches what its user asks.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from importlib import metadata

import httpcore
import httpx

from unspin.errors import FetchError
from unspin.limits import MAX_BYTES, describe_size

TIMEOUT = 10.0
MAX_REDIRECTS = 5

# Content types that can hold an article; an absent Content-Type is let through (read sniffs it).
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})

CHUNK = 64 * 1024


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
) -> FetchedPage:
    """Download `url` (http or https) and return the page; any failure raises FetchError.

    `timeout` bounds each network step and the whole download (through a PublicOnlyTransport,
    connecting, headers and redirects included); the body is streamed so a page over
    `max_bytes` is abandoned as soon as it is known to be too big. A `transport` (such as a
    `PublicOnlyTransport`) makes every connection, and is closed when the fetch is done.
    """
    deadline = time.monotonic() + timeout
    fetching = _DEADLINE.set(deadline)
    try:
        with httpx.Client(
            transport=transport,
            trust_env=transport is None,  # no proxy or .netrc from the environment goes round it
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1"},
            follow_redirects=False,  # followed by hand, so every hop is counted and checked
        ) as client:
            return _fetch(client, url, max_bytes, max_redirects, deadline, timeout)
    except httpx.TimeoutException:
        raise FetchError(f"cannot fetch {url}: timed out after {timeout:g} s") from None
    except httpx.HTTPError as error:
        raise FetchError(f"cannot fetch {url}: {_network_reason(error)}") from None
    except UnicodeError:  # the system resolver's, for a label empty or over 63 characters
        raise FetchError(f"cannot fetch {url}: not a valid host name") from None
    finally:
        _DEADLINE.reset(fetching)


def _fetch(
    client: httpx.Client,
    url: str,
    max_bytes: int,
    max_redirects: int,
    deadline: float,
    timeout: float,
) -> FetchedPage:
    target = _checked_url(url, url)
    where = ""
    for _hop in range(max_redirects + 1):
        try:
            with client.stream("GET", target) as response:
                if response.is_redirect:
                    location = response.headers["location"]
                    target = _checked_url(url, location, base=response.url)
                    where = f" (redirected to {location})"
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
        except AddressRefused as refusal:  # raised by a PublicOnlyTransport as it connects
            raise FetchError(f"{url}: refused: {refusal}{where}") from None
    raise FetchError(f"{url}: too many redirects (more than {max_redirects})")


def _checked_url(original: str, candidate: str, base: httpx.URL | None = None) -> httpx.URL:
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


# --- connecting to public addresses only ------------------------------------------------------

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Answers a host name's addresses (IP literals, as text) for a port; socket.getaddrinfo by
# default, a fake in tests.
Resolver = Callable[[str, int], Sequence[str]]


class AddressRefused(FetchError):
    """A PublicOnlyTransport would not connect to a host: the message says which address and
    why ("10.0.0.1 is a private address"), and `fetch` names the URL before it."""


def _networks(*cidrs: str) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(cidr) for cidr in cidrs)


# Named before the catch-all "reserved" (ipaddress's is_global is false for all of them), so
# a refusal says what the address is. The ranges ipaddress has a property for (loopback,
# link-local, multicast...) are left to it.
_NAMED_RANGES: tuple[tuple[str, tuple[IPNetwork, ...]], ...] = (
    ("private", _networks("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")),
    ("carrier-grade NAT", _networks("100.64.0.0/10")),
    ("documentation", _networks("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")),
    ("documentation", _networks("2001:db8::/32", "3fff::/20")),
    ("benchmarking", _networks("198.18.0.0/15", "2001:2::/48")),
)

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # the well-known prefix: IPv4 in the last 32 bits


def _unwrapped(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 one carries (IPv4-mapped, 6to4, NAT64), else the address: a
    connection to the wrapper reaches it, so it is what the check judges."""
    if isinstance(address, ipaddress.IPv4Address):
        return address
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def _non_public_kind(address: IPAddress) -> str | None:
    """What kind of address this is ("loopback", "private"...) if it is not a public one."""
    address = _unwrapped(address)
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:  # 169.254.169.254, the cloud metadata service, among them
        return "link-local"
    if address.is_multicast:  # some multicast ranges are "global" to ipaddress
        return "multicast"
    for kind, networks in _NAMED_RANGES:
        if any(address in network for network in networks):
            return kind
    if address.is_reserved or not address.is_global:
        return "reserved"
    return None


def _system_resolve(host: str, port: int) -> list[str]:
    """The host's addresses in the order the system resolver gives them, without repeats."""
    answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(answer[4][0]) for answer in answers))


class _PublicOnlyBackend(httpcore.NetworkBackend):
    """Opens TCP connections through `inner`, only to checked addresses: a host name is
    resolved once, every address it has is checked, and the connection is made to one of those
    very addresses (an IP literal), so the inner backend never looks the name up again."""

    def __init__(
        self, inner: httpcore.NetworkBackend, resolve: Resolver, allowed: tuple[IPNetwork, ...]
    ) -> None:
        self._inner = inner
        self._resolve = resolve
        self._allowed = allowed

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        # TLS is unaffected: httpcore passes the URL's host name to start_tls on its own
        # (server_hostname), so SNI and the certificate check use the name, not the address.
        failure: httpcore.ConnectError | httpcore.ConnectTimeout | None = None
        for address in self._addresses(host, port):  # in turn, as socket.create_connection does
            try:
                stream = self._inner.connect_tcp(
                    address,
                    port,
                    timeout=_within_deadline(timeout),
                    local_address=local_address,
                    socket_options=socket_options,
                )
                return _DeadlineStream(stream)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error
        assert failure is not None  # _addresses answers at least one address
        raise failure

    def _addresses(self, host: str, port: int) -> list[str]:
        """The addresses to connect to for `host`; AddressRefused if any is not public."""
        try:
            literal = ipaddress.ip_address(host)
        except ValueError:
            pass
        else:
            if kind := self._refused_kind(literal):
                raise AddressRefused(f"{host} is {_a(kind)} address")
            return [host]
        try:
            addresses = list(self._resolve(host, port))
        except OSError as error:  # socket.gaierror: fetch reports it as "host not found"
            raise httpcore.ConnectError(str(error)) from error
        except UnicodeError:  # a label empty or over 63 characters ("a..b", "aaa...a.com")
            raise httpcore.ConnectError(f"{host} is not a valid host name") from None
        if not addresses:
            raise httpcore.ConnectError(f"{host}: no address associated with hostname")
        for address in addresses:  # one bad address refuses the host: any may be the one used
            if kind := self._refused_kind(ipaddress.ip_address(address)):
                # Not which address a name resolves to: an answer need not map the network
                # behind the server.
                raise AddressRefused(f"{host} resolves to {_a(kind)} address")
        return addresses

    def _refused_kind(self, address: IPAddress) -> str | None:
        allowed = (address, _unwrapped(address))
        if any(ip in network for network in self._allowed for ip in allowed):
            return None
        return _non_public_kind(address)


# When the fetch under way must be done (time.monotonic), for the streams a PublicOnlyTransport
# opens: httpx's timeouts bound each read, so a server sending its headers a byte a second
# would hold a fetch for as long as it likes.
_DEADLINE: ContextVar[float | None] = ContextVar("unspin_fetch_deadline", default=None)


def _within_deadline(timeout: float | None) -> float | None:
    """`timeout`, cut to the time the fetch under way has left; httpcore.ReadTimeout if none."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the fetch took longer than its timeout")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout=_within_deadline(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout=_within_deadline(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        tls = self._inner.start_tls(ssl_context, server_hostname, _within_deadline(timeout))
        return _DeadlineStream(tls)

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)  # httpx's defaults


class PublicOnlyTransport(httpx.HTTPTransport):
    """An httpx transport that connects only to public addresses: loopback, private,
    link-local, carrier-grade NAT, multicast, documentation and other reserved addresses are
    refused (fetch raises FetchError "<url>: refused: 10.0.0.1 is a private address").

    For a server fetching URLs its users give: `read_article(url, transport=PublicOnlyTransport())`.
    `allowed_networks` lets chosen networks through (an internal archive; a test server on
    127.0.0.1). `resolve` and `network_backend` replace the system resolver and the sockets
    (tests). No proxy is used: it would connect in the transport's place.
    """

    def __init__(
        self,
        *,
        allowed_networks: Iterable[IPNetwork] = (),
        resolve: Resolver | None = None,
        network_backend: httpcore.NetworkBackend | None = None,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        ssl_context = httpx.create_ssl_context(verify=verify)
        super().__init__(verify=ssl_context, limits=_LIMITS)
        backend = _PublicOnlyBackend(
            network_backend or httpcore.SyncBackend(),
            resolve or _system_resolve,
            tuple(allowed_networks),
        )
        # httpx.HTTPTransport takes no network backend, so the pool it built is replaced by one
        # made as it makes it (httpx 0.28, no proxy) plus the backend that checks addresses.
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=_LIMITS.max_connections,
            max_keepalive_connections=_LIMITS.max_keepalive_connections,
            keepalive_expiry=_LIMITS.keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=backend,
        )
