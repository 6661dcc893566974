"""URL import against a local server: redirects, size cap, content type, timeouts, errors."""
from __future__ import annotations

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import ImportLimits, import_url

from .conftest import FIXTURES, SAMPLE, Route

PAGE = (FIXTURES / "article-news.html").read_bytes()


def _chain(web, hops: int) -> str:
    for i in range(hops):
        web.routes[f"/r{i}"] = Route(b"", 302, {"Location": f"/r{i + 1}"})
    web.routes[f"/r{hops}"] = Route(PAGE)
    return web.url + "/r0"


def test_five_redirects_are_followed_and_the_final_address_recorded(web):
    article = import_url(_chain(web, 5))
    assert article.source_url == web.url + "/r5"
    assert len(web.requests) == 6


def test_a_sixth_redirect_is_refused(web):
    with pytest.raises(ImportFailed, match="redirects more than 5 times"):
        import_url(_chain(web, 6))


def test_a_redirect_to_another_scheme_is_refused(web):
    web.routes["/x"] = Route(b"", 302, {"Location": "file:///etc/passwd"})
    with pytest.raises(ImportFailed, match="not http or https"):
        import_url(web.url + "/x")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a.txt", "file:///etc/passwd", "javascript:alert(1)", "http://"])
def test_only_http_and_https_addresses_are_fetched(url):
    with pytest.raises(ImportFailed):
        import_url(url)


def test_a_declared_size_over_the_cap_is_refused_before_reading(web):
    web.routes["/big"] = Route(b"x" * 5000, headers={"Content-Type": "text/plain", "Content-Length": "50000000"})
    with pytest.raises(ImportFailed, match="47.7 MB, over the import limit of 20.0 MB"):
        import_url(web.url + "/big")


def test_a_streamed_body_over_the_cap_is_stopped(web):
    web.routes["/stream"] = Route(b"word " * 400_000, headers={"Content-Type": "text/plain"}, chunked=True)
    with pytest.raises(ImportFailed, match="download was stopped"):
        import_url(web.url + "/stream", max_bytes=1_000_000)


def test_a_body_within_the_cap_streams_in_full(web):
    web.routes["/ok"] = Route(SAMPLE.read_bytes(), headers={"Content-Type": "text/plain; charset=utf-8"}, chunked=True)
    article = import_url(web.url + "/ok")
    assert article.original == SAMPLE.read_bytes()
    assert article.media_type == "text/plain"


@pytest.mark.parametrize("ctype", ["image/png", "video/mp4", "application/json", "application/zip"])
def test_a_content_type_that_cannot_be_an_article_is_refused(web, ctype):
    web.routes["/thing"] = Route(b"\x89PNG....", headers={"Content-Type": ctype})
    with pytest.raises(ImportFailed, match=f"is {ctype}, not an article"):
        import_url(web.url + "/thing")


def test_the_content_decides_even_when_the_server_says_octet_stream(web):
    web.routes["/download?id=7"] = Route((FIXTURES / "article.pdf").read_bytes(),
                                         headers={"Content-Type": "application/octet-stream"})
    assert import_url(web.url + "/download?id=7").media_type == "application/pdf"


def test_the_servers_charset_decodes_the_page(web):
    page = ("<html><head><title>Caf\u00e9 strike</title></head><body><article><h1>Caf\u00e9 strike</h1>"
            "<p>The caf\u00e9 owner said \u201cthree were injured\u201d in the attack on the market square today.</p>"
            "<p>A second paragraph of the article keeps the extractor sure that this is the main text.</p>"
            "</article></body></html>")
    web.routes["/cp"] = Route(page.encode("cp1252"), headers={"Content-Type": "text/html; charset=windows-1252"})
    assert "\u201cthree were injured\u201d" in import_url(web.url + "/cp").text


def test_an_http_error_is_one_sentence(web):
    with pytest.raises(ImportFailed, match=r"answered 404 Not Found for http://127\.0\.0\.1:\d+/missing\.$"):
        import_url(web.url + "/missing")


def test_a_silent_server_trips_the_read_timeout(web):
    web.routes["/slow"] = Route(PAGE, delay=2.0)
    with pytest.raises(ImportFailed, match="stopped sending"):
        import_url(web.url + "/slow", limits=ImportLimits(read_timeout=0.3))


def test_a_refused_connection_is_one_sentence():
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ImportFailed, match="Could not connect to 127.0.0.1"):
        import_url(f"http://127.0.0.1:{port}/a")


def test_a_dripping_server_trips_the_total_timeout(web):
    web.routes["/drip"] = Route(PAGE, chunked=True, chunk_size=100, chunk_delay=0.05)
    with pytest.raises(ImportFailed, match="took longer than 1 s"):
        import_url(web.url + "/drip", limits=ImportLimits(read_timeout=5, total_timeout=1))
