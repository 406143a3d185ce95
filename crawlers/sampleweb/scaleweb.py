"""A simulated web of many small municipal sites on loopback, for the distributed crawl.

Site ``i`` listens on its own address (127.1.x.y, one common port), answers after a fixed
server latency (the real web's waiting, not our CPU), and has ``pages`` pages: home, imprint
(with the municipality's name, Kreis, Land and AGS, what website discovery checks; every
third home page offers online appointments) and plain pages
linking home, to each other, to a page robots.txt forbids and to a host outside the scope.
The manifest is every URL a polite crawl must capture — no more, no less.

``python -m crawlers.sampleweb.scaleweb --sites 1000 --pages 5 --latency 0.5`` serves until
killed and prints ``ready PORT`` once every address listens.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
import threading
import time
import zlib
from collections import Counter
from dataclasses import dataclass

ROBOTS = b"User-agent: *\nDisallow: /intern/\n"
LANDS = {f"{n:02d}": name for n, name in enumerate(
    ["Schleswig-Holstein", "Hamburg", "Niedersachsen", "Bremen", "Nordrhein-Westfalen", "Hessen",
     "Rheinland-Pfalz", "Baden-Württemberg", "Bayern", "Saarland", "Berlin", "Brandenburg",
     "Mecklenburg-Vorpommern", "Sachsen", "Sachsen-Anhalt", "Thüringen"], start=1)}


@dataclass(frozen=True)
class ScaleSite:
    index: int
    ags: str
    name: str
    kreis: str
    address: str


def site(i: int) -> ScaleSite:
    """Deterministic site ``i``: 16 Länder in turn, in a Kreis 999 no Land has (so no AGS of a
    real city, which `sci init` may have in the store already)."""
    land = i % 16 + 1
    ags = f"{land:02d}999{i // 16:03d}"
    return ScaleSite(i, ags, f"Testhausen {i}", f"Kreis Probe {land}", f"127.1.{i // 250}.{i % 250 + 1}")


def sites(n: int) -> list[ScaleSite]:
    return [site(i) for i in range(n)]


def paths(pages: int) -> list[str]:
    return ["/", "/impressum"] + [f"/seite/{k}" for k in range(1, max(pages - 1, 1))]


def manifest(n: int, pages: int, port: int) -> dict[str, set[str]]:
    """AGS -> every URL of the site a polite crawl captures."""
    return {s.ags: {f"http://{s.address}:{port}{p}" for p in paths(pages)} for s in sites(n)}


def _page(s: ScaleSite, path: str, pages: int) -> bytes | None:
    all_paths = paths(pages)
    if path not in all_paths:
        return None
    links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in all_paths if p != path)
    links += ('<li><a href="/intern/verwaltung">Intern</a></li>'
              '<li><a href="http://127.0.0.1:9/elsewhere">Anderswo</a></li>')
    body = f"<p>Willkommen in {s.name}. " + "Bürgerservice, Rathaus, Termine. " * 60 + "</p>"
    if path == "/" and s.index % 3 == 0:
        # Every third town books appointments online: something for the detectors to find.
        body += '<p><a href="https://termine.example/buergeramt">Online-Terminvergabe Bürgeramt</a></p>'

    if path == "/impressum":
        body = (f"<h1>Impressum</h1><p>Gemeinde {s.name}, {s.kreis}, {LANDS[s.ags[:2]]}. "
                f"Amtlicher Gemeindeschlüssel {s.ags}. Rathausplatz 1.</p>")
    title = f"Gemeinde {s.name} – {'Startseite' if path == '/' else path.strip('/')}"
    return (f"<!doctype html><html lang=de><head><meta charset=utf-8><title>{title}</title></head>"
            f"<body><nav><ul>{links}</ul></nav><main>{body}</main></body></html>").encode()


class ScaleWeb:
    """The server; ``start()`` runs it on a background thread's event loop (tests)."""

    def __init__(self, n: int, pages: int = 5, latency: float = 0.5, port: int = 0) -> None:
        self.sites = sites(n)
        self.pages = pages
        self.latency = latency
        self.port = port
        self.loop = asyncio.new_event_loop()
        self._servers: list[asyncio.Server] = []
        self.requests = 0
        self.hits: Counter[str] = Counter()  # path -> requests (robots.txt fetches per crawl …)
        self.arrivals: dict[str, list[tuple[float, str]]] = {}  # address -> (time, path): politeness

    async def _handle(self, s: ScaleSite, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode("latin-1").split("?")[0]
                self.requests += 1
                self.hits[path] += 1
                self.arrivals.setdefault(s.address, []).append((time.monotonic(), path))
                await asyncio.sleep(self.latency)
                if path == "/robots.txt":
                    status, body, ctype = "200 OK", ROBOTS, "text/plain"
                else:
                    page = _page(s, path, self.pages)
                    status, body, ctype = ("200 OK", page, "text/html; charset=utf-8") if page else (
                        "404 Not Found", b"<html><title>404</title></html>", "text/html")
                etag = f'"{zlib.crc32(body):08x}"'
                if status.startswith("200") and f"if-none-match: {etag}".encode() in head.lower():
                    status, body = "304 Not Modified", b""  # the crawler's copy is current
                writer.write(f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
                             f"ETag: {etag}\r\nConnection: keep-alive\r\n\r\n".encode() + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def _bind(self) -> None:
        if not self.port:
            with socket.socket() as probe:
                probe.bind((self.sites[0].address, 0))
                self.port = probe.getsockname()[1]
        for s in self.sites:
            server = await asyncio.start_server(lambda r, w, s=s: self._handle(s, r, w), s.address, self.port,
                                                reuse_address=True, backlog=256)
            self._servers.append(server)

    def start(self) -> int:
        threading.Thread(target=self.loop.run_forever, daemon=True, name="scaleweb").start()
        asyncio.run_coroutine_threadsafe(self._bind(), self.loop).result(timeout=120)
        return self.port

    def stop(self) -> None:
        async def _close() -> None:
            for server in self._servers:
                server.close()

        asyncio.run_coroutine_threadsafe(_close(), self.loop).result(timeout=30)
        self.loop.call_soon_threadsafe(self.loop.stop)

    def manifest(self) -> dict[str, set[str]]:
        return manifest(len(self.sites), self.pages, self.port)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    web = ScaleWeb(args.sites, args.pages, args.latency, args.port)

    async def serve() -> None:
        await web._bind()
        print(f"ready {web.port}", flush=True)
        await asyncio.Event().wait()

    asyncio.run(serve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
