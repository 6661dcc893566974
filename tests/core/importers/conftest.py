"""Fixtures for the importer tests: the fixture files, the hostile builders, a recording web server.

`web` is an HTTP server on 127.0.0.1 (a thread) that records every request it gets and
serves what a test puts in `web.routes`; it answers 404 for anything else, so a request
for a remote resource is both recorded and harmless.
"""
from __future__ import annotations

import importlib.util
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import REPO, SAMPLE, SAMPLE_GOLD

FIXTURES = REPO / "tests" / "data" / "fixtures"
HOSTILE = REPO / "tests" / "data" / "hostile"


def _load_hostile_builders():
    spec = importlib.util.spec_from_file_location("make_hostile_fixtures", REPO / "scripts" / "make_hostile_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile = _load_hostile_builders()


def claims() -> list[str]:
    """The gold annotation's claim texts: each must be in every import of the sample, verbatim."""
    return [c["text"] for c in json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))["claims"]]


def body(text: str) -> str:
    """What must match across formats: the text without its headline and without the
    trailing 'Read also:' / 'Source:' lines, whitespace collapsed.

    The headline is compared as metadata (the title) instead; the trailing lines are the
    news site's furniture, which a web page keeps in a related-articles box.
    """
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    while paragraphs and paragraphs[-1].startswith(("Read also:", "Source:")):
        paragraphs.pop()
    return " ".join(paragraphs[1:])


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    delay: float = 0.0          # seconds before the body is sent
    chunked: bool = False       # no Content-Length; sent in chunks
    chunk_size: int = 65536
    chunk_delay: float = 0.0    # seconds between chunks (a server that drips)


class RecordingServer:
    def __init__(self):
        self.requests: list[str] = []
        self.routes: dict[str, Route] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                server.requests.append(self.path)
                route = server.routes.get(self.path)
                if route is None:
                    route = Route(b"not here", 404, {"Content-Type": "text/plain"})
                self.send_response(route.status)
                headers = {"Content-Type": "text/html; charset=utf-8", **route.headers}
                for k, v in headers.items():
                    self.send_header(k, v)
                if route.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                elif "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(route.body)))
                self.send_header("Connection", "close")
                self.end_headers()
                if route.delay:
                    time.sleep(route.delay)
                try:
                    if route.chunked:
                        for i in range(0, len(route.body), route.chunk_size):
                            piece = route.body[i:i + route.chunk_size]
                            self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                            self.wfile.flush()
                            time.sleep(route.chunk_delay)
                        self.wfile.write(b"0\r\n\r\n")
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: that is what a size cap does

            do_POST = do_HEAD = do_GET

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def web():
    with RecordingServer() as server:
        yield server


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")
