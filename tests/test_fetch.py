"""fetch: download one page within limits; every failure is a one-line FetchError.

No test touches the network: each gives `fetch` an httpx.MockTransport.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from unspin.errors import FetchError
from unspin.fetch import USER_AGENT, FetchedPage, describe_size, fetch

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
    with pytest.raises(FetchError) as caught:
        fetch(url, transport=mock(handler), **limits)
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


def test_the_guard_sees_every_hop_and_can_refuse_one() -> None:
    seen: list[str] = []

    def no_internal(url: httpx.URL) -> None:
        seen.append(str(url))
        if url.host == "internal.example":
            raise FetchError(f"{url}: refused (private address)")

    def to_internal(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "https://internal.example/admin"})

    with pytest.raises(FetchError, match=r"^https://internal.example/admin: refused"):
        fetch("https://news.example/", transport=mock(to_internal), guard=no_internal)
    assert seen == ["https://news.example/", "https://internal.example/admin"]


@pytest.mark.parametrize(
    ("n_bytes", "said"),
    [(5_000_000, "5 MB"), (1_000_000, "1 MB"), (1_500_000, "1,500,000 bytes"), (999, "999 bytes")],
)
def test_describe_size(n_bytes: int, said: str) -> None:
    assert describe_size(n_bytes) == said
