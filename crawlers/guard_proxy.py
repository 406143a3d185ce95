"""A local filtering proxy that puts the address guard under everything Chromium does.

Playwright's request interception misses redirect hops of subresources and of
the navigation, WebSockets and Service Worker fetches. A proxy does not: with
``--proxy-server`` and ``--proxy-bypass-list=<-loopback>`` every connection the
browser opens — any scheme, any hop — is a CONNECT or an absolute-URI request
to this proxy, which checks the target with :class:`crawlers.guard.Guard` and
connects to the *pinned* address (the browser never resolves names itself, so
DNS rebinding cannot reach it either). Refused targets get a 403.

Plain HTTP requests are forwarded one per connection (``Connection: close``):
a keep-alive browser connection could otherwise carry a second request for
another host past the check. The proxy runs on 127.0.0.1 in a daemon thread
with its own event loop, one per process (:func:`shared_proxy`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from urllib.parse import urlsplit

from crawlers.guard import BlockedAddress, Guard

log = logging.getLogger(__name__)

MAX_HEAD = 64 * 1024
IDLE_SECONDS = 120.0
HOP_HEADERS = {b"proxy-connection", b"connection", b"keep-alive", b"proxy-authorization"}


class GuardProxy:
    """The proxy server; ``start()`` returns its URL (``http://127.0.0.1:PORT``)."""

    def __init__(self, guard: Guard) -> None:
        self.guard = guard
        self.blocked: list[str] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._ready = threading.Event()
        self.url = ""

    def start(self) -> str:
        thread = threading.Thread(target=self._run, name="guard-proxy", daemon=True)
        thread.start()
        self._ready.wait(10)
        if not self.url:
            raise RuntimeError("the guard proxy did not start")
        return self.url

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0, limit=MAX_HEAD))
        self.url = f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"
        self._ready.set()
        self._loop.run_forever()

    def stop(self) -> None:
        if self._loop is not None and self._server is not None:
            self._loop.call_soon_threadsafe(self._server.close)
            self._loop.call_soon_threadsafe(self._loop.stop)

    def chromium_args(self) -> list[str]:
        # Chromium sends loopback targets around a proxy by default: <-loopback> takes them back in.
        return [f"--proxy-server={self.url}", "--proxy-bypass-list=<-loopback>"]

    # -- one client connection ---------------------------------------------------------------
    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), IDLE_SECONDS)
            line, _, header_block = head.partition(b"\r\n")
            method, target, version = line.decode("latin-1").split(" ", 2)
            if method == "CONNECT":
                await self._tunnel(target, reader, writer)
            else:
                await self._forward(method, target, version, header_block, reader, writer)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError,
                ConnectionError, OSError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    def _check(self, url: str, writer: asyncio.StreamWriter) -> tuple[str, int] | None:
        try:
            target = self.guard.check(url)
        except BlockedAddress as exc:
            self.blocked.append(url)
            log.warning("guard proxy: %s", exc)
            writer.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return None
        return target.address, target.port

    async def _tunnel(self, target: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host, _, port = target.rpartition(":")
        pinned = self._check(f"https://{host}:{port}/", writer)
        if pinned is None:
            return
        up_reader, up_writer = await asyncio.open_connection(*pinned)
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await _pipe_both(reader, writer, up_reader, up_writer)

    async def _forward(self, method: str, target: str, version: str, header_block: bytes,
                       reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        parts = urlsplit(target)
        if parts.scheme != "http":
            raise ValueError("only absolute http URLs are proxied without CONNECT")
        pinned = self._check(target, writer)
        if pinned is None:
            return
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        lines = [f"{method} {path} {version}".encode("latin-1")]
        for raw in header_block.split(b"\r\n"):
            if raw and raw.split(b":", 1)[0].strip().lower() not in HOP_HEADERS:
                lines.append(raw)
        lines.append(b"Connection: close")
        up_reader, up_writer = await asyncio.open_connection(*pinned)
        up_writer.write(b"\r\n".join(lines) + b"\r\n\r\n")
        await _pipe_both(reader, writer, up_reader, up_writer)


async def _pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError, OSError, asyncio.IncompleteReadError):
        while chunk := await asyncio.wait_for(src.read(65536), IDLE_SECONDS):
            dst.write(chunk)
            await dst.drain()
    with contextlib.suppress(Exception):
        dst.write_eof()


async def _pipe_both(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                     up_reader: asyncio.StreamReader, up_writer: asyncio.StreamWriter) -> None:
    upward = asyncio.ensure_future(_pipe(reader, up_writer))
    try:
        await _pipe(up_reader, writer)  # the server's side ending ends the exchange
    finally:
        upward.cancel()
        with contextlib.suppress(Exception):
            up_writer.close()


_shared: dict[tuple[bool, tuple[object, ...]], GuardProxy] = {}
_shared_lock = threading.Lock()


def shared_proxy(guard: Guard) -> GuardProxy:
    """The process's proxy for these guard rules, started on first use."""
    key = (guard.allow_loopback, tuple(guard.blocked))
    with _shared_lock:
        proxy = _shared.get(key)
        if proxy is None:
            proxy = _shared[key] = GuardProxy(guard)
            proxy.start()
        return proxy
