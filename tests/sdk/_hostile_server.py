"""A tiny real HTTP/1.1 server on loopback that misbehaves on purpose.

Each path is one behaviour:

* ``/endless`` - a chunked JSON-ish body that keeps coming (64 KiB chunks) until the client
  hangs up, or 48 MiB were sent (so a client without a cap ends, wrongly, instead of hanging).
* ``/drip`` - ``Content-Length: 40``, then one byte every 0.3 s.
* ``/huge-declared`` - announces a 100 MB body, then sends nothing for 10 s.
* ``/silent`` - reads the request and never answers (for 10 s).
* ``/unavailable`` - 503 with a small JSON body.
* ``/set-cookie`` - 200 with a small JSON envelope and a ``Set-Cookie`` header.
* a path registered in ``bodies`` - 200 with that JSON body.
* anything else - 200 with a small JSON envelope.

The server counts the requests it received per path (``hits``) and keeps each request's
head as received (``heads``).
"""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

DRIP_INTERVAL = 0.3
ENDLESS_CAP = 48 * 1024 * 1024
_CHUNK = b"[" + b"1234567," * 8191 + b"0]"


@dataclass
class HostileServer:
    base_url: str
    hits: Counter[str] = field(default_factory=Counter)
    bodies: dict[str, bytes] = field(default_factory=dict)
    heads: list[bytes] = field(default_factory=list)


def _read_head(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        part = conn.recv(65536)
        if not part:
            return b""
        data += part
    return data


def _handle(conn: socket.socket, server: HostileServer, stop: threading.Event) -> None:
    head = _read_head(conn)
    if not head:
        return
    path = head.split(b" ", 2)[1].split(b"?", 1)[0].decode()
    server.hits[path] += 1
    server.heads.append(head)
    if path in server.bodies:
        body = server.bodies[path]
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        )
    elif path.endswith("/endless"):
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        sent = 0
        while sent < ENDLESS_CAP and not stop.is_set():
            conn.sendall(f"{len(_CHUNK):x}\r\n".encode() + _CHUNK + b"\r\n")
            sent += len(_CHUNK)
        conn.sendall(b"0\r\n\r\n")
    elif path.endswith("/drip"):
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n"
        )
        for _ in range(40):
            if stop.wait(DRIP_INTERVAL):
                return
            conn.sendall(b" ")
    elif path.endswith("/huge-declared"):
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100000000\r\n\r\n"
        )
        stop.wait(10)
    elif path.endswith("/silent"):
        stop.wait(10)
    else:
        status = b"503 Service Unavailable" if path.endswith("/unavailable") else b"200 OK"
        cookie = b"Set-Cookie: session=s3cr3t; Path=/\r\n" if path.endswith("/set-cookie") else b""
        body = b'{"code":200,"message":"OK","data":[]}'
        conn.sendall(
            b"HTTP/1.1 "
            + status
            + b"\r\nContent-Type: application/json\r\n"
            + cookie
            + b"Content-Length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
            + body
        )


@contextmanager
def hostile_server() -> Iterator[HostileServer]:
    """Serve on 127.0.0.1 (a free port) in a thread; each connection gets its own thread."""
    stop = threading.Event()
    holder: list[HostileServer] = []

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            try:
                while not stop.is_set():  # keep-alive: one request after another
                    before = sum(holder[0].hits.values())
                    _handle(self.request, holder[0], stop)
                    if sum(holder[0].hits.values()) == before:
                        return
            except OSError:  # the client hung up: that is the point
                return

    class Server(socketserver.ThreadingTCPServer):
        daemon_threads = True
        allow_reuse_address = True
        block_on_close = False

    with Server(("127.0.0.1", 0), Handler) as tcp:
        port = tcp.server_address[1]
        holder.append(HostileServer(base_url=f"http://127.0.0.1:{port}"))
        thread = threading.Thread(target=tcp.serve_forever, kwargs={"poll_interval": 0.05})
        thread.start()
        try:
            yield holder[0]
        finally:
            stop.set()
            tcp.shutdown()
            thread.join(5)
            time.sleep(0)  # let handler threads see the stop flag
