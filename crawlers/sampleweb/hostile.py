"""Hostile endpoints: the things a polite, robust crawler must survive.

Each case is a function ``(req, web) -> Result``; ``HOSTILE_ROUTES`` maps the
URL path to the case, and cities link to them (see data/sampleweb/README.md).
Big bodies are generated on the fly, never stored in the repository.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from typing import Any

from crawlers.sampleweb.handler import SampleHandler
from crawlers.sampleweb.site import HTML, Request, Response, Result, redirect

BIG_BODY_BYTES = 50 * 1024 * 1024
BOMB_PLAIN_BYTES = 1024 * 1024 * 1024

_bomb_lock = threading.Lock()
_bomb: bytes | None = None


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>'
            f"</head><body><h1>{title}</h1>{body}"
            "<footer>Beispielseite – Simulation für Testzwecke</footer></body></html>")


def calendar_trap(req: Request) -> Result:
    """Each month links to the next and previous one, forever."""
    month = req.arg("monat", "2026-11")
    try:
        year, mon = (int(x) for x in month.split("-"))
    except ValueError:
        year, mon = 2026, 11
    nxt = f"{year + mon // 12}-{mon % 12 + 1:02d}"
    prv = f"{year - (mon == 1)}-{(mon - 2) % 12 + 1:02d}"
    days = "".join(f"<td>{d}</td>" for d in range(1, 29))
    body = (f"<p>Veranstaltungskalender für {mon:02d}/{year}</p><table><tr>{days}</tr></table>"
            f'<a href="/veranstaltungen/kalender?monat={prv}">« Vormonat</a> '
            f'<a href="/veranstaltungen/kalender?monat={nxt}">Nächster Monat »</a>')
    return Response(_page("Veranstaltungskalender", body).encode())


def pagination_trap(req: Request) -> Result:
    """Archive pages that never run out: ?seite=N links to N+1."""
    try:
        page = max(1, int(req.arg("seite", "1")))
    except ValueError:
        page = 1
    items = "".join(f"<li>Meldung {page * 10 + i}: Archivierte Pressemitteilung</li>"
                    for i in range(10))
    body = (f"<p>Seite {page}</p><ul>{items}</ul>"
            f'<a href="/presse/archiv?seite={page + 1}">Weiter</a>')
    return Response(_page("Pressearchiv", body).encode())


def error_500(req: Request) -> Result:
    return Response(_page("Interner Serverfehler", "<p>Bitte später erneut versuchen.</p>")
                    .encode(), status=500, cacheable=False)


def error_503(req: Request) -> Result:
    return Response(_page("Wartungsarbeiten", "<p>Der Dienst ist vorübergehend nicht "
                          "erreichbar.</p>").encode(), status=503,
                    headers={"Retry-After": "120"}, cacheable=False)


def redirect_a(req: Request) -> Result:
    return redirect("/umleitung/b")


def redirect_b(req: Request) -> Result:
    return redirect("/umleitung/a")


def latin1_no_charset(req: Request) -> Result:
    """An old page in ISO-8859-1 that declares no charset anywhere."""
    text = ("<html><head><title>Stadtgeschichte</title></head><body>"
            "<h1>Geschichte der Stadt</h1><p>Über die Jahrhunderte wuchs die Stadt rund um "
            "die Burg; Größe und Bedeutung nahmen zu. Öffnungszeiten des Stadtarchivs: "
            "Montag bis Freitag. Straßenverzeichnis und Bürgerbücher im Lesesaal.</p>"
            # Latin-1 has no en dash, so this footer uses a plain hyphen.
            "<footer>Beispielseite - Simulation für Testzwecke</footer></body></html>")
    return Response(text.encode("iso-8859-1"), "text/html")


def utf8_declared_cp1252(req: Request) -> Result:
    """Header says utf-8, bytes are windows-1252 (a classic CMS export bug)."""
    text = ("<html><head><title>Gebühren</title></head><body><h1>Gebührenübersicht</h1>"
            "<p>„Meldebescheinigung“ kostet 10 € – zahlbar vor Ort.</p>"
            "<footer>Beispielseite – Simulation für Testzwecke</footer></body></html>")
    return Response(text.encode("windows-1252"), HTML)


def connection_reset(handler: SampleHandler) -> None:
    """Read the request, then abort: SO_LINGER 0 turns close() into a RST."""
    conn = handler.connection
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.close_connection = True
    conn.close()


def slow(handler: SampleHandler) -> None:
    time.sleep(handler.server.web.slow_seconds)
    body = _page("Langsame Seite", "<p>Diese Antwort kam mit Verzögerung.</p>").encode()
    handler.start(200, {"Content-Type": HTML, "Content-Length": str(len(body))})
    if handler.command != "HEAD":
        handler.write(body)


def big_body(handler: SampleHandler) -> None:
    """50 MB declared up front and streamed; nothing is held in memory."""
    handler.start(200, {"Content-Type": HTML, "Content-Length": str(BIG_BODY_BYTES)})
    if handler.command == "HEAD":
        return
    chunk = (b"<p>Sehr lange Liste aller Satzungen und Verordnungen der Stadt. " * 1024)[:65536]
    left = BIG_BODY_BYTES
    while left > 0:
        part = chunk[: min(len(chunk), left)]
        handler.write(part)
        left -= len(part)


def gzip_bomb_bytes() -> bytes:
    """~4.5 MB of gzip that inflates to 1 GiB of zeros; built once per process.

    One 4 MiB block of zeros is deflated once and ended with a full flush, which resets the
    compressor, so every further block deflates to the same bytes and is repeated as is: 0.6 s
    instead of 3.9 s deflating all of it (same period, loaded machine), short enough that the
    first request for the bomb answers within a client's timeout while other tests run."""
    global _bomb
    with _bomb_lock:
        if _bomb is None:
            zeros = bytes(4 * 1024 * 1024)
            comp = zlib.compressobj(1, zlib.DEFLATED, -15)  # raw deflate: gzip framing below
            block = comp.compress(zeros) + comp.flush(zlib.Z_FULL_FLUSH)
            crc = 0
            for _ in range(BOMB_PLAIN_BYTES // len(zeros)):
                crc = zlib.crc32(zeros, crc)
            header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # gzip, deflate, no name/mtime
            trailer = comp.flush() + struct.pack("<II", crc, BOMB_PLAIN_BYTES & 0xFFFFFFFF)
            _bomb = header + block * (BOMB_PLAIN_BYTES // len(zeros)) + trailer
        return _bomb


def gzip_bomb(handler: SampleHandler) -> None:
    data = gzip_bomb_bytes()
    handler.start(200, {"Content-Type": HTML, "Content-Encoding": "gzip",
                        "Content-Length": str(len(data))})
    if handler.command != "HEAD":
        handler.write(data)


# name -> (URL as linked, responder). Responders in SPECIALS take the handler and
# write to the socket; the others take the request and return a Response.
HOSTILE_ROUTES: dict[str, tuple[str, Callable[..., Result] | Callable[..., None]]] = {
    "calendar_trap": ("/veranstaltungen/kalender?monat=2026-11", calendar_trap),
    "pagination_trap": ("/presse/archiv?seite=1", pagination_trap),
    "error_500": ("/service/fehler", error_500),
    "error_503": ("/service/wartung", error_503),
    "connection_reset": ("/service/abbruch", connection_reset),
    "slow": ("/service/langsam", slow),
    "redirect_loop": ("/umleitung/a", redirect_a),
    "big_body": ("/downloads/satzungen-komplett.html", big_body),
    "gzip_bomb": ("/downloads/archiv-komprimiert.html", gzip_bomb),
    "latin1_no_charset": ("/geschichte/alt.html", latin1_no_charset),
    "utf8_declared_cp1252": ("/gebuehren/uebersicht.html", utf8_declared_cp1252),
}

# Responders that write to the socket themselves.
SPECIALS = {connection_reset, slow, big_body, gzip_bomb}


def routes_for(cases: Iterable[str]) -> dict[str, Callable[[Request], Result]]:
    """URL path (no query) -> resolver, for the cases one city serves.

    Specials resolve to themselves (the handler then calls them with itself);
    ``redirect_loop`` brings its second hop along.
    """
    cases = list(cases)
    out: dict[str, Callable[[Request], Result]] = {}
    for name in cases:
        link, func = HOSTILE_ROUTES[name]
        out[link.split("?")[0]] = _as_resolver(func)
    if "redirect_loop" in cases:
        out["/umleitung/b"] = redirect_b
    return out


def _as_resolver(func: Callable[..., Any]) -> Callable[[Request], Result]:
    if func in SPECIALS:
        return lambda req: func
    return func
