"""The nightly digest: two nights of scripts/nightly.sh on the sample web with one page changed in
between; the digest (files, mail caught by a local SMTP sink, webhook) names exactly that change."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from crawlers.sampleweb import SampleWeb
from sci import ROOT
from sci.db import Store
from sci.models import Candidate
from sci.settings import Settings

SCRIPT = ROOT / "scripts" / "nightly.sh"
SALZGITTER = "03102000"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Sink:
    """aiosmtpd handler keeping every message."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd API
        self.messages.append(envelope.content)
        return "250 OK"


@pytest.fixture
def hooks() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    received: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server API
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/hook", received
    server.shutdown()


@pytest.fixture
def smtp() -> Iterator[tuple[int, Sink]]:
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, sink
    controller.stop()


# Two full nights of the chain (six sources each): on a busy 2-core machine past the 300 s default.
@pytest.mark.timeout(900)
def test_digest_names_the_change_between_two_nights(sample_web: SampleWeb, tmp_path: Path,
                                                    smtp: tuple[int, Sink],
                                                    hooks: tuple[str, list[dict[str, Any]]]) -> None:
    port, sink = smtp
    hook_url, posted = hooks
    var = tmp_path / "var"
    web = sample_web  # the session's, reset
    m = web.manifest
    try:
        registry = m.write_registry(var / "cities.csv")
        rows = registry.read_text(encoding="utf-8").splitlines()
        registry.write_text("\n".join([rows[0], *[r for r in rows if r.startswith(SALZGITTER)]]) + "\n",
                            encoding="utf-8")
        appstore, network = m.partners["appstore"].rstrip("/"), m.partners["social"].rstrip("/")
        env = {**os.environ, "SCI_VAR_DIR": str(var), "SCI_DATABASE_URL": "",
               "SCI_ALLOW_PRIVATE_ADDRESSES": "true", "SCI_CRAWL_DELAY": "0", "SCI_RENDER": "never",
               "SCI_CRAWL_EXTRA_PARTNER_HOSTS": ",".join(m.partner_hosts),
               "SCI_APPLE_SEARCH_URL": f"{appstore}/search", "SCI_APPLE_LOOKUP_URL": f"{appstore}/lookup",
               "SCI_GOOGLE_PLAY_URL": appstore, "SCI_YOUTUBE_FEED_URL": f"{network}/feeds/videos.xml",
               "SCI_FACEBOOK_URL": f"{network}/facebook.com", "SCI_INSTAGRAM_URL": f"{network}/instagram.com",
               "SCI_X_URL": f"{network}/x.com", "SCI_API_RATE_PER_MINUTE": "0",
               "SCI_APPLE_RATE_PER_MINUTE": "0", "SCI_EXTERNAL_RENDER": "false",
               "SCI_SMTP_URL": f"smtp://127.0.0.1:{port}", "SCI_DIGEST_MAIL_TO": "team@example.invalid",
               "SCI_DIGEST_WEBHOOK": hook_url}

        def night() -> subprocess.CompletedProcess[str]:
            r = subprocess.run(["bash", str(SCRIPT), "--cities", str(registry)], env=env, cwd=ROOT,
                               capture_output=True, text=True, timeout=600)
            assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
            return r

        night()
        store = Store(Settings(var_dir=var))
        with store.session() as s:
            # Change a page that some facts rest on alone: exactly those facts must disappear.
            web_cands = [c for c in s.scalars(select(Candidate).where(Candidate.ags == SALZGITTER))
                         if not c.extractor.startswith("external:")]
            url = sorted(c.evidence[0].url for c in web_cands if len({e.url for e in c.evidence}) == 1)[0]
            expected = sorted(c.parameter for c in web_cands if {e.url for e in c.evidence} == {url})
        store.dispose()
        parts = urlsplit(url)
        web.set_page(parts.hostname or "", parts.path,
                     "<html><head><title>Seite überarbeitet</title></head><body><main><h1>Überarbeitet</h1>"
                     "<p>Diese Seite wird zurzeit neu gestaltet.</p></main></body></html>")
        second = night()
    finally:
        web.reset()  # the replaced page back for the next test

    digests = sorted((var / "digests").glob("*.json"))
    assert f"digest: 0 appeared, 0 changed, {len(expected)} disappeared" in second.stdout, second.stdout
    assert len(digests) == 2 and len(sorted((var / "digests").glob("*.md"))) == 2
    doc = json.loads(digests[-1].read_text(encoding="utf-8"))
    changes = [c for city in doc["cities"].values() for c in city["changes"]]
    assert [(c["change"], c["ags"], c["parameter"]) for c in changes] == [
        ("disappeared", SALZGITTER, p) for p in expected]
    assert all(c["before"]["url"] == url and c["after"] is None for c in changes)
    assert doc["failed_step"] is None and doc["queue"] >= 0
    first_night = json.loads(digests[0].read_text(encoding="utf-8"))
    assert first_night["counts"]["disappeared"] == 0
    # Mail: one per night, the second naming the change.
    assert len(sink.messages) == 2
    mail = message_from_bytes(sink.messages[-1], policy=default_policy)
    assert f"{len(expected)} verschwunden" in mail["Subject"] and mail["To"] == "team@example.invalid"
    body = mail.get_content()
    assert all(f"{p} verschwunden" in body for p in expected) and url in body
    # Webhook: the same JSON document.
    assert len(posted) == 2 and posted[-1] == doc
