"""One loopback HTTP server for the tests that fetch: the portal (tests/portal.py) and the
hostile-input servers (tests/hostile/hostile_helpers.py) both serve through it.

Why one: starting a server on a free port, on a daemon thread that polls often enough to stop
quickly, and shutting it down (and its thread) even when the test fails is the same few lines
each time; they were written twice.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `handler` on `host` at a free port until the block ends; yields the base URL.

    Handler threads are daemons, so a handler still dripping bytes to a client that gave up
    never keeps the test process alive.
    """
    server = ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
