"""Fetch an article by http(s) URL: bounded in time, size and redirects; the bytes, not a page.

Only the document itself is downloaded; nothing it refers to (images, styles, frames)
is ever requested. The body is streamed and the download aborted as soon as it passes
the size cap (a Content-Length over the cap is refused before reading). Timeouts bound
connecting, each read, and the whole download (a server that drips one byte a second
never trips a read timeout). The final URL after redirects and the time of retrieval
are what the article records.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone

import httpx

from ..errors import ImportFailed
from .base import ImportLimits, size_text

USER_AGENT = "Claimdesk/0.1 (article import for fact-checking)"
ACCEPT = ("text/html,application/xhtml+xml,application/pdf,"
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain;q=0.9,*/*;q=0.5")

#: Media types that can hold an article; anything else is refused before the body is read.
ARTICLE_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown",
    "application/pdf", "application/x-pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/octet-stream", "binary/octet-stream", "",
})


@dataclass(frozen=True)
class Fetched:
    data: bytes
    final_url: str
    content_type: str
    retrieved_at: datetime

    @property
    def filename(self) -> str | None:
        """The last path segment of the final URL, a hint for the format."""
        name = httpx.URL(self.final_url).path.rstrip("/").rsplit("/", 1)[-1]
        return name or None


def check_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError):
        raise ImportFailed(f"{url!r} is not a valid web address.") from None
    if parsed.scheme not in ("http", "https"):
        raise ImportFailed(f"Only http and https addresses can be imported, not {url!r}.")
    if not parsed.host:
        raise ImportFailed(f"{url!r} has no host name.")
    return parsed


def fetch(url: str, limits: ImportLimits) -> Fetched:
    """GET `url` within the limits; the body bytes exactly as received (after content-encoding)."""
    target = check_url(url)
    host = target.host
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    deadline = time.monotonic() + limits.total_timeout
    try:
        with httpx.Client(follow_redirects=True, max_redirects=limits.max_redirects, timeout=timeout,
                          headers={"User-Agent": USER_AGENT, "Accept": ACCEPT}) as client:
            with client.stream("GET", target) as response:
                final = str(response.url)
                if response.status_code >= 400:
                    raise ImportFailed(f"{response.url.host} answered {response.status_code} "
                                       f"{response.reason_phrase or ''}".rstrip() + f" for {final}.")
                ctype = response.headers.get("content-type", "")
                media = ctype.split(";")[0].strip().lower()
                if media not in ARTICLE_TYPES and not media.startswith("text/"):
                    raise ImportFailed(f"{final} is {media}, not an article (a web page, PDF, Word or text file).")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limits.max_bytes:
                    raise ImportFailed(f"{final} is {size_text(int(declared))}, over the import limit of "
                                       f"{size_text(limits.max_bytes)}.")
                chunks, total = [], 0
                for chunk in response.iter_bytes():
                    total += len(chunk)
                    if total > limits.max_bytes:
                        raise ImportFailed(f"{final} is over the import limit of {size_text(limits.max_bytes)}; "
                                           "the download was stopped.")
                    if time.monotonic() > deadline:
                        raise ImportFailed(f"{final} took longer than {limits.total_timeout:g} s to download; "
                                           "the download was stopped.")
                    chunks.append(chunk)
                return Fetched(b"".join(chunks), final, ctype, datetime.now(timezone.utc))
    except ImportFailed:
        raise
    except httpx.TooManyRedirects:
        raise ImportFailed(f"{url} redirects more than {limits.max_redirects} times; it was not imported.") from None
    except httpx.ConnectTimeout:
        raise ImportFailed(f"{host} did not answer within {limits.connect_timeout:.0f} seconds.") from None
    except httpx.TimeoutException:
        raise ImportFailed(f"{host} stopped sending for over {limits.read_timeout:.0f} seconds; "
                           "the download was stopped.") from None
    except httpx.UnsupportedProtocol:
        raise ImportFailed(f"{url} redirects to an address that is not http or https; it was not imported.") from None
    except httpx.ConnectError:
        raise ImportFailed(f"Could not connect to {host} (check the address and your connection).") from None
    except httpx.DecodingError:
        raise ImportFailed(f"{host} sent a damaged (badly compressed) response.") from None
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError, ValueError) as exc:
        raise ImportFailed(f"Downloading {url} failed ({exc.__class__.__name__}).") from None
