"""fetch: download one page within limits; every failure is a one-line FetchError.

No test leaves this machine: each gives `fetch` an httpx.MockTransport, or a
PublicOnlyTransport with a fake resolver and network, or talks to a server of its own on
127.0.0.1.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from ipaddress import ip_network

import httpcore
import httpx
import pytest

from unspin.errors import FetchError
from unspin.fetch import USER_AGENT, FetchedPage, PublicOnlyTransport, describe_size, fetch

PAGE = b"<html><head><title>Hi</title></head><body><p>Hello.</p></body></html>"

Handler = Callable[[httpx.Request], httpx.Response]


def mock(handler: Handler) -> httpx.MockTransport:
    return httpx.MockTransport(handler)


def html(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"}, content=PAGE)


def redirect_forever(request: httpx.Request) -> httpx.Response:
    hop = int(request.url.path.rsplit("/", 1)[1])
    return httpx.Response(302, headers={"Location": f"/hop/{hop + 1}"})


def fetch_error(url: str, handler: Handler, **limits: int) -> str:
    return failure(url, mock(handler), **limits)


def failure(url: str, transport: httpx.BaseTransport, **limits: float) -> str:
    with pytest.raises(FetchError) as caught:
        fetch(url, transport=transport, **limits)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_page_is_returned_with_its_final_url_type_and_charset() -> None:
    page = fetch("https://news.example/story", transport=mock(html))
    assert page == FetchedPage(
        url="https://news.example/story",
        status=200,
        content_type="text/html",
        content=PAGE,
        encoding="utf-8",
    )


def test_requests_carry_a_real_user_agent() -> None:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return html(request)

    fetch("https://news.example/story", transport=mock(record))
    assert seen[0].headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("Mozilla/5.0 (compatible; unspin/")


def test_redirects_are_followed_up_to_the_limit() -> None:
    def five_hops(request: httpx.Request) -> httpx.Response:
        hop = int(request.url.path.rsplit("/", 1)[1])
        return redirect_forever(request) if hop < 5 else html(request)

    page = fetch("https://news.example/hop/0", transport=mock(five_hops))
    assert page.url == "https://news.example/hop/5"
    assert page.content == PAGE


def test_a_redirect_chain_over_the_limit_is_refused() -> None:
    message = fetch_error("https://news.example/hop/0", redirect_forever)
    assert message == "https://news.example/hop/0: too many redirects (more than 5)"


def test_the_redirect_limit_can_be_lowered() -> None:
    message = fetch_error("https://news.example/hop/0", redirect_forever, max_redirects=2)
    assert message == "https://news.example/hop/0: too many redirects (more than 2)"


def test_an_http_error_status_is_refused() -> None:
    message = fetch_error("https://news.example/missing", lambda request: httpx.Response(404))
    assert message == "https://news.example/missing: HTTP 404 Not Found"


def test_a_page_that_is_not_html_or_text_is_refused() -> None:
    def png(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "image/png"}, content=b"\x89PNG")

    message = fetch_error("https://news.example/photo", png)
    assert message == "https://news.example/photo: not a web page (content type image/png)"


def test_plain_text_and_untyped_pages_are_accepted() -> None:
    def typed(kind: str | None) -> Handler:
        headers = {"Content-Type": kind} if kind else {}
        return lambda request: httpx.Response(200, headers=headers, content=b"Hello.")

    assert fetch("https://a.example/", transport=mock(typed("text/plain"))).content_type == (
        "text/plain"
    )
    assert fetch("https://a.example/", transport=mock(typed(None))).content_type == ""


def test_a_declared_length_over_the_cap_is_refused_before_the_body_is_read() -> None:
    reads: list[int] = []

    def body() -> Iterator[bytes]:
        reads.append(1)
        yield b"x" * 100

    def big(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"Content-Type": "text/html", "Content-Length": "6000000"}, content=body()
        )

    message = fetch_error("https://news.example/big", big)
    assert message == "https://news.example/big: larger than the 5 MB limit"
    assert reads == []


def test_a_body_over_the_cap_is_abandoned_while_streaming_without_a_content_length() -> None:
    chunks_sent: list[int] = []

    def endless() -> Iterator[bytes]:
        while True:  # a server that never stops sending
            chunks_sent.append(1)
            yield b"x" * 65_536

    def streaming(request: httpx.Request) -> httpx.Response:
        response = httpx.Response(200, headers={"Content-Type": "text/html"}, content=endless())
        assert "content-length" not in response.headers
        return response

    message = fetch_error("https://news.example/endless", streaming, max_bytes=1_000_000)
    assert message == "https://news.example/endless: larger than the 1 MB limit"
    assert len(chunks_sent) == 16  # 16 x 64 KiB is the first total over 1,000,000 bytes


def test_a_body_over_the_cap_with_an_honest_length_is_refused() -> None:
    def big(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=b"x" * 2_001)

    message = fetch_error("https://news.example/big", big, max_bytes=2_000)
    assert message == "https://news.example/big: larger than the 2,000 bytes limit"


def test_a_refused_connection_is_one_line() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    message = fetch_error("https://x.example/", refuse)
    assert message == "cannot fetch https://x.example/: connection refused"


def test_an_unknown_host_is_one_line() -> None:
    def no_host(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    message = fetch_error("https://nowhere.example/", no_host)
    assert message == "cannot fetch https://nowhere.example/: host not found"


def test_a_timeout_is_one_line() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    message = fetch_error("https://slow.example/", slow)
    assert message == "cannot fetch https://slow.example/: timed out after 10 s"


@pytest.mark.parametrize("url", ["ftp://files.example/story.html", "file:///etc/passwd"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    message = fetch_error(url, html)
    assert message == f"{url}: only http and https URLs can be fetched"


def test_a_redirect_to_another_scheme_is_refused() -> None:
    def to_file(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"Location": "file:///etc/passwd"})

    message = fetch_error("https://news.example/", to_file)
    assert message == (
        "https://news.example/: only http and https URLs can be fetched "
        "(redirected to file:///etc/passwd)"
    )


@pytest.mark.parametrize(
    ("n_bytes", "said"),
    [(5_000_000, "5 MB"), (1_000_000, "1 MB"), (1_500_000, "1,500,000 bytes"), (999, "999 bytes")],
)
def test_describe_size(n_bytes: int, said: str) -> None:
    assert describe_size(n_bytes) == said


# --- PublicOnlyTransport: no connection to a private, loopback or reserved address -----------


class FakeDNS:
    """A resolver that gives its answers in turn (the last one again when they run out)."""

    def __init__(self, *answers: list[str]) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        return self.answers[min(len(self.asked), len(self.answers)) - 1]


RESPONSE = [
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n",
    b"Content-Length: %d\r\n\r\n" % len(PAGE),
    PAGE,
]


class FakeNetwork(httpcore.MockBackend):
    """Answers every connection with PAGE, and records where it was asked to connect and the
    host name TLS was negotiated for."""

    def __init__(self) -> None:
        super().__init__(RESPONSE)
        self.hosts: list[str] = []
        self.tls_names: list[str | None] = []

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        self.hosts.append(host)
        return RecordingStream(self, list(RESPONSE))


class RecordingStream(httpcore.MockStream):
    def __init__(self, network: FakeNetwork, buffer: list[bytes]) -> None:
        super().__init__(buffer)
        self.network = network

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        self.network.tls_names.append(server_hostname)
        return self


def public_only(dns: FakeDNS, network: FakeNetwork) -> PublicOnlyTransport:
    return PublicOnlyTransport(resolve=dns, network_backend=network)


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("http://127.0.0.1/", "127.0.0.1 is a loopback address"),
        ("http://[::1]:8080/", "::1 is a loopback address"),
        ("https://10.0.0.5/admin", "10.0.0.5 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://0.0.0.0/", "0.0.0.0 is an unspecified address"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1 is a loopback address"),
    ],
)
def test_an_address_that_is_not_public_is_refused_without_connecting(url: str, said: str) -> None:
    dns, network = FakeDNS(), FakeNetwork()
    assert failure(url, public_only(dns, network)) == f"{url}: refused: {said}"
    assert dns.asked == []
    assert network.hosts == []


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.8.9.10", "a loopback"),
        ("172.16.0.1", "a private"),
        ("192.168.1.1", "a private"),
        ("fd00::1", "a private"),
        ("fe80::1", "a link-local"),
        ("100.64.0.1", "a carrier-grade NAT"),
        ("224.0.0.1", "a multicast"),
        ("ff02::1", "a multicast"),
        ("192.0.2.1", "a documentation"),
        ("2001:db8::1", "a documentation"),
        ("198.18.0.1", "a benchmarking"),
        ("240.0.0.1", "a reserved"),
        ("255.255.255.255", "a reserved"),
        ("::", "an unspecified"),
        ("::ffff:10.1.2.3", "a private"),  # IPv4-mapped
        ("2002:7f00:1::", "a loopback"),  # 6to4 of 127.0.0.1
        ("64:ff9b::a00:1", "a private"),  # NAT64 of 10.0.0.1
    ],
)
def test_a_host_name_for_an_address_that_is_not_public_is_refused(address: str, kind: str) -> None:
    network = FakeNetwork()
    message = failure("https://news.example/", public_only(FakeDNS([address]), network))
    assert message == (f"https://news.example/: refused: news.example resolves to {kind} address")
    assert network.hosts == []


def test_one_address_that_is_not_public_refuses_the_host() -> None:
    network = FakeNetwork()
    transport = public_only(FakeDNS(["93.184.216.34", "127.0.0.1"]), network)
    message = failure("https://news.example/story", transport)
    assert message == (
        "https://news.example/story: refused: news.example resolves to a loopback address"
    )
    assert network.hosts == []


def test_the_address_checked_is_the_address_connected_to() -> None:
    # A name that answers a public address, then (DNS rebinding) a loopback one: it is looked
    # up once per connection, and the connection goes to the address that was checked.
    dns, network = FakeDNS(["93.184.216.34"], ["127.0.0.1"]), FakeNetwork()
    transport = public_only(dns, network)
    page = fetch("https://news.example/story", transport=transport)
    assert page.content == PAGE
    assert dns.asked == ["news.example"]
    assert network.hosts == ["93.184.216.34"]
    assert network.tls_names == ["news.example"]  # TLS is for the name, not the address
    message = failure("https://news.example/story", transport)  # a new connection
    assert message == (
        "https://news.example/story: refused: news.example resolves to a loopback address"
    )
    assert dns.asked == ["news.example", "news.example"]
    assert network.hosts == ["93.184.216.34"]


def test_public_addresses_of_either_family_are_connected_to() -> None:
    network = FakeNetwork()
    dns = FakeDNS(["2606:2800:220:1:248:1893:25c8:1946", "93.184.216.34"])
    assert fetch("http://news.example/", transport=public_only(dns, network)).content == PAGE
    assert network.hosts == ["2606:2800:220:1:248:1893:25c8:1946"]


def test_an_unknown_host_is_still_one_line() -> None:
    def no_such_host(host: str, port: int) -> list[str]:
        raise OSError(-2, "Name or service not known")

    transport = PublicOnlyTransport(resolve=no_such_host, network_backend=FakeNetwork())
    message = failure("https://nowhere.example/", transport)
    assert message == "cannot fetch https://nowhere.example/: host not found"


@pytest.mark.parametrize("host", ["a" * 64 + ".example", "news..example"])
def test_a_host_name_no_resolver_can_encode_is_one_line(host: str) -> None:
    # socket.getaddrinfo raises UnicodeError ("label empty or too long"), not OSError.
    transport = PublicOnlyTransport(network_backend=FakeNetwork())
    url = f"http://{host}/story"
    assert failure(url, transport) == f"cannot fetch {url}: {host} is not a valid host name"


def test_a_host_name_no_resolver_can_encode_is_one_line_from_the_command_line_too() -> None:
    with pytest.raises(FetchError) as caught:
        fetch("http://news..example/story")  # the default transport, as the CLI fetches
    assert str(caught.value) == "cannot fetch http://news..example/story: not a valid host name"


class DrippingStream(httpcore.MockStream):
    """A server sending its headers a byte at a time, each a little after the last."""

    def __init__(self) -> None:
        super().__init__([b"HTTP/1.1 200 OK\r\n"] + [b"X"] * 10_000)
        self.reads = 0

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self.reads += 1
        time.sleep(0.01)
        return super().read(max_bytes, timeout)


def test_a_server_dripping_its_headers_is_cut_off_at_the_timeout() -> None:
    # Each read is quick, so no read times out: the fetch's own deadline must end it.
    stream = DrippingStream()

    class Dripping(FakeNetwork):
        def connect_tcp(self, host: str, port: int, **options: object) -> httpcore.NetworkStream:
            return stream

    transport = public_only(FakeDNS(["93.184.216.34"]), Dripping())
    message = failure("http://slow.example/", transport, timeout=0.2)
    assert message == "cannot fetch http://slow.example/: timed out after 0.2 s"
    assert stream.reads < 1_000  # 10,000 bytes at 10 ms each would take 100 s


def test_a_proxy_in_the_environment_does_not_go_round_the_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # httpx ignores proxy variables when given a transport; fetch also sets trust_env=False.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://93.184.216.99:3128")
    network = FakeNetwork()
    transport = public_only(FakeDNS(["10.0.0.1"]), network)
    message = failure("http://intranet.example/", transport)
    assert message == (
        "http://intranet.example/: refused: intranet.example resolves to a private address"
    )
    assert network.hosts == []


@dataclass
class Site:
    """A web server on 127.0.0.1: /redirect sends to http://10.0.0.1/x, anything else is PAGE."""

    port: int
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, Host header)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def site() -> Iterator[Site]:
    requests: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append((self.path, self.headers.get("Host", "")))
            if self.path == "/redirect":
                self.send_response(302)
                self.send_header("Location", "http://10.0.0.1/x")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield Site(port=server.server_address[1], requests=requests)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class RecordingBackend(httpcore.SyncBackend):
    """Real sockets, recording where it was asked to connect."""

    def __init__(self) -> None:
        self.hosts: list[str] = []

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        self.hosts.append(host)
        return super().connect_tcp(host, port, timeout, local_address, socket_options)


