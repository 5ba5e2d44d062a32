"""A real HTTP server for the fetch tests, on the loopback address, in a thread.

A test puts what each path answers in `server.pages`: a `Page` (status, headers, bytes) or
a callable that writes the answer itself (a slow page, an endless one)."""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    content: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    server: "WebServer"

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers)))
        page = self.server.pages.get(self.path)
        if page is None:
            page = Page(b"<h1>Not found</h1>", status=404)
        if callable(page):
            page(self)
            return
        self.send_response(page.status)
        if page.content_type:
            self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.content)))
        for name, value in page.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(page.content)

    def log_message(self, format, *args) -> None:  # quiet
        pass


class WebServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.pages: dict[str, Page | Callable] = {}
        self.requests: list[tuple[str, dict]] = []
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def url(self, path: str, host: str = "localhost") -> str:
        return f"http://{host}:{self.server_address[1]}{path}"

    def __enter__(self) -> "WebServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()