LOOPBACK = [ip_network("127.0.0.1/32")]


def test_a_server_on_loopback_is_refused(site: Site) -> None:
    message = failure(site.url("/story"), PublicOnlyTransport())
    assert message == f"{site.url('/story')}: refused: 127.0.0.1 is a loopback address"
    assert site.requests == []


def test_an_allowed_network_is_fetched_over_a_real_connection(site: Site) -> None:
    sockets = RecordingBackend()
    transport = PublicOnlyTransport(
        allowed_networks=LOOPBACK, resolve=FakeDNS(["127.0.0.1"]), network_backend=sockets
    )
    page = fetch(f"http://archive.internal:{site.port}/story", transport=transport)
    assert page == FetchedPage(
        url=f"http://archive.internal:{site.port}/story",
        status=200,
        content_type="text/html",
        content=PAGE,
        encoding="utf-8",
    )
    assert sockets.hosts == ["127.0.0.1"]  # connected to the address...
    assert site.requests == [("/story", f"archive.internal:{site.port}")]  # ...asked for the name


def test_a_redirect_to_a_private_address_is_refused(site: Site) -> None:
    sockets = RecordingBackend()
    transport = PublicOnlyTransport(allowed_networks=LOOPBACK, network_backend=sockets)
    message = failure(site.url("/redirect"), transport)
    assert message == (
        f"{site.url('/redirect')}: refused: 10.0.0.1 is a private address "
        "(redirected to http://10.0.0.1/x)"
    )
    assert sockets.hosts == ["127.0.0.1"]
    assert site.requests == [("/redirect", f"127.0.0.1:{site.port}")]
